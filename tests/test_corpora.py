"""Checks of the evaluation-corpus readers in benchmarks/corpora.py on the real data.

Every data test skips when the corpora folder (``../shared/data`` or
``$STORYLINE_DATA``) is absent, as on a user's machine.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks import corpora

SKIP_MESSAGE = "evaluation corpora not found (../shared/data)"
URL = re.compile(r"\s*(https?\b|www\b)", re.I)


@pytest.fixture(scope="module")
def data() -> Path:
    """The corpora folder; skips the test where it is absent."""
    if not corpora.DATA_DIR.is_dir():
        pytest.skip(SKIP_MESSAGE)
    return corpora.DATA_DIR


def assert_iso(value: str | None) -> None:
    assert value is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    datetime.date.fromisoformat(value)


def assert_timexes_align(docs: list[corpora.TimemlDoc]) -> None:
    for doc in docs:
        for timex in doc.timexes:
            assert doc.text[timex.start:timex.end] == timex.text, (doc.id, timex)
            assert timex.text.strip() and timex.value and timex.type, (doc.id, timex)


# ------------------------------------------------------------------ no data needed
def test_data_dir_missing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(corpora, "DATA_DIR", tmp_path)
    with pytest.raises(corpora.DataMissing, match="STORYLINE_DATA"):
        corpora.data_dir("polnear")
    with pytest.raises(corpora.DataMissing):
        next(corpora.ecbplus_documents())


@pytest.mark.parametrize("reader", [corpora.polnear_documents, corpora.conll_sentences])
def test_bad_split(reader) -> None:
    with pytest.raises(ValueError):
        next(reader("test"))


# ------------------------------------------------------------------------ PolNeAR
_BRAT_T = re.compile(r"^T\d+\t\S+ ([\d ;]+)\t(.*?)(?=\n[TE#]\d*\t|\n?\Z)", re.M | re.S)


@pytest.mark.parametrize("split,n_docs,n_attributions", [("dev", 84, 2192),
                                                          ("train", 840, 19834)])
def test_polnear(data: Path, split: str, n_docs: int, n_attributions: int) -> None:
    docs = list(corpora.polnear_documents(split))
    assert len(docs) == n_docs
    assert len({d.id for d in docs}) == n_docs
    assert sum(len(d.attributions) for d in docs) == n_attributions
    assert {d.outlet for d in docs} == {"breitbart", "huff-post", "nyt", "politico",
                                        "usa-today", "wash-post", "west-journal"}
    for doc in docs:
        for att in doc.attributions:
            assert att.cue or att.content, (doc.id, att)
            for start, end in att.source + att.cue + att.content:
                assert 0 <= start < end <= len(doc.text), (doc.id, att)
                assert doc.text[start:end].strip(), (doc.id, att)
    attributions = [a for d in docs for a in d.attributions]
    assert any(not a.source for a in attributions)  # Attribution-no-source
    assert any(len(a.content) > 1 for a in attributions)  # discontinuous spans kept

    # Offsets against the gold span text of the first (sorted) .ann of every
    # document; brat's copy differs from the article in whitespace only.
    by_id = {d.id: d.text for d in docs}
    checked = 0
    for ann in sorted((data / "polnear" / split / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        text = by_id.pop(stem, None)
        if text is None:
            continue  # a second annotator's file
        for locs, gold in _BRAT_T.findall(ann.read_text(encoding="utf-8")):
            frags = [tuple(map(int, f.split())) for f in locs.split(";")]
            got = " ".join(text[s:e] for s, e in frags)
            assert got.split() == gold.split(), (ann.name, locs)
            checked += 1
    assert checked > 2 * n_attributions


@pytest.mark.parametrize("split,n_second", [("dev", 2), ("train", 16)])
def test_polnear_second_annotator(data: Path, split: str, n_second: int) -> None:
    docs = list(corpora.polnear_documents(split))
    doubled = [d for d in docs if d.second is not None]
    assert len(doubled) == n_second
    # the second annotator's own file, not the first one read twice
    assert any(d.second != d.attributions for d in doubled)
    for doc in doubled:
        assert doc.second, doc.id
        for att in doc.second:
            for start, end in att.source + att.cue + att.content:
                assert 0 <= start < end <= len(doc.text), (doc.id, att)


# ------------------------------------------------------------------------- TimeML
def test_tempeval(data: Path) -> None:
    docs = list(corpora.tempeval_documents())
    assert len(list((data / "tempeval3" / "training").rglob("*.tml"))) == 257
    assert len(docs) == 256  # testpipeline/AP900815-0044.tml duplicates TimeBank's
    assert len({d.id for d in docs}) == 256
    assert sum(len(d.timexes) for d in docs) == 1822
    for doc in docs:
        assert_iso(doc.dct)
        assert "<" not in doc.text and "&amp;" not in doc.text, doc.id
        assert all(t.tid != "t0" for t in doc.timexes), doc.id  # DCT excluded
    assert_timexes_align(docs)
    abc = next(d for d in docs if d.id == "ABC19980108.1830.0711")
    assert abc.dct == "1998-01-08"
    assert (abc.timexes[0].text, abc.timexes[0].value, abc.timexes[0].type) == (
        "week", "P1W", "DURATION")
    assert any("&" in d.text for d in docs)  # entities decoded, offsets still right


def test_meantime(data: Path) -> None:
    docs = list(corpora.meantime_documents())
    assert len(docs) == 90
    assert Counter(d.topic for d in docs) == {"airbus": 30, "apple": 30, "gm": 30}
    assert sum(len(d.timexes) for d in docs) == 337
    assert_timexes_align(docs)
    for doc in docs:
        assert_iso(doc.dct)
        dateline = doc.text.split("\n")[1]  # line 0 is the title
        published = datetime.datetime.strptime(dateline, "%B %d , %Y").date()
        assert published.isoformat() == doc.dct, doc.id
        assert "  " not in doc.text, doc.id


# -------------------------------------------------------------------------- ECB+
def test_ecbplus(data: Path) -> None:
    docs = list(corpora.ecbplus_documents())
    assert len(docs) == 772
    assert len({d.id for d in docs}) == 772
    assert Counter(d.subtopic for d in docs) == {"ecb": 391, "ecbplus": 381}
    topics = {d.topic for d in docs}
    assert len(topics) == 33 and not topics & {"15", "17"}
    assert len({d.story for d in docs}) == 66
    for doc in docs:
        assert doc.story == f"{doc.topic}_{doc.subtopic}"
        assert doc.id == f"{doc.topic}_{doc.id.split('_')[1]}"
        assert doc.id.endswith(doc.subtopic)
        assert doc.text.strip(), doc.id
        assert not URL.match(doc.text), doc.id
    first = next(d for d in docs if d.id == "1_1ecbplus")
    assert first.text.startswith("Lindsay Lohan Leaves Betty Ford , Checks Into Malibu Rehab\n")


# -------------------------------------------------------------------- Multi-News
def test_multinews(data: Path) -> None:
    clusters = list(corpora.multinews_clusters())
    assert len(clusters) == 2900
    assert len({c.idx for c in clusters}) == 2900
    assert Counter(c.split for c in clusters) == {"test": 2806, "val": 94}
    assert sum(1 for c in clusters if not c.documents) == 16
    for cluster in clusters:
        assert isinstance(cluster.idx, int) and cluster.summary.strip()
        assert all(isinstance(d, str) and d.strip() for d in cluster.documents)


# ------------------------------------------------------------ article extraction
def test_extraction_pages(data: Path) -> None:
    pages = list(corpora.extraction_pages())
    assert len(pages) == 181
    for page in pages:
        assert re.fullmatch(r"[0-9a-f]{64}", page.id)
        assert "<html" in page.html.lower() or "<body" in page.html.lower(), page.id
        assert page.body.strip() and page.url and page.url.startswith("http")
        assert "\ufffd" not in page.body


# ----------------------------------------------------------------------- CoNLL++
@pytest.mark.parametrize("split,n_sentences,n_tokens", [("train", 14041, 203621),
                                                         ("dev", 3250, 51362)])
def test_conll(data: Path, split: str, n_sentences: int, n_tokens: int) -> None:
    sentences = list(corpora.conll_sentences(split))
    assert len(sentences) == n_sentences
    assert sum(len(tokens) for tokens, _ in sentences) == n_tokens
    allowed = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PER", "ORG", "LOC", "MISC")}
    for tokens, tags in sentences:
        assert tokens and len(tokens) == len(tags)
        assert "-DOCSTART-" not in tokens
        assert set(tags) <= allowed
