"""Quoted words no one says: titles, scare quotes and markup.

A quote with a speaker is kept unless it is a title named as one; a quote with no speaker only when
it is long enough to be speech (:data:`MAX_UNATTRIBUTED_WORDS`).
"""

from __future__ import annotations

from ..quotemarks import QuoteSpan
from .context import Context
from .labels import WORDS
from .lexicon import TITLE_CONTEXT

# Quoted words with no speaker are reported only when longer than this: shorter ones are mostly
# scare quotes. Measured with benchmarks/eval_quotes.py on PolNeAR dev: keeping them all gives
# direct P/R/F1 94.1/94.5/94.3; dropping those of up to 3 words 96.0/93.8/94.9; up to 5, 94.7.
MAX_UNATTRIBUTED_WORDS = 3
# ... and when they are not a title ("Fox News Sunday", "Contract with America").
MAX_TITLE_WORDS = 8
# ... and a name of at most this many words, each capitalised or a figure, after a title's context.
SHORT_TITLE_WORDS = 3


def title_words(words: list[str]) -> int:
    """For the words of a quote written as a title ("Face the Nation", “A Change Is Gonna Come”):
    how many longer words it has; 0 for any other quote."""
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
    return len(long_words) if title_case and len(words) <= MAX_TITLE_WORDS else 0


def is_speech(ctx: Context, quote: QuoteSpan) -> bool:
    """Whether quoted words with no speaker found are still worth reporting as a quote.

    Short ones with no speaker are scare quotes ("the “sex tape” reference") or titles
    (“Fox News Sunday”); an attribute value (author="...") is markup.
    """
    words = WORDS.findall(ctx.text, quote.start, quote.end)
    if not words or is_markup(ctx, quote) or title_words(words):
        return False
    return len(words) > MAX_UNATTRIBUTED_WORDS


def is_named_title(ctx: Context, quote: QuoteSpan) -> bool:
    """A title named as one, whoever the sentence's speaker: 'on CBS's "Face the Nation,"',
    'the anthem "A Change Is Gonna Come,"', 'his book, "Make Your Kid a Millionaire"', or markup."""
    if is_markup(ctx, quote):
        return True
    text = ctx.text
    words = text[quote.start:quote.end].split()
    # Two longer words in Title Case, or a short name all in capitals and figures ('MSNBC’s
    # “Morning Joe”', 'her new documentary “13th.”', 'preview clip of ‘The 411.’')
    if title_words(WORDS.findall(text, quote.start, quote.end)) < 2 and not (
            len(words) <= SHORT_TITLE_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words)):
        return False
    before = ctx.token_at(quote.open_mark, forward=False)
    after = ctx.token_at(quote.close_mark, forward=True)
    if len(words) <= SHORT_TITLE_WORDS and after is not None and after.pos_ == "NOUN" \
            and text[quote.start:quote.end].rstrip()[-1:].isalnum() \
            and (before is None or before.pos_ not in ("VERB", "AUX")):
        # a name that modifies the noun after it: 'a cowboy hat and “Ted Cruz” campaign pins'
        # (but 'Trump cited "Obama-Clinton" policies' quotes him)
        return True
    if before is not None and before.text == ",":
        before = ctx.token_at(before.idx, forward=False)
    if before is None:
        return False
    if before.lower_ in TITLE_CONTEXT or before.tag_ == "POS":
        return True
    # A short capitalised name used as part of a noun phrase: 'a “Commander-in-Chief Forum”
    # sponsored by NBC', 'his “Keepin' It Real” radio program', 'Del. Marcia “Cia” Price'
    return len(words) <= SHORT_TITLE_WORDS and before.tag_ in ("DT", "PRP$", "JJ", "NNP") \
        and before.sent == (ctx.token_at(quote.close_mark, forward=True) or before).sent


def is_markup(ctx: Context, quote: QuoteSpan) -> bool:
    """An attribute value (tweet-date="..."): quoted words that no one says."""
    return ctx.text[quote.open_mark - 1:quote.open_mark] == "="
