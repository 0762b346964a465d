"""Accuracy gates: small slices of the annotated corpora, scored in CI against pinned floors.

The floors live in benchmarks/floors.json. The full evaluations are the scripts in benchmarks/.
"""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT, corpus_or_skip

FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))


def test_quote_extraction_on_polnear_dev_slice():
    corpus_or_skip("polnear")
    import eval_quotes

    floors = FLOORS["quotes_polnear_dev_30"]
    figures = eval_quotes.evaluate("dev", limit=30, baseline=False)["systems"]["storyline"]
    measured = {
        "direct_f1": figures["direct"]["f1"],
        "direct_speaker_accuracy": figures["direct"]["speaker_accuracy"],
        "all_f1": figures["all"]["f1"],
    }
    for key, value in measured.items():
        assert value >= floors[key], f"{key} fell to {value:.3f}, below its floor {floors[key]}"
    assert measured["all_f1"] < 1.0 and figures["predictions"] > 0  # the gate measures something
