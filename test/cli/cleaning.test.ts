/**
 * Cleaning through the command line: `--summary` gains cleaning {duplicates, filled, outliers, unparsed,
 * excluded}; the fixes to write and the duplicate resolution come from the settings (cleaning.accept,
 * cleaning.duplicates.resolve). Inputs: the first 500 customers of ../shared/data/marketing_campaign.csv
 * (iFood "Customer Personality Analysis", tab-separated; sources in shared/data/SOURCES.md), its counts
 * checked against pandas on the same slice; the messy template (test/fixtures/dirty/template.ts); a
 * GB18030 CSV as Chinese Excel saves it (bytes made with Python's codec).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { runCli } from "../helpers/cli";
import { HostWorkbook } from "../../src/xlsx-host";
import { dirtyTemplate, TEMPLATE_AS_OF, TEMPLATE_SHEET } from "../fixtures/dirty/template";
import { sharedFile } from "../fixtures/dirty/shared-data";
import { col, sheetValues } from "../helpers/workbook";

const PY = "/usr/bin/python3";

const cli = (args: string[]) => runCli(args, "2024-06-01");

const tempDir = () => mkdtempSync(path.join(tmpdir(), "segment-sheet-cleaning-"));

/**
 * The command on `input` with `settings` in a settings file beside it, `--summary -`: the run, its summary
 * (parsed when the run succeeded) and the output file.
 */
async function runWithSettings(input: string, settings: unknown, asOf: string, lang: string, name: string) {
  const dir = path.dirname(input);
  const config = path.join(dir, `${name}.json`);
  writeFileSync(config, JSON.stringify(settings));
  const out = path.join(dir, `${name}.xlsx`);
  const r = await cli([input, "-o", out, "--as-of", asOf, "--config", config, "--summary", "-", "--lang", lang]);
  return { r, summary: r.code === 0 ? JSON.parse(r.stdout) : null, out };
}

function python(script: string, input?: Buffer): Buffer {
  const py = spawnSync(PY, ["-c", script], { input, maxBuffer: 64 * 1024 * 1024 });
  if (py.status !== 0) throw new Error(`python3 failed: ${py.stderr.toString()}`);
  return py.stdout;
}

describe("marketing_campaign.csv, first 500 customers", () => {
  const ROWS = 500;
  const MAPPING = { frequency: "NumStorePurchases", monetary: "MntWines" };
  let dir: string;
  let input: string;
  let expected: {
    blank_income: number;
    median: number;
    dup_redundant: number;
    outlier_rows: number;
  };

  beforeAll(() => {
    dir = tempDir();
    input = path.join(dir, "marketing_500.csv");
    const lines = readFileSync(sharedFile("marketing_campaign.csv"), "utf8").split(/\r?\n/);
    writeFileSync(input, lines.slice(0, ROWS + 1).join("\n") + "\n");
    // pandas on the same slice, sharing no code with the engine: blank incomes and their median; rows equal
    // but for the ID (redundant copies); rows whose Income or MntWines (mapped as M) is above 3 × the mean
    // or outside the quartiles ± 1.5 × IQR (type 7, pandas' default).
    const script = `
import json, sys, pandas as pd
d = pd.read_csv(sys.argv[1] if len(sys.argv) > 1 else ${JSON.stringify(input)}, sep="\\t")
cols = [c for c in d.columns if c != "ID"]
flag = pd.Series(False, index=d.index)
for c in ["Income", "MntWines"]:
    v = d[c].dropna()
    q1, q3 = v.quantile(0.25), v.quantile(0.75)
    iqr = q3 - q1
    flag |= (d[c] > 3 * v.mean()) | (d[c] < q1 - 1.5 * iqr) | (d[c] > q3 + 1.5 * iqr)
print(json.dumps({
  "blank_income": int(d.Income.isna().sum()),
  "median": float(d.Income.median()),
  "dup_redundant": int(d.duplicated(subset=cols).sum()),
  "outlier_rows": int(flag.sum()),
}))`;
    expected = JSON.parse(python(script).toString());
  });

  test("--summary's cleaning counts agree with pandas; nothing is written into the user's cells by default", async () => {
    const { r, summary, out } = await runWithSettings(input, { fields: MAPPING }, "2014-12-31", "en", "out");
    expect(r.stderr).not.toMatch(/\[/);
    expect(r.code).toBe(0);
    expect(expected.blank_income).toBeGreaterThan(0);
    expect(expected.dup_redundant).toBeGreaterThan(0);
    expect(summary.cleaning).toMatchObject({
      duplicates: expected.dup_redundant,
      filled: expected.blank_income,
      outliers: expected.outlier_rows,
      unparsed: 0,
      excluded: expected.outlier_rows,
      resolve: "keepLatest",
      applied: { kinds: [], cells: 0, byKind: {} },
    });
    // Rows equal but for the ID are reported, not folded unless accepted: every row is a customer.
    expect(summary.customers).toBe(ROWS);
    const wb = await HostWorkbook.fromXlsx(readFileSync(out));
    const v = await sheetValues(wb, summary.sheet);
    const income = col(v, 0, "Income");
    expect(v.slice(1).filter((row) => row[income] === "").length).toBe(expected.blank_income);
  });

  test("cleaning.accept in the settings: blank incomes get the median, duplicates folded and noted", async () => {
    const { r, summary, out } = await runWithSettings(
      input,
      { fields: MAPPING, cleaning: { accept: ["fillMedian", "duplicateButId"] } },
      "2014-12-31",
      "en",
      "accepted"
    );
    expect(r.code).toBe(0);
    expect(summary.cleaning.applied).toEqual({
      kinds: ["fillMedian"],
      cells: expected.blank_income,
      byKind: { fillMedian: expected.blank_income },
    });
    expect(summary.customers).toBe(ROWS - expected.dup_redundant);
    const wb = await HostWorkbook.fromXlsx(readFileSync(out));
    const v = await sheetValues(wb, summary.sheet);
    const income = col(v, 0, "Income");
    const quality = col(v, 0, "Data quality");
    expect(v.slice(1).filter((row) => row[income] === "")).toEqual([]);
    const filled = v.slice(1).filter((row) => String(row[quality]).includes("median"));
    expect(filled).toHaveLength(expected.blank_income);
    for (const row of filled) expect(row[income]).toBe(expected.median);
    expect(v.slice(1).filter((row) => String(row[quality]).startsWith("Duplicate record"))).toHaveLength(
      expected.dup_redundant
    );
  });
});

describe("the messy template", () => {
  test("settings choose the fixes and the duplicate resolution; the summary says what was applied", async () => {
    const dir = tempDir();
    const input = path.join(dir, "客户.xlsx");
    writeFileSync(input, await dirtyTemplate());
    const { r, summary, out } = await runWithSettings(
      input,
      { cleaning: { accept: ["normalizeNumber", "maskPhone"], duplicates: { resolve: "merge" } } },
      TEMPLATE_AS_OF,
      "zh-CN",
      "out"
    );
    expect(r.code).toBe(0);
    expect(summary.cleaning).toMatchObject({
      duplicates: 0,
      filled: 5,
      outliers: 1,
      unparsed: 0,
      excluded: 1,
      resolve: "merge",
      applied: { kinds: ["normalizeNumber", "maskPhone"], cells: 11, byKind: { normalizeNumber: 9, maskPhone: 2 } },
      noPurchaseCustomers: 1,
    });
    const v = await sheetValues(await HostWorkbook.fromXlsx(readFileSync(out)), TEMPLATE_SHEET);
    expect(v[3].slice(0, 9)).toEqual(["C001", "*先生", "男", 35, "上海市", "138****5678", 5, 4200, expect.any(Number)]);
  });
});

describe("a GB18030 CSV from Chinese Excel, through the CLI", () => {
  test("the encoding is detected: Chinese headers found, cities read, the summary's cleaning counted", async () => {
    const text =
      "客户编号,姓名,所在城市,近6个月消费频次,累计消费金额(元),上一次购买时间\r\n" +
      'C001,张三,上海市,５次,"4,200元",2024年5月10日\r\n' +
      "C002,李四,广西壮族自治区,3次,1.2万,2024年5月1日\r\n" +
      "C003,王五,北京,,,\r\n";
    const bytes = python(
      'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030"))',
      Buffer.from(text, "utf8")
    );
    expect(bytes.includes(Buffer.from("客户编号", "utf8"))).toBe(false); // not UTF-8
    const dir = tempDir();
    const input = path.join(dir, "客户.csv");
    writeFileSync(input, bytes);
    const out = path.join(dir, "out.xlsx");
    const r = await cli([input, "-o", out, "--as-of", "2024-06-01", "--summary", "-", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.fields).toMatchObject({ id: "客户编号", city: "所在城市", monetary: "累计消费金额(元)" });
    expect(summary.customers).toBe(3);
    expect(summary.cleaning).toMatchObject({ unparsed: 0, noPurchaseCustomers: 1 });
    const rfm = await sheetValues(await HostWorkbook.fromXlsx(readFileSync(out)), summary.written.rfmSheet.name);
    expect(rfm.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ["C001", 22, 5, 4200],
      ["C002", 31, 3, 12000],
      ["C003", "", 0, 0],
    ]);
  });
});
