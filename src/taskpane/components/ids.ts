/** Element ids the pane moves focus to (there is one pane per page). */
export const PANE_IDS = {
  asOf: "ss-as-of",
  mapping: "ss-mapping",
  settings: "ss-settings",
  segment: "ss-segment",
  result: "ss-result",
} as const;

/** Moves focus to an element of the pane by id, if it is there. */
export function focusPaneElement(id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  el.scrollIntoView?.({ block: "nearest" });
  el.focus();
}
