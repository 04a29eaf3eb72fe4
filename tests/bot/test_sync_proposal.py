"""Apply saves exactly the proposal an admin was shown (issue 17 items 3 and 16), on any instance.

An "instance" here is a set of installed genai-prices data: the one that showed the proposal had
fetched newer data; the one that gets the press may hold the bundled data (updates off), or other
data fetched later. The Apply button carries the proposal, so what the presser's instance holds does
not matter; a proposal too long for a button is applied only where the data hashes the same.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest
from genai_prices.data_snapshot import DataSnapshot, get_snapshot, set_custom_snapshot
from genai_prices.types import ModelInfo, ModelPrice

from bot.admin.commands import apply_sync, run_admin
from bot.admin.context import AdminContext
from bot.admin.sync import Proposal, genai_prices_diff
from bot.store.card_versions import RateStore
from bot.store.database import Store
from pricing import PriceBook, load_card

ADMIN = "U0ADMIN"
TODAY = dt.date(2026, 12, 2)


@pytest.fixture
def rates(tmp_path: Path) -> RateStore:
    store = RateStore(Store.from_url(f"sqlite:///{tmp_path / 'rates.db'}").engine, load_card())
    store.ensure_seed()
    return store


def context(rates: RateStore, *, admin: bool = True) -> AdminContext:
    return AdminContext(user_id=ADMIN if admin else "U0SOMEONE", channel_id="C0AUDIT", lang="en", is_admin=admin,
                        store=rates, refresh=lambda: None, today=TODAY)  # fmt: skip


@pytest.fixture
def data() -> Iterator[dict[str, ModelInfo]]:
    """Installed genai-prices data this test can change (`install`); the bundled data again afterwards."""
    google = next(p for p in get_snapshot().providers if p.id == "google")
    yield {m.id: m for m in google.models}
    set_custom_snapshot(None)


def install(models: dict[str, ModelInfo], **changes: dict[str, Any]) -> None:
    """Install the data with some models' prices replaced (``model id -> ModelPrice fields``)."""
    google = next(p for p in get_snapshot().providers if p.id == "google")
    changed = [dataclasses.replace(m, prices=ModelPrice(**changes[m.id])) if m.id in changes else m for m in models.values()]
    set_custom_snapshot(DataSnapshot(providers=[dataclasses.replace(google, models=changed)], from_auto_update=True))


FLASH_035 = {"input_mtok": D("0.35"), "output_mtok": D("2.5"), "cache_read_mtok": D("0.03")}


def shown_proposal(rates: RateStore) -> str:
    """`admin sync` as an admin sees it: the Apply button's value."""
    reply = run_admin("admin sync", context(rates))
    actions = next(b for b in reply.blocks if b["type"] == "actions")
    return str(actions["elements"][0]["value"])


def price(rates: RateStore, model: str, field: str) -> D:
    card = PriceBook(rates.current().card).get(model)
    return getattr(card, field).standard


def test_apply_on_an_instance_with_the_bundled_data_saves_the_change_shown(rates: RateStore, data: dict[str, ModelInfo]) -> None:
    install(data, **{"gemini-2.5-flash": FLASH_035})
    value = shown_proposal(rates)
    set_custom_snapshot(None)  # the press reaches an instance with updates off: its data agrees with the card
    assert genai_prices_diff(rates.current().card, on=TODAY) == []
    reply = apply_sync(context(rates), value)
    assert reply.changed, reply.text
    assert price(rates, "gemini-2.5-flash", "input") == D("0.35")


def test_apply_on_an_instance_with_other_data_saves_only_the_change_shown(rates: RateStore, data: dict[str, ModelInfo]) -> None:
    install(data, **{"gemini-2.5-flash": FLASH_035})
    value = shown_proposal(rates)
    # The pressed instance fetched later: flash input $0.40 and 2.5 Pro output $12, neither ever shown.
    install(data, **{"gemini-2.5-flash": FLASH_035 | {"input_mtok": D("0.40")},
                     "gemini-2.5-pro": {"input_mtok": D("1.25"), "output_mtok": D("12"), "cache_read_mtok": D("0.125")}})  # fmt: skip
    pro_output = price(rates, "gemini-2.5-pro", "output")
    assert apply_sync(context(rates), value).changed
    assert price(rates, "gemini-2.5-flash", "input") == D("0.35")
    assert price(rates, "gemini-2.5-pro", "output") == pro_output


def test_a_proposal_too_long_for_a_button_applies_only_where_the_data_is_the_same(rates: RateStore) -> None:
    card = rates.current().card
    ids = [m.id for m in card.models]
    diffs = tuple(genai_prices_diff(card, on=TODAY))  # none: build a long proposal by hand
    assert diffs == ()
    from bot.admin.sync import PriceDiff

    long = Proposal(rates.current().version, tuple(PriceDiff(i, f, False, None, D("0.5")) for i in ids for f in ("input", "output")))
    value = long.encode()
    assert len(value) <= 2000 and '"h"' in value  # carried as a digest
    reply = apply_sync(context(rates), value)
    assert not reply.changed
    assert "differs from the proposal shown" in reply.text


def test_a_card_changed_since_the_proposal_refuses_apply(rates: RateStore, data: dict[str, ModelInfo]) -> None:
    install(data, **{"gemini-2.5-flash": FLASH_035})
    value = shown_proposal(rates)
    run_admin("admin set 2.5 pro output 11", context(rates))
    reply = apply_sync(context(rates), value)
    assert not reply.changed and "changed after this sync was shown" in reply.text
    assert price(rates, "gemini-2.5-flash", "input") == D("0.30")


@pytest.mark.parametrize("value", ["1", "not json", '{"v": 1}', '{"v": 1, "d": [["gemini-2.5-flash", "input", 0, "0.30", "-1"]]}',
                                   '{"v": 1, "d": [["gemini-2.5-flash", "colour", 0, "0.30", "0.35"]]}'])  # fmt: skip
def test_an_unreadable_proposal_is_refused_with_a_reason(rates: RateStore, value: str) -> None:
    reply = apply_sync(context(rates), value)
    assert not reply.changed and "nothing was applied" in reply.text
    assert rates.current().version == 1


@pytest.mark.parametrize("bad", [D("0"), D("-0.35"), D("1000000000")])
def test_impossible_prices_in_the_data_are_not_proposed(rates: RateStore, data: dict[str, ModelInfo], bad: D) -> None:
    install(data, **{"gemini-2.5-flash": FLASH_035 | {"input_mtok": bad}})
    assert [d for d in genai_prices_diff(rates.current().card, on=TODAY) if d.model == "gemini-2.5-flash" and d.field == "input"] == []


def test_apply_with_a_change_that_can_no_longer_be_made_saves_nothing_and_says_which(rates: RateStore) -> None:
    from bot.admin.sync import PriceDiff

    version = rates.current().version
    shown = Proposal(version, (PriceDiff("gemini-2.5-flash", "input", False, D("0.30"), D("0.35")),
                               PriceDiff("gemini-retired-nowhere", "input", False, D("1"), D("2"))))  # fmt: skip
    reply = apply_sync(context(rates), shown.encode())
    assert not reply.changed
    assert "gemini-retired-nowhere input" in reply.text and "nothing was applied" in reply.text
    assert price(rates, "gemini-2.5-flash", "input") == D("0.30")
