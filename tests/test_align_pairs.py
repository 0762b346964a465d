"""The ECB+ sentence reader and the pair builder of benchmarks/align_pairs.py on the real data.

Skips when ECB+ (``../shared/data/ecbplus`` or ``$STORYLINE_DATA``) is absent.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from benchmarks import align_pairs as ap
from benchmarks import corpora

URL = re.compile(r"\s*(https?\b|www\b)", re.I)


@pytest.fixture(scope="module")
def sentences() -> list[corpora.EcbSentence]:
    try:
        return list(corpora.ecbplus_sentences())
    except corpora.DataMissing as err:
        pytest.skip(str(err))


@pytest.fixture(scope="module")
def pairs(sentences: list[corpora.EcbSentence]) -> list[ap.Pair]:
    return ap.sentence_pairs(3, 0, sentences)


def cross_doc(chains: frozenset[str]) -> set[str]:
    return {c for c in chains if "#" not in c}


def test_sentences(sentences: list[corpora.EcbSentence]) -> None:
    docs = {d.id: d.text.split("\n") for d in corpora.ecbplus_documents()}
    assert len(sentences) == sum(map(len, docs.values()))
    for sent in sentences:
        assert sent.text.strip() and not URL.match(sent.text), sent
        assert sent.text == " ".join(sent.text.split()), sent
        assert docs[sent.doc_id][sent.index].split() == sent.text.split(), sent
        assert sent.story == f"{sent.topic}_{sent.subtopic}"
        # doc-local chain ids name their own document
        for chain in (sent.events | sent.entities) - cross_doc(sent.events | sent.entities):
            assert chain.startswith(f"{sent.doc_id}#"), chain
        assert all(c[:3] in ("ACT", "NEG") for c in cross_doc(sent.events)), sent
        assert all(c[:3] in ("HUM", "LOC", "TIM", "NON") for c in cross_doc(sent.entities)), sent
    assert 1500 < sum(s.annotated for s in sentences) < len(sentences)
    first = next(s for s in sentences if s.doc_id == "1_1ecbplus")
    assert first.index == 0 and first.sentence == 1
    assert first.text.startswith("Lindsay Lohan Leaves Betty Ford")
    assert "ACT15736206310398879" in first.events  # "Leaves Betty Ford", a cross-doc chain
    assert "HUM15732980283919140" in first.entities  # Lindsay Lohan


def test_pairs(pairs: list[ap.Pair]) -> None:
    kinds = Counter(p.kind for p in pairs)
    assert set(kinds) == set(ap.KINDS) and kinds["positive"] > 1000
    assert kinds["same_story"] + kinds["sister_story"] <= 3 * kinds["positive"]
    seen = set()
    for p in pairs:
        a, b = p.a, p.b
        assert a.annotated and b.annotated
        assert a.doc_id != b.doc_id and a.topic == b.topic
        for s in (a, b):
            assert s.text.strip() and not URL.match(s.text)
        key = ((a.doc_id, a.index), (b.doc_id, b.index))
        assert key not in seen and key[::-1] not in seen
        seen.add(key)
        shared = a.events & b.events
        if p.kind == "positive":
            assert p.label == 1 and a.story == b.story
            assert shared and cross_doc(shared) == shared
        else:
            assert p.label == 0 and not shared
            assert (a.story == b.story) == (p.kind == "same_story")


def test_deterministic(sentences: list[corpora.EcbSentence], pairs: list[ap.Pair]) -> None:
    assert ap.sentence_pairs(3, 0, sentences) == pairs
    other = ap.sentence_pairs(3, 1, sentences)
    assert [p for p in other if p.label] == [p for p in pairs if p.label]
    assert other != pairs
    fewer = ap.sentence_pairs(1, 0, sentences)
    assert sum(1 - p.label for p in fewer) <= sum(p.label for p in fewer)


def test_split(pairs: list[ap.Pair]) -> None:
    dev, test = ap.split(pairs)
    assert len(dev) + len(test) == len(pairs) and dev and test
    assert all(int(p.a.topic) <= 22 for p in dev) and all(int(p.a.topic) > 22 for p in test)


def test_evaluate(pairs: list[ap.Pair]) -> None:
    def oracle(a: str, b: str) -> float:
        return float(bool(events[a] & events[b]))

    events = {}
    for p in pairs:
        events[p.a.text], events[p.b.text] = p.a.events, p.b.events
    sample = pairs[:200] + [p for p in pairs if not p.label][:200]
    result = ap.evaluate(oracle, sample)
    assert result["auc"] > 0.95 and result["f1"] > 0.95 and result["threshold"] == 1.0
    fixed = ap.evaluate_threshold(oracle, sample, 0.5)
    assert fixed["precision"] > 0.95 and fixed["recall"] > 0.95
