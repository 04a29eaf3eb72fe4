"""Message events: direct messages, and (when enabled) clear pricing questions in channels."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.context import Services
from bot.slack.listeners.delivery import (
    after_ack,
    answer_in_conversation,
    claim_message,
    is_from_a_person,
    post_reply,
)
from bot.slack.listeners.replies import Outgoing
from bot.slack.workers import TooSlow
from bot.store.conversations import conversation_key
from bot.text.mrkdwn import mentions_user

__all__ = ["THREAD_COOLDOWN", "answer_channel_message", "answer_channel_question", "answer_dm", "register"]

#: An unprompted answer in a thread silences the bot there for this long (people are talking).
THREAD_COOLDOWN = dt.timedelta(minutes=10)


def register(app: AsyncApp) -> None:
    app.event("message", matchers=[is_dm])(after_ack(answer_dm))
    app.event("message", matchers=[is_channel_message])(after_ack(answer_channel_message))
    # Every other message event (edits, bots, chatter, channel questions switched off) is only
    # acknowledged: an unhandled event would get a 404, and Slack would retry it.
    app.event("message")(acknowledge)


async def acknowledge(ack: AsyncAck) -> None:
    await ack()


async def is_dm(event: dict[str, Any]) -> bool:
    return event.get("channel_type") == "im" and is_from_a_person(event)


async def is_channel_message(event: dict[str, Any], context: AsyncBoltContext, services: Services) -> bool:
    """A person's channel message without a mention (app_mention answers those) that may need an
    answer: a thread reply (a follow-up?) or, with CHANNEL_QUESTIONS, any message (a question?).

    Only the event's shape is checked here, before the ack: reading the text (a parse, a database
    look-up) happens after it, in `answer_channel_message`, so a long message never delays an ack.
    """
    return (
        is_from_a_person(event)
        and event.get("channel_type") in ("channel", "group")
        and (bool(event.get("thread_ts")) or services.settings.channel_questions)
        and not mentions_user(event.get("text") or "", context.bot_user_id)
    )


async def answer_channel_message(
    event: dict[str, Any], client: AsyncWebClient, services: Services, logger: logging.Logger
) -> None:
    """A thread reply that changes the thread's last question is re-priced; else, with
    CHANNEL_QUESTIONS, a clear pricing question gets an answer; anything else is left alone."""
    text = event.get("text") or ""
    if event.get("thread_ts") and services.answerer.is_follow_up(text) and await _thread_has_question(event, services):
        await answer_thread_follow_up(event, client, services, logger)
    elif services.settings.channel_questions and services.answerer.looks_like_pricing_question(text):
        await answer_channel_question(event, client, services, logger)


async def _thread_has_question(event: dict[str, Any], services: Services) -> bool:
    key = conversation_key(event.get("channel"), event.get("thread_ts"))
    try:
        return await services.blocking.run(services.conversations.last, key) is not None
    except TooSlow:
        return False  # the database is not answering: nothing to follow up, and chatter stays unanswered


async def answer_thread_follow_up(
    event: dict[str, Any], client: AsyncWebClient, services: Services, logger: logging.Logger
) -> None:
    """Re-price the thread's last question with the change the reply asks for, in the thread."""
    if not await claim_message(event, services):
        return
    await answer_in_conversation(event.get("text") or "", event, client, services, logger, thread_ts=event["thread_ts"])


async def answer_dm(event: dict[str, Any], client: AsyncWebClient, services: Services, logger: logging.Logger) -> None:
    """Answer a direct message in the DM (in its thread when the user wrote in one)."""
    if not await claim_message(event, services):
        return
    await answer_in_conversation(
        event.get("text") or "", event, client, services, logger, thread_ts=event.get("thread_ts"), is_dm=True
    )


async def answer_channel_question(
    event: dict[str, Any], client: AsyncWebClient, services: Services, logger: logging.Logger
) -> None:
    """Answer an unprompted pricing question in a thread, at most once per thread per cooldown."""
    if not await claim_message(event, services):
        return
    thread_ts = event.get("thread_ts") or event["ts"]
    lang = await services.languages.lang_for(event["user"])
    reply = await services.answer(event.get("text") or "", lang)
    # Nobody asked the bot: an error reply to chatter that only looked like a question is noise.
    if not reply.ok:
        return
    try:
        if not await services.blocking.run(services.store.claim_thread, event["channel"], thread_ts, THREAD_COOLDOWN):
            return
        # a follow-up in this thread ("what about 2.5 flash?") re-prices what was answered here
        key = conversation_key(event["channel"], thread_ts)
        await services.blocking.run(services.conversations.remember, key, reply.reading)
    except TooSlow:
        return  # unprompted answers are optional: with the database not answering, stay quiet

    async def answered() -> Outgoing:
        return Outgoing(text=reply.text, blocks=list(reply.blocks))

    await post_reply(
        client,
        services,
        logger,
        channel=event["channel"],
        user_id=event["user"],
        thread_ts=thread_ts,
        make=answered,
    )
