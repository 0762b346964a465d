"""The fitted parameters (src/storyline/params/*.json): they fit the code, carry their provenance, and what
the fitting scripts write reads back exactly (no corpus, no fit: the writers are given the shipped numbers)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storyline import params
from storyline.params import ParamsError


def _same(a, b) -> bool:
    """Equal to the bit, dtype and shape included."""
    a, b = np.asarray(a), np.asarray(b)
    return a.dtype == b.dtype and a.shape == b.shape and a.tobytes() == b.tobytes()


@pytest.mark.parametrize("name", ["summary", "summary_trees", "align"])
def test_each_file_carries_its_provenance(name):
    data = params.load(name)
    assert data["provenance"]
    for entry in data["provenance"]:
        assert {"script", "arguments", "date", "scores"} <= set(entry)
        assert (Path(__file__).resolve().parents[2] / entry["script"]).exists()


def test_the_code_reads_the_files():
    from storyline.story import align, summary

    weights = params.load("summary")["weights"]
    assert summary.WEIGHTS == tuple(summary.FIXED_WEIGHTS.get(f, weights.get(f)) for f in summary.FEATURES)
    assert summary.EMBEDDING_WEIGHTS.shape == (768,)
    assert len(summary.TREES) == len(params.load("summary_trees")["trees"]) == 110
    assert summary.TREES is summary.TREES  # made once per process
    fitted = params.load("align")["weights"]
    assert align.MATCH_WEIGHTS.tolist() == [align.HAND_SET.get(f, fitted.get(f)) for f in align.FEATURES]
    assert align.MATCH_BIAS == params.load("align")["bias"]


def test_importing_storyline_reads_no_parameters():
    code = "import sys, storyline; print([m for m in sys.modules if m.startswith('storyline.params')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _file(tmp_path, data) -> Path:
    path = tmp_path / "p.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("data, message", [
    ({"weights": {"a": 1.0, "b": 2.0, "z": 3.0}},
     "'weights' does not fit the code's features: the file has z, which the code does not; "
     "the code has c, which the file does not."),
    ({"weights": {"a": 1.0, "b": 2.0}}, "'weights' does not fit the code's features: the code has c, which "
                                        "the file does not."),
    ({}, "no 'weights' entry."),
    ({"weights": 3}, "'weights' must be an object of weights by feature name or a list of feature names."),
])
def test_weights_that_do_not_fit_the_features_are_refused(tmp_path, data, message):
    path = _file(tmp_path, data)
    with pytest.raises(ParamsError) as caught:
        params.load(path, weights=("a", "b", "c"))
    assert str(caught.value).startswith(f"{path}: {message} Refit with the script in p.json's provenance")


def test_weights_by_name_may_come_in_any_order(tmp_path):
    assert params.load(_file(tmp_path, {"weights": {"c": 3.0, "a": 1.0, "b": 2.0}}), weights=("a", "b", "c"))


def test_inputs_by_position_must_come_in_the_code_order(tmp_path):
    path = _file(tmp_path, {"inputs": ["a", "c", "b"]})
    with pytest.raises(ParamsError, match="entry 1 is 'c' in the file and 'b' in the code"):
        params.load(path, inputs=("a", "b", "c"))
    with pytest.raises(ParamsError, match=r"entry 2 is '\(the end\)' in the file and 'c' in the code \(2 against 3"):
        params.load(_file(tmp_path, {"inputs": ["a", "b"]}), inputs=("a", "b", "c"))


@pytest.mark.parametrize("text, problem", [
    (None, "fitted parameters not found"),
    ("{", "fitted parameters cannot be read"),
    ("[1, 2]", "fitted parameters must be a JSON object"),
])
def test_a_missing_or_broken_file_is_a_clear_error(tmp_path, text, problem):
    path = tmp_path / "p.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ParamsError, match=problem):
        params.load(path)


def test_floats_are_written_in_full():
    values = [0.1 + 0.2, -0.0, 1e-300, 2.0 ** -1074, 5.327876168789581, np.float64(1 / 3), 7]
    back = json.loads(params.dumps({"v": values}))["v"]
    assert [repr(v) for v in back] == [repr(float(v)) if not isinstance(v, int) else repr(v) for v in values]
    with pytest.raises(ValueError):
        params.dumps({"v": [float("nan")]})


def test_fit_summary_writes_a_file_the_scorer_reads_back(tmp_path):
    from benchmarks import fit_summary

    from storyline.story import summary

    path = fit_summary.write_summary(
        np.array(summary.WEIGHTS), summary.EMBEDDING_WEIGHTS, summary.NOVELTY, summary.REDUNDANCY,
        ["--write"], ["1000-1799", "2100-2899"], dict(summary.FIXED_WEIGHTS), {"check": [0.02, 0.019]},
        path=tmp_path / "summary.json")
    fitted = [f for f in summary.FEATURES if f not in summary.FIXED_WEIGHTS]
    data = params.load(path, weights=tuple(fitted))
    assert tuple(summary.FIXED_WEIGHTS.get(f, data["weights"].get(f)) for f in summary.FEATURES) == summary.WEIGHTS
    assert _same(np.array(data["embedding_weights"], dtype=float), summary.EMBEDDING_WEIGHTS)
    assert (data["novelty"], data["redundancy"]) == (summary.NOVELTY, summary.REDUNDANCY)
    (entry,) = data["provenance"]
    assert entry["script"] == "benchmarks/fit_summary.py" and entry["arguments"] == "--write"
    assert entry["scores"] == {"check": [0.02, 0.019]}
    assert "clusters 1000-1799 2100-2899" in entry["data"]
    # the shipped file, rewritten from what the code read, holds the same numbers
    shipped = params.load("summary")
    assert {k: data[k] for k in ("weights", "embedding_weights", "novelty", "redundancy")} == \
        {k: shipped[k] for k in ("weights", "embedding_weights", "novelty", "redundancy")}


def test_fit_summary_writes_trees_the_scorer_reads_back(tmp_path):
    from benchmarks import fit_summary

    from storyline.story import summary

    exported = [tuple(part.tolist() for part in tree) for tree in summary.TREES]  # as exported_trees gives them
    path = fit_summary.write_trees(exported, ["--trees", "--write"], ["1000-1799"], 22044, {},
                                   path=tmp_path / "trees.json")
    back = summary.load_trees(path)
    assert len(back) == len(summary.TREES)
    assert all(_same(a, b) for new, old in zip(back, summary.TREES) for a, b in zip(new, old))
    assert "110 trees, 6710 nodes" in params.load(path)["provenance"][0]["method"]


def test_calibrate_align_writes_a_file_the_matcher_reads_back(tmp_path):
    from benchmarks import calibrate_align

    from storyline.story import align

    fitted = [f for f in align.FEATURES if f not in align.HAND_SET]
    path = calibrate_align.write_params(align.MATCH_WEIGHTS, align.MATCH_BIAS, ["--fit", "--write"], fitted,
                                        {"pairs": [0.9]}, path=tmp_path / "align.json")
    data = params.load(path, weights=tuple(fitted))
    assert _same([align.HAND_SET.get(f, data["weights"].get(f)) for f in align.FEATURES], align.MATCH_WEIGHTS)
    assert data["bias"] == align.MATCH_BIAS
    assert [e["arguments"] for e in data["provenance"]] == ["--fit --write"]  # a full refit: its own alone
    # fitting one weight keeps the provenance of the weights it held
    path = calibrate_align.write_params(align.MATCH_WEIGHTS, align.MATCH_BIAS, ["--fit-only", "actors", "--write"],
                                        ["actors"], {}, path=tmp_path / "align.json")
    entries = params.load(path)["provenance"]
    assert entries[:-1] == params.load("align")["provenance"]
    assert entries[-1]["values"] == ["weights: actors"]
