"""The words and marks that several parts of Storyline read, each defined once.

Pronouns, quote marks, spaCy's name labels and number words. A module that needs a narrower set builds
it from these in the open (``{w: n for w, n in CARDINALS.items() if n <= 12}``), so the difference is
visible where it is made. Lexicons that one module alone reads (the quote reader's speech verbs,
the clock words of time expressions) stay with that module.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------ pronouns
MALE, FEMALE = "m", "f"
# Third-person singular pronouns, with the gender they give their antecedent.
PRONOUN_GENDER = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
                  "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
# Pronouns of the people in a conversation: said by a speaker, the word itself is who speaks.
CONVERSATION_PRONOUNS = ("i", "we", "me", "us", "you")
# Pronouns that name a speaker only through the sentences around them ('"...," he said').
STAND_IN_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "i", "we"})
# Pronouns that stand for a thing, not a speaker ("it says", "which said").
THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what"})

# ------------------------------------------------------------------ quote marks
# The marks of a quotation in running text: straight and curly double quotes.
DOUBLE_QUOTES = '"“”'
# Every character that can open or close a quotation (apostrophes and single quotes included).
QUOTE_CHARACTERS = '"“”‘’\'«»„'
# Quote marks as spaCy tokens ('' and `` are how some corpora write double quotes).
QUOTE_TOKENS = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``", "«", "»"})
# The tokens that can close a quotation.
CLOSING_QUOTE_TOKENS = frozenset({'"', "”", "’", "'", "''"})


def char_class(characters: str) -> str:
    """A regular-expression character class of exactly these characters."""
    return "[" + "".join(re.escape(c) for c in characters) + "]"


# ------------------------------------------------------------------ words
# A word of two or more letters (what language identification and the summary's word counts read).
WORD = re.compile(r"[^\W\d_]{2,}")

# ------------------------------------------------------------------ names
# spaCy's labels for names (what the cast, terms and clustering treat as one word: "united states").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
# spaCy's labels for quantities.
NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})

# ------------------------------------------------------------------ numbers
UNIT_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# Ten to nineteen, and the tens to ninety.
TEN_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
             "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
CARDINALS = UNIT_WORDS | TEN_WORDS
# Words that count in dozens, hundreds, thousands ...
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

# A sentence of fewer words (of two letters or more) is a fragment the splitter cut off a name or an
# abbreviation ("S ." of "the U . S . medical center" as ECB+ tokenises it): it tells of no one, and does not
# count toward how far back a pronoun (nlp.coref) or a description (story.described) may reach.
MIN_SENTENCE_WORDS = 2
