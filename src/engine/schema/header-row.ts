/**
 * How much a row looks like a header: the number of distinct fields its cells name. src/excel
 * scores the first rows of a sheet and takes the best one, so titles ("表1:客户信息管理表") and
 * blank rows above the header are skipped. Only text cells count.
 */
import type { CellValue } from "../types";
import { detectFields } from "./detect-fields";

export function headerRowScore(cells: CellValue[]): number {
  const texts = cells.map((c) => (typeof c === "string" ? c : ""));
  return Object.keys(detectFields(texts)).length;
}
