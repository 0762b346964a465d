"""Figures as a reader sees them: "at least 3", "about 200", "$137m"."""

from __future__ import annotations

from ..types import FigureValue


def figure_value(value: FigureValue) -> str:
    """A figure's value with its qualifier and currency, as written in a table cell."""
    number = value.value
    if number >= 1_000_000_000 and number % 10_000_000 == 0:
        shown = f"{number / 1_000_000_000:g} billion"
    elif number >= 1_000_000 and number % 10_000 == 0:
        shown = f"{number / 1_000_000:g} million"
    else:
        shown = f"{number:,.10g}"
    if value.unit == "%":  # a share: "65%"
        shown += "%"
    elif value.unit and len(value.unit) == 1 and not value.unit.isalnum():  # a currency sign
        shown = value.unit + shown
    return f"{value.qualifier} {shown}" if value.qualifier else shown
