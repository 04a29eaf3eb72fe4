"""Budgets are read in dollars or yuan. A budget in another currency is asked back, never read as a
request count (`每月预算 5000 台币` was priced as 5,000 requests), and 塊/元 in a question written in
Traditional characters are New Taiwan dollars, the zh_TW reader's money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.answers.answerer import Answerer
from pricing import PriceBook, PricingError, parse_query
from pricing.engine import FxRate


@pytest.fixture(scope="module")
def answerer(book: PriceBook) -> Answerer:
    return Answerer(book, fx=FxRate(Decimal("7.10")), today=lambda: dt.date(2026, 12, 2))


@pytest.mark.parametrize(
    ("question", "lang", "shown"),
    [
        ("每月预算 5000 台币，用 2.5 flash 每次输入 2k 输出 300，每天可以调几次", "zh_CN", "新台币"),
        ("每個月預算台幣 5000，2.5 flash 輸入 2k 輸出 500，一天可以打幾次", "zh_TW", "新台幣"),
        ("我們一天預算 300 塊，3 flash 每次 1k 輸入 200 輸出，一天可以打幾次", "zh_TW", "新台幣"),
    ],
)
def test_a_budget_in_another_currency_is_asked_back_in_dollars_or_yuan(answerer: Answerer, question: str, lang: str, shown: str) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "clarify", reply.text
    assert shown in reply.text and ("美元" in reply.text)


@pytest.mark.parametrize(
    ("question", "budget"),
    [
        ("我们一天预算 300 块，3 flash 每次 1k 输入 200 输出，一天可以打几次", "每天预算 ¥300.00"),  # Simplified: yuan
        ("對岸客戶那邊給人民幣 3000 元一個月，2.5 flash 輸入 2 千輸出 500，每天能呼叫多少次", "每月预算 ¥3,000.00"),  # yuan named
        ("每天 50 块钱预算，2.5 flash-lite，每次输入 4000 输出 800，每天能调用多少次", "每天预算 ¥50.00"),  # spaced 块钱 is money
    ],
)
def test_yuan_budgets(answerer: Answerer, question: str, budget: str) -> None:
    reply = answerer.answer(question, "zh_CN")
    assert reply.intent == "budget", reply.text
    assert budget in reply.data["read_as"]


@pytest.mark.parametrize(
    ("question", "usd", "cny", "period", "asked"),
    [
        # a currency code before the number makes it money wherever it stands (`usd 900/month` was 900 requests a month)
        ("budget: usd 900/month on flash, 1k in 200 out, requests per day?", 900, None, "month", "day"),
        ("RMB 2000 a month budget, flash, 1k in 300 out, how many calls a day", None, 2000, "month", "day"),
        # a currency's name before the number, beside a budget word
        ("一個月給人民幣 3000 的預算，2.5 flash in 600 out 700，一個月能翻幾筆", None, 3000, "month", None),
        # the dollar sign after the number
        ("we got 300$/month for the pilot, 3 flash, 2.5k in 100 out per inspection. how many inspections per day is that", 300, None, "month", "day"),
    ],
)
def test_a_currency_said_around_the_number_makes_it_a_budget(
    book: PriceBook, question: str, usd: int | None, cny: int | None, period: str, asked: str | None
) -> None:
    query = parse_query(question, book)
    assert query.intent == "budget"
    assert (query.budget_usd, query.budget_cny, query.budget_period, query.asked_period) == (usd, cny, period, asked)


def test_a_currency_name_before_an_output_still_asks_for_the_answer_in_yuan(book: PriceBook) -> None:
    query = parse_query("2.5 flash 输出5万 人民币 多少", book)
    assert query.intent == "estimate" and query.budget_cny is None and query.want_cny


@pytest.mark.parametrize(
    ("question", "usd", "period", "asked"),
    [
        # the budget's period before it, past what the budget is for (`AI`, `API`, plain words)
        ("monthly AI budget USD 900, 2.5 flash, 1.6k in 1.7k out per segment - how many segments per day pls", 900, "month", "day"),
        ("daily API budget of $40 on 3 flash, 1k in 300 out, how many calls per day", 40, "day", None),
    ],
)
def test_the_budget_period_said_before_what_it_is_for(book: PriceBook, question: str, usd: int, period: str, asked: str | None) -> None:
    query = parse_query(question, book)
    assert (query.intent, query.budget_usd, query.budget_period, query.asked_period) == ("budget", usd, period, asked)


def test_hit_before_a_sum_of_money_reaches_it_no_cache_hit(book: PriceBook) -> None:
    query = parse_query("how many 7k in 700 out calls can i run before i hit $50 on 2.5 flash", book)
    assert query.intent == "budget" and query.budget_usd == 50
    assert query.usage is not None and query.usage.cached_tokens == 0


@pytest.mark.parametrize(
    ("question", "amount", "currency"),
    [
        # a year's money, then a twelfth of it said as the month's: one budget, the month's
        ("國科會計畫API經費一年1200美金 等於一個月100美金 每次in 4k out 2k 用2.5 flash 一個月可以跑幾次", 100, "usd"),
        ("annual digital budget for the guide is $6,000 so $500/month. flash, 2.5k in 200 out. how many questions a day can we support", 500, "usd"),
        ("科室一年就 3 万块预算，约每月 2500 元，用 2.5 flash，每次 3000 输入 600 输出，每天能用多少次", 2500, "cny"),
    ],
)
def test_a_years_budget_restated_as_a_months(book: PriceBook, question: str, amount: int, currency: str) -> None:
    query = parse_query(question, book)
    assert query.intent == "budget" and query.budget_period == "month"
    assert (query.budget_usd if currency == "usd" else query.budget_cny) == amount


def test_two_sums_that_are_no_year_and_its_month_are_asked_about(book: PriceBook) -> None:
    # not a twelfth: which of the two is the budget is the asker's to say
    with pytest.raises(PricingError):
        parse_query("經費一年1200美金 一個月200美金 每次in 4k out 2k 用2.5 flash 一個月可以跑幾次", book)


@pytest.mark.parametrize(
    ("question", "cny"),
    [
        # 人民币 spaced after the amount in a budget question, or after 预算 in brackets: the budget's currency
        ("合作方每个月给 5000 人民币 2.5 flash 每次输入 2k 输出 500 每天能用几次", 5000),
        ("项目给了 2 万预算（人民币），每条 in 300 out 50，2.5 flash-lite，能处理多少条", 20000),
    ],
)
def test_yuan_said_after_a_budget(book: PriceBook, question: str, cny: int) -> None:
    query = parse_query(question, book)
    assert query.intent == "budget" and query.budget_cny == cny


@pytest.mark.parametrize(
    ("question", "period"),
    [
        # a period said of the budget word, its one sum of money further on: the budget's period
        ("Monthly budget for the whole support team is $400. 2.5 flash, 1k in 300 out, how many tickets a month is that", "month"),
        ("daily budget for this bot is about $20, 2.5 flash-lite 2k in 200 out, how many calls a day", "day"),
        ("科室月预算3000美金 病历摘要输入1万输出1500 用pro 一个月能做多少份", "month"),
    ],
)
def test_a_period_said_of_the_budget_word(book: PriceBook, question: str, period: str) -> None:
    query = parse_query(question, book)
    assert query.intent == "budget" and query.budget_period == period
