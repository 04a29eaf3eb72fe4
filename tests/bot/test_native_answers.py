"""Issue 20: answers a native reader would write: any currency with an admin-set rate, counts in 万/亿,
the asker's own words echoed, whole sentences (the period where the translator put it)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from zhon import cedict

from bot.admin.commands import AdminContext, run_admin
from bot.answers.answerer import Answerer
from bot.store.card_versions import RateStore
from bot.store.database import Store
from bot.text.i18n import translator
from pricing import PriceBook, load_card

TODAY = dt.date(2026, 11, 28)
SIMPLIFIED_ONLY = set(cedict.simplified) - set(cedict.traditional)


@pytest.fixture()
def rates(tmp_path: Path) -> RateStore:
    store = Store.from_url(f"sqlite:///{tmp_path / 'fx.db'}")
    found = RateStore(store.engine, load_card())
    found.ensure_seed()
    return found


def admin(rates: RateStore, text: str) -> str:
    return run_admin(text, AdminContext("U0ADMIN", "C0OPS", "en", True, rates, lambda: None, TODAY)).text


def answerer(rates: RateStore) -> Answerer:
    return Answerer(lambda: PriceBook(rates.current().card), today=lambda: TODAY)


def test_nt_dollars_before_and_after_an_admin_sets_the_rate(rates: RateStore) -> None:
    bot = answerer(rates)
    before = bot.answer("輸入1萬 輸出1千 新台幣", "zh_TW")
    # 3.1 Pro: 10k x $2.00/1M + 1k x $12.00/1M = $0.02 + $0.012 = $0.032, in USD with how to set a rate
    assert before.ok and before.data["total"] == "0.032"
    assert "admin fx TWD" in before.plain and "新台幣" in before.plain and "fx" not in before.data
    admin(rates, "admin fx TWD 32.1 2026-11-27")
    after = bot.answer("輸入1萬 輸出1千 新台幣", "zh_TW")
    # $0.032 x 32.1 = NT$1.0272, shown as $1.03 (CLDR's symbol for TWD in Taiwan) beside the USD total
    assert "新台幣：$1.03" in after.plain and "US$0.032" in after.plain and "32.1" in after.plain
    assert after.data["fx"] == {"currency": "TWD", "rate": "32.1", "as_of": "2026-11-27", "total": "1.0272"}
    assert "usd_cny" not in after.data  # the yuan keys stay for yuan
    for asked in ("1M in 50k out in NTD", "输入1万 输出1千 台币", "10k in 1k out twd"):
        assert "NT$" in bot.answer(asked, "en").plain, asked


def test_yuan_keep_their_keys_and_other_currencies_are_by_iso_code(rates: RateStore) -> None:
    admin(rates, "admin fx 7.10 2026-11-20")
    admin(rates, "admin fx HKD 7.8")
    bot = answerer(rates)
    yuan = bot.answer("1M in 50k out in CNY", "en")
    assert (yuan.data["usd_cny"], yuan.data["total_cny"], yuan.data["fx"]["currency"]) == ("7.1", "34.79", "CNY")  # 4.90 x 7.10
    hk = bot.answer("输入100万 输出5万 港币", "zh_CN")
    assert hk.data["fx"]["total"] == "38.22" and "港元" in hk.plain  # 4.90 x 7.8, CLDR's zh_Hans name
    assert "Usage" in admin(rates, "admin fx XYZ 3")  # not an ISO currency: nothing stored
    assert "XYZ" not in rates.current().card.fx
    admin(rates, "admin fx HKD off")
    assert "HKD" not in rates.current().card.fx


def test_chinese_answers_count_in_wan_and_yi_and_echo_what_was_typed(rates: RateStore) -> None:
    bot = answerer(rates)
    cn = bot.answer("输入100万 输出5万", "zh_CN").plain
    assert "100万" in cn and "1,000,000" not in cn
    tw = bot.answer("輸入100萬 輸出5萬 每天1.5億次", "zh_TW").plain
    assert "100萬" in tw and "1.5億" in tw
    # The parser reads folded text (5万, 们, gemini-9); the answer quotes what was typed.
    asked = bot.answer("輸入5萬 5萬", "zh_TW").plain.splitlines()[0]
    assert asked.startswith("「5萬」是哪一部分？"), asked
    unknown = bot.answer("輸入1萬 輸出1千 還要算流量費嗎", "zh_TW").plain.splitlines()[0]
    assert unknown.startswith("我不確定「還要算流量費嗎」對價格有什麼影響"), unknown  # the unknown words whole, as typed
    wide = bot.answer("ＧＥＭＩＮＩ-9 輸入1萬", "zh_TW").plain.splitlines()[0]
    assert wide.startswith("沒有這個模型：「ＧＥＭＩＮＩ-9」。"), wide
    assert not SIMPLIFIED_ONLY & set(asked + unknown + wide)


def test_period_is_placed_by_the_catalog_sentence() -> None:
    bot = Answerer(PriceBook(load_card()), today=lambda: TODAY)
    title = bot.answer("输入1万 输出1千 每天5000次", "zh_CN").plain.splitlines()[0]
    assert re.fullmatch(r"预估费用：每天 US\$\d+\.\d\d", title), title
    en = bot.answer("10k in 1k out x5000 per day batch", "en").plain
    assert "Without batch: $" in en and re.search(r"Without batch: \$[\d.,]+ per day", en)
    assert "Requests: 5,000 a day" in en


def test_compact_counts_are_exact_or_spelled_out() -> None:
    t = translator("zh_CN")
    assert [t.count(n) for n in (9999, 50_000, 200_100, 1_234_567, 100_000_000, 123_456_789)] == [
        "9,999", "5万", "20.01万", "1,234,567", "1亿", "123,456,789"]  # fmt: skip
    assert translator("zh_TW").count(150_000_000) == "1.5億"
    assert translator("en").count(1_000_000) == "1,000,000"


def test_a_pasted_usage_in_another_currency(rates: RateStore) -> None:
    paste = '{"usageMetadata": {"promptTokenCount": 8, "candidatesTokenCount": 212, "totalTokenCount": 1197, "thoughtsTokenCount": 977}}'
    bot = answerer(rates)
    assert "admin fx TWD" in bot.answer(paste + "\nx2000 per day in NTD", "en").plain  # no rate yet: USD, and how to set one
    admin(rates, "admin fx TWD 32 2026-11-27")
    reply = bot.answer(paste + "\nx2000 per day in NTD", "en")
    assert reply.data["fx"]["currency"] == "TWD" and "In New Taiwan dollars: NT$" in reply.plain


@pytest.mark.parametrize(
    ("question", "lang", "read_as", "requests_line", "tokens"),
    [
        ("核对一下上个月账单 2.5 flash 一共输入3.2亿token 输出4000万token 应该是多少钱", "zh_CN",
         "理解为：gemini-2.5-flash · 一个月的 token 总量 · 输入共 3.2亿 token · 输出共 4000万 token", "请求次数：未提供（按 token 总量计）",
         (320_000_000, 40_000_000)),
        ("上個月 2.5 flash 的用量是 input 18 億 tokens、output 2.1 億 tokens，這樣應該是多少錢？", "zh_TW",
         "解讀為：gemini-2.5-flash · 一個月的 token 總量 · 輸入共 18億 token · 輸出共 2.1億 token", "請求次數：未提供（按 token 總量計）",
         (1_800_000_000, 210_000_000)),
        ("we used 450M input tokens and 30M output on 2.5 flash last month, what should the bill be?", "en",
         "Read as: gemini-2.5-flash · token totals a month · input 450,000,000 tokens in all · output 30,000,000 tokens in all",
         "Requests: not given (token totals)", (450_000_000, 30_000_000)),
    ],
)
def test_token_totals_of_a_month_are_priced_as_they_stand(question: str, lang: str, read_as: str, requests_line: str, tokens: tuple[int, int]) -> None:
    # a bill's usage: more input than any prompt holds, no request count, on a model with one rate
    lines = Answerer(PriceBook(load_card()), today=lambda: TODAY).answer(question, lang).plain.splitlines()
    assert read_as in lines and requests_line in lines
    card = PriceBook(load_card()).get("gemini-2.5-flash")
    assert card.input is not None and card.output is not None and card.input.standard is not None and card.output.standard is not None
    total = (tokens[0] * card.input.standard + tokens[1] * card.output.standard) / 1_000_000
    assert translator(lang).money(total) in lines[0], (lines[0], total)


def test_token_totals_on_a_model_priced_by_prompt_length_are_asked_about() -> None:
    # 2.5 pro prices a prompt above 200k tokens higher: totals do not say how long the prompts were
    reply = Answerer(PriceBook(load_card()), today=lambda: TODAY).answer("上个月 2.5 pro 一共输入3.2亿token 输出4000万token 应该是多少钱", "zh_CN")
    assert reply.intent == "clarify"
    # one prompt too long for its model is still that error, not totals
    assert Answerer(PriceBook(load_card()), today=lambda: TODAY).answer("2.5 pro 一次输入300万token 输出1000 多少钱", "zh_CN").intent == "error"
