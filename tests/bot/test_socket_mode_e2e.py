"""End to end over Socket Mode: the Procfile's worker, a fake Socket Mode server pushing events, a fake Web API.

The worker is started exactly as the Procfile says (through a shell), with an app token; the fake Web API's
apps.connections.open points it at the fake Socket Mode server.
"""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fake_slack import FakeSlack, start_fake_slack
from fake_socket_mode import FakeSocketMode, start_fake_socket_mode
from slack_harness import bot_env, new_id, procfile_command

APP_TOKEN = "xapp-1-A0TEST-0-fake-app-token"
# 1M x $4.00 + 50k x $18.00 (long-context rates on the default model), as in test_http_e2e.
EXAMPLE = "1M in 50k out"
EXAMPLE_TOTAL = "$4.90"
#: How long the fake Web API holds the in-flight answer while the worker is told to stop.
HELD_SECONDS = 2.0
#: Generous: a shared, noisy machine. The tests wait for events, they never assert durations.
EXIT_TIMEOUT = 60.0


@dataclass
class Worker:
    process: subprocess.Popen[bytes]
    stderr_path: Path

    @property
    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")


@pytest.fixture
def web_api() -> Iterator[FakeSlack]:
    state, server = start_fake_slack()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def socket_mode(web_api: FakeSlack) -> Iterator[FakeSocketMode]:
    server = start_fake_socket_mode()
    web_api.socket_mode_url = server.url
    yield server
    server.stop()


@pytest.fixture
def worker(web_api: FakeSlack, socket_mode: FakeSocketMode, tmp_path: Path) -> Iterator[Worker]:
    """The Procfile's `worker:` process, connected to the fake Socket Mode server."""
    env = bot_env(web_api, f"sqlite:///{tmp_path / 'bot.db'}", SLACK_APP_TOKEN=APP_TOKEN)
    stderr_path = tmp_path / "worker.stderr"
    with (tmp_path / "worker.stdout").open("wb") as stdout, stderr_path.open("wb") as stderr:
        process = subprocess.Popen(
            ["bash", "-c", "exec " + procfile_command("worker")], cwd=tmp_path, env=env, stdout=stdout, stderr=stderr
        )
    running = Worker(process, stderr_path)
    try:
        deadline = time.monotonic() + EXIT_TIMEOUT
        while socket_mode.connections_accepted == 0:
            if process.poll() is not None:
                raise AssertionError(f"worker exited with {process.returncode}:\n{running.stderr}")
            if time.monotonic() > deadline:
                raise AssertionError(f"worker never connected to Socket Mode:\n{running.stderr}")
            try:
                socket_mode.wait_for_connection(timeout=0.5)
            except AssertionError:
                continue  # still starting: check it is alive, then wait again
        yield running
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()


def direct_message(channel: str, text: str, user: str = "U0EN") -> dict[str, str]:
    return {"type": "message", "channel_type": "im", "channel": channel, "user": user, "text": text,
            "ts": f"{time.time():.6f}"}  # fmt: skip


def in_channel(channel: str):  # type: ignore[no-untyped-def]
    return lambda call: call.args.get("channel") == channel


def test_direct_message_over_socket_mode_is_acked_and_answered(
    worker: Worker, web_api: FakeSlack, socket_mode: FakeSocketMode
) -> None:
    opened = web_api.wait_for("apps.connections.open")
    assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"  # the app token, not the bot token

    channel = new_id("D")
    envelope = socket_mode.push_event(direct_message(channel, EXAMPLE))
    assert envelope.delivered
    socket_mode.wait_for_ack(envelope.envelope_id)

    answer = web_api.wait_for("chat.postMessage", in_channel(channel))
    assert "Estimated cost" in answer.text and EXAMPLE_TOTAL in answer.text
    assert answer.args.get("thread_ts") is None  # a DM answer is a plain reply, not a thread
    assert "Traceback" not in worker.stderr


def test_sigterm_finishes_the_answer_in_flight_takes_nothing_new_and_exits_0(
    worker: Worker, web_api: FakeSlack, socket_mode: FakeSocketMode
) -> None:
    in_flight, after_stop = new_id("D"), new_id("D")
    web_api.delays[("chat.postMessage", in_flight)] = HELD_SECONDS
    envelope = socket_mode.push_event(direct_message(in_flight, EXAMPLE))
    socket_mode.wait_for_ack(envelope.envelope_id)
    web_api.wait_for("chat.postMessage", in_channel(in_flight))  # arrived; the fake holds its answer

    worker.process.send_signal(signal.SIGTERM)
    # While the worker drains (or once it has closed the connection), Slack may still push: by the time
    # the held answer is read, the worker has had the whole hold to act on SIGTERM, so no race with it.
    wait_for_answer_or_exit(web_api, in_channel(in_flight), worker)
    late = socket_mode.push_event(direct_message(after_stop, EXAMPLE))

    try:
        returncode = worker.process.wait(timeout=EXIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"worker still running {EXIT_TIMEOUT} s after SIGTERM:\n{worker.stderr}")
    assert returncode == 0, f"worker exited with {returncode} after SIGTERM:\n{worker.stderr}"

    # The held answer was read by a worker still waiting for it (not written to a closed connection).
    answered = web_api.wait_for_answered("chat.postMessage", in_channel(in_flight), timeout=10)
    assert EXAMPLE_TOTAL in answered.text
    assert "Traceback" not in worker.stderr, worker.stderr

    # Taken after SIGTERM, an event would be acked and then dropped (Slack redelivers only unacked ones).
    assert not web_api.find("chat.postMessage", in_channel(after_stop)), "answered an event pushed after SIGTERM"
    assert not socket_mode.acked(late.envelope_id), "acked an event pushed after SIGTERM (lost: never redelivered)"


def wait_for_answer_or_exit(web_api: FakeSlack, where, worker: Worker) -> None:  # type: ignore[no-untyped-def]
    """Until the fake has answered the matching call to a waiting worker, or the worker has exited."""
    deadline = time.monotonic() + EXIT_TIMEOUT
    while worker.process.poll() is None and time.monotonic() < deadline:
        try:
            web_api.wait_for_answered("chat.postMessage", where, timeout=0.5)
            return
        except AssertionError:
            continue  # not yet: check the worker is still alive, then wait again
