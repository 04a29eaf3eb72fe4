"""Opening hours said as two times of day, read as their length in hours.

`每天9點到21點 平均每小時70則`, `早上8点到晚上10点`, `open 9am to 6pm`, `晚上10点到早上6点`: people size a
service by its hours, then give a rate. The two times and the words between them become one duration
(`12 小时`), which the rate pass (`hourly.py`) reads as the hours a day the rate runs, and which a cache
reads as its storage time. A single time of day (`9点开始`) is still no amount (amounts.py).
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["opening_hours"]

#: Words before a time that put it after noon (`晚上10点`, `下午6点`).
_AFTERNOON = frozenset(["下午", "晚上", "傍晚", "夜里", "夜间", "晚间", "pm", "p.m."])
#: Words before a time that put it before noon; they only need skipping.
_MORNING = frozenset(["早上", "上午", "早", "凌晨", "清晨", "am", "a.m."])
_JOINERS = frozenset(["到", "至", "-", "~", "～", "—", "to", "till", "until", "through", "thru"])


def opening_hours(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        found = _range_at(tokens, i)
        if found is None:
            out.append(tokens[i])
            i += 1
            continue
        hours, end = found
        first, last = tokens[i], tokens[end - 1]
        cjk = any(t.kind == "cjk" for t in tokens[i:end])
        out.append(Token("amount", str(hours), first.start, last.end, first.glued, value=Decimal(hours), after_break=first.after_break))
        out.append(Token("cjk" if cjk else "word", "小时" if cjk else "hours", last.end, last.end, True, role="dur:1"))
        i = end
    return out


def _range_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(hours, index after the range) when two times of day joined by 到/to start at ``i``."""
    start = _time_at(tokens, i)
    if start is None:
        return None
    h1, k, joined = start
    if not joined:
        if k >= len(tokens) or tokens[k].text not in _JOINERS:
            return None
        k += 1
    end = _time_at(tokens, k)
    if end is None:
        return None
    h2, after, _ = end
    if h2 <= h1 and h2 < 12 and not _said_before(tokens, i) and not _said_before(tokens, k):
        h2 += 12  # `9点到5点`, `9 to 5`: the afternoon is meant
    hours = (h2 - h1) % 24
    return (hours, after) if hours else None


def _time_at(tokens: list[Token], i: int) -> tuple[int, int, bool] | None:
    """A time of day at ``i``: (hour on a 24-hour clock, index after it, whether the joiner was in its word)."""
    k = i
    afternoon = False
    for size in (2, 1):  # (`早上` may be split in two: `早` `上`)
        said = "".join(t.text for t in tokens[k : k + size])
        if len(tokens[k : k + size]) == size and said in _AFTERNOON | _MORNING and all(t.kind != "amount" for t in tokens[k : k + size]):
            afternoon = said in _AFTERNOON
            k += size
            break
    if k + 1 >= len(tokens) or tokens[k].kind != "amount" or tokens[k].money is not None:
        return None
    value = tokens[k].value
    if value is None or value != value.to_integral_value() or not 0 <= value <= 24:
        return None
    hour, unit = int(value), tokens[k + 1]
    if unit.kind == "cjk" and unit.text[:1] == "点" and unit.text[1:] in ("", "到", "至", "钟"):
        joined = unit.text[1:] in ("到", "至")
    elif unit.kind == "word" and unit.text in ("am", "pm"):
        afternoon, joined = unit.text == "pm", False
    else:
        return None
    if afternoon and hour < 12:
        hour += 12
    return hour, k + 2, joined


def _said_before(tokens: list[Token], k: int) -> bool:
    """The time at ``k`` says which half of the day it is in."""
    said = "".join(t.text for t in tokens[k : k + 2])
    unit = tokens[k + 1] if k + 1 < len(tokens) else None
    return tokens[k].text in _AFTERNOON | _MORNING or said in _AFTERNOON | _MORNING or unit is not None and unit.text in ("am", "pm")
