"""Opening hours said as two times of day, read as their length in hours.

`每天9點到21點 平均每小時70則`, `早上8点到晚上10点`, `open 9am to 6pm`, `晚上10点到早上6点`: people size a
service by its hours, then give a rate. The two times and the words between them become one duration
(`12 小时`), which the rate pass (`hourly.py`) reads as the hours a day the rate runs, and which a cache
reads as its storage time. A single time of day (`9点开始`) is still no amount (amounts.py).
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["OPEN_HOURS", "opening_hours"]

#: The unit word of the duration this pass writes: hours of a day, never a length of audio (pairing reads it so).
OPEN_HOURS = frozenset(["营业小时", "open hours"])

#: Words before a time that say its half of the day: after noon (`下午6点`), at night (`晚上10点`, and
#: `晚上12点` is midnight), before noon (`早上8点`).
_HALVES = {**dict.fromkeys(["下午", "傍晚"], "pm"), **dict.fromkeys(["晚上", "夜里", "夜间", "晚间", "半夜"], "night"),
           **dict.fromkeys(["早上", "上午", "早", "凌晨", "清晨"], "am")}
_JOINERS = frozenset(["到", "至", "-", "~", "～", "—", "to", "till", "until", "through", "thru"])


def opening_hours(tokens: list[Token]) -> list[Token]:
    """The tokens with each range of times of day as its hours; two ranges (`早上7点到11点 晚上6点到10点`) are
    one day's opening hours, so their hours are added into the first."""
    if not any(t.text in ("am", "pm") or t.kind == "cjk" and t.text[:1] == "点" for t in tokens):
        return tokens  # (no time of day said: most questions, so the scan below is skipped)
    out: list[Token] = []
    ranges: list[int] = []
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
        if ranges:
            opened = out[ranges[0]]
            assert opened.value is not None
            opened.value += hours
            opened.text = str(opened.value)
            i = end
            continue
        ranges.append(len(out))
        out.append(Token("amount", str(hours), first.start, last.end, first.glued, value=Decimal(hours), after_break=first.after_break))
        out.append(Token("cjk" if cjk else "word", "营业小时" if cjk else "open hours", last.end, last.end, True, role="dur:1"))
        i = end
    return out


def _range_at(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(hours, index after the range) when two times of day joined by 到/to start at ``i``."""
    start = _time_at(tokens, i)
    if start is None:
        return None
    h1, half1, k, joined = start
    if not joined:
        if k >= len(tokens) or tokens[k].text not in _JOINERS:
            return None
        k += 1
    end = _time_at(tokens, k)
    if end is None:
        return None
    h2, half2, after, _ = end
    begin = _clock(h1, half1, end=False)
    if half2 is not None:
        finish = _clock(h2, half2, end=True)
    elif half1 in ("pm", "night"):
        # `下午1点到5点`, `晚上7点到12点`: still that half of the day; `晚上8点到2点`: past midnight
        later = _clock(h2, half1, end=True)
        finish = later if later > begin else h2
    else:
        finish = h2 + 12 if h2 <= begin and h2 < 12 else h2  # `9点到5点`, `早上9点到6点`: the afternoon is meant
    hours = (finish - begin) % 24
    return (hours, after) if hours else None


def _clock(hour: int, half: str | None, *, end: bool) -> int:
    """A time on a 24-hour clock: `下午3点` is 15, `晚上12点` and an ending `12am` are midnight (24 at the end)."""
    if half in ("pm", "night") and hour < 12:
        return hour + 12
    if hour == 12 and (half == "am" or half == "night"):
        return 24 if end else 0
    return hour


def _time_at(tokens: list[Token], i: int) -> tuple[int, str | None, int, bool] | None:
    """A time of day at ``i``: (hour as said, the half of the day said with it, index after it, whether the
    joiner was in its word)."""
    k = i
    half: str | None = None
    for size in (2, 1):  # (`早上` may be split in two: `早` `上`)
        said = "".join(t.text for t in tokens[k : k + size])
        if len(tokens[k : k + size]) == size and said in _HALVES and all(t.kind != "amount" for t in tokens[k : k + size]):
            half = _HALVES[said]
            k += size
            break
    if k + 1 >= len(tokens) or tokens[k].kind != "amount" or tokens[k].money is not None:
        return None
    value = tokens[k].value
    if value is None or value != value.to_integral_value() or not 0 <= value <= 24:
        return None
    hour, unit = int(value), tokens[k + 1]
    if unit.kind == "cjk" and unit.text[:1] == "点":  # (`22点营业`: the word after the time may run on)
        joined = unit.text[1:2] in ("到", "至")
    elif unit.kind == "word" and unit.text in ("am", "pm"):
        half, joined = unit.text, False
    else:
        return None
    return hour, half, k + 2, joined
