"""Multi-document summary ROUGE on Multi-News: Storyline against lead and LexRank baselines.

    python -m benchmarks.eval_summary [--limit 500] [--offset 0] [--words 230] [--json FILE]

Data: Multi-News+ (cleansed) clusters read by ``corpora.multinews_clusters``; by default only the
clusters of split ``test``, in file order, clusters with no source document left out (16 in the
corpus), then ``--offset K`` skipped and the next ``--limit N`` (default 500) scored. A cluster's
``documents`` are the sources, its ``summary`` (written by newser.com editors) the reference. The
texts are tokenised Multi-News style and lower-cased except where the cleansing capitalised the first
letter after a full stop (also after abbreviations: ``mr. Obama``, ``u.s. Attorney``).

Word limit: every system's summary is cut to ``--words`` words (default 230, about the mean reference
length of 227): whole sentences are taken in the system's order while they fit, and the first one that
does not fit is cut after the word that reaches the limit (:func:`truncate`). A *word* is a
whitespace-separated token, so tokenised punctuation (``"``, ``--``) counts. A system with fewer words
to give yields a shorter summary.

Sentences (:func:`split_sentences`, the same for the lead, LexRank and the reference's ``rougeLsum``
lines): a run of ``. ! ?`` (optionally followed by closing quotes or brackets) followed by whitespace
ends a sentence, except after an abbreviation (titles such as ``mr. gov. sen.``, months, US state
abbreviations, ``u.s.``-style dotted initials, single letters such as the ``w.`` of ``george w.
bush``, and ``no.`` before a number). In the tokenised text a closing quotation mark stands apart
(``... vision for ebooks . " representatives``): a lone ``"`` right after the boundary goes with the
sentence before when that sentence holds an odd number of ``"`` (an open quotation), else with the
next one.

Systems, all cut to the same word limit:

- ``storyline``: ``make_article(text, f"{idx}-{j}")`` for every source (no publication date), the
  articles of all clusters analysed in one streaming ``analyze(..., processes=2)`` call and grouped
  back by cluster, then ``build_story(analyses, summary_words=words).summary`` (plain
  ``build_story(analyses)`` while the keyword does not exist); the summary is its sentence texts in
  order. Its citations are checked too: **citation coverage** is the share of summary sentences that
  name at least one source and carry an evidence span whose text equals or contains the sentence text
  (whitespace-normalised); **evidence valid** the share of evidence spans whose ``start:end`` in the
  named source's text reproduce their ``text``; **all sources cited** the share of clusters in which
  every source document is named by at least one summary sentence.
- ``lead``: the first sentences of the documents taken round-robin (doc 1 sentence 1, doc 2
  sentence 1, ..., doc 1 sentence 2, ...), documents that run out skipped.
- ``lexrank``: LexRank (Erkan & Radev 2004) with threshold: scikit-learn ``TfidfVectorizer`` (English
  stop words removed) fitted on all sentences of the cluster, cosine similarity, an edge where it
  exceeds 0.1 (no self-loops), PageRank by power iteration (damping 0.85, a sentence without edges
  jumping uniformly; Storyline's own ``storyline.story.summary.lexrank_centrality``, here run to a
  tolerance of 1e-10 or 200 steps); sentences are taken by rank (ties: earlier sentence), skipping any
  with cosine > 0.5 to one already taken, until the word limit, and output in rank order.

Scoring: ``rouge_score`` 0.1.2 ``RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)``,
F1 of each cluster averaged over clusters; for ``rougeLsum`` every summary sentence (system and
reference, the latter split by :func:`split_sentences`) is on its own line.

Reference figures (from the issue, on held-out clusters): lead at 230 words R1/R2 0.435/0.135; at the
reference length lead 0.449/0.147, LexRank 0.452/0.151, MiniLM+MMR 0.454/0.153; PRIMERA (abstractive,
no citations) 0.499/0.211.

Output: a Markdown table of mean ROUGE F1 and runtimes, the differences storyline - lead and the
citation checks; ``--json`` writes the figures. :func:`evaluate` returns them.
"""

from __future__ import annotations

import argparse
import inspect
import re
import statistics
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

if not __package__:  # run as a file: the imports below need the package
    sys.exit("run it as a module from the repository root: python -m benchmarks.eval_summary")

from . import corpora, harness  # noqa: E402
from .tables import table  # noqa: E402

METRICS = ("rouge1", "rouge2", "rougeLsum")
THRESHOLD = 0.1
DAMPING = 0.85
REDUNDANCY = 0.5

# ------------------------------------------------------------------ sentences
ABBREVIATIONS = frozenset("""
mr mrs ms messrs dr prof rev hon fr sr jr st mt ft gov sen rep reps pres gen lt col maj capt cmdr
adm sgt cpl pvt supt det insp atty amb
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
nev okla ore pa penn tenn tex va vt wash wis wyo
vs v etc inc corp co ltd bros dept univ assn ave blvd rd hwy approx est al
""".split())
NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "pp", "p", "art", "sec"})
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
_LONE_CLOSER = re.compile(r"\s+(\"|''|”)(?=\s|$)")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")


def _is_abbreviation(before: str, mark: str, after: str) -> bool:
    """Whether a full stop after the token ``before`` marks an abbreviation, not a sentence end."""
    if mark != ".":
        return False
    word = before.lower().lstrip("\"'“‘([")
    if not word:
        return False
    if word in NUMBER_ABBREVIATIONS:
        return after[:1].isdigit()
    return word in ABBREVIATIONS or _DOTTED.fullmatch(word) is not None or (len(word) == 1 and word.isalpha())


def split_sentences(text: str) -> list[str]:
    """Sentences of a (tokenised, lower-cased) text; see the module docstring for the rules."""
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(text):
        if m.start() < start:
            continue
        head = text[start:m.start()]
        token = head.rsplit(None, 1)[-1] if head.strip() and not head[-1:].isspace() else ""
        if _is_abbreviation(token, m.group().rstrip("\"”’')]"), text[m.end():].lstrip()):
            continue
        end = m.end()
        closer = _LONE_CLOSER.match(text, end)
        if closer and text[start:end].count('"') % 2 == 1:
            end = closer.end()
        sentence = text[start:end].strip()
        if sentence:
            sentences.append(sentence)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def word_count(text: str) -> int:
    """Whitespace-separated tokens."""
    return len(text.split())


def truncate(sentences: Iterable[str], words: int) -> list[str]:
    """Whole sentences in order up to ``words`` words, the last one cut at the limit.

    A cut sentence is its first words joined by single spaces; whole sentences are kept as they are.
    Empty sentences are dropped.
    """
    out: list[str] = []
    count = 0
    for sentence in sentences:
        if count >= words:
            break
        tokens = sentence.split()
        if not tokens:
            continue
        if count + len(tokens) <= words:
            out.append(sentence.strip())
            count += len(tokens)
        else:
            out.append(" ".join(tokens[:words - count]))
            count = words
    return out


# -------------------------------------------------------------------- baselines
def lead(documents: Sequence[Sequence[str]], words: int) -> list[str]:
    """Round-robin lead: sentence 1 of every document, then sentence 2, ..., cut at ``words``."""
    def order() -> Iterator[str]:
        for k in range(max((len(d) for d in documents), default=0)):
            for doc in documents:
                if k < len(doc):
                    yield doc[k]
    return truncate(order(), words)


def lexrank_scores(sentences: Sequence[str], threshold: float = THRESHOLD, damping: float = DAMPING,
                   iterations: int = 200, tolerance: float = 1e-10):
    """LexRank centrality of each sentence and the cosine similarity matrix (numpy arrays): the
    sentences' TF-IDF cosines (English stop words left out), ranked by the summary's own LexRank."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storyline.story.summary import lexrank_centrality

    n = len(sentences)
    if n == 0:
        return np.zeros(0), np.zeros((0, 0))
    try:
        matrix = TfidfVectorizer(stop_words="english").fit_transform(sentences)
        similarity = (matrix @ matrix.T).toarray()  # rows are L2-normalised: cosine
    except ValueError:  # no term left (every sentence all stop words)
        similarity = np.zeros((n, n))
    return lexrank_centrality(similarity, threshold, damping, iterations, tolerance), similarity


def lexrank(documents: Sequence[Sequence[str]], words: int, redundancy: float = REDUNDANCY) -> list[str]:
    """LexRank summary of a cluster (documents as sentence lists), in rank order, cut at ``words``."""
    sentences = [s for doc in documents for s in doc]
    scores, similarity = lexrank_scores(sentences)
    ranked = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    count = 0
    for i in ranked:
        if count >= words:
            break
        if any(similarity[i, j] > redundancy for j in chosen):
            continue
        chosen.append(i)
        count += word_count(sentences[i])
    return truncate((sentences[i] for i in chosen), words)


# -------------------------------------------------------------------- storyline
def _normalise(text: str) -> str:
    return " ".join(text.split())


def citation_checks(summary, analyses) -> dict:
    """Counts for the citation figures of one cluster's Storyline summary."""
    texts = {a.article.id: a.article.text for a in analyses}
    cited = evidence = valid = 0
    named: set[str] = set()
    for sentence in summary:
        named.update(sentence.sources)
        own = _normalise(sentence.text)
        if sentence.sources and any(own and own in _normalise(e.text) for e in sentence.evidence):
            cited += 1
        for e in sentence.evidence:
            evidence += 1
            valid += e.source in texts and texts[e.source][e.start:e.end] == e.text
    return {"sentences": len(summary), "cited": cited, "evidence": evidence, "evidence_valid": valid,
            "all_sources_cited": bool(texts) and set(texts) <= named}


def _story_caller():
    from storyline.story import build_story

    params = inspect.signature(build_story).parameters
    takes = "summary_words" in params or any(p.kind is p.VAR_KEYWORD for p in params.values())
    if takes:
        return lambda analyses, failures, words: build_story(analyses, failures, summary_words=words), True
    return lambda analyses, failures, words: build_story(analyses, failures), False


def storyline_summaries(clusters: Sequence[corpora.MultiNewsCluster], words: int, processes: int = 2):
    """Storyline's summaries (sentence lists, cut at ``words``), citation counts and timing."""
    from storyline import make_article
    from storyline.nlp.pipeline import analyze
    from storyline.types import Failure

    start = time.perf_counter()
    story, has_keyword = _story_caller()
    owners = [n for n, c in enumerate(clusters) for _ in c.documents]
    articles = (make_article(text, f"{c.idx}-{j}") for c in clusters for j, text in enumerate(c.documents))
    grouped: list[tuple[list, list]] = [([], []) for _ in clusters]
    story_seconds = 0.0
    summaries: list[list[str]] = [[] for _ in clusters]
    checks: list[dict] = [{} for _ in clusters]
    failures = 0

    def finish(n: int) -> None:
        nonlocal story_seconds
        analyses, failed = grouped[n]
        t = time.perf_counter()
        report = story(analyses, failed, words) if analyses else None
        story_seconds += time.perf_counter() - t
        summary = report.summary if report else ()
        summaries[n] = truncate((s.text for s in summary), words)
        checks[n] = citation_checks(summary, analyses)
        grouped[n] = ([], [])

    for n, result in zip(owners, analyze(articles, processes=processes)):
        if isinstance(result, Failure):
            failures += 1
            grouped[n][1].append(result)
        else:
            grouped[n][0].append(result)
        if sum(map(len, grouped[n])) == len(clusters[n].documents):
            finish(n)
    seconds = time.perf_counter() - start
    return summaries, checks, {"failures": failures, "seconds": seconds, "build_story_seconds": story_seconds,
                               "summary_words_keyword": has_keyword}


# ---------------------------------------------------------------------- driver
def load_clusters(limit: int | None = 500, offset: int = 0, split: str | None = "test"):
    """Clusters of ``split`` with at least one document, ``offset`` skipped, at most ``limit``."""
    clusters = [c for c in corpora.multinews_clusters() if (split is None or c.split == split) and c.documents]
    clusters = clusters[offset:]
    return clusters[:limit] if limit is not None else clusters


def rouge(scorer, summary: Sequence[str], reference: Sequence[str],
          metrics: Sequence[str] = METRICS) -> dict[str, float]:
    """ROUGE F1 of one summary against one reference, both as sentence lists (``metrics``: those the
    scorer was made with)."""
    scores = scorer.score("\n".join(reference), "\n".join(summary))
    return {m: scores[m].fmeasure for m in metrics}


def run(limit: int | None = 500, words: int = 230, offset: int = 0, processes: int = 2):
    """Summarise and score; return the figures and the per-cluster summaries."""
    from rouge_score import rouge_scorer

    clusters = load_clusters(limit, offset)
    summaries: dict[str, list[list[str]]] = {}
    systems: dict[str, dict] = {}
    sl, checks, info = storyline_summaries(clusters, words, processes)
    summaries["storyline"] = sl
    systems["storyline"] = {"seconds": round(info["seconds"], 1), "failures": info["failures"],
                            "build_story_seconds": round(info["build_story_seconds"], 1),
                            "summary_words_keyword": info["summary_words_keyword"]}
    t = time.perf_counter()
    split = [[split_sentences(d) for d in c.documents] for c in clusters]
    split_seconds = time.perf_counter() - t
    for name, system in (("lead", lead), ("lexrank", lexrank)):
        t = time.perf_counter()
        summaries[name] = [system(docs, words) for docs in split]
        systems[name] = {"seconds": round(time.perf_counter() - t + split_seconds, 1)}
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    references = [split_sentences(c.summary) for c in clusters]
    t = time.perf_counter()
    per_cluster: dict[str, list[dict]] = {}
    for name, outs in summaries.items():
        per_cluster[name] = [rouge(scorer, s, r) for s, r in zip(outs, references)]
        fig = systems[name]
        for m in METRICS:
            fig[m] = statistics.fmean(x[m] for x in per_cluster[name]) if clusters else 0.0
        fig["mean_words"] = statistics.fmean(sum(map(word_count, s)) for s in outs) if clusters else 0.0
        fig["empty"] = sum(not s for s in outs)
    rouge_seconds = time.perf_counter() - t
    sentences = sum(c["sentences"] for c in checks)
    evidence = sum(c["evidence"] for c in checks)
    systems["storyline"]["citations"] = {
        "summary_sentences": sentences,
        "citation_coverage": sum(c["cited"] for c in checks) / sentences if sentences else 0.0,
        "evidence_spans": evidence,
        "evidence_valid": sum(c["evidence_valid"] for c in checks) / evidence if evidence else 0.0,
        "all_sources_cited": sum(c["all_sources_cited"] for c in checks) / len(clusters) if clusters else 0.0,
    }
    figures = {
        "split": "test", "limit": limit, "offset": offset, "words": words, "clusters": len(clusters),
        "documents": sum(len(c.documents) for c in clusters),
        "reference_words": statistics.fmean(word_count(c.summary) for c in clusters) if clusters else 0.0,
        "systems": systems,
        "storyline_minus_lead": {m: systems["storyline"][m] - systems["lead"][m] for m in METRICS},
        "rouge_seconds": round(rouge_seconds, 1),
    }
    return figures, {"clusters": clusters, "summaries": summaries, "rouge": per_cluster}


def evaluate(limit: int = 500, words: int = 230, offset: int = 0) -> dict:
    """The evaluation figures (see the module docstring)."""
    return run(limit, words, offset)[0]


def markdown(figures: dict) -> str:
    """The figures as Markdown."""
    lines = [f"Multi-News+ test: {figures['clusters']} clusters (offset {figures['offset']}), "
             f"{figures['documents']} documents; reference {figures['reference_words']:.0f} words on average; "
             f"summaries cut to {figures['words']} words.", ""]
    rows = [[name, f"{s['rouge1']:.3f}", f"{s['rouge2']:.3f}", f"{s['rougeLsum']:.3f}", f"{s['mean_words']:.0f}",
             s["empty"], s["seconds"]] for name, s in figures["systems"].items()]
    lines += table(["system", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-Lsum F1", "mean words", "empty summaries",
                    "seconds"], rows)
    d = figures["storyline_minus_lead"]
    sl = figures["systems"]["storyline"]
    c = sl["citations"]
    lines += ["", f"storyline - lead: ROUGE-1 {d['rouge1']:+.3f}, ROUGE-2 {d['rouge2']:+.3f}, "
              f"ROUGE-Lsum {d['rougeLsum']:+.3f}",
              f"storyline citations: {c['summary_sentences']} summary sentences, citation coverage "
              f"{100 * c['citation_coverage']:.1f}%; {c['evidence_spans']} evidence spans, "
              f"{100 * c['evidence_valid']:.1f}% valid; all sources cited in "
              f"{100 * c['all_sources_cited']:.1f}% of clusters.",
              f"storyline: {sl['seconds']} s in all (analysis with 2 processes; build_story "
              f"{sl['build_story_seconds']} s), {sl['failures']} failed articles"
              + ("" if sl["summary_words_keyword"] else "; build_story has no summary_words keyword yet")
              + f". ROUGE scoring {figures['rouge_seconds']} s.",
              "Issue's reference (held-out clusters): lead at 230 words R1/R2 0.435/0.135; at reference "
              "length lead 0.449/0.147, LexRank 0.452/0.151, MiniLM+MMR 0.454/0.153, PRIMERA 0.499/0.211."]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=500, help="clusters to score (default 500)")
    parser.add_argument("--offset", type=int, default=0, help="test clusters to skip first")
    parser.add_argument("--words", type=int, default=230, help="summary length in words (default 230)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON to this file")
    args = parser.parse_args(argv)
    if not (harness.data_ready("multinews") and harness.installed(
            "rouge_score", "skipped: rouge-score is not installed (pip install rouge-score==0.1.2)")):
        return
    start = time.perf_counter()
    figures, _ = run(args.limit, args.words, args.offset)
    harness.finish(figures, markdown, start, args.json)


if __name__ == "__main__":
    main()
