"""The Markdown briefing: readable in a terminal, and in any Markdown viewer.

Every piece of text that comes from an article (or from a file name or a JSONL field) passes
through :func:`escape` on its way in, so that a Markdown viewer shows it as the text it is: a title
holding ``<img src=x onerror=...>`` or ``[x](javascript:...)`` is shown, never run or linked.
"""

from __future__ import annotations

import re

from ..types import Entity, Quote, StoryReport
from .figures import figure_value
from .labels import source_labels
from ..story.timeline import describe
from .quotes import echo_pairs, quote_groups, speaker_note

# Matches between sources shown in the briefing: at least this confident (the JSON has them all). Set on the
# dev events of benchmarks/compare: under 0.6 lay 8 of 58 right matches, 13 of 148 unjudged and 1 of 3 traps.
SHOWN_CONFIDENCE = 0.6


def is_sure(fact) -> bool:
    """Whether a match or a difference between sources is confident enough to show (SHOWN_CONFIDENCE)."""
    return fact.confidence is None or fact.confidence >= SHOWN_CONFIDENCE
# Single-source claims listed per source in the briefing (the JSON has them all).
MAX_SINGLE_SOURCE = 6
# Quotes longer than this are shortened in the Markdown briefing (the JSON has them whole).
QUOTE_CHARS = 240
# Places and groups are listed inline; past this many, the rest are counted.
MAX_INLINE_PLACES = 20
TYPE_SECTIONS = (
    ("People", ("PERSON",)),
    ("Organisations", ("ORG",)),
    ("Places", ("GPE", "LOC", "FAC")),
    ("Groups and nationalities", ("NORP",)),
    ("Other names", ("EVENT", "PRODUCT", "WORK_OF_ART", "LAW")),
)


# What Markdown (CommonMark and GitHub's) would read as markup in running text: the backslash itself,
# code, emphasis, links and images, raw HTML and autolinks. A backslash before an ASCII punctuation
# character shows that character as it is. "_" only where it can open or close emphasis (not inside a
# word: "000_fc6d.txt"), "&" only where it would start an entity ("&lt;").
_SPACE = re.compile(r"\s+")
_MARKUP = re.compile(r"[\\`*\[\]<]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")


def escape(text: str, strip: bool = True) -> str:
    """Article text as Markdown that shows exactly that text, on one line (white space runs made one
    space, and taken off both ends unless ``strip`` is false)."""
    text = _SPACE.sub(" ", text)
    return _MARKUP.sub(lambda m: "\\" + m.group(), text.strip() if strip else text)


def _cell(value: str | None) -> str:
    if not value:
        return "—"
    return escape(value).replace("|", "\\|")


def _cite(sources: tuple[str, ...], labels: dict[str, str]) -> str:
    return " ".join(f"[{labels.get(s, escape(s))}]" for s in sources)


def render_markdown(report: StoryReport) -> str:
    """Render a story report as Markdown."""
    labels = {source: escape(label) for source, label in source_labels(report.sources).items()}
    people = sum(1 for e in report.entities if e.type == "PERSON")
    lines = [f"# {escape(report.title)}", ""]
    lines.append(
        f"{len(report.sources)} sources · {people} people · "
        f"{len(report.entities) - people} other names"
        + (f" · {len(report.failures)} inputs failed" if report.failures else "")
    )
    lines += _summary_lines(report, labels)
    lines += _headline_lines(report, labels)
    lines += _figure_lines(report, labels)
    lines += ["## Sources", "", "| | Source | Outlet | Title | Published | Dateline | Byline |",
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
            shown = [f"{escape(e.name)} ({len(e.mentions)})" for e in members[:MAX_INLINE_PLACES]]
            more = len(members) - MAX_INLINE_PLACES
            lines.append(" · ".join(shown) + (f" · and {more} more" if more > 0 else ""))
        lines.append("")
    lines += _quote_lines(report, labels)
    lines += _timeline_lines(report, labels)
    lines += _fact_lines(report, labels)
    lines += _framing_lines(report, labels)
    if report.failures:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- {escape(f.message)}" for f in report.failures]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _entity_lines(entity: Entity, labels: dict[str, str]) -> list[str]:
    also = f" (also: {', '.join(escape(a) for a in entity.aliases)})" if entity.aliases else ""
    count = len(entity.mentions)
    head = (f"- **{escape(entity.name)}**{also} — {count} mention{'s' if count != 1 else ''} "
            f"{_cite(entity.sources, labels)}")
    out = [head]
    for role in entity.roles:
        sources = tuple(dict.fromkeys(ev.source for ev in role.evidence))
        out.append(f"  - {escape(role.text)} {_cite(sources, labels)}")
    return out


def _quote_text(text: str, limit: int = QUOTE_CHARS) -> str:
    """Article text shortened to about ``limit`` characters at a word break, escaped."""
    text = " ".join(text.split())
    return escape(text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …")


def _quote_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    if not report.quotes:
        return ["## Who said what", "", "No quotes or reported speech found.", ""]
    lines = ["## Who said what", ""]
    anonymous_header = False
    for name, role, anonymous, quotes in quote_groups(report):
        if anonymous and not anonymous_header:
            lines += ["### Anonymous sources", ""]
            anonymous_header = True
        if anonymous:
            lines.append(f"- **{escape(name)}** (anonymous)")
            lines += [f"  - {_quote_item(q, labels)}" for q in quotes]
            continue
        if anonymous_header:  # the unattributed come after the anonymous: close their list
            lines.append("")
            anonymous_header = False
        lines += [f"### {escape(name)}" + (f" — {escape(role)}" if role else ""), ""]
        lines += [f"- {_quote_item(q, labels)}" for q in quotes]
        lines.append("")
    if anonymous_header:
        lines.append("")
    echoes = echo_pairs(report)
    if echoes:
        lines += ["### Same words, different speakers", ""]
        for a, b in echoes:
            words = " ".join(min(a.text, b.text, key=len).split()).strip(" ,.;:")
            lines.append(f"- “{_quote_text(words, 80)}”: {_who(a)} [{labels[a.source]}] · "
                         f"{_who(b)} [{labels[b.source]}]")
        lines.append("")
    lines += ["### Sourcing", "", "| Source | Attributions | Direct | Indirect | Named | Anonymous | Unattributed |",
              "|---|---|---|---|---|---|---|"]
    for p in report.sourcing:
        def cell(n: int) -> str:
            return f"{n} ({p.share(n):.0%})" if p.total else "0"
        lines.append(f"| [{labels[p.source]}] | {p.total} | {cell(p.direct)} | {cell(p.indirect)} | "
                     f"{cell(p.named)} | {cell(p.anonymous)} | {cell(p.unattributed)} |")
    lines.append("")
    return lines


def _quote_item(quote: Quote, labels: dict[str, str]) -> str:
    cite = f"[{labels.get(quote.source, quote.source)}]"
    if quote.kind == "direct":
        return f"“{_quote_text(quote.text)}” {cite}"
    cue = f"{escape(quote.cue)}: " if quote.cue else ""
    return f"_{cue}{_quote_text(quote.text)}_ {cite}"


def _who(quote: Quote) -> str:
    return escape(quote.speaker.name) if quote.speaker else "unattributed"


def _summary_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    if not report.summary:
        return [""]
    lines = ["", "## Summary", ""]
    for sentence in report.summary:
        who = escape(speaker_note(sentence.speakers))
        lines.append(f"- {escape(sentence.text)} {_cite(sentence.sources, labels)}" + (f" ({who})" if who else ""))
    return lines + [""]


def _headline_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    """The sources' headlines side by side, with the figures each one states."""
    if len(report.headlines) < 2:
        return []
    lines = ["## Headlines", "", "| Source | Headline | Figures |", "|---|---|---|"]
    for h in report.headlines:
        figures = ", ".join(f"{escape(w)} {escape(figure_value(v))}" for w, v in zip(h.whats, h.figures))
        lines.append(f"| [{labels[h.source]}] | {_cell(h.title)} | {figures or '—'} |")
    return lines + [""]


def _figure_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    """The figures side by side: a row per thing counted, a column per source."""
    if not report.figures:
        return []
    sources = [a.id for a in report.sources]
    lines = ["## Figures", "", "| What | " + " | ".join(f"[{labels[s]}]" for s in sources) + " | |",
             "|---|" + "---|" * len(sources) + "---|"]
    notes = []
    for figure in report.figures:
        cells: dict[str, str] = {}
        for v in figure.values:  # (a money row may hold several sums of one source)
            cells[v.source] = f"{cells[v.source]}; {figure_value(v)}" if v.source in cells else figure_value(v)
        flag = {"differ": "**differ**", "changed": "changed"}.get(figure.status, "")
        lines.append(f"| {escape(figure.what)} | " + " | ".join(escape(cells.get(s, "—")) for s in sources)
                     + f" | {flag} |")
        if figure.status != "agree":
            notes.append(f"- {escape(figure.what)}: {_labelled(figure.note, labels)}")
    return lines + [""] + (notes + [""] if notes else [])


def _labelled(note: str, labels: dict[str, str]) -> str:
    """A note that names sources by id, each id shown as its label and the words between escaped."""
    ids = re.compile("|".join(re.escape(s) for s in sorted(labels, key=len, reverse=True)))
    pieces, at = [], 0
    for m in ids.finditer(note):
        pieces += [escape(note[at:m.start()], strip=False), f"[{labels[m.group()]}]"]
        at = m.end()
    return ("".join(pieces) + escape(note[at:], strip=False)).strip()


def _timeline_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    if not report.timeline:
        return []
    lines = ["## When", ""]
    for entry in report.timeline:
        lines.append(f"- **{describe(entry.value)}** (`{entry.value}`)")
        for ev in entry.evidence:
            lines.append(f"  - {_quote_text(ev.text, 200)} [{labels.get(ev.source, ev.source)}]")
    return lines + [""]


def _fact_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    if not report.facts:
        return []
    lines = ["## What the sources say", ""]
    conflicting = [f for f in report.facts if f.status == "conflicting"]
    corroborated = [f for f in report.facts if f.status == "corroborated"]
    sure_conflicts = [f for f in conflicting if is_sure(f)]
    if sure_conflicts:
        lines += ["### Where they differ", ""]
        for fact in sure_conflicts:
            lines.append(f"- {escape(fact.kind or 'other')}: {_labelled(fact.note, labels)}")
            lines += [f"  - {_quote_text(e.text, 200)} [{labels.get(e.source, e.source)}]" for e in fact.evidence]
        lines.append("")
    sure = [f for f in corroborated if is_sure(f)]
    if sure:
        lines += ["### Reported by several sources", ""]
        for fact in sure:
            first, *rest = fact.evidence
            lines.append(f"- {_quote_text(first.text, 200)} {_cite(fact.sources, labels)}"
                         + (f" ({_labelled(fact.note, labels)})" if fact.note else ""))
            lines += [f"  - {_quote_text(e.text, 200)} [{labels.get(e.source, e.source)}]" for e in rest]
        lines.append("")
    unsure = [f"{n} less certain {one if n == 1 else many}" for n, one, many in (
        (len(conflicting) - len(sure_conflicts), "difference", "differences"),
        (len(corroborated) - len(sure), "match", "matches")) if n]
    if unsure:
        lines += [f"{' and '.join(unsure)} between sources (confidence under {SHOWN_CONFIDENCE}) are in the JSON "
                  "report.", ""]
    copied = [f for f in report.facts if f.status == "single_source" and len(f.sources) > 1]
    if copied:
        lines += ["### One report, printed by several outlets", ""]
        for fact in copied[:MAX_SINGLE_SOURCE]:
            lines.append(f"- {_quote_text(fact.evidence[0].text, 200)} ({_labelled(fact.note, labels)})")
        if len(copied) > MAX_SINGLE_SOURCE:
            lines.append(f"- … and {len(copied) - MAX_SINGLE_SOURCE} more (see the JSON report)")
        lines.append("")
    for article in report.sources:
        single = [f for f in report.facts if f.status == "single_source" and f.sources == (article.id,)]
        if not single or len(report.sources) < 2:
            continue
        label = labels[article.id]
        lines += [f"### Only in [{label}] ({len(single)} claims)", ""]
        for fact in single[:MAX_SINGLE_SOURCE]:
            lines.append(f"- {_quote_text(fact.evidence[0].text, 200)}")
        if len(single) > MAX_SINGLE_SOURCE:
            lines.append(f"- … and {len(single) - MAX_SINGLE_SOURCE} more (see the JSON report)")
        lines.append("")
    return lines


def _framing_lines(report: StoryReport, labels: dict[str, str]) -> list[str]:
    terms = [(source, words) for source, words in report.framing if words]
    if len(report.sources) < 2:
        return []
    lines = ["## Framing", "", "What each source stresses that the others do not (weighted log-odds, "
             "Monroe et al. 2008):", ""]
    profiles = {p.source: p for p in report.sourcing}
    for source, words in report.framing:
        p = profiles[source]
        sourcing = (f"{p.share(p.anonymous):.0%} of its attributions anonymous, {p.share(p.direct):.0%} direct"
                    if p.total else "no attributions")
        stressed = ", ".join(escape(w) for w in words) if words else "nothing stands out"
        lines.append(f"- [{labels.get(source, source)}] {stressed} — {sourcing}")
    return lines + [""] if terms or report.framing else []
