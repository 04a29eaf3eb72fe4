"""Readings offered under a question (issue 19, item 3): each is complete (pressing it prices, it does
not ask again) and uses every number as written; when none is, the question is asked with no buttons."""

from __future__ import annotations

import pytest

from pricing import Ambiguous, PriceBook, parse_query


def _readings(book: PriceBook, question: str) -> tuple[str, ...]:
    with pytest.raises(Ambiguous) as caught:
        parse_query(question, book)
    return caught.value.readings


@pytest.mark.parametrize(
    "question",
    [
        "summarize 500 PDFs of 50 pages each",  # was offered "50 requests · input 500 tokens": PDFs are not tokens
        # the reading left would price what the word may change (eleventh session: each had offered the wrong reading)
        "3 pro 幫我想配色，thinking 大概 8k，最後回答 1.2k，input 3.5k，一週 ~ 算了就當一天 6 次，一個月多少",  # was 26 a day
        "500 requests per minute, 1k in 200 out, 2.5 flash, monthly?",  # was 500 a month
        "过去三年每天1000次，输入1k输出200，过去三年一共花了多少钱",  # was the day's price, the span's total asked
        "月报 30 份，每份 2万 in 3000 out，2.5 flash 一天多少钱",  # was 30 a day (the start's own): 30 monthly reports
    ],
)
def test_no_reading_is_offered_when_none_is_plausible(book: PriceBook, question: str) -> None:
    assert _readings(book, question) == ()


def test_a_tier_boundary_is_no_amount(book: PriceBook) -> None:
    # was asked back with no reading (200k read as an amount of tokens); the number names the price tier's
    # boundary, so what is asked is how caching is billed
    query = parse_query("do cached tokens count toward the 200k threshold", book)
    assert (query.intent, query.topic, query.usage) == ("topic", "caching", None)


def test_a_number_readers_split_two_ways_offers_both_values_whole(book: PriceBook) -> None:
    # `10万5` was offered only as "input 5 tokens each" (10万 dropped): now 105,000 (10万5千) or 100,005
    readings = _readings(book, "10万5 in 1k out")
    inputs = [parse_query(r, book).usage.input_tokens for r in readings]  # type: ignore[union-attr]
    assert inputs == [105000, 100005]


def test_the_amount_left_over_is_offered_as_the_count(book: PriceBook) -> None:
    # was offered "每天 1 次请求": the 2000 was dropped
    (reading,) = _readings(book, "输入1千 输出1千 2000")
    query = parse_query(reading, book)
    assert query.usage is not None
    assert (query.usage.input_tokens, query.usage.output_tokens, query.usage.requests) == (1000, 1000, 2000)


def test_the_amount_a_period_word_opens_is_that_periods_count(book: PriceBook) -> None:
    # offered, then (2026-12-07) read: every token amount has its label, and 每天 opens the one left
    query = parse_query("输入1千 输出1千 每天2000", book)
    assert query.usage is not None
    assert (query.usage.input_tokens, query.usage.output_tokens, query.usage.requests, query.usage.period) == (1000, 1000, 2000, "day")


def test_a_bare_measure_word_after_a_daily_amount_counts_requests(book: PriceBook) -> None:
    # `每天2000个`: 个 names no thing, and a period opens it: 2,000 requests a day (it was asked back)
    usage = parse_query("输入1千 输出1千 每天2000个", book).usage
    assert usage is not None and (usage.requests, usage.period) == (2000, "day")


@pytest.mark.parametrize("question", ["5k in 500", "50k 5k", "输入1千 输出1千 2000", "2万 2千 2.5 pro"])
def test_every_offered_reading_prices_and_keeps_the_numbers(book: PriceBook, question: str) -> None:
    readings = _readings(book, question)
    assert readings
    for reading in readings:
        query = parse_query(reading, book)  # complete: no second question
        assert query.intent == "estimate"
        assert query.usage is not None
        figures = {query.usage.input_tokens, query.usage.output_tokens, query.usage.requests}
        for number in {"5k": 5000, "500": 500, "50k": 50000, "1千": 1000, "2000": 2000, "2万": 20000, "2千": 2000}.items():
            if number[0] in question.replace("2000个", "2000"):
                assert number[1] in figures, (question, reading)


def test_fifty_us_dollars_spaced_is_a_budget(book: PriceBook) -> None:
    query = parse_query("預算 50 美金，2.5 flash 每次輸入 1萬 輸出 1千，可以呼叫幾次", book)
    assert query.intent == "budget" and query.budget_usd == 50
