"""Versions of each item, one call each (pricing/query/variants.py): multiplied into the requests only when a call
each is said, and the answer says the product."""

from __future__ import annotations

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import PriceBook


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("ad copy: 4 headline variants per product = 4 calls, 2,500 products a day, 600 in 80 out, 2.5 flash-lite", 10_000),
        ("we write 6 subject-line variations per campaign (separate calls), 900 in 60 out each, 300 campaigns a day, 2.5 flash", 1_800),
        ("每个商品写3个版本标题，单独调用，每次输入300输出50，一天2000个商品，2.5 flash-lite", 6_000),
        ("社群文案一次要生三個版本，各一次請求，每次 in 900 out 450，一天 120 則，3.5 flash 一天多少", 360),
        ("每天大概 60 個活動，每個活動產 4 種版本文案（一次 call 一個版本），每次輸入 1k 輸出 600，2.5 flash", 240),
    ],
)
def test_versions_with_a_call_each_multiply_the_items(book: PriceBook, question: str, requests: int) -> None:
    query = read_or_asked(question, book)
    assert query is not None and query.usage is not None and (query.usage.requests, query.usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("3 variants per story, 14k stories/day, 700 in, 60 out, 2.0 flash-lite", None),  # one call may write all three: asked
        ("一次请求生成5个备选标题，输入300，输出300，每天1000次，2.5 flash", 1_000),  # five made in one reply
    ],
)
def test_versions_with_no_call_each_are_no_factor(book: PriceBook, question: str, requests: int | None) -> None:
    query = read_or_asked(question, book)
    assert (query.usage.requests if query is not None and query.usage is not None else None) == requests


def test_the_answer_says_the_versions_multiply(answerer: Answerer) -> None:
    reply = answerer.answer("社群文案一次要生三個版本，各一次請求，每次 in 900 out 450，一天 120 則，3.5 flash 一天多少", "zh_TW")
    assert "請求次數以 120 × 3 = 360 次計算。" in reply.plain
