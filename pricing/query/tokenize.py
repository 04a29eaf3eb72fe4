"""Splitting normalized text into tokens; a run of Chinese characters into keywords, filler and numerals."""

from __future__ import annotations

import re
from functools import lru_cache

from ..tokens import Token
from .vocab import CJK_FILLER, CJK_WORDS, COUNTING_MEASURES

__all__ = ["tokenize"]

_CJK_TABLE: dict[str, str] = {**dict.fromkeys(CJK_FILLER, "skip"), **CJK_WORDS}
_CJK_MAX = max(len(w) for w in _CJK_TABLE)
_CJK_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
#: Words that start with a numeral but are not numbers (`一下`, `一个月`, `一篇`, `一人`, `零件`): every such word of the
#: tables, and these. 一个 is the article "a" (`我们有一个应用`, `跑一个批量任务`): no count is ever said that way, and
#: one request is the default.
_NUMERAL_WORDS = tuple({*(w for w in _CJK_TABLE if w.startswith("一") and len(w) > 1),
                        "一下", "一些", "一起", "一样", "一般", "一点", "一直", "一款", "一种", "一句", "一天", "一个月", "一月", "一日",
                        "一周", "一年", "一小时", "一个小时", "一分钟", "一次", "一共", "一个",
                        "一定", "一键", "一律", "一旦", "一切", "一开始", "一部分", "一致",
                        "一多", "一到", "一忙", "一用", "一晚",  # (`用户一多就报429`: as soon as)
                        *(w for w in _CJK_TABLE if w[0] in "零十千" and _CJK_TABLE[w] == "skip")})  # fmt: skip
#: Names that end in a numeral naming which one (`科目一题库`, `方案二：…`, `套餐三`): the numeral is part of the name.
#: A driving-test subject is always named so; the others only when no measure word follows (`方案三次迭代`, `模式三轮`,
#: `选项三个`: how many).
_ORDINAL_NAMES = ("科目", "方案", "阶段", "版本", "套餐", "选项", "模式")  # (the text is in Simplified characters here)
_ALWAYS_ORDINAL = ("科目",)
#: School years and driving-test subjects named by a numeral after one character (`高三生`, `初二 600 个学生`, `科三模拟`,
#: `科一讲解`): the numeral is part of the name when the character stands alone or after a measure word or 的, and
#: neither a measure word nor a multiplier follows (`提高三倍`, `高三万` stay numbers).
_GRADES = ("高", "初", "科")
_GRADE_NUMERALS = frozenset("一二三四")
_AFTER_A_GRADE_NOT = frozenset("倍成折")
_COUNTED_BY = COUNTING_MEASURES | frozenset("次轮遍种套回步版")
_NUMERAL_FIRST = frozenset(w[0] for w in _NUMERAL_WORDS)
_NUMERAL_SET = frozenset(_NUMERAL_WORDS)
_NUMERAL_SIZES = sorted({len(w) for w in _NUMERAL_WORDS})
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
        tok.after_break = any(c in ",;." for c in text[max(last_end, 0) : start])  # (a sentence ends a clause too)
        tok.after_colon = ":" in text[max(last_end, 0) : start]
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
    """Split a run of Chinese characters: by longest match where the tables know every part of it, else
    the split with the fewest unknown words (`_fewest_unknown`)."""
    plan = _split_plan(tok.text) if len(tok.text) <= _REMEMBERED_RUN else _split_plan.__wrapped__(tok.text)
    out = [Token(kind, tok.text[i:j], tok.start + i, tok.start + j, True, role=role) for kind, i, j, role in plan]
    if out:
        out[0].glued, out[0].after_break, out[0].after_colon = tok.glued, tok.after_break, tok.after_colon
    return out


#: Runs up to this long are remembered (a question's words); a longer run (a paste) is split each time, so
#: the memo stays small.
_REMEMBERED_RUN = 32


@lru_cache(maxsize=4096)
def _split_plan(text: str) -> tuple[tuple[str, int, int, str | None], ...]:
    """The split of one run as (kind, start, end, role) pieces: the same runs recur in a question and across
    questions (`每个坐席` in a pasted roster), so each is split once."""
    run = Token("cjk", text, 0, len(text), False)
    out = _greedy_split(run)
    if any(t.kind == "cjk" and t.role is None for t in out):
        out = _fewest_unknown(run)
    plan = [(t.kind, t.start, t.end, t.role) for t in out]
    for k in range(len(plan) - 1, 0, -1):
        (kind, start, end, role), (next_kind, _, next_end, _) = plan[k - 1], plan[k]
        name = text[start:end]
        counted = next_end < len(text) and text[next_end] in _COUNTED_BY
        if kind == "cjk" and next_kind == "cjknum" and next_end - end == 1 and name.endswith(_ORDINAL_NAMES) and (
                name.endswith(_ALWAYS_ORDINAL) or not counted):
            plan[k - 1 : k + 1] = [(kind, start, next_end, role)]  # `科目一`: which subject, part of its name
        elif kind == "cjk" and next_kind == "cjknum" and next_end - end == 1 and _a_grade(
                text[max(start - 1, 0) : start], name, text[end], text[next_end : next_end + 1]):
            plan[k - 1 : k + 1] = [(kind, start, next_end, role)]  # `高三生`: which school year, part of its name
    return tuple(plan)


def _a_grade(before: str, name: str, numeral: str, after: str) -> bool:
    """`高三`, `个高三生`, `初二`, `科三`: see _GRADES. Not a day of a month (`这个月初三`, `月初一`: 初 after 月 or 年)."""
    grade = name[-1:]
    alone = name in _GRADES and before not in ("月", "年", "期") or grade in _GRADES and name[-2:-1] in ("个", "名", "位", "的")
    return alone and numeral in _GRADE_NUMERALS and not (after and (after in _COUNTED_BY or after in _AFTER_A_GRADE_NOT))


def _fewest_unknown(tok: Token) -> list[Token]:
    """Split a run of Chinese characters into keywords, filler, numerals (`输入五万`) and unknown words.

    The split leaves as few unknown words as it can, then uses as few tokens as it can (the longer
    keyword first on a tie): `旅行社` stays one unknown word rather than `旅` + the filler `行` + `社`, so
    an unknown word is whole when it is judged (pairing: filler unless it has a price morpheme). A
    single filler character may be part of an unknown word; a keyword of any other kind never is.
    """
    text, n = tok.text, len(tok.text)
    inf = (n + 1, n + 1)
    # best[i][after_unknown]: (unknown words, tokens) for text[i:], and the first step taken there
    best: list[list[tuple[tuple[int, int], tuple[str, int]]]] = [[(inf, ("", 0))] * 2 for _ in range(n + 1)]
    best[n] = [((0, 0), ("", 0)), ((0, 0), ("", 0))]
    run_end = n  # where the numeral run holding text[i] ends (computed from the end, so linear)
    for i in range(n - 1, -1, -1):
        if text[i] not in _CJK_NUMERALS:
            run_end = i
        steps: list[tuple[str, int]] = []
        if text[i] in _CJK_NUMERALS and not (text[i] in _NUMERAL_FIRST and any(text[i : i + size] in _NUMERAL_SET for size in _NUMERAL_SIZES)):
            steps.append(("cjknum", run_end if text[i] in _CJK_NUMERALS and run_end > i else i + 1))  # a numeral run wins (`一万`)
        else:
            sizes = [size for size in range(min(_CJK_MAX, n - i), 0, -1) if text[i : i + size] in _CJK_TABLE]
            steps += [("word", i + size) for size in sizes]
            if not sizes or sizes == [1] and _CJK_TABLE[text[i]] == "skip":
                steps.append(("unknown", i + 1))
        for after_unknown in (0, 1):
            for kind, j in steps:
                (unknown, count), _ = best[j][kind == "unknown"]
                new = 0 if kind == "unknown" and after_unknown else 1
                cost = (unknown + (new if kind == "unknown" else 0), count + new)
                if cost < best[i][after_unknown][0]:
                    best[i][after_unknown] = (cost, (kind, j))
    out: list[Token] = []
    i, after_unknown = 0, 0
    while i < n:
        kind, j = best[i][after_unknown][1]
        if kind == "unknown":
            while j < n and best[j][1][1][0] == "unknown":  # the unknown word runs on while the best split says so
                j = best[j][1][1][1]
            out.append(Token("cjk", text[i:j], tok.start + i, tok.start + j, True))
        elif kind == "cjknum":
            out.append(Token("cjknum", text[i:j], tok.start + i, tok.start + j, True))
        else:
            out.append(Token("cjk", text[i:j], tok.start + i, tok.start + j, True, role=_CJK_TABLE[text[i:j]]))
        i, after_unknown = j, int(kind == "unknown")
    if out:
        out[0].glued, out[0].after_break, out[0].after_colon = tok.glued, tok.after_break, tok.after_colon
    return out


def _greedy_split(tok: Token) -> list[Token]:
    """Keywords and filler by longest match, and numerals (`输入五万`): the split of a run that the tables know whole."""
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
        out[0].glued, out[0].after_break, out[0].after_colon = tok.glued, tok.after_break, tok.after_colon
    return out
