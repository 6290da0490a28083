/**
 * Browser builds only (webpack.config.js substitutes this module for src/engine/pipeline where
 * src/excel/segment-sheet.ts and preview-sheet.ts import it as their default engine). Every page passes a Segmenter that
 * runs the engine in the worker, so the default is never called there; keeping it lazy keeps the
 * engine out of the pages' scripts (it is in engine-worker.js). If it is ever called, it loads the
 * engine on demand and behaves exactly like the real one.
 */
import type { CleaningReview } from "../../engine/clean";
import type { Settings } from "../../engine/config";
import type { Result } from "../../engine/errors";
import type { SegmentOptions } from "../../engine/pipeline";
import type { RawTable, SegmentationResult } from "../../engine/types";

export async function segment(
  table: RawTable,
  settings: Settings,
  opts: SegmentOptions
): Promise<Result<SegmentationResult>> {
  const engine = await import(/* webpackChunkName: "engine-inline" */ "../../engine/pipeline");
  return engine.segment(table, settings, opts);
}

export async function cleanForReview(
  table: RawTable,
  settings: Settings,
  opts: SegmentOptions
): Promise<Result<CleaningReview>> {
  const engine = await import(/* webpackChunkName: "engine-inline" */ "../../engine/pipeline");
  return engine.cleanForReview(table, settings, opts);
}
