"""Small mrkdwn helpers: escape what users typed, and drop the bot's own mention from a message."""

from __future__ import annotations

import re

__all__ = ["escape_mrkdwn", "mentions_user", "strip_bot_mention"]


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack treats as control characters in mrkdwn and plain text.

    With `<` and `>` escaped, `<!channel>`, `<!here>`, `<!everyone>` and `<@U123>` show as text
    instead of pinging anyone; `&` goes first so existing entities are not double-read.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mentions_user(text: str, user_id: str | None) -> bool:
    """True when ``text`` contains a real Slack mention of ``user_id`` (``<@U123>`` or ``<@U123|name>``)."""
    return bool(user_id) and re.search(rf"<@{re.escape(user_id or '')}(\|[^>]*)?>", text) is not None


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    """The question inside an ``@bot ...`` message: the bot's mentions removed, spaces tidied."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    return " ".join(text.split())
