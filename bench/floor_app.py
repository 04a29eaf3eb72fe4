"""The framework floors: bare Bolt apps on the bot's own server stack that only ack a fixed text.

Each is the same as the `web` process in everything but the work: uvicorn (served by the Procfile's
command line with one of these factories in place of `bot.services:app_from_env`), Starlette, Bolt with
`process_before_response=True`, the same signing secret and a Web API client on the same token and
SLACK_API_URL. What the bot does on top (language look-up, parsing, pricing, rendering Block Kit,
middleware) is what the bench measures. They differ only in how Bolt is driven:

- ``app_from_env`` ("floor"): a sync `App` through the same request adapter as `bot/slack/web.py` before
  issue 11 (body read, `BoltRequest`, `bolt.dispatch` on a worker thread via `run_in_threadpool`);
  auth.test at start.
- ``floor_on_loop`` ("floor_on_loop", issue 11's reference floor): a sync `App` through Bolt's own
  Starlette adapter (`slack_bolt.adapter.starlette.SlackRequestHandler`), which calls `dispatch`
  inline, on the event loop; auth.test at start.
- ``floor_async`` ("floor_async"): an `AsyncApp` with an `AsyncWebClient` through Bolt's
  `AsyncSlackRequestHandler`, the listener awaiting `ack`; AsyncApp calls auth.test lazily, on the
  first request (the bench's warm-up takes it).

    SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=xoxb-... SLACK_API_URL=http://127.0.0.1:PORT/api/ \\
        uvicorn bench.floor_app:floor_on_loop --factory --port 3001
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable

from slack_bolt import Ack, App, BoltRequest
from slack_bolt.adapter.starlette import SlackRequestHandler
from slack_bolt.adapter.starlette.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_sdk import WebClient
from slack_sdk.web.async_client import AsyncWebClient
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

__all__ = [
    "FLOOR_TEXT",
    "app_from_env",
    "create_floor_app",
    "create_floor_async_app",
    "create_floor_on_loop_app",
    "floor_async",
    "floor_on_loop",
]

FLOOR_TEXT = "floor: fixed answer"


def _sync_bolt(signing_secret: str, token: str | None, api_url: str | None) -> App:
    client = WebClient(token=token, base_url=api_url) if api_url else WebClient(token=token)
    bolt = App(client=client, signing_secret=signing_secret, process_before_response=True)

    @bolt.command("/gemini-cost")
    def answer(ack: Ack) -> None:
        ack(text=FLOOR_TEXT, response_type="ephemeral")

    return bolt


def _starlette(slack_events: Callable[[Request], Awaitable[Response]]) -> Starlette:
    async def healthz(_request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[Route("/slack/events", slack_events, methods=["POST"]), Route("/healthz", healthz, methods=["GET"])]
    )


def create_floor_app(signing_secret: str, token: str | None = None, api_url: str | None = None) -> Starlette:
    """Sync `App`, the bot's pre-issue-11 adapter: `bolt.dispatch` on a worker thread."""
    bolt = _sync_bolt(signing_secret, token, api_url)

    async def slack_events(request: Request) -> Response:
        # The same adapter as bot/slack/web.py had with the sync App, line for line.
        body = (await request.body()).decode("utf-8", errors="replace")
        bolt_request = BoltRequest(
            body=body,
            query=request.url.query,
            headers={key: request.headers.getlist(key) for key in request.headers},
        )
        bolt_response = await run_in_threadpool(bolt.dispatch, bolt_request)
        return Response(
            status_code=bolt_response.status,
            content=bolt_response.body,
            headers=bolt_response.first_headers_without_set_cookie(),
        )

    return _starlette(slack_events)


def create_floor_on_loop_app(signing_secret: str, token: str | None = None, api_url: str | None = None) -> Starlette:
    """Sync `App` through Bolt's Starlette adapter: `dispatch` runs inline, on the event loop."""
    handler = SlackRequestHandler(_sync_bolt(signing_secret, token, api_url))

    async def slack_events(request: Request) -> Response:
        return await handler.handle(request)

    return _starlette(slack_events)


def create_floor_async_app(signing_secret: str, token: str | None = None, api_url: str | None = None) -> Starlette:
    """`AsyncApp` through Bolt's async Starlette adapter: `async_dispatch` awaited on the event loop."""
    client = AsyncWebClient(token=token, base_url=api_url) if api_url else AsyncWebClient(token=token)
    bolt = AsyncApp(client=client, signing_secret=signing_secret, process_before_response=True)

    @bolt.command("/gemini-cost")
    async def answer(ack: AsyncAck) -> None:
        await ack(text=FLOOR_TEXT, response_type="ephemeral")

    handler = AsyncSlackRequestHandler(bolt)

    async def slack_events(request: Request) -> Response:
        return await handler.handle(request)

    return _starlette(slack_events)


def _from_env(create: Callable[[str, str | None, str | None], Starlette]) -> Starlette:
    """Configured like the bot: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL."""
    return create(
        os.environ["SLACK_SIGNING_SECRET"],
        os.environ.get("SLACK_BOT_TOKEN") or None,
        os.environ.get("SLACK_API_URL") or None,
    )


def app_from_env() -> Starlette:
    """uvicorn's factory for "floor": sync `App`, dispatch on a worker thread."""
    return _from_env(create_floor_app)


def floor_on_loop() -> Starlette:
    """uvicorn's factory for "floor_on_loop": sync `App` through Bolt's Starlette adapter, on the loop."""
    return _from_env(create_floor_on_loop_app)


def floor_async() -> Starlette:
    """uvicorn's factory for "floor_async": `AsyncApp` through Bolt's async Starlette adapter."""
    return _from_env(create_floor_async_app)
