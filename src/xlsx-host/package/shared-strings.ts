/**
 * The shared string table (xl/sharedStrings.xml, ECMA-376 Part 1 §18.4) for the strings the writer writes.
 * Existing items are never changed or renumbered (untouched cells keep pointing at the right text); a string
 * already in the table as plain text is reused, any other is appended. Shared strings rather than inline
 * strings: Excel writes them, and exceljs's streaming reader (xlsx-stream.ts) reads them, so a large saved
 * workbook can be opened again the fast way.
 */
import { escText, escXstring, getAttr, prefixOf, unescXml, unescXstring } from "./xml";
import { fontChildren } from "./styles";

export const SST_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
export const SST_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

/** A run of rich text as exceljs holds it. */
export interface RichRun {
  text: string;
  font?: Record<string, unknown>;
}

/** A <t> element for text (space kept when it matters). */
export function tElement(p: string, s: string): string {
  const x = escText(escXstring(s));
  const keep = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
  return `<${p}t${keep}>${x}</${p}t>`;
}

export class SharedStrings {
  private readonly p: string;
  private ids: Map<string, number> | null = null;
  private readonly originalItems: number;
  private readonly originalRefs: number;
  private readonly added: string[] = [];
  private refs = 0;

  /** `xml`: the original part, or null when the package has none. */
  constructor(private readonly xml: string | null) {
    this.p = xml ? prefixOf(xml, "sst") : "";
    if (xml) {
      const head = /<([\w.-]+:)?sst\b[^>]*>/.exec(xml)?.[0] ?? "";
      let n = 0;
      const re = new RegExp(`<${this.p}si[\\s>/]`, "g");
      while (re.exec(xml)) n++;
      this.originalItems = n;
      this.originalRefs = Number(getAttr(head, "count") ?? n) || n;
    } else {
      this.originalItems = 0;
      this.originalRefs = 0;
    }
  }

  /** Plain-text items of the original table → their index (the first, when one repeats). */
  private index(): Map<string, number> {
    if (this.ids) return this.ids;
    const ids = new Map<string, number>();
    this.ids = ids;
    if (!this.xml) return ids;
    const p = this.p;
    const re = new RegExp(`<${p}si(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${p}si>)`, "g");
    const plain = new RegExp(`^<${p}t(?:\\s[^>]*)?(?:/>|>([^<]*)</${p}t>)$`);
    let i = 0;
    for (let m = re.exec(this.xml); m; m = re.exec(this.xml), i++) {
      const inner = m[1];
      if (inner === undefined) {
        if (!ids.has("")) ids.set("", i);
        continue;
      }
      const t = plain.exec(inner);
      if (!t) continue;
      const text = unescXstring(unescXml(t[1] ?? ""));
      if (!ids.has(text)) ids.set(text, i);
    }
    return ids;
  }

  /** Index of a plain string (reused or appended); counts one more reference. */
  indexOf(s: string): number {
    this.refs++;
    const ids = this.index();
    const known = ids.get(s);
    if (known !== undefined) return known;
    const id = this.originalItems + this.added.length;
    this.added.push(`<${this.p}si>${tElement(this.p, s)}</${this.p}si>`);
    ids.set(s, id);
    return id;
  }

  /** Index of a new rich-text item (runs with their fonts). */
  richIndexOf(runs: readonly RichRun[]): number {
    this.refs++;
    const p = this.p;
    const body = runs
      .map((r) => {
        const pr = r.font ? fontChildren(p, r.font, "rFont") : "";
        return `<${p}r>${pr ? `<${p}rPr>${pr}</${p}rPr>` : ""}${tElement(p, r.text)}</${p}r>`;
      })
      .join("");
    const id = this.originalItems + this.added.length;
    this.added.push(`<${p}si>${body}</${p}si>`);
    return id;
  }

  /** A cell that pointed at the table is gone (rewritten or deleted). */
  dropRef(): void {
    this.refs--;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The part with the appended items (`current`: the part as it is now, or null for a new part). */
  apply(current: string | null): string {
    const p = this.p;
    const items = this.originalItems + this.added.length;
    const count = Math.max(items, this.originalRefs + this.refs);
    if (current === null) {
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${items}">` +
        this.added.join("") +
        "</sst>"
      );
    }
    const head = new RegExp(`<${p}sst\\b[^>]*>`).exec(current);
    if (!head) throw new Error("sharedStrings.xml has no sst element");
    let tag = head[0];
    const selfClosing = tag.endsWith("/>");
    for (const [name, value] of [
      ["count", count],
      ["uniqueCount", items],
    ] as const) {
      const re = new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`);
      tag = re.test(tag)
        ? tag.replace(re, ` ${name}="${value}"`)
        : tag.replace(/\s*\/?>$/, (e) => ` ${name}="${value}"${e}`);
    }
    if (selfClosing) {
      tag = tag.replace(/\s*\/>$/, ">");
      return (
        current.slice(0, head.index) +
        tag +
        this.added.join("") +
        `</${p}sst>` +
        current.slice(head.index + head[0].length)
      );
    }
    const close = current.lastIndexOf(`</${p}sst>`);
    return (
      current.slice(0, head.index) +
      tag +
      current.slice(head.index + head[0].length, close) +
      this.added.join("") +
      current.slice(close)
    );
  }
}
