"""Quotes with no cue of their own: who goes on speaking, and nouns of speech with their owner.

In news a quote with no cue of its own usually goes on with someone already named: the speaker of
the paragraph (:func:`previous_in_paragraph`), of the quote it continues (:func:`continues`), of the
paragraph before (:func:`previous_paragraph`) or the subject of the sentence before
(:func:`previous_subject`). A noun of speech can name its speaker too (:func:`owned_speech`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...vocabulary import PLURAL_PRONOUNS, PRONOUN_GENDER
from ..quotemarks import QuoteSpan
from .context import Context, line_before, only
from .lexicon import SPEECH_NOUNS, SPEECH_VERBS, lemma
from .records import Attribution, Found
from .speakers import person_subject_of

# A quote with no cue continues the previous one when at most this many characters of
# non-quoted text lie between them (room for '," Kirby said. "').
CONTINUATION_GAP = 80
# A quote line may open with a phrase of time or place of at most this many words before its quote mark ("Later
# in the afternoon ,"): set by hand from that ECB+ 8_7ecb line (four words).
MAX_OPENING_WORDS = 5


def previous_in_paragraph(ctx: Context, quote: QuoteSpan, previous: Attribution | None,
                          indirect: list[Attribution]) -> Attribution | None:
    """The latest attribution with a speaker earlier in the same paragraph, if any.

    In news a quote with no cue of its own, in a paragraph that has already named who is
    speaking ('..., Schiff said. "The other factor ..."'), goes on with that speaker.
    """
    line_start = ctx.line_start(quote.open_mark)
    # (not one reported in a relative clause: '... said Murphy, using a term Rubio has used to
    # describe Donald Trump, on a call. “...”' goes on with Murphy)
    candidates = [r for r in indirect if line_start <= r.start and r.end <= quote.open_mark
                  and r.speaker is not None and not ctx.relative_before(r.cue, quote)]
    if previous is not None and previous.speaker is not None and line_start <= previous.start:
        candidates.append(previous)
    return max(candidates, key=lambda r: r.end) if candidates else None


def previous_paragraph(ctx: Context, quote: QuoteSpan, records: list[Attribution],
                       indirect: list[Attribution]) -> Attribution | None:
    """The last attribution of the paragraph before, for a paragraph that is one quote and nothing else.

    'Then, in 2017, Kerry said that 100,000 would be accepted.⏎⏎"That adds up to 185,000 ..."':
    a paragraph of quoted words with no cue goes on with whoever spoke last.
    """
    text = ctx.text
    line_start = ctx.line_start(quote.open_mark)
    line_end = ctx.line_end(quote.close_mark)
    if text[line_start:quote.open_mark].strip() or not only(text[quote.close_mark + 1:line_end], ".,\"'”’"):
        return None
    previous_start, previous_end = line_before(text, line_start)
    if previous_end == 0:
        return None
    candidates = [r for r in (*records, *indirect)
                  if r.speaker is not None and previous_start <= r.start and r.end <= previous_end]
    # (of two ending together, the one whose cue comes last speaks last: 'they were told by police to
    # stay inside, she said')
    return max(candidates, key=lambda r: (r.end, r.cue.i if r.cue is not None else -1)) if candidates else None


def continues(ctx: Context, previous: Attribution, quote: QuoteSpan) -> bool:
    """Whether a quote goes on from the quote before it: '"...," Kirby said. "..."', or a quote running
    over several paragraphs."""
    prev_quote = previous.quote
    if prev_quote is None:
        return False
    gap = ctx.text[prev_quote.close_mark:quote.open_mark]
    if prev_quote.continued:  # (the run goes on in the line right after, not in any later quote)
        return not gap.strip()
    if "\n" in gap.strip():
        return False
    cue = previous.cue
    # Only the previous quote's own cue may sit between the two parts: the second part
    # opens right after the sentence that holds that cue ('"...," Kirby said. "..."').
    if cue is not None and prev_quote.close_mark <= cue.idx < quote.open_mark:
        return len(gap) <= CONTINUATION_GAP or cue.sent.end_char + 2 >= quote.open_mark
    if isinstance(previous.speaker, tuple):  # a labelled speaker ("― Jorge Falcon")
        return False
    return len(gap.strip()) <= 2


def previous_subject(ctx: Context, quote: QuoteSpan) -> Token | None:
    """The person a cue-less quote sentence goes on from, in the same paragraph.

    News often names a speaker and what they did, then quotes them in a sentence of its own
    ('..., Lawrence B. Cummings, called him a master at ... "He showed again and again ..."').
    Only a person (a PERSON name, or a pronoun for one) who is the subject of the sentence just
    before counts.
    """
    opening = _after_opening(ctx, quote)
    before = ctx.token_at(opening, forward=False)
    if before is None or before.text not in (".", "!", "?"):
        return None
    gap = ctx.text[before.idx:opening]
    if "\n" in gap:
        # a paragraph that is one quote and nothing else, right after a paragraph whose last sentence has a
        # person for its subject and speaks: 'Mr. Pigeon also commended police ...⏎"They managed to stop
        # any further loss of life."' (ECB+ 18_6ecb); not 'Gantz is meeting officials ...⏎"We're not ..."'
        # A person the sentence before introduces (named there for the first time) counts as well, whatever the
        # verb: 'T.J. Simons , 17 , who works at the 76 station ... , also heard the blast .⏎`` At first I
        # thought it was thunder ... ' (ECB+ 8_7ecb): news brings a new voice in, then quotes it.
        text = ctx.text
        line_end = ctx.line_end(quote.close_mark)
        if gap.count("\n") > 2 or text[ctx.line_start(quote.open_mark):opening].strip() or \
                not only(text[quote.close_mark + 1:line_end], ".,\"'”’"):
            return None
        subject = person_subject_of(ctx, before.sent)
        if lemma(before.sent.root) in SPEECH_VERBS or (subject is not None and _introduced(ctx, subject)):
            return subject
        return None
    return person_subject_of(ctx, before.sent)


def _after_opening(ctx: Context, quote: QuoteSpan) -> int:
    """Where a quote's line opens, past a short phrase of time or place set off by a comma before the quote
    ('Later in the afternoon , `` I went back to my computer ... \'\'', ECB+ 8_7ecb): the quote mark itself when
    there is none. The phrase has no verb and at most MAX_OPENING_WORDS words."""
    line_start = ctx.line_start(quote.open_mark)
    prefix = ctx.text[line_start:quote.open_mark]
    if not prefix.strip() or not prefix.rstrip().endswith(","):
        return quote.open_mark
    first = ctx.token_at(line_start, forward=True)
    last = ctx.token_at(quote.open_mark, forward=False)
    if first is None or last is None or first.i > last.i:
        return quote.open_mark
    words = [t for t in ctx.doc[first.i:last.i + 1] if not t.is_punct]
    if len(words) > MAX_OPENING_WORDS or any(t.pos_ in ("VERB", "AUX", "PROPN", "PRON") for t in words):
        return quote.open_mark
    return line_start


def _introduced(ctx: Context, person: Token) -> bool:
    """Whether a sentence brings a new voice in: a name (not a pronoun) the article's body has not written
    before, set off by a comma for who they are ("T.J. Simons , 17 , who works at ..."; not the lead's "Benny
    Gantz is meeting with high-level officials", whose next line quotes someone else)."""
    if person.ent_type_ != "PERSON" and person.text not in ctx.people:
        return False
    if person.i + 1 >= len(person.doc) or person.doc[person.i + 1].text != ",":
        return False
    name = person.text
    before = ctx.text[ctx.body[0]:person.sent.start_char]
    return name[:1].isupper() and not re.search(rf"\b{re.escape(name)}\b", before)


def owned_speech(ctx: Context, quote: QuoteSpan) -> Found | None:
    """(noun, owner) of a noun of speech whose owner is named right before the quote ('her remark
    that “...”', "Obama's word:") or right after it ('"...," in Bolton's view')."""
    doc = ctx.doc
    before = ctx.token_at(quote.open_mark, forward=False)
    after = ctx.token_at(quote.close_mark, forward=True)
    nouns = []
    if before is not None:  # (only "that", "of" or a colon or comma between the noun and the quote)
        k = before.i
        while k > before.sent.start and doc[k].lower_ in ("that", "of", ":", ","):
            k -= 1
        nouns.append(doc[k])
    if after is not None:  # ('"...," in Bolton's view': "in" or "by" heads the noun)
        nouns += [t for t in doc[after.i:min(after.sent.end, after.i + 12)]
                  if t.head.lower_ in ("in", "by") and t.head.i < t.i]
    for noun in nouns:
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS or ctx.inside_quote(noun):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss" and not ctx.inside_quote(c)
                  and (c.pos_ == "PROPN" or c.lower_ in PRONOUN_GENDER or c.lower_ in PLURAL_PRONOUNS)]
        if owners and owners[0].idx >= ctx.body[0]:
            return Found(noun, owners[0])
    return None
