"""The corpus store: SQLite in WAL mode. Every SQL statement of Storyline lives in this module.

The schema changes only through the numbered migrations below, applied in order when a store
is opened (``PRAGMA user_version`` holds the number applied). Each article is written with its
analysis, its near-duplicate signature and its story in one transaction, so an ingest killed
at any moment loses nothing it had committed, and a second process can read meanwhile.

Callers ask for what they need by its meaning (``story_articles(story)``, ``story_state(story)``),
never with SQL, and what is read comes back as the named records of :mod:`.records`, never as rows.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import fields
from pathlib import Path
from typing import TypeVar

from ..errors import QueryError, StoreError
from ..types import Article
from .records import (ArticleLinks, ArticleRecord, ArticleRow, ArticleSignature, ListedArticle, MemberState,
                      MemberVectors, OutletCount, SearchHit, StoredReport, StoryDue, StoryRow, StoryState)

R = TypeVar("R")

MIGRATIONS: list[str] = [
    # 1: articles with their analyses, stories, near-duplicate bands, clustering index, search
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        text TEXT NOT NULL,
        title TEXT, outlet TEXT, published TEXT, url TEXT, path TEXT, dateline TEXT, byline TEXT,
        label TEXT, body_start INTEGER NOT NULL, body_end INTEGER,
        analysis TEXT NOT NULL,
        minhash BLOB,
        duplicate_of INTEGER REFERENCES articles(rowid),
        story INTEGER REFERENCES stories(id),
        added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_story ON articles(story);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT,
        articles INTEGER NOT NULL DEFAULT 0,
        first_published TEXT, last_published TEXT,
        vector TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE story_terms (
        term TEXT NOT NULL, story INTEGER NOT NULL REFERENCES stories(id), weight REAL NOT NULL,
        PRIMARY KEY (term, story)
    ) WITHOUT ROWID;
    CREATE TABLE term_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE lsh (band INTEGER NOT NULL, bucket TEXT NOT NULL, article INTEGER NOT NULL,
                      PRIMARY KEY (band, bucket, article)) WITHOUT ROWID;
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    """,
    # 2: each story's sum of article embeddings (MiniLM), for clustering by meaning as well as words
    """
    ALTER TABLE stories ADD COLUMN embedding BLOB;
    """,
    # 3: story_terms found by story too (a story's index is rewritten each time it gains an article:
    # without this that was a scan of the whole table); each clustered article's vectors (its story
    # membership), so that a story can be looked at again and split (cluster.refine_stories); a
    # story's size at its last such look, and the size past which it is due for the next one during
    # an ingest
    """
    CREATE TABLE members (
        id INTEGER PRIMARY KEY,
        story INTEGER NOT NULL REFERENCES stories(id),
        article INTEGER UNIQUE REFERENCES articles(rowid),
        title TEXT, published TEXT,
        vector TEXT NOT NULL,
        lexical BLOB NOT NULL,
        embedding BLOB NOT NULL
    );
    CREATE INDEX members_story ON members(story, id);
    ALTER TABLE stories ADD COLUMN looked INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE stories ADD COLUMN due_after INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX story_terms_story ON story_terms(story);
    CREATE INDEX stories_grown ON stories(id) WHERE articles > looked;
    CREATE INDEX stories_due ON stories(id) WHERE articles > due_after;
    """,
    # 4: each story's report, kept so that a view does not rebuild it (``membership``: the key of the
    # articles and settings it was built from; a story that changed has another key, and its report is
    # rebuilt); stories listed newest first, filtered by outlet, counted and shown by outlet from indexes
    # alone (an article's row holds its text and analysis: a query that reads a column stored after them
    # walks their overflow pages, 7 ms per 1,000 articles)
    """
    CREATE TABLE reports (
        story INTEGER PRIMARY KEY,
        membership TEXT NOT NULL,
        report TEXT NOT NULL,
        built_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX stories_newest ON stories(last_published, id);
    CREATE INDEX articles_outlet ON articles(outlet, story);
    CREATE INDEX articles_members ON articles(story, duplicate_of, outlet, id);
    CREATE INDEX articles_duplicates ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
    """,
]
# How long a writer waits for another writer's transaction before giving up, in seconds.
BUSY_TIMEOUT = 30
# Page cache per connection (KiB) and memory-mapped reads (bytes): see Store.__init__.
CACHE_KIB = 64 * 1024
MMAP_BYTES = 256 * 2**20
# Pages the write-ahead log may hold before SQLite copies them back into the database (its default is
# 1,000), and the size the log is cut back to afterwards. Each article's commit dirties pages of the
# term counts scattered over the vocabulary; checkpointing ten times less often writes each hot page
# once for many commits: clustering cost per article -12% at 1k articles and -21% at 10k
# (benchmarks/corpus_scale.py). The log then takes up to about 40 MB on disk while an ingest runs.
WAL_CHECKPOINT_PAGES = 10_000
WAL_LIMIT_BYTES = 64 * 2**20
# Stories fetched per term when looking for an article's story: the most recent ones. This bounds
# the cost of a lookup however large the corpus grows (a common term's posting list is cut).
POSTINGS_PER_TERM = 50

# The range of SQLite's integers: a story id outside it names no story, a larger limit is no limit.
SQL_INT_MIN, SQL_INT_MAX = -(2**63), 2**63 - 1

ARTICLE_COLUMNS = ("id", "text", "title", "outlet", "published", "url", "path", "dateline", "byline", "label",
                   "body_start", "body_end")
# A stored article and its analysis (ArticleRow: the columns are named as its fields, in their order).
_ARTICLE_ROWS = f"SELECT {', '.join(f.name for f in fields(ArticleRow))} FROM articles"
# Stories due for a look during an ingest (past their due size), and at its end (grown at all since the
# last look): each reads its own partial index (migration 3).
_DUE_STORIES = "SELECT id FROM stories WHERE articles > due_after ORDER BY id"
_GROWN_STORIES = "SELECT id FROM stories WHERE articles > looked ORDER BY id"


class Store:
    """An open corpus database."""

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        if not create and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such corpus database. Create it with: storyline ingest FILES --db {path}")
        folder = Path(self.path).parent
        if self.path != ":memory:" and not folder.is_dir():
            raise StoreError(f"{self.path}: the folder {folder} does not exist. Create it, or give --db a file in a "
                             "folder that exists")
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a folder. Give --db a file name, such as {Path(self.path) / 'news.db'}")
        if readonly:
            self._open_readonly()
            return
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            # Keep the hot pages (the story index, term counts, centroids) in memory as the store
            # grows: SQLite's default 2 MB page cache makes every lookup at 100k articles a read.
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            self.db.execute(f"PRAGMA wal_autocheckpoint={WAL_CHECKPOINT_PAGES}")
            self.db.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be opened as a Storyline corpus ({exc}). "
                             "Give the path of a database made by storyline ingest, or a new file name") from None

    def _open_readonly(self) -> None:
        """Open for reading only (``storyline serve``): SQLite refuses every write, and the schema is left as
        it is; a store of an older schema is read without the tables it lacks (no stored reports)."""
        if self.path == ":memory:" or not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such corpus database. Create it with: storyline ingest FILES --db {self.path}")
        try:
            self.db = sqlite3.connect(f"{Path(self.path).resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT,
                                      isolation_level=None, check_same_thread=False)
            self.db.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            self.db.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
            version = self._value("PRAGMA user_version")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot be opened as a Storyline corpus ({exc}). "
                             "Give the path of a database made by storyline ingest") from None
        if version == 0:
            raise StoreError(f"{self.path}: is not a Storyline corpus (no schema). Give the path of a database made by "
                             "storyline ingest")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: made by a newer Storyline (schema {version}). Upgrade Storyline")
        self.schema = version

    def _migrate(self) -> None:
        version = self._value("PRAGMA user_version")
        if version > len(MIGRATIONS):
            raise StoreError(f"{self.path}: made by a newer Storyline (schema {version}). Upgrade Storyline")
        for number in range(version, len(MIGRATIONS)):
            self.db.executescript("BEGIN IMMEDIATE;" + MIGRATIONS[number] + f";PRAGMA user_version={number + 1};COMMIT;")
        self.schema = len(MIGRATIONS)

    def transaction(self):
        """A context manager for one write transaction (BEGIN IMMEDIATE ... COMMIT or ROLLBACK)."""
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    # --------------------------------------------------------------- reading rows
    def _value(self, sql: str, params: tuple = ()):
        """The one value a query of one column reads (None when it reads no row)."""
        for (value,) in self.db.execute(sql, params):
            return value
        return None

    def _values(self, sql: str, params: tuple = ()) -> list:
        """The values a query of one column reads, in order."""
        return [value for (value,) in self.db.execute(sql, params)]

    def _records(self, record: type[R], sql: str, params: tuple = ()) -> Iterator[R]:
        """The rows of a query as ``record``s, read one by one from a cursor of their own (a reader left
        unfinished changes nothing else). The query's columns must be named as the record's fields, in
        their order: checked once per statement, so that a column added to one and not the other fails
        loudly instead of shifting every value after it."""
        cursor = self.db.cursor()
        cursor.row_factory = lambda _cursor, row: record(*row)
        cursor.execute(sql, params)
        if (record, sql) not in _CHECKED:
            columns = tuple(column for column, *_ in cursor.description)
            expected = tuple(f.name for f in fields(record))
            if columns != expected:
                raise AssertionError(f"{sql!r} reads {columns}, not the fields of {record.__name__} {expected}")
            _CHECKED.add((record, sql))
        return cursor

    # --------------------------------------------------------------- articles
    def has_content(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def free_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``wanted-3``... if an earlier article has that id."""
        candidate, n = wanted, 1
        while self.db.execute("SELECT 1 FROM articles WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def insert_article(self, article: Article, content_hash: str, analysis: str, minhash: bytes,
                       duplicate_of: int | None, story: int | None) -> int:
        values = (article.id, article.text, article.title, article.outlet, article.published, article.url,
                  article.path, article.dateline, article.byline, article.story, article.body_start,
                  article.body_end)
        cursor = self.db.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, content_hash, analysis, minhash, duplicate_of, story)"
            f" VALUES ({', '.join('?' * len(ARTICLE_COLUMNS))}, ?, ?, ?, ?, ?)",
            (*values, content_hash, analysis, minhash, duplicate_of, story))
        return cursor.lastrowid

    def add_bands(self, article: int, bands: Iterable[tuple[int, str]]) -> None:
        self.db.executemany("INSERT OR IGNORE INTO lsh (band, bucket, article) VALUES (?, ?, ?)",
                            [(b, bucket, article) for b, bucket in bands])

    def band_matches(self, bands: list[tuple[int, str]]) -> list[int]:
        """Articles sharing at least one near-duplicate band with the given signature."""
        found: set[int] = set()
        for band, bucket in bands:
            found.update(self._values("SELECT article FROM lsh WHERE band = ? AND bucket = ?", (band, bucket)))
        return sorted(found)

    def article_signature(self, rowid: int) -> ArticleSignature:
        """An article's near-duplicate signature, the article it duplicates (if any), and its story
        (an empty signature when there is no such article)."""
        for minhash, duplicate_of, story in self.db.execute(
                "SELECT minhash, duplicate_of, story FROM articles WHERE rowid = ?", (rowid,)):
            return ArticleSignature(minhash=minhash, duplicate_of=duplicate_of, story=story)
        return ArticleSignature(minhash=b"", duplicate_of=None, story=None)

    def story_articles(self, story: int, *, include_duplicates: bool = False) -> Iterator[ArticleRow]:
        """A story's articles with their analyses, in the order they were stored: its near-duplicates
        too with ``include_duplicates``."""
        if include_duplicates:
            return self._records(ArticleRow, f"{_ARTICLE_ROWS} WHERE story = ? ORDER BY rowid", (story,))
        return self._records(ArticleRow, f"{_ARTICLE_ROWS} WHERE story = ? AND duplicate_of IS NULL ORDER BY rowid",
                             (story,))

    def article_records(self) -> Iterator[ArticleRecord]:
        """Every stored article as exported (no analysis), with the id of the article it duplicates, in
        the order they were stored."""
        return self._records(
            ArticleRecord,
            "SELECT a.id, a.text, a.title, a.outlet, a.published, a.url, a.path, a.dateline, a.byline, a.story, "
            "a.label, d.id AS duplicate_of FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of "
            "ORDER BY a.rowid")

    def listed_articles(self) -> list[ListedArticle]:
        """Every article with its story, in the order they were stored, as ``storyline stories`` lists them."""
        return list(self._records(
            ListedArticle,
            "SELECT a.story, a.id, a.outlet, a.published, a.title, d.id AS duplicate_of FROM articles a "
            "LEFT JOIN articles d ON d.rowid = a.duplicate_of ORDER BY a.rowid"))

    def counts(self) -> dict[str, int]:
        """How many articles, near-duplicates among them, and stories the store holds."""
        articles = self._value("SELECT COUNT(*) FROM articles")
        duplicates = self._value("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL")
        return {"articles": articles, "near_duplicates": duplicates,
                "stories": self._value("SELECT COUNT(*) FROM stories")}

    # --------------------------------------------------------------- clustering state
    def bump_document_frequencies(self, terms: Iterable[str]) -> None:
        self.db.executemany("INSERT INTO term_df (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1",
                            [(t,) for t in terms])
        self.db.execute("INSERT INTO counters (name, value) VALUES ('documents', 1) "
                        "ON CONFLICT(name) DO UPDATE SET value = value + 1")

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many clustered articles have each of the terms (terms none has are left out)."""
        terms = list(terms)
        found: dict[str, int] = {}
        for start in range(0, len(terms), 500):
            chunk = terms[start:start + 500]
            for term, df in self.db.execute(
                    f"SELECT term, df FROM term_df WHERE term IN ({', '.join('?' * len(chunk))})", chunk):
                found[term] = df
        return found

    def document_count(self) -> int:
        """How many articles have been clustered (counted by :meth:`bump_document_frequencies`)."""
        return self._value("SELECT value FROM counters WHERE name = 'documents'") or 0

    def candidate_stories(self, weights: dict[str, float]) -> dict[int, float]:
        """Stories indexed under the given terms (the most recent per term), with a rough score:
        the sum over shared terms of the term's weight in the article times its weight in the story."""
        found: dict[int, float] = {}
        for term, weight in weights.items():
            for story, story_weight in self.db.execute(
                    "SELECT story, weight FROM story_terms WHERE term = ? ORDER BY story DESC LIMIT ?",
                    (term, POSTINGS_PER_TERM)):
                found[story] = found.get(story, 0.0) + weight * story_weight
        return found

    def story_state(self, story: int) -> StoryState:
        """A story's centroid, size, date range and embedding sum."""
        for vector, articles, first, last, embedding in self.db.execute(
                "SELECT vector, articles, first_published, last_published, embedding FROM stories WHERE id = ?",
                (story,)):
            return StoryState(vector=json.loads(vector), articles=articles, first_published=first,
                              last_published=last, embedding=embedding)
        raise StoreError(f"{self.path}: no story {story}")

    def create_story(self, title: str | None, looked: int = 0, due_after: int = 0) -> int:
        """A new, empty story, counted as looked at (cluster.refine_stories) when it had ``looked``
        articles, and due for a look during an ingest once it has more than ``due_after``."""
        return self.db.execute("INSERT INTO stories (title, looked, due_after) VALUES (?, ?, ?)",
                               (title, looked, due_after)).lastrowid

    def save_story(self, story: int, vector: dict, index_terms: dict[str, float], articles: int,
                   first: str | None, last: str | None, embedding: bytes | None) -> None:
        self.db.execute("UPDATE stories SET vector = ?, articles = ?, first_published = ?, last_published = ?, "
                        "embedding = ? WHERE id = ?",
                        (json.dumps(vector, separators=(",", ":")), articles, first, last, embedding, story))
        self.db.execute("DELETE FROM story_terms WHERE story = ?", (story,))
        self.db.executemany("INSERT INTO story_terms (term, story, weight) VALUES (?, ?, ?)",
                            [(t, story, w) for t, w in index_terms.items()])

    def set_article_story(self, rowid: int, story: int) -> None:
        self.db.execute("UPDATE articles SET story = ? WHERE rowid = ?", (story, rowid))

    # --------------------------------------------------------------- story members (refinement)
    def add_member(self, story: int, article: int | None, title: str | None, published: str | None,
                   vector: dict, lexical: bytes, embedding: bytes) -> int:
        return self.db.execute(
            "INSERT INTO members (story, article, title, published, vector, lexical, embedding) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (story, article, title, published, json.dumps(vector, separators=(",", ":")), lexical,
             embedding)).lastrowid

    def members(self, story: int) -> list[MemberState]:
        """A story's members in the order they joined."""
        rows = self.db.execute("SELECT published, vector, embedding FROM members WHERE story = ? ORDER BY id",
                               (story,)).fetchall()
        return [MemberState(published=published, vector=json.loads(vector), embedding=embedding)
                for published, vector, embedding in rows]

    def member_vectors(self, story: int, limit: int) -> list[MemberVectors]:
        """A story's newest ``limit`` members, newest first."""
        return list(self._records(MemberVectors, "SELECT id, title, published, lexical, embedding FROM members "
                                                 "WHERE story = ? "
                                                 "ORDER BY id DESC LIMIT ?", (story, limit)))

    def member_count(self, story: int) -> int:
        return self._value("SELECT COUNT(*) FROM members WHERE story = ?", (story,))

    def move_members(self, members: list[int], story: int) -> None:
        """Put members, their articles and those articles' near-duplicates in another story. (No index
        holds ``articles.duplicate_of``, so this reads the whole articles table: it runs only when a look
        at a story moves members, not for every article.)"""
        for start in range(0, len(members), 500):
            chunk = members[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            self.db.execute(f"UPDATE members SET story = ? WHERE id IN ({marks})", (story, *chunk))
            self.db.execute(f"UPDATE articles SET story = ? WHERE rowid IN (SELECT article FROM members WHERE id IN "
                            f"({marks})) OR duplicate_of IN (SELECT article FROM members WHERE id IN ({marks}))",
                            (story, *chunk, *chunk))

    def member_stories(self) -> list[int]:
        """The story of every member, in the order the members were added."""
        return self._values("SELECT story FROM members ORDER BY id")

    def due_stories(self, grown: bool = False) -> list[int]:
        """Stories due for a look: grown past their due size, or (``grown``) grown at all since the last."""
        return self._values(_GROWN_STORIES if grown else _DUE_STORIES)

    def story_due(self, story: int) -> StoryDue | None:
        """A story's size, its size at its last look and its due size (None: no such story)."""
        for due in self._records(StoryDue, "SELECT articles, looked, due_after FROM stories WHERE id = ?", (story,)):
            return due
        return None

    def delete_story(self, story: int) -> None:
        """Remove a story that no longer has articles."""
        self.db.execute("DELETE FROM story_terms WHERE story = ?", (story,))
        self.db.execute("DELETE FROM stories WHERE id = ?", (story,))

    def retitle_story(self, story: int) -> None:
        """Give a story the title of its earliest member (after members moved in or out)."""
        self.db.execute("UPDATE stories SET title = (SELECT title FROM members WHERE story = ? ORDER BY id LIMIT 1) "
                        "WHERE id = ? AND EXISTS (SELECT 1 FROM members WHERE story = ?)", (story, story, story))

    def set_looked(self, story: int, size: int, due_after: int) -> None:
        self.db.execute("UPDATE stories SET looked = ?, due_after = ? WHERE id = ?", (size, due_after, story))

    # --------------------------------------------------------------- reading
    def stories(self) -> list[StoryRow]:
        """Every story, largest first, with the number of outlets among its articles (near-duplicates aside)."""
        return list(self._records(
            StoryRow,
            "SELECT s.id, s.title, s.articles, COUNT(DISTINCT a.outlet) AS outlets, s.first_published, "
            "s.last_published FROM stories s LEFT JOIN articles a ON a.story = s.id AND a.duplicate_of IS NULL "
            "GROUP BY s.id ORDER BY s.articles DESC, s.id"))

    def story_size(self, story: int) -> int:
        if not SQL_INT_MIN <= story <= SQL_INT_MAX:
            return 0
        return self._value("SELECT articles FROM stories WHERE id = ?", (story,)) or 0

    def story_exists(self, story: int) -> bool:
        if not SQL_INT_MIN <= story <= SQL_INT_MAX:  # no such id fits in SQLite
            return False
        return self.db.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone() is not None

    # --------------------------------------------------------------- browsing (storyline serve)
    def story_page(self, offset: int, limit: int, outlet: str | None = None, since: str | None = None,
                   until: str | None = None) -> tuple[int, list[StoryRow]]:
        """How many stories match, and one page of them, newest first (by their latest article's date; undated
        stories last, newest made first): those with an article of ``outlet``, and dated within ``since`` to
        ``until`` (ISO dates; a story matches when its dates overlap the range)."""
        clause, params = _where(("EXISTS (SELECT 1 FROM articles o WHERE o.outlet = ? AND o.story = s.id)", outlet),
                                ("COALESCE(s.last_published, s.first_published) >= ?", since),
                                ("COALESCE(s.first_published, s.last_published) <= ?", _day_end(until)))
        total = self._value(f"SELECT COUNT(*) FROM stories s WHERE {clause}", tuple(params))
        rows = list(self._records(
            StoryRow,
            "SELECT s.id, s.title, s.articles, (SELECT COUNT(DISTINCT a.outlet) FROM articles a WHERE a.story = s.id "
            "AND a.duplicate_of IS NULL) AS outlets, s.first_published, s.last_published FROM stories s "
            f"WHERE {clause} ORDER BY s.last_published IS NULL, s.last_published DESC, s.id DESC LIMIT ? OFFSET ?",
            (*params, min(limit, SQL_INT_MAX), min(offset, SQL_INT_MAX))))
        return total, rows

    def story_coverage(self, stories: list[int]) -> dict[int, list[OutletCount]]:
        """How many articles (near-duplicates aside) each outlet gave each of the stories, most first."""
        out: dict[int, list[OutletCount]] = {s: [] for s in stories}
        for start in range(0, len(stories), 500):
            chunk = stories[start:start + 500]
            for story, outlet, count in self.db.execute(
                    f"SELECT story, outlet, COUNT(*) FROM articles WHERE story IN ({', '.join('?' * len(chunk))}) "
                    "AND duplicate_of IS NULL GROUP BY story, outlet ORDER BY story, COUNT(*) DESC, outlet", chunk):
                out[story].append(OutletCount(outlet=outlet, articles=count))
        return out

    def outlets(self) -> list[OutletCount]:
        """Every named outlet with its number of articles, most first."""
        return list(self._records(OutletCount, "SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT "
                                               "NULL GROUP BY outlet ORDER BY articles DESC, outlet"))

    def story_title(self, story: int) -> str | None:
        if not SQL_INT_MIN <= story <= SQL_INT_MAX:
            return None
        return self._value("SELECT title FROM stories WHERE id = ?", (story,))

    def article(self, article_id: str) -> ArticleRow | None:
        """One stored article with its analysis (None: no such article)."""
        for row in self._records(ArticleRow, f"{_ARTICLE_ROWS} WHERE id = ?", (article_id,)):
            return row
        return None

    def article_links(self, article_id: str) -> ArticleLinks | None:
        """An article's story, the article it is a near-copy of, and its own near-copies."""
        for rowid, story, original in self.db.execute(
                "SELECT a.rowid, a.story, d.id FROM articles a LEFT JOIN articles d ON d.rowid = a.duplicate_of "
                "WHERE a.id = ?", (article_id,)):
            copies = tuple(self._values("SELECT id FROM articles WHERE duplicate_of = ? ORDER BY rowid", (rowid,)))
            return ArticleLinks(story=story, duplicate_of=original, copies=copies)
        return None

    def data_version(self) -> int:
        """A number that changes whenever another connection commits a change to the store (SQLite's
        data_version): what this connection read before is still true while it stays the same."""
        return self._value("PRAGMA data_version")

    # --------------------------------------------------------------- stored reports
    def story_member_ids(self, story: int) -> list[str]:
        """The ids of a story's articles, near-duplicates aside, in the order they were stored (the order its
        report reads them in)."""
        return self._values("SELECT id FROM articles WHERE story = ? AND duplicate_of IS NULL ORDER BY rowid", (story,))

    def stored_report(self, story: int) -> StoredReport | None:
        """A story's kept report and the key it was built under (None: none kept, or a store of a schema
        before reports were kept, opened read-only)."""
        if self.schema < 4:
            return None
        for stored in self._records(StoredReport, "SELECT story, membership, report, built_at FROM reports WHERE story = ?",
                                    (story,)):
            return stored
        return None

    def save_report(self, story: int, membership: str, report: str) -> None:
        self.db.execute("INSERT INTO reports (story, membership, report) VALUES (?, ?, ?) ON CONFLICT(story) DO UPDATE "
                        "SET membership = excluded.membership, report = excluded.report, "
                        "built_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", (story, membership, report))

    def checkpoint(self) -> None:
        """Copy the write-ahead log into the database file, so that the file alone holds the whole store."""
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def forget_reports(self) -> None:
        """Drop every kept report (each is rebuilt on its next view)."""
        self.db.execute("DELETE FROM reports")

    def story_memberships(self, min_articles: int = 2) -> dict[int, list[str]]:
        """Every story of at least ``min_articles`` articles (near-duplicates aside) with its article ids."""
        out: dict[int, list[str]] = {}
        for story, article in self.db.execute(
                "SELECT a.story, a.id FROM articles a JOIN stories s ON s.id = a.story WHERE a.duplicate_of IS NULL "
                "AND s.articles >= ? ORDER BY a.rowid", (min_articles,)):
            out.setdefault(story, []).append(article)
        return out

    def report_keys(self) -> dict[int, str]:
        """The key each kept report was built under, by story."""
        if self.schema < 4:
            return {}
        return dict(self.db.execute("SELECT story, membership FROM reports"))

    def search(self, query: str, limit: int, offset: int = 0, outlet: str | None = None, since: str | None = None,
               until: str | None = None, marks: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """Hits for an FTS5 query (see corpus.search for what a user may type), best first: of one outlet, and
        published within ``since`` to ``until`` (ISO dates), where given; the matched words in each snippet
        between ``marks``."""
        clause, params = _where(("articles_fts MATCH ?", query), ("a.outlet = ?", outlet), ("a.published >= ?", since),
                                ("a.published <= ?", _day_end(until)))
        try:
            return list(self._records(
                SearchHit,
                "SELECT a.id, a.story, a.title, a.outlet, a.published, "
                "snippet(articles_fts, 1, ?, ?, '…', 14) AS snippet FROM articles_fts "
                f"JOIN articles a ON a.rowid = articles_fts.rowid WHERE {clause} "
                "ORDER BY rank LIMIT ? OFFSET ?", (*marks, *params, min(limit, SQL_INT_MAX), min(offset, SQL_INT_MAX))))
        except sqlite3.OperationalError as exc:
            raise QueryError(
                f"search query {query!r} is malformed ({exc}). Use words, \"quoted phrases\", AND, OR, NOT, "
                "or a prefix with *") from None


def _where(*conditions: tuple[str, object]) -> tuple[str, list]:
    """The WHERE clause joining the conditions whose value is given, and their values in order."""
    given = [(sql, value) for sql, value in conditions if value]
    return " AND ".join(sql for sql, _ in given) or "1", [value for _, value in given]


def _day_end(day: str | None) -> str | None:
    """The last moment of an ISO date, as stored dates compare: "2024-03-05" is before "2024-03-05T10:00"."""
    return day + "\uffff" if day else None


# The (record, statement) pairs whose columns Store._records has checked against the record's fields.
_CHECKED: set[tuple[type, str]] = set()


class _Transaction:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self):
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.own = True
        else:
            self.own = False
        return self.db

    def __exit__(self, kind, exc, tb):
        if not self.own:
            return False
        if kind is None:
            self.db.execute("COMMIT")
        elif self.db.in_transaction:  # SQLite rolls back by itself after some errors ("disk is full")
            self.db.execute("ROLLBACK")
        return False
