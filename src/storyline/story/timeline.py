"""The story's timeline: resolved dates in order, each with what the sources say happened then."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from ..types import ArticleAnalysis, Evidence, TimelineEntry, TimeRef

# Values that place an event on the calendar (a day, week, month, quarter, season, year).
_CALENDAR = re.compile(r"^\d{4}(-(\d{2}(-\d{2})?|W\d{2}(-WE)?|Q[1-4]|SP|SU|FA|WI))?$")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_NAME = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}


def sort_key(value: str) -> tuple[date, int]:
    """When a calendar value starts, and how coarse it is (finer first on the same start)."""
    year = int(value[:4])
    rest = value[5:]
    if not rest:
        return date(year, 1, 1), 5
    if rest in _SEASON_MONTH:  # (before weeks: winter is "WI")
        return date(year, _SEASON_MONTH[rest], 1), 4
    if rest.startswith("W"):
        return date.fromisocalendar(year, int(rest[1:3]), 1), 2
    if rest.startswith("Q"):
        return date(year, 3 * int(rest[1]) - 2, 1), 4
    if len(rest) == 2:
        return date(year, int(rest), 1), 3
    return date.fromisoformat(value), 1


def _on_calendar(value: str) -> bool:
    """Whether a value names a real day, week or month ("2015-W53" and "2023-02-30" do not)."""
    try:
        sort_key(value)
    except ValueError:
        return False
    return True


def sentence_evidence(analysis: ArticleAnalysis, start: int, end: int) -> Evidence:
    """The sentence of an article that holds a span, as evidence."""
    text = analysis.article.text
    for span in analysis.sentences:
        if span.start <= start < span.end:
            return Evidence(analysis.article.id, span.start, span.end, text[span.start:span.end])
    return Evidence(analysis.article.id, start, end, text[start:end])


def _calendar_value(time: TimeRef) -> str | None:
    """The day, week, month, ... a time expression places on the calendar, or None."""
    if time.value and time.type in ("DATE", "TIME") and _CALENDAR.match(time.value[:10].rstrip("T")):
        value = time.value.split("T")[0]
        if _CALENDAR.match(value) and _on_calendar(value):
            return value
    return None


def event_evidence(analysis: ArticleAnalysis, time: TimeRef, value: str,
                   dated: Sequence[tuple[TimeRef, str]]) -> Evidence:
    """What happened at a time, as evidence: the sentence that holds the expression, or only the noun
    phrase it dates ("Hamas' Oct. 7 attack") where the sentence tells of another day too ("Gantz, ...
    assembled in the wake of Hamas' Oct. 7 attack, spoke with ... on Monday" is Monday's news).
    ``value``: the expression's calendar value; ``dated``: the article's expressions with theirs."""
    sentence = sentence_evidence(analysis, time.start, time.end)
    a, b = time.event_start, time.event_end
    if a is None or b is None:
        return sentence
    if not any(sentence.start <= other.start < sentence.end and not (a <= other.start and other.end <= b)
               and other_value != value for other, other_value in dated):
        return sentence
    return Evidence(analysis.article.id, a, b, analysis.article.text[a:b])


def build_timeline(analyses: Sequence[ArticleAnalysis]) -> tuple[TimelineEntry, ...]:
    """Group the story's calendar dates by value, in date order, with what each source says happened
    then (see :func:`event_evidence`)."""
    by_value: dict[str, list[tuple[ArticleAnalysis, TimeRef, list[tuple[TimeRef, str]]]]] = {}
    for analysis in analyses:
        # (no dates from page furniture: "This June 13, 2013 photo provided by ..." dates a picture)
        dated = [(t, v) for t in analysis.times if (v := _calendar_value(t)) and not analysis.in_furniture(t.start)]
        for time, value in dated:
            by_value.setdefault(value, []).append((analysis, time, dated))
    entries = []
    for value, refs in by_value.items():
        evidence = []
        seen = set()
        for analysis, time, dated in refs:
            ev = event_evidence(analysis, time, value, dated)
            if (ev.source, ev.start) not in seen:
                seen.add((ev.source, ev.start))
                evidence.append(ev)
        sources = tuple(dict.fromkeys(ev.source for ev in evidence))
        entries.append(TimelineEntry(value=value, text=refs[0][1].text, sources=sources, evidence=tuple(evidence)))
    entries.sort(key=lambda e: sort_key(e.value))
    return tuple(entries)


def describe(value: str) -> str:
    """A readable label for a calendar value: "Mon 4 Mar 2024", "week of 4 Mar–10 Mar 2024", "Mar 2024",
    "winter 2015", "Q1 2024", "2024"."""
    start, level = sort_key(value)
    if level == 1:
        return start.strftime("%a %-d %b %Y")
    if level == 2:
        end = start + timedelta(days=6)
        return f"week of {start.strftime('%-d %b')}–{end.strftime('%-d %b %Y')}"
    if level == 3:
        return start.strftime("%b %Y")
    rest = value[5:]
    if rest in _SEASON_NAME:
        return f"{_SEASON_NAME[rest]} {value[:4]}"
    if rest.startswith("Q"):
        return f"{rest} {value[:4]}"
    return value
