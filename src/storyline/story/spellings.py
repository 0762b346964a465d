"""Names the sources spell differently: "Anthony Calamita" in one report, "Anthony LaCalamita" in the others.

A reader checking a story needs to know when outlets disagree on a name, for one of them has it wrong. The
cast keeps two spellings as two entities (it merges forms of one name, not rival spellings), so they are
found here, among the cast's people and organisations:

- both names have the same words but one ("Tallgrass Distributors Ltd." / "TallGrass Distribution Ltd."),
  after case, spacing, hyphens, legal endings ("Ltd", "Limited", "Inc"), a plural "s" and British or
  American forms are set aside: "TallGrass" and "Tall Grass", "Tony Award" and "Tony Awards", "Kodak
  Theatre" and "Kodak Theater" are one spelling;
- the words that differ are spelled alike (`SIMILAR`), and are not a first name beside the same surname
  ("John Smith" / "Joan Smith" may be two people);
- no source writes both spellings in full: within one report two spellings are two names (a surname alone in
  the other spelling is the report's own slip: "Duncan Rait", then "Raite"); and each spelling is written by
  a source that never writes the other (one report's "Woodward", then "Bob Woodard 's" is its slip).

Each is a conflicting fact of kind ``other``, with each source's first use of its spelling as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from ..types import Entity, Evidence, Fact

# How alike (rapidfuzz ratio, 0-100) the differing words of two names must be to be spellings of one word:
# set by hand on the ECB+ dev events of benchmarks/compare ("calamita" / "lacalamita" 89, "distributors" /
# "distribution" 83), above the ratio of unrelated surnames of one length ("smith" / "smyth" is 80 and is
# kept, "jones" / "james" is 60 and is not).
SIMILAR = 80
# The confidence of a spelling difference: set by hand (no data to fit it on); the two names may still be
# two different people or firms of one story.
SPELLING_CONFIDENCE = 0.6
# Words shorter than this are not compared for spelling ("Jr" / "Sr", initials).
MIN_WORD = 4
# British endings and their American forms (-tre, -our, -ise and its derivatives), as a spelling difference
# that is no disagreement about a name.
_BRITISH = (("tre", "ter"), ("tres", "ters"), ("our", "or"), ("ours", "ors"), ("isation", "ization"),
            ("ise", "ize"), ("ised", "ized"))
_LEGAL = frozenset("ltd limited inc incorporated corp corporation co llc plc gmbh ag sa the".split())
# Endings that make a word of a name ("Journal-ers", "Trump-ian", "Clinton-ite", "Reagan-ism"), after a final "s"
# is set aside (_form): such a word is no spelling of the name.
_DERIVED = frozenset({"er", "ian", "ite", "ist", "ism", "esque"})
_WORD = re.compile(r"[^\W_]+")
_POSSESSIVE = re.compile(r"\s*['’]s?$")


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    """A name's words as spellings are compared (each pair of cast names reads them: computed once a name)."""
    # (a hyphen joins: "Co-operation" is "Cooperation", not the legal "Co" and "operation"; ECB+ 11_ecb)
    return tuple(_form(w) for w in _WORD.findall(re.sub(r"(?<=\w)-(?=\w)", "", name.lower())) if w not in _LEGAL)


def _form(word: str) -> str:
    """A word with the differences that are no disagreement set aside: a plural "s" ("Tony Awards" / "Tony
    Award", "Motion Pictures" / "Motion Picture") and British and American forms ("Centre" / "Center",
    "Theatre" / "Theater", "Labour" / "Labor", "Organisation" / "Organization")."""
    for british, american in _BRITISH:
        if word.endswith(british) and len(word) > len(british) + 2:
            word = word[: -len(british)] + american
            break
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > MIN_WORD else word


def _differing(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, str, str] | None:
    """The one word two names differ in (its position and both spellings), or None. Words run together by one
    source and apart by another ("TallGrass" / "Tall Grass") are one spelling."""
    if "".join(a) == "".join(b):
        return None
    if len(a) != len(b):
        return None
    diff = [(n, x, y) for n, (x, y) in enumerate(zip(a, b)) if x != y]
    return diff[0] if len(diff) == 1 else None


def spelling_groups(entities: Sequence[Entity]) -> list[list[Entity]]:
    """The cast's people and organisations that are one name spelled two or more ways (see the module doc), each
    group in the cast's order: "TallGrass Distribution", "TallGrass Distribution Ltd." and "Tallgrass
    Distributors Ltd." make one group. Names of one spelling only make none."""
    named = [e for e in entities if e.type in ("PERSON", "ORG") and len(_words(e.name)) >= 2]
    group = list(range(len(named)))

    def root(i: int) -> int:
        while group[i] != i:
            group[i] = group[group[i]]
            i = group[i]
        return i

    full = {e.id: _full_sources(e) for e in named}  # read once an entity, not once a pair
    for i, a in enumerate(named):
        for j in range(i + 1, len(named)):
            if _spelled_apart(a, named[j], full):
                group[root(j)] = root(i)
    members: dict[int, list[Entity]] = {}
    for i, e in enumerate(named):
        members.setdefault(root(i), []).append(e)
    return [found for found in members.values() if len({"".join(_words(e.name)) for e in found}) >= 2]


def spelling_conflicts(entities: Sequence[Entity], groups: Sequence[Sequence[Entity]] | None = None) -> list[Fact]:
    """A conflicting fact of kind ``other`` for each name the cast holds in two or more spellings (``groups``:
    :func:`spelling_groups` of the cast, where the caller has them already)."""
    out = []
    for found in spelling_groups(entities) if groups is None else groups:
        spellings: dict[str, list[Entity]] = {}
        for e in found:
            spellings.setdefault("".join(_words(e.name)), []).append(e)
        evidence = tuple(m for es in spellings.values() for e in es for m in _first_mentions(e))
        sources = tuple(dict.fromkeys(e.source for e in evidence))
        parts = []
        for es in spellings.values():
            used = sorted({s for e in es for s in _full_sources(e)})
            parts.append(f"\"{max((e.name for e in es), key=len)}\" in {', '.join(used)}")
        out.append(Fact("", "conflicting", sources, evidence,
                        "the sources spell the name differently: " + "; ".join(parts), "other", SPELLING_CONFIDENCE))
    return out


def _spelled_apart(a: Entity, b: Entity, full: dict[str, set[str]]) -> bool:
    """Whether two cast entities of different sources are one name spelled two ways (see the module doc;
    ``full``: each entity's `_full_sources`, by id)."""
    if a.type != b.type:
        return False
    full_a, full_b = full[a.id], full[b.id]
    if full_a & full_b:
        return False
    if not (full_a - set(b.sources) and full_b - set(a.sources)):
        return False  # a spelling only a report that also writes the other has: its slip ("Woodward", "Bob Woodard 's")
    # each entity's name and its other forms of two words or more ("Duncan Robert Rait" is also "Duncan Rait",
    # which one outlet spells "Duncan Raite": ECB+ 23_ecbplus, dev)
    return any(_spelled_apart_names(a.type, x, y) for x in _forms(a) for y in _forms(b))


def _forms(entity: Entity) -> list[str]:
    return [entity.name, *(n for n in entity.aliases if len(_words(n)) >= 2)]


def _full_sources(entity: Entity) -> set[str]:
    """The sources that write one of the entity's names of two words or more: a report that writes "Duncan Rait"
    and, once, "Raite" alone has a slip of its own, not a second name."""
    forms = {_words(f) for f in _forms(entity)}
    return {m.source for m in entity.mentions if _words(_POSSESSIVE.sub("", m.text)) in forms} or set(entity.sources)


def _spelled_apart_names(kind: str, a: str, b: str) -> bool:
    found = _differing(_words(a), _words(b))
    if found is None:
        return "".join(_words(a)) == "".join(_words(b))  # one spelling, written apart or with "Ltd."
    position, x, y = found
    if min(len(x), len(y)) < MIN_WORD or fuzz.ratio(x, y) < SIMILAR:
        return False
    short, long = sorted((x, y), key=len)
    if long.startswith(short) and long[len(short):] in _DERIVED:
        return False  # "Wall Street Journal-ers" (PolNeAR, Breitbart): a word made of the name, not its spelling
    return not (kind == "PERSON" and position == 0)  # "John Smith" / "Joan Smith": maybe two people


def _first_mentions(entity: Entity) -> list[Evidence]:
    """The entity's first mention in each of its sources."""
    first: dict[str, Evidence] = {}
    for m in sorted(entity.mentions, key=lambda m: (m.source, m.start)):
        first.setdefault(m.source, m)
    return [first[s] for s in entity.sources if s in first]
