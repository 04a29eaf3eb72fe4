"""Every reader of user text is linear: 40 KB of hostile text costs about what 40 KB of plain text does.

Times are ratios within one run (the machine's speed cancels out) of this process's CPU time, the best
of a few tries each: wall time counted the moments another test worker held the core (with more workers
than cores a hostile run preempted midway measured over 3x against an unpreempted plain one). Peak memory is measured with tracemalloc.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable

import pytest

from bot.answers.answerer import Answerer
from pricing import PriceBook, load_card
from tests.pricing.usage_pastes import as_json, rest_response

SIZE = 40_000
#: A hostile input may cost this many times the plain input of the same reader (issue 17).
RATIO = 3.0


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    return Answerer(PriceBook(load_card()))


def _best_times(plain: Callable[[], object], hostile: Callable[[], object], tries: int = 15) -> tuple[float, float]:
    """The best time of each, measured in turns so a busy moment of the machine hits both alike.

    The garbage collector is paused while timing: a collection that happens to land in one run says
    nothing about the reader (with parallel test workers it did, and decided a ratio).
    """
    plain(), hostile()  # warm: catalogs, Babel data and caches load on first use
    best = [float("inf"), float("inf")]
    gc.collect()
    gc.disable()
    try:
        for _ in range(tries):
            for i, work in enumerate((plain, hostile)):
                started = time.process_time()  # this process's CPU: not the moments another worker had the core
                work()
                best[i] = min(best[i], time.process_time() - started)
    finally:
        gc.enable()
    return best[0], best[1]


def _fill(unit: str, tail: str = "") -> str:
    return (unit * (SIZE // len(unit) + 1))[: SIZE - len(tail)] + tail


#: Plain text through the same readers: words, a model name, read to the end (no early refusal).
PLAIN_QUESTION = _fill("could you tell me what gemini 2.5 flash would cost us for the summaries that our team "
                       "writes every week, and whether the answer changes when the reports get longer? ")


def _plain_response() -> str:
    """A 40 KB grounded response as the API returns it: structure and prose, the usage at the end."""
    response = rest_response("gemini-2.5-flash", {"promptTokenCount": 30, "candidatesTokenCount": 900,
                                                  "totalTokenCount": 930}, grounded=True)  # fmt: skip
    sentence = "Spain won (after extra time) the [final] in Berlin, it's said. "
    supports = [{"segment": {"startIndex": i, "endIndex": i + 60, "text": sentence}, "groundingChunkIndices": [0]}
                for i in range(0, 60 * 136, 60)]  # fmt: skip
    response["candidates"][0]["groundingMetadata"]["groundingSupports"] = supports
    return as_json(response)


PLAIN_PASTE = _plain_response()
KEY = ' "promptTokenCount": 5, "totalTokenCount": 5'

#: Shapes that were (or could be) superlinear in one reader, each 40 KB.
HOSTILE_QUESTIONS = {
    "one long word (typo corrector)": "x" * SIZE,
    "a long misspelt keyword run": "1M in 50k out " + _fill("gemnii"),
    "glued model ids (name rules)": _fill("models/"),
    "hyphenated names": _fill("gemini-"),
    "numbers with separators": _fill("1,"),
    "decimals": _fill("1."),
    "Chinese numerals": _fill("一万"),
    "mentions": _fill("<@U1>"),
    # the passes added on 2026-12-07 (days, units of people, model counts, spelled numbers, named pieces)
    "units of people": _fill("3个坐席 每个坐席 "),
    "models counted": _fill("2.5 flash、"),
    "spelled numbers": _fill("twenty one "),
    "days and rates": _fill("每天 5 次 7 天 每小时 3 次 "),
    "named pieces": _fill("essay 3k tokens + rubric 1k "),
    # the passes added on 2026-12-08 (opening hours, rates summed, weekdays and weekends, units, pieces)
    "opening hours": _fill("9点到21点 每小时70则 "),
    "weekdays and weekends": _fill("工作日每天3次 周末每天5次 22个工作日 "),
    "counts per unit": _fill("每场2次 一天3场 6 steps per run 25 runs a day "),
    "cached pieces": _fill("知识 1万token 走缓存 每则消息400 token "),
}
HOSTILE_PASTES = {
    "a dotted run before the keys": _fill("a.", KEY),
    "nested braces": _fill("{", KEY),
    "repr openers": _fill("GenerateContentResponse(", KEY),
    "open parentheses": _fill("a(", KEY),
    "quotes": _fill('"a', KEY),
    "dotted names before a repr": _fill("a.b.", " Usage(prompt_token_count=5, total_token_count=5)"),
}


@pytest.mark.parametrize("shape", HOSTILE_QUESTIONS)
def test_a_hostile_question_costs_no_more_than_plain_text(answerer: Answerer, shape: str) -> None:
    plain, hostile = _best_times(lambda: answerer.answer(PLAIN_QUESTION, "en"),
                                 lambda: answerer.answer(HOSTILE_QUESTIONS[shape], "en"))  # fmt: skip
    assert hostile <= RATIO * plain, f"{shape}: {hostile:.4f}s against {plain:.4f}s for plain text"


@pytest.mark.parametrize("shape", HOSTILE_PASTES)
def test_a_hostile_paste_costs_no_more_than_a_plain_response(answerer: Answerer, shape: str) -> None:
    assert len(PLAIN_PASTE) >= SIZE
    plain, hostile = _best_times(lambda: answerer.answer(PLAIN_PASTE, "en"),
                                 lambda: answerer.answer(HOSTILE_PASTES[shape], "en"))  # fmt: skip
    assert hostile <= RATIO * plain, f"{shape}: {hostile:.4f}s against {plain:.4f}s for a plain response"


@pytest.mark.parametrize("text", [HOSTILE_QUESTIONS["one long word (typo corrector)"], "1M in 50k out " + "q" * 20_000])
def test_answering_a_long_word_stays_small_in_memory(answerer: Answerer, text: str) -> None:
    tracemalloc.start()
    try:
        reply = answerer.answer(text, "en")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert not reply.internal_error
    assert peak < 200 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_a_question_with_more_amounts_than_any_usage_is_refused_with_a_reason(answerer: Answerer) -> None:
    reply = answerer.answer("1, " * 2_000, "en")
    assert not reply.ok and not reply.internal_error
    assert "more than 40 amounts" in reply.text and reply.data["error"]["code"] == "ambiguous"
    assert "超过 40 个" in answerer.answer("1, " * 2_000, "zh_CN").text
