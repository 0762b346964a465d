"""The cue rules for direct quotes: who says the quoted words, and by what verb, tried in order.

Each rule takes the article's :class:`~.context.Context` and the quote's :class:`~.context.QuoteView`
and returns a :class:`~.records.Found` (a cue and the words that name the speaker) or None to pass
the quote on to the next rule. :data:`CUE_RULES` is the order; the first rule that finds something
names the quote's ``rule``. A quote no rule attributes may still go on from an earlier one
(:mod:`.continuation`).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from .context import Context, QuoteView
from .labels import (announcing_line, colon_label, dash_label, digest_label, from_label, line_label,
                     signed_line, signing_line)
from ...vocabulary import THING_PRONOUNS
from .lexicon import (BESIDE_CUES, INVERTED_ONLY, LIGHT_VERBS, SPEECH_NOUNS, SPEECH_VERBS, TAIL_CUES, TAIL_WEAK,
                      WEAK_CUES, abbreviated_title, is_cue, lemma, plausible_speaker)
from .records import Found
from .speakers import who
from .subjects import subject_of


def verb_after_quote(ctx: Context, view: QuoteView) -> Found | None:
    """'Polling shows that ''...,'' said Sylke Tempel': a cue right after the closing mark, before its
    speaker, says who spoke, whatever verb the parse hung the quote from.

    ('“Who is the real con man here?” said Murphy, using a term ...': after a question or an
    exclamation too.)"""
    after = view.next_word
    if after is not None and (view.comma or view.asked) and after.idx - view.quote.close_mark <= 4 \
            and after.tag_ in ("VBD", "VBZ") and not ctx.inside_quote(after) \
            and (lemma(after) in SPEECH_VERBS and is_cue(after) or after.lemma_.lower() in INVERTED_ONLY):
        speaker = who(ctx, after, view.quote)
        if speaker is not None:
            return Found(after, speaker)
    return None


def inverted_tail(ctx: Context, view: QuoteView) -> Found | None:
    """(cue, speaker) of '"...," the email read.': a quote ending in a comma, "?" or "!", then a noun
    phrase of at most eight words and a speech verb in any part of speech."""
    quote, doc = view.quote, ctx.doc
    if ctx.text[quote.start:quote.end].rstrip()[-1:] not in (",", "?", "!"):
        return None
    first = ctx.token_at(quote.close_mark, forward=True)
    if first is None or first.idx - quote.close_mark > 2 or ctx.inside_quote(first):
        return None
    for token in doc[first.i:min(first.i + 9, len(doc))]:
        if token.i > first.i and lemma(token) in TAIL_CUES and token.lemma_.lower() not in TAIL_WEAK:
            return _tail_cue(doc, first, token)
        if token.text == "." and token.i > first.i and abbreviated_title(doc[token.i - 1]):
            continue  # ('"...," Const. Fanning said': the full stop of a title, not of the sentence)
        # ('a Democratic staffer in the room wondered': a preposition inside the noun phrase)
        inner_prep = token.pos_ == "ADP" and token.i > first.i and token.i + 1 < len(doc) \
            and doc[token.i + 1].pos_ in ("DET", "NOUN", "PROPN")
        if (token.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") and not inner_prep) or token.is_punct:
            return None
    return None


def _tail_cue(doc, first: Token, token: Token) -> Found | None:
    """The speaker of an inverted tail whose words run from ``first`` to the cue ``token``."""
    words = doc[first.i:token.i]
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and not (after.is_punct or after.is_space or after.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV")
                                  or after.ent_type_ in ("DATE", "TIME")):
        return None  # ("said as she turned", "said Tuesday"; not 'the two write a letter')
    if words[-1].pos_ in ("NOUN", "PROPN", "PRON", "NUM") \
            or words[-1].pos_ == "ADJ" and words[0].pos_ == "DET" and len(words) > 1:  # "the editorial"
        if len(words) == 1:
            return Found(token, words[0])  # a pronoun to resolve, or a name to look up
        heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and first.i <= c.i < token.i]
        if heads and plausible_speaker(heads[0]):
            return Found(token, heads[0])  # the parse's subject: its phrase says who (and if unnamed)
        return Found(token, (words[0].idx, words[-1].idx + len(words[-1])))
    return None


def name_then_verb(ctx: Context, view: QuoteView) -> Found | None:
    """'"... calling Trump “an orange buffoon,” Susan said': a name and a speech verb right after the
    closing comma speak for the quote, whatever verb inside the sentence the parse hung it from.

    Not for a quote a speech verb right before it announces: 'When someone shouted, “Cruz,” Beck joked'."""
    if not view.comma:
        return None
    inverted = inverted_tail(ctx, view)
    announced = view.announced
    if inverted is not None and inverted.cue.pos_ in ("VERB", "AUX") \
            and not (announced is not None and lemma(announced) in SPEECH_VERBS and announced.pos_ == "VERB"):
        return inverted
    return None


def governing_verb(ctx: Context, view: QuoteView) -> Found | None:
    """'Mr. Obama said the law was “working”': the speech verb the quoted words hang from in the parse.

    A thing that "says" ("the museum said it would tell ''...''") or a verb of belief or stance is kept
    as :attr:`QuoteView.fallback` while a speech verb further up is looked for ("Trump said he
    believes ..."); :func:`lesser_governing_verb` takes it when nothing better is found."""
    for token in view.inner:
        head = token.head
        if head.i in view.inside:
            continue
        child = token
        for candidate in [head, *head.ancestors]:
            if candidate.i in view.inside or ctx.inside_quote(candidate):
                break  # (nor a verb inside the next quote: '“...,” she elaborated, “no one ever question ...”')
            weak = candidate.lemma_.lower() in WEAK_CUES and child.dep_ not in ("ccomp", "dobj", "oprd")
            if ctx.relative_before(candidate, view.quote):
                break  # the parse hung a quote on a relative clause of the sentence before
            if is_cue(candidate) and not weak:
                speaker = who(ctx, candidate, view.quote)
                lesser = lemma(candidate) not in SPEECH_VERBS
                if (isinstance(speaker, Token) and speaker.lower_ in THING_PRONOUNS) or lesser:
                    if view.fallback is None:
                        view.fallback = Found(candidate, speaker)
                else:
                    return Found(candidate, speaker)
            child = candidate
    return None


def according_to(ctx: Context, view: QuoteView) -> Found | None:
    """'“...,” according to a senior official': "according to X" in the quote's sentences. Not where it hangs on a
    speech verb with a subject of its own: after "`` ... ? '' she said years later , according to her official
    website" (ECB+ 4_1ecb) she spoke, and the website is where her words were found (the rules after this one
    find her)."""
    for sent in view.sentences:
        found = according_to_phrase(ctx, sent, outside=view.inside)
        verb = found.cue.head if found else None
        if verb is not None and not ctx.inside_quote(verb) and lemma(verb) in SPEECH_VERBS and is_cue(verb) and \
                any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        if found:
            return found
    return None


def according_to_phrase(ctx: Context, sent: SpacySpan, outside=()) -> Found | None:
    """The first "according to X" of a sentence (X not among the token indices ``outside``), or None."""
    doc = ctx.doc
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"] or \
                      [c for c in token.children if c.dep_ == "pobj"]
            if objects and objects[0].i not in outside:
                return Found(token, objects[0])
    return None


def nearest_verb(ctx: Context, view: QuoteView) -> Found | None:
    """'“...,” Mr. Obama said.', 'He said: “...”': the nearest speech verb beside the quote, outside every
    quote, in its sentences, the sentence it runs into and the one that announces it.

    A relative clause of an earlier sentence describes something and is the cue only when no other
    verb is ("''...,'' the former president told a crowd that the campaign estimated at 3,000 people.
    ''...''": he told the crowd; the campaign said nothing)."""
    quote = view.quote
    best = None
    for sent in view.sentences:
        for token in sent:
            if token.i in view.inside or ctx.inside_quote(token):
                continue
            if not _light_verb(ctx, token, view) and (not is_cue(token) or lemma(token) not in BESIDE_CUES):
                continue
            distance = min(abs(token.idx - quote.close_mark), abs(quote.open_mark - token.idx))
            rank = (ctx.relative_before(token, quote), distance)
            if best is None or rank < best[0]:
                best = (rank, token)
    if best is None:
        return None
    return Found(best[1], who(ctx, best[1], quote))


def _light_verb(ctx: Context, token: Token, view: QuoteView) -> bool:
    """A light verb with a noun of speech is a cue for a quote of four words or more ("Trump issued a
    statement, “...”") (not a name in quote marks inside that noun's phrase: 'an impassioned “farewell
    address”')."""
    quote = view.quote
    return token.lemma_.lower() in LIGHT_VERBS and token.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS
        and not c.left_edge.idx <= quote.start < c.right_edge.idx + len(c.right_edge)
        for c in token.children) and len(ctx.text[quote.start:quote.end].split()) >= 4


def lesser_governing_verb(ctx: Context, view: QuoteView) -> Found | None:
    """'The museum said it would tell ''...''', 'Obama believes “...”': the verb the quoted words hang
    from, when it is a verb of belief or stance or its subject is a thing, and no speech verb is near."""
    return view.fallback


def noun_then_verb(ctx: Context, view: QuoteView) -> Found | None:
    """'"...," the email read.', '"...," the Saudis state in the white paper': a speech verb the tagger
    took for a noun, right after a short noun phrase that follows the quote."""
    return inverted_tail(ctx, view)


def speech_noun_before_colon(ctx: Context, view: QuoteView) -> Found | None:
    """'Article 33 affirms: “...”': a speech verb the tagger took for a plural noun, with a subject,
    right before a colon."""
    before = _colon_before(ctx, view)
    if before is None:
        return None
    word = ctx.doc[before.i - 1] if before.i > 0 else before
    if word.pos_ == "NOUN" and word.lower_.endswith("s") and word.lower_[:-1] in SPEECH_VERBS:
        subjects = [c for c in word.children if c.dep_ == "nsubj" and plausible_speaker(c)]
        if subjects and not ctx.inside_quote(subjects[0]) and subjects[0].idx >= ctx.body[0]:
            return Found(word, subjects[0])
    return None


def clause_before_colon(ctx: Context, view: QuoteView) -> Found | None:
    """'Sanders made the following comment: “...”', 'Trump also embraced enhanced interrogation
    techniques -- "I think ..."': the subject of the clause a colon or a dash ends.

    Not a relative clause that ends at the colon: 'Clinton has since apologized for what happened:
    "..."', 'Jeb Bush broke down exactly what was wrong with it: “...”'."""
    before = _colon_before(ctx, view)
    if before is None:
        return None
    word = ctx.doc[before.i - 1] if before.i > 0 else before
    for verb in (word, *word.ancestors):  # the clause the colon ends, not the sentence's root
        if verb.pos_ in ("VERB", "AUX") and verb.i < before.i:
            subject = subject_of(ctx, verb)
            if subject is not None and subject.lower_ in ("what", "which", "that") and verb.i > 0:
                continue
            if subject is not None and not ctx.inside_quote(subject):
                return Found(verb, subject)
            break
    return None


def _colon_before(ctx: Context, view: QuoteView) -> Token | None:
    """The colon or dash right before the quote, or None."""
    before = ctx.token_at(view.quote.open_mark, forward=False)
    return before if before is not None and before.text in (":", "--", "—", "–") else None


# The cue rules, in the order they are tried.
CUE_RULES = (
    digest_label,
    verb_after_quote,
    name_then_verb,
    governing_verb,
    according_to,
    nearest_verb,
    lesser_governing_verb,
    noun_then_verb,
    colon_label,
    from_label,
    line_label,
    dash_label,
    announcing_line,
    signing_line,
    signed_line,
    speech_noun_before_colon,
    clause_before_colon,
)


def cue_for_quote(ctx: Context, view: QuoteView) -> tuple[str, Found] | None:
    """The first of :data:`CUE_RULES` that finds a cue or a speaker for a quote, with its name; or None."""
    if view.inner is None:
        return None
    for rule in CUE_RULES:
        found = rule(ctx, view)
        if found is not None:
            return rule.__name__, found
    return None
