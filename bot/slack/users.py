"""Slack's users.info, asked once per user and shared: the locale resolver and the admin policy read the same answer.

A slash command has 3 seconds. Asking Slack twice in one (the locale, then "is this a workspace
admin?" for the help text) doubled the wait on a slow Slack; one call with ``include_locale``
answers both. Each reader says how old an answer it accepts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.web_api import TRANSPORT_ERRORS

__all__ = ["CACHE_SIZE", "SlackUsers", "UserInfo"]

logger = logging.getLogger(__name__)

#: Users remembered; past this the least recently asked about are looked up again (never unbounded).
CACHE_SIZE = 10_000


@dataclass(frozen=True)
class UserInfo:
    """What one users.info said (``user`` is None when it failed), and when it was asked."""

    user: dict[str, Any] | None
    at: float

    @property
    def ok(self) -> bool:
        return self.user is not None


class SlackUsers:
    """users.info answers by user id, kept in a bounded least-recently-used map.

    ``client`` should have a short timeout and no retries: it is awaited on the request path. All
    methods run on the event loop (no locks needed); concurrent look-ups of one user share one call.
    """

    def __init__(
        self, client: AsyncWebClient, *, size: int = CACHE_SIZE, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._client = client
        self._size = size
        self._clock = clock
        self._entries: OrderedDict[str, UserInfo] = OrderedDict()
        self._asking: dict[str, asyncio.Future[UserInfo]] = {}

    async def info(self, user_id: str, *, max_age: float, failure_max_age: float) -> UserInfo:
        """The newest answer about ``user_id``: the cached one if young enough, else Slack's now.

        A success is reused for ``max_age`` seconds, a failure for ``failure_max_age`` (a reader
        that must not take "Slack did not answer" for "no" passes a short one).
        """
        hit = self._entries.get(user_id)
        if hit is not None:
            self._entries.move_to_end(user_id)
            if self._clock() - hit.at < (max_age if hit.ok else failure_max_age):
                return hit
        asking = self._asking.get(user_id)
        if asking is None:
            # A burst of commands from one user waits on one users.info, not one each.
            asking = asyncio.ensure_future(self._ask(user_id))
            self._asking[user_id] = asking
            asking.add_done_callback(lambda _done: self._asking.pop(user_id, None))
        return await asyncio.shield(asking)

    def forget(self, user_id: str) -> None:
        self._entries.pop(user_id, None)

    def __len__(self) -> int:
        return len(self._entries)

    async def _ask(self, user_id: str) -> UserInfo:
        found = UserInfo(await self._look_up(user_id), self._clock())
        current = self._entries.get(user_id)
        # A failure never replaces a success fetched meanwhile.
        if found.ok or current is None or not current.ok:
            self._entries[user_id] = found
        if user_id in self._entries:
            self._entries.move_to_end(user_id)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)
        return found

    async def _look_up(self, user_id: str) -> dict[str, Any] | None:
        try:
            response = await self._client.users_info(user=user_id, include_locale=True)
        except SlackApiError as error:
            logger.warning("users.info failed for %s: %s", user_id, error.response.get("error"))
            return None
        except TRANSPORT_ERRORS as error:
            # Timeouts and refused connections: the readers fall back (default language, not admin now).
            logger.warning("users.info unavailable for %s: %s", user_id, type(error).__name__)
            return None
        user = response.get("user")
        return user if isinstance(user, dict) else {}
