"""The JSON contract (see docs/json.md): one function per record type, to and from dicts."""

from __future__ import annotations

import json
from typing import Any

from ..types import Article, ArticleAnalysis, Entity, Quote, SourcingProfile, StoryReport, SummarySpeaker, TimeRef

SCHEMA_VERSION = 1


def source_dict(article: Article) -> dict[str, Any]:
    """A source as in the contract: ``{id, path|url, outlet, title, published, dateline, byline}``."""
    out: dict[str, Any] = {"id": article.id}
    if article.path:
        out["path"] = article.path
    if article.url or not article.path:
        out["url"] = article.url
    out.update(
        outlet=article.outlet, title=article.title, published=article.published,
        dateline=article.dateline, byline=article.byline,
    )
    if article.story is not None:
        out["story"] = article.story
    out["body"] = {"start": article.body[0], "end": article.body[1]}
    return out


def entity_dict(entity: Entity) -> dict[str, Any]:
    """An entity: roles are strings; ``role_evidence`` and ``spans`` give where they came from."""
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "roles": [r.text for r in entity.roles],
        "sources": list(entity.sources),
        "mentions": len(entity.mentions),
        "role_evidence": [
            {"text": r.text, "kind": r.kind, "evidence": [_evidence(e) for e in r.evidence]}
            for r in entity.roles
        ],
        "spans": [{"source": m.source, "start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
    }


def quote_dict(quote: Quote) -> dict[str, Any]:
    """A quote with its speaker and echoes, and the quote reader's ``rule`` that found it."""
    speaker = quote.speaker
    return {
        "id": quote.id,
        "source": quote.source,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "cue_span": None if quote.cue_start is None else {"start": quote.cue_start, "end": quote.cue_end},
        "speaker": None if speaker is None else {
            "name": speaker.name, "text": speaker.text, "start": speaker.start, "end": speaker.end,
            "entity": speaker.entity, "anonymous": speaker.anonymous,
        },
        "echoes": [{"quote": e.quote, "same_speaker": e.same_speaker} for e in quote.echoes],
        "rule": quote.rule,
    }


def time_dict(time: TimeRef) -> dict[str, Any]:
    """A time expression with its resolved value (or null)."""
    return {"source": time.source, "text": time.text, "start": time.start, "end": time.end,
            "value": time.value, "type": time.type}


def sourcing_dict(profile: SourcingProfile) -> dict[str, Any]:
    """A source's sourcing profile: counts, and shares of all its attributions."""
    counts = {"quotes": profile.total, "direct": profile.direct, "indirect": profile.indirect,
              "named": profile.named, "anonymous": profile.anonymous, "unattributed": profile.unattributed}
    counts["shares"] = {k: round(profile.share(v), 3) for k, v in counts.items() if k != "quotes"}
    return counts


def _evidence(ev) -> dict[str, Any]:
    return {"source": ev.source, "start": ev.start, "end": ev.end, "text": ev.text}


def report_line(report: StoryReport) -> str:
    """One story report as a single JSON line (``--format jsonl``)."""
    return dumps(report_dict(report), pretty=False)


def _summary_speaker(speaker: SummarySpeaker) -> dict[str, Any]:
    """Who speaks in a summary sentence, with where its source names them."""
    return {"text": speaker.pronoun or None, "name": speaker.name, "source": speaker.source,
            "start": speaker.start, "end": speaker.end}


def report_dict(report: StoryReport) -> dict[str, Any]:
    """The whole story report, as ``storyline analyze --format json`` prints it."""
    return {
        "schema_version": SCHEMA_VERSION,
        "story": report.story,
        "title": report.title,
        "sources": [source_dict(a) for a in report.sources],
        "entities": [entity_dict(e) for e in report.entities],
        "quotes": [quote_dict(q) for q in report.quotes],
        "times": [time_dict(t) for t in report.times],
        "timeline": [{"value": t.value, "text": t.text, "sources": list(t.sources),
                      "evidence": [_evidence(e) for e in t.evidence]} for t in report.timeline],
        "facts": [{"id": f.id, "status": f.status, "sources": list(f.sources), "kind": f.kind,
                   "confidence": f.confidence, "evidence": [_evidence(e) for e in f.evidence], "note": f.note}
                  for f in report.facts],
        "summary": [{"text": s.text, "sources": list(s.sources),
                     "evidence": [_evidence(e) for e in s.evidence],
                     "speakers": [_summary_speaker(sp) for sp in s.speakers]}
                    for s in report.summary],
        "figures": [{"id": f.id, "what": f.what, "status": f.status, "note": f.note,
                     "values": [{"source": v.source, "value": v.value, "qualifier": v.qualifier, "unit": v.unit,
                                 "text": v.text, "start": v.start, "end": v.end, "published": v.published}
                                for v in f.values]} for f in report.figures],
        "headlines": [{"source": h.source, "title": h.title,
                       "figures": [{"what": w, "value": v.value, "qualifier": v.qualifier, "text": v.text,
                                    "start": v.start, "end": v.end} for w, v in zip(h.whats, h.figures)]}
                      for h in report.headlines],
        "framing": {source: list(terms) for source, terms in report.framing},
        "sourcing": {p.source: sourcing_dict(p) for p in report.sourcing},
        "failures": [{"input": f.where, "error": f.message} for f in report.failures],
    }


def extract_dict(analysis: ArticleAnalysis, entities: tuple[Entity, ...], quotes=None) -> dict[str, Any]:
    """One line of ``storyline extract``: a source with its entities, quotes and times."""
    return {
        "source": source_dict(analysis.article),
        "entities": [entity_dict(e) for e in entities],
        "quotes": [quote_dict(q) for q in (analysis.quotes if quotes is None else quotes)],
        "times": [time_dict(t) for t in analysis.times],
    }


def dumps(data: Any, pretty: bool = True) -> str:
    """Serialise to JSON text (UTF-8, not ASCII-escaped)."""
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
