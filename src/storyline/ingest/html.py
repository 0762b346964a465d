"""Read a news web page: the article text and its metadata, through trafilatura."""

from __future__ import annotations

from ..errors import InputError
from .text import MAX_FILE_BYTES, check_text

# Fewer words than this is a menu or a cookie notice, not an article.
MIN_ARTICLE_WORDS = 15
# The publication date is taken only from what the page states about itself (its metadata, its URL,
# <time> elements), never guessed from years in its text: htmldate's "extensive search" gave a page
# without any date metadata that mentioned "the 2016 general election" the date 2016-01-01.
DATE_PARAMS = {"extensive_search": False, "original_date": True}


def extract_html(data: bytes, where: str) -> dict:
    """Extract the article from an HTML page.

    Args:
        data: the page's bytes (trafilatura detects the page's own encoding).
        where: the file name used in error messages.

    Returns:
        A dict with ``text`` and, where the page states them, ``title``, ``author``,
        ``published`` (ISO date), ``url`` and ``sitename``.

    Raises:
        InputError: when the page is empty, too large, or holds no article text.
    """
    if not data.strip():
        raise InputError(where, "file is empty", "Give a file that holds the article's HTML")
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            where, f"file is {len(data) / 1e6:.1f} MB, larger than the "
            f"{MAX_FILE_BYTES // 1_000_000} MB Storyline reads as one page",
            "Save only the article's page",
        )
    if b"\x00" in data[:8192]:
        raise InputError(where, "file is binary, not HTML", "Give the page as saved HTML")
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    document = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False,
        date_extraction_params=DATE_PARAMS,
    )
    text = document.text if document is not None else None
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            where, "no article text found in the HTML page",
            "Check that the page holds the article itself, or give its text as .txt",
        )
    text = check_text(text, where)
    return {
        "text": text,
        "title": document.title or None,
        "author": document.author or None,
        "published": document.date or None,
        "url": document.url or None,
        "sitename": document.sitename or None,
    }
