"""Storyline's benchmarks and evaluations: scripts run as modules from the repository root.

    python -m benchmarks.eval_quotes --split dev
    python -m benchmarks.throughput --help

They read the annotated corpora in ``../shared/data`` (or ``$STORYLINE_DATA``; see :mod:`.corpora`)
and skip cleanly where a corpus is absent. The tests import them the same way (``benchmarks.corpora``,
``benchmarks.eval_quotes``), with the repository root on pytest's ``pythonpath``. What the scripts share:
:mod:`.harness` (a corpus check, optional baselines, the closing figures and their JSON) and
:mod:`.tables` (Markdown tables and the spans of an error report).
"""
