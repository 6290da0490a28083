#!/usr/bin/python3
"""
Baseline for bench/run.ts "engine alone": what src/engine's segment() does for a customer table, done with
pandas + scikit-learn on the same generated customers (bench/generate.ts: the same formulas of the row
number). Run with Debian's /usr/bin/python3.

Usage: baseline_engine.py N [--kmeans K] [--repeat R]

Timed (data generation excluded): recency from the last-purchase serial, tie-safe quintile scores, mean-split
codes and labels, 消费能力标签 (客单价 tertiles), 活跃度标签, and k-means as the engine runs it: above 10,000
customers K-means (n_init=10) on a 10,000-customer sample, then one run on everyone from the sample's centres.
Prints one JSON line: {"n": N, "seconds": [per repeat]}.
"""
import json
import sys
import time

import numpy as np
import pandas as pd

AS_OF_SERIAL = 45444
FIT_SAMPLE = 10_000
CODE_LABEL = {
    "000": "流失客户", "100": "新客户", "010": "一般维持客户", "110": "潜力客户",
    "001": "重要挽留客户", "101": "重要深耕客户", "011": "重要唤回客户", "111": "重要价值客户",
}


def generate(n: int) -> pd.DataFrame:
    i = np.arange(n, dtype=np.int64)
    return pd.DataFrame(
        {
            "id": 100_000 + i,
            "last": AS_OF_SERIAL - (i * 7919) % 400,
            "freq": 1 + (i * 104_729) % 30,
            "amount": (1000 + (i * 15_485_863) % n) / 100,
        }
    )


def segment(df: pd.DataFrame, k: int) -> pd.DataFrame:
    n = len(df)
    recency = AS_OF_SERIAL - df["last"]

    def score(worse: pd.Series) -> np.ndarray:
        return (1 + (5 * worse.to_numpy(dtype=np.int64)) // n).astype(np.int8)

    r = score(recency.rank(method="min", ascending=False) - 1)
    f = score(df["freq"].rank(method="min") - 1)
    m = score(df["amount"].rank(method="min") - 1)
    bits = (r > r.mean()).astype(int) * 4 + (f > f.mean()).astype(int) * 2 + (m > m.mean()).astype(int)
    codes = np.array(["000", "001", "010", "011", "100", "101", "110", "111"])[bits]
    labels = pd.Series(codes).map(CODE_LABEL)
    aov = df["amount"] / df["freq"]
    lo, hi = aov.quantile([1 / 3, 2 / 3])
    spending = np.where(aov > hi, "高", np.where(aov < lo, "低", "中"))
    activity = np.where(df["freq"] / 6 >= 3, "高频", np.where(df["freq"] / 6 >= 1, "中频", "低频"))
    out = pd.DataFrame({"r": r, "f": f, "m": m, "code": codes, "label": labels, "spending": spending, "activity": activity})
    if k > 0:
        from sklearn.cluster import KMeans
        from sklearn.preprocessing import StandardScaler

        x = StandardScaler().fit_transform(
            np.column_stack([recency.to_numpy(float), np.log1p(df["freq"].to_numpy(float)), np.log1p(df["amount"].to_numpy(float))])
        )
        if n > FIT_SAMPLE:
            rows = np.random.default_rng(1).choice(n, FIT_SAMPLE, replace=False)
            sample = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x[rows])
            km = KMeans(n_clusters=k, init=sample.cluster_centers_, n_init=1).fit(x)
        else:
            km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        out["cluster"] = km.labels_ + 1
    return out


def main() -> None:
    args = sys.argv[1:]
    n = int(args[0])
    k = int(args[args.index("--kmeans") + 1]) if "--kmeans" in args else 0
    repeat = int(args[args.index("--repeat") + 1]) if "--repeat" in args else 1
    df = generate(n)
    seconds = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        segment(df, k)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"n": n, "seconds": seconds}))


if __name__ == "__main__":
    main()
