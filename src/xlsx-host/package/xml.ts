/**
 * Small XML helpers for editing package parts as text: escaping, attributes of one start tag, and elements
 * found by name. Parts are edited in place (a regular expression per element), never re-serialised, so what
 * the writer does not change keeps its bytes.
 */

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Escapes text content (& < >). */
export function escText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]);
}

/** Escapes an attribute value (& < > "). */
export function escAttr(s: string): string {
  return s.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c]);
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" };

/** Decodes the entities and character references of XML text or an attribute value. */
export function unescXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|quot|apos|amp);/g, (_, e: string) => {
    if (e[0] !== "#") return NAMED[e];
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

/**
 * SpreadsheetML's own escape for characters XML 1.0 cannot carry (ST_Xstring, ECMA-376 Part 1 §22.9.2.19):
 * a control character is written `_xHHHH_`, and a literal `_xHHHH_` in the text is protected as `_x005F_xHHHH_`.
 */
export function escXstring(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/.test(s)) return s;
  return s.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex
    /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** Decodes `_xHHHH_` escapes (the inverse of escXstring). */
export function unescXstring(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

const attrRes = new Map<string, RegExp>();

/** The regular expression of attribute `name` (a space, the name, =, a quoted value). */
function attrRe(name: string): RegExp {
  let re = attrRes.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    attrRes.set(name, re);
  }
  return re;
}

/** The value of attribute `name` in a start tag, decoded; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  const m = attrRe(name).exec(tag);
  if (!m) return undefined;
  return unescXml(m[2] ?? m[3] ?? "");
}

/** The start tag with attribute `name` set to `value` (escaped here), or removed when `value` is undefined. */
export function setAttr(tag: string, name: string, value: string | undefined): string {
  const m = attrRe(name).exec(tag);
  if (value === undefined) return m ? tag.slice(0, m.index) + tag.slice(m.index + m[0].length) : tag;
  const piece = ` ${name}="${escAttr(value)}"`;
  if (m) return tag.slice(0, m.index) + piece + tag.slice(m.index + m[0].length);
  const end = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return tag.slice(0, end) + piece + tag.slice(end);
}

/** The namespace prefix ("x:" or "") a document uses for its root element `root`. */
export function prefixOf(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>/]`).exec(xml);
  return m?.[1] ?? "";
}

export interface Found {
  /** Index of "<". */
  start: number;
  /** Index just past the element's end ("/>" or the end tag). */
  end: number;
  /** The start tag. */
  tag: string;
  /** Index just past the start tag (= end for an empty element). */
  innerStart: number;
  /** Index of the end tag (= end for an empty element). */
  innerEnd: number;
}

/** The first element `name` (with prefix `p`) at or after `from`, or null. Elements of this name must not nest. */
export function findElement(xml: string, p: string, name: string, from = 0): Found | null {
  const re = new RegExp(`<${p}${name}(?=[\\s>/])[^>]*>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const start = m.index;
  const tag = m[0];
  const innerStart = start + tag.length;
  if (tag.endsWith("/>")) return { start, end: innerStart, tag, innerStart, innerEnd: innerStart };
  const close = `</${p}${name}>`;
  const innerEnd = xml.indexOf(close, innerStart);
  if (innerEnd < 0) return null;
  return { start, end: innerEnd + close.length, tag, innerStart, innerEnd };
}

/** Every element `name` (prefix `p`) inside xml[from, to), in order. Elements of this name must not nest. */
export function findAll(xml: string, p: string, name: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  let at = from;
  for (;;) {
    const f = findElement(xml, p, name, at);
    if (!f || f.start >= to) return out;
    out.push(f);
    at = f.end;
  }
}

/** Column letters of a 0-based column index ("A" for 0). */
export function colName(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1-style reference of a 0-based cell. */
export function cellRef(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

/** 0-based row and column of an A1 reference ("$" allowed), or null. */
export function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: parseInt(m[2], 10) - 1, col: col - 1 };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8");

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

export function fromUtf8(b: Uint8Array): string {
  return decoder.decode(b);
}
