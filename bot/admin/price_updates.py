"""PRICE_UPDATES=daily: fetch the newest genai-prices data, and offer what changed to the admins.

Once at start and then once a day, the bot fetches the data with genai-prices' own update mechanism
(`UpdatePrices.fetch`, from PRICE_UPDATES_URL) and installs it the way that library does
(`set_custom_snapshot`), so `admin sync` and its Apply button read the same data. When the stored
card differs from it, the differences go to AUDIT_CHANNEL as an `admin sync` message: Apply / Cancel
buttons that only admins can press, applied against the card version shown. Nothing changes by
itself. An unreachable or unreadable source is one log line and nothing else.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from bot.admin import render as render_admin
from bot.admin.sync import PriceDiff, Proposal, SyncUnavailable, genai_prices_diff
from bot.answers.render import Doc, to_slack
from bot.text.i18n import translator

__all__ = ["DAY_SECONDS", "FetchRefused", "PriceUpdater", "fetch_snapshot"]

logger = logging.getLogger(__name__)

DAY_SECONDS = 24 * 60 * 60
#: Seconds one fetch may take in all (connect, headers and the whole body): the file is a few hundred
#: KB, and a server that drips bytes must not hold the daily check for ever.
FETCH_TIMEOUT = 20.0
#: Bytes the data may have: far above the real file (~0.5 MB), far below what would hurt memory.
MAX_DATA_BYTES = 8 * 1024 * 1024


class FetchRefused(Exception):
    """The data source answered too slowly in all, or with more than `MAX_DATA_BYTES`."""


def fetch_snapshot(url: str, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_DATA_BYTES) -> Any:
    """The data at ``url`` as a genai-prices snapshot (raises on any network or format problem).

    genai-prices' own `UpdatePrices.fetch` has a per-read timeout only and reads any size; this one
    streams the body under a total deadline and a size cap, then parses it as that fetch does.
    """
    import httpx2
    from genai_prices.data_snapshot import DataSnapshot
    from genai_prices.types import _providers_from_raw  # the parser UpdatePrices.fetch uses (version pinned)

    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    with httpx2.stream("GET", url, timeout=timeout) as response:
        response.raise_for_status()
        declared = response.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_bytes:
            raise FetchRefused(f"{declared} bytes is over the {max_bytes} byte cap")
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchRefused(f"over the {max_bytes} byte cap")
            if time.monotonic() > deadline:
                raise FetchRefused(f"not read within {timeout:.0f} s")
            chunks.append(chunk)
    raw = json.loads(b"".join(chunks))
    if not isinstance(raw, list):
        raise ValueError("expected the price data to be a provider array")
    return DataSnapshot(_providers_from_raw(raw), from_auto_update=True)


class PriceUpdater:
    """The daily check. ``post(text, blocks)`` sends to AUDIT_CHANNEL; ``claim(key)`` is True for the
    one instance that should post a given day's differences (the event-claim table)."""

    def __init__(
        self,
        *,
        url: str,
        current: Callable[[], Any],
        post: Callable[[str, list[dict[str, Any]]], None] | None,
        claim: Callable[[str], bool],
        lang: str,
        today: Callable[[], dt.date] = dt.date.today,
        interval: float = DAY_SECONDS,
        fetch: Callable[[str], Any] = fetch_snapshot,
    ) -> None:
        self.url = url
        self._current = current
        self._post = post
        self._claim = claim
        self._lang = lang
        self._today = today
        self._interval = interval
        self._fetch = fetch
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def check_once(self) -> list[PriceDiff] | None:
        """Fetch, install and compare; post the differences. None when the data could not be had."""
        from genai_prices.data_snapshot import set_custom_snapshot

        try:
            snapshot = self._fetch(self.url)
        except Exception as exc:  # noqa: BLE001 - any failure to fetch is the same: keep what we have
            logger.warning("price update: %s could not be read (%s); prices unchanged", self.url, type(exc).__name__)
            return None
        set_custom_snapshot(snapshot)
        current = self._current()
        today = self._today()
        try:
            diffs = genai_prices_diff(current.card, on=today)
        except SyncUnavailable:
            logger.warning("price update: %s has no google prices; prices unchanged", self.url)
            set_custom_snapshot(None)
            return None
        new_models = _new_models(snapshot, current.card)
        if not diffs and not new_models:
            logger.info("price update: the card agrees with %s", self.url)
            return diffs
        digest = hashlib.sha256(repr((current.version, diffs, new_models)).encode()).hexdigest()[:16]
        if self._post is None:
            logger.warning("price update: %d differences with %s, but AUDIT_CHANNEL is not set", len(diffs), self.url)
        elif self._claim(f"price-update:{today.isoformat()}:{digest}"):
            self._post(*self.message(diffs, current.version, new_models))
        return diffs

    def message(self, diffs: list[PriceDiff], version: int, new_models: tuple[str, ...] | list[str] = ()) -> tuple[str, list[dict[str, Any]]]:
        from bot.admin.commands import SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION

        t = translator(self._lang)
        shown = render_admin.sync_diff(t, diffs)
        lines = [shown.title, *shown.lines] if diffs else []
        notes = list(shown.notes) if diffs else []
        if new_models:
            # Apply edits prices of models on the card; a new model arrives with the next release
            # (the card is built from the pinned genai-prices data at start), or by `admin add-model`.
            notes.append(t.gettext("New in the data, not on the card yet: {models}. They arrive with the next release of the bot, or by admin add-model.").format(
                models=t.words(list(new_models))))
        doc = Doc(t.gettext("Newer genai-prices data differs from the rate card"), lines, notes)
        text, blocks = to_slack(doc)
        if diffs:
            proposal = Proposal(version, tuple(diffs)).encode()
            blocks.append(render_admin.sync_buttons(t, proposal, SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION))
        return text, blocks

    def start(self) -> None:
        """Check now, then every interval, on a daemon thread until `stop`."""
        self._thread = threading.Thread(target=self._run, name="price-updates", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.check_once()
            except Exception:  # a bug must not end the daily check for good
                logger.exception("price update failed")
            self._stop.wait(self._interval)


def _new_models(snapshot: Any, card: Any) -> list[str]:
    """Gemini models in the fetched data that the card does not have."""
    from pricing.genai_source import google_models

    try:
        theirs = {m.id for m in google_models(snapshot)}
    except Exception:  # noqa: BLE001 - no google provider: genai_prices_diff said so already
        return []
    return sorted(theirs - {m.id for m in card.models})
