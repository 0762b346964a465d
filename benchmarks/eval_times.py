"""Time-expression value accuracy on TempEval-3 training and MEANTIME: Storyline against dateparser.

    python -m benchmarks.eval_times [--corpus tempeval|meantime|both] [--limit N]
                                    [--errors FILE] [--json FILE] [--no-baseline]

Gold: the TIMEX3 mentions of TempEval-3 training (TimeBank + AQUAINT, TBAQ-cleaned; 256 documents)
and of MEANTIME English (Wikinews, the topics present in the data), read by ``corpora.tempeval_documents`` and
``corpora.meantime_documents``; each document's creation time (DCT) is ``doc.dct``. The DCT timex
itself is not among the gold mentions of TempEval-3; MEANTIME's dateline timex is (it is a real
mention of the text).

Systems, run on the same texts in the same run:

- ``storyline``: ``make_article(doc.text, doc.id, published=doc.dct)`` for every document, all
  documents (of every corpus asked for) in one ``storyline.nlp.pipeline.analyze(..., processes=2)``
  call; every ``ArticleAnalysis.times`` item is a prediction (``start``/``end`` its span, ``value``
  its normalised value, ``type`` its TimeML type). An article that fails to analyse yields nothing
  (counted).
- ``dateparser``: ``dateparser.search.search_dates(text, languages=["en"], settings={"RELATIVE_BASE":
  <DCT at midnight>, "PREFER_DATES_FROM": "current_period"})``. The returned substrings are located
  in the text left to right (each searched from the end of the previous one, as a whole word where
  possible, :func:`locate`; a substring not found there is dropped and counted as unmapped).
  Every hit is a DATE whose value is the ISO date ``YYYY-MM-DD`` of the returned datetime, so it can
  never match a coarser gold value (``1998-08``, ``1998``, ``PAST_REF``...). ``languages=["en"]``
  stops dateparser from guessing other languages.

Scoring (per corpus; characters are Python string indices into the document text):

- **Matching**: within one document, every (gold, prediction) pair whose spans share at least one
  character is a candidate; pairs are taken greedily by largest overlap (ties: earlier gold, then
  earlier prediction), each gold and each prediction at most once (:func:`match`).
- **Span P/R/F1** (relaxed): matched pairs / predictions, matched pairs / gold.
- **Value P/R/F1**: a true positive is a matched pair whose values are identical after stripping
  whitespace and lower-casing (:func:`same_value`; a missing value matches nothing).
  Precision = value TPs / predictions, recall = value TPs / gold.
- **Annotated region**: MEANTIME annotates only the first six sentences of each article (title,
  dateline, four body sentences: every TIMEX3, entity and event markable of the corpus lies there), so
  there predictions that start after the sixth line are dropped before scoring (counted as
  ``outside``; :func:`annotated_end`). TempEval-3 documents are annotated throughout.
- **DATE** (the headline): only gold with ``type == "DATE"`` and predictions with ``type == "DATE"``
  take part (matched among themselves). **All types**: every gold and every prediction.

Reference point: HeidelTime's published TempEval-3 result (platinum test set, relaxed span match +
value) is a value F1 of 77.6 over all types. Our figures are on the *training* data and on MEANTIME,
so they are comparable only roughly.

Output: a Markdown table (rows: systems; columns per corpus); ``--json`` writes the figures,
``--errors`` Storyline's DATE value errors, misses and false positives with the DCT and 80
characters of context. :func:`evaluate` returns the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.eval_times")

from . import corpora, harness  # noqa: E402
from .tables import in_context, pct, table  # noqa: E402

CORPORA = {"tempeval": "TempEval-3 training", "meantime": "MEANTIME"}
SHORT = {"tempeval": "TE3", "meantime": "MEANTIME"}
CONTEXT = 80
MEANTIME_LINES = 6  # sentences 0-5: title, dateline and the first four body sentences


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted time expression: span, normalised value and TimeML type."""
    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"


# ---------------------------------------------------------------------- scoring
def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters shared by two half-open spans."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(gold: Sequence, predicted: Sequence) -> list[tuple[int, int]]:
    """Greedy one-to-one relaxed matching by largest character overlap.

    Args:
        gold, predicted: items with ``start`` and ``end``.

    Returns:
        ``(gold index, prediction index)`` pairs, in the order taken.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            ov = overlap(g.start, g.end, p.start, p.end)
            if ov > 0:
                candidates.append((-ov, i, j))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def normalise_value(value: str | None) -> str | None:
    """The value as compared: surrounding whitespace stripped, lower case; None (or empty) is None."""
    if value is None:
        return None
    value = value.strip().lower()
    return value or None


def same_value(gold: str | None, predicted: str | None) -> bool:
    """True when both values exist and are identical after :func:`normalise_value`."""
    g, p = normalise_value(gold), normalise_value(predicted)
    return g is not None and g == p


def prf(correct: int, predicted: int, gold: int) -> dict:
    """Precision, recall and F1 from counts."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "correct": correct, "predicted": predicted, "gold": gold}


@dataclass
class Counts:
    """Running totals for one system, one corpus and one type filter."""
    gold: int = 0
    predicted: int = 0
    span: int = 0
    value: int = 0

    def add(self, gold: Sequence, predicted: Sequence) -> list[tuple[int, int]]:
        """Score one document; return its matched pairs."""
        pairs = match(gold, predicted)
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.span += len(pairs)
        self.value += sum(same_value(gold[i].value, predicted[j].value) for i, j in pairs)
        return pairs

    def figures(self) -> dict:
        return {"span": prf(self.span, self.predicted, self.gold),
                "value": prf(self.value, self.predicted, self.gold)}


def score(docs: Sequence[corpora.TimemlDoc], predictions: Sequence[Sequence[Prediction]]) -> dict:
    """DATE and all-type span and value figures of one system over documents."""
    date, every = Counts(), Counts()
    for doc, preds in zip(docs, predictions):
        date.add([t for t in doc.timexes if t.type == "DATE"], [p for p in preds if p.type == "DATE"])
        every.add(doc.timexes, preds)
    return {"date": date.figures(), "all": every.figures()}


def annotated_end(corpus: str, doc: corpora.TimemlDoc) -> int:
    """Where the gold annotation of a document stops: predictions starting there or later are not scored.

    MEANTIME annotates only its first :data:`MEANTIME_LINES` sentences (title, dateline and four body
    sentences; every markable of the corpus lies there), one sentence per line of ``doc.text``;
    TempEval-3 annotates whole documents.
    """
    if corpus != "meantime":
        return len(doc.text)
    end = -1
    for _ in range(MEANTIME_LINES):
        end = doc.text.find("\n", end + 1)
        if end < 0:
            return len(doc.text)
    return end


# ---------------------------------------------------------------------- systems
def storyline_predictions(docs: Sequence[corpora.TimemlDoc], processes: int = 2):
    """Storyline's time expressions per document, the number of failed articles, and the seconds."""
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.types import Failure

    start = time.perf_counter()
    articles = [make_article(d.text, d.id, published=d.dct) for d in docs]
    out: list[list[Prediction]] = []
    failures = 0
    for doc, analysis in zip(docs, analyze(articles, processes=processes)):
        if isinstance(analysis, Failure) or analysis.article.text != doc.text:
            failures += 1
            out.append([])
            continue
        out.append([Prediction(t.start, t.end, t.text, t.value, t.type or "DATE") for t in analysis.times])
    return out, failures, time.perf_counter() - start


def dateparser_document(text: str, dct: str | None) -> tuple[list[Prediction], int]:
    """dateparser's dates in one text mapped to offsets, and the number of unmapped hits."""
    from dateparser.search import search_dates

    settings = {"PREFER_DATES_FROM": "current_period"}
    if dct:
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(dct)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # dateparser occasionally fails on odd input; count as no output
        return [], 0
    preds, pos, unmapped = [], 0, 0
    for substring, when in found:
        at = locate(text, substring, pos)
        if at < 0:
            unmapped += 1
            continue
        pos = at + len(substring)
        preds.append(Prediction(at, pos, substring, when.date().isoformat(), "DATE"))
    return preds, unmapped


def locate(text: str, substring: str, pos: int = 0) -> int:
    """The first occurrence of ``substring`` at or after ``pos`` that is not part of a longer word
    (so "we" is not found inside "between"); failing that, the first occurrence at or after ``pos``; -1 if none."""
    if not substring:
        return -1
    pattern = (r"(?<!\w)" if substring[0].isalnum() else "") + re.escape(substring) + \
        (r"(?!\w)" if substring[-1].isalnum() else "")
    if m := re.compile(pattern).search(text, pos):
        return m.start()
    return text.find(substring, pos)


def dateparser_predictions(docs: Sequence[corpora.TimemlDoc]):
    """dateparser's dates per document, unmapped substrings, and the seconds taken."""
    start = time.perf_counter()
    out, unmapped = [], 0
    for doc in docs:
        preds, lost = dateparser_document(doc.text, doc.dct)
        out.append(preds)
        unmapped += lost
    return out, unmapped, time.perf_counter() - start


# ---------------------------------------------------------------------- driver
def load_documents(corpus: str, limit: int | None = None) -> list[corpora.TimemlDoc]:
    """The documents of one corpus ('tempeval' or 'meantime'), at most ``limit``."""
    reader = corpora.tempeval_documents if corpus == "tempeval" else corpora.meantime_documents
    docs = list(reader())
    return docs[:limit] if limit is not None else docs


def _names(corpus: str) -> tuple[str, ...]:
    if corpus == "both":
        return tuple(CORPORA)
    if corpus not in CORPORA:
        raise ValueError(f"corpus must be 'tempeval', 'meantime' or 'both', not {corpus!r}")
    return (corpus,)


def run(corpus: str, limit: int | None = None, baseline: bool = True, processes: int = 2):
    """Run and score the systems; return the figures and, per corpus, docs and predictions."""
    names = _names(corpus)
    docs = {name: load_documents(name, limit) for name in names}
    everything = [d for name in names for d in docs[name]]
    sl_preds, failures, sl_seconds = storyline_predictions(everything, processes)
    figures = {"corpus": corpus, "limit": limit, "corpora": {}}
    details = {}
    at = 0
    for name in names:
        part = docs[name]
        systems = {"storyline": {"predictions": sl_preds[at:at + len(part)]}}
        at += len(part)
        if baseline:
            preds, unmapped, seconds = dateparser_predictions(part)
            systems["dateparser"] = {"predictions": preds, "unmapped": unmapped, "seconds": round(seconds, 1)}
        for result in systems.values():
            kept = [[q for q in preds if q.start < annotated_end(name, d)]
                    for d, preds in zip(part, result["predictions"])]
            result["outside"] = sum(map(len, result["predictions"])) - sum(map(len, kept))
            result["predictions"] = kept
        gold_types: dict[str, int] = {}
        for d in part:
            for t in d.timexes:
                gold_types[t.type] = gold_types.get(t.type, 0) + 1
        entry = {"name": CORPORA[name], "documents": len(part), "gold": gold_types, "systems": {}}
        for system, result in systems.items():
            fig = score(part, result["predictions"])
            fig["predictions"] = sum(len(p) for p in result["predictions"])
            fig["predictions_date"] = sum(p.type == "DATE" for ps in result["predictions"] for p in ps)
            for key in ("unmapped", "seconds", "outside"):
                if result.get(key) is not None:
                    fig[key] = result[key]
            entry["systems"][system] = fig
        figures["corpora"][name] = entry
        details[name] = {"docs": part, "predictions": {s: r["predictions"] for s, r in systems.items()}}
    figures["storyline"] = {"failures": failures, "seconds": round(sl_seconds, 1),
                            "documents": len(everything)}
    return figures, details


def evaluate(corpus: str, limit: int | None = None, baseline: bool = True) -> dict:
    """The evaluation figures (see the module docstring) for 'tempeval', 'meantime' or 'both'."""
    return run(corpus, limit, baseline)[0]


def markdown(figures: dict) -> str:
    """The figures as one Markdown table: a row per system, a group of columns per corpus."""
    names = list(figures["corpora"])
    systems = []
    for entry in figures["corpora"].values():
        systems += [s for s in entry["systems"] if s not in systems]
    head = ["system"]
    for name in names:
        c = SHORT[name]
        head += [f"{c} DATE span F1", f"{c} DATE value P", f"{c} DATE value R", f"{c} DATE value F1",
                 f"{c} all-types value F1", f"{c} DATE gold / pred / value TP"]
    lines = []
    for name in names:
        e = figures["corpora"][name]
        gold = ", ".join(f"{k} {v}" for k, v in sorted(e["gold"].items(), key=lambda kv: -kv[1]))
        lines.append(f"{e['name']}: {e['documents']} documents; gold TIMEX3: {gold}.")
    rows = []
    for system in systems:
        cells = [system]
        for name in names:
            s = figures["corpora"][name]["systems"].get(system)
            if s is None:
                cells += [""] * 6
                continue
            d, a = s["date"], s["all"]
            cells += [pct(d["span"]["f1"]), pct(d["value"]["precision"]), pct(d["value"]["recall"]),
                      pct(d["value"]["f1"]), pct(a["value"]["f1"]),
                      f"{d['value']['gold']} / {d['value']['predicted']} / {d['value']['correct']}"]
        rows.append(cells)
    lines += ["", *table(head, rows)]
    sl = figures["storyline"]
    lines += ["", f"storyline: {sl['documents']} documents analysed in {sl['seconds']} s "
              f"(spaCy parse included, 2 processes), {sl['failures']} failed."]
    for name in names:
        dp = figures["corpora"][name]["systems"].get("dateparser")
        if dp:
            lines.append(f"dateparser on {CORPORA[name]}: {dp['seconds']} s, {dp['unmapped']} hits not "
                         "located in the text.")
    for name in names:
        outside = {s: f["outside"] for s, f in figures["corpora"][name]["systems"].items() if f.get("outside")}
        if outside:
            lines.append(f"Not scored on {CORPORA[name]} (outside the annotated first {MEANTIME_LINES} sentences): "
                         + ", ".join(f"{s} {n} predictions" for s, n in outside.items()) + ".")
    lines.append("HeidelTime's published TempEval-3 value F1 (test set, all types): 77.6.")
    return "\n".join(lines)


# ----------------------------------------------------------------- error report
def error_report(figures: dict, details: dict, system: str = "storyline") -> str:
    """Storyline's DATE value errors, misses and false positives, with DCT and context."""
    out = [f"# {system} DATE errors", "",
           "⟦…⟧ marks the span in 80 characters of context either side, ⏎ a line break, @N the offset. "
           "Value errors: span matched, value differs. Misses: gold DATE with no overlapping DATE "
           "prediction. False positives: DATE predictions overlapping no gold DATE.", ""]
    for name, part in details.items():
        d = figures["corpora"][name]["systems"][system]["date"]["value"]
        errors, misses, false_pos = [], [], []
        for doc, preds in zip(part["docs"], part["predictions"][system]):
            gold = [t for t in doc.timexes if t.type == "DATE"]
            pred = [p for p in preds if p.type == "DATE"]
            pairs = match(gold, pred)
            matched_g = {i for i, _ in pairs}
            matched_p = {j for _, j in pairs}
            for i, j in pairs:
                g, p = gold[i], pred[j]
                if not same_value(g.value, p.value):
                    errors.append(f"- **{doc.id}** @{g.start} DCT {doc.dct}: gold {g.text!r} = `{g.value}`; "
                                  f"predicted {p.text!r} = `{p.value}`\n"
                                  f"  - {in_context(doc.text, g.start, g.end, CONTEXT)}\n")
            for i, g in enumerate(gold):
                if i not in matched_g:
                    misses.append(f"- **{doc.id}** @{g.start} DCT {doc.dct}: gold {g.text!r} = `{g.value}`\n"
                                  f"  - {in_context(doc.text, g.start, g.end, CONTEXT)}\n")
            for j, p in enumerate(pred):
                if j not in matched_p:
                    false_pos.append(f"- **{doc.id}** @{p.start} DCT {doc.dct}: predicted {p.text!r} = "
                                     f"`{p.value}`\n  - {in_context(doc.text, p.start, p.end, CONTEXT)}\n")
        out += [f"## {CORPORA[name]}: DATE value P {pct(d['precision'])}, R {pct(d['recall'])}, "
                f"F1 {pct(d['f1'])}", "",
                f"### Value errors ({len(errors)})", "", *errors,
                f"### Misses ({len(misses)})", "", *misses,
                f"### False positives ({len(false_pos)})", "", *false_pos]
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("tempeval", "meantime", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents of each corpus")
    parser.add_argument("--errors", type=Path, help="write Storyline's DATE errors (Markdown) to this file")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    args = parser.parse_args(argv)
    if not harness.data_ready(*("tempeval3" if name == "tempeval" else name for name in _names(args.corpus))):
        return
    baseline = not args.no_baseline and harness.installed(
        "dateparser", "dateparser is not installed; running without the baseline")
    start = time.perf_counter()
    figures, details = run(args.corpus, args.limit, baseline=baseline)
    harness.finish(figures, markdown, start, args.json)
    if args.errors:
        args.errors.write_text(error_report(figures, details), encoding="utf-8")


if __name__ == "__main__":
    main()
