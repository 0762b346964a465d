"""Where the sources say a person lives, and where they place one person's home differently.

Crime and accident reports give a person's home the way wire style does: "Anthony Phillip LaSalle , 36 , of
Bloomington", "Chohan , who lived half a mile away in South Ozone Park". When one outlet writes "of
Bloomington" and another "of Minneapolis" for the same man, one of them has it wrong, and a fact-checker
wants to see it (ECB+ 21_ecb, a dev event of benchmarks/compare).

A home is read after a mention of a cast person, in one of these forms:

- the name, an age set off by commas, then "of" and a capitalised place ("LaSalle , 36 , of Bloomington");
- the name, then "of" and a place the recogniser names a place (GPE or LOC): "Raj Chohan of Queens" (not
  "Dr. Jane Doe of Johns Hopkins", an organisation);
- the name, then a relative clause of living ("who lived half a mile away in South Ozone Park", "who lives
  in ...").

Each source's first home for a person counts. Two homes of one person agree when the words of one are all
among the other's ("Bruce Township" / "Macomb County's Bruce Township"). A person whose sources give homes
that do not agree is a conflicting fact of kind ``other``, with each source's words as evidence, at
:data:`RESIDENCE_CONFIDENCE`: one place may lie inside the other ("College Point" is in Queens), which
Storyline cannot know without a gazetteer, so the note says so and reports list it among the less certain.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import ArticleAnalysis, Entity, Evidence, Fact

# The confidence of two homes that differ: set by hand (no data to fit it on). Below the reports' shown
# threshold (report.markdown.SHOWN_CONFIDENCE), as one place may lie inside the other.
RESIDENCE_CONFIDENCE = 0.5
# A capitalised place of one or more words, with a possessive inside ("Macomb County's Bruce Township", or
# as tokenised text writes it, "Macomb County 's Bruce Township"); it ends at a comma, so a state after it
# ("Bloomington , Minn .") is left out.
_PLACE = r"(?P<place>[A-Z][\w.’'-]*(?:\s?['’]s)?(?:\s+[A-Z][\w.’'-]*(?:\s?['’]s)?)*)"
_AGED = re.compile(r"\s*,\s*(?:aged?\s+)?\d{1,3}\s*,\s*of\s+" + _PLACE)
_OF = re.compile(r"\s*,?\s*of\s+" + _PLACE)
# "who lived half a mile away in", "who lives in": at most a few words between the verb and "in", no comma
_LIVING = re.compile(r"\s*,\s*who\s+(?:lived|lives|had\s+lived|has\s+lived|resided|resides)\b[^,.;\n]{0,40}?\s+in\s+"
                     + _PLACE)
# Place labels of the recogniser that make a bare "of X" a home.
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Words of a place that say what kind of place it is: not themselves told apart ("Bruce Township" and "Bruce").
_KIND_WORDS = frozenset("county township city town village borough parish district".split())
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Residence:
    """Where one source says a cast person lives: the place as written, and the words from the name to it."""

    entity: str
    place: str
    evidence: Evidence


def residences(analysis: ArticleAnalysis, entities: Sequence[Entity]) -> list[Residence]:
    """Each cast person's first home in one article (see the module doc)."""
    source, text = analysis.article.id, analysis.article.text
    places = {(m.start, m.end) for m in analysis.mentions if m.label in PLACE_LABELS}
    found: dict[str, Residence] = {}
    spans = sorted((ev.start, ev.end, e.id) for e in entities if e.type == "PERSON"
                   for ev in e.mentions if ev.source == source)
    for start, end, entity in spans:
        if entity in found:
            continue
        after = text[end:end + 120]
        match = _AGED.match(after) or _LIVING.match(after)
        if match is None:
            match = _OF.match(after)
            if match is not None and (end + match.start("place"), end + match.end("place")) not in places:
                match = None
        if match is not None:
            place = match.group("place").rstrip(".")
            found[entity] = Residence(entity, place, Evidence(source, start, end + match.start("place") + len(place),
                                                              text[start:end + match.start("place") + len(place)]))
    return list(found.values())


def residence_conflicts(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity],
                        groups: Sequence[Sequence[Entity]] = ()) -> list[Fact]:
    """A conflicting fact of kind ``other`` for each person whose sources give homes that do not agree.
    ``groups``: the cast's rival spellings of one name (:func:`.spellings.spelling_groups`), one person."""
    same = {e.id: group[0].id for group in groups for e in group}
    names = {e.id: e.name for e in entities}
    homes: dict[str, list[Residence]] = {}
    for analysis in analyses:
        for home in residences(analysis, entities):
            homes.setdefault(same.get(home.entity, home.entity), []).append(home)
    out = []
    for entity, found in homes.items():
        if len({h.evidence.source for h in found}) < 2 or _all_agree([h.place for h in found]):
            continue
        shown = "; ".join(f"{h.place} in {h.evidence.source}" for h in found)
        out.append(Fact("", "conflicting", tuple(dict.fromkeys(h.evidence.source for h in found)),
                        tuple(h.evidence for h in found),
                        f"the sources give different homes for {names.get(entity, entity)}: {shown} (one place may "
                        "lie inside another)", "other", RESIDENCE_CONFIDENCE))
    return out


def _place_words(place: str) -> frozenset[str]:
    words = [w.lower() for w in _WORD.findall(place)]
    return frozenset(w for w in words if w != "s" and w not in _KIND_WORDS)


def _all_agree(places: Sequence[str]) -> bool:
    """Whether every two places agree: the words of one are all among the other's."""
    words = [_place_words(p) for p in places]
    return all(a <= b or b <= a for n, a in enumerate(words) for b in words[n + 1:])
