"""Quotes arranged for reading: grouped by speaker, and echoes given to different speakers."""

from __future__ import annotations

from ..story.quotes import echo_conflicts, known_speaker, speaker_key
from ..story.summary import is_all_quotation
from ..types import Quote, StoryReport, SummarySentence

# Words that name a speaker only through the sentences around them.
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we"})


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
    """Each pair of quotes with the same words given to speakers known to differ, once."""
    return echo_conflicts(report.quotes)


def summary_speakers(report: StoryReport, sentence: SummarySentence) -> list[tuple[str, str]]:
    """Who speaks in a summary sentence without being named in it: ("he", "Benny Gantz") for a
    pronoun that speaks in it, ("", "Matthew Miller") for a sentence that is all quotation, its
    speaker named in the sentences around it.

    A summary sentence is taken whole from its source, so '"No, no, no ...," he said.' keeps its
    "he"; the reader of the summary has not read the sentence before it.
    """
    return [(pronoun, name) for pronoun, name, _ in summary_speaker_quotes(report, sentence)]


def summary_speaker_quotes(report: StoryReport, sentence: SummarySentence) -> list[tuple[str, str, Quote]]:
    """:func:`summary_speakers`, each with the quote whose speaker it is (its ``speaker`` span is
    where the text names them)."""
    entities = {e.id: e.name for e in report.entities}
    all_quotation = is_all_quotation(sentence.text)
    out: list[tuple[str, str, Quote]] = []
    seen: set[tuple[str, str]] = set()
    for quote in report.quotes:
        if not known_speaker(quote):
            continue
        speaker = quote.speaker
        name = entities.get(speaker.entity or "", speaker.name)
        for e in sentence.evidence:
            if e.source != quote.source or not (quote.start < e.end and quote.end > e.start):
                continue
            inside = speaker.start is not None and e.start <= speaker.start < e.end
            if inside and speaker.text.lower() in _PRONOUNS:
                pair = (speaker.text, name)
            elif not inside and all_quotation and quote.kind == "direct" and e is sentence.evidence[0]:
                pair = ("", name)
            else:
                continue
            if pair not in seen:
                seen.add(pair)
                out.append((*pair, quote))
    return out


def speaker_note(pairs: list[tuple[str, str]]) -> str:
    """``summary_speakers`` as a reader sees it: '“he”: Benny Gantz; said by Matthew Miller'."""
    return "; ".join(f"“{pronoun}”: {name}" if pronoun else f"said by {name}" for pronoun, name in pairs)
