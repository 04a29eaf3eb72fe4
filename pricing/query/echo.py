"""What the asker typed, for echoing in an answer: the normalised words of an error mapped back to the
original text, so `5萬` comes back as `5萬` (not the folded `5万`) and `ＧＥＭＩＮＩ` as typed."""

from __future__ import annotations

import re
import unicodedata

from ..errors import PricingError
from .normalize import MAX_QUERY_CHARS, TAIWAN_WORDS
from .script import simplified_chars

__all__ = ["typed", "with_typed_words"]

#: The error parameters that quote the asker's text (the rest are numbers, codes or model ids).
ECHOED = ("amount", "words", "ref", "date", "count", "name")
#: What normalize() turns these into, beside NFKC and case (kept in step with normalize.py).
_PUNCTUATION = {"、": ",", "。": " ", "’": "'", "`": " "}
#: How echoed fragments are joined: each piece is mapped back on its own.
_JOINERS = re.compile(r"(, | / |\s+)")


def _fold(text: str) -> tuple[str, list[int]]:
    """``text`` folded as the parser sees it, and for each folded character the index it came from."""
    folded: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text[:MAX_QUERY_CHARS]):
        out = _PUNCTUATION.get(char) or simplified_chars(unicodedata.normalize("NFKC", char).lower())
        folded.extend(out)
        origin.extend([i] * len(out))
    joined = "".join(folded)
    for word, simple in TAIWAN_WORDS.items():  # 影片 -> 视频: Taiwan words the parser reads as Mainland ones
        start = joined.find(word)
        while start != -1:
            joined = joined[:start] + simple + joined[start + len(word) :]
            spans = origin[start : start + len(word)]
            origin[start : start + len(word)] = [spans[min(k, len(spans) - 1)] for k in range(len(simple))]
            start = joined.find(word, start + len(simple))
    return joined, origin


def typed(original: str, shown: str) -> str:
    """``shown`` (normalised words) with each piece replaced by the original text it was read from.

    A piece not found in the original (a number the parser wrote itself, such as `1000000`) stays as is.
    """
    folded, origin = _fold(original)
    pieces = _JOINERS.split(shown)
    out: list[str] = []
    for k, piece in enumerate(pieces):
        if k % 2 or not piece:
            out.append(piece)
            continue
        start = folded.find(piece)
        if start == -1:
            out.append(piece)
            continue
        end = start + len(piece) - 1
        out.append(original[origin[start] : origin[end] + 1])
    return "".join(out)


def with_typed_words(error: PricingError, original: str) -> PricingError:
    """``error`` with the text it quotes as the asker typed it (its ``params`` only: codes stay)."""
    for key in ECHOED:
        value = error.params.get(key)
        if isinstance(value, str) and value:
            error.params[key] = typed(original, value)
    return error
