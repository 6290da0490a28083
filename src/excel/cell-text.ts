/**
 * How a string from the user's data is written so that Excel keeps it as that exact text.
 *
 * Range.values is parsed as if typed: "00123" becomes the number 123, "011" becomes 11, "=x" becomes a
 * formula and a string that starts with "-" or "+" is parsed as a formula too
 * (https://github.com/OfficeDev/office-js/issues/3256). A leading apostrophe makes Excel store the rest
 * as text (the quote prefix; https://github.com/OfficeDev/office-js/issues/6687), so data never becomes
 * a formula or a number (OWASP CSV injection: = + - @ tab CR).
 */
export function asText(s: string): string {
  return "'" + s;
}

/** A number or boolean is written as it is; a string always as text. */
export function asCell(v: string | number | boolean): string | number | boolean {
  return typeof v === "string" ? asText(v) : v;
}

/** Distinct strings remembered by one textCells(): labels, codes and tags repeat over every row. */
const MEMO_ENTRIES = 10_000;

/**
 * asCell for many cells: the same short string gets the same quoted string, made once (a million rows
 * of "重要价值客户" make one "'重要价值客户", not a million).
 */
export function textCells(): (v: string | number | boolean) => string | number | boolean {
  const memo = new Map<string, string>();
  return (v) => {
    if (typeof v !== "string") return v;
    let t = memo.get(v);
    if (t === undefined) {
      t = asText(v);
      if (v.length <= 64 && memo.size < MEMO_ENTRIES) memo.set(v, t);
    }
    return t;
  };
}
