"""Where the sources differ: names spelled two ways, toll figures that differ, and claims that cannot be one fact.

Texts are sentences of the ECB+ articles in benchmarks/compare (as ECB+ tokenises them)."""

from __future__ import annotations

from storyline.story import build_story

from ..conftest import corpus_or_skip
from storyline.story.figures import COMPATIBLE_DIFFERENCE_CONFIDENCE as COMPATIBLE

WOLFE = ("The two other victims were taken to Beaumont Hospital , but the hospital would not release any details "
         "about their conditions , Beaumont Hospital spokeswoman Ilene Wolfe said .")
WOLFF = ("The two other victims were being treated at Beaumont Hospital in Royal Oak . Ilene Wolff , a spokeswoman "
         "for the hospital , said one was in critical condition .")


def conflicts(report, kind=None):
    return [f for f in report.facts if f.status == "conflicting" and (kind is None or f.kind == kind)]


def test_a_name_spelled_two_ways_by_two_sources_is_a_conflict(analyse_text):
    report = build_story([analyse_text(WOLFE, id="a"), analyse_text(WOLFF, id="b")], summary_words=0)
    [fact] = conflicts(report, "other")
    assert fact.note == 'the sources spell the name differently: "Ilene Wolfe" in a; "Ilene Wolff" in b'
    assert [(e.source, e.text) for e in fact.evidence] == [("a", "Ilene Wolfe"), ("b", "Ilene Wolff")]
    assert 0 < fact.confidence < 1


def test_one_spelling_written_apart_or_with_its_legal_ending_is_no_conflict(analyse_text):
    report = build_story([
        analyse_text("A gunman shot dead the chief executive of TallGrass Distribution Ltd. at the company 's "
                     "Christmas party , police said .", id="a"),
        analyse_text("The victim was the head of Tall Grass Distribution Limited , a natural health products "
                     "company , police said .", id="b")], summary_words=0)
    assert not conflicts(report, "other")


def test_two_spellings_in_one_source_are_two_names_not_a_conflict(analyse_text):
    report = build_story([analyse_text(WOLFE + " " + WOLFF, id="a"), analyse_text(WOLFE, id="b")], summary_words=0)
    assert not conflicts(report, "other")


def test_claims_with_toll_figures_that_cannot_both_be_true_are_not_one_fact(analyse_text):
    """ECB+ 8_ecbplus: "12 people were injured" and "18 people had been injured ... and 12 arrested" tell the
    same toll with different figures: the figures table shows them, corroboration does not take them."""
    from storyline.story.align import claims_of, incompatible

    a = claims_of(analyse_text("Police said 12 people were injured in the riots in Athens .", id="a"), {})
    b = claims_of(analyse_text("Police said 18 people had been injured in the violence and 12 arrested for "
                               "carrying weapons .", id="b"), {})
    assert any(incompatible(x, y) for x in a for y in b)
    c = claims_of(analyse_text("Police said at least 12 people were injured in the riots in Athens .", id="c"), {})
    assert not any(incompatible(x, y) for x in c for y in b)


def test_toll_figures_that_differ_but_can_both_be_true_are_a_less_certain_difference(analyse_text):
    report = build_story([
        analyse_text("A strong earthquake hit southern Iran on Sunday , killing at least seven people , state "
                     "media said .", id="a"),
        analyse_text("A strong earthquake hit southern Iran on Sunday and killed at least six people , state "
                     "media said .", id="b")], summary_words=0)
    [row] = [f for f in report.figures if f.what == "killed"]
    assert row.status == "agree"
    [fact] = conflicts(report, "count")
    assert fact.confidence < 0.6 and "can all be true: at least 7 in a; at least 6 in b" in fact.note


def test_the_same_toll_figure_makes_no_difference(analyse_text):
    report = build_story([
        analyse_text("A strong earthquake hit southern Iran on Sunday , killing seven people , state media "
                     "said .", id="a"),
        analyse_text("A strong earthquake hit southern Iran on Sunday and killed at least seven people , state "
                     "media said .", id="b")], summary_words=0)
    assert not conflicts(report)


def test_a_clause_two_versions_of_one_agency_story_share_is_one_report(analyse_text):
    """ECB+ 20_1ecb / 20_2ecb: two versions of one Reuters story, each sentence rewritten around the same
    clause. The clause is one report, not two sources agreeing."""
    first = analyse_text("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring "
                         "five people and damaging buildings , Iranian media said .", id="first")
    second = analyse_text("The tremor struck an area around the town of Dargahan on Qeshm island , at the entrance "
                          "to the Persian Gulf , injuring five people and damaging buildings .", id="second")
    report = build_story([first, second], summary_words=0)
    shared = [f for f in report.facts if any("injuring five people and damaging buildings" in e.text for e in f.evidence)
              and len(f.sources) == 2]
    assert shared and all(f.status == "single_source" and "same agency copy" in f.note for f in shared)


def test_quakes_of_different_magnitudes_or_months_are_not_one_fact(analyse_text):
    """ECB+ 20_ecb: this Sunday's 5.6 quake is not the 6.1 quake of September that the articles recall."""
    from storyline.story.align import claims_of, incompatible

    now = claims_of(analyse_text("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , "
                                 "Iranian media said .", published="2005-11-28", id="a"), {})
    then = claims_of(analyse_text("A powerful quake with a magnitude of 6.1 struck southern Iran in September near "
                                  "the port city of Bandar Abbas .", published="2005-11-28", id="b"), {})
    same = claims_of(analyse_text("An earthquake measuring 5.6 on the Richter scale jolted Qeshm island off Iran 's "
                                  "southern coast on Sunday .", published="2005-11-28", id="c"), {})
    assert all(incompatible(x, y) for x in now for y in then)
    assert not all(incompatible(x, y) for x in now for y in same)


def test_different_sums_in_one_currency_are_a_less_certain_difference(analyse_text):
    """ECB+ 24_ecb: 85 million euros in one outlet, e80 million in another (ECB+ lost the euro sign)."""
    report = build_story([
        analyse_text("Armed robbers stole gems worth 85 million euros ( 74 million pounds ) from luxury jewellers "
                     "in the heart of Paris .", id="a"),
        analyse_text("Robbers in drag steal e80 million from Paris diamond store in biggest French heist .",
                     id="b")], summary_words=0)
    [fact] = conflicts(report, "count")
    assert fact.confidence < COMPATIBLE and fact.note.endswith("85,000,000 in a; 80,000,000 in b")
    assert [e.text for e in fact.evidence] == ["85 million euros", "e80 million"]


def test_sums_far_apart_or_one_rounded_are_no_difference(analyse_text):
    """Multi-News 50674: "$ 4.9 million" earned and "as much as $ 85 million" in assets are two sums, too far apart
    to be one; 51498 (whole articles): "$ 4 billion" is "$ 4.06 billion" rounded, one price told two ways."""
    report = build_story([
        analyse_text("The incoming white house communications director earned $ 4.9 million from his ownership "
                     "stake in skybridge.", id="a"),
        analyse_text("The filing showed that he has assets worth as much as $ 85 million.", id="b")],
        summary_words=0)
    assert [v.value for f in report.figures if f.what.startswith("money") for v in f.values] == [4.9e6, 85e6]
    assert not conflicts(report)
    corpus_or_skip("multinews")
    from benchmarks.corpora import multinews_clusters

    cluster = next(c for c in multinews_clusters() if c.idx == 51498)
    report = build_story([analyse_text(cluster.documents[n], id=f"s{n}") for n in (1, 2)], summary_words=0)
    sums = {round(v.value) for f in report.figures if f.what.startswith("money") for v in f.values}
    assert {4.06e9, 4e9} <= sums
    assert not [f for f in conflicts(report) if "money" in f.note]


def test_sums_of_no_known_currency_are_not_compared(analyse_text):
    """ECB+ 8_ecbplus writes "110 - billion" with no currency: two such sums may be in different currencies."""
    report = build_story([
        analyse_text("Greece will get a 110 - billion bailout over three years , officials said .", id="a"),
        analyse_text("European leaders agreed a 120 - billion rescue for Greece , officials said .", id="b")],
        summary_words=0)
    [row] = [f for f in report.figures if f.what.startswith("money")]
    assert [v.unit for v in row.values] == [None, None]
    assert not conflicts(report)


def test_a_source_whose_only_evidence_is_copied_adds_no_report(analyse_text):
    """ECB+ 18_2ecbplus / 18_11ecbplus: one AP story, the later version rewritten. The fact "one victim died" is
    told by 18_2 in its own sentence and in the copied one; 18_11 has only the copied sentence."""
    own = analyse_text("One victim died in the Monday morning attack . The two other victims were taken to Beaumont "
                       "Hospital , and the third victim died on the way to the hospital , a spokeswoman said .",
                       id="ap")
    copy = analyse_text("A man shot three people at an accounting firm on Monday . Police chased the suspect across "
                        "several counties before he surrendered in Saginaw . Workers barricaded their offices with "
                        "file cabinets while they waited for officers . The two other victims were taken "
                        "to Beaumont Hospital , and the third victim died on the way to the hospital , a spokeswoman "
                        "said .", id="rewrite")
    report = build_story([own, copy], summary_words=0)
    shared = [f for f in report.facts if any("third victim died" in e.text for e in f.evidence) and len(f.sources) == 2]
    assert shared and all(f.status == "single_source" and f.note == "ap and rewrite run the same agency copy"
                          for f in shared)


def test_reports_show_confident_differences_and_count_the_rest(analyse_text):
    from storyline.report.html import render_html
    from storyline.report.markdown import render_markdown

    report = build_story([
        analyse_text("A strong earthquake hit southern Iran on Sunday , killing at least seven people , state "
                     "media said .", id="a"),
        analyse_text("A strong earthquake hit southern Iran on Sunday and killed at least six people , state "
                     "media said .", id="b"), analyse_text(WOLFE, id="c"), analyse_text(WOLFF, id="d")],
        summary_words=0)
    markdown = render_markdown(report)
    assert "### Where they differ" in markdown and "Wolff" in markdown.split("### Where they differ")[1]
    assert "can all be true" not in markdown
    assert "1 less certain difference " in markdown
    html = render_html(report)
    shown, unsure = html.split('<details class="unsure">')
    assert "spell the name differently" in shown.split("Where they differ")[1] and "can all be true" not in shown
    assert "can all be true" in unsure.split("</details>")[0]


def test_a_rewrite_that_changes_a_word_every_few_words_is_still_one_report(analyse_text):
    """ECB+ 8_1ecbplus / 8_2ecbplus: "protesters" / "protestors", "avoid" / "avert" break most word 4-grams."""
    first = analyse_text("In Athens , police fought pitched battles with striking protesters furious at brutal budget "
                         "cuts designed to avoid national bankruptcy .", id="a")
    second = analyse_text("In Athens , police fought pitched battles with striking protestors furious at brutal budget "
                          "cuts designed to avert national bankruptcy .", id="b")
    report = build_story([first, second], summary_words=0)
    shared = [f for f in report.facts if len(f.sources) == 2]
    assert shared and all(f.status == "single_source" and "same agency copy" in f.note for f in shared)


def test_claims_stating_the_same_toll_in_other_words_are_one_fact(analyse_text):
    """ECB+ 8_8ecbplus / 8_10ecbplus: "Three people ... were killed" and "3 bank employees were burnt to death"."""
    from storyline.story.align import SAME_FIGURE_PROBABILITY, claims_of, match_matrix

    a = claims_of(analyse_text("Three people , one of them a pregnant woman , were killed when protesters set a "
                               "bank on fire in Athens .", id="a"), {})
    b = claims_of(analyse_text("Witnesses said the 3 bank employees were burnt to death inside the branch .",
                               id="b"), {})
    claims = [*a, *b]
    probs = match_matrix(claims)
    best = max(probs[i, len(a) + j] for i in range(len(a)) for j in range(len(b)))
    assert best >= SAME_FIGURE_PROBABILITY
    c = claims_of(analyse_text("Witnesses said 4 bank employees were burnt to death inside the branch .", id="c"), {})
    probs = match_matrix([*a, *c])
    assert probs[0, len(a)] == 0.0  # "Three people ... were killed" / "4 bank employees were burnt to death"


def test_american_and_british_forms_and_plurals_of_a_name_are_no_conflict(analyse_text):
    """ECB+ topic 2: "Kodak Theatre" / "Kodak Theater", "Tony Awards" / "Tony Award" are one name."""
    report = build_story([
        analyse_text("The ceremony will be held at the Kodak Theatre in Hollywood , where Hugh Jackman won praise "
                     "as host of the Tony Awards .", id="a"),
        analyse_text("The ceremony will be held at the Kodak Theater in Hollywood , where Hugh Jackman won praise "
                     "as host of the Tony Award show .", id="b")], summary_words=0)
    assert not conflicts(report, "other")


def test_words_given_to_one_name_spelled_two_ways_are_no_attribution_conflict(analyse_text):
    """ECB+ 9_1ecb / 9_6ecb: "Andrew Wetzler" and "Andrew Welzler" are one lawyer, spelled two ways."""
    report = build_story([
        analyse_text("`` We will see them in court , '' said Andrew Wetzler , a lawyer for the Natural Resources "
                     "Defense Council .", id="a"),
        analyse_text("`` We will see them in court , '' said Andrew Welzler of the Natural Resources Defense "
                     "Council .", id="b")], summary_words=0)
    assert not conflicts(report, "attribution")
    assert conflicts(report, "other")


def test_words_of_two_people_named_together_are_no_attribution_conflict(analyse_text):
    """ECB+ 2_ecbplus (no gold event): every outlet gives the statement to "Zadan and Meron"; that one outlet's
    speaker resolves to Zadan and another's to Meron is no dispute over who said it."""
    report = build_story([
        analyse_text("“ We are thrilled to have Ellen DeGeneres host the Oscars , ” said Zadan and Meron .", id="a"),
        analyse_text('"We are thrilled to have Ellen DeGeneres host the Oscars , " producers Craig Zadan and Neil '
                     'Meron said in a statement .', id="b")], summary_words=0)
    assert not conflicts(report, "attribution")


def test_the_same_words_given_to_two_named_people_are_an_attribution_conflict(analyse_text):
    """ECB+ 35_ecb (no gold event): one outlet gives the statement to A.J. Smith, another to A.J. Butler."""
    report = build_story([
        analyse_text("`` We 're aware of the off-the-field issue involving Vincent , '' team general manager A.J. "
                     "Smith said in a statement .", id="a"),
        analyse_text("`` We 're aware of the off-the-field issue involving Vincent , '' Chargers general manager "
                     "A.J. Butler said in a statement .", id="b")], summary_words=0)
    [fact] = conflicts(report, "attribution")
    assert "A.J. Smith" in fact.note and "A.J. Butler" in fact.note


def test_several_quotes_given_to_the_same_two_people_are_one_dispute(analyse_text):
    """ECB+ 35_ecb: the whole statement, quote by quote, is given to A.J. Smith by one outlet and to A.J.
    Butler by another: one disagreement over who spoke, with every quote as its evidence."""
    report = build_story([
        analyse_text("`` We 're aware of the off-the-field issue involving Vincent , '' team general manager A.J. "
                     "Smith said in a statement . `` Obviously we 're disappointed . '' `` We take these issues "
                     "very seriously . ''", id="a"),
        analyse_text("`` We 're aware of the off-the-field issue involving Vincent , '' Chargers general manager "
                     "A.J. Butler said in a statement . `` Obviously we 're disappointed . '' `` We take these "
                     "issues very seriously . ''", id="b")], summary_words=0)
    [fact] = conflicts(report, "attribution")
    assert len(fact.evidence) == 6 and "disappointed" in fact.note


def test_points_and_scores_of_a_game_are_not_counts_that_differ(analyse_text):
    """ECB+ 25_ecb and 25_ecbplus (no gold events): two final scores, two players' missed games, and touchdowns
    that different players scored are not one figure the sources disagree on."""
    report = build_story([
        analyse_text("Bush was hurt last Thursday in a 27-24 loss to Chicago . Thomas suffered through an injury - "
                     "plagued 2010 season , missing 10 of the Saints' 16 games . He scored three touchdowns .",
                     id="a"),
        analyse_text("Bush was hurt in a 13-10 overtime loss . This means they will be missing two of their best "
                     "players in the rushing game . He scored two touchdowns .", id="b")], summary_words=0)
    assert not conflicts(report)
    assert not [f for f in report.figures if f.status == "differ"]


def test_a_count_of_one_kind_of_person_is_part_of_a_count_of_people(analyse_text):
    """ECB+ 19_ecb: two police officers were arrested (the shooting's suspects), and more than 200 people (the
    rioters): two groups, no contradiction. More officers than people would be one."""
    report = build_story([
        analyse_text("Two police officers were arrested after the shooting .", id="a"),
        analyse_text("Police said more than 200 people were arrested in the riots .", id="b")], summary_words=0)
    assert not [f for f in report.figures if f.status == "differ"]
    report = build_story([
        analyse_text("Five police officers were arrested on Saturday .", id="a"),
        analyse_text("Police said three people were arrested on Saturday .", id="b")], summary_words=0)
    assert [f.status for f in report.figures if f.what == "arrested"] == ["differ"]


def test_british_and_hyphenated_forms_of_one_name_are_no_conflict(analyse_text):
    """ECB+ 11_ecb (no gold event): "the Organization for Security and Cooperation" and "the Organisation for
    Security and Co-operation" are one name written two ways, not a disagreement."""
    report = build_story([
        analyse_text("Observers from the Organization for Security and Cooperation in Europe did not monitor the "
                     "vote .", id="a"),
        analyse_text("The Organisation for Security and Co-operation in Europe did not send observers .", id="b")],
        summary_words=0)
    assert not conflicts(report, "other")


def test_a_term_two_people_both_quote_is_no_attribution_conflict(analyse_text):
    """ECB+ 9_ecb (no gold event): Dirk Kempthorne called the rule changes "common-sense", and James Inhofe said
    they were "common-sense changes ..."; ECB+ 28_ecb: two outlets quote "deep background", a term. A word or two
    inside someone's sentence is no proof that the words were given to the wrong person."""
    report = build_story([
        analyse_text("Interior Secretary Dirk Kempthorne called the rule changes `` narrow '' and a `` common-sense "
                     "'' approach to species protection .", id="a"),
        analyse_text("Oklahoma Sen. James Inhofe said in a statement the new regulations were `` common-sense "
                     "changes to a law much overdue for reform . ''", id="b")], summary_words=0)
    assert not conflicts(report, "attribution")
    assert not any(q.echoes for q in report.quotes)


def test_a_name_in_quote_marks_is_not_someones_words(analyse_text):
    """ECB+ 28_ecb (no gold event): "Deep Throat" is a nickname, and a book's title holds it; neither is words
    that Mark Felt or Bob Woodward said."""
    report = build_story([
        analyse_text("W. Mark Felt , who leaked information to reporters under the moniker , `` Deep Throat , '' "
                     "about the Watergate break-in , died Thursday at the age of 95 , Felt 's family said .", id="a"),
        analyse_text("In his book , `` The Secret Man : The Story of Watergate 's Deep Throat , '' published after "
                     "the Vanity Fair article appeared , Bob Woodward wrote that he met Felt when he delivered a "
                     "package of documents to the White House .", id="b")], summary_words=0)
    assert not conflicts(report, "attribution")
    assert not any(q.echoes for q in report.quotes)


def test_words_that_close_a_longer_quote_still_echo_it(analyse_text):
    """The seeds: "No excuses." closes Harris's words in one outlet; the other gives "no excuses" to Biden."""
    report = build_story([
        analyse_text('Vice President Kamala Harris said Israel "must do more to significantly increase the flow of '
                     'aid. No excuses."', id="a"),
        analyse_text('President Joe Biden reiterated that there are "no excuses" for Israel not to allow more aid '
                     'into the besieged strip.', id="b")], summary_words=0)
    [fact] = conflicts(report, "attribution")
    assert "Harris" in fact.note and "Biden" in fact.note


def test_an_age_at_another_time_of_a_life_is_not_the_persons_age(analyse_text):
    """ECB+ 28_ecb and 4_ecb (no gold events): "in 2005 , at the age of 91 , Felt told Vanity Fair ..." and "At
    the age of 10 , Page began ..." date a time of a life; the age at death is the news's."""
    report = build_story([
        analyse_text("W. Mark Felt , who leaked information to reporters about the Watergate break-in , died Thursday "
                     "at the age of 95 , his grandson said .", id="a"),
        analyse_text("Mark Felt died on Thursday . The reporters continued to keep Felt 's name a secret , but in "
                     "2005 , at the age of 91 , Felt told Vanity Fair magazine , `` I 'm the guy they used to call "
                     "Deep Throat . ''", id="b")], summary_words=0)
    assert not conflicts(report)
    [age] = [f for f in report.figures if f.what.startswith("age")]
    assert [(v.source, v.value) for v in age.values] == [("a", 95)]


def test_one_of_a_group_is_not_a_count_of_it(analyse_text):
    """ECB+ 26_ecb (no gold event): "One of the Mafia bosses ... arrested" is one of the 89 arrested, not a
    toll of one arrest against 89."""
    report = build_story([
        analyse_text("One of the Mafia bosses and clan members arrested in a major police crackdown has hung himself "
                     "in his prison cell in Palermo .", id="a"),
        analyse_text("Wiretapped conversations helped lead to the police sweep on Tuesday in which 89 people were "
                     "arrested following a nine-month probe , the Ansa news agency reported .", id="b")],
        summary_words=0)
    assert not conflicts(report)
    assert [(f.what, [v.value for v in f.values]) for f in report.figures] == [("arrested", [89])]


def test_time_stamps_are_no_claims_and_no_dates_that_differ(analyse_text):
    """ECB+ 10_ecbplus (no gold event): each page's time stamp under its headline ("December 15th , 2008 , 7 :
    35 am") is when it was posted, not a date the story gives to what happened."""
    report = build_story([
        analyse_text("Report : Red Sox offer Teixeira $200 million\nDecember 15th , 2008 , 7 : 35 am\nThe Boston "
                     "Red Sox have made first baseman Mark Teixeira an eight - year offer .", id="a"),
        analyse_text("REPORT : RED SOX MAKE HUGE OFFER TO TEIXEIRA\non Tuesday , 16 December 2008 13 : 45 .\nThe "
                     "Boston Red Sox have made the biggest offer in club history to Mark Teixeira .", id="b")],
        summary_words=0)
    assert not conflicts(report, "date")


def test_one_statement_given_to_two_people_by_four_outlets_is_one_dispute(analyse_text):
    """ECB+ 35_ecb: two outlets give the statement to A.J. Smith, two to A.J. Butler: one dispute naming every
    outlet on each side, not one for each pair of outlets."""
    smith = ("`` We 're aware of the off-the-field issue involving Vincent , '' team general manager A.J. Smith said "
             "in a statement . `` Obviously we 're disappointed . ''")
    butler = ("`` We 're aware of the off-the-field issue involving Vincent , '' Chargers general manager A.J. Butler "
              "said in a statement . `` Obviously we 're disappointed . ''")
    report = build_story([analyse_text(smith, id="a"), analyse_text(smith, id="b"), analyse_text(butler, id="c"),
                          analyse_text(butler, id="d")], summary_words=0)
    [fact] = conflicts(report, "attribution")
    assert set(fact.sources) == {"a", "b", "c", "d"}
    assert "by a and b" in fact.note and "by c and d" in fact.note


def test_a_speaker_found_through_a_description_makes_no_attribution_conflict(nlp):
    """ECB+ 26_ecbplus (no gold event): 26_1ecbplus's "the judge said" is taken back to the judge whom ECB+'s
    tokens cut to "Eugene H" (of "Judge Eugene H . Nickerson"), the wrong judge; 26_9ecbplus gives the words to
    Weinstein. A speaker found through a description may be wrong, so this is no dispute: the one-letter surname
    "h" was taken as named in "the judge" because it is a letter of it."""
    from benchmarks.corpora import ecbplus_documents
    from storyline import make_article
    from storyline.nlp.pipeline import analyze_doc

    corpus_or_skip("ecbplus")
    texts = {d.id: d.text for d in ecbplus_documents() if d.id in ("26_1ecbplus", "26_9ecbplus")}
    analyses = [analyze_doc(nlp(text), make_article(text, doc_id)) for doc_id, text in sorted(texts.items())]
    report = build_story(analyses, summary_words=0)
    [judge] = [q for q in report.quotes if q.source == "26_1ecbplus" and "shadow of his former self" in q.text]
    assert judge.speaker.text == "the judge" and judge.echoes
    assert not conflicts(report, "attribution")


def test_different_numbers_of_children_given_to_one_parent_are_a_conflict(analyse_text):
    """ECB+ 33_ecbplus (a dev event): one outlet's headline makes Zurana Horton a mother of 13, others a mother
    of 12. The name after the count, or the name the description stands beside ("Zurana Horton , 34 , a mother
    of 12"), says whose children they are."""
    report = build_story([
        analyse_text("Brooklyn Mother of 13 Zurana Horton shot and killed in gang crossfire , police said .", id="a"),
        analyse_text("Zurana Horton , 34 , a mother of 12 , was killed on Oct . 21 , 2011 while walking near an "
                     "intersection in Brownsville .", id="b")], summary_words=0)
    [row] = [f for f in report.figures if f.what.startswith("children")]
    assert (row.what, row.status) == ("children (Zurana Horton)", "differ")
    assert [(v.source, v.value, v.text) for v in row.values] == [("a", 13, "Mother of 13"), ("b", 12, "mother of 12")]
    [fact] = conflicts(report, "count")
    assert fact.note.startswith("children (Zurana Horton): the sources give different numbers of children")


def test_children_of_a_parent_no_one_names_are_listed_not_compared(analyse_text):
    report = build_story([
        analyse_text("Two accused gangbangers went on trial Wednesday for killing a mother of 12 as they were "
                     "spraying bullets from a Brooklyn rooftop .", id="a"),
        analyse_text("A mother of 13 was killed as two gangs traded shots from a Brooklyn rooftop , police said .",
                     id="b")], summary_words=0)
    assert not conflicts(report)
    assert [(f.what, f.status) for f in report.figures if f.what.startswith("children")] == [("children", "agree")]


def test_a_parents_children_join_one_row_whatever_time_the_sentence_names_and_after_a_new_description(analyse_text):
    """ECB+ 33_ecbplus (a dev event). A count of children is the person's whenever the sentence is dated ("was
    fatally shot in 2011", in an article of 2013: not a row of 2011), and "a Brooklyn mother of 12", a new
    description the next sentence names, is Zurana Horton; even though the sources already give her two
    numbers of children, the 12 joins the one they give."""
    report = build_story([
        analyse_text("Brooklyn Mother of 13 Zurana Horton shot and killed in gang crossfire , police said .", id="a"),
        analyse_text("Jury selection began in the trial of two men .\nZurana Horton , 34 , a mother of 12 , was "
                     "fatally shot in 2011 while picking up her daughter from school .", published="2013-04-11",
                     id="b"),
        analyse_text("A shocking video released for the first time Thursday captures the moment a Brooklyn mother of "
                     "12 was killed in a gang shootout as she picked her daughter up from school . The dramatic "
                     "footage was shown at the trial of two local toughs charged with killing Zurana Horton , 34 , "
                     "on Oct . 21 , 2011 .", id="c")], summary_words=0)
    [row] = [f for f in report.figures if f.what.startswith("children")]
    assert (row.what, row.status) == ("children (Zurana Horton)", "differ")
    assert [(v.source, v.value) for v in row.values] == [("a", 13), ("b", 12), ("c", 12)]


def test_a_description_is_the_person_this_article_gives_that_role_not_one_another_outlet_does(analyse_text):
    """ECB+ 33_3ecbplus (a dev event): "the mother of 13" is Zurana Horton, whom this article calls "a mother of
    12", though Unique Armstead was named after her and another outlet calls Armstead "the mother in the
    video"."""
    report = build_story([
        analyse_text("Zurana Horton , 34 , a mother of 12 , was fatally shot in 2011 while picking up her daughter "
                     "from school . Unique Armstead was shot in the arm . Lopez told police he was aiming for rival "
                     "gang members when a stray bullet hit the mother of 13 who was collecting her children .",
                     id="a"),
        analyse_text("Unique Armstead , the mother in the video wearing a white jacket , was hit in the arm .", id="b")],
        summary_words=0)
    whose = {e.name for e in report.entities for m in e.mentions if m.source == "a" and m.text == "the mother of 13"}
    assert whose == {"Zurana Horton"}


def test_an_exact_count_and_an_estimate_of_one_kind_of_thing_are_a_less_certain_difference(analyse_text):
    """ECB+ 33_ecbplus (a dev event): "letting off 13 shots" against "at least 12 shots were fired" can both be
    true, but they are different accounts: shown in the JSON, below the reports' threshold."""
    report = build_story([
        analyse_text("Both are charged with murder , with Lopez standing accused of letting off 13 shots in Horton's "
                     "death .", id="a"),
        analyse_text("The shooting frenzy in which at least 12 shots were fired began just 13 minutes after school "
                     "finished .", id="b")], summary_words=0)
    [fact] = conflicts(report, "count")
    assert fact.confidence == COMPATIBLE
    assert fact.note.startswith("shot fired: the sources give different figures, which can all be true")
    assert [(e.source, e.text) for e in fact.evidence] == [("a", "13 shots"), ("b", "at least 12 shots")]


def test_a_count_far_from_an_estimate_its_words_join_is_no_difference(analyse_text):
    """ECB+ 12_ecb (a dev event): "attacked two boats of pirates" and "have already attacked as many as 100
    merchant vessels ... this year" share a row by their words, but count different things."""
    report = build_story([
        analyse_text("An Indian warship , INS Mysore deployed in the Gulf of Aden attacked two boats of pirates after "
                     "receiving signals from a ship that the pirates were trying to hijack .", id="a"),
        analyse_text("Pirates operating with sheer impunity from ports like Eyl and Hobyo in Somalia have already "
                     "attacked as many as 100 merchant vessels transiting through the crucial shipping lane this "
                     "year .", id="b")], summary_words=0)
    assert not conflicts(report)


GAGE = ("Sheriff's deputies and state police chased him at speeds of more than 100 mph before he finally pulled "
        "over after about 15 minutes , Genesee County Undersheriff James Gage said . \"He probably realized if he "
        "didn't , he was going to be shot , \" Gage said .")
PICKELL = ("Sheriff's deputies and state police chased him for 48km , including through a construction zone , at "
           "speeds up to 193km / h before he finally pulled over after about 15 minutes , Genesee County Sheriff "
           "Robert J Pickell said . \"He probably realised if he didn't , he was going to be shot , \" Undersheriff "
           "James Gage said .")


def test_one_reported_sentence_given_to_two_people_is_a_less_certain_attribution_conflict(analyse_text):
    """ECB+ 18_ecbplus (a dev event): one agency sentence, with no quote marks, given to Undersheriff James Gage
    by one outlet and to Sheriff Robert J Pickell by another. Both may have said it: a conflict in the JSON,
    below the reports' threshold, and not among the report's "same words, different speakers". James Gage,
    whom spaCy tags once as a person, once as an organisation ("Gage") and once, with his title, as a work of
    art, is a person."""
    from storyline.report.markdown import render_markdown
    from storyline.story.align import REPORTED_ATTRIBUTION_CONFIDENCE

    report = build_story([analyse_text(GAGE, id="a"), analyse_text(PICKELL, id="b")], summary_words=0)
    [gage] = [e for e in report.entities if e.name == "James Gage"]
    assert gage.type == "PERSON"
    [fact] = conflicts(report, "attribution")
    assert fact.confidence == REPORTED_ATTRIBUTION_CONFIDENCE
    assert fact.note.startswith("reported speech: the words \"Sheriff's deputies and state police chased him")
    assert "given to James Gage by a and to Robert J Pickell by b" in fact.note
    assert "Same words, different speakers" not in render_markdown(report)


def test_words_one_outlet_gives_to_each_of_two_people_are_no_attribution_conflict(analyse_text):
    """ECB+ 1_ecbplus (in no gold set): Terry White's account of what Mark Heller "agreed to send the actress
    to", printed by two outlets, is White's words and Heller's in each: no dispute over who said it."""
    text = ("Heller argued after a prosecutor objected to Lohan's choice of rehab facilities . White said he was "
            "\"completely blindsided\" by Lohan's placement at Morningside because Heller had previously agreed to "
            "send the actress to a different facility that had been vetted .")
    report = build_story([analyse_text("Lohan 's attorney Mark Heller argued in court . " + text, id="a"),
                          analyse_text("Prosecutor Terry White objected . " + text, id="b")], summary_words=0)
    assert not conflicts(report, "attribution")


RAIT = ("On Friday , 36 - year - old Duncan Rait died after slipping and falling about 200ft from a ridge near the "
        "Tasman Glacier . Gaskin said that other climbers attempted to rescue Raite by taking him down the glacier , "
        "but that he died on the way down .")
RAIT_IN_FULL = ("Duncan Robert Rait , a New Zealand native living in Melbourne , Australia , was with a group of ski "
                "mountaineers .")
RAITE = ("Mr Buckley's death came a day after 36 - year - old Duncan Raite died when he slipped and fell around 200ft "
         "from a ridge in the same national park .")


def test_a_name_spelled_two_ways_is_a_conflict_though_one_report_slips_into_the_other_spelling(analyse_text):
    """ECB+ 23_ecbplus (a dev event): "Duncan Robert Rait" and "Duncan Rait" in two reports, "Duncan Raite" in a
    third; the first report's lone "Raite" is its own slip, which does not make the two spellings two names."""
    report = build_story([analyse_text(RAIT, id="a"), analyse_text(RAIT_IN_FULL, id="b"),
                          analyse_text(RAITE, id="c")], summary_words=0)
    [fact] = [f for f in conflicts(report, "other") if "spell" in f.note]
    prefix = "the sources spell the name differently: "
    assert fact.note.startswith(prefix)
    assert set(fact.note[len(prefix):].split("; ")) == {'"Duncan Robert Rait" in a, b', '"Duncan Raite" in c'}


def test_a_spelling_only_a_report_that_also_writes_the_other_has_is_its_slip(analyse_text):
    """ECB+ 28_8ecb (in no gold set) writes "Woodward" and then "Bob Woodard 's"; every other report writes Bob
    Woodward: one report's slip, no dispute over the name."""
    report = build_story([
        analyse_text("Felt was an instrumental player in the stunning downfall of President Nixon , but his identity "
                     "as `` Deep Throat '' -reporter Bob Woodard 's anonymous source for the Post 's bombshell series "
                     "of scoops on the Watergate affair in 1972-was unknown until three years ago . According to the "
                     "Times , even Woodward was shocked at this .", id="a"),
        analyse_text("Mark Felt was Bob Woodward 's secret source , Deep Throat .", id="b")], summary_words=0)
    assert not [f for f in conflicts(report, "other") if "spell" in f.note]


LASALLE_BLOOMINGTON = ("Police stopped Anthony Phillip LaSalle , 36 , of Bloomington , when he hit another vehicle at "
                       "the intersection of American Boulevard and Lyndale Avenue .")  # ECB+ 21_1ecb
LASALLE_MINNEAPOLIS = ("According to police , Anthony LaSalle , 36 , of Minneapolis , hit and killed a 66-year-old "
                       "LuAnn Marie Johnson in the parking lot of the Bloomington Sam 's Club Wednesday night .")  # 21_7ecb


def test_one_person_given_two_homes_by_two_sources_is_a_less_certain_conflict(analyse_text):
    report = build_story([analyse_text(LASALLE_BLOOMINGTON, id="a"), analyse_text(LASALLE_MINNEAPOLIS, id="b")],
                         summary_words=0)
    [fact] = [f for f in conflicts(report, "other") if "homes" in f.note]
    assert fact.note == ("the sources give different homes for Anthony Phillip LaSalle: Bloomington in a; "
                         "Minneapolis in b (one place may lie inside another)")
    assert [(e.source, e.text) for e in fact.evidence] == [
        ("a", "Anthony Phillip LaSalle , 36 , of Bloomington"), ("b", "Anthony LaSalle , 36 , of Minneapolis")]
    from storyline.report.markdown import SHOWN_CONFIDENCE

    assert fact.confidence < SHOWN_CONFIDENCE  # one place may lie inside the other: listed among the less certain


def test_a_home_in_a_relative_clause_of_living_is_read(analyse_text):
    """ECB+ 21_ecbplus, whole articles: "Chohan , who lived half a mile away in South Ozone Park" (21_3ecbplus)
    against "Raj K . Chohan , 59 , of College Point" (21_5ecbplus)."""
    corpus_or_skip("ecbplus")
    from benchmarks import corpora

    texts = {d.id: d.text for d in corpora.ecbplus_documents() if d.id in ("21_3ecbplus", "21_5ecbplus")}
    report = build_story([analyse_text(text, id=source) for source, text in sorted(texts.items())], summary_words=0)
    [fact] = [f for f in conflicts(report, "other") if "homes" in f.note]
    assert "South Ozone Park in 21_3ecbplus; College Point in 21_5ecbplus" in fact.note
    assert [e.text for e in fact.evidence] == ["Chohan , who lived half a mile away in South Ozone Park",
                                               "Chohan , 59 , of College Point"]


def test_homes_that_agree_or_are_given_once_are_no_conflict(analyse_text):
    """ECB+ 18_ecbplus: "of Bruce Township" and "of Macomb County's Bruce Township" are one place; a home given by
    one source only, and the same home twice, are nothing to show."""
    report = build_story([
        analyse_text("The Detroit Free Press identified them as Paul Riva , 47 , of Sterling Heights and Alan "
                     "Steinberg , 48 , of Bruce Township .", id="a"),
        analyse_text("Riva , 47 , of Sterling Heights and Steinberg , 48 , of Macomb County's Bruce Township , were "
                     "being treated at Beaumont Hospital .", id="b"),
        analyse_text(LASALLE_BLOOMINGTON, id="c")], summary_words=0)
    assert not [f for f in conflicts(report) if "homes" in f.note]


LARUE_JULY = ("Fred LaRue was a significant participant in the Watergate scandal . Mr . LaRue pleaded guilty to "
              "obstruction of justice in July 1973 .")  # ECB+ 28_3ecbplus
LARUE_JUNE = ("Fred LaRue became a central figure in the Watergate coverup . On June 27 , 1973 , he pleaded guilty to "
              "one charge of conspiring to obstruct justice and began cooperating with prosecutors .")  # 28_5ecbplus


def test_one_action_dated_differently_by_two_sources_is_a_date_conflict(analyse_text):
    report = build_story([analyse_text(LARUE_JULY, id="a"), analyse_text(LARUE_JUNE, id="b")], summary_words=0)
    [fact] = conflicts(report, "date")
    assert fact.note == ("the sources give different dates for one action of Fred LaRue (plead): July 1973 in a; "
                         "June 27 , 1973 in b")
    assert [(e.source, e.text) for e in fact.evidence] == [
        ("a", "LaRue pleaded guilty to obstruction of justice in July 1973"), ("b", "June 27 , 1973 , he pleaded guilty")]
    from storyline.report.markdown import SHOWN_CONFIDENCE

    assert fact.confidence >= SHOWN_CONFIDENCE


def test_dates_that_agree_at_the_precision_both_give_are_no_conflict(analyse_text):
    """"in 1973" allows June 27 , 1973."""
    report = build_story([analyse_text(LARUE_JUNE, id="a"), analyse_text(
        "Fred LaRue was a significant participant in the Watergate scandal . Mr . LaRue pleaded guilty to obstruction "
        "of justice in 1973 .", id="b")], summary_words=0)
    assert not conflicts(report, "date")


def test_one_verb_of_one_person_on_two_occasions_is_no_conflict(analyse_text):
    """ECB+ 26_ecbplus: Gigante was indicted in 1990 on one charge and in 1970 on another: sentences that share
    nothing but the verb and the person tell of two occasions; and a source that itself gives two dates for one
    verb of one person tells that it happened twice."""
    report = build_story([
        analyse_text("Vincent Gigante ran the Genovese family . Mr . Gigante was indicted in 1990 with 14 others on "
                     "federal charges in Brooklyn .", id="a"),
        analyse_text("Vincent Gigante ran the Genovese family . In 1970 , Gigante was indicted for bribing the entire "
                     "five - man police force of Old Tappan .", id="b")], summary_words=0)
    assert not conflicts(report, "date")
    old_tappan = analyse_text("Vincent Gigante ran the Genovese family . In 1970 , Gigante was indicted for bribing the "
                              "entire five - man police force of Old Tappan .", id="b")
    once = "Vincent Gigante ran the Genovese family . In 1969 , Gigante was indicted for bribing the police force of Old Tappan ."
    assert len(conflicts(build_story([analyse_text(once, id="a"), old_tappan], summary_words=0), "date")) == 1
    twice = once + " Gigante was indicted in 1990 for bribing contractors ."
    assert not conflicts(build_story([analyse_text(twice, id="a"), old_tappan], summary_words=0), "date")
    # an indictment of the same man whose sentence shares nothing with these is another occasion (26_1ecbplus)
    other = once + " Mr . Gigante was indicted in 1990 with 14 others on federal charges in Brooklyn ."
    [fact] = conflicts(build_story([analyse_text(other, id="a"), old_tappan], summary_words=0), "date")
    assert fact.note.endswith("(indict): 1969 in a; 1970 in b")


FELT_THURSDAY = ("W. Mark Felt , who was the No. 2 official at the FBI when he helped bring down President Richard M. "
                 "Nixon by resisting the Watergate cover-up and becoming Deep Throat , the most famous anonymous source "
                 "in American history , died on Thursday . He was 95 and lived in Santa Rosa .")  # ECB+ 28_7ecb
FELT_FRIDAY = ("Mark Felt , who was known as Watergate scandal informant 'Deep Throat , ' died on Friday . He was "
               "95 .")  # 28_10ecb


def test_one_action_given_two_weekdays_is_a_date_conflict(analyse_text):
    """With no publication dates, the weekdays themselves differ (an ECB+ subtopic in no gold file)."""
    report = build_story([analyse_text(FELT_THURSDAY, id="a"), analyse_text(FELT_FRIDAY, id="b")], summary_words=0)
    [fact] = conflicts(report, "date")
    assert fact.note.endswith("(die): Thursday in a; Friday in b")
    assert "Mark Felt" in fact.note


def test_a_night_and_the_next_day_may_be_one_date(analyse_text):
    """"Friday night" in one time zone may be Saturday in another: adjacent weekdays with a part of a day do not
    differ (and the same weekday never does)."""
    night = analyse_text(FELT_THURSDAY.replace("died on Thursday", "died on Thursday night"), id="a")
    assert not conflicts(build_story([night, analyse_text(FELT_FRIDAY, id="b")], summary_words=0), "date")
    saturday = analyse_text(FELT_FRIDAY.replace("Friday", "Saturday"), id="b")  # two days on: they differ
    assert len(conflicts(build_story([night, saturday], summary_words=0), "date")) == 1
    # the same with publication dates, which resolve the weekdays to days (18 and 19 December 2008)
    night = analyse_text(FELT_THURSDAY.replace("died on Thursday", "died on Thursday night"), "2008-12-19", id="a")
    friday = analyse_text(FELT_FRIDAY, "2008-12-20", id="b")
    assert not conflicts(build_story([night, friday], summary_words=0), "date")
    thursday = analyse_text(FELT_THURSDAY, "2008-12-19", id="a")
    assert len(conflicts(build_story([thursday, friday], summary_words=0), "date")) == 1
    same = FELT_FRIDAY.replace("Mark Felt , who", "W. Mark Felt , who")
    assert not conflicts(build_story([analyse_text(same, id="a"), analyse_text(FELT_FRIDAY, id="b")],
                                     summary_words=0), "date")


def test_the_same_verb_dated_on_two_days_by_two_known_doers_is_two_events_not_one_dated_twice(analyse_text):
    """TempEval-3 AQUAINT: an Associated Press report of Tuesday 11 August 1998 and a Xinhua one of Sunday the
    9th on the U.S. embassy bombings. Their sentences of a condemnation align as one fact, but the one who
    condemned differs (Estrada on Tuesday, Iran on Saturday): no "date differs". The same words with one
    doer, dated on two days before either report came out, still are one (a day after the earlier report is
    another occasion: the test of rallies below)."""
    estrada = ("Philippine President Joseph Estrada on Tuesday condemned the bombings of the U.S. embassies in "
               "Kenya and Tanzania and offered condolences to the victims.")
    iran = ("Iran Saturday condemned the bombing of U.S. embassies in Kenya and Tanzania, and expressed sympathy "
            "for the families of the victims.")
    two = build_story([analyse_text(estrada, "1998-08-11", id="APW19980811.0474"),
                       analyse_text(iran, "1998-08-09", id="XIE19980809.0010")], summary_words=0)
    assert not conflicts(two, "date")
    one = build_story([analyse_text(estrada.replace("on Tuesday", "on Friday"), "1998-08-11", id="APW19980811.0474"),
                       analyse_text(iran.replace("Iran Saturday", "Philippine President Joseph Estrada on Saturday"),
                                    "1998-08-09", id="XIE19980809.0010")], summary_words=0)
    [fact] = conflicts(one, "date")  # (one action of Estrada dated two ways: story/dated.py)
    assert "APW19980811.0474" in fact.note and "XIE19980809.0010" in fact.note


def test_a_plan_dated_differently_in_reports_of_different_days_moved(analyse_text):
    """TempEval-3 AQUAINT: on 3 April 2000 the Associated Press reported the father's offer "to travel alone today",
    and on the 6th the New York Times his "decision to travel" "on Thursday". Days of plans in reports of different
    days tell a plan that moved, not one event dated two ways; reports of one day that plan it for different days
    still differ."""
    offer = ("President Fidel Castro said the boy's father, Juan Miguel Gonzalez, has offered to travel alone today to "
             "the United States to pick up his 6-year-old son, Elian.")
    decision = ("Juan Miguel Gonzalez has made the right decision to travel to the United States on Thursday to affirm "
                "his desire to be reunited with his son, Elian.")

    def dates(second_published):
        report = build_story([analyse_text(offer, "2000-04-03", id="APW20000403.0057"),
                              analyse_text(decision, second_published, id="NYT20000406.0002")], summary_words=0)
        return conflicts(report, "date")

    assert not dates("2000-04-06")
    [fact] = dates("2000-04-03")
    assert "2000-04-03" in fact.note and "2000-04-06" in fact.note


def test_a_short_phrase_two_people_say_weeks_apart_is_no_dispute(analyse_text):
    """PolNeAR: the Washington Post of 15 November 2015 has Ben Carson say "Boots on the ground", USA Today of 14
    December John Kasich. Four words or fewer, in reports more than two days apart, are a phrase many say; in
    reports of the same days they still are one statement given to two people (the seeds' "no excuses")."""
    carson = ('"Boots on the ground" would be appropriate, Republican candidate Ben Carson said after the attacks.')
    kasich = ('Ohio Gov. John Kasich has also broadly called for "boots on the ground." In October, Trump called those '
              'advocating for more direct military intervention "fools".')

    def disputes(second_published):
        report = build_story([analyse_text(carson, "2015-11-15", id="wash-post"),
                              analyse_text(kasich, second_published, id="usa-today")], summary_words=0)
        return conflicts(report, "attribution")

    assert not disputes("2015-12-14")
    [fact] = disputes("2015-11-16")
    assert "Ben Carson" in fact.note and "Kasich" in fact.note


def test_one_text_printed_on_two_days_dates_nothing_twice(analyse_text):
    """PolNeAR: one New York Times article printed on 25 and 26 November 2015 says "Today, that same membership
    costs $25,000"; "today" resolves to each day, which is no conflict of dates."""
    text = ("Dues were $6,612 a year. Today, that same membership costs $25,000, but it is non-refundable, while "
            "annual dues have gone up to $8,400.")
    report = build_story([analyse_text(text, "2015-11-25", id="nyt-1"), analyse_text(text, "2015-11-26", id="nyt-2")],
                         summary_words=0)
    assert not conflicts(report, "date")


def test_reports_weeks_apart_each_dating_its_own_day_tell_each_day_s_news(analyse_text):
    """PolNeAR, Breitbart's running reports of 1 and 15 March 2016: "Hillary Clinton is adding to her delegate lead
    over Bernie Sanders after victories" on the day of one round of primaries, "Clinton has a significant
    delegate lead over Sanders" on the day of another. Each dates what it tells to its own day: each day's news,
    not one event dated two ways."""
    first = ("Hillary Clinton is adding to her delegate lead over Bernie Sanders after victories in Alabama and "
             "Tennessee on Tuesday.")
    second = "Clinton has a significant delegate lead over Sanders after victories in Florida and Ohio on Tuesday."

    def dates(second_published):
        report = build_story([analyse_text(first, "2016-03-01", id="breitbart-1"),
                              analyse_text(second, second_published, id="breitbart-2")], summary_words=0)
        return conflicts(report, "date")

    assert not dates("2016-03-15")


def test_a_word_made_of_a_name_is_no_spelling_of_it(analyse_text):
    """PolNeAR: Breitbart's "Wall Street Journal-ers" beside HuffPost's "Wall Street Journal" is a word made of the
    name, not the name spelled another way; "Ilene Wolfe" / "Ilene Wolff" still is (the first test here)."""
    report = build_story([
        analyse_text("However, a Wall Street Journal article published Friday found no record of the class nor of a "
                     "Yale Daily News article that Carson said was written about the incident.", id="huff-post"),
        analyse_text("The FBN reporters, joined by a pair of Wall Street Journal-ers, couldn’t possibly have been "
                     "more odious than the CNBC crew, but Cruz’s fusillade in Colorado underscored the importance of "
                     "being on best behavior.", id="breitbart")], summary_words=0)
    assert not [f for f in conflicts(report, "other") if "spell" in f.note]


def test_a_verb_with_a_particle_is_another_action_than_the_verb_alone(analyse_text):
    """PolNeAR (Washington Post, 13 November and 20 December 2015): "Rubio pushed back on those claims Thursday"
    and the reform bill "he pushed in 2013" are two actions, not one dated two ways."""
    back = analyse_text(
        "Marco Rubio opposed the amendments, Ted Cruz said. Rubio pushed back on those claims Thursday, saying that "
        "the immigration bill had the correct security components but was waylaid by voter mistrust.",
        published="2015-11-13", id="a")
    pushed = analyse_text(
        "There has been confusion about Marco Rubio's position on immigration ever since he turned his back on a "
        "comprehensive immigration reform bill he pushed in 2013 that included a path to citizenship for "
        "undocumented immigrants.", published="2015-12-20", id="b")
    assert [a.verb for a in back.dated] == ["push back"] and [a.verb for a in pushed.dated] == ["push"]
    assert not conflicts(build_story([back, pushed], summary_words=0), "date")


def test_words_that_name_the_other_speaker_are_no_attribution_conflict(analyse_text):
    """PolNeAR: the Huffington Post gives "a lot of sacrifices" to Donald Trump; the New York Times prints Ghazala
    Khan's "Donald Trump said he has made a lot of sacrifices": her words tell his."""
    trump = analyse_text(
        "Donald Trump was questioned about the dispute on ABC News. Trump also claimed that he had made \u201ca lot "
        "of sacrifices,\u201d such as creating jobs.", published="2016-08-03", id="huff-post")
    khan = analyse_text(
        "Ghazala Khan wrote about her son. Ms. Khan said Mr. Trump was ''ignorant'' of Islam. ''Donald Trump said "
        "he has made a lot of sacrifices,'' Ms. Khan said.", published="2016-08-01", id="nyt")
    assert not conflicts(build_story([trump, khan], summary_words=0), "attribution")


def test_two_sources_that_each_give_both_dates_do_not_differ_on_either(analyse_text):
    """PolNeAR (Politico, 11 February 2016; Washington Post, 10 February): each report gives Nevada's contest on
    20 February and South Carolina's on the 27th. Claims of the two matched together are two events, not one
    dated two ways (USA Today's sentence of both joined them in one match)."""
    politico = ("Sanders and Hillary Clinton will debate tonight. While the next Democratic contest is in Nevada on "
                "Feb. 20, the target audience will be South Carolina, where a heavily black Democratic primary "
                "electorate will vote on Feb. 27.")
    post = ("Sanders defeated Hillary Clinton in New Hampshire. The Democratic race now moves to Nevada, which holds "
            "caucuses on Feb. 20, and then South Carolina, which holds a primary on Feb. 27.")
    usa_today = ("Sanders faces a test on his appeal to black voters as he turns to contests in Nevada on Feb. 20 and "
                 "South Carolina on Feb. 27.")
    report = build_story([analyse_text(politico, published="2016-02-11", id="politico"),
                          analyse_text(post, published="2016-02-10", id="wash-post"),
                          analyse_text(usa_today, published="2016-02-11", id="usa-today")], summary_words=0)
    assert not conflicts(report, "date")


def test_a_short_phrase_that_starts_longer_words_is_no_attribution_conflict(analyse_text):
    """PolNeAR, two reports of 19 May 2016: Harry Reid was confident Sanders would "do the right thing"; Sanders
    told the party to "do the right thing and open its doors ...". A phrase of a few words echoes longer words
    only as a whole sentence of theirs, as the seeds' "No excuses." does (the test above)."""
    reid = ("Senator Harry Reid said he spoke with Bernie Sanders on Tuesday. Mr. Reid, who represents Nevada, said he "
            "was confident that Mr. Sanders would ''do the right thing.''")
    sanders = ("Bernie Sanders credited Hillary Clinton's victory to a closed primary. Sanders commanded the "
               "Democratic Party to \"do the right thing and open its doors and let into the party people who are "
               "prepared to fight for economic and social change.\"")
    report = build_story([analyse_text(reid, published="2016-05-19", id="nyt"),
                          analyse_text(sanders, published="2016-05-19", id="wash-post")], summary_words=0)
    assert not conflicts(report, "attribution")


def test_what_a_report_tells_after_another_came_out_is_another_occasion(analyse_text):
    """PolNeAR: a rally of Sanders's on Tuesday 19 April in a report of the 21st, and one on Friday 1 April in a
    report of the 5th: the earlier report told of what had happened by its day, the later date is after it, so
    they are two rallies, neither as one fact nor as one action dated two ways. Reports of one day still differ."""
    penn_state = ("Bernie Sanders lost New York. Mr. Sanders held a rally at Pennsylvania State University in State "
                  "College on Tuesday night, then flew home to Burlington, Vt.")
    new_york = ("Bernie Sanders campaigned in New York. Mr. Sanders held a rally at Washington Square Park in New York "
                "on Friday night, then flew home to Burlington, Vt.")
    report = build_story([analyse_text(penn_state, published="2016-04-21", id="nyt"),
                          analyse_text(new_york, published="2016-04-05", id="wash-post")], summary_words=0)
    assert not conflicts(report, "date")
    report = build_story([analyse_text(penn_state, published="2016-04-21", id="nyt"),
                          analyse_text(new_york, published="2016-04-21", id="wash-post")], summary_words=0)
    assert len(conflicts(report, "date")) == 1


def test_a_line_said_again_weeks_later_inside_longer_words_is_no_dispute(analyse_text):
    """PolNeAR dev: Breitbart (30 September 2016) has Clinton say Trump is "temperamentally unfit to be
    commander-in-chief"; USA Today (8 September) ends her campaign worker Rucker Culpepper's longer words with
    them. A line said again, weeks apart, not one statement given to two people; in reports of the same days the
    same words still are a dispute."""
    clinton = ("Donald Trump is defending his early-morning tweets. Hillary Clinton says Trump’s “latest twitter "
               "meltdown is unhinged, even for him.” She says it underscores that Trump is “temperamentally unfit to "
               "be commander-in-chief.”")
    culpepper = ("The Clinton campaign released an ad this week. Rucker Culpepper, who runs Clinton's get-out-the-vote "
                 "effort for military veterans' families, said, \"Trump has been disrespecting our veterans and "
                 "military for decades, proving he's unqualified and temperamentally unfit to be commander in "
                 "chief.\"")

    def disputes(first_published):
        report = build_story([analyse_text(clinton, "2016-09-30", id="breitbart"),
                              analyse_text(culpepper, first_published, id="usa-today")], summary_words=0)
        return conflicts(report, "attribution")

    assert not disputes("2016-09-08")
    [fact] = disputes("2016-09-29")
    assert "Clinton" in fact.note and "Culpepper" in fact.note
