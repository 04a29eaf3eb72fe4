"""The self-check before a price (pricing/query/selfcheck.py): a reading that does not account for the
question's numbers and period words the way it says is asked about, never priced."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pricing import Ambiguous, PriceBook, parse_query
from pricing.query.read import read_question
from pricing.query.selfcheck import check_reading

QUESTION = "2.5 flash 输入3千 输出5百 每天调用2万次 每月多少钱"


def _check(book: PriceBook, question: str, change: dict[str, object], usage_change: dict[str, object]) -> None:
    query = parse_query(question, book)
    assert query.usage is not None
    wrong = replace(query, usage=replace(query.usage, **usage_change), **change)  # type: ignore[arg-type]
    reading = read_question(question, book)
    check_reading(wrong, reading.parts, reading.tokens, lambda text: parse_query(text, book, check=False))


def test_the_right_reading_passes(book: PriceBook) -> None:
    _check(book, QUESTION, {}, {})  # no error


def test_a_daily_count_read_as_monthly_is_asked_about(book: PriceBook) -> None:
    # the misreading issue 19 found: 每天 tied to the count became 每月, and 每月 (asked) became the day
    with pytest.raises(Ambiguous) as caught:
        _check(book, QUESTION, {"asked_period": "day"}, {"period": "month"})
    assert caught.value.reason == "self_check" and caught.value.readings == ()


def test_an_asked_period_that_is_not_the_headline_is_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as caught:
        _check(book, QUESTION, {"asked_period": None}, {})
    assert caught.value.reason == "self_check"


def test_a_number_the_reading_does_not_use_is_asked_about(book: PriceBook) -> None:
    # pairing that took 2万 as 2,000 requests: the amount 20,000 is nowhere in the reading
    query = parse_query(QUESTION, book)
    assert query.usage is not None
    reading = read_question(QUESTION, book)
    reading.parts.requests = reading.parts.requests / 10 if reading.parts.requests else None
    wrong = replace(query, usage=replace(query.usage, requests=2000))
    with pytest.raises(Ambiguous) as caught:
        check_reading(wrong, reading.parts, reading.tokens, lambda text: parse_query(text, book, check=False))
    assert caught.value.reason == "self_check"
