/**
 * Phone numbers.
 * - `phoneKey`: the number as a duplicate key — digits only, a +86 / 0086 / 86 country prefix
 *   dropped ("+86 138-1234-5678" → "13812345678"); null for masked numbers ("138****5678"),
 *   for fewer than 10 digits (the templates show "5678", the last four digits; a local number
 *   without its area code names different lines in different cities) and for cells that are not
 *   a phone number.
 * - `maskPhone`: keeps the last 4 digits, and the first 3 of a Chinese mobile number
 *   ("13812345678" → "138****5678", "010-62345678" → "*******5678").
 * - `isMaskedPhone`: the cell already hides digits with * or ×.
 */
import type { CellValue } from "../types";
import { normalizeText } from "./text";

/** What a phone cell may contain besides digits: +, spaces, dashes, brackets, dots. */
const PHONE_TEXT = /^\(?\+?[\d\s\-().]+$/;
const MASK = /^\+?[\d\s\-().]*[*×xX]{2,}[\d\s\-().*×xX]*$/;
const MOBILE = /^1[3-9]\d{9}$/;
/** A full number: a mobile (11), a landline with its area code (10–12). A local number alone is no key. */
const MIN_KEY_DIGITS = 10;

const phoneText = (v: CellValue): string | null => {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 ? String(v) : null;
  if (typeof v !== "string") return null;
  return normalizeText(v);
};

/** Digits without a Chinese country prefix. */
function nationalDigits(text: string): string {
  const digits = text.replace(/\D/g, "");
  if (text.startsWith("+86") || digits.startsWith("0086")) return digits.slice(digits.startsWith("0086") ? 4 : 2);
  if (digits.length === 13 && digits.startsWith("86") && MOBILE.test(digits.slice(2))) return digits.slice(2);
  return digits;
}

export function isMaskedPhone(v: CellValue): boolean {
  const text = phoneText(v);
  return text !== null && /\d/.test(text) && MASK.test(text);
}

export function phoneKey(v: CellValue): string | null {
  const text = phoneText(v);
  if (text === null || !PHONE_TEXT.test(text)) return null;
  const digits = nationalDigits(text);
  return digits.length >= MIN_KEY_DIGITS && digits.length <= 15 ? digits : null;
}

/** True for an 11-digit Chinese mobile number (after dropping a country prefix). */
export const isMobile = (key: string): boolean => MOBILE.test(key);

/** The masked form of a phone cell, or null when the cell is no phone number (or is masked already). */
export function maskPhone(v: CellValue): string | null {
  const key = phoneKey(v);
  if (key === null) return null;
  if (isMobile(key)) return `${key.slice(0, 3)}****${key.slice(7)}`;
  return "*".repeat(key.length - 4) + key.slice(-4);
}
