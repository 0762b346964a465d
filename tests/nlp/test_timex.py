"""Time expressions resolved against the publication date, following tense."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.nlp.timex import FUTURE, NEAREST, PAST, resolve

MONDAY = date(2024, 3, 4)


@pytest.mark.parametrize("text, direction, expected", [
    ("Monday", PAST, ("DATE", "2024-03-04")),
    ("Sunday", PAST, ("DATE", "2024-03-03")),
    ("Tuesday", FUTURE, ("DATE", "2024-03-05")),
    ("Thursday", NEAREST, ("DATE", "2024-03-07")),
    ("last Monday", NEAREST, ("DATE", "2024-02-26")),
    ("next Friday", NEAREST, ("DATE", "2024-03-08")),
    ("Monday night", PAST, ("TIME", "2024-03-04TNI")),
    ("today", NEAREST, ("DATE", "2024-03-04")),
    ("yesterday", NEAREST, ("DATE", "2024-03-03")),
    ("this week", NEAREST, ("DATE", "2024-W10")),
    ("last week", NEAREST, ("DATE", "2024-W09")),
    ("earlier this month", NEAREST, ("DATE", "2024-03")),
    ("last year", NEAREST, ("DATE", "2023")),
    ("last fall", NEAREST, ("DATE", "2023-FA")),
    ("Oct. 7", NEAREST, ("DATE", "2023-10-07")),
    ("March 4, 2024", NEAREST, ("DATE", "2024-03-04")),
    ("Dec. 25", FUTURE, ("DATE", "2024-12-25")),
    ("in December", PAST, ("DATE", "2023-12")),
    ("2016", NEAREST, ("DATE", "2016")),
    ("the 1990s", NEAREST, ("DATE", "199X")),
    ("two months ago", NEAREST, ("DATE", "2024-01")),
    ("three years ago", NEAREST, ("DATE", "2021")),
    ("now", NEAREST, ("DATE", "PRESENT_REF")),
    ("for more than three decades", NEAREST, ("DURATION", "P3DE")),
    ("nearly a year", NEAREST, ("DURATION", "P1Y")),
    ("five hours", NEAREST, ("DURATION", "PT5H")),
])
def test_resolve(text, direction, expected):
    assert resolve(text, MONDAY, direction) == expected


@pytest.mark.parametrize("text", ["Monday", "last week", "Oct. 7", "two months ago"])
def test_relative_expressions_keep_their_text_without_a_date(text):
    kind, value = resolve(text, None)
    assert kind is not None and value is None


def test_not_a_time_at_all():
    assert resolve("the president", MONDAY) == (None, None)


SEED_TIMES = [
    ("000_fc6d89dac03494ff", "this week", "2024-W10"),
    ("000_fc6d89dac03494ff", "Oct. 7", "2023-10-07"),
    ("000_fc6d89dac03494ff", "Sunday", "2024-03-03"),
    ("000_fc6d89dac03494ff", "Thursday", "2024-03-07"),  # "his State of the Union address on Thursday"
    ("000_fc6d89dac03494ff", "Tuesday", "2024-03-05"),   # "is also expected to speak ... on Tuesday"
    ("000_fc6d89dac03494ff", "more than three decades", "P3DE"),
    ("002_cfade814ec095534", "last week", "2024-W09"),
    ("002_cfade814ec095534", "Tuesday", "2024-03-05"),
    ("002_cfade814ec095534", "today", "2024-03-05"),
]


@pytest.mark.parametrize("source, text, value", SEED_TIMES)
def test_seed_dates_resolve_against_each_publication_date(seed_report, source, text, value):
    values = {t.value for t in seed_report.times if t.source == source and t.text == text}
    assert values == {value}


def test_every_monday_of_the_seeds_is_march_4(seed_report):
    mondays = [t for t in seed_report.times if t.text == "Monday"]
    assert len(mondays) >= 6 and {t.value for t in mondays} == {"2024-03-04"}


def test_times_without_a_publication_date_have_no_value(analyse_text):
    times = analyse_text("Gantz met Harris on Monday and will see Blinken on Tuesday.").times
    assert [(t.text, t.value) for t in times] == [("Monday", None), ("Tuesday", None)]


@pytest.mark.parametrize("text, expected", [
    # a possessive is still the date
    ("Investigators said last month's discovery of a rifle was the key.", [("last month", "2024-02")]),
    # spaCy's span holds more than the date: the date inside it is resolved
    ("During the day Friday, the boy played in the yard.", [("Friday", "2024-03-01")]),
    # "until", "effective", "as soon as" point forward whatever the verb's tense
    ("Officials postponed until Tuesday any action on the case.", [("Tuesday", "2024-03-05")]),
    ("The board named a new chairman, effective April 1.", [("April 1", "2024-04-01")]),
    # "is to" + verb is a plan
    ("The company is to resume trading in Paris on Thursday.", [("Thursday", "2024-03-07")]),
])
def test_dates_inside_longer_phrases_and_forward_cues(analyse_text, text, expected):
    times = analyse_text(text, published="2024-03-04").times
    assert [(text[t.start:t.end].replace("'s", ""), t.value) for t in times] == expected


def test_a_period_and_the_day_it_ended_are_two_expressions(analyse_text):
    text = "The company lost $92.2 million in its fourth quarter ended Sept. 30, it said."
    times = analyse_text(text, published="1989-11-02").times
    assert [(text[t.start:t.end], t.value) for t in times] == [("its fourth quarter", "1989-Q4"),
                                                                ("Sept. 30", "1989-09-30")]


@pytest.mark.parametrize("text, published, expected", [
    # a year-long period that ended on a day is a DURATION (TimeML), not the current year
    ("Cilcorp said the businesses had revenue of $76 million for the year ended March 31.", "1989-11-01",
     [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "1989-03-31")]),
    ("It expects to post a loss of 6.4 billion yen for the year ending tomorrow.", "1989-10-30",
     [("the year", "DURATION", "P1Y"), ("tomorrow", "DATE", "1989-10-31")]),
    # the two ends of a range are two dates
    ("Crane holds 504,200 shares, including 254,200 bought from Sept. 14 to Thursday for $15.50 each.",
     "1989-10-27", [("Sept. 14", "DATE", "1989-09-14"), ("Thursday", "DATE", "1989-10-26")]),
    # "earlier" / "later" before a day qualify it; "in the past" is the past
    ("Earlier Sunday, police and militant Protestants clashed in a polarized part of the province.",
     "1998-03-22", [("Earlier Sunday", "DATE", "1998-03-22")]),
    ("In the past, Russia has often claimed that Ukraine was undermining efforts at closer cooperation.",
     "1998-03-22", [("the past", "DATE", "PAST_REF")]),
])
def test_periods_ranges_and_qualified_days(analyse_text, text, published, expected):
    times = analyse_text(text, published=published).times
    assert [(text[t.start:t.end], t.type, t.value) for t in times] == expected


def test_days_spacy_leaves_out_are_still_found(analyse_text):
    text = "A message was read Wednesday night to the rally. Officials spoke over the weekend."
    times = analyse_text(text, published="2000-01-06").times
    assert [(text[t.start:t.end], t.value) for t in times] == [("Wednesday night", "2000-01-05TNI"),
                                                                ("the weekend", "1999-W52-WE")]  # Jan. 1-2, 2000


@pytest.mark.parametrize("text, published, expected", [
    # "last <month>" is the month just gone, unless it is the one that only just ended
    ("last June", date(1989, 10, 27), ("DATE", "1989-06")),
    ("last February", date(1998, 3, 1), ("DATE", "1997-02")),
    ("next March", date(1989, 10, 27), ("DATE", "1990-03")),
    # years said in words, as broadcast transcripts write them
    ("nineteen ninety-six", date(1998, 2, 27), ("DATE", "1996")),
    ("January nineteen ninety-seven", date(1998, 2, 27), ("DATE", "1997-01")),
])
def test_resolve_against_other_dates(text, published, expected):
    assert resolve(text, published, NEAREST) == expected


def test_a_year_ago_quarter_is_the_quarter_a_year_back(analyse_text):
    text = ("Net income rose 12% in the third quarter. Revenue was $4.1 billion, up from $3.8 billion in the "
            "year-ago quarter.")
    times = analyse_text(text, published="1989-11-02").times
    assert [(text[t.start:t.end], t.value) for t in times][-1][1] == "1988-Q3"


def test_spoken_years_holidays_and_dateline_dates_are_found(analyse_text):
    text = ("\n\nHAVANA, August 7 (Xinhua) --\n\nThe boy was found on Thanksgiving Day. His father said the "
            "family left Cuba in nineteen ninety-six.")
    analysis = analyse_text(text, published="2000-01-07")
    assert analysis.article.dateline == "HAVANA" and analysis.article.title is None
    found = [(text[t.start:t.end], t.value) for t in analysis.times]
    assert ("August 7", "1999-08-07") in found
    assert ("Thanksgiving Day", "1999-11-25") in found
    assert ("nineteen ninety-six", "1996") in found


@pytest.mark.parametrize("text, expected", [
    # a participle after a noun looks back; a past perfect looks back even after "until"
    ("The department wants the court to suspend the temporary injunction issued Thursday.", "2000-04-13"),
    ("Until Thursday, they had not called Kopp a suspect.", "2000-04-13"),
    # an infinitive after a noun looks forward
    ("The bank announced an agreement to acquire the company in January.", "2001-01"),
])
def test_direction_from_participles_infinitives_and_past_perfect(analyse_text, text, expected):
    times = analyse_text(text, published="2000-04-17").times
    assert [t.value for t in times] == [expected]


def test_a_date_after_including_takes_the_tense_of_the_verb_before_it(analyse_text):
    # PolNeAR (USA Today, Thursday 14 April 2016): the caucuses Sanders "has won" were on the Saturday before, not
    # the nearer Saturday two days ahead
    text = ("Sanders' insurgent campaign has won eight of the last nine contests, including the Wyoming Democratic "
            "caucuses on Saturday.")
    assert [t.value for t in analyse_text(text, published="2016-04-14").times] == ["2016-04-09"]


def test_a_gerund_takes_the_tense_of_the_verb_it_completes(analyse_text):
    # ECB+ 3_4ecb: "began hearing the case Sept. 22" looks back as "began" does. Read as of April 2009,
    # Sept. 22 would otherwise be taken as the nearer one, 2009-09-22, five months ahead.
    text = ("The jury - six black women , two white women , two black men , one white man and one Asian man - "
            "began hearing the case Sept. 22 and convicted Nichols on Nov. 7 after 12 hours of deliberation .")
    times = analyse_text(text, published="2009-04-05").times
    assert [(t.text, t.value) for t in times][:2] == [("Sept. 22", "2008-09-22"), ("Nov. 7", "2008-11-07")]


@pytest.mark.parametrize("text", [
    "Sun Microsystems said its 80486 machines sold well.",
    "He retired at the age of 56 and sold shares for as little as 99 cents.",
])
def test_numbers_names_and_sums_are_no_dates(analyse_text, text):
    assert [t for t in analyse_text(text, published="1989-10-27").times if t.type == "DATE"] == []


@pytest.mark.parametrize("text, published, expected", [
    # TempEval-3 AQUAINT: the days of a plan (an infinitive, or a verb after "will")
    ("President Fidel Castro said the boy's father has offered to travel alone today to the United States to pick "
     "up his 6-year-old son.", "2000-04-03", [("today", True)]),
    ("Juan Miguel Gonzalez has made the right decision to travel to the United States on Thursday to affirm his "
     "desire to be reunited with his son, Elian.", "2000-04-06", [("Thursday", True)]),
    # what happened, and what will (the sentence of the test above)
    ("Gantz met Harris on Monday and will see Blinken on Tuesday.", "2024-03-04", [("Monday", False), ("Tuesday", True)]),
    ("Iran Saturday condemned the bombing of U.S. embassies in Kenya and Tanzania.", "1998-08-09", [("Saturday", False)]),
])
def test_the_day_of_a_plan_is_told_from_the_day_of_an_event(analyse_text, text, published, expected):
    times = analyse_text(text, published=published).times
    assert [(t.text, t.planned) for t in times if t.type == "DATE" and t.text[0].isalpha()] == expected
