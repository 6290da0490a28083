/**
 * The data that crosses the engine's boundary. The engine is pure: it knows nothing of Office,
 * the DOM or Node. src/excel/read builds a RawTable from Range.values; src/excel/write writes a
 * SegmentationResult back.
 */
import type { QualityMark } from "./clean/marks";
import type { CleaningReport, DuplicateResolution, FixKind } from "./clean/types";

/** A cell as `Range.values` gives it: "" for empty, numbers (dates are serials), strings, booleans. */
export type CellValue = string | number | boolean;

/** What kind of table the sheet holds. */
export type TableKind = "customers" | "orders";

export type Lang = "zh-CN" | "zh-TW" | "en";

/** A table read from a sheet exactly as Excel returned it. */
export interface RawTable {
  /** Header cells as displayed (strings; numbers in headers are turned into their text). */
  headers: string[];
  /** Data rows below the header, each as long as `headers`. */
  rows: CellValue[][];
  /**
   * numberFormat of each column, taken from the first data row (e.g. "yyyy/m/d" tells that the
   * serial numbers of that column are dates). Optional: a missing entry means "General".
   */
  numberFormats?: string[];
  /** True when the workbook uses the 1904 date system (serials count from 1904-01-01). */
  date1904?: boolean;
}

/** Fields the engine understands; schema/ maps headers onto them. */
export type FieldKey =
  | "id"
  | "name"
  | "gender"
  | "age"
  | "city"
  | "phone"
  | "lastPurchase"
  | "recency"
  | "frequency"
  | "monetary"
  | "avgOrderValue"
  | "orderId"
  | "orderDate"
  | "amount"
  | "quantity"
  | "unitPrice"
  | "rfmCode"
  | "rfmLabel"
  | "spendTag"
  | "activityTag"
  | "needTag"
  | "segment"
  | "channel"
  | "priceSensitivity"
  | "interests"
  | "categories"
  | "notes";

/** Which column (0-based index into RawTable.headers) holds which field. */
export type FieldMap = Partial<Record<FieldKey, number>>;

/** A cell the engine could not read, with its position in the RawTable (0-based). */
export interface CellIssue {
  row: number;
  column: number;
  value: CellValue;
  /**
   * UNPARSED_NUMBER / UNPARSED_DATE: the cell holds something that is not a number / date;
   * MISSING_ID: a non-blank row without a customer id (the row is left out);
   * MISSING_VALUE: an R, F or M cell (or an order's date or amount) is blank;
   * AFTER_AS_OF: a customer table's last purchase lies after the as-of date.
   */
  code: "UNPARSED_NUMBER" | "UNPARSED_DATE" | "MISSING_ID" | "MISSING_VALUE" | "AFTER_AS_OF";
}

/** The three RFM figures by name. */
export type RfmFigureName = "recency" | "frequency" | "monetary";

/** One customer's RFM figures, tags and segment. */
export interface CustomerRfm extends CustomerTags {
  id: string;
  /** Calendar days from the last purchase to the as-of date; null when never purchased. */
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  rScore: number;
  fScore: number;
  mScore: number;
  /** "111" … "000": R, F, M high (1) or low (0). */
  rfmCode: string;
  rfmLabel: string;
  /**
   * Figures that could not be read from a customer table (blank or unreadable cell, reported in
   * `report.issues`). A missing figure ranks below every known value (score 1, "low"); its field
   * above holds null (recency) or 0 (frequency, monetary) and must not be shown as a value.
   * Absent when all three were read.
   */
  missing?: RfmFigureName[];
}

/**
 * Tags, dimensions, cluster and segment of one customer, as labels in the user's language. "" means
 * not computed (the key is not in SegmentationResult.computed, or the customer was left out, e.g. of
 * clustering for lack of a feature value); a dimension that could not be read is 未知 / Unknown.
 */
export interface CustomerTags {
  /** 客单价: the average-order-value column, else monetary ÷ frequency; null when unknown. */
  avgOrderValue: number | null;
  /** 消费能力标签 高/中/低 by 客单价. */
  spendingTag: string;
  /** 活跃度标签 高频/中频/低频 by purchases per month. */
  activityTag: string;
  /** 需求标签 价格敏感型/品质导向型/功能偏好型; "" when no rule matched. */
  needTag: string;
  /** 一线/新一线/二线/三线及以下. */
  cityTier: string;
  /** 华北/华东/华南/华中/西南/西北/东北. */
  region: string;
  /** 18-25/26-35/36-45/46+. */
  ageBand: string;
  /** 高价值/中价值/低价值 by monetary. */
  valueBand: string;
  /** Name of the customer's k-means cluster. */
  cluster: string;
  /** 客户细分: the final segment, after small groups were merged. */
  segment: string;
}

/** The per-customer values that may be computed and written as columns. */
export type CustomerValueKey = Exclude<keyof CustomerTags, "avgOrderValue">;

export interface SegmentCount {
  code: string;
  label: string;
  count: number;
}

/** What cleaning did for a segmentation (SegmentationResult.cleaning). */
export interface SegmentCleaning {
  /**
   * What cleaning found (cleanTable, scope "segment"). Its `fixes` hold only the kinds in `applied` and
   * settings.cleaning.accept: the pane's review has them all (cleanForReview).
   */
  report: CleaningReport;
  /** Fix kinds applied to what the segmentation read: the accepted ones, and the duplicate resolution. */
  applied: FixKind[];
  /** How same-customer records were resolved. */
  resolve: DuplicateResolution;
  /** Notes for the owned 数据质量 column, by row. */
  marks: QualityMark[];
  /** Customers without any purchase record, classed 新客户 (the documents' rule) instead of an RFM class. */
  noPurchaseCustomers: number;
  /** Customers kept out of threshold estimation as outliers (still scored). */
  excludedCustomers: number;
}

export interface SegmentationResult {
  kind: TableKind;
  /** Header → field mapping that was used. */
  fields: FieldMap;
  /** As-of date, ISO yyyy-mm-dd. */
  asOf: string;
  /** One entry per customer, in first-seen order. */
  customers: CustomerRfm[];
  /**
   * For every RawTable row, the index into `customers` of the customer it belongs to, or -1 for
   * a row that was left out (no customer id).
   * Also -1: blank rows, and in an orders table the rows of an id none of whose rows could be
   * counted (all dated after the as-of date or unreadable): such an id is not a customer yet.
   */
  rowCustomer: Int32Array;
  segments: SegmentCount[];
  /** Which per-customer values were computed, in column order (a value whose source is missing is not). */
  computed: CustomerValueKey[];
  /** K-means summary; null when clustering was off or not possible (report.clusterSkipped says why). */
  clusters: ClusterSummary | null;
  /** Profiles of the final segments (largest first, the merged group last) and of the clusters. */
  profiles: { segments: SegmentProfile[]; clusters: SegmentProfile[] };
  /** The cleaning the segmentation used: its report, what was applied, the 数据质量 notes. */
  cleaning: SegmentCleaning;
  report: {
    rowsRead: number;
    rowsWithoutId: number;
    issues: CellIssue[];
    /** Rows whose cells are all blank (skipped, not counted as rows without id). */
    blankRows?: number;
    /** Customer table: rows whose id repeats an earlier row (they map to the first; values ignored). */
    duplicateIdRows?: number;
    /** Orders table: rows dated after the as-of date (left out of R, F and M). */
    rowsAfterAsOf?: number;
    /** How 客户细分 was formed and which small groups were merged. */
    guard: GuardReport;
    /** Why there are no clusters: DISABLED, TOO_FEW_CUSTOMERS (fewer than 4 with features), NO_SPREAD (features constant). */
    clusterSkipped?: "DISABLED" | "TOO_FEW_CUSTOMERS" | "NO_SPREAD";
    /** How many months the activity tag divided the frequency by, and where that came from. */
    activityMonths?: {
      months: number | null;
      source: "setting" | "perMonth" | "header" | "window" | "span" | "default";
    };
  };
}

export interface ClusterCandidate {
  k: number;
  silhouette: number;
  inertia: number;
}

export interface ClusterSummary {
  k: number;
  /** Mean silhouette (sklearn's silhouette_score) of the chosen k, on the sample. */
  silhouette: number;
  /** Customers per cluster, in cluster order (largest first). */
  sizes: number[];
  /** Cluster names in the user's language, in cluster order. */
  names: string[];
  /** Feature names (headers or figure names) and how each was transformed before standardising. */
  features: Array<{ name: string; transform: "log1p" | "none" }>;
  /** Centroids in the original units of each feature, in cluster order. */
  centroids: number[][];
  /** Every k tried (one entry when k was fixed). */
  candidates: ClusterCandidate[];
  /** Customers the silhouette was computed on (all, or a seeded sample of at most a few thousand). */
  silhouetteSample: number;
  /** Customers left out for a missing feature value (their cluster is ""). */
  unclustered: number;
  seed: number;
}

/** A group named in a profile's "top" figures: its label and share of the group's known values. */
export interface TopValue {
  label: string;
  share: number;
}

export interface SegmentProfile {
  label: string;
  size: number;
  /** size ÷ all customers. */
  share: number;
  /** Means over the members whose figure is known; null when none is. */
  mean: { recencyDays: number | null; frequency: number | null; monetary: number | null; avgOrderValue: number | null };
  /** Most frequent known value among the members (ties: the first in label order); absent when unknown. */
  top: { cityTier?: TopValue; ageBand?: TopValue; channel?: TopValue };
  /** One sentence in the user's language made only of the figures above. */
  persona: string;
}

export interface GuardReport {
  by: "rfm" | "dimensions" | "cluster";
  minShare: number;
  /** Groups after merging (the merged group counts as one). */
  groups: number;
  /** The groups merged into `otherLabel`, with their sizes, largest first. */
  merged: Array<{ label: string; count: number }>;
  otherLabel: string;
  /** Fewer than 5 groups: the data does not divide further (nothing is invented to reach the target). */
  belowTarget: boolean;
  /** by "cluster" was asked for but there are no clusters: the RFM classes were used instead. */
  fellBackToRfm?: boolean;
}
