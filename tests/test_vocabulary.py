"""One vocabulary: pronouns, quote marks, name labels and number words are defined in storyline/vocabulary.py
and nowhere else, so a word added there reaches every module that reads it."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

# What a second definition of each looks like in source.
COPIES = {
    "pronouns": re.compile(r"""["']he["']\s*[:,]\s*(?:MALE|["']she["']|["']him["'])"""),
    "quote marks": re.compile(r"""["']\\?["']?“”|“”\\?["']"""),
    "name labels": re.compile(r"""frozenset\(\{["']PERSON["'],\s*["']ORG["'],\s*["']GPE["']"""),
    "number words": re.compile(r"""["']one["']:\s*1,\s*["']two["']:\s*2"""),
}


@pytest.mark.parametrize("what", sorted(COPIES))
def test_the_vocabulary_is_written_once(what):
    found = []
    for path in sorted((ROOT / "src" / "storyline").rglob("*.py")):
        if path.name == "vocabulary.py":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if COPIES[what].search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, f"{what} defined outside storyline/vocabulary.py:\n" + "\n".join(found)


def test_each_copy_pattern_finds_the_definition_it_guards():
    text = (ROOT / "src" / "storyline" / "vocabulary.py").read_text(encoding="utf-8")
    for what, pattern in COPIES.items():
        assert pattern.search(text), what
