"""The per-article pass on a Ray cluster: ``storyline ingest --engine ray`` and ``storyline extract --engine ray``.

The driver (this process) reads the inputs and drops the articles the store already holds, as the local
engine does. The rest go to a Ray Data pipeline, a window of :data:`WINDOW_ARTICLES` at a time:

    articles (rows of JSON) -> map_batches over a pool of actors -> rows of prepared records, in input order

Each actor (:class:`_Preparer`) loads spaCy and MiniLM once, in its own process, and runs the very function
the local engine's workers run (:func:`.prepare.prepare_chunk`); no model ever crosses Ray's object store
(spaCy issue 13506). The rows come back as Arrow blocks, in input order (``preserve_order``), to the
store's single writer (:meth:`storyline.corpus.Corpus.ingest`), which stores and clusters them as they
arrive: the same input gives the same articles, ids and stories with either engine.

Faults: Ray Data restarts an actor that dies and runs its batch again, and the writer stores a text at most
once (its content hash), so a killed worker loses and doubles nothing; an ingest stopped and run again
skips what it stored.

Ray is an optional extra (``pip install 'storyline[ray]'``); nothing here is imported by the local engine.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice

from ..errors import StorylineError
from ..types import Article, Failure
from .prepare import (PREPARED_VERSION, ROW_FIELDS, SHARD_COLUMNS, Prepared, article_from_row, article_row, from_row,
                      prepare_chunk, to_row)

__all__ = ["prepare", "extract_rows", "require_ray"]

# Articles handed to Ray as one dataset. Each window starts a new actor pool (about 5 s of model loading
# per actor, beside some minutes of parsing per window on each core) and drains it at its end; the driver
# holds one window of texts at a time.
WINDOW_ARTICLES = 4096
# Articles per batch given to an actor: as CHUNK_ARTICLES in the local engine.
BATCH_ARTICLES = 16
INSTALL = "pip install 'storyline[ray]'"
# The columns of an extract's Parquet shards: the article's listing fields and its record, then the prepared
# row's (SHARD_COLUMNS: what `storyline ingest FOLDER` reads back).
SHARD_FIELDS = ("id", "title", "outlet", "published", "url", "record", *SHARD_COLUMNS)


def require_ray(address: str | None = None):
    """The ``ray`` module, or a one-line error saying how to install it. Ray is imported in token
    authentication mode where a cluster's ``address`` is given and a token is at hand (:func:`_token_auth`)."""
    if address:
        _token_auth()  # (before Ray is imported: it reads its authentication mode once)
    try:
        import ray
        import ray.data  # noqa: F401 - Ray Data ships with ray[data]
    except ImportError:
        raise StorylineError(f"the Ray engine needs Ray, which is not installed. Install it with: {INSTALL}") from None
    return ray


class _Session:
    """A connection to Ray for one run: joins the cluster at ``address``, or starts a local Ray with
    ``workers`` CPUs (stopped again at the end)."""

    def __init__(self, address: str | None, workers: int | None) -> None:
        ray = self.ray = require_ray(address)
        self.started = False
        # Every actor embeds in the driver's precision (story.minilm), whatever its own CPU: the vectors, and
        # so the stories, then do not depend on which node parsed an article.
        from ..story.minilm import PRECISION_ENV, precision

        try:
            self.environment = {"env_vars": {PRECISION_ENV: precision()}}
        except ValueError as exc:
            raise StorylineError(str(exc)) from None
        _quiet()
        if address and not ray.is_initialized():
            _reachable(address)
        if not ray.is_initialized():
            options = dict(logging_level=logging.ERROR, log_to_driver=False)
            try:
                with _stderr_aside() as aside:
                    if address:
                        ray.init(address=address, **options)
                    else:
                        from ..cores import default_processes

                        ray.init(address="local", num_cpus=workers or default_processes(), include_dashboard=False,
                                 **options)
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = f"the Ray cluster at {address}" if address else "a local Ray"
                said = "".join(aside)
                if "InvalidAuthToken" in said or "InvalidAuthToken" in str(exc):
                    raise StorylineError(
                        f"{where} wants its authentication token, and this machine has {_token_where()}. Copy "
                        f"{TOKEN_FILE} from the cluster's head node to this machine (or set RAY_AUTH_TOKEN to its "
                        "contents), and run again") from None
                detail = said.strip().splitlines()[-3:]
                raise StorylineError(f"could not connect to {where} ({exc}{'; ' if detail else ''}{' '.join(detail)}). "
                                     "Start one with: ray start --head, and give its address (host:port) with "
                                     "--address") from None
            self.started = True
        cpus = int(ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, min(workers or cpus, cpus))
        context = ray.data.DataContext.get_current()
        context.execution_options.preserve_order = True  # the writer takes the articles in input order
        context.enable_progress_bars = False
        context.print_on_execution_start = False

    def close(self) -> None:
        if self.started:
            self.ray.shutdown()

    def map(self, articles: Iterable[Article], actor: type, model: str | None) -> Iterator[dict]:
        """The rows ``actor`` makes of each article, in input order, a window at a time."""
        ray = self.ray
        iterator = iter(articles)
        while window := list(islice(iterator, WINDOW_ARTICLES)):
            blocks = max(1, -(-len(window) // BATCH_ARTICLES))
            dataset = ray.data.from_items([article_row(a) for a in window], override_num_blocks=blocks)
            # (the model's name goes to the actors as a constructor argument only when one is asked for: Ray keeps
            # such arguments in its object store, and warns that an actor restarted after they are lost fails)
            kwargs = {"fn_constructor_kwargs": {"model": model}} if model else {}
            dataset = dataset.map_batches(actor, **kwargs, batch_size=BATCH_ARTICLES,
                                          compute=ray.data.ActorPoolStrategy(size=min(self.workers, blocks)),
                                          num_cpus=1, batch_format="pyarrow", runtime_env=self.environment)
            for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
                yield from batch.to_pylist()


def _quiet() -> None:
    """Keep Ray's and Ray Data's notices (cluster started, progress bars off, dataset finished) off stderr: the
    command prints its own progress and summary."""
    # (a local cluster gets Ray's default token authentication; its notice saying so is one of these)
    for name in ("ray", "ray.data", "ray._private.authentication.authentication_token_setup"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # The driver's own C++ core worker writes its notices straight to stderr (one per actor pool: "constructor
    # arguments in the object store"); errors that matter reach this process as exceptions. A local Ray started
    # here logs at the same level; set RAY_BACKEND_LOG_LEVEL (for example to "info") to see more.
    os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")


# Where Ray keeps the token of the clusters started on a machine, and looks for it (a cluster started with
# `ray start --head` asks every node and driver that joins it for the token: the default of Ray 2.60, pinned here).
TOKEN_FILE = "~/.ray/auth_token"


def _token_auth() -> None:
    """Join a cluster with token authentication wherever a token is at hand: Ray's `ray start --head` turns it
    on, and a driver that does not send the token is refused (after a minute of retries). A driver in token
    mode joins a cluster without authentication too, so this is safe whatever the cluster's setting."""
    if "RAY_AUTH_MODE" not in os.environ and _token_where() != "none":
        os.environ["RAY_AUTH_MODE"] = "token"


def _token_where() -> str:
    """Where this machine has a Ray token: an environment variable, the token file, or none."""
    if os.environ.get("RAY_AUTH_TOKEN"):
        return "one in RAY_AUTH_TOKEN"
    path = os.environ.get("RAY_AUTH_TOKEN_PATH") or os.path.expanduser(TOKEN_FILE)
    return f"the one in {path}" if os.path.isfile(path) else "none"


def _reachable(address: str) -> None:
    """Fail at once, with what to do, when nothing listens at a ``host:port`` address (Ray itself retries for
    a minute). Other forms (``auto``, ``ray://...``) are left to Ray."""
    import socket

    host, _, port = address.rpartition(":")
    if not host or not port.isdigit() or "://" in address:
        return
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as exc:
        raise StorylineError(f"no Ray cluster answers at {address} ({exc.strerror or exc}). Start one with: "
                             f"ray start --head --port {port}, or give the address it printed with --address") from None


@contextmanager
def _stderr_aside():
    """Send what is written to file descriptor 2 meanwhile (Ray's C++ start-up notices) aside: the list yielded
    holds it afterwards."""
    import sys
    import tempfile

    sys.stderr.flush()
    saved = os.dup(2)
    text: list[str] = []
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as aside:
        os.dup2(aside.fileno(), 2)
        try:
            yield text
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            aside.seek(0)
            text.append(aside.read())


class _Preparer:
    """A Ray actor: the per-article pass (:func:`.prepare.prepare_chunk`), its models loaded once."""

    def __init__(self, model: str | None = None) -> None:
        from ..nlp.pipeline import start_worker
        from .prepare import init_worker

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        self.model = model
        start_worker(init_worker, model)

    def __call__(self, batch):
        return _table([to_row(result, article) for result, article in self._prepared(batch)], ROW_FIELDS)

    def _prepared(self, batch) -> list[tuple[Prepared | Failure, Article]]:
        articles = [article_from_row(row) for row in batch.to_pylist()]
        return list(zip(prepare_chunk(articles, self.model), articles))


class _Extractor(_Preparer):
    """A Ray actor: the per-article pass, plus the JSON record ``storyline extract`` prints for each article."""

    def __call__(self, batch):
        from ..api import extract_records
        from ..report.json import dumps

        rows = [{**to_row(result, article),
                 "record": dumps(next(extract_records([result.analysis])), pretty=False)
                 if isinstance(result, Prepared) else None}
                for result, article in self._prepared(batch)]
        return _table(rows, ROW_FIELDS + ("record",))


def _table(rows: list[dict], fields: tuple[str, ...]):
    import pyarrow as pa

    binary = {"minhash", "embedding"}
    return pa.table({f: pa.array([row.get(f) for row in rows], type=pa.binary() if f in binary else pa.string())
                     for f in fields})


def prepare(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    address: str | None = None,
    model: str | None = None,
    on_done: Callable[[int], None] | None = None,
) -> Iterator[Prepared | Failure]:
    """The per-article pass over ``articles`` on Ray (``processes`` actors; by default one per CPU of the
    cluster), in input order: the Ray engine's counterpart of :func:`.prepare.prepare`. Ray is joined or started
    at the first article (an ingest of articles all stored already starts none)."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return
    session = _Session(address, processes)
    try:
        for row in session.map(chain((first,), articles), _Preparer, model):
            yield from_row(row)
            if on_done:
                on_done(1)
    finally:
        session.close()


def extract_rows(
    articles: Iterable[Article],
    *,
    processes: int | None = None,
    address: str | None = None,
    model: str | None = None,
) -> Iterator[dict]:
    """Each article's prepared row (:data:`.prepare.ROW_FIELDS`) with its ``record``: the JSON line
    ``storyline extract`` prints for it (None for a Failure, whose row has ``failure`` set)."""
    session = _Session(address, processes)
    try:
        yield from session.map(articles, _Extractor, model)
    finally:
        session.close()


def write_parquet(rows: Iterable[dict], folder: str, *, part_rows: int = WINDOW_ARTICLES,
                  on_row: Callable[[dict], None] | None = None) -> int:
    """Write rows as Parquet shards ``part-00000.parquet``, ... in ``folder`` (in order); return how many rows.
    A row with ``failure`` set is passed to ``on_row`` only, not written."""
    import pyarrow.parquet as pq

    os.makedirs(folder, exist_ok=True)
    written, part, buffer = 0, 0, []

    def flush() -> None:
        nonlocal part
        if buffer:
            pq.write_table(_table(buffer, SHARD_FIELDS), os.path.join(folder, f"part-{part:05d}.parquet"))
            part += 1
            buffer.clear()

    for row in rows:
        if on_row:
            on_row(row)
        if row.get("failure") is not None:
            continue
        article = json.loads(row["article"])
        buffer.append({**row, "title": article.get("title"), "outlet": article.get("outlet"),
                       "published": article.get("published"), "url": article.get("url"), "version": PREPARED_VERSION})
        written += 1
        if len(buffer) >= part_rows:
            flush()
    flush()
    return written
