"""Named-entity mentions and the roles the text gives them, from one parsed Doc.

Roles come from three constructions:
- a title before the name, inside its noun phrase ("Vice President Kamala Harris",
  "national security adviser Jake Sullivan", "Secretary of State Antony Blinken");
- an appositive beside it ("Benny Gantz, a top political rival of ...",
  "Israel's defense minister, Yoav Gallant");
- a fronted description ("A centrist politician, Gantz ...").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import Mention, NumberRef, Role
from ..vocabulary import CARDINALS, MULTIPLIERS, NAME_LABELS, NUMBER_LABELS, QUOTE_CHARACTERS  # noqa: F401 (NAME_LABELS read from here)

# spaCy labels that name a participant of a story (people, organisations, places, ...).

# Words that open a name as a title or honorific; stripped to get the bare name.
TITLE_WORDS = frozenset("""
president vice prime minister secretary senator sen. sen rep. rep representative
congressman congresswoman gov. gov governor mayor gen. gen general lt. col. maj. capt. sgt.
adm. admiral dr. dr mr. mr mrs. mrs ms. ms miss prof. professor rev. sir dame lord lady king
queen prince princess pope judge justice chancellor ambassador speaker chairman chairwoman
chair director commissioner sheriff detective attorney leader chief deputy spokesman
spokeswoman spokesperson sheikh ayatollah emir crown former acting interim premier
president-elect foreign defense defence finance interior health state
""".split())
DETERMINERS = frozenset({"the", "a", "an"})
NOT_NAME_POS = frozenset({"VERB", "ADJ", "ADV", "DET", "ADP", "PRON", "AUX", "SCONJ"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "sir", "madam"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Longest title or description kept as a role, in tokens: longer ones are clauses.
MAX_TITLE_TOKENS = 8
MAX_APPOSITIVE_TOKENS = 30
# Endings of nouns that name a person's position ("adviser", "spokesperson", "analyst").
_ROLE_SUFFIXES = ("er", "or", "ist", "man", "woman", "person", "ent", "ant", "ian", "ee", "ary")
_OPENERS = frozenset({",", "--", "—", "–", "("})
_CLOSERS = frozenset({",", ";", "--", "—", "–", "(", ")"})
_EDGE_PUNCT = frozenset(",;:-—–()") | frozenset(QUOTE_CHARACTERS).difference("«»„")


def extract_mentions(doc: Doc, sentence_of: list[int], body: tuple[int, int]) -> tuple[Mention, ...]:
    """Return the named-entity mentions of a Doc that lie inside the article body.

    Args:
        doc: the parsed article.
        sentence_of: for each token index, the index of its sentence.
        body: (start, end) character bounds of the story body (no dateline or sign-off).
    """
    ents = [e for e in doc.ents if e.label_ in NAME_LABELS and "\n" not in e.text]
    in_title = _entities_inside_titles(ents)
    # the words of the names of two words or more, which a one-word name may be the surname of
    names_of_many = {t.text for e in ents if len(e) > 1 for t in e}
    mentions = []
    for ent in ents:
        if ent.start_char < body[0] or ent.end_char > body[1] or ent.start in in_title:
            continue
        name_tokens, title_tokens = _split_name(ent)
        if ent.label_ != "PERSON" and _aged(ent):
            ent = _as_person(ent)  # its words are a name as they stand ("Raj", tagged an adverb, included)
            name_tokens, title_tokens = [t for t in ent if t.is_alpha or t.text == "."], []
        if not name_tokens or not any(c.isupper() for c in name_tokens[0].text[:1]):
            continue
        if ent.label_ == "PERSON" and len(ent) == 1 and ent[0].tag_ in ("NN", "NNS") and ent[0].is_sent_start \
                and ent.text not in names_of_many:
            continue  # a common noun capitalised for opening its sentence: "Filmmaker and aviator Howard Hughes ...",
            # its "Filmmaker" tagged a person (ECB+ 4_1ecb), who took the "she" of the sentence after; not a
            # surname the article also writes in a longer name ("Cheeks was named ...", "Maurice Cheeks", 5_ecb)
        name = doc[name_tokens[0].i:name_tokens[-1].i + 1].text
        roles = []
        if title_tokens and not all(t.lower_.rstrip(".") in HONORIFICS for t in title_tokens):
            roles.append(_role(title_tokens, "title"))
        roles.extend(_roles_around(ent))
        mentions.append(Mention(
            start=ent.start_char, end=ent.end_char, text=ent.text, label=ent.label_, name=name,
            sentence=sentence_of[ent.start], roles=tuple(r for r in roles if r is not None),
        ))
    return tuple(mentions)


# The oldest age read as one (a number beside a name above it is something else: "Route 9 , 100"); the figure
# reader's ages read it from here.
MAX_AGE = 110


def _aged(ent: SpacySpan) -> bool:
    """Whether a name is given an age as news gives a person's: "Raj Chohan , 59 ," (where the recogniser took
    "Chohan" for a place, ECB+ 21_3ecbplus)."""
    doc = ent.doc
    if ent.end + 2 >= len(doc) or doc[ent.end].text != "," or doc[ent.end + 2].text not in (",", ".", ";"):
        return False
    age = doc[ent.end + 1]
    return age.text.isdigit() and 0 < int(age.text) <= MAX_AGE and age.dep_ in ("appos", "npadvmod")


def _as_person(ent: SpacySpan) -> SpacySpan:
    """A name relabelled PERSON, with the capitalised given name the recogniser left before it ("Raj")."""
    doc, start = ent.doc, ent.start
    while start and doc[start - 1].ent_iob_ == "O" and doc[start - 1].text.istitle() and \
            doc[start - 1].text.isalpha() and not doc[start - 1].is_stop:  # "Raj", tagged an adverb
        start -= 1
    return SpacySpan(doc, start, ent.end, label="PERSON")


def _split_name(ent: SpacySpan) -> tuple[list[Token], list[Token]]:
    """Split an entity span into (name tokens, leading title tokens)."""
    tokens = [t for t in ent if t.text not in POSSESSIVE]
    while tokens and tokens[0].lower_ in DETERMINERS:
        tokens = tokens[1:]
    titles = []
    if ent.label_ == "PERSON":
        while len(tokens) > 1 and tokens[0].lower_ in TITLE_WORDS:
            titles.append(tokens.pop(0))
        # "Injecting Clinton", "Crooked Hillary Clinton": words that are not part of a name.
        while len(tokens) > 1 and tokens[0].pos_ in NOT_NAME_POS:
            tokens.pop(0)
            titles = []
    while tokens and tokens[-1].text in _EDGE_PUNCT:
        tokens.pop()
    return tokens, titles


def _entities_inside_titles(ents: list[SpacySpan]) -> set[int]:
    """Token starts of entities that are part of a title ("Secretary of *State*")."""
    inside = set()
    for ent in ents:
        root = ent.root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in TITLE_WORDS:
            inside.add(ent.start)
    return inside


def _roles_around(ent: SpacySpan) -> list[Role | None]:
    roles = [_title_before(ent)]
    root = ent.root
    doc = ent.doc
    for child in root.children:
        if child.dep_ == "appos" and not (child.ent_type_ and child.pos_ == "PROPN"):
            tokens = _to_comma(child)
            # Only "Name, description": the description must follow the name's comma, or the comma after the
            # age written beside the name ("Zurana Horton , 34 , a mother of 12 ,").
            after_age = ent.end + 3 < len(doc) and doc[ent.end + 1].like_num and doc[ent.end + 2].text == ","
            if tokens and ent.end < len(doc) and doc[ent.end].text in _OPENERS and (
                    tokens[0].i == ent.end + 1 or (after_age and tokens[0].i == ent.end + 3)):
                roles.append(_appositive(tokens))
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not root.head.ent_type_:
        head_tokens = [t for t in root.head.subtree if t.i < ent.start and t not in root.subtree]
        # Only "description, Name": the description must end at the comma before the name.
        if head_tokens and ent.start >= 2 and doc[ent.start - 1].text in _OPENERS:
            head_tokens = _trim(head_tokens)
            if head_tokens and head_tokens[-1].i == ent.start - 2:
                roles.append(_appositive(head_tokens))
    roles.append(_fronted_description(ent))
    if ent.label_ == "PERSON":
        roles.append(_predicate_role(ent))
    return roles


# Verbs that tie a description to a name with "as": "police identified the gunman as Eric Kirkpatrick", "The
# victim was identified as Benjamin Banky".
IDENTIFYING = frozenset({"identify", "name"})
# Determiners of a description that a sentence says a person is ("The victim was ...", "... was a former
# employee"); "his", "their" and the like describe through someone else ("his brother was X").
_PREDICATE_DETERMINERS = frozenset({"the", "a", "an"})


def _predicate_role(ent: SpacySpan) -> Role | None:
    """A description the sentence says a person is: "The victim was Benjamin David Banky", "Kirkpatrick was
    the gunman", "police identified the suspect as Anthony LaCalamita", "The victim was identified as ...".
    Where one article says so, the cast knows the person by that description, and another article's "the
    victim" or "the gunman" is them (story/described.py). Only a description of a person: its noun is one of
    the nouns that count people, or ends as a role does ("employee", "gunman", "manager")."""
    root = ent.root
    head = root.head
    noun = None
    if root.dep_ == "attr" and head.lemma_ == "be":  # "The victim was X"
        noun = next((c for c in head.children if c.dep_ == "nsubj"), None)
    elif root.dep_ == "nsubj" and head.lemma_ == "be":  # "X was the gunman"
        noun = next((c for c in head.children if c.dep_ == "attr"), None)
    elif root.dep_ == "pobj" and head.lower_ == "as" and head.head.lemma_.lower() in IDENTIFYING:
        verb = head.head  # "identified the suspect as X", "The victim was identified as X"
        noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if noun is None or noun.pos_ != "NOUN" or noun.ent_type_ or not _names_a_person(noun):
        return None
    if not any(c.dep_ == "det" and c.lower_ in _PREDICATE_DETERMINERS for c in noun.children):
        return None
    tokens = [t for t in ent.doc[noun.left_edge.i:noun.i + 1]]
    if any(t.ent_type_ == "PERSON" or t.text in _CLOSERS for t in tokens):
        return None
    return _appositive(tokens)


def _names_a_person(noun: Token) -> bool:
    from .figures import PEOPLE_NOUNS

    word = noun.lemma_.lower()
    return word in PEOPLE_NOUNS or word.endswith(_ROLE_SUFFIXES)


def _to_comma(head: Token) -> list[Token]:
    """An appositive: from its first word to the comma (or dash, or sentence end) that closes it.

    The parse of a long appositive is often cut short ("a member of the war | Cabinet
    assembled ..."), while the punctuation that closes it is reliable.
    """
    start = head.left_edge.i
    sent_end = head.sent.end
    end = head.right_edge.i + 1
    for tok in head.doc[head.i + 1:sent_end]:
        if tok.text in _CLOSERS:
            end = tok.i
            break
    else:
        end = max(end, sent_end)
    return list(head.doc[start:end])


def _title_before(ent: SpacySpan) -> Role | None:
    """The title words just before a name, within its noun phrase."""
    subtree = {t.i for t in ent.root.subtree}
    doc = ent.doc
    i = ent.start - 1
    tokens = []
    while i >= 0 and i in subtree:
        tok = doc[i]
        if tok.dep_ in ("det", "poss", "case", "punct", "cc", "predet") or tok.text in POSSESSIVE:
            break
        tokens.insert(0, tok)
        i -= 1
    while tokens and (tokens[0].pos_ == "ADP" or tokens[0].text in _EDGE_PUNCT):
        tokens.pop(0)
    tokens = _trim(tokens)
    if not tokens or len(tokens) > MAX_TITLE_TOKENS:
        return None
    # Honorifics ("Mr.", "Mrs.") say nothing of a role.
    if all(t.lower_.rstrip(".") in HONORIFICS for t in tokens):
        return None
    # A role needs a noun of its own: "Israeli Benny Gantz" gives none.
    if not any(t.pos_ in ("NOUN", "PROPN") and (not t.ent_type_ or t.lower_ in TITLE_WORDS) for t in tokens):
        return None
    # Other names (often people spaCy labelled ORG) take a title only when it names a
    # person's position: "spokesperson Kirby", not "war Cabinet".
    last = tokens[-1].lower_
    if ent.label_ != "PERSON" and last not in TITLE_WORDS and not last.endswith(_ROLE_SUFFIXES):
        return None
    return _role(tokens, "title")


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop punctuation, spaces and conjunctions at both ends."""
    def edge(t: Token) -> bool:
        return t.is_punct or t.text in _EDGE_PUNCT or t.is_space or t.dep_ == "cc"

    start, end = 0, len(tokens)
    while start < end and edge(tokens[start]):
        start += 1
    while end > start and edge(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


def _appositive(tokens: list[Token]) -> Role | None:
    tokens = _trim(tokens)
    if not tokens or len(tokens) > MAX_APPOSITIVE_TOKENS:
        return None
    if not any(t.pos_ == "NOUN" for t in tokens) or any(t.like_url or "\n" in t.text for t in tokens):
        return None
    return _role(tokens, "appositive")


def _fronted_description(ent: SpacySpan) -> Role | None:
    """'A centrist politician, Gantz ...': a description that opens the sentence."""
    sent = ent.sent
    first = sent[0]
    if first.lower_ not in ("a", "an") or ent.start < 2:
        return None
    comma = ent.doc[ent.start - 1]
    if comma.text != "," or comma.i - sent.start > MAX_TITLE_TOKENS + 1:
        return None
    tokens = list(ent.doc[sent.start:comma.i])
    if any(t.text == "," or t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    return _appositive(tokens)


def _role(tokens: list[Token], kind: str) -> Role:
    doc = tokens[0].doc
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1])
    return Role(text=doc[tokens[0].i:tokens[-1].i + 1].text, start=start, end=end, kind=kind)


_CURRENCY_PREFIX = re.compile(r"^(?:euro|eur|us|€|£|¥)(?=\d)")
# Thousands groups that tokens split and joined with spaces ("1 , 200", as ECB+ texts are rebuilt): one number.
_SPLIT_THOUSANDS = re.compile(r"(?<=\d) , (?=\d{3}(?!\d))")
# Number words read as values: one to ninety, and the multipliers ("twenty - five" is 25: see number_value).
_NUMBER_WORDS = dict(CARDINALS) | MULTIPLIERS
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")
_HYPHENED_WORDS = re.compile(r"(?<=[a-z])\s*-\s*(?=[a-z])")


def extract_numbers(doc: Doc, sentence_of: list[int], body: tuple[int, int]) -> tuple[NumberRef, ...]:
    """Counts, sums and shares in the body, with the noun each one counts."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in NUMBER_LABELS or ent.start_char < body[0] or ent.end_char > body[1]:
            continue
        root = ent.root
        unit = root.head.lemma_.lower() if root.dep_ in ("nummod", "quantmod") and root.head.pos_ == "NOUN" else None
        if unit is None and ent.end < len(doc) and doc[ent.end].pos_ == "NOUN":
            unit = doc[ent.end].lemma_.lower()
        out.append(NumberRef(ent.start_char, ent.end_char, ent.text, ent.label_, number_value(ent.text), unit,
                             sentence_of[ent.start]))
    return tuple(out)


def number_value(text: str) -> float | None:
    """The value of a written number: "more than 100" -> 100, "1.5 million" -> 1500000, "three" -> 3."""
    value = None
    text = _SPLIT_THOUSANDS.sub("", text)  # "1 , 200 , 000" -> "1200000"
    text = _HYPHENED_WORDS.sub(" ", text.lower())  # "twenty-five", "twenty - five"
    half = 0.5 if _AND_A_HALF.search(text) else 0.0  # "four and a half months", "two and a half million"
    text = _AND_A_HALF.sub(" ", text)
    text = re.sub(r"\bhalf\s+a\s+dozen\b", "six", text)  # "more than half-a-dozen versions" (ECB+ 27_7ecb)
    tens = False  # whether the last word read was a tens word ("twenty"), which a unit word adds to
    for word in text.replace(",", "").replace("$", " ").replace("%", " ").split():
        word = _CURRENCY_PREFIX.sub("", word)  # "euro110" as some pages glue it
        try:
            number = float(word)
            if value is not None:
                break  # a second number ("$ 140 million to $ 160 million"): the first is the value
        except ValueError:
            number = _NUMBER_WORDS.get(word)
            if number is None:
                continue
            if value is not None and (number >= 100 or word == "dozen"):
                value = (value + half) * number  # "two and a half million", "two dozen"
                half = 0.0
                tens = False
                continue
            if value is not None and tens and number < 10:
                value += number  # "twenty - five"
                tens = False
                continue
        tens = value is None and word in _NUMBER_WORDS and 20 <= number < 100
        value = number if value is None else value
    return value + half if value is not None and half else value
