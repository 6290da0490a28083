/**
 * xlsx-host: an in-process implementation of the part of the Excel JavaScript API that src/excel
 * uses, over .xlsx files (exceljs reads them; package/ writes them back from their own parts, keeping what a
 * run did not touch byte for byte; cells live in the host's own compact store, store.ts) and .csv files.
 * Browser-safe: no Node APIs here (see node.ts for file helpers, the streaming reader and zlib).
 *
 *   const host = await HostWorkbook.fromXlsx(bytes);
 *   await host.run(async (context) => { ... same code as inside Excel.run ... });
 *   const out = await host.toXlsx();
 */
import ExcelJS from "exceljs";
import { HostContext, HostOptions, IoStats, newStats } from "./context";
import { HostDoc, SETTINGS_SHEET, XTable, type SheetState } from "./doc";
import { HostFileError, RichApiError } from "./errors";
import { listZip, readZipText } from "./zip";
import { decodeCsv, detectDelimiter, fastCsvFields, papaparseRows } from "./csv";
import { csvBytes } from "./csv-write";
import { isValidSheetName, sameSheetName } from "./address";
import { CsvFill, type CsvPart } from "./csv-fill";
import type { CsvSplit } from "./csv-part";
import { dropCells, putCells } from "./store";
import type { Json } from "./proxy";
import { addObjectsToXlsx, loadSheetObjects } from "./package/sheet-objects";
import { attachPackage, packageOf } from "./package/source";
import { PackageWriteOptions, writePackage } from "./package/writer";
import { concat } from "./package/zip-io";

export type { IoStats, HostOptions } from "./context";
export { HostFileError, RichApiError } from "./errors";
export type { RichApiErrorCode, HostFileErrorCode } from "./errors";

const SETTINGS_MARKER = "xlsx-host settings v1";
const CELL_TEXT_LIMIT = 32767;

function toBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/**
 * exceljs 4.4 reads a table's header row as present only when headerRowCount="1" is written, but
 * Excel omits the attribute when it is 1 (its default), so tables saved by Excel lose their header
 * (https://github.com/fslaborg/FsSpreadsheet/issues/69 points at table-xform.js). Read the
 * attribute ourselves: a header row unless headerRowCount="0".
 */
async function headerlessTables(bytes: Uint8Array): Promise<Set<string>> {
  const out = new Set<string>();
  const entries = listZip(bytes) ?? [];
  for (const e of entries) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(e.name)) continue;
    const xml = await readZipText(bytes, e);
    const open = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
    const name = /\sname="([^"]*)"/.exec(open)?.[1];
    const hrc = /\sheaderRowCount="(\d+)"/.exec(open)?.[1];
    if (name !== undefined && hrc === "0") out.add(name);
  }
  return out;
}

export class HostWorkbook {
  /** @internal */ readonly doc: HostDoc;
  readonly stats: IoStats = newStats();
  options: HostOptions;

  private constructor(doc: HostDoc, options: HostOptions) {
    this.doc = doc;
    this.options = { ...options };
  }

  /** Opens .xlsx bytes. Bytes that are not an .xlsx workbook throw HostFileError "NOT_A_WORKBOOK". */
  static async fromXlsx(data: Uint8Array | ArrayBuffer, options: HostOptions = {}): Promise<HostWorkbook> {
    const bytes = toBytes(data);
    const entries = listZip(bytes);
    if (!entries || !entries.some((e) => e.name === "xl/workbook.xml")) {
      throw new HostFileError("NOT_A_WORKBOOK", "The file is not an .xlsx workbook.");
    }
    const wb = new ExcelJS.Workbook();
    let headerless: Set<string>;
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      headerless = await headerlessTables(bytes);
    } catch (e) {
      throw new HostFileError("NOT_A_WORKBOOK", "The file is not a readable .xlsx workbook.", e);
    }
    const date1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
    const doc = new HostDoc(wb, date1904);
    const activeTab = (wb.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
    const fileOrder = wb.worksheets;
    let active: ExcelJS.Worksheet | undefined = fileOrder[activeTab];
    const settingsSheets: string[] = [];
    for (const ws of fileOrder) {
      if (readSettingsSheet(ws, doc)) {
        settingsSheets.push(ws.name);
        wb.removeWorksheet(ws.id);
        if (active === ws) active = undefined;
        continue;
      }
      const tables = (ws as unknown as { tables: Record<string, XTable> }).tables ?? {};
      for (const t of Object.values(tables)) {
        const m = t.table ?? t.model;
        m.headerRow = !headerless.has(m.name);
      }
      const s = doc.registerSheet(ws);
      if (ws === active) doc.active = s;
    }
    if (doc.sheets.length === 0) throw new HostFileError("NOT_A_WORKBOOK", "The workbook has no worksheet.");
    // Charts and conditional formats the host models (package/sheet-objects.ts).
    loadSheetObjects(bytes, doc);
    // Saving starts from this package: what the run does not change is kept as it is (package/writer.ts).
    attachPackage(doc, bytes, settingsSheets);
    return new HostWorkbook(doc, options);
  }

  /**
   * Opens CSV data as a one-sheet workbook named `sheetName`, with the values en-US Excel gives
   * when it opens the file (numbers, dates with a date format, the rest text).
   */
  static fromCsv(data: Uint8Array | ArrayBuffer | string, sheetName: string, options: HostOptions = {}): HostWorkbook {
    const { doc, sheet, fill } = HostWorkbook.csvSheet(sheetName, new Date());
    const text = decodeCsv(data);
    // Fields go into the sheet as they are split: no row of fields, no substring for a plain number.
    const delimiter = detectDelimiter(text);
    if (!fastCsvFields(text, delimiter, fill)) {
      // Text papaparse treats specially: its own rows, from the start.
      sheet.store.rows = [];
      fill.restart();
      papaparseRows(text, delimiter).forEach((fields, i) => fill.row(i, fields));
    }
    return new HostWorkbook(doc, options);
  }

  /**
   * A large CSV file read in two parts at once (csv-part.ts): `split.head()`, its beginning, is read here while
   * `tail` is the rest's reading from elsewhere (readCsvTail of `split.tail`, in a worker). The same workbook
   * as fromCsv of the whole file; null when the parts do not fit (the beginning does not end a row, or the rest
   * was not read), and the caller then reads the file with fromCsv.
   */
  static async fromCsvParts(
    split: CsvSplit,
    tail: Promise<CsvPart | null>,
    sheetName: string,
    options: HostOptions = {}
  ): Promise<HostWorkbook | null> {
    const { doc, fill } = HostWorkbook.csvSheet(sheetName, new Date(split.tail.now));
    const { delimiter, newline } = split.tail;
    const head = split.head();
    const headRead = head !== null && fastCsvFields(head, delimiter, fill, { newline, head: true });
    const rest = await tail;
    if (!headRead || rest === null) return null;
    fill.placePart(rest);
    return new HostWorkbook(doc, options);
  }

  /** A workbook of one empty sheet for a CSV file, and the fill that reads the file into it. */
  private static csvSheet(sheetName: string, now: Date): { doc: HostDoc; sheet: SheetState; fill: CsvFill } {
    if (!isValidSheetName(sheetName))
      throw new HostFileError("INVALID_SHEET_NAME", `"${sheetName}" is not a valid sheet name.`);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheetName);
    const doc = new HostDoc(wb, false);
    const sheet = doc.registerSheet(ws);
    doc.active = sheet;
    return { doc, sheet, fill: new CsvFill(sheet.store, now) };
  }

  /** A new workbook with one empty sheet "Sheet1". */
  static empty(options: HostOptions = {}): HostWorkbook {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    const doc = new HostDoc(wb, false);
    doc.active = doc.registerSheet(ws);
    return new HostWorkbook(doc, options);
  }

  /**
   * Like `Excel.run`: a fresh RequestContext for the batch, a final sync after the batch's promise
   * resolves, and proxies unusable afterwards.
   */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = new HostContext(this);
    try {
      const p = batch(ctx as unknown as Excel.RequestContext);
      if (!p || typeof (p as { then?: unknown }).then !== "function") throw new RichApiError("RunMustReturnPromise");
      const result = await p;
      await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  }

  /**
   * Saves the workbook (settings included, in a veryHidden sheet the API never shows). A workbook opened from
   * .xlsx is saved from its original package (package/writer.ts): every part and cell the run did not change keeps
   * its bytes. Others (opened from CSV, new) are written by exceljs.
   */
  async toXlsx(): Promise<Uint8Array> {
    const pieces = await this._packagePieces();
    if (pieces) return concat(pieces);
    return this._saving(async (wb) => {
      const doc = this.doc;
      try {
        for (const s of doc.sheets) putCells(s.store, s.ws);
        const buf = await wb.xlsx.writeBuffer();
        // exceljs writes no charts and not the host's conditional formats: they are added to its package.
        return addObjectsToXlsx(new Uint8Array(buf as ArrayBuffer), doc);
      } finally {
        for (const s of doc.sheets) dropCells(s.ws);
      }
    });
  }

  /** @internal The .xlsx as pieces from the original package, or null for a workbook not opened from .xlsx. */
  async _packagePieces(options: PackageWriteOptions = {}): Promise<Uint8Array[] | null> {
    const pkg = packageOf(this.doc);
    return pkg ? writePackage(this.doc, pkg, settingsTexts(this.doc.settings), options) : null;
  }

  /**
   * @internal Runs a writer on the workbook as it is saved: with the settings in a veryHidden sheet (removed
   * again afterwards) and the active sheet in the workbook view.
   */
  async _saving<T>(write: (wb: ExcelJS.Workbook) => Promise<T>): Promise<T> {
    const doc = this.doc;
    const wb = doc.wb;
    let settingsSheet: ExcelJS.Worksheet | undefined;
    if (doc.settings.size > 0) {
      let name = SETTINGS_SHEET;
      for (let n = 2; doc.sheets.some((s) => sameSheetName(s.name, name)); n++) name = `${SETTINGS_SHEET}${n}`;
      settingsSheet = wb.addWorksheet(name, { state: "veryHidden" });
      writeSettingsSheet(settingsSheet, doc.settings);
    }
    const order = wb.worksheets;
    const activeIndex = Math.max(0, order.indexOf(doc.activeSheet().ws));
    const views = (wb.views && wb.views.length ? wb.views : [{}]) as Record<string, unknown>[];
    views[0] = {
      x: 0,
      y: 0,
      width: 10000,
      height: 20000,
      visibility: "visible",
      ...views[0],
      activeTab: activeIndex,
      firstSheet: 0,
    };
    wb.views = views as unknown as ExcelJS.WorkbookView[];
    try {
      return await write(wb);
    } finally {
      if (settingsSheet) wb.removeWorksheet(settingsSheet.id);
    }
  }

  /**
   * One sheet as CSV: RFC 4180, CRLF, UTF-8 with BOM; from A1 to the last used cell; dates as displayed,
   * other cells as their raw value (cached results for formulas). See csvChunks.
   */
  toCsv(sheetName: string): string {
    const pieces = [...this.csvChunks(sheetName)];
    const all = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      all.set(p, at);
      at += p.length;
    }
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(all);
  }

  /**
   * The sheet's used range as CSV bytes (UTF-8 with a BOM, CRLF) in pieces of about 1 MB, for writing a large
   * sheet without holding its text; text that a spreadsheet would run as a formula (= + - @ tab CR first)
   * gets a leading apostrophe. See csv-write.ts.
   */
  csvChunks(sheetName: string): Generator<Uint8Array> {
    const sheet = this.doc.findSheet(sheetName);
    if (!sheet) throw new HostFileError("SHEET_NOT_FOUND", `No sheet named "${sheetName}".`);
    return csvBytes(sheet, this.doc.date1904);
  }

  resetStats(): void {
    Object.assign(this.stats, newStats());
  }
}

function readSettingsSheet(ws: ExcelJS.Worksheet, doc: HostDoc): boolean {
  if (ws.state !== "veryHidden") return false;
  const first = ws.getRow(1).getCell(1).value;
  if (first !== SETTINGS_MARKER) return false;
  let text = "";
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(1).value;
    if (typeof v === "string") text += v;
  }
  try {
    const obj = JSON.parse(text || "{}") as Record<string, Json>;
    for (const [k, v] of Object.entries(obj)) doc.settings.set(k, v);
  } catch {
    // A damaged settings part reads as no settings, as Excel does with an unreadable add-in part.
  }
  return true;
}

/** Column A of the settings sheet: the marker, then the settings' JSON in pieces a cell can hold; none when empty. */
function settingsTexts(settings: Map<string, unknown>): string[] {
  if (settings.size === 0) return [];
  const out = [SETTINGS_MARKER];
  const text = JSON.stringify(Object.fromEntries(settings));
  for (let i = 0; i < text.length; i += CELL_TEXT_LIMIT) out.push(text.slice(i, i + CELL_TEXT_LIMIT));
  return out;
}

function writeSettingsSheet(ws: ExcelJS.Worksheet, settings: Map<string, unknown>): void {
  settingsTexts(settings).forEach((t, i) => (ws.getRow(i + 1).getCell(1).value = t));
}
