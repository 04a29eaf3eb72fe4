"""Slack Web API clients: async for the app (with retries where a wait is allowed), and the errors they raise."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import aiohttp
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry import HttpRequest, HttpResponse, RetryState
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.settings import ConfigError, Settings

__all__ = [
    "TRANSPORT_ERRORS",
    "WEB_API_TIMEOUT",
    "AnyServerErrorRetryHandler",
    "build_async_web_client",
    "build_web_client",
    "check_at_start",
]

#: Seconds a Web API call may take off the request path (posting answers, publishing App Home).
WEB_API_TIMEOUT = 10

#: What a Web API call raises besides `SlackApiError` (Slack said no): it could not be asked, or
#: gave up (after the retries). aiohttp's errors are not `SlackClientError`s, and a timeout is
#: asyncio's own.
TRANSPORT_ERRORS = (SlackClientError, aiohttp.ClientError, OSError, asyncio.TimeoutError)


class AnyServerErrorRetryHandler(AsyncRetryHandler):
    """Retries every 5xx: slack_sdk's own handler stops at 500 and 503, but proxies answer 502 and 504."""

    async def _can_retry_async(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code <= 599


def _token(settings: Settings) -> str | None:
    return settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None


def build_async_web_client(settings: Settings, *, timeout: float = WEB_API_TIMEOUT, retries: bool = True) -> AsyncWebClient:
    """The app's client for ``SLACK_API_URL``; with ``retries``, 429s, 5xx and dropped connections retried."""
    handlers: list[AsyncRetryHandler] = []
    if retries:
        handlers = [
            AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=2),
            AnyServerErrorRetryHandler(max_retry_count=2),
        ]
    # aiohttp takes fractional timeouts; slack_sdk only annotates the parameter as int.
    return AsyncWebClient(
        token=_token(settings),
        base_url=settings.slack_api_url,
        timeout=timeout,  # type: ignore[arg-type]
        retry_handlers=handlers,
    )


def build_web_client(settings: Settings, *, timeout: float = WEB_API_TIMEOUT) -> WebClient:
    """A blocking client, for start-up checks and command-line tools that run before any event loop."""
    return WebClient(token=_token(settings), base_url=settings.slack_api_url, timeout=timeout)  # type: ignore[arg-type]


def check_at_start(call: Callable[[], Any], *, token: str, to: str) -> None:
    """Run one blocking Web API ``call`` at start-up: a refusal names the ``token`` setting, an
    unreachable Slack names SLACK_API_URL (what it could not do: ``to``), each in one line that
    never contains the token itself (Slack's error code only)."""
    try:
        call()
    except SlackApiError as error:
        code = error.response.get("error") if isinstance(error.response.get("error"), str) else None
        raise ConfigError(f"{token} was not accepted by Slack ({code or 'refused'})") from None
    except TRANSPORT_ERRORS as error:
        raise ConfigError(f"SLACK_API_URL: could not reach Slack to {to} ({type(error).__name__})") from None
