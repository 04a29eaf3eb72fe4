"""Pasted usage blocks read into one call's `Usage` and priced: every total by hand, and against genai-prices.

genai-prices reads a REST response with `extract_usage(response, provider_id="google")` (prompt +
tool-use prompt as input, cache reads part of it, candidates + thoughts as output, modality details)
and prices it with `calc_price`: an independent reading and an independent price for the same paste.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal as D
from typing import Any

import genai_prices
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from usage_pastes import as_json, details, openai_response, rest_response, sdk_repr

from pricing import (
    Estimate,
    InvalidQuery,
    PriceBook,
    UnknownModel,
    UnsupportedFeature,
    estimate,
)
from pricing.model_versions import resolve_model_version
from pricing.usage_paste import (
    PastedUsage,
    UsagePasteError,
    read_usage_paste,
)

TS = dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
TODAY = TS.date()
M = D(1_000_000)


def read(text: str) -> PastedUsage:
    paste = read_usage_paste(text)
    assert paste is not None, "not read as a usage paste"
    return paste


def price(book: PriceBook, text: str) -> tuple[PastedUsage, Estimate]:
    paste = read(text)
    model = resolve_model_version(book, paste.model_ref)[0] if paste.model_ref else book.default
    return paste, estimate(book, paste.usage, model, today=TODAY)


def items(e: Estimate) -> list[tuple[str, int, D]]:
    return [(i.kind, int(i.tokens), i.cost) for i in e.items]


def theirs_from_response(response: dict[str, Any]) -> D:
    extracted = genai_prices.extract_usage(response, provider_id="google")
    return D(str(extracted.calc_price(genai_request_timestamp=TS).total_price))


def theirs(model: str, **usage: int) -> D:
    result = genai_prices.calc_price(genai_prices.Usage(**usage), model, provider_id="google", genai_request_timestamp=TS)
    return D(str(result.total_price))


# --- one case per model and kind of call: form, hand arithmetic, genai-prices ---------------------


def test_thinking_call_rest_whole_response_on_25_flash(book: PriceBook) -> None:
    response = rest_response("gemini-2.5-flash", {
        "promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197,
        "promptTokensDetails": details(TEXT=8), "thoughtsTokenCount": 977})  # fmt: skip
    paste, e = price(book, as_json(response))
    assert paste.form == "gemini_rest" and paste.model_ref == "gemini-2.5-flash" and e.model.id == "gemini-2.5-flash"
    # 8 x $0.30 + 212 x $2.50 + 977 thinking x $2.50 (thoughts are output), per 1M
    assert items(e) == [("input", 8, 8 * D("0.30") / M), ("output", 212, 212 * D("2.50") / M),
                        ("thinking", 977, 977 * D("2.50") / M)]  # fmt: skip
    assert e.total == D("0.0029749") == theirs_from_response(response)
    assert paste.notices == ()


def test_cached_long_context_call_rest_on_25_pro(book: PriceBook) -> None:
    response = rest_response("gemini-2.5-pro", {
        "promptTokenCount": 250_000, "candidatesTokenCount": 1_500, "totalTokenCount": 252_300,
        "cachedContentTokenCount": 200_000, "promptTokensDetails": details(TEXT=250_000),
        "cacheTokensDetails": details(TEXT=200_000), "thoughtsTokenCount": 800})  # fmt: skip
    _, e = price(book, as_json(response))
    # The 250,000-token prompt (cached part included) is over 200,000: long-context rates for all of it.
    # 50,000 fresh x $2.50 + 200,000 cached x $0.25 + (1,500 + 800) x $15.00, per 1M
    assert e.tier == "long_context"
    assert items(e) == [("input", 50_000, D("0.125")), ("cached_input", 200_000, D("0.05")),
                        ("output", 1_500, D("0.0225")), ("thinking", 800, D("0.012"))]  # fmt: skip
    assert e.total == D("0.2095") == theirs_from_response(response)


def test_thinking_call_sdk_repr_without_model_is_priced_on_the_default(book: PriceBook) -> None:
    text = sdk_repr(prompt=1_200, candidates=350, thoughts=2_048, total=3_598, prompt_details={"TEXT": 1_200})
    paste, e = price(book, text)
    assert paste.form == "gemini_sdk" and paste.model_ref is None and e.model.id == "gemini-3.1-pro-preview"
    # 1,200 x $2.00 + (350 + 2,048) x $12.00, per 1M
    assert e.total == D("0.0024") + D("0.028776") == D("0.031176")
    assert e.total == theirs("gemini-3.1-pro-preview", input_tokens=1_200, output_tokens=2_398)


def test_audio_input_rest_on_3_flash_preview(book: PriceBook) -> None:
    response = rest_response("gemini-3-flash-preview", {
        "promptTokenCount": 4_820, "candidatesTokenCount": 150, "totalTokenCount": 4_970,
        "promptTokensDetails": details(TEXT=20, AUDIO=4_800), "candidatesTokensDetails": details(TEXT=150)})  # fmt: skip
    paste, e = price(book, as_json(response))
    assert paste.usage.audio_input_tokens == 4_800
    # 20 text x $0.50 + 4,800 audio x $1.00 + 150 x $3.00, per 1M
    assert items(e) == [("input", 20, D("0.00001")), ("audio_input", 4_800, D("0.0048")), ("output", 150, D("0.00045"))]
    assert e.total == D("0.00526") == theirs_from_response(response)


def test_cached_audio_rest_with_models_prefix_on_25_flash_lite(book: PriceBook) -> None:
    response = rest_response("models/gemini-2.5-flash-lite", {
        "promptTokenCount": 10_000, "candidatesTokenCount": 300, "totalTokenCount": 10_300,
        "cachedContentTokenCount": 8_000, "promptTokensDetails": details(TEXT=2_000, AUDIO=8_000),
        "cacheTokensDetails": details(TEXT=2_000, AUDIO=6_000)})  # fmt: skip
    paste, e = price(book, as_json(response))
    assert e.model.id == "gemini-2.5-flash-lite"
    u = paste.usage
    assert (u.input_tokens, u.cached_tokens, u.audio_input_tokens, u.cached_audio_tokens) == (10_000, 8_000, 2_000, 6_000)
    # fresh: 2,000 audio x $0.30 (the text was all cached); cached: 2,000 text x $0.01 + 6,000 audio x $0.03;
    # output 300 x $0.40; per 1M
    assert items(e) == [("audio_input", 2_000, D("0.0006")), ("cached_input", 2_000, D("0.00002")),
                        ("cached_audio_input", 6_000, D("0.00018")), ("output", 300, D("0.00012"))]  # fmt: skip
    assert e.total == D("0.00092")
    assert e.total == theirs("gemini-2.5-flash-lite", input_tokens=10_000, cache_read_tokens=8_000,
                             input_audio_tokens=8_000, cache_audio_read_tokens=6_000, output_tokens=300)  # fmt: skip


def test_openai_compatible_on_retired_20_flash(book: PriceBook) -> None:
    response = openai_response("gemini-2.0-flash", {"prompt_tokens": 1_000, "completion_tokens": 500, "total_tokens": 1_500})
    paste, e = price(book, json.dumps(response))
    assert paste.form == "openai" and e.model.id == "gemini-2.0-flash"
    # 1,000 x $0.10 + 500 x $0.40, per 1M; still priced, with a warning naming its successor
    assert e.total == D("0.0001") + D("0.0002") == theirs("gemini-2.0-flash", input_tokens=1_000, output_tokens=500)
    assert [n.code for n in e.notices] == ["retired_model"]


def test_grounded_call_tool_use_prompt_is_input_on_35_flash(book: PriceBook) -> None:
    response = rest_response("gemini-3.5-flash", {
        "promptTokenCount": 12, "candidatesTokenCount": 420, "totalTokenCount": 2_572,
        "promptTokensDetails": details(TEXT=12), "toolUsePromptTokenCount": 1_830,
        "toolUsePromptTokensDetails": details(TEXT=1_830), "thoughtsTokenCount": 310}, grounded=True)  # fmt: skip
    paste, e = price(book, as_json(response))
    assert paste.usage.input_tokens == 12 + 1_830
    assert paste.search_queries == 2  # groundingMetadata.webSearchQueries: billed apart, per query
    # (12 + 1,830 tool-use) x $1.50 + (420 + 310) x $9.00, per 1M
    assert e.total == D("0.002763") + D("0.00657") == D("0.009333") == theirs_from_response(response)
    assert [n.code for n in paste.notices] == ["usage_tool_use_input"]


def test_openai_compatible_cached_with_reasoning_inside_completion_on_38_flash(book: PriceBook) -> None:
    response = openai_response("gemini-3.8-flash", {
        "prompt_tokens": 5_000, "completion_tokens": 900, "total_tokens": 5_900,
        "prompt_tokens_details": {"cached_tokens": 4_000}, "completion_tokens_details": {"reasoning_tokens": 600}})  # fmt: skip
    paste, e = price(book, json.dumps(response))
    # OpenAI's meaning: completion_tokens (900) include the 600 reasoning tokens; the total agrees.
    assert (paste.usage.output_tokens, paste.usage.thinking_tokens) == (900, 600)
    # 1,000 fresh x $0.75 + 4,000 cached x $0.075 + 300 x $3.75 + 600 thinking x $3.75, per 1M
    assert e.total == D("0.00075") + D("0.0003") + D("0.001125") + D("0.00225") == D("0.004425")
    assert e.total == theirs("gemini-3.8-flash", input_tokens=5_000, cache_read_tokens=4_000, output_tokens=900)
    assert paste.notices == ()


def test_openai_compatible_reasoning_reported_apart_is_added(book: PriceBook) -> None:
    # Some gateways give Gemini's thoughts beside completion_tokens: the total shows it (10 + 20 + 100).
    response = openai_response("gemini-2.5-flash", {
        "prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 130,
        "completion_tokens_details": {"reasoning_tokens": 100}})  # fmt: skip
    paste, e = price(book, json.dumps(response))
    assert (paste.usage.output_tokens, paste.usage.thinking_tokens) == (120, 100)
    # 10 x $0.30 + 120 x $2.50, per 1M
    assert e.total == D("0.000003") + D("0.0003") == theirs("gemini-2.5-flash", input_tokens=10, output_tokens=120)
    assert [n.code for n in paste.notices] == ["usage_reasoning_apart"]


def test_sdk_model_dump_of_a_whole_response_on_35_flash_lite(book: PriceBook) -> None:
    text = ("{'automatic_function_calling_history': [], 'candidates': [{'content': {'parts': [{'text': 'Sure.'}], "
            "'role': 'model'}, 'finish_reason': <FinishReason.STOP: 'STOP'>, 'index': 0}], "
            "'model_version': 'gemini-3.5-flash-lite', 'response_id': 'x1', 'usage_metadata': "
            "{'cache_tokens_details': None, 'cached_content_token_count': None, 'candidates_token_count': 200, "
            "'candidates_tokens_details': None, 'prompt_token_count': 3000, 'prompt_tokens_details': "
            "[{'modality': <MediaModality.TEXT: 'TEXT'>, 'token_count': 3000}], 'thoughts_token_count': None, "
            "'tool_use_prompt_token_count': None, 'tool_use_prompt_tokens_details': None, 'total_token_count': 3200, "
            "'traffic_type': None}}")  # fmt: skip
    paste, e = price(book, text)
    assert paste.form == "gemini_sdk" and e.model.id == "gemini-3.5-flash-lite"
    # 3,000 x $0.30 + 200 x $2.50, per 1M
    assert e.total == D("0.0009") + D("0.0005") == theirs("gemini-3.5-flash-lite", input_tokens=3_000, output_tokens=200)


def test_video_input_with_a_dated_preview_version_on_25_flash(book: PriceBook) -> None:
    response = rest_response("gemini-2.5-flash-preview-09-2025", {
        "promptTokenCount": 5_010, "candidatesTokenCount": 60, "totalTokenCount": 5_070,
        "promptTokensDetails": details(TEXT=10, VIDEO=5_000)})  # fmt: skip
    paste = read(as_json(response))
    model, notice = resolve_model_version(book, paste.model_ref or "")
    assert model.id == "gemini-2.5-flash"
    assert notice is not None and notice.params == {"version": "gemini-2.5-flash-preview-09-2025", "model": "gemini-2.5-flash"}
    e = estimate(book, paste.usage, model, today=TODAY)
    # 10 text + 5,000 video at the input rate $0.30, 60 x $2.50, per 1M
    assert items(e) == [("input", 10, D("0.000003")), ("video_input", 5_000, D("0.0015")), ("output", 60, D("0.00015"))]
    assert e.total == D("0.001653") == theirs("gemini-2.5-flash", input_tokens=5_010, output_tokens=60)


def test_sdk_json_in_a_slack_code_fence_with_words_around_it(book: PriceBook) -> None:
    usage = {"prompt_token_count": 300_000, "cached_content_token_count": 250_000, "candidates_token_count": 1_000,
             "total_token_count": 301_000}  # fmt: skip
    text = f"what did this cost?\n```{json.dumps({'usage_metadata': usage, 'model_version': 'gemini-3.1-pro-preview'})}```\nx2000 per day"
    paste, e = price(book, text)
    assert paste.form == "gemini_sdk" and paste.question == "what did this cost? x2000 per day"
    # 300,000 > 200,000: long context. 50,000 x $4.00 + 250,000 x $0.40 + 1,000 x $18.00, per 1M
    assert e.total == D("0.2") + D("0.1") + D("0.018") == D("0.318")
    assert e.total == theirs("gemini-3.1-pro-preview", input_tokens=300_000, cache_read_tokens=250_000, output_tokens=1_000)


def test_old_sdk_protobuf_text_is_read(book: PriceBook) -> None:
    text = ("prompt_token_count: 8\ncandidates_token_count: 9\ntotal_token_count: 17\n"
            "prompt_tokens_details {\n  modality: TEXT\n  token_count: 8\n}\n")  # fmt: skip
    _, e = price(book, text)
    assert e.total == 8 * D(2) / M + 9 * D(12) / M


# --- image and audio output: what today's card can price -----------------------------------------
# Update these when the card gains image-output models and rates (another branch is extending it).


def test_image_output_model_is_priced_at_its_image_rate(book: PriceBook) -> None:
    response = rest_response("gemini-2.5-flash-image", {
        "promptTokenCount": 12, "candidatesTokenCount": 1_290, "totalTokenCount": 1_302,
        "promptTokensDetails": details(TEXT=12), "candidatesTokensDetails": details(IMAGE=1_290)})  # fmt: skip
    paste = read(as_json(response))
    assert paste.usage.image_output_tokens == 1_290
    model, notice = resolve_model_version(book, paste.model_ref or "")
    assert (model.id, notice) == ("gemini-2.5-flash-image", None)  # never shortened to gemini-2.5-flash
    e = estimate(book, paste.usage, model, today=TODAY)
    # 12 x $0.30 + 1,290 image tokens x $30, per 1M
    assert e.total == D("0.0000036") + D("0.0387")
    assert e.total == theirs("gemini-2.5-flash-image", input_tokens=12, output_tokens=1_290, output_image_tokens=1_290)


def test_image_output_on_a_card_model_is_refused_not_zero(book: PriceBook) -> None:
    text = as_json({"usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 1_290, "totalTokenCount": 1_302,
                                      "candidatesTokensDetails": details(IMAGE=1_290)}})  # fmt: skip
    with pytest.raises(UnsupportedFeature) as info:
        price(book, text)
    assert info.value.params == {"model": "gemini-3.1-pro-preview", "feature": "image_output"}


def test_audio_output_is_refused_not_zero(book: PriceBook) -> None:
    text = sdk_repr(prompt=40, candidates=2_500, total=2_540, candidates_details={"AUDIO": 2_500})
    assert read(text).usage.audio_output_tokens == 2_500
    with pytest.raises(UnsupportedFeature) as info:
        price(book, text)
    assert info.value.params["feature"] == "audio_output"


# --- what the counts mean, and when they disagree ---------------------------------------------------


def test_total_that_disagrees_is_a_warning_and_the_parts_are_priced(book: PriceBook) -> None:
    text = as_json({"usageMetadata": {"promptTokenCount": 100, "candidatesTokenCount": 50, "totalTokenCount": 400}})
    paste, e = price(book, text)
    assert [(n.code, n.params) for n in paste.notices] == [("usage_total_mismatch", {"total": 400, "counted": 150})]
    assert e.total == 100 * D(2) / M + 50 * D(12) / M


def test_no_total_is_said(book: PriceBook) -> None:
    paste = read('"promptTokenCount": 100, "candidatesTokenCount": 50')
    assert [(n.code, n.params) for n in paste.notices] == [("usage_no_total", {"key": "totalTokenCount"})]


def test_more_cached_than_prompt_is_an_error() -> None:
    with pytest.raises(InvalidQuery) as info:
        read(as_json({"usageMetadata": {"promptTokenCount": 10, "cachedContentTokenCount": 20, "totalTokenCount": 10}}))
    assert info.value.code == "cached_exceeds_input"


@pytest.mark.parametrize(
    ("ref", "model", "reduced"),
    [
        ("gemini-2.5-flash", "gemini-2.5-flash", False),
        ("models/gemini-2.5-pro", "gemini-2.5-pro", False),
        ("publishers/google/models/gemini-2.5-pro", "gemini-2.5-pro", False),
        ("gemini-2.0-flash-001", "gemini-2.0-flash", True),
        ("gemini-2.5-flash-lite-preview-09-2025", "gemini-2.5-flash-lite", True),
        # genai-prices carries this preview as a model of its own (its own, older prices)
        ("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash-preview", True),
        ("gemini-3-pro-preview", "gemini-3-pro-preview", False),
        ("gemini-3.1-pro-preview", "gemini-3.1-pro-preview", False),
        ("Gemini-2.5-Flash", "gemini-2.5-flash", False),
    ],
)
def test_model_version_strings_resolve(book: PriceBook, ref: str, model: str, reduced: bool) -> None:
    found, notice = resolve_model_version(book, ref)
    assert found.id == model
    assert (notice is not None) == reduced


@pytest.mark.parametrize(
    ("ref", "model"),
    [
        ("gemini-2.5-flash-preview-tts", "gemini-2.5-flash-tts"),  # not 2.5 Flash
        ("gemini-live-2.5-flash-preview", "gemini-live-2.5-flash"),
        ("gemini-4-argon", "gemini-4-argon"),
    ],
)
def test_models_resolve_to_themselves_never_a_near_neighbour(book: PriceBook, ref: str, model: str) -> None:
    assert resolve_model_version(book, ref)[0].id == model


@pytest.mark.parametrize("ref", ["gemini-2.5-flash-ultra", "gemini-9-ultra-preview-09-2025", "gemini-4-neon"])
def test_other_models_are_unknown_never_a_near_neighbour(book: PriceBook, ref: str) -> None:
    with pytest.raises(UnknownModel):
        resolve_model_version(book, ref)


# --- what people paste: Slack's changes, cut-off and broken blocks, size ------------------------------


def test_slack_escaped_repr_and_linked_urls_are_read(book: PriceBook) -> None:
    text = sdk_repr(prompt=8, candidates=9, total=17, prompt_details={"TEXT": 8})
    slack = "```" + text.replace("<", "&lt;").replace(">", "&gt;") + "```"
    assert read(slack).usage == read(text).usage
    response = as_json(rest_response("gemini-3.5-flash", {"promptTokenCount": 12, "candidatesTokenCount": 420,
                                                          "totalTokenCount": 432}, grounded=True))  # fmt: skip
    url = "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC"
    linked = response.replace(url, f"<{url}|vertexaisearch.cloud.google.com/grounding-api-redirect/AbC>")
    paste = read("```" + linked.replace("\"", "“", 2) + "```")
    assert (paste.usage.input_tokens, paste.model_ref, paste.question) == (12, "gemini-3.5-flash", "")


def test_cut_off_block_names_what_is_missing() -> None:
    with pytest.raises(UsagePasteError) as info:
        read('{"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212,')
    assert (info.value.code, info.value.params) == ("usage_cut_off", {"missing": "totalTokenCount"})
    with pytest.raises(UsagePasteError) as info:
        read("GenerateContentResponseUsageMetadata(cache_tokens_details=None, cached_content_token_count=None, ")
    assert info.value.params == {"missing": "prompt_token_count, candidates_token_count, total_token_count"}
    with pytest.raises(UsagePasteError) as info:
        read('{"model": "gemini-2.5-flash", "usage": {"prompt_tokens": 10, "completion_')
    assert info.value.params == {"missing": "completion_tokens, total_tokens"}


def test_cut_off_block_whose_counts_fall_short_of_its_total() -> None:
    # Cut before thoughtsTokenCount: 8 + 212 of 1,197 tokens.
    with pytest.raises(UsagePasteError) as info:
        read('"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197, "promptTo')
    assert (info.value.code, info.value.params) == ("usage_cut_off_short", {"counted": 220, "total": 1197})


def test_cut_off_inside_the_model_version() -> None:
    usage = {"promptTokenCount": 8, "candidatesTokenCount": 9, "totalTokenCount": 17}
    text = as_json({"usageMetadata": usage, "modelVersion": "gemini-2.5-flash"})
    with pytest.raises(UsagePasteError) as info:
        read(text[: text.index("2.5-flash")])
    assert info.value.params == {"missing": "modelVersion"}


def test_cut_off_block_that_adds_up_is_priced_with_a_notice() -> None:
    paste = read('"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 220,')
    assert paste.cut_off and [n.code for n in paste.notices] == ["usage_cut_off_but_complete"]


def test_response_without_its_usage_block() -> None:
    response = rest_response("gemini-2.5-flash", {})
    del response["usageMetadata"]
    with pytest.raises(UsagePasteError) as info:
        read(as_json(response))
    assert info.value.code == "usage_not_found"


def test_complete_block_without_a_prompt_count() -> None:
    with pytest.raises(UsagePasteError) as info:
        read('{"usageMetadata": {"candidatesTokenCount": 5, "totalTokenCount": 5}}')
    assert (info.value.code, info.value.params) == ("usage_missing", {"missing": "promptTokenCount"})


def test_stream_chunks_are_several_usages() -> None:
    chunks = [as_json({"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": n, "totalTokenCount": 8 + n}})
              for n in (3, 40, 212)]  # fmt: skip
    with pytest.raises(UsagePasteError) as info:
        read("\n".join(chunks))
    assert (info.value.code, info.value.params) == ("usage_several", {"count": 3})


def test_gemini_and_openai_keys_together() -> None:
    with pytest.raises(UsagePasteError) as info:
        read('{"promptTokenCount": 8, "totalTokenCount": 9, "usage": {"prompt_tokens": 8, "completion_tokens": 1}}')
    assert info.value.code == "usage_mixed"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ('{"promptTokenCount": -8, "totalTokenCount": 9}', "negative_amount"),
        ('{"promptTokenCount": 8.5, "totalTokenCount": 9}', "fractional_tokens"),
        ('{"promptTokenCount": 99999999999999, "totalTokenCount": 9}', "amount_too_large"),
        ('{"promptTokenCount": 1e3100, "totalTokenCount": 9}', "amount_too_large"),
    ],
)
def test_bad_counts_are_typed_errors(text: str, code: str) -> None:
    with pytest.raises(InvalidQuery) as info:
        read(text)
    assert info.value.code == code


@pytest.mark.parametrize("text", ["1M in 50k out", "compare 200k in 10k out", "model=gemini-2.5-pro 1M in",
                                  "rates", "输入100万 输出5万", "how many tokens is {a: 1}?", "",
                                  "1M in 50k out with max_tokens: 8192"])  # fmt: skip
def test_questions_are_not_pastes(text: str) -> None:
    assert read_usage_paste(text) is None


def test_a_100_kb_response_is_read(book: PriceBook) -> None:
    # (how fast is a ratio against plain text in test_hostile_input.py, never a time limit here)
    long_answer = "Lorem ipsum (dolor) [sit] {amet}, it's \\\"quoted\\\". " * 2_000
    response = rest_response("gemini-2.5-flash", {"promptTokenCount": 30, "candidatesTokenCount": 25_000,
                                                  "totalTokenCount": 25_030}, text=long_answer)  # fmt: skip
    text = as_json(response)
    assert len(text) > 100_000
    _, e = price(book, text)
    assert e.total == 30 * D("0.30") / M + 25_000 * D("2.50") / M


@pytest.mark.parametrize(
    "junk",
    [
        '"promptTokensDetails": [' * 5_000,
        "{" * 100_000 + '"promptTokenCount": 5',
        '"promptTokenCount": 1, ' * 5_000,
        "GenerateContentResponse(" * 4_000 + "prompt_token_count=5",
        "'" * 50_000 + '"totalTokenCount": 1' + '"' * 50_000,
    ],
)
def test_100_kb_of_hostile_paste_is_answered_or_refused(junk: str) -> None:
    # a typed refusal is a fine answer; a crash is not (that it is linear is test_hostile_input.py's ratio)
    try:
        read_usage_paste(junk)
    except InvalidQuery:
        pass


def test_a_2_mb_response_with_an_inline_image_is_read(book: PriceBook) -> None:
    image = "iVBORw0KGgo" + "AbC+/9xyZ" * 220_000  # base64 of a generated PNG, as the response carries it
    response = rest_response("gemini-2.5-flash", {"promptTokenCount": 12, "candidatesTokenCount": 30,
                                                  "totalTokenCount": 42})  # fmt: skip
    response["candidates"][0]["content"]["parts"].append({"inlineData": {"mimeType": "image/png", "data": image}})
    text = json.dumps(response)
    assert len(text) > 1_900_000
    _, e = price(book, text)
    assert e.total == 12 * D("0.30") / M + 30 * D("2.50") / M


def test_too_large_is_refused_before_reading() -> None:
    with pytest.raises(UsagePasteError) as info:
        read_usage_paste('"promptTokenCount": 5 ' + " " * 4_000_000)
    assert info.value.code == "usage_too_large"


def test_sdk_repr_of_a_whole_response(book: PriceBook) -> None:
    # print(response) with google-genai: the usage and the model version among everything else.
    usage = sdk_repr(prompt=25, candidates=40, total=65, prompt_details={"TEXT": 25})
    text = ("GenerateContentResponse(automatic_function_calling_history=[], candidates=[Candidate(content=Content("
            "parts=[Part(text='It\\'s (probably) [fine] {ok}.\\n')], role='model'), finish_reason=<FinishReason.STOP: "
            "'STOP'>, index=0)], create_time=None, model_version='gemini-2.5-flash-lite', prompt_feedback=None, "
            "response_id='Xy7Oa', sdk_http_response=HttpResponse(headers={'content-type': 'application/json; "
            f"charset=UTF-8'}}), usage_metadata={usage})")  # fmt: skip
    paste, e = price(book, text)
    assert (paste.form, paste.model_ref, paste.question) == ("gemini_sdk", "gemini-2.5-flash-lite", "")
    # 25 x $0.10 + 40 x $0.40, per 1M
    assert e.total == D("0.0000025") + D("0.000016") == theirs("gemini-2.5-flash-lite", input_tokens=25, output_tokens=40)


_FRAGMENTS = ['"promptTokenCount"', "prompt_token_count", '"candidatesTokenCount"', "total_token_count", '"totalTokenCount"',
              '"thoughtsTokenCount"', '"cachedContentTokenCount"', '"promptTokensDetails"', "cache_tokens_details",
              '"modality"', '"AUDIO"', "<MediaModality.TEXT: 'TEXT'>", '"tokenCount"', "token_count", '"modelVersion"',
              '"gemini-2.5-flash"', '"prompt_tokens"', '"completion_tokens"', '"usage"', '"model"', "usageMetadata",
              ":", "=", ",", "{", "}", "[", "]", "(", ")", '"', "'", "```", " ", "\n", "-", "1", "977", "1e3", "1e999", "None",
              "null", "x2000 per day", "&lt;", "<https://x.io|x>", "“", "2.5"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=40))
def test_any_paste_is_read_or_refused_with_a_typed_error(book: PriceBook, parts: list[str]) -> None:
    try:
        paste = read_usage_paste("".join(parts))
        if paste is not None and paste.model_ref:
            resolve_model_version(book, paste.model_ref)
    except (InvalidQuery, UnknownModel):
        return


def test_openai_compatible_audio_and_cached_details(book: PriceBook) -> None:
    response = openai_response("gemini-2.5-flash", {
        "prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120,
        "prompt_tokens_details": {"cached_tokens": 50, "audio_tokens": 30}})  # fmt: skip
    paste, e = price(book, json.dumps(response))
    assert paste.reported == {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120,
                              "prompt_tokens_details.cached_tokens": 50, "prompt_tokens_details.audio_tokens": 30}  # fmt: skip
    # 20 text x $0.30 + 30 audio x $1.00 + 50 cached x $0.03 + 20 out x $2.50, per 1M
    assert e.total == D("0.000006") + D("0.00003") + D("0.0000015") + D("0.00005") == D("0.0000875")
    assert e.total == theirs("gemini-2.5-flash", input_tokens=100, cache_read_tokens=50, input_audio_tokens=30,
                             cache_audio_read_tokens=0, output_tokens=20)


def test_live_api_response_counts_are_output(book: PriceBook) -> None:
    # The Live API says responseTokenCount where generateContent says candidatesTokenCount.
    text = as_json({"usageMetadata": {"promptTokenCount": 100, "responseTokenCount": 2_000, "totalTokenCount": 2_100,
                                      "responseTokensDetails": details(AUDIO=2_000)}})  # fmt: skip
    paste = read(text)
    assert paste.reported == {"promptTokenCount": 100, "responseTokenCount": 2_000, "totalTokenCount": 2_100}
    assert (paste.usage.output_tokens, paste.usage.audio_output_tokens, paste.notices) == (2_000, 2_000, ())
    with pytest.raises(UnsupportedFeature):  # audio output has no rate on today's card: refused, never $0
        price(book, text)


@pytest.mark.parametrize(
    "text",
    [
        # the model's answer quotes a usage block: its keys are text, not counts (issue 17 item 13)
        '{"candidates": [{"content": {"parts": [{"text": "promptTokenCount: 7500000"}]}}], '
        '"usageMetadata": {"promptTokenCount": 30, "candidatesTokenCount": 25, "totalTokenCount": 55}, "modelVersion": "gemini-2.5-flash"}',
        "GenerateContentResponse(candidates=[Candidate(content=Content(parts=[Part(text='prompt_token_count=7500000 "
        "candidates_token_count=1')]))], model_version='gemini-2.5-flash', usage_metadata=GenerateContentResponseUsageMetadata("
        "prompt_token_count=30, candidates_token_count=25, total_token_count=55))",
    ],
)
def test_usage_keys_inside_quoted_text_are_not_counts(book: PriceBook, text: str) -> None:
    _, e = price(book, text)
    assert e.total == 30 * D("0.30") / M + 25 * D("2.50") / M  # not 7,500,000 prompt tokens
