"""PRICE_UPDATES=daily against a local HTTP server serving changed genai-prices data: the difference
is offered in AUDIT_CHANNEL with Apply / Cancel for admins; an unreachable source changes nothing."""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import threading
import time
from collections.abc import Iterator
from decimal import Decimal as D
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from fake_slack import FakeSlack
from genai_prices.data_snapshot import get_snapshot, set_custom_snapshot
from pg import private_database, sqlalchemy_url
from slack_harness import BotServer, free_port, start_bot

from bot.admin.price_updates import PriceUpdater
from bot.admin.sync import Proposal
from bot.settings import DEFAULT_PRICE_UPDATES_URL, Settings
from bot.store.card_versions import RateStore
from bot.store.database import Store
from pricing import load_card

ADMIN = "U0ADMIN"
AUDIT = "C0AUDIT"
TODAY = dt.date(2026, 12, 2)

#: genai-prices' v2 data format (a provider array), with 2.5 Flash's input moved from $0.30 to $0.35.
CHANGED = [
    {
        "id": "google",
        "name": "Google",
        "api_pattern": "https://generativelanguage\\.googleapis\\.com",
        "models": [
            {
                "id": "gemini-2.5-flash",
                "name": "Gemini 2.5 Flash",
                "match": {"equals": "gemini-2.5-flash"},
                "prices": {"input_mtok": "0.35", "output_mtok": "2.5", "cache_read_mtok": "0.03"},
            },
            {
                "id": "gemini-2.5-pro",
                "match": {"starts_with": "gemini-2.5-pro"},
                "prices": {
                    "input_mtok": {"base": "1.25", "tiers": [{"start": 200000, "price": "2.5"}]},
                    "output_mtok": {"base": "10", "tiers": [{"start": 200000, "price": "15"}]},
                    "cache_read_mtok": {"base": "0.125", "tiers": [{"start": 200000, "price": "0.25"}]},
                },
            },
        ],
    }
]


class DataServer:
    """A loopback HTTP server for one data file; ``body`` can be changed between requests."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                outer.requests += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(outer.body)))
                self.end_headers()
                self.wfile.write(outer.body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/prices/data.json"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def data_server() -> Iterator[DataServer]:
    server = DataServer(json.dumps(CHANGED).encode())
    yield server
    server.close()


@pytest.fixture(autouse=True)
def _bundled_data_after() -> Iterator[None]:
    yield
    set_custom_snapshot(None)  # the fetched data must not leak into other tests


@pytest.fixture
def rates(tmp_path: Path) -> RateStore:
    store = RateStore(Store.from_url(f"sqlite:///{tmp_path / 'rates.db'}").engine, load_card())
    store.ensure_seed()
    return store


def _updater(url: str, rates: RateStore, posts: list[tuple[str, list[dict[str, Any]]]], claimed: set[str]) -> PriceUpdater:
    def claim(key: str) -> bool:
        if key in claimed:
            return False
        claimed.add(key)
        return True

    return PriceUpdater(url=url, current=rates.current, post=lambda text, blocks: posts.append((text, blocks)),
                        claim=claim, lang="en", today=lambda: TODAY)  # fmt: skip


def test_changed_data_is_offered_with_apply_and_cancel(data_server: DataServer, rates: RateStore) -> None:
    posts: list[tuple[str, list[dict[str, Any]]]] = []
    diffs = _updater(data_server.url, rates, posts, set()).check_once()
    assert data_server.requests == 1
    assert [(d.model, d.field, d.ours, d.theirs) for d in diffs or []] == [("gemini-2.5-flash", "input", D("0.30"), D("0.35"))]
    ((text, blocks),) = posts
    assert "Newer genai-prices data differs from the rate card" in text
    assert "gemini-2.5-flash input: ours $0.30, genai-prices $0.35" in text
    buttons = next(b for b in blocks if b["type"] == "actions")["elements"]
    assert [b["action_id"] for b in buttons] == ["admin_sync_apply", "admin_sync_cancel"]
    # Apply carries the proposal shown (issue 17: a version alone let another instance save other prices)
    version, shown, _ = Proposal.decode(buttons[0]["value"])
    assert (version, [(d.model, d.field, d.ours, d.theirs) for d in shown or []]) == (1, [("gemini-2.5-flash", "input", D("0.30"), D("0.35"))])
    # installed as genai-prices' current data: `admin sync` and its Apply button read the same
    assert get_snapshot().providers[0].models[0].prices.input_mtok == D("0.35")
    assert rates.current().version == 1  # nothing changed by itself


def test_the_same_difference_is_posted_once_a_day_across_instances(data_server: DataServer, rates: RateStore) -> None:
    posts: list[tuple[str, list[dict[str, Any]]]] = []
    claimed: set[str] = set()
    _updater(data_server.url, rates, posts, claimed).check_once()
    _updater(data_server.url, rates, posts, claimed).check_once()  # a second instance, same day
    assert len(posts) == 1


def test_a_new_model_in_the_data_is_named(data_server: DataServer, rates: RateStore) -> None:
    with_new = json.loads(json.dumps(CHANGED))
    with_new[0]["models"][0]["prices"]["input_mtok"] = "0.3"  # prices agree ...
    with_new[0]["models"].append(  # ... but the data knows a model the card does not
        {"id": "gemini-5-neon", "match": {"equals": "gemini-5-neon"}, "prices": {"input_mtok": "3", "output_mtok": "15"}})
    data_server.body = json.dumps(with_new).encode()
    posts: list[tuple[str, list[dict[str, Any]]]] = []
    assert _updater(data_server.url, rates, posts, set()).check_once() == []
    ((text, blocks),) = posts
    assert "New in the data, not on the card yet: gemini-5-neon." in text
    assert not [b for b in blocks if b["type"] == "actions"]  # nothing to apply


def test_data_that_agrees_posts_nothing(data_server: DataServer, rates: RateStore) -> None:
    agreeing = json.loads(json.dumps(CHANGED))
    agreeing[0]["models"][0]["prices"]["input_mtok"] = "0.3"
    data_server.body = json.dumps(agreeing).encode()
    posts: list[tuple[str, list[dict[str, Any]]]] = []
    assert _updater(data_server.url, rates, posts, set()).check_once() == []
    assert posts == []


@pytest.mark.parametrize("body", [None, b"<html>not json</html>", b'{"not": "a provider list"}', b"[]"])
def test_an_unreachable_or_unreadable_source_is_one_log_line_and_nothing_else(
    data_server: DataServer, rates: RateStore, caplog: pytest.LogCaptureFixture, body: bytes | None
) -> None:
    url = data_server.url
    if body is None:
        url = f"http://127.0.0.1:{free_port()}/nothing-listens-here.json"
    else:
        data_server.body = body
    before = get_snapshot()
    posts: list[tuple[str, list[dict[str, Any]]]] = []
    with caplog.at_level(logging.INFO, logger="bot.admin.price_updates"):
        assert _updater(url, rates, posts, set()).check_once() is None
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "prices unchanged" in caplog.records[0].getMessage()
    assert posts == [] and rates.current().version == 1
    assert get_snapshot() is before


def test_the_settings() -> None:
    from genai_prices.update_prices import DEFAULT_UPDATE_URL

    assert DEFAULT_PRICE_UPDATES_URL == DEFAULT_UPDATE_URL
    assert Settings(_env_file=None).price_updates == "off"  # type: ignore[call-arg]
    assert Settings(_env_file=None, price_updates="Daily").price_updates == "daily"  # type: ignore[call-arg]
    with pytest.raises(Exception, match="PRICE_UPDATES_URL|price_updates_url"):
        Settings(_env_file=None, price_updates_url="ftp://example")  # type: ignore[call-arg]
    with pytest.raises(Exception, match="price_updates"):
        Settings(_env_file=None, price_updates="hourly")  # type: ignore[call-arg]


# --- end to end: the bot as the Procfile runs it, over signed HTTP -----------------------------------


def _click(bot: BotServer, user: str, action_id: str, value: str, response_url: str) -> None:
    response = bot.press(user, action_id, value, response_url, channel=AUDIT)
    assert response.status_code == 200, response.text


def _answer(bot: BotServer, text: str) -> str:
    response = bot.command(text, user="U0EN")
    return html.unescape(str(json.loads(response.text)["text"]))


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'updates.db'}"
        return
    with private_database("gc_price_updates") as (user, dbname):
        yield sqlalchemy_url(user, dbname)


def test_daily_updates_end_to_end(fake_slack: FakeSlack, data_server: DataServer, database: str, tmp_path: Path) -> None:
    bot = start_bot(fake_slack, database, tmp_path, ADMIN_USER_IDS=ADMIN, AUDIT_CHANNEL=AUDIT,
                    PRICE_UPDATES="daily", PRICE_UPDATES_URL=data_server.url)  # fmt: skip
    try:
        post = fake_slack.wait_for(
            "chat.postMessage",
            lambda c: c.args.get("channel") == AUDIT and "genai-prices $0.35" in c.everything,
        )
        blocks = post.args["blocks"]
        blocks = json.loads(blocks) if isinstance(blocks, str) else blocks
        apply_value = next(b for b in blocks if b["type"] == "actions")["elements"][0]["value"]
        assert "$0.30" in _answer(bot, "1M in on 2.5 flash")

        refused_url = fake_slack.response_url()
        _click(bot, "U0SOMEONE", "admin_sync_apply", apply_value, refused_url)
        fake_slack.wait_for("response_url", lambda c: "only the bot's admins" in c.text)
        assert "$0.30" in _answer(bot, "1M in on 2.5 flash")  # a non-admin's press changes nothing

        applied_url = fake_slack.response_url()
        _click(bot, ADMIN, "admin_sync_apply", apply_value, applied_url)
        fake_slack.wait_for("response_url", lambda c: "sync genai-prices" in c.text)
        deadline = time.monotonic() + 3
        while "$0.35" not in _answer(bot, "1M in on 2.5 flash"):
            assert time.monotonic() < deadline, "the applied price did not reach the answers"
            time.sleep(0.05)
    finally:
        bot.stop()


def test_an_unreachable_source_leaves_the_bot_answering(fake_slack: FakeSlack, tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}/data.json"
    bot = start_bot(fake_slack, f"sqlite:///{tmp_path / 'down.db'}", tmp_path, AUDIT_CHANNEL=AUDIT,
                    PRICE_UPDATES="daily", PRICE_UPDATES_URL=url)  # fmt: skip
    try:
        assert "$0.30" in _answer(bot, "1M in on 2.5 flash")
    finally:
        bot.stop()
    log = "".join(p.read_text() for p in tmp_path.glob("bot-*.log"))
    assert log.count("could not be read") == 1 and "Traceback" not in log


# --- issue 17 item 15: a bounded fetch --------------------------------------------------------------


class DripServer:
    """Sends ``body`` a few bytes at a time, ``pause`` seconds apart (a slow-drip server), or declares a size."""

    def __init__(self, body: bytes, pause: float, declared: int | None = None) -> None:
        outer = self
        self.stop = threading.Event()

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                if declared != -1:  # -1: no length said; the body ends when the connection closes
                    self.send_header("Content-Length", str(declared if declared is not None else len(body)))
                self.end_headers()
                for i in range(0, len(body), 4):
                    if outer.stop.wait(pause):
                        return
                    try:
                        self.wfile.write(body[i : i + 4])
                        self.wfile.flush()
                    except OSError:
                        return  # the client gave up: what the test wants

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/data.json"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.mark.timeout(60)
def test_a_slow_drip_source_is_given_up_at_the_total_deadline() -> None:
    from bot.admin.price_updates import FetchRefused, fetch_snapshot

    server = DripServer(json.dumps(CHANGED).encode(), pause=0.2)  # ~400 pauses: over a minute in all
    try:
        with pytest.raises(FetchRefused, match="not read within"):
            fetch_snapshot(server.url, timeout=1.0)
    finally:
        server.close()


@pytest.mark.timeout(60)
def test_a_body_over_the_cap_is_refused_unread() -> None:
    from bot.admin.price_updates import FetchRefused, fetch_snapshot

    server = DripServer(b"[]", pause=0.0, declared=256 * 1024 * 1024)
    try:
        with pytest.raises(FetchRefused, match="byte cap"):
            fetch_snapshot(server.url, max_bytes=1024)
    finally:
        server.close()
    small_cap = DripServer(json.dumps(CHANGED).encode() * 3, pause=0.0, declared=-1)  # a size it does not say
    try:
        with pytest.raises(FetchRefused, match="byte cap"):
            fetch_snapshot(small_cap.url, max_bytes=1024)
    finally:
        small_cap.close()


def test_the_bounded_fetch_reads_real_data(data_server: DataServer) -> None:
    from bot.admin.price_updates import fetch_snapshot

    snapshot = fetch_snapshot(data_server.url)
    google = next(p for p in snapshot.providers if p.id == "google")
    assert google.models[0].prices.input_mtok == D("0.35")
