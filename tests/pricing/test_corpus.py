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
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.answers.answerer import Answerer, Reply
from pricing import PriceBook, canonical, parse_query

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
FILES = ("en", "zh_CN", "zh_TW", "mixed")
DEFAULT = "gemini-3.1-pro-preview"
PRICED = {"estimate", "compare", "budget"}
#: Share of each file answered as expected (measured; see the module docstring).
FLOORS = {"en": 0.95, "zh_CN": 0.94, "zh_TW": 0.98, "mixed": 0.95}


def _cases(name: str) -> list[dict[str, Any]]:
    with (CORPUS / f"{name}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _observed(book: PriceBook, reply: Reply, text: str) -> dict[str, Any]:
    """What the bot understood, in the corpus's terms."""
    data = reply.data
    intent = reply.intent
    if intent == "clarify":
        return {"intent": "clarify"}
    if intent == "error":
        return {"intent": "error", "code": data["error"]["code"]}
    seen: dict[str, Any] = {"intent": intent}
    if intent in PRICED:
        query = parse_query(text, book)
        u = query.usage
        assert u is not None
        seen |= {
            "model": query.model.id if query.model and intent != "compare" else (DEFAULT if intent != "compare" else None),
            "input": u.input_tokens, "cached": u.cached_tokens, "output": u.output_tokens, "thinking": u.thinking_tokens,
            "audio_input": u.audio_input_tokens, "requests": u.requests, "period": u.period, "batch": u.batch,
            "grounded": u.grounded, "storage": u.storage_tokens, "hours": u.storage_hours,
            "budget_usd": query.budget_usd, "budget_cny": query.budget_cny,
        }  # fmt: skip
        if intent == "compare" and len(query.models) > 1:
            seen["models"] = sorted(m.id for m in query.models)
    elif intent in ("rates", "model_info", "free_tier", "topic"):
        seen["model"] = data.get("model")
        seen["topic"] = data.get("topic")
        seen["limit"] = data.get("limit")
    return seen


def _expected(expect: dict[str, Any]) -> dict[str, Any]:
    intent = expect["intent"]
    if intent == "clarify":
        return {"intent": "clarify"}
    if intent == "error":
        return {"intent": "error", "code": expect.get("code")}
    out: dict[str, Any] = {"intent": intent}
    if intent in PRICED:
        out |= {
            "model": None if intent == "compare" else expect.get("model", DEFAULT),
            "input": expect.get("input", 0), "cached": expect.get("cached", 0), "output": expect.get("output", 0),
            "thinking": expect.get("thinking", 0), "audio_input": expect.get("audio_input", 0),
            "requests": expect.get("requests", 1), "period": expect.get("period"), "batch": expect.get("batch", False),
            "grounded": expect.get("grounded", False), "storage": expect.get("storage", 0),
            "hours": Decimal(str(expect.get("hours", 0))),
            "budget_usd": Decimal(str(expect["budget_usd"])) if "budget_usd" in expect else None,
            "budget_cny": Decimal(str(expect["budget_cny"])) if "budget_cny" in expect else None,
        }  # fmt: skip
        if "models" in expect:
            out["models"] = sorted(expect["models"])
    elif intent in ("rates", "model_info", "free_tier", "topic"):
        out["model"] = expect.get("model")
        out["topic"] = expect.get("topic")
        out["limit"] = expect.get("limit")
    return out


def _matches(seen: dict[str, Any], want: dict[str, Any]) -> bool:
    for key, value in want.items():
        if key == "model" and want["intent"] in ("rates", "model_info", "free_tier", "topic") and value is None:
            continue  # no model named: any answer about the default or all models is right
        if key in ("topic", "limit") and value is None:
            continue
        if seen.get(key) != value:
            return False
    return True


@pytest.fixture(scope="module")
def answerer(book: PriceBook) -> Answerer:
    return Answerer(book, default_model=DEFAULT, today=lambda: dt.date(2026, 12, 2))


@pytest.fixture(scope="module")
def results(answerer: Answerer, book: PriceBook) -> dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]]:
    out: dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]] = {}
    for name in FILES:
        rows = []
        for case in _cases(name):
            reply = answerer.answer(case["q"], "en")
            assert not reply.internal_error, case["q"]
            rows.append((case["q"], _observed(book, reply, case["q"]), _expected(case["expect"])))
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
        if seen["intent"] in PRICED and not _matches(seen, want)
    ]
    assert wrong == []


@pytest.mark.parametrize("name", FILES)
def test_share_answered_as_expected(name: str, results: dict[str, Any]) -> None:
    rows = results[name]
    misses = [f"{q!r}: {seen} != {want}" for q, seen, want in rows if not _matches(seen, want)]
    share = 1 - len(misses) / len(rows)
    assert share >= FLOORS[name], f"{share:.0%} < {FLOORS[name]:.0%}\n" + "\n".join(misses)


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
