"""Third-party providers (resellers of Gemini credit): admins' edits of them, and prices through them.

Two kinds, side by side. An admin-defined reseller sells credit worth 1 USD of Google's list prices
for a number of yuan (the seed guide: about CNY 2 per USD 1 of credit): a request that costs X USD at
Google costs X x that many yuan through it; these are the admin's figures, with the date entered, and
are always labelled as such. A provider from the price data (OpenRouter, QuickSilver Pro, GitHub
Copilot ...) sells models at its own dated USD prices: a model is priced through it at exactly those
(`priced_through`), and what it does not price is not sold there (never Google's price instead).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .engine import Usage, estimate
from .errors import InvalidQuery, RateCardError, UnsupportedFeature
from .models import (
    PROVIDER_KEY,
    TIER_PRICE_FIELDS,
    DataProvider,
    ModelCard,
    PriceVariant,
    Provider,
    ProviderPeriod,
    RateCard,
    TieredPrice,
    parse_card,
)
from .ratecard import PriceBook

__all__ = [
    "ProviderCommandError",
    "add_provider",
    "remove_provider",
    "parse_provider_command",
    "cny_through",
    "find_provider",
    "provider_names",
    "priced_through",
    "ProviderRow",
    "across_providers",
]

_ADD = re.compile(
    rf"^add\s+(?P<key>{PROVIDER_KEY})\s+(?:\"(?P<quoted>[^\"]{{1,80}})\"|“(?P<curly>[^”]{{1,80}})”|(?P<bare>\S{{1,80}}))"
    r"\s+credit\s+(?P<rate>[0-9]+(?:\.[0-9]{1,4})?)\s*(?:cny|rmb|yuan|元)\s+per\s+(?:1\s+)?usd\s*$",
    re.IGNORECASE,
)
_REMOVE = re.compile(rf"^remove\s+(?P<key>{PROVIDER_KEY})\s*$", re.IGNORECASE)
ADD_USAGE = 'admin provider add NAME "Display name" credit 2 CNY per USD'
REMOVE_USAGE = "admin provider remove NAME"


class ProviderCommandError(ValueError):
    """An `admin provider` command that cannot be applied; ``code`` says why."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def parse_provider_command(text: str) -> tuple[str, str, str | None, Decimal | None]:
    """(`add` or `remove`, name, display name, CNY per USD) from the text after `admin provider`."""
    text = text.strip()
    added = _ADD.match(text)
    if added:
        display = added.group("quoted") or added.group("curly") or added.group("bare")
        try:
            rate = Decimal(added.group("rate"))
        except InvalidOperation:  # the pattern admits only plain decimals; kept for safety
            raise ProviderCommandError("usage", usage=ADD_USAGE) from None
        if not 0 < rate <= 50:
            raise ProviderCommandError("bad_credit_rate", rate=added.group("rate"))
        return "add", added.group("key").lower(), display.strip(), rate
    removed = _REMOVE.match(text)
    if removed:
        return "remove", removed.group("key").lower(), None, None
    raise ProviderCommandError("usage", usage=f"{ADD_USAGE} | {REMOVE_USAGE}")


def add_provider(card: RateCard, key: str, display: str, cny_per_usd: Decimal, *, today: dt.date) -> RateCard:
    """The card with provider ``key`` added or replaced, dated ``today``, sourced to the admin."""
    data = card.model_dump()
    data["sources"]["admin"] = {"title": "Set by an admin from Slack (see the audit history)", "url": "", "as_of": today}
    data["providers"] = {**data.get("providers", {}), key: {"name": display, "cny_per_usd": cny_per_usd, "as_of": today}}
    return _validated(data)


def remove_provider(card: RateCard, key: str) -> RateCard:
    if key not in card.providers:
        raise ProviderCommandError("unknown_provider", name=key, known=", ".join(sorted(card.providers)) or "-")
    data = card.model_dump()
    data["providers"] = {k: v for k, v in data["providers"].items() if k != key}
    return _validated(data)


def _validated(data: dict[str, object]) -> RateCard:
    try:
        return parse_card(data)
    except RateCardError as exc:
        raise ProviderCommandError("invalid_card", reason=str(exc)[:300]) from exc


def cny_through(provider: Provider, usd: Decimal) -> Decimal:
    """What ``usd`` of Google's list prices costs in yuan through ``provider``."""
    return usd * provider.cny_per_usd


def provider_names(book: PriceBook) -> list[str]:
    """Every provider a question may name (as `via NAME` types it), for an error that lists them: the
    data's, then the admin's."""
    return sorted(book.data_providers) + sorted(book.card.providers)


def find_provider(book: PriceBook, name: str) -> tuple[str, Provider | DataProvider]:
    """The provider `via NAME` names: an admin's by its name, or one of the data's by its id, its display
    name (spaces dropped) or a word of it of 5+ letters (`via copilot`). InvalidQuery `unknown_provider`
    listing them all otherwise."""
    wanted = name.strip().lower()
    if wanted in book.card.providers:
        return wanted, book.card.providers[wanted]
    compact = wanted.replace(" ", "").replace("-", "")
    for key, provider in sorted(book.data_providers.items()):
        words = provider.name.lower().split()
        if compact in {key.replace("-", ""), "".join(words), *(w for w in words if len(w) >= 5)}:
            return key, provider
    raise InvalidQuery("unknown_provider", name=name[:40], known=", ".join(provider_names(book)) or "-")


def priced_through(model: ModelCard, key: str, provider: DataProvider, day: dt.date) -> ModelCard:
    """``model`` at ``provider``'s prices on ``day``: its token prices and tiers from the provider's
    data period in effect; its batch offer (if any) as the batch tier; no Flex or Priority, cache
    storage or search grounding (the data prices none of them there). InvalidQuery
    `provider_lacks_model` where the provider does not sell the model."""
    sold = provider.models.get(model.id)
    if sold is None:
        raise InvalidQuery("provider_lacks_model", provider=provider.name, model=model.id,
                           models=", ".join(sorted(provider.models)[:12]))  # fmt: skip
    period = sold.period_on(day)
    assert period is not None  # a provider model has at least one period
    update: dict[str, object] = {name: getattr(period, name) for name in TIER_PRICE_FIELDS}
    update |= {
        "long_context_threshold": period.long_context_threshold,
        "storage": None,
        "grounding": None,
        "batch_multiplier": None,
        "earlier": (),
        "scheduled": (),
        "variants": tuple(_batch_variant(p) for p in reversed(sold.batch)),
    }
    return model.model_copy(update=update)


def _batch_variant(period: ProviderPeriod) -> PriceVariant:
    prices = {name: getattr(period, name) for name in TIER_PRICE_FIELDS if getattr(period, name) is not None}
    first: TieredPrice = period.input
    return PriceVariant(tier="batch", effective=period.effective, source=first.source, as_of=first.as_of, **prices)


@dataclass(frozen=True)
class ProviderRow:
    """One seller of a model in a comparison across providers: Google (``key`` None) or a data provider;
    ``total`` None where the seller has no price for part of the usage."""

    key: str | None
    name: str
    model: ModelCard
    total: Decimal | None


def across_providers(book: PriceBook, usage: Usage, model: ModelCard, day: dt.date) -> list[ProviderRow]:
    """The same usage on ``model`` at Google and at every provider in the data that sells it, cheapest
    first; sellers without a price for part of it last (`compare ... across providers`)."""
    sellers: list[tuple[str | None, str, ModelCard]] = [(None, "Google", model)]
    for seller_key, provider in sorted(book.data_providers.items()):
        if model.id in provider.models:
            sellers.append((seller_key, provider.name, priced_through(model, seller_key, provider, day)))
    rows = []
    for key, name, priced in sellers:
        try:
            total: Decimal | None = estimate(book, usage, priced, today=day).total
        except UnsupportedFeature:
            total = None
        rows.append(ProviderRow(key, name, priced, total))
    return sorted(rows, key=lambda r: (r.total is None, r.total or Decimal(0), r.key or ""))
