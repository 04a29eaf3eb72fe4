"""Property tests: any text whatsoever gives a Query or a typed PricingError, and priced answers are sane.

Normal runs use the "pricing" profile (300 examples). A dedicated run:
    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/pricing/test_query_fuzz.py
uses 100,000 examples per property (profiles are registered in conftest.py).
"""

from __future__ import annotations

import datetime as dt
import os
import random
from decimal import Decimal as D

from hypothesis import given, settings
from hypothesis import strategies as st

from pricing import PriceBook, PricingError, Usage, budget, compare, estimate, parse_query
from pricing.query import Query

PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "pricing"))

INTENTS = {"estimate", "compare", "rates", "model_info", "topic", "free_tier", "budget", "help"}

# Words, labels, names and marks people type, plus things that have broken parsers before.
VOCAB = [
    # labels and keywords, English
    "in",
    "out",
    "input",
    "output",
    "prompt",
    "completion",
    "cached",
    "cache",
    "storage",
    "for",
    "tokens",
    "requests",
    "calls",
    "searches",
    "per",
    "day",
    "month",
    "daily",
    "monthly",
    "/day",
    "batch",
    "with",
    "search",
    "grounded",
    "grounding",
    "in CNY",
    "RMB",
    "cny",
    "usd",
    "dollars",
    "budget",
    "how many",
    "compare",
    "vs",
    "rates",
    "price list",
    "free tier",
    "help",
    "public",
    "model=",
    "model",
    ":",
    "=",
    "hours",
    "h",
    "2h",
    "minutes",
    "x",
    "×",
    "*",
    "thinking",
    # multipliers
    "k",
    "K",
    "m",
    "M",
    "b",
    "B",
    "million",
    "thousand",
    "billion",
    "mil",
    "bn",
    # Chinese, Simplified and Traditional
    "输入",
    "输出",
    "缓存",
    "缓存命中",
    "次",
    "次请求",
    "个请求",
    "每天",
    "每日",
    "每月",
    "批量",
    "批处理",
    "联网搜索",
    "搜索",
    "联网",
    "人民币",
    "美元",
    "预算",
    "能调用多少次",
    "比较",
    "价格",
    "免费额度",
    "帮助",
    "小时",
    "分钟",
    "天",
    "輸入",
    "輸出",
    "緩存",
    "萬",
    "億",
    "兩",
    "請求",
    "個",
    "人民幣",
    # numerals
    "万",
    "亿",
    "千",
    "百",
    "十",
    "零",
    "〇",
    "一",
    "二",
    "两",
    "五",
    "九",
    "五万",
    "一百万",
    "两千",
    "1千万",
    "1亿",
    "5万",
    "100万",
    "1.2千",
    "一亿五千万",
    # model names
    "gemini",
    "3",
    "pro",
    "3.1",
    "2.5",
    "2.0",
    "flash",
    "flash-lite",
    "lite",
    "embedding",
    "gemini-2.5-pro",
    "gemini-3-pro-preview",
    "gemini-9-ultra",
    "gpt-4",
    "claude",
    "o1",
    "preview",
    # numbers and marks
    "1,200",
    "1.2",
    "0.5",
    ".5",
    "0",
    "00",
    "200000",
    "200001",
    "1048577",
    "5M",
    "1e9",
    "NaN",
    "inf",
    "99999999999999999999999",
    "9" * 30,
    "1,2,3",
    "1..2",
    "-",
    "--",
    "-5k",
    "+",
    "$",
    "¥",
    "$-5",
    "%",
    "<!channel>",
    "<@U123ABC>",
    "<https://example.com|link>",
    "?",
    "!",
    "#",
    "&",
    "@",
    "，",
    "、",
    "。",
    "：",
    "\u200b",
    "\ufeff",
    "ｘ",
    "１２３",
    "½",
    "²",
    "٣",
    "\x00",
    "\n",
    "\t",
]

vocab_text = st.lists(
    st.one_of(
        st.sampled_from(VOCAB),
        st.integers(min_value=-(10**15), max_value=10**15).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(str),
        st.text(max_size=3),
    ),
    max_size=30,
).flatmap(
    lambda parts: st.lists(st.sampled_from(["", " ", "  ", ","]), min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(sep + part for sep, part in zip(seps, parts, strict=False))
    )
)

any_text = st.one_of(st.text(), st.text(alphabet=st.characters(codec="utf-8")), vocab_text)


def parse_or_typed_error(text: str, book: PriceBook) -> Query | None:
    """Parse; a PricingError is an answer (None). Anything else propagates and fails the test."""
    try:
        q = parse_query(text, book)
    except PricingError as exc:
        assert isinstance(exc.code, str) and exc.code
        return None
    assert isinstance(q, Query)
    assert q.intent in INTENTS
    return q


@PROFILE
@given(text=any_text)
def test_any_text_parses_or_fails_typed(book: PriceBook, text: str) -> None:
    parse_or_typed_error(text, book)


@PROFILE
@given(text=vocab_text)
def test_parsed_questions_price_or_fail_typed(book: PriceBook, text: str) -> None:
    q = parse_or_typed_error(text, book)
    if q is None or q.usage is None:
        return
    for model in q.models or (None,):
        try:
            e = estimate(book, q.usage, model)
        except PricingError:
            continue
        assert isinstance(e.total, D) and e.total.is_finite()
        assert e.total >= 0
        assert all(i.cost >= 0 for i in e.items)
        assert e.total == sum((i.cost for i in e.items), D(0))
    try:
        c = compare(book, q.usage)
    except PricingError:
        pass
    else:
        totals = [r.total for r in c.rows]
        assert totals == sorted(totals) and all(t >= 0 for t in totals)
    if q.budget_usd is not None:
        try:
            b = budget(book, q.usage, q.budget_usd, q.model)
        except PricingError:
            pass
        else:
            assert b.requests >= 0
            assert b.per_request.total * b.requests <= q.budget_usd < b.per_request.total * (b.requests + 1)


usages = st.builds(
    lambda prompt, cached_share, output, requests, batch: Usage(
        input_tokens=prompt,
        cached_tokens=prompt * cached_share // 100,
        output_tokens=output,
        requests=requests,
        batch=batch,
    ),
    st.integers(min_value=0, max_value=1_048_576),
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=500_000),
    st.integers(min_value=1, max_value=10_000),
    st.booleans(),
).filter(lambda u: not u.is_empty)


@PROFILE
@given(usage=usages, model_index=st.integers(min_value=0, max_value=100))
def test_estimate_laws(book: PriceBook, usage: Usage, model_index: int) -> None:
    model = book.card.models[model_index % len(book.card.models)]
    try:
        e = estimate(book, usage, model)
    except PricingError:
        return
    one = estimate(book, Usage(**{**usage.__dict__, "requests": 1}), model)
    # a request count multiplies the whole request (no storage or grounding here)
    assert e.total == one.total * usage.requests
    # the tier is decided per request, by the prompt with cached tokens included
    threshold = model.long_context_threshold
    assert (e.tier == "long_context") == (threshold is not None and usage.input_tokens > threshold)
    if e.tier == "long_context":
        assert e.split_total is not None and e.split_total < e.total
    # batch never costs more than standard, and bills each token at the model's batch rate for it
    # (issue 18: the data's own batch figures; cache reads are not halved on every model)
    if usage.batch:
        full = estimate(book, Usage(**{**usage.__dict__, "batch": False}), model)
        assert e.total <= full.total
        assert {i.kind: i.unit_price for i in e.items} == {
            i.kind: i.unit_price
            for i in estimate(book, Usage(**{**usage.__dict__, "batch": False}), model.in_tier("batch", dt.date.today())).items
        }


def test_10kb_of_junk_parses_or_fails_typed(book: PriceBook) -> None:
    rng = random.Random(20261128)
    alphabet = "".join(chr(c) for c in range(32, 127)) + "万亿千百十一二两五输入输出缓存次每天×¥—–€£\u200b\u3000"
    for _ in range(5):
        junk = "".join(rng.choice(alphabet) for _ in range(10_000))
        parse_or_typed_error(junk, book)


def test_10kb_of_repeated_vocabulary_parses_or_fails_typed(book: PriceBook) -> None:
    for chunk in ("1M in 50k out ", "输入100万 ", "gemini 2.5 pro ", "flash ", "x100 ", "一百万", "-", "<!channel> "):
        parse_or_typed_error(chunk * (10_000 // len(chunk) + 1), book)
    rng = random.Random(7)
    mixed = " ".join(rng.choice(VOCAB) for _ in range(3_000))[:10_000]
    parse_or_typed_error(mixed, book)


def test_very_long_query_is_cut_not_refused(book: PriceBook) -> None:
    # a real question followed by 10 KB of padding is still answered
    q = parse_or_typed_error("1M in 50k out" + " " * 10_000, book)
    assert q is not None and q.usage is not None
    assert (q.usage.input_tokens, q.usage.output_tokens) == (1_000_000, 50_000)
