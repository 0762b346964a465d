"""Reported speech: a cue with the words it reports, not in quote marks.

"Officials say that ...", "..., an Israeli official said", an "according to X" phrase, or a verb of
urging with its object and infinitive ("urged Israel to take additional measures"). For each cue
(:func:`lexicon.is_cue`) the first of :data:`CONTENT_RULES` that applies reads what it reports; the
rule's name is the attribution's ``rule``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from .context import Context
from .cues import according_to_phrase
from ...vocabulary import THING_PRONOUNS
from .lexicon import (BELIEF_VERBS, INTENT_VERBS, OBJECT_VERBS, SPEECH_VERBS, URGE_VERBS,
                      WEAK_CUES, is_cue, lemma, plausible_speaker)
from .records import Attribution, Content
from .speakers import parenthetical, who


def indirect_speech(ctx: Context) -> list[Attribution]:
    """Every report of speech in the body, sentence by sentence, each content read once."""
    out: list[Attribution] = []
    seen_contents: set[Content] = set()
    for sent in ctx.doc.sents:
        if sent.end_char <= ctx.body[0] or sent.start_char >= ctx.body[1]:
            continue
        according = according_to_phrase(ctx, sent)
        if according:  # "he was told that ..., according to an official"
            content = clause_without(ctx, according.cue.head, according.cue)
            if content and ctx.quoted_share(*content) < 0.5:
                out.append(Attribution(*content, "indirect", according.cue, according.speaker, None,
                                       "according_to_clause"))
                seen_contents.add(content)
        for token in sent:
            if not is_cue(token) or ctx.inside_quote(token):
                continue
            read = _content_of(ctx, token)
            if read is None or read[1] in seen_contents:
                continue
            rule, content = read
            if ctx.quoted_share(*content) > 0.5:
                continue  # the direct quote already carries it
            seen_contents.add(content)
            subject = who(ctx, token)
            if subject is None and according:
                subject = according.speaker  # "he was told that ..., according to an official"
            at = subject.idx if isinstance(subject, Token) else subject[0] if subject else None
            if (at is not None and token.idx < at and content[0] <= at < content[1]
                    and parenthetical(ctx, token) is None) or (subject is None and ctx.after_quote(token)):
                continue  # '"The risk," said Edward Leamer, an economist ...': the speaker is no content
            out.append(Attribution(*content, "indirect", token, subject, None, rule))
    return out


@dataclass(frozen=True)
class ContentRule:
    """A way a cue carries what it reports: the first rule that ``applies`` to a cue ``reads`` its
    content (or finds none, and the cue reports nothing)."""

    name: str
    applies: Callable[[Context, Token], bool]
    reads: Callable[[Context, Token], Content | None]


def _content_of(ctx: Context, verb: Token) -> tuple[str, Content] | None:
    """(rule name, content) of what a cue reports, or None."""
    for rule in CONTENT_RULES:
        if rule.applies(ctx, verb):
            content = rule.reads(ctx, verb)
            return None if content is None else (rule.name, content)
    return None


def _reads_parenthetical(ctx: Context, verb: Token) -> Content | None:
    """'Any interpretation ..., said Michael Kofman, an expert ..., would read this as ...': the
    sentence around the cue and its speaker."""
    resume = parenthetical(ctx, verb)[1]
    tokens = [t for t in verb.sent if t.i < verb.i - 1 or t.i >= resume]
    return trim(without_own_report(tokens))


def _reads_clause(ctx: Context, verb: Token) -> Content | None:
    """The clauses the cue governs: "Officials say that ...".

    "She said fathers would not be eligible, and when pressed, the mother of three replied, ...": a
    clause joined on with its own speaker and cue is not her content."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    tokens = [t for c in clauses for t in c.subtree]
    cuts = [c.left_edge.i for clause in clauses for c in clause.children if own_speech(c)]
    if cuts:
        tokens = [t for t in tokens if t.i < min(cuts)]
    return trim(without_own_report(tokens))


def _reads_urging(ctx: Context, verb: Token) -> Content | None:
    """Who is urged and to what (who is urged is part of what was said): "urged Israel to take
    additional measures", 'called on Hamas to agree to ...'."""
    xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
    if not xcomps:
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
            xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if xcomps and objects:
                return trim([*objects[0].subtree, *xcomps[0].subtree])
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" and verb.i < p.i < xcomps[0].i
                for o in p.children if o.dep_ == "pobj"]
    tokens = [t for o in objects for t in o.subtree] + list(xcomps[0].subtree)
    return trim(without_own_report(tokens))


def _reads_intention(ctx: Context, verb: Token) -> Content | None:
    """The infinitive: "Clinton wants to triple the size ..."."""
    xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    return trim(list(xcomps[0].subtree))


def _reads_object(ctx: Context, verb: Token) -> Content | None:
    """The object, its complement and an "as" phrase: "Clinton cited derogatory comments ...", "called
    half of his supporters deplorables", "has called for the complete repeal of Obamacare"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")]
    if not objects:
        objects = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "on", "as")
                   and any(o.dep_ in ("pobj", "pcomp") for o in p.children)]
    tokens = [t for o in objects for t in o.subtree]
    tokens += [t for c in verb.children if c.dep_ in ("oprd", "xcomp") for t in c.subtree]
    tokens += [t for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for t in p.subtree]
    return trim(tokens) if tokens else None


# The ways a cue carries its content, in the order they are tried.
CONTENT_RULES = (
    ContentRule("parenthetical_cue", lambda ctx, verb: parenthetical(ctx, verb) is not None,
                _reads_parenthetical),
    ContentRule("reported_clause", lambda ctx, verb: any(c.dep_ == "ccomp" for c in verb.children), _reads_clause),
    ContentRule("urging", lambda ctx, verb: verb.lemma_.lower() in URGE_VERBS, _reads_urging),
    # "But to prevent problems, he said, local officials should be vigilant"
    ContentRule("parenthetical_verb", lambda ctx, verb: verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"),
                lambda ctx, verb: clause_without(ctx, verb.head, verb)),
    ContentRule("intention", lambda ctx, verb: verb.lemma_.lower() in INTENT_VERBS and any(
        c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children), _reads_intention),
    ContentRule("object_of_cue", lambda ctx, verb: verb.lemma_.lower() in OBJECT_VERBS, _reads_object),
)


def without_own_report(tokens: list[Token]) -> list[Token]:
    """Content up to a reporting participle set off inside it, which reports speech of its own:
    'called on Hamas to agree to an "immediate cease-fire" -- saying a deal is on the table --'
    holds two reports, not one."""
    for token in tokens:
        if token.dep_ == "advcl" and token.tag_ == "VBG" and lemma(token) in SPEECH_VERBS \
                and token.i > 0 and token.doc[token.i - 1].text in (",", "--", "—", "–", "-", ";", "(") \
                and any(c.dep_ == "ccomp" for c in token.children):
            return [t for t in tokens if t.i < token.i - 1]
    return tokens


def own_speech(clause: Token) -> bool:
    """Whether a clause joined to reported content is a new speaker's cue ("..., and the mother
    replied"), not more of the content ("... and that the footage did not show ...")."""
    word = clause.lemma_.lower()
    if clause.dep_ != "conj" or word not in SPEECH_VERBS or word in WEAK_CUES or word in BELIEF_VERBS:
        return False
    if any(c.dep_ == "mark" for c in clause.children):
        return False
    return any(c.dep_ == "nsubj" and plausible_speaker(c) and c.lower_ not in THING_PRONOUNS
               for c in clause.children)


def clause_without(ctx: Context, head: Token, cue: Token) -> Content | None:
    """The clause an "according to" phrase (or a parenthetical "he said") attaches to, without it."""
    clause = head
    while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
        clause = clause.head
    exclude = {t.i for t in cue.subtree}
    tokens = [t for t in clause.subtree if t.i not in exclude]
    return trim(tokens)


def trim(tokens: list[Token]) -> Content | None:
    """(start, end) of tokens without the punctuation, space, "that" and conjunction at their edges;
    None for fewer than two tokens."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].is_space or tokens[0].lower_ == "that"
                      and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space or tokens[-1].dep_ == "cc") \
            and tokens[-1].text not in ('"', "”", "’"):
        tokens = tokens[:-1]
    if len(tokens) < 2:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])
