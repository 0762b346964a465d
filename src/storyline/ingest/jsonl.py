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
from .text import MAX_ARTICLE_CHARS, check_text

RECORD_FIELDS = ("id", "text", "title", "url", "outlet", "published", "story")
RECORD_HINT = 'Each line must be one JSON object such as {"id": "a1", "text": "..."}'
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
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, InputError(
                where, f"malformed JSON ({exc.msg} at column {exc.colno})", RECORD_HINT,
            )
            continue
        yield number, record


def parse_json_document(data: bytes, name: str) -> list[tuple[int, dict | InputError]] | None:
    """Parse a .json file holding one record or a list of records.

    Returns None when the file is not one JSON document (it may then be JSONL).
    """
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if isinstance(doc, dict):
        return [(1, doc)]
    if isinstance(doc, list):
        return [(i, rec) for i, rec in enumerate(doc, start=1)]
    return [(1, InputError(name, "JSON file holds neither a record nor a list of records", RECORD_HINT))]


def validate_record(record: object, where: str) -> dict:
    """Check one record and return its fields, normalised.

    Raises:
        InputError: when the record lacks text, has a field of the wrong type, or a
            ``published`` value that is not an ISO 8601 date.
    """
    if not isinstance(record, dict):
        raise InputError(where, f"record is a JSON {type(record).__name__}, not an object", RECORD_HINT)
    text = record.get("text")
    if text is None:
        raise InputError(where, 'record has no "text" field', RECORD_HINT)
    if not isinstance(text, str):
        raise InputError(where, f'"text" is a {type(text).__name__}, not a string', RECORD_HINT)
    check_text(text, where)
    out: dict = {"text": text}
    for key in ("id", "title", "url", "outlet", "story"):
        value = record.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise InputError(where, f'"{key}" must be a string, not {type(value).__name__}', RECORD_HINT)
        out[key] = str(value)
    if record.get("published") not in (None, ""):
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
    raise InputError(
        where, f'"published" value {value!r} is not an ISO 8601 date',
        "Write it like 2024-03-04 or 2024-03-04T15:30:00Z",
    )
