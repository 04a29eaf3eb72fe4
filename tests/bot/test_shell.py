"""The offline shell, driven as a user would: lines on stdin, answers on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from slack_harness import REPO


def shell(lines: list[str], tmp_path: Path, *flags: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    # No Slack token anywhere: `python -m bot` must choose the shell by itself.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "PYTHONPATH": str(REPO),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shell.db'}",
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *flags],
        input="\n".join(lines) + "\n",
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_shell_answers_commands_mentions_and_language_changes(tmp_path: Path) -> None:
    result = shell(["/gemini-cost 1M in 50k out", "@bot free tier?", "/gemini-cost lang zh", "/gemini-cost 1M in 50k out"],
                   tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # 1M x $4.00 + 50k x $18.00 (long context: the prompt is over 200,000 tokens)
    first, _, rest = out.partition("今后")
    assert "Estimated cost: $4.90" in first
    assert "only visible to you" in first
    assert "in the thread" in first and "free tier" in first.lower()
    assert first.count("in the thread") == 1  # the mention arrives twice, as in Slack: answered once
    assert "预估费用" in rest and "US$4.90" in rest


def test_shell_as_a_chinese_user(tmp_path: Path) -> None:
    result = shell(["输入100万 输出5万", ":home"], tmp_path, "--as-zh")
    assert result.returncode == 0, result.stderr
    assert "预估费用" in result.stdout and "US$4.90" in result.stdout
    assert "App Home" in result.stdout and "gemini-2.5-flash" in result.stdout


def test_shell_with_a_locale_flag_and_the_store(tmp_path: Path) -> None:
    taiwan = shell(["/gemini-cost 1M in 50k out"], tmp_path, "--locale", "zh-TW")
    assert "預估費用" in taiwan.stdout
    # The choice is stored: a later session (same database) still answers in the chosen language.
    shell(["/gemini-cost lang en"], tmp_path, "--locale", "zh-TW")
    later = shell(["/gemini-cost 1M in 50k out"], tmp_path, "--locale", "zh-TW")
    assert "Estimated cost" in later.stdout


def test_shell_public_answers_and_quit(tmp_path: Path) -> None:
    result = shell(["/gemini-cost public 1M in 50k out", ":quit", "/gemini-cost never read"], tmp_path)
    assert result.returncode == 0
    assert "everyone in the channel sees this" in result.stdout
    assert "never read" not in result.stdout


def test_a_question_asked_back_offers_buttons_and_pick_presses_one(tmp_path: Path) -> None:
    result = shell(["/gemini-cost 50k 5k on 2.5 flash", ":pick 2", ":pick 7"], tmp_path, "--as-zh")
    assert result.returncode == 0, result.stderr
    asked, _, answered = result.stdout.partition("预估费用")
    assert "“50k / 5k”是哪一部分" in asked and "[2] gemini-2.5-flash" in asked
    # the second reading: 5k x $0.30 + 50k x $2.50 per 1M = $0.0015 + $0.125 (total shown as US$0.127)
    assert "US$0.0015" in answered and "US$0.125" in answered and "US$0.127" in answered
    assert "理解为：gemini-2.5-flash · 1 次请求 · 每次输入 5,000 token · 每次输出 5万 token" in answered
    assert "[no button 7" in answered
