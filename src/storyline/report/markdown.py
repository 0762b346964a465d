"""The Markdown briefing: readable in a terminal, and in any Markdown viewer."""

from __future__ import annotations

from ..types import Entity, StoryReport
from .labels import source_labels

# Places and groups are listed inline; past this many, the rest are counted.
MAX_INLINE_PLACES = 20
TYPE_SECTIONS = (
    ("People", ("PERSON",)),
    ("Organisations", ("ORG",)),
    ("Places", ("GPE", "LOC", "FAC")),
    ("Groups and nationalities", ("NORP",)),
    ("Other names", ("EVENT", "PRODUCT", "WORK_OF_ART", "LAW")),
)


def _cell(value: str | None) -> str:
    if not value:
        return "—"
    return " ".join(value.split()).replace("|", "\\|")


def _cite(sources: tuple[str, ...], labels: dict[str, str]) -> str:
    return " ".join(f"[{labels.get(s, s)}]" for s in sources)


def render_markdown(report: StoryReport) -> str:
    """Render a story report as Markdown."""
    labels = source_labels(report.sources)
    people = sum(1 for e in report.entities if e.type == "PERSON")
    lines = [f"# {report.title}", ""]
    lines.append(
        f"{len(report.sources)} sources · {people} people · "
        f"{len(report.entities) - people} other names"
        + (f" · {len(report.failures)} inputs failed" if report.failures else "")
    )
    lines += ["", "## Sources", "", "| | Source | Outlet | Title | Published | Dateline | Byline |",
              "|---|---|---|---|---|---|---|"]
    for article in report.sources:
        lines.append(
            f"| [{labels[article.id]}] | {_cell(article.path or article.url or article.id)} | "
            f"{_cell(article.outlet)} | {_cell(article.title)} | {_cell(article.published)} | "
            f"{_cell(article.dateline)} | {_cell(article.byline)} |"
        )
    lines += ["", "## Cast", ""]
    for heading, types in TYPE_SECTIONS:
        members = [e for e in report.entities if e.type in types]
        if not members:
            continue
        lines += [f"### {heading}", ""]
        if types == ("PERSON",) or types == ("ORG",):
            for entity in members:
                lines += _entity_lines(entity, labels)
        else:
            shown = [f"{e.name} ({len(e.mentions)})" for e in members[:MAX_INLINE_PLACES]]
            more = len(members) - MAX_INLINE_PLACES
            lines.append(" · ".join(shown) + (f" · and {more} more" if more > 0 else ""))
        lines.append("")
    if report.failures:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- {f.message}" for f in report.failures]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _entity_lines(entity: Entity, labels: dict[str, str]) -> list[str]:
    also = f" (also: {', '.join(entity.aliases)})" if entity.aliases else ""
    count = len(entity.mentions)
    head = (f"- **{entity.name}**{also} — {count} mention{'s' if count != 1 else ''} "
            f"{_cite(entity.sources, labels)}")
    out = [head]
    for role in entity.roles:
        sources = tuple(dict.fromkeys(ev.source for ev in role.evidence))
        out.append(f"  - {' '.join(role.text.split())} {_cite(sources, labels)}")
    return out
