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
