"""A pasted usage block answered by the Answerer: what the asker reads, and the CLI's JSON keys."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.answers.answerer import Answerer, Reply
from pricing import PriceBook, load_card

TODAY = dt.date(2026, 11, 28)

# A thinking call on Gemini 2.5 Flash as the REST API returns it.
# 8 x $0.30 + (212 + 977 thoughts) x $2.50, per 1M = $0.0000024 + $0.0029725 = $0.0029749
FLASH_RESPONSE = {
    "candidates": [{"content": {"parts": [{"text": "Hi!"}], "role": "model"}, "finishReason": "STOP", "index": 0}],
    "usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197,
                      "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 8}], "thoughtsTokenCount": 977},
    "modelVersion": "gemini-2.5-flash",
    "responseId": "mB9Oa9_HEpGK7dcP2pyLqAg",
}  # fmt: skip
FLASH_PASTE = json.dumps(FLASH_RESPONSE, indent=2)
FLASH_CALL = "0.0029749"


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(PriceBook(load_card()), today=lambda: TODAY)


def fenced(paste: str, before: str = "", after: str = "") -> str:
    return f"{before}\n```\n{paste}\n```\n{after}".strip()


def everything(reply: Reply) -> str:
    return json.dumps([reply.text, reply.blocks, reply.data], ensure_ascii=False)


def test_a_pasted_response_is_priced_exactly_with_its_line_items(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, "what did this call cost?"), "en")
    assert reply.ok and reply.intent == "estimate"
    lines = reply.plain.splitlines()
    assert lines[0] == "This call cost $0.0029749"  # every digit, not rounded
    assert "Read from the pasted usage: promptTokenCount 8, candidatesTokenCount 212, totalTokenCount 1,197, thoughtsTokenCount 977" in lines
    assert "Model: Gemini 2.5 Flash (gemini-2.5-flash)" in lines
    assert "Thinking (billed as output): 977 tokens x $2.50/1M = $0.00244" in lines
    # x 1,000 = $2.9749; x 1,000,000 = $2,974.90
    assert "1,000 such calls: $2.97; 1,000,000 such calls: $2,974.90" in lines
    assert "thoughts are billed as output" in reply.plain
    data = reply.data
    assert (data["source"], data["intent"], data["model"], data["total"]) == ("usage", "estimate", "gemini-2.5-flash", FLASH_CALL)
    assert (data["call_total"], data["per_1000_calls"], data["per_million_calls"]) == (FLASH_CALL, "2.9749", "2974.9")
    assert (data["requests"], data["period"], data["tier"], data["currency"]) == (1, None, "standard", "USD")
    assert [(i["kind"], i["quantity"], i["unit_price"], i["cost"]) for i in data["items"]] == [
        ("input", "8", "0.3", "0.0000024"), ("output", "212", "2.5", "0.00053"), ("thinking", "977", "2.5", "0.0024425")]  # fmt: skip
    assert data["usage"] == {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197, "thoughtsTokenCount": 977}
    assert data["usage_form"] == "gemini_rest" and data["rates_as_of"] == "2026-10-07"
    assert [w["code"] for w in data["warnings"]] == ["deprecated_model"]


def test_words_after_the_paste_project_it(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="x2000 per day"), "en")
    # 2,000 x $0.0029749 = $5.9498 a day; x 30 = $178.494 a month
    assert reply.plain.splitlines()[0] == "Estimated cost: $5.95 per day"
    assert "This call: $0.0029749" in reply.plain and "Requests: 2,000 a day" in reply.plain
    assert "About $178.49 per month (30 days)." in reply.plain
    data = reply.data
    assert (data["total"], data["requests"], data["period"], data["call_total"]) == ("5.9498", 2000, "day", FLASH_CALL)
    assert data["source"] == "usage"


def test_chinese_words_and_answer(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, "这次调用花了多少钱？", "每天2000次"), "zh_CN")
    assert reply.plain.splitlines()[0] == "预估费用：每天 US$5.95"
    assert "这次调用：US$0.0029749" in reply.plain
    assert "1,000 次这样的调用：US$2.97" in reply.plain
    assert reply.data["total"] == "5.9498" and reply.data["lang"] == "zh_CN"
    single = answerer.answer(FLASH_PASTE, "zh_TW")
    assert single.plain.splitlines()[0] == "這次呼叫的費用：US$0.0029749"


def test_a_model_named_beside_the_paste_wins_and_is_said(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="on 2.5 flash lite"), "en")
    # 8 x $0.10 + 1,189 x $0.40, per 1M = $0.0000008 + $0.0004756
    assert reply.data["model"] == "gemini-2.5-flash-lite" and reply.data["total"] == "0.0004764"
    assert "Priced on gemini-2.5-flash-lite as asked; the response came from gemini-2.5-flash." in reply.plain


def test_no_model_in_the_paste_is_the_default_said(answerer: Answerer) -> None:
    usage = '{"promptTokenCount": 1000, "candidatesTokenCount": 100, "totalTokenCount": 1100}'
    reply = answerer.answer(usage, "en")
    # 1,000 x $2.00 + 100 x $12.00, per 1M
    assert reply.data["model"] == "gemini-3.1-pro-preview" and reply.data["total"] == "0.0032"
    assert "The paste names no model: priced on the default model, gemini-3.1-pro-preview." in reply.plain
    assert ", the default;" in reply.plain


def test_a_total_that_disagrees_is_a_warning(answerer: Answerer) -> None:
    reply = answerer.answer('{"promptTokenCount": 100, "candidatesTokenCount": 50, "totalTokenCount": 400}', "en")
    warning = next(w for w in reply.data["warnings"] if w["code"] == "usage_total_mismatch")
    assert warning["message"] == "The counts add up to 150 tokens, but the response's total says 400: priced from the counts."
    assert warning["message"] in reply.plain


@pytest.mark.parametrize(
    ("paste", "lang", "code", "says"),
    [
        ('{"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212,', "en", "usage_cut_off",
         "The pasted usage is cut off, missing totalTokenCount."),
        ('{"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212,', "zh_CN", "usage_cut_off",
         "缺少 totalTokenCount"),
        ('"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197, "promptTo', "en",
         "usage_cut_off_short", "its counts add up to 220 of the 1,197 tokens in its total"),
        ('{"candidates": [{"content": {"parts": [{"text": "hi"}]}}]', "en", "usage_not_found", "has no usage block"),
        (('{"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 9, "totalTokenCount": 17}, '
          '"modelVersion": "gemini-9-ultra"}'), "en", "unknown_model", 'Unknown model: "gemini-9-ultra"'),
        (('{"usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 1290, "totalTokenCount": 1302, '
          '"candidatesTokensDetails": [{"modality": "IMAGE", "tokenCount": 1290}]}}'), "en", "unsupported_feature",
         "gemini-3.1-pro-preview has no price for image output."),
        (fenced(FLASH_PASTE, after="and 50k out"), "en", "usage_extra_amounts", "ambiguous"),
    ],
)  # fmt: skip
def test_pastes_that_cannot_be_priced_say_why(answerer: Answerer, paste: str, lang: str, code: str, says: str) -> None:
    reply = answerer.answer(paste, lang)
    assert not reply.ok and reply.intent == "error"
    assert reply.data["error"]["code"] == code
    assert says in reply.data["error"]["message"] and says in reply.plain
    assert "$0" not in reply.plain and "Traceback" not in reply.plain


def test_nothing_pasted_is_echoed_live_in_slack(answerer: Answerer) -> None:
    response = dict(FLASH_RESPONSE, candidates=[{"content": {"parts": [{"text": "<!channel> <@U0VICTIM> & co"}]}}])
    priced = answerer.answer(fenced(json.dumps(response), "<!here> cost?", "x10 <!everyone>"), "en")
    assert priced.ok
    bad_model = '{"promptTokenCount": 8, "totalTokenCount": 8, "modelVersion": "gemini-<!channel>-<@U0VICTIM>"}'
    refused = answerer.answer(bad_model, "en")
    assert refused.data["error"]["code"] == "unknown_model"
    for reply in (priced, refused):
        slack = json.dumps([reply.text, reply.blocks], ensure_ascii=False)
        assert "<!" not in slack and "<@" not in slack
    assert "&lt;!channel&gt;" in json.dumps(refused.blocks)


def test_ordinary_questions_are_unchanged(answerer: Answerer) -> None:
    reply = answerer.answer("1M in 50k out", "en")
    assert reply.data["total"] == "4.9" and "source" not in reply.data


def test_compare_beside_a_paste_prices_the_call_on_every_model(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="compare x1000 per day"), "en")
    assert reply.intent == "compare" and reply.data["source"] == "usage"
    rows = {r["model"]: r["total"] for r in reply.data["rows"]}
    # 1,000 x (8 x $0.10 + 1,189 x $0.40) per 1M on 2.5 Flash-Lite; 1,000 x $0.0029749 on 2.5 Flash
    assert rows["gemini-2.5-flash-lite"] == "0.4764" and rows["gemini-2.5-flash"] == "2.9749"
    assert reply.data["rows"][0]["model"] == "gemini-2.5-flash-lite"
    assert "Read from the pasted usage: promptTokenCount 8" in reply.plain


@pytest.mark.parametrize(("words", "lang"), [("how many for $100", "en"), ("100美元能调用多少次", "zh_CN")])
def test_a_budget_beside_a_paste(answerer: Answerer, words: str, lang: str) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after=words), lang)
    # $100 / $0.0029749 = 33,614.5... -> 33,614 whole calls
    assert reply.intent == "budget" and reply.data["source"] == "usage"
    assert (reply.data["requests"], reply.data["per_request"], reply.data["model"]) == (33614, FLASH_CALL, "gemini-2.5-flash")


def test_yuan_beside_a_paste(answerer: Answerer) -> None:
    from pricing import FxRate

    with_fx = Answerer(answerer.book, fx=FxRate.parse("7.10@2026-11-20"), today=lambda: TODAY)
    reply = with_fx.answer(fenced(FLASH_PASTE, after="x1000 in CNY"), "en")
    # 1,000 x $0.0029749 = $2.9749; x 7.10 = ¥21.12179
    assert (reply.data["total"], reply.data["total_cny"], reply.data["usd_cny"]) == ("2.9749", "21.12179", "7.1")
    assert "CN¥21.12" in reply.plain


GROUNDED_PASTE = json.dumps({
    "candidates": [{"content": {"parts": [{"text": "Spain won Euro 2024."}], "role": "model"}, "finishReason": "STOP",
                    "groundingMetadata": {"webSearchQueries": ["euro 2024 winner", "who won euro 2024"]}}],
    "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 420, "totalTokenCount": 2572,
                      "toolUsePromptTokenCount": 1830, "thoughtsTokenCount": 310},
    "modelVersion": "gemini-3.5-flash",
})  # fmt: skip
# (12 + 1,830 tool-use) x $1.50 + (420 + 310) x $9.00, per 1M = $0.009333 in tokens


def test_a_grounded_response_says_its_searches_are_not_in_the_tokens(answerer: Answerer) -> None:
    reply = answerer.answer(GROUNDED_PASTE, "en")
    assert reply.data["total"] == "0.009333"
    assert "The response ran 2 search queries, billed apart from tokens" in reply.plain
    assert "The 1,830 tool-use prompt tokens (e.g. search results given to the model) are billed as input." in reply.plain


def test_with_search_bills_the_queries_the_response_ran(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(GROUNDED_PASTE, after="with search x10000 per month"), "en")
    # 10,000 calls x 2 queries = 20,000 queries, 5,000 free a month: 15,000 x $14/1,000 = $210
    # plus 10,000 x $0.009333 = $93.33 in tokens
    assert reply.data["total"] == "303.33"
    grounding = next(i for i in reply.data["items"] if i["kind"] == "grounding")
    assert (grounding["quantity"], grounding["unit_price"], grounding["cost"]) == ("15000", "14", "210")
    assert "search queries, billed apart" not in reply.plain and 'add "with search"' not in reply.plain
    # 1,000,000 calls: 2,000,000 - 5,000 free = 1,995,000 x $14/1,000 = $27,930 + $9,333 in tokens
    assert reply.data["per_million_calls"] == "37263"


def test_unclear_words_after_a_paste_are_asked_about_not_guessed(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="x2000 per dya"), "en")
    assert not reply.ok and reply.data["error"]["code"] == "usage_words_unclear"
    assert reply.data["error"]["message"].startswith('I\'m not sure what "x2000 per dya" asks about the pasted call.')
    assert reply.blocks and not [b for b in reply.blocks if b.get("type") == "actions"]  # no buttons without the paste


def test_unclear_words_before_a_paste_are_skipped_and_said(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, "zorblax frobnicate", "x2000 per day"), "en")
    assert reply.ok and reply.data["total"] == "5.9498"  # 2,000 x $0.0029749
    assert 'Not read (unclear): "zorblax frobnicate".' in reply.plain
    assert reply.data["read_as"].startswith("Read from the pasted usage: promptTokenCount 8")


def test_pages_of_text_before_a_paste_are_skipped_and_said(answerer: Answerer) -> None:
    """A log or transcript pasted before the usage is no asking: it is not read as a question (which would cost that
    question's reading, pages long), only said as skipped; the words after the paste still count."""
    log = "note: rerun on 2.5 pro later. " * 80  # (2,400 characters that would read, whole, as `on 2.5 pro`)
    reply = answerer.answer(fenced(FLASH_PASTE, log, "x2000 per day"), "en")
    assert reply.ok and reply.data["total"] == "5.9498"  # 2,000 x $0.0029749, on the pasted model
    assert 'Not read (unclear): "note: rerun on 2.5 pro later.' in reply.plain
    short = answerer.answer(fenced(FLASH_PASTE, "what would this cost on 2.5 pro?"), "en")
    assert "gemini-2.5-pro" in short.plain  # a question before the paste is still read


@pytest.mark.parametrize("after", ["", "x2000 per day", "batch x10"])
def test_the_reading_of_a_priced_paste_prices_the_same(answerer: Answerer, after: str) -> None:
    # For follow-ups ("what about 2.5 flash?"): the paste as the query language says it.
    audio = json.dumps({"usageMetadata": {
        "promptTokenCount": 4820, "candidatesTokenCount": 150, "totalTokenCount": 5070, "thoughtsTokenCount": 100,
        "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 20}, {"modality": "AUDIO", "tokenCount": 4800}]},
        "modelVersion": "gemini-3-flash-preview"})  # fmt: skip
    for paste in (FLASH_PASTE, audio):
        reply = answerer.answer(fenced(paste, after=after), "en")
        assert reply.reading is not None
        again = answerer.answer(reply.reading, "en")
        assert (again.data["total"], again.data["model"]) == (reply.data["total"], reply.data["model"]), reply.reading


def test_yuan_without_a_rate_answers_in_usd_and_says_so(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="x2000 per day in CNY"), "en")
    assert reply.ok and reply.data["total"] == "5.9498" and "total_cny" not in reply.data
    assert "No USD to CNY rate is set, so the answer is in USD" in reply.plain
    assert reply.reading is not None and reply.reading.endswith("in CNY")


def test_a_daily_volume_asked_per_month(answerer: Answerer) -> None:
    reply = answerer.answer(fenced(FLASH_PASTE, after="1000 calls a day, how much a month"), "en")
    # 1,000 x $0.0029749 = $2.9749 a day; x 30 days = $89.247 a month
    assert (reply.data["total"], reply.data["period"]) == ("2.9749", "day")
    assert (reply.data["asked_period"], reply.data["asked_period_total"]) == ("month", "89.247")
    assert reply.plain.splitlines()[0] == "Estimated cost: $89.25 per month"


def test_a_date_beside_the_paste_prices_at_that_days_rates(answerer: Answerer) -> None:
    flash_38 = FLASH_PASTE.replace('"gemini-2.5-flash"', '"gemini-3.8-flash"')
    # Today: 8 x $0.75 + 1,189 x $3.75, per 1M; from 2027-01-01: 8 x $1.50 + 1,189 x $7.50 (announced)
    assert answerer.answer(flash_38, "en").data["total"] == "0.00446475"
    assert answerer.answer(fenced(flash_38, after="on 2027-02-01"), "en").data["total"] == "0.0089295"
