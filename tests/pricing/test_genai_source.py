"""The card built from genai-prices data and our overlay: what the overlay may say, and conflicts that
must fail loudly here rather than at answer time."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal as D
from typing import Any

import pytest
from genai_prices.types import _providers_from_raw

from pricing import RateCardError
from pricing.genai_source import build_card, google_models, read_overlay

TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def overlay() -> dict[str, Any]:
    return copy.deepcopy(read_overlay())


def _build(overlay: dict[str, Any], models: Any = None) -> Any:
    return build_card(overlay, models, today=TODAY)


def test_the_shipped_overlay_is_small_and_builds(overlay: dict[str, Any]) -> None:
    card = _build(overlay)
    assert len(card.models) == len(google_models()) >= 43
    # the overlay names fewer models than the card has, and never a token price
    assert len(overlay["models"]) < len(card.models)
    for facts in overlay["models"].values():
        assert not {"input", "output", "cached_input", "scheduled"} & set(facts)


@pytest.mark.parametrize(
    ("model_id", "key", "value", "message"),
    [
        ("gemini-2.5-flash", "input", {"standard": D("0.31")}, "may not set"),
        ("gemini-2.5-flash", "context_window", 999_999, "genai-prices says 1048576"),
        # issue 18: batch is the data's own dated figures; an overlay factor for it is refused
        ("gemini-3.5-flash-lite", "tiers", {"batch": {"multiplier": D("0.5"), "source": "G1", "as_of": dt.date(2026, 3, 30)}},
         "genai-prices prices batch itself"),
        ("gemini-2.0-flash", "status", "preview", "genai-prices says deprecated"),
        ("gemini-nothing-9", "name", "Gemini Nothing", "does not have"),
    ],
)
def test_an_overlay_that_contradicts_the_data_fails(overlay: dict[str, Any], model_id: str, key: str, value: Any, message: str) -> None:
    overlay["models"].setdefault(model_id, {})[key] = value
    with pytest.raises(RateCardError, match=message):
        _build(overlay)


def test_a_correction_needs_its_reason_under_corrects(overlay: dict[str, Any]) -> None:
    del overlay["models"]["gemini-2.5-flash-lite"]["corrects"]
    with pytest.raises(RateCardError, match="context_window"):
        _build(overlay)


def test_corrects_may_only_name_checked_keys(overlay: dict[str, Any]) -> None:
    overlay["models"]["gemini-2.5-flash"]["corrects"] = {"storage": "not a data field"}
    with pytest.raises(RateCardError, match="not checked"):
        _build(overlay)


def test_a_grounding_plan_priced_unlike_the_data_fails(overlay: dict[str, Any]) -> None:
    overlay["grounding"]["gemini-3"]["price_per_1000"] = D("15")
    with pytest.raises(RateCardError, match="genai-prices says 14"):
        _build(overlay)


def test_shut_down_refines_the_data_s_deprecated(overlay: dict[str, Any]) -> None:
    card = _build(overlay)
    assert card.model("gemini-2.0-flash").status == "shut_down"  # data: deprecated


# --- dated prices from the data --------------------------------------------------------------------


def _one_model(prices: Any, **extra: Any) -> list[Any]:
    raw = [{"id": "google", "name": "Google", "api_pattern": "x",
            "models": [{"id": "gemini-2.5-flash", "match": {"equals": "gemini-2.5-flash"}, "prices": prices, **extra}]}]  # fmt: skip
    return _providers_from_raw(raw)[0].models


def _only_flash(overlay: dict[str, Any]) -> dict[str, Any]:
    overlay["models"] = {"gemini-2.5-flash": overlay["models"]["gemini-2.5-flash"]}
    overlay["default_model"] = "gemini-2.5-flash"
    return overlay


def test_three_periods_become_earlier_current_and_scheduled(overlay: dict[str, Any]) -> None:
    models = _one_model([
        {"prices": {"input_mtok": "0.2", "output_mtok": "2"}},
        {"constraint": {"start_date": "2026-11-01"}, "prices": {"input_mtok": "0.3", "output_mtok": "2.5"}},
        {"constraint": {"start_date": "2027-02-01"}, "prices": {"input_mtok": "0.4", "output_mtok": "2.5"}},
    ])  # fmt: skip
    flash = _build(_only_flash(overlay), models).model("gemini-2.5-flash")
    assert (flash.input.standard, flash.output.standard) == (D("0.30"), D("2.50"))  # in effect on TODAY
    assert [(e.until, e.input, e.output) for e in flash.earlier] == [(dt.date(2026, 10, 31), D("0.20"), D("2.00"))]
    assert [(s.effective, s.input, s.output) for s in flash.scheduled] == [(dt.date(2027, 2, 1), D("0.40"), None)]
    assert flash.on(dt.date(2026, 10, 31)).input.standard == D("0.20")
    assert flash.on(dt.date(2026, 11, 1)).input.standard == D("0.30")
    assert flash.on(dt.date(2027, 2, 1)).input.standard == D("0.40")
    # the card is the same whichever day it is built: answers do not depend on it
    later = build_card(_only_flash(copy.deepcopy(read_overlay())), models, today=dt.date(2027, 3, 1)).model("gemini-2.5-flash")
    for day in (dt.date(2026, 10, 1), dt.date(2026, 12, 2), dt.date(2027, 3, 1)):
        assert later.on(day).input.standard == flash.on(day).input.standard


def test_a_dated_change_of_a_tiered_price_is_refused(overlay: dict[str, Any]) -> None:
    tiered = {"base": "1", "tiers": [{"start": 200000, "price": "2"}]}
    models = _one_model([
        {"prices": {"input_mtok": tiered}},
        {"constraint": {"start_date": "2027-01-01"}, "prices": {"input_mtok": {**tiered, "base": "1.5"}}},
    ])  # fmt: skip
    with pytest.raises(RateCardError, match="tiered"):
        _build(_only_flash(overlay), models)
