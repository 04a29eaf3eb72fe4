"""Buttons over signed HTTP against the deployed `web` process (issue 17 items 5, 6, 7 and 14).

A proposal's Cancel and Apply are an admin's (a refusal goes to the presser alone, the shared message
stays); a clarify button prices what it carries, and a press by anyone but the asker answers them
privately and changes nothing of the asker's; every press is acknowledged before its work.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fake_slack import BOT_USER_ID, FakeSlack
from slack_harness import BotServer, new_id, settle, slack_ts, start_bot

ADMIN = "U0ADMIN"
SLACK_DEADLINE = 3.0


@pytest.fixture(scope="module")
def bbot(fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    workdir = tmp_path_factory.mktemp("buttons")
    server = start_bot(fake_slack, f"sqlite:///{workdir / 'b.db'}", workdir, ADMIN_USER_IDS=ADMIN)
    yield server
    server.stop()


def press(bot: BotServer, user: str, button: dict[str, Any], response_url: str, *, channel: str,
          thread_ts: str | None = None, ephemeral: bool = False) -> httpx.Response:  # fmt: skip
    """A button press as Slack sends it; the HTTP answer must come within Slack's 3 s."""
    return bot.press(user, button["action_id"], button["value"], response_url, channel=channel, thread_ts=thread_ts,
                     ephemeral=ephemeral, timeout=SLACK_DEADLINE)  # fmt: skip


def buttons_of(blocks: list[dict[str, Any]] | str) -> list[dict[str, Any]]:
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    return next(b for b in blocks if b["type"] == "actions")["elements"]


def command(bot: BotServer, text: str, user: str, channel: str) -> dict[str, Any]:
    response = bot.command(text, user=user, channel=channel)
    assert response.status_code == 200
    return json.loads(response.text)  # type: ignore[no-any-return]


def answer_at(fake: FakeSlack, marker: str) -> Any:
    return fake.wait_for("response_url", lambda c: marker in c.text)


# --- items 5 and 7: the proposal's buttons -------------------------------------------------------------


def test_only_an_admin_cancels_or_applies_and_a_refusal_answers_the_presser_alone(bbot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    assert "saved" in html.unescape(command(bbot, "admin set 2.5 flash input 0.99", ADMIN, channel)["text"])
    shown = command(bbot, "admin sync", ADMIN, channel)
    apply_button, cancel_button = buttons_of(shown["blocks"])

    for button in (cancel_button, apply_button):
        url = fake_slack.response_url()
        assert press(bbot, "U0SOMEONE", button, url, channel=channel).status_code == 200
        refusal = fake_slack.wait_for("response_url", lambda c, url=url: url.endswith(c.path))
        assert "only the bot's admins" in refusal.text
        assert refusal.args.get("replace_original") is False  # the shared proposal stays as it was
    assert "$0.99" in html.unescape(command(bbot, "1M in on 2.5 flash", "U0EN", channel)["text"])

    url = fake_slack.response_url()
    assert press(bbot, ADMIN, apply_button, url, channel=channel).status_code == 200
    applied = fake_slack.wait_for("response_url", lambda c: "sync genai-prices" in c.text)
    assert applied.args.get("replace_original") is True


def test_a_press_is_acknowledged_before_its_work(bbot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    asked = command(bbot, "50k 5k on 2.5 flash", "U0EN", channel)
    button = buttons_of(asked["blocks"])[0]
    fake_slack.delays[("response_url", "*")] = 8.0  # the answer's post is slow; the ack must not wait for it
    try:
        response = press(bbot, "U0EN", button, fake_slack.response_url(), channel=channel, ephemeral=True)
        assert response.status_code == 200  # within SLACK_DEADLINE, or httpx raised
        fake_slack.wait_for("response_url", lambda c: "50,000" in c.text and "Read as" in c.text)
    finally:
        fake_slack.delays.pop(("response_url", "*"), None)


# --- items 6 and 14: clarify buttons carry what they price and whose question it was ----------------------


def test_a_press_never_reads_another_conversation(bbot: BotServer, fake_slack: FakeSlack) -> None:
    channel = new_id("C")
    asked = command(bbot, "50k 5k on 2.5 flash", "U0EN", channel)
    press(bbot, "U0EN", buttons_of(asked["blocks"])[0], fake_slack.response_url(), channel=channel, ephemeral=True)
    answer_at(fake_slack, "50,000")
    # Another member's validly signed press, with a follow-up as its "reading", in the same channel.
    for value in ("and with batch?", json.dumps({"q": "and with batch?", "u": "U0OTHER"})):
        url = fake_slack.response_url()
        press(bbot, "U0OTHER", {"action_id": "clarify_pick_0", "value": value}, url, channel=channel, ephemeral=True)
        reply = fake_slack.wait_for("response_url", lambda c, url=url: url.endswith(c.path))
        assert "50,000" not in reply.everything, reply.text


def test_another_members_press_changes_nothing_of_the_askers_thread(bbot: BotServer, fake_slack: FakeSlack) -> None:
    channel, mention_ts = new_id("C"), slack_ts()
    bbot.event({"type": "app_mention", "channel": channel, "channel_type": "channel", "user": "U0EN",
                "text": f"<@{BOT_USER_ID}> 50k 5k on 2.5 flash", "ts": mention_ts})  # fmt: skip
    asked = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    first, second = buttons_of(asked.args["blocks"])[:2]
    assert json.loads(first["value"])["u"] == "U0EN"  # the button says whose question it was

    press(bbot, "U0EN", first, fake_slack.response_url(), channel=channel, thread_ts=mention_ts)
    answer_at(fake_slack, "50,000 token")
    # Another member picks the other reading: answered for them alone...
    url = fake_slack.response_url()
    press(bbot, "U0OTHER", second, url, channel=channel, thread_ts=mention_ts)
    theirs = fake_slack.wait_for("response_url", lambda c, url=url: url.endswith(c.path))
    assert theirs.args.get("response_type") == "ephemeral" and "Read as" in theirs.text
    settle(bbot)
    # ...and the asker's follow-up in the thread still re-prices the asker's own pick (50,000 in).
    bbot.event({"type": "message", "channel": channel, "channel_type": "channel", "user": "U0EN",
                "text": "and with batch?", "ts": slack_ts(), "thread_ts": mention_ts})  # fmt: skip
    follow = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel and "batch" in c.text.lower())
    assert "Read as: gemini-2.5-flash · 1 request · input 50,000 tokens each · output 5,000 tokens each · batch" in follow.text
