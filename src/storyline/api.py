"""The public Python API.

>>> from storyline import analyze_story, render
>>> report = analyze_story(["examples/gantz-washington"])      # doctest: +SKIP
>>> print(render(report, "md"))                                 # doctest: +SKIP
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from .errors import NoArticlesError
from .ingest import read_articles
from .story import SUMMARY_WORDS, build_story
from .story.embed import start_helper
from .types import Article, ArticleAnalysis, Failure, StoryReport

# spaCy (through the NLP pipeline, and the reports' and the cast's modules) is imported by the functions
# that need it, not here: a story's analysis first starts the embedding helper process (see
# story.embed.start_helper), which then loads its model while spaCy loads here.

FORMATS = ("md", "json", "html", "jsonl")
logger = logging.getLogger("storyline")


def read(
    inputs: Iterable[str | Path],
    *,
    published: str | Mapping[str, str] | None = None,
    encoding: str | None = None,
    outlet: str | Mapping[str, str] | None = None,
) -> tuple[list[Article], list[Failure]]:
    """Read all articles from files, folders, JSONL/JSON, HTML or ``"-"`` (stdin).

    ``published`` and ``outlet`` set the publication date and the outlet of every article (a
    string) or of the articles with the given ids (a mapping), over what the inputs say.

    Returns:
        The articles read, and a Failure for each input that could not be read.
    """
    articles, failures = [], []
    for item in read_articles(inputs, published=published, encoding=encoding, outlet=outlet):
        (failures if isinstance(item, Failure) else articles).append(item)
    return articles, failures


def extract(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[ArticleAnalysis | Failure]:
    """Analyse each article once (sentences, entities, quotes, times), streaming results."""
    from .nlp.pipeline import analyze

    return analyze(articles, processes=processes, on_done=on_done)


def extract_records(analyses: Iterable[ArticleAnalysis | Failure]) -> Iterator[dict | Failure]:
    """The ``storyline extract`` JSON record of each analysis (failures pass through)."""
    from .report.json import extract_dict
    from .story.cast import build_cast
    from .story.quotes import link_speakers

    for item in analyses:
        if isinstance(item, Failure):
            yield item
        else:
            entities, index = build_cast([item])
            quotes = link_speakers([item], entities, index)
            yield extract_dict(item, entities, quotes)


def analyze_story(
    inputs: Iterable[str | Path | Article],
    *,
    published: str | Mapping[str, str] | None = None,
    encoding: str | None = None,
    processes: int | None = None,
    on_done: Callable[[int], None] | None = None,
    summary_words: int = SUMMARY_WORDS,
    outlet: str | Mapping[str, str] | None = None,
) -> StoryReport:
    """Read and analyse the articles of one story and build its briefing.

    Args:
        inputs: paths (files, folders, ``"-"``) or Article objects.
        published: a publication date for all articles, or a map from id to date.
        outlet: the outlet of all articles, or a map from id to outlet.
        encoding: the encoding of .txt inputs.
        processes: worker processes for the NLP pass (default: one per core).
        on_done: progress callback, given the number of articles just analysed.

    Raises:
        NoArticlesError: when no input could be read as an article.
    """
    inputs = list(inputs)
    articles = [i for i in inputs if isinstance(i, Article)]
    paths = [i for i in inputs if not isinstance(i, Article)]
    failures: list[Failure] = []
    if paths:
        more, failures = read(paths, published=published, encoding=encoding, outlet=outlet)
        articles += more
    return story_from_articles(articles, failures, processes=processes, on_done=on_done,
                               summary_words=summary_words)


def story_from_articles(
    articles: list[Article],
    failures: list[Failure] | None = None,
    *,
    processes: int | None = None,
    on_done: Callable[[int], None] | None = None,
    story: str | None = None,
    summary_words: int = SUMMARY_WORDS,
) -> StoryReport:
    """Analyse already-read articles and build the story report.

    The sentence-embedding model is loaded meanwhile in a helper process, on another core (see
    ``storyline.story.embed.start_helper``; ``STORYLINE_EMBED_HELPER=0`` keeps it in this process).
    """
    failures = list(failures or [])
    if not articles:
        detail = "; ".join(f.message for f in failures[:3])
        raise NoArticlesError("no article could be read" + (f" ({detail})" if detail else ""))
    start_helper()  # the sentence-embedding model loads on another core while spaCy loads and parses
    from .nlp.pipeline import analyze

    analyses = []
    for item in analyze(articles, processes=processes, on_done=on_done):
        (failures if isinstance(item, Failure) else analyses).append(item)
    if not analyses:
        raise NoArticlesError("no article could be analysed: " + "; ".join(f.message for f in failures[:3]))
    return build_story(analyses, failures, story=story or articles[0].story, summary_words=summary_words)


def stories_from_articles(
    articles: list[Article],
    failures: list[Failure] | None = None,
    *,
    processes: int | None = None,
    on_done: Callable[[int], None] | None = None,
    summary_words: int = SUMMARY_WORDS,
    story_errors: list[str] | None = None,
) -> list[StoryReport]:
    """Analyse articles once and build one report per story (the JSONL ``story`` field).

    Articles without a story label form one story together. The failures are listed in the
    first report. A story whose report cannot be built (a bug in Storyline) does not stop the
    others: it is left out, and a message naming it and its articles goes to ``story_errors``
    (logged as an error when no list is given).
    """
    failures = list(failures or [])
    if not articles:
        raise NoArticlesError("no article could be read" + (f" ({failures[0].message})" if failures else ""))
    start_helper()
    from .nlp.pipeline import analyze

    groups: dict[str | None, list[ArticleAnalysis]] = {}
    for item in analyze(articles, processes=processes, on_done=on_done):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            groups.setdefault(item.article.story, []).append(item)
    reports = []
    for story, analyses in groups.items():
        try:
            report = build_story(analyses, failures if not reports else (), story=story, summary_words=summary_words)
        except Exception as exc:  # noqa: BLE001 - one story's bug must not cost the batch its other stories
            ids = ", ".join(a.article.id for a in analyses)
            message = (f"story {story!r}: its report could not be built ({type(exc).__name__}: {exc}); "
                       f"it is left out (articles: {ids}). This is a bug in Storyline: please report it "
                       "with these articles")
            if story_errors is None:
                logger.error(message)
            else:
                story_errors.append(message)
            continue
        reports.append(report)
    return reports


def render(report: StoryReport, fmt: str = "md") -> str:
    """Render a report as ``md``, ``json`` or ``html`` text."""
    if fmt == "md":
        from .report.markdown import render_markdown

        return render_markdown(report)
    if fmt == "json":
        from .report.json import dumps, report_dict

        return dumps(report_dict(report)) + "\n"
    if fmt == "html":
        from .report.html import render_html

        return render_html(report)
    if fmt == "jsonl":
        from .report.json import report_line

        return report_line(report) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
