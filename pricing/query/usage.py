"""Building the `Usage` a question describes from its parts: cache hits or storage, shares, counts per person."""

from __future__ import annotations

from decimal import Decimal

from ..engine import MAX_STORAGE_HOURS, Notice, Usage
from ..errors import Ambiguous, InvalidQuery
from ..models import Period
from .amounts import plain_amount
from .days import weekly_count
from .pairing import Parts

__all__ = ["MAX_TOKENS", "as_tokens", "build_usage"]

#: Tokens per request above this are a typo (the largest context window is about 1M).
MAX_TOKENS = 10**12


#: Audio input tokens per second of audio, the same for every Gemini model: "Gemini represents each second
#: of audio as 32 tokens; for example, one minute of audio is represented as 1,920 tokens." (Google, "Audio
#: understanding", https://ai.google.dev/gemini-api/docs/audio, read 2026-12-07). A question that gives
#: audio as a length (`每通 4 分钟音频`) is priced at this rate, said in the answer.
AUDIO_TOKENS_PER_SECOND = 32
#: The longest audio one prompt may hold: "Gemini supports a maximum of 9.5 hours of audio data in a single
#: prompt" (same page, read 2026-12-07). A longer length beside an audio word is no one request's audio.
MAX_AUDIO_HOURS_PER_PROMPT = Decimal("9.5")


def as_tokens(value: Decimal | None, what: str) -> int:
    if value is None:
        return 0
    if value != value.to_integral_value():
        raise InvalidQuery("fractional_tokens", amount=plain_amount(value), part=what)
    if value > MAX_TOKENS:
        raise InvalidQuery("amount_too_large", amount=plain_amount(value))
    return int(value)


def build_usage(parts: Parts, notices: list[Notice]) -> Usage | None:
    counted_at = len(notices)  # (how the request count was formed is said first: the notes after it read that count)
    if parts.languages is not None:
        # `9k SKUs … into 7 languages, one call per language`: each item's calls, one per language
        items = parts.requests if parts.requests is not None else Decimal(1)
        parts.multiply_requests(parts.languages)
        notices.append(Notice("languages", {"languages": parts.languages, "items": items, "requests": parts.requests}))
        parts.languages = None  # (consumed here: building the same parts again cannot multiply twice)
        parts.requests_formed = ()  # (the languages' note says the product)
    if parts.variants is not None:
        parts.multiply_requests(parts.variants)  # `三個版本，各一次請求 … 一天 120 則`: said as the product (_requests_formed)
        parts.variants = None  # (consumed here, as the languages are)
    if parts.period == "week":  # type: ignore[comparison-overlap]
        weekly = _weekly_total(parts)
        if weekly is not None:
            notices.append(weekly)
    if parts.open_hours and not parts.hours_of_cache and parts.storage is None and parts.cache is None:
        parts.open_hours_ignored, parts.hours = parts.hours, None  # `每天9点到21点 每天3000条`: changes nothing
    if parts.cache is not None:
        if parts.hours is not None and parts.storage is None:
            parts.storage = parts.cache
        elif parts.cached is None:
            parts.cached = parts.cache
            parts.cache_for_how_long = parts.input is None and parts.hours is None
        else:
            raise InvalidQuery("duplicate_part", part="cached", amount=plain_amount(parts.cache))
    if parts.hours is not None and parts.storage is None and parts.cached is not None and parts.input is None:
        # `keep a 1M-token manual cached for 2 hours`: a duration makes a cached amount storage
        parts.storage, parts.cached = parts.cached, None
    if (parts.hours is not None and parts.storage is None and parts.cached is None and parts.cache is None and parts.input is not None
            and parts.output is None and parts.requests is None and parts.labels_seen & {"cached", "storage"}):
        # `keep a 14k-token prompt cached for 24 hours … storage only`: the prompt kept, no request said
        parts.storage, parts.input = parts.input, None
        parts.labels_seen -= {"cached", "storage"}
    if (parts.hours is not None and parts.hours_of_cache and parts.storage is None and parts.cached and parts.input is not None
            and parts.period != "month"):  # (hours a day beside a month's count: how many days? Asked)
        # `系统提示一万五千token 走缓存 每次输入一万七 … 缓存24小时常驻`: what the requests read from the cache is
        # what is kept there, for the hours said (per day with a daily count, as the requests are)
        parts.storage = parts.cached
        notices.append(Notice("storage_of_cached", {"tokens": parts.cached, "hours": parts.hours}))
    if parts.storage is not None and parts.hours is not None and parts.cached is None and parts.requests is not None and parts.input is not None:
        # `缓存 200k token 放 24 小时，每天问 1000 次，每次另外输入 500`: the requests read what is kept in the
        # cache (that is what it is kept for); an input smaller than the cache is the part sent on top of it
        parts.cached = parts.storage
        if parts.input < parts.storage:
            parts.input += parts.storage
            parts.new_piece = True  # (the part sent on top is a figure of the reading: selfcheck.uses_every_amount)
    if parts.cached_is_rest:
        if parts.input is None or parts.cached is None or parts.cached > parts.input:
            raise Ambiguous("unplaced_label", words="cached")
        parts.cached = parts.input - parts.cached  # `in 100k (all but 2k cached)`: 98k cached
    if parts.cached_pct is not None:
        if parts.input is None or parts.cached is not None or not 0 <= parts.cached_pct <= 100:
            raise Ambiguous("unplaced_label", words="%")
        parts.cached = parts.input * parts.cached_pct / 100
    for name in ("storage", "thinking"):
        if getattr(parts, name) is not None:
            # `cache 200k for 48h, what does the storage cost`, `Thinking on 3.1 pro: ..., thoughts ~10k`: a
            # label with no amount of its own names the part given
            parts.labels_seen.discard(name)
    if parts.storage is not None and parts.hours is None:
        raise InvalidQuery("storage_needs_hours", amount=plain_amount(parts.storage))
    if parts.hours is not None and parts.storage is None and any(getattr(parts, m) is not None for m in ("audio", "video")) and (
            parts.input is not None or parts.output is not None):
        parts.media_hours, parts.hours = parts.hours, None  # `a 30 min meeting is 57.6k audio tokens`: the media's length
    if parts.hours is not None and parts.storage is None and parts.audio is None and parts.input is not None and parts.audio_input_label:
        # `音频输入每次 5分钟 约 9600 token`: the audio input's length, then its tokens
        parts.audio, parts.media_hours, parts.hours = parts.input, parts.hours, None
        parts.media_in_input = True
        parts.labels_seen -= {"audio", "input"}
    if parts.thinking_budget is not None and parts.thinking is None and parts.thinking_budget > 0:
        parts.thinking, parts.thinking_in_output = parts.thinking_budget, False  # on top of the answer, at most this much
        notices.append(Notice("thinking_at_budget", {"tokens": parts.thinking_budget}))
        parts.labels_seen.discard("thinking")
    if parts.images_requests and parts.input is not None:
        notices.append(Notice("images_as_requests"))
    if parts.images_in_input and parts.input is not None:
        notices.append(Notice("images_in_input"))
    if parts.images_read is not None:
        seen = parts.images_read
        notices.append(Notice("images_as_input", {"images": seen.images, "each": seen.tokens_each, "text": seen.text, "pages": seen.pages}))
    if parts.yearly is not None and parts.requests is not None:
        notices.append(Notice("yearly_monthly", {"yearly": parts.yearly, "monthly": parts.yearly / 12}))
    if parts.weekly_per == "week":
        pass  # read with the people (_weekly_total), its note given there
    elif parts.weekly is not None and parts.requests is not None:
        read = weekly_count(parts.weekly, parts.weeks_a_month)
        assert read is not None  # (the period the weekly count became: days.weekly_as_daily)
        notices.append(_weekly_notice(parts.weekly, *read, parts.weeks_a_month))
    if parts.days_read is not None:
        days = parts.days_read
        if not days.month:
            parts.intents.discard("total")  # `这 7 天加起来总共多少`: the total of the days, as read
        notices.append(Notice("days_month" if days.month else "days_total", {"daily": days.daily, "days": days.days, "total": days.total}))
    if parts.span_read is not None and parts.requests == parts.span_read.total and parts.period is None:
        parts.intents.discard("total")  # `寒假 45 天 總共預計 3 萬篇 … 總共多少`: the total of the days, as read
        notices.append(Notice("days_span", {"days": parts.span_read.days, "total": parts.span_read.total}))
    if parts.span_period is not None and parts.requests is not None and parts.period is None:
        parts.intents.discard("total")  # `15 runs total this week`: that week's total, as read
        notices.append(Notice(f"{parts.span_period}_total", {"requests": parts.requests}))
    if parts.split_days is not None:
        notices.append(Notice("days_split", {"segments": parts.split_days.segments, "total": parts.split_days.total}))
    if parts.interval_read is not None:
        every = parts.interval_read
        notices.append(Notice("every_interval", {"every": every.every, "unit": every.unit, "hours": every.hours, "daily": every.daily}))
    summed = [rate for rate in parts.rates_read if rate.summed]
    if summed:
        segments = tuple((rate.rate, rate.unit, rate.hours) for rate in summed)
        notices.append(Notice("rates_summed", {"segments": segments, "daily": sum((rate.daily for rate in summed), Decimal(0))}))
    for rate in parts.rates_read:
        if rate.summed:
            continue
        code = f"rate_per_{rate.unit}" + ("_total" if rate.event else "")
        notices.append(Notice(code, {"rate": rate.rate, "hours": rate.hours, "daily": rate.daily}))
    if (parts.hours is not None and parts.storage is None and parts.audio is None and parts.audio_hours is None
            and parts.video is None and ("audio" in parts.labels_seen and not parts.made_text_first or parts.recorded) and "video" not in parts.labels_seen
            and parts.hours <= MAX_AUDIO_HOURS_PER_PROMPT and parts.hours_each):
        # `用户语音…平均15秒`, `每通五分钟 …录音质检`, `a two second clip of the player's voice`: with audio said in the
        # question and no cache to keep, the one length given is each request's audio
        parts.audio_hours, parts.hours = parts.hours, None
        parts.labels_seen.discard("audio")
    if parts.audio_hours is not None and parts.audio is None and parts.input is not None and (
            parts.audio_hours * 3600).to_integral_value() * AUDIO_TOKENS_PER_SECOND == parts.input:
        # `30 min audio ≈ 57.6k tokens`: the amount beside the length is its tokens, said twice
        parts.audio, parts.media_in_input = parts.input, True
    if parts.audio_hours is not None:
        if parts.audio is None:
            # whole seconds: `8 min` is 8/60 of an hour, which Decimal cannot hold exactly
            parts.audio = (parts.audio_hours * 3600).to_integral_value() * AUDIO_TOKENS_PER_SECOND
            notices.append(Notice("audio_from_length", {"tokens": int(parts.audio), "per_second": AUDIO_TOKENS_PER_SECOND}))
        # (`15 秒，按 32 token/秒 就是 480 token`: the tokens given win) the length is the media's, as when tokens are given
        parts.media_hours, parts.audio_hours = parts.media_hours or parts.audio_hours, None
    if parts.hours is not None and parts.storage is None:
        for media in ("audio", "video"):
            if media in parts.labels_seen or getattr(parts, media) is not None:
                raise Ambiguous(media)  # `3 hours of audio`: tokens per second are the model's
        raise InvalidQuery("hours_need_storage", hours=plain_amount(parts.hours))
    if parts.hours is not None and parts.hours > MAX_STORAGE_HOURS:
        raise InvalidQuery("duration_too_long", amount=plain_amount(parts.hours), limit=int(MAX_STORAGE_HOURS))
    amounts = (parts.input, parts.cached, parts.output, parts.storage, parts.thinking, parts.audio, parts.video, parts.images)
    has_tokens = any(v is not None for v in amounts)
    if not has_tokens and not (parts.search and (parts.requests is not None or parts.searches is not None)):
        return None
    cached = as_tokens(parts.cached, "cached")
    audio = as_tokens(parts.audio, "input")
    video = as_tokens(parts.video, "input")
    input_tokens = as_tokens(parts.input, "input")
    if parts.input is None or (audio or video) and not parts.media_in_input:
        # `19k tokens of audio + a 200 token prompt`, `每次用户语音约 800 token，系统prompt 2000 token`: the media
        # and the text prompt make the input, unless the media is said to be a part of it (`其中8千是音频`)
        input_tokens += cached * (parts.input is None) + audio + video
        if cached and not (audio or video):
            # `800k cached` alone: a prompt made only of cached tokens
            notices.append(Notice("assumed_all_cached", {"cached": cached}))
    if cached and parts.input is not None and "input" in parts.added and parts.added & {"cached", "cache"}:
        input_tokens += cached  # `300k cached + 2k new in`: the new prompt comes on top of the cached one, as a plus says
    thinking = as_tokens(parts.thinking, "output")
    output = as_tokens(parts.output, "output")
    if thinking and not parts.thinking_in_output:
        output += thinking  # `500 out plus 3k thinking`: thinking comes on top of the answer
    if parts.make and parts.images is not None and parts.requests is None and (
            parts.images > 4 and "each" in parts.intents and parts.input or parts.period is not None):
        # `300 images, prompt ~150 tokens each`: a prompt for each image, so one image a request (a few images,
        # `每个prompt 200 token 生成4张图`, are one prompt's); `每天生成 300 张图`: so are images made each day
        parts.requests, parts.images = parts.images, Decimal(1)
    requests = as_tokens(parts.requests, "requests") if parts.requests is not None else 1
    if parts.requests is not None and parts.limit == "rpm" and parts.period is None:
        raise Ambiguous("per_minute")  # `60 requests per minute`: a rate, not how many in a day or a month
    if parts.people is not None:
        # `20 requests each`, `每人每天20次`, `users x 20`: a count per person; otherwise ask how often
        if parts.requests is None or not parts.per_person:
            raise Ambiguous("people")
        requests = as_tokens(parts.requests * parts.people, "requests")
    formed = _requests_formed(parts)
    if formed is not None:
        notices.insert(counted_at, formed)
    searches = as_tokens(parts.searches, "searches") if parts.searches is not None else 1
    return Usage(
        input_tokens=input_tokens,
        cached_tokens=cached,
        output_tokens=output,
        thinking_tokens=thinking,
        audio_input_tokens=audio,
        video_input_tokens=video,
        output_images=as_tokens(parts.images, "requests") if parts.images is not None and parts.make else 0,
        storage_tokens=as_tokens(parts.storage, "storage"),
        storage_hours=parts.hours or Decimal(0),
        requests=requests,
        period=parts.period,
        # `is flex cheaper than batch?`: priced at the service tier, batch shown beside it (Query.flags)
        batch=parts.batch and not parts.tiers,
        service_tier=parts.tiers[0] if parts.tiers else None,  # type: ignore[arg-type]
        grounded=parts.search,
        searches_per_request=searches,
        totals=parts.totals,
    )


def _requests_formed(parts: Parts) -> Notice | None:
    """How a request count was worked out, when it is no figure of the question: a product (`100 users x 20 a
    day`, `每天1万次会话，每次会话平均4轮`, `120个班级群 … 每个群每天30个问题`) or things over the pack size (`每天2000条
    … 每50条打包一次`). The answer's request line shows only the result; this says where it came from."""
    if parts.unpacked is not None:
        things, size = parts.unpacked
        return Notice("requests_packed", {"things": things, "size": size, "requests": parts.requests})
    factors = parts.requests_formed
    if parts.people is not None and parts.per_person and parts.requests is not None:
        factors = (parts.people, *(factors or (parts.requests,)))
    factors = tuple(f for f in factors if f != 1)  # (`每人一篇`: one each multiplies nothing worth saying)
    if len(factors) < 2:
        return None
    product = Decimal(1)
    for factor in factors:
        product *= factor
    return Notice("requests_multiplied", {"factors": factors, "requests": product})


def _weekly_total(parts: Parts) -> Notice | None:
    """`2,100 farmers x 4 questions a week`, `每人每周问五次 … 六千员工`: the week's total of all the people, read as
    `days.weekly_count` reads a week's count; else the week stays a word that would change the price (asked about in a
    priced answer, as before it was read)."""
    people = parts.people if parts.people is not None and parts.per_person else Decimal(1)
    weekly = parts.requests * people if parts.requests is not None else None
    read = weekly_count(weekly, parts.weeks_a_month) if weekly is not None else None
    if read is None:
        parts.period = None
        parts.unexplained.append(parts.week_word)  # (quoted as typed: `我不確定「每週」…`)
        return None
    assert weekly is not None
    count, period = read
    notice = _weekly_notice(weekly, count, period, parts.weeks_a_month)
    if parts.people is not None and parts.per_person:
        parts.count_factors += (parts.people,)  # (multiplied in here: still one of the question's figures)
    parts.people, parts.per_person, parts.requests, parts.period = None, False, count, period
    if parts.asked_period == parts.period:
        parts.asked_period = None  # (`…一个月多少` of a count now a month's: the total asked is the one given)
    return notice


def _weekly_notice(weekly: Decimal, count: Decimal, period: Period, weeks_a_month: Decimal | None) -> Notice:
    """What the answer says of a weekly count read as ``count`` a ``period`` (`days.weekly_count`)."""
    if weeks_a_month is not None:
        return Notice("weekly_monthly_said", {"weekly": weekly, "monthly": count, "weeks": weeks_a_month})
    if period == "day":
        return Notice("weekly_daily", {"weekly": weekly, "daily": count})
    return Notice("weekly_monthly", {"weekly": weekly, "monthly": count})
