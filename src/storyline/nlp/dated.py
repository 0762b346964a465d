"""Dated actions: what a sentence says someone did, or had done to them, on a date it gives.

"In 1970 , he was indicted for bribing the entire five - man police force of Old Tappan" tells of one action
(indict), its patient (he, that is Gigante), and its date (1970). Another outlet's "In 1969 , he was indicted
in New Jersey on a charge of conspiracy to bribe ..." tells of the same action of the same person on another
date; one of them has the year wrong (ECB+ 26_ecbplus). The story stage (story/dated.py) compares such
actions across sources; this module reads them from the parse, which only the per-article pass has.

An action is read where an explicit calendar date (a year, or a month with its day: "in 1957", "On June 27 ,
1973", "on November 18") or a weekday ("died on Friday", "on Thursday night") hangs from a verb, directly
("pleaded guilty June 27") or through "in", "on" or "during". Dates that modify a noun ("the 2006 HBO movie")
are the timeline's, not actions here; other relative dates ("last year", "yesterday") are left out, since
they depend on a publication date that may be wrong or missing (a weekday names its day whatever the date),
and so are verbs of speech and light verbs ("said on Monday", "was in 1990"), which tell of many different
occasions. The verb's subject and object (its agent and patient; a passive's subject is its patient,
the "by" phrase its agent) are each a name the article tags, a pronoun the article's coreference resolves to
one, or else the head word of the phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..types import DatedAction, Mention, TimeRef
from ..vocabulary import PLURAL_PRONOUNS, PRONOUN_GENDER, THING_PRONOUNS
from .figures import _subject  # (a verb's subject, through the heads named: shared with nlp.tallies)
from .timex.resolve import MONTHS, PARTS_OF_DAY, WEEKDAYS

# A date the text gives on the calendar: a year, or a month name beside a day number.
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b(?!\s?['’]?s\b)")
# Words that make a year a part of it or a decade ("the late 1990s", "early 2005"): no date of one action.
_VAGUE = re.compile(r"\b(?:early|mid|late|end|beginning|start|middle)\b|\d0\s?['’]?s\b", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH_NAMES})\b", re.I)
# A day named by its weekday alone, with a part of it or not ("Friday", "Thursday night"): whatever the
# publication date, two sources that give one action two weekdays cannot both be right.
_WEEKDAY = re.compile(r"(?:on\s+)?(?P<day>" + "|".join(w for w in WEEKDAYS if len(w) > 4) + r")\b(?:\s+\w+)?$", re.I)
# A resolved value of a year, a month or a day (not a decade, a season or a week).
_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
# The prepositions by which a date tells when an action happened ("by 1970" is a deadline, "since" a start).
_WHEN_PREPOSITIONS = frozenset({"in", "on", "during"})
# Verbs that tell of too many different occasions to be one action: being, having, speech and its kin, and
# verbs that mostly carry another ("went on to win", "made a comeback").
LIGHT_VERBS = frozenset("""
be have do say tell add note state report announce claim describe explain write call speak talk ask answer
reply respond confirm deny comment insist argue suggest think believe know see look seem appear feel want
need try go come get make take give put let keep begin start continue include use become remain
""".split())
_DECADE_ENDINGS = frozenset({"'s", "’s", "s"})
# The dependencies of a verb that heads a clause of its own.
_CLAUSE_DEPS = frozenset({"advcl", "pcomp", "acl", "relcl", "ccomp", "xcomp", "csubj", "parataxis"})
# Pronouns that stand for someone or something named elsewhere (a relative one the resolver leaves open).
_PRONOUNS = frozenset(PRONOUN_GENDER) | PLURAL_PRONOUNS | THING_PRONOUNS
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# What an active verb is done to, or what it makes of its subject ("pleaded guilty", "became president").
_OBJECTS = ("dobj", "attr", "oprd", "acomp")


def calendar_date(time: TimeRef) -> bool:
    """Whether a time expression gives a date on the calendar in its own words (see the module doc)."""
    return bool(time.value and _VALUE.fullmatch(time.value)
                and (_YEAR.search(time.text) or _MONTH_DAY.search(time.text)) and not _VAGUE.search(time.text))


def weekday_of(time: TimeRef) -> int | None:
    """The weekday (0 Monday) a time expression names by itself ("Friday", "Thursday night"), or None."""
    match = _WEEKDAY.match(time.text.strip())
    return WEEKDAYS[match.group("day").lower()] if match else None


def extract_dated(doc: Doc, times: Sequence[TimeRef], mentions: Sequence[Mention], referent) -> tuple[DatedAction, ...]:
    """The dated actions of one parsed article (see the module doc).

    ``referent``: the :class:`.coref.Referent` a pronoun token stands for, or None (nlp.figures' lazy
    pronoun resolver, shared so that an article's coreference is built at most once)."""
    out = []
    starts = sorted((m.start, m.end) for m in mentions)
    for n, time in enumerate(times):
        if time.event_start is not None or not (calendar_date(time) or weekday_of(time) is not None):
            continue
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or not len(span) or (span.end < len(doc) and doc[span.end].lower_ in _DECADE_ENDINGS):
            continue  # "in the 1930 's", tokenised apart: a decade
        verb = _verb_dated(span.root)
        if verb is None or verb.lemma_.lower() in LIGHT_VERBS or _clause_between(doc, verb, span):
            continue
        passive = _passive(verb)
        subject = _subject(verb, through=("conj",), climb=3)  # or the subject of the verb it is joined to
        if passive:
            patient = subject
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        else:
            agent = subject
            patient = next((c for c in verb.children if c.dep_ in _OBJECTS), None)
        if agent is None and patient is None:
            continue
        agent_at, agent_word = _participant(agent, starts, referent)
        patient_at, patient_word = _participant(patient, starts, referent)
        sentence = verb.sent
        first = min(t.i for t in (verb, span.root, *(x for x in (agent, patient) if x is not None)))
        last = max(t.i for t in (verb, span.root, *(x for x in (agent, patient) if x is not None)))
        first, last = max(first, sentence.start), min(last, sentence.end - 1)
        start = min(doc[first].idx, time.start)
        end = max(doc[last].idx + len(doc[last]), time.end)
        out.append(DatedAction(
            time=n, verb=_lemma(verb), start=start, end=end,
            negated=any(c.dep_ == "neg" for c in verb.children),
            agent=agent_at, agent_word=agent_word, patient=patient_at, patient_word=patient_word))
    return tuple(out)


def _lemma(verb: Token) -> str:
    """A verb's lemma with its particles: "push back" ("Rubio pushed back on those claims Thursday") is not "push"
    ("he pushed in 2013" for a bill, PolNeAR), nor "turn down" "turn"."""
    return " ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in _PARTICLE_ADVERBS))])


# Adverbs that make a phrasal verb right after it, where the parse calls them adverbs, not particles ("pushed back
# on those claims": "back" an advmod in en_core_web_sm).
_PARTICLE_ADVERBS = frozenset({"back", "out", "off", "up", "down", "away", "over"})


def _verb_dated(root: Token) -> Token | None:
    """The verb a date's head hangs from, directly or through a preposition of when; None for another head."""
    if root.dep_ == "compound" and root.head.lower_ in PARTS_OF_DAY:
        root = root.head  # "on Thursday night", the weekday a modifier of the part of the day
    head = root.head
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _WHEN_PREPOSITIONS:
        head = head.head
    elif root.dep_ not in ("npadvmod", "nmod", "obl"):
        return None
    return head if head.pos_ == "VERB" and head is not root else None


def _clause_between(doc: Doc, verb: Token, span) -> bool:
    """Whether another clause's verb stands between a verb and the date the parse hangs from it: the date is
    then likely that clause's ("served a reduced sentence ... in return for cooperating with prosecutors
    investigating the June 17 , 1972 Watergate break - in", where the parse may give the date to "served")."""
    low, high = (verb.i + 1, span.start) if verb.i < span.start else (span.end, verb.i)
    return any(t.pos_ == "VERB" and t.dep_ in _CLAUSE_DEPS for t in doc[low:high])


def _passive(verb: Token) -> bool:
    """Whether a verb is passive, or a participle joined to a passive one that lends it its subject ("Gigante was
    arrested and charged in 1990": charged, passive)."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in _SUBJECTS for c in verb.children) \
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.head.children)


def _participant(token: Token | None, starts: Sequence[tuple[int, int]], referent) -> tuple[int | None, str | None]:
    """A participant as the start of the name it is (or a pronoun stands for), else its head word's lemma."""
    if token is None:
        return None, None
    for a, b in starts:
        if a <= token.idx < b:
            return a, None
        if a > token.idx:
            break
    if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
        found = referent(token)
        if found is not None and found.mention is not None:
            return found.mention, None
        return None, None  # a pronoun no one is found for: unknown, not a word to compare
    return None, token.lemma_.lower()
