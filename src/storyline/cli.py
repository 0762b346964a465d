"""The ``storyline`` command: parse arguments, call the library, print.

Every :class:`~storyline.errors.StorylineError` becomes one ``error:`` line on stderr
and a non-zero exit code; no traceback reaches a user for a user error.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .version import __version__
from .errors import StorylineError

app = typer.Typer(
    name="storyline",
    help="See how different outlets cover the same news: cast, quotes, facts and framing, "
    "each pointing back to the words it came from.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
# Show a progress bar only for runs of at least this many articles.
PROGRESS_MIN_ARTICLES = 8


class ReportFormat(str, Enum):
    md = "md"
    json = "json"
    html = "html"
    jsonl = "jsonl"


Inputs = Annotated[list[str], typer.Argument(
    metavar="INPUT", help="Files (.txt, .html, .json, .jsonl, .parquet), folders, or - for stdin.", show_default=False)]
Published = Annotated[Optional[list[str]], typer.Option(
    "--published", metavar="[ID=]DATE",
    help="Publication date (ISO 8601) of every article, or of the article with id ID. Repeatable.")]
Outlet = Annotated[Optional[list[str]], typer.Option(
    "--outlet", metavar="[ID=]NAME",
    help="Outlet of every article, or of the article with id ID (over what the input says). Repeatable.")]
Encoding = Annotated[Optional[str], typer.Option(help="Encoding of .txt inputs (default UTF-8).")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary on stderr.")]


class Engine(str, Enum):
    local = "local"
    ray = "ray"


EngineOption = Annotated[Engine, typer.Option(
    "--engine", help="Where the per-article pass runs: worker processes on this machine (local), or a Ray cluster "
                     "(ray: needs pip install 'storyline[ray]').")]
Address = Annotated[Optional[str], typer.Option(
    "--address", metavar="HOST:PORT",
    help="With --engine ray: the running Ray cluster to join (as ray start --head prints it); without it a local "
         "Ray is started.")]
Workers = Annotated[Optional[int], typer.Option(
    "--workers", min=1, help="Worker processes (local) or Ray actors (ray); by default one per core of the machine "
                             "or the cluster.")]
# The summary's default length, as storyline.story.summary.SUMMARY_WORDS (a test holds the two equal;
# that module loads the models, which commands must not wait for just to parse their arguments).
SUMMARY_WORDS = 120
SummaryWords = Annotated[int, typer.Option(min=0, help="Length of the summary in words.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Storyline."""


def _per_article(values: list[str] | None, option: str, what: str):
    """One value for every article, or a map from article id to value, from ID=VALUE pairs."""
    if not values:
        return None
    shared = [v for v in values if "=" not in v]
    pairs = dict(v.split("=", 1) for v in values if "=" in v)
    if shared and pairs:
        raise StorylineError(f"{option} takes either one {what} for all articles or ID={what} pairs, not both")
    if len(shared) > 1:
        raise StorylineError(f"{option} {what} was given twice; use ID={what} to set articles one by one")
    return shared[0] if shared else pairs


def _published(values: list[str] | None):
    return _per_article(values, "--published", "DATE")


def _outlet(values: list[str] | None):
    return _per_article(values, "--outlet", "NAME")


class _Warnings(logging.Handler):
    """The library's warnings (an --outlet or --published id no article has) as 'warning: ...' lines."""

    def emit(self, record: logging.LogRecord) -> None:
        err.print(f"warning: {record.getMessage()}", markup=False)


def _warnings_to_stderr() -> None:
    logger = logging.getLogger("storyline")
    if not any(isinstance(h, _Warnings) for h in logger.handlers):
        logger.addHandler(_Warnings(logging.WARNING))
        logger.propagate = False


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


@contextmanager
def _errors():
    _warnings_to_stderr()
    try:
        yield
    except StorylineError as exc:
        err.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        err.print("interrupted", markup=False)
        raise typer.Exit(130) from None


@contextmanager
def _status(label: str | None, quiet: bool):
    """A spinner with ``label`` on stderr while long work runs (on a terminal, and unless --quiet)."""
    if quiet or label is None or not err.is_terminal:
        yield
        return
    with err.status(label + " …"):
        yield


@contextmanager
def _progress(total: int | None, label: str, quiet: bool):
    """A Rich progress bar on stderr for long runs; yields an ``advance(n)`` callback."""
    if quiet or not err.is_terminal or (total is not None and total < PROGRESS_MIN_ARTICLES):
        yield lambda n: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task(label, total=total)
        yield lambda n: progress.advance(task, n)


def _report_failures(failures, quiet: bool) -> None:
    for failure in failures:
        err.print(f"error: {failure.message}", markup=False)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    with _open_output(output) as stream:
        stream.write(text)


def _open_output(output: Path):
    """Open a file to write a report or export to, creating its folder; a clear error if it cannot be."""
    try:
        _prepare_output(output)
        return open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise StorylineError(f"{output}: cannot be written ({exc.strerror}). Give a path you may write to") from None


def _prepare_output(output: Path) -> None:
    """Check that a file can be written at ``output`` and create its folder."""
    if output.is_dir():
        raise StorylineError(f"{output}: is a folder. Give a file name to write to, such as {output / 'report.md'}")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorylineError(f"{output.parent}: the folder cannot be made ({exc.strerror}). "
                             "Give a path you may write to") from None


@app.command()
def analyze(
    inputs: Inputs,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here, not to stdout.")] = None,
    html: Annotated[Optional[Path], typer.Option("--html", help="Also write the HTML report to this file.")] = None,
    published: Published = None,
    outlet: Outlet = None,
    encoding: Encoding = None,
    summary_words: SummaryWords = SUMMARY_WORDS,
    quiet: Quiet = False,
) -> None:
    """Analyse the articles of one story and print its briefing.

    With --format jsonl, articles are grouped by their JSONL "story" field and one report per
    story is printed, one per line.
    """
    with _errors():
        from .api import read, render, stories_from_articles, story_from_articles

        started = time.perf_counter()
        articles, failures = read(inputs, published=_published(published), encoding=encoding,
                                  outlet=_outlet(outlet))
        _report_failures(failures, quiet)
        if fmt is ReportFormat.jsonl:
            story_errors: list[str] = []
            with _progress(len(articles), "Analysing", quiet) as advance:
                reports = stories_from_articles(articles, failures, on_done=advance, summary_words=summary_words,
                                                story_errors=story_errors)
            _write("".join(render(r, "jsonl") for r in reports), output)
            for message in story_errors:
                err.print(f"error: {message}", markup=False)
            if not quiet:
                lost = f", {_count(len(story_errors), 'story', 'stories')} failed" if story_errors else ""
                err.print(f"{_count(len(reports), 'story', 'stories')} from {_count(len(articles), 'article', 'articles')}, "
                          f"{len(failures)} inputs failed{lost} in {time.perf_counter() - started:.1f} s", markup=False)
            if failures or story_errors:
                raise typer.Exit(1)
            return
        labels = list(dict.fromkeys(a.story for a in articles if a.story))
        if len(labels) > 1:
            shown = ", ".join(labels[:3]) + (", …" if len(labels) > 3 else "")
            err.print(f"warning: the inputs hold {len(labels)} stories (\"story\" labels {shown}); they are analysed "
                      "as one briefing. For one report per story use --format jsonl, or storyline ingest to keep "
                      "them in a corpus", markup=False)
        with _progress(len(articles), "Analysing", quiet) as advance:
            report = story_from_articles(articles, failures, on_done=advance, summary_words=summary_words)
        _write(render(report, fmt.value), output)
        if html is not None:
            _write(render(report, "html"), html)
        if not quiet:
            extra = f"; HTML report in {html}" if html else ""
            err.print(
                f"{_count(len(report.sources), 'article', 'articles')} analysed, {len(report.failures)} failed "
                f"in {time.perf_counter() - started:.1f} s{extra}", markup=False,
            )
        if report.failures:
            raise typer.Exit(1)


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write JSON lines here, not to stdout.")] = None,
    published: Published = None,
    outlet: Outlet = None,
    encoding: Encoding = None,
    engine: EngineOption = Engine.local,
    address: Address = None,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Print one JSON line per article: its source, entities, quotes and times.

    With --engine ray, -o names a folder: the records are written there as Parquet shards (part-00000.parquet,
    ...), one row per article with its id, title, outlet, published, url, the JSON record, and the stored
    analysis, content hash, MinHash signature and embedding."""
    with _errors():
        if engine is Engine.ray:
            _extract_ray(inputs, output, _published(published), _outlet(outlet), encoding, address, workers, quiet)
            return
        if address:
            raise StorylineError("--address is for --engine ray")
        from .api import extract as run_extract
        from .api import extract_records
        from .report.json import dumps
        from .types import Failure

        started = time.perf_counter()
        failures: list[Failure] = []
        done = 0
        stream = _open_output(output) if output else sys.stdout
        try:
            with _progress(None, "Extracting", quiet) as advance:
                articles = _readable(inputs, _published(published), _outlet(outlet), encoding, failures)
                for record in extract_records(run_extract(articles, processes=workers, on_done=advance)):
                    if isinstance(record, Failure):
                        failures.append(record)
                        err.print(f"error: {record.message}", markup=False)
                        continue
                    stream.write(dumps(record, pretty=False) + "\n")
                    done += 1
            stream.flush()
        finally:
            if output:
                stream.close()
        _extracted(done, len(failures), "", started, quiet)


def _extract_ray(inputs, output: Path | None, published, outlet, encoding, address, workers, quiet: bool) -> None:
    """``storyline extract --engine ray -o FOLDER``: the records as Parquet shards."""
    from .corpus.ray_engine import extract_rows, require_ray, write_parquet
    from .types import Failure

    if output is None:
        raise StorylineError("--engine ray writes Parquet shards to a folder: give one with -o, such as -o analyses/")
    if output.exists() and not output.is_dir():
        raise StorylineError(f"{output}: is a file. With --engine ray, -o names a folder for the Parquet shards")
    if output.is_dir() and any(output.glob("part-*.parquet")):
        raise StorylineError(f"{output}: already holds Parquet shards. Give an empty or new folder")
    require_ray(address)
    started = time.perf_counter()
    failures: list[Failure] = []

    def on_row(row: dict) -> None:
        advance(1)
        if row.get("failure") is not None:
            failures.append(Failure(row["where"], row["failure"]))
            err.print(f"error: {row['failure']}", markup=False)

    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorylineError(f"{output}: cannot be created ({exc.strerror}). Give a folder you may write to") from None
    with _progress(None, "Extracting on Ray", quiet) as advance:
        articles = _readable(inputs, published, outlet, encoding, failures)
        done = write_parquet(extract_rows(articles, processes=workers, address=address), str(output), on_row=on_row)
    _extracted(done, len(failures), f" to {output}", started, quiet)


def _readable(inputs, published, outlet, encoding, failures: list):
    """The articles the inputs hold; each input that cannot be read is printed as an error and kept in
    ``failures``."""
    from .ingest import read_articles
    from .types import Failure

    for item in read_articles(inputs, published=published, encoding=encoding, outlet=outlet):
        if isinstance(item, Failure):
            failures.append(item)
            err.print(f"error: {item.message}", markup=False)
        else:
            yield item


def _extracted(done: int, failed: int, where: str, started: float, quiet: bool) -> None:
    """The end of an extract: the counts, and exit 1 when an article failed or none was given."""
    if not quiet:
        err.print(f"{_count(done, 'article', 'articles')} extracted{where}, {failed} failed "
                  f"in {time.perf_counter() - started:.1f} s", markup=False)
    if failed:
        raise typer.Exit(1)
    if done == 0:
        err.print("error: no articles given", markup=False)
        raise typer.Exit(1)


Database = Annotated[Path, typer.Option("--db", help="The corpus database (SQLite).")]


class TableFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    parquet = "parquet"


@app.command()
def ingest(
    inputs: Inputs,
    db: Database = Path("storyline.db"),
    published: Published = None,
    outlet: Outlet = None,
    encoding: Encoding = None,
    reports: Annotated[bool, typer.Option(
        "--reports", help="Then build and keep the report of every story that changed (else each is built on its "
                          "first view by storyline show or serve).")] = False,
    engine: EngineOption = Engine.local,
    address: Address = None,
    workers: Workers = None,
    quiet: Quiet = False,
) -> None:
    """Add articles to a corpus: parse each once, drop duplicates, group them into stories."""
    with _errors():
        from .corpus import Corpus

        if address and engine is not Engine.ray:
            raise StorylineError("--address is for --engine ray")
        if engine is Engine.ray:
            from .corpus.ray_engine import require_ray

            require_ray(address)

        started = time.perf_counter()
        with Corpus(db) as corpus, _ingest_progress(quiet) as update:
            summary = corpus.ingest(inputs, published=_published(published), encoding=encoding, on_progress=update,
                                    outlet=_outlet(outlet), processes=workers, engine=engine.value, address=address)
        if reports:
            with Corpus(db) as corpus, _status("Building the reports of the stories that changed", quiet):
                built = corpus.refresh_reports()
            if not quiet:
                err.print(f"{_count(built, 'story report', 'story reports')} built and kept", markup=False)
        for failure in summary.failures:
            err.print(f"error: {failure.message}", markup=False)
        if not quiet:
            counts = Corpus(db).counts()
            err.print(
                f"{summary.read} read: {summary.new} new, {summary.near_duplicate} near-duplicates linked, "
                f"{summary.duplicate} already stored, {summary.failed} failed in "
                f"{time.perf_counter() - started:.1f} s. {db}: {_count(counts['articles'], 'article', 'articles')} in "
                f"{_count(counts['stories'], 'story', 'stories')}" + (
                    f"; on a second look, stories split off one that held two events: {summary.split}, small "
                    f"stories merged into the one they belong to: {summary.absorbed}, groups moved from one "
                    f"story to the one they belong to: {summary.moved}"
                    if summary.split or summary.absorbed or summary.moved else ""), markup=False)
        if summary.failed:
            raise typer.Exit(1)


@contextmanager
def _ingest_progress(quiet: bool):
    if quiet or not err.is_terminal:
        yield None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=err,
                  transient=True) as progress:
        task = progress.add_task("Ingesting", total=None)

        def update(summary) -> None:
            progress.update(task, description=(
                f"Ingesting: {summary.read} read · {summary.new} new · "
                f"{summary.duplicate + summary.near_duplicate} duplicate · {summary.failed} failed"))

        yield update


@app.command()
def stories(
    db: Database = Path("storyline.db"),
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
) -> None:
    """List the stories of a corpus: title, articles, outlets and dates."""
    with _errors():
        from .corpus import Corpus

        with Corpus(db, create=False) as corpus:
            rows = corpus.stories()
            if fmt is TableFormat.json:
                members = corpus.story_members()
                from .report.json import dumps

                data = [{"id": r.id, "title": r.title, "articles": members.get(r.id, [])} for r in rows]
                sys.stdout.write(dumps(data) + "\n")
                return
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, header_style="bold")
        table.add_column("id", justify="right", no_wrap=True, min_width=2)
        # one line per story: a long title is cut with "…" (the JSON format has it whole)
        console = Console(highlight=False)
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=max(20, console.width - 50))
        for name in ("articles", "outlets"):
            table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
        table.add_column("dates", no_wrap=True, min_width=23)
        for r in rows:
            dates = " – ".join(dict.fromkeys(d for d in (r.first_published, r.last_published) if d)) or "—"
            table.add_row(str(r.id), Text(r.title or "—"), str(r.articles), str(r.outlets), dates)
        console.print(table)


@app.command()
def show(
    story: Annotated[int, typer.Argument(help="The story id (see storyline stories).")],
    db: Database = Path("storyline.db"),
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.md,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report here.")] = None,
    summary_words: SummaryWords = SUMMARY_WORDS,
    quiet: Quiet = False,
) -> None:
    """Print the full report of a stored story, from the stored analyses (no re-parsing)."""
    with _errors():
        from .corpus import Corpus

        with Corpus(db, create=False) as corpus:
            size = corpus.story_size(story)
            label = f"Building the report of story {story} ({_count(size, 'article', 'articles')})" if size else None
            with _status(label, quiet):
                from .api import render

                report = corpus.report(story, summary_words=summary_words)
                text = render(report, "jsonl" if fmt is ReportFormat.jsonl else fmt.value)
        _write(text, output)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help='Words, "quoted phrases", AND/OR/NOT, prefix*.')],
    db: Database = Path("storyline.db"),
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = TableFormat.table,
    limit: Annotated[int, typer.Option(min=1, help="Most hits to show.")] = 20,
) -> None:
    """Full-text search of a corpus, with a snippet of each hit."""
    with _errors():
        from .corpus import Corpus

        with Corpus(db, create=False) as corpus:
            hits = corpus.search(query, limit)
        if fmt is TableFormat.json:
            from .report.json import dumps

            sys.stdout.write(dumps(hits) + "\n")
            return
        from rich.table import Table
        from rich.text import Text

        # Text, not str: Rich would read "[rehab]", a matched word, as markup and drop it
        table = Table("article", "story", "outlet", "snippet", box=None, header_style="bold")
        for hit in hits:
            story = f"{hit['story']}: {hit['story_title'] or '—'}" if hit["story"] is not None else "—"
            table.add_row(Text(hit["id"]), Text(story, overflow="ellipsis"), Text(hit["outlet"] or "—"),
                          Text(" ".join(hit["snippet"].split())))
        Console(highlight=False).print(table)
        if not hits:
            err.print("no matches", markup=False)


@app.command()
def serve(
    db: Database = Path("storyline.db"),
    host: Annotated[str, typer.Option(help="The address to listen on: this machine only, unless you say otherwise.")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="The port to listen on.")] = 8000,
    write: Annotated[bool, typer.Option(
        "--write", help="Open the store for writing, to keep each story report built on its first view "
                        "(read-only by default).")] = False,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Processes answering requests (each keeps its own "
                                                             "reports in memory).")] = 2,
    quiet: Quiet = False,
) -> None:
    """Browse a corpus in a web browser: its stories, each story's sources side by side, articles, search."""
    with _errors():
        from .web import create_app

        application = create_app(db, write=write)  # a missing or foreign store fails here, before any worker
    import uvicorn

    mode = "for writing" if write else "read-only"
    err.print(f"Storyline serves {db} ({mode}) at http://{host}:{port}/ . Ctrl-C stops it.", markup=False)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"warning: {host} lets other machines read this corpus", markup=False)
    options = dict(host=host, port=port, log_level="warning" if quiet else "info", server_header=False)
    if workers == 1:
        uvicorn.run(application, **options)
        return
    os.environ["STORYLINE_SERVE_DB"] = str(db.resolve())
    os.environ["STORYLINE_SERVE_WRITE"] = "1" if write else "0"
    uvicorn.run("storyline.web.app:app_from_environment", factory=True, workers=workers, **options)


@app.command()
def export(
    db: Database = Path("storyline.db"),
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write here (required for parquet).")] = None,
) -> None:
    """Export every stored article with its story (JSONL, or Parquet with pyarrow)."""
    with _errors():
        from .corpus import Corpus, write_export

        if fmt is ExportFormat.parquet and output is None:
            raise StorylineError("--format parquet needs --output FILE.parquet")
        with Corpus(db, create=False) as corpus:
            if fmt is ExportFormat.parquet:
                _prepare_output(output)
                count = write_export(corpus.export_records(), "parquet", str(output))
            elif output is None:
                count = write_export(corpus.export_records(), "jsonl", sys.stdout)
            else:
                with _open_output(output) as stream:
                    count = write_export(corpus.export_records(), "jsonl", stream)
        err.print(f"{_count(count, 'article', 'articles')} exported", markup=False)


def run() -> None:  # pragma: no cover - console-script entry point
    """Console-script entry point."""
    try:
        app()
    finally:
        # Python's last garbage collection walks every object the models made (about a second after
        # an analysis, measured on the demo story); moved to the permanent generation, they are
        # left to the operating system, which frees the whole process at once.
        gc.freeze()


if __name__ == "__main__":  # pragma: no cover
    run()
