"""Writing a reading back as a question in the query language (for clarifications and follow-ups)."""

from __future__ import annotations

from .amounts import plain_amount
from .question import Query

__all__ = ["canonical"]


def canonical(query: Query) -> str:
    """The question as the query language writes it: parsing this text gives the same reading.

    Used for the readings a clarification offers and for re-pricing a follow-up.
    """
    parts: list[str] = []
    if query.intent == "topic" and query.topic is not None:
        parts.append(query.topic)
    elif query.intent == "free_tier":
        parts.append("free tier" + (f" {query.limit}" if query.limit else ""))
    u = query.usage
    if u is not None:
        if u.input_tokens:
            parts.append(f"{u.input_tokens} in")  # the whole prompt; the parts below are inside it
        if u.audio_input_tokens:  # inside the prompt, said so (media named beside a prompt are added to it)
            parts.append(f"including {u.audio_input_tokens} audio")
        if u.video_input_tokens:
            parts.append(f"including {u.video_input_tokens} video")
        if u.cached_tokens:
            parts.append(f"{u.cached_tokens} cached")
        text_out = u.output_tokens - u.thinking_tokens
        if text_out:
            parts.append(f"{text_out} out")
        if u.thinking_tokens:
            parts.append(f"{u.thinking_tokens} thinking")
        if u.output_images:
            parts.append(f"generate {u.output_images} images")
        if u.storage_tokens:
            parts.append(f"cache {u.storage_tokens} for {plain_amount(u.storage_hours)} hours")
        if (u.requests != 1 or u.period is not None) and not u.totals:  # (token totals: no count, read again as totals)
            parts.append(f"x{u.requests}")
        if u.period is not None:
            parts.append(f"per {u.period}")
        if query.asked_period is not None and query.budget_period is None:
            parts.append("monthly" if query.asked_period == "month" else "daily")
        if u.batch:
            parts.append("batch")
        if u.service_tier:
            parts.append(u.service_tier)
        if u.grounded:
            parts.append("with search")
            if u.searches_per_request != 1:
                parts.append(f"{u.searches_per_request} searches")
    if query.intent == "compare" and len(query.models) <= 1:
        parts.insert(0, "compare")
    if query.intent == "compare" and len(query.models) > 1:
        parts.append("compare " + " vs ".join(m.id for m in query.models))
    elif query.models:
        parts.append("on " + query.models[0].id)
    if query.budget_usd is not None:
        parts.append(f"how many for ${plain_amount(query.budget_usd)}")
    elif query.budget_cny is not None:
        parts.append(f"how many for {plain_amount(query.budget_cny)} yuan")
    if query.budget_period is not None:
        parts.append(f"per {query.budget_period}")  # right after the money: the budget's period
        if query.asked_period is not None:
            parts.append(f"how many per {query.asked_period}")
    if query.want_cny:
        parts.append("in CNY")
    if query.currency:
        parts.append(f"in {query.currency.lower()}")
    if query.on_date is not None:
        parts.append(query.on_date.isoformat())
    if query.provider:
        parts.append(f"via {query.provider}")
    if "providers" in query.flags:
        parts.append("across providers")
    if query.public:
        parts.append("public")
    return " ".join(parts)
