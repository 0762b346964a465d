"""Find quoted passages by pairing quotation marks, robust to the marks real news gets wrong.

Works on the raw text, before any parse, and never gives up on a document: an odd or
mismatched mark costs at most the quote it belongs to.

- straight and curly double marks, ``''`` and ``````, guillemets;
- the direction of an ambiguous ``"`` is read from its neighbours (a mark after a
  letter and before a space closes; one after a space and before a letter opens);
- a quote left open at the end of a paragraph closes there, and is marked
  ``continued`` when the next paragraph opens with a quotation mark (the newspaper
  convention for quotes that run over several paragraphs);
- a closing double mark with no opener pairs with a stray single opener before it
  (``the 'immense scale of suffering"``);
- single-quote pairs outside double quotes are quotes too (headlines, British style),
  but an apostrophe (``don't``, ``the candidates' plans``, ``Gantz' request``) is not a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import QUOTE_CHARACTERS, char_class

OPEN, CLOSE, EITHER = "open", "close", "either"
# Longest stretch a single-quote pair may span: single quotes quote words or a phrase.
MAX_SINGLE_QUOTE_CHARS = 300
_MARK = re.compile(rf"'''|''|``|{char_class(QUOTE_CHARACTERS)}")
# (white space includes the no-break and thin spaces of web pages: 'said,\xa0"...')
_SPACES = frozenset(" \t\n\r\xa0\u2009\u202f")
_OPENERS_BEFORE = set("([{—–-/:;,") | _SPACES | {""}
_CLOSERS_AFTER = set(")]}.,;:!?—–-/") | _SPACES | {""}
# An English clitic split off as a token of its own ("Felt 's", "we 're", "I 've"): an apostrophe, not a mark.
_CLITIC = re.compile(r"(?:s|t|re|ve|ll|d|m)(?![\w'’])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted passage: ``start``/``end`` bound the words inside the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark (== start when the quote had none)
    close_mark: int  # offset just after the closing mark (== end when it had none)
    continued: bool = False  # the quote goes on in the next paragraph
    repaired: bool = False  # the marks were mismatched or missing and the span was recovered


@dataclass(frozen=True, slots=True)
class _Mark:
    start: int
    end: int
    double: bool
    direction: str


def find_quotes(text: str) -> list[QuoteSpan]:
    """Return the quoted passages of a text in order."""
    doubles, singles = _marks(text)
    quotes = _pair_doubles(text, doubles, singles)
    quotes += _pair_singles(text, singles, quotes)
    quotes = [q for q in quotes if text[q.start:q.end].strip()]
    return sorted(quotes, key=lambda q: q.start)


def _marks(text: str) -> tuple[list[_Mark], list[_Mark]]:
    doubles, singles = [], []
    for m in _MARK.finditer(text):
        mark = m.group()
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if mark == "'''":  # a single quote nested at the edge of a double one (NYT style)
            if _direction(before, after) == OPEN:
                doubles.append(_Mark(m.start(), m.start() + 2, True, OPEN))
                singles.append(_Mark(m.start() + 2, m.end(), False, OPEN))
            else:
                singles.append(_Mark(m.start(), m.start() + 1, False, CLOSE))
                doubles.append(_Mark(m.start() + 1, m.end(), True, CLOSE))
        elif mark == "“":
            # an opening mark typed as a closer: “It's unusual,“ said Larry Noble; “the best in the world“ and
            closes = (before in (".", ",", "!", "?") or before.isalnum()) and (after in _SPACES or after == "")
            doubles.append(_Mark(m.start(), m.end(), True, CLOSE if closes else OPEN))
        elif mark in ("«", "„", "``"):
            doubles.append(_Mark(m.start(), m.end(), True, OPEN))
        elif mark in ("”", "»"):
            # a closing mark typed as an opener: ”Mr. Trump embodies ...” at a paragraph start
            opens = before in ("", "\n") and after.isalnum()
            doubles.append(_Mark(m.start(), m.end(), True, OPEN if opens else CLOSE))
        elif mark in ('"', "''"):
            doubles.append(_Mark(m.start(), m.end(), True, _direction(before, after)))
        elif mark == "‘":
            singles.append(_Mark(m.start(), m.end(), False, OPEN))
        else:  # ' or ’: a quotation mark only where it is not an apostrophe
            if before.isalnum() and after.isalnum():
                continue  # don't, Gantz’s
            if _CLITIC.match(text, m.end()):
                continue  # text rebuilt from tokens: "Felt 's name", "do n't" written "do n 't"
            if before in _OPENERS_BEFORE and after.isalnum():
                singles.append(_Mark(m.start(), m.end(), False, OPEN))
            elif (before.isalnum() or before in ".,!?") and after in _CLOSERS_AFTER:
                singles.append(_Mark(m.start(), m.end(), False, CLOSE))
            elif before in _SPACES and after in _SPACES and _char_before_spaces(text, m.start()) in (",", ".", "!", "?"):
                # text rebuilt from tokens puts spaces around a closing mark: "... sorry for him , ' she said"
                singles.append(_Mark(m.start(), m.end(), False, CLOSE))
    return doubles, singles


def _char_before_spaces(text: str, pos: int) -> str:
    """The last character before ``pos`` that is not white space ("" where there is none)."""
    while pos and text[pos - 1] in _SPACES:
        pos -= 1
    return text[pos - 1] if pos else ""


def _direction(before: str, after: str) -> str:
    opens = before in _OPENERS_BEFORE and after not in _SPACES and after != ""
    closes = after in _CLOSERS_AFTER and before not in _SPACES and before != ""
    if opens and not closes:
        return OPEN
    if closes and not opens:
        return CLOSE
    return EITHER


def paragraph_end(text: str, pos: int) -> int:
    """The end of the line (paragraph) holding ``pos``."""
    end = text.find("\n", pos)
    return len(text) if end == -1 else end


def rstrip_at(text: str, start: int, end: int) -> int:
    """``end`` moved back over the white space that ends ``text[start:end]``."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _pair_doubles(text: str, doubles: list[_Mark], singles: list[_Mark]) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    opened: _Mark | None = None
    last_end = 0
    for mark in doubles:
        if opened is not None:
            para_end = paragraph_end(text, opened.end)
            if mark.start > para_end:
                # Left open at the end of its paragraph: it closes there; it goes on when
                # this mark opens the next paragraph.
                continues = mark.direction != CLOSE and not text[para_end:mark.start].strip()
                quotes.append(QuoteSpan(opened.end, rstrip_at(text, opened.end, para_end), opened.start,
                                        para_end, continued=continues, repaired=not continues))
                last_end = para_end
                opened = None
        if opened is None:
            if mark.direction != CLOSE:
                opened = mark
                continue
            # A closing mark with nothing open: a stray single opener may have begun it.
            opener = next((s for s in reversed(singles) if last_end <= s.start < mark.start
                           and s.direction == OPEN and "\n" not in text[s.end:mark.start]), None)
            if opener is not None:
                quotes.append(QuoteSpan(opener.end, mark.start, opener.start, mark.end, repaired=True))
                last_end = mark.end
            elif text[_line_start(text, mark.start):mark.start].strip() and _continues_previous(quotes, text, mark):
                # "... text" closing a quote whose opener was lost: recover to the paragraph start.
                start = _line_start(text, mark.start)
                quotes.append(QuoteSpan(start, mark.start, start, mark.end, repaired=True))
                last_end = mark.end
            continue
        if mark.direction == OPEN and mark.start > opened.end and text[mark.start:mark.end] == "``" and \
                _char_before_spaces(text, mark.start) in (",", ".", "!", "?") and \
                "\n" not in text[opened.end:mark.start]:
            # An opening mark typed as a closer, in the paragraph the open quote began: "`` ... an anchor again ,
            # `` Jonathan Wright ... said" (ECB+ 30_12ecb)
            quotes.append(QuoteSpan(opened.end, rstrip_at(text, opened.end, mark.start), opened.start, mark.end,
                                    repaired=True))
            last_end = mark.end
            opened = None
            continue
        if mark.direction == OPEN and mark.start > opened.end:
            # A new opener while one is open: the first lost its closing mark. Close it at the
            # last sentence end before the new one.
            cut = _last_sentence_end(text, opened.end, mark.start)
            quotes.append(QuoteSpan(opened.end, cut, opened.start, cut, repaired=True))
            opened = mark
            continue
        quotes.append(QuoteSpan(opened.end, mark.start, opened.start, mark.end))
        last_end = mark.end
        opened = None
    if opened is not None:
        para_end = paragraph_end(text, opened.end)
        quotes.append(QuoteSpan(opened.end, rstrip_at(text, opened.end, para_end), opened.start, para_end,
                                repaired=True))
    return quotes


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _continues_previous(quotes: list[QuoteSpan], text: str, mark: _Mark) -> bool:
    """A paragraph that ends a quote without opening it, after a paragraph left open."""
    return bool(quotes) and quotes[-1].continued is False and quotes[-1].repaired and \
        quotes[-1].close_mark <= _line_start(text, mark.start)


def _last_sentence_end(text: str, start: int, end: int) -> int:
    best = None
    for m in re.finditer(r"[.!?](?=\s)", text[start:end]):
        best = start + m.end()
    return best if best is not None else rstrip_at(text, start, end)


def _pair_singles(text: str, singles: list[_Mark], quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quote pairs that lie outside every double-quoted passage."""
    taken = [(q.open_mark, q.close_mark) for q in quotes]

    def free(mark: _Mark) -> bool:
        return not any(a <= mark.start < b for a, b in taken)

    out = []
    marks = [s for s in singles if free(s)]
    i = 0
    while i < len(marks):
        mark = marks[i]
        if mark.direction != OPEN:
            i += 1
            continue
        close = None
        for j in range(i + 1, len(marks)):
            other = marks[j]
            if other.start - mark.end > MAX_SINGLE_QUOTE_CHARS or "\n" in text[mark.end:other.start]:
                break
            if other.direction == CLOSE and not _possessive(text, other):
                close = j
                break
        if close is None:
            i += 1
            continue
        other = marks[close]
        out.append(QuoteSpan(mark.end, other.start, mark.start, other.end))
        i = close + 1
    return out


def _possessive(text: str, mark: _Mark) -> bool:
    """``the candidates' plans``: an apostrophe after a plural, before a lower-case word."""
    before = text[mark.start - 1] if mark.start else ""
    rest = text[mark.end:mark.end + 2]
    return before in "sSzZ" and len(rest) == 2 and rest[0] == " " and rest[1].islower()
