"""Match rules from genai-prices data (issue 17 item 4): the bundled data's only, never a fetched
snapshot's (that is a proposal until applied), and every rule in linear time (RE2) or refused."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from genai_prices import data as bundled
from genai_prices.data_snapshot import DataSnapshot, get_snapshot, set_custom_snapshot
from genai_prices.types import ClauseEquals, ClauseOr, ClauseRegex

from pricing import PriceBook, load_card


@pytest.fixture
def restore() -> Iterator[None]:
    providers = list(bundled.providers)
    yield
    bundled.providers[:] = providers
    set_custom_snapshot(None)


def _google_with(model_id: str, match: object) -> list[object]:
    """The bundled providers with one Google model's match rule replaced."""
    out = []
    for provider in bundled.providers:
        if provider.id == "google":
            models = [dataclasses.replace(m, match=match) if m.id == model_id else m for m in provider.models]
            provider = dataclasses.replace(provider, models=models)
        out.append(provider)
    return out


def test_a_fetched_snapshot_does_not_move_a_name(restore: None) -> None:
    before = PriceBook(load_card()).name_index.resolve("gemini-pro-latest")
    # Newer data fetched by PRICE_UPDATES says gemini-pro-latest is 2.5 Flash: only a proposal.
    fetched = _google_with("gemini-2.5-flash", ClauseOr([ClauseEquals("gemini-2.5-flash"), ClauseEquals("gemini-pro-latest")]))
    set_custom_snapshot(DataSnapshot(providers=fetched, from_auto_update=True))  # type: ignore[arg-type]
    assert get_snapshot().providers is not bundled.providers
    assert PriceBook(load_card()).name_index.resolve("gemini-pro-latest") == before


@pytest.mark.timeout(30)
def test_a_backtracking_regex_in_the_data_runs_in_linear_time(restore: None) -> None:
    # (a+)+$ takes exponential time with Python's re on "aaaa…!"; RE2 does not backtrack.
    bundled.providers[:] = _google_with("gemini-2.5-flash", ClauseOr([ClauseEquals("gemini-2.5-flash"), ClauseRegex("(a+)+$")]))
    index = PriceBook(load_card()).name_index
    assert index.by_data_rules("a" * 40 + "!") is None
    assert index.by_data_rules("aaaa") == "gemini-2.5-flash"  # the rule is used, not dropped


def test_a_rule_re2_cannot_run_is_refused_and_the_other_alternatives_still_match(restore: None) -> None:
    bundled.providers[:] = _google_with("gemini-2.5-flash", ClauseOr([ClauseEquals("flashy"), ClauseRegex(r"(\w)\1")]))
    index = PriceBook(load_card()).name_index
    assert index.by_data_rules("flashy") == "gemini-2.5-flash"
    assert index.by_data_rules("xx") is None  # a back-reference: not linear, so never run


def test_the_datas_not_a_tts_model_rule_still_reads(restore: None) -> None:
    index = PriceBook(load_card()).name_index
    assert index.by_data_rules("gemini-2.5-pro-preview-06-05") == "gemini-2.5-pro"
    assert index.by_data_rules("gemini-2.5-pro-preview-tts") != "gemini-2.5-pro"
