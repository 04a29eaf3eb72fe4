"""What every admin subcommand shares: who asks and where (`AdminContext`), what it answers (`AdminReply`),
and the one path by which a change is saved and announced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.admin import render as render_admin
from bot.answers.render import Doc, to_slack
from bot.store.card_versions import Change, RateStore
from bot.text.i18n import Translator, translator
from pricing import RateCard

__all__ = ["AdminContext", "AdminReply", "announce_change", "as_reply", "save_change"]


@dataclass(frozen=True)
class AdminContext:
    """Who asks, where, and what they may touch."""

    user_id: str
    channel_id: str | None
    lang: str
    is_admin: bool
    store: RateStore
    refresh: Callable[[], None]  # makes this instance see its own change at once
    today: dt.date


@dataclass(frozen=True)
class AdminReply:
    """What to answer the admin, and (for a change) the announcement for the audit channel."""

    text: str
    blocks: list[dict[str, Any]]
    announcement: tuple[str, list[dict[str, Any]]] | None = None
    changed: bool = False
    json_text: str | None = field(default=None, repr=False)


def as_reply(doc: Doc) -> AdminReply:
    text, blocks = to_slack(doc)
    return AdminReply(text, blocks)


def save_change(ctx: AdminContext, t: Translator, action: str, edit: Callable[[RateCard], RateCard]) -> AdminReply:
    change = ctx.store.change(edit, user_id=ctx.user_id, channel_id=ctx.channel_id, action=action)
    return announce_change(ctx, t, change)


def announce_change(ctx: AdminContext, t: Translator, change: Change) -> AdminReply:
    ctx.refresh()
    doc = render_admin.change_done(t, change, ctx.user_id)
    text, blocks = to_slack(doc)
    # The audit channel reads in the workspace's default language (English catalogs are the source).
    announcement = to_slack(render_admin.change_done(translator("en"), change, ctx.user_id))
    return AdminReply(text, blocks, announcement=announcement, changed=True)
