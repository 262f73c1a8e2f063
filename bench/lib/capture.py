#!/usr/bin/env python3
"""Turns the statements one request ran, as PostgreSQL logged them, into a pgbench script.

Usage: capture.py LOGFILE START_OFFSET END_OFFSET DATABASE SCRIPT_OUT
Reads the server log between two byte offsets (log_min_duration_statement = 0 on DATABASE),
keeps the executed statements of DATABASE in order (BEGIN and COMMIT included), drops the
transactions of background work (Quartz, the event registry), puts the logged parameters in
place of $n and writes one statement per line to SCRIPT_OUT. Prints "<statements> <transactions>".
"""
import re
import sys

log_file, start, end, database, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
with open(log_file, "rb") as f:
    f.seek(start)
    text = f.read(end - start).decode("utf-8", "replace")

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d[.\d]* \w+ \[(\d+)\] (\S*)@(\S*) (LOG|DETAIL|STATEMENT|ERROR|WARNING|HINT|CONTEXT):  (.*)$")
entries = []  # [pid, db, kind, text]
for raw in text.split("\n"):
    m = LINE.match(raw)
    if m:
        entries.append([m.group(1), m.group(3), m.group(4), m.group(5)])
    elif entries and raw and not re.match(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", raw):
        entries[-1][3] += "\n" + raw

statements = []  # (pid, sql)
EXEC = re.compile(r"^duration: [\d.]+ ms  (?:execute [^:]*|statement): (.*)$", re.S)
PARAM = re.compile(r"\$(\d+) = ('(?:[^']|'')*'|NULL)")
i = 0
while i < len(entries):
    pid, db, kind, body = entries[i]
    i += 1
    if db != database or kind != "LOG":
        continue
    m = EXEC.match(body)
    if not m:
        continue
    sql = m.group(1).strip()
    if not sql:
        continue  # a connection check
    if i < len(entries) and entries[i][0] == pid and entries[i][2] == "DETAIL" and entries[i][3].startswith("parameters:"):
        params = dict(PARAM.findall(entries[i][3]))
        sql = re.sub(r"\$(\d+)\b", lambda p: params.get(p.group(1), p.group(0)), sql)
        i += 1
    statements.append((pid, sql))

# Group by connection into transactions (BEGIN to COMMIT, or one autocommitted statement);
# drop the ones of background work.
# (Spring Session's expiry clean-up runs on a timer too.)
BACKGROUND = re.compile(r"qrtz_|event_publication|job_run|DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME", re.I)
open_tx = {}
units = []
for pid, sql in statements:
    if pid in open_tx:
        open_tx[pid].append(sql)
        if re.match(r"(?i)^(commit|rollback)\b", sql):
            units.append(open_tx.pop(pid))
    elif re.match(r"(?i)^begin\b", sql):
        open_tx[pid] = [sql]
    else:
        units.append([sql])
units.extend(open_tx.values())
# A lone COMMIT or ROLLBACK ends a transaction that began before the request: not the request's.
kept = [t for t in units if not any(BACKGROUND.search(s) for s in t)
        and not re.match(r"(?i)^(commit|rollback)\b", t[0])]
flat = [s for t in kept for s in t]
transactions = len(kept)
with open(out, "w") as f:
    for sql in flat:
        f.write(" ".join(sql.split()).rstrip(";") + ";\n")
if len(sys.argv) > 6:
    for pid, sql in statements:
        print(pid, sql[:150].replace("\n", " "), file=sys.stderr)
print(len(flat), transactions)
