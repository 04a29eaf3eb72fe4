"""The Procfile's `worker`: Socket Mode on the event loop, until SIGTERM (or Ctrl-C) ends it gracefully.

On SIGTERM (a deploy, a restart, a scale-down) it stops taking events (the socket is closed, so
Slack sends new ones to another connection), lets the answers already underway go out (at most
`bot.slack.app.SHUTDOWN_GRACE` seconds), then exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.app.async_app import AsyncApp

from bot.settings import Settings
from bot.slack.app import shut_down, start_serving
from bot.slack.web_api import build_web_client, check_at_start

__all__ = ["check_app_token", "serve_socket_mode"]

logger = logging.getLogger(__name__)


def serve_socket_mode(app: AsyncApp, token: str) -> int:
    """Run ``app`` over a Socket Mode connection opened with ``token`` until stopped; the exit status
    (0 after a graceful stop). Check the token first with `check_app_token`."""

    async def serve() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        start_serving(app)
        handler = AsyncSocketModeHandler(app, token)
        # slack_sdk retries a failed connection forever: a SIGTERM meanwhile must still stop it.
        connecting = asyncio.ensure_future(handler.connect_async())
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({connecting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if connecting.done():
            logger.info("connected to Slack in Socket Mode")
        await stopping
        logger.info("stopping: no new events; finishing the answers underway")
        # Closing the socket first: an envelope not acked yet is sent again to another connection.
        await handler.close_async()
        await shut_down(app)
        logger.info("stopped")
        return 0

    return asyncio.run(serve())


def check_app_token(settings: Settings, token: str) -> None:
    """One apps.connections.open at start: a revoked SLACK_APP_TOKEN ends start-up in one line,
    where slack_sdk would log a traceback every 10 seconds and retry forever."""
    check_at_start(
        lambda: build_web_client(settings).apps_connections_open(app_token=token),
        token="SLACK_APP_TOKEN",
        to="open a Socket Mode connection",
    )
