"""The buttons under a question the bot asked back: pressing one answers that reading, for that user only."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.answer import CLARIFY_ACTION
from bot.conversations import conversation_key
from bot.listeners.replies import reply_for, safe_lang
from bot import notices
from bot.services import Services

__all__ = ["register", "reading_chosen"]


def register(app: App) -> None:
    app.action(re.compile(rf"^{CLARIFY_ACTION}_\d+$"))(reading_chosen)


def reading_chosen(ack: Ack, body: dict[str, Any], respond: Respond, services: Services, logger: logging.Logger) -> None:
    """Answer the chosen reading ephemerally, in the thread the question was asked in."""
    ack()
    user_id = (body.get("user") or {}).get("id") or ""
    channel_id = (body.get("channel") or {}).get("id")
    container = body.get("container") or {}
    thread_ts = container.get("thread_ts") or (body.get("message") or {}).get("thread_ts")
    action = (body.get("actions") or [{}])[0]
    reading = str(action.get("value") or "")
    try:
        out = reply_for(reading, user_id, services, channel_id, conversation=conversation_key(channel_id, thread_ts))
    except Exception:
        logger.exception("answering a chosen reading failed")
        respond(text=notices.apology(safe_lang(user_id, services)), response_type="ephemeral", replace_original=False)
        return
    respond(text=out.text, blocks=out.blocks or None, response_type="ephemeral", replace_original=False, thread_ts=thread_ts)
