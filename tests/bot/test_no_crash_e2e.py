"""No input crashes an answer: huge durations and budgets, odd digits, huge numbers, NUL, deep JSON (issue 10, item 8)."""

from __future__ import annotations

import html
import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from fake_slack import FakeSlack
from pg import private_database, sqlalchemy_url
from slack_harness import REPO, BotServer, start_bot

ADMIN = "U0ADMIN"
APOLOGY = "Sorry"


def answer(bot: BotServer, text: str, user: str = "U0EN") -> str:
    response = bot.command(text, user=user)
    assert response.status_code == 200, response.text
    return html.unescape(str(json.loads(response.text)["text"]))


@pytest.mark.parametrize(
    ("question", "user"),
    [
        ("cache 1M for 1e25 h", "U0EN"),
        ("缓存 100万 1亿亿亿亿小时", "U0ZH"),
        ("how many 10k in 1k out for $1e26", "U0EN"),
        ("100亿亿亿美元能调用多少次 输入1万 输出1千", "U0ZH"),
    ],
)
def test_huge_durations_and_budgets_get_a_clear_answer(bot: BotServer, question: str, user: str) -> None:
    # The parser or the engine may be the one to refuse (both bound them); either way a clear message.
    said = answer(bot, question, user=user)
    assert APOLOGY not in said and "抱歉" not in said, said
    assert any(word in said for word in ("too large", "too long", "太大", "太长")), said


@pytest.mark.parametrize("question", ["cache 1M for 1e25 h", "how many 10k in 1k out for $1e26"])
def test_the_cli_says_why_and_exits_as_for_any_bad_question(question: str) -> None:
    result = subprocess.run([sys.executable, "-m", "bot.cli", question], capture_output=True, text=True, timeout=60,
                            cwd=REPO, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO)})  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "too " in result.stdout + result.stderr


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def admin_bot(
    request: pytest.FixtureRequest, fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BotServer]:
    """One bot per database for the whole module: every command below is refused, so none disturbs another."""
    workdir = tmp_path_factory.mktemp("no_crash")
    if request.param == "sqlite":
        bot = start_bot(fake_slack, f"sqlite:///{workdir / 'odd.db'}", workdir, ADMIN_USER_IDS=ADMIN)
        yield bot
        bot.stop()
        return
    with private_database("gc_no_crash") as (user, dbname):
        bot = start_bot(fake_slack, sqlalchemy_url(user, dbname), workdir, ADMIN_USER_IDS=ADMIN)
        yield bot
        bot.stop()


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ("admin history ²", "Usage: admin history [N]"),
        ("admin rollback ²", "Usage: admin rollback VERSION"),
        ("admin free-tier gemini-2.5-pro yes rpm ³", "Usage: admin free-tier"),
        ("admin rollback 99999999999999999999", "Usage: admin rollback VERSION"),
        ("admin history " + "9" * 5000, "Usage: admin history [N]"),
        ("admin free-tier gemini-2.5-pro yes rpm " + "9" * 5000, "Usage: admin free-tier"),
        ("admin rollback v" + "1" * 5000, "Usage: admin rollback VERSION"),
        ("admin set 2.5 flash input " + "9" * 5000, "surely a typo"),
        ("admin set 2.5 flash input 1e-200000", "too fine a price"),
        ("admin set 2.5 flash input 0.3000001", "at most 6 decimal places"),
        ("admin alias nul\x00name 2.5 flash", "can't be typed"),
        ("admin alias " + " ".join(["word"] * 400) + " = 2.5 flash", "too long: at most 6 words"),
    ],
)
def test_odd_admin_input_gets_a_usage_message_and_changes_nothing(admin_bot: BotServer, command: str, says: str) -> None:
    said = answer(admin_bot, command, user=ADMIN)
    assert says in said, said
    assert "can't be reached" not in said and "went wrong" not in said
    assert "v2" not in answer(admin_bot, "admin history", user=ADMIN)


@pytest.mark.parametrize("name", ["Nul\x00Name", "N" * 5000])
def test_a_model_name_with_a_nul_or_of_any_length_is_refused(admin_bot: BotServer, name: str) -> None:
    said = answer(admin_bot, f"admin add-model gemini-9-test like 2.5 flash name {name}", user=ADMIN)
    assert "can't be a model's id or name: at most 80 characters" in said, said
    assert "v2" not in answer(admin_bot, "admin history", user=ADMIN)


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
def test_a_signed_body_of_deeply_nested_json_is_a_bad_request(bot: BotServer, content_type: str) -> None:
    nested = "[" * 100_000 + "]" * 100_000
    body = nested if content_type == "application/json" else "payload=" + nested
    response = bot.post(body, content_type)
    assert response.status_code == 400
    assert answer(bot, "1M in on 2.5 flash").startswith("Estimated cost")  # and the bot serves on
