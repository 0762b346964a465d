"""Dated actions (nlp/dated.py): an action a sentence puts on a calendar date, with who did it and to whom.

Texts are sentences of ECB+ articles (28_ecbplus, 26_ecbplus, 4_ecb) as ECB+ tokenises them."""

from __future__ import annotations

LARUE_JUNE = ("Fred LaRue became a central figure in the Watergate coverup . On June 27 , 1973 , he pleaded guilty to "
              "one charge of conspiring to obstruct justice and began cooperating with prosecutors .")  # 28_5ecbplus


def actions(analysis):
    text = analysis.article.text
    names = {m.start: m.name for m in analysis.mentions}
    return [(d.verb, analysis.times[d.time].value, names.get(d.agent, d.agent_word), names.get(d.patient, d.patient_word),
             text[d.start:d.end]) for d in analysis.dated]


def test_a_pronoun_subject_is_the_person_it_stands_for(analyse_text):
    [(verb, value, agent, patient, words)] = actions(analyse_text(LARUE_JUNE))
    assert (verb, value, agent, patient) == ("plead", "1973-06-27", "Fred LaRue", "guilty")
    assert words == "June 27 , 1973 , he pleaded guilty"


def test_a_passive_subject_is_the_patient(analyse_text):
    found = actions(analyse_text("Mr . Gigante was indicted in 1990 with 14 others on federal charges in Brooklyn ."))
    assert [(v, value, agent, patient) for v, value, agent, patient, _ in found] == [("indict", "1990", None, "Gigante")]


def test_relative_dates_decades_nouns_and_speech_give_no_action(analyse_text):
    """A relative date depends on a publication date; a decade or "the late 1990s" is no date of one action; a year
    that modifies a noun dates the noun ("the 2006 HBO movie"); a date of speech tells of one of many
    statements."""
    for text in ("The robber was arrested last week after a chase .",
                 "The gang was founded in the 1930 's by one of the Genovese soldiers .",
                 "He relinquished undisputed control in the late 1990s .",
                 "Gretchen Mol played her in the 2006 HBO movie , The Notorious Bettie Page .",
                 "Mr . LaRue said in 1974 that he had delivered the money ."):
        assert actions(analyse_text(text, published="2008-12-12")) == [], text


def test_a_date_of_another_clause_is_not_the_main_verb_s(analyse_text):
    """The date belongs to the break - in the prosecutors investigated, not to the sentence served."""
    text = ("He served a reduced sentence of four and a half months in federal prison in return for cooperating "
            "with prosecutors investigating the June 17 , 1972 , Watergate break - in .")
    assert [a for a in actions(analyse_text(text)) if a[0] == "serve"] == []


def test_a_participle_joined_to_a_passive_verb_is_passive_too(analyse_text):
    """"murdered" shares "was raped"'s subject, its patient (Multi-News 53138, lower-cased as Multi-News gives it)."""
    found = actions(analyse_text("Joanna parrish, 21, from gloucester, was raped and murdered in auxerre in 1990, while "
                                 "working as an english teacher during her gap year."))
    # (the recogniser tags "Joanna" alone in the lower-cased name, so the patient is the head word)
    assert [(v, value, agent, patient) for v, value, agent, patient, _ in found] == [("murder", "1990", None, "parrish")]


def test_a_weekday_dates_an_action_whatever_the_publication_date(analyse_text):
    """ECB+ 28_10ecb; "on Thursday night" too, where the weekday modifies the part of the day."""
    [(verb, value, agent, _, words)] = actions(analyse_text(
        "Mark Felt , who was known as Watergate scandal informant 'Deep Throat , ' died on Friday . He was 95 ."))
    assert (verb, value, agent) == ("die", None, "Mark Felt")
    assert words.endswith("died on Friday")
    [(verb, *_)] = actions(analyse_text("Mark Felt died on Thursday night in Santa Rosa ."))
    assert verb == "die"


def test_a_name_in_a_list_before_is_not_whom_a_pronoun_goes_on_about(analyse_text):
    """ECB+ 26_1ecbplus, the whole article: "... Mr . Gigante had a home in Old Tappan , ... and their three
    daughters and two sons . They are Yolanda Fyfe , Roseanne D'Cola and Rita Gigante , and Salvatore and Andrew .
    In 1969 , he was indicted ...": "he" goes back past the list of his children (nlp.coref), not to Andrew."""
    from ..conftest import corpus_or_skip

    corpus_or_skip("ecbplus")
    from benchmarks import corpora

    [text] = [d.text for d in corpora.ecbplus_documents() if d.id == "26_1ecbplus"]
    found = [a for a in actions(analyse_text(text)) if a[:2] == ("indict", "1969")]
    assert [patient for _, _, _, patient, _ in found] == ["Gigante"]
