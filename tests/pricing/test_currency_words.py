"""The currency names the parser knows include CLDR's own names for each currency (zh_Hans, zh_Hant, the ISO code)."""

from __future__ import annotations

import pytest
from babel.numbers import get_currency_name, get_currency_symbol, is_currency

from pricing import PriceBook, load_card, parse_query
from pricing.errors import Ambiguous
from pricing.query.normalize import normalize
from pricing.query.vocab import CURRENCY_SYMBOLS, CURRENCY_WORDS


@pytest.mark.parametrize("code", sorted(CURRENCY_WORDS))
def test_cldr_names_and_the_code_are_known(code: str) -> None:
    assert is_currency(code)
    words = set(CURRENCY_WORDS[code])
    assert code.lower() in words
    for locale in ("zh_Hans_CN", "zh_Hant_TW", "zh_Hant_HK"):
        name, _ = normalize(get_currency_name(code, locale=locale))  # as the parser sees it: 新台幣 -> 新台币
        assert name.strip() in words, (locale, name)


@pytest.mark.parametrize(("text", "code"), [
    ("輸入1萬 輸出1千 新台幣", "TWD"), ("10k in 1k out in NTD", "TWD"), ("输入1万 输出1千 台币", "TWD"),
    ("10k in 1k out hkd", "HKD"), ("输入1万 输出1千 港币", "HKD"), ("輸入1萬 輸出1千 港幣", "HKD"),
    ("输入1万 输出1千 日元", "JPY"), ("10k in 1k out in yen", "JPY"), ("10k in 1k out in euros", "EUR"),
])  # fmt: skip
def test_a_question_in_another_currency_reads_its_code(text: str, code: str) -> None:
    query = parse_query(text, PriceBook(load_card()))
    assert (query.intent, query.currency, query.want_cny) == ("estimate", code, False)


@pytest.mark.parametrize("symbol", sorted(CURRENCY_SYMBOLS))
def test_currency_symbols_are_cldrs(symbol: str) -> None:
    code, locale = CURRENCY_SYMBOLS[symbol]
    assert get_currency_symbol(code, locale=locale).lower() == symbol


@pytest.mark.parametrize("text", [
    "£200 a month budget, 3 flash, 2k in 300 out, how many calls per day",
    "monthly budget is NT$15,000, 2.5 flash, 2k in 500 out, how many req/day",
    "budget €1.5k/month on 2.5 flash, 4k in 1k out, how many requests a day",
    "with 300 euros a month, 2.5 flash 2k in 500 out, how many calls",
    "₹5000 budget, 10k in 1k out, how many requests",
])  # fmt: skip
def test_a_budget_in_another_currency_is_asked_about(text: str) -> None:
    """Budgets are read in USD and yuan: money in another currency is never dropped to a bare number."""
    with pytest.raises(Ambiguous):
        parse_query(text, PriceBook(load_card()))
