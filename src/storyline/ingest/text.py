"""Turn raw bytes into article text, refusing what is not an English news text.

Offsets everywhere in Storyline index into the article's text as it is stored. That text is the
input's, with three things taken out by :func:`clean_text` before anything reads it: a UTF-8
byte-order mark, control characters (NUL, escape sequences; tabs and line breaks stay) and the
characters that reorder text for display (bidi overrides and isolates, as in "Trojan Source"
attacks); a lone UTF-16 surrogate, which no file can hold, becomes U+FFFD.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import InputError
from ..vocabulary import WORD

# An article longer than this is almost surely several articles or a data dump. The
# spaCy parser needs about 1 GB of scratch memory per 100,000 characters, so this
# also bounds memory. (The longest PolNeAR and Multi-News articles are under 40,000.)
MAX_ARTICLE_CHARS = 200_000
# Raw input files above this size are refused before decoding (HTML pages carry markup,
# so they get more room than the text inside them).
MAX_FILE_BYTES = 20_000_000
# Language identification needs some text to be reliable: shorter texts are accepted.
MIN_WORDS_FOR_LANGUAGE_CHECK = 12
# A text is refused when langid is at least this sure that it is not English. Checked on all 924
# PolNeAR articles: all English, none refused; the least sure English call was 0.93.
NOT_ENGLISH_CONFIDENCE = 0.95
# Share of control characters above which a decoded text counts as binary.
MAX_CONTROL_SHARE = 0.01

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# What clean_text removes: C0 controls but tab, line feed and carriage return (form feed and vertical
# tab become line feeds), DEL, C1 controls (U+009B starts a terminal escape sequence), and the
# bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). The marks
# U+200E/U+200F stay: they only hint at direction and real texts carry them.
_STRIP = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_PAGE_BREAK = re.compile("[\x0b\x0c]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Texts shorter than this many words get a warning: too short for names, quotes or facts to be found.
MIN_WORDS = 8
# A text of at least this many letters with no capital letter (or none in lower case) gets a warning.
MIN_LETTERS_FOR_CASE_CHECK = 200

LANGUAGE_NAMES = {
    "de": "German", "es": "Spanish", "fr": "French", "it": "Italian", "pt": "Portuguese",
    "nl": "Dutch", "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "ar": "Arabic",
    "he": "Hebrew", "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "tr": "Turkish",
    "sv": "Swedish", "da": "Danish", "no": "Norwegian", "fi": "Finnish", "el": "Greek",
    "cs": "Czech", "hu": "Hungarian", "ro": "Romanian", "fa": "Persian", "hi": "Hindi",
    "id": "Indonesian", "vi": "Vietnamese", "ca": "Catalan",
}


def decode(data: bytes, where: str, encoding: str | None = None) -> str:
    """Decode an input's bytes, raising a clear error for empty, binary or mis-encoded input.

    Args:
        data: the raw bytes.
        where: the file name (or ``file:line``) used in error messages.
        encoding: an explicit encoding; by default UTF-8 (with or without BOM).

    Raises:
        InputError: when the bytes are empty, binary, too large or cannot be decoded.
    """
    if len(data) > MAX_FILE_BYTES:
        raise InputError(
            where,
            f"file is {len(data) / 1e6:.1f} MB, larger than the {MAX_FILE_BYTES // 1_000_000} MB "
            "Storyline reads as one input",
            "Split it into one file per article, or into a JSONL file with one article per line",
        )
    if not data.strip():
        raise InputError(where, "file is empty", "Give a file that holds the article's text")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            where, "file is binary, not text",
            "Give the article as UTF-8 text, HTML or JSONL",
        )
    if encoding is None and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    try:
        text = data.decode(encoding or "utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise InputError(
            where,
            f"text is not valid {exc.encoding.upper().replace('-SIG', '')} "
            f"(byte 0x{bad} at offset {exc.start})",
            "Re-save it as UTF-8, or name its encoding with --encoding (e.g. --encoding cp1252)",
        ) from None
    except LookupError:
        raise InputError(where, f"unknown encoding {encoding!r}", "Use a Python codec name such as cp1252") from None
    return check_text(text, where)


def check_text(text: str, where: str) -> str:
    """Check that a decoded text can be analysed as one English article, and clean it.

    Returns:
        The text as Storyline keeps it (:func:`clean_text`).

    Raises:
        InputError: when the text is blank, binary-looking, too long or not English.
    """
    if not text.strip():
        raise InputError(where, "text is empty", "Give the article's text")
    controls = len(_CONTROL.findall(text[:20000]))
    if controls > MAX_CONTROL_SHARE * min(len(text), 20000):
        raise InputError(where, "file is binary, not text", "Give the article as UTF-8 text, HTML or JSONL")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"text is {len(text):,} characters long; Storyline reads articles of up to "
            f"{MAX_ARTICLE_CHARS:,} characters",
            "Split it into separate articles (one per file, or one per JSONL line)",
        )
    text = clean_text(text)
    if not text.strip():
        raise InputError(where, "text holds only control or formatting characters", "Give the article's text")
    language = detect_language(text)
    if language is not None:
        code, name = language
        raise InputError(
            where,
            f"text looks like {name} ({code}), not English",
            "Storyline's language models read English only; give it English articles",
        )
    return text


def clean_text(text: str) -> str:
    """The text with control and bidi-override characters taken out and lone surrogates replaced.

    Applied to every article's text and metadata as it is read (see the module doc), so that no
    report shows, and no terminal or browser acts on, characters the reader cannot see.
    """
    if _STRIP.search(text):
        text = _STRIP.sub("", text)
    if "\x0b" in text or "\x0c" in text:
        text = _PAGE_BREAK.sub("\n", text)
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def text_warnings(text: str) -> list[str]:
    """What a reader should know before trusting the analysis of a text that was accepted.

    Returns:
        Warnings (without the file name), empty for an ordinary article.
    """
    words = len(text.split())
    if words < MIN_WORDS:
        return [f"text is only {words} word{'s' if words != 1 else ''} long, too short to find much in: "
                "Storyline reads names, quotes and facts from whole articles"]
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= MIN_LETTERS_FOR_CASE_CHECK:
        if not any(c.isupper() for c in letters):
            return ["text is all in lower case, so names cannot be told from other words and the cast, "
                    "quotes and facts will be thin. Give the original capitalisation if you have it"]
        if not any(c.islower() for c in letters):
            return ["text is all in capitals, so names cannot be told from other words and the cast, "
                    "quotes and facts will be thin. Give the original capitalisation if you have it"]
    return []


def detect_language(text: str) -> tuple[str, str] | None:
    """Return ``(code, name)`` when a text is confidently not English, else None."""
    sample = text[:2000]
    if len(WORD.findall(sample)) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return None
    code, prob = _identifier().classify(sample)
    if code == "en" or prob < NOT_ENGLISH_CONFIDENCE:
        return None
    return code, LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
