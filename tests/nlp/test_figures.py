"""Figures read from the parse: the number, what it counts, what happened to it, and its qualifier.

Sentences are from the ECB+ articles of benchmarks/compare (as ECB+ tokenises them) and from the seeds;
each table row is (sentence, expected figures as (what, unit, value, qualifier)), and sentences that
hold no figure must give none."""

from __future__ import annotations

import pytest


def figures(analyse_text, text, published=None):
    return [(f.what, f.unit, f.value, f.qualifier) for f in analyse_text(text, published=published).figures]


@pytest.mark.parametrize("text, expected", [
    # tolls, with their synonyms folded into one happening
    ("A firebomb attack on a bank in Greece killed at least three people today .",
     [("killed", "people", 3, "at least")]),
    ("Police said two women and one man died at a branch of the Marfin bank .", [("killed", "people", 3, None)]),
    ("Four people died in the fire , officials said .", [("killed", "people", 4, None)]),
    ("About 20 people were wounded in the clashes .", [("injured", "people", 20, "about")]),
    ("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring five people .",
     [("magnitude", None, 5.6, None), ("injured", "people", 5, None)]),
    ("No one was hurt in the blast , police said .", [("injured", "people", 0, None)]),
    # a verb no toll word names: its lemma, and the noun it counts
    ("The Indian navy captured 23 pirates on Saturday .", [("capture", "pirate", 23, None)]),
    ("They arrested 12 Somali and 11 Yemeni pirates .", [("arrested", "pirate", 23, None)]),
    ("Three or four robbers entered the store .", [("count", "robber", 4, "up to")]),
    ("A 61-year-old man was charged with first-degree murder Saturday .", [("age", None, 61, None)]),
    # no figure: a time, a distance, a share, a bare number with no happening
    ("The shooting began at about 6 p.m. , police said .", []),
    ("The ship was sailing 150 nautical miles east of Aden .", []),
    ("Shares in the bank fell 4 per cent on Wednesday .", []),
])
def test_figures_of_a_sentence(analyse_text, text, expected):
    assert figures(analyse_text, text) == expected


def test_a_figure_of_another_time_is_background(analyse_text):
    """Dated a year from the article's publication, a toll is another event's ("In 2008 ..."), not this one's."""
    text = ("A bomb killed two people in the capital on Monday , police said . "
            "In 2008 a similar attack killed seven people in the same district .")
    assert figures(analyse_text, text, published="2010-05-05") == [("killed", "people", 2, None)]


def test_the_headline_figure_counts(analyse_text):
    analysis = analyse_text("Three killed as rioters bomb Greek bank\n\nA firebomb attack on a bank in Greece "
                            "killed at least three people today , police said .")
    assert [(f.what, f.value, f.sentence) for f in analysis.figures] == [("killed", 3, -1), ("killed", 3, 0)]
