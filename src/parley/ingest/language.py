"""From bytes to clean Unicode: decoding, normalisation and language detection.

Decoding is strict (a clear error beats mojibake). Normalisation makes the same
article hash the same wherever it came from (NFC, one kind of space and line
ending), but it never touches quotation marks: the statement extractor tells
quote styles apart.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache
from itertools import islice

# Spaces that look like a space but compare unequal to one (no-break, thin, ideographic …).
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\v\f]")
# Invisible characters with no meaning in running text. ZWJ/ZWNJ stay: they change
# how Persian, Indic and emoji text is spelled.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\u180e]")
# Written as alternatives that each start with one character, so the regex engine scans for those
# characters (an alternative starting with a class made it try every position: twice the cost).
_LINE_BREAKS = re.compile("\r\n?|\u0085|\u2028|\u2029")
# C0/C1 controls other than the newline, which are noise from scrapers and PDFs.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x84\x86-\x9f]")

# Enough text for a stable guess; classifying a whole long article costs time for nothing.
_DETECT_CHARS = 400
_MIN_LETTERS = 20
_LETTER = re.compile(r"[^\W\d_]")


def normalise(text: str) -> str:
    """NFC, plain spaces, `\\n` line endings, no invisible characters; quotes unchanged."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=1)
def _identifier():
    # Loading the model takes about half a second: do it once, and only when needed.
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    # The weights are stored as float16, and numpy converts the rows an article needs on every call;
    # converted once (about 57 MB), classifying costs a third less and gives the very same scores.
    identifier.nb_ptc = identifier.nb_ptc.astype(np.float32)
    return identifier


def detect_language(text: str, min_confidence: float = 0.5) -> str | None:
    """ISO 639-1 code of the text's language, or None when the guess is too unsure."""
    sample = text[:_DETECT_CHARS]
    # Counting stops at the twentieth letter: listing every letter of the sample cost a tenth of detection.
    if sum(1 for _ in islice(_LETTER.finditer(sample), _MIN_LETTERS)) < _MIN_LETTERS:
        return None
    lang, confidence = _identifier().classify(sample)
    return lang if confidence >= min_confidence else None


class DecodeError(ValueError):
    """Bytes that are not text, or not in the encoding they claim."""


_MAGIC = {b"%PDF": "a PDF", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image", b"GIF8": "a GIF image",
          b"PK\x03\x04": "a ZIP archive", b"\x1f\x8b": "a gzip archive", b"\x7fELF": "an executable"}
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def decode(raw: bytes, declared: str | None = None) -> str:
    """Text from bytes: a BOM, else the declared charset (HTTP header or HTML meta), else strict UTF-8.

    No guessing: a wrong guess stores mojibake that looks like text, which is worse
    than a clear error that names the offending byte.
    """
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise DecodeError(f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw.decode(encoding, errors="strict")
    if b"\x00" in raw[:8192]:
        raise DecodeError("binary file (contains NUL bytes), not text")
    meta = _META_CHARSET.search(raw[:4096])
    encoding = declared or (meta.group(1).decode("ascii") if meta else None) or "utf-8"
    try:
        return raw.decode(_known(encoding), errors="strict")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start:exc.start + 1].hex()
        raise DecodeError(f"undecodable bytes: not valid {encoding} (byte 0x{bad} at offset {exc.start})") from None


def _known(encoding: str) -> str:
    """The codec for a declared charset; an unknown label falls back to UTF-8."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return "utf-8"
