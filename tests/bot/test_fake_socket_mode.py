"""The fake Socket Mode server speaks what slack_sdk's clients expect: both the builtin one and the aiohttp one.

Checked here with the SDK clients alone (no bot), so an end-to-end failure is the bot's, not the fake's.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest
from fake_slack import FakeSlack, start_fake_slack
from fake_socket_mode import FakeSocketMode, start_fake_socket_mode
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse

APP_TOKEN = "xapp-1-A0TEST-0-fake"
DM = {"type": "message", "channel_type": "im", "channel": "D0FAKE", "user": "U0EN", "text": "1M in", "ts": "1.000001"}


@pytest.fixture
def slack() -> Iterator[tuple[FakeSlack, FakeSocketMode]]:
    web_api, http_server = start_fake_slack()
    socket_mode = start_fake_socket_mode()
    web_api.socket_mode_url = socket_mode.url
    yield web_api, socket_mode
    socket_mode.stop()
    http_server.shutdown()
    http_server.server_close()


def test_builtin_client_connects_receives_an_event_and_acks(slack: tuple[FakeSlack, FakeSocketMode]) -> None:
    from slack_sdk import WebClient
    from slack_sdk.socket_mode.builtin import SocketModeClient

    web_api, socket_mode = slack
    received: list[SocketModeRequest] = []
    got_it = threading.Event()

    def on_request(client: SocketModeClient, request: SocketModeRequest) -> None:
        client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
        received.append(request)
        got_it.set()

    client = SocketModeClient(APP_TOKEN, web_client=WebClient(base_url=web_api.api_url))
    client.socket_mode_request_listeners.append(on_request)  # type: ignore[arg-type]
    try:
        client.connect()
        socket_mode.wait_for_connection()
        envelope = socket_mode.push_event(DM)
        assert envelope.delivered
        socket_mode.wait_for_ack(envelope.envelope_id)
        assert got_it.wait(15)
    finally:
        client.close()

    assert received[0].type == "events_api"
    assert received[0].payload["event"]["channel"] == "D0FAKE"
    opened = web_api.wait_for("apps.connections.open")
    assert opened.headers["authorization"] == f"Bearer {APP_TOKEN}"


def test_aiohttp_client_connects_receives_an_event_and_acks(slack: tuple[FakeSlack, FakeSocketMode]) -> None:
    from slack_sdk.socket_mode.aiohttp import SocketModeClient
    from slack_sdk.web.async_client import AsyncWebClient

    web_api, socket_mode = slack

    async def scenario() -> list[SocketModeRequest]:
        received: list[SocketModeRequest] = []

        async def on_request(client: SocketModeClient, request: SocketModeRequest) -> None:
            await client.send_socket_mode_response(SocketModeResponse(envelope_id=request.envelope_id))
            received.append(request)

        client = SocketModeClient(APP_TOKEN, web_client=AsyncWebClient(base_url=web_api.api_url))
        client.socket_mode_request_listeners.append(on_request)  # type: ignore[arg-type]
        try:
            await client.connect()
            # The fake's waits block: run them off this loop so the client keeps reading.
            await asyncio.to_thread(socket_mode.wait_for_connection)
            envelope = await asyncio.to_thread(socket_mode.push_event, DM)
            assert envelope.delivered
            await asyncio.to_thread(socket_mode.wait_for_ack, envelope.envelope_id)
        finally:
            await client.close()
        return received

    received = asyncio.run(scenario())
    assert received[0].type == "events_api"
    assert received[0].payload["event"]["channel"] == "D0FAKE"
    socket_mode.wait_until_disconnected()  # close() really closes the websocket
