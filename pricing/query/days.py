"""A daily count with the number of days it runs: a total for those days, or a month of working days.

`618 活动一共 7 天，每天 12 万次`, `檔期10天 … 每天大概5000筆 … 總共多少`: an event of so many days, priced
as the total; `每个工作日 1000 次，一个月按 22 个工作日算`, `1.2k tickets per workday, 22 workdays/mo`: a
month of working days, priced per month. `按 30 天算` is the month the answers already use.

The pass rewrites the tokens to what it read (the count's amount becomes the total or the month's count,
its period word the month's or none) and says so in the answer (`Notice("days_total")`,
`Notice("days_month")`). Nothing is rewritten in a question that keeps a cache (days there are storage).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..models import Period
from ..tokens import Token
from .neighbours import clause_around
from .vocab import ASKED_CUES

__all__ = ["UNPRICED_PERIODS", "DaysRead", "SpanRead", "SplitDays", "daily_count_over_days", "days_span_total", "one_period_of", "read_span_total",
           "split_days", "that_days_total", "week_or_year_asked", "weekly_as_daily", "weekly_count", "yearly_as_monthly"]

#: A working day in one word (`工作日`, `上班日`, `workday`), and the adjectives that make one of `day` (`working days`,
#: `school days`, `business day`). A trading day is a market's working day.
_WORKDAY_NOUNS = ("工作日", "工作天", "上班日", "营业日", "交易日", "workday", "workdays")
_WORKDAY_ADJECTIVES = ("business", "working", "trading", "school", "office", "open", "opening", "operating")
_WORKDAY = (*_WORKDAY_NOUNS, "个工作日", "个工作天", "个上班日", "个营业日", "个交易日", *_WORKDAY_ADJECTIVES)
_DAY_WORDS = ("天", "日", "days", "day", *_WORKDAY)
_MONTH_WORDS = ("一个月", "每月", "每个月", "月", "mo", "month")
_PER_WORKDAY = tuple(each + day for each in ("每个", "每") for day in _WORKDAY_NOUNS if "\u4e00" <= day[0])  # (`每个工作日`, `每上班日`)


@dataclass(frozen=True)
class DaysRead:
    daily: Decimal
    days: Decimal
    total: Decimal
    month: bool  # a month of that many (working) days, else the total of an event


@dataclass(frozen=True)
class SplitDays:
    """A month of two kinds of day, each with its own daily count: `工作日每天300条 周末每天1000条，按22个工作日
    8天周末算` is 300 x 22 + 1,000 x 8 requests a month."""

    segments: tuple[tuple[Decimal, Decimal], ...]  # (requests a day, days a month), weekdays first
    total: Decimal


#: The two kinds of day a month is split into, as people name them (a measure word may stand before: `22个工作日`).
_DAY_KINDS = {
    "weekday": frozenset(["工作日", "工作天", "平日", "上班日", "weekday", "weekdays", "workday", "workdays", "business"]),
    "weekend": frozenset(["周末", "假日", "六日", "节假日", "weekend", "weekends", "holiday", "holidays"]),
}


def split_days(tokens: list[Token]) -> SplitDays | None:
    """Rewrite a month of weekdays and weekend days (each kind with its daily count and its days a month) to
    that month's count; None (nothing rewritten) unless each kind has exactly one of each."""
    if any((t.role or "") in ("label:cache", "label:storage", "label:cached") for t in tokens):
        return None
    days: dict[str, tuple[int, list[int]]] = {}
    counts: dict[str, int] = {}
    day_words: set[int] = set()
    for k in range(len(tokens)):
        kind, words = _days_of_a_kind(tokens, k)
        if kind is None:
            continue
        if kind in days:
            return None
        days[kind] = (k, words)
        day_words.update(words)
    if len(days) != 2:
        return None
    markers = [(k, kind) for k, t in enumerate(tokens) if k not in day_words and (kind := _kind(t)) is not None]
    for k, kind in markers:
        count = _count_after(tokens, k, {at for at, _ in days.values()})
        if count is None:
            continue
        if kind in counts and counts[kind] != count:
            return None
        counts[kind] = count
    if len(counts) != 2 or counts["weekday"] == counts["weekend"]:
        return None
    segments = []
    for kind in ("weekday", "weekend"):
        daily, month_days = tokens[counts[kind]].value, tokens[days[kind][0]].value
        assert daily is not None and month_days is not None
        segments.append((daily, month_days))
    if not 28 <= sum(n for _, n in segments) <= 31:
        return None  # `5个工作日2天周末` is a week; `4 weekends` are not 4 days: only a month's days are read
    if any((tokens[j].role or "") == "period:month" for c in counts.values() for j in range(max(c - 3, 0), c)):
        return None  # `工作日每月300条`: counts a month each, not a day
    total = sum((daily * n for daily, n in segments), Decimal(0))
    first, second = sorted(counts.values())
    tokens[first].value = total
    periods = [j for j in range(len(tokens)) if tokens[j].role == "period:day" and any(abs(j - c) <= 3 for c in (first, second))]
    for j in periods:
        tokens[j].role = "skip"
    opener = periods[0] if periods and periods[0] < first else min(k for k, _ in markers)
    tokens[opener].role = "period:month"  # the month's count now, opened by the word before it
    for j in (second, *([second + 1] if (tokens[second + 1].role or "") in ("count", "") else []), *day_words):
        tokens[j].as_filler()
    for k, _ in markers:
        if k != opener:
            tokens[k].role = "skip"
    return SplitDays(tuple(segments), total)


def _kind(tok: Token) -> str | None:
    text = tok.text[1:] if tok.kind == "cjk" and tok.text[:1] in ("个", "個") else tok.text
    return next((kind for kind, words in _DAY_KINDS.items() if text in words), None)


def _days_of_a_kind(tokens: list[Token], k: int) -> tuple[str | None, list[int]]:
    """`22个工作日`, `8天周末`, `8 weekend days`, `22 weekdays`: days a month of one kind, and its words."""
    tok = tokens[k]
    if tok.kind != "amount" or tok.money is not None or tok.value is None or not 0 < tok.value <= 31 or k + 1 >= len(tokens):
        return None, []
    kind = _kind(tokens[k + 1])
    if kind is not None:
        after = k + 2 if k + 2 < len(tokens) and tokens[k + 2].text in ("days", "day", "日", "天") else k + 1
        return kind, list(range(k, after + 1))
    if tokens[k + 1].text in ("天", "days") and k + 2 < len(tokens) and (kind := _kind(tokens[k + 2])) is not None:
        return kind, [k, k + 1, k + 2]
    return None, []


def _count_after(tokens: list[Token], k: int, days: set[int]) -> int | None:
    """The daily count a kind of day opens: the first amount in the next few words (`周末每天一千条`, `假日一天6000次`,
    `weekends ~500 a day`)."""
    for j in range(k + 1, min(k + 5, len(tokens))):
        if tokens[j].kind == "amount":
            return j if j not in days and tokens[j].money is None and _counted(tokens, j) else None
    return None


def daily_count_over_days(tokens: list[Token]) -> DaysRead | None:
    if any((t.role or "") in ("label:cache", "label:storage", "label:cached") for t in tokens):
        return None  # `缓存 3 天`: the days are the storage's
    days = [k for k, t in enumerate(tokens) if t.kind == "amount" and t.money is None and _days_after(tokens, k)]
    values = {tokens[k].value for k in days}
    if not days:
        if not any(t.role == "period:month" for t in tokens):
            return None  # (`每个工作日 3000 次 … 一天多少`: a working day's price, as said)
        for k, tok in enumerate(tokens):
            per = k > 0 and tokens[k - 1].text in ("per", "every", "each") and tok.text in ("workday", "weekday")
            if (tok.text in _PER_WORKDAY or per) and tok.role in (None, "skip"):
                # `每个工作日 3000 次 … 每月多少`, `1.2k tickets per workday … monthly`: how many working days a month?
                # Asked (not 30, not 1)
                tok.role = "matter"
        return None
    if len(values) != 1 or any(_a_deadline(tokens, k) for k in days):
        return None  # (`SLA is 2 business days`, `3个工作日内完成`: how soon, no days of requests)
    _working_day_periods(tokens)  # (`per working day` with the working days of a month said: not 30 of them)
    (count_days,) = values
    assert count_days is not None
    if not 1 < count_days <= 31 or count_days != count_days.to_integral_value():
        return None
    period = _daily_period(tokens)
    if period is None:
        return None
    count = _count_of(tokens, period, days)
    if count is None:
        return None
    month = any(_month_near(tokens, k) or _counted_as(tokens, k) for k in days)
    if count_days == 30 and not any(_days_after(tokens, k, workdays=True) for k in days):
        # `按 30 天算`, `三十天下来多少`: 30 days are the month the answers use, asked for; the daily count stays as said
        for k in days:
            _consume(tokens, k)
            tokens[k + 1].role = "period:month"
        return None
    daily = tokens[count].value
    assert daily is not None
    total = daily * count_days
    tokens[count].value = total
    tokens[period].role = "period:month" if month else "skip"
    for k in days:
        _consume(tokens, k)
    for tok in tokens:
        if tok.role is None and tok.text in ("weekdays", "weekday", "workdays", "workday", "only"):
            tok.role = "skip"  # `weekdays only (~22 days/mo)`: what the days read are
    return DaysRead(daily, count_days, total, month)


def _days_after(tokens: list[Token], k: int, *, workdays: bool = False) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if nxt is not None and nxt.text == "个" and k + 2 < len(tokens) and tokens[k + 2].text in _WORKDAY_NOUNS:
        nxt = tokens[k + 2]  # `22个上班日`, split by the measure word
    if nxt is None or nxt.kind not in ("cjk", "word"):
        return False
    words = _WORKDAY if workdays else _DAY_WORDS
    if nxt.text in _NOT_DAYS:
        return False  # `out 30 日均6万次`: 日均 opens the next count (a daily average), no 30 days
    return any(nxt.text == w or nxt.kind == "cjk" and nxt.text.startswith(w) for w in words) and not (
        k > 0 and tokens[k - 1].text in ("每", "per"))


#: Words that start with 日 or 天 and are no days: a daily average, daily actives, daily chores, a log.
_NOT_DAYS = frozenset(["日均", "日活", "日常", "日志", "日报", "日更", "天气"])


#: Words before a number of days that make it a deadline (`SLA is 2 business days`, `turnaround 5 working days`,
#: `within 3 days`), and after it (`3个工作日内完成`, `5 天以内`).
_DEADLINE_BEFORE = frozenset(["sla", "turnaround", "within", "deadline", "due", "tat", "内", "以内"])
_DEADLINE_AFTER = ("内", "以内", "之内")


def _a_deadline(tokens: list[Token], k: int) -> bool:
    """The days' amount at ``k`` says how soon something is done, not on how many days requests come."""
    before = {t.text for t in tokens[max(k - 3, 0) : k]}
    end = _days_phrase_end(tokens, k)
    after = tokens[end].text if end < len(tokens) else ""
    return bool(before & _DEADLINE_BEFORE) or after.startswith(_DEADLINE_AFTER) or tokens[k + 1].text.endswith(_DEADLINE_AFTER)


def _working_day_periods(tokens: list[Token]) -> None:
    """`per working day`, `every school day`: the period of a daily count, said of working days."""
    for k in range(2, len(tokens)):
        if (tokens[k].text == "day" and tokens[k - 1].text in _WORKDAY_ADJECTIVES and tokens[k - 2].text in ("per", "every", "each")
                and tokens[k - 1].role in (None, "per_unit")):
            tokens[k - 2].role, tokens[k - 1].role, tokens[k].role = "skip", "skip", "period:day"


def _daily_period(tokens: list[Token]) -> int | None:
    """The period word of a daily count: 每天, 一天, 日均, /day, per workday, 每个工作日."""
    found = [k for k, t in enumerate(tokens) if t.role == "period:day" or t.text in _PER_WORKDAY
             or t.text in (*_WORKDAY_NOUNS, "weekday") and k > 0 and tokens[k - 1].text in ("per", "每", "每个", "every", "each")]  # fmt: skip
    return found[0] if len(found) == 1 else None


def _count_of(tokens: list[Token], period: int, days: list[int]) -> int | None:
    """The amount the daily period word is said of: the one just before its count noun (`1.2k tickets per
    workday`), or the first after it (`每天大概 12 万次`)."""
    before = [k for k in range(period - 1, -1, -1) if tokens[k].role != "skip" or tokens[k].kind == "amount"][:3]  # (past `per working`)
    for k in before:
        if tokens[k].kind == "amount":
            if k not in days and tokens[k].money is None and _counted(tokens, k):
                return k
            break
    for k in range(period + 1, min(period + 5, len(tokens))):
        if tokens[k].kind == "amount":
            return k if k not in days and tokens[k].money is None and _counted(tokens, k) else None
    return None


def _counted(tokens: list[Token], k: int) -> bool:
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    if nxt is not None and nxt.kind == "word" and nxt.role is None and after is not None and after.role == "skip":
        # `1,500 resumes per working day`: the things counted, then the period (`_working_day_periods`)
        return next((t.role for t in tokens[k + 2 :] if t.role != "skip"), None) == "period:day"
    return nxt is not None and (nxt.role in ("count", "count_verb") or nxt.text in ("次", "个", "条", "笔", "篇", "份", "张", "则")
                                or nxt.text in ("per", "/", "a") and after is not None and after.role == "period:day")  # `25k per day`


def _counted_as(tokens: list[Token], k: int) -> bool:
    """`按 30 天算`, `照22個工作天算`: the month counted as that many days."""
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return k > 0 and tokens[k - 1].text in ("按", "照", "以") and (after.endswith(("算", "计")) or k + 2 < len(tokens) and tokens[k + 2].text in ("算", "计"))


def _month_near(tokens: list[Token], k: int) -> bool:
    near = tokens[max(k - 3, 0) : k] + tokens[k + 2 : k + 5]
    return any(t.text in _MONTH_WORDS or (t.role or "") == "period:month" for t in near)


def _days_phrase_end(tokens: list[Token], k: int) -> int:
    """Where the days said at ``k`` end: past the amount and its day word, and past `days` after an adjective (`22
    working days`) or a working day after the measure word (`22个上班日`)."""
    if k + 2 < len(tokens) and (tokens[k + 1].text in _WORKDAY_ADJECTIVES and tokens[k + 2].text in ("days", "day")
                                or tokens[k + 1].text == "个" and tokens[k + 2].text in _WORKDAY_NOUNS):
        return k + 3
    return k + 2


def _consume(tokens: list[Token], k: int) -> None:
    """The days' amount and its day words (`_days_phrase_end`), read."""
    for t in tokens[k : _days_phrase_end(tokens, k)]:
        t.as_filler()


#: Weeks in a year, for a weekly count priced by the month (`1,500 a week`: 1,500 x 52 / 12 = 6,500 a month).
WEEKS_A_YEAR = 52
_WEEK_WORDS = frozenset(["每周", "一周", "每星期", "week", "weekly", "礼拜", "一个礼拜", "每个礼拜", "每礼拜", "一礼拜", "一个星期",
                         "每个星期", "一星期"])


#: A week said after the weeks a month is counted as (`按4周算`, `4 週`, `4 weeks a month`, `4-week month`).
_WEEK_SAID = frozenset(["周", "週", "星期", "个星期", "個星期", "礼拜", "禮拜", "个礼拜", "個禮拜", "周算", "週算", "weeks", "week"])


def _weeks_said_a_month(tokens: list[Token]) -> Decimal | None:
    """`一个月按4周算`, `(按4周)`, `一個月算 4 週`, `call it 4 weeks a month`, `a 4-week month`: the weeks the asker counts
    a month as (4 to 5), read here (its words left out of the figures), or None. Asked only beside a weekly count
    (`每天 300 次，按 4 周一个月算` is no 30-day month: its words stay, and are asked about)."""
    for k, tok in enumerate(tokens[:-1]):
        if tok.kind != "amount" or tok.money is not None or tok.value is None or not 4 <= tok.value <= 5:
            continue
        j = k + 2 if tokens[k + 1].text == "-" and k + 2 < len(tokens) else k + 1
        word = tokens[j]
        if word.after_break or word.text not in _WEEK_SAID:
            continue  # (`4周后`: in four weeks)
        beside = [t for t in tokens[max(k - 3, 0) : k] + tokens[j + 1 : j + 4] if not t.after_break]
        if not (any(t.role == "period:month" for t in beside) or k > 0 and tokens[k - 1].text == "按"):
            continue
        weeks = tok.value
        tok.as_filler()
        for t in tokens[k + 1 : j + 1]:
            t.role = "skip"
        return weeks
    return None


def weekly_count(weekly: Decimal, weeks_a_month: Decimal | None) -> tuple[Decimal, Period] | None:
    """A week's count as the answers price it, days and months: that many weeks' count a month when the asker said how
    many weeks a month has (`一个月按4周算`); else a seventh of it a day when 7 divides it; else 52/12 of it a month when
    that is whole (`1,500 a week` is 6,500 a month); else None (the week is asked about)."""
    if weeks_a_month is not None:
        return weekly * weeks_a_month, "month"
    if weekly % 7 == 0:
        return weekly / 7, "day"
    if weekly * WEEKS_A_YEAR % 12 == 0:
        return weekly * WEEKS_A_YEAR / 12, "month"
    return None


def weekly_as_daily(tokens: list[Token]) -> tuple[Decimal, str, Decimal | None] | None:
    """`每周大概42万单`, `~56k tickets/week`, `140 scripts a week`, `一周出200份，一个月按4周算`: a weekly count, read as
    `weekly_count` prices it (its count and period word rewritten). The weekly count read, the period it became and the
    weeks of a month said, or None; a count that is neither a day's nor a month's is still asked about (`每周` stays a
    word that would change the price)."""
    found = _count_per(tokens, _WEEK_WORDS)
    if found is None:
        return None
    week, count, value = found
    weeks_a_month = _weeks_said_a_month(tokens)
    read = weekly_count(value, weeks_a_month)
    if read is None:
        # `2,100 farmers x 4 questions a week`: each one's weekly count may not divide, the total may; it is read once
        # the people are counted (usage._weekly_total), and asked about when it does not divide either
        tokens[week].role = "period:week"
        return value, "week", weeks_a_month
    tokens[count].value, tokens[week].role = read[0], f"period:{read[1]}"
    return value, read[1], weeks_a_month


#: Words that make a week or a year one of them (`this week`, `next year`): its count is a total, not a rate.
_ONE_PERIOD = frozenset(["this", "that", "next", "last", "the", "one", "1"])
_YEAR_WORDS = frozenset(["每年", "一年", "全年", "year", "yearly", "annually"])
#: Periods a count may be said per that the answers do not price: a question that keeps one unread has no reading
#: to offer without it (`100k calls a year` is no 100,000 a month).
UNPRICED_PERIODS = _WEEK_WORDS | _YEAR_WORDS | frozenset(["weeks", "years", "annual", "每星期", "fortnight", "quarter", "quarterly"])


def yearly_as_monthly(tokens: list[Token]) -> Decimal | None:
    """`一年大概 24 萬次呼叫`, `120k calls a year`: a yearly count that 12 divides is a twelfth of it a month (the
    answers price days and months); the yearly count read, or None. One that 12 does not divide is still asked."""
    found = _count_per(tokens, _YEAR_WORDS)
    if found is None or found[2] % 12 or _a_total_asked(tokens) or _said_per_a_unit(tokens, found[1]) or any(t.text in _OTHER_SPANS for t in tokens) or (
            _price_of_one_asked(tokens)):
        return None  # (`一年写120份 … 总共多少`: a total asked, of the year or of what? one unit's count, a quarter: asked)
    year, count, value = found
    tokens[count].value = value / 12
    tokens[year].role = "period:month"
    return value


def in_a_month_after_an_amount(tokens: list[Token]) -> None:
    """`1M in november 50k out`: right after an amount, `in` is the input's label (the amount's), and the month named
    after it is a word left unread (asked), not the month of a count (`1,200 tweaks in december`: a noun between)."""
    if any(t.role == "label:input" for t in tokens):
        return
    for k in range(1, len(tokens) - 1):
        if (tokens[k].text == "in" and tokens[k].role == "skip" and tokens[k - 1].kind == "amount" and tokens[k + 1].role == "period:month"
                and tokens[k + 1].text in _MONTH_NAMES and not tokens[k + 1].after_break):
            tokens[k].role, tokens[k + 1].role = "label:input", None


#: Words for one day, that day (`當天大概問 60 次`): the day a one-off happens, not every day.
_THAT_DAY = frozenset(["当天", "那天", "当日", "那一天", "这天"])
#: A month named (`over april`): one month, as that day is one day.
_MONTH_NAMES = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                          "december"])


def that_days_total(tokens: list[Token]) -> bool:
    """`快取保留 8 小時 … 當天大概問 60 次 … 總共多少`: the count of that one day, with the total asked, is the total (no
    period; every day would be `每天`). So is the count of one run of a job named by when it runs (`nightly re-index job
    … 40k transcripts … total?`). True when so read."""
    days = [k for k, t in enumerate(tokens) if t.role == "period:day" and (t.text in _THAT_DAY or _names_a_job(tokens, k))
            or t.role == "period:month" and t.text in _MONTH_NAMES]  # (`about 200 memos over april. total?`: that month's)
    last_amount = max((k for k, t in enumerate(tokens) if t.kind == "amount"), default=-1)
    if len({tokens[k].text for k in days}) != 1 or not any(t.role == "total" for t in tokens[last_amount + 1 :]):
        return False  # (`双11那天 … 那天总共花多少`: that one day, said again)
    if len(days) > 1 and tokens[days[0]].text in _MONTH_NAMES:
        return False  # (`1,200 tweaks in december … total for december?`: that month's total asked, a month's price)
    if any(t.role in ("period:day", "period:month") and k not in days for k, t in enumerate(tokens)):
        return False  # (another day or month said: which is the count's?)
    for k in days:
        tokens[k].role = "skip"
    return True


@dataclass(frozen=True)
class SpanRead:
    """`寒假 45 天 總共預計 3 萬篇`: a count said of a span of days, their total (said in the answer)."""

    days: Decimal
    total: Decimal


#: Words of keeping or expiring (`retained 7 days`, `保存 7 天`, `3 天过期`): days that are how long something is kept.
_KEPT_WORDS = ("retain", "retention", "kept", "keep", "store", "stored", "storing", "expire", "expiry", "ttl", "persist", "hold")
_KEPT_CJK = ("存", "留", "过期", "到期")


def days_span_total(tokens: list[Token]) -> SpanRead | None:
    """`寒假 45 天 總共預計 3 萬篇`, `校招季10天要筛50万份简历`, `上禮拜 7 天加起來 3.2 萬次`, `over 5 days we'll run 80k requests`:
    a number of days with no period word anywhere, and a count of things: the count is those days' total (every day
    would be `每天`), priced as said; the days, no storage time, are read here. A cache keeps its days (storage)."""
    if any((t.role or "").startswith(("label:cache", "label:storage", "label:cached", "period:")) for t in tokens):
        return None
    days = [k for k, t in enumerate(tokens) if t.kind == "amount" and t.money is None and t.role is None
            and k + 1 < len(tokens) and tokens[k + 1].text in ("天", "days", "日") and tokens[k + 1].role == "dur:24"]  # fmt: skip
    if len(days) != 1 or not 2 <= (tokens[days[0]].value or 0) <= 366 or days[0] > 0 and tokens[days[0] - 1].text in ("每", "per", "every"):
        return None
    if any(any(s in t.text for s in _KEPT_CJK) if t.kind == "cjk" else t.text.startswith(_KEPT_WORDS) for t in tokens):
        return None  # (`200k tokens retained 7 days`, `保存 7 天的上下文`, `会话 3 天过期`: how long something is kept)
    if any((t.role or "").startswith("dur:") for k, t in enumerate(tokens) if k != days[0] + 1):
        return None  # (hours too: a length of something else)
    counts = [k for k, t in enumerate(tokens) if t.kind == "amount" and t.money is None and k != days[0] and _counted(tokens, k)]
    if len(counts) != 1:
        return None
    total, length = tokens[counts[0]].value, tokens[days[0]].value
    assert total is not None and length is not None
    _consume(tokens, days[0])
    return SpanRead(length, total)


def _names_a_job(tokens: list[Token], k: int) -> bool:
    """`nightly re-index job`, `daily build`: the period word said of a job, before its noun (not `runs nightly`, `a day`)."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (tokens[k].text in ("nightly", "daily") and nxt is not None and nxt.kind == "word" and nxt.role in (None, "skip")
            and not nxt.after_break and nxt.text not in ("basis", "a", "per"))


def read_span_total(tokens: list[Token]) -> str | None:
    """`20 quizzes a week … per week?`, `15 runs total this week`: with no day, month or duration anywhere in the
    question, a count said per week or per year (one kind, one count) whose own period is asked again, or said as one
    period (`this week`), is that period's total, priced as said. The period ("week" or "year") when its words were read so."""
    spans = [k for k, t in enumerate(tokens) if t.role in ("matter", "period:week") and t.text in _WEEK_WORDS | _YEAR_WORDS]
    if not spans or any((t.role or "").startswith(("period:", "dur:")) and t.role != "period:week" for t in tokens):
        return None
    if any(t.role in ("people", "people_label", "per_person") for t in tokens):
        return None  # (`2,100 farmers x 4 questions a week`: the people's total is read with them, usage._weekly_total)
    if len({tokens[k].text in _WEEK_WORDS for k in spans}) != 1:
        return None  # (a week and a year: which total?)
    counts = {c for k in spans if (c := _period_count(tokens, k)) is not None}
    if len(counts) != 1:
        return None
    (count,) = counts
    said_total = any(t.role == "total" for t in tokens[max(count - 3, 0) : count])  # `前一週總共大概 400 次`: the count is the total
    if not (len(spans) > 1 or said_total or any(k > 0 and tokens[k - 1].text in _ONE_PERIOD for k in spans)):
        # (`2,000 requests per week, flash`, `每周 2000 次 … 总共多少钱`: a week's price, or a month's? asked)
        return None
    for k in spans:
        tokens[k].role = "skip"
    return "week" if tokens[spans[0]].text in _WEEK_WORDS else "year"


def _a_total_asked(tokens: list[Token]) -> bool:
    """`总共要多少钱`, `一共多少钱`, `total cost?`: the question asks the whole total, after the last amount, with no month or
    day, no other span (`一个季度总共多少`) and not the price of one (`total per report?`, `每份总共多少`)."""
    totals = _totals_asked(tokens)
    if not totals or any(t.role in ("period:day", "period:month") or t.text in _OTHER_SPANS for t in tokens):
        return False
    return not _price_of_one_asked(tokens)


def _totals_asked(tokens: list[Token]) -> list[int]:
    """Where a total is asked, after the last amount (`总共`, `一共多少钱`, `total`)."""
    last = max((k for k, t in enumerate(tokens) if t.kind == "amount"), default=-1)
    return [k for k in range(last + 1, len(tokens)) if tokens[k].role == "total" or tokens[k].kind == "cjk" and tokens[k].text.startswith(_TOTAL_CJK)]


def _price_of_one_asked(tokens: list[Token]) -> bool:
    """`total per report?`, `what's the total per call?`, `每份报告总共要多少钱`: the total of one, in the clause that asks."""
    last = max((k for k, t in enumerate(tokens) if t.kind == "amount"), default=-1)
    for k in _totals_asked(tokens) + [k for k in range(last + 1, len(tokens)) if tokens[k].role == "price_q"]:
        start, end = clause_around(tokens, k, floor=last + 1)  # (the clause that asks: `…out each, total cost?` asks the whole)
        if any(t.text in _EACH_ONE or t.text[:1] in "每单" and t.kind == "cjk" for t in tokens[max(start, k - 3) : min(end, k + 4)]):
            return True
    return False


#: Chinese words that ask a total, alone or with the price word glued on (`一共多少钱`, `總共多少錢`).
_TOTAL_CJK = ("总共", "一共", "合计", "总计", "共计")
#: Spans a total may be asked of that are no year (`一个季度总共多少`, `quarterly total`).
_OTHER_SPANS = frozenset(["季度", "一个季度", "每季度", "每季", "一季", "quarter", "quarterly", "quarters", "半年", "上半年", "下半年", "half"])
#: Words that ask the price of one (`total per report`, `one call`, `平均每份`).
_EACH_ONE = frozenset(["per", "each", "one", "single", "单个", "一个", "一份", "一次", "平均", "单次", "单份", "单篇"])


def _said_per_a_unit(tokens: list[Token], count: int) -> bool:
    """`each customer files about 40 claims a year`, `每间门店一年 2400 单`: the count is one unit's, in its clause."""
    start, end = clause_around(tokens, count)
    return any(t.text in ("each", "per", "every") and not (k + 1 < len(tokens) and (tokens[k + 1].role or "").startswith("period:"))
               or t.role in ("per_person", "per_unit") or t.kind == "cjk" and t.text[:1] == "每" and t.text not in _YEAR_WORDS
               for k, t in enumerate(tokens[start:end], start))


def _count_per(tokens: list[Token], words: frozenset[str]) -> tuple[int, int, Decimal] | None:
    """(the period word, the count said per it, its value) for the one week or year word the tables left unread;
    None when there is none, more than one, or it is one period's total (`15 runs total this week`)."""
    found = [k for k, t in enumerate(tokens) if t.text in words and t.role == "matter"]
    if len(found) != 1 or found[0] > 0 and tokens[found[0] - 1].text in _ONE_PERIOD:
        return None
    count = _period_count(tokens, found[0])
    value = tokens[count].value if count is not None else None
    return (found[0], count, value) if count is not None and value is not None else None


def _period_count(tokens: list[Token], week: int) -> int | None:
    """The count the week (or year) word is said of: after it (`每周大概42万单`) or before it (`56k tickets/week`)."""
    postfix = week > 0 and tokens[week - 1].text in ("/", "a", "per", "every")
    if not postfix:  # `每周大概42万单`: the week word opens its count
        for k in range(week + 1, min(week + 5, len(tokens))):  # (`每周出题大概 20 次`)
            if tokens[k].kind == "amount":
                return k if tokens[k].money is None and _counted(tokens, k) else None
    for k in range(week - 1, max(week - 5, -1), -1):
        if tokens[k].kind == "amount":
            nxt = tokens[k + 1]
            bare = postfix and k + 2 == week  # `1000 a week`: the count right before `a week`
            return k if tokens[k].money is None and (bare or nxt.role == "count" or nxt.kind == "word" and nxt.role is None) else None
    return None


#: Days in the week or year asked for (`一周多少钱`, `annual cost`): a daily count is that many times its day.
_DAYS_IN = {**dict.fromkeys(["每周", "一周", "week", "weekly", "一个礼拜", "一礼拜", "一个星期", "一星期"], 7),
            **dict.fromkeys(["一年", "全年", "year", "yearly", "annual", "annually"], 365)}  # fmt: skip


def week_or_year_asked(tokens: list[Token]) -> DaysRead | None:
    """`一周多少钱`, `what's the weekly cost?`, `全年總共多少`: the total of a week or a year is asked. A daily count
    is read as the total over its 7 or 365 days (the DaysRead); a count said per that same period (`策划一周要生成
    200 条 … 一周多少钱`, `一年大概 90 萬通 … 全年總共多少`) is that period's total, as said (None, the words read).
    A monthly count asked for a year is left to be asked (the answers price days and months)."""
    asked = [k for k, t in enumerate(tokens) if t.role in ("matter", None) and t.text in _DAYS_IN and _asks_its_total(tokens, k)]
    if len(asked) != 1:
        return None
    (k,) = asked
    days = _DAYS_IN[tokens[k].text]
    same = [j for j, t in enumerate(tokens) if j != k and t.role == "matter" and t.text in _DAYS_IN and _DAYS_IN[t.text] == days]
    if len(same) == 1 and _period_count(tokens, same[0]) is not None:
        tokens[k].role = tokens[same[0]].role = "skip"  # the count is that period's: its total, as said
        return None
    if same or any(t.role == "period:month" for t in tokens):
        return None
    period = _daily_period(tokens)
    count = _count_of(tokens, period, []) if period is not None else None
    if period is None or count is None:
        return None
    daily = tokens[count].value
    assert daily is not None
    tokens[count].value = daily * days
    # (`400 a day`: with no noun after the count, its day word is what it counts, now the whole period's)
    tokens[period].role = "count" if period > count and tokens[count + 1].role not in ("count", "count_verb") else "skip"
    if tokens[period].role == "count":
        for t in tokens[count + 1 : period]:
            t.role = "link"  # (`a`, `per`, `/` between the count and its day word)
    tokens[k].role = "skip"
    return DaysRead(daily, Decimal(days), daily * days, False)


def _asks_its_total(tokens: list[Token], k: int) -> bool:
    """The week or year word at ``k`` asks the cost: a price word right after it (`一周多少钱`, `weekly cost`,
    `全年總共多少`), or before `per`/`a` it (`cost per week?`)."""
    after = [t for t in tokens[k + 1 : k + 4] if not t.after_break]
    if any(t.text in ASKED_CUES or t.role in ("price_q", "total") for t in after[:2]):
        return True
    return k >= 2 and tokens[k - 1].text in ("per", "a") and tokens[k - 2].text in ASKED_CUES


def _own_period_after(tokens: list[Token], at: int, period: str | None) -> bool:
    """An amount at ``at`` with a period of its own right after it (`15k stories/day`), another than ``period``."""
    if at >= len(tokens) or tokens[at].kind != "amount":
        return False
    after = tokens[at + 1 : at + 5]
    return any((t.role or "").startswith("period:") and t.role != period for t in after)


def one_period_of(tokens: list[Token]) -> None:
    """`what would 1 day of traffic cost`, `a month of usage`: one day or month of something is the period asked (its
    total), no duration of a cache."""
    for k in range(len(tokens) - 2):
        amount, unit, of = tokens[k], tokens[k + 1], tokens[k + 2]
        if amount.kind == "amount" and amount.value == 1 and amount.money is None and unit.text in ("day", "month") and of.text == "of":
            _consume(tokens, k)
            unit.role = f"period:{unit.text}"
        elif amount.text in ("a", "one") and (unit.role or "").startswith("period:") and of.text == "of" and _own_period_after(tokens, k + 3, unit.role):
            # `what's a month of 15k stories/day`: the count has its own period, so the month is the one asked,
            # never the count's (`of` no longer links it to the count: neighbours.period_before)
            of.role = "period_of"

