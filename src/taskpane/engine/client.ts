/**
 * The page's side of the engine worker: a Segmenter for src/excel's RunOptions, and the pre-scan.
 * One worker per page, started on first use and kept for later runs. When no worker can be started
 * (no Worker in this browser, a blocked script, a crash while loading), the same handler runs on the
 * page's thread instead (loaded then, as a separate script): slower to respond, but the run still happens.
 */
import type { CleaningReview } from "../../engine/clean";
import type { Settings } from "../../engine/config";
import type { Result } from "../../engine/errors";
import type { Lang, RawTable, SegmentationResult } from "../../engine/types";
import type { Reviewer, Segmenter } from "../../excel/types";
import type { Heatmap } from "./heatmap";
import type { TableScan } from "./inspect";
import type { EngineRequest, EngineResponse } from "./protocol";

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type EngineMode = "worker" | "thread";

export interface SegmentReply {
  result: Result<SegmentationResult>;
  heatmap: Heatmap | null;
}

export interface EngineClient {
  segment(table: RawTable, settings: Settings, options: { asOf: string; lang: Lang }): Promise<SegmentReply>;
  scan(table: RawTable): Promise<TableScan>;
  /** The review step's cleaning report. */
  review(table: RawTable, settings: Settings, options: { asOf: string; lang: Lang }): Promise<Result<CleaningReview>>;
  /** Where the last request ran. */
  readonly mode: EngineMode;
  dispose(): void;
}

type Body = EngineRequest extends infer R ? (R extends EngineRequest ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve(response: EngineResponse): void;
  reject(error: Error): void;
}

/** The worker went away mid-request; the request is repeated on this thread. */
class WorkerLost extends Error {}

export class EngineCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EngineCrash";
  }
}

/** `spawn` starts a worker, or returns null / throws where none can run. */
export function createEngineClient(spawn: (() => WorkerLike | null) | null): EngineClient {
  let worker: WorkerLike | null = null;
  let broken = spawn === null;
  let mode: EngineMode = broken ? "thread" : "worker";
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };

  const start = (): WorkerLike | null => {
    if (worker || broken || !spawn) return worker;
    try {
      worker = spawn();
    } catch {
      worker = null;
    }
    if (!worker) {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent) => {
      const response = event.data as EngineResponse;
      const p = pending.get(response.id);
      if (!p) return;
      pending.delete(response.id);
      p.resolve(response);
    };
    const lost = (event: ErrorEvent | Event) => {
      // The script did not load or the worker died: later requests run on this thread.
      event.preventDefault?.();
      worker?.terminate();
      worker = null;
      broken = true;
      const message = (event as { message?: unknown }).message;
      failAll(new WorkerLost(typeof message === "string" && message ? message : "the engine worker stopped"));
    };
    worker.onerror = lost;
    worker.onmessageerror = lost;
    return worker;
  };

  const inThread = async (body: Body): Promise<EngineResponse> => {
    mode = "thread";
    // Loaded only when needed: in the browser the engine lives in the worker's script.
    const { handleEngineRequest } = await import(/* webpackChunkName: "engine-inline" */ "./handler");
    return handleEngineRequest({ ...body, id: 0 } as EngineRequest);
  };

  const request = async (body: Body): Promise<EngineResponse> => {
    const w = start();
    if (!w) return inThread(body);
    const id = nextId++;
    try {
      const response = await new Promise<EngineResponse>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ ...body, id });
      });
      mode = "worker";
      return response;
    } catch (e) {
      if (e instanceof WorkerLost) return inThread(body);
      throw e;
    }
  };

  const unwrap = <K extends EngineResponse["kind"]>(response: EngineResponse, kind: K) => {
    if (response.kind === "crash") throw new EngineCrash(response.message);
    if (response.kind !== kind) throw new EngineCrash(`the engine answered ${response.kind} to ${kind}`);
    return response as Extract<EngineResponse, { kind: K }>;
  };

  return {
    async segment(table, settings, options) {
      const r = unwrap(await request({ kind: "segment", table, settings, options }), "segment");
      return { result: r.result, heatmap: r.heatmap };
    },
    async scan(table) {
      return unwrap(await request({ kind: "scan", table }), "scan").scan;
    },
    async review(table, settings, options) {
      return unwrap(await request({ kind: "review", table, settings, options }), "review").result;
    },
    get mode() {
      return mode;
    },
    dispose() {
      worker?.terminate();
      worker = null;
      failAll(new Error("the engine client was disposed"));
    },
  };
}

/**
 * A Segmenter for RunOptions that remembers the heat map of its last successful run (the summary
 * that src/excel returns has no per-customer scores).
 */
export function heatmapSegmenter(client: EngineClient): { segmenter: Segmenter; heatmap(): Heatmap | null } {
  let last: Heatmap | null = null;
  return {
    segmenter: async (table, settings, options) => {
      const reply = await client.segment(table, settings, options);
      last = reply.heatmap;
      return reply.result;
    },
    heatmap: () => last,
  };
}

/** A Reviewer for src/excel's previewSheet: the cleaning report, worked out where the engine runs. */
export const engineReviewer =
  (client: EngineClient): Reviewer =>
  (table, settings, options) =>
    client.review(table, settings, options);
