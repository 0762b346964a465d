"""A corpus for the web app's tests: the two seed reports (outlets and dates given), a lightly edited copy of
the ABC one (a near-copy), and an article whose id, title, outlet, url and text carry script payloads."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import ABC, EXAMPLE, PUBLISHED

# Script payloads an article's fields may carry: each must show as text, never run.
PAYLOAD = "<script>window.__pwned = 1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned = 2">'
HOSTILE_ID = 'x"><script>window.__pwned=3</script>'


# A made-up report on another subject than the seeds (so that it is a story of its own), for the payloads.
HOSTILE_TEXT = """The city council voted on Tuesday to delay the new budget after a seven-hour meeting, the mayor's
office said. Council members argued over the cost of repairing three bridges and the pay of 1,200 city workers.
"We cannot sign a budget that leaves the bridges unsafe," said council member Ana Ruiz, who voted against it.
The mayor said a new vote would be held next month. Unions said workers would protest outside city hall on
Friday if the pay rise was cut."""


def hostile_record() -> dict:
    """A report whose every field carries script payloads (its text still reads as English news)."""
    body = " ".join(HOSTILE_TEXT.split())
    return {"id": HOSTILE_ID, "title": f"Budget talks {IMG_PAYLOAD} stall", "outlet": f"Evil Times {PAYLOAD}",
            "url": "javascript:window.__pwned=4", "published": "2024-03-06",
            "text": f"Budget talks stall {PAYLOAD} as lawmakers argue.\n\n{body} {IMG_PAYLOAD}"}


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    from storyline.corpus import Corpus

    root = tmp_path_factory.mktemp("web")
    copy = root / "inputs" / "abc-copy.txt"
    copy.parent.mkdir()
    copy.write_text(ABC.read_text(encoding="utf-8").replace("high-level officials", "senior officials"), encoding="utf-8")
    hostile = root / "hostile" / "hostile.jsonl"
    hostile.parent.mkdir()
    hostile.write_text(json.dumps(hostile_record()) + "\n", encoding="utf-8")
    db = root / "web.db"
    with Corpus(db) as corpus:
        summary = corpus.ingest([EXAMPLE, copy.parent, hostile], processes=1, published=PUBLISHED,
                                outlet={"000_fc6d89dac03494ff": "ABC News", "abc-copy": "ABC News"})
        assert (summary.new, summary.near_duplicate, summary.failed) == (3, 1, 0), summary.failures
        assert corpus.refresh_reports() == 1  # the two-source story
        for story in corpus.stories():  # and the one-article ones, as their first view would
            corpus.report(story.id)
    return db


@pytest.fixture
def fresh_db(web_db, tmp_path) -> Path:
    """A copy of the web corpus a test may change."""
    db = tmp_path / "copy.db"
    shutil.copy(web_db, db)
    return db
