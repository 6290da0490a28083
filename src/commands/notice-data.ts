/**
 * The short outcome the ribbon command shows in a dialog (notice.html). It travels in the dialog's
 * URL, so it is plain text only; the page puts it into the DOM as text, never as HTML.
 */
import type { Lang } from "../engine/types";
import { LANGS } from "../i18n/headers";

export interface Notice {
  kind: "success" | "error";
  lang: Lang;
  title: string;
  body: string;
  /** Extra lines, e.g. "111 重要价值客户：42". */
  details: string[];
}

export const NOTICE_PARAM = "n";

export function encodeNotice(notice: Notice): string {
  return `${NOTICE_PARAM}=${encodeURIComponent(JSON.stringify(notice))}`;
}

/** The notice in a query string, or null when it is missing or malformed. */
export function decodeNotice(search: string): Notice | null {
  const raw = new URLSearchParams(search).get(NOTICE_PARAM);
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const lang = LANGS.find((l) => l === v.lang);
  if ((v.kind !== "success" && v.kind !== "error") || lang === undefined) return null;
  if (typeof v.title !== "string" || typeof v.body !== "string") return null;
  const details = Array.isArray(v.details) ? v.details.filter((d): d is string => typeof d === "string") : [];
  return { kind: v.kind, lang, title: v.title, body: v.body, details };
}
