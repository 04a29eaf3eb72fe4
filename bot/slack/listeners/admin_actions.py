"""The Apply / Cancel buttons under a sync proposal: acked at once, then the work as a background task.

The proposal message is shared (an admin's `admin sync`, or the daily check's post in AUDIT_CHANNEL):
only an admin's Apply that saved, or an admin's Cancel, replaces it for everyone. A refusal (not an
admin, a card changed since, a database not answering) is said to the presser alone, ephemerally,
and the proposal stays for the admins.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_bolt.context.ack.async_ack import AsyncAck
from slack_bolt.context.respond.async_respond import AsyncRespond

from bot.admin import render as render_admin
from bot.admin.commands import SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION, apply_sync
from bot.answers.render import to_slack
from bot.slack.context import Services
from bot.slack.listeners.replies import ADMIN_BUDGET, admin_context, admin_too_slow
from bot.slack.workers import TooSlow
from bot.text.i18n import translator

__all__ = ["register"]


def register(app: AsyncApp) -> None:
    app.action(SYNC_APPLY_ACTION)(apply_clicked)
    app.action(SYNC_CANCEL_ACTION)(cancel_clicked)


def _presser(body: dict[str, Any]) -> tuple[str, str | None, dict[str, Any]]:
    """(who pressed, in which channel, the button's action)."""
    return (body.get("user") or {}).get("id") or "", (body.get("channel") or {}).get("id"), (body.get("actions") or [{}])[0]


async def apply_clicked(
    ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services, logger: logging.Logger
) -> None:
    await ack()  # the HTTP response waits for this listener: the work goes after it
    services.events.spawn(apply_proposal(body, respond, services))


async def apply_proposal(body: dict[str, Any], respond: AsyncRespond, services: Services) -> None:
    user_id, channel_id, action = _presser(body)
    lang = await services.languages.lang_for(user_id)
    context = await admin_context(user_id, channel_id, lang, services)
    try:
        result = await services.blocking.writing(ADMIN_BUDGET, apply_sync, context, str(action.get("value") or ""))
    except TooSlow as slow:
        out = admin_too_slow(lang, slow)
        await respond(text=out.text, blocks=out.blocks, replace_original=False, response_type="ephemeral")
        return
    if not result.changed:
        await respond(text=result.text, blocks=result.blocks, replace_original=False, response_type="ephemeral")
        return
    if result.announcement is not None and services.announce is not None:
        services.announce(*result.announcement)
    await respond(text=result.text, blocks=result.blocks, replace_original=True, response_type="ephemeral")


async def cancel_clicked(ack: AsyncAck, body: dict[str, Any], respond: AsyncRespond, services: Services) -> None:
    await ack()
    services.events.spawn(cancel_proposal(body, respond, services))


async def cancel_proposal(body: dict[str, Any], respond: AsyncRespond, services: Services) -> None:
    user_id, _, _ = _presser(body)
    t = translator(await services.languages.lang_for(user_id))
    if not await services.admins.is_admin(user_id):
        text, blocks = to_slack(render_admin.refusal(t))
        await respond(text=text, blocks=blocks, replace_original=False, response_type="ephemeral")
        return
    await respond(text=t.gettext("Sync cancelled: nothing was changed."), replace_original=True, response_type="ephemeral")
