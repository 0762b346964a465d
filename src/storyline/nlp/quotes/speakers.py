"""Who speaks through a cue: the words that name the speaker of a cue verb, tried in order.

:func:`who` tries :data:`WHO_RULES`; each takes the :class:`~.context.Context`, the cue verb and the
quote it cues (None for reported speech) and returns the speaker's token, their (start, end) span,
or None to pass on to the next rule. The parse's subject comes first; the rest recover a speaker
the parser hung elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ...vocabulary import PLURAL_PRONOUNS, PRONOUN_GENDER
from ..quotemarks import QuoteSpan
from .context import Context, only
from .lexicon import (FUNCTION_TAGS, INVERTING_VERBS, SOME_ONE, SPEECH_VERBS, SUBJECTS,
                      SUBORDINATORS, TIME_WORDS, lemma, plausible_speaker)
from .records import Subject
from .subjects import name_after_as, shared_subject, subject_left_of, subject_of

# Speaker descriptions longer than this many tokens are clipped at their head noun.
MAX_SPEAKER_TOKENS = 12


def who(ctx: Context, verb: Token, quote: QuoteSpan | None = None) -> Subject | None:
    """The speaker of a cue: the first answer of :data:`WHO_RULES`, or None."""
    for rule in WHO_RULES:
        speaker = rule(ctx, verb, quote)
        if speaker is not None:
            return speaker
    return None


def parenthetical_speaker(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'Any interpretation ..., said Michael Kofman, an expert on Russia ..., would read this as ...'."""
    found = parenthetical(ctx, verb)
    return found[0] if found is not None else None


def parse_subject(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """The cue's subject in the parse (:func:`subjects.subject_of`), unless it lies inside a quote, or
    follows the verb while a name after "as" precedes it.

    - 'It was a potent one-two punch ..., as Mrs. Clinton echoed the criticism, saying ...': a
      participle after a comma speaks for the person of the clause just before, not for "it";
    - "an architect who said ...": the architect (noted in :attr:`Context.relatives`, so the speaker
      is written as "who").
    """
    subject = subject_of(ctx, verb)
    if subject is not None and subject.lower_ in ("it", "there", "this") and verb.tag_ == "VBG" \
            and ctx.text[:verb.idx].rstrip().endswith(","):
        for token in reversed(ctx.doc[subject.i + 1:verb.i]):
            if token.dep_ == "nsubj" and token.head.i < verb.i and not ctx.inside_quote(token) \
                    and (token.ent_type_ == "PERSON" or token.text in ctx.people):
                subject = token
                break
    if subject is not None and subject.lower_ in ("who", "that", "which") and subject.head.dep_ == "relcl":
        ctx.relatives[subject.head.head.i] = subject
        subject = subject.head.head
    if subject is not None and not ctx.inside_quote(subject) \
            and not (subject.i > verb.i and name_after_as(ctx, verb) is not None):
        return subject
    return None


def named_after_as(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'As Akhil Amar, professor of constitutional law at Yale, put it, "..."': the name after "as"."""
    named = name_after_as(ctx, verb)
    if named is not None and not ctx.inside_quote(named) and named.idx >= ctx.body[0] and plausible_speaker(named):
        return named
    return None


def participle_subject(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """The speaker of a participle or infinitive cue outside the quote: the subject it shares
    (:func:`subjects.shared_subject`), or the speaker of the inverted cue it goes on from ('"...,"
    said Skelly, explaining he worked ...')."""
    if verb.tag_ not in ("VBG", "VB") or not (quote is None or verb.idx < quote.open_mark
                                              or verb.idx >= quote.close_mark):
        return None
    shared = shared_subject(ctx, verb)
    if shared is not None:
        return shared
    if verb.tag_ == "VBG" and lemma(verb.head) in SPEECH_VERBS and ctx.after_quote(verb.head):
        return words_after(ctx, verb.head)
    return None


def words_between(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'"...," he said' (a pronoun, to be resolved), '"...," Rep. Elijah E. Cummings (D-Md.) said': the
    words between the closing mark and a cue after it."""
    if quote is None or verb.idx < quote.close_mark:
        return None
    words = [t for t in ctx.doc[:verb.i] if t.idx >= quote.close_mark and not t.is_quote
             and not t.is_punct and not t.is_space]
    if len(words) == 1 and (words[0].lower_ in PRONOUN_GENDER or words[0].lower_ in PLURAL_PRONOUNS):
        return words[0]
    if words and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words) \
            and not any(ctx.inside_quote(t) for t in words):
        return words[0].idx, words[-1].idx + len(words[-1])
    return None


def _name_end(ctx: Context, verb: Token) -> int:
    """The token a name right before a cue ends before: past a bracket ("Rep. Paul Ryan (R-WI) said")
    and a time ('who Beck on Wednesday called "..."')."""
    doc, end = ctx.doc, verb.i
    if end > verb.sent.start and doc[end - 1].text == ")":
        opening = opening_bracket(ctx, end - 1, verb.sent.start, reach=7)
        end = opening if opening is not None else end
    while end - 2 > verb.sent.start and doc[end - 1].ent_type_ in ("DATE", "TIME") \
            and doc[end - 2].lower_ in ("on", "last", "this"):
        end -= 2
    return end


def name_before_verb(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'made public ― Trump boasted, "..."': the name just before a cue that precedes the quote."""
    if quote is None or verb.idx >= quote.open_mark:
        return None
    words = []
    for token in reversed(ctx.doc[verb.sent.start:_name_end(ctx, verb)]):
        if token.pos_ not in ("PROPN",) and not (token.text in (".",) and words) \
                or token.ent_type_ in ("DATE", "TIME"):
            break
        words.insert(0, token)
    return (words[0].idx, words[-1].idx + len(words[-1])) if words else None


def name_opening_sentence(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """The name that opens the sentence, when only an apposition stands between it and the verb:
    "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called ''...''"."""
    if quote is None or verb.idx >= quote.open_mark:
        return None
    doc, sent, end = ctx.doc, verb.sent, _name_end(ctx, verb)
    run = sent.start
    while run < end and (doc[run].pos_ == "PROPN" or doc[run].text == "." and run > sent.start):
        run += 1
    if sent.start < run < end and doc[run].text == "," and doc[end - 1].text == "," \
            and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") or t.is_quote
                        for t in doc[run:end]) \
            and not any(t.ent_type_ in ("DATE", "TIME") for t in doc[sent.start:run]):
        return doc[sent.start].idx, doc[run - 1].idx + len(doc[run - 1])
    return None


def subject_left(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """A finite cue's subject the parser hung elsewhere, right before it (:func:`subjects.subject_left_of`)."""
    if verb.tag_ in ("VBD", "VBZ", "VBP") and (quote is None or verb.idx < quote.open_mark):
        return subject_left_of(ctx, verb)
    return None


def _lacks_subject(ctx: Context, verb: Token) -> bool:
    """Whether a finite cue ("said", "had said") has no subject in the parse. A subject the parser made of
    a preposition or of a quoted title is none ("Of Carson, Levine, who has given money to Marco Rubio,
    said", 'Washington, star of television’s “Scandal,” thanked')."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    return finite and not any(c.dep_ in SUBJECTS and not (c.pos_ in FUNCTION_TAGS
                                                          or c.i < verb.i and ctx.inside_quote(c))
                              or c.dep_ == "expl" for c in verb.children)


def surname_as_adverb(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'Informed of the local district’s anti-Trump lean, Early described it as “news to me.”': a surname
    of the article that the tagger took for an adverb, right before a cue with no subject."""
    if not _lacks_subject(ctx, verb):
        return None
    before = ctx.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if before is not None and before.text in ctx.people and before.pos_ in ("ADV", "ADJ") \
            and not ctx.inside_quote(before) and before.idx >= ctx.body[0]:
        return before
    return None


def named_before_commas(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'Col. Steven H. Warren, a military spokesman in Baghdad, said, "..."': a noun phrase before a cue
    with no subject (:func:`name_before_commas`), after the quote the cue follows."""
    if not _lacks_subject(ctx, verb):
        return None
    stop = verb.sent.start
    if quote is not None and quote.close_mark <= verb.idx:
        after = ctx.token_at(quote.close_mark, forward=True)
        stop = max(stop, after.i if after is not None else stop)
    return name_before_commas(ctx, verb, stop)


def previous_sentence_person(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'... Maher stated of the email scandal that the report “wasn’t good.” Adding, “...”': a participle
    opening its sentence speaks for the person the sentence before is about."""
    if verb.tag_ == "VBG" and verb.i == verb.sent.start and verb.text[:1].isupper() \
            and (quote is None or verb.idx < quote.open_mark):
        before = person_subject_of(ctx, ctx.doc[verb.i - 1].sent) if verb.i > 0 else None
        if before is not None and "\n" not in ctx.text[before.idx:verb.idx]:
            return before
    return None


def name_after_verb(ctx: Context, verb: Token, quote: QuoteSpan | None) -> Subject | None:
    """'"...," said Leslie Wimes, a ...', 'Said X: "..."': the name after an inverted cue. Only there does
    the speaker follow the verb.

    ('"America is great!," read one': "read" in the past, which the tagger takes for its base form;
    "Continued Stone: "..."": an inverted cue opening its sentence, which the tagger reads as a
    participle.) Not 'saying that green coffee extract was a "…"' (the words after are the content),
    nor 'recalled the three-year freeze on pay: "..."'."""
    if quote is None or (verb.idx >= quote.close_mark and not only(ctx.text[quote.close_mark:verb.idx], ",\"'”’")):
        return None
    opening = verb.i == verb.sent.start and verb.tag_ == "VBN" and verb.text[:1].isupper()
    if verb.tag_ not in ("VBD", "VBZ", "VBP") and not opening \
            and not (verb.tag_ == "VB" and verb.lower_ == "read" and ctx.after_quote(verb)):
        return None
    if verb.idx < quote.open_mark and any(not (t.is_punct or t.is_space or t.is_quote)
                                          for t in ctx.doc[verb.sent.start:verb.i]):
        return None
    return words_after(ctx, verb)


# The speaker rules, in the order they are tried.
WHO_RULES = (
    parenthetical_speaker,
    parse_subject,
    named_after_as,
    participle_subject,
    words_between,
    name_before_verb,
    name_opening_sentence,
    subject_left,
    surname_as_adverb,
    named_before_commas,
    previous_sentence_person,
    name_after_verb,
)


def words_after(ctx: Context, verb: Token) -> tuple[int, int] | None:
    """The speaker named right after an inverted cue ('"...," said Leslie Wimes, a ...'), or None."""
    words = []
    for token in ctx.doc[verb.i + 1:verb.sent.end]:
        if token.text in (",", ".", ";", ":") or ctx.inside_quote(token) or token.is_quote:
            break
        words.append(token)
    # (a surname the tagger took for an adverb, "said Skelly, explaining ..."; "tweeted another")
    names = [t for t in words if t.pos_ in ("PROPN", "NOUN") or (t.is_alpha and t.text[0].isupper())
             or t.lower_ in SOME_ONE]
    if words and (words[0].ent_type_ in ("DATE", "TIME") or words[0].pos_ == "ADP"):
        return None  # 'said Thursday morning on "Fox and Friends"': no speaker there
    if names:
        return words[0].idx, words[-1].idx + len(words[-1])
    return None


def parenthetical(ctx: Context, verb: Token) -> tuple[tuple[int, int], int] | None:
    """'Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia ...,
    would read this as ...': an inverted cue set off by commas inside the sentence it reports.
    Returns the speaker's (start, end) and the index of the token that resumes the sentence."""
    doc = ctx.doc
    if verb.i < 2 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != "," \
            or verb.tag_ not in ("VBD", "VBZ") or lemma(verb) not in INVERTING_VERBS:
        return None  # ("Ed Rendell, a Clinton supporter, praised Sanders ..., calling": a verb and its object)
    name = doc[verb.i + 1]
    if name.ent_type_ != "PERSON" or ctx.inside_quote(name) or verb.i - 1 <= verb.sent.start:
        return None
    words = words_after(ctx, verb)
    if words is None:
        return None
    for k in range(verb.i + 2, verb.sent.end - 1):
        if doc[k].text == "," and doc[k + 1].pos_ in ("VERB", "AUX") and not ctx.inside_quote(doc[k]):
            return words, k + 1
    return None


def person_subject_of(ctx: Context, sent: SpacySpan) -> Token | None:
    """The person who is the subject of a sentence (a PERSON name, a pronoun for one, or a
    phrase with a person in apposition), or None."""
    for token in sent:
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and not ctx.inside_quote(token) \
                and token.idx >= ctx.body[0]:
            if token.ent_type_ == "PERSON" or token.text in ctx.people:
                return token
            if token.lower_ in PRONOUN_GENDER and ctx.resolver.resolve(token) is not None:
                return token
            phrase = ctx.doc[token.left_edge.i:token.right_edge.i + 1]
            people = [t for t in phrase if t.ent_type_ == "PERSON" and t.dep_ == "appos"]
            if people:
                return people[0]
    return None


def name_before_commas(ctx: Context, verb: Token, stop: int) -> tuple[int, int] | None:
    """The speaker of a finite cue the parser left without a subject, when a noun phrase stands
    before it, alone or followed by up to two phrases set off by commas.

    - 'In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "..."';
    - '"...," Texas delegate Bill Eastland, wearing a cowboy hat and "Ted Cruz" pins, said';
    - 'Col. Steven H. Warren, a military spokesman in Baghdad, said, "..."';
    - 'Clinton, exasperated, famously responded: "..."'.

    ``stop`` is the first token the phrase may start at (the sentence's, or the one after the
    quote the cue follows). A phrase after a preposition or a verb is its object, no speaker.
    """
    doc = ctx.doc
    i = verb.i - 1
    while i > stop and (doc[i].pos_ == "ADV" or doc[i].dep_ in ("aux", "neg")) and verb.i - i <= 3:
        i -= 1  # "famously responded", "then said", "had said"
    if i > stop and doc[i].is_quote and doc[i - 1].text == ",":
        i -= 1  # 'star of television’s “Scandal,” thanked'
    if i <= stop or doc[i].text != ",":
        return None
    comma = i
    for _ in range(3):
        found = _noun_phrase_ending(ctx, comma - 1, stop)
        if found is not None:
            return found
        # skip one phrase set off by commas: an apposition, a participle, a relative clause
        previous = next((k for k in range(comma - 1, max(stop, comma - 30) - 1, -1) if doc[k].text == ","), None)
        if previous is None or previous <= stop:
            return None
        segment = doc[previous + 1:comma]
        if any(t.text in (":", ";") or (t.dep_ in SUBJECTS and t.lower_ not in ("who", "which", "that")
                                         and not ctx.inside_quote(t))
               for t in segment):
            return None  # a clause of its own ("Obama arrived, the crowd cheered, ...")
        comma = previous
    return None


def opening_bracket(ctx: Context, close: int, floor: int, reach: int = 8) -> int | None:
    """The index of the last "(" among the ``reach`` tokens before the ")" at token ``close``, not
    before token ``floor``; None when there is none."""
    return next((k for k in range(close - 1, max(floor, close - reach) - 1, -1) if ctx.doc[k].text == "("), None)


def _noun_phrase_ending(ctx: Context, end: int, stop: int) -> tuple[int, int] | None:
    """(start, end) of a speaker-like noun phrase ending at token ``end`` ("Sen. Richard J.
    Durbin (D-Ill.)", "One attendee"), opening at ``stop``, after a comma or a conjunction."""
    doc = ctx.doc
    last = end
    if end > stop and doc[end].text == ")":
        opening = opening_bracket(ctx, end, stop)
        if opening is None:
            return None
        end = opening - 1
    if end < stop or doc[end].pos_ not in ("PROPN", "NOUN") or ctx.inside_quote(doc[end]) \
            or doc[end].ent_type_ in ("DATE", "TIME") or doc[end].lower_ in TIME_WORDS:
        return None
    start = end
    while start - 1 >= stop and not ctx.inside_quote(doc[start - 1]) and (
            doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") or doc[start - 1].tag_ == "POS"
            or doc[start - 1].text == "." and start - 2 >= stop and doc[start - 2].pos_ == "PROPN"
            # a name's parts joined by a hyphen ("Mehdi iran-Nejad")
            or doc[start - 1].tag_ == "HYPH" and doc[start].pos_ == "PROPN" and start - 2 >= stop
            and doc[start - 2].pos_ == "PROPN"):
        start -= 1
    if start > stop and not (doc[start - 1].text == "," or doc[start - 1].pos_ == "CCONJ"
                             or doc[start - 1].lower_ in SUBORDINATORS):
        return None  # "gave money to Marco Rubio": an object (but "after Mr. Trump, asked ..., had said")
    if doc[start].idx < ctx.body[0] or end - start > MAX_SPEAKER_TOKENS:
        return None
    return doc[start].idx, doc[last].idx + len(doc[last])
