"""Render an article's text as HTML with nested highlights, escaping every character."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlight: ``open_tag``/``close_tag`` are trusted HTML built by the caller."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def render_marked(text: str, marks: Sequence[Mark], start: int = 0, end: int | None = None) -> Markup:
    """Escape ``text[start:end]`` and wrap the marked spans in their tags.

    Marks may nest; a mark that crosses another is closed and reopened around it, so
    the output is always well-formed. Paragraph breaks become ``<br>``.
    """
    end = len(text) if end is None else end
    marks = sorted((m for m in marks if m.start < end and m.end > start and m.start < m.end),
                   key=lambda m: (m.start, -m.end))
    points = sorted({start, end} | {max(start, m.start) for m in marks} | {min(end, m.end) for m in marks})
    out: list[str] = []
    stack: list[Mark] = []
    pending = list(marks)
    for a, b in zip(points, points[1:]):
        # close marks that ended
        while stack and stack[-1].end <= a:
            out.append(stack.pop().close_tag)
        if any(m.end <= a for m in stack):  # a mark crossing an inner one: close and reopen
            keep = [m for m in stack if m.end > a]
            out.extend(m.close_tag for m in reversed(stack))
            stack = []
            for m in keep:
                out.append(m.open_tag)
                stack.append(m)
        while pending and max(start, pending[0].start) <= a:
            mark = pending.pop(0)
            out.append(mark.open_tag)
            stack.append(mark)
        out.append(str(escape(text[a:b])).replace("\n", "<br>\n"))
    out.extend(m.close_tag for m in reversed(stack))
    return Markup("".join(out))
