"""The words the quote reader knows: verbs and nouns of speech, and the closed sets its rules test.

Every word list the rules of :mod:`storyline.nlp.quotes` look words up in lives here, with the tests
that read a token against them (:func:`lemma`, :func:`is_cue`, :func:`plausible_speaker`). Pronoun
sets come from :mod:`storyline.nlp.coref`, which resolves them.
"""

from __future__ import annotations

from spacy.tokens import Token

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
laugh sigh concur elaborate proclaim boom grouse thunder intone react command commend
""".split())
# Phrasal verbs of speech, read as one lemma by :func:`lemma` ('"...," he went on', 'Trump shot back').
PHRASAL_SPEECH = frozenset({("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"),
                            ("chime", "in"), ("weigh", "in"), ("pipe", "up"), ("point", "out"),
                            ("push", "back")})
SPEECH_VERBS = SPEECH_VERBS | {f"{verb} {particle}" for verb, particle in PHRASAL_SPEECH}
_PHRASAL_HEADS = frozenset(verb for verb, _ in PHRASAL_SPEECH)

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
# Verbs of a stated position, a cue whatever their complement ("Obama believes ...", "supports ...").
_STANCE_VERBS = BELIEF_VERBS | OBJECT_VERBS | INTENT_VERBS
# Verbs of speech that news sets, inverted, between commas inside what was said.
INVERTING_VERBS = frozenset({"say", "add", "write", "note", "explain", "argue", "contend", "insist", "warn"})
# Cues looked for beside a quote (:func:`cues.nearest_verb`), and after it (:func:`cues.inverted_tail`).
BESIDE_CUES = SPEECH_VERBS | {"put"}
TAIL_CUES = SPEECH_VERBS | INVERTED_ONLY
TAIL_WEAK = WEAK_CUES - {"read"}

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Parts of speech that can be no one's name, whatever dependency the parser gave them.
FUNCTION_TAGS = frozenset({"ADP", "ADV", "ADJ", "PUNCT", "SCONJ", "CCONJ", "DET", "PART"})
# Words that name an unnamed person or group as a speaker ("tweeted another", "some say").
SOME_ONE = ("another", "one", "others")
SOME_PEOPLE = ("another", "one", "others", "some")
TIME_WORDS = frozenset("""
morning afternoon evening night today tonight yesterday tomorrow week weekend month year
monday tuesday wednesday thursday friday saturday sunday
""".split())
# Nouns of recorded speech: 'footage of Trump saying, “...”'.
RECORDINGS = frozenset({"footage", "video", "clip", "audio", "recording", "tape", "image", "images", "photo"})
# Conjunctions after which a speaker's noun phrase may open ("after Mr. Trump, asked ..., had said").
SUBORDINATORS = frozenset({"after", "before", "when", "while", "as", "because", "since", "although", "though",
                           "if", "once", "until", "whereas"})
# Conjunctions that open a clause of time ("after the senator won his primary").
TIME_MARKS = frozenset({"after", "before", "when", "while", "once", "since", "until"})
# Dashes as tokens.
DASHES = ("―", "—", "--", "–")
# Titles written abbreviated before a name, whose full stop the parser may take for a sentence's end
# ("Const. Fanning said", "Troy police Lt . Gerry Scherlinck": ECB+ and Canadian and US police news).
ABBREVIATED_TITLES = frozenset("""const cst lt sgt cpl capt det insp supt cmdr col maj gen adm gov sen rep
atty pres amb sec dr prof rev""".split())


def abbreviated_title(token: Token) -> bool:
    """Whether a token is a title written abbreviated before a name ("Lt", "Const."), its full stop
    split off or not."""
    return token.lower_.rstrip(".") in ABBREVIATED_TITLES and token.text[:1].isupper()
# Words a title follows: 'broadcast of "Fox News Sunday"', 'on "Face the Nation"', 'his book, "..."'.
TITLE_CONTEXT = frozenset(
    "of on in show program programme book books film movie documentary song anthem album series episode "
    "broadcast column headline article essay play novel memoir poem podcast newsletter forum hymn titled "
    "entitled called dubbed".split())
# Labels that head a headline without being anyone ("Exclusive: ...", "Watch: ...").
NOT_A_SPEAKER = frozenset("""exclusive watch breaking update updated analysis opinion editorial live video
videos photos photo audio listen read commentary review quiz explainer factbox timeline correction sponsored
podcast report reports special""".split())


def lemma(token: Token) -> str:
    """A verb's lemma, with its particle when the two say something together ("shoot back")."""
    word = token.lemma_.lower()
    if word not in _PHRASAL_HEADS:
        return word
    for child in token.children:
        if (child.dep_ == "prt" or child.dep_ == "advmod" and child.i == token.i + 1) \
                and (word, child.lower_) in PHRASAL_SPEECH:
            return f"{word} {child.lower_}"
    return word


def is_cue(token: Token) -> bool:
    """Whether a token is a verb that reports speech or a stated position.

    A verb of belief, stance or intent always is ("Obama believes", "supports", "wants to"); so are
    "made clear" and "put it"; a verb of speech is, save "I quote" and a "call" with no complement.
    """
    word = token.lemma_.lower()
    if word in _STANCE_VERBS and token.pos_ == "VERB":
        return True
    if word == "make" and any(c.lower_ == "clear" for c in token.children):
        return True  # "Harris made clear that ..."
    if word == "put" and any(c.lower_ == "it" and c.dep_ == "dobj" for c in token.children):
        return True  # "as The New Yorker put it, ..."
    if lemma(token) not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    if word == "quote" and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in token.children) \
            and not any(c.dep_ == "dobj" for c in token.children):
        return False  # 'Trump said, and I quote, "..."': the writer quoting, not speaking
    if word == "call" and not any(c.dep_ in ("dobj", "prep", "oprd", "xcomp", "ccomp") for c in token.children):
        return False
    return True


def plausible_speaker(token: Token) -> bool:
    """A subject that can be a speaker: a noun or pronoun whose phrase holds no verb of its own.

    Parse errors put clauses and adjectives in subject position ("her right foot was",
    "... made public ― Trump boasted"); those are no speakers.
    """
    if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X"):
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.i < token.i for t in token.subtree)
