"""Time expressions in a parsed article: spaCy's DATE and TIME entities and a few words it leaves
out, each resolved (:mod:`.resolve`) in the direction the sentence points."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import partial

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...types import TimeRef
from .resolve import (FUTURE, FUTURE_VERBS, MONTHS, NEAREST, PARTS_OF_DAY, PAST, REF_WORDS, WEEKDAYS, _SPOKEN_YEAR,
                      resolve)


def extract_times(doc: Doc, source: str, published: str | None, body: tuple[int, int]) -> tuple[TimeRef, ...]:
    """Find and resolve the time expressions of one parsed article."""
    dct = publication_day(published)
    spans = [e for e in doc.ents if e.label_ in ("DATE", "TIME") and body[0] <= e.start_char < body[1]]
    # A bare number that cannot be a year is an age, a count or a model ("Smith, 44,", "the 80486
    # chip"), not a date; nor are ages and sums spaCy tags as dates ("the age of 56", "99 cents").
    spans = [s for s in spans if not _not_a_date(s.text)]
    taken = {t.i for s in spans for t in s}
    for token in doc:
        if token.i in taken or not (body[0] <= token.idx < body[1]):
            continue
        word = token.lower_
        if word == "now" and token.pos_ == "ADV" and not (token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "that"):
            spans.append(doc[token.i:token.i + 1])
        elif (word in WEEKDAYS and token.text[:1].isupper() and (len(word) > 4 or _abbreviated(token))
              or word in ("today", "yesterday", "tomorrow", "tonight")) \
                and token.ent_type_ not in _NOT_TIME_ENTITIES:
            # spaCy leaves some out ("read Wednesday night", "``Today, I'm here''")
            end = token.i + 1
            if end < len(doc) and doc[end].lower_ in PARTS_OF_DAY and end not in taken:
                end += 1
            spans.append(doc[token.i:end])
            taken.update(range(token.i, end))
        elif word in ("nineteen", "twenty") and (match := _SPOKEN_YEAR.match(doc[token.i:token.i + 4].text.lower())):
            span = doc.char_span(token.idx, token.idx + match.end(), alignment_mode="expand")
            if span is not None and not any(t.i in taken for t in span):
                spans.append(span)  # "in nineteen ninety-six", which spaCy leaves out
                taken.update(t.i for t in span)
        elif word in ("thanksgiving", "christmas") and token.text[:1].isupper():  # spaCy's EVENT, a day here
            end = token.i + 2 if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "day" else token.i + 1
            spans.append(doc[token.i:end])
            taken.update(range(token.i, end))
        elif word == "weekend" and token.i > 0 and doc[token.i - 1].lower_ == "the" and token.i - 1 not in taken:
            spans.append(doc[token.i - 1:token.i + 1])
        elif word in REF_WORDS and token.pos_ in ("ADV", "ADJ"):
            spans.append(doc[token.i:token.i + 1])
        elif word in ("future", "past") and token.i > 0 and doc[token.i - 1].lower_ == "the" \
                and token.pos_ in ("NOUN", "ADJ") and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN"):
            spans.append(doc[token.i - 1:token.i + 1])
    out = []
    text = doc.text  # (Doc.text joins the whole text again at each call)
    ref = partial(_time_ref, doc, text, source)  # ref(start, end, kind, value)
    context: dict[str, str] = {}
    spans = [part for span in spans for part in _period_and_end(span)]
    for span in sorted(spans, key=lambda s: s.start):
        ends = _range_ends(span, dct, context)
        if ends:  # "from Sept. 14 to Thursday": two dates, each resolved on its own
            out += [ref(part.start_char, part.end_char, kind, value) for part, kind, value in ends]
            continue
        if span.end < len(doc) and doc[span.end].lower_ in ("ended", "ending") \
                and _FISCAL_YEAR.fullmatch(span.text.lower()):
            # "for the year ended March 31": a year-long period (TimeML: a DURATION), not the current year
            out.append(ref(span.start_char, span.end_char, "DURATION", "P1Y"))
            continue
        kind, value = resolve(span.text, dct, _direction(span), context)
        if value is None and kind is not None and dct is not None and len(span) > 1:
            inner = _resolvable_part(span, dct, context)
            if inner is not None:  # "the day Friday", "d'etat last year", "seven a year ago": the date in it
                span, kind, value = inner
        if value is None and kind is not None:
            parts = _parts(span.text)
            if parts:  # "between 1994 and 1997", "the six months ended Oct. 1": each date on its own
                for a, b in parts:
                    sub_kind, sub_value = resolve(span.text[a:b], dct, _direction(span), context)
                    if sub_kind is not None:
                        out.append(ref(span.start_char + a, span.start_char + b, sub_kind, sub_value))
                continue
        if kind is None:
            continue
        if value and re.fullmatch(r"\d{4}-Q[1-4]", value) and not re.search(r"year[- ](?:ago|earlier)", span.text.lower()):
            context["quarter"] = value  # the period under report, not the comparison with a year before
        if _calendar_date(kind, value):
            context["last"] = value
        out.append(ref(span.start_char, span.end_char, kind, value))
    return tuple(out)


# Dependencies by which a time expression modifies a noun: "Hamas' Oct. 7 attack" (nmod), "Tuesday's
# meeting" (poss), "the 2016 election" (nummod), "the Monday deadline" (compound).
_NOUN_MODIFIERS = frozenset({"nmod", "poss", "nummod", "compound", "amod", "npadvmod"})
# Nouns that are part of the time itself, not what happened then ("Wednesday evening", "4 a.m. EDT",
# "Easter week", "Tuesday nights").
_TIME_NOUNS = frozenset("""
morning mornings afternoon afternoons evening evenings night nights day days week weeks weekend weekends
month months year years decade decades century centuries quarter quarters season seasons time times
edt est cdt cst mdt mst pdt pst gmt bst utc et ct pt
""".split())


def _time_ref(doc: Doc, text: str, source: str, start: int, end: int, kind: str, value: str | None) -> TimeRef:
    """The time expression at ``text[start:end]``, with the noun phrase it dates where it modifies a noun
    (see TimeRef)."""
    time = TimeRef(source=source, text=text[start:end], start=start, end=end, value=value, type=kind)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return time
    if _planned(span):
        time = replace(time, planned=True)
    root = span.root
    head = root.head
    if (root.dep_ not in _NOUN_MODIFIERS or head.pos_ not in ("NOUN", "PROPN") or span.start <= head.i < span.end
            or head.ent_type_ in ("DATE", "TIME") or head.lower_ in _TIME_NOUNS):
        return time
    first = doc[head.left_edge.i].idx
    phrase = text[first:doc[head.right_edge.i].idx + len(doc[head.right_edge.i])].rstrip(" ,;:-—–")
    return replace(time, event_start=first, event_end=first + len(phrase))


# Auxiliaries that put a verb in the future ("will meet", "'ll sign"; "wo" of "won't"), as `_tense` reads them; a
# plan (`_planned`) is also what "would" do, and the curly "’ll".
_WILL = frozenset({"will", "'ll", "shall", "wo"})
_FUTURE_AUXILIARIES = _WILL | {"would", "’ll"}


def _planned(span: SpacySpan) -> bool:
    """Whether a time expression hangs from a verb, directly or through its preposition, that is an infinitive
    or follows "will" (see TimeRef.planned)."""
    head = span.root.head
    if head.dep_ == "prep" and head.head is not head:  # "on Thursday": the verb of the preposition
        head = head.head
    if head.pos_ != "VERB" or span.start <= head.i < span.end:
        return False
    return any(c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in _FUTURE_AUXILIARIES) for c in head.children)


_PLAUSIBLE_YEAR = re.compile(r"1[0-9]\d\d|20\d\d")
_NOT_A_DATE = re.compile(r"\b(?:age|aged|cents?|dollars?)\b|\$")


def _not_a_date(text: str) -> bool:
    text = text.strip()
    return (text.isdecimal() and not _PLAUSIBLE_YEAR.fullmatch(text)) or bool(_NOT_A_DATE.search(text.lower()))


def _abbreviated(token: Token) -> bool:
    """A weekday written short is one only with its full stop ("Sun." but not Sun Microsystems)."""
    return token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "." or token.text.endswith(".")


def _period_and_end(span: SpacySpan) -> list[SpacySpan]:
    """ "its fourth quarter ended Sept. 30" is two expressions: the period, and the day it ended."""
    for token in span[1:-1]:
        if token.lower_ in ("ended", "ending"):
            before, after = span[:token.i - span.start], span[token.i - span.start + 1:]
            if any(t.is_alpha for t in before) and (any(t.like_num for t in after)
                                                     or after.text.lower() in ("today", "tomorrow", "yesterday")):
                return [before, after]
    return [span]


_CALENDAR_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _calendar_date(kind: str | None, value: str | None) -> bool:
    """Whether a resolved expression is a DATE on the calendar: a year, a month or a day."""
    return kind == "DATE" and value is not None and _CALENDAR_VALUE.fullmatch(value) is not None


_FISCAL_YEAR = re.compile(r"(?:(?:the|its|their|fiscal)\s+)*year")
_RANGE_WORDS = frozenset({"to", "through", "until", "till"})


def _range_ends(span: SpacySpan, dct: date | None, context: dict[str, str]):
    """The two ends of a range spaCy found as one expression ("Sept. 14 to Thursday", "from today
    through Nov. 17"), when each end resolves to a date of its own; else None."""
    for token in span[1:-1]:
        if token.lower_ not in _RANGE_WORDS:
            continue
        first, second = span[:token.i - span.start], span[token.i - span.start + 1:]
        if first and first[0].lower_ == "from":
            first = first[1:]
        found = []
        for part in (first, second):
            kind, value = resolve(part.text, dct, _direction(part), context) if part else (None, None)
            if not _calendar_date(kind, value):
                return None
            found.append((part, kind, value))
        return found
    return None


def _resolvable_part(span: SpacySpan, dct: date, context: dict[str, str]):
    """The longest run of the span's tokens, from either end, that resolves to a value."""
    n = len(span)
    for size in range(n - 1, 0, -1):
        for part in (span[n - size:], span[:size]):
            text = part.text.strip()
            if re.fullmatch(r"\d{1,3}|\W*", text):
                continue
            kind, value = resolve(text, dct, _direction(part), context)
            if value is not None:
                return part, kind, value
    return None


# Entities whose words are no time of their own ("USA Today", "Super Tuesday" stays a date).
_NOT_TIME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "PERSON", "FAC", "PRODUCT", "GPE", "LOC", "NORP"})
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_PART = re.compile(rf"\b(?:(?:{_MONTH_NAMES})\.?(?: \d{{1,2}}(?:st|nd|rd|th)?)?(?:,? \d{{4}})?|\d{{4}})\b", re.IGNORECASE)


def _parts(text: str) -> list[tuple[int, int]]:
    """The separate dates inside one expression spaCy found as a whole ("1991 to 1997")."""
    found = [(m.start(), m.end()) for m in _PART.finditer(text)]
    return found if len(found) >= 2 or (found and re.search(r"\b(ended|ending|through)\b", text, re.I)) else []


def publication_day(published: str | None) -> date | None:
    """The day of an ISO 8601 publication date or time ("2024-03-04", "2024-03-04T10:35:00Z"), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


# ------------------------------------------------------------------ direction
def _direction(span: SpacySpan) -> str:
    """Which way a relative date points: from the tense of the verb it hangs from."""
    words = {t.lower_ for t in span}
    if words & {"last", "past", "previous", "ago", "yesterday", "earlier"}:
        return PAST
    if words & {"next", "coming", "tomorrow", "following", "later"}:
        return FUTURE
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if before[-1:] in (["until"], ["till"], ["effective"], ["by"]) or before[-3:] == ["as", "soon", "as"]:
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and any(c.lower_ == "had" for c in verb.children if c.dep_ in ("aux", "auxpass")):
            return PAST  # "Until Thursday, they had not called him a suspect"
        return FUTURE  # "postponed until Tuesday", "effective Feb. 1", "as soon as Tuesday"
    head = span.root
    seen, limit = 0, 6
    while head.dep_ != "ROOT" and seen < limit:
        head = head.head
        seen += 1
        if head.pos_ in ("VERB", "AUX") and head.dep_ == "prep":
            # a participle that is a preposition: the tense is the verb's it hangs from, two words further ("has
            # won eight of the last nine contests, including the Wyoming caucuses on Saturday": "won", PolNeAR)
            limit += 2
            continue
        if head.pos_ in ("VERB", "AUX"):
            return _tense(head)
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("pobj", "npadvmod"):
            return NEAREST
    return _tense(head) if head.pos_ in ("VERB", "AUX") else NEAREST


def _tense(verb: Token) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_words = {a.lower_ for a in auxes}
    if aux_words & _WILL:
        return FUTURE
    if aux_words & {"would", "could", "might", "may", "should", "must"} and verb.tag_ == "VB":
        return NEAREST
    for ancestor in [verb, *verb.ancestors][:4]:
        if ancestor.lemma_.lower() in FUTURE_VERBS and ancestor is not verb and verb.tag_ == "VB":
            return FUTURE
        if ancestor is not verb and ancestor.pos_ in ("VERB", "AUX"):
            break
    if verb.lemma_.lower() in ("be",) and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children):
        return FUTURE  # "is to meet"
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" \
            and verb.head.tag_ in ("VBZ", "VBP"):
        return FUTURE  # "is to resume trading in Paris Tuesday"
    if verb.tag_ == "VBD" or aux_words & {"had", "has", "have", "did", "was", "were"}:
        return PAST
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and not auxes and verb.head.pos_ in ("VERB", "AUX"):
        return _tense(verb.head)  # "began hearing the case Sept. 22": the tense of "began"
    if verb.tag_ == "VBN" and verb.dep_ == "acl":
        return PAST  # "the temporary injunction issued Thursday"
    if verb.tag_ == "VBN" and aux_words & {"was", "were", "been"}:
        return PAST
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in FUTURE_VERBS:
        return FUTURE
    if verb.tag_ == "VB" and verb.dep_ == "acl" and "to" in aux_words:
        return FUTURE  # "announced an agreement to acquire the company in January"
    return NEAREST
