"""Accuracy gates: small slices of the annotated corpora, scored in CI against pinned floors.

The floors live in benchmarks/floors.json. The full evaluations are the scripts in benchmarks/.
"""

from __future__ import annotations

import json

from .conftest import ROOT, corpus_or_skip

FLOORS = json.loads((ROOT / "benchmarks" / "floors.json").read_text(encoding="utf-8"))


def test_quote_extraction_on_polnear_dev_slice():
    corpus_or_skip("polnear")
    from benchmarks import eval_quotes

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


def test_cited_summary_on_multinews_slice():
    corpus_or_skip("multinews")
    from benchmarks import eval_summary

    floors = FLOORS["summary_multinews_40"]
    figures, _ = eval_summary.run(limit=40, processes=1)
    over_lead = figures["storyline_minus_lead"]
    citations = figures["systems"]["storyline"]["citations"]
    for key in ("rouge1", "rouge2"):
        assert over_lead[key] >= floors[f"{key}_over_lead"], \
            f"ROUGE {key} over lead fell to {over_lead[key]:+.4f}, below its floor {floors[f'{key}_over_lead']}"
    assert citations["citation_coverage"] == 1.0 and citations["evidence_valid"] == 1.0
    assert citations["summary_sentences"] > 40  # the gate measures something


def test_comparison_of_sources_on_the_compare_gold_dev_events():
    """Issue 27's figures on the hand-made gold set's dev events (benchmarks/compare; texts from ECB+)."""
    corpus_or_skip("ecbplus")
    from benchmarks import compare_gold, eval_compare

    floors = FLOORS["compare_dev"]
    events = compare_gold.load_events("dev")
    totals = eval_compare.totals([eval_compare.score_event(e, eval_compare.analyse(e)) for e in events])
    for key, floor in floors.items():
        if key == "measured":
            continue
        value = totals[key]
        if key.startswith("traps matched"):  # "1 of 47": a ceiling, not a floor
            matched = int(value.split(" of ")[0])
            assert matched <= floor, f"{matched} traps matched, above the ceiling of {floor}"
        elif key.startswith("named called anonymous"):
            assert value <= floor, f"{key} rose to {value}, above its ceiling {floor}"
        else:
            assert value >= floor, f"{key} fell to {value}, below its floor {floor}"
    assert totals["conflicts reported"] > 0 and totals["events"] == len(events) >= 8  # the gate measures something
