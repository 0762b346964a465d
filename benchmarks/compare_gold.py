"""The hand-made comparison gold set (benchmarks/compare/*.json): load it, check it, rebuild its texts.

    python -m benchmarks.compare_gold             # check every gold file against the rebuilt texts
    python -m benchmarks.compare_gold --write DIR # also write each event's articles as DIR/<event>/<id>.txt

The articles are rebuilt from ECB+ in ``../shared/data`` (``corpora.ecbplus_documents``); they are never
committed. See benchmarks/compare/README.md for the schema.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from .corpora import ecbplus_documents

GOLD_DIR = Path(__file__).resolve().parent / "compare"
QUALIFIERS = (None, "at least", "about", "more than", "nearly", "up to", "fewer than")
KINDS = ("count", "denial", "date", "attribution", "other")


@dataclass(frozen=True, slots=True)
class Spot:
    """A gold span: its source and character offsets into the rebuilt text."""

    source: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One annotated event: its articles' texts and the gold items, as loaded from its JSON file."""

    name: str
    split: str
    texts: dict[str, str]
    published: dict[str, str | None]
    gold: dict

    def spot(self, item: dict) -> Spot:
        """Where a gold ``{"source", "text", "occurrence"?}`` lies in its article."""
        text = self.texts[item["source"]]
        at = -1
        for _ in range(item.get("occurrence", 1)):
            at = text.find(item["text"], at + 1)
        return Spot(item["source"], at, at + len(item["text"]), item["text"])


def ecb_texts(stories: set[str]) -> dict[str, dict[str, str]]:
    """The rebuilt texts of the ECB+ documents of the given subtopics, by subtopic and document id."""
    out: dict[str, dict[str, str]] = {}
    for doc in ecbplus_documents():
        if doc.story in stories:
            out.setdefault(doc.story, {})[doc.id] = doc.text
    return out


def load_events(split: str | None = None, folder: Path = GOLD_DIR) -> list[Event]:
    """Every gold event (of one split, if given), with its articles' texts; checked (see :func:`problems`)."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    golds = [g for g in golds if split is None or g["split"] == split]
    texts = ecb_texts({g["event"] for g in golds})
    events = []
    for gold in golds:
        event = Event(gold["event"], gold["split"], {a: texts[gold["event"]][a] for a in gold["articles"]},
                      {a: (gold.get("published") or {}).get(a) for a in gold["articles"]}, gold)
        found = problems(event)
        if found:
            raise ValueError(f"{gold['event']}: the gold file has {len(found)} problems: " + "; ".join(found[:5]))
        events.append(event)
    return events


def problems(event: Event) -> list[str]:
    """What is wrong with an event's gold file: texts that are not substrings of their articles, bad kinds."""
    gold, out = event.gold, []

    def check(item: dict, where: str) -> None:
        text = event.texts.get(item.get("source"))
        if text is None:
            out.append(f"{where}: source {item.get('source')} is not one of the event's articles")
            return
        count = text.count(item.get("text") or "\0")
        occurrence = item.get("occurrence")
        if count == 0:
            out.append(f"{where}: {item.get('text')!r} is not in {item['source']}")
        elif count > 1 and not occurrence:
            out.append(f"{where}: {item['text']!r} occurs {count} times in {item['source']}; say which")
        elif occurrence and occurrence > count:
            out.append(f"{where}: occurrence {occurrence} of {count}")

    for n, f in enumerate(gold.get("figures", [])):
        check(f, f"figures[{n}]")
        if f.get("qualifier") not in QUALIFIERS or not isinstance(f.get("value"), (int, float)):
            out.append(f"figures[{n}]: qualifier or value")
    for n, c in enumerate(gold.get("conflicts", [])):
        if c.get("kind") not in KINDS or len({s["source"] for s in c["sides"]}) < 2:
            out.append(f"conflicts[{n}]: kind, or sides from fewer than two sources")
        for m, side in enumerate(c["sides"]):
            check(side, f"conflicts[{n}].sides[{m}]")
    for n, c in enumerate(gold.get("corroborated", [])):
        if len({e["source"] for e in c["evidence"]}) < 2:
            out.append(f"corroborated[{n}]: evidence from fewer than two sources")
        for m, ev in enumerate(c["evidence"]):
            check(ev, f"corroborated[{n}].evidence[{m}]")
    for n, t in enumerate(gold.get("not_same", [])):
        check(t["a"], f"not_same[{n}].a")
        check(t["b"], f"not_same[{n}].b")
    for n, p in enumerate(gold.get("people", [])):
        for m, mention in enumerate(p["mentions"]):
            check(mention, f"people[{n}].mentions[{m}]")
    for n, q in enumerate(gold.get("quotes", [])):
        check(q, f"quotes[{n}]")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, metavar="DIR", help="write each event's articles under DIR")
    args = parser.parse_args()
    events = load_events()
    for event in events:
        counts = {k: len(event.gold.get(k, [])) for k in ("figures", "conflicts", "corroborated", "not_same",
                                                         "people", "quotes")}
        print(f"{event.name} ({event.split}): {len(event.texts)} articles, {counts}")
        if args.write:
            folder = args.write / event.name
            folder.mkdir(parents=True, exist_ok=True)
            for doc_id, text in event.texts.items():
                (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    sys.exit(0)


if __name__ == "__main__":
    main()
