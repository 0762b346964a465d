"""The records the quote reader passes between its rules, before they become :class:`~storyline.types.Quote`.

They hold spaCy tokens, so they never leave :mod:`storyline.nlp.quotes`: :func:`reader.extract_quotes`
turns each :class:`Attribution` into a ``Quote`` of character spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from spacy.tokens import Token

from ..quotemarks import QuoteSpan

# Who the words name as the speaker: a token (a name's head, a pronoun to resolve, a noun whose phrase
# describes them) or a (start, end) character span of the text ("Rep. Elijah E. Cummings (D-Md.)").
Subject = Token | tuple[int, int]
# A (start, end) character span of the text.
Content = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Found:
    """What a cue rule found for a quote: the cue (a verb, "according", a noun of speech; None for a
    label such as "WALLACE:") and the words that name its speaker (None when the cue has none)."""

    cue: Token | None
    speaker: Subject | None


@dataclass(frozen=True, slots=True)
class Attribution:
    """One quote or report of speech, as found in the parse.

    Attributes:
        start, end: the content: the words inside the quote marks, or the reported clause.
        kind: "direct" or "indirect".
        cue: the token that cues it, or None.
        speaker: the words that name who says it, or None.
        quote: the quote-mark pair of a direct quote (None for indirect speech).
        rule: the name of the rule that found the cue or the speaker (see :mod:`storyline.nlp.quotes`).
    """

    start: int
    end: int
    kind: str
    cue: Token | None
    speaker: Subject | None
    quote: QuoteSpan | None
    rule: str

    def goes_on(self, quote: QuoteSpan, rule: str) -> Attribution:
        """A direct quote said by the same speaker with the same cue as this one."""
        return Attribution(quote.start, quote.end, "direct", self.cue, self.speaker, quote, rule)
