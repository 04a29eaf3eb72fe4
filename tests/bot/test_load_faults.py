"""The web process under sustained load and Web API faults: every request answered, no crash, no duplicate.

Each test talks to the bot as the Procfile runs it (uvicorn in a subprocess, signed requests over loopback)
and reads the bot's own log file. No timed assertions except the slash-command ack budget, which is
Slack's contract (3 s), checked with a wide margin.
(Database outages under load are covered by test_admin_e2e.py.)
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import fake_slack as fake_module
import httpx
import pytest
from fake_slack import TEAM_ID, FakeSlack
from slack_harness import BotServer, new_id, settle, sign, slack_ts, start_bot

from bot.text.i18n import translator

EXAMPLE = "1M in 50k out"
APOLOGY = "Sorry, something went wrong"
#: The answer budget's reply (services.ANSWER_BUDGET), in each language the load test's askers use.
TOO_SLOW = tuple(translator(lang).gettext("That took too long to work out: please ask a shorter question.") for lang in ("en", "zh_CN", "zh_TW"))
#: Slack abandons a slash command after 3 s; the bot must ack well inside it.
ACK_BUDGET = 2.5


def start_logged_bot(fake: FakeSlack, workdir: Path, **env: str) -> BotServer:
    """start_bot, remembering where its log goes (start_bot writes workdir/bot-PORT.log)."""
    server = start_bot(fake, f"sqlite:///{workdir / 'bot.db'}", workdir, **env)
    server.log_path = workdir / f"bot-{server.url.rsplit(':', 1)[1]}.log"  # type: ignore[attr-defined]
    return server


def log_of(bot: BotServer) -> Path:
    return bot.log_path  # type: ignore[attr-defined, no-any-return]


def wait_for_log(path: Path, pattern: str, timeout: float = 15.0) -> str:
    """The first log line matching ``pattern``, waiting for it to be written."""
    deadline = time.monotonic() + timeout
    regex = re.compile(pattern)
    while True:
        for line in path.read_text(errors="replace").splitlines():
            if regex.search(line):
                return line
        if time.monotonic() > deadline:
            raise AssertionError(f"no log line matching {pattern!r}; log ends:\n{path.read_text()[-2000:]}")
        time.sleep(0.05)


def dm(bot: BotServer, text: str, *, user: str = "U0EN", channel: str | None = None) -> str:
    channel = channel or new_id("D")
    response = bot.event(
        {"type": "message", "channel_type": "im", "user": user, "channel": channel, "text": text, "ts": slack_ts()}
    )
    assert response.status_code == 200, response.text
    return channel


@pytest.fixture(scope="module")
def lbot(fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    """A bot of its own, so its log file holds only this module's traffic.

    Its users' locales are looked up once, before any load, with a generous LOCALE_TIMEOUT: on a busy CI
    machine a 0.5 s look-up can time out, and the (by design) cached fallback would make a Chinese user
    English for five minutes, which is not what these tests are about.
    """
    server = start_logged_bot(fake_slack, tmp_path_factory.mktemp("load"), LOCALE_TIMEOUT="5")
    for user in ("U0EN", "U0ZH", "U0TW", "U0JA"):
        assert server.command("help", user=user).status_code == 200
    yield server
    server.stop()


@pytest.fixture
def fresh_bot(fake_slack: FakeSlack, tmp_path: Path) -> Iterator[BotServer]:
    """A just-started bot: nothing cached yet (users' locales)."""
    server = start_logged_bot(fake_slack, tmp_path)
    yield server
    server.stop()


# -- sustained load ------------------------------------------------------------------------------------

#: (query, user, strings the ack must contain): English, Chinese, Traditional, errors, help.
MIX = [
    (EXAMPLE, "U0EN", ("Estimated cost", "$4.90")),
    ("输入100万 输出5万", "U0ZH", ("预估费用", "4.90")),
    (EXAMPLE, "U0TW", ("預估費用", "4.90")),
    ("输入100万 输出5万", "U0JA", ("Estimated cost", "$4.90")),
    ("1M in 50k out on gemini-9-ultra", "U0EN", ("Unknown model", "gemini-9-ultra")),
    ("lunch at noon?", "U0EN", ("couldn't find a pricing question",)),
    ("10k in 2k out x1000 per day on 2.5 flash with search", "U0ZH", ("预估费用",)),
    ("", "U0EN", ("/gemini-cost 1M in 50k out",)),
    ("compare 200k in 10k out", "U0EN", ("gemini-2.5-flash",)),
    ("<!channel> 1M in", "U0EN", ("Estimated cost",)),
]


def _in_channel(channel: str, call: fake_module.Call) -> bool:
    return call.args.get("channel") == channel


def test_sustained_load_answers_every_command_and_every_message(lbot: BotServer, fake_slack: FakeSlack) -> None:
    """500 signed commands at concurrency 16 (mixed languages, bad queries) plus 40 DMs: all answered, once."""
    total, concurrency = 500, 16
    channels = [new_id("D") for _ in range(40)]

    # One keep-alive client shared by the threads (httpx.post would build a client, and TLS context, per call).
    http = httpx.Client(limits=httpx.Limits(max_connections=concurrency), timeout=10)

    def one(i: int) -> tuple[int, int, str]:
        if i % 12 == 0 and i // 12 < len(channels):  # a DM among the commands: answered by a lazy listener
            event = {
                "type": "message",
                "channel_type": "im",
                "user": "U0EN",
                "channel": channels[i // 12],
                "text": EXAMPLE,
                "ts": slack_ts(),
            }
            body = json.dumps({"type": "event_callback", "event_id": new_id("Ev"), "team_id": TEAM_ID, "event": event})
            dm_ack = http.post(
                f"{lbot.url}/slack/events", content=body, headers={"Content-Type": "application/json", **sign(body)}
            )
            assert dm_ack.status_code == 200
        query, user, _ = MIX[i % len(MIX)]
        body = urlencode(
            {
                "team_id": TEAM_ID,
                "channel_id": "C0LOAD",
                "user_id": user,
                "command": "/gemini-cost",
                "text": query,
                "response_url": fake_slack.response_url(),
            }
        )
        response = http.post(
            f"{lbot.url}/slack/events",
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", **sign(body)},
        )
        return i, response.status_code, response.text

    with http, ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(one, range(total)))

    failures = []
    for i, status, body in results:
        expected = MIX[i % len(MIX)][2]
        text = json.loads(body).get("text", "") if status == 200 else ""
        # On a loaded machine an answer may pass the answer budget (2 s, queue included, while Slack waits 3 s): the
        # asker is then told so in their language, one answer, never silence. That is the budget working, not a
        # fault: a test that required every answer within it would be a timed assertion and fail with the load.
        budget_reply = any(message in text for message in TOO_SLOW)
        if status != 200 or APOLOGY in text or not (budget_reply or all(part in text for part in expected)):
            failures.append((i, status, body[:200]))
    assert not failures, f"{len(failures)} of {total} commands not answered right, e.g. {failures[:3]}"
    answered = {i % len(MIX) for i, status, body in results if not any(m in json.loads(body).get("text", "") for m in TOO_SLOW)}
    assert answered == set(range(len(MIX))), "each kind of command answered in full at least once"

    for channel in channels:
        answer = fake_slack.wait_for("chat.postMessage", partial(_in_channel, channel))
        assert "$4.90" in answer.text
    settle(lbot)
    posts = fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") in channels)
    assert len(posts) == len(channels), "every DM answered exactly once"
    problems = [line for line in log_of(lbot).read_text().splitlines() if " ERROR " in line or "Traceback" in line]
    assert not problems, problems[:5]


# -- Web API faults on an event's answer ---------------------------------------------------------------


def test_post_message_429_then_5xx_is_retried_then_given_up_with_a_log_line(
    lbot: BotServer, fake_slack: FakeSlack
) -> None:
    channel = new_id("D")
    # One attempt plus two retries (RateLimitErrorRetryHandler and the 5xx handler share the count);
    # a fourth failure is left queued to prove the bot did not try again.
    fake_slack.failures[("chat.postMessage", channel)] = [429, 503, 502, 500]
    dm(lbot, EXAMPLE, channel=channel)

    line = wait_for_log(log_of(lbot), rf"posting in {channel} failed")
    assert "WARNING" in line
    attempts = [c.method for c in fake_slack.calls if c.args.get("channel") == channel]
    assert attempts == ["chat.postMessage!429", "chat.postMessage!503", "chat.postMessage!502"]
    assert fake_slack.failures[("chat.postMessage", channel)] == [500]

    # Still serving: health, the next question, the next event.
    assert httpx.get(f"{lbot.url}/healthz", timeout=5).status_code == 200
    assert "$4.90" in json.loads(lbot.command(EXAMPLE).text)["text"]
    next_channel = dm(lbot, EXAMPLE)
    assert "$4.90" in fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == next_channel).text
    settle(lbot)
    assert not fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel), "never posted late"


def test_retried_post_and_redelivered_event_make_one_answer(lbot: BotServer, fake_slack: FakeSlack) -> None:
    """429 then 502, then success; meanwhile Slack redelivers the event twice: exactly one answer."""
    channel, event_id = new_id("D"), new_id("Ev")
    fake_slack.failures[("chat.postMessage", channel)] = [429, 502]
    event = {"type": "message", "channel_type": "im", "user": "U0ZH", "channel": channel, "text": EXAMPLE, "ts": slack_ts()}
    assert lbot.event(event, event_id=event_id).status_code == 200
    for attempt in (1, 2):
        retry = lbot.event(
            event, event_id=event_id, headers={"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "http_error"}
        )
        assert retry.status_code == 200
    fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    settle(lbot)
    posted = fake_slack.find("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert len(posted) == 1 and "预估费用" in posted[0].text


def test_views_publish_failing_is_logged_and_the_bot_carries_on(lbot: BotServer, fake_slack: FakeSlack) -> None:
    user = new_id("U")  # unknown to users.info: the default language, and calls that are only this test's
    # views.publish carries no channel: the fake keys its failures by ("views.publish", "None").
    fake_slack.failures[("views.publish", "None")] = [503, 503, 503]
    home = {"type": "app_home_opened", "user": user, "channel": new_id("D"), "tab": "home"}
    assert lbot.event(home).status_code == 200
    wait_for_log(log_of(lbot), r"views\.publish failed")
    assert len(fake_slack.find("views.publish!503", lambda c: c.args.get("user_id") == user)) == 3
    assert not fake_slack.find("views.publish", lambda c: c.args.get("user_id") == user), "given up, not posted"
    assert httpx.get(f"{lbot.url}/healthz", timeout=5).status_code == 200
    assert lbot.event({**home, "channel": new_id("D")}).status_code == 200
    fake_slack.wait_for("views.publish", lambda c: c.args.get("user_id") == user)


# -- a slow or failing users.info never holds a slash command -------------------------------------------


def timed_command(bot: BotServer, text: str, user: str) -> tuple[float, dict]:  # type: ignore[type-arg]
    started = time.monotonic()
    response = bot.command(text, user=user)
    elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    return elapsed, json.loads(response.text)


@pytest.mark.parametrize("locale_timeout", ["0.5", "1.5"], ids=["tests-0.5s", "default-1.5s"])
def test_slow_users_info_never_delays_the_ack_past_its_budget(
    fake_slack: FakeSlack, tmp_path: Path, locale_timeout: str
) -> None:
    """U0SLOW is zh-CN, but users.info answers after 3 s: the ack comes in time, in DEFAULT_LANG (en)."""
    bot = start_logged_bot(fake_slack, tmp_path, LOCALE_TIMEOUT=locale_timeout)
    try:
        def looked_up() -> int:
            return len(fake_slack.find("users.info", lambda c: c.args.get("user") == "U0SLOW"))

        before = looked_up()
        first_s, first = timed_command(bot, EXAMPLE, "U0SLOW")
        second_s, second = timed_command(bot, EXAMPLE, "U0SLOW")
        assert first_s < ACK_BUDGET, f"first ack took {first_s:.2f} s"
        assert second_s < ACK_BUDGET, f"second ack took {second_s:.2f} s"
        assert "Estimated cost" in first["text"] and "Estimated cost" in second["text"]  # fell back to en
        assert looked_up() - before == 1, "the failed look-up is cached: the second command does not wait again"
        wait_for_log(log_of(bot), r"users\.info unavailable for U0SLOW")
    finally:
        bot.stop()


def test_concurrent_commands_from_a_slow_user_all_ack_in_time(fresh_bot: BotServer, fake_slack: FakeSlack) -> None:
    """Eight commands at once from U0SLOW before anything is cached: every ack inside the budget."""
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: timed_command(fresh_bot, EXAMPLE, "U0SLOW"), range(8)))
    slowest = max(elapsed for elapsed, _ in results)
    assert slowest < ACK_BUDGET, f"slowest ack took {slowest:.2f} s"
    assert all("Estimated cost" in answer["text"] for _, answer in results)
    assert httpx.get(f"{fresh_bot.url}/healthz", timeout=5).status_code == 200


def test_users_info_429_falls_back_to_the_default_language(fresh_bot: BotServer, fake_slack: FakeSlack) -> None:
    """users.info rate-limited (no retries on the request path): answered at once, in DEFAULT_LANG."""
    fake_slack.failures[("users.info", "None")] = [429]
    elapsed, answer = timed_command(fresh_bot, EXAMPLE, "U0ZH")
    assert elapsed < ACK_BUDGET
    assert "Estimated cost" in answer["text"] and "$4.90" in answer["text"]
    assert fake_slack.failures[("users.info", "None")] == []  # tried once, not retried
    wait_for_log(log_of(fresh_bot), r"users\.info failed for U0ZH")
    # The same bot answers other users in their language meanwhile.
    assert "預估費用" in timed_command(fresh_bot, EXAMPLE, "U0TW")[1]["text"]


# -- Retry-After is honoured ------------------------------------------------------------------------------


def test_retry_after_is_waited_for_before_the_retry(tmp_path: Path) -> None:
    """A fake whose 429s say Retry-After: 1 (the shared fake says 0): the retry comes no sooner, once."""
    state = fake_module.FakeSlack()
    arrivals: list[tuple[float, str]] = []
    base = fake_module._handler(state)

    class SlowDown(base):  # type: ignore[misc, valid-type]
        def _send(self, status: int, body: dict, headers: dict[str, str] | None = None) -> None:  # type: ignore[type-arg]
            arrivals.append((time.monotonic(), f"{self.path} {status}"))
            super()._send(status, body, {"Retry-After": "1"} if status == 429 else headers)

    server = ThreadingHTTPServer(("127.0.0.1", 0), SlowDown)
    server.daemon_threads = True
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    bot = start_logged_bot(state, tmp_path)
    try:
        channel = new_id("D")
        state.failures[("chat.postMessage", channel)] = [429]
        dm(bot, EXAMPLE, channel=channel)
        answer = state.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
        assert "$4.90" in answer.text
        posts = [t for t, what in arrivals if "chat.postMessage" in what]
        assert len(posts) == 2, arrivals
        assert posts[1] - posts[0] >= 0.9, "the retry waited for Retry-After"
        settle(bot)
        assert len(state.find("chat.postMessage", lambda c: c.args.get("channel") == channel)) == 1
    finally:
        bot.stop()
        server.shutdown()
        server.server_close()
