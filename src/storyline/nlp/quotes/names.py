"""From the words that name a speaker to a :class:`~storyline.types.Speaker`: a person's name, a pronoun's
referent, or a description, flagged anonymous when it describes people without naming them."""

from __future__ import annotations

from spacy.tokens import Token

from ...types import Mention, Speaker
from ...vocabulary import PLURAL_PRONOUNS, PRONOUN_GENDER
from ..coref import PERSON_NOUNS
from .context import Context
from ...vocabulary import CONVERSATION_PRONOUNS
from .lexicon import SOME_PEOPLE, SPEECH_VERBS, abbreviated_title, lemma, plausible_speaker
from .records import Subject
from .speakers import MAX_SPEAKER_TOKENS


def speaker_of(ctx: Context, subject: Subject | None, cue: Token | None,
               said: tuple[int, int] | None = None) -> Speaker | None:
    """The Speaker the words ``subject`` name as saying what ``cue`` reports (``said``: where the words are,
    if reported without quote marks), or None."""
    if subject is None:
        return None
    if isinstance(subject, tuple):
        return _span_speaker(ctx, subject)
    speaker = _antecedent_speaker(ctx, subject)
    if speaker is not None:
        return speaker
    relative = ctx.relatives.get(subject.i)
    if relative is not None and cue is not None and relative.head.i == cue.i:
        # "..., said Mike Lee, who declared ...": the words in the text are "who", the name is Lee's
        return _written_as(speaker_of(ctx, subject, None), relative)
    word = subject.lower_
    if word in PRONOUN_GENDER or word in PLURAL_PRONOUNS:
        return _pronoun_speaker(ctx, subject, said)
    if word in CONVERSATION_PRONOUNS:
        return Speaker(name=subject.text, text=subject.text, start=subject.idx, end=subject.idx + len(subject))
    return _phrase_speaker(ctx, subject)


def _written_as(speaker: Speaker, token: Token) -> Speaker:
    """``speaker``, written in the text as ``token`` ("who")."""
    return Speaker(name=speaker.name, text=token.text, start=token.idx, end=token.idx + len(token),
                   anonymous=speaker.anonymous, mention=speaker.mention)


def _antecedent_speaker(ctx: Context, subject: Token) -> Speaker | None:
    """A relative pronoun's antecedent: in 'an academic named Eric Kingson, who is running for Congress
    and who worked the crowd, praising "..."' the words in the text are "who", the speaker is the one
    it stands for."""
    if subject.lower_ not in ("who", "that") or subject.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = subject.head
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    antecedent = clause.head if clause.dep_ == "relcl" else None
    if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN") and plausible_speaker(antecedent):
        speaker = speaker_of(ctx, antecedent, None)
        if speaker is not None:
            return _written_as(speaker, subject)
    return None


def _span_speaker(ctx: Context, subject: tuple[int, int]) -> Speaker:
    """The speaker named by a span of text: the person named in it, else the words themselves."""
    start, end = subject
    phrase = ctx.text[start:end]
    inside = [m for m in ctx.mentions if start <= m.start and m.end <= end]
    people = [m for m in inside if m.label == "PERSON" or m.name.split()[-1] in ctx.people]
    if people:
        return Speaker(name=people[0].name, text=phrase, start=start, end=end, mention=people[0].start)
    return Speaker(name=phrase, text=phrase, start=start, end=end,
                   anonymous=phrase.lower() in SOME_PEOPLE
                   or any(w.lower().rstrip("s") in PERSON_NOUNS for w in phrase.split()[-1:]))


def _pronoun_speaker(ctx: Context, subject: Token, said: tuple[int, int] | None = None) -> Speaker:
    """A pronoun, with the person or group it stands for as the name (itself when unresolved); never someone
    named in the words ``said`` it is reported to say."""
    referent = ctx.resolver.resolve(subject, said=said)
    if referent is None:
        return Speaker(name=subject.text, text=subject.text, start=subject.idx,
                       end=subject.idx + len(subject), anonymous=False)
    return Speaker(name=referent.name, text=subject.text, start=subject.idx, end=subject.idx + len(subject),
                   anonymous=referent.anonymous, entity=None, mention=referent.mention)


def _phrase_speaker(ctx: Context, subject: Token) -> Speaker:
    """The speaker a noun phrase names: the named entity it stands for, or the description itself."""
    tokens = phrase(ctx, subject)
    titled = _name_after_title(ctx, tokens[-1])
    if titled is not None:
        tokens = tokens + [t for t in ctx.doc[tokens[-1].i + 1:] if t.idx < titled.end]
        subject = tokens[-1]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    words = ctx.doc[tokens[0].i:tokens[-1].i + 1].text
    mention = titled or _mention_of(ctx, subject, tokens, start, end)
    if mention is not None:
        return Speaker(name=mention.name, text=words, start=start, end=end, mention=mention.start)
    return Speaker(name=words, text=words, start=start, end=end, anonymous=_anonymous(subject, tokens))


def _name_after_title(ctx: Context, last: Token) -> Mention | None:
    """The person named right after a phrase that ends in an abbreviated title whose full stop the parser
    took for a sentence's end ("according to Troy police Lt . Gerry Scherlinck"), or None."""
    doc = ctx.doc
    if not abbreviated_title(last) or last.i + 2 >= len(doc) or doc[last.i + 1].text != ".":
        return None
    name = doc[last.i + 2]
    return next((m for m in ctx.mentions if m.start == name.idx and m.label == "PERSON"), None)


def _mention_of(ctx: Context, subject: Token, tokens: list[Token], start: int, end: int) -> Mention | None:
    """The mention a speaker's phrase stands for: a name in it, a surname spaCy did not tag this time
    ("Early described"), or the person named in apposition ("Trump’s Indiana chairman, Rex Early, a
    former state party chairman ..., said")."""
    mention = named(ctx, start, end, subject)
    if mention is None and len(tokens) == 1 and subject.text in ctx.person_named:
        mention = ctx.person_named[subject.text]
    if mention is None and not ctx.inside_quote(subject) and subject.tag_ not in ("NNS", "NNPS"):
        for child in subject.children:
            if child.dep_ == "appos" and child.i > subject.i and not any(c.dep_ == "conj" for c in child.children):
                found = named(ctx, child.left_edge.idx, child.idx + len(child), child)
                if found is not None and found.label == "PERSON":
                    return found
    return mention


def _anonymous(subject: Token, tokens: list[Token]) -> bool:
    """Whether an unnamed speaker describes people ("an official familiar", "sources"), not a document
    or an office ("a readout", "the vice president's office")."""
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= subject.i]
    anonymous = subject.lemma_.lower() in PERSON_NOUNS or (
        subject.pos_ != "NOUN" and any(t.lemma_.lower() in PERSON_NOUNS for t in nouns)) or (
        subject.lower_ in SOME_PEOPLE and all(t.lower_ in SOME_PEOPLE or t.is_punct for t in tokens))
    # ('Police were called by neighbours ... One said : "..."': someone unnamed, ECB+ 32_1ecbplus)
    if subject.pos_ == "PROPN" and subject.text[:1].isupper() and subject.i > subject.sent.start \
            and any(t.text[:1].isupper() for t in tokens[:-1] if t.pos_ == "PROPN"):
        anonymous = False  # a name of a paper or a body: "The New Hampshire Union Leader said"
    if anonymous and any(c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree)
                         for c in subject.children):
        anonymous = False  # named in apposition: "Two military analysts, Patrick Megahan and Chris Harman,"
    return anonymous


def phrase(ctx: Context, head: Token) -> list[Token]:
    """The speaker's noun phrase, without relative clauses or appositives after a comma."""
    tokens = []
    # (nor the relative clause that is the cue: 'a marketing video that said, "..."' is said by "a
    # marketing video"; but "a speech that Mrs. Clinton gave" keeps who gave it)
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") and c.i > head.i
               and lemma(c) in SPEECH_VERBS for t in c.subtree}
    for token in ctx.doc[head.left_edge.i:head.right_edge.i + 1]:
        if token.i > head.i and (token.text in (",", "(", "—", "--", "–") or token.i in clauses):
            break
        tokens.append(token)
    if len(tokens) > MAX_SPEAKER_TOKENS:
        tokens = [t for t in tokens if t.i <= head.i][-MAX_SPEAKER_TOKENS:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) > 1 and tokens[0].lower_ == "even" and tokens[0].i < head.i:
        tokens.pop(0)  # "even a top GOP strategist said": the strategist ("only 23 percent" keeps "only")
    return tokens


def named(ctx: Context, start: int, end: int, head: Token) -> Mention | None:
    """The named entity a speaker phrase stands for: a person in it, or the phrase's own head.

    Only the entity the phrase is about, not one in a modifier ("Netanyahu's office", "top Biden
    administration officials")."""
    heads = [m for m in ctx.mentions if start <= m.start and m.end <= end and m.start <= head.idx < m.end]
    return heads[0] if heads else None
