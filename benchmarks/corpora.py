"""Readers for the annotated evaluation corpora (standard library only).

The corpora live outside the repository, in ``../shared/data`` (or wherever the
``STORYLINE_DATA`` environment variable points), and must never be copied into
it. Every reader is a generator; :func:`data_dir` raises :class:`DataMissing`
when a corpus is absent so that tests and benchmarks can skip cleanly.

Character offsets are ``(start, end)`` pairs indexing into the ``text`` string
of the record that carries them: ``text[start:end]`` is the annotated span.

Readers, what they return, and the corpus terms (from the data README):

* :func:`polnear_documents` -> :class:`PolnearDoc` with :class:`Attribution`
  records (Source / Cue / Content spans). PolNeAR (Newell et al. 2018),
  2016 US political news from 7 outlets. Research use; the texts belong to
  the publishers.
* :func:`tempeval_documents` / :func:`timeml_documents` -> :class:`TimemlDoc`
  with :class:`Timex` spans and the creation date. TempEval-3 TBAQ-cleaned
  (TimeBank + AQUAINT). Research distribution.
* :func:`meantime_documents` -> :class:`TimemlDoc` (with ``topic``). MEANTIME
  (Minard et al. 2016), English Wikinews. CC BY 4.0.
* :func:`ecbplus_documents` -> :class:`EcbDoc` with the gold story label.
  ECB+ (Cybulska & Vossen 2014). Annotations CC BY 3.0; texts are from the web.
* :func:`multinews_clusters` -> :class:`MultiNewsCluster`. Multi-News+
  (cleansed). Non-commercial research only.
* :func:`extraction_pages` -> :class:`ExtractionPage`. Scrapinghub/Zyte
  article extraction benchmark. MIT (code); the pages belong to the publishers.
* :func:`conll_sentences` -> ``(tokens, tags)`` lists. CoNLL++ (Reuters).
  Evaluation only. Only the CoNLL++ *test* split was relabelled; the train and
  dev files here are the original CoNLL-2003 labels.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = (Path(os.environ["STORYLINE_DATA"]) if os.environ.get("STORYLINE_DATA")
            else REPO_ROOT.parent / "shared" / "data")

Span = tuple[int, int]


class DataMissing(Exception):
    """An evaluation corpus is not available on this machine."""


def data_dir(name: str) -> Path:
    """Return the folder of one corpus under :data:`DATA_DIR`.

    Args:
        name: Corpus folder name, e.g. ``"polnear"``.

    Raises:
        DataMissing: The folder does not exist.
    """
    path = DATA_DIR / name
    if not path.is_dir():
        raise DataMissing(f"{path} not found; set STORYLINE_DATA to the folder "
                          "holding the evaluation corpora")
    return path


# --------------------------------------------------------------------- records
@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution; each role is a tuple of (possibly several) fragments."""
    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    """A PolNeAR article: ``id`` is the file stem, ``outlet`` the publisher code."""
    id: str
    text: str
    outlet: str | None
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class Timex:
    """A TIMEX3 mention: ``text == doc.text[start:end]``; ``tid`` is its id."""
    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str


@dataclass(frozen=True, slots=True)
class TimemlDoc:
    """A TimeML-style document; ``dct`` is the creation date as ``YYYY-MM-DD``."""
    id: str
    text: str
    dct: str | None
    timexes: tuple[Timex, ...]
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class EcbDoc:
    """An ECB+ document; ``story`` (``topic_subtopic``) is the gold cluster."""
    id: str
    topic: str
    subtopic: str
    story: str
    text: str


@dataclass(frozen=True, slots=True)
class MultiNewsCluster:
    """Source articles of one Multi-News cluster and the editors' summary."""
    idx: int
    documents: tuple[str, ...]
    summary: str
    split: str | None = None


@dataclass(frozen=True, slots=True)
class ExtractionPage:
    """A web page, its gold article body and its URL."""
    id: str
    html: str
    body: str
    url: str | None = None


def _check_split(split: str) -> None:
    if split not in ("train", "dev"):
        raise ValueError(f"split must be 'train' or 'dev', not {split!r}")


def _iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a TimeML date/time value (also ``DD-MM-YYYY``)."""
    if not value:
        return None
    if m := re.match(r"(\d{4}-\d{2}-\d{2})", value):
        return m.group(1)
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    return None


# --------------------------------------------------------------------- PolNeAR
_BRAT = re.compile(r"^([TE]\d+)\t([^\t\n]+)", re.M)


def _parse_brat(ann: str) -> tuple[Attribution, ...]:
    """Attributions of one PolNeAR brat file.

    Every attribution is a brat *event* (``E`` line) whose trigger is a
    text-bound ``Attribution`` (or ``Attribution-no-source``) span that
    duplicates the cue::

        T1  Source 89 106     The New York Post
        T2  Cue 107 114       reports
        T3  Content 115 290   that Hillary ...
        T4  Attribution 107 114  reports
        E1  Attribution:T4 Content:T3 Cue:T2 Source:T1

    The event's arguments ``Source:``, ``Cue:``, ``Content:`` and ``Content2:``
    (a second content part) point at ``T`` spans; the argument role decides
    the role (3 of ~70k spans carry a contradicting ``T`` type). A ``T`` span
    lists its fragments as ``start end;start end``; all are kept. One source
    span may serve several events. ``Attribution-no-source`` events have no
    Source (empty tuple). Brat also leaves bare-trigger events with no
    arguments (duplicates of a full event sharing the trigger): they are
    skipped, as are ``Discuss``/``Discard`` spans and spans in no event. The
    free text after the offsets may wrap onto following lines and differs
    from the document in whitespace only, so it is ignored.
    """
    spans: dict[str, tuple[Span, ...]] = {}
    events: list[list[str]] = []
    for ident, body in _BRAT.findall(ann):
        if ident[0] == "T":
            _, locs = body.split(" ", 1)
            spans[ident] = tuple((int(a), int(b)) for a, b in
                                 (loc.split() for loc in locs.split(";")))
        else:
            events.append(body.split()[1:])  # drop the trigger
    out = []
    for args in events:
        roles: dict[str, set[Span]] = defaultdict(set)
        for arg in args:
            role, ref = arg.split(":")
            roles[re.sub(r"\d+$", "", role).lower()].update(spans.get(ref, ()))
        if roles:
            out.append(Attribution(*(tuple(sorted(roles[r]))
                                     for r in ("source", "cue", "content"))))
    return tuple(out)


def polnear_documents(split: str) -> Iterator[PolnearDoc]:
    """PolNeAR articles of ``split`` ('train' or 'dev') with attributions.

    ``outlet`` is the ``publisher`` column of ``metadata.tsv``. Annotations
    come from ``<name>_<annotator>.ann``; where several annotators did the
    same article (18 articles), the first file in sorted order is used.
    """
    _check_split(split)
    root = data_dir("polnear")
    outlets: dict[str, str] = {}
    meta = root / "metadata.tsv"
    if meta.is_file():
        lines = meta.read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        for line in lines[1:]:
            row = dict(zip(header, line.split("\t")))
            outlets[row.get("filename", "")] = row.get("publisher")
    anns: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((root / split / "attributions").glob("*.ann")):
        anns[ann.stem.rsplit("_", 1)[0]].append(ann)
    for txt in sorted((root / split / "text").glob("*.txt")):
        with open(txt, encoding="utf-8", newline="") as fh:  # brat counts \r too
            text = fh.read()
        files = anns.get(txt.stem)
        attributions = _parse_brat(files[0].read_text(encoding="utf-8")) if files else ()
        yield PolnearDoc(txt.stem, text, outlets.get(txt.stem), attributions)


# ------------------------------------------------------------------- TimeML
def _flatten(elem: ET.Element, parts: list[str], timexes: list[Timex]) -> None:
    """Append the text under ``elem`` to ``parts``, recording TIMEX3 spans."""
    start = sum(map(len, parts))
    parts.append(elem.text or "")
    for child in elem:
        _flatten(child, parts, timexes)
        parts.append(child.tail or "")
    if elem.tag == "TIMEX3":
        timexes.append(Timex(start, sum(map(len, parts)), "".join(elem.itertext()),
                             elem.get("type", ""), elem.get("value", ""),
                             elem.get("tid", "")))


def timeml_documents(folder: Path) -> Iterator[TimemlDoc]:
    """TimeML ``.tml`` documents found (recursively) under ``folder``.

    ``text`` is the content of ``<TEXT>`` with tags removed and XML entities
    decoded (offsets index the decoded text); ``timexes`` are the TIMEX3
    elements inside ``<TEXT>``, so the DCT timex is not among them. ``dct`` is
    the date part of the ``<DCT>`` TIMEX3 value. A document id (``<DOCID>``)
    seen twice is read once: TempEval-3 ships ``testpipeline/AP900815-0044.tml``
    as a byte-identical copy of the TimeBank file.
    """
    seen: set[str] = set()
    for path in sorted(Path(folder).rglob("*.tml")):
        root = ET.parse(path).getroot()
        doc_id = (root.findtext("DOCID") or path.stem).strip()
        if doc_id in seen:
            continue
        seen.add(doc_id)
        dct = root.find("DCT/TIMEX3")
        parts: list[str] = []
        timexes: list[Timex] = []
        body = root.find("TEXT")
        if body is not None:
            _flatten(body, parts, timexes)
        timexes.sort(key=lambda t: (t.start, t.end))
        yield TimemlDoc(doc_id, "".join(parts),
                        _iso_date(dct.get("value") if dct is not None else None),
                        tuple(timexes))


def tempeval_documents() -> Iterator[TimemlDoc]:
    """TempEval-3 training documents (TimeBank + AQUAINT, TBAQ-cleaned)."""
    return timeml_documents(data_dir("tempeval3") / "training")


# ------------------------------------------------------------------ MEANTIME
def _token_text(tokens: list[ET.Element]) -> tuple[str, dict[str, Span], dict[str, int]]:
    """Join tokens by spaces and sentences by newlines.

    Returns:
        The text, ``t_id -> (start, end)`` and ``t_id -> sentence``.
    """
    sentences: dict[str, list[ET.Element]] = {}
    for tok in tokens:
        sentences.setdefault(tok.get("sentence", ""), []).append(tok)
    lines: list[str] = []
    offsets: dict[str, Span] = {}
    sent_of: dict[str, int] = {}
    pos = 0
    for number, (_, toks) in enumerate(sentences.items()):
        words = []
        for tok in toks:
            word = tok.text or ""
            offsets[tok.get("t_id", "")] = (pos, pos + len(word))
            sent_of[tok.get("t_id", "")] = number
            words.append(word)
            pos += len(word) + 1  # the space, or the newline after the last
        lines.append(" ".join(words))
    return "\n".join(lines), offsets, sent_of


def meantime_documents() -> Iterator[TimemlDoc]:
    """MEANTIME English articles (``intra-doc_annotation``), 30 per topic.

    The files are CAT XML: ``<token t_id sentence number>`` elements followed
    by ``<Markables>`` whose TIMEX3 elements point at tokens through
    ``<token_anchor t_id>``. Text is rebuilt from the tokens (single spaces,
    one sentence per line; sentence 0 is the title, sentence 1 the dateline).
    TIMEX3 markables without anchors (implicit times used by relations) are
    skipped. The dateline TIMEX3 is a real mention and stays in ``timexes``.
    ``dct`` comes from the TIMEX3 with ``functionInDocument="CREATION_TIME"``;
    two articles lack that flag, and there the first DATE timex in the
    dateline is used. One value written ``DD-MM-YYYY`` (``03-02-2009`` for
    "February 03, 2009") is rewritten as an ISO date.
    """
    root = data_dir("meantime") / "intra-doc_annotation"
    for path in sorted(root.glob("corpus_*/*.xml")):
        doc = ET.parse(path).getroot()
        text, offsets, sent_of = _token_text(doc.findall("token"))
        timexes, dct, dateline = [], None, None
        for mark in doc.iterfind("Markables/TIMEX3"):
            anchors = [a.get("t_id", "") for a in mark.iterfind("token_anchor")]
            if not anchors:
                continue
            value = mark.get("value", "")
            if re.fullmatch(r"\d{2}-\d{2}-\d{4}", value):
                value = _iso_date(value) or value
            start = min(offsets[a][0] for a in anchors)
            end = max(offsets[a][1] for a in anchors)
            words = " ".join(text[slice(*offsets[a])] for a in sorted(anchors, key=int))
            timexes.append(Timex(start, end, words, mark.get("type", ""), value,
                                 mark.get("m_id", "")))
            if mark.get("functionInDocument") == "CREATION_TIME":
                dct = _iso_date(value)
            elif (dateline is None and mark.get("type") == "DATE"
                  and all(sent_of[a] == 1 for a in anchors)):
                dateline = _iso_date(value)
        timexes.sort(key=lambda t: (t.start, t.end))
        yield TimemlDoc(path.stem, text, dct or dateline, tuple(timexes),
                        topic=path.parent.name.removeprefix("corpus_"))


# ---------------------------------------------------------------------- ECB+
_ECB_NAME = re.compile(r"(\d+)_(\d+)(ecb|ecbplus)")
_URL = re.compile(r"(https?\b|www\b)", re.I)


def ecbplus_documents() -> Iterator[EcbDoc]:
    """ECB+ documents with their gold story (topic + ecb/ecbplus).

    ``id`` is the file stem (``1_10ecb``). The text joins each sentence's
    tokens with spaces and the sentences with newlines. The first sentence of
    every ``*ecbplus.xml`` file is the source URL (tokenised, e.g.
    ``http : / / www . itv . com / ...``); it gives the story away and is
    dropped. Documents come in topic, subtopic, number order.
    """
    items = []
    for path in (data_dir("ecbplus") / "topics").glob("*/*.xml"):
        if m := _ECB_NAME.fullmatch(path.stem):
            items.append(((int(m.group(1)), m.group(3), int(m.group(2))), path))
    for (topic, subtopic, _), path in sorted(items):
        text, _, _ = _token_text(list(ET.parse(path).getroot().iter("token")))
        first, _, rest = text.partition("\n")
        if _URL.match(first):
            text = rest
        yield EcbDoc(path.stem, str(topic), subtopic, f"{topic}_{subtopic}", text)


# ---------------------------------------------------------------- Multi-News
def multinews_clusters() -> Iterator[MultiNewsCluster]:
    """Multi-News+ clusters: ``cleansed_document`` sources and the summary.

    Texts are used as given (the README mentions no artefacts to clean; they
    are lower-cased and tokenised in the Multi-News style). Blank strings in
    ``cleansed_document`` are dropped; 16 clusters keep no document at all.
    ``split`` is the source split ('test' or 'val').
    """
    for path in sorted(data_dir("multinews").glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            docs = tuple(d for d in row.get("cleansed_document") or () if d.strip())
            yield MultiNewsCluster(int(row["idx"]), docs, row["summary"], row.get("split"))


# ------------------------------------------------------ article extraction
def extraction_pages() -> Iterator[ExtractionPage]:
    """Pages of the article extraction benchmark with the gold article body.

    ``html/<id>.html.gz`` files are gzip-compressed UTF-8 (as its README says);
    ``ground-truth.json`` maps ``id`` to ``articleBody`` and ``url``.
    """
    root = data_dir("article-extraction-benchmark")
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        raw = gzip.decompress((root / "html" / f"{page_id}.html.gz").read_bytes())
        gold = truth[page_id]
        yield ExtractionPage(page_id, raw.decode("utf-8"), gold.get("articleBody", ""),
                             gold.get("url"))


# ------------------------------------------------------------------ CoNLL++
def conll_sentences(split: str) -> Iterator[tuple[list[str], list[str]]]:
    """CoNLL++ sentences of ``split`` ('train' or 'dev') as (tokens, NER tags).

    Columns are ``token POS chunk NER`` (IOB2); ``-DOCSTART-`` lines are skipped.
    """
    _check_split(split)
    tokens: list[str] = []
    tags: list[str] = []
    with open(data_dir("conllpp") / f"conllpp_{split}.txt", encoding="utf-8") as fh:
        for line in fh:
            cols = line.split()
            if cols and cols[0] != "-DOCSTART-":
                tokens.append(cols[0])
                tags.append(cols[-1])
            elif tokens:
                yield tokens, tags
                tokens, tags = [], []
    if tokens:
        yield tokens, tags
