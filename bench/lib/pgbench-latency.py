#!/usr/bin/env python3
"""Percentiles (ms) of pgbench's per-transaction log files: pgbench-latency.py FILE... -> "p50 p99"."""
import os
import sys

values = []
for name in sys.argv[1:]:
    if not os.path.exists(name):
        continue  # pgbench did not run (an empty script): no log
    with open(name) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 3:
                values.append(int(parts[2]) / 1000.0)
values.sort()
if not values:
    print("nan nan")
else:
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{pick(0.50):.2f} {pick(0.99):.2f}")
