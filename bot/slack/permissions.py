"""Who may run admin commands: the ADMIN_USER_IDS list, and optionally the workspace's admins and owners."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.users import SlackUsers

__all__ = ["AdminPolicy", "RETRY_FAILED_AFTER"]

logger = logging.getLogger(__name__)

#: Seconds after a failed users.info before an admin check asks Slack again. Short: "Slack did not
#: answer" is not "no" (a timeout must not lock a real admin out for minutes), yet one command that
#: already waited for a failed locale look-up does not wait a second time.
RETRY_FAILED_AFTER = 2.0


class AdminPolicy:
    """Decides once, in one place, whether a user is an admin of the bot.

    Workspace admins/owners count only when ``include_workspace_admins`` is set; their status comes
    from users.info (the `SlackUsers` the locale resolver shares, so one call answers both), trusted
    for ``ttl`` seconds (a demoted admin loses rights within that time). When Slack does not answer,
    the user is not an admin for now, and Slack is asked again `RETRY_FAILED_AFTER` seconds later.
    """

    def __init__(
        self,
        admin_user_ids: tuple[str, ...],
        *,
        users: SlackUsers | None = None,
        client: AsyncWebClient | None = None,
        include_workspace_admins: bool = False,
        ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ids = frozenset(admin_user_ids)
        self._users = users if users is not None else SlackUsers(client, clock=clock) if client is not None else None
        self._include_workspace_admins = include_workspace_admins and self._users is not None
        self._ttl = ttl

    async def is_admin(self, user_id: str | None) -> bool:
        if not user_id:
            return False
        if user_id in self._ids:
            return True
        if not self._include_workspace_admins:
            return False
        assert self._users is not None
        found = await self._users.info(user_id, max_age=self._ttl, failure_max_age=RETRY_FAILED_AFTER)
        if not found.ok:
            logger.warning("could not check the admin rights of %s: Slack did not answer; not an admin for now", user_id)
            return False
        user = found.user or {}
        return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
