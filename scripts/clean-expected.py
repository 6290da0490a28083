#!/usr/bin/env python3
"""
Expected cleaning findings for the dirty real files in ../shared/data, computed with pandas and
sharing no code with the TypeScript engine. Used by test/engine/clean-real-data.test.ts.

Usage: clean-expected.py DATA_DIR
Output (stdout): one JSON object, per file, of the counts a careful analyst reports. Every count is
defined here from the data and the rule's wording in the issue / SPEC, not from the engine:

marketing_campaign.csv (tab-separated, every cell read as text):
  income_blank          Income empty
  income_median         median of the non-empty incomes (the value a median fill writes)
  birth_year_implausible  Year_Birth giving an age above 100 at the as-of year (or after it)
  income_mean_outliers  Income > 3 x mean(Income)            (the documents' 消费金额超均值3倍)
  income_iqr_outliers   Income outside Q1 - 1.5 IQR .. Q3 + 1.5 IQR (pandas' linear quantiles)
  income_max            the largest income (666666 in SOURCES.md)
  dup_but_id_rows       rows whose other cells equal another row's (keep=False)
  dup_but_id_redundant  the same rows minus one per group (keep="first")
  dup_but_id_groups     number of such groups
  exact_dup_rows        rows equal in every cell, ID included
  constant_columns      columns with a single value
  rare_category_rows    rows of a text column with at most 20 distinct values whose value is
                        held by under 0.5 % of the rows (Alone, Absurd, YOLO)
  dt_first_over_12 / dt_second_over_12   Dt_Customer dd-mm-yyyy fields above 12
  dt_both_le_12         Dt_Customer with both fields at most 12 (what a month-first Excel turns into
                        dates, swapped; the others it leaves as text)
  numeric_text_cells    non-empty cells of the numeric columns other than ID and Recency (numbers
                        stored as text; the R column is read but left as written)
online_retail_sample.csv:
  na_ids                CustomerID "NA"
  customers             distinct CustomerIDs other than "NA"
  cancellations         InvoiceNo starting with "C"
  negative_not_cancelled  Quantity < 0 and InvoiceNo not starting with "C"
  zero_price            UnitPrice == 0
  date_first_over_12 / date_second_over_12   InvoiceDate m/d fields above 12
  spaced_text_cells     text cells (Description, StockCode, Country) with spaces around them
  amount_mean_outliers / amount_iqr_outliers  on Quantity x UnitPrice per line
  numeric_text_cells    non-empty cells of the columns (InvoiceNo, CustomerID aside) whose every
                        non-empty cell is a number: the row-number column, Quantity, UnitPrice
tmall_order_report.csv:
  header_spaces         headers with spaces around them
  unpaid                订单付款时间 empty
  refunds               退款金额 > 0
  region_suffixed       收货地址 values ending in 省 or 自治区 (which the normaliser shortens)
  amount_mean_outliers / amount_iqr_outliers  on 总金额
  money_text_cells      non-empty cells of 总金额, 买家实际支付金额, 退款金额
"""
import json
import os
import sys

import pandas as pd

AS_OF_YEAR_MARKETING = 2014


def iqr_outliers(s: pd.Series) -> int:
    q1, q3 = s.quantile(0.25), s.quantile(0.75)
    k = 1.5 * (q3 - q1)
    return int(((s < q1 - k) | (s > q3 + k)).sum())


def mean_outliers(s: pd.Series) -> int:
    return int((s > 3 * s.mean()).sum())


def numeric_text_cells(df: pd.DataFrame, ids: list) -> int:
    """Non-empty cells of the columns (ids aside) whose every non-empty cell is a number."""
    n = 0
    for c in df.columns:
        filled = df[c] != ""
        if c not in ids and pd.to_numeric(df[c][filled], errors="coerce").notna().all():
            n += int(filled.sum())
    return n


def marketing(path: str) -> dict:
    m = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    income = pd.to_numeric(m["Income"].replace("", None))
    others = [c for c in m.columns if c != "ID"]
    age = AS_OF_YEAR_MARKETING - m["Year_Birth"].astype(int)
    text_cols = ["Education", "Marital_Status"]
    rare = 0
    for c in m.columns:
        if c in text_cols and m[c].nunique() <= 20:
            share = m[c].value_counts(normalize=True)
            rare += int(m[c].isin(share[share < 0.005].index).sum())
    dt = m["Dt_Customer"].str.extract(r"^(\d+)-(\d+)-(\d+)$").astype(int)
    numeric = [
        c for c in m.columns
        if c not in ("ID", "Recency") and pd.to_numeric(m[c].replace("", None), errors="coerce").notna().sum()
        == (m[c] != "").sum()
    ]
    return {
        "rows": len(m),
        "income_blank": int((m["Income"] == "").sum()),
        "income_median": float(income.median()),
        "income_max": float(income.max()),
        "birth_year_implausible": sorted(int(y) for y in m["Year_Birth"][(age > 100) | (age < 0)]),
        "income_mean_outliers": mean_outliers(income.dropna()),
        "income_iqr_outliers": iqr_outliers(income.dropna()),
        "dup_but_id_rows": int(m.duplicated(subset=others, keep=False).sum()),
        "dup_but_id_redundant": int(m.duplicated(subset=others, keep="first").sum()),
        "dup_but_id_groups": int(m[m.duplicated(subset=others, keep=False)].groupby(others).ngroups),
        "exact_dup_rows": int(m.duplicated(keep=False).sum()),
        "constant_columns": [c for c in m.columns if m[c].nunique() == 1],
        "rare_category_rows": rare,
        "dt_first_over_12": int((dt[0] > 12).sum()),
        "dt_second_over_12": int((dt[1] > 12).sum()),
        "dt_both_le_12": int(((dt[0] <= 12) & (dt[1] <= 12)).sum()),
        "numeric_columns": numeric,
        "numeric_text_cells": int(sum((m[c] != "").sum() for c in numeric)),
    }


def online_retail(path: str) -> dict:
    o = pd.read_csv(path, dtype=str, keep_default_na=False)
    q = o["Quantity"].astype(int)
    price = o["UnitPrice"].astype(float)
    cancelled = o["InvoiceNo"].str.startswith("C")
    d = o["InvoiceDate"].str.extract(r"^(\d+)/(\d+)/(\d+) (\d+):(\d+)$").astype(int)
    amount = q * price
    return {
        "rows": len(o),
        "na_ids": int((o["CustomerID"] == "NA").sum()),
        "customers": int(o["CustomerID"][o["CustomerID"] != "NA"].nunique()),
        "cancellations": int(cancelled.sum()),
        "negative_not_cancelled": int(((q < 0) & ~cancelled).sum()),
        "zero_price": int((price == 0).sum()),
        "date_first_over_12": int((d[0] > 12).sum()),
        "date_second_over_12": int((d[1] > 12).sum()),
        "spaced_text_cells": int(sum((o[c] != o[c].str.strip()).sum() for c in ["StockCode", "Description", "Country"])),
        "amount_mean_outliers": mean_outliers(amount),
        "amount_iqr_outliers": iqr_outliers(amount),
        "numeric_text_cells": numeric_text_cells(o, ["InvoiceNo", "CustomerID"]),
    }


def tmall(path: str) -> dict:
    t = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    total = t["总金额"].astype(float)
    money = ["总金额", "买家实际支付金额", "退款金额"]
    region = t["收货地址 "]
    return {
        "rows": len(t),
        "header_spaces": sum(1 for c in t.columns if c != c.strip()),
        "unpaid": int((t["订单付款时间 "] == "").sum()),
        "refunds": int((t["退款金额"].astype(float) > 0).sum()),
        "region_suffixed": int((region.str.endswith("省") | region.str.endswith("自治区")).sum()),
        "amount_mean_outliers": mean_outliers(total),
        "amount_iqr_outliers": iqr_outliers(total),
        "money_text_cells": int(sum((t[c] != "").sum() for c in money)),
    }


def main() -> None:
    data = sys.argv[1]
    out = {
        "marketing_campaign": marketing(os.path.join(data, "marketing_campaign.csv")),
        "online_retail_sample": online_retail(os.path.join(data, "online_retail_sample.csv")),
        "tmall_order_report": tmall(os.path.join(data, "tmall_order_report.csv")),
    }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
