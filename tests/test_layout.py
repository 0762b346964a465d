"""The house rules a refactor must keep (issue 26): benchmarks and tests import the package and each
other as packages, with no sys.path edits; no module of Storyline imports its public API back."""

from __future__ import annotations

import re

from .conftest import ROOT


def test_no_code_edits_sys_path():
    found = [f"{p.relative_to(ROOT)}:{n}" for folder in ("benchmarks", "tests", "scripts", "src")
             for p in sorted((ROOT / folder).rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"sys\.path\.(insert|append)", line) and p.name != "test_layout.py"]
    assert not found, found


def test_no_module_imports_the_public_api_back():
    """`from storyline import x` (or `from .. import x` reaching the package root) inside the package makes
    an import cycle through storyline/__init__.py; modules import what they need from where it is defined."""
    package = ROOT / "src" / "storyline"
    found = []
    for path in sorted(package.rglob("*.py")):
        depth = len(path.relative_to(package).parts) - 1
        root_import = re.compile(r"^\s*from\s+(storyline|\.{%d})\s+import\s" % (depth + 1)) if depth else \
            re.compile(r"^\s*from\s+(storyline|\.)\s+import\s")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            m = root_import.match(line)
            names = [w.strip() for w in line[m.end():].split(",")] if m else []
            # (a subpackage or module of the package is fine: `from .. import params`)
            if path.name != "__init__.py" and m and not all((package / w).is_dir() or (package / f"{w}.py").exists()
                                                             for w in names):
                found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not found, found
