"""Quotes across sources: speakers linked to the cast, echoes, and each source's sourcing profile.

An *echo* is the same words quoted in two sources: the shorter quote's words appear, in
order, inside the longer one (at least ``MIN_ECHO_WORDS`` words), or the two are nearly
identical. Each echo records whether both outlets gave the words to the same speaker, so
"no excuses" given to Kamala Harris by one outlet and to Joe Biden by the other is shown
as one phrase with two different speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from ..nlp.timex import publication_day
from ..types import (ArticleAnalysis, Echo, Entity, Quote, SourcingProfile, SummarySentence,
                     SummarySpeaker)
from ..vocabulary import PLURAL_PRONOUNS, PRONOUN_GENDER, STAND_IN_PRONOUNS
from .described import resolve_speakers

# The shorter of two quotes must have at least this many words to count as an echo when it
# is found inside the longer one: "no excuses" (2) qualifies, a lone "yes" does not.
MIN_ECHO_WORDS = 2
# ... and at least this many letters, so "it is" never echoes.
MIN_ECHO_CHARS = 8
# Two quotes of similar length are the same words at this rapidfuzz ratio (0-100) or more:
# tolerates a changed word or punctuation between outlets' transcriptions.
SAME_WORDS_RATIO = 90
# Two speakers' names this alike (rapidfuzz ratio, lower case) are one person spelled two ways, not two people
# given the same words: set by hand on ECB+ topic 9 ("Andrew Wetzler" / "Andrew Welzler" 93), well above two
# people's full names ("kamala harris" / "joe biden" 18).
SPELLED_APART = 85
# A quote of fewer words than this (a hyphenated word counts once) echoes a longer quote only where it is a
# whole sentence of it ("No excuses." closing Harris's words in one outlet, "no excuses" in the other): a word
# or two inside a sentence ("common-sense changes to a law ...") is a term that two people may both use, as
# Dirk Kempthorne and James Inhofe both called the rule changes "common-sense" (ECB+ 9_ecb), and two such
# short quotes ("deep background", ECB+ 28_ecb) are a term the writers quote, not words someone said. Set by
# hand on those two stories, in no gold set, and the seeds.
MIN_PHRASE_WORDS = 3
# Reported speech (no quote marks) is the same words as another source's quote where the two share a run of
# this many words in order: an agency's copy that each outlet attributed as it chose ("... before he finally
# pulled over after about 15 minutes , Genesee County Undersheriff James Gage said" / "..., Genesee County
# Sheriff Robert J Pickell said", ECB+ 18_ecbplus, a dev event). Outlets that tell one fact in their own words
# rarely share eight words in a row. Set by hand on that event.
MIN_REPORTED_RUN = 8
_WORD = re.compile(r"[\w']+")
_PHRASE_WORD = re.compile(r"[\w']+(?:-[\w']+)*")
_SENTENCE_END = re.compile(r"[.!?;:]+")


def _words(text: str) -> list[str]:
    return [w.strip("'") for w in _WORD.findall(text.lower().replace("’", "'"))]


def _surname(name: str) -> str:
    """The last word of a name, lower-cased ("" for none)."""
    words = _words(name)
    return words[-1] if words else ""


def link_speakers(analyses: Sequence[ArticleAnalysis], entities: Sequence[Entity],
                  index: dict[tuple[str, int], str]) -> list[Quote]:
    """All quotes of the story, with speakers linked to cast entities and named canonically.

    A speaker the text only describes, or a pronoun left open, is the one it stands for
    (:func:`.described.resolve_speakers`): the nearest person before it whose role or description fits
    ("the ship's owner" after "Wicharn Sirichaiekawat, owner of the Ekawat Nava 5"; "the spokesman" after
    "a German military spokesman", who stays anonymous), else the one person a title names ("Ohio Gov.
    John Kasich said ... The Ohio governor said ..."), else the speaker just before ("..., Mehdi
    iran-Nejad, told ISNA. ..., the official said").
    """
    by_id = {e.id: e for e in entities}
    quotes = []
    for analysis in analyses:
        resolved = resolve_speakers(analysis, entities, index)
        for quote in analysis.quotes:
            speaker = quote.speaker
            entity = None
            if speaker is not None and speaker.mention is not None:
                entity = index.get((analysis.article.id, speaker.mention))
            elif quote.id in resolved:
                entity, anonymous = resolved[quote.id]
                if entity is None and anonymous != speaker.anonymous:
                    speaker = replace(speaker, anonymous=anonymous)
            if entity is not None:
                speaker = replace(speaker, entity=entity, name=by_id[entity].name, anonymous=False)
            quotes.append(replace(quote, speaker=speaker))
    order = {q.id: n for n, q in enumerate(q for a in analyses for q in a.quotes)}
    return sorted(quotes, key=lambda q: order[q.id])


def _same_words(a: list[str], b: list[str]) -> bool:
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= MIN_ECHO_WORDS and len(" ".join(short)) >= MIN_ECHO_CHARS:
        n = len(short)
        if any(long[i:i + n] == short for i in range(len(long) - n + 1)):
            return True
    if len(short) >= 3 and len(short) >= 0.7 * len(long):
        return fuzz.ratio(" ".join(a), " ".join(b)) >= SAME_WORDS_RATIO
    return False


def _is_echo(a: Quote, a_words: list[str], b: Quote, b_words: list[str]) -> bool:
    """Whether two quotes are the same words (see :data:`MIN_PHRASE_WORDS`); never a name in quote marks ("Deep
    Throat", a book's title: every word capitalised), which writers quote without anyone saying it."""
    if not _same_words(a_words, b_words) or _name_like(a.text) or _name_like(b.text):
        return False
    (short, words), long = ((a, a_words), b) if len(a_words) <= len(b_words) else ((b, b_words), a)
    # a phrase of a few words (SHORT_ECHO_WORDS or fewer) inside longer words echoes them only as a whole sentence
    # of theirs ("No excuses." closing Harris's words, the seeds); not as the start of another ("do the right
    # thing" in Harry Reid's hope for Sanders, and in Sanders's "do the right thing and open its doors and let into
    # the party people ...", two reports of one day, PolNeAR)
    if len(_PHRASE_WORD.findall(short.text)) >= MIN_PHRASE_WORDS and (
            len(words) > SHORT_ECHO_WORDS or words == _words(long.text)):
        return True
    if len(_PHRASE_WORD.findall(long.text)) < MIN_PHRASE_WORDS:
        return False
    return any(_words(part) == words for part in _SENTENCE_END.split(long.text))


def _name_like(text: str) -> bool:
    """Whether quoted words are a name or a title: each word of letters opens with a capital ("Deep Throat",
    "The Secret Man : The Story of Watergate 's Deep Throat"; small words such as "of" aside)."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if w.lower() not in _TITLE_SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


# Words a title leaves in lower case ("The Story of Watergate 's Deep Throat").
_TITLE_SMALL_WORDS = frozenset("of the a an and or in on at to for with by from 's s".split())


def speaker_key(quote: Quote) -> str | None:
    """Who a quote is given to, as a key for comparing speakers (entity id, else name)."""
    if quote.speaker is None:
        return None
    return quote.speaker.entity or " ".join(quote.speaker.name.lower().split())


# A speaker left as one of these words was not resolved to anyone ("he said", "who said").
UNRESOLVED = frozenset(PRONOUN_GENDER) | PLURAL_PRONOUNS | frozenset("""it its theirs i we you me us my our your
who whom whose which that this one""".split())


def known_speaker(quote: Quote) -> bool:
    """Whether a quote's speaker is known: a quote with no speaker, or with a pronoun no one was found
    for ("his", "who"), has none."""
    key = speaker_key(quote)
    return key is not None and key not in UNRESOLVED


def different_speakers(a: Quote, b: Quote) -> bool:
    """Whether two quotes are given to two speakers known to differ (a quote with no known speaker may
    be its speaker's as well)."""
    return known_speaker(a) and known_speaker(b) and speaker_key(a) != speaker_key(b)


def _named_in_cue(quote: Quote, analysis: ArticleAnalysis | None) -> bool:
    """Whether the quote is given to its speaker plainly: the surname of the resolved name is in the speaker's
    own words ("..., Wetzler said"), or the speaker is a pronoun whose person is named in its sentence or the
    one before, and that sentence speaks of no one else by a pronoun of that gender ("Jerry Tibbs ... asked
    her to pose. ... she told Playboy": "she" is not Tibbs). A speaker found through a description, or a
    pronoun further from the name, may be the wrong person."""
    surname = _surname(quote.speaker.name)
    said = (quote.speaker.text or "").lower()
    if not surname:
        return False
    if surname in _words(said):  # a word of the speaker's, not a letter: "Eugene H" is not named in "the judge"
        return True
    if said not in PRONOUN_GENDER or analysis is None or quote.speaker.start is None:
        return False
    text = analysis.article.text
    at = next((n for n, span in enumerate(analysis.sentences) if span.start <= quote.speaker.start < span.end), None)
    if at is None:
        return False
    before = analysis.sentences[at - 1] if at > 0 else analysis.sentences[at]
    window = text[before.start:quote.speaker.start].lower()
    same_gender = {w for w, g in PRONOUN_GENDER.items() if g == PRONOUN_GENDER[said]}
    earlier = set(_WORD.findall(text[before.start:before.end].lower())) if at > 0 else set()
    return surname in _words(window) and not (earlier & same_gender)


_JOINT_AFTER = re.compile(r"\s*(?:and|&)\s+(?:[A-Z][\w.'-]*\s+)*[A-Z]")
_JOINT_WITHIN = re.compile(r"[A-Z][\w.'-]*\s*,?\s+(?:and|&)\s+(?:[A-Z][\w.'-]*\s+)*[A-Z]")
_JOINT_BEFORE = re.compile(r"[A-Z][\w.'-]*\s*,?\s+(?:and|&)\s+$")


def _joint(quote: Quote, analysis: ArticleAnalysis | None) -> bool:
    """Whether the quote's speaker is one of two or more named together ("said Zadan and Meron", "producers
    Craig Zadan and Neil Meron said"): the words are theirs jointly."""
    speaker = quote.speaker
    if analysis is None or speaker is None or speaker.start is None or speaker.end is None:
        return False
    if _JOINT_WITHIN.search(speaker.text or ""):
        return True
    text = analysis.article.text
    return bool(_JOINT_AFTER.match(text, speaker.end) or _JOINT_BEFORE.search(text[max(0, speaker.start - 60):
                                                                                     speaker.start]))


def echo_conflicts(quotes: Sequence[Quote], people: frozenset[str],
                   analyses: Sequence[ArticleAnalysis] = ()) -> list[tuple[Quote, Quote]]:
    """Each pair of quotes (of :func:`find_echoes`) with the same words given to two different people, once:
    both speakers resolved to people of the cast (``people``: their entity ids), each named where the quote
    is given to them, and not the same one (nor two spellings of one name). Words given to "the statement"
    by one outlet and to "the military" by another are no dispute; nor are words one outlet gives to "she"
    far from any name (see `_named_in_cue`; ``analyses``: the story's articles, to read pronouns in)."""
    by_id = {q.id: q for q in quotes}
    by_source = {a.article.id: a for a in analyses}
    out, seen = [], set()
    for quote in quotes:
        for echo in quote.echoes:
            other = by_id.get(echo.quote)
            pair = tuple(sorted((quote.id, echo.quote)))
            if other is None or pair in seen or not different_speakers(quote, other):
                continue
            if not all(q.speaker.entity in people and not q.speaker.anonymous for q in (quote, other)) or \
                    quote.speaker.entity == other.speaker.entity:
                continue
            if not (_named_in_cue(quote, by_source.get(quote.source)) and _named_in_cue(other, by_source.get(other.source))):
                continue  # a speaker found through "she said" or "the official" may be the wrong person
            if _joint(quote, by_source.get(quote.source)) or _joint(other, by_source.get(other.source)):
                continue  # "said Zadan and Meron": words of two people, each outlet naming one (ECB+ 2_ecbplus)
            if fuzz.ratio(quote.speaker.name.lower(), other.speaker.name.lower()) >= SPELLED_APART:
                continue  # "Andrew Wetzler" / "Andrew Welzler": one person spelled two ways (story/spellings.py)
            if _one_source_gives_both(quote, other, by_id):
                continue  # one outlet has these words from each of the two: one quoting the other, not a dispute
            if _common_words_apart(quote, other, by_source):
                continue  # "boots on the ground", "the next president": a phrase many say, weeks apart
            if _names_the_other(quote, other) or _names_the_other(other, quote):
                continue  # "''Donald Trump said he has made a lot of sacrifices,'' Ms. Khan said": Khan quoting Trump
            seen.add(pair)
            out.append((quote, other))
    return out


# Words of a quote this short are a phrase many people say ("boots on the ground", "the next president") unless
# the two reports are of the same news days: reports more than ECHO_DAYS apart giving them to two people are two
# people saying them. So are words of any length that are a part of the other's longer words (a line said again,
# see _common_words_apart). Set by hand on PolNeAR's training articles (seen: "Boots on the ground" given to Kasich and
# to Carson 29 days apart, "the next president" to McConnell and to Clinton 33 days apart); the seeds' "no
# excuses", a day apart, stays a dispute.
SHORT_ECHO_WORDS = 4
ECHO_DAYS = 2


def _common_words_apart(quote: Quote, other: Quote, by_source: dict[str, ArticleAnalysis]) -> bool:
    """Whether two quotes with the same words are short, or the one part of the other's longer words, and their
    reports more than ECHO_DAYS apart: a line said again, not one statement given to two people ("temperamentally
    unfit to be commander-in-chief", Clinton's words in Breitbart of 30 September 2016, closing her campaign
    worker Rucker Culpepper's longer words in USA Today of 8 September; PolNeAR dev)."""
    short, long = sorted((_words(quote.text), _words(other.text)), key=len)
    if len(short) > SHORT_ECHO_WORDS and len(short) == len(long):
        return False
    days = [publication_day(by_source[q.source].article.published) if q.source in by_source else None
            for q in (quote, other)]
    return None not in days and abs((days[0] - days[1]).days) > ECHO_DAYS



def _names_the_other(quote: Quote, other: Quote) -> bool:
    """Whether a quote's own words name the other quote's speaker (by surname): the words then tell what that
    person said or did ("Donald Trump said he has made a lot of sacrifices," said by Ghazala Khan in the New York
    Times, beside Trump's own "a lot of sacrifices" in the Huffington Post; PolNeAR), and the shared words may
    be theirs as the other outlet says."""
    surname = _surname(other.speaker.name)
    return len(surname) > 2 and surname in _words(quote.text)


def _one_source_gives_both(quote: Quote, other: Quote, by_id: dict[str, Quote]) -> bool:
    """Whether some source gives the words of two echoing quotes (or of a quote echoing either) to both their
    speakers: Terry White's account of what Mark Heller agreed "to send the actress to a different facility
    ...", printed by two outlets beside Heller's own words (ECB+ 1_ecbplus, in no gold set)."""
    keys = {speaker_key(quote), speaker_key(other)}
    near = [quote, other, *(by_id[e.quote] for q in (quote, other) for e in q.echoes if e.quote in by_id)]
    given: dict[str, set[str | None]] = {}
    for q in near:
        given.setdefault(q.source, set()).add(speaker_key(q))
    return any(keys <= speakers for speakers in given.values())


def find_echoes(quotes: list[Quote]) -> list[Quote]:
    """Link quotes of different sources that share their words, both ways: direct quotes with the same words
    (see `_is_echo`), and reported speech that shares a run of :data:`MIN_REPORTED_RUN` words with a quote
    of another source (one agency's copy, attributed by each outlet as it chose)."""
    words = [_words(q.text) for q in quotes]
    direct = [(q, w) for q, w in zip(quotes, words) if q.kind == "direct"]
    echoes: dict[str, list[Echo]] = {}

    def link(a: Quote, b: Quote) -> None:
        ka, kb = speaker_key(a), speaker_key(b)
        same = ka is not None and ka == kb
        echoes.setdefault(a.id, []).append(Echo(b.id, same))
        echoes.setdefault(b.id, []).append(Echo(a.id, same))

    for i, (a, wa) in enumerate(direct):
        for b, wb in direct[i + 1:]:
            if a.source != b.source and _is_echo(a, wa, b, wb):
                link(a, b)
    for a, b in _reported_echoes(quotes, words):
        link(a, b)
    return [replace(q, echoes=tuple(echoes.get(q.id, ()))) for q in quotes]


def _reported_echoes(quotes: Sequence[Quote], words: Sequence[list[str]]) -> list[tuple[Quote, Quote]]:
    """Pairs of quotes of different sources, at least one of them reported speech, that share a run of
    :data:`MIN_REPORTED_RUN` words in order (found through an index of each quote's runs; ``words``: each
    quote's words)."""
    by_run: dict[tuple[str, ...], list[int]] = {}
    for n, own in enumerate(words):
        for i in range(len(own) - MIN_REPORTED_RUN + 1):
            by_run.setdefault(tuple(own[i:i + MIN_REPORTED_RUN]), []).append(n)
    pairs: set[tuple[int, int]] = set()
    for holders in by_run.values():
        for i, a in enumerate(holders):
            for b in holders[i + 1:]:
                if a != b and quotes[a].source != quotes[b].source and "indirect" in (quotes[a].kind, quotes[b].kind):
                    pairs.add((min(a, b), max(a, b)))
    return [(quotes[a], quotes[b]) for a, b in sorted(pairs)]


def sourcing_profiles(sources: Sequence[str], quotes: Sequence[Quote]) -> tuple[SourcingProfile, ...]:
    """Named vs anonymous and direct vs indirect attributions, per source."""
    out = []
    for source in sources:
        own = [q for q in quotes if q.source == source]
        kinds = Counter(q.kind for q in own)
        anonymous = sum(1 for q in own if q.speaker is not None and q.speaker.anonymous)
        unattributed = sum(1 for q in own if q.speaker is None)
        out.append(SourcingProfile(source, len(own), kinds["direct"], kinds["indirect"],
                                   len(own) - anonymous - unattributed, anonymous, unattributed))
    return tuple(out)


def summary_speakers(sentence: SummarySentence, quotes: Sequence[Quote],
                     entities: Sequence[Entity]) -> tuple[SummarySpeaker, ...]:
    """Who speaks in a summary sentence without being named in it: ("he", Benny Gantz) for a pronoun
    that speaks in it, ("", Matthew Miller) for a sentence that is all quotation, its speaker named in
    the sentences around it; each with where its source names them.

    A summary sentence is taken whole from its source, so '"No, no, no ...," he said.' keeps its "he";
    the reader of the summary has not read the sentence before it.
    """
    from .summary import is_all_quotation

    names = {e.id: e.name for e in entities}
    all_quotation = is_all_quotation(sentence.text)
    out: list[SummarySpeaker] = []
    seen: set[tuple[str, str]] = set()
    for quote in quotes:
        if not known_speaker(quote):
            continue
        speaker = quote.speaker
        name = names.get(speaker.entity or "", speaker.name)
        for e in sentence.evidence:
            if e.source != quote.source or not (quote.start < e.end and quote.end > e.start):
                continue
            inside = speaker.start is not None and e.start <= speaker.start < e.end
            if inside and speaker.text.lower() in STAND_IN_PRONOUNS:
                pair = (speaker.text, name)
            elif not inside and all_quotation and quote.kind == "direct" and e is sentence.evidence[0]:
                pair = ("", name)
            else:
                continue
            if pair not in seen:
                seen.add(pair)
                out.append(SummarySpeaker(pair[0], pair[1], quote.id, quote.source, speaker.start, speaker.end))
    return tuple(out)
