/**
 * 18-digit resident identity numbers (公民身份号码), GB 11643-1999: a 6-digit address code, the
 * birth date yyyymmdd, a 3-digit sequence, and a check character computed with ISO 7064:1983
 * MOD 11-2: with weights Wi = 2^(i−1) mod 11 for position i counted from the right (the check
 * character is i = 1), i.e. 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 for the first 17 digits from the
 * left, the check is (12 − Σ ai·Wi mod 11) mod 11, written "X" for 10 — the table
 * Σ mod 11 = 0 1 2 3 4 5 6 7 8 9 10 → 1 0 X 9 8 7 6 5 4 3 2.
 * The standard's own example: 11010519491231002X.
 */
import { dayFromYmd } from "../parse/day";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";
const FORM = /^\d{17}[\dX]$/;

/** The check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** True for an 18-character ID number with a real birth date and the right check character. */
export function isResidentId(s: string): boolean {
  const id = s.trim().toUpperCase();
  if (!FORM.test(id)) return false;
  const y = Number(id.slice(6, 10));
  if (y < 1900 || dayFromYmd(y, Number(id.slice(10, 12)), Number(id.slice(12, 14))) === null) return false;
  return residentIdCheckChar(id.slice(0, 17)) === id[17];
}

/** 18-character runs in free text that are valid ID numbers. */
export function findResidentIds(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g)) {
    if (isResidentId(m[0])) out.push(m[0].toUpperCase());
  }
  return out;
}
