"""The engine's own bounds on durations and budgets (whatever the parser lets through), and formatting that never raises."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from bot.text.i18n import LANGS, translator
from pricing import InvalidQuery, PriceBook, Usage, budget
from pricing.engine import MAX_BUDGET_USD, MAX_STORAGE_HOURS


def test_a_storage_duration_past_the_bound_is_a_typed_error() -> None:
    assert Usage(storage_tokens=1_000_000, storage_hours=MAX_STORAGE_HOURS).storage_hours == D(1_000_000)
    for hours in (MAX_STORAGE_HOURS + 1, D("1e25"), D("Infinity")):
        with pytest.raises(InvalidQuery) as raised:
            Usage(storage_tokens=1_000_000, storage_hours=hours)
        assert raised.value.code == "duration_too_long"


def test_a_budget_past_the_bound_is_a_typed_error(book: PriceBook) -> None:
    usage = Usage(input_tokens=10_000, output_tokens=1_000)
    assert budget(book, usage, MAX_BUDGET_USD).requests > 0
    for usd in (MAX_BUDGET_USD + 1, D("1e26")):
        with pytest.raises(InvalidQuery) as raised:
            budget(book, usage, usd)
        assert raised.value.code == "budget_too_large"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", [D("1e26"), D("-1e26"), D("1.2345e30"), D("1e-200000"), D("1e200000"), D("123.456")])
def test_money_and_numbers_format_whatever_the_size(lang: str, value: D) -> None:
    t = translator(lang)
    money, number = t.money(value), t.number(value)
    assert 0 < len(money) < 40 and 0 < len(number) < 40
    assert t.number(10**5000) and len(t.number(10**5000)) < 40  # past int's 4,300-digit str() limit
