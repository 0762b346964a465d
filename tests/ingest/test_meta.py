"""Metadata inferred from the article text: dateline, outlet, byline, title, body bounds."""

from __future__ import annotations

import pytest

from storyline.ingest.meta import canonical_outlet, infer, outlet_from_url

ABC_LEAD = ("(WASHINGTON) -- Benny Gantz, a top political rival of Israeli Prime Minister Benjamin "
            "Netanyahu, is meeting with high-level officials in Washington this week.")
CNN_END = ("He has a critical voice in the delivery of humanitarian assistance; he's an important figure "
           "in the sitting government of Israel, and so that's why we engage with him.\" — CNN")


@pytest.mark.parametrize("text, dateline, outlet, body_starts", [
    (ABC_LEAD, "WASHINGTON", None, "Benny Gantz"),
    ("WASHINGTON (AP) — Benny Gantz met Vice President Kamala Harris on Monday.", "WASHINGTON", "AP", "Benny"),
    ("LONDON, March 4 (Reuters) - Britain said on Monday it would send more aid to Gaza.", "LONDON", "Reuters",
     "Britain"),
    ("KYIV, Ukraine (AP) — Russian drones struck the capital overnight, officials said.", "KYIV, Ukraine", "AP",
     "Russian"),
    ("(CNN) — Vice President Kamala Harris met Benny Gantz at the White House on Monday.", None, "CNN", "Vice"),
    ("Washington (CNN) — Vice President Kamala Harris met Benny Gantz on Monday.", "Washington", "CNN", "Vice"),
    ("JERUSALEM — Israel's war Cabinet met late into the night on Sunday.", "JERUSALEM", None, "Israel's"),
    # a place not capitalised as a dateline would be, before a known news organisation (Multi-News)
    ("San juan, puerto rico ( ap ) — puerto rico on friday reported its first death from the condition.",
     "San juan, puerto rico", "AP", "puerto rico on friday"),
    # No dateline: these must produce nothing.
    ("Sen. Ted Cruz (R-Texas) -- who leads in Iowa -- spoke on Monday.", None, None, "Sen."),
    ("Benny Gantz, a top political rival of Israeli Prime Minister Benjamin Netanyahu, is in Washington.",
     None, None, "Benny"),
    ("U.S. officials argued it made sense to meet with Gantz.", None, None, "U.S."),
    ("Gantz - who is widely seen as a contender - met Harris.", None, None, "Gantz"),
])
def test_dateline_and_outlet_from_the_lead(text, dateline, outlet, body_starts):
    found = infer(text)
    assert found.dateline == dateline
    assert found.outlet == outlet
    assert text[found.body_start:].startswith(body_starts)


@pytest.mark.parametrize("text, outlet, body_ends", [
    (CNN_END, "CNN", "engage with him.\""),
    ("Gantz met Harris.\n\nCNN's Kevin Liptak and MJ Lee contributed to this report.", "CNN", "met Harris."),
    ("Gantz met Harris.\n\nAssociated Press writer Aamer Madhani contributed to this report.", "AP",
     "met Harris."),
    ("Gantz met Harris.\n\nABC News' Selina Wang contributed to this report.", "ABC News", "met Harris."),
    ("Gantz met Harris.\n\n(Reporting by Steve Holland; Editing by Mary Milliken)", "Reuters", "met Harris."),
    ("Gantz met Harris.\n\nCopyright 2024 The Associated Press. All rights reserved.", "AP", "met Harris."),
    # A closing dash that is not a sign-off, and a last line that is not a credit: nothing.
    ("Officials said the talks would go on - for now.", None, "for now."),
    ("Gantz met Harris.\n\nThe talks will resume on Tuesday, officials said.", None, "officials said."),
])
def test_outlet_and_body_end_from_the_tail(text, outlet, body_ends):
    found = infer(text)
    assert found.outlet == outlet
    end = len(text) if found.body_end is None else found.body_end
    assert text[:end].rstrip().endswith(body_ends)


@pytest.mark.parametrize("text, title, byline, outlet", [
    ("Gantz meets Harris as pressure on Israel grows\n\nBy Jane Doe, CNN\n\nWASHINGTON — Gantz met Harris.",
     "Gantz meets Harris as pressure on Israel grows", "Jane Doe", "CNN"),
    ("By Jane Doe and John Roe, CNN\nGantz met Harris on Monday.", None, "Jane Doe and John Roe", "CNN"),
    ("By Jane Doe\nGantz met Harris on Monday.", None, "Jane Doe", None),
    # A first paragraph that is a sentence is not a title.
    (ABC_LEAD + "\nIt comes as the U.S. is stepping up pressure.", None, None, None),
    # A Title Case headline may end in a full stop when a blank line sets it off.
    ("Obama Names Regina Benjamin As Surgeon General.\n\nWASHINGTON -- President Obama said on Monday.",
     "Obama Names Regina Benjamin As Surgeon General.", None, None),
    # ... but not when the story goes straight on.
    ("Obama Names Regina Benjamin As Surgeon General.\nWASHINGTON -- President Obama said on Monday.",
     None, None, None),
    ("\"No, no, no. Israel has a prime minister and everything is okay,\" he said.\nGantz left.", None, None,
     None),
])
def test_title_and_byline(text, title, byline, outlet):
    found = infer(text)
    assert (found.title, found.byline, found.outlet) == (title, byline, outlet)


def test_seed_metadata(seed_articles):
    abc, cnn = seed_articles
    assert (abc.dateline, abc.outlet, abc.title) == ("WASHINGTON", None, None)
    assert (cnn.dateline, cnn.outlet) == (None, "CNN")
    assert abc.text[abc.body[0]:].startswith("Benny Gantz, a top political rival")
    assert cnn.text[:cnn.body[1]].endswith("that's why we engage with him.\"")
    assert cnn.text[cnn.body[1]:].strip() == "— CNN"


@pytest.mark.parametrize("name, canonical", [
    ("AP", "AP"), ("The Associated Press", "AP"), ("reuters", "Reuters"), ("CNN", "CNN"),
    ("Daily Planet", "Daily Planet"), ("", None), (None, None),
])
def test_canonical_outlet(name, canonical):
    assert canonical_outlet(name) == canonical


@pytest.mark.parametrize("url, outlet", [
    ("https://www.cnn.com/2024/03/05/politics/gantz", "CNN"),
    ("https://abcnews.go.com/Politics/gantz", "ABC News"),
    ("https://news.example.org/a", "news.example.org"),
    (None, None),
])
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet
