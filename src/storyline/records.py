"""Records to and from plain dicts, for the corpus store (JSON in SQLite).

One generic pair of functions serves every frozen dataclass in :mod:`storyline.types`: a record
becomes nested dicts and lists, and comes back as the same typed record. The article's text is
stored once, in its own column, so an analysis is saved without it and rejoined on load.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from .types import Article, ArticleAnalysis, StoryReport

# The version of an analysis record: raise it when ArticleAnalysis gains what a story reads, so that prepared
# shards made without it are refused (corpus/prepare.py) rather than read as if the article held none of it.
# 2: the dated actions (ArticleAnalysis.dated), 2026-12-07. 3: time expressions of plans (TimeRef.planned),
# 2026-12-08.
ANALYSIS_VERSION = 3
# The version of a kept story report's JSON: raise it when StoryReport's fields change, so that reports kept
# by an older Storyline are rebuilt, not misread.
REPORT_VERSION = 1


def to_plain(record: Any) -> Any:
    """A record as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(record):
        return {f.name: to_plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (tuple, list)):
        return [to_plain(x) for x in record]
    return record


def from_plain(cls: Any, data: Any) -> Any:
    """The typed record of ``cls`` from dicts and lists made by :func:`to_plain`."""
    if data is None:
        return None
    origin = typing.get_origin(cls)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(cls) if a is not type(None)]
        return from_plain(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(cls)
        if len(args) == 2 and args[1] is Ellipsis:  # tuple[X, ...]
            return tuple(from_plain(args[0], x) for x in data)
        return tuple(from_plain(arg, x) for arg, x in zip(args, data))  # tuple[X, Y]: a pair
    if dataclasses.is_dataclass(cls):
        hints = _hints(cls)
        return cls(**{name: from_plain(hints[name], value) for name, value in data.items() if name in hints})
    return data


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def analysis_json(analysis: ArticleAnalysis) -> str:
    """An analysis as compact JSON, without the article (stored apart)."""
    data = to_plain(analysis)
    data.pop("article")
    data["version"] = ANALYSIS_VERSION
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def analysis_from_json(text: str, article: Article) -> ArticleAnalysis:
    """The analysis saved by :func:`analysis_json`, rejoined with its article."""
    data = json.loads(text)
    data.pop("version", None)
    data["article"] = None
    analysis = from_plain(ArticleAnalysis, data)
    return dataclasses.replace(analysis, article=article)


def report_json(report: StoryReport) -> str:
    """A story report as compact JSON, without its articles' analyses (the store keeps them apart)."""
    data = to_plain(report)
    data.pop("analyses")
    data["source_ids"] = [a.article.id for a in report.analyses]
    data["version"] = REPORT_VERSION
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def report_from_json(text: str, load: Callable[[list[str]], Sequence[ArticleAnalysis] | None]) -> StoryReport | None:
    """The report saved by :func:`report_json`, rejoined with its articles' analyses, which ``load`` gives for
    their ids in order (None: the JSON names no sources, ``load`` gave None, or the JSON is of other record
    types: the report is then built again)."""
    data = json.loads(text)
    ids = data.pop("source_ids", None)
    analyses = None if ids is None else load(ids)
    if analyses is None:
        return None
    data.pop("version", None)
    data["analyses"] = []
    try:
        return dataclasses.replace(from_plain(StoryReport, data), analyses=tuple(analyses))
    except (ValueError, TypeError, KeyError):  # kept by another version of the record types
        return None
