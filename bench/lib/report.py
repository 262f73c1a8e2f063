#!/usr/bin/env python3
"""Writes BENCHMARKS.md from bench/run's figures: report.py FIGURES PROFILE SAMPLE_SQL > BENCHMARKS.md"""
import os
import platform
import subprocess
import sys

figures_file, profile_file, sample_sql = sys.argv[1], sys.argv[2], sys.argv[3]
env = os.environ.get
rows, counts, dev, raw, failures = [], [], [], {}, []
for line in open(figures_file, encoding="utf-8"):
    parts = line.rstrip("\n").split("|")
    if parts[0] == "S":
        rows.append(parts[1:])
    elif parts[0] == "C":
        counts.append(parts[1:])
    elif parts[0] == "D":
        dev.append(parts[1:])
    elif parts[0] == "R":
        raw[parts[1]] = parts[2:]
    elif parts[0] == "F":
        failures.append(parts[1])


def num(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def mark(ok):
    return "✓" if ok else "✗"


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except Exception:
        return "?"


cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
commit = env("BENCH_COMMIT") or sh("git describe --always --dirty")  # BENCH_COMMIT: a run from a copy of the tree
today = sh("date -u '+%F %H:%M'")
ram = sh("free -g | awk '/^Mem/ {print $2}'")
load = sh("cut -d' ' -f1-3 /proc/loadavg")
cores = sh("nproc")
java_version = sh("java -version 2>&1 | head -1")
pg_version = sh("psql -At -c 'SELECT version()' -d postgres | cut -d, -f1")
print("# Benchmarks")
print()
print("Written by `bench/run` (see bench/README.md). Every figure is a ratio or a difference between the")
print("running jar and its own SQL, measured one after the other in the same run on the same machine,")
print("so that the noise of a shared machine mostly cancels out. Absolute figures are for reading the ratios only.")
print()
print("## Run")
print()
print(f"- commit `{commit}`, {today} UTC, data as of {env('NOW')}")
print(f"- machine: {cores} cores ({cpu}), {ram} GB RAM, load average at the start {env('LOAD_START')}, at the end {load} "
      f"(other work shared the machine), {platform.system()} {platform.release()}")
print(f"- {java_version}; {pg_version}")
print(f"- jar started in the **prod** profile with `{env('JAVA_HEAP_OPTS')}`")
print(f"- load: `wrk -t2 -c{env('CLIENTS')} -d{env('DURATION')}s --timeout 30s` (Lua `done()` percentiles) against "
      f"`pgbench -n -M simple -c{env('CLIENTS')} -j2 -T{env('DURATION')}` on the statements the same request ran, captured from "
      "the server log (`log_min_duration_statement = 0` on the bench database only), parameters in place, BEGIN/COMMIT included; "
      f"before the first figure, {env('WARMUP')} s of the same load on the measured pages (a server runs warm: HotSpot compiles "
      "the hot paths after tens of thousands of calls)")
d = (env("DATA") or "").split()
if len(d) >= 6:
    print(f"- data (`SIZE={env('SIZE')}`, generated in {env('GENERATION')} s): {int(d[0]):,} customers, {int(d[1]):,} contacts, "
          f"{int(d[2]):,} follow-ups, {int(d[3]):,} owned customers past 30 days without follow-up, {int(d[4]):,} users in {int(d[5]):,} teams"
          + (f"; {int(d[6]):,} opportunities, {int(d[7]):,} contracts with {int(d[8]):,} instalments and {int(d[9]):,} payments, "
             f"a leaderboard ledger of {int(d[10]):,} facts rolled up into {int(d[11]):,} daily rows" if len(d) >= 12 else ""))
print(f"- viewers: rep `{env('REP')}` (the rep with the most customers), manager `{env('MANAGER')}` (their manager), `{env('ADMIN')}`")
print()
print("## Goals")
print()
print("| figure | measured | goal | |")
print("|---|---|---|---|")


def ratio(row):
    rps, tps = num(row[5]), num(row[7])
    return rps / tps if rps and tps else None


def find(prefix):
    return [r for r in rows if r[1].startswith(prefix)]


for role in ("rep", "manager", "admin"):
    rs = [r for r in find(f"list, {role},") if ratio(r) is not None]
    if rs:
        worst = min(rs, key=ratio)
        print(f"| customer list, {role}: app req/s ÷ pgbench tx/s of its SQL (worst of first page, filtered, searched, deep) | "
              f"{ratio(worst):.2f} ({worst[1].split(', ', 2)[2]}) | ≥ 0.5 | {mark(ratio(worst) >= 0.5)} |")
ds = [r for r in find("detail,") if ratio(r) is not None]
if ds:
    worst = min(ds, key=ratio)
    print(f"| customer detail (short and long timeline) | {ratio(worst):.2f} ({worst[1]}) | ≥ 0.5 | {mark(ratio(worst) >= 0.5)} |")
for period in ("month", "year"):
    lb = find(f"leaderboard, {period}")
    if lb and ratio(lb[0]) is not None:
        r = lb[0]
        print(f"| leaderboard, this {period}: app req/s ÷ pgbench tx/s of its SQL | {ratio(r):.2f} | ≥ 0.5 | {mark(ratio(r) >= 0.5)} |")
        rt = num(raw.get(period, [None])[0])
        if rt and num(r[5]):
            print(f"| leaderboard, this {period}: app req/s ÷ raw SQL on the ledger (sum per rep over the period, no rollup) "
                  f"| {num(r[5]) / rt:.2f} (raw {rt:.0f} tx/s, p99 {raw[period][1]} ms) | ≥ 0.5 | {mark(num(r[5]) / rt >= 0.5)} |")
lbm, lby = find("leaderboard, month"), find("leaderboard, year")
if lbm and lby and num(lbm[0][5]) and num(lby[0][5]):
    yr = num(lbm[0][5]) / num(lby[0][5])
    print(f"| leaderboard: month req/s ÷ year req/s | {yr:.2f} | ≤ 1.5 (a year costs at most 1.5 months) | {mark(yr <= 1.5)} |")
diffs = [(num(r[6]) - num(r[8]), r) for r in rows if r[1].startswith("list") and num(r[6]) is not None and num(r[8]) is not None]
if diffs:
    worst = max(diffs, key=lambda x: x[0])
    print(f"| list page p99 − its SQL's p99 (worst) | {worst[0]:+.1f} ms ({worst[1][1]}) | ≤ +25 ms | {mark(worst[0] <= 25)} |")
if counts:
    by_role = {}
    for c in counts:
        by_role.setdefault(c[1].split(",")[1].strip(), []).append(c)
    texts, constant = [], True
    for role, cs in by_role.items():
        texts.append(f"{role} " + " / ".join(f"{c[4]} ({c[5]} tx)" for c in cs))
        constant &= len({c[4] for c in cs}) == 1
    tx = {c[5] for c in counts}
    print(f"| statements per list request at 20 / 50 / 100 rows (incl. BEGIN/COMMIT) | {'; '.join(texts)} | constant, one read transaction | "
          f"{mark(constant)} constant; {'✓' if tx == {'2'} else '✗'} transactions (2: Spring Session's one-statement read and the page's one read-only transaction) |")
det = find("detail,")
if len(det) == 2:
    same = det[0][3] == det[1][3]
    print(f"| statements of the detail page, short / long timeline | {det[0][3]} / {det[1][3]} | the same | {mark(same)} |")
    if not same:
        failures.append("detail page statement count grows with the timeline")
if not (env("GRAB_WINNERS") or "").startswith("(not"):
    print(f"| grab race, 100 clients | {env('GRAB_WINNERS')} owner change, {env('GRAB_REDIRECTS')} client told it won | exactly 1 | "
        f"{mark(env('GRAB_WINNERS') == '1' and env('GRAB_REDIRECTS') == '1')} |")
searched = [r for r in rows if "searched" in r[1] and r[1].startswith("list, admin")]
if searched and num(searched[0][8]) is not None:
    print(f"| 2-character name search (admin), its SQL p99 under {env('CLIENTS')} clients | {num(searched[0][8]):.1f} ms | ≤ 5 ms (plan: bench/results/) | {mark(num(searched[0][8]) <= 5)} |")
filtered = [r for r in rows if r[1].startswith("list, manager, filtered")]
if filtered and num(filtered[0][8]) is not None:
    print(f"| manager list filtered by type and status, stalest first, its SQL p99 | {num(filtered[0][8]):.1f} ms | ≤ 5 ms | {mark(num(filtered[0][8]) <= 5)} |")
rss = num(env("RSS_AFTER_LOAD"))
if rss:
    print(f"| RSS after the load above | {rss:.0f} MiB | ≤ 512 MB | {mark(rss * 1.048576 <= 512)} |")
deployed = num(env('CDS_STARTUP'))
print(f"| start to first sign-in page, as deployed (extracted jar and CDS archive: deploy/cds-archive, Dockerfile; loaded data) | "
      f"{env('CDS_STARTUP')} s (Spring: {env('CDS_STARTED')} s); `java -jar` on the packaged jar: {env('PROD_STARTUP')} s "
      f"(Spring: {env('PROD_STARTED')} s); empty database with migrations: {env('EMPTY_STARTUP')} s | ≤ 10 s idle | "
      f"{mark((deployed if deployed is not None else 99) <= 10)} |")
if dev:
    base = {r[1]: r for r in rows}
    for d_row, label in zip(dev, ("list, rep, first page", "list, manager, first page")):
        prod = base.get(label)
        if prod and ratio(prod) and num(d_row[1]) and num(d_row[3]):
            dr = num(d_row[1]) / num(d_row[3])
            print(f"| dev profile (Thymeleaf cache off), {label}: ratio, prod ÷ dev | {dr:.2f}, {ratio(prod) / dr:.2f}× slower | ≤ 2× prod | {mark(ratio(prod) / dr <= 2)} |")
rec = env("RECLAIM") or ""
print()
print("## Pages")
print()
print("| page | statements | transactions | app req/s | app p99 ms | SQL tx/s | SQL p99 ms | ratio | p99 − SQL p99 |")
print("|---|---|---|---|---|---|---|---|---|")
for r in rows:
    rt = ratio(r)
    diff = num(r[6]) - num(r[8]) if num(r[6]) is not None and num(r[8]) is not None else None
    print(f"| {r[1]} | {r[3]} | {r[4]} | {r[5]} | {r[6]} | {r[7]} | {r[8]} | {'' if rt is None else f'{rt:.2f}'} | "
          f"{'' if diff is None else f'{diff:+.1f}'} |")
print()
print("Page addresses:")
print()
for r in rows:
    print(f"- {r[1]}: `{r[2]}`")
print()
print("## Reclaim")
print()
print("`./mvnw test -Pbenchmark -Dtest=ReclaimBenchmark` in the same run (its own database):")
print()
print("```")
print(rec.strip())
print("```")
print()
print("## Profile (JFR, prod profile: the rep's first list page and the short-timeline customer page, under the same load, after the RSS figure)")
print()
print("Share of the request threads' CPU samples whose stack contains each part (inclusive):")
print()
print("```")
print(open(profile_file, encoding="utf-8").read().strip() if os.path.exists(profile_file) else "(no profile)")
print("```")
print()
print("## Statements of one list request (rep, first page)")
print()
print("```sql")
print(open(sample_sql, encoding="utf-8").read().strip() if os.path.exists(sample_sql) else "")
print("```")
if failures:
    print()
    print("## Correctness failures")
    print()
    for f in failures:
        print(f"- {f}")
