/**
 * The playground in Chromium, as a newcomer uses it: the sample opens, one click segments it, the
 * segments appear in the grid and in the pane; the same in English; a .csv and an .xlsx opened from
 * disk; the result downloaded. The page talks to nothing but the test server.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { HostWorkbook } from "../../src/xlsx-host";
import { SETTINGS_KEY } from "../../src/taskpane/settings/store";
import { RESULTS } from "./helpers/build";
import { offOrigin, pageCspViolations, screenshot, watchedPage, type Watched } from "./helpers/browser";
import { detectionDone, gridRow, heatmapTotal, paneCounts, paneReady, runSegmentation } from "./helpers/pane";
import type { StaticServer } from "./helpers/server";
import { browserSuite } from "./helpers/suite";

let server: StaticServer;
let browser: Browser;
const opened: Watched[] = [];

browserSuite((s) => ({ server, browser } = s));

async function openPlayground(options: { locale?: string } = {}): Promise<Watched> {
  const w = await watchedPage(browser, { origin: server.origin, locale: options.locale });
  opened.push(w);
  await w.page.goto(`${server.origin}/playground.html`);
  await paneReady(w.page);
  return w;
}

/** Nothing left the test server, nothing failed, and the CSP had nothing to block. */
async function expectClean(w: Watched) {
  expect(offOrigin(w.requests, server.origin)).toEqual([]);
  expect(w.blocked).toEqual([]);
  expect(w.errors).toEqual([]);
  expect(await pageCspViolations(w.page)).toEqual([]);
  expect(w.cspViolations).toEqual([]);
}

afterEach(async () => {
  for (const w of opened.splice(0)) await w.context.close();
});

const CJK = /[\u3400-\u9fff]/;

test("one click segments the sample (中文): segments appear in the grid and in the pane, from the worker", async () => {
  const w = await openPlayground();
  const { page } = w;
  expect(await page.textContent("h1")).toContain("客户细分助手");
  const table = await detectionDone(page);
  expect(table).toContain("工作表“客户信息”：第 3 行是表头，下面有 300 行数据。");
  expect(await page.inputValue("#ss-as-of")).toBe("2024-06-01");
  await screenshot(page, "playground-1-ready");

  expect(await runSegmentation(page)).toBe("result");
  await screenshot(page, "playground-2-segmented");
  const counts = await paneCounts(page);
  expect(Object.values(counts).reduce((n, c) => n + c.count, 0)).toBe(300);
  expect(Object.values(counts).every((c) => CJK.test(c.label))).toBe(true);
  expect(await heatmapTotal(page)).toBe(300);
  expect(await page.getAttribute("[data-testid=pane]", "data-engine")).toBe("worker");

  // The grid shows what was written: the owned columns' headers and a label in every customer row.
  await page.waitForFunction(() => document.querySelector("[data-testid=sheet-grid]")?.textContent?.includes("R分"));
  const header = await gridRow(page, 3);
  expect(header).toEqual(expect.arrayContaining(["R分", "F分", "M分", "RFM分组", "客户类型"]));
  const typeColumn = header.indexOf("客户类型");
  const first = await gridRow(page, 4);
  expect(first[0]).toBe("1001");
  expect(Object.values(counts).map((c) => c.label)).toContain(first[typeColumn]);

  // A link selects the written column: the grid highlights it.
  await page.getByRole("button", { name: "选中“RFM分组”列" }).click();
  await page.waitForSelector("[data-testid=selected]");
  expect(await page.textContent("[data-testid=selected]")).toMatch(/已选中 客户信息!\$?[A-Z]+\$?4:\$?[A-Z]+\$?303/);
  expect(await page.locator("[data-lit=true]").count()).toBeGreaterThan(10);
  // … and another shows the RFM sheet.
  await page.getByRole("button", { name: "打开工作表“RFM细分结果”" }).click();
  await page.waitForSelector('[data-testid=sheet-grid][data-sheet="RFM细分结果"]');
  expect(await gridRow(page, 1)).toEqual(expect.arrayContaining(["客户ID", "R分", "客户类型"]));
  await screenshot(page, "playground-3-rfm-sheet");
  await expectClean(w);
});

test("Undo last run: the sheet and the tabs are as before the run, and a second undo says there is nothing to undo", async () => {
  const w = await openPlayground();
  const { page } = w;
  await detectionDone(page);
  const header = await gridRow(page, 3);
  const first = await gridRow(page, 4);
  const tabs = await page.locator("[role=tab]").allTextContents();
  expect(await runSegmentation(page)).toBe("result");
  await page.waitForFunction(() => document.querySelector("[data-testid=sheet-grid]")?.textContent?.includes("R分"));

  await page.getByRole("button", { name: "撤销上次细分" }).click();
  await page.waitForSelector("[data-testid=undo-done]");
  expect(await page.textContent("[data-testid=undo-done]")).toContain("已撤销上次细分");
  await page.waitForFunction(() => !document.querySelector("[data-testid=sheet-grid]")?.textContent?.includes("R分"));
  expect(await gridRow(page, 3)).toEqual(header);
  expect(await gridRow(page, 4)).toEqual(first);
  expect(await page.locator("[role=tab]").allTextContents()).toEqual(tabs);

  await page.getByRole("button", { name: "撤销上次细分" }).click();
  await page.waitForSelector("[data-testid=failure]");
  expect(await page.textContent("[data-testid=failure]")).toContain("[NOTHING_TO_UNDO]");
  await expectClean(w);
});

test("English: switch the language and run again; labels, headers and sheet names follow", async () => {
  const w = await openPlayground();
  const { page } = w;
  await page.getByLabel("语言", { exact: true }).selectOption("en");
  await page.waitForSelector("text=Segment this sheet");
  expect(await page.textContent("h1")).toContain("Segment Sheet");
  expect(await detectionDone(page)).toContain('Sheet "客户信息": the header is row 3');
  expect(await runSegmentation(page)).toBe("result");
  const counts = await paneCounts(page);
  expect(Object.values(counts).reduce((n, c) => n + c.count, 0)).toBe(300);
  for (const c of Object.values(counts)) expect(c.label).not.toMatch(CJK);
  expect(await page.textContent("[data-testid=result]")).toContain(
    'Sheet "客户信息": 300 customers, as of 2024-06-01.'
  );
  await page.waitForFunction(
    () =>
      document.querySelector("[data-testid=sheet-grid]")?.textContent?.includes("Customer type") ||
      document.querySelector("[data-testid=sheet-grid]")?.textContent?.includes("客户类型")
  );
  const header = await gridRow(page, 3);
  const first = await gridRow(page, 4);
  // The template's 客户类型 column is filled in place; its cells now hold English labels.
  const labels = Object.values(counts).map((c) => c.label);
  expect(first.some((text) => labels.includes(text))).toBe(true);
  expect(header.length).toBeGreaterThan(12);
  await page.getByRole("button", { name: 'Open sheet "RFM segments"' }).click();
  await page.waitForSelector('[data-testid=sheet-grid][data-sheet="RFM segments"]');
  expect(await gridRow(page, 1)).toEqual(expect.arrayContaining(["Customer ID", "R score", "Customer type"]));
  await screenshot(page, "playground-4-english");
  await expectClean(w);
});

test("errors come in the user's language with the next step, and follow a language switch", async () => {
  const w = await openPlayground();
  const { page } = w;
  await page.getByRole("tab", { name: "说明" }).click();
  const table = await detectionDone(page);
  expect(table).toContain("[NO_TABLE_FOUND]");
  expect(await runSegmentation(page)).toBe("failure");
  const failure = page.getByTestId("failure");
  expect(await failure.textContent()).toContain("[NO_TABLE_FOUND] 在工作表“说明”中没有找到客户表或订单表");
  expect(await failure.getByRole("button", { name: "重新检测" }).isVisible()).toBe(true);
  await page.getByLabel("语言", { exact: true }).selectOption("zh-TW");
  // The sheet's own name is data: it stays as written; the sentence around it changes.
  expect(await failure.textContent()).toContain("[NO_TABLE_FOUND] 在工作表「说明」中找不到客戶表或訂單表");
  await page.getByLabel("語言", { exact: true }).selectOption("en");
  expect(await failure.textContent()).toContain(
    '[NO_TABLE_FOUND] No customer or orders table was found on sheet "说明"'
  );
  expect(await failure.getByRole("button", { name: "Detect again" }).isVisible()).toBe(true);
  await screenshot(page, "playground-5-error-en");
  await expectClean(w);
});

test("settings: split by thresholds, a bad number flagged in place, a label renamed; the run uses them", async () => {
  const w = await openPlayground();
  const { page } = w;
  await page.getByRole("button", { name: "设置", exact: true }).click();
  await page.getByRole("radio", { name: "按固定阈值" }).check();
  const frequency = page.getByLabel("F 高：购买次数至少");
  await frequency.fill("3x");
  expect(await page.textContent("[data-testid=pane]")).toContain("请输入不小于 0 的数字。");
  expect(await page.getAttribute("[data-testid=segment-button]", "disabled")).not.toBeNull();
  await page.waitForSelector("[data-testid=settings-problem]");
  await frequency.fill("8");
  await page.getByRole("textbox", { name: "111 的名称" }).fill("高价值客户");
  expect(await page.locator("[data-testid=settings-problem]").count()).toBe(0);
  expect(await runSegmentation(page)).toBe("result");
  const counts = await paneCounts(page);
  expect(counts["111"].label).toBe("高价值客户");
  expect(Object.values(counts).reduce((n, c) => n + c.count, 0)).toBe(300);
  await screenshot(page, "playground-7-settings");
  await expectClean(w);
});

/** A customer CSV with one header the engine does not know (来店记录 = visits); the last purchase is 2023-12-27. */
function visitsCsv(): string {
  const lines = ["会员号,来店记录,消费金额,最近下单日期"];
  for (let i = 0; i < 40; i++) {
    const day = String(1 + (i % 28)).padStart(2, "0");
    lines.push(
      `M${100 + i},${1 + (i % 9)},"${(120 + i * 37).toLocaleString("en-US")}",2023-${i % 2 ? "11" : "12"}-${day}`
    );
  }
  return lines.join("\r\n") + "\r\n";
}

test("a .csv from disk (UTF-16 with BOM): unrecognised header mapped by hand, as-of date from the data, run", async () => {
  const w = await openPlayground();
  const { page } = w;
  const csv = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(visitsCsv(), "utf16le")]);
  await page.setInputFiles("[data-testid=file-input]", { name: "会员消费.csv", mimeType: "text/csv", buffer: csv });
  await page.waitForSelector('[data-testid=sheet-grid][data-sheet="会员消费"]');
  expect(await page.textContent("[data-testid=file-name]")).toContain("会员消费.csv");
  expect(await gridRow(page, 1)).toEqual(["会员号", "来店记录", "消费金额", "最近下单日期"]);
  await paneReady(page);
  expect(await detectionDone(page)).toContain("还缺少必需的列：消费频次");

  // The data ends in December 2023; today is much later: the pane says so and offers the data's date.
  await page.waitForSelector("[data-testid=as-of-gap]");
  await page.getByRole("button", { name: "改用 2023-12-27" }).click();
  expect(await page.inputValue("#ss-as-of")).toBe("2023-12-27");
  expect(await page.locator("[data-testid=as-of-gap]").count()).toBe(0);

  // Running now fails with a message that points at the mapping …
  expect(await runSegmentation(page)).toBe("failure");
  expect(await page.textContent("[data-testid=failure]")).toContain("[MISSING_FIELD]");
  await page.getByTestId("failure").getByRole("button", { name: "检查字段映射" }).click();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("ss-mapping");
  // … where the unknown header is mapped by hand (it goes into settings.fields).
  await page.selectOption("select[data-field=frequency]", "来店记录");
  await page.waitForSelector("[data-testid=mapping-missing]", { state: "detached" });
  expect(await runSegmentation(page)).toBe("result");
  const counts = await paneCounts(page);
  expect(Object.values(counts).reduce((n, c) => n + c.count, 0)).toBe(40);
  expect(await page.textContent("[data-testid=result]")).toContain("分析日期 2023-12-27");
  await screenshot(page, "playground-6-csv");
  await expectClean(w);
});

/** A workbook with English headers on a sheet named Customers, made with the same host the page uses. */
async function englishWorkbook(): Promise<Buffer> {
  const lines = ["Customer ID,Name,Last purchase,Purchases,Total spent"];
  for (let i = 0; i < 25; i++)
    lines.push(`C${i + 1},Name ${i + 1},2024-0${1 + (i % 5)}-1${i % 10},${1 + (i % 7)},${100 * (i + 1)}`);
  const book = HostWorkbook.fromCsv(lines.join("\n"), "Customers");
  return Buffer.from(await book.toXlsx());
}

test("an .xlsx from disk, segmented and downloaded as .xlsx with the results and the settings", async () => {
  const w = await openPlayground({ locale: "en-US" });
  const { page } = w;
  expect(await page.textContent("h1")).toContain("Segment Sheet"); // the browser's language picks English
  await page.setInputFiles("[data-testid=file-input]", {
    name: "customers.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: await englishWorkbook(),
  });
  await page.waitForSelector('[data-testid=sheet-grid][data-sheet="Customers"]');
  await paneReady(page);
  expect(await detectionDone(page)).toContain("A customer table");
  await page.fill("#ss-as-of", "2024-06-01");
  expect(await runSegmentation(page)).toBe("result");
  expect(Object.values(await paneCounts(page)).reduce((n, c) => n + c.count, 0)).toBe(25);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click("[data-testid=download]")]);
  expect(download.suggestedFilename()).toBe("customers.segmented.xlsx");
  const file = path.join(RESULTS, "e2e", "customers.segmented.xlsx");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await download.saveAs(file);
  const book = await HostWorkbook.fromXlsx(new Uint8Array(fs.readFileSync(file)));
  const [sheets, header, settings] = await book.run(async (context) => {
    const list = context.workbook.worksheets;
    list.load("items/name");
    const head = context.workbook.worksheets.getItem("Customers").getRange("A1:J1");
    head.load("values");
    const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
    item.load("value");
    await context.sync();
    return [list.items.map((s) => s.name), head.values[0], item.isNullObject ? null : String(item.value)];
  });
  expect(sheets.slice(0, 2)).toEqual(["Customers", "RFM segments"]);
  expect(header).toEqual(expect.arrayContaining(["R score", "F score", "M score", "RFM code", "Customer type"]));
  // The settings the run used are kept in the file (src/excel stores them; the pane reads them back).
  expect(JSON.parse(settings ?? "null")).toMatchObject({ asOf: "2024-06-01", rfm: { scoring: "quintiles" } });
  await expectClean(w);
});
