"""Time expressions and their values, resolved against the article's publication date.

Candidates are spaCy's DATE and TIME entities, plus a few words spaCy leaves out ("now").
Each is normalised to a TimeML/ISO value: ``2024-03-04``, ``2024-W10``, ``2024-03``,
``2024``, ``199X``, ``2024-Q1``, ``2024-SU``, ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``
for dates; ``P3D``/``P3DE`` for durations; ``2024-03-04T10:35``/``2024-03-04TNI`` for times.

A relative expression ("on Monday", "in March", "Oct. 7") is resolved in the direction the
sentence points: the governing verb's tense and aspect ("met on Monday" looks back, "is
expected to speak on Tuesday" and "will meet on Friday" look forward), or, for a date that
hangs from a noun ("his address on Thursday"), the nearest such day. With no publication
date, a relative expression keeps its text and gets no value.

The package: :mod:`.extract` finds the expressions in a parsed article and works out which way each
points; :mod:`.resolve` turns an expression's words into its value, by named rules tried in order.
"""

from .extract import extract_times, publication_day
from .resolve import FUTURE, NEAREST, PAST, resolve

__all__ = ["extract_times", "publication_day", "resolve", "PAST", "FUTURE", "NEAREST"]
