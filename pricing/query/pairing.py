"""Pairing amounts with what they are (labels, durations, counts) into `Parts`, and collecting the roles that are not amounts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise

from ..errors import Ambiguous, InvalidQuery
from ..models import Period
from ..tokens import Token
from .days import DaysRead, SpanRead, SplitDays
from .english import is_common_word
from .hourly import IntervalRead, RateRead
from .images_in import ImagesRead, said_as_text
from .neighbours import (
    CJK_ABOUT,
    CJK_MODAL,
    COPULA,
    MEASURES,
    a_recording,
    adjective_before_count,
    an_image_model,
    apart_from_amounts,
    asks_the_price,
    bare_measure,
    calls_counted,
    chinese_question,
    claimed_after,
    clause_around,
    count_each,
    counted_after,
    counted_noun_after,
    counted_prompts,
    counts_multiply,
    described_noun,
    duration_in_hours,
    duration_names_a_thing,
    harmless_cjk,
    is_label_at,
    joined_by_plus,
    made_text_first,
    one_priced,
    opens_a_label,
    part_before,
    per_request_after,
    period_before,
    period_follows,
    plain_word,
    plural_count,
    recording_beside,
    said_as_a_part,
    said_in_tokens,
    said_of_a_cache,
    same_noun,
    searches_each,
    share_label,
    unit_of_each_at,
    units_multiply,
    verb_as_noun,
)
from .opening_hours import OPEN_HOURS
from .packs import Pack
from .question import Topic
from .vocab import CJK_RECORDINGS, COUNTING_MEASURES, FILLER, SWITCH_OFF, TOKEN_WORDS, near_model_word, price_like

__all__ = ["Parts", "pair", "collect"]

#: Words that name the input itself (not a verb of sending it): the amount after them is the whole input.
_INPUT_NOUNS = frozenset(["input", "inputs", "in", "prompt", "prompts"])
#: A label seen without an amount names a topic (`how does caching work`).
_LABEL_TOPICS: dict[str, Topic] = {"cache": "caching", "cached": "caching", "storage": "caching", "thinking": "thinking"}


@dataclass
class Parts:
    """What the question says, part by part, as the passes find it (amounts, flags, words left over)."""

    input: Decimal | None = None
    cached: Decimal | None = None
    output: Decimal | None = None
    thinking: Decimal | None = None
    audio: Decimal | None = None
    video: Decimal | None = None
    storage: Decimal | None = None
    hours: Decimal | None = None
    requests: Decimal | None = None
    searches: Decimal | None = None
    people: Decimal | None = None  # `300 users`: multiplied into the requests only with a count per person
    per_person: bool = False
    cache_for_how_long: bool = False  # `cache 300k tokens` with no prompt and no duration: read or stored?
    images: Decimal | None = None
    period: Period | None = None
    asked_period: Period | None = None
    budget_period: Period | None = None  # `每月预算500美元`, `$500/month`: the money is per this period
    batch: bool = False
    tiers: list[str] = field(default_factory=list)  # service tiers named (flex, priority), in order
    search: bool = False
    cache: Decimal | None = None  # `cache 1M`: storage if a duration is given, else cache hits
    cached_pct: Decimal | None = None  # `40% cached`
    budget_usd: Decimal | None = None
    budget_cny: Decimal | None = None
    want_cny: bool = False
    currency: str | None = None
    public: bool = False
    embed: bool = False
    make: bool = False
    provider: str | None = None
    limit: str | None = None
    intents: set[str] = field(default_factory=set)
    labels_seen: set[str] = field(default_factory=set)
    topics: list[Topic] = field(default_factory=list)  # topic words in the order written
    unknown_words: list[str] = field(default_factory=list)
    unknown_cjk: list[str] = field(default_factory=list)
    billed: Decimal | None = None  # `we got charged ~$4.2k`, `花了1800美元`: the bill to check, read and left out of the price
    acronyms: frozenset[str] = frozenset()  # words typed in capitals (`CTO`, `PI`, `TM`): names, lowercased
    filler_words: list[str] = field(default_factory=list)  # English words judged filler (vocab.PRICE_STEMS): alone, not understood
    unexplained: list[str] = field(default_factory=list)  # words that would change the price
    unknown_unit: bool = False  # an unknown word glued to a number (`2w`): the number is in doubt
    people_period: Period | None = None  # `日活3000，每人问6次`: the actives' period, the count's unless one is said
    media_in_input: bool = False  # audio or video said as a part of the input (else the two are summed)
    thinking_in_output: bool = False  # `2k out (incl. 1.5k thinking)`, `其中思考占1万`: not on top of the output
    thinking_included: bool = False  # `2k out (含思考)`, `incl. thinking`: thinking said inside the output, with no amount
    cached_is_rest: bool = False  # `in 100k (all but 2k cached)`: the amount is the part not cached
    images_requests: bool = False  # `每张图输入 1400，每天 5000 张`: each image a request, its input given (images_in.py)
    recorded: bool = False  # `voicemails`, `播客`, `转写`: audio named, so one length of each item is its audio
    totals: bool = False  # `上个月一共输入3.2亿token`: more input than any prompt holds, no count: token totals (parse.py)
    images_in_input: bool = False  # `判讀瑕疵照片，每次 in 1.6k`: images named only, held by the input given (images_in.py)
    pack: Pack | None = None  # `每50条打包一次`: things carried by one request, not requests (packs.py)
    images_read: ImagesRead | None = None  # `每张图 258 token，再加提示词 200`: images read, as input tokens (images_in.py)
    thinking_budget: Decimal | None = None  # `thinking budget 2048`: priced in full when no thinking is said
    pieces: tuple[Decimal, ...] = ()  # `essay ~3k tokens + rubric 1k`: named pieces of the prompt, summed (roles.named_pieces)
    count_factors: tuple[Decimal, ...] = ()  # `30 PRs/day x 400 cases`: the counts multiplied into the requests
    requests_formed: tuple[Decimal, ...] = ()  # ... as a product, in the question's order: said in the answer (usage.py)
    unpacked: tuple[Decimal, Decimal] | None = None  # `每天2000条 … 每50条打包一次`: the things and the pack size (parse._unpacked)
    languages: Decimal | None = None  # `into 7 languages … one call per language`: calls of each item (languages.py)
    variants: Decimal | None = None  # `3 variants per story = 3 calls`: calls of each item (variants.py)
    span_period: str | None = None  # `15 runs total this week`: a week's or a year's count, priced as its total (days.read_span_total)
    span_read: SpanRead | None = None  # `寒假 45 天 總共預計 3 萬篇`: a count of a span of days, their total (days.days_span_total)
    new_piece: bool = False  # `系统提示词 4000 走缓存，用户问题 500`: input is the cached piece plus the new one (pieces.py)
    weekly: Decimal | None = None  # `每周 42万单`: a weekly count, read as a seventh of it a day (days.weekly_as_daily)
    weekly_per: str | None = None  # ... or, when 7 does not divide it, as 52/12 of it a month ("week": read with the people)
    weeks_a_month: Decimal | None = None  # `一个月按4周算`: the weeks the asker counts a month as (days.weekly_as_daily)
    week_word: str = "week"  # the week as said (`每周`), quoted if it stays unread
    yearly: Decimal | None = None  # `一年 24 萬次`: a yearly count, read as a twelfth of it a month (days.yearly_as_monthly)
    open_hours_ignored: Decimal | None = None  # those opening hours, read and left out of the price
    open_hours: bool = False  # the duration is opening hours (`每天9点到21点`) no rate used: it changes no price
    hours_each: bool = False  # the duration is one item's length (`平均15秒`, `~40 sec each`), not a day's hours
    hours_of_cache: bool = False  # the duration is said of the cache (`缓存24小时常驻`, `cache放8小时`): storage time
    split_days: SplitDays | None = None  # `工作日每天300条 周末每天1000条，22个工作日8天周末`: the month's count (days.py)
    days_read: DaysRead | None = None  # `活动 7 天，每天 12 万次`: the total of those days (days.py)
    rates_read: list[RateRead] = field(default_factory=list)  # `每小时 3000 条，全天 24 小时`: read as 72,000 a day
    interval_read: IntervalRead | None = None  # `每5分钟跑一次`: one request each interval, read as the day's count (hourly.py)
    audio_input_label: bool = False  # `音频输入每次 5分钟 约 9600 token`: an audio word right before an input word
    audio_hours: Decimal | None = None  # `每通 4 分钟音频`, `1h audio file`: the audio's length, tokens per second are Google's
    media_hours: Decimal | None = None  # the length of media whose tokens are given (`a 30 min call is 57.6k audio tokens`)
    made_text_first: bool = False  # `已经有逐字稿了`, `we already have transcripts`: the recordings are sent as text
    split_totals: tuple[Decimal, ...] = ()  # `80 萬 token … 切成 400 次`: the whole job's input and output, shared (parse._job_shared)
    added: set[str] = field(default_factory=set)  # parts joined to another by a plus (`19k of audio + a 200 token prompt`)

    def with_amounts(self, amounts: Mapping[str, Decimal | None]) -> Parts:
        """A copy with some amounts set: one reading of amounts that had no label."""
        reading = replace(self)
        for name, value in amounts.items():
            setattr(reading, name, value)
        return reading

    def explain(self, word: str) -> None:
        """``word`` is accounted for: no longer asked about as a word the tables do not know (the same word said twice
        is the same name)."""
        for unknown in (self.unknown_words, self.unknown_cjk):
            unknown[:] = [w for w in unknown if w != word]

    def multiply_requests(self, factor: Decimal) -> None:
        """`30 PRs/day x 400 cases`, `9k SKUs … 7 languages, one call per language`: a count multiplied into the
        requests (or the requests, when none was said), each factor kept as a figure of the question (selfcheck)."""
        if self.requests is None:
            self.count_factors += (factor,)
            self.requests = factor
            return
        self.count_factors += (factor,) if self.count_factors else (self.requests, factor)
        self.requests_formed = (self.requests_formed or (self.requests,)) + (factor,)
        self.requests *= factor


def pair(tokens: list[Token], parts: Parts) -> list[Token]:
    """Attach amounts to labels, durations and counts; returns the amounts left unlabeled.

    An amount takes the free label just before it (`输入100万`, `in 1M`), else the one just after it
    (`1M in`): reading left to right, `1M in 50k out` pairs as people mean it.
    """
    unlabeled: list[Token] = []
    taken: set[int] = set()
    n = len(tokens)
    parts.made_text_first = made_text_first(tokens)  # (read once: the durations below and `collect` use it)
    _pair_slashed(tokens, parts, taken)

    def neighbour(k: int, step: int) -> int:
        # skip words that sit between an amount and its label: `1M tokens in`, `input = 1M`
        k += step
        while 0 <= k < n and (tokens[k].role in ("link", "pronoun_link", "total") or tokens[k].role is None and tokens[k].text in COPULA
                              or tokens[k].kind == "cjk" and tokens[k].text in CJK_ABOUT
                              or tokens[k].kind == "cjk" and tokens[k].text in CJK_MODAL and is_label_at(tokens, k + step)
                              or tokens[k].kind == "cjk" and tokens[k].text in MEASURES and counted_after(tokens, k, step)):
            k += step
        return k

    requests_at: list[int] = []

    def set_requests(i: int, tok: Token) -> None:
        # `30 PRs/day x 400 cases`, `5k chats/day, each chat ~4 calls`: a count of units times a count in each
        if parts.requests is not None and requests_at and tok.value is not None and not _calls_counted_again(tokens, requests_at, i) and (
                counts_multiply(tokens, requests_at[-1], i) or units_multiply(tokens, requests_at[-1], i)):
            parts.multiply_requests(tok.value)
            for k in (requests_at[-1], i):
                unit = unit_of_each_at(tokens, k)
                if unit is not None and tokens[unit[1]].role is None:
                    tokens[unit[1]].role = "skip"  # `每班 2500 張`: the unit, read into the multiplication
        else:
            _set_once(parts, "requests", tok.value, tok)
        requests_at.append(i)

    def role(k: int) -> str:
        return (tokens[k].role or "") if 0 <= k < n and k not in taken and not tokens[k].used else ""

    def _take_twin_label(label: int) -> None:
        # `300k prompt in total`: a second label of the same part right after the first is the same label
        after = neighbour(label, 1)
        if 0 <= after < n and tokens[after].role == tokens[label].role:
            taken.add(after)

    def mark_volume(k: int) -> bool:
        while 0 <= k < n and tokens[k].role in ("skip", "each", "per_person"):  # `5,000 runs a day`, `20 requests each per day`
            k += 1 if k > i else -1
        if role(k).startswith("period:") and not (k > i and asks_the_price(tokens, k)):
            tokens[k].volume = True
            return True
        return False

    this_year = any(t.text.startswith(("去年", "今年", "前年", "明年")) for t in tokens)  # (`去年一共结了 18,500 件`: a year's)

    def explain_total(k: int) -> None:
        # `一共 1000 次`, `1000 calls in total`, `总共就跑个200次`, `总共一天约 4,800 则`, `1.5k requests per month
        # total`: a total of requests, not of tokens (a period word may stand between)
        step = -1 if k < i else 1
        for _ in range(5):
            if not (0 <= k < n) or tokens[k].kind == "amount":
                return
            if tokens[k].role == "total":
                tokens[k].used = True
                return
            dated = (tokens[k].role or "").startswith("period:") or tokens[k].role == "skip" and step > 0 and tokens[k].text in ("per", "a", "/")
            verb = tokens[k].role is None and tokens[k].kind == "cjk" and len(tokens[k].text) <= 2 and not this_year  # (`一共批3万篇`)
            if step > 0 and not dated or step < 0 and tokens[k].role not in ("skip", "count_verb", "link") and not dated and not verb:
                return
            if tokens[k + 1].after_break if step < 0 else tokens[k].after_break:
                return
            k += step

    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None or tok.used:
            continue
        assert tok.value is not None  # every amount has a value (amounts.py)
        prev, nxt = neighbour(i, -1), neighbour(i, 1)
        if 0 < prev < n and _content_name_then_tokens(tokens, prev):
            k = prev - 1  # (`输出就一个分类标签大概 20 token`: filler between the label and the content's name)
            while k > 0 and prev - k <= 4 and tokens[k].role in ("skip", "link", "each") and tokens[k].kind == "cjk" and not tokens[k + 1].after_break:
                k -= 1
            if role(k).startswith("label:") and tokens[k].kind == "cjk" and not tokens[k + 1].after_break:
                tokens[prev].role = "skip"  # `输出评分和理由300 token`: the content's name, read with its label's amount
                prev = k
        if 0 < prev < n and (tokens[prev].kind == "cjk" and tokens[prev].role == "skip" or tokens[prev].kind == "word" and tokens[prev].role is None):
            # `输入正好20万`, `每次prompt带上知识库差不多4k`: a few Chinese filler words between an open label
            # and its amount, in the same clause
            k = prev
            while k > 0 and prev - k < 4 and tokens[k].role in ("skip", "link", "each") and not tokens[k].after_break:
                k -= 1
            named = None
            if (said_in_tokens(tokens, i) and tokens[k].role is None and tokens[k].kind == "word" and not price_like(tokens[k].text)
                    and not tokens[k].after_break):
                # `输出就一个json大概100 token`: the content's name (an English word) among the filler, read with the label
                named, k = k, k - 1
                while k > 0 and prev - k < 6 and tokens[k].role in ("skip", "link", "each") and not tokens[k].after_break:
                    k -= 1
            if role(k).startswith("label:") and tokens[k].kind == "cjk" and not tokens[k + 1].after_break:
                prev = k
                if named is not None:
                    tokens[named].role = "skip"
            elif role(k).startswith("label:") and named is None and not tokens[k + 1].after_break:
                prev = k
        if role(i + 1) == "percent" and role(neighbour(i + 1, 1)) in ("label:cached", "label:cache"):
            _set_once(parts, "cached_pct", tok.value, tok)  # `40% cached`: a share of the prompt
            taken.update((i + 1, neighbour(i + 1, 1)))
            tok.used = True
            continue
        if role(i + 1) == "percent" and role(prev) in ("label:cached", "label:cache"):
            _set_once(parts, "cached_pct", tok.value, tok)  # `缓存命中率大概50%`
            taken.update((i + 1, prev))
            tok.used = True
            continue
        if role(i + 1) == "percent" and (cache := _cache_word_later(tokens, i + 1, role)) is not None:
            # `95% of our 120k prompt is the same clause library (cached)`, `8 成是固定的 system prompt 會 cache`: a share
            # of the prompt, the cache word closing the clause that says what the share is
            _set_once(parts, "cached_pct", tok.value, tok)
            taken.update((i + 1, cache))
            tok.used = True
            continue
        share = share_label(tokens, i) if part_before(tokens, i) else None
        if share is not None:
            # `其中 8000 是 system prompt 走快取`, `其中3k走隐式缓存`: a share of the prompt, its label a few words on
            _set_label(parts, tokens[share].role[6:], tok, tokens, share)  # type: ignore[index]
            taken.add(share)
            tok.used = True
            continue
        noun = described_noun(tokens, i, nxt)  # `a 1M-token manual cached for 2 hours`
        if noun is not None:
            tokens[noun].role = "skip"
            nxt = neighbour(noun, 1)
        if role(i - 1) == "times_sign":  # x100, ×100, * 100
            set_requests(i, tok)
            taken.add(i - 1)
            after = neighbour(i, 1)
            if role(after) == "count":  # `100 users x 20 messages a day`: the period follows the count noun
                taken.add(after)
                after = neighbour(after, 1)
            mark_volume(after)
        elif role(i + 1) == "times_sign" and tokens[i + 1].glued:  # 100x
            set_requests(i, tok)
            taken.add(i + 1)
            mark_volume(neighbour(i + 1, 1))
        elif role(nxt).startswith("dur:"):
            hours = duration_in_hours(tokens, i, nxt)
            # (`已经有逐字稿了`, `we already have transcripts`: a recording made text first sends no audio of its length)
            of_audio = tokens[nxt].text not in OPEN_HOURS and not parts.made_text_first
            audio = _audio_beside(tokens, i, nxt, neighbour(nxt, 1)) if of_audio else None
            if audio is not None or of_audio and recording_beside(tokens, i, nxt):
                _set_once(parts, "audio_hours", hours, tok)  # `4 分钟音频`, `10 min audio`: the audio's length
                if audio is not None:
                    tokens[audio].used = True
            else:
                _set_once(parts, "hours", hours, tok)
                parts.hours_of_cache = said_of_a_cache(tokens, i, nxt)
                if parts.hours_of_cache and not any(t.role in ("count", "count_verb") for t in tokens):
                    _the_hours_day(tokens, i)  # `缓存每天挂10小时，光存储费多少`: no requests, the day is the hours
                parts.hours_each = tokens[nxt].text not in OPEN_HOURS and _length_of_each(tokens, i, nxt)
                parts.open_hours = tokens[nxt].text in OPEN_HOURS
            taken.add(nxt)
        elif role(prev).startswith("label:") and role(nxt) == "count" and nxt + 1 < n and tokens[nxt + 1].kind == "amount":
            # `output: 500  volume: 20k/day`: a count noun followed by its own amount names that one, so the
            # amount before it is the label's
            _set_label(parts, role(prev)[6:], tok, tokens, prev)
            taken.add(prev)
        elif (counted := counted_prompts(tokens, i)) is not None:
            set_requests(i, tok)  # `300 prompts of 12k tokens`, `500个prompt`
            taken.add(counted)
            explain_total(i - 1)  # `一共500个prompt`: a total of requests
            mark_volume(neighbour(counted, 1))
        elif role(nxt) == "count" and i > 0 and (tokens[i - 1].text in ("查", "搜", "搜索") or searches_each(tokens, i - 1)):
            _set_once(parts, "searches", tok.value, tok)  # `每次查3次`: searches per request
            parts.search = True
            taken.update((i - 1, nxt))
        elif (role(nxt) == "count" and tokens[nxt].text in ("queries", "query", "searches") and per_request_after(tokens, nxt)
              and parts.people is None):  # `150 users, 30 queries each per day`: each user's queries
            _set_once(parts, "searches", tok.value, tok)  # `4 queries per prompt`: searches in each request
            parts.search = True
            taken.add(nxt)
        elif role(nxt) == "count" and parts.people is None and any(t.role == "per_unit" and same_noun(t.text, tokens[nxt].text) for t in tokens):
            # `20 steps per task, 200 tasks/day`: 200 units of 20; in either order (`3000 sessions, 1 call per session`).
            # (With people counted, the units are each one's count, and the count per unit multiplies it: set_requests)
            _set_once(parts, "people", tok.value, tok)
            parts.per_person = True
            taken.add(nxt)
            for t in tokens:
                if t.role == "per_unit" and same_noun(t.text, tokens[nxt].text):
                    t.used = True
            mark_volume(neighbour(nxt, 1))
        elif (role(prev) == "people" and prev == i - 1 and tokens[prev].kind == "cjk" and i + 1 < n and tokens[i + 1].text in ("个", "位", "名", "人")
              and not tokens[i + 1].after_break):
            _set_once(parts, "people", tok.value, tok)  # `活跃学生3000个，平均每人每天问4个问题`: the people, counted after their noun
            taken.update((prev, i + 1))
            tokens[i + 1].role = "skip"
        elif role(nxt) == "people" and not tokens[nxt].after_break and not said_in_tokens(tokens, i):
            # (`思考大概 3000，學生…`: the next clause's; `300 token 客户`: tokens count no one)
            _set_once(parts, "people", tok.value, tok)  # `300 users`, `500个用户`
            taken.add(nxt)
            if role(prev) == "people_label":  # `日活大概2000人`: daily actives, as `日活2000` is
                taken.add(prev)
                parts.people_period = _actives_period(tokens[prev].text)
            elif tokens[nxt].text in ("dau", "mau"):
                parts.people_period = _actives_period(tokens[nxt].text)  # `200 DAU, each maybe 15 requests`
            mark_volume(period_before(tokens, i))  # `每天跑 300 个任务`: that many a day
            explain_total(i - 1)  # `一共500个用户`: a total of people, not of tokens
            if role(neighbour(nxt, 1)) == "times_sign":
                parts.per_person = True  # `100 users x 20 messages a day`
        elif adjective_before_count(tokens, nxt):
            set_requests(i, tok)  # `60k product descriptions`: a count of a kind of thing
            if tokens[nxt].role is None:
                tokens[nxt].role = "skip"  # `300 grounded requests` stay grounded
            taken.add(nxt + 1)
            mark_volume(neighbour(nxt + 1, 1))
            if count_each(tokens, i, nxt + 1):
                parts.per_person = True  # `3k DAU, each does ~4 AI calls`
        elif not said_in_tokens(tokens, i) and (role(nxt) == "count" or (role(prev) == "count" and tokens[prev].text == "times") or plural_count(tokens, nxt)
              or role(prev) == "count_verb" and not (role(nxt).startswith("label:") and not tokens[nxt].after_break)  # `跑 100k input`
              and not (role(nxt) == "images" and an_image_model(tokens))  # (`每天出400张` on an image model: the images made)
              or verb_as_noun(tokens, nxt) and not role(prev).startswith("label:")  # `输出两千 调用一次`: the label's
              or bare_measure(tokens, i)):
            set_requests(i, tok)  # `5k calls`, `times 60`, `调用2万次`, `2000请求`
            if i + 1 < n and tokens[i + 1].text == "个" and counted_noun_after(tokens, i + 1):
                tokens[i + 2].role = "count"  # `每周2800个issue`: what is counted
            elif i + 1 < n and tokens[i + 1].role is None and bare_measure(tokens, i):
                tokens[i + 1].role = "count"  # `每天1万道`, `每天 800 個行程`, `一天 1 萬回合`: so are these
            after_verb = role(prev) == "count_verb"
            count_at = nxt if role(nxt) in ("count", "count_verb") else prev
            taken.add(count_at)
            if after_verb:
                taken.add(prev)  # `调用2万次`: the verb and 次 say the same count
                explain_total(prev - 1)  # `一共调用2万次`
            # `每天5000次`, `每天调用2万次` name their period before the count, `5k calls a day` after it
            if not mark_volume(period_before(tokens, i)):
                mark_volume(neighbour(count_at, 1) if count_at > i else neighbour(i, 1))
            explain_total(i - 1)
            explain_total(count_at + 1)
            if count_each(tokens, i, count_at):
                parts.per_person = True  # `30 queries each per day`, `each makes about 20 quizzes`
        elif role(nxt) == "searches" and parts.requests is None and (mark_volume(neighbour(nxt, 1)) or mark_volume(period_before(tokens, i))):
            # `~8,000 searches a day`, `1.8M searches a month`: searches with a period of their own are what is run, one a
            # request (whether each is grounded is said elsewhere: `every one grounded w/ google search`)
            set_requests(i, tok)
            taken.add(nxt)
            if not any(t.role == "search" and t.text not in _SEARCH_ALONE for t in tokens):
                for t in tokens:
                    if t.role == "search":
                        t.role = "skip"  # `every search query goes through 3.1 flash-lite … 1.8M searches a month`: a site's searches
        elif role(nxt) == "searches":
            _set_once(parts, "searches", tok.value, tok)
            parts.search = True
            taken.add(nxt)
        elif role(nxt) == "images" or (role(nxt) == "make" and role(neighbour(nxt, 1)) == "images"):
            _set_once(parts, "images", tok.value, tok)
            taken.add(nxt)
        elif (role(prev) == "count" and tokens[prev].kind == "cjk" and prev == i - 1 and not said_in_tokens(tokens, i)
              and period_before(tokens, prev) >= 0):
            set_requests(i, tok)  # `每天新增章节3.5万`: the noun counted before its amount, its period before them
            taken.add(prev)
            mark_volume(period_before(tokens, prev))
        elif role(prev) == "count_label" or role(prev) == "count" and any(t.text in (":", "=") for t in tokens[prev + 1 : i]):
            # `请求数1000`, `requests: 800/day`; before the labels: in `每天调用次数2万，输入5万` the count's own
            # label binds 2万 before 输入 (which names 5万) can
            set_requests(i, tok)
            taken.add(prev)
            if not mark_volume(period_before(tokens, i)):
                mark_volume(neighbour(i, 1))
        elif role(prev) == "people_label":
            _set_once(parts, "people", tok.value, tok)  # `日活1,000`: daily active users
            taken.add(prev)
            parts.people_period = _actives_period(tokens[prev].text)
            if role(nxt) == "people":
                taken.add(nxt)  # `日活 2000 人`
        elif (role(prev) == "label:input" and tokens[prev].kind == "word" and tokens[prev].text not in _INPUT_NOUNS and nxt == i + 1
              and role(nxt) == "label:audio" and nxt + 1 < n and tokens[nxt + 1].text in TOKEN_WORDS):
            # `we send ~9.6k audio tokens + 1.5k of rubric`: the tokens are the audio's, the verb of sending opens the input
            _set_label(parts, "audio", tok, tokens, nxt)
            taken.add(nxt)
        elif role(prev).startswith("label:") and _in_then_out(tokens, i, nxt, neighbour):
            # `each reply 800 in 60 out`: the pair `800 in 60 out` labels itself; the word before it names the request
            tokens[prev].role = "skip"
            _set_label(parts, role(nxt)[6:], tok, tokens, nxt)
            taken.add(nxt)
        elif role(prev).startswith("label:") and not (tok.after_break and (role(nxt).startswith("label:") or period_follows(tokens, i) is not None)):
            # (`2.5k out incl. thinking, 400 a day`: across a comma, an amount with its own period is a count)
            # (`20k tokens per transcript in, 2k out`: a comma ends the label before it; the free one after it is its own)
            for k in range(prev + 1, i):
                if tokens[k].role == "total":
                    tokens[k].used = True  # `输出思考加回答一共3k`: the label's own total
            _set_label(parts, role(prev)[6:], tok, tokens, prev)
            taken.add(prev)
            _take_twin_label(prev)
        elif (role(nxt).startswith("label:") and not any(t.after_break for t in tokens[i + 1 : nxt + 1])
              and not _label_owns_the_next_amount(tokens, nxt, neighbour, role)
              and not (nxt == i + 1 and tokens[nxt].text in ("videos", "audios"))):  # (`150 videos a day`: videos counted, their tokens unsaid)
            # (never across a comma: `1.5万token，输出2k` leaves 1.5万 to its own clause)
            _set_label(parts, role(nxt)[6:], tok, tokens, nxt)
            taken.add(nxt)
            _take_twin_label(nxt)
        elif (period_at := period_follows(tokens, i)) is not None:
            set_requests(i, tok)  # `1000/day`, `10000 per day`
            tokens[period_at].volume = True
            for k in range(i + 1, period_at):
                if tokens[k].role is None:
                    tokens[k].role = "count"  # `2,100 reports a week`: what is counted
        else:
            unlabeled.append(tok)
            continue
        tok.used = True
    for k in taken:
        tokens[k].used = True
    if parts.people is not None and parts.per_person and parts.requests_formed and not _each_person_said(tokens):
        parts.per_person = False  # (`每次配對要call 5次 … 一天220次配對，大概 100 個人在用`: the people are no factor; asked)
    if parts.people is not None and parts.requests is None:
        _one_each(tokens, parts)
    if parts.people is not None and parts.requests is None and (parts.input is not None or parts.output is not None):
        _usage_of_each_person(tokens, parts)
    if parts.people is not None and parts.requests is None and (parts.input is not None or parts.output is not None):
        _things_of_the_people(tokens, parts)
    return unlabeled


#: Words that make the people users of a tool, who may send many requests each (`80 人聊天`, `用我们的 chatbot`).
_REPEAT_USE = frozenset(["在用", "使用", "聊", "聊天", "对话", "会话", "bot", "chatbot", "机器人", "app", "portal", "chat", "chats", "messages"])


def _things_of_the_people(tokens: list[Token], parts: Parts) -> None:
    """`每天也就20个客户邮件 … 每封800进300出`: the people name whose things are counted (customers' emails), with a
    period, beside the usage of one: the things are the requests. (People seen once, `一天看診 80 人`, were read as one
    request each for a while; three reviews found visits with several requests each, so they are asked, as at the start.)"""
    if parts.people_period is not None or any(t.role == "budget" or t.money is not None for t in tokens) or one_priced(tokens):
        return
    for k, tok in enumerate(tokens):
        if not (tok.kind == "amount" and tok.value == parts.people and tok.used and k + 2 < len(tokens)):
            continue
        at = k + 2 if tokens[k + 1].text in ("个", "位", "名") and k + 3 < len(tokens) and tokens[k + 2].role == "people" else k + 1
        noun, thing = tokens[at], tokens[at + 1]
        if noun.role != "people" or thing.role != "count" or thing.kind != "cjk" or thing.after_break:
            return
        start, _ = clause_around(tokens, k)
        if not any((t.role or "").startswith("period:") for t in tokens[start : at + 2]):
            return
        if any(t.text in _REPEAT_USE or t.role == "per_person" or t.role == "people" and j != at for j, t in enumerate(tokens)):
            return
        parts.requests, parts.per_person = Decimal(1), True
        return


def _calls_counted_again(tokens: list[Token], requests_at: list[int], i: int) -> bool:
    """`一個 task 平均 15 step … 一天 40 個 task，每個 task 最後再加 3 個 step`: a count of calls (steps, calls) when the
    product already holds one: added, retried or instead, not a factor (asked)."""
    return len(requests_at) >= 2 and calls_counted(tokens, i) and any(calls_counted(tokens, k) for k in requests_at)


def _each_person_said(tokens: list[Token]) -> bool:
    """The people's own share is said, so they multiply: `12 teachers each grade 30 essays`, `每人每天`, `各`, `50 devs x 30
    tasks/day`, `each clinic ~120 patient chats`, `4 sessions a day each`."""
    for k, t in enumerate(tokens):
        before = tokens[k - 1] if k > 0 else None
        if t.role == "per_person" or t.text in _EACH_PERSON or t.text == "each" and before is not None and before.role == "people":
            return True
        if t.role == "times_sign" and any(u.role == "people" for u in tokens[max(k - 2, 0) : k + 3]):
            return True
        if t.text == "each" and before is not None and ((before.role or "").startswith(("count", "period:")) and (k + 1 == len(tokens) or tokens[k + 1].after_break)):
            return True
        if t.role == "people" and any(u.text in ("each", "every", "per") for u in tokens[max(k - 5, 0) : k - 1] if not u.after_break or u.text == "each"):
            return True
    return False


#: Words said of each person (`每人`, `各`): one thing right after them is one request each.
_EACH_PERSON = frozenset(["各", "各自", "每人"])


#: Words that make a budget what is left of one (`预算还剩1.5万美元`, `$2k left this month`): a sum, no period.
_REMAINING = frozenset(["剩", "剩下", "剩余", "还剩", "剩的", "left", "remaining", "leftover"])
#: Search words that, alone, may name the asker's own searches (a site's search box) rather than Google Search grounding.
_SEARCH_ALONE = frozenset(["search", "searches", "搜索", "搜寻", "检索", "搜"])


def _one_each(tokens: list[Token], parts: Parts) -> None:
    """`全班 35 個學生，每人一篇`, `3000个学生各生成一份`, `各產一份`, `每個用戶每天生一份菜單`, `每人一次`: one thing made or sent
    for each person (一篇, 一份, 一条: one, by its measure word; 一次: once) is one request each; a period said between is its
    period."""
    for k, tok in enumerate(tokens):
        made_each = tok.kind == "cjk" and len(tok.text) == 2 and tok.text[0] == "各" and tok.text[1] in "产產生写寫出做"  # `各產一份`
        if not (tok.role == "per_person" or tok.text in _EACH_PERSON or made_each):
            continue
        period = None
        for j in range(k + 1, min(k + 6, len(tokens))):
            nxt = tokens[j]
            if nxt.after_break:
                break
            if (nxt.role or "").startswith("period:") and period is None:
                period = nxt
                continue
            if nxt.kind == "cjk" and len(nxt.text) == 2 and nxt.text[0] == "一" and (nxt.text[1] in COUNTING_MEASURES or nxt.text == "一次") and nxt.role in ("each", "skip"):
                if _more_than_one(tokens, j):
                    return  # (`各產一份中文一份英文報告`, `调用一次 judge 和一次 generator`, `另外每人再產一份`: more than one each)
                parts.requests, parts.per_person = Decimal(1), True
                if period is not None:
                    period.volume = True
                return
            if nxt.role not in ("make", "skip", "count_verb") and not (nxt.kind == "cjk" and nxt.role is None and len(nxt.text) == 1) and (
                    nxt.text not in _MAKERS):
                break  # (`每人一篇`, `各生成一份`, `每天生一份`, `让AI生成一段`: a verb of making, or who makes it, may stand between)


def _usage_of_each_person(tokens: list[Token], parts: Parts) -> None:
    """`三十五位客户，每位對話 in 6千 out 900`, `三万会员 每人输入一千`, `每个客户让AI生成一段 … prompt 1500`, `38,000 students, 2k
    tokens in each, 400 out`: with no count of requests, the tokens of one request said of each person make one request
    each (the person's count is the requests'; its period, if any, theirs)."""
    for k, tok in enumerate(tokens):
        if tok.role == "per_person":
            # the label within the clause right after (`每位對話 in`, `每人输入`), past what each one is (`对话`) or does;
            # not past a request or a period (`每人每次输入`, `每人每月输入 30 万`: each request's, each month's)
            for j in range(k + 1, min(k + 6, len(tokens))):
                if tokens[j].after_break or tokens[j].role not in (None, "skip", "count", "label:input", "label:output"):
                    break
                if (tokens[j].role or "") in ("label:input", "label:output"):
                    parts.requests, parts.per_person = Decimal(1), True
                    return
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if tok.role == "each" and tok.text == "each" and k > 0 and (tokens[k - 1].role or "") in ("label:input", "label:output") and (
                after is None or after.after_break or after.kind != "word") and not any(t.text in _ASKED_AGAIN for t in tokens):
            # `38,000 students, 2k tokens in each`, `reports … for every student, ~3k in 1k out each`: each student's (not
            # `in each chat turn`, nor beside things a person sends again and again: `employees ask questions …, 1.5k in each`)
            parts.requests, parts.per_person = Decimal(1), True
            return


#: Things a person sends again and again (`employees ask questions`, `customers open tickets`): `each` beside them is theirs.
_ASKED_AGAIN = frozenset(["questions", "question", "messages", "message", "msgs", "chats", "chat", "tickets", "ticket", "turns", "queries",
                          "prompts", "calls", "requests", "conversations", "sessions", "emails", "replies"])


#: Who makes the thing for each person (`每个客户让AI生成一段`): no thing of its own.
_MAKERS = frozenset(["ai", "gemini", "模型", "它", "bot", "机器人"])


#: Words that add a second thing for each (`和`, `另外`, `再`, `and`).
_ANOTHER = frozenset(["和", "跟", "及", "与", "與", "另外", "再", "还有", "還有", "加上", "and", "plus", "+"])


def _more_than_one(tokens: list[Token], j: int) -> bool:
    """After one thing for each person at ``j``, in its clause: a second one (`一份中文一份英文`), another call (`和一次`) or
    things counted in it (`一次 3 个模型`); or, anywhere after, another per-person phrase (`每人再產一份`): more than one
    request each."""
    for k in range(j + 1, min(j + 9, len(tokens))):
        t = tokens[k]
        if t.after_break and t.text not in ("一次", "每次"):
            break  # (the clause after it, unless it is said of that one call: `调用一次，一次 3 个模型投票`)
        if t.text in _ANOTHER or t.role == "per_person":
            return True
        if (t.kind == "amount" and t.money is None and t.value is not None and t.value <= 10 and k + 1 < len(tokens) and tokens[k + 1].kind == "cjk"
                and tokens[k + 1].text[:1] in COUNTING_MEASURES | {"次"} and tokens[k - 1].role != "total"):
            return True  # (a few things in that one: `一次 3 个模型`; not the units' own total, `共一萬兩千個公會`)
        if t.kind == "cjk" and len(t.text) >= 2 and t.text[0] == "一" and (t.text[1] in COUNTING_MEASURES or t.text[1] == "次"):
            return True
    return any(t.role == "per_person" or t.text in ("每人", "每位") for t in tokens[j + 1 :])


#: Words right before a sum of money that make it what was billed, to check, not a budget (`花了1800美元`).
_BILLED = frozenset(["charged", "billed", "invoiced", "花了", "扣了", "被扣了", "扣费", "付了", "花掉了", "花掉", "烧了", "用掉了"])


def _billed_before(tokens: list[Token], i: int) -> bool:
    before = [t.text for t in tokens[max(i - 2, 0) : i]]
    return bool(before) and (before[-1] in _BILLED or "".join(before) in _BILLED)


def _in_then_out(tokens: list[Token], i: int, label: int, neighbour: Callable[[int, int], int]) -> bool:
    """`800 in 60 out`: the amount at ``i``, an English in (or out) right after it, then the next amount with the
    other one: each amount's label is the one after it."""
    other_label = {"label:input": "label:output", "label:output": "label:input"}
    if not (0 <= label < len(tokens) and tokens[label].text in ("in", "out") and tokens[label].role in other_label and not tokens[label].after_break):
        return False
    after = neighbour(label, 1)
    if 0 <= after < len(tokens) and tokens[after].text == "/" and not tokens[after].after_break:
        after = neighbour(after, 1)  # `1.5k in / 700 out`
    if not (0 <= after < len(tokens) and tokens[after].kind == "amount" and not tokens[after].used):
        return False
    other = neighbour(after, 1)
    return (0 <= other < len(tokens) and tokens[other].role == other_label[tokens[label].role or ""] and tokens[other].text in ("in", "out")
            and not tokens[other].after_break)


#: Verbs of making that 批量 (in bulk) may qualify: `批量生成`, `批量做摘要`, `批量改写`, `批量打标签`.
_MADE_IN_BULK = ("生成", "产生", "产出", "改写", "重写", "写", "做", "出", "打", "翻译", "回填", "上传", "导入", "制作")


#: Words that say the Batch API without naming it (`离线跑`, `半价`, `异步`, `非实时`, `打五折`, `隔天拿`, `不急`; not `实时`,
#: which says the opposite).
_BATCH_SAID_OTHERWISE = ("离线", "半价", "异步", "非实时", "不需要实时", "不用实时", "五折", "对折", "batchapi", "隔天", "第二天", "不急", "不赶",
                         "不着急")


def _in_bulk(tokens: list[Token]) -> None:
    """`菜品描述要批量生成`: 批量 before a verb of making says the things are made in bulk, not that the Batch API is used;
    `批量跑`, `批量处理`, `批次`, `批量模式`, `走 batch` say the Batch API. Read past unless batch is said some other way too
    (`批量生成 … 用batch跑`: then batch, as said)."""
    bulk = [k for k, t in enumerate(tokens) if t.role == "batch" and t.text == "批量" and k + 1 < len(tokens) and not tokens[k + 1].after_break
            and tokens[k + 1].text.startswith(_MADE_IN_BULK) and not (k > 0 and tokens[k - 1].text.endswith(("用", "走")))]  # (`用批量生成`: batch)
    if not bulk or any(any(cue in t.text for cue in _BATCH_SAID_OTHERWISE) for t in tokens):  # (`离线跑就行`, `半价`: the Batch API)
        return
    if all(k in bulk for k, t in enumerate(tokens) if t.role == "batch"):
        for k in bulk:
            tokens[k].role = "skip"


def _one_about(tokens: list[Token], parts: Parts) -> None:
    """`…一天3500次 一个约多少钱`: one, about how much (the price of one?), or 约 typed for 月 (`一个月`, a month's)? Either
    prices something else than the day's total: the words are asked about (the reading without them offered)."""
    for k in range(len(tokens) - 1):
        if tokens[k].text != "一个":
            continue
        j, about = k + 1, False
        while j < len(tokens) and tokens[j].text in ("约", "大约", "需", "要", "得") and not tokens[j].after_break:
            about, j = about or tokens[j].text in ("约", "大约"), j + 1
        price = tokens[j] if j < len(tokens) and not tokens[j].after_break else None
        if price is not None and price.role == "price_q" and (about or price.text.startswith(("约", "大约"))):
            parts.unexplained.append("一个约")  # (`一个约需多少钱`, `一个大约多少钱` too)
            return


def _batch_switched_off(tokens: list[Token]) -> None:
    """`不走 batch`, `不用批量`, `no batch`: batch said switched off by the word (and a verb of going) right before it;
    the words are read together, and the standard price is the one asked."""
    for i, tok in enumerate(tokens):
        if tok.role != "batch" or tok.after_break:
            continue
        k = i - 1
        if k >= 1 and tokens[k].text in ("走", "跑", "用", "开") and tokens[k - 1].text in SWITCH_OFF:
            tokens[k].role = "skip"
            k -= 1
        if k >= 0 and tokens[k].text in SWITCH_OFF and not tokens[k + 1].after_break:
            tokens[k].role, tok.role = "skip", "batch_off"


#: Words that restate a year's sum as the month's (`so`, `等於`, `约`), besides those of a sum restated in another currency.
_RESTATED_MONTHLY = frozenset(["so", "means", "that's", "thats", "等于", "也就是", "平均", "即"])
#: Words that make an amount of money a year's (`一年1200美金`, `annual budget … $6,000`).
_A_YEAR = frozenset(["一年", "每年", "全年", "年度", "一整年", "annual", "annually", "yearly", "year"])


def _a_years_money_restated(tokens: list[Token]) -> None:
    """`經費一年1200美金 等於一個月100美金`, `annual budget is $6,000 so $500/month`, `一年就 3 万块预算，约每月 2500 元`: a
    year's money, then a twelfth of it said as the month's, is one budget, the month's; the year's sum is left out."""
    money = [k for k, t in enumerate(tokens) if t.kind == "amount" and t.money is not None and t.value]
    for a, b in pairwise(money):
        first, second = tokens[a], tokens[b]
        if first.money != second.money or first.value != 12 * second.value:  # type: ignore[operator]
            continue
        if not any(t.text in _RESTATED or t.text in _RESTATED_MONTHLY for t in tokens[max(b - 4, a + 1) : b]):
            continue  # (`$6,000 and $500/month goes to hosting`: another sum, said without restating the first)
        year = next((k for k in range(max(a - 8, 0), min(a + 3, b)) if tokens[k].text in _A_YEAR), None)
        if year is None:
            continue
        first.as_filler()
        tokens[year].role = "skip"
        return


def _budget_periods(tokens: list[Token], parts: Parts) -> None:
    """`$500/month`, `500美元每月`, `每月预算500美元`, `每月100美金预算`: a period word beside the money
    (before it and the budget word, or after it) in the same clause is the budget's period, not the
    request count's (`每月预算500美元，每天能调用多少次`: 每天 opens the next clause, the question)."""
    n = len(tokens)
    chinese = chinese_question(tokens)
    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is None:
            continue
        after, before = i + 1, i - 1
        while after < n and not tokens[after].after_break and (tokens[after].role in ("skip", "link", "cny", "usd") or tokens[after].text in _REMAINING) and after - i <= 2:
            after += 1  # (`$2k left this month`: what is left, then its period)
        past_budget = False  # (English words are walked past only between the budget word and its period: `monthly AI budget`)
        while (before >= 0 and not tokens[before + 1].after_break and i - before <= 9
               and (tokens[before].role in ("budget", "skip", "link", "info") or tokens[before].text == "is" or tokens[before].role is None and (
                   tokens[before].kind == "cjk" or chinese and tokens[before].kind == "word"  # `每个月给AI的预算是2000元`
                   or past_budget and tokens[before].kind == "word" and (plain_word(tokens[before]) or tokens[before].text in ("ai", "api", "llm")))
                    # `每月要控制在台幣3萬以內（抓1000鎂）`: past the same sum in another currency, restated
                    or (tokens[before].role or "").startswith("fx:") or tokens[before].kind == "amount" and (tokens[before].money or "").startswith("fx:"))):
            past_budget = past_budget or tokens[before].role == "budget"
            before -= 1
        left = any(t.text in _REMAINING for t in tokens[max(before, 0) : min(i + 3, n)])
        for k in (before, after):
            same_clause = 0 <= k < n and not (tokens[k].after_break if k > i else tokens[k + 1].after_break)
            role = tokens[k].role or "" if same_clause else ""
            if role in ("period:day", "period:month") and not tokens[k].volume and left:
                tokens[k].role = "skip"  # `这个月预算还剩1.5万美元`: what is left of this month's money, a sum to spend once
                break
            if role in ("period:day", "period:month") and not tokens[k].volume:
                if parts.budget_period not in (None, role[7:]):
                    raise InvalidQuery("duplicate_part", part="period", amount=tokens[k].text)
                parts.budget_period = role[7:]  # type: ignore[assignment]
                tokens[k].role = "budget_" + role  # read here; the self-check holds the reading to it
                break
    monies = [t for t in tokens if t.kind == "amount" and t.money in ("usd", "cny")]
    if parts.budget_period is None and len(monies) == 1:
        for k in range(n - 1):
            role = tokens[k].role or ""
            if (role in ("period:day", "period:month") and not tokens[k].volume and tokens[k + 1].text in ("budget", "预算")
                    and not tokens[k + 1].after_break):
                # `Monthly budget for AI on one client account is $250`: the period said of the budget word, the one sum
                # of money said further on
                parts.budget_period = role[7:]  # type: ignore[assignment]
                tokens[k].role = "budget_" + role
                break


def _pair_slashed(tokens: list[Token], parts: Parts, taken: set[int]) -> None:
    """`10k/2k in/out`, `in/out 10k/2k`: two amounts and two labels, each joined by a slash, pair in order."""
    n = len(tokens)
    for i in range(n - 2):
        if not (tokens[i].kind == "amount" and tokens[i + 1].text == "/" and tokens[i + 2].kind == "amount"):
            continue
        for first in (i + 3, i - 3):
            if 0 <= first and first + 2 < n and tokens[first + 1].text == "/":
                labels = ((tokens[first].role or ""), (tokens[first + 2].role or ""))
                if all(label.startswith("label:") for label in labels) and labels[0] != labels[1]:
                    for amount, label in ((tokens[i], labels[0]), (tokens[i + 2], labels[1])):
                        _set_once(parts, label[6:], amount.value, amount)
                        amount.used = True
                    taken.update((first, first + 2))
                    tokens[i + 1].role = tokens[first + 1].role = "skip"
                    return


def _content_name_then_tokens(tokens: list[Token], k: int) -> bool:
    """`评分和理由300 token`, `分类标签大概 20 token`: a plain Chinese noun the tables do not know, then (past a hedge)
    an amount said in tokens."""
    if not (0 <= k < len(tokens) - 1 and tokens[k].kind == "cjk" and tokens[k].role is None and plain_word(tokens[k])):
        return False
    j = k + 1
    while j < len(tokens) - 1 and j - k <= 2 and tokens[j].kind == "cjk" and tokens[j].text in CJK_ABOUT and not tokens[j].after_break:
        j += 1
    if tokens[j].kind != "amount" or tokens[j].after_break:
        return False
    if said_in_tokens(tokens, j):
        return True
    # `输出讲义3000，`: the noun right after its label, the amount closing the clause (no count or unit after it)
    right_after_label = k > 0 and tokens[k - 1].kind == "cjk" and tokens[k - 1].role in ("label:input", "label:output") and not tokens[k].after_break
    return right_after_label and j == k + 1 and (j + 1 == len(tokens) or tokens[j + 1].after_break)


def _label_owns_the_next_amount(
    tokens: list[Token], label: int, neighbour: Callable[[int, int], int], role: Callable[[int], str]
) -> bool:
    """`问题5千token，回答800token`: a Chinese label between two amounts names the one after it when
    that one has no label of its own (`5万输入 3千输出` still pairs each amount with the label after it). So does an
    English label in a Chinese question (`航班資料1k token out 220`: Chinese puts the label first)."""
    if tokens[label].kind != "cjk" and not chinese_question(tokens):
        return False
    after = neighbour(label, 1)
    k = after
    while 0 <= k < len(tokens) and k - label <= 5 and tokens[k].role in ("skip", "link", "each") and tokens[k].kind == "cjk" and not tokens[k].after_break:
        k += 1  # (`輸出就一個分類標籤大概 20 token`: filler before the content's name)
    if _content_name_then_tokens(tokens, k) and not any(t.used for t in tokens[k + 1 : k + 4] if t.kind == "amount"):
        return True  # `输出评分和理由300 token 客户…`: the content's name, then its amount in tokens, the label's
    if not (0 <= after < len(tokens)) or tokens[after].kind != "amount" or tokens[after].used:
        return False
    # only a bare amount (`回答800token`); `缓存12小时` is a duration, `30万字` something else
    beyond = neighbour(after, 1)
    if not role(beyond).startswith(("count", "dur:", "people", "label:", "times_sign", "percent")):
        return True  # (`400 token 回300 用3.5 flash`: filler, a model or a period after it leave it bare)
    if tokens[label].kind != "cjk":
        return False  # (`40k in（30k cached） 2k out`: English order, each amount before its label)
    if role(beyond).startswith("label:"):
        # `每則8千token 輸出1200 thinking另外大約4千`: the label after the amount has its own amount after
        # it, so the amount is the label's before it
        k = beyond + 1
        while k < len(tokens) and tokens[k].role in ("skip", "link") and not tokens[k].after_break:
            k += 1
        if not (k < len(tokens) and tokens[k].kind == "amount" and tokens[k].money is None and not tokens[k].after_break):
            return False
        # (`5万输入 3千输出 100次/天`: an amount that counts something is no label's)
        return k + 1 >= len(tokens) or not (tokens[k + 1].role or "").startswith(("count", "dur:", "people"))
    return False


#: Words before the free tier that leave it behind: the price asked is the paid one (`after free tier ends`, `超了免费的话`).
_PAST_FREE = frozenset(["after", "past", "beyond", "off", "exceed", "exceeding", "outgrow", "超了", "超出", "超过", "不靠", "不用", "出了"])
#: Words after it that say it is used up (`免费额度用完了`, `free tier ends`).
_FREE_USED_UP = frozenset(["用完了", "用完", "ends", "ended", "runs"])
#: Words that ask whether the free tier covers the usage (`会不会超过免费额度`, `does the free tier cover it`): its question.
_DOES_FREE_COVER = frozenset(["会不会", "够不够", "够吗", "够", "吗", "cover", "covers", "enough", "within", "fit", "fits", "or"])


def _past_the_free_tier(tokens: list[Token], free: int) -> bool:
    """A word leaving the free tier before it (`past`, `after`, `once we're off`, `超了`, `不靠`) or saying it is used up
    after it (`用完了`, `ends`), or a paid plan gone to (`if i went paid`, `直接付費`), with a usage to price (a label
    paired), and no question of whether the free tier covers it (`会不会超过免费额度`, `or do I need paid?`)."""
    before = [t.text for t in tokens[max(free - 3, 0) : free]]
    after = [t.text for t in tokens[free + 1 : free + 4]]
    went_paid = any(t.text in ("paid", "付费", "付費") and k > 0 and tokens[k - 1].text in ("went", "go", "going", "switch", "直接", "开了")
                    for k, t in enumerate(tokens)) or any("直接付费" in t.text or "开了付费" in t.text for t in tokens)
    labelled = any(t.used and (t.role or "").startswith("label:") for t in tokens)
    near = tokens[max(free - 8, 0) : free + 8]
    asks_cover = any(t.text in _DOES_FREE_COVER or t.kind == "cjk" and t.text.endswith("吗") and "钱" not in t.text for t in near) or any(
        t.text in ("rpm", "rpd", "tpm", "每分钟", "每秒", "多少次", "上限", "limit", "limits") or t.text == "many" and k > 0 and tokens[k - 1].text == "how"
        for k, t in enumerate(tokens))  # (`超过免费额度以后每分钟能调用多少次`: the paid tier's limit asked)
    return labelled and not asks_cover and (any(w in _PAST_FREE for w in before) or any(w in _FREE_USED_UP for w in after) or went_paid)


def _cache_word_later(tokens: list[Token], percent: int, role: Callable[[int], str]) -> int | None:
    """The free cache word of a share's clause, with no other amount between (`60% of our 20k-token prompt is cache
    hits`): its index, or None. The prompt's own amount may stand between (`of our 120k prompt`)."""
    amounts = 0
    for k in range(percent + 1, min(percent + 12, len(tokens))):
        if tokens[k].after_break:
            return None
        if tokens[k].kind == "amount":
            amounts += 1
            if amounts > 1:
                return None
        if tokens[k].text in _NOT_CACHED or tokens[k].kind == "cjk" and any(c in tokens[k].text for c in "没沒不无無"):
            return None  # `90% of it is not cached`, `can't be cached`, `沒開 cache`: the share not cached, asked
        if role(k) in ("label:cached", "label:cache"):
            return k
    return None


#: Words that negate the cache word after a share (`not`, `never`, `can't`).
_NOT_CACHED = frozenset(["not", "never", "no", "can't", "cannot", "cant", "won't", "isn't", "aren't", "without", "uncached", "changes", "changing"])


def _set_label(parts: Parts, name: str, amount: Token, tokens: list[Token], label_at: int) -> None:
    # `audio input 500k` / `500k of audio input`: the modality word sits beside the input label
    if name == "input":
        for k in (label_at - 1, label_at + 1):
            beside = tokens[k].role if 0 <= k < len(tokens) else None
            if k > label_at and beside is not None and (tokens[k].after_break or k + 1 < len(tokens) and tokens[k + 1].role == "label:output"):
                continue  # `350 tokens in, audio out 2k`: the next clause's modality is the output's
            if beside in ("label:audio", "label:video") and not tokens[k].used:
                name = beside[6:]
                tokens[k].used = True
                break
    if name in ("audio", "video"):
        neighbour = label_at + 1
        while neighbour < len(tokens) and tokens[neighbour].role == "link":
            neighbour += 1  # `500k audio tokens in`: the input label after the modality is the same part
        if neighbour < len(tokens) and tokens[neighbour].role == "label:input":
            tokens[neighbour].used = True
    amount_at = next(k for k, t in enumerate(tokens) if t is amount)
    if amount_at + 1 < len(tokens) and (tokens[amount_at + 1].role == "percent" or tokens[amount_at + 1].text in ("半", "成", "倍")
                                        or tokens[amount_at + 1].text.startswith("倍")):
        # `思考占 30%`, `其中一半走缓存`, `思考 2 倍于回答`: a share or a multiple, no 30, 1 or 2 tokens (only a cached share
        # is read as one, above): asked
        raise Ambiguous("unplaced_label", words=amount.text + tokens[amount_at + 1].text)  # (`一半`, `30%`, `2倍`: the share as said)
    if name == "thinking":
        parts.thinking_in_output = said_as_a_part(tokens, amount_at, label_at)
    if name in ("audio", "video") and said_as_a_part(tokens, amount_at, label_at):
        parts.media_in_input = True  # `输入1万，其中8千是音频`: the media is part of the input given
    if joined_by_plus(tokens, amount_at):
        parts.added.add(name)
    before = amount_at - 1
    while before >= 0 and tokens[before].role in ("skip", "link"):
        before -= 1
    if before >= 0 and tokens[before].role == "except" and name == "cached":
        parts.cached_is_rest = True  # `all but 2k cached`: cached is the prompt less 2k (usage.py)
        tokens[before].used = True
    assert amount.value is not None  # every amount has a value (amounts.py)
    if name == "piece" or name == "input" and parts.pieces:
        # `essay ~3k tokens + rubric 1k`, `prompt 200 + essay 1k`: pieces of the prompt named by what they are,
        # summed into the input (an input given before the first piece is one of them)
        if name == "input" and parts.input is not None and amount.value in (parts.input, parts.input + (parts.cached or 0)):
            parts.input = amount.value  # `cached (200k) + a ~3k question on top, so 203k in`: the pieces' sum said again
            return
        if not parts.pieces and parts.input is not None:
            parts.pieces = (parts.input,)
        parts.pieces += (amount.value,)
        parts.input = (parts.input or Decimal(0)) + amount.value
        return
    seen = parts.images_read
    if (name == "input" and seen is not None and not seen.text and parts.input == seen.input and said_as_text(tokens, amount_at)
            and not any(t.role == "total" for t in tokens[max(label_at - 2, 0) : amount_at])):
        # `一張照片算 1100 token，一次傳 4 張，加文字 200`: the text sent beside the images, said apart from them
        parts.images_read = replace(seen, text=amount.value)
        parts.input = parts.images_read.input
        return
    _set_once(parts, name, amount.value, amount)


def _actives_period(word: str) -> Period | None:
    """Daily actives use it daily, monthly actives monthly: the period of a count each, unless said."""
    return "day" if word[0] in "日d" else "month" if word[0] in "月m" else None


#: Words that say one money amount is another restated (`2 lakh rupees which is ~$2,400`, `台幣3萬（抓1000鎂）`).
_RESTATED = frozenset(["which", "≈", "~", "=", "约", "约合", "大约", "抓", "相当于", "换算", "折合", "about", "approx", "approximately",
                       "roughly", "around", "ie", "i.e.", "or", "aka"])
#: Words that make a second money amount another sum (`其中100美元给服务器`, `上个月花了200美金`, `each call costs $0.01`).
_OTHER_SUM = frozenset(["其中", "花了", "花", "用了", "spent", "costs", "cost", "each", "per", "at", "most", "上个月"])


def _converted_beside(tokens: list[Token], i: int) -> bool:
    """A money amount in dollars or yuan a few words from the one at ``i``, said as the same sum restated."""
    for k in range(max(i - 6, 0), min(i + 7, len(tokens))):
        if tokens[k].kind != "amount" or tokens[k].money not in ("usd", "cny"):
            continue
        between = tokens[min(i, k) + 1 : max(i, k)]
        if any(t.text in _RESTATED for t in between) and not any(t.text in _OTHER_SUM for t in between):
            return True
    return False


def _length_of_each(tokens: list[Token], amount: int, unit: int) -> bool:
    """`平均一条40秒`, `每通五分钟`, `~40 sec each`: a length said of each item (an each or average word before it,
    `each` after it); `runs 8 hours a day`, `shift is 8 hours` are no item's."""
    before = tokens[max(amount - 3, 0) : amount]
    clause: list[Token] = []  # the four words before, back to the clause's first (`avg clip is about 15 seconds`)
    for t in reversed(tokens[max(amount - 4, 0) : amount]):
        clause.append(t)
        if t.after_break:
            break
    if any(t.role in ("each", "per_person") or t.text in ("平均", "avg", "average", "each", "per", "一条", "一段", "一通") for t in clause):
        return True
    if any(t.value == 1 and nxt.text in COUNTING_MEASURES for t, nxt in zip(before, before[1:], strict=False)):
        return True  # `一集大約 42 分鐘`: one item, then its length
    if unit + 2 < len(tokens) and tokens[unit + 1].text == "per" and tokens[unit + 2].role is None and tokens[unit + 2].kind == "word":
        return True  # `90 seconds per clip`: the length of each clip
    if amount > 0 and tokens[amount - 1].text in ("a", "an") and unit + 1 < len(tokens) and tokens[unit + 1].role is None:
        return True  # `a two second clip`: one item's length
    return unit + 1 < len(tokens) and tokens[unit + 1].text == "each"


def _audio_beside(tokens: list[Token], amount: int, unit: int, after: int) -> int | None:
    """The audio word a duration measures: right after it (`4 分钟音频`, `10 min audio`), or a few words before
    it in its clause (`call audio: avg call 8 min`, `voice notes ~45 s each`)."""
    if 0 <= after < len(tokens) and tokens[after].role == "label:audio" and not tokens[after].used and not tokens[after].after_break:
        return after
    k = after
    short = duration_in_hours(tokens, amount, unit) <= 1  # (one word between only for a recording of an hour at most: one clip)
    while 0 <= k < len(tokens) and k - after < 2 and (tokens[k].text == "的" or tokens[k].role == "each"
                                                      or short and k == after == unit + 1 and tokens[k].role in (None, "count") and tokens[k].kind == "word") and not tokens[k].after_break:
        k += 1  # `30 分钟的一段音频`: the length of one recording; `4 min student audio` (not `6 hours lecture audio`)
    if k != after and k < len(tokens) and tokens[k].role == "label:audio" and not tokens[k].used and not tokens[k].after_break:
        return k
    k = amount - 1
    while k >= 0 and amount - k <= 3 and not tokens[k + 1].after_break and tokens[k].kind != "amount":
        if tokens[k].role == "label:audio" and not tokens[k].used:
            # (`音频输入每次 5分钟 约 9600 token`: the audio input's own amount follows; the length is said beside it)
            return None if tokens[k + 1].role == "label:input" else k
        k -= 1
    return None


def _the_hours_day(tokens: list[Token], amount: int) -> None:
    """`每天挂10小时`, `一天開 12 小時`: the day a cache's hours are said per, with no request counted, is read with
    the hours (one day's storage), not as a count's period."""
    k = amount - 1
    while k >= 0 and amount - k <= 3 and tokens[k].role in ("skip", "link") and not tokens[k + 1].after_break:
        k -= 1
    if k >= 0 and tokens[k].role == "period:day" and not tokens[k + 1].after_break:
        tokens[k].role = "skip"


#: Words of the span itself again (`这三年一共花了多少`) or of a quarter, beside a span of years.
_SPAN_AGAIN = ("这三年", "这两年", "这五年", "这几年", "这十年", "季")


def _a_span_priced(tokens: list[Token]) -> bool:
    """Beside `过去三年`: any period word (the count's, `过去三年每天1000次 … 一共花了多少`, or one asked), a quarter or
    the span named again, which the span would divide or multiply the count by. With none, a total asked is the job's
    (`過去三年的病歷 … 1萬5千份 … 總共多少錢`)."""
    if any((t.role or "").startswith(("period:", "matter", "budget_period")) for t in tokens):
        return True
    return any(w in t.text for t in tokens for w in _SPAN_AGAIN)


def _set_once(parts: Parts, name: str, value: Decimal | None, amount: Token) -> None:
    if getattr(parts, name) == value and value is not None:
        return  # `存 24 小时，这 24 小时内…`, `输出600 … （不含在输出600里）`: the same amount said again
    if getattr(parts, name) is not None:
        raise InvalidQuery("duplicate_part", part=name, amount=amount.text)
    setattr(parts, name, value)


def collect(tokens: list[Token], parts: Parts) -> None:
    """Read the roles that are not about amounts: flags, periods, currencies, unknown words."""
    standalone: list[tuple[int, Token]] = []
    bare_days: list[str] = []  # `that day`, `end-of-day`, `那几天`: a day word with no amount
    chinese = chinese_question(tokens)
    last_amount = max((i for i, t in enumerate(tokens) if t.kind == "amount"), default=-1)
    _a_years_money_restated(tokens)
    _budget_periods(tokens, parts)
    _batch_switched_off(tokens)
    _in_bulk(tokens)
    _one_about(tokens, parts)
    parts.recorded = any(a_recording(t) for t in tokens) and not parts.made_text_first  # (`已经有逐字稿了`: text sent; read in pair)
    texts = [t.text for t in tokens]
    lasts = any(texts[k : k + 2] == ["how", "long"] for k in range(len(texts) - 1)) and "last" in texts
    for i, tok in enumerate(tokens):
        r = tok.role or ""
        if tok.kind == "amount" and tok.money is not None and tok.money.startswith("fx:"):
            if _converted_beside(tokens, i):
                # `2 lakh rupees which is ~$2,400`, `台幣3萬（抓1000鎂好了）`: the same budget, also in dollars
                tok.as_filler()
                tok.money = None
                continue
            # `每月预算 5000 台币`: a budget is read in dollars or yuan; the answer's currency is not the budget's
            raise Ambiguous("budget_currency", currency=tok.money[3:])
        if tok.kind == "amount" and tok.money is not None and (_billed_before(tokens, i) or lasts):
            if not lasts:
                parts.billed = tok.value
            continue  # `we got charged ~$4.2k`, `账单上…花了1800美元`: the bill to check; `how long will $100 last`: not asked
        if tok.kind == "amount" and tok.money is not None:
            name = "budget_usd" if tok.money == "usd" else "budget_cny"
            _set_once(parts, name, tok.value, tok)
        elif r.startswith("period:"):
            if r == "period:minute":
                parts.limit = parts.limit or "rpm"
                limits_asked = any(t.role == "free" for t in tokens) and not any(
                    t.role == "price_q" or (t.role or "").startswith(("period:day", "period:month")) for t in tokens)
                if tok.volume and not limits_asked:
                    # `500 requests per minute … monthly?`: a rate with no hours a day is no count of a month (it had
                    # been priced as 500 a month, wrong at the start too): asked
                    parts.unexplained.append(tok.text)
            elif tok.volume:
                if parts.period is not None and parts.period != r[7:]:
                    raise InvalidQuery("duplicate_part", part="period", amount=tok.text)
                parts.period = r[7:]  # type: ignore[assignment]
            else:
                standalone.append((i, tok))
        elif r.startswith("label:") and not tok.used:
            parts.labels_seen.add(r[6:])
            if r == "label:thinking" and any(0 <= k < len(tokens) and tokens[k].role == "part" for k in (i - 1, i + 1)):
                parts.thinking_included = True  # `2k out (含思考)`, `2.5k out incl. thinking`: inside the output given
            if r == "label:audio" and i + 1 < len(tokens) and tokens[i + 1].role == "label:input" and tokens[i + 1].glued:
                parts.audio_input_label = True  # `音频输入`: the input that follows is the audio
            topic = _LABEL_TOPICS.get(r[6:])
            if topic:
                parts.topics.append(topic)
        elif r.startswith("limit:"):
            parts.limit = r[6:]
            parts.intents.add("free")
        elif r == "thinking_on" and parts.thinking is None:
            parts.labels_seen.add("thinking")  # `开思考` with no amount: the thinking tokens are unknown, so ask
        elif r == "thinking_budget" and not tok.used:
            parts.topics.append("thinking")  # `思考预算会影响价格吗`
            parts.unexplained.append(tok.text)  # a cap, not the tokens thought: a priced question asks
        elif r == "thinking_off":
            parts.topics.append("thinking")  # `关掉思考能省钱吗`
        elif r == "batch_off":
            pass  # `不走 batch`, `no batch`: the standard price, as said (the negation is read with it)
        elif r == "batch":
            parts.batch = True
            parts.topics.append("batch")
        elif r.startswith("tier:"):
            if r[5:] not in parts.tiers:
                parts.tiers.append(r[5:])
        elif r == "search":
            parts.search = True
            parts.topics.append("grounding")
        elif r == "cny":
            parts.want_cny = True
        elif r.startswith("fx:"):
            parts.currency = r[3:]
        elif r == "per_person":
            parts.per_person = True
        elif r == "count" and tok.kind == "cjk" and any(w in tok.text for w in CJK_RECORDINGS):
            parts.labels_seen.add("audio")  # `把那段音频+聊天记录 2k token`: audio named (its measure word glued on), its tokens not given
        elif r == "except" and not tok.used:
            parts.unexplained.append(tok.text)  # `all but` with no cached amount after it: asked
        elif r == "per_unit" and not tok.used:
            parts.intents.add("each")  # `20 steps per task` and no number of tasks: per request
        elif r == "span" and any((t.role or "").startswith(("period:", "dur:")) for t in tokens) and (
                not any(t.volume for t in tokens) or asks_the_price(tokens, i)):
            # `30k calls per semester, monthly?`: a school term or a season beside a day or month, whose length the card
            # does not know: asked, never read as that period (`赛季期间每天3500则`: the count has its own day, unless the
            # term's price is asked: `一学期每天 200 次 … 一学期多少钱`)
            parts.unexplained.append(tok.text)
        elif r == "public":
            parts.public = True
        elif r == "embed":
            parts.embed = True
        elif r == "make":
            parts.make = True
        elif r == "images" and not tok.used:
            parts.labels_seen.add("images")
        elif r == "via":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.kind in ("word", "cjk") and nxt.role is None:  # (`via batch` is batch)
                parts.provider = nxt.text
                nxt.role = "skip"
        elif r == "total" and tok.used:
            pass  # a total of requests, explained where it was paired
        elif r == "total" and i > last_amount:
            pass  # `..., total?`, `monthly total`: after every amount it asks for the total cost
        elif (r == "free" and tok.text == "上限" and i > 0 and tokens[i - 1].text in ("context", "ctx", "output", "input", "token", "tokens", "上下文")
              and not any((t.role or "").startswith(("limit:", "period:")) or t.text in ("rpm", "tpm", "rpd", "每分钟", "每秒") for t in tokens)):
            parts.intents.add("info")  # `context 上限是多少`, `output上限多少`: the model's limit, no free-tier quota
        elif r == "free" and _past_the_free_tier(tokens, i):
            # `monthly bill after free tier ends?`, `超了免费的话`: the paid price is asked, the free tier left behind
            for t in tokens:
                if t.role is None and (t.text in _PAST_FREE or "付费" in t.text or t.text == "paid"):
                    t.role = "skip"
                    parts.explain(t.text)
        elif r in ("compare", "rates", "free", "help", "budget", "question", "info", "followup", "total", "each", "part", "alt", "tier", "price_q", "value",
                   "providers"):
            parts.intents.add(r)
        elif r.startswith("dur:") and not tok.used and chinese and tok.kind == "word":
            pass  # `HR这边`: in a Chinese question a lone `hr` is human resources, not hours
        elif r.startswith("dur:") and not tok.used and tok.kind == "word" and duration_names_a_thing(tokens, i):
            pass  # `opening hours`, `after-hours calls`, `meeting minutes`: a thing named, no length
        elif r == "matter" or (r.startswith("dur:") and not tok.used):
            # a duration with no amount (`10k in 1k out, hour`) would change a storage price: ask
            parts.unexplained.append(tok.text)
            counted = any(t.kind == "amount" for t in tokens[max(i - 2, 0) : i])  # (`2 business days`: a length)
            if r == "dur:24" and not counted and (not _cache_said(parts) or i > 0 and tokens[i - 1].text in _THAT):
                bare_days.append(tok.text)  # (unless it is the count's day: below)
        elif r == "past_years":
            if _a_span_priced(tokens):
                # `过去三年一共 36 万次 … 一个月多少`, `过去三年每天1000次 … 一共花了多少`, `每个季度一份`: a period or the
                # span's total asked, which the span may divide or multiply the count into: asked
                parts.unexplained.append(tok.text)
        elif r == "pronoun":
            parts.unknown_words.append(tok.text)
        elif r == "pronoun_link":
            parts.intents.add("part")  # `2k out, 500 of it thinking`: a part of what was given
        elif tok.kind == "word" and tok.role is None and tok.glued and i > 0 and tokens[i - 1].kind == "amount":
            # `2w`, `3kk`: a letter glued to a number may be a unit we do not know (2w is 2万 to many):
            # the number itself is in doubt, so no reading is offered
            parts.unknown_words.append(tok.text)
            parts.unknown_unit = True
        elif tok.role is None and a_recording(tok):
            pass  # `voicemails`, `播客访谈`: what the audio is (a length of each is its audio: usage.py)
        elif tok.kind == "word" and tok.role is None:
            # `how much'd`, `that's`: a contraction of filler is filler
            if tok.text in FILLER or tok.text.split("'")[0] in FILLER or len(tok.text) <= 1:
                pass
            elif tok.text in parts.acronyms and apart_from_amounts(tokens, i):
                parts.filler_words.append(tok.text)  # `our CTO`, `the PI`: a name in capitals, no unit of a price
            elif (chinese and not near_model_word(tok.text) or not price_like(tok.text) or _names_a_kind_of_thing(tokens, i)) and (
                    apart_from_amounts(tokens, i) or not chinese and claimed_after(tokens, i)):
                # an English word apart from the amounts, with no price stem, names the product or is chat: `NPC 對話`,
                # `discord bot`, `summarizer` (vocab.PRICE_STEMS)
                parts.filler_words.append(tok.text)
            else:
                parts.unknown_words.append(tok.text)
        elif tok.kind == "cjk" and tok.role is None and not harmless_cjk(tokens, i):
            parts.unknown_cjk.append(tok.text)
    if parts.billed is not None and parts.asked_period is None and parts.period == "day":
        parts.asked_period = "month"  # `账单上花了1800美元 … 每天2000次`: a bill is a month's, so the month is checked
    if parts.period is None and parts.people_period is not None and parts.requests is not None:
        parts.period = parts.people_period  # `日活3000，每人平均问6个问题…月成本`: 6 a day, asked a month
    volume_period = parts.period is not None
    first_period = -1
    for at, tok in standalone:
        period = tok.role[7:]  # type: ignore[index]
        if parts.budget_period is not None and not volume_period:
            # `每月预算500美元，每天能调用多少次`: with a budget per period, another period is the one asked
            if period != parts.budget_period and parts.asked_period not in (None, period):
                raise InvalidQuery("duplicate_part", part="period", amount=tok.text)
            if period != parts.budget_period:
                parts.asked_period = period  # type: ignore[assignment]
            continue
        if parts.period is None:
            parts.period = period  # type: ignore[assignment]
            first_period = at
        elif volume_period and period != parts.period and parts.asked_period in (None, period):
            parts.asked_period = period  # type: ignore[assignment]  # `5k runs a day ... per month?`
        elif parts.period != period and parts.asked_period in (None, period) and (
                parts.requests is None or at > last_amount and not opens_a_label(tokens, first_period)):
            # `每天几百人在用，一个月多少钱`: no count to give a period to; the later one is asked (and the
            # missing count is asked about). After every amount (`每天凌晨跑一次batch，2000个请求，…一个月
            # 多少`), the later one asks, the first is the count's.
            parts.asked_period = period  # type: ignore[assignment]
        elif parts.period != period:
            raise InvalidQuery("duplicate_part", part="period", amount=tok.text)
    if bare_days and "day" in (parts.period, parts.asked_period) and (parts.hours is not None or not _cache_said(parts)):
        # `1200 queries that day … cost for the day`, `end-of-day job: 40k waybills every day`, `那几天 … 那一天要多少钱`:
        # a day word with no amount, beside a count or a total of a day, is that day. With a cache, only `that day`
        # with its hours said: `all day`, `the rest of the day` may be how long the cache is kept, and stay asked
        for word in bare_days:
            parts.unexplained.remove(word)


def _names_a_kind_of_thing(tokens: list[Token], i: int) -> bool:
    """`tax receipts`, `reading list`, `lesson plan generator`, `tax-season`: an everyday word with a price stem (tax,
    read, plan) said before the noun it qualifies, an everyday word with none: what the thing is, no price word."""
    k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].glued)
    if not (is_common_word(tokens[i].text) and k < len(tokens) and not tokens[k].after_break) or not any(
            stem in tokens[i].text for stem in _THING_STEMS):
        return False  # (`photographed products`, `recorded calls`, `searching news sites`, `month projection`: media, search
        #             or time said, which would change the price)
    nxt = tokens[k]
    return (nxt.kind == "word" and nxt.role in (None, "count") and is_common_word(nxt.text) and not price_like(nxt.text)
            and nxt.text not in FILLER and len(nxt.text) > 3)  # (a noun, not `that`, `it`, `the`)


#: The price stems whose everyday words often qualify the thing a request is about (`tax memo`, `reading list`, `lesson plan`,
#: `payment reminder`); media, search, time and quantity words never only qualify (they ask).
_THING_STEMS = ("tax", "read", "plan", "pay", "return", "complet")


#: Words that point at one day or its daytime (`that day`, `the same day`, `那几天`, `白天开9个小时`): no length of time.
_THAT = frozenset(["that", "this", "same", "那", "这", "這", "当", "當", "白"])


def _cache_said(parts: Parts) -> bool:
    return bool(parts.labels_seen & {"cached", "cache", "storage"}) or any(v is not None for v in (parts.cached, parts.cache, parts.storage))
