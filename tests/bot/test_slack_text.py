"""mrkdwn helpers: nothing a user typed can ping anyone."""

from __future__ import annotations

import json

import pytest

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


@pytest.mark.parametrize(
    "question",
    [
        '{"usageMetadata": {"promptTokenCount": 5, "totalTokenCount": 5}, "modelVersion": "gemini-\u202eorp-5.2\u202c\u001b[2J"}',
        "1M in on gemini-\u2066zz\u2069\u200f-pro\u0007",
    ],
)
def test_control_and_bidi_characters_never_reach_a_reply(question: str) -> None:
    """Issue 17 item 17: an echoed model name could reorder the reply (RTL override) or drive a terminal (ESC)."""
    from bot.answers.answerer import Answerer
    from pricing import PriceBook, load_card

    reply = Answerer(PriceBook(load_card())).answer(question, "en")
    shown = [reply.text, reply.plain, json.dumps(reply.blocks, ensure_ascii=False), json.dumps(reply.data, ensure_ascii=False)]
    bad = {"\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u001b", "\u0007"}
    assert not any(ch in part for part in shown for ch in bad), shown
    assert "\\u001b" not in json.dumps(reply.data)
