"""Docs are code: the README's Python example runs, and the CLI reference is current."""

from __future__ import annotations

import re
import subprocess
import sys

from .conftest import ROOT


def test_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks, "the README has no Python example"
    result = subprocess.run([sys.executable, "-c", blocks[0]], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("9 Benny Gantz ['a top political rival of Israeli Prime Minister")


def test_cli_reference_is_generated_from_the_cli():
    from scripts import cli_docs

    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == cli_docs.render(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/cli_docs.py > docs/cli.md")


def test_every_test_the_readme_names_exists():
    """The README backs each promise with a test by name (`tests/x.py::name`, then `::name` in the same
    file): each must exist, so that a renamed or deleted test cannot leave a promise unbacked."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named, path = [], None
    for file, name in re.findall(r"`(tests/[\w/]+\.py)?(?:::(\w+))?`", readme):
        path = file or path
        if file and not name:
            named.append((path, None))
        elif name:
            named.append((path, name))
    assert len(named) >= 15
    for file, name in named:
        source = (ROOT / file).read_text(encoding="utf-8")
        assert name is None or re.search(rf"^def {name}\(", source, re.M), f"{file}::{name} is not a test"
