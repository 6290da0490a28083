/**
 * Excel.Worksheet and WorksheetProtection.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.worksheet
 */
import { MAX_COLS, MAX_ROWS, parseAddress, sameSheetName } from "./address";
import { richError, RichApiError } from "./errors";
import { BoundObject, Json, NavObject, Loadable } from "./proxy";
import type { HostContext } from "./context";
import type { SheetState, Visibility } from "./doc";
import { usedRect } from "./cells";
import { Range, RangeTarget, checkedRect } from "./range";
import { TableCollection } from "./table";
import { ChartCollection } from "./chart";

function live(s: SheetState, location: string): SheetState {
  if (s.deleted) throw richError("ItemNotFound", location);
  return s;
}

export class WorksheetProtection extends NavObject<SheetState, SheetState> {
  get _typeName(): string {
    return "WorksheetProtection";
  }
  _scalarReaders(): Record<string, (t: SheetState) => Json> {
    return { protected: (t) => live(t, "WorksheetProtection.protected").protected };
  }
  get protected(): boolean {
    return this._get("protected");
  }
}

export class Worksheet extends BoundObject<SheetState> {
  private _protection?: WorksheetProtection;
  private _tables?: TableCollection;
  private _charts?: ChartCollection;

  constructor(
    ctx: HostContext,
    location: string,
    private readonly _resolver?: () => SheetState | null
  ) {
    super(ctx, location);
  }

  override _resolve(): SheetState | null {
    return this._resolver ? this._resolver() : super._resolve();
  }

  get _typeName(): string {
    return "Worksheet";
  }

  _scalarReaders(): Record<string, (t: SheetState) => Json> {
    return {
      name: (t) => live(t, "Worksheet.name").name,
      id: (t) => live(t, "Worksheet.id").id,
      position: (t) => live(t, "Worksheet.position").position,
      visibility: (t) => live(t, "Worksheet.visibility").visibility,
    };
  }

  override _navProps(): Record<string, () => Loadable> {
    return { protection: () => this.protection, tables: () => this.tables, charts: () => this.charts };
  }

  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get position(): number {
    return this._get("position");
  }
  get visibility(): Visibility {
    return this._get("visibility");
  }
  /**
   * Hiding the only visible sheet is refused by Excel; the code Excel returns was not confirmed
   * (InvalidOperation is used).
   */
  set visibility(v: Visibility) {
    this._setProp("visibility", v, (t, x) => {
      const s = live(t, "Worksheet.visibility");
      if (x !== "Visible" && x !== "Hidden" && x !== "VeryHidden")
        throw richError("InvalidArgument", "Worksheet.visibility");
      if (x !== "Visible") {
        const others = s.doc.sheets.filter((o) => o !== s && o.visibility === "Visible");
        if (others.length === 0) throw richError("InvalidOperation", "Worksheet.visibility");
      }
      s.visibility = x;
    });
  }

  get protection(): WorksheetProtection {
    if (!this._protection)
      this._protection = new WorksheetProtection(this._ctx, "Worksheet.protection", this, (s) => s);
    return this._protection;
  }

  get tables(): TableCollection {
    if (!this._tables)
      this._tables = new TableCollection(this._ctx, "Worksheet.tables", this, (s) => ({
        doc: (s as SheetState).doc,
        sheet: s as SheetState,
      }));
    return this._tables;
  }

  /** The sheet's charts (ExcelApi 1.1, chart.ts). */
  get charts(): ChartCollection {
    if (!this._charts)
      this._charts = new ChartCollection(this._ctx, "Worksheet.charts", this, (s) =>
        live(s as SheetState, "Worksheet.charts")
      );
    return this._charts;
  }

  private _range(name: string, args: Json[], f: (s: SheetState) => RangeTarget | null, orNull = false): Range {
    const child = new Range(this._ctx, `Worksheet.${name}`);
    return this._instantiate(child, name, args, (s) => f(live(s, `Worksheet.${name}`)), orNull);
  }

  /** Without an address: the whole sheet. Addresses: "B2", "A1:C10", "A:A", "1:3", optionally "Sheet!A1" for this sheet. */
  getRange(address?: string): Range {
    return this._range("getRange", [address ?? null], (s) => {
      if (address === undefined || address === null || address === "")
        return { sheet: s, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const parsed = parseAddress(String(address));
      if (!parsed || (parsed.sheet !== undefined && !sameSheetName(parsed.sheet, s.name)))
        throw richError("InvalidArgument", "Worksheet.getRange");
      return { sheet: s, rect: parsed.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (s) => ({
      sheet: s,
      rect: checkedRect(
        { row: startRow, col: startColumn, rows: rowCount, cols: columnCount },
        "Worksheet.getRangeByIndexes"
      ),
    }));
  }

  getCell(row: number, column: number): Range {
    return this._range("getCell", [row, column], (s) => ({
      sheet: s,
      rect: checkedRect({ row, col: column, rows: 1, cols: 1 }, "Worksheet.getCell"),
    }));
  }

  /** "If the entire worksheet is blank, this function will return the top left cell (i.e. it will *not* throw an error)." */
  getUsedRange(valuesOnly?: boolean): Range {
    return this._range("getUsedRange", [valuesOnly ?? null], (s) => ({
      sheet: s,
      rect: usedRect(s, !!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 },
    }));
  }

  /** "If the entire worksheet is blank, then this method returns an object with its isNullObject property set to true." */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._range(
      "getUsedRangeOrNullObject",
      [valuesOnly ?? null],
      (s) => {
        const r = usedRect(s, !!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true
    );
  }

  /** Activating a hidden sheet is refused (code not confirmed: InvalidOperation). */
  activate(): void {
    this._method("activate", [], (t) => {
      const s = live(t, "Worksheet.activate");
      if (s.visibility !== "Visible") throw richError("InvalidOperation", "Worksheet.activate");
      s.doc.active = s;
    });
  }

  /** Deleting the only visible sheet is refused (code not confirmed: InvalidOperation). */
  delete(): void {
    this._method("delete", [], (t) => {
      const s = live(t, "Worksheet.delete");
      const visibleOthers = s.doc.sheets.filter((o) => o !== s && o.visibility === "Visible");
      if (visibleOthers.length === 0) throw new RichApiError("InvalidOperation", { errorLocation: "Worksheet.delete" });
      s.doc.removeSheet(s);
    });
  }
}
