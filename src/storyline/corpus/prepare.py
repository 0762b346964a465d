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
from dataclasses import dataclass

import numpy as np

from ..records import ANALYSIS_VERSION, analysis_from_json, analysis_json, from_plain, to_plain
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
    """One article after the per-article pass, ready for the store's writer."""

    analysis: ArticleAnalysis
    analysis_json: str  # records.analysis_json: what the store keeps
    content_hash: str  # dedup.content_hash of the text
    minhash: bytes  # dedup.to_bytes of the MinHash signature
    bands: tuple[str, ...]  # the LSH band keys, band i at index i (dedup.bands)
    embedding: bytes  # the unit-length float32 embedding of cluster.embedding_text, little-endian

    @property
    def vector(self) -> np.ndarray:
        return np.frombuffer(self.embedding, dtype="<f4").astype(np.float32)


def prepare(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    model: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Prepared | Failure]:
    """The per-article pass over ``articles`` on this machine's cores, in input order (the local engine)."""
    from ..nlp.pipeline import run_chunks

    return run_chunks(articles, prepare_chunk, init_worker, processes=processes, model=model, on_done=on_done)


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


def _prepared(analysis: ArticleAnalysis) -> Prepared:
    from .cluster import embedding_text

    text = analysis.article.text
    signature = dedup.signature(text)
    return Prepared(
        analysis=analysis,
        analysis_json=analysis_json(analysis),
        content_hash=dedup.content_hash(text),
        minhash=dedup.to_bytes(signature),
        bands=tuple(key for _, key in dedup.bands(signature)),
        embedding=_embed(embedding_text(analysis)),
    )


def _embed(text: str) -> bytes:
    """One text's embedding, alone: its vector does not depend on which texts share its batch."""
    from ..story.embed import embed

    return embed([text])[0].astype("<f4").tobytes()


# ------------------------------------------------------------------ rows
# What made a row: the Storyline version and the analysis record's. Rows written by another version are not
# stored (their analyses and vectors may differ from what this version makes).
PREPARED_VERSION = f"{__version__}/{ANALYSIS_VERSION}"
# The columns of a Parquet shard of prepared rows (storyline extract --engine ray -o FOLDER).
SHARD_COLUMNS = ("article", "analysis", "content_hash", "minhash", "bands", "embedding", "version")
# A Prepared record or a Failure as a flat row of Arrow-friendly values, and back. A row is a Failure
# when its "failure" field is set.
ROW_FIELDS = ("id", "article", "analysis", "content_hash", "minhash", "bands", "embedding", "failure", "where")


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
    return {**article_row(item.analysis.article), "analysis": item.analysis_json, "content_hash": item.content_hash,
            "minhash": item.minhash, "bands": " ".join(item.bands), "embedding": item.embedding, "failure": None,
            "where": None}


def from_row(row: dict) -> Prepared | Failure:
    """The record a row holds."""
    if row.get("failure") is not None:
        return Failure(_text(row["where"]), _text(row["failure"]))
    article = article_from_row(row)
    text = _text(row["analysis"])
    return Prepared(analysis=analysis_from_json(text, article), analysis_json=text,
                    content_hash=_text(row["content_hash"]), minhash=bytes(row["minhash"]),
                    bands=tuple(_text(row["bands"]).split()), embedding=bytes(row["embedding"]))


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
    return all(column in names for column in SHARD_COLUMNS)


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
        for batch in reader.iter_batches(batch_size=1024, columns=list(SHARD_COLUMNS)):
            for row in batch.to_pylist():
                if row["version"] != PREPARED_VERSION:
                    raise StorylineError(
                        f"{path}: was made by Storyline {row['version'].split('/')[0]} (analysis record "
                        f"{row['version'].split('/')[-1]}), this is {__version__} ({ANALYSIS_VERSION}). Extract "
                        "the articles again with this version")
                yield from_row(row)


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)
