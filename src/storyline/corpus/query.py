"""What a user types into search, as an SQLite FTS5 query.

People type words as news writes them: ``cease-fire``, ``U.S.``, ``Biden's``, ``$1.5bn``. FTS5 reads
a bare word only when it is letters, digits and underscores, and takes ``-``, ``.`` or ``'`` as
syntax errors (``no such column: fire``). So every word that holds anything else is sent as a quoted
phrase, which FTS5 splits into its words as it split the stored text: ``cease-fire`` finds "cease-fire"
and "cease fire". What FTS5's own syntax offers stays: ``"quoted phrases"``, ``AND``/``OR``/``NOT``,
brackets, and ``prefix*``.
"""

from __future__ import annotations

import re

# A quoted phrase (closed or not), a bracket, or a run of anything else up to a space, bracket or quote.
_PIECE = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_BARE = re.compile(r"\w+\*?")
OPERATORS = frozenset({"AND", "OR", "NOT"})


def fts_query(text: str) -> str:
    """The FTS5 query for a user's search text (see the module doc).

    >>> fts_query("cease-fire U.S. OR Biden's pledge*")
    '"cease-fire" "U.S." OR "Biden\\'s" pledge*'
    """
    out = []
    for piece in _PIECE.findall(text):
        if piece in OPERATORS or piece in "()" or _BARE.fullmatch(piece):
            out.append(piece)
        elif piece.startswith('"'):
            out.append(piece if piece.endswith('"') and len(piece) > 1 else piece + '"')
        else:
            prefix = piece.endswith("*")
            words = piece.rstrip("*")
            out.append(f'"{words}"' + ("*" if prefix else "") if words else "")
    return " ".join(p for p in out if p)
