#!/usr/bin/env python3
"""Time the PaperQL example query with DuckDB, SQLite and plain Python on a JSONL corpus.

    duckdb_compare.py DATA.jsonl [--runs 3] [--threads 1] [--repeats 5] [--variants ...]

The query under test is the one from the PaperQL docs,

    papers where params < 10B and topic = "quantization"

answered here with regular expressions over title + abstract (see "Approximate semantics" below).
Every variant runs in a fresh Python process (this script re-invoked with --worker); the driver
measures each process end to end with time.perf_counter and reports the median of --runs runs.
Inside a process the worker also times its own steps, and runs each warm query once to warm up
and then --repeats times, keeping the median. The tables are medians of those per-process numbers.

Variants
  duckdb-oneshot  read_json + regexp_extract + keyword filter in one SQL statement -> count
  duckdb-table    materialise (id, title, params, topics) for every paper into an in-memory table,
                  then warm queries: the filter, a group-by-topic count, top-10 by params
  sqlite-table    Python json + re computes the same columns, loads them into in-memory SQLite
                  (papers + paper_topics with an index), then warm filter, group-by and top-10
  python-oneshot  json.loads + re per line, counting matches; no database
  paperql         optional (--paperql BINARY): `paperql query --corpus DATA 'count papers where ...'`

Approximate semantics (our own rules, NOT PaperQL's extractors):
  * params: the FIRST match in title + " " + abstract of PARAM_RE: a number followed by B, M or T
    as a separate token ("7B", "GLM-130B", "760M", "15T"), or a number followed by
    "billion|million|trillion param..." ("1.3 billion parameters"). Converted with B=1e9, M=1e6,
    T=1e12. Known gaps: it also takes token/image counts ("15T tokens", "1.2M images"), it misses
    spelled-out and comma forms ("a trillion-parameter model", "350,000 parameters"), reads
    "Mixtral 8x7B" as 7e9 and "2B4T" as 4e12, and it looks at the first count only, whereas
    PaperQL keeps every count and `params < 10B` holds when any of them passes.
  * topic: a case-insensitive keyword list per topic (TOPIC_KEYWORDS), each keyword matched at
    the start of a word; a paper gets every topic one of whose keywords occurs. This is a crude
    stand-in for PaperQL's topic definitions and over-matches (e.g. "benchmark" in any paper that
    mentions benchmarks).
  The same rules are used by every variant: RE2 in DuckDB, Python `re` (re.ASCII) elsewhere,
  where the keyword alternation is compiled as an equivalent prefix tree and run on lower-cased
  text (see trie_pattern). All variants should return the same count; the driver checks that,
  and that DuckDB and SQLite produce the same group-by and top-10 results.
"""

import argparse
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time

# ---------------------------------------------------------------------------------------------
# Patterns shared by all variants
# ---------------------------------------------------------------------------------------------

# number + unit letter as its own token, or number + spelled-out scale + "param..."
PARAM_RE = r"(\d+(?:\.\d+)?)(?:\s?([BMT])\b|\s(billion|million|trillion)[ -]param)"
SCALE = {"B": 1e9, "M": 1e6, "T": 1e12, "billion": 1e9, "million": 1e6, "trillion": 1e12}
LIMIT = 1e10  # "params < 10B"

# Keywords per topic, lower case. Each is matched case-insensitively after a word boundary, so
# "prun" matches "pruning" and "pruned"; a trailing \b forces a whole word ("nas\b").
TOPIC_KEYWORDS = [
    ("quantization", ["quantiz", "quantis", "low-bit", "int4", "int8"]),
    ("pruning", ["prun"]),
    ("sparsity", ["sparsit", "sparse"]),
    ("distillation", ["distil"]),
    ("moe", ["mixture-of-experts", "mixture of experts", r"moe\b"]),
    ("peft", ["parameter-efficient fine-tuning", r"lora\b", "adapter", "prompt tuning", "prefix tuning"]),
    ("scaling-laws", ["scaling law", "compute-optimal"]),
    ("efficient-inference", ["speculative decoding", "kv cache", "efficient inference", "inference latency",
                             "early exit", "llm serving"]),
    ("efficient-training", ["efficient training", "training efficiency", "mixed-precision training",
                            "gradient checkpointing", "optimizer memory"]),
    ("small-models", ["small language model", "on-device", "edge device", "smartphone", "mobile"]),
    ("nas", ["architecture search", r"nas\b"]),
    ("llm", ["large language model", "llm"]),
    ("vision", ["vision transformer", "image classification", "object detection", "semantic segmentation",
                "instance segmentation", "visual recognition", "computer vision"]),
    ("multimodal", ["multimodal", "multi-modal", "vision-language", "image-text"]),
    ("diffusion", ["diffusion"]),
    ("speech", ["speech", r"asr\b", "audio", "spoken"]),
    ("reasoning", ["reasoning", "chain-of-thought"]),
    ("alignment", ["alignment", r"rlhf\b", r"dpo\b", "preference optimization", "human feedback", "reward model"]),
    ("benchmark", ["benchmark"]),
    ("survey", ["survey", "literature review"]),
    ("medical", ["medical", "clinical", "health", "radiolog"]),
    ("code", ["code generation", "program synthesis", "code completion", "program repair", "code model",
              "code language model", "code llm"]),
    ("theory", ["we prove", "theorem", "generalization bound", "lower bound", "excess risk", "implicit bias"]),
    ("graph", ["graph neural", r"gnns?\b", "message passing", "graph transformer", "graph representation"]),
    ("time-series", ["time series", "time-series", "forecasting"]),
    ("retrieval", ["retrieval-augmented", r"rag\b", "dense retrieval", "retriever"]),
    ("agents", ["agent", "tool use", "tool-augmented"]),
    ("robotics", ["robot", "manipulation", "embodied", "locomotion"]),
]
TOPIC = "quantization"


def _alternation(keywords):
    # Longer keywords first: with leftmost-first alternation (RE2 and Python re alike) a keyword
    # that is a prefix of another must not win at the same position.
    return r"(?i)\b(?:" + "|".join(sorted(keywords, key=lambda k: (-len(k), k))) + ")"


ALL_KEYWORDS = [k for _, ks in TOPIC_KEYWORDS for k in ks]
TOPIC_RE = _alternation(ALL_KEYWORDS)
QUANT_RE = _alternation(dict(TOPIC_KEYWORDS)[TOPIC])


def _matched_text(keyword):
    """What a keyword matches in lower case: the keyword without its regex tokens."""
    return keyword.replace(r"\b", "").replace("s?", "")


def _keyword_map():
    out = {}
    for topic, ks in TOPIC_KEYWORDS:
        for k in ks:
            base = _matched_text(k)
            out[base] = topic
            if k.endswith(r"s?\b"):  # "gnns?\b" matches "gnn" and "gnns"
                out[base + "s"] = topic
    return out


KEYWORD_TOPIC = _keyword_map()

# ---------------------------------------------------------------------------------------------
# DuckDB SQL
# ---------------------------------------------------------------------------------------------


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def sql_params(pm):
    return ("(TRY_CAST({pm}.num AS DOUBLE) * CASE WHEN {pm}.unit = 'B' OR {pm}.word = 'billion' THEN 1e9 "
            "WHEN {pm}.unit = 'M' OR {pm}.word = 'million' THEN 1e6 "
            "WHEN {pm}.unit = 'T' OR {pm}.word = 'trillion' THEN 1e12 END)").format(pm=pm)


def sql_source(path):
    return ("SELECT id, title, concat_ws(' ', title, abstract) AS text FROM read_json(%s)" % sql_str(path))


def sql_oneshot(path):
    return ("WITH docs AS (%s), "
            "m AS (SELECT text, regexp_extract(text, %s, ['num', 'unit', 'word']) AS pm FROM docs) "
            "SELECT count(*) FROM m WHERE regexp_matches(text, %s) AND %s < %s"
            % (sql_source(path), sql_str(PARAM_RE), sql_str(QUANT_RE), sql_params("pm"), repr(LIMIT)))


def sql_materialise(path):
    keyword_map = "MAP {" + ", ".join("%s: %s" % (sql_str(k), sql_str(v)) for k, v in sorted(KEYWORD_TOPIC.items())) + "}"
    return ("CREATE TABLE papers AS WITH docs AS (%s), "
            "m AS (SELECT id, title, regexp_extract(text, %s, ['num', 'unit', 'word']) AS pm, "
            "regexp_extract_all(text, %s) AS hits FROM docs) "
            "SELECT id, title, %s AS params, "
            "list_sort(list_distinct([%s[lower(h)] for h in hits])) AS topics FROM m"
            % (sql_source(path), sql_str(PARAM_RE), sql_str(TOPIC_RE), sql_params("pm"), keyword_map))


DUCK_WARM = [
    ("filter", "SELECT count(*) FROM papers WHERE params < %r AND list_contains(topics, %s)" % (LIMIT, sql_str(TOPIC))),
    ("group-by", "SELECT topic, count(*) AS n FROM (SELECT unnest(topics) AS topic FROM papers) "
                 "GROUP BY topic ORDER BY n DESC, topic"),
    ("top-10", "SELECT id, title, params FROM papers WHERE params IS NOT NULL ORDER BY params DESC, id LIMIT 10"),
]

SQLITE_WARM = [
    ("filter", "SELECT count(*) FROM papers p JOIN paper_topics t ON t.paper = p.rowid "
               "WHERE t.topic = %s AND p.params < %r" % (sql_str(TOPIC), LIMIT)),
    ("group-by", "SELECT topic, count(*) AS n FROM paper_topics GROUP BY topic ORDER BY n DESC, topic"),
    ("top-10", "SELECT id, title, params FROM papers WHERE params IS NOT NULL ORDER BY params DESC, id LIMIT 10"),
]

# ---------------------------------------------------------------------------------------------
# Python side of the same rules
# ---------------------------------------------------------------------------------------------

def trie_pattern(keywords):
    """The alternation of `keywords` as a prefix tree, for Python's backtracking `re`.

    Python `re` tries every alternative of a flat 100-keyword alternation at every position
    (about 10x slower than this form); RE2 in DuckDB compiles both forms to the same automaton.
    The tree matches exactly what the flat, longest-first alternation matches: at a node that
    ends a keyword, the longer continuations are tried first ((?:...)? is greedy). Expects lower
    case text; keywords may contain the regex tokens \\b and s?.
    """
    expanded = []
    for k in keywords:
        if "s?" in k:
            expanded += [k.replace("s?", ""), k.replace("s?", "s")]
        else:
            expanded.append(k)
    root = {}
    for k in expanded:
        node = root
        i = 0
        while i < len(k):
            tok = "\\b" if k.startswith("\\b", i) else k[i]
            i += len(tok)
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node):
        alts = [(tok if tok == "\\b" else re.escape(tok)) + emit(node[tok]) for tok in sorted(node) if tok]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return "\\b" + emit(root)


PY_PARAM = re.compile(PARAM_RE, re.ASCII)
PY_TOPIC = re.compile(trie_pattern(ALL_KEYWORDS), re.ASCII)  # applied to lower-cased text
PY_QUANT = re.compile(trie_pattern(dict(TOPIC_KEYWORDS)[TOPIC]), re.ASCII)


def py_params(text):
    m = PY_PARAM.search(text)
    if m is None:
        return None
    return float(m.group(1)) * SCALE[m.group(2) or m.group(3)]


def py_topics(text):
    return sorted({KEYWORD_TOPIC[h] for h in PY_TOPIC.findall(text.lower())})


def paper_text(obj):
    title = obj.get("title") or ""
    abstract = obj.get("abstract") or ""
    return title + " " + abstract


# ---------------------------------------------------------------------------------------------
# Workers (one per process)
# ---------------------------------------------------------------------------------------------


def timed_warm(run, queries, repeats):
    out = {}
    results = {}
    for name, sql in queries:
        results[name] = run(sql)  # warm-up, also the reported result
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            run(sql)
            times.append(time.perf_counter() - t0)
        out["warm " + name] = statistics.median(times)
    return out, results


def worker_duckdb_oneshot(path, args):
    import duckdb
    t0 = time.perf_counter()
    con = duckdb.connect()
    con.execute("SET threads = %d" % args.threads)
    count = con.execute(sql_oneshot(path)).fetchone()[0]
    return {"count": count, "timings": {"query": time.perf_counter() - t0}}


def warm_report(con, queries, timings, args):
    """Runs the warm queries on a materialised table; the worker's report with their results."""
    warm, results = timed_warm(lambda q: con.execute(q).fetchall(), queries, args.repeats)
    timings.update(warm)
    return {"count": results["filter"][0][0], "timings": timings,
            "groups": [[t, n] for t, n in results["group-by"]],
            "top": [[i, p] for i, _, p in results["top-10"]]}


def worker_duckdb_table(path, args):
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads = %d" % args.threads)
    t0 = time.perf_counter()
    con.execute(sql_materialise(path))
    timings = {"materialise": time.perf_counter() - t0}
    return warm_report(con, DUCK_WARM, timings, args)


def worker_sqlite_table(path, args):
    t0 = time.perf_counter()
    rows = []
    topic_rows = []
    loads = json.loads
    with open(path, "rb") as f:
        for rowid, line in enumerate(f, 1):
            obj = loads(line)
            text = paper_text(obj)
            rows.append((rowid, obj.get("id"), obj.get("title"), py_params(text)))
            for t in py_topics(text):
                topic_rows.append((rowid, t))
    t1 = time.perf_counter()
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE papers (rowid INTEGER PRIMARY KEY, id TEXT, title TEXT, params REAL)")
    con.execute("CREATE TABLE paper_topics (paper INTEGER, topic TEXT)")
    con.executemany("INSERT INTO papers VALUES (?, ?, ?, ?)", rows)
    con.executemany("INSERT INTO paper_topics VALUES (?, ?)", topic_rows)
    con.execute("CREATE INDEX paper_topics_topic ON paper_topics (topic, paper)")
    con.commit()
    del rows, topic_rows
    t2 = time.perf_counter()
    timings = {"parse + extract (python)": t1 - t0, "insert + index": t2 - t1, "materialise": t2 - t0}
    return warm_report(con, SQLITE_WARM, timings, args)


def worker_python_oneshot(path, args):
    t0 = time.perf_counter()
    count = 0
    loads = json.loads
    quant = PY_QUANT.search
    with open(path, "rb") as f:
        for line in f:
            obj = loads(line)
            text = paper_text(obj)
            if quant(text.lower()) is not None:
                p = py_params(text)
                if p is not None and p < LIMIT:
                    count += 1
    return {"count": count, "timings": {"scan": time.perf_counter() - t0}}


WORKERS = {
    "duckdb-oneshot": worker_duckdb_oneshot,
    "duckdb-table": worker_duckdb_table,
    "sqlite-table": worker_sqlite_table,
    "python-oneshot": worker_python_oneshot,
}
DEFAULT_VARIANTS = ["duckdb-oneshot", "duckdb-table", "sqlite-table", "python-oneshot"]
TITLES = {
    "duckdb-oneshot": "(1) DuckDB one-shot",
    "duckdb-table": "(2) DuckDB materialised",
    "sqlite-table": "(3) SQLite materialised",
    "python-oneshot": "(4) Python json+re one-shot",
    "paperql": "PaperQL one-shot",
}

# ---------------------------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------------------------


def run_variant(variant, path, args):
    if variant == "paperql":
        query = 'count papers where params < 10B and topic = "%s"' % TOPIC
        cmd = [args.paperql, "query", "--corpus", path, query]
    else:
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", variant, path,
               "--threads", str(args.threads), "--repeats", str(args.repeats)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=args.timeout)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError("%s failed (exit %d): %s" % (variant, proc.returncode, proc.stderr.strip()[-2000:]))
    if variant == "paperql":
        nums = re.findall(r"\d+", proc.stdout)
        out = {"count": int(nums[-1]) if nums else None, "timings": {}, "raw": proc.stdout.strip()[-200:]}
    else:
        out = json.loads(proc.stdout)
    out["wall"] = wall
    return out


def fmt_s(x):
    if x < 0.01:
        return "%.2f ms" % (x * 1000)
    if x < 1:
        return "%.0f ms" % (x * 1000)
    return "%.2f s" % x


def count_lines(path):
    n = 0
    with open(path, "rb") as f:
        while True:
            b = f.read(1 << 24)
            if not b:
                break
            n += b.count(b"\n")
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", help="JSONL corpus (one paper per line)")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per variant (median is reported)")
    ap.add_argument("--repeats", type=int, default=5, help="timed repetitions of each warm query per process")
    ap.add_argument("--threads", type=int, default=1, help="DuckDB threads (default 1, to keep runs single-threaded)")
    ap.add_argument("--variants", default=",".join(DEFAULT_VARIANTS),
                    help="comma-separated subset of: " + ", ".join(DEFAULT_VARIANTS + ["paperql"]))
    ap.add_argument("--paperql", help="path to a built paperql binary; adds the paperql variant")
    ap.add_argument("--timeout", type=float, default=None, help="seconds before a single run is abandoned")
    ap.add_argument("--json", help="also write all raw measurements to this file")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.worker:
        res = WORKERS[args.worker](args.data, args)
        json.dump(res, sys.stdout)
        return

    path = os.path.abspath(args.data)
    variants = [v.strip() for v in args.variants.split(",") if v.strip()]
    if args.paperql and "paperql" not in variants:
        variants.append("paperql")
    for v in variants:
        if v not in WORKERS and v != "paperql":
            ap.error("unknown variant %r" % v)
        if v == "paperql" and not args.paperql:
            ap.error("the paperql variant needs --paperql BINARY")

    import duckdb
    size = os.path.getsize(path)
    papers = count_lines(path)
    print("# PaperQL comparison: `papers where params < 10B and topic = \"%s\"`" % TOPIC)
    print()
    print("- data: `%s`, %d papers, %.1f MB" % (args.data, papers, size / 1e6))
    print("- DuckDB %s (threads=%d), SQLite %s, Python %s, %s, %d CPUs"
          % (duckdb.__version__, args.threads, sqlite3.sqlite_version, platform.python_version(),
             platform.machine(), os.cpu_count() or 0))
    print("- %d fresh processes per variant; median, min and max across processes; warm queries: "
          "median of %d repeats after one warm-up, per process" % (args.runs, args.repeats))
    print()
    sys.stdout.flush()

    raw = {}
    failures = {}
    for v in variants:
        runs = []
        for i in range(args.runs):
            try:
                runs.append(run_variant(v, path, args))
            except subprocess.TimeoutExpired:
                failures[v] = "timed out after %.0f s (run %d)" % (args.timeout, i + 1)
                break
            except RuntimeError as e:
                failures[v] = str(e)
                break
            print("  %s run %d: %.2f s wall" % (v, i + 1, runs[-1]["wall"]), file=sys.stderr)
        raw[v] = runs

    print("| variant | step | median | min | max | result |")
    print("|---|---|---:|---:|---:|---|")
    counts = {}
    for v in variants:
        runs = raw[v]
        if not runs:
            print("| %s | - | - | - | - | %s |" % (TITLES[v], failures.get(v, "no run")))
            continue
        counts[v] = runs[0]["count"]
        steps = [("process, end to end", [r["wall"] for r in runs])]
        for k in runs[0]["timings"]:
            steps.append((k, [r["timings"][k] for r in runs]))
        for j, (step, xs) in enumerate(steps):
            result = ""
            if step in ("process, end to end",):
                result = "count %s" % runs[0]["count"]
            elif step == "warm group-by" and "groups" in runs[0]:
                g = runs[0]["groups"]
                result = "%d topics; %s" % (len(g), ", ".join("%s %d" % (t, n) for t, n in g[:3]))
            elif step == "warm top-10" and "top" in runs[0]:
                result = "max %.3g" % runs[0]["top"][0][1] if runs[0]["top"] else "empty"
            label = TITLES[v] if j == 0 else ""
            print("| %s | %s | %s | %s | %s | %s |" % (label, step, fmt_s(statistics.median(xs)),
                                                    fmt_s(min(xs)), fmt_s(max(xs)), result))
        if v in failures:
            print("| | (incomplete) | | | | %s |" % failures[v])
    print()
    distinct = sorted(set(c for k, c in counts.items() if k != "paperql"))
    if len(distinct) == 1:
        print("All SQL/Python variants return the same count: %s." % distinct[0])
    elif distinct:
        print("WARNING: variants disagree on the count: %s" % counts)
    if "paperql" in counts:
        print("PaperQL count (its own extractors, so expected to differ): %s" % counts["paperql"])
    for v, msg in failures.items():
        print("NOTE: %s: %s" % (v, msg))
    # Agreement of the materialised columns between DuckDB and SQLite.
    d, s = raw.get("duckdb-table"), raw.get("sqlite-table")
    if d and s:
        same_groups = d[0]["groups"] == s[0]["groups"]
        same_top = d[0]["top"] == s[0]["top"]
        print("DuckDB and SQLite group-by results %s; top-10 %s."
              % ("agree" if same_groups else "DIFFER", "agrees" if same_top else "DIFFERS"))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"data": path, "papers": papers, "bytes": size, "duckdb": duckdb.__version__,
                       "threads": args.threads, "runs": raw, "failures": failures}, f, indent=1)


if __name__ == "__main__":
    main()
