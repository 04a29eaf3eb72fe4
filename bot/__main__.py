"""`python -m bot [shell|socket|http]`: Socket Mode with SLACK_APP_TOKEN, the offline shell with no tokens.

`python -m bot db upgrade|current|history|revision` manages the database schema (bot/dbcli.py).
"""

from __future__ import annotations

import argparse
import sys

from bot.logs import configure_logging
from bot.settings import ConfigError, Settings, load_settings


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["db"]:
        return _run_db(argv[1:])
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="gemini-cost Slack bot. Without a mode: Socket Mode when SLACK_APP_TOKEN is set, "
        "the offline shell when no Slack token is set, else HTTP on $PORT. "
        "`python -m bot db --help`: the database schema.",
    )
    parser.add_argument("mode", nargs="?", choices=("shell", "socket", "http"), help="force a mode")
    who = parser.add_mutually_exclusive_group()
    who.add_argument(
        "--as-zh",
        action="store_const",
        const="zh-CN",
        dest="locale",
        help="shell: act as a user whose Slack language is Simplified Chinese",
    )
    who.add_argument("--locale", help="shell: your Slack locale as users.info reports it (e.g. zh-CN, zh-TW, ja-JP)")
    parser.add_argument("--admin", action="store_true", help="shell: act as an admin (added to ADMIN_USER_IDS)")
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
        mode = args.mode or _default_mode(settings)
        if mode == "shell":
            # The shell prints answers; logs (warnings and up) go to stderr so they never mix in.
            configure_logging(level=30)
            from bot.shell import run_shell

            return run_shell(settings, locale=args.locale or "en-US", admin=args.admin)
        configure_logging()
        if mode == "socket":
            return _run_socket_mode(settings)
        return _run_http(settings)
    except ConfigError as error:
        print(f"gemini-cost: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run_db(argv: list[str]) -> int:
    configure_logging()
    try:
        from bot.dbcli import main as db_main

        return db_main(argv)
    except ConfigError as error:
        print(f"gemini-cost: {error}", file=sys.stderr)
        return 2


def _default_mode(settings: Settings) -> str:
    if settings.slack_app_token is not None:
        return "socket"
    if not settings.has_slack_tokens:
        return "shell"
    return "http"


def _run_socket_mode(settings: Settings) -> int:
    from bot.services import create_app
    from bot.slack.socket_worker import check_app_token, serve_socket_mode

    settings.require_socket_mode()
    assert settings.slack_app_token is not None  # checked by require_socket_mode
    token = settings.slack_app_token.get_secret_value()
    check_app_token(settings, token)  # before the loop, like every setting: a bad one ends start-up in one line
    return serve_socket_mode(create_app(settings), token)


def _run_http(settings: Settings) -> int:
    from bot.services import create_web_app
    from bot.slack.web import serve_http

    # Built before the loop: a bad setting ends start-up in one line.
    return serve_http(create_web_app(settings), settings.port)


if __name__ == "__main__":
    sys.exit(main())
