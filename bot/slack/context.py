"""`Services`: the shared objects every listener needs, handed to them through Bolt's context (built by `bot.services`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from bot.slack.claims import Claims
from bot.slack.languages import LocaleResolver
from bot.slack.permissions import AdminPolicy
from bot.slack.workers import BackgroundTasks, BlockingCalls, TooSlow
from bot.store.conversations import Conversations
from bot.store.database import Store
from pricing import InvalidQuery

if TYPE_CHECKING:
    from bot.answers.answerer import Answerer, Reply
    from bot.store.card_cache import CardCache
    from bot.store.card_versions import RateStore

__all__ = ["Services"]


@dataclass(frozen=True, eq=False)
class Services:
    """Answerer, stores, language picker, admin policy, settings and the loop's helpers, shared by every request."""

    answerer: Answerer
    store: Store
    languages: LocaleResolver
    settings: Settings
    rates: RateStore
    cards: CardCache
    admins: AdminPolicy
    #: Database calls, off the event loop.
    blocking: BlockingCalls
    #: Work after the ack (answers, App Home), bounded and drained at shutdown.
    events: BackgroundTasks
    #: Audit announcements, apart: a burst of answers must not hold up an admin change's post.
    announcements: BackgroundTasks
    #: Answers are computed here, off the event loop and under the pool's budget: a question that
    #: somehow reads slowly must not stall every other request on the loop.
    thinking: BlockingCalls
    #: Posts an admin change to AUDIT_CHANNEL, off the request path; None when no channel is set.
    announce: Callable[[str, list[dict[str, Any]]], None] | None = None

    async def answer(self, text: str, lang: str, *, previous: str | None = None) -> Reply:
        """The Answerer's reply, or a localized "too slow" error past the ``thinking`` pool's budget."""
        try:
            return await self.thinking.run(self.answerer.answer, text, lang, previous=previous)
        except TooSlow:
            return self.answerer.error(InvalidQuery("answer_too_slow"), lang)

    @cached_property
    def claims(self) -> Claims:
        """Once-only handling of events and messages (the database's word, within a budget)."""
        return Claims(self.store, self.blocking)

    @cached_property
    def conversations(self) -> Conversations:  # blocking: call through ``blocking.run``
        """The last question answered per thread or DM (follow-ups), in the same database."""
        return Conversations(self.store)

    def __deepcopy__(self, memo: dict[int, Any]) -> Services:
        # Bolt may copy the context; these are shared services (a database engine, caches, task
        # pools), so the copy must be this very object, not a clone.
        return self
