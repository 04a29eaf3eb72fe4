"""The shared objects every listener needs, handed to them through Bolt's context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.conversations import Conversations
from bot.locale_resolver import LocaleResolver
from bot.permissions import AdminPolicy
from bot.settings import Settings
from bot.store import Store

if TYPE_CHECKING:
    from bot.answer import Answerer
    from bot.cardcache import CardCache
    from bot.ratestore import RateStore

__all__ = ["Services"]


@dataclass(frozen=True, eq=False)
class Services:
    """Answerer, stores, language picker, admin policy and settings, shared by every request of one app."""

    answerer: Answerer
    store: Store
    languages: LocaleResolver
    settings: Settings
    rates: RateStore
    cards: CardCache
    admins: AdminPolicy
    #: Posts an admin change to AUDIT_CHANNEL, off the request path; None when no channel is set.
    announce: Callable[[str, list[dict[str, Any]]], None] | None = None

    @cached_property
    def conversations(self) -> Conversations:
        """The last question answered per thread or DM (follow-ups), in the same database."""
        return Conversations(self.store)

    def __deepcopy__(self, memo: dict[int, Any]) -> Services:
        # Bolt deep-copies the context for lazy listeners; these are shared, thread-safe services
        # (a database engine, caches), so the copy must be this very object, not a clone.
        return self
