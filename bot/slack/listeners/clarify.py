"""The buttons under a question the bot asked back: pressing one answers that reading, for that user only."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.answers import notices
from bot.answers.answerer import CLARIFY_ACTION
from bot.slack.context import Services
from bot.slack.listeners.replies import reply_for, safe_lang
from bot.store.conversations import conversation_key

__all__ = ["register", "reading_chosen"]


def register(app: AsyncApp) -> None:
    app.action(re.compile(rf"^{CLARIFY_ACTION}_\d+$"))(reading_chosen)


async def reading_chosen(
    ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services, logger: logging.Logger
) -> None:
    """Answer the chosen reading ephemerally, in the thread the question was asked in."""
    await ack()
    user_id = (body.get("user") or {}).get("id") or ""
    channel_id = (body.get("channel") or {}).get("id")
    container = body.get("container") or {}
    thread_ts = container.get("thread_ts") or (body.get("message") or {}).get("thread_ts")
    action = (body.get("actions") or [{}])[0]
    reading = str(action.get("value") or "")
    try:
        out = await reply_for(reading, user_id, services, channel_id, conversation=conversation_key(channel_id, thread_ts))
    except Exception:
        logger.exception("answering a chosen reading failed")
        apology = notices.apology(await safe_lang(user_id, services))
        await respond(text=apology, response_type="ephemeral", replace_original=False)
        return
    await respond(
        text=out.text, blocks=out.blocks or None, response_type="ephemeral", replace_original=False, thread_ts=thread_ts
    )
