"""Figures read from the parse: the number, what it counts, what happened to it, and its qualifier.

Sentences are from the ECB+ articles of benchmarks/compare (as ECB+ tokenises them) and from the seeds;
each table row is (sentence, expected figures as (what, unit, value, qualifier)), and sentences that
hold no figure must give none."""

from __future__ import annotations

import pytest


def figures(analyse_text, text, published=None):
    return [(f.what, f.unit, f.value, f.qualifier) for f in analyse_text(text, published=published).figures]


@pytest.mark.parametrize("text, expected", [
    # tolls, with their synonyms folded into one happening
    ("A firebomb attack on a bank in Greece killed at least three people today .",
     [("killed", "people", 3, "at least")]),
    ("Police said two women and one man died at a branch of the Marfin bank .", [("killed", "people", 3, None)]),
    ("Four people died in the fire , officials said .", [("killed", "people", 4, None)]),
    ("About 20 people were wounded in the clashes .", [("injured", "people", 20, "about")]),
    ("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring five people .",
     [("magnitude", None, 5.6, None), ("injured", "people", 5, None)]),
    ("No one was hurt in the blast , police said .", [("injured", "people", 0, None)]),
    # a verb no toll word names: its lemma, and the noun it counts
    ("The Indian navy captured 23 pirates on Saturday .", [("capture", "pirate", 23, None)]),
    ("They arrested 12 Somali and 11 Yemeni pirates .", [("arrested", "pirate", 23, None)]),
    ("Three or four robbers entered the store .", [("count", "robber", 4, "up to")]),
    ("A 61-year-old man was charged with first-degree murder Saturday .", [("age", None, 61, None)]),
    # no figure: a time, a distance, a share, a bare number with no happening
    ("The shooting began at about 6 p.m. , police said .", []),
    ("The ship was sailing 150 nautical miles east of Aden .", []),
    ("Shares in the bank fell 4 per cent on Wednesday .", []),
    # tolls said with other verbs
    ("He shot one man fatally right away , '' said Vancouver police spokesperson Tim Fanning .",
     [("killed", "man", 1, None)]),
    ("`` This individual took the life of two police officers , critically injured the chief of police .",
     [("killed", "officer", 2, None)]),
    ("One man is dead after an ex-employee opened fire at his company 's Christmas party .",
     [("killed", "man", 1, None)]),
    # no toll: a distance fallen (thousands cut by the tokens), a description, a number of another sentence
    ("A British climber has fallen 2 , 000ft to his death on a mountain in New Zealand , police said .",
     [("fell", "feet", 2000, None)]),  # how far he fell, not a toll
    ("Zurana Horton , 34 , a mother of 12 , was fatally shot while picking up her daughter .",
     [("age", None, 34, None), ("children", "children", 12, None)]),
    # ECB+ topics 3_4ecb and 33_4ecbplus: a compound is no toll, a mother's children are no dead (they are her
    # children, a figure of hers)
    ("In fact , Howard said , the nine pro-death jurors asked the three holdouts how many people would Nichols "
     "have to kill before they would be willing to vote for execution .",
     [("count", "juror", 9, None), ("ask", "holdout", 3, None)]),
    ("Two accused gangbangers went on trial Wednesday for tragically killing a mother of 12 as they were "
     "spraying bullets from a Brooklyn rooftop .", [("count", "gangbanger", 2, None),
                                                    ("children", "children", 12, None)]),
    # ages as ECB+ tokenises them, and beside a name (21_ecbplus)
    ("They later apprehended the suspect , identified as 23 - year old Vishwanand Subryan of Schenectady , New "
     "York .", [("age", None, 23, None)]),
    ("Raj Chohan , 59 , was killed by a drunk hit - and - run driver as she was on her way to attend religious "
     "services on Friday .", [("age", None, 59, None)]),
    # prison terms (33_5ecbplus, 3_3ecb); years that are no term
    ("He faces up to 75 years to life in prison when he's sentenced May 7 .", [("sentence", "years", 75, "up to")]),
    ("Nichols was sentenced Saturday morning to seven life sentences and four sentences of life without parole "
     "plus 485 years .", [("count", "sentence", 7, None), ("count", "sentence", 4, None),
                          ("sentence", "years", 485, None)]),
    ("Jenkin had been living in South Wales with his mum for the past three years .", []),
    # an age given at death (4_2ecbplus, 4_13ecb); an age beside a description (1_9ecbplus)
    ("Esther Williams , whose experiences as a young swimming champion led to a career of Hollywood "
     "\"aqua - musicals\" designed just for her , died on Thursday in Beverly Hills , California , at the age of 91 "
     ", her spokesman said .", [("age", None, 91, None)]),
    ("The actress , 26 , checked in late Thursday night , TMZ reports .", [("age", None, 26, None)]),
    # "a few hundred" is at least 200; a list the parser joined to its verb (19_8ecb)
    ("The city was calm on Sunday but broken shop windows bore witness to the latest , sporadic riots overnight , "
     "when a few hundred youths wearing gas masks attacked a government building , four shops and two banks .",
     [("count", "youth", 200, "at least"), ("attack", "shop", 4, None), ("attack", "bank", 2, None)]),
    # what the subject underwent "after being ..." (14_6ecb)
    ("Around 60 people spent the evening at a local day care centre after being evacuated .",
     [("evacuated", "people", 60, "about")]),
    # tolls with no number (32_ecbplus), shots fired (33_ecbplus), ages in words and after "age" (33, 22_ecb)
    ("Both women were found dead with head injuries .", [("killed", "people", 2, None)]),
    ("Police in Cumbria are investigating the double murder .", [("killed", "people", 2, None)]),
    ("The shooting frenzy in which at least 12 shots were fired began just 13 minutes after school finished .",
     [("fired", "shot", 12, "at least")]),
    ("Twenty - year - old Andrew Lopez was found guilty of murder .", [("age", None, 20, None)]),
    ("Sharron Diane Crawford Smith , age 61 , was arrested on Friday .", [("age", None, 61, None)]),
    ("The two sides held two rounds of talks .", [("count", "side", 2, None), ("hold", "round", 2, None)]),
    # no age: "one of 99" beside a name (26_1ecb); the members seized (the story reads people seized as arrested);
    # no shots fired: a basketball player's shots (31_ecbplus)
    ("Gaetano Lo Presti , one of 99 alleged Sicilian Mafia members seized on Tuesday , has apparently hanged "
     "himself with his belt in prison .", [("seize", "member", 99, None)]),
    ("He made six shots in the second half .", [("count", "shot", 6, None)]),
    # how far someone fell (23_ecbplus); "fell 5 percent" is no fall
    ("On Friday , 36 - year - old Duncan Rait died after slipping and falling about 200ft from a ridge near the "
     "Tasman Glacier .", [("age", None, 36, None), ("fell", "feet", 200, "about")]),
    ("Greek stocks fell 5 percent on Wednesday .", []),
    # a time of day as ECB+ tokenises it (35_6ecbplus)
    ("Williams , 32 , was arrested around 1 : 30 a . m . Feb . 1 on state Route 94 on suspicion of drunken driving .",
     [("age", None, 32, None)]),
    # thousands split by the tokens (13_8ecbplus); a number word the recogniser missed, a hedged zero (14_ecb)
    ("The building , which the city of Palmer had valued at about $380 , 600 , was a total loss .",
     [("money", "$", 380_600, "about")]),
    ("Sixty local residents had to be evacuated from their homes , initially to a nearby church and later to a "
     "local day care centre .", [("evacuated", "resident", 60, None)]),
    ("No-one is believed to have been injured in the incident , which saw more than 50 firefighters tackle the "
     "blaze .", [("injured", "people", 0, None), ("count", "firefighter", 50, "more than")]),
    ("He was sentenced to death for the murders .", []),
    # zero said as everyone else coming through unhurt; said of one person it is no count
    ("The other people at the office party were able to escape without injury , Fanning said .",
     [("injured", "people", 0, None)]),
    ("The other partygoers managed to escape unharmed .", [("injured", "people", 0, None)]),
    ("The driver escaped unharmed .", []),
    # things seized, by model where one is named; "three other assault rifles" is a part, no total
    ("The navy recovered seven AK-47 assault rifles , RPG launchers , three speedboats , grenades and other "
     "ammunition .", [("seized", "AK-47", 7, None), ("seized", "speedboat", 3, None)]),
    ("The Indian commandos also recovered 12 AK 47 guns , three rifles , two grenades along with other ammunition .",
     [("seized", "AK-47", 12, None), ("seized", "rifle", 3, None), ("seized", "grenade", 2, None)]),
    ("The confiscated arms and equipment included seven AK-47s , three other assault rifles , 13 loaded "
     "magazines .", [("seized", "AK-47", 7, None), ("count", "rifle", 3, None), ("seized", "magazine", 13, None)]),
    ("Among the seized items were seven AK-47 automatic rifles , three other automatic weapons and 13 loaded "
     "magazines .", [("seized", "AK-47", 7, None), ("count", "weapon", 3, None), ("seized", "magazine", 13, None)]),
    ("The Navy confiscated 14 AK - 47 rifles , 31 magazines and 923 rounds from the boat .",
     [("seized", "AK-47", 14, None), ("seized", "magazine", 31, None), ("seized", "round", 923, None)]),
    # no seizure: people, a hyphenated measure, a gauge
    ("Officers found a 12 - gauge pump - action shotgun in the vehicle .", []),
    ("An Indian warship foiled a five - boat pirate attack on Friday .", []),
    # money whose sign the ECB+ text lost; "E80" alone is no sum
    ("Robbers in drag steal e80 million from Paris diamond store in biggest French heist",
     [("money", "€", 80_000_000, None)]),
    ("ARMED robbers in drag carried out a heist , snatching p74million of diamond rings .",
     [("money", "£", 74_000_000, None)]),
    ("The convoy drove along the E80 towards the border .", []),
    ("Fears helped drive the euro below $1 . 29 for the first time in over a year .", []),  # a decimal cut by tokens
    # how long an ordeal lasted; a standoff's hours are not read
    ("A Perth man has survived after spending up to two nights in an ice cave on New Zealand 's Mt Cook .",
     [("duration", "night", 2, "up to")]),
    ("A climber is lucky to be alive after two `` horrific '' nights high on the mountain .",
     [("duration", "night", 2, None)]),
    ("Pigeon said police spent about two hours negotiating with the suspect .", []),
    # shares of a whole (ECB+ 30_ecb and 11_ecb, dev): the noun of their "of", or the subject they measure; a
    # percentage that tells a change, or names no whole nor place, is none; the whole of a share is no toll
    ("Sixty-five per cent of traffic to India was down , the company said .", [("share", "traffic", 65, None)]),
    ("Up to 80 percent of Internet services and call centers in Egypt were disrupted .",
     [("share", "service", 80, "up to")]),
    ("Officials said turnout reached 93.87 percent .", [("share", "turnout", 93.87, None)]),
    ("Prices rose 5 percent in France .", []),
    ("Some 40 percent of the 300 people were killed .",
     [("share", "people", 40, "about"), ("count", "people", 300, None)]),
    # a measured level; calibres, a gun's or a bullet's (ECB+ 21_ecb and 33_ecb, dev)
    ("Police said his blood-alcohol level was .41 .", [("level", "blood-alcohol level", 0.41, None)]),
    ("His client had a .32-caliber revolver , but Kathina was killed by a .45-caliber bullet .",
     [("caliber", "gun", 0.32, None), ("caliber", "bullet", 0.45, None)]),
    # counts of each charge (ECB+ 21_5ecb, dev); people under arrest, or seized, are arrested (16_1ecb)
    ("He was charged with one count of third-degree murder and three counts of criminal vehicular homicide .",
     [("charged", "counts of third-degree murder", 1, None),
      ("charged", "counts of criminal vehicular homicide", 3, None)]),
    ("Two possible gang members are under arrest for the assassination-style murder of a deputy .",
     [("arrested", "member", 2, None)]),
    # ages said after the name, or of whom a pronoun stands for (ECB+ 33_ecb and 28_ecbplus, dev)
    ("The trial against 16 year-old Jerymayne Timmons started a bit late .", [("age", None, 16, None)]),
    ("Fred LaRue , a Watergate figure , was found dead in a hotel . He was 75 .", [("age", None, 75, None)]),
    ("The score was 75 .", []),
    # an age of another time of a life is none of the news
    ("Fred LaRue joined the campaign . He was 21 when he enlisted .", []),
    ("Fred LaRue joined the campaign . In 1972 , he was 41 .", []),
    # a count the recogniser took for a facility ("288", ECB+ 11_4ecb)
    ("Almost all of the 288 candidates running for 125 seats in the parliament came from the Democratic Party .",
     [("count", "candidate", 288, None), ("count", "seat", 125, None)]),
    ("The sixty-one-year-old is on suicide watch , his lawyer said .", [("age", None, 61, None)]),  # (18_12ecb)
    # counts of a charge are charges, whatever the verb (22_9ecb); a decimal the tokens cut is no share (21_12ecbplus)
    ("Police arrested Smith on two counts of first-degree murder .",
     [("charged", "counts of first-degree murder", 2, None)]),
    ("The driver had a blood alcohol content of . 09 percent , police in New York said .", []),
    # no toll where none was taken (ECB+ subtopics in no gold set): an obituary's "dies at 91" is an age; "turned
    # 68" an age; "wound up with 20" points; a relative clause's "86 tackles" not the injured of its antecedent's
    # verb; "three punts" no sum; "the No. 2 official" a rank
    ("Actress Esther Williams Dies at 91", [("age", None, 91, None)]),
    ("Klitschko led the crowd in singing to trainer Emanuel Steward , who turned 68 on Saturday .", []),
    ("He wound up with 20 after surpassing Ford 's mark in the first half .", []),
    ("The strong safety , who ranks fifth on the team with 86 tackles , was injured during the loss .",
     [("count", "tackle", 86, None)]),
    ("He also returned three punts for touchdowns .", []),
    ("W. Mark Felt , who was the No. 2 official at the FBI , died .", []),
    # a version is no count, nor a measure of bits (ECB+ 27_ecb, 27_ecbplus, unseen)
    ("The flaw affects Internet Explorer 7 and 8 .", []),
    ("The patch is for 32 - bit Windows .", []),
    # a scale glued to the number, split off by the tokens: millions of users, but metres of a fall
    ("Microsoft said the flaw has attacked over 2m Windows users .", [("attack", "user", 2_000_000, "more than")]),
    ("He fell 200m down the gully .", [("fell", "metres", 200, None)]),
    # a number of a name is no count ("SMW4", "SEA-ME-WE 4", ECB+ 30_12ecb)
    ("A fault is affecting the SEA-ME-WE 4 cable near the Alexandria cable station .", []),
    # Multi-News (test clusters, as its texts are cased): a count of people beside another count it is not added
    # to is part of the whole, at least that many (50538, 50528)
    ("Four people and two constables were also injured, interim houston police chief martha montalvo said.",
     [("injured", "people", 4, "at least"), ("injured", "constable", 2, None)]),
    ("The study involved 199 women eating their normal diet and 108 who ate a mediterranean diet.",
     [("involve", "woman", 199, "at least"), ("involve", None, 108, None)]),
    # a part of a numbered group: what happened to the group is not the part's (50864); the part's own verb is
    ("Seven of eight relatives slain in their southern ohio homes were shot multiple times and some suffered "
     "bruising indicative of a struggle, according to autopsy results released tuesday.",
     [("count", "relative", 8, None)]),
    # parsed with "178 of" inside the count of punches: the part starts the figure (ECB+ 7_1ecb)
    ("Klitschko landing 178 of 369 punches thrown .", [("count", "punch", 178, None)]),
    # a scale glued to a sum, and a sign glued before it (50683)
    ("A gang of thieves has stolen more than £ 2m worth of antiquarian books from a london warehouse.",
     [("money", "£", 2_000_000, "more than")]),
    ("But they may struggle to cash in on their £2m crime.", [("money", "£", 2_000_000, None)]),
    # more of a toll than an earlier count is no toll of all (52180: "murdering 22 women" beside these)
    ("Siberian maniac and former policeman popkov has confessed to 59 new murders.",
     [("count", "murder", 59, None)]),
    ("Former siberian policeman mikhail popkov, who is already serving a life sentence for the murders of 22 women, "
     "has confessed to killing 59 more, police told the siberian times.", [("killed", "woman", 22, None)]),
    # found on the Multi-News check clusters: the group of "all but six of" did not all die (53172); "other"
    # deaths are others than the news's (53185), but "seven other people injured" are the news's injured (50631)
    ("Authorities are trying to figure out why a chartered jetliner crashed in the andes, killing all but six of "
     "the 77 people aboard.", [("count", "people", 77, None)]),
    ("Investigators are now looking into 58 other unexplained deaths in london involving the drug.",
     [("count", "death", 58, None)]),
    ("A massive eucalyptus tree toppled onto a wedding party at penn park in whittier on saturday night, leaving "
     "one woman dead and seven other people injured.", [("leave", "woman", 1, None), ("injured", "people", 7, None)]),
    # time served, apart from the sentence imposed, where the sentence or the one before tells of prison (ECB+
    # 28_ecbplus, PolNeAR train); with no word of prison or a sentence there, none is read (ECB+ 26_6ecbplus)
    ("He pleaded guilty to one count of conspiracy to obstruct justice and was sentenced to one to three years , "
     "with all but six months suspended . He served 136 days .",
     [("charged", "counts of conspiracy", 1, None), ("sentence", "years", 1, None), ("served", "days", 136, None)]),
    ("He served a reduced sentence of four and a half months in federal prison in return for cooperating with "
     "prosecutors .", [("served", "months", 4.5, None)]),
    ("After serving five years on the 1959 heroin conviction , Gigante resumed his life of crime .", []),
    ("Siljander served one year in prison.", [("served", "years", 1, None)]),
    # a count whose verb goes on to raise a total is more of that total, not all of it (51887); a verb that
    # raises something else leaves the toll alone
    ("Israel's air force pounded gaza overnight with a series of raids which killed three people, raising the death "
     "toll to 21 in a wave of tit-for-tat violence.", [("count", "people", 3, None)]),
    ("The bomb killed 12 people, raising fears of more attacks.", [("killed", "people", 12, None)]),
    # a toll in a clause a length of time before the sentence's is another event's (52812); with no length,
    # "after killing" is the news's own sequence
    ("A man killed his former fiancee and nine relatives in district charsadda on sunday, exactly six-month after "
     "killing his own parents and two brothers allegedly for delaying his marriage.",
     [("killed", None, 9, None), ("count", "brother", 2, None)]),
    ("A man in pakistan, angered by a rejected marriage proposal to his cousin, has killed 10 members of his "
     "extended family after years earlier killing four others.",
     [("killed", "member", 10, None), ("count", None, 4, None)]),
    ("Charsadda - a ruthless man, angered by a rejected marriage proposal to his cousin, gunned down his 10 relatives "
     "including his former fiancée in district charsadda on sunday, exactly six-month after killing his own parents "
     "and two brothers allegedly for delaying his marriage.",
     [("gun", "relative", 10, None), ("count", "brother", 2, None)]),
    ("The gunman shot himself after killing 10 people.", [("killed", "people", 10, None)]),
    # a count beside one person, someone's or named, counts part of the toll (52812: the others say 10)
    ("Charsadda: a man, with the help of his accomplices, killed his fiancée and nine members of her family in a "
     "pre-dawn attack in tangi area on sunday.", [("killed", "member", 9, "at least")]),
    # homeless before its noun is a standing state, no toll of people displaced (51200)
    ("So the atlanta couple turned their heartbreak into an occasion for celebration — throwing a party for more "
     "than 200 homeless people instead.", [("count", "people", 200, "more than")]),
])
def test_figures_of_a_sentence(analyse_text, text, expected):
    assert figures(analyse_text, text) == expected


def dated(analyse_text, text, published=None):
    return [(f.what, f.value, f.when) for f in analyse_text(text, published=published).figures]


def test_a_figure_of_another_time_is_that_time_s(analyse_text):
    """Dated a year from the article's publication, a toll is another event's ("In 2008 ..."): it carries
    that time, apart from the news's."""
    text = ("A bomb killed two people in the capital on Monday , police said . "
            "In 2008 a similar attack killed seven people in the same district .")
    assert dated(analyse_text, text, published="2010-05-05") == [("killed", 2, None), ("killed", 7, "2008")]


def test_a_month_named_after_the_lead_is_another_time(analyse_text):
    """With no publication date, a whole month named after a lead that dates its news by the day ("on
    Sunday") tells of an earlier event (20_1ecb); "40", which the recogniser takes for a date, is a count."""
    text = ("A 5.6 magnitude earthquake hit an island off Iran 's southern coast on Sunday , injuring five "
            "people . A powerful quake with a magnitude of 6.1 struck southern Iran in September near the port "
            "city of Bandar Abbas , on the mainland near Qeshm island , killing at least seven people and injuring "
            "40 , 15 of them on Qeshm .")
    assert dated(analyse_text, text) == [("magnitude", 5.6, None), ("injured", 5, None), ("magnitude", 6.1, "XXXX-09"),
                                         ("killed", 7, "XXXX-09"), ("injured", 40, "XXXX-09")]


def test_a_month_the_lead_names_is_the_news_s(analyse_text):
    text = ("A quake struck southern Iran in September , killing seven people . "
            "Officials said in September that the quake had injured 40 people .")
    assert dated(analyse_text, text) == [("killed", 7, None), ("injured", 40, None)]


def test_the_headline_figure_counts(analyse_text):
    analysis = analyse_text("Three killed as rioters bomb Greek bank\n\nA firebomb attack on a bank in Greece "
                            "killed at least three people today , police said .")
    assert [(f.what, f.value, f.sentence) for f in analysis.figures] == [("killed", 3, -1), ("killed", 3, 0)]


def parts(analyse_text, text):
    """The counts of a noun (bare numbers left out: "boarded two of the pirate vessels")."""
    return [(f.what, f.unit, f.value, f.part) for f in analyse_text(text).figures if f.unit is not None]


@pytest.mark.parametrize("text, expected", [
    ("Marine commandos boarded two of the pirate vessels to nab 12 Somali and 11 Yemeni pirates .",
     [("nab", "pirate", 23, None), ("nab", "pirate", 12, "Somali"), ("nab", "pirate", 11, "Yemeni")]),
    ("The arrest of the 23 pirates ( 12 Somali and 11 Yemeni ) and the arms haul is the largest such seizure .",
     [("arrested", "pirate", 23, None), ("arrested", "pirate", 12, "Somali"), ("arrested", "pirate", 11, "Yemeni")]),
    ("Out of 23 arrested pirates , 12 are reportedly from Somalia and 11 from Yemen .",
     [("arrested", "pirate", 23, None), ("arrested", "pirate", 12, "Somalia"), ("arrested", "pirate", 11, "Yemen")]),
    ("One Australian and one English climber have fallen to their deaths in New Zealand .",
     [("killed", "people", 2, None), ("killed", "people", 1, "Australian"), ("killed", "people", 1, "English")]),
    # one nationality on the whole count names no part; "12 are from Somalia" with no whole is no figure
    ("Taking the lead in the fight against piracy , the Indian Navy on Saturday arrested 23 Somali pirates .",
     [("arrested", "pirate", 23, None)]),
    ("Officials said 12 are from Somalia .", []),
])
def test_parts_of_a_count_by_place(analyse_text, text, expected):
    """A count split by where its members come from gives the whole and each part ("12 Somali")."""
    assert parts(analyse_text, text) == expected


def test_place_keys_join_a_country_and_its_people():
    from storyline.nlp.figures import place_key

    assert place_key("Somalia") == place_key("Somali") == place_key("Somalis")
    assert place_key("Yemen") == place_key("Yemeni")
    assert place_key("Pakistan") == place_key("Pakistani")
    assert place_key("Austria") != place_key("Australia")
    assert place_key("Iran") != place_key("Iraq")


def test_a_sum_given_as_a_range_is_its_first_figure_not_a_product(analyse_text):
    """ECB+ 10_5ecb: "$ 140 million to $ 160 million" was read as 140 million times a million."""
    from storyline.nlp.entities import number_value

    assert number_value("$ 140 million to $ 160 million") == 140_000_000
    found = [f for f in analyse_text("The Angels offered a deal worth $ 140 million to $ 160 million over eight "
                                     "years , a person familiar with the talks said .").figures if f.what == "money"]
    assert found and all(f.value < 1e9 for f in found)


def test_a_fraction_is_no_count(analyse_text):
    """ECB+ 10_2ecb: a batting average (".358") is no count of hits."""
    found = analyse_text("Teixeira hit .358 with 13 homers and 43 RBIs in 54 games after he was traded to the "
                         "Angels .").figures
    assert not [f for f in found if f.value == 0.358]


@pytest.mark.parametrize("text, value", [
    ("four and a half", 4.5),  # "served four and a half months" (28_1ecbplus)
    ("two and a half million", 2_500_000),
    ("Sixty", 60),  # "Sixty local residents" (14_7ecb)
    ("twenty - five", 25),
    ("More than 1 , 200", 1200),  # thousands the tokens split, as ECB+ texts are rebuilt
    ("about $380 , 600", 380_600),
    ("1 , 200 , 000", 1_200_000),
    ("three", 3),
    ("more than half-a-dozen", 6),  # (27_7ecb, unseen)
    ("two dozen", 24),
    ("a dozen", 12),
])
def test_written_numbers(text, value):
    from storyline.nlp.entities import number_value

    assert number_value(text) == value


@pytest.mark.parametrize("text, people", [
    # ECB+ 32_8ecbplus and 32_10ecbplus (dev): a description with its name beside it is the named person's
    ("23 - year - old John Jenkin , of Millom , has been charged with the murder of his 58 - year - old mother , "
     "Alice McMeekin , and sister , Kathryn Jenkin , 20 , who is from Aberdare .",
     [(23, "John Jenkin"), (58, "Alice McMeekin"), (20, "Kathryn Jenkin")]),
    ("The victims have been identified as mother Alice McMeekin , 58 , of Newton Street , Millom and her 20 - "
     "year - old daughter Kathryn Jenkin of Aberdare , South Wales .", [(58, "Alice McMeekin"), (20, "Kathryn Jenkin")]),
    # a name after a comma that does not close an apposition is not the described person's
    ("The 40-year-old woman, Smith said, had been warned.", [(40, "woman")]),
    ("A 40-year-old man, police said, was arrested.", [(40, "man")]),
    # PolNeAR (Western Journal): numbers listed after names are no ages ("Ted Cruz, 11" is a poll share)
    ("A Reuters rolling poll shows Trump at the top with 36 percent support followed by Ben Carson at 14 percent and "
     "Sens. Marco Rubio and Ted Cruz, 11 and 8 percent respectively.", []),
    ("Smith, 45, and Jones, 40, were arrested.", [(45, "Smith"), (40, "Jones")]),
])
def test_an_age_belongs_to_the_name_beside_its_description(analyse_text, text, people):
    analysis = analyse_text(text)
    got = [(int(f.value), text[f.person[0]:f.person[1]]) for f in analysis.figures if f.what == "age"]
    assert got == people


@pytest.mark.parametrize("text, alleged", [
    # ECB+ 26_1ecbplus and 26_6ecbplus (an obituary of a mob boss, in no gold set): crimes he was charged with
    ("Mr . Gigante was charged with being the head of the Genovese family and sanctioning the murders of six "
     "mobsters and conspiring to kill three others , including John Gotti , the boss of the Gambino family .",
     [True, True]),
    ("Gigante's mental illness act allowed him to escape trial despite being indicted numerous times on charges "
     "ranging from bid rigging and extortion to conspiracy to commit eight murders .", [True]),
    # the news's own toll, though a charge is near: the toll's verb has its own subject
    ("Police charged the driver after the crash killed three people .", [False]),
    ("At least 70 people were injured in the riots , police said .", [False]),
])
def test_a_toll_charged_is_marked_alleged(analyse_text, text, alleged):
    tolls = [f for f in analyse_text(text).figures if f.what in ("killed", "injured")]
    assert [f.alleged for f in tolls] == alleged


def test_a_toll_difference_with_crimes_charged_is_less_certain():
    from storyline.story.figures import ALLEGED_CONFLICT_CONFIDENCE, figure_conflicts
    from storyline.types import Figure, FigureValue

    row = Figure("g1", "killed", "differ", "the sources give figures that cannot all be true",
                 (FigureValue("a", 6.0, None, "mobster", "six mobsters", 0, 12, alleged=True),
                  FigureValue("b", 1.0, None, None, "One", 0, 3)))
    (fact,) = figure_conflicts([row])
    assert fact.confidence == ALLEGED_CONFLICT_CONFIDENCE < 0.6 and "charged with" in fact.note
    (plain,) = figure_conflicts([Figure("g1", "killed", "differ", "x", (
        FigureValue("a", 12.0, None, None, "12", 0, 2), FigureValue("b", 18.0, None, None, "18", 0, 2)))])
    assert plain.confidence == 0.8


def test_a_fragment_the_splitter_cut_off_does_not_push_the_antecedent_out_of_reach(analyse_text):
    """ECB+ 26_7ecbplus: "the U . S . Medical Center" (as ECB+ tokenises it) is cut into three sentences, one of
    them "S ."; "He was 77 ." two real sentences after Gigante is still his age."""
    text = ("Convicted mobster Vincent \"Chin\" Gigante , famed for wandering the streets of New York in a tattered "
            "bathrobe in a show of insanity , died on Monday in federal prison , officials said .\nConsidered one of "
            "the last of New York's old - time Mafia dons , the reputed head of the Genovese family was serving a 12 "
            "- year sentence at the U . S . Medical Center for Federal Prisoners in Springfield , Missouri .\nHe was "
            "77 .")
    analysis = analyse_text(text)
    ages = [(f.value, text[f.person[0]:f.person[1]]) for f in analysis.figures if f.what == "age"]
    assert ages == [(77, 'Vincent "Chin" Gigante')]


def test_one_of_the_most_is_a_description_and_the_name_beside_it_has_the_age(analyse_text):
    """ECB+ 26_4ecbplus: "One of the most famous mafia godfathers ... , Vincent "the Chin" Gigante , ... has died in
    jail , aged 77": no toll of one, and the age is Gigante's (the parser hangs his name as a conjunct)."""
    text = ('One of the most famous mafia godfathers in the US , Vincent "the Chin" Gigante , who spent much of his '
            'life avoiding prison , has died in jail , aged 77 .')
    analysis = analyse_text(text)
    assert [(f.what, f.value, text[f.person[0]:f.person[1]] if f.person else None) for f in analysis.figures] == \
        [("age", 77, "Gigante")]


def test_the_group_of_a_partitive_is_not_what_happened_to_it(analyse_text):
    """In "Three of the five climbers died" three died; five did not."""
    analysis = analyse_text("Three of the five climbers died on the mountain on Saturday .")
    assert [(f.what, f.value) for f in analysis.figures if f.what == "killed"] == [("killed", 3)]


def test_one_who_only_reports_the_news_is_not_what_the_next_sentence_is_about(analyse_text):
    """ECB+ 4_1ecb: "Bettie Page , the pin-up model ... , has died , her agent said . She was 85 .": she is Page, not
    the agent who reported it."""
    text = ("Bettie Page , the pin-up model whose seductive photographs in magazines titillated and outraged Americans "
            "in the 1950s , has died , her agent said .\nShe was 85 .\nPage was born in Nashville .")
    analysis = analyse_text(text)
    assert [(f.what, f.value, text[f.person[0]:f.person[1]]) for f in analysis.figures if f.what == "age"] == \
        [("age", 85, "Bettie Page")]


def test_a_verb_joined_to_another_shares_its_subject_s_age(analyse_text):
    """ECB+ 4_2ecb: the parser hangs "has died" on "titillated" of the relative clause; the age is still Page's."""
    text = ("Bettie Page , the raven-haired pin-up whose naughty-but-nice romps with whips , garters and high heels "
            "titillated a generation of young men in the post-war years , has died at the age of 85 after suffering a "
            "heart attack earlier this month and slipping into a coma .")
    analysis = analyse_text(text)
    assert [(f.what, f.value, text[f.person[0]:f.person[1]]) for f in analysis.figures if f.what == "age"] == \
        [("age", 85, "Bettie Page")]


@pytest.mark.parametrize("text, expected", [
    # ECB+ 10_ecb (a dev event)
    ("While the numbers are n't confirmed , the deal is believed to be an offer of eight years and around $ 160 "
     "million .", [("contract", "years", 8, None), ("money", "$", 160_000_000, "about")]),
    ("Angels general manager Tony Reagins confirmed to the Los Angeles Times that he has made an eight-year offer to "
     "free agent first baseman Mark Teixeira .", [("contract", "years", 8, None)]),
    # a time spent somewhere is no contract's length
    ("A Perth man has survived after spending up to two nights in an ice cave on Mt Cook .",
     [("duration", "night", 2, "up to")]),
])
def test_a_contract_s_length(analyse_text, text, expected):
    assert figures(analyse_text, text) == expected


@pytest.mark.parametrize("text, expected", [
    # ECB+ 35_3ecbplus, 26_1ecbplus (dev events): how many times something was done
    ("Linebacker Steve Foley was shot three times by an off - duty Coronado police officer .",
     [("shoot", "times", 3, None)]),
    ("Mr . Gigante was arrested seven times between 17 and 25 .", [("arrest", "times", 7, None)]),
    # a multiple of something, and what was said, are not
    ("His blood-alcohol level was more than five times the legal limit .", [("count", "limit", 5, "more than")]),
    ("He said it three times .", []),
])
def test_how_many_times_something_was_done(analyse_text, text, expected):
    assert [f for f in figures(analyse_text, text) if f[0] != "age"] == expected


@pytest.mark.parametrize("text, expected", [
    # TempEval-3 AQUAINT: the one person beside "N others" is one more (one source's "among 11 people who died")
    ("Elian's mother perished along with 10 others when their boat sank during the crossing from Cuba to the "
     "United States.", ("killed", None, 11, None)),
    ("His mother and 10 others died at sea while trying to reach the United States.", ("killed", None, 11, None)),
    # others beside no one are the whole of what happened to them (TempEval-3 AQUAINT; PolNeAR, Washington Post)
    ("At least seven were reported dead in the Tanzanian capital of Dar es Salaam, and 72 others were hurt.",
     ("injured", None, 72, None)),
    ("The French interior minister, Bernard Cazeneuve, said early Friday that 80 people were killed and 18 others "
     "were critically injured.", ("injured", None, 18, None)),
    # ... and beside someone of whom something else is said (Multi-News 51154, as it is lower-cased)
    ("a robbery and fatal shooting inside a san antonio shopping mall sunday ended with one man dead and three "
     "others injured, including one of the robbers, police say.", ("injured", None, 3, None)),
])
def test_others_beside_one_person_are_one_more(analyse_text, text, expected):
    assert expected in figures(analyse_text, text)
