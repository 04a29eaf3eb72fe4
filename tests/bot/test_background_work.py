"""Work after the ack: audit announcements do not queue behind answers, and the answer queue is bounded (item 10)."""

from __future__ import annotations

import html
import json
import logging
import threading
import time
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from slack_harness import new_id, start_bot

from bot.workers import BoundedExecutor

ADMIN = "U0ADMIN"
AUDIT = "C0AUDITQ"


def test_an_announcement_does_not_wait_behind_a_burst_of_answers(fake_slack: FakeSlack, tmp_path: Path) -> None:
    bot = start_bot(fake_slack, f"sqlite:///{tmp_path / 'burst.db'}", tmp_path, ADMIN_USER_IDS=ADMIN, AUDIT_CHANNEL=AUDIT)
    fake_slack.delays[("chat.postMessage", "*")] = 1.0  # a slow Slack
    try:
        channels = [new_id("D") for _ in range(40)]
        for i, channel in enumerate(channels):  # 40 DMs: 8 workers x 1 s each = 5 s of answering
            response = bot.event({"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN",
                                  "text": "1M in", "ts": f"1700000001.{i:06d}"})  # fmt: skip
            assert response.status_code == 200
        changed_at = time.monotonic()
        done = html.unescape(json.loads(bot.command("admin set 2.5 flash input 0.35", user=ADMIN).text)["text"])
        assert "version 2" in done
        fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == AUDIT and "0.35" in c.everything)
        assert time.monotonic() - changed_at < 2.0  # the post left at once, not after 5 s of answers
        # and every answer still went out
        for channel in channels:
            fake_slack.wait_for("chat.postMessage", lambda c, ch=channel: c.args.get("channel") == ch, timeout=30)
    finally:
        del fake_slack.delays[("chat.postMessage", "*")]
        bot.stop()


def test_the_queue_is_bounded_and_says_so_when_full(caplog: pytest.LogCaptureFixture) -> None:
    pool = BoundedExecutor(workers=2, queue=3, name="slack-events")
    release = threading.Event()
    ran: list[int] = []

    def task(n: int) -> None:
        release.wait(10)
        ran.append(n)

    with caplog.at_level(logging.ERROR, logger="bot.workers"):
        futures = [pool.submit(task, n) for n in range(7)]
    assert [f.cancelled() for f in futures] == [False] * 5 + [True] * 2  # 2 running + 3 waiting; 2 dropped
    assert caplog.text.count("slack-events: 5 tasks already running or waiting; dropped task") == 2
    release.set()
    pool.shutdown(wait=True)
    assert sorted(ran) == [0, 1, 2, 3, 4]
    # room again once the work is done
    pool = BoundedExecutor(workers=1, queue=0, name="again")
    assert pool.submit(lambda: 1).result(5) == 1
    assert pool.submit(lambda: 2).result(5) == 2
    pool.shutdown()
