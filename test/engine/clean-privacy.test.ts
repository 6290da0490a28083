import { applyFixes, cleanTable, defaultCleaningSettings } from "../../src/engine/clean";
import { detectFields } from "../../src/engine/schema/detect-fields";
import type { RawTable } from "../../src/engine/types";

const AS_OF = "2024-06-01";

describe("privacy", () => {
  const t: RawTable = {
    headers: ["客户编号", "联系方式", "身份证号", "备注", "累计消费金额(元)"],
    rows: [
      ["C1", "13812345678", "11010519491231002X", "客户电话 139-0000-1234，已回访", 13812345678],
      ["C2", "138****5678", "110105194912310021", "身份证11010519491231002X", 100],
      ["C3", "5678", "", "订单号 20240510000001", 200],
      ["C4", "+86 13700001111", "", "", 300],
      ["C5", "010-62345678", "", "", 400],
    ],
  };
  const r = cleanTable(t, detectFields(t.headers), defaultCleaningSettings(), { asOf: AS_OF });
  const at = (kind: keyof typeof r.counts) => (r.samples[kind] ?? []).map((f) => [f.row, t.headers[f.column]]);

  test("the phone column's unmasked numbers get a mask that keeps the last 4 digits", () => {
    expect((r.fixes.maskPhone ?? []).map((f) => (f.op === "set" ? [f.row, f.before, f.after] : []))).toEqual([
      [0, "13812345678", "138****5678"],
      [3, "+86 13700001111", "137****1111"],
      [4, "010-62345678", "*******5678"],
    ]);
  });

  test("unmasked mobiles anywhere are warnings; numbers in number columns are not scanned", () => {
    expect(at("unmaskedPhone")).toEqual([
      [0, "联系方式"],
      [3, "联系方式"],
      [0, "备注"],
    ]);
  });

  test("resident ID numbers with a valid check digit are warnings; an ID column's invalid ones are findings", () => {
    expect(at("residentId")).toEqual([
      [0, "身份证号"],
      [1, "备注"],
    ]);
    expect(at("invalidResidentId")).toEqual([[1, "身份证号"]]);
  });

  test("masking is applied only when accepted", () => {
    expect(applyFixes(t, r, []).rows[0][1]).toBe("13812345678");
    expect(applyFixes(t, r, ["maskPhone"]).rows.map((row) => row[1])).toEqual([
      "138****5678",
      "138****5678",
      "5678",
      "137****1111",
      "*******5678",
    ]);
  });
});
