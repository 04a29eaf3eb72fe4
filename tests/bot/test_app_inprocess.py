"""The Bolt app in-process (same factory, real HTTP to the fake Web API): failures, languages, caching."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fake_slack import BOT_USER_ID, FakeSlack
from pydantic import SecretStr
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_harness import BOT_TOKEN, SIGNING_SECRET, new_id, sign

from bot.answers.answerer import Answerer
from bot.services import create_app
from bot.settings import Settings
from bot.slack.app import services_of
from bot.slack.languages import LocaleResolver
from bot.slack.web_api import build_async_web_client
from bot.store.database import Store


class BrokenAnswerer(Answerer):
    """An Answerer with a bug: every question blows up (as an unforeseen fault would)."""

    def __init__(self) -> None:
        pass

    def answer(self, text: str, lang: str, *, previous: str | None = None):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom: a bug, not a bad question")


@pytest.fixture
def settings(fake_slack: FakeSlack, tmp_path: Path) -> Settings:
    return Settings(
        slack_bot_token=SecretStr(BOT_TOKEN),
        slack_signing_secret=SecretStr(SIGNING_SECRET),
        slack_api_url=fake_slack.api_url,
        database_url=f"sqlite:///{tmp_path / 'bot.db'}",
    )


@pytest.fixture
def broken_app(settings: Settings) -> Iterator[AsyncApp]:
    yield create_app(settings, answerer=BrokenAnswerer())


def dispatch(app: AsyncApp, body: str, content_type: str) -> tuple[int, str]:
    """Dispatch on a fresh event loop, and let the work it started in the background finish."""
    headers = {k.lower(): [v] for k, v in sign(body).items()} | {"content-type": [content_type]}

    async def dispatched() -> tuple[int, str]:
        response = await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))
        await services_of(app).events.join()
        return response.status, response.body

    return asyncio.run(dispatched())


def test_a_bug_is_logged_with_its_traceback_and_the_user_gets_an_apology(
    broken_app: AsyncApp, caplog: pytest.LogCaptureFixture
) -> None:
    body = urlencode({"command": "/gemini-cost", "text": "1M in", "user_id": "U0ZH", "channel_id": "C0X",
                      "team_id": "T0TEST", "response_url": "http://127.0.0.1:9/x", "trigger_id": "t"})  # fmt: skip
    with caplog.at_level(logging.ERROR):
        status, raw = dispatch(broken_app, body, "application/x-www-form-urlencoded")
    assert status == 200
    ack = json.loads(raw)
    assert ack["response_type"] == "ephemeral"
    assert "抱歉" in ack["text"]  # the default language here is en, but the apology follows the user
    assert "boom" not in ack["text"]
    assert any(r.exc_info and "boom" in str(r.exc_info[1]) for r in caplog.records)
    assert BOT_TOKEN not in caplog.text and SIGNING_SECRET not in caplog.text


def test_a_bug_in_a_mention_gets_an_apology_in_the_thread(broken_app: AsyncApp, fake_slack: FakeSlack) -> None:
    channel, ts = new_id("C"), f"{time.time():.6f}"
    body = json.dumps({"type": "event_callback", "team_id": "T0TEST", "event_id": new_id("Ev"),
                       "event": {"type": "app_mention", "user": "U0EN", "channel": channel, "ts": ts,
                                 "text": f"<@{BOT_USER_ID}> 1M in"}})  # fmt: skip
    assert dispatch(broken_app, body, "application/json")[0] == 200
    posted = fake_slack.wait_for("chat.postMessage", lambda c: c.args.get("channel") == channel)
    assert posted.args["thread_ts"] == ts
    assert "Sorry" in posted.text


def test_language_prefers_the_saved_choice_then_the_slack_locale_then_the_default(
    settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    store = Store.from_url(settings.database_url)
    store.create_schema()
    resolver = LocaleResolver(build_async_web_client(settings, timeout=2, retries=False), store, "zh_TW")
    lang_for = lambda user: asyncio.run(resolver.lang_for(user))  # noqa: E731
    store.set_lang("U0EN", "zh_CN")
    lookups = len(fake_slack.find("users.info"))

    assert lang_for("U0EN") == "zh_CN"  # saved choice: no users.info needed
    assert len(fake_slack.find("users.info")) == lookups
    assert lang_for("U0ZH") == "zh_CN"
    assert lang_for("U0JA") == "en"  # a locale we have no catalog for: English
    assert lang_for("U0NOBODY") == "zh_TW"  # users.info failed: DEFAULT_LANG
    assert lang_for(None) == "zh_TW"
    for _ in range(3):
        lang_for("U0ZH")
        lang_for("U0NOBODY")
    users = [c.args["user"] for c in fake_slack.find("users.info")[lookups:]]
    assert sorted(users) == ["U0JA", "U0NOBODY", "U0ZH"]  # each looked up once, failures included


def test_locale_cache_expires(settings: Settings, fake_slack: FakeSlack) -> None:
    store = Store.from_url(settings.database_url)
    store.create_schema()
    now = [1000.0]
    resolver = LocaleResolver(build_async_web_client(settings, retries=False), store, "en", ttl=60, clock=lambda: now[0])
    lang_for = lambda user: asyncio.run(resolver.lang_for(user))  # noqa: E731
    before = len(fake_slack.find("users.info", lambda c: c.args.get("user") == "U0TW"))
    assert lang_for("U0TW") == "zh_TW"
    now[0] += 59
    lang_for("U0TW")
    now[0] += 2
    lang_for("U0TW")
    assert len(fake_slack.find("users.info", lambda c: c.args.get("user") == "U0TW")) == before + 2


def test_a_burst_from_one_user_asks_users_info_once(settings: Settings, fake_slack: FakeSlack) -> None:
    """Ten commands from a new user at once wait on one users.info, not ten."""
    store = Store.from_url(settings.database_url)
    store.create_schema()
    resolver = LocaleResolver(build_async_web_client(settings, retries=False), store, "en")
    user = "U0ZH" + new_id("")[:4]
    before = len(fake_slack.find("users.info", lambda c: c.args.get("user") == user))

    async def burst() -> list[str]:
        return await asyncio.gather(*(resolver.auto_lang(user) for _ in range(10)))

    langs = asyncio.run(burst())
    assert len(fake_slack.find("users.info", lambda c: c.args.get("user") == user)) == before + 1
    assert set(langs) == {"en"}  # a user the fake does not know: the default, for all ten


def test_an_event_that_cannot_be_taken_on_gets_a_503_before_any_claim(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 17 item 10: acked then dropped, an event was lost for good (and its log line named nothing)."""
    app = create_app(settings)
    services = services_of(app)
    event_id, channel = new_id("Ev"), new_id("D")
    body = json.dumps({"type": "event_callback", "team_id": "T0TEST", "api_app_id": "A0TEST", "event_id": event_id,
                       "event": {"type": "message", "channel_type": "im", "channel": channel, "user": "U0EN",
                                 "text": "1M in", "ts": f"{time.time():.6f}"}})  # fmt: skip
    headers = {k.lower(): [v] for k, v in sign(body).items()} | {"content-type": ["application/json"]}

    async def with_a_full_backlog() -> int:
        release = asyncio.Event()
        while not services.events.full:
            assert services.events.spawn(release.wait())
        response = await app.async_dispatch(AsyncBoltRequest(body=body, headers=headers))
        release.set()
        await services.events.join()
        return response.status

    with caplog.at_level(logging.ERROR):
        assert asyncio.run(with_a_full_backlog()) == 503  # Slack delivers it again, here or elsewhere
    assert event_id in caplog.text and channel in caplog.text
    assert services.store.claim_event(event_id) is True  # not claimed: the redelivery is answered


def test_an_answer_past_its_budget_is_a_localized_reply_not_a_stall(settings: Settings) -> None:
    """Issue 17 item 1: answering runs under a time budget, off the event loop."""
    import dataclasses
    import threading

    from bot.slack.workers import BlockingCalls

    release = threading.Event()

    class SlowAnswerer(Answerer):
        def answer(self, text: str, lang: str, *, previous: str | None = None):  # type: ignore[no-untyped-def]
            release.wait(30)
            return super().answer(text, lang, previous=previous)

    app = create_app(settings)
    services = dataclasses.replace(services_of(app), answerer=SlowAnswerer(services_of(app).answerer.book),
                                   thinking=BlockingCalls(1, "answers", budget=0.2))  # fmt: skip
    try:
        reply = asyncio.run(services.answer("1M in", "zh_CN"))
    finally:
        release.set()
    assert not reply.ok and reply.data["error"]["code"] == "answer_too_slow"
    assert "请换一个短一点的问题" in reply.text
