"""Batch, Flex and Priority as words and as prices (issue 18): the word tables, the usage, the engine."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from pricing import InvalidQuery, PriceBook, TierNotPublished, Usage, compare, estimate, parse_query

TODAY = dt.date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("5k in 1k out on 3.8 flash flex", "flex"),
        ("5k in 1k out on 3.8 flash, flex tier", "flex"),
        ("5k in 1k out on 3.8 flash with flex processing", "flex"),
        ("5k in 1k out on 3.8 flash service tier priority", "priority"),
        ("5k in 1k out on 3.8 flash priority processing", "priority"),
        ("5k in 1k out on 3.8 flash priority tier", "priority"),
        ("输入5千 输出1千 3.8 flash 弹性", "flex"),
        ("输入5千 输出1千 3.8 flash 优先处理", "priority"),
        ("輸入5千 輸出1千 3.8 flash 彈性", "flex"),
        ("輸入5千 輸出1千 3.8 flash 優先", "priority"),
    ],
)
def test_tier_words_in_each_language(book: PriceBook, text: str, tier: str) -> None:
    q = parse_query(text, book)
    assert (q.intent, q.usage and q.usage.service_tier, q.usage and q.usage.batch) == ("estimate", tier, False)


def test_flex_and_priority_price_from_the_sourced_factor_or_the_data(book: PriceBook) -> None:
    flash = book.get("gemini-3.8-flash")
    usage = Usage(input_tokens=5_000, output_tokens=1_000)
    # standard: 5k x $0.75 + 1k x $3.75 = $0.0075; flex at 50% (the data's notes, overlay-sourced): $0.00375
    assert estimate(book, usage, flash, today=TODAY).total == D("0.0075")
    flex = estimate(book, Usage(input_tokens=5_000, output_tokens=1_000, service_tier="flex"), flash, today=TODAY)
    assert (flex.total, flex.tier_factor) == (D("0.00375"), D("0.5"))
    # priority at 1.8x: 5k x $1.35 + 1k x $6.75 = $0.0135
    assert estimate(book, Usage(input_tokens=5_000, output_tokens=1_000, service_tier="priority"), flash, today=TODAY).total == D("0.0135")
    # the TTS models' priority prices are the data's own figures: 5k x $0.90 + 1k x $16.20 = $0.0207
    tts = book.get("gemini-3.8-flash-tts")
    priority = estimate(book, Usage(input_tokens=5_000, output_tokens=1_000, service_tier="priority"), tts, today=TODAY)
    assert (priority.total, priority.tier_factor) == (D("0.0207"), None)


def test_a_tier_does_not_discount_search_grounding(book: PriceBook) -> None:
    argon = book.get("gemini-4-argon")
    usage = Usage(input_tokens=1_000, requests=10_000, period="month", grounded=True, service_tier="flex")
    items = {i.kind: i for i in estimate(book, usage, argon, today=TODAY).items}
    # input at half of $4.00; searches at the full $14 per 1,000 (after the shared monthly allowance)
    assert (items["input"].unit_price, items["grounding"].unit_price) == (D("2.00"), D("14"))


def test_an_unpublished_tier_is_refused_never_the_standard_price(book: PriceBook) -> None:
    with pytest.raises(TierNotPublished) as err:
        estimate(book, Usage(input_tokens=5_000, output_tokens=1_000, service_tier="priority"), book.get("gemini-2.5-pro"), today=TODAY)
    assert err.value.params == {"model": "gemini-2.5-pro", "feature": "priority", "tier": "priority", "day": TODAY}


def test_batch_and_a_service_tier_together_is_an_error(book: PriceBook) -> None:
    with pytest.raises(InvalidQuery) as err:
        Usage(input_tokens=1, batch=True, service_tier="flex")
    assert err.value.code == "two_tiers"


def test_is_flex_cheaper_than_batch_prices_flex_and_names_batch(book: PriceBook) -> None:
    q = parse_query("is flex cheaper than batch for 3.8 flash tts? 5k in 1k out", book)
    assert q.intent == "estimate" and q.usage is not None
    assert (q.usage.service_tier, q.usage.batch, "batch" in q.flags) == ("flex", False, True)


def test_compare_with_a_tier_compares_that_tier(book: PriceBook) -> None:
    q = parse_query("compare 5k in 1k out priority", book)
    assert q.intent == "compare" and q.usage is not None and q.usage.service_tier == "priority"
    c = compare(book, q.usage, today=TODAY)
    # only the models with a published (or sourced) priority price are priced; the rest are skipped
    assert {r.model.id for r in c.rows} == {"gemini-3.7-flash", "gemini-3.8-flash", "gemini-4-argon"}
    assert "gemini-3.1-pro-preview" in c.skipped


def test_and_with_flex_follows_up_with_the_tier(book: PriceBook) -> None:
    q = parse_query("and with flex?", book, previous="5k in 1k out on 3.8 flash batch")
    assert q.usage is not None and (q.usage.service_tier, q.usage.batch) == ("flex", False)
    back = parse_query("and with batch?", book, previous="5k in 1k out on 3.8 flash flex")
    assert back.usage is not None and (back.usage.service_tier, back.usage.batch) == (None, True)
