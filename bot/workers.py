"""Thread pools for work done after Slack's ack, each with a bounded queue that says so when it is full."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from typing import ParamSpec, TypeVar

__all__ = ["BoundedExecutor"]

logger = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")


class BoundedExecutor(Executor):
    """A `ThreadPoolExecutor` that holds at most ``queue`` tasks waiting besides the ``workers`` running.

    A plain pool queues without limit: under a burst (or a Slack that answers slowly) memory grows
    and every later task waits behind all of it. Past the bound a task is dropped with an error in
    the log naming the pool, and `submit` returns a cancelled future (Bolt ignores the result).
    """

    def __init__(self, workers: int, queue: int, name: str) -> None:
        self._pool = ThreadPoolExecutor(workers, name)
        self._name = name
        self._capacity = workers + queue
        self._slots = threading.BoundedSemaphore(self._capacity)

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        if not self._slots.acquire(blocking=False):
            logger.error(
                "%s: %d tasks already running or waiting; dropped %s. Slack may be slow or this instance overloaded.",
                self._name, self._capacity, getattr(fn, "__name__", "a task"),
            )  # fmt: skip
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        def run() -> T:
            try:
                return fn(*args, **kwargs)
            finally:
                self._slots.release()  # before the future completes: whoever waits on it finds room

        run.__name__ = getattr(fn, "__name__", "task")
        try:
            return self._pool.submit(run)
        except BaseException:
            self._slots.release()
            raise

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
