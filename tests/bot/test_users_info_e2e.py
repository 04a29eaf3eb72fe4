"""One users.info per user answers both the language and the workspace-admin check; a timeout is not a "no".

Over signed HTTP, with WORKSPACE_ADMINS_ARE_ADMINS=true (issue 10, item 9).
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from slack_harness import BotServer, start_bot

from bot.slack.permissions import RETRY_FAILED_AFTER


@pytest.fixture()
def bot(fake_slack: FakeSlack, tmp_path: Path) -> Iterator[BotServer]:
    # a short locale timeout (the harness's is the product's 1.5 s): these tests time look-ups out on purpose
    server = start_bot(fake_slack, f"sqlite:///{tmp_path / 'users.db'}", tmp_path, WORKSPACE_ADMINS_ARE_ADMINS="true", LOCALE_TIMEOUT="0.5")
    yield server
    server.stop()


def said(bot: BotServer, text: str, user: str) -> str:
    response = bot.command(text, user=user)
    assert response.status_code == 200, response.text
    return html.unescape(str(json.loads(response.text)["text"]))


def lookups(fake: FakeSlack, user: str) -> int:
    return len(fake.find("users.info", lambda c: c.args.get("user") == user))


def test_an_empty_command_asks_slack_about_the_user_once(bot: BotServer, fake_slack: FakeSlack) -> None:
    before = lookups(fake_slack, "U0WSADMIN")
    started = time.monotonic()
    help_text = said(bot, "", "U0WSADMIN")
    elapsed = time.monotonic() - started
    assert "admin set MODEL FIELD PRICE" in help_text  # a workspace admin sees the admin commands
    assert "中英文都可以问" in help_text  # in their Slack language (zh-CN), from the same users.info
    assert lookups(fake_slack, "U0WSADMIN") == before + 1
    assert elapsed < 3.0
    # and a later admin command within the cache time asks nothing more
    assert "价目表版本 1" in said(bot, "admin show", "U0WSADMIN")
    assert lookups(fake_slack, "U0WSADMIN") == before + 1


def test_a_timed_out_admin_check_does_not_lock_a_real_admin_out(bot: BotServer, fake_slack: FakeSlack) -> None:
    fake_slack.delays[("users.info", "U0WSADMIN2")] = 1.0  # longer than the bot's LOCALE_TIMEOUT (0.5 s)
    try:
        started = time.monotonic()
        first = said(bot, "admin show", "U0WSADMIN2")
        assert time.monotonic() - started < 3.0
        assert "only the bot's admins" in first  # Slack did not answer in time: not an admin for now
    finally:
        del fake_slack.delays[("users.info", "U0WSADMIN2")]
    # Slack answers again: within seconds (not the 5-minute admin cache), the admin is an admin
    deadline = time.monotonic() + RETRY_FAILED_AFTER + 3
    while time.monotonic() < deadline:
        if "Rate card version" in said(bot, "admin show", "U0WSADMIN2"):
            return
        time.sleep(0.2)
    raise AssertionError("the admin was still refused after Slack answered again")
