"""Amounts said as a range: asked about at its middle and its top, or read at the figure the asker settles on.

`200-300 reports a day`, `3-4k tokens in`, `每天两三千条`, `3到5万`: people size a workload by a range, and
askers differ on what to price: one writer takes the middle, another the top to budget safely. So the range
becomes one amount whose two values are its middle and its top (`Token.other_value`), and the question is asked
with both readings offered (parse._ask_which_number); a range whose middle is no whole number (`3-4 turns`) is
left as it was. A figure said after it settles it (`四五百次 按五百算`, `十几条 就按15条算`, `200-300 a day, call
it 250`): that figure is the amount, and nothing is asked.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..tokens import Token

__all__ = ["read_ranges"]

#: What joins the two ends of a range, as typed between them.
_JOINERS = frozenset(["-", "–", "—", "~", "～", "到", "至", "to"])
#: Two Chinese digits in a row, the second one more, then units: `两三千` is 2,000 to 3,000.
_CJK_RANGE = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)")
_CJK_DIGIT = {c: n for n, c in enumerate("一二三四五六七八九", start=1)} | {"两": 2}
_CJK_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_LEADING_NUMBER = re.compile(r"[\d.,]+")
#: Words that settle a range on one figure: `按五百算`, `就按15条算`, `call it 250`, `say 250`.
_SETTLE_CJK = frozenset(["按", "按照", "就按", "取"])
_SETTLE_EN = (("call", "it"), ("let's", "say"), ("say",), ("assume",), ("so",))


def read_ranges(tokens: list[Token], text: str) -> list[Token]:
    """The tokens with each range folded into one amount: its middle and top (asked), or the figure said after it."""
    out: list[Token] = []
    read: set[int] = set()  # index in `out` of a folded range
    vague: set[int] = set()  # `十几条`: an amount said roughly, settled only by a figure after it
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        settled = _settles(out, tokens, i, read | vague)
        if settled is not None:
            target, amount_at, end = settled
            out[target].value, out[target].other_value, out[target].range_low = tokens[amount_at].value, None, None
            read.discard(target)
            i = end
            continue
        if tok.kind == "amount" and tok.money is None:
            ends = _two_ends(tokens, i, text)
            if ends is not None:
                (low, high), last = ends
                folded = Token("amount", text[tok.start : tokens[last].end], tok.start, tokens[last].end, tok.glued,
                               value=(low + high) / 2, other_value=high, range_low=low, after_break=tok.after_break,
                               after_colon=tok.after_colon)
                read.add(len(out))
                out.append(folded)
                i = last + 1
                continue
            if i + 1 < len(tokens) and tokens[i + 1].kind == "cjk" and tokens[i + 1].glued and tokens[i + 1].text.startswith("几"):
                vague.add(len(out))
        out.append(tok)
        i += 1
    return out


def _two_ends(tokens: list[Token], i: int, text: str) -> tuple[tuple[Decimal, Decimal], int] | None:
    """((low, high), index of the range's last token) when a range starts at ``i``."""
    first = tokens[i]
    assert first.value is not None
    cjk = _CJK_RANGE.fullmatch(first.text.replace(" ", ""))
    if cjk is not None:
        low_digit, high_digit, units = _CJK_DIGIT[cjk[1]], _CJK_DIGIT[cjk[2]], cjk[3]
        if high_digit != low_digit + 1:
            return None
        unit = 1
        for ch in units:
            unit *= _CJK_UNIT[ch]
        return _whole_middle(Decimal(low_digit * unit), Decimal(high_digit * unit), i)
    if i + 1 >= len(tokens) or i > 0 and tokens[i - 1].text in ("from", "从", "從"):
        return None  # `from 200 to 300 users`: a change, not a range
    # the joiner is a token (`200-300`, `3到5万`) or a mark the tokenizer drops (`3~5万`)
    last = i + 1 if tokens[i + 1].kind == "amount" else i + 2
    if last >= len(tokens) or last == i + 2 and tokens[i + 1].text not in _JOINERS:
        return None
    second, between = tokens[last], text[first.end : tokens[last].start]
    if second.kind != "amount" or second.money is not None or second.value is None or between.strip() not in _JOINERS:
        return None
    if between.strip() in "-–—" and between != between.strip():
        return None  # `- in: 15k - out: 1.5k - 2k req/day`: a spaced dash is a bullet, not a range
    low, high = first.value, second.value
    if _LEADING_NUMBER.fullmatch(first.text.strip()) and (digits := _LEADING_NUMBER.match(second.text.strip())) is not None:
        # `3-4k`: the unit said once, after the second end, is both ends' unit
        try:
            written = Decimal(digits.group().replace(",", "") or "0")
        except InvalidOperation:  # (`1.2.3k`: no number to scale by)
            return None
        if written and second.value != written and low * (second.value / written) < high:
            low = low * (second.value / written)
    if not low < high <= low * 10:
        return None
    return _whole_middle(low, high, last)


def _whole_middle(low: Decimal, high: Decimal, last: int) -> tuple[tuple[Decimal, Decimal], int] | None:
    middle = (low + high) / 2
    return ((low, high), last) if middle == middle.to_integral_value() else None


def _settles(out: list[Token], tokens: list[Token], i: int, rough: set[int]) -> tuple[int, int, int] | None:
    """(the rough amount settled, the settling figure, index after the settling words) when ``tokens[i]``
    opens a figure said for the range or rough amount just before (`200-300 a day, call it 250`)."""
    if not rough:
        return None
    target = max(rough)
    if len(out) - target > 6:
        return None
    words = tokens[i].text
    if tokens[i].kind == "cjk" and (words in _SETTLE_CJK or words.endswith("按")):
        at = i + 1
    else:
        for phrase in _SETTLE_EN:
            if tuple(t.text for t in tokens[i : i + len(phrase)]) == phrase:
                at = i + len(phrase)
                break
        else:
            return None
    if at >= len(tokens) or tokens[at].kind != "amount" or tokens[at].money is not None:
        return None
    end = at + 1
    if end < len(tokens) and tokens[end].kind == "cjk" and tokens[end].text in {t.text for t in out[target + 1 : target + 3]}:
        end += 1  # `十几条 就按15条算`: the same measure word again
    if end < len(tokens) and tokens[end].kind == "cjk" and tokens[end].text in ("算", "来算", "計算", "计算", "计", "算吧"):
        end += 1
    return target, at, end
