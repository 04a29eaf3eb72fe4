"""The CLI's `--json` objects (DESIGN section 2): engine values as exact decimal strings and plain data."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.answers import render_rates
from pricing import Budget, Estimate, FxRate, PriceBook, Query

__all__ = ["exact", "estimate_data", "fx_data", "budget_data", "rates_data", "free_tier_data"]


def exact(value: Decimal) -> str:
    """An exact decimal string (no exponent, no float): 4.9000 -> "4.9"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def estimate_data(e: Estimate, warnings: list[dict[str, str]]) -> dict[str, Any]:
    """An estimate's keys (DESIGN section 2); ``warnings`` already rendered as `{code, message}`."""
    return {
        "model": e.model.id,
        "total": exact(e.total),
        "currency": "USD",
        "requests": e.usage.requests,
        "period": e.usage.period,
        "tier": e.tier,
        "items": [
            {"kind": i.kind, "quantity": exact(i.tokens), "unit_price": exact(i.unit_price), "cost": exact(i.cost)}
            for i in e.items
        ],
        "rates_as_of": e.rates_as_of.isoformat(),
        "warnings": warnings,
        "split_total": exact(e.split_total) if e.split_total is not None else None,
    }


def fx_data(fx: FxRate, usd: Decimal) -> dict[str, Any]:
    """The asked currency: `fx` for any currency, and the yuan keys (`usd_cny`, `total_cny`) scripts rely on."""
    general = {"fx": {"currency": fx.currency, "rate": exact(fx.rate), "as_of": fx.as_of.isoformat() if fx.as_of else None,
                      "total": exact(fx.from_usd(usd))}}
    if fx.currency != "CNY":
        return general
    return general | {
        "usd_cny": exact(fx.rate),
        "usd_cny_as_of": fx.as_of.isoformat() if fx.as_of else None,
        "total_cny": exact(fx.to_cny(usd)),
    }


def budget_data(b: Budget) -> dict[str, Any]:
    return {
        "model": b.model.id,
        "budget": exact(b.budget_usd),
        "requests": b.requests,
        "per_request": exact(b.per_request.total),
    }


def rates_data(book: PriceBook, model: Any) -> dict[str, Any]:
    models = [model] if model is not None else list(book.card.models)
    figures = [m.model_dump(mode="json", exclude={"aliases"}) for m in models]
    data: dict[str, Any] = {"rates_as_of": book.card.as_of.isoformat(), "models": figures}
    if model is not None:
        data["model"] = model.id
        data["grounding"] = book.card.grounding[model.grounding].model_dump(mode="json") if model.grounding else None
    return data


def free_tier_data(book: PriceBook, query: Query) -> dict[str, Any]:
    models = render_rates.free_tier_models(book, query.model)
    data: dict[str, Any] = {"free_tier": {m.id: m.free_tier.model_dump(mode="json") for m in models}}
    if query.model is not None:
        data["model"] = query.model.id
    return data
