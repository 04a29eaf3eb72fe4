"""Helpers for the Slack tests: run the bot as the Procfile says, and talk to it as Slack does (signed)."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

import httpx
from fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack

T = TypeVar("T")

REPO = Path(__file__).resolve().parents[2]
#: How long a test waits for something that should happen. Generous on purpose: a check returns as
#: soon as its condition holds, so the deadline only matters on a loaded machine, where a tight one
#: (the 2 s DESIGN promises for a change to reach every instance) would fail a test whose code is right.
DEADLINE = 15.0
SIGNING_SECRET = "test-signing-secret-0123456789"
BOT_TOKEN = "xoxb-test-0000-token"


def procfile_command(kind: str) -> str:
    """The command the Procfile gives a process type (`web`, `worker`)."""
    for line in (REPO / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == kind:
            return command.strip()
    raise AssertionError(f"Procfile has no {kind}: line")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def bot_env(fake: FakeSlack, database_url: str, **extra: str) -> dict[str, str]:
    """A clean environment: only what the bot is meant to read, nothing from the developer's shell."""
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.api_url,
        "DATABASE_URL": database_url,
        "CHANNEL_QUESTIONS": "true",
        # the product's default: on a CI box whose two cores run four test workers, users.info on the loopback fake took
        # longer than 0.5 s once, and a Chinese user's answer came in English (a look-up that times out is reused for
        # 5 minutes, by design). U0SLOW (3 s) is still slower than this.
        "LOCALE_TIMEOUT": "1.5",
    }
    env.update(extra)
    return env


def sign(body: str, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Headers Slack would send: v0 HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def slack_ts() -> str:
    """A message or action timestamp as Slack writes them (seconds, six decimals)."""
    return f"{time.time():.6f}"


def new_id(prefix: str) -> str:
    """A fresh Slack-style id, so tests sharing one server never see each other's messages."""
    return prefix + uuid.uuid4().hex[:10].upper()


@dataclass
class BotServer:
    """The bot as deployed: a uvicorn process from the Procfile, reached over loopback HTTP."""

    url: str
    process: subprocess.Popen[bytes]
    fake: FakeSlack

    def post(
        self, body: str, content_type: str, headers: dict[str, str] | None = None, *, timeout: float = DEADLINE * 2
    ) -> httpx.Response:
        """POST ``body`` to the bot, signed unless ``headers`` say otherwise. The default ``timeout`` is
        generous for a loaded machine; a test that holds the bot to Slack's 3 s passes its own."""
        return httpx.post(
            f"{self.url}/slack/events",
            content=body.encode(),
            headers={"Content-Type": content_type, **(headers if headers is not None else sign(body))},
            timeout=timeout,
        )

    def press(
        self, user: str, action_id: str, value: str, response_url: str, *, channel: str,
        thread_ts: str | None = None, ephemeral: bool | None = None, timeout: float = DEADLINE * 2,
    ) -> httpx.Response:  # fmt: skip
        """``user`` presses a button (a `block_actions` payload, form-encoded and signed, as Slack posts it).

        ``ephemeral``: the button is under an ephemeral message (Slack says so in the container).
        """
        container: dict[str, Any] = {"type": "message", "channel_id": channel}
        if ephemeral is not None:
            container["is_ephemeral"] = ephemeral
        if thread_ts:
            container["thread_ts"] = thread_ts
        payload = {
            "type": "block_actions", "team": {"id": TEAM_ID}, "user": {"id": user}, "api_app_id": "A0TEST",
            "token": "legacy", "trigger_id": "1.2.3", "response_url": response_url, "channel": {"id": channel},
            "container": container,
            "actions": [{"action_id": action_id, "block_id": "b", "type": "button", "value": value,
                         "action_ts": slack_ts()}],
        }  # fmt: skip
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded", timeout=timeout)

    def command(
        self, text: str, *, user: str = "U0EN", channel: str | None = None, timeout: float = DEADLINE * 2, **extra: str
    ) -> httpx.Response:
        """POST `/gemini-cost <text>` the way Slack does (form-encoded, signed)."""
        body = urlencode({
            "token": "legacy", "team_id": TEAM_ID, "team_domain": "test", "channel_id": channel or new_id("C"),
            "channel_name": "general", "user_id": user, "user_name": user.lower(), "command": "/gemini-cost",
            "text": text, "api_app_id": "A0TEST", "response_url": self.fake.response_url(),
            "trigger_id": "1.2.3", **extra,
        })  # fmt: skip
        return self.post(body, "application/x-www-form-urlencoded", timeout=timeout)

    def event(
        self, event: dict[str, Any], *, event_id: str | None = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        """POST an Events API callback wrapping ``event`` (signed unless ``headers`` say otherwise)."""
        body = json.dumps({
            "token": "legacy", "team_id": TEAM_ID, "api_app_id": "A0TEST", "type": "event_callback",
            "event_id": event_id or new_id("Ev"), "event_time": int(time.time()), "event": event,
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        })  # fmt: skip
        extra = headers or {}
        signed = sign(body) if "X-Slack-Signature" not in extra else {}
        return self.post(body, "application/json", {**signed, **extra})

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_bot(fake: FakeSlack, database_url: str, workdir: Path, **extra_env: str) -> BotServer:
    """Run the Procfile's `web:` command (through a shell, as Procfile platforms do) and wait until it serves."""
    (server,) = start_bots(1, fake, database_url, workdir, **extra_env)
    return server


def start_bots(count: int, fake: FakeSlack, database_url: str, workdir: Path, **extra_env: str) -> list[BotServer]:
    """``count`` instances on one database, started together (as a deploy starts them) and each waited for.

    A port is picked free, then bound by the bot a moment later: another process (a parallel test
    worker) may take it in between, so a bot that could not bind is started again on another port.
    """
    launched = [_launch(fake, database_url, workdir, extra_env) for _ in range(count)]
    servers = []
    for process, port, log_path in launched:
        for _attempt in range(5):
            if _serving(process, port, log_path):
                servers.append(BotServer(f"http://127.0.0.1:{port}", process, fake))
                break
            process, port, log_path = _launch(fake, database_url, workdir, extra_env)  # the port was taken
        else:
            raise AssertionError("no free port could be bound in 5 tries")
    return servers


def _launch(fake: FakeSlack, database_url: str, workdir: Path, extra_env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int, Path]:
    port = free_port()
    env = bot_env(fake, database_url, PORT=str(port), **extra_env)
    log_path = workdir / f"bot-{port}.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            ["bash", "-c", "exec " + procfile_command("web")], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    return process, port, log_path


def _serving(process: subprocess.Popen[bytes], port: int, log_path: Path) -> bool:
    """True once the bot answers /healthz; False when it exited because its port was taken; else fail."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log_path.read_text()
            if "address already in use" in output.lower():
                return False
            raise AssertionError(f"bot exited with {process.returncode}:\n{output}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return True
        except httpx.TransportError:
            time.sleep(0.05)  # still starting: poll again shortly
    process.kill()
    raise AssertionError(f"bot did not start serving /healthz within 60 s:\n{log_path.read_text()}")


def eventually(check: Callable[[], T], timeout: float = DEADLINE) -> T:
    """Poll until ``check()`` returns something truthy, and return it; else fail with the last result."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(0.05)
    raise AssertionError(f"not within {timeout} s; last: {last!r}")


def settle(bot: BotServer) -> None:
    """Wait until the bot has answered a fresh DM: work queued before it has had its turn.

    Used before asserting that something was NOT answered, instead of sleeping for a guess.
    """
    channel = new_id("D")
    response = bot.event({"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN",
                          "text": "1M in", "ts": f"{time.time():.6f}"})  # fmt: skip
    assert response.status_code == 200
    bot.fake.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
