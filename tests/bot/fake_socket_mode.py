"""A fake Slack Socket Mode server on loopback: says hello, pushes envelopes, records what the client sends back.

Slack's side of Socket Mode, as far as the bot sees it: `apps.connections.open` (answered by the fake Web
API, pointed here with ``FakeSlack.socket_mode_url``) hands out a ``wss://`` URL; on connecting, Slack
sends ``{"type": "hello"}``, then envelopes ``{"envelope_id", "type": "events_api", "payload": ...}``;
the client acks each one by sending ``{"envelope_id": ...}`` back. An envelope that is never acked is
redelivered by Slack (to another connection), so "acked" is what tests check to see an event was taken.

The server runs in a background thread with its own event loop, so tests stay synchronous.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fake_slack import BOT_USER_ID, TEAM_ID
from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

APP_ID = "A0TEST"
#: What Slack sends first on every new connection (the clients only log it).
HELLO = {
    "type": "hello",
    "num_connections": 1,
    "debug_info": {"host": "fake-socket-mode", "build_number": 1, "approximate_connection_time": 18060},
    "connection_info": {"app_id": APP_ID},
}


def event_callback(event: dict[str, Any], *, event_id: str | None = None) -> dict[str, Any]:
    """The Events API body Slack wraps ``event`` in: the same shape the HTTP tests POST."""
    return {
        "token": "legacy", "team_id": TEAM_ID, "api_app_id": APP_ID, "type": "event_callback",
        "event_id": event_id or "Ev" + uuid.uuid4().hex[:10].upper(), "event_time": int(time.time()),
        "event": event, "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
    }  # fmt: skip


@dataclass(frozen=True)
class Envelope:
    """One envelope the test pushed; ``delivered`` is False when no client was connected to take it."""

    envelope_id: str
    delivered: bool


class FakeSocketMode:
    """The server's state: open connections, every message received, the acks among them."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-socket-mode", daemon=True)
        self._server: Server | None = None
        self._changed = threading.Condition()
        self._open: list[ServerConnection] = []
        #: How many connections were ever accepted (a reconnect adds one).
        self.connections_accepted = 0
        #: Every JSON message a client sent, in arrival order.
        self.received: list[dict[str, Any]] = []
        self.url = ""

    # -- life cycle --------------------------------------------------------------------------------

    def start(self) -> FakeSocketMode:
        self._thread.start()
        self._server = self._run(self._listen())
        port = self._server.sockets[0].getsockname()[1]
        self.url = f"ws://127.0.0.1:{port}/link/?ticket=fake-ticket&app_id={APP_ID}"
        return self

    async def _listen(self) -> Server:
        # No server pings: the clients ping on their own (websockets answers), which keeps them content.
        # Created inside the server's own loop: websockets binds a server to the running loop.
        return await serve(self._session, "127.0.0.1", 0, ping_interval=None)

    def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            self._run(self._server.wait_closed())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def _run(self, coroutine: Any, timeout: float = 10.0) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    async def _session(self, connection: ServerConnection) -> None:
        with self._changed:
            self._open.append(connection)
            self.connections_accepted += 1
            self._changed.notify_all()
        try:
            await connection.send(json.dumps(HELLO))
            async for raw in connection:
                message = json.loads(raw)
                with self._changed:
                    self.received.append(message)
                    self._changed.notify_all()
        except ConnectionClosed:
            pass  # the client went away mid-message: nothing to record
        finally:
            with self._changed:
                self._open.remove(connection)
                self._changed.notify_all()

    # -- pushing -----------------------------------------------------------------------------------

    @property
    def open_connections(self) -> int:
        with self._changed:
            return len(self._open)

    def push(self, envelope_type: str, payload: dict[str, Any], *, accepts_response_payload: bool = False) -> Envelope:
        """Send an envelope on the newest open connection, as Slack does; not delivered if none is open."""
        envelope_id = str(uuid.uuid4())
        message = json.dumps({
            "envelope_id": envelope_id, "type": envelope_type, "payload": payload,
            "accepts_response_payload": accepts_response_payload, "retry_attempt": 0, "retry_reason": "",
        })  # fmt: skip
        with self._changed:
            connection = self._open[-1] if self._open else None
        if connection is None:
            return Envelope(envelope_id, delivered=False)
        try:
            self._run(connection.send(message))
        except ConnectionClosed:
            return Envelope(envelope_id, delivered=False)
        return Envelope(envelope_id, delivered=True)

    def push_event(self, event: dict[str, Any], *, event_id: str | None = None) -> Envelope:
        """An Events API envelope wrapping ``event``."""
        return self.push("events_api", event_callback(event, event_id=event_id))

    # -- what came back ----------------------------------------------------------------------------

    def acked(self, envelope_id: str) -> bool:
        with self._changed:
            return any(m.get("envelope_id") == envelope_id for m in self.received)

    def wait_for_ack(self, envelope_id: str, timeout: float = 15.0) -> dict[str, Any]:
        """The client's ack of ``envelope_id``, waiting for it to arrive."""
        found = self._wait(
            lambda: next((m for m in self.received if m.get("envelope_id") == envelope_id), None),
            timeout,
            f"envelope {envelope_id} was not acked",
        )
        return dict(found)

    def wait_for_connection(self, count: int = 1, timeout: float = 30.0) -> None:
        """Until ``count`` connections have been accepted in all (hello sent on each)."""
        self._wait(lambda: self.connections_accepted >= count and self._open, timeout, "no client connected")

    def wait_until_disconnected(self, timeout: float = 30.0) -> None:
        """Until no client connection is open."""
        self._wait(lambda: not self._open, timeout, "a client is still connected")

    def _wait(self, found: Callable[[], Any], timeout: float, failure: str) -> Any:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                result = found()
                if result:
                    return result
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{failure} within {timeout} s; received: {self.received[-5:]}")
                self._changed.wait(left)


def start_fake_socket_mode() -> FakeSocketMode:
    return FakeSocketMode().start()
