"""Quotes that run over several lines whose closing mark was read as an opener.

Text rebuilt from tokens (ECB+, PTB-style ``''``) or typed with straight marks puts a space on both
sides of a closing mark: '... the pirate boats broke off their attack , '' said an officer .'. A mark
between two spaces reads either way, so when the quote opened lines before (its opener was closed at
the end of its own line), :func:`storyline.nlp.quotemarks.find_quotes` takes the closing mark for a
new opener: the quote's last line is lost and "said an officer ." becomes a quote of its own.

:func:`join_run_ons` mends that: a quote left open at the end of its line, followed within
:data:`MAX_RUN_ON_LINES` lines by a line whose first quote mark comes after words that end a clause
(",", ".", "?", "!"), is one quote that runs to that mark. The lines between become quoted lines
marked ``continued``, as the newspaper convention marks a quote running over paragraphs, and the
span wrongly opened by the closing mark is dropped.

The same text with one sentence to a line cuts a paragraph that the convention reopens with a mark:
'A close friend ... said : "I can't believe it .⏎They all looked after each other ...⏎"John was a good kid
...' (ECB+ 32_1ecbplus). A quote left open at its line's end, followed by lines with no mark and then, within
:data:`MAX_RUN_ON_LINES` lines, by a line that opens with a mark and names no speaker ("said", "told"), runs
on through the lines between, and the reopened quote goes on with it (and with its speaker).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ...vocabulary import DOUBLE_QUOTES
from ..quotemarks import QuoteSpan, paragraph_end, rstrip_at

# A quote left open at a line's end is looked for as closing at most this many lines further on. Set
# on the ECB+ dev events of benchmarks/compare, where one sentence is one line and run-on quotes hold
# two or three sentences; a longer stretch with no mark is not a quote running on.
MAX_RUN_ON_LINES = 4
# Marks that may close a quote when written between spaces.
_CLOSING = re.compile(r"''|\"|”")
# Any quote mark (a line holding another mark before the closing one is not mended).
_ANY_MARK = re.compile("''|``|[" + re.escape(DOUBLE_QUOTES) + "«»„]")
# A line that reports speech itself ('..., police said .') is narration, or a quoted report, not a line of
# a run-on quote (a blog quoting a whole news item holds its own attributions).
_ATTRIBUTION = re.compile(r"\b(?:said|says|told|according to)\b")
# What the words before a closing mark end with.
_CLAUSE_END = (",", ".", "?", "!")


def join_run_ons(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """The quote spans, with each quote that runs over several lines mended (see the module's text)."""
    out: list[QuoteSpan] = []
    mended: list[tuple[int, int]] = []  # (from, to): where a mended quote's later lines lie, to its closing mark
    for span in spans:
        if any(a <= span.open_mark <= b for a, b in mended):
            continue  # the span the closing mark wrongly opened, or one recovered on the closing line
        run = _run_on(text, span)
        if run is None:
            out.append(span)
            continue
        parts, closing = run
        out.extend(parts)
        if closing is not None:
            mended.append((span.close_mark, closing))
    return out


def _run_on(text: str, span: QuoteSpan) -> tuple[list[QuoteSpan], int | None] | None:
    """The parts of a quote that runs on from ``span`` and the offset of the mark that closes it (None where
    it goes on in a line that reopens it), or None."""
    line_end = paragraph_end(text, span.start)
    if not span.repaired or span.continued or span.open_mark >= span.start or span.close_mark != line_end:
        return None
    if _ATTRIBUTION.search(text, span.start, line_end):
        return None
    parts = [replace(span, continued=True)]
    start = line_end + 1
    for _ in range(MAX_RUN_ON_LINES):
        if start >= len(text):
            return None
        end = paragraph_end(text, start)
        line = text[start:end]
        if not line.strip():
            return None
        first = _ANY_MARK.search(line)
        if first is None and _ATTRIBUTION.search(line):
            return None
        if first is None:  # a whole line of the quote
            parts.append(QuoteSpan(start, rstrip_at(text, start, end), start, end, continued=True, repaired=True))
            start = end + 1
            continue
        before = line[:first.start()].rstrip()
        if not before and len(parts) > 1:  # a line that opens with a mark after lines of the quote: the quote
            # goes on there, as a paragraph that reopens a quote (see the module's text); not where that line
            # is a quote with its own cue ('`` We acted in self-defence , \'\' said the Navy chief .'), after
            # lines that were narration
            return (parts, None) if not _ATTRIBUTION.search(line) else None
        if not _CLOSING.fullmatch(first.group()) or not before.endswith(_CLAUSE_END):
            return None
        mark = start + first.start()
        parts.append(QuoteSpan(start, start + len(before), start, mark + len(first.group()), repaired=True))
        return parts, mark
    return None
