"""Shared by the event listeners: who counts as a person, answering a message once, posting safely."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from slack_bolt.context.ack.async_ack import AsyncAck
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.answers import notices
from bot.slack.context import Services
from bot.slack.listeners.replies import Outgoing, reply_for, safe_lang
from bot.slack.web_api import TRANSPORT_ERRORS
from bot.store.conversations import conversation_key

__all__ = ["after_ack", "answer_in_conversation", "claim_message", "is_from_a_person", "once", "post_reply"]

#: Message subtypes that are still a person talking; everything else (edits, joins, bot posts) is not.
_PERSON_SUBTYPES = frozenset({None, "thread_broadcast", "file_share"})


def is_from_a_person(event: Any) -> bool:
    """False for bots (this one included), system messages, edits, and anything not shaped like Slack's.

    The fields are checked for type too: a signed but malformed event must be ignored, not crash.
    """
    return (
        isinstance(event, dict)
        and not event.get("bot_id")
        and event.get("subtype") in _PERSON_SUBTYPES
        and _non_empty_text(event.get("user"))
        and _non_empty_text(event.get("ts"))
        and _non_empty_text(event.get("channel"))
        and isinstance(event.get("text", ""), str)
    )


def _non_empty_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value)


async def claim_message(event: dict[str, Any], services: Services) -> bool:
    """True for the first listener, on any instance, to take this message on.

    A mention in a channel arrives twice (`app_mention` and `message.channels`, with different event
    ids); keying on channel and ts makes whichever comes first the only one to answer.
    """
    return await services.claims.first(f"message:{event.get('channel')}:{event.get('ts')}")


async def once(services: Services, event_id: Any, work: Coroutine[Any, Any, None]) -> None:
    """Run ``work`` unless this event id was taken on already (Slack's retry of a delivery).

    Claimed here, after the ack, never before it: a slow database must not delay Slack's deadline.
    """
    if isinstance(event_id, str) and event_id and not await services.claims.first(event_id):
        work.close()
        return
    await work


async def post_reply(
    client: AsyncWebClient,
    services: Services,
    logger: logging.Logger,
    *,
    channel: str,
    user_id: str,
    thread_ts: str | None,
    make: Callable[[], Awaitable[Outgoing]],
    is_dm: bool = False,
) -> None:
    """Build the reply with ``make`` and post it; on an unexpected error, log it and apologise."""
    try:
        out = await make()
    except Exception:
        logger.exception("building a reply in %s failed", channel)
        out = Outgoing(text=notices.apology(await safe_lang(user_id, services)))
    try:
        if out.personal and not is_dm:
            await client.chat_postEphemeral(channel=channel, user=user_id, text=out.text, thread_ts=thread_ts)
        else:
            await client.chat_postMessage(
                channel=channel,
                thread_ts=thread_ts,
                text=out.text,
                blocks=out.blocks or None,
                unfurl_links=False,
                unfurl_media=False,
            )
    except SlackApiError as error:
        # e.g. not_in_channel or is_archived: nothing to tell the user, the operator needs to know.
        logger.warning("posting in %s failed: %s", channel, error.response.get("error"))
    except TRANSPORT_ERRORS as error:
        # The client already retried connection errors, 429 and 5xx; give up on this one reply.
        logger.warning("posting in %s failed: %s", channel, type(error).__name__)


async def answer_in_conversation(
    question: str,
    event: dict[str, Any],
    client: AsyncWebClient,
    services: Services,
    logger: logging.Logger,
    *,
    thread_ts: str | None,
    is_dm: bool = False,
) -> None:
    """Answer ``question`` from ``event``'s author where it was asked (``thread_ts``), as a turn of
    that thread or DM: a follow-up there re-prices the last question (`bot.store.conversations`)."""
    channel = event["channel"]
    await post_reply(
        client,
        services,
        logger,
        channel=channel,
        user_id=event["user"],
        thread_ts=thread_ts,
        make=lambda: reply_for(question, event["user"], services, channel, conversation=conversation_key(channel, thread_ts)),
        is_dm=is_dm,
    )


Answering = Callable[[dict[str, Any], AsyncWebClient, Services, logging.Logger], Coroutine[Any, Any, None]]


def after_ack(answer: Answering) -> Callable[..., Awaitable[None]]:
    """A listener that acks at once and runs ``answer`` as a background task (Web API calls take time)."""

    async def listener(
        ack: AsyncAck,
        body: dict[str, Any],
        event: dict[str, Any],
        client: AsyncWebClient,
        services: Services,
        logger: logging.Logger,
    ) -> None:
        await ack()
        services.events.spawn(once(services, body.get("event_id"), answer(event, client, services, logger)))

    listener.__name__ = f"on_{answer.__name__}"
    return listener
