"""The gender a first name gives its bearer, where the name is clearly one sex's: "Mark Roesler", "Bettie Page".

A pronoun goes back to a person of its gender (:mod:`.coref`), and an article often says nothing of a person's
gender: "her agent , Mark Roesler , said yesterday . ... `` I do n't want to be photographed in my old age , ''
she said in 1998" (ECB+ 4_2ecb) gave the words to Roesler, the nearest person not known to be a man. A reader
knows Mark is a man's name.

The names and their frequencies are the US Census Bureau's 1990 first-name lists (the share of each sex's
population that bears each name), as the ``names`` package (MIT, pinned in pyproject.toml) ships them. A name
is one sex's where its share among that sex is at least :data:`RATIO` times its share among the other: "MARK"
0.938% of men against 0.004% of women; "JORDAN", "JEAN" or "ANDREA" (shared, or one sex's in one country and
the other's elsewhere) are nobody's. The lists are American; a name the text gives another gender by an
honorific or a pronoun keeps that (the first name is one vote among the article's, :func:`.coref._genders`).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..vocabulary import FEMALE, MALE

# How many times more common among one sex a name must be to be that sex's. Set by hand, not fitted: well
# above the ratio of names both sexes bear in numbers ("JERRY" 0.432% of men against 0.011% of women, 39x,
# is a man's name; "TERRY" 0.311% against 0.055%, 5.7x, and "JAMIE", "JORDAN" stay unknown).
RATIO = 10.0


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Each clearly one-sex first name (upper case) and its gender ({} where the lists are not installed)."""
    shares: dict[str, list[float]] = {}
    try:
        folder = resources.files("names")
        for n, filename in enumerate(("dist.male.first", "dist.female.first")):
            for line in (folder / filename).read_text(encoding="ascii").splitlines():
                parts = line.split()
                if len(parts) == 4:
                    shares.setdefault(parts[0], [0.0, 0.0])[n] = float(parts[1])
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return {}
    out = {}
    for name, (male, female) in shares.items():
        if male >= RATIO * female and male > 0:
            out[name] = MALE
        elif female >= RATIO * male and female > 0:
            out[name] = FEMALE
    return out


def first_name_gender(name: str) -> str | None:
    """The gender the first word of a person's full name gives them (MALE or FEMALE), or None: for a name of one
    word (a surname alone says nothing), an initial, or a first name both sexes bear."""
    words = name.split()
    if len(words) < 2 or len(words[0].rstrip(".")) < 2:
        return None
    return _table().get(words[0].upper())
