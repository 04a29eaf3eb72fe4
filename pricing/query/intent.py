"""Choosing what a reading asks (a price, a comparison, a budget, the rates, a topic, the free tier, help).

Also here: the questions that ask for a rate in the form of an amount (`per 1M tokens`, `per 1000 searches`).
"""

from __future__ import annotations

from dataclasses import replace

from ..engine import Usage
from ..errors import Ambiguous, InvalidQuery
from ..models import ModelCard
from ..tokens import Token
from .canonical import canonical
from .pairing import Parts
from .question import Intent, Query, Topic
from .usage import build_usage

__all__ = ["choose_intent", "asked_topic", "free_limit", "per_million_question", "price_of_a_million", "per_thousand_searches"]


def choose_intent(parts: Parts, usage: Usage | None, models: tuple[ModelCard, ...], asks_rates: bool) -> Intent:
    if "value" in parts.intents and len(models) >= 2:
        parts.intents.add("compare")  # `2.5 flash 跟 3.5 flash 哪個比較划算`; with one model, how that option pays
    wants = parts.intents
    if parts.budget_usd is not None or parts.budget_cny is not None:
        if usage is None:
            raise Ambiguous("budget_needs_usage")
        if parts.requests is not None and parts.period is not None and parts.asked_period is None and "compare" not in wants:
            # `每天 300 条…一个月能控制在1刀以内吗`: the count is given, so the money is a line to compare the
            # cost with (the estimate says whether it fits), not a budget to spend on requests; a month's money
            # is compared with a month's cost
            if parts.budget_period not in (None, parts.period):
                parts.asked_period = parts.budget_period
            return "estimate"
        if parts.requests is not None and parts.period is not None and "compare" not in wants:
            # `每天大概80封 … 一个月要多少钱？能控制在10刀以内吗`: the count is given, so the money is no budget to spend on
            # requests (it had been answered as how many $10 pays for); a cost and a line both asked: asked back
            raise Ambiguous("money_without_question")
        return "budget"
    topical = parts.search or bool(parts.labels_seen & {"cache", "cached"})
    if "free" in wants and not (topical and "tier" not in wants and parts.limit is None):
        return "free_tier"
    if usage is not None and "info" in wants and models and not (usage.output_tokens or parts.requests is not None or parts.budget_usd):
        return "model_info"  # `does 2.0 flash take a 1M token context`: a fact about the model, not a price
    if usage is not None:
        if len(models) > 1 and not wants & {"compare", "alt"}:
            raise Ambiguous("two_models", (canonical(_compare_of(parts, models)),))
        if "providers" in wants and len(models) <= 1:
            return "compare"  # one model at Google and each provider that sells it
        if "rates" in wants and len(models) == 1 and models[0].kind == "image" and _one_image_only(usage):
            return "rates"  # `2.5 flash image 生图怎么收费的，一张图多少钱`: its price list, with the price of one image
        if (parts.batch or parts.tiers) and len(models) == 1 and "alt" not in wants:
            # `is batch cheaper for 3.8 flash?`: batch against standard on that model (the estimate
            # says both); with no model named, `lowest price ..., batch` still ranks the models
            return "estimate"
        return "compare" if "compare" in wants or len(models) > 1 else "estimate"
    if asks_rates:
        return "topic" if parts.search else "rates"  # grounding's rate is explained with its allowance
    if "help" in wants and "info" in wants and not models:
        return "help"  # `你这个bot怎么用 要给哪些信息`: the information the bot needs, how to ask it
    if "info" in wants and (models or not (parts.search or parts.batch or parts.topics)):
        return "model_info"  # with no model named, `how long do batch jobs take` asks how batch works
    if "rates" in wants and models and not (parts.search or parts.batch) and parts.labels_seen and parts.labels_seen <= {"cache", "cached"} | (
            {"input", "output"} if "cached" in parts.labels_seen else set()):  # `cached input rate on 2.5 flash`, `price list (input / output / cached)`
        return "rates"  # `3.1 pro 的快取價格多少`: that model's price list, whose cached-input line answers it
    if parts.search or parts.batch or parts.labels_seen & {"cache", "cached", "storage", "thinking"} or parts.topics:
        return "topic"
    if "help" in wants and not models:
        return "help"
    if parts.requests is not None and not parts.intents & {"rates", "compare"}:
        raise Ambiguous("count_without_tokens")
    if "price_q" in wants and parts.period is not None and not wants & {"rates", "compare", "free", "help", "info"}:
        raise Ambiguous("count_without_tokens")  # `flash 一个月大概多少钱？`: a month of what usage?
    if "price_q" in wants and not models and not wants & {"rates", "compare", "free", "help", "info"}:
        raise Ambiguous("count_without_tokens")  # `how much is a chatbot?`: nothing to price yet
    if "budget" in wants:
        raise InvalidQuery("budget_needs_amount")
    if "rates" in wants or "compare" in wants or "providers" in wants or models:
        return "rates"
    if "help" in wants or not (parts.unknown_words or parts.unknown_cjk or parts.filler_words or parts.intents - {"question"} or parts.labels_seen):
        return "help"
    raise InvalidQuery("not_understood")


def asked_topic(parts: Parts) -> Topic:
    if parts.topics:
        return parts.topics[0]  # the one asked about first
    if parts.search:
        return "grounding"
    if parts.batch:
        return "batch"
    if "thinking" in parts.labels_seen:
        return "thinking"
    return "caching"


def _compare_of(parts: Parts, models: tuple[ModelCard, ...]) -> Query:
    return Query(intent="compare", usage=build_usage(replace(parts), []), models=models, want_cny=parts.want_cny)


def free_limit(parts: Parts, tokens: list[Token]) -> str | None:
    """The free-tier limit asked about: `rpm`, `rpd` or `tpm` (`tokens per minute`, `requests a day`)."""
    limit = parts.limit
    if limit is None and parts.period == "day":
        limit = "rpd"
    if limit == "rpm" and any(t.text in ("tokens", "token") for t in tokens) and not any(t.role == "count" for t in tokens):
        limit = "tpm"
    return limit


def per_million_question(unlabeled: list[Token], parts: Parts) -> bool:
    """`2.5 pro 一百万token多少钱`, `how much per 1M tokens`: the price list, not a 1M-token prompt;
    likewise 1,000 where searches are named (grounding's unit)."""
    if len(unlabeled) != 1 or parts.labels_seen - {"images", "input", "output"} or parts.requests is not None or parts.unexplained:
        return False
    if any(v is not None for v in (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio)):
        return False
    return unlabeled[0].value == 1_000_000


def price_of_a_million(parts: Parts, tokens: list[Token]) -> bool:
    """`argon price per 1M output tokens?`, `2.5 flash 一百万输入token多少钱`, `每百萬輸出多少錢`: the
    rate per 1M tokens, asked with the label; not a one-request estimate of a 1M-token prompt."""
    hourly_storage = _storage_per_hour(parts, tokens)
    at = _the_only_amount([t for t in tokens if not (hourly_storage and t.kind == "amount" and t.value == 1)])
    if at is None or parts.unexplained:
        return False  # (`1M tokens a week`: the week is asked about, not dropped)
    tokens = [t for t in tokens if not (hourly_storage and t.kind == "amount" and t.value == 1)]
    if tokens[at].value != 1_000_000:
        return False
    if parts.input is not None and parts.output is not None:
        return False
    per = _per_before(tokens, at)
    asks = "price_q" in parts.intents or "rates" in parts.intents or tokens[-1].text == "多少"  # `flash 1M input 多少`
    # `音訊輸入每百萬 token 怎麼收`, `音訊輸入一百萬 token 多少`, `快取命中的 token 每百萬怎麼算`: the audio or cached
    # rate, when the question asks the price of the million; `存储一小时又是多少`: and storage's rate, per hour
    others = (None if hourly_storage else parts.storage, parts.thinking, parts.requests, parts.budget_usd, parts.budget_cny)
    if any(v is not None for v in others) or parts.batch or parts.search or parts.period is not None:
        return False
    return per or asks


def per_thousand_searches(parts: Parts, tokens: list[Token]) -> bool:
    """`search grounding price per 1000?`, `每1000次搜索多少钱`: Google's grounding rate (per 1,000
    queries), not the cost of 1,000 searches. Only when 1,000 is the one amount and "per" comes right
    before it; `1000 grounded prompts` stays a count."""
    at = _the_only_amount(tokens)
    if not parts.search or at is None or tokens[at].value != 1_000:
        return False
    named = (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio, parts.budget_usd, parts.budget_cny)
    return all(v is None for v in named) and _per_before(tokens, at)


def _storage_per_hour(parts: Parts, tokens: list[Token]) -> bool:
    """`缓存读取多少钱一百万 存储一小时又是多少`: the million and one hour of storage, the units of the rates asked."""
    labels = {t.role for t in tokens}
    return (parts.storage or parts.cached) == 1_000_000 and parts.hours == 1 and {"label:cached", "label:storage"} <= labels


def _the_only_amount(tokens: list[Token]) -> int | None:
    """The index of the question's one amount; None when it has none or several."""
    amounts = [i for i, t in enumerate(tokens) if t.kind == "amount"]
    return amounts[0] if len(amounts) == 1 else None


def _per_before(tokens: list[Token], at: int) -> bool:
    """`per 1M`, `每百万`, `/1000`: the amount is the unit a rate is given in."""
    return at > 0 and tokens[at - 1].text in ("per", "每", "/")


def _one_image_only(usage: Usage) -> bool:
    """One image made and nothing else said of the request: the price of one image, as the price list gives it."""
    return usage.output_images == 1 and usage.requests == 1 and usage.period is None and not (usage.input_tokens or usage.output_tokens)
