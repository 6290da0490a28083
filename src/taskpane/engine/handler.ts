/**
 * What the engine worker does with a request. A plain function, so that the same code runs in the
 * worker, on the page's thread when no worker can be started, and in the unit tests.
 */
import { cleanForReview, segment } from "../../engine/pipeline";
import { computeHeatmap } from "./heatmap";
import { scanTable } from "./inspect";
import type { EngineRequest, EngineResponse } from "./protocol";

export function handleEngineRequest(request: EngineRequest): EngineResponse {
  try {
    if (request.kind === "scan") return { id: request.id, kind: "scan", scan: scanTable(request.table) };
    if (request.kind === "review")
      return {
        id: request.id,
        kind: "review",
        result: cleanForReview(request.table, request.settings, request.options),
      };
    const result = segment(request.table, request.settings, request.options);
    return {
      id: request.id,
      kind: "segment",
      result,
      heatmap: result.ok ? computeHeatmap(result.value.customers) : null,
    };
  } catch (e) {
    return { id: request.id, kind: "crash", message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** Buffers a response can hand over instead of copying (the row → customer index). */
export function transferables(response: EngineResponse): Transferable[] {
  if (response.kind === "segment" && response.result.ok)
    return [response.result.value.rowCustomer.buffer as ArrayBuffer];
  return [];
}
