"""The quote reader's run over one article: reported speech first, then each direct quote in turn, then
:class:`~storyline.types.Quote` records in text order."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...types import Mention, Quote
from ..quotemarks import QuoteSpan
from .context import Context, QuoteView
from .continuation import continues, owned_speech, previous_in_paragraph, previous_paragraph, previous_subject
from .cues import cue_for_quote
from .indirect import indirect_speech
from .labels import not_speech, transcript_line
from .names import speaker_of
from .records import Attribution
from .titles import is_named_title, is_speech

# The rules of a direct quote no cue rule attributes, or whose speaker comes from the quote before.
GOING_ON_RULES = ("transcript_line", "same_paragraph", "owned_speech", "continued_quote", "previous_paragraph",
                  "previous_subject", "shared_cue", "closing_part", "unattributed")
# The rules of a quote that found no cue of its own: a part of a quote running over several lines takes
# the cue of the part that closes it instead ('"The sailors ... pirates.⏎On spotting ..., " said an officer').
CUELESS_RULES = frozenset({"same_paragraph", "continued_quote", "previous_paragraph", "previous_subject",
                           "shared_cue", "unattributed"})


def extract_quotes(doc: Doc, source: str, mentions: tuple[Mention, ...], sentence_of: list[int],
                   body: tuple[int, int], indirect: bool = True) -> tuple[Quote, ...]:
    """Find the direct quotes and (unless ``indirect`` is False) the indirect speech of one parsed
    article, inside ``body``."""
    ctx = Context(doc, source, mentions, sentence_of, body)
    reported = indirect_speech(ctx) if indirect else []
    records = direct_quotes(ctx, reported) + reported
    records.sort(key=lambda r: (r.start, r.end))
    return tuple(_quote(ctx, n, record) for n, record in enumerate(records, start=1))


def direct_quotes(ctx: Context, indirect: list[Attribution]) -> list[Attribution]:
    """The attribution of every quote in the body that someone says, in text order.

    ``previous`` is the quote before, whose speaker a quote with no cue of its own may go on with;
    a quote that goes on from one in its paragraph leaves it in place."""
    records: list[Attribution] = []
    previous = None
    for quote in ctx.spans:
        if not_speech(ctx, quote):
            continue
        record, moves = _attribute(ctx, quote, previous, records, indirect)
        if record is None:
            continue
        records.append(record)
        if moves:
            previous = record if record.cue is not None or record.speaker is not None else None
    return _closed_runs(ctx, records)


def _closed_runs(ctx: Context, records: list[Attribution]) -> list[Attribution]:
    """The records, each part of a quote that runs on into the next line and has no cue of its own given
    the attribution of the part after it (and so, part by part, of the part that closes the quote)."""
    out = list(records)
    for n in range(len(out) - 2, -1, -1):
        record, following = out[n], out[n + 1]
        if record.quote is None or not record.quote.continued or record.rule not in CUELESS_RULES \
                or following.quote is None or (following.cue is None and following.speaker is None) \
                or ctx.text[record.quote.close_mark:following.quote.open_mark].strip():
            continue
        out[n] = following.goes_on(record.quote, "closing_part")
    return out


def _attribute(ctx: Context, quote: QuoteSpan, previous: Attribution | None, records: list[Attribution],
               indirect: list[Attribution]) -> tuple[Attribution | None, bool]:
    """The attribution of one quote (None for a title, a scare quote, markup), and whether the quotes
    after it go on from it."""
    label = transcript_line(ctx, quote)
    if label is not None:  # a transcript line quoted whole: '"WALLACE: Let's start ...'
        words, speaker = label
        return Attribution(words.start, words.end, "direct", None, speaker, words, "transcript_line"), True
    found = cue_for_quote(ctx, QuoteView(ctx, quote))
    if found is None:
        earlier = previous_in_paragraph(ctx, quote, previous, indirect)
        if earlier is not None:
            return earlier.goes_on(quote, "same_paragraph"), False
        # a noun of speech with its owner: 'her remark that “...”', 'Obama's word: "..."',
        # '"...," in Bolton's view' (before a quote paragraph is read as going on from the last)
        owned = owned_speech(ctx, quote)
        if owned is None and previous is not None and continues(ctx, previous, quote):
            # (a quote running over paragraphs goes on part by part; '"...," Kirby said. "..."' keeps
            # the record with the cue, for a third part after it)
            return previous.goes_on(quote, "continued_quote"), previous.quote.continued
        earlier = previous_paragraph(ctx, quote, records, indirect) \
            if owned is None and is_speech(ctx, quote) else None
        if earlier is not None:
            return earlier.goes_on(quote, "previous_paragraph"), True
        found = ("owned_speech", owned) if owned is not None else None
    rule, cue, subject = (found[0], found[1].cue, found[1].speaker) if found is not None else (None, None, None)
    # (a quote running on into the next line is speech however short: its cue comes where it closes)
    if (subject is None and not quote.continued and not is_speech(ctx, quote)) or is_named_title(ctx, quote):
        return None, False  # a title, a scare quote, markup: quoted words no one is said to say
    if cue is None and subject is None:
        subject = previous_subject(ctx, quote)
        rule = "unattributed" if subject is None else "previous_subject"
    if subject is None and cue is not None and previous is not None and previous.cue is not None \
            and previous.cue.i == cue.i:
        subject = previous.speaker  # '"That, unfortunately," he said, "is part of ..."': one cue, one speaker
        if subject is not None:
            rule = "shared_cue"
    return Attribution(quote.start, quote.end, "direct", cue, subject, quote, rule), True


def _quote(ctx: Context, n: int, record: Attribution) -> Quote:
    """The Quote record of an attribution, numbered ``n``."""
    cue = record.cue
    said = (record.start, record.end) if record.kind == "indirect" else None  # (direct quotes' names are out already)
    speaker = speaker_of(ctx, record.speaker, cue, said) if cue is not None or record.speaker is not None else None
    cue_text, cue_end = _cue_text(ctx, cue)
    return Quote(id=f"{ctx.source}:q{n}", source=ctx.source, text=ctx.text[record.start:record.end],
                 start=record.start, end=record.end, kind=record.kind, cue=cue_text,
                 cue_start=cue.idx if cue is not None else None, cue_end=cue_end, speaker=speaker,
                 rule=record.rule)


def _cue_text(ctx: Context, cue: Token | None) -> tuple[str | None, int | None]:
    """The cue's words ("said", "according to", "shot back") and where they end."""
    if cue is None:
        return None, None
    if cue.lower_ == "according":
        return "according to", cue.idx + len("according to")
    last = cue
    for child in cue.children:
        if child.dep_ == "prt" and child.i == last.i + 1:
            last = child
    return ctx.doc[cue.i:last.i + 1].text, last.idx + len(last)
