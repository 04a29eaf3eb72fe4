"""Every reply fits Slack's Block Kit limits, however hostile the question: a fuzz profile and end-to-end checks.

The checker below is written from Slack's Block Kit reference, apart from `bot/text/blockkit.py`, so a
wrong constant there is caught here. A run with more cases:
    GEMINI_COST_BLOCKKIT_CASES=100000 python -m pytest tests/bot/test_slack_limits.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from pathlib import Path
from typing import Any

import pytest
from slack_harness import BotServer, new_id

from bot.admin.commands import AdminContext, run_admin
from bot.answers.answerer import Answerer
from bot.answers.render import Doc, to_slack
from bot.store.card_versions import RateStore
from bot.store.database import Store
from bot.text.blockkit import ELLIPSIS, shorten
from pricing import PriceBook, load_card

CASES = int(os.environ.get("GEMINI_COST_BLOCKKIT_CASES", "3000"))
LANGS = ("en", "zh_CN", "zh_TW")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def violations(text: str, blocks: list[dict[str, Any]]) -> list[str]:
    """What Slack would refuse in a chat.postMessage / ack of ``text`` and ``blocks`` (empty: all fits)."""
    found: list[str] = []
    if utf16(text) > 40_000:
        found.append(f"message text {utf16(text)} > 40000")
    if len(blocks) > 50:
        found.append(f"{len(blocks)} blocks > 50")
    for i, block in enumerate(blocks):
        kind = block["type"]
        if len(block.get("block_id", "")) > 255:
            found.append(f"block {i}: block_id > 255")
        if kind == "section":
            if "text" in block and not 1 <= utf16(block["text"]["text"]) <= 3000:
                found.append(f"block {i}: section text {utf16(block['text']['text'])} not in 1..3000")
            for field in block.get("fields", []):
                if utf16(field["text"]) > 2000:
                    found.append(f"block {i}: field > 2000")
            if len(block.get("fields", [])) > 10:
                found.append(f"block {i}: > 10 fields")
        elif kind == "header":
            if utf16(block["text"]["text"]) > 150:
                found.append(f"block {i}: header > 150")
        elif kind == "context":
            if not 1 <= len(block["elements"]) <= 10:
                found.append(f"block {i}: {len(block['elements'])} context elements")
            for element in block["elements"]:
                if element.get("type") in ("mrkdwn", "plain_text") and not 1 <= utf16(element["text"]) <= 3000:
                    found.append(f"block {i}: context text {utf16(element['text'])}")
        elif kind == "actions":
            if len(block["elements"]) > 25:
                found.append(f"block {i}: > 25 actions")
            for element in block["elements"]:
                if utf16(element["text"]["text"]) > 75:
                    found.append(f"block {i}: button text > 75")
                if len(element.get("value", "")) > 2000:
                    found.append(f"block {i}: button value > 2000")
                if len(element.get("action_id", "")) > 255:
                    found.append(f"block {i}: action_id > 255")
        elif kind != "divider":
            found.append(f"block {i}: unexpected type {kind}")
    return found


# --- hostile questions -------------------------------------------------------------------------

WORDS = ["in", "out", "cached", "cache", "for", "h", "hours", "小时", "输入", "输出", "缓存", "per day", "每天",
         "x1000", "1000次", "batch", "批量", "with search", "compare", "vs", "how many", "能调用多少次", "$100",
         "100美元", "in CNY", "人民币", "public", "公开", "on", "2.5 flash", "gemini-2.5-pro", "3.1 pro", "flash",
         "rates", "price", "free tier", "免费", "1M", "50k", "1.5m", "一百万", "5万", "1亿", "亿", "万", "k", "m",
         "<!channel>", "<@U0EN>", "&amp;", "&", "<", ">", "*bold*", "_it_", "`code`", "```", "\u0000", "\u202e",
         "😀", "👍🏽", "𝟙𝟘", "²", "٣", "-1", "1e25", "1e-9", "NaN", "Infinity", "0", "0.0001"]  # fmt: skip


def hostile_queries(n: int, seed: int = 10) -> list[str]:
    """``n`` questions: reported crashes and oversize answers first, then random mixes of the above."""
    rng = random.Random(seed)
    known = [
        "亿" * 3990 + " in",
        "1" * 4000 + " in",
        " ".join(["9" * 40] * 100),
        "1M in 50k out " + "<!channel> " * 800,
        "1M in " + " ".join(["ignored" + str(i) for i in range(2000)]),
        "1M in on " + "gemini " * 2000,
        "cache 1M for 1e25 h",
        "缓存 100万 1亿亿亿亿小时",
        "how many 10k in 1k out for $1e26",
        "100亿亿亿美元能调用多少次 输入1万 输出1千",
        "😀" * 5000 + " 1M in",
        "&" * 3000 + " 1M in",
    ]
    found = list(known)
    while len(found) < n:
        shape = rng.random()
        if shape < 0.2:  # one token repeated, the usual way to blow a size up
            found.append(" ".join([rng.choice(WORDS)] * rng.randint(50, 1500)))
        elif shape < 0.3:  # a long number
            found.append(rng.choice(["", "in ", "out "]) + str(rng.randint(1, 9)) * rng.randint(20, 5000) + rng.choice(["", " in", " out"]))
        else:
            found.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 300))))
    return found[:n]


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(PriceBook(load_card()))


def test_every_answer_to_a_hostile_question_fits_slacks_limits(answerer: Answerer) -> None:
    failures = []
    for i, query in enumerate(hostile_queries(CASES)):
        lang = LANGS[i % len(LANGS)]
        reply = answerer.answer(query, lang)
        assert not reply.internal_error, query[:200]
        problems = violations(reply.text, list(reply.blocks))
        if problems:
            failures.append((query[:80], lang, problems[:3]))
    assert not failures, failures[:5]


def test_the_issues_yi_query_is_answered_and_shortened_with_an_ellipsis(answerer: Answerer) -> None:
    reply = answerer.answer("亿" * 3990 + " in", "en")
    assert violations(reply.text, list(reply.blocks)) == []
    # the 3,990-亿 amount is echoed as a short figure, not 32,000 digits: nothing left to cut
    assert reply.blocks[0]["text"]["text"] == '*"1e+31920" is too large to be a token count.*'


@pytest.fixture()
def rates(tmp_path: Path) -> RateStore:
    store = Store.from_url(f"sqlite:///{tmp_path / 'limits.db'}")
    found = RateStore(store.engine, load_card())
    found.ensure_seed()
    return found


def test_admin_replies_to_hostile_commands_fit_slacks_limits(rates: RateStore) -> None:
    ctx = AdminContext("U0ADMIN", "C0OPS", "en", True, rates, lambda: None, dt.date(2026, 12, 1))
    rng = random.Random(7)
    commands = ["admin " + "x" * 5000, "admin show " + "gemini " * 3000, "admin set " + "<!here> " * 2000 + "input 1",
                "admin alias " + "a" * 8000 + " 2.5 flash", "admin history 30", "admin export", "admin sync",
                "admin import " + "[" * 100_000, "admin import " + "{" + '"a":' * 5000]  # fmt: skip
    commands += ["admin " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 400))) for _ in range(200)]
    for command in commands:
        reply = run_admin(command, ctx)
        assert violations(reply.text, reply.blocks) == [], command[:80]
        if reply.announcement is not None:
            assert violations(*reply.announcement) == [], command[:80]


def test_shorten_never_leaves_half_an_entity_or_an_unclosed_bold() -> None:
    for text in ("&amp;" * 1000, "a&lt;" * 1000, "*" + "&gt;" * 1000 + "*", "😀" * 3000):
        cut = shorten(text, 3000)
        assert utf16(cut) <= 3000 and cut.endswith((ELLIPSIS, ELLIPSIS + "*"))
        body = cut.removesuffix("*").removesuffix(ELLIPSIS)
        assert body.count("&") == body.count(";")  # whole entities only
    assert to_slack(Doc("t", ["x" * 10]))[1][1]["text"]["text"] == "x" * 10  # short text untouched


def test_a_huge_question_over_signed_http_gets_an_answer_slack_accepts(bot: BotServer) -> None:
    # the slash command, answered in the ack
    response = bot.command("亿" * 3990 + " in")
    assert response.status_code == 200
    body = json.loads(response.text)
    assert violations(body["text"], body["blocks"]) == []
    assert "1e+31920" in body["blocks"][0]["text"]["text"]  # the amount echoed short
    # a direct message, posted with chat.postMessage
    channel = new_id("D")
    bot.event({"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN",
               "text": "1M in 50k out " + "<!channel> " * 800, "ts": "1700000000.000200"})  # fmt: skip
    post = bot.fake.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    blocks = post.args["blocks"]
    blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
    assert violations(post.text, blocks) == []
    assert "<!channel>" not in post.everything
