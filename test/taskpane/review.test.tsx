/**
 * The pane's review step (issue 3): its logic (src/taskpane/review.ts) on the review of the messy template
 * (test/fixtures/dirty/template.ts) read through the playground's host actions — the same PaneActions the
 * pane uses, over src/xlsx-host — and the CleaningReview component rendered in every language.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { defaultSettings } from "../../src/engine/config";
import type { Lang } from "../../src/engine/types";
import type { SheetReview } from "../../src/excel/types";
import { LANGS } from "../../src/i18n/headers";
import { createI18n } from "../../src/i18n/i18next";
import { uiStrings } from "../../src/i18n/ui";
import { createHostActions } from "../../src/playground/host-actions";
import { createEngineClient } from "../../src/taskpane/engine/client";
import { handleEngineRequest } from "../../src/taskpane/engine/handler";
import { readTable } from "../../src/excel/read-table";
import { cellAddress, parseAddress, quoteSheet } from "../../src/taskpane/address";
import { CleaningReview } from "../../src/taskpane/components/CleaningReview";
import { Providers } from "../../src/taskpane/components/Providers";
import {
  addressOf,
  findingRows,
  fixRows,
  groupRows,
  needsReview,
  noFixes,
  privacyOf,
  toggleFix,
} from "../../src/taskpane/review";
import { HostWorkbook } from "../../src/xlsx-host";
import { dirtyTemplate, TEMPLATE_AS_OF, TEMPLATE_SHEET } from "../fixtures/dirty/template";
import { sheetValues } from "../helpers/workbook";

async function templateActions() {
  const wb = await HostWorkbook.fromXlsx(await dirtyTemplate());
  const actions = createHostActions(wb, { currentSheet: () => TEMPLATE_SHEET, onChanged: () => undefined });
  return { wb, actions };
}

let review: SheetReview;
beforeAll(async () => {
  const { actions } = await templateActions();
  const outcome = await actions.preview!({ asOf: TEMPLATE_AS_OF, lang: "zh-CN", settings: defaultSettings() });
  if (!outcome.ok) throw new Error(outcome.message);
  review = outcome.review;
});

describe("addresses", () => {
  test("cells as Excel writes them, quoted when the sheet name needs it, and read back by parseAddress", () => {
    expect(cellAddress("客户信息", 3, 7)).toBe("客户信息!H4");
    expect(cellAddress("My Sheet", 0, 0)).toBe("'My Sheet'!A1");
    expect(cellAddress("It's", 1, 27)).toBe("'It''s'!AB2");
    expect(quoteSheet("AB12")).toBe("'AB12'"); // looks like a cell reference
    for (const [sheet, row, col] of [
      ["客户信息", 3, 7],
      ["My Sheet", 0, 0],
      ["It's", 1, 27],
      ["AB12", 9, 2],
    ] as const) {
      expect(parseAddress(cellAddress(sheet, row, col))).toMatchObject({ sheet, top: row, left: col });
    }
  });

  test("a finding's address: its cell below the header, the header for a column, column A… for a row", () => {
    // The template's header is on row 3 (two rows above it), data from row 4.
    expect(addressOf(review, 0, 7)).toBe("客户信息!H4");
    expect(addressOf(review, -1, 2)).toBe("客户信息!C3");
    expect(addressOf(review, 4, -1)).toBe("客户信息!A8");
  });
});

describe("review logic", () => {
  test("the messy template needs a review; the findings in order, with their cells", () => {
    expect(needsReview(review)).toBe(true);
    const rows = findingRows(review);
    const kinds = rows.map((r) => r.kind);
    expect(kinds.indexOf("fillRule")).toBeLessThan(kinds.indexOf("normalizeNumber"));
    const numbers = rows.find((r) => r.kind === "normalizeNumber");
    expect(numbers?.count).toBe(9);
    // Sampled column by column: 年龄 (D) first, then 近6个月消费频次 (G).
    expect(numbers?.samples).toEqual([
      { address: "客户信息!D4", value: "35岁", detail: "number: 35" },
      { address: "客户信息!D6", value: "42岁", detail: "number: 42" },
      { address: "客户信息!G4", value: "５次", detail: "number: 5" },
    ]);
    expect(rows.find((r) => r.kind === "outlierIqr")?.samples[0].address).toBe("客户信息!H5");
  });

  test("fixes per kind in the order they apply, each with its first cell; masking is offered apart", () => {
    const fixes = fixRows(review);
    expect(fixes.map((f) => f.kind)).toEqual([
      "normalizeNumber",
      "normalizeDate",
      "normalizeGender",
      "normalizeCity",
      "fillRule",
      "fillMedian",
    ]);
    expect(fixes[1]).toEqual({
      kind: "normalizeDate",
      count: 2,
      example: { address: "客户信息!I5", before: "2024年4月2日", after: "2024-04-02" },
    });
    expect(privacyOf(review)).toEqual({ phones: 2, ids: 0, canMask: 2 });
  });

  test("choices keep the fixes' order; nothing is accepted by default", () => {
    let c = noFixes("keepLatest");
    expect(c).toEqual({ accept: [], resolve: "keepLatest" });
    c = toggleFix(c, "maskPhone", true);
    c = toggleFix(c, "normalizeNumber", true);
    expect(c.accept).toEqual(["normalizeNumber", "maskPhone"]);
    expect(toggleFix(c, "maskPhone", false).accept).toEqual(["normalizeNumber"]);
  });

  test("duplicate groups with their rows as Excel numbers them; a clean table needs no review", async () => {
    const wb = HostWorkbook.fromCsv(
      new TextEncoder().encode(
        "客户编号,近6个月消费频次,累计消费金额(元),上一次购买时间\nA1,3,300,2024-05-01\nA2,5,800,2024-05-02\nA1,4,500,2024-05-20\n"
      ),
      "客户"
    );
    const actions = createHostActions(wb, { currentSheet: () => "客户", onChanged: () => undefined });
    const dup = await actions.preview!({ asOf: TEMPLATE_AS_OF, lang: "en", settings: defaultSettings() });
    if (!dup.ok) throw new Error(dup.message);
    expect(groupRows(dup.review)).toEqual({
      groups: [{ kind: "sameCustomer", rows: [2, 4], values: ["id:A1"] }],
      total: 1,
      sameCustomer: true,
    });
    const clean = HostWorkbook.fromCsv(
      new TextEncoder().encode(
        "客户编号,近6个月消费频次,累计消费金额(元),上一次购买时间\nB1,3,300,2024-05-01\nB2,5,800,2024-05-02\n"
      ),
      "客户"
    );
    const ok = await createHostActions(clean, { currentSheet: () => "客户", onChanged: () => undefined }).preview!({
      asOf: TEMPLATE_AS_OF,
      lang: "en",
      settings: defaultSettings(),
    });
    if (!ok.ok) throw new Error(ok.message);
    expect(needsReview(ok.review)).toBe(false);
  });
});

describe("the engine worker's review request", () => {
  test("the handler answers with the review; the client gets it on this thread when there is no worker", async () => {
    const wb = await HostWorkbook.fromXlsx(await dirtyTemplate());
    const { table } = await wb.run((context) => readTable(context, TEMPLATE_SHEET));
    const options = { asOf: TEMPLATE_AS_OF, lang: "zh-CN" as const };
    const response = handleEngineRequest({ id: 3, kind: "review", table, settings: defaultSettings(), options });
    if (response.kind !== "review" || !response.result.ok) throw new Error(JSON.stringify(response));
    expect(response.result.value.fixCounts).toEqual(review.review.fixCounts);
    const client = createEngineClient(null);
    const viaClient = await client.review(table, defaultSettings(), options);
    expect(viaClient).toEqual(response.result);
    expect(client.mode).toBe("thread");
  });
});

describe("the pane's actions", () => {
  test("preview writes nothing; segment with one accepted kind writes only that kind", async () => {
    const { wb, actions } = await templateActions();
    const before = await sheetValues(wb, TEMPLATE_SHEET);
    await actions.preview!({ asOf: TEMPLATE_AS_OF, lang: "zh-CN", settings: defaultSettings() });
    expect(await sheetValues(wb, TEMPLATE_SHEET)).toEqual(before);
    const outcome = await actions.segment({
      asOf: TEMPLATE_AS_OF,
      lang: "zh-CN",
      settings: defaultSettings(),
      overwriteTemplateColumns: false,
      acceptFixes: ["normalizeCity"],
    });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.summary.cleaning.applied).toEqual({
      kinds: ["normalizeCity"],
      cells: 3,
      byKind: { normalizeCity: 3 },
    });
    const after = await sheetValues(wb, TEMPLATE_SHEET);
    const city = 4;
    for (let r = 3; r < 8; r++) {
      for (let c = 0; c < 9; c++) if (c !== city) expect([r, c, after[r][c]]).toEqual([r, c, before[r][c]]);
    }
    expect(after.slice(3, 8).map((row) => row[city])).toEqual(["上海", "北京", "深圳", "成都", "杭州"]);
  });
});

describe("the CleaningReview component", () => {
  const render = (lang: Lang, accept: string[] = []) =>
    renderToStaticMarkup(
      <Providers i18n={createI18n(lang)} theme="light">
        <CleaningReview
          review={review}
          choice={{ accept: accept as never[], resolve: "keepLatest" }}
          onChange={() => undefined}
          onApply={() => undefined}
          onCancel={() => undefined}
          onSelect={() => undefined}
        />
      </Providers>
    );

  test.each([...LANGS])("%s: counts, cells, fixes, the privacy warning — every string translated", (lang) => {
    const html = render(lang);
    const ui = uiStrings[lang];
    expect(html).toContain('data-testid="cleaning-review"');
    expect(html).toContain(ui["review.title"]);
    expect(html).toContain(ui["review.apply"]);
    for (const row of findingRows(review)) {
      expect(html).toContain(`data-finding="${row.kind}"`);
      expect(html).toContain(`data-count="${row.count}"`);
      expect(html).toContain(ui[`review.finding.${row.kind}` as keyof typeof ui]);
    }
    for (const fix of fixRows(review)) expect(html).toContain(`data-fix="${fix.kind}"`);
    expect(html).toContain('data-fix="maskPhone"');
    expect(html).toContain('data-testid="privacy-warning"');
    expect(html).toContain('data-address="客户信息!D4"');
    expect(html).toContain('data-address="客户信息!H5"'); // the outlier
    expect(html).not.toMatch(/review\.(finding|fix)\./); // no key shown untranslated
  });

  test("a ticked kind is checked, the others not", () => {
    const html = render("en", ["normalizeDate"]);
    const input = (kind: string) => new RegExp(`<input[^>]*data-fix="${kind}"[^>]*>`).exec(html)?.[0] ?? "";
    const checked = (kind: string) => / checked/.test(input(kind));
    expect(input("normalizeNumber")).not.toBe("");
    expect(checked("normalizeDate")).toBe(true);
    expect(checked("normalizeNumber")).toBe(false);
  });
});
