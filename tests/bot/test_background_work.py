"""Work after the ack: audit announcements do not queue behind answers, and the answer queue is bounded (item 10)."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import threading
import time
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from slack_harness import new_id, start_bot

from bot.slack.workers import BackgroundTasks

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


def test_the_backlog_is_bounded_and_says_so_when_full(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> tuple[list[bool], list[int], int]:
        tasks = BackgroundTasks(limit=2, capacity=5, name="slack-events")
        release = asyncio.Event()
        ran: list[int] = []
        most_at_once = 0
        running = 0

        async def task(n: int) -> None:
            nonlocal running, most_at_once
            running += 1
            most_at_once = max(most_at_once, running)
            await release.wait()
            running -= 1
            ran.append(n)

        taken = [tasks.spawn(task(n)) for n in range(7)]
        await asyncio.sleep(0)
        release.set()
        await tasks.join()
        # room again once the work is done
        again = [tasks.spawn(task(n)) for n in (7, 8)]
        await tasks.join()
        return taken + again, sorted(ran), most_at_once

    with caplog.at_level(logging.ERROR, logger="bot.slack.workers"):
        taken, ran, most_at_once = asyncio.run(scenario())
    assert taken == [True] * 5 + [False] * 2 + [True] * 2  # 5 running or waiting; 2 dropped
    assert caplog.text.count("slack-events: 5 tasks already running or waiting; dropped task") == 2
    assert ran == [0, 1, 2, 3, 4, 7, 8]
    assert most_at_once == 2


def test_shutdown_finishes_work_underway_and_takes_no_more(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> tuple[bool, list[str], bool]:
        tasks = BackgroundTasks(limit=4, capacity=10, name="slack-events")
        done: list[str] = []

        async def answer(name: str, seconds: float) -> None:
            await asyncio.sleep(seconds)
            done.append(name)

        tasks.spawn(answer("quick", 0.05))
        tasks.spawn(answer("stuck", 60))
        finished = await tasks.drain(timeout=1.0)
        late = tasks.spawn(answer("after shutdown", 0))
        return finished, done, late

    with caplog.at_level(logging.WARNING, logger="bot.slack.workers"):
        finished, done, late = asyncio.run(scenario())
    assert done == ["quick"]
    assert finished is False and late is False
    assert "1 tasks still running after 1 s at shutdown; cancelled" in caplog.text
    assert "shutting down; dropped answer" in caplog.text


def test_work_handed_over_by_a_thread_before_the_loop_runs_starts_with_it() -> None:
    """The daily price check may find a change at start-up, before the server's loop exists."""
    tasks = BackgroundTasks(limit=2, capacity=10, name="audit-announcements")
    posted: list[str] = []

    async def post(text: str) -> None:
        posted.append(text)

    from_thread = threading.Thread(target=lambda: tasks.spawn_threadsafe(lambda: post("found at start-up")))
    from_thread.start()
    from_thread.join()

    async def serve() -> None:
        tasks.bind()
        tasks.spawn_threadsafe(lambda: post("found later"))  # once bound: scheduled on the loop
        await asyncio.sleep(0)
        await tasks.join()

    asyncio.run(serve())
    assert posted == ["found at start-up", "found later"]
