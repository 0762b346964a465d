"""The HTML report: one standalone page, no external assets, every article character escaped."""

from __future__ import annotations

from functools import lru_cache

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from markupsafe import escape

from ..version import __version__
from ..types import StoryReport
from ..story.timeline import describe
from .labels import source_labels
from .figures import figure_value
from .quotes import echo_pairs, quote_groups, speaker_note
from .markdown import SHOWN_CONFIDENCE, TYPE_SECTIONS, is_sure
from .spans import Mark, render_marked


def _label_note(note: str, labels: dict[str, str]) -> str:
    for source, label in labels.items():
        note = note.replace(source, label)
    return note


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return template_environment()


def template_environment(*packages: str) -> Environment:
    """A Jinja2 environment for the report's templates, after those of ``packages`` (the web app's pages
    include the report's body), with the filters and tests they use."""
    env = Environment(
        loader=ChoiceLoader([PackageLoader(p, "templates") for p in (*packages, "storyline.report")]),
        autoescape=select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["zip"] = zip
    env.tests["sure"] = is_sure  # a match or difference confident enough to show at once (markdown.SHOWN_CONFIDENCE)
    return env


def render_html(report: StoryReport) -> str:
    """Render a story report as a self-contained HTML page."""
    return _environment().get_template("report.html.j2").render(report_context(report))


def report_context(report: StoryReport, article_url=None) -> dict:
    """What the report's body (``report_body.html.j2``) reads: the standalone page's and ``storyline serve``'s
    story page's (``article_url``: an article id's page, where there is one)."""
    labels = source_labels(report.sources)
    entity_of = {(ev.source, ev.start): e.id for e in report.entities for ev in e.mentions}
    quotes_by_source: dict[str, list] = {}
    for quote in report.quotes:
        quotes_by_source.setdefault(quote.source, []).append(quote)
    types = {e.id: e for e in report.entities}
    articles = []
    for analysis in report.analyses:
        article = analysis.article
        marks = []
        for m in analysis.mentions:
            eid = entity_of.get((article.id, m.start))
            entity = types.get(eid)
            if entity is None:
                continue
            title = escape(f"{entity.name} · {entity.type}")
            marks.append(Mark(
                m.start, m.end,
                f'<mark class="ent t-{entity.type}" data-entity="{escape(eid)}" title="{title}">',
                "</mark>",
            ))
        for n, sentence in enumerate(report.summary):  # each summary citation's span, to link to
            for k, ev in enumerate(sentence.evidence):
                if ev.source == article.id:
                    marks.append(Mark(ev.start, ev.end, f'<span class="cite" id="cite-{n}-{k}">', "</span>"))
        for fact in report.facts:
            if fact.status == "single_source":
                continue
            for ev in fact.evidence:
                if ev.source == article.id:
                    title = escape(f"{fact.status.replace('_', ' ')}: {fact.note or ', '.join(labels[x] for x in fact.sources)}")
                    marks.append(Mark(ev.start, ev.end, f'<span class="fact f-{fact.status}" data-fact="{fact.id}" '
                                      f'title="{title}">', "</span>"))
        for q in quotes_by_source.get(article.id, []):
            who = q.speaker.name if q.speaker else "unattributed"
            flags = " anon" if q.speaker and q.speaker.anonymous else ""
            title = escape(f"{who}{' (anonymous)' if flags else ''} · {q.kind} · cue: {q.cue or '—'}")
            marks.append(Mark(q.start, q.end,
                              f'<span class="qt q-{q.kind}{flags}" data-quote="{escape(q.id)}" title="{title}">',
                              "</span>"))
        articles.append({
            "id": article.id,
            "label": labels[article.id],
            "article": article,
            "head": render_marked(article.text, [], 0, article.body[0]) if article.body[0] else "",
            "body": render_marked(article.text, marks, article.body[0], article.body[1]),
            "tail": render_marked(article.text, [], article.body[1]) if article.body[1] < len(article.text) else "",
        })
    sections = []
    for heading, kinds in TYPE_SECTIONS:
        members = [e for e in report.entities if e.type in kinds]
        if members:
            sections.append({"heading": heading, "entities": members, "detailed": kinds in (("PERSON",), ("ORG",))})
    return dict(
        article_url=article_url,
        report=report, labels=labels, articles=articles, sections=sections, version=__version__,
        groups=quote_groups(report), echoes=echo_pairs(report), describe=describe,
        conflicting=[f for f in report.facts if f.status == "conflicting"],
        corroborated=[f for f in report.facts if f.status == "corroborated"],
        single={a.id: [f for f in report.facts if f.status == "single_source" and f.sources == (a.id,)]
                for a in report.sources},
        notes={f.id: _label_note(f.note, labels) for f in (*report.facts, *report.figures)},
        figure_value=figure_value,
        sourcing=report.sourcing,
        shown_confidence=SHOWN_CONFIDENCE,
        summary_who=[speaker_note(s.speakers) for s in report.summary],
        # where each summary sentence's citation of a source points: its span in that article, else the article
        cites=[{src: next((f"#cite-{n}-{k}" for k, ev in enumerate(s.evidence) if ev.source == src),
                          f"#source-{src}") for src in s.sources} for n, s in enumerate(report.summary)],
    )

