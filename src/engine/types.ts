/**
 * The data that crosses the engine's boundary. The engine is pure: it knows nothing of Office,
 * the DOM or Node. src/excel/read builds a RawTable from Range.values; src/excel/write writes a
 * SegmentationResult back.
 */

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
  | "activityTag";

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

/** One customer's RFM figures. */
export interface CustomerRfm {
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

export interface SegmentCount {
  code: string;
  label: string;
  count: number;
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
  };
}
