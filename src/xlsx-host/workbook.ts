/**
 * Excel.Workbook, Application, WorksheetCollection, SettingCollection and Setting.
 * References: https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection,
 * https://learn.microsoft.com/javascript/api/excel/excel.settingcollection (ExcelApi 1.4),
 * https://learn.microsoft.com/javascript/api/excel/excel.application
 */
import { isValidSheetName, sameSheetName } from "./address";
import { richError } from "./errors";
import { BoundObject, CollectionObject, HostObject, Json, NavObject, Loadable } from "./proxy";
import type { HostContext } from "./context";
import type { HostDoc, SheetState } from "./doc";
import { Worksheet } from "./worksheet";
import { TableCollection } from "./table";
import { Functions } from "./functions";

export class Application extends NavObject<HostDoc, HostDoc> {
  get _typeName(): string {
    return "Application";
  }
  _scalarReaders(): Record<string, (t: HostDoc) => Json> {
    return { calculationMode: () => "Automatic" };
  }
  get calculationMode(): string {
    return this._get("calculationMode");
  }
  /** "Suspends calculation until the next context.sync() is called." There is no calculation here: a queued no-op. */
  suspendApiCalculationUntilNextSync(): void {
    this._method("suspendApiCalculationUntilNextSync", [], () => {});
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._method("suspendScreenUpdatingUntilNextSync", [], () => {});
  }
}

export class Workbook extends HostObject<HostDoc> {
  private _worksheets?: WorksheetCollection;
  private _tables?: TableCollection;
  private _settings?: SettingCollection;
  private _application?: Application;
  private _functions?: Functions;

  constructor(ctx: HostContext) {
    super(ctx, "workbook");
    this._isNull = false;
  }
  get _typeName(): string {
    return "Workbook";
  }
  _resolve(): HostDoc {
    return this._ctx._doc;
  }
  _scalarReaders(): Record<string, (t: HostDoc) => Json> {
    return {};
  }
  override _navProps(): Record<string, () => Loadable> {
    return {
      worksheets: () => this.worksheets,
      tables: () => this.tables,
      settings: () => this.settings,
      application: () => this.application,
    };
  }
  get worksheets(): WorksheetCollection {
    if (!this._worksheets)
      this._worksheets = new WorksheetCollection(this._ctx, "Workbook.worksheets", this, (d) => d as HostDoc);
    return this._worksheets;
  }
  get tables(): TableCollection {
    if (!this._tables)
      this._tables = new TableCollection(this._ctx, "Workbook.tables", this, (d) => ({
        doc: d as HostDoc,
        sheet: null,
      }));
    return this._tables;
  }
  get settings(): SettingCollection {
    if (!this._settings)
      this._settings = new SettingCollection(this._ctx, "Workbook.settings", this, (d) => d as HostDoc);
    return this._settings;
  }
  get application(): Application {
    if (!this._application) this._application = new Application(this._ctx, "Workbook.application", this, (d) => d);
    return this._application;
  }
  /** Worksheet functions (ExcelApi 1.2), functions.ts. */
  get functions(): Functions {
    if (!this._functions) this._functions = new Functions(this._ctx, "Workbook.functions", this, (d) => d);
    return this._functions;
  }
}

function sheetProxy(ctx: HostContext, s: SheetState, location: string): Worksheet {
  const w = new Worksheet(ctx, location);
  w._target = s;
  w._isNull = false;
  return w;
}

/** Excel names a new sheet "Sheet<n>" with the smallest n not in use. */
function defaultSheetName(doc: HostDoc): string {
  for (let n = 1; ; n++) {
    const name = `Sheet${n}`;
    if (!doc.findSheet(name)) return name;
  }
}

export class WorksheetCollection extends CollectionObject<HostDoc, SheetState, Worksheet> {
  get _typeName(): string {
    return "WorksheetCollection";
  }
  _list(d: HostDoc): SheetState[] {
    return [...d.sheets];
  }
  _itemProxy(s: SheetState): Worksheet {
    return sheetProxy(this._ctx, s, "WorksheetCollection.items");
  }
  _prototypeItem(): Worksheet {
    return new Worksheet(this._ctx, "WorksheetCollection.items");
  }

  /** "Gets a worksheet object using its name or ID." Names match case-insensitively, as in Excel. */
  getItem(key: string): Worksheet {
    return this._instantiate(
      new Worksheet(this._ctx, "WorksheetCollection.getItem"),
      "getItem",
      [key],
      (d) => d.findSheet(String(key)) ?? null,
      false
    );
  }
  getItemOrNullObject(key: string): Worksheet {
    return this._instantiate(
      new Worksheet(this._ctx, "WorksheetCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [key],
      (d) => d.findSheet(String(key)) ?? null,
      true
    );
  }
  getActiveWorksheet(): Worksheet {
    return this._instantiate(
      new Worksheet(this._ctx, "WorksheetCollection.getActiveWorksheet"),
      "getActiveWorksheet",
      [],
      (d) => d.activeSheet(),
      false
    );
  }
  getFirst(visibleOnly?: boolean): Worksheet {
    return this._instantiate(
      new Worksheet(this._ctx, "WorksheetCollection.getFirst"),
      "getFirst",
      [visibleOnly ?? null],
      (d) => {
        const list = d.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
        return list[0] ?? null;
      },
      false
    );
  }
  getLast(visibleOnly?: boolean): Worksheet {
    return this._instantiate(
      new Worksheet(this._ctx, "WorksheetCollection.getLast"),
      "getLast",
      [visibleOnly ?? null],
      (d) => {
        const list = d.sheets.filter((s) => !visibleOnly || s.visibility === "Visible");
        return list[list.length - 1] ?? null;
      },
      false
    );
  }
  getCount(visibleOnly?: boolean): OfficeExtension.ClientResult<number> {
    return this._countResult(
      "WorksheetCollection.getCount",
      [visibleOnly ?? null],
      (d) => d.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length
    );
  }

  /**
   * "Adds a new worksheet to the workbook. The worksheet will be added at the end of existing
   * worksheets." Not activated. A duplicate name (case-insensitive) fails with ItemAlreadyExists;
   * a name breaking Excel's rules (address.ts isValidSheetName) with InvalidArgument.
   */
  add(name?: string): Worksheet {
    const child = new Worksheet(this._ctx, "WorksheetCollection.add");
    return this._instantiate(
      child,
      "add",
      [name ?? null],
      (d) => {
        const n = name === undefined || name === null ? defaultSheetName(d) : String(name);
        if (!isValidSheetName(n)) throw richError("InvalidArgument", "WorksheetCollection.add");
        if (d.sheets.some((s) => sameSheetName(s.name, n)))
          throw richError("ItemAlreadyExists", "WorksheetCollection.add");
        const ws = d.wb.addWorksheet(n);
        return d.registerSheet(ws);
      },
      false
    );
  }
}

// ---- Settings -------------------------------------------------------------------------------

/**
 * Dates inside a setting value travel as "Date(<ms>)" strings and come back as Date objects
 * (`_replaceDateWithStringDate` / `_replaceStringDateWithDate` in the Office.js Excel client,
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js).
 */
export function replaceDates(value: unknown): Json {
  const text = JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    return this[k] instanceof Date ? `Date(${(this[k] as Date).getTime()})` : v;
  });
  if (text === undefined) throw richError("InvalidArgument", "SettingCollection.add");
  return JSON.parse(text) as Json;
}

export function reviveDates(value: Json): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => {
    if (typeof v === "string" && v.length > 6 && v.startsWith("Date(") && v.endsWith(")")) {
      const d = new Date(parseInt(v.slice(5, -1), 10));
      if (!Number.isNaN(d.getTime())) return d;
    }
    return v;
  });
}

export interface SettingTarget {
  doc: HostDoc;
  key: string;
}

export class Setting extends BoundObject<SettingTarget> {
  get _typeName(): string {
    return "Setting";
  }
  _scalarReaders(): Record<string, (t: SettingTarget) => Json> {
    return {
      key: (t) => t.key,
      value: (t) => {
        if (!t.doc.settings.has(t.key)) throw richError("ItemNotFound", "Setting.value");
        return t.doc.settings.get(t.key) as Json;
      },
    };
  }
  override _revive(name: string, v: Json): unknown {
    return name === "value" ? reviveDates(v) : v;
  }
  get key(): string {
    return this._get("key");
  }
  get value(): unknown {
    return this._get("value");
  }
  set value(v: unknown) {
    const stored = v === null || v === undefined ? v : replaceDates(v);
    this._setProp("value", v, (t) => {
      if (stored === null || stored === undefined) throw richError("InvalidArgument", "Setting.value");
      if (!t.doc.settings.has(t.key)) throw richError("ItemNotFound", "Setting.value");
      t.doc.settings.set(t.key, stored);
    });
  }
  delete(): void {
    this._method("delete", [], (t) => {
      if (!t.doc.settings.has(t.key)) throw richError("ItemNotFound", "Setting.delete");
      t.doc.settings.delete(t.key);
    });
  }
}

export class SettingCollection extends CollectionObject<HostDoc, SettingTarget, Setting> {
  get _typeName(): string {
    return "SettingCollection";
  }
  _list(d: HostDoc): SettingTarget[] {
    return [...d.settings.keys()].map((key) => ({ doc: d, key }));
  }
  _itemProxy(item: SettingTarget): Setting {
    const s = new Setting(this._ctx, "SettingCollection.items");
    s._target = item;
    s._isNull = false;
    return s;
  }
  _prototypeItem(): Setting {
    return new Setting(this._ctx, "SettingCollection.items");
  }

  /** "Sets or adds the specified setting to the workbook." */
  add(key: string, value: unknown): Setting {
    const stored = value === undefined ? undefined : replaceDates(value);
    const child = new Setting(this._ctx, "SettingCollection.add");
    return this._instantiate(
      child,
      "add",
      [key, (stored ?? null) as Json],
      (d) => {
        if (typeof key !== "string" || key.length === 0) throw richError("InvalidArgument", "SettingCollection.add");
        if (stored === undefined) throw richError("InvalidArgument", "SettingCollection.add");
        d.settings.set(key, stored);
        return { doc: d, key };
      },
      false
    );
  }
  getItem(key: string): Setting {
    return this._instantiate(
      new Setting(this._ctx, "SettingCollection.getItem"),
      "getItem",
      [key],
      (d) => (d.settings.has(key) ? { doc: d, key } : null),
      false
    );
  }
  getItemOrNullObject(key: string): Setting {
    return this._instantiate(
      new Setting(this._ctx, "SettingCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [key],
      (d) => (d.settings.has(key) ? { doc: d, key } : null),
      true
    );
  }
  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("SettingCollection.getCount", [], (d) => d.settings.size);
  }
}
