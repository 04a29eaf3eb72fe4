"""The composition root: builds every service from `Settings` (clients and their retry policy, store,
card cache, answerer, admin policy, task pools) and the apps the entry points serve.

Everything below it is handed what it needs; nothing below imports it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from starlette.applications import Starlette

from bot.admin.price_updates import PriceUpdater
from bot.answers.answerer import Answerer
from bot.logs import configure_logging
from bot.settings import ConfigError, Settings, load_settings
from bot.slack.app import assemble_app
from bot.slack.context import Services
from bot.slack.languages import LocaleResolver
from bot.slack.permissions import AdminPolicy
from bot.slack.users import SlackUsers
from bot.slack.web import asgi_app
from bot.slack.web_api import TRANSPORT_ERRORS, build_async_web_client, build_web_client, check_at_start
from bot.slack.workers import BackgroundTasks, BlockingCalls
from bot.store.card_cache import CardCache
from bot.store.card_versions import DatabaseUnavailable, RateStore
from bot.store.database import Store
from bot.store.migrate import SchemaMismatch
from pricing import PriceBook, PricingError, load_card
from pricing.query import load_word_tables

__all__ = ["app_from_env", "build_answerer", "create_app", "create_web_app"]

logger = logging.getLogger(__name__)

#: Event work (users.info, chat.postMessage) after the ack: this many at once, and at most
#: EVENT_BACKLOG running or waiting (a burst beyond that is dropped with an error in the log).
EVENT_CONCURRENCY = 32
EVENT_BACKLOG = 1000
#: Audit announcements have their own pool: a burst of answers must not hold up an admin change's post.
ANNOUNCE_CONCURRENCY = 2
ANNOUNCE_BACKLOG = 100
#: Threads for database calls; SQLAlchemy's pool holds 5 (+10 overflow) connections per engine.
DATABASE_THREADS = 8
#: Seconds one answer may take before the asker is told to ask a shorter question (Slack waits 3 s).
ANSWER_BUDGET = 2.0
#: Answers computed at once; more wait their turn (they are CPU: more threads would not be faster).
ANSWER_THREADS = 4


def build_answerer(
    settings: Settings, book: PriceBook | Callable[[], PriceBook] | None = None, *, card_edited: bool = False
) -> Answerer:
    """The Answerer over ``book`` (default: the shipped card).

    `ConfigError` when DEFAULT_MODEL is not on the card and the card is the shipped one (a typo). When
    admins have edited the card (``card_edited``) it may have lost the model since: that is no reason
    to stay down, so answers fall back to the card's own default and the log says so loudly.
    """
    source = book if book is not None else PriceBook(load_card())
    current = source() if callable(source) else source
    default_model = None
    if settings.default_model is not None:
        try:
            default_model = current.resolve(settings.default_model).id
        except PricingError:
            if not card_edited:
                raise ConfigError(f"DEFAULT_MODEL: {settings.default_model!r} is not on the rate card") from None
            logger.error(
                "DEFAULT_MODEL %r is not on the stored rate card: answering with the card's default %s instead. "
                "Put the model back (admin rollback / add-model) or change DEFAULT_MODEL.",
                settings.default_model, current.card.default_model,
            )  # fmt: skip
    load_word_tables()  # before the first answer: its budget (ANSWER_BUDGET) is for reading, not for loading a dictionary
    return Answerer(source, fx=settings.usd_cny, default_model=default_model)


def create_app(
    settings: Settings,
    *,
    answerer: Answerer | None = None,
    store: Store | None = None,
    client: AsyncWebClient | None = None,
    locale_client: AsyncWebClient | None = None,
    signatures_checked_upstream: bool = False,
) -> AsyncApp:
    """The whole bot as an async Bolt app; tests and the offline shell pass their own clients.

    Built before the event loop runs (uvicorn's factory, the worker's start-up): the token is
    checked here with one blocking auth.test so a bad one ends start-up in one line. A ``client``
    given by the caller (the offline shell's) answers every request instead of Slack, and is not
    checked. ``signatures_checked_upstream``: see `bot.slack.app.assemble_app`.
    """
    if store is None:
        store = Store.from_url(settings.database_url)
    seed = load_card()
    rates = RateStore(store.engine, seed)
    try:
        rates.ensure_seed()  # the schema migrated to head, then the shipped card as version 1
        upgraded = rates.adopt_seed_variants()  # a card saved by an earlier release: the data's tier prices
        if upgraded is not None:
            logger.info("rate card version %d: Batch, Flex and Priority prices from the data added to the stored card", upgraded.version)
    except SchemaMismatch as error:
        raise ConfigError(f"DATABASE_URL: {error}") from None
    except DatabaseUnavailable:
        # Prices are still answered (from the shipped card); the card cache finishes the set-up
        # by itself when the database is back.
        logger.warning("the database is unreachable at start-up: answering from the shipped rate card meanwhile")
    if client is None:
        _check_token(settings)
    cards = CardCache(rates, PriceBook(seed), interval=settings.card_refresh_seconds)
    cards.start()
    if answerer is None:
        answerer = build_answerer(settings, cards.book, card_edited=cards.version > 1)
    default_model = getattr(answerer, "default_model", None)  # tests may pass a stand-in answerer
    if default_model is not None:
        # Every write is checked against it: no admin edit, import, undo or rollback may remove it.
        rates.required_models = frozenset({default_model})
    fixed_client = client
    client = client or build_async_web_client(settings)
    # users.info runs inside a slash command's 3 seconds: a short timeout and no retries.
    locale_client = locale_client or build_async_web_client(settings, timeout=settings.locale_timeout, retries=False)
    blocking = BlockingCalls(DATABASE_THREADS, "database")
    # One users.info per user serves both the language and the admin check (a slash command has 3 s).
    users = SlackUsers(locale_client)
    announcements = BackgroundTasks(ANNOUNCE_CONCURRENCY, ANNOUNCE_BACKLOG, "audit-announcements")
    services = Services(
        answerer=answerer,
        store=store,
        languages=LocaleResolver(users, store, settings.default_lang, blocking=blocking),
        settings=settings,
        rates=rates,
        cards=cards,
        admins=AdminPolicy(
            settings.admin_user_ids,
            users=users,
            include_workspace_admins=settings.workspace_admins_are_admins,
        ),
        blocking=blocking,
        events=BackgroundTasks(EVENT_CONCURRENCY, EVENT_BACKLOG, "slack-events"),
        announcements=announcements,
        thinking=BlockingCalls(ANSWER_THREADS, "answers", budget=ANSWER_BUDGET),
        announce=_announcer(client, announcements, settings.audit_channel),
    )
    if settings.price_updates == "daily":
        updater = PriceUpdater(
            url=settings.price_updates_url,
            current=rates.current,
            post=services.announce,
            claim=store.claim_event,
            lang=settings.default_lang,
        )
        updater.start()
    return assemble_app(
        services, client=client, fixed_client=fixed_client, signatures_checked_upstream=signatures_checked_upstream
    )


def create_web_app(settings: Settings, **app_kwargs: Any) -> Starlette:
    """The HTTP app serving the Bolt app built from ``settings`` (`ConfigError` when HTTP mode lacks a setting)."""
    settings.require_http()
    assert settings.slack_signing_secret is not None  # require_http checked it
    # Every request's signature is checked by the HTTP app, before its body is parsed: Bolt need not check it again.
    bolt = create_app(settings, signatures_checked_upstream=True, **app_kwargs)
    return asgi_app(bolt, settings.slack_signing_secret.get_secret_value())


def app_from_env() -> Starlette:
    """uvicorn's factory (`uvicorn bot.services:app_from_env --factory`): settings from the environment;
    a bad one ends start-up in one line."""
    configure_logging()
    try:
        return create_web_app(load_settings())
    except ConfigError as error:
        print(f"gemini-cost: {error}", file=sys.stderr, flush=True)
        # SystemExit passes through uvicorn's loader untouched: no traceback, non-zero status.
        raise SystemExit(2) from None


def _check_token(settings: Settings) -> None:
    """auth.test, blocking, at start: a wrong SLACK_BOT_TOKEN or SLACK_API_URL ends start-up in one line."""
    check_at_start(build_web_client(settings).auth_test, token="SLACK_BOT_TOKEN", to="check the token")


def _announcer(
    client: AsyncWebClient, tasks: BackgroundTasks, channel: str | None
) -> Callable[[str, list[dict[str, Any]]], None] | None:
    """Posts admin changes to AUDIT_CHANNEL as ``tasks``, so no slash command waits on it.

    Callable from the loop (an admin command) and from a thread (the daily price updater).
    """
    if channel is None:
        return None

    async def post(text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            await client.chat_postMessage(channel=channel, text=text, blocks=blocks or None, unfurl_links=False)
        except SlackApiError as error:
            logger.warning("announcing a rate change in %s failed: %s", channel, error.response.get("error"))
        except TRANSPORT_ERRORS as error:
            logger.warning("announcing a rate change in %s failed: %s", channel, type(error).__name__)

    def announce(text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # not on the loop: a poller thread
            tasks.spawn_threadsafe(lambda: post(text, blocks))
        else:
            tasks.spawn(post(text, blocks))

    return announce


