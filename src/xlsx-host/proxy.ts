/**
 * The proxy-object model of the Excel JavaScript API, as the Office.js client library implements
 * it (read in node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js and described in
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 *
 * - Methods return fresh proxies at once; nothing is read from the workbook until `sync()`.
 *   Each proxy created by a method is "instantiated" by a queued action, so `getItem` of a missing
 *   sheet fails the next sync with ItemNotFound even if nothing is loaded from it.
 * - `load()` queues a query; reading a property that was neither loaded+synced nor set throws
 *   synchronously RichApi.Error PropertyNotLoaded (`Utility.throwIfNotLoaded`).
 * - Setting a property queues a SetProperty action and keeps the value locally, so reading it
 *   back before sync returns what was set (the `m_values = value` in the Range.values setter).
 * - `isNullObject` is known after the sync that instantiated the proxy (no load needed); read
 *   before that it throws PropertyNotLoaded. Properties of a null object read as undefined.
 */
import { HostNotImplementedError, RichApiError, propertyNotLoaded, richError } from "./errors";
import type { HostContext } from "./context";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** What a load selects on one object: its scalar properties and, per navigation property, a sub-selection. */
export interface Selection {
  scalars: Set<string>;
  navs: Map<string, Selection>;
}

export function emptySelection(): Selection {
  return { scalars: new Set(), navs: new Map() };
}

/** One queued action of a batch. */
export interface Op {
  /** JSON-able description sent "over the wire": counted for the request payload. */
  wire: Json;
  /** Runs the action against the workbook, in queue order, at sync. Throws RichApiError on failure. */
  run(): void;
  /** Loaded data for the response payload (set by run), if the action returns any. */
  response?: Json;
  /** Hands the response to the proxies, after a sync whose response was accepted. */
  deliver?(): void;
}

type LoadArg =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; [k: string]: unknown }
  | undefined
  | null;

/** Office.js `CommonUtility._parseSelectExpand`: "items" → all, "items/x" → "x". */
function splitPaths(s: string): string[] {
  const out: string[] = [];
  for (const raw of s.split(",")) {
    let p = raw.trim();
    const lower = p.toLowerCase();
    if (lower === "items" || lower === "items/") p = "*";
    else if (lower.startsWith("items/") || lower.startsWith("items.")) p = p.slice(6);
    p = p.replace(/[/.]items[/.]/gi, "/");
    if (p.length > 0) out.push(p);
  }
  return out;
}

function flattenStrict(obj: Record<string, unknown>, prefix: string, out: string[]): void {
  for (const [k, v] of Object.entries(obj)) {
    if (k === "$all") {
      if (v) out.push(prefix + "*");
      continue;
    }
    if (k.startsWith("$")) continue;
    if (v === true) out.push(prefix + k);
    else if (v && typeof v === "object") flattenStrict(v as Record<string, unknown>, `${prefix}${k}/`, out);
  }
}

/** The property paths a `load(...)` argument asks for (ClientRequestContextBase._parseQueryOption). */
export function loadPaths(option: LoadArg): string[] {
  if (option === undefined || option === null) return ["*"];
  if (typeof option === "string") {
    const p = splitPaths(option);
    return p.length ? p : ["*"];
  }
  if (Array.isArray(option)) return option.flatMap((s) => splitPaths(String(s)));
  if (typeof option === "object") {
    if ("select" in option || "expand" in option) {
      const out: string[] = [];
      const sel = option.select;
      const exp = option.expand;
      if (typeof sel === "string") out.push(...splitPaths(sel));
      else if (Array.isArray(sel)) out.push(...sel);
      if (typeof exp === "string") out.push(...splitPaths(exp).map((p) => `${p}/*`));
      else if (Array.isArray(exp)) out.push(...exp.map((p) => `${p}/*`));
      return out.length ? out : ["*"];
    }
    const out: string[] = [];
    flattenStrict(option as Record<string, unknown>, "", out);
    return out.length ? out : ["*"];
  }
  throw new RichApiError("InvalidArgument", {
    message: "The argument 'option' doesn't work for this situation, is missing, or isn't in the right format.",
  });
}

/** What loads need from any proxy (independent of its target type). */
export interface Loadable {
  _select(paths: string[], sel?: Selection): Selection;
  _compute(sel: Selection): Json;
  _apply(sel: Selection, data: Json): void;
}

/** Anything whose target can be resolved at sync time. */
export interface Resolvable<T> {
  _resolve(): T | null;
}

export abstract class HostObject<T> {
  /** @internal */ readonly _ctx: HostContext;
  /** @internal */ readonly _serial: number;
  /** @internal */ _target: T | null | undefined = undefined;
  /** @internal */ _isNull: boolean | undefined = undefined;
  /** @internal */ _props: Record<string, unknown> = {};
  /** @internal */ readonly _location: string;

  constructor(ctx: HostContext, location: string) {
    this._ctx = ctx;
    this._serial = ctx._nextSerial();
    this._location = location;
  }

  /** Type name used in error locations ("Range", "Worksheet"...). */
  abstract get _typeName(): string;
  /** Scalar properties this host can load, with their readers (run at sync time). */
  abstract _scalarReaders(): Record<string, (t: T) => Json>;
  /** Navigation properties this host supports (format, protection, tables...). */
  _navProps(): Record<string, () => Loadable> {
    return {};
  }
  /** Resolves the target at sync time. Method-created proxies are resolved by their instantiate action. */
  abstract _resolve(): T | null;

  get context(): Excel.RequestContext {
    return this._ctx as unknown as Excel.RequestContext;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(null, "isNullObject");
    return this._isNull;
  }

  /** @internal Reads a loaded (or locally set) property, as the Office.js getters do. */
  _get<V>(name: string): V {
    if (!(name in this._props)) {
      if (this._isNull === true) return undefined as unknown as V;
      throw propertyNotLoaded(this._typeName, name);
    }
    return this._props[name] as V;
  }

  /** @internal Resolves the target or fails the op with ItemNotFound (null object / deleted item). */
  _require(location: string): T {
    const t = this._resolve();
    if (t === null || t === undefined) throw richError("ItemNotFound", location);
    return t;
  }

  /** @internal Queues a property write. */
  _setProp(name: string, value: unknown, apply: (t: T, v: unknown) => void): void {
    this._ctx._ensureOpen();
    this._props[name] = value;
    const location = `${this._typeName}.${name}`;
    this._ctx._enqueue({
      wire: { a: "set", o: this._serial, p: name, v: value as Json },
      run: () => apply(this._require(location), value),
    });
  }

  /** @internal Queues a method call with no returned object. */
  _method(name: string, args: Json[], apply: (t: T) => void): void {
    this._ctx._ensureOpen();
    const location = `${this._typeName}.${name}`;
    this._ctx._enqueue({
      wire: { a: "call", o: this._serial, m: name, v: args },
      run: () => apply(this._require(location)),
    });
  }

  /** @internal Queues the instantiation of a proxy returned by a method. */
  _instantiate<U, C extends { _target: U | null | undefined; _isNull: boolean | undefined; readonly _serial: number }>(
    child: C,
    name: string,
    args: Json[],
    resolve: (t: T) => U | null,
    orNull: boolean
  ): C {
    this._ctx._ensureOpen();
    const location = `${this._typeName}.${name}`;
    let attempted = false;
    const run = (): void => {
      if (attempted) return;
      attempted = true;
      const parent = this._resolve();
      let t: U | null;
      if (parent === null || parent === undefined) {
        if (!orNull) throw richError("ItemNotFound", location);
        t = null;
      } else {
        try {
          t = resolve(parent);
        } catch (e) {
          if (orNull && e instanceof RichApiError && e.code === "ItemNotFound") t = null;
          else throw e;
        }
        if (t === null && !orNull) throw richError("ItemNotFound", location);
      }
      child._target = t;
      child._isNull = t === null;
    };
    // If the action never runs (its sync failed before reaching it), the next use instantiates it
    // then, as Office.js re-sends a path whose instantiation result it never received. An action
    // that ran and failed is not retried (a failed `add` is not added later).
    (child as unknown as { _instantiator?: () => void })._instantiator = run;
    this._ctx._enqueue({ wire: { a: "new", o: child._serial, from: this._serial, m: name, v: args }, run });
    return child;
  }

  /** @internal Turns load paths into a selection, validating names synchronously. */
  _select(paths: string[], sel: Selection = emptySelection()): Selection {
    const readers = this._scalarReaders();
    const navs = this._navProps();
    for (const path of paths) {
      const parts = path.split(/[/.]/).filter((p) => p.length > 0);
      if (parts.length === 0) continue;
      const [head, ...rest] = parts;
      if (head === "*") {
        for (const k of this._defaultLoad()) sel.scalars.add(k);
        continue;
      }
      if (head in readers) {
        if (rest.length) throw new RichApiError("InvalidArgument", { errorLocation: `${this._typeName}.load` });
        sel.scalars.add(head);
        continue;
      }
      if (head in navs) {
        const nav = navs[head]();
        const sub = sel.navs.get(head) ?? emptySelection();
        nav._select(rest.length ? [rest.join("/")] : ["*"], sub);
        sel.navs.set(head, sub);
        continue;
      }
      throw new HostNotImplementedError(
        `${this._typeName}.load("${head}") (supported: ${[...Object.keys(readers), ...Object.keys(navs)].join(", ")})`
      );
    }
    return sel;
  }

  /** Scalars loaded by `load()` without arguments. */
  _defaultLoad(): string[] {
    return Object.keys(this._scalarReaders());
  }

  /** @internal Computes a load result at sync time (throws RichApiError for e.g. too many cells). */
  _compute(sel: Selection): Json {
    const t = this._resolve();
    if (t === null || t === undefined) return null;
    const readers = this._scalarReaders();
    const out: { [k: string]: Json } = {};
    for (const k of sel.scalars) out[k] = readers[k](t);
    if (sel.navs.size) {
      const navs = this._navProps();
      for (const [k, sub] of sel.navs) out[k] = navs[k]()._compute(sub);
    }
    return out;
  }

  /** @internal Applies a load result to this proxy. */
  _apply(sel: Selection, data: Json): void {
    if (data === null) {
      this._isNull = true;
      return;
    }
    this._isNull = false;
    const obj = data as { [k: string]: Json };
    for (const k of sel.scalars) this._props[k] = this._revive(k, obj[k]);
    if (sel.navs.size) {
      const navs = this._navProps();
      for (const [k, sub] of sel.navs) navs[k]()._apply(sub, obj[k]);
    }
  }

  /** Hook to turn a loaded JSON value into the client value (Setting dates). */
  _revive(_name: string, v: Json): unknown {
    return v;
  }

  load(option?: LoadArg): this {
    this._ctx._ensureOpen();
    const sel = this._select(loadPaths(option));
    const op: Op = {
      wire: { a: "load", o: this._serial, s: [...sel.scalars, ...sel.navs.keys()] },
      run: () => {
        op.response = this._compute(sel);
      },
      deliver: () => this._apply(sel, op.response ?? null),
    };
    this._ctx._enqueue(op);
    return this;
  }

  /** Office.js objects serialise their loaded properties. */
  toJSON(): Record<string, unknown> {
    return { ...this._props };
  }

  /** `range.untrack()` / `context.trackedObjects.remove(range)`: no effect on this host. */
  untrack(): this {
    return this;
  }
}

/** Proxy whose target is derived from its parent's target (navigation properties). */
export abstract class NavObject<T, P> extends HostObject<T> {
  constructor(
    ctx: HostContext,
    location: string,
    readonly _parent: Resolvable<P>,
    private readonly _derive: (p: P) => T | null
  ) {
    super(ctx, location);
  }

  _resolve(): T | null {
    const p = this._parent._resolve();
    if (p === null || p === undefined) return null;
    return this._derive(p);
  }
}

/** Proxy whose target is set by an instantiate action or by a collection load. */
export abstract class BoundObject<T> extends HostObject<T> {
  /** @internal the instantiate action, when this proxy was returned by a method. */
  _instantiator?: () => void;

  _resolve(): T | null {
    if (this._target === undefined && this._instantiator) this._instantiator();
    if (this._target === undefined) return null;
    return this._target;
  }
}

/** `OfficeExtension.ClientResult<T>`: value readable after the sync that computed it. */
export class HostClientResult<V> {
  private _loaded = false;
  private _value: V | undefined;

  get value(): V {
    if (!this._loaded) throw new RichApiError("ValueNotLoaded", { errorLocation: "clientResult.value" });
    return this._value as V;
  }

  /** @internal */
  _set(v: V): void {
    this._loaded = true;
    this._value = v;
  }
}

/** The item targets a collection load saw at sync time, keyed by its response object. */
const collectionTargets = new WeakMap<object, unknown[]>();

/** Collections: `items` after load; loads apply to the items. */
export abstract class CollectionObject<T, I, IP extends HostObject<I>> extends NavObject<T, unknown> {
  /** Lists the item targets at sync time. */
  abstract _list(t: T): I[];
  /** Makes a proxy for an item target. */
  abstract _itemProxy(item: I): IP;
  /** A throwaway item proxy used to validate load paths. */
  abstract _prototypeItem(): IP;

  _scalarReaders(): Record<string, (t: T) => Json> {
    return {};
  }

  get items(): IP[] {
    return this._get<IP[]>("items");
  }

  /** getCount(…): a ClientResult filled at sync with `count` of the collection's target. */
  _countResult(location: string, args: Json[], count: (t: T) => number): OfficeExtension.ClientResult<number> {
    const result = new HostClientResult<number>();
    let n = 0;
    this._ctx._ensureOpen();
    this._ctx._enqueue({
      wire: { a: "call", o: this._serial, m: "getCount", v: args },
      run: () => {
        n = count(this._require(location));
      },
      deliver: () => result._set(n),
    });
    return result as unknown as OfficeExtension.ClientResult<number>;
  }

  override _select(paths: string[], sel: Selection = emptySelection()): Selection {
    return this._prototypeItem()._select(paths, sel);
  }

  override _compute(sel: Selection): Json {
    const t = this._resolve();
    if (t === null || t === undefined) return null;
    const targets = this._list(t);
    const res = { items: targets.map((item) => this._itemProxy(item)._compute(sel)) };
    collectionTargets.set(res, targets);
    return res;
  }

  override _apply(sel: Selection, data: Json): void {
    if (data === null) {
      this._isNull = true;
      return;
    }
    this._isNull = false;
    const targets = (collectionTargets.get(data as object) ?? []) as I[];
    const items = (data as { items: Json[] }).items;
    this._props.items = items.map((d, i) => {
      const p = this._itemProxy(targets[i]);
      p._apply(sel, d);
      return p;
    });
  }
}
