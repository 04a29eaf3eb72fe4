"""What the bot understood of a corpus question, and what the corpus expects, in the same terms.

Shared by the tuning corpus (test_corpus.py) and the held-out sets (test_heldout.py).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from bot.answers.answerer import Reply
from pricing import PriceBook, PricingError, parse_query
from pricing.engine import FxRate
from pricing.query import Query

__all__ = ["DEFAULT", "FX", "PRICED", "observed", "expected", "matches", "read_or_asked"]

DEFAULT = "gemini-3.1-pro-preview"
#: A yuan rate set as an admin sets it (USD_CNY): the sets measure reading, and `500 块能调用多少次` needs one to answer.
FX = FxRate(Decimal("7.10"), dt.date(2026, 11, 20))
PRICED = {"estimate", "compare", "budget"}


def observed(book: PriceBook, reply: Reply, text: str) -> dict[str, Any]:
    """What the bot understood, in the corpus's terms."""
    data = reply.data
    intent = reply.intent
    if intent == "clarify":
        return {"intent": "clarify"}
    if intent == "error":
        return {"intent": "error", "code": data["error"]["code"]}
    seen: dict[str, Any] = {"intent": intent}
    if intent in PRICED:
        query = parse_query(text, book)
        u = query.usage
        assert u is not None
        # writers differ on whether a made image's tokens are output (the engine keeps them as images): both match
        per_image = query.model.output_image_tokens if query.model is not None and intent != "compare" else None
        made = u.output_images * per_image.tokens if per_image is not None else 0
        seen |= {
            "model": query.model.id if query.model and intent != "compare" else (DEFAULT if intent != "compare" else None),
            "input": u.input_tokens, "cached": u.cached_tokens, "output": u.output_tokens, "thinking": u.thinking_tokens,
            "image_tokens": made,
            "audio_input": u.audio_input_tokens, "requests": u.requests, "period": u.period, "batch": u.batch,
            "grounded": u.grounded, "storage": u.storage_tokens, "hours": u.storage_hours,
            "budget_usd": query.budget_usd, "budget_cny": query.budget_cny,
            "asked": query.asked_period, "budget_period": getattr(query, "budget_period", None),
        }  # fmt: skip
        if intent == "compare" and len(query.models) > 1:
            seen["models"] = sorted(m.id for m in query.models)
    elif intent in ("rates", "model_info", "free_tier", "topic"):
        seen["model"] = data.get("model")
        seen["topic"] = data.get("topic")
        seen["limit"] = data.get("limit")
    return seen


def expected(expect: dict[str, Any], *, strict: bool = False) -> dict[str, Any]:
    """The expected reading. ``strict`` also holds the asked period and the budget's period to the case
    (absent means none); the tuning corpus checks them only where a case names them."""
    intent = expect["intent"]
    if intent == "clarify":
        return {"intent": "clarify"}
    if intent == "error":
        return {"intent": "error", "code": expect.get("code")}
    out: dict[str, Any] = {"intent": intent}
    if intent in PRICED:
        out |= {
            "model": None if intent == "compare" else expect.get("model", DEFAULT),
            "input": expect.get("input", 0), "cached": expect.get("cached", 0), "output": expect.get("output", 0),
            "thinking": expect.get("thinking", 0), "audio_input": expect.get("audio_input", 0),
            "requests": expect.get("requests", 1), "period": expect.get("period"), "batch": expect.get("batch", False),
            "grounded": expect.get("grounded", False), "storage": expect.get("storage", 0),
            "hours": Decimal(str(expect.get("hours", 0))),
            "budget_usd": Decimal(str(expect["budget_usd"])) if "budget_usd" in expect else None,
            "budget_cny": Decimal(str(expect["budget_cny"])) if "budget_cny" in expect else None,
        }  # fmt: skip
        if "models" in expect:
            out["models"] = sorted(expect["models"])
        for key in ("asked", "budget_period"):
            if strict or key in expect:
                out[key] = expect.get(key)
        if out.get("asked") is not None and out["asked"] == (expect.get("budget_period") if intent == "budget" else expect.get("period")):
            out["asked"] = None  # `3000 a day, daily cost?`: the period asked is the one given, the same total
    elif intent in ("rates", "model_info", "free_tier", "topic"):
        out["model"] = expect.get("model")
        out["topic"] = expect.get("topic")
        out["limit"] = expect.get("limit")
    return out


def _one_image_or_its_price_list(seen: dict[str, Any], want: dict[str, Any]) -> bool:
    """`2.5 flash image 生成一张图多少钱`: writers differ on whether the price of one image is an estimate of one image
    or the image model's price list (whose image line is that price); both answer it with the same figure."""
    pair = {seen["intent"], want["intent"]}
    if pair != {"estimate", "rates"} or "image" not in str(seen.get("model")) or seen.get("model") != want.get("model"):
        return False
    one = seen if seen["intent"] == "estimate" else want
    return one.get("requests") == 1 and not one.get("input") and not one.get("period") and bool(one.get("image_tokens") or one.get("output"))


def matches(seen: dict[str, Any], want: dict[str, Any]) -> bool:
    if _one_image_or_its_price_list(seen, want):
        return True
    for key, value in want.items():
        if key == "model" and want["intent"] in ("rates", "model_info", "free_tier", "topic") and value is None:
            continue  # no model named: any answer about the default or all models is right
        if key in ("topic", "limit") and value is None:
            continue
        if key == "output" and seen.get("image_tokens") and seen.get(key, 0) + seen["image_tokens"] == value:
            continue  # `output: 1290` for one image made: its tokens, said as output
        if seen.get(key) != value:
            return False
    return True


def read_or_asked(text: str, book: PriceBook) -> Query | None:
    """The reading of ``text``, or None when it is asked about (or refused with a reason): never a priced guess."""
    try:
        return parse_query(text, book)
    except PricingError:
        return None
