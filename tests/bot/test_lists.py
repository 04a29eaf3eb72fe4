"""Lists that show the right models (issue 18 item 4): the free tier, the rate list, compare."""

from __future__ import annotations

import datetime as dt

from bot.answers.answerer import Answerer
from pricing import PriceBook, load_card

TODAY = dt.date(2026, 12, 2)


def _ask(text: str, lang: str = "en") -> tuple[list[str], dict[str, object]]:
    reply = Answerer(PriceBook(load_card()), today=lambda: TODAY).answer(text, lang)
    assert reply.ok, reply.plain
    return reply.plain.splitlines(), reply.data


def test_free_tier_shows_the_known_facts_first_then_one_line_for_the_rest() -> None:
    lines, _ = _ask("free tier")
    known = [line for line in lines if line.startswith("gemini-")]
    # the models whose free-tier facts the card has, 2.5 Flash among them (deprecated but still sold)
    assert [line.split(":")[0] for line in known] == [
        "gemini-3-flash-preview", "gemini-3.1-pro-preview", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-pro",
    ]
    assert not any("not published" in line for line in known)
    rest = [line for line in lines if line.startswith("Not published for ")]
    assert len(rest) == 1 and "other models: gemini-4-argon, " in rest[0]


def test_free_tier_in_taiwan_chinese_says_the_rest_in_one_line() -> None:
    lines, _ = _ask("免費額度", "zh_TW")
    assert sum(1 for line in lines if line.startswith("另有 ")) == 1


def test_rates_list_each_model_once_and_retired_ones_on_one_line() -> None:
    lines, _ = _ask("rates")
    listed = [line.split(":")[0] for line in lines if line.startswith("gemini-")]
    assert len(listed) == len(set(listed))
    # the data's second name for 1.5 Pro (same words, same rates) is not a second model
    retired = [line for line in lines if line.startswith("Retired (priced when asked for): ")]
    assert len(retired) == 1
    assert "gemini-1.5-pro" in retired[0] and "gemini-pro-1.5" not in retired[0] and "gemini-pro-1.5" not in listed
    assert "gemini-3-pro-preview" in retired[0] and "gemini-3-pro-preview" not in listed
    # current ones first, in their families; deprecated ones Google still sells stay with their family
    assert lines.index("*Gemini 4*") < lines.index("*Gemini 2.5*") < lines.index(retired[0])
    assert "gemini-2.5-pro" in listed


def test_the_second_name_is_still_priced_when_asked_for() -> None:
    _, data = _ask("100k in on gemini-pro-1.5")
    assert data["model"] == "gemini-pro-1.5" and data["total"] == "0.125"  # 100k x $1.25 (under its 128k tier)


def test_a_text_compare_leaves_out_embedding_models() -> None:
    lines, data = _ask("compare 5k in 1k out")
    assert not any("embedding" in str(row["model"]) for row in data["rows"])  # type: ignore[attr-defined]
    assert not any(line.startswith("- Not priced") for line in lines)


def test_an_input_only_compare_still_has_the_embedding_models() -> None:
    _, data = _ask("compare 5k in")
    assert {"gemini-embedding-001", "gemini-embedding-2"} <= {row["model"] for row in data["rows"]}  # type: ignore[attr-defined]


def test_naming_two_models_says_two_models() -> None:
    lines, _ = _ask("compare 5k in 1k out on 2.5 pro vs 3.1 pro")
    assert lines[0] == "Same usage on 2 models, cheapest first (1 request)"
    zh, _ = _ask("比较 2.5 pro 和 3.1 pro 输入5千 输出1千", "zh_CN")
    assert zh[0].startswith("同样用量在 2 个模型上的费用")
