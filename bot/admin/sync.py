"""`admin sync`: compare the rate card with the installed genai-prices data, and apply the differences."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pricing.edits import set_price
from pricing.errors import PricingError
from pricing.models import MAX_TOKEN_PRICE, ModelCard, RateCard, TieredPrice

if TYPE_CHECKING:
    from genai_prices.types import ModelInfo, ModelPrice

__all__ = [
    "SYNC_FIELDS", "PriceDiff", "Proposal", "SkippedDiff", "SyncUnavailable", "apply_diffs", "genai_prices_diff",
    "plausible",
]  # fmt: skip

#: `admin set` field -> (our ModelCard attribute, genai-prices ModelPrice attribute), in report order.
#: Deliberately left out:
#: - audio (`input_audio_mtok`, `cache_audio_read_mtok`): `set_price` cannot edit audio rates, and
#:   genai-prices bills audio as plain input on models where we carry a separate (equal) audio rate;
#: - grounding (`web_searches_kcount`): the units differ. Gemini 2.x bills per grounded *prompt* with a
#:   free daily allowance, genai-prices per search *query* with none, so equal per-1,000 figures still
#:   mean different bills; and `admin set ... grounding` edits a plan shared by several models;
#: - images: our card carries no image prices;
#: - storage: genai-prices has no cache-storage (per token-hour) price at all.
SYNC_FIELDS: dict[str, tuple[str, str]] = {
    "input": ("input", "input_mtok"),
    "output": ("output", "output_mtok"),
    "cached": ("cached_input", "cache_read_mtok"),
}

_PROVIDER = "google"
#: Slack caps a button's value at 2,000 characters: a proposal longer than that is carried as its hash.
BUTTON_VALUE_LIMIT = 2000

logger = logging.getLogger(__name__)


class SyncUnavailable(Exception):
    """genai-prices cannot be read (not installed, or too old to have the data we read)."""

    code = "sync_unavailable"


@dataclass(frozen=True)
class PriceDiff:
    """One figure where genai-prices says something else than our card (USD per 1M tokens)."""

    model: str
    field: str  # one of SYNC_FIELDS, i.e. the `admin set` field names
    long_context: bool
    ours: Decimal | None  # None: our card has no such price
    theirs: Decimal


@dataclass(frozen=True)
class SkippedDiff:
    """A diff `apply_diffs` could not apply; ``code`` is the refusing error's code (e.g. ``no_such_price``)."""

    diff: PriceDiff
    code: str


def _google_models() -> dict[str, ModelInfo]:
    # Lazy: the bot answers prices without genai-prices; only `admin sync` needs it.
    try:
        from genai_prices.data_snapshot import get_snapshot
    except ImportError as exc:
        raise SyncUnavailable() from exc
    # get_snapshot() rather than genai_prices.data: it honours a snapshot refreshed by UpdatePrices.
    provider = next((p for p in get_snapshot().providers if p.id == _PROVIDER), None)
    if provider is None:
        raise SyncUnavailable()
    return {m.id: m for m in provider.models}


def _prices_on(info: ModelInfo, on: dt.date) -> ModelPrice:
    """The standard (interactive, no price variant such as batch) prices in effect on ``on``.

    Same rule as `ModelInfo.get_prices` (the last active conditional price wins; none active -> the
    first), but by date alone: a time-of-day constraint (off-peak windows, none at Google) would make
    the answer depend on the hour the admin asked, so it never counts as active here.
    """
    from genai_prices.types import ModelPrice, StartDateConstraint

    if isinstance(info.prices, ModelPrice):
        return info.prices
    for conditional in reversed(info.prices):
        constraint = conditional.constraint
        if constraint is None or (isinstance(constraint, StartDateConstraint) and constraint.start_date <= on):
            return conditional.prices
    return info.prices[0].prices


def _their_tiers(price: Any, threshold: int | None) -> tuple[Decimal, Decimal | None]:
    """(standard, long-context) from one genai-prices figure, read against our model's threshold.

    A flat figure applies at any prompt size, so it is also their long-context rate. A tiered one
    yields a long-context rate only when it is a single tier starting at our threshold (their
    `Tier(start=200000)` means "over 200,000", as our threshold does); any other shape prices a
    different range than our `>200k`, so the two cannot be compared.
    """
    from genai_prices.types import TieredPrices

    if isinstance(price, TieredPrices):
        tiers = price.tiers
        long = tiers[0].price if len(tiers) == 1 and tiers[0].start == threshold else None
        return price.base, long
    return price, price


def _model_diffs(model: ModelCard, prices: ModelPrice) -> list[PriceDiff]:
    diffs: list[PriceDiff] = []
    for field, (our_attr, their_attr) in SYNC_FIELDS.items():
        theirs_raw = getattr(prices, their_attr, None)
        if theirs_raw is None:
            continue  # they have no such price: nothing to compare, nothing to set
        ours: TieredPrice | None = getattr(model, our_attr)
        their_standard, their_long = _their_tiers(theirs_raw, model.long_context_threshold)
        pairs: list[tuple[bool, Decimal | None, Decimal | None]] = [
            (False, None if ours is None else ours.standard, their_standard)
        ]
        # Long context only where our model has tiers: `set_price ... >200k` is refused on a flat model,
        # and a tier they have but we lack needs a threshold, which `admin import` sets, not `admin set`.
        if model.has_tiers:
            pairs.append((True, None if ours is None else ours.long_context, their_long))
        for long_context, our_figure, their_figure in pairs:
            # Decimal equality is by value: 2.00 == 2, so no diff from formatting alone.
            if their_figure is None or our_figure == their_figure:
                continue
            if not plausible(their_figure):
                # Data that says $0, a negative or an absurd price is a bug in the data, not a proposal.
                logger.warning("genai-prices: %s %s %s is not a plausible price; not proposed", model.id, field, their_figure)
                continue
            diffs.append(PriceDiff(model.id, field, long_context, our_figure, their_figure))
    return diffs


def plausible(price: Decimal) -> bool:
    """A token price the card could hold and a person would believe: above zero, at most `MAX_TOKEN_PRICE`."""
    return price.is_finite() and Decimal(0) < price <= MAX_TOKEN_PRICE


@dataclass(frozen=True)
class Proposal:
    """The differences an admin was shown, against the card version they were shown on.

    It travels in the Apply button (`encode`), so the instance that gets the press applies exactly
    these, whatever price data it holds itself. One too long for a button travels as its digest, and
    the pressed instance applies its own differences only when they hash the same.
    """

    version: int
    diffs: tuple[PriceDiff, ...]

    def digest(self) -> str:
        return hashlib.sha256(self._rows_json().encode()).hexdigest()[:32]

    def encode(self) -> str:
        whole = json.dumps({"v": self.version, "d": self._rows()}, separators=(",", ":"))
        if len(whole) <= BUTTON_VALUE_LIMIT:
            return whole
        return json.dumps({"v": self.version, "h": self.digest()}, separators=(",", ":"))

    @staticmethod
    def decode(value: str) -> tuple[int, tuple[PriceDiff, ...] | None, str | None]:
        """(version, the differences or None, the digest or None); ValueError for anything else."""
        data = json.loads(value)
        if not isinstance(data, dict) or not isinstance(data.get("v"), int) or isinstance(data.get("v"), bool):
            raise ValueError("no card version")
        if isinstance(data.get("h"), str):
            return data["v"], None, data["h"]
        rows = data.get("d")
        if not isinstance(rows, list) or not rows:
            raise ValueError("no differences")
        return data["v"], tuple(_diff_of(row) for row in rows), None

    def _rows(self) -> list[list[Any]]:
        return [[d.model, d.field, int(d.long_context), None if d.ours is None else str(d.ours), str(d.theirs)]
                for d in self.diffs]  # fmt: skip

    def _rows_json(self) -> str:
        return json.dumps({"v": self.version, "d": self._rows()}, separators=(",", ":"))


def _diff_of(row: Any) -> PriceDiff:
    if not (isinstance(row, list) and len(row) == 5 and isinstance(row[0], str) and row[1] in SYNC_FIELDS
            and row[2] in (0, 1) and (row[3] is None or isinstance(row[3], str)) and isinstance(row[4], str)):  # fmt: skip
        raise ValueError("not a difference")
    theirs = Decimal(row[4])
    if not plausible(theirs):
        raise ValueError("not a plausible price")
    return PriceDiff(row[0], row[1], bool(row[2]), None if row[3] is None else Decimal(row[3]), theirs)


def genai_prices_diff(card: RateCard, *, on: dt.date) -> list[PriceDiff]:
    """Input, output and cache-read rates (standard and >200k) where genai-prices differs on date ``on``.

    Only models genai-prices knows under the same id (provider "google") are compared. Ordered by model
    id, then input / output / cached, then standard before long context.
    """
    theirs = _google_models()
    diffs: list[PriceDiff] = []
    for model in sorted(card.models, key=lambda m: m.id):
        info = theirs.get(model.id)
        if info is not None:
            # Our rates on that day too: the card carries the data's dated prices, so a change that
            # took effect since the card was built is not a difference.
            diffs.extend(_model_diffs(model.on(on), _prices_on(info, on)))
    return diffs


def apply_diffs(card: RateCard, diffs: list[PriceDiff], *, today: dt.date) -> tuple[RateCard, list[SkippedDiff]]:
    """Set each diff's figure to theirs with `set_price` (source "admin", dated ``today``).

    Returns the new card, validated whole, and the diffs that could not be applied. The expected one:
    a tiered model lacking a price entirely (``no_such_price``), since `set_price` will not invent the
    other tier's rate. Any other refusal (a stale diff naming a model no longer on the card, a figure
    the card would reject) skips that diff too rather than dropping the ones that are fine.
    """
    skipped: list[SkippedDiff] = []
    for diff in diffs:
        try:
            card = set_price(card, diff.model, diff.field, diff.theirs, long_context=diff.long_context, today=today)
        except PricingError as exc:
            skipped.append(SkippedDiff(diff, exc.code))
    return card, skipped
