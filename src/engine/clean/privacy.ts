/**
 * Privacy (脱敏), nothing sent anywhere:
 * - maskPhone: each unmasked number of the phone column (联系方式 / 手机号) gets a fix that keeps
 *   the last 4 digits, "13812345678" → "138****5678" (parse/phone.ts); applied only on request
 *   (the user accepts the kind);
 * - unmaskedPhone: a Chinese mobile number written out in full anywhere in the table, the phone
 *   column included (a warning);
 * - residentId: an 18-digit resident ID number with a valid ISO 7064 MOD 11-2 check digit
 *   (resident-id.ts) anywhere in the table (a warning); in a column named 身份证号, a cell that is
 *   no valid number is invalidResidentId.
 * Numbers in number columns (amounts, counts) are not scanned.
 */
import { isMobile, maskPhone, phoneKey } from "../parse/phone";
import { isBlank, normalizeText } from "../parse/text";
import type { Collector } from "./collector";
import { cellAt, type ParsedTable } from "./normalize";
import { findResidentIds, isResidentId } from "./resident-id";
import type { ColumnKind } from "./types";

/** A mobile number in free text: 11 digits from 13–19, optionally +86, not inside a longer number. */
const MOBILE_IN_TEXT = /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4})(?!\d)/g;
const SCANNED: ReadonlySet<ColumnKind> = new Set(["text", "category", "tags", "id", "phone", "idCard"]);
/** A mobile number has 11 digits, a resident ID 17 and a check character. */
const MIN_DIGITS = 11;

/** Digits of a text (ASCII and full-width), counted up to MIN_DIGITS without building a string. */
function enoughDigits(s: string): boolean {
  let n = 0;
  for (let i = 0; i < s.length && n < MIN_DIGITS; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19)) n++;
  }
  return n >= MIN_DIGITS;
}

/** A number that may be a mobile number written as a number: 11 digits starting 13–19. */
const mobileSized = (v: number): boolean => v >= 13_000_000_000 && v < 20_000_000_000;

export function privacyFindings(parsed: ParsedTable, out: Collector): void {
  const { table, profiles, blankRow } = parsed;
  profiles.forEach((p, col) => {
    if (!SCANNED.has(p.kind)) return;
    for (let r = 0; r < table.rows.length; r++) {
      if (blankRow[r]) continue;
      const v = cellAt(table, r, col);
      if (isBlank(v)) continue;
      if (p.kind === "phone") {
        const key = phoneKey(v);
        const masked = maskPhone(v);
        if (key !== null && masked !== null) {
          if (isMobile(key)) out.find({ kind: "unmaskedPhone", row: r, column: col, value: v });
          out.fixCell({ op: "set", kind: "maskPhone", row: r, column: col, before: v, after: masked, rule: "mask" });
        }
        continue;
      }
      if (typeof v !== "string") {
        // A number in an id column may still be a phone number (13812345678).
        if (typeof v === "number" && mobileSized(v) && isMobile(String(v)))
          out.find({ kind: "unmaskedPhone", row: r, column: col, value: v });
        continue;
      }
      if (p.kind !== "idCard" && !enoughDigits(v)) continue;
      const text = normalizeText(v);
      if (p.kind === "idCard") {
        out.find({ kind: isResidentId(text) ? "residentId" : "invalidResidentId", row: r, column: col, value: v });
        continue;
      }
      if (/\d{11}/.test(text.replace(/[-\s]/g, ""))) {
        MOBILE_IN_TEXT.lastIndex = 0;
        if (MOBILE_IN_TEXT.test(text)) out.find({ kind: "unmaskedPhone", row: r, column: col, value: v });
        if (findResidentIds(text).length > 0) out.find({ kind: "residentId", row: r, column: col, value: v });
      }
    }
  });
}
