"""The web app in a real browser: headless Chromium (Debian's, driven by Playwright's Python client) clicks
through the test corpus as a user would, checks what is on screen, and saves a screenshot of each page
(out/screenshots/). Skipped, saying why, where no Chromium is installed (scripts/install_browser.sh installs
it on Debian as root; `make test` runs that first)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from urllib.parse import quote

import pytest

from ..conftest import ROOT
from .conftest import HOSTILE_ID

SHOTS = ROOT / "out" / "screenshots"


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if found := shutil.which(name):
            return found
    return None


pytestmark = pytest.mark.skipif(_chromium() is None, reason="no Chromium installed: run scripts/install_browser.sh "
                                                            "(Debian, as root) or install chromium")


@pytest.fixture(scope="module")
def server(web_db):
    """The app served by uvicorn on 127.0.0.1, on a free port, in a thread of this process."""
    import uvicorn

    from storyline.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(web_db), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=_chromium(), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_click_through_stories_story_article_search_and_back(server, page):
    page.goto(server + "/")
    assert page.title() == "Stories · Storyline"
    rows = page.locator(".story-row")
    assert rows.count() == 2
    assert "2 articles · 2 outlets" in rows.nth(1).inner_text()
    assert page.locator(".coverage .seg").first.is_visible()
    _shot(page, "1-stories")

    # stories list -> story: the sources side by side
    rows.nth(1).locator("a.story-title").click()
    page.wait_for_load_state()
    assert page.url.startswith(server + "/stories/")
    assert page.locator("h2", has_text="Who said what").is_visible()
    assert page.locator(".callout", has_text="Same words, different speakers").is_visible()
    assert page.locator("article").count() == 2  # each article's text, highlighted
    assert page.locator("article mark.ent").count() > 20
    _shot(page, "2-story")
    # a summary citation leads to its span in the article
    page.locator("ul.summary a.label").first.click()
    target = page.url.split("#")[1]
    assert target.startswith("cite-") and page.locator(f"#{target}").is_visible()
    assert page.locator(f"#{target}").inner_text() in page.locator("ul.summary li").first.inner_text()
    # the report's script runs (served as a file under the CSP): a cast name lights up its mentions
    page.locator(".entity", has_text="Benny Gantz").first.click()
    assert page.locator("mark.ent.on").count() >= 5
    _shot(page, "2b-story-cast-clicked")

    # story -> article: its text, its analysis, its story and its near-copy
    page.locator("a", has_text="000_fc6d89dac03494ff").first.click()
    page.wait_for_load_state()
    assert page.url == server + "/articles/000_fc6d89dac03494ff"
    assert page.locator("#article-text mark.ent").count() > 10
    assert page.locator("a", has_text="abc-copy").is_visible()
    assert "Benny Gantz" in page.locator("aside").inner_text()
    _shot(page, "3-article")

    # search from the top bar: hits with snippets, linked to their story and article
    page.fill("nav.top input[name=q]", "no excuses")
    page.press("nav.top input[name=q]", "Enter")
    page.wait_for_load_state()
    assert page.locator(".hit").count() == 3  # ABC's, its near-copy, CNN's
    assert page.locator(".hit .snippet mark").first.inner_text().lower() == "no"
    _shot(page, "4-search")
    page.locator(".hit a.hit-title").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url

    # back twice: the search, then the article
    page.go_back()
    assert page.locator(".hit").count() == 3
    page.go_back()
    assert page.url == server + "/articles/000_fc6d89dac03494ff"
    assert page.dialogs == [] and page.console_errors == []


def test_filters_narrow_the_stories(server, page):
    page.goto(server + "/")
    page.select_option("select[name=outlet]", "CNN")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert page.locator(".story-row").count() == 1 and "outlet=CNN" in page.url
    page.fill("input[name=since]", "2030-01-01")
    page.click("form.filters button")
    page.wait_for_load_state()
    assert page.locator(".empty").inner_text() == "No story matches."


def test_payloads_never_run_in_the_page(server, page, web_db):
    """Script payloads in an article's id, title, outlet, url and text show as text on every page, and
    never run: no dialog, no global set (checked in the browser, after its scripts ran)."""
    from storyline.corpus import Corpus

    with Corpus(web_db, create=False) as corpus:
        story = corpus.store.article_links(HOSTILE_ID).story
    for path in ("/", f"/stories/{story}", "/articles/" + quote(HOSTILE_ID, safe=""), "/search?q=budget",
                 "/search?q=" + quote('"<script>"')):
        page.goto(server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.locator("script:not([src])").count() == 0, path  # no inline script at all
        assert page.locator('a[href^="javascript:"]').count() == 0, path  # an article's url is never a link
    page.goto(server + "/articles/" + quote(HOSTILE_ID, safe=""))
    assert "<script>window.__pwned = 1</script>" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img").count() == 0
    _shot(page, "5-payload-article")
    assert page.dialogs == []


def test_an_unknown_story_is_a_page_that_says_so(server, page):
    response = page.goto(server + "/stories/424242")
    assert response.status == 404
    assert page.locator("#error").inner_text() == "There is no story 424242 in this corpus."
