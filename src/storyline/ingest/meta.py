"""Infer an article's metadata from its own text: title, byline, dateline, outlet.

Only what the text states is taken. A field the text does not give stays None; the
outlet is never guessed from style. What is found at the top (title, byline, dateline)
and at the bottom (sign-off, credit lines) bounds the article's body, which later
stages read; the text itself is never changed, so offsets stay true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

# Canonical outlet names, keyed by lower-case forms seen in datelines, sign-offs,
# credit lines and bylines.
OUTLETS = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "cnn": "CNN", "abc": "ABC News", "abc news": "ABC News", "nbc": "NBC News", "nbc news": "NBC News",
    "cbs": "CBS News", "cbs news": "CBS News", "npr": "NPR", "bbc": "BBC", "bbc news": "BBC",
    "fox news": "Fox News", "msnbc": "MSNBC", "cnbc": "CNBC", "upi": "UPI", "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg", "politico": "Politico", "axios": "Axios", "dpa": "dpa",
    "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "pti": "PTI",
    "the new york times": "The New York Times", "new york times": "The New York Times",
    "the washington post": "The Washington Post", "washington post": "The Washington Post",
    "the wall street journal": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
    "the guardian": "The Guardian", "guardian": "The Guardian", "usa today": "USA Today",
    "the hill": "The Hill", "breitbart": "Breitbart", "breitbart news": "Breitbart",
    "al jazeera": "Al Jazeera", "the times of israel": "The Times of Israel",
    "haaretz": "Haaretz", "the jerusalem post": "The Jerusalem Post", "sky news": "Sky News",
}
DOMAINS = {
    "cnn.com": "CNN", "apnews.com": "AP", "reuters.com": "Reuters", "abcnews.go.com": "ABC News",
    "nbcnews.com": "NBC News", "cbsnews.com": "CBS News", "npr.org": "NPR", "bbc.com": "BBC",
    "bbc.co.uk": "BBC", "foxnews.com": "Fox News", "nytimes.com": "The New York Times",
    "washingtonpost.com": "The Washington Post", "wsj.com": "The Wall Street Journal",
    "theguardian.com": "The Guardian", "usatoday.com": "USA Today", "politico.com": "Politico",
    "thehill.com": "The Hill", "breitbart.com": "Breitbart", "aljazeera.com": "Al Jazeera",
    "bloomberg.com": "Bloomberg", "axios.com": "Axios", "msnbc.com": "MSNBC", "cnbc.com": "CNBC",
}
# Words that mark a name in a sign-off as a news organisation rather than a person.
OUTLET_WORDS = {
    "news", "press", "times", "post", "journal", "herald", "tribune", "guardian", "telegraph",
    "agency", "network", "radio", "tv", "television", "media", "daily", "gazette", "wire", "report",
}
# Share of words of 4+ letters capitalised for a line to count as a Title Case headline.
TITLE_CASE_SHARE = 0.8
# A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 200

_DASH = r"(?:--|—|–|-)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# "(WASHINGTON) --"  /  "(CNN) —"
_PAREN_LEAD = re.compile(rf"\(\s*([^()\n]{{2,40}}?)\s*\)\s*{_DASH}\s*")
# "WASHINGTON (AP) —", "KYIV, Ukraine (AP) —", "LONDON, March 4 (Reuters) -", "WASHINGTON —",
# "Washington (CNN) —" (a title-case place only when an outlet follows).
_PLACE_LEAD = re.compile(
    rf"(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+)*|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)*(?=,?\s*\())"
    rf"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+)*))?"
    rf"(?:,\s*(?P<date>{_MONTH}\s+\d{{1,2}}))?"
    rf"\s*(?:\(\s*(?P<outlet>[^()\n]{{2,40}}?)\s*\))?\s*{_DASH}\s+"
)
# "Lyndonville, vt. ( ap ) —", "San juan, puerto rico (AP) —": any short place before a known news
# organisation in brackets (only a known one: "(R-Texas) --" is no dateline).
_WIRE_LEAD = re.compile(rf"(?P<place>[^\W\d_][^\n()]{{1,40}}?)\s*\(\s*(?P<outlet>[^()\n]{{2,40}}?)\s*\)\s*{_DASH}\s+")
_BYLINE = re.compile(r"By\s+(?P<names>[A-Z][^\n|]{1,150}?)\s*(?:(?:,|\||\s[-—–])\s*(?P<outlet>[^,\n|]{2,40}))?\s*$")
_SIGNOFF = re.compile(rf"(?:^|\s){_DASH}\s*(?P<outlet>[A-Z][A-Za-z&.' ]{{1,40}}?)\s*$")
_CREDIT_POSSESSIVE = re.compile(
    r"^(?P<outlet>[A-Z][A-Za-z&. ]{1,40}?)['’]s?\s+[A-Z][^\n]{0,200}?\bcontributed\b[^\n]*$"
)
_CREDIT_AP = re.compile(
    r"^(?:The\s+)?(?P<outlet>Associated Press)\s+(?:writers?|reporters?|correspondents?|journalists?)\b[^\n]*$"
)
_CREDIT_REUTERS = re.compile(r"^\(?Reporting by [^\n]*(?:Editing|editing) by [^\n]*$")
_COPYRIGHT = re.compile(r"^(?:Copyright|©)\s*(?:©\s*)?\d{4}\s+(?P<outlet>[A-Z][A-Za-z&. ]{1,40}?)\.?(?:\s+All rights reserved\.?)?$")


@dataclass(frozen=True, slots=True)
class Inferred:
    """What the text says about itself, and where the story body lies."""

    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    body_start: int = 0
    body_end: int | None = None


def canonical_outlet(name: str | None) -> str | None:
    """Return the canonical form of an outlet name, or None for an empty name."""
    if not name:
        return None
    name = " ".join(name.split()).strip(" .,;:")
    return OUTLETS.get(name.lower(), name) if name else None


def outlet_from_url(url: str | None) -> str | None:
    """Return the outlet a URL belongs to: a known name, else the bare domain."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    host = host[4:] if host.startswith("www.") else host
    for domain, outlet in DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return outlet
    return host or None


def _looks_like_outlet(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 5:
        return False
    if name.lower().strip(" .") in OUTLETS:
        return True
    if len(words) == 1 and name.isupper() and len(name) >= 2:
        return True
    return any(w.lower().strip(".") in OUTLET_WORDS for w in words)


def infer(text: str) -> Inferred:
    """Read title, byline, dateline, outlet and the body's bounds from an article's text."""
    title = byline = dateline = outlet = None
    pos = _skip_space(text, 0)
    # A headline: a short first line with no closing full stop (or in Title Case and set
    # off by a blank line), followed by more text.
    line_end = text.find("\n", pos)
    if line_end != -1:
        first = text[pos:line_end].strip()
        bare = first.rstrip("\"'”’)")
        rest = text[line_end:].strip()
        headline = bare and (bare[-1] not in ".,;:" or (
            _is_title_case(first) and _blank_line_follows(text, line_end)))
        if (headline and rest and len(first) <= MAX_TITLE_CHARS
                and not _BYLINE.match(first) and not dateline_at(first + "\n")):
            title = first
            pos = _skip_space(text, line_end)
    # A byline line: "By Jane Doe, CNN".
    line_end = text.find("\n", pos)
    line = text[pos:line_end if line_end != -1 else len(text)].strip()
    match = _BYLINE.match(line)
    if match and line_end != -1:
        byline = match.group("names").strip()
        if match.group("outlet") and _looks_like_outlet(match.group("outlet")):
            outlet = canonical_outlet(match.group("outlet"))
        elif match.group("outlet"):
            byline = f"{byline}, {match.group('outlet').strip()}"
        pos = _skip_space(text, line_end)
    # The dateline that opens the story.
    lead = dateline_at(text, pos)
    if lead:
        place, lead_outlet, end = lead
        dateline = place
        outlet = outlet or lead_outlet
        pos = end
    body_start = pos
    body_end, end_outlet = _find_tail(text, body_start)
    outlet = outlet or end_outlet
    return Inferred(title, byline, dateline, outlet, body_start, body_end)


def _blank_line_follows(text: str, line_end: int) -> bool:
    """Whether the line after the one ending at ``line_end`` holds only white space."""
    next_end = text.find("\n", line_end + 1)
    return next_end != -1 and not text[line_end + 1:next_end].strip()


def _is_title_case(line: str) -> bool:
    """True for "Obama Says Museum Will Tell of 'Suffering.'": most longer words capitalised."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def dateline_at(text: str, pos: int = 0) -> tuple[str | None, str | None, int] | None:
    """Match a dateline at ``pos``: (place, outlet, end offset) or None."""
    m = _PAREN_LEAD.match(text, pos)
    if m:
        inside = m.group(1).strip()
        if inside.lower() in OUTLETS:
            return None, canonical_outlet(inside), m.end()
        if inside.upper() == inside and any(c.isalpha() for c in inside):
            return inside.rstrip(","), None, m.end()
        return None
    m = _PLACE_LEAD.match(text, pos)
    if not m:
        m = _WIRE_LEAD.match(text, pos)
        if m and m.group("outlet").lower() in OUTLETS and not re.search(r"[.!?]\s", m.group("place")):
            return m.group("place").rstrip(" ,"), canonical_outlet(m.group("outlet")), m.end()
        return None
    place = m.group("place")
    if m.group("region"):
        place = f"{place}, {m.group('region')}"
    # A one-letter or all-lowercase "place" is a sentence, not a dateline.
    if len(place.replace(".", "")) < 2:
        return None
    outlet = m.group("outlet")
    if outlet and not _looks_like_outlet(outlet) and outlet.lower() not in OUTLETS:
        if not outlet[:1].isupper():
            return None
    if not outlet and not place.isupper():
        return None
    return place, canonical_outlet(outlet), m.end()


def _find_tail(text: str, body_start: int) -> tuple[int | None, str | None]:
    """Find sign-off and credit lines at the end: (body end or None, outlet or None)."""
    end = len(text.rstrip())
    body_end = None
    outlet = None
    # Trailing credit lines, one paragraph at a time from the bottom.
    while end > body_start:
        line_start = text.rfind("\n", body_start, end) + 1
        line_start = max(line_start, body_start)
        line = text[line_start:end].strip()
        found = _credit_outlet(line)
        if found is None:
            break
        outlet = outlet or found
        body_end = line_start
        end = len(text[:line_start].rstrip())
    # An inline sign-off closing the last paragraph: "... urgently. — CNN".
    tail = text[max(body_start, end - 60):end]
    m = _SIGNOFF.search(tail)
    if m and _looks_like_outlet(m.group("outlet")):
        outlet = outlet or canonical_outlet(m.group("outlet"))
        body_end = len(text[: end - len(tail) + m.start()].rstrip())
    return body_end, outlet


def _credit_outlet(line: str) -> str | None:
    """Return the outlet named by a credit or copyright line, or None if it is not one."""
    if not line or len(line) > 300:
        return None
    for pattern in (_CREDIT_AP, _COPYRIGHT, _CREDIT_POSSESSIVE):
        m = pattern.match(line)
        if m and _looks_like_outlet(m.group("outlet")):
            return canonical_outlet(m.group("outlet"))
    if _CREDIT_REUTERS.match(line):
        return "Reuters"
    return None
