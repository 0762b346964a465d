"""Fact alignment across sources: which claims tell the same fact (see also test_conflicts.py and test_story.py)."""

from __future__ import annotations


def test_two_people_doing_the_same_is_two_facts(analyse_text):
    """ECB+ 21_12ecbplus (dev) tells of another woman killed by a hit-and-run driver: a claim about her and one
    about Raj Chohan share their words but not their person, and neither names the other's."""
    from storyline.story.align import incompatible, story_claims
    from storyline.story.cast import build_cast

    analyses = [analyse_text("Maria Dulce - Valencia , 27 , was also killed in a hit - and - run accident .", id="a"),
                analyse_text("Police said Raj Chohan was killed in a hit - and - run accident .", id="b")]
    entities, index = build_cast(analyses)
    a, b = (next(c for c in story_claims(analyses, entities, index) if c.source == s and "killed" in c.text)
            for s in ("a", "b"))
    assert a.actor and b.actor and a.actor != b.actor
    assert incompatible(a, b)
    same = [analyse_text("Raj Chohan was killed by a drunk hit - and - run driver .", id="c"),
            analyses[1]]
    entities, index = build_cast(same)
    c, d = (next(x for x in story_claims(same, entities, index) if x.source == s and "killed" in x.text)
            for s in ("c", "b"))
    assert c.actor == d.actor and not incompatible(c, d)


def _claims(analyse_text, texts):
    from storyline.story import align
    from storyline.story.cast import build_cast

    analyses = [analyse_text(text, id=source) for source, text in texts.items()]
    entities, index = build_cast(analyses)
    return {(c.source, c.text.split(" , ")[0].split(" was ")[0]): c for c in align.story_claims(analyses, entities, index)}


HIT_AND_RUN = {  # ECB+ 21_ecbplus (a dev event), sentences of 21_3ecbplus, 21_12ecbplus and 21_4ecbplus
    "a": "Queens grandmother killed by a drunk hit - and - run driver\nRaj Chohan , 59 , was killed by a drunk hit - "
         "and - run driver as she was on her way to attend religious services on Friday .",
    "b": "The unidentified woman was pronounced dead at Mount Sinai Hospital . Maria Dulce - Valencia , 27 , was also "
         "killed in a hit - and - run accident , police said .",
    "c": "A grandmother , Raj Chohan , was hit by a car . Chohan was pronounced dead at Jamaica Hospital . Relatives "
         "said Chohan had moved from India .",
    "d": "Chohan was later pronounced dead at Jamaica Hospital , police said .",
}


def test_a_name_spacy_did_not_tag_is_who_a_claim_is_about(analyse_text):
    """spaCy tags nothing in 21_3ecbplus's "Raj Chohan , 59 , was killed ...", and another article tags "Chohan"
    alone as an organisation; written with her first name, the cast still finds her there, and the claim is
    hers: not the same fact as Maria Dulce - Valencia's death in the same words."""
    from storyline.story.align import incompatible

    claims = _claims(analyse_text, HIT_AND_RUN)
    raj, maria = claims[("a", "Raj Chohan")], claims[("b", "Maria Dulce - Valencia")]
    assert (raj.actor, maria.actor) == ("raj-chohan", "maria-dulce-valencia")
    assert incompatible(raj, maria)


def test_two_hospitals_are_two_places_but_one_hospital_named_twice_is_one(analyse_text):
    from storyline.story.align import incompatible

    claims = _claims(analyse_text, HIT_AND_RUN)
    sinai, jamaica = claims[("b", "The unidentified woman")], claims[("c", "Chohan")]
    assert incompatible(sinai, jamaica)
    assert not incompatible(jamaica, claims[("d", "Chohan")])


def test_a_claim_that_something_is_not_so_and_one_that_it_is_are_never_one_fact(analyse_text):
    """ECB+ 23_ecbplus (a dev event): one climber "was not wearing crampons when he slipped", the other "was
    wearing crampons": the words are nearly the same, the facts opposite. Two denials in other words ("was not
    authorized" / "was not sanctioned", the seeds) stay one fact."""
    from storyline.story.align import incompatible

    claims = _claims(analyse_text, {
        "a": "Mr Campbell said police told him the man was well - equipped but was not wearing crampons when he "
             "slipped .",
        "b": "He was wearing crampons but was inexperienced , local police inspector Dave Gaskin said .",
        "c": "He was not wearing crampons when he slipped on the ice , police said ."})
    [denied] = [c for (source, _), c in claims.items() if source == "a" and "crampons" in c.text]
    [worn] = [c for (source, _), c in claims.items() if source == "b" and "crampons" in c.text]
    [also_denied] = [c for (source, _), c in claims.items() if source == "c" and "crampons" in c.text]
    assert incompatible(denied, worn) and incompatible(worn, denied)
    assert not incompatible(denied, also_denied)
