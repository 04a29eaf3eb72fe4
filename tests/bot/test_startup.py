"""Starting the bot: a missing or malformed setting ends start-up with one line naming it."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest
from fake_slack import FakeSlack
from slack_harness import REPO, bot_env, free_port, procfile_command, start_bot


def run(command: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, check=False, env=env, cwd=cwd, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL
    )


def test_procfile_web_without_signing_secret_stops_with_one_line(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = bot_env(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", PORT=str(free_port()))
    del env["SLACK_SIGNING_SECRET"]
    result = run(["bash", "-c", "exec " + procfile_command("web")], env, tmp_path)

    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SLACK_SIGNING_SECRET" in lines[0]
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [("USD_CNY", "seven"), ("USD_CNY", "7.10@yesterday"), ("ADMIN_USER_IDS", "U012AB3CD,not an id"),
     ("DATABASE_URL", "mysql://db/x"), ("PORT", "http"), ("DEFAULT_LANG", "fr"), ("DEFAULT_MODEL", "gemini-9-ultra"),
     ("SLACK_API_URL", "slack.com/api")],
)  # fmt: skip
def test_malformed_setting_is_named_in_one_line(fake_slack: FakeSlack, tmp_path: Path, name: str, value: str) -> None:
    env = bot_env(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", **{name: value})
    result = run([sys.executable, "-m", "bot", "http"], env, tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0, result.stderr
    assert name in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_token_is_named_but_never_printed(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = bot_env(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", SLACK_BOT_TOKEN="xoxp-user-token-secret-42")
    result = run([sys.executable, "-m", "bot", "http"], env, tmp_path)

    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr
    assert "secret-42" not in result.stderr + result.stdout


def test_worker_without_app_token_stops_with_one_line(fake_slack: FakeSlack, tmp_path: Path) -> None:
    env = bot_env(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}")
    result = run(["bash", "-c", "exec " + procfile_command("worker")], env, tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "SLACK_APP_TOKEN" in result.stderr


def test_procfile_serves_on_all_interfaces_at_port(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """`web` is `python -m bot http`: uvicorn on 0.0.0.0 at $PORT (bot/slack/web.py `serve_http`)."""
    assert procfile_command("web") == "python -m bot http"
    server = start_bot(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", tmp_path)  # sets PORT to a free port
    try:
        port = int(server.url.rsplit(":", 1)[1])
        # 127.0.0.2 is not the address start_bot polls: only a server bound to every interface answers there
        with socket.create_connection(("127.0.0.2", port), timeout=5):
            pass
    finally:
        server.stop()
    assert procfile_command("worker") == "python -m bot socket"
    assert (REPO / "manifest.yml").is_file()


def test_manifest_declares_what_the_bot_listens_to() -> None:
    yaml = pytest.importorskip("yaml")
    manifest = yaml.safe_load((REPO / "manifest.yml").read_text())
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == ["/gemini-cost"]
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_mention", "message.im", "message.channels", "app_home_opened"
    }  # fmt: skip
    assert set(manifest["oauth_config"]["scopes"]["bot"]) >= {
        "commands", "chat:write", "users:read", "app_mentions:read", "im:history", "channels:history"
    }  # fmt: skip
    assert manifest["settings"]["socket_mode_enabled"] is True


def test_worker_whose_app_token_slack_refuses_stops_with_one_line(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """slack_sdk would retry a refused Socket Mode connection forever, with a traceback every 10 s."""
    assert not fake_slack.socket_mode_url  # so the fake Web API refuses apps.connections.open
    env = bot_env(fake_slack, f"sqlite:///{tmp_path / 'bot.db'}", SLACK_APP_TOKEN="xapp-1-A0TEST-0-refused")
    result = run(["bash", "-c", "exec " + procfile_command("worker")], env, tmp_path)

    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()], result.stderr
    assert "SLACK_APP_TOKEN" in result.stderr and "socket_mode_not_configured" in result.stderr
    assert "xapp-1-A0TEST-0-refused" not in result.stderr + result.stdout
