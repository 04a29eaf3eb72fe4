"""The pricing engine against DESIGN section 1, each expectation with its arithmetic in exact Decimals.

Rates used (USD per 1M tokens, rates/REFERENCE.md):
  gemini-3.1-pro-preview (default) input 2.00/4.00, output 12.00/18.00, cache 0.20/0.40, storage 4.50/h
  gemini-2.5-pro                   input 1.25/2.50, output 10.00/15.00, cache 0.125/0.25, storage 4.50/h
  gemini-2.5-flash 0.30 / 2.50 / cache 0.03 / storage 1.00; gemini-2.5-flash-lite 0.10 / 0.40 / 0.01
  grounding: Gemini 3 $14 per 1,000 search queries, 5,000/month shared; 2.5 Pro $35 per 1,000 prompts,
  1,500/day; 2.5 Flash + Flash-Lite $35 per 1,000 prompts, 1,500/day shared.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from fractions import Fraction

import pytest

from pricing import (
    ContextWindowExceeded,
    InvalidQuery,
    PriceBook,
    PricingError,
    UnknownModel,
    UnsupportedFeature,
    Usage,
    budget,
    compare,
    estimate,
    parse_query,
)
from pricing.engine import Estimate

PRO = "gemini-3.1-pro-preview"


def price(book: PriceBook, model: str | None = None, **usage: object) -> Estimate:
    return estimate(book, Usage(**usage), book.get(model) if model else None)  # type: ignore[arg-type]


def costs(e: Estimate) -> dict[str, D]:
    return {i.kind: i.cost for i in e.items}


def unit_prices(e: Estimate) -> dict[str, D]:
    return {i.kind: i.unit_price for i in e.items}


def billed_tokens(e: Estimate) -> dict[str, D]:
    return {i.kind: i.tokens for i in e.items}


def codes(e: object) -> list[str]:
    return [n.code for n in e.notices]  # type: ignore[attr-defined]


# --- the DESIGN example --------------------------------------------------------------------------


def test_design_example_1m_in_50k_out_on_default_model(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000_000, output_tokens=50_000)
    assert e.model.id == PRO
    assert e.tier == "long_context"
    # 1M x $4.00 + 50k x $18.00 = $4.00 + $0.90 = $4.90
    assert costs(e) == {"input": D("4.00"), "output": D("0.90")}
    assert e.total == D("4.90")
    # the same tokens in prompts at or under 200k: 1M x $2.00 + 50k x $12.00 = $2.60
    assert e.split_total == D("2.60")


def test_design_example_through_the_parser_in_english_and_chinese(book: PriceBook) -> None:
    for text in ("1M in 50k out", "输入100万 输出5万", "輸入100萬 輸出5萬"):
        q = parse_query(text, book)
        assert q.usage is not None
        # 1M x $4.00 + 50k x $18.00 = $4.90
        assert estimate(book, q.usage, q.model).total == D("4.90"), text


def test_money_is_decimal_end_to_end(book: PriceBook) -> None:
    e = price(book, input_tokens=123_457, cached_tokens=1_001, output_tokens=999)
    assert isinstance(e.total, D)
    for item in e.items:
        assert all(isinstance(v, D) for v in (item.tokens, item.quantity, item.unit_price, item.cost))
    # 122,456 x $2.00 + 1,001 x $0.20 + 999 x $12.00 = 0.244912 + 0.0002002 + 0.011988 = $0.2571002
    assert e.total == D("0.2571002")


# --- the 200k tier boundary ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "prompt", "tier", "total"),
    [
        # 200,000 is standard: 200k x $2.00 + 10k x $12.00 = 0.40 + 0.12
        (PRO, 200_000, "standard", D("0.52")),
        # 200,001 is long context: 200,001 x $4.00 + 10k x $18.00 = 0.800004 + 0.18
        (PRO, 200_001, "long_context", D("0.980004")),
        # 2.5 Pro: 200k x $1.25 + 10k x $10.00 = 0.25 + 0.10
        ("gemini-2.5-pro", 200_000, "standard", D("0.35")),
        # 2.5 Pro: 200,001 x $2.50 + 10k x $15.00 = 0.5000025 + 0.15
        ("gemini-2.5-pro", 200_001, "long_context", D("0.6500025")),
        # retired 3 Pro keeps 3.1 Pro's prices: 200,001 x $4.00 + 10k x $18.00
        ("gemini-3-pro-preview", 200_001, "long_context", D("0.980004")),
        # models without tiers never switch: 2.5 Flash 1M x $0.30 + 10k x $2.50 = 0.30 + 0.025
        ("gemini-2.5-flash", 1_000_000, "standard", D("0.325")),
    ],
)
def test_tier_boundary(book: PriceBook, model: str, prompt: int, tier: str, total: D) -> None:
    e = price(book, model, input_tokens=prompt, output_tokens=10_000)
    assert (e.tier, e.total) == (tier, total)


def test_exactly_200k_has_no_split_hint_and_200001_has_one(book: PriceBook) -> None:
    assert price(book, input_tokens=200_000).split_total is None
    # split: 200,001 x $2.00 = $0.400002 (the long-context total is 200,001 x $4.00 = $0.800004)
    e = price(book, input_tokens=200_001)
    assert (e.total, e.split_total) == (D("0.800004"), D("0.400002"))


def test_cliff_applies_to_the_whole_request(book: PriceBook) -> None:
    # 150k fresh + 60k cached = 210k prompt > 200k: input, cached input AND output at long rates
    e = price(book, input_tokens=210_000, cached_tokens=60_000, output_tokens=20_000)
    assert e.tier == "long_context"
    assert unit_prices(e) == {"input": D("4.00"), "cached_input": D("0.40"), "output": D("18.00")}
    # 150k x $4.00 + 60k x $0.40 + 20k x $18.00 = 0.60 + 0.024 + 0.36 = $0.984
    assert e.total == D("0.984")


def test_cliff_is_decided_by_the_prompt_with_cached_tokens_included(book: PriceBook) -> None:
    # fresh input alone (150k) is under the threshold, but the prompt is 210k: long context
    assert price(book, input_tokens=210_000, cached_tokens=60_000).tier == "long_context"
    # 140k fresh + 60k cached = exactly 200k: standard for every part
    e = price(book, input_tokens=200_000, cached_tokens=60_000, output_tokens=20_000)
    assert e.tier == "standard"
    assert unit_prices(e) == {"input": D("2.00"), "cached_input": D("0.20"), "output": D("12.00")}
    # 140k x $2.00 + 60k x $0.20 + 20k x $12.00 = 0.28 + 0.012 + 0.24 = $0.532
    assert e.total == D("0.532")


def test_cliff_through_the_parser_counts_cached_tokens(book: PriceBook) -> None:
    q = parse_query("210k in 60k cached 20k out", book)
    assert q.usage is not None
    e = estimate(book, q.usage)
    # 150k x $4.00 + 60k x $0.40 + 20k x $18.00 = $0.984
    assert (e.tier, e.total) == ("long_context", D("0.984"))


def test_output_alone_never_triggers_long_context(book: PriceBook) -> None:
    # 10k prompt, 300k output: standard (the cliff is about the prompt)
    e = price(book, input_tokens=10_000, output_tokens=300_000)
    # 10k x $2.00 + 300k x $12.00 = 0.02 + 3.60
    assert (e.tier, e.total) == ("standard", D("3.62"))


# --- cached tokens billed once -------------------------------------------------------------------


def test_cached_tokens_are_not_billed_twice_long_context(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000_000, cached_tokens=800_000)
    assert billed_tokens(e) == {"input": D(200_000), "cached_input": D(800_000)}
    # 200k x $4.00 + 800k x $0.40 = 0.80 + 0.32 = $1.12 (not 1M x $4.00 + 800k x $0.40 = $4.32)
    assert e.total == D("1.12")
    # split hint: 200k x $2.00 + 800k x $0.20 = 0.40 + 0.16
    assert e.split_total == D("0.56")


def test_cached_tokens_are_not_billed_twice_flat_model(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-flash", input_tokens=1_000_000, cached_tokens=800_000)
    # 200k x $0.30 + 800k x $0.03 = 0.06 + 0.024 = $0.084
    assert costs(e) == {"input": D("0.06"), "cached_input": D("0.024")}
    assert e.total == D("0.084")


def test_all_cached_prompt_has_no_fresh_input_cost(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-pro", input_tokens=100_000, cached_tokens=100_000)
    # 0 x $1.25 + 100k x $0.125 = $0.0125
    assert e.total == D("0.0125")


def test_more_cached_than_input_is_an_error() -> None:
    with pytest.raises(InvalidQuery) as exc:
        Usage(input_tokens=100_000, cached_tokens=200_000)
    assert exc.value.code == "cached_exceeds_input"


def test_more_cached_than_input_through_the_parser(book: PriceBook) -> None:
    with pytest.raises(InvalidQuery) as exc:
        parse_query("100k in 200k cached", book)
    assert exc.value.code == "cached_exceeds_input"


# --- thinking is output --------------------------------------------------------------------------


def test_thinking_is_part_of_output_billed_at_the_output_rate_on_its_own_line(book: PriceBook) -> None:
    # 2k in, 3.5k out of which 3k thinking: 2k x $2.00 + 500 x $12.00 + 3k x $12.00
    e = price(book, input_tokens=2_000, output_tokens=3_500, thinking_tokens=3_000)
    assert [(i.kind, i.tokens) for i in e.items] == [("input", 2_000), ("output", 500), ("thinking", 3_000)]
    assert unit_prices(e)["thinking"] == unit_prices(e)["output"] == D("12.00")
    assert e.total == D("0.004") + D("0.006") + D("0.036")


def test_modality_parts_cannot_exceed_their_totals() -> None:
    with pytest.raises(InvalidQuery):
        Usage(input_tokens=100, audio_input_tokens=101)
    with pytest.raises(InvalidQuery):
        Usage(output_tokens=10, thinking_tokens=11)


def test_audio_input_is_billed_at_the_audio_rate(book: PriceBook) -> None:
    flash = book.get("gemini-2.5-flash")
    e = estimate(book, Usage(input_tokens=500_000, audio_input_tokens=500_000), flash)
    assert [(i.kind, i.unit_price) for i in e.items] == [("audio_input", flash.input_audio.standard)]


def test_output_tokens_including_thinking_are_billed_at_the_output_rate(book: PriceBook) -> None:
    # 10k prompt; 50k output of which most is thinking: all 50k at the output rate
    e = price(book, input_tokens=10_000, output_tokens=50_000)
    assert unit_prices(e)["output"] == D("12.00")
    # 10k x $2.00 + 50k x $12.00 = 0.02 + 0.60 = $0.62
    assert e.total == D("0.62")


# --- request counts ------------------------------------------------------------------------------


def test_request_count_multiplies_the_whole_request(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000_000, output_tokens=50_000, requests=100)
    # 100 x (1M x $4.00 + 50k x $18.00) = 100 x $4.90 = $490.00
    assert e.total == D("490.00")
    assert billed_tokens(e) == {"input": D(100_000_000), "output": D(5_000_000)}


def test_tier_is_decided_per_request_not_by_volume(book: PriceBook) -> None:
    e = price(book, input_tokens=150_000, requests=100)
    # 100 x 150k = 15M tokens, but each prompt is 150k: standard, 15M x $2.00 = $30.00
    assert (e.tier, e.total) == ("standard", D("30.00"))


def test_request_count_with_cache_hits(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-flash", input_tokens=100_000, cached_tokens=60_000, output_tokens=1_000, requests=10)
    # 10 x (40k x $0.30 + 60k x $0.03 + 1k x $2.50) = 10 x (0.012 + 0.0018 + 0.0025) = $0.163
    assert e.total == D("0.163")


def test_zero_requests_is_an_error() -> None:
    with pytest.raises(InvalidQuery):
        Usage(input_tokens=1, requests=0)


# --- cache storage -------------------------------------------------------------------------------


def test_storage_is_tokens_times_hours_times_rate_once_not_per_request(book: PriceBook) -> None:
    e = price(book, storage_tokens=1_000_000, storage_hours=D(2), requests=100)
    # 1M x 2h x $4.50 = $9.00 (not 100 x $9.00)
    assert costs(e) == {"cache_storage": D("9.00")}
    assert e.total == D("9.00")


def test_storage_alongside_requests(book: PriceBook) -> None:
    e = price(
        book,
        "gemini-2.5-flash",
        input_tokens=100_000,
        cached_tokens=100_000,
        storage_tokens=100_000,
        storage_hours=D("0.5"),
        requests=10,
    )
    # requests: 10 x 100k x $0.03 = $0.03; storage once: 100k x 0.5h x $1.00 = $0.05
    assert costs(e) == {"input": D(0), "cached_input": D("0.03"), "cache_storage": D("0.05")}
    assert e.total == D("0.08")


def test_storage_on_a_model_without_storage_is_unsupported(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature) as exc:
        price(book, "gemini-2.0-flash-lite", storage_tokens=1_000, storage_hours=D(1))
    assert exc.value.params == {"model": "gemini-2.0-flash-lite", "feature": "storage"}


# --- batch ---------------------------------------------------------------------------------------


def test_batch_is_the_data_s_batch_prices_cache_reads_not_halved(book: PriceBook) -> None:
    # genai-prices' 3.1 Pro batch variant (from 2026-10-14) halves input and output in both tiers;
    # context caching is "Same as Standard" (issue 18: the old blanket 50% halved it too, wrongly).
    usage = dict(input_tokens=1_000_000, cached_tokens=800_000, output_tokens=50_000)
    standard = price(book, **usage)
    batch = price(book, **usage, batch=True)
    assert unit_prices(batch) == {"input": D("2.00"), "cached_input": D("0.40"), "output": D("9.00")}
    # long context: 200k x $2.00 + 800k x $0.40 + 50k x $9.00 = 0.40 + 0.32 + 0.45 = $1.17
    assert batch.total == D("1.17")
    # full price: 0.80 + 0.32 + 0.90 = $2.02
    assert standard.total == D("2.02")
    assert batch.tier == "long_context"


def test_batch_does_not_halve_storage(book: PriceBook) -> None:
    e = price(book, input_tokens=100_000, storage_tokens=1_000_000, storage_hours=D(1), batch=True)
    # 100k x $1.00 (half of $2.00) + 1M x 1h x $4.50 (full) = 0.10 + 4.50
    assert costs(e) == {"input": D("0.10"), "cache_storage": D("4.50")}
    assert e.total == D("4.60")


def test_batch_does_not_halve_grounding(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-flash", input_tokens=1_000, requests=2_000, period="day", grounded=True, batch=True)
    # tokens: 2,000 x 1k = 2M x $0.15 = $0.30; grounding: (2,000 - 1,500) x $35/1000 = $17.50 (full)
    assert costs(e) == {"input": D("0.30"), "grounding": D("17.50")}
    assert e.total == D("17.80")


def test_embedding_batch_is_half_its_input_price(book: PriceBook) -> None:
    e = price(book, "gemini-embedding-001", input_tokens=1_000_000, batch=True)
    # 1M x $0.075 (batch; standard $0.15)
    assert e.total == D("0.075")


# --- grounding with Google Search ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "plan_id", "price_per_1000", "allowance", "period", "unit", "shared"),
    [
        ("gemini-3.1-pro-preview", "gemini-3", D(14), 5_000, "month", "query", True),
        ("gemini-3-pro-preview", "gemini-3", D(14), 5_000, "month", "query", True),
        ("gemini-3-flash-preview", "gemini-3", D(14), 5_000, "month", "query", True),
        ("gemini-2.5-pro", "gemini-2-5-pro", D(35), 1_500, "day", "prompt", False),
        ("gemini-2.5-flash", "gemini-2-5-flash", D(35), 1_500, "day", "prompt", True),
        ("gemini-2.5-flash-lite", "gemini-2-5-flash", D(35), 1_500, "day", "prompt", True),
    ],
)
def test_grounding_plan_per_family(
    book: PriceBook, model: str, plan_id: str, price_per_1000: D, allowance: int, period: str, unit: str, shared: bool
) -> None:
    e = price(book, model, input_tokens=1_000, grounded=True, period=period, requests=allowance + 1_000)
    assert e.grounding is not None
    g = e.grounding
    assert (g.plan_id, g.plan.price_per_1000, g.plan.allowance, g.plan.period, g.plan.unit, g.plan.shared) == (
        plan_id,
        price_per_1000,
        allowance,
        period,
        unit,
        shared,
    )
    # (allowance + 1,000) requests in one allowance period: 1,000 billable x price / 1000
    assert (g.used, g.free, g.billable) == (D(allowance + 1_000), D(allowance), D(1_000))
    assert costs(e)["grounding"] == price_per_1000
    assert ("grounding_shared" in codes(e)) == shared


def test_gemini3_grounding_monthly(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000, grounded=True, requests=6_000, period="month")
    # tokens: 6,000 x 1k = 6M x $2.00 = $12.00; search: (6,000 - 5,000 free) x $14/1000 = $14.00
    assert costs(e) == {"input": D("12.00"), "grounding": D("14.00")}
    assert e.total == D("26.00")


def test_gemini3_grounding_within_allowance_is_free(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000, grounded=True, requests=5_000, period="month")
    # 5,000 queries, 5,000 free: $0 for search; 5M x $2.00 = $10.00 for tokens
    assert costs(e)["grounding"] == D(0)
    assert e.total == D("10.00")


def test_gemini3_grounding_counts_search_queries_per_request(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000, grounded=True, requests=3_000, searches_per_request=2, period="month")
    # 3,000 prompts x 2 queries = 6,000 queries; 1,000 over the 5,000 allowance x $14/1000 = $14.00
    assert e.grounding is not None and e.grounding.used == D(6_000)
    assert costs(e)["grounding"] == D("14.00")


def test_gemini25_grounding_counts_prompts_not_queries(book: PriceBook) -> None:
    e = price(
        book, "gemini-2.5-pro", input_tokens=1_000, grounded=True, requests=2_000, searches_per_request=3, period="day"
    )
    # billed per grounded prompt: 2,000 prompts (not 6,000 queries); 500 over 1,500/day x $35/1000 = $17.50
    assert e.grounding is not None and e.grounding.used == D(2_000)
    assert costs(e)["grounding"] == D("17.50")


def test_gemini25_grounding_daily(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-pro", input_tokens=1_000, output_tokens=10, grounded=True, requests=2_000, period="day")
    # tokens: 2M x $1.25 + 20k x $10.00 = 2.50 + 0.20; search: (2,000 - 1,500) x $35/1000 = $17.50
    assert costs(e) == {"input": D("2.50"), "output": D("0.20"), "grounding": D("17.50")}
    assert e.total == D("20.20")


def test_daily_allowance_with_monthly_usage(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-flash", input_tokens=1_000, grounded=True, requests=60_000, period="month")
    # 60,000/month = 2,000/day (month = 30 days); 500/day over 1,500 -> 15,000/month x $35/1000 = $525
    assert e.grounding is not None
    assert (e.grounding.free, e.grounding.billable) == (D(45_000), D(15_000))
    assert costs(e)["grounding"] == D("525")


def test_monthly_allowance_with_daily_usage(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000, grounded=True, requests=200, period="day")
    # 200/day = 6,000/month (30 days); 1,000/month over 5,000 -> 1,000/30 a day x $14/1000 = $0.4666.../day
    assert e.grounding is not None
    expected = Fraction(1_000, 30) * Fraction(14, 1_000)
    assert abs(Fraction(costs(e)["grounding"]) - expected) < Fraction(1, 10**20)
    # and over a month that is exactly the 1,000 billable queries: 30 x $0.4666... = $14.00
    assert abs(Fraction(costs(e)["grounding"]) * 30 - 14) < Fraction(1, 10**18)
    assert e.monthly_total is not None


def test_no_period_takes_one_allowance_period_with_a_notice(book: PriceBook) -> None:
    # Gemini 3: 2,000 requests taken as one month's, within 5,000 free
    g3 = price(book, input_tokens=1_000, grounded=True, requests=2_000)
    assert costs(g3)["grounding"] == D(0)
    assert [n.params for n in g3.notices if n.code == "grounding_one_period"] == [{"period": "month"}]
    # 2.5 Pro: 2,000 requests taken as one day's: 500 over x $35/1000 = $17.50
    g25 = price(book, "gemini-2.5-pro", input_tokens=1_000, grounded=True, requests=2_000)
    assert costs(g25)["grounding"] == D("17.50")
    assert [n.params for n in g25.notices if n.code == "grounding_one_period"] == [{"period": "day"}]


def test_with_a_period_there_is_no_one_period_assumption(book: PriceBook) -> None:
    e = price(book, "gemini-2.5-pro", input_tokens=1_000, grounded=True, requests=2_000, period="day")
    assert "grounding_one_period" not in codes(e)


def test_grounding_on_a_model_without_a_plan_is_unsupported(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature) as exc:
        price(book, "gemini-embedding-001", input_tokens=1_000, grounded=True)
    assert exc.value.params["feature"] == "grounding"


# --- retired and unknown models ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "successor", "shutdown", "total"),
    [
        # same prices as 3.1 Pro: 1M x $4.00 + 50k x $18.00
        ("gemini-3-pro-preview", "gemini-3.1-pro-preview", dt.date(2026, 3, 9), D("4.90")),
        # 1M x $0.10 + 50k x $0.40 = 0.10 + 0.02
        ("gemini-2.0-flash", "gemini-2.5-flash", dt.date(2026, 6, 1), D("0.12")),
        # 1M x $0.075 + 50k x $0.30 = 0.075 + 0.015
        ("gemini-2.0-flash-lite", "gemini-2.5-flash-lite", dt.date(2026, 6, 1), D("0.09")),
    ],
)
def test_retired_model_is_priced_with_a_warning_naming_its_successor(
    book: PriceBook, model: str, successor: str, shutdown: dt.date, total: D
) -> None:
    e = price(book, model, input_tokens=1_000_000, output_tokens=50_000)
    assert e.total == total
    retired = [n for n in e.notices if n.code == "retired_model"]
    assert [n.params for n in retired] == [{"model": model, "date": shutdown, "successor": successor}]


def test_current_model_has_no_retired_warning(book: PriceBook) -> None:
    assert "retired_model" not in codes(price(book, input_tokens=1))


@pytest.mark.parametrize("ref", ["gemini-9-ultra", "gemini-2.5-prro", "foo", "gpt-4o"])
def test_unknown_model_is_an_error_with_suggestions(book: PriceBook, ref: str) -> None:
    with pytest.raises(UnknownModel) as exc:
        book.resolve(ref)
    assert exc.value.ref == ref
    assert exc.value.code == "unknown_model"
    assert 1 <= len(exc.value.suggestions) <= 3
    assert all(book.get(s) for s in exc.value.suggestions)


def test_unknown_model_suggests_the_closest_name(book: PriceBook) -> None:
    with pytest.raises(UnknownModel) as exc:
        book.resolve("gemini-2.5-prro")
    assert exc.value.suggestions[0] == "gemini-2.5-pro"


@pytest.mark.parametrize("text", ["gemini-9-ultra 1M in", "model=foo 1M in", "1M in 50k out on gemini-9-ultra"])
def test_unknown_model_in_a_query_is_never_a_zero_dollar_answer(book: PriceBook, text: str) -> None:
    with pytest.raises(UnknownModel) as exc:
        parse_query(text, book)
    assert exc.value.suggestions


# --- context window ------------------------------------------------------------------------------


def test_prompt_over_the_context_window_is_an_error_with_a_request_count(book: PriceBook) -> None:
    with pytest.raises(ContextWindowExceeded) as exc:
        price(book, input_tokens=5_000_000, output_tokens=1_000)
    # 5M / 1,048,576 = 4.77 -> 5 requests
    assert exc.value.params == {
        "model": PRO,
        "prompt_tokens": D(5_000_000),
        "window": 1_048_576,
        "requests": 5,
    }


def test_context_window_through_the_parser(book: PriceBook) -> None:
    q = parse_query("5M in 1k out", book)
    assert q.usage is not None
    with pytest.raises(ContextWindowExceeded):
        estimate(book, q.usage, q.model)


def test_context_window_boundary(book: PriceBook) -> None:
    # exactly the window is accepted: 1,048,576 x $4.00 = $4.194304
    assert price(book, input_tokens=1_048_576).total == D("4.194304")
    with pytest.raises(ContextWindowExceeded) as exc:
        price(book, input_tokens=1_048_577)
    assert exc.value.params["requests"] == 2


# --- unsupported features ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "usage", "feature"),
    [
        ("gemini-embedding-001", dict(input_tokens=1_000, output_tokens=10), "output"),
        ("gemini-2.0-flash-lite", dict(input_tokens=1_000, cached_tokens=500), "caching"),
        ("gemini-embedding-001", dict(input_tokens=1_000, cached_tokens=500), "caching"),
    ],
)
def test_unsupported_features(book: PriceBook, model: str, usage: dict[str, int], feature: str) -> None:
    with pytest.raises(UnsupportedFeature) as exc:
        price(book, model, **usage)
    assert exc.value.params == {"model": model, "feature": feature}
    assert exc.value.code == "unsupported_feature"


def test_nothing_to_price_is_an_error(book: PriceBook) -> None:
    with pytest.raises(InvalidQuery) as exc:
        price(book)
    assert exc.value.code == "nothing_to_price"


# --- scheduled price changes ---------------------------------------------------------------------


def test_announced_price_change_is_a_notice_before_it_takes_effect(book: PriceBook) -> None:
    e = estimate(book, Usage(input_tokens=1_000_000), book.get("gemini-3.6-flash"), today=dt.date(2026, 11, 28))
    # 1M x $0.75 today
    assert e.total == D("0.75")
    changes = [n.params for n in e.notices if n.code == "price_change"]
    assert changes == [
        {"model": "gemini-3.6-flash", "date": dt.date(2027, 1, 1), "input": D("1.50"), "output": D("7.50")}
    ]


def test_scheduled_price_applies_once_in_effect(book: PriceBook) -> None:
    e = estimate(
        book,
        Usage(input_tokens=1_000_000, output_tokens=100_000),
        book.get("gemini-3.6-flash"),
        today=dt.date(2027, 2, 1),
    )
    # from 2027-01-01: 1M x $1.50 + 100k x $7.50 = 1.50 + 0.75
    assert e.total == D("2.25")


# --- compare -------------------------------------------------------------------------------------


def test_compare_is_ascending_excludes_retired_and_skips_unsupported(book: PriceBook) -> None:
    c = compare(book, Usage(input_tokens=1_000, cached_tokens=500, output_tokens=10))
    totals = [r.total for r in c.rows]
    assert totals == sorted(totals)
    ids = [r.model.id for r in c.rows]
    # shut-down models, and retiring ones of a generation no longer sold, only when asked for
    assert not {"gemini-3-pro-preview", "gemini-2.0-flash", "gemini-2.0-flash-lite", "gemini-1.5-pro", "gemini-pro"} & set(ids)
    assert {"gemini-2.5-pro", "gemini-2.5-flash"} <= set(ids)  # deprecated, but 2.5 Flash-Lite is GA
    # text usage lines up text models: no speech, Live or image models
    assert all(r.model.kind == "text" for r in c.rows)
    # embedding models make no output, so a usage with output is not theirs to price: left out rather
    # than listed as "not priced" (issue 18; they used to end the answer as skipped)
    assert c.skipped == ()
    # cheapest: 2.5 Flash-Lite, 500 x $0.10 + 500 x $0.01 + 10 x $0.40 = 0.00005 + 0.000005 + 0.000004
    assert (ids[0], totals[0]) == ("gemini-2.5-flash-lite", D("0.000059"))
    # dearest: 4 Argon (from 2026-12-01), 500 x $4.00 + 500 x $0.20 + 10 x $20.00 = 0.002 + 0.0001 + 0.0002
    assert (ids[-1], totals[-1]) == ("gemini-4-argon", D("0.00230"))
    assert PRO in ids
    assert len(ids) == 12


def test_compare_rows_equal_single_estimates(book: PriceBook) -> None:
    usage = Usage(input_tokens=300_000, output_tokens=2_000)
    for row in compare(book, usage).rows:
        assert row.total == estimate(book, usage, row.model).total, row.model.id


def test_compare_can_include_retired_models(book: PriceBook) -> None:
    c = compare(book, Usage(input_tokens=1_000, cached_tokens=500), include_retired=True)
    ids = {r.model.id for r in c.rows}
    assert {"gemini-3-pro-preview", "gemini-2.0-flash"} <= ids
    # no cache price
    assert set(c.skipped) == {
        "gemini-2.0-flash-lite",
        "gemini-embedding-001",
        "gemini-embedding-2",
        "gemini-1.0-pro-vision-001",
        "gemini-1.5-pro",
        "gemini-pro",
        "gemini-2.5-flash-preview",
    }


def test_compare_input_only_includes_embeddings(book: PriceBook) -> None:
    c = compare(book, Usage(input_tokens=1_000_000))
    rows = {r.model.id: r.total for r in c.rows}
    assert rows["gemini-embedding-001"] == D("0.15")  # 1M x $0.15
    assert c.skipped == ("gemini-embedding-2",)  # its window is 8,192 tokens


def test_compare_skips_models_whose_window_is_too_small(book: PriceBook) -> None:
    c = compare(book, Usage(input_tokens=2_000_000))
    assert PRO in c.skipped and "gemini-4-argon" in c.skipped and "gemini-2.5-pro" in c.skipped


# --- budget --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("budget_usd", "requests"),
    [
        (D(100), 20),  # floor($100 / $4.90) = floor(20.41) = 20
        (D(49), 10),  # $49 / $4.90 = exactly 10
        (D("48.99"), 9),  # floor(9.998) = 9
        (D("4.89"), 0),  # not even one
    ],
)
def test_budget_is_the_floor_of_budget_over_per_request_cost(book: PriceBook, budget_usd: D, requests: int) -> None:
    b = budget(book, Usage(input_tokens=1_000_000, output_tokens=50_000), budget_usd)
    assert b.per_request.total == D("4.90")  # 1M x $4.00 + 50k x $18.00
    assert b.requests == requests
    assert b.model.id == PRO


def test_budget_ignores_the_request_count_and_period(book: PriceBook) -> None:
    b = budget(book, Usage(input_tokens=1_000_000, output_tokens=50_000, requests=100, period="day"), D(100))
    assert (b.per_request.total, b.requests) == (D("4.90"), 20)


def test_budget_bills_grounding_without_the_free_allowance(book: PriceBook) -> None:
    b = budget(book, Usage(input_tokens=1_000, grounded=True), D(1))
    # per request: 1k x $2.00 + 1 query x $14/1000 = 0.002 + 0.014 = $0.016; floor($1 / $0.016) = 62
    assert b.per_request.total == D("0.016")
    assert b.requests == 62
    assert "budget_grounding_no_allowance" in codes(b)
    assert not [c for c in codes(b) if c.startswith("grounding_")]


def test_budget_on_a_named_model(book: PriceBook) -> None:
    b = budget(book, Usage(input_tokens=100_000, output_tokens=1_000), D(10), book.get("gemini-2.5-flash-lite"))
    # per request: 100k x $0.10 + 1k x $0.40 = 0.01 + 0.0004 = $0.0104; floor(10 / 0.0104) = floor(961.5) = 961
    assert (b.per_request.total, b.requests) == (D("0.0104"), 961)


@pytest.mark.parametrize("amount", [D(0), D(-5)])
def test_budget_must_be_positive(book: PriceBook, amount: D) -> None:
    with pytest.raises(InvalidQuery) as exc:
        budget(book, Usage(input_tokens=1_000), amount)
    assert exc.value.code == "bad_budget"


def test_budget_through_the_parser(book: PriceBook) -> None:
    q = parse_query("how many 1M in 50k out for $100", book)
    assert (q.intent, q.budget_usd) == ("budget", D(100))
    assert q.usage is not None
    assert budget(book, q.usage, q.budget_usd, q.model).requests == 20  # floor(100 / 4.90)


# --- every error is typed ------------------------------------------------------------------------


def test_all_engine_errors_are_pricing_errors() -> None:
    for cls in (InvalidQuery, UnknownModel, ContextWindowExceeded, UnsupportedFeature):
        assert issubclass(cls, PricingError)


def test_daily_usage_also_has_a_monthly_total_of_30_days(book: PriceBook) -> None:
    e = price(book, input_tokens=1_000_000, output_tokens=50_000, requests=100, period="day")
    # 100 x $4.90 = $490.00 a day; x 30 days = $14,700.00 a month
    assert (e.total, e.monthly_total) == (D("490.00"), D("14700.00"))
    assert price(book, input_tokens=1, period="month").monthly_total is None


def test_one_search_per_prompt_is_a_stated_assumption_for_query_billed_plans(book: PriceBook) -> None:
    assert "grounding_one_search" in codes(price(book, input_tokens=1_000, grounded=True))
    assert "grounding_one_search" not in codes(price(book, input_tokens=1_000, grounded=True, searches_per_request=2))
    # per-prompt plans need no such assumption
    assert "grounding_one_search" not in codes(price(book, "gemini-2.5-pro", input_tokens=1_000, grounded=True))
