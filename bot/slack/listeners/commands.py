"""`/gemini-cost`: answered inline, in the acknowledgement itself (the answer computed under its budget)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck

from bot.answers import notices
from bot.slack.context import Services
from bot.slack.listeners.replies import reply_for, safe_lang

__all__ = ["COMMAND", "answer_command", "register"]

COMMAND = "/gemini-cost"


def register(app: AsyncApp) -> None:
    app.command(COMMAND)(answer_command)


async def answer_command(ack: AsyncAck, command: dict[str, Any], services: Services, logger: logging.Logger) -> None:
    """Answer the query in the ack: the engine is pure and fast, so no response_url round trip.

    The answer is ephemeral unless the query asked for `public` (`公开`).
    """
    user_id = command.get("user_id")
    try:
        out = await reply_for(command.get("text") or "", user_id, services, command.get("channel_id"))
    except Exception:
        logger.exception("answering %s failed", COMMAND)
        await ack(text=notices.apology(await safe_lang(user_id, services)), response_type="ephemeral")
        return
    response_type = "in_channel" if out.public and not out.personal else "ephemeral"
    await ack(text=out.text, blocks=out.blocks or None, response_type=response_type)
