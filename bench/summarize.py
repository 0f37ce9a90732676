#!/usr/bin/env python3
"""Summarises one bench/run.sh run as Markdown: Gatling's per-request statistics (from each report's index.html)
and the sustained rates measured per second by the simulations (floor-per-second.csv, exam-day-per-second.csv).
Usage: summarize.py <results dir> "<the -D simulation arguments of the run>"."""
import csv
import html
import os
import re
import sys
from collections import defaultdict

out, sim_args = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
params = dict(re.findall(r"-D([\w.]+)=(\S+)", sim_args))


def param(name, default):
    return float(params.get(name, default))


COLUMNS = ["total", "ok", "ko", "ko%", "rps", "min", "p50", "p75", "p95", "p99", "max", "mean", "stddev"]


def gatling_table(report):
    """Rows of the report's statistics table: name -> {column: value}."""
    text = open(os.path.join(report, "index.html"), encoding="utf-8").read()
    rows = {}
    for row in re.findall(r'<tr id="(?:ROOT|req_[^"]*)".*?</tr>', text, re.S):
        name = html.unescape(re.search(r'class="ellipsed-name">([^<]*)<', row).group(1))
        values = re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', row)
        rows[name] = {COLUMNS[int(col) - 2]: value for col, value in values}
    return rows


def per_second(path):
    series = defaultdict(dict)
    if os.path.exists(path):
        with open(path) as f:
            for row in csv.DictReader(f):
                series[row["name"]][int(row["second"])] = int(row["count"])
    return series


def dense(by_second):
    """Counts for every second from the first to the last, zeros included."""
    first, last = min(by_second), max(by_second)
    return first, [by_second.get(s, 0) for s in range(first, last + 1)]


def best_window(counts, width):
    """Highest mean over any `width` consecutive seconds, the lowest single second inside it, and its offset."""
    if len(counts) < width:
        return None
    best, at, running = -1, 0, sum(counts[:width])
    for i in range(len(counts) - width + 1):
        if i:
            running += counts[i + width - 1] - counts[i - 1]
        if running > best:
            best, at = running, i
    return best / width, min(counts[at:at + width]), at


CPU = []
if os.path.exists(os.path.join(out, "cpu.txt")):
    for line in open(os.path.join(out, "cpu.txt")):
        parts = line.split()
        if len(parts) == 5 and not line.startswith("#"):
            CPU.append((float(parts[0]), int(parts[1]), int(parts[2]), int(parts[3])))
TICK = os.sysconf("SC_CLK_TCK")


def cpu_between(t0, t1):
    """Cores used on average between two epoch seconds by Arena, its PostgreSQL backends and the whole machine."""
    inside = [c for c in CPU if t0 <= c[0] <= t1]
    if len(inside) < 2:
        return None
    a, b = inside[0], inside[-1]
    dt = (b[0] - a[0]) * TICK
    return (b[1] - a[1]) / dt, (b[2] - a[2]) / dt, (b[3] - a[3]) / dt


def cpu_cells(t0, t1, rate):
    """Table cells: Arena and PostgreSQL CPU-ms per request, and the cores busy on the machine, in that window."""
    used = cpu_between(t0, t1)
    if not used or rate <= 0:
        return "| – | – | – |"
    arena, pg, machine = used
    return f"| {arena * 1000 / rate:.2f} | {pg * 1000 / rate:.2f} | {arena:.2f} / {pg:.2f} / {machine:.2f} |"


print(f"# Run {os.path.basename(out.rstrip('/'))}\n")
print(f"Simulation arguments: `{' '.join(sim_args.split()) or '(defaults)'}`\n")

for label, report in (("FloorSimulation", "floor-report"), ("ExamDaySimulation", "exam-day-report")):
    path = os.path.join(out, report)
    if not os.path.isdir(path):
        continue
    print(f"## {label}: Gatling statistics (whole run; times in ms)\n")
    print("| request | total | OK | KO | mean/s | p50 | p75 | p95 | p99 | max |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, v in gatling_table(path).items():
        print(f"| {name} | {v['total']} | {v['ok']} | {v['ko']} | {v['rps']} | {v['p50']} | {v['p75']} | {v['p95']} | {v['p99']} | {v['max']} |")
    print()

floor = per_second(os.path.join(out, "floor-per-second.csv")).get("me")
floor_best = None
if floor:
    start, step = param("floor.start", 100), param("floor.step", 200)
    levels, seconds = int(param("floor.levels", 6)), int(param("floor.levelSeconds", 30))
    first, counts = dense(floor)
    print("## Floor: GET /api/v1/me answered 200 per second, by offered rate\n")
    print("| offered /s | achieved /s (mean of the level's middle) | lowest second | Arena CPU-ms per request "
          "| PostgreSQL CPU-ms per request | cores busy: Arena / PostgreSQL / whole machine |")
    print("|---|---|---|---|---|---|")
    for level in range(levels):
        begin = level * (seconds + 2) + 3  # skip the ramp between levels and the first seconds of a level
        window = counts[begin:begin + seconds - 5]
        if window:
            rate = sum(window) / len(window)
            print(f"| {start + level * step:.0f} | {rate:.0f} | {min(window)} "
                  + cpu_cells(first + begin, first + begin + len(window), rate))
    floor_best = best_window(counts, 10)
    print(f"\nFloor throughput (best 10-s mean): **{floor_best[0]:.0f}/s**\n")

exam = per_second(os.path.join(out, "exam-day-per-second.csv"))
if "save" in exam:
    first, counts = dense(exam["save"])
    target = param("exam.saveRate", 1400)
    print("## Saves: PUT answer acknowledged with 204, per second\n")
    print(f"Target {target:.0f}/s. Saves acknowledged: {sum(counts)} over {len(counts)} s.\n")
    print("| window | mean saves/s | lowest second | Arena CPU-ms per request | PostgreSQL CPU-ms per request "
          "| cores busy: Arena / PostgreSQL / whole machine |")
    print("|---|---|---|---|---|---|")
    for width in (300, 60):
        best = best_window(counts, width)
        if best:
            print(f"| best {width} s | **{best[0]:.0f}** | {best[1]} " + cpu_cells(first + best[2], first + best[2] + width, best[0]))
    best = best_window(counts, 300) or best_window(counts, 60)
    if best and floor_best:
        print(f"\nSaves/s (best {'300' if best_window(counts, 300) else '60'}-s window) as a fraction of the floor's "
              f"{floor_best[0]:.0f}/s: **{best[0] / floor_best[0]:.0%}**")
    print("\n(CPU per request in a saves window counts everything the node did then: mostly saves, plus any logins, "
          "starts or submits still under way.)\n")
if "submit" in exam:
    first, counts = dense(exam["submit"])
    print(f"## Submits\n\n{sum(counts)} submits answered 200 between the first and the last over {len(counts)} s "
          f"(mean {sum(counts) / len(counts):.0f}/s, highest second {max(counts)}/s).\n")

load = os.path.join(out, "machine-load.txt")
if os.path.exists(load):
    samples = [float(line.split()[1]) for line in open(load) if line.strip() and not line.startswith("#")]
    if samples:
        print(f"## Machine\n\nLoad average (1 min) sampled every 10 s during the run: mean {sum(samples) / len(samples):.1f}, "
              f"max {max(samples):.1f} on {os.cpu_count()} cores (Arena, PostgreSQL and Gatling share them; other processes "
              "on the machine are listed in machine-load.txt).\n")
