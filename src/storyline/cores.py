"""How many cores this process may use.

A module of its own, so that what only needs the count (the Ray engine's driver, the embedding helper)
does not import spaCy with :mod:`storyline.nlp.pipeline`.
"""

from __future__ import annotations

import os


def default_processes() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
