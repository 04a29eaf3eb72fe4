"""A count of languages with one call per language: the calls of each item, multiplied into the requests.

`translate product copy into 7 languages. 9k SKUs, one call per language`, `要把商品标题翻成5种语言，3万个商品，每种语言单独调一次`:
the language count says how many calls each item makes; the items' count (with its period, if any) is the rest.
Only when one call per language is said (`per language`, `每种语言`, `一次请求只出一种语言`, `一個語言打一次`): `into 5 languages` alone may be
one call that writes all five, and is asked about as before. Languages named one by one (`EN, DE and FR`) are not
counted here: the question still asks how many.
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token
from .vocab import PER_LANGUAGE

__all__ = ["languages_in_one_call", "languages_per_item"]

#: Words that say the amount before them counts languages (`7 languages`, `5种语言`, `12 種語言`, `8 个语种`).
_LANGUAGE_WORDS = frozenset(["languages", "language", "langs", "locales", "种语言", "个语言", "種語言", "個語言", "国语言", "國語言",
                             "语种", "個語種", "个语种", "語種", "种语种"])


def languages_per_item(tokens: list[Token]) -> Decimal | None:
    """How many languages each item is written in, one call each, when one call per language is said; its amount
    and words are read here."""
    counted = [k for k in range(len(tokens) - 1) if tokens[k].kind == "amount" and tokens[k].money is None
               and tokens[k + 1].text in _LANGUAGE_WORDS and 2 <= (tokens[k].value or 0) <= 200]  # fmt: skip
    per_language = [k for k, t in enumerate(tokens) if t.role == "matter" and t.text in PER_LANGUAGE]
    # `一次请求只出一种语言`, `一件一個語言打一次`, `one language per call`: one language a call, said with its count
    one_each = [k for k in range(len(tokens) - 1) if (tokens[k].kind == "amount" and tokens[k].value == 1 and tokens[k].money is None
                or tokens[k].text in ("一种", "一个", "一種", "一個")) and tokens[k + 1].text in (*_LANGUAGE_WORDS, "语言")]  # fmt: skip
    if len(counted) != 1 or not (per_language or one_each):
        return None
    at = counted[0]
    count = tokens[at].value
    assert count is not None
    for k in (at, *one_each):
        if tokens[k].kind == "amount":
            tokens[k].as_filler()
        tokens[k].role = tokens[k + 1].role = "skip"
    if at > 0 and tokens[at - 1].text in ("in", "into"):
        tokens[at - 1].role = "skip"  # `4,500 SKUs in 3 languages`: where, not the input
    for k in per_language:
        tokens[k].role = "skip"
    return count


#: Words that say each language has its own call (`单独`, `separate calls`).
_EACH_ALONE = frozenset(["单独", "單獨", "分开", "分開", "各自", "separate", "separately", "individually", "每种语言", "每種語言", "每个语言", "每個語言"])
#: Words that say every language is written in one call (`三種語言一起產`, `一次请求全出`, `in one call`).
_TOGETHER = frozenset(["一起", "全出", "一起产", "一起產", "同时", "同時"])


def languages_in_one_call(tokens: list[Token]) -> bool:
    """`5个语种，一次请求全出`, `（三種語言一起產）`, `一次call就生三語`, `into 5 languages in one call`: the languages are written
    in one call, so their count is no factor of the requests; its amount and words are read here (left out of the figures)."""
    counted = [k for k in range(len(tokens) - 1) if tokens[k].kind == "amount" and tokens[k].money is None
               and (tokens[k + 1].text in _LANGUAGE_WORDS or tokens[k + 1].text in ("语", "語")) and 2 <= (tokens[k].value or 0) <= 50]
    one_language = any((tokens[k].text in ("一种", "一个", "一種", "一個") or tokens[k].kind == "amount" and tokens[k].value == 1)
                       and tokens[k + 1].text in (*_LANGUAGE_WORDS, "语言", "語言") for k in range(len(tokens) - 1))
    if not counted or one_language or any(t.text in PER_LANGUAGE or t.text in _EACH_ALONE for t in tokens):
        return False  # (`每种语言一次调用`, `one call per language`, `一次请求只出一种语言`, `单独`: a call each)
    together = [k for k, t in enumerate(tokens) if t.text in _TOGETHER]
    one_call = [k for k in range(len(tokens) - 1) if tokens[k].text in ("一次", "one", "single", "a") and tokens[k + 1].text in ("请求", "請求", "call", "呼叫", "调用", "調用")
                and not (k + 2 < len(tokens) and tokens[k + 2].kind == "amount")]
    if not any(abs(k - c) <= 8 for k in together + one_call for c in counted):
        return False
    for c in counted:
        tokens[c].as_filler()
        tokens[c + 1].role = "skip"
        if c > 0 and tokens[c - 1].text in ("in", "into"):
            tokens[c - 1].role = "skip"  # `into 5 languages`: where, not the input
    for k in together:
        tokens[k].role = "skip"
    for k in one_call:
        tokens[k].role = tokens[k + 1].role = "skip"
        if k > 0 and tokens[k - 1].text == "in":
            tokens[k - 1].role = "skip"  # `in one call`: how, not the input
    return True
