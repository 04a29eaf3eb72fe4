"""Answers about third-party providers: what a usage costs through each, the lines under a priced answer,
and one model's rates at Google and each provider that sells it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.answers.render import Doc, as_of_line, requests_phrase, tiered_price
from bot.text.i18n import Translator
from pricing import (
    ModelCard,
    PriceBook,
    Usage,
)
from pricing.models import DataProvider, Provider
from pricing.providers import ProviderRow, cny_through, priced_through

__all__ = ["provider_lines", "through_line", "through_note", "render_provider_compare", "render_provider_rates"]


def provider_lines(t: Translator, providers: dict[str, Provider], usd: Decimal) -> list[str]:
    """What ``usd`` of Google's prices costs through each provider, labelled as the admin's figures."""
    return [
        t.gettext("Via {display} ({name}): {cny} (credit at {rate} CNY per USD of Google's prices: the admin's figure of {date})").format(
            display=p.name, name=key, cny=t.money(cny_through(p, usd), "CNY"), rate=t.number(p.cny_per_usd), date=t.date(p.as_of))
        for key, p in sorted(providers.items())
    ]


def through_line(t: Translator, provider: DataProvider, google: Decimal | None) -> str:
    """An estimate priced through a provider from the price data, with Google's own price beside it."""
    if google is None:
        return t.gettext("Priced through {provider} at its own prices, as the genai-prices data gives them (checked {date}); Google has no price for the same.").format(
            provider=provider.name, date=t.date(provider.as_of))
    return t.gettext("Priced through {provider} at its own prices, as the genai-prices data gives them (checked {date}); at Google the same costs {google}.").format(
        provider=provider.name, date=t.date(provider.as_of), google=t.money(google))


def through_note(t: Translator, provider: DataProvider) -> str:
    return t.gettext("Prices through {provider}, as the genai-prices data gives them (checked {date}).").format(
        provider=provider.name, date=t.date(provider.as_of))


def render_provider_compare(t: Translator, book: PriceBook, model: ModelCard, rows: list[ProviderRow], usage: Usage) -> Doc:
    """One model's usage at Google and at each provider in the price data that sells it, cheapest first."""
    title = t.gettext("{model} at Google and each provider that sells it, cheapest first ({requests})").format(
        model=model.id, requests=requests_phrase(t, usage.requests, usage.period))
    lines = []
    priced = [r for r in rows if r.total is not None]
    for rank, row in enumerate(priced, start=1):
        lines.append(t.gettext("{rank}. {model}: {total}").format(rank=rank, model=_seller(t, row), total=t.money(row.total or Decimal(0))))
    lines.append(as_of_line(t, book.card.as_of))
    notes = [_sellers_note(t, book, model)]
    unpriced = [_seller(t, r) for r in rows if r.total is None]
    if unpriced:
        notes.append(t.gettext("Not priced (no rate for part of this usage): {models}").format(models=t.words(unpriced)))
    return Doc(title, lines, notes)


def render_provider_rates(t: Translator, book: PriceBook, model: ModelCard, day: dt.date) -> Doc:
    """One model's token rates at Google and at each provider in the price data that sells it."""
    sellers = [(t.gettext("Google (list price)"), model.on(day))]
    sellers += [(p.name, priced_through(model, key, p, day)) for key, p in sorted(book.data_providers.items()) if model.id in p.models]
    lines = []
    for name, m in sellers:
        lines.append(t.gettext("{provider}: input {input} / output {output} per 1M tokens; cached input {cached}").format(
            provider=name,
            input=tiered_price(t, m.input.standard, m.input.long_context, m.long_context_threshold),
            output=tiered_price(t, m.output.standard, m.output.long_context, m.long_context_threshold) if m.output else "-",
            cached=tiered_price(t, m.cached_input.standard, m.cached_input.long_context, m.long_context_threshold) if m.cached_input else "-"))
    lines.append(as_of_line(t, book.card.as_of))
    title = t.gettext("{model} at Google and each provider that sells it (per 1M tokens)").format(model=model.id)
    return Doc(title, lines, [_sellers_note(t, book, model)])


def _seller(t: Translator, row: ProviderRow) -> str:
    return row.name if row.key is not None else t.gettext("Google (list price)")


def _sellers_note(t: Translator, book: PriceBook, model: ModelCard) -> str:
    sellers = sorted(p.name for p in book.data_providers.values() if model.id in p.models)
    if not sellers:
        return t.gettext("No provider in the price data sells {model}: Google's price only.").format(model=model.id)
    as_of = max(p.as_of for p in book.data_providers.values())
    return t.gettext("Providers' prices as the genai-prices data gives them (checked {date}); an admin's resellers are not in this list.").format(
        date=t.date(as_of))
