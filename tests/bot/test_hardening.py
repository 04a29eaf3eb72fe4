"""Hostile input over HTTP, signed and not: never a 500, never a traceback to the caller, bounded time, and the
server healthy afterwards. Secrets never reach the logs.

Each request has a client-side deadline (REQUEST_TIMEOUT), never a timed assertion.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from fake_slack import BOT_USER_ID, TEAM_ID, FakeSlack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_harness import SIGNING_SECRET, BotServer, bot_env, free_port, new_id, procfile_command, sign, start_bot

REQUEST_TIMEOUT = 10.0
BROADCASTS = ("<!channel>", "<!here>", "<!everyone>", "<@U0VICTIM>", "<!subteam^S0TEAM>", "<#C0SECRET>")
APOLOGY = "Sorry, something went wrong"


@pytest.fixture(scope="module")
def hbot(fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    workdir = tmp_path_factory.mktemp("hardening")
    server = start_bot(fake_slack, f"sqlite:///{workdir / 'bot.db'}", workdir)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=REQUEST_TIMEOUT) as client:
        yield client


def post(
    http: httpx.Client,
    bot: BotServer,
    body: str | bytes,
    content_type: str = "application/x-www-form-urlencoded",
    *,
    signed: bool = True,
) -> httpx.Response:
    raw = body.encode() if isinstance(body, str) else body
    headers = {"Content-Type": content_type}
    if signed:  # over the exact bytes sent, as Slack signs (sign() takes text)
        ts = str(int(time.time()))
        digest = hmac.new(SIGNING_SECRET.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()
        headers |= {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}
    return http.post(f"{bot.url}/slack/events", content=raw, headers=headers)


def assert_handled(response: httpx.Response) -> None:
    """Not a server error, and nothing of the server's insides in what the caller sees."""
    assert response.status_code < 500, (response.status_code, response.text[:300])
    for leak in ("Traceback (most recent call last)", 'File "/', "/site-packages/"):
        assert leak not in response.text, response.text[:300]


def assert_healthy(http: httpx.Client, bot: BotServer) -> None:
    assert bot.process.poll() is None, "the server process died"
    assert http.get(f"{bot.url}/healthz").status_code == 200
    answer = json.loads(bot.command("1M in 50k out", user="U0EN").text)
    assert "$4.90" in answer["text"]


def form(**fields: object) -> str:
    base: dict[str, object] = {
        "token": "legacy",
        "team_id": TEAM_ID,
        "team_domain": "t",
        "channel_id": "C0HARD",
        "channel_name": "general",
        "user_id": "U0EN",
        "user_name": "en",
        "command": "/gemini-cost",
        "text": "1M in 50k out",
        "api_app_id": "A0TEST",
        "response_url": "http://127.0.0.1:9/response/x",
        "trigger_id": "1.2.3",
    }
    for key, value in fields.items():
        if value is None:
            base.pop(key, None)
        else:
            base[key] = value
    return urlencode(base, doseq=True)


def event_body(event: object, **extra: object) -> str:
    return json.dumps(
        {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A0TEST",
            "type": "event_callback",
            "event_id": new_id("Ev"),
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
            **extra,
        }
    )


def action_payload(payload: object) -> str:
    return urlencode({"payload": json.dumps(payload)})


# -- signed, well-formed HTTP, odd contents -----------------------------------------------------------------

JUNK = "\x00\x01\u202e\ufeff\u200b\U0001f4a9 ８８万 ①②③ ٣٤ 𝟏𝐌 in ∞ out NaN -1 1e309 \\u0000 %00 &amp; <script>"
EVERYWHERE = " ".join(BROADCASTS)

SLASH_COMMANDS = {
    "user_id missing": form(user_id=None),
    "user_id empty": form(user_id=""),
    "user_id 10k chars": form(user_id="U" * 10_000),
    "user_id junk": form(user_id=JUNK),
    "text missing": form(text=None),
    "text twice (a list)": form(text=["1M in", "2M in"]),
    "text empty": form(text=""),
    "text unicode junk": form(text=JUNK),
    "text 100k digits": form(text="9" * 100_000),
    "text only whitespace": form(text=" \t\n\u3000 "),
    "channel_id missing": form(channel_id=None),
    "team_id missing": form(team_id=None),
    "lang junk": form(text="lang " + JUNK),
    "lang 100k": form(text="lang " + "x" * 100_000),
    "admin from a non-admin": form(text="admin set gemini-2.5-pro input 0 " + EVERYWHERE),
    "broadcasts in every field": form(
        **{
            key: EVERYWHERE
            for key in (
                "token",
                "team_domain",
                "channel_id",
                "channel_name",
                "user_id",
                "user_name",
                "text",
                "trigger_id",
            )
        }
    ),
    "unknown extra fields": form(foo="bar", **{"": "x", "text[]": "1M in"}),
}


@pytest.mark.parametrize("body", SLASH_COMMANDS.values(), ids=SLASH_COMMANDS.keys())
def test_odd_slash_commands_get_a_real_answer(http: httpx.Client, hbot: BotServer, body: str) -> None:
    response = post(http, hbot, body)
    assert_handled(response)
    assert response.status_code == 200, response.text[:300]
    answer = json.loads(response.text)
    everything = json.dumps(answer, ensure_ascii=False)
    assert answer["text"] and APOLOGY not in everything
    for broadcast in ("<!", "<@", "<#"):
        assert broadcast not in everything, "user text came back live"


OTHER_FORMS = {
    "unknown command": form(command="/other"),
    "command missing": form(command=None),
    "empty body": "",
    "just junk": "%%%===&&&" + JUNK,
    "form with a non-utf-8 byte": b"command=%2Fgemini-cost&user_id=U0EN&text=\xff\xfe",
}


@pytest.mark.parametrize("body", OTHER_FORMS.values(), ids=OTHER_FORMS.keys())
def test_forms_that_are_not_our_command_are_refused_cleanly(http: httpx.Client, hbot: BotServer, body: str) -> None:
    assert_handled(post(http, hbot, body))


EVENTS = {
    "unknown event type": event_body({"type": "reaction_added", "user": "U0EN", "reaction": "+1"}),
    "event type missing": event_body({"user": "U0EN"}),
    "message without ts or text": event_body(
        {"type": "message", "channel_type": "im", "user": "U0EN", "channel": new_id("D")}
    ),
    "mention with null text": event_body(
        {"type": "app_mention", "user": "U0EN", "channel": new_id("C"), "ts": "1.0", "text": None}
    ),
    "mention with wrong types": event_body(
        {"type": "app_mention", "user": ["U0EN"], "channel": {"a": 1}, "ts": 1.0, "text": 5}
    ),
    "DM with text an object": event_body(
        {"type": "message", "channel_type": "im", "user": "U0EN", "channel": new_id("D"), "ts": "2.0", "text": {"a": 1}}
    ),
    "App Home with user a list": event_body({"type": "app_home_opened", "user": ["U0EN"]}),
    "event_id a list": event_body({"type": "app_home_opened", "user": "U0EN"}, event_id=["x"]),
    "event_id 10k chars": event_body({"type": "app_home_opened", "user": "U0EN"}, event_id="E" * 10_000),
    "broadcasts in every event field": event_body(
        {
            "type": "app_mention",
            "user": EVERYWHERE,
            "channel": EVERYWHERE,
            "ts": EVERYWHERE,
            "text": EVERYWHERE,
            "thread_ts": EVERYWHERE,
        }
    ),
    "url_verification": json.dumps({"type": "url_verification", "challenge": "abc"}),
    "url_verification without challenge": json.dumps({"type": "url_verification"}),
    "unknown top-level type": json.dumps({"type": "something_new", "x": 1}),
    "empty object": "{}",
}


@pytest.mark.parametrize("body", EVENTS.values(), ids=EVENTS.keys())
def test_odd_events_are_acknowledged_without_a_server_error(http: httpx.Client, hbot: BotServer, body: str) -> None:
    assert_handled(post(http, hbot, body, "application/json"))


INTERACTIONS = {
    "unknown block action id": action_payload(
        {"type": "block_actions", "user": {"id": "U0EN"}, "actions": [{"action_id": "nope", "value": "1"}]}
    ),
    "sync apply with a malformed version": action_payload(
        {
            "type": "block_actions",
            "user": {"id": "U0EN"},
            "response_url": "http://127.0.0.1:9/response/x",
            "actions": [{"action_id": "admin_sync_apply", "value": "not a number"}],
        }
    ),
    "view_submission": action_payload({"type": "view_submission", "view": {}}),
    "shortcut": action_payload({"type": "shortcut", "callback_id": "x"}),
    "payload an empty object": action_payload({}),
}


@pytest.mark.parametrize("body", INTERACTIONS.values(), ids=INTERACTIONS.keys())
def test_odd_interactions_are_refused_cleanly(http: httpx.Client, hbot: BotServer, body: str) -> None:
    assert_handled(post(http, hbot, body))


# -- known bugs: a 500 (and a traceback in the log) ------------------------------------------------------------

UNPARSABLE = {
    "invalid JSON": ("{not json", "application/json"),
    "form body starting with a brace": ("{not json", "application/x-www-form-urlencoded"),
    "JSON array": ("[1, 2, 3]", "application/json"),
    "JSON string": ('"text"', "application/json"),
    "JSON null": ("null", "application/json"),
    "payload= not JSON": ("payload=not-json", "application/x-www-form-urlencoded"),
    "payload= a JSON array": (urlencode({"payload": "[1]"}), "application/x-www-form-urlencoded"),
}


@pytest.mark.parametrize("body, content_type", UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_unparsable_signed_bodies_are_a_client_error(
    http: httpx.Client, hbot: BotServer, body: str, content_type: str
) -> None:
    response = post(http, hbot, body, content_type)
    assert_handled(response)
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("body, content_type", UNPARSABLE.values(), ids=UNPARSABLE.keys())
def test_unparsable_unsigned_bodies_are_rejected_as_unsigned(
    http: httpx.Client, hbot: BotServer, body: str, content_type: str
) -> None:
    assert post(http, hbot, body, content_type, signed=False).status_code == 401


WRONG_TYPES = {
    "event a string": (event_body("not an object"), "application/json"),
    "channel message with text a list": (
        event_body(
            {
                "type": "message",
                "channel_type": "channel",
                "user": "U0EN",
                "channel": new_id("C"),
                "ts": "3.0",
                "text": ["1M in"],
            }
        ),
        "application/json",
    ),
    "block_actions with actions a string": (
        json.dumps({"type": "block_actions", "user": {"id": "U0EN"}, "actions": "x"}),
        "application/json",
    ),
    "sync cancel with user a string": (
        action_payload({"type": "block_actions", "user": "U0EN", "actions": [{"action_id": "admin_sync_cancel"}]}),
        "application/x-www-form-urlencoded",
    ),
}


@pytest.mark.parametrize("body, content_type", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
def test_wrongly_typed_fields_are_not_a_server_error(
    http: httpx.Client, hbot: BotServer, body: str, content_type: str
) -> None:
    assert_handled(post(http, hbot, body, content_type))


@pytest.mark.parametrize("field", ["text", "user_name", "channel_name"])
def test_the_word_payload_in_a_slash_command_is_answered(http: httpx.Client, hbot: BotServer, field: str) -> None:
    fields = {"text": "1M in 50k out", field: "payload"} if field != "text" else {"text": "payload 1M in 50k out"}
    response = post(http, hbot, form(**fields))
    assert response.status_code == 200, response.text
    # answered: priced, or (the word "payload" in the question itself) asked back with the reading
    text = json.loads(response.text)["text"]
    assert "$" in text if field != "text" else "1,000,000" in text


# -- huge bodies ---------------------------------------------------------------------------------------------


def _huge_command(size: int) -> str:
    """A signed slash command of about ``size`` bytes (URL-encoded) of text."""
    unit = "1M in 50k out 你好 <!channel> "
    encoded = len(urlencode({"t": unit})) - 2
    return form(text=unit * (size // encoded + 1))


@pytest.mark.parametrize("size", [1 << 20, 10 << 20], ids=["1MB", "10MB"])
def test_huge_signed_bodies_are_answered_or_refused_in_bounded_time(
    http: httpx.Client, hbot: BotServer, size: int
) -> None:
    body = _huge_command(size)
    assert len(body) >= size
    assert_handled(post(http, hbot, body))
    channel_message = event_body(
        {
            "type": "message",
            "channel_type": "channel",
            "user": "U0EN",
            "channel": new_id("C"),
            "ts": "4.0",
            "text": "1M in 50k out " * (size // 14),
        }
    )
    assert_handled(post(http, hbot, channel_message, "application/json"))
    assert_healthy(http, hbot)


def test_a_body_over_the_limit_is_refused_with_413(http: httpx.Client, hbot: BotServer) -> None:
    response = post(http, hbot, _huge_command(10 << 20))
    assert response.status_code == 413


# -- generated form fields (hypothesis) ----------------------------------------------------------------------

_tokens = st.sampled_from(
    [
        *BROADCASTS,
        "1M",
        "in",
        "out",
        "50k",
        "输入",
        "100万",
        "x100",
        "per day",
        "on",
        "2.5 flash",
        "lang",
        "admin",
        "help",
        "public",
        "公开",
        "&",
        "=",
        "%",
        "+",
        "\n",
    ]
)
_text = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=200),
    st.lists(_tokens, max_size=12).map(" ".join),
)
_field = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=40),
    st.sampled_from(["U0EN", "U0ZH", "U0TW", "U0JA", *BROADCASTS]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(_text, st.lists(_text, min_size=2, max_size=3)), user_id=_field, channel_id=_field, user_name=_field
)
def test_generated_form_fields_always_get_an_answer(
    http: httpx.Client,
    hbot: BotServer,
    text: str | list[str],
    user_id: str | None,
    channel_id: str | None,
    user_name: str | None,
) -> None:
    body = form(text=text, user_id=user_id, channel_id=channel_id, user_name=user_name)
    if "payload" in body:  # the known Bolt bug above: a 404, tested there
        return
    response = post(http, hbot, body)
    assert_handled(response)
    assert response.status_code == 200, response.text[:300]
    answer = json.loads(response.text)
    everything = json.dumps(answer, ensure_ascii=False)
    assert answer["text"] and APOLOGY not in everything
    assert "<!" not in everything and "<@" not in everything and "<#" not in everything


_scalar = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=30))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    kind=st.sampled_from(["app_mention", "message", "app_home_opened", "reaction_added"]),
    fields=st.dictionaries(
        st.sampled_from(["user", "channel", "ts", "thread_ts", "subtype", "bot_id", "tab", "channel_type"]),
        st.one_of(st.none(), st.text(max_size=30)),
        max_size=8,
    ),
    text=_text,
)
def test_generated_string_event_fields_are_acknowledged(
    http: httpx.Client, hbot: BotServer, kind: str, fields: dict[str, str | None], text: str
) -> None:
    """Events whose fields are strings (or missing), as Slack sends them: always acknowledged, never a 500."""
    response = post(http, hbot, event_body({"type": kind, "text": text, **fields}), "application/json")
    assert_handled(response)


def test_still_healthy_after_all_of_it(http: httpx.Client, hbot: BotServer) -> None:
    assert_healthy(http, hbot)


# -- secrets never reach the logs ------------------------------------------------------------------------------

SECRET_TOKEN = "xoxb-4242-8484-Zq9SeCrEtToKeN"
SECRET_TOKEN_TAIL = SECRET_TOKEN.removeprefix("xoxb-")
SECRET_SIGNING = "sIgNiNg-SeCrEt-7f3a9c0e1b2d4f6a"


def assert_no_secrets(text: str) -> None:
    for secret in (SECRET_TOKEN, SECRET_TOKEN_TAIL, SECRET_SIGNING):
        assert secret not in text, f"a secret ({secret[:8]}...) is in the log"


def test_secrets_never_appear_in_the_log_while_serving(
    http: httpx.Client, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    bot = start_bot(
        fake_slack,
        f"sqlite:///{tmp_path / 'bot.db'}",
        tmp_path,
        SLACK_BOT_TOKEN=SECRET_TOKEN,
        SLACK_SIGNING_SECRET=SECRET_SIGNING,
    )
    url = f"{bot.url}/slack/events"
    try:
        body = form(text="1M in 50k out")
        # Forged, stale and unsigned requests; then a correctly signed one (it must work with these secrets).
        for headers in (sign(body, secret=SIGNING_SECRET), sign(body, secret=SECRET_SIGNING, timestamp=1), {}):
            assert (
                http.post(
                    url, content=body, headers={"Content-Type": "application/x-www-form-urlencoded", **headers}
                ).status_code
                == 401
            )
        ok = http.post(
            url,
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body, secret=SECRET_SIGNING)},
        )
        assert "$4.90" in ok.text
        # Failing Web API calls: a post given up after retries, an unknown user's look-up, a 500 with a traceback.
        channel = new_id("D")
        fake_slack.failures[("chat.postMessage", channel)] = [500, 502, 503]
        for event in (
            {
                "type": "message",
                "channel_type": "im",
                "user": "U0EN",
                "channel": channel,
                "text": "1M in",
                "ts": f"{time.time():.6f}",
            },
            {
                "type": "message",
                "channel_type": "im",
                "user": "U0NOBODY",
                "channel": new_id("D"),
                "text": "1M in",
                "ts": f"{time.time():.6f}",
            },
        ):
            raw = event_body(event)
            http.post(
                url, content=raw, headers={"Content-Type": "application/json", **sign(raw, secret=SECRET_SIGNING)}
            )
        raw = "{not json"
        http.post(url, content=raw, headers={"Content-Type": "application/json", **sign(raw, secret=SECRET_SIGNING)})
        deadline = time.monotonic() + 15
        log = next(tmp_path.glob("bot-*.log"))
        while f"posting in {channel} failed" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        bot.stop()
    text = log.read_text(errors="replace")
    assert f"posting in {channel} failed" in text
    assert "users.info failed for U0NOBODY" in text
    assert_no_secrets(text)


#: A bad setting (with the secrets set) and the variable the one-line error must name.
BAD_STARTS = {
    "token of the wrong kind": ({"SLACK_BOT_TOKEN": "xoxp-4242-8484-Zq9SeCrEtToKeN"}, "SLACK_BOT_TOKEN"),
    "other settings malformed": ({"CARD_REFRESH_SECONDS": "soon", "DEFAULT_LANG": "klingon"}, "DEFAULT_LANG"),
    "Slack unreachable": ({"SLACK_API_URL": "http://127.0.0.1:9/api/"}, "SLACK_API_URL"),
    "database URL malformed": ({"DATABASE_URL": "mysql://u:p@h/db"}, "DATABASE_URL"),
}


@pytest.mark.parametrize("bad, named", BAD_STARTS.values(), ids=BAD_STARTS.keys())
def test_secrets_never_appear_when_start_up_fails(
    fake_slack: FakeSlack, tmp_path: Path, bad: dict[str, str], named: str
) -> None:
    env = bot_env(
        fake_slack,
        f"sqlite:///{tmp_path / 'bot.db'}",
        PORT=str(free_port()),
        SLACK_BOT_TOKEN=SECRET_TOKEN,
        SLACK_SIGNING_SECRET=SECRET_SIGNING,
    )
    env.update(bad)
    done = subprocess.run(
        ["bash", "-c", "exec " + procfile_command("web")],
        check=False,
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    output = done.stdout + done.stderr
    assert done.returncode != 0, output[-2000:]
    assert "gemini-cost:" in output and named in output and "Traceback" not in output, output[-2000:]
    assert_no_secrets(output)
    if "xoxp-" in bad.get("SLACK_BOT_TOKEN", ""):
        assert "Zq9SeCrEtToKeN" not in output
