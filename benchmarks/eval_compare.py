"""Score Storyline's comparison of sources against the hand-made gold set (benchmarks/compare/).

    python -m benchmarks.eval_compare [--split dev|test|all] [--events A,B] [--json] [--errors]

Each gold event's articles are analysed as one story (with the publication dates the gold gives), and
the report is matched to the gold items: a report item matches a gold one when its evidence span in that
source overlaps the gold text. The figures (issue 27):

- conflicts: incompatible gold conflicts found; all gold conflicts found; reported conflicts (facts
  marked conflicting, and figures rows that differ or changed) that match a gold conflict;
- corroborated facts found (a corroborated fact with evidence on the gold evidence in two of its
  sources), and traps matched (a corroborated fact with evidence on both sides of a `not_same` pair);
- key figures listed with the right value and source;
- quotes: of gold quotes found, speaker right; named people called anonymous;
- people: descriptions resolved to the right cast member.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter

from .compare_gold import Event, Spot, load_events

# A report span matches a gold span when they share at least this many characters (or one holds the other).
MIN_OVERLAP = 3


def analyse(event: Event, cache: str | None = None):
    """The story report Storyline makes of an event's articles.

    With ``cache`` (a folder), each event's per-article analyses are pickled there and reused: for work on
    the story stage only. Empty the folder whenever the per-article pass (``storyline.nlp``) changes.
    """
    from storyline import make_article
    from storyline.api import story_from_articles

    articles = [make_article(text, doc_id, published=event.published.get(doc_id)) for doc_id, text in event.texts.items()]
    if cache is None:
        return story_from_articles(articles, processes=1, summary_words=0)
    import pickle
    from pathlib import Path

    from storyline.nlp.pipeline import analyze
    from storyline.story import build_story

    path = Path(cache) / f"{event.name}.pickle"
    if path.exists():
        analyses = pickle.loads(path.read_bytes())
    else:
        analyses = list(analyze(articles, processes=1))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(analyses))
    return build_story(analyses, [], story=articles[0].story, summary_words=0)


def overlaps(a_start: int, a_end: int, b: Spot) -> bool:
    shared = min(a_end, b.end) - max(a_start, b.start)
    return shared >= MIN_OVERLAP or (shared > 0 and (a_end - a_start <= MIN_OVERLAP or b.end - b.start <= MIN_OVERLAP))


def _covers(evidence, spot: Spot) -> bool:
    return any(e.source == spot.source and overlaps(e.start, e.end, spot) for e in evidence)


def reported_conflicts(report) -> list[tuple[str, list]]:
    """Every disagreement the report shows: conflicting facts (a figures row that differs is one), and
    figures rows that changed between an earlier and a later report."""
    out = [(f"fact {f.id} ({f.kind or 'other'}): {f.note[:60]}", list(f.evidence))
           for f in report.facts if f.status == "conflicting"]
    out += [(f"figure {f.id} {f.what} ({f.status})", list(f.values)) for f in report.figures if f.status == "changed"]
    return out


_HAPPENING_WORDS = {
    "killed": ("kill", "dead", "death", "die", "fatal", "casualt", "toll"),
    "injured": ("injur", "wound", "hurt"),
    "magnitude": ("magnitude", "richter"),
    "money": ("$", "money", "worth", "value", "dollar", "euro", "million", "stolen", "amount"),
    "missing": ("missing",),
    "arrested": ("arrest", "detain"),
}


def _gold_happening(what: str) -> str | None:
    what = what.lower()
    return next((h for h, stems in _HAPPENING_WORDS.items() if any(s in what for s in stems)), None)


def score_event(event: Event, report) -> dict:
    gold = event.gold
    out: dict = {"event": event.name, "split": event.split}
    errors: list[str] = []
    # ---- conflicts
    conflicts = reported_conflicts(report)
    matched_reported = set()
    found_incompatible = found_all = incompatible = 0
    for c in gold.get("conflicts", []):
        sides = [event.spot(s) for s in c["sides"]]
        hit = None
        for n, (_, evidence) in enumerate(conflicts):
            if len({s.source for s in sides if _covers(evidence, s)}) >= 2:
                hit = n
                matched_reported.add(n)
        found_all += hit is not None
        incompatible += bool(c.get("incompatible"))
        found_incompatible += bool(c.get("incompatible")) and hit is not None
        if hit is None:
            errors.append(f"conflict missed ({c['kind']}, {'in' if c.get('incompatible') else ''}compatible): "
                          + " / ".join(f"{s.source}: {s.text}" for s in sides))
    for n, (what, evidence) in enumerate(conflicts):
        if n not in matched_reported:
            errors.append(f"conflict reported, not in gold: {what}: "
                          + " / ".join(f"{e.source}: {getattr(e, 'text', '')[:80]}" for e in evidence))
    out["conflicts"] = {"gold": len(gold.get("conflicts", [])), "gold_incompatible": incompatible,
                        "found": found_all, "found_incompatible": found_incompatible,
                        "reported": len(conflicts), "reported_right": len(matched_reported)}
    # ---- corroboration and traps
    corroborated = [f for f in report.facts if f.status == "corroborated"]
    found = 0
    for c in gold.get("corroborated", []):
        spots = [event.spot(e) for e in c["evidence"]]
        ok = any(len({s.source for s in spots if _covers(f.evidence, s)}) >= 2 for f in corroborated)
        found += ok
        if not ok:
            errors.append(f"corroborated fact missed: {c['fact']}")
    traps = 0
    for t in gold.get("not_same", []):
        a, b = event.spot(t["a"]), event.spot(t["b"])
        if any(_covers(f.evidence, a) and _covers(f.evidence, b) for f in corroborated):
            traps += 1
            errors.append(f"trap matched ({t['why']}): {a.source}: {a.text} / {b.source}: {b.text}")
    out["corroborated"] = {"gold": len(gold.get("corroborated", [])), "found": found,
                           "traps": len(gold.get("not_same", [])), "traps_matched": traps,
                           "reported": len(corroborated)}
    # ---- key figures
    key = [f for f in gold.get("figures", []) if f.get("key")]
    listed = 0
    values = [(v, row) for row in report.figures for v in row.values]
    for f in key:
        spot = event.spot(f)
        happening = _gold_happening(f["what"])
        ok = any(v.source == f["source"] and abs(v.value - f["value"]) < 1e-9
                 and (overlaps(v.start, v.end, spot) or (happening and happening == _gold_happening(row.what))
                      or _same_age_row(f["what"], row.what))
                 for v, row in values)
        listed += ok
        if not ok:
            errors.append(f"key figure missed: {f['what']} = {f['value']} in {f['source']} ({f['text']})")
    out["figures"] = {"key": len(key), "listed": listed, "rows": len(report.figures)}
    # ---- quotes
    judged = right = named = called_anonymous = 0
    for q in gold.get("quotes", []):
        spot = event.spot(q)
        candidates = [r for r in report.quotes if r.source == q["source"] and overlaps(r.start, r.end, spot)]
        if not candidates:
            continue
        quote = max(candidates, key=lambda r: min(r.end, spot.end) - max(r.start, spot.start))
        judged += 1
        ok = _speaker_right(q, quote, report)
        right += ok
        if not q["anonymous"]:
            named += 1
            if quote.speaker is not None and quote.speaker.anonymous:
                called_anonymous += 1
        if not ok:
            said = quote.speaker.name if quote.speaker else "no speaker"
            errors.append(f"quote speaker wrong: {q['source']}: {q['text'][:60]!r}: gold {q['speaker']!r}"
                          f"{' (anonymous)' if q['anonymous'] else ''}, Storyline {said!r}"
                          f"{' (anonymous)' if quote.speaker and quote.speaker.anonymous else ''}")
    out["quotes"] = {"gold": len(gold.get("quotes", [])), "found": judged, "speaker_right": right,
                     "named": named, "named_called_anonymous": called_anonymous}
    # ---- people
    mentions = resolved = 0
    for person in gold.get("people", []):
        for m in person["mentions"]:
            spot = event.spot(m)
            mentions += 1
            entity = next((e for e in report.entities for ev in e.mentions
                           if ev.source == spot.source and overlaps(ev.start, ev.end, spot)), None)
            if entity is not None and _same_person(person["name"], entity):
                resolved += 1
            else:
                errors.append(f"description not resolved: {spot.source}: {m['text']!r}: gold {person['name']!r}, "
                              f"Storyline {entity.name if entity is not None else 'no one'!r}")
    out["people"] = {"mentions": mentions, "resolved": resolved}
    out["errors"] = errors
    return out


def _same_age_row(gold_what: str, row_what: str) -> bool:
    """Whether a row gives the age of the gold's person ("age of John Jenkin" / "age (John Jenkin)"). A source
    may state an age twice ("John Jenkin , 23" in its lead, "23 - year - old John Jenkin" later); the row's
    cell is its first statement, and it lists the gold figure when it is that person's age with the gold's
    value, as the toll happenings above are matched, whichever statement the annotator marked."""
    if not gold_what.lower().startswith("age of ") or not row_what.startswith("age ("):
        return False
    gold, row = _words(gold_what[len("age of "):]), _words(row_what[len("age ("):-1])
    return bool(gold & row) and (gold <= row or row <= gold)


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 1}


def _same_person(gold_name: str, entity) -> bool:
    names = [entity.name, *entity.aliases]
    gold = _words(gold_name)
    return any(len(gold & _words(n)) >= 1 and (_words(n) <= gold or gold <= _words(n)) for n in names)


def _is_person(report, entity_id: str) -> bool:
    return any(e.id == entity_id and e.type == "PERSON" for e in report.entities)


def _speaker_right(gold: dict, quote, report) -> bool:
    speaker = quote.speaker
    if gold["anonymous"]:
        if speaker is None:
            return False
        # an unnamed speaker: flagged anonymous, or described as the gold describes them ("Marion County
        # deputies", "police"): an institution that speaks is no one's name, and not hidden either
        return speaker.anonymous or (speaker.entity is None or not _is_person(report, speaker.entity)) and bool(
            _words(gold["speaker"]) & _words(speaker.text or speaker.name))
    if speaker is None or speaker.anonymous:
        return False
    entity = next((e for e in report.entities if e.id == speaker.entity), None)
    names = [speaker.name] + ([entity.name, *entity.aliases] if entity else [])
    gold_words = _words(gold["speaker"])
    return any(_words(n) and (_words(n) <= gold_words or gold_words <= _words(n) or
                              (gold_words & _words(n) and len(_words(n)) > 1)) for n in names)


def totals(scores: list[dict]) -> dict:
    """The figures of issue 27 over a set of events."""
    s = Counter()
    for score in scores:
        for part in ("conflicts", "corroborated", "figures", "quotes", "people"):
            for k, v in score[part].items():
                s[f"{part}.{k}"] += v

    def pct(a: str, b: str) -> float | None:
        return round(100 * s[a] / s[b], 1) if s[b] else None

    return {
        "events": len(scores),
        "incompatible conflicts found %": pct("conflicts.found_incompatible", "conflicts.gold_incompatible"),
        "all conflicts found %": pct("conflicts.found", "conflicts.gold"),
        "conflicts reported right %": pct("conflicts.reported_right", "conflicts.reported"),
        "conflicts reported": s["conflicts.reported"],
        "corroborated facts found %": pct("corroborated.found", "corroborated.gold"),
        "traps matched": f"{s['corroborated.traps_matched']} of {s['corroborated.traps']}",
        "key figures listed %": pct("figures.listed", "figures.key"),
        "speaker right %": pct("quotes.speaker_right", "quotes.found"),
        "quotes found": f"{s['quotes.found']} of {s['quotes.gold']}",
        "named called anonymous %": pct("quotes.named_called_anonymous", "quotes.named"),
        "descriptions resolved %": pct("people.resolved", "people.mentions"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--events", metavar="NAMES", help="only these events of the split (comma-separated, e.g. "
                        "21_ecb,26_ecb): a new event's first, fresh reading")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--errors", action="store_true", help="list each event's errors")
    parser.add_argument("--cache", metavar="DIR", help="keep each event's per-article analyses in DIR and reuse "
                        "them (for work on the story stage; empty DIR when storyline.nlp changes)")
    args = parser.parse_args()
    events = load_events(None if args.split == "all" else args.split)
    if args.events:
        wanted = set(args.events.split(","))
        if unknown := wanted - {e.name for e in events}:
            parser.error(f"no {args.split} event named {', '.join(sorted(unknown))}")
        events = [e for e in events if e.name in wanted]
    scores = [score_event(event, analyse(event, args.cache)) for event in events]
    result = {"split": args.split, "totals": totals(scores),
              "events": {s["event"]: {k: v for k, v in s.items() if k not in ("event", "errors")} for s in scores}}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{len(events)} {args.split} events: " + ", ".join(e.name for e in events))
        for k, v in result["totals"].items():
            print(f"  {k}: {v}")
    if args.errors:
        for s in scores:
            print(f"\n== {s['event']} ({s['split']})")
            for e in s["errors"]:
                print("  -", e)


if __name__ == "__main__":
    main()
