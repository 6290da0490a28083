/**
 * Excel.Table (ListObject), TableCollection, TableColumnCollection, TableColumn.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.table and
 * https://learn.microsoft.com/javascript/api/excel/excel.tablecolumncollection#excel-excel-tablecolumncollection-add-member(1)
 */
import { Rect } from "./address";
import { RichApiError, richError } from "./errors";
import { BoundObject, CollectionObject, Json, Loadable, Resolvable } from "./proxy";
import type { HostContext } from "./context";
import type { HostDoc, SheetState, TableState, XTableModel } from "./doc";
import { Range, RangeTarget } from "./range";
import { Worksheet } from "./worksheet";
import { checkWritable, readRect, writeValue } from "./cells";
import type { StoreRow } from "./store";

/** Shifts a row's cells from `col` one column right, leaving an empty unstyled cell at `col` (exceljs Row.splice). */
function insertCell(row: StoreRow, col: number): void {
  if (row.v.length > col) row.v.splice(col, 0, null);
  else row.v[col] = null;
  if (row.s !== undefined && row.s.length > col) {
    const s = row.s.slice(); // style arrays are shared: change a copy
    s.splice(col, 0, undefined);
    row.s = s;
  }
  if (row.notes !== undefined) {
    const moved = new Map<number, unknown>();
    for (const [c, n] of row.notes) moved.set(c >= col ? c + 1 : c, n);
    row.notes = moved;
  }
}

function live(t: TableState, location: string): TableState {
  if (t.deleted || t.sheet.deleted) throw richError("ItemNotFound", location);
  return t;
}

function headerRows(t: TableState): number {
  return t.model.headerRow ? 1 : 0;
}
function totalRows(t: TableState): number {
  return t.model.totalsRow ? 1 : 0;
}

/** Scope of a table collection: the whole workbook or one sheet. */
export interface TableScope {
  doc: HostDoc;
  sheet: SheetState | null;
}

export class TableCollection extends CollectionObject<TableScope, TableState, Table> {
  constructor(
    ctx: HostContext,
    location: string,
    parent: Resolvable<unknown>,
    derive: (p: unknown) => TableScope | null
  ) {
    super(ctx, location, parent, derive);
  }
  get _typeName(): string {
    return "TableCollection";
  }
  _list(scope: TableScope): TableState[] {
    return scope.sheet ? scope.doc.tablesOf(scope.sheet) : [...scope.doc.tables];
  }
  _itemProxy(item: TableState): Table {
    const t = new Table(this._ctx, "TableCollection.items");
    t._target = item;
    t._isNull = false;
    return t;
  }
  _prototypeItem(): Table {
    return new Table(this._ctx, "TableCollection.items");
  }

  private _find(scope: TableScope, key: string): TableState | null {
    const t = scope.doc.findTable(String(key));
    if (!t) return null;
    if (scope.sheet && t.sheet !== scope.sheet) return null;
    return t;
  }

  getItem(key: string): Table {
    return this._instantiate(
      new Table(this._ctx, "TableCollection.getItem"),
      "getItem",
      [key],
      (s) => this._find(s, key),
      false
    );
  }
  getItemOrNullObject(key: string): Table {
    return this._instantiate(
      new Table(this._ctx, "TableCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [key],
      (s) => this._find(s, key),
      true
    );
  }
  getItemAt(index: number): Table {
    return this._instantiate(
      new Table(this._ctx, "TableCollection.getItemAt"),
      "getItemAt",
      [index],
      (s) => {
        const list = this._list(s);
        if (!Number.isInteger(index) || index < 0 || index >= list.length)
          throw richError("InvalidArgument", "TableCollection.getItemAt");
        return list[index];
      },
      false
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("TableCollection.getCount", [], (s) => this._list(s).length);
  }
}

export class Table extends BoundObject<TableState> {
  private _columns?: TableColumnCollection;
  private _worksheet?: Worksheet;

  get _typeName(): string {
    return "Table";
  }
  _scalarReaders(): Record<string, (t: TableState) => Json> {
    return {
      name: (t) => live(t, "Table.name").name,
      id: (t) => live(t, "Table.id").id,
      showHeaders: (t) => live(t, "Table.showHeaders").model.headerRow,
      showTotals: (t) => live(t, "Table.showTotals").model.totalsRow,
    };
  }
  override _navProps(): Record<string, () => Loadable> {
    return { columns: () => this.columns, worksheet: () => this.worksheet };
  }
  get name(): string {
    return this._get("name");
  }
  get id(): string {
    return this._get("id");
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  get columns(): TableColumnCollection {
    if (!this._columns)
      this._columns = new TableColumnCollection(this._ctx, "Table.columns", this, (t) =>
        live(t as TableState, "Table.columns")
      );
    return this._columns;
  }
  get worksheet(): Worksheet {
    if (!this._worksheet) {
      this._worksheet = new Worksheet(this._ctx, "Table.worksheet", () => {
        const t = this._resolve();
        return t ? t.sheet : null;
      });
    }
    return this._worksheet;
  }

  private _part(name: string, f: (t: TableState) => Rect): Range {
    const child = new Range(this._ctx, `Table.${name}`);
    return this._instantiate(
      child,
      name,
      [],
      (t): RangeTarget => {
        const tt = live(t, `Table.${name}`);
        return { sheet: tt.sheet, rect: f(tt) };
      },
      false
    );
  }
  getRange(): Range {
    return this._part("getRange", (t) => t.rect);
  }
  getHeaderRowRange(): Range {
    return this._part("getHeaderRowRange", (t) => {
      if (!t.model.headerRow) throw richError("InvalidOperation", "Table.getHeaderRowRange");
      const r = t.rect;
      return { row: r.row, col: r.col, rows: 1, cols: r.cols };
    });
  }
  getDataBodyRange(): Range {
    return this._part("getDataBodyRange", (t) => {
      const r = t.rect;
      return { row: r.row + headerRows(t), col: r.col, rows: r.rows - headerRows(t) - totalRows(t), cols: r.cols };
    });
  }
}

export interface ColumnTarget {
  table: TableState;
  column: XTableModel["columns"][number];
}

const columnIds = new WeakMap<object, number>();
function columnId(t: TableState, col: object): number {
  let id = columnIds.get(col);
  if (id === undefined) {
    const cols = t.model.columns;
    const max = cols.reduce((m, c) => Math.max(m, columnIds.get(c) ?? 0), 0);
    // Ids of columns read from the file follow their order (1-based), new ones get max + 1.
    id = Math.max(max + 1, cols.indexOf(col as XTableModel["columns"][number]) + 1);
    columnIds.set(col, id);
  }
  return id;
}

function colLive(c: ColumnTarget, location: string): { t: TableState; index: number } {
  const t = live(c.table, location);
  const index = t.model.columns.indexOf(c.column);
  if (index < 0) throw richError("ItemNotFound", location);
  return { t, index };
}

export class TableColumnCollection extends CollectionObject<TableState, ColumnTarget, TableColumn> {
  get _typeName(): string {
    return "TableColumnCollection";
  }
  _list(t: TableState): ColumnTarget[] {
    for (const c of t.model.columns) columnId(t, c);
    return t.model.columns.map((column) => ({ table: t, column }));
  }
  _itemProxy(item: ColumnTarget): TableColumn {
    const c = new TableColumn(this._ctx, "TableColumnCollection.items");
    c._target = item;
    c._isNull = false;
    return c;
  }
  _prototypeItem(): TableColumn {
    return new TableColumn(this._ctx, "TableColumnCollection.items");
  }

  private _find(t: TableState, key: string | number): ColumnTarget | null {
    const list = this._list(t);
    const byId = list.find((c) => String(columnId(t, c.column)) === String(key));
    if (byId) return byId;
    return list.find((c) => c.column.name.toUpperCase() === String(key).toUpperCase()) ?? null;
  }

  getItem(key: string | number): TableColumn {
    return this._instantiate(
      new TableColumn(this._ctx, "TableColumnCollection.getItem"),
      "getItem",
      [key],
      (t) => this._find(t, key),
      false
    );
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return this._instantiate(
      new TableColumn(this._ctx, "TableColumnCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [key],
      (t) => this._find(t, key),
      true
    );
  }
  getItemAt(index: number): TableColumn {
    return this._instantiate(
      new TableColumn(this._ctx, "TableColumnCollection.getItemAt"),
      "getItemAt",
      [index],
      (t) => {
        const list = this._list(t);
        if (!Number.isInteger(index) || index < 0 || index >= list.length)
          throw richError("InvalidArgument", "TableColumnCollection.getItemAt");
        return list[index];
      },
      false
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("TableColumnCollection.getCount", [], (t) => t.model.columns.length);
  }

  /**
   * Adds a column: "If null or -1, the addition happens at the end. Columns with a higher index will
   * be shifted to the side." `values` is the whole column including the header row (as in the docs'
   * sample `columns.add(null, [["Day of the Week"], ["Saturday"], ...])`,
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables, "Add a column that contains static values").
   * Cells to the right inside the table's rows are shifted right (Excel inserts table cells).
   */
  add(index?: number | null, values?: unknown, name?: string | null): TableColumn {
    const child = new TableColumn(this._ctx, "TableColumnCollection.add");
    return this._instantiate(
      child,
      "add",
      [index ?? null, (values ?? null) as Json, name ?? null],
      (t) => addColumn(t, index, values, name),
      false
    );
  }
}

function uniqueName(t: TableState, base: string): string {
  const taken = new Set(t.model.columns.map((c) => c.name.toUpperCase()));
  if (!taken.has(base.toUpperCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toUpperCase())) return `${base}${n}`;
}

function addColumn(
  t: TableState,
  index: number | null | undefined,
  values: unknown,
  name: string | null | undefined
): ColumnTarget {
  const location = "TableColumnCollection.add";
  const cols = t.model.columns;
  const at = index === undefined || index === null || index === -1 ? cols.length : index;
  if (!Number.isInteger(at) || at < 0 || at > cols.length) throw richError("InvalidArgument", location);
  const r = t.rect;
  let grid: unknown[][] | null = null;
  if (values !== undefined && values !== null) {
    if (Array.isArray(values)) {
      if (values.length !== r.rows || !values.every((row) => Array.isArray(row) && row.length === 1)) {
        throw new RichApiError("InvalidArgument", {
          errorLocation: location,
          message:
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        });
      }
      grid = values as unknown[][];
    } else {
      grid = Array.from({ length: r.rows }, () => [values]);
    }
  }
  checkWritable(t.sheet, { row: r.row, col: r.col, rows: r.rows, cols: r.cols + 1 }, location);
  const headerFromValues =
    grid && t.model.headerRow && grid[0][0] !== null && grid[0][0] !== "" ? String(grid[0][0]) : null;
  const colName = uniqueName(t, name ?? headerFromValues ?? `Column${cols.length + 1}`);

  const insertCol = r.col + at; // 0-based sheet column of the new table column
  const store = t.sheet.store;
  // Shift cells right inside the table's rows when inserting in the middle, or at the end when the
  // next column is not empty.
  const nextColUsed = readRect(t.sheet, { row: r.row, col: insertCol, rows: r.rows, cols: 1 }, "values", false).some(
    (row) => row[0] !== ""
  );
  if (at < cols.length || nextColUsed) {
    for (let i = 0; i < r.rows; i++) insertCell(store.rowAt(r.row + i), insertCol);
  }
  const column = { name: colName, filterButton: t.model.headerRow ? true : undefined, totalsRowFunction: "none" };
  cols.splice(at, 0, column);
  t.setRect({ row: r.row, col: r.col, rows: r.rows, cols: r.cols + 1 });
  const w = { date1904: t.sheet.doc.date1904, location, now: new Date() };
  for (let i = 0; i < r.rows; i++) {
    const row = store.rowAt(r.row + i);
    store.ensureCell(row, insertCol);
    row.v[insertCol] = null;
    if (i === 0 && t.model.headerRow) {
      row.v[insertCol] = colName;
      continue;
    }
    if (grid) writeValue(t.sheet, r.row + i, insertCol, grid[i][0], w);
  }
  columnId(t, column);
  return { table: t, column };
}

export class TableColumn extends BoundObject<ColumnTarget> {
  get _typeName(): string {
    return "TableColumn";
  }
  _scalarReaders(): Record<string, (c: ColumnTarget) => Json> {
    return {
      name: (c) => colLive(c, "TableColumn.name") && c.column.name,
      index: (c) => colLive(c, "TableColumn.index").index,
      id: (c) => columnId(colLive(c, "TableColumn.id").t, c.column),
      values: (c) => {
        const { t, index } = colLive(c, "TableColumn.values");
        const r = t.rect;
        return readRect(
          t.sheet,
          { row: r.row, col: r.col + index, rows: r.rows, cols: 1 },
          "values",
          t.sheet.doc.date1904
        ) as Json;
      },
    };
  }
  get name(): string {
    return this._get("name");
  }
  get index(): number {
    return this._get("index");
  }
  get id(): number {
    return this._get("id");
  }
  get values(): unknown[][] {
    return this._get("values");
  }

  private _part(name: string, f: (t: TableState, index: number) => Rect): Range {
    const child = new Range(this._ctx, `TableColumn.${name}`);
    return this._instantiate(
      child,
      name,
      [],
      (c): RangeTarget => {
        const { t, index } = colLive(c, `TableColumn.${name}`);
        return { sheet: t.sheet, rect: f(t, index) };
      },
      false
    );
  }
  getRange(): Range {
    return this._part("getRange", (t, i) => ({ ...t.rect, col: t.rect.col + i, cols: 1 }));
  }
  getHeaderRowRange(): Range {
    return this._part("getHeaderRowRange", (t, i) => {
      if (!t.model.headerRow) throw richError("InvalidOperation", "TableColumn.getHeaderRowRange");
      return { row: t.rect.row, col: t.rect.col + i, rows: 1, cols: 1 };
    });
  }
  getDataBodyRange(): Range {
    return this._part("getDataBodyRange", (t, i) => ({
      row: t.rect.row + headerRows(t),
      col: t.rect.col + i,
      rows: t.rect.rows - headerRows(t) - totalRows(t),
      cols: 1,
    }));
  }
}
