"""Picks the language to answer a user in: their saved choice, else their Slack locale, else the default."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable

from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.users import SlackUsers
from bot.slack.workers import BlockingCalls, TooSlow
from bot.store.database import Store
from bot.text.i18n import lang_from_slack_locale

__all__ = ["LocaleResolver"]

logger = logging.getLogger(__name__)

#: Keep this many users' locales; a workspace larger than this just looks a few up again.
_CACHE_SIZE = 10_000


#: Seconds a user's saved language choice is trusted without reading the database again. Another
#: instance's `lang` command reaches this one within this time (like a rate change, within 2 s).
CHOICE_TTL = 2.0
#: Seconds an answer waits for the saved choice before the Slack locale decides (the database may be frozen).
CHOICE_BUDGET = 0.5


class _TtlCache:
    """A small map whose entries expire, dropping the least recently used past ``size`` (used on the loop only)."""

    def __init__(self, size: int, clock: Callable[[], float]) -> None:
        self._size = size
        self._clock = clock
        self._entries: OrderedDict[str, tuple[float, str | None]] = OrderedDict()

    def get(self, key: str) -> tuple[bool, str | None]:
        """(found, value): found is False for a missing or expired entry."""
        hit = self._entries.get(key)
        if hit is None or hit[0] <= self._clock():
            return False, None
        self._entries.move_to_end(key)
        return True, hit[1]

    def put(self, key: str, value: str | None, ttl: float) -> None:
        self._entries[key] = (self._clock() + ttl, value)
        self._entries.move_to_end(key)
        while len(self._entries) > self._size:
            self._entries.popitem(last=False)

    def forget(self, key: str) -> None:
        self._entries.pop(key, None)


class LocaleResolver:
    """Answers "which language for this user?" without making a slash command wait twice.

    ``users`` (or an ``AsyncWebClient`` to build them on) should use a short timeout and no retries: it
    is awaited on the request path of slash commands, which Slack abandons after 3 seconds. A failed
    look-up is reused too (for ``failure_ttl``), so a slow Slack costs one user one short wait, not
    one per command. The same `SlackUsers` answers the admin policy, so one call serves both.
    """

    def __init__(
        self,
        users: SlackUsers | AsyncWebClient,
        store: Store,
        default_lang: str,
        *,
        blocking: BlockingCalls | None = None,
        ttl: float = 3600.0,
        failure_ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.users = users if isinstance(users, SlackUsers) else SlackUsers(users, clock=clock)
        self._store = store
        # The saved choice is a database read: off the loop (its own small pool when none is shared).
        self._blocking = blocking or BlockingCalls(2, "languages")
        self._default_lang = default_lang
        self._ttl = ttl
        self._failure_ttl = failure_ttl
        # The saved choice is read on every question: without this, every slash command would wait
        # on a database query (the largest cost of an answer under load, measured in bench/).
        self._choices = _TtlCache(_CACHE_SIZE, clock)

    @property
    def default_lang(self) -> str:
        return self._default_lang

    async def lang_for(self, user_id: str | None) -> str:
        """The catalog key ("en", "zh_CN", "zh_TW") to answer ``user_id`` in."""
        if not user_id:
            return self._default_lang
        found, chosen = self._choices.get(user_id)
        if not found:
            try:
                chosen = await self._blocking.within(CHOICE_BUDGET, self._store.get_lang, user_id)
            except TooSlow:
                chosen = None  # the database is not answering: the Slack locale decides, as when it is down
            self._choices.put(user_id, chosen, CHOICE_TTL)
        if chosen is not None:
            return chosen
        return await self.auto_lang(user_id)

    async def auto_lang(self, user_id: str) -> str:
        """The language the user's Slack locale asks for, ignoring any saved choice."""
        locale = await self.slack_locale(user_id)
        if locale is None:
            return self._default_lang
        return lang_from_slack_locale(locale)

    async def slack_locale(self, user_id: str) -> str | None:
        """The user's Slack locale (e.g. "zh-CN"), from cache or users.info; None when unknown."""
        user = (await self.users.info(user_id, max_age=self._ttl, failure_max_age=self._failure_ttl)).user or {}
        locale = user.get("locale")
        return locale if isinstance(locale, str) and locale else None

    def forget(self, user_id: str) -> None:
        """Drop the cached locale (e.g. when a user says "auto" after changing Slack's language)."""
        self.users.forget(user_id)

    def remember_choice(self, user_id: str, lang: str | None) -> None:
        """What this instance just saved for the user (None: back to auto), used from now on."""
        self._choices.put(user_id, lang, CHOICE_TTL)
