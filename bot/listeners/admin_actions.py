"""The Apply / Cancel buttons under `admin sync`: acked at once, the change made, the message replaced."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.admin import SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION, apply_sync
from bot.i18n import translator
from bot.listeners.replies import admin_context
from bot.services import Services

__all__ = ["register"]


def register(app: App) -> None:
    app.action(SYNC_APPLY_ACTION)(apply_clicked)
    app.action(SYNC_CANCEL_ACTION)(cancel_clicked)


def apply_clicked(ack: Ack, body: dict[str, Any], respond: Respond, services: Services, logger: logging.Logger) -> None:
    ack()
    user_id = (body.get("user") or {}).get("id") or ""
    channel_id = (body.get("channel") or {}).get("id")
    action = (body.get("actions") or [{}])[0]
    lang = services.languages.lang_for(user_id)
    try:
        seen_version = int(action.get("value") or "")
    except ValueError:
        logger.warning("sync apply with a malformed version %r", action.get("value"))
        return
    result = apply_sync(admin_context(user_id, channel_id, lang, services), seen_version)
    if result.announcement is not None and services.announce is not None:
        services.announce(*result.announcement)
    respond(text=result.text, blocks=result.blocks, replace_original=True, response_type="ephemeral")


def cancel_clicked(ack: Ack, body: dict[str, Any], respond: Respond, services: Services) -> None:
    ack()
    user_id = (body.get("user") or {}).get("id") or ""
    t = translator(services.languages.lang_for(user_id))
    respond(text=t.gettext("Sync cancelled: nothing was changed."), replace_original=True, response_type="ephemeral")
