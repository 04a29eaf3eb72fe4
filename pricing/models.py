"""Strict data models of the Gemini rate card: every price a Decimal with its source and date.

The tier rule is written once, here: a model with ``long_context_threshold`` bills the *whole*
request (input, cached input and output) at the ``long_context`` rates when that request's prompt,
cached tokens included, is over the threshold. Exactly the threshold is still standard.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Price",
    "TieredPrice",
    "Source",
    "GroundingPlan",
    "FreeTier",
    "ScheduledChange",
    "ModelCard",
    "RateCard",
    "FxFigure",
    "Status",
    "Period",
    "MAX_TOKEN_PRICE",
    "MIN_NONZERO_PRICE",
    "MAX_PRICE_DECIMALS",
]

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


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Source(_Strict):
    """Where figures come from: a published page, read on a given date."""

    title: str
    url: str = ""
    as_of: dt.date


class Price(_Strict):
    """One flat price in USD (per 1M tokens, or per 1M tokens per hour for storage)."""

    usd: Usd
    source: str = Field(description="Id of a `Source` on the card")
    as_of: dt.date

    def as_tiered(self) -> "TieredPrice":
        """The same flat price where a tiered one is expected (no long-context rate)."""
        return TieredPrice(standard=self.usd, source=self.source, as_of=self.as_of)


class TieredPrice(_Strict):
    """A token price per 1M tokens, with the long-context rate for models that have tiers."""

    standard: Usd
    long_context: Usd | None = Field(None, description="Rate when the prompt is over the threshold")
    source: str
    as_of: dt.date

    def for_tier(self, long_context: bool) -> Decimal:
        if long_context and self.long_context is not None:
            return self.long_context
        return self.standard


class GroundingPlan(_Strict):
    """Grounding with Google Search as one model family bills it (paid tier)."""

    name: str
    allowance: int = Field(ge=0, description="Free grounded prompts/queries per period")
    period: Period
    price_per_1000: Usd
    unit: Literal["prompt", "query"] = Field(description="What is counted: grounded prompts or search queries")
    shared: bool = Field(description="Allowance shared by every model on this plan")
    source: str
    as_of: dt.date


class FreeTier(_Strict):
    """Free-tier facts: whether tokens are free at all, and the last published limits if any."""

    available: bool | None = Field(None, description="Tokens free on the free tier; None where unpublished")
    rpm: int | None = Field(None, ge=0)
    tpm: int | None = Field(None, ge=0)
    rpd: int | None = Field(None, ge=0)
    limits_as_of: dt.date | None = None
    source: str
    as_of: dt.date


class ScheduledChange(_Strict):
    """A price change announced for a later date (standard rates, USD per 1M tokens)."""

    effective: dt.date
    input: Usd | None = None
    output: Usd | None = None
    cached_input: Usd | None = None
    source: str


class ModelCard(_Strict):
    """One model's rates and facts."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.\-]*$")
    name: str
    family: str
    status: Status
    successor: str | None = None
    shutdown: dt.date | None = Field(None, description="Shut-down date, past or announced")
    context_window: int | None = Field(None, gt=0)
    long_context_threshold: int | None = Field(None, gt=0)
    input: TieredPrice
    input_audio: TieredPrice | None = None
    output: TieredPrice | None = None
    cached_input: TieredPrice | None = None
    cached_audio: Price | None = None
    storage: Price | None = None
    batch_multiplier: Annotated[Decimal, Field(gt=0, le=1)] | None = None
    grounding: str | None = Field(None, description="Id of a `GroundingPlan`")
    free_tier: FreeTier
    aliases: tuple[str, ...] = ()
    scheduled: tuple[ScheduledChange, ...] = ()

    @model_validator(mode="after")
    def _tiers_match_threshold(self) -> "ModelCard":
        tiered = [p for p in (self.input, self.input_audio, self.output, self.cached_input) if p is not None]
        has_long = [p.long_context is not None for p in tiered]
        if self.long_context_threshold is None and any(has_long):
            raise ValueError(f"{self.id}: long_context rates given but no long_context_threshold")
        if self.long_context_threshold is not None and not all(has_long):
            raise ValueError(f"{self.id}: long_context_threshold set but a tiered price lacks long_context")
        if self.status == "shut_down" and self.shutdown is None:
            raise ValueError(f"{self.id}: shut_down without a shutdown date")
        return self

    @property
    def has_tiers(self) -> bool:
        return self.long_context_threshold is not None

    @property
    def retired(self) -> bool:
        return self.status == "shut_down"


class FxFigure(_Strict):
    """USD -> CNY as an admin set it: yuan per dollar, and the day the rate was taken."""

    rate: Annotated[Decimal, Field(ge=1, le=50, allow_inf_nan=False)]
    as_of: dt.date


class RateCard(_Strict):
    """The whole card: sources, grounding plans and models, validated as one."""

    as_of: dt.date = Field(
        description="Date of the newest figure taken from Google's own pages; shown with every answer. "
        "Figures from other sources (e.g. genai-prices) keep their own dates and do not move it."
    )
    default_model: str
    sources: dict[str, Source]
    grounding: dict[str, GroundingPlan]
    models: tuple[ModelCard, ...] = Field(min_length=1)
    usd_cny: FxFigure | None = Field(None, description="Set with `admin fx`; wins over the USD_CNY setting")

    @model_validator(mode="after")
    def _references_resolve(self) -> "RateCard":
        ids = [m.id for m in self.models]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate model ids: {sorted(duplicates)}")
        known = set(ids)
        if self.default_model not in known:
            raise ValueError(f"default_model {self.default_model!r} is not on the card")
        seen_alias: dict[str, str] = {}
        for model in self.models:
            if model.successor is not None and model.successor not in known:
                raise ValueError(f"{model.id}: successor {model.successor!r} is not on the card")
            if model.grounding is not None and model.grounding not in self.grounding:
                raise ValueError(f"{model.id}: grounding plan {model.grounding!r} is not on the card")
            for figure in _figures(model):
                if figure.source not in self.sources:
                    raise ValueError(f"{model.id}: source {figure.source!r} is not on the card")
            for alias in model.aliases:
                key = alias.lower()
                if key in known and key != model.id:
                    raise ValueError(f"alias {alias!r} of {model.id} is another model's id")
                if key in seen_alias and seen_alias[key] != model.id:
                    raise ValueError(f"alias {alias!r} used by {seen_alias[key]} and {model.id}")
                seen_alias[key] = model.id
        for plan_id, plan in self.grounding.items():
            if plan.source not in self.sources:
                raise ValueError(f"grounding {plan_id}: source {plan.source!r} is not on the card")
        return self

    def model(self, model_id: str) -> ModelCard:
        for m in self.models:
            if m.id == model_id:
                return m
        raise KeyError(model_id)


def _figures(model: ModelCard) -> list[TieredPrice | Price | FreeTier | ScheduledChange]:
    found: list[TieredPrice | Price | FreeTier | ScheduledChange] = [model.input, model.free_tier]
    for optional in (model.input_audio, model.output, model.cached_input, model.cached_audio, model.storage):
        if optional is not None:
            found.append(optional)
    found.extend(model.scheduled)
    return found
