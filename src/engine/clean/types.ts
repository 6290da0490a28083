/**
 * Types of the cleaning step (标准化处理 / 数据清洗): what cleanTable finds in a RawTable, the
 * fixes it proposes, and the settings that steer it. Positions are 0-based rows of
 * RawTable.rows and 0-based columns of RawTable.headers; the caller turns them into addresses.
 */
import type { DayMonthOrder } from "../parse/date";
import type { CellValue, FieldKey, TableKind } from "../types";

/**
 * Columns cleaning reads beyond the engine's FieldMap, found by their headers (columns.ts) or
 * named in CleaningSettings.columns.
 */
export type CleanFieldKey =
  /** 统一社会信用代码 (GB 32100-2015). */
  | "creditCode"
  /** 身份证号 (GB 11643-1999). */
  | "idCard"
  /** 最后更新时间. */
  | "updatedAt"
  /** 出生年份 / Year_Birth. */
  | "birthYear"
  /** 收入 / Income: money, checked for outliers. */
  | "income"
  /** Multi-valued labels: 兴趣爱好, 品类偏好(TOP3), 历史购买品类, 核心需求标签 (merged as a union). */
  | "tags"
  /** A fixed set of values: 职业, 活跃渠道, 客户来源, 所属行业, 收入水平(区间) … */
  | "category"
  /** Province or city of an order: 省份, 收货地址. */
  | "region"
  /** 订单付款时间: blank = unpaid. */
  | "payTime"
  /** 退款金额. */
  | "refund"
  /** 订单状态. */
  | "orderStatus";

export type ColumnRole = FieldKey | CleanFieldKey;

/** How a column's cells are read. */
export type ColumnKind =
  | "id"
  | "number"
  | "date"
  | "recency"
  | "boolean"
  | "gender"
  | "city"
  | "phone"
  | "creditCode"
  | "idCard"
  | "tags"
  | "category"
  | "text";

export interface ColumnProfile {
  column: number;
  header: string;
  /** What the column holds, by its header (FieldMap first, then columns.ts); absent = unknown. */
  role?: ColumnRole;
  kind: ColumnKind;
  /** True when the kind was inferred from the values (every non-blank cell reads as that kind). */
  inferred?: boolean;
  /**
   * Date columns with "dd-mm-yyyy" / "mm/dd/yyyy" cells: the order they were read in, decided from
   * all the column's values (parse/date-order.ts); "ambiguous" / "conflict" = not read, reported.
   * Pass it to the engine's parseDate as `order`.
   */
  dateOrder?: DayMonthOrder | "ambiguous" | "conflict";
  /** Non-blank cells of the column. */
  filled: number;
  /** Blank cells of non-blank rows. */
  blank: number;
  /** Cells that could not be read as the column's kind. */
  unparsed: number;
}

/**
 * What cleaning reports. Kinds with a fix (normalize*, fill*, duplicate*, sameCustomer, maskPhone)
 * can be accepted one kind at a time (applyFixes).
 */
export type FindingKind =
  // the header and whole columns (row -1)
  /** A header with spaces around it ("收货地址 "). */
  | "headerSpaces"
  /** Every cell of the column holds the same value. */
  | "constantColumn"
  /** A date column whose d/m/y cells could be read one way only: the order is reported. */
  | "dateOrderDecided"
  /** A date column whose d/m/y cells all fit both orders: they are left unread until the user says. */
  | "dateOrderAmbiguous"
  /** A date column with day-first and month-first cells: left unread. */
  | "dateOrderConflict"
  /**
   * In a day-first column, a cell Excel already holds as a date whose day and month are both ≤ 12:
   * a month-first Excel turns a typed "04-09-2012" into 9 April (and leaves "21-08-2013" as text),
   * so such a date may have its day and month swapped. Flagged, not changed.
   */
  | "dateSwapSuspect"
  // cells
  /** A cell that cannot be read as its column's kind (never guessed). */
  | "unparsed"
  | "normalizeNumber"
  | "normalizeDate"
  | "normalizeBoolean"
  | "normalizeGender"
  | "normalizeCity"
  /** Spaces trimmed (and, in ids, codes and categories, full-width letters and digits made half-width). */
  | "normalizeText"
  /** A value of a small category column seen in under 0.5 % of its rows ("YOLO"). */
  | "rareCategory"
  /** An age or birth year outside the plausible range. */
  | "implausible"
  // duplicates (rows; column -1, or the key column)
  /** Rows equal in every cell. */
  | "duplicateRow"
  /** Rows equal in every cell but the customer id. */
  | "duplicateButId"
  /** Different rows with the same customer id, phone or 统一社会信用代码. */
  | "sameCustomer"
  /** A 统一社会信用代码 of the wrong form or with a wrong check character. */
  | "invalidCreditCode"
  // missing values
  /** Filled by a business rule (no purchase record → 新客户 and 0; *先生 → 男). */
  | "fillRule"
  | "fillMedian"
  | "fillUnknown"
  /** A non-blank row without a customer id (the engine leaves it out). */
  | "missingId"
  /** A blank date, or a blank amount of an order, that no rule fills. */
  | "missingValue"
  // outliers
  /** Above meanMultiple × the column's mean (the documents' 消费金额超均值3倍). */
  | "outlierMean"
  /** Outside [Q1 − k·IQR, Q3 + k·IQR]. */
  | "outlierIqr"
  // orders
  /** A cancelled order: order id "C…" among numeric ids, or a status saying 取消/关闭. */
  | "cancelled"
  /** A negative quantity or amount that is not a cancellation (a return or correction). */
  | "negativeQuantity"
  /** An order line with price or amount 0. */
  | "zeroPrice"
  /** An order without a payment time (or with a status saying 未付款). */
  | "unpaid"
  /** An order with a refund. */
  | "refund"
  // privacy
  /** A phone-number cell that is not masked (a fix masks the phone column's). */
  | "maskPhone"
  /** An unmasked mobile number anywhere in the table. */
  | "unmaskedPhone"
  /** An 18-digit resident ID number with a valid check digit. */
  | "residentId"
  /** A cell of an ID-number column that is no valid resident ID number. */
  | "invalidResidentId";

/** Kinds whose findings come with fixes. */
export type FixKind =
  | "normalizeNumber"
  | "normalizeDate"
  | "normalizeBoolean"
  | "normalizeGender"
  | "normalizeCity"
  | "normalizeText"
  | "fillRule"
  | "fillMedian"
  | "fillUnknown"
  | "duplicateRow"
  | "duplicateButId"
  | "sameCustomer"
  | "maskPhone";

export interface Finding {
  kind: FindingKind;
  /** 0-based row of RawTable.rows; -1 for the header row (a finding about a whole column). */
  row: number;
  /** 0-based column of RawTable.headers; -1 for a finding about a whole row. */
  column: number;
  /** The cell as it is (for a column finding: the header). */
  value: CellValue;
  /** A short note: what the cell was read as, the rule, the limit, the group's key … */
  detail?: string;
}

/** Why a fix changes a cell. */
export type FixRule =
  | "number"
  | "date"
  | "boolean"
  | "gender"
  | "city"
  | "text"
  | "noPurchase"
  | "title"
  | "median"
  | "unknown"
  | "keepLatest"
  | "keepFirst"
  | "merge"
  | "mask";

/** A cell to change: {row, column, before, after, rule}. */
export interface CellFix {
  op: "set";
  kind: FixKind;
  row: number;
  column: number;
  before: CellValue;
  after: CellValue;
  rule: FixRule;
}

/** A duplicate record to drop in favour of `keptRow`. */
export interface RowRemoval {
  op: "removeRow";
  kind: FixKind;
  row: number;
  keptRow: number;
  rule: FixRule;
}

export type Fix = CellFix | RowRemoval;

export type DuplicateKey = "id" | "phone" | "creditCode";

export interface DuplicateGroup {
  kind: "duplicateRow" | "duplicateButId" | "sameCustomer";
  /** Rows of the group, ascending. */
  rows: number[];
  /** sameCustomer: the keys the rows share. */
  keys?: DuplicateKey[];
  /** sameCustomer: the shared key values, e.g. "id:1001", "phone:13812345678". */
  values?: string[];
}

/** The counts the CLI's summary shows under "cleaning". */
export interface CleaningSummary {
  /** Duplicate records: rows that keep-latest or merge would remove. */
  duplicates: number;
  /** Values filled (fillRule + fillMedian + fillUnknown). */
  filled: number;
  /** Rows flagged as outliers by any rule. */
  outliers: number;
  /** Cells that could not be read. */
  unparsed: number;
  /** Rows kept out of threshold estimation (`thresholdMask`). */
  excluded: number;
}

export interface CleaningReport {
  /** The table's kind as the schema sees it (null: neither, e.g. orders without a customer id). */
  kind: TableKind | null;
  /** Rows read, blank rows included. */
  rows: number;
  blankRows: number;
  columns: ColumnProfile[];
  /** Findings per kind (cells, rows or columns as the kind says). */
  counts: Partial<Record<FindingKind, number>>;
  /** The first findings of each kind (at most CleaningSettings.sampleSize). */
  samples: Partial<Record<FindingKind, Finding[]>>;
  /** Every proposed fix, per kind. */
  fixes: Partial<Record<FixKind, Fix[]>>;
  duplicateGroups: DuplicateGroup[];
  /** Rows to keep out of threshold estimation (outliers), ascending. */
  thresholdMask: number[];
  /** Customer rows without any purchase record (the documents' 新客户), ascending. */
  newCustomerRows: number[];
  summary: CleaningSummary;
}

export type OutlierRule = "mean" | "iqr";
export type DuplicateResolution = "keepLatest" | "merge";

export interface CleaningSettings {
  duplicates: {
    /** Keys that make two rows the same customer. */
    keys: DuplicateKey[];
    /** The resolution whose fixes the report proposes (the pane may ask for the other). */
    resolve: DuplicateResolution;
  };
  missing: {
    /** Business rules first: no purchase record → 新客户 and 0; *先生/*女士 → gender. */
    rules: boolean;
    /** Blank numbers → the column's median. */
    numeric: "median" | "none";
    /** Blank categories → `unknownLabel`. */
    categorical: "unknown" | "none";
    unknownLabel: string;
    newCustomerLabel: string;
  };
  outliers: {
    rules: OutlierRule[];
    /** The documents' rule: above meanMultiple × mean. */
    meanMultiple: number;
    /** The robust rule: outside the quartiles by iqrMultiple × IQR. */
    iqrMultiple: number;
    /** Flagged rows go into `thresholdMask`. */
    excludeFromThresholds: boolean;
  };
  plausible: {
    ageMin: number;
    ageMax: number;
  };
  /** Header → how its "dd-mm-yyyy" dates are written, for columns the values leave ambiguous. */
  dateOrders: Record<string, DayMonthOrder>;
  /** Cleaning field → header, for columns the synonyms miss. */
  columns: Partial<Record<CleanFieldKey, string>>;
  /** Findings kept per kind in `samples`. */
  sampleSize: number;
  /**
   * Fix kinds to write into the user's cells (the CLI's choice; the pane asks per run). Default none:
   * a run writes only the add-in's own columns.
   */
  accept: FixKind[];
}

/**
 * How much cleanTable works out: "review" — everything, for the pane's review step; "segment" — what a
 * run needs (the figures, the summary counts, the fixes it may write), leaving out the findings that
 * are only shown (constant columns, rare values, implausible ages, order flags, privacy warnings
 * unless phones are to be masked) and, in an orders table with no normalising fix accepted, the
 * columns the engine does not read.
 */
export type CleanScope = "review" | "segment";

export interface CleanContext {
  /** The as-of date, yyyy-mm-dd: relative dates ("15天前") and ages count from it. */
  asOf: string;
}
