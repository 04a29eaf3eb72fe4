"""mrkdwn helpers: nothing a user typed can ping anyone."""

from __future__ import annotations

from bot.text.mrkdwn import escape_mrkdwn, mentions_user, strip_bot_mention


def test_escape_defuses_broadcasts_and_mentions() -> None:
    assert escape_mrkdwn("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"


def test_bot_mentions_removed_from_the_question() -> None:
    assert strip_bot_mention("<@U0BOT> 1M in  <@U0BOT|gemini-cost> out", "U0BOT") == "1M in out"
    assert strip_bot_mention("<@U0OTHER> hi", "U0BOT") == "<@U0OTHER> hi"


def test_mentions_user() -> None:
    assert mentions_user("hey <@U0BOT> 1M in", "U0BOT")
    assert mentions_user("hey <@U0BOT|cost> 1M in", "U0BOT")
    assert not mentions_user("hey <@U0BOTX> 1M in", "U0BOT")
    assert not mentions_user("hey", None)
