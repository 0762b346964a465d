"""Reports: the Markdown snapshot of the example story, the JSON contract, safe HTML."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storyline import make_article, render
from storyline.nlp.pipeline import analyze
from storyline.report.spans import Mark, render_marked
from storyline.story import build_story

SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "gantz-washington.md"


def test_markdown_snapshot_of_the_example_story(seed_report):
    text = render(seed_report, "md")
    if os.environ.get("STORYLINE_UPDATE_SNAPSHOTS"):
        SNAPSHOT.write_text(text, encoding="utf-8")
    assert text == SNAPSHOT.read_text(encoding="utf-8")


CONTRACT = {
    "sources": {"id", "outlet", "title", "published", "dateline", "byline"},
    "entities": {"id", "name", "type", "aliases", "roles", "sources", "mentions"},
}


def test_json_follows_the_contract(seed_report):
    data = json.loads(render(seed_report, "json"))
    for key in ("sources", "entities", "quotes", "times", "timeline", "facts", "summary", "framing"):
        assert key in data
    for source in data["sources"]:
        assert CONTRACT["sources"] <= set(source) and ("path" in source or "url" in source)
    for entity in data["entities"]:
        assert CONTRACT["entities"] <= set(entity)
        assert all(isinstance(r, str) for r in entity["roles"]) and isinstance(entity["mentions"], int)
    cnn = data["sources"][1]
    assert (cnn["id"], cnn["outlet"], cnn["published"]) == ("002_cfade814ec095534", "CNN", "2024-03-05")
    assert data["sources"][0]["dateline"] == "WASHINGTON"
    texts = {a.article.id: a.article.text for a in seed_report.analyses}
    for entity in data["entities"]:
        for span in entity["spans"]:
            assert texts[span["source"]][span["start"]:span["end"]] == span["text"]


class _Checker(HTMLParser):
    """Collects tags and checks that elements nest properly."""

    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.scripts, self.errors, self.attrs = [], 0, [], []

    def handle_starttag(self, tag, attrs):
        self.attrs += attrs
        self.scripts += tag == "script"
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:]}")
        else:
            self.stack.pop()


def test_html_escapes_article_content_and_loads_nothing_external(nlp):
    hostile = ('Gantz met Harris <script>alert("owned")</script> at the White House. '
               '<img src=x onerror="alert(1)"> "We want calm," Kirby said & left.')
    article = make_article(hostile, "hostile")
    report = build_story(list(analyze([article], processes=1)))
    page = render(report, "html")
    assert '<script>alert("owned")' not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(" in page and "&lt;/script&gt;" in page and "&lt;img src=x" in page
    checker = _Checker()
    checker.feed(page)
    assert checker.errors == [] and checker.stack == []
    assert checker.scripts == 1  # Storyline's own, for the cast highlighting
    for name, value in checker.attrs:
        assert not (name in ("src", "href") and value and "//" in value), (name, value)
    assert "@import" not in page and "url(" not in page


def test_markdown_shows_article_text_as_text_never_as_markup(nlp):
    """A title, name or quote holding HTML or a link is shown as it is by a Markdown viewer (rendered
    here with markdown-it, CommonMark as GitHub and static sites read it), never run or linked."""
    from markdown_it import MarkdownIt

    text = ('<img src=x onerror=alert(1)> Gantz in Washington\n\n'
            'Benny Gantz met Kamala Harris at the White House on Monday. "[Click](javascript:alert(2)) and '
            '<b>see</b> *this* _now_ \\<img src=y onerror=alert(3)>," said John Smith, a spokesman. '
            'The talks went on for an hour, officials said & left &lt;script&gt;.')
    article = make_article(text, "hostile", title="<img src=x onerror=alert(1)> Gantz [x](javascript:alert(4))",
                           outlet="<script>alert(5)</script>")
    report = build_story(list(analyze([article], processes=1)))
    markdown = render(report, "md")
    page = MarkdownIt("commonmark").render(markdown)
    assert "<img" not in page and "<b>" not in page and "<script" not in page
    assert "javascript:" not in "".join(a for a in page.split('href="')[1:]), page
    # the reader sees the text as the article wrote it
    assert "&lt;img src=x onerror=alert(1)&gt; Gantz [x](javascript:alert(4))" in page
    assert "[Click](javascript:alert(2)) and &lt;b&gt;see&lt;/b&gt; *this* _now_ \\&lt;img" in page
    assert "&amp;lt;script&amp;gt;" in page


def test_html_report_of_the_seeds_highlights_the_cast(seed_report):
    page = render(seed_report, "html")
    checker = _Checker()
    checker.feed(page)
    assert checker.errors == []
    assert page.count('data-entity="benny-gantz"') == 1 + 26  # the cast card and every mention
    assert "<h2>Cast</h2>" in page and "— CNN" in page


@pytest.mark.parametrize("marks, expected", [
    ([], "a &lt;b&gt; c"),
    ([Mark(2, 5, "<i>", "</i>")], "a <i>&lt;b&gt;</i> c"),
    ([Mark(0, 7, "<q>", "</q>"), Mark(2, 5, "<i>", "</i>")], "<q>a <i>&lt;b&gt;</i> c</q>"),
    # crossing spans are closed and reopened so the markup stays well-formed
    ([Mark(0, 4, "<q>", "</q>"), Mark(2, 7, "<i>", "</i>")], "<q>a <i>&lt;b</i></q><i>&gt; c</i>"),
])
def test_render_marked(marks, expected):
    assert str(render_marked("a <b> c", marks)) == expected


def test_unattributed_speech_is_not_listed_under_anonymous_sources(seed_report):
    lines = render(seed_report, "md").splitlines()
    anonymous, unattributed = lines.index("### Anonymous sources"), lines.index("### Unattributed")
    assert anonymous < unattributed
    # ABC's "Gantz is also expected to speak with ... Blinken" has no speaker: it is listed under its own
    # heading, not among the anonymous officials
    expected = next(i for i, line in enumerate(lines) if line.startswith("- _expected: to speak with"))
    assert expected > unattributed
    assert all(line.startswith(("- **", "  - ")) for line in lines[anonymous + 2:unattributed] if line.strip())


def test_a_summary_sentence_says_who_its_speaking_pronoun_is(seed_report):
    from storyline.story.quotes import summary_speakers as speakers_of
    from storyline.types import Evidence, SummarySentence

    def summary_speakers(report, sentence):
        return [(s.pronoun, s.name) for s in speakers_of(sentence, report.quotes, report.entities)]

    def sentence_with(words: str) -> SummarySentence:
        for analysis in seed_report.analyses:
            text = analysis.article.text
            for span in analysis.sentences:
                if words in text[span.start:span.end]:
                    ev = Evidence(analysis.article.id, span.start, span.end, text[span.start:span.end])
                    return SummarySentence(ev.text, (ev.source,), (ev,))
        raise AssertionError(words)

    gantz = sentence_with("Israel has a prime minister and everything is okay")
    assert summary_speakers(seed_report, gantz) == [("he", "Benny Gantz")]
    # a speaker named in the sentence itself needs no help
    assert summary_speakers(seed_report, sentence_with("State Department spokesperson Matthew Miller said Monday")) == []
    # a sentence that is all quotation gets the speaker named in the paragraph before it
    assert summary_speakers(seed_report, sentence_with("We're not going to turn away that sort of opportunity")) == [
        ("", "John Kirby")]
    # the JSON summary says the same, for every sentence
    summary = json.loads(render(seed_report, "json"))["summary"]
    speakers = {s["text"]: s["speakers"] for s in summary}
    texts = {a.article.id: a.article.text for a in seed_report.analyses}
    gantz = speakers['"No, no, no. Israel has a prime minister and everything is okay," he said.']
    assert [(g["text"], g["name"]) for g in gantz] == [("he", "Benny Gantz")]
    assert texts[gantz[0]["source"]][gantz[0]["start"]:gantz[0]["end"]] == "he"  # where the source names them
    kirby = speakers.get('"We\'re not going to turn away that sort of opportunity."')
    if kirby is not None:
        assert [(k["text"], k["name"]) for k in kirby] == [(None, "John Kirby")]
        assert texts[kirby[0]["source"]][kirby[0]["start"]:kirby[0]["end"]] == "Kirby"
    assert all("speakers" in s for s in summary)
    md = render(seed_report, "md")
    if "Israel has a prime minister" in md.split("## Sources")[0]:
        assert "(“he”: Benny Gantz)" in md


def test_reported_speech_inside_the_same_speakers_longer_report_is_listed_once(seed_report):
    md = render(seed_report, "md")
    assert "_sought: to show that he understood the administration's concerns" in md
    assert "_show: he understood" not in md
    # the JSON keeps every attribution found
    quotes = json.loads(render(seed_report, "json"))["quotes"]
    assert any(q["cue"] == "show" and q["text"].startswith("he understood") for q in quotes)
