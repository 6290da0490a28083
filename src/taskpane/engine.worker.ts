/**
 * The engine's Web Worker: src/engine runs here, off the page's thread, so the pane stays responsive
 * while a large sheet is segmented. Started by engine/client.ts (new Worker(new URL(...))).
 */
import { handleEngineRequest, transferables } from "./engine/handler";
import type { EngineRequest } from "./engine/protocol";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<EngineRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const response = handleEngineRequest(event.data);
  scope.postMessage(response, transferables(response));
};
