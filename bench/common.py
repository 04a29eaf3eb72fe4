"""Shared by the HTTP bench: signing like Slack, the Procfile's web command, starting and stopping servers.

Nothing here imports the bot: the bench talks to it only as Slack does, over loopback HTTP.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parents[1]
TESTS_BOT = REPO / "tests" / "bot"

SIGNING_SECRET = "bench-signing-secret-0123456789"
BOT_TOKEN = "xoxb-bench-0000-token"
QUERY = "1M in 50k out"
#: What a correct answer to QUERY contains (DESIGN's worked example on the default model).
EXPECTED_TOTAL = "4.90"
FLOOR_TEXT = "floor: fixed answer"


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of values already sorted; NaN for none."""
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def fmt_number(value: Any, digits: int = 2, *, grouping: bool = False) -> str:
    """A table cell: floats to ``digits`` places (with thousands separators when ``grouping``), None as n/a."""
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.{digits}f}" if grouping else f"{value:.{digits}f}"
    return str(value)


def fake_slack_module() -> Any:
    """tests/bot/fake_slack.py (the tests' fake Web API), imported without installing anything."""
    if str(TESTS_BOT) not in sys.path:
        sys.path.insert(0, str(TESTS_BOT))
    import fake_slack

    return fake_slack


def procfile_command(kind: str = "web") -> str:
    for line in (REPO / "Procfile").read_text().splitlines():
        name, _, command = line.partition(":")
        if name.strip() == kind:
            return command.strip()
    raise RuntimeError(f"Procfile has no {kind}: line")


#: How uvicorn serves an ASGI factory with the settings of the Procfile's `web` process
#: (`python -m bot http`, bot/slack/web.py `serve_http`): all interfaces, $PORT, uvicorn's default loop and parser.
UVICORN_FACTORY_LINE = "uvicorn {factory} --factory --host 0.0.0.0 --port ${{PORT:-3000}}"


def floor_command(factory: str = "app_from_env") -> str:
    """uvicorn serving a floor app (a factory in bench/floor_app.py) as the Procfile's web process serves the bot.

    Same server, same flags: only the app differs.
    """
    return UVICORN_FACTORY_LINE.format(factory=f"bench.floor_app:{factory}")


def ours_on_uvicorn_command() -> str:
    """The bot's app from the same uvicorn command line as the floors (for flags `python -m bot http` has not)."""
    return UVICORN_FACTORY_LINE.format(factory="bot.services:app_from_env")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def sign(body: bytes, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> tuple[str, str]:
    """(timestamp, signature) as Slack sends them: v0 HMAC-SHA256 of `v0:{ts}:{body}`."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret.encode(), b"v0:" + ts.encode() + b":" + body, hashlib.sha256).hexdigest()
    return ts, f"v0={digest}"


def command_body(text: str, *, user: str = "U0EN", channel: str = "C0BENCH", response_url: str = "") -> bytes:
    """A `/gemini-cost` slash-command body as Slack form-encodes it."""
    return urlencode(
        {
            "token": "legacy",
            "team_id": "T0TEST",
            "team_domain": "bench",
            "channel_id": channel,
            "channel_name": "general",
            "user_id": user,
            "user_name": user.lower(),
            "command": "/gemini-cost",
            "text": text,
            "api_app_id": "A0TEST",
            "response_url": response_url or "http://127.0.0.1:9/response/x",
            "trigger_id": "1.2.3",
        }
    ).encode()


def http_get_ok(port: int, path: str = "/healthz", timeout: float = 1.0) -> bool:
    """True when GET ``path`` answers 200 (a raw socket: no client library start-up in the timing)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
            head = sock.recv(64)
            return head.startswith(b"HTTP/1.1 200")
    except OSError:
        return False


@dataclass
class Server:
    """A server process started from a Procfile-style command line, and how long it took to listen."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path
    startup_seconds: float = 0.0
    env: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid

    def rss_bytes(self) -> int:
        try:
            import psutil

            return int(psutil.Process(self.pid).memory_info().rss)
        except ImportError:  # /proc fallback (Linux)
            for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
        return 0

    def cpu_seconds(self) -> float:
        """User + system CPU the server has used so far."""
        try:
            import psutil

            times = psutil.Process(self.pid).cpu_times()
            return float(times.user + times.system)
        except ImportError:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(name: str, command: str, env: dict[str, str], workdir: Path, *, timeout: float = 60.0) -> Server:
    """Spawn ``command`` through bash (as Procfile platforms do) and time it until /healthz answers."""
    port = free_port()
    env = {**env, "PORT": str(port)}
    log_path = workdir / f"{name}-{port}.log"
    log = log_path.open("wb")
    started = time.perf_counter()
    process = subprocess.Popen(
        ["bash", "-c", "exec " + command], cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    log.close()
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{log_path.read_text()[-3000:]}")
        if http_get_ok(port, timeout=0.5):
            return Server(name, port, process, log_path, time.perf_counter() - started, env)
        time.sleep(0.005)
    process.kill()
    raise RuntimeError(f"{name} did not serve /healthz within {timeout:.0f} s")


def clean_env(api_url: str, database_url: str, **extra: str) -> dict[str, str]:
    """Only what the servers are meant to read, nothing from the developer's shell."""
    env = {
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYTHONPATH": str(REPO),
        "PYTHONUNBUFFERED": "1",
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": api_url,
        "DATABASE_URL": database_url,
    }
    env.update(extra)
    return env


def machine_facts() -> dict[str, Any]:
    import platform

    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": model or platform.processor(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
