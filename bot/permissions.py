"""Who may run admin commands: the ADMIN_USER_IDS list, and optionally the workspace's admins and owners."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

__all__ = ["AdminPolicy"]

logger = logging.getLogger(__name__)


class AdminPolicy:
    """Decides once, in one place, whether a user is an admin of the bot.

    Workspace admins/owners count only when ``include_workspace_admins`` is set; their status comes
    from users.info and is cached for ``ttl`` seconds (a demoted admin loses rights within that time).
    """

    def __init__(
        self,
        admin_user_ids: tuple[str, ...],
        *,
        client: WebClient | None = None,
        include_workspace_admins: bool = False,
        ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ids = frozenset(admin_user_ids)
        self._client = client
        self._include_workspace_admins = include_workspace_admins and client is not None
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, bool]] = {}
        self._lock = threading.Lock()

    def is_admin(self, user_id: str | None) -> bool:
        if not user_id:
            return False
        if user_id in self._ids:
            return True
        if not self._include_workspace_admins:
            return False
        now = self._clock()
        with self._lock:
            hit = self._cache.get(user_id)
        if hit is not None and hit[0] > now:
            return hit[1]
        allowed = self._workspace_admin(user_id)
        with self._lock:
            self._cache[user_id] = (now + self._ttl, allowed)
        return allowed

    def _workspace_admin(self, user_id: str) -> bool:
        assert self._client is not None
        try:
            user = self._client.users_info(user=user_id).get("user") or {}
        except (SlackApiError, SlackClientError, OSError) as error:
            # Unknown means no: rights are never granted because Slack could not be asked.
            logger.warning("users.info failed while checking admin rights of %s: %s", user_id, type(error).__name__)
            return False
        return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
