"""Versions of each item, one call each: the calls of each item, multiplied into the requests.

`3 variants per story = 3 calls, 14k stories/day`, `三個版本，各一次請求 … 一天 120 則貼文`, `5 種版本文案（一次 call 一個版本）`,
`10 hook variations per video (separate calls)`: the variant count says how many calls each item makes; the items' count
(with its period, if any) is the rest, and the answer says the product (`Notice("requests_multiplied")`). Only when a call
each is said: `5 versions` alone may be one call that writes all five, and is asked about as before (as languages.py
reads languages).
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["variants_per_item", "versions_called_each", "versions_in_one_call"]

#: Words that say the amount before them counts versions of one item (`3 variants`, `三個版本`, `5 種版本`).
_VARIANT_WORDS = frozenset(["variants", "variations", "versions", "版本", "个版本", "种版本", "组版本"])  # (Chinese is folded to Simplified)
#: The same, one of them: `one call per variant`, `一次 call 一個版本`.
_ONE_VARIANT = frozenset(["variant", "variation", "version", "版本"])
#: Words that say each version has its own call (`separate calls`, `单独`).
_EACH_ALONE = frozenset(["separate", "separately", "individually", "单独", "分开", "各自"])
#: Words for a call, after a count of calls (`= 3 calls`, `3次调用`) or after `各一次` (`各一次請求`).
_CALL_WORDS = frozenset(["calls", "call", "requests", "request", "次调用", "次请求", "次呼叫", "请求", "调用", "呼叫"])
#: How far from the variants' amount a call each may be said (`三個版本，各一次請求`: within the next clause or so).
_WINDOW = 8


def variants_per_item(tokens: list[Token]) -> Decimal | None:
    """How many versions each item is made in, one call each, when a call each is said; its amount and the words
    that said so are read here (left out of the figures)."""
    counted = _versions_counted(tokens)
    if len(counted) != 1:
        return None
    at = counted[0]
    count = tokens[at].value
    assert count is not None
    words = _variants_after(tokens, at)
    said = _call_each(tokens, words[-1], count)
    if not said or _calls_counted_elsewhere(tokens, {at, *said}):
        return None  # (`42k calls a day total`, `一共每天 8000 次请求`: the calls are counted already; asked)
    tokens[at].as_filler()
    for k in words:
        tokens[k].role = "skip"
    for k in said:
        if tokens[k].kind == "amount":
            tokens[k].as_filler()
        tokens[k].role = "skip"
    return count


#: Words that say one call makes every version (`一次调用搞定`, `in one call`).
_ONE_CALL = (("一次", "调用"), ("一次", "请求"), ("one", "call"), ("single", "call"), ("one", "request"), ("single", "request"))


def versions_in_one_call(tokens: list[Token]) -> None:
    """`每篇生成 3 个版本，各自 300 token 输出，一次调用搞定`: versions made in one call are no count of calls, and what
    each is said to take may be the reply's share: the versions word is left unread, so the question is asked (it had
    been priced as three calls of 300 tokens)."""
    counted = _versions_counted(tokens)
    texts = [t.text for t in tokens]
    one_call = any(tuple(texts[k : k + 2]) in _ONE_CALL for k in range(len(texts) - 1))
    if len(counted) == 1 and one_call:
        at = counted[0]
        tokens[at].as_filler()
        for k in _variants_after(tokens, at):
            tokens[k].role = "matter"


def versions_called_each(tokens: list[Token], at: int) -> bool:
    """The amount at ``at`` counts versions, and a call for each is said (`三個版本，各一次請求`): no things made in one
    reply (roles._things_in_one_reply), whatever verb made them."""
    words = _variants_after(tokens, at)
    value = tokens[at].value
    return bool(words) and value is not None and bool(_call_each(tokens, words[-1], value))


def _calls_counted_elsewhere(tokens: list[Token], read: set[int]) -> bool:
    """An amount of calls besides the one that said a call each (`42k calls a day`, `each story 3 calls`): the requests
    may already hold the versions, so they are not multiplied."""
    return any(t.kind == "amount" and k not in read and k + 1 < len(tokens) and tokens[k + 1].text in _CALL_WORDS
               for k, t in enumerate(tokens))  # fmt: skip


def _versions_counted(tokens: list[Token]) -> list[int]:
    """The amounts that count versions of one item (`3 variants`, `三个版本`): a few, with a versions word after them."""
    return [k for k in range(len(tokens) - 1) if tokens[k].kind == "amount" and tokens[k].money is None
            and 2 <= (tokens[k].value or 0) <= 50 and _variants_after(tokens, k)]  # fmt: skip


def _variants_after(tokens: list[Token], k: int) -> list[int]:
    """The words after the amount at ``k`` that say it counts versions (`3 variants`, `10 hook variations`), or none."""
    for j in range(k + 1, min(k + 5, len(tokens))):
        if tokens[j].text in _VARIANT_WORDS:
            return list(range(k + 1, j + 1))  # (what they are versions of: `10 hook variations`, `6 subject-line variants`)
        if not (tokens[j].kind == "word" or tokens[j].text == "-") or tokens[j].after_break:
            return []
    return []


def _call_each(tokens: list[Token], last: int, count: Decimal) -> list[int]:
    """Where a call for each version is said, after the versions' last word: the tokens saying it, or none."""
    near = range(last + 1, min(last + 1 + _WINDOW, len(tokens)))
    texts = [t.text for t in tokens]
    for k in near:
        nxt = k + 1 if k + 1 < len(tokens) and texts[k + 1] in _CALL_WORDS else None
        if texts[k] in _EACH_ALONE and nxt is not None:
            return [k, nxt]  # `(separate calls)`, `单独调用` (not `separate repos`, `各自部署`, `单独计费`)
        if texts[k] == "各" and k + 1 < len(tokens) and texts[k + 1] == "一次":
            after = k + 2 if k + 2 < len(tokens) and texts[k + 2] in _CALL_WORDS else None
            return [k, k + 1] + ([after] if after is not None else [])  # `各一次請求`
        if tokens[k].kind == "amount" and tokens[k].value == count and nxt is not None:
            return [k, nxt]  # `= 3 calls`, `（3次调用）`: as many calls as versions
        if texts[k] in ("一次", "one") and nxt is not None and k + 3 < len(tokens) and texts[k + 2] in ("一个", "per", "each") and (
                texts[k + 3] in _ONE_VARIANT):
            return [k, nxt, k + 2, k + 3]  # `一次 call 一個版本`, `one call per variant`
    return []
