"""Storyline: see how different outlets cover the same news.

The public API::

    from storyline import analyze_story, render
    report = analyze_story(["examples/gantz-washington"], published={...})
    print(render(report, "md"))
"""

__version__ = "0.1.0"

from .api import (  # noqa: E402
    analyze_story, extract, extract_records, read, render, stories_from_articles, story_from_articles,
)
from .errors import InputError, ModelNotFoundError, NoArticlesError, StorylineError  # noqa: E402
from .ingest import make_article, read_articles  # noqa: E402
from .types import Article, ArticleAnalysis, Entity, Failure, Mention, Quote, StoryReport, TimeRef  # noqa: E402

__all__ = [
    "__version__", "analyze_story", "extract", "extract_records", "read", "read_articles", "render",
    "story_from_articles", "stories_from_articles", "make_article", "Article", "ArticleAnalysis", "Entity", "Failure", "Mention",
    "Quote", "StoryReport", "TimeRef", "StorylineError", "InputError", "ModelNotFoundError",
    "NoArticlesError",
]
