/** The command line's own sentences. */
import type { Lang } from "../engine/types";

export const cliStrings: Record<
  Lang,
  { done: string; undone: string; stage: Record<"find" | "read" | "segment" | "write", string>; unexpected: string }
> = {
  "zh-CN": {
    done: "已完成：工作表“{{sheet}}”，{{customers}} 位客户，结果写入 {{output}}",
    undone: "已撤销上一次细分，结果写入 {{output}}",
    stage: { find: "查找客户表…", read: "读取 {{done}} 行…", segment: "计算 RFM…", write: "写入结果…" },
    unexpected: "意外错误：{{detail}}",
  },
  "zh-TW": {
    done: "已完成：工作表「{{sheet}}」，{{customers}} 位客戶，結果寫入 {{output}}",
    undone: "已復原上一次細分，結果寫入 {{output}}",
    stage: { find: "尋找客戶表…", read: "讀取 {{done}} 列…", segment: "計算 RFM…", write: "寫入結果…" },
    unexpected: "意外錯誤：{{detail}}",
  },
  en: {
    done: 'Done: sheet "{{sheet}}", {{customers}} customers, written to {{output}}',
    undone: "Undid the last segmentation; written to {{output}}",
    stage: {
      find: "Finding the customer table…",
      read: "Read {{done}} rows…",
      segment: "Scoring RFM…",
      write: "Writing results…",
    },
    unexpected: "Unexpected error: {{detail}}",
  },
};
