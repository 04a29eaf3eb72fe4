"""Reading amounts people type: `1,200`, `1.2k`, `0.5m`, `2B`, `1 million`, `5万`, `1千万`, `一百万`."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["ENGLISH_MULTIPLIERS", "CJK_DIGITS", "CJK_UNITS", "parse_number", "cjk_value", "is_cjk_multiplier", "spelled_numbers"]

ENGLISH_MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(10**3),
    "thousand": Decimal(10**3),
    "thousands": Decimal(10**3),
    "m": Decimal(10**6),
    "mm": Decimal(10**6),
    "mil": Decimal(10**6),  # (English slang; a Portuguese or Spanish writer means a thousand: asked with both, amounts.py)
    "mn": Decimal(10**6),
    "lakh": Decimal(10**5),  # Indian English: 2 lakh = 200,000
    "lakhs": Decimal(10**5),
    "lac": Decimal(10**5),
    "crore": Decimal(10**7),
    "crores": Decimal(10**7),
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


_ONES = {w: n for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * n for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)}
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "dozen": 12}
_NUMBER_WORD = re.compile(r"[a-z]+")
#: `a dozen test calls`, `half a dozen`: a dozen said with an article, no number word before it.
_A_DOZEN = re.compile(r"\b(?:(half) a|an?) dozen\b")
#: `a hundred out`, `a thousand requests`, `half a million tokens`: a scale said with an article, no number word before it.
_A_SCALE = re.compile(r"\b(?:(half) a|an?) (hundred|thousand|million)\b")
_SCALE_DIGITS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def spelled_numbers(text: str) -> str:
    """`twenty thousand requests a day, three thousand tokens in` -> `20000 requests a day, 3000 tokens in`;
    `two point five flash` -> `2.5 flash`. A lone `one` stays a word (`which one is cheaper`)."""
    text = _A_DOZEN.sub(lambda m: "6" if m.group(1) else "12", text)
    text = _A_SCALE.sub(lambda m: str(_SCALE_DIGITS[m.group(2)] // (2 if m.group(1) else 1)), text)
    words = [(m.start(), m.end(), m.group()) for m in _NUMBER_WORD.finditer(text)]
    out, last, i = [], 0, 0
    while i < len(words):
        j = i
        while j < len(words) and _in_number(words, i, j, text):
            j += 1
        while j > i and words[j - 1][2] in ("and", "point"):
            j -= 1  # a number never ends on `and` or `point`
        group = [w for _, _, w in words[i:j]]
        value = _spelled_value(group) if group else None
        if value is not None:
            out.append(text[last : words[i][0]] + value)
            last, i = words[j - 1][1], j
        else:
            i = max(i + 1, j)  # (never rescan a group that is no number: linear in the words)
    return "".join(out) + text[last:]


def _in_number(words: list[tuple[int, int, str]], i: int, j: int, text: str) -> bool:
    word = words[j][2]
    before = words[j - 1][2] if j > i else ""
    if j > i and text[words[j - 1][1] : words[j][0]].strip(" -"):
        return False  # only spaces or a hyphen between the words of one number (`twenty-five`)
    if word == "and":
        return before in _SCALES  # `two hundred and fifty`; `one and two thousand` are two numbers
    if word == "point":
        return j > i
    if word in _TENS and before in _ONES and text[words[j][1] : words[j][1] + 1] == "-" and not (
            j + 1 < len(words) and words[j + 1][2] in _ONES):
        return False  # `two thirty-second clips`, `four fifty-page contracts`: the tens word belongs to its noun
    if before in _ONES and word in _ONES or before in _TENS and word in _TENS or before in _ONES and _ONES[before] >= 10 and word in _ONES:
        return before == "point" or _after_point(words, i, j)  # `twenty twenty five`, `one two three`: no one number
    return word in _ONES or word in _TENS or word in _SCALES


def _after_point(words: list[tuple[int, int, str]], i: int, j: int) -> bool:
    """The digits after `point` are said one by one (`two point five`, `one point two five`)."""
    return any(w == "point" for _, _, w in words[i:j])


def _spelled_value(group: list[str]) -> str | None:
    if not any(w in _ONES or w in _TENS for w in group) or group == ["one"] or group == ["zero"]:
        return None  # `thousands of users`, `which one`: no number said
    total = current = 0
    decimals = ""
    after_point = False
    for k, word in enumerate(group):
        if after_point:
            if word not in _ONES or _ONES[word] > 9:
                return None
            decimals += str(_ONES[word])
        elif word == "point":
            after_point = True
        elif word == "and":
            continue
        elif word in _ONES:
            current += _ONES[word]
        elif word in _TENS and k > 0 and group[k - 1] in _ONES and 0 < _ONES[group[k - 1]] < 20:
            current = current * 100 + _TENS[word]  # `two fifty`, `twelve fifty`: the hundreds left unsaid (250, 1,250)
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        else:
            total += (current or 1) * _SCALES[word]
            current = 0
    number = str(total + current)
    return f"{number}.{decimals}" if decimals else number
