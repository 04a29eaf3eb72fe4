"""Settings: every variable of DESIGN section 3, parsed strictly, with errors that name the variable."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.settings import DEFAULT_API_URL, ConfigError, Settings, load_settings
from pricing import FxRate

ALL = ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "SLACK_API_URL", "ADMIN_USER_IDS",
       "DATABASE_URL", "DEFAULT_MODEL", "DEFAULT_LANG", "AUDIT_CHANNEL", "USD_CNY", "CHANNEL_QUESTIONS", "PORT",
       "LOCALE_TIMEOUT")  # fmt: skip


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: pytest.TempPathFactory) -> None:
    for name in ALL:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults_need_no_environment() -> None:
    settings = load_settings()
    assert settings.slack_api_url == DEFAULT_API_URL
    assert settings.database_url.startswith("sqlite:///")
    assert settings.default_lang == "en" and settings.channel_questions is False
    assert not settings.has_slack_tokens


def test_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:8080/api")
    monkeypatch.setenv("ADMIN_USER_IDS", "U012AB3CD, W0ADMIN2 ,")
    monkeypatch.setenv("USD_CNY", "7.10@2026-11-20")
    monkeypatch.setenv("DEFAULT_LANG", "zh")
    monkeypatch.setenv("CHANNEL_QUESTIONS", "true")
    monkeypatch.setenv("AUDIT_CHANNEL", "C0AUDIT")
    settings = load_settings()
    assert settings.slack_api_url == "http://127.0.0.1:8080/api/"  # slack_sdk appends method names
    assert settings.admin_user_ids == ("U012AB3CD", "W0ADMIN2")
    assert settings.usd_cny == FxRate(rate=Decimal("7.10"), as_of=dt.date(2026, 11, 20))
    assert settings.default_lang == "zh_CN" and settings.channel_questions and settings.audit_channel == "C0AUDIT"
    assert "xoxb-1-2" not in repr(settings)  # tokens are SecretStr


def test_usd_cny_without_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("USD_CNY", "7.2")
    assert load_settings().usd_cny == FxRate(rate=Decimal("7.2"), as_of=None)


@pytest.mark.parametrize(
    ("given", "expected"),
    [("postgres://u:p@db.example.com:5432/app", "postgresql+psycopg://u:p@db.example.com:5432/app"),
     ("postgresql://u@localhost/app", "postgresql+psycopg://u@localhost/app"),
     ("sqlite:////var/data/bot.db", "sqlite:////var/data/bot.db")],
)  # fmt: skip
def test_database_urls_as_platforms_hand_them_out(monkeypatch: pytest.MonkeyPatch, given: str, expected: str) -> None:
    monkeypatch.setenv("DATABASE_URL", given)
    assert load_settings().database_url == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [("USD_CNY", "0.71"), ("USD_CNY", "7,10"), ("PORT", "70000"), ("SLACK_APP_TOKEN", "xoxb-wrong-kind"),
     ("AUDIT_CHANNEL", "#general"), ("CHANNEL_QUESTIONS", "sometimes")],
)  # fmt: skip
def test_errors_name_the_variable_and_hide_the_value(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as caught:
        load_settings()
    message = str(caught.value)
    assert name in message and "\n" not in message
    assert value not in message


def test_each_mode_names_what_it_lacks() -> None:
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        Settings(slack_bot_token="xoxb-1").require_http()  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        Settings(slack_signing_secret="s").require_http()  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="SLACK_APP_TOKEN"):
        Settings(slack_bot_token="xoxb-1").require_socket_mode()  # type: ignore[arg-type]
