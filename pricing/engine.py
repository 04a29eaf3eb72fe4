"""The pricing engine: usage in, priced values out. Pure: no I/O, no text, no locale.

Meaning, pinned (DESIGN section 1): amounts describe one request and a request count multiplies the
whole request; the long-context tier is decided per request by its prompt, cached tokens included;
cached tokens are part of the input and billed once, at the cache rate; output includes thinking;
storage is tokens x hours, once; grounding is counted per family plan with its free allowance; Batch,
Flex and Priority change token rates only, at the model's own dated prices for that tier (`ModelCard.in_tier`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from decimal import ROUND_FLOOR, Decimal
from typing import Literal

from .errors import ContextWindowExceeded, InvalidQuery, UnsupportedFeature
from .models import GroundingPlan, ModelCard, Period, ServiceTier, TieredPrice
from .ratecard import PriceBook

__all__ = [
    "Usage",
    "LineItem",
    "Notice",
    "GroundingDetail",
    "Estimate",
    "CompareRow",
    "Comparison",
    "Budget",
    "FxRate",
    "estimate",
    "rates_as_of",
    "compare",
    "still_sold",
    "budget",
    "DAYS_PER_MONTH",
    "MILLION",
]

MILLION = Decimal(1_000_000)
_TOKEN_FIELDS = (
    "input_tokens",
    "cached_tokens",
    "output_tokens",
    "storage_tokens",
    "audio_input_tokens",
    "image_input_tokens",
    "video_input_tokens",
    "cached_audio_tokens",
    "thinking_tokens",
    "image_output_tokens",
    "audio_output_tokens",
    "output_images",
)
THOUSAND = Decimal(1_000)
#: Plausible yuan per dollar; outside it the USD_CNY setting holds a typo.
MIN_USD_CNY, MAX_USD_CNY = Decimal(1), Decimal(50)
#: An answer mentions a model's announced price change when it takes effect within this many days.
PRICE_CHANGE_NOTICE_DAYS = 60
#: DESIGN: "a month is 30 days" when converting between daily and monthly allowances.
DAYS_PER_MONTH = 30
#: Beyond these a duration or budget is a typo, not a plan (a century of caching; a trillion dollars),
#: and unbounded ones reach figures no answer can show (a budget of $1e26 buys 1e30 requests).
MAX_STORAGE_HOURS = Decimal(1_000_000)
MAX_BUDGET_USD = Decimal(10**12)

Tier = Literal["standard", "long_context"]
ItemKind = Literal[
    "input",
    "audio_input",
    "image_input",
    "video_input",
    "cached_input",
    "cached_audio_input",
    "output",
    "thinking",
    "image_output",
    "audio_output",
    "cache_storage",
    "grounding",
]


@dataclass(frozen=True)
class Usage:
    """What one request uses, how many requests, and how they are billed.

    ``input_tokens`` is the whole prompt, ``cached_tokens`` included; ``output_tokens`` includes
    thinking tokens. ``storage_tokens`` x ``storage_hours`` is cache storage, billed once.

    Modalities are parts of those totals, never added to them: ``audio_input_tokens``,
    ``image_input_tokens`` and ``video_input_tokens`` are parts of the fresh (uncached) input;
    ``cached_audio_tokens`` is part of ``cached_tokens``; ``thinking_tokens``,
    ``image_output_tokens`` and ``audio_output_tokens`` are parts of ``output_tokens``. Whatever is
    left is text. ``output_images`` counts generated images per request (the card turns it into
    tokens).
    """

    input_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    audio_input_tokens: int = 0
    image_input_tokens: int = 0
    video_input_tokens: int = 0
    cached_audio_tokens: int = 0
    thinking_tokens: int = 0
    image_output_tokens: int = 0
    audio_output_tokens: int = 0
    output_images: int = 0
    storage_tokens: int = 0
    storage_hours: Decimal = Decimal(0)
    requests: int = 1
    period: Period | None = None
    batch: bool = False
    #: Google's `service_tier` request parameter, where one was asked for (Batch is ``batch``).
    service_tier: Literal["flex", "priority"] | None = None
    grounded: bool = False
    searches_per_request: int = 1
    #: The token amounts are totals over many requests of unknown size (`上个月一共输入3.2亿token`, more than one
    #: prompt holds): priced as they are, on a model with one rate (the parser asks on a tiered one).
    totals: bool = False

    def __post_init__(self) -> None:
        for name in _TOKEN_FIELDS:
            if getattr(self, name) < 0:
                raise InvalidQuery("negative_amount", amount=str(getattr(self, name)))
        if self.storage_hours < 0:
            raise InvalidQuery("negative_amount", amount=str(self.storage_hours))
        if not self.storage_hours.is_finite() or self.storage_hours > MAX_STORAGE_HOURS:
            raise InvalidQuery("duration_too_long", amount=_short(self.storage_hours), limit=int(MAX_STORAGE_HOURS))
        if self.requests < 1:
            raise InvalidQuery("bad_request_count", count=str(self.requests))
        if self.searches_per_request < 1:
            raise InvalidQuery("bad_request_count", count=str(self.searches_per_request))
        if self.cached_tokens > self.input_tokens:
            raise InvalidQuery("cached_exceeds_input", cached=self.cached_tokens, input=self.input_tokens)
        fresh_parts = self.audio_input_tokens + self.image_input_tokens + self.video_input_tokens
        if fresh_parts > self.input_tokens - self.cached_tokens or self.cached_audio_tokens > self.cached_tokens:
            raise InvalidQuery("parts_exceed_total", part="input", total=self.input_tokens)
        if self.thinking_tokens + self.image_output_tokens + self.audio_output_tokens > self.output_tokens:
            raise InvalidQuery("parts_exceed_total", part="output", total=self.output_tokens)
        if self.batch and self.service_tier is not None:
            # the Batch API and the interactive service tiers are different ways of calling: one at a time
            raise InvalidQuery("two_tiers", tier=self.service_tier)

    @property
    def tier(self) -> ServiceTier | None:
        """The way these requests are bought other than Standard: batch, flex or priority; None: Standard."""
        return "batch" if self.batch else self.service_tier

    @property
    def text_input_tokens(self) -> int:
        """Fresh (uncached) prompt tokens that are text."""
        return self.input_tokens - self.cached_tokens - self.audio_input_tokens - self.image_input_tokens - self.video_input_tokens

    @property
    def text_output_tokens(self) -> int:
        """Output tokens that are text answers (not thinking, images or audio)."""
        return self.output_tokens - self.thinking_tokens - self.image_output_tokens - self.audio_output_tokens

    @property
    def is_empty(self) -> bool:
        return not (self.input_tokens or self.output_tokens or self.storage_tokens or self.grounded or self.output_images)


def _short(value: Decimal) -> str:
    """A huge figure as short text for an error (`1E+32`, never a few hundred digits)."""
    return f"{value.normalize():.3g}" if value.is_finite() and abs(value.adjusted()) > 12 else str(value)[:40]


@dataclass(frozen=True)
class LineItem:
    """One billed component. ``quantity`` is in ``unit`` (1M tokens, 1M token-hours or 1K searches)."""

    kind: ItemKind
    tokens: Decimal  # raw count: tokens, token-hours, or billable grounded prompts/queries
    quantity: Decimal
    unit_price: Decimal
    cost: Decimal


@dataclass(frozen=True)
class Notice:
    """Something the asker should know about the answer: a warning or an assumption made."""

    code: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class GroundingDetail:
    plan_id: str
    plan: GroundingPlan
    used: Decimal  # grounded prompts or queries in the answer's period
    free: Decimal  # of which covered by the allowance
    billable: Decimal


@dataclass(frozen=True)
class Estimate:
    model: ModelCard
    usage: Usage
    tier: Tier
    items: tuple[LineItem, ...]
    total: Decimal
    notices: tuple[Notice, ...]
    rates_as_of: dt.date
    grounding: GroundingDetail | None = None
    #: When the prompt crossed the threshold: the same tokens in prompts at or under it.
    split_total: Decimal | None = None
    #: With a service tier priced by a sourced blanket factor (not the data's figures): that factor.
    tier_factor: Decimal | None = None

    @property
    def monthly_total(self) -> Decimal | None:
        return self.total * DAYS_PER_MONTH if self.usage.period == "day" else None


@dataclass(frozen=True)
class CompareRow:
    model: ModelCard
    total: Decimal
    tier: Tier


@dataclass(frozen=True)
class Comparison:
    usage: Usage
    rows: tuple[CompareRow, ...]
    skipped: tuple[str, ...]  # model ids that cannot price this usage (e.g. no caching)
    rates_as_of: dt.date
    named: bool = False  # the models were named (`2.5 pro vs 3.1 pro`), not every current one


@dataclass(frozen=True)
class Budget:
    model: ModelCard
    budget_usd: Decimal
    per_request: Estimate
    requests: int
    notices: tuple[Notice, ...]


@dataclass(frozen=True)
class FxRate:
    """USD -> a currency (CNY unless said): how many units one dollar buys, and since when (None where not stated)."""

    rate: Decimal
    as_of: dt.date | None = None
    currency: str = "CNY"

    @classmethod
    def parse(cls, text: str) -> FxRate:
        """`7.10` or `7.10@2026-11-20` (the USD_CNY setting); ValueError saying what would work."""
        rate_text, _, day_text = text.strip().partition("@")
        try:
            rate = Decimal(rate_text.strip())
            day = dt.date.fromisoformat(day_text.strip()) if day_text else None
        except (ArithmeticError, ValueError):
            raise ValueError("expected RATE or RATE@YYYY-MM-DD, e.g. 7.10@2026-11-20") from None
        # A yuan rate outside this range is a typo (0.71, 71), not an exchange rate.
        if not rate.is_finite() or not MIN_USD_CNY <= rate <= MAX_USD_CNY:
            raise ValueError("the rate must be yuan per dollar, between 1 and 50")
        return cls(rate, day)

    def to_cny(self, usd: Decimal) -> Decimal:
        return usd * self.rate

    def from_usd(self, usd: Decimal) -> Decimal:
        """``usd`` in this rate's currency."""
        return usd * self.rate

    def to_usd(self, cny: Decimal) -> Decimal:
        return cny / self.rate


def _per_million(tokens: Decimal, price: Decimal, multiplier: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    unit_price = price * multiplier
    quantity = tokens / MILLION
    return quantity, unit_price, quantity * unit_price


def _token_items(model: ModelCard, usage: Usage, long_context: bool) -> list[LineItem]:
    """Token line items at ``model``'s rates (already the asked tier's, see `estimate`)."""
    multiplier = Decimal(1)
    n = Decimal(usage.requests)
    items: list[LineItem] = []

    def bill(kind: ItemKind, tokens: int, price: TieredPrice | None, feature: str, *, show_zero: bool = False) -> None:
        if not tokens and not show_zero:
            return
        if price is None:
            raise UnsupportedFeature(model.id, feature)
        count = Decimal(tokens) * n
        q, p, c = _per_million(count, price.for_tier(long_context), multiplier)
        items.append(LineItem(kind, count, q, p, c))

    # Image, video and audio input have their own rates where the card has them (from genai-prices
    # or Google's page); where it has none they are billed as input, as Google and genai-prices do.
    # A prompt that is all cache hits still shows its (zero) fresh-input line, as it always has.
    other_inputs = usage.audio_input_tokens or usage.image_input_tokens or usage.video_input_tokens
    bill("input", usage.text_input_tokens, model.input, "input", show_zero=bool(usage.input_tokens) and not other_inputs)
    bill("audio_input", usage.audio_input_tokens, model.input_audio or model.input, "audio_input")
    bill("image_input", usage.image_input_tokens, model.input_image or model.input, "image_input")
    bill("video_input", usage.video_input_tokens, model.input_video or model.input, "video_input")
    if usage.cached_tokens and model.cached_input is None:
        raise UnsupportedFeature(model.id, "caching")
    bill("cached_input", usage.cached_tokens - usage.cached_audio_tokens, model.cached_input, "caching")
    cached_audio = model.cached_audio.as_tiered() if model.cached_audio is not None else model.cached_input
    bill("cached_audio_input", usage.cached_audio_tokens, cached_audio, "caching")
    if usage.output_tokens and model.output is None:
        raise UnsupportedFeature(model.id, "output")
    bill("output", usage.text_output_tokens, model.output, "output")
    # Thinking is billed as output; its own line so the asker sees what reasoning costs.
    bill("thinking", usage.thinking_tokens, model.output, "output")
    # Image and audio output have their own rates; a model without one does not make them.
    image_tokens = usage.image_output_tokens
    if usage.output_images:
        if model.output_image is None:
            raise UnsupportedFeature(model.id, "image_output")
        if model.output_image_tokens is None:
            raise UnsupportedFeature(model.id, "images_by_count")
        image_tokens += usage.output_images * model.output_image_tokens.tokens
    bill("image_output", image_tokens, model.output_image, "image_output")
    # A speech (TTS) model's output is audio: its output rate is its audio rate (Google's page and
    # genai-prices give TTS models one output price).
    audio_rate = model.output_audio or (model.output if model.kind == "speech" else None)
    bill("audio_output", usage.audio_output_tokens, audio_rate, "audio_output")
    return items


def _storage_item(model: ModelCard, usage: Usage) -> LineItem | None:
    if not usage.storage_tokens:
        return None
    if model.storage is None:
        raise UnsupportedFeature(model.id, "storage")
    token_hours = Decimal(usage.storage_tokens) * usage.storage_hours
    q, p, c = _per_million(token_hours, model.storage.usd, Decimal(1))
    return LineItem("cache_storage", token_hours, q, p, c)


def _grounding(
    book: PriceBook, model: ModelCard, usage: Usage, with_allowance: bool
) -> tuple[GroundingDetail, list[Notice]]:
    if model.grounding is None:
        raise UnsupportedFeature(model.id, "grounding")
    plan = book.card.grounding[model.grounding]
    per_request = usage.searches_per_request if plan.unit == "query" else 1
    used = Decimal(usage.requests * per_request)
    allowance = Decimal(plan.allowance)
    days = Decimal(DAYS_PER_MONTH)
    notices = []
    if not with_allowance:
        free = Decimal(0)
    elif usage.period is None:
        # DESIGN: with no period the requests are taken as one allowance period's.
        notices.append(Notice("grounding_one_period", {"period": plan.period}))
        free = min(used, allowance)
    elif usage.period == plan.period:
        free = min(used, allowance)
    elif usage.period == "day":  # monthly allowance, daily usage: spread the allowance over 30 days
        free = min(used * days, allowance) / days
    else:  # daily allowance, monthly usage
        free = min(used / days, allowance) * days
    if plan.shared:
        notices.append(Notice("grounding_shared", {"plan": plan.name}))
    if plan.unit == "query" and usage.searches_per_request == 1:
        notices.append(Notice("grounding_one_search", {}))
    return GroundingDetail(model.grounding, plan, used, free, used - free), notices


def estimate(
    book: PriceBook,
    usage: Usage,
    model: ModelCard | None = None,
    *,
    today: dt.date | None = None,
    grounding_allowance: bool = True,
    _force_standard: bool = False,
) -> Estimate:
    """Price ``usage`` on ``model`` (default: the card's default model).

    ``grounding_allowance=False`` bills every grounded prompt, as if the free allowance were used up.
    """
    asked = model or book.default
    model = _rates_in_effect(asked, today)
    tier = usage.tier
    tier_factor: Decimal | None = None
    if tier is not None:
        # Unpriced tiers raise TierNotPublished here; with no day given, the tier prices of today
        # (the card's current standard rates are today's too).
        day = today or dt.date.today()
        tier_factor = next((v.multiplier for v in model.variants_on(tier, day) if v.multiplier is not None), None)
        if tier == "batch" and not model.variants_on(tier, day):
            tier_factor = model.batch_multiplier
        model = model.in_tier(tier, day)
    if usage.is_empty:
        raise InvalidQuery("nothing_to_price")
    if model.context_window is not None and usage.input_tokens > model.context_window and not usage.totals:
        raise ContextWindowExceeded(
            model.id,
            Decimal(usage.input_tokens),
            model.context_window,
            math.ceil(usage.input_tokens / model.context_window),
        )
    threshold = model.long_context_threshold
    long_context = threshold is not None and usage.input_tokens > threshold and not _force_standard and not usage.totals
    items = _token_items(model, usage, long_context)
    storage = _storage_item(model, usage)
    if storage is not None:
        items.append(storage)
    notices: list[Notice] = []
    grounding: GroundingDetail | None = None
    if usage.grounded:
        grounding, grounding_notices = _grounding(book, model, usage, grounding_allowance)
        notices.extend(grounding_notices)
        price = grounding.plan.price_per_1000
        q = grounding.billable / THOUSAND
        items.append(LineItem("grounding", grounding.billable, q, price, q * price))
    notices = _model_notices(model, today) + notices
    if usage.totals:
        notices.append(Notice("token_totals"))  # many prompts of unknown size, priced as their sum
    total = sum((i.cost for i in items), Decimal(0))
    split_total = None
    if long_context:
        split_total = estimate(
            book, usage, model, today=today, grounding_allowance=grounding_allowance, _force_standard=True
        ).total
    return Estimate(
        model=model,
        usage=usage,
        tier="long_context" if long_context else "standard",
        items=tuple(items),
        total=total,
        notices=tuple(notices),
        rates_as_of=rates_as_of(book, asked, today, tier),
        grounding=grounding,
        split_total=split_total,
        tier_factor=tier_factor,
    )


def rates_as_of(book: PriceBook, model: ModelCard, today: dt.date | None, tier: ServiceTier | None = None) -> dt.date:
    """The card's date, or later when this model's rates changed since (Gemini 4 Argon on 2026-12-01),
    its standard rates or the asked tier's: "Rates as of" must not read as if an answer used the
    rates from before a change."""
    since = model.rates_since(today) if today is not None else None
    if tier is not None and today is not None:
        tier_since = model.tier_since(tier, today)
        since = max(d for d in (since, tier_since) if d is not None) if (since or tier_since) else None
    return max(book.card.as_of, since) if since is not None else book.card.as_of


def _rates_in_effect(model: ModelCard, today: dt.date | None) -> ModelCard:
    """The model with the rates that apply on ``today`` (dated prices from genai-prices, announced
    changes); None prices at the card's current rates."""
    if today is None:
        return model
    return model.on(today)


def _model_notices(model: ModelCard, today: dt.date | None) -> list[Notice]:
    notices: list[Notice] = []
    if model.status == "shut_down":
        notices.append(Notice("retired_model", {"model": model.id, "date": model.shutdown, "successor": model.successor}))
    elif model.status == "deprecated":
        notices.append(Notice("deprecated_model", {"model": model.id, "date": model.shutdown}))
    elif model.status == "preview":
        notices.append(Notice("preview_model", {"model": model.id}))
    changes = model.scheduled if today is None else model.upcoming(today, PRICE_CHANGE_NOTICE_DAYS)
    for change in changes:
        notices.append(
            Notice("price_change", {"model": model.id, "date": change.effective, "input": change.input, "output": change.output})
        )
    return notices


def compare(
    book: PriceBook,
    usage: Usage,
    *,
    include_retired: bool = False,
    today: dt.date | None = None,
    models: tuple[ModelCard, ...] | None = None,
) -> Comparison:
    """The same usage on every model that can price it, cheapest first.

    By default the models still sold (`still_sold`) of the kind the usage calls for: text and
    embedding models for tokens, image models when it makes images, speech and Live models when it
    speaks. ``include_retired`` adds every other one; ``models`` compares exactly those.
    """
    rows: list[CompareRow] = []
    skipped: list[str] = []
    named = models is not None
    if models is None:
        wanted = _kinds_for(usage)
        models = tuple(m for m in book.card.models if m.kind in wanted and (include_retired or still_sold(book, m)))
    for model in models:
        try:
            e = estimate(book, usage, model, today=today)
        except (UnsupportedFeature, ContextWindowExceeded):
            skipped.append(model.id)
            continue
        rows.append(CompareRow(model, e.total, e.tier))
    rows.sort(key=lambda r: (r.total, r.model.id))
    return Comparison(usage, tuple(rows), tuple(skipped), book.card.as_of, named)


def still_sold(book: PriceBook, model: ModelCard) -> bool:
    """Current, or deprecated but not a preview and of a generation Google still sells (2.5 Pro while
    2.5 Flash-Lite is GA; not Gemini 1.5, whose generation is gone)."""
    if model.current:
        return True
    if model.status != "deprecated" or "preview" in model.id:
        return False
    return any(m.current and m.family == model.family for m in book.card.models)


def _kinds_for(usage: Usage) -> set[str]:
    if usage.output_images or usage.image_output_tokens:
        return {"image"}
    if usage.audio_output_tokens:
        return {"speech", "live"}
    if usage.output_tokens:
        return {"text"}  # embedding models make no output: they are not candidates, not "not priced"
    return {"text", "embedding"}


def budget(
    book: PriceBook, usage: Usage, budget_usd: Decimal, model: ModelCard | None = None, *, today: dt.date | None = None
) -> Budget:
    """How many whole such requests ``budget_usd`` pays for.

    Grounding is priced without its free allowance here: a budget should not depend on how much of a
    shared allowance others have used.
    """
    if budget_usd <= 0:
        raise InvalidQuery("bad_budget", amount=str(budget_usd))
    if not budget_usd.is_finite() or budget_usd > MAX_BUDGET_USD:
        raise InvalidQuery("budget_too_large", amount=_short(budget_usd), limit=int(MAX_BUDGET_USD))
    one = replace(usage, requests=1, period=None)
    per_request = estimate(book, one, model, today=today, grounding_allowance=False)
    notices = [n for n in per_request.notices if not n.code.startswith("grounding_")]
    if per_request.grounding is not None:
        notices.append(Notice("budget_grounding_no_allowance", {}))
    if per_request.total == 0:
        raise InvalidQuery("nothing_to_price")
    count = int((budget_usd / per_request.total).to_integral_value(rounding=ROUND_FLOOR))
    return Budget(per_request.model, budget_usd, per_request, count, tuple(notices))
