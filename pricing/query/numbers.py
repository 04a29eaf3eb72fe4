"""Reading amounts people type: `1,200`, `1.2k`, `0.5m`, `2B`, `1 million`, `5万`, `1千万`, `一百万`."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

__all__ = ["ENGLISH_MULTIPLIERS", "CJK_DIGITS", "CJK_UNITS", "parse_number", "cjk_value", "is_cjk_multiplier"]

ENGLISH_MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(10**3),
    "thousand": Decimal(10**3),
    "thousands": Decimal(10**3),
    "m": Decimal(10**6),
    "mm": Decimal(10**6),
    "mil": Decimal(10**6),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "b": Decimal(10**9),
    "bn": Decimal(10**9),
    "billion": Decimal(10**9),
    "billions": Decimal(10**9),
    # `2w`, `1.5w`: Chinese writers' Latin shorthand for 万 (wan), as common in chat as `k` is in English
    "w": Decimal(10**4),
}

CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: Units inside a section (十百千) and section multipliers (万亿).
CJK_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
CJK_BIG_UNITS = {"万": 10**4, "亿": 10**8}
CJK_UNITS = {**CJK_SMALL_UNITS, **CJK_BIG_UNITS}

#: Longest digit string we read; longer ones are nonsense, and int() of huge strings is slow.
MAX_DIGITS = 24


def parse_number(text: str) -> Decimal | None:
    """`1,200` -> 1200, `.5` -> 0.5; None when too long or malformed."""
    digits = text.replace(",", "")
    if len(digits) > MAX_DIGITS:
        return None
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def is_cjk_multiplier(text: str) -> bool:
    """True for a run of units only (`万`, `千万`, `百万`): a multiplier after Arabic digits."""
    return bool(text) and all(ch in CJK_UNITS for ch in text)


def cjk_value(text: str) -> int:
    """Value of a Chinese numeral: `五万` 50000, `一百万` 1000000, `两千` 2000, `一亿五千万` 150000000.

    A run of units alone (`千万`) is their product, as in `1千万` after the digit.
    """
    if is_cjk_multiplier(text):
        value = 1
        for ch in text:
            value *= CJK_UNITS[ch]
        return value
    total = section = number = 0
    last_unit, after_zero = 0, False
    for ch in text:
        if ch in CJK_DIGITS:
            number = CJK_DIGITS[ch]
            after_zero = after_zero or ch in "零〇"
        elif ch in CJK_SMALL_UNITS:
            section += (number or 1) * CJK_SMALL_UNITS[ch]
            number, last_unit, after_zero = 0, CJK_SMALL_UNITS[ch], False
        else:  # 万 or 亿: scales what came before it, unless a bigger unit already did (一亿五千万)
            unit = CJK_BIG_UNITS[ch]
            if total < unit:
                total = (total + section + number) * unit
            else:
                total += (section + number) * unit
            section = number = 0
            last_unit, after_zero = unit, False
    if number and last_unit >= 100 and not after_zero and text[-2] in CJK_UNITS:
        # `一万五` is 15,000 and `两千五` 2,500: a digit after a unit is the next unit down
        number *= last_unit // 10
    return total + section + number
