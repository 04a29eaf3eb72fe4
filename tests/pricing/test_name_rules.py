"""Issue 10 item 1: one normalisation of model names for validation and look-up; ids always win."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

import pytest

from pricing import PriceBook, RateCardError, parse_card
from pricing.edits import AdminInputError, card_from_json, card_to_json, set_price
from pricing.models import RateCard


def _with_alias(card: RateCard, model_id: str, alias: str) -> dict[str, Any]:
    data = card.model_dump()
    for model in data["models"]:
        if model["id"] == model_id:
            model["aliases"] = (*model["aliases"], alias)
    return data


@pytest.mark.parametrize("alias", ["gemini_2.5_pro", "Gemini 2.5 Pro", "GEMINI-2.5-PRO", "models/gemini-2.5-pro"])
def test_an_alias_that_reads_as_another_model_s_id_is_refused(card: RateCard, alias: str) -> None:
    with pytest.raises(RateCardError, match="another model's id"):
        parse_card(_with_alias(card, "gemini-2.5-flash", alias))


def test_an_imported_card_cannot_smuggle_such_an_alias(card: RateCard) -> None:
    # `admin import` reads JSON through card_from_json: the same check applies there
    import json

    exported = json.loads(card_to_json(card))
    for model in exported["models"]:
        if model["id"] == "gemini-2.5-flash":
            model["aliases"] = ["gemini_2.5_pro"]
    with pytest.raises(AdminInputError, match="invalid_card"):
        card_from_json(json.dumps(exported))


def test_two_aliases_that_normalise_alike_on_two_models_are_refused(card: RateCard) -> None:
    data = _with_alias(card, "gemini-2.5-flash", "Fast Thing")
    for model in data["models"]:
        if model["id"] == "gemini-2.5-pro":
            model["aliases"] = ("fast_thing",)
    with pytest.raises(RateCardError, match="used by"):
        parse_card(data)


def test_the_same_alias_spelled_two_ways_on_one_model_is_fine(card: RateCard) -> None:
    data = _with_alias(card, "gemini-2.5-flash", "Fast Thing")
    for model in data["models"]:
        if model["id"] == "gemini-2.5-flash":
            model["aliases"] = (*model["aliases"], "fast-thing")
    parse_card(data)


def test_an_empty_alias_cannot_be_loaded(card: RateCard) -> None:
    # Refused when the card is loaded for look-up (so never saved), not when it is parsed: a card
    # stored before this check must still parse, so that a rollback can replace it.
    blank = parse_card(_with_alias(card, "gemini-2.5-flash", "  "))
    with pytest.raises(RateCardError, match="empty alias"):
        PriceBook(blank)


def test_ids_win_at_look_up_even_over_an_alias_that_slipped_past_validation(card: RateCard) -> None:
    # A card validated by older code (model_construct skips validation): the alias must not take the id.
    data = _with_alias(card, "gemini-2.5-flash", "gemini_2.5_pro")
    models = tuple(type(card.models[0]).model_construct(**m) if m["id"] == "gemini-2.5-flash" else card.model(m["id"])
                   for m in data["models"])
    sneaky = card.model_copy(update={"models": models})
    book = PriceBook(sneaky)
    assert book.resolve("gemini-2.5-pro").id == "gemini-2.5-pro"
    assert book.resolve("gemini_2.5_pro").id == "gemini-2.5-pro"
    changed = set_price(card, "gemini-2.5-pro", "input", D("9"), long_context=False, today=card.as_of)
    assert changed.model("gemini-2.5-pro").input.standard == D("9")
    assert changed.model("gemini-2.5-flash").input.standard == card.model("gemini-2.5-flash").input.standard
