"""Precision first, as a property: a word the grammar does not know, added anywhere to a priced
question, never leaves a priced answer that ignores something that could change the price. An English
word is asked about; a Chinese word is asked about unless it is filler by construction (no price
morpheme, no amount beside it: vocab.PRICE_MORPHEMES), and then the answer is the same as without it."""

from __future__ import annotations

import pytest
from corpus_reading import read_or_asked
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from pricing import PriceBook, PricingError, parse_query
from pricing.query.amounts import WORDS_BESIDE_NUMBERS
from pricing.query.english import is_common_word, is_english_word
from pricing.query.neighbours import said_in_tokens
from pricing.query.numbers import ENGLISH_MULTIPLIERS
from pricing.query.read import read_question
from pricing.query.vocab import (
    CJK_FILLER,
    CJK_WORDS,
    FILLER,
    LINK_WORDS,
    OUTPUT_NOUNS,
    PIECE_NOUNS,
    SWITCH_OFF,
    WORDS,
    correct_typo,
    near_model_word,
    price_like,
)
from pricing.tokens import Token

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
_KNOWN = set(WORDS) | set(FILLER) | set(LINK_WORDS) | set(ENGLISH_MULTIPLIERS) | OUTPUT_NOUNS | PIECE_NOUNS | WORDS_BESIDE_NUMBERS  # (`fresh` links a label; `feedback ~700 tokens` names one)
_KNOWN |= {w for w in SWITCH_OFF if w.isascii()}  # negations the parser reads: `no 批量` switches batch off (pairing._batch_switched_off)


def _unknown_english(word: str) -> bool:
    known = word in _KNOWN or correct_typo(word) is not None
    return len(word) >= 2 and not known and not word.startswith(("gemini", "gemma", "gpt", "claude"))


unknown_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(_unknown_english)
# Chinese characters that are in no keyword or filler word, so nothing can read them
_KNOWN_CHARS = set("".join(CJK_WORDS)) | set("".join(CJK_FILLER)) | set("零〇一二两三四五六七八九十百千万亿")
unknown_cjk = st.text(alphabet="鲸猫狗鹅蛙龟梨桃莓橘椰蕉", min_size=1, max_size=3).filter(lambda w: not set(w) & _KNOWN_CHARS)


@settings(max_examples=200, deadline=None)
@given(base=st.sampled_from([q for q in PRICED_QUESTIONS if not q.isascii()]), word=unknown_words, at=st.integers(min_value=0, max_value=20))
def test_an_english_word_in_a_chinese_question_is_asked_about_or_changes_nothing(book: PriceBook, base: str, word: str, at: int) -> None:
    assume(word not in book.name_index.first_words)
    plain = parse_query(base, book)
    text = _inserted(base, word, at)
    query = read_or_asked(text, book)
    if query is not None:
        assert not _where(text, word, book)[2], text
        assert (query.intent, query.usage, query.models) == (plain.intent, plain.usage, plain.models), text


def _inserted(base: str, word: str, at: int) -> str:
    """``base`` with ``word`` inserted before its ``at``-th word (modulo its length)."""
    words = base.split(" ")
    words.insert(at % (len(words) + 1), word)
    return " ".join(words)


def _where(text: str, word: str, book: PriceBook) -> tuple[list[Token], int, bool]:
    """The question's tokens, the index of ``word`` among them, and whether an amount stands right beside it."""
    tokens = read_question(text, book).tokens
    at_word = next(i for i, t in enumerate(tokens) if t.text == word)
    return tokens, at_word, any(0 <= i < len(tokens) and tokens[i].kind == "amount" for i in (at_word - 1, at_word + 1))


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from([q for q in PRICED_QUESTIONS if q.isascii()]), word=unknown_words, at=st.integers(min_value=0, max_value=20))
@example(base="compare 50k in 5k out", word="goes", at=2)  # (found on a random run: a verb between an amount and its label)
def test_an_unknown_english_word_is_asked_about_or_changes_nothing(book: PriceBook, base: str, word: str, at: int) -> None:
    """English: an unknown word with no price stem, not one slip from a price or model word, of four letters or
    more and with no amount beside it is filler (vocab.PRICE_STEMS): the answer is then exactly the one without
    it. Beside an amount, only an everyday word (english.py) that names what a sum of money or an amount of tokens
    is for may be filler too. Any other unknown word is asked about."""
    plain = parse_query(base, book)
    assert plain.intent in ("estimate", "compare", "budget")  # the base is priced
    assume(word not in book.name_index.first_words)  # `lite`, `argon`: a model named, so understood
    text = _inserted(base, word, at)
    query = read_or_asked(text, book)
    if query is None:
        return  # asked about
    read_past = [w for n in query.notices if n.code == "read_past" for w in n.params["words"]]  # type: ignore[attr-defined]
    if word in read_past:
        # named in the answer as read past (read_past.py): a word of the language, with a price stem only at its start,
        # no slip of a price or model word; the figures are the ones without it
        assert is_english_word(word) and not price_like(word, written=True) and not near_model_word(word), text
        assert (query.intent, query.usage, query.models) == (plain.intent, plain.usage, plain.models), text
        return
    tokens, at_word, beside_an_amount = _where(text, word, book)
    if beside_an_amount:
        # `x1000 lines per day`: only as what the amount counts each period (roles._counted_per_period); or before
        # an amount its own label or count claims (`summarization 8k in`: the product's name)
        counted = tokens[at_word].role == "count" and tokens[at_word - 1].kind == "amount"
        after = tokens[at_word + 2] if at_word + 2 < len(tokens) else None
        claimed = after is not None and tokens[at_word + 1].kind == "amount" and (
            (after.role or "").startswith("label:") or after.role in ("count", "people"))
        # or an everyday word right beside a sum of money, what is done with it (`audit approved $2,500/month`, `$500 grant`)
        money_beside = any(0 <= k < len(tokens) and tokens[k].kind == "amount" and tokens[k].money is not None for k in (at_word - 1, at_word + 1))
        spent = money_beside and is_common_word(word)
        # or an everyday word right before an amount of tokens, naming what those tokens are (`label list ≈ 2,200 tokens`)
        named = is_common_word(word) and at_word + 1 < len(tokens) and tokens[at_word + 1].kind == "amount" and said_in_tokens(tokens, at_word + 1)
        # or an everyday word before a colon, heading what follows (`headline A/B scoring: 200 tokens in`)
        headed = is_common_word(word) and at_word + 1 < len(tokens) and tokens[at_word + 1].after_colon
        # or an everyday word between an amount and the plural it counts (`1,500 dispatch questions a day`)
        modifies = is_common_word(word) and at_word + 1 < len(tokens) and tokens[at_word + 1].role == "count" and tokens[at_word - 1].kind == "amount"
        # or an everyday word between an amount and the label right after it, which claims the amount all the same (`50k
        # goes in 5k out`: found by this test on a random run, the same reading since before the eighth session)
        verb = (is_common_word(word) and tokens[at_word - 1].kind == "amount" and at_word + 1 < len(tokens)
                and (tokens[at_word + 1].role or "").startswith("label:"))
        assert counted or spent or named or headed or modifies or verb or claimed and tokens[at_word - 1].kind != "amount", text
    assert not price_like(word), f"{text!r} was answered though {word!r} may change the price"
    assert (query.intent, query.usage, query.models) == (plain.intent, plain.usage, plain.models), text


@pytest.mark.parametrize(
    "text",
    ["1M in 50k out weekly", "1M in 50k out hourly", "10k in 2k out on flsh", "10k in 2k out wk", "10k in 2k out 300 lines",
     "10k in 2k out thinkng", "10k in 2k out nightly", "10k in 2k out quarterly", "10k in 2k out subscription", "10k in 2k out yr"],
)  # fmt: skip
def test_an_english_word_with_a_price_stem_or_beside_an_amount_is_asked_about(book: PriceBook, text: str) -> None:
    with pytest.raises(PricingError):
        parse_query(text, book)


@pytest.mark.parametrize("word", ["discord", "summarizer", "prototype", "hobby", "tutoring", "startup", "overnight"])
def test_a_product_or_chat_word_apart_from_the_amounts_changes_nothing(book: PriceBook, word: str) -> None:
    for base in [q for q in PRICED_QUESTIONS if q.isascii()]:
        plain, padded = parse_query(base, book), parse_query(f"for our {word} app {base}", book)
        assert (padded.intent, padded.usage, padded.models) == (plain.intent, plain.usage, plain.models), (word, base)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(PRICED_QUESTIONS), word=unknown_cjk, at=st.integers(min_value=0, max_value=20))
def test_an_unknown_chinese_word_is_asked_about_or_changes_nothing(book: PriceBook, base: str, word: str, at: int) -> None:
    """Chinese: an unknown word with no price morpheme and no amount beside it is filler (vocab.PRICE_MORPHEMES):
    the answer is then exactly the one without it. Beside an amount it is asked about.
    (In a Chinese question an English word is judged the same way: `NPC 對話`, `PDF`.)"""
    plain = parse_query(base, book)
    text = _inserted(base, word, at)
    query = read_or_asked(text, book)
    if query is None:
        return  # asked about
    beside_an_amount = _where(text, word, book)[2]
    # (a lone character with no price character is filler too since 2026-12-07: `占卜` split as 占 + 卜, `信息科`)
    # beside an amount it is read past only when it cannot be that amount's unit, and the answer names it (read_past.py)
    read_past = [w for n in query.notices if n.code == "read_past" for w in n.params["words"]]  # type: ignore[attr-defined]
    assert not beside_an_amount or any(w in word or word in w for w in read_past), f"{text!r} was answered though {word!r} stands beside an amount"
    assert (query.intent, query.usage, query.models) == (plain.intent, plain.usage, plain.models), text


@pytest.mark.parametrize(
    "text",
    ["1M in 50k out 流量费", "输入10万 输出1万 微调", "输入10万 输出1万 月底", "输入10万 输出1万 300名玩家", "输入10万 输出1万 视频通话",
     "输入10万 输出1万 一個越"],  # fmt: skip
)
def test_a_chinese_word_with_a_price_morpheme_or_beside_an_amount_is_asked_about(book: PriceBook, text: str) -> None:
    with pytest.raises(PricingError):
        parse_query(text, book)


@pytest.mark.parametrize("filler", ["please", "hi", "thanks", "🙏", "hey bot", "/gemini-cost", "<@U0BOT>", "请问", "谢谢"])
def test_filler_is_skipped_and_the_answer_is_the_same(book: PriceBook, filler: str) -> None:
    for base in PRICED_QUESTIONS:
        plain, padded = parse_query(base, book), parse_query(f"{filler} {base} {filler}", book)
        assert (padded.intent, padded.usage, padded.models) == (plain.intent, plain.usage, plain.models), (filler, base)
