/**
 * A CSV saved by Chinese Excel ("CSV (逗号分隔)") is GBK / GB18030 without a BOM. The xlsx-host's CSV
 * loader (src/xlsx-host/csv.ts) detects the encoding: these tests build real GB18030 bytes — with
 * Python's codec, not with the loader under test (Node's TextDecoder cannot encode GB18030) — and
 * load them with HostWorkbook.fromCsv, as the CLI opens a CSV.
 */
import { spawnSync } from "child_process";
import { cleanTable, defaultCleaningSettings } from "../../src/engine/clean";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { CellValue, RawTable } from "../../src/engine/types";
import { HostWorkbook } from "../../src/xlsx-host";
import { sheetValues } from "../helpers/workbook";

const CSV =
  "客户编号,姓名,所在城市,累计消费金额(元),上一次购买时间\r\n" +
  'C001,张三,上海市,"4,200元",2024年5月10日\r\n' +
  "C002,李四,广西壮族自治区,1.2万,2024年5月1日\r\n" +
  "C003,王五,北京,３００元,2024年4月2日\r\n";

function encode(text: string, codec: string): Uint8Array {
  const py = spawnSync(
    "/usr/bin/python3",
    [
      "-c",
      `import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode(${JSON.stringify(codec)}))`,
    ],
    { input: Buffer.from(text, "utf8") }
  );
  if (py.status !== 0) throw new Error(`python3 failed: ${py.stderr.toString()}`);
  return new Uint8Array(py.stdout);
}

async function load(bytes: Uint8Array): Promise<CellValue[][]> {
  const wb = HostWorkbook.fromCsv(bytes, "客户");
  return sheetValues(wb, "客户");
}

describe("GB18030 CSV from Chinese Excel", () => {
  const gbk = encode(CSV, "gb18030");

  test("the bytes really are GB18030: 客 is BF CD (GB 2312 row 31, cell 45), and as UTF-8 they are mojibake", () => {
    expect(Array.from(gbk.subarray(0, 2))).toEqual([0xbf, 0xcd]);
    expect(encode("客", "gbk")).toEqual(new Uint8Array([0xbf, 0xcd])); // GBK and GB18030 agree here
    const asUtf8 = new TextDecoder("utf-8").decode(gbk);
    expect(asUtf8).toContain("\ufffd");
    expect(asUtf8).not.toContain("客户编号");
  });

  test("HostWorkbook.fromCsv detects the encoding: Chinese headers and values come out right", async () => {
    const values = await load(gbk);
    expect(values[0]).toEqual(["客户编号", "姓名", "所在城市", "累计消费金额(元)", "上一次购买时间"]);
    expect(values[1]).toEqual(["C001", "张三", "上海市", "4,200元", "2024年5月10日"]);
    expect(values[2]).toEqual(["C002", "李四", "广西壮族自治区", "1.2万", "2024年5月1日"]);
    expect(values[3]).toEqual(["C003", "王五", "北京", "３００元", "2024年4月2日"]);
  });

  test("the same text as UTF-8 loads the same: detection, not an assumption of either", async () => {
    const utf8 = new Uint8Array(Buffer.from(CSV, "utf8"));
    expect(utf8).not.toEqual(gbk);
    expect(await load(utf8)).toEqual(await load(gbk));
  });

  test("and the cleaner reads the decoded cells", async () => {
    const [head, ...rows] = await load(gbk);
    const t: RawTable = { headers: head.map(String), rows };
    const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: "2024-06-01" });
    expect((r.fixes.normalizeCity ?? []).map((f) => (f.op === "set" ? f.after : ""))).toEqual(["上海", "广西"]);
    expect((r.fixes.normalizeNumber ?? []).map((f) => (f.op === "set" ? f.after : ""))).toEqual([4200, 12000, 300]);
    expect(r.summary.unparsed).toBe(0);
  });
});
