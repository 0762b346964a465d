"""A cited multi-document summary: whole sentences from the sources, each with its evidence.

The summary is extractive: every sentence is a sentence of one source, so it says nothing its
evidence does not say. Its citations are that source and every other source with a claim
aligned to it (see :mod:`align`), each with its evidence span.

Each candidate sentence gets a score from a linear model over what marks a sentence that a
reader's summary would keep (:data:`FEATURES`): its place in its article, how central it is to
the whole story (MiniLM similarity to the other sentences, LexRank and TF-IDF centroid over their
content words), how many of its words the other sources use too, whether other sources
corroborate it, whether it quotes someone. The weights were fitted by least squares on Multi-News
clusters kept apart from the reported ones (``python -m benchmarks.fit_summary``), against the
share of the sentence's words and word pairs found in the editors' summary; a small hand-set
lean (:data:`LEAN`) toward each article's lead and corroborated content is added, and regression
trees fitted on the same clusters to what the linear score misses correct it (:func:`tree_inputs`:
where features act together, which a weighted sum cannot express). Sentences are
then chosen greedily, each pick's score lowered by the share of its content words already said
(maximal marginal relevance), near-repeats skipped, every source given at least one sentence,
and put in story order (by position, then source).

A candidate must make sense on its own: a quotation that runs over several sentences is one
candidate (never half of it), and a sentence that is all quotation is one only where the quote's
speaker is known (a named speaker, or a pronoun resolved to one): the report names them beside it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .. import params
from ..nlp.furniture import has_link, is_furniture, lead_length
from ..types import ArticleAnalysis, Evidence, Fact, SummarySentence
from ..vocabulary import DOUBLE_QUOTES, WORD, char_class
from . import SUMMARY_WORDS  # words in the summary by default, kept where importing it loads no model
from .embed import embed
from .quotes import known_speaker

# What the score of a candidate sentence is made of, in the order of WEIGHTS.
FEATURES = (
    "position",            # 1 / (1 + rank of the sentence in its article)
    "first",               # the article's first sentence
    "relative_position",   # rank / sentences in the article
    "centrality_other",    # mean MiniLM cosine to the other sources' sentences
    "centrality_all",      # mean MiniLM cosine to every other sentence
    "lexrank",             # LexRank over content-word TF-IDF, times the number of sentences
    "centroid",            # TF-IDF cosine to the story's centroid
    "corroboration",       # share of the other sources that align a claim with it
    "log_words",           # log of its length in words
    "opens_badly",         # leans on the sentence before ("and", "but", "this", a pronoun subject)
    "quote",               # holds a quotation mark
    "digit",               # holds a digit
    "several_sources",     # the story has more than one source
    "first_source",        # it comes from the story's first source
    "word_frequency",      # mean share of the story's content words its own words take, in percent
    "cross_source",        # share of its content words some other source uses too
    "function_words",      # share of its words that are not content words
    "name_density",        # named-entity mentions per word
    "says",                # holds "said", "says" or "say"
    "first_person",        # holds "I", "we", "my", "our", "me"
    "second",              # the article's 2nd sentence
    "third",               # ... 3rd
    "fourth_to_sixth",     # ... 4th to 6th
    "sources",             # the number of sources
    "words",               # its length in words
    "document_centrality", # mean centrality_other of its article's candidates
    "document_words",      # log of its article's length in words
    "from_end",            # 1 / (sentences after it in its article + 1)
    "lead_similarity",     # highest MiniLM cosine to another article's first sentence
)
# Weights that are set, not fitted (fit_summary.py fits the others around them): a sentence that
# opens with "and", "but", "he", "this", ... leans on the one before it and reads badly alone
# (the fit alone would give it +0.02; holding it costs about 0.0015 ROUGE-1 on the fitting clusters).
FIXED_WEIGHTS = {"opens_badly": -0.25}
# The fitted part of the score, from src/storyline/params/summary.json, which
# ``python -m benchmarks.fit_summary --write`` writes with its provenance (a ridge regression within
# clusters on Multi-News test clusters 1000-1799 and 2100-2899, apart from the reported clusters 0-499;
# the target is the share of the sentence's words plus twice the share of its word pairs that the
# editors' summary holds; only the order of scores within one story matters). The file names its
# weights by feature, and must name every feature but FIXED_WEIGHTS'.
_FITTED = params.load("summary", weights=tuple(f for f in FEATURES if f not in FIXED_WEIGHTS))
# Weights of FEATURES, in their order: the fitted ones and FIXED_WEIGHTS.
WEIGHTS = tuple(FIXED_WEIGHTS[f] if f in FIXED_WEIGHTS else _FITTED["weights"][f] for f in FEATURES)
# Weights over what a sentence and its article are about: the sentence's MiniLM embedding
# (all-MiniLM-L6-v2), then its article's mean one (768 in all), fitted with WEIGHTS. Empty turns the term off.
EMBEDDING_WEIGHTS = np.array(_FITTED["embedding_weights"], dtype=float)
# A small lean, added to the fitted weights, toward what a briefing opens with: the lead of each
# article, what the other sources also say, what they corroborate (the hand-set score before the
# fit, at a twentieth of its size). It puts the story's who-met-whom first on the seeds and costs
# no measurable ROUGE on the fitting clusters (fit_summary.py reports the scores with it).
LEAN = {"position": 0.05, "centrality_other": 0.025, "corroboration": 0.015}
# How much a candidate's score drops for the share of its content words the chosen sentences
# already hold (maximal marginal relevance). Chosen with the weights, by ROUGE-1 on a grid over the
# fitting clusters (fit_summary.py; params/summary.json).
NOVELTY = _FITTED["novelty"]
# A candidate this similar (cosine) to a chosen sentence repeats it and is skipped (chosen with NOVELTY).
REDUNDANCY = _FITTED["redundancy"]
# Once the summary has a sentence, a candidate that would take it more than this many words past its
# length is passed over for a shorter one (at 230 words, 5 did best of 0, 5, 10, 15, 20 and no limit over the
# fitting clusters of fit_summary.py: ROUGE-1 +0.0018 and +0.0019 over no limit on its two ranges).
OVERRUN = 5
# A sentence that leans on the one before it ("He said ...", scored down by ``FIXED_WEIGHTS``) reads
# well right after that one: once that one is chosen, it gets this back (fit_summary.py).
FOLLOW_BONUS = 0.25
# Sentences shorter or longer than these word counts are not summary material.
MIN_WORDS = 5
MAX_WORDS = 80
# A quotation over more sentences or words than these is not summary material.
QUOTE_SENTENCES = 6
QUOTE_MAX_WORDS = 120
# A sentence that leans on the one before it: it opens with a connective or a pronoun, or has a
# pronoun for subject within its first words ("On Sunday, she called ..."). (Also counting a
# quotation given to a pronoun, '"...," he said.', cost 0.0015 ROUGE-1 and 0.001 ROUGE-2 on the
# check clusters of fit_summary.py, so it does not.)
_OPENS_BADLY = re.compile(
    r"^\W*(?:and|but|or|so|also|he|she|they|it|this|that|these|those|his|her|their)\b"
    r"|^\W*(?:\S+\s+){1,3}(?:he|she|they)\s",
    re.IGNORECASE)
_QUOTE_MARK = re.compile(rf"{char_class(DOUBLE_QUOTES)}|''|``")
_QUOTATION = re.compile(rf"(?:[\"“]|``)[^{DOUBLE_QUOTES}]*?(?:[\"”]|'')")

_SAYS = re.compile(r"\b(?:said|says|say)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|we|my|our|me)\b", re.IGNORECASE)


@dataclass
class _Candidate:
    source: str
    index: int
    start: int
    end: int
    text: str
    words: int
    terms: frozenset[str] = frozenset()
    last: int = -1  # its last sentence, where it spans several
    leans: bool = False  # it leans on the sentence before it (_OPENS_BADLY)

    @property
    def final(self) -> tuple[str, int]:
        """Its source and last sentence."""
        return self.source, max(self.index, self.last)

    @property
    def leans_on(self) -> tuple[str, int] | None:
        """Its source and the sentence before it, when it leans on that one."""
        return (self.source, self.index - 1) if self.leans else None


def _candidates(analyses: Sequence[ArticleAnalysis]) -> list[_Candidate]:
    """Every sentence that can stand in a summary; a quotation that runs over several sentences of
    one paragraph is one candidate, from the sentence that opens it to the one that closes it."""
    out = []
    for analysis in analyses:
        text = analysis.article.text
        spans = analysis.sentences
        index = 0
        while index < len(spans):
            last = index
            marks = len(_QUOTE_MARK.findall(text[spans[index].start:spans[index].end]))
            while (marks % 2 and last + 1 < len(spans) and last - index + 1 < QUOTE_SENTENCES
                   and "\n" not in text[spans[last].end:spans[last + 1].start]):
                last += 1
                marks += len(_QUOTE_MARK.findall(text[spans[last].start:spans[last].end]))
            if marks % 2:
                last = index  # never closed in its paragraph: the sentence alone (which does not read alone)
            raw = text[spans[index].start:spans[last].end]
            sentence = raw.strip()
            start = spans[index].start + len(raw) - len(raw.lstrip())
            lead = lead_length(sentence, first=index == 0)
            if lead:  # (a sentence of nothing but furniture is left out below, for it is too short)
                sentence, start = sentence[lead:], start + lead
            words = len(sentence.split())
            longest = MAX_WORDS if last == index else QUOTE_MAX_WORDS
            if (MIN_WORDS <= words <= longest and sentence[-1:] not in (":", ",")
                    and _reads_alone(sentence, marks, lambda: _spoken(analysis, start, start + len(sentence)))
                    and not has_link(sentence) and not is_furniture(sentence)):
                terms = frozenset(t for k in range(index, last + 1) if k < len(analysis.terms)
                                  for t in analysis.terms[k])
                out.append(_Candidate(analysis.article.id, index, start, start + len(sentence), sentence, words,
                                      terms, last, bool(_OPENS_BADLY.match(sentence))))
            index = last + 1
    return out


def candidate_texts(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """The texts of the story's summary candidates, in the order :func:`sentence_features` embeds them."""
    return [c.text for c in _candidates(analyses)]


def _reads_alone(sentence: str, marks: int, spoken=lambda: False) -> bool:
    """Whether a sentence (with ``marks`` quote marks) makes sense out of its article: not a piece of
    a quotation that runs over several sentences (an odd number of marks), not a quotation with no
    one to say it. A sentence that is all quotation reads alone when ``spoken()`` says its speaker
    is known (the report then names them)."""
    if marks % 2:
        return False
    if not marks:
        return True
    outside = _words_outside_quotation(sentence)
    return outside >= 2 or (outside == 0 and spoken())


def _words_outside_quotation(sentence: str) -> int:
    return len(WORD.findall(_QUOTATION.sub(" ", sentence)))


def is_all_quotation(sentence: str) -> bool:
    """Whether a sentence is a quotation and nothing else (no word outside its quote marks: not the
    '"...," gov.' of a sentence cut at an abbreviation)."""
    return bool(_QUOTE_MARK.search(sentence)) and not _words_outside_quotation(sentence)


def _spoken(analysis: ArticleAnalysis, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is words of a direct quote whose speaker is known: named, or a
    pronoun resolved to someone ('"...," he said.' before it, in the paragraph that opens the quote)."""
    for q in analysis.quotes:
        if q.kind == "direct" and q.start < end and start < q.end and known_speaker(q):
            return True
    return False


def _identity(terms):
    return terms


def load_tfidf():
    """scikit-learn's TfidfVectorizer, imported on first use: about 0.6 s where sentence-transformers
    (which imports scikit-learn too) has not been imported in this process, as where a helper process
    embeds (see embed.start_helper)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer


def _lexrank(candidates: Sequence[_Candidate], threshold: float = 0.1, damping: float = 0.85,
             iterations: int = 100) -> tuple[np.ndarray, np.ndarray]:
    """LexRank (Erkan & Radev 2004) of each candidate over content-word TF-IDF, times the number
    of candidates (1 on average), and each candidate's cosine to the TF-IDF centroid."""
    n = len(candidates)
    try:
        matrix = load_tfidf()(analyzer=_identity).fit_transform([sorted(c.terms) for c in candidates])
    except ValueError:  # no content word at all
        return np.ones(n), np.zeros(n)
    similarity = (matrix @ matrix.T).toarray()
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    to_centroid = np.asarray(matrix @ centroid).ravel() / norm if norm else np.zeros(n)
    scores = lexrank_centrality(similarity, threshold, damping, iterations)
    return scores * n, to_centroid


def lexrank_centrality(similarity: np.ndarray, threshold: float = 0.1, damping: float = 0.85,
                       iterations: int = 100, tolerance: float = 1e-9) -> np.ndarray:
    """LexRank centrality (Erkan & Radev 2004) of each sentence, from their cosine ``similarity``
    matrix: the stationary distribution of a random walk over the edges whose similarity is above
    ``threshold`` (a sentence with no edge jumps anywhere), with ``damping``, by power iteration until
    the scores move less than ``tolerance`` (L1) or after ``iterations`` steps. The scores sum to 1.
    The summary's ``lexrank`` feature and the LexRank baseline of benchmarks/eval_summary.py."""
    n = len(similarity)
    if n == 0:
        return np.zeros(0)
    adjacency = (similarity > threshold).astype(float)
    np.fill_diagonal(adjacency, 0.0)
    degree = adjacency.sum(axis=1)
    transition = np.where(degree[:, None] > 0, adjacency / np.maximum(degree, 1)[:, None], 1.0 / n)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        new = (1 - damping) / n + damping * transition.T @ scores
        done = np.abs(new - scores).sum() < tolerance
        scores = new
        if done:
            break
    return scores


def sentence_features(analyses: Sequence[ArticleAnalysis], facts: Sequence[Fact] = ()):
    """The candidate sentences of a story, their :data:`FEATURES` (one row each), what each is about
    (its MiniLM embedding, then the mean embedding of its article's candidates), their MiniLM similarity
    matrix and, per candidate, the sources that corroborate it with their evidence."""
    candidates = _candidates(analyses)
    if not candidates:
        return candidates, np.zeros((0, len(FEATURES))), np.zeros((0, 0)), np.zeros((0, 0)), []
    vectors = embed([c.text for c in candidates])
    sources = list(dict.fromkeys(c.source for c in candidates))
    similarity = vectors @ vectors.T
    n = len(candidates)
    source_of = np.array([c.source for c in candidates])
    other = source_of[:, None] != source_of[None, :]
    counts = other.sum(axis=1)
    centrality_other = np.where(counts > 0, (similarity * other).sum(axis=1) / np.maximum(counts, 1), 0.0)
    centrality_all = (similarity.sum(axis=1) - np.diag(similarity)) / max(1, n - 1)
    lexrank, centroid = _lexrank(candidates)
    quoted = {a.article.id: [(q.start, q.end) for q in a.quotes if q.kind == "direct"] for a in analyses}
    support = _support(candidates, facts, quoted)
    frequency = Counter(t for c in candidates for t in c.terms)
    total = sum(frequency.values()) or 1
    used_by: dict[str, set[str]] = {}
    sentences = {a.article.id: len(a.sentences) for a in analyses}
    names: Counter = Counter()
    for analysis in analyses:
        for sentence_terms in analysis.terms:
            for t in sentence_terms:
                used_by.setdefault(t, set()).add(analysis.article.id)
        names.update((analysis.article.id, m.sentence) for m in analysis.mentions)
    others = max(1, len(sources) - 1)
    by_source: dict[str, list[int]] = {}
    for i, c in enumerate(candidates):
        by_source.setdefault(c.source, []).append(i)
    document_centrality = {s: float(np.mean(centrality_other[ix])) for s, ix in by_source.items()}
    # What the sentence is about, and what its article is about (the mean of its candidates' embeddings).
    article_meaning = {s: vectors[ix].mean(axis=0) for s, ix in by_source.items()}
    meaning = np.hstack([vectors, np.array([article_meaning[c.source] for c in candidates])])
    document_words = {a.article.id: math.log(1 + len(a.article.text.split())) for a in analyses}
    leads = [min(ix, key=lambda i: candidates[i].index) for ix in by_source.values()]  # each article's first
    rows = []
    for i, c in enumerate(candidates):
        terms = c.terms
        rows.append((
            1 / (1 + c.index), c.index == 0, c.index / max(1, sentences[c.source]),
            centrality_other[i], centrality_all[i], lexrank[i], centroid[i],
            len(support[i][0]) / others, math.log(c.words), c.leans,
            any(q in c.text for q in DOUBLE_QUOTES), any(ch.isdigit() for ch in c.text), len(sources) > 1,
            c.source == sources[0],
            100 * sum(frequency[t] for t in terms) / total / len(terms) if terms else 0.0,
            sum(len(used_by[t]) > 1 for t in terms) / len(terms) if terms and len(sources) > 1 else 0.0,
            1 - len(terms) / c.words, sum(names[(c.source, k)] for k in range(c.index, max(c.index, c.last) + 1)) / c.words,
            bool(_SAYS.search(c.text)), bool(_FIRST_PERSON.search(c.text)),
            c.index == 1, c.index == 2, 3 <= c.index <= 5, len(sources), c.words,
            document_centrality[c.source], document_words[c.source], 1 / (sentences[c.source] - max(c.index, c.last)),
            max((similarity[i, j] for j in leads if candidates[j].source != c.source), default=0.0),
        ))
    return candidates, np.array(rows, dtype=float), meaning, similarity, support


def score_weights(weights: Sequence[float] | None = None) -> np.ndarray:
    """The fitted weights (or ``weights``) with :data:`LEAN` added."""
    out = np.array(WEIGHTS if weights is None else weights, dtype=float)
    for name, value in LEAN.items():
        out[FEATURES.index(name)] += value
    return out


def candidate_scores(features: np.ndarray, meaning: np.ndarray, weights: Sequence[float] | None = None,
                     embedding_weights: Sequence[float] | None = None, trees: Sequence | None = None) -> np.ndarray:
    """Each candidate's score: its :data:`FEATURES` times the fitted weights (with :data:`LEAN`), plus
    what it and its article are about (:func:`sentence_features`) times the fitted
    :data:`EMBEDDING_WEIGHTS` (the event itself reads better in a briefing than its background, a news
    report better than a page of links), plus the correction of the fitted regression trees
    (``TREES``, see :func:`tree_inputs`; ``trees=()`` leaves it out)."""
    scores = features @ score_weights(weights)
    fitted = np.asarray(EMBEDDING_WEIGHTS if embedding_weights is None else embedding_weights, dtype=float)
    if len(fitted) and meaning.ndim == 2 and meaning.shape[1] == len(fitted):
        scores = scores + meaning @ fitted
    trees = _shipped_trees() if trees is None else trees
    if len(trees) and len(scores):
        scores = scores + tree_scores(tree_inputs(features, scores), trees)
    return scores


def tree_inputs(features: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """What the regression trees read of each candidate: its :data:`FEATURES`, the same less their mean
    over the story's candidates, its linear score less the story's mean, and the rank of that score
    (0 the best, 1 the worst). The trees correct the linear score where features act together (what
    a feature is worth can depend on another, and on the rest of the story), which a weighted sum cannot
    express."""
    rank = np.argsort(np.argsort(-scores, kind="stable"), kind="stable") / max(1, len(scores) - 1)
    return np.hstack([features, features - features.mean(axis=0), (scores - scores.mean())[:, None], rank[:, None]])


# What the regression trees read (:func:`tree_inputs`), in its order: their nodes name these by index.
TREE_INPUTS = (*FEATURES, *(f"{f} less story mean" for f in FEATURES), "score less story mean", "score rank")
# The columns of a tree's node table, in the order :func:`tree_scores` takes them.
TREE_FIELDS = ("feature", "threshold", "left", "right", "value")


@lru_cache(maxsize=1)
def _shipped_trees() -> tuple:
    """The fitted trees of src/storyline/params/summary_trees.json (written, with its provenance, by
    ``python -m benchmarks.fit_summary --trees --write``) as numpy arrays, read once per process, on
    first use."""
    return load_trees("summary_trees")


def load_trees(name) -> tuple:
    """The trees of a parameter file (a name in src/storyline/params, or a path) as :func:`tree_scores`
    takes them, numpy arrays; the file's inputs must be :data:`TREE_INPUTS`."""
    data = params.load(name, inputs=TREE_INPUTS)
    types = {"feature": int, "threshold": float, "left": int, "right": int, "value": float}
    return tuple(tuple(np.array(tree[field], dtype=types[field]) for field in TREE_FIELDS)
                 for tree in data["trees"])


def __getattr__(name: str):
    """``TREES``: the shipped trees (see :func:`_shipped_trees`), read on first use."""
    if name == "TREES":
        return _shipped_trees()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def tree_scores(inputs: np.ndarray, trees: Sequence) -> np.ndarray:
    """The summed output of regression trees (each ``(feature, threshold, left, right, value)``, one entry
    per node; a leaf has ``left == -1``; a row goes left where ``inputs[feature] <= threshold``)."""
    out = np.zeros(len(inputs))
    rows = np.arange(len(inputs))
    for feature, threshold, left, right, value in trees:
        feature, threshold = np.asarray(feature), np.asarray(threshold)
        left, right, value = np.asarray(left), np.asarray(right), np.asarray(value)
        node = np.zeros(len(inputs), dtype=int)
        while True:
            inner = left[node] >= 0
            if not inner.any():
                break
            go_left = inputs[rows, feature[node]] <= threshold[node]
            node = np.where(inner, np.where(go_left, left[node], right[node]), node)
        out += value[node]
    return out


def summarize(analyses: Sequence[ArticleAnalysis], facts: Sequence[Fact] = (),
              words: int = SUMMARY_WORDS) -> tuple[SummarySentence, ...]:
    """Choose about ``words`` words of the story's sentences that best sum it up (see the module doc)."""
    if words <= 0:
        return ()
    candidates, features, vectors, similarity, support = sentence_features(analyses, facts)
    if not candidates:
        return ()
    scores = candidate_scores(features, vectors)
    chosen = _choose(candidates, scores, similarity, words)
    out = []
    for i in chosen:
        c = candidates[i]
        cited, extra = support[i]
        evidence = (Evidence(c.source, c.start, c.end, c.text), *extra)
        out.append(SummarySentence(c.text, (c.source, *cited), evidence))
    return tuple(out)


def _choose(candidates: list[_Candidate], scores: np.ndarray, similarity: np.ndarray, words: int) -> list[int]:
    """Greedy maximal-marginal-relevance choice of about ``words`` words, every source heard, in story order.

    A sentence that leans on the one before it ("He said ...") loses its penalty once that one is
    chosen, and then follows it directly in the summary.
    """
    sources = list(dict.fromkeys(c.source for c in candidates))
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], candidates[i].source, candidates[i].index))
    left = list(order)
    repeats = np.zeros(len(candidates), dtype=bool)  # near-repeats of a pick so far
    chosen: list[int] = []
    said: set[str] = set()
    ends: set[tuple[str, int]] = set()  # the final sentence of each pick
    total = 0
    while total < words:
        best, best_value = None, -math.inf
        for i in left:
            c = candidates[i]
            if repeats[i] or (chosen and total + c.words > words + OVERRUN):
                continue
            value = scores[i] - NOVELTY * (len(c.terms & said) / len(c.terms) if c.terms else 0.0)
            if c.leans and c.leans_on in ends:
                value += FOLLOW_BONUS
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        left.remove(best)
        repeats |= similarity[best] >= REDUNDANCY
        said |= candidates[best].terms
        ends.add(candidates[best].final)
        total += candidates[best].words
    # Every source is heard that the length allows: swap in a missing source's best sentence for the
    # weakest pick of a source heard more than once (not one a chosen sentence leans on), or add it
    # where it fits. With more sources than the length holds sentences (11 sources in 120 words), the
    # rest stay out rather than the summary running to several times its length.
    for source in sources:
        if any(candidates[i].source == source for i in chosen):
            continue
        best = next((i for i in order if candidates[i].source == source
                     and not any(similarity[i, j] >= REDUNDANCY for j in chosen)), None)
        if best is None:
            continue
        if total + candidates[best].words > words and len(chosen) > 1:
            leant_on = {candidates[j].leans_on for j in chosen}
            weakest = min((j for j in chosen
                           if sum(candidates[k].source == candidates[j].source for k in chosen) > 1
                           and candidates[j].final not in leant_on),
                          key=lambda j: scores[j], default=None)
            if weakest is not None:
                chosen.remove(weakest)
                total -= candidates[weakest].words
            elif total + candidates[best].words > words + OVERRUN:
                continue
        chosen.append(best)
        total += candidates[best].words
    return _in_story_order(candidates, chosen, sources)


def _in_story_order(candidates: list[_Candidate], chosen: list[int], sources: list[str]) -> list[int]:
    """The picks by sentence number, sources taking turns; a sentence that leans on the one before it
    comes right after that one when it is picked."""
    rank = {s: n for n, s in enumerate(sources)}
    key = {i: (candidates[i].index, rank[candidates[i].source], 0) for i in chosen}
    by_end = {candidates[i].final: i for i in chosen}
    for i in sorted(chosen, key=lambda i: candidates[i].index):
        before = by_end.get(candidates[i].leans_on)
        if before is not None:
            index, source, step = key[before]
            key[i] = (index, source, step + 1)
    return sorted(chosen, key=key.__getitem__)


def _support(candidates: list[_Candidate], facts: Sequence[Fact],
             quoted: dict[str, list[tuple[int, int]]]) -> list[tuple[tuple[str, ...], tuple[Evidence, ...]]]:
    """For each candidate: the other sources that corroborate it, and their evidence spans.

    A claim inside a candidate's quotation marks is what someone said, not what the outlet reports:
    it is corroborated only by a claim that another outlet quotes too. Otherwise a quotation
    would be cited to an outlet that never printed it ('"No, no, no. Israel has a prime minister
    ...," he said.' to an outlet that calls Gantz "a leading contender to be the next Israeli Prime
    Minister").
    """
    def in_quote(e: Evidence) -> bool:
        return any(a <= e.start and e.end <= b for a, b in quoted.get(e.source, ()))

    out = []
    for c in candidates:
        sources: dict[str, None] = {}
        evidence: list[Evidence] = []
        for fact in facts:
            if fact.status != "corroborated":
                continue
            mine = [e for e in fact.evidence if e.source == c.source and c.start <= e.start and e.end <= c.end]
            if not mine:
                continue
            quote_only = all(in_quote(e) for e in mine)
            for e in fact.evidence:
                if e.source != c.source and e not in evidence and (not quote_only or in_quote(e)):
                    sources.setdefault(e.source)
                    evidence.append(e)
        out.append((tuple(sources), tuple(evidence)))
    return out
