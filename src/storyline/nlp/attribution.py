"""Who said what: direct quotes and indirect speech with their cues and speakers.

Direct quotes come from :mod:`quotemarks`; for each, the cue is the speech verb the
quoted words hang from in the parse (walking up from the quote), else "according to X"
in the sentence, else the nearest speech verb beside the quote. A quote with no cue of its
own continues the quote before it ("...," Kirby said. "...") when nothing but that cue
lies between them.

Indirect speech is a speech verb with a clause of content ("Officials say that ...",
"..., an Israeli official said"), an "according to X" phrase, or a verb of urging with
its object and infinitive ("urged Israel to take additional measures").

The speaker is the subject of the cue (or the agent of a passive one, or the object of
"according to"); pronouns are resolved by :mod:`coref`; a description with no name
("an Israeli official", "sources") is flagged anonymous.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span as SpacySpan, Token

from ..types import Mention, Quote, Speaker
from .coref import PERSON_NOUNS, PLURAL_PRONOUNS, PRONOUN_GENDER, Resolver, people_by_surname
from .quotemarks import QuoteSpan, find_quotes

# Lemmas of verbs that report speech, writing or a stated position.
SPEECH_VERBS = frozenset("""
say tell add argue warn note explain claim insist state declare announce ask answer reply respond
write tweet post continue conclude acknowledge admit suggest stress emphasize emphasise urge predict
recall remark observe report testify contend maintain assert complain joke quip comment describe deny
confirm promise vow pledge threaten concede caution boast lament shout yell whisper reiterate repeat
mention indicate signal demand advise recommend propose hint allege charge accuse blame praise
criticize criticise slam blast decry dismiss rebuff tout underscore highlight counter retort agree
disagree affirm assure inform notify brief disclose reveal clarify express voice convey call read
show find estimate say cite quote echo lash question challenge defend applaud welcome thank
characterize characterise label brand dub term mock ridicule hail laud attack compare liken chant sing
scream cry exclaim muse plead beg implore tout lament fume gush marvel quip scoff sneer snap
bark riff gripe grumble mutter murmur rant interject chime opine recount tease taunt scold chide rebut
laugh sigh concur elaborate proclaim boom grouse thunder intone react command
""".split())
# Phrasal verbs of speech, read as one lemma by :func:`_lemma` ('"...," he went on', 'Trump shot back').
PHRASAL_SPEECH = frozenset({("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"),
                            ("chime", "in"), ("weigh", "in"), ("pipe", "up"), ("point", "out"),
                            ("push", "back")})
SPEECH_VERBS = SPEECH_VERBS | {f"{verb} {particle}" for verb, particle in PHRASAL_SPEECH}
_PHRASAL_HEADS = frozenset(verb for verb, _ in PHRASAL_SPEECH)


def _lemma(token: Token) -> str:
    """A verb's lemma, with its particle when the two say something together ("shoot back")."""
    lemma = token.lemma_.lower()
    if lemma not in _PHRASAL_HEADS:
        return lemma
    for child in token.children:
        if (child.dep_ == "prt" or child.dep_ == "advmod" and child.i == token.i + 1) \
                and (lemma, child.lower_) in PHRASAL_SPEECH:
            return f"{lemma} {child.lower_}"
    return lemma


# Verbs that report speech only as an inverted cue right after the quote ('"...," remembered Roy
# Verley'); elsewhere they are memory, not speech ("it's important to remember that ...").
INVERTED_ONLY = frozenset({"remember", "start", "begin", "press", "wonder"})
# Verbs that cue a quote with a noun of speech for object ("Trump issued a statement, “...”").
LIGHT_VERBS = frozenset({"issue", "release", "post", "give", "deliver", "make", "offer", "send", "tweet"})
# Nouns of speech that name their speaker as owner ("her remark that", "in Bolton's view").
SPEECH_NOUNS = frozenset("""
remark comment statement word words view claim promise pledge vow warning message tweet assertion declaration
quip retort response reply answer argument insistence complaint boast refrain mantra slogan remarks
comments speech address
""".split())


# Verbs that report speech only with a clause or an object of their own: "agreed that ...",
# "expressed "deep concern"", but not "to agree to an "immediate cease-fire"".
WEAK_CUES = frozenset({"agree", "disagree", "find", "show", "continue", "read", "question", "challenge", "defend",
                       "welcome", "thank", "applaud", "express", "voice", "cite", "echo", "quote", "call"})
# Verbs of belief and expectation report a position as speech does ("Obama believes his
# efforts ... will be his legacy"); PolNeAR annotates them as attributions.
BELIEF_VERBS = frozenset("""
think believe feel know fear hope expect worry doubt suspect understand realize recognize assume
wonder predict estimate consider contend conclude anticipate ponder
""".split())
# Verbs whose object is what the source said or stands for ("cited derogatory comments",
# "supports the regulations", "called for a moratorium").
OBJECT_VERBS = frozenset("""
call cite attack support oppose endorse criticize criticise mention describe note reject praise
blame accuse announce propose demand deny confirm question dismiss defend reveal report discuss
highlight point slam blast tout unveil pitch champion condemn denounce decry welcome applaud
recommend advocate back hail laud mock ridicule characterize characterise label
""".split())
# Verbs whose infinitive is the content ("wants to sign up 5 million people").
INTENT_VERBS = frozenset("""
want plan pledge promise agree refuse decline vow threaten seek hope intend expect aim offer
""".split())
# Verbs of urging: their object and infinitive are the content ("urged Israel to take ...").
URGE_VERBS = frozenset({"urge", "call", "ask", "tell", "press", "push", "implore", "encourage", "warn", "beg",
                        "command"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Cues looked for beside a quote (step 3 of `_Reader._cue_for_quote`), and after it (`_Reader._inverted_tail`).
_BESIDE_CUES = SPEECH_VERBS | {"put"}
_TAIL_CUES = SPEECH_VERBS | INVERTED_ONLY
_TAIL_WEAK = WEAK_CUES - {"read"}
_TIME_WORDS = frozenset("""
morning afternoon evening night today tonight yesterday tomorrow week weekend month year
monday tuesday wednesday thursday friday saturday sunday
""".split())
_RECORDINGS = frozenset({"footage", "video", "clip", "audio", "recording", "tape", "image", "images", "photo"})
_SUBORDINATORS = frozenset({"after", "before", "when", "while", "as", "because", "since", "although", "though",
                            "if", "once", "until", "whereas"})
_THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what"})
# Conjunctions that open a clause of time ("after the senator won his primary").
_TIME_MARKS = frozenset({"after", "before", "when", "while", "once", "since", "until"})
# Verbs of speech that news sets, inverted, between commas inside what was said.
_INVERTING_VERBS = frozenset({"say", "add", "write", "note", "explain", "argue", "contend", "insist", "warn"})
_SENTENCE_END = re.compile(r"[.!?]['\"”’]*\s")
# Parts of speech that can be no one's name, whatever dependency the parser gave them.
_FUNCTION_TAGS = frozenset({"ADP", "ADV", "ADJ", "PUNCT", "SCONJ", "CCONJ", "DET", "PART"})
_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "''", "``", "«", "»"})
# "WALLACE: ...", "Pat Caddell: ...", "Said Ellis: ..." before a quote, on the quote's own line.
# Verbs that open a label before its speaker's name ("Said Ellis:", "Stated Stone:").
_LABEL_VERB = r"(?:[Ss]aid|[Ss]tated|[Aa]dded|[Ww]rote|[Aa]sked|[Ee]xplained|[Cc]ontinued)"
_COLON_LABEL = re.compile(rf"(?:^|\s)\W*(?:{_LABEL_VERB} )?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,5}})"
                          r"(?:\s*\([^()\n]{1,20}\))?\s*:\s*\W*$")  # ("Rep. Trey Gowdy (R-S.C.):")
# Only this much text may precede a colon label on its line ("A lesson from Loretta Lynch: '...'").
MAX_LABEL_LINE = 80
# A transcript line quoted whole: '"WALLACE: Let's start with ...'.
_LABEL_IN_QUOTE = re.compile(r"\s*([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}):\s+")
# Quoted text no one says: a transcript's stage direction ('"(CROSSTALK.)', '"[APPLAUSE]"') or a
# writer's sign-off inside a quoted transcript ('"Follow Pam Key on Twitter @pamkeyNEN."').
_NOT_SPEECH = re.compile(r"\s*(?:[(\[][A-Z][A-Z ,.'’-]*[)\]]\W*"
                         r"|Follow\b[^\n]{0,60}\bon (?:Twitter|Facebook|Instagram)\b[^\n]{0,40})\s*", re.DOTALL)
# "“...” ― Jorge Falcon" after a quote.
# A digest's "HEADLINE - Author Name: “...”" (and "-More from Blumenthal and Cohen: “...”"): the
# names after the dash, right before the quote, are its speakers, whatever verb the headline has.
_DIGEST_LABEL = re.compile(r"\s[―—–-]+\s*(?:More from )?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}"
                           r"(?: and (?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})?):\s*$")
_FROM_LABEL = re.compile(r"(?:^|(?<=[\s.]))From\s+((?:the|a|an|his|her|its|their|[A-Z][\w.-]*['’]s)\s+[\w’'.-]+(?: [\w’'.-]+){0,4}"
                         r"|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,4}):\s*\W*$")
_DASH_LABEL = re.compile(r"^\W*?\s*[―—–-]+\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})\W*$")
# Words a title follows: 'broadcast of "Fox News Sunday"', 'on "Face the Nation"', 'his book, "..."'.
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_CONTEXT = frozenset(
    "of on in show program programme book books film movie documentary song anthem album series episode "
    "broadcast column headline article essay play novel memoir poem podcast newsletter forum hymn titled "
    "entitled called dubbed".split())
_LINE_LABEL = re.compile(r"\W*((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,4}):\s")
_SIGNED_LINE = re.compile(r"[”\"’]\s*[―—–]+\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,5})\W*$")
# Speaker descriptions longer than this many tokens are clipped at their head noun.
MAX_SPEAKER_TOKENS = 12
# A line that announces the quote paragraph after it ("Stated Stone:"), one that signs the quote
# paragraph before it ("- Sanders.").
_ANNOUNCING_LINE = re.compile(rf"\s*{_LABEL_VERB}\s+([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}}):\s*$"
                              rf"|\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){{0,4}})\s+{_LABEL_VERB}:\s*$")  # "Dr. Ward stated:"
_SIGNING_LINE = re.compile(r"\s*[―—–-]+\s*([A-Z][\w'’-]*(?: [A-Z][\w.'’-]*){0,4}?)(?:,[^\n]{1,80}?)?\.?\s*$")
# ("-Michelle Marks, Philadelphia.", "-President Obama, tweeting after Clinton's speech.")
# Quoted words with no speaker are reported only when longer than this: shorter ones are mostly
# scare quotes. Measured with benchmarks/eval_quotes.py on PolNeAR dev: keeping them all gives
# direct P/R/F1 94.1/94.5/94.3; dropping those of up to 3 words 96.0/93.8/94.9; up to 5, 94.7.
MAX_UNATTRIBUTED_WORDS = 3
# ... and when they are not a title ("Fox News Sunday", "Contract with America").
MAX_TITLE_WORDS = 8
# ... and a name of at most this many words, each capitalised or a figure, after a title's context.
SHORT_TITLE_WORDS = 3
# A sentence this short after a quote that closed its own sentence may still be its cue
# ('"We will win." He smiled and said it again.').
SHORT_CUE_SENTENCE = 8
# A quote with no cue continues the previous one when at most this many characters of
# non-quoted text lie between them (room for '," Kirby said. "').
CONTINUATION_GAP = 80


def extract_quotes(doc: Doc, source: str, mentions: tuple[Mention, ...], sentence_of: list[int],
                   body: tuple[int, int], indirect: bool = True) -> tuple[Quote, ...]:
    """Find the direct quotes and (unless ``indirect`` is False) the indirect speech of one parsed
    article, inside ``body``."""
    reader = _Reader(doc, source, mentions, sentence_of, body)
    return reader.run(indirect)


# A headline "Speaker: what they said" whose words after the colon hold a quotation ("Trump: Cruz Has
# ‘To Come a Long Way’ On Ethanol"): the whole rest is the speaker's, partly in their words. Labels
# that head a headline without being anyone are no speakers.
_HEADLINE_LABEL = re.compile(r"\s*((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3}):\s+(\S.*?)[\s.]*$", re.S)
_NOT_A_SPEAKER = frozenset("""exclusive watch breaking update updated analysis opinion editorial live video
videos photos photo audio listen read commentary review quiz explainer factbox timeline correction sponsored
podcast report reports special""".split())


def headline_quote(text: str, start: int, end: int, source: str, quotes: tuple[Quote, ...]) -> Quote | None:
    """The attribution of a headline ``text[start:end]`` written "Speaker: what they said" with a
    quotation in what they said, or None. ``quotes``: the quotes already found in the headline (a
    speaker found for them there is kept). Direct when at least half its words are quoted."""
    m = _HEADLINE_LABEL.match(text[start:end])
    if m is None or m.group(1).lower() in _NOT_A_SPEAKER:
        return None
    c_start, c_end = start + m.start(2), start + m.end(2)
    inside = find_quotes(text[c_start:c_end])
    if not inside:
        return None
    words = [w.start() for w in _WORDS.finditer(text, c_start, c_end)]
    quoted = sum(any(q.open_mark <= w - c_start < q.close_mark for q in inside) for w in words)
    kind = "direct" if words and 2 * quoted >= len(words) else "indirect"
    label_start = start + m.start(1)
    speaker = next((q.speaker for q in quotes if q.speaker is not None and q.speaker.start == label_start), None)
    if speaker is None:
        speaker = Speaker(m.group(1), m.group(1), label_start, start + m.end(1))
    colon = text.index(":", start + m.end(1))
    return Quote(id="", source=source, text=text[c_start:c_end], start=c_start, end=c_end, kind=kind,
                 cue=":", cue_start=colon, cue_end=colon + 1, speaker=speaker)


def _title_words(words: list[str]) -> int:
    """For the words of a quote written as a title ("Face the Nation", “A Change Is Gonna Come”):
    how many longer words it has; 0 for any other quote."""
    long_words = [w for w in words if len(w) > 3]
    title_case = bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.8 * len(long_words)
    return len(long_words) if title_case and len(words) <= MAX_TITLE_WORDS else 0


def _plausible_speaker(token: Token) -> bool:
    """A subject that can be a speaker: a noun or pronoun whose phrase holds no verb of its own.

    Parse errors put clauses and adjectives in subject position ("her right foot was",
    "... made public ― Trump boasted"); those are no speakers.
    """
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.i < token.i for t in token.subtree)


def _only(text: str, marks: str) -> bool:
    """Whether ``text`` holds nothing but white space (no-break spaces too) and ``marks``."""
    return not text.strip().strip(marks).strip()


def _space_after(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not white space."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _line_before(text: str, line_start: int) -> tuple[int, int]:
    """(start, end) of the last line with text before the line that starts at ``line_start``."""
    end = line_start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return text.rfind("\n", 0, end) + 1, end


class _Reader:
    def __init__(self, doc: Doc, source: str, mentions, sentence_of, body) -> None:
        self.doc = doc
        self.source = source
        self.mentions = mentions
        self.sentence_of = sentence_of
        self.body = body
        self.resolver = None
        self.person_named = people_by_surname(mentions)  # surname -> the person's first mention
        self.people = self.person_named.keys()
        self.by_start = {m.start: m for m in mentions}
        self.relatives: dict[int, Token] = {}  # antecedent token -> the relative pronoun a cue's clause has

    # ------------------------------------------------------------------ public
    def run(self, with_indirect: bool = True) -> tuple[Quote, ...]:
        text = self.doc.text
        self.text = text
        spans = [q for q in find_quotes(text) if self.body[0] <= q.start < self.body[1]]
        self.quoted = [(q.start, q.end) for q in spans]
        self.starts = [t.idx for t in self.doc]
        self.resolver = Resolver(self.doc, self.mentions, self.sentence_of, self.quoted)
        indirect = self._indirect() if with_indirect else []
        records: list[tuple] = []
        previous = None
        for span in spans:
            if _NOT_SPEECH.fullmatch(text, span.start, span.end):
                continue
            label = _LABEL_IN_QUOTE.match(text, span.start, span.end)
            if label:  # a transcript line quoted whole: '"WALLACE: Let's start ...'
                span = QuoteSpan(label.end(), span.end, span.open_mark, span.close_mark, span.continued, True)
                records.append((span.start, span.end, "direct", None, (label.start(1), label.end(1)), span))
                previous = records[-1]
                continue
            cue, subject = self._cue_for_quote(span)
            if cue is None and subject is None:
                earlier = self._previous_in_paragraph(span, previous, indirect)
                if earlier is not None:
                    records.append((span.start, span.end, "direct", earlier[3], earlier[4], span))
                    continue
                # a noun of speech with its owner: 'her remark that “...”', 'Obama's word: "..."',
                # '"...," in Bolton's view' (before a quote paragraph is read as going on from the last)
                cue, subject = self._owned_speech(span) or (None, None)
                if subject is None and previous is not None and self._continues(previous, span):
                    records.append((span.start, span.end, "direct", previous[3], previous[4], span))
                    continue
                earlier = self._previous_paragraph(span, records, indirect) \
                    if subject is None and self._is_speech(span) else None
                if earlier is not None:
                    records.append((span.start, span.end, "direct", earlier[3], earlier[4], span))
                    previous = records[-1]
                    continue
            if (subject is None and not self._is_speech(span)) or self._is_named_title(span):
                continue  # a title, a scare quote, markup: quoted words no one is said to say
            if cue is None and subject is None:
                subject = self._previous_subject(span)
            if subject is None and cue is not None and previous is not None and previous[3] is not None \
                    and previous[3].i == cue.i:
                subject = previous[4]  # '"That, unfortunately," he said, "is part of ..."': one cue, one speaker
            records.append((span.start, span.end, "direct", cue, subject, span))
            previous = records[-1] if cue is not None or subject is not None else None
        records += indirect
        records.sort(key=lambda r: (r[0], r[1]))
        quotes = []
        for n, (start, end, kind, cue, subject, _) in enumerate(records, start=1):
            speaker = self._speaker(subject, cue) if cue is not None or subject is not None else None
            cue_start = cue.idx if cue is not None else None
            cue_text, cue_end = self._cue_text(cue)
            quotes.append(Quote(
                id=f"{self.source}:q{n}", source=self.source, text=text[start:end], start=start, end=end,
                kind=kind, cue=cue_text, cue_start=cue_start, cue_end=cue_end, speaker=speaker,
            ))
        return tuple(quotes)

    # ------------------------------------------------------------- direct quotes
    def _tokens(self, start: int, end: int) -> SpacySpan | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def _inside_quote(self, token: Token) -> bool:
        return any(a <= token.idx < b for a, b in self.quoted)

    def _cue_for_quote(self, span: QuoteSpan) -> tuple[Token | None, Token | tuple[int, int] | None]:
        inner = self._tokens(span.start, span.end)
        if inner is None:
            return None, None
        inside = {t.i for t in inner}
        fallback = None
        line_start = self.text.rfind("\n", 0, span.open_mark) + 1
        digest = _DIGEST_LABEL.search(self.text, line_start, span.open_mark)
        if digest is not None and digest.start(1) >= self.body[0]:
            return None, (digest.start(1), digest.end(1))
        # 0. 'Polling shows that ''...,'' said Sylke Tempel': a cue right after the closing mark, before
        # its speaker, says who spoke, whatever verb the parse hung the quote from.
        after = self._token_at(span.close_mark, forward=True)
        comma = self.text[span.start:span.end].rstrip().endswith(",")
        # ('“Who is the real con man here?” said Murphy, using a term Rubio has used to describe ...': a
        # verb right after a question or exclamation goes on with its sentence; a name need not)
        asked = self.text[span.start:span.end].rstrip().endswith(("?", "!"))
        if after is not None and after.text == "," and after.i + 1 < len(self.doc):
            after, comma = self._token_at(after.idx + 1, forward=True), True
        if after is not None and (comma or asked) and after.idx - span.close_mark <= 4 and after.tag_ in ("VBD", "VBZ") \
                and not self._inside_quote(after) and (_lemma(after) in SPEECH_VERBS and self._is_cue(after)
                                                       or after.lemma_.lower() in INVERTED_ONLY):
            who = self._who(after, span)
            if who is not None:
                return after, who
        # 0b. '"... calling Trump “an orange buffoon,” Susan said': a name and a speech verb right after
        # the closing comma speak for the quote, whatever verb inside the sentence the parse hung it from.
        announced = self._token_at(span.open_mark, forward=False)
        if announced is not None and announced.text in (",", ":"):
            announced = self._token_at(announced.idx, forward=False)
        else:
            announced = None  # ('Nothing the president said “will assuage people's fears,” the Florida
            # senator said': a verb the quoted words run on from announces nothing)
        # (not for a quote a speech verb right before it announces: 'When someone shouted, “Cruz,” Beck joked')
        inverted = self._inverted_tail(span)
        if comma and inverted is not None and inverted[0].pos_ in ("VERB", "AUX") \
                and not (announced is not None and _lemma(announced) in SPEECH_VERBS and announced.pos_ == "VERB"):
            return inverted
        # 1. The speech verb the quoted words hang from.
        for token in inner:
            head = token.head
            if head.i in inside:
                continue
            child = token
            for candidate in [head, *head.ancestors]:
                if candidate.i in inside or self._inside_quote(candidate):
                    break  # (nor a verb inside the next quote: '“...,” she elaborated, “no one ever question ...”')
                weak = candidate.lemma_.lower() in WEAK_CUES and child.dep_ not in ("ccomp", "dobj", "oprd")
                if self._relative_before(candidate, span):
                    break  # the parse hung a quote on a relative clause of the sentence before
                if self._is_cue(candidate) and not weak:
                    who = self._who(candidate, span)
                    # "Obama said it would tell ''...''": the museum tells nothing; look further up
                    lesser = _lemma(candidate) not in SPEECH_VERBS
                    if (isinstance(who, Token) and who.lower_ in _THING_PRONOUNS) or lesser:
                        # a thing that "says", or a verb of belief or stance: prefer a speech
                        # verb further up ("Trump said he believes ...")
                        fallback = fallback or (candidate, who)
                    else:
                        return candidate, who
                child = candidate
        # 2. "according to X" in the quote's sentences.
        sentences = self._sentences_around(span)
        for sent in sentences:
            found = self._according_to(sent, outside=inside)
            if found:
                return found
        # 3. The nearest speech verb beside the quote, outside every quote: in its sentences,
        # the sentence it runs into ('"...," Mr. Obama said.') and one that announces it ('He said:').
        best = None
        for sent in sentences:
            for token in sent:
                if token.i in inside or self._inside_quote(token):
                    continue
                # "Trump issued a statement, “...”": a light verb with a noun of speech is a cue for a quote
                # (not a name in quote marks inside that noun's phrase: 'an impassioned “farewell address”')
                light = token.lemma_.lower() in LIGHT_VERBS and token.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS
                    and not c.left_edge.idx <= span.start < c.right_edge.idx + len(c.right_edge)
                    for c in token.children) and len(self.text[span.start:span.end].split()) >= 4
                if not light and (not self._is_cue(token) or _lemma(token) not in _BESIDE_CUES):
                    continue
                distance = min(abs(token.idx - span.close_mark), abs(span.open_mark - token.idx))
                # a relative clause of an earlier sentence describes something and is the cue only when
                # no other verb is ("''...,'' the former president told a crowd that the campaign
                # estimated at 3,000 people. ''...''": he told the crowd; the campaign said nothing)
                rank = (self._relative_before(token, span), distance)
                if best is None or rank < best[0]:
                    best = (rank, token)
        if best is not None:
            return best[1], self._who(best[1], span)
        if fallback is not None:
            return fallback
        # 3b. '"...," the email read.' / '"...," the Saudis state in the white paper': a speech verb the
        # tagger took for a noun, right after a short noun phrase that follows the quote.
        if inverted is not None:
            return inverted
        # 4. A label: "WALLACE: ...", "Pat Caddell: ...", or "“...” ― Jorge Falcon".
        label = self._label(span)
        if label is not None:
            return None, label
        # 5. A quote announced by a colon ("Sanders made the following comment: “...”"): the
        # subject of the clause before the colon.
        before = self._token_at(span.open_mark, forward=False)
        # (or by a dash: 'Trump also embraced enhanced interrogation techniques -- "I think ..."')
        if before is not None and before.text in (":", "--", "—", "–"):
            word = self.doc[before.i - 1] if before.i > 0 else before
            # ('Article 33 affirms: “...”': a speech verb the tagger took for a noun, with a subject)
            if word.pos_ == "NOUN" and word.lower_.endswith("s") and word.lower_[:-1] in SPEECH_VERBS:
                subjects = [c for c in word.children if c.dep_ == "nsubj" and _plausible_speaker(c)]
                if subjects and not self._inside_quote(subjects[0]) and subjects[0].idx >= self.body[0]:
                    return word, subjects[0]
            for verb in (word, *word.ancestors):  # the clause the colon ends, not the sentence's root
                if verb.pos_ in ("VERB", "AUX") and verb.i < before.i:
                    subject = self._subject(verb)
                    if subject is not None and subject.lower_ in ("what", "which", "that") and verb.i > 0:
                        # a relative clause ends at the colon: 'Clinton has since apologized for what
                        # happened: "..."', 'Jeb Bush broke down exactly what was wrong with it: “...”'
                        continue
                    if subject is not None and not self._inside_quote(subject):
                        return verb, subject
                    break
        return None, None

    def _relative_before(self, token: Token, span: QuoteSpan) -> bool:
        """Whether a verb lies in a relative clause of a sentence that ended before the quote opened
        ('said Murphy, using a term Rubio has used to describe Donald Trump, on a call. “...”')."""
        return token.idx < span.open_mark and any(a.dep_ == "relcl" for a in (token, *token.ancestors)) \
            and _SENTENCE_END.search(self.text, token.idx, span.open_mark) is not None

    def _inverted_tail(self, span: QuoteSpan) -> tuple[Token, tuple[int, int]] | None:
        """(cue, speaker span) of '"...," the email read.': a quote ending in a comma, "?" or "!",
        then a noun phrase of at most eight words and a speech verb in any part of speech."""
        if self.text[span.start:span.end].rstrip()[-1:] not in (",", "?", "!"):
            return None
        first = self._token_at(span.close_mark, forward=True)
        if first is None or first.idx - span.close_mark > 2 or self._inside_quote(first):
            return None
        for token in self.doc[first.i:min(first.i + 9, len(self.doc))]:
            if token.i > first.i and _lemma(token) in _TAIL_CUES and token.lemma_.lower() not in _TAIL_WEAK:
                words = self.doc[first.i:token.i]
                after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
                if after is not None and not (after.is_punct or after.is_space or after.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV")
                                              or after.ent_type_ in ("DATE", "TIME")):
                    return None  # ("said as she turned", "said Tuesday"; not 'the two write a letter')
                if words[-1].pos_ in ("NOUN", "PROPN", "PRON", "NUM") \
                        or words[-1].pos_ == "ADJ" and words[0].pos_ == "DET" and len(words) > 1:  # "the editorial"
                    if len(words) == 1:
                        return token, words[0]  # a pronoun to resolve, or a name to look up
                    heads = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and first.i <= c.i < token.i]
                    if heads and _plausible_speaker(heads[0]):
                        return token, heads[0]  # the parse's subject: its phrase says who (and if unnamed)
                    return token, (words[0].idx, words[-1].idx + len(words[-1]))
                return None
            # ('a Democratic staffer in the room wondered': a preposition inside the noun phrase)
            inner_prep = token.pos_ == "ADP" and token.i > first.i and token.i + 1 < len(self.doc) \
                and self.doc[token.i + 1].pos_ in ("DET", "NOUN", "PROPN")
            if (token.pos_ not in ("DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON") and not inner_prep) or token.is_punct:
                return None
        return None

    def _owned_speech(self, span: QuoteSpan) -> tuple[Token, Token] | None:
        """(noun, owner) of a noun of speech whose owner is named right before the quote ('her remark
        that “...”', "Obama's word:") or right after it ('"...," in Bolton's view')."""
        before = self._token_at(span.open_mark, forward=False)
        after = self._token_at(span.close_mark, forward=True)
        nouns = []
        if before is not None:  # (only "that", "of" or a colon or comma between the noun and the quote)
            k = before.i
            while k > before.sent.start and self.doc[k].lower_ in ("that", "of", ":", ","):
                k -= 1
            nouns.append(self.doc[k])
        if after is not None:  # ('"...," in Bolton's view': "in" or "by" heads the noun)
            nouns += [t for t in self.doc[after.i:min(after.sent.end, after.i + 12)]
                      if t.head.lower_ in ("in", "by") and t.head.i < t.i]
        for noun in nouns:
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in SPEECH_NOUNS or self._inside_quote(noun):
                continue
            owners = [c for c in noun.children if c.dep_ == "poss" and not self._inside_quote(c)
                      and (c.pos_ == "PROPN" or c.lower_ in PRONOUN_GENDER or c.lower_ in PLURAL_PRONOUNS)]
            if owners and owners[0].idx >= self.body[0]:
                return noun, owners[0]
        return None

    def _previous_subject(self, span: QuoteSpan) -> Token | None:
        """The person a cue-less quote sentence goes on from, in the same paragraph.

        News often names a speaker and what they did, then quotes them in a sentence of its own
        ('..., Lawrence B. Cummings, called him a master at ... "He showed again and again ..."').
        Only a person (a PERSON name, or a pronoun for one) who is the subject of the sentence just
        before counts.
        """
        text = self.text
        before = self._token_at(span.open_mark, forward=False)
        if before is None or before.text not in (".", "!", "?") or "\n" in text[before.idx:span.open_mark]:
            return None
        return self._person_subject_of(before.sent)

    def _person_subject_of(self, sent: SpacySpan) -> Token | None:
        """The person who is the subject of a sentence (a PERSON name, a pronoun for one, or a
        phrase with a person in apposition), or None."""
        for token in sent:
            if token.dep_ == "nsubj" and token.head.dep_ == "ROOT" and not self._inside_quote(token) \
                    and token.idx >= self.body[0]:
                if token.ent_type_ == "PERSON" or token.text in self.people:
                    return token
                if token.lower_ in PRONOUN_GENDER and self.resolver.resolve(token) is not None:
                    return token
                phrase = self.doc[token.left_edge.i:token.right_edge.i + 1]
                people = [t for t in phrase if t.ent_type_ == "PERSON" and t.dep_ == "appos"]
                if people:
                    return people[0]
        return None

    def _is_speech(self, span: QuoteSpan) -> bool:
        """Whether quoted words with no speaker found are still worth reporting as a quote.

        Short ones with no speaker are scare quotes ("the “sex tape” reference") or titles
        (“Fox News Sunday”); an attribute value (author="...") is markup.
        """
        words = _WORDS.findall(self.text, span.start, span.end)
        if not words or self._is_markup(span) or _title_words(words):
            return False
        return len(words) > MAX_UNATTRIBUTED_WORDS

    def _is_named_title(self, span: QuoteSpan) -> bool:
        """A title named as one, whoever the sentence's speaker: 'on CBS's "Face the Nation,"',
        'the anthem "A Change Is Gonna Come,"', 'his book, "Make Your Kid a Millionaire"', or markup."""
        if self._is_markup(span):
            return True
        words = self.text[span.start:span.end].split()
        # Two longer words in Title Case, or a short name all in capitals and figures ('MSNBC’s
        # “Morning Joe”', 'her new documentary “13th.”', 'preview clip of ‘The 411.’')
        if _title_words(_WORDS.findall(self.text, span.start, span.end)) < 2 and not (
                len(words) <= SHORT_TITLE_WORDS and all(w[0].isupper() or w[0].isdigit() for w in words)):
            return False
        before = self._token_at(span.open_mark, forward=False)
        after = self._token_at(span.close_mark, forward=True)
        if len(words) <= SHORT_TITLE_WORDS and after is not None and after.pos_ == "NOUN" \
                and self.text[span.start:span.end].rstrip()[-1:].isalnum() \
                and (before is None or before.pos_ not in ("VERB", "AUX")):
            # a name that modifies the noun after it: 'a cowboy hat and “Ted Cruz” campaign pins'
            # (but 'Trump cited "Obama-Clinton" policies' quotes him)
            return True
        if before is not None and before.text == ",":
            before = self._token_at(before.idx, forward=False)
        if before is None:
            return False
        if before.lower_ in _TITLE_CONTEXT or before.tag_ == "POS":
            return True
        # A short capitalised name used as part of a noun phrase: 'a “Commander-in-Chief Forum”
        # sponsored by NBC', 'his “Keepin' It Real” radio program', 'Del. Marcia “Cia” Price'
        return len(words) <= SHORT_TITLE_WORDS and before.tag_ in ("DT", "PRP$", "JJ", "NNP") \
            and before.sent == (self._token_at(span.close_mark, forward=True) or before).sent

    def _is_markup(self, span: QuoteSpan) -> bool:
        """An attribute value (tweet-date="..."): quoted words that no one says."""
        return self.text[span.open_mark - 1:span.open_mark] == "="

    def _sentences_around(self, span: QuoteSpan) -> list[SpacySpan]:
        sents = self._sentences(span.open_mark, span.close_mark)
        text = self.text
        after = self._token_at(span.close_mark, forward=True)
        # The sentence after the quote names its speaker only when the quote runs into it
        # ('"...," Mr. Obama said'), not when the quote closed its own sentence ('... possible."').
        closed = text[span.start:span.end].rstrip().endswith(".")
        if after is not None and "\n" not in text[span.close_mark:after.idx] and after.sent not in sents \
                and (not closed or len(after.sent) <= SHORT_CUE_SENTENCE):
            sents.append(after.sent)
        before = self._token_at(span.open_mark, forward=False)
        if before is not None and before.sent not in sents:
            gap = text[before.idx + len(before):span.open_mark]
            if before.text == ":" or (before.text == "," and "\n" not in gap):
                sents.append(before.sent)
        return sents

    def _token_at(self, offset: int, forward: bool) -> Token | None:
        """The first token at or after ``offset`` (or the last one before it) that is not a quote mark."""
        i = bisect_left(self.starts, offset)
        step = 1 if forward else -1
        i = i if forward else i - 1
        while 0 <= i < len(self.doc):
            token = self.doc[i]
            if not (token.is_space or token.is_quote or token.text in _MARKS):
                return token
            i += step
        return None

    def _parenthetical(self, verb: Token) -> tuple[tuple[int, int], int] | None:
        """'Any interpretation of Mr. Kerry's actions, said Michael Kofman, an expert on Russia ...,
        would read this as ...': an inverted cue set off by commas inside the sentence it reports.
        Returns the speaker's (start, end) and the index of the token that resumes the sentence."""
        doc = self.doc
        if verb.i < 2 or verb.i + 1 >= len(doc) or doc[verb.i - 1].text != "," \
                or verb.tag_ not in ("VBD", "VBZ") or _lemma(verb) not in _INVERTING_VERBS:
            return None  # ("Ed Rendell, a Clinton supporter, praised Sanders ..., calling": a verb and its object)
        name = doc[verb.i + 1]
        if name.ent_type_ != "PERSON" or self._inside_quote(name) or verb.i - 1 <= verb.sent.start:
            return None
        words = self._words_after(verb)
        if words is None:
            return None
        for k in range(verb.i + 2, verb.sent.end - 1):
            if doc[k].text == "," and doc[k + 1].pos_ in ("VERB", "AUX") and not self._inside_quote(doc[k]):
                return words, k + 1
        return None

    def _who(self, verb: Token, span: QuoteSpan | None = None) -> Token | tuple[int, int] | None:
        """The speaker of a cue: its subject, unless the parse put that inside a quote."""
        parenthetical = self._parenthetical(verb)
        if parenthetical is not None:
            return parenthetical[0]
        subject = self._subject(verb)
        if subject is not None and subject.lower_ in ("it", "there", "this") and verb.tag_ == "VBG" \
                and self.text[:verb.idx].rstrip().endswith(","):
            # 'It was a potent one-two punch ..., as Mrs. Clinton echoed the criticism, saying ...': a
            # participle after a comma speaks for the person of the clause just before, not for "it"
            for token in reversed(self.doc[subject.i + 1:verb.i]):
                if token.dep_ == "nsubj" and token.head.i < verb.i and not self._inside_quote(token) \
                        and (token.ent_type_ == "PERSON" or token.text in self.people):
                    subject = token
                    break
        if subject is not None and subject.lower_ in ("who", "that", "which") and subject.head.dep_ == "relcl":
            self.relatives[subject.head.head.i] = subject  # written as "who", the speaker is the architect
            subject = subject.head.head  # "an architect who said ...": the architect
        named = self._name_after_as(verb)
        if subject is not None and not self._inside_quote(subject) and not (subject.i > verb.i and named is not None):
            return subject
        if named is not None and not self._inside_quote(named) and named.idx >= self.body[0] \
                and _plausible_speaker(named):
            return named
        if verb.tag_ in ("VBG", "VB") and (span is None or verb.idx < span.open_mark
                                                   or verb.idx >= span.close_mark):
            shared = self._shared_subject(verb)
            if shared is not None:
                return shared
            # '"...," said Skelly, explaining he worked ...': the participle is the inverted cue's speaker's
            if verb.tag_ == "VBG" and _lemma(verb.head) in SPEECH_VERBS and self._after_quote(verb.head):
                words = self._words_after(verb.head)
                if words:
                    return words
        # '"...," Rep. Elijah E. Cummings (D-Md.) said' / '"...," said Leslie Wimes, a ...'
        if span is not None and verb.idx >= span.close_mark:
            words = [t for t in self.doc[:verb.i] if t.idx >= span.close_mark and not t.is_quote
                     and not t.is_punct and not t.is_space]
            if len(words) == 1 and (words[0].lower_ in PRONOUN_GENDER or words[0].lower_ in PLURAL_PRONOUNS):
                return words[0]  # '"...," he said': a pronoun, to be resolved
            if words and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words) \
                    and not any(self._inside_quote(t) for t in words):
                return words[0].idx, words[-1].idx + len(words[-1])
        if span is not None and verb.idx < span.open_mark:
            # 'made public ― Trump boasted, "..."': the name just before the verb
            words = []
            end = verb.i
            if end > verb.sent.start and self.doc[end - 1].text == ")":  # "Rep. Paul Ryan (R-WI) said"
                opening = self._opening_bracket(end - 1, verb.sent.start, reach=7)
                end = opening if opening is not None else end
            # 'who Beck on Wednesday called "..."': a time is no name; the name stands before it
            while end - 2 > verb.sent.start and self.doc[end - 1].ent_type_ in ("DATE", "TIME") \
                    and self.doc[end - 2].lower_ in ("on", "last", "this"):
                end -= 2
            for token in reversed(self.doc[verb.sent.start:end]):
                if token.pos_ not in ("PROPN",) and not (token.text in (".",) and words) \
                        or token.ent_type_ in ("DATE", "TIME"):
                    break
                words.insert(0, token)
            if words:
                return words[0].idx, words[-1].idx + len(words[-1])
            # "Speaker Paul D. Ryan, the nation's highest-ranking Republican, on Tuesday called ''...''":
            # the name that opens the sentence, when only an apposition stands between it and the verb
            sent = verb.sent
            run = sent.start
            while run < end and (self.doc[run].pos_ == "PROPN" or self.doc[run].text == "." and run > sent.start):
                run += 1
            if sent.start < run < end and self.doc[run].text == "," and self.doc[end - 1].text == "," \
                    and not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") or t.is_quote
                                for t in self.doc[run:end]) \
                    and not any(t.ent_type_ in ("DATE", "TIME") for t in self.doc[sent.start:run]):
                return self.doc[sent.start].idx, self.doc[run - 1].idx + len(self.doc[run - 1])
        if verb.tag_ in ("VBD", "VBZ", "VBP") and (span is None or verb.idx < span.open_mark):
            left = self._subject_left_of(verb)
            if left is not None:
                return left
        finite = verb.tag_ in ("VBD", "VBZ", "VBP") or verb.tag_ == "VBN" and any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)  # "had said"
        # a subject the parser made of a preposition or of a quoted title is none ("Of Carson, Levine,
        # who has given money to Marco Rubio, said", 'Washington, star of television’s “Scandal,” thanked')
        if finite and not any(c.dep_ in SUBJECTS and not (c.pos_ in _FUNCTION_TAGS
                                                          or c.i < verb.i and self._inside_quote(c))
                              or c.dep_ == "expl" for c in verb.children):
            # 'Informed of the local district’s anti-Trump lean, Early described it as “news to me.”': a
            # surname of the article that the tagger took for an adverb
            before = self.doc[verb.i - 1] if verb.i > verb.sent.start else None
            if before is not None and before.text in self.people and before.pos_ in ("ADV", "ADJ") \
                    and not self._inside_quote(before) and before.idx >= self.body[0]:
                return before
            stop = verb.sent.start
            if span is not None and span.close_mark <= verb.idx:
                after = self._token_at(span.close_mark, forward=True)
                stop = max(stop, after.i if after is not None else stop)
            named = self._name_before_commas(verb, stop)
            if named is not None:
                return named
        if verb.tag_ == "VBG" and verb.i == verb.sent.start and verb.text[:1].isupper() \
                and (span is None or verb.idx < span.open_mark):
            # '... Maher stated of the email scandal that the report “wasn’t good.” Adding, “...”'
            before = self._person_subject_of(self.doc[verb.i - 1].sent) if verb.i > 0 else None
            if before is not None and "\n" not in self.text[before.idx:verb.idx]:
                return before
        if span is None or (verb.idx >= span.close_mark and not _only(self.text[span.close_mark:verb.idx], ",\"'”’")):
            return None  # only in '"...," said X' (or 'Said X: "..."') does the speaker follow the verb
        # ('"America is great!," read one': "read" in the past, which the tagger takes for its base form)
        # ("Continued Stone: "..."": an inverted cue opening its sentence, which the tagger reads as a participle)
        opening = verb.i == verb.sent.start and verb.tag_ == "VBN" and verb.text[:1].isupper()
        if verb.tag_ not in ("VBD", "VBZ", "VBP") and not opening \
                and not (verb.tag_ == "VB" and verb.lower_ == "read" and self._after_quote(verb)):
            return None  # 'saying that green coffee extract was a "…"': the words after are the content
        if verb.idx < span.open_mark and any(not (t.is_punct or t.is_space or t.is_quote)
                                             for t in self.doc[verb.sent.start:verb.i]):
            return None  # 'recalled the three-year freeze on pay: "..."': only 'Said X: "..."' opens so
        return self._words_after(verb)

    def _words_after(self, verb: Token) -> tuple[int, int] | None:
        """The speaker named right after an inverted cue ('"...," said Leslie Wimes, a ...'), or None."""
        words = []
        for token in self.doc[verb.i + 1:verb.sent.end]:
            if token.text in (",", ".", ";", ":") or self._inside_quote(token) or token.is_quote:
                break
            words.append(token)
        # (a surname the tagger took for an adverb, "said Skelly, explaining ..."; "tweeted another")
        names = [t for t in words if t.pos_ in ("PROPN", "NOUN") or (t.is_alpha and t.text[0].isupper())
                 or t.lower_ in ("another", "one", "others")]
        if words and (words[0].ent_type_ in ("DATE", "TIME") or words[0].pos_ == "ADP"):
            return None  # 'said Thursday morning on "Fox and Friends"': no speaker there
        if names:
            return words[0].idx, words[-1].idx + len(words[-1])
        return None

    def _label(self, span: QuoteSpan) -> tuple[int, int] | None:
        """A speaker named as a label: before the quote with a colon, or after it with a dash."""
        text = self.text
        line_start = text.rfind("\n", 0, span.open_mark) + 1
        # (or since the quote before it on the line: 'Clinton: "... ISIS." Bush: "The mission is ..."')
        since = max([line_start] + [b for a, b in self.quoted if line_start <= b <= span.open_mark])
        m = _COLON_LABEL.search(text[since:span.open_mark]) if span.open_mark - since <= MAX_LABEL_LINE else None
        if m:
            return since + m.start(1), since + m.end(1)
        m = _FROM_LABEL.search(text, since, span.open_mark)  # "From the report: “...”"
        if m:
            return m.start(1), m.end(1)
        # A headline or line led by a person's name and a colon: "Sanders: Clinton needs to 'get away ...'"
        m = _LINE_LABEL.match(text, line_start, span.open_mark)
        if m:
            start, end = m.start(1), m.end(1)
            if text[start:end].split()[-1] in self.people or any(
                    start <= x.start and x.end <= end and (x.label == "PERSON" or x.name.split()[-1] in self.people)
                    for x in self.mentions):
                return start, end
        line_end = text.find("\n", span.close_mark)
        line_end = len(text) if line_end == -1 else line_end
        m = _DASH_LABEL.match(text[span.close_mark:min(line_end, self.body[1])])
        if m:
            return span.close_mark + m.start(1), span.close_mark + m.end(1)
        # A paragraph that is one quote, announced by the paragraph before ("Stated Stone:") or signed
        # by the one after ("- Sanders.", as fact-checks print the claim they check)
        if not text[line_start:span.open_mark].strip() and _only(text[span.close_mark:line_end], ".,"):
            previous_start, previous_end = _line_before(text, line_start)
            m = _ANNOUNCING_LINE.match(text, previous_start, previous_end)
            if m and previous_end >= self.body[0]:
                group = 1 if m.group(1) else 2
                return m.start(group), m.end(group)
            next_start = _space_after(text, line_end)
            next_end = text.find("\n", next_start)
            next_end = len(text) if next_end == -1 else next_end
            m = _SIGNING_LINE.match(text, next_start, min(next_end, self.body[1]))
            if m and next_start > line_end:
                return m.start(1), m.end(1)
        # A line that is one quote signed at its end, with quote marks inside it that cut the
        # quote short ('“... what he calls “hell” than live ...” ― Adriana Rodarte').
        if not text[line_start:span.open_mark].strip():
            tail = text[span.close_mark:min(line_end, self.body[1])]
            m = _SIGNED_LINE.search(tail)
            if m:
                end = m.end(1) - (m.group(1).endswith(".") and len(m.group(1).split()[-1]) > 3)
                return span.close_mark + m.start(1), span.close_mark + end
        return None

    def _previous_in_paragraph(self, span: QuoteSpan, previous, indirect):
        """The latest attribution with a speaker earlier in the same paragraph, if any.

        In news a quote with no cue of its own, in a paragraph that has already named who is
        speaking ('..., Schiff said. "The other factor ..."'), goes on with that speaker.
        """
        line_start = self.text.rfind("\n", 0, span.open_mark) + 1
        # (not one reported in a relative clause: '... said Murphy, using a term Rubio has used to
        # describe Donald Trump, on a call. “...”' goes on with Murphy)
        candidates = [r for r in indirect if line_start <= r[0] and r[1] <= span.open_mark and r[4] is not None
                      and not self._relative_before(r[3], span)]
        if previous is not None and previous[4] is not None and line_start <= previous[0]:
            candidates.append(previous)
        return max(candidates, key=lambda r: r[1]) if candidates else None

    def _previous_paragraph(self, span: QuoteSpan, records, indirect):
        """The last attribution of the paragraph before, for a paragraph that is one quote and nothing else.

        'Then, in 2017, Kerry said that 100,000 would be accepted.⏎⏎"That adds up to 185,000 ..."':
        a paragraph of quoted words with no cue goes on with whoever spoke last.
        """
        text = self.text
        line_start = text.rfind("\n", 0, span.open_mark) + 1
        line_end = text.find("\n", span.close_mark)
        line_end = len(text) if line_end == -1 else line_end
        if text[line_start:span.open_mark].strip() or not _only(text[span.close_mark + 1:line_end], ".,\"'”’"):
            return None
        previous_start, previous_end = _line_before(text, line_start)
        if previous_end == 0:
            return None
        candidates = [r for r in (*records, *indirect)
                      if r[4] is not None and previous_start <= r[0] and r[1] <= previous_end]
        return max(candidates, key=lambda r: r[1]) if candidates else None

    def _continues(self, previous, span: QuoteSpan) -> bool:
        prev_span = previous[5]
        if prev_span is None:
            return False
        if prev_span.continued:
            return True
        gap = self.text[prev_span.close_mark:span.open_mark]
        if "\n" in gap.strip():
            return False
        cue = previous[3]
        # Only the previous quote's own cue may sit between the two parts: the second part
        # opens right after the sentence that holds that cue ('"...," Kirby said. "..."').
        if cue is not None and prev_span.close_mark <= cue.idx < span.open_mark:
            return len(gap) <= CONTINUATION_GAP or cue.sent.end_char + 2 >= span.open_mark
        if isinstance(previous[4], tuple):  # a labelled speaker ("― Jorge Falcon")
            return False
        return len(gap.strip()) <= 2

    def _sentences(self, start: int, end: int) -> list[SpacySpan]:
        span = self._tokens(start, end)
        if span is None:
            return []
        sents = []
        for token in (span[0], span[-1]):
            sent = token.sent
            if sent not in sents:
                sents.append(sent)
        return sents

    # ---------------------------------------------------------------- cues
    def _is_cue(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        if lemma in BELIEF_VERBS | OBJECT_VERBS | INTENT_VERBS and token.pos_ == "VERB":
            return True
        if token.lemma_.lower() == "make" and any(c.lower_ == "clear" for c in token.children):
            return True  # "Harris made clear that ..."
        if token.lemma_.lower() == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
            return True  # "as The New Yorker put it, ..."
        if _lemma(token) not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            return False
        if token.lemma_.lower() == "quote" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children) \
                and not any(c.dep_ == "dobj" for c in token.children):
            return False  # 'Trump said, and I quote, "..."': the writer quoting, not speaking
        if token.lemma_.lower() == "call" and not any(c.dep_ in ("dobj", "prep", "oprd", "xcomp", "ccomp")
                                                      for c in token.children):
            return False
        return True

    def _according_to(self, sent: SpacySpan, outside=()) -> tuple[Token, Token] | None:
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                to = self.doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"] or \
                          [c for c in token.children if c.dep_ == "pobj"]
                if objects and objects[0].i not in outside:
                    return token, objects[0]
        return None

    def _cue_text(self, cue: Token | None) -> tuple[str | None, int | None]:
        if cue is None:
            return None, None
        if cue.lower_ == "according":
            return "according to", cue.idx + len("according to")
        last = cue
        for child in cue.children:
            if child.dep_ == "prt" and child.i == last.i + 1:
                last = child
        return self.doc[cue.i:last.i + 1].text, last.idx + len(last)

    def _subject(self, verb: Token) -> Token | None:
        """The speaker token of a cue verb: its subject, a passive's agent, or the subject it shares."""
        seen = set()
        climbed = False  # whether ``verb`` is the clause a participle cue hangs from
        joined = False  # whether ``verb`` is the first of verbs joined by "and" to an active cue
        while verb is not None and verb.i not in seen:
            seen.add(verb.i)
            passive = False
            # nearest first: "Speaking in Salem, New Hampshire, Trump went after Bush, calling him ...":
            # the parser gave "went" two subjects; the one beside the verb is it
            for child in sorted(verb.children, key=lambda c: abs(c.i - verb.i)):
                if child.dep_ == "nsubj" and child.pos_ == "VERB" and child.text in self.people \
                        and child.idx >= self.body[0] and not self._inside_quote(child):
                    return child  # '"...," Trump shot back': a surname the tagger took for a verb
                if child.dep_ == "nsubj" and _plausible_speaker(child) \
                        and not (child.i < verb.i and self._inside_quote(child) and any(
                            c.dep_ == "nsubj" and c.i < child.i and not self._inside_quote(c) for c in verb.children)):
                    # (of two subjects, not the one in a quoted title: 'Washington, star of
                    # television’s “Scandal,” thanked')
                    subject = self._checked_subject(child, verb)
                    if subject is not None and subject.idx >= self.body[0]:
                        return subject  # (a clausal subject, or a dateline parsed as one, speaks for no one)
                if child.dep_ == "nsubjpass":
                    passive = True
                # '"...," Will wrote': a name the tagger took for a modal (no modal goes with a past tense)
                if child.dep_ == "aux" and child.i == verb.i - 1 and child.text in ("Will", "May") \
                        and verb.tag_ in ("VBD", "VBN") and verb.lower_ != verb.lemma_ and child.i > verb.sent.start:
                    return child
            if passive and verb.tag_ in ("VBN", "VBD") and _lemma(verb) in SPEECH_VERBS \
                    and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in verb.children) \
                    and any(c.dep_ == "dobj" for c in verb.children):
                # "he's said the same thing at every stop": "has said", which the parser read as passive
                for child in verb.children:
                    if child.dep_ == "nsubjpass" and _plausible_speaker(child):
                        return self._checked_subject(child, verb)
            if passive and joined:
                # 'Silverman was joined on stage by Sen. Al Franken and joked, “...”': an active verb joined
                # to a passive one shares its subject, not its agent
                for child in verb.children:
                    if child.dep_ == "nsubjpass" and _plausible_speaker(child):
                        return self._checked_subject(child, verb)
            if passive:
                for child in verb.children:
                    if child.dep_ == "agent":
                        objects = [c for c in child.children if c.dep_ == "pobj"]
                        if objects:
                            return objects[0]
                    # "After saying her foot was “so swollen …,” she was whisked off": the one
                    # whisked off is the one who said it
                    if climbed and child.dep_ == "nsubjpass" and _plausible_speaker(child):
                        return self._checked_subject(child, verb)
                return None  # "he was told": the subject heard it, someone else said it
            # "Two military analysts, Patrick Megahan and Chris Harman, found in 2014 that ...": a finite
            # verb the parser hung from the noun opening the sentence, as if the noun were the sentence
            # (a participle reading too when a that-clause follows: "analysts found in 2014 that ...")
            if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and (verb.tag_ in ("VBD", "VBZ") or verb.tag_ == "VBN" and any(
                    c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    for c in verb.children)) \
                    and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i \
                    and _plausible_speaker(verb.head) and not self._inside_quote(verb.head) \
                    and verb.head.idx >= self.body[0]:
                return verb.head
            # "footage of Trump saying, “...”": the person or group named speaks (but "tweets
            # criticizing Machado", "a news conference announcing that ..." are no speakers)
            if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.ent_type_ in ("PERSON", "NORP", "ORG") \
                    and _plausible_speaker(verb.head) and not self._inside_quote(verb.head) \
                    and verb.head.idx >= self.body[0]:
                return verb.head
            # (also where the parser hung the participle elsewhere: 'The ad uses footage of Hillary
            # Clinton asking, “...”', 'The spot concludes with footage of Trump saying ...')
            named = self.doc[verb.i - 1] if verb.i > 0 else None
            if verb.tag_ == "VBG" and named is not None and named.ent_type_ == "PERSON" \
                    and named.dep_ == "pobj" and named.head.lower_ == "of" \
                    and named.head.head.lemma_.lower() in _RECORDINGS \
                    and not self._inside_quote(named) and named.idx >= self.body[0]:
                return named
            # "... not paying an architect who said he was stiffed ..., saying, “...”": a participle
            # set off by a comma speaks for the main clause, not for the relative clause before it
            if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.dep_ == "relcl" \
                    and verb.i > 0 and self.doc[verb.i - 1].text == ",":
                clause = next((a for a in verb.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if clause is not None:
                    verb, climbed = clause, True
                    continue
            if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "dep") and verb.head.pos_ in ("VERB", "AUX"):
                climbed = climbed or verb.dep_ in ("advcl", "xcomp")
                joined = verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
                head = verb.head
                # 'Trump told Newsmax that Mitt Romney "had a crazy policy," adding, "..."': a participle
                # after a comma that the parser hung inside the reported clause speaks for its reporter
                # (also from deeper in it, through infinitives and joined verbs: 'a top GOP strategist said
                # Clinton will have to choose whose side she's on, saying, “...”')
                clause = head
                while clause.dep_ in ("xcomp", "conj") and clause.head.i < clause.i and clause.head.pos_ in ("VERB", "AUX"):
                    clause = clause.head
                if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") \
                        and self.text[:verb.idx].rstrip().rstrip("\"'”’").rstrip().endswith(",") and clause.dep_ == "ccomp" \
                        and not self._is_cue(head) and clause.head.pos_ in ("VERB", "AUX") \
                        and self._is_cue(clause.head) and clause.head.i < clause.i:
                    head = clause.head
                # 'Hannity said during a panel after the senator easily won his primary, remarking that ...':
                # a participle after a comma that the parser hung on a clause of time speaks for the verb
                # that clause modifies
                elif verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.dep_ == "advcl" \
                        and self.text[:verb.idx].rstrip().endswith(",") \
                        and any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in head.children) \
                        and head.head.pos_ in ("VERB", "AUX") and self._is_cue(head.head) and head.head.i < head.i:
                    head = head.head
                # 'Rand Paul said Rubio's tax plan would give money to ..., and called him "..."': a verb
                # joined to one of another form inside a reported clause is joined to the reporting verb
                # of its own form
                elif verb.dep_ == "conj" and verb.tag_ in ("VBG", "VBD", "VBZ") and head.tag_ != verb.tag_:
                    first = head
                    while first.dep_ == "conj" and first.head.i < first.i:
                        first = first.head
                    reporter = first.head
                    if first.dep_ == "ccomp" and not self._is_cue(head) and reporter.tag_ == verb.tag_ \
                            and reporter.i < first.i and self._is_cue(reporter):
                        head = reporter
                verb = head
                continue
            # "Blige sings to Clinton before asking her, ..."
            if verb.dep_ == "pcomp" and verb.head.dep_ in ("prep", "conj") and verb.head.pos_ == "ADP" \
                    and verb.head.head.pos_ in ("VERB", "AUX"):
                verb = verb.head.head
                climbed = True
                continue
            # "signaled a willingness to hold talks and expressed support": up through the noun (or the
            # adjective: 'He called it "shameful" and called on leaders "not to feed ..."')
            if (verb.dep_ in ("conj", "acl") and verb.head.pos_ == "NOUN"
                    or verb.dep_ == "conj" and verb.head.pos_ == "ADJ") and verb.head.head.pos_ in ("VERB", "AUX"):
                verb = verb.head.head
                continue
            return None
        return None

    def _shared_subject(self, verb: Token) -> Token | None:
        """The subject a participle or infinitive cue shares with its clause ("Mr. Trump hardly
        clarified the matter, ... and, when questioned, asserting, ''...''"): the subject of the
        nearest verb above it, else the first person named as a subject earlier in its sentence."""
        for ancestor in verb.ancestors:
            if ancestor.pos_ not in ("VERB", "AUX") or self._inside_quote(ancestor):
                continue
            for child in sorted(ancestor.children, key=lambda c: abs(c.i - ancestor.i)):
                if child.dep_ == "nsubj" and _plausible_speaker(child) and not self._inside_quote(child) \
                        and child.idx >= self.body[0]:
                    return self._checked_subject(child, ancestor)
        for token in self.doc[verb.sent.start:verb.i]:
            if token.dep_ == "nsubj" and not self._inside_quote(token) and token.idx >= self.body[0] \
                    and (token.ent_type_ == "PERSON" or token.lower_ in PRONOUN_GENDER):
                return token
        return None

    def _subject_left_of(self, verb: Token) -> Token | None:
        """The subject of a finite cue the parser left without one, when it stands right before it.

        - 'a White House official who spoke anonymously to discuss strategy said Wednesday, "..."':
          the parser hung "official" elsewhere; it is the noun whose phrase (relative clause and
          all) opens after a comma or the sentence start and ends right before the verb;
        - 'Mr. Slinker, whose latest start-up ... finds suppliers, said ...': the parser made the
          phrase a clause of its own before the verb; its subject opens the sentence.
        """
        sent = verb.sent
        end = verb.i - 1
        if end >= sent.start and self.doc[end].text == ",":
            end -= 1
        for token in self.doc[sent.start:end + 1]:
            if token.pos_ in ("NOUN", "PROPN") and token.right_edge.i == end and token.i < end \
                    and (token.left_edge.i == sent.start or self.doc[token.left_edge.i - 1].text in (",", ";")) \
                    and any(c.dep_ == "relcl" for c in token.children):
                subject = token
                break
        else:
            subject = None  # ('As Akhil Amar ... put it': `_who` has tried the name after "as" already)
            for clause in verb.children:
                if clause.i > verb.i or clause.dep_ not in ("ccomp", "advcl") \
                        or any(c.dep_ == "mark" for c in clause.children):
                    continue
                for child in clause.children:
                    after = child.right_edge.i + (self.doc[child.right_edge.i].text != ",")
                    if child.dep_ == "nsubj" and child.left_edge.i == sent.start and after < verb.i \
                            and self.doc[after].text == "," and child.pos_ == "PROPN":
                        subject = child
        if subject is None or self._inside_quote(subject) or subject.idx < self.body[0] \
                or not _plausible_speaker(subject):
            return None
        return self._checked_subject(subject, verb)

    def _name_before_commas(self, verb: Token, stop: int) -> tuple[int, int] | None:
        """The speaker of a finite cue the parser left without a subject, when a noun phrase stands
        before it, alone or followed by up to two phrases set off by commas.

        - 'In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "..."';
        - '"...," Texas delegate Bill Eastland, wearing a cowboy hat and "Ted Cruz" pins, said';
        - 'Col. Steven H. Warren, a military spokesman in Baghdad, said, "..."';
        - 'Clinton, exasperated, famously responded: "..."'.

        ``stop`` is the first token the phrase may start at (the sentence's, or the one after the
        quote the cue follows). A phrase after a preposition or a verb is its object, no speaker.
        """
        doc = self.doc
        i = verb.i - 1
        while i > stop and (doc[i].pos_ == "ADV" or doc[i].dep_ in ("aux", "neg")) and verb.i - i <= 3:
            i -= 1  # "famously responded", "then said", "had said"
        if i > stop and doc[i].is_quote and doc[i - 1].text == ",":
            i -= 1  # 'star of television’s “Scandal,” thanked'
        if i <= stop or doc[i].text != ",":
            return None
        comma = i
        for _ in range(3):
            found = self._noun_phrase_ending(comma - 1, stop)
            if found is not None:
                return found
            # skip one phrase set off by commas: an apposition, a participle, a relative clause
            previous = next((k for k in range(comma - 1, max(stop, comma - 30) - 1, -1) if doc[k].text == ","), None)
            if previous is None or previous <= stop:
                return None
            segment = doc[previous + 1:comma]
            if any(t.text in (":", ";") or (t.dep_ in SUBJECTS and t.lower_ not in ("who", "which", "that")
                                             and not self._inside_quote(t))
                   for t in segment):
                return None  # a clause of its own ("Obama arrived, the crowd cheered, ...")
            comma = previous
        return None

    def _opening_bracket(self, close: int, floor: int, reach: int = 8) -> int | None:
        """The index of the last "(" among the ``reach`` tokens before the ")" at token ``close``, not
        before token ``floor``; None when there is none."""
        return next((k for k in range(close - 1, max(floor, close - reach) - 1, -1) if self.doc[k].text == "("), None)

    def _noun_phrase_ending(self, end: int, stop: int) -> tuple[int, int] | None:
        """(start, end) of a speaker-like noun phrase ending at token ``end`` ("Sen. Richard J.
        Durbin (D-Ill.)", "One attendee"), opening at ``stop``, after a comma or a conjunction."""
        doc = self.doc
        last = end
        if end > stop and doc[end].text == ")":
            opening = self._opening_bracket(end, stop)
            if opening is None:
                return None
            end = opening - 1
        if end < stop or doc[end].pos_ not in ("PROPN", "NOUN") or self._inside_quote(doc[end]) \
                or doc[end].ent_type_ in ("DATE", "TIME") or doc[end].lower_ in _TIME_WORDS:
            return None
        start = end
        while start - 1 >= stop and not self._inside_quote(doc[start - 1]) and (
                doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") or doc[start - 1].tag_ == "POS"
                or doc[start - 1].text == "." and start - 2 >= stop and doc[start - 2].pos_ == "PROPN"):
            start -= 1
        if start > stop and not (doc[start - 1].text == "," or doc[start - 1].pos_ == "CCONJ"
                                 or doc[start - 1].lower_ in _SUBORDINATORS):
            return None  # "gave money to Marco Rubio": an object (but "after Mr. Trump, asked ..., had said")
        if doc[start].idx < self.body[0] or end - start > MAX_SPEAKER_TOKENS:
            return None
        return doc[start].idx, doc[last].idx + len(doc[last])

    def _name_after_as(self, verb: Token) -> Token | None:
        """'As Akhil Amar, professor of constitutional law at Yale, put it, "..."': the name right
        after "as", where the parser hung it elsewhere."""
        marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i]
        if not marks or marks[0].i + 1 >= verb.i or self.doc[marks[0].i + 1].pos_ != "PROPN":
            return None
        run = marks[0].i + 1
        while run + 1 < verb.i and self.doc[run + 1].pos_ == "PROPN":
            run += 1
        return self.doc[run]

    def _checked_subject(self, subject: Token, verb: Token) -> Token | None:
        """The subject the parser gave a cue, unless it is one of the parser's usual mistakes.

        - a dateline ("WASHINGTON -- President Obama, ..., said"): the appositive after it speaks;
        - a time ("said Thursday morning on Fox News"): no one;
        - something after a verb that cannot take its subject after it ("saying that green
          coffee extract was ...", "going on to say that the country ..."): only finite "said
          Flynn" / "says Flynn" can;
        - a word across a dash from its verb ("made public ― Trump boasted").
        """
        text = self.text
        if not any(c.isalnum() for c in subject.text):
            return None  # a dash the parser took for a noun ("made public ― Trump boasted")
        line_start = text.rfind("\n", 0, subject.idx) + 1
        if subject.idx - line_start <= 2 and subject.is_upper and len(subject) > 1 \
                and re.match(r"\s*(?:,[^\n]{0,40})?(?:--|[—–―]|\()", text[subject.idx + len(subject):]):
            appositives = [c for c in subject.children if c.dep_ == "appos" and _plausible_speaker(c)]
            return appositives[0] if appositives else None
        if subject.ent_type_ in ("DATE", "TIME") or subject.lower_ in _TIME_WORDS:
            return None
        if subject.i > verb.i:
            if verb.tag_ not in ("VBD", "VBZ", "VBP") or subject.left_edge.lower_ == "that":
                return None
        low, high = sorted((subject.i, verb.i))
        if sum(t.text in ("―", "—", "--", "–") for t in self.doc[low + 1:high]) % 2:
            return None
        return subject

    # --------------------------------------------------------------- indirect
    def _indirect(self):
        out = []
        seen_contents = set()
        for sent in self.doc.sents:
            if sent.end_char <= self.body[0] or sent.start_char >= self.body[1]:
                continue
            according = self._according_to(sent)
            if according:
                cue, subject = according
                content = self._clause_without(cue.head, cue)
                if content and self._quoted_share(*content) < 0.5:
                    out.append((*content, "indirect", cue, subject, None))
                    seen_contents.add(content)
            for token in sent:
                if not self._is_cue(token) or self._inside_quote(token):
                    continue
                content = self._content_of(token)
                if content is None or content in seen_contents:
                    continue
                if self._quoted_share(*content) > 0.5:
                    continue  # the direct quote already carries it
                seen_contents.add(content)
                subject = self._who(token)
                if subject is None and according:
                    subject = according[1]  # "he was told that ..., according to an official"
                at = subject.idx if isinstance(subject, Token) else subject[0] if subject else None
                if (at is not None and token.idx < at and content[0] <= at < content[1]
                        and self._parenthetical(token) is None) or (
                        subject is None and self._after_quote(token)):
                    continue  # '"The risk," said Edward Leamer, an economist ...': the speaker is no content
                out.append((*content, "indirect", token, subject, None))
        return out

    def _after_quote(self, verb: Token) -> bool:
        """Whether a verb follows a closing quote mark with nothing but a comma between ('"...," said X'):
        what it reports is that quote."""
        ends = [b for a, b in self.quoted if b <= verb.idx]
        return bool(ends) and _only(self.text[max(ends):verb.idx], ",\"'”’")

    def _content_of(self, verb: Token) -> tuple[int, int] | None:
        parenthetical = self._parenthetical(verb)
        if parenthetical is not None:  # the sentence around the cue and its speaker
            resume = parenthetical[1]
            tokens = [t for t in verb.sent if t.i < verb.i - 1 or t.i >= resume]
            return self._trim(self._without_own_report(tokens))
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if clauses:
            tokens = [t for c in clauses for t in c.subtree]
            # "She said fathers would not be eligible, and when pressed, the mother of three
            # replied, ...": a clause joined on with its own speaker and cue is not her content
            cuts = [c.left_edge.i for clause in clauses for c in clause.children if self._own_speech(c)]
            if cuts:
                tokens = [t for t in tokens if t.i < min(cuts)]
            return self._trim(self._without_own_report(tokens))
        if verb.lemma_.lower() in URGE_VERBS:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp"]
            if not xcomps:
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
                    xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "advcl")]
                    objects = [o for o in prep.children if o.dep_ == "pobj"]
                    if xcomps and objects:
                        return self._trim([*objects[0].subtree, *xcomps[0].subtree])
                return None
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            # 'called on Hamas to agree to ...': who is urged is part of what was said
            objects += [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "on" and verb.i < p.i < xcomps[0].i
                        for o in p.children if o.dep_ == "pobj"]
            tokens = [t for o in objects for t in o.subtree] + list(xcomps[0].subtree)
            return self._trim(self._without_own_report(tokens))
        lemma = verb.lemma_.lower()
        # "But to prevent problems, he said, local officials should be vigilant"
        if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            return self._clause_without(verb.head, verb)
        if lemma in INTENT_VERBS:
            xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
            if xcomps:
                return self._trim(list(xcomps[0].subtree))  # "Clinton wants to triple the size ..."
        if lemma in OBJECT_VERBS:
            # "Clinton cited derogatory comments ...", "called half of his supporters deplorables",
            # "has called for the complete repeal of Obamacare"
            objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")]
            if not objects:
                objects = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("for", "to", "on", "as")
                           and any(o.dep_ in ("pobj", "pcomp") for o in p.children)]
            tokens = [t for o in objects for t in o.subtree]
            tokens += [t for c in verb.children if c.dep_ in ("oprd", "xcomp") for t in c.subtree]
            tokens += [t for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for t in p.subtree]
            return self._trim(tokens) if tokens else None
        return None

    def _without_own_report(self, tokens: list[Token]) -> list[Token]:
        """Content up to a reporting participle set off inside it, which reports speech of its own:
        'called on Hamas to agree to an "immediate cease-fire" -- saying a deal is on the table --'
        holds two reports, not one."""
        for token in tokens:
            if token.dep_ == "advcl" and token.tag_ == "VBG" and _lemma(token) in SPEECH_VERBS \
                    and token.i > 0 and self.doc[token.i - 1].text in (",", "--", "—", "–", "-", ";", "(") \
                    and any(c.dep_ == "ccomp" for c in token.children):
                return [t for t in tokens if t.i < token.i - 1]
        return tokens

    def _own_speech(self, clause: Token) -> bool:
        """Whether a clause joined to reported content is a new speaker's cue ("..., and the mother
        replied"), not more of the content ("... and that the footage did not show ...")."""
        lemma = clause.lemma_.lower()
        if clause.dep_ != "conj" or lemma not in SPEECH_VERBS or lemma in WEAK_CUES or lemma in BELIEF_VERBS:
            return False
        if any(c.dep_ == "mark" for c in clause.children):
            return False
        return any(c.dep_ == "nsubj" and _plausible_speaker(c) and c.lower_ not in _THING_PRONOUNS
                   for c in clause.children)

    def _clause_without(self, head: Token, cue: Token) -> tuple[int, int] | None:
        """The clause an "according to" phrase attaches to, without that phrase."""
        clause = head
        while clause.dep_ not in ("ROOT", "ccomp", "conj") and clause.head is not clause:
            clause = clause.head
        exclude = {t.i for t in cue.subtree}
        tokens = [t for t in clause.subtree if t.i not in exclude]
        return self._trim(tokens)

    def _trim(self, tokens: list[Token]) -> tuple[int, int] | None:
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

    def _quoted_share(self, start: int, end: int) -> float:
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in self.quoted)
        return covered / max(1, end - start)

    # ---------------------------------------------------------------- speakers
    def _speaker(self, subject: Token | tuple[int, int] | None, cue: Token | None) -> Speaker | None:
        if subject is None:
            return None
        if isinstance(subject, Token) and subject.lower_ in ("who", "that") and subject.dep_ in ("nsubj", "nsubjpass"):
            # "an academic named Eric Kingson, who is running for Congress and who worked the crowd,
            # praising "..."": the words in the text are "who", the speaker is the one it stands for
            clause = subject.head
            while clause.dep_ == "conj" and clause.head is not clause:
                clause = clause.head
            antecedent = clause.head if clause.dep_ == "relcl" else None
            if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN") and _plausible_speaker(antecedent):
                speaker = self._speaker(antecedent, None)
                if speaker is not None:
                    return Speaker(name=speaker.name, text=subject.text, start=subject.idx, end=subject.idx + len(subject),
                                   anonymous=speaker.anonymous, mention=speaker.mention)
        relative = self.relatives.get(subject.i) if isinstance(subject, Token) else None
        if relative is not None and cue is not None and relative.head.i == cue.i:
            # "..., said Mike Lee, who declared ...": the words in the text are "who", the name is Lee's
            speaker = self._speaker(subject, None)
            return Speaker(name=speaker.name, text=relative.text, start=relative.idx,
                           end=relative.idx + len(relative), anonymous=speaker.anonymous, mention=speaker.mention)
        if isinstance(subject, tuple):
            start, end = subject
            phrase = self.text[start:end]
            inside = [m for m in self.mentions if start <= m.start and m.end <= end]
            people = [m for m in inside if m.label == "PERSON" or m.name.split()[-1] in self.people]
            if people:
                return Speaker(name=people[0].name, text=phrase, start=start, end=end, mention=people[0].start)
            return Speaker(name=phrase, text=phrase, start=start, end=end,
                           anonymous=phrase.lower() in ("another", "one", "others", "some")
                           or any(w.lower().rstrip("s") in PERSON_NOUNS for w in phrase.split()[-1:]))
        word = subject.lower_
        if word in PRONOUN_GENDER or word in PLURAL_PRONOUNS:
            referent = self.resolver.resolve(subject)
            if referent is None:
                return Speaker(name=subject.text, text=subject.text, start=subject.idx,
                               end=subject.idx + len(subject), anonymous=False)
            return Speaker(name=referent.name, text=subject.text, start=subject.idx, end=subject.idx + len(subject),
                           anonymous=referent.anonymous, entity=None, mention=referent.mention)
        if word in ("i", "we", "me", "us", "you"):
            return Speaker(name=subject.text, text=subject.text, start=subject.idx, end=subject.idx + len(subject))
        tokens = self._phrase(subject)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        phrase = self.doc[tokens[0].i:tokens[-1].i + 1].text
        mention = self._named(start, end, subject)
        if mention is None and len(tokens) == 1 and subject.text in self.person_named:
            mention = self.person_named[subject.text]  # a surname spaCy did not tag this time ("Early described")
        if mention is None and not self._inside_quote(subject) and subject.tag_ not in ("NNS", "NNPS"):
            # "Trump’s Indiana chairman, Rex Early, a former state party chairman ..., said": the person
            # named in apposition
            for child in subject.children:
                if child.dep_ == "appos" and child.i > subject.i and not any(c.dep_ == "conj" for c in child.children):
                    named = self._named(child.left_edge.idx, child.idx + len(child), child)
                    if named is not None and named.label == "PERSON":
                        mention = named
                        break
        if mention is not None:
            return Speaker(name=mention.name, text=phrase, start=start, end=end, mention=mention.start)
        # Unnamed: anonymous when it describes people ("an official familiar", "sources"),
        # not when it is a document or an office ("a readout", "the vice president's office").
        nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i <= subject.i]
        anonymous = subject.lemma_.lower() in PERSON_NOUNS or (
            subject.pos_ != "NOUN" and any(t.lemma_.lower() in PERSON_NOUNS for t in nouns))
        if subject.pos_ == "PROPN" and subject.text[:1].isupper() and subject.i > subject.sent.start \
                and any(t.text[:1].isupper() for t in tokens[:-1] if t.pos_ == "PROPN"):
            anonymous = False  # a name of a paper or a body: "The New Hampshire Union Leader said"
        if anonymous and any(c.dep_ == "appos" and any(t.ent_type_ == "PERSON" for t in c.subtree)
                             for c in subject.children):
            anonymous = False  # named in apposition: "Two military analysts, Patrick Megahan and Chris Harman,"
        return Speaker(name=phrase, text=phrase, start=start, end=end, anonymous=anonymous)

    def _phrase(self, head: Token) -> list[Token]:
        """The speaker's noun phrase, without relative clauses or appositives after a comma."""
        tokens = []
        # (nor the relative clause that is the cue: 'a marketing video that said, "..."' is said by "a
        # marketing video"; but "a speech that Mrs. Clinton gave" keeps who gave it)
        clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") and c.i > head.i
                   and _lemma(c) in SPEECH_VERBS for t in c.subtree}
        for token in self.doc[head.left_edge.i:head.right_edge.i + 1]:
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

    def _named(self, start: int, end: int, head: Token) -> Mention | None:
        """The named entity a speaker phrase stands for: a person in it, or the phrase's own head."""
        # Only the entity the phrase is about, not one in a modifier ("Netanyahu's office",
        # "top Biden administration officials").
        heads = [m for m in self.mentions if start <= m.start and m.end <= end and m.start <= head.idx < m.end]
        return heads[0] if heads else None
