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
    """A PolNeAR article: ``id`` is the file stem, ``outlet`` the publisher code.

    ``second`` holds a second annotator's attributions of the same article, where PolNeAR has them
    (18 articles: 16 of train, 2 of dev), else None."""
    id: str
    text: str
    outlet: str | None
    attributions: tuple[Attribution, ...]
    second: tuple[Attribution, ...] | None = None


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
    same article (18 articles: 16 of train, 2 of dev), the first file in sorted order is used, and
    the second goes to ``second`` (for inter-annotator agreement).
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
        second = _parse_brat(files[1].read_text(encoding="utf-8")) if files and len(files) > 1 else None
        yield PolnearDoc(txt.stem, text, outlets.get(txt.stem), attributions, second)


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


# ------------------------------------------------------------ ECB+ sentences
@dataclass(frozen=True, slots=True)
class EcbSentence:
    """One ECB+ sentence with the coreference chains of the mentions in it.

    ``index`` numbers the sentences of the document from 0 after the URL
    sentence of ``*ecbplus`` files is dropped, as in :func:`ecbplus_documents`
    (``sentence`` keeps the XML ``sentence`` attribute). ``events`` and
    ``entities`` hold chain ids: a ``CROSS_DOC_COREF`` instance id (e.g.
    ``ACT16235311629112331``) where the mention has one, which other documents
    share, and otherwise an id unique to the document (``1_11ecb#r37615`` for
    an intra-document chain, ``1_11ecb#m24`` for a singleton), which no other
    document shares. ``annotated`` says whether the sentence belongs to the
    gold-standard selection (see :func:`ecbplus_sentences`).
    """
    doc_id: str
    topic: str
    subtopic: str
    story: str
    index: int
    text: str
    events: frozenset[str]
    entities: frozenset[str]
    annotated: bool
    sentence: int


_ECB_SELECTION = "ECBplus_coreference_sentences.csv"
_ECB_EVENT_TAGS = ("ACTION", "NEG_ACTION")
_ECB_ENTITY_TAGS = ("HUMAN_PART", "LOC", "TIME", "NON_HUMAN_PART")
_ECB_EVENT_INSTANCES = ("ACT", "NEG")
_ECB_ENTITY_INSTANCES = ("HUM", "LOC", "TIM", "NON")


def _ecb_selection(root: Path) -> set[tuple[str, int]] | None:
    """``(doc_id, XML sentence number)`` pairs of the selection CSV, if shipped.

    The ECB+ release file has a header ``Topic,File,Sentence Number`` and rows
    such as ``1,10ecbplus,1`` (the document ``1_10ecbplus``, XML sentence 1).
    """
    found = sorted(root.rglob(_ECB_SELECTION))
    if not found:
        return None
    selected: set[tuple[str, int]] = set()
    for line in found[0].read_text(encoding="utf-8-sig").splitlines()[1:]:
        cols = [c.strip() for c in line.split(",")]
        if len(cols) >= 3 and cols[2].isdigit():
            doc = cols[1] if cols[1].startswith(f"{cols[0]}_") else f"{cols[0]}_{cols[1]}"
            selected.add((doc.removesuffix(".xml"), int(cols[2])))
    return selected


def _ecb_chain_kind(label: str, by_instance: bool) -> str | None:
    """'event', 'entity' or None for an instance id prefix or a markable tag."""
    events, entities = ((_ECB_EVENT_INSTANCES, _ECB_ENTITY_INSTANCES) if by_instance
                        else (_ECB_EVENT_TAGS, _ECB_ENTITY_TAGS))
    if label.startswith(events):
        return "event"
    if label.startswith(entities):
        return "entity"
    return None


def ecbplus_sentences() -> Iterator[EcbSentence]:
    """ECB+ sentences with event and entity coreference chains, in document order.

    ECB+ XML (CAT/CROMER export), one file per document::

        <Document doc_name="1_1ecbplus.xml" doc_id="...">
          <token t_id="1" sentence="0" number="0">http</token> ...
          <Markables>
            <ACTION_OCCURRENCE m_id="34"><token_anchor t_id="120"/>...</ACTION_OCCURRENCE>
            <HUMAN_PART_PER m_id="5"><token_anchor t_id="7"/></HUMAN_PART_PER> ...
            <ACTION_OCCURRENCE m_id="72" RELATED_TO="" TAG_DESCRIPTOR="t1_allowing"
                               instance_id="ACT15736242788923354"/>
            <UNKNOWN_INSTANCE_TAG m_id="17" RELATED_TO="" TAG_DESCRIPTOR=""/>
          </Markables>
          <Relations>
            <CROSS_DOC_COREF r_id="21683" note="ACT15736242788923354">
              <source m_id="34"/> <target m_id="72"/>
            </CROSS_DOC_COREF>
            <INTRA_DOC_COREF r_id="37615">
              <source m_id="24"/> <source m_id="25"/> <target m_id="17"/>
            </INTRA_DOC_COREF>
          </Relations>
        </Document>

    * A *mention* is a markable with ``token_anchor`` children (its tokens);
      its tag names the component: ``ACTION_*`` / ``NEG_ACTION_*`` (events,
      negated ones included) and ``HUMAN_PART*``, ``LOC_*``, ``TIME_*``,
      ``NON_HUMAN_PART*`` (entities). A mention lies in the sentence of its
      first token (no mention crosses a sentence boundary).
    * A markable without anchors is a chain head: with ``instance_id`` it is
      a cross-document instance (``TAG_DESCRIPTOR`` is the coder's name for
      it); ``UNKNOWN_INSTANCE_TAG`` heads an intra-document chain.
    * ``CROSS_DOC_COREF``: every ``source`` mention refers to the instance
      whose id is the ``note`` attribute (equal to the ``instance_id`` of the
      ``target`` head). The same instance id in several documents is the
      cross-document link. Of the 1,800 instance ids, 1,740 stay in one
      story (topic + ecb/ecbplus); 11 event instances span the two stories
      of their topic, and 5 entity instances (e.g. CNN) span topics. The
      instance id prefix (ACT, NEG, HUM, LOC,
      TIM, NON) decides event or entity: the release gives linked mentions
      the instance's tag. One mention is in two instances; it keeps both.
    * ``INTRA_DOC_COREF`` (119 relations) groups mentions of one document
      that take part in no cross-document chain; kind from the mentions' tags.
    * Mentions in no relation are singletons.

    ``text`` joins the sentence's tokens with single spaces; whitespace
    inside tokens is folded (tokens are stripped, ``7\u2009½`` becomes
    ``7 ½``) and the 3 whitespace-only tokens (tabs, a thin space) are
    skipped, so ``text`` differs from the line of :func:`ecbplus_documents`
    in 6 sentences, by whitespace only. The URL
    sentence 0 of ``*ecbplus`` files is dropped and ``index`` counts from the
    next sentence; ECB files have no URL and keep sentence 0 (the title).

    ``annotated``: the release says mentions and coreference were annotated
    in a selection of sentences per document, listed in
    ``ECBplus_coreference_sentences.csv``, and that mentions outside it are
    incomplete. When that file is anywhere under the ``ecbplus`` folder it
    decides ``annotated``. The copy here lacks it (and holds topics 1-35
    without 15 and 17, 772 of the 982 documents); then ``annotated`` is a
    proxy: the sentence holds at least one event mention linked by
    ``CROSS_DOC_COREF``, i.e. one the coders reached in the cross-document
    round.
    """
    root = data_dir("ecbplus")
    selection = _ecb_selection(root)
    items = []
    for path in (root / "topics").glob("*/*.xml"):
        if m := _ECB_NAME.fullmatch(path.stem):
            items.append(((int(m.group(1)), m.group(3), int(m.group(2))), path))
    for (topic, subtopic, _), path in sorted(items):
        doc_id = path.stem
        xml = ET.parse(path).getroot()
        words: dict[int, list[str]] = {}
        sent_of: dict[str, int] = {}
        for tok in xml.iter("token"):
            number = int(tok.get("sentence", "0"))
            sent_of[tok.get("t_id", "")] = number
            word = " ".join((tok.text or "").split())
            if word:
                words.setdefault(number, []).append(word)
        numbers = sorted(words)
        if subtopic == "ecbplus" and numbers and _URL.match(words[numbers[0]][0]):
            numbers = numbers[1:]
        # mentions: m_id -> (tag, sentence number)
        mentions: dict[str, tuple[str, int]] = {}
        for mark in xml.iterfind("Markables/*"):
            anchors = [a.get("t_id", "") for a in mark.iterfind("token_anchor")]
            if anchors:
                mentions[mark.get("m_id", "")] = (mark.tag, min(sent_of[a] for a in anchors))
        # m_id -> chain ids (cross-doc instance ids or doc-unique ids), with kind
        chains: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        cross_event: set[int] = set()
        for rel in xml.iterfind("Relations/*"):
            sources = [s.get("m_id", "") for s in rel.iterfind("source")]
            if rel.tag == "CROSS_DOC_COREF":
                chain = rel.get("note", "")
                kind = _ecb_chain_kind(chain, by_instance=True)
                if kind == "event":
                    cross_event.update(mentions[s][1] for s in sources if s in mentions)
            else:
                chain = f"{doc_id}#r{rel.get('r_id', '')}"
                tags = [mentions[s][0] for s in sources if s in mentions]
                kind = next((k for t in tags if (k := _ecb_chain_kind(t, False))), None)
            for s in sources:
                chains[s].append((chain, kind))
        events: dict[int, set[str]] = defaultdict(set)
        entities: dict[int, set[str]] = defaultdict(set)
        for m_id, (tag, number) in mentions.items():
            for chain, kind in chains.get(m_id) or [(f"{doc_id}#m{m_id}",
                                                      _ecb_chain_kind(tag, False))]:
                if kind == "event":
                    events[number].add(chain)
                elif kind == "entity":
                    entities[number].add(chain)
        for index, number in enumerate(numbers):
            annotated = ((doc_id, number) in selection if selection is not None
                         else number in cross_event)
            yield EcbSentence(doc_id, str(topic), subtopic, f"{topic}_{subtopic}", index,
                              " ".join(words[number]), frozenset(events[number]),
                              frozenset(entities[number]), annotated, number)
