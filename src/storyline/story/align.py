"""Fact alignment: which claims several sources make, which only one makes, and where they conflict.

Claims are the clauses of each article (see :mod:`storyline.nlp.clauses`). Two claims of
different sources are taken to report the same fact when a calibrated score says so. The
score combines what the claims say (MiniLM sentence embeddings, their shared content words, and
their words that differ but mean the same or nearly, after WordNet: "trip" / "travel", "authorized" /
"sanctioned") with what they are about (the cast entities and the dates they share): similarity
alone is not enough, since two sentences about the same people can state different facts.
Matched claims are grouped into facts by average linkage (`group_claims`), so that a chain of
matches does not make one fact of a story told by many sources.

Matched claims are *conflicting* when the same slot holds values that cannot both be true: a
count of the same thing ("100 people" / "112 people", but not "54 charges" / "more than 50
charges"), or the day of the same event. Quotes whose words two outlets give to speakers known
to differ are conflicting too. Every other matched group is *corroborated*; every claim no
other source matches is *single_source*.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .. import params
from ..types import ArticleAnalysis, Entity, Evidence, Fact, Mention, Quote
from .embed import embed
from .dated import after_its_report
from .figures import figure_range
from .lexicon import related_share
from ..nlp.figures import HAPPENINGS
from ..nlp.timex import publication_day
from .quotes import echo_conflicts

# The features of `pair_features`, in its order: cosine of MiniLM embeddings, IDF-weighted share of cast
# entities, Jaccard of content words, share of content words related in meaning but not the same word
# (WordNet, see `lexicon.related_share`), shared day, clashing day, one claim negated and the other not, the
# two claims' first-named persons absent from each other.
FEATURES = ("cosine", "entity_share", "word_share", "related_share", "same_day", "day_clash", "polarity", "actors")
# The weights ECB+ cannot fit (its articles carry no publication date), set by hand to a modest push
# either way and held by a refit.
HAND_SET = {"same_day": 1.0, "day_clash": -1.5}
# The fitted weights and bias of the logistic-regression match score, from src/storyline/params/align.json
# (weights by feature name, every feature but HAND_SET's), which `python -m benchmarks.calibrate_align --fit
# --write` writes with its provenance: fitted on ECB+ development topics 1-22 (same-event sentence pairs
# from different articles of a story, against pairs about other events of the story and of its sister
# story); the related-words weight was fitted after the others, alone (`--fit-only related_share`, every
# other weight and the bias held), so that a pair with no related words scores as before (a full refit
# shifted the bias and dropped right matches it had; docs/benchmarks.md). Held-out topics 23-35 are in
# docs/benchmarks.md.
_FITTED = params.load("align", weights=tuple(f for f in FEATURES if f not in HAND_SET))
# The weights of FEATURES, in their order: the fitted ones and HAND_SET.
MATCH_WEIGHTS = np.array([HAND_SET[f] if f in HAND_SET else _FITTED["weights"][f] for f in FEATURES])
MATCH_BIAS = _FITTED["bias"]
# Probability above which two claims are the same fact: set by hand on ECB+ dev topics 1-22
# (calibrate_align.py) for precision rather than at the best-F1 threshold the script prints, since a
# wrong "corroborated" misleads more than a missed one. Held-out topics 23-35 at 0.5: P 0.801, R 0.693,
# F1 0.743 (docs/benchmarks.md, "Related words from WordNet").
MATCH_THRESHOLD = 0.5
# Two groups of matched claims are one fact when their claims of different sources match this well on
# average (see `group_claims`). Chosen among 0.3, 0.4 and 0.5 on ECB+ dev topics 1-22 with
# calibrate_align.py's grouping table: the best F1 whose precision stays above the pair matcher's own
# (docs/benchmarks.md, "Facts over whole stories").
GROUP_THRESHOLD = 0.4
# The match probability at least of two claims that state the same toll exactly ("two villagers slightly
# injured" / "injured two people"), unless `incompatible`: set by hand just above MATCH_THRESHOLD, so that such
# claims link, and join a group only where the rest of it matches them too (GROUP_THRESHOLD).
SAME_FIGURE_PROBABILITY = 0.55
# Claims shorter than this many words are too thin to align ("the official said").
MIN_CLAIM_WORDS = 5
# ... and a claim has at least this many words with letters outside its times and who-spoke frames: a page's
# time stamp ("December 15th , 2008 , 7 : 35 am", ECB+ 10_ecbplus, in no gold set) has one, "am", and two such
# stamps a day apart made a dispute over the date. "The protesters chanted `` murderers out ''" keeps two.
MIN_CLAIM_LETTER_WORDS = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset("""the a an and or but of to in on at for with by from as is was were are be been has have had
it its this that these those he she they we you i his her their our not no will would could should said says
say told also about after before more than over into out up which who whom what when where while""".split())
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
# Words of titles, which name a role, not what happened: a claim must share more than these and names.
TITLE_WORDS = frozenset("""president vice prime minister secretary state governor senator senate representative
congressman congresswoman chief executive spokesman spokeswoman spokesperson official officials director chairman
chairwoman leader general commander ambassador mayor sheriff officer police king queen prince minister's""".split())
# The last words of names of places of one kind, two of which with different names are two places, never one
# inside the other ("Mount Sinai Hospital" / "Jamaica Hospital"; "West Coast Bank" / "Wells Fargo Bank"), unlike a
# city and a district. Set by hand from the kinds of place the ECB+ stories name.
PLACE_KINDS = frozenset("""hospital clinic street avenue road boulevard lane school university college church
mosque temple synagogue cathedral airport station park square bridge hotel prison jail penitentiary mall store
supermarket restaurant bar stadium arena bank museum theatre theater""".split())
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")


@dataclass(frozen=True, slots=True)
class Claim:
    """One clause of one source, with what it is about."""

    source: str
    start: int
    end: int
    text: str
    entities: frozenset[str]
    days: frozenset[str]
    numbers: tuple[tuple[float, str, str], ...]  # (value, what it counts, the number as written)
    words: frozenset[str]
    negated: bool = False  # it says something is not so (see `is_negated`)
    actor: str | None = None  # the first person it names outside who-spoke frames (see `_actor`)
    weekdays: frozenset[str] = frozenset()  # days it names by weekday alone, where no date resolves them
    tolls: frozenset[str] = frozenset()  # the toll words of its figures ("killed", "arrested": nlp/figures)
    said: frozenset[str] = frozenset()  # its content words outside names and titles: what it says of them
    # each toll figure's toll word and the values it allows ("at least 3 killed": killed, 3 to infinity)
    toll_ranges: tuple[tuple[str, float, float], ...] = ()  # and each quake magnitude's ("magnitude", 5.6, 5.6)
    months: frozenset[str] = frozenset()  # the months its dates fall in ("2005-09" for "in September 2005")
    # the tolls it states exactly ("injured two people": injured, 2; not "at least two")
    exact_tolls: frozenset[tuple[str, float]] = frozenset()
    # the named places it holds: the kind of place the name ends in, the entity, the name's words ("hospital",
    # "mount-sinai-hospital", ("mount", "sinai", "hospital"))
    places: frozenset[tuple[str, str, frozenset[str]]] = frozenset()
    denied: str | None = None  # the word a negated claim denies (see `_denied`), read once
    # the actions it dates (nlp/dated.py) whose doer the cast knows: (day, verb, the doer's entity)
    acts: frozenset[tuple[str, str, str]] = frozenset()
    planned: frozenset[str] = frozenset()  # its days of what someone means or is set to do (TimeRef.planned)
    published: str | None = None  # the day its source was published


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words (a crude stem: a final 's' is dropped)."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("s") and len(w) > 4 else w)
    return frozenset(out)


def claims_of(analysis: ArticleAnalysis, entity_of: dict[tuple[str, int], str],
              people: frozenset[str] | None = None, untagged: Sequence[Mention] = ()) -> list[Claim]:
    """The claims of one article, with the entities, days and numbers inside each (``untagged``: names of the
    cast the article writes where spaCy tagged nothing, see `untagged_mentions`)."""
    text = analysis.article.text
    source = analysis.article.id
    # Who spoke, the reporting verb and the times: a clause made of these alone ("An Israeli
    # government official said Monday", "was the message, according to an Israeli official") frames
    # a claim but states none, and two such frames are alike in every story.
    frame = sorted({(q.speaker.start, q.speaker.end) for q in analysis.quotes
                    if q.speaker is not None and q.speaker.start is not None and q.speaker.end is not None}
                   | {(q.cue_start, q.cue_end) for q in analysis.quotes if q.cue_start is not None and q.cue_end is not None}
                   | {(t.start, t.end) for t in analysis.times})
    out = []
    for span in analysis.clauses or analysis.sentences:
        claim_text = text[span.start:span.end]
        if analysis.in_furniture(span.start):  # a photo's caption, a share prompt: no claim
            continue
        if len(claim_text.split()) < MIN_CLAIM_WORDS:
            continue
        outside = _words_outside(text, span.start, span.end, frame)
        if len(outside) < MIN_CLAIM_WORDS or \
                sum(any(ch.isalpha() for ch in word) for word in outside) < MIN_CLAIM_LETTER_WORDS:
            continue
        inside = lambda a, b: span.start <= a and b <= span.end  # noqa: E731
        named = sorted(((m, entity_of[(source, m.start)]) for m in (*analysis.mentions, *untagged)
                        if inside(m.start, m.end) and (source, m.start) in entity_of), key=lambda p: p[0].start)
        entities = frozenset(entity for _, entity in named)
        days = frozenset(t.value for t in analysis.times if inside(t.start, t.end) and t.value and _DAY.match(t.value))
        numbers = tuple((n.value, n.unit, n.text) for n in analysis.numbers
                        if inside(n.start, n.end) and n.value is not None and n.unit)
        weekdays = frozenset(w for t in analysis.times if inside(t.start, t.end) and not t.value
                             for w in _WEEKDAY.findall(t.text.lower()))
        toll_figures = [f for f in analysis.figures if inside(f.start, f.end) and f.what in HAPPENINGS]
        tolls = frozenset(f.what for f in toll_figures)
        toll_ranges = tuple((f.what, *figure_range(f.value, f.qualifier)) for f in toll_figures
                            + [f for f in analysis.figures if inside(f.start, f.end) and f.what == "magnitude"])
        months = frozenset(t.value[:7] for t in analysis.times
                           if inside(t.start, t.end) and t.value and _MONTH.match(t.value))
        words = content_words(claim_text)
        names = content_words(" ".join(m.text for m in analysis.mentions if inside(m.start, m.end)))
        places = frozenset(place for m, entity in named if (place := _place(m.name, entity)) is not None)
        negated = is_negated(claim_text)
        out.append(Claim(source, span.start, span.end, claim_text, entities, days, numbers, words,
                         negated, _actor(text, named, _actor_frame(analysis, span.start, span.end), people),
                         weekdays, tolls, words - names - TITLE_WORDS, toll_ranges, months,
                         frozenset((what, lo) for what, lo, hi in toll_ranges if lo == hi and what != "magnitude"),
                         places, _denied(claim_text) if negated else None,
                         _acts(analysis, entity_of, span.start, span.end),
                         frozenset(t.value for t in analysis.times if inside(t.start, t.end) and t.planned
                                   and t.value and _DAY.match(t.value)),
                         (analysis.article.published or "")[:10] or None))
    return out


def _acts(analysis: ArticleAnalysis, entity_of: dict[tuple[str, int], str], start: int,
          end: int) -> frozenset[tuple[str, str, str]]:
    """The dated actions between ``start`` and ``end`` whose date is a day and whose doer is a cast member:
    (day, verb, doer)."""
    out = set()
    for action in analysis.dated:
        if not (start <= action.start < end) or action.agent is None or action.negated:
            continue
        value = analysis.times[action.time].value if action.time < len(analysis.times) else None
        agent = entity_of.get((analysis.article.id, action.agent))
        if value and _DAY.match(value[:10]) and agent is not None:
            out.add((value[:10], action.verb, agent))
    return frozenset(out)


def _place(name: str, entity: str) -> tuple[str, str, frozenset[str]] | None:
    """A named place as `Claim.places` holds it, where the name ends in a kind of place (`PLACE_KINDS`)."""
    words = name.lower().split()
    if len(words) < 2 or words[-1] not in PLACE_KINDS:
        return None
    return words[-1], entity, frozenset(words) - {"the"}


def _actor_frame(analysis: ArticleAnalysis, start: int, end: int) -> list[tuple[int, int]]:
    """Who-spoke frames and times of one claim, as far as the actor is concerned.

    A speaker frames the claim when what they said makes up most of it ("An Israeli official said
    Gantz was surprised ...": Gantz acts). A speaker of a few quoted words inside the claim is its
    actor ("Harris expressed “deep concern” about ...": Harris acts, not the Gantz named after).
    """
    length = max(1, end - start)
    out = {(q.cue_start, q.cue_end) for q in analysis.quotes if q.cue_start is not None and q.cue_end is not None}
    out |= {(t.start, t.end) for t in analysis.times}
    for q in analysis.quotes:
        if q.speaker is None or q.speaker.start is None or q.speaker.end is None:
            continue
        covered = min(end, q.end) - max(start, q.start)
        if covered >= length / 2 or not (start <= q.speaker.start < end):
            out.add((q.speaker.start, q.speaker.end))
    return sorted(out)


def _actor(text: str, named, frame, people) -> str | None:
    """The first person a claim names outside who-spoke frames and times, not as a possessor
    ("According to an Israeli official, Gantz emerged ..." -> Gantz; "their message to Netanyahu's
    chief political foe" names no one this way). ``named``: the claim's mentions with their cast
    entities, in text order; ``people``: the cast's person ids (else a mention's own label)."""
    for m, entity in named:
        if any(a <= m.start < b for a, b in frame) or text.startswith(("'", "’"), m.end) \
                or m.text.endswith(("'s", "’s")):
            continue
        if entity in people if people is not None else m.label == "PERSON":
            return entity
    return None


def _words_outside(text: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The words of ``text[start:end]`` outside the given (sorted) spans."""
    kept, pos = [], start
    for a, b in spans:
        if b <= pos or a >= end:
            continue
        kept.append(text[pos:max(pos, a)])
        pos = max(pos, b)
    kept.append(text[pos:end])
    return [word for part in kept for word in part.split()]


def entity_idf(claims: Sequence[Claim]) -> dict[str, float]:
    """How rare each entity is among the story's claims: the lead character weighs little."""
    df = Counter(e for c in claims for e in c.entities)
    n = max(1, len(claims))
    return {e: math.log((n + 1) / (d + 0.5)) for e, d in df.items()}


def pair_features(a: Claim, b: Claim, cosine: float, idf: dict[str, float]) -> np.ndarray:
    """The match features of two claims (see MATCH_WEIGHTS)."""
    shared = sum(idf.get(e, 0.0) for e in a.entities & b.entities)
    smaller = min(sum(idf.get(e, 0.0) for e in a.entities), sum(idf.get(e, 0.0) for e in b.entities))
    entity_share = shared / smaller if smaller > 0 else 0.0
    union = a.words | b.words
    word_share = len(a.words & b.words) / len(union) if union else 0.0
    same_day = 1.0 if a.days & b.days else 0.0
    clash = 1.0 if a.days and b.days and not (a.days & b.days) else 0.0
    # Who acts: the first person each claim names (outside who-spoke frames) does not appear in the
    # other claim at all: the sister stories of ECB+ ("Lindsay Lohan checked into rehab" / "Tara Reid
    # checked into rehab"). "Gantz spoke with Harris" / "Harris met with Gantz" name each other and are
    # no clash. (Fitted weight -0.84; held-out ECB+ pair F1 0.724 -> 0.734, see docs/benchmarks.md.)
    actors = float(a.actor is not None and b.actor is not None and a.actor != b.actor
                   and (a.actor not in b.entities or b.actor not in a.entities))
    return np.array([cosine, entity_share, word_share, related_share(a.words, b.words), same_day, clash,
                     float(a.negated != b.negated), actors])


_NEGATION = re.compile(r"\b(?:not|never|no)\b|n[’']t\b", re.IGNORECASE)


def is_negated(text: str) -> bool:
    """Whether a claim says something is not so: "was not sanctioned", "did n't", "never"."""
    return bool(_NEGATION.search(text))


# Words between a negation and what it denies: "was not yet wearing", "has n't been seen".
_NOT_DENIED = frozenset("""be been being is was were are am have has had do does did yet immediately always ever
quite really so very too fully also still even all any just""".split())
_NEGATION_WORD = re.compile(r"^(?:not|never|n[’']t)$", re.IGNORECASE)


def _denied(text: str) -> str | None:
    """The word a negated claim denies, as `content_words` writes it: the first content word after its first
    "not", "never" or "n't" ("was not wearing crampons": "wearing"); None where it has none, or says "no"."""
    words = text.split()
    for n, word in enumerate(words):
        if _NEGATION_WORD.match(word) or word.lower().endswith(("n't", "n’t")) and len(word) > 3:
            for after in words[n + 1:]:
                w = after.lower()
                if w == "only":  # "not only ... but": no denial
                    return None
                if w in _NOT_DENIED:
                    continue
                found = content_words(w)
                return next(iter(found)) if found else None
            return None
    return None


def match_probability(features: np.ndarray) -> np.ndarray:
    """The calibrated probability that claim pairs report the same fact (rows of features)."""
    return 1.0 / (1.0 + np.exp(-(features @ MATCH_WEIGHTS + MATCH_BIAS)))


def align_facts(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity], entity_of: dict[tuple[str, int], str],
          quotes: Sequence[Quote] = ()) -> tuple[Fact, ...]:
    """Align the claims of a story's sources into facts."""
    claims = story_claims(analyses, entities, entity_of)
    if not claims:
        return ()
    probs = match_matrix(claims)
    facts = [_fact([claims[k] for k in sorted(group)], _confidence(sorted(group), claims, probs))
             for group in group_claims(claims, probs)]
    facts += _speaker_conflicts(quotes, frozenset(e.id for e in entities if e.type == "PERSON"), analyses)
    facts.sort(key=lambda f: (_STATUS_ORDER[f.status], f.evidence[0].source, f.evidence[0].start))
    return tuple(replace(f, id=f"f{n}") for n, f in enumerate(facts, start=1))


def _confidence(group: list[int], claims: Sequence[Claim], probs: np.ndarray) -> float | None:
    """How sure the grouping is: the mean match probability of the group's claims of different sources
    (None for a claim alone)."""
    pairs = [probs[i, j] for i in group for j in group if i < j and claims[i].source != claims[j].source]
    return round(float(np.mean(pairs)), 3) if pairs else None


def story_claims(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity],
                 entity_of: dict[tuple[str, int], str]) -> list[Claim]:
    """The claims of all of a story's sources, source after source."""
    people = frozenset(e.id for e in entities if e.type == "PERSON")
    untagged = untagged_mentions(analyses, entities)
    return [c for a in analyses for c in claims_of(a, entity_of, people, untagged.get(a.article.id, ()))]


def untagged_mentions(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """By source, the places where the cast found a name of one of its entities that spaCy did not tag ("Raj
    Chohan , 59 , was killed by a drunk hit - and - run driver", ECB+ 21_3ecbplus: see cast.untagged_names):
    a claim is about them as much as where the name was tagged. Descriptions the cast resolved ("the
    victim") are left out: the match score was fitted on names."""
    tagged = {(a.article.id, m.start) for a in analyses for m in a.mentions}
    out: dict[str, list[Mention]] = {}
    for entity in entities:
        names = {entity.name, *entity.aliases}
        for ev in entity.mentions:
            if ev.text in names and (ev.source, ev.start) not in tagged:
                out.setdefault(ev.source, []).append(Mention(ev.start, ev.end, ev.text, entity.type, ev.text, -1))
    return out


def match_matrix(claims: Sequence[Claim]) -> np.ndarray:
    """The match probability of every two claims of different sources (0 within a source)."""
    idf = entity_idf(claims)
    source = np.array([c.source for c in claims])
    out = np.zeros((len(claims), len(claims)))
    rows, cols = np.nonzero(np.triu(source[:, None] != source[None, :]))
    if not len(rows):
        return out
    # Every feature but the cosine first, then the embeddings: a helper process may still be encoding
    # them (see embed.prefetch), and reading WordNet here meanwhile takes about as long.
    feats = np.array([pair_features(claims[i], claims[j], 0.0, idf) for i, j in zip(rows, cols)])
    vectors = embed([c.text for c in claims])
    feats[:, 0] = (vectors @ vectors.T)[rows, cols]
    probs = match_probability(feats)
    # the same toll, stated exactly by both, however worded ("two villagers slightly injured" / "injured two
    # people"): the same figure of the story is the same fact
    same_toll = [bool(claims[i].exact_tolls & claims[j].exact_tolls) for i, j in zip(rows, cols)]
    probs[same_toll] = np.maximum(probs[same_toll], SAME_FIGURE_PROBABILITY)
    probs[[incompatible(claims[i], claims[j]) for i, j in zip(rows, cols)]] = 0.0
    out[rows, cols] = out[cols, rows] = probs
    return out


def incompatible(a: Claim, b: Claim) -> bool:
    """Whether two claims cannot tell one fact, whatever their words share: they count different tolls
    ("12 people were injured" / "12 arrested"), they happen on different days named only by weekday
    ("charged Saturday" / "appeared in court Monday"; resolved dates weigh in the match score instead), or
    they share names and titles but nothing they say of them. Claims that give the same toll figures that
    cannot both be true ("12 people were injured" / "18 people had been injured") are no corroboration
    either: the figures table shows them side by side, and says whether they differ or changed."""
    if a.tolls and b.tolls and not a.tolls & b.tolls:
        return True
    # different people do it, and neither claim names the other's ("Maria Dulce - Valencia , 27 , was also killed
    # in a hit - and - run accident" / "Raj Chohan , 59 , was killed by a drunk hit - and - run driver", ECB+
    # 21_ecbplus, dev): two events with the same words, not one (participants must be compatible, issue 27)
    if a.actor and b.actor and a.actor != b.actor and a.actor not in b.entities and b.actor not in a.entities:
        return True
    if _tolls_clash(a, b):
        return True
    # two places of one kind with different names, and neither claim names the other's ("pronounced dead at
    # Mount Sinai Hospital" / "at Jamaica Hospital", ECB+ 21_ecbplus, dev): where it happened must be compatible.
    # A name inside the other is one place the cast may have kept apart ("The Bible Church" / "Wasilla Bible
    # Church", "High Street" / "Banstead High Street").
    for kind, place, words in a.places:
        theirs = [(p, w) for k, p, w in b.places if k == kind]
        if theirs and not any(p == place or p in a.entities or w <= words or words <= w for p, w in theirs):
            return True
    # each dated to one month, and not the same ("hit by a 6.1 quake in September" / "hit on Sunday" in November)
    if len(a.months) == 1 and len(b.months) == 1 and a.months != b.months:
        return True
    if a.weekdays and b.weekdays and not a.weekdays & b.weekdays and not a.days & b.days:
        return True
    # one says of something that it is not so, the other that it is ("was not wearing crampons" / "was wearing
    # crampons", ECB+ 23_ecbplus, dev): never one fact, whatever else they share
    if a.negated != b.negated and (denied := (a if a.negated else b).denied) and \
            denied in (b.words if a.negated else a.words):
        return True
    # names and titles alone make no match: "Israel has a prime minister" (Gantz, quoted) is not "a leading
    # contender to be the next Israeli Prime Minister"; the two must say something alike of them
    # (a toll both state exactly is something alike they say: "killed" / "burnt to death")
    return not (a.said & b.said) and not related_share(a.said, b.said) and not a.exact_tolls & b.exact_tolls


def _tolls_clash(a: Claim, b: Claim) -> bool:
    """Whether two claims state one toll (or a quake's magnitude) with values that cannot both be true, and no
    values of it that can ("a 5.6 magnitude earthquake" / "a quake with a magnitude of 6.1": two quakes)."""
    clash = False
    for what in (a.tolls & b.tolls) | ({"magnitude"} & {w for w, _, _ in a.toll_ranges} & {w for w, _, _ in b.toll_ranges}):
        ours = [(lo, hi) for w, lo, hi in a.toll_ranges if w == what]
        theirs = [(lo, hi) for w, lo, hi in b.toll_ranges if w == what]
        if any(max(lo, lo2) <= min(hi, hi2) for lo, hi in ours for lo2, hi2 in theirs):
            return False
        clash = True
    return clash


def group_claims(claims: Sequence[Claim], probs: np.ndarray, linkage: str = "average") -> list[set[int]]:
    """The claims (indices) that report one fact, in groups; every claim in exactly one group.

    Each claim is linked to its likeliest partner in each other source, where that one is likely
    enough (:data:`MATCH_THRESHOLD`). Linked claims are then joined, likeliest links first, but two
    groups only when their claims of different sources match on average (``linkage="average"``): a
    chain of links (A like B, B like C, C like D, ...) does not make one fact of a whole story told by
    many sources, as it does when every link joins (``"single"``, for comparison in benchmarks).
    """
    sources = {s: n for n, s in enumerate(dict.fromkeys(c.source for c in claims))}
    source_of = np.array([sources[c.source] for c in claims])
    links: dict[tuple[int, int], float] = {}
    for s in range(len(sources)):
        rows = np.flatnonzero(source_of == s)
        for t in range(s + 1, len(sources)):
            cols = np.flatnonzero(source_of == t)
            block = probs[np.ix_(rows, cols)]
            for r, i in enumerate(rows):  # each claim keeps its best partner in the other source ...
                c = int(block[r].argmax())
                if block[r, c] >= MATCH_THRESHOLD:
                    links[(int(i), int(cols[c]))] = float(block[r, c])
            for c, j in enumerate(cols):
                r = int(block[:, c].argmax())
                if block[r, c] >= MATCH_THRESHOLD:
                    links[(int(rows[r]), int(j))] = float(block[r, c])
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    for (i, j), _ in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        left, right = members[a], members[b]
        block = probs[np.ix_(left, right)]
        across = source_of[left][:, None] != source_of[right][None, :]
        if linkage == "average" and block[across].mean() < GROUP_THRESHOLD:  # ... and groups join on average
            continue
        for k in right:
            group_of[k] = a
        members[a] = left + right
        del members[b]
    return [set(m) for m in members.values()]


_STATUS_ORDER = {"conflicting": 0, "corroborated": 1, "single_source": 2}


def _fact(members: list[Claim], confidence: float | None = None) -> Fact:
    sources = tuple(dict.fromkeys(c.source for c in members))
    evidence = tuple(Evidence(c.source, c.start, c.end, c.text) for c in members)
    if len(sources) < 2:
        return Fact("", "single_source", sources, evidence, "")
    kind, note = _conflict(members)
    if note:
        return Fact("", "conflicting", sources, evidence, note, kind, confidence)
    return Fact("", "corroborated", sources, evidence, "", None, confidence)


def _conflict(members: list[Claim]) -> tuple[str | None, str]:
    """What differs between matched claims of different sources: their kind and a note, or (None, '').

    Here, only the day: claims that tell one fact but date it differently. Counts are compared in the
    story's figures table (story/figures.py), row by row of what is counted, not claim by claim: a group
    of aligned claims holds numbers of many things.
    """
    dated = [c for c in members if len(c.days) == 1]
    # each source's days among the matched claims: two sources that each give both days tell two events of those
    # days, not one dated two ways ("the next Democratic contest is in Nevada on Feb. 20" and South Carolina's
    # "on Feb. 27" in one report, the same two dates in another, PolNeAR)
    days_of: dict[str, frozenset[str]] = {}
    for c in dated:
        days_of[c.source] = days_of.get(c.source, frozenset()) | c.days
    told = {c.source: c.days for c in dated
            if any(o.source != c.source and o.days != c.days and not _other_doers(c, o) and not _plan_moved(c, o)
                   and _said(c) != _said(o) and not _each_its_day(c, o) and not _after_report(c, o)
                   and not (c.days <= days_of[o.source] and o.days <= days_of[c.source]) for o in dated)}
    if len(told) > 1 and len({d for ds in told.values() for d in ds}) > 1:
        parts = "; ".join(f"{next(iter(ds))} in {s}" for s, ds in told.items())
        return "date", f"the date differs: {parts}"
    return None, ""


# Reports this many days apart or more, each dating what it tells to its own day (within a day of it), tell each
# day's news, not one event dated two ways: "Hillary Clinton is adding to her delegate lead" on the day of one
# round of primaries, and "Clinton has a significant delegate lead" on the day of another, two weeks on (PolNeAR,
# set by hand on what it showed). Reports a day apart still differ ("died Thursday" / "died Friday").
DAYS_APART = 2


def _each_its_day(a: Claim, b: Claim) -> bool:
    """Whether two claims' reports are DAYS_APART or more apart and each claim's day is its report's (±1)."""
    days = [publication_day(x) for x in (next(iter(a.days)), next(iter(b.days)), a.published, b.published)]
    if None in days:
        return False
    day_a, day_b, published_a, published_b = days
    return abs((published_a - published_b).days) >= DAYS_APART and abs((day_a - published_a).days) <= 1 \
        and abs((day_b - published_b).days) <= 1


def _after_report(a: Claim, b: Claim) -> bool:
    """Whether one claim's day is after the other's report came out, which told of what had happened by then (not
    of a plan: "has offered to travel alone today"): two occasions (see :func:`.dated.after_its_report`)."""
    day_a, day_b = next(iter(a.days)), next(iter(b.days))
    return day_a not in a.planned and after_its_report(day_a, a.published, day_b) or \
        day_b not in b.planned and after_its_report(day_b, b.published, day_a)


def _said(claim: Claim) -> str:
    """A claim's words, for telling one text printed twice: the same words dated two ways ("Today, that same
    membership costs $25,000" in one newspaper's article printed on two days, PolNeAR) date nothing twice; the
    days differ only as the papers' dates do."""
    return " ".join(claim.text.lower().split())


def _plan_moved(a: Claim, b: Claim) -> bool:
    """Whether one of two claims dates a plan ("has offered to travel alone today") and the other was published
    on another day ("has made the right decision to travel to the United States on Thursday", three days later):
    a plan that moved, not one event dated two ways (TempEval-3 AQUAINT). Reports of one day still differ."""
    return bool(a.days & a.planned or b.days & b.planned) and a.published is not None \
        and b.published is not None and a.published != b.published


def _other_doers(a: Claim, b: Claim) -> bool:
    """Whether two claims date the same verb on their days, each done by someone the cast knows, and not the
    same one: "Philippine President Joseph Estrada on Tuesday condemned the bombings" and "Iran Saturday
    condemned the bombing" tell two condemnations, not one dated twice (TempEval-3 AQUAINT, an unseen check)."""
    return any(verb == other_verb and doer != other_doer
               for day, verb, doer in a.acts if day in a.days
               for other_day, other_verb, other_doer in b.acts if other_day in b.days)


# The confidence given to the same words quoted from different speakers: set by hand, below the alignment's
# strongest matches, since a speaker may be resolved wrongly (no data yet to fit it on).
ATTRIBUTION_CONFIDENCE = 0.8
# ... and to the same reported speech (no quote marks) given to different people: set by hand below the
# reports' threshold for showing an item (0.6), since an agency's sentence may tell what two officials both said.
REPORTED_ATTRIBUTION_CONFIDENCE = 0.5


def _speaker_conflicts(quotes: Sequence[Quote], people: frozenset[str],
                       analyses: Sequence[ArticleAnalysis] = ()) -> list[Fact]:
    """The same words given to speakers known to differ by different sources (see `echo_conflicts`): one fact
    for each two people given the same words, with every source on each side. Four outlets printing one
    statement, two of them giving it to A.J. Smith and two to A.J. Butler (ECB+ 35_ecb), make one dispute,
    not one for each pair of outlets."""
    grouped: dict[frozenset[str], list[tuple[Quote, Quote]]] = {}
    for quote, other in echo_conflicts(quotes, people, analyses):
        pairs = grouped.setdefault(frozenset((quote.speaker.entity, other.speaker.entity)), [])
        if pairs and pairs[0][0].speaker.entity != quote.speaker.entity:  # the side the story gave first, first
            quote, other = other, quote
        pairs.append((quote, other))
    out = []
    for pairs in grouped.values():
        first, second = pairs[0][0].speaker.name, pairs[0][1].speaker.name
        shown = list(dict.fromkeys(min(q.text, o.text, key=len).strip(" ,.;:\"'") for q, o in pairs))
        words = "\", \"".join(shown)
        ones = list(dict.fromkeys(q.source for q, _ in pairs))
        others = list(dict.fromkeys(o.source for _, o in pairs))
        note = (f"the words \"{words}\" are given to {first} by {_listed(ones)} "
                f"and to {second} by {_listed(others)}")
        evidence = tuple(dict.fromkeys(ev for q, o in pairs for ev in (
            Evidence(q.source, q.start, q.end, q.text), Evidence(o.source, o.start, o.end, o.text))))
        sources = tuple(dict.fromkeys(ev.source for ev in evidence))
        # (a rule, not a fitted score: both speakers are resolved and differ; see echo_conflicts); less sure where
        # every pair holds reported speech, which both people may have said in their own briefings
        reported = all("indirect" in (q.kind, o.kind) for q, o in pairs)
        if reported:
            note = "reported speech: " + note + ", which both may have said"
        out.append(Fact("", "conflicting", sources, evidence, note, "attribution",
                        REPORTED_ATTRIBUTION_CONFIDENCE if reported else ATTRIBUTION_CONFIDENCE))
    return out


def _listed(items: Sequence[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
