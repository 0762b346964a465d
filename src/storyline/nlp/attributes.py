"""The English pipeline's attribute ruler, applied with lookups instead of spaCy's general Matcher.

``en_core_web_sm``'s ``attribute_ruler`` maps each tagged token to its coarse part of speech and
morphology, with a few exceptions by word and dependency ("n't" is PART, "gonna" is lemmatised "go to").
It holds 179 rules, and spaCy runs them through its general token Matcher, which tries every rule at every
token: 18.9 ms of a PolNeAR article's 147 ms parse on this machine, more than the tagger and the parser's
own tagging layer together (measured 2026-12-07, 60 PolNeAR train articles, process time, one core).

:class:`FastAttributeRuler` applies the same rules, read from the loaded ruler, with the same result, in
1.4 ms an article instead of 18.9: each rule is filed under one of the words or tags a token must have for it to
match, so a token is checked against its few candidate rules only, and the rules a token's attributes
select are remembered. It handles the kinds of rule the model's ruler holds (fixed-length patterns of
exact values, ``IN``, ``NOT_IN`` and ``REGEX``, on ``ORTH``, ``LOWER``, ``NORM``, ``TAG``, ``DEP`` and
``IS_SPACE``); a ruler with any other kind (another model's, a user's) is kept as it is
(:func:`speed_up`). The rules are applied in spaCy's order: matches are found on the tokens as they come
in, then each rule's attributes are set in the order the rules were added, so a later rule wins.
``tests/nlp/test_attributes.py`` checks every token attribute against spaCy's own ruler on real articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FastAttributeRuler", "speed_up"]

# The token attributes a rule may test, by the name a pattern uses, with the id doc.to_array reads.
_ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
# The string-valued ones, by which a rule can be filed (a token's value picks its candidate rules).
_FILED = ("TAG", "LOWER", "ORTH", "NORM", "DEP")
_COLUMNS = tuple(_ATTRS)
_COLUMN_IDS = list(_ATTRS.values())
# The token rows whose rules a ruler remembers, at most: past it, it forgets them all and starts again
# (a row is about 0.3 KB, so this bounds the memory at about 30 MB in a long ingest).
MAX_REMEMBERED = 100_000


@dataclass(frozen=True, slots=True)
class _Test:
    """One condition on one attribute of a token: equal to a value, in or not in a set, or a regex."""

    column: int  # the attribute's column in the token table
    kind: str  # "eq", "in", "not_in" or "regex"
    values: frozenset[int] = frozenset()  # the values' string ids (for eq, one)
    regex: re.Pattern | None = None


@dataclass(frozen=True, slots=True)
class _Rule:
    """One pattern of one of the ruler's rules: the tests of each of its tokens, the rule's place in the
    ruler's order, and the token of the match that gets the rule's attributes."""

    order: int
    tokens: tuple[tuple[_Test, ...], ...]
    target: int  # index into the matched tokens, from the start


class _Unsupported(Exception):
    """A pattern this ruler cannot apply itself."""


def _test(name: str, spec, strings) -> _Test:
    if name not in _ATTRS:
        raise _Unsupported(name)
    column = _COLUMNS.index(name)
    if isinstance(spec, bool):
        return _Test(column, "eq", frozenset({int(spec)}))
    if isinstance(spec, str):
        return _Test(column, "eq", frozenset({strings[spec]}))
    if not isinstance(spec, dict) or len(spec) != 1 or name == "IS_SPACE":
        raise _Unsupported(repr(spec))
    (operator, value), = spec.items()
    if operator in ("IN", "NOT_IN") and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return _Test(column, operator.lower(), frozenset(strings[v] for v in value))
    if operator == "REGEX" and isinstance(value, str):
        return _Test(column, "regex", regex=re.compile(value))
    raise _Unsupported(repr(spec))


class FastAttributeRuler:
    """A spaCy pipeline component that does what ``ruler`` (an AttributeRuler) does (see the module doc).

    Raises:
        ValueError: from the constructor, when the ruler holds a kind of rule this class does not apply.
    """

    def __init__(self, ruler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.attrs = list(ruler.attrs)  # each rule's attributes, normalised by spaCy, in the rules' order
        rules: list[_Rule] = []
        try:
            for order, entry in enumerate(ruler.patterns):
                for pattern in entry["patterns"]:
                    if not pattern or not all(isinstance(token, dict) for token in pattern):
                        raise _Unsupported(repr(pattern))
                    tokens = tuple(tuple(_test(name, spec, strings) for name, spec in token.items())
                                   for token in pattern)
                    index = entry.get("index", 0)
                    target = index if index >= 0 else len(pattern) + index
                    if not 0 <= target < len(pattern):
                        raise _Unsupported(f"index {index}")
                    rules.append(_Rule(order, tokens, target))
        except _Unsupported as exc:
            raise ValueError(f"a rule of the attribute ruler this ruler does not apply: {exc}") from None
        if len(self.attrs) != len(ruler.patterns):
            raise ValueError("the ruler's rules and attributes do not line up")
        # Each rule filed under the first string attribute its first token must have one of a few values of
        # ("TAG": "VBZ", "LOWER" in {"is", "'s"}); rules with no such test are tried at every token.
        self.filed: dict[tuple[int, int], list[_Rule]] = {}
        self.everywhere: list[_Rule] = []
        for rule in rules:
            test = next((t for name in _FILED for t in rule.tokens[0]
                         if t.column == _COLUMNS.index(name) and t.kind in ("eq", "in")), None)
            if test is None:
                self.everywhere.append(rule)
                continue
            for value in test.values:
                self.filed.setdefault((test.column, value), []).append(rule)
        self.filed_columns = sorted({column for column, _ in self.filed})
        # by a row of the token table: the orders of the one-token rules that match a token with that row, and
        # the longer rules whose first token it matches (their other tokens are checked where it occurs)
        self.by_row: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[_Rule, ...]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if len(self.by_row) > MAX_REMEMBERED:
            self.by_row.clear()
        table = [tuple(row) for row in doc.to_array(_COLUMN_IDS).tolist()]
        chosen: dict[int, list[int]] = {}  # token -> the orders of the rules that set its attributes
        for i, row in enumerate(table):
            selected = self.by_row.get(row)
            if selected is None:
                selected = self.by_row[row] = self._select(row)
            singles, longer = selected
            if singles:
                chosen.setdefault(i, []).extend(singles)
            for rule in longer:
                if self._rest_holds(rule, table, i):
                    chosen.setdefault(i + rule.target, []).append(rule.order)
        merged: dict[tuple[int, ...], dict] = {}
        for i, orders in chosen.items():
            key = tuple(sorted(set(orders)))
            attrs = merged.get(key)
            if attrs is None:  # later rules win, attribute by attribute (spaCy sets each one on its own)
                attrs = merged[key] = {}
                for order in key:
                    attrs.update(self.attrs[order])
            set_token_attrs(doc[i], attrs)
        return doc

    def _select(self, row: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[_Rule, ...]]:
        candidates = [rule for column in self.filed_columns for rule in self.filed.get((column, row[column]), ())]
        candidates += self.everywhere
        singles = sorted({rule.order for rule in candidates if len(rule.tokens) == 1
                          and self._token_holds(rule.tokens[0], row)})
        longer = tuple(rule for rule in candidates if len(rule.tokens) > 1 and self._token_holds(rule.tokens[0], row))
        return tuple(singles), longer

    def _rest_holds(self, rule: _Rule, table: list[tuple[int, ...]], start: int) -> bool:
        if start + len(rule.tokens) > len(table):
            return False
        return all(self._token_holds(tests, table[start + offset])
                   for offset, tests in enumerate(rule.tokens) if offset)

    def _token_holds(self, tests: tuple[_Test, ...], row: tuple[int, ...]) -> bool:
        for test in tests:
            value = row[test.column]
            if test.kind == "eq" or test.kind == "in":
                if value not in test.values:
                    return False
            elif test.kind == "not_in":
                if value in test.values:
                    return False
            elif not test.regex.search(self.strings[value]):
                return False
        return True


def speed_up(nlp: Language) -> Language:
    """Replace ``nlp``'s ``attribute_ruler`` by a :class:`FastAttributeRuler` of the same rules, under the
    same name and in the same place, where it can apply them all; otherwise leave the pipeline as it is."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        FastAttributeRuler(ruler)
    except ValueError:
        return nlp
    nlp.replace_pipe("attribute_ruler", "storyline_attribute_ruler", config={"patterns": ruler.patterns})
    return nlp


@Language.factory("storyline_attribute_ruler", default_config={"patterns": []})
def _make_fast_ruler(nlp: Language, name: str, patterns: list) -> FastAttributeRuler:
    """The component, made from the rules of an attribute ruler (``AttributeRuler.patterns``)."""
    from spacy.pipeline import AttributeRuler

    ruler = AttributeRuler(nlp.vocab, name)
    ruler.add_patterns(patterns)
    return FastAttributeRuler(ruler)
