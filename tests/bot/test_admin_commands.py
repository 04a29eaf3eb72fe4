"""Admin subcommands run in-process against a real SQLite store: what the admin reads, what is stored."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bot.admin.commands import AdminContext, run_admin
from bot.store.card_versions import RateStore
from bot.store.database import Store
from pricing import PriceBook, estimate, load_card, parse_query

TODAY = dt.date(2026, 11, 28)


@pytest.fixture()
def rates(tmp_path: Path) -> RateStore:
    store = Store.from_url(f"sqlite:///{tmp_path / 'admin.db'}")
    found = RateStore(store.engine, load_card())
    found.ensure_seed()
    return found


def run(rates: RateStore, text: str, *, admin: bool = True, lang: str = "en") -> str:
    ctx = AdminContext("U0ADMIN", "C0OPS", lang, admin, rates, lambda: None, TODAY)
    return run_admin(text, ctx).text


def book(rates: RateStore) -> PriceBook:
    return PriceBook(rates.current().card)


def test_add_model_like_another_then_price_it(rates: RateStore) -> None:
    said = run(rates, "admin add-model gemini-4-pro like 3.1 pro name Gemini 4 Pro")
    assert "version 2" in said
    b = book(rates)
    query = parse_query("100k in 10k out on gemini-4-pro", b)
    # copied from 3.1 Pro: 100k x $2.00/1M + 10k x $12.00/1M = $0.20 + $0.12 = $0.32
    assert estimate(b, query.usage, query.model).total == Decimal("0.32")  # type: ignore[arg-type]
    assert b.get("gemini-4-pro").name == "Gemini 4 Pro" and b.get("gemini-4-pro").status == "preview"
    assert "already on the card" in run(rates, "admin add-model gemini-4-pro like 2.5 pro")


def test_alias_moves_a_name_to_another_model(rates: RateStore) -> None:
    assert book(rates).resolve("flash").id == "gemini-3.8-flash"
    run(rates, "admin alias flash 2.5 flash")
    assert book(rates).resolve("flash").id == "gemini-2.5-flash"
    run(rates, "admin alias my big model = 2.5 pro")
    assert book(rates).resolve("my big model").id == "gemini-2.5-pro"
    assert "can't be an alias" in run(rates, "admin alias gemini-2.5-pro 3.1 pro")


def test_free_tier_facts(rates: RateStore) -> None:
    run(rates, "admin free-tier 2.5 flash yes rpm 5 tpm 250000 rpd 20")
    facts = book(rates).get("gemini-2.5-flash").free_tier
    assert (facts.available, facts.rpm, facts.tpm, facts.rpd, facts.limits_as_of) == (True, 5, 250000, 20, TODAY)
    assert "Usage" in run(rates, "admin free-tier 2.5 flash maybe")
    assert "Usage" in run(rates, "admin free-tier 2.5 flash yes rpm")


def test_history_bounds_and_unknown_subcommand(rates: RateStore) -> None:
    assert "Usage" in run(rates, "admin history 0")
    assert "Usage" in run(rates, "admin history 31")
    assert "v1" in run(rates, "admin history 1")
    assert "Unknown admin command" in run(rates, "admin frobnicate")
    assert "Admin commands" in run(rates, "admin")


def test_non_admins_are_refused_in_their_language_and_nothing_is_stored(rates: RateStore) -> None:
    before = rates.latest_version()
    assert "only the bot's admins" in run(rates, "admin set 2.5 flash input 1", admin=False)
    assert "只有机器人的管理员" in run(rates, "admin export", admin=False, lang="zh_CN")
    assert rates.latest_version() == before


def test_messages_in_chinese(rates: RateStore) -> None:
    assert "已保存价目表版本 2" in run(rates, "admin set 2.5 flash input 0.35", lang="zh_CN")
    assert "價格不能為負數" in run(rates, "admin set 2.5 flash input -1", lang="zh_TW")
