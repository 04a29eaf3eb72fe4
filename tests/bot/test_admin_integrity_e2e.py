"""Admin writes that could corrupt the card or lose someone's change, over signed HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import json
from pathlib import Path

from fake_slack import FakeSlack
from slack_harness import eventually, new_id, start_bot
from test_admin_e2e import ADMIN, QUESTION, answer, any_pair, export, pair  # noqa: F401  # fixtures

from bot.text.blockkit import MAX_BLOCKS, SECTION_TEXT_LIMIT, slack_length

# 2.5 Flash: 1M x $0.30 = $0.30; 2.5 Flash-Lite: 1M x $0.10 = $0.10 (the shipped card)


def with_alias(card_json: str, model_id: str, alias: str) -> str:
    card = json.loads(card_json)
    model = next(m for m in card["models"] if m["id"] == model_id)
    model["aliases"] = [*model["aliases"], alias]
    return json.dumps(card)


UNUSABLE_ALIASES = ["", "   ", "a\u0000b", " ".join(["word"] * 400)]


def test_an_import_whose_alias_could_not_be_used_is_refused_and_nothing_is_lost(
    any_pair, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    first, second, database = any_pair
    assert "saved" in answer(first, "admin set 2.5 flash input 0.35", user=ADMIN)
    for alias in UNUSABLE_ALIASES:
        refused = answer(first, "admin import " + with_alias(export(first), "gemini-2.5-flash", alias), user=ADMIN)
        assert "Nothing was changed" in refused and "version 3" not in refused, (alias[:20], refused)
    # the card still loads everywhere: further changes work, and a restart keeps the admin's change
    assert "version 3" in answer(second, "admin set 2.5 flash output 2.60", user=ADMIN)
    first.stop()
    third = start_bot(fake_slack, database, tmp_path, ADMIN_USER_IDS=ADMIN)
    try:
        assert "$0.35" in answer(third, QUESTION)
    finally:
        third.stop()


def test_import_of_a_stale_export_is_refused_unless_forced(any_pair) -> None:
    first, second, _ = any_pair
    taken = export(first)  # version 1
    assert "version 2" in answer(second, "admin set 2.5 flash input 0.35", user=ADMIN)  # someone else's change
    edited = json.loads(taken)
    next(m for m in edited["models"] if m["id"] == "gemini-2.5-flash-lite")["input"]["standard"] = "0.12"
    refused = answer(first, "admin import " + json.dumps(edited), user=ADMIN)
    assert "has changed since version 1 was exported (it is now version 2)" in refused
    eventually(lambda: "$0.35" in answer(first, QUESTION) and "ok")  # the other admin's change survived
    # an export of the current card imports without force
    fresh = json.loads(export(first))
    next(m for m in fresh["models"] if m["id"] == "gemini-2.5-flash-lite")["input"]["standard"] = "0.12"
    assert "version 3 saved: import (from version 2)" in answer(first, "admin import " + json.dumps(fresh), user=ADMIN)
    assert "$0.35" in answer(first, QUESTION)
    # JSON that names no version could be just as stale: it needs force too
    bare = json.loads(export(first))
    del bare["base_version"]
    assert "doesn't say which version" in answer(first, "admin import " + json.dumps(bare), user=ADMIN)


def test_the_default_model_of_a_running_instance_cannot_be_removed(fake_slack: FakeSlack, tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'default.db'}"
    plain = start_bot(fake_slack, database, tmp_path, ADMIN_USER_IDS=ADMIN)
    try:
        assert "version 2" in answer(plain, "admin add-model gemini-9-test like 2.5 flash", user=ADMIN)
        pinned = start_bot(fake_slack, database, tmp_path, ADMIN_USER_IDS=ADMIN, DEFAULT_MODEL="gemini-9-test")
        try:
            assert "gemini-9-test" in answer(pinned, "1M in")
            # undo, rollback and import through the instance that answers with it: each refused
            for command in ("admin undo", "admin rollback 1"):
                said = answer(pinned, command, user=ADMIN)
                assert "gemini-9-test is the default model (DEFAULT_MODEL)" in said, said
            card = json.loads(export(pinned))
            card["models"] = [m for m in card["models"] if m["id"] != "gemini-9-test"]
            said = answer(pinned, "admin import " + json.dumps(card), user=ADMIN)
            assert "gemini-9-test is the default model" in said
            # an instance with other settings may still remove it: the pinned one keeps answering
            assert "version 3" in answer(plain, "admin undo", user=ADMIN)
            eventually(lambda: "gemini-9-test" not in (a := answer(pinned, "1M in")) and "Estimated cost" in a and "ok")
        finally:
            pinned.stop()
        # and a restart with it missing from the stored card starts, says why loudly, and answers
        log_dir = tmp_path / "restart"
        log_dir.mkdir()
        restarted = start_bot(fake_slack, database, log_dir, ADMIN_USER_IDS=ADMIN, DEFAULT_MODEL="gemini-9-test")
        try:
            assert "Estimated cost" in answer(restarted, "1M in")
        finally:
            restarted.stop()
        log = "".join(p.read_text() for p in log_dir.glob("bot-*.log"))
        assert "DEFAULT_MODEL 'gemini-9-test' is not on the stored rate card" in log
    finally:
        plain.stop()


def test_export_is_shown_as_copyable_escaped_code_on_every_surface(pair, fake_slack: FakeSlack) -> None:
    first, _, _ = pair
    assert "version 2" in answer(first, "admin add-model gemini-9-test like 2.5 flash name <!channel> & co", user=ADMIN)
    # the slash command: the JSON is in the blocks Slack shows, escaped, each within a section's limit
    body = json.loads(first.command("admin export", user=ADMIN).text)
    _assert_export_blocks(body["blocks"])
    # a direct message: the same
    channel = new_id("D")
    first.event({"type": "message", "channel_type": "im", "channel": channel, "user": ADMIN,
                 "text": "admin export", "ts": "1700000000.000100"})  # fmt: skip
    post = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    blocks = post.args["blocks"]
    _assert_export_blocks(json.loads(blocks) if isinstance(blocks, str) else blocks)


def _assert_export_blocks(blocks: list[dict]) -> None:  # type: ignore[type-arg]
    assert len(blocks) <= MAX_BLOCKS
    codes = [b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["text"].startswith("```")]
    assert len(codes) >= 2  # the card is longer than one section holds
    assert all(slack_length(code) <= SECTION_TEXT_LIMIT for code in codes)
    raw = "\n".join(code.strip("`") for code in codes)
    assert "<!channel>" not in raw and "&lt;!channel&gt; &amp; co" in raw
    card = json.loads(html.unescape(raw))
    assert card["base_version"] == 2
    assert any(m["name"] == "<!channel> & co" for m in card["models"])

