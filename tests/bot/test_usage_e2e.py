"""A pasted API response's usage, end to end: signed Slack requests into the Procfile's web process."""

from __future__ import annotations

import json

from fake_slack import BOT_USER_ID, FakeSlack
from slack_harness import BotServer, new_id, settle, slack_ts

# A thinking call on Gemini 2.5 Flash, whole REST response, as someone pastes it in a code block.
# 8 x $0.30 + (212 + 977 thoughts) x $2.50, per 1M = $0.0029749; x2000 a day = $5.9498
RESPONSE = json.dumps({
    "candidates": [{"content": {"parts": [{"text": "Hello <!channel> & <@U0VICTIM>"}], "role": "model"},
                    "finishReason": "STOP", "index": 0}],
    "usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197,
                      "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 8}], "thoughtsTokenCount": 977},
    "modelVersion": "gemini-2.5-flash",
}, indent=2)  # fmt: skip


def slack_escaped(text: str) -> str:
    """What Slack sends for text a user typed: &, < and > as entities."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def test_paste_in_a_dm_is_answered_once_in_the_askers_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("D")
    text = f"这次调用花了多少钱？\n```\n{slack_escaped(RESPONSE)}\n```"
    assert bot.event({"type": "message", "channel_type": "im", "user": "U0ZH", "channel": channel, "text": text,
                      "ts": slack_ts()}).status_code == 200  # fmt: skip
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert answer.text.startswith("这次调用的费用：US$0.0029749")
    assert "思考（按输出计费）：977" in answer.text and "gemini-2.5-flash" in answer.text
    assert answer.args.get("thread_ts") is None
    settle(bot)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1


def test_paste_in_a_mention_thread_is_answered_once_there(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel, parent, message_ts = new_id("C"), slack_ts(), slack_ts()
    text = f"<@{BOT_USER_ID}> what did this cost?\n```\n{slack_escaped(RESPONSE)}\n```\nx2000 per day"
    event = {"user": "U0EN", "channel": channel, "thread_ts": parent, "text": text, "ts": message_ts}
    # A mention arrives as both events; it is answered once.
    bot.event({"type": "message", "channel_type": "channel", **event})
    bot.event({"type": "app_mention", **event})
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert answer.args["thread_ts"] == parent
    assert answer.text.startswith("Estimated cost: $5.95 per day")
    assert "This call: $0.0029749" in answer.text and "1,000 such calls: $2.97" in answer.text
    settle(bot)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1
    everything = answer.everything
    assert "<!channel>" not in everything and "<@U0VICTIM>" not in everything


def test_paste_in_a_slash_command_is_answered_in_the_ack_and_escaped(bot: BotServer) -> None:
    # The Python SDK's printed usage, with Slack's escaping of its <MediaModality...> parts, and a
    # model string carrying a broadcast: refused as an unknown model, echoed only as text.
    repr_text = ("GenerateContentResponseUsageMetadata(cache_tokens_details=None, cached_content_token_count=None, "
                 "candidates_token_count=350, candidates_tokens_details=None, prompt_token_count=1200, "
                 "prompt_tokens_details=[ModalityTokenCount(modality=<MediaModality.TEXT: 'TEXT'>, token_count=1200)], "
                 "thoughts_token_count=2048, tool_use_prompt_token_count=None, tool_use_prompt_tokens_details=None, "
                 "total_token_count=3598, traffic_type=None)")  # fmt: skip
    response = bot.command(f"```{slack_escaped(repr_text)}```", user="U0EN")
    answer = json.loads(response.text)
    # default model gemini-3.1-pro-preview: 1,200 x $2.00 + (350 + 2,048) x $12.00, per 1M = $0.031176
    assert answer["text"].startswith("This call cost $0.031176")
    hostile = '{"promptTokenCount": 8, "totalTokenCount": 8, "modelVersion": "gemini-<!channel>"}'
    refused = json.loads(bot.command(slack_escaped(hostile), user="U0EN").text)
    assert "Unknown model" in refused["text"]
    assert "<!channel>" not in json.dumps(refused) and "&lt;!channel&gt;" in refused["text"]
