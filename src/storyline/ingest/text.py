"""Turn raw bytes into article text, refusing what is not an English news text.

Offsets everywhere in Storyline index into the string returned here, so nothing is
rewritten: only a UTF-8 byte-order mark is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..errors import InputError

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
_WORD = re.compile(r"[^\W\d_]{2,}")

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
    check_text(text, where)
    return text


def check_text(text: str, where: str) -> None:
    """Check that a decoded text can be analysed as one English article.

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
    language = detect_language(text)
    if language is not None:
        code, name = language
        raise InputError(
            where,
            f"text looks like {name} ({code}), not English",
            "Storyline's language models read English only; give it English articles",
        )


def detect_language(text: str) -> tuple[str, str] | None:
    """Return ``(code, name)`` when a text is confidently not English, else None."""
    sample = text[:2000]
    if len(_WORD.findall(sample)) < MIN_WORDS_FOR_LANGUAGE_CHECK:
        return None
    code, prob = _identifier().classify(sample)
    if code == "en" or prob < NOT_ENGLISH_CONFIDENCE:
        return None
    return code, LANGUAGE_NAMES.get(code, code)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
