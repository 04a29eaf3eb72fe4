"""The question corpus (tests/corpus/*.yaml): questions written the way people type them, each with the
reading a careful pricing expert gives it. Run through the same Answerer the bot and CLI use.

Two measures, both asserted:
- no confident wrong answer: a priced answer (estimate, compare, budget) always has the expected reading;
- the share answered as expected, per language, stays at or above the floor measured when it was written
  (raise the floors as understanding improves; never lower them to make a change pass).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from corpus_reading import DEFAULT, FX, PRICED, expected, matches, observed

from bot.answers.answerer import Answerer
from pricing import PriceBook, canonical, parse_query

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = ("en", "zh_CN", "zh_TW", "mixed")
#: Share of each file answered as expected (measured; see the module docstring).
FLOORS = {"en": 0.98, "zh_CN": 0.97, "zh_TW": 0.99, "mixed": 0.97}


def _cases(name: str) -> list[dict[str, Any]]:
    with (CORPUS / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def answerer(book: PriceBook) -> Answerer:
    return Answerer(book, fx=FX, default_model=DEFAULT, today=lambda: dt.date(2026, 12, 2))


@pytest.fixture(scope="module")
def results(answerer: Answerer, book: PriceBook) -> dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]]:
    out: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = {}
    for name in FILES:
        rows = []
        for case in _cases(name):
            reply = answerer.answer(case["q"], "en")
            assert not reply.internal_error, case["q"]
            rows.append((case["q"], observed(book, reply, case["q"]), expected(case["expect"])))
        out[name] = rows
    return out


def test_the_corpus_is_large_and_in_every_language() -> None:
    counts = {name: len(_cases(name)) for name in FILES}
    assert counts["en"] >= 200 and counts["zh_CN"] >= 150 and counts["zh_TW"] >= 50, counts
    intents = Counter(case["expect"]["intent"] for name in FILES for case in _cases(name))
    assert set(intents) >= {"estimate", "compare", "rates", "model_info", "topic", "free_tier", "budget", "help", "clarify"}


@pytest.mark.parametrize("name", FILES)
def test_no_confident_wrong_answer(name: str, results: dict[str, Any]) -> None:
    wrong = [
        f"{q!r}: read {seen} expected {want}"
        for q, seen, want in results[name]
        if seen["intent"] in PRICED and not matches(seen, want)
    ]
    assert wrong == []


@pytest.mark.parametrize("name", FILES)
def test_share_answered_asexpected(name: str, results: dict[str, Any]) -> None:
    rows = results[name]
    misses = [f"{q!r}: {seen} != {want}" for q, seen, want in rows if not matches(seen, want)]
    share = Fraction(len(rows) - len(misses), len(rows))  # exact: a float share can fall a hair under its floor
    assert share >= Fraction(str(FLOORS[name])), f"{float(share):.0%} < {FLOORS[name]:.0%}\n" + "\n".join(misses)


def test_every_priced_reading_survives_its_own_restatement(answerer: Answerer, book: PriceBook) -> None:
    """The reading a follow-up or a button re-prices (canonical text) means the same question."""
    for name in FILES:
        for case in _cases(name):
            reply = answerer.answer(case["q"], "en")
            if reply.intent in PRICED and reply.reading:
                again = answerer.answer(reply.reading, "en")
                assert (again.intent, again.data.get("total"), again.data.get("rows")) == (
                    reply.intent, reply.data.get("total"), reply.data.get("rows")), (case["q"], reply.reading)
                assert canonical(parse_query(reply.reading, book)) == reply.reading
