"""Things packed into one request (packs.py): the pack size is how many one request carries, never a request count."""

from __future__ import annotations

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import PriceBook


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # the things of a day over the pack size
        ("业主群消息每天2000条左右，每50条打包一次做摘要，每次in 4k out 500，3 flash一天多少钱", 40),
        ("宠物用品评价分析 每天抓三千条评论 每一百条打一包请求 每包输入一万五 输出一千 3.5 flash", 30),
        ("we get 6,000 reviews a day, bundle 20 reviews per call, each call 3k in 500 out, flash", 300),
        # a count of requests said as such stands
        ("把评论 100 条打包成一个请求，每个请求输入 1.5w token 输出 2000，每天 3000 个请求，batch 模式，lite 一天多少钱", 3_000),
    ],
)
def test_things_packed_into_one_request(answerer: Answerer, question: str, requests: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["period"]) == (requests, "day")


def test_things_beside_their_requests_are_read(answerer: Answerer) -> None:
    reply = answerer.answer("新游戏上线前要翻50万行文本，每50行打包成一个请求，一共1万个请求，每个请求 in 4000 out 5000，lite跑batch一共多少钱", "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] == 10_000


def test_an_uneven_last_pack_is_one_more_request(answerer: Answerer) -> None:
    reply = answerer.answer("每天2010条消息，每20条打包一次，每次in 4k out 500，3 flash一天多少钱", "en")
    assert reply.data["requests"] == 101, reply.plain


@pytest.mark.parametrize("question", ["bundle 0 reviews per call, 2000 reviews a day, each call 3k in 500 out, flash",
                                      "bundle 2.5 reviews per call, 2000 reviews a day, each call 3k in 500 out, flash"])
def test_no_whole_pack_is_no_pack(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.usage is not None and query.usage.requests != 800


@pytest.mark.parametrize(
    "question",
    [
        "we fire 150 prompts a day, ~4k tokens per prompt, answers around 600 tokens, 3 flash",  # a size, no pack
        "12k in 1.5k out, 2 searches per request, 800 reqs/day, 3 flash",  # grounding searches
    ],
)
def test_tokens_or_searches_per_request_are_no_pack(answerer: Answerer, question: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] in (150, 800)
