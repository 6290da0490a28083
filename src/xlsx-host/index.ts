/**
 * xlsx-host: an in-process implementation of the part of the Excel JavaScript API that src/excel
 * uses, over .xlsx files (exceljs reads and writes them; cells live in the host's own compact store,
 * store.ts) and .csv files. Browser-safe: no Node APIs here (see node.ts for file helpers and the
 * streaming .xlsx reader/writer for large files).
 *
 *   const host = await HostWorkbook.fromXlsx(bytes);
 *   await host.run(async (context) => { ... same code as inside Excel.run ... });
 *   const out = await host.toXlsx();
 */
import ExcelJS from "exceljs";
import { HostContext, HostOptions, IoStats, newStats } from "./context";
import { HostDoc, SETTINGS_SHEET, XTable } from "./doc";
import { HostFileError, RichApiError } from "./errors";
import { listZip, readZipText } from "./zip";
import { decodeCsv, eachCsvRow, quoteField } from "./csv";
import { isValidSheetName, sameSheetName } from "./address";
import { cellValue, usedRect } from "./cells";
import { CsvFill } from "./csv-fill";
import { dropCells, putCells } from "./store";
import { GENERAL, apiNumberFormat, displayText, isDateFormat } from "./number-format";
import type { Json } from "./proxy";

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
    for (const ws of fileOrder) {
      if (readSettingsSheet(ws, doc)) {
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
    return new HostWorkbook(doc, options);
  }

  /**
   * Opens CSV data as a one-sheet workbook named `sheetName`, with the values en-US Excel gives
   * when it opens the file (numbers, dates with a date format, the rest text).
   */
  static fromCsv(data: Uint8Array | ArrayBuffer | string, sheetName: string, options: HostOptions = {}): HostWorkbook {
    if (!isValidSheetName(sheetName))
      throw new HostFileError("INVALID_SHEET_NAME", `"${sheetName}" is not a valid sheet name.`);
    const text = decodeCsv(data);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(sheetName);
    const doc = new HostDoc(wb, false);
    const sheet = doc.registerSheet(ws);
    doc.active = sheet;
    const fill = new CsvFill(sheet.store);
    // Rows go into the sheet as they are split: no array of every row's fields is built.
    eachCsvRow(
      text,
      (fields, i) => fill.row(i, fields),
      () => (sheet.store.rows = [])
    );
    return new HostWorkbook(doc, options);
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

  /** Saves the workbook (settings included, in a veryHidden sheet the API never shows). */
  async toXlsx(): Promise<Uint8Array> {
    return this._saving(async (wb) => {
      const doc = this.doc;
      try {
        for (const s of doc.sheets) putCells(s.store, s.ws);
        const buf = await wb.xlsx.writeBuffer();
        return new Uint8Array(buf as ArrayBuffer);
      } finally {
        for (const s of doc.sheets) dropCells(s.ws);
      }
    });
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
   * One sheet as CSV: RFC 4180, CRLF, UTF-8 with BOM; from A1 to the last used cell; cells as
   * their displayed text for dates, the raw value otherwise (cached results for formulas).
   */
  toCsv(sheetName: string): string {
    return [...this.csvPieces(sheetName)].join("");
  }

  /**
   * toCsv's text in pieces of `rowsPerPiece` rows (the BOM first), for writing a large sheet out without
   * holding its whole text. The whole used range is written, however many cells it has: this is a file
   * export, not an API read.
   */
  *csvPieces(sheetName: string, rowsPerPiece = 10_000): Generator<string> {
    const sheet = this.doc.findSheet(sheetName);
    if (!sheet) throw new HostFileError("SHEET_NOT_FOUND", `No sheet named "${sheetName}".`);
    yield "\uFEFF";
    const used = usedRect(sheet, true);
    if (!used) return;
    const cols = used.col + used.cols;
    const total = used.row + used.rows;
    const date1904 = this.doc.date1904;
    const dateText = new Map<string, Map<number, string>>();
    const display = (v: number, f: string): string => {
      let byValue = dateText.get(f);
      if (!byValue) dateText.set(f, (byValue = new Map()));
      let t = byValue.get(v);
      if (t === undefined) {
        t = displayText(v, f, date1904);
        if (byValue.size < 100_000) byValue.set(v, t);
      }
      return t;
    };
    const store = sheet.store;
    const emptyLine = ",".repeat(cols - 1);
    for (let start = 0; start < total; start += rowsPerPiece) {
      const end = Math.min(total, start + rowsPerPiece);
      // Fields and separators of the whole piece, joined once (no string built per field or line).
      const parts: string[] = [];
      for (let r = start; r < end; r++) {
        const row = store.row(r);
        if (row === undefined) {
          parts.push(emptyLine, "\r\n");
          continue;
        }
        const v = row.v;
        for (let c = 0; c < cols; c++) {
          const x = cellValue(v[c], date1904);
          if (typeof x === "string") {
            if (x !== "") parts.push(quoteField(x));
          } else if (typeof x === "boolean") parts.push(x ? "TRUE" : "FALSE");
          else {
            // A number comes from a cell that exists: its format is its own.
            const f = apiNumberFormat(row.styleAt(c)?.numFmt);
            parts.push(f !== GENERAL && isDateFormat(f) ? display(x, f) : String(x));
          }
          parts.push(c === cols - 1 ? "\r\n" : ",");
        }
      }
      yield parts.join("");
    }
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

function writeSettingsSheet(ws: ExcelJS.Worksheet, settings: Map<string, unknown>): void {
  ws.getRow(1).getCell(1).value = SETTINGS_MARKER;
  const text = JSON.stringify(Object.fromEntries(settings));
  for (let i = 0, r = 2; i < text.length; i += CELL_TEXT_LIMIT, r++) {
    ws.getRow(r).getCell(1).value = text.slice(i, i + CELL_TEXT_LIMIT);
  }
}
