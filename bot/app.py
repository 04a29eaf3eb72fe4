"""Builds the async Bolt app from settings: Web API clients, store, answerer, middleware and listeners."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltResponse
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.middleware.async_middleware import AsyncMiddleware
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot import listeners
from bot.cardcache import CardCache
from bot.locale_resolver import LocaleResolver
from bot.migrate import SchemaMismatch
from bot.permissions import AdminPolicy
from bot.price_updates import PriceUpdater
from bot.ratestore import (  # imported before create_schema: its tables too
    DatabaseUnavailable,
    RateStore,
)
from bot.services import Services
from bot.settings import ConfigError, Settings
from bot.slack_users import SlackUsers
from bot.store import Store
from bot.web_api import (
    TRANSPORT_ERRORS,
    build_async_web_client,
    build_web_client,
    check_at_start,
)
from bot.workers import BackgroundTasks, BlockingCalls
from pricing import PriceBook, load_card

if TYPE_CHECKING:
    from bot.answer import Answerer

__all__ = ["build_answerer", "create_app", "services_of", "shut_down", "start_serving"]

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
#: Seconds a shutting-down process gives answers already underway before it cancels them.
SHUTDOWN_GRACE = 20.0


def build_answerer(
    settings: Settings, book: PriceBook | Callable[[], PriceBook] | None = None, *, card_edited: bool = False
) -> Answerer:
    """The Answerer over ``book`` (default: the shipped card).

    `ConfigError` when DEFAULT_MODEL is not on the card and the card is the shipped one (a typo). When
    admins have edited the card (``card_edited``) it may have lost the model since: that is no reason
    to stay down, so answers fall back to the card's own default and the log says so loudly.
    """
    from bot.answer import Answerer
    from pricing import PricingError

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
    checked. ``process_before_response=True``: a slash command is answered in its ack, on the loop;
    events ack at once and do their Web API work as `Services.events` tasks.
    ``signatures_checked_upstream``: the caller verifies every request's signature before dispatch
    (`bot.web` does, before parsing), so Bolt need not compute the same HMAC again.
    """
    if store is None:
        store = Store.from_url(settings.database_url)
    seed = load_card()
    rates = RateStore(store.engine, seed)
    try:
        rates.ensure_seed()  # the schema migrated to head, then the shipped card as version 1
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
        announce=_announcer(client, announcements, settings.audit_channel),
    )
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = AsyncApp(
        client=client,
        signing_secret=secret,
        process_before_response=True,
        request_verification_enabled=not signatures_checked_upstream,
        before_authorize=_use_client(fixed_client) if fixed_client is not None else None,
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
    app._gemini_services = services  # type: ignore[attr-defined]  # for entry points' shutdown
    app.use(_ProvideServices(services))
    app.use(_SkipHandledEvents(services))
    app.error(_log_error)
    listeners.register(app)
    return app


def _check_token(settings: Settings) -> None:
    """auth.test, blocking, at start: a wrong SLACK_BOT_TOKEN or SLACK_API_URL ends start-up in one line."""
    check_at_start(build_web_client(settings).auth_test, token="SLACK_BOT_TOKEN", to="check the token")


def _use_client(client: AsyncWebClient) -> Callable[..., Awaitable[Any]]:
    async def use_fixed_client(context: AsyncBoltContext, next: Callable[[], Awaitable[Any]]) -> Any:
        # Bolt gives each request a fresh client for the app's base URL; the caller's answers instead.
        context["client"] = client
        return await next()

    return use_fixed_client


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


def services_of(app: AsyncApp) -> Services:
    """The services a `create_app` app hands its listeners (for entry points and tests)."""
    return app._gemini_services  # type: ignore[attr-defined, no-any-return]


def start_serving(app: AsyncApp) -> None:
    """Call on the running loop before the first request: threads may then hand it work."""
    services = services_of(app)
    services.events.bind()
    services.announcements.bind()


async def shut_down(app: AsyncApp, grace: float = SHUTDOWN_GRACE) -> None:
    """Finish answers and announcements underway (at most ``grace`` seconds), then release everything."""
    services = services_of(app)
    await asyncio.gather(services.events.drain(grace), services.announcements.drain(grace))
    services.cards.stop()
    services.blocking.shutdown()
    services.store.dispose()


class _ProvideServices(AsyncMiddleware):
    """Put the shared services in the context, where Bolt injects them into listeners by name.

    A middleware class, not a function: Bolt calls it directly, where a function middleware costs a
    round of keyword-argument injection on every request (measured in bench/: a visible share of a
    slash command's time).
    """

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        req.context["services"] = self._services
        return await next()


class _SkipHandledEvents(AsyncMiddleware):
    """Ack without handling an event that some instance already took on (Slack's retries)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    async def async_process(
        self, *, req: AsyncBoltRequest, resp: BoltResponse, next: Callable[[], Awaitable[BoltResponse]]
    ) -> BoltResponse:
        body = req.body
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            store = self._services.store
            if not await self._services.blocking.run(store.claim_event, str(event_id)):
                return BoltResponse(status=200, body="")
        return await next()


async def _log_error(error: Exception, logger: logging.Logger) -> BoltResponse:
    """Whatever escaped a listener: logged with its traceback, and acked with 200.

    A 500 would make Slack retry the same event, which fails the same way; the user already got an
    apology where one could be given.
    """
    logger.error("unhandled error in a listener", exc_info=error)
    return BoltResponse(status=200, body="")
