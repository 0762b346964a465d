"""Fitted parameters: the numbers learnt from data, kept as JSON files beside this module.

Each file holds what a fitting script wrote, with its provenance (the script and arguments, the data
it was fitted on, the date, the commit and the scores it reached):

- ``summary.json``: the summary's linear sentence score (weights by feature name, the weights over the
  MiniLM embeddings, the novelty penalty and near-repeat threshold), by
  ``python -m benchmarks.fit_summary --write``;
- ``summary_trees.json``: the regression trees that correct that score, as node tables, by
  ``python -m benchmarks.fit_summary --trees --write``;
- ``align.json``: the fact-alignment match score (weights by feature name and bias), by
  ``python -m benchmarks.calibrate_align --fit --write`` (or ``--fit-only FEATURE ... --write``).

Hand-set constants are not here: they stay in the code, each with its calibration note. Numbers are
written in full (a JSON float reads back as the same Python float), so a file read back scores exactly
as the fit did.
"""

from __future__ import annotations

import datetime
import json
import shlex
import subprocess
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import StorylineError

FOLDER = Path(__file__).resolve().parent


class ParamsError(StorylineError):
    """A parameter file is missing, unreadable, or does not fit the code that reads it."""


def path_of(name: str | Path) -> Path:
    """The file of a parameter set: ``"summary"`` is ``params/summary.json``; a path is itself."""
    return Path(name) if isinstance(name, Path) else FOLDER / f"{name}.json"


def load(name: str | Path, **names: tuple[str, ...]) -> dict[str, Any]:
    """The parameters of ``name`` (read once per process for the files shipped here; a path is read
    each time), checked against the code: each keyword names an entry of the file and the feature names
    the code has for it, in the code's order. An entry that is an object (weights by feature name) must
    have exactly those names, in any order; a list (the inputs trees index by position) must be those
    names in that order.

    The result is shared between callers: read it, do not change it.

    Raises:
        ParamsError: the file is missing or not JSON, or an entry is missing or names other features.
    """
    path = path_of(name)
    data = _read(path) if isinstance(name, str) else _parse(path)
    for key, expected in names.items():
        _check(path, data, key, tuple(expected))
    return data


@lru_cache(maxsize=None)
def _read(path: Path) -> dict[str, Any]:
    return _parse(path)


def _parse(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ParamsError(f"{path}: fitted parameters not found. Reinstall Storyline, or write the file "
                          "with the fitting script named in storyline/params/__init__.py") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParamsError(f"{path}: fitted parameters cannot be read ({exc}). Restore the file from the "
                          "repository, or write it again with its fitting script") from None
    if not isinstance(data, dict):
        raise ParamsError(f"{path}: fitted parameters must be a JSON object")
    return data


def _check(path: Path, data: Mapping[str, Any], key: str, expected: tuple[str, ...]) -> None:
    """Raise a ParamsError unless ``data[key]`` names exactly the ``expected`` features."""
    refit = f"Refit with the script in {path.name}'s provenance, or make the code's features match the file"
    if key not in data:
        raise ParamsError(f"{path}: no {key!r} entry. {refit}")
    found = data[key]
    if isinstance(found, Mapping):
        extra = [n for n in found if n not in expected]
        missing = [n for n in expected if n not in found]
        if extra or missing:
            raise ParamsError(
                f"{path}: {key!r} does not fit the code's features: "
                + "; ".join(part for part in (
                    f"the file has {', '.join(extra)}, which the code does not" if extra else "",
                    f"the code has {', '.join(missing)}, which the file does not" if missing else "") if part)
                + f". {refit}")
    elif not isinstance(found, list):
        raise ParamsError(f"{path}: {key!r} must be an object of weights by feature name or a list of feature "
                          f"names. {refit}")
    elif tuple(found) != expected:
        at = next((n for n, (a, b) in enumerate(zip(found, expected)) if a != b), min(len(found), len(expected)))
        theirs = found[at] if at < len(found) else "(the end)"
        ours = expected[at] if at < len(expected) else "(the end)"
        raise ParamsError(f"{path}: {key!r} does not fit the code's features: entry {at} is {theirs!r} in the "
                          f"file and {ours!r} in the code ({len(found)} against {len(expected)} entries). {refit}")


def dumps(data: Mapping[str, Any]) -> str:
    """``data`` as the parameter files are written: JSON, an object's entries one a line, a list of
    numbers ten to a line (names as many as fit), every float in full."""
    return _format(data, "") + "\n"


def save(name: str | Path, data: Mapping[str, Any]) -> Path:
    """Write ``data`` (see :func:`dumps`) to the file of ``name``; returns its path."""
    path = path_of(name)
    path.write_text(dumps(data), encoding="utf-8")
    if isinstance(name, str):
        _read.cache_clear()
    return path


def _plain(value: Any) -> Any:
    """Numpy scalars and arrays as Python numbers and lists."""
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def _format(value: Any, indent: str) -> str:
    value = _plain(value)
    inner = indent + "  "
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        items = [f"{inner}{json.dumps(str(k))}: {_format(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, (list, tuple)):
        value = [_plain(v) for v in value]
        if not value:
            return "[]"
        if all(not isinstance(v, (Mapping, list, tuple)) for v in value):
            atoms = [json.dumps(v, allow_nan=False, ensure_ascii=False) for v in value]
            if all(isinstance(v, (int, float)) for v in value):  # ten to a line: node n is row n // 10
                rows = [", ".join(atoms[i:i + 10]) for i in range(0, len(atoms), 10)]
            else:  # names: as many as fit in 100 characters
                rows = [atoms[0]]
                for atom in atoms[1:]:
                    if len(rows[-1]) + len(atom) + 2 > 100:
                        rows.append(atom)
                    else:
                        rows[-1] += ", " + atom
            if len(rows) == 1 and len(indent) + len(rows[0]) < 100:
                return "[" + rows[0] + "]"
            return "[\n" + ",\n".join(inner + row for row in rows) + f"\n{indent}]"
        return "[\n" + ",\n".join(inner + _format(v, inner) for v in value) + f"\n{indent}]"
    return json.dumps(value, allow_nan=False, ensure_ascii=False)


def provenance(script: str, argv: Sequence[str], **fields: Any) -> dict[str, Any]:
    """Where fitted numbers come from, for a fitting script to write beside them: ``script``, its arguments
    ``argv``, today's date, the commit of the checkout it ran in (where it is one) and ``fields`` (what was
    fitted, on which data, how, and the scores reached)."""
    return {"script": script, "arguments": shlex.join(argv), "date": datetime.date.today().isoformat(),
            "commit": _commit(), **fields}


def _commit() -> str | None:
    """The checkout's commit, noting changes not committed; None outside a git checkout."""
    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-C", str(FOLDER), *args], capture_output=True, text=True, timeout=30)

    try:
        head = git("rev-parse", "--short", "HEAD")
        if head.returncode:
            return None
        changed = git("status", "--porcelain", "--untracked-files=no").stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + (" (with changes not committed)" if changed else "")
