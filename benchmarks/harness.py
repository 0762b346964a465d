"""What every evaluation script does around its own work: check that its corpora are here, note a
baseline that is not installed, and close with the figures (printed as Markdown, timed, written as JSON).

A script's ``main`` reads like this::

    if not harness.data_ready("polnear"):
        return
    baseline = harness.installed("textacy", "textacy is not installed (...); running without the baseline")
    started = time.perf_counter()
    figures, details = run(...)
    harness.finish(figures, markdown, started, args.json)
"""

from __future__ import annotations

import importlib
import json
import time
from collections.abc import Callable
from pathlib import Path

from . import corpora


def data_ready(*names: str) -> bool:
    """Whether every named corpus (a folder under :data:`corpora.DATA_DIR`) is on this machine; where one
    is not, print ``skipped: <why>`` and return False, so that the script ends cleanly."""
    try:
        for name in names:
            corpora.data_dir(name)
    except corpora.DataMissing as exc:
        print(f"skipped: {exc}")
        return False
    return True


def installed(module: str, missing: str) -> bool:
    """Whether ``module`` (a baseline's package, from the ``eval`` extra) imports; where it does not,
    print ``missing`` (what is left out, and how to install it) and return False."""
    try:
        importlib.import_module(module)
    except ImportError:
        print(missing)
        return False
    return True


def plain(obj):
    """A JSON-ready copy of ``obj``: numpy numbers as Python numbers, tuples as lists, keys as strings."""
    if isinstance(obj, dict):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [plain(v) for v in obj]
    if hasattr(obj, "item"):
        return obj.item()
    return obj


def write_json(path: Path, figures: dict) -> None:
    """Write ``figures`` to ``path`` as indented JSON (see :func:`plain`)."""
    path.write_text(json.dumps(plain(figures), indent=2) + "\n", encoding="utf-8")


def finish(figures: dict, markdown: Callable[[dict], str], started: float, json_path: Path | None = None) -> None:
    """Close an evaluation: its wall time since ``started`` (``time.perf_counter()``) into
    ``figures["seconds"]``, the figures printed as ``markdown`` renders them and the total time, and,
    with ``json_path``, the figures written there as JSON."""
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(markdown(figures))
    print(f"\ntotal {figures['seconds']} s")
    if json_path:
        write_json(json_path, figures)
