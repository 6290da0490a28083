/**
 * What the pane asks of its host. The task pane implements it over Excel (office-actions.ts), the
 * playground over an in-browser workbook (src/playground/host-actions.ts). Components see only this.
 */
import type { FixKind } from "../engine/clean";
import type { Settings } from "../engine/config";
import type { SegmentError } from "../engine/errors";
import type { Lang } from "../engine/types";
import type { RunStage, RunSummary, SheetReview } from "../excel/types";
import type { EngineMode } from "./engine/client";
import type { Heatmap } from "./engine/heatmap";
import type { TableScan } from "./engine/inspect";
import type { ExternalRunListener } from "./pane-bridge";
import type { StoredSettings } from "./settings/store";

export interface SegmentRequest {
  /** yyyy-mm-dd */
  asOf: string;
  lang: Lang;
  /** Checked settings (parseSettings of the pane's settings JSON); the run stores them in the workbook. */
  settings: Settings;
  /** The user consented to fill template columns that already hold values. */
  overwriteTemplateColumns: boolean;
  /** Cleaning fixes the user accepted in the review step, by kind (none: only the add-in's columns are written). */
  acceptFixes?: FixKind[];
  /** Called between stages of a long run, to show where it is. */
  onProgress?: (stage: RunStage, done: number, total: number) => void;
}

export interface SegmentFailure {
  ok: false;
  /** One sentence in the request's language, starting with "[CODE]". */
  message: string;
  /** An ErrorCode of src/engine/errors.ts, an Office error code, or "UNEXPECTED". */
  code: string;
  /** The coded error it was made from, when it has one (to say it again in another language). */
  error?: SegmentError;
  /** For an Office or unexpected error: what it said (not translated). */
  detail?: string;
  /** The detail came from Excel. */
  office?: boolean;
}

export interface SegmentSuccess {
  ok: true;
  summary: RunSummary;
  /** R score × F score counts; null when the engine did not give them. */
  heatmap: Heatmap | null;
  /** Where the engine ran. */
  engine?: EngineMode;
}

export type SegmentOutcome = SegmentSuccess | SegmentFailure;

/** The table found by the read-only pre-scan. */
export interface TableInspection {
  sheet: string;
  /** 1-based, as Excel shows it. */
  headerRow: number;
  scan: TableScan;
}

export type InspectOutcome = { ok: true; inspection: TableInspection } | SegmentFailure;

/** What the review step asks before anything is written. */
export interface PreviewRequest {
  asOf: string;
  lang: Lang;
  settings: Settings;
}

export type PreviewOutcome = { ok: true; review: SheetReview } | SegmentFailure;

/** "Undo last run": what the snapshot kept in the workbook put back (src/excel/undo.ts). */
export type UndoResult = { ok: true; restoredRanges: number; deletedSheets: string[] } | SegmentFailure;

/** A place in the workbook to show: a written column's cells, or a sheet. */
export type SelectTarget = { kind: "range"; address: string } | { kind: "sheet"; sheet: string };

export interface PaneActions {
  /** The settings stored in the workbook ({} when there are none). */
  loadSettings(): Promise<StoredSettings>;
  /** Finds and reads the table of the sheet to segment, changing nothing. */
  inspect(lang: Lang): Promise<InspectOutcome>;
  segment(request: SegmentRequest): Promise<SegmentOutcome>;
  /** Reads the sheet and says what cleaning finds in it, writing nothing (the review step). */
  preview?(request: PreviewRequest): Promise<PreviewOutcome>;
  /** Puts back what the last run changed, from its snapshot in the workbook (NOTHING_TO_UNDO when there is none). */
  undo?(lang: Lang): Promise<UndoResult>;
  /** Selects a range or activates a sheet in the workbook; a failure when it could not. */
  select(target: SelectTarget, lang: Lang): Promise<SegmentFailure | null>;
  /** Tells when the sheet to segment changed (another sheet activated). Returns the unsubscribe. */
  onSheetChange?(listener: () => void): () => void;
  /** Tells about runs started elsewhere (the ribbon command). Returns the unsubscribe. */
  onExternalRun?(listener: ExternalRunListener): () => void;
}
