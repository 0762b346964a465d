"""The scorer of benchmarks/eval_quotes.py on small hand-made cases (no corpus, no model)."""

from __future__ import annotations

import pytest

from benchmarks import corpora
from benchmarks import eval_quotes as eq


def span(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The (start, end) of the nth occurrence of ``part`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


# ------------------------------------------------------------------ coverage
def test_found_at_exactly_half_of_the_non_space_characters():
    text = "abcd efgh"  # 8 non-space characters
    gold = [(0, 9)]
    assert eq.coverage(text, gold, [(0, 4)]) == 0.5
    assert eq.is_found(text, gold, [(0, 4)])
    assert not eq.is_found(text, gold, [(0, 3)])  # 3/8
    # the space does not count: "abc " + "e" covers 4 of 8
    assert eq.is_found(text, gold, [(0, 4), (5, 6)])
    # several predictions add up
    assert eq.is_found(text, gold, [(0, 2), (7, 9)])


def test_correct_at_exactly_half_inside_gold():
    text = "abcd    efgh ijkl"
    gold = [span(text, "abcd")]
    assert eq.is_correct(text, span(text, "abcd    efgh"), gold)       # 4 of 8; spaces ignored
    assert not eq.is_correct(text, span(text, "abcd    efgh ijkl"), gold)  # 4 of 12
    # inside *some* gold content: two adjacent golds together
    assert eq.is_correct(text, span(text, "abcd    efgh ijkl"), [span(text, "abcd"), span(text, "ijkl")])
    assert not eq.is_correct(text, (4, 8), gold)  # whitespace only: nothing to score


def test_scores_of_a_document():
    text = 'Trump said "we will win big" on Monday. Clinton believes that he is wrong.'
    doc = corpora.PolnearDoc("d", text, None, (
        corpora.Attribution((span(text, "Trump"),), (span(text, "said"),), (span(text, '"we will win big"'),)),
        corpora.Attribution((span(text, "Clinton"),), (span(text, "believes"),), (span(text, "that he is wrong"),)),
    ))
    golds = eq.gold_attributions(doc)
    assert [g.direct for g in golds] == [True, False]
    s, e = span(text, '"we will win big"')
    preds = [eq.Prediction(s, e, "direct", "Donald Trump", None, None, True),
             eq.Prediction(*span(text, "on Monday"), "indirect")]
    result = eq.score_document(doc, golds, preds)
    figures = eq.aggregate([result])
    assert figures["direct"]["precision"] == 1 and figures["direct"]["recall"] == 1
    assert figures["all"]["precision"] == 0.5 and figures["all"]["recall"] == 0.5
    assert figures["direct"]["speaker_accuracy"] == 1  # surname in the resolved name
    assert figures["all"]["speaker_judged"] == 1


def test_second_annotator_as_a_system():
    text = '"We will win," Trump said, "and win big." Clinton believes that he is wrong. Polls show it.'
    first = (span(text, '"We will win,"'), span(text, '"and win big."'))
    trump = corpora.Attribution((span(text, "Trump"),), (span(text, "said"),), first)
    clinton = corpora.Attribution((span(text, "Clinton"),), (span(text, "believes"),),
                                  (span(text, "that he is wrong"),))
    no_source = corpora.Attribution((), (span(text, "show"),), (span(text, "it"),))
    doc = corpora.PolnearDoc("d", text, None, (trump, clinton), second=(trump, no_source))
    preds = eq.second_annotator_predictions([doc])[0]
    # one prediction per attribution, from its first content fragment to its last
    assert [(text[p.start:p.end], p.kind, p.speaker_name) for p in preds] == [
        ('"We will win," Trump said, "and win big."', "direct", "Trump"), ("it", "indirect", None)]
    figures = eq.aggregate([eq.score_document(doc, eq.gold_attributions(doc), preds)])
    assert figures["direct"]["precision"] == 1 and figures["direct"]["speaker_accuracy"] == 1
    assert figures["all"]["precision"] == 0.5 and figures["all"]["recall"] == 0.5
    # a document without a second annotation yields nothing
    assert eq.second_annotator_predictions([corpora.PolnearDoc("e", text, None, (trump,))]) == [[]]


# ---------------------------------------------------------------- direct rule
@pytest.mark.parametrize("mark", ['"', "“", "”", "„", "«", "‘", "’", "'", "``", "''"])
def test_direct_when_the_content_opens_with_a_quote_mark(mark):
    text = f"He said  {mark}we will win big, folks and friends"
    assert eq.is_direct(text, [(8, len(text))])  # leading whitespace skipped


def test_direct_rule_only_looks_at_the_first_fragment_for_the_opening_mark():
    text = 'Whether or not it rains today, he added, "we go on" now.'
    first, second = span(text, "Whether or not it rains today"), span(text, '"we go on"')
    assert not eq.is_direct(text, [first])
    assert eq.is_direct(text, [second])
    # fragments are read in text order: 6 words unquoted, 3 quoted -> indirect
    assert not eq.is_direct(text, [second, first])


def test_direct_when_half_of_the_words_are_quoted():
    text = 'She called the plan "a total disaster" yesterday.'
    assert eq.is_direct(text, [span(text, 'the plan "a total disaster"')])   # 3 of 5 words
    assert eq.is_direct(text, [span(text, 'plan "a total disaster" yesterday')])  # 3 of 5
    assert eq.is_direct(text, [span(text, 'the plan "a total')])  # 2 of 4: exactly half
    assert not eq.is_direct(text, [span(text, 'called the plan "a total')])  # 2 of 5


def test_quoted_regions_pair_marks_and_survive_odd_counts():
    text = ("“First para of a quote\n"           # unclosed: runs to the paragraph end
            "“Second para,” he said. “Third\n"   # closed, then another unclosed
            "Plain text” with a stray closer and Republicans' votes.\n"
            "''NYT style,'' he said, 'single quote' too, and Trump's\n"
            'A "straight" one and an odd " one')
    regions = [text[s:e] for s, e in eq.quoted_regions(text)]
    assert regions == ["“First para of a quote", "“Second para,”", "“Third",
                       "''NYT style,''", "'single quote'", '"straight"', '" one']
    words = span(text, "with a stray closer")
    assert not eq.is_direct(text, [words])
    assert eq.is_direct(text, [span(text, "First para of a quote")])  # no opening mark, all quoted


def test_an_opener_inside_an_unclosed_quote_restarts_it():
    text = "He said “one two three. Then “four five” end"
    assert [text[s:e] for s, e in eq.quoted_regions(text)] == ["“one two three. Then ", "“four five”"]


# --------------------------------------------------------------- speaker rule
def test_source_name_is_the_capitalised_words_of_the_head():
    assert eq.source_name("Mr. Garin") == ["Mr.", "Garin"]
    assert eq.source_name("Geoff Garin, a pollster for Priorities USA, a PAC backing Hillary Clinton")[-1] == "Garin"
    assert eq.source_name("Republican nominee Donald Trump")[-1] == "Trump"
    assert eq.source_name("Mrs. Clinton's campaign")[-1] == "Clinton"
    assert eq.source_name("She") == []
    assert eq.source_name("They") == []
    assert eq.source_name("an official") == []
    assert eq.source_name("The outlet") == []


def test_speaker_right_by_span_overlap():
    text = "Mrs. Clinton said she would win."
    source = [span(text, "Mrs. Clinton")]
    by_span = eq.Prediction(0, 1, speaker_name="Hillary", speaker_start=5, speaker_end=12, has_speaker=True)
    assert eq.speaker_correct(text, source, by_span)
    elsewhere = eq.Prediction(0, 1, speaker_name="Hillary", speaker_start=18, speaker_end=21, has_speaker=True)
    assert not eq.speaker_correct(text, source, elsewhere)


def test_speaker_right_by_surname_in_the_resolved_name():
    text = "Mr. Garin added that it was over."
    source = [span(text, "Mr. Garin")]
    resolved = eq.Prediction(0, 1, speaker_name="Geoff GARIN", speaker_start=None, speaker_end=None,
                             has_speaker=True)
    assert eq.speaker_correct(text, source, resolved)
    other = eq.Prediction(0, 1, speaker_name="Garinson", has_speaker=True)
    assert not eq.speaker_correct(text, source, other)  # whole words only


def test_pronoun_source_is_judged_by_span_only():
    text = "She said it was over."
    source = [span(text, "She")]
    assert not eq.speaker_correct(text, source, eq.Prediction(0, 1, speaker_name="She", has_speaker=True))
    assert eq.speaker_correct(text, source, eq.Prediction(
        0, 1, speaker_name="Hillary Clinton", speaker_start=0, speaker_end=3, has_speaker=True))


def test_no_speaker_is_wrong():
    text = "Mr. Garin said so."
    assert not eq.speaker_correct(text, [span(text, "Mr. Garin")], eq.Prediction(0, 1))
    assert not eq.speaker_correct(text, [span(text, "Mr. Garin")], None)
