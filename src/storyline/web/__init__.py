"""``storyline serve``: a web app to browse a corpus (FastAPI, pages rendered on the server with Jinja2).

Pages: the stories, newest first (``/``); a story, its sources side by side (``/stories/{id}``); an
article with its analysis (``/articles/{id}``); full-text search (``/search``). The same data as JSON
under ``/api/``, described by the OpenAPI schema at ``/api/openapi.json``.

The store is opened read-only unless the app is told otherwise, and each request reads it afresh, so an
ingest writing meanwhile shows its new stories on the next page load. A story's report is read from
the store where one was kept for its present articles (``storyline ingest --reports``, or ``storyline
show``); else it is built from the stored analyses on its first view and kept (in the store when it is
open for writing, else in memory).
"""

from .app import create_app

__all__ = ["create_app"]
