"""Builds the async Bolt app around the shared `Services`: middleware, listeners and the error handler.

`bot.services` builds the services from settings; this module only wires them into Bolt, and gives
the entry points what they need to start and stop serving.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt import BoltResponse
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack import listeners
from bot.slack.context import Services

__all__ = ["SHUTDOWN_GRACE", "assemble_app", "services_of", "shut_down", "start_serving"]

logger = logging.getLogger(__name__)

#: Seconds a shutting-down process gives answers already underway before it cancels them.
SHUTDOWN_GRACE = 20.0


def assemble_app(
    services: Services,
    *,
    client: AsyncWebClient,
    fixed_client: AsyncWebClient | None = None,
    signatures_checked_upstream: bool = False,
) -> AsyncApp:
    """The whole bot as an async Bolt app over ``services``.

    ``process_before_response=True``: a slash command is answered in its ack; events ack
    at once and do their Web API work as `Services.events` tasks. A ``fixed_client`` (the offline
    shell's) answers every request instead of Slack. ``signatures_checked_upstream``: the caller
    verifies every request's signature before dispatch (`bot.slack.web` does, before parsing), so
    Bolt need not compute the same HMAC again.
    """
    settings = services.settings
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = AsyncApp(
        client=client,
        signing_secret=secret,
        process_before_response=True,
        request_verification_enabled=not signatures_checked_upstream,
        before_authorize=_use_client(fixed_client) if fixed_client is not None else None,
    )
    app._gemini_services = services  # type: ignore[attr-defined]  # for entry points' shutdown
    app.use(_ProvideServices(services))
    app.use(_SkipHandledEvents(services))
    app.error(_log_error)
    listeners.register(app)
    return app


def _use_client(client: AsyncWebClient) -> Callable[..., Awaitable[Any]]:
    async def use_fixed_client(context: AsyncBoltContext, next: Callable[[], Awaitable[Any]]) -> Any:
        # Bolt gives each request a fresh client for the app's base URL; the caller's answers instead.
        context["client"] = client
        return await next()

    return use_fixed_client


def services_of(app: AsyncApp) -> Services:
    """The services a `create_app` app hands its listeners (for entry points and tests)."""
    return app._gemini_services  # type: ignore[attr-defined, no-any-return]


def start_serving(app: AsyncApp) -> None:
    """Call on the running loop before the first request: threads may then hand it work."""
    services = services_of(app)
    services.events.bind()
    services.announcements.bind()


async def shut_down(app: AsyncApp, grace: float = SHUTDOWN_GRACE) -> None:
    """Finish answers and announcements underway (at most ``grace`` seconds), then release everything."""
    services = services_of(app)
    await asyncio.gather(services.events.drain(grace), services.announcements.drain(grace))
    # None of these waits on the database: the poller thread is given 2 s, the pools stop taking
    # calls without waiting for ones stuck on a frozen connection (the process exits past them).
    services.cards.stop(timeout=2.0)
    services.blocking.shutdown()
    services.thinking.shutdown()
    services.store.dispose()


class _ProvideServices(AsyncMiddleware):
    """Put the shared services in the context, where Bolt injects them into listeners by name.

    A middleware class, not a function: Bolt calls it directly, where a function middleware costs a
    round of keyword-argument injection on every request (measured in bench/: a visible share of a
    slash command's time).
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        req.context["services"] = self._services
        return await next()


class _SkipHandledEvents(AsyncMiddleware):
    """Refuse an event this instance cannot take on now, so Slack delivers it again later.

    Once-only is decided after the ack, in the event's task (`Claims`): the database must never
    delay an ack. But an event acked and then dropped (the backlog full) would be lost for good, so
    when the backlog is full the event gets a 503 before anything is claimed, and Slack retries it
    (possibly on another instance).
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        body = req.body
        if body.get("type") == "event_callback" and self._services.events.full:
            event = body.get("event") if isinstance(body.get("event"), dict) else {}
            logger.error(
                "event %s (%s in %s) refused with 503: the answer backlog is full; Slack will retry it",
                body.get("event_id"), event.get("type"), event.get("channel"),
            )  # fmt: skip
            return BoltResponse(status=503, body="")
        return await next()


async def _log_error(error: Exception, logger: logging.Logger) -> BoltResponse:
    """Whatever escaped a listener: logged with its traceback, and acked with 200.

    A 500 would make Slack retry the same event, which fails the same way; the user already got an
    apology where one could be given.
    """
    logger.error("unhandled error in a listener", exc_info=error)
    return BoltResponse(status=200, body="")
