"""Sentence embeddings: the helper process gives the vectors this process would, a story's sentences
go to it once, and a helper that dies is reported, not waited for."""

from __future__ import annotations

import io

import numpy as np
import pytest

from storyline.errors import StorylineError
from storyline.story import embed, minilm

TEXTS = [
    "Israeli war Cabinet member Benny Gantz met with Vice President Kamala Harris on Monday.",
    "The trip was not authorized by the Israeli prime minister.",
    "Gantz's decision to travel to Washington, DC, was not sanctioned by the Israeli government.",
    "No, no, no.",
]


@pytest.fixture
def helper(monkeypatch):
    """A helper process of the test's own, used even where this process has loaded the model."""
    monkeypatch.delenv("STORYLINE_EMBED_HELPER", raising=False)
    monkeypatch.setattr(embed, "_helper", None)
    monkeypatch.setattr(embed, "_model_loaded", lambda: False)
    monkeypatch.setattr(embed, "_cores", lambda: 2)
    assert embed.start_helper()
    started = embed._helper
    sent = []
    send = started.send
    monkeypatch.setattr(started, "send", lambda groups: sent.append([len(g) for g in groups]) or send(groups))
    yield started, sent
    started.close()
    assert started.process.returncode is not None  # reaped: no process left behind


def test_the_helper_gives_the_vectors_of_this_process(helper, monkeypatch, seed_analyses):
    from storyline.story import build_story

    _, sent = helper
    far = embed.embed(TEXTS)
    report = build_story(seed_analyses)
    # The story's claims and summary candidates go in one request, sent before they are needed, and
    # align and summary find their vectors there (no second request).
    assert sent[0] == [len(TEXTS)] and len(sent) == 2 and len(sent[1]) == 2
    monkeypatch.setattr(embed, "_helper", None)  # now in this process
    near = embed.embed(TEXTS)
    assert far.dtype == near.dtype == np.float32 and far.shape == (len(TEXTS), minilm.DIMENSIONS)
    assert np.allclose(far, near, rtol=0, atol=1e-6)
    alone = build_story(seed_analyses)
    assert report.facts == alone.facts and report.summary == alone.summary


def test_a_prefetched_list_is_encoded_once(helper):
    _, sent = helper
    with embed.prefetch(TEXTS[:2], TEXTS):
        first, second, again = embed.embed(TEXTS), embed.embed(TEXTS[:2]), embed.embed(TEXTS)
        other = embed.embed(TEXTS[2:])  # not prefetched: asked for on its own
    assert sent == [[2, len(TEXTS)], [2]]
    assert np.array_equal(first, again)
    # a text's vector depends, in its last bits, on the texts encoded with it: each list is encoded alone
    assert np.allclose(second, first[:2], rtol=0, atol=1e-6) and np.allclose(other, first[2:], rtol=0, atol=1e-6)
    assert embed.embed([]).shape == (0, minilm.DIMENSIONS)


def test_a_helper_that_dies_is_reported_and_replaced(helper):
    started, _ = helper
    started.process.kill()
    started.process.wait()
    with pytest.raises(StorylineError, match=rf"^the sentence-embedding helper process \(pid {started.process.pid}\) "
                                             r"stopped with exit code -9\. Run again; if it fails again, set "
                                             r"STORYLINE_EMBED_HELPER=0 to embed in this process$"):
        embed.embed(TEXTS)
    assert embed._helper is None and started.stderr.closed
    assert embed.start_helper() and embed._helper is not started


def test_a_block_that_fails_stops_the_helper_rather_than_wait(helper):
    started, _ = helper
    with pytest.raises(KeyError), embed.prefetch(TEXTS):
        raise KeyError("a bug in the block")
    assert embed._helper is None and started.process.returncode is not None


def test_no_helper_where_asked_not_to(monkeypatch):
    monkeypatch.setattr(embed, "_helper", None)
    monkeypatch.setattr(embed, "_model_loaded", lambda: False)
    monkeypatch.setenv("STORYLINE_EMBED_HELPER", "0")
    assert not embed.start_helper() and embed._helper is None
    monkeypatch.delenv("STORYLINE_EMBED_HELPER")
    monkeypatch.setattr(embed, "_cores", lambda: 1)
    assert not embed.start_helper() and embed._helper is None


def _serve(requests: list[list[list[str]]], load) -> list[tuple[bytes, bytes]]:
    """Run the helper's loop on these requests in this process, with ``load`` for the model loader."""
    stream = io.BytesIO()
    for groups in requests:
        minilm.write_request(stream, groups)
    stream.seek(0)
    out = io.BytesIO()
    original = minilm.load_model
    minilm.load_model = load
    try:
        minilm.serve(stream, out)
    finally:
        minilm.load_model = original
    out.seek(0)
    replies = []
    while (reply := minilm.read_reply(out)) is not None:
        replies.append(reply)
    return replies


class _Model:
    def encode(self, texts, **_):
        return np.array([[float(len(t))] * minilm.DIMENSIONS for t in texts], dtype=np.float32)


def test_the_protocol_answers_each_group_in_turn():
    (status, body), = _serve([[["ab", "c"], [], ["d"]]], load=_Model)
    assert status == b"V"
    assert np.frombuffer(body, dtype="<f4").reshape(-1, minilm.DIMENSIONS)[:, 0].tolist() == [2, 1, 1]


def test_a_helper_without_the_library_says_so_on_every_request():
    def broken():
        raise ImportError("No module named 'sentence_transformers'")

    assert _serve([[["a"]], [["b"]]], load=broken) == [(b"I", b"No module named 'sentence_transformers'")] * 2


def test_a_request_cut_short_ends_the_helper_quietly():
    whole = io.BytesIO()
    minilm.write_request(whole, [["a", "b"]])
    out = io.BytesIO()
    original = minilm.load_model
    minilm.load_model = _Model
    try:
        minilm.serve(io.BytesIO(whole.getvalue()[:-2]), out)
    finally:
        minilm.load_model = original
    assert out.getvalue() == b""


# ------------------------------------------------------------------ precision
def test_bf16_vectors_are_the_fp32_vectors_to_four_decimals(monkeypatch, seed_articles):
    """Where the CPU multiplies bf16 natively the model runs in bf16 by default; its vectors of the seeds'
    sentences and leads stay within a cosine of 0.9999 of fp32's, and an explicit fp32 gives fp32."""
    texts = TEXTS + [" ".join(article.text.split()[:256]) for article in seed_articles]
    monkeypatch.setenv(minilm.PRECISION_ENV, "fp32")
    exact = minilm.load_model()
    assert exact.storyline_precision == "fp32"
    monkeypatch.setenv(minilm.PRECISION_ENV, "bf16")
    fast = minilm.load_model()
    assert fast.storyline_precision == "bf16"
    reference, vectors = minilm.encode(exact, texts), minilm.encode(fast, texts)
    assert vectors.dtype == np.float32 and vectors.shape == reference.shape
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-5)
    cosines = (reference * vectors).sum(axis=1)
    assert cosines.min() > 0.9999, cosines
    assert not np.array_equal(reference, vectors)  # bf16 really ran
    # a text alone gets nearly its vector of a padded batch (bf16 products differ a little more with the
    # batch than fp32's do: which is why an ingest embeds each article alone)
    assert float(minilm.encode(fast, texts[-1:])[0] @ vectors[-1]) > 0.9999
    monkeypatch.setenv(minilm.PRECISION_ENV, "auto")
    assert minilm.precision() == ("bf16" if minilm.native_bf16() else "fp32")


def test_a_precision_that_is_none_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(minilm.PRECISION_ENV, "half")
    with pytest.raises(ValueError, match="STORYLINE_EMBED_PRECISION='half' is not a precision: set it to one of auto, bf16, fp32"):
        minilm.precision()
    embed._model.cache_clear()
    try:
        with pytest.raises(StorylineError, match="is not a precision"):
            embed._model()
    finally:
        embed._model.cache_clear()
