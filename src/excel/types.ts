/** What src/excel offers its callers (task pane, ribbon command, CLI, playground). */
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
  /** Called between stages of a long run. */
  onProgress?: (stage: RunStage, done: number, total: number) => void;
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
    sheets: string[];
  };
}
