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

from ..types import ArticleAnalysis, Entity, Speaker

# A description a reader takes back to someone already shown opens with one of these words.
DEFINITE = frozenset({"the", "his", "her", "its", "their"})
# Open pronouns taken back to the speaker just before, with whether they stand for a person.
OPEN_PRONOUNS = {"he": True, "she": True, "him": True, "her": True, "it": False}
# Head nouns of descriptions that stand for an organisation, not a person ("the paper said").
ORGANISATION_NOUNS = frozenset("""paper newspaper daily weekly agency company firm ministry department office
government network broadcaster station channel group organisation organization bank statement council
committee court police army navy military union party board authority""".split())
# A description or pronoun goes back to the speaker just before only over this many sentences (the
# speaker's sentence and the one after it, or one between). Set on the ECB+ dev events of
# benchmarks/compare: "the official said" and "the paper said" follow their speaker's sentence at once,
# "said the Navy chief" closes a quote that opened in the sentence after the chief's.
MAX_SENTENCES_BACK = 2
_WORD = re.compile(r"[\w-]+")
# Heads that name more than one ("the two discussed ...", "the men said"): no one person stands for them.
GROUP_HEADS = frozenset("""two three four five six seven eight nine ten both pair couple trio all men women
people children police""".split())


@dataclass(frozen=True, slots=True)
class Shown:
    """Someone an article has shown before a point: a cast person by a role, or a speaker.

    Attributes:
        at: where in the article they were shown.
        words: the lowercased words that describe them (a role's or a speaker's own).
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
                    out.append(Shown(evidence.start, _words(role.text), entity.id, entity.type == "PERSON", False))
    return out


def speaker_shown(speaker: Speaker, entity: Entity | None) -> Shown | None:
    """A speaker as someone shown (None for a speaker not placed in the text, or an open pronoun)."""
    if speaker.start is None or (entity is None and speaker.text.lower() in OPEN_PRONOUNS):
        return None
    person = entity.type == "PERSON" if entity is not None else head_noun("the " + speaker.text) not in ORGANISATION_NOUNS
    return Shown(speaker.start, _words(speaker.text), entity.id if entity is not None else None, person, True,
                 speaker.anonymous and entity is None)


def fitting_antecedent(speaker: Speaker, point: int, shown: Sequence[Shown]) -> Shown | None:
    """The nearest one ``shown`` before ``point`` whose words hold the head noun of the description that
    names a speaker ("owner" for "the ship 's owner"), or None."""
    head = head_noun(speaker.text)
    fitting = [s for s in shown if s.at < point and head is not None and head in s.words]
    return max(fitting, key=lambda s: s.at) if fitting else None


def speaker_before(speaker: Speaker, point: int, shown: Sequence[Shown], sentences: Sequence[int]) -> Shown | None:
    """The named speaker just before ``point`` (at most :data:`MAX_SENTENCES_BACK` sentences back), for a
    definite description or an open pronoun of the same kind (a person or not); None when there is none."""
    text = speaker.text.lower()
    head = head_noun(text)
    if head is not None:
        person = head not in ORGANISATION_NOUNS
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


def _sentence(starts: Sequence[int], at: int) -> int:
    return bisect_right(starts, at) - 1


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))
