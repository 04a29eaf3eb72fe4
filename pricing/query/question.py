"""The typed reading of one question (`Query`), with the intents and topics a question can have."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from ..engine import Notice, Usage
from ..models import ModelCard, Period

__all__ = ["Query", "Intent", "Topic"]

Intent = Literal["estimate", "compare", "rates", "model_info", "topic", "free_tier", "budget", "help"]
Topic = Literal["grounding", "caching", "batch", "thinking"]


@dataclass(frozen=True)
class Query:
    """What a question asks. ``usage`` is None for questions that are not about an amount."""

    intent: Intent
    usage: Usage | None = None
    models: tuple[ModelCard, ...] = ()
    model_refs: tuple[str, ...] = ()  # the words the asker used for each model
    budget_usd: Decimal | None = None
    budget_cny: Decimal | None = None
    want_cny: bool = False
    currency: str | None = None  # another currency asked for beside USD, by ISO code (`新台幣` -> TWD)
    public: bool = False
    notices: tuple[Notice, ...] = field(default_factory=tuple)
    topic: Topic | None = None
    limit: Literal["rpm", "rpd", "tpm"] | None = None  # the free-tier limit asked about
    asked_period: Period | None = None  # the total is wanted per this period (usage.period is the volume's)
    budget_period: Period | None = None  # the budget is money per this period (`$500/month`)
    on_date: dt.date | None = None  # price as on this day
    provider: str | None = None  # `via NAME`: priced through a reseller
    followup: bool = False  # reads as a change to a previous question ("what about 2.5 flash?")
    flags: frozenset[str] = frozenset()  # options named, with or without amounts: batch, search, cny
    count: int | None = None  # a request count named, with or without amounts (`x1000 a day?`)
    count_period: Period | None = None

    @property
    def model(self) -> ModelCard | None:
        return self.models[0] if self.models else None
