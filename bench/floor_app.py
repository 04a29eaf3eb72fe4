"""The framework floor: a bare Bolt app on the bot's own server stack that only acks a fixed text.

Same as the `web` process in everything but the work: uvicorn (served by the Procfile's command line with
this factory in place of `bot.web:app_from_env`), Starlette, the same request adapter as `bot/web.py`
(body read, `BoltRequest`, `bolt.dispatch` on a worker thread), Bolt with `process_before_response=True`,
the same signing secret and a Web API client checked with `auth.test` at start. What the bot does on top
of this (language look-up, parsing, pricing, rendering Block Kit, middleware) is what the bench measures.

    SLACK_SIGNING_SECRET=... SLACK_BOT_TOKEN=xoxb-... SLACK_API_URL=http://127.0.0.1:PORT/api/ \\
        uvicorn bench.floor_app:app_from_env --factory --port 3001
"""

from __future__ import annotations

import os

from slack_bolt import Ack, App, BoltRequest
from slack_sdk import WebClient
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

__all__ = ["FLOOR_TEXT", "app_from_env", "create_floor_app"]

FLOOR_TEXT = "floor: fixed answer"


def create_floor_app(signing_secret: str, token: str | None = None, api_url: str | None = None) -> Starlette:
    client = WebClient(token=token, base_url=api_url) if api_url else WebClient(token=token)
    bolt = App(client=client, signing_secret=signing_secret, process_before_response=True)

    @bolt.command("/gemini-cost")
    def answer(ack: Ack) -> None:
        ack(text=FLOOR_TEXT, response_type="ephemeral")

    async def slack_events(request: Request) -> Response:
        # The same adapter as bot/web.py, line for line.
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

    async def healthz(_request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(
        routes=[Route("/slack/events", slack_events, methods=["POST"]), Route("/healthz", healthz, methods=["GET"])]
    )


def app_from_env() -> Starlette:
    """uvicorn's factory, configured like the bot: SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_API_URL."""
    return create_floor_app(
        os.environ["SLACK_SIGNING_SECRET"],
        os.environ.get("SLACK_BOT_TOKEN") or None,
        os.environ.get("SLACK_API_URL") or None,
    )
