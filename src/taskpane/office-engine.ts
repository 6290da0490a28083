/** What the task pane and the ribbon command share over Office: the page's engine worker and the workbook's name. */
import { createEngineClient, type EngineClient } from "./engine/client";
import { spawnEngineWorker } from "./engine/spawn-worker";

let sharedEngine: EngineClient | null = null;

/** One engine worker per page, started on first use. */
export function pageEngine(): EngineClient {
  sharedEngine ??= createEngineClient(() => (typeof Worker === "undefined" ? null : spawnEngineWorker()));
  return sharedEngine;
}

/** Names this workbook in messages between the ribbon command and the pane (pane-bridge.ts). */
export function documentScope(): string {
  try {
    return Office.context.document.url ?? "";
  } catch {
    return "";
  }
}
