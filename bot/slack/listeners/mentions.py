"""`app_mention`: acked at once, answered in the thread of the mention as a background task."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.async_context import AsyncBoltContext
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.context import Services
from bot.slack.listeners.delivery import (
    answer_in_conversation,
    claim_message,
    is_from_a_person,
    once,
)
from bot.text.mrkdwn import strip_bot_mention

__all__ = ["answer_mention", "register"]


def register(app: AsyncApp) -> None:
    app.event("app_mention")(mentioned)


async def mentioned(
    ack: AsyncAck,
    body: dict[str, Any],
    event: dict[str, Any],
    client: AsyncWebClient,
    context: AsyncBoltContext,
    services: Services,
    logger: logging.Logger,
) -> None:
    """Ack at once; the answer needs Web API calls, which must not delay Slack's 3-second deadline."""
    await ack()
    services.events.spawn(once(services, body.get("event_id"), answer_mention(event, client, context.bot_user_id, services, logger)))


async def answer_mention(
    event: dict[str, Any], client: AsyncWebClient, bot_user_id: str | None, services: Services, logger: logging.Logger
) -> None:
    """Answer `@bot <question>` in its thread (a new thread under the mention when it has none)."""
    if not is_from_a_person(event) or not await claim_message(event, services):
        return
    question = strip_bot_mention(event.get("text") or "", bot_user_id)
    await answer_in_conversation(
        question, event, client, services, logger, thread_ts=event.get("thread_ts") or event["ts"]
    )
