"""Throughput of Indonesian language analysis: segmentation + tokenization + tagging + NER.

Runs warta's ``sentences`` and ``analysis`` stages (batched, one process) over CLICK-ID
articles and reports tokens per second of wall time and per second of this process's
CPU time (the machine is shared, so CPU time is the number that does not depend on
what others run at the same moment).

Example::

    .venv/bin/python scripts/bench_nlp.py --articles 2000
    .venv/bin/python scripts/bench_nlp.py --articles 1500 --model /tmp/seed1 --members /tmp/seed2
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from warta.model import Article, Document  # noqa: E402
from warta.nlp.corpora import data_dir_default  # noqa: E402
from warta.nlp.models import model_dir_override  # noqa: E402
from warta.stages.analysis import AnalysisStage  # noqa: E402
from warta.stages.sentences import SentenceStage  # noqa: E402

BATCH = 64


def load_articles(n: int) -> list[Article]:
    path = data_dir_default() / "indonesian-news-clickid" / "articles.jsonl.gz"
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            body = (r.get("content") or "").strip()
            if not body:
                continue
            title = (r.get("title") or "").strip()
            out.append(Article(id=r["id"], text=f"{title}\n\n{body}", language="id"))
            if len(out) >= n:
                break
    return out


def run(n_articles: int) -> dict:
    articles = load_articles(n_articles)
    sent, ana = SentenceStage(), AnalysisStage(batch_size=BATCH)
    warm = [Document(article=articles[0], language="id")]
    ana.pipe([sent(d) for d in warm])  # load the model outside the timing
    docs = [Document(article=a, language="id") for a in articles]
    w0, c0 = time.perf_counter(), time.process_time()
    n_tokens = 0
    for i in range(0, len(docs), BATCH):
        batch = [sent(d) for d in docs[i:i + BATCH]]
        for d in ana.pipe(batch):
            n_tokens += len(d.tokens)
            d.scratch.clear()
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                            text=True).stdout.strip()
    return {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": commit,
            "articles": len(docs), "tokens": n_tokens, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "tokens_per_s_wall": round(n_tokens / wall), "tokens_per_cpu_s": round(n_tokens / cpu)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--model", type=Path, default=None, help="an Indonesian model folder instead of the shipped one")
    ap.add_argument("--members", type=Path, nargs="*", default=(), help="with --model: ensemble members")
    args = ap.parse_args()
    with model_dir_override(args.model, members=args.members) if args.model else nullcontext():
        print(json.dumps(run(args.articles), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
