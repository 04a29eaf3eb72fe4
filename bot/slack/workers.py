"""Work off the event loop's request path: bounded background tasks, and a bounded pool for blocking calls.

The bot answers on one asyncio event loop. Two kinds of work must not hold a request up:

* what happens after Slack's ack (posting an answer, publishing App Home, announcing a rate
  change) runs as `BackgroundTasks`: at most ``limit`` at once, at most ``capacity`` running or
  waiting, and drained (bounded) when the process shuts down, so answers already underway go out;
* blocking calls (SQLAlchemy on PostgreSQL or SQLite) run in `BlockingCalls`, a small thread pool:
  a database query on the loop would stall every other request.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

from bot.store.database import CommitGate, caller_deadline

__all__ = ["BackgroundTasks", "BlockingCalls", "OutcomeUnknown", "TooSlow"]

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class BackgroundTasks:
    """Coroutines run as tasks on the loop: ``limit`` at a time, ``capacity`` running or waiting.

    Unbounded, a burst (or a Slack that answers slowly) would grow memory and make every later
    answer wait behind all of it. Past ``capacity`` a task is dropped with an error in the log
    naming the pool. `drain` waits for what is underway, for a bounded time, at shutdown.
    """

    def __init__(self, limit: int, capacity: int, name: str) -> None:
        self._limit = limit
        self._capacity = max(capacity, limit)
        self._name = name
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: asyncio.Semaphore | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        # spawn_threadsafe runs on other threads: the loop and the work waiting for it are shared
        self._lock = threading.Lock()
        self._early: list[Callable[[], Coroutine[Any, Any, Any]]] = []

    def __len__(self) -> int:
        return len(self._tasks)

    @property
    def full(self) -> bool:
        """True when `spawn` would drop work (at capacity, or shutting down)."""
        return self._closed or len(self._tasks) >= self._capacity

    def spawn(self, work: Coroutine[Any, Any, Any]) -> bool:
        """Start ``work`` (on the running loop); False when it was dropped (full, or shutting down)."""
        loop = self._attach()
        name = getattr(work, "__name__", "a task")
        if self._closed or len(self._tasks) >= self._capacity:
            work.close()  # never awaited: close it, so Python does not warn about it
            why = "shutting down" if self._closed else f"{self._capacity} tasks already running or waiting"
            logger.error("%s: %s; dropped %s. Slack may be slow or this instance overloaded.", self._name, why, name)
            return False
        task = loop.create_task(self._run(work), name=f"{self._name}:{name}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return True

    def spawn_threadsafe(self, make: Callable[[], Coroutine[Any, Any, Any]]) -> None:
        """`spawn` from another thread (a poller thread announcing a change), on the app's loop.

        Before `bind` (the daily price check runs at start-up, before the server's loop) the work
        waits and is started by `bind`.
        """
        with self._lock:
            loop = self._loop
            if loop is None:
                self._early.append(make)
                return
        if loop.is_closed():
            logger.warning("%s: the event loop has stopped; dropped a task from a thread", self._name)
            return
        loop.call_soon_threadsafe(lambda: self.spawn(make()))

    def bind(self) -> None:
        """Remember the running loop now (before any spawn), for `spawn_threadsafe`; start what waited."""
        with self._lock:
            self._attach()
            early, self._early = self._early, []
        for make in early:
            self.spawn(make())

    def _attach(self) -> asyncio.AbstractEventLoop:
        """The running loop, bound to (a test or the shell may run several loops in turn)."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._running = loop, asyncio.Semaphore(self._limit)
        return loop

    async def join(self) -> None:
        """Wait until no task runs or waits (the offline shell prints each answer before the next prompt)."""
        while self._tasks:
            await asyncio.wait(set(self._tasks))

    async def drain(self, timeout: float) -> bool:
        """Take no more work; wait up to ``timeout`` seconds for what runs or waits, cancel the rest.

        True when everything finished in time.
        """
        self._closed = True
        pending = set(self._tasks)
        if not pending:
            return True
        _done, late = await asyncio.wait(pending, timeout=timeout)
        for task in late:
            task.cancel()
        if late:
            logger.warning("%s: %d tasks still running after %.0f s at shutdown; cancelled", self._name, len(late), timeout)
            await asyncio.gather(*late, return_exceptions=True)
        return not late

    async def _run(self, work: Coroutine[Any, Any, Any]) -> None:
        assert self._running is not None
        try:
            async with self._running:
                await work
        except asyncio.CancelledError:
            raise
        except Exception:
            # Listeners catch what they can answer; anything else is a bug to see in the log.
            logger.exception("%s: a background task failed", self._name)
        finally:
            work.close()  # a no-op once awaited; closes it when cancelled while waiting for a slot


#: Seconds of a call's budget kept for a commit underway to finish (at most a quarter of the budget).
COMMIT_MARGIN = 0.5
#: Seconds a caller of `BlockingCalls.writing` waits past its budget for a commit that had begun.
COMMIT_WAIT = 10.0


class TooSlow(TimeoutError):
    """A blocking call did not finish within its budget; the caller went on without it, and nothing it would have
    committed is saved."""


class OutcomeUnknown(TooSlow):
    """A commit had begun when the budget ran out and did not end within `COMMIT_WAIT` more: it may have landed."""


class BlockingCalls:
    """A bounded thread pool for blocking calls made from the loop: ``await calls.run(fn, *args)``.

    Its size matches the database pool's, so threads never queue on a connection they cannot get.
    Every call has a time budget (``budget`` seconds unless the call gives its own): past it the
    caller gets `TooSlow` and goes on (a database that stopped answering must not stop answers), and
    a transaction the call would commit after that is rolled back (`caller_deadline`), so what the
    caller reported as not done stays not done. The last `COMMIT_MARGIN` of the budget is for a commit
    already underway to finish: a commit may only start before it. A margin of time alone does not
    settle it (on a loaded machine a commit begun just before the deadline landed after the admin had
    been told "nothing was saved"), so a caller whose answer depends on it (`writing`) keeps a
    `CommitGate`: past the budget it gives up only if no commit has begun, and else waits for that
    commit's outcome (`OutcomeUnknown` if it does not come within `COMMIT_WAIT`).
    """

    def __init__(self, workers: int, name: str, *, budget: float = 2.0) -> None:
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix=name)
        self._budget = budget
        self._name = name

    async def run(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        return await self.within(self._budget, fn, *args, **kwargs)

    async def within(self, budget: float, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """``fn(*args, **kwargs)`` in the pool; `TooSlow` after ``budget`` seconds (the call is left to end on its own)."""
        return await self._call(budget, None, fn, *args, **kwargs)

    async def writing(self, budget: float, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        """As `within`, for a call whose writes the caller reports: past ``budget`` it raises `TooSlow` only when no
        commit has begun (and then none will); a commit underway is waited for (`OutcomeUnknown` past `COMMIT_WAIT`)."""
        return await self._call(budget, CommitGate(), fn, *args, **kwargs)

    async def _call(self, budget: float, gate: CommitGate | None, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
        loop = asyncio.get_running_loop()
        # the caller's deadline, counted from now (not from when a thread is free), less the time a commit needs
        until = time.monotonic() + budget - min(COMMIT_MARGIN, budget / 4)
        future = loop.run_in_executor(self._pool, functools.partial(_with_deadline, until, gate, fn, *args, **kwargs))
        name = getattr(fn, "__qualname__", fn)
        done, _ = await asyncio.wait({future}, timeout=budget)
        if done:
            return future.result()
        if gate is None or gate.abandon():
            future.cancel()  # a call still queued never runs; one running ends on its own, its commit refused
            logger.warning("%s: %s took over %.1f s; went on without it", self._name, name, budget)
            raise TooSlow(budget)
        logger.warning("%s: %s took over %.1f s with a commit underway; waiting for its outcome", self._name, name, budget)
        done, _ = await asyncio.wait({future}, timeout=COMMIT_WAIT)
        if done:
            return future.result()
        raise OutcomeUnknown(budget + COMMIT_WAIT)

    def shutdown(self) -> None:
        """Stop taking calls without waiting for the ones underway (one stuck on a frozen database
        would hold the process past the platform's stop timeout)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _with_deadline(until: float, gate: CommitGate | None, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    with caller_deadline(until - time.monotonic(), gate):
        return fn(*args, **kwargs)
