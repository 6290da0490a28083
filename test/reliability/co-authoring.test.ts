/**
 * Co-authoring (Excel on the web): another author edits the sheet between the add-in's read and its write. The
 * host's beforeSync hook lets a test land that edit between two of the add-in's round trips. The add-in re-checks
 * what its writes depend on right before the first write (src/excel/recheck.ts) and refuses with SHEET_CHANGED,
 * writing nothing: the workbook is then exactly the workbook with the other person's edit. Or, when the edit came
 * early enough to be read, the result is exactly that of a run on the edited sheet.
 */
import type { Lang } from "../../src/engine/types";
import { errorMessage } from "../../src/i18n/messages";
import { LANGS } from "../../src/i18n/headers";
import { HostWorkbook } from "../../src/xlsx-host";
import type { RunOptions } from "../../src/excel/types";
import { BAD_AS_OF, HEADER_ROW, SHEET, badCases } from "../fixtures/bad/build";
import { TEMPLATE_AS_OF, TEMPLATE_SHEET, dirtyTemplate } from "../fixtures/dirty/template";
import { WorkbookView, workbookView } from "./helpers/host-view";
import { Outcome, runSegment } from "./helpers/run";

type Edit = (context: Excel.RequestContext) => Promise<void>;

const caseBytes = (name: string) =>
  (badCases().find((c) => c.name === name) as { bytes(): Promise<Uint8Array> }).bytes();

/** The plain template, and the same after one run (its columns then belong to the add-in). */
async function fixtures() {
  const plain = await caseBytes("baseline");
  const once = await HostWorkbook.fromXlsx(plain);
  const first = await runSegment(once, { asOf: BAD_AS_OF });
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  return { plain, segmented: await once.toXlsx(), table: await caseBytes("filtered-table"), columns: first.summary };
}
let F: Awaited<ReturnType<typeof fixtures>>;
beforeAll(async () => {
  F = await fixtures();
});

/** 1-based rows: the header is HEADER_ROW, the 12 customers below it. */
const DATA_FIRST = HEADER_ROW + 1;
const DATA_LAST = HEADER_ROW + 12;

async function rows(context: Excel.RequestContext, address: string): Promise<(string | number | boolean)[][]> {
  const r = context.workbook.worksheets.getItem(SHEET).getRange(address);
  r.load("formulas");
  await context.sync();
  return r.formulas as (string | number | boolean)[][];
}

/** The other author's edits, as they would type them. */
const EDITS: Record<string, (lastColumn: string) => Edit> = {
  "inserts a row in the middle": (last) => async (context) => {
    const below = await rows(context, `A6:${last}${DATA_LAST}`);
    const sheet = context.workbook.worksheets.getItem(SHEET);
    sheet.getRange(`A7:${last}${DATA_LAST + 1}`).formulas = below;
    sheet.getRange(`A6:${last}6`).formulas = [below[0].map((_, i) => (i === 0 ? 99999 : i === 1 ? "新客户" : ""))];
    await context.sync();
  },
  "sorts the table by amount": (last) => async (context) => {
    const data = await rows(context, `A${DATA_FIRST}:${last}${DATA_LAST}`);
    const sorted = [...data].sort((a, b) => Number(b[4]) - Number(a[4]));
    context.workbook.worksheets.getItem(SHEET).getRange(`A${DATA_FIRST}:${last}${DATA_LAST}`).formulas = sorted;
    await context.sync();
  },
  "renames the id header": () => async (context) => {
    context.workbook.worksheets.getItem(SHEET).getRange(`A${HEADER_ROW}`).values = [["会员编号"]];
    await context.sync();
  },
  "adds a customer right under the table": () => async (context) => {
    context.workbook.worksheets.getItem(SHEET).getRange(`A${DATA_LAST + 1}:E${DATA_LAST + 1}`).values = [
      [88888, "新来的", "上海", 3, 500],
    ];
    await context.sync();
  },
};

/** Column letter of the last used column of the template sheet. */
async function lastColumn(wb: HostWorkbook): Promise<string> {
  return wb.run(async (context) => {
    const used = context.workbook.worksheets.getItem(SHEET).getUsedRange(true);
    used.load("address");
    await context.sync();
    return /:\$?([A-Z]+)\$?\d+$/.exec(used.address)?.[1] ?? "A";
  });
}

/** The workbook with only the other author's edit (what a refused run must leave). */
async function withEdit(bytes: Uint8Array, edit: Edit): Promise<WorkbookView> {
  const wb = await HostWorkbook.fromXlsx(bytes);
  await wb.run(edit);
  return workbookView(wb);
}

/** A run on the edited workbook from the start (what a run that saw the edit must give). */
async function runOnEdited(bytes: Uint8Array, edit: Edit): Promise<WorkbookView> {
  const wb = await HostWorkbook.fromXlsx(bytes);
  await wb.run(edit);
  await runSegment(wb, { asOf: BAD_AS_OF });
  return workbookView(wb);
}

/** Runs with the edit landing right before sync `at`; returns the outcome and the workbook after. */
async function runWithEdit(
  bytes: Uint8Array,
  edit: Edit,
  at: number,
  options: Partial<RunOptions> = {}
): Promise<{ outcome: Outcome; view: WorkbookView }> {
  const wb = await HostWorkbook.fromXlsx(bytes);
  wb.options.beforeSync = async (n) => {
    if (n === at) await wb.run(edit);
  };
  const outcome = await runSegment(wb, { asOf: BAD_AS_OF, ...options });
  wb.options.beforeSync = undefined;
  return { outcome, view: await workbookView(wb) };
}

/** Syncs of a run without edits: `read` = when the read ended, `check` = the re-check's last sync, `total`. */
async function syncsOf(
  bytes: Uint8Array,
  options: Partial<RunOptions> = {}
): Promise<{ read: number; check: number; total: number }> {
  const wb = await HostWorkbook.fromXlsx(bytes);
  const at = { read: 0, check: 0 };
  await runSegment(wb, {
    asOf: BAD_AS_OF,
    ...options,
    onProgress: (stage, done) => {
      if (stage === "read") at.read = wb.stats.syncs;
      if (stage === "write" && done === 0) at.check = wb.stats.syncs;
    },
  });
  return { ...at, total: wb.stats.syncs };
}

const same = (a: WorkbookView, b: WorkbookView) =>
  JSON.stringify([[...a.cells], a.sheets, a.settings]) === JSON.stringify([[...b.cells], b.sheets, b.settings]);

describe("another author edits the sheet between the add-in's read and its write", () => {
  test("the host's beforeSync hook: called before each sync with its number, not for the hook's own syncs", async () => {
    const wb = await HostWorkbook.fromXlsx(F.plain);
    const seen: number[] = [];
    wb.options.beforeSync = async (n) => {
      seen.push(n);
      if (n === 2) await wb.run(EDITS["renames the id header"]("G"));
    };
    await wb.run(async (context) => {
      const a = context.workbook.worksheets.getItem(SHEET).getRange(`A${HEADER_ROW}`);
      a.load("values");
      await context.sync();
      const before = a.values[0][0];
      a.load("values");
      await context.sync();
      expect([before, a.values[0][0]]).toEqual(["客户ID", "会员编号"]);
    });
    // Two syncs of the batch and the run's closing one; the edit's own sync was neither counted nor hooked.
    expect(seen).toEqual([1, 2, 3]);
    expect(wb.stats.syncs).toBe(3);
  });

  // Each edit right after the read (the engine is running): refused with SHEET_CHANGED, and the workbook is
  // exactly the workbook with the other person's edit — nothing written.
  const scenarios: [string, "plain" | "segmented"][] = [];
  for (const name of Object.keys(EDITS)) scenarios.push([name, "plain"], [name, "segmented"]);
  test.each(scenarios)("%s (%s sheet): refused, their edit kept, nothing written", async (name, which) => {
    const bytes = which === "plain" ? F.plain : F.segmented;
    const edit = EDITS[name](await lastColumn(await HostWorkbook.fromXlsx(bytes)));
    const { read } = await syncsOf(bytes);
    const { outcome, view } = await runWithEdit(bytes, edit, read + 1);
    expect(outcome.ok ? "ok" : outcome.error).toEqual({ code: "SHEET_CHANGED", params: { sheet: SHEET } });
    expect(same(view, await withEdit(bytes, edit))).toBe(true);
  });

  test("types into a column the add-in owns, in the table and beside an Excel table: refused", async () => {
    // The template after one run: RFM分组 is part of the plain range.
    const col = F.columns.written.columnAddresses.rfmCode as string;
    const cell = col.split("!")[1].split(":")[0].replace(/\$/g, "");
    const typed: Edit = async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange(cell).values = [["VIP，勿动"]];
      await context.sync();
    };
    const { read } = await syncsOf(F.segmented);
    const r = await runWithEdit(F.segmented, typed, read + 1);
    expect(r.outcome.ok ? "ok" : r.outcome.error.code).toBe("SHEET_CHANGED");
    expect(same(r.view, await withEdit(F.segmented, typed))).toBe(true);

    // An Excel table: the add-in's columns stand beside it, outside the table; a typed cell there is seen too.
    const first = await HostWorkbook.fromXlsx(F.table);
    const once = await runSegment(first, { asOf: BAD_AS_OF });
    if (!once.ok) throw new Error(JSON.stringify(once.error));
    const tableBytes = await first.toXlsx();
    const beside = (once.summary.written.columnAddresses.rfmLabel as string)
      .split("!")[1]
      .split(":")[0]
      .replace(/\$/g, "");
    const typedBeside: Edit = async (context) => {
      context.workbook.worksheets.getItem(SHEET).getRange(beside).values = [["重点跟进"]];
      await context.sync();
    };
    const t = await syncsOf(tableBytes);
    const r2 = await runWithEdit(tableBytes, typedBeside, t.read + 1);
    expect(r2.outcome.ok ? "ok" : r2.outcome.error.code).toBe("SHEET_CHANGED");
    expect(same(r2.view, await withEdit(tableBytes, typedBeside))).toBe(true);
  });

  test("edits a cell that an accepted cleaning fix would rewrite: refused, their value kept", async () => {
    // The dirty template: C001's 累计消费金额 is "4,200元", which the number fix would write as 4200.
    const bytes = await dirtyTemplate();
    const options = { acceptFixes: ["normalizeNumber" as const] };
    const typed: Edit = async (context) => {
      context.workbook.worksheets.getItem(TEMPLATE_SHEET).getRange("H4").values = [["'5,000元"]];
      await context.sync();
    };
    const clean = await HostWorkbook.fromXlsx(bytes);
    const done = await runSegment(clean, { asOf: TEMPLATE_AS_OF, ...options });
    if (!done.ok) throw new Error(JSON.stringify(done.error));
    expect(done.summary.cleaning.applied.byKind.normalizeNumber).toBeGreaterThan(0);
    const { read } = await syncsOf(bytes, { ...options, asOf: TEMPLATE_AS_OF });
    const r = await runWithEdit(bytes, typed, read + 1, { ...options, asOf: TEMPLATE_AS_OF });
    expect(r.outcome.ok ? "ok" : r.outcome.error).toEqual({ code: "SHEET_CHANGED", params: { sheet: TEMPLATE_SHEET } });
    expect(same(r.view, await withEdit(bytes, typed))).toBe(true);
  });

  test("an edit the writes do not depend on is kept and the run goes on", async () => {
    const note: Edit = async (context) => {
      const sheet = context.workbook.worksheets.getItem(SHEET);
      sheet.getRange("B5").values = [["改名的客户"]];
      sheet.getRange("Z1").values = [["会议纪要见共享盘"]];
      await context.sync();
    };
    for (const bytes of [F.plain, F.segmented]) {
      const { read } = await syncsOf(bytes);
      const { outcome, view } = await runWithEdit(bytes, note, read + 1);
      expect(outcome.ok).toBe(true);
      expect(same(view, await runOnEdited(bytes, note))).toBe(true);
    }
  });

  test("at every round trip up to the re-check, an edit is either read whole or refused — never written over", async () => {
    let refused = 0;
    let seen = 0;
    for (const bytes of [F.plain, F.segmented]) {
      const { check } = await syncsOf(bytes);
      const last = await lastColumn(await HostWorkbook.fromXlsx(bytes));
      for (const name of Object.keys(EDITS)) {
        const edit = EDITS[name](last);
        const edited = await withEdit(bytes, edit);
        const rerun = await runOnEdited(bytes, edit);
        for (let at = 1; at <= check; at++) {
          const { outcome, view } = await runWithEdit(bytes, edit, at);
          const ok = outcome.ok ? same(view, rerun) : outcome.error.code === "SHEET_CHANGED" && same(view, edited);
          // A run that read the edit may still refuse for its own reason (the renamed id header: MISSING_FIELD).
          const explained = !outcome.ok && outcome.error.code !== "SHEET_CHANGED" && same(view, edited);
          expect([name, at, ok || explained]).toEqual([name, at, true]);
          if (!outcome.ok && outcome.error.code === "SHEET_CHANGED") refused++;
          else seen++;
        }
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(seen).toBeGreaterThan(0);
  });

  test("SHEET_CHANGED says so in each language, naming the sheet", () => {
    for (const lang of LANGS as Lang[]) {
      const m = errorMessage({ code: "SHEET_CHANGED", params: { sheet: SHEET } }, lang);
      expect(m).toContain(SHEET);
      expect(m).not.toMatch(/\{\{/);
    }
  });

  test("the CLI's runs skip the re-check (a local file has no co-authors): fewer round trips", async () => {
    const on = await HostWorkbook.fromXlsx(F.segmented);
    await runSegment(on, { asOf: BAD_AS_OF });
    const off = await HostWorkbook.fromXlsx(F.segmented);
    await runSegment(off, { asOf: BAD_AS_OF, recheck: false });
    expect(off.stats.syncs).toBeLessThan(on.stats.syncs);
    expect(same(await workbookView(on), await workbookView(off))).toBe(true);
  });
});
