#!/usr/bin/env python3
"""Times newsner and its baselines on one corpus and files the run (called by bench/run.sh).

Every tool runs as a whole process (startup, reading, work, output) under hyperfine, each
timed run wrapped in `/usr/bin/time -a -f %M` so that peak RSS is recorded for the same runs.
Before the timed runs each configuration runs once more with its output read here, to count
mentions (newsner: per type; icu_words: word tokens; chrono-node: dates) and to check that
newsner's output is the same at -j 1 and -j 2. Writes OUT/raw.csv (one row per timed run) and
OUT/summary.md (medians, ratios, the issue 7 floors), and prints the summary.
"""
import argparse
import csv
import datetime
import hashlib
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile

MB = 1e6  # throughput is in MB/s of article text (UTF-8 bytes of the text field), 10^6 bytes
TYPES = ("PERSON", "LOCATION", "ORGANIZATION", "DATE")


def corpus_stats(jsonl, directory, field):
    docs = text_bytes = 0
    with open(jsonl, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                docs += 1
                text_bytes += len(json.loads(line)[field].encode("utf-8"))
    dir_docs = dir_bytes = 0
    for d, _, files in os.walk(directory):
        for name in files:
            if name.endswith(".txt"):
                dir_docs += 1
                dir_bytes += os.path.getsize(os.path.join(d, name))
    return {"jsonl": (docs, text_bytes), "dir": (dir_docs, dir_bytes)}


def check_run(name, cmd, kind):
    """One untimed run with its output read: returns (counts dict, output sha256, peak RSS KB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss.name] + cmd,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        digest, counts = hashlib.sha256(), dict.fromkeys(TYPES, 0)
        last = b""
        for line in proc.stdout:
            digest.update(line)
            if kind == "newsner":
                for t in TYPES:
                    counts[t] += line.count(b'"type":"' + t.encode() + b'"')
            last = line
        err = proc.stderr.read().decode(errors="replace")
        if proc.wait() != 0:
            sys.exit(f"measure.py: {name} failed (exit {proc.returncode}): {shlex.join(cmd)}\n{err[-2000:]}")
        rss_kb = int(rss.read().split()[-1])
    if kind == "newsner":
        counts["total"] = sum(counts[t] for t in TYPES)
    elif kind == "processes":  # (their outputs go to /dev/null)
        counts = {}
    else:  # icu_words / chrono_bench print "key=value ..." on their last line
        counts = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", last.decode())}
    return counts, digest.hexdigest(), rss_kb


def hyperfine(cmd, runs, warmup, workdir, tag):
    """Timed runs of cmd; returns (list of wall seconds, list of peak RSS KB) per run."""
    rss_file = os.path.join(workdir, tag + ".rss")
    json_file = os.path.join(workdir, tag + ".json")
    if os.path.exists(rss_file):
        os.remove(rss_file)
    wrapped = shlex.join(["/usr/bin/time", "-a", "-o", rss_file, "-f", "%M"] + cmd)
    subprocess.run(["hyperfine", "-N", "--style", "none", "--runs", str(runs), "--warmup", str(warmup),
                    "--export-json", json_file, wrapped], check=True, stdout=subprocess.DEVNULL)
    with open(json_file) as f:
        times = json.load(f)["results"][0]["times"]
    with open(rss_file) as f:
        rss = [int(x) for x in f.read().split()]
    return times, rss[-len(times):]  # the warmup runs come first


def fmt(x, digits=1):
    return "-" if x is None else f"{x:,.{digits}f}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--newsner", required=True)
    ap.add_argument("--icu-words", required=True)
    ap.add_argument("--chrono", help="'NODE_PREFIX' where chrono-node is installed; omit to skip")
    ap.add_argument("--jsonl", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--corpus-label", required=True)
    ap.add_argument("--text-field", default="text")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline-runs", type=int, help="timed runs for icu_words and chrono-node (default --runs)")
    ap.add_argument("--startup-runs", type=int, default=30)
    ap.add_argument("--threads", default="1,2", help="newsner -j values, comma-separated (default 1,2)")
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--out", required=True, help="folder for raw.csv and summary.md")
    ap.add_argument("--command", default="", help="the command line, recorded in summary.md")
    args = ap.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    here = os.path.dirname(os.path.abspath(__file__))
    load_before = os.getloadavg()[0]
    stats = corpus_stats(args.jsonl, args.dir, args.text_field)
    threads = [int(j) for j in args.threads.split(",")]
    tf = ["--text-field", args.text_field] if args.text_field != "text" else []

    # name -> (tool, mode, threads, command, kind)
    configs = []
    for j in threads:
        configs.append((f"newsner jsonl -j{j}", "newsner", "jsonl", j,
                        [args.newsner, "-q", "-j", str(j), "--jsonl", *tf, args.jsonl], "newsner"))
    for j in threads:
        configs.append((f"newsner dir -j{j}", "newsner", "dir", j, [args.newsner, "-q", "-j", str(j), args.dir],
                        "newsner"))
    # The machine's own ceiling for -jN: N independent -j1 processes at once share
    # nothing of newsner's but the hardware (memory bandwidth, caches, the VM's
    # second CPU), so N times the JSONL over their wall time, over one -j1's
    # throughput, is what -jN could reach at best on this machine now.
    jn = threads[-1]
    if jn > 1:
        one = shlex.join([args.newsner, "-q", "-j", "1", "--jsonl", *tf, args.jsonl]) + " > /dev/null"
        configs.append((f"{jn} x newsner jsonl -j1 at once", "processes", "jsonl", jn,
                        ["sh", "-c", " & ".join([one] * jn) + "; wait"], "processes"))
    configs.append(("icu_words (ICU UAX#29 only)", "icu_words", "jsonl", 1, [args.icu_words, *tf, args.jsonl], "icu"))
    if args.chrono:
        configs.append(("chrono-node (dates only)", "chrono-node", "jsonl", 1,
                        ["node", os.path.join(here, "chrono_bench.mjs"), args.chrono, args.jsonl, args.text_field],
                        "chrono"))

    results, rows = [], []
    checked = {}
    for name, tool, mode, j, cmd, kind in configs:
        print(f"measure.py: {name}: check run", file=sys.stderr, flush=True)
        checked[name] = check_run(name, cmd, kind)
    # Timed runs, interleaved: round r runs each row once (a row with fewer runs
    # only in the first rounds), so that the VM's drift over the minutes of a
    # run (10% is common) enters every row alike, and the ratios between rows.
    wanted = {name: args.runs if tool == "newsner" or not args.baseline_runs else args.baseline_runs
              for name, tool, *_ in configs}
    timed = {name: ([], []) for name in wanted}
    for r in range(max(wanted.values())):
        print(f"measure.py: timed round {r + 1}", file=sys.stderr, flush=True)
        for name, tool, mode, j, cmd, kind in configs:
            if r < wanted[name]:
                t, m = hyperfine(cmd, 1, 0, args.workdir, re.sub(r"\W+", "_", name))
                timed[name][0].extend(t)
                timed[name][1].extend(m)
    for name, tool, mode, j, cmd, kind in configs:
        counts, digest, _ = checked[name]
        times, rss = timed[name]
        docs, nbytes = stats[mode]
        if tool == "processes":  # j processes, each over the whole corpus
            docs, nbytes = docs * j, nbytes * j
        med = statistics.median(times)
        results.append(dict(name=name, tool=tool, mode=mode, threads=j, counts=counts, digest=digest,
                            seconds=med, min=min(times), max=max(times), mb_s=nbytes / MB / med,
                            docs_s=docs / med, rss_kb=statistics.median(rss), cmd=cmd))
        for i, (t, r) in enumerate(zip(times, rss), 1):
            rows.append(dict(measure="throughput", config=name, tool=tool, mode=mode, threads=j, run=i,
                             seconds=f"{t:.4f}", peak_rss_kb=r, docs=docs, text_bytes=nbytes,
                             mb_per_s=f"{nbytes / MB / t:.3f}", docs_per_s=f"{docs / t:.1f}"))

    # Startup: one short JSONL record, the whole process, median of --startup-runs.
    one = os.path.join(args.workdir, "one-line.jsonl")
    with open(one, "w") as f:
        f.write(json.dumps({"id": "one", "dct": "2021-03-03",
                            "text": "SYDNEY, March 3, 2021 - Helen McAllister met the World Bank in Nairobi on Tuesday."})
                + "\n")
    startup = {}
    for name, cmd in (("newsner", [args.newsner, "-q", "-j", "1", "--jsonl", one]), ("icu_words", [args.icu_words, one])):
        print(f"measure.py: startup {name}: {args.startup_runs} runs", file=sys.stderr, flush=True)
        times, rss = hyperfine(cmd, max(args.startup_runs, 1), 3, args.workdir, "startup_" + name)
        startup[name] = (statistics.median(times), statistics.median(rss))
        for i, (t, r) in enumerate(zip(times, rss), 1):
            rows.append(dict(measure="startup", config=f"{name} one-line", tool=name, mode="jsonl", threads=1,
                             run=i, seconds=f"{t:.5f}", peak_rss_kb=r, docs=1, text_bytes=0, mb_per_s="",
                             docs_per_s=""))

    with open(os.path.join(args.out, "raw.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)

    # --- summary ---
    by = {r["name"]: r for r in results}
    def get(name):
        return by.get(name)
    j1, jn = threads[0], threads[-1]
    nj1, njn = get(f"newsner jsonl -j{j1}"), get(f"newsner jsonl -j{jn}")
    dj1, djn = get(f"newsner dir -j{j1}"), get(f"newsner dir -j{jn}")
    icu, chrono = get("icu_words (ICU UAX#29 only)"), get("chrono-node (dates only)")
    ratio = lambda a, b: a["mb_s"] / b["mb_s"] if a and b else None
    peak_rss_newsner = max(r["rss_kb"] for r in results if r["tool"] == "newsner") / 1024

    def verdict(ok):
        return "-" if ok is None else ("meets" if ok else "BELOW")

    # The same ratios round by round: both rows of a round ran within a minute
    # of each other, so the VM's drift between rounds (20-40% on a noisy
    # machine) cancels in each round's ratio. Median and quartiles over rounds.
    def paired(a, b, work=1):  # work: a's run does `work` times b's work
        if not a or not b:
            return ""
        ta, tb = timed[a["name"]][0], timed[b["name"]][0]
        per_round = sorted(work * y / x for x, y in zip(ta, tb))  # a's speed over b's: b's time over a's
        if len(per_round) < 3:
            return ""
        q = statistics.quantiles(per_round, n=4)
        return f"{statistics.median(per_round):.3f}x ({q[0]:.3f}-{q[2]:.3f})"
    procs = get(f"{jn} x newsner jsonl -j1 at once")
    r_icu, r_chrono, r_procs = ratio(nj1, icu), ratio(nj1, chrono), ratio(procs, nj1)
    r_jsonl, r_dir = ratio(njn, nj1), ratio(djn, dj1)
    start_ms = startup["newsner"][0] * 1000

    lines = []
    out = lines.append
    commit = subprocess.run(["git", "-C", here, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", here, "status", "--porcelain", "--", ".."], capture_output=True, text=True).stdout
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    out(f"# newsner bench: {datetime.date.today().isoformat()} on {platform.node()}")
    out("")
    out(f"- commit: `{commit}`{' (work tree has uncommitted changes)' if dirty.strip() else ''}")
    out(f"- machine: {cpu}, {os.cpu_count()} hardware threads, {platform.system()} {platform.release()}")
    out(f"- corpus: {args.corpus_label}: JSONL {stats['jsonl'][0]:,} docs, {stats['jsonl'][1] / MB:.1f} MB of text; "
        f"directory {stats['dir'][0]:,} files, {stats['dir'][1] / MB:.1f} MB")
    out(f"- load average (1 min) before / after the run: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
        f"(above 0.5 means other work shared the CPUs and the numbers are noisy)")
    base = f", {args.baseline_runs} for icu_words and chrono-node" if args.baseline_runs else ""
    out(f"- runs: median of {args.runs} timed runs per newsner row{base} (hyperfine, whole process, output to /dev/null, rows interleaved round by round); "
        f"startup median of {args.startup_runs}")
    if args.command:
        out(f"- command: `{args.command}`")
    out("")
    out("| tool | input | MB/s | docs/s | median s (min-max) | peak RSS MB | mentions |")
    out("| --- | --- | ---: | ---: | --- | ---: | --- |")
    for r in results:
        c = r["counts"]
        if r["tool"] == "newsner":
            m = f"{c['total']:,} (P {c['PERSON']:,} L {c['LOCATION']:,} O {c['ORGANIZATION']:,} D {c['DATE']:,})"
        elif r["tool"] == "processes":
            m = f"(outputs not kept; the machine's ceiling for -j{r['threads']})"
        elif r["tool"] == "icu_words":
            m = f"{c.get('tokens', 0):,} word tokens"
        else:
            m = f"{c.get('mentions', 0):,} dates"
        out(f"| {r['name']} | {r['mode']} | {fmt(r['mb_s'], 2)} | {fmt(r['docs_s'], 0)} | "
            f"{r['seconds']:.2f} ({r['min']:.2f}-{r['max']:.2f}) | {r['rss_kb'] / 1024:.0f} | {m} |")
    out(f"| newsner startup (one line) | jsonl | | | {start_ms:.1f} ms | {startup['newsner'][1] / 1024:.0f} | |")
    out(f"| icu_words startup (one line) | jsonl | | | {startup['icu_words'][0] * 1000:.1f} ms | "
        f"{startup['icu_words'][1] / 1024:.0f} | |")
    out("")
    same = [f"-j{j}" for j in threads]
    jsonl_same = len({by[f'newsner jsonl -j{j}']['digest'] for j in threads}) == 1
    dir_same = len({by[f'newsner dir -j{j}']['digest'] for j in threads}) == 1
    out(f"newsner output identical across {', '.join(same)}: JSONL {'yes' if jsonl_same else 'NO'}, "
        f"directory {'yes' if dir_same else 'NO'}.")
    out("")
    out("| ratio | value (of medians) | per round: median (quartiles) | issue 7 floor | |")
    out("| --- | ---: | ---: | --- | --- |")
    out(f"| newsner jsonl -j{j1} MB/s | {fmt(nj1['mb_s'], 2)} | | >= 30 MB/s | {verdict(nj1['mb_s'] >= 30)} |")
    out(f"| newsner -j{j1} / icu_words | {fmt(r_icu, 3)}x | {paired(nj1, icu)} | >= 0.35x | {verdict(None if r_icu is None else r_icu >= 0.35)} |")
    out(f"| newsner -j{j1} / chrono-node | {fmt(r_chrono, 2)}x | {paired(nj1, chrono)} | (peer; no floor) | |")
    out(f"| newsner jsonl -j{jn} / -j{j1} | {fmt(r_jsonl, 2)}x | {paired(njn, nj1) if jn != j1 else ''} | >= 1.8x | {verdict(None if r_jsonl is None or jn == j1 else r_jsonl >= 1.8)} |")
    if procs:
        out(f"| {jn} newsner -j1 processes at once / one (this machine's ceiling for -j{jn}) | {fmt(r_procs, 2)}x | "
            f"{paired(procs, nj1, jn)} | (context) | |")
    out(f"| newsner dir -j{jn} / -j{j1} | {fmt(r_dir, 2)}x | {paired(djn, dj1) if jn != j1 else ''} | >= 1.8x | {verdict(None if r_dir is None or jn == j1 else r_dir >= 1.8)} |")
    out(f"| newsner startup, one line | {start_ms:.1f} ms | | <= 15 ms | {verdict(start_ms <= 15)} |")
    out(f"| newsner peak RSS (max over rows) | {peak_rss_newsner:.0f} MB | | <= 120 MB | {verdict(peak_rss_newsner <= 120)} |")
    out("")
    out("Numbers are reported, never asserted (STYLE.md 2.5). MB = 10^6 bytes of article text "
        "(the UTF-8 text field, or the files' bytes in directory mode).")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "summary.md"), "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
