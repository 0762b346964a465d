"""The web app's routes: pages (HTML) and the JSON API, over one corpus store (see the package doc)."""

from __future__ import annotations

import gc
import os
import re
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException

from ..corpus import build_report_json
from ..errors import StorylineError
from ..report.html import report_context
from ..version import __version__

# Stories per page, and search hits per page (fewer: each hit's snippet is cut from its whole article, most of
# a search's time: 13 of 20 ms for 50 hits of a common word at 10,000 articles).
PAGE_SIZE = 50
SEARCH_PAGE_SIZE = 20
# The longest search query, outlet name and request target (path and query) read, in characters; longer is
# refused with a clear message (no user needs more, and a bound keeps each request's work bounded).
MAX_QUERY = 500
MAX_OUTLET = 200
MAX_TARGET = 4096
# The deepest page asked for (past it, OFFSET would make SQLite walk the whole table for nothing).
MAX_PAGE = 10_000
# Story reports a read-only app keeps in memory once built (each is built from the stored analyses on its
# first view, a few seconds for a large story); the store keeps them when it is open for writing.
REPORTS_IN_MEMORY = 64
# Every page's Content-Security-Policy: scripts and styles only from the app itself, nothing inline, no
# frames, forms posting only to the app. An article's text can never run as script, even if escaping failed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "X-Frame-Options": "DENY", "Cache-Control": "no-store"}
_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")  # (empty: a form's empty date field, no filter)
# The files under /static/: the app's own and the report's (one copy of the report's style and script serves
# the standalone report, inline, and the app, as files).
STATIC = {"app.css": ("storyline.web", "static/app.css", "text/css"),
          "app.js": ("storyline.web", "static/app.js", "text/javascript"),
          "report.css": ("storyline.report", "templates/report.css", "text/css"),
          "report.js": ("storyline.report", "templates/report.js", "text/javascript")}

# The query parameters the routes share (module level: FastAPI reads the annotations by name).
Page = Annotated[int, Query(ge=1, le=MAX_PAGE)]
Outlet = Annotated[str | None, Query(max_length=MAX_OUTLET)]
Day = Annotated[str | None, Query(pattern=_DATE.pattern, description="an ISO date: 2024, 2024-03 or 2024-03-04")]
SearchText = Annotated[str, Query(min_length=1, max_length=MAX_QUERY,
                                  description='words, "quoted phrases", AND/OR/NOT, prefix*')]
StoryId = Annotated[int, PathParam(ge=0, le=2**63 - 1)]


def create_app(db: str | Path, *, write: bool = False) -> FastAPI:
    """The app over the corpus at ``db``: read-only unless ``write`` (then story reports built on a first view
    are kept in the store)."""
    from ..corpus import Corpus

    Corpus(db, create=False, readonly=not write).close()  # a missing or foreign file fails now, not per request
    state = _State(str(db), write)

    @asynccontextmanager
    async def lifespan(_app):
        yield
        state.close()  # the process that builds reports, if one was started

    app = FastAPI(title="Storyline", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  openapi_url="/api/openapi.json",
                  description="A corpus's stories, reports, articles and search, as JSON. The pages at / show "
                              "the same data.")
    app.add_middleware(_Guard)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error(request, 400, f"The request is not valid ({problems}).")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError):
        return _error(request, 400, str(exc))

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, page: Page = 1, outlet: Outlet = None, since: Day = None, until: Day = None):
        listing = state.listing(page, outlet or None, since or None, until or None)
        return _page("stories.html.j2", request, state, listing=listing,
                     query={"outlet": outlet or "", "since": since or "", "until": until or ""},
                     page_url=lambda n: "/?" + urlencode({k: v for k, v in (("page", n), ("outlet", outlet),
                                                                            ("since", since), ("until", until)) if v}))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: StoryId):
        found = state.story_body(story_id)
        if found is None:
            return _page("building.html.j2", request, state, story_id=story_id)
        (title, body), current = found
        return _page("story.html.j2", request, state, title=title, body=body, current=current)

    @app.get("/articles/{article_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        return _page("article.html.j2", request, state, **state.article(article_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, q: Annotated[str, Query(max_length=MAX_QUERY)] = "", page: Page = 1,
                    outlet: Outlet = None, since: Day = None, until: Day = None):
        marks = ("\x02", "\x03")  # control characters news text does not hold: <mark> once the snippet is escaped
        hits = state.search(q, page, outlet or None, since or None, until or None, marks=marks) if q.strip() else []
        for hit in hits:  # the matched words, marked by SQLite, shown as <mark> in the escaped snippet
            hit["snippet"] = escape(" ".join(hit["snippet"].split())).replace("\x02", Markup("<mark>")).replace(
                "\x03", Markup("</mark>"))
        return _page("search.html.j2", request, state, q=q, hits=hits, page=page, full=SEARCH_PAGE_SIZE,
                     query={"outlet": outlet or "", "since": since or "", "until": until or ""},
                     page_url=lambda n: "/search?" + urlencode({k: v for k, v in (
                         ("q", q), ("page", n), ("outlet", outlet), ("since", since), ("until", until)) if v}))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        if name not in STATIC:
            raise HTTPException(404, f"No file {name!r} here.")
        package, path, media = STATIC[name]
        return Response(_static_file(package, path), media_type=media)

    # ------------------------------------------------------------------ API
    @app.get("/api/status", summary="What the corpus holds now")
    def api_status():
        return state.status()

    @app.get("/api/stories", summary="The stories, newest first, a page at a time")
    def api_stories(page: Page = 1, outlet: Outlet = None, since: Day = None, until: Day = None):
        return state.listing(page, outlet or None, since or None, until or None)

    @app.get("/api/stories/{story_id}", summary="A story's report (the JSON report of storyline show)")
    def api_story(story_id: StoryId):
        """The report of the story's present articles; while it is being built, the last one built (with
        the header ``Storyline-Report: earlier``), or 503 with Retry-After where there is none yet."""
        from ..report.json import dumps, report_dict

        found = state.report(story_id)
        if found is None:
            return JSONResponse({"error": f"The report of story {story_id} is being built. Ask again in a few "
                                          "seconds."}, status_code=503, headers={"Retry-After": "5"})
        report, current = found
        return Response(dumps(report_dict(report)), media_type="application/json",
                        headers={"Storyline-Report": "current" if current else "earlier"})

    @app.get("/api/articles/{article_id:path}", summary="One article, its analysis and where it stands")
    def api_article(article_id: str):
        return state.article_data(article_id)

    @app.get("/api/search", summary="Full-text search, with a snippet per hit ([matched words] in brackets)")
    def api_search(q: SearchText, page: Page = 1, outlet: Outlet = None, since: Day = None, until: Day = None):
        return {"query": q, "page": page, "hits": state.search(q, page, outlet or None, since or None, until or None)}

    return app


class _Guard:
    """Pure ASGI middleware (no extra task per request, unlike Starlette's BaseHTTPMiddleware): refuses what this
    app never takes (a method other than GET and HEAD, a request body, an over-long address) with a plain
    message, and puts the security headers on every answer."""

    def __init__(self, app) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        request_headers = dict(scope["headers"])
        refusal = None
        if scope["method"] not in ("GET", "HEAD"):
            refusal = 405, "This app only reads: use GET."
        elif target > MAX_TARGET:
            refusal = 414, f"The address is too long (over {MAX_TARGET} characters)."
        elif request_headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in request_headers:
            refusal = 413, "This app takes no request body."

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in dict(self.headers)]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        if refusal is None:
            await self.app(scope, receive, send_with_headers)
            return
        status, text = refusal
        body = (text + "\n").encode()
        await send_with_headers({"type": "http.response.start", "status": status,
                                 "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                             (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def app_from_environment() -> FastAPI:
    """The app ``storyline serve --workers N`` starts in each worker process (uvicorn imports it by name): its
    store and mode from the environment the command set."""
    return create_app(os.environ["STORYLINE_SERVE_DB"], write=os.environ.get("STORYLINE_SERVE_WRITE") == "1")


class _State:
    """The app's view of the store: one connection per worker thread, and the reports built so far."""

    def __init__(self, db: str, write: bool) -> None:
        self.db, self.write = db, write
        self.local = threading.local()
        self.reports: OrderedDict[tuple[int, str], dict] = OrderedDict()  # by (story, report key): what was made
        self.lock = threading.Lock()
        self.building: set[int] = set()  # the stories whose report is being built
        self.story_locks: dict[int, threading.Lock] = {}
        self.builder = None  # the process that builds reports, started on the first build

    def corpus(self):
        from ..corpus import Corpus

        corpus = getattr(self.local, "corpus", None)
        if corpus is None:
            corpus = self.local.corpus = Corpus(self.db, create=False, readonly=not self.write)
        return corpus

    def status(self) -> dict:
        return self._unchanged("status", self._status)

    def _status(self) -> dict:
        corpus = self.corpus()
        newest = corpus.store.story_page(0, 1)[1]
        return {**corpus.counts(), "newest_story": newest[0].id if newest else None}

    def _unchanged(self, name: str, make):
        """What ``make()`` read, kept by this thread until another connection (an ingest) writes to the store."""
        version = self.corpus().store.data_version()
        kept = getattr(self.local, "kept", None)
        if kept is None or kept[0] != version or len(kept[1]) > 1000:
            kept = self.local.kept = (version, {})
        if name not in kept[1]:
            kept[1][name] = make()
        return kept[1][name]

    def listing(self, page: int, outlet: str | None, since: str | None, until: str | None) -> dict:
        return self._unchanged(("listing", page, outlet, since, until),
                               lambda: self._listing(page, outlet, since, until))

    def _listing(self, page: int, outlet: str | None, since: str | None, until: str | None) -> dict:
        store = self.corpus().store
        total, rows = store.story_page((page - 1) * PAGE_SIZE, PAGE_SIZE, outlet, since, until)
        coverage = store.story_coverage([r.id for r in rows])
        stories = []
        for r in rows:
            outlets = [{"outlet": c.outlet, "articles": c.articles} for c in coverage.get(r.id, [])]
            stories.append({"id": r.id, "title": r.title, "articles": r.articles, "outlets": r.outlets,
                            "first_published": r.first_published, "last_published": r.last_published,
                            "coverage": outlets})
        return {"total": total, "page": page, "pages": max(1, -(-total // PAGE_SIZE)), "stories": stories,
                "outlets": self._unchanged("outlets", lambda: [{"outlet": o.outlet, "articles": o.articles}
                                                               for o in store.outlets()])}

    def story_body(self, story: int) -> tuple[str, Markup, bool] | None:
        """A story page's title and body (its report as HTML, rendered once per report), and whether that
        report is of the story's present articles; None while its first report is being built."""
        return self._kept(story, "page", lambda report: (report.title, Markup(_environment().get_template(
            "story_body.html.j2").render(report_context(report, article_url=_article_url), story_id=story))))

    def report(self, story: int):
        """A story's report (see story_body)."""
        return self._kept(story, "report", lambda report: report)

    def _kept(self, story: int, kind: str, make):
        """What ``make`` makes of a story's report, and whether the report is of the story's present articles;
        kept in memory per report. A report not in memory is read from the store (by one request; the others
        for that story wait for it); one the store does not hold for the present articles is built by a
        process of its own, once, and meanwhile the last report built for the story is shown, marked as such
        (None where there is none yet): a view never waits for a build, which takes seconds for a large
        story, nor shares the interpreter with it."""
        from ..corpus import report_key
        from ..story import SUMMARY_WORDS

        corpus = self.corpus()
        if not corpus.store.story_exists(story):
            raise HTTPException(404, f"There is no story {story} in this corpus.")
        key = (story, report_key(corpus.store.story_member_ids(story), SUMMARY_WORDS))
        if (found := self._made(key, kind)) is not None:
            return found, True
        with self.lock:
            story_lock = self.story_locks.setdefault(story, threading.Lock())
        with story_lock:
            if (found := self._made(key, kind)) is not None:
                return found, True
            with self.lock:
                made, building = self.reports.get(key), story in self.building
            if made is None and not building:  # the store may hold the report of the present articles
                report, current = corpus.kept_report(story)
                if report is not None and current:
                    made = {"report": report}
                    with self.lock:
                        self._keep(key, made)
                else:
                    self._build(story)
                    if report is not None:  # an earlier one, shown meanwhile
                        with self.lock:
                            self._keep((story, "kept"), {"report": report})
            current = made is not None
            if made is None:
                with self.lock:  # the last report built for the story
                    made = next((m for (s, _), m in reversed(self.reports.items()) if s == story), None)
                if made is None:
                    return None
            if kind not in made:
                made[kind] = make(made["report"])
            return made[kind], current

    def _made(self, key, kind: str):
        with self.lock:
            made = self.reports.get(key)
            if made is None or kind not in made:
                return None
            self.reports.move_to_end(key)
            return made[kind]

    def _keep(self, key, made: dict) -> None:
        self.reports[key] = made
        self.reports.move_to_end(key)
        while len(self.reports) > REPORTS_IN_MEMORY:
            self.reports.popitem(last=False)
        # A report is hundreds of thousands of objects that live on: moved out of the collector's reach, so
        # that each collection does not walk them again (p99 of a story page under load: see docs/web.md).
        gc.freeze()

    def _build(self, story: int) -> None:
        """Build a story's report in a process of its own (models and all: a build in this process would hold
        the interpreter for seconds, and every request with it), unless one is being built for it already;
        a thread here waits for it and keeps what it made."""
        with self.lock:
            if story in self.building:
                return
            self.building.add(story)
            if self.builder is None:
                import multiprocessing
                from concurrent.futures import ProcessPoolExecutor

                self.builder = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            future = self.builder.submit(build_report_json, self.db, story, self.write)

        def wait() -> None:
            from ..corpus import report_key
            from ..story import SUMMARY_WORDS

            try:
                report = self.corpus().report_from_kept(future.result())
                if report is not None:
                    key = report_key([a.article.id for a in report.analyses], SUMMARY_WORDS)
                    with self.lock:
                        self._keep((story, key), {"report": report})
            finally:
                with self.lock:
                    self.building.discard(story)

        threading.Thread(target=wait, name=f"report-{story}", daemon=True).start()

    def close(self) -> None:
        if self.builder is not None:
            self.builder.shutdown(wait=False, cancel_futures=True)

    def _row(self, article_id: str):
        corpus = self.corpus()
        analysis = corpus.article(article_id)
        links = corpus.store.article_links(article_id)
        if analysis is None or links is None:
            raise HTTPException(404, f"There is no article {article_id!r} in this corpus.")
        return analysis, links

    def article(self, article_id: str) -> dict:
        from ..report.spans import Mark, render_marked

        analysis, links = self._row(article_id)
        article = analysis.article
        marks = [Mark(m.start, m.end, f'<mark class="ent t-{escape(m.label)}" title="{escape(m.label)}">', "</mark>")
                 for m in analysis.mentions]
        for q in analysis.quotes:
            who = q.speaker.name if q.speaker else "unattributed"
            anonymous = " anon" if q.speaker and q.speaker.anonymous else ""
            marks.append(Mark(q.start, q.end, f'<span class="qt q-{escape(q.kind)}{anonymous}" '
                                              f'title="{escape(who)} · {escape(q.kind)}">', "</span>"))
        title = self.corpus().store.story_title(links.story) if links.story is not None else None
        return {"analysis": analysis, "article": article, "links": links, "story_title": title,
                "text": render_marked(article.text, marks)}

    def article_data(self, article_id: str) -> dict:
        from ..records import to_plain
        from ..report.json import source_dict

        analysis, links = self._row(article_id)
        return {"source": source_dict(analysis.article), "text": analysis.article.text, "story": links.story,
                "duplicate_of": links.duplicate_of, "copies": list(links.copies),
                "mentions": to_plain(analysis.mentions), "quotes": to_plain(analysis.quotes),
                "times": to_plain(analysis.times), "figures": to_plain(analysis.figures)}

    def search(self, q: str, page: int, outlet: str | None, since: str | None, until: str | None,
               marks: tuple[str, str] = ("[", "]")) -> list[dict]:
        hits = self.corpus().search(q, SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE, outlet=outlet,
                                    since=since, until=until, marks=marks)
        return [dict(hit, href=_article_url(hit["id"])) for hit in hits]


def _article_url(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def _page(template: str, request: Request, state: _State, **context) -> HTMLResponse:
    context.setdefault("article_url", _article_url)
    context.setdefault("version", __version__)
    html = _environment().get_template(template).render(request_path=request.url.path, counts=state.status(),
                                                        **context)
    return HTMLResponse(html)


def _error(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    html = _environment().get_template("error.html.j2").render(status=status, message=message, counts=None,
                                                               version=__version__, request_path="")
    return HTMLResponse(html, status_code=status)


@lru_cache(maxsize=None)
def _static_file(package: str, path: str) -> bytes:
    return resources.files(package).joinpath(path).read_bytes()


@lru_cache(maxsize=1)
def _environment():
    from ..report.html import template_environment

    env = template_environment("storyline.web")  # the app's templates, then the report's
    env.filters["bar_width"] = lambda share: f"w{max(1, min(20, round(share * 20))) * 5}"
    return env
