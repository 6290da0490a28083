/**
 * Excel.ConditionalFormatCollection, ConditionalFormat, DataBarConditionalFormat and ColorScaleConditionalFormat
 * (ExcelApi 1.6; getItemOrNullObject 1.14), over the sheet's format models (objects-model.ts).
 * References: https://learn.microsoft.com/javascript/api/excel/excel.conditionalformatcollection,
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting and the doc comments
 * in @types/office-js.
 *
 * - `range.conditionalFormats` holds the formats "that apply to the range": those whose cells meet it, in
 *   priority order. add(type) puts the new one "at the first/top priority"; clearAll() "Clears all conditional
 *   formats active on the current specified range" — a format reaching beyond the range keeps its other cells.
 * - "Only one format type can be set for the ConditionalFormat object": reading the properties of another type
 *   (`format.custom` on a data bar) fails the sync — "This operation is not permitted for the current object"
 *   (https://github.com/OfficeDev/office-js/issues/2180; the code is not given there: InvalidOperation is
 *   used) — while the *OrNullObject variant is a null object.
 * - Bound rules and criteria "must be set as a JSON object (use `x.upperBoundRule = {...}` instead of
 *   `x.upperBoundRule.formula = ...`)"; their types are the ConditionalFormatRuleType /
 *   ConditionalFormatColorCriterionType names, a formula is required for Number, Percent, Percentile and
 *   Formula, and "formula: A number, a formula, or null (if type is lowestValue)"
 *   (https://learn.microsoft.com/javascript/api/excel/excel.conditionalcolorscalecriterion). Anything else
 *   fails with InvalidArgument at sync.
 * - stopIfTrue "is null on data bars, icon sets, and color scales".
 * Not confirmed, the stricter choice taken: a minimum of type HighestValue or a maximum of type LowestValue, a
 * percent or percentile outside 0–100, and getRange() of a format split over several ranges fail (InvalidArgument,
 * InvalidOperation); a protected sheet refuses every change (AccessDenied). The defaults of a new format are
 * Excel's first presets: the blue data bar (#638EC6, automatic bounds) and the green–yellow–red colour scale.
 * Colours are "#RRGGBB" or an HTML colour name of the table below (another name throws HostNotImplementedError).
 * Custom, IconSet, TopBottom, PresetCriteria, ContainsText and CellValue formats are not implemented.
 */
import { Rect } from "./address";
import type { HostContext } from "./context";
import type { SheetState } from "./doc";
import { HostNotImplementedError, RichApiError, richError } from "./errors";
import { BoundObject, CollectionObject, Json, Loadable, NavObject, Resolvable } from "./proxy";
import {
  BOUND_TYPES,
  Bound,
  BoundType,
  ColorPoint,
  ColorScaleRule,
  DataBarRule,
  FormatModel,
  intersects,
  newObjectId,
  subtract,
} from "./objects-model";
import { Range, RangeTarget } from "./range";

export const DATA_BAR_BLUE = "#638EC6";
export const DEFAULT_COLOR_SCALE: Omit<ColorScaleRule, "kind"> = {
  minimum: { type: "LowestValue", formula: null, color: "#F8696B" },
  midpoint: { type: "Percentile", formula: "50", color: "#FFEB84" },
  maximum: { type: "HighestValue", formula: null, color: "#63BE7B" },
};

const FORMAT_TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

const NAMED_COLORS: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  lime: "#00FF00",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  olive: "#808000",
  aqua: "#00FFFF",
  cyan: "#00FFFF",
  teal: "#008080",
  navy: "#000080",
  fuchsia: "#FF00FF",
  magenta: "#FF00FF",
};

/** A colour as "#RRGGBB", null when it is not one; a colour name the host does not know throws at once. */
function color(v: unknown, where: string): string | null {
  if (typeof v !== "string") return null;
  if (/^#[0-9a-f]{6}$/i.test(v)) return v.toUpperCase();
  const named = NAMED_COLORS[v.toLowerCase()];
  if (named) return named;
  if (/^[a-z]+$/i.test(v))
    throw new HostNotImplementedError(`${where} = "${v}" (HTML colour names beyond the basic ones)`);
  return null;
}

function live(f: FormatModel, location: string): FormatModel {
  if (f.deleted || f.owner.deleted) throw richError("ItemNotFound", location);
  return f;
}

function writable(sheet: SheetState, location: string): void {
  if (sheet.protected) throw richError("AccessDenied", location);
}

/** A bound / criterion from the API, checked; `kinds` are the types allowed at that end. */
function bound(v: unknown, kinds: readonly BoundType[], location: string): Bound {
  if (typeof v !== "object" || v === null) throw richError("InvalidArgument", location);
  const o = v as { type?: unknown; formula?: unknown };
  if (typeof o.type !== "string" || !(kinds as readonly string[]).includes(o.type))
    throw richError("InvalidArgument", location);
  const type = o.type as BoundType;
  if (type === "Automatic" || type === "LowestValue" || type === "HighestValue") return { type, formula: null };
  if (typeof o.formula === "number" && Number.isFinite(o.formula)) return check(type, String(o.formula), location);
  if (typeof o.formula !== "string" || o.formula.trim() === "") throw richError("InvalidArgument", location);
  return check(type, o.formula.trim(), location);
}

function check(type: BoundType, formula: string, location: string): Bound {
  if (formula.startsWith("=")) return { type, formula };
  if (type === "Formula") return { type, formula: `=${formula}` };
  const n = Number(formula);
  if (!Number.isFinite(n)) throw richError("InvalidArgument", location);
  if ((type === "Percent" || type === "Percentile") && (n < 0 || n > 100)) throw richError("InvalidArgument", location);
  return { type, formula };
}

function boundOut(b: Bound): { [k: string]: Json } {
  return b.formula === null ? { type: b.type } : { type: b.type, formula: b.formula };
}

const LOWER_TYPES = BOUND_TYPES.filter((t) => t !== "HighestValue");
const UPPER_TYPES = BOUND_TYPES.filter((t) => t !== "LowestValue");
const CRITERION_TYPES = BOUND_TYPES.filter((t) => t !== "Automatic");

// ---- ConditionalFormatCollection ------------------------------------------------------------------------

export class ConditionalFormatCollection extends CollectionObject<RangeTarget, FormatModel, ConditionalFormat> {
  constructor(ctx: HostContext, parent: Resolvable<unknown>) {
    super(ctx, "Range.conditionalFormats", parent, (t) => {
      const r = t as RangeTarget;
      if (r.sheet.deleted) throw richError("ItemNotFound", "Range.conditionalFormats");
      return r;
    });
  }
  get _typeName(): string {
    return "ConditionalFormatCollection";
  }
  _list(t: RangeTarget): FormatModel[] {
    return t.sheet.objects.formats.filter((f) => f.ranges.some((r) => intersects(r, t.rect)));
  }
  _itemProxy(item: FormatModel): ConditionalFormat {
    const f = new ConditionalFormat(this._ctx, "ConditionalFormatCollection.items");
    f._target = item;
    f._isNull = false;
    return f;
  }
  _prototypeItem(): ConditionalFormat {
    return new ConditionalFormat(this._ctx, "ConditionalFormatCollection.items");
  }

  /** "Adds a new conditional format to the collection at the first/top priority." */
  add(type: string): ConditionalFormat {
    const location = "ConditionalFormatCollection.add";
    if (FORMAT_TYPES.includes(type) && type !== "DataBar" && type !== "ColorScale")
      throw new HostNotImplementedError(`${location}("${type}")`);
    return this._instantiate(
      new ConditionalFormat(this._ctx, location),
      "add",
      [String(type)],
      (t) => {
        if (type !== "DataBar" && type !== "ColorScale") throw richError("InvalidArgument", location);
        writable(t.sheet, location);
        const rule: DataBarRule | ColorScaleRule =
          type === "DataBar"
            ? {
                kind: "DataBar",
                lower: { type: "Automatic", formula: null },
                upper: { type: "Automatic", formula: null },
                fillColor: DATA_BAR_BLUE,
                showDataBarOnly: false,
              }
            : structuredClone({ kind: "ColorScale", ...DEFAULT_COLOR_SCALE });
        const model: FormatModel = {
          id: newObjectId(3),
          owner: t.sheet,
          ranges: [{ ...t.rect }],
          rule,
          deleted: false,
        };
        t.sheet.objects.formats.unshift(model);
        return model;
      },
      false
    );
  }

  /** "Clears all conditional formats active on the current specified range." */
  clearAll(): void {
    this._method("clearAll", [], (t) => {
      const list = this._list(t);
      if (list.length > 0) writable(t.sheet, "ConditionalFormatCollection.clearAll");
      for (const f of list) {
        f.ranges = f.ranges.flatMap((r) => subtract(r, t.rect));
        if (f.ranges.length === 0) removeFormat(f);
      }
    });
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return this._countResult("ConditionalFormatCollection.getCount", [], (t) => this._list(t).length);
  }
  getItem(id: string): ConditionalFormat {
    return this._instantiate(
      new ConditionalFormat(this._ctx, "ConditionalFormatCollection.getItem"),
      "getItem",
      [id],
      (t) => this._list(t).find((f) => f.id === id) ?? null,
      false
    );
  }
  getItemOrNullObject(id: string): ConditionalFormat {
    return this._instantiate(
      new ConditionalFormat(this._ctx, "ConditionalFormatCollection.getItemOrNullObject"),
      "getItemOrNullObject",
      [id],
      (t) => this._list(t).find((f) => f.id === id) ?? null,
      true
    );
  }
  getItemAt(index: number): ConditionalFormat {
    return this._instantiate(
      new ConditionalFormat(this._ctx, "ConditionalFormatCollection.getItemAt"),
      "getItemAt",
      [index],
      (t) => {
        const list = this._list(t);
        if (!Number.isInteger(index) || index < 0 || index >= list.length)
          throw richError("InvalidArgument", "ConditionalFormatCollection.getItemAt");
        return list[index];
      },
      false
    );
  }
}

function removeFormat(f: FormatModel): void {
  f.deleted = true;
  const list = f.owner.objects.formats;
  const i = list.indexOf(f);
  if (i >= 0) list.splice(i, 1);
}

/** Removes the conditional formats' hold on the cells of `rect` (Range.clear of formats, sheet deletion …). */
export function clearFormatsIn(sheet: SheetState, rect: Rect): void {
  for (const f of [...sheet.objects.formats]) {
    if (!f.ranges.some((r) => intersects(r, rect))) continue;
    f.ranges = f.ranges.flatMap((r) => subtract(r, rect));
    if (f.ranges.length === 0) removeFormat(f);
  }
}

// ---- ConditionalFormat ----------------------------------------------------------------------------------

const NOT_PERMITTED = "This operation is not permitted for the current object.";

export class ConditionalFormat extends BoundObject<FormatModel> {
  private _navs = new Map<string, Loadable & { _typeName: string }>();

  get _typeName(): string {
    return "ConditionalFormat";
  }
  _scalarReaders(): Record<string, (f: FormatModel) => Json> {
    return {
      id: (f) => live(f, "ConditionalFormat.id").id,
      type: (f) => live(f, "ConditionalFormat.type").rule.kind,
      priority: (f) => live(f, "ConditionalFormat.priority").owner.objects.formats.indexOf(f),
      stopIfTrue: (f) => (live(f, "ConditionalFormat.stopIfTrue"), null),
    };
  }
  override _navProps(): Record<string, () => Loadable> {
    const out: Record<string, () => Loadable> = {
      dataBar: () => this.dataBar,
      dataBarOrNullObject: () => this.dataBarOrNullObject,
      colorScale: () => this.colorScale,
      colorScaleOrNullObject: () => this.colorScaleOrNullObject,
    };
    for (const name of OTHER_KINDS) {
      out[name] = () => this._other(name, false);
      out[`${name}OrNullObject`] = () => this._other(name, true);
    }
    return out;
  }

  get id(): string {
    return this._get("id");
  }
  get type(): string {
    return this._get("type");
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  get priority(): number {
    return this._get("priority");
  }
  /**
   * "Changing this also changes other conditional formats' priorities … Use a negative priority to begin from the
   * back. Priorities greater than the bounds will get and set to the maximum (or minimum if negative) priority."
   */
  set priority(v: number) {
    this._setProp("priority", v, (f, x) => {
      live(f, "ConditionalFormat.priority");
      if (typeof x !== "number" || !Number.isInteger(x))
        throw richError("InvalidArgument", "ConditionalFormat.priority");
      writable(f.owner, "ConditionalFormat.priority");
      const list = f.owner.objects.formats;
      list.splice(list.indexOf(f), 1);
      const at = x < 0 ? Math.max(0, list.length + 1 + x) : Math.min(x, list.length);
      list.splice(at, 0, f);
    });
  }

  private _nav<T extends Loadable & { _typeName: string }>(key: string, make: () => T): T {
    let n = this._navs.get(key);
    if (!n) this._navs.set(key, (n = make()));
    return n as T;
  }
  get dataBar(): DataBarConditionalFormat {
    return this._nav("dataBar", () => new DataBarConditionalFormat(this._ctx, this, "DataBar", false));
  }
  get dataBarOrNullObject(): DataBarConditionalFormat {
    return this._nav("dataBarOrNullObject", () => new DataBarConditionalFormat(this._ctx, this, "DataBar", true));
  }
  get colorScale(): ColorScaleConditionalFormat {
    return this._nav("colorScale", () => new ColorScaleConditionalFormat(this._ctx, this, "ColorScale", false));
  }
  get colorScaleOrNullObject(): ColorScaleConditionalFormat {
    return this._nav(
      "colorScaleOrNullObject",
      () => new ColorScaleConditionalFormat(this._ctx, this, "ColorScale", true)
    );
  }
  private _other(name: string, orNull: boolean): OtherKindFormat {
    const key = orNull ? `${name}OrNullObject` : name;
    return this._nav(key, () => new OtherKindFormat(this._ctx, this, name, orNull));
  }
  get custom(): OtherKindFormat {
    return this._other("custom", false);
  }
  get customOrNullObject(): OtherKindFormat {
    return this._other("custom", true);
  }
  get cellValue(): OtherKindFormat {
    return this._other("cellValue", false);
  }
  get cellValueOrNullObject(): OtherKindFormat {
    return this._other("cellValue", true);
  }
  get iconSet(): OtherKindFormat {
    return this._other("iconSet", false);
  }
  get iconSetOrNullObject(): OtherKindFormat {
    return this._other("iconSet", true);
  }
  get preset(): OtherKindFormat {
    return this._other("preset", false);
  }
  get presetOrNullObject(): OtherKindFormat {
    return this._other("preset", true);
  }
  get textComparison(): OtherKindFormat {
    return this._other("textComparison", false);
  }
  get textComparisonOrNullObject(): OtherKindFormat {
    return this._other("textComparison", true);
  }
  get topBottom(): OtherKindFormat {
    return this._other("topBottom", false);
  }
  get topBottomOrNullObject(): OtherKindFormat {
    return this._other("topBottom", true);
  }

  delete(): void {
    this._method("delete", [], (f) => {
      writable(live(f, "ConditionalFormat.delete").owner, "ConditionalFormat.delete");
      removeFormat(f);
    });
  }

  /** "Returns the range the conditional format is applied to. Throws an error if … applied to multiple ranges." */
  getRange(): Range {
    return this._rangeOf("getRange", false);
  }
  getRangeOrNullObject(): Range {
    return this._rangeOf("getRangeOrNullObject", true);
  }
  private _rangeOf(name: string, orNull: boolean): Range {
    const location = `ConditionalFormat.${name}`;
    return this._instantiate(
      new Range(this._ctx, location),
      name,
      [],
      (f): RangeTarget | null => {
        live(f, location);
        if (f.ranges.length !== 1) {
          if (orNull) return null;
          throw richError("InvalidOperation", location);
        }
        return { sheet: f.owner, rect: { ...f.ranges[0] } };
      },
      orNull
    );
  }
}

const OTHER_KINDS = ["custom", "cellValue", "iconSet", "preset", "textComparison", "topBottom"];

/** The type-specific part of a format: a null object (or a failing one) when the format is of another type. */
abstract class KindFormat<R> extends NavObject<R, FormatModel> {
  constructor(ctx: HostContext, parent: ConditionalFormat, kind: string, orNull: boolean) {
    super(ctx, `ConditionalFormat.${kind}`, parent, (f) => {
      live(f, `ConditionalFormat.${kind}`);
      if (f.rule.kind === kind) return f as unknown as R;
      if (orNull) return null;
      throw new RichApiError("InvalidOperation", {
        errorLocation: `ConditionalFormat.${kind}`,
        message: NOT_PERMITTED,
      });
    });
  }
}

/** The properties of format types the host does not implement: every use fails (no format of the type exists). */
export class OtherKindFormat extends KindFormat<FormatModel> {
  get _typeName(): string {
    return "ConditionalFormatOfAnotherType";
  }
  _scalarReaders(): Record<string, (f: FormatModel) => Json> {
    return {};
  }
}

// ---- DataBarConditionalFormat ---------------------------------------------------------------------------

type DataBarFormat = FormatModel & { rule: DataBarRule };

export class DataBarConditionalFormat extends KindFormat<DataBarFormat> {
  private _positive?: ConditionalDataBarPositiveFormat;
  get _typeName(): string {
    return "DataBarConditionalFormat";
  }
  _scalarReaders(): Record<string, (f: DataBarFormat) => Json> {
    return {
      lowerBoundRule: (f) => boundOut(f.rule.lower),
      upperBoundRule: (f) => boundOut(f.rule.upper),
      showDataBarOnly: (f) => f.rule.showDataBarOnly,
    };
  }
  override _navProps(): Record<string, () => Loadable> {
    return { positiveFormat: () => this.positiveFormat };
  }
  get lowerBoundRule(): Excel.ConditionalDataBarRule {
    return this._get("lowerBoundRule");
  }
  set lowerBoundRule(v: Excel.ConditionalDataBarRule) {
    const location = "DataBarConditionalFormat.lowerBoundRule";
    this._setProp("lowerBoundRule", v, (f, x) => {
      writable(f.owner, location);
      f.rule.lower = bound(x, LOWER_TYPES, location);
    });
  }
  get upperBoundRule(): Excel.ConditionalDataBarRule {
    return this._get("upperBoundRule");
  }
  set upperBoundRule(v: Excel.ConditionalDataBarRule) {
    const location = "DataBarConditionalFormat.upperBoundRule";
    this._setProp("upperBoundRule", v, (f, x) => {
      writable(f.owner, location);
      f.rule.upper = bound(x, UPPER_TYPES, location);
    });
  }
  get showDataBarOnly(): boolean {
    return this._get("showDataBarOnly");
  }
  set showDataBarOnly(v: boolean) {
    const location = "DataBarConditionalFormat.showDataBarOnly";
    this._setProp("showDataBarOnly", v, (f, x) => {
      if (typeof x !== "boolean") throw richError("InvalidArgument", location);
      writable(f.owner, location);
      f.rule.showDataBarOnly = x;
    });
  }
  get positiveFormat(): ConditionalDataBarPositiveFormat {
    if (!this._positive)
      this._positive = new ConditionalDataBarPositiveFormat(
        this._ctx,
        "DataBarConditionalFormat.positiveFormat",
        this,
        (f) => f as DataBarFormat
      );
    return this._positive;
  }
}

export class ConditionalDataBarPositiveFormat extends NavObject<DataBarFormat, DataBarFormat> {
  get _typeName(): string {
    return "ConditionalDataBarPositiveFormat";
  }
  _scalarReaders(): Record<string, (f: DataBarFormat) => Json> {
    return { fillColor: (f) => f.rule.fillColor };
  }
  /** "HTML color code representing the fill color, in the form #RRGGBB (e.g. "FFA500") or as a named HTML color." */
  get fillColor(): string {
    return this._get("fillColor");
  }
  set fillColor(v: string) {
    const location = "ConditionalDataBarPositiveFormat.fillColor";
    const c = color(v, location);
    this._setProp("fillColor", v, (f) => {
      if (c === null) throw richError("InvalidArgument", location);
      writable(f.owner, location);
      f.rule.fillColor = c;
    });
  }
}

// ---- ColorScaleConditionalFormat ------------------------------------------------------------------------

type ColorScaleFormat = FormatModel & { rule: ColorScaleRule };

function pointOut(p: ColorPoint): { [k: string]: Json } {
  return { ...boundOut(p), color: p.color };
}

export class ColorScaleConditionalFormat extends KindFormat<ColorScaleFormat> {
  get _typeName(): string {
    return "ColorScaleConditionalFormat";
  }
  _scalarReaders(): Record<string, (f: ColorScaleFormat) => Json> {
    return {
      criteria: (f) => {
        const out: { [k: string]: Json } = { minimum: pointOut(f.rule.minimum), maximum: pointOut(f.rule.maximum) };
        if (f.rule.midpoint) out.midpoint = pointOut(f.rule.midpoint);
        return out;
      },
      threeColorScale: (f) => f.rule.midpoint !== null,
    };
  }
  get threeColorScale(): boolean {
    return this._get("threeColorScale");
  }
  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this._get("criteria");
  }
  /** "The criteria of the color scale. Midpoint is optional when using a two point color scale." */
  set criteria(v: Excel.ConditionalColorScaleCriteria) {
    const location = "ColorScaleConditionalFormat.criteria";
    const colors: Partial<Record<"minimum" | "midpoint" | "maximum", string | null>> = {};
    if (typeof v === "object" && v !== null) {
      for (const k of ["minimum", "midpoint", "maximum"] as const) {
        const p = (v as unknown as Record<string, { color?: unknown } | null | undefined>)[k];
        if (p && p.color !== undefined) colors[k] = color(p.color, location);
      }
    }
    this._setProp("criteria", v, (f, x) => {
      if (typeof x !== "object" || x === null) throw richError("InvalidArgument", location);
      const o = x as Record<string, unknown>;
      const point = (
        k: "minimum" | "midpoint" | "maximum",
        kinds: readonly BoundType[],
        old: ColorPoint
      ): ColorPoint => {
        const b = bound(o[k], kinds, location);
        const c = colors[k];
        if (c === null) throw richError("InvalidArgument", location);
        return { ...b, color: c ?? old.color };
      };
      const rule = f.rule;
      const minimum = point(
        "minimum",
        CRITERION_TYPES.filter((t) => t !== "HighestValue"),
        rule.minimum
      );
      const maximum = point(
        "maximum",
        CRITERION_TYPES.filter((t) => t !== "LowestValue"),
        rule.maximum
      );
      const mid = o.midpoint;
      const midpoint =
        mid === undefined || mid === null
          ? null
          : point("midpoint", CRITERION_TYPES, rule.midpoint ?? (DEFAULT_COLOR_SCALE.midpoint as ColorPoint));
      writable(f.owner, location);
      f.rule.minimum = minimum;
      f.rule.midpoint = midpoint;
      f.rule.maximum = maximum;
    });
  }
}
