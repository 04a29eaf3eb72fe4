"""What the bot says to what a user typed: a language command, or a question for the Answerer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot import notices
from bot.i18n import parse_lang_choice
from bot.services import Services

__all__ = ["LANG_WORDS", "Outgoing", "is_lang_command", "reply_for", "safe_lang"]

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


def reply_for(text: str, user_id: str | None, services: Services) -> Outgoing:
    """The reply to ``text`` from ``user_id``: language commands here, everything else the Answerer's."""
    text = text.strip()
    if is_lang_command(text) and user_id:
        return _change_lang(text.split(maxsplit=1)[1:], user_id, services)
    lang = services.languages.lang_for(user_id)
    reply = services.answerer.answer(text, lang) if text else services.answerer.help(lang)
    return Outgoing(text=reply.text, blocks=list(reply.blocks), public=reply.public)


def _change_lang(args: list[str], user_id: str, services: Services) -> Outgoing:
    languages = services.languages
    if not args:
        return Outgoing(text=notices.lang_current(languages.lang_for(user_id)), personal=True)
    choice = parse_lang_choice(args[0].strip())
    if choice is None:
        return Outgoing(text=notices.lang_unknown(args[0].strip(), languages.lang_for(user_id)), personal=True)
    if choice == "auto":
        services.store.set_lang(user_id, None)
        # The user may have changed Slack's language since we cached it: look again.
        languages.forget(user_id)
        return Outgoing(text=notices.lang_auto(languages.auto_lang(user_id)), personal=True)
    services.store.set_lang(user_id, choice)
    return Outgoing(text=notices.lang_set(choice), personal=True)


def safe_lang(user_id: str | None, services: Services) -> str:
    """The user's language for an apology: the default when the failure was the look-up itself."""
    try:
        return services.languages.lang_for(user_id)
    except Exception:
        return services.languages.default_lang
