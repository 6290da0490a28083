/**
 * CSV in and out.
 * In: encoding detected (UTF-8 with/without BOM, UTF-16 LE/BE with BOM, else GB18030), delimiter
 * detected among comma, tab and semicolon (detectDelimiter), CR / LF / CRLF line ends (papaparse); every
 * field is taken as if typed into en-US Excel (typed-input.ts), as Excel does when it opens a CSV.
 * Out: RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180), CRLF, UTF-8 with BOM.
 */
import Papa from "papaparse";

/** Decodes CSV bytes. */
export function decodeCsv(data: Uint8Array | ArrayBuffer | string): string {
  if (typeof data === "string") return data.charCodeAt(0) === 0xfeff ? data.slice(1) : data;
  const b = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return new TextDecoder("utf-8").decode(b.subarray(3));
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    return new TextDecoder("gb18030").decode(b);
  }
}

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * Picks the delimiter among comma, tab and semicolon: the one found on every one of the first
 * lines the same number of times (most often wins; ties prefer comma, then tab), else the one
 * found most, else comma.
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.length > 0)
    .slice(0, 20);
  const candidates = [",", "\t", ";"];
  let best = ",";
  let bestScore = -1;
  for (const cand of candidates) {
    const counts = lines.map((l) => countOutsideQuotes(l, cand));
    if (counts.length === 0 || Math.min(...counts) === 0) continue;
    const consistent = counts.every((c) => c === counts[0]);
    const score = (consistent ? 1_000_000 : 0) + counts.reduce((a, b) => a + b, 0);
    if (score > bestScore) {
      best = cand;
      bestScore = score;
    }
  }
  return best;
}

/** Splits CSV text into rows of fields. */
export function parseCsvText(text: string): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    dynamicTyping: false,
  });
  const rows = result.data;
  // A final line break does not make an extra row.
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 1 && last[0] === "") rows.pop();
    else break;
  }
  return rows;
}

function quoteField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 text with CRLF line ends (no BOM; the caller adds it). */
export function formatCsv(rows: string[][]): string {
  return rows.map((r) => r.map(quoteField).join(",")).join("\r\n") + (rows.length ? "\r\n" : "");
}
