"""Follow-ups: a short change to the previous question ("what about 2.5 flash?", "x1000 a day?") told apart and applied."""

from __future__ import annotations

from dataclasses import replace

from ..errors import PricingError
from ..models import ModelCard
from ..ratecard import PriceBook
from ..tokens import Token
from .pairing import Parts
from .question import Query
from .read import read_question

__all__ = ["is_followup", "reads_as_followup", "apply_followup"]


def reads_as_followup(text: str, book: PriceBook) -> bool:
    """Short text that changes a previous question (a model, an option, a count) and asks nothing new."""
    try:
        r = read_question(text, book)
    except PricingError:
        return False
    return not r.unlabeled and is_followup(r.parts, r.models, r.tokens)


def is_followup(parts: Parts, models: tuple[ModelCard, ...], tokens: list[Token]) -> bool:
    """Short text that changes something (a model, an option, a count) and asks nothing new."""
    changes = bool(models) or parts.batch or bool(parts.tiers) or parts.search or parts.want_cny or parts.requests is not None
    new_question = parts.intents & {"rates", "free", "help", "info", "budget"}
    amounts = any(v is not None for v in (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio))
    return changes and not new_question and not amounts and len(tokens) <= 12


def apply_followup(previous: Query, change: Query) -> Query:
    """``previous`` with what the follow-up ``change`` says: another model, batch, search, yuan, a count."""
    models, refs = previous.models, previous.model_refs
    intent = previous.intent
    if change.models:
        models, refs = change.models, change.model_refs
        if intent == "compare" and len(change.models) == 1:
            intent = "estimate"
        elif len(change.models) > 1:
            intent = "compare"
    usage = previous.usage
    if usage is not None:
        usage = replace(usage, grounded=usage.grounded or "search" in change.flags)
        tier = next((t for t in ("flex", "priority") if t in change.flags), None)
        if tier is not None:  # `and with flex?`: a service tier instead of batch or another tier
            usage = replace(usage, batch=False, service_tier=tier)
        elif "batch" in change.flags:
            usage = replace(usage, batch=True, service_tier=None)
        if change.count is not None:
            usage = replace(usage, requests=change.count, period=change.count_period or usage.period)
    return replace(
        previous,
        intent=intent,
        usage=usage,
        models=models,
        model_refs=refs,
        want_cny=previous.want_cny or "cny" in change.flags,
        notices=(),
        followup=False,
        on_date=change.on_date or previous.on_date,
        provider=change.provider or previous.provider,
    )
