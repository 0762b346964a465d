"""Story-level work: what the sources of one story say, taken together."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..types import ArticleAnalysis, Failure, StoryReport

# The parts are imported by build_story, so that importing storyline.story.embed (to start the embedding
# helper process before anything else) does not load spaCy.

# Words in the summary by default (--summary-words); summary.py takes it from here.
SUMMARY_WORDS = 120
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
    from .align import align_facts, story_claims
    from .cast import build_cast
    from .copies import independent_facts
    from .dated import dated_conflicts
    from .embed import prefetch
    from .figures import build_figures, figure_conflicts, headlines
    from .framing import framing_terms
    from .quotes import find_echoes, link_speakers, sourcing_profiles, summary_speakers
    from .residences import residence_conflicts
    from .spellings import spelling_conflicts, spelling_groups
    from .summary import candidate_texts, load_tfidf, summarize
    from .timeline import build_timeline

    entities, index = build_cast(analyses)
    # The sentences that fact alignment and the summary embed, sent ahead to the embedding helper
    # process (where one runs) to be encoded while the rest is worked out here.
    claims = story_claims(analyses, entities, index)
    with prefetch([c.text for c in claims] if len({c.source for c in claims}) > 1 else (),
                  candidate_texts(analyses) if summary_words > 0 else ()):
        if summary_words > 0:
            load_tfidf()  # here, while the helper works, rather than after it answers (about 0.6 s)
        quotes = find_echoes(link_speakers(analyses, entities, index))
        timeline = build_timeline(analyses)
        framing = framing_terms(analyses)
        facts = align_facts(analyses, entities, index, quotes) if len(analyses) > 1 else \
            align_facts(analyses, entities, index, ())
        summary = summarize(analyses, facts, summary_words)
    summary = tuple(replace(s, speakers=summary_speakers(s, quotes, entities)) for s in summary)
    facts = independent_facts(facts, analyses)
    spellings = spelling_groups(entities)  # (read once: the figures join a person's spellings, the conflicts show them)
    figures = build_figures(analyses, entities, spellings)
    # count conflicts come from the figures table, names spelled two ways and homes told two ways from the cast:
    # listed first
    conflicts = figure_conflicts(figures)
    if len(analyses) > 1:
        conflicts += spelling_conflicts(entities, spellings) + residence_conflicts(analyses, entities, spellings) \
            + _new_dates(dated_conflicts(analyses, entities, index, spellings), facts)
    if conflicts:
        facts = tuple(replace(f, id=f"f{n}") for n, f in enumerate((*conflicts, *facts), start=1))
    return StoryReport(
        title=story_title(analyses, entities),
        analyses=tuple(analyses),
        entities=entities,
        quotes=tuple(quotes),
        times=tuple(t for a in analyses for t in a.times),
        timeline=timeline,
        facts=facts,
        summary=summary,
        framing=tuple((source, tuple(t.term for t in terms)) for source, terms in framing.items()),
        failures=tuple(failures),
        story=story,
        sourcing=sourcing_profiles([a.article.id for a in analyses], quotes),
        figures=figures,
        headlines=headlines(analyses) if len(analyses) > 1 else (),
    )


def _new_dates(found, facts) -> list:
    """The dated actions' conflicts (story/dated.py) that no aligned fact already gives as a date conflict."""
    told = [ev for f in facts if f.kind == "date" for ev in f.evidence]
    return [f for f in found if not all(any(ev.source == t.source and ev.start < t.end and t.start < ev.end
                                            for t in told) for ev in f.evidence)]


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
