/**
 * Relationship parts (Open Packaging Conventions, ECMA-376 Part 2 §9) and [Content_Types].xml (§10.1):
 * reading them, adding and removing entries with text edits that leave the rest of the part as it was.
 */
import { escAttr, getAttr } from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TYPE = {
  officeDocument: `${REL_NS}/officeDocument`,
  worksheet: `${REL_NS}/worksheet`,
  styles: `${REL_NS}/styles`,
  sharedStrings: `${REL_NS}/sharedStrings`,
  calcChain: `${REL_NS}/calcChain`,
};

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  relationships: "application/vnd.openxmlformats-package.relationships+xml",
  coreProperties: "application/vnd.openxmlformats-package.core-properties+xml",
  extendedProperties: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
};

/** Does a relationship type end in `/<kind>` (transitional or strict namespace)? */
export function isRelType(type: string, kind: keyof typeof REL_TYPE): boolean {
  return type.endsWith(`/${REL_TYPE[kind].slice(REL_NS.length + 1)}`);
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The element as written. */
  xml: string;
}

export function parseRels(xml: string): Rel[] {
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const tag = m[0];
    out.push({
      id: getAttr(tag, "Id") ?? "",
      type: getAttr(tag, "Type") ?? "",
      target: getAttr(tag, "Target") ?? "",
      external: getAttr(tag, "TargetMode") === "External",
      xml: tag,
    });
  }
  return out;
}

/** The relationship part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationship target points at, from the part holding the relationship ("" for the package). */
export function resolveTarget(from: string, target: string): string {
  const t = target.split("#")[0];
  const base = t.startsWith("/") ? [] : from.split("/").slice(0, -1);
  for (const seg of t.replace(/^\//, "").split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(decodeURIComponent(seg));
  }
  return base.join("/");
}

/** A target for `to` written in a relationship of `from` (relative when it is below from's folder). */
export function targetFor(from: string, to: string): string {
  const dir = from.split("/").slice(0, -1).join("/");
  return dir && to.startsWith(`${dir}/`) ? to.slice(dir.length + 1) : `/${to}`;
}

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** A relationship part being edited as text. */
export class RelsEditor {
  xml: string;
  changed = false;

  constructor(xml: string | null) {
    this.xml = xml ?? EMPTY_RELS;
  }

  get rels(): Rel[] {
    return parseRels(this.xml);
  }

  /** Adds a relationship; returns its new id. */
  add(type: string, target: string): string {
    const taken = new Set(this.rels.map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const p = /<([\w.-]+:)?Relationships\b/.exec(this.xml)?.[1] ?? "";
    const el = `<${p}Relationship Id="${id}" Type="${escAttr(type)}" Target="${escAttr(target)}"/>`;
    if (/<([\w.-]+:)?Relationships\b[^>]*\/>/.test(this.xml))
      this.xml = this.xml.replace(/(<([\w.-]+:)?Relationships\b[^>]*?)\s*\/>/, `$1>${el}</${p}Relationships>`);
    else {
      const close = this.xml.lastIndexOf(`</${p}Relationships>`);
      this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
    }
    this.changed = true;
    return id;
  }

  remove(id: string): void {
    const r = this.rels.find((x) => x.id === id);
    if (!r) return;
    this.xml = this.xml.replace(r.xml, "");
    this.changed = true;
  }
}

/** [Content_Types].xml being edited as text. */
export class ContentTypes {
  changed = false;

  constructor(public xml: string) {}

  private overrides(): { part: string; type: string; xml: string }[] {
    return [...this.xml.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)].map((m) => ({
      part: (getAttr(m[0], "PartName") ?? "").replace(/^\//, ""),
      type: getAttr(m[0], "ContentType") ?? "",
      xml: m[0],
    }));
  }

  typeOf(part: string): string | undefined {
    const o = this.overrides().find((x) => x.part.toLowerCase() === part.toLowerCase());
    if (o) return o.type;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const m of this.xml.matchAll(/<(?:[\w.-]+:)?Default\b[^>]*>/g))
      if ((getAttr(m[0], "Extension") ?? "").toLowerCase() === ext) return getAttr(m[0], "ContentType");
    return undefined;
  }

  /** Gives `part` the content type `type` (an Override, unless the extension's Default already says so). */
  set(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.remove(part);
    const p = /<([\w.-]+:)?Types\b/.exec(this.xml)?.[1] ?? "";
    const close = this.xml.lastIndexOf(`</${p}Types>`);
    const el = `<${p}Override PartName="/${escAttr(part)}" ContentType="${escAttr(type)}"/>`;
    this.xml = this.xml.slice(0, close) + el + this.xml.slice(close);
    this.changed = true;
  }

  /** Removes the Override of `part`, if any. */
  remove(part: string): void {
    const o = this.overrides().find((x) => x.part.toLowerCase() === part.toLowerCase());
    if (!o) return;
    this.xml = this.xml.replace(o.xml, "");
    this.changed = true;
  }
}
