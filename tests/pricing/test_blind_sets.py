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
from fractions import Fraction
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
    # measured 2026-12-07 (fifth session): the share now (n/N), and before any change the set led to
    "heldout/en": 0.97,  # 91/93; before: 64.5% (ninth session: one miss, `40 devs, ~60 completions each`, was seen in a listing of misses; README)
    "heldout/generated-en": 1.00,  # 150/150; before: 72.7%
    "heldout/generated-zh_CN": 1.00,  # 150/150; before: 53.3%
    "heldout/generated-zh_TW": 1.00,  # 150/150; before: 41.3%
    "heldout/round16-2026-12-08-en": 0.66,  # 66/100; before: 64.0% (0) at the session start c8956d1; scored once at cae7c8b: 66.0% (0), nothing read
    "heldout/round16-2026-12-08-zh_CN": 0.63,  # 63/100; before: 63.0% (0) at c8956d1; scored once at cae7c8b: 63.0% (0), nothing read
    "heldout/round16-2026-12-08-zh_TW": 0.80,  # 80/100; before: 79.0% (2) at c8956d1; scored once at cae7c8b: 80.0% (2), its confident wrong answers then read and fixed (80%, 0), nothing else read
    "heldout/zh_CN": 0.97,  # 92/94; before: 63.8%
    "heldout/zh_TW": 0.97,  # 89/91; before: 59.3%
    "tune/blind-2026-12-07-en": 0.98,  # 92/93; before: 59.1%
    "tune/blind-2026-12-07-zh_CN": 1.00,  # 94/94; before: 62.8%
    "tune/blind-2026-12-07-zh_TW": 0.98,  # 90/91; before: 49.5%
    "tune/blind2-2026-12-07-en": 0.94,  # 132/140; before: 57.9%
    "tune/blind2-2026-12-07-zh_CN": 0.93,  # 120/128; before: 63.3%
    "tune/blind2-2026-12-07-zh_TW": 0.99,  # 132/133; before: 72.2%
    "tune/blind3-2026-12-07-en": 0.90,  # 129/142; before: 60.6%
    "tune/blind3-2026-12-07-zh_CN": 0.96,  # 128/133; before: 63.2%
    "tune/blind3-2026-12-07-zh_TW": 0.94,  # 122/129; before: 43.4%
    "tune/blind4-2026-12-07-en": 0.88,  # 119/135; before: 58.5%
    "tune/blind4-2026-12-07-zh_CN": 0.98,  # 134/136; before: 77.2%
    "tune/blind4-2026-12-07-zh_TW": 0.93,  # 121/130; before: 78.5%
    "tune/blind5-2026-12-07-en": 0.85,  # 108/127; before: 48.0%
    "tune/blind5-2026-12-07-zh_CN": 0.90,  # 126/139; before: 56.1%
    "tune/blind5-2026-12-07-zh_TW": 0.88,  # 122/138; before: 48.6%
    "tune/blind6-2026-12-07-zh_CN": 0.81,  # 107/132; before: 48.5%
    "tune/blind6-2026-12-07-zh_TW": 0.83,  # 105/126; before: 50.0%
    "tune/blind7-2026-12-07-en": 0.62,  # 77/123; before: 36.6% (4 confident wrong)
    "tune/blind7-2026-12-07-zh_CN": 0.80,  # 100/125; before: 46.4% (3)
    "tune/blind7-2026-12-07-zh_TW": 0.73,  # 91/123; before: 43.1% (2)
    "tune/blind8-2026-12-07-en": 0.80,  # 80/100; before: 50.0%
    "tune/blind8-2026-12-07-zh_CN": 0.92,  # 95/103; before: 58.3%
    "tune/blind8-2026-12-07-zh_TW": 0.93,  # 93/100; before: 67.0% (1 confident wrong)
    "tune/generated-en": 1.00,  # 150/150; before: 72.0%
    "tune/generated-zh_CN": 1.00,  # 150/150; before: 45.3%
    "tune/generated-zh_TW": 1.00,  # 150/150; before: 47.3%
    "tune/heldout-2026-12-06-en": 1.00,  # 40/40; before: 97.5%
    "tune/heldout-2026-12-06-zh_CN": 1.00,  # 61/61; before: 93.4%
    "tune/heldout-2026-12-06-zh_TW": 1.00,  # 40/40; before: 97.5%
    "tune/heldout2-2026-12-07-en": 0.77,  # 88/113; before: 50.4% (1 confident wrong); held out until 2026-12-07, then read: 59.3% (0)
    "tune/heldout2-2026-12-07-zh_CN": 0.73,  # 85/116; before: 44.8% (2); held out until 2026-12-07, then read: 52.6% (2)
    "tune/heldout2-2026-12-07-zh_TW": 0.79,  # 91/115; before: 48.7% (1); held out until 2026-12-07, then read: 58.3% (1)
    "tune/heldout3-2026-12-07-en": 0.83,  # 89/106; before: 50.9% (0); held out until 2026-12-07, then read: 63.2% (1)
    "tune/heldout3-2026-12-07-zh_CN": 0.89,  # 96/107; before: 49.5% (0); held out until 2026-12-07, then read: 63.6% (2)
    "tune/heldout3-2026-12-07-zh_TW": 0.85,  # 91/107; before: 47.7% (1); held out until 2026-12-07, then read: 60.7% (3)
    "tune/heldout4-2026-12-07-en": 0.81,  # 91/111; before: 54.1% (2); held out until 2026-12-07, then read: 59.5% (3)
    "tune/heldout4-2026-12-07-zh_CN": 0.84,  # 93/110; before: 45.5% (1); held out until 2026-12-07, then read: 57.3% (3)
    "tune/heldout4-2026-12-07-zh_TW": 0.85,  # 90/105; before: 39.0% (1); held out until 2026-12-07, then read: 56.2% (2)
    "tune/heldout5-2026-12-07-en": 0.70,  # 65/92; before: 43.5% (1); held out, scored once at fd2591f: 45.7% (1), then read
    "tune/heldout5-2026-12-07-zh_CN": 0.69,  # 64/92; before: 42.4% (3); held out, scored once at fd2591f: 46.7% (2), then read
    "tune/heldout5-2026-12-07-zh_TW": 0.65,  # 61/93; before: 43.0% (1); held out, scored once at fd2591f: 45.2% (1), then read
    "tune/heldout6-2026-12-07-en": 0.73,  # 73/100; before: 45.0% (0); held out, scored once at 16f9593: 54.0% (1), then read
    "tune/heldout6-2026-12-07-zh_CN": 0.77,  # 84/108; before: 50.0% (2); held out, scored once at 16f9593: 58.3% (2), then read
    "tune/heldout6-2026-12-07-zh_TW": 0.70,  # 70/100; before: 51.0% (0); held out, scored once at 16f9593: 54.0% (0), then read
    "tune/heldout7-2026-12-07-en": 0.86,  # 69/80; before: 70.0% (0); held out, scored once at 82dff84: 77.5% (0), then read
    "tune/heldout7-2026-12-07-zh_CN": 0.80,  # 67/83; before: 63.9% (1); held out, scored once at 82dff84: 69.9% (0), then read
    "tune/heldout7-2026-12-07-zh_TW": 0.87,  # 72/82; before: 67.1% (3); held out, scored once at 82dff84: 70.7% (2), then read
    "tune/heldout8-2026-12-07-en": 0.71,  # 71/100; before: 51.0% (0); held out, scored once at cc407e1: 51.0% (0), then read
    "tune/heldout8-2026-12-07-zh_CN": 0.74,  # 74/100; before: 49.0% (1); held out, scored once at cc407e1: 49.0% (1), then read
    "tune/heldout8-2026-12-07-zh_TW": 0.68,  # 68/100; before: 52.0% (1); held out, scored once at cc407e1: 52.0% (1), then read
    "tune/heldout9-2026-12-07-en": 0.77,  # 77/100; before: 62.0% (0) at the session start b62674d; scored once at ab5672b: 65.0% (0); scored again unread at b331009: same, then retired into tuning and read
    "tune/heldout9-2026-12-07-zh_CN": 0.83,  # 83/100; before: 70.0% (0) at b62674d; scored once at ab5672b: 73.0% (0); scored again unread at b331009: same, then retired into tuning and read
    "tune/heldout9-2026-12-07-zh_TW": 0.81,  # 81/100; before: 66.0% (0) at b62674d; scored once at ab5672b: 67.0% (0); scored again unread at b331009: same, then retired into tuning and read
    "tune/heldout10-2026-12-07-en": 0.70,  # 70/100; before: 49.0% (2) at the session start b331009; scored once at 925687d: 52.0% (2), its two confident wrong answers then read and fixed, nothing else read; scored again unread at 7df9523: same, then retired into tuning and read (2026-12-07, sixth session)
    "tune/heldout11-2026-12-07-en": 0.77,  # 77/100; before: 61.0% (1) at the session start 78efc3a; scored once at 9106073: 65.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 778d15b: 66/100, then retired into tuning and read (2026-12-07, seventh session)
    "tune/heldout10-2026-12-07-zh_CN": 0.88,  # 88/100; before: 69.0% (0) at b331009; scored once at 925687d: 71.0% (0), never read; scored again unread at 7df9523: same, then retired into tuning and read (2026-12-07, sixth session)
    "tune/heldout11-2026-12-07-zh_CN": 0.72,  # 72/100; before: 62.0% (1) at 78efc3a; scored once at 9106073: 67.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 778d15b: 68/100, then retired into tuning and read (2026-12-07, seventh session)
    "tune/heldout10-2026-12-07-zh_TW": 0.77,  # 77/100; before: 59.0% (0) at b331009; scored once at 925687d: 61.0% (0), never read; scored again unread at 7df9523: same, then retired into tuning and read (2026-12-07, sixth session)
    "tune/heldout11-2026-12-07-zh_TW": 0.79,  # 79/100; before: 68.0% (3) at 78efc3a; scored once at 9106073: 71.0% (3), its confident wrong answers then read and fixed, nothing else read; scored again unread at 778d15b: 73/100, then retired into tuning and read (2026-12-07, seventh session)
    "tune/heldout12-2026-12-07-en": 0.68,  # 68/100; before: 63.0% (1) at the session start 778d15b; scored once at a47eb2e: 64.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 6c9c31c: same, then retired into tuning and read (2026-12-07, eighth session)
    "tune/heldout12-2026-12-07-zh_CN": 0.68,  # 68/100; before: 57.0% (2) at the session start 778d15b; scored once at a47eb2e: 57.0% (2), its confident wrong answers then read and fixed, nothing else read; scored again unread at 6c9c31c: same, then retired into tuning and read (2026-12-07, eighth session)
    "tune/heldout12-2026-12-07-zh_TW": 0.79,  # 79/100; before: 70.0% (3) at the session start 778d15b; scored once at a47eb2e: 72.0% (3), its confident wrong answers then read and fixed, nothing else read; scored again unread at 6c9c31c: same, then retired into tuning and read (2026-12-07, eighth session)
    "tune/heldout13-2026-12-07-en": 0.75,  # 75/100; before: 71.0% (1) at the session start 6c9c31c; scored once at 7795de2: 71.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 91490e0: 72/100 (0), then retired into tuning and read (2026-12-07, ninth session)
    "tune/heldout14-2026-12-07-en": 0.70,  # 70/100; before: 67.0% (2) at the session start 91490e0; scored once at 771c89f: 68.0% (2), its confident wrong answers then read and fixed, nothing else read; scored again unread at 8aee39a: 70/100 (0), then retired into tuning and read (2026-12-08, tenth session)
    "tune/heldout15-2026-12-08-en": 0.80,  # 80/100; before: 80.0% (0) at the session start 8aee39a; scored once at 32a878a: 80.0% (0), nothing read; scored again unread at c8956d1: 80/100 (0), then retired into tuning and read (2026-12-08, eleventh session)
    "tune/heldout13-2026-12-07-zh_CN": 0.82,  # 82/100; before: 77.0% (1) at the session start 6c9c31c; scored once at 7795de2: 78.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 91490e0: 79/100 (0), then retired into tuning and read (2026-12-07, ninth session)
    "tune/heldout14-2026-12-07-zh_CN": 0.82,  # 82/100; before: 81.0% (1) at the session start 91490e0; scored once at 771c89f: 81.0% (1), its confident wrong answers then read and fixed, nothing else read; scored again unread at 8aee39a: 82/100 (0), then retired into tuning and read (2026-12-08, tenth session)
    "tune/heldout15-2026-12-08-zh_CN": 0.74,  # 74/100; before: 73.0% (2) at the session start 8aee39a; scored once at 32a878a: 73.0% (2), its confident wrong answers then read and fixed; its misses shown once by a failing floor check (none acted on); scored again unread at c8956d1: 74/100 (0), then retired into tuning and read (2026-12-08, eleventh session)
    "tune/heldout13-2026-12-07-zh_TW": 0.80,  # 80/100; before: 78.0% (0) at the session start 6c9c31c; scored once at 7795de2: 78.0% (0), never read; scored again unread at 91490e0: 78/100 (0), then retired into tuning and read (2026-12-07, ninth session)
    "tune/heldout14-2026-12-07-zh_TW": 0.74,  # 74/100; before: 70.0% (3) at the session start 91490e0; scored once at 771c89f: 71.0% (3), its confident wrong answers then read and fixed, nothing else read; scored again unread at 8aee39a: 74/100 (0), then retired into tuning and read (2026-12-08, tenth session)
    "tune/heldout15-2026-12-08-zh_TW": 0.71,  # 71/100; before: 71.0% (0) at the session start 8aee39a; scored once at 32a878a: 71.0% (0), nothing read; scored again unread at c8956d1: 71/100 (0), then retired into tuning and read (2026-12-08, eleventh session)
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
    # exact: 67/100 as a float is 0.66999…, under a floor of 0.67 it meets
    share = Fraction(len(rows) - len(misses), len(rows))
    with capsys.disabled():
        print(f"\n{name}: {len(rows) - len(misses)}/{len(rows)} = {float(share):.1%}")
    assert share >= Fraction(str(FLOORS[name])), f"{float(share):.1%} < {FLOORS[name]:.0%}\n" + "\n".join(misses)
