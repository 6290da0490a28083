/**
 * Cell formats (cellXfs) for the cells the writer writes, found in or appended to the original styles.xml.
 *
 * The host's cells hold exceljs style objects, and exceljs gives every cell of one cellXfs entry the same
 * object (its StylesXform.getStyleModel caches one model per index, and the model's font, fill and border are
 * the shared entries of <fonts>, <fills>, <borders>). So the writer learns "this object is xf k" from the
 * original cells it reads, and for a style object made during the run (a number format or bold set on a cell:
 * a copy with one part changed) it reuses the unchanged parts' ids and appends only what is new: a <numFmt>,
 * a <font>, a <fill>, a <border>, and the <xf> that combines them. Nothing already in styles.xml is changed
 * or renumbered, so every untouched cell's s="…" keeps its meaning.
 * Element and attribute names: ECMA-376 Part 1 §18.8 (Styles).
 */
import type { Style } from "../store";
import { escAttr, findAll, findElement, getAttr, prefixOf, setAttr } from "./xml";

/**
 * Built-in number formats by the code exceljs gives them (node_modules/exceljs/lib/xlsx/defaultnumformats.js);
 * "m/d/yyyy" and "m/d/yyyy h:mm" are what the API reports for 14 and 22 in en-US (number-format.ts).
 */
const BUILTIN_NUMFMT: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "# ?/?": 12,
  "# ??/??": 13,
  "mm-dd-yy": 14,
  "m/d/yyyy": 14,
  "d-mmm-yy": 15,
  "d-mmm": 16,
  "mmm-yy": 17,
  "h:mm AM/PM": 18,
  "h:mm:ss AM/PM": 19,
  "h:mm": 20,
  "h:mm:ss": 21,
  'm/d/yy "h":mm': 22,
  "m/d/yyyy h:mm": 22,
  "#,##0 ;(#,##0)": 37,
  "#,##0 ;[Red](#,##0)": 38,
  "#,##0.00 ;(#,##0.00)": 39,
  "#,##0.00 ;[Red](#,##0.00)": 40,
  "mm:ss": 45,
  "[h]:mm:ss": 46,
  "mmss.0": 47,
  "##0.0E+0": 48,
  "@": 49,
};

/** First id for custom number formats (ids below are reserved for built-in ones). */
const FIRST_CUSTOM_NUMFMT = 164;

/** styles.xml for a package made from nothing (a workbook opened from CSV, or new). */
export const BLANK_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  "</styleSheet>";

interface XColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
  auto?: boolean;
}

function colorXml(p: string, tag: string, c: XColor | undefined): string {
  if (!c) return "";
  let a = "";
  if (c.auto) a += ' auto="1"';
  if (c.argb !== undefined) a += ` rgb="${escAttr(String(c.argb))}"`;
  if (c.theme !== undefined) a += ` theme="${c.theme}"`;
  if (c.indexed !== undefined) a += ` indexed="${c.indexed}"`;
  if (c.tint !== undefined && c.tint !== 0) a += ` tint="${c.tint}"`;
  return a ? `<${p}${tag}${a}/>` : "";
}

interface XFont {
  name?: string;
  size?: number;
  family?: number;
  scheme?: string;
  charset?: number;
  color?: XColor;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean | string;
  strike?: boolean;
  outline?: boolean;
  vertAlign?: string;
}

/** A font's properties as XML children in Excel's order; `nameTag` is "name" in <font>, "rFont" in a run. */
export function fontChildren(p: string, f: XFont, nameTag = "name"): string {
  let x = "";
  if (f.bold) x += `<${p}b/>`;
  if (f.italic) x += `<${p}i/>`;
  if (f.strike) x += `<${p}strike/>`;
  if (f.outline) x += `<${p}outline/>`;
  if (f.underline) {
    const u = f.underline === true || f.underline === "single" ? "" : ` val="${escAttr(String(f.underline))}"`;
    x += `<${p}u${u}/>`;
  }
  if (f.vertAlign) x += `<${p}vertAlign val="${escAttr(f.vertAlign)}"/>`;
  if (f.size !== undefined) x += `<${p}sz val="${f.size}"/>`;
  x += colorXml(p, "color", f.color);
  if (f.name !== undefined) x += `<${p}${nameTag} val="${escAttr(f.name)}"/>`;
  if (f.family !== undefined) x += `<${p}family val="${f.family}"/>`;
  if (f.charset !== undefined) x += `<${p}charset val="${f.charset}"/>`;
  if (f.scheme !== undefined) x += `<${p}scheme val="${escAttr(f.scheme)}"/>`;
  return x;
}

interface XFill {
  type?: string;
  pattern?: string;
  fgColor?: XColor;
  bgColor?: XColor;
  gradient?: string;
  degree?: number;
  center?: { left?: number; right?: number; top?: number; bottom?: number };
  stops?: { position: number; color: XColor }[];
}

function fillXml(p: string, f: XFill): string {
  if (f.type === "gradient") {
    let a = "";
    if (f.gradient === "path") {
      a += ' type="path"';
      for (const k of ["left", "right", "top", "bottom"] as const)
        if (f.center?.[k] !== undefined) a += ` ${k}="${f.center[k]}"`;
    } else if (f.degree !== undefined) a += ` degree="${f.degree}"`;
    const stops = (f.stops ?? [])
      .map((s) => `<${p}stop position="${s.position}">${colorXml(p, "color", s.color)}</${p}stop>`)
      .join("");
    return `<${p}fill><${p}gradientFill${a}>${stops}</${p}gradientFill></${p}fill>`;
  }
  const colors = colorXml(p, "fgColor", f.fgColor) + colorXml(p, "bgColor", f.bgColor);
  const type = ` patternType="${escAttr(f.pattern ?? "none")}"`;
  return `<${p}fill><${p}patternFill${type}${colors ? `>${colors}</${p}patternFill>` : "/>"}</${p}fill>`;
}

interface XBorderSide {
  style?: string;
  color?: XColor;
}
interface XBorder {
  left?: XBorderSide;
  right?: XBorderSide;
  top?: XBorderSide;
  bottom?: XBorderSide;
  diagonal?: XBorderSide & { up?: boolean; down?: boolean };
}

function borderXml(p: string, b: XBorder): string {
  let a = "";
  if (b.diagonal?.up) a += ' diagonalUp="1"';
  if (b.diagonal?.down) a += ' diagonalDown="1"';
  const side = (tag: string, s: XBorderSide | undefined) => {
    if (!s || !s.style) return `<${p}${tag}/>`;
    const c = colorXml(p, "color", s.color);
    return `<${p}${tag} style="${escAttr(s.style)}"${c ? `>${c}</${p}${tag}>` : "/>"}`;
  };
  return (
    `<${p}border${a}>` +
    side("left", b.left) +
    side("right", b.right) +
    side("top", b.top) +
    side("bottom", b.bottom) +
    side("diagonal", b.diagonal) +
    `</${p}border>`
  );
}

interface XAlignment {
  horizontal?: string;
  vertical?: string;
  wrapText?: boolean;
  shrinkToFit?: boolean;
  indent?: number;
  readingOrder?: string;
  textRotation?: number | string;
}

function alignmentXml(p: string, al: XAlignment | undefined): string {
  if (!al) return "";
  let a = "";
  if (al.horizontal) a += ` horizontal="${escAttr(al.horizontal)}"`;
  if (al.vertical) a += ` vertical="${escAttr(al.vertical)}"`;
  if (al.textRotation !== undefined)
    a += ` textRotation="${al.textRotation === "vertical" ? 255 : Number(al.textRotation)}"`;
  if (al.wrapText) a += ' wrapText="1"';
  if (al.indent) a += ` indent="${al.indent}"`;
  if (al.shrinkToFit) a += ' shrinkToFit="1"';
  if (al.readingOrder) a += ` readingOrder="${al.readingOrder === "rtl" ? 2 : al.readingOrder === "ltr" ? 1 : 0}"`;
  return a ? `<${p}alignment${a}/>` : "";
}

function protectionXml(p: string, pr: { locked?: boolean; hidden?: boolean } | undefined): string {
  if (!pr) return "";
  let a = "";
  if (pr.locked !== undefined) a += ` locked="${pr.locked ? 1 : 0}"`;
  if (pr.hidden !== undefined) a += ` hidden="${pr.hidden ? 1 : 0}"`;
  return a ? `<${p}protection${a}/>` : "";
}

/** Whitespace between tags does not count when comparing elements. */
function norm(xml: string): string {
  return xml.replace(/>\s+</g, "><").trim();
}

interface Group {
  /** Name of the list element ("fonts") and of its items ("font"). */
  list: string;
  item: string;
  /** Items in the original file. */
  count: number;
  /** Normalised XML of every item (original and new) → its id. */
  ids: Map<string, number>;
  /** Items appended by this writer. */
  added: string[];
}

interface XfIds {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  quotePrefix: boolean;
}

export class StyleTable {
  private readonly p: string;
  private readonly fonts: Group;
  private readonly fills: Group;
  private readonly borders: Group;
  private readonly xfs: Group;
  private readonly xfIds: XfIds[] = [];
  /** The original cellXfs entries as written. */
  private readonly xfXml: string[] = [];
  /** The first learned entry with a given font, fill and border: a new format derived from it starts from it. */
  private readonly baseByParts = new Map<string, number>();
  private readonly numFmtByCode = new Map<string, number>();
  private readonly addedNumFmts: { id: number; code: string }[] = [];
  private nextNumFmt = FIRST_CUSTOM_NUMFMT;
  /** What the default font (font 0) sets, for fonts made from a partial model ({bold: true}). */
  private readonly defaultFont: XFont = {};
  private readonly known = new Map<object, number>();
  private readonly knownQuoted = new Map<object, number>();
  private readonly fontIds = new Map<object, number>();
  private readonly fillIds = new Map<object, number>();
  private readonly borderIds = new Map<object, number>();

  constructor(xml: string) {
    this.p = prefixOf(xml, "styleSheet");
    const p = this.p;
    const numFmts = findElement(xml, p, "numFmts");
    if (numFmts)
      for (const f of findAll(xml, p, "numFmt", numFmts.innerStart, numFmts.innerEnd)) {
        const id = Number(getAttr(f.tag, "numFmtId"));
        const code = getAttr(f.tag, "formatCode");
        if (code !== undefined && Number.isInteger(id)) {
          if (!this.numFmtByCode.has(code)) this.numFmtByCode.set(code, id);
          this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
        }
      }
    this.fonts = this.group(xml, "fonts", "font");
    this.fills = this.group(xml, "fills", "fill");
    this.borders = this.group(xml, "borders", "border");
    this.xfs = this.group(xml, "cellXfs", "xf", (item, whole) => {
      this.xfXml.push(whole);
      this.xfIds.push({
        numFmtId: Number(getAttr(item, "numFmtId") ?? 0),
        fontId: Number(getAttr(item, "fontId") ?? 0),
        fillId: Number(getAttr(item, "fillId") ?? 0),
        borderId: Number(getAttr(item, "borderId") ?? 0),
        quotePrefix: /^(1|true)$/.test(getAttr(item, "quotePrefix") ?? ""),
      });
    });
    const fontsEl = findElement(xml, p, "fonts");
    const font0 = fontsEl ? findElement(xml, p, "font", fontsEl.innerStart) : null;
    if (font0 && font0.start < fontsEl!.innerEnd) {
      const inner = xml.slice(font0.innerStart, font0.innerEnd);
      const val = (tag: string) => {
        const m = new RegExp(`<${p}${tag}\\b[^>]*>`).exec(inner);
        return m ? getAttr(m[0], "val") : undefined;
      };
      const sz = val("sz");
      if (sz !== undefined) this.defaultFont.size = Number(sz);
      const name = val("name");
      if (name !== undefined) this.defaultFont.name = name;
      const family = val("family");
      if (family !== undefined) this.defaultFont.family = Number(family);
      const scheme = val("scheme");
      if (scheme !== undefined) this.defaultFont.scheme = scheme;
      const color = new RegExp(`<${p}color\\b[^>]*>`).exec(inner)?.[0];
      if (color) {
        const c: XColor = {};
        const rgb = getAttr(color, "rgb");
        const theme = getAttr(color, "theme");
        const indexed = getAttr(color, "indexed");
        const tint = getAttr(color, "tint");
        if (rgb !== undefined) c.argb = rgb;
        if (theme !== undefined) c.theme = Number(theme);
        if (indexed !== undefined) c.indexed = Number(indexed);
        if (tint !== undefined) c.tint = Number(tint);
        if (getAttr(color, "auto") === "1") c.auto = true;
        this.defaultFont.color = c;
      }
    }
  }

  private group(xml: string, list: string, item: string, each?: (tag: string, whole: string) => void): Group {
    const g: Group = { list, item, count: 0, ids: new Map(), added: [] };
    const el = findElement(xml, this.p, list);
    if (!el) return g;
    for (const f of findAll(xml, this.p, item, el.innerStart, el.innerEnd)) {
      const x = norm(xml.slice(f.start, f.end));
      if (!g.ids.has(x)) g.ids.set(x, g.count);
      each?.(f.tag, xml.slice(f.start, f.end));
      g.count++;
    }
    return g;
  }

  private idIn(g: Group, xml: string): number {
    const known = g.ids.get(xml);
    if (known !== undefined) return known;
    const id = g.count + g.added.length;
    g.added.push(xml);
    g.ids.set(xml, id);
    return id;
  }

  /** Learns that `style` (an exceljs style object of an original cell, row or column) is cellXfs entry `xf`. */
  learn(style: Style | undefined, xf: number): void {
    if (style === undefined || this.known.has(style)) return;
    const ids = this.xfIds[xf];
    if (!ids) return;
    this.known.set(style, xf);
    const parts = `${ids.fontId},${ids.fillId},${ids.borderId}`;
    if (!this.baseByParts.has(parts) && xf < this.xfXml.length) this.baseByParts.set(parts, xf);
    if (style.font && !this.fontIds.has(style.font)) this.fontIds.set(style.font, ids.fontId);
    if (style.fill && !this.fillIds.has(style.fill)) this.fillIds.set(style.fill, ids.fillId);
    if (style.border && !this.borderIds.has(style.border)) this.borderIds.set(style.border, ids.borderId);
  }

  /** Does cellXfs entry `xf` carry the quote prefix? */
  quoted(xf: number): boolean {
    return this.xfIds[xf]?.quotePrefix ?? false;
  }

  /** The number format id for a format code (a built-in one, one in the file, or a new one). */
  numFmtId(code: string | undefined): number {
    if (code === undefined || code === "" || code.toLowerCase() === "general") return 0;
    const builtin = BUILTIN_NUMFMT[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtByCode.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtByCode.set(code, id);
    this.addedNumFmts.push({ id, code });
    return id;
  }

  private fontId(font: object): number {
    const known = this.fontIds.get(font);
    if (known !== undefined) return known;
    const f = font as XFont;
    const d = this.defaultFont;
    // A partial font ({bold: true} on a cell without a font) is the default font with that change, as in Excel.
    const full: XFont =
      f.name === undefined && f.size === undefined
        ? { ...f, name: d.name, size: d.size, family: f.family ?? d.family, scheme: f.scheme ?? d.scheme }
        : f;
    if (full.color === undefined && f.name === undefined && d.color) full.color = d.color;
    const id = this.idIn(this.fonts, `<${this.p}font>${fontChildren(this.p, full)}</${this.p}font>`);
    this.fontIds.set(font, id);
    return id;
  }

  private fillId(fill: object): number {
    const known = this.fillIds.get(fill);
    if (known !== undefined) return known;
    const id = this.idIn(this.fills, fillXml(this.p, fill as XFill));
    this.fillIds.set(fill, id);
    return id;
  }

  private borderId(border: object): number {
    const known = this.borderIds.get(border);
    if (known !== undefined) return known;
    const id = this.idIn(this.borders, borderXml(this.p, border as XBorder));
    this.borderIds.set(border, id);
    return id;
  }

  /** The cellXfs index of a style object (0 for none), with the quote prefix when `quoted`. */
  index(style: Style | undefined, quoted = false): number {
    if (style === undefined && !quoted) return 0;
    const map = quoted ? this.knownQuoted : this.known;
    const key = style ?? map;
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const s = style ?? {};
    const p = this.p;
    const numFmtId = this.numFmtId(s.numFmt);
    const fontId = s.font ? this.fontId(s.font) : 0;
    const fillId = s.fill ? this.fillId(s.fill) : 0;
    const borderId = s.border ? this.borderId(s.border) : 0;
    const children = alignmentXml(p, s.alignment as XAlignment) + protectionXml(p, s.protection);
    const base = this.baseByParts.get(`${fontId},${fillId},${borderId}`);
    let tag: string;
    if (base !== undefined) {
      // Derived from an original format (a number format or the prefix changed): keep its other attributes
      // (its cell style xfId, pivotButton …).
      tag = (/^<[^>]*>/.exec(this.xfXml[base]) as RegExpExecArray)[0].replace(/\s*\/?>$/, ">");
      const set: [string, string | undefined][] = [
        ["numFmtId", String(numFmtId)],
        ["fontId", String(fontId)],
        ["fillId", String(fillId)],
        ["borderId", String(borderId)],
        ["quotePrefix", quoted ? "1" : undefined],
        ["applyNumberFormat", numFmtId ? "1" : undefined],
        ["applyFont", fontId ? "1" : undefined],
        ["applyFill", fillId ? "1" : undefined],
        ["applyBorder", borderId ? "1" : undefined],
        ["applyAlignment", s.alignment ? "1" : undefined],
        ["applyProtection", s.protection ? "1" : undefined],
      ];
      for (const [name, value] of set) tag = setAttr(tag, name, value);
    } else {
      let a = ` numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
      if (quoted) a += ' quotePrefix="1"';
      if (numFmtId) a += ' applyNumberFormat="1"';
      if (fontId) a += ' applyFont="1"';
      if (fillId) a += ' applyFill="1"';
      if (borderId) a += ' applyBorder="1"';
      if (s.alignment) a += ' applyAlignment="1"';
      if (s.protection) a += ' applyProtection="1"';
      tag = `<${p}xf${a}>`;
    }
    const xf = children ? `${tag}${children}</${p}xf>` : tag.replace(/>$/, "/>");
    const before = this.xfs.added.length;
    const id = this.idIn(this.xfs, xf);
    if (this.xfs.added.length > before) this.xfIds.push({ numFmtId, fontId, fillId, borderId, quotePrefix: quoted });
    map.set(key, id);
    return id;
  }

  /** True when something was appended (styles.xml must be rewritten). */
  get changed(): boolean {
    return (
      this.addedNumFmts.length + this.fonts.added.length + this.fills.added.length + this.borders.added.length > 0 ||
      this.xfs.added.length > 0
    );
  }

  /** `xml` (the current styles.xml) with what was appended; other content unchanged. */
  apply(xml: string): string {
    if (!this.changed) return xml;
    const p = this.p;
    let out = xml;
    if (this.addedNumFmts.length > 0) {
      const items = this.addedNumFmts
        .map((n) => `<${p}numFmt numFmtId="${n.id}" formatCode="${escAttr(n.code)}"/>`)
        .join("");
      const el = findElement(out, p, "numFmts");
      if (el) out = this.appendTo(out, el, "numFmt", items, this.addedNumFmts.length);
      else {
        const root = new RegExp(`<${p}styleSheet\\b[^>]*>`).exec(out);
        if (!root) throw new Error("styles.xml has no styleSheet element");
        const at = root.index + root[0].length;
        out = `${out.slice(0, at)}<${p}numFmts count="${this.addedNumFmts.length}">${items}</${p}numFmts>${out.slice(at)}`;
      }
    }
    for (const g of [this.fonts, this.fills, this.borders, this.xfs]) {
      if (g.added.length === 0) continue;
      const el = findElement(out, p, g.list);
      if (!el) throw new Error(`styles.xml has no ${g.list} element`);
      const present = findAll(out, p, g.item, el.innerStart, el.innerEnd).length;
      if (present !== g.count) throw new Error(`styles.xml ${g.list} changed while saving`);
      out = this.appendTo(out, el, g.item, g.added.join(""), g.added.length);
    }
    return out;
  }

  private appendTo(
    xml: string,
    el: { start: number; end: number; tag: string; innerStart: number; innerEnd: number },
    item: string,
    items: string,
    n: number
  ): string {
    const p = this.p;
    const present = findAll(xml, p, item, el.innerStart, el.innerEnd).length;
    const name = el.tag.slice(1).split(/[\s/>]/)[0];
    let tag = el.tag;
    const selfClosing = tag.endsWith("/>");
    const countRe = /\scount\s*=\s*("[^"]*"|'[^']*')/;
    const count = ` count="${present + n}"`;
    tag = countRe.test(tag) ? tag.replace(countRe, count) : tag.replace(/\s*\/?>$/, (end) => count + end);
    if (selfClosing) tag = tag.replace(/\s*\/>$/, ">");
    const inner = selfClosing ? "" : xml.slice(el.innerStart, el.innerEnd);
    return `${xml.slice(0, el.start)}${tag}${inner}${items}</${name}>${xml.slice(el.end)}`;
  }
}
