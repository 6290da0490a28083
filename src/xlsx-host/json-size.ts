/**
 * The UTF-8 byte length of JSON.stringify(value), computed without building the text. The host counts every
 * request and response as Excel on the web would see it on the wire (context.ts); a write of a million
 * cells would otherwise make a 50 MB string only to measure it.
 *
 * Same rules as JSON.stringify (ECMA-262 SerializeJSONProperty / QuoteJSONString): toJSON is called,
 * undefined, functions and symbols are skipped in objects and become null in arrays, non-finite numbers
 * are null, -0 is "0", `"` and `\` and control characters are escaped (\b \t \n \f \r, else \u00XX), a lone
 * surrogate is escaped as \uDXXX (well-formed JSON.stringify), U+2028/U+2029 are not escaped.
 */
export function jsonUtf8Length(value: unknown): number {
  const n = valueSize(value, "", false);
  return n < 0 ? 0 : n;
}

/** Size of a value; -1 for a value JSON.stringify leaves out (undefined, function, symbol). */
function valueSize(value: unknown, key: string, inArray: boolean): number {
  let v = value;
  if (typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON === "function") {
    v = (v as { toJSON(k: string): unknown }).toJSON(key);
  }
  switch (typeof v) {
    case "string":
      return stringSize(v);
    case "number":
      return numberSize(v);
    case "boolean":
      return v ? 4 : 5;
    case "bigint":
      throw new TypeError("Do not know how to serialize a BigInt");
    case "undefined":
    case "function":
    case "symbol":
      return inArray ? 4 : -1;
  }
  if (v === null) return 4;
  if (Array.isArray(v)) return arraySize(v);
  return objectSize(v as Record<string, unknown>);
}

function arraySize(a: readonly unknown[]): number {
  const n = a.length;
  let size = 2 + (n > 0 ? n - 1 : 0);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    // The common cells first, without a call.
    if (typeof x === "string") size += stringSize(x);
    else if (typeof x === "number") size += numberSize(x);
    else size += valueSize(x, String(i), true);
  }
  return size;
}

function objectSize(o: Record<string, unknown>): number {
  let size = 2;
  let members = 0;
  for (const k of Object.keys(o)) {
    const s = valueSize(o[k], k, false);
    if (s < 0) continue;
    size += stringSize(k) + 1 + s;
    members++;
  }
  return size + (members > 0 ? members - 1 : 0);
}

function numberSize(x: number): number {
  if (!Number.isFinite(x)) return 4; // null
  if (Number.isInteger(x) && x > -1e15 && x < 1e15) {
    if (x === 0) return 1; // 0 and -0
    let n = x < 0 ? 2 : 1;
    for (let a = Math.abs(x); a >= 10; a = Math.floor(a / 10)) n++;
    return n;
  }
  return String(x).length; // ASCII digits, ".", "e", "+", "-"
}

/** Sizes of short strings already measured: a written column repeats the same label string object. */
const known = new Map<string, number>();
const KNOWN_MAX_LENGTH = 64;
const KNOWN_MAX_ENTRIES = 50_000;

function stringSize(s: string): number {
  if (s.length > KNOWN_MAX_LENGTH) return measure(s);
  let n = known.get(s);
  if (n === undefined) {
    n = measure(s);
    if (known.size < KNOWN_MAX_ENTRIES) known.set(s, n);
  }
  return n;
}

function measure(s: string): number {
  let n = 2;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20) n += c === 0x22 || c === 0x5c ? 2 : 1;
      else n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    } else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = i + 1 < len ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 6; // a lone surrogate: \uDXXX
    } else n += 3;
  }
  return n;
}
