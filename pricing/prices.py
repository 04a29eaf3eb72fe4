"""The rate card's building blocks: a price with its source and date, tiered and dated prices, grounding
plans, free-tier facts and service-tier variants. Below the card model (`pricing.models`), which is built of them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

#: A provider's name as `via NAME` types it.
PROVIDER_KEY = r"[a-z0-9][a-z0-9_-]{0,31}"
#: Above this many USD per 1M tokens a figure is a typo, not a price (today's dearest is $18).
MAX_TOKEN_PRICE = Decimal("1000")

#: Finer than this is a typo too, and unbounded precision (1e-200000) would make every answer on the
#: model a number hundreds of KB long. Today's finest published figure is $0.025.
MIN_NONZERO_PRICE = Decimal("0.0001")
MAX_PRICE_DECIMALS = 6


def _not_too_small(value: Decimal) -> Decimal:
    if 0 < value < MIN_NONZERO_PRICE:
        raise ValueError(f"a non-zero price is at least {MIN_NONZERO_PRICE}")
    return value


Usd = Annotated[
    Decimal,
    Field(ge=0, le=MAX_TOKEN_PRICE, allow_inf_nan=False, decimal_places=MAX_PRICE_DECIMALS),
    AfterValidator(_not_too_small),
]
Status = Literal["preview", "ga", "deprecated", "shut_down"]
Period = Literal["day", "month"]
ModelKind = Literal["text", "embedding", "image", "speech", "live", "specialised"]
#: Ways of buying the same tokens other than Standard: the Batch API (genai-prices' `processing=batch`)
#: and the `service_tier` request parameter (`flex`, `priority`).
ServiceTier = Literal["batch", "flex", "priority"]
SERVICE_TIERS: tuple[ServiceTier, ...] = ("batch", "flex", "priority")


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Source(StrictModel):
    """Where figures come from: a published page, read on a given date."""

    title: str
    url: str = ""
    as_of: dt.date


class Price(StrictModel):
    """One flat price in USD (per 1M tokens, or per 1M tokens per hour for storage)."""

    usd: Usd
    source: str = Field(description="Id of a `Source` on the card")
    as_of: dt.date

    def as_tiered(self) -> TieredPrice:
        """The same flat price where a tiered one is expected (no long-context rate)."""
        return TieredPrice(standard=self.usd, source=self.source, as_of=self.as_of)


class TieredPrice(StrictModel):
    """A token price per 1M tokens, with the long-context rate for models that have tiers."""

    standard: Usd
    long_context: Usd | None = Field(None, description="Rate when the prompt is over the threshold")
    source: str
    as_of: dt.date

    def for_tier(self, long_context: bool) -> Decimal:
        if long_context and self.long_context is not None:
            return self.long_context
        return self.standard


class GroundingPlan(StrictModel):
    """Grounding with Google Search as one model family bills it (paid tier)."""

    name: str
    allowance: int = Field(ge=0, description="Free grounded prompts/queries per period")
    period: Period
    price_per_1000: Usd
    unit: Literal["prompt", "query"] = Field(description="What is counted: grounded prompts or search queries")
    shared: bool = Field(description="Allowance shared by every model on this plan")
    source: str
    as_of: dt.date


class FreeTier(StrictModel):
    """Free-tier facts: whether tokens are free at all, and the last published limits if any."""

    available: bool | None = Field(None, description="Tokens free on the free tier; None where unpublished")
    rpm: int | None = Field(None, ge=0)
    tpm: int | None = Field(None, ge=0)
    rpd: int | None = Field(None, ge=0)
    limits_as_of: dt.date | None = None
    source: str
    as_of: dt.date


#: Token prices a dated change can move (standard rates, USD per 1M tokens).
FLAT_PRICE_FIELDS = (
    "input",
    "output",
    "cached_input",
    "input_audio",
    "cached_audio",
    "input_image",
    "input_video",
    "output_image",
    "output_audio",
)


class _DatedPrices(StrictModel):
    """Standard rates that differ from the model's current ones during some dates (None: unchanged)."""

    input: Usd | None = None
    output: Usd | None = None
    cached_input: Usd | None = None
    input_audio: Usd | None = None
    cached_audio: Usd | None = None
    input_image: Usd | None = None
    input_video: Usd | None = None
    output_image: Usd | None = None
    output_audio: Usd | None = None
    source: str

    def changed(self) -> dict[str, Decimal]:
        return {name: getattr(self, name) for name in FLAT_PRICE_FIELDS if getattr(self, name) is not None}


class ScheduledChange(_DatedPrices):
    """A price change announced for a later date: these rates apply from ``effective`` on."""

    effective: dt.date


class EarlierPrices(_DatedPrices):
    """Rates that applied before the current ones, up to and including ``until``.

    Kept so a question about a past date ("on 2026-11-15") is priced as it was billed then.
    """

    until: dt.date


class ImageTokens(StrictModel):
    """How many output tokens one generated image counts as (Google publishes it per model and size)."""

    tokens: int = Field(gt=0)
    size: str = Field(description="The image size the figure is for, e.g. 1K (1024x1024)")
    source: str
    as_of: dt.date


#: Token prices a service tier can set (the data's price variants give some of these per model): the
#: same token prices a dated change can move.
TIER_PRICE_FIELDS = FLAT_PRICE_FIELDS


class PriceVariant(StrictModel):
    """A model's prices in one service tier (Batch, Flex or Priority), in effect from ``effective``.

    Resolved as genai-prices resolves its ``price_variants``: of the variants of a tier in effect on a
    day, the first (in card order) that gives a field's price sets it; a field that none of them gives
    stays at the standard rate (the data's 2.5 Pro batch variant halves input and output, not cache
    reads). A variant from our overlay gives a blanket ``multiplier`` of the standard token rates
    instead, with its source; the card builder allows one only for a tier the data has no variant for.
    A tier with no variant in effect has no published price: the engine says so, never guesses.
    """

    tier: ServiceTier
    effective: dt.date | None = Field(None, description="First day these prices apply; None: always")
    multiplier: Annotated[Decimal, Field(gt=0, le=5, allow_inf_nan=False)] | None = None
    applies_to: tuple[Literal["input", "output", "cached"], ...] = Field(
        (), description="Which token prices ``multiplier`` scales (input, output, cache reads; each with its "
        "modalities); empty: all. A source that says \"50% off input/output\" leaves cache reads standard"
    )
    input: TieredPrice | None = None
    output: TieredPrice | None = None
    cached_input: TieredPrice | None = None
    input_audio: TieredPrice | None = None
    cached_audio: Price | None = None
    input_image: TieredPrice | None = None
    input_video: TieredPrice | None = None
    output_image: TieredPrice | None = None
    output_audio: TieredPrice | None = None
    source: str
    as_of: dt.date

    @model_validator(mode="after")
    def _prices_or_multiplier(self) -> PriceVariant:
        given = [name for name in TIER_PRICE_FIELDS if getattr(self, name) is not None]
        if self.multiplier is not None and given:
            raise ValueError(f"a {self.tier} variant gives either prices or a multiplier, not both")
        if self.multiplier is None and not given:
            raise ValueError(f"a {self.tier} variant with neither prices nor a multiplier")
        if self.applies_to and self.multiplier is None:
            raise ValueError(f"a {self.tier} variant names what its multiplier applies to but has none")
        return self

    def scales(self, name: str) -> bool:
        """Whether ``multiplier`` applies to the token price ``name``."""
        group = "cached" if name.startswith("cached") else "output" if name.startswith("output") else "input"
        return self.multiplier is not None and (not self.applies_to or group in self.applies_to)

    def prices(self) -> dict[str, TieredPrice | Price]:
        return {name: getattr(self, name) for name in TIER_PRICE_FIELDS if getattr(self, name) is not None}
