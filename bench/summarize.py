#!/usr/bin/env python3
"""Summarises one bench/run.sh run as Markdown, from Gatling's own HTML reports: the per-request statistics of the
whole run (index.html) and, per second, the responses OK/KO and the 99th percentile of each request (req_*.html),
from which it finds the best sustained windows; plus the CPU that Arena, its PostgreSQL backends, Gatling and the whole
machine used in those windows (cpu.txt, sampled by run.sh).
Usage: summarize.py <results dir> "<the -D simulation arguments of the run>"."""
import glob
import html
import os
import re
import sys

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


def series(report, request, chart, name):
    """One series of a chart on the request's page, as {epoch second: value} (seconds without data are absent)."""
    pages = glob.glob(os.path.join(report, f"req_{request}-*.html")) + glob.glob(os.path.join(report, f"req_{request}.html"))
    if not pages:
        return {}
    text = open(pages[0], encoding="utf-8").read()
    at = text.find(chart)
    if at < 0:
        return {}
    match = re.compile(r"name: '" + re.escape(name) + r"',\s*data: \[(.*?)\]\s*,?\s*tooltip", re.S).search(text, at)
    if not match:
        return {}
    return {int(t) // 1000: int(v) for t, v in re.findall(r"\[(\d+), (\d+)\]", match.group(1))}


def responses(report, request, outcome):
    return series(report, request, "Number of responses", outcome)


def p99(report, request):
    return series(report, request, "Response Time Percentiles over Time (OK)", "99%")


def best_window(counts, width):
    """(mean per point, first second) of the `width` consecutive seconds with the most responses. Gatling draws at
    most 1,000 points a chart, so in runs longer than 1,000 s a point covers slightly more than a second and some
    seconds have no point: means are taken over the points present."""
    busy = [s for s, n in counts.items() if n > 0]
    if not busy:
        return None
    first, last = min(busy), max(busy)
    if last - first + 1 < width:
        return None
    best, at = -1.0, first
    for start in range(first, last - width + 2):
        points = [counts[s] for s in range(start, start + width) if s in counts]
        mean = sum(points) / len(points) if points else 0
        if mean > best:
            best, at = mean, start
    return best, at


CPU = []
if os.path.exists(os.path.join(out, "cpu.txt")):
    for line in open(os.path.join(out, "cpu.txt")):
        parts = line.split()
        if len(parts) >= 5 and not line.startswith("#"):
            CPU.append([float(parts[0])] + [int(p) for p in parts[1:4]] + [int(parts[5]) if len(parts) > 5 else 0])
TICK = os.sysconf("SC_CLK_TCK")


def cpu_cells(t0, t1, rate):
    """Cells: Arena and PostgreSQL CPU-ms per request; cores busy for Arena / PostgreSQL / Gatling / whole machine."""
    inside = [c for c in CPU if t0 <= c[0] <= t1]
    if len(inside) < 2 or rate <= 0:
        return "| – | – | – |"
    a, b = inside[0], inside[-1]
    dt = (b[0] - a[0]) * TICK
    arena, pg, machine, gatling = ((b[i] - a[i]) / dt for i in (1, 2, 3, 4))
    return (f"| {arena * 1000 / rate:.2f} | {pg * 1000 / rate:.2f} "
            f"| {arena:.2f} / {pg:.2f} / {gatling:.2f} / {machine:.2f} |")


def window_row(report, request, label, width, at, rate):
    seconds = range(at, at + width)
    ok, ko, tail = responses(report, request, "OK"), responses(report, request, "KO"), p99(report, request)
    p99s = sorted(tail[s] for s in seconds if s in tail)
    worst = p99s[-1] if p99s else "–"
    median = p99s[len(p99s) // 2] if p99s else "–"
    lowest = min(ok[s] for s in seconds if s in ok)
    return (f"| {label} | **{rate:.0f}** | {lowest} | {sum(ko.get(s, 0) for s in seconds)} | {median} | {worst} "
            + cpu_cells(at, at + width, rate))


HEADER = ("| window | mean OK/s | lowest second | KO in window | p99 (ms), median second | p99 (ms), worst second "
          "| Arena CPU-ms per request | PostgreSQL CPU-ms per request | cores busy: Arena / PostgreSQL / Gatling / machine |\n"
          "|---|---|---|---|---|---|---|---|---|")

print(f"# Run {os.path.basename(out.rstrip('/'))}\n")
print(f"Simulation arguments: `{' '.join(sim_args.split()) or '(defaults)'}`\n")

for label, report in (("FloorSimulation", "floor-report"), ("ExamDaySimulation", "exam-day-report"),
                      ("PracticeSimulation", "practice-report")):
    path = os.path.join(out, report)
    if not os.path.isdir(path):
        continue
    print(f"## {label}: Gatling statistics (whole run; times in ms)\n")
    print("| request | total | OK | KO | mean/s | p50 | p75 | p95 | p99 | max |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, v in gatling_table(path).items():
        print(f"| {name} | {v['total']} | {v['ok']} | {v['ko']} | {v['rps']} | {v['p50']} | {v['p75']} | {v['p95']} | {v['p99']} | {v['max']} |")
    print()

floor_report = os.path.join(out, "floor-report")
floor_best = None
me = responses(floor_report, "me", "OK") if os.path.isdir(floor_report) else {}
if me:
    start, step = param("floor.start", 500), param("floor.step", 500)
    levels, seconds = int(param("floor.levels", 6)), int(param("floor.levelSeconds", 30))
    first = min(s for s, n in me.items() if n > 0)
    print("## Floor: GET /api/v1/me by offered rate (each level's middle seconds)\n")
    print(HEADER.replace("| window |", "| offered /s |"))
    for level in range(levels):
        begin = first + level * (seconds + 2) + 3  # skip the ramp between levels and the first seconds of a level
        width = seconds - 5
        window = [me[s] for s in range(begin, begin + width) if s in me]
        print(window_row(floor_report, "me", f"{start + level * step:.0f}", width, begin, sum(window) / len(window)))
    floor_best = best_window(me, 10)
    print(f"\nFloor throughput (best 10-s mean of OK responses): **{floor_best[0]:.0f}/s**\n")

exam_report = os.path.join(out, "exam-day-report")
exam_table = gatling_table(exam_report) if os.path.isdir(exam_report) else {}
steady = responses(exam_report, "save-steady", "OK") if exam_table else {}
if steady:
    # The simulation names "save-steady" exactly the saves made while every candidate is saving (the target's window).
    # Its length is exactly exam.steadySeconds (the span of its per-second points can show one second more).
    busy = sorted(s for s, n in steady.items() if n > 0)
    first, width = busy[0], int(param("exam.steadySeconds", 300))
    row = exam_table.get("save-steady", {})
    ok = int(row.get("ok", "0").replace(",", ""))
    rate = ok / width
    print(f"## Saves while every candidate is saving (target {param('exam.saveRate', 1400):.0f}/s for "
          f"{param('exam.steadySeconds', 300):.0f} s, p99 < 100 ms, no errors)\n")
    print(f"{ok} saves answered 204 and {row.get('ko', '?')} errors over the {width} s of the window: "
          f"**{rate:.0f} saves/s**; p99 over the window **{row.get('p99', '?')} ms** (p95 {row.get('p95', '?')}, "
          f"max {row.get('max', '?')}).\n")
    print(HEADER)
    print(window_row(exam_report, "save-steady", "all saving", width, first, rate))
    if floor_best:
        print(f"\nSaves/s in that window as a fraction of the floor's {floor_best[0]:.0f}/s: **{rate / floor_best[0]:.0%}**")
    print("\n(CPU per request in the window counts all the node did then: saves, and any late start still under way.)\n")
submit = responses(exam_report, "submit", "OK") if exam_table else {}
if submit:
    busy = [s for s, n in submit.items() if n > 0]
    span = max(busy) - min(busy) + 1
    row = exam_table.get("submit", {})
    print(f"## Submits\n\n{row.get('ok', '?')} submits answered 200 and {row.get('ko', '?')} errors, p99 {row.get('p99', '?')} ms; "
          f"the first and the last {span} s apart (the per-second chart, at most 1,000 points, holds {sum(submit.values())} "
          f"of them: highest second {max(submit.values())}/s).\n")
if exam_table:
    total = exam_table.get("All Requests", {})
    print(f"## Errors over the whole exam day\n\n{total.get('ko', '?')} of {total.get('total', '?')} requests failed "
          "(logins, starts, saves and submits together).\n")

# The practice run's seeding and its check of the contest afterwards (bench/seed-practice.sh).
for title, name in (("Practice: the year of history", "practice-seed.txt"), ("Practice: accounts for the roll", "practice-accounts.txt"),
                    ("Practice: after the run, in the database", "practice-contest.txt")):
    path = os.path.join(out, name)
    if os.path.exists(path):
        print(f"## {title}\n\n" + "".join(f"    {line}" for line in open(path, encoding="utf-8")) + "\n")

load = os.path.join(out, "machine-load.txt")
if os.path.exists(load):
    samples = [float(line.split()[1]) for line in open(load) if line.strip() and not line.startswith("#")]
    if samples:
        print(f"## Machine\n\nLoad average (1 min) sampled every 10 s during the run: mean {sum(samples) / len(samples):.1f}, "
              f"max {max(samples):.1f} on {os.cpu_count()} cores. Arena, PostgreSQL and Gatling share them, and so did "
              "other processes of this machine (machine-load.txt lists the busiest ones).\n")

live = os.path.join(out, "live-summary.md")
if os.path.exists(live):
    print(open(live, encoding="utf-8").read())
