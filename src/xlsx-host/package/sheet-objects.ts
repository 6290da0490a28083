/**
 * Charts and conditional formats of a sheet (SheetState.objects, ../objects-model.ts) in the .xlsx package, so that
 * Excel shows a real chart that follows its cells, and reading them back when the host opens a file it saved.
 *
 * Writing (addSheetObjects), per ECMA-376 Part 1:
 * - a chart is a DrawingML chart part xl/charts/chartN.xml (§21.2, c:chartSpace with one c:barChart whose series
 *   reference the sheet's cells with c:f formulas and carry their values in c:strCache / c:numCache, as Excel
 *   writes them, so that a reader shows the chart before recalculating); it sits in the sheet's drawing part
 *   xl/drawings/drawingN.xml (§20.5, an xdr:twoCellAnchor per chart) related from the sheet with
 *   <drawing r:id>; both parts get their [Content_Types].xml overrides (Part 2, §10.1.2.3).
 * - a conditional format is a <conditionalFormatting sqref> with one <cfRule type="dataBar|colorScale"> (§18.3.1).
 * - CT_Worksheet is a sequence (§18.3.1.99, sml.xsd): <conditionalFormatting> comes after mergeCells / phoneticPr
 *   and before dataValidations, hyperlinks, printOptions …; <drawing> after headerFooter … ignoredErrors,
 *   smartTags and before legacyDrawing … tableParts, extLst. An element out of order makes Excel repair the file.
 *
 * The model replaces what it was read from: data-bar and colour-scale rules already in the sheet XML (also their
 * x14 extensions) are dropped before the model's are written, and so are the chart anchors and parts listed in
 * `objects.claimedParts` — so a writer that keeps the file's own parts (the package writer) may call this on them.
 * Other rules keep their place after the model's (their priorities follow the model's, which come first: add()
 * puts a new format "at the first/top priority"); other drawings (pictures) stay in the drawing part.
 *
 * Reading (loadSheetObjects) takes back the charts made of one c:barChart whose series refer to cells, and the
 * data-bar and colour-scale rules exceljs read (exceljs keeps neither a dataBar's showValue nor a formula bound:
 * those come back as shown values and a lost bound). Any other chart is left out of the model: the exceljs
 * writer drops it as before; the package writer keeps it as it is.
 */
import { strFromU8, strToU8, unzipSync } from "fflate";
import { Rect, cellAddress, columnLetters, parseAddress, quoteSheetName } from "../address";
import { readRectUnlimited } from "../cells";
import type { HostDoc, SheetState } from "../doc";
import { EMU_PER_POINT, anchorAt, pointOf } from "../geometry";
import {
  Bound,
  BoundType,
  CellRef,
  ChartKind,
  ChartModel,
  ColorPoint,
  FormatModel,
  FormatRule,
  SeriesModel,
  SheetObjects,
  newObjectId,
} from "../objects-model";
import { ZipEntry, listZip } from "../zip";
import { replaceZipEntries } from "./zip-io";
import { type Rel as PackageRel, parseRels, relsPathOf, resolveTarget } from "./rels";
import { escAttr, getAttr, unescXml } from "./xml";
import type { Parts } from "./parts";

const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const REL_DRAWING = `${NS_R}/drawing`;
const REL_CHART = `${NS_R}/chart`;
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// ---- small XML helpers ----------------------------------------------------------------------------------

/** Text as XML 1.0 can carry it: characters it forbids are dropped (a chart title or cached label may hold any). */
function xmlText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return escAttr(s.replace(/[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g, ""));
}

/** A parsed element (small parts only: drawings, charts, relationships). Names are local (prefix dropped). */
interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

function parseXml(xml: string): XNode {
  const root: XNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XNode[] = [root];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const top = stack[stack.length - 1];
    if (m.index > last) top.text += unescXml(xml.slice(last, m.index));
    last = TAG.lastIndex;
    if (m[1] !== undefined) {
      top.text += m[1];
      continue;
    }
    if (m[3] === undefined) continue; // comment or processing instruction
    const local = m[3].replace(/^.*:/, "");
    if (m[2] === "/") {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[4] ?? "").matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
      attrs[a[1]] = unescXml(a[3] ?? a[4]);
    const node: XNode = { name: local, attrs, children: [], text: "" };
    top.children.push(node);
    if (m[5] !== "/") stack.push(node);
  }
  return root;
}

function child(n: XNode | undefined, name: string): XNode | undefined {
  return n?.children.find((c) => c.name === name);
}
function children(n: XNode | undefined, name: string): XNode[] {
  return n ? n.children.filter((c) => c.name === name) : [];
}
/** The value of an attribute by local name (`r:id` → "id"). */
function localAttr(n: XNode | undefined, name: string): string | undefined {
  if (!n) return undefined;
  for (const [k, v] of Object.entries(n.attrs)) if (k.replace(/^.*:/, "") === name) return v;
  return undefined;
}
function allText(n: XNode): string {
  return n.text + n.children.map(allText).join("");
}

// ---- package paths and relationships --------------------------------------------------------------------

/** `to` as a target relative to the folder of `from` ("../charts/chart1.xml"). */
function relativeTarget(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}

/** A relationship as this file writes it back. */
type Rel = Omit<PackageRel, "xml">;

function readRels(parts: Parts, part: string): Rel[] {
  const bytes = parts.get(relsPathOf(part));
  if (!bytes) return [];
  return parseRels(strFromU8(bytes))
    .filter((r) => r.id && r.type && r.target)
    .map(({ id, type, target, external }) => ({ id, type, target, external }));
}

function writeRels(parts: Parts, part: string, rels: Rel[]): void {
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${escAttr(r.id)}" Type="${escAttr(r.type)}" Target="${escAttr(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`
    )
    .join("");
  parts.set(relsPathOf(part), strToU8(`${XML_DECL}<Relationships xmlns="${NS_PKG_RELS}">${body}</Relationships>`));
}

function freeRelId(rels: Rel[]): string {
  const taken = new Set(rels.map((r) => r.id));
  for (let n = rels.length + 1; ; n++) if (!taken.has(`rId${n}`)) return `rId${n}`;
}

function freePart(parts: Parts, folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = `${folder}/${base}${n}.xml`;
    if (!parts.has(name)) return name;
  }
}

function setContentType(parts: Parts, part: string, type: string | null): void {
  const name = "[Content_Types].xml";
  const bytes = parts.get(name);
  if (!bytes) return;
  let xml = strFromU8(bytes);
  const partName = `/${part}`;
  xml = xml.replace(/<(?:\w+:)?Override\b[^>]*\/>/g, (o) => (getAttr(o, "PartName") === partName ? "" : o));
  if (type !== null) {
    const close = /<\/(?:\w+:)?Types>\s*$/.exec(xml);
    if (!close) return;
    xml = `${xml.slice(0, close.index)}<Override PartName="${escAttr(partName)}" ContentType="${type}"/>${xml.slice(close.index)}`;
  }
  parts.set(name, strToU8(xml));
}

function removePart(parts: Parts, part: string): void {
  parts.delete(part);
  parts.delete(relsPathOf(part));
  setContentType(parts, part, null);
}

// ---- the worksheet XML ----------------------------------------------------------------------------------

/** Top-level children of <worksheet> after <sheetData>, in the order CT_Worksheet gives them. */
const AFTER_CF = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const AFTER_DRAWING = AFTER_CF.slice(AFTER_CF.indexOf("legacyDrawing"));

interface Element {
  name: string;
  start: number;
  end: number;
}

/** The top-level elements of the worksheet that follow its sheetData (a small tail, whatever the data's size). */
function tailElements(xml: string): { elements: Element[]; tailStart: number; rootEnd: number } {
  const open = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error("worksheet without sheetData");
  let tailStart = open.index + open[0].length;
  if (open[1] !== "/") {
    const close = /<\/(?:\w+:)?sheetData>/g;
    close.lastIndex = tailStart;
    const m = close.exec(xml);
    if (!m) throw new Error("worksheet sheetData not closed");
    tailStart = m.index + m[0].length;
  }
  const elements: Element[] = [];
  let depth = 0;
  let current: Element | null = null;
  let rootEnd = xml.length;
  TAG.lastIndex = tailStart;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[3] === undefined) continue;
    const local = m[3].replace(/^.*:/, "");
    if (m[2] === "/") {
      if (depth === 0) {
        rootEnd = m.index; // </worksheet>
        break;
      }
      depth--;
      if (depth === 0 && current) {
        current.end = TAG.lastIndex;
        elements.push(current);
        current = null;
      }
    } else if (m[5] === "/") {
      if (depth === 0) elements.push({ name: local, start: m.index, end: TAG.lastIndex });
    } else {
      if (depth === 0) current = { name: local, start: m.index, end: -1 };
      depth++;
    }
  }
  return { elements, tailStart, rootEnd };
}

const MODEL_RULE = /<(\w+:)?cfRule\b([^>]*?)(\/>|>[\s\S]*?<\/\1?cfRule>)/g;

function isModelType(tag: string): boolean {
  const type = getAttr(tag, "type");
  return type === "dataBar" || type === "colorScale";
}

/** A <conditionalFormatting> without its data-bar and colour-scale rules, priorities moved by `shift`; "" if empty. */
function keptFormatting(xml: string, shift: number): string {
  let kept = 0;
  const out = xml.replace(MODEL_RULE, (rule: string, _p: string, attrs: string) => {
    if (isModelType(`<x ${attrs}>`)) return "";
    kept++;
    return shiftPriority(rule, shift);
  });
  return kept > 0 ? out : "";
}

function shiftPriority(rule: string, shift: number): string {
  return rule.replace(
    /^(<(?:\w+:)?cfRule\b[^>]*?\spriority=")(\d+)"/,
    (_, head: string, p: string) => `${head}${Number(p) + shift}"`
  );
}

/** The worksheet's extLst without x14 data-bar / colour-scale rules (and what they leave empty), priorities moved. */
function keptExtLst(xml: string, shift: number): string {
  let out = xml.replace(MODEL_RULE, (rule: string, _p: string, attrs: string) =>
    isModelType(`<x ${attrs}>`) ? "" : shiftPriority(rule, shift)
  );
  for (let again = true; again;) {
    const before = out;
    out = out
      .replace(
        /<(\w+:)?conditionalFormatting\b[^>]*>\s*(?:<(\w+:)?sqref>[^<]*<\/\2?sqref>\s*)?<\/\1?conditionalFormatting>/g,
        ""
      )
      .replace(/<(\w+:)?conditionalFormattings\b[^>]*>\s*<\/\1?conditionalFormattings>/g, "")
      .replace(/<(\w+:)?ext\b[^>]*>\s*<\/\1?ext>/g, "");
    again = out !== before;
  }
  return /<(\w+:)?extLst\b[^>]*>\s*<\/\1?extLst>/.test(out) || /<(\w+:)?extLst\b[^>]*\/>/.test(out) ? "" : out;
}

function sqref(ranges: Rect[]): string {
  return ranges
    .map((r) => {
      const a = cellAddress(r.row, r.col);
      return r.rows === 1 && r.cols === 1 ? a : `${a}:${cellAddress(r.row + r.rows - 1, r.col + r.cols - 1)}`;
    })
    .join(" ");
}

const CFVO: Record<BoundType, string> = {
  Automatic: "",
  LowestValue: "min",
  HighestValue: "max",
  Number: "num",
  Percent: "percent",
  Formula: "formula",
  Percentile: "percentile",
};

/** A <cfvo>; an automatic bound is written as the lowest / highest value (the 2007 data bar has no automatic). */
function cfvo(b: Bound, end: "min" | "max"): string {
  const type = b.type === "Automatic" ? end : CFVO[b.type];
  if (b.formula === null) return `<cfvo type="${type}"/>`;
  const val = b.formula.startsWith("=") ? b.formula.slice(1) : b.formula;
  return `<cfvo type="${type}" val="${escAttr(val)}"/>`;
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

function formattingXml(f: FormatModel, priority: number): string {
  const r = f.rule;
  let rule: string;
  if (r.kind === "DataBar") {
    const show = r.showDataBarOnly ? ' showValue="0"' : "";
    rule =
      `<cfRule type="dataBar" priority="${priority}"><dataBar${show}>${cfvo(r.lower, "min")}${cfvo(r.upper, "max")}` +
      `<color rgb="${argb(r.fillColor)}"/></dataBar></cfRule>`;
  } else {
    const points = [r.minimum, ...(r.midpoint ? [r.midpoint] : []), r.maximum];
    rule =
      `<cfRule type="colorScale" priority="${priority}"><colorScale>` +
      points.map((p, i) => cfvo(p, i === 0 ? "min" : "max")).join("") +
      points.map((p) => `<color rgb="${argb(p.color)}"/>`).join("") +
      `</colorScale></cfRule>`;
  }
  return `<conditionalFormatting sqref="${sqref(f.ranges)}">${rule}</conditionalFormatting>`;
}

function ensureRootNamespace(xml: string, prefix: string, uri: string): string {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(xml);
  if (!root || new RegExp(`\\sxmlns:${prefix}\\s*=`).test(root[0])) return xml;
  const at = root.index + root[0].length - (root[0].endsWith("/>") ? 2 : 1);
  return `${xml.slice(0, at)} xmlns:${prefix}="${uri}"${xml.slice(at)}`;
}

/**
 * Rewrites the tail of the worksheet XML: conditional formats (the model's first, then the file's other rules),
 * and the <drawing> element when `drawingRelId` is given (null: leave any drawing element as it is).
 */
function rewriteSheet(xml: string, formats: FormatModel[], drawingRelId: string | null): string {
  const { elements, rootEnd } = tailElements(xml);
  const shift = formats.length;
  const pieces: { start: number; end: number; text: string }[] = [];
  const kept: string[] = [];
  for (const e of elements) {
    if (e.name === "conditionalFormatting") {
      const k = keptFormatting(xml.slice(e.start, e.end), shift);
      if (k) kept.push(k);
      pieces.push({ start: e.start, end: e.end, text: "" });
    } else if (e.name === "extLst" && shift >= 0) {
      const before = xml.slice(e.start, e.end);
      const after = keptExtLst(before, shift);
      if (after !== before) pieces.push({ start: e.start, end: e.end, text: after });
    }
  }
  const cf = formats.map((f, i) => formattingXml(f, i + 1)).join("") + kept.join("");
  const firstOf = (names: string[]) => elements.find((e) => names.includes(e.name))?.start ?? rootEnd;
  const cfAt = firstOf(AFTER_CF);
  if (cf) pieces.push({ start: cfAt, end: cfAt, text: cf });
  if (drawingRelId !== null && !elements.some((e) => e.name === "drawing")) {
    const at = firstOf(AFTER_DRAWING);
    pieces.push({ start: at, end: at, text: `<drawing r:id="${escAttr(drawingRelId)}"/>` });
  }
  // Edits in document order (stable: insertions at one place keep the order they were pushed in).
  const ordered = pieces.map((p, i) => ({ ...p, i })).sort((x, y) => x.start - y.start || x.i - y.i);
  let out = "";
  let pos = 0;
  for (const p of ordered) {
    out += xml.slice(pos, p.start) + p.text;
    pos = Math.max(pos, p.end);
  }
  out += xml.slice(pos);
  return drawingRelId !== null ? ensureRootNamespace(out, "r", NS_R) : out;
}

// ---- charts ---------------------------------------------------------------------------------------------

/** An absolute reference as Excel writes it in c:f: 'Sheet name'!$A$1:$A$5 (#REF! once the sheet is gone). */
function refFormula(ref: CellRef): string {
  if (ref.sheet.deleted) return "#REF!";
  const r = ref.rect;
  const a = `$${columnLetters(r.col)}$${r.row + 1}`;
  const cell = r.rows === 1 && r.cols === 1 ? a : `${a}:$${columnLetters(r.col + r.cols - 1)}$${r.row + r.rows}`;
  return `${quoteSheetName(ref.sheet.name)}!${cell}`;
}

function strRef(ref: CellRef): string {
  if (ref.sheet.deleted) return `<c:strRef><c:f>#REF!</c:f></c:strRef>`;
  const texts = readRectUnlimited(ref.sheet, ref.rect, "text", ref.sheet.doc.date1904).flat();
  const pts = texts.map((t, i) => (t === "" ? "" : `<c:pt idx="${i}"><c:v>${xmlText(String(t))}</c:v></c:pt>`));
  return (
    `<c:strRef><c:f>${xmlText(refFormula(ref))}</c:f>` +
    `<c:strCache><c:ptCount val="${texts.length}"/>${pts.join("")}</c:strCache></c:strRef>`
  );
}

function numRef(ref: CellRef): string {
  if (ref.sheet.deleted) return `<c:numRef><c:f>#REF!</c:f></c:numRef>`;
  const date1904 = ref.sheet.doc.date1904;
  const values = readRectUnlimited(ref.sheet, ref.rect, "values", date1904).flat();
  const formats = readRectUnlimited(ref.sheet, ref.rect, "numberFormat", date1904).flat();
  const first = values.findIndex((v) => typeof v === "number");
  const formatCode = first >= 0 ? String(formats[first]) : "General";
  const pts = values.map((v, i) => (typeof v === "number" ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ""));
  return (
    `<c:numRef><c:f>${xmlText(refFormula(ref))}</c:f><c:numCache><c:formatCode>${xmlText(formatCode)}</c:formatCode>` +
    `<c:ptCount val="${values.length}"/>${pts.join("")}</c:numCache></c:numRef>`
  );
}

/** Categories are text (c:strRef) unless every one is a number. */
function categoriesXml(ref: CellRef): string {
  if (ref.sheet.deleted) return `<c:cat><c:strRef><c:f>#REF!</c:f></c:strRef></c:cat>`;
  const values = readRectUnlimited(ref.sheet, ref.rect, "values", ref.sheet.doc.date1904).flat();
  const numeric = values.length > 0 && values.every((v) => typeof v === "number");
  return `<c:cat>${numeric ? numRef(ref) : strRef(ref)}</c:cat>`;
}

function seriesXml(s: SeriesModel, i: number): string {
  const tx =
    s.name === null
      ? ""
      : "text" in s.name
        ? `<c:tx><c:v>${xmlText(s.name.text)}</c:v></c:tx>`
        : `<c:tx>${strRef(s.name.ref)}</c:tx>`;
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${tx}<c:invertIfNegative val="0"/>` +
    `${s.categories ? categoriesXml(s.categories) : ""}<c:val>${numRef(s.values)}</c:val></c:ser>`
  );
}

const BAR_SHAPE: Record<ChartKind, { dir: "col" | "bar"; grouping: string }> = {
  ColumnClustered: { dir: "col", grouping: "clustered" },
  ColumnStacked: { dir: "col", grouping: "stacked" },
  ColumnStacked100: { dir: "col", grouping: "percentStacked" },
  BarClustered: { dir: "bar", grouping: "clustered" },
  BarStacked: { dir: "bar", grouping: "stacked" },
  BarStacked100: { dir: "bar", grouping: "percentStacked" },
};

/** The chart part (CT_ChartSpace), elements in schema order (dml-chart.xsd). */
export function chartXml(m: ChartModel): string {
  const shape = BAR_SHAPE[m.kind];
  const [catPos, valPos] = shape.dir === "col" ? ["b", "l"] : ["l", "b"];
  let title = "";
  if (m.title.visible) {
    title =
      m.title.text === null
        ? `<c:title><c:overlay val="0"/></c:title>`
        : `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>${xmlText(m.title.text)}</a:t></a:r></a:p></c:rich></c:tx>` +
          `<c:overlay val="0"/></c:title>`;
  }
  const overlap = shape.grouping === "clustered" ? "" : `<c:overlap val="100"/>`;
  const axis = (tag: string, id: number, pos: string, cross: number, extra: string, tail: string) =>
    `<c:${tag}><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${pos}"/>${extra}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/>` +
    `${tail}</c:${tag}>`;
  return (
    `${XML_DECL}<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `<c:date1904 val="${m.owner.doc.date1904 ? 1 : 0}"/><c:roundedCorners val="0"/><c:chart>${title}` +
    `<c:autoTitleDeleted val="${m.title.visible ? 0 : 1}"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${shape.dir}"/><c:grouping val="${shape.grouping}"/><c:varyColors val="0"/>` +
    m.series.map(seriesXml).join("") +
    `<c:gapWidth val="150"/>${overlap}<c:axId val="500000001"/><c:axId val="500000002"/></c:barChart>` +
    axis(
      "catAx",
      500000001,
      catPos,
      500000002,
      "",
      `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/>`
    ) +
    axis("valAx", 500000002, valPos, 500000001, "<c:majorGridlines/>", `<c:crossBetween val="between"/>`) +
    `</c:plotArea>${m.series.length > 1 ? `<c:legend><c:legendPos val="r"/><c:overlay val="0"/></c:legend>` : ""}` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(m: ChartModel, shapeId: number, relId: string): string {
  const from = anchorAt(m.owner, m.left, m.top);
  const to = anchorAt(m.owner, m.left + m.width, m.top + m.height);
  const cell = (tag: string, a: typeof from) =>
    `<xdr:${tag}><xdr:col>${a.col}</xdr:col><xdr:colOff>${a.colOff}</xdr:colOff>` +
    `<xdr:row>${a.row}</xdr:row><xdr:rowOff>${a.rowOff}</xdr:rowOff></xdr:${tag}>`;
  const emu = (p: number) => Math.round(p * EMU_PER_POINT);
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${cell("from", from)}${cell("to", to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escAttr(m.name)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="${emu(m.left)}" y="${emu(m.top)}"/><a:ext cx="${emu(m.width)}" cy="${emu(m.height)}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${escAttr(relId)}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

const ANCHOR = /<(\w+:)?(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/\1?\2>/g;

/** Drops the anchors of claimed charts from a drawing part, with their chart parts; returns the drawing's rels left. */
function dropClaimed(parts: Parts, drawing: string, claimed: ReadonlySet<string>): Rel[] {
  const rels = readRels(parts, drawing);
  const bytes = parts.get(drawing);
  if (!bytes || claimed.size === 0) return rels;
  const gone = new Set<string>();
  const xml = strFromU8(bytes).replace(ANCHOR, (anchor) => {
    const chart = /<(?:\w+:)?chart\b[^>]*>/.exec(anchor);
    const id = chart ? (getAttr(chart[0], "r:id") ?? /\s\w+:id="([^"]*)"/.exec(chart[0])?.[1]) : undefined;
    const rel = id === undefined ? undefined : rels.find((r) => r.id === id);
    if (!rel || !claimed.has(resolveTarget(drawing, rel.target))) return anchor;
    gone.add(rel.id);
    return "";
  });
  if (gone.size === 0) return rels;
  parts.set(drawing, strToU8(xml));
  for (const r of rels) if (gone.has(r.id)) removePart(parts, resolveTarget(drawing, r.target));
  const left = rels.filter((r) => !gone.has(r.id));
  writeRels(parts, drawing, left);
  return left;
}

/**
 * Writes a sheet's charts and conditional formats into the package: `sheetPart` is the worksheet's part name
 * ("xl/worksheets/sheet1.xml"). Parts are replaced with `set` and removed with `delete`, never changed in place.
 */
export function addSheetObjects(parts: Parts, sheetPart: string, objects: SheetObjects): void {
  const sheetBytes = parts.get(sheetPart);
  if (!sheetBytes) throw new Error(`no worksheet part ${sheetPart}`);
  const charts = objects.charts.filter((c) => !c.deleted);
  const sheetRels = readRels(parts, sheetPart);
  const drawingRel = sheetRels.find((r) => r.type === REL_DRAWING && !r.external);
  let drawing = drawingRel ? resolveTarget(sheetPart, drawingRel.target) : null;
  let drawingRels = drawing ? dropClaimed(parts, drawing, objects.claimedParts) : [];
  let newDrawingRel: string | null = null;

  if (charts.length > 0) {
    let xml: string;
    if (drawing && parts.has(drawing)) xml = strFromU8(parts.get(drawing) as Uint8Array);
    else {
      // A new drawing part (under the sheet's drawing relationship id if it had one whose part is missing).
      drawing = freePart(parts, "xl/drawings", "drawing");
      drawingRels = [];
      xml = `${XML_DECL}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
      setContentType(parts, drawing, CT_DRAWING);
      newDrawingRel = drawingRel?.id ?? freeRelId(sheetRels);
      writeRels(parts, sheetPart, [
        ...sheetRels.filter((r) => r !== drawingRel),
        { id: newDrawingRel, type: REL_DRAWING, target: relativeTarget(sheetPart, drawing), external: false },
      ]);
    }
    let shapeId = 1;
    for (const m of xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*>/g))
      shapeId = Math.max(shapeId, Number(getAttr(m[0], "id") ?? 0));
    const anchors: string[] = [];
    for (const chart of charts) {
      const part = freePart(parts, "xl/charts", "chart");
      parts.set(part, strToU8(chartXml(chart)));
      setContentType(parts, part, CT_CHART);
      const relId = freeRelId(drawingRels);
      drawingRels.push({ id: relId, type: REL_CHART, target: relativeTarget(drawing, part), external: false });
      anchors.push(anchorXml(chart, ++shapeId, relId));
    }
    const close = /<\/(?:\w+:)?wsDr>\s*$/.exec(xml);
    if (!close) throw new Error(`drawing part ${drawing} is not a wsDr`);
    parts.set(drawing, strToU8(xml.slice(0, close.index) + anchors.join("") + xml.slice(close.index)));
    writeRels(parts, drawing, drawingRels);
  }

  const formats = objects.formats.filter((f) => !f.deleted && f.ranges.length > 0);
  const sheetXml = strFromU8(sheetBytes);
  const hasModelRules = /<(?:\w+:)?cfRule\b[^>]*\stype="(?:dataBar|colorScale)"/.test(sheetXml);
  if (formats.length === 0 && !hasModelRules && newDrawingRel === null) return;
  parts.set(sheetPart, strToU8(rewriteSheet(sheetXml, formats, newDrawingRel)));
}

/**
 * What addSheetObjects would write for these objects now: the chart parts (cached values included, so a change to a
 * series' cells shows), their names and places, the formats' XML and the claimed parts. A writer that keeps the
 * file's own parts compares this with the fingerprint taken when the file was opened to know whether to call it.
 */
export function objectsFingerprint(objects: SheetObjects): string {
  return JSON.stringify({
    charts: objects.charts
      .filter((c) => !c.deleted)
      .map((c) => [c.name, c.left, c.top, c.width, c.height, chartXml(c)]),
    formats: objects.formats.filter((f) => !f.deleted && f.ranges.length > 0).map((f, i) => formattingXml(f, i + 1)),
    claimed: [...objects.claimedParts],
  });
}

// ---- the exceljs save paths ----------------------------------------------------------------------------

/** Worksheet part by sheet name, from workbook.xml and its relationships. */
function sheetParts(parts: Parts): Map<string, string> {
  const out = new Map<string, string>();
  const wb = parts.get("xl/workbook.xml");
  if (!wb) return out;
  const rels = readRels(parts, "xl/workbook.xml");
  for (const m of strFromU8(wb).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = getAttr(m[0], "name");
    const id = /\s[\w]+:id\s*=\s*"([^"]*)"/.exec(m[0])?.[1];
    const rel = rels.find((r) => r.id === id);
    if (name !== undefined && rel) out.set(name, resolveTarget("xl/workbook.xml", rel.target));
  }
  return out;
}

/** Whether any sheet has charts or conditional formats to write (or claimed chart parts to drop). */
export function hasSheetObjects(doc: HostDoc): boolean {
  return doc.sheets.some((s) => !s.objects.isEmpty());
}

/**
 * Adds the sheets' charts and conditional formats to an .xlsx written by exceljs (which writes neither). Only the
 * parts that change are rewritten (stored); every other entry keeps its compressed bytes, so a large sheet is
 * neither inflated nor compressed again.
 */
export function addObjectsToXlsx(bytes: Uint8Array, doc: HostDoc): Uint8Array {
  const withObjects = doc.sheets.filter((s) => !s.objects.isEmpty());
  if (withObjects.length === 0) return bytes;
  const entries = listZip(bytes);
  if (!entries) throw new Error("not a zip archive");
  const small = unzipSync(bytes, { filter: (f) => !/^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  const parts: Parts = new Map(Object.entries(small));
  const byName = sheetParts(parts);
  const wanted = new Set<string>();
  for (const s of withObjects) {
    const part = byName.get(s.name);
    if (part) wanted.add(part);
  }
  const sheets = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  for (const [k, v] of Object.entries(sheets)) parts.set(k, v);
  const original = new Map(parts);
  for (const s of withObjects) {
    const part = byName.get(s.name);
    if (part) addSheetObjects(parts, part, s.objects);
  }
  const replace = new Map<string, Uint8Array>();
  for (const [name, data] of parts) if (original.get(name) !== data) replace.set(name, data);
  const kept: ZipEntry[] = entries.filter((e) => !original.has(e.name) || parts.has(e.name));
  const known = new Set(entries.map((e) => e.name));
  for (const name of replace.keys())
    if (!known.has(name))
      kept.push({ name, method: 0, compressedSize: 0, localHeaderOffset: 0, crc32: 0, uncompressedSize: 0 });
  return replaceZipEntries(bytes, kept, replace);
}

// ---- reading back ---------------------------------------------------------------------------------------

const FROM_CFVO: Record<string, BoundType> = {
  min: "LowestValue",
  max: "HighestValue",
  num: "Number",
  percent: "Percent",
  percentile: "Percentile",
  formula: "Formula",
};

interface XRule {
  type: string;
  priority?: number;
  cfvo?: { type: string; value?: number }[];
  color?: { argb?: string } | { argb?: string }[];
}
interface XFormatting {
  ref: string;
  rules: XRule[];
}

function hexOf(c: { argb?: string } | undefined, fallback: string): string {
  const a = c?.argb;
  return a && /^[0-9A-F]{8}$/i.test(a) ? `#${a.slice(2).toUpperCase()}` : fallback;
}

function boundOf(v: { type: string; value?: number } | undefined, fallback: BoundType): Bound {
  const type = (v && FROM_CFVO[v.type]) ?? fallback;
  const value = v?.value;
  if (type === "LowestValue" || type === "HighestValue") return { type, formula: null };
  if (typeof value === "number" && Number.isFinite(value)) return { type, formula: String(value) };
  return { type: fallback, formula: null };
}

function ruleOf(x: XRule): FormatRule | null {
  const cfvo = x.cfvo ?? [];
  if (x.type === "dataBar") {
    return {
      kind: "DataBar",
      lower: boundOf(cfvo[0], "LowestValue"),
      upper: boundOf(cfvo[1], "HighestValue"),
      fillColor: hexOf(Array.isArray(x.color) ? x.color[0] : x.color, "#638EC6"),
      showDataBarOnly: false,
    };
  }
  if (x.type === "colorScale" && (cfvo.length === 2 || cfvo.length === 3)) {
    const colors = Array.isArray(x.color) ? x.color : [];
    const point = (i: number, fallback: BoundType): ColorPoint => ({
      ...boundOf(cfvo[i], fallback),
      color: hexOf(colors[i], "#FFFFFF"),
    });
    const three = cfvo.length === 3;
    return {
      kind: "ColorScale",
      minimum: point(0, "LowestValue"),
      midpoint: three ? point(1, "Percentile") : null,
      maximum: point(three ? 2 : 1, "HighestValue"),
    };
  }
  return null;
}

/** Takes the data-bar and colour-scale rules exceljs read into the model (exceljs no longer writes them). */
function takeFormats(sheet: SheetState): void {
  const ws = sheet.ws as unknown as { conditionalFormattings?: XFormatting[] };
  const list = ws.conditionalFormattings;
  if (!Array.isArray(list)) return;
  const taken: { priority: number; model: FormatModel }[] = [];
  for (const cf of list) {
    const ranges = String(cf.ref ?? "")
      .split(/\s+/)
      .map((a) => parseAddress(a)?.rect)
      .filter((r): r is Rect => r !== undefined);
    cf.rules = (cf.rules ?? []).filter((x) => {
      if (x.type !== "dataBar" && x.type !== "colorScale") return true;
      const rule = ruleOf(x);
      if (rule && ranges.length > 0)
        taken.push({
          priority: x.priority ?? Number.MAX_SAFE_INTEGER,
          model: { id: newObjectId(3), owner: sheet, ranges, rule, deleted: false },
        });
      return false;
    });
  }
  ws.conditionalFormattings = list.filter((cf) => cf.rules.length > 0);
  taken.sort((a, b) => a.priority - b.priority);
  sheet.objects.formats.push(...taken.map((t) => t.model));
}

/** A c:f reference to cells of an open sheet, or null. */
function refOf(doc: HostDoc, f: string | undefined): CellRef | null {
  if (!f) return null;
  const parsed = parseAddress(f.trim());
  if (!parsed || parsed.sheet === undefined) return null;
  const sheet = doc.findSheet(parsed.sheet);
  return sheet ? { sheet, rect: parsed.rect } : null;
}

const KIND_OF: Record<string, ChartKind> = {
  "col/clustered": "ColumnClustered",
  "col/standard": "ColumnClustered",
  "col/stacked": "ColumnStacked",
  "col/percentStacked": "ColumnStacked100",
  "bar/clustered": "BarClustered",
  "bar/standard": "BarClustered",
  "bar/stacked": "BarStacked",
  "bar/percentStacked": "BarStacked100",
};

/** A chart part the model can hold (one c:barChart of cell-referencing series), or null. */
function chartOf(
  doc: HostDoc,
  owner: SheetState,
  xml: string
): Omit<ChartModel, "name" | "top" | "left" | "width" | "height"> | null {
  const space = child(parseXml(xml), "chartSpace");
  const chart = child(space, "chart");
  const plot = child(chart, "plotArea");
  if (!plot) return null;
  const types = plot.children.filter((c) => /Chart$/.test(c.name));
  if (types.length !== 1 || types[0].name !== "barChart") return null;
  const bar = types[0];
  const kind =
    KIND_OF[
      `${localAttr(child(bar, "barDir"), "val") ?? "col"}/${localAttr(child(bar, "grouping"), "val") ?? "clustered"}`
    ];
  if (!kind) return null;
  const series: SeriesModel[] = [];
  for (const ser of children(bar, "ser")) {
    const values = refOf(doc, child(child(child(ser, "val"), "numRef"), "f")?.text);
    if (!values) return null;
    const tx = child(ser, "tx");
    const txRef = child(tx, "strRef");
    let name: SeriesModel["name"] = null;
    if (txRef) {
      const ref = refOf(doc, child(txRef, "f")?.text);
      if (!ref) return null;
      name = { ref };
    } else if (child(tx, "v")) name = { text: (child(tx, "v") as XNode).text };
    const cat = child(ser, "cat");
    const catRef = child(cat, "strRef") ?? child(cat, "numRef");
    const categories = catRef ? refOf(doc, child(catRef, "f")?.text) : null;
    if (catRef && !categories) return null;
    series.push({ name, categories, values });
  }
  const titleNode = child(chart, "title");
  const rich = child(child(titleNode, "tx"), "rich");
  const deleted = localAttr(child(chart, "autoTitleDeleted"), "val");
  const title = titleNode
    ? { text: rich ? children(rich, "p").map(allText).join("\n") : null, visible: true }
    : { text: null, visible: !(deleted === "1" || deleted === "true") };
  return { id: newObjectId(2), owner, kind, series, title, deleted: false };
}

function anchorPoint(owner: SheetState, n: XNode | undefined): { left: number; top: number } | null {
  if (!n) return null;
  const num = (name: string) => Number(child(n, name)?.text ?? 0);
  return pointOf(owner, { col: num("col"), colOff: num("colOff"), row: num("row"), rowOff: num("rowOff") });
}

/** Reads the charts of one sheet's drawing into its model, claiming their parts. */
function takeCharts(doc: HostDoc, parts: Parts, sheet: SheetState, sheetPart: string): void {
  const rel = readRels(parts, sheetPart).find((r) => r.type === REL_DRAWING && !r.external);
  if (!rel) return;
  const drawing = resolveTarget(sheetPart, rel.target);
  const bytes = parts.get(drawing);
  if (!bytes) return;
  const rels = readRels(parts, drawing);
  const root = child(parseXml(strFromU8(bytes)), "wsDr");
  for (const anchor of root?.children ?? []) {
    const frame = child(anchor, "graphicFrame");
    const chartRef = child(child(child(frame, "graphic"), "graphicData"), "chart");
    const chartRel = rels.find((r) => r.id === localAttr(chartRef, "id"));
    if (!chartRel) continue;
    const part = resolveTarget(drawing, chartRel.target);
    const xml = parts.get(part);
    const model = xml ? chartOf(doc, sheet, strFromU8(xml)) : null;
    if (!model) continue;
    const name = localAttr(child(child(frame, "nvGraphicFramePr"), "cNvPr"), "name") ?? "";
    let from: { left: number; top: number } | null;
    let size: { width: number; height: number } | null = null;
    const ext = child(anchor, "ext");
    if (anchor.name === "absoluteAnchor") {
      const pos = child(anchor, "pos");
      from = {
        left: Number(localAttr(pos, "x") ?? 0) / EMU_PER_POINT,
        top: Number(localAttr(pos, "y") ?? 0) / EMU_PER_POINT,
      };
    } else from = anchorPoint(sheet, child(anchor, "from"));
    if (anchor.name === "twoCellAnchor") {
      const to = anchorPoint(sheet, child(anchor, "to"));
      if (from && to) size = { width: to.left - from.left, height: to.top - from.top };
    } else if (ext)
      size = {
        width: Number(localAttr(ext, "cx") ?? 0) / EMU_PER_POINT,
        height: Number(localAttr(ext, "cy") ?? 0) / EMU_PER_POINT,
      };
    if (!from || !size || size.width <= 0 || size.height <= 0) continue;
    sheet.objects.charts.push({ ...model, name, left: from.left, top: from.top, ...size });
    sheet.objects.claimedParts.add(part);
  }
}

/**
 * Fills the sheets' object models of a workbook just opened from `bytes`: the charts the model can hold (their
 * parts are claimed) and the conditional formats exceljs read. Call after the sheets are registered.
 */
export function loadSheetObjects(bytes: Uint8Array, doc: HostDoc): void {
  for (const s of doc.sheets) takeFormats(s);
  const wanted = (name: string) =>
    name === "xl/workbook.xml" ||
    /^xl\/(_rels\/workbook\.xml\.rels|worksheets\/_rels\/[^/]+\.rels|drawings\/[^/]+\.xml|drawings\/_rels\/[^/]+\.rels|charts\/[^/]+\.xml)$/.test(
      name
    );
  const list = listZip(bytes);
  if (!list || !list.some((e) => /^xl\/drawings\//.test(e.name))) return;
  const parts: Parts = new Map(Object.entries(unzipSync(bytes, { filter: (f) => wanted(f.name) })));
  for (const [name, part] of sheetParts(parts)) {
    const sheet = doc.findSheet(name);
    if (sheet && sheet.name === name) takeCharts(doc, parts, sheet, part);
  }
}
