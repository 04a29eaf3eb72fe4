"""Third-party providers: `admin provider add/remove` (audited, versioned, undoable), `via NAME` /
`通过 NAME`, and yuan answers and compare showing Google's price beside each provider's."""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Iterator
from decimal import Decimal as D
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from pg import private_database, sqlalchemy_url
from slack_harness import BotServer, start_bot

from bot.answers.answerer import Answerer
from pricing import FxRate, PriceBook, RateCardError, load_card, parse_card
from pricing.providers import ProviderCommandError, add_provider, parse_provider_command, remove_provider

ADMIN = "U0ADMIN"
AUDIT = "C0AUDIT"
DAY = dt.date(2026, 11, 20)


# --- the command and the card ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ('add cheapai "Cheap AI" credit 2 CNY per USD', ("add", "cheapai", "Cheap AI", D("2"))),
        ("add CheapAI “便宜 AI” credit 2.5 cny per usd", ("add", "cheapai", "便宜 AI", D("2.5"))),
        ("add relay Relay credit 1.8 RMB per 1 USD", ("add", "relay", "Relay", D("1.8"))),
        ("remove cheapai", ("remove", "cheapai", None, None)),
    ],
)
def test_commands_parse(text: str, parsed: tuple[object, ...]) -> None:
    assert parse_provider_command(text) == parsed


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("add cheapai", "usage"),
        ('add cheapai "Cheap AI" credit two CNY per USD', "usage"),
        ('add cheapai "Cheap AI" credit 0 CNY per USD', "bad_credit_rate"),
        ('add cheapai "Cheap AI" credit 99 CNY per USD', "bad_credit_rate"),
        ('add <!channel> "x" credit 2 CNY per USD', "usage"),
        ("remove", "usage"),
        ("", "usage"),
    ],
)
def test_bad_commands_say_how(text: str, code: str) -> None:
    with pytest.raises(ProviderCommandError) as err:
        parse_provider_command(text)
    assert err.value.code == code


def test_add_and_remove_keep_the_card_valid_and_dated() -> None:
    card = add_provider(load_card(), "cheapai", "Cheap AI", D("2"), today=DAY)
    assert card.providers["cheapai"].model_dump() == {"name": "Cheap AI", "cny_per_usd": D("2"), "as_of": DAY, "source": "admin"}
    assert parse_card(card.model_dump()) == card  # survives the store's round trip
    assert remove_provider(card, "cheapai").providers == {}
    with pytest.raises(ProviderCommandError):
        remove_provider(card, "nobody")


def test_admin_help_lists_the_provider_commands() -> None:
    from bot.admin.render import admin_help
    from bot.text.i18n import translator

    assert any("admin provider add NAME" in line for line in admin_help(translator("en")).lines)


def test_a_card_with_a_bad_provider_is_refused() -> None:
    data = add_provider(load_card(), "cheapai", "Cheap AI", D("2"), today=DAY).model_dump()
    data["providers"]["Bad Name!"] = data["providers"]["cheapai"]
    with pytest.raises(RateCardError):
        parse_card(data)


# --- answers -------------------------------------------------------------------------------------


def _answerer() -> Answerer:
    card = add_provider(load_card(), "cheapai", "Cheap AI", D("2"), today=DAY)
    return Answerer(PriceBook(card), fx=FxRate(D("7.10"), DAY), today=lambda: dt.date(2026, 12, 2))


def test_via_a_provider_prices_in_its_yuan_labelled_as_the_admin_s_figure() -> None:
    reply = _answerer().answer("1M in 50k out via cheapai", "en")
    # Google: 1M x $4.00 + 50k x $18.00 = $4.90; through Cheap AI: 4.90 x CNY 2 = CNY 9.80
    assert D(reply.data["total"]) == D("4.90")
    assert reply.data["providers"] == [
        {"name": "cheapai", "display": "Cheap AI", "cny_per_usd": "2", "as_of": "2026-11-20", "total_cny": "9.8"}
    ]
    assert "Via Cheap AI (cheapai): CN¥9.80 (credit at 2 CNY per USD of Google's prices: the admin's figure of Nov 20, 2026)" in reply.plain


def test_via_in_chinese() -> None:
    reply = _answerer().answer("输入100万 输出5万 通过 cheapai", "zh_CN")
    assert reply.data["providers"][0]["total_cny"] == "9.8"
    assert "通过 Cheap AI（cheapai）：¥9.80" in reply.plain


def test_yuan_answers_show_google_beside_every_provider() -> None:
    reply = _answerer().answer("1M in 50k out in CNY", "en")
    assert "In yuan: CN¥34.79" in reply.plain  # Google at 7.10: 4.90 x 7.10
    assert "Via Cheap AI (cheapai): CN¥9.80" in reply.plain


def test_compare_in_yuan_shows_each_provider_per_row() -> None:
    reply = _answerer().answer("compare 10k in 1k out in CNY", "en")
    # 2.5 Flash-Lite: 10k x $0.10 + 1k x $0.40 = $0.0014; x 7.10 = CN¥0.00994; x 2 = CN¥0.0028
    assert "1. gemini-2.5-flash-lite: $0.0014 / CN¥0.00994 / via cheapai CN¥0.0028" in reply.plain
    assert "cheapai (Cheap AI): credit at 2 CNY per USD of Google's prices, the admin's figure of Nov 20, 2026." in reply.plain


def test_a_yuan_budget_through_a_provider_buys_its_credit() -> None:
    reply = _answerer().answer("100元能调用多少次 输入1万 输出1千 通过 cheapai", "zh_CN")
    # CNY 100 buys USD 50 of credit at 2 CNY per USD (not 100 / 7.10 at the bank's rate);
    # each request: 10k x $2.00 + 1k x $12.00 = $0.032; floor(50 / 0.032) = 1,562
    assert reply.data["requests"] == 1562
    assert "¥100.00 可购买 US$50.00 的 Cheap AI 额度。" in reply.plain
    google = _answerer().answer("100元能调用多少次 输入1万 输出1千", "zh_CN")
    assert google.data["requests"] == 440  # at the bank: 100 / 7.10 = $14.0845; / $0.032 = 440.1


def test_an_unknown_provider_is_a_clear_error() -> None:
    reply = _answerer().answer("1M in via nobody", "en")
    assert (reply.ok, reply.data["error"]["code"]) == (False, "unknown_provider")
    # issue 18: the providers the price data has are listed too, before the admin's
    assert 'There is no provider called "nobody". Providers: github-copilot, openrouter, quicksilverpro, cheapai.' in reply.plain


def test_a_provider_from_the_data_prices_at_its_own_prices_beside_google() -> None:
    reply = _answerer().answer("5k in 1k out on gemini-3.1-pro-preview via quicksilverpro", "en")
    # QuickSilver Pro: 5k x $1.70 + 1k x $10.20 = $0.0187; Google: 5k x $2.00 + 1k x $12.00 = $0.022
    assert D(reply.data["total"]) == D("0.0187")
    assert reply.data["via_provider"]["google_total"] == "0.022"
    assert "Priced through QuickSilver Pro at its own prices, as the genai-prices data gives them (checked Dec 2, 2026); at Google the same costs $0.022." in reply.plain
    # the admin's reseller, beside it, is still the admin's figure
    assert "Via Cheap AI" not in reply.plain
    assert "the admin's figure" in _answerer().answer("1M in 50k out via cheapai", "en").plain


@pytest.mark.parametrize("name", ["openrouter", "OpenRouter", "OPENROUTER"])
def test_a_data_provider_by_its_names(name: str) -> None:
    reply = _answerer().answer(f"5k in 1k out on gemini-2.5-pro via {name}", "en")
    assert D(reply.data["total"]) == D("0.01625")  # 5k x $1.25 + 1k x $10.00


def test_a_model_the_provider_does_not_sell_is_said() -> None:
    reply = _answerer().answer("5k in 1k out on 2.5 pro via quicksilverpro", "zh_TW")
    assert (reply.ok, reply.data["error"]["code"]) == (False, "provider_lacks_model")
    assert "QuickSilver Pro 沒有提供 gemini-2.5-pro" in reply.plain


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("compare 5k in 1k out on 3.1 pro across providers", "en"),
        ("where is 3.1 pro cheapest? 5k in 1k out", "en"),
        ("3.1 pro 哪家最便宜 输入5千 输出1千", "zh_CN"),
    ],
)
def test_across_providers_lines_up_google_and_each_seller(text: str, lang: str) -> None:
    reply = _answerer().answer(text, lang)
    assert (reply.intent, reply.data["model"]) == ("compare", "gemini-3.1-pro-preview")
    # QuickSilver Pro 5k x $1.70 + 1k x $10.20 = $0.0187; Google and OpenRouter 5k x $2 + 1k x $12 = $0.022
    assert [(r["provider"], r["total"]) for r in reply.data["rows"]] == [
        ("quicksilverpro", "0.0187"), ("google", "0.022"), ("openrouter", "0.022")
    ]


def test_where_is_a_model_cheapest_without_amounts_lists_each_seller_s_rates() -> None:
    reply = _answerer().answer("where is 3.1 pro cheapest", "en")
    assert reply.intent == "rates"
    assert "QuickSilver Pro: input $1.70 / output $10.20 per 1M tokens; cached input -" in reply.plain
    assert "Google (list price): input $2.00" in reply.plain


def test_without_providers_nothing_is_added() -> None:
    reply = Answerer(PriceBook(load_card()), fx=FxRate(D("7.10"))).answer("1M in 50k out in CNY", "en")
    assert "Via " not in reply.plain and "providers" not in reply.data


# --- end to end over signed HTTP, on SQLite and PostgreSQL -----------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def bot(request: pytest.FixtureRequest, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[BotServer]:
    env = {"ADMIN_USER_IDS": ADMIN, "AUDIT_CHANNEL": AUDIT, "USD_CNY": "7.10@2026-11-20"}
    if request.param == "sqlite":
        server = start_bot(fake_slack, f"sqlite:///{tmp_path / 'providers.db'}", tmp_path, **env)
        yield server
        server.stop()
        return
    with private_database("gc_providers") as (user, dbname):
        server = start_bot(fake_slack, sqlalchemy_url(user, dbname), tmp_path, **env)
        yield server
        server.stop()


def _answer(bot: BotServer, text: str, user: str = "U0EN") -> str:
    response = bot.command(text, user=user)
    assert response.status_code == 200, response.text
    return html.unescape(str(json.loads(response.text)["text"]))


def test_provider_commands_end_to_end(bot: BotServer, fake_slack: FakeSlack) -> None:
    assert "only the bot's admins" in _answer(bot, 'admin provider add cheapai "Cheap AI" credit 2 CNY per USD')
    assert "no provider called" in _answer(bot, "1M in 50k out via cheapai")

    done = _answer(bot, 'admin provider add cheapai "Cheap AI" credit 2 CNY per USD', user=ADMIN)
    assert "version 2" in done and "providers.cheapai" in done
    fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == AUDIT and "providers.cheapai" in c.everything)
    today = dt.date.today().strftime("%b %-d, %Y")
    assert f"Via Cheap AI (cheapai): CN¥9.80 (credit at 2 CNY per USD of Google's prices: the admin's figure of {today})" in _answer(
        bot, "1M in 50k out via cheapai")
    assert "通过 Cheap AI（cheapai）：¥9.80" in _answer(bot, "输入100万 输出5万 通过 cheapai", user="U0ZH")

    assert "no provider called" in _answer(bot, "admin provider remove nobody", user=ADMIN)
    assert "version 3" in _answer(bot, "admin provider remove cheapai", user=ADMIN)
    assert "no provider called" in _answer(bot, "1M in 50k out via cheapai")
    _answer(bot, "admin undo", user=ADMIN)  # undo the removal: the provider is back
    assert "CN¥9.80" in _answer(bot, "1M in 50k out via cheapai")
