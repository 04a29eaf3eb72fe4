"""The ASGI app uvicorn serves: every Slack request at POST /slack/events, GET /healthz and GET /readyz."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator
from types import FrameType
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_sdk.signature import SignatureVerifier
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from bot.slack.app import services_of, shut_down, start_serving
from bot.slack.request import BadRequest, build_bolt_request, is_signed
from bot.slack.workers import BlockingCalls, TooSlow
from bot.store.card_cache import CardCache
from bot.store.database import Store

logger = logging.getLogger(__name__)

__all__ = ["MAX_BODY_BYTES", "DatabaseProbe", "asgi_app", "readiness", "serve_http"]

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


#: Seconds /readyz waits for the database to answer `SELECT 1` before calling it unreachable.
PROBE_BUDGET = 1.0


class DatabaseProbe:
    """`SELECT 1` with a deadline, one at a time: a frozen database (no RST) is "unreachable" within
    `PROBE_BUDGET`, and a platform probing every second never piles up stuck threads."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._calls = BlockingCalls(1, "readyz", budget=PROBE_BUDGET)
        self._running = False

    async def reachable(self) -> bool:
        if self._running:
            return False  # the last probe is still waiting for an answer
        self._running = True
        try:
            await self._calls.run(self._store.ping)
            return True
        except TooSlow:
            return False
        except Exception:  # noqa: BLE001 - any failure to answer SELECT 1 is "unreachable"
            return False
        finally:
            self._running = False

    def shutdown(self) -> None:
        self._calls.shutdown()


async def readiness(cards: CardCache, probe: DatabaseProbe) -> tuple[int, dict[str, Any]]:
    """GET /readyz: 200 once a card from the database is being served, else 503.

    "database" is a probe of its own (SELECT 1 within `PROBE_BUDGET`), not the card poller's last
    result: a stored card the poller refuses is a card problem (the last good card is still served),
    not an unreachable database. An outage after the first load stays 200: the instance keeps
    answering from the card it holds (admin changes wait), so taking it out of rotation would only
    stop answers. Before any card was read (the database down since start) it is 503.
    """
    version = cards.version
    body = {
        "ready": version > 0,
        "card_version": version or None,
        "database": "reachable" if await probe.reachable() else "unreachable",
    }
    return (200 if version > 0 else 503), body


def asgi_app(bolt: AsyncApp, signing_secret: str) -> Starlette:
    """Serve ``bolt``: every request's signature is checked with ``signing_secret`` before its body is parsed."""
    verifier = SignatureVerifier(signing_secret)

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
        # Dispatched on the loop: every wait in it (users.info, the database, the answer itself in its
        # small pool under a budget) is awaited, so no request holds the others.
        bolt_response = await bolt.async_dispatch(bolt_request)
        return Response(
            status_code=bolt_response.status,
            content=bolt_response.body,
            headers=bolt_response.first_headers_without_set_cookie(),
        )

    async def healthz(_request: Request) -> Response:
        # Liveness only: the process serves HTTP. Nothing else is checked, so it stays cheap.
        return PlainTextResponse("ok")

    cards = services_of(bolt).cards
    probe = DatabaseProbe(services_of(bolt).store)

    async def readyz(_request: Request) -> Response:
        status, body = await readiness(cards, probe)
        return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        start_serving(bolt)
        yield
        # uvicorn got SIGTERM, stopped accepting and finished the requests underway; now the
        # answers still being posted (bounded), then the database and the card poller.
        probe.shutdown()
        await shut_down(bolt)

    return Starlette(
        routes=[
            Route("/slack/events", slack_events, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
        ],
        lifespan=lifespan,
    )


def serve_http(app: Starlette, port: int) -> int:
    """The Procfile's `web` process: uvicorn on 0.0.0.0:$PORT; exits 0 after a graceful stop on SIGTERM.

    uvicorn catches SIGTERM, stops accepting, finishes the requests underway and runs the lifespan
    shutdown (the answers still being posted), then raises the signal again for the handler it
    found at start. That handler is ours: the stop was asked for and went well, so the status is 0
    (with no handler the process would report death by SIGTERM, which platforms log as a crash).
    """
    import uvicorn

    signal.signal(signal.SIGTERM, _stopped_on_request)
    # proxy_headers: the platform's router sets X-Forwarded-For/-Proto (FORWARDED_ALLOW_IPS says whose).
    # timeout_graceful_shutdown: requests underway get a few seconds; with the answers' drain
    # (SHUTDOWN_GRACE) the whole stop stays inside the platform's 30 s.
    config = uvicorn.Config(app, host="0.0.0.0", port=port, proxy_headers=True, timeout_graceful_shutdown=REQUEST_GRACE)
    try:
        uvicorn.Server(config).run()
    except SystemExit:
        pass
    _exit_now(0)
    return 0  # not reached


#: Seconds uvicorn gives requests underway at shutdown, before the answers' drain.
REQUEST_GRACE = 5


def _stopped_on_request(_signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(0)


def _exit_now(status: int) -> None:
    """Exit without joining worker threads: everything that matters is drained or closed by now, and
    a thread stuck on a frozen database would otherwise hold the exit for the whole outage."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
