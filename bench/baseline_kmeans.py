#!/usr/bin/python3
"""
Baseline for bench/run.ts "k-means": scikit-learn's KMeans on a matrix written by the bench (float64,
row-major, n x d), with the same k and restarts as ours (k-means++ init, n_init restarts, Lloyd).
Run with Debian's /usr/bin/python3.

Usage: baseline_kmeans.py MATRIX.f64 N D K N_INIT REPEAT
Prints one JSON line: {"seconds": [fit time per repeat], "inertia": best inertia, "iterations": n_iter_}.
"""
import json
import sys
import time

import numpy as np
from sklearn.cluster import KMeans


def main() -> None:
    path, n, d, k, n_init, repeat = sys.argv[1], *map(int, sys.argv[2:7])
    x = np.fromfile(path, dtype="<f8").reshape(n, d)
    seconds = []
    km = None
    for rep in range(repeat):
        t0 = time.perf_counter()
        km = KMeans(n_clusters=k, n_init=n_init, init="k-means++", algorithm="lloyd", random_state=rep).fit(x)
        seconds.append(time.perf_counter() - t0)
    print(json.dumps({"seconds": seconds, "inertia": float(km.inertia_), "iterations": int(km.n_iter_)}))


if __name__ == "__main__":
    main()
