"""Markdown for the scripts' output: tables, percentages, and spans shown in their context in an
error report."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

ALIGN = {"l": "---", "r": "---:"}


def row(cells: Iterable[object]) -> str:
    """One table line: ``| a | b | c |`` (each cell as ``str`` gives it; an empty cell is ``|  |``)."""
    return "| " + " | ".join(str(c) for c in cells) + " |"


def rule(align: str) -> str:
    """The line under a table's header, one column per letter of ``align``: ``l`` (``---``, the
    default look) or ``r`` (``---:``, right-aligned numbers)."""
    return "|" + "".join(ALIGN[a] + "|" for a in align)


def table(header: Sequence[str], rows: Iterable[Iterable[object]] = (), align: str | None = None) -> list[str]:
    """The lines of a Markdown table: ``header``, its rule (``align``, default every column ``l``: see
    :func:`rule`), then one line per row. With no rows, the head alone, for a script that prints its
    rows as it computes them (with :func:`row`)."""
    return [row(header), rule(align or "l" * len(header)), *(row(r) for r in rows)]


def print_table(header: Sequence[str], rows: Iterable[Iterable[object]] = (), align: str | None = None) -> None:
    """Print :func:`table`'s lines."""
    print("\n".join(table(header, rows, align)))


def pct(x: float) -> str:
    """A share as a percentage with one decimal, no sign: ``0.9534`` -> ``95.3``."""
    return f"{100 * x:.1f}"


def show(text: str) -> str:
    """Text on one line: carriage returns dropped, line breaks as ``⏎``."""
    return text.replace("\r", "").replace("\n", " ⏎ ")


def in_context(text: str, start: int, end: int, width: int) -> str:
    """``text[start:end]`` marked ``⟦…⟧`` with ``width`` characters of context either side, on one line."""
    left, right = text[max(0, start - width):start], text[end:end + width]
    return f"…{show(left)}⟦{show(text[start:end])}⟧{show(right)}…"
