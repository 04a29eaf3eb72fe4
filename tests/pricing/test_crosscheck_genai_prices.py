"""Cross-check against the `genai-prices` package: our totals equal theirs wherever the rate data agree.

How genai-prices counts (read from genai_prices/types.py, decompose.py and data_units.py, version 0.2.3):

- `Usage.input_tokens` is the WHOLE prompt, cache reads included: `cache_read_tokens` is a more specific
  unit of `input_tokens` (same dimensions plus token_type=cache_read), and `compute_leaf_values` bills
  `input_tokens - cache_read_tokens` at the input rate and the cache reads at the cache rate. That is our
  `Usage(input_tokens=prompt, cached_tokens=...)` exactly. More cache reads than input is a ValueError.
- Tiers: `calc_unit_price` picks a tier when `total_input_tokens > tier.start`, where total_input_tokens
  is `usage.input_tokens` (cache reads included) and the chosen rate applies to every unit of the
  request (input, cache read and output alike: a cliff, as `TieredPrices`' docstring says). So
  `Tier(start=200000)` means "over 200,000": exactly 200,000 is the base rate, 200,001 the tier rate.
  That is our rule (DESIGN: `200k in` is standard, `200001 in` is long-context); the boundary test
  below pins it on both sides.
- Prices carry start dates (`StartDateConstraint`), so every call here passes a fixed
  `genai_request_timestamp` (2026-11-28, the day our card's newest figures were read).

Models both know: every model on our card (matched by id among provider "google"). Their token rates
(input, cache read, output, <=200k and >200k, audio where given) agree with ours for all of them.
The differences that remain (KNOWN_DIFFERENCES, asserted to be exactly what is observed):

- `input_audio` on gemini-3.1-pro-preview, gemini-3-pro-preview, gemini-2.5-pro: we carry the audio input
  rate (same as text, tiered); genai-prices has no separate audio price for these models and bills audio
  as input, at the same figures. No effect on totals.
- `storage`: genai-prices has no cache-storage (per token-hour) unit at all; ours bills it per DESIGN.
- `grounding_allowance`: genai-prices prices every web search at the per-1,000 figure (which agrees:
  $14 Gemini 3, $35 Gemini 2.x) with no free allowance; ours applies the family's allowance (5,000 a
  month shared across Gemini 3; 1,500 a day for 2.5 Pro, and shared by 2.5 Flash / Flash-Lite; 1,500 a
  day for 2.0 Flash).
- `grounding_unit`: genai-prices counts web search queries; Gemini 2.x bills per grounded prompt
  (REFERENCE.md), which ours does. Same when a prompt runs one search.
- `scheduled 2027-01-01 cached_input` on gemini-3.6/3.7/3.8-flash: both announce input $1.50 and output
  $7.50 from 2027-01-01; genai-prices also moves cache reads to $0.15, our card's scheduled change
  names no cache rate (REFERENCE.md gives none), so ours keeps $0.075.

Behaviour (not rate data) that differs, tested below: where a model has no price for something, ours
refuses (UnsupportedFeature) while genai-prices prices it silently: output tokens on
gemini-embedding-001 cost $0 there, and cache reads on gemini-2.0-flash-lite are billed as plain input.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal as D
from typing import Any

import genai_prices
import pytest
from genai_prices.data_snapshot import get_snapshot
from genai_prices.types import TieredPrices

from pricing import InvalidQuery, PriceBook, UnsupportedFeature, Usage, estimate
from pricing.models import ModelCard

TS = dt.datetime(2026, 11, 28, tzinfo=dt.UTC)
TODAY = TS.date()


def _google() -> dict[str, Any]:
    provider = next(p for p in get_snapshot().providers if p.id == "google")
    return {m.id: m for m in provider.models}


THEIRS = _google()

_PRO_AUDIO = ("gemini-3.1-pro-preview", "gemini-3-pro-preview", "gemini-2.5-pro")
_WITH_STORAGE = (
    "gemini-3.1-pro-preview",
    "gemini-3-pro-preview",
    "gemini-3-flash-preview",
    "gemini-2.5-pro",
    "gemini-2.5-flash",
    "gemini-2.5-flash-lite",
    "gemini-2.0-flash",
)
_GROUNDED = (
    "gemini-3.1-pro-preview",
    "gemini-3-pro-preview",
    "gemini-3-flash-preview",
    "gemini-3.5-flash",
    "gemini-3.5-flash-lite",
    "gemini-3.6-flash",
    "gemini-3.7-flash",
    "gemini-3.8-flash",
    "gemini-2.5-pro",
    "gemini-2.5-flash",
    "gemini-2.5-flash-lite",
    "gemini-2.0-flash",
)
_PER_PROMPT = ("gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash")
_FLASH_2027 = ("gemini-3.6-flash", "gemini-3.7-flash", "gemini-3.8-flash")

KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    **{
        (m, "input_audio"): "genai-prices has no separate audio input price (bills it as input, same figures)"
        for m in _PRO_AUDIO
    },
    **{(m, "storage"): "genai-prices has no cache-storage (per token-hour) price" for m in _WITH_STORAGE},
    **{
        (m, "grounding_allowance"): "genai-prices bills every search; ours applies the family's free allowance"
        for m in _GROUNDED
    },
    **{
        (m, "grounding_unit"): "Gemini 2.x bills per grounded prompt; genai-prices counts search queries"
        for m in _PER_PROMPT
    },
    **{
        (
            m,
            "scheduled 2027-01-01 cached_input",
        ): "genai-prices moves cache reads to $0.15; our scheduled change names no cache rate"
        for m in _FLASH_2027
    },
}


# --- rate data, side by side ---------------------------------------------------------------------


def _their_price(price: Any, threshold_out: list[int]) -> tuple[D, ...] | None:
    if price is None:
        return None
    if isinstance(price, TieredPrices):
        assert len(price.tiers) == 1
        threshold_out.append(price.tiers[0].start)
        return (price.base, price.tiers[0].price)
    return (price,)


def _our_price(price: Any) -> tuple[D, ...] | None:
    if price is None:
        return None
    if hasattr(price, "usd"):
        return (price.usd,)
    return (price.standard,) if price.long_context is None else (price.standard, price.long_context)


def rate_differences(book: PriceBook) -> dict[tuple[str, str], tuple[object, object]]:
    """Every (model, field) where our card and genai-prices' data say different things."""
    diffs: dict[tuple[str, str], tuple[object, object]] = {}
    for model in book.card.models:
        info = THEIRS[model.id]
        mp = info.get_prices(TS)
        thresholds: list[int] = []
        pairs = {
            "input": (_our_price(model.input), _their_price(mp.input_mtok, thresholds)),
            "output": (_our_price(model.output), _their_price(mp.output_mtok, thresholds)),
            "cached_input": (_our_price(model.cached_input), _their_price(mp.cache_read_mtok, thresholds)),
            "input_audio": (_our_price(model.input_audio), _their_price(mp.input_audio_mtok, thresholds)),
            "cached_audio": (_our_price(model.cached_audio), _their_price(mp.cache_audio_read_mtok, thresholds)),
            "storage": (_our_price(model.storage), None),
        }
        plan = book.card.grounding[model.grounding] if model.grounding else None
        their_search = mp.web_searches_kcount
        pairs["grounding_price"] = (plan.price_per_1000 if plan else None, their_search)
        if plan is not None:
            pairs["grounding_allowance"] = (plan.allowance, 0 if their_search is not None else None)
            pairs["grounding_unit"] = (plan.unit, "query" if their_search is not None else None)
        for name, (ours, theirs) in pairs.items():
            if ours != theirs:
                diffs[(model.id, name)] = (ours, theirs)
        if thresholds:
            threshold = (model.long_context_threshold, set(thresholds))
            if threshold != (200_000, {200_000}):
                diffs[(model.id, "threshold")] = threshold
        diffs.update(_schedule_differences(model, info))
    return diffs


def _schedule_differences(model: ModelCard, info: Any) -> dict[tuple[str, str], tuple[object, object]]:
    """Price changes after TS: theirs (from start-dated prices) against our `scheduled` entries."""
    diffs: dict[tuple[str, str], tuple[object, object]] = {}
    their_dates = sorted(
        {
            c.constraint.start_date
            for c in (info.prices if isinstance(info.prices, list) else [])
            if c.constraint is not None and getattr(c.constraint, "start_date", TODAY) > TODAY
        }
    )
    our_changes = {c.effective: c for c in model.scheduled}
    for date in sorted(set(their_dates) | set(our_changes)):
        later = info.get_prices(dt.datetime.combine(date, dt.time(12), tzinfo=dt.UTC))
        change = our_changes.get(date)
        for ours_name, theirs_name, current in (
            ("input", "input_mtok", model.input),
            ("output", "output_mtok", model.output),
            ("cached_input", "cache_read_mtok", model.cached_input),
        ):
            ours = getattr(change, ours_name, None) if change else None
            if ours is None and current is not None:
                ours = current.standard  # no change announced: the current rate holds
            theirs = getattr(later, theirs_name)
            if ours != theirs:
                diffs[(model.id, f"scheduled {date} {ours_name}")] = (ours, theirs)
    return diffs


def test_every_model_on_our_card_is_known_to_genai_prices(book: PriceBook) -> None:
    missing = [m.id for m in book.card.models if m.id not in THEIRS]
    assert missing == []


def test_remaining_differences_are_exactly_the_known_ones(book: PriceBook) -> None:
    observed = rate_differences(book)
    assert set(observed) == set(KNOWN_DIFFERENCES), {k: observed.get(k) for k in set(observed) ^ set(KNOWN_DIFFERENCES)}


def test_token_rates_agree_for_every_shared_model(book: PriceBook) -> None:
    observed = rate_differences(book)
    token_fields = {"input", "output", "cached_input", "cached_audio", "threshold", "grounding_price"}
    assert {k: v for k, v in observed.items() if k[1] in token_fields} == {}


# --- totals --------------------------------------------------------------------------------------


def their_total(model_id: str, prompt: int, cached: int, output: int) -> D:
    result = genai_prices.calc_price(
        genai_prices.Usage(input_tokens=prompt, cache_read_tokens=cached, output_tokens=output),
        model_id,
        provider_id="google",
        genai_request_timestamp=TS,
    )
    assert result.model.id == model_id  # matched the same model, not a look-alike
    return result.total_price


def _random_usages(book: PriceBook, count: int, seed: int) -> list[tuple[str, int, int, int]]:
    rng = random.Random(seed)
    models = list(book.card.models)
    out: list[tuple[str, int, int, int]] = []
    for i in range(count):
        model = models[i % len(models)]
        window = model.context_window or 1_048_576
        kind = rng.random()
        if kind < 0.4:
            prompt = rng.randint(1, 200_000)
        elif kind < 0.6:
            prompt = rng.randint(199_990, 200_010)  # around the tier boundary
        else:
            prompt = rng.randint(200_001, window)  # long context
        cached = 0
        if model.cached_input is not None and rng.random() < 0.6:
            cached = rng.choice([rng.randint(0, prompt), prompt, prompt // 2])
        output = rng.randint(0, 120_000) if model.output is not None and rng.random() < 0.9 else 0
        out.append((model.id, prompt, cached, output))
    return out


@pytest.fixture(scope="module")
def random_usages(book: PriceBook) -> list[tuple[str, int, int, int]]:
    usages = _random_usages(book, 300, seed=20261128)
    assert len({u[0] for u in usages}) == len(book.card.models)
    assert sum(1 for _, prompt, _, _ in usages if prompt > 200_000) >= 100
    return usages


def test_totals_equal_on_random_usages(book: PriceBook, random_usages: list[tuple[str, int, int, int]]) -> None:
    mismatches = []
    for model_id, prompt, cached, output in random_usages:
        ours = estimate(
            book,
            Usage(input_tokens=prompt, cached_tokens=cached, output_tokens=output),
            book.get(model_id),
            today=TODAY,
        ).total
        theirs = their_total(model_id, prompt, cached, output)
        if ours != theirs:
            mismatches.append((model_id, prompt, cached, output, ours, theirs))
    assert mismatches == []


def test_request_counts_are_whole_requests_in_theirs_too(book: PriceBook) -> None:
    # ours: 7 x the whole request; theirs priced once and multiplied (tier stays per request)
    for model_id in ("gemini-3.1-pro-preview", "gemini-2.5-pro", "gemini-2.5-flash"):
        ours = estimate(
            book,
            Usage(input_tokens=300_000, cached_tokens=100_000, output_tokens=5_000, requests=7),
            book.get(model_id),
        ).total
        assert ours == 7 * their_total(model_id, 300_000, 100_000, 5_000)


@pytest.mark.parametrize(
    ("model_id", "prompt", "cached", "output", "total"),
    [
        # 200,000 is standard on both sides: 200k x $2.00 + 10k x $12.00
        ("gemini-3.1-pro-preview", 200_000, 0, 10_000, D("0.52")),
        # 200,001 is long context on both sides: 200,001 x $4.00 + 10k x $18.00
        ("gemini-3.1-pro-preview", 200_001, 0, 10_000, D("0.980004")),
        # cache reads count toward the threshold on both sides: 150k x $4.00 + 60k x $0.40
        ("gemini-3.1-pro-preview", 210_000, 60_000, 0, D("0.624")),
        # 2.5 Pro: 200k x $1.25 = $0.25; 200,001 x $2.50 = $0.5000025
        ("gemini-2.5-pro", 200_000, 0, 0, D("0.25")),
        ("gemini-2.5-pro", 200_001, 0, 0, D("0.5000025")),
    ],
)
def test_tier_boundary_semantics_agree(
    book: PriceBook, model_id: str, prompt: int, cached: int, output: int, total: D
) -> None:
    ours = estimate(
        book, Usage(input_tokens=prompt, cached_tokens=cached, output_tokens=output), book.get(model_id)
    ).total
    assert ours == their_total(model_id, prompt, cached, output) == total


def test_their_tier_starts_are_200000_meaning_over_200000() -> None:
    tiers = THEIRS["gemini-3.1-pro-preview"].get_prices(TS).input_mtok.tiers
    assert [t.start for t in tiers] == [200_000]


# --- behaviour that differs where a price is missing ---------------------------------------------


def test_output_on_embeddings_is_refused_here_and_free_there(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature):
        estimate(book, Usage(input_tokens=1_000_000, output_tokens=1_000), book.get("gemini-embedding-001"))
    # theirs: 1M x $0.15 + 1k output x $0 (no output price)
    assert their_total("gemini-embedding-001", 1_000_000, 0, 1_000) == D("0.15")


def test_cache_on_2_0_flash_lite_is_refused_here_and_billed_as_input_there(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature):
        estimate(book, Usage(input_tokens=1_000_000, cached_tokens=800_000), book.get("gemini-2.0-flash-lite"))
    # theirs: no cache price, so all 1M at $0.075
    assert their_total("gemini-2.0-flash-lite", 1_000_000, 800_000, 0) == D("0.075")


def test_more_cached_than_input_is_an_error_on_both_sides() -> None:
    with pytest.raises(InvalidQuery):
        Usage(input_tokens=100, cached_tokens=200)
    with pytest.raises(ValueError):
        their_total("gemini-3.1-pro-preview", 100, 200, 0)
