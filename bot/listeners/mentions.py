"""`app_mention`: answered in the thread of the mention, off the request path."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.listeners.delivery import answer_in_conversation, claim_message, is_from_a_person
from bot.services import Services
from bot.slack_text import strip_bot_mention

__all__ = ["answer_mention", "register"]


def register(app: App) -> None:
    app.event("app_mention")(ack=acknowledge, lazy=[answer_mention])


def acknowledge(ack: Ack) -> None:
    """Ack at once; the answer needs Web API calls, which must not delay Slack's 3-second deadline."""
    ack()


def answer_mention(
    event: dict[str, Any], client: WebClient, context: BoltContext, services: Services, logger: logging.Logger
) -> None:
    """Answer `@bot <question>` in its thread (a new thread under the mention when it has none)."""
    if not is_from_a_person(event) or not claim_message(event, services):
        return
    question = strip_bot_mention(event.get("text") or "", context.bot_user_id)
    answer_in_conversation(question, event, client, services, logger, thread_ts=event.get("thread_ts") or event["ts"])
