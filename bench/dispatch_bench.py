"""Where a slash command's time goes inside Bolt, without HTTP: ``python -m bench.dispatch_bench``.

Three apps dispatch the same signed `/gemini-cost 1M in 50k out` in process (`AsyncApp.async_dispatch`
of the request `bot/slack/web.py` builds), one after another in the same run:

* ``bare``: a bare `AsyncApp` whose listener acks a fixed text (the framework's own cost);
* ``ours_canned``: the bot's app (`bot.services.create_app`, every middleware and the real listener) with
  an Answerer that returns one prepared reply, so the cost of everything but answering;
* ``ours``: the bot's app as it runs.

``ours_canned - bare`` is what the bot adds around an answer (services, language look-up, the Block
Kit response); ``ours - ours_canned`` is the answer itself (parse, price, render). Ratios are in the
same run; absolute microseconds are for orientation only.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench.common` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BOT_TOKEN,
    FLOOR_TEXT,
    QUERY,
    SIGNING_SECRET,
    command_body,
    fake_slack_module,
    sign,
)

__all__ = ["run_dispatch_bench"]


def _apps(api_url: str, database_url: str) -> dict[str, Any]:
    from pydantic import SecretStr
    from slack_bolt.app.async_app import AsyncApp
    from slack_sdk.web.async_client import AsyncWebClient

    from bot.answers.answerer import Answerer, Reply
    from bot.services import build_answerer, create_app
    from bot.settings import Settings

    settings = Settings(
        slack_bot_token=SecretStr(BOT_TOKEN),
        slack_signing_secret=SecretStr(SIGNING_SECRET),
        slack_api_url=api_url,
        database_url=database_url,
    )
    bare = AsyncApp(
        client=AsyncWebClient(token=BOT_TOKEN, base_url=api_url),
        signing_secret=SIGNING_SECRET,
        process_before_response=True,
        request_verification_enabled=False,  # as ours: bot/slack/web.py checks signatures before dispatch
    )

    @bare.command("/gemini-cost")
    async def fixed(ack: Any) -> None:
        await ack(text=FLOOR_TEXT, response_type="ephemeral")

    real = build_answerer(settings)
    prepared = real.answer(QUERY, "en")

    class Canned(Answerer):
        """The real Answerer's every attribute, but `answer` returns one prepared reply."""

        def __init__(self) -> None:
            self.__dict__.update(real.__dict__)

        def answer(self, text: str, lang: str, *, previous: str | None = None) -> Reply:
            return prepared

    return {
        "bare": bare,
        "ours_canned": create_app(settings, answerer=Canned(), signatures_checked_upstream=True),
        "ours": create_app(settings, answerer=real, signatures_checked_upstream=True),
    }


async def _time(app: Any, body: str, n: int) -> float:
    """Microseconds per dispatch, over ``n`` dispatches after a warm-up."""
    from bot.slack.request import build_bolt_request

    ts, signature = sign(body.encode())  # valid for minutes: signed once, outside the timing
    headers = {"content-type": ["application/x-www-form-urlencoded"], "x-slack-request-timestamp": [ts],
               "x-slack-signature": [signature]}  # fmt: skip

    async def one() -> None:
        response = await app.async_dispatch(build_bolt_request(body, "", headers))
        assert response.status == 200, response.body

    for _ in range(min(n, 200)):
        await one()
    start = time.perf_counter()
    for _ in range(n):
        await one()
    return (time.perf_counter() - start) / n * 1e6


def run_dispatch_bench(n: int = 3000, rounds: int = 3) -> dict[str, Any]:
    fake = fake_slack_module()
    state, server = fake.start_fake_slack()
    body = command_body(QUERY).decode()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            apps = _apps(state.api_url, f"sqlite:///{Path(tmp) / 'bench.db'}")
            runs: dict[str, list[float]] = {name: [] for name in apps}

            async def measure() -> None:
                for _ in range(rounds):  # interleaved, so drift in the machine's load hits every app alike
                    for name, app in apps.items():
                        runs[name].append(await _time(app, body, n))

            asyncio.run(measure())
    finally:
        server.shutdown()
        server.server_close()
    us = {name: statistics.median(values) for name, values in runs.items()}
    return {
        "query": QUERY,
        "dispatches": n,
        "rounds": rounds,
        "us_per_dispatch": us,
        "runs": runs,
        "around_the_answer_us": us["ours_canned"] - us["bare"],
        "answer_us": us["ours"] - us["ours_canned"],
        "ratios": {"ours_canned/bare": us["ours_canned"] / us["bare"], "ours/bare": us["ours"] / us["bare"]},
    }


def format_table(result: dict[str, Any]) -> str:
    us = result["us_per_dispatch"]
    lines = [f"{name:12s} {value:8.1f} us/dispatch" for name, value in us.items()]
    lines.append(f"around the answer (ours_canned - bare) {result['around_the_answer_us']:.1f} us")
    lines.append(f"the answer (ours - ours_canned)        {result['answer_us']:.1f} us")
    lines += [f"{name:12s} {value:.2f}x" for name, value in result["ratios"].items()]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="dispatches per app and round")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    print(format_table(run_dispatch_bench(args.n, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
