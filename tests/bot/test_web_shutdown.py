"""The `web` process on SIGTERM (a deploy, a scale-down): answers already being posted go out, then exit 0."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from fake_slack import FakeSlack
from slack_harness import new_id, start_bot

#: How long the fake Web API holds the answer in flight while the process is told to stop.
HELD_SECONDS = 2.0
#: Generous: a shared, noisy machine. The test waits for events, it never asserts durations.
EXIT_TIMEOUT = 60.0


def test_sigterm_lets_a_dm_answer_in_flight_go_out_then_exits_0(fake_slack: FakeSlack, tmp_path: Path) -> None:
    bot = start_bot(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", tmp_path)
    channel = new_id("D")
    fake_slack.delays[("chat.postMessage", channel)] = HELD_SECONDS
    try:
        event = {"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN",
                 "text": "1M in 50k out", "ts": f"{time.time():.6f}"}  # fmt: skip
        assert bot.event(event).status_code == 200  # acked at once; the answer is a background task
        fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)  # held by the fake
        bot.process.send_signal(signal.SIGTERM)
        try:
            returncode = bot.process.wait(timeout=EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"web process still running {EXIT_TIMEOUT} s after SIGTERM") from None
        log = "\n".join(p.read_text(errors="replace") for p in tmp_path.glob("bot-*.log"))
        assert returncode == 0, log
        # The fake answered a process still waiting for it: the answer was not cut off.
        answered = fake_slack.wait_for_answered("chat.postMessage", lambda c: c.args.get("channel") == channel)
        assert "$4.90" in answered.text
        assert "Traceback" not in log, log
    finally:
        del fake_slack.delays[("chat.postMessage", channel)]
        if bot.process.poll() is None:
            bot.process.kill()
            bot.process.wait()
