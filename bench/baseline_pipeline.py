#!/usr/bin/python3
"""
Baseline for bench/run.ts: the work `segment-sheet orders.csv -o out.csv` does, done the usual way
with pandas + scikit-learn. Run with Debian's /usr/bin/python3 (python3-pandas, python3-sklearn).

Usage: baseline_pipeline.py IN.csv OUT.csv AS_OF [--kmeans K] [--n-init N]

Steps (timed one by one; the timings go to stdout as one JSON line):
  read      pd.read_csv of the orders export (InvoiceNo, Quantity, InvoiceDate, UnitPrice, CustomerID, ...)
  amounts   amount = Quantity x UnitPrice; rows without a customer id or dated after AS_OF left out
  orders    lines of one invoice (per customer) are one order: total and latest date
  rfm       F = orders with a positive total, R = days from the latest such order, M = sum of totals
  scores    tie-safe quintiles 1 + floor(5 * #strictly worse / N) (rank method="min")
  classes   mean split -> "011" codes -> the 8 labels; 消费能力标签 by 客单价 tertiles; 活跃度标签 by
            orders per month since the first order
  kmeans    KMeans(K, n_init) on the features segment-sheet clusters on: recency days, log1p(F), log1p(M)
            (M as it is when some M is negative), standardised; customers without R left out (only with --kmeans)
  back      the per-customer columns joined back onto every order line (the 9 columns segment-sheet writes:
            R分 F分 M分 RFM分组 客户类型 消费能力标签 活跃度标签 聚类群组 客户细分)
  write     DataFrame.to_csv of every line with the new columns
"""
import json
import sys
import time

import numpy as np
import pandas as pd

LABELS = {
    "111": "重要价值客户",
    "011": "重要唤回客户",
    "101": "重要深耕客户",
    "001": "重要挽留客户",
    "110": "潜力客户",
    "010": "一般维持客户",
    "100": "新客户",
    "000": "流失客户",
}


def main() -> None:
    args = sys.argv[1:]
    src, dst, as_of_text = args[0], args[1], args[2]
    k = int(args[args.index("--kmeans") + 1]) if "--kmeans" in args else 0
    n_init = int(args[args.index("--n-init") + 1]) if "--n-init" in args else 10
    as_of = pd.Timestamp(as_of_text) + pd.Timedelta(days=1)  # the whole as-of day counts
    as_of_day = pd.Timestamp(as_of_text)
    t = {}
    t0 = time.perf_counter()
    last = t0

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        t[name] = now - last
        last = now

    df = pd.read_csv(src, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
    lap("read")

    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S")
    df["amount"] = df["Quantity"] * df["UnitPrice"]
    lines = df[df["CustomerID"].notna() & (df["InvoiceDate"] < as_of)]
    lap("amounts")

    orders = lines.groupby(["CustomerID", "InvoiceNo"], sort=False).agg(
        total=("amount", "sum"), day=("InvoiceDate", "max")
    )
    orders["total"] = orders["total"].round(6)
    lap("orders")

    ids = pd.Index(lines["CustomerID"].unique(), name="CustomerID")  # first-seen order
    positive = orders[orders["total"] > 0].reset_index()
    frequency = positive.groupby("CustomerID").size().reindex(ids, fill_value=0)
    latest = positive.groupby("CustomerID")["day"].max().reindex(ids)
    recency = (as_of_day - latest.dt.normalize()).dt.days
    monetary = orders.groupby(level="CustomerID")["total"].sum().round(6).reindex(ids)
    lap("rfm")

    n = len(ids)

    def score(worse: pd.Series) -> pd.Series:
        return (1 + (5 * worse.astype(np.int64)) // n).astype(np.int8)

    r = score(recency.fillna(np.inf).rank(method="min", ascending=False) - 1)
    f = score(frequency.rank(method="min") - 1)
    m = score(monetary.rank(method="min") - 1)
    lap("scores")

    code = (
        (r > r.mean()).map({True: "1", False: "0"})
        + (f > f.mean()).map({True: "1", False: "0"})
        + (m > m.mean()).map({True: "1", False: "0"})
    )
    label = code.map(LABELS)
    aov = (monetary / frequency.where(frequency > 0)).astype(float)
    lo, hi = aov.quantile([1 / 3, 2 / 3])
    spending = pd.Series(np.where(aov > hi, "高", np.where(aov < lo, "低", "中")), index=ids).where(aov.notna(), "未知")
    first = lines.groupby("CustomerID")["InvoiceDate"].min().reindex(ids)
    months = ((as_of_day - first.dt.normalize()).dt.days / 30.4375).clip(lower=1)
    per_month = frequency / months
    activity = pd.Series(np.where(per_month >= 3, "高频", np.where(per_month >= 1, "中频", "低频")), index=ids)
    lap("classes")

    per_customer = pd.DataFrame(
        {"R分": r, "F分": f, "M分": m, "RFM分组": code, "客户类型": label, "消费能力标签": spending, "活跃度标签": activity},
        index=ids,
    )
    if k > 0:
        from sklearn.cluster import KMeans
        from sklearn.preprocessing import StandardScaler

        known = recency.notna()
        mon = monetary[known].to_numpy(dtype=float)
        feats = np.column_stack(
            [
                recency[known].to_numpy(dtype=float),
                np.log1p(frequency[known].to_numpy(dtype=float)),
                np.log1p(mon) if (mon >= 0).all() else mon,
            ]
        )
        x = StandardScaler().fit_transform(feats)
        km = KMeans(n_clusters=k, n_init=n_init, random_state=0).fit(x)
        per_customer["聚类群组"] = pd.Series(km.labels_ + 1, index=recency.index[known]).reindex(ids)
        lap("kmeans")
    else:
        per_customer["聚类群组"] = ""
    per_customer["客户细分"] = label
    per_customer = per_customer.astype({"R分": "Int8", "F分": "Int8", "M分": "Int8"})
    if k > 0:
        per_customer = per_customer.astype({"聚类群组": "Int8"})

    out = df.drop(columns=["amount"]).join(per_customer, on="CustomerID")
    lap("back")

    out.to_csv(dst, index=False, encoding="utf-8-sig", date_format="%Y-%m-%d %H:%M:%S")
    lap("write")
    t["total"] = time.perf_counter() - t0
    print(json.dumps({"seconds": t, "customers": n, "rows": len(df)}))


if __name__ == "__main__":
    main()
