/**
 * A large CSV file read in two parts at once: its beginning in this thread, its rest in another (a Node worker
 * the caller starts: src/cli/csv-worker.ts), then put into the sheet after the beginning (CsvFill.placePart).
 * The workbook is the same as reading the file whole (HostWorkbook.fromCsv): both parts are read by the same
 * code with the same settings (delimiter, newline, the moment a time is read at), and the cut lies right after
 * a line feed, which the beginning's reading must end a row with — else the file is read whole.
 *
 * UTF-8 only (with or without a BOM): a line feed byte is never inside a character there, so each part decodes
 * alone to its share of the whole text; a part that is not valid UTF-8 (without a BOM) sends the whole file
 * down fromCsv, which then reads it as GB18030.
 */
import { detectDelimiter, fastCsvFields, guessNewline, utf8ByLines } from "./csv";
import { CsvReading, PART_EMPTY, PART_NUMBER, PART_ROW_END, type CsvPart } from "./csv-fill";
import type { Typed } from "./typed-input";

/** The delimiter and newline are found in the text's first 1 MB (detectDelimiter, guessNewline): the beginning must hold all of it. */
const DETECT_CHARS = 1_048_576;

/** How the rest of a file is to be read: its bytes and the whole file's settings. */
export interface CsvTailJob {
  bytes: Uint8Array<ArrayBuffer>;
  /** Invalid UTF-8 fails the part (a file without a BOM) rather than becoming U+FFFD (with one). */
  fatal: boolean;
  delimiter: string;
  newline: string;
  /** The moment a time alone is read at (ms since 1970), the beginning's. */
  now: number;
}

/** A file cut in two: its beginning (decoded when asked: null when it is not valid UTF-8), and its rest to read elsewhere (readCsvTail). */
export interface CsvSplit {
  head: () => string | null;
  tail: CsvTailJob;
}

/**
 * Cuts UTF-8 CSV bytes after the first line feed past `share` of them: null when the file is not UTF-8 as far
 * as the beginning shows, has no line feed there, or is too short for its settings to be read from the beginning.
 */
export function splitCsv(bytes: Uint8Array, now: Date, share = 0.5): CsvSplit | null {
  let start = 0;
  let fatal = true;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    start = 3;
    fatal = false;
  } else if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return null; // UTF-16
  }
  const cut = bytes.indexOf(0x0a, start + Math.floor((bytes.length - start) * share)) + 1;
  if (cut <= 0 || cut >= bytes.length) return null;
  // The settings come from the text's first 1 MB: decoded from the first 3 MB of bytes (a UTF-16 unit takes at
  // most 3), up to a line feed, so that the worker can start before the whole beginning is decoded.
  const probeEnd = Math.min(cut, bytes.indexOf(0x0a, start + 3 * DETECT_CHARS) + 1 || cut);
  let probe: string;
  try {
    probe = utf8ByLines(bytes.subarray(start, probeEnd), fatal);
  } catch {
    return null;
  }
  if (probe.length < DETECT_CHARS) return null;
  // A copy of its own: the worker is given it (transferred), the caller keeps the file.
  const rest = new Uint8Array(bytes.length - cut);
  rest.set(bytes.subarray(cut));
  return {
    head: () => {
      try {
        return utf8ByLines(bytes.subarray(start, cut), fatal);
      } catch {
        return null;
      }
    },
    tail: { bytes: rest, fatal, delimiter: detectDelimiter(probe), newline: guessNewline(probe), now: now.getTime() },
  };
}

/**
 * The rest of a file read as CsvFill reads it: null when it is not valid UTF-8 (`fatal`) or takes papaparse's
 * rules (then the whole file is read by fromCsv, as it would have been).
 */
export function readCsvTail(job: CsvTailJob): CsvPart | null {
  let text: string;
  try {
    text = utf8ByLines(job.bytes, job.fatal);
  } catch {
    return null;
  }
  const reader = new CsvPartReader(new Date(job.now));
  return fastCsvFields(text, job.delimiter, reader, { newline: job.newline }) ? reader.part() : null;
}

/** Records each field's reading (CsvPart) instead of putting it into a sheet. */
export class CsvPartReader extends CsvReading {
  private fields = new Int32Array(1 << 16);
  private count = 0;
  private numbers = new Float64Array(1 << 14);
  private numberCount = 0;
  private readonly readings: Typed[] = [];
  /** Each reading's index: the reader hands out one object per distinct field (its cache). */
  private readonly index = new Map<Typed, number>();

  end(): void {
    this.push(PART_ROW_END);
    this.j = 0;
  }

  protected empty(): void {
    this.push(PART_EMPTY);
    this.j++;
  }

  protected number(v: number): void {
    this.push(PART_NUMBER);
    if (this.numberCount === this.numbers.length) {
      const more = new Float64Array(this.numbers.length * 2);
      more.set(this.numbers);
      this.numbers = more;
    }
    this.numbers[this.numberCount++] = v;
    this.j++;
  }

  protected typed(t: Typed): void {
    let i = this.index.get(t);
    if (i === undefined) {
      i = this.readings.length;
      this.readings.push(t);
      this.index.set(t, i);
    }
    this.push(i);
    this.j++;
  }

  /** What was read, in arrays of their exact length. */
  part(): CsvPart {
    return {
      fields: this.fields.slice(0, this.count),
      numbers: this.numbers.slice(0, this.numberCount),
      readings: this.readings,
    };
  }

  private push(f: number): void {
    if (this.count === this.fields.length) {
      const more = new Int32Array(this.fields.length * 2);
      more.set(this.fields);
      this.fields = more;
    }
    this.fields[this.count++] = f;
  }
}
