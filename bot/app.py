"""Builds the Bolt app from settings: Web API clients, store, answerer, middleware and listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Executor
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltResponse
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.http_retry import (
    ConnectionErrorRetryHandler,
    HttpRequest,
    HttpResponse,
    RateLimitErrorRetryHandler,
    RetryHandler,
    RetryState,
)

from bot import listeners
from bot.cardcache import CardCache
from bot.locale_resolver import LocaleResolver
from bot.migrate import SchemaMismatch
from bot.permissions import AdminPolicy
from bot.ratestore import DatabaseUnavailable, RateStore  # imported before create_schema: its tables too
from bot.services import Services
from bot.settings import ConfigError, Settings
from bot.slack_users import SlackUsers
from bot.store import Store
from bot.price_updates import PriceUpdater
from bot.workers import BoundedExecutor
from pricing import PriceBook, load_card

if TYPE_CHECKING:
    from bot.answer import Answerer

__all__ = ["build_answerer", "build_web_client", "create_app", "services_of"]

logger = logging.getLogger(__name__)

#: Seconds a Web API call may take off the request path (posting answers, publishing App Home).
WEB_API_TIMEOUT = 10
#: Threads that run event work (users.info, chat.postMessage) after the ack, and how many events may
#: wait for one (a burst beyond that is dropped with an error in the log, not queued without end).
EVENT_WORKERS = 8
EVENT_QUEUE = 1000
#: Audit announcements have their own threads: a burst of answers must not hold up an admin change's post.
ANNOUNCE_WORKERS = 2
ANNOUNCE_QUEUE = 100


class AnyServerErrorRetryHandler(RetryHandler):
    """Retries every 5xx: slack_sdk's own handler stops at 500 and 503, but proxies answer 502 and 504."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and 500 <= response.status_code <= 599


def build_web_client(settings: Settings, *, timeout: float = WEB_API_TIMEOUT, retries: bool = True) -> WebClient:
    """A Web API client for ``SLACK_API_URL``; with ``retries``, 429s, 5xx and dropped connections retried."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    handlers: list[RetryHandler] = []
    if retries:
        handlers = [
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=2),
            AnyServerErrorRetryHandler(max_retry_count=2),
        ]
    # urllib takes fractional timeouts; slack_sdk only annotates the parameter as int.
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=timeout,  # type: ignore[arg-type]
        retry_handlers=handlers,
    )


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
    client: WebClient | None = None,
    locale_client: WebClient | None = None,
    listener_executor: Executor | None = None,
) -> App:
    """The whole bot as a Bolt app; tests and the offline shell pass their own clients or executor.

    ``process_before_response=True``: a slash command is answered in its ack, inside the request
    (Bolt's default would hand it to a thread and poll for the ack: ~20x slower). Events ack at once
    and do their Web API work in lazy listeners on ``listener_executor``.
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
    cards = CardCache(rates, PriceBook(seed), interval=settings.card_refresh_seconds)
    cards.start()
    if answerer is None:
        answerer = build_answerer(settings, cards.book, card_edited=cards.version > 1)
    default_model = getattr(answerer, "default_model", None)  # tests may pass a stand-in answerer
    if default_model is not None:
        # Every write is checked against it: no admin edit, import, undo or rollback may remove it.
        rates.required_models = frozenset({default_model})
    client = client or build_web_client(settings)
    # users.info runs inside a slash command's 3 seconds: a short timeout and no retries.
    locale_client = locale_client or build_web_client(settings, timeout=settings.locale_timeout, retries=False)
    executor = listener_executor or BoundedExecutor(EVENT_WORKERS, EVENT_QUEUE, "slack-events")
    # Tests and the offline shell pass one executor for everything (the shell's runs work inline).
    announce_executor = listener_executor or BoundedExecutor(ANNOUNCE_WORKERS, ANNOUNCE_QUEUE, "audit-announcements")
    # One users.info per user serves both the language and the admin check (a slash command has 3 s).
    users = SlackUsers(locale_client)
    services = Services(
        answerer=answerer,
        store=store,
        languages=LocaleResolver(users, store, settings.default_lang),
        settings=settings,
        rates=rates,
        cards=cards,
        admins=AdminPolicy(
            settings.admin_user_ids,
            users=users,
            include_workspace_admins=settings.workspace_admins_are_admins,
        ),
        announce=_announcer(client, announce_executor, settings.audit_channel),
    )
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    try:
        app = App(
            client=client,
            signing_secret=secret,
            process_before_response=True,
            listener_executor=executor,
        )
    except BoltError as error:
        # Bolt checks the token with auth.test at start: say which setting is wrong, in one line.
        raise ConfigError(f"SLACK_BOT_TOKEN was not accepted by Slack ({_short(error)})") from None
    except (SlackClientError, OSError) as error:
        raise ConfigError(f"SLACK_API_URL: could not reach Slack to check the token ({type(error).__name__})") from None
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
    app.use(_provide(services))
    app.use(_skip_handled_events)
    app.error(_log_error)
    listeners.register(app)
    return app


def _announcer(client: WebClient, executor: Executor, channel: str | None) -> Callable[[str, list[dict[str, Any]]], None] | None:
    """Posts admin changes to AUDIT_CHANNEL on ``executor`` (their own threads), so no slash command waits on it."""
    if channel is None:
        return None

    def post(text: str, blocks: list[dict[str, Any]]) -> None:
        try:
            client.chat_postMessage(channel=channel, text=text, blocks=blocks or None, unfurl_links=False)
        except (SlackClientError, OSError) as error:
            logger.warning("announcing a rate change in %s failed: %s", channel, type(error).__name__)

    def announce(text: str, blocks: list[dict[str, Any]]) -> None:
        executor.submit(post, text, blocks)

    return announce


def services_of(app: App) -> Services:
    """The services a `create_app` app hands its listeners (for entry points and tests)."""
    return app._gemini_services  # type: ignore[attr-defined, no-any-return]


def _provide(services: Services) -> Callable[..., Any]:
    def provide_services(context: dict[str, Any], next: Callable[[], None]) -> None:
        """Put the shared services in the context, where Bolt injects them into listeners by name."""
        context["services"] = services
        next()

    return provide_services


def _skip_handled_events(body: dict[str, Any], services: Services, next: Callable[[], None]) -> BoltResponse | None:
    """Ack without handling an event that some instance already took on (Slack's retries)."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if event_id and not services.store.claim_event(str(event_id)):
        return BoltResponse(status=200, body="")
    next()
    return None


def _log_error(error: Exception, logger: logging.Logger) -> BoltResponse:
    """Whatever escaped a listener: logged with its traceback, and acked with 200.

    A 500 would make Slack retry the same event, which fails the same way; the user already got an
    apology where one could be given.
    """
    logger.error("unhandled error in a listener", exc_info=error)
    return BoltResponse(status=200, body="")


def _short(error: BoltError) -> str:
    text = str(error)
    for word in ("invalid_auth", "not_authed", "account_inactive", "token_revoked"):
        if word in text:
            return word
    return "auth.test failed"
