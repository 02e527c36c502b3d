#!/usr/bin/env python3
"""CPU of a process split by thread name over a window (bench/ingest-cpu.sh, issue 16).

    thread-cpu.py PID ROWS   # samples until SIGTERM/SIGINT, then prints the split

Every 50 ms it reads utime + stime of each of PID's threads (/proc/PID/task/*/stat) and keeps the last value seen per
thread id: a thread-pool thread that exits during the window keeps the CPU it had at its last sample (at most 50 ms of
it is missed; the "not seen" line is the process's total, which counts exited threads, minus the threads seen). Threads
are grouped by name (/proc/.../comm, 15 characters: ".NET TP Worker", "centrex-ledger-", "centrex-calllog", ...).
"""
import os
import signal
import sys
import time

pid, rows = int(sys.argv[1]), int(sys.argv[2])
tck = os.sysconf("SC_CLK_TCK")


def ticks(path):
    try:
        with open(path) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    except (OSError, IndexError):
        return None


def sample():
    seen = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return seen
    for tid in tids:
        t = ticks(f"/proc/{pid}/task/{tid}/stat")
        if t is None:
            continue
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as f:
                name = f.read().strip()
        except OSError:
            continue
        seen[tid] = (name, t)
    return seen


stop = False


def on_signal(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_signal)
signal.signal(signal.SIGINT, on_signal)
start = sample()
total0 = ticks(f"/proc/{pid}/stat")
t0 = time.monotonic()
last = dict(start)
total_last = total0
while not stop:
    time.sleep(0.05)
    for tid, value in sample().items():
        last[tid] = value
    t = ticks(f"/proc/{pid}/stat")
    total_last = t if t is not None else total_last
wall = time.monotonic() - t0

groups = {}
for tid, (name, t) in last.items():
    used = t - start.get(tid, (name, 0))[1]
    if used > 0:
        count, sum_ = groups.get(name, (0, 0))
        groups[name] = (count + 1, sum_ + used)
total = total_last - total0
seen = sum(s for _, s in groups.values())


def line(label, used):
    return f"  {label:<28} {used / tck:8.2f} s  {used * 1e6 / tck / rows:6.2f} us/CDR  {100 * used / total if total else 0:5.1f} %"


print(f"serve CPU by thread over {wall:.2f} s, {rows} CDRs:")
for name, (count, used) in sorted(groups.items(), key=lambda g: -g[1][1]):
    print(line(f"{name} ({count})", used))
print(line("not seen (exited threads)", total - seen))
print(line("serve, all threads", total))
