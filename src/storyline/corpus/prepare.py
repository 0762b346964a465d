"""The per-article pass of an ingest: all the work on one article that needs no store.

An ingest does two kinds of work. The per-article pass (the spaCy parse with quotes, times and claims;
the analysis's JSON; the MiniLM embedding of the headline and lead; the MinHash signature and its LSH
bands; the content hash) is most of the cost and needs nothing but the article, so it runs in worker
processes, on every core. The store's single writer then takes each article's :class:`Prepared` record in
input order, drops duplicates, stores it and clusters it (a few milliseconds an article).

The same function, :func:`prepare_chunk`, runs in the local engine's worker processes (:func:`prepare`)
and in the Ray engine's actors (:mod:`.ray_engine`), so both engines do the same work and give the same
records. Records cross process and machine boundaries as plain rows (:func:`to_row`, :func:`from_row`:
strings, bytes and numbers that Arrow holds as they are).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace

import numpy as np

from ..records import ANALYSIS_VERSION, analysis_json, from_plain, to_plain
from ..version import __version__
from ..types import Article, ArticleAnalysis, Failure
from . import dedup

__all__ = ["Prepared", "prepare", "prepare_chunk", "to_row", "from_row"]

# The torch threads an embedding runs on, in every engine: the workers already keep each core busy
# with one process, and the vectors then do not depend on how many threads a machine gives torch
# (a matrix product summed in another order differs in the last bits).
EMBED_THREADS = 1


@dataclass(frozen=True)
class Prepared:
    """One article after the per-article pass, ready for the store's writer.

    The writer needs no :class:`ArticleAnalysis`: it stores the analysis's JSON and clusters by the
    article's terms, which the worker counts. The analysis object itself is kept only in the process that
    made it (``analysis``, for ``storyline extract``'s records), and not sent on: rebuilding it in the
    writer would cost more than storing and clustering the article.
    """

    article: Article
    analysis_json: str  # records.analysis_json: what the store keeps
    content_hash: str  # dedup.content_hash of the text
    minhash: bytes  # dedup.to_bytes of the MinHash signature
    bands: tuple[str, ...]  # the LSH band keys, band i at index i (dedup.bands)
    embedding: bytes  # the unit-length float32 embedding of cluster.embedding_text, little-endian
    words: dict[str, int]  # cluster.article_terms: content-word lemmas and their counts
    names: dict[str, int]  # ... and names (with the calendar dates the article states)
    title: str | None  # the title a story it starts gets: the article's, or its first words
    analysis: ArticleAnalysis | None = field(default=None, compare=False)

    @property
    def vector(self) -> np.ndarray:
        return np.frombuffer(self.embedding, dtype="<f4").astype(np.float32)

    def sent(self) -> Prepared:
        """The record as it goes to the writer: without the analysis object."""
        return replace(self, analysis=None)


def prepare(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    model: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Prepared | Failure]:
    """The per-article pass over ``articles`` on this machine's cores, in input order (the local engine)."""
    from ..nlp.pipeline import run_chunks

    return run_chunks(articles, _prepare_sent, init_worker, processes=processes, model=model, on_done=on_done)


def init_worker(model: str | None = None) -> None:
    """Load what the per-article pass needs, once per process: spaCy, and MiniLM on one torch thread."""
    from ..nlp.pipeline import load_model
    from ..story.embed import share_cores

    load_model(model)
    share_cores(EMBED_THREADS)


def prepare_chunk(articles: list[Article], model: str | None = None) -> list[Prepared | Failure]:
    """The per-article pass over a few articles: a Prepared record or a Failure for each, in order."""
    from ..nlp.pipeline import _analyze_chunk

    return [item if isinstance(item, Failure) else _prepared(item) for item in _analyze_chunk(articles, model)]


def _prepare_sent(articles: list[Article], model: str | None = None) -> list[Prepared | Failure]:
    """:func:`prepare_chunk`, its records as they go to the writer (the local engine's task)."""
    return [item.sent() if isinstance(item, Prepared) else item for item in prepare_chunk(articles, model)]


def _prepared(analysis: ArticleAnalysis) -> Prepared:
    from .cluster import article_terms, embedding_text

    article = analysis.article
    signature = dedup.signature(article.text)
    words, names = article_terms(analysis)
    return Prepared(
        article=article,
        analysis_json=analysis_json(analysis),
        content_hash=dedup.content_hash(article.text),
        minhash=dedup.to_bytes(signature),
        bands=tuple(key for _, key in dedup.bands(signature)),
        embedding=_embed(embedding_text(analysis)),
        words=dict(words),
        names=dict(names),
        title=article.title or first_words(analysis),
        analysis=analysis,
    )


def first_words(analysis: ArticleAnalysis, count: int = 12) -> str | None:
    """The first ``count`` words of an article's first sentence (a story's title where it has none)."""
    for span in analysis.sentences:
        words = analysis.article.text[span.start:span.end].split()
        if words:
            return " ".join(words[:count]) + (" …" if len(words) > count else "")
    return None


def _embed(text: str) -> bytes:
    """One text's embedding, alone: its vector does not depend on which texts share its batch."""
    from ..story.embed import embed

    return embed([text])[0].astype("<f4").tobytes()


# ------------------------------------------------------------------ rows
# What made a row: the Storyline version and the analysis record's. Rows written by another version are not
# stored (their analyses and vectors may differ from what this version makes).
# Rows 2: with the article's terms (an ingest's writer no longer rebuilds the analysis from its JSON).
ROWS_VERSION = 2
PREPARED_VERSION = f"{__version__}/{ANALYSIS_VERSION}/{ROWS_VERSION}"
# The columns of a Parquet shard of prepared rows (storyline extract --engine ray -o FOLDER); a file is
# taken for a shard by the first three (shards of older versions are then refused by their version).
SHARD_COLUMNS = ("analysis", "embedding", "version", "article", "content_hash", "minhash", "bands", "terms")
SHARD_MARKS = SHARD_COLUMNS[:3]
# A Prepared record or a Failure as a flat row of Arrow-friendly values, and back. A row is a Failure
# when its "failure" field is set.
ROW_FIELDS = ("id", "article", "analysis", "content_hash", "minhash", "bands", "embedding", "terms", "failure",
              "where")


def article_row(article: Article) -> dict:
    """An article as a row the Ray engine's dataset holds (its fields as JSON)."""
    return {"id": article.id, "article": json.dumps(to_plain(article), ensure_ascii=False)}


def article_from_row(row: dict) -> Article:
    return from_plain(Article, json.loads(_text(row["article"])))


def to_row(item: Prepared | Failure, article: Article | None = None) -> dict:
    """A record as a row (``article``: the article a Failure came from)."""
    if isinstance(item, Failure):
        row = dict.fromkeys(ROW_FIELDS)
        row.update(id=article.id if article else None, failure=item.message, where=item.where)
        if article:
            row.update(article_row(article))
        return row
    return {**article_row(item.article), "analysis": item.analysis_json, "content_hash": item.content_hash,
            "minhash": item.minhash, "bands": " ".join(item.bands), "embedding": item.embedding,
            "terms": json.dumps({"words": item.words, "names": item.names, "title": item.title}, ensure_ascii=False),
            "failure": None, "where": None}


def from_row(row: dict) -> Prepared | Failure:
    """The record a row holds."""
    if row.get("failure") is not None:
        return Failure(_text(row["where"]), _text(row["failure"]))
    terms = json.loads(_text(row["terms"]))
    return Prepared(article=article_from_row(row), analysis_json=_text(row["analysis"]),
                    content_hash=_text(row["content_hash"]), minhash=bytes(row["minhash"]),
                    bands=tuple(_text(row["bands"]).split()), embedding=bytes(row["embedding"]),
                    words=terms["words"], names=terms["names"], title=terms["title"])


def is_shard(path) -> bool:
    """Whether a file is a Parquet shard of prepared rows (its columns say so)."""
    from pathlib import Path

    if Path(path).suffix.lower() != ".parquet" or not Path(path).is_file():
        return False
    try:
        import pyarrow.parquet as pq

        names = pq.read_schema(path).names
    except Exception:  # noqa: BLE001 - not Parquet, or no pyarrow: the reader says what is wrong with it
        return False
    return shard_columns(names)


def shard_columns(names: Iterable[str]) -> bool:
    """Whether a Parquet file's column names are those of a shard of prepared rows."""
    names = set(names)
    return all(column in names for column in SHARD_MARKS)


def shard_files(inputs: Iterable) -> list | None:
    """The shard files the inputs name (files, or folders of them), when every input is shards; else None."""
    from pathlib import Path

    files = []
    for item in inputs:
        path = Path(item)
        found = sorted(path.glob("*.parquet")) if path.is_dir() else [path]
        if not found or not all(is_shard(f) for f in found):
            return None
        files += found
    return files


def read_shards(files: list) -> Iterator[Prepared | Failure]:
    """The prepared records of shard files, in order, a batch of rows at a time."""
    import pyarrow.parquet as pq

    from ..errors import StorylineError

    for path in files:
        reader = pq.ParquetFile(path)
        columns = [c for c in SHARD_COLUMNS if c in reader.schema_arrow.names]
        for batch in reader.iter_batches(batch_size=1024, columns=columns):
            for row in batch.to_pylist():
                if row["version"] != PREPARED_VERSION:
                    made = row["version"].split("/")
                    raise StorylineError(
                        f"{path}: was made by Storyline {made[0]} (analysis record {made[1] if len(made) > 1 else '?'}, "
                        f"rows {made[2] if len(made) > 2 else 1}), this is {__version__} ({ANALYSIS_VERSION}, rows "
                        f"{ROWS_VERSION}). Extract the articles again with this version")
                yield from_row(row)


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
