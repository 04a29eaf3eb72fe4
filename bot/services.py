"""The shared objects every listener needs, handed to them through Bolt's context."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.locale_resolver import LocaleResolver
from bot.settings import Settings
from bot.store import Store

if TYPE_CHECKING:
    from bot.answer import Answerer

__all__ = ["Services"]


@dataclass(frozen=True, eq=False)
class Services:
    """Answerer, store, language picker and settings, shared by every request of one app."""

    answerer: Answerer
    store: Store
    languages: LocaleResolver
    settings: Settings

    def __deepcopy__(self, memo: dict[int, Any]) -> Services:
        # Bolt deep-copies the context for lazy listeners; these are shared, thread-safe services
        # (a database engine, caches), so the copy must be this very object, not a clone.
        return self
