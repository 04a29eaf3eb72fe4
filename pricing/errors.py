"""Typed, expected failures of the pricing engine and query parser.

Each error carries a stable ``code`` and the data a renderer needs to explain it in any
language; none of them carries user-facing prose (that lives in the catalogs).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = [
    "PricingError",
    "InvalidQuery",
    "UnknownModel",
    "ContextWindowExceeded",
    "UnsupportedFeature",
    "TierNotPublished",
    "RateCardError",
    "Ambiguous",
]


class PricingError(Exception):
    """Base class of every expected failure: a question that cannot be answered as asked."""

    code: str = "pricing_error"

    def __init__(self, code: str | None = None, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params
        super().__init__(f"{self.code}: {params}")


class InvalidQuery(PricingError):
    """The text could not be read as a pricing question.

    ``code`` says what was wrong (``negative_amount``, ``not_understood``, ``cached_exceeds_input``...);
    ``params`` hold the offending fragment when there is one.
    """

    code = "invalid_query"


class Ambiguous(PricingError):
    """The text could be read more than one way, or holds a word that would change the price and that
    the grammar cannot place. Never priced as a guess: the asker is asked, with ``readings`` (each a
    complete question in the query language) as the likely answers.
    """

    code = "ambiguous"

    def __init__(self, reason: str, readings: tuple[str, ...] = (), **params: Any) -> None:
        super().__init__(None, reason=reason, **params)
        self.reason = reason
        self.readings = readings


class UnknownModel(PricingError):
    """A model name that matches nothing on the rate card; ``suggestions`` are the closest ids."""

    code = "unknown_model"

    def __init__(self, ref: str, suggestions: list[str]) -> None:
        super().__init__(None, ref=ref, suggestions=suggestions)
        self.ref = ref
        self.suggestions = suggestions


class ContextWindowExceeded(PricingError):
    """One request's prompt is larger than the model accepts; ``requests`` would split it."""

    code = "context_window_exceeded"

    def __init__(self, model: str, prompt_tokens: Decimal, window: int, requests: int) -> None:
        super().__init__(None, model=model, prompt_tokens=prompt_tokens, window=window, requests=requests)


class UnsupportedFeature(PricingError):
    """The model has no price for what was asked (e.g. caching on a model without a cache rate)."""

    code = "unsupported_feature"

    def __init__(self, model: str, feature: str) -> None:
        super().__init__(None, model=model, feature=feature)


class TierNotPublished(UnsupportedFeature):
    """Neither the price data nor a sourced overlay figure gives the model's price in that service tier
    (Batch, Flex or Priority) on that day: the answer says so rather than guess or price it at $0."""

    code = "tier_not_published"

    def __init__(self, model: str, tier: str, day: object = None) -> None:
        super().__init__(model, tier)
        self.params["tier"] = tier
        self.params["day"] = day


class RateCardError(Exception):
    """The rate card data is broken. Raised at load time: a bad card never serves a price."""
