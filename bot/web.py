"""The ASGI app uvicorn serves: every Slack request at POST /slack/events, GET /healthz and GET /readyz."""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import AsyncIterator
from typing import Any

from slack_bolt import App
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.app import create_app, services_of
from bot.cardcache import CardCache
from bot.logs import configure_logging
from bot.settings import ConfigError, Settings, load_settings
from bot.slack_request import BadRequest, build_bolt_request, is_signed

logger = logging.getLogger(__name__)

__all__ = ["MAX_BODY_BYTES", "app_from_env", "create_web_app", "readiness"]

#: Slack's commands, events and interactions are a few KB (a modal view at most ~100 KB); anything
#: far larger is not Slack, and must not be read, decoded, HMAC'd and parsed whole.
MAX_BODY_BYTES = 1 << 20


async def _read_capped(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is known to exceed ``limit`` (by header, or while streaming)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def readiness(cards: CardCache) -> tuple[int, dict[str, Any]]:
    """GET /readyz: 200 once a card from the database is being served, else 503; never touches the database.

    The card cache's poller already reads the database every CARD_REFRESH_SECONDS, so its last result
    says whether it is reachable. An outage after the first load stays 200: the instance keeps
    answering from the card it holds (admin changes wait), so taking it out of rotation would only
    stop answers. Before any card was read (the database down since start) it is 503.
    """
    version = cards.version
    body = {
        "ready": version > 0,
        "card_version": version or None,
        "database": "reachable" if cards.healthy else "unreachable",
    }
    return (200 if version > 0 else 503), body


def create_web_app(settings: Settings, **app_kwargs: Any) -> Starlette:
    """Serve the Bolt app built from ``settings`` (`ConfigError` when HTTP mode lacks a setting)."""
    settings.require_http()
    bolt = create_app(settings, **app_kwargs)
    verifier = SignatureVerifier(settings.slack_signing_secret.get_secret_value())  # type: ignore[union-attr]

    async def slack_events(request: Request) -> Response:
        raw = await _read_capped(request, MAX_BODY_BYTES)
        if raw is None:
            return PlainTextResponse("request body too large", status_code=413)
        body = raw.decode("utf-8", errors="replace")
        headers = {key: request.headers.getlist(key) for key in request.headers}
        # Verify before parsing: an unsigned body must never reach a parser (Bolt parses first).
        if not is_signed(verifier, body, headers):
            return PlainTextResponse("invalid signature", status_code=401)
        try:
            bolt_request = build_bolt_request(body, request.url.query, headers)
        except BadRequest as error:
            logger.warning("refused a signed request whose body Slack would not send: %s", error)
            return PlainTextResponse("bad request", status_code=400)
        # Bolt is synchronous (database, Web API): run it on a worker thread, never on the event loop.
        bolt_response = await run_in_threadpool(bolt.dispatch, bolt_request)
        return Response(
            status_code=bolt_response.status,
            content=bolt_response.body,
            headers=bolt_response.first_headers_without_set_cookie(),
        )

    async def healthz(_request: Request) -> Response:
        # Liveness only: the process serves HTTP. Nothing else is checked, so it stays cheap.
        return PlainTextResponse("ok")

    cards = services_of(bolt).cards

    async def readyz(_request: Request) -> Response:
        status, body = readiness(cards)
        return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        _close(bolt)

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
        ],
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
