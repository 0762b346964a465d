"""The subject of a cue verb in the parse, and the parser's usual mistakes about it.

:func:`subject_of` walks up from a cue to the clause that has the speaker as subject ("... and
joked", "saying ...", "calling him ..."), taking a passive's agent on the way; :func:`checked_subject`
turns down what the parser gets wrong (a dateline, a time, a dash).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...vocabulary import PRONOUN_GENDER
from .context import Context
from .lexicon import DASHES, RECORDINGS, SPEECH_VERBS, TIME_MARKS, TIME_WORDS, is_cue, lemma, plausible_speaker


def subject_of(ctx: Context, verb: Token) -> Token | None:
    """The speaker token of a cue verb: its subject, a passive's agent, or the subject it shares.

    While the verb has no subject of its own, the walk climbs to the verb it hangs from
    (:func:`_climb`); ``climbed`` says the walk has left a participle or an infinitive cue, ``joined``
    that the verb reached is the first of verbs joined by "and" to an active cue.
    """
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    seen = set()
    climbed = joined = False
    while verb is not None and verb.i not in seen:
        seen.add(verb.i)
        subject, passive = _own_subject(ctx, verb)
        if subject is not None:
            return subject
        if passive:
            return _passive_speaker(ctx, verb, climbed, joined)
        subject = _noun_of_participle(ctx, verb)
        if subject is not None:
            return subject
        step = _climb(ctx, verb, climbed, joined)
        if step is None:
            return None
        verb, climbed, joined = step
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """The one quoted in 'Another news agency quoted the governor as saying five people ...' (ECB+
    20_1ecb): the object of "quote" or "cite", not its subject, speaks the words of "as saying"."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() not in ("quote", "cite"):
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def _own_subject(ctx: Context, verb: Token) -> tuple[Token | None, bool]:
    """The verb's own subject (nearest first), and whether the verb is passive.

    "Speaking in Salem, New Hampshire, Trump went after Bush, calling him ...": the parser gave "went"
    two subjects; the one beside the verb is it."""
    passive = False
    for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubj" and child.pos_ == "VERB" and child.text in ctx.people \
                and child.idx >= ctx.body[0] and not ctx.inside_quote(child):
            return child, passive  # '"...," Trump shot back': a surname the tagger took for a verb
        if child.dep_ == "nsubj" and plausible_speaker(child) \
                and not (child.i < verb.i and ctx.inside_quote(child) and any(
                    c.dep_ == "nsubj" and c.i < child.i and not ctx.inside_quote(c) for c in verb.children)):
            # (of two subjects, not the one in a quoted title: 'Washington, star of
            # television’s “Scandal,” thanked')
            subject = checked_subject(ctx, child, verb)
            if subject is not None and subject.idx >= ctx.body[0]:
                return subject, passive  # (a clausal subject, or a dateline parsed as one, speaks for no one)
        if child.dep_ == "nsubjpass":
            passive = True
        # '"...," Will wrote': a name the tagger took for a modal (no modal goes with a past tense)
        if child.dep_ == "aux" and child.i == verb.i - 1 and child.text in ("Will", "May") \
                and verb.tag_ in ("VBD", "VBN") and verb.lower_ != verb.lemma_ and child.i > verb.sent.start:
            return child, passive
    return None, passive


def _passive_subject(ctx: Context, verb: Token) -> Token | None:
    """The checked passive subject of a verb, or None."""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and plausible_speaker(child):
            return checked_subject(ctx, child, verb)
    return None


def _passive_speaker(ctx: Context, verb: Token, climbed: bool, joined: bool) -> Token | None:
    """The speaker of a passive verb: its agent ("was told by X"), else no one ("he was told": the
    subject heard it, someone else said it), save where the passive subject speaks:

    - "he's said the same thing at every stop": "has said", which the parser read as passive;
    - 'Silverman was joined on stage by Sen. Al Franken and joked, “...”': an active verb joined to a
      passive one shares its subject, not its agent;
    - "After saying her foot was “so swollen …,” she was whisked off": the one whisked off is the one
      who said it.
    """
    if verb.tag_ in ("VBN", "VBD") and lemma(verb) in SPEECH_VERBS \
            and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) \
            and any(c.dep_ == "dobj" for c in verb.children):
        if any(c.dep_ == "nsubjpass" and plausible_speaker(c) for c in verb.children):
            return _passive_subject(ctx, verb)
    if joined and any(c.dep_ == "nsubjpass" and plausible_speaker(c) for c in verb.children):
        return _passive_subject(ctx, verb)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if climbed and child.dep_ == "nsubjpass" and plausible_speaker(child):
            return checked_subject(ctx, child, verb)
    return None


def _noun_of_participle(ctx: Context, verb: Token) -> Token | None:
    """The noun a verb the parser hung from it speaks for:

    - "Two military analysts, Patrick Megahan and Chris Harman, found in 2014 that ...": a finite verb
      hung from the noun opening the sentence, as if the noun were the sentence (a participle reading
      too when a that-clause follows: "analysts found in 2014 that ...");
    - "footage of Trump saying, “...”": the person or group named speaks (but "tweets criticizing
      Machado", "a news conference announcing that ..." are no speakers);
    - 'The ad uses footage of Hillary Clinton asking, “...”': also where the parser hung the
      participle elsewhere.
    """
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and (verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VBN" and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children)) \
            and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i \
            and plausible_speaker(head) and not ctx.inside_quote(head) and head.idx >= ctx.body[0]:
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.ent_type_ in ("PERSON", "NORP", "ORG") \
            and plausible_speaker(head) and not ctx.inside_quote(head) and head.idx >= ctx.body[0]:
        return head
    named = ctx.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and named is not None and named.ent_type_ == "PERSON" \
            and named.dep_ == "pobj" and named.head.lower_ == "of" \
            and named.head.head.lemma_.lower() in RECORDINGS \
            and not ctx.inside_quote(named) and named.idx >= ctx.body[0]:
        return named
    return None


def _climb(ctx: Context, verb: Token, climbed: bool, joined: bool) -> tuple[Token, bool, bool] | None:
    """The verb whose subject a subjectless cue shares, with the walk's new ``climbed`` and ``joined``;
    None where there is none."""
    head = verb.head
    # "... not paying an architect who said he was stiffed ..., saying, “...”": a participle set off by
    # a comma speaks for the main clause, not for the relative clause before it
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "relcl" \
            and verb.i > 0 and ctx.doc[verb.i - 1].text == ",":
        clause = next((a for a in head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None:
            return clause, True, joined
    if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "dep") and head.pos_ in ("VERB", "AUX"):
        climbed = climbed or verb.dep_ in ("advcl", "xcomp")
        joined = verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
            c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        return _reporter(ctx, verb), climbed, joined
    # "Blige sings to Clinton before asking her, ..."
    if verb.dep_ == "pcomp" and head.dep_ in ("prep", "conj") and head.pos_ == "ADP" \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head, True, joined
    # "signaled a willingness to hold talks and expressed support": up through the noun (or the
    # adjective: 'He called it "shameful" and called on leaders "not to feed ..."')
    if (verb.dep_ in ("conj", "acl") and head.pos_ == "NOUN"
            or verb.dep_ == "conj" and head.pos_ == "ADJ") and head.head.pos_ in ("VERB", "AUX"):
        return head.head, climbed, joined
    return None


def _reporter(ctx: Context, verb: Token) -> Token:
    """The verb a joined, infinitive or adverbial cue takes its subject from: its head, save where the
    parser hung it inside a clause it does not belong to.

    - 'Trump told Newsmax that Mitt Romney "had a crazy policy," adding, "..."': a participle after a
      comma hung inside the reported clause speaks for its reporter (also from deeper in it, through
      infinitives and joined verbs: 'a top GOP strategist said Clinton will have to choose whose side
      she's on, saying, “...”');
    - 'Hannity said during a panel after the senator easily won his primary, remarking that ...': a
      participle after a comma hung on a clause of time speaks for the verb that clause modifies;
    - 'Rand Paul said Rubio's tax plan would give money to ..., and called him "..."': a verb joined to
      one of another form inside a reported clause is joined to the reporting verb of its own form.
    """
    head = verb.head
    clause = head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i < clause.i and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") \
            and ctx.text[:verb.idx].rstrip().rstrip("\"'”’").rstrip().endswith(",") and clause.dep_ == "ccomp" \
            and not is_cue(head) and clause.head.pos_ in ("VERB", "AUX") \
            and is_cue(clause.head) and clause.head.i < clause.i:
        return clause.head
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "advcl" \
            and ctx.text[:verb.idx].rstrip().endswith(",") \
            and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in head.children) \
            and head.head.pos_ in ("VERB", "AUX") and is_cue(head.head) and head.head.i < head.i:
        return head.head
    if verb.dep_ == "conj" and verb.tag_ in ("VBG", "VBD", "VBZ") and head.tag_ != verb.tag_:
        first = head
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        reporter = first.head
        if first.dep_ == "ccomp" and not is_cue(head) and reporter.tag_ == verb.tag_ \
                and reporter.i < first.i and is_cue(reporter):
            return reporter
    return head


def shared_subject(ctx: Context, verb: Token) -> Token | None:
    """The subject a participle or infinitive cue shares with its clause ("Mr. Trump hardly
    clarified the matter, ... and, when questioned, asserting, ''...''"): the subject of the
    nearest verb above it, else the first person named as a subject earlier in its sentence."""
    for ancestor in verb.ancestors:
        if ancestor.pos_ not in ("VERB", "AUX") or ctx.inside_quote(ancestor):
            continue
        for child in sorted(ancestor.children, key=lambda c: abs(c.i - ancestor.i)):
            if child.dep_ == "nsubj" and plausible_speaker(child) and not ctx.inside_quote(child) \
                    and child.idx >= ctx.body[0]:
                return checked_subject(ctx, child, ancestor)
    for token in ctx.doc[verb.sent.start:verb.i]:
        if token.dep_ == "nsubj" and not ctx.inside_quote(token) and token.idx >= ctx.body[0] \
                and (token.ent_type_ == "PERSON" or token.lower_ in PRONOUN_GENDER):
            return token
    return None


def subject_left_of(ctx: Context, verb: Token) -> Token | None:
    """The subject of a finite cue the parser left without one, when it stands right before it.

    - 'a White House official who spoke anonymously to discuss strategy said Wednesday, "..."':
      the parser hung "official" elsewhere; it is the noun whose phrase (relative clause and
      all) opens after a comma or the sentence start and ends right before the verb;
    - 'Mr. Slinker, whose latest start-up ... finds suppliers, said ...': the parser made the
      phrase a clause of its own before the verb; its subject opens the sentence.
    """
    doc, sent = ctx.doc, verb.sent
    end = verb.i - 1
    if end >= sent.start and doc[end].text == ",":
        end -= 1
    for token in doc[sent.start:end + 1]:
        if token.pos_ in ("NOUN", "PROPN") and token.right_edge.i == end and token.i < end \
                and (token.left_edge.i == sent.start or doc[token.left_edge.i - 1].text in (",", ";")) \
                and any(c.dep_ == "relcl" for c in token.children):
            subject = token
            break
    else:
        subject = None  # ('As Akhil Amar ... put it': `who` has tried the name after "as" already)
        for clause in verb.children:
            if clause.i > verb.i or clause.dep_ not in ("ccomp", "advcl") \
                    or any(c.dep_ == "mark" for c in clause.children):
                continue
            for child in clause.children:
                after = child.right_edge.i + (doc[child.right_edge.i].text != ",")
                if child.dep_ == "nsubj" and child.left_edge.i == sent.start and after < verb.i \
                        and doc[after].text == "," and child.pos_ == "PROPN":
                    subject = child
    if subject is None or ctx.inside_quote(subject) or subject.idx < ctx.body[0] \
            or not plausible_speaker(subject):
        return None
    return checked_subject(ctx, subject, verb)


def name_after_as(ctx: Context, verb: Token) -> Token | None:
    """'As Akhil Amar, professor of constitutional law at Yale, put it, "..."': the name right
    after "as", where the parser hung it elsewhere."""
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i]
    if not marks or marks[0].i + 1 >= verb.i or ctx.doc[marks[0].i + 1].pos_ != "PROPN":
        return None
    run = marks[0].i + 1
    while run + 1 < verb.i and ctx.doc[run + 1].pos_ == "PROPN":
        run += 1
    return ctx.doc[run]


def checked_subject(ctx: Context, subject: Token, verb: Token) -> Token | None:
    """The subject the parser gave a cue, unless it is one of the parser's usual mistakes.

    - a dateline ("WASHINGTON -- President Obama, ..., said"): the appositive after it speaks;
    - a time ("said Thursday morning on Fox News"): no one;
    - something after a verb that cannot take its subject after it ("saying that green
      coffee extract was ...", "going on to say that the country ..."): only finite "said
      Flynn" / "says Flynn" can;
    - a word across a dash from its verb ("made public ― Trump boasted").
    """
    text = ctx.text
    if not any(c.isalnum() for c in subject.text):
        return None  # a dash the parser took for a noun ("made public ― Trump boasted")
    line_start = text.rfind("\n", 0, subject.idx) + 1
    if subject.idx - line_start <= 2 and subject.is_upper and len(subject) > 1 \
            and re.match(r"\s*(?:,[^\n]{0,40})?(?:--|[—–―]|\()", text[subject.idx + len(subject):]):
        appositives = [c for c in subject.children if c.dep_ == "appos" and plausible_speaker(c)]
        return appositives[0] if appositives else None
    if subject.ent_type_ in ("DATE", "TIME") or subject.lower_ in TIME_WORDS:
        return None
    if subject.i > verb.i:
        if verb.tag_ not in ("VBD", "VBZ", "VBP") or subject.left_edge.lower_ == "that":
            return None
    low, high = sorted((subject.i, verb.i))
    if sum(t.text in DASHES for t in ctx.doc[low + 1:high]) % 2:
        return None
    return subject
