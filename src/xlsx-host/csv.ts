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
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8ByLines(b.subarray(3), false);
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  try {
    return utf8ByLines(b, true);
  } catch {
    return new TextDecoder("gb18030").decode(b);
  }
}

/** Bytes decoded at a time, cut after a line feed. */
const DECODE_PIECE = 1 << 18;

/**
 * UTF-8 bytes as text, decoded a piece at a time, each piece ending after a line feed (0x0A is never part of
 * a multi-byte sequence, so every piece is whole characters). The same text as decoding all at once, faster
 * for the usual export: Node's decoder takes a fast path for a piece that is all ASCII, and all at once a
 * single accented character anywhere sends the whole file down the slow one. `fatal`: invalid UTF-8 throws.
 */
export function utf8ByLines(b: Uint8Array, fatal: boolean): string {
  const decoder = new TextDecoder("utf-8", { fatal });
  if (b.length <= DECODE_PIECE) return decoder.decode(b);
  const parts: string[] = [];
  for (let start = 0; start < b.length;) {
    let end = Math.min(b.length, start + DECODE_PIECE);
    if (end < b.length) {
      const lf = b.lastIndexOf(0x0a, end - 1);
      if (lf >= start) end = lf + 1;
      else {
        // A line longer than a piece: cut after its last complete character (never before a continuation byte).
        while (end > start && (b[end] & 0xc0) === 0x80) end--;
        if (end === start) end = Math.min(b.length, start + DECODE_PIECE);
      }
    }
    parts.push(decoder.decode(b.subarray(start, end)));
    start = end;
  }
  return parts.join("");
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
  // The first lines only: a 1 MB head holds them (splitting a whole large file would cost a copy of it).
  const head = text.length > 1_048_576 ? text.slice(0, 1_048_576) : text;
  const lines = head
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

/**
 * The row separator papaparse picks for a text (ParserHandle.guessLineEndings, papaparse 5.7): "\n" unless
 * "\r" comes first; then "\r\n" when at least half the "\r" are followed by "\n", else "\r". Quoted text in
 * the first 1 MB is left out of the count.
 */
export function guessNewline(text: string): "\n" | "\r" | "\r\n" {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, "");
  const r = input.split("\r");
  const n = input.split("\n");
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return "\n";
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i][0] === "\n") numWithN++;
  return numWithN >= r.length / 2 ? "\r\n" : "\r";
}

/** Receives the fields of CSV text as fastCsvFields splits them. */
export interface CsvSink {
  /** A field as it stands in the text, unquoted or between its quotes: text[start, end) (the sink decides whether it needs the substring). */
  span(text: string, start: number, end: number): void;
  /** A quoted field's value with its "" unescaped, or an empty last field. */
  value(v: string): void;
  /** The end of a row. */
  end(): void;
}

/**
 * Splits CSV text into rows as papaparse does (same delimiter, same newline, quoted fields with ""), handing
 * each field to `sink` without building rows. Returns false, having stopped, at anything papaparse treats
 * specially (a quoted field not closed right before a delimiter or newline, or never closed): the caller then
 * parses the text with papaparse itself. A text ending in a newline ends with a [""] row, as with papaparse.
 *
 * Splitting a file in parts (csv-part.ts): `part.newline` is the whole file's (guessNewline of its start);
 * `part.head` says that the text is the file's beginning, cut right after a newline — no [""] row then, and
 * false unless the text does end right after a newline that ends a row.
 */
export function fastCsvFields(
  text: string,
  delimiter: string,
  sink: CsvSink,
  part: { newline?: string; head?: boolean } = {}
): boolean {
  const n = text.length;
  if (n === 0) return true;
  const newline = part.newline ?? guessNewline(text);
  const head = part.head === true;
  const nl0 = newline.charCodeAt(0);
  const crlf = newline.length === 2;
  const d = delimiter.charCodeAt(0);
  // The text ends right after a delimiter: a last empty field (in a file's beginning, a row cut short).
  const endAfterDelimiter = (): boolean => {
    if (head) return false;
    sink.value("");
    sink.end();
    return true;
  };
  // The text ends right after a newline: papaparse's last [""] row (none in a file's beginning).
  const endAfterNewline = (): boolean => {
    if (!head) {
      sink.value("");
      sink.end();
    }
    return true;
  };
  let i = 0;
  for (;;) {
    // At the start of a field.
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      let hasEscapes = false;
      let end: number;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) return false; // unterminated
        if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
          hasEscapes = true;
          j = q + 2;
          continue;
        }
        end = q;
        break;
      }
      if (hasEscapes) sink.value(text.substring(i + 1, end).replace(/""/g, '"'));
      else sink.span(text, i + 1, end);
      const after = end + 1;
      if (after >= n) {
        if (head) return false;
        sink.end();
        return true;
      }
      const c = text.charCodeAt(after);
      if (c === d) {
        i = after + 1;
        if (i >= n) return endAfterDelimiter();
        continue;
      }
      if (c === nl0 && (!crlf || text.charCodeAt(after + 1) === 10)) {
        sink.end();
        i = after + newline.length;
        if (i >= n) return endAfterNewline();
        continue;
      }
      return false; // something between the closing quote and the delimiter: papaparse's rules
    }
    // An unquoted field: up to the next delimiter or newline.
    let j = i;
    for (;;) {
      if (j >= n) {
        if (head) return false;
        sink.span(text, i, n);
        sink.end();
        return true;
      }
      const c = text.charCodeAt(j);
      if (c === d) {
        sink.span(text, i, j);
        i = j + 1;
        if (i >= n) return endAfterDelimiter();
        break;
      }
      if (c === nl0 && (!crlf || text.charCodeAt(j + 1) === 10)) {
        sink.span(text, i, j);
        sink.end();
        i = j + newline.length;
        if (i >= n) return endAfterNewline();
        break;
      }
      j++;
    }
  }
}

/** fastCsvFields as rows of strings: `onRow` gets each row as an array of its own. */
export function fastCsvRows(text: string, delimiter: string, onRow: (fields: string[]) => void): boolean {
  let row: string[] = [];
  return fastCsvFields(text, delimiter, {
    span: (t, start, end) => row.push(t.substring(start, end)),
    value: (v) => row.push(v),
    end: () => {
      onRow(row);
      row = [];
    },
  });
}

/** Calls `onRow` for every row of CSV text (papaparse's rows; see fastCsvRows). `restart` runs before a papaparse pass. */
export function eachCsvRow(text: string, onRow: (fields: string[], index: number) => void, restart?: () => void): void {
  const delimiter = detectDelimiter(text);
  let index = 0;
  if (fastCsvRows(text, delimiter, (fields) => onRow(fields, index++))) return;
  restart?.();
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, dynamicTyping: false });
  result.data.forEach((fields, i) => onRow(fields, i));
}

/** Splits CSV text into rows of fields. */
export function parseCsvText(text: string): string[][] {
  let rows: string[][] = [];
  eachCsvRow(
    text,
    (fields) => rows.push(fields),
    () => (rows = [])
  );
  // A final line break does not make an extra row.
  while (rows.length > 0) {
    const last = rows[rows.length - 1];
    if (last.length === 1 && last[0] === "") rows.pop();
    else break;
  }
  return rows;
}

/** Papaparse's own rows (the reference for fastCsvRows). */
export function papaparseRows(text: string, delimiter: string): string[][] {
  return Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, dynamicTyping: false }).data;
}

/** A field as RFC 4180 writes it: quoted when it holds a quote, comma or line break. */
export function quoteField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A text cell as a CSV field: a leading = + - @, tab or carriage return gets an apostrophe first, so that a
 * spreadsheet opening the file shows the text instead of running it as a formula (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection), then quoted as RFC 4180 needs.
 */
export function csvTextField(s: string): string {
  const c = s.charCodeAt(0);
  const risky = c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
  return quoteField(risky ? "'" + s : s);
}

/** RFC 4180 text with CRLF line ends (no BOM; the caller adds it). */
export function formatCsv(rows: string[][]): string {
  return rows.map((r) => r.map(quoteField).join(",")).join("\r\n") + (rows.length ? "\r\n" : "");
}
