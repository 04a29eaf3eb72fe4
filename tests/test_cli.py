"""The `gemini-cost` command as a user runs it: a real subprocess, its output and exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

CLI = [sys.executable, "-m", "bot.cli"]


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("USD_CNY", "DEFAULT_MODEL", "DEFAULT_LANG")}
    full_env.update(env or {})
    return subprocess.run([*CLI, *args], capture_output=True, text=True, env=full_env, timeout=60)


def test_json_estimate_on_default_model() -> None:
    result = run("--json", "1M in 50k out")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # one 1M-token prompt is long-context: 1 x $4.00 + 0.05 x $18.00 = $4.90
    assert data["total"] == "4.9"
    assert data["model"] == "gemini-3.1-pro-preview"
    assert data["tier"] == "long_context"
    assert data["currency"] == "USD" and data["requests"] == 1 and data["period"] is None
    assert data["intent"] == "estimate" and data["lang"] == "en"
    assert [(i["kind"], i["quantity"], i["unit_price"], i["cost"]) for i in data["items"]] == [
        ("input", "1000000", "4", "4"),
        ("output", "50000", "18", "0.9"),
    ]
    assert data["rates_as_of"] == "2026-10-07"
    assert "$4.90" in data["text"] and "$2.60" in data["text"]  # the split into <=200k prompts
    assert {w["code"] for w in data["warnings"]} == {"preview_model"}


def test_chinese_query_answers_in_chinese_with_the_same_total() -> None:
    result = run("--lang", "zh", "输入100万 输出5万")
    assert result.returncode == 0, result.stderr
    assert "预估费用：US$4.90" in result.stdout
    assert "长上下文" in result.stdout
    data = json.loads(run("--json", "--lang", "zh", "输入100万 输出5万").stdout)
    assert data["total"] == "4.9" and data["lang"] == "zh_CN"


def test_traditional_chinese() -> None:
    result = run("--lang", "zh_TW", "輸入100萬 輸出5萬")
    assert result.returncode == 0
    assert "預估費用：US$4.90" in result.stdout


@pytest.mark.parametrize(
    ("query", "lang", "code", "says"),
    [
        ("-5k in 10k out", "en", "negative_amount", "can't be negative"),
        ("-5k in 10k out", "zh", "negative_amount", "不能为负数"),
        ("gemini-9-ultra 1M in", "en", "unknown_model", "gemini-9-ultra"),
        ("gemini-9-ultra 1M in", "zh", "unknown_model", "未知模型"),
        ("5M in 1k out", "en", "context_window_exceeded", "context window of 1,048,576"),
        ("5M in 1k out", "zh", "context_window_exceeded", "上下文窗口"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(query: str, lang: str, code: str, says: str) -> None:
    text = run("--lang", lang, query)
    assert text.returncode == 2
    assert says in text.stdout
    assert "Traceback" not in text.stdout + text.stderr
    data = json.loads(run("--json", "--lang", lang, query).stdout)
    assert data["error"]["code"] == code
    assert says in data["error"]["message"]


def test_ten_kilobytes_of_junk_is_refused_quickly_and_cleanly() -> None:
    junk = ("zq#%&<>|~ 3.3.3 xx-yy " * 500)[:10_240]
    started = time.monotonic()
    result = run("--json", junk)
    elapsed = time.monotonic() - started
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "ambiguous"  # it found "3.3" amounts and says to label them
    assert "8k in 1k out" in error["message"]
    assert "Traceback" not in result.stderr
    assert elapsed < 30  # a generous bound: catches a hang, not a slowdown


def test_yuan_uses_the_configured_rate_and_date() -> None:
    data = json.loads(run("--json", "1M in 50k out in CNY", env={"USD_CNY": "7.10@2026-11-20"}).stdout)
    # $4.90 x 7.10 = ¥34.79
    assert data["total_cny"] == "34.79" and data["usd_cny"] == "7.1" and data["usd_cny_as_of"] == "2026-11-20"
    zh = run("--lang", "zh", "输入100万 输出5万 人民币", env={"USD_CNY": "7.10@2026-11-20"})
    assert "¥34.79" in zh.stdout and "2026年11月20日" in zh.stdout


def test_words_without_a_question_are_not_understood() -> None:
    result = run("--json", "the weather is nice today <!channel>")
    assert result.returncode == 2
    assert json.loads(result.stdout)["error"]["code"] == "not_understood"


def test_yuan_without_a_rate_answers_in_usd_and_says_how_to_set_one() -> None:
    result = run("--json", "1M in 50k out in CNY")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["total"] == "4.9" and "total_cny" not in data
    assert "admin fx" in data["text"]


def test_malformed_setting_is_named() -> None:
    result = run("1M in", env={"USD_CNY": "seven"})
    assert result.returncode == 1
    assert "USD_CNY" in result.stderr and "Traceback" not in result.stderr


def test_compare_and_budget_json() -> None:
    rows = json.loads(run("--json", "compare 200k in 10k out").stdout)["rows"]
    totals = [float(r["total"]) for r in rows]
    assert totals == sorted(totals) and rows[0]["model"] == "gemini-2.5-flash-lite"
    # 2.5 Flash-Lite: 200k x $0.10/1M + 10k x $0.40/1M = $0.02 + $0.004 = $0.024
    assert rows[0]["total"] == "0.024"
    budget = json.loads(run("--json", "how many 10k in 1k out for $100").stdout)
    # per request: 10k x $2/1M + 1k x $12/1M = $0.032; $100 / $0.032 = 3125
    assert (budget["intent"], budget["requests"], budget["per_request"], budget["budget"]) == ("budget", 3125, "0.032", "100")


# -- a pasted API response's usage (issue 12) ------------------------------------------------------

# Gemini 3.5 Flash, grounded with Search, as the REST API returns it:
# (12 prompt + 1,830 tool-use) x $1.50 + (420 + 310 thoughts) x $9.00, per 1M = $0.002763 + $0.00657
GROUNDED_RESPONSE = json.dumps({
    "candidates": [{"content": {"parts": [{"text": "Spain won Euro 2024."}], "role": "model"},
                    "finishReason": "STOP", "index": 0,
                    "groundingMetadata": {"webSearchQueries": ["euro 2024 winner"]}}],
    "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 420, "totalTokenCount": 2572,
                      "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 12}],
                      "toolUsePromptTokenCount": 1830, "thoughtsTokenCount": 310},
    "modelVersion": "gemini-3.5-flash",
}, indent=2)  # fmt: skip


def run_stdin(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("USD_CNY", "DEFAULT_MODEL", "DEFAULT_LANG")}
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60)


def test_a_response_on_standard_input_is_priced() -> None:
    result = run_stdin("-", stdin=GROUNDED_RESPONSE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("This call cost $0.009333\n")
    assert "Model: Gemini 3.5 Flash (gemini-3.5-flash)" in result.stdout
    assert "tool-use prompt tokens" in result.stdout
    data = json.loads(run_stdin("--json", "--lang", "zh", "-", stdin=GROUNDED_RESPONSE).stdout)
    assert (data["intent"], data["source"], data["total"], data["lang"]) == ("estimate", "usage", "0.009333", "zh_CN")
    assert data["per_1000_calls"] == "9.333" and data["per_million_calls"] == "9333"


def test_a_response_as_the_argument_with_a_projection() -> None:
    # gemini-cost --json "$(cat response.json)" x2000 per day: 2,000 x $0.009333 = $18.666 a day
    data = json.loads(run("--json", GROUNDED_RESPONSE, "x2000", "per", "day").stdout)
    assert (data["total"], data["requests"], data["period"], data["call_total"]) == ("18.666", 2000, "day", "0.009333")


def test_a_cut_off_response_on_standard_input_says_what_is_missing() -> None:
    result = run_stdin("--json", "-", stdin=GROUNDED_RESPONSE[: GROUNDED_RESPONSE.index('"totalTokenCount"')])
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "usage_cut_off" and "totalTokenCount" in error["message"]
    assert "Traceback" not in result.stderr


def test_a_batch_estimate_says_what_it_would_cost_without_batch() -> None:
    # 5,000 x (200k x $0.75 + 10k x $3.75) / 1M = $937.50; batch halves it
    result = run("--json", "is batch cheaper for 3.8 flash? 200k in 10k out x 5000")
    data = json.loads(result.stdout)
    assert (data["total"], data["total_without_batch"]) == ("468.75", "937.5")
    assert "Without batch: $937.50" in data["text"]


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    # `gemini-cost ... | head -1`: the reader is gone before the answer is written; the CLI must not
    # print a BrokenPipeError traceback on the way out.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run([*CLI, "rates"], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0
