"""The records the corpus store returns: one frozen dataclass per kind of row it reads.

The store (:mod:`.store`) is the only place that runs SQL; what it reads comes back as these named
records, so no caller depends on the order of a query's columns.
"""

from __future__ import annotations

from dataclasses import dataclass


# ------------------------------------------------------------------ articles
@dataclass(frozen=True, slots=True)
class ArticleRow:
    """A stored article's fields and its analysis, as a story's report reads them (no parsing)."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    dateline: str | None
    byline: str | None
    label: str | None  # the story label its input gave (``Article.story``)
    body_start: int
    body_end: int | None
    analysis: str  # the ArticleAnalysis as JSON (``storyline.records.analysis_json``)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """A stored article as ``storyline export`` writes it: the JSONL input fields and its story links."""

    id: str
    text: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    path: str | None
    dateline: str | None
    byline: str | None
    story: int | None
    label: str | None
    duplicate_of: str | None  # the id of the article this one is a near-duplicate of


@dataclass(frozen=True, slots=True)
class ArticleSignature:
    """What near-duplicate detection reads of a stored article."""

    minhash: bytes  # its MinHash signature (``dedup.to_bytes``); empty when there is no such article
    duplicate_of: int | None  # the row of the article it is a near-duplicate of
    story: int | None


@dataclass(frozen=True, slots=True)
class ListedArticle:
    """An article as ``storyline stories --format json`` lists it under its story."""

    story: int | None
    id: str
    outlet: str | None
    published: str | None
    title: str | None
    duplicate_of: str | None  # the id of the article this one is a near-duplicate of


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search hit."""

    id: str
    story: int | None
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str


# ------------------------------------------------------------------ stories
@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story as listed by ``storyline stories``."""

    id: int
    title: str | None
    articles: int
    outlets: int
    first_published: str | None
    last_published: str | None


@dataclass(frozen=True, slots=True)
class StoryState:
    """What clustering reads of a story: its centroid, size, date range and embedding sum."""

    vector: dict  # the centroid: {"w": {word: weight}, "n": {name: weight}}
    articles: int
    first_published: str | None
    last_published: str | None
    embedding: bytes | None  # the sum of its articles' embeddings (float32)

    @classmethod
    def new(cls) -> StoryState:
        """The state of a story that has no articles yet."""
        return cls(vector={}, articles=0, first_published=None, last_published=None, embedding=None)


@dataclass(frozen=True, slots=True)
class StoryDue:
    """A story's size, its size at its last look (``cluster.refine_stories``), and the size past which
    it is due for the next look during an ingest."""

    articles: int
    looked: int
    due_after: int


# ------------------------------------------------------------------ members (clustered articles)
@dataclass(frozen=True, slots=True)
class MemberState:
    """A clustered article as its story's centroid is rebuilt from it."""

    published: str | None
    vector: dict  # {"w": {word: weight}, "n": {name: weight}}
    embedding: bytes  # float32


@dataclass(frozen=True, slots=True)
class MemberVectors:
    """A clustered article as a story's second look compares it with its neighbours."""

    id: int  # the member's number, in the order members joined
    title: str | None
    published: str | None
    lexical: bytes  # ``cluster.hashed`` of its vector
    embedding: bytes  # float32


@dataclass(frozen=True, slots=True)
class StoredReport:
    """A story's kept report (JSON, its articles' analyses left out) and the key of what it was built from."""

    story: int
    membership: str
    report: str
    built_at: str


@dataclass(frozen=True, slots=True)
class OutletCount:
    """An outlet and how many articles it has (in a story, or in the corpus)."""

    outlet: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class ArticleLinks:
    """Where an article stands: its story, the article it is a near-copy of, and its own near-copies."""

    story: int | None
    duplicate_of: str | None
    copies: tuple[str, ...]
