"""The rate store keeps every admin's write and stores only cards that load, on SQLite and PostgreSQL."""

from __future__ import annotations

from decimal import Decimal

import pytest
from test_ratestore import FLASH, SEED, TODAY, Instances, instances, pg_database, rate, set_rate, stored_rows  # noqa: F401

from bot.store.card_versions import CardMovedOn, RateStore, UndoOvertaken
from pricing import RateCard
from pricing.edits import AdminInputError, add_model

LITE = "gemini-2.5-flash-lite"  # input $0.10 on the shipped card


def interleave(store: RateStore, other: RateStore, edit_of_other: object) -> None:
    """Make ``other`` write once, right after ``store`` has read the card (the moment two instances race)."""
    original = store._head
    done: list[bool] = []

    def head_then_other_writes():  # type: ignore[no-untyped-def]
        head = original()
        if not done:
            done.append(True)
            other.change(edit_of_other, user_id="U0OTHER", channel_id=None, action="other")  # type: ignore[arg-type]
        return head

    store._head = head_then_other_writes  # type: ignore[method-assign]


def test_undo_that_loses_a_race_refuses_instead_of_undoing_someone_elses_change(instances: Instances) -> None:
    mine, theirs = instances.store(), instances.store()
    mine.change(set_rate(FLASH, "input", "0.35"), user_id="U0ME", channel_id=None, action="set")  # v2: to undo
    interleave(mine, theirs, set_rate(LITE, "input", "0.12"))  # v3 lands while my undo is planned
    with pytest.raises(UndoOvertaken) as raised:
        mine.undo(user_id="U0ME", channel_id=None)
    assert raised.value.params == {"target": 2, "latest": 3}
    # nothing undone: their change and mine both stand, and no version 4 was written
    assert rate(mine, LITE) == Decimal("0.12") and rate(mine, FLASH) == Decimal("0.35")
    assert stored_rows(mine.engine)[0] == [1, 2, 3]


def test_undo_without_a_race_still_reaches_back_one_change_at_a_time(instances: Instances) -> None:
    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U0ME", channel_id=None, action="set")
    store.change(set_rate(LITE, "input", "0.12"), user_id="U0ME", channel_id=None, action="set")
    assert store.undo(user_id="U0ME", channel_id=None).changes[0]["after"] == "0.10"
    assert store.undo(user_id="U0ME", channel_id=None).changes[0]["after"] == "0.30"


def test_a_write_based_on_an_older_version_is_refused_even_when_the_race_is_lost_late(instances: Instances) -> None:
    mine, theirs = instances.store(), instances.store()
    base = mine.current()
    replacement = set_rate(LITE, "input", "0.12")(base.card)
    interleave(mine, theirs, set_rate(FLASH, "input", "0.35"))  # lands after my check against the head I read
    with pytest.raises(CardMovedOn) as raised:
        mine.change(lambda _card: replacement, user_id="U0ME", channel_id=None, action="import", base_version=base.version)
    assert raised.value.params == {"base": 1, "latest": 2}
    assert rate(mine, FLASH) == Decimal("0.35") and rate(mine, LITE) == Decimal("0.10")


def _with_blank_alias(card: RateCard) -> RateCard:
    # What `admin import` could once save: valid as a card, but PriceBook cannot index "".
    models = [m.model_copy(update={"aliases": (*m.aliases, "")}) if m.id == FLASH else m for m in card.models]
    return card.model_copy(update={"models": tuple(models)})


def test_a_card_that_could_not_be_loaded_is_never_stored(instances: Instances) -> None:
    store = instances.store()
    with pytest.raises(AdminInputError) as raised:
        store.change(_with_blank_alias, user_id="U0ME", channel_id=None, action="import")
    assert raised.value.code == "invalid_card"
    assert stored_rows(store.engine)[0] == [1]
    assert store.current().card == SEED


def test_no_write_removes_a_required_model(instances: Instances) -> None:
    store = instances.store()
    store.change(lambda card: add_model(card, "gemini-9-test", FLASH, name=None, today=TODAY),
                 user_id="U0ME", channel_id=None, action="add-model")  # fmt: skip
    store.required_models = frozenset({"gemini-9-test"})
    for write in (lambda: store.undo(user_id="U0ME", channel_id=None),
                  lambda: store.rollback(1, user_id="U0ME", channel_id=None),
                  lambda: store.change(lambda _card: SEED, user_id="U0ME", channel_id=None, action="import")):  # fmt: skip
        with pytest.raises(AdminInputError) as raised:
            write()
        assert (raised.value.code, raised.value.params) == ("default_model_removed", {"model": "gemini-9-test"})
    assert stored_rows(store.engine)[0] == [1, 2]


def test_a_bad_card_stored_before_these_checks_is_reported_as_such_and_rollback_recovers(
    instances: Instances, caplog: pytest.LogCaptureFixture
) -> None:
    from sqlalchemy import insert

    from bot.store.card_cache import CardCache
    from bot.store.card_versions import RateCardVersion
    from bot.store.database import utcnow
    from pricing.edits import card_to_json

    store = instances.store()
    store.change(set_rate(FLASH, "input", "0.35"), user_id="U0ME", channel_id=None, action="set")  # v2
    with store.engine.begin() as conn:  # v3 as an import could once save it
        conn.execute(insert(RateCardVersion).values(version=3, card_json=card_to_json(_with_blank_alias(store.current().card)),
                                                    created_at=utcnow(), created_by="U0OLD", action="import"))  # fmt: skip
    cache = CardCache(store, interval=60)
    cache.refresh_now()
    # the name index refuses an alias that is no name at all
    assert "the newest stored rate card could not be loaded (RateCardError)" in caplog.text
    assert "database unreachable" not in caplog.text
    store.rollback(2, user_id="U0ME", channel_id=None)  # v4 = v2: the way back works
    cache.refresh_now()
    assert cache.version == 4 and cache.book().resolve(FLASH).input.standard == Decimal("0.35")
