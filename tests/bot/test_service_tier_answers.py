"""What an asker sees for Batch, Flex and Priority questions (issue 18), in each language."""

from __future__ import annotations

import datetime as dt
import json

from bot.answers.answerer import Answerer
from pricing import PriceBook, load_card

TODAY = dt.date(2026, 12, 2)


def _answer(text: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    return Answerer(PriceBook(load_card()), today=lambda: TODAY).answer(text, lang)


def test_flex_says_the_tier_and_the_standard_price_beside_it() -> None:
    reply = _answer("5k in 1k out on gemini-3.8-flash-tts flex")
    # the data's flex figures: 5k x $0.25 + 1k x $4.50 = $0.00575; standard 5k x $0.50 + 1k x $9.00 = $0.0115
    assert reply.data["total"] == "0.00575" and reply.data["total_standard"] == "0.0115"
    assert "Read as: gemini-3.8-flash-tts · 1 request · input 5,000 tokens each · output 1,000 tokens each · Flex tier" in reply.plain
    assert "Flex: the rates published for this model" in reply.plain


def test_is_flex_cheaper_than_batch_answers_both() -> None:
    reply = _answer("is flex cheaper than batch for 3.8 flash tts? 5k in 1k out")
    assert (reply.data["total"], reply.data["total_batch"], reply.data["total_standard"]) == ("0.00575", "0.00575", "0.0115")
    assert "With batch instead: $0.00575" in reply.plain


def test_a_tier_a_model_has_no_price_for_is_said_in_each_language() -> None:
    en = _answer("5k in 1k out on 2.5 pro priority")
    assert (en.ok, en.data["error"]["code"]) == (False, "tier_not_published")
    assert "gemini-2.5-pro has no published Priority price" in en.plain and "$0" not in en.plain
    zh = _answer("输入5千 输出1千 2.5 pro 优先", "zh_CN")
    assert "gemini-2.5-pro 没有公布的优先（Priority）价格" in zh.plain
    tw = _answer("輸入5千 輸出1千 2.5 pro 優先", "zh_TW")
    assert "gemini-2.5-pro 沒有公布的優先（Priority）價格" in tw.plain


def test_the_rate_card_lists_each_tier_a_model_has() -> None:
    reply = _answer("3.8 flash tts price")
    assert "Batch: input $0.25 / output $4.50 per 1M tokens; cached input -" in reply.plain
    assert "Priority: input $0.90 / output $16.20 per 1M tokens; cached input -" in reply.plain


def test_a_pasted_response_that_names_its_tier_is_priced_at_it() -> None:
    paste = {"model": "gemini-3.8-flash-tts", "service_tier": "flex",
             "usage": {"prompt_tokens": 5000, "completion_tokens": 1000, "total_tokens": 6000}}  # fmt: skip
    reply = _answer(json.dumps(paste))
    assert reply.data["call_total"] == "0.00575"  # the flex figures, not the standard $0.0115
    standard = _answer(json.dumps({**paste, "service_tier": "default"}))
    assert standard.data["call_total"] == "0.0115"
