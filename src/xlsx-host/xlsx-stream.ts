/**
 * Saving a large workbook through exceljs's streaming writer (ExcelJS.stream.xlsx.WorkbookWriter): rows are
 * turned into XML and compressed as they are written, so a 1,048,576-row sheet never exists as exceljs cells
 * (the in-memory writer needs ~300 bytes per cell, ~4 GB for a million rows of a few columns).
 * Node-only (the writer needs a Node stream); node.ts uses it.
 *
 * The streaming writer cannot write everything the in-memory one can: it has no tables (ListObjects), no
 * images and no 1904 date system. streamable() says whether a workbook can go this way; if not, the caller
 * saves it in memory (toXlsx), so nothing is ever lost.
 */
import ExcelJS from "exceljs";
import { Readable, Writable } from "node:stream";
import type { HostOptions } from "./context";
import { HostWorkbook } from "./index";
import { MERGE, SheetStore, Style, takeCells } from "./store";
import { ZipEntry, listZip, readZipEntry, readZipText } from "./zip";
import { replaceZipEntries } from "./package/zip-io";
import { reattachPackage } from "./package/source";
import { addObjectsToXlsx, hasSheetObjects } from "./package/sheet-objects";

/** Why a workbook cannot be streamed, or null when it can. */
export function streamable(host: HostWorkbook): string | null {
  const doc = host.doc;
  if (doc.date1904) return "the 1904 date system";
  if (doc.tables.length > 0) return "tables";
  for (const s of doc.sheets) {
    const ws = s.ws as unknown as { _media?: unknown[] };
    if ((ws._media?.length ?? 0) > 0) return "images";
  }
  return null;
}

/** Cells held by the workbook (to choose between the in-memory and the streaming writer). */
export function cellCount(host: HostWorkbook): number {
  let n = 0;
  for (const s of host.doc.sheets) n += s.store.cellCount();
  return n;
}

interface XWorksheet {
  name: string;
  state: string;
  views: unknown[];
  properties: Record<string, unknown>;
  pageSetup: Record<string, unknown>;
  headerFooter: Record<string, unknown>;
  autoFilter: unknown;
  columns: { width?: number; style?: unknown; hidden?: boolean; outlineLevel?: number }[] | null;
  _merges: Record<string, { range: string }>;
  sheetProtection: unknown;
  dataValidations: unknown;
  conditionalFormattings?: unknown[];
}

interface XCellW {
  value: unknown;
  style: unknown;
  _comment?: unknown;
}
interface XRowW {
  getCell(c: number): XCellW;
  height?: number;
  hidden?: boolean;
  outlineLevel?: number;
  style: unknown;
  commit(): void;
}
interface XWorksheetWriter {
  columns: unknown[];
  mergeCells(range: string): void;
  getRow(r: number): XRowW;
  sheetProtection: unknown;
  dataValidations: unknown;
  conditionalFormatting: unknown[];
  commit(): void;
}

/**
 * Writes the workbook as .xlsx to a Node stream, row by row. Check streamable() first. A workbook with charts or
 * conditional formats (which exceljs does not write) is streamed into memory as compressed bytes, the few parts
 * that change are rewritten (package/sheet-objects.ts), and the result goes to `stream`.
 */
export async function writeXlsxStream(host: HostWorkbook, stream: Writable): Promise<void> {
  const reason = streamable(host);
  if (reason !== null) throw new Error(`The workbook cannot be streamed: it has ${reason}.`);
  if (!hasSheetObjects(host.doc)) return streamRows(host, stream);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await streamRows(host, sink);
  const bytes = addObjectsToXlsx(new Uint8Array(Buffer.concat(chunks)), host.doc);
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    stream.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => resolve());
  });
}

async function streamRows(host: HostWorkbook, stream: Writable): Promise<void> {
  const doc = host.doc;
  await host._saving(async (wb) => {
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: true,
      useSharedStrings: false,
      created: wb.created,
      modified: wb.modified,
      creator: wb.creator,
      lastModifiedBy: wb.lastModifiedBy,
    } as unknown as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
    for (const xws of wb.worksheets) {
      const ws = xws as unknown as XWorksheet;
      // The add-in's sheets hold their cells in the store; the settings sheet made for the save, in exceljs.
      const store: SheetStore = doc.sheets.find((s) => s.ws === xws)?.store ?? takeCells(xws);
      // WorksheetWriter's options (exceljs lib/stream/xlsx/worksheet-writer.js), autoFilter included.
      const options = {
        state: ws.state,
        views: ws.views,
        properties: ws.properties,
        pageSetup: ws.pageSetup,
        headerFooter: ws.headerFooter,
        autoFilter: ws.autoFilter,
      } as unknown as Partial<ExcelJS.AddWorksheetOptions>;
      const out = writer.addWorksheet(ws.name, options) as unknown as XWorksheetWriter;
      if (ws.columns) {
        out.columns = ws.columns.map((c) => ({
          width: c.width,
          style: c.style,
          hidden: c.hidden,
          outlineLevel: c.outlineLevel,
        }));
      }
      for (const m of Object.values(ws._merges ?? {})) out.mergeCells(m.range);
      if (ws.sheetProtection) out.sheetProtection = ws.sheetProtection;
      if (ws.dataValidations) out.dataValidations = ws.dataValidations;
      if (ws.conditionalFormattings?.length) out.conditionalFormatting = ws.conditionalFormattings;
      const rows = store.rows;
      for (let ri = 0; ri < rows.length; ri++) {
        const row = rows[ri];
        if (!row) continue;
        const xr = out.getRow(ri + 1);
        if (row.style) xr.style = row.style;
        if (row.attrs?.height !== undefined) xr.height = row.attrs.height;
        if (row.attrs?.hidden) xr.hidden = true;
        if (row.attrs?.outlineLevel) xr.outlineLevel = row.attrs.outlineLevel;
        const v = row.v;
        for (let ci = 0; ci < v.length; ci++) {
          const value = v[ci];
          if (value === undefined) continue;
          const cell = xr.getCell(ci + 1);
          if (value !== MERGE) cell.value = value;
          cell.style = row.styleAt(ci) ?? {};
          const note = row.notes?.get(ci);
          if (note !== undefined) cell._comment = note;
        }
        xr.commit();
        // Let the compressor drain now and then: the rows written so far leave memory.
        if ((ri & 0x3fff) === 0x3fff) await new Promise((resolve) => setImmediate(resolve));
      }
      out.commit();
    }
    (writer as unknown as { views: unknown[] }).views = wb.views;
    (writer.definedNames as unknown as { model: unknown }).model = (
      wb.definedNames as unknown as { model: unknown }
    ).model;
    await writer.commit();
  });
}

// ---- reading --------------------------------------------------------------------------------------

/** Where `needle` starts in `hay` at or after `from`, or -1 (bytes). */
function indexOfBytes(hay: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  const last = hay.length - needle.length;
  outer: for (let i = hay.indexOf(first, from); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const SHEET_DATA_OPEN = ascii("<sheetData");
const SHEET_DATA_CLOSE = ascii("</sheetData>");
/**
 * What exceljs's streaming reader reads differently from its in-memory reader (exceljs 4.4,
 * lib/stream/xlsx/worksheet-reader.js): formulas (shared formulas, boolean and error results), inline strings
 * (rich text), hyperlinks, and hidden or outlined rows. A sheet with any of them is read in memory.
 */
const NOT_STREAMED = ["<f", "<is>", "<hyperlink", ' hidden="', " outlineLevel="].map(ascii);

interface XStreamCell {
  type: number;
  value: unknown;
  formula?: string;
  result?: unknown;
  style?: Style;
}
interface XStreamRow {
  number: number;
  height?: number;
  style?: Style;
  _cells: (XStreamCell | undefined)[];
}

/**
 * Opens a large .xlsx with its cells read by exceljs's streaming reader (ExcelJS.stream.xlsx.WorkbookReader):
 * no exceljs cell is ever built for the whole sheet. Everything else (sheets, tables, merges, column widths,
 * protection, views, names, settings) comes from an in-memory load of the file with its sheets' cells taken
 * out, so it is read exactly as fromXlsx reads it. Returns null when the file has something the streaming
 * reader reads differently (NOT_STREAMED, comments): the caller then uses fromXlsx.
 */
export async function openXlsxStreaming(bytes: Uint8Array, options: HostOptions = {}): Promise<HostWorkbook | null> {
  const entries = listZip(bytes);
  if (!entries || !entries.some((e) => e.name === "xl/workbook.xml")) return null;
  if (entries.some((e) => /^xl\/(threaded)?comments/i.test(e.name))) return null;
  // Very hidden sheets (the add-in's settings, undo) are small: they keep their cells in the in-memory load.
  const workbookXml = await readZipText(bytes, entries.find((e) => e.name === "xl/workbook.xml") as ZipEntry);
  const relsEntry = entries.find((e) => e.name === "xl/_rels/workbook.xml.rels");
  const rels = relsEntry ? await readZipText(bytes, relsEntry) : "";
  const targetOf = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\sId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\sTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targetOf.set(id, target.replace(/^\/?xl\//, "").replace(/^\//, ""));
  }
  const xmlText = (t: string) =>
    t.replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, n: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[n] ?? ""
    );
  /** Sheet name by worksheet part ("xl/worksheets/sheet1.xml"); very hidden sheets (settings, undo) are small
   * and keep their cells in the in-memory load. */
  const nameOf = new Map<string, string>();
  const keep = new Set<string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const rid = /\sr:id="([^"]*)"/.exec(m[0])?.[1];
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    const target = rid ? targetOf.get(rid) : undefined;
    if (!target || name === undefined) continue;
    nameOf.set(`xl/${target}`, xmlText(name));
    if (/\sstate="veryHidden"/.test(m[0])) keep.add(`xl/${target}`);
  }
  const replace = new Map<string, Uint8Array>();
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) || keep.has(e.name)) continue;
    // The streaming reader only reads parts named sheet<n>.xml.
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(e.name) || !nameOf.has(e.name)) return null;
    const xml = await readZipEntry(bytes, e);
    const open = indexOfBytes(xml, SHEET_DATA_OPEN);
    if (open < 0) return null;
    const close = indexOfBytes(xml, SHEET_DATA_CLOSE, open);
    if (close < 0) continue; // <sheetData/>: no cells
    const data = xml.subarray(open, close);
    if (NOT_STREAMED.some((marker) => indexOfBytes(data, marker) >= 0)) return null;
    if (indexOfBytes(xml, NOT_STREAMED[2]) >= 0) return null; // <hyperlinks> lies outside sheetData
    const empty = ascii("<sheetData/>");
    const out = new Uint8Array(open + empty.length + (xml.length - close - SHEET_DATA_CLOSE.length));
    out.set(xml.subarray(0, open), 0);
    out.set(empty, open);
    out.set(xml.subarray(close + SHEET_DATA_CLOSE.length), open + empty.length);
    replace.set(e.name, out);
  }
  if (replace.size === 0) return null;
  const host = await HostWorkbook.fromXlsx(replaceZipEntries(bytes, entries, replace), options);

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  // The part being read, from the reader's "entry" event that comes just before each worksheet.
  let part: string | undefined;
  (reader as unknown as NodeJS.EventEmitter).on("entry", (e: { type: string; id?: string }) => {
    if (e.type === "worksheet") part = `xl/worksheets/sheet${e.id}.xml`;
  });
  const seen = new Set<string>();
  for await (const wsr of reader as unknown as AsyncIterable<AsyncIterable<XStreamRow>>) {
    const name = part !== undefined && replace.has(part) ? nameOf.get(part) : undefined;
    const sheet = name === undefined ? undefined : host.doc.findSheet(name);
    if (sheet && part) seen.add(part);
    for await (const row of wsr) if (sheet) putStreamRow(sheet.store, row);
  }
  // Every emptied sheet must have been refilled; else read the file the ordinary way.
  for (const p of replace.keys()) if (!seen.has(p)) return null;
  // Saving starts from the file as it is, not from the copy with the cells taken out (package/writer.ts).
  reattachPackage(host.doc, bytes);
  return host;
}

function putStreamRow(store: SheetStore, row: XStreamRow): void {
  const cells = row._cells;
  const sr = store.rowAt(row.number - 1, cells.length);
  if (row.height !== undefined) sr.attrs = { ...(sr.attrs ?? {}), height: row.height };
  if (row.style && Object.keys(row.style).length > 0) sr.style = row.style;
  let styles: (Style | undefined)[] | undefined = sr.s ? [...sr.s] : undefined;
  for (let ci = 0; ci < cells.length; ci++) {
    const cell = cells[ci];
    if (!cell) continue;
    if (sr.v[ci] !== MERGE) sr.v[ci] = cell.value ?? null;
    const style = cell.style;
    if (style && Object.keys(style).length > 0) (styles ??= new Array(cells.length))[ci] = style;
  }
  if (styles) sr.s = styles;
}
