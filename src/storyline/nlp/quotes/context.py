"""What every rule of the quote reader reads: one article's parse, its quotes, its people.

A :class:`Context` is made once per article (and once more for its headline) and handed to each rule;
it answers the questions all of them ask ("is this token inside a quote?", "the token after this
closing mark") and holds the one piece of state the rules share, :attr:`Context.relatives`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from spacy.tokens import Doc, Span as SpacySpan, Token

from ...types import Mention
from ..coref import Resolver, people_by_surname
from ..quotemarks import QuoteSpan, find_quotes
from ...vocabulary import QUOTE_TOKENS
from .records import Found
from .runon import join_run_ons

_SENTENCE_END = re.compile(r"[.!?]['\"”’]*\s")
# A sentence this short after a quote that closed its own sentence may still be its cue
# ('"We will win." He smiled and said it again.').
SHORT_CUE_SENTENCE = 8


class Context:
    """One parsed article as the quote rules see it.

    Attributes:
        doc, text: the parse and its text.
        source: the article's id.
        mentions: its entity mentions; ``sentence_of``: the sentence number of each token.
        body: (start, end) of the part read: the article's body, or its headline.
        spans: the quote-mark pairs that open inside ``body`` (quotes running over lines mended, see
            :mod:`.runon`); ``quoted``: their (start, end).
        resolver: resolves pronouns (:mod:`storyline.nlp.coref`).
        person_named: surname -> the person's first mention; ``people``: those surnames.
        relatives: antecedent token -> the relative pronoun a cue's clause has ("..., said Mike Lee,
            who declared ..."), noted while speakers are found and read when they are named.
    """

    def __init__(self, doc: Doc, source: str, mentions: tuple[Mention, ...], sentence_of: list[int],
                 body: tuple[int, int]) -> None:
        self.doc = doc
        self.text = doc.text
        self.source = source
        self.mentions = mentions
        self.sentence_of = sentence_of
        self.body = body
        self.person_named = people_by_surname(mentions)
        self.people = self.person_named.keys()
        self.spans = [q for q in join_run_ons(self.text, find_quotes(self.text)) if body[0] <= q.start < body[1]]
        self.quoted = [(q.start, q.end) for q in self.spans]
        self.starts = [t.idx for t in doc]
        self.resolver = Resolver(doc, mentions, sentence_of, self.quoted)
        self.relatives: dict[int, Token] = {}

    def tokens(self, start: int, end: int) -> SpacySpan | None:
        """The tokens that cover ``text[start:end]``, or None."""
        return self.doc.char_span(start, end, alignment_mode="expand")

    def inside_quote(self, token: Token) -> bool:
        """Whether a token lies inside one of the quotes."""
        return any(a <= token.idx < b for a, b in self.quoted)

    def token_at(self, offset: int, forward: bool) -> Token | None:
        """The first token at or after ``offset`` (or the last one before it) that is not a quote mark."""
        i = bisect_left(self.starts, offset)
        step = 1 if forward else -1
        i = i if forward else i - 1
        while 0 <= i < len(self.doc):
            token = self.doc[i]
            if not (token.is_space or token.is_quote or token.text in QUOTE_TOKENS):
                return token
            i += step
        return None

    def sentences(self, start: int, end: int) -> list[SpacySpan]:
        """The sentences of the first and the last token of ``text[start:end]``."""
        span = self.tokens(start, end)
        if span is None:
            return []
        sents = []
        for token in (span[0], span[-1]):
            sent = token.sent
            if sent not in sents:
                sents.append(sent)
        return sents

    def quoted_share(self, start: int, end: int) -> float:
        """The share of ``text[start:end]`` inside quote marks."""
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in self.quoted)
        return covered / max(1, end - start)

    def after_quote(self, verb: Token) -> bool:
        """Whether a verb follows a closing quote mark with nothing but a comma between ('"...," said X'):
        what it reports is that quote."""
        ends = [b for a, b in self.quoted if b <= verb.idx]
        return bool(ends) and only(self.text[max(ends):verb.idx], ",\"'”’")

    def relative_before(self, token: Token, quote: QuoteSpan) -> bool:
        """Whether a verb lies in a relative clause of a sentence that ended before the quote opened
        ('said Murphy, using a term Rubio has used to describe Donald Trump, on a call. “...”')."""
        return token.idx < quote.open_mark and any(a.dep_ == "relcl" for a in (token, *token.ancestors)) \
            and _SENTENCE_END.search(self.text, token.idx, quote.open_mark) is not None

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts."""
        return self.text.rfind("\n", 0, offset) + 1

    def line_end(self, offset: int) -> int:
        """Where the line holding ``offset`` ends (the text's end for its last line)."""
        end = self.text.find("\n", offset)
        return len(self.text) if end == -1 else end


class QuoteView:
    """What the cue rules read about one direct quote, worked out once.

    Attributes:
        quote: the quote-mark pair.
        inner: the tokens inside it (None when no token lies there); ``inside``: their indices.
        next_word: the first word after the closing mark, past a comma ('"...," said X': "said").
        comma: whether the quote ends in a comma, inside its marks or right after them.
        asked: whether it ends in "?" or "!".
        line_start: where the quote's line starts.
        fallback: a lesser cue the quoted words hang from (a verb of belief, a thing that "says"),
            set by :func:`cues.governing_verb` for :func:`cues.lesser_governing_verb`.
    """

    def __init__(self, ctx: Context, quote: QuoteSpan) -> None:
        self.ctx = ctx
        self.quote = quote
        self.inner = ctx.tokens(quote.start, quote.end)
        self.inside = {t.i for t in self.inner} if self.inner is not None else set()
        words = ctx.text[quote.start:quote.end].rstrip()
        self.comma = words.endswith(",")
        self.asked = words.endswith(("?", "!"))
        after = ctx.token_at(quote.close_mark, forward=True)
        if after is not None and after.text == "," and after.i + 1 < len(ctx.doc):
            after, self.comma = ctx.token_at(after.idx + 1, forward=True), True
        self.next_word = after
        self.line_start = ctx.line_start(quote.open_mark)
        self.fallback: Found | None = None

    @cached_property
    def announced(self) -> Token | None:
        """The word before a comma or colon that opens the quote ('When someone shouted, “Cruz,”': "shouted").

        None when the quoted words run on from the word before them ('Nothing the president said “will
        assuage people's fears,” the Florida senator said': "said" announces nothing)."""
        before = self.ctx.token_at(self.quote.open_mark, forward=False)
        if before is not None and before.text in (",", ":"):
            return self.ctx.token_at(before.idx, forward=False)
        return None

    @cached_property
    def sentences(self) -> list[SpacySpan]:
        """The quote's sentences, with the sentence it runs into ('"...," Mr. Obama said') and the one
        that announces it ('He said:')."""
        ctx, quote, text = self.ctx, self.quote, self.ctx.text
        sents = ctx.sentences(quote.open_mark, quote.close_mark)
        after = ctx.token_at(quote.close_mark, forward=True)
        # The sentence after the quote names its speaker only when the quote runs into it
        # ('"...," Mr. Obama said'), not when the quote closed its own sentence ('... possible."').
        closed = text[quote.start:quote.end].rstrip().endswith(".")
        if after is not None and "\n" not in text[quote.close_mark:after.idx] and after.sent not in sents \
                and (not closed or len(after.sent) <= SHORT_CUE_SENTENCE):
            sents.append(after.sent)
        before = ctx.token_at(quote.open_mark, forward=False)
        if before is not None and before.sent not in sents:
            gap = text[before.idx + len(before):quote.open_mark]
            if before.text == ":" or (before.text == "," and "\n" not in gap):
                sents.append(before.sent)
        return sents


def only(text: str, marks: str) -> bool:
    """Whether ``text`` holds nothing but white space (no-break spaces too) and ``marks``."""
    return not text.strip().strip(marks).strip()


def space_after(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not white space."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def line_before(text: str, line_start: int) -> tuple[int, int]:
    """(start, end) of the last line with text before the line that starts at ``line_start``."""
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end) + 1, end
