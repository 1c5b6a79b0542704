"""The ``warta`` command: a thin layer over the library (each command calls one library function).

Every user mistake becomes one sentence on stderr and a non-zero exit; tracebacks
only with ``--debug``.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from .errors import InputError, WartaError

DB_HELP = "SQLite file path or URL (sqlite:///…, postgresql://…). Default: $WARTA_DB or warta.db"
EXAMPLE_FILE = Path(__file__).parent / "resources" / "examples" / "korea-utara-rusia-ukraina.id.txt"
EXAMPLE_PUBLISHED = "2024-10-08"


_CODER_OPTION = click.option(
    "--coder", type=click.Choice(["rules", "llm"]), default="rules", show_default=True,
    help="Event coder: offline rules, or an OpenAI-compatible LLM endpoint "
         "(WARTA_LLM_BASE_URL, WARTA_LLM_MODEL, WARTA_LLM_API_KEY).")


def _default_db() -> str:
    return os.environ.get("WARTA_DB", "warta.db")


def _store(db: str | None):
    from .store import Store

    return Store(db or _default_db())


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


class _Group(click.Group):
    """Turns warta's errors into one line (traceback only with --debug)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WartaError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"error: {err}", err=True)
            ctx.exit(err.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except Exception as exc:  # the last resort: one line, not a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            first = (str(exc).strip().splitlines() or [""])[0]
            click.echo(f"error: {type(exc).__name__}: {first} (run with --debug for details)", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.version_option(package_name="warta")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """warta: news articles in, a database of cited political and conflict events out.

    \b
    Example:
      warta demo
      warta extract article.txt --published 2024-10-08 --format text
      warta ingest articles.jsonl --db events.db && warta events --db events.db --type ASSAULT
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


# -- one article ---------------------------------------------------------------------------------------
@cli.command()
@click.option("--db", default="warta-demo.db", show_default=True, help=DB_HELP)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("warta-demo.json"),
              show_default=True, help="Where to write the full JSON result.")
def demo(db: str, out: Path) -> None:
    """Run the whole pipeline on the example article that ships with warta.

    Prints a summary of its events, writes the full JSON result to --out and stores
    it in --db.

    \b
    Example:
      warta demo && warta show --db warta-demo.db "$(jq -r .article.id warta-demo.json)"
    """
    from .api import extract
    from .render import summary_lines

    text = EXAMPLE_FILE.read_text(encoding="utf-8")
    result = extract(text, published=EXAMPLE_PUBLISHED, source="warta example")
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    with _store(db) as store:
        store.add(result)
    click.echo("\n".join(summary_lines(result)))
    click.echo(f"\nfull JSON: {out}   database: {db}   (try: warta show --db {db} {result['article']['id']})")


@cli.command()
@click.argument("path", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option("--published", help="Publication date YYYY-MM-DD (relative dates resolve against it).")
@click.option("--language", type=click.Choice(["auto", "id", "en"]), default="auto", show_default=True)
@click.option("--title", help="The headline, if it is not the text's first line.")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True)
@click.option("--max-chars", type=int, default=None, help="Refuse articles longer than this (default 1,000,000).")
@_CODER_OPTION
def extract(path: Path, published: str | None, language: str, title: str | None, fmt: str,
            max_chars: int | None, coder: str) -> None:
    """Extract one article (a .txt or .html file, or - for stdin) to the JSON contract.

    \b
    Example:
      warta extract story.txt --published 2024-10-08
      cat story.txt | warta extract - --format text
    """
    from .api import extract as run_extract
    from .ingest import DEFAULT_MAX_CHARS, HTML_SUFFIXES, html_to_text, parse_date, read_text_file
    from .render import summary_lines

    parse_date(published)  # reject a bad date before any work
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        tmp_text = _decode_stdin(data)
    else:
        if not path.exists():
            raise InputError(f"{path} does not exist", hint="check the path")
        tmp_text = read_text_file(path)
        if path.suffix.lower() in HTML_SUFFIXES:
            tmp_text, html_title, html_date = html_to_text(tmp_text)
            title = title or html_title
            published = published or html_date
    result = run_extract(tmp_text, title=title, published=published, language=language,
                         max_chars=max_chars or DEFAULT_MAX_CHARS, coder=coder)
    if fmt == "json":
        _echo_json(result)
    else:
        click.echo("\n".join(summary_lines(result)))


def _decode_stdin(data: bytes) -> str:
    if not data.strip():
        raise InputError("standard input is empty", hint="pipe the article text in")
    if b"\x00" in data[:8192]:
        raise InputError("standard input looks binary, not text", hint="give UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"standard input is not UTF-8 text (invalid byte at position {exc.start})",
                         hint="convert it, e.g. iconv -f latin1 -t utf-8") from None


# -- many articles --------------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", default=None, help=DB_HELP)
@click.option("--reprocess", is_flag=True, help="Re-extract articles already stored, with the current pipeline.")
@click.option("--published", help="Publication date for .txt/.html files that carry none (YYYY-MM-DD).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=64, show_default=True)
@click.option("--max-chars", type=click.IntRange(1), default=None, help="Refuse articles longer than this (default 1,000,000).")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--processes", default="1", show_default=True, metavar="N|auto",
              help="Worker processes (auto: one per CPU core); they share the loaded models.")
@_CODER_OPTION
def ingest(paths: tuple[Path, ...], db: str | None, reprocess: bool, published: str | None, batch_size: int,
           max_chars: int | None, quiet: bool, fmt: str, processes: str, coder: str) -> None:
    """Extract files, folders and JSONL into the database (idempotent).

    JSONL: one article a line, "text" required; "id", "url", "source", "title",
    "published", "language" optional. Unchanged articles are skipped; failing ones
    are recorded in the failures table and the run goes on.

    \b
    Example:
      warta ingest news/ more.jsonl --db events.db
      warta ingest articles.jsonl --db postgresql://user@localhost/warta --reprocess
      warta ingest big.jsonl.gz --db events.db --processes auto
    """
    from .ingest import DEFAULT_MAX_CHARS, parse_date
    from .parallel import resolve_processes
    from .runner import count_inputs, ingest_paths

    parse_date(published)
    n_process = resolve_processes(processes)
    store = _store(db)
    total = count_inputs(list(paths))
    kwargs = dict(store=store, reprocess=reprocess, batch_size=batch_size, max_chars=max_chars or DEFAULT_MAX_CHARS,
                  published=published, coder=coder, n_process=n_process)
    if quiet or fmt == "json":
        summary = ingest_paths(list(paths), **kwargs)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]:.1f} articles/s"), TimeRemainingColumn(),
                      transient=False, console=_stderr_console()) as progress:
            task = progress.add_task("ingest", total=total, rate=0.0)

            def advance(n: int) -> None:
                t = progress.tasks[task]
                elapsed = t.elapsed or 1e-9
                progress.update(task, advance=n, rate=(t.completed + n) / elapsed)

            summary = ingest_paths(list(paths), on_progress=advance, **kwargs)
    store.close()
    if fmt == "json":
        _echo_json(summary.as_dict())
    else:
        click.echo(f"ingested {summary.ingested}, skipped {summary.skipped} (unchanged), failed {summary.failed} "
                   f"in {summary.seconds:.1f} s ({summary.rate:.1f} articles/s)")
        for f in summary.failures[:20]:
            click.echo(f"  failed [{f['stage']}] {f['location'] or f['article_id']}: {f['message']}", err=True)
        if summary.failed > 20:
            click.echo(f"  … and {summary.failed - 20} more: warta failures --db {db or _default_db()}", err=True)
    if summary.failed and not summary.ingested and not summary.skipped:
        sys.exit(1)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


# -- reading --------------------------------------------------------------------------------------------
def _filter_options(f):
    for opt in reversed([
        click.option("--type", "etype", help="PLOVER event type, e.g. ASSAULT."),
        click.option("--actor", help="Actor name (substring) or code/ISO3, e.g. PRK."),
        click.option("--country", help="ISO3 country of an actor, recipient or the place."),
        click.option("--since", help="Events whose date interval ends on/after YYYY-MM-DD."),
        click.option("--until", help="Events whose date interval starts on/before YYYY-MM-DD."),
        click.option("--certainty", type=click.Choice(["certain", "probable", "possible"])),
        click.option("--status", type=click.Choice(["occurred", "ongoing", "expected", "hypothetical"])),
    ]):
        f = opt(f)
    return f


def _flt(etype, actor, country, since, until, certainty, status):
    from .query import EventFilter

    return EventFilter.from_params({"type": etype, "actor": actor, "country": country, "since": since,
                                    "until": until, "certainty": certainty, "status": status})


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@_filter_options
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
def events(db, etype, actor, country, since, until, certainty, status, limit, fmt) -> None:
    """List stored events, newest first.

    \b
    Example:
      warta events --type ASSAULT --country UKR --since 2024-10-01
      warta events --actor PRK --format json
    """
    from .export import write_csv
    from .query import list_events

    with _store(db) as store:
        rows, total = list_events(store, _flt(etype, actor, country, since, until, certainty, status), limit=limit)
    if fmt == "json":
        _echo_json(rows)
    elif fmt == "csv":
        write_csv(rows, sys.stdout)
    else:
        _events_table(rows, total)


def _events_table(rows: list[dict[str, Any]], total: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "date", "type", "actor → recipient", "where", "certainty", "status", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        who = ", ".join(a["name"] for a in r["actors"]) or "?"
        whom = ", ".join(a["name"] for a in r["recipients"]) or "-"
        when = r["date_start"] or ""
        if r["date_end"] and r["date_end"] != r["date_start"]:
            when += f"..{r['date_end']}"
        sentence = (r["sentence"] or "")[:120]
        table.add_row(r["id"], when, r["type"], f"{who} → {whom}", r["place_name"] or "",
                      r["certainty"], r["status"] + (" (hist.)" if r["historical"] else ""), sentence)
    console = Console()
    console.print(table)
    console.print(f"{len(rows)} of {total} events")


@cli.command()
@click.argument("query")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def search(query: str, db: str | None, limit: int, fmt: str) -> None:
    """Full-text search over article titles and texts (all words must occur).

    \b
    Example:
      warta search "rudal Donetsk"
    """
    from .query import search_articles

    with _store(db) as store:
        hits = search_articles(store, query, limit=limit)
    if fmt == "json":
        _echo_json(hits)
        return
    for h in hits:
        click.echo(f"{h['id']}  {h['published'] or '':10}  {h['title'] or ''}\n    {h['snippet']}")
    click.echo(f"{len(hits)} articles")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(db: str | None, fmt: str) -> None:
    """Counts of articles, events, failures, actors and places.

    \b
    Example:
      warta stats --format json
    """
    from .query import stats as get_stats

    with _store(db) as store:
        data = get_stats(store)
    if fmt == "json":
        _echo_json(data)
        return
    for k in ("articles", "events", "claims", "actors", "places", "times", "failures"):
        click.echo(f"{k:10} {data[k]}")
    for t, n in sorted(data["by_type"].items(), key=lambda kv: -kv[1]):
        click.echo(f"  {t:10} {n}")


@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--limit", type=click.IntRange(1, 100_000), default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def failures(db: str | None, limit: int, fmt: str) -> None:
    """Articles and inputs that could not be processed, with stage and reason.

    \b
    Example:
      warta failures --db events.db
    """
    from .query import list_failures

    with _store(db) as store:
        rows = list_failures(store, limit=limit)
    if fmt == "json":
        _echo_json(rows)
        return
    for r in rows:
        click.echo(f"[{r['stage']}] {r['location'] or r['article_id']}: {r['message']}")
    click.echo(f"{len(rows)} failures shown")


@cli.command("export")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "parquet", "plover"]), required=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Output file (default: stdout; parquet needs one).")
@_filter_options
def export_cmd(db, fmt, out, etype, actor, country, since, until, certainty, status) -> None:
    """Export one row per event (actors, place, dates, certainty, speaker, evidence).

    \b
    Example:
      warta export --format csv --out events.csv
      warta export --format geojson --type ASSAULT > assaults.geojson
      warta export --format plover --out events.plover.jsonl
    """
    from .export import export

    with _store(db) as store:
        n = export(store, fmt, out=out, flt=_flt(etype, actor, country, since, until, certainty, status),
                   stream=sys.stdout)
    if out:
        click.echo(f"wrote {n} events to {out}", err=True)


@cli.command()
@click.argument("article_id")
@click.option("--db", default=None, help=DB_HELP)
def show(article_id: str, db: str | None) -> None:
    """Print an article with each event's evidence highlighted.

    Styles: trigger (red), actor (cyan), recipient (magenta), place (green),
    time (yellow), evidence sentence (underlined).

    \b
    Example:
      warta show 3f2a9c1d0b7e4a55 --db events.db
    """
    from rich.console import Console

    from .query import article_event_spans, get_article
    from .render import highlighted

    with _store(db) as store:
        art = get_article(store, article_id)
        if art is None:
            raise InputError(f"no article with id '{article_id}'", hint="list ids with: warta search WORD --format json")
        spans = article_event_spans(art)
    console = Console()
    a = art["article"]
    console.print(f"[bold]{a['title'] or a['id']}[/bold]  {a['published'] or ''}  {a['url'] or ''}")
    console.print(highlighted(a["text"], spans))
    console.print()
    for ev in art["events"]:
        who = ", ".join(x["name"] for x in ev["actors"]) or "?"
        whom = ", ".join(x["name"] for x in ev["recipients"]) or "-"
        console.print(f"[bold]{ev['id']}[/bold] {ev['type']}: {who} → {whom}  "
                      f"{ev['place_name'] or ''} {ev['date_start'] or ''}  {ev['certainty']}/{ev['status']}",
                      markup=True, highlight=False)


# -- serving, evaluation, training ---------------------------------------------------------------------
@cli.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Bind address (loopback by default).")
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--allow-ingest", is_flag=True, help="Enable POST /api/articles (needs --token).")
@click.option("--token", envvar="WARTA_TOKEN", help="Bearer token for POST /api/articles ($WARTA_TOKEN).")
def serve(db: str | None, host: str, port: int, allow_ingest: bool, token: str | None) -> None:
    """Serve the web UI and JSON API (read-only unless --allow-ingest).

    \b
    Example:
      warta serve --db events.db        # then open http://127.0.0.1:8000/
    """
    if allow_ingest and not token:
        raise InputError("--allow-ingest needs a token", hint="add --token SECRET or set WARTA_TOKEN")
    from .web.app import serve as run_server

    _store(db).close()  # fail early, in one line, if the database cannot be opened
    run_server(db or _default_db(), host=host, port=port, allow_ingest=allow_ingest, token=token)


def _data_dir(value: str | None) -> Path:
    if value:
        return Path(value)
    from .paths import default_data_dir

    return default_data_dir()


@cli.command("eval")
@click.argument("tasks", nargs=-1)
@click.option("--data", "data", help="Folder with the benchmark data (default: $WARTA_DATA or ../shared/data).")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most N examples per dataset.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table", show_default=True)
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write every wrong example as JSONL here.")
@click.option("--gate", is_flag=True, help="Run the fast CI subset and compare with the pinned floors.")
@click.option("--pin", is_flag=True, help="Raise the pinned floors to these scores (with --gate).")
@click.option("--allow-lower", is_flag=True, help="Allow --pin to lower floors (needs a CHANGELOG line).")
def eval_cmd(tasks, data, limit, fmt, errors_path, gate, pin, allow_lower) -> None:
    """Score warta on the gold datasets and print a scorecard.

    \b
    Example:
      warta eval                      # every task
      warta eval ner timex --limit 200 --errors /tmp/errors.jsonl
      warta eval --gate               # the CI quality gate
    """
    from .eval import gate as quality_gate
    from .eval import runner
    from .eval.scorecard import render

    data_dir = _data_dir(data)
    if gate:
        argv = ["--data", str(data_dir)] + (["--pin"] if pin else []) + (["--allow-lower"] if allow_lower else [])
        sys.exit(quality_gate.main(argv))
    if pin or allow_lower:
        raise InputError("--pin and --allow-lower go with --gate", hint="run: warta eval --gate --pin")

    scores = runner.run_eval(list(tasks) or None, data_dir=data_dir, limit=limit, errors_path=errors_path)
    click.echo(render(scores, fmt))


@cli.command()
@click.option("-n", "n", type=click.IntRange(1), default=2000, show_default=True, help="CLICK-ID articles to use.")
@click.option("--data", "data", help="Folder with the benchmark data (default: $WARTA_DATA or ../shared/data).")
@click.option("--markdown", is_flag=True, help="Also write docs/performance.md with date and commit.")
@click.option("--processes", default="1", show_default=True, metavar="N|auto", help="Worker processes (as for ingest).")
def bench(n: int, data: str | None, markdown: bool, processes: str) -> None:
    """Measure throughput, per-stage time and peak memory on CLICK-ID articles.

    \b
    Example:
      warta bench -n 2000 --markdown
    """
    from . import bench as b
    from .parallel import resolve_processes

    result = b.run_bench(n=n, data_dir=_data_dir(data), markdown=Path("docs/performance.md") if markdown else None,
                         processes=resolve_processes(processes))
    click.echo(b.render(result))


@cli.command()
@click.argument("language", type=click.Choice(["id"]))
@click.option("--data", "data", help="Folder with the training data (default: $WARTA_DATA or ../shared/data).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the model (default: the shipped model's folder).")
@click.option("--seed", type=int, default=None, help="Random seed (default: the shipped model's, 1).")
def train(language: str, data: str | None, output: Path | None, seed: int | None) -> None:
    """Rebuild a shipped language model from the training data.

    \b
    Example:
      warta train id                  # rewrites warta/resources/models/id_news
    """
    from .nlp import train as t
    from .nlp.models import MODELS_DIR, MODEL_NAMES

    out = output or MODELS_DIR / MODEL_NAMES[language]
    seed = t.DEFAULT_SEED if seed is None else seed
    scores = t.train_model(language, data_dir=_data_dir(data), output_dir=out, seed=seed)
    _echo_json(scores)


def main() -> None:
    cli(prog_name="warta")


if __name__ == "__main__":  # pragma: no cover
    main()
