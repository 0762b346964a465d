"""Claims: the clauses each sentence is cut into (storyline.nlp.clauses), on real sentences."""

from __future__ import annotations

import pytest


def _claims(analyse_text, text):
    analysis = analyse_text(text)
    return [text[c.start:c.end] for c in analysis.clauses]


@pytest.mark.parametrize("text, expected", [
    # TempEval-3 training (APW/NYT 1998-2000): verbs coordinated under one subject stay one claim; cut
    # apart, "They yelled" and "wept" were each too short to be a claim, and the sentence's main fact was lost
    ("They yelled and wept when the decision was announced.",
     ["They yelled and wept", "when the decision was announced"]),
    ("Ultimately, U.S. officials approved and delivered six visas, for the four family members, a "
     "pediatrician and Elian's teacher from his year in kindergarten.",
     ["Ultimately, U.S. officials approved and delivered six visas, for the four family members, a "
      "pediatrician and Elian's teacher from his year in kindergarten."]),
    # a coordinated clause with a subject of its own is a claim of its own (ECB+-style sentence)
    ("The jury deadlocked at 9-3, and the judge then sentenced Nichols to life.",
     ["The jury deadlocked at 9-3", "the judge then sentenced Nichols to life"]),
    # a relative clause keeps the noun it describes (the ABC seed)
    ("Netanyahu reportedly rebuked Gantz ahead of his trip, which was not authorized by the Israeli prime minister.",
     ["Netanyahu reportedly rebuked Gantz ahead of his trip",
      "his trip, which was not authorized by the Israeli prime minister"]),
])
def test_sentences_are_cut_into_claims(analyse_text, text, expected):
    assert _claims(analyse_text, text) == expected


def test_the_seed_claims_keep_their_coordinated_verbs(seed_analyses):
    claims = {a.article.text[c.start:c.end] for a in seed_analyses for c in a.clauses}
    assert ("the U.S. is stepping up pressure for urgent action to pause the fighting and deal with a "
            "worsening humanitarian crisis in Gaza") in claims
    assert "The trip ignited controversy within Israel and spurred the immense ire of Netanyahu" in claims
