/**
 * The package writer: saves a workbook opened from .xlsx bytes by starting from the original package.
 *
 * - Every part the run did not change is copied as it was (its compressed bytes, so also its exact content):
 *   charts, pivot tables and caches, images, drawings, comments, themes, printer settings, custom XML, …
 * - A sheet whose cells, columns or selected state changed keeps everything outside <sheetData> (sheet-writer.ts);
 *   inside it, the rows and cells the run did not change keep their bytes.
 * - Sheets the run added become new parts; deleted sheets go with the parts only they used; visibility and the
 *   active sheet are set on workbook.xml; defined names are kept (a deleted sheet's names go, as in Excel,
 *   and references to it become #REF!).
 * - Strings are appended to the shared string table, new cell formats to styles.xml; nothing in either is
 *   renumbered. The calculation chain is dropped when a formula cell was rewritten (Excel rebuilds it).
 * - A sheet's charts and conditional formats (SheetState.objects) go through addSheetObjects (sheet-objects.ts)
 *   when they differ from what was read.
 *
 * Browser-safe; the compressor may be given (Node's zlib is about five times faster than fflate).
 */
import type { HostDoc, SheetState, TableState } from "../doc";
import { SETTINGS_SHEET } from "../doc";
import { sameSheetName } from "../address";
import { StoreRow } from "../store";
import { PackageParts } from "./parts-map";
import { BLANK_STYLES, StyleTable } from "./styles";
import { SharedStrings } from "./shared-strings";
import { SheetContent, newSheet, rewriteSheet, tabSelectedOf } from "./sheet-writer";
import { SheetSnap, changedColumns, columnsOf, sameCells } from "./snapshot";
import { OrigSheet, PackageSource, objectsJson, tableJson } from "./source";
import {
  CONTENT_TYPE,
  ContentTypes,
  REL_TYPE,
  RelsEditor,
  isRelType,
  parseRels,
  relsPathOf,
  resolveTarget,
  targetFor,
} from "./rels";
import { Compressor, Inflater, OutEntry, fflateCompressor, rawData, zipPieces } from "./zip-io";
import { escAttr, escText, findAll, findElement, fromUtf8, getAttr, prefixOf, setAttr, unescXml, utf8 } from "./xml";
import { addSheetObjects } from "./sheet-objects";

export interface PackageWriteOptions {
  compressor?: Compressor;
  /** Inflates a raw-deflated part to `size` bytes (default: fflate). */
  inflater?: Inflater;
}

/** One <sheet> of the saved workbook.xml. */
interface FinalSheet {
  xml: string;
  orig?: OrigSheet;
  state?: SheetState;
  /** The add-in settings sheet. */
  settings?: boolean;
  part?: string;
}

function textOf(parts: PackageParts, name: string | null | undefined): string | null {
  if (!name) return null;
  const b = parts.get(name);
  return b ? fromUtf8(b) : null;
}

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function contentOf(s: SheetState): SheetContent {
  const merges = (s.ws as unknown as { _merges?: Record<string, { model: MergeModel }> })._merges ?? {};
  return { rows: s.store.rows, columns: columnsOf(s), merges: Object.values(merges).map((m) => m.model) };
}

function settingsContent(texts: readonly string[]): SheetContent {
  return {
    rows: texts.map((t) => {
      const r = new StoreRow(1);
      r.v[0] = t;
      return r;
    }),
    columns: [],
  };
}

function xmlState(s: SheetState): "visible" | "hidden" | "veryHidden" {
  const v = s.visibility;
  return v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
}

/** A free part name "<folder>/<base><n>.xml". */
function freePart(parts: PackageParts, folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${base}${n}.xml`;
    if (!parts.has(name)) return name;
  }
}

/** Sheet references in a defined name's formula to a deleted sheet become #REF!, as Excel does. */
function dropSheetRefs(formula: string, deleted: readonly string[]): string {
  let f = formula;
  for (const name of deleted) {
    const quoted = `'${name.replace(/'/g, "''")}'`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const bare = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const ref = String.raw`(?:\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)`;
    f = f.replace(new RegExp(`(?:${quoted}|${bare})!${ref}`, "gi"), "#REF!");
  }
  return f;
}

/** Parts reachable from the package root through internal relationships. */
function reachable(parts: PackageParts, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const todo = [...roots];
  while (todo.length > 0) {
    const part = todo.pop() as string;
    const relsPart = relsPathOf(part);
    if (!parts.has(relsPart)) continue;
    for (const r of parseRels(fromUtf8(parts.get(relsPart) as Uint8Array))) {
      if (r.external) continue;
      const target = resolveTarget(part, r.target);
      if (seen.has(target) || !parts.has(target)) continue;
      seen.add(target);
      todo.push(target);
    }
  }
  return seen;
}

class Writer {
  readonly parts: PackageParts;
  private readonly wbPart: string;
  private wbXml: string;
  private readonly p: string;
  private rels: RelsEditor;
  private ct: ContentTypes;
  private readonly styles: StyleTable;
  private readonly stylesPart: string | null;
  private readonly sst: SharedStrings;
  private readonly sstPart: string | null;
  private formulaTouched = false;
  private readonly deletedParts: string[] = [];
  private readonly deletedNames: string[] = [];
  private readonly deletedIds = new Set<number>();

  constructor(
    private readonly doc: HostDoc,
    private readonly src: PackageSource,
    private readonly settings: readonly string[],
    inflater?: Inflater
  ) {
    this.parts = new PackageParts(src.bytes, src.entries, inflater);
    this.wbPart = src.workbookPart;
    this.wbXml = textOf(this.parts, this.wbPart) as string;
    this.p = prefixOf(this.wbXml, "workbook");
    this.rels = new RelsEditor(textOf(this.parts, relsPathOf(this.wbPart)));
    this.ct = new ContentTypes(textOf(this.parts, "[Content_Types].xml") ?? "");
    const rels = this.rels.rels;
    const stylesRel = rels.find((r) => isRelType(r.type, "styles"));
    this.stylesPart = stylesRel ? resolveTarget(this.wbPart, stylesRel.target) : null;
    this.styles = new StyleTable(textOf(this.parts, this.stylesPart) ?? BLANK_STYLES);
    const sstRel = rels.find((r) => isRelType(r.type, "sharedStrings"));
    this.sstPart = sstRel ? resolveTarget(this.wbPart, sstRel.target) : null;
    this.sst = new SharedStrings(textOf(this.parts, this.sstPart));
  }

  private cellContext() {
    return { p: "", sst: this.sst, date1904: this.doc.date1904 };
  }

  /** Writes pending edits of the workbook's relationships and content types into the parts. */
  private flush(): void {
    if (this.rels.changed) this.parts.set(relsPathOf(this.wbPart), utf8(this.rels.xml));
    if (this.ct.changed) this.parts.set("[Content_Types].xml", utf8(this.ct.xml));
    this.rels = new RelsEditor(textOf(this.parts, relsPathOf(this.wbPart)));
    this.ct = new ContentTypes(textOf(this.parts, "[Content_Types].xml") ?? "");
  }

  /** The sheet's charts and conditional formats, when the run changed them (sheet-objects.ts). */
  private objects(s: SheetState, part: string, isNew: boolean): void {
    const o = s.objects;
    if (isNew ? o.isEmpty() : objectsJson(s) === this.src.objects.get(s)) return;
    this.flush();
    addSheetObjects(this.parts, part, o);
    this.flush();
  }

  private deleteSheet(o: OrigSheet): void {
    this.rels.remove(o.rId);
    this.deletedIds.add(o.sheetId);
    this.deletedNames.push(o.name);
    if (o.part) this.deletedParts.push(o.part);
  }

  async run(compress: Compressor): Promise<void> {
    const doc = this.doc;
    const src = this.src;
    const alive = new Set(doc.sheets);
    const stateOf = new Map<OrigSheet, SheetState>();
    for (const [s, o] of src.bySheet) stateOf.set(o, s);
    const settingsJson = JSON.stringify(Object.fromEntries(doc.settings));
    const final: FinalSheet[] = [];
    /** Old sheet index → new (absent: deleted). */
    const moved = new Map<number, number>();
    let settingsDone = false;
    src.sheets.forEach((o, i) => {
      if (src.settingsSheets.includes(o)) {
        if (this.settings.length > 0 && !settingsDone) {
          settingsDone = true;
          moved.set(i, final.length);
          final.push({ xml: setAttr(o.xml, "state", "veryHidden"), orig: o, settings: true, part: o.part });
          if (settingsJson !== src.settingsJson && o.part) this.writeSettings(o.part);
        } else this.deleteSheet(o);
        return;
      }
      const s = stateOf.get(o);
      if (s === undefined) {
        moved.set(i, final.length);
        final.push({ xml: o.xml, orig: o });
        return;
      }
      if (!alive.has(s) || s.deleted) {
        this.deleteSheet(o);
        return;
      }
      moved.set(i, final.length);
      const state = xmlState(s);
      const xml = state === o.state ? o.xml : setAttr(o.xml, "state", state === "visible" ? undefined : state);
      final.push({ xml, orig: o, state: s, part: o.part });
    });
    for (const s of doc.sheets) if (!src.bySheet.has(s)) final.push({ xml: "", state: s });
    if (this.settings.length > 0 && !settingsDone) final.push({ xml: "", settings: true });
    // A kept settings sheet whose name a sheet of the run took gets a free one.
    const kept = final.find((f) => f.settings && f.orig);
    if (kept && doc.sheets.some((s) => sameSheetName(s.name, (kept.orig as OrigSheet).name)))
      kept.xml = setAttr(kept.xml, "name", this.settingsName(final));

    const active = doc.activeSheet();
    const activeIndex = Math.max(
      0,
      final.findIndex((f) => f.state === active)
    );
    const activeChanged = moved.get(src.activeTab) !== activeIndex;

    // Sheets.
    const taken = new Set<number>(src.sheets.map((o) => o.sheetId));
    let nextSheetId = Math.max(0, ...taken) + 1;
    for (let index = 0; index < final.length; index++) {
      const f = final[index];
      const s = f.state;
      const tab = activeChanged ? index === activeIndex : undefined;
      if (s && f.orig && f.part) {
        const snap = src.snapshots.get(s) as SheetSnap;
        // The part is inflated only when it is to be rewritten (or its selected state checked).
        const tabChange = tab !== undefined && tabSelectedOf(this.parts.get(f.part) as Uint8Array) !== tab;
        if (!sameCells(s, snap) || changedColumns(s, snap).length > 0 || tabChange) {
          const res = rewriteSheet(this.parts.get(f.part) as Uint8Array, contentOf(s), snap, {
            ctx: this.cellContext(),
            styles: this.styles,
            tabSelected: tabChange ? tab : undefined,
          });
          this.formulaTouched ||= res.formulaTouched;
          this.parts.setPieces(f.part, res.pieces);
        }
        this.objects(s, f.part, false);
        await this.parts.seal(f.part, compress);
        continue;
      }
      if (f.orig) {
        // A chart sheet, or the kept settings sheet.
        if (f.part) await this.parts.seal(f.part, compress);
        continue;
      }
      const name = s ? s.name : this.settingsName(final);
      const part = freePart(this.parts, "xl/worksheets", "sheet");
      const res = newSheet(s ? contentOf(s) : settingsContent(this.settings), {
        ctx: this.cellContext(),
        styles: this.styles,
        tabSelected: index === activeIndex ? true : undefined,
      });
      this.parts.setPieces(part, res.pieces);
      this.ct.set(part, CONTENT_TYPE.worksheet);
      const rId = this.rels.add(REL_TYPE.worksheet, targetFor(this.wbPart, part));
      const state = s ? xmlState(s) : "veryHidden";
      const rAttr = /\s([\w.-]+):id\s*=/.exec(src.sheets[0]?.xml ?? "")?.[1] ?? "r";
      f.xml =
        `<${this.p}sheet name="${escAttr(name)}" sheetId="${nextSheetId++}"` +
        (state === "visible" ? "" : ` state="${state}"`) +
        ` ${rAttr}:id="${rId}"/>`;
      f.part = part;
      if (rAttr !== "r" || !/\sxmlns:r=/.test(this.wbXml)) this.ensureRelNs(rAttr);
      if (s) this.objects(s, part, true);
      await this.parts.seal(part, compress);
    }

    this.workbookXml(final, moved, activeIndex);
    this.tables();
    this.finishStylesAndStrings();
    if (this.formulaTouched || this.calcChainNamesDeleted()) this.dropCalcChain();
    this.flush();
    this.collectGarbage();
  }

  /** A name for a new settings sheet that no sheet has. */
  private settingsName(final: FinalSheet[]): string {
    const names = final.filter((f) => f.state).map((f) => (f.state as SheetState).name);
    let name = SETTINGS_SHEET;
    for (let n = 2; names.some((x) => sameSheetName(x, name)); n++) name = `${SETTINGS_SHEET}${n}`;
    return name;
  }

  private writeSettings(part: string): void {
    const res = newSheet(settingsContent(this.settings), { ctx: this.cellContext(), styles: this.styles });
    this.parts.setPieces(part, res.pieces);
  }

  private ensureRelNs(prefix: string): void {
    const root = new RegExp(`<${this.p}workbook\\b[^>]*>`).exec(this.wbXml);
    if (!root || new RegExp(`\\sxmlns:${prefix}=`).test(root[0])) return;
    const tag = setAttr(
      root[0],
      `xmlns:${prefix}`,
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    );
    this.wbXml = this.wbXml.slice(0, root.index) + tag + this.wbXml.slice(root.index + root[0].length);
  }

  private workbookXml(final: FinalSheet[], moved: Map<number, number>, activeIndex: number): void {
    const p = this.p;
    const src = this.src;
    let xml = this.wbXml;
    const sheetsChanged = final.length !== src.sheets.length || final.some((f, i) => f.xml !== src.sheets[i].xml);
    if (sheetsChanged) {
      const el = findElement(xml, p, "sheets") as NonNullable<ReturnType<typeof findElement>>;
      const tag = el.tag.endsWith("/>") ? el.tag.replace(/\s*\/>$/, ">") : el.tag;
      xml = `${xml.slice(0, el.start)}${tag}${final.map((f) => f.xml).join("")}</${p}sheets>${xml.slice(el.end)}`;
    }
    // Defined names: a deleted sheet's local names go; other local names follow their sheet; references to a
    // deleted sheet become #REF!.
    const renumbered = [...moved].some(([a, b]) => a !== b) || moved.size !== src.sheets.length;
    const names = findElement(xml, p, "definedNames");
    if (names && renumbered) {
      const kept: string[] = [];
      for (const d of findAll(xml, p, "definedName", names.innerStart, names.innerEnd)) {
        let el = xml.slice(d.start, d.end);
        const local = getAttr(d.tag, "localSheetId");
        if (local !== undefined) {
          const to = moved.get(Number(local));
          if (to === undefined) continue;
          if (to !== Number(local)) el = setAttr(d.tag, "localSheetId", String(to)) + el.slice(d.tag.length);
        }
        if (this.deletedNames.length > 0 && d.innerEnd > d.innerStart) {
          const text = unescXml(xml.slice(d.innerStart, d.innerEnd));
          const next = dropSheetRefs(text, this.deletedNames);
          if (next !== text) el = el.slice(0, el.indexOf(">") + 1) + escText(next) + `</${p}definedName>`;
        }
        kept.push(el);
      }
      xml =
        kept.length > 0
          ? `${xml.slice(0, names.start)}${names.tag}${kept.join("")}</${p}definedNames>${xml.slice(names.end)}`
          : xml.slice(0, names.start) + xml.slice(names.end);
    }
    // The active sheet (and the first sheet shown in the tab bar, which must exist).
    const view = new RegExp(`<${p}workbookView\\b[^>]*>`).exec(xml);
    if (view) {
      let tag = view[0];
      if (Number(getAttr(tag, "activeTab") ?? 0) !== activeIndex) tag = setAttr(tag, "activeTab", String(activeIndex));
      const first = getAttr(tag, "firstSheet");
      if (first !== undefined && renumbered) {
        const to = moved.get(Number(first)) ?? 0;
        tag = setAttr(tag, "firstSheet", to ? String(Math.min(to, activeIndex)) : undefined);
      }
      if (tag !== view[0]) xml = xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
    } else if (activeIndex > 0) {
      const sheets = findElement(xml, p, "sheets") as NonNullable<ReturnType<typeof findElement>>;
      xml = `${xml.slice(0, sheets.start)}<${p}bookViews><${p}workbookView activeTab="${activeIndex}"/></${p}bookViews>${xml.slice(sheets.start)}`;
    }
    this.wbXml = xml;
    if (xml !== textOf(this.parts, this.wbPart)) this.parts.set(this.wbPart, utf8(xml));
  }

  /** Table parts whose table the run changed (columns added): ref, autoFilter and columns. */
  private tables(): void {
    for (const [t, snap] of this.src.tables) {
      if (t.deleted || !this.doc.tables.includes(t) || tableJson(t) === snap.json) continue;
      const xml = textOf(this.parts, snap.part);
      if (xml === null) continue;
      this.parts.set(snap.part, utf8(rewriteTable(xml, t)));
    }
  }

  private finishStylesAndStrings(): void {
    if (this.styles.changed) {
      if (this.stylesPart) {
        this.parts.set(this.stylesPart, utf8(this.styles.apply(textOf(this.parts, this.stylesPart) ?? BLANK_STYLES)));
      } else {
        const part = "xl/styles.xml";
        this.parts.set(part, utf8(this.styles.apply(BLANK_STYLES)));
        this.rels.add(REL_TYPE.styles, targetFor(this.wbPart, part));
        this.ct.set(part, CONTENT_TYPE.styles);
      }
    }
    if (this.sst.changed) {
      const part = this.sstPart ?? "xl/sharedStrings.xml";
      this.parts.set(part, utf8(this.sst.apply(this.sstPart ? textOf(this.parts, this.sstPart) : null)));
      if (!this.sstPart) {
        this.rels.add(REL_TYPE.sharedStrings, targetFor(this.wbPart, part));
        this.ct.set(part, CONTENT_TYPE.sharedStrings);
      }
    }
  }

  /** Does the calculation chain list cells of a deleted sheet (its entries' i = sheetId, carried forward)? */
  private calcChainNamesDeleted(): boolean {
    if (this.deletedIds.size === 0) return false;
    const rel = this.rels.rels.find((r) => isRelType(r.type, "calcChain"));
    const xml = rel ? textOf(this.parts, resolveTarget(this.wbPart, rel.target)) : null;
    if (xml === null) return false;
    for (const m of xml.matchAll(/<(?:[\w.-]+:)?c\b[^>]*>/g)) {
      const i = getAttr(m[0], "i");
      if (i !== undefined && this.deletedIds.has(Number(i))) return true;
    }
    return false;
  }

  /** Excel rebuilds the calculation chain when it is missing; a stale one makes it repair the file. */
  private dropCalcChain(): void {
    for (const r of this.rels.rels) {
      if (!isRelType(r.type, "calcChain")) continue;
      const part = resolveTarget(this.wbPart, r.target);
      this.rels.remove(r.id);
      this.parts.delete(part);
      this.ct.remove(part);
    }
  }

  /** Removes the parts only deleted sheets used (their drawings, charts, tables, comments …). */
  private collectGarbage(): void {
    if (this.deletedParts.length === 0) return;
    const candidates = new Set<string>(this.deletedParts);
    for (const x of reachable(this.parts, this.deletedParts)) candidates.add(x);
    const live = reachable(this.parts, [""]);
    for (const part of candidates) {
      if (live.has(part)) continue;
      this.parts.delete(part);
      this.parts.delete(relsPathOf(part));
      this.ct.remove(part);
    }
    this.flush();
  }
}

/** A table part with the table's current range and columns (columns kept by name, new ones appended). */
function rewriteTable(xml: string, t: TableState): string {
  const p = prefixOf(xml, "table");
  const m = t.model;
  const ref = m.tableRef ?? m.ref;
  let out = xml;
  const root = new RegExp(`<${p}table\\b[^>]*>`).exec(out);
  if (root && ref)
    out = out.slice(0, root.index) + setAttr(root[0], "ref", ref) + out.slice(root.index + root[0].length);
  const af = findElement(out, p, "autoFilter");
  if (af && m.autoFilterRef)
    out = out.slice(0, af.start) + setAttr(af.tag, "ref", m.autoFilterRef) + out.slice(af.start + af.tag.length);
  const cols = findElement(out, p, "tableColumns");
  if (cols) {
    const existing = findAll(out, p, "tableColumn", cols.innerStart, cols.innerEnd).map((c) => ({
      name: getAttr(c.tag, "name") ?? "",
      id: Number(getAttr(c.tag, "id") ?? 0),
      xml: out.slice(c.start, c.end),
    }));
    let nextId = Math.max(0, ...existing.map((c) => c.id)) + 1;
    const body = m.columns
      .map((c) => {
        const e = existing.find((x) => x.name === c.name);
        return e ? e.xml : `<${p}tableColumn id="${nextId++}" name="${escAttr(c.name)}"/>`;
      })
      .join("");
    const tag = setAttr(cols.tag.replace(/\s*\/>$/, ">"), "count", String(m.columns.length));
    out = `${out.slice(0, cols.start)}${tag}${body}</${p}tableColumns>${out.slice(cols.end)}`;
  }
  return out;
}

/** Saves the workbook from its original package: the archive as pieces to be written in order. */
export async function writePackage(
  doc: HostDoc,
  src: PackageSource,
  settings: readonly string[],
  options: PackageWriteOptions = {}
): Promise<Uint8Array[]> {
  const compress = options.compressor ?? fflateCompressor;
  const w = new Writer(doc, src, settings, options.inflater);
  await w.run(compress);
  const parts = w.parts;
  // Parts are compressed concurrently (an asynchronous compressor works off the main thread).
  const entries = await Promise.all(
    [...parts.keys()].map(async (name): Promise<OutEntry> => {
      const orig = parts.sourceOf(name);
      if (orig)
        return {
          name,
          method: orig.method,
          crc: orig.crc32,
          size: orig.uncompressedSize,
          data: [rawData(src.bytes, orig)],
        };
      const sealed = parts.sealedOf(name);
      if (sealed) return { name, method: 8, ...sealed };
      const { pieces, size } = parts.piecesOf(name);
      const { data, crc } = await compress(pieces, size);
      return { name, method: 8, crc, size, data };
    })
  );
  return zipPieces(entries);
}
