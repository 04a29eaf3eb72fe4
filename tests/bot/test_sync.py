"""`bot.admin.sync`: the card against the installed genai-prices data, and applying what differs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator
from decimal import Decimal as D
from typing import Any

import pytest
from genai_prices.data_snapshot import DataSnapshot, get_snapshot, set_custom_snapshot
from genai_prices.types import ModelInfo, ModelPrice, Tier, TieredPrices

from bot.admin.sync import (
    SYNC_FIELDS,
    PriceDiff,
    SkippedDiff,
    SyncUnavailable,
    apply_diffs,
    genai_prices_diff,
)
from pricing import load_card, parse_card
from pricing.edits import set_price
from pricing.models import RateCard

TODAY = dt.date(2026, 11, 28)  # the day our card's newest figures (genai-prices cache rates) were read
AFTER_2027_CHANGE = dt.date(2027, 2, 1)
FLASH_2027 = ("gemini-3.6-flash", "gemini-3.7-flash", "gemini-3.8-flash")


@pytest.fixture(scope="module")
def card() -> RateCard:
    return load_card()


def _google() -> dict[str, ModelInfo]:
    provider = next(p for p in get_snapshot().providers if p.id == "google")
    return {m.id: m for m in provider.models}


def expected_diffs(card: RateCard, on: dt.date) -> set[PriceDiff]:
    """An independent reading of genai-prices: the library's own `get_prices` at noon UTC on ``on``."""
    theirs = _google()
    when = dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC)
    found: set[PriceDiff] = set()
    for dated in card.models:
        if dated.id not in theirs:
            continue
        model = dated.on(on)  # our rates on that day (the card carries the data's dated prices)
        prices = theirs[model.id].get_prices(when)
        for field, (ours_attr, theirs_attr) in SYNC_FIELDS.items():
            their = getattr(prices, theirs_attr, None)
            if their is None:
                continue
            ours = getattr(model, ours_attr)
            if isinstance(their, TieredPrices):
                assert [t.start for t in their.tiers] == [model.long_context_threshold]
                tiers = {False: their.base, True: their.tiers[0].price}
            else:
                tiers = {False: their, True: their} if model.has_tiers else {False: their}
            for long_context, figure in tiers.items():
                mine = None if ours is None else (ours.long_context if long_context else ours.standard)
                if mine != figure:
                    found.add(PriceDiff(model.id, field, long_context, mine, figure))
    return found


def _sort_key(d: PriceDiff) -> tuple[str, int, bool]:
    return (d.model, list(SYNC_FIELDS).index(d.field), d.long_context)


# --- the shipped card ----------------------------------------------------------------------------


def test_shipped_card_today_differs_exactly_as_the_data_says(card: RateCard) -> None:
    diffs = genai_prices_diff(card, on=TODAY)
    assert set(diffs) == expected_diffs(card, TODAY)
    assert len(diffs) == len(set(diffs))
    # verified by hand against genai-prices 0.2.3: input, output and cache rates all agree today
    assert diffs == []


def test_every_model_on_the_card_is_compared(card: RateCard) -> None:
    assert {m.id for m in card.models} <= set(_google())


def test_known_agreements_decimal_by_value(card: RateCard) -> None:
    pro = card.model("gemini-3.1-pro-preview")
    their = _google()["gemini-3.1-pro-preview"].get_prices(dt.datetime(2026, 11, 28, 12, tzinfo=dt.UTC))
    their_input = their.input_mtok
    assert isinstance(their_input, TieredPrices)
    # written differently (2.00 in our TOML, 2 in theirs), equal by value: no diff
    assert str(pro.input.standard) == "2.00" and str(their_input.base) == "2"
    assert (pro.input.long_context, their_input.tiers[0].price) == (D("4.00"), D("4"))
    assert not [d for d in genai_prices_diff(card, on=TODAY) if d.model == "gemini-3.1-pro-preview"]


# --- changes to our card show up ----------------------------------------------------------------


def test_a_changed_price_shows_ours_and_theirs(card: RateCard) -> None:
    changed = set_price(card, "gemini-2.5-flash", "input", D("0.99"), long_context=False, today=TODAY)
    assert genai_prices_diff(changed, on=TODAY) == [PriceDiff("gemini-2.5-flash", "input", False, D("0.99"), D("0.30"))]


def test_a_changed_long_context_price_shows_with_its_tier(card: RateCard) -> None:
    changed = set_price(card, "gemini-3.1-pro-preview", "output", D("20"), long_context=True, today=TODAY)
    assert genai_prices_diff(changed, on=TODAY) == [PriceDiff("gemini-3.1-pro-preview", "output", True, D("20"), D("18"))]


def test_fields_set_price_cannot_sync_are_never_reported(card: RateCard) -> None:
    # storage (they have none) and grounding (per prompt vs per query) are out of scope, whatever we say
    changed = set_price(card, "gemini-2.5-flash", "storage", D("9"), long_context=False, today=TODAY)
    changed = set_price(changed, "gemini-2.5-flash", "grounding", D("99"), long_context=False, today=TODAY)
    assert genai_prices_diff(changed, on=TODAY) == []


def test_order_is_model_then_field_then_tier(card: RateCard) -> None:
    changed = card
    for ref, field, long_context in [
        ("gemini-3.1-pro-preview", "cached", True),
        ("gemini-2.5-pro", "output", False),
        ("gemini-3.1-pro-preview", "input", True),
        ("gemini-3.1-pro-preview", "input", False),
        ("gemini-2.0-flash", "cached", False),
        ("gemini-2.5-pro", "input", True),
    ]:
        changed = set_price(changed, ref, field, D("0.5"), long_context=long_context, today=TODAY)
    diffs = genai_prices_diff(changed, on=TODAY)
    assert set(diffs) == expected_diffs(changed, TODAY)
    assert [(d.model, d.field, d.long_context) for d in diffs] == [
        ("gemini-2.0-flash", "cached", False),
        ("gemini-2.5-pro", "input", True),
        ("gemini-2.5-pro", "output", False),
        ("gemini-3.1-pro-preview", "input", False),
        ("gemini-3.1-pro-preview", "input", True),
        ("gemini-3.1-pro-preview", "cached", True),
    ]
    assert diffs == sorted(diffs, key=_sort_key)


# --- applying ------------------------------------------------------------------------------------


def test_apply_makes_the_diff_empty_and_the_card_valid(card: RateCard) -> None:
    changed = card
    for ref, field, long_context in [
        ("gemini-2.5-flash", "input", False),
        ("gemini-2.5-pro", "cached", True),
        ("gemini-3-flash-preview", "output", False),
    ]:
        changed = set_price(changed, ref, field, D("0.99"), long_context=long_context, today=TODAY)
    diffs = genai_prices_diff(changed, on=TODAY)
    assert len(diffs) == 3
    synced, skipped = apply_diffs(changed, diffs, today=dt.date(2026, 12, 1))
    assert skipped == []
    assert genai_prices_diff(synced, on=TODAY) == []
    assert parse_card(synced.model_dump(mode="python")) == synced  # valid as a whole
    flash_input = synced.model("gemini-2.5-flash").input
    assert (flash_input.standard, flash_input.source, flash_input.as_of) == (D("0.30"), "admin", dt.date(2026, 12, 1))
    pro_cache = synced.model("gemini-2.5-pro").cached_input
    assert pro_cache is not None and (pro_cache.standard, pro_cache.long_context) == (D("0.125"), D("0.25"))
    # nothing else moved: the shipped card's figures come back
    assert genai_prices_diff(synced, on=TODAY) == genai_prices_diff(card, on=TODAY)


def test_apply_nothing_is_the_same_card(card: RateCard) -> None:
    assert apply_diffs(card, [], today=TODAY) == (card, [])


def _without(card: RateCard, model_id: str, attr: str) -> RateCard:
    data: dict[str, Any] = card.model_dump(mode="python")
    for model in data["models"]:
        if model["id"] == model_id:
            model[attr] = None
    return parse_card(data)


def test_a_price_we_lack_on_a_flat_model_is_added(card: RateCard) -> None:
    lacking = _without(card, "gemini-2.5-flash", "cached_input")
    diffs = genai_prices_diff(lacking, on=TODAY)
    assert diffs == [PriceDiff("gemini-2.5-flash", "cached", False, None, D("0.03"))]
    synced, skipped = apply_diffs(lacking, diffs, today=TODAY)
    assert skipped == []
    assert genai_prices_diff(synced, on=TODAY) == []


def test_a_price_we_lack_on_a_tiered_model_is_skipped_not_invented(card: RateCard) -> None:
    lacking = _without(card, "gemini-2.5-pro", "cached_input")
    lacking = set_price(lacking, "gemini-2.5-flash", "input", D("0.99"), long_context=False, today=TODAY)
    diffs = genai_prices_diff(lacking, on=TODAY)
    missing = [
        PriceDiff("gemini-2.5-pro", "cached", False, None, D("0.125")),
        PriceDiff("gemini-2.5-pro", "cached", True, None, D("0.25")),
    ]
    assert diffs == [PriceDiff("gemini-2.5-flash", "input", False, D("0.99"), D("0.30")), *missing]
    synced, skipped = apply_diffs(lacking, diffs, today=TODAY)
    assert skipped == [SkippedDiff(d, "no_such_price") for d in missing]
    assert synced.model("gemini-2.5-pro").cached_input is None
    assert genai_prices_diff(synced, on=TODAY) == missing  # the rest was applied


# --- dates ---------------------------------------------------------------------------------------


def test_scheduled_2027_flash_prices_are_on_the_card_so_nothing_differs_after_their_start(card: RateCard) -> None:
    diffs = genai_prices_diff(card, on=AFTER_2027_CHANGE)
    assert set(diffs) == expected_diffs(card, AFTER_2027_CHANGE)
    assert diffs == []
    # the card announces the data's change for that day, cache rate included
    for model_id in FLASH_2027:
        (change,) = card.model(model_id).scheduled
        assert (change.effective, change.input, change.output, change.cached_input) == (
            dt.date(2027, 1, 1), D("1.50"), D("7.50"), D("0.15"))


@pytest.mark.parametrize("on", [dt.date(2026, 11, 30), dt.date(2026, 12, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 1)])
def test_dated_prices_agree_on_both_sides_of_each_start(card: RateCard, on: dt.date) -> None:
    assert genai_prices_diff(card, on=on) == []


def test_a_card_without_the_dated_change_shows_it_from_its_start(card: RateCard) -> None:
    data = card.model_dump()
    for model in data["models"]:
        if model["id"] in FLASH_2027:
            model["scheduled"] = ()
    frozen = parse_card(data)
    assert {d.model for d in genai_prices_diff(frozen, on=dt.date(2026, 12, 31))} == set()
    assert {d.model for d in genai_prices_diff(frozen, on=dt.date(2027, 1, 1))} == set(FLASH_2027)


# --- genai-prices data other than the shipped one ------------------------------------------------


@pytest.fixture
def custom_google() -> Iterator[dict[str, ModelInfo]]:
    """A writable copy of genai-prices' Google models, served through `set_custom_snapshot`.

    Edit the dict, then `_publish` it: the snapshot holds a list, as genai-prices' own data does.
    """
    google = next(p for p in get_snapshot().providers if p.id == "google")
    models = {m.id: m for m in google.models}
    set_custom_snapshot(DataSnapshot(providers=[dataclasses.replace(google, models=list(google.models))], from_auto_update=True))
    yield models
    set_custom_snapshot(None)


def _publish(models: dict[str, ModelInfo]) -> None:
    get_snapshot().providers[0].models[:] = list(models.values())


def _reprice(models: dict[str, ModelInfo], model_id: str, **prices: Any) -> None:
    models[model_id] = dataclasses.replace(models[model_id], prices=ModelPrice(**prices))
    _publish(models)


def test_an_updated_snapshot_is_used(card: RateCard, custom_google: dict[str, ModelInfo]) -> None:
    _reprice(custom_google, "gemini-2.5-flash", input_mtok=D("0.35"), output_mtok=D("2.5"), cache_read_mtok=D("0.03"))
    assert genai_prices_diff(card, on=TODAY) == [PriceDiff("gemini-2.5-flash", "input", False, D("0.30"), D("0.35"))]


def test_flat_prices_of_theirs_apply_above_200k_too(card: RateCard, custom_google: dict[str, ModelInfo]) -> None:
    _reprice(custom_google, "gemini-2.5-pro", input_mtok=D("1.25"), output_mtok=D("10"))
    assert genai_prices_diff(card, on=TODAY) == [
        PriceDiff("gemini-2.5-pro", "input", True, D("2.50"), D("1.25")),
        PriceDiff("gemini-2.5-pro", "output", True, D("15.00"), D("10")),
    ]


def test_tiers_at_another_threshold_are_not_compared(card: RateCard, custom_google: dict[str, ModelInfo]) -> None:
    _reprice(
        custom_google,
        "gemini-2.5-pro",
        input_mtok=TieredPrices(base=D("1.5"), tiers=[Tier(start=128_000, price=D("3"))]),
        output_mtok=TieredPrices(base=D("10"), tiers=[Tier(start=200_000, price=D("15"))]),
    )
    # their <=128k base still compares with our standard; their >128k rate is not our >200k rate
    assert genai_prices_diff(card, on=TODAY) == [PriceDiff("gemini-2.5-pro", "input", False, D("1.25"), D("1.5"))]


def test_tiers_we_do_not_have_are_not_reported(card: RateCard, custom_google: dict[str, ModelInfo]) -> None:
    _reprice(custom_google, "gemini-2.5-flash", input_mtok=TieredPrices(base=D("0.30"), tiers=[Tier(200_000, D("0.6"))]))
    # a flat model of ours cannot take a >200k price through `admin set`
    assert genai_prices_diff(card, on=TODAY) == []


def test_models_they_do_not_know_are_not_compared(card: RateCard, custom_google: dict[str, ModelInfo]) -> None:
    changed = set_price(card, "gemini-embedding-001", "input", D("9"), long_context=False, today=TODAY)
    del custom_google["gemini-embedding-001"]
    _publish(custom_google)
    assert genai_prices_diff(changed, on=TODAY) == []


# --- genai-prices missing ------------------------------------------------------------------------


def test_missing_package_is_a_typed_error(card: RateCard, monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import` fail as if the package were not installed
    for name in [n for n in sys.modules if n == "genai_prices" or n.startswith("genai_prices.")]:
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(SyncUnavailable) as caught:
        genai_prices_diff(card, on=TODAY)
    assert caught.value.code == "sync_unavailable"
