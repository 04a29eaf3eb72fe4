"""The Apply / Cancel buttons under `admin sync`: acked at once, the change made, the message replaced."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.admin.commands import SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION, apply_sync
from bot.slack.context import Services
from bot.slack.listeners.replies import admin_context
from bot.text.i18n import translator

__all__ = ["register"]


def register(app: AsyncApp) -> None:
    app.action(SYNC_APPLY_ACTION)(apply_clicked)
    app.action(SYNC_CANCEL_ACTION)(cancel_clicked)


async def apply_clicked(
    ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services, logger: logging.Logger
) -> None:
    await ack()
    user_id = (body.get("user") or {}).get("id") or ""
    channel_id = (body.get("channel") or {}).get("id")
    action = (body.get("actions") or [{}])[0]
    lang = await services.languages.lang_for(user_id)
    try:
        seen_version = int(action.get("value") or "")
    except ValueError:
        logger.warning("sync apply with a malformed version %r", action.get("value"))
        return
    context = await admin_context(user_id, channel_id, lang, services)
    result = await services.blocking.run(apply_sync, context, seen_version)
    if result.announcement is not None and services.announce is not None:
        services.announce(*result.announcement)
    await respond(text=result.text, blocks=result.blocks, replace_original=True, response_type="ephemeral")


async def cancel_clicked(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services) -> None:
    await ack()
    user_id = (body.get("user") or {}).get("id") or ""
    t = translator(await services.languages.lang_for(user_id))
    await respond(text=t.gettext("Sync cancelled: nothing was changed."), replace_original=True, response_type="ephemeral")
