/**
 * Gender cells → "男" / "女": 男, 男性, 男士, 先生, M, Male, Man and 女, 女性, 女士, 小姐, F, Female,
 * Woman (any case, full- or half-width). Anything else is null: never guessed.
 * `genderFromTitle` reads a name written with a title ("*先生", "王女士"), as the templates mask
 * names: 先生 → 男, 女士/小姐 → 女.
 */
import type { CellValue } from "../types";
import { normalizeText } from "./text";

export type Gender = "男" | "女";

const WORDS: ReadonlyMap<string, Gender> = new Map<string, Gender>([
  ["男", "男"],
  ["男性", "男"],
  ["男士", "男"],
  ["先生", "男"],
  ["m", "男"],
  ["male", "男"],
  ["man", "男"],
  ["女", "女"],
  ["女性", "女"],
  ["女士", "女"],
  ["小姐", "女"],
  ["f", "女"],
  ["female", "女"],
  ["woman", "女"],
]);

export function parseGender(v: CellValue): Gender | null {
  if (typeof v !== "string") return null;
  return WORDS.get(normalizeText(v).toLowerCase()) ?? null;
}

/** "*先生", "王先生" → 男; "*女士", "李小姐" → 女; null otherwise. */
export function genderFromTitle(v: CellValue): Gender | null {
  if (typeof v !== "string") return null;
  const text = normalizeText(v);
  if (/^[^\s\d]{0,4}先生$/.test(text)) return "男";
  if (/^[^\s\d]{0,4}(?:女士|小姐)$/.test(text)) return "女";
  return null;
}
