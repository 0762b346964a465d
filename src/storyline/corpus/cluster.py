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
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from datetime import date

import re

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from ..types import ArticleAnalysis
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
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# An article joins its best story when their cosine similarity reaches this; otherwise it starts
# a new story. Tuned with benchmarks/eval_cluster.py on ECB+ topics 1-22.
JOIN_THRESHOLD = 0.4
# Terms kept in an article's vector and a story's centroid; terms a story is indexed under;
# terms of an article used to look stories up; stories compared in full.
VECTOR_TERMS = 80
INDEX_TERMS = 40
LOOKUP_TERMS = 30
CANDIDATES = 20
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
# Stories dated further than this from an article are not candidates (when both are dated).
WINDOW_DAYS = 30


def article_terms(analysis: ArticleAnalysis) -> tuple[Counter, Counter]:
    """An article's content-word lemmas and its names (people, places, organisations, and the
    calendar dates it states), counted apart."""
    names: Counter = Counter(m.name.lower() for m in analysis.mentions if m.label in NAME_LABELS)
    for time in analysis.times:
        if time.value and time.value[:1].isdigit() and len(time.value) >= 7:
            names["@" + time.value[:10]] += 1  # "Sept. 17, 2008": a strong sign of one event
    name_words = {w for n in names for w in n.split()}
    words: Counter = Counter(t for sentence in analysis.terms for t in sentence
                             if " " not in t and t not in name_words)
    # The headline lies outside the body the analysis reads, but says most about the story.
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


def _far(published: str | None, first: str | None, last: str | None) -> bool:
    day, a, b = _day(published), _day(first), _day(last)
    if day is None or a is None or b is None:
        return False
    return (a - day).days > WINDOW_DAYS or (day - b).days > WINDOW_DAYS


def embedding_text(analysis: ArticleAnalysis) -> str:
    """The part of an article that is embedded for clustering: its headline and lead."""
    article = analysis.article
    start, end = article.body
    text = (article.title + "\n" if article.title else "") + article.text[start:end]
    return " ".join(text.split()[:EMBEDDING_WORDS])


def assign_story(store: Store, analysis: ArticleAnalysis, title: str | None, embedding: np.ndarray) -> int:
    """Put an article in its story (inside the caller's transaction); return the story id.

    Args:
        store: the open store.
        analysis: the article's analysis.
        title: the title a new story gets.
        embedding: the unit-length embedding of :func:`embedding_text`.
    """
    words, names = article_terms(analysis)
    keys = {f"w:{t}": c for t, c in words.items()} | {f"n:{t}": c for t, c in names.items()}
    df, documents = store.document_frequencies(keys)
    store.bump_document_frequencies(keys)
    vector = {"w": vectorize(words, {t[2:]: d for t, d in df.items() if t[0] == "w"}, documents),
              "n": vectorize(names, {t[2:]: d for t, d in df.items() if t[0] == "n"}, documents)}
    flat = {f"{k}:{t}": w for k, part in vector.items() for t, w in part.items()}
    lookup = dict(sorted(flat.items(), key=lambda kv: -kv[1])[:LOOKUP_TERMS])
    rough = store.candidate_stories(lookup)
    best, best_score, best_state = None, JOIN_THRESHOLD, None
    published = analysis.article.published
    embedding = np.asarray(embedding, dtype=np.float32)
    for story in sorted(rough, key=lambda s: (-rough[s], s))[:CANDIDATES]:
        centroid, size, first, last, summed = store.story_state(story)
        if _far(published, first, last):
            continue
        meaning = 0.0
        if summed:
            total = np.frombuffer(summed, dtype=np.float32)
            meaning = float(total @ embedding / (np.linalg.norm(total) or 1.0))
        score = EMBEDDING_WEIGHT * meaning + (1 - EMBEDDING_WEIGHT) * similarity(vector, centroid)
        if score >= best_score:
            best, best_score, best_state = story, score, (centroid, size, first, last, summed)
    if best is None:
        best = store.create_story(title)
        best_state = ({}, 0, None, None, None)
    centroid, size, first, last, summed = best_state
    merged = {k: _merge(centroid.get(k, {}), size, vector[k]) for k in ("w", "n")}
    flat = {f"{k}:{t}": w for k, part in merged.items() for t, w in part.items()}
    index = dict(sorted(flat.items(), key=lambda kv: (-kv[1], kv[0]))[:INDEX_TERMS])
    total = embedding if not summed else np.frombuffer(summed, dtype=np.float32) + embedding
    dates = [d for d in (first, last, published[:10] if published else None) if d]
    store.save_story(best, merged, index, size + 1, min(dates) if dates else None, max(dates) if dates else None,
                     total.astype(np.float32).tobytes())
    return best


def _merge(centroid: dict[str, float], size: int, vector: dict[str, float]) -> dict[str, float]:
    merged = Counter({t: w * size for t, w in centroid.items()})
    merged.update(vector)
    top = dict(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:VECTOR_TERMS])
    norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
    return {t: round(w / norm, 5) for t, w in top.items()}


def cluster_documents(texts: Sequence[str], ids: Sequence[str], published: Sequence[str | None] | None = None,
                      processes: int | None = None) -> list[int]:
    """Cluster texts into stories, online, in the given order (for evaluation): one label each."""
    from .. import make_article
    from ..nlp.pipeline import analyze

    store = Store(":memory:")
    articles = [make_article(t, i, published=(published[n] if published else None))
                for n, (t, i) in enumerate(zip(texts, ids))]
    from ..story.embed import embed

    labels = []
    for analysis in analyze(articles, processes=processes):
        if not hasattr(analysis, "article"):
            labels.append(-len(labels) - 1)  # a failed article is a story of its own
            continue
        vector = embed([embedding_text(analysis)])[0]
        with store.transaction():
            labels.append(assign_story(store, analysis, analysis.article.title, vector))
    store.close()
    return labels
