/**
 * The settings as the pane edits them and the workbook stores them: the JSON that
 * src/engine/config.ts parseSettings reads (the CLI's --config takes the same). Only what differs
 * from the defaults is kept, so a workbook keeps following the defaults it did not change.
 * Every form component edits one path of it; parseSettings has the last word on validity.
 */
import { parseSettings, type Settings } from "../../engine/config";
import type { SegmentError } from "../../engine/errors";

export type SettingsJson = { readonly [key: string]: unknown };
export type SettingsPath = readonly string[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function getIn(json: SettingsJson, path: SettingsPath): unknown {
  let v: unknown = json;
  for (const key of path) {
    if (!isObject(v)) return undefined;
    v = v[key];
  }
  return v;
}

/** A copy of `json` with `path` set to `value`; `undefined` removes it, and objects left empty go too. */
export function setIn(json: SettingsJson, path: SettingsPath, value: unknown): SettingsJson {
  if (path.length === 0) return isObject(value) ? value : {};
  const [key, ...rest] = path;
  const out: Record<string, unknown> = { ...json };
  const child = rest.length === 0 ? value : setIn(isObject(json[key]) ? (json[key] as SettingsJson) : {}, rest, value);
  if (child === undefined || (isObject(child) && Object.keys(child).length === 0)) delete out[key];
  else out[key] = child;
  return out;
}

export type Checked = { ok: true; settings: Settings } | { ok: false; error: SegmentError; path: string };

/** Validates through the engine's own parser. */
export function checkSettings(json: SettingsJson): Checked {
  const r = parseSettings(json);
  if (r.ok) return { ok: true, settings: r.value };
  return { ok: false, error: r.error, path: String(r.error.params?.path ?? "") };
}

/** Whether the engine accepts `value` at `path` (the form offers only what the engine supports). */
export function engineAccepts(path: SettingsPath, value: unknown): boolean {
  return parseSettings(setIn({}, path, value)).ok;
}

/** Reads stored text; anything that is not a JSON object counts as no settings, with the reason. */
export function parseStored(text: unknown): { json: SettingsJson; unreadable: boolean } {
  if (text === undefined || text === null || text === "") return { json: {}, unreadable: false };
  let v: unknown = text;
  if (typeof text === "string") {
    try {
      v = JSON.parse(text);
    } catch {
      return { json: {}, unreadable: true };
    }
  }
  return isObject(v) ? { json: v, unreadable: false } : { json: {}, unreadable: true };
}
