"""What the bot says to what a user typed: a language command, or a question for the Answerer."""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.admin import render as render_admin
from bot.admin.commands import is_admin_command, run_admin
from bot.admin.context import AdminContext
from bot.answers import notices
from bot.answers.answerer import CLARIFY_ACTION
from bot.answers.render import to_slack
from bot.slack.context import Services
from bot.slack.workers import OutcomeUnknown, TooSlow
from bot.store.card_versions import DatabaseUnavailable
from bot.store.database import DatabaseLate
from bot.text.i18n import parse_lang_choice, translator

__all__ = ["ADMIN_BUDGET", "LANG_WORDS", "Outgoing", "admin_context", "admin_too_slow", "database_unavailable", "is_lang_command", "own_buttons", "pressed", "reply_for", "safe_lang"]

#: First words that make the text a language command rather than a pricing question.
LANG_WORDS = frozenset({"lang", "language", "语言", "語言"})
#: Seconds an admin command may wait on the database: with the language look-up it stays inside
#: Slack's 3 s, and past it the command's write rolls back instead of landing later.
ADMIN_BUDGET = 1.8


@dataclass(frozen=True)
class Outgoing:
    """A message ready for Slack: mrkdwn-safe ``text`` (also the fallback), optional ``blocks``."""

    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)
    public: bool = False
    #: Only for the asker (a language change), so posted ephemerally where Slack allows it.
    personal: bool = False


def is_lang_command(text: str) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in LANG_WORDS


async def reply_for(
    text: str,
    user_id: str | None,
    services: Services,
    channel_id: str | None = None,
    *,
    conversation: str | None = None,
    follow: bool = True,
) -> Outgoing:
    """The reply to ``text`` from ``user_id``: language and admin commands here, questions the Answerer's.

    ``conversation`` (a thread or DM, see `bot.store.conversations`) lets a follow-up re-price the last
    question; with ``follow=False`` the text is a whole question (a pressed reading) that only becomes
    the conversation's last one. Buttons under a question asked back say who asked (`own_buttons`).
    The answer is computed off the loop under a budget (``services.answer``); database calls go to
    ``services.blocking``.
    """
    text = text.strip()
    if is_lang_command(text) and user_id:
        return await _change_lang(text.split(maxsplit=1)[1:], user_id, services)
    lang = await services.languages.lang_for(user_id)
    if is_admin_command(text):
        return await _admin(text, user_id or "", channel_id, lang, services)
    if not text or text.lower() in ("help", "帮助", "幫助"):
        return await _help(user_id, lang, services)
    previous = None
    if conversation is not None and follow:
        with contextlib.suppress(TooSlow):  # the database is not answering: a new question
            previous = await services.blocking.run(services.conversations.last, conversation)
    reply = await services.answer(text, lang, previous=previous)
    if reply.reading is not None and conversation is not None:
        with contextlib.suppress(TooSlow):  # the answer goes out; only a follow-up to it would miss it
            await services.blocking.run(services.conversations.remember, conversation, reply.reading)
    blocks = own_buttons(list(reply.blocks), user_id) if reply.intent == "clarify" else list(reply.blocks)
    return Outgoing(text=reply.text, blocks=blocks, public=reply.public)


async def _help(user_id: str | None, lang: str, services: Services) -> Outgoing:
    """Help for everyone; admins also see the admin commands."""
    reply = services.answerer.help(lang)
    if not await services.admins.is_admin(user_id):
        return Outgoing(text=reply.text, blocks=list(reply.blocks))
    text, blocks = to_slack(render_admin.admin_help(translator(lang)))
    return Outgoing(text=reply.text + "\n\n" + text, blocks=[*reply.blocks, {"type": "divider"}, *blocks])


async def admin_context(user_id: str, channel_id: str | None, lang: str, services: Services) -> AdminContext:
    """Who asks, and the store to change: an admin command then runs blocking, in ``services.blocking``."""
    return AdminContext(
        user_id=user_id,
        channel_id=channel_id,
        lang=lang,
        is_admin=await services.admins.is_admin(user_id),
        store=services.rates,
        refresh=services.cards.refresh_now,
        today=services.answerer.today(),
    )


async def _admin(text: str, user_id: str, channel_id: str | None, lang: str, services: Services) -> Outgoing:
    context = await admin_context(user_id, channel_id, lang, services)
    try:
        result = await services.blocking.writing(ADMIN_BUDGET, run_admin, text, context)
    except TooSlow as slow:
        return admin_too_slow(lang, slow)
    if result.announcement is not None and services.announce is not None:
        services.announce(*result.announcement)
    return Outgoing(text=result.text, blocks=result.blocks, personal=True)


def admin_too_slow(lang: str, slow: TooSlow) -> Outgoing:
    """What an admin is told of a change past its budget (`BlockingCalls.writing`): no commit had begun, and none will, so
    nothing is saved, also once the database answers; or one had and did not end, so it may have landed."""
    if isinstance(slow, OutcomeUnknown):
        text, blocks = to_slack(render_admin.commit_unconfirmed(translator(lang)))
        return Outgoing(text=text, blocks=blocks, personal=True)
    return database_unavailable(lang)


def database_unavailable(lang: str) -> Outgoing:
    text, blocks = to_slack(render_admin.store_error(translator(lang), DatabaseUnavailable()))
    return Outgoing(text=text, blocks=blocks, personal=True)


async def _change_lang(args: list[str], user_id: str, services: Services) -> Outgoing:
    try:
        return await _save_lang(args, user_id, services)
    except (TooSlow, SQLAlchemyError, DatabaseLate):
        # Nothing was saved: say so in the language the user is answered in now (not an apology).
        return Outgoing(text=notices.lang_not_saved(await safe_lang(user_id, services)), personal=True)


async def _save_lang(args: list[str], user_id: str, services: Services) -> Outgoing:
    languages = services.languages
    if not args:
        return Outgoing(text=notices.lang_current(await languages.lang_for(user_id)), personal=True)
    choice = parse_lang_choice(args[0].strip())
    if choice is None:
        return Outgoing(text=notices.lang_unknown(args[0].strip(), await languages.lang_for(user_id)), personal=True)
    if choice == "auto":
        await services.blocking.run(services.store.set_lang, user_id, None)
        languages.remember_choice(user_id, None)
        # The user may have changed Slack's language since we cached it: look again.
        languages.forget(user_id)
        return Outgoing(text=notices.lang_auto(await languages.auto_lang(user_id)), personal=True)
    await services.blocking.run(services.store.set_lang, user_id, choice)
    languages.remember_choice(user_id, choice)
    return Outgoing(text=notices.lang_set(choice), personal=True)


async def safe_lang(user_id: str | None, services: Services) -> str:
    """The user's language for an apology: the default when the failure was the look-up itself."""
    try:
        return await services.languages.lang_for(user_id)
    except Exception:
        return services.languages.default_lang


#: Slack caps a button's value at 2,000 characters.
_BUTTON_VALUE_LIMIT = 2000
_USER_ID = re.compile(r"[A-Z0-9]{1,32}")


def own_buttons(blocks: list[dict[str, Any]], asker: str | None) -> list[dict[str, Any]]:
    """``blocks`` with each clarify button's value saying who asked: ``{"q": reading, "u": asker}``.

    A press then never needs a shared conversation to know what it prices or whose question it was.
    """
    owned = []
    for block in blocks:
        if block.get("type") == "actions":
            block = {**block, "elements": [_owned(e, asker) for e in block.get("elements", [])]}
        owned.append(block)
    return owned


def _owned(element: dict[str, Any], asker: str | None) -> dict[str, Any]:
    if not str(element.get("action_id", "")).startswith(CLARIFY_ACTION):
        return element
    # Only a user id as Slack writes them is carried: anything else (a forged form field) is no asker.
    who = asker if asker is not None and _USER_ID.fullmatch(asker) else ""
    value = json.dumps({"q": element.get("value", ""), "u": who}, ensure_ascii=False)
    # Too long with the asker: the reading alone, which a press answers as anyone's (changes nothing).
    return {**element, "value": value} if len(value) <= _BUTTON_VALUE_LIMIT else element


def pressed(value: str) -> tuple[str, str | None]:
    """(the reading, who asked) from a clarify button's value; a bare reading has no asker."""
    try:
        data = json.loads(value)
    except ValueError:
        return value, None
    if isinstance(data, dict) and isinstance(data.get("q"), str):
        asker = data.get("u")
        return data["q"], asker if isinstance(asker, str) and asker else None
    return value, None
