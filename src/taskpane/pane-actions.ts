/**
 * What the pane asks of its host. The task pane implements it over Excel (office-actions.ts), the
 * playground over an in-browser workbook (src/playground/host-actions.ts). Components see only this.
 */
import type { Lang } from "../engine/types";
import type { RunStage, RunSummary } from "../excel/types";

export interface SegmentRequest {
  /** yyyy-mm-dd */
  asOf: string;
  lang: Lang;
  /** The user consented to fill template columns that already hold values. */
  overwriteTemplateColumns: boolean;
  /** Called between stages of a long run, to show where it is. */
  onProgress?: (stage: RunStage, done: number, total: number) => void;
}

export interface SegmentFailure {
  ok: false;
  /** One sentence in the request's language, starting with "[CODE]". */
  message: string;
  /** An ErrorCode of src/engine/errors.ts, an Office error code, or "UNEXPECTED". */
  code: string;
}

export type SegmentOutcome = { ok: true; summary: RunSummary } | SegmentFailure;

export interface PaneActions {
  segment(opts: SegmentRequest): Promise<SegmentOutcome>;
}
