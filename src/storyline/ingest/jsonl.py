"""Read JSONL (one article per line) and JSON (one record, or a list of them).

A record is ``{"id", "text"}`` with optional ``title``, ``url``, ``outlet``,
``published`` (ISO date or datetime) and ``story``. A bad record is reported with its
line number and skipped; the other records are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import IO

from ..errors import InputError
from .text import MAX_ARTICLE_CHARS, check_text, clean_text

RECORD_FIELDS = ("id", "text", "title", "url", "outlet", "published", "story")
RECORD_HINT = 'Each line must be one JSON object such as {"id": "a1", "text": "..."}'
# The same, for a .json file that holds one record or a list of them.
DOCUMENT_HINT = 'Each record must be a JSON object such as {"id": "a1", "text": "..."}'
# The longest value each short field may have, in characters. An id names the article in every
# report and in the store, and is written into each quote's and fact's id: an id of 100,000
# characters made building the story take 7 GB. A title is a headline; a URL of 4,000 characters
# is already past what browsers keep.
MAX_FIELD_CHARS = {"id": 200, "title": 1_000, "url": 4_000, "outlet": 200, "story": 200}
# JSON's names for Python's types, for messages.
JSON_TYPES = {"dict": "object", "list": "array", "int": "number", "float": "number", "str": "string",
              "bool": "boolean", "NoneType": "null"}


class _NotANumber:
    """NaN, Infinity or -Infinity in a record (not JSON, but written by some tools): a missing value."""


NOT_A_NUMBER = _NotANumber()


def loads(text: str | bytes, where: str, hint: str = RECORD_HINT):
    """Parse JSON text, turning every way it can fail into an InputError that names ``where``.

    NaN and Infinity (which pandas and others write for a missing value) parse as NOT_A_NUMBER.
    """
    try:
        return json.loads(text, parse_constant=lambda _: NOT_A_NUMBER)
    except json.JSONDecodeError as exc:
        raise InputError(where, f"malformed JSON ({exc.msg} at column {exc.colno})", hint) from None
    except RecursionError:
        raise InputError(where, "JSON is nested too deeply to be an article record", hint) from None
    except ValueError as exc:  # an integer of more than 4,300 digits (sys.set_int_max_str_digits)
        raise InputError(where, f"malformed JSON ({exc})", hint) from None


def _json_type(value: object) -> str:
    """JSON's name for a parsed value's type."""
    return JSON_TYPES.get(type(value).__name__, type(value).__name__)


def _a(value: object) -> str:
    """'a number', 'an array': the type of a parsed value with its article."""
    name = _json_type(value)
    return ("an " if name[0] in "aeiou" else "a ") + name
# A JSONL line longer than this cannot be one article (see MAX_ARTICLE_CHARS).
MAX_LINE_BYTES = 4 * MAX_ARTICLE_CHARS + 100_000


def iter_jsonl(stream: IO[bytes], name: str) -> Iterator[tuple[int, dict | InputError]]:
    """Yield ``(line number, record or error)`` for each non-blank line of a JSONL stream."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        if len(raw) > MAX_LINE_BYTES:
            yield number, InputError(
                where, f"record is {len(raw) / 1e6:.1f} MB, too large for one article",
                "Split it into separate articles, one per line",
            )
            continue
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
        except UnicodeDecodeError as exc:
            yield number, InputError(
                where, f"line is not valid UTF-8 (byte 0x{raw[exc.start:exc.start + 1].hex().upper()})",
                "Re-save the file as UTF-8",
            )
            continue
        try:
            record = loads(line, where)
        except InputError as exc:
            yield number, exc
            continue
        yield number, record


def parse_json_document(data: bytes, name: str) -> list[tuple[int, dict | InputError]] | None:
    """Parse a .json file holding one record or a list of records.

    Returns None when the file is not one JSON document (it may then be JSONL).
    """
    try:
        doc = loads(data.decode("utf-8-sig"), name, DOCUMENT_HINT)
    except UnicodeDecodeError:
        return None
    except InputError as exc:
        if exc.problem.startswith("malformed JSON ("):
            return None
        return [(0, exc)]
    if isinstance(doc, dict):
        return [(1, doc)]
    if isinstance(doc, list):
        return [(i, rec) for i, rec in enumerate(doc, start=1)]
    return [(0, InputError(name, "JSON file holds neither a record nor a list of records", DOCUMENT_HINT))]


def validate_record(record: object, where: str, hint: str = RECORD_HINT) -> dict:
    """Check one record and return its fields, normalised and cleaned (:func:`.text.clean_text`).

    A field that is null, empty or NaN counts as missing.

    Raises:
        InputError: when the record lacks text, has a field of the wrong type or too long, or a
            ``published`` value that is not an ISO 8601 date.
    """
    if not isinstance(record, dict):
        raise InputError(where, f"record is a JSON {_json_type(record)}, not an object", hint)
    text = record.get("text")
    if text is None:
        raise InputError(where, 'record has no "text" field', hint)
    if text is NOT_A_NUMBER:
        raise InputError(where, '"text" is NaN, not a string', hint)
    if not isinstance(text, str):
        raise InputError(where, f'"text" is {_a(text)}, not a string', hint)
    out: dict = {"text": check_text(text, where)}
    for key in ("id", "title", "url", "outlet", "story"):
        value = record.get(key)
        if value is None or value == "" or value is NOT_A_NUMBER:
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(where, f'"{key}" must be a string, not {_a(value)}', hint)
        value = clean_text(" ".join(str(value).split()) if key != "id" else str(value).strip())
        if len(value) > MAX_FIELD_CHARS[key]:
            raise InputError(where, f'"{key}" is {len(value):,} characters long; Storyline takes up to '
                             f'{MAX_FIELD_CHARS[key]:,}', f'Give a shorter "{key}"')
        if value:
            out[key] = value
    if record.get("published") not in (None, "", NOT_A_NUMBER):
        out["published"] = normalise_published(record["published"], where)
    return out


def normalise_published(value: object, where: str) -> str:
    """Return a publication date as ISO 8601 text, raising a clear error when it is not one."""
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return date.fromisoformat(text).isoformat()
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return parsed.isoformat()
        except ValueError:
            pass
        shown = repr(text if len(text) <= 40 else text[:40] + "…")
    else:
        shown = f"({_a(value)})"
    raise InputError(
        where, f'"published" value {shown} is not an ISO 8601 date',
        "Write it like 2024-03-04 or 2024-03-04T15:30:00Z",
    )
