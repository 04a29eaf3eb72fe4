"""The ASGI app uvicorn serves: every Slack request at POST /slack/events, and GET /healthz."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator
from typing import Any

from slack_bolt import App, BoltRequest
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from bot.app import create_app, services_of
from bot.logs import configure_logging
from bot.settings import ConfigError, Settings, load_settings

__all__ = ["app_from_env", "create_web_app"]


def create_web_app(settings: Settings, **app_kwargs: Any) -> Starlette:
    """Serve the Bolt app built from ``settings`` (`ConfigError` when HTTP mode lacks a setting)."""
    settings.require_http()
    bolt = create_app(settings, **app_kwargs)

    async def slack_events(request: Request) -> Response:
        body = (await request.body()).decode("utf-8", errors="replace")
        bolt_request = BoltRequest(
            body=body,
            query=request.url.query,
            headers={key: request.headers.getlist(key) for key in request.headers},
        )
        # Bolt is synchronous (database, Web API): run it on a worker thread, never on the event loop.
        bolt_response = await run_in_threadpool(bolt.dispatch, bolt_request)
        return Response(
            status_code=bolt_response.status,
            content=bolt_response.body,
            headers=bolt_response.first_headers_without_set_cookie(),
        )

    async def healthz(_request: Request) -> Response:
        return PlainTextResponse("ok")

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        _close(bolt)

    return Starlette(
        routes=[Route("/slack/events", slack_events, methods=["POST"]), Route("/healthz", healthz, methods=["GET"])],
        lifespan=lifespan,
    )


def app_from_env() -> Starlette:
    """uvicorn's factory (see Procfile): settings from the environment; a bad one ends start-up in one line."""
    configure_logging()
    try:
        return create_web_app(load_settings())
    except ConfigError as error:
        print(f"gemini-cost: {error}", file=sys.stderr, flush=True)
        # SystemExit passes through uvicorn's loader untouched: no traceback, non-zero status.
        raise SystemExit(2) from None


def _close(bolt: App) -> None:
    executor = bolt.listener_runner.listener_executor
    executor.shutdown(wait=True, cancel_futures=False)  # let answers already underway go out
    services = services_of(bolt)
    services.cards.stop()
    services.store.dispose()
