"""Understanding end to end over signed HTTP: a question asked back with buttons (pressing one answers
for that user only), and follow-ups in a thread and in a DM, for English and zh-CN users."""

from __future__ import annotations

import json
import time

from fake_slack import BOT_USER_ID, FakeSlack
from slack_harness import BotServer, new_id, slack_ts


def _buttons(blocks: list[dict]) -> list[dict]:  # type: ignore[type-arg]
    return next(b for b in blocks if b["type"] == "actions")["elements"]


def _click(bot: BotServer, user: str, button: dict, response_url: str, *, channel: str, thread_ts: str | None = None) -> None:  # type: ignore[type-arg]
    response = bot.press(user, button["action_id"], button["value"], response_url, channel=channel, thread_ts=thread_ts)
    assert response.status_code == 200, response.text


def test_an_ambiguous_question_gets_buttons_and_a_press_answers_for_that_user(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    asked = json.loads(bot.command("50k 5k on 2.5 flash", user="U0ZH", channel=channel).text)
    assert asked["response_type"] == "ephemeral"
    assert "$" not in asked["text"], "no priced guess"
    assert "“50k / 5k”是哪一部分" in asked["text"]
    buttons = _buttons(asked["blocks"])
    # the likely reading first, each labelled in the asker's language
    assert [b["text"]["text"] for b in buttons] == [
        "gemini-2.5-flash · 1 次请求 · 每次输入 5万 token · 每次输出 5,000 token",
        "gemini-2.5-flash · 1 次请求 · 每次输入 5,000 token · 每次输出 5万 token",
    ]
    url = fake_slack.response_url()
    _click(bot, "U0ZH", buttons[0], url, channel=channel)
    answer = fake_slack.wait_for("response_url", lambda c: "5万" in c.text and "理解为" in c.text)
    assert answer.args["response_type"] == "ephemeral" and answer.args.get("replace_original") is False
    # 50k x $0.30 + 5k x $2.50 = $0.015 + $0.0125 = $0.0275
    assert "预估费用：US$0.0275" in answer.text
    assert "理解为：gemini-2.5-flash · 1 次请求 · 每次输入 5万 token · 每次输出 5,000 token" in answer.text


def test_a_follow_up_in_a_thread_reprices_the_last_question(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel, mention_ts = new_id("C"), slack_ts()
    bot.event({"type": "app_mention", "channel": channel, "channel_type": "channel", "user": "U0ZH",
               "text": f"<@{BOT_USER_ID}> 10k in 2k out x100 per day on 3 flash", "ts": mention_ts})  # fmt: skip
    first = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert first.args["thread_ts"] == mention_ts and "理解为：gemini-3-flash-preview" in first.text

    bot.event({"type": "message", "channel": channel, "channel_type": "channel", "user": "U0ZH",
               "text": "换成 2.5 flash 呢", "ts": slack_ts(), "thread_ts": mention_ts})  # fmt: skip
    second = fake_slack.wait_for(
        "chat.postMessage", lambda c: c.args.get("channel") == channel and "gemini-2.5-flash" in c.text
    )
    assert second.args["thread_ts"] == mention_ts
    # the same question on 2.5 flash: 100 x (10k x $0.30 + 2k x $2.50) = 100 x $0.008 = $0.80 a day
    assert "理解为：gemini-2.5-flash · 每天 100 次请求 · 每次输入 1万 token · 每次输出 2,000 token" in second.text
    assert "US$0.80" in second.text


def test_a_follow_up_in_a_dm_and_nothing_to_follow_is_a_new_question(bot: BotServer, fake_slack: FakeSlack) -> None:
    dm = new_id("D")

    def say(text: str) -> str:
        before = len([c for c in fake_slack.calls if c.method == "chat.postMessage" and c.args.get("channel") == dm])
        bot.event({"type": "message", "channel_type": "im", "channel": dm, "user": "U0EN", "text": text, "ts": slack_ts()})
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            posted = [c for c in fake_slack.calls if c.method == "chat.postMessage" and c.args.get("channel") == dm]
            if len(posted) > before:
                return posted[-1].text
            time.sleep(0.02)
        raise AssertionError(f"no answer to {text!r}")

    # with nothing to follow, "and with batch?" is a question about batch, not a price
    assert "Batch on" in say("and with batch?")
    assert "Read as: gemini-3-flash-preview · 100 requests a day" in say("10k in 2k out x100 per day on 3 flash")
    batched = say("and with batch?")
    assert "Read as: gemini-3-flash-preview · 100 requests a day · input 10,000 tokens each · output 2,000 tokens each · batch" in batched
    scaled = say("x1000 a day?")
    assert "1,000 requests a day" in scaled and "batch" in scaled
