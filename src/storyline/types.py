"""Typed, immutable records passed between Storyline's layers.

Every piece of evidence is a character span (``start``/``end``, Python string indices)
into the ``text`` of the :class:`Article` it came from, so any claim can be checked.
Dicts appear only at the JSON and SQL edges (``storyline.records``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read from its input.

    ``body_start``/``body_end`` bound the story text proper: the dateline, byline and
    sign-off lie outside it but stay in ``text`` so that offsets never shift.
    """

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    path: str | None = None
    dateline: str | None = None
    byline: str | None = None
    story: str | None = None
    body_start: int = 0
    body_end: int | None = None

    @property
    def body(self) -> tuple[int, int]:
        """The (start, end) of the story text without dateline and sign-off."""
        end = len(self.text) if self.body_end is None else self.body_end
        return self.body_start, end


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read or analysed; it is reported, never dropped."""

    where: str
    message: str


@dataclass(frozen=True, slots=True)
class Span:
    """A character span into an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Role:
    """A title or description that the text gives a named entity."""

    text: str
    start: int
    end: int
    kind: str  # "title" ("Vice President Kamala Harris") or "appositive" ("Gantz, a retired general")


@dataclass(frozen=True, slots=True)
class Mention:
    """One named-entity mention in one article.

    ``text`` is the surface form; ``name`` is that form without leading titles,
    articles and possessive endings ("Minister Gantz's" -> "Gantz").
    """

    start: int
    end: int
    text: str
    label: str
    name: str
    sentence: int
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to."""

    name: str
    text: str
    start: int | None
    end: int | None
    anonymous: bool = False
    entity: str | None = None  # the cast entity, filled in at story level
    mention: int | None = None  # start of the entity mention (in this article) the speaker refers to


@dataclass(frozen=True, slots=True)
class Quote:
    """Direct or indirect speech with its speaker, as spans into the article text."""

    id: str
    source: str
    text: str
    start: int
    end: int
    kind: str  # "direct" | "indirect"
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    speaker: Speaker | None
    echoes: tuple[Echo, ...] = ()
    rule: str | None = None  # the quote reader's rule that found its cue or speaker (nlp/quotes)


@dataclass(frozen=True, slots=True)
class Echo:
    """The same words quoted in another source."""

    quote: str
    same_speaker: bool


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression and its resolved value (ISO 8601 / TimeML style, or None)."""

    source: str
    text: str
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    # The noun phrase the expression dates, where it modifies a noun ("Hamas' Oct. 7 attack",
    # "Tuesday's meeting with Blinken"): what happened then, in a sentence that may tell of another day.
    event_start: int | None = None
    event_end: int | None = None
    # Whether it dates what someone means or is set to do, not what happened: its verb is an infinitive or
    # follows "will" ("offered to travel alone today", "the decision to travel on Thursday", "will meet Friday").
    planned: bool = False


@dataclass(frozen=True, slots=True)
class NumberRef:
    """A number in the text, with what it counts ("more than 100" people)."""

    start: int
    end: int
    text: str
    label: str  # CARDINAL, MONEY, PERCENT or QUANTITY
    value: float | None
    unit: str | None  # the lemma of the noun it counts ("person"), or None
    sentence: int


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A figure in one article: a number, what it counts and what happened to that ("killed at least three
    people": killed, 3, "at least", people). ``start``/``end`` span the number with what it counts."""

    start: int
    end: int
    text: str
    value: float
    qualifier: str | None  # "at least", "about", "more than", "nearly", "up to", "fewer than"
    what: str  # the happening ("killed", "injured", ...), or "magnitude", "age", "money"
    unit: str | None  # what is counted ("people", "home"), a currency for money
    sentence: int  # its sentence, -1 in the title
    number_start: int
    number_end: int
    # Where a figure counts part of what it counts, the place its members are from, as written: "12 Somali
    # and 11 Yemeni pirates" gives 23 pirates and the parts 12 ("Somali") and 11 ("Yemeni").
    part: str | None = None
    # Where a figure is of another time than the article's news (a sentence dated months away: "A quake
    # struck in September , killing seven"), that time: "2008-09", "XXXX-09" (a month of no known year),
    # "2008". Its row is that time's, apart from the news's.
    when: str | None = None
    # A whole count whose members one nationality describes ("arrested 23 Somali pirates"): that nationality.
    # No part by itself; the story makes it one only where another source splits the count by place.
    place: str | None = None
    # An age's person: the span (start, end) of the name or noun it describes ("Raj Chohan , 59": "Raj
    # Chohan"; "a 59 - year - old grandmother": "grandmother"), which the story resolves to a cast member.
    person: tuple[int, int] | None = None
    # A toll said as what someone is charged with, accused or convicted of ("charged with ... sanctioning the
    # murders of six mobsters", "conspiracy to commit eight murders"): crimes alleged, maybe others than the news's.
    alleged: bool = False


@dataclass(frozen=True, slots=True)
class DatedAction:
    """An action a sentence dates on the calendar, with who did it and to whom (nlp/dated.py): "In 1970 , he
    was indicted" gives indict, its patient he (the name he stands for), and the date of ``time``."""

    time: int  # the date: an index into the article's ``times``
    verb: str  # the verb's lemma with its particles ("indict", "push back")
    start: int  # the words from the first of verb, date and participants to the last, in one sentence
    end: int
    negated: bool
    # Who did it and to whom: the start of the name (in the article's mentions) it is, or a pronoun stands
    # for; else the head word's lemma ("son", "field"); None where the verb has no such participant or a
    # pronoun is left unresolved.
    agent: int | None = None
    agent_word: str | None = None
    patient: int | None = None
    patient_word: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything Storyline reads from one article in its single NLP pass."""

    article: Article
    sentences: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    terms: tuple[tuple[str, ...], ...] = ()  # content-word lemmas per sentence
    numbers: tuple[NumberRef, ...] = ()
    clauses: tuple[Span, ...] = ()  # claims: the clauses of the body's sentences
    # The sentences (indexes into ``sentences``) that are page furniture: photo captions and credits,
    # share and sign-up prompts (nlp/furniture.py). No story stage takes names, claims or dates from them.
    furniture: tuple[int, ...] = ()
    figures: tuple[FigureRef, ...] = ()  # its title's and body's figures (nlp/figures.py)
    dated: tuple[DatedAction, ...] = ()  # actions its body dates on the calendar (nlp/dated.py)

    def in_furniture(self, offset: int) -> bool:
        """Whether the character at ``offset`` lies in a sentence of page furniture."""
        return any(self.sentences[i].start <= offset < self.sentences[i].end for i in self.furniture)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one source's text that supports a claim."""

    source: str
    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class EntityRole:
    """A role of an entity with the words it came from."""

    text: str
    kind: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place, merged across all sources of a story."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    roles: tuple[EntityRole, ...]
    sources: tuple[str, ...]
    mentions: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One date of the story's timeline, with what happened then and who reports it."""

    value: str
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Fact:
    """A claim aligned across sources: corroborated, single-source or conflicting."""

    id: str
    status: str  # "corroborated" | "single_source" | "conflicting"
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    note: str = ""
    kind: str | None = None  # for a conflict: "count" | "denial" | "date" | "attribution" | "other"
    confidence: float | None = None  # 0..1: how sure Storyline is that the claims are (or conflict on) one fact


@dataclass(frozen=True, slots=True)
class SummarySpeaker:
    """Who speaks in a summary sentence without being named in it: the pronoun that speaks ("he"), or
    "" for a sentence that is all quotation, and the name, with where the source names them."""

    pronoun: str
    name: str
    quote: str  # the id of the quote whose speaker this is
    source: str
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence of the summary, taken from a source, with the sources that back it."""

    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    speakers: tuple[SummarySpeaker, ...] = ()


@dataclass(frozen=True, slots=True)
class SourcingProfile:
    """How one source attributes what it reports."""

    source: str
    total: int
    direct: int
    indirect: int
    named: int
    anonymous: int
    unattributed: int

    def share(self, count: int) -> float:
        """``count`` as a share of all the source's quotes (0 when it has none)."""
        return count / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FigureValue:
    """One source's cell in a row of the figures table."""

    source: str
    value: float
    qualifier: str | None
    unit: str | None
    text: str
    start: int
    end: int
    published: str | None = None
    alleged: bool = False  # its figure counts crimes someone is charged with (FigureRef.alleged); not in the JSON


@dataclass(frozen=True, slots=True)
class Figure:
    """A row of the story's figures table: one thing counted, each source's figure for it."""

    id: str
    what: str
    status: str  # "agree" | "differ" | "changed"
    note: str
    values: tuple[FigureValue, ...]


@dataclass(frozen=True, slots=True)
class Headline:
    """A source's headline, with the figures it states ("Three killed as rioters bomb Greek bank")."""

    source: str
    title: str
    figures: tuple[FigureValue, ...] = ()
    whats: tuple[str, ...] = ()  # what each figure counts, as the figures table names its row


@dataclass(frozen=True, slots=True)
class StoryReport:
    """The briefing for one story: its sources and what was found across them."""

    title: str
    analyses: tuple[ArticleAnalysis, ...]
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeRef, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    facts: tuple[Fact, ...] = ()
    summary: tuple[SummarySentence, ...] = ()
    framing: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (source id, distinctive terms)
    failures: tuple[Failure, ...] = ()
    story: str | None = None
    sourcing: tuple[SourcingProfile, ...] = ()  # one per source, in source order
    figures: tuple[Figure, ...] = ()
    headlines: tuple[Headline, ...] = ()

    @property
    def sources(self) -> tuple[Article, ...]:
        """The articles of the story, in input order."""
        return tuple(a.article for a in self.analyses)
