"""Precision first, as a property: a word the grammar does not know, added anywhere to a priced
question, never leaves a priced answer that ignores it. It is understood, skipped as filler, or asked about."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pricing import Ambiguous, PriceBook, PricingError, parse_query
from pricing.query.numbers import ENGLISH_MULTIPLIERS
from pricing.query.vocab import CJK_FILLER, CJK_WORDS, FILLER, WORDS, correct_typo

PRICED_QUESTIONS = [
    "1M in 50k out",
    "10k in 2k out x1000 per day on 2.5 flash",
    "输入100万 输出5万",
    "輸入10萬 輸出1萬 每天500次 批量",
    "300k prompt, 100k of them cached, 2k out on 3 flash",
    "compare 50k in 5k out",
    "how many 10k in 1k out for $100",
    "2k in, 500 out plus 3k thinking on 2.5 pro",
    "embed 10,000 documents of 1,200 tokens",
    "cache 1M for 2 hours on 2.5 flash",
]
_KNOWN = set(WORDS) | set(FILLER) | set(ENGLISH_MULTIPLIERS)


def _unknown_english(word: str) -> bool:
    known = word in _KNOWN or correct_typo(word) is not None
    return len(word) >= 2 and not known and not word.startswith(("gemini", "gemma", "gpt", "claude"))


unknown_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(_unknown_english)
# Chinese characters that are in no keyword or filler word, so nothing can read them
_KNOWN_CHARS = set("".join(CJK_WORDS)) | set("".join(CJK_FILLER)) | set("零〇一二两三四五六七八九十百千万亿")
unknown_cjk = st.text(alphabet="鲸猫狗鹅蛙龟梨桃莓橘椰蕉", min_size=1, max_size=3).filter(lambda w: not set(w) & _KNOWN_CHARS)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(PRICED_QUESTIONS), word=unknown_words | unknown_cjk, at=st.integers(min_value=0, max_value=20))
def test_an_unknown_word_is_asked_about_never_ignored(book: PriceBook, base: str, word: str, at: int) -> None:
    assert parse_query(base, book).intent in ("estimate", "compare", "budget")  # the base is priced
    assume(word not in book.name_index.first_words)  # `lite`, `argon`: a model named, so understood
    words = base.split(" ")
    words.insert(at % (len(words) + 1), word)
    text = " ".join(words)
    try:
        query = parse_query(text, book)
    except Ambiguous:
        return  # asked about: right
    except PricingError:
        return  # refused with a reason: never a priced guess
    pytest.fail(f"{text!r} was answered as {query.intent} though {word!r} means nothing to the grammar")


@pytest.mark.parametrize("filler", ["please", "hi", "thanks", "🙏", "hey bot", "/gemini-cost", "<@U0BOT>", "请问", "谢谢"])
def test_filler_is_skipped_and_the_answer_is_the_same(book: PriceBook, filler: str) -> None:
    for base in PRICED_QUESTIONS:
        plain, padded = parse_query(base, book), parse_query(f"{filler} {base} {filler}", book)
        assert (padded.intent, padded.usage, padded.models) == (plain.intent, plain.usage, plain.models), (filler, base)
