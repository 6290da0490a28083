#!/usr/bin/env python3
"""
Expected RFM for the CDNOW transactions, computed independently of the TypeScript engine
(pandas, integer cents, rank-based scores). Used by test/engine/cdnow.test.ts.

Usage: engine-cdnow-expected.py CDNOW_master.txt AS_OF R_DAYS F_MIN M_MIN
  AS_OF            yyyy-mm-dd
  R_DAYS F_MIN M_MIN  thresholds for the "thresholds" split (R <= R_DAYS, F >= F_MIN, M >= M_MIN)

Input: whitespace-separated `customer_id date number_of_cds dollar_value` with a header line
(see ../shared/data/SOURCES.md). Every row is one order (there is no order id).

Rules (SPEC / engine brief):
  - rows dated after AS_OF are left out;
  - F = number of orders with a positive amount; R = days from the latest such order to AS_OF,
    empty when there is none; M = sum of all amounts (exact, in cents);
  - score = 1 + floor(5 * (#customers strictly worse) / N); for R worse = more days, a customer
    without a purchase being worse than all others; for F and M worse = smaller;
  - mean split: high <=> score > mean score; code = R, F, M as 1/0.

Output (stdout): CSV with a header, one line per customer in first-seen order:
  id,recency,frequency,monetary,r,f,m,code_mean,code_thresholds
"""
import sys
from decimal import Decimal

import pandas as pd


def main() -> None:
    path, as_of_text, r_days, f_min, m_min = sys.argv[1:6]
    as_of = pd.Timestamp(as_of_text)
    r_days, f_min = float(r_days), float(f_min)
    m_min_cents = Decimal(m_min) * 100

    df = pd.read_csv(path, sep=r"\s+", dtype=str)
    df.columns = ["id", "date", "cds", "dollars"]
    df["day"] = pd.to_datetime(df["date"], format="%Y%m%d")
    cents = [Decimal(v) * 100 for v in df["dollars"]]
    assert all(c == c.to_integral_value() for c in cents), "amounts with more than 2 decimals"
    df["cents"] = [int(c) for c in cents]
    df = df[df["day"] <= as_of]

    ids = pd.Index(df["id"].unique(), name="id")  # first-seen order
    purchases = df[df["cents"] > 0]
    frequency = purchases.groupby("id").size().reindex(ids, fill_value=0)
    last = purchases.groupby("id")["day"].max().reindex(ids)
    recency = (as_of - last).dt.days  # NaN when never purchased
    monetary = df.groupby("id")["cents"].sum().reindex(ids)

    n = len(ids)

    def score(worse: pd.Series) -> pd.Series:
        return 1 + (5 * worse.astype(int)) // n

    # rank(method="min") - 1 = number of strictly smaller values.
    f_score = score(frequency.rank(method="min") - 1)
    m_score = score(monetary.rank(method="min") - 1)
    # For recency more days is worse; never purchased = infinitely many days.
    r_score = score(recency.fillna(float("inf")).rank(method="min", ascending=False) - 1)

    def bits(*highs: pd.Series) -> pd.Series:
        out = pd.Series("", index=ids)
        for h in highs:
            out = out + h.map({True: "1", False: "0"})
        return out

    code_mean = bits(r_score > r_score.mean(), f_score > f_score.mean(), m_score > m_score.mean())
    code_thr = bits(
        recency.notna() & (recency <= r_days),
        frequency >= f_min,
        monetary.map(lambda c: Decimal(int(c)) >= m_min_cents),
    )

    out = pd.DataFrame(
        {
            "recency": recency.map(lambda d: "" if pd.isna(d) else str(int(d))),
            "frequency": frequency,
            "monetary": monetary.map(lambda c: str(Decimal(int(c)) / 100)),
            "r": r_score,
            "f": f_score,
            "m": m_score,
            "code_mean": code_mean,
            "code_thresholds": code_thr,
        },
        index=ids,
    )
    out.to_csv(sys.stdout, lineterminator="\n")


if __name__ == "__main__":
    main()
