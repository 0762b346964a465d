"""Records and final scores, each number given to its side (nlp/tallies.py).

Sentences are from ECB+ articles as ECB+ tokenises them: the dev events of benchmarks/compare (5_ecb, 7_ecb,
31_ecb) and subtopics in no gold set (29_ecb, 31_ecbplus), whose partial scores must give nothing."""

from __future__ import annotations

import pytest


def tallies(analyse_text, text):
    analysis = analyse_text(text)
    t = analysis.article.text
    return [(f.what, f.value, t[f.person[0]:f.person[1]], f.text) for f in analysis.figures
            if f.what in ("wins", "losses", "draws", "points")]


@pytest.mark.parametrize("text, expected", [
    # records, after their holder's name
    ("Wladimir Klitschko ( 52-3 , 46 KOs ) retained his IBF title .",
     [("wins", 52, "Wladimir Klitschko", "52-3"), ("losses", 3, "Wladimir Klitschko", "52-3")]),
    ("He stopped Hasim Rahman ( 45-7-2 ) in the seventh round .",
     [("wins", 45, "Hasim Rahman", "45-7-2"), ("losses", 7, "Hasim Rahman", "45-7-2"),
      ("draws", 2, "Hasim Rahman", "45-7-2")]),
    # ECB+ 5_5ecb: a team the tagger takes for a common noun
    ("Expected to contend for a division title after the addition of Elton Brand , the Sixers ( 9-14 ) are instead "
     "last in the division .", [("wins", 9, "Sixers", "9-14"), ("losses", 14, "Sixers", "9-14")]),
    ("Expected by many to be one of the top teams in the Eastern Conference , the 76ers have opened 9-14 with eight "
     "losses in their last 10 games .", [("wins", 9, "76ers", "9-14"), ("losses", 14, "76ers", "9-14")]),
    # records a noun names (ECB+ 5_14ecb, 5_3ecb)
    ("The Philadelphia 76ers fired Coach Maurice Cheeks Saturday morning after a disappointing 9-14 start to the "
     "2008-09 season .", [("wins", 9, "Philadelphia 76ers", "9-14"), ("losses", 14, "Philadelphia 76ers", "9-14")]),
    ("In just over three seasons at the helm for Philadelphia , Cheeks compiled a mark of 122-147 ( .454 ) .",
     [("wins", 122, "Cheeks", "122-147"), ("losses", 147, "Cheeks", "122-147")]),
    # final scores: the winner gets the higher number
    ("Hansbrough scored 20 points Thursday night to break Ford 's 30-year-old mark and help top-ranked North "
     "Carolina beat Evansville 91-73 , a game that was completely overshadowed by the 6-foot-9 senior 's record "
     "pursuit .",
     [("points", 91, "North Carolina", "91-73"), ("points", 73, "Evansville", "91-73")]),
    ("Congratulations are in order for North Florida , who beat Furman 77-66 .",
     [("points", 77, "North Florida", "77-66"), ("points", 66, "Furman", "77-66")]),
    ("An 88-72 road loss to the Cavaliers was apparently the last straw .", [("points", 88, "Cavaliers", "88-72")]),
    # no tally: a game's state at some moment, a range of something counted, a sum, a span of years
    ("Echenique ’ s three - point play stretched the Creighton lead to 50 - 44 , and the Bluejays got baskets .", []),
    ("Adam Vinatieri tied the game at 24-24 with a 45-yard field goal .", []),
    ("The Tar Heels took control with a 19-4 run .", []),
    ("The pirates used a 24-30 foot dhow .", []),
    ("The Orioles offered $ 140-150 million , the team said .", []),
    ("He coached the West German team from 1979-90 .", []),
])
def test_tallies_of_a_sentence(analyse_text, text, expected):
    assert tallies(analyse_text, text) == expected


def test_a_side_s_record_is_a_row_of_its_own_listed_not_compared(analyse_text):
    """ECB+ 7_ecb (a dev event): 7_3ecb gives Klitschko 53-3, the others 52-3; a record may be of another day,
    so the row lists them side by side and calls nothing a difference."""
    from storyline.story import build_story

    report = build_story([
        analyse_text("Wladimir Klitschko ( 52-3 , 46 KOs ) blasted a sluggish Hasim Rahman ( 45-7-2 , 36 KOs ) in "
                     "Mannheim , Germany on Saturday night to retain the IBF , WBO and IBO world heavyweight titles .",
                     id="a"),
        analyse_text("Heavyweight Champion , Wladimir Klitschko , 53-3 , 47 KO 's , easily dismantled former 2-Time "
                     "Heavyweight Champion , Hasim Rahman , 45-7-2 , 36 KO 's , in the seventh round .", id="b")],
        summary_words=0)
    wins = [f for f in report.figures if f.what.startswith("wins (")]
    assert {(v.source, v.value, v.text) for f in wins for v in f.values} >= {("a", 52, "52-3"), ("b", 53, "53-3")}
    assert all(f.status == "agree" and f.note.startswith(("listed, not compared", "one source", "the sources give "
                                                          "the same")) for f in wins)
    assert not [f for f in report.facts if f.status == "conflicting"]
