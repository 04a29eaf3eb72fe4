"""The rate card answers use: held in memory, swapped in when a background poll sees a new stored version."""

from __future__ import annotations

import logging
import threading

from bot.store.card_versions import Change, DatabaseUnavailable, RateStore
from pricing.ratecard import PriceBook

__all__ = ["DEFAULT_INTERVAL", "CardCache"]

logger = logging.getLogger(__name__)

#: Poll period in seconds: well inside the "every instance within 2 s" promise, and one tiny query.
DEFAULT_INTERVAL = 0.5


class CardCache:
    """The current ``(version, PriceBook)`` of a `RateStore`, kept fresh by a daemon thread.

    `book` is a plain attribute read: answers never wait on the database, and keep using the last
    card known while it is down. Version 0 means "the shipped seed, not yet read from the database".
    """

    def __init__(self, store: RateStore, seed_book: PriceBook | None = None, *, interval: float = DEFAULT_INTERVAL) -> None:
        """``seed_book``: the store's seed as a `PriceBook`, when the caller has one (saves building it twice)."""
        self._store = store
        self._interval = interval
        # One tuple swapped whole: readers never see a version paired with another version's book.
        self._state: tuple[int, PriceBook] = (0, seed_book or PriceBook(store.seed))
        self._healthy = True
        # Serialises polls (the thread and refresh_now) so an older read never replaces a newer one.
        self._poll_lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- reading (never touches the database) ---------------------------------------------------

    def book(self) -> PriceBook:
        return self._state[1]

    @property
    def version(self) -> int:
        return self._state[0]

    @property
    def healthy(self) -> bool:
        """False while the database is unreachable (answers then come from the last card known)."""
        return self._healthy

    # -- lifecycle ------------------------------------------------------------------------------

    def start(self) -> None:
        """Load the stored card now (or keep the seed if the database is down), then poll in the background."""
        if self._thread is not None:
            return
        self.refresh_now()
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="card-cache", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def refresh_now(self, change: Change | None = None) -> int:
        """Catch up at once (the instance that just made ``change`` needs no database trip); the version held."""
        with self._poll_lock:
            if change is not None:
                self._install(change.version, PriceBook(change.after), newer_only=True)
            else:
                self._poll()
        return self.version

    # -- polling --------------------------------------------------------------------------------

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            with self._poll_lock:
                self._poll()

    def _poll(self) -> None:
        try:
            if self.version == 0:
                # Never read the database yet (it was down at start): finish its setup first.
                self._store.ensure_seed()
            latest = self._store.latest_version()
            if latest == 0:  # an emptied database: put the seed back rather than serve nothing new
                self._store.ensure_seed()
                latest = self._store.latest_version()
            if latest != self.version:
                loaded = self._store.load(latest)
                # Any different number wins, even a lower one: the database is the truth (e.g. restored).
                self._install(loaded.version, PriceBook(loaded.card), newer_only=False)
        except DatabaseUnavailable as error:
            self._set_healthy(False, error)
            return
        except Exception as error:  # noqa: BLE001  # a bug must not kill the thread; logged once, below
            self._set_healthy(False, error, unexpected=True)
            return
        self._set_healthy(True)

    def _install(self, version: int, book: PriceBook, *, newer_only: bool) -> None:
        current = self.version
        if version == current or (newer_only and version < current):
            return
        self._state = (version, book)
        # The first load at start is routine; a later swap is worth a line in the operator's log.
        logger.log(logging.DEBUG if current == 0 else logging.INFO, "rate card version %d in use (was %d)", version, current)

    def _set_healthy(self, healthy: bool, error: BaseException | None = None, *, unexpected: bool = False) -> None:
        # The log line is written before the flag flips: whoever sees the new state (a probe, a test)
        # also finds the line that announced it.
        if self._healthy and not healthy:
            cause = (error.__cause__ or error) if error is not None else None
            if unexpected:
                # Not an outage: the stored card itself could not be loaded (saved before writes were
                # checked by loading them). Say so, so the operator rolls back rather than waits.
                logger.error(
                    "the newest stored rate card could not be loaded (%s); answering from card version %d. "
                    "An admin can restore a good version with `admin rollback VERSION`.",
                    type(cause).__name__, self.version, exc_info=error,
                )  # fmt: skip
            else:
                logger.warning(
                    "rate card database unreachable (%s); answering from card version %d until it is back",
                    type(cause).__name__, self.version,
                )  # fmt: skip
        elif healthy and not self._healthy:
            logger.info("rate card database reachable again; card version %d", self.version)
        self._healthy = healthy
