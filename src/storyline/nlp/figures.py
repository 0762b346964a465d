"""Figures: the counts, tolls and amounts a journalist would put in a table, read from the parse.

A figure is a number with what it counts and what happened to it: "killed at least three people"
(killed, 3, "at least"), "Four people died" (killed, 4), "two women and one man died" (killed, 3),
"the death toll rose to four" (killed, 4), "No one was hurt" (injured, 0), "About 20 people were
wounded" (injured, 20, "about"), "a 61-year-old man" (age, 61), "5.9 on the Richter scale"
(magnitude, 5.9), "$ 137 million" (money). ``what`` names the happening in one word shared by its
synonyms (:data:`HAPPENINGS`), so that sources that word a toll differently land in one row of the
story's figures table (:mod:`storyline.story.figures`).

Say less: a number whose happening the parse does not show is no figure (a bare "3" is not a toll),
and neither is one in a sentence that dates itself to another time than the article's (background:
"In 2008 a similar attack killed seven").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import FigureRef, TimeRef
from ..vocabulary import NUMBER_LABELS
from .entities import number_value

# The happening a word reports, for the words that report tolls and counts (verbs, adjectives and
# nouns by lemma). "casualties" means deaths in most news use; "victims" too often means the injured
# as well, so it names nothing here.
HAPPENINGS = {
    "killed": {"kill", "die", "dead", "death", "fatality", "casualty", "murder", "slay", "perish", "toll"},
    "injured": {"injure", "injured", "injury", "wound", "wounded", "hurt"},
    "missing": {"missing", "disappear"},
    "arrested": {"arrest", "detain", "apprehend"},
    "evacuated": {"evacuate", "evacuee"},
    "rescued": {"rescue"},
    "displaced": {"displace", "homeless"},
    "charged": {"charge"},
}
_HAPPENING_OF = {lemma: what for what, lemmas in HAPPENINGS.items() for lemma in lemmas}
# Nouns that count people: a toll of "three people", "two women", "five officers" is a toll of people.
PEOPLE_NOUNS = frozenset("""
people person persons individual man men woman women child children boy girl adult baby teenager
civilian soldier officer policeman policemen trooper guard firefighter worker employee passenger tourist
resident student protester demonstrator rioter miner sailor crew crewman pilot patient victim bystander
customer member suspect gunman hostage climber pedestrian driver
""".split())
# Words before a number that qualify it, as written ("at least", "around"), and the qualifier they give.
QUALIFIERS = (
    ("at least", "at least"), ("no fewer than", "at least"), ("a minimum of", "at least"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("about", "about"), ("around", "about"), ("some", "about"), ("approximately", "about"),
    ("roughly", "about"), ("an estimated", "about"), ("nearly", "nearly"), ("almost", "nearly"),
    ("up to", "up to"), ("as many as", "up to"), ("fewer than", "fewer than"), ("less than", "fewer than"),
    ("under", "fewer than"),
)
_QUALIFIER = re.compile(r"^(?:" + "|".join(re.escape(w) for w, _ in QUALIFIERS) + r")\b", re.IGNORECASE)
_QUALIFIER_OF = dict(QUALIFIERS)
# "no one", "nobody", "none": a zero count of people.
_NOBODY = frozenset({"nobody", "none", "noone"})
_PERCENT = re.compile(r"per\s*cent|%", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])")
_AGE = re.compile(r"^(\d{1,3})\s*-\s*years?\s*-\s*old$|^aged?\s+(\d{1,3})$", re.IGNORECASE)
_RICHTER = re.compile(r"richter|magnitude", re.IGNORECASE)
# Words for an earthquake: "a 6.1 quake" gives its magnitude.
QUAKES = frozenset({"quake", "earthquake", "tremor", "temblor", "aftershock"})
# Units of time, distance, size and the clock: a number of these measures, it counts nothing that happened.
MEASURES = frozenset("""
p.m. a.m. p.m a.m pm am gmt hour minute second day week month year decade century time percent per cent
mile kilometre kilometer km metre meter foot feet inch yard acre hectare ton tonne pound kilogram kg gram
degree mph
""".split())
# Nouns of money, and the sign their figures are shown with.
CURRENCIES = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥", "yuan": "¥", "rupee": "₹"}
# The happening of a count of people or things that no word of HAPPENINGS names and no verb acts on
# ("four thieves", "three boats"): the story compares such counts only where two sources give them.
COUNT = "count"
# How far up the parse a number's happening may be (number -> noun -> verb -> ...).
MAX_CLIMB = 4
# A sentence dated this many days or more from the article's publication tells of another time.
BACKGROUND_DAYS = 60


def extract_figures(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
                    times: Sequence[TimeRef] = (), published: str | None = None) -> tuple[FigureRef, ...]:
    """The figures of an article (see the module doc) in ``region`` (its title and body).

    Args:
        doc: the parsed article.
        text: its text (``doc.text``, which spaCy rebuilds on every call).
        sentence_of: each token's sentence index (-1 outside the body's sentences, as in the title).
        region: the character span read.
        times: the article's resolved time expressions, to leave out figures of other times.
        published: the article's publication date (ISO), where known.
    """
    out: list[FigureRef] = []
    background = _background_sentences(doc, sentence_of, times, published)
    taken: set[int] = set()
    for ent in doc.ents:
        if not (region[0] <= ent.start_char and ent.end_char <= region[1]):
            continue
        sentence = sentence_of[ent.start]
        if sentence in background:
            continue
        if ent.start in taken:
            continue
        found = None
        if ent.label_ in NUMBER_LABELS:
            found = _count(doc, text, ent, sentence) if ent.label_ != "MONEY" else _money(text, ent, sentence)
        elif ent.label_ == "DATE":
            found = _age(text, ent, sentence)
        if found is not None:
            figure, tokens = found
            taken.update(tokens)
            out.append(figure)
    out += _nobody(doc, text, sentence_of, region, background)
    return tuple(sorted(out, key=lambda f: f.start))


def _count(doc: Doc, text: str, ent: SpacySpan, sentence: int) -> tuple[FigureRef, set[int]] | None:
    """A count of people or things with the happening it reports, or a quake's magnitude; and the tokens
    it takes (the parts of a sum, the other end of "three or four")."""
    value = number_value(_number_words(ent.text))
    if value is None or re.match(r"0\d", _number_words(ent.text).strip()):  # "000": a number cut by tokens
        return None
    qualifier = _qualifier(doc, ent)
    taken = set(range(ent.start, ent.end))
    if _magnitude(doc, ent) and 1 <= value < 10:
        return _figure(text, ent, ent, value, qualifier, "magnitude", None, sentence), taken
    # "three or four robbers": up to four
    for conj in ent.root.children:
        if conj.dep_ == "conj" and conj.pos_ == "NUM" and (other := number_value(conj.text)) is not None:
            if any(c.lower_ == "or" for c in ent.root.children if c.dep_ == "cc"):
                value, qualifier = max(value, other), "up to"
                taken.add(conj.i)
    counted = _counted(ent)
    if counted is None and ent.root.pos_ == "NOUN":  # "about 150 nautical miles": the entity holds its noun
        counted = ent.root
    if counted is not None and counted.lemma_.lower() in MEASURES:  # "6 p.m.", "two hours", "150 miles"
        return None
    if counted is not None and counted.lemma_.lower() in CURRENCIES:  # "85 million euros"
        return _figure(text, ent, doc[ent.start:counted.i + 1], value, qualifier, "money",
                       CURRENCIES[counted.lemma_.lower()], sentence), taken | {counted.i}
    members, total = [counted], value
    if counted is not None:
        # "12 Somali and 11 Yemeni pirates": the counts of one noun add up
        numbers = [c for c in counted.children if c.dep_ == "nummod" and c.i != ent.root.i and c.pos_ == "NUM"]
        if numbers and all(number_value(c.text) is not None for c in numbers) and \
                any(c.dep_ == "cc" for t in counted.children for c in t.children):
            total += sum(number_value(c.text) for c in numbers)
            taken.update(c.i for c in numbers)
        # "two women and one man died": the counts of a conjunction add up
        elif counted.dep_ in ("nsubj", "nsubjpass"):
            for conj in counted.conjuncts:
                nums = [c for c in conj.children if c.dep_ == "nummod"]
                if not nums or conj.i < counted.i or number_value(nums[0].text) is None:
                    members, total = [counted], value
                    break
                members.append(conj)
                total += number_value(nums[0].text)
                taken.update(range(nums[0].i, conj.i + 1))
    what = _happening(ent.root if counted is None else counted, counted)
    if what is None:
        what = _acted_on(counted if counted is not None else ent.root)
    if what is None and counted is None:
        return None  # a bare number whose happening the parse does not show
    unit = _unit(counted, len(members) > 1)
    last = members[-1] if members[-1] is not None else ent.root
    span_end = max(ent.end, last.i + 1, max(taken) + 1)
    return _figure(text, ent, doc[ent.start:span_end], total, qualifier, what or COUNT, unit, sentence), taken


def _acted_on(token: Token) -> str | None:
    """The verb a count is the object of ("captured 23 pirates", "23 pirates were captured"), by its lemma:
    the happening of a count no toll word names."""
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB":
        return token.head.lemma_.lower()
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return None
    return None


def _counted(ent: SpacySpan) -> Token | None:
    """The noun a number counts ("three people"), or None where the number stands alone ("Three killed")."""
    root = ent.root
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        counted = root.head
        while counted.dep_ == "compound" and counted.head.pos_ == "NOUN":  # "three bank workers"
            counted = counted.head
        return counted
    return None


def _magnitude(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number is a quake's magnitude: "magnitude 6.1", "6.1-magnitude", "5.9 on the Richter scale",
    "a 6.1 quake" (a number with a decimal point before a word for a quake)."""
    near = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]] + [t.lower_ for t in doc[ent.end:ent.end + 4]]
    if ent.root.head.lower_ == "magnitude" or any(_RICHTER.search(w) for w in near):
        return True
    return "." in ent.text and ent.root.dep_ == "nummod" and ent.root.head.lemma_.lower() in QUAKES


def _happening(start: Token, counted: Token | None) -> str | None:
    """What happened to what a number counts: the first toll word up the parse from it (its verb, an
    adjective beside it, or the noun itself: "four deaths", "the death toll rose to four")."""
    if counted is not None and (what := _word_happening(counted)) is not None:
        return what
    for child in start.children:  # "3 dead", "20 injured"
        if child.dep_ in ("amod", "acl", "relcl") and (what := _word_happening(child)) is not None:
            return what
    token = start
    for _ in range(MAX_CLIMB):
        head = token.head
        if head is token:
            break
        if token.dep_ in ("conj",) and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            token = head
            continue
        if (what := _word_happening(head)) is not None and token.dep_ in (
                "nsubj", "nsubjpass", "dobj", "attr", "pobj", "acl", "npadvmod", "nummod", "appos", "ROOT"):
            if head.lemma_.lower() == "toll" or head.pos_ != "NOUN" or token.dep_ in ("nummod", "pobj"):
                return what
        if head.pos_ == "VERB" and head.lemma_.lower() in ("rise", "climb", "reach", "stand", "increase", "jump"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (what := _word_happening(subject)) is not None:
                return what  # "the death toll rose to four"
        if head.pos_ == "VERB" and _word_happening(head) is None and token.dep_ not in ("pobj", "prep"):
            break
        token = head
    return None


def _word_happening(token: Token) -> str | None:
    what = _HAPPENING_OF.get(token.lemma_.lower()) or _HAPPENING_OF.get(token.lower_)
    if what is None and token.lemma_.lower() == "toll":
        compound = [c for c in token.children if c.dep_ in ("compound", "amod")]
        if any(_HAPPENING_OF.get(c.lemma_.lower()) == "killed" for c in compound) or not compound:
            return "killed"
    if what == "killed" and token.lemma_.lower() == "toll":
        return "killed"
    return what


def _unit(counted: Token | None, summed: bool) -> str | None:
    """What is counted: the noun's lemma ("pirate"), "people" for a sum of people ("two women and one man"),
    None for a number alone ("Three killed"). The story decides which nouns count people."""
    if summed:
        return "people"
    return None if counted is None else counted.lemma_.lower()


def _qualifier(doc: Doc, ent: SpacySpan) -> str | None:
    """"at least", "about" ...: inside the number's entity ("at least three") or just before it."""
    for text in (ent.text, doc[max(0, ent.start - 3):ent.end].text):
        for start in range(len(text)):
            if start and text[start - 1] != " ":
                continue
            m = _QUALIFIER.match(text[start:])
            if m and start + m.end() <= len(text) and _number_words(text[start + m.end():]).strip():
                return _QUALIFIER_OF[m.group().lower()]
        if ent.start == 0:
            break
    return None


def _number_words(text: str) -> str:
    """A number's text without its qualifier ("at least three" -> "three")."""
    m = _QUALIFIER.match(text.strip())
    return text.strip()[m.end():] if m else text


def _money(text: str, ent: SpacySpan, sentence: int) -> tuple[FigureRef, set[int]] | None:
    value = number_value(_number_words(ent.text))
    if value is None or _PERCENT.search(ent.text):  # "4 per cent", which spaCy sometimes calls money
        return None
    lower = ent.text.lower()
    currency = next((sign for word, sign in CURRENCIES.items() if sign in ent.text or word in lower), None)
    return _figure(text, ent, ent, value, _qualifier(ent.doc, ent), "money", currency, sentence), set(
        range(ent.start, ent.end))


def _age(text: str, ent: SpacySpan, sentence: int) -> tuple[FigureRef, set[int]] | None:
    """"a 61-year-old man", "aged 35": an age, counted for the person it describes."""
    m = _AGE.match(ent.text.strip())
    if m is None:
        return None
    value = float(m.group(1) or m.group(2))
    return _figure(text, ent, ent, value, None, "age", None, sentence), set(range(ent.start, ent.end))


def _nobody(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
            background: set[int]) -> list[FigureRef]:
    """Zero counts: "No one was hurt", "nobody was killed", "there were no casualties"."""
    out = []
    for token in doc:
        if not (region[0] <= token.idx < region[1]) or sentence_of[token.i] in background:
            continue
        zero = None
        if token.lower_ in _NOBODY or (token.lower_ == "one" and token.i and doc[token.i - 1].lower_ == "no"):
            zero = doc[token.i - 1] if token.lower_ == "one" else token
            what = _word_happening(token.head) if token.dep_ in ("nsubj", "nsubjpass") else None
        elif token.lower_ == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN":
            zero = token
            what = _word_happening(token.head)
        else:
            continue
        if what is None:
            continue
        end = max(token.i, token.head.i) + 1
        span = doc[zero.i:end]
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], 0.0, None, what,
                             "people", sentence_of[token.i], zero.idx, token.idx + len(token)))
    return out


def _figure(text: str, ent: SpacySpan, span: SpacySpan, value: float, qualifier: str | None, what: str,
            unit: str | None, sentence: int) -> FigureRef:
    start, end = min(span.start_char, ent.start_char), max(span.end_char, ent.end_char)
    return FigureRef(start, end, text[start:end], float(value), qualifier, what, unit, sentence,
                     ent.start_char, ent.end_char)


def _background_sentences(doc: Doc, sentence_of: Sequence[int], times: Sequence[TimeRef],
                          published: str | None) -> set[int]:
    """Sentences that date themselves away from the article's publication: what they count is background."""
    if not published:
        return set()
    from datetime import date

    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return set()
    out = set()
    starts = {t.idx: t.i for t in doc}
    for time in times:
        value = time.value or ""
        if time.type != "DATE" or not (m := _DATE_VALUE.match(value)):
            continue
        year, month, day_of = (int(g) if g else None for g in m.groups())
        if day_of is not None:
            try:
                far = abs((date(year, month, day_of) - day).days) >= BACKGROUND_DAYS
            except ValueError:
                far = False
        elif month is not None:
            far = abs((year * 12 + month) - (day.year * 12 + day.month)) * 30 >= BACKGROUND_DAYS
        else:  # a year, or a week, quarter or season of one
            far = year != day.year
        token = starts.get(time.start)
        if far and token is not None and sentence_of[token] >= 0:
            out.add(sentence_of[token])
    return out
