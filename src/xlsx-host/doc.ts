/**
 * The host-side state of one workbook: the exceljs workbook (file reader/writer and cell store),
 * the sheet order and ids, the tables, the add-in settings and the active sheet.
 * Proxies (objects.ts) resolve to the objects defined here when a batch runs.
 */
import type * as ExcelJS from "exceljs";
import { Rect, formatRect, parseAddress, sameSheetName } from "./address";
import { SheetStore, takeCells } from "./store";
import { SheetObjects } from "./objects-model";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** Name of the veryHidden sheet that carries the add-in settings inside the .xlsx (never shown to the API). */
export const SETTINGS_SHEET = "_xlsxhost_settings";

export class SheetState {
  deleted = false;
  /** The sheet's cells (the exceljs worksheet keeps none while the workbook is open). */
  readonly store: SheetStore;
  /** Charts and conditional formats (objects-model.ts). */
  readonly objects: SheetObjects = new SheetObjects(this);
  constructor(
    readonly doc: HostDoc,
    readonly ws: ExcelJS.Worksheet,
    readonly id: string
  ) {
    this.store = takeCells(ws);
  }

  get name(): string {
    return this.ws.name;
  }

  get visibility(): Visibility {
    const s = this.ws.state;
    return s === "hidden" ? "Hidden" : s === "veryHidden" ? "VeryHidden" : "Visible";
  }

  set visibility(v: Visibility) {
    this.ws.state = v === "Hidden" ? "hidden" : v === "VeryHidden" ? "veryHidden" : "visible";
  }

  get position(): number {
    return this.doc.sheets.indexOf(this);
  }

  /** Sheet protection as read from the file (<sheetProtection sheet="1">). */
  get protected(): boolean {
    const p = (this.ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
    return !!(p && p.sheet);
  }
}

/** exceljs's table object, typed for the fields this host uses. */
export interface XTableModel {
  name: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
  headerRow: boolean;
  totalsRow: boolean;
  columns: { name: string; filterButton?: boolean; totalsRowFunction?: string; totalsRowLabel?: string }[];
  autoFilterRef?: string;
  style?: unknown;
}
export interface XTable {
  model: XTableModel;
  table?: XTableModel;
}

export class TableState {
  deleted = false;
  constructor(
    readonly sheet: SheetState,
    readonly x: XTable,
    readonly id: string
  ) {}

  get model(): XTableModel {
    return this.x.table ?? this.x.model;
  }

  get name(): string {
    return this.model.name;
  }

  /** Whole table incl. header and totals. */
  get rect(): Rect {
    const ref = this.model.tableRef ?? this.model.ref ?? "A1";
    const parsed = parseAddress(ref);
    if (!parsed) throw new Error(`bad table ref ${ref}`);
    return parsed.rect;
  }

  setRect(r: Rect): void {
    this.model.tableRef = formatRect(r);
    if (this.model.headerRow) {
      this.model.autoFilterRef = formatRect({ ...r, rows: r.rows - (this.model.totalsRow ? 1 : 0) });
    }
  }
}

export class HostDoc {
  sheets: SheetState[] = [];
  tables: TableState[] = [];
  settings = new Map<string, unknown>();
  active: SheetState | null = null;
  private nextSheetSerial = 0;
  private nextTableSerial = 0;

  constructor(
    readonly wb: ExcelJS.Workbook,
    readonly date1904: boolean
  ) {}

  /** Excel-style worksheet id: a GUID-like string, stable for the life of this host workbook. */
  newSheetId(): string {
    const n = this.nextSheetSerial++;
    const hex = n.toString(16).padStart(4, "0").toUpperCase();
    return `{00000000-0001-0000-${hex}-000000000000}`;
  }

  newTableId(): string {
    return String(++this.nextTableSerial);
  }

  registerSheet(ws: ExcelJS.Worksheet): SheetState {
    const s = new SheetState(this, ws, this.newSheetId());
    this.sheets.push(s);
    const tables = (ws as unknown as { tables: Record<string, XTable> }).tables ?? {};
    for (const t of Object.values(tables)) this.tables.push(new TableState(s, t, this.newTableId()));
    return s;
  }

  findSheet(key: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => sameSheetName(s.name, key));
  }

  findTable(key: string): TableState | undefined {
    return this.tables.find((t) => t.id === key) ?? this.tables.find((t) => t.name.toUpperCase() === key.toUpperCase());
  }

  tablesOf(sheet: SheetState): TableState[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  activeSheet(): SheetState {
    if (this.active && !this.active.deleted && this.active.visibility === "Visible") return this.active;
    const first = this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0];
    this.active = first;
    return first;
  }

  removeSheet(s: SheetState): void {
    s.deleted = true;
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const t of this.tables) if (t.sheet === s) t.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.wb.removeWorksheet(s.ws.id);
    if (this.active === s) this.active = null;
  }
}
