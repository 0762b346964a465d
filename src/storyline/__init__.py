"""Storyline: see how different outlets cover the same news.

The public API::

    from storyline import analyze_story, render
    report = analyze_story(["examples/gantz-washington"], published={...})
    print(render(report, "md"))

The names below are imported on first use (PEP 562), so ``import storyline`` and commands that
need no language model (``storyline --help``, ``stories``, ``search``) do not load spaCy or torch.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from .version import __version__

# Each public name, and the module that defines it.
_EXPORTS = {
    "analyze_story": "api", "extract": "api", "extract_records": "api", "read": "api", "render": "api",
    "stories_from_articles": "api", "story_from_articles": "api",
    "InputError": "errors", "ModelNotFoundError": "errors", "NoArticlesError": "errors",
    "StorylineError": "errors",
    "make_article": "ingest", "read_articles": "ingest",
    "Article": "types", "ArticleAnalysis": "types", "Entity": "types", "Failure": "types", "Mention": "types",
    "Quote": "types", "StoryReport": "types", "TimeRef": "types",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs
    from .api import (
        analyze_story, extract, extract_records, read, render, stories_from_articles, story_from_articles,
    )
    from .errors import InputError, ModelNotFoundError, NoArticlesError, StorylineError
    from .ingest import make_article, read_articles
    from .types import Article, ArticleAnalysis, Entity, Failure, Mention, Quote, StoryReport, TimeRef


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
