"""Resolve third-person pronouns to the people an article has named or described.

A small, deterministic resolver for the pronouns that matter to attribution ("he said",
"she called on"). Candidates are the people named before the pronoun (spaCy PERSON
mentions, and names spaCy labelled otherwise that the article also gives as a person),
and unnamed people ("an Israeli official"). The nearest sentences come first, subjects
before other positions, later before earlier; a candidate of the other gender is skipped.

Gender is read from the article itself, never from a list of first names: honorifics
(Mr., Ms.), gendered role words ("spokeswoman", "his wife"), and a gendered pronoun that
refers back to the subject of its own clause.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..types import Mention
from ..vocabulary import FEMALE, MALE, MIN_SENTENCE_WORDS, PLURAL_PRONOUNS, PRONOUN_GENDER
from .first_names import first_name_gender

GENDERED_WORDS = {
    "mr": MALE, "mr.": MALE, "sir": MALE, "spokesman": MALE, "congressman": MALE, "chairman": MALE,
    "businessman": MALE, "husband": MALE, "father": MALE, "son": MALE, "brother": MALE, "king": MALE,
    "prince": MALE, "actor": MALE, "uncle": MALE, "nephew": MALE, "grandfather": MALE, "boy": MALE, "man": MALE,
    "mrs": FEMALE, "mrs.": FEMALE, "ms": FEMALE, "ms.": FEMALE, "miss": FEMALE, "madam": FEMALE,
    "dame": FEMALE, "spokeswoman": FEMALE, "congresswoman": FEMALE, "chairwoman": FEMALE,
    "businesswoman": FEMALE, "wife": FEMALE, "mother": FEMALE, "daughter": FEMALE, "sister": FEMALE,
    "queen": FEMALE, "princess": FEMALE, "actress": FEMALE, "aunt": FEMALE, "niece": FEMALE,
    "grandmother": FEMALE, "girl": FEMALE, "woman": FEMALE, "lady": FEMALE,
}
# Head nouns of descriptions that stand for an unnamed person or group of people.
PERSON_NOUNS = frozenset("""
official source person people aide adviser advisor diplomat officer insider staffer staff spokesman
spokeswoman spokesperson member lawmaker legislator someone somebody witness analyst expert observer
strategist operative ally associate confidant confidante friend employee worker executive negotiator
envoy representative individual critic supporter resident activist investigator agent authority
authorities officials sources aides advisers advisors diplomats officers insiders staffers members
lawmakers legislators witnesses analysts experts observers strategists operatives allies associates
friends employees workers executives negotiators envoys representatives individuals critics
supporters residents activists investigators agents leader leaders minister ministers counterpart
counterparts colleague colleagues partner partners participant participants attendee attendees
relative relatives neighbour neighbours neighbor neighbors bystander bystanders eyewitness eyewitnesses
classmate classmates acquaintance acquaintances passer-by passerby
""".split())
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# How many sentences back a pronoun may reach for its antecedent.
MAX_SENTENCES_BACK = 3
# How many pronouns back a pronoun with no antecedent in reach may follow a chain ("he ... he ... he").
MAX_HOPS = 3


@dataclass(frozen=True, slots=True)
class Referent:
    """Someone a pronoun may refer to."""

    start: int
    end: int
    name: str
    sentence: int
    subject: bool
    plural: bool
    anonymous: bool
    mention: int | None  # start of the named-entity mention, for linking to the cast
    key: str  # the person's surname (named) or description (unnamed)
    # one of a list of three or more names ("They are Yolanda Fyfe , Roseanne D'Cola and Rita Gigante , and
    # Salvatore and Andrew"): no one the next sentence goes on about by a pronoun
    listed: bool = False


class Resolver:
    """Pronoun resolution over one parsed article."""

    def __init__(self, doc: Doc, mentions: tuple[Mention, ...], sentence_of: list[int],
                 quoted: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.sentence_of = sentence_of
        # Someone named inside a quote is the speaker's subject, not an antecedent outside it.
        self.referents = [r for r in _referents(doc, mentions, sentence_of)
                          if not any(a <= r.start < b for a, b in quoted)]
        self.gender = _genders(doc, self.referents, mentions, sentence_of, quoted)
        self.quoted = list(quoted)
        self._cache: dict[int, Referent | None] = {}
        # Sentences inside a quotation name no one a pronoun outside it can refer to, so they do
        # not count toward the reach: '"How many times ...?" Clinton said. "In Tulsa, ... This is
        # just unbearable. And it needs to be intolerable." / "Maybe I can ...," she continued.'
        outside: set[int] = set()
        spans, k = sorted(self.quoted), 0  # one walk over the tokens and the (ordered) quotes together
        for t in doc:
            while k < len(spans) and spans[k][1] <= t.idx:
                k += 1
            if sentence_of[t.i] >= 0 and not (t.is_punct or t.is_space) \
                    and not (k < len(spans) and spans[k][0] <= t.idx):
                outside.add(sentence_of[t.i])
        self.uncounted = {n for n in set(sentence_of) if n >= 0} - outside
        # Nor do fragments the sentence splitter cut off a name or an abbreviation, which tell of no one: "S ." of
        # "the U . S . Medical Center" as ECB+ tokenises it (26_7ecbplus, where "He was 77 ." lost Gigante).
        words: Counter = Counter(sentence_of[t.i] for t in doc if t.is_alpha and len(t) > 1)
        self.uncounted |= {n for n in set(sentence_of) if n >= 0 and words[n] < MIN_SENTENCE_WORDS}

    def _reach(self, sentence: int) -> list[int]:
        """The sentences a pronoun in ``sentence`` may look back to, nearest first."""
        out, counted, n = [sentence], 0, sentence - 1
        while n >= 0 and counted < MAX_SENTENCES_BACK:
            out.append(n)
            if n not in self.uncounted:
                counted += 1
            n -= 1
        return out

    def resolve(self, token: Token, hops: int | None = None, said: tuple[int, int] | None = None) -> Referent | None:
        """The referent of a third-person pronoun token, or None.

        With no one to refer to within :data:`MAX_SENTENCES_BACK` sentences, a pronoun refers to
        whoever the nearest same pronoun before it (outside quotes, within that reach) refers to:
        "Kerry said ... He denied ... But he acknowledged ... ''That,'' he said, ..." (at most
        ``hops`` such steps).

        With ``said`` (the span of what a pronoun speaker is reported to say), no one named in it is the
        speaker: in "Jackson was on probation for a previous DUI arrest , he said ." (ECB+ 35_4ecb), "he" is
        the officer who spoke before, as a writer who meant Jackson would have written "Jackson said".
        """
        if said is None and token.i in self._cache:
            return self._cache[token.i]
        best = self._resolve(token, said)
        hops = MAX_HOPS if hops is None else hops
        if best is None and hops > 0:
            earlier = self._earlier_pronoun(token)
            if earlier is not None:
                best = self.resolve(earlier, hops - 1)
        if said is None:
            self._cache[token.i] = best
        return best

    def _earlier_pronoun(self, token: Token) -> Token | None:
        """The nearest earlier pronoun of the same gender and number, outside quotes, within reach."""
        word = token.lower_
        same = ({w for w, g in PRONOUN_GENDER.items() if g == PRONOUN_GENDER[word]} if word in PRONOUN_GENDER
                else PLURAL_PRONOUNS if word in PLURAL_PRONOUNS else set())
        sentence = self.sentence_of[token.i]
        if sentence < 0:
            return None
        first = self._reach(sentence)[-1]
        for earlier in reversed(self.doc[:token.i]):
            if self.sentence_of[earlier.i] < first:
                return None
            if earlier.lower_ in same and not any(a <= earlier.idx < b for a, b in self.quoted):
                return earlier
        return None

    def _frames(self, referent: Referent) -> bool:
        """Whether a referent is the subject of a speech verb that closes its sentence after what it reports
        ("..., her agent said ."): who reports it, not what it is about."""
        from .quotes.lexicon import SPEECH_VERBS

        span = self.doc.char_span(referent.start, referent.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
            return False
        verb = span.root.head
        return verb.lemma_.lower() in SPEECH_VERBS and any(
            c.dep_ == "ccomp" and c.i < verb.i for c in verb.children)

    def _speaks(self, token: Token) -> bool:
        """Whether a pronoun is the subject of a speech verb ("he said", "she added")."""
        from .quotes.lexicon import SPEECH_VERBS

        return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in SPEECH_VERBS

    def _fits(self, referent: Referent, gender: str | None) -> bool:
        """Whether a candidate is known to be of the pronoun's gender: among subjects of one sentence, before one of
        unknown gender ("Hillary Clinton says Trump's “latest twitter meltdown is unhinged.” She says ...": she
        is Clinton, known as a woman by her first name, not the later Trump, of no gender the article gives;
        PolNeAR dev)."""
        return gender is not None and self.gender.get(referent.key) == gender

    def _resolve(self, token: Token, said: tuple[int, int] | None = None) -> Referent | None:
        word = token.lower_
        plural = word in PLURAL_PRONOUNS
        gender = PRONOUN_GENDER.get(word)
        if gender is None and not plural:
            return None
        sentence = self.sentence_of[token.i]
        best = None
        for earlier in self._reach(sentence):
            candidates = [r for r in self.referents if r.sentence == earlier and r.start < token.idx
                          and r.plural == plural and not (r.start <= token.idx < r.end)
                          and not (said is not None and said[0] <= r.start < said[1])]
            if gender:
                candidates = [r for r in candidates if self.gender.get(r.key) in (None, gender)]
            # In the pronoun's own sentence a subject after it cannot be its antecedent,
            # and the subject of its own clause can ("Gantz said he ...").
            if earlier != sentence:
                # (a name in a list of three or more, in a sentence before, is no one a pronoun goes on about:
                # "They are ... , and Salvatore and Andrew . In 1969 , he was indicted", ECB+ 26_1ecbplus)
                candidates = [r for r in candidates if not r.listed]
            if earlier != sentence and not self._speaks(token):
                # one who only reports the sentence ("Bettie Page ... has died , her agent said .") is not what the
                # next sentence goes on about ("She was 85 .", ECB+ 4_1ecb), unless that one speaks ("He added")
                candidates.sort(key=lambda r: (r.subject, not self._frames(r), self._fits(r, gender), r.start),
                                reverse=True)
            else:
                candidates.sort(key=lambda r: (r.subject, self._fits(r, gender), r.start), reverse=True)
            if candidates:
                best = candidates[0]
                break
        if best is not None and best.mention is None and best.name.lower() in PRONOUN_GENDER:
            best = None
        return best


def people_by_surname(mentions: tuple[Mention, ...]) -> dict[str, Mention]:
    """Each person's surname and their first mention (spaCy PERSON mentions only)."""
    people: dict[str, Mention] = {}
    for m in mentions:
        if m.label == "PERSON":
            people.setdefault(m.name.split()[-1], m)
    return people


def _referents(doc: Doc, mentions: tuple[Mention, ...], sentence_of: list[int]) -> list[Referent]:
    people = people_by_surname(mentions)
    out = []
    for m in mentions:
        surname = m.name.split()[-1]
        if m.label != "PERSON" and surname not in people:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or m.sentence < 0:
            continue
        listed = sum(t.pos_ == "PROPN" for t in span.root.conjuncts) >= 2
        out.append(Referent(m.start, m.end, m.name, m.sentence, span.root.dep_ in SUBJECT_DEPS, False, False,
                            m.start, surname, listed))
    # A person's surname spaCy did not tag this time ("Oz’s dubious medical advice earned him ...").
    spans = [(m.start, m.end) for m in mentions]
    for token in doc:
        person = people.get(token.text)
        if person is None or token.pos_ != "PROPN" or sentence_of[token.i] < 0 \
                or any(a <= token.idx < b for a, b in spans):
            continue
        out.append(Referent(token.idx, token.idx + len(token), person.name, sentence_of[token.i],
                            token.dep_ in SUBJECT_DEPS, False, False, person.start, token.text))
    # A name given an age is a person's, whatever the recogniser took it for ("25-year-old Guzel said", tagged an
    # organisation, ECB+ 11_2ecb)
    spans = [(r.start, r.end) for r in out]
    for token in doc:
        if token.pos_ != "PROPN" or sentence_of[token.i] < 0 or any(a <= token.idx < b for a, b in spans) or \
                not any(c.dep_ == "amod" and c.lower_ == "old" for c in token.children):
            continue
        mention = next((m for m in mentions if m.start <= token.idx < m.end), None)
        out.append(Referent(token.idx, token.idx + len(token), token.text, sentence_of[token.i],
                            token.dep_ in SUBJECT_DEPS, False, False, mention.start if mention else None, token.text))
    named = {(r.start, r.end) for r in out}
    for token in doc:
        if token.lemma_.lower() not in PERSON_NOUNS or token.pos_ != "NOUN" or sentence_of[token.i] < 0:
            continue
        if token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # a modifier, not a person: "the entire 11 million-person undocumented population"
        if any(t.ent_type_ == "PERSON" and "poss" not in (t.dep_, t.head.dep_) for t in token.subtree):
            continue  # a name, not a description ("Timmons ' best friend" is one: someone else, ECB+ 33_2ecb)
        if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
            continue  # "Danny McPherson , chief security officer with Arbor Networks": the named person (ECB+ 30_2ecb)
        left = token.left_edge.idx
        if any(a <= left < b for a, b in named):
            continue
        plural = token.tag_ in ("NNS", "NNPS")
        text = doc[token.left_edge.i:token.i + 1].text
        out.append(Referent(left, token.idx + len(token), text, sentence_of[token.i],
                            token.dep_ in SUBJECT_DEPS, plural, True, None, text.lower()))
    out.sort(key=lambda r: r.start)
    return out


def _genders(doc: Doc, referents: list[Referent], mentions: tuple[Mention, ...],
             sentence_of: list[int], quoted: list[tuple[int, int]] = ()) -> dict[str, str]:
    """Gender of each named person (by surname), from what the article says of them and their first name
    (:mod:`.first_names`)."""
    votes: dict[str, Counter] = {}
    for m in mentions:
        key = m.name.split()[-1]
        if m.label == "PERSON" and (given := first_name_gender(m.name)) is not None:
            votes.setdefault(key, Counter())[given] += 1  # "Mark Roesler": one vote, which the text may outweigh
        for role in m.roles:
            for word in role.text.lower().split():
                if word in GENDERED_WORDS:
                    votes.setdefault(key, Counter())[GENDERED_WORDS[word]] += 1
        before = doc.char_span(m.start, m.end, alignment_mode="expand")
        if before is not None and before.start > 0:
            word = doc[before.start - 1].lower_
            if word in GENDERED_WORDS:
                votes.setdefault(key, Counter())[GENDERED_WORDS[word]] += 2
    # A gendered pronoun in the same sentence as exactly one named subject refers to it
    # far more often than not ("Harris expressed concern during her conversation").
    surnames = {r.key for r in referents if r.mention is not None}
    by_sentence: dict[int, list[Referent]] = {}
    for r in referents:
        if r.mention is not None:
            by_sentence.setdefault(r.sentence, []).append(r)
    # Only where no one else is named in the sentence, and not from "him", which in its own
    # clause refers to someone other than the subject ("Warren told Stumpf, after he admitted").
    # (nor from a pronoun inside a quote, which speaks of someone the speaker means: '"... the way she
    # shouted that message was not," and with that Trump broke off')
    for token in doc:
        gender = PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.lower_ == "him" or any(a <= token.idx < b for a, b in quoted):
            continue
        people = by_sentence.get(sentence_of[token.i], [])
        before = [r for r in people if r.start < token.idx]
        subjects = [r for r in before if r.subject]
        if len({r.key for r in people}) == 1 and subjects:
            sent = doc[token.i].sent
            if any((t.ent_type_ == "PERSON" or t.text in surnames) and t.text != subjects[0].key
                   and t.text not in subjects[0].name for t in sent):
                continue  # another person spaCy found but no mention kept ("Wells Fargo CEO John Stumpf")
            votes.setdefault(subjects[0].key, Counter())[gender] += 1
    return {key: count.most_common(1)[0][0] for key, count in votes.items()
            if len(count) == 1 or count.most_common(2)[0][1] > count.most_common(2)[1][1]}


class Pronouns:
    """Whom a pronoun stands for, for the figures that belong to a person ("He faces up to 75 years", "He was
    75 .", "after he slipped and fell") and the actions a date tells of ("In 1970 , he was indicted"): the
    article's coreference (:class:`Resolver`), built once an article, and only when something asks."""

    def __init__(self, doc: Doc, sentence_of: Sequence[int], mentions: Sequence[Mention]) -> None:
        self.doc, self.sentence_of, self.mentions = doc, sentence_of, tuple(mentions)
        self._resolver = None

    def referent(self, pronoun: Token):
        """The :class:`Referent` a pronoun stands for, or None (always None with no names to stand for)."""
        if not self.mentions:
            return None
        if self._resolver is None:
            self._resolver = Resolver(self.doc, self.mentions, list(self.sentence_of))
        return self._resolver.resolve(pronoun)
