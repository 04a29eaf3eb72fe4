"""Answers on the card built from genai-prices: every model's rates, the grouped list, dated prices."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest
from genai_prices.data_snapshot import get_snapshot

from bot.answers.answerer import Answerer
from pricing import PriceBook, load_card
from pricing.genai_source import in_scope

TODAY = dt.date(2026, 12, 2)
BOOK = PriceBook(load_card())
GEMINI_IDS = sorted(m.id for p in get_snapshot().providers if p.id == "google" for m in p.models if in_scope(m.id))


def answerer(today: dt.date = TODAY) -> Answerer:
    return Answerer(BOOK, today=lambda: today)


@pytest.mark.parametrize("model_id", GEMINI_IDS)
def test_rates_answers_for_every_gemini_model_in_the_data(model_id: str) -> None:
    reply = answerer().answer(f"rates {model_id}", "en")
    assert (reply.ok, reply.intent, reply.data.get("model")) == (True, "rates", model_id), reply.plain
    assert f"({model_id}) rates" in reply.plain
    assert "Input: $" in reply.plain


def test_the_list_shows_current_models_by_family_newest_first_then_retired() -> None:
    # issue 18: the models Google still sells by family (deprecated 2.5 Pro with its family), every
    # model once (the data's `gemini-pro-1.5` / `gemini-flash-1.5` are second names of 1.5 Pro / Flash),
    # and the retired ones on one short line instead of a section of their own
    lines = answerer().answer("rates", "en").plain.splitlines()
    headers = [line for line in lines if line.startswith("*")]
    assert headers == ["*Gemini 4*", "*Gemini 3*", "*Gemini 2.5*", "*Embeddings*", "*Other Gemini models*"]
    (retired_line,) = [line for line in lines if line.startswith("Retired (priced when asked for): ")]
    retired = retired_line.split(": ", 1)[1].split(", ")
    listed = [line.split(":")[0] for line in lines if line.startswith("gemini-")]
    assert sorted(listed + retired) == sorted(set(GEMINI_IDS) - {"gemini-pro-1.5", "gemini-flash-1.5"})  # every model once
    for model_id in ("gemini-3-pro-preview", "gemini-2.0-flash", "gemini-pro", "gemini-1.5-pro"):
        assert model_id in retired
    assert "gemini-2.5-pro: $1.25 / $10.00 (higher for prompts over 200,000 tokens, deprecated)" in lines
    assert "gemini-3.1-pro-preview" in listed


@pytest.mark.parametrize(
    ("question", "total"),
    [
        ("500k in 20k out on gemini-4-argon", "2.4"),  # 500k x $4 + 20k x $20 (from 2026-12-01)
        ("500k in 20k out on gemini-4-argon on 2026-11-15", "1.2"),  # 500k x $2 + 20k x $10
        ("输入50万 输出2万 gemini-4-argon 2026年11月15日", "1.2"),
    ],
)
def test_argon_is_priced_at_the_rates_of_the_day(question: str, total: str) -> None:
    reply = answerer().answer(question, "en" if question.isascii() else "zh_CN")
    assert (reply.intent, D(reply.data["total"])) == ("estimate", D(total)), reply.plain


def test_an_answer_before_a_price_change_says_when_and_what() -> None:
    reply = answerer().answer("500k in 20k out on gemini-4-argon on 2026-11-15", "en")
    assert "gemini-4-argon's rates change on Dec 1, 2026: input $4.00, output $20.00 per 1M tokens." in reply.plain


@pytest.mark.parametrize(("today", "says"), [(dt.date(2026, 12, 2), True), (dt.date(2026, 11, 1), False)])
def test_a_change_is_announced_within_60_days_only(today: dt.date, says: bool) -> None:
    # gemini-3.8-flash: $0.75 / $3.75 until 2026-12-31, then $1.50 / $7.50 (30 days vs 61 days ahead)
    reply = answerer(today).answer("1M in 50k out on gemini-3.8-flash", "en")
    assert D(reply.data["total"]) == D("0.9375")
    assert ("rates change on Jan 1, 2027: input $1.50, output $7.50" in reply.plain) is says


def test_rates_of_one_model_show_image_prices_and_the_per_image_figure() -> None:
    text = answerer().answer("rates gemini-3.1-flash-image-preview", "en").plain
    assert "Image output: $60.00 per 1M tokens" in text
    assert "One 1K image: 1,120 tokens, $0.0672" in text  # 1,120 x $60 / 1M (Google's page: $0.067)


def test_rates_on_an_asked_day_are_that_day_s() -> None:
    today = answerer().answer("rates gemini-4-argon", "en").plain
    assert "Input: $4.00 per 1M tokens" in today and "Rates on" not in today
    before = answerer().answer("rates gemini-4-argon on 2026-11-15", "en").plain
    assert "Input: $2.00 per 1M tokens" in before and "Rates on Nov 15, 2026." in before
    assert "gemini-4-argon's rates change on Dec 1, 2026: input $4.00, output $20.00 per 1M tokens." in before


def test_live_model_rates_list_every_modality() -> None:
    text = answerer().answer("rates gemini-3.8-live", "en").plain
    for line in ("Audio input: $3.00", "Image input: $1.00", "Video input: $1.00", "Audio output: $12.00"):
        assert line in text
