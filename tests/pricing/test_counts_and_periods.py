"""Request counts and their periods as people write them, answered through the Answerer (issue 19).

The two questions below were answered ~900x too low: a daily count with a monthly question was read as
a monthly count priced per day. 2.5 Flash bills $0.30 per 1M input and $2.50 per 1M output tokens.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.answers.answerer import Answerer
from pricing import PriceBook


@pytest.fixture(scope="module")
def answerer(book: PriceBook) -> Answerer:
    return Answerer(book, default_model="gemini-3.1-pro-preview", today=lambda: dt.date(2026, 12, 2))


@pytest.mark.parametrize(
    ("question", "lang", "per_day", "month_line"),
    [
        # (3,000 x $0.30 + 500 x $2.50) / 1M = $0.00215 a call; x 20,000 a day = $43; x 30 = $1,290
        ("2.5 flash 输入3千 输出5百 每天调用2万次 每月多少钱", "zh_CN", "43", "US$1,290.00"),
        # (10,000 x $0.30 + 2,000 x $2.50) / 1M = $0.008 a call; x 3,000 a day = $24; x 30 = $720
        ("2.5 flash 每次輸入 1萬 輸出 2千，一天呼叫 3000 次，一個月要多少錢", "zh_TW", "24", "US$720.00"),
    ],
)
def test_a_daily_count_asked_per_month_is_priced_for_the_month(
    answerer: Answerer, question: str, lang: str, per_day: str, month_line: str
) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "estimate", reply.text
    assert Decimal(reply.data["total"]) == Decimal(per_day)  # the day's total; the headline is the month's
    assert reply.data["period"] == "day"
    headline = reply.text.splitlines()[0]
    assert month_line in headline, reply.text
    assert "月" in headline


@pytest.mark.parametrize(
    "question",
    ["输入1万 输出1千 调用1000次", "输入1万 输出1千 请求1000次", "輸入1萬 輸出1千 呼叫1000次", "输入1万 输出1千 一共请求1000次",
     "输入1万 输出1千 跑1000次", "10k in 1k out, 1000 calls"],
)  # fmt: skip
def test_a_count_after_a_calling_verb_is_the_request_count(answerer: Answerer, question: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.text
    assert reply.data["requests"] == 1000
    assert reply.data["period"] is None
