/**
 * 统一社会信用代码 (unified social credit identifier), GB 32100-2015 《法人和其他组织统一社会信用代码
 * 编码规则》: 18 characters from "0123456789ABCDEFGHJKLMNPQRTUWXY" (no I, O, Z, S, V), worth 0–30
 * in that order: registration authority (1), organisation kind (1), the registering office's
 * administrative division (6 digits, GB/T 2260), the organisation code (9, GB 11714), and a check
 * character C18. With the weights Wi = 3^(i−1) mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
 * 13, 8, 24, 10, 30, 28) for positions 1–17:
 *     C18 = 31 − (Σ Ci × Wi mod 31), and 0 when that is 31.
 * (Standard text: http://www.gb688.cn/bzgk/gb/newGbInfo?hcno=24691C25985C1073D3A7C85629378AC0 ;
 * the same algorithm is implemented in e.g. hutool's CreditCodeUtil and aarioai/id-rule.)
 * Some codes issued in pilot regions before the standard (Fujian, "91350211M0000XUF46") fail the
 * check although they are real: a failed check is reported, never "corrected".
 */

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORM = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

export type CreditCodeCheck = "valid" | "form" | "check";

/** Trimmed, half-width, upper case, without inner spaces. */
export function normalizeCreditCode(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : ch;
  }
  return out.replace(/[\s\u3000]+/g, "").toUpperCase();
}

/** The check character for the first 17 characters, or null when one is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** "valid"; "form" (not 18 characters of the right kinds); "check" (wrong check character). */
export function checkCreditCode(code: string): CreditCodeCheck {
  const c = normalizeCreditCode(code);
  if (!FORM.test(c)) return "form";
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? "valid" : "check";
}
