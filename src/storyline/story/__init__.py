"""Story-level work: what the sources of one story say, taken together."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import ArticleAnalysis, Failure, StoryReport
from .align import align_facts
from .cast import build_cast
from .framing import framing_terms
from .quotes import find_echoes, link_speakers
from .summary import SUMMARY_WORDS, summarize
from .timeline import build_timeline

# People named in a title made up for a story whose sources give none.
TITLE_PEOPLE = 3
# ... or, with no people, the first words of its first sentence.
TITLE_WORDS = 12


def build_story(
    analyses: Sequence[ArticleAnalysis],
    failures: Sequence[Failure] = (),
    story: str | None = None,
    *,
    summary_words: int = SUMMARY_WORDS,
) -> StoryReport:
    """Build the briefing of one story from its analysed articles.

    Args:
        analyses: the story's articles, analysed.
        failures: inputs that could not be read, to list in the report.
        story: the story's label, where the input gave one.
        summary_words: the summary's length in words (about).
    """
    entities, index = build_cast(analyses)
    quotes = find_echoes(link_speakers(analyses, entities, index))
    facts = align_facts(analyses, entities, index, quotes) if len(analyses) > 1 else \
        align_facts(analyses, entities, index, ())
    return StoryReport(
        title=story_title(analyses, entities),
        analyses=tuple(analyses),
        entities=entities,
        quotes=tuple(quotes),
        times=tuple(t for a in analyses for t in a.times),
        timeline=build_timeline(analyses),
        facts=facts,
        summary=summarize(analyses, facts, summary_words),
        framing=tuple((source, tuple(t.term for t in terms)) for source, terms in framing_terms(analyses).items()),
        failures=tuple(failures),
        story=story,
    )


def story_title(analyses: Sequence[ArticleAnalysis], entities) -> str:
    """The first source's own title, else the story's most-mentioned people."""
    for analysis in analyses:
        if analysis.article.title:
            return analysis.article.title
    people = [e.name for e in entities if e.type == "PERSON"][:TITLE_PEOPLE]
    if people:
        return ", ".join(people)
    for analysis in analyses:
        for span in analysis.sentences:
            words = analysis.article.text[span.start:span.end].split()
            if words:
                return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return analyses[0].article.id if analyses else "Empty story"
