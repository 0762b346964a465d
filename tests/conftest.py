"""Shared fixtures: the seed story, read and analysed once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "gantz-washington"
ABC = EXAMPLE / "000_fc6d89dac03494ff.txt"
CNN = EXAMPLE / "002_cfade814ec095534.txt"
PUBLISHED = {"000_fc6d89dac03494ff": "2024-03-04", "002_cfade814ec095534": "2024-03-05"}


@pytest.fixture(scope="session")
def seed_articles():
    from storyline import read

    from dataclasses import replace

    articles, failures = read([EXAMPLE], published=PUBLISHED)
    assert not failures
    # paths as a user in the repository root types them, wherever the checkout lies
    return [replace(a, path=str(Path(a.path).relative_to(ROOT))) for a in articles]


@pytest.fixture(scope="session")
def seed_analyses(seed_articles):
    from storyline.nlp.pipeline import analyze

    return list(analyze(seed_articles, processes=1))


@pytest.fixture(scope="session")
def seed_report(seed_analyses):
    from storyline.story import build_story

    return build_story(seed_analyses)


@pytest.fixture(scope="session")
def nlp():
    from storyline.nlp.pipeline import load_model

    return load_model()


@pytest.fixture(scope="session")
def analyse_text(nlp):
    """Analyse one text as an article (publication date optional)."""
    from storyline import make_article
    from storyline.nlp.pipeline import analyze_doc

    def run(text: str, published: str | None = None, id: str = "t"):
        article = make_article(text, id, published=published)
        return analyze_doc(nlp(article.text), article)

    return run


def corpus_or_skip(name: str) -> Path:
    """The folder of an evaluation corpus, or skip the test where it is absent."""
    from benchmarks import corpora

    try:
        return corpora.data_dir(name)
    except corpora.DataMissing as exc:
        pytest.skip(str(exc))
