/**
 * Yes/no cells → boolean: 是/否, 有/无, 对/错, Y/N, Yes/No, TRUE/FALSE, √/×, ✓/✗, and 1/0.
 * Anything else (blank included) is null: never guessed.
 */
import type { CellValue } from "../types";
import { normalizeText } from "./text";

const TRUE_WORDS = ["是", "有", "对", "√", "✓", "✔", "y", "yes", "true", "1"];
const FALSE_WORDS = ["否", "不是", "无", "没有", "错", "×", "✗", "✘", "n", "no", "false", "0"];

const WORDS: ReadonlyMap<string, boolean> = new Map([
  ...TRUE_WORDS.map((w): [string, boolean] => [w, true]),
  ...FALSE_WORDS.map((w): [string, boolean] => [w, false]),
]);

export function parseBoolean(v: CellValue): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  const text = normalizeText(v).toLowerCase();
  return WORDS.get(text) ?? null;
}
