"""The B-cubed scorer and helpers of benchmarks/eval_cluster.py on hand-made cases (no corpus)."""

from __future__ import annotations

import pytest

from benchmarks import eval_cluster as ec


def close(score: dict, p: float, r: float, f1: float) -> None:
    assert score["p"] == pytest.approx(p)
    assert score["r"] == pytest.approx(r)
    assert score["f1"] == pytest.approx(f1)


def test_perfect_clustering_scores_one_whatever_the_label_names():
    gold = ["a", "a", "b", "b", "b", "c"]
    close(ec.bcubed(gold, gold), 1, 1, 1)
    close(ec.bcubed([7, 7, 3, 3, 3, 0], gold), 1, 1, 1)


def test_everything_in_one_cluster():
    # a: 2 items, b: 1 item -> precision 2/3, 2/3, 1/3; recall 1
    close(ec.bcubed([0, 0, 0], ["a", "a", "b"]), 5 / 9, 1, 2 * (5 / 9) / (5 / 9 + 1))


def test_all_singletons():
    # precision 1; recall 1/2, 1/2, 1
    close(ec.bcubed([0, 1, 2], ["a", "a", "b"]), 1, 2 / 3, 0.8)


def test_split_of_one_class():
    # one gold class of 4 split 2 + 1 + 1: recall (2/4 + 2/4 + 1/4 + 1/4) / 4 = 3/8
    close(ec.bcubed([1, 1, 2, 3], ["a"] * 4), 1, 3 / 8, 6 / 11)


def test_small_example_by_hand():
    # gold {0,1}=a, {2,3,4}=b; predicted {0,1,2,3}, {4}
    # precision: 2/4, 2/4, 2/4, 2/4, 1     -> 3/5
    # recall:    2/2, 2/2, 2/3, 2/3, 1/3   -> 11/15
    # F1 = 2 * 3/5 * 11/15 / (3/5 + 11/15) = 33/50
    close(ec.bcubed([1, 1, 1, 1, 2], ["a", "a", "b", "b", "b"]), 3 / 5, 11 / 15, 33 / 50)


def test_item_order_does_not_matter():
    pred, gold = [1, 1, 1, 1, 2], ["a", "a", "b", "b", "b"]
    order = [4, 2, 0, 3, 1]
    assert ec.bcubed([pred[i] for i in order], [gold[i] for i in order]) == pytest.approx(
        ec.bcubed(pred, gold))


def test_bad_input_raises():
    with pytest.raises(ValueError):
        ec.bcubed([0, 1], ["a"])
    with pytest.raises(ValueError):
        ec.bcubed([], [])


def test_hashed_order_is_a_fixed_permutation_not_the_given_order():
    ids = [f"{t}_{n}ecb" for t in range(1, 6) for n in range(1, 6)]
    order = ec.hashed_order(ids)
    assert sorted(order) == list(range(len(ids)))
    assert order == ec.hashed_order(list(ids))
    assert order != list(range(len(ids)))
    # the order depends on the ids only, not on where they stand in the input
    rev = ids[::-1]
    assert [rev[i] for i in ec.hashed_order(rev)] == [ids[i] for i in order]


def test_restrict_and_noise_singletons():
    assert ec.restrict([5, 6, 7, 8], [True, False, True, False]) == [5, 7]
    assert ec.singletons_for_noise([0, -1, 1, -1, 0]) == [0, 2, 1, 3, 0]
    assert ec.singletons_for_noise([-1, -1]) == [0, 1]
