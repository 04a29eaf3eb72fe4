"""The currency names the parser knows include CLDR's own names for each currency (zh_Hans, zh_Hant, the ISO code)."""

from __future__ import annotations

import pytest
from babel.numbers import get_currency_name, is_currency

from pricing import PriceBook, load_card, parse_query
from pricing.query.normalize import normalize
from pricing.query.vocab import CURRENCY_WORDS


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
