/** What src/excel offers its callers (task pane, ribbon command, CLI, playground). */
import type { CleaningReview, CleaningSummary, DuplicateResolution, FixKind } from "../engine/clean";
import type { Settings } from "../engine/config";
import type { Result } from "../engine/errors";
import type {
  ClusterSummary,
  GuardReport,
  Lang,
  RawTable,
  SegmentationResult,
  SegmentCount,
  SegmentProfile,
  TableKind,
} from "../engine/types";
import type { OwnedColumnKey } from "../i18n/headers";

export interface RunOptions {
  settings: Settings;
  /** yyyy-mm-dd; the caller resolves "today" or the workbook's setting. */
  asOf: string;
  lang: Lang;
  /** Sheet to segment; the active sheet when absent. */
  sheetName?: string;
  /** Consent to fill template columns (RFM分组, 客户类型 …) that already hold a person's values. */
  overwriteTemplateColumns?: boolean;
  /**
   * Runs the engine; defaults to src/engine's segment() on this thread. The task pane passes one that
   * runs it in a Web Worker so the pane never blocks.
   */
  segmenter?: Segmenter;
  /**
   * Keep a snapshot for "Undo last run" and roll back a run that fails half-way (default true). The CLI
   * turns it off for a CSV output: the workbook it runs on is thrown away, so neither is needed.
   */
  undo?: boolean;
  /**
   * Co-authoring: re-read, right before the first write, what the writes depend on, and refuse with SHEET_CHANGED
   * when another author changed it (recheck.ts; default true). The CLI turns it off: a local file has no co-authors.
   */
  recheck?: boolean;
  /**
   * Cleaning fixes to write into the user's cells, by kind (the pane's review step; normalise, fill,
   * merge, mask). Absent: settings.cleaning.accept (the CLI's, none by default). Written through the
   * journal (undo, rollback); rows are never deleted — duplicates are noted in the 数据质量 column.
   */
  acceptFixes?: FixKind[];
  /** Called between stages of a long run. */
  onProgress?: (stage: RunStage, done: number, total: number) => void;
}

/** What the pane's review step asks: read and clean, write nothing (preview-sheet.ts). */
export interface PreviewOptions {
  settings: Settings;
  asOf: string;
  lang: Lang;
  sheetName?: string;
  /** Runs the engine's cleanForReview; the pane passes one that runs in its Web Worker. */
  reviewer?: Reviewer;
}

export type Reviewer = (
  table: RawTable,
  settings: Settings,
  options: { asOf: string; lang: Lang }
) => Result<CleaningReview> | Promise<Result<CleaningReview>>;

/** The review of a sheet: where its table is (for cell addresses) and what cleaning found. */
export interface SheetReview {
  sheet: string;
  /** 0-based sheet row of the header row: data row i is sheet row headerRow + 1 + i. */
  headerRow: number;
  /** 0-based sheet column of the table's first column: table column j is sheet column firstColumn + j. */
  firstColumn: number;
  headers: string[];
  review: CleaningReview;
}

/** A run's cleaning, in the summary (and in the CLI's --summary JSON). */
export interface RunCleaning extends CleaningSummary {
  /** How records of the same customer were resolved. */
  resolve: DuplicateResolution;
  /** Fixes written into the user's cells: the kinds, and cells per kind. */
  applied: { kinds: FixKind[]; cells: number; byKind: Partial<Record<FixKind, number>> };
  /** Rows with a note in the 数据质量 column. */
  notedRows: number;
  /** Customers without any purchase record, classed 新客户. */
  noPurchaseCustomers: number;
  /** Customers kept out of threshold estimation as outliers. */
  excludedCustomers: number;
}

export type Segmenter = (
  table: RawTable,
  settings: Settings,
  options: { asOf: string; lang: Lang }
) => Result<SegmentationResult> | Promise<Result<SegmentationResult>>;

export type RunStage = "find" | "read" | "segment" | "write";

export interface RunSummary {
  sheet: string;
  /** 1-based row number of the header row, as Excel shows it. */
  headerRow: number;
  kind: TableKind;
  /** Data rows read. */
  rows: number;
  customers: number;
  /** Field key → header text. */
  fields: Record<string, string>;
  rfm: { asOf: string; scoring: string; split: string };
  segments: SegmentCount[];
  /** K-means: k, silhouette, sizes and names per cluster …; null when clustering was off or not possible. */
  clusters: ClusterSummary | null;
  /** 客户细分: what it was made of and which small groups were merged into 其他 (the guard). */
  guard: GuardReport;
  /** Size, share, means, top values and persona of every segment and every cluster. */
  profiles: { segments: SegmentProfile[]; clusters: SegmentProfile[] };
  report: { rowsWithoutId: number; unparsedCells: number };
  /** Cleaning: what it found {duplicates, filled, outliers, unparsed, excluded} and what the run applied. */
  cleaning: RunCleaning;
  written: {
    /** Owned column key → header, on the segmented sheet. */
    columns: Partial<Record<OwnedColumnKey, string>>;
    /** Address of each written column's data, e.g. "客户表!K4:K203" (for "select in workbook" links). */
    columnAddresses: Partial<Record<OwnedColumnKey, string>>;
    rfmSheet: { name: string; columns: Partial<Record<OwnedColumnKey, string>> };
    /** The sheet holding the strategy tracker (表3 layout): the team's own tracker when found, else the add-in's. */
    trackerSheet: string;
    /** Review between runs: the migration sheet when an earlier period existed, and the hidden history. */
    migration: { sheet: string | null; previousAsOf: string | null; historySheet: string };
    /** The segment summary sheet (size, share, means, persona per segment, a chart of segment sizes). */
    summarySheet: string;
    sheets: string[];
  };
}
