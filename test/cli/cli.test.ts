/** The command line end to end: real files in a temporary folder, exit codes, summary JSON, outputs. */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { runCli } from "../helpers/cli";
import { HostWorkbook } from "../../src/xlsx-host";
import { SEED_AS_OF, seedTable1, seedTable2 } from "../fixtures/seed-workbooks";
import { col, sheetValues } from "../helpers/workbook";

const ROOT = path.resolve(__dirname, "../..");

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, "2024-06-01", env);

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "segment-sheet-cli-"));
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("segment-sheet CLI", () => {
  it("segments a template .xlsx into <name>.segmented.xlsx, leaves the input alone, and prints the summary", async () => {
    const dir = tempDir();
    const input = path.join(dir, "客户.xlsx");
    writeFileSync(input, await seedTable1());
    const before = sha(input);
    const config = path.join(dir, "settings.json");
    writeFileSync(
      config,
      JSON.stringify({ rfm: { split: "thresholds", thresholds: { recencyDays: 30, frequency: 5, monetary: 2000 } } })
    );
    const r = await cli([input, "--as-of", SEED_AS_OF, "--config", config, "--summary", "-", "--lang", "zh-CN"]);
    expect(r.stderr).toContain("已完成");
    expect(r.code).toBe(0);
    expect(sha(input)).toBe(before);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({
      sheet: "客户信息",
      headerRow: 3,
      kind: "customers",
      rows: 3,
      customers: 3,
      rfm: { asOf: SEED_AS_OF, scoring: "quintiles", split: "thresholds" },
      written: { rfmSheet: { name: "RFM细分结果" } },
    });
    expect(summary.fields.id).toBe("客户ID");
    expect(summary.segments.find((s: { code: string }) => s.code === "011").count).toBe(1);
    for (const key of ["rfmCode", "rfmLabel", "rScore", "fScore", "mScore"])
      expect(summary.written.columns[key]).toBeTruthy();
    for (const key of [
      "id",
      "recencyDays",
      "frequency",
      "monetary",
      "rScore",
      "fScore",
      "mScore",
      "rfmCode",
      "rfmLabel",
    ]) {
      expect(summary.written.rfmSheet.columns[key]).toBeTruthy();
    }
    // Without --web-limits there is no payload limit: the round trips are counted, payloads not sized.
    expect(summary.io.syncs).toBeGreaterThan(0);
    expect(summary.io).not.toHaveProperty("maxRequestBytes");

    const out = path.join(dir, "客户.segmented.xlsx");
    const wb = await HostWorkbook.fromXlsx(readFileSync(out));
    const v = await sheetValues(wb, "客户信息");
    const c = col(v, 2, "RFM分组");
    expect([v[3][c], v[4][c], v[5][c]]).toEqual(["111", "011", "000"]);
  });

  it("writes a .csv output holding the segmented sheet's rows and the owned columns", async () => {
    const dir = tempDir();
    const input = path.join(dir, "rfm.xlsx");
    writeFileSync(input, await seedTable2());
    const out = path.join(dir, "out.csv");
    const r = await cli([input, "-o", out, "--as-of", SEED_AS_OF, "--lang", "en"]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, "utf8").replace(/^\uFEFF/, "");
    const lines = text.trim().split(/\r\n/);
    const header = lines.find((l) => l.startsWith("客户ID"));
    expect(header).toBeDefined();
    expect(header).toContain("RFM分组");
    expect(header).toContain("R score");
    expect(lines.some((l) => l.startsWith("1002,"))).toBe(true);
  });

  it("reads a CSV input as a one-sheet workbook", async () => {
    const dir = tempDir();
    const input = path.join(dir, "orders.csv");
    writeFileSync(input, "客户ID,下单日期,金额\nA1,2024-05-01,100\nA1,2024-05-20,50\nB2,2024-01-10,30\n");
    const r = await cli([input, "--as-of", "2024-06-01", "--summary", "-"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.kind).toBe("orders");
    expect(summary.customers).toBe(2);
    expect(existsSync(path.join(dir, "orders.segmented.xlsx"))).toBe(true);
  });

  it("exits 2 with one sentence in the chosen language and no output file for a file that is not a workbook", async () => {
    const dir = tempDir();
    const input = path.join(dir, "notes.xlsx");
    writeFileSync(input, "this is not a zip file");
    for (const [lang, word] of [
      ["en", "not an .xlsx workbook"],
      ["zh-CN", "不是 .xlsx 工作簿"],
      ["zh-TW", "不是 .xlsx 活頁簿"],
    ]) {
      const r = await cli([input, "--lang", lang]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("[NOT_A_WORKBOOK]");
      expect(r.stderr).toContain(word);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
    expect(readdirSync(dir)).toEqual(["notes.xlsx"]);
  });

  it("refuses settings with an unknown key or a bad value, naming it", async () => {
    const dir = tempDir();
    const input = path.join(dir, "c.xlsx");
    writeFileSync(input, await seedTable1());
    const config = path.join(dir, "s.json");
    writeFileSync(config, JSON.stringify({ rfm: { split: "median" } }));
    let r = await cli([input, "--config", config, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("rfm.split");
    writeFileSync(config, JSON.stringify({ colour: "red" }));
    r = await cli([input, "--config", config, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("colour");
    expect(existsSync(path.join(dir, "c.segmented.xlsx"))).toBe(false);
  });

  it("refuses a bad --as-of date and a missing file with exit 2", async () => {
    const dir = tempDir();
    const input = path.join(dir, "c.xlsx");
    writeFileSync(input, await seedTable1());
    expect((await cli([input, "--as-of", "2024-02-30"])).code).toBe(2);
    const missing = await cli([path.join(dir, "nope.xlsx"), "--lang", "en"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("[FILE_NOT_FOUND]");
  });

  it("needs --overwrite-template-columns to fill a template column a person already filled", async () => {
    const dir = tempDir();
    const input = path.join(dir, "c.xlsx");
    writeFileSync(input, await seedTable1({ customerTypes: ["VIP", "", ""] }));
    const refused = await cli([input, "--as-of", SEED_AS_OF, "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("[USER_COLUMN_NOT_EMPTY]");
    expect(refused.stderr).toContain("客户类型");
    const ok = await cli([input, "--as-of", SEED_AS_OF, "--overwrite-template-columns"]);
    expect(ok.code).toBe(0);
  });

  it("runs as an installed command (bin/segment-sheet.js) with the exit code of the run", async () => {
    const dir = tempDir();
    const input = path.join(dir, "c.xlsx");
    writeFileSync(input, await seedTable2());
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, "bin/segment-sheet.js"), input, "--as-of", SEED_AS_OF, "--summary", "-"],
      { cwd: ROOT }
    );
    expect(JSON.parse(stdout).customers).toBe(3);
    await expect(
      run(process.execPath, [path.join(ROOT, "bin/segment-sheet.js"), path.join(dir, "missing.xlsx")], { cwd: ROOT })
    ).rejects.toMatchObject({ code: 2 });
  });
  it("--undo writes the workbook as it was before the last run into <name>.undone.xlsx; a second undo exits 2", async () => {
    const dir = tempDir();
    const input = path.join(dir, "c.xlsx");
    writeFileSync(input, await seedTable1());
    expect((await cli([input, "--as-of", SEED_AS_OF, "--lang", "zh-CN"])).code).toBe(0);
    const segmented = path.join(dir, "c.segmented.xlsx");
    const before = sha(segmented);
    const r = await cli([segmented, "--undo", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("已撤销");
    expect(sha(segmented)).toBe(before);
    const undone = path.join(dir, "c.segmented.undone.xlsx");
    const original = await HostWorkbook.fromXlsx(readFileSync(input));
    const back = await HostWorkbook.fromXlsx(readFileSync(undone));
    expect(await sheetValues(back, "客户信息")).toEqual(await sheetValues(original, "客户信息"));
    const again = await cli([undone, "--undo", "--lang", "en"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("[NOTHING_TO_UNDO]");
  });
});
