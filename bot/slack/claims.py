"""Once-only handling of Slack events: the database decides across instances, within a time budget.

The claim runs after the ack, in the event's background task, so a slow or frozen database never
delays Slack's 3-second deadline (a late ack makes Slack retry, and a retry is a duplicate). When
the database cannot say in time, the claim is not taken as "new": this instance answers a key only
if it has not taken it on itself (Slack's retries of one delivery come to the same app), and logs it.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from bot.slack.workers import BlockingCalls, TooSlow
from bot.store.database import Store

__all__ = ["CLAIM_BUDGET", "Claims"]

logger = logging.getLogger(__name__)

#: Seconds an event waits for the database's word before this instance decides on its own.
CLAIM_BUDGET = 1.0
#: Keys this instance remembers taking on (an hour of a busy workspace's messages); older ones go first.
_REMEMBERED = 50_000


class Claims:
    """``await claims.first(key)``: True for the one taker of ``key``; False for every repeat."""

    def __init__(self, store: Store, blocking: BlockingCalls, *, budget: float = CLAIM_BUDGET) -> None:
        self._store = store
        self._blocking = blocking
        self._budget = budget
        self._taken: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    async def first(self, key: str) -> bool:
        try:
            claimed = await self._blocking.within(self._budget, self._store.claim_event, key)
        except TooSlow:
            claimed = None
        seen_here = self._remember(key)
        if claimed is not None:
            return claimed
        if seen_here:
            logger.warning("claim of %s: the database did not answer; already taken on here, so not again", key)
            return False
        logger.warning("claim of %s: the database did not answer; taken on by this instance", key)
        return True

    def _remember(self, key: str) -> bool:
        """Record ``key``; True when this instance had taken it on before."""
        with self._lock:
            seen = key in self._taken
            self._taken[key] = None
            self._taken.move_to_end(key)
            while len(self._taken) > _REMEMBERED:
                self._taken.popitem(last=False)
        return seen
