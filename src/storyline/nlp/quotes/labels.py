"""Speakers named by a label, not a verb: "WALLACE: ...", "“...” ― Jorge Falcon", "Trump: Cruz Has ‘To ...’".

The label rules are cue rules (see :mod:`.cues`): each takes the :class:`~.context.Context` and the
quote's :class:`~.context.QuoteView` and returns a :class:`~.records.Found` with no cue and the label's
span as the speaker, or None.
"""

from __future__ import annotations

import re

from ...types import Quote, Speaker
from ..quotemarks import QuoteSpan, find_quotes
from .context import Context, QuoteView, line_before, only, space_after
from .lexicon import NOT_A_SPEAKER
from .records import Found

# Verbs that open a label before its speaker's name ("Said Ellis:", "Stated Stone:").
_LABEL_VERB = r"(?:[Ss]aid|[Ss]tated|[Aa]dded|[Ww]rote|[Aa]sked|[Ee]xplained|[Cc]ontinued)"
# "WALLACE: ...", "Pat Caddell: ...", "Said Ellis: ..." before a quote, on the quote's own line.
_COLON_LABEL = re.compile(rf"(?:^|\s)\W*(?:{_LABEL_VERB} )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,5}})"
                          r"(?:\s*\([^()\n]{1,20}\))?(?:/[^/:\n]{1,60})?\s*:\s*\W*$")
# ("Rep. Trey Gowdy (R-S.C.):"; a television caption's "David Soares/Albany County District Attorney :", ECB+ 33_4ecb)
# Only this much text may precede a colon label on its line ("A lesson from Loretta Lynch: '...'").
MAX_LABEL_LINE = 80
# A transcript line quoted whole: '"WALLACE: Let's start with ...'.
_LABEL_IN_QUOTE = re.compile(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s+")
# Quoted text no one says: a transcript's stage direction ('"(CROSSTALK.)', '"[APPLAUSE]"') or a
# writer's sign-off inside a quoted transcript ('"Follow Pam Key on Twitter @pamkeyNEN."').
_NOT_SPEECH = re.compile(r"\s*(?:[(\[][A-Z][A-Z ,.'’-]*[)\]]\W*"
                         r"|Follow\b[^\n]{0,60}\bon (?:Twitter|Facebook|Instagram)\b[^\n]{0,40})\s*", re.DOTALL)
# A digest's "HEADLINE - Author Name: “...”" (and "-More from Blumenthal and Cohen: “...”"): the
# names after the dash, right before the quote, are its speakers, whatever verb the headline has.
_DIGEST_LABEL = re.compile(r"\s[―—–-]+\s*(?:More from )?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}"
                           r"(?: and (?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})?):\s*$")
_FROM_LABEL = re.compile(r"(?:^|(?<=[\s.]))From\s+((?:the|a|an|his|her|its|their|[A-Z][\w.-]*['’]s)\s+[\w’'.-]+(?: [\w’'.-]+){0,4}"
                         r"|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}):\s*\W*$")
# "“...” ― Jorge Falcon" after a quote.
_DASH_LABEL = re.compile(r"^\W*?\s*[―—–-]+\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})\W*$")
_LINE_LABEL = re.compile(r"\W*((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,4}):\s")
_SIGNED_LINE = re.compile(r"[”\"’]\s*[―—–]+\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})\W*$")
# A line that announces the quote paragraph after it ("Stated Stone:"), one that signs the quote
# paragraph before it ("- Sanders.").
_ANNOUNCING_LINE = re.compile(rf"\s*{_LABEL_VERB}\s+([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}}):\s*$"
                              rf"|\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}})\s+{_LABEL_VERB}:\s*$")  # "Dr. Ward stated:"
_SIGNING_LINE = re.compile(r"\s*[―—–-]+\s*([A-Z][\w'’-]*(?: [A-Z][\w.'’-]*){0,4}?)(?:,[^\n]{1,80}?)?\.?\s*$")
# ("-Michelle Marks, Philadelphia.", "-President Obama, tweeting after Clinton's speech.")
# A headline "Speaker: what they said" whose words after the colon hold a quotation ("Trump: Cruz Has
# ‘To Come a Long Way’ On Ethanol"): the whole rest is the speaker's, partly in their words. Labels
# that head a headline without being anyone are no speakers.
_HEADLINE_LABEL = re.compile(r"\s*((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}):\s+(\S.*?)[\s.]*$", re.S)
WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def not_speech(ctx: Context, quote: QuoteSpan) -> bool:
    """Quoted text no one says: '"(CROSSTALK.)', '"[APPLAUSE]"', '"Follow Pam Key on Twitter ..."'."""
    return _NOT_SPEECH.fullmatch(ctx.text, quote.start, quote.end) is not None


def transcript_line(ctx: Context, quote: QuoteSpan) -> tuple[QuoteSpan, tuple[int, int]] | None:
    """A transcript line quoted whole ('"WALLACE: Let's start ...'): the quote without its label, and
    the label's span; or None."""
    label = _LABEL_IN_QUOTE.match(ctx.text, quote.start, quote.end)
    if not label:
        return None
    words = QuoteSpan(label.end(), quote.end, quote.open_mark, quote.close_mark, quote.continued, True)
    return words, (label.start(1), label.end(1))


def digest_label(ctx: Context, view: QuoteView) -> Found | None:
    """A digest's authors: "HEADLINE - Author Name: “...”", "-More from Blumenthal and Cohen: “...”"."""
    digest = _DIGEST_LABEL.search(ctx.text, view.line_start, view.quote.open_mark)
    if digest is not None and digest.start(1) >= ctx.body[0]:
        return Found(None, (digest.start(1), digest.end(1)))
    return None


def _since(ctx: Context, view: QuoteView) -> int:
    """Where a label before the quote may start: its line, or the quote before it on the line
    ('Clinton: "... ISIS." Bush: "The mission is ..."')."""
    return max([view.line_start] + [b for a, b in ctx.quoted if view.line_start <= b <= view.quote.open_mark])


def colon_label(ctx: Context, view: QuoteView) -> Found | None:
    """A name and a colon before the quote, on its line: "WALLACE: “...”", "Pat Caddell: “...”",
    "Said Ellis: “...”", "Rep. Trey Gowdy (R-S.C.): “...”"."""
    since, open_mark = _since(ctx, view), view.quote.open_mark
    m = _COLON_LABEL.search(ctx.text[since:open_mark]) if open_mark - since <= MAX_LABEL_LINE else None
    return Found(None, (since + m.start(1), since + m.end(1))) if m else None


def from_label(ctx: Context, view: QuoteView) -> Found | None:
    """A source after "From" and before a colon: "From the report: “...”", "From Sanders: “...”"."""
    m = _FROM_LABEL.search(ctx.text, _since(ctx, view), view.quote.open_mark)
    return Found(None, (m.start(1), m.end(1))) if m else None


def line_label(ctx: Context, view: QuoteView) -> Found | None:
    """A headline or line led by a person's name and a colon: "Sanders: Clinton needs to 'get away ...'"."""
    m = _LINE_LABEL.match(ctx.text, view.line_start, view.quote.open_mark)
    if not m:
        return None
    start, end = m.start(1), m.end(1)
    if ctx.text[start:end].split()[-1] in ctx.people or any(
            start <= x.start and x.end <= end and (x.label == "PERSON" or x.name.split()[-1] in ctx.people)
            for x in ctx.mentions):
        return Found(None, (start, end))
    return None


def dash_label(ctx: Context, view: QuoteView) -> Found | None:
    """A name after a dash, alone on the rest of the quote's line: "“...” ― Jorge Falcon"."""
    close_mark = view.quote.close_mark
    m = _DASH_LABEL.match(ctx.text[close_mark:min(ctx.line_end(close_mark), ctx.body[1])])
    return Found(None, (close_mark + m.start(1), close_mark + m.end(1))) if m else None


def _whole_line(ctx: Context, view: QuoteView) -> bool:
    """Whether the quote is a paragraph of its own (at most a full stop or comma after it)."""
    quote = view.quote
    return not ctx.text[view.line_start:quote.open_mark].strip() \
        and only(ctx.text[quote.close_mark:ctx.line_end(quote.close_mark)], ".,")


def announcing_line(ctx: Context, view: QuoteView) -> Found | None:
    """A paragraph that is one quote, announced by the paragraph before: "Stated Stone:⏎“...”",
    "Dr. Ward stated:⏎“...”"."""
    if not _whole_line(ctx, view):
        return None
    previous_start, previous_end = line_before(ctx.text, view.line_start)
    m = _ANNOUNCING_LINE.match(ctx.text, previous_start, previous_end)
    if m and previous_end >= ctx.body[0]:
        group = 1 if m.group(1) else 2
        return Found(None, (m.start(group), m.end(group)))
    return None


def signing_line(ctx: Context, view: QuoteView) -> Found | None:
    """A paragraph that is one quote, signed by the paragraph after, as fact-checks print the claim
    they check: "“...”⏎- Sanders.", "“...”⏎-President Obama, tweeting after Clinton's speech."."""
    if not _whole_line(ctx, view):
        return None
    line_end = ctx.line_end(view.quote.close_mark)
    next_start = space_after(ctx.text, line_end)
    next_end = ctx.line_end(next_start)
    m = _SIGNING_LINE.match(ctx.text, next_start, min(next_end, ctx.body[1]))
    if m and next_start > line_end:
        return Found(None, (m.start(1), m.end(1)))
    return None


def signed_line(ctx: Context, view: QuoteView) -> Found | None:
    """A line that is one quote signed at its end, with quote marks inside it that cut the quote
    short: '“... what he calls “hell” than live ...” ― Adriana Rodarte'."""
    text, close_mark = ctx.text, view.quote.close_mark
    if text[view.line_start:view.quote.open_mark].strip():
        return None
    m = _SIGNED_LINE.search(text[close_mark:min(ctx.line_end(close_mark), ctx.body[1])])
    if not m:
        return None
    end = m.end(1) - (m.group(1).endswith(".") and len(m.group(1).split()[-1]) > 3)
    return Found(None, (close_mark + m.start(1), close_mark + end))


def headline_quote(text: str, start: int, end: int, source: str, quotes: tuple[Quote, ...]) -> Quote | None:
    """The attribution of a headline ``text[start:end]`` written "Speaker: what they said" with a
    quotation in what they said, or None. ``quotes``: the quotes already found in the headline (a
    speaker found for them there is kept). Direct when at least half its words are quoted."""
    m = _HEADLINE_LABEL.match(text[start:end])
    if m is None or m.group(1).lower() in NOT_A_SPEAKER:
        return None
    c_start, c_end = start + m.start(2), start + m.end(2)
    inside = find_quotes(text[c_start:c_end])
    if not inside:
        return None
    words = [w.start() for w in WORDS.finditer(text, c_start, c_end)]
    quoted = sum(any(q.open_mark <= w - c_start < q.close_mark for q in inside) for w in words)
    kind = "direct" if words and 2 * quoted >= len(words) else "indirect"
    label_start = start + m.start(1)
    speaker = next((q.speaker for q in quotes if q.speaker is not None and q.speaker.start == label_start), None)
    if speaker is None:
        speaker = Speaker(m.group(1), m.group(1), label_start, start + m.end(1))
    colon = text.index(":", start + m.end(1))
    return Quote(id="", source=source, text=text[c_start:c_end], start=c_start, end=c_end, kind=kind,
                 cue=":", cue_start=colon, cue_end=colon + 1, speaker=speaker, rule="headline_label")
