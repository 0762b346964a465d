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
from .jsonl import iter_jsonl, normalise_published, parse_json_document, validate_record
from .meta import canonical_outlet, infer, outlet_from_url
from .text import decode

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

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
    for item in inputs:
        for result in _read_input(item, encoding):
            if isinstance(result, Failure):
                yield result
                continue
            article = _unique(result, seen)
            changes = {}
            date = published if isinstance(published, str) else (published or {}).get(article.id)
            if date:
                changes["published"] = date
            name = outlet if isinstance(outlet, str) else (outlet or {}).get(article.id)
            if name:
                changes["outlet"] = name
            yield _replace(article, **changes) if changes else article
    for option, given in (("--published", published), ("--outlet", outlet)):
        missing = sorted(set(given) - seen) if isinstance(given, Mapping) else []
        if missing:
            known = ", ".join(sorted(seen)[:5]) + (" ..." if len(seen) > 5 else "")
            logging.getLogger("storyline").warning(
                "%s names %s, but no article read has that id (the ids are: %s); "
                "it was not applied", option, ", ".join(missing), known or "none")


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
    """Build an Article, inferring from its text whatever the input did not state."""
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
            yield Failure(str(path), f"{path}: folder holds no .txt, .html, .json or .jsonl files. "
                          "Put the articles there, or name the files directly")
        for file in files:
            yield from _read_file(file, encoding)
        return
    if not path.exists():
        yield Failure(str(path), f"{path}: no such file or folder. Check the path")
        return
    yield from _read_file(path, encoding)


def _read_file(path: Path, encoding: str | None) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield Failure(str(path), str(InputError(
            str(path), f"unknown file type '{path.suffix or '(none)'}'",
            "Give .txt, .html, .htm, .json or .jsonl files",
        )))
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
            yield from _records(_json_items(data, where), where, stem, path)
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


def _json_items(data: bytes, where: str) -> Iterator[tuple[int, dict | InputError]]:
    if not data.strip():
        yield 0, InputError(where, "file is empty", "Give a file with one JSON record per line")
        return
    parsed = parse_json_document(data, where) if not where.endswith((".jsonl", ".ndjson")) else None
    if parsed is not None:
        yield from parsed
    else:
        import io

        yield from iter_jsonl(io.BytesIO(data), where)


def _read_json(path: Path) -> Iterator[Article | Failure]:
    where = str(path)
    if path.suffix.lower() == ".json":
        yield from _records(_json_items(path.read_bytes(), where), where, path.stem, str(path))
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
        yield from _records(iter_jsonl(stream, where), where, path.stem, str(path))


def _records(items, where: str, stem: str, path: str | None) -> Iterator[Article | Failure]:
    for number, record in items:
        spot = f"{where}:{number}" if number else where
        if isinstance(record, InputError):
            yield Failure(spot, str(record))
            continue
        try:
            fields = validate_record(record, spot)
        except InputError as exc:
            yield Failure(spot, str(exc))
            continue
        yield make_article(
            fields["text"], fields.get("id") or f"{stem}-{number}", title=fields.get("title"),
            outlet=fields.get("outlet"), published=fields.get("published"), url=fields.get("url"),
            path=path, story=fields.get("story"),
        )
