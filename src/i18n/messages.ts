/** Turns a coded error into one sentence in the user's language. */
import type { SegmentError } from "../engine/errors";
import type { Lang } from "../engine/types";
import { errorMessages } from "./errors";

export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => (k in params ? String(params[k]) : `{{${k}}}`));
}

export function errorMessage(error: SegmentError, lang: Lang): string {
  return `[${error.code}] ${fill(errorMessages[lang][error.code], error.params)}`;
}
