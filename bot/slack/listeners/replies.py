"""What the bot says to what a user typed: a language command, or a question for the Answerer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.admin import render as render_admin
from bot.admin.commands import is_admin_command, run_admin
from bot.admin.context import AdminContext
from bot.answers import notices
from bot.answers.render import to_slack
from bot.slack.context import Services
from bot.text.i18n import parse_lang_choice, translator

__all__ = ["LANG_WORDS", "Outgoing", "admin_context", "is_lang_command", "reply_for", "safe_lang"]

#: First words that make the text a language command rather than a pricing question.
LANG_WORDS = frozenset({"lang", "language", "语言", "語言"})


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
    text: str, user_id: str | None, services: Services, channel_id: str | None = None, *, conversation: str | None = None
) -> Outgoing:
    """The reply to ``text`` from ``user_id``: language and admin commands here, questions the Answerer's.

    ``conversation`` (a thread or DM, see `bot.store.conversations`) lets a follow-up re-price the last question.
    Answering is pure CPU (microseconds) and runs on the loop; database calls go to ``services.blocking``.
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
    if conversation is not None:
        previous = await services.blocking.run(services.conversations.last, conversation)
    reply = services.answerer.answer(text, lang, previous=previous)
    if reply.reading is not None and conversation is not None:
        await services.blocking.run(services.conversations.remember, conversation, reply.reading)
    return Outgoing(text=reply.text, blocks=list(reply.blocks), public=reply.public)


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
    result = await services.blocking.run(run_admin, text, context)
    if result.announcement is not None and services.announce is not None:
        services.announce(*result.announcement)
    return Outgoing(text=result.text, blocks=result.blocks, personal=True)


async def _change_lang(args: list[str], user_id: str, services: Services) -> Outgoing:
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
