"""The offline shell: type what you would type in Slack and see the bot's answers, no workspace needed.

Every line becomes the request Slack would send (a slash command, an app_mention, a DM), signed and
dispatched into the very Bolt app `create_app` builds, so the listeners, catalogs and store are the
real ones. Only the Web API is stood in for, by a client that prints what the bot would post.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import html
import itertools
import json
import secrets
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO
from urllib.parse import urlencode

from pydantic import SecretStr
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.web.async_slack_response import AsyncSlackResponse

from bot.services import create_app
from bot.settings import Settings
from bot.slack.app import services_of, shut_down, start_serving
from bot.slack.listeners.replies import pressed
from bot.slack.request import build_bolt_request

__all__ = ["Shell", "ShellClient", "blocks_to_text", "build_shell", "run_shell"]

TEAM_ID = "T0SHELL"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
USER_ID = "U0YOU"
CHANNEL_ID = "C0GENERAL"
DM_CHANNEL_ID = "D0YOU"

HELP = """\
Type what you would type in Slack:
  /gemini-cost 1M in 50k out      the slash command (also: /gemini-cost lang zh)
  @bot free tier?                 a mention in #general, answered in its thread
  #general 1M in 50k out cost?    a plain channel message (answered if CHANNEL_QUESTIONS=true)
  1M tokens in CNY                anything else is a direct message to the bot
  :home                           open the bot's App Home
  :pick 1                         press button 1 under the bot's last question (a reading it offered)
  :quit                           leave (or Ctrl-D)"""


class ShellClient(AsyncWebClient):
    """A Web API that answers locally: users.info from the shell's flags, posts printed to ``out``."""

    def __init__(self, out: Callable[[str], None], *, locale: str = "en-US") -> None:
        # The URL is never contacted: api_call below answers every method in-process.
        super().__init__(token="xoxb-offline-shell", base_url="http://127.0.0.1:9/")
        self._out = out
        self.locale = locale

    def __deepcopy__(self, memo: dict[int, Any]) -> ShellClient:
        # Bolt copies the context (client included) for lazy listeners; printing must stay shared.
        return self

    async def api_call(  # type: ignore[override]
        self,
        api_method: str,
        *,
        http_verb: str = "POST",
        files: dict[str, Any] | None = None,
        data: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        auth: dict[str, Any] | None = None,
    ) -> AsyncSlackResponse:
        args = {**(params or {}), **(data or {}), **(json or {})}
        body = self._answer(api_method, args)
        response = AsyncSlackResponse(
            client=self, http_verb=http_verb, api_url=api_method, req_args={}, data=body, headers={}, status_code=200
        )
        return response

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "team_id": TEAM_ID, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "user": "gemini-cost"}
        if method == "users.info":
            return {"ok": True, "user": {"id": args.get("user"), "locale": self.locale, "is_bot": False}}
        if method in ("chat.postMessage", "chat.postEphemeral"):
            where = "in the thread" if args.get("thread_ts") else ""
            if method == "chat.postEphemeral":
                where = "only visible to you" + (", in the thread" if where else "")
            self._out(_framed(where, _blocks_or_text(args)))
            return {"ok": True, "channel": args.get("channel"), "ts": f"{time.time():.6f}"}
        if method == "views.publish":
            view = args.get("view") or {}
            if isinstance(view, str):
                view = json.loads(view)
            self._out(_framed("App Home", blocks_to_text(view.get("blocks") or [])))
            return {"ok": True}
        return {"ok": True}


class Shell:
    """Turns typed lines into signed Slack requests for ``app`` and prints what comes back."""

    def __init__(self, app: AsyncApp, signing_secret: str, out: Callable[[str], None]) -> None:
        self.app = app
        self._secret = signing_secret
        self._out = out
        # Event ids and message timestamps must be new on every run: the store remembers handled ones.
        self._run = secrets.token_hex(4).upper()
        self._events = itertools.count(1)
        self._last_ts = 0.0

    async def handle(self, line: str) -> bool:
        """Act on one line, and wait for every answer it causes; False when the user asked to leave."""
        line = line.strip()
        if not line:
            return True
        if line in (":quit", ":exit", ":q"):
            return False
        if line in (":help", "?"):
            self._out(HELP)
        elif line == ":home":
            await self._event({"type": "app_home_opened", "user": USER_ID, "channel": DM_CHANNEL_ID, "tab": "home"})
        elif line.split(maxsplit=1)[0] == ":pick":
            await self._pick(line.split(maxsplit=1)[1:])
        elif line.split(maxsplit=1)[0] == "/gemini-cost":
            await self._command(line[len("/gemini-cost") :].strip())
        elif line.startswith("@"):
            question = line.split(maxsplit=1)[1] if " " in line else ""
            await self._mention(question)
        elif line.startswith("#"):
            text = line.split(maxsplit=1)[1] if " " in line else ""
            await self._channel_message(text)
        else:
            await self._message({"channel": DM_CHANNEL_ID, "channel_type": "im", "text": line})
        # Answers to events are posted by background tasks, as in Slack: print them before the prompt.
        await services_of(self.app).events.join()
        return True

    async def _pick(self, args: list[str]) -> None:
        """Press a button under the last question: its reading is asked, as pressing it in Slack would."""
        choice = args[0].strip() if args else ""
        if not choice.isascii() or not choice.isdigit() or not 1 <= int(choice) <= len(_LAST_BUTTONS):
            self._out(f"[no button {choice or '?'}: the last answer has {len(_LAST_BUTTONS)}]")
            return
        reading, _asker = pressed(str(_LAST_BUTTONS[int(choice) - 1].get("value") or ""))  # the button carries its reading
        await self._message({"channel": DM_CHANNEL_ID, "channel_type": "im", "text": reading})

    async def _command(self, text: str) -> None:
        body = urlencode({
            "token": "shell", "team_id": TEAM_ID, "channel_id": CHANNEL_ID, "channel_name": "general",
            "user_id": USER_ID, "user_name": "you", "command": "/gemini-cost", "text": text,
            "response_url": "http://127.0.0.1:9/response", "trigger_id": "shell.trigger",
        })  # fmt: skip
        response = await self._dispatch(body, "application/x-www-form-urlencoded")
        if response.status != 200:
            self._out(f"[Slack would show an error: HTTP {response.status}]")
            return
        ack = json.loads(response.body) if response.body else {}
        where = (
            "everyone in the channel sees this" if ack.get("response_type") == "in_channel" else "only visible to you"
        )
        self._out(_framed(where, _blocks_or_text(ack)))

    async def _mention(self, question: str) -> None:
        # Slack sends a channel mention twice (app_mention and message.channels): so does the shell.
        ts = self._next_ts()
        text = f"<@{BOT_USER_ID}> {question}".strip()
        await self._event({"type": "app_mention", "user": USER_ID, "channel": CHANNEL_ID, "text": text, "ts": ts})
        await self._message({"channel": CHANNEL_ID, "channel_type": "channel", "text": text}, ts=ts)

    async def _channel_message(self, text: str) -> None:
        await self._message({"channel": CHANNEL_ID, "channel_type": "channel", "text": text})

    async def _message(self, fields: dict[str, Any], *, ts: str | None = None) -> None:
        await self._event({"type": "message", "user": USER_ID, "ts": ts or self._next_ts(), **fields})

    async def _event(self, event: dict[str, Any]) -> None:
        body = json.dumps({
            "token": "shell", "team_id": TEAM_ID, "api_app_id": "A0SHELL", "type": "event_callback",
            "event_id": f"Ev{self._run}{next(self._events):06d}", "event_time": int(time.time()), "event": event,
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        })  # fmt: skip
        await self._dispatch(body, "application/json")

    async def _dispatch(self, body: str, content_type: str) -> Any:
        timestamp = str(int(time.time()))
        digest = hmac.new(self._secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
        headers: dict[str, Sequence[str]] = {
            "content-type": [content_type],
            "x-slack-request-timestamp": [timestamp],
            "x-slack-signature": [f"v0={digest}"],
        }
        return await self.app.async_dispatch(build_bolt_request(body, "", headers))

    def _next_ts(self) -> str:
        self._last_ts = max(time.time(), self._last_ts + 0.000001)
        return f"{self._last_ts:.6f}"


def blocks_to_text(blocks: Iterable[dict[str, Any]]) -> str:
    """Block Kit as terminal text: the words of each block, entities unescaped."""
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "divider":
            lines.append("-" * 40)
        elif kind in ("section", "header"):
            if block.get("text"):
                lines.append(block["text"].get("text", ""))
            for item in block.get("fields") or []:
                lines.append(item.get("text", ""))
        elif kind == "context":
            lines.append("  ".join(e.get("text", "") for e in block.get("elements") or [] if "text" in e))
        elif kind == "rich_text":
            lines.append(json.dumps(block.get("elements"), ensure_ascii=False))
        elif kind == "actions":
            buttons = [e for e in block.get("elements") or [] if e.get("type") == "button"]
            lines.extend(f"  [{i}] {b['text']['text']}" for i, b in enumerate(buttons, start=1))
    return html.unescape("\n".join(line for line in lines if line))


#: The buttons under the last answer printed, for `:pick N` (the shell is one user at a terminal).
_LAST_BUTTONS: list[dict[str, Any]] = []


def _blocks_or_text(payload: dict[str, Any]) -> str:
    blocks = payload.get("blocks")
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    _LAST_BUTTONS[:] = [e for b in blocks or [] if b.get("type") == "actions" for e in b.get("elements") or []
                        if e.get("type") == "button"]  # fmt: skip
    return blocks_to_text(blocks) if blocks else html.unescape(str(payload.get("text") or ""))


def _framed(where: str, text: str) -> str:
    label = f"bot ({where})" if where else "bot"
    return f"{label}:\n{text}\n"


def build_shell(settings: Settings, out: Callable[[str], None], *, locale: str = "en-US", admin: bool = False) -> Shell:
    """The shell over a real app; ``locale`` is what users.info says about you, ``admin`` adds you to ADMIN_USER_IDS."""
    secret = secrets.token_hex(16)
    admins = tuple(settings.admin_user_ids) + ((USER_ID,) if admin else ())
    shell_settings = settings.model_copy(update={
        "slack_bot_token": SecretStr("xoxb-offline-shell"),
        "slack_signing_secret": SecretStr(secret),
        "slack_app_token": None,
        "admin_user_ids": admins,
    })  # fmt: skip
    client = ShellClient(out, locale=locale)
    # The shell's client answers every request (Bolt would make a fresh one per request for Slack).
    app = create_app(shell_settings, client=client, locale_client=client)
    return Shell(app, secret, out)


def run_shell(
    settings: Settings, *, locale: str, admin: bool, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout
) -> int:
    """Read lines until EOF or :quit; returns the exit status."""

    def out(text: str) -> None:
        print(text, file=stdout, flush=True)

    shell = build_shell(settings, out, locale=locale, admin=admin)
    interactive = stdin.isatty()
    if interactive:
        out(f"gemini-cost offline shell, as a user with Slack locale {locale}{' (admin)' if admin else ''}.")
        out(HELP)

    async def converse() -> int:
        start_serving(shell.app)
        try:
            while True:
                if interactive:
                    print("you> ", end="", file=stdout, flush=True)
                line = await asyncio.to_thread(stdin.readline)
                if not line or not await shell.handle(line):
                    return 0
        finally:
            await shut_down(shell.app)

    return asyncio.run(converse())
