"""Corpus mode: many articles in one SQLite store, de-duplicated and grouped into stories.

>>> corpus = Corpus("storyline.db")                          # doctest: +SKIP
>>> summary = corpus.ingest(["feeds/"])                      # doctest: +SKIP
>>> corpus.stories()[:3]                                     # doctest: +SKIP

Each article is parsed once, when it is ingested; stories, reports and searches read the stored
analyses and never parse again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError, StorylineError
from ..records import REPORT_VERSION, analysis_from_json, report_from_json, report_json
from ..version import __version__
from ..types import Article, ArticleAnalysis, Failure, StoryReport
from .records import ArticleRecord, ArticleRow, ListedArticle, SearchHit, StoryRow
from .store import Store

if TYPE_CHECKING:
    from .prepare import Prepared

# Ingesting and reporting need the language models (spaCy, MiniLM, WordNet); they are imported
# where they are used, so that listing, searching and exporting a corpus start at once.

ENGINES = ("local", "ray")

__all__ = ["Corpus", "IngestSummary", "StoryRow"]


@dataclass
class IngestSummary:
    """What an ingest did: every input read is counted in exactly one of the last four counts."""

    read: int = 0
    new: int = 0
    duplicate: int = 0  # already stored (same text): added nothing
    near_duplicate: int = 0  # stored, linked to the first copy, not counted twice
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    split: int = 0  # stories split off another one that held two events (cluster.refine_stories)
    absorbed: int = 0  # small stories moved into the story they belonged to
    moved: int = 0  # groups split off a story that joined the story they belonged to

    @property
    def added(self) -> int:
        return self.new + self.near_duplicate


class Corpus:
    """A corpus database: ingest articles, list stories, report one, search, export."""

    def __init__(self, path: str | Path = "storyline.db", *, create: bool = True, readonly: bool = False) -> None:
        self.store = Store(path, create=create, readonly=readonly)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ ingest
    def ingest(
        self,
        inputs: Iterable[str | Path],
        *,
        published: str | Mapping[str, str] | None = None,
        encoding: str | None = None,
        processes: int | None = None,
        on_progress: Callable[[IngestSummary], None] | None = None,
        outlet: str | Mapping[str, str] | None = None,
        engine: str = "local",
        address: str | None = None,
    ) -> IngestSummary:
        """Read, analyse and store articles, each in its own transaction.

        An input whose text is already stored adds nothing, so running the same ingest again,
        or resuming one that was killed, never duplicates an article.

        The per-article pass (:mod:`.prepare`) runs in ``processes`` worker processes on this machine
        (``engine="local"``), or on a Ray cluster (``engine="ray"``: :mod:`.ray_engine`; ``address``: a
        running cluster's, else a local one is started, with ``processes`` workers). This process is the
        store's one writer either way, and the two engines store the same articles under the same ids in
        the same stories.
        """
        from . import dedup
        from ..ingest import read_articles

        if engine not in ENGINES:
            raise StorylineError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
        inputs = list(inputs)
        summary = IngestSummary()

        def fresh() -> Iterator[Article]:
            for item in read_articles(inputs, published=published, encoding=encoding, outlet=outlet):
                summary.read += 1
                if isinstance(item, Failure):
                    summary.failed += 1
                    summary.failures.append(item)
                elif self.store.has_content(dedup.content_hash(item.text)):
                    summary.duplicate += 1
                else:
                    yield item
                    continue
                if on_progress:
                    on_progress(summary)

        from .prepare import read_shards, shard_files

        shards = shard_files(inputs)
        if shards is not None:  # rows prepared beforehand (storyline extract --engine ray -o FOLDER): store them
            def counted(items):
                for item in items:
                    summary.read += 1
                    yield item

            stream = counted(read_shards(shards))
        elif engine == "ray":
            from .ray_engine import prepare

            stream = prepare(fresh(), processes=processes, address=address)
        else:
            from .prepare import prepare

            stream = prepare(fresh(), processes=processes)
        try:
            return self._ingest(stream, summary, on_progress)
        except sqlite3.DatabaseError as exc:
            raise _write_failed(exc, self.store.path, summary) from None

    def _ingest(self, prepared: Iterable[Prepared | Failure], summary: IngestSummary, on_progress) -> IngestSummary:
        """The store's single writer: take each article's prepared record in input order, store it, cluster it."""
        from .cluster import REFINE_EVERY

        refined_at = 0
        for item in prepared:
            if isinstance(item, Failure):
                summary.failed += 1
                summary.failures.append(item)
            else:
                self._store(item, summary)
                if summary.new > refined_at and summary.new % REFINE_EVERY == 0:
                    refined_at = summary.new
                    self._refine(summary)
            if on_progress:
                on_progress(summary)
        self._refine(summary, final=True)  # (also the stories an earlier, killed ingest did not reach)
        return summary

    def _refine(self, summary: IngestSummary, final: bool = False) -> None:
        from .cluster import refine_stories

        done = refine_stories(self.store, final=final)
        summary.split += sum(len(new) for new in done.split.values())
        summary.absorbed += done.absorbed
        summary.moved += done.moved

    def _store(self, prepared: Prepared, summary: IngestSummary) -> None:
        from dataclasses import replace
        from . import dedup
        from .cluster import place_article

        bands = list(enumerate(prepared.bands))
        with self.store.transaction():
            if self.store.has_content(prepared.content_hash):  # the same text twice in one input
                summary.duplicate += 1
                return
            original = self._near_duplicate_of(dedup.from_bytes(prepared.minhash), bands)
            article = replace(prepared.article, id=self.store.free_id(prepared.article.id))
            if original is not None:
                story = self.store.article_signature(original).story
                rowid = self.store.insert_article(article, prepared.content_hash, prepared.analysis_json,
                                                  prepared.minhash, original, story)
                summary.near_duplicate += 1
            else:
                rowid = self.store.insert_article(article, prepared.content_hash, prepared.analysis_json,
                                                  prepared.minhash, None, None)
                story = place_article(self.store, prepared.words, prepared.names, article.published, prepared.title,
                                      prepared.vector, article=rowid)
                self.store.set_article_story(rowid, story)
                summary.new += 1
            self.store.add_bands(rowid, bands)

    def _near_duplicate_of(self, signature, bands) -> int | None:
        from . import dedup

        for candidate in self.store.band_matches(bands):
            stored = self.store.article_signature(candidate)
            if stored.minhash and dedup.similar(signature, dedup.from_bytes(stored.minhash)):
                return stored.duplicate_of or candidate
        return None

    # ------------------------------------------------------------------ reading
    def stories(self) -> list[StoryRow]:
        """Every story, largest first (singletons included)."""
        return self.store.stories()

    def story_articles(self, story: int, *, include_duplicates: bool = False) -> list[ArticleAnalysis]:
        """The stored analyses of a story's articles (no parsing)."""
        return [_analysis(row) for row in self.store.story_articles(story, include_duplicates=include_duplicates)]

    def story_members(self) -> dict[int, list[dict]]:
        """Every article, grouped by story, as {id, outlet, published, title, duplicate_of}."""
        out: dict[int, list[dict]] = {}
        for listed in self.store.listed_articles():
            out.setdefault(listed.story, []).append(_member_dict(listed))
        return out

    def story_size(self, story: int) -> int:
        """How many articles a story has (0: no such story)."""
        return self.store.story_size(story)

    def report(self, story: int, *, summary_words: int | None = None, keep: bool = True) -> StoryReport:
        """The full briefing of a stored story (``summary_words``: the summary's length, by default the same
        as ``storyline analyze``'s). The report kept in the store is read when it was built from the story's
        present articles with the same settings; else it is built from the stored analyses (no parsing) and,
        with ``keep`` on a store open for writing, kept for the next view."""
        summary_words = _summary_words(summary_words)
        if not self.store.story_exists(story):
            raise StorylineError(f"no story {story} in {self.store.path}. List them with: "
                                 f"storyline stories --db {self.store.path}")
        report, current = self.kept_report(story, summary_words=summary_words)
        if current:
            return report
        report = self._build_report(story, self.story_articles(story), summary_words)
        if keep and not self.store.readonly:
            with self.store.transaction():
                self.store.save_report(story, report_key(self.store.story_member_ids(story), summary_words),
                                       report_json(report))
        return report

    def article(self, article_id: str) -> ArticleAnalysis | None:
        """One stored article's analysis (None: no such article)."""
        row = self.store.article(article_id)
        return None if row is None else _analysis(row)

    def report_from_kept(self, text: str) -> StoryReport | None:
        """A report saved as JSON (``records.report_json``), rejoined with its articles' stored analyses (None:
        an article it was built from is no longer stored, or the JSON is of other record types)."""
        def load(ids: list[str]) -> list[ArticleAnalysis] | None:
            analyses = [self.article(i) for i in ids]
            return None if None in analyses else analyses

        return report_from_json(text, load)

    def kept_report(self, story: int, *, summary_words: int | None = None) -> tuple[StoryReport | None, bool]:
        """The report kept in the store for a story, whatever articles it was built from, and whether it was
        built from the story's present ones (None, False: none kept). Nothing is built."""
        stored = self.store.stored_report(story)
        if stored is None:
            return None, False
        key = report_key(self.store.story_member_ids(story), _summary_words(summary_words))
        report = self.report_from_kept(stored.report)
        return report, stored.membership == key and report is not None

    def refresh_reports(self, *, summary_words: int | None = None,
                        on_progress: Callable[[int, int], None] | None = None) -> int:
        """Build and keep the report of every story of two or more articles whose kept report is missing or
        was built from other articles (the end of an ingest); return how many were built."""
        summary_words = _summary_words(summary_words)
        kept = self.store.report_keys()
        due = [story for story, ids in self.store.story_memberships().items()
               if kept.get(story) != report_key(ids, summary_words)]
        for n, story in enumerate(due, 1):
            self.report(story, summary_words=summary_words)
            if on_progress:
                on_progress(n, len(due))
        return len(due)

    @staticmethod
    def _build_report(story: int, analyses: list[ArticleAnalysis], summary_words: int) -> StoryReport:
        from ..story import build_story
        from ..story.embed import start_helper

        start_helper()  # the sentence-embedding model loads on another core while the story is put together
        return build_story(analyses, story=str(story), summary_words=summary_words)

    def search(self, query: str, limit: int = 20, *, offset: int = 0, outlet: str | None = None,
               since: str | None = None, until: str | None = None, marks: tuple[str, str] = ("[", "]")) -> list[dict]:
        """Full-text search with a snippet per hit (the matched words between ``marks``) and the title of the
        hit's story: words as news writes them ("cease-fire", "U.S."), "quoted phrases", AND/OR/NOT, brackets and
        prefix* (:mod:`.query`); of one ``outlet``, and published from ``since`` to ``until`` (ISO dates)."""
        from .query import fts_query

        if not fts_query(query):
            raise StorylineError("the search query is empty. Give words to look for")
        hits = self.store.search(fts_query(query), limit, offset, outlet, since, until, marks)
        titles = {hit.story: self.store.story_title(hit.story) for hit in hits if hit.story is not None}
        return [dict(_hit_dict(hit), story_title=titles.get(hit.story)) for hit in hits]

    def export_records(self) -> Iterator[dict]:
        """Every stored article as a flat record (the JSONL input fields plus story links)."""
        for record in self.store.article_records():
            yield _export_dict(record)

    def counts(self) -> dict[str, int]:
        return self.store.counts()


def build_report_json(db: str, story: int, write: bool = False) -> str:
    """Build a stored story's report and return it as JSON (``records.report_json``), kept in the store too
    when ``write``: what ``storyline serve`` runs in a process of its own."""
    with Corpus(db, create=False, readonly=not write) as corpus:
        return report_json(corpus.report(story))


def _summary_words(summary_words: int | None) -> int:
    """The summary length asked for, or by default ``storyline analyze``'s."""
    if summary_words is not None:
        return summary_words
    from ..story import SUMMARY_WORDS

    return SUMMARY_WORDS


def report_key(article_ids: list[str], summary_words: int) -> str:
    """The key a story's report is kept under: its articles, in order, and what else shapes the report (the
    summary's length, the record version, Storyline's version: a newer Storyline rebuilds every report)."""
    import hashlib

    text = "\n".join([f"{__version__}|{REPORT_VERSION}|{summary_words}", *article_ids])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_failed(exc: sqlite3.DatabaseError, path: str, summary: IngestSummary) -> StoreError:
    """The error an ingest stopped by the database ends with: what happened, what was kept, what to do.

    Each article is stored in a transaction of its own, so what was stored is whole and what was not
    left no trace; the same command again skips the stored articles (same text) and goes on.
    """
    kept = (f"The {summary.added} articles this run stored are kept" if summary.added != 1
            else "The 1 article this run stored is kept")
    kept += ", and nothing was half-written"
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL or "full" in str(exc):
        return StoreError(f"{path}: the disk is full. {kept}. "
                          "Free some space and run the same command again: it carries on where it stopped, "
                          "skipping the articles already stored")
    return StoreError(f"{path}: the database could not be written ({exc}). {kept}. Run the same command again to carry on where it stopped")


def _analysis(row: ArticleRow) -> ArticleAnalysis:
    article = Article(
        id=row.id, text=row.text, title=row.title, outlet=row.outlet, published=row.published,
        url=row.url, path=row.path, dateline=row.dateline, byline=row.byline, story=row.label,
        body_start=row.body_start, body_end=row.body_end,
    )
    return analysis_from_json(row.analysis, article)


# The JSON edge: each record the store returns, as the dict the CLI prints (the field names are a contract).
def _export_dict(record: ArticleRecord) -> dict:
    """An exported article: the JSONL input fields, then its story links."""
    return {"id": record.id, "text": record.text, "title": record.title, "outlet": record.outlet,
            "published": record.published, "url": record.url, "path": record.path, "dateline": record.dateline,
            "byline": record.byline, "story": record.story, "label": record.label,
            "duplicate_of": record.duplicate_of}


def _member_dict(listed: ListedArticle) -> dict:
    """An article as ``storyline stories --format json`` lists it under its story."""
    return {"id": listed.id, "outlet": listed.outlet, "published": listed.published, "title": listed.title,
            "duplicate_of": listed.duplicate_of}


def _hit_dict(hit: SearchHit) -> dict:
    return {"id": hit.id, "story": hit.story, "title": hit.title, "outlet": hit.outlet, "published": hit.published,
            "snippet": hit.snippet}


def write_export(records: Iterable[dict], fmt: str, output) -> int:
    """Write records as JSONL (to a text stream) or Parquet (to a path); return how many."""
    if fmt == "jsonl":
        n = 0
        for record in records:
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StorylineError("Parquet export needs pyarrow. Install it with: pip install pyarrow") from None
    rows = list(records)
    pq.write_table(pa.Table.from_pylist(rows), output)
    return len(rows)
