"""Shared fixtures for the pricing tests: the shipped card, its PriceBook, raw card data, hypothesis profiles."""

from __future__ import annotations

import copy
import datetime as dt
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from bot.answers.answerer import Answerer
from pricing import PriceBook, load_card
from pricing.genai_source import build_card_data, google_models, read_overlay
from pricing.models import RateCard

# Hypothesis profiles. The normal run uses "pricing" (moderate); a dedicated fuzz run selects
# `HYPOTHESIS_PROFILE=fuzz python -m pytest tests/pricing/test_query_fuzz.py`.
# No deadline: tests assert values, never timing (a slow CI box must not fail them).
settings.register_profile(
    "pricing",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=100_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz":
    settings.load_profile("fuzz")


@pytest.fixture(scope="session")
def card() -> RateCard:
    return load_card()


@pytest.fixture(scope="session")
def book(card: RateCard) -> PriceBook:
    return PriceBook(card)


@pytest.fixture(scope="session")
def _raw_card_pristine() -> dict[str, Any]:
    return build_card_data(read_overlay(), google_models(), today=dt.date.today())


@pytest.fixture
def raw_card(_raw_card_pristine: dict[str, Any]) -> dict[str, Any]:
    """The shipped card as raw data (overlay merged with genai-prices), a fresh copy per test to break freely."""
    return copy.deepcopy(_raw_card_pristine)


@pytest.fixture(scope="session")
def answerer(book: PriceBook) -> Answerer:
    """Answers as a deployment with no yuan rate set, on 2026-12-02, the default model named (a module that needs
    another Answerer defines its own)."""
    return Answerer(book, default_model="gemini-3.1-pro-preview", today=lambda: dt.date(2026, 12, 2))
