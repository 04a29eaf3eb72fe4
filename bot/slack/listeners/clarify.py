"""The buttons under a question the bot asked back: pressing one answers that reading, for that user only.

Each button carries what it prices (the reading, a whole question) and who asked (`replies.own_buttons`),
so a press never reads a shared conversation: in a channel, under a slash command's private reply,
anyone else's press is answered for them alone and changes nothing of the asker's. Only the
asker's own press in a thread or DM becomes that conversation's last question (for follow-ups).
"""

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
from bot.slack.listeners.replies import pressed, reply_for, safe_lang
from bot.store.conversations import conversation_key

__all__ = ["register", "reading_chosen"]


def register(app: AsyncApp) -> None:
    app.action(re.compile(rf"^{CLARIFY_ACTION}_\d+$"))(reading_chosen)


async def reading_chosen(
    ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services, logger: logging.Logger
) -> None:
    """Ack at once (the HTTP response waits for this listener); answer as a background task."""
    await ack()
    services.events.spawn(answer_reading(body, respond, services, logger))


async def answer_reading(body: dict[str, Any], respond: AsyncRespond, services: Services, logger: logging.Logger) -> None:
    """Answer the chosen reading ephemerally, in the thread the question was asked in."""
    user_id = (body.get("user") or {}).get("id") or ""
    channel_id = (body.get("channel") or {}).get("id")
    container = body.get("container") or {}
    thread_ts = container.get("thread_ts") or (body.get("message") or {}).get("thread_ts")
    action = (body.get("actions") or [{}])[0]
    reading, asker = pressed(str(action.get("value") or ""))
    # The asker's own press in a thread or DM is a turn of it; anything else (someone else's press,
    # a slash command's private reply, whose only "conversation" is the whole channel) is not.
    is_ephemeral = bool(container.get("is_ephemeral")) or (thread_ts is None and not str(channel_id or "").startswith("D"))
    own_turn = asker is not None and asker == user_id and not is_ephemeral
    conversation = conversation_key(channel_id, thread_ts) if own_turn else None
    try:
        out = await reply_for(reading, user_id, services, channel_id, conversation=conversation, follow=False)
    except Exception:
        logger.exception("answering a chosen reading failed")
        apology = notices.apology(await safe_lang(user_id, services))
        await respond(text=apology, response_type="ephemeral", replace_original=False)
        return
    await respond(
        text=out.text, blocks=out.blocks or None, response_type="ephemeral", replace_original=False, thread_ts=thread_ts
    )
