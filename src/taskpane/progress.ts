/**
 * A run's place on the progress bar. src/excel reports stages (find → read → segment → write) with
 * done/total inside each; each stage owns a slice of the bar sized after its usual share of a run.
 */
import type { RunStage } from "../excel/types";

const SLICES: Record<string, readonly [number, number]> = {
  find: [0, 0.05],
  read: [0.05, 0.35],
  segment: [0.35, 0.65],
  write: [0.65, 1],
};

export interface RunProgress {
  stage: RunStage;
  done: number;
  total: number;
}

/** 0…1; a stage this table does not know keeps the bar where it was (`previous`). */
export function progressFraction(p: RunProgress, previous = 0): number {
  const slice = SLICES[p.stage];
  if (!slice) return previous;
  const within = p.total > 0 ? Math.min(1, Math.max(0, p.done / p.total)) : 0;
  const value = slice[0] + (slice[1] - slice[0]) * within;
  return Math.max(previous, value);
}

/** The stages in order, for "step 2 of 4". */
export const STAGES: readonly RunStage[] = ["find", "read", "segment", "write"];
