"""The web app through its HTTP interface (FastAPI's TestClient): pages, the JSON API, stored reports, bounds,
headers and read-only use. The browser tests (test_browser.py) click through the same pages in Chromium."""

from __future__ import annotations

import html
import json
import sqlite3
import time

import pytest
from fastapi.testclient import TestClient

from storyline.corpus import Corpus
from storyline.web import create_app
from storyline.web.app import CSP, MAX_QUERY, MAX_TARGET

from .conftest import HOSTILE_ID, PAYLOAD


@pytest.fixture(scope="module")
def client(web_db):
    with TestClient(create_app(web_db)) as client:
        yield client


def _story_of(db, article_id: str) -> int:
    with Corpus(db, create=False) as corpus:
        return corpus.store.article_links(article_id).story


def test_stories_page_lists_newest_first_with_coverage(client, web_db):
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    gantz, hostile = _story_of(web_db, "000_fc6d89dac03494ff"), _story_of(web_db, HOSTILE_ID)
    # the payload story is dated 2024-03-06, Gantz's 2024-03-04 to 03-05: newest first
    assert html.index(f'href="/stories/{hostile}"') < html.index(f'href="/stories/{gantz}"')
    assert "2024-03-04 – 2024-03-05 · 2 articles · 2 outlets" in html
    assert 'title="ABC News: 1"' in html and 'title="CNN: 1"' in html  # the coverage bar, one segment per outlet
    data = client.get("/api/stories").json()
    assert data["total"] == 2 and [s["id"] for s in data["stories"]] == [hostile, gantz]
    assert {c["outlet"] for c in data["stories"][1]["coverage"]} == {"ABC News", "CNN"}


def test_stories_filter_by_outlet_and_dates(client, web_db):
    gantz = _story_of(web_db, "000_fc6d89dac03494ff")
    assert [s["id"] for s in client.get("/api/stories", params={"outlet": "CNN"}).json()["stories"]] == [gantz]
    assert client.get("/api/stories", params={"outlet": "Nobody"}).json()["total"] == 0
    assert [s["id"] for s in client.get("/api/stories", params={"until": "2024-03-05"}).json()["stories"]] == [gantz]
    assert client.get("/api/stories", params={"since": "2024-03-06"}).json()["total"] == 1
    assert "No story matches." in client.get("/", params={"since": "2030-01-01"}).text


def test_story_page_and_api_give_the_report_of_storyline_show(client, web_db):
    from storyline.api import render

    gantz = _story_of(web_db, "000_fc6d89dac03494ff")
    page = client.get(f"/stories/{gantz}")
    assert page.status_code == 200
    for heading in ("Summary", "Figures", "Sources", "Cast", "Who said what", "When", "Where they differ",
                    "Reported by several sources", "Framing", "Articles"):
        assert f"<h2>{heading}</h2>" in page.text or f"<h3>{heading}</h3>" in page.text, heading
    assert "Same words, different speakers." in page.text  # "no excuses": Harris in one, Biden in the other
    assert 'href="/articles/000_fc6d89dac03494ff"' in page.text
    with Corpus(web_db, create=False) as corpus:
        expected = json.loads(render(corpus.report(gantz), "json"))
    assert client.get(f"/api/stories/{gantz}").json() == expected


def test_kept_reports_are_read_not_rebuilt_and_rebuilt_when_the_story_changes(fresh_db, monkeypatch):
    import storyline.story as story

    gantz = _story_of(fresh_db, "000_fc6d89dac03494ff")
    with Corpus(fresh_db, create=False) as corpus:
        kept = corpus.report(gantz)
    built = []
    real = story.build_story
    monkeypatch.setattr(story, "build_story", lambda *a, **k: built.append(1) or real(*a, **k))
    with Corpus(fresh_db, create=False) as corpus:
        again = corpus.report(gantz)
        assert built == [] and again == kept  # the whole report, read back equal to the one built
        # the story gains an article: the kept report is no longer its report
        corpus.store.db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = 'abc-copy'")
        corpus.report(gantz)
    assert built == [1]


def test_article_page_shows_its_story_and_near_copies(client, web_db):
    page = client.get("/articles/000_fc6d89dac03494ff").text
    gantz = _story_of(web_db, "000_fc6d89dac03494ff")
    assert f'id="story-link" href="/stories/{gantz}"' in page
    assert 'Near-copies: <a href="/articles/abc-copy">abc-copy</a>' in page
    assert 'A near-copy of <a href="/articles/000_fc6d89dac03494ff">' in client.get("/articles/abc-copy").text
    assert '<mark class="ent t-PERSON"' in page and 'class="qt q-direct' in page
    data = client.get("/api/articles/abc-copy").json()
    assert data["duplicate_of"] == "000_fc6d89dac03494ff" and data["story"] == gantz


def test_search_links_each_hit_to_its_article_and_story(client, web_db):
    page = client.get("/search", params={"q": "no excuses"}).text
    gantz = _story_of(web_db, "000_fc6d89dac03494ff")
    assert 'href="/articles/002_cfade814ec095534"' in page and f'href="/stories/{gantz}"' in page
    assert "<mark>no</mark> <mark>excuses</mark>" in page.lower()
    hits = client.get("/api/search", params={"q": "no excuses", "outlet": "CNN"}).json()["hits"]
    assert [h["id"] for h in hits] == ["002_cfade814ec095534"]
    early = client.get("/api/search", params={"q": "no excuses", "until": "2024-03-04"}).json()["hits"]
    assert [h["id"] for h in early] == ["000_fc6d89dac03494ff"]  # ABC's, of 4 March; CNN's is of the 5th
    assert "No article matches." in client.get("/search", params={"q": "zeppelin"}).text


def test_payloads_are_escaped_everywhere(client, web_db):
    hostile = _story_of(web_db, HOSTILE_ID)
    from urllib.parse import quote

    for path in ("/", f"/stories/{hostile}", "/articles/" + quote(HOSTILE_ID, safe=""), "/search?q=budget"):
        html = client.get(path).text
        assert PAYLOAD not in html and "<img src=x" not in html and "<script>window" not in html, path
        assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html, path
    assert client.get("/api/articles/" + quote(HOSTILE_ID, safe="")).json()["source"]["id"] == HOSTILE_ID


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/stories/999999", "/api/status", "/static/app.css", "/nowhere"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
    assert "unsafe-inline" not in CSP and "script-src 'self'" in CSP


@pytest.mark.parametrize("method, path, status, message", [
    ("GET", "/stories/999999", 404, "There is no story 999999 in this corpus."),
    ("GET", "/stories/99999999999999999999", 400, "The request is not valid"),
    ("GET", "/articles/nope", 404, "There is no article 'nope' in this corpus."),
    ("GET", "/?page=0", 400, "page: Input should be greater than or equal to 1"),
    ("GET", "/?since=yesterday", 400, "since: String should match pattern"),
    ("GET", "/search?q=" + "a" * (MAX_QUERY + 1), 400, "q: String should have at most 500 characters"),
    ("GET", "/search?q=Gantz+AND+(", 400, "is malformed"),
    ("GET", "/static/../../etc/passwd", 404, "Not Found"),
    ("POST", "/", 405, "This app only reads: use GET."),
    ("GET", "/?outlet=" + "x" * MAX_TARGET, 414, "The address is too long"),
])
def test_bad_requests_get_a_clear_answer(client, method, path, status, message):
    response = client.request(method, path)
    assert response.status_code == status and message in html.unescape(response.text), response.text[:300]


def test_api_errors_are_json_and_the_schema_documents_the_api(client):
    response = client.get("/api/stories/999999")
    assert response.status_code == 404 and response.json() == {"error": "There is no story 999999 in this corpus."}
    schema = client.get("/api/openapi.json").json()
    assert {"/api/status", "/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}",
            "/api/search"} <= set(schema["paths"])
    assert not any(p.startswith("/stories") or p == "/" for p in schema["paths"])  # pages are not API


def _until(check, seconds: float = 120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if (found := check()):
            return found
        time.sleep(0.2)
    raise AssertionError("not within the time")


def test_read_only_by_default_and_a_first_view_never_waits_for_a_build(fresh_db):
    """A read-only app builds a missing report in a thread, says so meanwhile, and keeps it in memory, never
    in the store; nothing can write to the store through it. With --write the report is kept in the store."""
    with Corpus(fresh_db, create=False) as corpus:
        corpus.store.forget_reports()
    gantz = _story_of(fresh_db, "000_fc6d89dac03494ff")
    with TestClient(create_app(fresh_db)) as client:
        first = client.get(f"/stories/{gantz}")
        assert first.status_code == 200 and 'id="building"' in first.text
        assert '<meta http-equiv="refresh" content="5">' in first.text
        api = client.get(f"/api/stories/{gantz}")
        assert api.status_code in (200, 503)  # 503 (Retry-After) until the build is done
        _until(lambda: "<h2>Who said what</h2>" in client.get(f"/stories/{gantz}").text)
        assert client.get(f"/api/stories/{gantz}").headers["storyline-report"] == "current"
    with Corpus(fresh_db, create=False) as corpus:
        assert corpus.store.stored_report(gantz) is None
    from storyline.corpus.store import Store

    store = Store(fresh_db, readonly=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.db.execute("DELETE FROM articles")
    with TestClient(create_app(fresh_db, write=True)) as client:
        client.get(f"/stories/{gantz}")
        _until(lambda: "<h2>Who said what</h2>" in client.get(f"/stories/{gantz}").text)
    with Corpus(fresh_db, create=False) as corpus:
        assert corpus.store.stored_report(gantz) is not None


def test_a_story_that_changed_shows_its_last_report_marked_until_the_new_one_is_built(fresh_db):
    gantz = _story_of(fresh_db, "000_fc6d89dac03494ff")
    with Corpus(fresh_db, create=False) as corpus:  # the story gains an article its kept report lacks
        corpus.store.db.execute("UPDATE articles SET duplicate_of = NULL WHERE id = 'abc-copy'")
    with TestClient(create_app(fresh_db)) as client:
        page = client.get(f"/stories/{gantz}").text
        assert 'id="stale"' in page and "<h2>Who said what</h2>" in page  # the earlier report, marked
        assert client.get(f"/api/stories/{gantz}").headers["storyline-report"] == "earlier"
        fresh = _until(lambda: (p := client.get(f"/stories/{gantz}").text) and 'id="stale"' not in p and p)
        assert fresh.count("<article") == 3  # the new report holds the third article


def test_new_stories_show_without_a_restart(fresh_db, tmp_path):
    """Each request reads the store afresh: an article stored while the app runs is listed on the next load."""
    storm = tmp_path / "storm.txt"
    storm.write_text("Storm Ciara brought winds of 90 mph to the coast of Wales on Sunday, the Met Office said, "
                     "and 20,000 homes lost power. Trains were cancelled across the country and two people were "
                     "hurt by falling trees, police said.\n", encoding="utf-8")
    with TestClient(create_app(fresh_db)) as client:
        before = client.get("/api/status").json()
        with Corpus(fresh_db) as corpus:
            assert corpus.ingest([storm], processes=1).new == 1
        after = client.get("/api/status").json()
        assert after["stories"] == before["stories"] + 1 and after["articles"] == before["articles"] + 1
        assert "Storm Ciara" in client.get("/").text


def test_serve_refuses_a_missing_or_foreign_file(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such corpus database" in result.stderr
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    result = runner.invoke(app, ["serve", "--db", str(other)])
    assert result.exit_code == 1 and "is not a Storyline corpus" in result.stderr


def test_headlines_stand_side_by_side_with_their_figures(seed_report):
    """Headlines of two sources, as the story page shows them (the seeds have none: two headlines of the
    same visit are given here, with the figure one of them states)."""
    from dataclasses import replace

    from storyline.report.html import render_html
    from storyline.types import FigureValue, Headline

    toll = FigureValue("002_cfade814ec095534", 100.0, "more than", None, "more than 100", 0, 13)
    report = replace(seed_report, headlines=(
        Headline("000_fc6d89dac03494ff", "Gantz meets Harris in Washington"),
        Headline("002_cfade814ec095534", "More than 100 killed as Gantz visits", (toll,), ("killed",))))
    page = render_html(report)
    assert "<h2>Headlines</h2>" in page
    assert "<td>More than 100 killed as Gantz visits</td><td>killed more than 100</td>" in page
    assert "<td>Gantz meets Harris in Washington</td><td>—</td>" in page


def test_the_figures_status_never_says_agree_of_one_source_or_of_figures_not_compared(seed_report):
    from dataclasses import replace

    from storyline.report.html import render_html
    from storyline.types import Figure, FigureValue

    abc, cnn = "000_fc6d89dac03494ff", "002_cfade814ec095534"
    rows = (Figure("g1", "killed", "agree", "one source gives this figure",
                   (FigureValue(cnn, 100.0, "more than", None, "more than 100", 0, 13),)),
            Figure("g2", "money ($)", "agree", "the sums differ, but may be different sums, or one rounded or "
                   "converted: listed, not compared", (FigureValue(abc, 1e6, None, "$", "$1 million", 0, 10),
                                                      FigureValue(cnn, 2e6, None, "$", "$2 million", 0, 10))),
            Figure("g3", "injured", "agree", "the figures can all be true at once",
                   (FigureValue(abc, 3.0, "at least", None, "at least 3", 0, 10),
                    FigureValue(cnn, 4.0, None, None, "4", 0, 1))))
    page = render_html(replace(seed_report, figures=rows))
    import re

    rows_html = re.findall(r'<tr class="figure-[a-z]+">(.*?)</tr>', page)
    statuses = [row.rsplit("<td>", 1)[1].removesuffix("</td>") for row in rows_html]
    assert statuses == ["one source", "listed, not compared", "agree"]
