"""Fuzzing Storyline's inputs: no input may crash it, whatever the bytes.

Generated and mutated inputs (random bytes, lone surrogates, control and bidi characters, quote
marks, deep nesting, huge numbers, odd ids, real seed sentences cut and spliced) go through
``read``, ``extract`` and ``analyze_story`` as a user's files would. Storyline's promise: each bad
input is one Failure naming it (an InputError's message), the rest is analysed, and nothing else is
ever raised. Anything else is a failure of this check.

The strategies and checks live here; ``tests/test_fuzz.py`` runs them in the suite with a fixed
seed, and this script runs them for longer with fresh seeds::

    python -m benchmarks.fuzz --minutes 10

It prints how many inputs were tried and every failure with the input that caused it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "examples" / "gantz-washington").glob("*.txt"))

# Characters real feeds carry that break naive readers: quote marks of every kind, apostrophes,
# dashes, NUL and other controls, escape, bidi overrides and isolates, BOM, zero-width joiners,
# line and paragraph separators, lone surrogates, combining marks, an emoji, CJK, right-to-left
# letters, the replacement character.
HARD_CHARACTERS = ('"“”„‟‘’‚‛«»‹›\'`´—–-…\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\u200b\u200c\u200d\u200e'
                   '\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u2028\u2029\ud800\udfff'
                   '\u0301\u0336😀中文שלוםمرحبا\ufffd\t\n\r ')
FIELDS = ("id", "text", "title", "url", "outlet", "published", "story")


def seed_sentences() -> list[str]:
    """The seed articles' lines and sentences: real news text to cut and splice."""
    import re

    out = []
    for path in SEEDS:
        out += [s for s in re.split(r"(?<=[.!?\"”])\s+|\n+", path.read_text(encoding="utf-8")) if s.strip()]
    return out


SENTENCES = seed_sentences()

# ------------------------------------------------------------------ strategies
hard_text = st.text(alphabet=st.sampled_from(HARD_CHARACTERS) | st.characters(codec=None), max_size=40)


@st.composite
def mutated_article(draw) -> str:
    """A few seed sentences, spliced with hard characters, cut, repeated or case-changed."""
    start = draw(st.integers(0, len(SENTENCES) - 1))
    count = draw(st.integers(1, 6))
    text = " ".join(SENTENCES[start:start + count])
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(("insert", "delete", "repeat", "upper", "lower", "newlines")))
        if op == "insert":
            text = text[:at] + draw(hard_text) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
        elif op == "repeat":
            text = text[:at] + text[at:at + 20] * draw(st.integers(2, 50)) + text[at:]
        elif op == "upper":
            text = text.upper()
        elif op == "lower":
            text = text.lower()
        else:
            text = text[:at] + "\n" * draw(st.integers(1, 4)) + text[at:]
    return text


# the digits of an integer longer than Python reads from text (4,300 digits); drawn as text, since
# hypothesis itself cannot print such an integer
huge_digits = st.integers(4_290, 4_400).map(lambda n: "9" * n)
odd_value = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), hard_text,
    st.text(max_size=300), st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                                                max_size=2),
    st.just("x" * 100_000), st.just("2024-03-04"), st.just("2024-13-45T99:00:00Z"),
)


@st.composite
def record(draw) -> dict:
    """A JSONL record: the text a mutated article or an odd value; every other field odd or absent."""
    out = {}
    for field in FIELDS:
        if draw(st.booleans()):
            out[field] = draw(mutated_article() if field == "text" and draw(st.booleans()) else odd_value)
    return out


def _dumps(value, ascii_only: bool) -> str:
    try:
        return json.dumps(value, ensure_ascii=ascii_only)
    except ValueError:  # an integer too long to write: put its digits in by hand
        return json.dumps({k: v for k, v in value.items() if not isinstance(v, int)}, ensure_ascii=ascii_only)


@st.composite
def jsonl_bytes(draw) -> bytes:
    """A JSONL file: records, raw lines, nesting bombs, huge numbers, written as UTF-8 or with surrogates."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(("record", "record", "nest", "huge", "raw")))
        if kind == "record":
            line = _dumps(draw(record()), draw(st.booleans()))
        elif kind == "nest":
            depth = draw(st.sampled_from((50, 5_000, 100_000)))
            inner = "[" * depth + "]" * depth
            line = draw(st.sampled_from((inner, '{"id": "n", "text": "Gantz met Harris.", "title": ' + inner + "}")))
        elif kind == "huge":
            line = '{"id": ' + draw(huge_digits) + ', "text": "Gantz met Harris on Monday."}'
        else:
            line = draw(hard_text)
        lines.append(line)
    text = "\n".join(lines)
    return text.encode("utf-8", "surrogatepass" if draw(st.booleans()) else "replace")


input_file = st.one_of(
    st.tuples(st.sampled_from((".txt", ".html", ".json", ".jsonl")), st.binary(max_size=2000)),
    st.tuples(st.sampled_from((".jsonl", ".json")), jsonl_bytes()),
    st.tuples(st.sampled_from((".txt", ".html")),
              mutated_article().map(lambda t: t.encode("utf-8", "surrogatepass"))),
)


# ------------------------------------------------------------------ checks
class Tally:
    """Inputs tried by the checks below (the long run reports it)."""

    tried = 0


def check_read(files: list[tuple[str, bytes]], folder: Path) -> list:
    """Read files as ``storyline analyze`` would; every item must be an Article or a Failure naming its file."""
    from storyline import Article, Failure, read

    paths = []
    for n, (suffix, data) in enumerate(files):
        path = folder / f"input{n}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    Tally.tried += len(files)
    articles, failures = read(paths)
    assert all(isinstance(a, Article) for a in articles)
    for failure in failures:
        assert isinstance(failure, Failure) and failure.message.startswith(str(folder)), failure
        failure.message.encode("utf-8")
    for article in articles:
        for value in (article.id, article.text, article.title, article.outlet, article.url, article.story):
            assert value is None or isinstance(value, str) and value.encode("utf-8")
    return articles


def check_analysis(articles: list) -> None:
    """Analyse articles and build their story: no exception, no article lost to a bug, every report
    renders to UTF-8."""
    from storyline import NoArticlesError, render
    from storyline.api import story_from_articles

    Tally.tried += len(articles)
    if not articles:
        return
    try:
        report = story_from_articles(articles, processes=1)
    except NoArticlesError as exc:  # every article failed: the failures say why
        raise AssertionError(f"no article could be analysed: {exc}") from None
    bugs = [f.message for f in report.failures if "analysis failed" in f.message]
    assert not bugs, bugs
    for fmt in ("md", "json", "html"):
        render(report, fmt).encode("utf-8")


# ------------------------------------------------------------------ the properties
def read_property(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        check_read(files, Path(folder))


def story_property(texts: list[str], records: list[dict]) -> None:
    from storyline import make_article
    from storyline.errors import InputError
    from storyline.ingest.jsonl import validate_record

    articles = [make_article(t, f"a{n}") for n, t in enumerate(texts) if t.strip()]
    for n, rec in enumerate(records):
        try:
            fields = validate_record(json.loads(_dumps(rec, True)), f"record {n}")
        except InputError:
            continue
        articles.append(make_article(fields.pop("text"), fields.pop("id", f"r{n}"), **fields))
    Tally.tried += len(texts) + len(records)
    check_analysis(articles)


READ_FILES = st.lists(input_file, min_size=1, max_size=3)
STORY_TEXTS = st.lists(mutated_article(), min_size=1, max_size=2)
STORY_RECORDS = st.lists(record(), max_size=2)


def main() -> None:
    import logging
    import traceback

    # warnings about accepted inputs (too short, all lower case) are expected by the thousand here
    logging.getLogger("storyline").setLevel(logging.ERROR)
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=1.0, help="how long to run (default 1)")
    parser.add_argument("--seed", type=int, default=None, help="first seed (default: random)")
    args = parser.parse_args()
    end = time.time() + 60 * args.minutes
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    failures: list[str] = []
    rounds = 0
    while time.time() < end:
        for name, prop, strategies, examples in (("read", read_property, (READ_FILES,), 200),
                                                 ("story", story_property, (STORY_TEXTS, STORY_RECORDS), 20)):
            test = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                            suppress_health_check=list(HealthCheck), print_blob=True)(given(*strategies)(prop))
            from hypothesis import seed as with_seed

            try:
                with_seed(seed + rounds)(test)()
            except Exception as exc:  # noqa: BLE001 - a failure found: keep it and go on
                failures.append(f"{name} (seed {seed + rounds}): {type(exc).__name__}: {exc}"[:4000])
                print(failures[-1], file=sys.stderr)
                traceback.print_exc()  # with hypothesis's falsifying example and how to reproduce it
            rounds += 1
            if time.time() >= end:
                break
    print(f"fuzz: {Tally.tried} inputs tried in {args.minutes:g} minutes ({rounds} rounds from seed {seed}), "
          f"{len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
