"""Quotes arranged for reading: grouped by speaker, and echoes given to different speakers."""

from __future__ import annotations

from ..story.quotes import speaker_key
from ..types import Quote, StoryReport


def quote_groups(report: StoryReport) -> list[tuple[str, str | None, bool, list[Quote]]]:
    """Quotes grouped by speaker: (name, role, anonymous, quotes); named first, by count."""
    entities = {e.id: e for e in report.entities}
    groups: dict[str, list[Quote]] = {}
    for quote in report.quotes:
        groups.setdefault(speaker_key(quote) or "", []).append(quote)
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
    """Each pair of quotes with the same words given to different speakers, once."""
    by_id = {q.id: q for q in report.quotes}
    out, seen = [], set()
    for quote in report.quotes:
        for echo in quote.echoes:
            other = by_id[echo.quote]
            pair = tuple(sorted((quote.id, other.id)))
            if echo.same_speaker or pair in seen:
                continue
            seen.add(pair)
            out.append((quote, other))
    return out
