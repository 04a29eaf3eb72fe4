"""A fake Slack Web API on loopback: answers what the bot calls and records every call for assertions."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
TEAM_ID = "T0TEST"

#: Users and the locale users.info reports for them (include_locale=true).
LOCALES = {
    "U0EN": "en-US",
    "U0ZH": "zh-CN",
    "U0JA": "ja-JP",
    "U0TW": "zh-TW",
    "U0SLOW": "zh-CN",  # answers after SLOW_SECONDS: longer than the bot's LOCALE_TIMEOUT
    "U0WSADMIN": "zh-CN",  # a workspace admin (users.info says is_admin)
    "U0WSADMIN2": "en-US",  # another, for tests that make Slack slow for them
}
WORKSPACE_ADMINS = frozenset({"U0WSADMIN", "U0WSADMIN2"})
SLOW_SECONDS = 3.0


@dataclass
class Call:
    """One Web API call the bot made (or one POST to a response_url)."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str]
    #: The request path (a response_url's own, to tell one press's answer from another's).
    path: str = ""

    @property
    def text(self) -> str:
        return str(self.args.get("text") or "")

    @property
    def everything(self) -> str:
        """All the call carried, as one string, for "never contains X" checks."""
        return json.dumps(self.args, ensure_ascii=False)


@dataclass
class FakeSlack:
    """The server's state: recorded calls, and failures to inject before answering normally."""

    url: str = ""
    calls: list[Call] = field(default_factory=list)
    #: (method, channel) -> HTTP statuses to answer first, one per attempt (e.g. [429, 502]).
    failures: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    #: (method, user or channel, or "*" for all) -> seconds to wait before answering (a slow Slack), until removed.
    delays: dict[tuple[str, str], float] = field(default_factory=dict)
    #: What apps.connections.open hands out (a FakeSocketMode's url); unset: that method fails.
    socket_mode_url: str = ""
    #: Calls answered normally, to a caller still connected after any delay (`calls` records arrivals).
    answered: list[Call] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self) -> str:
        return f"{self.url}/response/{uuid.uuid4().hex}"

    def record(self, call: Call) -> None:
        with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def record_answered(self, call: Call) -> None:
        with self._changed:
            self.answered.append(call)
            self._changed.notify_all()

    def find(self, method: str, where: Callable[[Call], bool] = lambda c: True) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method and where(c)]

    def wait_for(self, method: str, where: Callable[[Call], bool] = lambda c: True, timeout: float = 15.0) -> Call:
        """The first matching call, waiting for it to arrive (no fixed sleeps)."""
        return self._wait(self.calls, method, where, timeout)

    def wait_for_answered(
        self, method: str, where: Callable[[Call], bool] = lambda c: True, timeout: float = 15.0
    ) -> Call:
        """The first matching call whose answer was written to a caller still waiting for it."""
        return self._wait(self.answered, method, where, timeout)

    def _wait(self, among: list[Call], method: str, where: Callable[[Call], bool], timeout: float) -> Call:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in among if c.method == method and where(c)]
                if found:
                    return found[0]
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = [(c.method, c.args.get("channel")) for c in self.calls[-10:]]
                    raise AssertionError(f"no {method} call arrived; last calls: {seen}")
                self._changed.wait(left)


def _handler(state: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:  # keep test output quiet
            pass

        def do_GET(self) -> None:
            self._serve()

        def do_POST(self) -> None:
            self._serve()

        def _serve(self) -> None:
            parts = urlsplit(self.path)
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length).decode() if length else ""
            args: dict[str, Any] = dict(parse_qsl(parts.query))
            if raw:
                if "json" in (self.headers.get("content-type") or ""):
                    args.update(json.loads(raw))
                else:
                    args.update(dict(parse_qsl(raw)))
            headers = {k.lower(): v for k, v in self.headers.items()}
            if parts.path.startswith("/response/"):
                state.record(Call("response_url", args, headers, parts.path))
                delay = state.delays.get(("response_url", "*"))
                if delay:
                    time.sleep(delay)  # a slow response_url (the answer to a button press waits on it)
                return self._send(200, {"ok": True})
            method = parts.path.removeprefix("/api/")
            pending = state.failures.get((method, str(args.get("channel"))))
            if pending:
                status = pending.pop(0)
                state.record(Call(f"{method}!{status}", args, headers))
                return self._send(status, {"ok": False, "error": "injected"}, {"Retry-After": "0"})
            call = Call(method, args, headers)
            state.record(call)
            key = str(args.get("user") or args.get("channel"))
            delay = state.delays.get((method, key), state.delays.get((method, "*")))
            if delay:
                time.sleep(delay)
                if self._caller_hung_up():  # only a held answer can outlive its caller: nobody to answer
                    self.close_connection = True
                    return
            self._send(200, self._answer(method, args))
            state.record_answered(call)

        def _caller_hung_up(self) -> bool:
            """True when the client closed its end (it sends nothing else while awaiting an answer)."""
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            try:
                return self.connection.recv(1, socket.MSG_PEEK) == b""
            except OSError:
                return True

        def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
            if method == "auth.test":
                return {"ok": True, "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "user": "gemini-cost"}
            if method == "users.info":
                user = str(args.get("user"))
                if user not in LOCALES:
                    return {"ok": False, "error": "user_not_found"}
                if user == "U0SLOW":
                    time.sleep(SLOW_SECONDS)
                info: dict[str, Any] = {"id": user, "name": user.lower(), "is_bot": False,
                                        "is_admin": user in WORKSPACE_ADMINS}
                if str(args.get("include_locale")).lower() in ("1", "true"):
                    info["locale"] = LOCALES[user]
                return {"ok": True, "user": info}
            if method in ("chat.postMessage", "chat.postEphemeral"):
                return {"ok": True, "channel": args.get("channel"), "ts": f"{time.time():.6f}"}
            if method == "apps.connections.open":
                if not state.socket_mode_url:
                    return {"ok": False, "error": "socket_mode_not_configured"}
                return {"ok": True, "url": state.socket_mode_url}
            if method == "views.publish":
                return {"ok": True, "view": {"id": "V0HOME"}}
            return {"ok": False, "error": "unknown_method"}

        def _send(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json; charset=utf-8")
            self.send_header("content-length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

    return Handler


def start_fake_slack() -> tuple[FakeSlack, ThreadingHTTPServer]:
    state = FakeSlack()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True  # a slow users.info must not hold up shutdown
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, name="fake-slack", daemon=True).start()
    return state, server
