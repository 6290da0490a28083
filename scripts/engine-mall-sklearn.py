#!/usr/bin/env python3
"""
scikit-learn's answer for k-means with automatic k, independent of the engine (test/engine/
cluster-sklearn.test.ts compares them): the given numeric columns of a CSV, standardised with
StandardScaler; KMeans(n_clusters=k, n_init=10, random_state=0) for every k from 3 to 8; the k with
the highest silhouette_score (over all rows) wins, ties to the smaller k.

  /usr/bin/python3 scripts/engine-mall-sklearn.py ../shared/data/Mall_Customers.csv \
      "Annual Income (k$)" "Spending Score (1-100)"

Prints JSON: {"k", "labels" (one per row, in file order), "candidates": [{"k", "silhouette", "inertia"}]}.
Needs Debian's python3-sklearn and python3-pandas.
"""
import json
import sys

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def main() -> None:
    path, *columns = sys.argv[1:]
    data = pd.read_csv(path)
    x = StandardScaler().fit_transform(data[columns].astype(float).values)
    candidates = []
    best = None
    for k in range(3, 9):
        model = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
        s = float(silhouette_score(x, model.labels_))
        candidates.append({"k": k, "silhouette": s, "inertia": float(model.inertia_)})
        if best is None or s > best[1]:
            best = (k, s, model.labels_)
    json.dump({"k": best[0], "labels": [int(v) for v in best[2]], "candidates": candidates}, sys.stdout)


if __name__ == "__main__":
    main()
