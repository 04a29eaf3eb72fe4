"""The shipped rate card: it loads, it carries rates/REFERENCE.md's figures, and a broken card fails at load."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal as D
from pathlib import Path
from typing import Any

import pytest

from pricing import OVERLAY_PATH, PriceBook, RateCardError, load_card, parse_card
from pricing.genai_source import build_card, read_overlay
from pricing.models import RateCard

# --- the reference figures, read from rates/REFERENCE.md ------------------------------------------
# Per model: status, (input <=200k, >200k), (audio input), (output <=200k, >200k), (cache read),
# cached audio, storage per 1M token-hours, context window. None = no price for it ("-" in the table);
# a 1-tuple = a flat price (no long-context tier).
ANY = object()  # a figure REFERENCE.md does not give

REFERENCE: dict[str, dict[str, Any]] = {
    "gemini-3.1-pro-preview": dict(
        status={"preview"},
        input=("2.00", "4.00"),
        audio=("2.00", "4.00"),
        output=("12.00", "18.00"),
        cached=("0.20", "0.40"),
        cached_audio=None,
        storage="4.50",
        window=1_048_576,
    ),
    "gemini-3-pro-preview": dict(
        status={"shut_down"},
        input=("2.00", "4.00"),
        audio=("2.00", "4.00"),
        output=("12.00", "18.00"),
        cached=("0.20", "0.40"),
        cached_audio=None,
        storage="4.50",
        window=1_048_576,
    ),
    "gemini-3-flash-preview": dict(
        status={"preview"},
        input=("0.50",),
        audio=("1.00",),
        output=("3.00",),
        cached=("0.05",),
        cached_audio="0.10",
        storage="1.00",
        window=ANY,
    ),
    "gemini-2.5-pro": dict(
        # "GA (retirement announced for late 2026)"
        status={"ga", "deprecated"},
        input=("1.25", "2.50"),
        audio=("1.25", "2.50"),
        output=("10.00", "15.00"),
        cached=("0.125", "0.25"),
        cached_audio=None,
        storage="4.50",
        window=1_048_576,
    ),
    "gemini-2.5-flash": dict(
        status={"ga", "deprecated"},
        input=("0.30",),
        audio=("1.00",),
        output=("2.50",),
        cached=("0.03",),
        cached_audio="0.10",
        storage="1.00",
        window=1_048_576,
    ),
    "gemini-2.5-flash-lite": dict(
        status={"ga"},
        input=("0.10",),
        audio=("0.30",),
        output=("0.40",),
        cached=("0.01",),
        cached_audio="0.03",
        storage="1.00",
        window=1_048_576,
    ),
    "gemini-2.0-flash": dict(
        status={"shut_down"},
        input=("0.10",),
        audio=("0.70",),
        output=("0.40",),
        cached=("0.025",),
        cached_audio="0.175",
        storage="1.00",
        window=1_048_576,
    ),
    "gemini-2.0-flash-lite": dict(
        status={"shut_down"},
        input=("0.075",),
        audio=None,
        output=("0.30",),
        cached=None,
        cached_audio=None,
        storage=None,
        window=ANY,
    ),
    "gemini-embedding-001": dict(
        status={"ga"},
        input=("0.15",),
        audio=None,
        output=None,
        cached=None,
        cached_audio=None,
        storage=None,
        window=ANY,
    ),
}

# "Newer models seen in the G2 copies ... worth carrying too, with those dates."
NEWER: dict[str, tuple[str, str, tuple[dt.date, str, str] | None]] = {
    "gemini-3.5-flash": ("1.50", "9.00", None),
    "gemini-3.5-flash-lite": ("0.30", "2.50", None),
    "gemini-3.6-flash": ("0.75", "3.75", (dt.date(2027, 1, 1), "1.50", "7.50")),
    "gemini-3.7-flash": ("0.75", "3.75", (dt.date(2027, 1, 1), "1.50", "7.50")),
    "gemini-3.8-flash": ("0.75", "3.75", (dt.date(2027, 1, 1), "1.50", "7.50")),
}

SHUTDOWN = {
    "gemini-3-pro-preview": (dt.date(2026, 3, 9), "gemini-3.1-pro-preview"),
    "gemini-2.0-flash": (dt.date(2026, 6, 1), None),  # REFERENCE names no successor; any current one will do
    "gemini-2.0-flash-lite": (dt.date(2026, 6, 1), None),
}

GROUNDING = {
    # model: (allowance, period, price per 1000, unit, shared, plan shared with)
    "gemini-3.1-pro-preview": (5_000, "month", D(14), "query", True, "gemini-3-flash-preview"),
    "gemini-3-pro-preview": (5_000, "month", D(14), "query", True, "gemini-3.1-pro-preview"),
    "gemini-3-flash-preview": (5_000, "month", D(14), "query", True, "gemini-3-pro-preview"),
    "gemini-2.5-pro": (1_500, "day", D(35), "prompt", False, None),
    "gemini-2.5-flash": (1_500, "day", D(35), "prompt", True, "gemini-2.5-flash-lite"),
    "gemini-2.5-flash-lite": (1_500, "day", D(35), "prompt", True, "gemini-2.5-flash"),
}

FREE_TIER = {
    # model: (tokens free on the free tier, (rpm, tpm, rpd) last published late 2025)
    "gemini-3.1-pro-preview": (False, None),
    "gemini-3-pro-preview": (False, None),
    "gemini-3-flash-preview": (True, None),
    "gemini-2.5-pro": (True, (5, 250_000, 100)),
    "gemini-2.5-flash": (True, (10, 250_000, 250)),
    "gemini-2.5-flash-lite": (True, (15, 250_000, 1_000)),
    "gemini-2.0-flash": (None, (15, 1_000_000, 200)),
}


def tiered(price: Any) -> tuple[D, ...] | None:
    if price is None:
        return None
    if price.long_context is None:
        return (price.standard,)
    return (price.standard, price.long_context)


def decimals(figures: tuple[str, ...] | None) -> tuple[D, ...] | None:
    return None if figures is None else tuple(D(f) for f in figures)


# --- the shipped card ----------------------------------------------------------------------------


def test_shipped_card_loads(card: RateCard) -> None:
    assert card.default_model == "gemini-3.1-pro-preview"
    assert PriceBook(card).default.id == "gemini-3.1-pro-preview"


def test_prices_are_read_as_decimals_not_floats(card: RateCard) -> None:
    m = card.model("gemini-2.5-pro")
    assert type(m.cached_input.standard) is D  # type: ignore[union-attr]
    assert m.cached_input.standard == D("0.125")  # type: ignore[union-attr]


def test_every_reference_model_is_on_the_card(card: RateCard) -> None:
    ids = {m.id for m in card.models}
    assert set(REFERENCE) | set(NEWER) <= ids


@pytest.mark.parametrize("model_id", sorted(REFERENCE))
def test_reference_token_prices(card: RateCard, model_id: str) -> None:
    ref = REFERENCE[model_id]
    m = card.model(model_id)
    assert m.status in ref["status"]
    assert tiered(m.input) == decimals(ref["input"])
    # no audio price of its own: audio is billed as input (as genai-prices and Google bill it)
    assert tiered(m.input_audio or m.input) == decimals(ref["audio"] or ref["input"])
    assert tiered(m.output) == decimals(ref["output"])
    assert tiered(m.cached_input) == decimals(ref["cached"])
    assert (m.cached_audio.usd if m.cached_audio else None) == (D(ref["cached_audio"]) if ref["cached_audio"] else None)
    assert (m.storage.usd if m.storage else None) == (D(ref["storage"]) if ref["storage"] else None)
    if ref["window"] is not ANY:
        assert m.context_window == ref["window"]
    # tiers <=200k / >200k exist exactly where REFERENCE gives two figures
    assert m.long_context_threshold == (200_000 if len(ref["input"]) == 2 else None)


@pytest.mark.parametrize("model_id", sorted(REFERENCE) + sorted(NEWER))
def test_batch_input_and_output_are_half_price(card: RateCard, model_id: str) -> None:
    # REFERENCE.md's "batch in / out" column: half of each, tiers kept. Since issue 18 the figures are
    # the data's batch variants (or a sourced overlay factor), not one multiplier on every rate.
    day = dt.date(2026, 12, 2)
    m = card.model(model_id).on(day)
    batch = m.in_tier("batch", day)
    for name in ("input", "output"):
        ours, standard = getattr(batch, name), getattr(m, name)
        if standard is None:
            continue
        assert (ours.standard, ours.long_context) == (
            standard.standard / 2,
            standard.long_context / 2 if standard.long_context is not None else None,
        )


def test_embedding_batch_price_is_0_075(card: RateCard) -> None:
    m = card.model("gemini-embedding-001")
    assert m.in_tier("batch", dt.date(2026, 12, 2)).input.standard == D("0.075")


@pytest.mark.parametrize("model_id", sorted(NEWER))
def test_newer_models(card: RateCard, model_id: str) -> None:
    input_, output, change = NEWER[model_id]
    m = card.model(model_id)
    assert (m.input.standard, m.output.standard) == (D(input_), D(output))  # type: ignore[union-attr]
    assert m.status != "shut_down"
    if change is None:
        assert m.scheduled == ()
    else:
        effective, new_in, new_out = change
        assert [(s.effective, s.input, s.output) for s in m.scheduled] == [(effective, D(new_in), D(new_out))]


@pytest.mark.parametrize("model_id", sorted(SHUTDOWN))
def test_shut_down_models_have_date_and_a_current_successor(card: RateCard, model_id: str) -> None:
    date, successor = SHUTDOWN[model_id]
    m = card.model(model_id)
    assert (m.status, m.shutdown) == ("shut_down", date)
    assert m.successor is not None
    if successor is not None:
        assert m.successor == successor
    assert card.model(m.successor).status != "shut_down"


@pytest.mark.parametrize("model_id", sorted(GROUNDING))
def test_grounding_plans(card: RateCard, model_id: str) -> None:
    allowance, period, price, unit, shared, partner = GROUNDING[model_id]
    m = card.model(model_id)
    assert m.grounding is not None
    plan = card.grounding[m.grounding]
    assert (plan.allowance, plan.period, plan.price_per_1000, plan.unit, plan.shared) == (
        allowance,
        period,
        price,
        unit,
        shared,
    )
    if partner is not None:  # a shared allowance is one plan
        assert card.model(partner).grounding == m.grounding
    else:
        assert [x.id for x in card.models if x.grounding == m.grounding] == [model_id]


def test_models_without_grounding(card: RateCard) -> None:
    assert card.model("gemini-embedding-001").grounding is None
    assert card.model("gemini-2.0-flash-lite").grounding is None


@pytest.mark.parametrize("model_id", sorted(FREE_TIER))
def test_free_tier_facts(card: RateCard, model_id: str) -> None:
    available, limits = FREE_TIER[model_id]
    ft = card.model(model_id).free_tier
    if available is not None:
        assert ft.available is available
    if limits is None:
        assert (ft.rpm, ft.tpm, ft.rpd) == (None, None, None)
    else:
        assert (ft.rpm, ft.tpm, ft.rpd) == limits
        assert ft.limits_as_of is not None and ft.limits_as_of.year == 2025


# --- sources and dates ---------------------------------------------------------------------------


def _figures(card: RateCard) -> list[tuple[str, str, Any]]:
    out: list[tuple[str, str, Any]] = []
    for m in card.models:
        for name in ("input", "input_audio", "output", "cached_input", "cached_audio", "storage", "free_tier"):
            value = getattr(m, name)
            if value is not None:
                out.append((m.id, name, value))
        for change in m.scheduled:
            out.append((m.id, f"scheduled {change.effective}", change))
    for plan_id, plan in card.grounding.items():
        out.append((f"grounding {plan_id}", "plan", plan))
    return out


def test_every_figure_has_a_source_that_resolves(card: RateCard) -> None:
    figures = _figures(card)
    assert len(figures) > 60
    unresolved = [(who, what, f.source) for who, what, f in figures if f.source not in card.sources]
    assert unresolved == []


def test_every_figure_is_dated_as_its_source(card: RateCard) -> None:
    undated = [(who, what) for who, what, f in _figures(card) if not hasattr(f, "as_of")]
    # scheduled changes carry an effective date instead
    assert {what.split()[0] for _, what in undated} <= {"scheduled"}
    mismatched = [
        (who, what, f.as_of, card.sources[f.source].as_of)
        for who, what, f in _figures(card)
        if hasattr(f, "as_of") and f.as_of != card.sources[f.source].as_of
    ]
    assert mismatched == []


def test_sources_are_the_reference_ones(card: RateCard) -> None:
    assert {"G1", "G2", "G3", "G4", "G5", "seed"} <= set(card.sources)
    assert card.sources["G1"].as_of == dt.date(2026, 3, 30)
    assert card.sources["G2"].as_of == dt.date(2026, 10, 7)
    assert card.sources["G3"].as_of == dt.date(2025, 11, 18)
    for source_id, source in card.sources.items():
        # Google's pages read in November 2026 at the latest; the genai-prices data checked on 2026-12-02
        # (and its notes on Batch, Flex and Priority, read with it: issue 18)
        assert source.as_of <= (dt.date(2026, 12, 2) if source_id.startswith("genai-prices") else dt.date(2026, 11, 30))


def test_card_as_of_is_the_newest_google_figure_date(card: RateCard) -> None:
    """Answers say "rates as of <card.as_of>": the newest figure read from Google's own pages (G1-G5).

    Figures from genai-prices keep their own dates and do not make the card look fresher than it is.
    """
    google = [f.as_of for _, _, f in _figures(card) if hasattr(f, "as_of") and f.source.startswith("G")]
    assert card.as_of == max(google) == dt.date(2026, 10, 7)


# --- aliases -------------------------------------------------------------------------------------


def test_aliases_resolve(card: RateCard) -> None:
    book = PriceBook(card)
    assert book.resolve("3 pro").id == "gemini-3-pro-preview"
    assert book.resolve("3.1 pro").id == "gemini-3.1-pro-preview"
    assert book.resolve("Gemini-2.5-Pro").id == "gemini-2.5-pro"


# --- broken cards fail loudly at load ------------------------------------------------------------


def _model(raw: dict[str, Any], model_id: str) -> dict[str, Any]:
    return next(m for m in raw["models"] if m["id"] == model_id)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Mutation `model_id.field[.sub]` = value."""
    model_id, *keys = path.split(":")[0], *path.split(":")[1].split(".")

    def mutate(raw: dict[str, Any]) -> None:
        target = _model(raw, model_id)
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value

    return mutate


def _del(path: str) -> Callable[[dict[str, Any]], None]:
    model_id, *keys = path.split(":")[0], *path.split(":")[1].split(".")

    def mutate(raw: dict[str, Any]) -> None:
        target = _model(raw, model_id)
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return mutate


def _top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(raw: dict[str, Any]) -> None:
        raw[key] = value

    return mutate


def _plan(plan_id: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(raw: dict[str, Any]) -> None:
        raw["grounding"][plan_id][key] = value

    return mutate


def _add_alias(model_id: str, alias: str) -> Callable[[dict[str, Any]], None]:
    def mutate(raw: dict[str, Any]) -> None:
        m = _model(raw, model_id)
        m["aliases"] = [*m.get("aliases", []), alias]

    return mutate


def _duplicate_model(raw: dict[str, Any]) -> None:
    raw["models"].append(dict(_model(raw, "gemini-2.5-flash")))


BROKEN: list[Any] = [
    pytest.param(_set("gemini-2.5-pro:input.standard", D("-1.25")), id="negative input price"),
    pytest.param(_set("gemini-2.5-pro:output.long_context", D("-15")), id="negative long-context price"),
    pytest.param(_set("gemini-2.5-flash:storage.usd", D("-1")), id="negative storage price"),
    pytest.param(_plan("gemini-3", "price_per_1000", D("-14")), id="negative grounding price"),
    pytest.param(_plan("gemini-3", "allowance", -5000), id="negative grounding allowance"),
    pytest.param(_set("gemini-2.5-pro:input.source", "nowhere"), id="unknown source on a price"),
    pytest.param(_set("gemini-2.5-flash:cached_audio.source", "G9"), id="unknown source on a flat price"),
    pytest.param(_set("gemini-2.5-pro:free_tier.source", "G9"), id="unknown source on free tier"),
    pytest.param(_plan("gemini-3", "source", "G9"), id="unknown source on a grounding plan"),
    pytest.param(_del("gemini-2.5-pro:long_context_threshold"), id="long_context rate without threshold"),
    pytest.param(_set("gemini-2.5-flash:input.long_context", D("0.60")), id="long_context on an untiered model"),
    pytest.param(_del("gemini-2.5-pro:output.long_context"), id="threshold but a price lacks long_context"),
    pytest.param(_set("gemini-3-pro-preview:successor", "gemini-4-pro"), id="successor not on card"),
    pytest.param(_set("gemini-2.5-pro:output.standard", D("1000.01")), id="absurd price over 1000"),
    pytest.param(_set("gemini-2.5-pro:output.standard", D("12000")), id="price typo 12000"),
    pytest.param(_set("gemini-2.5-flash:storage.usd", D("4500")), id="absurd storage price"),
    pytest.param(_set("gemini-2.5-pro:input.standard", D("NaN")), id="NaN price"),
    pytest.param(_set("gemini-2.5-pro:input.standard", D("Infinity")), id="infinite price"),
    pytest.param(_set("gemini-2.5-pro:inptu", {"standard": D(1)}), id="extra unknown key on a model"),
    pytest.param(_set("gemini-2.5-pro:input.currency", "EUR"), id="extra unknown key on a price"),
    pytest.param(_top("currency", "USD"), id="extra unknown top-level key"),
    pytest.param(_plan("gemini-3", "free_per_day", 10), id="extra unknown key on a grounding plan"),
    pytest.param(_add_alias("gemini-2.5-pro", "pro"), id="duplicate alias"),
    pytest.param(_add_alias("gemini-2.5-pro", "PRO"), id="duplicate alias differing in case"),
    pytest.param(_add_alias("gemini-2.5-pro", "gemini-2.5-flash"), id="alias is another model's id"),
    pytest.param(_duplicate_model, id="duplicate model id"),
    pytest.param(_top("default_model", "gemini-9-ultra"), id="default model not on card"),
    pytest.param(_set("gemini-2.5-pro:grounding", "gemini-9"), id="grounding plan not on card"),
    pytest.param(_del("gemini-3-pro-preview:shutdown"), id="shut down without a date"),
    pytest.param(_set("gemini-2.5-pro:status", "retired"), id="unknown status"),
    pytest.param(_set("gemini-2.5-pro:batch_multiplier", D("0")), id="batch multiplier zero"),
    pytest.param(_set("gemini-2.5-pro:batch_multiplier", D("2")), id="batch multiplier over one"),
    pytest.param(_set("gemini-2.5-pro:context_window", 0), id="zero context window"),
    pytest.param(_plan("gemini-3", "period", "week"), id="unknown grounding period"),
    pytest.param(_del("gemini-2.5-pro:input"), id="missing input price"),
    pytest.param(_set("gemini-2.5-pro:input.as_of", "yesterday"), id="bad date"),
    pytest.param(_top("models", []), id="no models"),
]


@pytest.mark.parametrize("mutate", BROKEN)
def test_broken_card_fails_loudly_at_load(raw_card: dict[str, Any], mutate: Callable[[dict[str, Any]], None]) -> None:
    parse_card(raw_card)  # the unbroken copy is fine, so the mutation is what fails
    mutate(raw_card)
    with pytest.raises(RateCardError):
        parse_card(raw_card)


def test_broken_overlay_file_fails_loudly(tmp_path: Path) -> None:
    text = OVERLAY_PATH.read_text(encoding="utf-8")
    bad = tmp_path / "rates.toml"
    bad.write_text(text.replace("storage = { usd = 4.50", "storage = { usd = -4.50", 1), encoding="utf-8")
    assert bad.read_text(encoding="utf-8") != text
    with pytest.raises(RateCardError):
        build_card(read_overlay(bad))


@pytest.mark.parametrize("content", ["this is [not toml", ""])
def test_unreadable_card_fails_loudly(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "rates.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(RateCardError):
        load_card(bad)


def test_missing_card_file_fails_loudly(tmp_path: Path) -> None:
    with pytest.raises(RateCardError):
        load_card(tmp_path / "missing.toml")


def test_card_round_trips_through_its_own_data(card: RateCard) -> None:
    # what an admin edit would store: the card dumped and re-validated is the same card
    assert parse_card(card.model_dump()) == card
