"""Request rates per hour, minute or second, with how many hours a day they run, as a daily count.

`每小时 3000 条，全天 24 小时`, `~300 req/min for about 10h a day`, `500 requests an hour around the clock`:
people size a service by its rate and its hours. A rate alone (`60 requests per minute`) says nothing of
the day and is still asked about; with the hours it is a daily count, and the answer says how it was
worked out (`Notice("rate_per_hour")`, `_minute`, `_second`; `…_total` for one event's hours).

The pass rewrites the tokens to the daily count it read: the rate's amount becomes the day's count, its
unit word the period `day`, and the hours are consumed. Rates that each run for their own hours
(`尖峰6小时每小时1.5万则 其他18小时每小时2千则`) are summed into the day (`Notice("rates_summed")`) when every
rate sits beside its hours. Nothing is rewritten when the hours are said of a cache (they are its storage
time) or do not pair up with the rates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..tokens import Token
from .neighbours import clause_around, said_of_a_cache

__all__ = ["IntervalRead", "RateRead", "daily_from_rates", "every_interval"]

#: Chinese words that open a rate, and how many of its unit make an hour.
_CJK_PER = {"每小时": 1, "每个小时": 1, "每分钟": 60, "每秒": 3600, "每秒钟": 3600,
            "一小时": 1, "一个小时": 1, "一分钟": 60, "一秒": 3600, "一秒钟": 3600}  # (`一分钟大概 20 次`)
#: English units after `/`, `per`, `an`, `a`, `every`, and how many of each make an hour.
_UNITS = {
    **dict.fromkeys(("h", "hr", "hrs", "hour"), 1),
    **dict.fromkeys(("min", "mins", "minute"), 60),
    **dict.fromkeys(("s", "sec", "second"), 3600),
}
_UNIT_NAMES = {1: "hour", 60: "minute", 3600: "second"}
_PER = ("/", "per", "an", "a", "every")
#: Words that say a service runs all day.
_ALL_DAY = frozenset(["全天", "不停", "不间断", "全天候"])  # (`24/7` is read as its amounts)
_HOURS = ("dur:1",)
#: Words that make the hours one event's, not every day's: the count is that event's total.
_EVENT_WORDS = frozenset(["一场", "这场", "每场", "整场", "当晚", "那晚", "那天晚上", "show", "session", "event", "stream", "livestream",
                          "broadcast", "webinar"])


@dataclass(frozen=True)
class RateRead:
    rate: Decimal
    unit: str  # hour, minute or second
    hours: Decimal
    daily: Decimal
    event: bool = False  # the hours are one event's (`一场直播 3 小时`), the count its total
    summed: bool = False  # one of the day's rates, each for its own hours (`尖峰6小時…其他18小時…`)


@dataclass(frozen=True)
class IntervalRead:
    every: Decimal  # how many units between two runs
    unit: str  # hour, minute or second
    hours: Decimal  # the hours a day it runs (24 unless said)
    daily: Decimal


#: Words that say once after an interval (`每5分钟跑一次`, `每5分鐘打一次`, `runs once`): the one request of each run.
_ONCE_WORDS = frozenset(["一次", "跑一次", "打一次", "调一次", "调用一次", "执行一次", "运行一次", "更新一次", "once"])


def every_interval(tokens: list[Token]) -> IntervalRead | None:
    """`每5分钟跑一次`, `cron job every 10 minutes`, `refreshes every 2 min for 16 hours a day`: one request each
    interval, for the hours a day said, else around the clock (a job on a timer runs all day). The amount becomes
    the day's count (`每5分钟跑一次` reads `每天 288 次`); None when there is no such interval, or the day holds no
    whole number of them."""
    found = [k for k, t in enumerate(tokens[1:-1], start=1)
             if t.kind == "amount" and t.money is None and t.value and (tokens[k + 1].role or "").startswith("dur:")
             and (tokens[k - 1].text == "every" or tokens[k - 1].kind == "cjk" and tokens[k - 1].text.endswith("每"))]
    if len(found) != 1:
        return None
    (k,) = found
    amount, unit = tokens[k], tokens[k + 1]
    assert amount.value is not None and unit.role is not None
    num, _, den = unit.role[4:].partition("/")
    per_hour = Decimal(den or 1) / Decimal(num)  # units in an hour
    if per_hour not in _UNIT_NAMES:
        return None  # (`every 2 days`: no interval within a day)
    said = _hours_a_day(tokens, skip=k)
    hours, hour_words = said if said is not None else (Decimal(24), [])
    daily = hours * per_hour / amount.value
    if daily != daily.to_integral_value() or daily < 1:
        return None
    read = IntervalRead(amount.value, _UNIT_NAMES[int(per_hour)], hours, daily)
    _read_the_hours(tokens, hour_words)
    for j in range(k + 2, min(k + 4, len(tokens))):
        if tokens[j].text in _ONCE_WORDS and not tokens[j].after_break:
            tokens[j].role = "skip"  # (the once of each run: the count is the day's)
    tokens[k - 1].role = "skip"
    amount.value = daily
    unit.role = "count"
    tokens.insert(k + 2, Token(unit.kind, "day", unit.end, unit.end, True, role="period:day"))
    return read


def daily_from_rates(tokens: list[Token]) -> list[RateRead]:
    rates = [r for r in (_rate_at(tokens, i) for i, t in enumerate(tokens) if t.kind == "amount" and t.money is None) if r is not None]
    averaged = [r for r in rates if _averaged(tokens, r[0])]
    peaks = [r for r in rates if r not in averaged] if len(rates) > 1 and len(averaged) == 1 else []
    if peaks:
        rates = averaged  # `peak is 50 rps but avg is ~4 rps`: the average is what the day costs
    if len(rates) > 1 and not averaged:
        return _summed(tokens, rates)  # `尖峰6小時每小時1萬5千則 其他18小時每小時2千則`: each rate for its own hours
    if len(rates) != 1:
        return []
    at, unit_words, per_hour = rates[0]
    said = _hours_a_day(tokens, skip=at)
    if said is None and averaged:
        said = Decimal(24), []  # an average over the day runs all day
    if said is None:
        return []
    hours, hour_words = said
    if hour_words and _said_of_a_month(tokens, hour_words):
        return []  # `每月8小时`: hours a month, not a day
    if any(tokens[k].kind == "amount" and said_of_a_cache(tokens, k, k + 1) for k in hour_words):
        return []  # `缓存 200k 放 24 小时`: the hours there are the storage's
    amount = tokens[at]
    assert amount.value is not None
    rate = amount.value
    daily = rate * hours * per_hour
    if daily != daily.to_integral_value():
        return []
    event = any(t.text in _EVENT_WORDS for t in tokens)
    for peak, words, _ in peaks:
        for k in (peak, *words):  # `peak is 50 rps`: the peak is capacity, not the day's volume
            tokens[k].as_filler()
    if at + 1 < len(tokens) and tokens[at + 1].role is None:
        tokens[at + 1].role = "count"  # `900 scans per hour`: the requests counted
    _read_the_hours(tokens, hour_words)
    amount.value = daily.to_integral_value()
    *joins, unit = unit_words
    for k in joins:
        tokens[k].role = "skip"
    if tokens[unit].text in ("rps", "qps"):
        # `4 rps`: the unit is the requests; the day they now count is said after them
        day = Token("word", "day", tokens[unit].start, tokens[unit].end, False, role="period:day")
        tokens[unit].role = "count"
        tokens.insert(unit + 1 if unit > at else at + 1, day)
        if unit < at:  # `QPS 2`: the count word before its amount reads as a count label
            tokens[unit].role = "count_label"
    elif event:
        tokens[unit].role = "skip"  # `每小时 1,800 則，一場直播 3 小時，一場多少錢`: the show's total, no day
    else:
        tokens[unit].role = "period:day"  # `每小时 3000 条` now reads `每天 72000 条`
    return [RateRead(rate, _UNIT_NAMES[per_hour], hours, amount.value, event)]


#: Words that give a rate the hours no other rate has (`其他时间每小时100`, `the rest of the day`).
_REST_WORDS = frozenset(["其他", "其余", "剩下", "剩余", "其他时间", "其余时间", "其他时段", "平时", "other", "rest", "remaining"])


def _summed(tokens: list[Token], rates: list[tuple[int, list[int], int]]) -> list[RateRead]:
    """Rates that each run for their own hours of the day, summed into the day's count. Each rate must sit
    beside its own hours, in one clause with no other rate or hours between (`尖峰6小时每小时1.5万则 其他18小时
    每小时2千则`, `1.2k req/h for 8 peak hours and 200 req/h the other 16 hrs`); one rate may have none where it
    is said of the rest of the day (`其余时间每小时 100 条`). Nothing is read unless every rate and every hours
    amount pair up that way and the hours fit in a day; never for one event's hours (`一场直播`)."""
    if any(t.text in _EVENT_WORDS for t in tokens):
        return []
    hours = _hours_said(tokens, {at for at, _, _ in rates})
    rest: tuple[int, list[int], int] | None = None
    if len(hours) == len(rates) - 1:
        resting = [r for r in rates if any(t.text in _REST_WORDS for t in tokens[max(r[0] - 4, 0) : r[0]])]
        if len(resting) != 1:
            return []
        rest = resting[0]
    paired = _pair_in_clauses(tokens, [r for r in rates if r is not rest], hours)
    if paired is None:
        return []
    spans = [span for _, (span, _) in paired]
    if rest is not None:
        if sum(spans, Decimal(0)) >= 24:
            return []
        paired.append((rest, (24 - sum(spans, Decimal(0)), [])))
    if sum((span for _, (span, _) in paired), Decimal(0)) > 24:
        return []
    if any(said_of_a_cache(tokens, words[0], words[-1]) for _, words in hours if words):
        return []  # one of the hours is the cache's
    if any(_said_of_a_month(tokens, words) for _, words in hours if words):
        return []  # `每个月高峰10小时`: hours a month, so the rest of the day is unknown
    paired.sort(key=lambda p: p[0][0])
    reads = []
    for (at, _, per_hour), (span, _) in paired:
        rate = tokens[at].value
        assert rate is not None
        daily = rate * span * per_hour
        if daily != daily.to_integral_value():
            return []
        reads.append(RateRead(rate, _UNIT_NAMES[per_hour], span, daily.to_integral_value(), summed=True))
    (first, *others) = [r for r, _ in paired]
    tokens[first[0]].value = sum((r.daily for r in reads), Decimal(0))
    *joins, unit = first[1]
    for k in joins:
        tokens[k].role = "skip"
    if first[0] + 1 < len(tokens) and tokens[first[0] + 1].role is None:
        tokens[first[0] + 1].role = "count"
    tokens[unit].role = "period:day"
    for at, unit_words, _ in others:
        counted = [at + 1] if at + 1 < len(tokens) and tokens[at + 1].role == "count" else []
        for k in (at, *unit_words, *counted):
            tokens[k].as_filler()
    for _, hour_words in hours:
        for k in hour_words:
            tokens[k].as_filler()
    return reads


def _read_the_hours(tokens: list[Token], hour_words: list[int]) -> None:
    """The hours a day said (`for 16 hours a day`, `24小时`), read into the day's count: their words, and the day
    they are said per, are read and left out."""
    for k in hour_words:
        tokens[k].as_filler()
    if hour_words:
        _consume_the_hours_day(tokens, hour_words[-1])


def _consume_the_hours_day(tokens: list[Token], last: int) -> None:
    """`8 hours a day`: the day the hours are said per is the rate's, now its period; it is read with them."""
    for k in range(last + 1, min(last + 3, len(tokens))):
        if tokens[k].after_break:
            return
        if tokens[k].role == "period:day":
            tokens[k].role = "skip"
            return
        if tokens[k].role not in ("skip", "link") and tokens[k].text not in ("a", "per", "each", "every", "/"):
            return


def _said_of_a_month(tokens: list[Token], hour_words: list[int]) -> bool:
    """A month period word a few words before the hours or right after them (`每个月高峰10小时`, `10 hours a month`);
    not when a day's comes first after them (`24h a day. monthly`: a day's hours, and the month asked)."""
    for tok in tokens[hour_words[-1] + 1 : hour_words[-1] + 4]:
        if tok.after_break:
            break  # (`24 小時不停，一個月多少`: the month after the comma is the one asked)
        if tok.role in ("period:day", "period:month"):
            return tok.role == "period:month"
    return any(t.role == "period:month" for t in tokens[max(hour_words[0] - 3, 0) : hour_words[0]])


def _pair_in_clauses(
    tokens: list[Token], rates: list[tuple[int, list[int], int]], hours: list[tuple[Decimal, list[int]]]
) -> list[tuple[tuple[int, list[int], int], tuple[Decimal, list[int]]]] | None:
    """Rates and hours taken two by two in the order they are said, each pair one rate and one hours amount
    with no clause break between them; None when they do not pair up so."""
    if len(rates) != len(hours):
        return None
    said = sorted([(r[0], "rate", r) for r in rates] + [(h[1][0], "hours", h) for h in hours], key=lambda x: x[0])
    pairs = []
    for (a, kind_a, one), (b, kind_b, other) in zip(said[::2], said[1::2], strict=True):
        if kind_a == kind_b or any(t.after_break for t in tokens[a + 1 : b + 1]):
            return None  # (`平时每小时2千则，尖峰6小时…`: the hours after a comma are the next rate's)
        rate, span = (one, other) if kind_a == "rate" else (other, one)
        if kind_a == "rate" and any(t.text in _REST_WORDS for t in tokens[max(a - 4, 0) : a]):
            return None  # `其余时间每小时100单 每天营业12小时`: the rest's hours come before its rate (`其余18小时每小时100条`)
        pairs.append((rate, span))
    return pairs  # type: ignore[return-value]


def _hours_said(tokens: list[Token], rates: set[int]) -> list[tuple[Decimal, list[int]]]:
    """Every `N 小时` / `N hours` (one word may stand between: `8 peak hours`), in order."""
    found = []
    for k, tok in enumerate(tokens):
        if tok.kind != "amount" or k in rates or tok.value is None or not 0 < tok.value <= 24 or tok.money is not None:
            continue
        for j in (k + 1, k + 2):
            if j < len(tokens) and tokens[j].role in _HOURS and (j == k + 1 or tokens[k + 1].kind == "word" and tokens[k + 1].role is None):
                found.append((tok.value, list(range(k, j + 1))))
                break
    return found


def _averaged(tokens: list[Token], at: int) -> bool:
    """`avg is ~4 rps`, `整天平均下來算QPS 2`: the rate is said to be the average."""
    return any(t.text in ("avg", "average", "averages") or t.kind == "cjk" and "平均" in t.text for t in tokens[max(at - 5, 0) : at])


def _rate_at(tokens: list[Token], i: int) -> tuple[int, list[int], int] | None:
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.text in ("rps", "qps"):
        return i, [i + 1], 3600  # `4 rps`: requests a second
    back = next((k for k in range(i - 1, max(i - 4, -1), -1) if tokens[k].text in ("rps", "qps")), None)
    if back is not None and not any(t.kind == "amount" for t in tokens[back + 1 : i]):
        return i, [back], 3600  # `QPS 2`, `QPS大概5`
    k = i - 1
    walked_unknown = False
    while k >= 0 and not tokens[k + 1].after_break and (tokens[k].role in ("skip", "count_verb", "link") or (
            not walked_unknown and tokens[k].kind == "cjk" and tokens[k].role is None and len(tokens[k].text) <= 2)):
        walked_unknown = walked_unknown or tokens[k].role is None  # (`每小時拍 200 張`, `每小时抽验 60 批`: one word, a verb, between)
        k -= 1
    if k >= 0 and not tokens[k + 1].after_break and tokens[k].text in _CJK_PER:
        return i, [k], _CJK_PER[tokens[k].text]
    j = i + 1
    hyphened = False
    while j + 2 < len(tokens) and tokens[j].kind == "word" and tokens[j].role is None and tokens[j + 1].text == "-" and tokens[j + 2].kind == "word":
        j += 2  # `~150 clip-title requests an hour`: a hyphened name of what is counted
        hyphened = True
    if (j + 1 < len(tokens) and tokens[j].kind == "word" and tokens[j].role is None and not tokens[j].text.endswith("s")
            and tokens[j + 1].kind == "word" and tokens[j + 1].role in (None, "count", "label:output") and tokens[j + 1].text.endswith("s")):
        j += 1  # `~400 review replies an hour`: two words name what is counted
    if j < len(tokens) and (tokens[j].role == "count" or tokens[j].kind == "word" and tokens[j].role in (None, "label:output") and tokens[j].text.endswith("s")
                            or tokens[j].text == "x" and tokens[j].glued):
        j += 1  # `1.2k req/hr`, `900 scans per hour`, `200x an hour`: what is counted (times), then its unit
    if j + 1 < len(tokens) and tokens[j].text in _PER and tokens[j + 1].text in _UNITS and (
            j > i + 1 and not hyphened or (hyphened or _bare_count(tokens, i)) and _plain_rate(tokens, i, j + 1)):
        return i, [j, j + 1], _UNITS[tokens[j + 1].text]
    return None


#: Words that make a bare rate no day's average of requests: a peak or a cap, or a share per someone.
_NOT_A_PLAIN_RATE = frozenset(["peak", "peaks", "max", "maximum", "cap", "capped", "limit", "limits", "most", "tops", "top", "burst", "bursts",
                               "per", "each", "every", "tokens", "token", "revenue", "earn", "earns", "$", "dollars", "bucks"])


def _plain_rate(tokens: list[Token], i: int, unit: int) -> bool:
    """A bare rate (`~20 per hour`, `like 200x an hour`) is requests over the whole day only when nothing in its sentence
    makes it a peak or a cap (`at peak`, `max`, `60 per hour limit`), a rate per someone (`per user`, `each`), tokens or
    money, and it is no amount in thousands (`~20k per hour`, `1.2M an hour`: tokens more likely)."""
    if tokens[i].text[-1:].isalpha():
        return False  # (`20k`, `1.2m`)
    start, _ = clause_around(tokens, i)
    end = unit + 1
    while end < len(tokens) and not (tokens[end].after_break and tokens[end].text not in ("24", "round", "around")):
        end += 1
    said = [t.text for k, t in enumerate(tokens[start:end], start=start) if k not in (unit - 1, unit)]
    return not any(w in _NOT_A_PLAIN_RATE for w in said)


#: Hedges between a verb and its count (`gets like 200 an hour`, `runs about 60 an hour`).
_HEDGES = frozenset(["like", "about", "around", "roughly", "approx", "approximately", "maybe", "some", "~"])


def _bare_count(tokens: list[Token], i: int) -> bool:
    """`we get ~120 an hour around the clock`: a bare amount, no money, after a verb of receiving or sending (what
    comes in an hour is requests), not `60 an hour` of anything said in tokens or money."""
    tok = tokens[i]
    arriving = i > 1 and tokens[i - 1].text == "in" and tokens[i - 2].text in ("come", "comes", "coming", "came")  # `calls come in ~500/hr`
    # (`5k in, 1k out, ~20 per hour round the clock`: a clause of its own after the usage, only the rate in it)
    alone = tok.after_break and any((t.role or "") == "label:output" for t in tokens[:i])
    before = i - 1
    while before > 0 and tokens[before].text in _HEDGES:
        before -= 1  # (`hits flash-lite like 200x an hour`)
    return tok.money is None and i > 0 and (alone or arriving or tokens[before].text in (
        "get", "gets", "getting", "receive", "receives", "handle", "handles", "process", "processes", "send", "sends", "see", "sees", "run", "runs",
        "hits", "hit", "hitting", "fires", "fire", "push", "pushes"))


def _hours_a_day(tokens: list[Token], skip: int) -> tuple[Decimal, list[int]] | None:
    """The hours a day the rate runs: `24 小时`, `for 16h a day`, `全天`, `around the clock`, `24/7`; None if
    not said, or said twice differently."""
    found: list[tuple[Decimal, list[int]]] = []
    for k, tok in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok.text in _ALL_DAY:
            found.append((Decimal(24), [k]))
        elif tok.text in ("around", "round") and k + 2 < len(tokens) and tokens[k + 2].text == "clock":
            found.append((Decimal(24), [k, k + 1, k + 2]))
        elif tok.kind == "amount" and k != skip and nxt is not None:
            if nxt.role in _HOURS and tok.value is not None and 0 < tok.value <= 24:
                found.append((tok.value, [k, k + 1]))
            elif tok.value == 24 and nxt.text == "/" and k + 2 < len(tokens) and tokens[k + 2].value == 7:
                found.append((Decimal(24), [k, k + 1, k + 2]))
    if not found or len({hours for hours, _ in found}) != 1:
        return None
    return found[0][0], [k for _, at in found for k in at]
