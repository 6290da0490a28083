/**
 * The review step in Chromium (issue 3), in the built task pane with office.js answered by the stand-in of
 * test/e2e/stub (Excel.run is src/xlsx-host): a messy customer sheet (test/fixtures/dirty/template.ts) →
 * "一键细分" shows what cleaning found, with counts and cell addresses, before anything is written → one
 * kind of fix ticked → "应用并细分" → the sheet's cells change for that kind only.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { CellValue } from "../../src/engine/types";
import { dirtyTemplate, TEMPLATE_AS_OF, TEMPLATE_HEADER, TEMPLATE_SHEET } from "../fixtures/dirty/template";
import { offOrigin, pageCspViolations, screenshot, watchedPage, type Watched } from "./helpers/browser";
import { detectionDone, paneCounts, paneReady, runSegmentation } from "./helpers/pane";
import type { StaticServer } from "./helpers/server";
import { browserSuite } from "./helpers/suite";

const PANE = { width: 360, height: 900 };
/** Where the page fetches the workbook from; answered with the template's bytes, not from the build. */
const WORKBOOK = "dirty-template.xlsx";

let dir: string;
let server: StaticServer;
let browser: Browser;
let bytes: Buffer;
const opened: Watched[] = [];

browserSuite((s) => ({ dir, server, browser } = s));
beforeAll(async () => {
  bytes = Buffer.from(await dirtyTemplate());
}, 60_000);

afterEach(async () => {
  for (const w of opened.splice(0)) await w.context.close();
});

async function paneOn(lang: string): Promise<Watched> {
  const w = await watchedPage(browser, {
    origin: server.origin,
    viewport: PANE,
    officeStub: { path: path.join(dir, "office-stub.js") },
    initScript: `window.__OFFICE_STUB_CONFIG__ = ${JSON.stringify({ displayLanguage: lang, workbookUrl: WORKBOOK })};`,
  });
  opened.push(w);
  // Registered after watchedPage's own route, so it answers first (Playwright runs routes newest first).
  await w.context.route(`${server.origin}/${WORKBOOK}`, (route) =>
    route.fulfill({
      body: bytes,
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    })
  );
  await w.page.goto(`${server.origin}/taskpane.html`);
  return w;
}

/** The customer sheet's cells, through the stand-in's Excel.run (what Excel would show). */
function sheetCells(page: Page): Promise<CellValue[][]> {
  return page.evaluate(async (sheet) => {
    const stub = (window as unknown as { __officeStub: { workbook(): Promise<unknown> } }).__officeStub;
    const book = (await stub.workbook()) as { run<T>(f: (c: Excel.RequestContext) => Promise<T>): Promise<T> };
    return book.run(async (context) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
      used.load("values");
      await context.sync();
      return used.values as (string | number | boolean)[][];
    });
  }, TEMPLATE_SHEET);
}

const count = async (page: Page, kind: string) =>
  Number(await page.getAttribute(`[data-finding=${kind}] [data-count]`, "data-count"));

test("a dirty sheet: the review shows counts and cells; one accepted kind changes only its cells", async () => {
  const w = await paneOn("zh-CN");
  const { page } = w;
  await paneReady(page);
  expect(await detectionDone(page)).toContain("工作表“客户信息”：第 3 行是表头");
  await page.fill("#ss-as-of", TEMPLATE_AS_OF);
  const before = await sheetCells(page);

  await page.click("[data-testid=segment-button]");
  await page.waitForSelector("[data-testid=cleaning-review]");
  // Nothing is written while the user reviews.
  expect(await sheetCells(page)).toEqual(before);
  // Counts per finding (worked out in test/engine/clean-template.test.ts), with addresses of sample cells.
  expect(await count(page, "normalizeNumber")).toBe(9);
  expect(await count(page, "normalizeCity")).toBe(3);
  expect(await count(page, "fillMedian")).toBe(1);
  expect(await count(page, "unmaskedPhone")).toBe(2);
  expect(await count(page, "outlierIqr")).toBe(1);
  expect(await page.textContent("[data-finding=normalizeCity]")).toContain("客户信息!E4：上海市");
  expect(await page.isVisible("[data-testid=privacy-warning]")).toBe(true);
  expect(await page.textContent("[data-testid=privacy-warning]")).toContain("2 个未脱敏的手机号");
  // Nothing ticked by default; tick the cities only.
  for (const kind of ["normalizeNumber", "normalizeDate", "normalizeCity", "fillMedian", "maskPhone"])
    expect(await page.isChecked(`input[data-fix=${kind}]`)).toBe(false);
  await page.check("input[data-fix=normalizeCity]");
  await screenshot(page, "cleaning-1-review");

  await page.click("[data-testid=review-apply]");
  await page.waitForSelector("[data-testid=result], [data-testid=failure]", { timeout: 120_000 });
  expect(await page.locator("[data-testid=result]").count()).toBe(1);
  const counts = await paneCounts(page);
  expect(Object.values(counts).reduce((n, c) => n + c.count, 0)).toBe(5);
  expect(counts["—"]).toEqual({ label: "新客户", count: 1 });
  expect(await page.textContent("[data-testid=result-cleaning]")).toContain("已写入 3 处修正");
  await screenshot(page, "cleaning-2-applied");

  const after = await sheetCells(page);
  const city = TEMPLATE_HEADER.indexOf("所在城市");
  const type = TEMPLATE_HEADER.indexOf("客户类型"); // the template's own empty column: the add-in fills it
  const changed: string[] = [];
  for (let r = 0; r < before.length; r++) {
    for (let c = 0; c < TEMPLATE_HEADER.length; c++) {
      if (c === type || after[r][c] === before[r][c]) continue;
      changed.push(`${r + 1}:${TEMPLATE_HEADER[c]}:${String(before[r][c])}→${String(after[r][c])}`);
    }
  }
  expect(changed).toEqual(["4:所在城市:上海市→上海", "6:所在城市:广东省深圳市→深圳", "8:所在城市:杭州市→杭州"]);
  // Everything else the review offered stays as typed: "４,200元"-style numbers, dates, unmasked phones.
  expect(after[3][TEMPLATE_HEADER.indexOf("累计消费金额(元)")]).toBe("4,200元");
  expect(after[4][TEMPLATE_HEADER.indexOf("上一次购买时间")]).toBe("2024年4月2日");
  expect(after[3][TEMPLATE_HEADER.indexOf("联系方式")]).toBe(13812345678);
  expect(after[3][city]).toBe("上海");
  // The 数据质量 column notes the outlier and the customer without purchases.
  const quality = after[2].indexOf("数据质量");
  expect(quality).toBeGreaterThan(type);
  expect(after[4][quality]).toBe("消费金额异常，不参与阈值估计（仍参与打分）");
  expect(after[7][quality]).toBe("无消费记录，标记为新客户");

  expect(offOrigin(w.requests, server.origin, true)).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(await pageCspViolations(page)).toEqual([]);
});

test("English pane: Back leaves the sheet untouched; masking phones is the privacy option", async () => {
  const w = await paneOn("en-US");
  const { page } = w;
  await paneReady(page);
  await detectionDone(page);
  await page.fill("#ss-as-of", TEMPLATE_AS_OF);
  const before = await sheetCells(page);
  await page.click("[data-testid=segment-button]");
  await page.waitForSelector("[data-testid=cleaning-review]");
  expect(await page.textContent("[data-testid=privacy-warning]")).toContain("2 unmasked phone numbers");
  await page.click("[data-testid=review-cancel]");
  await page.waitForSelector("[data-testid=cleaning-review]", { state: "detached" });
  expect(await sheetCells(page)).toEqual(before);

  const result = await runSegmentation(page, 120_000, async (p) => {
    await p.check("input[data-fix=maskPhone]");
    await p.click("[data-testid=review-apply]");
  });
  expect(result).toBe("result");
  const after = await sheetCells(page);
  const phone = TEMPLATE_HEADER.indexOf("联系方式");
  expect(after.slice(3).map((r) => r[phone])).toEqual(["138****5678", "139****1234", "137****1111", "5678", ""]);
  expect(w.errors).toEqual([]);
});
