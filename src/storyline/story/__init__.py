"""Story-level work: what the sources of one story say, taken together."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import ArticleAnalysis, Failure, StoryReport
from .cast import build_cast
from .quotes import find_echoes, link_speakers

# People named in a title made up for a story whose sources give none.
TITLE_PEOPLE = 3


def build_story(
    analyses: Sequence[ArticleAnalysis],
    failures: Sequence[Failure] = (),
    story: str | None = None,
) -> StoryReport:
    """Build the briefing of one story from its analysed articles."""
    entities, index = build_cast(analyses)
    quotes = find_echoes(link_speakers(analyses, entities, index))
    return StoryReport(
        title=story_title(analyses, entities),
        analyses=tuple(analyses),
        entities=entities,
        quotes=tuple(quotes),
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
    return analyses[0].article.id if analyses else "Empty story"
