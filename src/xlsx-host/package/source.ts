/**
 * The original package of a workbook opened from .xlsx bytes, kept so that saving starts from it: the file's
 * bytes, its sheets as workbook.xml lists them (with their parts), which host sheet is which part, and a
 * snapshot of every sheet's cells and columns and every table as they were read (snapshot.ts).
 */
import type { HostDoc, SheetState, TableState } from "../doc";
import { sameSheetName } from "../address";
import { SheetSnap, takeSnapshot } from "./snapshot";
import { SourceEntry, inflateEntry, readEntries } from "./zip-io";
import { isRelType, parseRels, relsPathOf, resolveTarget } from "./rels";
import { findElement, fromUtf8, getAttr, prefixOf } from "./xml";
import { objectsFingerprint } from "./sheet-objects";

/** One <sheet> of workbook.xml. */
export interface OrigSheet {
  name: string;
  /** The part of a worksheet ("xl/worksheets/sheet1.xml"); undefined when not found. */
  part: string | undefined;
  rId: string;
  sheetId: number;
  state: "visible" | "hidden" | "veryHidden";
  /** The element as written. */
  xml: string;
  /** True for a worksheet (not a chartsheet or dialog sheet). */
  worksheet: boolean;
}

export interface TableSnap {
  part: string;
  json: string;
}

export interface PackageSource {
  bytes: Uint8Array;
  entries: Map<string, SourceEntry>;
  workbookPart: string;
  sheets: OrigSheet[];
  /** The original sheet of each host sheet read from the file. */
  bySheet: Map<SheetState, OrigSheet>;
  snapshots: Map<SheetState, SheetSnap>;
  /** The add-in settings sheets the host read (and hides from the API). */
  settingsSheets: OrigSheet[];
  tables: Map<TableState, TableSnap>;
  /** workbookView activeTab as read. */
  activeTab: number;
  /** The settings as read (JSON): an unchanged settings sheet keeps its part. */
  settingsJson: string;
  /** Each sheet's charts and conditional formats as read (objectsJson). */
  objects: Map<SheetState, string>;
}

const sources = new WeakMap<HostDoc, PackageSource>();

export function packageOf(doc: HostDoc): PackageSource | undefined {
  return sources.get(doc);
}

/** Attaches `bytes` in place of the package `doc` was opened from (the same file), with a new snapshot. */
export function reattachPackage(doc: HostDoc, bytes: Uint8Array): void {
  const prev = sources.get(doc);
  if (prev)
    attachPackage(
      doc,
      bytes,
      prev.settingsSheets.map((s) => s.name)
    );
}

/** What the writer compares a table with. */
export function tableJson(t: TableState): string {
  const m = t.model;
  return JSON.stringify({
    ref: m.tableRef ?? m.ref,
    auto: m.autoFilterRef,
    header: m.headerRow,
    totals: m.totalsRow,
    columns: m.columns.map((c) => c.name),
  });
}

/** What the writer compares a sheet's charts and conditional formats with (sheets by id, not as objects). */
export function objectsJson(s: SheetState): string {
  // What addSheetObjects would write, cached chart values included: a chart whose cells changed is written again.
  return objectsFingerprint(s.objects);
}

function text(bytes: Uint8Array, entries: Map<string, SourceEntry>, name: string): string | null {
  const e = entries.get(name);
  return e ? fromUtf8(inflateEntry(bytes, e)) : null;
}

/**
 * Keeps `bytes` as the package `doc` was read from, with a snapshot of its sheets now. Called when a
 * workbook has been opened from .xlsx bytes (all its cells in the store); `settingsSheets` are the names of the
 * sheets the host read as its settings. Anything unexpected leaves the workbook without a package: it is then
 * saved by exceljs, as before.
 */
export function attachPackage(doc: HostDoc, bytes: Uint8Array, settingsSheets: readonly string[]): void {
  sources.delete(doc);
  const entries = readEntries(bytes);
  if (!entries) return;
  const rootRels = parseRels(text(bytes, entries, "_rels/.rels") ?? "");
  const office = rootRels.find((r) => isRelType(r.type, "officeDocument"));
  const workbookPart = office ? resolveTarget("", office.target) : "xl/workbook.xml";
  const workbookXml = text(bytes, entries, workbookPart);
  if (workbookXml === null) return;
  const rels = parseRels(text(bytes, entries, relsPathOf(workbookPart)) ?? "");
  const p = prefixOf(workbookXml, "workbook");
  const sheetsEl = findElement(workbookXml, p, "sheets");
  if (!sheetsEl) return;
  const sheets: OrigSheet[] = [];
  const inner = workbookXml.slice(sheetsEl.innerStart, sheetsEl.innerEnd);
  for (const m of inner.matchAll(new RegExp(`<${p}sheet\\b[^>]*>`, "g"))) {
    const tag = m[0];
    const rIdAttr = /\s([\w.-]+:id)\s*=/.exec(tag)?.[1] ?? "r:id";
    const rId = getAttr(tag, rIdAttr) ?? "";
    const rel = rels.find((r) => r.id === rId);
    const state = getAttr(tag, "state");
    sheets.push({
      name: getAttr(tag, "name") ?? "",
      part: rel && !rel.external ? resolveTarget(workbookPart, rel.target) : undefined,
      rId,
      sheetId: Number(getAttr(tag, "sheetId") ?? 0),
      state: state === "hidden" || state === "veryHidden" ? state : "visible",
      xml: tag,
      worksheet: !!rel && isRelType(rel.type, "worksheet"),
    });
  }
  const bySheet = new Map<SheetState, OrigSheet>();
  const snapshots = new Map<SheetState, SheetSnap>();
  for (const s of doc.sheets) {
    const o = sheets.find((x) => x.worksheet && x.part !== undefined && sameSheetName(x.name, s.name));
    if (!o || !entries.has(o.part as string)) return; // a sheet not found as a part: leave it to exceljs
    bySheet.set(s, o);
    snapshots.set(s, takeSnapshot(s));
  }
  const settings = sheets.filter((x) => x.worksheet && settingsSheets.some((n) => sameSheetName(n, x.name)));
  // Tables: each table part's name → the part.
  const tableParts = new Map<string, string>();
  for (const name of entries.keys()) {
    if (!/\/tables\/[^/]+\.xml$/.test(name)) continue;
    const xml = text(bytes, entries, name) ?? "";
    const tag = /<([\w.-]+:)?table\b[^>]*>/.exec(xml)?.[0] ?? "";
    for (const key of [getAttr(tag, "name"), getAttr(tag, "displayName")])
      if (key !== undefined) tableParts.set(key.toUpperCase(), name);
  }
  const tables = new Map<TableState, TableSnap>();
  for (const t of doc.tables) {
    const part = tableParts.get(t.name.toUpperCase());
    if (part) tables.set(t, { part, json: tableJson(t) });
  }
  const view = new RegExp(`<${p}workbookView\\b[^>]*>`).exec(workbookXml)?.[0] ?? "";
  sources.set(doc, {
    bytes,
    entries,
    workbookPart,
    sheets,
    bySheet,
    snapshots,
    settingsSheets: settings,
    tables,
    activeTab: Number(getAttr(view, "activeTab") ?? 0),
    settingsJson: JSON.stringify(Object.fromEntries(doc.settings)),
    objects: new Map(doc.sheets.map((s) => [s, objectsJson(s)])),
  });
}
