"""Read articles from files, folders, JSONL/JSON, HTML and stdin.

:func:`read_articles` streams :class:`~storyline.types.Article` and
:class:`~storyline.types.Failure` items in input order. A bad input is reported and
skipped; the batch goes on.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from ..errors import InputError
from ..types import Article, Failure
from .html import extract_html
from .jsonl import DOCUMENT_HINT, RECORD_HINT, iter_jsonl, normalise_published, parse_json_document, validate_record
from .meta import canonical_outlet, infer, outlet_from_url
from .text import MAX_FILE_BYTES, clean_text, decode, text_warnings

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | PARQUET_SUFFIXES
# The JSONL fields a Parquet file's columns may hold (other columns, such as an export's story links, are left).
PARQUET_COLUMNS = ("id", "text", "title", "url", "outlet", "published", "story")
PARQUET_HINT = "Give a Parquet file with a text column (and optionally id, title, url, outlet, published, story)"
# A .json file is parsed whole, so it gets a bound (JSONL is read as a stream, a line at a time).
MAX_JSON_DOCUMENT_BYTES = 10 * MAX_FILE_BYTES
# Warnings of one kind shown per run (an all-lower-case dataset would otherwise warn once per
# article); the rest are counted in one line at the end.
MAX_WARNINGS_PER_KIND = 5
logger = logging.getLogger("storyline")

__all__ = ["read_articles", "make_article", "SUFFIXES"]


def read_articles(
    inputs: Iterable[str | Path],
    *,
    published: str | Mapping[str, str] | None = None,
    encoding: str | None = None,
    outlet: str | Mapping[str, str] | None = None,
) -> Iterator[Article | Failure]:
    """Read every article from the given inputs.

    Args:
        inputs: file paths, directories (read recursively), or ``"-"`` for stdin.
        published: a publication date for every article, or a mapping from article id
            to date; it overrides what the input says.
        encoding: the encoding of .txt inputs (default UTF-8).
        outlet: the outlet of every article, or a mapping from article id to outlet; it
            overrides what the input says or the text suggests.

    Yields:
        An Article for each article read, a Failure for each input that could not be.
        An id named in ``published`` or ``outlet`` that no article has is reported on the
        ``storyline`` logger once all inputs are read (a mistyped id would otherwise go unnoticed).
    """
    if isinstance(published, str):
        published = normalise_published(published, "--published")
    elif published:
        published = {k: normalise_published(v, f"--published {k}") for k, v in published.items()}
    if isinstance(outlet, str):
        outlet = _outlet_name(outlet, "--outlet")
    elif outlet:
        outlet = {k: _outlet_name(v, f"--outlet {k}") for k, v in outlet.items()}
    seen: set[str] = set()
    warned: dict[str, int] = {}
    for item in inputs:
        for result in _read_input(item, encoding):
            if isinstance(result, Failure):
                yield result
                continue
            _warn(result, warned)
            article = _unique(result, seen)
            changes = {}
            date = published if isinstance(published, str) else (published or {}).get(article.id)
            if date:
                changes["published"] = date
            name = outlet if isinstance(outlet, str) else (outlet or {}).get(article.id)
            if name:
                changes["outlet"] = name
            yield _replace(article, **changes) if changes else article
    for kind, count in warned.items():
        if count > MAX_WARNINGS_PER_KIND:
            logger.warning("%d more articles: %s", count - MAX_WARNINGS_PER_KIND, kind)
    for option, given in (("--published", published), ("--outlet", outlet)):
        missing = sorted(set(given) - seen) if isinstance(given, Mapping) else []
        if missing:
            known = ", ".join(sorted(seen)[:5]) + (" ..." if len(seen) > 5 else "")
            logger.warning(
                "%s names %s, but no article read has that id (the ids are: %s); "
                "it was not applied", option, ", ".join(missing), known or "none")


def _warn(article: Article, warned: dict[str, int]) -> None:
    """Log what a reader should know about an accepted article (too short, no capitals)."""
    for message in text_warnings(article.text):
        kind = message.split(",")[0].split(":")[0]
        kind = "text is only a few words long" if kind.startswith("text is only") else kind
        warned[kind] = warned.get(kind, 0) + 1
        if warned[kind] <= MAX_WARNINGS_PER_KIND:
            where = article.path or "<stdin>"
            if (Path(article.path).stem if article.path else "stdin") != article.id:
                where += f" (record {article.id})"
            logger.warning("%s: %s", where, message)


def _outlet_name(value: str, option: str) -> str:
    name = canonical_outlet(value.strip())
    if not name:
        raise InputError(option, "the outlet name is empty", f'Give one, e.g. {option.split()[0]} "ABC News"')
    return name


def make_article(
    text: str,
    id: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    path: str | None = None,
    byline: str | None = None,
    story: str | None = None,
) -> Article:
    """Build an Article, inferring from its text whatever the input did not state.

    The text and every field are cleaned first (:func:`.text.clean_text`: no control characters,
    bidi overrides or lone surrogates), so offsets index into the text as it is kept.
    """
    text, id, title, outlet, url, path, byline, story = (
        clean_text(v) if v else v for v in (text, id, title, outlet, url, path, byline, story))
    found = infer(text)
    return Article(
        id=id,
        text=text,
        title=title or found.title,
        outlet=canonical_outlet(outlet) or found.outlet or outlet_from_url(url),
        published=published,
        url=url,
        path=path,
        dateline=found.dateline,
        byline=byline or found.byline,
        story=story,
        body_start=found.body_start,
        body_end=found.body_end,
    )


def _replace(article: Article, **changes) -> Article:
    from dataclasses import replace

    return replace(article, **changes)


def _unique(article: Article, seen: set[str]) -> Article:
    """Give an article a fresh id when an earlier input already used its id."""
    base, n, new = article.id, 1, article.id
    while new in seen:
        n += 1
        new = f"{base}-{n}"
    seen.add(new)
    return article if new == base else _replace(article, id=new)


def _read_input(item: str | Path, encoding: str | None) -> Iterator[Article | Failure]:
    if str(item) == "-":
        yield from _read_bytes(sys.stdin.buffer.read(), "<stdin>", "stdin", None, encoding)
        return
    path = Path(item)
    if path.is_dir():
        files = sorted(
            p for p in path.rglob("*")
            if p.is_file() and p.suffix.lower() in SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not files:
            yield Failure(str(path), f"{path}: folder holds no .txt, .html, .json, .jsonl or .parquet files. "
                          "Put the articles there, or name the files directly")
        for file in files:
            yield from _read_file(file, encoding)
        return
    if not path.exists():
        yield Failure(str(path), f"{path}: no such file or folder. Check the path")
        return
    if not path.is_file():  # a FIFO, socket or device: reading it may never end
        yield Failure(str(path), f"{path}: not a regular file (a pipe, socket or device). Save the articles to "
                      "a file, or pipe them in with - for stdin")
        return
    yield from _read_file(path, encoding)


def _read_file(path: Path, encoding: str | None) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Failure(str(path), str(InputError(
            str(path), f"unknown file type '{path.suffix or '(none)'}'",
            "Give .txt, .html, .htm, .json, .jsonl or .parquet files",
        )))
        return
    if suffix in PARQUET_SUFFIXES:
        yield from _read_parquet(path)
        return
    try:
        if suffix in JSON_SUFFIXES:
            yield from _read_json(path)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(str(path), f"{path}: cannot be read ({exc.strerror}). Check its permissions")
        return
    yield from _read_bytes(data, str(path), path.stem, suffix, encoding, path=str(path))


def _read_bytes(
    data: bytes, where: str, stem: str, suffix: str | None, encoding: str | None, path: str | None = None,
) -> Iterator[Article | Failure]:
    """Read one text, HTML or JSON input given as bytes (stdin is sniffed)."""
    if suffix is None:  # stdin: sniff the format
        head = data.lstrip()[:1]
        suffix = ".jsonl" if head in (b"{", b"[") else ".html" if head == b"<" else ".txt"
    try:
        if suffix in JSON_SUFFIXES:
            yield from _records(*_json_items(data, where), where, stem, path)
            return
        if suffix in HTML_SUFFIXES:
            page = extract_html(data, where)
            yield make_article(
                page["text"], stem, title=page["title"], outlet=page["sitename"],
                published=page["published"], url=page["url"], path=path, byline=page["author"],
            )
            return
        yield make_article(decode(data, where, encoding), stem, path=path)
    except InputError as exc:
        yield Failure(where, str(exc))


def _json_items(data: bytes, where: str) -> tuple[Iterable[tuple[int, dict | InputError]], str]:
    """The records of a .json document or of JSONL text, and the hint their errors get."""
    if not data.strip():
        return [(0, InputError(where, "file is empty", "Give a file with one JSON record per line"))], RECORD_HINT
    parsed = parse_json_document(data, where) if not where.endswith((".jsonl", ".ndjson")) else None
    if parsed is not None:
        return parsed, DOCUMENT_HINT
    import io

    return iter_jsonl(io.BytesIO(data), where), RECORD_HINT


def _read_json(path: Path) -> Iterator[Article | Failure]:
    where = str(path)
    if path.suffix.lower() == ".json":
        size = path.stat().st_size
        if size > MAX_JSON_DOCUMENT_BYTES:
            yield Failure(where, str(InputError(
                where, f"file is {size / 1e6:.0f} MB, larger than the {MAX_JSON_DOCUMENT_BYTES // 1_000_000} MB "
                "Storyline reads as one JSON document",
                "Write it as JSONL (.jsonl, one record per line), which is read a line at a time")))
            return
        yield from _records(*_json_items(path.read_bytes(), where), where, path.stem, str(path))
        return
    with path.open("rb") as stream:
        head = stream.read(1 << 16)
        if not head.strip():
            yield Failure(where, f"{where}: file is empty. Give a file with one JSON record per line")
            return
        if b"\x00" in head[:8192]:
            yield Failure(where, f"{where}: file is binary, not JSONL. Give one JSON record per line")
            return
        stream.seek(0)
        yield from _records(iter_jsonl(stream, where), RECORD_HINT, where, path.stem, str(path))


def _read_parquet(path: Path) -> Iterator[Article | Failure]:
    """The records of a Parquet file: a row per article, the JSONL fields as columns (as ``storyline export
    --format parquet`` writes them), read a batch of rows at a time."""
    where = str(path)
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        yield Failure(where, f"{where}: reading Parquet needs pyarrow. Install it with: pip install pyarrow")
        return
    try:
        reader = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Failure(where, f"{where}: not a readable Parquet file ({exc}). {PARQUET_HINT}")
        return
    names = reader.schema_arrow.names
    from ..corpus.prepare import shard_columns

    if shard_columns(names):
        yield Failure(where, f"{where}: holds analyses made by storyline extract --engine ray, not articles. Ingest "
                      "such files alone (storyline ingest FOLDER --db ...), without other inputs")
        return
    if "text" not in names:
        yield Failure(where, f"{where}: has no text column (its columns: {', '.join(names[:12])}). {PARQUET_HINT}")
        return
    columns = [c for c in PARQUET_COLUMNS if c in names]

    def rows() -> Iterator[tuple[int, dict | InputError]]:
        number = 0
        try:
            for batch in reader.iter_batches(batch_size=1024, columns=columns):
                for row in batch.to_pylist():
                    number += 1
                    if hasattr(row.get("published"), "isoformat"):  # a timestamp column
                        row["published"] = row["published"].isoformat()
                    yield number, row
        except (OSError, pa.ArrowException) as exc:
            yield number + 1, InputError(where, f"rows after {number} could not be read ({exc})", PARQUET_HINT)

    yield from _records(rows(), PARQUET_HINT, where, path.stem, where)


def _records(items, hint: str, where: str, stem: str, path: str | None) -> Iterator[Article | Failure]:
    for number, record in items:
        spot = f"{where}:{number}" if number else where
        if isinstance(record, InputError):
            yield Failure(spot, str(record))
            continue
        try:
            fields = validate_record(record, spot, hint)
        except InputError as exc:
            yield Failure(spot, str(exc))
            continue
        yield make_article(
            fields["text"], fields.get("id") or f"{stem}-{number}", title=fields.get("title"),
            outlet=fields.get("outlet"), published=fields.get("published"), url=fields.get("url"),
            path=path, story=fields.get("story"),
        )
