"""Strict data models of the Gemini rate card: every price a Decimal with its source and date.

The tier rule is written once, here: a model with ``long_context_threshold`` bills the *whole*
request (input, cached input and output) at the ``long_context`` rates when that request's prompt,
cached tokens included, is over the threshold. Exactly the threshold is still standard.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any

from pydantic import Field, ValidationError, model_validator

from .errors import RateCardError, TierNotPublished
from .prices import (
    FLAT_PRICE_FIELDS,
    MAX_PRICE_DECIMALS,
    MAX_TOKEN_PRICE,
    MIN_NONZERO_PRICE,
    PROVIDER_KEY,
    SERVICE_TIERS,
    TIER_PRICE_FIELDS,
    EarlierPrices,
    FreeTier,
    GroundingPlan,
    ImageTokens,
    ModelKind,
    Period,
    Price,
    PriceVariant,
    ScheduledChange,
    ServiceTier,
    Source,
    Status,
    StrictModel,
    TieredPrice,
)

__all__ = [
    "Price",
    "TieredPrice",
    "Source",
    "GroundingPlan",
    "FreeTier",
    "ScheduledChange",
    "EarlierPrices",
    "ImageTokens",
    "PriceVariant",
    "ServiceTier",
    "SERVICE_TIERS",
    "TIER_PRICE_FIELDS",
    "FLAT_PRICE_FIELDS",
    "ModelCard",
    "RateCard",
    "FxFigure",
    "Provider",
    "DataProvider",
    "ProviderModel",
    "ProviderPeriod",
    "PROVIDER_KEY",
    "Status",
    "Period",
    "MAX_TOKEN_PRICE",
    "model_words",
    "MIN_NONZERO_PRICE",
    "MAX_PRICE_DECIMALS",
    "parse_card",
]

class ModelCard(StrictModel):
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
    input_image: TieredPrice | None = None
    input_video: TieredPrice | None = None
    output: TieredPrice | None = None
    output_image: TieredPrice | None = None
    output_audio: TieredPrice | None = None
    output_image_tokens: ImageTokens | None = None
    cached_input: TieredPrice | None = None
    cached_audio: Price | None = None
    storage: Price | None = None
    batch_multiplier: Annotated[Decimal, Field(gt=0, le=1)] | None = Field(
        None,
        description="Cards saved before price variants: one batch share of the standard token rates. "
        "Used only where the model has no batch variant",
    )
    variants: tuple[PriceVariant, ...] = Field((), description="Batch, Flex and Priority prices, dated")
    grounding: str | None = Field(None, description="Id of a `GroundingPlan`")
    free_tier: FreeTier
    aliases: tuple[str, ...] = ()
    scheduled: tuple[ScheduledChange, ...] = ()
    earlier: tuple[EarlierPrices, ...] = ()

    @model_validator(mode="after")
    def _tiers_match_threshold(self) -> ModelCard:
        tiered = [p for p in self.tiered_prices() if p is not None]
        has_long = [p.long_context is not None for p in tiered]
        if self.long_context_threshold is None and any(has_long):
            raise ValueError(f"{self.id}: long_context rates given but no long_context_threshold")
        if self.long_context_threshold is not None and not all(has_long):
            raise ValueError(f"{self.id}: long_context_threshold set but a tiered price lacks long_context")
        if self.status == "shut_down" and self.shutdown is None:
            raise ValueError(f"{self.id}: shut_down without a shutdown date")
        for dated in (*self.scheduled, *self.earlier):
            for name in dated.changed():
                if getattr(self, name) is None:
                    raise ValueError(f"{self.id}: a dated {name} price but no current {name} price")
        if self.output_image_tokens is not None and self.output_image is None:
            raise ValueError(f"{self.id}: tokens per image given but no image output price")
        for variant in self.variants:
            for name, price in variant.prices().items():
                if isinstance(price, TieredPrice) and (price.long_context is not None) != self.has_tiers:
                    raise ValueError(f"{self.id}: a {variant.tier} {name} price whose tiers differ from the model's")
        return self

    def tiers_priced(self, day: dt.date) -> tuple[ServiceTier, ...]:
        """The service tiers this model has a price for on ``day``."""
        return tuple(t for t in SERVICE_TIERS if self.variants_on(t, day) or (t == "batch" and self.batch_multiplier))

    def variants_on(self, tier: ServiceTier, day: dt.date) -> list[PriceVariant]:
        """The ``tier`` variants in effect on ``day``, in card order (the first to give a price wins)."""
        return [v for v in self.variants if v.tier == tier and (v.effective is None or v.effective <= day)]

    def tier_since(self, tier: ServiceTier, day: dt.date) -> dt.date | None:
        """The day the ``tier`` prices in effect on ``day`` started, where the card dates them."""
        starts = [v.effective for v in self.variants_on(tier, day) if v.effective is not None]
        return max(starts, default=None)

    def in_tier(self, tier: ServiceTier, day: dt.date) -> ModelCard:
        """This model with its ``tier`` token prices in place of the standard ones, on ``day``.

        Raises `TierNotPublished` where neither a dated variant nor a sourced blanket factor prices
        the tier (never the standard price, never a guess). Storage and grounding are not token
        prices and stay as they are (Google discounts neither).
        """
        active = self.variants_on(tier, day)
        if not active and tier == "batch" and self.batch_multiplier is not None:
            # a card saved before variants: its one batch share, as it was priced then
            active = [PriceVariant(tier="batch", multiplier=self.batch_multiplier, source=self.input.source, as_of=self.input.as_of)]
        if not active:
            raise TierNotPublished(self.id, tier, day)
        update: dict[str, object] = {}
        for name in TIER_PRICE_FIELDS:
            given = next((v.prices()[name] for v in active if name in v.prices()), None)
            standard = getattr(self, name)
            factor = next((v.multiplier for v in active if v.scales(name)), None)
            if given is not None:
                update[name] = given
            elif factor is not None and standard is not None:
                update[name] = _scaled(standard, factor)
        return self.model_copy(update=update)

    def tiered_prices(self) -> tuple[TieredPrice | None, ...]:
        return (
            self.input,
            self.input_audio,
            self.input_image,
            self.input_video,
            self.output,
            self.output_image,
            self.output_audio,
            self.cached_input,
        )

    def on(self, day: dt.date) -> ModelCard:
        """This model with the rates that apply on ``day``: an earlier period's, or announced changes applied.

        The result has no earlier periods, and as `scheduled` the changes still to come after ``day``
        (so an answer about a past date can say what changed since). Dated changes are standard rates
        (the card builder refuses dated changes of tiered figures).
        """
        periods = sorted(self.earlier, key=lambda p: p.until)
        for i, period in enumerate(periods):
            if day <= period.until:
                coming: list[ScheduledChange] = []
                previous = period
                for later in [*periods[i + 1 :], None]:
                    names = set(previous.changed()) | (set(later.changed()) if later else set())
                    values = {
                        n: (later.changed().get(n) if later and n in later.changed() else self._standard(n)) for n in names
                    }
                    source = later.source if later else self._source(next(iter(names)))
                    coming.append(ScheduledChange(effective=previous.until + dt.timedelta(days=1), source=source, **values))
                    if later is None:
                        break
                    previous = later
                model = self._with(period.changed(), period.source)
                return model.model_copy(update={"earlier": (), "scheduled": (*coming, *self.scheduled)})
        model = self
        for change in sorted(self.scheduled, key=lambda c: c.effective):
            if change.effective <= day:
                model = model._with(change.changed(), change.source)
        left = tuple(c for c in self.scheduled if c.effective > day)
        return model.model_copy(update={"earlier": (), "scheduled": left})

    def rates_since(self, day: dt.date) -> dt.date | None:
        """The day the rates that apply on ``day`` took effect, when the card knows it (a dated
        price period ended, or an announced change came in, on or before ``day``); else None."""
        starts = [p.until + dt.timedelta(days=1) for p in self.earlier if p.until < day]
        starts += [c.effective for c in self.scheduled if c.effective <= day]
        return max(starts, default=None)

    def _standard(self, name: str) -> Decimal:
        figure = getattr(self, name)
        return figure.usd if isinstance(figure, Price) else figure.standard

    def _source(self, name: str) -> str:
        figure: Price | TieredPrice = getattr(self, name)
        return figure.source

    def _with(self, prices: dict[str, Decimal], source: str) -> ModelCard:
        update: dict[str, object] = {}
        for name, usd in prices.items():
            current = getattr(self, name)
            if isinstance(current, Price):
                update[name] = current.model_copy(update={"usd": usd, "source": source})
            else:
                update[name] = current.model_copy(update={"standard": usd, "source": source})
        return self.model_copy(update=update) if update else self

    def upcoming(self, day: dt.date, within_days: int) -> list[ScheduledChange]:
        """Announced changes after ``day`` and at most ``within_days`` later."""
        horizon = day + dt.timedelta(days=within_days)
        return [c for c in sorted(self.scheduled, key=lambda c: c.effective) if day < c.effective <= horizon]

    @property
    def has_tiers(self) -> bool:
        return self.long_context_threshold is not None

    @property
    def retired(self) -> bool:
        return self.status == "shut_down"

    @property
    def current(self) -> bool:
        """Offered without an announced retirement (preview or generally available)."""
        return self.status in ("preview", "ga")

    @property
    def kind(self) -> ModelKind:
        """What the model is for, read from its id as Google names them: a speech (TTS), Live, image,
        embedding or specialised model, else a general text model. Decides what `compare` lines up."""
        words = set(self.id.split("-"))
        if "tts" in words:
            return "speech"
        if "live" in words:
            return "live"
        if "image" in words or "banana" in words:
            return "image"
        if "embedding" in words:
            return "embedding"
        if words & {"robotics", "omni"}:
            return "specialised"
        return "text"


class Provider(StrictModel):
    """A third-party reseller as an admin entered it: it sells credit worth 1 USD of Google's prices
    for ``cny_per_usd`` yuan (the seed guide's example: about 2)."""

    name: str = Field(min_length=1, max_length=80, description="Display name")
    cny_per_usd: Annotated[Decimal, Field(gt=0, le=50, allow_inf_nan=False)]
    as_of: dt.date
    source: str = "admin"


class ProviderPeriod(StrictModel):
    """A third-party provider's token prices for one model from ``effective`` on (None: from the start),
    as the price data gives them; a price it does not give is not sold there (never Google's)."""

    effective: dt.date | None = None
    long_context_threshold: int | None = Field(None, gt=0)
    input: TieredPrice
    output: TieredPrice | None = None
    cached_input: TieredPrice | None = None
    input_audio: TieredPrice | None = None
    cached_audio: Price | None = None
    input_image: TieredPrice | None = None
    input_video: TieredPrice | None = None
    output_image: TieredPrice | None = None
    output_audio: TieredPrice | None = None


class ProviderModel(StrictModel):
    """One of our models as a provider sells it: the provider's own id for it and its dated prices.

    Periods are resolved as genai-prices resolves dated prices: the last one started by the day, else
    the first. ``batch``: the provider's batch offer of the model (OpenRouter's ``...:batch`` ids).
    """

    ref: str = Field(min_length=1, max_length=120, description="The provider's model id")
    periods: tuple[ProviderPeriod, ...] = Field(min_length=1)
    batch: tuple[ProviderPeriod, ...] = ()

    def period_on(self, day: dt.date, batch: bool = False) -> ProviderPeriod | None:
        periods = self.batch if batch else self.periods
        for period in reversed(periods):
            if period.effective is None or period.effective <= day:
                return period
        return periods[0] if periods else None

    def since(self, day: dt.date, batch: bool = False) -> dt.date | None:
        period = self.period_on(day, batch)
        return period.effective if period is not None else None


class DataProvider(StrictModel):
    """A third-party provider from the price data (genai-prices): OpenRouter, QuickSilver Pro, GitHub
    Copilot ... selling Gemini models in USD at its own prices. Not an admin's figure: the data's."""

    name: str = Field(min_length=1, max_length=80, description="Display name")
    url: str = ""
    source: str
    as_of: dt.date
    models: dict[str, ProviderModel] = Field(description="By our model id")


class FxFigure(StrictModel):
    """USD -> CNY as an admin set it: yuan per dollar, and the day the rate was taken."""

    rate: Annotated[Decimal, Field(ge=1, le=50, allow_inf_nan=False)]
    as_of: dt.date


class CurrencyRate(StrictModel):
    """USD -> another currency as an admin set it (`admin fx TWD 32.1`): units per dollar, and the day of the rate."""

    rate: Annotated[Decimal, Field(gt=0, le=1_000_000, allow_inf_nan=False)]
    as_of: dt.date


def model_words(name: str) -> tuple[str, ...]:
    """The one normalisation of model names, for validation and look-up alike.

    Lower case; spaces, hyphens and underscores all separate words; a leading ``models/`` (the API's
    resource name) is dropped. ``Gemini_2.5-Flash`` and ``gemini 2.5 flash`` are the same name.
    """
    text = name.strip().lower()
    text = text.removeprefix("models/")
    return tuple(text.replace("-", " ").replace("_", " ").split())


class RateCard(StrictModel):
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
    fx: dict[Annotated[str, Field(pattern=r"^[A-Z]{3}$")], CurrencyRate] = Field(
        default_factory=dict, description="USD -> other currencies by ISO code (`admin fx TWD 32.1`); yuan stay in usd_cny")
    providers: dict[str, Provider] = Field(default_factory=dict, description="Resellers, by the name `via NAME` uses")

    @model_validator(mode="after")
    def _references_resolve(self) -> RateCard:
        ids = [m.id for m in self.models]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate model ids: {sorted(duplicates)}")
        known = set(ids)
        if self.default_model not in known:
            raise ValueError(f"default_model {self.default_model!r} is not on the card")
        # One normalisation for ids and aliases: two names that read the same must mean one model,
        # and no alias may read as another model's id (ids always win at look-up too).
        id_names: dict[tuple[str, ...], str] = {}
        for model_id in ids:
            key = model_words(model_id)
            if key in id_names:
                raise ValueError(f"model ids {id_names[key]!r} and {model_id!r} read as the same name")
            id_names[key] = model_id
        seen_alias: dict[tuple[str, ...], str] = {}
        for model in self.models:
            if model.successor is not None and model.successor not in known:
                raise ValueError(f"{model.id}: successor {model.successor!r} is not on the card")
            if model.grounding is not None and model.grounding not in self.grounding:
                raise ValueError(f"{model.id}: grounding plan {model.grounding!r} is not on the card")
            for figure in _figures(model):
                if figure.source not in self.sources:
                    raise ValueError(f"{model.id}: source {figure.source!r} is not on the card")
            for alias in model.aliases:
                key = model_words(alias)
                if key in id_names and id_names[key] != model.id:
                    raise ValueError(f"alias {alias!r} of {model.id} is another model's id")
                if key in seen_alias and seen_alias[key] != model.id:
                    raise ValueError(f"alias {alias!r} used by {seen_alias[key]} and {model.id}")
                seen_alias[key] = model.id
        for provider_key, provider in self.providers.items():
            if not re.fullmatch(PROVIDER_KEY, provider_key):
                raise ValueError(f"provider name {provider_key!r}: lower-case letters, digits, - and _ only")
            if provider.source not in self.sources:
                raise ValueError(f"provider {provider_key}: source {provider.source!r} is not on the card")
        for plan_id, plan in self.grounding.items():
            if plan.source not in self.sources:
                raise ValueError(f"grounding {plan_id}: source {plan.source!r} is not on the card")
        return self

    def model(self, model_id: str) -> ModelCard:
        for m in self.models:
            if m.id == model_id:
                return m
        raise KeyError(model_id)


def _scaled(price: TieredPrice | Price, factor: Decimal) -> TieredPrice | Price:
    if isinstance(price, Price):
        return price.model_copy(update={"usd": price.usd * factor})
    long_context = price.long_context * factor if price.long_context is not None else None
    return price.model_copy(update={"standard": price.standard * factor, "long_context": long_context})


#: Everything on a model that names a source.
_Figure = TieredPrice | Price | FreeTier | ScheduledChange | EarlierPrices | ImageTokens | PriceVariant


def _figures(model: ModelCard) -> list[_Figure]:
    found: list[_Figure] = [model.free_tier]
    for optional in (*model.tiered_prices(), model.cached_audio, model.storage, model.output_image_tokens):
        if optional is not None:
            found.append(optional)
    found.extend(model.scheduled)
    found.extend(model.earlier)
    for variant in model.variants:
        found.append(variant)
        found.extend(variant.prices().values())
    return found


def parse_card(data: dict[str, Any]) -> RateCard:
    """Validate raw card data (from TOML, JSON, the store or the genai-prices builder) as one whole card.

    Beside the model it validates, below both the code that builds the shipped card
    (`pricing.genai_source`) and the code that loads and indexes cards (`pricing.ratecard`), so neither
    of those imports the other for it.
    """
    try:
        return RateCard.model_validate(data)
    except ValidationError as exc:
        raise RateCardError(f"invalid rate card: {exc}") from exc
