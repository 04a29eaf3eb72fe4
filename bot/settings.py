"""Typed settings read from the environment (or `.env`), with one-line errors naming the bad variable."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from pricing import FxRate

__all__ = ["DEFAULT_API_URL", "DEFAULT_DATABASE_URL", "ConfigError", "Settings", "load_settings"]

DEFAULT_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///gemini-cost.db"

Lang = Literal["en", "zh_CN", "zh_TW"]
#: genai-prices' own update URL (genai_prices.update_prices.DEFAULT_UPDATE_URL, copied to keep the
#: settings import light; a test pins the two equal).
DEFAULT_PRICE_UPDATES_URL = "https://raw.githubusercontent.com/pydantic/genai-prices/refs/heads/main/prices/new_data/v2/data.json"

# Spellings people put in DEFAULT_LANG; the catalogs are keyed by the canonical form.
_LANG_SPELLINGS: dict[str, Lang] = {
    "en": "en",
    "en_us": "en",
    "en-us": "en",
    "zh": "zh_CN",
    "zh_cn": "zh_CN",
    "zh-cn": "zh_CN",
    "zh_hans": "zh_CN",
    "zh-hans": "zh_CN",
    "zh_tw": "zh_TW",
    "zh-tw": "zh_TW",
    "zh_hant": "zh_TW",
    "zh-hant": "zh_TW",
}
_SLACK_ID = re.compile(r"^[UWB][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")


class ConfigError(Exception):
    """A setting is missing or malformed; ``str(err)`` is the one line to show."""


class Settings(BaseSettings):
    """Every setting of DESIGN section 3, plus the opt-in for channel questions and the HTTP port."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    slack_bot_token: SecretStr | None = None
    """Bot token (xoxb-...). Needed for HTTP and Socket Mode; absent in the offline shell."""
    slack_signing_secret: SecretStr | None = None
    """Verifies that HTTP requests come from Slack. Needed in HTTP mode."""
    slack_app_token: SecretStr | None = None
    """App-level token (xapp-...) with connections:write; its presence selects Socket Mode."""
    slack_api_url: str = DEFAULT_API_URL
    """Web API base URL; tests and proxies point it elsewhere."""
    admin_user_ids: Annotated[tuple[str, ...], NoDecode] = ()
    """Slack user ids allowed to run admin commands, comma-separated in the environment."""
    database_url: str = DEFAULT_DATABASE_URL
    """SQLAlchemy URL; `postgres://` (as Heroku writes it) is accepted and normalised."""
    default_model: str | None = None
    """Model priced when a question names none; None keeps the rate card's default."""
    default_lang: Lang = "en"
    """Language when neither the user's choice nor their Slack locale decides."""
    audit_channel: str | None = None
    """Channel id where admin changes are announced (used by the admin commands)."""
    usd_cny: Annotated[FxRate | None, NoDecode] = None
    """USD -> CNY as `7.10` or `7.10@2026-11-20` (rate and the day it was taken)."""
    workspace_admins_are_admins: bool = False
    """Also let the workspace's admins and owners (users.info is_admin / is_owner) run admin commands."""
    card_refresh_seconds: float = Field(default=0.5, gt=0, le=60)
    """How often each instance checks the database for a newer rate card (changes reach all within 2 s)."""
    channel_questions: bool = False
    """Answer clear pricing questions in channels the bot is in, without a mention."""
    port: int = Field(default=3000, ge=1, le=65535)
    """HTTP port for `python -m bot http` (the Procfile passes $PORT to uvicorn directly)."""
    locale_timeout: float = Field(default=1.5, gt=0, le=10)
    """Seconds a users.info locale look-up may take before the default language is used."""
    price_updates: Literal["off", "daily"] = "off"
    """`daily`: fetch the newest genai-prices data each day and offer differences to the admins."""
    price_updates_url: str = DEFAULT_PRICE_UPDATES_URL
    """Where the daily check fetches genai-prices data (genai-prices' own update URL by default)."""

    @field_validator(
        "slack_bot_token", "slack_signing_secret", "slack_app_token", "audit_channel", "default_model", mode="before"
    )
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        # `FOO=` in a Procfile platform's config means "not set", not "the empty string".
        if isinstance(value, str) and not value.strip():
            return None
        return value.strip() if isinstance(value, str) else value

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return value

    @field_validator("price_updates", mode="before")
    @classmethod
    def _price_updates_word(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("price_updates_url", mode="before")
    @classmethod
    def _price_updates_url(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return DEFAULT_PRICE_UPDATES_URL
        if not isinstance(value, str) or not re.match(r"^https?://[^/\s]+", value.strip()):
            raise ValueError("must be an http(s) URL of a genai-prices data file")
        return value.strip()

    @field_validator("slack_api_url", mode="before")
    @classmethod
    def _api_url(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return DEFAULT_API_URL
        if not isinstance(value, str) or not re.match(r"^https?://[^/\s]+", value.strip()):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        # slack_sdk joins the method name onto the base URL, so it must end with a slash.
        return value.strip().rstrip("/") + "/"

    @field_validator("admin_user_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, (list, tuple)):
            for user_id in value:
                if not _SLACK_ID.match(str(user_id)):
                    raise ValueError("expected comma-separated Slack user ids such as U012AB3CD")
            return tuple(value)
        return value

    @field_validator("database_url", mode="before")
    @classmethod
    def _database_url(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return DEFAULT_DATABASE_URL
        if not isinstance(value, str):
            raise ValueError("must be a database URL")
        url = value.strip()
        # Heroku and friends hand out postgres://, which SQLAlchemy 2 no longer accepts.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        if not re.match(r"^(sqlite|postgresql(\+\w+)?)://", url):
            raise ValueError("expected sqlite:///path.db or postgresql://user:pass@host/db")
        return url

    @field_validator("default_lang", mode="before")
    @classmethod
    def _lang(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return "en"
        if isinstance(value, str) and value.strip().lower() in _LANG_SPELLINGS:
            return _LANG_SPELLINGS[value.strip().lower()]
        raise ValueError("expected en, zh (Simplified) or zh_TW (Traditional)")

    @field_validator("audit_channel")
    @classmethod
    def _channel(cls, value: str | None) -> str | None:
        if value is not None and not _CHANNEL_ID.match(value):
            raise ValueError("expected a channel id such as C012AB3CD")
        return value

    @field_validator("usd_cny", mode="before")
    @classmethod
    def _fx(cls, value: object) -> object:
        if value is None or isinstance(value, FxRate):
            return value
        if not isinstance(value, str):
            raise ValueError("expected RATE or RATE@YYYY-MM-DD, e.g. 7.10@2026-11-20")
        return FxRate.parse(value) if value.strip() else None

    # -- what each way of running needs ---------------------------------------------------------

    @property
    def has_slack_tokens(self) -> bool:
        return any((self.slack_bot_token, self.slack_app_token, self.slack_signing_secret))

    def require_http(self) -> None:
        """Raise `ConfigError` unless the settings can serve Slack over HTTP."""
        if self.slack_bot_token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set: the bot token (xoxb-...) is needed to answer in Slack")
        if self.slack_signing_secret is None:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is not set: it is needed to verify requests from Slack in HTTP mode"
            )

    def require_socket_mode(self) -> None:
        """Raise `ConfigError` unless the settings can run Socket Mode."""
        if self.slack_app_token is None:
            raise ConfigError("SLACK_APP_TOKEN is not set: an app-level token (xapp-...) is needed for Socket Mode")
        if self.slack_bot_token is None:
            raise ConfigError("SLACK_BOT_TOKEN is not set: the bot token (xoxb-...) is needed to answer in Slack")


def _describe(error: ValidationError) -> str:
    """One line naming every bad variable, never echoing its value (it may be a secret)."""
    parts = []
    for item in error.errors(include_input=False, include_url=False):
        name = str(item["loc"][0]).upper() if item["loc"] else "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        parts.append(f"{name}: {message}")
    return "invalid setting " + "; ".join(parts)


def load_settings(**overrides: object) -> Settings:
    """Read the settings; `ConfigError` with one line when something is missing or malformed."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ConfigError(_describe(error)) from None
