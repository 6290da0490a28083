/** Error messages, one per ErrorCode, in every language. {{name}} placeholders take SegmentError.params. */
import type { ErrorCode } from "../engine/errors";
import type { Lang } from "../engine/types";

export const errorMessages: Record<Lang, Record<ErrorCode, string>> = {
  "zh-CN": {
    NO_TABLE_FOUND:
      "在工作表“{{sheet}}”中没有找到客户表或订单表：请确认表头行包含客户编号，以及最后购买时间/消费频次/消费金额（或订单日期和金额）。",
    NO_DATA_ROWS: "表头下面没有数据行：请在表头下方填入客户数据后再试。",
    MISSING_FIELD:
      "缺少必需的列：{{fields}}。请在面板“数据表”部分的字段映射中指定对应的表头（命令行：设置文件的 fields）。",
    NO_CUSTOMERS: "没有可以细分的客户：所有行都缺少客户编号或无法读取。",
    BAD_SETTINGS: "设置有误：{{path}}（{{reason}}）。",
    BAD_AS_OF: "分析日期“{{value}}”无效：请使用 YYYY-MM-DD 格式，例如 2024-06-01。",
    NOT_A_WORKBOOK: "无法打开文件“{{file}}”：它不是 .xlsx 工作簿或 CSV 文件。",
    FILE_NOT_FOUND: "找不到文件“{{file}}”。",
    SHEET_NOT_FOUND: "找不到工作表“{{sheet}}”。",
    SHEET_PROTECTED: "工作表“{{sheet}}”受保护，无法写入结果：请先撤销工作表保护，未作任何修改。",
    USER_COLUMN_NOT_EMPTY:
      "列“{{header}}”中已有人工填写的内容，未经确认不会覆盖：请在面板中确认覆盖，或在命令行加 --overwrite-template-columns。",
    PAYLOAD_TOO_LARGE: "数据量超过 Excel 单次请求的上限（{{limit}}），请稍后重试或缩小范围。",
    UNSUPPORTED_HOST: "当前 Excel 版本不支持所需的功能（{{requirement}}）。",
    WRITE_FAILED: "写入结果失败：{{detail}}。工作簿未被修改。",
    SHEET_CHANGED: "读取后工作表“{{sheet}}”被他人修改，为避免覆盖他人的编辑，本次未写入：请重新运行。",
    NOTHING_TO_UNDO: "没有可以撤销的细分：本工作簿中没有上一次运行的记录。",
    EXCEL_ERROR: "Excel 在读取数据时报错（{{detail}}），未作任何修改：请稍后重试。",
  },
  "zh-TW": {
    NO_TABLE_FOUND:
      "在工作表「{{sheet}}」中找不到客戶表或訂單表：請確認表頭列包含客戶編號，以及最後購買時間/消費頻次/消費金額（或訂單日期和金額）。",
    NO_DATA_ROWS: "表頭下方沒有資料列：請在表頭下方填入客戶資料後再試。",
    MISSING_FIELD:
      "缺少必要的欄：{{fields}}。請在窗格「資料表」部分的欄位對應中指定對應的表頭（命令列：設定檔的 fields）。",
    NO_CUSTOMERS: "沒有可以細分的客戶：所有列都缺少客戶編號或無法讀取。",
    BAD_SETTINGS: "設定有誤：{{path}}（{{reason}}）。",
    BAD_AS_OF: "分析日期「{{value}}」無效：請使用 YYYY-MM-DD 格式，例如 2024-06-01。",
    NOT_A_WORKBOOK: "無法開啟檔案「{{file}}」：它不是 .xlsx 活頁簿或 CSV 檔案。",
    FILE_NOT_FOUND: "找不到檔案「{{file}}」。",
    SHEET_NOT_FOUND: "找不到工作表「{{sheet}}」。",
    SHEET_PROTECTED: "工作表「{{sheet}}」受保護，無法寫入結果：請先取消保護工作表，未做任何修改。",
    USER_COLUMN_NOT_EMPTY:
      "欄「{{header}}」中已有人工填寫的內容，未經確認不會覆寫：請在窗格中確認覆寫，或在命令列加上 --overwrite-template-columns。",
    PAYLOAD_TOO_LARGE: "資料量超過 Excel 單次要求的上限（{{limit}}），請稍後重試或縮小範圍。",
    UNSUPPORTED_HOST: "目前的 Excel 版本不支援所需的功能（{{requirement}}）。",
    WRITE_FAILED: "寫入結果失敗：{{detail}}。活頁簿未被修改。",
    SHEET_CHANGED: "讀取後工作表「{{sheet}}」被他人修改，為避免覆寫他人的編輯，本次未寫入：請重新執行。",
    NOTHING_TO_UNDO: "沒有可以復原的細分：本活頁簿中沒有上一次執行的紀錄。",
    EXCEL_ERROR: "Excel 在讀取資料時回報錯誤（{{detail}}），未做任何修改：請稍後重試。",
  },
  en: {
    NO_TABLE_FOUND:
      'No customer or orders table was found on sheet "{{sheet}}": the header row needs a customer ID plus last purchase, frequency and amount columns (or order date and amount).',
    NO_DATA_ROWS: "There are no data rows under the header: add customer rows below it and try again.",
    MISSING_FIELD:
      "Required columns are missing: {{fields}}. Map them to your headers in the pane under Data → field mapping (CLI: fields in the settings file).",
    NO_CUSTOMERS: "There are no customers to segment: every row lacks a readable customer ID.",
    BAD_SETTINGS: "Invalid setting {{path}}: {{reason}}.",
    BAD_AS_OF: 'The as-of date "{{value}}" is not valid: use YYYY-MM-DD, for example 2024-06-01.',
    NOT_A_WORKBOOK: 'Cannot open "{{file}}": it is not an .xlsx workbook or a CSV file.',
    FILE_NOT_FOUND: 'File "{{file}}" does not exist.',
    SHEET_NOT_FOUND: 'There is no sheet named "{{sheet}}".',
    SHEET_PROTECTED:
      'Sheet "{{sheet}}" is protected, so no results were written: unprotect it and run again. Nothing was changed.',
    USER_COLUMN_NOT_EMPTY:
      'Column "{{header}}" already holds values someone typed; it is not overwritten without your consent: confirm in the pane, or pass --overwrite-template-columns to the CLI.',
    PAYLOAD_TOO_LARGE:
      "The data is larger than one Excel request may carry ({{limit}}). Try again or narrow the range.",
    UNSUPPORTED_HOST: "This version of Excel lacks a feature the add-in needs ({{requirement}}).",
    WRITE_FAILED: "Writing the results failed: {{detail}}. The workbook was not changed.",
    SHEET_CHANGED:
      'Sheet "{{sheet}}" was changed by someone else after it was read; nothing was written so their edit is kept. Run again.',
    NOTHING_TO_UNDO: "There is nothing to undo: this workbook has no record of a previous run.",
    EXCEL_ERROR: "Excel reported an error while reading ({{detail}}); nothing was changed. Try again.",
  },
};
