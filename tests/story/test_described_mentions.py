"""Where an article describes a cast person rather than names them is a mention of that person
(story/described.py, story/cast.py; issue 27, item 5): a described speaker, a definite description by
role ("the city 's police chief"), an appositive ("Mark Vinar , an Australian climber from Perth"), a
surname spaCy left untagged ("Const. Fanning"); and a name labelled PERSON typed from how the story uses
it ("INS Mysore" is a ship). Each case has its counterpart that must name no one, or no one else.

The texts are sentences of the ECB+ dev events of benchmarks/compare (as ECB+ tokenises them) and of the
seed articles (examples/gantz-washington)."""

from __future__ import annotations

import pytest

from storyline.story import build_story

# 8_1ecb
RUSSELL = ("Woodburn 's police chief , Scott Russell , 46 , was injured .\n"
           "Chief Russell , who has been with the Police Department for two decades , was in critical condition "
           "but stable at a Portland hospital .")
# 8_3ecb
CITY_CHIEF = ("A Woodburn police officer and state police bomb squad technician were killed , while the city 's police "
              "chief remained in critical condition after a bomb exploded late Friday at a Woodburn bank .")
CHIEF_OF_POLICE = (
    "Woodburn Chief of Police Scott Russell was listed in critical condition at OHSU and a female bank employee "
    "received minor injuries .\n"
    "`` This individual took the life of two police officers , critically injured the chief of police , and "
    "potentially could have taken the lives of bank employees inside , '' Oregon State Police Lt. Hastings said .")
# 18_2ecb
BANKY = ("The victim , Benjamin David Banky , 40 , of Vancouver was gunned down Friday when a man showed up at the "
         "Christmas party with a gun .")
# 18_9ecb
AT_THE_VICTIM = (
    "Const. Tim Fanning said the man , who had recently lost his job at Tallgrass , walked into the party and "
    "pointed the gun at the victim .\n"
    "He then let about a dozen employees leave before holing up inside the office building with the victim .")
# 18_2ecbplus
THIRD_VICTIM = (
    "The families of the two wounded men requested \"total privacy , \" and the hospital would not release any "
    "details about their conditions , Beaumont Hospital spokeswoman Ilene Wolfe said .\n"
    "She said the third victim died on the way to the hospital .")
# 12_8ecb
SINHA = ("`` We fired in self-defense and in response to firing upon our vessel , '' Commodore Nirad Sinha , a navy "
         "spokesman , told CNN .")
# 12_3ecb
NAVY_SPOKESMAN = (
    "The pirates , in three boats , were attempting to hijack the Ethopian-flagged merchant vessel around noon "
    "today , when the destroyer INS Mysore intervened and repulsed the attack , a Navy spokesman said here .\n"
    "Nine assault rifles , a grenade launcher , 13 fully loaded magazines and a GPS receiver were seized from the "
    "pirates , the Navy spokesman said .")
# 12_5ecb
NAVY_CHIEF = ("The Navy had come in for some criticism for sinking the Thai trawler .\n"
              "Admiral Sureesh Mehta had declared that his force had done nothing wrong .\n"
              "`` Thai ownership does not change the situation .\n"
              "We acted in self-defence , '' said the Navy chief .")
# 23_4ecb
VINAR = ("Mark Vinar , an Australian climber from Perth , has been presumed dead after falling over half a kilometre "
         "from New Zealand 's highest peak , Mount Cook .")
# 18_6ecb
FANNING = ("Vancouver Police spokesman Constable Tim Fanning said the suspect had been let go from TallGrass on "
           "Thursday .\n"
           "The other people at the office party were able to escape without injury , Const. Fanning said .\n"
           "Police were called immediately and surrounded the building , Const. Fanning said .")
# 12_5ecb
MYSORE = (
    "Striking yet another blow at the very heart of piracy in the Gulf of Aden , Indian warship INS Mysore and its "
    "marine commandos thwarted a hijack attempt on an Ethiopian merchant vessel on Saturday and captured 23 pirates "
    "and a large arms cache in the operation .\n"
    "The dramatic action on the high seas on Saturday began at 11am IST when the 6,900-tonne Delhi-class missile "
    "destroyer INS Mysore received a `` distress call '' over the MMB Channel 16 from Ethiopian merchant vessel Gibe "
    "that it was being attacked by a pirate `` mother dhow ''\n"
    "INS Mysore then opened fire across the dhow 's bows with its heavy-calibre machine guns , forcing the sea "
    "bandits to come to a complete halt .")
# 18_9ecbplus
GORDON = (
    "The suspect , identified as Anthony LaCalamita , entered the second - floor office of the accounting firm , "
    "Gordon Advisors , about 10 a . m . and opened fire , the police said .\n"
    "Though they would not say what his relationship was with any of the victims or what led to the shootings , "
    "“ it doesn ’ t appear it was random , ” the Troy police chief , Charles Craft , said .\n"
    "The three - story office building houses other tenants in addition to the accounting firm , and appeared to "
    "have no formal security system , Chief Craft said .")
# 8_3ecb
MARION = (
    "The explosion happened at the West Coast Bank on the Newberg 214 Highway just before 5:30 p.m. , Marion County "
    "deputies said .\n"
    "Marion County sheriffs described Hakim as a dedicated family man with wife and two teenaged children .\n"
    "A multi-agency investigation involving federal , state , county and city police agencies is investigating , "
    "coordinated by the Marion County Sheriff 's Office working with an interagency team of investigators and the "
    "Marion County District Attorney 's Office .")
# 8_7ecb: "Marion County" is once labelled PERSON here
SHERIFF = ("Marion County deputy medical examiner Rodge Womack said police were concerned there might be a second bomb "
           "in the area ; police dogs and a robot were combing the area late into the night .\n"
           "Marion County Sheriff Russ Isham said the area will remain closed through the weekend , adding that he did "
           "not know if there could be additional bombs .")
# examples/gantz-washington/000_fc6d89dac03494ff.txt: paragraph 5 (BIDEN), paragraphs 3, 18 and 20 (HARRIS)
BIDEN = ("Both meetings were closed to members of the press, although Harris posted a photo on X afterward. President "
         "Joe Biden was at Camp David preparing for his State of the Union address on Thursday.")
HARRIS = (
    "Gantz, an influential member of the war Cabinet assembled in the wake of Hamas' Oct. 7 attack, spoke with Vice "
    "President Kamala Harris and national security adviser Jake Sullivan at the White House on Monday as Harris "
    "appeared to be taking more a leading role in the administration's escalating response.\n"
    "According to the vice president's office, Harris expressed \"deep concern\" about humanitarian conditions in "
    "Gaza during her conversation with Gantz.\n"
    "\"The president and I've been very clear that Israel has a right to defend itself, that we have got to make "
    "sure that civilians aren't being killed, and that we've got to get these hostages out and that is one of the "
    "highest priorities right now,\" Harris said earlier on Monday.")

def _story(analyse_text, *texts):
    return build_story([analyse_text(t, id=chr(ord("a") + i)) for i, t in enumerate(texts)], summary_words=0)


def _entity(report, name):
    return next(e for e in report.entities if e.name == name)


def _mentions(entity):
    return [(m.source, m.text) for m in entity.mentions]


def _described_as(report, source, text):
    """The entities one of whose mentions is ``text`` in ``source``."""
    return {e.name for e in report.entities for m in e.mentions if m.source == source and m.text == text}


# (1) a described speaker resolved to a person is a mention of that person

def test_a_described_speaker_is_a_mention_of_the_person(analyse_text):
    report = _story(analyse_text, NAVY_CHIEF)
    assert ("a", "the Navy chief") in _mentions(_entity(report, "Sureesh Mehta"))


# (2) a definite description by the role the cast collects

def test_a_description_by_role_is_the_one_person_of_the_story_with_that_role(analyse_text):
    # "the city 's police chief" comes before the article names him: the only police chief of the story
    report = _story(analyse_text, CITY_CHIEF, RUSSELL)
    assert ("a", "the city 's police chief") in _mentions(_entity(report, "Scott Russell"))


def test_a_description_by_role_is_the_person_named_before_it(analyse_text):
    report = _story(analyse_text, CHIEF_OF_POLICE)
    assert _described_as(report, "a", "the chief of police") == {"Scott Russell"}


def test_the_victim_is_the_person_the_story_calls_the_victim(analyse_text):
    report = _story(analyse_text, BANKY, AT_THE_VICTIM)
    assert [m for m in _mentions(_entity(report, "Benjamin David Banky")) if m[0] == "b"] == \
        [("b", "the victim"), ("b", "the victim")]


def test_the_third_victim_is_no_one(analyse_text):
    # one victim named in the story; "the third victim" is one of several, not him
    report = _story(analyse_text, BANKY, THIRD_VICTIM)
    assert not [m for m in _entity(report, "Benjamin David Banky").mentions if m.source == "b"]
    assert not [e.name for e in report.entities for m in e.mentions if "victim" in m.text and m.source == "b"]


def test_a_new_one_of_that_kind_in_between_is_not_the_person(analyse_text):
    # Commodore Sinha is the navy spokesman of article a; article b brings in "a Navy spokesman" it never
    # names: "the Navy spokesman" is that one
    report = _story(analyse_text, SINHA, NAVY_SPOKESMAN)
    assert not [m for m in _entity(report, "Nirad Sinha").mentions if m.source == "b"]


def test_the_president_is_not_the_vice_president(analyse_text):
    # Harris, named just before, is Vice President: "The president" she speaks of is Biden, the story's
    # President; and "the vice president 's office" is neither
    report = _story(analyse_text, BIDEN, HARRIS)
    assert _described_as(report, "b", "The president") == {"Joe Biden"}
    assert not [m for m in _entity(report, "Joe Biden").mentions if "vice" in m.text.lower()]


# (3) an appositive role

def test_an_appositive_is_a_mention_of_the_person(analyse_text):
    report = _story(analyse_text, VINAR)
    assert ("a", "an Australian climber from Perth") in _mentions(_entity(report, "Mark Vinar"))


def test_an_appositive_of_a_firm_is_no_persons_mention(analyse_text):
    report = _story(analyse_text, GORDON)
    assert not _described_as(report, "a", "the accounting firm")
    assert ("a", "the Troy police chief") in _mentions(_entity(report, "Charles Craft"))


# (4) a story person's surname that spaCy left untagged

def test_an_untagged_titled_surname_is_the_person(analyse_text):
    report = _story(analyse_text, FANNING)
    fanning = next(e for e in report.entities if e.name.endswith("Tim Fanning"))
    assert [t for s, t in _mentions(fanning) if "Fanning" in t].count("Fanning") == 2
    assert {q.speaker.entity for q in report.quotes if q.speaker} == {fanning.id}


# (5) a name labelled PERSON typed from how the story uses it

def test_a_warship_is_a_vehicle_not_a_person(analyse_text):
    report = _story(analyse_text, MYSORE)
    assert _entity(report, "INS Mysore").type == "PRODUCT"
    assert not [e for e in report.entities if e.type == "PERSON"]


def test_a_person_whose_role_names_an_organisation_stays_a_person(analyse_text):
    # "a navy spokesman": the navy is where he works, he is no organisation
    report = _story(analyse_text, SINHA)
    assert _entity(report, "Nirad Sinha").type == "PERSON"
    assert ("a", "a navy spokesman") in _mentions(_entity(report, "Nirad Sinha"))


def test_a_firm_is_an_organisation(analyse_text):
    assert _entity(_story(analyse_text, GORDON), "Gordon Advisors").type == "ORG"


@pytest.mark.xfail(strict=True, reason=(
    "the once-PERSON 'Marion County' is grouped apart from its three GPE mentions (people are grouped "
    "before other names), so _used_as sees one PERSON label only and a PERSON 'Marion County' remains"))
def test_a_county_is_a_place(analyse_text):
    # once PERSON ("Marion County Sheriff Russ Isham"), three times a place
    report = _story(analyse_text, MARION, SHERIFF)
    assert _entity(report, "Russ Isham").type == "PERSON"
    assert {e.type for e in report.entities if e.name == "Marion County"} == {"GPE"}



# (5) a description the sentence says a person is ("Andrew Lopez , 20 , is the accused gunman"): another
# article's "the gunman" is them

# 33_2ecbplus
LOPEZ_IS_THE_GUNMAN = ("Zurana Horton , 34 , was killed on Oct . 21 , 2011 while walking near an intersection in "
                       "Brownsville . Andrew Lopez , 20 , is the accused gunman who sprayed gunfire from a rooftop .")
# 33_3ecbplus
THE_GUNMAN_SAID = ("The gunman said the shooting near Public School 298 in Brownsville had stemmed from a turf war "
                   "between two Brooklyn gangs .")


def test_a_description_a_sentence_says_someone_is_stands_for_them(analyse_text):
    report = _story(analyse_text, LOPEZ_IS_THE_GUNMAN, THE_GUNMAN_SAID)
    assert _described_as(report, "b", "The gunman") == {"Andrew Lopez"}
    [quote] = [q for q in report.quotes if q.source == "b"]
    assert quote.speaker.name == "Andrew Lopez"


def test_a_description_of_a_place_or_of_a_thing_is_no_persons_role(analyse_text):
    # "The cause was ..." and "the scene was ..." say nothing of a person; "his brother was X" describes
    # through someone else
    report = _story(analyse_text, "The shooting near the school was Brownsville 's worst this year . The first "
                                  "to arrive was Andrew Lopez , a neighbour said .", THE_GUNMAN_SAID)
    assert not _described_as(report, "b", "The gunman")


# (6) a description by age, for the one person the story names with that age

# 18_2ecb, 18_8ecb
KIRKPATRICK_61 = ("Police allege Eric Allen Kirkpatrick , 61 , opened fire at the TallGrass Distribution Ltd "
                  "Christmas party , killing Benjamin David Banky , 40 .")
A_61_YEAR_OLD = "A 61-year-old man surrendered to police shortly after 6 p.m ."


def test_a_description_by_age_is_the_person_named_with_that_age(analyse_text):
    report = _story(analyse_text, KIRKPATRICK_61, A_61_YEAR_OLD)
    assert _described_as(report, "b", "A 61-year-old man") == {"Eric Allen Kirkpatrick"}
    [age] = [f for f in report.figures if f.what == "age (Eric Allen Kirkpatrick)"]
    assert [(v.source, v.value) for v in age.values] == [("a", 61), ("b", 61)]


def test_an_age_no_one_or_two_people_are_named_with_is_no_ones(analyse_text):
    # no one is named with 59; and where two people are named with 61, "A 61-year-old man" may be either
    report = _story(analyse_text, KIRKPATRICK_61, "A 59-year-old man surrendered to police shortly after 6 p.m .")
    assert not [m for e in report.entities for m in e.mentions if m.source == "b" and "year-old" in m.text]
    shared = _story(analyse_text, KIRKPATRICK_61, "Police said Tim Fanning , 61 , saw it .", A_61_YEAR_OLD)
    assert not [m for e in shared.entities for m in e.mentions if m.source == "c" and "year-old" in m.text]
