"""Fixtures for the Slack tests: the fake Web API and the bot served by uvicorn as the Procfile says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_slack import FakeSlack, start_fake_slack
from slack_harness import BotServer, start_bot


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlack]:
    state, server = start_fake_slack()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def bot_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'bot.db'}"


@pytest.fixture(scope="session")
def bot(fake_slack: FakeSlack, bot_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BotServer]:
    server = start_bot(fake_slack, bot_db, tmp_path_factory.mktemp("bot"))
    yield server
    server.stop()
