"""Figures: the counts, tolls and amounts a journalist would put in a table, read from the parse.

A figure is a number with what it counts and what happened to it: "killed at least three people"
(killed, 3, "at least"), "Four people died" (killed, 4), "two women and one man died" (killed, 3),
"the death toll rose to four" (killed, 4), "No one was hurt" (injured, 0), "About 20 people were
wounded" (injured, 20, "about"), "a 61-year-old man" (age, 61), "5.9 on the Richter scale"
(magnitude, 5.9), "$ 137 million" (money), "seized seven AK-47 assault rifles" (seized, 7, "AK-47"), "12 Somali
and 11 Yemeni pirates" (23 pirates, and the parts 12 Somali and 11 Yemeni), "The other partygoers managed to
escape unharmed" (injured, 0), "spending two nights in an ice cave" (duration, 2 nights). ``what`` names the happening in one word shared by its
synonyms (:data:`HAPPENINGS`), so that sources that word a toll differently land in one row of the
story's figures table (:mod:`storyline.story.figures`).

A figure in a sentence that dates itself to another time than the article's news ("In 2008 a similar
attack killed seven"; without a publication date, a whole month or year named after a lead that does not
name it: "A quake struck in September , killing at least seven") carries that time (``when``), so that the
story compares it only with figures of that time.

Say less: a number whose happening the parse does not show is no figure (a bare "3" is not a toll), and
zero counts and bare sums in a sentence of another time are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import FigureRef, Mention, TimeRef
from ..vocabulary import CARDINALS, MULTIPLIERS, NUMBER_LABELS, PRONOUN_GENDER
from .coref import Pronouns
from .entities import MAX_AGE, number_value
from .tallies import extract_tallies

# The happening a word reports, for the words that report tolls and counts (verbs, adjectives and
# nouns by lemma). "casualties" means deaths in most news use; "victims" too often means the injured
# as well, so it names nothing here.
HAPPENINGS = {
    "killed": {"kill", "die", "dead", "death", "fatality", "casualty", "murder", "slay", "perish", "toll"},
    # things the authorities took: read only of things a verb of these acts on (see `_seized`), for said of
    # people "seize" is an arrest and "recover" is getting well
    "seized": {"seize", "confiscate", "impound", "recover"},
    "injured": {"injure", "injured", "injury", "wound", "wounded", "hurt"},
    "missing": {"missing", "disappear"},
    "arrested": {"arrest", "detain", "apprehend"},
    "evacuated": {"evacuate", "evacuee"},
    "rescued": {"rescue"},
    "displaced": {"displace", "homeless"},
    "charged": {"charge"},
}
_HAPPENING_OF = {lemma: what for what, lemmas in HAPPENINGS.items() if what != "seized" for lemma in lemmas}
# Toll words that before a noun tell a standing state, no happening: "a party for 200 homeless people" (Multi-News
# 51200, where it stood against "more than 200 homeless people" as people displaced). A toll of them is said with
# a verb: "left 200 people homeless", "200 were made homeless".
STANDING_STATES = frozenset({"homeless"})
# Nouns for a police operation that arrests people ("a police bust of almost 100 people", ECB+ 26_9ecb): read as
# arrests only as nouns, and kept out of HAPPENINGS, whose words the story also matches by WordNet's senses
# (the verb "bust" shares one with "attack": "attacked over 2m Windows users" is no arrest, 27_7ecb).
ARREST_NOUNS = {"bust": "arrested", "roundup": "arrested"}
SEIZING = frozenset(HAPPENINGS["seized"])
# Words that list the members of a set ("seized a cache of arms, including seven rifles"; "the confiscated
# arms included seven AK-47s"; "Among the seized items were seven rifles"): a member shares the set's seizure.
INCLUDING = frozenset({"include", "comprise", "contain"})
# Nouns a verb of SEIZING acts on that are no things taken ("recovered three bodies" tells of the dead).
BODIES = frozenset({"body", "corpse", "remains"})
# Words that make a count a part of a larger one ("three other assault rifles" after "seven AK-47s"): such a
# count of things is left out; it is no total of what it counts.
OTHER = frozenset({"other", "another", "additional"})
# Words for some of a group, before "of": what happens to them is not the whole group's ("some of the 300 people").
SOME_OF = frozenset({"some", "many", "most", "few", "several", "none", "half"})
# Words that make a toll's count an increment, more of the dead or hurt than an earlier count (see _increment).
INCREMENT = frozenset({"new", "more", "further", "additional", "another"})
# Verbs that raise a total to a figure, and the totals they raise ("raising the death toll to 21").
RAISING_VERBS = frozenset({"raise", "bring", "push", "take", "lift", "increase", "put", "send"})
TOTAL_NOUNS = frozenset({"toll", "number", "total", "tally", "count", "figure"})
# Words that put a clause a stretch of time from its sentence's ("six months after killing ..."), and the lengths.
_BEFORE_AFTER = frozenset({"after", "before"})
_TIME_UNITS = frozenset({"day", "week", "month", "year", "decade"})
# A weapon's model written as letters and a number ("AK-47", "AK-47s", "M16"), or as two tokens ("AK 47").
_MODEL = re.compile(r"^([A-Z]{1,4})-?(\d{1,3})s?$")
_MODEL_LETTERS = re.compile(r"^[A-Z]{1,4}$")
# Adverbs that make a shot or a wound a death ("shot one man fatally", "fatally wounded").
FATALLY = frozenset({"fatally", "mortally"})
# Verbs whose "to death" is no death now ("sentenced to death", "scared to death").
NOT_DEATHS = frozenset({"sentence", "condemn", "doom", "scare", "frighten", "bore"})
# Verbs that with "life"/"lives" as their object tell of deaths ("took the life of two police officers",
# "claimed the lives of 12", "cost the lives of three"); "lost their lives" is read from "lose".
TAKING_LIFE = frozenset({"take", "claim", "cost"})
# Words that say people came through unhurt ("escaped unharmed", "got out without injury"): a zero count of
# the injured when said of everyone (else) there (see `_unharmed`).
UNHARMED = frozenset({"unharmed", "unhurt", "uninjured", "unscathed"})
HARMS = frozenset({"injury", "harm", "scratch"})  # "without injury", "without a scratch"
# Subjects that speak of everyone (else) concerned: "everyone", "the other partygoers", "all 150 passengers".
EVERYONE = frozenset({"everyone", "everybody", "all", "others"})
EVERYONE_MODIFIERS = frozenset({"other", "all", "both", "rest"})
# How long an ordeal lasted ("spent two nights on the mountain", "trapped for three days", "alive after two
# horrific nights") is a key figure; other lengths of time (a standoff, a strike, "two hours later") are not
# read. DURATION is the happening of such a figure, DURATION_UNITS what it counts, ORDEALS the words that
# must govern it (set on the ECB+ dev events: the climber stranded on Mt Cook).
DURATION = "duration"
DURATION_UNITS = frozenset({"night", "day", "hour", "week"})
ORDEALS = frozenset({"strand", "stranded", "trap", "trapped", "survive", "alive", "stuck", "missing"})
# How far from the preposition's word an ordeal word may be ("is lucky to be alive after two nights": is ->
# lucky -> be -> alive).
ORDEAL_DEPTH = 3
# Nouns that count people: a toll of "three people", "two women", "five officers" is a toll of people.
# Possessives that make a singular noun someone's relative or partner ("his fiancée", "her husband").
PERSONAL_POSSESSIVES = frozenset({"his", "her", "their"})
PEOPLE_NOUNS = frozenset("""
people person persons individual man men woman women child children boy girl adult baby teenager
civilian soldier officer policeman policemen trooper guard firefighter worker employee passenger tourist
resident student protester demonstrator rioter miner sailor crew crewman pilot patient victim bystander
customer member suspect gunman hostage climber pedestrian driver
""".split())
# Nouns that name a toll: as a modifier of a counted noun they make a compound ("nine pro-death jurors",
# "death row inmates"), not a toll of it as "3 dead" and "20 injured" do.
TOLL_NOUNS = frozenset({"death", "deaths", "toll", "casualty", "casualties", "fatality", "fatalities", "murder",
                        "injury", "injuries", "arrest", "rescue", "charge"})
# Verbs that say nothing happened to what they count ("had 23 points", "got two chances", "said two
# incidents"): no happening.
LIGHT_VERBS = frozenset({"have", "be", "get", "do", "make", "say", "tell", "turn"})  # ("who turned 68": an age)

# A share of a whole ("65 % of traffic to India was down", "82 percent of India 's voice traffic", "52 percent in
# Egypt"): SHARE is its happening, the noun of its "of" its unit ("traffic"), the place named in its phrase its
# place. PERCENT_WORDS end one ("per cent" ends in "cent"). A share with neither a whole nor a place ("rose 5
# percent") is no figure; nor a change: a share a verb of CHANGES takes, or one "by", "to" or "from" takes ("cut by
# 10 percent", "rose to 5 percent"), tells how something moved, not how much of a whole was hit.
SHARE = "share"
PERCENT_WORDS = frozenset({"percent", "%", "cent", "pct"})
CHANGES = frozenset({"rise", "fall", "increase", "decrease", "drop", "climb", "grow", "gain", "jump", "decline",
                     "slip", "surge", "cut", "lower", "raise", "reduce", "soar", "plunge", "slide", "tumble",
                     "shrink", "expand", "boost", "lose", "add", "up", "down"})
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
# Verbs whose subject a share measures: "Turnout was 90 per cent", "turnout reached 93.87 percent".
STANDING_AT = frozenset({"be", "reach", "stand", "hit", "top", "exceed", "approach"})
# A measured level ("his blood-alcohol level was .41", "a blood alcohol content of 0.09 percent"): LEVEL is its
# happening, the measure's name with its compounds ("blood-alcohol level") its unit. Only of the nouns in
# LEVEL_NOUNS, the subject of "be" the number is the attribute of, or the noun whose "of" holds it.
LEVEL = "level"
LEVEL_NOUNS = frozenset({"level", "content", "concentration", "limit"})  # ("the legal limit is 0.08 percent")
# A gun's or a bullet's calibre (".32-caliber revolver", "a .45 caliber"): CALIBRE is its happening, "bullet"
# or "gun" its unit (AMMUNITION names the first); several guns may be in a story, so rows are listed, not compared.
CALIBRE = "caliber"
CALIBRE_WORDS = frozenset({"caliber", "calibre"})
AMMUNITION = frozenset({"bullet", "round", "shell", "casing", "cartridge", "slug", "wound", "ammunition"})
# Labels the recogniser sometimes gives a lone number that counts a noun (see _numbers).
MISREAD_NUMBER_LABELS = frozenset({"FAC", "ORG", "PRODUCT", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW", "EVENT",
                                   "PERSON"})
# Shots fired: the nouns that count them, only with a verb of firing ("two rounds of talks", a basketball
# player's "six shots" (ECB+ 31_ecbplus, unseen), "hit by seven bullets" count no shots fired), the verbs,
# and the happening their rows are named by.
SHOTS = frozenset({"shot", "bullet", "round", "gunshot"})
FIRING = frozenset({"fire", "shoot", "spray", "unload", "pump", "let", "empty"})
FIRED = "fired"
# Tolls said as one word: "the double murder" (two killed, ECB+ 32_ecbplus), "a triple homicide".
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4}
MULTIPLE_TOLLS = frozenset({"murder", "killing", "homicide", "slaying", "fatality"})
# Words that make a toll under them crimes alleged, not the news's toll: "charged with ... sanctioning the murders
# of six mobsters", "indicted on charges ranging from ... to conspiracy to commit eight murders" (an obituary
# of a mob boss, ECB+ 26_ecbplus, in no gold set), and how far up the parse they are looked for.
ALLEGING = frozenset({"charge", "indict", "accuse", "convict", "allege", "conspiracy", "sanction", "plead",
                      "acquit", "indictment"})
ALLEGED_TOLLS = frozenset({"killed", "injured"})
ALLEGED_DEPTH = 6
# Parents: "a mother of 12" counts her children, not the dead of the story.
PARENTS = frozenset({"mother", "father", "mom", "dad", "mum", "parent", "grandmother", "grandfather"})
# Words before a number that qualify it, as written ("at least", "around"), and the qualifier they give.
QUALIFIERS = (
    ("at least", "at least"), ("no fewer than", "at least"), ("a minimum of", "at least"),
    ("more than", "more than"), ("over", "more than"), ("upwards of", "more than"),
    ("about", "about"), ("around", "about"), ("some", "about"), ("approximately", "about"),
    ("roughly", "about"), ("an estimated", "about"), ("nearly", "nearly"), ("almost", "nearly"),
    ("up to", "up to"), ("as many as", "up to"), ("as much as", "up to"), ("close to", "nearly"),
    ("fewer than", "fewer than"), ("less than", "fewer than"), ("under", "fewer than"), ("a few", "at least"),
    ("several", "at least"),
)
# Qualifiers that stand for a small number of what follows: "a few hundred" is at least two hundred.
FEW = frozenset({"a few", "several"})
_QUALIFIER = re.compile(r"^(?:" + "|".join(re.escape(w) for w, _ in QUALIFIERS) + r")\b", re.IGNORECASE)
_QUALIFIER_OF = dict(QUALIFIERS)
# "no one", "nobody", "none": a zero count of people.
_NOBODY = frozenset({"nobody", "none", "noone"})
_PERCENT = re.compile(r"per\s*cent|%", re.IGNORECASE)
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?![\d])")
# A prison term: its units, the words near it that say it is one ("sentence", "jail", "prison", "parole"),
# how near (tokens either side, within the sentence), and the longest term read as one (longer is a sum of
# terms, or no term: "485 years" is read).
TERM_UNITS = {"year": "years", "month": "months"}
# Time served in prison: the object of "serve" ("He served 136 days", "serving more than four years"), in days too,
# where the sentence or the one before says it is prison's ("was sentenced to one to three years ... He served
# 136 days", ECB+ 28_2ecbplus). A row of its own: a sentence imposed and the time served are different figures.
SERVED = "served"
SERVED_UNITS = {**TERM_UNITS, "day": "days"}
PRISON_CUES = frozenset({"sentence", "jail", "prison", "imprison", "imprisonment", "parole", "incarceration"})
TERM_CUE_WINDOW = 8
MAX_TERM = 1000
# The length of a contract, a deal or an offer: "an eight-year offer" (contract, 8, years). No contract of a
# player, a lease or a franchise runs longer than this many years; a bigger number is no length.
CONTRACT = "contract"
CONTRACT_NOUNS = frozenset({"contract", "deal", "offer", "extension", "agreement", "lease", "pact"})
MAX_CONTRACT_YEARS = 99
# The verbs whose "at the age of N" (or "aged N") is the person's age in the news: their death. An age at any
# other act ("At the age of 10 , Page began to mimic actresses", "in 2005 , at the age of 91 , Felt told Vanity
# Fair") dates a time of their life, and two sources' such ages are no dispute (ECB+ 4_ecb and 28_ecb, in no
# gold set, where they were read as 85 against 10 and 95 against 91).
AGE_AT_NEWS = frozenset({"die", "pass", "succumb", "perish", "kill", "murder", "slay", "shoot", "drown", "dead"})
# Nouns for one person that an age in apposition describes ("The actress , 26 ,"), besides PEOPLE_NOUNS.
PERSON_DESCRIPTIONS = frozenset({"actress", "actor", "singer", "star", "teenager", "teen", "mother", "father",
                                 "grandmother", "grandfather", "wife", "husband", "son", "daughter", "brother",
                                 "sister", "owner", "defendant"})
# Both, once: the nouns an age or a fall may describe a person by.
DESCRIBING_NOUNS = PEOPLE_NOUNS | PERSON_DESCRIPTIONS
# How far someone fell: the verbs of falling, the units as written (with the unit shown), and the happening.
FALLING = frozenset({"fall", "plunge", "plummet", "tumble", "drop"})
FALL_UNITS = {"metres": "metres", "meters": "metres", "metre": "metres", "meter": "metres", "m": "metres",
              "feet": "feet", "foot": "feet", "ft": "feet"}
FELL = "fell"
# A parent's children ("a mother of 12"): a figure of one person, as an age is.
CHILDREN = "children"
_RICHTER = re.compile(r"richter|magnitude", re.IGNORECASE)
# Words for an earthquake: "a 6.1 quake" gives its magnitude.
QUAKES = frozenset({"quake", "earthquake", "tremor", "temblor", "aftershock"})
# Units of time, distance, size and the clock: a number of these measures, it counts nothing that happened.
# ("gauge", "calibre", "mm": a "12-gauge shotgun" is one shotgun.)
MEASURES = frozenset("""
p.m. a.m. p.m a.m pm am gmt hour minute second day week month year decade century time percent per cent
mile kilometre kilometer km metre meter foot feet inch yard acre hectare ton tonne pound kilogram kg gram
degree mph gauge caliber calibre mm millimetre millimeter bit byte megabyte gigabyte
""".split())
# Nouns of money, and the sign their figures are shown with.
CURRENCIES = {"dollar": "$", "euro": "€", "pound": "£", "yen": "¥", "yuan": "¥", "rupee": "₹"}
# Sums whose sign the text lost: ECB+ pages write "€80 million" as "e80 million" and "£74million" as
# "p74million" (set on the ECB+ texts of the dev events). Read only with a scale word, glued or next, so
# that "E80" (a road) is no sum.
_BARE_MONEY = re.compile(r"^([ep])(\d+(?:\.\d+)?)(m|mn|bn|million|billion)?$", re.IGNORECASE)
_LOST_SIGNS = {"e": "€", "p": "£"}
_SCALES = {"m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}
# The short scales British and business news glue to a sum ("£2m", "£ 2m", "£2.5bn"), as a token of their own
# after the number or inside one token with it.
_SHORT_SCALES = frozenset({"m", "mn", "bn"})
_GLUED_SCALE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(m|mn|bn)$", re.IGNORECASE)
_SIGNS = frozenset("$€£¥₹")
# Endings of a place's name and of its people's, stripped in turn so that both give one key ("Somalia",
# "Somali", "Somalis" -> "somal"; "Yemen", "Yemeni" -> "yemen"; "Pakistan", "Pakistani" -> "pakist"): set on
# the ECB+ dev events and common demonyms (India/Indian, Iran/Iranian, China/Chinese, Sudan/Sudanese,
# Germany/German, Kenya/Kenyan); "Greece"/"Greek" stay apart (say less). A key keeps at least 3 letters.
_PLACE_ENDINGS = ("ians", "ian", "ese", "ans", "an", "ia", "is", "i", "a", "y")
_PLACE_KEY_MIN = 3
# The happening of a count of people or things that no word of HAPPENINGS names and no verb acts on
# ("four thieves", "three boats"): the story compares such counts only where two sources give them.
COUNT = "count"
# How far up the parse a number's happening may be (number -> noun -> verb -> ...).
MAX_CLIMB = 4
# A sentence dated this many days or more from the article's publication tells of another time.
BACKGROUND_DAYS = 60
# A number of one to three digits that the entity recogniser took for a date ("injuring 40 , 15 of them"):
# read as a count where a toll word says what happened (see `_misread_number`; set on the ECB+ articles of the
# non-held-out topics, where the other such "dates" are ages, scores and page names).
# Words before a date that make it the start or end of a period ("since September"), no time of its own.
SPANNING = frozenset({"since", "until", "till", "through", "from"})
# Without a publication date, the lead is the first body sentence of this many tokens or more: shorter ones are
# datelines ("Updated : November 11 , 2011 20 : 09 IST", 10 tokens; set on the ECB+ texts of the non-held-out
# topics).
LEAD_MIN_TOKENS = 12
_MISREAD_NUMBER = re.compile(r"\d{1,3}")
_THOUSANDS_GROUP = re.compile(r"\d{3}(?!\d)")
# A whole month or year as a date expression names it ("September", "Sept. 2008", "in 2008").
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_OR_YEAR = re.compile(
    r"(?:(?:early|late|mid)\s*-?\s*)?(?:(?P<month>january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.)(?:\s*,?\s*(?P<year>(?:19|20)\d\d))?"
    r"|(?P<alone>(?:19|20)\d\d))", re.IGNORECASE)


def extract_figures(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
                    times: Sequence[TimeRef] = (), published: str | None = None,
                    mentions: Sequence[Mention] = (), pronouns: Pronouns | None = None) -> tuple[FigureRef, ...]:
    """The figures of an article (see the module doc) in ``region`` (its title and body).

    Args:
        doc: the parsed article.
        text: its text (``doc.text``, which spaCy rebuilds on every call).
        sentence_of: each token's sentence index (-1 outside the body's sentences, as in the title).
        region: the character span read.
        times: the article's resolved time expressions, to leave out figures of other times.
        published: the article's publication date (ISO), where known.
        mentions: the article's names, for the person a pronoun stands for ("He faces up to 75 years").
        pronouns: the article's lazy coreference, where the caller shares it (else one is made of ``mentions``).
    """
    out: list[FigureRef] = []
    other_times = _other_times(doc, sentence_of, times, published)
    background = set(other_times)
    taken: set[int] = set()
    pronouns = pronouns or Pronouns(doc, sentence_of, mentions)
    for figure, tokens in _ages(doc, text, sentence_of, region, pronouns):
        taken.update(tokens)
        out.append(figure)
    for ent in _numbers(doc):
        if not (region[0] <= ent.start_char and ent.end_char <= region[1]):
            continue
        ent = _whole_number(doc, ent)
        sentence = sentence_of[ent.start]
        if ent.start in taken:
            continue
        found = None
        if ent.label_ in NUMBER_LABELS or ent.label_ in ("DATE", "TIME"):
            found = _prison_term(doc, text, ent, sentence, pronouns) or _contract_term(doc, text, ent, sentence) or \
                _duration(doc, text, ent, sentence)
        if found is None and ent.label_ in NUMBER_LABELS:  # ("90 per cent" is sometimes taken for money)
            found = _share(doc, text, ent, sentence)
            if found is None and _PERCENT.search(doc[ent.start:ent.end + 2].text):
                continue  # a percentage that is no share ("rose 5 percent"): nothing more to read
        if found is None and ent.label_ in ("CARDINAL", "QUANTITY"):
            found = _fall(doc, text, ent, sentence, pronouns)
        if found is None and ent.label_ in NUMBER_LABELS:
            found = _count(doc, text, ent, sentence) if ent.label_ != "MONEY" else _money(text, ent, sentence)
        elif found is None and ent.label_ == "DATE":
            if _misread_number(doc, ent):
                found = _count(doc, text, ent, sentence)  # "injuring 40 , 15 of them", "40" taken for a date
                if found is not None and not all(f.what in HAPPENINGS for f in found[0]):
                    found = None
        if found is not None:
            figures, tokens = found
            taken.update(tokens)
            if sentence in other_times:  # "killing seven" in September: September's toll, not the news's
                figures = [replace(f, when=other_times[sentence]) for f in figures]
            out.extend(figures)
    out += _levels_and_calibres(doc, text, sentence_of, region, taken)
    out += _bare_money(doc, text, sentence_of, region, background, taken)
    out += _nobody(doc, text, sentence_of, region, background)
    out += _unharmed(doc, text, sentence_of, region, background)
    out += _multiples(doc, text, sentence_of, region, background)
    out += extract_tallies(doc, text, sentence_of, region)
    out += _repeats(doc, text, sentence_of, region, background)
    out = [replace(f, alleged=True) if f.what in ALLEGED_TOLLS and _alleged(doc, f) else f for f in out]
    return tuple(sorted(out, key=lambda f: f.start))


def _alleged(doc: Doc, figure: FigureRef) -> bool:
    """Whether a toll is said as what someone is charged with, accused or convicted of: a word of ALLEGING
    above its number in the parse ("charged with ... sanctioning the murders of six mobsters"), with no clause
    of its own between them ("Police charged the driver after the crash killed three people": the crash did)."""
    number = doc.char_span(figure.number_start, figure.number_end, alignment_mode="expand")
    token = number[0] if number else None
    for _ in range(ALLEGED_DEPTH):
        if token is None:
            return False
        if token.lemma_.lower() in ALLEGING:
            return True
        if token.head is token or (token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)):
            return False
        token = token.head
    return False


Found = tuple[list[FigureRef], set[int]]


def _numbers(doc: Doc) -> list[SpacySpan]:
    """The entities, and the numbers of a noun that the recogniser left out ("Sixty local residents had to be
    evacuated", ECB+ 14_7ecb: a capitalised number word opening a sentence), as cardinals, in text order."""
    missed = [SpacySpan(doc, t.i, t.i + 1, label="CARDINAL") for t in doc
              if t.ent_iob_ == "O" and t.like_num and t.dep_ == "nummod" and t.head.pos_ in ("NOUN", "PROPN")]
    # a number alone that the recogniser took for a name of another kind ("the 288 candidates", its "288" a
    # facility, ECB+ 11_4ecb): a cardinal, where it counts a noun
    ents = [SpacySpan(doc, e.start, e.end, label="CARDINAL") if e.label_ in MISREAD_NUMBER_LABELS and len(e) == 1
            and e[0].like_num and e[0].dep_ == "nummod" and e[0].head.pos_ == "NOUN" else e for e in doc.ents]
    if not missed:
        return ents
    return sorted([*ents, *missed], key=lambda e: e.start)


def _whole_number(doc: Doc, ent: SpacySpan) -> SpacySpan:
    """A number with the thousands groups that tokens split off it, as ECB+ texts are rebuilt ("More than 1 ,
    200 people", "about $380 , 600", where the recogniser marks "More than 1" and "200" apart): one span, with
    the label of its first entity (a sum's MONEY)."""
    start, end, label = ent.start, ent.end, ent.label_
    while end + 1 < len(doc) and doc[end].text == "," and doc[end - 1].text[-1:].isdigit() and \
            _THOUSANDS_GROUP.match(doc[end + 1].text):
        end += 2
    while start >= 2 and doc[start - 1].text == "," and doc[start - 2].text[-1:].isdigit() and \
            _THOUSANDS_GROUP.match(doc[start].text):
        start -= 2
        if doc[start].ent_iob_ in ("B", "I"):  # the head group's own entity: its qualifier ("More than 1")
            head = next(e for e in doc.ents if e.start <= start < e.end)
            start, label = head.start, head.label_
    if (start, end) == (ent.start, ent.end):
        return ent
    return SpacySpan(doc, start, end, label=label)


def _misread_number(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a "date" is a count the recogniser misread: a number of one to three digits alone, the subject
    or object of its verb ("injuring 40", "46 were arrested"), not an age ("aged 95", "Andrew Lopez , 20")."""
    root = ent.root
    if not _MISREAD_NUMBER.fullmatch(ent.text) or root.pos_ != "NUM" or root.dep_ not in (
            "dobj", "nsubj", "nsubjpass", "conj"):
        return False
    return not (ent.start and doc[ent.start - 1].lower_ in ("aged", "age", "ages", ",", "and"))


def _score(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number is one side of a score or a vote: "a 27-24 loss" (ECB+ 25_1ecb, unseen), "deadlocked
    at 9-3"."""
    if re.fullmatch(r"\d+\s*-\s*\d+", ent.text):
        return True
    after = doc[ent.end:ent.end + 2]
    before = doc[max(0, ent.start - 2):ent.start]
    return (len(after) == 2 and after[0].text == "-" and after[1].text.isdigit() and ent.text.isdigit()) or \
        (len(before) == 2 and before[1].text == "-" and before[0].text.isdigit() and ent.text.isdigit())


def _clock(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number is a time of day, or a video's time stamp, as tokenised apart: "around 1 : 30 a . m ."
    (ECB+ 35_6ecbplus, unseen), "7 p . m .", the 47 of "0: 47" (Multi-News 51690, where it was read as 47 people
    charged)."""
    after = [t.lower_ for t in doc[ent.end:ent.end + 3]]
    return (after[:1] == [":"] and len(after) > 1 and after[1][:2].isdigit()) or \
        (after[:1] in (["a"], ["p"]) and after[1:3] == [".", "m"]) or \
        (ent.start >= 2 and doc[ent.start - 1].text == ":" and doc[ent.start - 2].text.isdigit())


def _fired(counted: Token) -> bool:
    """Whether rounds are fired: the object or passive subject of a verb of firing ("fired 30 rounds")."""
    return counted.dep_ in ("dobj", "nsubjpass") and counted.head.lemma_.lower() in FIRING


def _of_parent(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number counts someone's children: "a mother of 12", "Mother of 13 Zurana Horton" (ECB+
    33_ecbplus, a dev event), "father of three"."""
    return ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lemma_.lower() in PARENTS


# Words after "of" that make a number a part of a group the text names: "One of the Mafia bosses and clan
# members arrested ... has hung himself" is one of them, not a count of the arrested (ECB+ 26_ecb, in no gold
# set, where it stood against the sweep's 89 arrests). Such a part is a count only of what its own verb
# tells: "capturing 23 of the raiders", "two of the three victims died" (see _partitive).
PARTITIVE_OF = frozenset({"the", "those", "these", "them", "us", "its", "his", "her", "their", "our", "whom",
                          "which"})


def _partitive(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number counts some of a group ("one of the ...", "two of them") and is no count of its own
    verb: not the object of a verb ("capturing 23 of the raiders", "At least 17 of the hijacked ships are
    held"), nor the subject of a toll word ("two of the three victims died")."""
    if not (ent.end + 1 < len(doc) and doc[ent.end].lower_ == "of"
            and (doc[ent.end + 1].lower_ in PARTITIVE_OF or doc[ent.end + 1].like_num)):
        return False
    group = next((c for c in doc[ent.end].children if c.dep_ == "pobj"), None)
    if group is not None and any(t.tag_ in ("JJS", "RBS") for t in group.subtree):
        return True  # "One of the most famous mafia godfathers in the US , Vincent Gigante , has died": a description
        # (ECB+ 26_4ecbplus), as "one of the largest banks" is
    root = ent.root
    if doc[ent.end + 1].like_num:
        # "seven of eight relatives slain in their homes were shot multiple times": what happened to the counted
        # group is the group's (eight slain), not the part's (Multi-News 50864); only the part's own verb is the
        # part's: one that acts on it ("captured 23 of 40 pirates") or a toll word it is the subject of
        return not (root.dep_ == "dobj" and root.head.pos_ == "VERB"
                    or root.dep_ in ("nsubj", "nsubjpass") and _word_happening(root.head) is not None)
    if root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        return False
    return not (root.dep_ == "nsubj" and _word_happening(root.head) is not None)


def _share(doc: Doc, text: str, ent: SpacySpan, sentence: int) -> Found | None:
    """A share of a whole (see SHARE): "Sixty-five per cent of traffic to India", "Up to 80 percent of Internet
    services ... in Egypt", "with 52 percent in Egypt"."""
    end = ent.end
    while end > ent.start and doc[end - 1].lower_ not in PERCENT_WORDS and doc[end - 1].is_punct:
        end -= 1
    if doc[end - 1].lower_ not in PERCENT_WORDS:  # "Sixty-five" and then "per cent", out of the entity
        after = [t.lower_ for t in doc[end:end + 2]]
        if after[:1] and after[0] in PERCENT_WORDS:
            end += 1
        elif after == ["per", "cent"]:
            end += 2
        else:
            return None
    word = doc[end - 1]
    numbers = [t for t in doc[ent.start:end - 1] if t.lower_ != "per"]
    if numbers and re.match(r"0\d", numbers[-1].text):
        return None  # ". 09 percent": a decimal the tokens cut (ECB+ 21_12ecbplus), not 9 %
    value = number_value(_number_words(" ".join(t.text for t in numbers))) if numbers else None
    if value is None or not 0 <= value <= 100:
        return None
    head = word.head
    if word.dep_ == "pobj" and head.lower_ in ("by", "to", "from"):
        return None
    whole = next((c for of in word.children if of.dep_ == "prep" and of.lower_ == "of"
                  for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
    if whole is None and word.dep_ in ("attr", "dobj") and head.lemma_.lower() in STANDING_AT:
        # "Turnout was 90 per cent", "turnout reached 93.87 percent": the subject is the share's whole
        whole = next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if whole is None and (head.lemma_.lower() in CHANGES or word.dep_ == "npadvmod"):
        return None  # "Prices rose 5 percent in France"
    # (not the ends of a link: "traffic between Europe and the Middle East" is no one place's)
    place = next((t for t in word.subtree if t.ent_type_ in PLACE_TYPES and t.i >= end
                  and not any(a.lower_ == "between" for a in t.ancestors if a.i > word.i)), None)
    if whole is None and place is None:
        return None
    if whole is not None and whole.lemma_.lower() in LEVEL_NOUNS:  # "blood-alcohol level was 0.41 percent"
        return [_figure(text, ent, doc[ent.start:end], value, _qualifier(doc, ent), LEVEL, _level_name(whole),
                        sentence)], set(range(ent.start, end))
    span = doc[ent.start:max(end, whole.i + 1 if whole is not None else end)]
    figure = _figure(text, ent, span, value, _qualifier(doc, ent), SHARE,
                     whole.lemma_.lower() if whole is not None else None, sentence)
    if place is not None:  # the place's whole name ("Saudi Arabia", "the Middle East")
        figure = replace(figure, place=next(e.text for e in doc.ents if e.start <= place.i < e.end))
    return [figure], set(range(ent.start, end))


def _children(doc: Doc, text: str, ent: SpacySpan, value: float, qualifier: str | None, sentence: int) -> Found | None:
    """A parent's children, with the person they are said of: a name right after the number ("Brooklyn Mother
    of 13 Zurana Horton"), else the parent's noun and a name beside it ("a mother of 12", "the mother of 13";
    story/figures.py finds whose through the cast, as for an age)."""
    if not float(value).is_integer():
        return None
    parent = doc[ent.start - 2]
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B":
        last = after.i
        while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
            last += 1
        described = doc[last]
    else:
        described = _apposed_name(parent) or parent
    person = _name_span(described)
    span = doc[parent.i:ent.end]
    figure = FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value), qualifier,
                       CHILDREN, CHILDREN, sentence, ent.start_char, ent.end_char,
                       person=(person.start_char, person.end_char))
    return [figure], set(range(ent.start, ent.end))


def _count(doc: Doc, text: str, ent: SpacySpan, sentence: int) -> Found | None:
    """A count of people or things with the happening it reports, or a quake's magnitude, with the parts it
    names ("12 Somali and 11 Yemeni"); and the tokens it takes (the parts of a sum, the other end of "three
    or four")."""
    value = number_value(_number_words(ent.text))
    if value is None or re.match(r"0\d", _number_words(ent.text).strip()):  # "000": a number cut by tokens
        return None
    if _cut(ent) or _score(doc, ent) or _clock(doc, ent) or _partitive(doc, ent):
        return None
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and not doc[ent.end - 1].whitespace_ and after.lower_ in _SCALES and \
            after.dep_ == "compound":  # "over 2m Windows users" (ECB+ 27_7ecb): 2 million, the tokens split it
        value *= _SCALES[after.lower_]
    if len(ent) == 1 and _in_model(ent.root):  # "47" of "AK 47", "4" of "SEA-ME-WE 4 cable": a name's number
        return None
    before = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]]
    if before[-1:] == ["no."] or before[-2:] == ["no", "."] or before[-1:] == ["number"]:
        return None  # "the No. 2 official at the FBI" (ECB+ 28_ecb, unseen): a rank, no count
    qualifier = _qualifier(doc, ent)
    if _of_parent(doc, ent):
        return _children(doc, text, ent, value, qualifier, sentence)
    taken = set(range(ent.start, ent.end))
    part = next((c for c in ent.root.children if c.dep_ == "quantmod" and c.like_num and c.i + 1 < ent.start
                 and doc[c.i + 1].lower_ == "of"), None)
    if part is not None and (part_value := number_value(part.text)) is not None:
        # "Two of three victims died", parsed with "Two of" inside the count of victims: what the clause tells
        # happened to the part (two died), and the part's number starts the figure
        value, qualifier, ent = part_value, None, doc[part.i:ent.end]
        taken.update(range(ent.start, ent.end))
    if _magnitude(doc, ent) and 1 <= value < 10:
        return [_figure(text, ent, ent, value, qualifier, "magnitude", None, sentence)], taken
    if not float(value).is_integer():
        return None  # a count is whole: ".358" is a batting average (ECB+ 10_2ecb), not 0.358 hits
    # "three or four robbers": up to four
    for conj in ent.root.children:
        if conj.dep_ == "conj" and conj.pos_ == "NUM" and (other := number_value(conj.text)) is not None:
            if any(c.lower_ == "or" for c in ent.root.children if c.dep_ == "cc"):
                value, qualifier = max(value, other), "up to"
                taken.add(conj.i)
    if ent.root.dep_ in ("nummod", "compound") and ent.root.head.lemma_.lower() in MEASURES:
        return None  # "a 12-gauge shotgun", "a 24-hour strike": a measure of what follows
    if ent.end < len(doc) and doc[ent.end].text == "-" and ent.root.head.dep_ in ("compound", "amod") and \
            ent.root.head.i > ent.end:
        return None  # "a five - boat pirate attack", "a 10-metre dhow": the number describes what follows
    counted = _counted(ent)
    root = ent.root
    named = root.head if root.dep_ == "conj" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < root.i else None
    if (counted is not None and counted.i < ent.start) or (named is not None and any(
            c.dep_ == "nummod" and c.i > named.i for c in named.children)):
        # a number after its noun names, not counts: "Internet Explorer 7", "Flight 17", and the 8 of "Internet
        # Explorer 7 and 8" (ECB+ 27_ecb, unseen)
        return None
    # "Ninety percent of the 288 candidates", "40 percent of the 300 people were killed": the whole of a share is
    # counted, but nothing said of the share happened to all of it
    whole_of_share = counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of" and \
        counted.head.head.lower_ in PERCENT_WORDS
    if counted is None and ent.root.pos_ == "NOUN":  # "about 150 nautical miles": the entity holds its noun
        counted = ent.root
    if counted is None and (part := _place_part(doc, text, ent, value, qualifier, sentence)) is not None:
        return [part], taken  # "Out of 23 arrested pirates, 12 are from Somalia"
    if counted is not None and counted.lemma_.lower() in MEASURES:  # "6 p.m.", "two hours", "150 miles"
        return None
    if counted is not None and counted.lemma_.lower() in CURRENCIES:  # "85 million euros"
        return [_figure(text, ent, doc[ent.start:counted.i + 1], value, qualifier, "money",
                        CURRENCIES[counted.lemma_.lower()], sentence)], taken | {counted.i}
    members, total = [counted], value
    parts: list[tuple[Token, Token]] = []  # (number, place) of each part of the count
    if counted is not None:
        # "12 Somali and 11 Yemeni pirates": the counts of one noun add up
        numbers = [c for c in counted.children if c.dep_ == "nummod" and c.i != ent.root.i and c.pos_ == "NUM"
                   and not _in_model(c)]
        between = doc[min(ent.root.i, *(c.i for c in numbers)):max(ent.root.i, *(c.i for c in numbers))] \
            if numbers else doc[0:0]
        if numbers and all(number_value(c.text) is not None for c in numbers) and \
                any(t.dep_ == "cc" for t in between):
            total += sum(number_value(c.text) for c in numbers)
            taken.update(c.i for c in numbers)
            parts = _places_after(doc, [ent.root, *numbers])
        # "seizing 12 Somali and 11 Yemeni nationals", parsed as "Somali" and "nationals": parts all the same
        elif _is_place(counted) and (conjoined := _coordinated_places(doc, ent.root, counted)):
            (_, last), parts = conjoined[-1], conjoined
            total += sum(number_value(n.text) for n, _ in conjoined[1:])
            taken.update(n.i for n, _ in conjoined)
            members = [counted, last.head if last.dep_ in ("amod", "compound") else last]
        # "two women and one man died": the counts of people in a conjunction add up (not of things: "seven
        # rifles, three other weapons and 13 magazines" are no 23 of anything)
        elif counted.dep_ in ("nsubj", "nsubjpass") and counted.lemma_.lower() in PEOPLE_NOUNS:
            for conj in counted.conjuncts:
                nums = [c for c in conj.children if c.dep_ == "nummod"]
                if not nums or conj.i < counted.i or number_value(nums[0].text) is None or \
                        conj.lemma_.lower() not in PEOPLE_NOUNS:
                    members, total = [counted], value
                    break
                members.append(conj)
                total += number_value(nums[0].text)
                taken.update(range(nums[0].i, conj.i + 1))
        # "the 23 pirates ( 12 Somali and 11 Yemeni )": parts in apposition
    if counted is not None and len(members) == 1 and not parts and qualifier is None \
            and counted.lemma_.lower() in PEOPLE_NOUNS and _beside_other_count(counted):
        # "Four people and two constables were also injured", "involved 199 women eating their normal diet and
        # 108 who ate ...": a count of people beside another count it was not added to is part of the whole, which
        # is at least as many (Multi-News 50538, 50528: read as the whole, they stood against "six people" injured)
        qualifier = "at least"
    first = ent.start
    if counted is not None and counted.lower_ == "others" and len(members) == 1 and not parts and qualifier is None:
        # "The pilot and 10 others were killed", "Elian's mother perished along with 10 others": the one person
        # beside the others is one more (TempEval-3 AQUAINT, where "among 11 people who died" stood as a changed
        # toll against "10 others"). Others beside no one ("80 people were killed and 18 others were critically
        # injured"), or beside someone of whom something else is said ("one man dead and three others injured",
        # Multi-News 51154), are the whole of what happened to them.
        beside = _beside(counted)
        if len(beside) == 1 and _single_person(beside[0], counted):
            total += 1
            first = min(first, beside[0].i)
    span_end = max(ent.end, members[-1].i + 1 if members[-1] is not None else ent.end, max(taken) + 1)
    if counted is not None and not parts:
        parts = _places_in_apposition(counted)
        taken.update(n.i for n, _ in parts)
    unit = _unit(counted, len(members) > 1)
    if counted is not None and _seized(counted):
        what = "seized"
        unit = _kind(counted)
    elif counted is not None and counted.lemma_.lower() in SHOTS and _fired(counted):
        what, unit = FIRED, "shot"  # "letting off 13 shots", "at least 12 shots were fired", "sprayed 13 bullets"
    elif whole_of_share:
        what = COUNT
    else:
        what = _what(ent.root if counted is None else counted, counted)
        if counted is not None and counted.lemma_.lower() == "count" and (charge := _charge_of(counted)):
            # "three counts of criminal vehicular homicide": that charge's row, whatever the verb ("arrested on
            # two counts of first-degree murder", ECB+ 22_9ecb)
            what, unit = "charged", f"counts of {charge}"
        if what in HAPPENINGS and _increment(doc, ent, counted):
            if counted is None:
                return None  # "has confessed to killing 59 more": more of no named thing
            what = COUNT  # "confessed to 59 new murders", "another 47 deaths": more of them, no toll of all
        elif what in HAPPENINGS and _of_a_time_apart(_verb_of(counted if counted is not None else ent.root)):
            what = COUNT  # "six-month after killing his own parents and two brothers": another event's toll
    if what is None and counted is None:
        return None  # a bare number whose happening the parse does not show
    out = [_figure(text, ent, doc[first:span_end], total, qualifier, what or COUNT, unit, sentence)]
    if counted is not None and not parts and len(members) == 1 and (place := _one_place(counted)) is not None \
            and not any(t.pos_ in ("NUM", "CCONJ") or t.text == "," for t in doc[ent.end:counted.i]):
        out[0] = replace(out[0], place=place.text)  # "23 Somali pirates": all said to be Somali
    for number, place in parts:
        out.append(_part(text, doc[number.i:place.i + 1], number, what or COUNT, unit, place, sentence))
    return out, taken


def _verb_of(token: Token) -> Token | None:
    """The verb a count hangs from, up to three steps up the parse, or None."""
    verb, steps = token, 0
    while verb.pos_ != "VERB" and verb.head is not verb and steps < 3:
        verb, steps = verb.head, steps + 1
    return verb if verb.pos_ == "VERB" else None


def _of_a_time_apart(verb: Token | None) -> bool:
    """Whether a verb tells of a time a stretch before or after the sentence's own: a clause after "after" or
    "before" that a length of time measures ("exactly six-month after killing his own parents and two
    brothers", Multi-News 52812; "Two years after the quake killed 300 people"), or right after such a length
    and "earlier" ("after years earlier killing four others"). Without a length, "after killing 10 people" is
    the news's own sequence, and counts as before."""
    if verb is None:
        return False
    links = [verb.head] if verb.dep_ == "pcomp" and verb.head.lower_ in _BEFORE_AFTER else []
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _BEFORE_AFTER for c in verb.children):
        links.append(verb)
    if any(c.dep_ == "npadvmod" and _a_length(c) for link in links for c in link.children):
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ in _BEFORE_AFTER and _a_length(verb.head.head):
        return True  # parsed with the length as the head of "after" ("six - month after killing ...")
    before = verb.doc[max(0, verb.i - 3):verb.i]
    return any(t.lower_ in ("earlier", "before", "later") and t.i > 0 and _a_length(verb.doc[t.i - 1]) for t in before)


def _a_length(token: Token) -> bool:
    """Whether a token is a length of time ("six - month", "years", "two weeks")."""
    return token.ent_type_ == "DATE" and token.lemma_.lower() in _TIME_UNITS


def _raises_a_total(token: Token) -> bool:
    """Whether the verb a count hangs from goes on to raise a total ("killed three people , raising the death
    toll to 21", "bringing the number of dead to 30", "taking the toll to 12"; Multi-News 51887): the count is
    then more of the total, not all of it."""
    verb = _verb_of(token)
    if verb is None:
        return False
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in RAISING_VERBS and any(
        o.dep_ == "dobj" and o.lemma_.lower() in TOTAL_NOUNS for o in c.children) and any(
        p.dep_ == "prep" and p.lower_ == "to" for p in c.children) for c in verb.children)


def _increment(doc: Doc, ent: SpacySpan, counted: Token | None) -> bool:
    """Whether a count is of more of what it counts than an earlier one ("59 new murders", "another 47 deaths",
    "Two more people died"): a part of the toll, beside the earlier one, that a source's whole toll would seem
    to contradict ("murdering 22 women" / "confessed to 59 new murders", Multi-News 52180)."""
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if ent.root.dep_ == "nummod" and ent.root.head.lower_ in INCREMENT:
        return True  # "confessed to killing 59 more", parsed with "more" as the object
    if counted is not None and counted.pos_ == "NOUN" and _word_happening(counted) is not None and any(
            c.lower_ == "other" and c.dep_ == "amod" for c in counted.children):
        return True  # "58 other unexplained deaths": other deaths than the news's (not "seven other people injured")
    if _raises_a_total(counted if counted is not None else ent.root):
        return True  # "raids which killed three people , raising the death toll to 21": three more of the 21
    # ("more than 200 people arrested" is a qualifier, no increment: ECB+ 19_3ecb)
    return before in INCREMENT or any(c.lower_ in INCREMENT and c.dep_ in ("amod", "det", "advmod") and not (
        c.i + 1 < len(doc) and doc[c.i + 1].lower_ == "than") for t in (counted, ent.root) if t is not None
        for c in t.children)


def _beside_other_count(counted: Token) -> bool:
    """Whether a counted noun is coordinated with another count: a number, a noun with a number of its own, or
    one person, named or someone's ("killed his fiancée and nine members of her family", Multi-News 52812,
    where the others say 10; "his wife and three children")."""
    return any(t.pos_ == "NUM" or any(c.dep_ == "nummod" for c in t.children) or _someone(t)
               for t in counted.conjuncts)


def _beside(others: Token) -> list[Token]:
    """Who "N others" are beside: those coordinated with them ("The pilot and 10 others"), or the subjects of the
    verb they are "along with" ("Smith, along with three others, was arrested"); none for others alone."""
    if others.dep_ == "pobj" and others.head.lower_ == "with" and others.head.head.lower_ in ("along", "together"):
        anchor = others.head.head.head
        return [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")] if anchor.pos_ in ("VERB", "AUX") \
            else [anchor]
    if others.dep_ == "pobj" and others.head.lower_ == "with" and \
            any(c.lower_ in ("along", "together") and c.dep_ == "advmod" for c in others.head.head.children):
        return [c for c in others.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "perished along with"
    return [t for t in others.conjuncts if t.i < others.i]


def _single_person(one: Token, others: Token) -> bool:
    """Whether a word beside "N others" stands for one person: a name, a singular pronoun, or a singular noun of
    people or of someone's ("the pilot", "his wife", "Elian's mother"), with no number, list or predicate of
    its own."""
    if any(c.dep_ in ("nummod", "conj") and c.i != others.i or c.dep_ in ("amod", "acl", "relcl", "acomp")
           and c.pos_ in ("ADJ", "VERB") for c in one.children):
        return False  # "two soldiers and", "one man dead and": a number, or something said of them alone
    if one.ent_type_ == "PERSON" or one.lower_ in PRONOUN_GENDER or (one.tag_ == "NNP" and not one.ent_type_):
        return True
    return one.tag_ == "NN" and (one.lemma_.lower() in PEOPLE_NOUNS or any(c.dep_ == "poss" for c in one.children))


def _someone(token: Token) -> bool:
    """Whether a noun stands for one person: a name, or a singular noun of someone's ("his fiancée")."""
    if token.ent_type_ == "PERSON":
        return True
    # (a singular noun the tagger may call plural, "fiancée" NNS, keeps its word as its lemma; "children" does not)
    singular = token.tag_ == "NN" or (token.tag_ == "NNS" and token.lemma_.lower() == token.lower_)
    return singular and any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in token.children)


def _what(start: Token, counted: Token | None) -> str | None:
    """The happening of a count: a toll word up the parse, else the verb it is the object of."""
    what = _happening(start, counted)
    if what is None:
        what = _acted_on(counted if counted is not None else start)
    return what


def _part(text: str, span: SpacySpan, number: Token, what: str, unit: str | None, place: Token,
          sentence: int) -> FigureRef:
    """A part of a count, by where its members come from ("12 Somali" of 23 pirates)."""
    return FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char],
                     float(number_value(number.text)), None, what, unit, sentence, number.idx,
                     number.idx + len(number), place.text)


def _is_place(token: Token) -> bool:
    """A nationality or place ("Somali", "Yemeni", "Somalia"), as the entity recogniser marks it (it takes
    the adjective "English" for the language)."""
    return token.ent_type_ in ("NORP", "GPE") or (token.ent_type_ == "LANGUAGE" and token.pos_ == "ADJ")


def _one_place(counted: Token) -> Token | None:
    """The one nationality that describes a counted noun ("23 Somali pirates"), not one of several ("23 Somali
    and Yemeni sea brigands")."""
    places = [c for c in counted.children if c.dep_ in ("amod", "compound") and _is_place(c) and c.ent_type_ == "NORP"]
    if len(places) != 1 or any(c.dep_ == "conj" for c in places[0].children):
        return None
    return places[0]


def _places_after(doc: Doc, numbers: list[Token]) -> list[tuple[Token, Token]]:
    """The parts of a sum whose every number is followed by a nationality ("12 Somali and 11 Yemeni
    pirates"), else none."""
    out = []
    for number in sorted(numbers, key=lambda t: t.i):
        after = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if after is None or not _is_place(after):
            return []
        out.append((number, after))
    return out


def _coordinated_places(doc: Doc, number: Token, place: Token) -> list[tuple[Token, Token]]:
    """Counts by place coordinated with a counted place ("12 Somali and 11 Yemeni nationals" where the parse
    takes "Somali" for a noun and "nationals" for its conjunct): each number with its place, else none."""
    out = [(number, place)]
    for conj in place.conjuncts:
        if conj.i < place.i:
            return []
        numbers = [c for c in conj.children if c.dep_ == "nummod" and c.pos_ == "NUM"]
        if not numbers:
            continue  # "as well as arms and equipment"
        after = doc[numbers[0].i + 1] if numbers[0].i + 1 < len(doc) else None
        if after is None or not _is_place(after) or number_value(numbers[0].text) is None:
            return []
        out.append((numbers[0], after))
    return out if len(out) >= 2 else []


def _places_in_apposition(counted: Token) -> list[tuple[Token, Token]]:
    """Counted nationalities beside a count ("the 23 pirates ( 12 Somali and 11 Yemeni )"): each
    nationality with its number, where there are two or more of them."""
    out = []
    for appos in (c for c in counted.children if c.dep_ == "appos" and _is_place(c)):
        for place in (appos, *appos.conjuncts):
            number = next((c for c in place.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
            if number is None or not _is_place(place) or number_value(number.text) is None:
                return []
            out.append((number, place))
    return out if len(out) >= 2 else []


def _place_part(doc: Doc, text: str, ent: SpacySpan, value: float, qualifier: str | None,
                sentence: int) -> FigureRef | None:
    """A bare number that counts those of a whole from one place: "Out of 23 arrested pirates , 12 are
    reportedly from Somalia and 11 from Yemen" (12 of the arrested pirates are from Somalia). The whole is the
    count the clause's "out of"/"of" names; without one there is no figure."""
    root = ent.root
    if root.dep_ not in ("nsubj", "conj") or root.head.lemma_.lower() != "be":
        return None
    verb = root.head
    place = None
    for holder in (root, verb) if root.dep_ == "nsubj" else (root,):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                place = next((c for c in prep.children if c.dep_ == "pobj" and _is_place(c)), place)
        if place is None and holder is verb:  # "12 are Somali"
            place = next((c for c in verb.children if c.dep_ in ("attr", "acomp") and _is_place(c)), None)
    if place is None:
        return None
    whole = None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "out"):
            of = prep if prep.lower_ == "of" else next((c for c in prep.children if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if pobj is not None and pobj.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in pobj.children):
                whole = pobj
    if whole is None:
        return None
    what = "seized" if _seized(whole) else _what(whole, whole)
    span = doc[ent.start:place.i + 1]
    return FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value),
                     qualifier, what or COUNT, _unit(whole, False), sentence, ent.start_char, ent.end_char,
                     place.text)


def place_key(name: str) -> str:
    """One key for a place and its people ("Somalia", "Somali", "Somalis" -> "somal"): see _PLACE_ENDINGS."""
    key = name.lower().strip()
    stripped = True
    while stripped:
        stripped = False
        for ending in _PLACE_ENDINGS:
            if key.endswith(ending) and len(key) - len(ending) >= _PLACE_KEY_MIN:
                key, stripped = key[:-len(ending)], True
                break
    return key


def _seized(counted: Token) -> bool:
    """Whether a count is of things the authorities took: the object of a verb of SEIZING ("recovered 12 AK
    47 guns", "Nine assault rifles ... were seized"), or listed among what was seized ("seized a cache of
    arms, including seven AK-47 assault rifles"; "The confiscated arms included seven AK-47s"; "Among the
    seized items were seven rifles"). Never of people or bodies, nor of "three other rifles" (a part)."""
    lemma = counted.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in BODIES or counted.ent_type_ in ("PERSON", "NORP"):
        return False
    if any(c.ent_type_ == "NORP" and c.dep_ in ("amod", "compound") for c in counted.children):
        return False  # "11 Yemeni nationals": people of a country
    if any(c.lower_ in OTHER and c.dep_ in ("amod", "det") for c in counted.children):
        return False
    item = counted
    while item.dep_ in ("conj", "appos") and item.head.pos_ in ("NOUN", "PROPN"):
        item = item.head  # a later member of a list: "seven rifles, three machine guns"
    head = item.head
    if item.dep_ in ("dobj", "nsubjpass", "npadvmod") and (head.lemma_.lower() in SEIZING or item.dep_ == "nsubjpass"
                                                           and any(c.dep_ == "conj" and c.lemma_.lower() in SEIZING
                                                                   for c in head.children)):
        return True  # "recovered 12 AK 47 guns"; "six AK - 47 rifles ... were found and confiscated"
    whole = None
    if item.dep_ == "pobj" and head.lemma_.lower() in ("include", "among"):  # "including seven rifles"
        whole = head.head
    elif item.dep_ == "dobj" and head.lemma_.lower() in INCLUDING:  # "the confiscated arms included"
        whole = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    elif item.dep_ in ("nsubj", "attr") and head.lemma_.lower() == "be":  # "Among the seized items were"
        among = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "among"), None)
        whole = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
    return whole is not None and _taken_away(whole)


def _taken_away(whole: Token) -> bool:
    """Whether a set is what was seized: a verb of SEIZING itself, a noun it acts on ("seized a cache"), or a
    noun it describes ("the seized items", "the confiscated arms", "the weapons recovered")."""
    if whole.lemma_.lower() in SEIZING:
        return True
    if any(c.dep_ in ("amod", "acl") and c.lemma_.lower() in SEIZING for c in whole.children):
        return True
    while whole.dep_ == "conj":
        whole = whole.head
    return whole.dep_ in ("dobj", "nsubjpass") and whole.head.lemma_.lower() in SEIZING


def _model_at(token: Token) -> str | None:
    """A weapon's model at a token, normalised ("AK-47", "AK-47s", "AK" before "47" or "- 47" -> "AK-47")."""
    if (m := _MODEL.match(token.text)) is not None:
        return f"{m.group(1)}-{m.group(2)}"
    doc = token.doc
    if _MODEL_LETTERS.match(token.text):
        at = token.i + 1
        if at < len(doc) and doc[at].text == "-":
            at += 1
        if at < len(doc) and re.fullmatch(r"\d{1,3}", doc[at].text):
            return f"{token.text}-{doc[at].text}"
    return None


def _in_model(number: Token) -> bool:
    """Whether a number is a model's ("47" of "AK 47" or "AK - 47"), not a count."""
    doc = number.doc
    before = [doc[i] for i in (number.i - 1, number.i - 2) if i >= 0]
    if before and before[0].text == "-":
        before = before[1:]
    return bool(before) and _model_at(before[0]) is not None


def _levels_and_calibres(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
                         taken: set[int]) -> list[FigureRef]:
    """Measured levels and calibres (see LEVEL and CALIBRE) among the numbers no other figure took."""
    out = []
    for token in doc:
        if not token.like_num or token.i in taken or not (region[0] <= token.idx < region[1]):
            continue
        value = number_value(token.text)
        if value is None:
            continue
        after = [t.lower_ for t in doc[token.i + 1:token.i + 3]]
        word = doc[token.i + 1] if after[:1] and after[0] in CALIBRE_WORDS else \
            doc[token.i + 2] if after[:1] == ["-"] and after[1:2] and after[1] in CALIBRE_WORDS else None
        if word is not None:  # ".32-caliber revolver", ".45 - caliber handgun", "a .45 caliber"
            if not 0 < value < 1 and not 2 <= value <= 99:  # ".32", "22": a calibre in inches; no other number
                continue
            noun = word.head if word.dep_ in ("compound", "amod", "nmod") and word.head.i > word.i else None
            what, unit = CALIBRE, "bullet" if noun is not None and noun.lemma_.lower() in AMMUNITION else "gun"
            span = doc[token.i:(noun.i if noun is not None else word.i) + 1]
        elif token.dep_ == "attr" and token.head.lemma_.lower() == "be" and (subject := next(
                (c for c in token.head.children if c.dep_ == "nsubj" and c.lemma_.lower() in LEVEL_NOUNS), None)):
            what, unit = LEVEL, _level_name(subject)  # "his blood-alcohol level was .41"
            span = doc[token.i:token.i + 1]
        else:
            continue
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value),
                             None, what, unit, sentence_of[token.i], token.idx, token.idx + len(token)))
    return out


def _level_name(noun: Token) -> str:
    """A level's name with its compounds: "blood-alcohol level"."""
    return _phrase([t for t in noun.subtree if t.i <= noun.i and t.dep_ in ("compound", "amod", "punct")
                    or t.i == noun.i])


def _phrase(tokens: Sequence[Token]) -> str:
    """Tokens as a lower-case phrase, hyphens closed up as written ("third - degree" -> "third-degree")."""
    return re.sub(r"\s*-\s*", "-", " ".join(t.lower_ for t in tokens))


def _charge_of(count: Token) -> str | None:
    """The charge a count of charges names ("one count of third-degree murder" -> "third-degree murder"), as
    written, lower case, without articles; or None."""
    of = next((c for c in count.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    charge = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if charge is None:
        return None
    return _phrase([t for t in charge.subtree if t.i <= charge.i and t.dep_ not in ("det", "poss")]) or None


def _kind(counted: Token) -> str:
    """What a count of seized things counts: the model where one is named ("seven AK-47 assault rifles",
    "12 AK 47 guns", "seven AK-47s": "AK-47"), else the noun with its compounds ("assault rifle", "machine
    gun"): sources that count "rifles" and "assault rifles" may count different things."""
    for token in counted.doc[counted.left_edge.i:counted.i + 1]:
        if (model := _model_at(token)) is not None:
            return model
    compounds = [c.lower_ for c in counted.children if c.dep_ == "compound" and c.i < counted.i and c.pos_ == "NOUN"
                 and c.lemma_.lower() not in MEASURES]
    return " ".join([*compounds, counted.lemma_.lower()])


def _duration(doc: Doc, text: str, ent: SpacySpan, sentence: int) -> Found | None:
    """How long an ordeal lasted: a number of nights, days, hours or weeks that a verb of ORDEALS spends
    ("survived after spending up to two nights in an ice cave"), or that "for"/"after" ties to one ("is lucky
    to be alive after two horrific nights", "trapped for three days")."""
    noun = ent.root if ent.root.pos_ == "NOUN" else _counted(ent)
    if noun is None or noun.lemma_.lower() not in DURATION_UNITS:
        return None
    number = next((t for t in ent if t.pos_ == "NUM"), None) or next(
        (c for c in noun.children if c.dep_ == "nummod" and c.pos_ == "NUM"), None)
    value = number_value(number.text) if number is not None else None
    if value is None:
        return None
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ("spend", *ORDEALS):
        governs = head.lemma_.lower() in ORDEALS or _near_ordeal(head)
    elif noun.dep_ == "pobj" and head.lower_ in ("for", "after"):
        governs = _near_ordeal(head.head)
    else:
        governs = False
    if not governs:
        return None
    span = doc[min(ent.start, number.i):max(ent.end, noun.i + 1)]
    figure = _figure(text, ent, span, value, _qualifier(doc, ent), DURATION, noun.lemma_.lower(), sentence)
    return [figure], set(range(span.start, span.end))


def _near_ordeal(token: Token) -> bool:
    """Whether a word is of ORDEALS, or governs one or is governed by one within ORDEAL_DEPTH steps."""
    frontier = [token]
    for _ in range(ORDEAL_DEPTH + 1):
        if any(t.lemma_.lower() in ORDEALS or t.lower_ in ORDEALS for t in frontier):
            return True
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("acomp", "xcomp", "pcomp", "advcl", "prep")]
    head = token
    for _ in range(ORDEAL_DEPTH):
        head = head.head
        if head.lemma_.lower() in ORDEALS or head.lower_ in ORDEALS:
            return True
    return False


def _acted_on(token: Token) -> str | None:
    """The verb a count is the object of ("captured 23 pirates", "23 pirates were captured"), by its lemma:
    the happening of a count no toll word names."""
    while token.dep_ == "conj" and token.head.i < token.i:  # "attacked a government building , four shops and
        token = token.head                                     # two banks": the verb of the first of the list
        if token.pos_ == "VERB":  # (the parser joined the list to the verb itself)
            return token.lemma_.lower() if token.lemma_.lower() not in LIGHT_VERBS else None
    if token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ == "VERB" and \
            token.head.lemma_.lower() not in LIGHT_VERBS:
        return token.head.lemma_.lower()
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return None
    for child in token.children:  # "99 alleged Mafia members seized on Tuesday", "three homes destroyed"
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() not in LIGHT_VERBS:
            return child.lemma_.lower()
    return None


def _counted(ent: SpacySpan) -> Token | None:
    """The noun a number counts ("three people"), or None where the number stands alone ("Three killed")."""
    root = ent.root
    if root.dep_ == "compound" and _model_at(root.head) and root.head.dep_ in ("nummod", "compound", "nmod"):
        root = root.head  # "seven AK-47 assault rifles": the number hangs on the model
    if root.dep_ == "nummod" and root.head.pos_ == "ADJ" and _is_place(root.head) and root.head.dep_ != "amod":
        return root.head  # "One Australian and one English climber", "Australian" parsed as the subject
    if root.dep_ in ("nummod", "quantmod") and root.head.pos_ in ("NOUN", "PROPN"):
        counted = root.head
        while counted.dep_ == "compound" and counted.head.pos_ == "NOUN":  # "three bank workers"
            counted = counted.head
        return counted
    return None


def _magnitude(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a number is a quake's magnitude: "magnitude 6.1", "6.1-magnitude", "5.9 on the Richter scale",
    "a 6.1 quake" (a number with a decimal point before a word for a quake)."""
    near = [t.lower_ for t in doc[max(0, ent.start - 2):ent.start]] + [t.lower_ for t in doc[ent.end:ent.end + 4]]
    if ent.root.head.lower_ == "magnitude" or any(_RICHTER.search(w) for w in near):
        return True
    return "." in ent.text and ent.root.dep_ == "nummod" and ent.root.head.lemma_.lower() in QUAKES


def _happening(start: Token, counted: Token | None) -> str | None:
    """What happened to what a number counts: the first toll word up the parse from it (its verb, an
    adjective beside it, or the noun itself: "four deaths", "the death toll rose to four")."""
    if counted is not None and (what := _word_happening(counted)) is not None:
        return what
    if counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of" and \
            counted.head.head.pos_ == "NOUN" and (what := _word_happening(counted.head.head)) is not None:
        return what  # "the arrest of the 23 pirates", "took the life of two police officers"
    for child in start.children:  # "3 dead", "20 injured"; not a noun of a compound ("nine pro-death jurors")
        if child.dep_ in ("amod", "acl", "relcl") and child.lower_ not in TOLL_NOUNS and not (
                child.i and child.doc[child.i - 1].text == "-") and not (
                child.dep_ == "amod" and child.lower_ in STANDING_STATES and child.i < start.i) \
                and (what := _word_happening(child)) is not None:
            return what
    token = start
    for _ in range(MAX_CLIMB):
        head = token.head
        if head is token or token.dep_ == "relcl":
            break  # (a relative clause's count is not its antecedent's: "The strong safety , who ranks fifth
            # with 86 tackles , was injured", ECB+ 25_3ecb, unseen)
        if token.dep_ == "pobj" and head.lower_ == "of" and (head.head.like_num or head.head.lower_ in SOME_OF or (
                head.head.lower_ == "all" and any(c.lower_ == "but" for c in head.head.children))):
            break  # the group of a partitive: in "Three of the five climbers died", five did not; nor in "killing all
            # but six of the 77 people aboard" (Multi-News 53172) did 77 die
        if token.dep_ in ("conj",) and head.dep_ in ("nsubj", "nsubjpass", "dobj"):
            token = head
            continue
        if token.dep_ == "nsubj" and head.lemma_.lower() == "be":  # "One man is dead"
            for acomp in (c for c in head.children if c.dep_ == "acomp"):
                if (what := _word_happening(acomp)) is not None:
                    return what
            for under in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "under"):
                for state in (c for c in under.children if c.dep_ == "pobj"):  # "Two men are under arrest"
                    if (what := _word_happening(state)) is not None:
                        return what
        if (what := _word_happening(head)) is not None and token.dep_ in (
                "nsubj", "nsubjpass", "dobj", "attr", "pobj", "acl", "npadvmod", "nummod", "appos", "ROOT"):
            if _death_phrase(head) is not None and token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                pass  # "fallen 2,000ft to his death": a death phrase counts only its subject or object
            elif head.lemma_.lower() == "toll" or head.pos_ != "NOUN" or token.dep_ in ("nummod", "pobj"):
                return what
        if head.pos_ == "VERB" and head.lemma_.lower() in ("rise", "climb", "reach", "stand", "increase", "jump"):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None and (what := _word_happening(subject)) is not None:
                return what  # "the death toll rose to four"
        if head.pos_ in ("VERB", "AUX") and token.dep_ in ("nsubj", "nsubjpass") and \
                (what := _xcomp_happening(head) or _after_being(head)) is not None:
            return what  # "Sixty local residents had to be evacuated"; "60 people spent ... after being evacuated"
        if head.pos_ == "VERB" and _word_happening(head) is None and token.dep_ not in ("pobj", "prep"):
            break
        if token.dep_ == "appos":
            break  # "Zurana Horton , a mother of 12 , was fatally shot": a description counts nothing that happened
        token = head
    return None


def _word_happening(token: Token) -> str | None:
    if (what := _death_phrase(token)) is not None:
        return what
    if token.lower_ == "missing" and token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children):
        return None  # "missing 10 of the Saints' 16 games": missed, not gone missing (ECB+ 25_3ecbplus)
    if token.lower_ == "wound" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return None  # "He wound up with 20 after surpassing Ford 's mark" (ECB+ 31_1ecb, unseen): ended up
    what = _HAPPENING_OF.get(token.lemma_.lower()) or _HAPPENING_OF.get(token.lower_)
    if what is None and token.pos_ == "NOUN":
        what = ARREST_NOUNS.get(token.lemma_.lower())
    if what is None and token.lemma_.lower() == "toll":
        compound = [c for c in token.children if c.dep_ in ("compound", "amod")]
        if any(_HAPPENING_OF.get(c.lemma_.lower()) == "killed" for c in compound) or not compound:
            return "killed"
    if what == "killed" and token.lemma_.lower() == "toll":
        return "killed"
    return what


def _death_phrase(token: Token) -> str | None:
    """"killed" for the words that make a phrase a death: "shot one man fatally", "fatally wounded", "shot to
    death", "took the life of two police officers", "claimed the lives of 12", "lost their lives"."""
    lemma = token.lemma_.lower()
    if token.pos_ in ("VERB", "ADJ"):
        for child in token.children:
            if child.dep_ == "advmod" and (child.lower_ in FATALLY or any(  # "fatally right away" as one phrase
                    g.dep_ == "advmod" and g.lower_ in FATALLY for g in child.children)):
                return "killed"
            if child.dep_ == "prep" and child.lower_ == "to" and lemma not in NOT_DEATHS and any(
                    g.dep_ == "pobj" and g.lemma_.lower() == "death" for g in child.children):
                return "killed"
            if lemma == "lose" and child.dep_ == "dobj" and child.lemma_.lower() == "life":
                return "killed"
    if token.pos_ == "NOUN" and lemma == "life" and token.dep_ == "dobj" and token.head.lemma_.lower() in TAKING_LIFE:
        return "killed"
    return None


def _unit(counted: Token | None, summed: bool) -> str | None:
    """What is counted: the noun's lemma ("pirate"), "people" for a sum of people ("two women and one man"),
    None for a number alone ("Three killed"). The story decides which nouns count people."""
    if summed:
        return "people"
    if counted is not None and counted.lower_ in ("others", "other"):
        return None  # "wounding two others": the people of the toll, not a kind of thing
    return None if counted is None else counted.lemma_.lower()


def _qualifier(doc: Doc, ent: SpacySpan) -> str | None:
    """"at least", "about" ...: inside the number's entity ("at least three") or just before it."""
    for text in (ent.text, doc[max(0, ent.start - 3):ent.end].text):
        for start in range(len(text)):
            if start and text[start - 1] != " ":
                continue
            m = _QUALIFIER.match(text[start:])
            if m and start + m.end() <= len(text) and _number_words(text[start + m.end():]).strip():
                return _QUALIFIER_OF[m.group().lower()]
        if ent.start == 0:
            break
    return None


def _number_words(text: str) -> str:
    """A number's text without its qualifier ("at least three" -> "three")."""
    m = _QUALIFIER.match(text.strip())
    if m is None:
        return text
    rest = text.strip()[m.end():]
    if m.group().lower() in FEW and rest.split()[:1] and rest.split()[0].lower() in MULTIPLIERS:
        return "two " + rest  # "a few hundred": at least 200
    return rest


def _cut(ent: SpacySpan) -> bool:
    """Whether a number is the head or the tail of one the tokens cut ("2 , 000ft", "$1 . 29" as ECB+
    tokenises them)."""
    doc = ent.doc
    if ent.start >= 2 and doc[ent.start - 1].text in (".", ",") and doc[ent.start - 2].text[-1:].isdigit() and \
            not doc[ent.start - 1].whitespace_ == "" and ent.text[:1].isdigit():
        return True  # the tail: "29" of "1 . 29"
    if ent.end + 1 >= len(doc):
        return False
    after, then = doc[ent.end].text, doc[ent.end + 1].text
    return (after == "," and then.startswith("000")) or (after == "." and then[:1].isdigit())


def _money(text: str, ent: SpacySpan, sentence: int) -> Found | None:
    doc = ent.doc
    value = number_value(_number_words(ent.text))
    if value is None and (glued := _GLUED_SCALE.match(ent[-1].text)):  # "£2.5bn": one token
        value = float(glued.group(1).replace(",", "")) * _SCALES[glued.group(2).lower()]
    if value is None or _PERCENT.search(ent.text) or _cut(ent):  # "4 per cent", which spaCy sometimes calls money
        return None
    span = ent
    # a scale glued to the number, left out of the entity: "more than £ 2m", "their £2m crime"
    if ent.end < len(doc) and not doc[ent.end - 1].whitespace_ and doc[ent.end].lower_ in _SHORT_SCALES:
        value *= _SCALES[doc[ent.end].lower_]
        span = doc[ent.start:ent.end + 1]
    # a currency sign glued before the entity ("£2m", where the recogniser took "2" alone)
    if ent.start > 0 and doc[ent.start - 1].text in _SIGNS and not doc[ent.start - 1].whitespace_:
        span = doc[ent.start - 1:span.end]
    lower = span.text.lower()
    currency = next((sign for word, sign in CURRENCIES.items() if sign in span.text or word in lower), None)
    last = ent[-1]
    if currency is None and last.pos_ == "NOUN" and not last.like_num and last.lower_ not in _SCALES and \
            not any(c in span.text for c in _SIGNS):
        return None  # "returned three punts for touchdowns" (ECB+ 25_1ecb, unseen): a punt of a ball, no sum
    return [_figure(text, ent, span, value, _qualifier(doc, ent), "money", currency, sentence)], set(
        range(span.start, span.end))


def _term(doc: Doc, ent: SpacySpan, units_of: dict[str, str] = TERM_UNITS) -> tuple[Token, float | None] | None:
    """A length of time in years or months (``units_of``) that ends its entity ("a 10-year", "eight years"): its
    unit's token and its number's value (None where the words are no number), or None for any other entity (an
    age: "-old")."""
    units = [t for t in ent if t.lemma_.lower() in units_of]
    if len(units) != 1 or units[0].i != ent.end - 1 or ent.text.lower().rstrip().endswith("old"):
        return None
    return units[0], number_value(_number_words(doc[ent.start:units[0].i].text.replace("-", " ")))


def _prison_term(doc: Doc, text: str, ent: SpacySpan, sentence: int, pronouns: Pronouns) -> Found | None:
    """A prison term, with the person it is given to where the parse shows them: "faces up to 75 years to life
    in prison" (Andrew Lopez), "sentenced Jenkin to 15 years in prison", "jailed for six years", "a 10-year
    sentence"."""
    served = _served(doc, ent)
    term = _term(doc, ent, SERVED_UNITS if served else TERM_UNITS)
    if term is None:
        return None
    unit, value = term
    if served:  # the sentence, or the one before it ("was sentenced to one to three years ... He served 136 days")
        first = doc[ent.sent.start - 1].sent.start if ent.sent.start > 0 else ent.sent.start
        window = doc[first:ent.sent.end]
    else:
        window = doc[max(ent.sent.start, ent.start - TERM_CUE_WINDOW):min(ent.sent.end, ent.end + TERM_CUE_WINDOW)]
    if not any(t.lemma_.lower() in PRISON_CUES for t in window):
        return None
    if value is None or not 0 < value <= MAX_TERM:
        return None
    person = _sentenced(ent)
    figure = _figure(text, ent, ent, value, _qualifier(doc, ent), SERVED if served else "sentence",
                     SERVED_UNITS[unit.lemma_.lower()], sentence)
    if person is not None and person.pos_ == "PRON":  # "He faces up to 75 years": whom "he" stands for
        referent = pronouns.referent(person)
        if referent is not None and referent.mention is not None:
            figure = replace(figure, person=(referent.start, referent.end))
    elif person is not None:
        span = _name_span(person)
        figure = replace(figure, person=(span.start_char, span.end_char))
    return [figure], set(range(ent.start, ent.end))


def _served(doc: Doc, ent: SpacySpan) -> bool:
    """Whether a length of time is the object of "serve": "He served 136 days", "serving more than four years"."""
    root = ent.root if ent.root.pos_ == "NOUN" else doc[ent.end - 1]
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in ("sentence", "term"):
        root = root.head.head  # "He served a reduced sentence of four and a half months" (ECB+ 28_3ecbplus)
    return root.dep_ in ("dobj", "npadvmod") and root.head.lemma_.lower() == "serve"


def _contract_term(doc: Doc, text: str, ent: SpacySpan, sentence: int) -> Found | None:
    """The length of a contract, a deal or an offer of one: "an eight-year offer", "an eight-year contract offer",
    "an offer of eight years" (ECB+ 10_ecb)."""
    term = _term(doc, ent)
    if term is None:
        return None
    unit, value = term
    head = unit.head
    if unit.dep_ == "compound":  # "eight-year contract offer": the compound's last noun
        while head.dep_ == "compound" and head.head.pos_ == "NOUN":
            head = head.head
        contract = any(t.lemma_.lower() in CONTRACT_NOUNS for t in doc[unit.i + 1:head.i + 1])
    elif unit.dep_ == "pobj" and head.lower_ == "of":  # "an offer of eight years"
        contract = head.head.lemma_.lower() in CONTRACT_NOUNS
    else:
        contract = False
    if not contract or value is None or not 0 < value <= MAX_CONTRACT_YEARS:
        return None
    figure = _figure(text, ent, ent, value, _qualifier(doc, ent), CONTRACT, TERM_UNITS[unit.lemma_.lower()], sentence)
    return [figure], set(range(ent.start, ent.end))


def _fall(doc: Doc, text: str, ent: SpacySpan, sentence: int, pronouns: Pronouns) -> Found | None:
    """How far someone fell, with whom where the parse shows them: "Duncan Rait died after slipping and falling
    about 200ft", "fell around 2000ft ( 609 metres )" (the first figure), "falling about 150 metres" (ECB+
    23_ecbplus). Whom: the name that is the subject, the person noun that is ("a 36 - year - old Australian
    climber died after falling"), or the one a pronoun stands for ("A 36 - year - old man died ... after he
    slipped and fell about 200m")."""
    inside = [t for t in ent if t.lower_ in FALL_UNITS]
    after = doc[ent.end] if ent.end < len(doc) and doc[ent.end].lower_ in FALL_UNITS else None
    unit_token = inside[-1] if inside else after
    if unit_token is None:
        return None
    value = number_value(_number_words(doc[ent.start:unit_token.i].text if inside else ent.text))
    if value is None or value <= 0:
        return None
    verb = unit_token
    for _ in range(MAX_CLIMB):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in FALLING:
            break
        if verb.head is verb:
            return None
        verb = verb.head
    else:
        return None
    span = doc[ent.start:max(ent.end, unit_token.i + 1)]
    figure = _figure(text, ent, span, value, _qualifier(doc, ent), FELL, FALL_UNITS[unit_token.lower_], sentence)
    subject = _subject(verb, through=None)  # "Duncan Rait died after slipping and falling"
    if subject is not None and subject.pos_ == "PRON" and subject.lower_ in PRONOUN_GENDER:
        # the subject of the clause the pronoun's clause tells the circumstances of, in one sentence, before
        # anyone earlier: "A 36 - year - old man died ... after he slipped and fell about 200m" (ECB+ 23_8ecbplus)
        main = _subject(subject.head.head, through=None) if subject.head.dep_ == "advcl" else None
        if main is not None and _one_person(main):
            subject = main
        else:
            referent = pronouns.referent(subject)
            if referent is not None and not referent.plural:
                figure = replace(figure, person=(referent.start, referent.end))
            subject = None
    if subject is not None and _one_person(subject):
        name = _name_span(subject)
        figure = replace(figure, person=(name.start_char, name.end_char))
    return [figure], set(range(span.start, span.end))


def _one_person(token: Token) -> bool:
    """Whether a subject is one person: a name, a noun for a person ("climber", "mother"), or an age standing for
    one ("The 36 - year - old , who had been living in Melbourne , slipped")."""
    return token.tag_ not in ("NNS", "NNPS") and (
        token.pos_ == "PROPN" or token.lemma_.lower() in DESCRIBING_NOUNS or (
            token.lower_ == "old" and any(t.lower_ in ("year", "years") for t in token.doc[token.i - 3:token.i])))


def _sentenced(ent: SpacySpan) -> Token | None:
    """Whom a prison term is given to: the name that is the subject of its verb ("Lopez faces up to 75 years"),
    or the object of "sentence" ("sentenced Jenkin to 15 years")."""
    token = ent.root
    for _ in range(2 * MAX_CLIMB):  # "to seven life sentences ... plus 485 years": a longer way up
        if token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass") or (child.dep_ == "dobj" and token.lemma_.lower() == "sentence"):
                    if child.pos_ == "PROPN" or child.lower_ in PRONOUN_GENDER:
                        return child
            return None
        if token.head is token:
            return None
        token = token.head
    return None


def _ages(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
          pronouns: Pronouns) -> list[tuple[FigureRef, set[int]]]:
    """Ages, each with the person it describes: "a 61-year-old man", "59 - year old Raj Chohan" (as ECB+
    tokenises them), "aged 35", and a number in apposition to a name ("Raj Chohan , 59 ,")."""
    out = []
    for token in doc:
        if not (region[0] <= token.idx < region[1]) or not token.like_num or len(token.text) > 3 and \
                token.text.isdigit():
            continue
        number = number_value(token.text) if token.text.isdigit() or token.lower_ in CARDINALS else None
        if number is None or not float(number).is_integer() or not 0 < number <= MAX_AGE:
            continue  # ("Twenty - year - old Andrew Lopez" counts in words)
        value = int(number)
        described: Token | None = None
        person_at: tuple[int, int] | None = None  # the person's span, where a pronoun stands for them
        end = token.i + 1
        first = token  # "sixty-one-year-old": the tens word before the unit word counts too (ECB+ 18_12ecb)
        if value < 10 and token.i >= 2 and doc[token.i - 1].text == "-" and \
                (tens := number_value(doc[token.i - 2].lower_)) is not None and 20 <= tens < 100 and tens % 10 == 0:
            value, first = value + int(tens), doc[token.i - 2]
        words = [t.lower_ for t in doc[token.i + 1:token.i + 5]]
        hyphened = [w for w in words if w != "-"]
        if hyphened[:2] in (["year", "old"], ["years", "old"]) and "-" in words[:3]:  # ("16 year-old" too)
            end = next(t.i for t in doc[token.i + 1:token.i + 6] if t.lower_ == "old") + 1
            old = doc[end - 1]
            described = old.head if old.dep_ in ("amod", "compound", "nmod") and old.head.i > old.i else \
                next((t for t in doc[end:end + 4] if t.pos_ in ("NOUN", "PROPN")), None)
            if old.dep_ in ("nsubj", "nsubjpass") and first.i and doc[first.i - 1].lower_ == "the" and (
                    described is None or described.i > old.head.i):
                described = old  # "The 36 - year - old , who had been living in Melbourne , slipped and fell"
            if described is not None and described.dep_ == "compound" and described.head.pos_ in ("NOUN", "PROPN"):
                described = described.head  # "a 59 - year - old Queens grandmother"
        elif token.i and doc[token.i - 1].lower_ == "aged" and doc[token.i - 1].head.pos_ in ("NOUN", "PROPN"):
            described = doc[token.i - 1].head  # "a man aged 35"
        elif token.i >= 3 and doc[token.i - 1].lower_ in ("age", "now") and doc[token.i - 2].text == "," and \
                doc[token.i - 3].pos_ == "PROPN":
            described = doc[token.i - 3]  # "Sharron Diane Crawford Smith , age 61", "Timmons , now 16"
        elif (at_age := _at_age(token)) is not None:
            if at_age.lemma_.lower() not in AGE_AT_NEWS:
                continue  # "At the age of 10 , Page began to ...": an age at another time of a life
            described = _subject_name(at_age)  # "died Thursday at age 85", "at the age of 91", "died aged 95"
        elif token.text.isdigit() and token.i >= 2 and doc[token.i - 1].text == "," and (
                doc[token.i - 2].pos_ == "PROPN" or (
                doc[token.i - 2].lemma_.lower() in DESCRIBING_NOUNS and token.i >= 3 and
                doc[token.i - 3].lower_ == "the")) and \
                doc[token.i - 2].ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL") and \
                (token.i + 1 == len(doc) or doc[token.i + 1].text in (",", ".", ")", ";", "and", "of", "from", "who")) and \
                not (token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "and" and doc[token.i + 2].like_num):
            # "Raj Chohan , 59 ,", however the parse hangs the number; not a list of numbers ("Marco Rubio and Ted
            # Cruz , 11 and 8 percent respectively", PolNeAR)
            described = doc[token.i - 2]
        elif (subject := _age_stated(token)) is not None:  # "He was 75 ." closing an obituary; "LaRue was 75"
            if subject.pos_ == "PRON":
                referent = pronouns.referent(subject)
                if referent is None or referent.mention is None:
                    continue
                person_at = (referent.start, referent.end)
            else:
                described = subject
        if person_at is None:
            if described is None:
                continue
            described = _apposed_name(described) or described  # "his 58 - year - old mother , Alice McMeekin"
            person = _name_span(described)
            person_at = (person.start_char, person.end_char)
        span = doc[first.i:end]
        figure = FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value), None,
                           "age", None, sentence_of[token.i], first.idx, token.idx + len(token), person=person_at)
        out.append((figure, set(range(first.i, end))))
    return out


def _age_stated(number: Token) -> Token | None:
    """The person a bare number is said to be ("He was 75 .", "LaRue was 75 when he died"): the subject of the
    "be" the number is the attribute of, a name or a personal pronoun, the number standing alone and ending its
    clause; or None."""
    head, doc = number.head, number.doc
    if number.dep_ != "attr" or head.lemma_.lower() != "be" or any(True for _ in number.children) or \
            not number.text.isdigit():
        return None
    after = [t.lower_ for t in doc[number.i + 1:number.i + 5]]
    if after[:1] == ["when"]:  # "LaRue was 75 when he died"; not "He was 21 when he enlisted", an age of another time
        if not any(_HAPPENING_OF.get(w) == "killed" or w in ("died", "dead") for w in after[1:]):
            return None
    elif after[:1] and after[0] not in (".", ",", ";", "and"):
        return None
    if any(e.label_ == "DATE" and not e.start <= number.i < e.end for e in number.sent.ents):
        return None  # "In 1972 , he was 41 .": an age at another time of a life
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in PRONOUN_GENDER):
        return None
    return subject


def _apposed_name(noun: Token) -> Token | None:
    """The name a description stands beside, where one follows it at once: "his 58 - year - old mother ,
    Alice McMeekin , and sister", "her 20 - year - old daughter Kathryn Jenkin of Aberdare" (ECB+ 32_ecbplus,
    dev): the last word of that PERSON name, or None. After a comma the name must close the apposition (a
    comma, a full stop, "and", or the end next), so that "a 40 - year - old man , Smith said" gives no name."""
    if noun.pos_ != "NOUN":
        return None
    doc = noun.doc
    i = noun.i + 1
    comma = i < len(doc) and doc[i].text == ","
    i += comma
    if i >= len(doc) or doc[i].ent_type_ != "PERSON" or doc[i].ent_iob_ != "B":
        return None
    end = i
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    after = doc[end + 1] if end + 1 < len(doc) else None
    if comma and after is not None and after.text not in (",", ".", ";", ")", "and"):
        return None
    return doc[end]


def _at_age(token: Token) -> Token | None:
    """The verb an age is given at ("died at the age of 91", "died at age 85", "died aged 95"), or None."""
    doc = token.doc
    words = [t.lower_ for t in doc[max(0, token.i - 4):token.i]]
    if words[-2:] in (["dies", "at"], ["died", "at"], ["dead", "at"]) and token.text.isdigit() and (
            token.i + 1 == len(doc) or not doc[token.i + 1].pos_ in ("NOUN", "PROPN")):
        return doc[token.i - 2]  # a headline's "Esther Williams dies at 91", "... dead at 95" (ECB+ 4_ecbplus, 28_ecb)
    if words[-4:] == ["at", "the", "age", "of"] or words[-2:] == ["at", "age"] or words[-1:] == ["aged"]:
        head = token
        for _ in range(MAX_CLIMB + 1):
            head = head.head
            if head.pos_ == "VERB" and head.lower_ != "aged":  # ("has died in jail , aged 77": "aged" hangs on "died")
                return head
            if head.head is head:
                break
    return None


def _subject_name(verb: Token) -> Token | None:
    """The name that is a verb's subject ("Bettie Page died ..."), or the name in apposition to it ("One of the
    most famous mafia godfathers in the US , Vincent \"the Chin\" Gigante , ... has died in jail , aged 77",
    ECB+ 26_4ecbplus), or None."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.pos_ == "PROPN":
                return child
            if any(c.dep_ == "cc" for c in child.children):
                return None  # "Smith and Jones": two subjects, not one described
            # (the parser hangs such a name as a conjunct as often as in apposition)
            return next((c for c in child.children if c.dep_ in ("appos", "conj") and c.pos_ == "PROPN"
                         and c.ent_type_ == "PERSON"), None)
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        # a verb joined to another shares its subject: "Bettie Page , the raven-haired pin-up whose ... romps ...
        # titillated a generation ... , has died at the age of 85" (ECB+ 4_2ecb), where the parser hung "died" on
        # "titillated"
        return _subject_name(verb.head)
    return None


def _name_span(token: Token) -> SpacySpan:
    """A noun with the words of its name before it: "Raj Chohan" for "Chohan", "grandmother" alone."""
    start = token.i
    while start and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].dep_ in ("compound", "nmod") \
            and token.pos_ == "PROPN":
        start -= 1
    return token.doc[start:token.i + 1]


def _nobody(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
            background: set[int]) -> list[FigureRef]:
    """Zero counts: "No one was hurt", "nobody was killed", "there were no casualties"."""
    out = []
    for token in _read(doc, sentence_of, region, background):
        zero = None
        if token.lower_ in _NOBODY or (token.lower_ == "one" and (no := _no_before(doc, token.i)) is not None):
            zero = no if token.lower_ == "one" else token
            what = None
            if token.dep_ in ("nsubj", "nsubjpass"):  # "No one was hurt"; "No-one is believed to be injured"
                what = _word_happening(token.head) or _xcomp_happening(token.head)
        elif token.lower_ == "no" and token.dep_ == "det" and token.head.pos_ == "NOUN":
            zero = token
            what = _word_happening(token.head)
        else:
            continue
        if what is None:
            continue
        end = max(token.i, token.head.i) + 1
        span = doc[zero.i:end]
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], 0.0, None, what,
                             "people", sentence_of[token.i], zero.idx, token.idx + len(token)))
    return out


def _multiples(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
               background: set[int]) -> list[FigureRef]:
    """Tolls said without a number: "the double murder" (2 killed), and "Both women were found dead" (2)."""
    out = []
    for token in _read(doc, sentence_of, region, background):
        head = token.head
        if token.lower_ in MULTIPLES and token.dep_ in ("amod", "compound") and head.lemma_.lower() in MULTIPLE_TOLLS:
            value, what = MULTIPLES[token.lower_], "killed"
        elif token.lower_ == "both" and token.dep_ == "det" and head.lemma_.lower() in PEOPLE_NOUNS and \
                head.dep_ in ("nsubj", "nsubjpass"):
            value, what = 2, _happening(head, head)
            if what is None:
                for child in head.head.children:  # "Both women were found dead"
                    if child.dep_ in ("oprd", "acomp") and (what := _word_happening(child)) is not None:
                        break
        else:
            continue
        if what is None:
            continue
        span = doc[token.i:head.i + 1]
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value), None,
                             what, "people", sentence_of[token.i], token.idx, token.idx + len(token)))
    return out


def _repeats(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
             background: set[int]) -> list[FigureRef]:
    """How many times something was done: "stabbed his wife 20 times", "was shot seven times" (the verb, "times",
    the number). Not a multiple of something ("five times the legal limit": "times" hangs on no verb), nor what
    was said three times."""
    from .quotes.lexicon import SPEECH_VERBS

    out = []
    for token in _read(doc, sentence_of, region, background):
        if token.lower_ != "times" or token.dep_ != "npadvmod" or token.head.pos_ != "VERB":
            continue
        verb = token.head.lemma_.lower()
        number = next((c for c in token.children if c.dep_ == "nummod"), None)
        if number is None or verb in LIGHT_VERBS or verb in SPEECH_VERBS or number.i != token.i - 1:
            continue
        value = number_value(_number_words(number.text))
        if value is None or value < 2:
            continue
        span = doc[number.i:token.i + 1]
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], float(value), None,
                             verb, "times", sentence_of[token.i], number.idx, number.idx + len(number)))
    return out


def _no_before(doc: Doc, i: int) -> Token | None:
    """The "no" of "no one", "no-one" or "no - one" (as tokens split it) before token ``i``."""
    if i and doc[i - 1].lower_ == "no":
        return doc[i - 1]
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "no":
        return doc[i - 2]
    return None


def _xcomp_happening(verb: Token) -> str | None:
    """The happening of a verb's open complement, for a subject that a verb of hedging or need raises:
    "nobody is thought to have been injured", "Sixty residents had to be evacuated"."""
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "ADJ") and (what := _word_happening(child)):
            return what
    return None


def _after_being(verb: Token) -> str | None:
    """The happening its subject underwent, for a verb with "after being ..." ("Around 60 people spent the
    evening at a local day care centre after being evacuated", ECB+ 14_6ecb; "were taken to hospital after
    being injured")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("after", "following", "before"):
            for done in child.children:
                if done.dep_ == "pcomp" and any(a.dep_ == "auxpass" and a.lower_ == "being" for a in done.children):
                    return _word_happening(done)
    return None


def _bare_money(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int], background: set[int],
                taken: set[int]) -> list[FigureRef]:
    """Sums whose currency sign the text lost: "steal e80 million" (euros), "snatching p74million" (pounds)."""
    out = []
    for token in doc:
        if token.i in taken or not (region[0] <= token.idx < region[1]) or sentence_of[token.i] in background:
            continue
        m = _BARE_MONEY.match(token.text)
        if m is None:
            continue
        scale, end = m.group(3), token.i + 1
        if scale is None and end < len(doc) and doc[end].lower_ in _SCALES:
            scale, end = doc[end].lower_, end + 1
        if scale is None:
            continue
        span = doc[token.i:end]
        value = float(m.group(2)) * _SCALES[scale.lower()]
        out.append(FigureRef(span.start_char, span.end_char, text[span.start_char:span.end_char], value,
                             _qualifier(doc, span), "money", _LOST_SIGNS[m.group(1).lower()], sentence_of[token.i],
                             span.start_char, span.end_char))
    return out


def _unharmed(doc: Doc, text: str, sentence_of: Sequence[int], region: tuple[int, int],
              background: set[int]) -> list[FigureRef]:
    """Zero injured, said as everyone (else) coming through unhurt: "The other partygoers managed to escape
    unharmed", "The other people at the office party were able to escape without injury", "Everyone got out
    unhurt". Said of one person or of a group not all there ("the driver escaped unharmed", "the passengers
    escaped unharmed"), it is no count."""
    out = []
    for token in _read(doc, sentence_of, region, background):
        if token.lower_ in UNHARMED and token.dep_ in ("acomp", "advmod", "oprd", "xcomp", "advcl"):
            end = token
        elif token.lower_ == "without" and token.dep_ == "prep" and (harm := next(
                (c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in HARMS), None)) is not None:
            end = harm
        else:
            continue
        subject = _subject(token.head)
        if subject is None or not _everyone(subject):
            continue
        start = subject.left_edge
        out.append(FigureRef(start.idx, end.idx + len(end), text[start.idx:end.idx + len(end)], 0.0, None,
                             "injured", "people", sentence_of[token.i], token.idx, end.idx + len(end)))
    return out


def _read(doc: Doc, sentence_of: Sequence[int], region: tuple[int, int], background: set[int]) -> Iterator[Token]:
    """The tokens of ``region`` outside the sentences of another time (``background``)."""
    return (t for t in doc if region[0] <= t.idx < region[1] and sentence_of[t.i] not in background)


def _subject(verb: Token, through: tuple[str, ...] | None = ("xcomp", "acomp", "conj"),
             climb: int = MAX_CLIMB) -> Token | None:
    """The subject of a verb, through "were able to" and "managed to" (xcomp and acomp up the parse); with
    ``through`` None, through any head (the one who fell in "died after slipping and falling"); at most ``climb``
    heads up."""
    for _ in range(climb):
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
        if (through is not None and verb.dep_ not in through) or verb.head is verb:
            return None
        verb = verb.head
    return None


def _everyone(subject: Token) -> bool:
    """Whether a subject is everyone (else) there: "everyone", "the other partygoers", "all 150 passengers"."""
    if subject.lower_ in EVERYONE:
        return True
    return subject.tag_ in ("NNS", "NNPS") and any(
        c.lower_ in EVERYONE_MODIFIERS and c.dep_ in ("amod", "det", "predet", "nmod") for c in subject.children)


def _figure(text: str, ent: SpacySpan, span: SpacySpan, value: float, qualifier: str | None, what: str,
            unit: str | None, sentence: int) -> FigureRef:
    start, end = min(span.start_char, ent.start_char), max(span.end_char, ent.end_char)
    return FigureRef(start, end, text[start:end], float(value), qualifier, what, unit, sentence,
                     ent.start_char, ent.end_char)


def _other_times(doc: Doc, sentence_of: Sequence[int], times: Sequence[TimeRef],
                 published: str | None) -> dict[int, str]:
    """Sentences that date themselves away from the article's news, with the time they tell of ("2008-09",
    "XXXX-09", "2008"): what they count is of that time (see FigureRef.when). With a publication date, a
    date BACKGROUND_DAYS or more from it; without one, a whole month or year named in a body sentence after
    the lead ("A quake struck southern Iran in September", where the lead's news is "on Sunday"), unless the
    lead names that time too (then it is the news's)."""
    starts = {t.idx: t.i for t in doc}
    found: list[tuple[int, str]] = []  # (sentence, time)
    for time in times:
        token = starts.get(time.start)
        if time.type != "DATE" or token is None or sentence_of[token] < 0:
            continue
        if token and doc[token - 1].lower_ in SPANNING:
            continue  # "the fifth operation since September": a period up to the news
        when = _dated_away(time, published) if published else _named_month_or_year(time.text)
        if when is not None:
            found.append((sentence_of[token], when))
    if published:
        return dict(reversed(found))  # a sentence's first such time
    lengths: dict[int, int] = {}
    for i in sentence_of:
        if i >= 0:
            lengths[i] = lengths.get(i, 0) + 1
    lead = min((i for i, n in lengths.items() if n >= LEAD_MIN_TOKENS), default=-1)
    in_lead = {when for sentence, when in found if sentence == lead}
    return dict(reversed([(sentence, when) for sentence, when in found if sentence != lead and when not in in_lead]))


def _dated_away(time: TimeRef, published: str) -> str | None:
    """A resolved date's month ("2008-09") or year ("2008") where it lies BACKGROUND_DAYS or more from the
    publication date, else None."""
    from datetime import date

    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return None
    if not (m := _DATE_VALUE.match(time.value or "")):
        return None
    year, month, day_of = (int(g) if g else None for g in m.groups())
    if day_of is not None:
        try:
            far = abs((date(year, month, day_of) - day).days) >= BACKGROUND_DAYS
        except ValueError:
            far = False
    elif month is not None:
        far = abs((year * 12 + month) - (day.year * 12 + day.month)) * 30 >= BACKGROUND_DAYS
    else:  # a year, or a week, quarter or season of one
        far = year != day.year
    if not far:
        return None
    return f"{year:04d}-{month:02d}" if month is not None else f"{year:04d}"


def _named_month_or_year(text: str) -> str | None:
    """The time a date expression names when it is a whole month or year ("September", "September 2008",
    "2008": "XXXX-09", "2008-09", "2008"), else None (a weekday, a day of a month: the news's own days)."""
    m = _MONTH_OR_YEAR.fullmatch(text.strip())
    if m is None:
        return None
    if m.group("alone"):
        return m.group("alone")
    month = _MONTHS.index(m.group("month").lower()[:3]) + 1
    return f"{m.group('year') or 'XXXX'}-{month:02d}"
