"""The pure scoring parts of benchmarks/eval_times.py and benchmarks/eval_summary.py (no corpus, no spaCy)."""

from __future__ import annotations

import pytest

from benchmarks import eval_summary as es
from benchmarks import eval_times as et
from benchmarks.corpora import Timex, TimemlDoc


def gold(start, end, value, type="DATE"):
    return Timex(start, end, "x" * (end - start), type, value, "t")


def pred(start, end, value, type="DATE"):
    return et.Prediction(start, end, "x" * (end - start), value, type)


# ------------------------------------------------------------------ eval_times
def test_match_is_one_to_one_by_largest_overlap():
    golds = [gold(0, 10, "a"), gold(12, 20, "b")]
    preds = [pred(5, 15, "a"), pred(8, 11, "a"), pred(30, 35, "c")]
    # (g0, p0) overlaps 5, (g1, p0) overlaps 3, (g0, p1) overlaps 2: g0 takes p0, g1 is left with nothing
    assert et.match(golds, preds) == [(0, 0)]
    preds = [pred(5, 15, "a"), pred(9, 10, "a")]
    assert sorted(et.match(golds, preds)) == [(0, 0)]  # p1 overlaps only g0, already taken
    assert sorted(et.match(golds, [pred(0, 10, "a"), pred(15, 16, "b")])) == [(0, 0), (1, 1)]


def test_match_needs_a_shared_character():
    assert et.match([gold(0, 5, "a")], [pred(5, 9, "a")]) == []  # touching is not overlapping
    assert et.match([gold(0, 5, "a")], [pred(4, 9, "a")]) == [(0, 0)]


def test_same_value_is_case_and_whitespace_insensitive():
    assert et.same_value("1998-W08", " 1998-w08 ")
    assert et.same_value("PRESENT_REF", "present_ref")
    assert not et.same_value("1998-08", "1998-08-07")
    assert not et.same_value(None, None)
    assert not et.same_value("", "")
    assert not et.same_value("1998", None)


def test_score_date_and_all_types():
    text = "On Friday, for two weeks, and in April."
    doc = TimemlDoc("d", text, "1998-08-07", (
        Timex(3, 9, "Friday", "DATE", "1998-08-07", "t1"),
        Timex(15, 24, "two weeks", "DURATION", "P2W", "t2"),
        Timex(33, 38, "April", "DATE", "1998-04", "t3"),
    ))
    preds = [pred(3, 9, "1998-08-07"),            # DATE, right value
             pred(15, 24, "P2W", "DURATION"),     # right, but not a DATE
             pred(30, 38, "1998-04-07"),           # "in April": span overlaps, value wrong
             pred(0, 2, "1998-01-01")]             # false positive
    fig = et.score([doc], [preds])
    date, every = fig["date"], fig["all"]
    assert (date["span"]["correct"], date["span"]["predicted"], date["span"]["gold"]) == (2, 3, 2)
    assert (date["value"]["correct"], date["value"]["predicted"], date["value"]["gold"]) == (1, 3, 2)
    assert date["value"]["precision"] == pytest.approx(1 / 3)
    assert date["value"]["recall"] == pytest.approx(1 / 2)
    assert date["value"]["f1"] == pytest.approx(0.4)
    assert (every["value"]["correct"], every["value"]["predicted"], every["value"]["gold"]) == (2, 4, 3)


def test_prf_handles_zero_counts():
    assert et.prf(0, 0, 0) == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "correct": 0, "predicted": 0,
                               "gold": 0}


def test_locate_prefers_whole_words_and_moves_left_to_right():
    text = "between we and we"
    assert et.locate(text, "we") == 8
    assert et.locate(text, "we", 9) == 15
    assert et.locate("1998-08", "98-0") == 2  # no whole-word hit: plain search
    assert et.locate(text, "Monday") == -1


def test_annotated_end_limits_meantime_to_six_sentences():
    text = "\n".join(f"s{i}" for i in range(9))
    doc = TimemlDoc("d", text, None, ())
    assert et.annotated_end("meantime", doc) == text.index("s6") - 1
    assert et.annotated_end("tempeval", doc) == len(text)
    short = TimemlDoc("d", "title\ndateline", None, ())
    assert et.annotated_end("meantime", short) == len(short.text)


# ---------------------------------------------------------------- eval_summary
def test_truncate_keeps_whole_sentences_and_cuts_the_last():
    sentences = ["one two three.", "four five six seven.", "eight nine."]
    assert es.truncate(sentences, 5) == ["one two three.", "four five"]
    assert es.truncate(sentences, 7) == ["one two three.", "four five six seven."]
    assert es.truncate(sentences, 100) == sentences
    assert es.truncate(["", "  a  b ", "c"], 2) == ["a  b"]
    assert es.truncate(sentences, 0) == []
    assert sum(len(s.split()) for s in es.truncate(sentences * 50, 230)) == 230


def test_split_sentences_on_tokenised_lower_case_text():
    text = ('The service\'s founders announced it monday. " we believe the phone will win, " they wrote. '
            '" looking forward, we feel this is best. " representatives did not respond. '
            'Mr. Obama met gov. Lincoln chafee in the u.s. Capitol at 9 p.m. Friday! Was it no. 5? '
            'George w. Bush said no. The end')
    assert es.split_sentences(text) == [
        "The service's founders announced it monday.",
        '" we believe the phone will win, " they wrote.',
        '" looking forward, we feel this is best. "',
        "representatives did not respond.",
        "Mr. Obama met gov. Lincoln chafee in the u.s. Capitol at 9 p.m. Friday!",
        "Was it no. 5?",
        "George w. Bush said no.",
        "The end",
    ]


def test_split_sentences_edge_cases():
    assert es.split_sentences("") == []
    assert es.split_sentences("no full stop at all") == ["no full stop at all"]
    assert es.split_sentences("it rose 4.9 percent . then fell.") == ["it rose 4.9 percent .", "then fell."]
    assert es.split_sentences("wait... what?! yes.") == ["wait...", "what?!", "yes."]
    assert es.split_sentences('he said "stop." then left') == ['he said "stop."', "then left"]


def test_lead_is_round_robin():
    docs = [["a1 x.", "a2 x.", "a3 x."], ["b1 x."], ["c1 x.", "c2 x."]]
    assert es.lead(docs, 100) == ["a1 x.", "b1 x.", "c1 x.", "a2 x.", "c2 x.", "a3 x."]
    assert es.lead(docs, 5) == ["a1 x.", "b1 x.", "c1"]
    assert es.lead([], 10) == []


def test_lexrank_picks_the_central_sentence():
    central = "the storm flooded the city and closed the airport and the port"
    docs = [
        ["the storm hit the coast overnight", central],
        ["the city was flooded by rain", "officials closed the airport"],
        ["the port stayed shut", "a cat napped on a sunny windowsill"],
    ]
    scores, similarity = es.lexrank_scores([s for d in docs for s in d])
    assert int(scores.argmax()) == 1
    assert scores.sum() == pytest.approx(1.0)
    summary = es.lexrank(docs, 12)
    assert summary[0] == central
    assert sum(len(s.split()) for s in summary) == 12


def test_lexrank_skips_near_duplicates():
    docs = [["rebels seized the northern town on monday", "a quiet market"],
            ["rebels seized the northern town on monday", "the army promised to retake the northern town"]]
    summary = es.lexrank(docs, 100)
    assert summary.count("rebels seized the northern town on monday") == 1
    assert es.lexrank([], 10) == []
    assert es.lexrank([["the a an.", "of the to."]], 10) == ["the a an.", "of the to."]  # stop words only


def test_citation_checks():
    from types import SimpleNamespace as NS

    analyses = [NS(article=NS(id="1-0", text="Rain fell. Roads closed.")),
                NS(article=NS(id="1-1", text="Other text."))]
    summary = [NS(text="Roads closed.", sources=("1-0",),
                  evidence=(NS(source="1-0", start=11, end=24, text="Roads closed."),)),
               NS(text="Rain fell.", sources=("1-0",),
                  evidence=(NS(source="1-0", start=0, end=9, text="Rain fell"),))]  # does not contain it
    checks = es.citation_checks(summary, analyses)
    assert checks == {"sentences": 2, "cited": 1, "evidence": 2, "evidence_valid": 2,
                      "all_sources_cited": False}
