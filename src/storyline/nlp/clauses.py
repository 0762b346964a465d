"""Claims: the clauses of each sentence, the unit in which sources are compared.

A sentence often carries several facts ("When Gantz met Harris on Monday, he was told Israel
must do more, according to an official"). Each verb that heads a clause of its own (the
root, and adverbial, relative, complement, coordinated and paratactic clauses) becomes one
claim: its words without the clauses split off from it. A relative clause keeps the noun it
describes ("his trip, which was not authorized by ...").
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan, Token

from ..types import Span

SPLIT_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "parataxis"})
# A clause needs this many words to state anything ("Officials say" does not).
MIN_CLAUSE_WORDS = 4


def sentence_clauses(sent: SpacySpan, start: int, end: int) -> list[Span]:
    """The claims of one sentence, as character spans within ``start``..``end``."""
    heads = [sent.root] + [t for t in sent if t.dep_ in SPLIT_DEPS and t.pos_ in ("VERB", "AUX") and t != sent.root
                           and _states_on_its_own(t)]
    if len(heads) == 1:
        return [Span(start, end)]
    head_ids = {h.i for h in heads}
    out = []
    for head in heads:
        tokens = _own_tokens(head, head_ids)
        if head.dep_ == "relcl" and head.head.pos_ in ("NOUN", "PROPN"):
            noun = head.head
            tokens |= {t.i for t in sent.doc[noun.left_edge.i:noun.i + 1]}
        words = _run_with(sorted(tokens), head, sent.doc)
        words = _trim(words)
        if sum(1 for w in words if w.is_alpha) < MIN_CLAUSE_WORDS:
            continue
        a = max(words[0].idx, start)
        b = min(words[-1].idx + len(words[-1]), end)
        if a < b:
            out.append(Span(a, b))
    return out or [Span(start, end)]


def _run_with(ids: list[int], head: Token, doc) -> list[Token]:
    """The unbroken stretch of a clause's tokens around its head.

    Splitting off an inner clause can leave a clause in pieces ("... was not sanctioned by the
    Israeli government, [meaning he was not accompanied ...], according to an official"); a
    claim is one stretch of text, so it ends with the piece that holds its head; the pieces before
    it (a subject with a clause inside it) stay. Gaps of punctuation alone do not break a stretch.
    """
    runs: list[list[int]] = [[ids[0]]]
    for i in ids[1:]:
        gap = doc[runs[-1][-1] + 1:i]
        if all(t.is_punct or t.is_space for t in gap):
            runs[-1].append(i)
        else:
            runs.append([i])
    at = next((n for n, r in enumerate(runs) if r[0] <= head.i <= r[-1]), None)
    if at is None:
        return [doc[i] for i in ids]
    # what comes before the head (its subject, with an inner clause in it) stays; pieces after a gap go
    return [doc[i] for r in runs[:at + 1] for i in r]


def _states_on_its_own(head: Token) -> bool:
    """A clause with a subject of its own (or a relative one) states a fact by itself; a
    purpose infinitive ("to reach the people of Gaza") or a bare coordinated verb phrase does not."""
    if head.dep_ == "relcl":
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
        return True
    if head.dep_ == "conj":  # "They yelled and wept", "officials approved and delivered six visas"
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _own_tokens(head: Token, head_ids: set[int]) -> set[int]:
    """A clause head's subtree without the clauses split off below it."""
    own = set()
    stack = [head]
    while stack:
        token = stack.pop()
        own.add(token.i)
        for child in token.children:
            if child.i not in head_ids:
                stack.append(child)
    return own


def _trim(words: list[Token]) -> list[Token]:
    while words and (words[0].is_punct or words[0].is_space or words[0].dep_ in ("cc", "mark", "prep")
                     and words[0].lower_ in ("and", "but", "or", "that", "while", "although", "as")):
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words = words[:-1]
    return words
