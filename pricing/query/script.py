"""Chinese script folding: every Traditional character read as its Simplified form.

OpenCC's character table (t2s) rather than a hand-kept list: a list misses characters (筆, 產, 選, 幹 were
missing, and each left a word unknown), the table has them all. One character at a time, so a folded
text keeps every position of the typed one (errors quote the asker's words by position: echo.py).
Taiwan *words* that differ beyond characters (快取, 呼叫, 影片) are the vocabulary's: `TRADITIONAL_WORDS`.
"""

from __future__ import annotations

import opencc

__all__ = ["simplified_chars"]

_T2S = opencc.OpenCC("t2s")
#: Where OpenCC's default differs from the form the vocabulary is written in (帳 -> 帐; we write 账单).
_PREFERRED = {"帐": "账"}


class _FoldTable(dict[int, int]):
    """A `str.translate` table filled as characters are met: each is looked up in OpenCC once."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        out = _T2S.convert(char) if "\u3400" <= char <= "\u9fff" else char
        out = _PREFERRED.get(out, out)
        self[code] = folded = ord(out) if len(out) == 1 else code
        return folded


_TABLE = _FoldTable()


def simplified_chars(text: str) -> str:
    """``text`` with each Traditional Chinese character replaced by its Simplified form (same length)."""
    return text.translate(_TABLE)
