"""Quotes arranged for reading: grouped by speaker, and echoes given to different speakers."""

from __future__ import annotations

from collections.abc import Sequence

from ..story.quotes import echo_conflicts, speaker_key
from ..types import Quote, StoryReport, SummarySpeaker


def quote_groups(report: StoryReport) -> list[tuple[str, str | None, bool, list[Quote]]]:
    """Quotes grouped by speaker: (name, role, anonymous, quotes); named first, by count."""
    entities = {e.id: e for e in report.entities}
    groups: dict[str, list[Quote]] = {}
    for quote in report.quotes:
        groups.setdefault(speaker_key(quote) or "", []).append(quote)
    # Reported speech inside the same speaker's longer report says nothing new to a reader ("sought: to
    # show that he understood ..." holds "show: he understood ..."); the JSON keeps both.
    for key, quotes in groups.items():
        if key:
            groups[key] = [q for q in quotes if q.kind == "direct" or not any(
                o is not q and o.source == q.source and o.kind == "indirect" and o.start <= q.start
                and q.end <= o.end and o.end - o.start > q.end - q.start for o in quotes)]
    out = []
    for key, quotes in groups.items():
        first = quotes[0].speaker
        if first is None:
            out.append(("Unattributed", None, False, quotes))
            continue
        entity = entities.get(first.entity) if first.entity else None
        role = entity.roles[0].text if entity and entity.roles else None
        out.append((first.name, role, first.anonymous, quotes))
    out.sort(key=lambda g: (g[0] == "Unattributed", g[2], -len(g[3]), g[0].lower()))
    return out


def echo_pairs(report: StoryReport) -> list[tuple[Quote, Quote]]:
    """Each pair of direct quotes with the same words given to speakers known to differ, once (reported speech
    given to two people is a less certain conflict, in the JSON's facts only)."""
    return [(a, b) for a, b in echo_conflicts(report.quotes, frozenset(e.id for e in report.entities
                                                                         if e.type == "PERSON"), report.analyses)
            if a.kind == b.kind == "direct"]


def speaker_note(speakers: Sequence[SummarySpeaker]) -> str:
    """A summary sentence's speakers as a reader sees them: '“he”: Benny Gantz; said by Matthew Miller'."""
    return "; ".join(f"“{s.pronoun}”: {s.name}" if s.pronoun else f"said by {s.name}" for s in speakers)
