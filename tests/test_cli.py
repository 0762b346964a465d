"""The command line: outputs, exit codes, and the exact text of user-facing errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storyline import __version__
from storyline.cli import app

from .conftest import ABC, CNN, EXAMPLE

runner = CliRunner()
SENTENCE = ("Gantz met Vice President Kamala Harris and national security adviser Jake Sullivan "
            "at the White House on Monday, officials said.")


def run(*args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"storyline {__version__}\n"


def test_analyze_prints_markdown_and_writes_html(tmp_path):
    html = tmp_path / "report.html"
    result = run("analyze", EXAMPLE, "--html", html)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Benny Gantz, Benjamin Netanyahu, Joe Biden\n")
    assert "- **Jake Sullivan** — 2 mentions [S1] [CNN]" in result.stdout
    assert html.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert result.stderr.startswith("2 articles analysed, 0 failed in ")


def test_analyze_json_to_a_file(tmp_path):
    out = tmp_path / "r.json"
    result = run("analyze", ABC, CNN, "--format", "json", "--output", out,
                 "--published", "000_fc6d89dac03494ff=2024-03-04", "--published", "002_cfade814ec095534=2024-03-05")
    assert result.exit_code == 0 and result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [s["published"] for s in data["sources"]] == ["2024-03-04", "2024-03-05"]
    assert sum(e["type"] == "PERSON" for e in data["entities"]) == 9


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = tmp_path / "b.jsonl"
    bad.write_text('{"id": "x", "text": "' + SENTENCE + '"}\n{oops}\n', encoding="utf-8")
    result = run("analyze", empty, bad, tmp_path / "gone.txt", CNN)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:3] == [
        f"error: {empty}: file is empty. Give a file that holds the article's text",
        f"error: {bad}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2). "
        'Each line must be one JSON object such as {"id": "a1", "text": "..."}',
        f"error: {tmp_path / 'gone.txt'}: no such file or folder. Check the path",
    ]
    assert "2 articles analysed, 3 failed" in result.stderr
    assert "## Inputs that could not be read" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_nothing_readable_is_one_error_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("analyze", empty)
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: {empty}: file is empty. Give a file that holds the article's text\n"
        f"error: no article could be read ({empty}: file is empty. Give a file that holds the article's text)\n"
    )


@pytest.mark.parametrize("args, message", [
    (["--published", "2024-03-04", "--published", "x=2024-03-05"],
     "error: --published takes either one DATE for all articles or ID=DATE pairs, not both\n"),
    (["--published", "March 4"],
     "error: --published: \"published\" value 'March 4' is not an ISO 8601 date. "
     "Write it like 2024-03-04 or 2024-03-04T15:30:00Z\n"),
])
def test_bad_published_option(args, message):
    result = run("analyze", CNN, *args)
    assert result.exit_code == 1 and result.stderr == message


def test_extract_prints_one_json_line_per_article():
    result = run("extract", EXAMPLE, "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["source"]["id"] for line in lines] == ["000_fc6d89dac03494ff", "002_cfade814ec095534"]
    assert set(lines[0]) == {"source", "entities", "quotes", "times"}
    assert "Mitch McConnell" in [e["name"] for e in lines[0]["entities"]]
    assert "Mitch McConnell" not in [e["name"] for e in lines[1]["entities"]]


def test_extract_from_stdin_with_a_bad_record():
    records = json.dumps({"id": "a", "text": SENTENCE}) + "\n" + json.dumps({"id": "b"}) + "\n"
    result = run("extract", "-", input=records)
    assert result.exit_code == 1
    assert [json.loads(x)["source"]["id"] for x in result.stdout.splitlines()] == ["a"]
    assert result.stderr.splitlines()[0] == (
        'error: <stdin>:2: record has no "text" field. Each line must be one JSON object such as '
        '{"id": "a1", "text": "..."}')


def test_unknown_format_is_a_usage_error():
    result = run("analyze", CNN, "--format", "pdf")
    assert result.exit_code == 2 and "'pdf' is not one of" in result.stderr


def test_jsonl_batch_prints_one_report_per_story(tmp_path):
    records = [
        {"id": "abc", "text": ABC.read_text(encoding="utf-8"), "published": "2024-03-04", "story": "gantz"},
        {"id": "cnn", "text": CNN.read_text(encoding="utf-8"), "published": "2024-03-05", "story": "gantz"},
        {"id": "storm", "story": "storm", "published": "2024-03-05",
         "text": "Officials said the storm damaged hundreds of homes in Florida on Monday, and the governor "
                 "declared a state of emergency as crews worked to restore power."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run("analyze", path, "--format", "jsonl", "--summary-words", "60", "--quiet")
    assert result.exit_code == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["story"] for r in reports] == ["gantz", "storm"]
    assert [[s["id"] for s in r["sources"]] for r in reports] == [["abc", "cnn"], ["storm"]]
    gantz = reports[0]
    assert {"2024-03-04", "2024-03-05"} <= {t["value"] for t in gantz["timeline"]}
    assert any(f["status"] == "corroborated" for f in gantz["facts"]) and gantz["summary"]
    assert reports[1]["title"].startswith("Officials said the storm damaged hundreds of homes")


def test_several_story_labels_in_one_briefing_are_warned_about(tmp_path):
    records = [{"id": "a", "text": SENTENCE, "story": "gantz"}, {"id": "b", "text": SENTENCE, "story": "storm"}]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run("analyze", path, "--quiet", "--summary-words", "0")
    assert result.exit_code == 0
    assert result.stderr == ('warning: the inputs hold 2 stories ("story" labels gantz, storm); they are analysed as '
                             "one briefing. For one report per story use --format jsonl, or storyline ingest to keep "
                             "them in a corpus\n")


def test_a_story_whose_report_fails_does_not_cost_the_batch_the_others(tmp_path, monkeypatch):
    # (a bug like the one that made a season, "the winter of 2014", crash the timeline)
    import storyline.api

    real = storyline.api.build_story

    def build_story(analyses, *args, story=None, **kwargs):
        if story == "storm":
            raise ValueError("invalid literal for int() with base 10: 'I'")
        return real(analyses, *args, story=story, **kwargs)

    monkeypatch.setattr(storyline.api, "build_story", build_story)
    records = [
        {"id": "storm", "story": "storm", "published": "2024-03-05",
         "text": "Officials said the storm damaged hundreds of homes in Florida on Monday, and the governor "
                 "declared a state of emergency as crews worked to restore power."},
        {"id": "cnn", "text": CNN.read_text(encoding="utf-8"), "published": "2024-03-05", "story": "gantz"},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    result = run("analyze", path, "--format", "jsonl", "--summary-words", "60")
    assert result.exit_code == 1
    assert [json.loads(line)["story"] for line in result.stdout.splitlines()] == ["gantz"]
    assert result.stderr.startswith(
        "error: story 'storm': its report could not be built (ValueError: invalid literal for int() with base "
        "10: 'I'); it is left out (articles: storm). This is a bug in Storyline: please report it with these "
        "articles\n1 story from 2 articles, 0 inputs failed, 1 story failed in ")


def test_outlet_option_names_the_outlet_of_one_article():
    result = run("extract", EXAMPLE, "--quiet", "--outlet", "000_fc6d89dac03494ff=ABC News",
                 "--outlet", "000_typo=Reuters")
    assert result.exit_code == 0
    outlets = [json.loads(line)["source"]["outlet"] for line in result.stdout.splitlines()]
    assert outlets == ["ABC News", "CNN"]  # the CNN story still names its outlet in its sign-off
    assert result.stderr == (
        "warning: --outlet names 000_typo, but no article read has that id (the ids are: "
        "000_fc6d89dac03494ff, 002_cfade814ec095534); it was not applied\n")


@pytest.mark.parametrize("args, message", [
    (["--outlet", "CNN", "--outlet", "x=CNN"],
     "error: --outlet takes either one NAME for all articles or ID=NAME pairs, not both\n"),
    (["--outlet", "x= "], 'error: --outlet x: the outlet name is empty. Give one, e.g. --outlet "ABC News"\n'),
])
def test_bad_outlet_option(args, message):
    result = run("analyze", CNN, *args)
    assert result.exit_code == 1 and result.stderr == message


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["analyze", "-h"], ["stories", "--db", "{db}"],
                                  ["search", "Gantz", "--db", "{db}"], ["export", "--db", "{db}"]])
def test_commands_that_need_no_language_model_load_none(tmp_path, args):
    """--help, stories, search and export start at once: no spaCy, torch, MiniLM or WordNet."""
    import subprocess
    import sys

    from storyline.corpus.store import Store

    db = tmp_path / "news.db"
    Store(db).close()
    args = [a.format(db=db) for a in args]
    code = ("import sys\nfrom storyline.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            "heavy = ('spacy', 'thinc', 'torch', 'sentence_transformers', 'wn', 'trafilatura')\n"
            "sys.stderr.write('loaded: ' + repr(sorted(m for m in heavy if m in sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stderr.endswith("loaded: []"), done.stderr


def test_the_summary_length_is_the_same_by_default_in_every_command():
    """analyze and show read their default from cli.SUMMARY_WORDS, which must be the library's."""
    from storyline import cli
    from storyline.story.summary import SUMMARY_WORDS

    assert cli.SUMMARY_WORDS == SUMMARY_WORDS


def test_counts_read_as_english(tmp_path):
    result = run("extract", ABC)
    assert result.exit_code == 0 and result.stderr.startswith("1 article extracted, 0 failed in ")
