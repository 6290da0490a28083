/**
 * Nothing is lost in the files the CLI rewrites (issue 5, item 6): a customer workbook with a chart, a picture,
 * a pivot table and its cache, defined names, data validation, conditional formats, frozen panes, an autofilter,
 * merged cells, styles, a calculation chain and formulas (test/fixtures/preservation.ts) is segmented by the CLI;
 * every part the run did not change comes out identical (compared decompressed), the customer sheet keeps every
 * element outside its cells and every cell the add-in did not write (value, formula and style index, byte for
 * byte), the result opens in the host and in exceljs with the owned columns, and --undo gives back the file.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { runCli } from "../helpers/cli";
import { HostWorkbook } from "../../src/xlsx-host";
import { openXlsxStreaming } from "../../src/xlsx-host/xlsx-stream";
import { makeXlsx } from "./helpers";
import {
  CUSTOMER_SHEET,
  CUSTOMERS,
  FIRST_ROW,
  HEADERS,
  NOTES_SHEET,
  PIVOT_SHEET,
  PRESERVATION_AS_OF,
  TOTALS_ROW,
  preservationWorkbook,
} from "../fixtures/preservation";

type Files = Record<string, Uint8Array>;

const unzip = (bytes: Uint8Array): Files => unzipSync(bytes);
const text = (files: Files, name: string): string => strFromU8(files[name]);

/** Names of the parts whose content differs, and of those only one side has. */
function diff(a: Files, b: Files): { changed: string[]; added: string[]; removed: string[] } {
  const same = (x: Uint8Array, y: Uint8Array) => x.length === y.length && x.every((v, i) => v === y[i]);
  return {
    changed: Object.keys(b)
      .filter((k) => a[k] && !same(a[k], b[k]))
      .sort(),
    added: Object.keys(b)
      .filter((k) => !a[k])
      .sort(),
    removed: Object.keys(a)
      .filter((k) => !b[k])
      .sort(),
  };
}

/** Every start tag of an element (any prefix) in `xml`. */
const tags = (xml: string, name: string): string[] => xml.match(new RegExp(`<(?:\\w+:)?${name}\\b[^>]*>`, "g")) ?? [];
/** Every element `name` (without nesting) in `xml`. */
const elements = (xml: string, name: string): string[] =>
  xml.match(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g")) ?? [];
/** The child items of list element `list` in styles.xml (e.g. cellXfs → xf). */
function items(xml: string, list: string, item: string): string[] {
  const m = new RegExp(`<${list}\\b[^>]*>([\\s\\S]*?)</${list}>`).exec(xml);
  return m ? elements(m[1], item) : [];
}
/** The sheet's cells by reference, as written. */
function cells(sheetXml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of sheetXml.match(/<c r="[A-Z]+\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? [])
    out.set(/r="([A-Z]+\d+)"/.exec(c)![1], c);
  return out;
}
/** A worksheet part without its cells and dimension: what must not change when only cells are written. */
function outsideCells(sheetXml: string): string {
  return sheetXml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, "").replace(/<dimension ref="[^"]*"\/>/, "");
}

/** Runs xmllint --noout on every XML part; returns its complaints ("" when all are well-formed). */
function xmllint(files: Files): string {
  const dir = mkdtempSync(path.join(tmpdir(), "preservation-xml-"));
  const paths: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, data);
    paths.push(p);
  }
  try {
    execFileSync("xmllint", ["--noout", ...paths], { stdio: "pipe" });
    return "";
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e);
  }
}

const cli = (args: string[]) => runCli(args, PRESERVATION_AS_OF);

async function values(wb: HostWorkbook, sheet: string, address: string, prop: "values" | "formulas" = "values") {
  return wb.run(async (context) => {
    const r = context.workbook.worksheets.getItem(sheet).getRange(address).load(prop);
    await context.sync();
    return r[prop] as unknown[][];
  });
}

async function sheetNames(wb: HostWorkbook): Promise<[string, string][]> {
  return wb.run(async (context) => {
    const s = context.workbook.worksheets.load("items/name, items/visibility");
    await context.sync();
    return s.items.map((x) => [x.name, x.visibility] as [string, string]);
  });
}

/** Parts a segmentation run changes: the customer sheet, the sheet list and its relationships, strings, styles. */
const RUN_CHANGES = [
  "[Content_Types].xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/workbook.xml",
  "xl/worksheets/sheet1.xml",
];

describe.each([
  ["a line chart", false],
  ["a column chart the host reads into its chart model", true],
])("segment-sheet on a workbook with charts, a pivot table, a picture, names and formats (%s)", (_, barChart) => {
  const dir = mkdtempSync(path.join(tmpdir(), "preservation-"));
  const input = path.join(dir, "客户.xlsx");
  const output = path.join(dir, "客户.segmented.xlsx");
  const original = preservationWorkbook({ barChart });
  let before: Files;
  let after: Files;
  let summary: { written: { columns: Record<string, string>; sheets: string[] } };

  beforeAll(async () => {
    writeFileSync(input, original);
    const r = await cli([input, "-o", output, "--as-of", PRESERVATION_AS_OF, "--summary", "-", "--lang", "zh-CN"]);
    expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
    summary = JSON.parse(r.stdout);
    before = unzip(original);
    after = unzip(readFileSync(output));
  }, 60_000);

  it("starts from a fixture whose every part is well-formed XML, and writes well-formed XML", () => {
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        "xl/charts/chart1.xml",
        "xl/drawings/drawing1.xml",
        "xl/media/image1.png",
        "xl/pivotTables/pivotTable1.xml",
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/pivotCache/pivotCacheRecords1.xml",
        "xl/calcChain.xml",
      ])
    );
    expect(xmllint(before)).toBe("");
    expect(xmllint(after)).toBe("");
  });

  it("copies every part the run did not change as it was: charts, drawing, picture, pivot table and cache, other sheets", () => {
    const d = diff(before, after);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual(RUN_CHANGES);
    // What the run adds is new sheets (and the summary's chart), never a replacement of an original part.
    for (const name of d.added) expect(name).toMatch(/^xl\/(worksheets|charts|drawings)\//);
  });

  it("keeps the workbook's defined names, pivot caches, sheets and active tab, and every relationship and content type", () => {
    const wb0 = text(before, "xl/workbook.xml");
    const wb1 = text(after, "xl/workbook.xml");
    expect(elements(wb1, "definedNames")).toEqual(elements(wb0, "definedNames"));
    expect(elements(wb1, "pivotCaches")).toEqual(elements(wb0, "pivotCaches"));
    expect(tags(wb1, "workbookView")).toEqual(tags(wb0, "workbookView"));
    expect(tags(wb1, "sheet").slice(0, 3)).toEqual(tags(wb0, "sheet"));
    expect(tags(wb1, "sheet").map((t) => /name="([^"]*)"/.exec(t)![1])).toEqual(
      expect.arrayContaining([...summary.written.sheets])
    );
    const relsOf = (f: Files) => tags(text(f, "xl/_rels/workbook.xml.rels"), "Relationship");
    expect(relsOf(after)).toEqual(expect.arrayContaining(relsOf(before)));
    const typesOf = (f: Files) => [
      ...tags(text(f, "[Content_Types].xml"), "Default"),
      ...tags(text(f, "[Content_Types].xml"), "Override"),
    ];
    expect(typesOf(after)).toEqual(expect.arrayContaining(typesOf(before)));
  });

  it("only appends to styles.xml and the shared strings: every existing format and string keeps its index", () => {
    const s0 = text(before, "xl/styles.xml");
    const s1 = text(after, "xl/styles.xml");
    for (const [list, item] of [
      ["numFmts", "numFmt"],
      ["fonts", "font"],
      ["fills", "fill"],
      ["borders", "border"],
      ["cellXfs", "xf"],
    ]) {
      const was = items(s0, list, item);
      expect(items(s1, list, item).slice(0, was.length)).toEqual(was);
    }
    for (const list of ["cellStyleXfs", "cellStyles", "dxfs", "tableStyles"])
      expect(elements(s1, list)).toEqual(elements(s0, list));
    const si0 = elements(text(before, "xl/sharedStrings.xml"), "si");
    expect(elements(text(after, "xl/sharedStrings.xml"), "si").slice(0, si0.length)).toEqual(si0);
  });

  it("keeps everything of the customer sheet outside its cells: frozen pane, columns, merges, filter, formats, validation, drawing", () => {
    const x0 = text(before, "xl/worksheets/sheet1.xml");
    const x1 = text(after, "xl/worksheets/sheet1.xml");
    expect(outsideCells(x1)).toBe(outsideCells(x0));
    expect(x1).toContain('<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>');
  });

  it("keeps every cell the add-in did not write byte for byte (value, formula, style index), and writes the owned columns", () => {
    const c0 = cells(text(before, "xl/worksheets/sheet1.xml"));
    const c1 = cells(text(after, "xl/worksheets/sheet1.xml"));
    expect(c0.size).toBe(6 + 6 + CUSTOMERS.length * 6 + 3);
    for (const [ref, xml] of c0) expect([ref, c1.get(ref)]).toEqual([ref, xml]);
    // The shared formula group is intact: its master and every member as the file had them.
    expect(c1.get(`F${FIRST_ROW}`)).toContain(
      `<f t="shared" ref="F${FIRST_ROW}:F${FIRST_ROW + CUSTOMERS.length - 1}" si="0">`
    );
    expect(c1.get(`F${FIRST_ROW + 1}`)).toContain('<f t="shared" si="0"/>');
    // The run wrote beside the table: new cells only, right of column F.
    const added = [...c1.keys()].filter((ref) => !c0.has(ref));
    expect(added.length).toBeGreaterThan(CUSTOMERS.length);
    for (const ref of added) expect(/^[A-Z]+/.exec(ref)![0] > "F" || /^[A-Z]{2}/.test(ref)).toBe(true);
  });

  it("opens again in the host with the owned columns beside the untouched table", async () => {
    const wb = await HostWorkbook.fromXlsx(readFileSync(output));
    const header = (await values(wb, CUSTOMER_SHEET, "A2:AZ2"))[0];
    expect(header.slice(0, 6)).toEqual(HEADERS);
    for (const name of Object.values(summary.written.columns)) expect(header).toContain(name);
    const table = await values(wb, CUSTOMER_SHEET, `A${FIRST_ROW}:F${FIRST_ROW + CUSTOMERS.length - 1}`, "formulas");
    table.forEach((row, i) => {
      const [id, name, orders, revenue] = CUSTOMERS[i];
      expect(row.slice(0, 4)).toEqual([id, name, orders, revenue]);
      expect(row[5]).toBe(`=D${FIRST_ROW + i}/C${FIRST_ROW + i}`);
    });
    const code = header.indexOf(summary.written.columns.rfmCode);
    const codes = await wb.run(async (context) => {
      const r = context.workbook.worksheets
        .getItem(CUSTOMER_SHEET)
        .getRangeByIndexes(FIRST_ROW - 1, code, CUSTOMERS.length, 1)
        .load("values");
      await context.sync();
      return r.values.map((x) => x[0]);
    });
    for (const c of codes) expect(String(c)).toMatch(/^[01]{3}$/);
    expect(await values(wb, CUSTOMER_SHEET, `D${TOTALS_ROW}`, "formulas")).toEqual([
      [`=SUM(D${FIRST_ROW}:D${FIRST_ROW + CUSTOMERS.length - 1})`],
    ]);
    expect((await sheetNames(wb)).slice(0, 3)).toEqual([
      [CUSTOMER_SHEET, "Visible"],
      [PIVOT_SHEET, "Visible"],
      [NOTES_SHEET, "Visible"],
    ]);
  });

  it("opens in exceljs with the frozen pane, merge, validation, conditional formats, picture and names", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(output) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(CUSTOMER_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("B1").isMerged).toBe(true);
    expect(ws.getCell(`C${FIRST_ROW}`).dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((x) => x.ref).sort()).toEqual([
      `C${FIRST_ROW}:C${FIRST_ROW + 29}`,
      `D${FIRST_ROW}:D${FIRST_ROW + 29}`,
    ]);
    expect(ws.getImages()).toHaveLength(1);
    expect(ws.getCell(`E${FIRST_ROW}`).numFmt).toBe("yyyy-mm-dd"); // exceljs reads "yyyy\-mm\-dd" without the escapes
    expect(ws.getColumn(4).width).toBeCloseTo(16.7109375);
    const names = (wb.definedNames as unknown as { model: { name: string }[] }).model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(["客户数据", "本表合计", "来源"]));
    for (const name of Object.values(summary.written.columns)) expect(ws.getRow(2).values as unknown[]).toContain(name);
  });

  it("--undo on the saved file gives back the original parts and cells", async () => {
    const r = await cli([output, "--undo", "--lang", "en"]);
    expect(r.code).toBe(0);
    const undone = readFileSync(path.join(dir, "客户.segmented.undone.xlsx"));
    const files = unzip(undone);
    const d = diff(before, files);
    expect(d.removed).toEqual([]);
    expect(d.added).toEqual([]);
    // The customer sheet keeps the (now empty) cells the run had formatted; strings and formats stay appended.
    expect(d.changed).toEqual(["xl/sharedStrings.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"]);
    const c0 = cells(text(before, "xl/worksheets/sheet1.xml"));
    const c1 = cells(text(files, "xl/worksheets/sheet1.xml"));
    for (const [ref, xml] of c0) expect([ref, c1.get(ref)]).toEqual([ref, xml]);
    const wb = await HostWorkbook.fromXlsx(undone);
    expect(await sheetNames(wb)).toEqual([
      [CUSTOMER_SHEET, "Visible"],
      [PIVOT_SHEET, "Visible"],
      [NOTES_SHEET, "Visible"],
    ]);
    const used = await wb.run(async (context) => {
      const u = context.workbook.worksheets.getItem(CUSTOMER_SHEET).getUsedRange(true).load("address");
      await context.sync();
      return u.address;
    });
    expect(used).toBe(`${CUSTOMER_SHEET}!A1:F${TOTALS_ROW}`);
  });
});

describe("the package writer", () => {
  const fixture = () => HostWorkbook.fromXlsx(preservationWorkbook());

  it("saves an unchanged workbook with every part as it was", async () => {
    const wb = await fixture();
    await values(wb, CUSTOMER_SHEET, "A1:F40");
    const d = diff(unzip(preservationWorkbook()), unzip(await wb.toXlsx()));
    expect(d).toEqual({ changed: [], added: [], removed: [] });
  });

  it("deletes a sheet with the parts only it used, its local names, and the calculation chain that listed it", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(PIVOT_SHEET).delete();
      await context.sync();
    });
    const before = unzip(preservationWorkbook());
    const after = unzip(await wb.toXlsx());
    const d = diff(before, after);
    // The pivot table goes with its sheet; its cache stays, as the workbook still lists it.
    expect(d.removed).toEqual([
      "xl/pivotTables/_rels/pivotTable1.xml.rels",
      "xl/pivotTables/pivotTable1.xml",
      "xl/worksheets/_rels/sheet2.xml.rels",
      "xl/worksheets/sheet2.xml",
    ]);
    expect(d.changed).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/workbook.xml"]);
    expect(after["xl/pivotCache/pivotCacheDefinition1.xml"]).toBeDefined();
    const wbx = text(after, "xl/workbook.xml");
    // 说明 moved from index 2 to 1: its local name follows it.
    expect(wbx).toContain(`<definedName name="来源" localSheetId="1">'${NOTES_SHEET}'!$B$3</definedName>`);
    expect(text(after, "[Content_Types].xml")).not.toContain("pivotTable1.xml");
    expect(xmllint(after)).toBe("");
    const back = await HostWorkbook.fromXlsx(await wb.toXlsx());
    expect((await sheetNames(back)).map((x) => x[0])).toEqual([CUSTOMER_SHEET, NOTES_SHEET]);
  });

  it("turns a deleted sheet's references in names into #REF! and drops a calculation chain that lists its cells", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(NOTES_SHEET).delete();
      await context.sync();
    });
    const after = unzip(await wb.toXlsx());
    const wbx = text(after, "xl/workbook.xml");
    expect(wbx).not.toContain('name="来源"'); // local to the deleted sheet
    expect(wbx).toContain(`<definedName name="客户数据">'${CUSTOMER_SHEET}'!$A$2:$F$32</definedName>`);
    expect(after["xl/calcChain.xml"]).toBeUndefined(); // it listed 说明!B2
    expect(text(after, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
  });

  it("moves the selected tab with the active sheet, and writes a changed visibility on the sheet list", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(NOTES_SHEET).activate();
      context.workbook.worksheets.getItem(PIVOT_SHEET).visibility = "Hidden";
      await context.sync();
    });
    const before = unzip(preservationWorkbook());
    const after = unzip(await wb.toXlsx());
    expect(diff(before, after).changed).toEqual([
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet3.xml",
    ]);
    expect(tags(text(after, "xl/workbook.xml"), "workbookView")[0]).toContain('activeTab="2"');
    expect(tags(text(after, "xl/workbook.xml"), "sheet")[1]).toContain('state="hidden"');
    expect(tags(text(after, "xl/worksheets/sheet1.xml"), "sheetView")[0]).not.toContain("tabSelected");
    expect(tags(text(after, "xl/worksheets/sheet3.xml"), "sheetView")[0]).toContain('tabSelected="1"');
    // Only the view changed in those sheets.
    expect(cells(text(after, "xl/worksheets/sheet1.xml"))).toEqual(cells(text(before, "xl/worksheets/sheet1.xml")));
    const back = await HostWorkbook.fromXlsx(await wb.toXlsx());
    const active = await back.run(async (context) => {
      const a = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return a.name;
    });
    expect(active).toBe(NOTES_SHEET);
  });

  it("rewrites a shared formula group whose master is overwritten, each member with its own formula", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(CUSTOMER_SHEET).getRange(`F${FIRST_ROW}`).values = [[1]];
      await context.sync();
    });
    const out = await wb.toXlsx();
    const after = unzip(out);
    const c = cells(text(after, "xl/worksheets/sheet1.xml"));
    expect(c.get(`F${FIRST_ROW}`)).toBe(`<c r="F${FIRST_ROW}" s="5"><v>1</v></c>`);
    const r = FIRST_ROW + 1;
    expect(c.get(`F${r}`)).toBe(`<c r="F${r}" s="5"><f>D${r}/C${r}</f><v>${CUSTOMERS[1][3] / CUSTOMERS[1][2]}</v></c>`);
    expect(text(after, "xl/worksheets/sheet1.xml")).not.toContain('si="0"');
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    const back = await HostWorkbook.fromXlsx(out);
    expect(await values(back, CUSTOMER_SHEET, `F${r}:F${r + 1}`, "formulas")).toEqual([
      [`=D${r}/C${r}`],
      [`=D${r + 1}/C${r + 1}`],
    ]);
  });

  it("keeps the settings sheet's part when the settings did not change, and rewrites it when they did", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.settings.add("k", { a: 1 });
      await context.sync();
    });
    const first = await wb.toXlsx();
    const reopened = await HostWorkbook.fromXlsx(first);
    expect(diff(unzip(first), unzip(await reopened.toXlsx()))).toEqual({ changed: [], added: [], removed: [] });
    await reopened.run(async (context) => {
      context.workbook.settings.add("k", { a: 2 });
      await context.sync();
    });
    const second = await reopened.toXlsx();
    const d = diff(unzip(first), unzip(second));
    expect(d.changed.filter((n) => n.startsWith("xl/worksheets/"))).toHaveLength(1);
    const again = await HostWorkbook.fromXlsx(second);
    const k = await again.run(async (context) => {
      const s = context.workbook.settings.getItem("k").load("value");
      await context.sync();
      return s.value;
    });
    expect(k).toEqual({ a: 2 });
  });

  it("changes only the <col> elements of the columns whose width changed, keeping their style", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(CUSTOMER_SHEET);
      sheet.getRange("D:D").format.columnWidth = 150;
      sheet.getRange("H:H").format.columnWidth = 75;
      await context.sync();
    });
    const before = unzip(preservationWorkbook());
    const after = unzip(await wb.toXlsx());
    expect(diff(before, after).changed).toEqual(["xl/worksheets/sheet1.xml"]);
    const cols0 = elements(text(before, "xl/worksheets/sheet1.xml"), "col");
    const cols1 = elements(text(after, "xl/worksheets/sheet1.xml"), "col");
    expect(cols1.filter((c) => !/min="(4|8)"/.test(c))).toEqual(cols0.filter((c) => !c.includes('min="4"')));
    expect(cols1.find((c) => c.includes('min="4"'))).toMatch(
      /^<col min="4" max="4" width="[\d.]+" style="4" customWidth="1"\/>$/
    );
    expect(cols1.find((c) => c.includes('min="8"'))).toMatch(
      /^<col min="8" max="8" width="[\d.]+" customWidth="1"\/>$/
    );
    expect(outsideCells(text(after, "xl/worksheets/sheet1.xml")).replace(/<cols>.*<\/cols>/, "")).toBe(
      outsideCells(text(before, "xl/worksheets/sheet1.xml")).replace(/<cols>.*<\/cols>/, "")
    );
    const back = await HostWorkbook.fromXlsx(await wb.toXlsx());
    const widths = await back.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(CUSTOMER_SHEET);
      const d = sheet.getRange("D:D").format.load("columnWidth");
      const h = sheet.getRange("H:H").format.load("columnWidth");
      await context.sync();
      return [d.columnWidth, h.columnWidth];
    });
    expect(widths[0]).toBeCloseTo(150, 0);
    expect(widths[1]).toBeCloseTo(75, 0);
  });

  it("writes a conditional format the run adds to an original sheet and keeps the sheet's own rules", async () => {
    const wb = await fixture();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem(CUSTOMER_SHEET).getRange("A3:A32").conditionalFormats.add("DataBar");
      await context.sync();
    });
    const before = unzip(preservationWorkbook());
    const after = unzip(await wb.toXlsx());
    const d = diff(before, after);
    expect(d.changed).toEqual(["xl/worksheets/sheet1.xml"]);
    const x = text(after, "xl/worksheets/sheet1.xml");
    expect(x).toMatch(/<conditionalFormatting sqref="A3:A32"><cfRule type="dataBar"/);
    expect(x).toContain('<cfRule type="cellIs" dxfId="0"');
    expect(cells(x)).toEqual(cells(text(before, "xl/worksheets/sheet1.xml")));
    expect(xmllint(after)).toBe("");
  });

  it("widens a table the run adds a column to: the table part's range and columns, nothing else", async () => {
    const bytes = await makeXlsx((w) => {
      w.addWorksheet("T").addTable({
        name: "Orders",
        ref: "A1",
        columns: [{ name: "id" }, { name: "amount" }],
        rows: [
          [1, 10],
          [2, 20],
        ],
      });
    });
    const wb = await HostWorkbook.fromXlsx(bytes);
    await wb.run(async (context) => {
      context.workbook.tables.getItem("Orders").columns.add(undefined, [["tag"], ["a"], ["b"]]);
      await context.sync();
    });
    const out = await wb.toXlsx();
    const d = diff(unzip(bytes), unzip(out));
    expect(d.changed).toEqual(["xl/sharedStrings.xml", "xl/tables/table1.xml", "xl/worksheets/sheet1.xml"]);
    const table = text(unzip(out), "xl/tables/table1.xml");
    expect(table).toMatch(/<table [^>]*ref="A1:C3"/);
    expect(table).toContain('<tableColumn id="3" name="tag"/>');
    const back = await HostWorkbook.fromXlsx(out);
    const got = await back.run(async (context) => {
      const t = context.workbook.tables.getItem("Orders");
      const r = t.getRange().load("values");
      const cols = t.columns.load("items/name");
      await context.sync();
      return [r.values, cols.items.map((c) => c.name)];
    });
    expect(got).toEqual([
      [
        ["id", "amount", "tag"],
        [1, 10, "a"],
        [2, 20, "b"],
      ],
      ["id", "amount", "tag"],
    ]);
  });

  it("saves a workbook opened by the streaming reader from the original file, not from the copy it read", async () => {
    const bytes = await makeXlsx((w) => {
      const a = w.addWorksheet("Big");
      for (let r = 1; r <= 500; r++) a.getRow(r).values = [r, `name ${r}`, r * 1.5];
      a.getColumn(2).width = 20;
      w.addWorksheet("Other").getCell("A1").value = "untouched";
    });
    const wb = await openXlsxStreaming(bytes);
    expect(wb).not.toBeNull();
    await wb!.run(async (context) => {
      context.workbook.worksheets.getItem("Big").getRange("D1:D2").values = [["new"], [2]];
      await context.sync();
    });
    const before = unzip(bytes);
    const after = unzip(await wb!.toXlsx());
    expect(diff(before, after).changed).toEqual(["xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"]);
    const c0 = cells(text(before, "xl/worksheets/sheet1.xml"));
    const c1 = cells(text(after, "xl/worksheets/sheet1.xml"));
    for (const [ref, xml] of c0) expect(c1.get(ref)).toBe(xml);
    expect([...c1.keys()].filter((r) => !c0.has(r))).toEqual(["D1", "D2"]);
  });
});
