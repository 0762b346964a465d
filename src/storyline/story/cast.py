"""The cast: named-entity mentions merged into one entity per person or organisation.

People are merged by name: a full name ("Benny Gantz") gathers its surname ("Gantz"),
titled forms ("Minister Gantz" is parsed as title + "Gantz") and possessives. A name
spaCy labelled ORG in one sentence but PERSON elsewhere joins the person. Other
entities are merged by a normalised name, with acronyms ("US" / "United States").
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from ..types import ArticleAnalysis, Entity, EntityRole, Evidence, Mention
from .described import ORGANISATION_NOUNS, described_mentions, role_heads

# Entity types in the order used to break a tie in the type vote.
TYPE_PRIORITY = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")
# Labels under which a lone surname is never taken for a person (a place named
# "Washington" is not George Washington) unless PERSON readings of it outnumber them.
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Two full names with the same surname are one person when their first names are this
# similar (rapidfuzz ratio, 0-100): catches spelling variants such as "Volodymyr"/"Volodimir".
# Set on the seeds and MEANTIME's cross-document person chains.
FIRST_NAME_SIMILARITY = 85
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# Common English short forms of first names, to their full form.
NICKNAMES = {
    "joe": "joseph", "bill": "william", "will": "william", "billy": "william", "bob": "robert",
    "rob": "robert", "bobby": "robert", "mike": "michael", "jim": "james", "jimmy": "james",
    "tom": "thomas", "dick": "richard", "rick": "richard", "chuck": "charles", "charlie": "charles",
    "ted": "edward", "ed": "edward", "ned": "edward", "bibi": "benjamin", "tony": "anthony",
    "antony": "anthony", "dave": "david", "steve": "stephen", "kate": "katherine", "liz": "elizabeth",
    "beth": "elizabeth", "pat": "patrick", "matt": "matthew", "andy": "andrew", "larry": "lawrence",
    "jerry": "gerald", "jack": "john", "hank": "henry", "fred": "frederick", "bernie": "bernard",
    "mitch": "mitchell", "jake": "jacob", "peggy": "margaret", "maggie": "margaret", "sue": "susan",
    "nancy": "ann", "sandy": "sandra", "vlad": "vladimir", "newt": "newton",
}
# Head nouns of roles that make a name a vehicle, not a person ("INS Mysore, a Delhi-class destroyer").
VEHICLE_NOUNS = frozenset("""ship vessel warship destroyer frigate cruiser corvette trawler boat speedboat
tanker freighter ferry yacht tug aircraft plane jet airliner helicopter submarine carrier""".split())
# Last words of a name that make it an institution's, never a person's ("Surrey Police" was PERSON in two of
# four ECB+ 14_ecb articles): no surname ("Court", "Bank" are surnames too, so they are left out).
INSTITUTION_HEADS = frozenset("""police fire council ministry department agency army navy union party authority
committee commission service services brigade government university hospital""".split())
# Words before a surname that title it rather than give another name ("Chief Craft"; abbreviated
# titles end with a dot: "Capt. Tennant", "Const. Fanning").
NAME_TITLES = frozenset("""mr mrs ms miss dr sir dame chief captain constable sergeant officer trooper
detective sheriff undersheriff lieutenant inspector superintendent commissioner commander commodore
admiral general colonel major president minister governor senator judge justice mayor deputy professor
father pastor rabbi""".split())
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*[a-z][\w'’-]*\b")
# Alternative names that normalise to one key.
NAME_ALIASES = {"america": "united states", "britain": "united kingdom", "great britain": "united kingdom"}


@dataclass
class _Group:
    """Mentions being merged into one entity."""

    items: list[tuple[str, Mention]] = field(default_factory=list)
    full_names: Counter = field(default_factory=Counter)


def normalise(name: str) -> str:
    """A name folded for matching: accents, case, dots, possessives and 'the' removed."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[’']s?$", "", text.strip())
    text = text.replace(".", "").replace("’", "'")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"[^\w' -]", " ", text)
    return " ".join(text.split())


def _person_tokens(name: str) -> list[str]:
    tokens = normalise(name).replace("-", " ").split()
    while len(tokens) > 1 and tokens[-1] in NAME_SUFFIXES:
        tokens.pop()
    return tokens


def _acronym(name: str) -> str | None:
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else None


def _same_person(tokens: list[str], other_name: str) -> bool:
    """Two full names with one surname: same first name, or one's first name inside the other."""
    other = _person_tokens(other_name)
    return (_same_first_name(tokens[0], other[0]) or other[0] in tokens[:-1] or tokens[0] in other[:-1])


def _same_first_name(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if NICKNAMES.get(a) == b or NICKNAMES.get(b) == a or NICKNAMES.get(a, a) == NICKNAMES.get(b, b):
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):  # "Alex" / "Alexander"
        return True
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY


def build_cast(analyses: Iterable[ArticleAnalysis]) -> tuple[tuple[Entity, ...], dict[tuple[str, int], str]]:
    """Merge the named-entity mentions of a story's articles into entities.

    Returns:
        The entities (people first, then by number of mentions), and a map from
        ``(source id, mention start)`` to entity id, for linking spans to the cast.
    """
    # (no names from page furniture: "Photo by Justin Sullivan/Getty Images" names no one in the story)
    analyses = list(analyses)
    mentions = [(a.article.id, m) for a in analyses for m in a.mentions if m.sentence not in a.furniture]
    mentions = aged_names(analyses, mentions)
    mentions += untagged_names(analyses, mentions)
    people, others = _group_people(mentions)
    groups = people + _group_others(others)
    entities = [_to_entity(g) for g in groups]
    entities = _assign_ids(entities)
    # where the articles describe a person rather than name them ("the city 's police chief", "the
    # official said") counts as a mention of them too
    named = {(ev.source, ev.start): e.id for e in entities for ev in e.mentions}
    described = described_mentions(analyses, entities, named)
    entities = [replace(e, mentions=tuple(sorted((*e.mentions, *described.get(e.id, ())),
                                                 key=lambda ev: (ev.source, ev.start))))
                for e in entities]
    order = {name: i for i, name in enumerate(TYPE_PRIORITY)}
    entities.sort(key=lambda e: (e.type != "PERSON", -sum(1 for ev in e.mentions if (ev.source, ev.start) in named),
                                 order.get(e.type, 99), e.name))  # people named most first
    index = {(ev.source, ev.start): e.id for e in entities for ev in e.mentions}
    return tuple(entities), index


def _group_people(mentions: list[tuple[str, Mention]]) -> tuple[list[_Group], list[tuple[str, Mention]]]:
    """Cluster person mentions (and mislabelled ones) by name; return the rest apart."""
    person_single = Counter()
    place_single = Counter()
    for _, m in mentions:
        tokens = _person_tokens(m.name)
        if len(tokens) == 1:
            (person_single if m.label == "PERSON" else place_single if m.label in PLACE_LABELS else Counter())[tokens[0]] += 1
    # 1. Full names, merged when surname and first name agree.
    groups: list[_Group] = []
    by_surname: dict[str, list[_Group]] = defaultdict(list)
    rest = []
    for source, m in mentions:
        tokens = _person_tokens(m.name)
        if m.label != "PERSON" or len(tokens) < 2 or len(tokens[-1]) == 1:  # ("Robert J." ends with an initial)
            rest.append((source, m))
            continue
        group = next((g for g in by_surname[tokens[-1]] if any(_same_person(tokens, f) for f in g.full_names)), None)
        if group is None:
            group = _Group()
            groups.append(group)
            by_surname[tokens[-1]].append(group)
        group.items.append((source, m))
        group.full_names[m.name] += 1
    # 2. Single names join the full name they end; a lone PERSON name starts its own group.
    others = []
    singles: dict[str, _Group] = {}
    for source, m in rest:
        tokens = _person_tokens(m.name)
        key = " ".join(tokens)
        candidates = by_surname.get(tokens[-1], []) if len(tokens) == 1 else []
        if len(tokens) >= 2 and not candidates:
            # "Undersheriff James Gage" (spaCy: WORK_OF_ART) ends with a person's full name; "Robert J." opens
            # exactly one ("Robert J. Pickell")
            candidates = [g for g in groups if any(
                (len(f) >= 2 and tokens[-len(f):] == f) or (len(tokens[-1]) == 1 and f[:len(tokens)] == tokens)
                for f in map(_person_tokens, g.full_names))]
            candidates = candidates if len(candidates) == 1 else []
        if len(tokens) >= 2 and not candidates and all(t in NAME_TITLES for t in tokens[:-1]):
            candidates = by_surname.get(tokens[-1], [])  # "Chief Craft" (spaCy: ORG) is Charles Craft
        if not candidates and key in singles:
            candidates = [singles[key]]
        if not candidates and len(tokens) == 1 and m.label == "PERSON":
            # "Hillary" alone is Hillary Clinton when she is the only Hillary in the story.
            by_first = [g for g in groups if any(_person_tokens(f)[0] == key for f in g.full_names)]
            candidates = by_first if len(by_first) == 1 else []
        if candidates and m.label in PLACE_LABELS and place_single[key] >= person_single[key]:
            candidates = []
        if m.label not in ("PERSON",) and not candidates:
            others.append((source, m))
            continue
        if len(candidates) > 1:
            candidates = sorted(candidates, key=lambda g: (-_count_in(g, source), -len(g.items)))
        if candidates:
            candidates[0].items.append((source, m))
            continue
        if len(tokens) == 1 and person_single[key] == 0:
            others.append((source, m))
            continue
        group = _Group()
        group.items.append((source, m))
        singles[key] = group
        groups.append(group)
    # A lone surname group may still match a full-name group found later in the list.
    return [g for g in groups if g.items], others


def _count_in(group: _Group, source: str) -> int:
    return sum(1 for s, m in group.items if s == source and m.name in group.full_names)


def _group_others(mentions: list[tuple[str, Mention]]) -> list[_Group]:
    """Merge non-person mentions by normalised name and acronym."""
    groups: dict[str, _Group] = {}
    order: list[str] = []
    for source, m in mentions:
        key = normalise(m.name)
        key = NAME_ALIASES.get(key, key)
        if m.label == "NORP" and key.endswith("s") and len(key) > 4:
            key = key[:-1]  # "Palestinians" and "Palestinian" are one group
        if key not in groups:
            groups[key] = _Group()
            order.append(key)
        groups[key].items.append((source, m))
    # Acronyms: "US" joins "United States" when both appear.
    acronyms = {}
    for key in order:
        names = {m.name for _, m in groups[key].items}
        for name in names:
            acro = _acronym(name)
            if acro and acro != key:
                acronyms.setdefault(acro, key)
    for key in list(order):
        target = acronyms.get(key.replace(" ", ""))
        if target and target in groups and target != key and len(key) <= 5:
            groups[target].items.extend(groups.pop(key).items)
            order.remove(key)
    return [groups[k] for k in order]


def _to_entity(group: _Group) -> Entity:
    items = sorted(group.items, key=lambda sm: (sm[0], sm[1].start))
    labels = Counter(m.label for _, m in items)
    if group.full_names or labels["PERSON"] > 0 and all(_person_tokens(m.name)[-1:] == _person_tokens(items[0][1].name)[-1:] for _, m in items):
        etype = "PERSON" if labels["PERSON"] else labels.most_common(1)[0][0]
        if etype == "PERSON":
            etype = _used_as(items, labels)
    else:
        order = {name: i for i, name in enumerate(TYPE_PRIORITY)}
        etype = min(labels, key=lambda lab: (-labels[lab], order.get(lab, 99)))
    names = Counter(m.name for _, m in items)
    if group.full_names:
        name = max(group.full_names, key=lambda n: (group.full_names[n], len(n)))
    else:
        multi = [n for n in names if len(n.split()) > 1]
        pool = multi or list(names)
        name = max(pool, key=lambda n: (names[n], len(n), n))
    aliases = sorted({n for n in names if n != name}, key=lambda n: (-names[n], n))
    return Entity(
        id="",
        name=name,
        type=etype,
        aliases=tuple(aliases),
        roles=_merge_roles(items),
        sources=tuple(dict.fromkeys(s for s, _ in group.items)),
        mentions=tuple(Evidence(s, m.start, m.end, m.text) for s, m in items),
    )


def _used_as(items: list[tuple[str, Mention]], labels: Counter) -> str:
    """The type of a name spaCy labelled PERSON at least once, from how the story uses it: a person,
    unless its other labels and the roles the articles give it outnumber its PERSON labels and person
    roles ("Marion County" once PERSON, three times GPE), a PERSON name with a title before it counting as a
    PERSON label whatever its own; and a thing when every role it is given is a
    vehicle's or an organisation's ("INS Mysore, a Delhi-class destroyer"; "Gordon Advisors, the
    accounting firm")."""
    if any(len(words := m.name.split()) > 1 and words[-1].lower() in INSTITUTION_HEADS for _, m in items):
        return "ORG"  # "Surrey Police", "Surrey Fire": an institution, however often the recogniser says PERSON
    person, things, roles = labels["PERSON"], Counter(), Counter()
    for _, m in items:
        for role in m.roles:
            heads = role_heads(role.text)
            if heads & VEHICLE_NOUNS:
                roles["PRODUCT"] += 1
            elif heads & ORGANISATION_NOUNS:
                roles["ORG"] += 1
            elif heads:
                person += 1
    if roles and person == labels["PERSON"]:  # given roles, all of a thing's: the thing it is said to be
        return roles.most_common(1)[0][0]
    things.update(roles)
    # a name the recogniser tagged PERSON, with a title before it in a span it tagged otherwise ("Undersheriff
    # James Gage" as WORK_OF_ART, ECB+ 18_11ecbplus): a person's name, whatever the label
    full = {tuple(m.name.lower().split()) for _, m in items if m.label == "PERSON" and len(m.name.split()) >= 2}
    titled = Counter(m.label for _, m in items if m.label != "PERSON" and any(
        len(words := m.name.lower().split()) > len(f) and tuple(words[-len(f):]) == f for f in full))
    person += sum(titled.values())
    for label, n in (labels - titled).items():
        if label != "PERSON":
            things[label] += n
    if sum(things.values()) <= person:
        return "PERSON"
    order = {name: i for i, name in enumerate(TYPE_PRIORITY)}
    return min(things, key=lambda lab: (-things[lab], order.get(lab, 99)))


def aged_names(analyses: list[ArticleAnalysis], mentions: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """The mentions, with a name some article gives an age relabelled a person's, wherever the story writes it.

    The recogniser may tag a person's name an organisation or a place in every sentence of a story ("Mark
    Teixeira" ORG, "Wladimir Klitschko" NORP and GPE: ECB+ 10_ecb, 7_ecb), and such a name then has no person
    for a pronoun, an age or a description to stand for. An age given to the name itself ("Teixeira , 28 ,",
    "the 32-year-old Klitschko") says it is a person's. Every mention of that name, and of a longer name it
    ends ("Mark Teixeira"), is then labelled PERSON. Not an institution's name ("Surrey Police").
    """
    aged: set[tuple[str, ...]] = set()
    by_source: dict[str, list[Mention]] = defaultdict(list)
    for source, m in mentions:
        by_source[source].append(m)
    for analysis in analyses:
        for figure in analysis.figures:
            if figure.what != "age" or figure.person is None:
                continue
            start, end = figure.person
            for m in by_source.get(analysis.article.id, ()):
                tokens = _person_tokens(m.name)
                if m.start < end and start < m.end and tokens and \
                        tokens[-1] not in INSTITUTION_HEADS and _CAPITALISED.match(m.name):
                    aged.add(tuple(tokens))
    if not aged:
        return mentions
    out = []
    for source, m in mentions:
        tokens = tuple(_person_tokens(m.name))
        if m.label != "PERSON" and tokens and any(tokens[-len(a):] == a for a in aged):
            m = replace(m, label="PERSON")
        out.append((source, m))
    return out


def untagged_names(analyses: Iterable[ArticleAnalysis], mentions: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """A story person's name where an article writes it and spaCy tagged nothing: "Capt. Tennant",
    "Chief Craft", "Woodburn Chief of Police Scott Russell" when the story names Tom Tennant, Charles
    Craft and Scott Russell. Only surnames of full names spaCy labelled PERSON, never one it labelled a
    place or organisation on its own anywhere in the story ("Washington") unless written with the person's
    first name ("Raj Chohan" in a headline spaCy tagged nothing in, where another article tags "Chohan" alone
    as an organisation: ECB+ 21_3ecbplus), never inside a longer name ("Russell Street", "Jane Russell" for
    Scott Russell)."""
    full: dict[str, set[str]] = defaultdict(set)
    elsewise = set()
    for _, m in mentions:
        tokens = _person_tokens(m.name)
        if m.label == "PERSON" and len(tokens) >= 2 and len(tokens[-1]) > 2:
            full[tokens[-1]].add(tokens[-2])
        elif len(tokens) == 1 and m.label != "PERSON":
            elsewise.add(tokens[0])
    out = []
    for analysis in analyses:
        text = analysis.article.text
        taken = [(m.start, m.end) for m in analysis.mentions]
        starts = [s.start for s in analysis.sentences]
        for match in _CAPITALISED.finditer(text):
            key = normalise(match.group())
            if key not in full or analysis.in_furniture(match.start()) or \
                    any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if _CAPITALISED.match(text, match.end() + 1) and text[match.end():match.end() + 1] == " ":
                continue  # "Russell Street": a longer name
            start = match.start()
            before = re.search(r"([\w.'-]+)\s+$", text[max(0, start - 30):start])
            first = False  # written with the person's first name ("Raj Chohan")
            if before is not None and before.group(1)[:1].isupper() and not before.group(1).endswith(".") \
                    and before.group(1).lower() not in NAME_TITLES:
                if normalise(before.group(1)) not in full[key]:
                    continue  # "Jane Russell" is not Scott Russell
                start -= len(before.group(0))
                first = True
            if key in elsewise and not first:
                continue  # a surname that is also a place's name alone ("Washington"); "Raj Chohan" is her
            sentence = bisect_right(starts, start) - 1
            name = text[start:match.end()]
            out.append((analysis.article.id, Mention(start, match.end(), name, "PERSON", name, sentence)))
    return out


def _merge_roles(items: list[tuple[str, Mention]]) -> tuple[EntityRole, ...]:
    """Gather the roles of all mentions, dropping one contained in a longer one."""
    found: dict[str, tuple[str, str, list[Evidence]]] = {}
    for source, m in items:
        for role in m.roles:
            key = " ".join(role.text.casefold().split())
            if key not in found:
                found[key] = (role.text, role.kind, [])
            found[key][2].append(Evidence(source, role.start, role.end, role.text))
    keys = list(found)
    kept = [k for k in keys if not any(k != o and re.search(rf"\b{re.escape(k)}\b", o) for o in keys)]
    return tuple(EntityRole(found[k][0], found[k][1], tuple(found[k][2])) for k in kept)


def _assign_ids(entities: list[Entity]) -> list[Entity]:
    used: Counter = Counter()
    out = []
    for entity in entities:
        slug = re.sub(r"[^a-z0-9]+", "-", normalise(entity.name)).strip("-") or "entity"
        used[slug] += 1
        out.append(replace(entity, id=slug if used[slug] == 1 else f"{slug}-{used[slug]}"))
    return out
