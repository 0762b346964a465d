"""The story's figures table, corroboration counted by independent reports, and headlines side by side.

Texts are sentences of the ECB+ articles in benchmarks/compare (as ECB+ tokenises them)."""

from __future__ import annotations

from storyline.story import build_story

QUAKE_FIVE = ("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring five "
              "people and damaging buildings , Iranian media said .")
QUAKE_TWO = ("A 5.6 magnitude earthquake hit Qeshm island on Sunday , injuring two people , the local governor "
             "said .")


def rows(report):
    return {f.what: (f.status, [(v.source, v.value, v.qualifier) for v in f.values]) for f in report.figures}


def test_figures_side_by_side_agree_and_differ(analyse_text):
    report = build_story([analyse_text(QUAKE_FIVE, id="a"), analyse_text(QUAKE_TWO, id="b")], summary_words=0)
    assert rows(report) == {"magnitude": ("agree", [("a", 5.6, None), ("b", 5.6, None)]),
                            "injured": ("differ", [("a", 5, None), ("b", 2, None)])}
    [conflict] = [f for f in report.facts if f.status == "conflicting"]
    assert conflict.kind == "count" and conflict.sources == ("a", "b") and 0 < conflict.confidence <= 1
    assert [e.text for e in conflict.evidence] == ["five people", "two people"]


def test_a_qualified_figure_agrees_with_one_it_allows(analyse_text):
    report = build_story([
        analyse_text("A firebomb attack on a bank in Greece killed at least three people today .", id="a"),
        analyse_text("Police said four people died in the bank fire .", id="b")], summary_words=0)
    assert rows(report)["killed"] == ("agree", [("a", 3, "at least"), ("b", 4, None)])
    assert not [f for f in report.facts if f.status == "conflicting"]


def test_a_toll_that_rose_in_a_later_report_changed(analyse_text):
    """A rising toll is no contradiction, but the reader sees it."""
    report = build_story([
        analyse_text("The quake killed three people in the province on Sunday , officials said .",
                     published="2005-11-27", id="early"),
        analyse_text("The quake killed 10 people in the province on Sunday , officials said .",
                     published="2005-11-28", id="late")], summary_words=0)
    status, values = rows(report)["killed"]
    assert status == "changed" and values == [("early", 3, None), ("late", 10, None)]
    [row] = report.figures
    assert row.note == "3 in early (2005-11-27), 10 in the later late (2005-11-28)"
    assert not [f for f in report.facts if f.status == "conflicting"]


def test_the_same_copy_in_two_outlets_is_one_report(analyse_text):
    """Two outlets printing one agency paragraph corroborate nothing; an independent wording does."""
    wire = ("Indian marine commandos boarded the pirate boats and seized a substantial cache of arms and "
            "equipment , including seven assault rifles and three machine guns , the navy said in a statement .")
    other = ("The navy 's commandos took the pirates ' rifles and machine guns after boarding their boats off "
             "the coast of Yemen on Saturday .")
    copies = [analyse_text(wire, id="ap"), analyse_text(wire.replace("commandos", "commandoes"), id="cnn")]
    report = build_story(copies, summary_words=0)
    assert not [f for f in report.facts if f.status == "corroborated"]
    [copied] = [f for f in report.facts if f.status == "single_source" and len(f.sources) == 2]
    assert copied.note == "ap and cnn run the same agency copy"
    report = build_story([*copies, analyse_text(other, id="bbc")], summary_words=0)
    corroborated = [f for f in report.facts if f.status == "corroborated"]
    assert corroborated and all("bbc" in f.sources for f in corroborated)


def test_counts_of_different_tolls_are_not_one_fact(analyse_text):
    """ECB+ 8_ecbplus: "12 people were injured" and "12 arrested" share a number and a topic, not a fact."""
    from storyline.story.align import claims_of, incompatible

    a = claims_of(analyse_text("Police said 12 people were injured in the riots in Athens .", id="a"), {})
    b = claims_of(analyse_text("Police said 12 people were arrested in the riots in Athens .", id="b"), {})
    assert any(incompatible(x, y) for x in a for y in b)


def test_headlines_side_by_side_with_their_figures(analyse_text):
    report = build_story([
        analyse_text("Sheriff : Michigan office shooting kills 1 , injures 2\n\nA man shot three people at an "
                     "accounting firm on Monday , police said .", id="a"),
        analyse_text("Three wounded in Michigan office shooting\n\nA gunman opened fire at an accounting firm on "
                     "Monday , police said .", id="b")], summary_words=0)
    assert [(h.source, h.title, [(w, v.value) for w, v in zip(h.whats, h.figures)]) for h in report.headlines] == [
        ("a", "Sheriff : Michigan office shooting kills 1 , injures 2", [("killed", 1), ("injured", 2)]),
        ("b", "Three wounded in Michigan office shooting", [("injured", 3)])]
