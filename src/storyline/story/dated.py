"""One action of one person or organisation put on different dates by different sources.

The per-article pass reads each action a sentence dates on the calendar (nlp/dated.py: "In 1970 , he was
indicted", indict, its patient Gigante, 1970). Here, two sources' actions are one action told twice where:

- the verb is the same; what it is done to is the same (the same cast entity, after the pronoun's person and
  rival spellings are resolved, or the same head word) or absent from both; who did it is the same where both
  say (a passive may leave it out: "was indicted" / "a grand jury indicted"); and a cast person or
  organisation is among the participants both give;
- their sentences share at least :data:`MIN_SHARED_TERMS` content words besides the verb and the
  participants' names ("indicted ... to bribe the entire five - member Old Tappan police force" / "indicted for
  bribing the entire five - man police force of Old Tappan"): a verb and a person alone do not make one
  occasion, since people are indicted, arrested and sentenced more than once.

Their dates conflict where they differ at the precision both give ("July 1973" / "June 27 , 1973" differ;
"1973" / "June 27 , 1973" do not), or, where one has no calendar date, by their weekdays ("died on Thursday" /
"died on Friday"; not where one is a night or the edge of a day and the other the day next to it, which a time
zone or midnight may explain). No source may give the action two dates: a source that does tells of two
occasions, and the others may each tell of one of them (an action of the same verb whose sentence shares
nothing with the others' is another occasion, and does not count). Each action so disputed is a conflicting
fact of kind ``date`` at :data:`DATED_CONFIDENCE`, with each source's words as evidence.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..nlp.dated import calendar_date, weekday_of
from ..nlp.timex import publication_day
from ..types import ArticleAnalysis, DatedAction, Entity, Evidence, Fact, TimeRef

# The confidence of two dates given to one action: set by hand (no data to fit it on), as high as the
# reports' shown threshold (report.markdown.SHOWN_CONFIDENCE), since sharing the verb, the person and the
# sentence's content words makes one occasion likely but not sure.
DATED_CONFIDENCE = 0.6
# Content words (besides the verb and the names) two sentences must share to tell of one occasion: set on the
# three candidate pairs of the dev events of benchmarks/compare (one gold conflict sharing one word, two
# indictments sharing none); the ECB+ unseen subtopics and the Multi-News tuning clusters had no candidates then.
MIN_SHARED_TERMS = 1
# Heads of a participant that say nothing of who it is: relative and indefinite pronouns.
_EMPTY_WORDS = frozenset("who whom which that what one this these those someone something it they".split())
_PARTIES = frozenset({"PERSON", "ORG", "NORP"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Words of a time that may put it across midnight from another source's day.
_LOOSE = re.compile(r"\b(?:night|overnight|late|early|evening|morning|midnight|dawn)\b", re.I)


def dated_conflicts(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity],
                    entity_of: dict[tuple[str, int], str], groups: Sequence[Sequence[Entity]] = ()) -> list[Fact]:
    """A conflicting fact of kind ``date`` for each action whose sources date it differently (see the module
    doc). ``entity_of``: the cast entity of each (source, mention start); ``groups``: the cast's rival
    spellings of one name (:func:`.spellings.spelling_groups`), one entity."""
    same = {e.id: group[0].id for group in groups for e in group}
    parties = {e.id for e in entities if e.type in _PARTIES}
    names = {e.id: e for e in entities}
    actions: list[_Told] = []
    for analysis in analyses:
        source = analysis.article.id
        for action in analysis.dated:
            if action.negated:
                continue
            agent = _party(source, action.agent, action.agent_word, entity_of, same)
            patient = _party(source, action.patient, action.patient_word, entity_of, same)
            if not any(p in parties for p in (agent, patient) if p is not None and not p.startswith("=")):
                continue
            terms = _terms(analysis, action, (agent, patient), names)
            time = analysis.times[action.time]
            actions.append(_Told(source, action, when_of(time, analysis.article.text), agent, patient, terms, time.text.strip(),
                                 Evidence(source, action.start, action.end,
                                          analysis.article.text[action.start:action.end]),
                                 analysis.article.published, time.planned))
    out: list[Fact] = []
    used: set[int] = set()
    for i, a in enumerate(actions):
        if i in used:
            continue
        members = [i] + [j for j in range(i + 1, len(actions)) if j not in used and _one_action(a, actions[j], parties)]
        told = [actions[j] for j in members]
        if len({t.source for t in told}) < 2:
            continue
        if _recurs(told, actions, parties):
            used.update(members)
            continue  # a source tells of two occasions
        if not any(_differ(x.when, y.when) and not _apart(x, y) for n, x in enumerate(told) for y in told[n + 1:]):
            continue
        used.update(members)
        who = next((names[p].name for p in (a.patient, a.agent) if p in names and p in parties), "")
        dates: dict[str, list[str]] = {}  # each date as written, with the sources that give it
        for t in told:
            dates.setdefault(t.written, []).append(t.source)
        shown = "; ".join(f"{date} in {', '.join(dict.fromkeys(sources))}" for date, sources in dates.items())
        out.append(Fact("", "conflicting", tuple(dict.fromkeys(t.source for t in told)),
                        tuple(t.evidence for t in told),
                        f"the sources give different dates for one action of {who} ({a.action.verb}): {shown}",
                        "date", DATED_CONFIDENCE))
    return out


@dataclass(frozen=True, slots=True, eq=False)
class _Told:
    """One source's dated action with its participants resolved ("=word" for a head word, not a name), its date
    and the date as written."""

    source: str
    action: DatedAction
    when: When
    agent: str | None
    patient: str | None
    terms: frozenset[str]
    written: str
    evidence: Evidence
    published: str | None = None  # its source's publication time
    planned: bool = False  # whether its time dates a plan (TimeRef.planned)


def _party(source: str, at: int | None, word: str | None, entity_of, same) -> str | None:
    if at is not None:
        entity = entity_of.get((source, at))
        return same.get(entity, entity) if entity is not None else None
    if word is None or word in _EMPTY_WORDS:
        return None
    return "=" + word


def _terms(analysis: ArticleAnalysis, action: DatedAction, parties, names) -> frozenset[str]:
    """The content words of the action's sentence, less the verb and the participants' names."""
    sentence = next((n for n, s in enumerate(analysis.sentences) if s.start <= action.start < s.end), None)
    if sentence is None or sentence >= len(analysis.terms):
        return frozenset()
    drop = set(action.verb.split())
    for p in parties:
        if p is None:
            continue
        if p.startswith("="):
            drop.add(p[1:])
        elif p in names:
            drop.update(w.lower() for w in names[p].name.split())
    return frozenset(t.lower() for t in analysis.terms[sentence]) - drop


def _apart(a: _Told, b: _Told) -> bool:
    """Whether two sources' actions are two occasions by their days (see :func:`after_its_report`)."""
    if a.when.calendar is None or b.when.calendar is None:
        return False
    return not a.planned and after_its_report(a.when.calendar, a.published, b.when.calendar) or \
        not b.planned and after_its_report(b.when.calendar, b.published, a.when.calendar)


def after_its_report(day: str, published: str | None, other_day: str) -> bool:
    """Whether a thing told on ``day``, in a report published at ``published``, had happened by that report's day,
    and another thing told (by another report) on ``other_day`` happened after it: no report tells of what
    happened after it came out (what it plans aside), so they are two occasions ("Mr. Sanders held a rally at
    Pennsylvania State University ... on Tuesday night", 19 April, in a report of the 21st, and a rally on 1 April
    in a report of 5 April, PolNeAR). Days are ISO dates; a month or a year alone says nothing here."""
    days = [publication_day(v) for v in (day, published, other_day)]
    return None not in days and days[0] <= days[1] < days[2]


def _one_action(a: _Told, b: _Told, parties: set[str]) -> bool:
    """Whether two sources' actions are one action told twice (see the module doc)."""
    if a.source == b.source or a.action.verb != b.action.verb:
        return False
    # (what is done to must be the same, or absent from both: "scored 20 points" is not "scored his first
    # bucket"; who did it may be left out of one, as a passive leaves it: "was indicted" / "a jury indicted")
    if a.patient != b.patient or (a.agent is not None and b.agent is not None and a.agent != b.agent):
        return False
    shared = any(p in parties for p in (a.patient, a.agent if a.agent == b.agent else None) if p is not None)
    return shared and len(a.terms & b.terms) >= MIN_SHARED_TERMS


def _recurs(told: Sequence[_Told], actions: Sequence[_Told], parties: set[str]) -> bool:
    """Whether a source tells of two occasions of one action: two of its actions with different dates are among
    those told, or among the actions that are one with any of them ("In 1969 , Gigante was indicted for bribing
    the police force of Old Tappan" and "Gigante was indicted in 1990 for bribing contractors", beside another
    source's "In 1970 , he was indicted for bribing the entire five - man police force"). An action of the same
    verb that shares nothing with any of them is another occasion, and leaves the rest alone ("Mr . Gigante was
    indicted in 1990 with 14 others on federal charges", ECB+ 26_1ecbplus)."""
    group = list(told)
    group += [u for u in actions if all(u is not t for t in told) and any(_one_action(u, t, parties) for t in told)]
    return any(x.source == y.source and _differ(x.when, y.when) for n, x in enumerate(group) for y in group[n + 1:])


@dataclass(frozen=True, slots=True)
class When:
    """When a source dates an action: its calendar value where the text gives one or a weekday resolves to one
    ("1973-07", "2009-02-01"), and the weekday it names (0 Monday)."""

    calendar: str | None
    weekday: int | None
    loose: bool = False  # a part of a day that may run into the next ("Thursday night", "late Friday")


def when_of(time: TimeRef, text: str = "") -> When:
    """The :class:`When` of a dated action's time expression (``text``: its article's, for the words around it:
    "late Thursday", "Thursday night")."""
    weekday = weekday_of(time)  # only a weekday the text names: a calendar date's own may be years away
    if weekday is None:
        return When(time.value if calendar_date(time) else None, None)
    day = time.value[:10] if time.value and _DAY.match(time.value) else None
    around = text[max(0, time.start - 12):time.end + 12] if text else time.text
    return When(day, weekday, bool(_LOOSE.search(around)))


def _differ(x: When, y: When) -> bool:
    """Whether two dates differ at the precision both give ("1973-07" / "1973-06-27" do; "1973" / "1973-06-27"
    do not), or, where one has no calendar date, by their weekdays ("Friday" / "Thursday"; not where either
    is a night or the edge of a day, which may run into the next: "late Thursday" / "early Friday")."""
    if x.calendar and y.calendar:
        n = min(len(x.calendar), len(y.calendar))
        if x.calendar[:n] == y.calendar[:n]:
            return False
        if n == 10 and (x.loose or y.loose):  # two days resolved from weekdays, one of them a night
            apart = abs((datetime.date.fromisoformat(x.calendar) - datetime.date.fromisoformat(y.calendar)).days)
            return apart != 1
        return True
    if x.weekday is None or y.weekday is None or x.weekday == y.weekday:
        return False
    return not ((x.loose or y.loose) and (x.weekday - y.weekday) % 7 in (1, 6))
