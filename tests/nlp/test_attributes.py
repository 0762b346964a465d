"""The pipeline's faster parts give spaCy's own annotations, token for token, on real articles.

Storyline's pipeline replaces the model's attribute ruler by :class:`FastAttributeRuler` (the same rules,
applied by lookup), its lemmatizer by :class:`FastLemmatizer` (the same rule and tables, each lemma
remembered, the word lists as sets) and marks paragraph breaks from the token table: all must leave every
tag, part of speech, morphology, lemma, dependency, head, sentence start and entity exactly as the stock
pipeline with the paragraph rule written token by token would.
"""

from __future__ import annotations

from itertools import islice

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language

from storyline.nlp import pipeline
from storyline.nlp.attributes import FastAttributeRuler, speed_up
from storyline.nlp.lemmas import FastLemmatizer, speed_up_lemmatizer
from storyline.vocabulary import CLOSING_QUOTE_TOKENS

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE]


@Language.component("token_by_token_paragraphs")
def _token_by_token(doc):
    """The paragraph rule as it was written before, one token at a time (the reference)."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        nxt = doc[token.i + 1]
        if token.text in ".!?," and not token.whitespace_ and nxt.text in CLOSING_QUOTE_TOKENS \
                and not nxt.is_sent_start:
            nxt.is_sent_start = False
    return doc


@pytest.fixture(scope="module")
def stock():
    """The model as spaCy loads it, with the reference paragraph rule and Storyline's tokenizer."""
    nlp = next(model for model in map(_load, pipeline.MODEL_NAMES) if model is not None)
    nlp.add_pipe("token_by_token_paragraphs", before="parser")
    pipeline._split_glued_quote_marks(nlp)
    return nlp


def _load(name: str):
    try:
        return spacy.load(name)
    except OSError:
        return None


def _texts(seed_articles) -> tuple[list[str], bool]:
    """The seeds, with 40 PolNeAR and 40 ECB+ articles where the corpora are present (and whether they are)."""
    from benchmarks import corpora

    texts = [a.text for a in seed_articles]
    try:
        texts += [doc.text for doc in islice(corpora.polnear_documents("dev"), 40)]
        texts += [doc.text for doc in islice(corpora.ecbplus_documents(), 0, 400, 10)]
    except corpora.DataMissing:
        return texts, False
    return texts, True


def test_the_pipeline_uses_the_fast_ruler():
    nlp = pipeline.load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1


def test_the_pipeline_uses_the_fast_lemmatizer():
    nlp = pipeline.load_model()
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert nlp.pipe_names.index("lemmatizer") == nlp.pipe_names.index("attribute_ruler") + 1


def test_same_annotations_as_spacy(stock, seed_articles):
    texts, corpora_read = _texts(seed_articles)
    ours = list(pipeline.load_model().pipe(texts, batch_size=4))
    theirs = list(stock.pipe(texts, batch_size=4))
    differ = [n for n, (a, b) in enumerate(zip(ours, theirs))
              if not numpy.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS))]
    assert not differ
    assert len(texts) >= (82 if corpora_read else 2)
    # the rules that need more than a lookup by tag were exercised: "n't" is a negative particle, "let 's"
    # lemmatises to "us", a space's dependency is "dep"
    tokens = [t for doc in ours for t in doc]
    assert any(t.lower_ == "n't" and t.pos_ == "PART" and t.lemma_ == "not" for t in tokens)
    assert any(t.lower_ == "that" and t.dep_ == "mark" and t.pos_ == "SCONJ" for t in tokens)


def test_two_token_rules_and_overrides(stock):
    """Rules that span two tokens set the second ("gon na": "to"), and a later rule overrides an earlier one
    on the same token ("do" as a root verb is VERB, though the tag map says AUX for it first)."""
    nlp = pipeline.load_model()
    for text in ("I'm gonna tell you what, let's go.", "They did it, and y'all know it.",
                 "He does not have the votes.", "It ain't over, said nothin' more."):
        a, b = nlp(text), stock(text)
        assert [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in a] == \
            [(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in b], text
    assert [t.lemma_ for t in nlp("I'm gonna go")][2:4] == ["go", "to"]


def test_a_ruler_with_other_rules_is_left_alone():
    """A pattern with an operator (one this ruler does not apply) keeps spaCy's own ruler."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}, {"OP": "?"}]], {"POS": "DET"})
    with pytest.raises(ValueError, match="does not apply"):
        FastAttributeRuler(ruler)
    speed_up(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"


def test_another_lemmatizer_is_left_alone():
    """Only the English rule lemmatizer is replaced: one in lookup mode keeps spaCy's own class."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    speed_up_lemmatizer(nlp)
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "EnglishLemmatizer"


def test_remembered_lemmas_are_the_rules_own(stock, seed_articles):
    """A document parsed a second time, its lemmas now all remembered, gets the same lemmas again."""
    nlp = pipeline.load_model()
    text = seed_articles[0].text
    first, again = nlp(text), nlp(text)
    assert [t.lemma_ for t in first] == [t.lemma_ for t in again] == [t.lemma_ for t in stock(text)]
