"""Small mrkdwn helpers: escape what users typed, and drop the bot's own mention from a message."""

from __future__ import annotations

import re

__all__ = ["escape_mrkdwn", "mentions_user", "strip_bot_mention", "visible"]

#: Removed from every reply: control characters (but line breaks and tabs) and the bidirectional
#: controls, which can reorder what a reply shows (an echoed model name flipping the price beside it).
_INVISIBLE = dict.fromkeys(
    [*(c for c in range(0x20) if c not in (0x09, 0x0A)), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)  # fmt: skip


def visible(text: str) -> str:
    """``text`` without control and bidirectional-control characters (what a user typed may hold them)."""
    return text.translate(_INVISIBLE)


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack treats as control characters in mrkdwn and plain text.

    With `<` and `>` escaped, `<!channel>`, `<!here>`, `<!everyone>` and `<@U123>` show as text
    instead of pinging anyone; `&` goes first so existing entities are not double-read.
    """
    return visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mentions_user(text: str, user_id: str | None) -> bool:
    """True when ``text`` contains a real Slack mention of ``user_id`` (``<@U123>`` or ``<@U123|name>``)."""
    return bool(user_id) and re.search(rf"<@{re.escape(user_id or '')}(\|[^>]*)?>", text) is not None


def strip_bot_mention(text: str, bot_user_id: str | None) -> str:
    """The question inside an ``@bot ...`` message: the bot's mentions removed, spaces tidied."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(\|[^>]*)?>", " ", text)
    return " ".join(text.split())
