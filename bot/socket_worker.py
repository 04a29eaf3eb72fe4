"""The Procfile's `worker`: Socket Mode on the event loop, until SIGTERM (or Ctrl-C) ends it gracefully.

On SIGTERM (a deploy, a restart, a scale-down) it stops taking events (the socket is closed, so
Slack sends new ones to another connection), lets the answers already underway go out (at most
`bot.app.SHUTDOWN_GRACE` seconds), then exits 0.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

from bot.app import create_app, shut_down, start_serving
from bot.settings import Settings

__all__ = ["serve_socket_mode"]

logger = logging.getLogger(__name__)


def serve_socket_mode(settings: Settings) -> int:
    """Run until stopped; the exit status (0 after a graceful stop)."""
    app = create_app(settings)  # before the loop: a bad setting ends start-up in one line
    assert settings.slack_app_token is not None  # checked by require_socket_mode
    token = settings.slack_app_token.get_secret_value()

    async def serve() -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        start_serving(app)
        handler = AsyncSocketModeHandler(app, token)
        await handler.connect_async()
        logger.info("connected to Slack in Socket Mode")
        await stop.wait()
        logger.info("stopping: no new events; finishing the answers underway")
        # Closing the socket first: an envelope not acked yet is sent again to another connection.
        await handler.close_async()
        await shut_down(app)
        logger.info("stopped")
        return 0

    return asyncio.run(serve())
