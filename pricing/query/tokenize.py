"""Splitting normalized text into tokens; a run of Chinese characters into keywords, filler and numerals."""

from __future__ import annotations

import re

from ..tokens import Token
from .vocab import CJK_FILLER, CJK_WORDS

__all__ = ["tokenize"]

_CJK_TABLE: dict[str, str] = {**dict.fromkeys(CJK_FILLER, "skip"), **CJK_WORDS}
_CJK_MAX = max(len(w) for w in _CJK_TABLE)
_CJK_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
#: Words that start with 一 but are not numbers (`一下`, `一个月`, `一篇`, `一人`): every such word of the tables,
#: and these. 一个 is the article "a" (`我们有一个应用`, `跑一个批量任务`): no count is ever said that way, and
#: one request is the default.
_NUMERAL_WORDS = tuple({*(w for w in _CJK_TABLE if w.startswith("一") and len(w) > 1),
                        "一下", "一些", "一起", "一样", "一般", "一点", "一直", "一款", "一种", "一句", "一天", "一个月", "一月", "一日",
                        "一周", "一年", "一小时", "一个小时", "一分钟", "一次", "一共", "一个"})  # fmt: skip
_TOKEN = re.compile(
    r"(?P<num>(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:e[+-]?\d{1,2}(?![a-z]))?)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)?)"
    r"|(?P<cjk>[\u3400-\u9fff]+)"
    r"|(?P<sym>[$¥×*=/+\-?%<>@!#&])"
)


_UNIT_THEN_TOKENS = re.compile(r"^[kmbw](?:tokens?|toks?)$")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        start, end = m.span()
        tok = Token(kind, m.group(), start, end, start == last_end)
        tok.after_break = any(c in ",;" for c in text[max(last_end, 0) : start])
        last_end = end
        if kind == "cjk":
            tokens.extend(_split_cjk(tok))
        elif kind == "word" and tok.glued and tokens and tokens[-1].kind == "num" and _UNIT_THEN_TOKENS.match(tok.text):
            # `1ktoken`, `2wtokens`: the multiplier and the word for tokens typed as one
            tokens.append(Token("word", tok.text[0], start, start + 1, True))
            tokens.append(Token("word", tok.text[1:], start + 1, end, True))
        else:
            tokens.append(tok)
    return tokens


def _split_cjk(tok: Token) -> list[Token]:
    """Split a run of Chinese characters into keywords and filler (longest match) and numerals (`输入五万`)."""
    out: list[Token] = []
    text, i, pending, pending_kind = tok.text, 0, "", "cjk"

    def flush(end: int) -> None:
        nonlocal pending
        if pending:
            out.append(Token(pending_kind, pending, tok.start + end - len(pending), tok.start + end, True))
            pending = ""

    while i < len(text):
        # a numeral run wins over keywords that start with a numeral character (`一万` is not `一` + ...)
        if text[i] in _CJK_NUMERALS and (pending_kind == "cjknum" and pending or not any(text.startswith(w, i) for w in _NUMERAL_WORDS)):
            if pending_kind != "cjknum":
                flush(i)
                pending_kind = "cjknum"
            pending += text[i]
            i += 1
            continue
        for size in range(min(_CJK_MAX, len(text) - i), 0, -1):
            piece = text[i : i + size]
            if piece in _CJK_TABLE:
                flush(i)
                out.append(Token("cjk", piece, tok.start + i, tok.start + i + size, True, role=_CJK_TABLE[piece]))
                i += size
                break
        else:
            if pending_kind != "cjk":
                flush(i)
                pending_kind = "cjk"
            pending += text[i]
            i += 1
    flush(len(text))
    if out:
        out[0].glued, out[0].after_break = tok.glued, tok.after_break
    return out
