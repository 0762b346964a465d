"""Online story clustering: each new article joins the story it best fits, or starts one.

No number of stories is given. An article is a TF-IDF vector over what reports of one story
share: its content words and, weighted up, the names it mentions (people, places,
organisations), so two earthquakes in two countries are told apart by their places and people
even though they share their vocabulary. A story is the running centroid of its articles.

Cost per article does not grow with the corpus: candidate stories come from an inverted index
of each story's top terms, read only for the article's own top terms and cut to the most recent
stories per term (``store.POSTINGS_PER_TERM``); only the best ``CANDIDATES`` of them are
compared in full. Stories whose dates lie further than ``WINDOW_DAYS`` from the article's are
skipped when both are dated.

A story is looked at again as it grows (:func:`refine_stories`): by which of its articles share
nearest neighbours, it absorbs small stories that belong to it and splits where it holds two
events of one kind that a bridging article had merged.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from ..types import ArticleAnalysis
from ..vocabulary import NAME_LABELS
from .records import MemberVectors, StoryState
from .store import Store

# Share of the similarity that comes from the articles' MiniLM embeddings (their meaning); the rest
# comes from their TF-IDF words and names. Tuned with benchmarks/eval_cluster.py on ECB+ topics 1-22
# (B-cubed F1 0.85 with words and names alone, 0.88 with embeddings at this share).
EMBEDDING_WEIGHT = 0.5
# Words of an article embedded for clustering: its lead carries what the story is about.
EMBEDDING_WORDS = 256
# Share of the lexical similarity that comes from names (people, places, organisations, stated dates)
# rather than content words. Tuned with benchmarks/eval_cluster.py on ECB+ topics 1-22.
NAME_WEIGHT = 0.7
# An article joins its best story when their cosine similarity reaches this; otherwise it starts
# a new story. Tuned with benchmarks/eval_cluster.py on ECB+ topics 1-22.
JOIN_THRESHOLD = 0.4
# Terms kept in an article's vector and a story's centroid; terms a story is indexed under;
# terms of an article used to look stories up; stories compared in full.
VECTOR_TERMS = 80
INDEX_TERMS = 40
LOOKUP_TERMS = 30
CANDIDATES = 8
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
# A stated date that is a name of the story: a day or a month of a year ("Sept. 17, 2008", "August 1998").
# Quarters, weeks, seasons and halves are not: every company's earnings report of one autumn says "the third
# quarter" (TempEval-3's Wall Street Journal reports of 1989, which that one shared "name" put in one story).
_CALENDAR = re.compile(r"\d{4}-\d{2}(-\d{2})?$")
# Stories dated further than this from an article are not candidates (when both are dated).
WINDOW_DAYS = 30


def article_terms(analysis: ArticleAnalysis) -> tuple[Counter, Counter]:
    """An article's content-word lemmas and its names (people, places, organisations, and the
    calendar dates it states), counted apart."""
    names: Counter = Counter(m.name.lower() for m in analysis.mentions if m.label in NAME_LABELS)
    for time in analysis.times:
        if time.value and _CALENDAR.match(time.value[:10]):
            names["@" + time.value[:10]] += 1  # "Sept. 17, 2008": a strong sign of one event
    name_words = {w for n in names for w in n.split()}
    words: Counter = Counter(t for sentence in analysis.terms for t in sentence
                             if " " not in t and t not in name_words)
    # The headline lies outside the body the analysis reads, but says most about the story. (spaCy's stop
    # words are imported here, where the analysis has loaded spaCy: the Ray engine's driver, which clusters
    # but never parses, then does not import spaCy at all.)
    from spacy.lang.en.stop_words import STOP_WORDS

    for word in _WORD.findall((analysis.article.title or "").lower()):
        if word not in STOP_WORDS and word not in name_words:
            words[word] += 1
    return words, names


def vectorize(counts: Counter, df: dict[str, int], documents: int) -> dict[str, float]:
    """Unit-length TF-IDF weights of the top terms."""
    weights = {t: (1 + math.log(c)) * math.log((documents + 1) / (df.get(t, 0) + 1) + 1) for t, c in counts.items()}
    top = dict(sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])
    norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
    return {t: w / norm for t, w in top.items()}


def similarity(a: dict[str, dict[str, float]], b: dict[str, dict[str, float]]) -> float:
    """Weighted cosine over words and over names."""
    return (1 - NAME_WEIGHT) * cosine(a.get("w", {}), b.get("w", {})) + NAME_WEIGHT * cosine(a.get("n", {}), b.get("n", {}))


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _far(published: str | None, first: str | None, last: str | None, until: str | None = None) -> bool:
    """Whether an article published on ``published`` (or articles published from then ``until`` a later
    day) lies more than WINDOW_DAYS before a story's ``first`` day or after its ``last``. False when either
    is undated."""
    day, a, b = _day(published), _day(first), _day(last)
    end = _day(until) if until else day
    if day is None or end is None or a is None or b is None:
        return False
    return (a - end).days > WINDOW_DAYS or (day - b).days > WINDOW_DAYS


def embedding_text(analysis: ArticleAnalysis) -> str:
    """The part of an article that is embedded for clustering: its headline and lead."""
    article = analysis.article
    start, end = article.body
    text = (article.title + "\n" if article.title else "") + article.text[start:end]
    return " ".join(text.split()[:EMBEDDING_WORDS])


def assign_story(store: Store, analysis: ArticleAnalysis, title: str | None, embedding: np.ndarray,
                 article: int | None = None) -> int:
    """Put an article in its story (inside the caller's transaction); return the story id.

    Args:
        store: the open store.
        analysis: the article's analysis.
        title: the title a new story gets.
        embedding: the unit-length embedding of :func:`embedding_text`.
        article: the article's row in the store, if it has one: the story's member record points to
            it, so that :func:`refine_stories` moves the article (and its near-duplicates) along.
    """
    words, names = article_terms(analysis)
    return place_article(store, words, names, analysis.article.published, title, embedding, article)


def place_article(store: Store, words: Mapping[str, int], names: Mapping[str, int], published: str | None,
                  title: str | None, embedding: np.ndarray, article: int | None = None) -> int:
    """:func:`assign_story` from what it reads of the analysis: the article's :func:`article_terms` and its
    publication time (what the store's writer gets from the workers, which keep the analysis)."""
    keys = {f"w:{t}": c for t, c in words.items()} | {f"n:{t}": c for t, c in names.items()}
    df, documents = store.document_frequencies(keys), store.document_count()
    store.bump_document_frequencies(keys)
    vector = {"w": vectorize(words, {t[2:]: d for t, d in df.items() if t[0] == "w"}, documents),
              "n": vectorize(names, {t[2:]: d for t, d in df.items() if t[0] == "n"}, documents)}
    flat = {f"{k}:{t}": w for k, part in vector.items() for t, w in part.items()}
    lookup = dict(sorted(flat.items(), key=lambda kv: -kv[1])[:LOOKUP_TERMS])
    rough = store.candidate_stories(lookup)
    best, best_score, best_state = None, JOIN_THRESHOLD, None
    embedding = np.asarray(embedding, dtype=np.float32)
    for story in sorted(rough, key=lambda s: (-rough[s], s))[:CANDIDATES]:
        state = store.story_state(story)
        if _far(published, state.first_published, state.last_published):
            continue
        meaning = 0.0
        if state.embedding:
            total = np.frombuffer(state.embedding, dtype=np.float32)
            meaning = float(total @ embedding / (np.linalg.norm(total) or 1.0))
        score = EMBEDDING_WEIGHT * meaning + (1 - EMBEDDING_WEIGHT) * similarity(vector, state.vector)
        if score >= best_score:
            best, best_score, best_state = story, score, state
    if best is None:
        best = store.create_story(title, looked=0, due_after=REFINE_MIN - 1)
        best_state = StoryState.new()
    size, summed = best_state.articles, best_state.embedding
    merged = {k: _merge(best_state.vector.get(k, {}), size, vector[k]) for k in ("w", "n")}
    total = embedding if not summed else np.frombuffer(summed, dtype=np.float32) + embedding
    _save_story(store, best, merged, size + 1,
                [best_state.first_published, best_state.last_published, published[:10] if published else None],
                total)
    store.add_member(best, article, title, published, vector, hashed(vector).tobytes(),
                     embedding.astype(np.float32).tobytes())
    return best


def _top_terms(vector: dict[str, dict[str, float]], count: int) -> dict[str, float]:
    """The ``count`` heaviest words and names of a vector, as the story index keys them ("w:...", "n:...")."""
    flat = {f"{k}:{t}": w for k, part in vector.items() for t, w in part.items()}
    return dict(sorted(flat.items(), key=lambda kv: (-kv[1], kv[0]))[:count])


def _save_story(store: Store, story: int, centroid: dict[str, dict[str, float]], size: int,
                dates: list[str | None], total: np.ndarray | None) -> None:
    """Store a story's centroid, its index terms, size, date range and embedding sum."""
    dates = [d for d in dates if d]
    store.save_story(story, centroid, _top_terms(centroid, INDEX_TERMS), size, min(dates) if dates else None,
                     max(dates) if dates else None, total.astype(np.float32).tobytes() if total is not None else None)


def _merge(centroid: dict[str, float], size: int, vector: dict[str, float]) -> dict[str, float]:
    merged = Counter({t: w * size for t, w in centroid.items()})
    merged.update(vector)
    top = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])
    norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
    return {t: round(w / norm, 5) for t, w in top.items()}


# ------------------------------------------------------------------ second look
# An article joins the story whose centroid it is most like, once and for good. When one article
# bridges two stories of the same kind (two earthquakes, two arrests), the stories merge. A story is
# therefore looked at again as it grows, by how its articles' *neighbourhoods* overlap rather than
# by how alike the articles are: two articles belong together when they share nearest neighbours
# among the stored articles (shared-nearest-neighbour similarity, Jarvis & Patrick 1973). Within a
# merged pair of sister stories each article's nearest neighbours lie in its own event, so the two
# halves share almost none, while the raw similarities of the halves barely differ.
#
# Nearest neighbours of each member among the story's members and those of the stories nearest it.
REFINE_NEIGHBOURS = 5
# A story splits where the mean shared share of neighbours between two groups of its members (average
# linkage) falls below 1 - REFINE_CUT. Tuned with benchmarks/eval_cluster.py on ECB+ topics 1-22, where
# 0.84-0.86 do best (B-cubed F1 0.936 on them; 0.936 at 0.87, 0.923 at 0.88-0.90, 0.933 at 0.93, 0.927 at 0.82).
REFINE_CUT = 0.85
# A story is looked at once it has this many articles, and again during an ingest once it has grown
# by REFINE_GROWTH since (at most once per REFINE_EVERY new articles); at the end of an ingest every
# story that grew is looked at. A look costs the same whatever the corpus's size, and there is at most
# one per new article, so the cost per article stays bounded as the corpus grows.
REFINE_MIN = 4
REFINE_GROWTH = 1.5
# The newest members of a story that are looked at (older ones stay where they are), the stories
# nearest it whose members make up the neighbourhood, and how many of each of those.
REFINE_MEMBERS = 50
REFINE_POOL_STORIES = 10
REFINE_POOL_MEMBERS = 10
# A story of at most ABSORB_MAX articles near the one looked at joins it when at least ABSORB_VOTES
# of its articles' nearest neighbours are that story's, and its articles are among the nearest
# neighbours of that story's members at least ABSORB_BACK times each (without this, the first
# articles of a sister story, whose only neighbours are the other event's, would be absorbed).
# ABSORB_VOTES tuned on ECB+ topics 1-22: B-cubed F1 0.938 at 0.3-0.4, 0.936 at 0.45-0.6, 0.937 at 0.2.
ABSORB_MAX = 4
ABSORB_VOTES = 0.35
ABSORB_BACK = 1
# When a group split off a story, or a small story, looks for the story it belongs to (:func:`_home`), a
# neighbour votes only if at least this similar. In a pool of a few articles every article is every other's
# neighbour, however unrelated (two reports of one visit and one of an earthquake: 0.02); and in a day's
# business news, every company's report is another's (TempEval-3's Wall Street Journal of 1989: at 0.2,
# half what an article needs to join a story, 7 stories of 3 to 9 reports on different companies, each a
# report that had started a story of its own sent "home"; at 0.3, 3; at 0.35, none). ECB+ B-cubed F1
# through ingest, topics 1-22: 0.938 at every floor from 0 to 0.35; topics 23-35: 0.934 at 0.2 (the small
# story going home there, found on those topics), 0.932 at 0.3 and 0.35; 0.35 is below the join threshold.
HOME_FLOOR = 0.35
# Members at least this similar are copies of one article (a syndicated story re-published with
# small edits), one node of the neighbourhood graph.
SAME_ARTICLE = 0.95
# An article's words and names, hashed to this many columns (a power of two) for the second look.
HASHED_WIDTH = 2**20
HASHED = np.dtype([("column", "<i4"), ("weight", "<f4")])
# New articles between two looks during one ingest (and at its end).
REFINE_EVERY = 200


@dataclass
class Refinement:
    """What one round of :func:`refine_stories` did."""

    looked: int = 0  # stories looked at
    split: dict[int, list[int]] = field(default_factory=dict)  # story -> the stories split off it
    absorbed: int = 0  # small stories moved into a larger one
    moved: int = 0  # groups split off a story that joined another story near it rather than starting one


def refine_stories(store: Store, final: bool = False) -> Refinement:
    """Look again at the stories that are due: during an ingest, those grown by REFINE_GROWTH since
    their last look (new stories once they have ``REFINE_MIN`` articles); at its end (``final``),
    every one that has grown at all, small ones included. A look absorbs small stories near the story that
    belong in it and splits it where it holds two; a story of at most ABSORB_MAX articles that belongs in
    a story near it (by the same rule) joins that story instead.

    Each story is refined in its own transaction, so an ingest killed meanwhile loses nothing, and
    the stories it did not reach are still due the next time.
    """
    done = Refinement()
    for story in store.due_stories(grown=final):
        with store.transaction():
            due = store.story_due(story)
            if due is None or due.articles <= (due.looked if final else due.due_after):  # absorbed meanwhile
                continue
            done.looked += 1
            new, absorbed, moved = _refine(store, story, due.articles)
            done.absorbed += absorbed
            done.moved += moved
            if new:
                done.split[story] = new
    return done


def _refine(store: Store, story: int, size: int) -> tuple[list[int], int, int]:
    """Move a small story into the story it belongs to, or else absorb into it and split it; return
    the new stories split off it, how many small stories were absorbed (itself included), and how many
    groups split off it joined another story."""
    members = store.member_vectors(story, REFINE_MEMBERS)
    if size != store.member_count(story):  # articles stored before stories kept their members
        _looked_at(store, story, size)
        return [], 0, 0
    pool, owner, near = _neighbourhood(store, story, members)
    similar = _similarities(pool)
    # copies (or nearly) of one article are one node: they would be each other's only neighbours
    keep, copies = _distinct(similar, owner)
    similar = similar[np.ix_(keep, keep)]
    ids = [[pool[n].id for n in copies[r]] for r in keep]
    owner = [owner[r] for r in keep]
    titles = {member.id: member.title for member in pool}
    inside = sum(o == story for o in owner)  # (the story's own rows come first)
    if len(keep) < 2:
        _looked_at(store, story, size)
        return [], 0, 0
    k = min(REFINE_NEIGHBOURS, len(keep) - 1)
    nearest = np.argpartition(-similar, k - 1, axis=1)[:, :k]
    # each row's days (its copies'), and each story's: no group moves to a story more than WINDOW_DAYS
    # from its days, as no article joins one (the neighbours of an article of another year's news can be
    # of this one's: an embassy bombing and its trial a year on)
    days = [_days([pool[n].published for n in copies[r]]) for r in keep]
    window = _Window(store, days)
    if size <= ABSORB_MAX:
        home = _home(list(range(inside)), set(range(inside)), owner, nearest, similar, window)
        if home is not None:  # a small story that belongs in a story near it
            store.move_members([i for n in range(inside) for i in ids[n]], home)
            store.delete_story(story)
            _rebuild(store, home)
            return [], 1, 0
    if size < REFINE_MIN:
        _looked_at(store, story, size)
        return [], 0, 0
    absorbed = _absorb(store, story, inside, near, ids, owner, nearest, similar, window)
    new, homes = _split(store, list(range(inside)) + absorbed, ids, titles, nearest, owner, similar, window)
    if new or absorbed or homes:
        for changed in (story, *new, *sorted(set(homes))):
            _rebuild(store, changed)
    else:
        _looked_at(store, story, size)
    return new, len({owner[n] for n in absorbed}), len(homes)


def _next_look(size: int) -> int:
    """The size past which a story of ``size`` articles is due for its next look during an ingest."""
    return max(size, int(size * REFINE_GROWTH))


def _looked_at(store: Store, story: int, size: int) -> None:
    store.set_looked(story, size, _next_look(size))


def _neighbourhood(store: Store, story: int,
                   members: list[MemberVectors]) -> tuple[list[MemberVectors], list[int], list[int]]:
    """The members of the story and of the stories nearest it (found as an article finds its story,
    by the story's top terms): the members, the story of each, and the nearest stories."""
    rough = store.candidate_stories(_top_terms(store.story_state(story).vector, LOOKUP_TERMS))
    near = [s for s in sorted(rough, key=lambda s: (-rough[s], s)) if s != story][:REFINE_POOL_STORIES]
    pool, owner = list(members), [story] * len(members)
    for other in near:
        found = store.member_vectors(other, REFINE_POOL_MEMBERS)
        pool += found
        owner += [other] * len(found)
    return pool, owner, near


def _distinct(similar: np.ndarray, owner: list[int]) -> tuple[list[int], dict[int, list[int]]]:
    """The rows that stand for themselves, and for each the rows of the same story at SAME_ARTICLE
    similarity or more that it stands for (itself included)."""
    stands_for = list(range(len(owner)))
    for n in range(len(owner)):
        if stands_for[n] == n:
            for m in np.nonzero(similar[n, n + 1:] >= SAME_ARTICLE)[0] + n + 1:
                if stands_for[m] == m and owner[m] == owner[n]:
                    stands_for[m] = n
    copies: dict[int, list[int]] = {}
    for n, r in enumerate(stands_for):
        copies.setdefault(r, []).append(n)
    return sorted(copies), copies


def _days(published: Sequence[str | None]) -> tuple[str | None, str | None]:
    """The first and last of the days given (None, None when none is given)."""
    days = sorted(p[:10] for p in published if p)
    return (days[0], days[-1]) if days else (None, None)


@dataclass
class _Window:
    """Whether a group of rows of a story's neighbourhood lies too far in time from a story to join it."""

    store: Store
    days: list[tuple[str | None, str | None]]  # each row's first and last day
    stories: dict[int, StoryState] = field(default_factory=dict)

    def far(self, group: Sequence[int], story: int) -> bool:
        """Whether the rows of ``group`` lie more than WINDOW_DAYS from ``story``'s days (read once a look)."""
        first, last = _days([day for n in group for day in self.days[n]])
        if story not in self.stories:
            self.stories[story] = self.store.story_state(story)
        state = self.stories[story]
        return _far(first, state.first_published, state.last_published, last)


def _absorb(store: Store, story: int, inside: int, near: list[int], ids: list[list[int]], owner: list[int],
            nearest: np.ndarray, similar: np.ndarray, window: _Window) -> list[int]:
    """Move into the story each small story near it whose articles have most of their nearest
    neighbours in it, and which some of its own members have among theirs (articles that missed the
    story's centroid when they came, and started a story of their own). Returns the rows moved."""
    absorbed: list[int] = []
    for other in near:
        rows = [n for n in range(inside, len(ids)) if owner[n] == other]
        articles = sum(len(ids[n]) for n in rows)
        if not rows or articles > ABSORB_MAX or len(rows) >= inside or store.story_due(other).articles != articles:
            continue
        if window.far(rows, story):
            continue
        if _belongs(rows, range(inside), nearest, similar):
            store.move_members([i for n in rows for i in ids[n]], story)
            store.delete_story(other)
            absorbed += rows
    return absorbed


def _split(store: Store, rows: list[int], ids: list[list[int]], titles: dict[int, str | None],
           nearest: np.ndarray, owner: list[int], similar: np.ndarray, window: _Window) -> tuple[list[int], list[int]]:
    """Split the story's rows where their neighbourhoods stop overlapping (average linkage over the
    share of nearest neighbours two members have in common, cut at REFINE_CUT). The largest group
    keeps the story and its id. Each other group joins a story near it that it belongs to, by the rule
    small stories are absorbed by (:func:`_home`), or else becomes a new story. Returns the new
    stories and, for each group that joined a story, that story."""
    if len(rows) < 2:
        return [], []
    k = nearest.shape[1]
    hoods = np.zeros((len(rows), len(ids)), dtype=np.float32)
    hoods[np.arange(len(rows))[:, None], nearest[rows]] = 1.0
    hoods[np.arange(len(rows)), rows] = 1.0
    distance = np.clip(1.0 - hoods @ hoods.T / (k + 1), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    labels = fcluster(linkage(squareform(distance, checks=False), "average"), REFINE_CUT, "distance")
    groups: dict[int, list[int]] = {}
    for n, label in zip(rows, labels):
        groups.setdefault(int(label), []).append(n)
    ordered = sorted(groups.values(), key=lambda g: (-sum(len(ids[n]) for n in g), min(i for n in g for i in ids[n])))
    new, homes = [], []
    for group in ordered[1:]:
        members = [i for n in group for i in ids[n]]
        home = _home(group, set(rows), owner, nearest, similar, window)
        if home is not None:
            store.move_members(members, home)
            homes.append(home)
            continue
        other = store.create_story(titles[min(members)], looked=len(members), due_after=_next_look(len(members)))
        store.move_members(members, other)
        new.append(other)
    return new, homes


def _home(group: list[int], story_rows: set[int], owner: list[int], nearest: np.ndarray,
          similar: np.ndarray, window: _Window) -> int | None:
    """The story near the one looked at that a group of its rows (split off it, or the whole of a small
    story) belongs to (:func:`_belongs`, neighbours at least HOME_FLOOR similar): the one most of the
    group's neighbours outside ``story_rows`` are in, if it passes. None when no story does. Stories
    further than WINDOW_DAYS from the group's days get no votes."""
    votes = Counter(owner[j] for n in group for j in nearest[n] if j not in story_rows and similar[n, j] >= HOME_FLOOR)
    votes = Counter({story: count for story, count in votes.items() if not window.far(group, story)})
    if not votes:
        return None
    home = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    target = [n for n in range(len(owner)) if owner[n] == home and n not in story_rows]
    return home if _belongs(group, target, nearest, similar, HOME_FLOOR) else None


def _belongs(group: list[int], target: Sequence[int], nearest: np.ndarray, similar: np.ndarray,
             floor: float = -np.inf) -> bool:
    """Whether the rows of ``group`` belong with the rows of ``target``: at least ABSORB_VOTES of the
    group's nearest-neighbour votes go to the target (neighbours at least ``floor`` similar), and the
    target's rows count the group's among their own neighbours at least ABSORB_BACK times per row."""
    targets, inside = set(target), set(group)
    votes = sum(j in targets and similar[n, j] >= floor for n in group for j in nearest[n])
    back = sum(j in inside for n in target for j in nearest[n])
    return votes >= ABSORB_VOTES * nearest.shape[1] * len(group) and back >= ABSORB_BACK * len(group)


def hashed(vector: dict[str, dict[str, float]]) -> np.ndarray:
    """An article's words and names as one sparse vector of fixed width, each part scaled so that the
    dot product of two is the lexical part of :func:`similarity` (terms hashed with CRC-32: stable
    across processes and runs; at 2**20 columns and 160 terms an article, collisions are rare and
    only add a little similarity)."""
    entries = [(zlib.crc32(f"{part}:{term}".encode()) & (HASHED_WIDTH - 1), weight * math.sqrt(share))
               for part, share in (("w", 1 - NAME_WEIGHT), ("n", NAME_WEIGHT))
               for term, weight in vector.get(part, {}).items()]
    return np.array(entries, dtype=HASHED)


def _similarities(pool: list[MemberVectors]) -> np.ndarray:
    """The similarity :func:`assign_story` scores with, between every two members of the pool (an
    article with itself: -inf, so that it is no neighbour of its own)."""
    embeddings = np.stack([np.frombuffer(member.embedding, dtype=np.float32) for member in pool]).astype(np.float64)
    entries = np.frombuffer(b"".join(member.lexical for member in pool), dtype=HASHED)
    starts = np.concatenate([[0], np.cumsum([len(member.lexical) // HASHED.itemsize for member in pool])])
    columns, compact = np.unique(entries["column"], return_inverse=True)  # only the columns in use
    vectors = sparse.csr_matrix((entries["weight"].astype(np.float64), compact.ravel(), starts),
                                shape=(len(pool), len(columns)))
    out = EMBEDDING_WEIGHT * (embeddings @ embeddings.T) + (1 - EMBEDDING_WEIGHT) * (vectors @ vectors.T).toarray()
    np.fill_diagonal(out, -np.inf)
    return out


def _rebuild(store: Store, story: int) -> None:
    """Recompute a story's title, centroid, index, size, dates and embedding sum from its members, adding
    them in the order they arrived as :func:`assign_story` did. The title is its earliest member's: the
    article that gave the story its title may have moved to another story."""
    store.retitle_story(story)
    members = store.members(story)
    centroid: dict[str, dict[str, float]] = {}
    total = None
    for size, member in enumerate(members):
        centroid = {k: _merge(centroid.get(k, {}), size, member.vector.get(k, {})) for k in ("w", "n")}
        vector = np.frombuffer(member.embedding, dtype=np.float32)
        total = vector.copy() if total is None else total + vector
    _save_story(store, story, centroid, len(members), [m.published[:10] if m.published else None for m in members],
                total)
    _looked_at(store, story, len(members))


def cluster_documents(texts: Sequence[str], ids: Sequence[str], published: Sequence[str | None] | None = None,
                      processes: int | None = None) -> list[int]:
    """Cluster texts into stories, online, in the given order (for evaluation): one label each."""
    from ..ingest import make_article
    from ..nlp.pipeline import analyze

    store = Store(":memory:")
    articles = [make_article(t, i, published=(published[n] if published else None))
                for n, (t, i) in enumerate(zip(texts, ids))]
    from ..story.embed import embed

    placed = []  # for each article: None (clustered: a member, in order) or the label of a failed one
    clustered = 0
    for analysis in analyze(articles, processes=processes):
        if not hasattr(analysis, "article"):
            placed.append(-len(placed) - 1)  # a failed article is a story of its own
            continue
        vector = embed([embedding_text(analysis)])[0]
        with store.transaction():
            assign_story(store, analysis, analysis.article.title, vector)
        placed.append(None)
        clustered += 1
        if clustered % REFINE_EVERY == 0:  # as an ingest does
            refine_stories(store)
    refine_stories(store, final=True)
    stories = iter(store.member_stories())
    labels = [next(stories) if p is None else p for p in placed]
    store.close()
    return labels
