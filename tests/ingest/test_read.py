"""Reading inputs: every format, and one clear error per bad input while the batch goes on."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from storyline import Article, Failure, read
from storyline.ingest import read_articles
from storyline.ingest.text import MAX_ARTICLE_CHARS

from ..conftest import ABC, CNN, EXAMPLE, corpus_or_skip

SENTENCE = ("Gantz met Vice President Kamala Harris and national security adviser Jake Sullivan "
            "at the White House on Monday, officials said.")


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path, "sub/b.txt", SENTENCE)
    write(tmp_path, "a.txt", SENTENCE)
    write(tmp_path, "notes.md", "ignored in folders")
    write(tmp_path, ".hidden.txt", SENTENCE)
    articles, failures = read([tmp_path])
    assert [a.id for a in articles] == ["a", "b"]
    assert failures == []


def test_seed_text_is_kept_byte_for_byte(seed_articles):
    assert seed_articles[0].text == ABC.read_text(encoding="utf-8")
    assert seed_articles[1].text == CNN.read_text(encoding="utf-8")
    assert [a.published for a in seed_articles] == ["2024-03-04", "2024-03-05"]


def test_jsonl_records_and_their_fields(tmp_path):
    lines = [
        {"id": "r1", "text": SENTENCE, "outlet": "Reuters", "published": "2024-03-04", "story": "gantz"},
        {"text": SENTENCE, "url": "https://www.cnn.com/x", "title": "Gantz in Washington"},
        {"id": 7, "text": SENTENCE, "published": "2024-03-05T14:00:00Z"},
    ]
    path = write(tmp_path, "batch.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    articles, failures = read([path])
    assert failures == []
    assert [a.id for a in articles] == ["r1", "batch-2", "7"]
    assert [a.outlet for a in articles] == ["Reuters", "CNN", None]
    assert articles[0].story == "gantz"
    assert articles[1].title == "Gantz in Washington"
    assert articles[2].published == "2024-03-05T14:00:00+00:00"


def test_json_list_file(tmp_path):
    path = write(tmp_path, "list.json", json.dumps([{"id": "x", "text": SENTENCE}, {"id": "y", "text": SENTENCE}]))
    articles, failures = read([path])
    assert [a.id for a in articles] == ["x", "y"] and not failures


def test_duplicate_ids_get_a_suffix(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    write(tmp_path, "one/story.txt", SENTENCE)
    write(tmp_path, "two/story.txt", SENTENCE)
    articles, _ = read([tmp_path])
    assert [a.id for a in articles] == ["story", "story-2"]


def test_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(SENTENCE.encode())))
    articles, failures = read(["-"])
    assert [a.id for a in articles] == ["stdin"] and articles[0].text == SENTENCE
    record = json.dumps({"id": "s1", "text": SENTENCE}).encode()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(record)))
    articles, _ = read(["-"])
    assert [a.id for a in articles] == ["s1"]


def test_published_override_by_id_and_for_all():
    articles, _ = read([EXAMPLE], published={"002_cfade814ec095534": "2024-03-05"})
    assert [a.published for a in articles] == [None, "2024-03-05"]
    articles, _ = read([ABC], published="2024-03-04")
    assert articles[0].published == "2024-03-04"


# Each bad input gets exactly this line, and the good inputs around it are still read.
@pytest.mark.parametrize("name, data, message", [
    ("empty.txt", b"", "{p}: file is empty. Give a file that holds the article's text"),
    ("blank.txt", b"  \n\n ", "{p}: file is empty. Give a file that holds the article's text"),
    ("binary.txt", bytes(range(256)) * 8, "{p}: file is binary, not text. Give the article as UTF-8 text, HTML or JSONL"),
    ("latin1.txt", "Gantz visited the café on Monday.".encode("latin-1"),
     "{p}: text is not valid UTF-8 (byte 0xE9 at offset 21). Re-save it as UTF-8, or name its encoding with "
     "--encoding (e.g. --encoding cp1252)"),
    ("german.txt", "Der Bundeskanzler hat am Montag in Berlin gesagt, dass die Regierung die Hilfen für die "
     "Ukraine weiter erhöhen werde und dass alle Seiten verhandeln müssen.".encode(),
     "{p}: text looks like German (de), not English. Storyline's language models read English only; "
     "give it English articles"),
    ("notes.md", SENTENCE.encode(), "{p}: unknown file type '.md'. Give .txt, .html, .htm, .json, .jsonl or .parquet files"),
    ("huge.txt", ("Gantz met Harris. " * (MAX_ARTICLE_CHARS // 10)).encode(),
     "{p}: text is 360,000 characters long; Storyline reads articles of up to 200,000 characters. "
     "Split it into separate articles (one per file, or one per JSONL line)"),
    ("empty.jsonl", b"", "{p}: file is empty. Give a file with one JSON record per line"),
])
def test_bad_file_gets_one_clear_error(tmp_path, name, data, message):
    bad = write(tmp_path, name, data)
    good = write(tmp_path, "good.txt", SENTENCE)
    items = list(read_articles([bad, good]))
    assert [type(i) for i in items] == [Failure, Article]
    assert items[0].message == message.format(p=bad)


def test_missing_path(tmp_path):
    items = list(read_articles([tmp_path / "nope.txt"]))
    assert items == [Failure(str(tmp_path / "nope.txt"), f"{tmp_path / 'nope.txt'}: no such file or folder. Check the path")]


def test_explicit_encoding_reads_latin1(tmp_path):
    path = write(tmp_path, "latin1.txt", "Gantz visited the café on Monday.".encode("latin-1"))
    articles, failures = read([path], encoding="latin-1")
    assert articles[0].text == "Gantz visited the café on Monday." and not failures


@pytest.mark.parametrize("line, message", [
    ('{"id": "b", "text": ', 'malformed JSON (Expecting value at column 20). Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    ('{"id": "c"}', 'record has no "text" field. Each line must be one JSON object such as {"id": "a1", "text": "..."}'),
    ('["not", "an", "object"]', 'record is a JSON array, not an object. Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    ('{"id": "d", "text": 42}', '"text" is a number, not a string. Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    ('{"id": "g", "text": NaN}', '"text" is NaN, not a string. Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    ('{"id": ["h"], "text": "' + SENTENCE + '"}', '"id" must be a string, not an array. Each line must be one JSON '
     'object such as {"id": "a1", "text": "..."}'),
    # deeply nested JSON: as the record, and inside a field
    ("[" * 100_000, 'JSON is nested too deeply to be an article record. Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    ('{"id": "i", "text": "' + SENTENCE + '", "title": ' + "[" * 100_000 + "]" * 100_000 + "}",
     'JSON is nested too deeply to be an article record. Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    # an integer id of more than 4,300 digits
    ('{"id": ' + "9" * 5000 + ', "text": "' + SENTENCE + '"}',
     'malformed JSON (Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use '
     'sys.set_int_max_str_digits() to increase the limit). Each line must be one JSON object such as '
     '{"id": "a1", "text": "..."}'),
    # an id of 100,000 characters: building its story took 7 GB
    ('{"id": "' + "x" * 100_000 + '", "text": "' + SENTENCE + '"}',
     '"id" is 100,000 characters long; Storyline takes up to 200. Give a shorter "id"'),
    ('{"id": "j", "text": "\\u202e \\u202e"}', 'text holds only control or formatting characters. '
     "Give the article's text"),
    ('{"id": "e", "text": "' + SENTENCE + '", "published": "last Monday"}',
     '"published" value \'last Monday\' is not an ISO 8601 date. Write it like 2024-03-04 or 2024-03-04T15:30:00Z'),
    ('{"id": "f", "text": ""}', 'text is empty. Give the article\'s text'),
])
def test_bad_jsonl_record_names_its_line_and_the_rest_is_read(tmp_path, line, message):
    good = json.dumps({"id": "ok", "text": SENTENCE})
    path = write(tmp_path, "batch.jsonl", f"{good}\n{line}\n{good.replace('ok', 'ok2')}\n")
    articles, failures = read([path])
    assert [a.id for a in articles] == ["ok", "ok2"]
    assert [f.message for f in failures] == [f"{path}:2: {message}"]


def test_html_page_with_script_is_read_as_text(tmp_path):
    page = f"""<html><head><title>Gantz in Washington</title>
    <meta property="og:site_name" content="CNN"><script>alert('x')</script></head>
    <body><nav>Home | World</nav><article><h1>Gantz in Washington</h1>
    <p>{SENTENCE}</p><p>Gantz also met Secretary of State Antony Blinken on Tuesday, the State Department
    said, and the two discussed a temporary ceasefire and the release of hostages.</p></article>
    <footer>Copyright</footer></body></html>"""
    path = write(tmp_path, "page.html", page)
    articles, failures = read([path])
    assert not failures
    article = articles[0]
    assert "alert(" not in article.text and "Home | World" not in article.text
    assert SENTENCE in article.text
    assert (article.title, article.outlet) == ("Gantz in Washington", "CNN")


def test_html_without_article_text(tmp_path):
    path = write(tmp_path, "blank.html", "<html><body><nav>Home</nav></body></html>")
    _, failures = read([path])
    assert failures[0].message == (f"{path}: no article text found in the HTML page. Check that the page holds "
                                   "the article itself, or give its text as .txt")


def test_real_news_pages_from_the_extraction_benchmark(tmp_path):
    from benchmarks import corpora

    corpus_or_skip("article-extraction-benchmark")
    pages = [p for _, p in zip(range(5), corpora.extraction_pages())]
    paths = []
    for page in pages:
        paths.append(write(tmp_path, f"{page.id}.html.gz", b""))
        paths[-1] = write(tmp_path, f"{page.id}.html", page.html)
    articles, failures = read(paths)
    assert len(articles) + len(failures) == 5
    assert len(articles) >= 4  # a page may be non-English; it must then fail, not vanish
    for article, page in zip(articles, pages):
        words = set(page.body.split()[:40])
        assert len(words & set(article.text.split())) >= 0.8 * len(words)
    assert gzip  # the pages ship gzipped; corpora decodes them


# --- Nothing a reader cannot see reaches a report; nothing is made up -------------------------------

def test_lone_surrogates_controls_and_bidi_overrides_are_taken_out_at_ingest(tmp_path):
    """A lone surrogate (no file can hold it, JSON can) becomes U+FFFD in text and id; NUL, escape and the
    bidi overrides and isolates are dropped from text and metadata; offsets index the text as kept."""
    record = {"id": "a\ud800b", "title": "Gantz \u202etxet\u202c visits", "outlet": "CNN\x00",
              "text": SENTENCE.replace("Monday", "Mon\u0000day\u202e") + " \ud800 \x1b[31mred\u2066. " + SENTENCE}
    path = write(tmp_path, "feed.jsonl", json.dumps(record) + "\n")
    [article], failures = read([path])
    assert not failures
    assert article.id == "a\ufffdb"
    assert article.title == "Gantz txet visits" and article.outlet == "CNN"
    assert article.text == SENTENCE + " \ufffd [31mred. " + SENTENCE
    assert article.text.encode("utf-8")  # every field can be written out


def test_a_lone_surrogate_in_text_or_id_does_not_cost_the_batch_its_other_articles(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    good = json.dumps({"id": "ok", "text": SENTENCE})
    bad = json.dumps({"id": "x\ud800", "text": SENTENCE.replace("Monday", "Monday \ud800")})
    path = write(tmp_path, "feed.jsonl", f"{good}\n{bad}\n")
    result = CliRunner().invoke(app, ["extract", str(path), "-q"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["id"] for line in lines] == ["ok", "x\ufffd"]


def test_nan_fields_count_as_missing(tmp_path):
    """pandas writes NaN for a missing title: the title is then missing, not the string "nan"."""
    path = write(tmp_path, "feed.jsonl", '{"id": "n", "text": "' + SENTENCE + '", "title": NaN, '
                 '"outlet": Infinity, "published": NaN}\n')
    [article], failures = read([path])
    assert not failures and (article.title, article.outlet, article.published) == (None, None, None)


def test_a_bad_record_in_a_json_list_file_is_not_told_about_lines(tmp_path):
    path = write(tmp_path, "list.json", json.dumps([{"id": "x", "text": SENTENCE}, {"id": "y"}]))
    articles, failures = read([path])
    assert [a.id for a in articles] == ["x"]
    assert [f.message for f in failures] == [
        f'{path}:2: record has no "text" field. Each record must be a JSON object such as {{"id": "a1", "text": "..."}}']


def test_a_deeply_nested_json_file_is_one_clear_error(tmp_path):
    bad = write(tmp_path, "deep.json", "[" * 100_000)
    good = write(tmp_path, "good.txt", SENTENCE)
    items = list(read_articles([bad, good]))
    assert [type(i) for i in items] == [Failure, Article]
    assert items[0].message == (f'{bad}: JSON is nested too deeply to be an article record. Each record must be a '
                                'JSON object such as {"id": "a1", "text": "..."}')


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    good = write(tmp_path, "good.txt", SENTENCE)
    items = list(read_articles([fifo, good]))
    assert [type(i) for i in items] == [Failure, Article]
    assert items[0].message == (f"{fifo}: not a regular file (a pipe, socket or device). Save the articles to a "
                                "file, or pipe them in with - for stdin")


def test_html_page_without_date_metadata_gets_no_date(tmp_path):
    """htmldate's extensive search dated this page 2016-01-01 from "the 2016 general election" in its text."""
    page = """<html><head><title>Election results come in</title></head><body><article>
    <h1>Election results come in</h1><p>Voters went to the polls on Tuesday in a contest that many compared
    with the 2016 general election, when turnout was high across the country and the result surprised many.</p>
    <p>Officials said counting would continue through the night, and that the final tally would be known by
    Wednesday morning at the latest, according to the election commission.</p></article></body></html>"""
    [article], _ = read([write(tmp_path, "page.html", page)])
    assert article.published is None
    dated = page.replace("<head>", '<head><meta property="article:published_time" content="2024-11-05T20:00:00Z">')
    [article], _ = read([write(tmp_path, "dated.html", dated)])
    assert article.published == "2024-11-05"


@pytest.mark.parametrize("text, warning", [
    ("Gantz.", "text is only 1 word long, too short to find much in: Storyline reads names, quotes and facts "
               "from whole articles"),
    (SENTENCE, None),
    (SENTENCE.lower() * 3, "text is all in lower case, so names cannot be told from other words and the cast, "
                           "quotes and facts will be thin. Give the original capitalisation if you have it"),
    (SENTENCE.upper() * 3, "text is all in capitals, so names cannot be told from other words and the cast, "
                           "quotes and facts will be thin. Give the original capitalisation if you have it"),
])
def test_texts_that_will_give_little_are_read_with_a_warning(tmp_path, caplog, text, warning):
    path = write(tmp_path, "a.txt", text)
    with caplog.at_level("WARNING", logger="storyline"):
        articles, failures = read([path])
    assert len(articles) == 1 and not failures
    assert [r.getMessage() for r in caplog.records] == ([f"{path}: {warning}"] if warning else [])


def test_warnings_of_one_kind_are_counted_past_the_first_five(tmp_path, caplog):
    lines = [json.dumps({"id": f"r{n}", "text": "Short one."}) for n in range(8)]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines))
    with caplog.at_level("WARNING", logger="storyline"):
        articles, _ = read([path])
    assert len(articles) == 8
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0] == (f"{path} (record r0): text is only 2 words long, too short to find much in: Storyline "
                           "reads names, quotes and facts from whole articles")
    assert len(messages) == 6 and messages[-1] == "3 more articles: text is only a few words long"


def test_parquet_rows_are_read_as_jsonl_records_are(tmp_path):
    """A Parquet file of the JSONL fields (extra columns, such as an export's story links, are left), with a
    timestamp column for the date; one bad row is one failure, the rest read."""
    pa = pytest.importorskip("pyarrow")
    import datetime

    import pyarrow.parquet as pq

    text = ABC.read_text(encoding="utf-8")
    table = pa.table({
        "id": ["abc", "empty", "cnn"],
        "text": [text, "", CNN.read_text(encoding="utf-8")],
        "outlet": ["ABC News", None, "CNN"],
        "published": pa.array([datetime.datetime(2024, 3, 4, 12, 0), None, datetime.datetime(2024, 3, 5)],
                              type=pa.timestamp("s")),
        "duplicate_of": [None, None, "abc"],
    })
    pq.write_table(table, tmp_path / "feed.parquet")
    items = list(read_articles([tmp_path]))  # found in a folder too
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.id for a in articles] == ["abc", "cnn"]
    assert articles[0].text == text and articles[0].outlet == "ABC News"
    assert articles[0].published.startswith("2024-03-04T12:00") and articles[1].published.startswith("2024-03-05")
    assert len(failures) == 1 and failures[0].where.endswith("feed.parquet:2")


def test_a_parquet_file_that_is_not_one_or_has_no_text_gets_one_clear_error(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    bad = write(tmp_path, "bad.parquet", b"PAR1 this is not Parquet")
    pq.write_table(pa.table({"body": [SENTENCE]}), tmp_path / "notext.parquet")
    failures = [i for i in read_articles([bad, tmp_path / "notext.parquet"]) if isinstance(i, Failure)]
    assert len(failures) == 2
    assert failures[0].message.startswith(f"{bad}: not a readable Parquet file (")
    assert failures[0].message.endswith("Give a Parquet file with a text column (and optionally id, title, url, "
                                        "outlet, published, story)")
    assert failures[1].message.startswith(f"{tmp_path / 'notext.parquet'}: has no text column (its columns: body)")
