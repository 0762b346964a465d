"""One action of one person or organisation put on different dates by different sources.

The per-article pass reads each action a sentence dates on the calendar (nlp/dated.py: "In 1970 , he was
indicted", indict, its patient Gigante, 1970). Here, two sources' actions are one action told twice where:

- the verb is the same, and every participant both name is the same: the same cast entity (after the
  pronoun's person and rival spellings are resolved), or the same head word; at least one participant is a
  cast person or organisation both name;
- their sentences share at least :data:`MIN_SHARED_TERMS` content words besides the verb and the
  participants' names ("indicted ... to bribe the entire five - member Old Tappan police force" / "indicted for
  bribing the entire five - man police force of Old Tappan"): a verb and a person alone do not make one
  occasion, since people are indicted, arrested and sentenced more than once.

Their dates conflict where they differ at the precision both give ("July 1973" / "June 27 , 1973" differ;
"1973" / "June 27 , 1973" do not). No source may give the action two dates: a source that does tells of two
occasions, and the others may each tell of one of them. Each action so disputed is a conflicting fact of kind
``date`` at :data:`DATED_CONFIDENCE`, with each source's words as evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..types import ArticleAnalysis, DatedAction, Entity, Evidence, Fact

# The confidence of two dates given to one action: set by hand (no data to fit it on), as high as the
# reports' shown threshold (report.markdown.SHOWN_CONFIDENCE), since sharing the verb, the person and the
# sentence's content words makes one occasion likely but not sure.
DATED_CONFIDENCE = 0.6
# Content words (besides the verb and the names) two sentences must share to tell of one occasion: tuned on
# the dev events of benchmarks/compare, the ECB+ unseen subtopics and the Multi-News tuning clusters.
MIN_SHARED_TERMS = 1
# Heads of a participant that say nothing of who it is: relative and indefinite pronouns.
_EMPTY_WORDS = frozenset("who whom which that what one this these those someone something it they".split())
_PARTIES = frozenset({"PERSON", "ORG", "NORP"})


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
            actions.append(_Told(source, action, analysis.times[action.time].value or "", agent, patient, terms,
                                 Evidence(source, action.start, action.end,
                                          analysis.article.text[action.start:action.end])))
    out: list[Fact] = []
    used: set[int] = set()
    for i, a in enumerate(actions):
        if i in used:
            continue
        told = [a] + [b for b in actions[i + 1:] if _one_action(a, b, parties)]
        if len({t.source for t in told}) < 2:
            continue
        if any(_recurs(t, actions) for t in told):
            used.update(actions.index(t) for t in told)
            continue  # a source tells of two occasions
        if not any(_differ(x.value, y.value) for n, x in enumerate(told) for y in told[n + 1:]):
            continue
        used.update(actions.index(t) for t in told)
        who = next((names[p].name for p in (a.patient, a.agent) if p in names and p in parties), "")
        shown = "; ".join(f"{t.evidence.text.strip()} in {t.source}" for t in told)
        out.append(Fact("", "conflicting", tuple(dict.fromkeys(t.source for t in told)),
                        tuple(t.evidence for t in told),
                        f"the sources date one action of {who} differently: {shown}", "date", DATED_CONFIDENCE))
    return out


class _Told:
    """One source's dated action with its participants resolved ("=word" for a head word, not a name)."""

    __slots__ = ("source", "action", "value", "agent", "patient", "terms", "evidence")

    def __init__(self, source: str, action: DatedAction, value: str, agent: str | None, patient: str | None,
                 terms: frozenset[str], evidence: Evidence) -> None:
        self.source, self.action, self.value = source, action, value
        self.agent, self.patient, self.terms, self.evidence = agent, patient, terms, evidence


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
    drop = {action.verb}
    for p in parties:
        if p is None:
            continue
        if p.startswith("="):
            drop.add(p[1:])
        elif p in names:
            drop.update(w.lower() for w in names[p].name.split())
    return frozenset(t.lower() for t in analysis.terms[sentence]) - drop


def _one_action(a: _Told, b: _Told, parties: set[str]) -> bool:
    """Whether two sources' actions are one action told twice (see the module doc)."""
    if a.source == b.source or a.action.verb != b.action.verb:
        return False
    shared = False
    for x, y in ((a.agent, b.agent), (a.patient, b.patient)):
        if x is not None and y is not None:
            if x != y:
                return False
            shared = shared or x in parties
    return shared and len(a.terms & b.terms) >= MIN_SHARED_TERMS


def _recurs(told: _Told, actions: Sequence[_Told]) -> bool:
    """Whether the source of an action dates the same verb of the same participant differently elsewhere."""
    mine = {p for p in (told.agent, told.patient) if p is not None and not p.startswith("=")}
    return any(u.source == told.source and u is not told and u.action.verb == told.action.verb
               and mine & {u.agent, u.patient} and _differ(u.value, told.value) for u in actions)


def _differ(x: str, y: str) -> bool:
    """Whether two dates differ at the precision both give ("1973-07" / "1973-06-27" do; "1973" / "1973-06-27"
    do not)."""
    n = min(len(x), len(y))
    return x[:n] != y[:n]
