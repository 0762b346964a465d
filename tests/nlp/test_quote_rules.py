"""The quote reader as named rules: each quote records the rule that found it (``Quote.rule``).

The sentences are from PolNeAR articles and the seeds, shortened; each is the smallest text that
still takes its rule.
"""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from storyline.nlp import quotes
from storyline.nlp.quotes.cues import CUE_RULES
from storyline.nlp.quotes.indirect import CONTENT_RULES
from storyline.nlp.quotes.records import Attribution
from storyline.nlp.quotes.speakers import WHO_RULES
from storyline.records import from_plain, to_plain
from storyline.report.json import quote_dict
from storyline.types import Quote, Speaker

PACKAGE = Path(quotes.__file__).parent
LEAD = "The meeting went well, officials said.\n\n"

# (text, the quote's first words, kind, rule, speaker's name)
RULE_CASES = [
    (LEAD + '"We\'re not going to turn away that sort of opportunity," Kirby said.',
     "We're not going", "direct", "name_then_verb", "Kirby"),
    (LEAD + '"We will keep pressing for a deal that brings the hostages home," said John Kirby, the spokesman.',
     "We will keep", "direct", "verb_after_quote", "John Kirby"),
    (LEAD + 'Matthew Miller said the crossing was "an important step for the delivery of aid."',
     "an important step", "direct", "governing_verb", "Matthew Miller"),
    (LEAD + '"The talks are going nowhere fast, and everyone in the room knows it," according to a senior official.',
     "The talks", "direct", "according_to", "a senior official"),
    (LEAD + 'Harris made the following comment: "We must do more to increase the flow of aid."',
     "We must do more", "direct", "nearest_verb", "Harris"),
    ("What Mr. Trump considers ''smart'' might be seen by others as evasive.",
     "smart", "direct", "lesser_governing_verb", "Trump"),
    ('The statement was short. "The rumors are false," the email read.',
     "The rumors", "direct", "noun_then_verb", "the email"),
    (LEAD + 'WALLACE: "Let\'s start with the economy and what it means for voters."',
     "Let's start", "direct", "colon_label", "WALLACE"),
    ("IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although the polls "
     "failed to predict Ted Cruz’s Iowa win on Tuesday night, it isn’t because they were dead wrong.”",
     "Although the polls", "direct", "digest_label", "Mark Blumenthal"),
    ('Aides say the former Florida governor plans to back Cruz. From Bush\'s Facebook post: "For the sake of '
     'our party and country, we must move to overcome the divisiveness and vulgarity."',
     "For the sake", "direct", "from_label", "Bush"),
    ("Bernie Sanders offered some pointed advice to Hillary Clinton on Friday.\n\n"
     "Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.",
     "get away", "direct", "line_label", "Sanders"),
    (LEAD + '"Life is hard here for all of us and for our children." ― Jorge Falcon',
     "Life is hard", "direct", "dash_label", "Jorge Falcon"),
    ("The interview was broadcast on New York’s AM 970 The Answer.\n\nStated Stone:\n\n“I think that the stakes "
     "are so high that they would do anything necessary to remain in power.”",
     "I think that", "direct", "announcing_line", "Stone"),
    ("As is our practice, we do not award Pinocchios when we review assertions in debates.\n\n"
     '"[Americans are] worried about the future of their kids, and yet almost all new income and wealth is '
     'going to the top 1 percent."\n\n- Bernie Sanders.\n\nThe senator is relying on an outdated statistic.',
     "[Americans are]", "direct", "signing_line", "Bernie Sanders"),
    ("Readers shared their reactions.\n“As a young, Hispanic woman....I’d rather live in what he calls “hell” "
     "than live in a world where he is president.” ― Adriana Rodarte",
     "As a young", "direct", "signed_line", "Adriana Rodarte"),
    ("The convention is clear. Article 33 affirms: “No Contracting State shall expel or return a refugee in "
     "any manner whatsoever.”", "No Contracting", "direct", "speech_noun_before_colon", "Article 33"),
    ("The piece used one of the woman’s quotes as its headline: “Finally. Someone who thinks like me.”",
     "Finally.", "direct", "clause_before_colon", "The piece"),
    # going on from an earlier quote
    (LEAD + '"WALLACE: Let\'s start with the economy and what it means."',
     "Let's start", "direct", "transcript_line", "WALLACE"),
    (LEAD + '"We\'re not going to turn away that sort of opportunity," Kirby said. "It matters to the families '
     'who are waiting."', "It matters", "direct", "same_paragraph", "Kirby"),
    ("Madeleine Albright, a Clinton supporter, fanned controversy earlier this year over her remark that "
     "“there’s a special place in hell for women who don’t help each other.”",
     "there’s a special", "direct", "owned_speech", "Madeleine Albright"),
    ('The New York Times reports:\n\n"In an illustration of the lack of enthusiasm for her, just 24 percent of '
     'the contributors have given $200 or less.\n\n"Without this online network, Mrs. Clinton is being made to '
     'continue with an aggressive calendar of fundraisers."',
     "Without this", "direct", "continued_quote", "New York Times"),
    (LEAD + "Kirby said the talks went well.\n\n\"We're not going to turn away that sort of opportunity.\"",
     "We're not going", "direct", "previous_paragraph", "Kirby"),
    (LEAD + "Kirby spoke to reporters on Monday. \"We're not going to turn away that sort of opportunity.\"",
     "We're not going", "direct", "previous_subject", "Kirby"),
    ("''Several of us were arguing we have to wait for the moment,'' recalled Mr. Rhodes. ''He said, 'I just "
     "need to go to Israel because we can't simply wait for all the stars to align.'.''",
     "He said", "direct", "shared_cue", "Rhodes"),
    # (ECB+ text, one sentence a line, rebuilt from tokens: the closing mark between spaces reads either way)
    ("The victim was gunned down Friday when a man showed up at the Christmas party with a gun .\n"
     "The man `` had a firearm with him .\n"
     "He shot one man fatally right away , '' said Vancouver police spokesperson Tim Fanning .",
     " had a firearm", "direct", "closing_part", "Tim Fanning"),
    ("The complaint is based on D.C. conduct standards that prohibit lawyers from representing cases if they "
     "“participated personally and substantially as a public officer or employee.”",
     "participated", "direct", "unattributed", None),
    # reported speech
    (LEAD + "Officials say that Gantz will meet Harris at the White House on Monday.",
     "Gantz will meet", "indirect", "reported_clause", "Officials"),
    (LEAD + "Gantz is expected to meet Harris on Monday, according to an Israeli official.",
     "Gantz is expected", "indirect", "according_to_clause", "an Israeli official"),
    ("Any ''cleareyed'' interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia at the "
     "Woodrow Wilson Center in Washington, would read this as a public admission that the United States is "
     "bowing out.", "Any ''cleareyed''", "indirect", "parenthetical_cue", "Michael Kofman"),
    (LEAD + "She urged Israel to take additional measures to protect civilians.",
     "Israel to take", "indirect", "urging", "She"),
    ("With thousands of vote counting systems, the risk is small. But to prevent problems, he said, local "
     "officials should be vigilant.", "But to prevent", "indirect", "parenthetical_verb", "he"),
    (LEAD + "Clinton wants to triple the size of the program by next year.",
     "to triple", "indirect", "intention", "Clinton"),
    ("A reporter for USA Today spotted Stein and her press secretary and reported her presence on Twitter.",
     "her presence", "indirect", "object_of_cue", "A reporter for USA Today"),
]


@pytest.mark.parametrize("text,words,kind,rule,speaker", RULE_CASES, ids=[c[3] for c in RULE_CASES])
def test_each_quote_records_the_rule_that_found_it(analyse_text, text, words, kind, rule, speaker):
    found = [q for q in analyse_text(text).quotes if q.text.startswith(words)]
    assert [(q.kind, q.rule) for q in found] == [(kind, rule)]
    assert (found[0].speaker.name if found[0].speaker else None) == speaker


def test_a_headline_quote_records_its_rule(analyse_text):
    analysis = analyse_text("Issa: Hillary Clinton’s ‘Honesty Is In Question.’\n\n"
                            "“Her honesty is in question,” Rep. Darrell Issa said on Monday.")
    assert [q.rule for q in analysis.quotes] == ["headline_label", "name_then_verb"]


def test_every_rule_is_tested_and_every_name_is_one_of_the_rules():
    assert len(set(quotes.RULES)) == len(quotes.RULES)
    assert {case[3] for case in RULE_CASES} | {"headline_label"} == set(quotes.RULES)


def test_the_seeds_quotes_all_carry_a_rule(seed_report):
    assert seed_report.quotes
    assert {q.rule for q in seed_report.quotes} <= set(quotes.RULES)


@pytest.mark.parametrize("rule", [*CUE_RULES, *WHO_RULES, *(r.reads for r in CONTENT_RULES if r.reads.__doc__)],
                         ids=lambda r: r.__name__)
def test_each_rule_is_documented_with_an_example(rule):
    doc = rule.__doc__ or ""
    assert any(mark in doc for mark in ('"', "'", "“")), f"{rule.__name__} gives no example"


def test_the_rule_travels_in_the_json_and_old_stored_quotes_still_load():
    quote = Quote(id="s:q1", source="s", text="We will win", start=1, end=12, kind="direct", cue="said",
                  cue_start=15, cue_end=19, speaker=Speaker("Kirby", "Kirby", 21, 26), rule="name_then_verb")
    assert quote_dict(quote)["rule"] == "name_then_verb"
    stored = to_plain(quote)
    assert from_plain(Quote, stored) == quote
    del stored["rule"]  # an analysis stored before quotes had a rule
    assert from_plain(Quote, stored) == dataclasses.replace(quote, rule=None)


def test_attributions_are_frozen_records_with_named_fields():
    record = Attribution(0, 5, "direct", None, (10, 15), None, "dash_label")
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.rule = "colon_label"
    assert record.speaker == (10, 15)


def _functions(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def test_modules_and_functions_stay_readable():
    for path in PACKAGE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name
        for node in _functions(path):
            assert node.end_lineno - node.lineno + 1 <= 60, f"{path.name}:{node.name}"
