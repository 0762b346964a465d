"""Page furniture: what web pages put into an article's text that is not news.

Plain-text extractions of web pages keep photo captions and credits, share buttons, sign-up prompts,
"Image copyright Reuters Image caption" notices, crawl notes. The per-article pass flags each sentence
that is nothing but such furniture (:func:`furniture_sentences`, kept as ``ArticleAnalysis.furniture``),
and every story stage reads the flag: the cast takes no names from a photo credit, facts no claims from
a caption, the timeline no dates from a crawl note. The summary applies the same tests to its candidates
(which may join the sentences of a quotation), and starts a candidate after the furniture and dateline
that open it (:func:`lead_length`).

The patterns were written and calibrated for the summary on Multi-News (benchmarks/fit_summary.py; the
figures are in the comments beside them); they moved here unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ingest.meta import OUTLETS, dateline_at
from ..types import Span

# Page furniture that plain-text extractions keep: links, sign-up and share prompts, photo credits,
# "Related:" lists, update notes. A link, or a short sentence with such words, is no summary material.
# (A long one is mostly a news sentence the extraction glued a caption to: "Advertisement The patent
# concerns ...". Leaving those out too cost 0.0005 ROUGE-1 on fit_summary.py's check clusters.)
_LINK = re.compile(r"https?://|www\.\w", re.IGNORECASE)
_FURNITURE = re.compile(
    r"\[\s*related|_{3,}|all rights reserved|getty images|click here|\bnewsletter|"
    r"\bsubscribe\b|\bsign up\b|\bjavascript\b|\bcookies\b|\bthis story\b|"
    r"^\W*(?:(?:update|editor'?s note|advertisement|photo|image|video|follow|related|read more)\b|watch\s*:)|"
    # a page's posting stamp ("Posted on January 5 , 2011 at 3 : 39 PM", "Updated : January 6 , 2011 , 11 : 34
    # AM ET": ECB+ 25_ecbplus, in no gold set, where two stamps a day apart were read as a dispute over a date)
    r"^\W*(?:last\s+)?(?:posted|updated|published)\s*(?:on|at|:)?\s*(?:[a-z]+day\s*,?\s*)?"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d)",
    re.IGNORECASE)
FURNITURE_WORDS = 15
# Web boilerplate that is never news, however long the sentence: newsletter and alert sign-ups, Twitter's
# location notice, the Internet Archive's crawl notes, reprint notices, photo credits, gallery buttons,
# comment widgets. (On the fitting and check clusters of fit_summary.py, ROUGE-1 +0.0002, +0.0000 and
# +0.0002: the "every source is heard" rule no longer fills a source's slot with "Breaking News Emails
# Get breaking news alerts and special reports.", which 11 of 1,790 summaries had.)
_BOILERPLATE = re.compile(
    r"\bbreaking news (?:emails?|alerts?)\b|\bpush notifications?\b|\b(?:in|to) your inbox\b|\bdelivered weekday mornings\b"
    r"|\bearly-morning email\b|\bcrawls of supported\b|\bthese crawls are\b|\bcrawl data to\b|\badded to the wayback machine\b"
    r"|\bnon-commercial use\b|\btweet location\b|\blocation information to your tweets\b|\btweet with a location\b"
    r"|\badd as an interest\b|\bnext to all of your comments\b|^\W*\(\s*(?:ap|afp|reuters|getty)\s+photo\b"
    r"|\bclick (?:prev|next)\b|^\W*this (?:post|story|article) has been updated\b|\bnever miss a (?:local )?story\b"
    # an embedded player's notice, share and like buttons, a picture's caption toggle, a copyright credit
    r"|\byour browser does ?n[o']t support\b|\bshare this\s*:|\blike loading\b|\btoggle caption\b|©",
    re.IGNORECASE)
# Page furniture that plain-text extractions glue to the front of a news sentence: a photo credit,
# "Story continued below", a video player's or picture's notice ("Media playback is unsupported on your
# device", "Image copyright Reuters Image caption"), share buttons. The candidate starts after it (and
# after a wire dateline that follows, "San Juan, Puerto Rico (AP) —"), so the summary spends no words
# on it and its evidence span is the sentence proper. (On the check clusters of fit_summary.py: ROUGE-1
# +0.0007 and +0.0003 on its two ranges, ROUGE-2 +0.0008 and +0.0003.)
_LEAD_FURNITURE = re.compile(
    r"(?:\(\s*(?:the\s+)?associated\s+press\s*\)|story\s+continued\s+below|story\s+highlights|"
    r"media\s+playback\s+is\s+unsupported\s+on\s+your\s+device|media\s+caption|"
    r"image\s+copyright\s+[^.\n]{1,40}?\s+image\s+caption|play\s+facebook\s+twitter\s+(?:embed|google\s+plus)?|"
    # a bracketed credit or pointer ("( photo: brian powers/the register ) buy photo", "(Watch: ...)"), a
    # credit line ("Photo by Justin Sullivan/Getty Images", "Image: Getty"), a "Read more" button
    r"\(\s*(?:photo|video|watch|image)\s*:[^()\n]{0,100}\)(?:\s*buy\s+photo)?|"
    r"photo\s+by\s+[^/\n]{1,40}/\s*getty\s+images|image\s*:\s*getty(?:\s+images)?|read\s+more(?=\s+\w)|"
    # ("Advertisement" alone only before a capital: "Advertisement revenue fell" is news)
    r"(?:photo\s+)?advertisement(?:\s+continue\s+reading\s+the\s+main\s+story|(?=\s+(?-i:[A-Z\"“]))))\s*[:\-—–|]*\s+",
    re.IGNORECASE)
# A news photo's caption ("File - In this July 1, 2017, file photo, Pastor Robert Jeffress ... speaks",
# "This June 13, 2013 photo provided by ... shows"):
# it tells what a picture shows, not what happened.
_CAPTION = re.compile(
    r"^\W*(?:file\s*[-—–]+\s*)?(?:in\s+this\s+.{0,60}?(?:file\s+)?(?:photo|image)\b"
    r"|this\s+.{0,60}?(?:photo|image)\s+(?:provided|released|taken|made|shows)\b)|^\W*file\s+(?:photo|image)\b",
    re.IGNORECASE)

_BRACKETED_OUTLET = re.compile(r"(?:[^\W\d_][^\n().!?]{0,40}?\s*)?\(\s*([^()\n]{2,25}?)\s*\)\s*[-—–]*\s*")

def lead_length(sentence: str, first: bool) -> int:
    """How many characters of page furniture (:data:`_LEAD_FURNITURE`) and dateline open ``sentence``.

    A dateline counts after furniture, where it names a news organisation with a dash ("Caracas,
    Venezuela (AP) —"), or in an article's first sentence ("WASHINGTON —", "Washington (CNN)").
    """
    pos = 0
    while (m := _LEAD_FURNITURE.match(sentence, pos)) is not None:
        pos = m.end()
    dateline = dateline_at(sentence, pos)
    if dateline is not None and (pos or first or dateline[1] is not None):
        return dateline[2]
    # CNN's "Washington (CNN) Besieged by ...": a place and a news organisation in brackets, no dash
    # (where a dateline can be: "Jake Tapper (CNN) asked ..." inside an article is a sentence).
    m = _BRACKETED_OUTLET.match(sentence, pos)
    if m and m.group(1).lower() in OUTLETS and (pos or first):
        return m.end()
    return pos


def has_link(sentence: str) -> bool:
    """Whether a sentence holds a web address (no summary material, though it may be news)."""
    return bool(_LINK.search(sentence))


def is_furniture(sentence: str) -> bool:
    """Whether a sentence (its opening furniture and dateline taken off) is page furniture: a photo's
    caption, web boilerplate, or a short sentence with furniture words ("Follow us on Twitter")."""
    return bool(_CAPTION.match(sentence) or _BOILERPLATE.search(sentence)
                or (len(sentence.split()) <= FURNITURE_WORDS and _FURNITURE.search(sentence)))


def furniture_sentences(text: str, sentences: Sequence[Span]) -> tuple[int, ...]:
    """The indexes of the sentences that are nothing but page furniture, as the summary judges a
    one-sentence candidate: after the furniture and dateline that open it, nothing, or furniture."""
    out = []
    for index, span in enumerate(sentences):
        sentence = text[span.start:span.end].strip()
        rest = sentence[lead_length(sentence, first=index == 0):]
        if not rest.strip() or is_furniture(rest):
            out.append(index)
    return tuple(out)
