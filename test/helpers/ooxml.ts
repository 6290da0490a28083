/**
 * Looking inside a saved .xlsx package: its parts, a small element tree of one part, well-formedness (xmllint) and
 * the child order ECMA-376 gives the elements the host writes (a misplaced element makes Excel repair the file).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";

export function packageParts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) out.set(name, strFromU8(data));
  return out;
}

export interface El {
  /** Local name (prefix dropped). */
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

/** EG_AxShared and the crosses choice that every axis of CT_CatAx and CT_ValAx starts with. */
const AX_SHARED = [
  "axId",
  "scaling",
  "delete",
  "axPos",
  "majorGridlines",
  "minorGridlines",
  "title",
  "numFmt",
  "majorTickMark",
  "minorTickMark",
  "tickLblPos",
  "spPr",
  "txPr",
  "crossAx",
  "crosses",
  "crossesAt",
];

const TAG =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** A minimal element tree (enough for the host's own parts; entities in text are left as they are). */
export function parse(xml: string): El {
  const root: El = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  let last = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    stack[stack.length - 1].text += xml.slice(last, m.index);
    last = TAG.lastIndex;
    if (m[2] === undefined) continue;
    if (m[1] === "/") {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? "").matchAll(/([^\s=]+)\s*=\s*"([^"]*)"/g)) attrs[a[1]] = a[2];
    const el: El = { name: m[2].replace(/^.*:/, ""), attrs, children: [], text: "" };
    stack[stack.length - 1].children.push(el);
    if (m[4] !== "/") stack.push(el);
  }
  return root;
}

export function find(el: El, name: string): El[] {
  const out: El[] = [];
  const walk = (e: El) => {
    if (e.name === name) out.push(e);
    e.children.forEach(walk);
  };
  walk(el);
  return out;
}

export function first(el: El, ...names: string[]): El {
  let at = el;
  for (const n of names) {
    const next = find(at, n)[0];
    if (!next) throw new Error(`no <${n}> under <${at.name}>`);
    at = next;
  }
  return at;
}

/**
 * The child sequences of ECMA-376 Part 1 (sml.xsd, dml-chart.xsd, dml-spreadsheetDrawing.xsd; the chart ones as
 * listed in python-pptx's analysis pages, e.g. docs/dev/analysis/features/cht-chart.rst and cht-series.rst). A "*"
 * entry stands for any element whose name matches the pattern.
 */
export const SEQUENCES: Record<string, string[]> = {
  worksheet: [
    "sheetPr",
    "dimension",
    "sheetViews",
    "sheetFormatPr",
    "cols",
    "sheetData",
    "sheetCalcPr",
    "sheetProtection",
    "protectedRanges",
    "scenarios",
    "autoFilter",
    "sortState",
    "dataConsolidate",
    "customSheetViews",
    "mergeCells",
    "phoneticPr",
    "conditionalFormatting",
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
  ],
  conditionalFormatting: ["cfRule", "extLst"],
  cfRule: ["formula", "colorScale", "dataBar", "iconSet", "extLst"],
  dataBar: ["cfvo", "color", "extLst"],
  colorScale: ["cfvo", "color"],
  chartSpace: [
    "date1904",
    "lang",
    "roundedCorners",
    "AlternateContent",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ],
  chart: [
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ],
  plotArea: ["layout", "*Chart", "*Ax", "dTable", "spPr", "extLst"],
  barChart: ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"],
  ser: [
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ],
  catAx: [
    ...AX_SHARED,
    "auto",
    "lblAlgn",
    "lblOffset",
    "tickLblSkip",
    "tickMarkSkip",
    "noMultiLvlLbl",
    "extLst",
  ],
  valAx: [
    ...AX_SHARED,
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  legend: ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
  strRef: ["f", "strCache", "extLst"],
  numRef: ["f", "numCache", "extLst"],
  strCache: ["ptCount", "pt", "extLst"],
  numCache: ["formatCode", "ptCount", "pt", "extLst"],
  twoCellAnchor: ["from", "to", "sp|grpSp|graphicFrame|cxnSp|pic|contentPart", "clientData"],
  from: ["col", "colOff", "row", "rowOff"],
  to: ["col", "colOff", "row", "rowOff"],
  graphicFrame: ["nvGraphicFramePr", "xfrm", "graphic"],
};

function slot(sequence: string[], name: string): number {
  return sequence.findIndex((s) => (s.startsWith("*") ? name.endsWith(s.slice(1)) : s.split("|").includes(name)));
}

/** Elements (anywhere in the tree) whose children break their sequence: "parent: child after other". */
export function orderErrors(root: El): string[] {
  const errors: string[] = [];
  const walk = (e: El) => {
    const seq = SEQUENCES[e.name];
    if (seq) {
      let at = -1;
      for (const c of e.children) {
        const i = slot(seq, c.name);
        if (i < 0) errors.push(`${e.name}: unexpected <${c.name}>`);
        else if (i < at) errors.push(`${e.name}: <${c.name}> out of order`);
        else at = i;
      }
    }
    e.children.forEach(walk);
  };
  walk(root);
  return errors;
}

export function xmllintMissing(): boolean {
  return spawnSync("xmllint", ["--version"], { encoding: "utf8" }).error !== undefined;
}

/** Parts that are not well-formed XML, with xmllint's complaint. */
export function malformedParts(parts: Map<string, string>): string[] {
  if (xmllintMissing()) throw new Error("xmllint is not installed: apt-get install -y libxml2-utils");
  const dir = mkdtempSync(path.join(tmpdir(), "ooxml-"));
  const bad: string[] = [];
  let i = 0;
  for (const [name, text] of parts) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const file = path.join(dir, `${i++}.xml`);
    writeFileSync(file, text);
    const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
    if (r.status !== 0) bad.push(`${name}: ${r.stderr}`);
  }
  return bad;
}
