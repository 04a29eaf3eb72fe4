"""End to end over real HTTP: signed Slack requests into the bot as the Procfile serves it, a fake Web API behind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from fake_slack import BOT_ID, BOT_USER_ID, FakeSlack
from slack_harness import BotServer, new_id, settle, sign, slack_ts, start_bot

# The DESIGN's worked example on the default model (gemini-3.1-pro-preview): one request whose
# 1,000,000-token prompt is over 200,000, so long-context rates: 1M x $4.00 + 50k x $18.00 = $4.90.
EXAMPLE = "1M in 50k out"
EXAMPLE_ZH = "输入100万 输出5万"
EXAMPLE_TOTAL = "4.90"

BROADCASTS = ("<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<!subteam^S0TEAM>")


def ack_json(response) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return json.loads(response.text)


def test_healthz(bot: BotServer) -> None:
    import httpx

    assert httpx.get(f"{bot.url}/healthz").status_code == 200


def test_readyz_names_the_card_version_served(bot: BotServer) -> None:
    import httpx

    response = httpx.get(f"{bot.url}/readyz")
    assert response.status_code == 200
    body = response.json()
    assert body["ready"] is True and body["database"] == "reachable"
    assert isinstance(body["card_version"], int) and body["card_version"] >= 1


# -- /gemini-cost ----------------------------------------------------------------------------------


def test_same_query_answered_in_each_users_language(bot: BotServer) -> None:
    english = ack_json(bot.command(EXAMPLE, user="U0EN"))
    chinese = ack_json(bot.command(EXAMPLE, user="U0ZH"))

    assert english["response_type"] == "ephemeral"
    assert "Estimated cost" in english["text"] and f"${EXAMPLE_TOTAL}" in english["text"]
    assert english["blocks"], "a Block Kit answer with the text as fallback"
    assert "预估费用" in chinese["text"] and EXAMPLE_TOTAL in chinese["text"]
    assert "Estimated cost" not in chinese["text"]


def test_traditional_chinese_user(bot: BotServer) -> None:
    answer = ack_json(bot.command(EXAMPLE, user="U0TW"))
    assert "預估費用" in answer["text"]


def test_chinese_query_answered_in_the_askers_language(bot: BotServer) -> None:
    # ja-JP is neither Chinese locale: English, whatever language the question is in.
    from_japanese_locale = ack_json(bot.command(EXAMPLE_ZH, user="U0JA"))
    from_chinese_user = ack_json(bot.command(EXAMPLE_ZH, user="U0ZH"))

    assert "Estimated cost" in from_japanese_locale["text"] and f"${EXAMPLE_TOTAL}" in from_japanese_locale["text"]
    assert "预估费用" in from_chinese_user["text"] and EXAMPLE_TOTAL in from_chinese_user["text"]


def test_empty_query_shows_help(bot: BotServer) -> None:
    answer = ack_json(bot.command("", user="U0EN"))
    assert answer["response_type"] == "ephemeral"
    assert "/gemini-cost 1M in 50k out" in answer["text"]
    assert "lang" in answer["text"]


def test_unknown_model_is_a_clear_error(bot: BotServer) -> None:
    answer = ack_json(bot.command("1M in 50k out on gemini-9-ultra", user="U0EN"))
    assert "gemini-9-ultra" in answer["text"]
    assert "Unknown model" in answer["text"]
    assert "$0" not in answer["text"]


def test_public_answer_goes_to_the_channel(bot: BotServer) -> None:
    assert ack_json(bot.command(f"public {EXAMPLE}", user="U0EN"))["response_type"] == "in_channel"
    assert ack_json(bot.command(f"公开 {EXAMPLE}", user="U0ZH"))["response_type"] == "in_channel"


@pytest.mark.parametrize("broadcast", BROADCASTS)
def test_broadcasts_in_a_query_are_never_echoed_live(bot: BotServer, broadcast: str) -> None:
    # An unknown model name is echoed back in the error: the injection's best chance.
    answer = ack_json(bot.command(f"public 1M in on gemini-{broadcast}-pro {broadcast}", user="U0EN"))
    everything = json.dumps(answer, ensure_ascii=False)
    assert broadcast not in everything
    assert "<!" not in everything and "<@" not in everything


def test_slash_command_answered_in_the_ack_without_web_api_calls(bot: BotServer, fake_slack: FakeSlack) -> None:
    response_url_calls = len(fake_slack.find("response_url"))
    answer = ack_json(bot.command(EXAMPLE, user="U0EN"))
    assert f"${EXAMPLE_TOTAL}" in answer["text"]
    assert len(fake_slack.find("response_url")) == response_url_calls


def test_users_locale_lookup_that_times_out_falls_back_and_is_not_retried(
    bot: BotServer, fake_slack: FakeSlack
) -> None:
    # U0SLOW is zh-CN, but users.info answers after the bot's LOCALE_TIMEOUT: DEFAULT_LANG (en) it is.
    first = ack_json(bot.command(EXAMPLE, user="U0SLOW"))
    second = ack_json(bot.command(EXAMPLE, user="U0SLOW"))
    assert "Estimated cost" in first["text"] and "Estimated cost" in second["text"]
    assert len(fake_slack.find("users.info", lambda c: c.args.get("user") == "U0SLOW")) == 1


# -- signatures ------------------------------------------------------------------------------------


def test_forged_or_stale_requests_are_rejected_and_nothing_is_done(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    mention = {"type": "app_mention", "user": "U0EN", "channel": channel, "text": f"<@{BOT_USER_ID}> {EXAMPLE}",
               "ts": slack_ts()}  # fmt: skip
    forged = bot.event(mention, headers={"X-Slack-Request-Timestamp": str(int(time.time())),
                                         "X-Slack-Signature": "v0=" + "0" * 64})  # fmt: skip
    assert forged.status_code == 401

    body = "command=%2Fgemini-cost&text=1M+in&user_id=U0EN&channel_id=" + channel
    wrong_secret = bot.post(body, "application/x-www-form-urlencoded", sign(body, secret="not-the-secret"))
    stale = bot.post(body, "application/x-www-form-urlencoded", sign(body, timestamp=int(time.time()) - 600))
    unsigned = bot.post(body, "application/x-www-form-urlencoded", {})
    assert (wrong_secret.status_code, stale.status_code, unsigned.status_code) == (401, 401, 401)
    assert "Estimated cost" not in wrong_secret.text + stale.text + unsigned.text

    settle(bot)
    assert not [c for c in fake_slack.calls if c.args.get("channel") == channel]


# -- events ----------------------------------------------------------------------------------------


def test_mention_answered_in_its_thread(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    top = slack_ts()
    assert bot.event({"type": "app_mention", "user": "U0EN", "channel": channel,
                      "text": f"<@{BOT_USER_ID}> {EXAMPLE}", "ts": top}).status_code == 200  # fmt: skip
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert answer.args["thread_ts"] == top
    assert f"${EXAMPLE_TOTAL}" in answer.text

    parent, reply = slack_ts(), slack_ts()
    bot.event({"type": "app_mention", "user": "U0ZH", "channel": channel, "thread_ts": parent,
               "text": f"<@{BOT_USER_ID}> free tier?", "ts": reply})  # fmt: skip
    in_thread = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("thread_ts") == parent)
    assert in_thread.args["channel"] == channel
    assert "免费" in in_thread.text


def test_mention_that_also_arrives_as_a_channel_message_is_answered_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel, message_ts = new_id("C"), slack_ts()
    text = f"<@{BOT_USER_ID}> how much is {EXAMPLE}?"
    bot.event({"type": "message", "channel_type": "channel", "user": "U0EN", "channel": channel, "text": text,
               "ts": message_ts})  # fmt: skip
    bot.event({"type": "app_mention", "user": "U0EN", "channel": channel, "text": text, "ts": message_ts})
    fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    settle(bot)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1


def test_retried_event_is_answered_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel, event_id = new_id("C"), new_id("Ev")
    mention = {"type": "app_mention", "user": "U0EN", "channel": channel, "text": f"<@{BOT_USER_ID}> {EXAMPLE}",
               "ts": slack_ts()}  # fmt: skip
    assert bot.event(mention, event_id=event_id).status_code == 200
    for attempt in (1, 2):
        retry = bot.event(mention, event_id=event_id, headers={"X-Slack-Retry-Num": str(attempt),
                                                               "X-Slack-Retry-Reason": "http_timeout"})  # fmt: skip
        assert retry.status_code == 200  # acknowledged, so Slack stops retrying
    fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    settle(bot)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1


def test_direct_message_in_chinese(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("D")
    bot.event({"type": "message", "channel_type": "im", "user": "U0ZH", "channel": channel, "text": EXAMPLE_ZH,
               "ts": slack_ts()})  # fmt: skip
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert "预估费用" in answer.text and EXAMPLE_TOTAL in answer.text
    assert answer.args.get("thread_ts") is None  # a DM answer is a plain reply, not a thread


def test_bot_messages_are_ignored(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("D")
    other_channel = new_id("C")
    from_bots = [
        {"type": "message", "channel_type": "im", "channel": channel, "subtype": "bot_message", "bot_id": "B0OTHER",
         "text": EXAMPLE, "ts": slack_ts()},
        {"type": "message", "channel_type": "im", "channel": channel, "user": "U0OTHERBOT", "bot_id": "B0OTHER",
         "text": EXAMPLE, "ts": slack_ts()},
        {"type": "message", "channel_type": "im", "channel": channel, "user": BOT_USER_ID, "bot_id": BOT_ID,
         "text": EXAMPLE, "ts": slack_ts()},  # its own answer coming back
        {"type": "message", "channel_type": "channel", "channel": other_channel, "user": "U0OTHERBOT",
         "bot_id": "B0OTHER", "text": f"how much is {EXAMPLE}?", "ts": slack_ts()},
        {"type": "app_mention", "channel": other_channel, "user": "U0OTHERBOT", "bot_id": "B0OTHER",
         "text": f"<@{BOT_USER_ID}> {EXAMPLE}", "ts": slack_ts()},
    ]  # fmt: skip
    for event in from_bots:
        assert bot.event(event).status_code == 200
    settle(bot)
    assert not [c for c in fake_slack.calls if c.args.get("channel") in (channel, other_channel)]


def test_channel_questions_answered_in_a_thread_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    question_ts = slack_ts()
    bot.event({"type": "message", "channel_type": "channel", "user": "U0EN", "channel": channel,
               "text": f"how much would {EXAMPLE} cost?", "ts": question_ts})  # fmt: skip
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert answer.args["thread_ts"] == question_ts
    assert f"${EXAMPLE_TOTAL}" in answer.text

    # A follow-up question in the same thread, and plain chatter: neither is answered.
    bot.event({"type": "message", "channel_type": "channel", "user": "U0ZH", "channel": channel,
               "thread_ts": question_ts, "text": "and 2M in 100k out on 2.5 flash?", "ts": slack_ts()})  # fmt: skip
    bot.event({"type": "message", "channel_type": "channel", "user": "U0EN", "channel": channel,
               "text": "lunch at noon?", "ts": slack_ts()})  # fmt: skip
    settle(bot)
    assert len(fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1


def test_app_home_shows_rate_card_in_the_users_language(bot: BotServer, fake_slack: FakeSlack) -> None:
    bot.event({"type": "app_home_opened", "user": "U0TW", "channel": new_id("D"), "tab": "home"})
    published = fake_slack.wait_for("views.publish", lambda c: c.args.get("user_id") == "U0TW")
    view = published.args["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert view["type"] == "home"
    text = json.dumps(view["blocks"], ensure_ascii=False)
    assert "gemini-2.5-flash" in text and "/gemini-cost" in text


def test_web_api_429_and_5xx_are_retried(bot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("D")
    fake_slack.failures[("chat.postMessage", channel)] = [429, 502]
    bot.event({"type": "message", "channel_type": "im", "user": "U0EN", "channel": channel, "text": EXAMPLE,
               "ts": slack_ts()})  # fmt: skip
    answer = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert f"${EXAMPLE_TOTAL}" in answer.text
    assert [c.method for c in fake_slack.calls if c.args.get("channel") == channel] == [
        "chat.postMessage!429",
        "chat.postMessage!502",
        "chat.postMessage",
    ]


# -- language choice -------------------------------------------------------------------------------


def test_lang_choice_is_remembered_across_restarts(
    bot: BotServer, fake_slack: FakeSlack, bot_db: str, tmp_path: Path
) -> None:
    user = "U0JA"  # Slack locale ja-JP: English unless told otherwise
    try:
        confirmation = ack_json(bot.command("lang zh", user=user))
        assert confirmation["response_type"] == "ephemeral"
        assert "简体中文" in confirmation["text"]
        assert "预估费用" in ack_json(bot.command(EXAMPLE, user=user))["text"]

        # A new process on the same database (a restart, or a second instance) remembers it.
        second = start_bot(fake_slack, bot_db, tmp_path)
        try:
            assert "预估费用" in ack_json(second.command(EXAMPLE, user=user))["text"]
            channel = new_id("D")
            second.event({"type": "message", "channel_type": "im", "user": user, "channel": channel,
                          "text": EXAMPLE, "ts": slack_ts()})  # fmt: skip
            assert (
                "预估费用" in fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel).text
            )
        finally:
            second.stop()

        assert "English" in ack_json(bot.command("lang en", user=user))["text"]
        assert "Estimated cost" in ack_json(bot.command(EXAMPLE, user=user))["text"]
        assert "繁體中文" in ack_json(bot.command("lang 繁體", user=user))["text"]
        assert "預估費用" in ack_json(bot.command(EXAMPLE, user=user))["text"]
    finally:
        back = ack_json(bot.command("lang auto", user=user))
    assert "English" in back["text"]  # auto: the Slack locale (ja-JP) decides again
    assert "Estimated cost" in ack_json(bot.command(EXAMPLE, user=user))["text"]


def test_unknown_lang_choice_explains_the_options(bot: BotServer) -> None:
    answer = ack_json(bot.command("lang <!channel>", user="U0EN"))
    assert "<!channel>" not in answer["text"]
    assert "lang zh_TW" in answer["text"] and "lang auto" in answer["text"]
