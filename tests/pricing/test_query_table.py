"""The query language as a table: English, Chinese (Simplified, Traditional) and mixed text with its parsed meaning.

Every form in DESIGN section 1's table appears at least once.
"""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from pricing import Ambiguous, InvalidQuery, PriceBook, PricingError, UnknownModel, parse_query
from pricing.query import Query

PRO31 = "gemini-3.1-pro-preview"
PRO3 = "gemini-3-pro-preview"
PRO25 = "gemini-2.5-pro"
FLASH25 = "gemini-2.5-flash"
LITE25 = "gemini-2.5-flash-lite"
FLASH20 = "gemini-2.0-flash"
FLASH_NEWEST = "gemini-3.8-flash"  # bare `flash`: the newest generally available Flash
LITE_NEWEST = "gemini-3.5-flash-lite"  # bare `flash-lite`

M, K = 1_000_000, 1_000


def meaning(q: Query) -> dict[str, Any]:
    """What a user would see the parser understood, as plain values."""
    out: dict[str, Any] = dict(
        intent=q.intent,
        models=tuple(m.id for m in q.models),
        budget_usd=q.budget_usd,
        budget_cny=q.budget_cny,
        want_cny=q.want_cny,
        public=q.public,
    )
    u = q.usage
    out["usage"] = (
        None
        if u is None
        else dict(
            input=u.input_tokens,
            cached=u.cached_tokens,
            output=u.output_tokens,
            storage=u.storage_tokens,
            hours=u.storage_hours,
            requests=u.requests,
            period=u.period,
            batch=u.batch,
            grounded=u.grounded,
            searches=u.searches_per_request,
        )
    )
    return out


def est(
    intent: str = "estimate",
    *,
    input: int = 0,
    cached: int = 0,
    output: int = 0,
    storage: int = 0,
    hours: D | int = 0,
    requests: int = 1,
    period: str | None = None,
    batch: bool = False,
    grounded: bool = False,
    searches: int = 1,
    models: tuple[str, ...] | str = (),
    budget_usd: D | int | None = None,
    budget_cny: D | int | None = None,
    want_cny: bool = False,
    public: bool = False,
) -> dict[str, Any]:
    """The expected meaning of a question about an amount (estimate, compare or budget)."""
    return dict(
        intent=intent,
        models=(models,) if isinstance(models, str) else models,
        budget_usd=None if budget_usd is None else D(budget_usd),
        budget_cny=None if budget_cny is None else D(budget_cny),
        want_cny=want_cny,
        public=public,
        usage=dict(
            input=input,
            cached=cached,
            output=output,
            storage=storage,
            hours=D(hours),
            requests=requests,
            period=period,
            batch=batch,
            grounded=grounded,
            searches=searches,
        ),
    )


def ask(intent: str, models: tuple[str, ...] | str = ()) -> dict[str, Any]:
    """The expected meaning of a question without an amount (rates, free_tier, help)."""
    return dict(
        intent=intent,
        models=(models,) if isinstance(models, str) else models,
        budget_usd=None,
        budget_cny=None,
        want_cny=False,
        public=False,
        usage=None,
    )


TABLE: list[Any] = [
    # --- amounts, English ------------------------------------------------------------------------
    ("1M in 50k out", est(input=M, output=50 * K)),
    ("1200 in", est(input=1200)),
    ("1,200 in", est(input=1200)),
    ("1,200,000 in", est(input=1_200_000)),
    ("1.2k in", est(input=1200)),
    ("1.2K in", est(input=1200)),
    ("50K out", est(output=50 * K)),
    ("0.5m in", est(input=500 * K)),
    ("1.5m in 0.25m out", est(input=1_500_000, output=250 * K)),
    ("2B in", est(input=2_000_000_000)),
    ("2 billion in", est(input=2_000_000_000)),
    ("1 million in", est(input=M)),
    ("50 thousand out", est(output=50 * K)),
    ("1 million tokens in and 50 thousand tokens out", est(input=M, output=50 * K)),
    ("1M tokens in 50k tokens out", est(input=M, output=50 * K)),
    ("0.0001m in", est(input=100)),
    ("200k in", est(input=200 * K)),
    ("200001 in", est(input=200_001)),
    ("1e9 in", est(input=1_000_000_000)),
    ("2.5e5 in", est(input=250_000)),
    # --- labels before and after the amount -------------------------------------------------------
    ("in 1M out 50k", est(input=M, output=50 * K)),
    ("in 1M, out 50k", est(input=M, output=50 * K)),
    ("1M input 50k output", est(input=M, output=50 * K)),
    ("input 1M output 50k", est(input=M, output=50 * K)),
    ("1M prompt 50k completion", est(input=M, output=50 * K)),
    ("prompt 1M completion 50k", est(input=M, output=50 * K)),
    ("input=1M", est(input=M)),
    ("input = 1M output=50k", est(input=M, output=50 * K)),
    ("input: 1M", est(input=M)),
    ("50k out 1M in", est(input=M, output=50 * K)),
    ("1M in/50k out", est(input=M, output=50 * K)),
    ("in: 1M out: 50k", est(input=M, output=50 * K)),
    ("1M input tokens, 50k output tokens", est(input=M, output=50 * K)),
    ("1M-in 50k-out", est(input=M, output=50 * K)),
    # --- amounts and labels, Chinese --------------------------------------------------------------
    ("输入100万 输出5万", est(input=M, output=50 * K)),
    ("输入1200", est(input=1200)),
    ("输入1.2千", est(input=1200)),
    ("输入5万", est(input=50 * K)),
    ("输入100万", est(input=M)),
    ("输入1千万", est(input=10 * M)),
    ("输入1亿", est(input=100 * M)),
    ("100万输入", est(input=M)),
    ("100万输入 5万输出", est(input=M, output=50 * K)),
    ("20万输入", est(input=200 * K)),
    ("输入：100万", est(input=M)),
    ("输入100万，输出5万", est(input=M, output=50 * K)),
    ("输入 五万", est(input=50 * K)),
    ("五万输入", est(input=50 * K)),
    ("一百万输入 两千输出", est(input=M, output=2000)),
    ("二十万输入", est(input=200 * K)),
    ("一千二百输入", est(input=1200)),
    ("一亿五千万输入", est(input=150 * M)),
    ("输入一百万输出五万", est(input=M, output=50 * K)),
    ("输入五万", est(input=50 * K)),
    ("输入一百万", est(input=M)),
    ("输出两千", est(output=2000)),
    ("输入一百万 输出五万", est(input=M, output=50 * K)),
    ("输入五万输出两千缓存一万", est(input=50 * K, output=2000, cached=10 * K)),
    ("输入一百万，输出五万，每天一百次", est(input=M, output=50 * K, requests=100, period="day")),
    ("输入十万", est(input=100 * K)),  # a numeral of units only
    ("十万输入", est(input=100 * K)),
    ("输入十万 输出一万", est(input=100 * K, output=10 * K)),
    ("输入百万", est(input=M)),
    ("输入100万 十次", est(input=M, requests=10)),
    # --- Traditional Chinese ----------------------------------------------------------------------
    ("輸入100萬 輸出5萬", est(input=M, output=50 * K)),
    ("輸入1億", est(input=100 * M)),
    ("輸入 兩千", est(input=2000)),
    ("兩千輸入", est(input=2000)),
    ("緩存80萬 輸入100萬", est(input=M, cached=800 * K)),
    ("輸入100萬 批處理", est(input=M, batch=True)),
    ("輸入100萬 聯網搜尋", est(input=M, grounded=True)),
    ("輸入100萬 每日10次", est(input=M, requests=10, period="day")),
    ("輸入100萬 100個請求", est(input=M, requests=100)),
    ("輸入100萬 100 次請求", est(input=M, requests=100)),
    ("緩存 100萬 2小時", est(storage=M, hours=2)),
    ("輸入100萬 輸出5萬 用人民幣", est(input=M, output=50 * K, want_cny=True)),
    ("輸入兩千", est(input=2000)),
    # --- models as people say them ----------------------------------------------------------------
    ("3 pro 1M in", est(input=M, models=PRO3)),
    ("gemini 3 pro 1M in", est(input=M, models=PRO3)),
    ("1m in 50k out on gemini 3 pro", est(input=M, output=50 * K, models=PRO3)),
    ("3.1 pro 1M in", est(input=M, models=PRO31)),
    ("gemini 3.1 pro 200k in", est(input=200 * K, models=PRO31)),
    ("2.5 pro 1M in", est(input=M, models=PRO25)),
    ("Gemini 2.5 Pro 1M in", est(input=M, models=PRO25)),
    ("2.5 flash 1M in", est(input=M, models=FLASH25)),
    ("gemini 2.5 flash 1M in", est(input=M, models=FLASH25)),
    ("2.0 flash 1M in", est(input=M, models=FLASH20)),
    ("flash 1M in", est(input=M, models=FLASH_NEWEST)),
    ("flash-lite 1M in", est(input=M, models=LITE_NEWEST)),
    ("flash lite 1M in", est(input=M, models=LITE_NEWEST)),
    ("2.5 flash-lite 1M in", est(input=M, models=LITE25)),
    ("2.5 flash lite 1M in", est(input=M, models=LITE25)),
    ("3 flash 1M in", est(input=M, models="gemini-3-flash-preview")),
    ("3.5 flash 1M in", est(input=M, models="gemini-3.5-flash")),
    ("pro 1M in", est(input=M, models=PRO31)),
    ("embedding 1M in", est(input=M, models="gemini-embedding-001")),
    ("gemini-2.5-pro 1M in", est(input=M, models=PRO25)),
    ("GEMINI-2.5-PRO 1M in", est(input=M, models=PRO25)),
    ("gemini-3.1-pro-preview 1M in", est(input=M, models=PRO31)),
    ("gemini-3-pro-preview 1M in", est(input=M, models=PRO3)),
    ("gemini-2.5-flash-lite 1M in", est(input=M, models=LITE25)),
    ("gemini-2.0-flash-lite 1M in", est(input=M, models="gemini-2.0-flash-lite")),
    ("model=gemini-2.5-pro 1M in", est(input=M, models=PRO25)),
    ("model = 2.5 flash 1M in", est(input=M, models=FLASH25)),
    ("model: 2.5 flash 1M in", est(input=M, models=FLASH25)),
    ("用2.5 pro 输入100万 输出5万", est(input=M, output=50 * K, models=PRO25)),
    # --- request counts ---------------------------------------------------------------------------
    ("1M in x100", est(input=M, requests=100)),
    ("1M in ×100", est(input=M, requests=100)),
    ("1M in * 100", est(input=M, requests=100)),
    ("1M in 50k out *100", est(input=M, output=50 * K, requests=100)),
    ("1M in 50k out x 100", est(input=M, output=50 * K, requests=100)),
    ("1M in 50k out 100x", est(input=M, output=50 * K, requests=100)),
    ("1M in 100 requests", est(input=M, requests=100)),
    ("1M in 100 calls", est(input=M, requests=100)),
    ("输入100万 100次", est(input=M, requests=100)),
    ("输入100万 ×100次", est(input=M, requests=100)),
    ("输入100万 100 次请求", est(input=M, requests=100)),
    ("输入100万 100个请求", est(input=M, requests=100)),
    # --- periods ----------------------------------------------------------------------------------
    ("1M in x10 per day", est(input=M, requests=10, period="day")),
    ("1M in 10 calls daily", est(input=M, requests=10, period="day")),
    ("1M in 10/day", est(input=M, requests=10, period="day")),
    ("1M in 10 requests per month", est(input=M, requests=10, period="month")),
    ("1M in x10 monthly", est(input=M, requests=10, period="month")),
    ("1M in 50k out x100 per day", est(input=M, output=50 * K, requests=100, period="day")),
    ("输入100万 每天10次", est(input=M, requests=10, period="day")),
    ("输入100万 每日10个请求", est(input=M, requests=10, period="day")),
    ("输入100万 每月10次", est(input=M, requests=10, period="month")),
    ("输入100万 输出5万 每天100次", est(input=M, output=50 * K, requests=100, period="day")),
    ("每天100次 输入100万", est(input=M, requests=100, period="day")),
    # --- batch ------------------------------------------------------------------------------------
    ("1M in batch", est(input=M, batch=True)),
    ("输入100万 批量", est(input=M, batch=True)),
    ("输入100万 批处理", est(input=M, batch=True)),
    ("2.5 pro 输入100万 输出5万 批量 每月100次", est(input=M, output=50 * K, batch=True, requests=100, period="month", models=PRO25)),
    # --- search grounding -------------------------------------------------------------------------
    ("1M in with search", est(input=M, grounded=True)),
    ("1M in grounded", est(input=M, grounded=True)),
    ("1M in grounding", est(input=M, grounded=True)),
    ("1M in with 3 searches", est(input=M, grounded=True, searches=3)),
    ("输入100万 联网搜索", est(input=M, grounded=True)),
    ("输入100万 搜索", est(input=M, grounded=True)),
    ("输入100万 联网", est(input=M, grounded=True)),
    (
        "1M in 50k out 2.5 pro with search x 2000 per day",
        est(input=M, output=50 * K, models=PRO25, grounded=True, requests=2000, period="day"),
    ),
    (
        "输入100万 输出5万 2.5 pro 联网搜索 每天2000次",
        est(input=M, output=50 * K, models=PRO25, grounded=True, requests=2000, period="day"),
    ),
    # --- currency ---------------------------------------------------------------------------------
    ("1M in 50k out in CNY", est(input=M, output=50 * K, want_cny=True)),
    ("1M in 50k out RMB", est(input=M, output=50 * K, want_cny=True)),
    ("1M in 50k out in RMB", est(input=M, output=50 * K, want_cny=True)),
    ("2.5 pro 1M in 50k out in CNY", est(input=M, output=50 * K, models=PRO25, want_cny=True)),
    ("1M in in CNY", est(input=M, want_cny=True)),
    ("输入100万 输出5万 用人民币", est(input=M, output=50 * K, want_cny=True)),
    ("输入100万 人民币", est(input=M, want_cny=True)),
    ("输入100万 输出5万 人民币", est(input=M, output=50 * K, want_cny=True)),
    ("输入100万，输出5万，人民币", est(input=M, output=50 * K, want_cny=True)),
    # --- budgets ----------------------------------------------------------------------------------
    ("how many 1M in 50k out for $100", est("budget", input=M, output=50 * K, budget_usd=100)),
    (
        "how many requests of 1M in 50k out can I afford with $100",
        est("budget", input=M, output=50 * K, budget_usd=100),
    ),
    ("1M in 50k out budget $100", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("budget 100 dollars 1M in 50k out", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("$100 budget 1M in", est("budget", input=M, budget_usd=100)),
    ("100 usd budget 1M in", est("budget", input=M, budget_usd=100)),
    ("输入100万 输出5万 100美元能调用多少次", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("输入100万 输出5万 预算100美元", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("輸入100萬 輸出5萬 預算100美元", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("輸入100萬 輸出5萬 100美元能調用多少次", est("budget", input=M, output=50 * K, budget_usd=100)),
    ("预算700元 输入100万", est("budget", input=M, budget_cny=700)),
    ("how many 1M in 50k out for ¥700", est("budget", input=M, output=50 * K, budget_cny=700)),
    # --- cache hits and cache storage -------------------------------------------------------------
    ("1M in 800k cached", est(input=M, cached=800 * K)),
    ("1M in, 800k cached", est(input=M, cached=800 * K)),
    ("1M in cached 800k", est(input=M, cached=800 * K)),
    ("cached 800k 1M in", est(input=M, cached=800 * K)),
    ("1M in 800k cached 50k out", est(input=M, cached=800 * K, output=50 * K)),
    ("800k cached", est(input=800 * K, cached=800 * K)),
    ("输入100万 缓存80万", est(input=M, cached=800 * K)),
    ("缓存80万 输入100万", est(input=M, cached=800 * K)),
    ("缓存命中80万 输入100万", est(input=M, cached=800 * K)),
    ("输入100万 缓存80万 输出5万 2.5 pro", est(input=M, cached=800 * K, output=50 * K, models=PRO25)),
    ("cache 1M for 2h", est(storage=M, hours=2)),
    ("cache 500k for 30 minutes", est(storage=500 * K, hours=D("0.5"))),
    ("cache 1M for 1 day", est(storage=M, hours=24)),
    ("1M in cache 1M for 2 hours", est(input=M, storage=M, hours=2)),
    ("storage 1M for 2h", est(storage=M, hours=2)),
    ("缓存 100万 2小时", est(storage=M, hours=2)),
    ("cache storage 1M for 1 hour", est(storage=M, hours=1)),
    ("cache storage 1M for 2h", est(storage=M, hours=2)),
    ("1M in cache storage 500k for 3 hours", est(input=M, storage=500 * K, hours=3)),
    # --- intents: compare, rates, free tier, help -------------------------------------------------
    ("compare 1M in 50k out", est("compare", input=M, output=50 * K)),
    ("比较 输入100万", est("compare", input=M)),
    ("compare 2.5 pro vs 2.5 flash 1M in", est("compare", input=M, models=(PRO25, FLASH25))),
    ("2.5 pro vs 3.1 pro 1M in", est("compare", input=M, models=(PRO25, PRO31))),
    ("rates", ask("rates")),
    ("price list", ask("rates")),
    ("价格", ask("rates")),
    ("compare", ask("rates")),
    ("rates 2.5 pro", ask("rates", PRO25)),
    ("2.5 pro price", ask("rates", PRO25)),
    ("2.5 pro 价格", ask("rates", PRO25)),
    ("rates for flash", ask("rates", FLASH_NEWEST)),
    ("free tier", ask("free_tier")),
    ("免费额度", ask("free_tier")),
    ("免費額度", ask("free_tier")),
    ("free tier 2.5 flash", ask("free_tier", FLASH25)),
    ("2.5 flash 免费额度", ask("free_tier", FLASH25)),
    ("help", ask("help")),
    ("帮助", ask("help")),
    ("幫助", ask("help")),
    ("", ask("help")),
    # --- public answers and noise -----------------------------------------------------------------
    ("1M in 50k out public", est(input=M, output=50 * K, public=True)),
    ("公开 输入100万", est(input=M, public=True)),
    ("<!channel> 1M in 50k out", est(input=M, output=50 * K)),
    ("<https://example.com|link> 1M in", est(input=M)),
    ("<@U123ABC> 1M in 50k out", est(input=M, output=50 * K)),
]


@pytest.mark.parametrize(("text", "expected"), TABLE)
def test_query_meaning(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


def test_table_is_big_enough() -> None:
    texts = [row[0] if isinstance(row, tuple) else row.values[0] for row in TABLE]
    assert len(texts) >= 120
    assert len([t for t in texts if any("\u3400" <= ch <= "\u9fff" for ch in t)]) >= 40


def test_bare_names_say_which_model_they_meant(book: PriceBook) -> None:
    q = parse_query("flash 1M in", book)
    assert q.model_refs == ("flash",)
    assert q.models[0].status == "ga"


def test_two_unlabeled_amounts_are_asked_about_with_both_readings(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query("1M 50k on 2.5 flash x10", book)
    assert exc.value.reason == "unlabeled_amount"
    readings = [meaning(parse_query(r, book)) for r in exc.value.readings]
    assert readings == [
        est(models=(FLASH25,), input=M, output=50 * K, requests=10),
        est(models=(FLASH25,), input=50 * K, output=M, requests=10),
    ]


def test_one_unlabeled_amount_beside_a_labelled_one_is_offered_as_the_part_left_or_a_count(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query("input 50k and 2k", book)
    readings = [meaning(parse_query(r, book)) for r in exc.value.readings]
    assert readings == [est(input=50 * K, output=2 * K), est(input=50 * K, requests=2 * K)]


def test_money_without_a_budget_question_is_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query("1M in 50k out $30", book)
    assert [meaning(parse_query(r, book))["intent"] for r in exc.value.readings] == ["budget"]


def test_cached_alone_is_an_all_cached_prompt_with_a_notice(book: PriceBook) -> None:
    q = parse_query("800k cached", book)
    assert [n.code for n in q.notices] == ["assumed_all_cached"]


def test_a_period_with_no_request_count_is_asked_about(book: PriceBook) -> None:
    for text in ("1M in per day", "输入100万 每天", "輸入100萬 每日"):
        with pytest.raises(Ambiguous):
            parse_query(text, book)


def test_a_word_it_cannot_place_is_asked_about_never_ignored(book: PriceBook) -> None:
    # a word with a price stem (vocab.PRICE_STEMS); one with none, apart from the amounts, is filler (`asdfgh`)
    assert meaning(parse_query("1M in 50k out asdfgh", book)) == est(input=M, output=50 * K)
    with pytest.raises(Ambiguous) as exc:
        parse_query("1M in 50k out quarterly", book)
    assert (exc.value.reason, exc.value.params["words"]) == ("unknown_words", "quarterly")
    # the reading offered is the question without the word
    assert [meaning(parse_query(r, book)) for r in exc.value.readings] == [est(input=M, output=50 * K)]


# --- bad input: a typed error with a code --------------------------------------------------------

BAD: list[Any] = [
    ("-5k in 10k out", InvalidQuery, "negative_amount"),
    ("-1M in", InvalidQuery, "negative_amount"),
    ("1M in -50k out", InvalidQuery, "negative_amount"),
    ("1M in x -5", InvalidQuery, "negative_amount"),
    ("1M in x0", InvalidQuery, "bad_request_count"),
    ("in=-5k", InvalidQuery, "negative_amount"),
    ("输入 -5万", InvalidQuery, "negative_amount"),
    ("1M in 50k out ¥-5", InvalidQuery, "negative_amount"),
    ("输入-5万", InvalidQuery, "negative_amount"),
    ("gemini-9-ultra 1M in", UnknownModel, "unknown_model"),
    ("price of gemini-9-ultra", UnknownModel, "unknown_model"),
    ("model=foo 1M in", UnknownModel, "unknown_model"),
    ("1M in 50k out on gpt-4", UnknownModel, "unknown_model"),
    ("claude 1M in", UnknownModel, "unknown_model"),
    ("gemini-9 1M in", UnknownModel, "unknown_model"),
    ("1M in 2M in", InvalidQuery, "duplicate_part"),
    ("1M in 50k out 60k out", InvalidQuery, "duplicate_part"),
    ("1M in x100 per day 50 per month", InvalidQuery, "duplicate_part"),
    ("1M in per day per month", Ambiguous, "ambiguous"),  # no count for either period: how many requests?
    ("x100 x200 1M in", InvalidQuery, "duplicate_part"),
    ("1M in $100 $200", InvalidQuery, "duplicate_part"),
    ("1.5 in", InvalidQuery, "fractional_tokens"),
    ("1.2345k in", InvalidQuery, "fractional_tokens"),
    ("1e-5 in", InvalidQuery, "fractional_tokens"),
    ("storage 1M", InvalidQuery, "storage_needs_hours"),
    ("cache storage 1M", InvalidQuery, "storage_needs_hours"),
    ("1M in for 2h", InvalidQuery, "hours_need_storage"),
    ("1M 2M 3M", Ambiguous, "ambiguous"),
    ("100k in 200k cached", InvalidQuery, "cached_exceeds_input"),
    ("9999999999999 in", InvalidQuery, "amount_too_large"),
    ("999999999999999999999999 in", InvalidQuery, "amount_too_large"),
    ("how many for $100", Ambiguous, "ambiguous"),
    ("预算100美元", Ambiguous, "ambiguous"),
    ("asdf qwerty", InvalidQuery, "not_understood"),
    ("asdfgh qwerty", InvalidQuery, "not_understood"),
    ("budget $-5 1M in", InvalidQuery, "negative_amount"),
]


@pytest.mark.parametrize(("text", "error", "code"), BAD)
def test_bad_input_is_a_typed_error(book: PriceBook, text: str, error: type[PricingError], code: str) -> None:
    with pytest.raises(error) as exc:
        parse_query(text, book)
    assert exc.value.code == code


def test_unknown_model_error_carries_the_name_and_suggestions(book: PriceBook) -> None:
    with pytest.raises(UnknownModel) as exc:
        parse_query("gemini-9-ultra 1M in", book)
    assert exc.value.ref == "gemini-9-ultra"
    assert exc.value.suggestions and all(book.get(s) for s in exc.value.suggestions)


def test_negative_amount_error_names_the_amount(book: PriceBook) -> None:
    with pytest.raises(InvalidQuery) as exc:
        parse_query("-5k in 10k out", book)
    assert exc.value.params == {"amount": "-5k"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10k/2k in/out on 2.5 flash", est(input=10 * K, output=2 * K, models=(FLASH25,))),
        ("in/out: 8k/1k x100", est(input=8 * K, output=K, requests=100)),
        ("i/o 10k/2k", est(input=10 * K, output=2 * K)),
        ("幫我算 輸入5萬 輸出2千 乘以300次", est(input=50 * K, output=2 * K, requests=300)),
        ("2.5 flash 5万输入 3千输出 100次/天", est(input=50 * K, output=3 * K, requests=100, period="day", models=(FLASH25,))),
        ("30k in 3k out, 40% cached", est(input=30 * K, cached=12 * K, output=3 * K)),
        ("3 flash 输入 5万 输出 3千 一共 1000 次", est(input=50 * K, output=3 * K, requests=1000, models=("gemini-3-flash-preview",))),
        ("输入一万五 输出两千五", est(input=15 * K, output=2500)),
        # digits and units mixed, as typed on a phone: the unit left unsaid after a single digit
        ("输入1万5千 输出2千", est(input=15 * K, output=2 * K)),
        ("輸入25萬 輸出1萬5千", est(input=250 * K, output=15 * K)),
        ("输入1万5 输出2千5", est(input=15 * K, output=2500)),
        ("输入3万2千5百 输出800", est(input=32_500, output=800)),
        ("输入5千 输出1千 1万5次", est(input=5 * K, output=K, requests=15 * K)),
    ],
)
def test_forms_people_type(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


def test_images_by_count_on_an_image_model_are_generated_images(book: PriceBook) -> None:
    q = parse_query("50 images with 3.1 flash image", book)
    assert q.usage is not None and q.usage.output_images == 50 and q.model is not None and q.model.kind == "image"


@pytest.mark.parametrize("text", ["cost to make 50 pictures at 1024x1024", "画一张图多少钱", "how much to generate 40 pictures with flash"])
def test_images_with_no_image_model_are_asked_about_with_each_image_model_as_a_reading(book: PriceBook, text: str) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query(text, book)
    readings = [parse_query(r, book) for r in exc.value.readings]
    assert readings and all(r.model is not None and r.model.kind == "image" and r.usage.output_images for r in readings)  # type: ignore[union-attr]


def test_images_to_read_are_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous):
        parse_query("describe 100 photos with 2.5 flash", book)


@pytest.mark.parametrize("text", ["输入10万5 输出1千", "输入1万 5千 输出1千"])
def test_digits_after_a_unit_that_could_be_read_two_ways_are_asked_about(book: PriceBook, text: str) -> None:
    """`10万5` is 105,000 to some and 150,000 to others; `1万 5千` with a space may be two amounts."""
    with pytest.raises(Ambiguous):
        parse_query(text, book)


@pytest.mark.parametrize(
    ("text", "model"),
    [
        ("search grounding price per 1000?", None),
        ("grounding cost per 1k searches on 2.5 flash", FLASH25),
        ("联网搜索每1000次多少钱", None),
        ("每1000次联网搜索的价格 2.5 flash", FLASH25),
    ],
)
def test_the_price_per_1000_searches_is_the_grounding_rate_not_a_usage(book: PriceBook, text: str, model: str | None) -> None:
    """Google prices grounding per 1,000 queries; asking "per 1000" asks that rate (with its allowance)."""
    q = parse_query(text, book)
    assert (q.intent, q.topic, q.usage) == ("topic", "grounding", None)
    assert [m.id for m in q.models] == ([model] if model else [])


def test_a_thousand_grounded_prompts_is_a_count_of_grounded_requests(book: PriceBook) -> None:
    """As `grounding for 1000 queries`: the grounding fee of that many requests, no tokens assumed."""
    assert meaning(parse_query("1000 grounded prompts on flash", book)) == est(requests=K, grounded=True, models=("gemini-3.8-flash",))


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("cache 1M tokens for one hour on 2.5 flash", "1"),
        ("cache 1M tokens for an hour on 2.5 flash", "1"),
        ("price of caching 1M tokens for half an hour on 2.5 flash", "0.5"),
        ("缓存100万token 半小时 2.5 flash", "0.5"),
        ("快取100萬token 一小時 2.5 flash", "1"),
    ],
)
def test_durations_said_in_words_are_storage_hours(book: PriceBook, text: str, hours: str) -> None:
    q = parse_query(text, book)
    assert q.usage is not None and q.usage.storage_tokens == 1_000_000 and q.usage.storage_hours == D(hours)
    assert q.usage.cached_tokens == 0  # storage, not a prompt read from the cache


@pytest.mark.parametrize(
    "text", ["10k in 1k out, hour", "1M in, hours", "1000 requests an hour, 10k in 1k out", "一小时1000次请求 输入1万 输出1千"]
)
def test_a_duration_word_with_no_amount_is_asked_about_never_dropped(book: PriceBook, text: str) -> None:
    with pytest.raises(Ambiguous):
        parse_query(text, book)


def test_is_batch_cheaper_on_a_named_model_is_that_model_with_batch(book: PriceBook) -> None:
    q = parse_query("is batch cheaper for 3.8 flash? 200k in 10k out x 5000", book)
    assert (q.intent, [m.id for m in q.models]) == ("estimate", ["gemini-3.8-flash"])
    assert q.usage is not None and q.usage.batch and q.usage.requests == 5000


@pytest.mark.parametrize(
    ("text", "requests", "period"),
    [
        ("100 users x 20 messages a day, each 2k in 300 out, flash", 2000, "day"),
        ("300 users, 20 requests each per day, 10k in 1k out", 6000, "day"),
        ("帮我算算 一共500个用户 每人每天聊20次 每次输入2千 输出300 3 flash", 10_000, "day"),
        ("300位使用者 每人每天20次 輸入1萬 輸出1千", 6000, "day"),
    ],
)
def test_users_times_requests_per_user(book: PriceBook, text: str, requests: int, period: str) -> None:
    q = parse_query(text, book)
    assert q.usage is not None and (q.usage.requests, q.usage.period) == (requests, period)


@pytest.mark.parametrize("text", ["给300个用户用 每次输入1万 输出1千 flash", "10k in 1k out for 300 people on flash"])
def test_users_are_not_requests(book: PriceBook, text: str) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query(text, book)
    assert exc.value.reason == "people"


@pytest.mark.parametrize(
    ("text", "value"),
    [("3.1 pro 输入20万零1 输出1千", 200_001), ("输入1万零500 输出2千", 10_500), ("把一个20万token的文档缓存12小时 3 flash多少钱", 200_000)],
)
def test_chinese_zero_and_article_forms(book: PriceBook, text: str, value: int) -> None:
    u = parse_query(text, book).usage
    assert u is not None and value in (u.input_tokens, u.storage_tokens)


@pytest.mark.parametrize("text", ["argon price per 1M output tokens?", "2.5 flash 一百万输入token多少钱", "請問 2.5 flash-lite 每百萬輸出多少錢"])
def test_the_price_of_a_million_labelled_tokens_is_the_rate(book: PriceBook, text: str) -> None:
    assert parse_query(text, book).intent == "rates"


def test_one_amount_with_in_and_out_is_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query("how much do 40k tokens in and out cost on 3 flash", book)
    (reading,) = exc.value.readings
    u = parse_query(reading, book).usage
    assert u is not None and (u.input_tokens, u.output_tokens) == (40_000, 40_000)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count times a size is not a picture: only with images in the question is 1024x1024 a size
        ("5k in 500 x100", est(input=5 * K, output=500, requests=100)),
        ("for 300 prompts of 12k tokens each, with 1k-token replies, on 2.5 pro", est(input=12 * K, output=K, requests=300, models=("gemini-2.5-pro",))),
        ("we fire 150 prompts a day, ~4k tokens per prompt, answers around 600 tokens, 3 flash",
         est(input=4 * K, output=600, requests=150, period="day", models=("gemini-3-flash-preview",))),
        ("一共500个prompt，每个prompt 6千token，回复1千，2.5 pro", est(input=6 * K, output=K, requests=500, models=("gemini-2.5-pro",))),
    ],
)
def test_prompts_counted_and_sizes_with_the_count_known(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


@pytest.mark.parametrize(
    ("text", "storage", "hours"),
    [
        ("keep 250k tokens in cache for 2 days on 3.1 pro", 250_000, 48),
        ("storing 900k tokens in the context cache for a whole day on 2.5 pro, what's that", 900_000, 24),
        ("把25万token的知识库缓存一整天 3 flash", 250_000, 24),
    ],
)
def test_tokens_kept_in_the_cache_for_a_time_are_storage(book: PriceBook, text: str, storage: int, hours: int) -> None:
    u = parse_query(text, book).usage
    assert u is not None and (u.storage_tokens, u.storage_hours, u.input_tokens) == (storage, hours, 0)


def test_tokens_in_cache_with_no_duration_are_the_cached_part_of_the_prompt(book: PriceBook) -> None:
    assert meaning(parse_query("200k in, 150k in cache, 2k out", book)) == est(input=200 * K, cached=150 * K, output=2 * K)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10k input tokens and 1k output tokens, 3k of the input is cached, 2.5 flash",
         est(input=10 * K, cached=3 * K, output=K, models=(FLASH25,))),
        ("联网搜索 每次查3次 输入2千 输出500 200次 pro",
         est(input=2 * K, output=500, requests=200, grounded=True, searches=3, models=("gemini-3.1-pro-preview",))),
    ],
)
def test_parts_named_as_people_write_them(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5k in 500 out x 1k per day for a month on 2.5 flash, total?", est(input=5 * K, output=500, requests=K, period="day", models=(FLASH25,))),
        ("embedding 60k product descriptions, 150 tokens apiece", est(input=150, requests=60 * K, models=("gemini-embedding-001",))),
        ("translate 2000 customer emails, 1k in 1k out each, flash", est(input=K, output=K, requests=2000, models=("gemini-3.8-flash",))),
    ],
)
def test_totals_asked_and_kinds_of_things_counted(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    query = parse_query(text, book)
    assert meaning(query) == expected
    if "for a month" in text:
        assert query.asked_period == "month"


def test_how_far_a_budget_goes_is_a_budget(book: PriceBook) -> None:
    q = parse_query("how far does $20 go at 1k in 100 out per call on flash lite", book)
    assert (q.intent, q.budget_usd) == ("budget", D(20))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (":moneybag: how much is 30k in 3k out on 2.5 flash", est(input=30 * K, output=3 * K, models=(FLASH25,))),
        ("*50k in* 5k out on flash", est(input=50 * K, output=5 * K, models=("gemini-3.8-flash",))),
        ("1k in 200 out *100", est(input=K, output=200, requests=100)),
        ("avg prompt 5k tkns, avg completion 700 tkns, 40k calls/mo, flash lite",
         est(input=5 * K, output=700, requests=40 * K, period="month", models=("gemini-3.5-flash-lite",))),
        ("输入正好20万 输出5千 3.1 pro", est(input=200 * K, output=5 * K, models=("gemini-3.1-pro-preview",))),
        ("單次呼叫多少錢：輸入1.2 萬，輸出 800，flash", est(input=12 * K, output=800, models=("gemini-3.8-flash",))),
        ("问题大概5千token，回答800token，3 flash，每天两千次",
         est(input=5 * K, output=800, requests=2 * K, period="day", models=("gemini-3-flash-preview",))),
        ("每天5千則訊息 每則輸入3千 輸出400 2.5 flash 一個月多少錢",
         est(input=3 * K, output=400, requests=5 * K, period="day", models=(FLASH25,))),
        ("每天3千次 每次输入4千 输出600 2.5 flash 按30天算一个月多少",
         est(input=4 * K, output=600, requests=3 * K, period="day", models=(FLASH25,))),
    ],
)
def test_slack_and_phone_typing(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("60 requests per minute, 1k in 200 out on flash", "per_minute"),
        ("每分钟60个请求 每次输入1千 输出200 flash", "per_minute"),
        ("how much to cache 300k tokens on 2.5 pro", "cache_what"),
        ("缓存30万token 用2.5 pro 多少钱", "cache_what"),
    ],
)
def test_a_rate_per_minute_and_caching_without_a_duration_are_asked_about(book: PriceBook, text: str, reason: str) -> None:
    with pytest.raises(Ambiguous) as exc:
        parse_query(text, book)
    assert exc.value.reason == reason
    assert all(parse_query(r, book).usage is not None for r in exc.value.readings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("batch job: 120k in (100k cached) 3k out x 400, 3 flash",
         est(input=120 * K, cached=100 * K, output=3 * K, requests=400, batch=True, models=("gemini-3-flash-preview",))),
        ("2,000 grounded prompts on 2.5 pro, 3k in 400 out each",
         est(input=3 * K, output=400, requests=2 * K, grounded=True, models=("gemini-2.5-pro",))),
        ("google search on, 4 queries per prompt, 1k prompts/day, 6k in 800 out, 3.1 pro",
         est(input=6 * K, output=800, requests=K, period="day", grounded=True, searches=4, models=("gemini-3.1-pro-preview",))),
        ("context cache of 600k tokens, TTL 36h, 3.1 pro", est(storage=600 * K, hours=36, models=("gemini-3.1-pro-preview",))),
        ("keep 500k tokens cached for half a day on 3.1 pro", est(storage=500 * K, hours=12, models=("gemini-3.1-pro-preview",))),
        ("embeddings: 250 tokens per chunk, 1.2M chunks, batch",
         est(input=250, requests=1_200_000, batch=True, models=("gemini-embedding-001",))),
        ("100美元够跑多少次 每次提示词1万 回复1千 3 flash",
         est("budget", input=10 * K, output=K, budget_usd=100, models=("gemini-3-flash-preview",))),
    ],
)
def test_forms_from_the_third_blind_set(book: PriceBook, text: str, expected: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == expected


def test_a_million_tokens_a_week_is_asked_about_not_answered_with_rates(book: PriceBook) -> None:
    with pytest.raises(Ambiguous):
        parse_query("1M tokens a week on flash lite, ballpark?", book)


# --- English as new writers put it (blind2-2026-12-07-en): one case per mechanism ---------------------------

ENGLISH_MECHANISMS: list[tuple[str, dict[str, Any]]] = [
    # a noun the tables do not know between an amount and its period is what is counted
    ("1.2k in 150 out, 40k lines a day", est(input=1200, output=150, requests=40 * K, period="day")),
    ("1k in 100 out, 400 convos/day", est(input=K, output=100, requests=400, period="day")),
    # things counted, then each and a count of their own: who makes the requests
    ("40 teachers each generate 5 quizzes a day, 3k in 2k out", est(input=3 * K, output=2 * K, requests=200, period="day")),
    ("200 campaigns x 50 variants, 700 in 150 out", est(input=700, output=150, requests=10 * K)),
    ("3,000 prompts x 4 runs, each 6k in 1k out", est(input=6 * K, output=K, requests=12 * K)),
    # a count per unit, in either order
    ("3000 sessions this month, 1 call per session, 2k in 1k out", est(input=2 * K, output=K, requests=3000, period="month")),
    # people after their number
    ("80k DAU, 3 calls per user per day, 1.5k in 250 out", est(input=1500, output=250, requests=240 * K, period="day")),
    # a product or chat word apart from the amounts, or before an amount its own label claims
    ("discord bot for my hobby server, 500 in 100 out", est(input=500, output=100)),
    ("support summarization: 8k in 300 out", est(input=8 * K, output=300)),
    # cached shares
    ("25k in, 20k of it from the context cache, 1.2k out", est(input=25 * K, cached=20 * K, output=1200)),
    ("20k input, all of it cached except 1k, 500 out", est(input=20 * K, cached=19 * K, output=500)),
    ("300k cached + 2k new in, 1k out", est(input=302 * K, cached=300 * K, output=K)),
    # a budget's currency after its period
    ("spending limit is 800/month USD, 12k in 1k out, how many per day",
     est("budget", input=12 * K, output=K, budget_usd=800)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "want"), ENGLISH_MECHANISMS)
def test_english_as_new_writers_put_it(book: PriceBook, text: str, want: dict[str, Any]) -> None:
    assert meaning(parse_query(text, book)) == want
