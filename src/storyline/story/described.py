"""Who a speaker the text only describes stands for: "the ship's owner", "his brother", "the official",
"the paper", or a pronoun the article's coreference left open ("he said", "It described ...").

A reader takes such words back to someone the article has just shown, in this order:

1. **the nearest fitting antecedent**: the last person before it in the same article whose role holds the
   description's head noun ("Wicharn Sirichaiekawat, owner of the Ekawat Nava 5" for "the ship's owner",
   "John Banky, Ben's older brother" for "his brother"), or the last speaker described with that noun
   ("a German military spokesman said ... said the spokesman"): when that speaker was not named, the
   description stays anonymous, and no other spokesman of the story takes the words;
2. (in :func:`storyline.story.quotes.link_speakers`) a title another mention gave one person ("the Ohio
   governor");
3. **the speaker just before**: a definite description or an open pronoun right after someone spoke ("...,
   Mehdi iran-Nejad, told ISNA. Relief aid ... has been dispatched, the official said") is that speaker,
   when the kind fits: a person for "he", "the official"; an organisation for "it", "the paper".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import ArticleAnalysis, Entity, Evidence, Quote, Speaker
from ..vocabulary import MIN_SENTENCE_WORDS

# A description a reader takes back to someone already shown opens with one of these words.
DEFINITE = frozenset({"the", "his", "her", "its", "their"})
# Determiners that make a description someone of another's ("his father said" after Doug McDermott spoke is
# not McDermott, ECB+ 31_3ecbplus, in no gold set).
POSSESSIVES = frozenset({"his", "her", "its", "their"})
# Open pronouns taken back to the speaker just before, with whether they stand for a person.
OPEN_PRONOUNS = {"he": True, "she": True, "him": True, "her": True, "it": False}
# Head nouns of descriptions that stand for an organisation, not a person ("the paper said").
ORGANISATION_NOUNS = frozenset("""paper newspaper daily weekly agency company firm ministry department office
government network broadcaster station channel group organisation organization bank statement council
committee court police army navy military union party board authority giant tabloid""".split())
# Heads of descriptions that stand for the company an article is about ("the company said", "the software
# giant said"), when no organisation spoke just before: the one organisation the article names most before it.
COMPANY_HEADS = frozenset({"company", "firm", "giant"})
# Heads that name one kind of organisation, each standing for the others of its set: "the paper" is the
# "Centre - left daily" of the sentence before; "the firm" the company the article is about.
ORGANISATION_KINDS = (frozenset({"paper", "newspaper", "daily", "weekly", "tabloid"}), COMPANY_HEADS)
# An organisation's description goes back to the organisation that spoke last over at most this many sentences,
# past people who spoke between ("Newsday reported . ... said ... detective Joe Coffey . ... spokesman Al Quintero
# said ... . It is the same prison ..., the newspaper said", ECB+ 26_10ecbplus): a person's would not. Set by hand
# on that dev article, the longest such gap seen.
ORGANISATION_SENTENCES_BACK = 4
# A description or pronoun goes back to the speaker just before only over this many sentences (the
# speaker's sentence and the one after it, or one between). Set on the ECB+ dev events of
# benchmarks/compare: "the official said" and "the paper said" follow their speaker's sentence at once,
# "said the Navy chief" closes a quote that opened in the sentence after the chief's.
MAX_SENTENCES_BACK = 2
_WORD = re.compile(r"[\w-]+")
_LONG_WORD = re.compile(r"[A-Za-z]{2,}")
# Heads of descriptions that fit anyone ("the man said"): no role resolves them, nor the speaker before.
GENERIC_HEADS = frozenset("man woman person boy girl guy".split())
# Heads of descriptions of someone a reporter does not name ("the source said"): never the speaker just before.
INFORMANT_HEADS = frozenset({"source", "insider", "informant", "tipster"})
# Heads that name more than one ("the two discussed ...", "the men said"): no one person stands for them.
GROUP_HEADS = frozenset("""two three four five six seven eight nine ten both pair couple trio all men women
people children police""".split())


@dataclass(frozen=True, slots=True)
class Shown:
    """Someone an article has shown before a point: a cast person by a role, or a speaker.

    Attributes:
        at: where in the article they were shown.
        words: the head nouns of the words that describe them (a role's or a speaker's own).
        entity: the cast entity, or None for a speaker the article did not name.
        person: whether they are a person (else an organisation or a thing that speaks).
        spoke: whether they were shown speaking (only a speaker is "the speaker just before").
        anonymous: whether they are a speaker the article describes without a name.
    """

    at: int
    words: frozenset[str]
    entity: str | None
    person: bool
    spoke: bool
    anonymous: bool = False


# Abbreviated titles, as written before names, and the words a description uses for them.
TITLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "sec": "secretary",
                       "gen": "general", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
                       "amb": "ambassador", "atty": "attorney", "supt": "superintendent", "pres": "president"}


# Titles written as initials, and the words they stand for ("the DA" is the district attorney named before).
TITLE_INITIALS = {"da": ("district", "attorney"), "ag": ("attorney", "general"), "ceo": ("chief", "executive")}


def _title_words(text: str) -> tuple[str, ...]:
    words = [w.strip(".,").removesuffix("'s").removesuffix("’s") for w in text.lower().split()]
    out: list[str] = []
    for w in words:
        if w:
            out.extend(TITLE_INITIALS.get(w.replace(".", ""), (TITLE_ABBREVIATIONS.get(w, w),)))
    return tuple(out)


def titled_person(text: str, source: str, before: int, entities: Sequence[Entity]) -> str | None:
    """The one person whose title is what ``text`` calls someone ("the Ohio governor", "the vice
    president", "the former secretary of state and current Democratic presidential nominee"), or
    None. A title this source gave before ``before`` counts first, then one another source gave."""
    words = _title_words(text)
    if len(words) < 2 or words[0] != "the":
        return None
    head = head_noun(text)
    if head is None or _kind(head) is not True:  # several ("the Sixers"), a body or a thing: no one's title
        return None
    parts = [tuple(w for w in part.split() if w != "current") for part in " ".join(words[1:]).split(" and ")]
    for same_source in (True, False):
        exact, loose = set(), set()
        for entity in entities:
            if entity.type != "PERSON":
                continue
            for role in entity.roles:
                if not any((ev.source == source and ev.start < before) if same_source else ev.source != source
                           for ev in role.evidence):
                    continue
                title = _title_words(role.text)
                for part in parts:
                    if title == part:
                        exact.add(entity.id)
                    elif part and set(part) <= set(title) and title[-1] == part[-1]:
                        loose.add(entity.id)
        for found in (exact, loose):
            if found:
                return next(iter(found)) if len(found) == 1 else None
    return None


def head_noun(text: str) -> str | None:
    """The head noun of a description of one ("owner" of "the ship 's owner", "chief" of "the Navy chief");
    None for other words, and for a description of several ("the two", "the officials")."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 2 or words[0] not in DEFINITE:
        return None
    head = words[-1]
    plural = head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return None if plural or head in GROUP_HEADS or head.isdigit() else head


def role_shown(analysis: ArticleAnalysis, entities: Sequence[Entity]) -> list[Shown]:
    """Every role a cast person is given in this article, where it is given."""
    source = analysis.article.id
    out = []
    for entity in entities:
        for role in entity.roles:
            for evidence in role.evidence:
                if evidence.source == source:
                    out.append(Shown(evidence.start, role_heads(role.text), entity.id, entity.type == "PERSON", False))
    return out


def speaker_shown(speaker: Speaker, entity: Entity | None) -> Shown | None:
    """A speaker as someone shown (None for a speaker not placed in the text, or an open pronoun)."""
    if speaker.start is None or (entity is None and speaker.text.lower() in OPEN_PRONOUNS):
        return None
    person = entity.type == "PERSON" if entity is not None else head_noun("the " + speaker.text) not in ORGANISATION_NOUNS
    return Shown(speaker.start, role_heads(speaker.text), entity.id if entity is not None else None, person, True,
                 speaker.anonymous and entity is None)


def fitting_antecedent(speaker: Speaker, point: int, shown: Sequence[Shown]) -> Shown | None:
    """The nearest one ``shown`` before ``point`` whose words hold the head noun of the description that
    names a speaker ("owner" for "the ship 's owner"), or None."""
    head = head_noun(speaker.text)
    heads = next((kind for kind in ORGANISATION_KINDS if head in kind), {head})
    fitting = [s for s in shown if s.at < point and head is not None and heads & s.words]
    return max(fitting, key=lambda s: s.at) if fitting else None


def speaker_before(speaker: Speaker, point: int, shown: Sequence[Shown], sentences: Sequence[int]) -> Shown | None:
    """The named speaker just before ``point`` (at most :data:`MAX_SENTENCES_BACK` sentences back), for a
    definite description or an open pronoun of the same kind (a person or not); None when there is none."""
    text = speaker.text.lower()
    head = head_noun(text)
    if text.split()[0] in POSSESSIVES:  # "his father", "its chief executive": someone of theirs, never them
        return None
    if head is not None:
        kind = _kind(head)
        if kind is None:  # an unnamed informant, or a thing: no one who spoke before is it
            return None
        person = kind
    elif text in OPEN_PRONOUNS:
        person = OPEN_PRONOUNS[text]
    else:
        return None
    speakers = [s for s in shown if s.spoke and s.at < point]
    if not speakers:
        return None
    last = max(speakers, key=lambda s: s.at)
    near = _sentence(sentences, point) - _sentence(sentences, last.at) <= MAX_SENTENCES_BACK
    return last if near and last.person == person and last.entity is not None else None


def _kind(head: str) -> bool | None:
    """Whether a description's head noun names a person (True) or an organisation (False), or neither (None):
    an unnamed informant ("the source said" after Lindsay Lohan spoke is not Lohan: ECB+ 1_8ecbplus, in no
    gold set), or a thing WordNet knows that is no person or body ("the memorandum", "the wire"). Which it is
    comes from WordNet (:func:`.lexicon.noun_kind`); a word WordNet does not know is taken for a person."""
    from .lexicon import noun_kind

    if head in INFORMANT_HEADS:
        return None
    if head in ORGANISATION_NOUNS:
        return False
    kind = noun_kind(head)
    return {"person": True, None: True, "group": False}.get(kind)


def _sentence(starts: Sequence[int], at: int) -> int:
    return bisect_right(starts, at) - 1


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


def resolve_speakers(analysis: ArticleAnalysis, entities: Sequence[Entity],
                     index: dict[tuple[str, int], str]) -> dict[str, tuple[str | None, bool]]:
    """(entity, anonymous) of each quote of an article whose speaker the text only describes, or names
    with words the named-entity pass missed, by quote id (a quote whose speaker is a mention is left out).

    A cast mention inside the speaker's words names them ("Const. Fanning said"); else the description
    is the one it stands for: the nearest fitting antecedent (:func:`fitting_antecedent`), else the one
    person a title names (:func:`titled_person`), else the speaker just before (:func:`speaker_before`).
    One attribution is resolved once for all its quotes.
    """
    source = analysis.article.id
    by_id = {e.id: e for e in entities}
    shown = role_shown(analysis, entities)
    # fragments the sentence splitter cut off a name or an abbreviation ("S ." of "the U . S . medical center",
    # ECB+ 26_10ecbplus) tell of no one, and do not count toward a description's reach (as in nlp.coref)
    text = analysis.article.text
    sentences = [s.start for s in analysis.sentences if len(_LONG_WORD.findall(text[s.start:s.end])) >= MIN_SENTENCE_WORDS]
    # a named person's mention that ends the speaker's words ("Const. Fanning"; not "Biden administration
    # officials")
    ends = {(ev.start, ev.end): e.id for e in entities for ev in e.mentions if ev.source == source}
    resolved: dict[int, tuple[str | None, bool]] = {}
    out: dict[str, tuple[str | None, bool]] = {}
    for quote in sorted(analysis.quotes, key=lambda q: q.start):
        speaker = quote.speaker
        entity = None
        if speaker is not None and speaker.mention is not None:
            entity = index.get((source, speaker.mention))
        elif speaker is not None and speaker.start is not None:
            if speaker.start not in resolved:
                named = [e for (at, end), e in ends.items() if speaker.start <= at and end == speaker.end
                         and by_id[e].type == "PERSON"]
                # else an organisation that ends them: "A statement from Waitrose said" (ECB+ 14_4ecb)
                named = named or [e for (at, end), e in ends.items() if speaker.start <= at and end == speaker.end
                                  and by_id[e].type == "ORG"]
                resolved[speaker.start] = (named[0], False) if len(set(named)) == 1 else \
                    _described(speaker, quote, source, entities, shown, sentences)
            entity, anonymous = resolved[speaker.start]
            out[quote.id] = (entity, anonymous)
            if entity is None and anonymous != speaker.anonymous:
                speaker = Speaker(speaker.name, speaker.text, speaker.start, speaker.end, anonymous)
        if speaker is not None:
            seen = speaker_shown(speaker, by_id.get(entity or ""))
            if seen is not None:
                shown.append(seen)
    return out


def _described(speaker: Speaker, quote: Quote, source: str, entities: Sequence[Entity], shown: list[Shown],
               sentences: list[int]) -> tuple[str | None, bool]:
    """(entity, anonymous) of a speaker named by no mention: see :func:`resolve_speakers`."""
    point = min(speaker.start, quote.start)
    fitting = fitting_antecedent(speaker, point, shown)
    if fitting is not None:
        return fitting.entity, fitting.anonymous
    titled = titled_person(speaker.text, source, speaker.start, entities)
    if titled is not None:
        return titled, False
    before = speaker_before(speaker, point, shown, sentences)
    if before is None and head_noun(speaker.text) in ORGANISATION_NOUNS:
        before = organisation_before(speaker, point, shown, sentences, entities, source)
    if before is None or head_noun(speaker.text) in GENERIC_HEADS or _named_beside(before.entity, speaker, source,
                                                                                  entities, sentences):
        return None, speaker.anonymous
    return before.entity, False


def organisation_before(speaker: Speaker, point: int, shown: Sequence[Shown], sentences: Sequence[int],
                        entities: Sequence[Entity], source: str) -> Shown | None:
    """For a description of an organisation ("the newspaper said") no speaker just before is: the named
    organisation that spoke last, at most :data:`ORGANISATION_SENTENCES_BACK` sentences back, whoever spoke
    since; else, for a company's description (:data:`COMPANY_HEADS`), the organisation the article names most
    before it, where no other is named as often ("France Telecom" for "the firm said", ECB+ 30_1ecb)."""
    spoke = [s for s in shown if s.spoke and s.at < point and not s.person and s.entity is not None]
    if spoke:
        last = max(spoke, key=lambda s: s.at)
        if _sentence(sentences, point) - _sentence(sentences, last.at) <= ORGANISATION_SENTENCES_BACK:
            return last
    if head_noun(speaker.text) not in COMPANY_HEADS:
        return None
    counts = sorted(((sum(1 for ev in e.mentions if ev.source == source and ev.start < point), e.id)
                     for e in entities if e.type == "ORG"), reverse=True)
    if not counts or counts[0][0] == 0 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return Shown(point, frozenset(), counts[0][1], False, False)


def _named_beside(entity: str, speaker: Speaker, source: str, entities: Sequence[Entity], sentences: list[int]) -> bool:
    """Whether the article names ``entity`` in the speaker's own sentence: "The officer told Mr. Pinder to
    ..." is someone else than Mr. Pinder."""
    here = _sentence(sentences, speaker.start)
    return any(ev.source == source and _sentence(sentences, ev.start) == here and
               not (speaker.start <= ev.start < (speaker.end or speaker.start))
               for e in entities if e.id == entity for ev in e.mentions)


# Words that never stand between a description's determiner and its head noun ("the man told the chief"
# is no description "the ... chief").
NOT_MODIFIERS = frozenset("""and or but nor of to in on at for with by from as than that who whom which whose
was were is are be been has had have said says told a an the his her its their he she it they this these
those not no""".split())
# Modifiers that make a description one of several ("the third victim", "the other officer"): no one
# person of the cast stands for it by its role alone.
SEVERAL_MODIFIERS = frozenset("""first second third fourth fifth other another each every some any both
many several""".split())
# Words that make another title of the one they precede: a vice president is not the president.
COMPOUND_TITLES = frozenset("vice deputy assistant under co acting former".split())
# A description holds at most this many modifiers before its head ("the city 's police chief" has 3: city,
# 's, police). Set on the ECB+ dev events of benchmarks/compare: their described people take 0 to 3.
MAX_MODIFIERS = 3
_DETERMINER = re.compile(r"\b(?:the|his|her|its|their)\s+", re.IGNORECASE)
_TOKEN = re.compile(r"[\w&'’][\w.&'’-]*")
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?[\w.&-]+")
_NEW_ONE = r"\b(?:a|an)\s+(?:[\w.&'’-]+\s+){0,%d}?%s\b"


def role_heads(text: str) -> frozenset[str]:
    """The head nouns of a role ("chief" of "Woodburn 's police chief" and of "the chief of police";
    "president" and "ceo" of "our president and CEO")."""
    heads = set()
    for part in re.split(r"\s+(?:and|&)\s+|,", text):
        part = re.split(r"\s+(?:of|for|at|in|with|from|who|whose|on)\s+|\s+\w+ing\s+(?:the|a|an)\s+", part.strip())[0]
        words = [w.lower().strip(".") for w in _WORD.findall(part)]
        if len(words) >= 2 and words[-2] in COMPOUND_TITLES:
            continue  # a "Vice President" is not "the president"
        if words and words[-1].isalpha() and len(words[-1]) > 2:
            heads.add(words[-1])
    return frozenset(heads)


def _people_by_head(entities: Sequence[Entity]) -> dict[str, list[Entity]]:
    by_head: dict[str, list[Entity]] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for role in entity.roles:
            for head in role_heads(role.text) - GROUP_HEADS - ORGANISATION_NOUNS - GENERIC_HEADS:
                if entity not in by_head.setdefault(head, []):
                    by_head[head].append(entity)
    return by_head


def _fits(modifiers: Sequence[str], entity: Entity) -> bool:
    """Whether a description's modifiers fit a person: none says "one of several" or makes another title
    ("the vice president"), and each name among them ("Woodburn" in "the Woodburn police chief") is in
    one of the person's roles."""
    if any(m.lower() in SEVERAL_MODIFIERS | COMPOUND_TITLES for m in modifiers):
        return False
    role_words = set()
    for role in entity.roles:
        role_words |= {TITLE_ABBREVIATIONS.get(w, w) for w in _title_words(role.text)}
    names = [m.lower() for m in modifiers if m[:1].isupper()]
    return all(TITLE_ABBREVIATIONS.get(n.strip("."), n.strip(".")) in role_words for n in names)


def role_descriptions(analysis: ArticleAnalysis, entities: Sequence[Entity]) -> list[tuple[str, Evidence]]:
    """The definite descriptions of an article that stand for a cast person by the role the cast collects
    for them: "the city 's police chief", "the chief of police" for "Woodburn 's police chief, Scott
    Russell"; "the victim" for "The victim, Ben Banky"; each as (entity id, where).

    A description is the person nearest before it in the article whose role has its head noun (and
    whose role holds each name it is modified by), among those the article itself gives such a role where
    there are any; with no such person before it, the one person of the story whose role has it. It is no one when a new one of that kind came in between ("a German military
    spokesman ... the spokesman"), when several of the story fit and none came before, or when its
    modifiers make it one of several ("the third victim").
    """
    text = analysis.article.text
    source = analysis.article.id
    by_head = _people_by_head(entities)
    taken = [(ev.start, ev.end) for e in entities for ev in e.mentions if ev.source == source and e.type == "PERSON"]
    out = []
    for det in _DETERMINER.finditer(text):
        found = _description_at(text, det.end(), by_head)
        if found is None or analysis.in_furniture(det.start()):
            continue
        modifiers, head, end = found
        start = det.start()
        if any(a < end and start < b for a, b in taken):
            continue
        fitting = [e for e in by_head[head] if _fits(modifiers, e)]
        # a reader knows the roles this article gives: one of them is the description's person, before a role
        # only another outlet gives ("the mother of 13" is Zurana Horton, "a mother of 12" here, not the woman
        # 33_7ecbplus calls "the mother in the video")
        fitting = [e for e in fitting if _role_here(e, head, source)] or fitting
        new_one = re.compile(_NEW_ONE % (MAX_MODIFIERS, re.escape(head)), re.IGNORECASE)
        # (from the end of the person's last mention or role: their own "a mother of 12" is no new one of that kind)
        before = [(max(ev.end for ev in _shown_as(e, source) if ev.start < start), e)
                  for e in fitting if any(ev.start < start for ev in _shown_as(e, source))]
        if before:
            at, entity = max(before, key=lambda p: p[0])
        elif len(fitting) == 1:
            at, entity = 0, fitting[0]
        else:
            continue
        if new_one.search(text, at, start):
            continue
        out.append((entity.id, Evidence(source, start, end, text[start:end])))
    return out


def _shown_as(entity: Entity, source: str) -> list[Evidence]:
    """Where a source names the person or gives them a role."""
    return [ev for ev in (*entity.mentions, *(ev for r in entity.roles for ev in r.evidence)) if ev.source == source]


def _role_here(entity: Entity, head: str, source: str) -> bool:
    """Whether a source gives the person a role with that head noun."""
    return any(head in role_heads(r.text) and any(ev.source == source for ev in r.evidence) for r in entity.roles)


def _description_at(text: str, at: int, by_head: dict[str, list[Entity]]) -> tuple[list[str], str, int] | None:
    """(modifiers, head, end) of a description whose words open at ``at`` and whose head noun is a role's
    head, or None: at most :data:`MAX_MODIFIERS` modifiers, none of them a word no noun phrase holds."""
    modifiers: list[str] = []
    for token in _TOKEN.finditer(text, at, at + 80):
        if text[at:token.start()].strip() or "\n" in text[at:token.start()]:
            return None  # punctuation or a sentence's end between words: the phrase has ended
        word = token.group()
        if word.lower() in by_head and word.lower() not in SEVERAL_MODIFIERS:
            after = text[token.end():token.end() + 40]
            if re.match(r"\s+[A-Z][a-z]", after) and not re.match(r"\s+(?:said|told|says)\b", after):
                return None  # a title before a name ("the police chief Scott Russell"): the name is the mention
            following = re.match(r"\s*([\w'’-]+)", after)
            if following is None or following.group(1).lower() not in {"'s", "’s", *by_head}:
                tail = _OF_TAIL.match(text, token.end())
                return modifiers, word.lower(), tail.end() if tail is not None else token.end()
            # "the chief executive", "the owner 's son": the phrase goes on to a later head
        if word.lower() in NOT_MODIFIERS or len(modifiers) >= MAX_MODIFIERS:
            return None
        modifiers.append(word)
        at = token.end()
    return None


def described_mentions(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity],
                       index: dict[tuple[str, int], str]) -> dict[str, list[Evidence]]:
    """The places where the story's articles describe a cast person rather than name them, by entity id:
    a speaker described or left as a pronoun (:func:`resolve_speakers`), a role description
    (:func:`role_descriptions`), and an appositive role the cast collected ("Mark Vinar, an Australian
    climber from Perth")."""
    by_id = {e.id: e for e in entities}
    out: dict[str, list[Evidence]] = {}
    aged = aged_descriptions(analyses, entities)
    for analysis in analyses:
        source = analysis.article.id
        quotes = {q.id: q for q in analysis.quotes}
        found = []
        for quote_id, (entity, _) in resolve_speakers(analysis, entities, index).items():
            speaker = quotes[quote_id].speaker
            if entity is not None and speaker.end is not None:
                found.append((entity, Evidence(source, speaker.start, speaker.end, speaker.text)))
        for entity in entities:
            for role in entity.roles:
                if entity.type == "PERSON" and role.kind == "appositive":
                    found += [(entity.id, ev) for ev in role.evidence if ev.source == source]
        found += role_descriptions(analysis, entities)
        found += [(entity, ev) for (src, _), (entity, ev) in aged.items() if src == source]
        for entity, ev in found:
            own = list(by_id[entity].mentions) + out.get(entity, [])
            if not any(m.source == source and m.start < ev.end and ev.start < m.end for m in own):
                out.setdefault(entity, []).append(ev)
    return out


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the)\s+$", re.IGNORECASE)


def aged_descriptions(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity]) -> dict[tuple[str, int], tuple[str, Evidence]]:
    """Descriptions by age that stand for the one person the story names with that age: "A 36 - year - old
    man" and "a 36 - year - old Australian climber" for "36 - year - old Duncan Rait" (ECB+ 23_ecbplus), "A 61 -
    year - old Vancouver man" for "Eric Allen Kirkpatrick , 61". By (source, the age's start): the cast
    person's id and the description's span, from its article ("a", "an", "the") to its noun.

    Only where one cast person, and no other, is named with that age, and with no other age: a description of
    an age no one is named with, or one two people share, stays no one's. The age agrees with the person's by
    construction, so it can make no dispute over their age; it adds the person's age in that source.
    """
    named: dict[str, set[float]] = {}  # the ages each cast person is given where a source names them
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.type == "PERSON":
            for ev in entity.mentions:
                spans.setdefault(ev.source, []).append((ev.start, ev.end, entity.id))
    described = []
    for analysis in analyses:
        source = analysis.article.id
        for figure in analysis.figures:
            if figure.what != "age" or figure.person is None:
                continue
            start, end = figure.person
            hits = {e for s, t, e in spans.get(source, ()) if s < end and start < t}
            if len(hits) == 1:
                named.setdefault(next(iter(hits)), set()).add(figure.value)
            elif not hits and analysis.article.text[start:end].islower():
                described.append((analysis, figure))
    by_age: dict[float, list[str]] = {}
    for entity, ages in named.items():
        if len(ages) == 1:
            by_age.setdefault(next(iter(ages)), []).append(entity)
    ambiguous = {age for entity, ages in named.items() if len(ages) > 1 for age in ages}
    out: dict[tuple[str, int], tuple[str, Evidence]] = {}
    for analysis, figure in described:
        people = by_age.get(figure.value, [])
        if len(people) != 1 or figure.value in ambiguous:
            continue
        text = analysis.article.text
        start, end = min(figure.start, figure.person[0]), max(figure.end, figure.person[1])
        article = _ARTICLE_BEFORE.search(text, max(0, start - 5), start)
        start = article.start() if article is not None else start
        out[(analysis.article.id, figure.start)] = (people[0], Evidence(analysis.article.id, start, end, text[start:end]))
    return out
