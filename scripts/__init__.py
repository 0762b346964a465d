"""Maintenance scripts, run from the repository root (``python -m scripts.cli_docs``); the tests import them."""
