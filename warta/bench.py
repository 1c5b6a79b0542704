"""``warta bench``: throughput, memory, per-stage time and cold start on CLICK-ID news articles.

Each measurement runs in a fresh Python process so that peak RSS and cold start are
what a user would see, not what earlier measurements left behind. The spaCy blank
tokenizer pass over the same texts, in the same process as ``extract_many``, gives a
ratio that stays comparable across machines of different speed.

Example:
    >>> result = run_bench(n=200, data_dir=None, markdown=None)   # doctest: +SKIP
    >>> print(render(result))                                     # doctest: +SKIP
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .paths import REPO_ROOT

#: The corpus file, relative to the data folder.
CORPUS = Path("indonesian-news-clickid") / "articles.jsonl.gz"
DEFAULT_N = 2000
#: Targets from issue 6 for the full offline pipeline on the 2-core machine.
TARGET_ARTICLES_PER_S = 50.0
TARGET_PEAK_RSS_MB = 1536.0
#: The blank tokenizer language (Indonesian rules, no model).
BLANK_LANGUAGE = "id"
#: A phase subprocess may not run longer than this (seconds).
PHASE_TIMEOUT_S = 3600
DEFAULT_MARKDOWN = REPO_ROOT / "docs" / "performance.md"
PHASES = ("cold", "extract", "ingest")
#: docs/performance.md is shared with other benchmarks (the web's): ``--markdown`` rewrites only
#: the part between these markers.
SECTION_START = "<!-- warta bench: start (written by `warta bench --markdown`; edits inside are overwritten) -->"
SECTION_END = "<!-- warta bench: end -->"
PAGE_TITLE = "# Performance\n\n"


# -- the corpus -----------------------------------------------------------------------------------

def corpus_path(data_dir: Path | None) -> Path:
    from .paths import default_data_dir

    return (Path(data_dir) if data_dir is not None else default_data_dir()) / CORPUS


def load_articles(n: int, data_dir: Path | None) -> list[dict[str, Any]]:
    """``n`` articles spread evenly over the file (every k-th line), as ``extract_many`` input dicts.

    A spread, not the first ``n`` lines, because the file is ordered by publisher.
    The headline goes on the first line, as a user would feed a whole story.
    """
    path = corpus_path(data_dir)
    if not path.exists():
        from .errors import InputError

        raise InputError(f"the CLICK-ID corpus is not at {path}", hint="pass --data DIR or set WARTA_DATA")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        total = sum(1 for _ in fh)
    stride = max(1, total // max(n, 1))
    out: list[dict[str, Any]] = []
    for i, rec in enumerate(_records(path)):
        if i % stride or len(out) >= n:
            continue
        content = (rec.get("content") or "").strip()
        if not content:
            continue
        title = (rec.get("title") or "").strip()
        out.append({"id": str(rec["id"]), "text": f"{title}\n\n{content}" if title else content,
                    "title": title or None, "published": rec.get("date"), "url": rec.get("url")})
    return out


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


class _TreeMemory:
    """Samples the summed memory of this process and its children (the workers of ``--processes``).

    RSS counts pages shared copy-on-write once per process, so its sum overstates what forked workers
    use; PSS splits each shared page among its sharers and sums to the real total. Both are reported.
    """

    #: seconds between samples
    PERIOD_S = 0.2

    def __init__(self) -> None:
        import threading

        self.peak_rss_kb = self.peak_pss_kb = 0
        self.max_processes = 1
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "_TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            pids = [os.getpid(), *_children(os.getpid())]
            self.max_processes = max(self.max_processes, len(pids))
            self.peak_rss_kb = max(self.peak_rss_kb, sum(_proc_kb(p, "status", "VmRSS:") for p in pids))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_proc_kb(p, "smaps_rollup", "Pss:") for p in pids))
            self._stop.wait(self.PERIOD_S)

    def as_dict(self) -> dict[str, Any]:
        return {"tree_peak_rss_mb": self.peak_rss_kb / 1024, "tree_peak_pss_mb": self.peak_pss_kb / 1024,
                "tree_processes": self.max_processes}


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _proc_kb(pid: int, name: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}/{name}", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS).
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


# -- phases (each runs in its own process) ----------------------------------------------------------

def phase_cold(n: int, data_dir: Path | None) -> dict[str, Any]:
    """Import warta and extract one article, from nothing loaded."""
    article = load_articles(1, data_dir)[0]
    t0 = time.perf_counter()
    import warta

    t1 = time.perf_counter()
    warta.extract(article["text"], published=article["published"])
    t2 = time.perf_counter()
    return {"import_s": t1 - t0, "first_article_s": t2 - t1, "total_s": t2 - t0, "peak_rss_mb": _peak_rss_mb()}


def _extract_pipeline() -> Any:
    """The pipeline object ``extract_many`` runs (its ``timings`` hold the per-stage seconds).

    ``default_pipeline`` is an lru_cache: ``default_pipeline()`` and ``default_pipeline(coder="rules")``
    are different entries, so ask for it the way ``extract_many`` does.
    """
    import inspect

    from .api import default_pipeline

    if "coder" in inspect.signature(default_pipeline).parameters:
        return default_pipeline(coder="rules")
    return default_pipeline()


def _warm_up(articles: list[dict[str, Any]]) -> None:
    """Load every model with one article, so throughput measures steady work, not loading."""
    from .api import extract_many

    list(extract_many(articles[:1], errors="include"))
    _extract_pipeline().timings.clear()


def phase_extract(n: int, data_dir: Path | None, processes: int = 1) -> dict[str, Any]:
    """``extract_many`` over the articles, then a blank spaCy tokenizer pass over the same texts."""
    import spacy

    from .api import extract_many

    articles = load_articles(n, data_dir)
    _warm_up(articles)
    kw = {"n_process": processes} if processes != 1 else {}
    t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
    with _TreeMemory() as mem:
        failed = sum(1 for r in extract_many(articles, errors="include", **kw) if "error" in r)
    # the workers' CPU time counts once they have exited (the pool joins them at the end)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0 + _children_cpu() - k0
    stages = dict(_extract_pipeline().timings)
    rss = _peak_rss_mb()

    nlp = spacy.blank(BLANK_LANGUAGE)
    texts = [a["text"] for a in articles]
    t0 = time.perf_counter()
    tokens = sum(sum(1 for t in d if not t.is_space) for d in nlp.pipe(texts, batch_size=256))
    blank_secs = time.perf_counter() - t0
    return {
        "articles": len(articles), "chars": sum(map(len, texts)), "tokens": tokens, "failed": failed,
        "seconds": secs, "cpu_seconds": cpu, "stages": stages, "peak_rss_mb": rss, "blank_seconds": blank_secs,
        "processes": processes, **mem.as_dict(),
    }


def phase_ingest(n: int, data_dir: Path | None, processes: int = 1) -> dict[str, Any]:
    """Process and store the articles into a fresh SQLite file through the batch ingest runner."""
    try:
        from .runner import ingest_articles
        from .store import Store
    except ImportError as exc:
        return {"skipped": f"the store or ingest runner is not available ({exc})"}
    from .ingest import article_from_record

    articles = load_articles(n, data_dir)
    _warm_up(articles)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store(str(db))
        kw = {"n_process": processes} if processes != 1 else {}
        t0 = time.perf_counter()
        with _TreeMemory() as mem:
            summary = ingest_articles((article_from_record(a) for a in articles), store=store, reprocess=True, **kw)
        secs = time.perf_counter() - t0
        store.close()
        size = sum(p.stat().st_size for p in Path(tmp).iterdir())
    return {"articles": len(articles), "ingested": summary.ingested, "failed": summary.failed, "seconds": secs,
            "peak_rss_mb": _peak_rss_mb(), "db_mb": size / 1e6, "processes": processes, **mem.as_dict()}


_PHASE_FUNCS = {"cold": phase_cold, "extract": phase_extract, "ingest": phase_ingest}


def _run_phase(phase: str, n: int, data_dir: Path | None, processes: int = 1) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return its JSON (or an ``error``)."""
    cmd = [sys.executable, "-m", "warta.bench", "--phase", phase, "--n", str(n), "--processes", str(processes)]
    if data_dir is not None:
        cmd += ["--data", str(data_dir)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=PHASE_TIMEOUT_S)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"error": f"phase {phase} exited {proc.returncode}: {tail}"}
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    return out


# -- the whole benchmark ---------------------------------------------------------------------------

def run_bench(*, n: int = DEFAULT_N, data_dir: Path | None = None, markdown: Path | None = None,
              phases: tuple[str, ...] = PHASES, processes: int = 1) -> dict[str, Any]:
    """Run the phases and return the numbers; with ``markdown``, also write that file.

    Args:
        n: how many CLICK-ID articles to process.
        data_dir: the shared data folder (default ``$WARTA_DATA`` or ``../shared/data``).
        markdown: where to write the report (e.g. ``docs/performance.md``), or None.
        processes: worker processes for ``extract_many`` and ingest (``n_process``; 1 = this process only).
    """
    from .eval.gate import git_commit

    corpus_path(data_dir)  # fail early, in this process, if the corpus is missing
    load_articles(1, data_dir)
    result: dict[str, Any] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(REPO_ROOT),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "spacy": _version("spacy"), "load_before": _load()},
        "n": n, "processes": processes,
    }
    for phase in phases:
        result[phase] = _run_phase(phase, n, data_dir, processes)
    result["machine"]["load_after"] = _load()
    result["summary"] = summarise(result)
    if markdown is not None:
        write_markdown(markdown, render(result, "markdown"))
    return result


def write_markdown(path: Path, section: str) -> None:
    """Put ``section`` between the markers in ``path``, keeping everything else in the file.

    Example:
        >>> import tempfile; p = Path(tempfile.mkdtemp()) / "perf.md"
        >>> _ = p.write_text("# Performance\\n\\n## Web\\nfast\\n")
        >>> write_markdown(p, f"{SECTION_START}\\nnew\\n{SECTION_END}\\n")
        >>> "## Web" in p.read_text() and "new" in p.read_text()
        True
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    old = path.read_text(encoding="utf-8") if path.exists() else PAGE_TITLE
    if SECTION_START in old and SECTION_END in old:
        before, rest = old.split(SECTION_START, 1)
        after = rest.split(SECTION_END, 1)[1].lstrip("\n")
        new = before + section.rstrip("\n") + "\n" + ("\n" + after if after else "")
    else:
        # No section yet: it goes right under the page title, before other benchmarks' sections.
        head, sep, tail = old.partition(PAGE_TITLE) if old.startswith(PAGE_TITLE) else ("", "", old)
        new = head + (sep or PAGE_TITLE) + section.rstrip("\n") + "\n\n" + tail.lstrip("\n")
    path.write_text(new, encoding="utf-8")


def _load() -> float | None:
    """The 1-minute load average: on a shared machine it says how much the wall times are inflated."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "absent"


def summarise(result: dict[str, Any]) -> dict[str, Any]:
    """Rates, the blank-tokenizer ratio and whether the targets hold."""
    s: dict[str, Any] = {}
    ex = result.get("extract", {})
    if "seconds" in ex and ex["seconds"] > 0:
        s["articles_per_s"] = ex["articles"] / ex["seconds"]
        s["tokens_per_s"] = ex["tokens"] / ex["seconds"]
        cpu = ex.get("cpu_seconds")
        s["articles_per_cpu_s"] = ex["articles"] / cpu if cpu else None
        s["blank_articles_per_s"] = ex["articles"] / ex["blank_seconds"] if ex["blank_seconds"] else None
        s["blank_tokens_per_s"] = ex["tokens"] / ex["blank_seconds"] if ex["blank_seconds"] else None
        # How many times longer than the bare tokenizer warta takes on the same text.
        s["ratio_to_blank"] = ex["seconds"] / ex["blank_seconds"] if ex["blank_seconds"] else None
        # With workers, the memory that counts is the whole process tree's; the target is checked on the
        # sum of RSS (an upper bound: shared pages count once per process) — PSS is shown beside it.
        s["peak_rss_mb"] = max(ex["peak_rss_mb"], ex.get("tree_peak_rss_mb") or 0)
        s["meets_speed"] = s["articles_per_s"] >= TARGET_ARTICLES_PER_S
        s["meets_memory"] = s["peak_rss_mb"] <= TARGET_PEAK_RSS_MB
    ing = result.get("ingest", {})
    if "seconds" in ing and ing["seconds"] > 0:
        s["ingest_articles_per_s"] = ing["articles"] / ing["seconds"]
    return s


# -- rendering --------------------------------------------------------------------------------------

def _f(x: Any, digits: int = 1) -> str:
    return "—" if x is None else f"{x:,.{digits}f}"


def rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(measure, value, note) rows of the main table."""
    s, ex, ing, cold = result.get("summary", {}), result.get("extract", {}), result.get("ingest", {}), result.get("cold", {})
    out: list[tuple[str, str, str]] = []
    if "error" in ex:
        out.append(("extract_many", "failed", ex["error"]))
    elif ex:
        out += [
            ("extract_many articles/s", _f(s.get("articles_per_s")),
             f"target ≥ {TARGET_ARTICLES_PER_S:.0f}: {'met' if s.get('meets_speed') else 'NOT met'}"),
            ("extract_many articles per CPU-second", _f(s.get("articles_per_cpu_s")),
             "process CPU time; less inflated than wall time when other jobs share the cores"),
            ("extract_many tokens/s", _f(s.get("tokens_per_s"), 0), f"{ex['tokens']:,} tokens, {ex['chars']:,} chars"),
            ("extract_many peak RSS MB", _f(s.get("peak_rss_mb"), 0),
             f"target ≤ {TARGET_PEAK_RSS_MB:.0f}: {'met' if s.get('meets_memory') else 'NOT met'}"
             + (f" (sum over {ex.get('tree_processes')} processes)" if ex.get("processes", 1) > 1 else "")),
            ("extract_many peak PSS MB (all processes)", _f(ex.get("tree_peak_pss_mb"), 0),
             "shared pages split among their sharers: the memory the processes really take together"),
            ("extract_many failed articles", str(ex.get("failed", 0)), f"of {ex['articles']:,}"),
            ("blank tokenizer tokens/s", _f(s.get("blank_tokens_per_s"), 0), f"spacy.blank('{BLANK_LANGUAGE}'), same texts"),
            ("ratio to blank tokenizer", _f(s.get("ratio_to_blank")), "warta time ÷ tokenizer time (lower is better)"),
        ]
    if "skipped" in ing or "error" in ing:
        out.append(("ingest into SQLite", "not run", ing.get("skipped") or ing.get("error", "")))
    elif ing:
        out += [
            ("ingest articles/s", _f(s.get("ingest_articles_per_s")), f"{ing['ingested']:,} stored, {ing['failed']} failed"),
            ("ingest peak RSS MB", _f(max(ing.get("peak_rss_mb", 0), ing.get("tree_peak_rss_mb") or 0), 0),
             f"database {_f(ing.get('db_mb'))} MB; PSS of all processes {_f(ing.get('tree_peak_pss_mb'), 0)} MB"),
        ]
    if "error" in cold:
        out.append(("cold start", "failed", cold["error"]))
    elif cold:
        out += [
            ("cold start s (import + 1st article)", _f(cold.get("total_s"), 2),
             f"import {_f(cold.get('import_s'), 2)} s, first article {_f(cold.get('first_article_s'), 2)} s"),
            ("cold start s (whole process)", _f(cold.get("process_wall_s"), 2), "python -m … from the shell"),
        ]
    return out


def stage_rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(stage, seconds, share) rows; the rest of the time is conversion to the contract and batching."""
    ex = result.get("extract", {})
    if "stages" not in ex:
        return []
    if ex.get("processes", 1) > 1:
        # Workers run in parallel: their stage seconds add up to more than the wall time, so the
        # shares are of the summed stage time.
        total = sum(ex["stages"].values()) or 1.0
        out = [(name, _f(secs, 2), f"{100 * secs / total:.0f}%") for name, secs in ex["stages"].items()]
        out.append(("total (summed over workers)", _f(total, 2), "100%"))
        return out
    total = ex["seconds"] or 1.0
    out = [(name, _f(secs, 2), f"{100 * secs / total:.0f}%") for name, secs in ex["stages"].items()]
    other = total - sum(ex["stages"].values())
    out.append(("(outside stages)", _f(other, 2), f"{100 * other / total:.0f}%"))
    out.append(("total", _f(total, 2), "100%"))
    return out


def render(result: dict[str, Any], fmt: str = "table") -> str:
    """The benchmark as an aligned text table (``table``) or a Markdown page (``markdown``)."""
    m = result["machine"]
    head = (f"warta bench: {result['n']:,} CLICK-ID articles, commit {result['commit']}, {result['date']}, "
            f"{m['cpus']} CPUs (load {_f(m.get('load_before'))} → {_f(m.get('load_after'))}), "
            f"Python {m['python']}, spaCy {m['spacy']}, {result.get('processes', 1)} process(es)")
    main, stages = rows(result), stage_rows(result)
    if fmt == "markdown":
        return _markdown(result, main, stages)
    if fmt != "table":
        raise ValueError(f"unknown bench format {fmt!r}; choose table or markdown")
    return "\n".join([head, "", _table(("measure", "value", "note"), main), "",
                      _table(("stage", "seconds", "share"), stages)]) + "\n"


def _table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *body]) for i in range(len(header))]
    fmt = lambda r: "  ".join(str(c).ljust(w) if i != 1 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths)))  # noqa: E731
    return "\n".join([fmt(header).rstrip(), "  ".join("-" * w for w in widths)] + [fmt(r).rstrip() for r in body])


def _md_table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|---|---:|---|"]
    return "\n".join(lines + ["| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |" for r in body])


def _markdown(result: dict[str, Any], main: list[tuple[str, str, str]], stages: list[tuple[str, str, str]]) -> str:
    m = result["machine"]
    return f"""{SECTION_START}
## Pipeline throughput (`warta bench`)

Measured by `warta bench --n {result['n']} --markdown docs/performance.md` (library: `warta.bench.run_bench`).

- Date: {result['date']}
- Commit: `{result['commit']}`
- Machine: {m['cpus']} CPUs, {m['platform']}, Python {m['python']}, spaCy {m['spacy']}
- 1-minute load average before → after: {_f(m.get('load_before'))} → {_f(m.get('load_after'))}
  (above the CPU count, other jobs were competing and wall-clock rates are pessimistic)
- Input: {result['n']:,} articles spread evenly over `indonesian-news-clickid/articles.jsonl.gz`
  (headline + body, language detected), the full default pipeline.

### How it is measured

- Each measurement runs in a fresh Python process; peak RSS is that process's maximum resident set size.
- Throughput: models are loaded first with one article (not counted), then the clock runs over
  `warta.extract_many(articles)` until the last contract dict is produced. Tokens are counted with
  spaCy's blank Indonesian tokenizer, so tokens/s means the same thing for every pipeline.
- Ratio to blank tokenizer: warta's time ÷ the time of `spacy.blank("id").pipe(texts)` over the same texts in
  the same process. It varies less across machines than articles/s does.
- Ingest: the batch ingest runner (`warta.runner.ingest_articles`) into a fresh SQLite file.
- Cold start: `import warta` plus `warta.extract()` of one article in a new process (what a CLI user waits).
- Targets (issue 6): ≥ {TARGET_ARTICLES_PER_S:.0f} articles/s through `extract_many` and peak RSS ≤ {TARGET_PEAK_RSS_MB:.0f} MB.

### Results

{_md_table(("measure", "value", "note"), main)}

### Time per stage (extract_many)

{_md_table(("stage", "seconds", "share"), stages) if stages else "(not measured)"}
{SECTION_END}
"""


def main(argv: list[str] | None = None) -> int:
    """``python -m warta.bench [--n N] [--data DIR] [--markdown [PATH]]``."""
    ap = argparse.ArgumentParser(prog="python -m warta.bench", description="Throughput, memory and cold start.")
    ap.add_argument("--n", type=int, default=DEFAULT_N, help="articles to process")
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    ap.add_argument("--markdown", type=Path, nargs="?", const=DEFAULT_MARKDOWN, default=None,
                    help=f"also write the report there (default {DEFAULT_MARKDOWN.relative_to(REPO_ROOT)})")
    ap.add_argument("--processes", type=int, default=1, help="worker processes for extract_many and ingest")
    ap.add_argument("--phase", choices=PHASES, help=argparse.SUPPRESS)  # internal: one phase, JSON out
    args = ap.parse_args(argv)
    if args.phase:
        kw = {"processes": args.processes} if args.phase != "cold" else {}
        print(json.dumps(_PHASE_FUNCS[args.phase](args.n, args.data, **kw)))
        return 0
    result = run_bench(n=args.n, data_dir=args.data, markdown=args.markdown, processes=args.processes)
    print(render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
