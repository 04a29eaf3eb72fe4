"""The few things the Slack side says itself (language changes, apologies), in the user's language."""

from __future__ import annotations

from bot.text.i18n import translator
from bot.text.mrkdwn import escape_mrkdwn

__all__ = ["LANGUAGE_NAMES", "apology", "lang_auto", "lang_current", "lang_not_saved", "lang_set", "lang_unknown"]

#: Each language named in itself, as language pickers do, so people find their own.
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文", "zh_TW": "繁體中文"}


def _name(lang: str) -> str:
    return LANGUAGE_NAMES.get(lang, lang)


def apology(lang: str) -> str:
    """Said when answering failed unexpectedly (the details go to the log, not to the user)."""
    _ = translator(lang).gettext
    return _("Sorry, something went wrong while answering. Please try again in a moment.")


def lang_set(lang: str) -> str:
    """Confirms a chosen language, in that language."""
    _ = translator(lang).gettext
    return _("From now on I will answer you in {language}.").format(language=_name(lang))


def lang_auto(lang: str) -> str:
    """Confirms "auto": the Slack locale decides again; ``lang`` is what it decides now."""
    _ = translator(lang).gettext
    return _("I will follow your Slack language again (now {language}).").format(language=_name(lang))


def lang_unknown(choice: str, lang: str) -> str:
    """An unknown language choice, echoed safely, followed by how to choose."""
    _ = translator(lang).gettext
    first = _("I don't know the language “{choice}”.").format(choice=escape_mrkdwn(choice[:40]))
    return first + "\n" + lang_current(lang)


def lang_current(lang: str) -> str:
    """Which language the user gets now and how to change it."""
    _ = translator(lang).gettext
    return _(
        "I answer you in {language}. To change it: `/gemini-cost lang zh`, `lang zh_TW`, `lang en` or `lang auto`."
    ).format(language=_name(lang))


def lang_not_saved(lang: str) -> str:
    """The database did not take a language choice (down or not answering): nothing changed."""
    _ = translator(lang).gettext
    return _("I couldn't save your language choice because the database isn't answering. Nothing changed; please try again in a minute.")
