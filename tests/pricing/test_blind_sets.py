"""The blind question sets: written by readers who had not studied the parser (tests/corpus/SCHEMA.md
was all they had), from forum, Q&A and issue phrasing, or generated from tables of their own
(tests/corpus/generate_everyday.py). Each set was scored before any change it led to (README).

- `tests/corpus/heldout/*.yaml`: kept out of tuning. No table row or branch is added for them; their
  score is the honest measure of how well understanding generalizes.
- `tests/corpus/tune/*.yaml`: the tuning halves (and the 2026-12-06 held-out set, retired into tuning).

Asserted for both: no confident wrong answer (a priced answer always has the expected reading, the
asked period and a budget's period included), and the share answered as expected holds its floor.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from corpus_reading import DEFAULT, FX, PRICED, expected, matches, observed

from bot.answers.answerer import Answerer
from pricing import PriceBook

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
#: Share answered as expected, per set: measured, never lowered to pass (before the change each set led to: README).
FLOORS = {
    # held out (before any change: en 64.5%, generated-en 72.7%, generated-zh_CN 53.3%, generated-zh_TW 41.3%,
    # zh_CN 63.8%, zh_TW 59.3%; 13 confident wrong answers in all)
    "heldout/en": 0.87,  # 81/93
    "heldout/generated-en": 1.00,  # 150/150
    "heldout/generated-zh_CN": 1.00,  # 150/150
    "heldout/generated-zh_TW": 0.97,  # 146/150
    "heldout/zh_CN": 0.93,  # 88/94
    "heldout/zh_TW": 0.92,  # 84/91
    # tuning (before: 59.1%, 62.8%, 49.5%, 57.9%, 63.3%, 72.2%, 63.2%, 43.4%, 72.0%, 45.3%, 47.3%)
    "tune/blind-2026-12-07-en": 0.97,  # 91/93
    "tune/blind-2026-12-07-zh_CN": 0.96,  # 91/94
    "tune/blind-2026-12-07-zh_TW": 0.94,  # 86/91
    "tune/blind2-2026-12-07-en": 0.90,  # 126/140
    "tune/blind2-2026-12-07-zh_CN": 0.88,  # 113/128
    "tune/blind2-2026-12-07-zh_TW": 0.96,  # 129/133
    "tune/blind3-2026-12-07-zh_CN": 0.87,  # 116/133
    "tune/blind3-2026-12-07-zh_TW": 0.79,  # 103/129
    "tune/blind3-2026-12-07-en": 0.79,  # 113/142 (before: 62.7%, 89/142)
    "tune/blind4-2026-12-07-zh_CN": 0.0,
    "tune/blind4-2026-12-07-zh_TW": 0.0,
    "tune/generated-en": 1.00,  # 150/150
    "tune/generated-zh_CN": 1.00,  # 150/150
    "tune/generated-zh_TW": 1.00,  # 150/150
    "tune/heldout-2026-12-06-en": 1.00,  # 40/40
    "tune/heldout-2026-12-06-zh_CN": 1.00,  # 61/61
    "tune/heldout-2026-12-06-zh_TW": 1.00,  # 40/40
}
SETS = tuple(FLOORS)


def test_every_set_has_a_floor() -> None:
    on_disk = {f"{p.parent.name}/{p.stem}" for folder in ("heldout", "tune") for p in (CORPUS / folder).glob("*.yaml")}
    assert on_disk == set(FLOORS)


@pytest.fixture(scope="module")
def results(book: PriceBook) -> dict[str, list[tuple[str, dict[str, Any], dict[str, Any]]]]:
    answerer = Answerer(book, fx=FX, default_model=DEFAULT, today=lambda: dt.date(2026, 12, 2))
    out = {}
    for name in SETS:
        with (CORPUS / f"{name}.yaml").open(encoding="utf-8") as fh:
            cases = yaml.safe_load(fh)
        rows = []
        for case in cases:
            reply = answerer.answer(case["q"], "en")
            assert not reply.internal_error, case["q"]
            rows.append((case["q"], observed(book, reply, case["q"]), expected(case["expect"], strict=True)))
        out[name] = rows
    return out


@pytest.mark.parametrize("name", SETS)
def test_no_confident_wrong_answer(name: str, results: dict[str, Any]) -> None:
    wrong = [f"{q!r}: read {seen} expected {want}" for q, seen, want in results[name]
             if seen["intent"] in PRICED and not matches(seen, want)]  # fmt: skip
    assert wrong == []


@pytest.mark.parametrize("name", SETS)
def test_share_answered_as_expected(name: str, results: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    rows = results[name]
    misses = [f"  {q!r}: {seen} != {want}" for q, seen, want in rows if not matches(seen, want)]
    share = 1 - len(misses) / len(rows)
    with capsys.disabled():
        print(f"\n{name}: {len(rows) - len(misses)}/{len(rows)} = {share:.1%}")
    assert share >= FLOORS[name], f"{share:.1%} < {FLOORS[name]:.0%}\n" + "\n".join(misses)
