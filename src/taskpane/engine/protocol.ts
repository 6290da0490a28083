/** Messages between the pane (or the ribbon command) and the engine worker. Plain data: structured-cloneable. */
import type { CleaningReview } from "../../engine/clean";
import type { Settings } from "../../engine/config";
import type { Result } from "../../engine/errors";
import type { Lang, RawTable, SegmentationResult } from "../../engine/types";
import type { Heatmap } from "./heatmap";
import type { TableScan } from "./inspect";

export type EngineRequest =
  | { id: number; kind: "segment"; table: RawTable; settings: Settings; options: { asOf: string; lang: Lang } }
  | { id: number; kind: "scan"; table: RawTable }
  /** The review step: what cleaning finds, nothing segmented (engine cleanForReview). */
  | { id: number; kind: "review"; table: RawTable; settings: Settings; options: { asOf: string; lang: Lang } };

export type EngineResponse =
  | { id: number; kind: "segment"; result: Result<SegmentationResult>; heatmap: Heatmap | null }
  | { id: number; kind: "scan"; scan: TableScan }
  | { id: number; kind: "review"; result: Result<CleaningReview> }
  /** The engine threw: a bug, reported as such rather than as a coded error. */
  | { id: number; kind: "crash"; message: string };
