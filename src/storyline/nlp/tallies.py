"""Tallies: a side's record ("Wladimir Klitschko ( 52-3 , 46 KOs )", "Cheeks is 122-147") and a game's final
score ("beat Evansville 91-73", "its 91-73 drubbing of Evansville", "An 88-72 road loss to the Cavaliers"), read
as one figure for each number, given to the side it belongs to.

A record gives its holder's wins, losses and draws, in that order ("Hasim Rahman ( 45-7-2 )"); a score gives
the winner the higher number and the loser the lower. Each figure spans the whole tally (its number's own
span is ``number_start``/``number_end``) and carries the side's name as ``person``, which the story resolves to a
cast member (or keeps as written: a team the recogniser does not tag). Say less: only these shapes are read.

- a record right after its holder's name, in brackets or between commas ("Rahman , 45-7-2 ,"), or after a verb
  of being or standing ("Cheeks is 122-147", "The 76ers have opened 9-14", "improved to 52-3");
- a score before a noun of winning or losing ("victory", "drubbing", "loss", "setback": the other side is
  the noun's "over", "against", "of", "to", "at" or "by"), or after a verb of beating and the beaten side
  ("beat Evansville 91-73").

A tally followed by any other noun is a range ("10-20 years", "a 24-30 foot boat"), and partial scores (a lead,
a run, "outscored ... 22-10 the rest of the half") are no final score: none of them is read. Numbers written
in words, and four-digit years ("1974-78"), are no tally either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from ..types import FigureRef

# What each number of a record is, in order.
RECORD_PARTS = ("wins", "losses", "draws")
# The figure each side of a final score gets.
POINTS = "points"
# Nouns of a game won, before which a tally is its final score, the winner first ("its 91-73 drubbing of
# Evansville"); and of a game lost ("An 88-72 road loss to the Cavaliers"), the loser being the noun's holder.
WIN_NOUNS = frozenset("victory win drubbing rout triumph thrashing blowout".split())
LOSS_NOUNS = frozenset("loss defeat setback".split())
# Verbs of beating, after which the beaten side and the final score come ("beat Evansville 91-73").
BEAT_VERBS = frozenset("beat defeat edge rout top down trounce thrash crush".split())
# Words between a record and its holder that make it the holder's ("Cheeks is 122-147", "opened 9-14").
RECORD_VERBS = frozenset("is was are were be been stands stood at to opened open improved fell dropped".split())
# Words of the state of a game, and verbs that change it: a tally after them is a game's, at some moment ("tied
# with the Bulldogs at 12 - 12", "stretched the Creighton lead to 50 - 44"), not a side's record.
GAME_STATE = frozenset("lead deficit game run margin score advantage gap halftime half".split())
GAME_VERBS = frozenset("tie cut trim stretch extend narrow push pull close".split())
# Nouns that make a tally a record ("a disappointing 9-14 start", "a mark of 122-147"), and words that may follow a
# record ("Cheeks is 284-286 lifetime").
RECORD_NOUNS = frozenset("record mark start".split())
RECORD_TAILS = frozenset("lifetime overall career".split())
# Prepositions that introduce the other side of a game a noun names.
OTHER_SIDE = frozenset("over against of to at by".split())
_TALLY = re.compile(r"^\d{1,3}$")
# How many heads up the parse a tally's side may be the subject of: the three the tallies were written and checked
# with (ECB+ dev events, and the unseen sports subtopics read by eye). The figures' four takes more sides from a
# clause above the score's (a player given his team's points, ECB+ 25_11ecbplus, in no gold set).
SUBJECT_CLIMB = 3
# How many tokens a score's noun may follow its tally ("88-72 road loss": one word between).
MAX_NOUN_GAP = 2


def extract_tallies(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int]) -> list[FigureRef]:
    """The records and final scores of an article's ``region`` (see the module doc)."""
    out: list[FigureRef] = []
    for first, last, numbers in _tallies(doc, region):
        sentence = sentence_of[first.i]
        start, end = first.idx, last.idx + len(last)
        tally = text[start:end]
        values = [float(n.text) for n in numbers]
        noun = _score_noun(doc, last.i)
        after = _next_word(doc, last.i)
        record = _record_noun(doc, first, last)
        if record is not None:  # "a disappointing 9-14 start", "compiled a mark of 122-147"
            holder = _name(next((c for c in record.children if c.dep_ == "poss"), None)) or _name(_subject_of(record))
            if holder is not None:
                for what, number, value in zip(RECORD_PARTS, numbers, values):
                    out.append(_figure(text, start, end, tally, value, what, sentence, number, holder))
            continue
        if noun is None and after is not None and after.pos_ == "NOUN" and after.lower_ not in RECORD_TAILS:
            continue  # "10-20 men": a range of something counted, or a tally of another kind
        sides = _score_sides(doc, first, last, noun) if len(numbers) == 2 else None
        if sides is not None:
            winner, loser = sides
            for side, value in ((winner, max(values)), (loser, min(values))):
                if side is not None:
                    number = numbers[values.index(value)]
                    out.append(_figure(text, start, end, tally, value, POINTS, sentence, number, side))
            continue
        holder = _record_holder(doc, first)
        if holder is None or noun is not None:
            continue
        for what, number, value in zip(RECORD_PARTS, numbers, values):
            out.append(_figure(text, start, end, tally, value, what, sentence, number, holder))
    return out


def _record_noun(doc: Doc, first: Token, last: Token) -> Token | None:
    """The noun that says a tally is a record: right after it ("a 9-14 start", "a 162-139 record"), or before its
    "of" ("a mark of 122-147"); None for any other tally."""
    after = _next_word(doc, last.i)
    if after is not None and after.lower_ in RECORD_NOUNS:
        return after
    if first.i >= 2 and doc[first.i - 1].lower_ == "of" and doc[first.i - 2].lower_ in RECORD_NOUNS:
        return doc[first.i - 2]
    return None


def _figure(text: str, start: int, end: int, tally: str, value: float, what: str, sentence: int, number: Token,
            side: tuple[int, int]) -> FigureRef:
    return FigureRef(start, end, tally, value, None, what, None, sentence, number.idx, number.idx + len(number),
                     person=side)


def _tallies(doc: Doc, region: tuple[int, int]) -> Iterator[tuple[Token, Token, list[Token]]]:
    """Each tally of the region: (its first token, its last, its numbers), as "52 - 3" or "45 - 7 - 2"; a hyphen
    between two numbers written without spaces, as most texts write a score ("52-3", which spaCy splits)."""
    i = 0
    while i < len(doc):
        token = doc[i]
        if not (region[0] <= token.idx < region[1]) or not _TALLY.match(token.text):
            i += 1
            continue
        numbers = [token]
        j = i
        while j + 2 < len(doc) and doc[j + 1].text == "-" and _TALLY.match(doc[j + 2].text) and len(numbers) < 3:
            numbers.append(doc[j + 2])
            j += 2
        if len(numbers) >= 2 and not _in_range_of(doc, i, j):
            yield token, doc[j], numbers
        i = j + 1


def _in_range_of(doc: Doc, first: int, last: int) -> bool:
    """Whether the numbers are a range or a sum rather than a tally: "$ 140-150 million", "from 1979-90", "ages
    18-25", "between 3-5"; or part of a longer number or date ("1-800-555", "11-10-2011")."""
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and (before.text in ("$", "£", "€", "-", "/") or before.lower_ in (
            "from", "between", "ages", "aged", "age", "of", "about", "some", "around")):
        # (but "a mark of 122-147" is a record: see _record_noun)
        return not (before.lower_ == "of" and first >= 2 and doc[first - 2].lower_ in RECORD_NOUNS)
    return after is not None and (after.text in ("-", "/", "%") or after.lower_ in (
        "million", "billion", "percent", "per", "years", "year", "months", "days", "hours", "minutes", "feet",
        "foot", "metres", "meters", "miles", "pounds"))


def _next_word(doc: Doc, i: int) -> Token | None:
    return doc[i + 1] if i + 1 < len(doc) and not doc[i + 1].is_punct else None


def _score_noun(doc: Doc, last: int) -> Token | None:
    """The noun of a game won or lost just after a tally ("91-73 drubbing", "88-72 road loss"), or None."""
    for token in doc[last + 1:last + 2 + MAX_NOUN_GAP]:
        if token.is_punct:
            return None
        if token.lower_ in WIN_NOUNS | LOSS_NOUNS:
            return token
    return None


def _score_sides(doc: Doc, first: Token, last: Token, noun: Token | None
                 ) -> tuple[tuple[int, int] | None, tuple[int, int] | None] | None:
    """(winner, loser) of a final score, each the span of a side's name or None where no name shows it; None
    where the tally is no final score."""
    if noun is not None:
        other = next((_name(c) for p in noun.children if p.lower_ in OTHER_SIDE and p.dep_ == "prep"
                      for c in p.children if c.dep_ == "pobj"), None)
        holder = next((_name(c) for c in noun.children if c.dep_ == "poss"), None) or _name(_subject_of(noun))
        return (holder, other) if noun.lower_ in WIN_NOUNS else (other, holder)
    before = [t for t in doc[max(0, first.i - 6):first.i] if not t.is_punct]
    verb = next((t for t in reversed(before) if t.pos_ == "VERB" and t.lemma_.lower() in BEAT_VERBS), None)
    if verb is None:
        return None
    beaten = [t for t in doc[verb.i + 1:first.i] if t.pos_ == "PROPN"]
    if not beaten or any(t.pos_ not in ("PROPN", "DET") and t.text != "," for t in doc[verb.i + 1:first.i]):
        return None  # "beat them by 18 in a 91-73 game": no side right before the score
    winner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if winner is None and verb.i > 0 and verb.nbor(-1).pos_ == "PROPN":
        winner = verb.nbor(-1)  # "help top-ranked North Carolina beat Evansville 91-73": the name just before
    return _name(_antecedent(winner)), (doc[beaten[0].i].idx, doc[beaten[-1].i].idx + len(doc[beaten[-1].i]))


def _subject_of(token: Token) -> Token | None:
    """The subject of the verb a token belongs to (the token itself when it is the verb), a relative pronoun
    taken back to the name it stands for ("North Florida , who beat Furman")."""
    from .figures import _subject  # (imported here: the figures module imports this one)

    subject = _subject(token, through=None, climb=SUBJECT_CLIMB)
    return _antecedent(subject) if subject is not None else None


def _antecedent(token: Token | None) -> Token | None:
    """A relative pronoun's noun ("who" of "North Florida , who beat ..."); any other token itself."""
    if token is not None and token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _name(token: Token | None) -> tuple[int, int] | None:
    """The span of the name a phrase holds ("North Carolina Central", "No. 8 Tennessee": its last run of proper
    nouns; "76ers", a name the tagger took for a noun), or None for a pronoun, a common noun or a day
    ("Friday 's 88-72 setback")."""
    if token is None or token.pos_ == "PRON" or token.ent_type_ in ("DATE", "TIME"):
        return None
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if token.pos_ == "NOUN" and named is not None:  # "A Philadelphia fixture who ... , Cheeks , is 122-147"
        token = named
    # the phrase's own words: not a conjunct's ("Winstom-Salem and Texas Southern"), nor a clause's or a
    # preposition's; of a common noun, only the words before it ("Cheeks record as an NBA head coach")
    own = _own_words(token)
    proper = [t for t in own if t.pos_ == "PROPN" and t.i <= token.i + 3 and (token.pos_ == "PROPN" or t.i < token.i)]
    if proper and not (token.text[:1].isdigit() and token.text[-1:].isalpha()):
        last = proper[-1]
        first = last
        while first.i > 0 and first.nbor(-1).pos_ == "PROPN":
            first = first.nbor(-1)
        return first.idx, last.idx + len(last)
    if (token.text[:1].isdigit() and token.text[-1:].isalpha()) or (  # "76ers", "the Sixers ( 9-14 )": a team
            token.pos_ == "NOUN" and token.text[:1].isupper() and token.i > token.sent.start):  # the tagger missed
        first = token
        while first.i > 0 and first.nbor(-1).pos_ == "PROPN":  # "Philadelphia 76ers"
            first = first.nbor(-1)
        return first.idx, token.idx + len(token)
    return None


# Children whose words are no part of a name's phrase.
_NOT_OWN = frozenset({"conj", "cc", "relcl", "acl", "prep", "appos", "punct", "advcl"})


def _own_words(token: Token) -> list[Token]:
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in _NOT_OWN)
    return sorted(out, key=lambda t: t.i)


def _record_holder(doc: Doc, first: Token) -> tuple[int, int] | None:
    """The side a record belongs to (see the module doc), as a name's span, or None."""
    i = first.i - 1
    if i >= 0 and doc[i].text in ("(", ","):
        j = i - 1
        if j >= 0 and (doc[j].pos_ == "PROPN" or doc[j].text[:1].isdigit() and doc[j].text[-1:].isalpha()
                       or doc[j].pos_ == "NOUN" and doc[j].text[:1].isupper()):
            return _name(doc[j])
        return None
    if i >= 0 and doc[i].lower_ in RECORD_VERBS:
        verb = doc[i] if doc[i].pos_ in ("AUX", "VERB") else doc[i].head
        between = doc[min(verb.i, first.i):first.i]
        if any(c.dep_ == "dobj" for c in verb.children) or verb.lemma_.lower() in GAME_VERBS or \
                any(t.lemma_.lower() in GAME_STATE for t in between):
            return None  # "stretched the lead to 50-44", "tied the game at 24-24": the state of a game, no record
        subject = _subject_of(doc[i]) if doc[i].pos_ in ("AUX", "VERB") else _subject_of(doc[i].head)
        if subject is not None and subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
            subject = subject.head.head
        return _name(subject)
    return None
