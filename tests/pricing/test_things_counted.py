"""Amounts the word tables do not label, placed by what they count or measure (issue 19, round 5).

- A number of things (`8万个SKU`, `5,000 segments`), said beside a complete per-request usage, is how many
  requests there are (one each); a size (`300 lines`) or a length of time (`三個月`) is not.
- An amount said in tokens is never a count, so when one part of the request is left it is that part.
"""

from __future__ import annotations

import pytest

from bot.answers.answerer import Answerer
from pricing import PriceBook
from pricing.query.tokenize import tokenize


@pytest.mark.parametrize(
    ("question", "lang", "requests", "input_tokens"),
    [
        ("社区团购商品文案batch生成，每个SKU输入300 token 输出250，一次8万个SKU，2.5 flash-lite 要多少钱", "zh_CN", 80_000, 300),
        ("商品描述 每個 input 500 output 200，2.5 flash，總共1200個品項要多少", "zh_TW", 1_200, 500),
        ("商品详情页文案 一万两千个SKU 每个输入八百 输出六百 2.5 flash batch 要多少钱", "zh_CN", 12_000, 800),
        ("5,000 IFU segments to translate with thinking on 3.1 pro: 3k in, 3.2k out + thinking 2k. total?", "en", 5_000, 3_000),
        # after the usage: thousands of things, or a few hundred said as a total or a one-off batch
        ("quick math pls: 2.5 flash, 600 tokens in, 40 out, 250k survey responses (one-off)", "en", 250_000, 600),
        ("description rewrite job on 3.1 flash-lite, 1.5k in / 450 out, 40k listings one-off", "en", 40_000, 1_500),
        ("grad student asking: lit review summarisation on 2.5 pro, ~80k in, 2k out, ~600 papers total", "en", 600, 80_000),
        # the measure word alone after a total (`共 120 本`), with no noun after it; `一遍` (once through) is no amount
        ("旧书再版校对，可以不急，3.1 pro 走批量，一本 30 万 token 输入 输出 1.5 万，共 120 本，总共多少", "zh_CN", 120, 300_000),
        ("農會超市商品上架文案 共兩千四項 in 500 out 600 用3.7 flash 總共多少前", "zh_TW", 2_400, 500),
        ("历史案件要回溯审查一遍，一共5万件，每件输入2w输出800，不着急可以用batch，2.5 flash 总共多少钱", "zh_CN", 50_000, 20_000),
    ],
)
def test_things_counted_beside_the_usage_are_the_requests(
    answerer: Answerer, question: str, lang: str, requests: int, input_tokens: int
) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] == requests
    assert reply.data["items"][0] == {**reply.data["items"][0], "kind": "input", "quantity": str(input_tokens * requests)}


@pytest.mark.parametrize(
    "question",
    [
        "2.5 flash 10k in 2k out 300 lines",  # the prompt's lines: a size
        "10k in 1k out, 6 months, how much",  # a length of time
        "10k in 1k out with 20 tools. total?",  # things inside one request
        "10k in 1k out, 20 tools, total?",  # a few things and `total?`: the sum of one request asked
        "2.5 flash, 10k in 1k out, 20 tools, we call it once",  # `once` is no batch of the things
        "输入1万 输出1千 8个并发 多少钱",  # concurrency, no batch of requests
        "开3个线程 输入1万 输出1千 多少钱",
        "行銷部這一季 AI 預算 1,500 美元（三個月），flash lite 寫文案 in 700 out 350，一個月可以產幾篇",  # a length of time
    ],
)
def test_a_size_or_a_length_of_time_is_no_count(answerer: Answerer, question: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.data.get("requests") in (None, 1), reply.plain


@pytest.mark.parametrize(
    ("question", "input_tokens"),
    [
        ("这份资料 60 万 token 一次性丢进 3 pro，输出 2 万 token，一次多少钱", 600_000),
        ("併購案 data room 大概 90 萬 token，想整包丟 2.5 pro 問一次，輸出大概 5k，這樣一次多少錢", 900_000),
    ],
)
def test_an_amount_said_in_tokens_is_the_part_left(answerer: Answerer, question: str, input_tokens: int) -> None:
    reply = answerer.answer(question, "zh_CN")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] == 1
    assert reply.data["items"][0]["kind"] == "input"
    assert int(reply.data["items"][0]["quantity"]) == input_tokens


def test_a_repeated_chinese_run_splits_the_same_every_time() -> None:
    """The split of a run is remembered (a pasted roster repeats it); each copy keeps its own place."""
    tokens = tokenize("3个坐席 每个坐席 3个坐席 每个坐席")
    runs = [(t.text, t.role) for t in tokens if t.kind == "cjk"]
    assert runs[: len(runs) // 2] == runs[len(runs) // 2 :]
    starts = [t.start for t in tokens if t.text == "每个"]
    assert len(starts) == 2 and starts[0] != starts[1]


def test_two_words_may_stand_before_the_things_counted(book: PriceBook) -> None:
    from pricing import parse_query

    usage = parse_query("want to re-score 200k old candidate profiles overnight using batch on flash-lite, ~2k in 100 out. what's the damage",
                        book).usage
    assert usage is not None and (usage.requests, usage.batch) == (200_000, True)


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        ("radiology report simplification, ~1.1k in, 500 out, flash lite 2.5, about 2,100 reports a week. monthly spend?", 300, "day"),
        ("dupe detection bot, ~600 tokens in, 20 out, ~90 issues a day on flash-lite. per month?", 90, "day"),
    ],
)
def test_things_counted_with_their_period(book: PriceBook, question: str, requests: int, period: str) -> None:
    from pricing import parse_query

    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, period)


def test_things_to_embed_and_the_tokens_of_each(book: PriceBook) -> None:
    from pricing import parse_query

    # an embedding model has no output to give; `semantic search` is what the vectors are for, not Search grounding
    query = parse_query("embedding 1.2M CVs for semantic search, avg 900 tokens each, gemini embedding 001, one time. how much?", book)
    assert query.usage is not None
    assert (query.usage.requests, query.usage.input_tokens, query.usage.grounded) == (1_200_000, 900, False)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("issue triage bot 每周大概2800个issue 2.5 flash 输入3k 输出200 一个月大概多少", 400),
        ("把整个repo的文档 60万token 放到context cache里 每个issue再加2k 输出300 2.5 flash 每天500个issue", 500),
    ],
)
def test_a_noun_after_a_measure_word_is_what_a_period_count_counts(book: PriceBook, question: str, requests: int) -> None:
    from pricing import parse_query

    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # things the tables do not know, counted with their own period, once the tokens of each are given
        ("rewriting job ads on 3 flash: 1.2k tokens in, ~900 out, we post around 250 ads a month. what does that run us", 250, "month"),
        ("flash 2k in 300 out, 1,600 open-ends/day", 1_600, "day"),
        ("personalised welcome messages: ~1.5k check-ins per day, 600 in / 180 out, flash. per month?", 1_500, "day"),
        ("用 3 pro 寫車況文案，輸入 1k 輸出 700，一天 25 台，一個月會花多少", 25, "day"),
        ("2.5 flash 每次in 2k out 300，一个月上架 300 台", 300, "month"),
    ],
)
def test_things_counted_with_their_period_are_that_periods_requests(
    answerer: Answerer, question: str, requests: int, period: str
) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["period"]) == (requests, period)


@pytest.mark.parametrize(
    "question",
    [
        "2.5 flash 每次in 2k out 300，每天 3 位 同事 在用",  # people, with no count of each one's requests
        "2.5 flash 每次in 2k out 300，3 个月",  # a length of time
    ],
)
def test_people_or_a_length_of_time_are_no_count_of_requests(answerer: Answerer, question: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent != "estimate" or reply.data["requests"] != 3, reply.plain


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # units of any name, each making so many requests: the count per unit times the units
        ("我的LINE bot大概800個好友，平均每人每天傳6則，每則input約600 token，output 150，用2.5 flash-lite 一個月多少錢啊", 4_800),
        ("我们有120个企业客户 每家每天平均筛200份简历 输入4k输出500 flash 一天多少钱", 24_000),
        ("全区 120 个便民窗口，每个窗口每天问 60 次，每次输入一千五 输出五百，用flash，一个月多少钱", 7_200),
        ("interview question generator: 120 customer accounts, each runs ~40 generations a day, 1k in 1.5k out on flash. monthly cost?", 4_800),
    ],
)
def test_units_counted_before_a_count_said_of_each(answerer: Answerer, question: str, requests: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["period"]) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "model"),
    [
        # tokens said to go into one prompt, more than the model holds: no label makes them fit
        ("can i just dump the full digitised council minutes collection (approx 2.6M tokens) into one 2.5 flash prompt and ask for an index? what would that cost", "gemini-2.5-flash"),
        ("一本技术手册三百万token 能不能一次全塞给2.5 pro翻译 多少钱", "gemini-2.5-pro"),
        ("整個 repo 大概 250 萬 token，一次丟進 3.1 pro 問問題要多少", "gemini-3.1-pro-preview"),
    ],
)
def test_more_tokens_than_the_window_in_one_prompt(answerer: Answerer, question: str, model: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.data["error"]["code"] == "context_window_exceeded", reply.plain
    assert model in reply.data["error"]["message"]


def test_a_total_of_tokens_over_time_is_no_prompt(answerer: Answerer) -> None:
    reply = answerer.answer("we process 5M tokens a month on 2.5 flash, cost?", "en")
    assert reply.intent != "error" or reply.data["error"]["code"] != "context_window_exceeded", reply.plain


@pytest.mark.parametrize(
    "question",
    [
        # the places a count is spread over are no factor of it
        ("catalogue chat for patrons: ~2.5k tokens per question (system prompt + retrieved records), ~200 token answers, around 3,000 questions a day across our 14 branches, flash lite. monthly cost?"),
        ("hey quick one — triage chat for our clinics, each convo turn is roughly 1.2k tokens in and 250 out, we're seeing about 3,000 turns a day across all 14 locations. on 2.5 flash what's that a month?"),
    ],
)
def test_a_count_across_places_is_their_total(answerer: Answerer, question: str) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["period"]) == (3_000, "day")


def test_a_count_of_each_place_across_them_is_asked_or_multiplied(answerer: Answerer) -> None:
    reply = answerer.answer("each branch does 30 lookups a day across 22 branches, flash-lite, 1.8k in 350 out", "en")
    assert reply.intent != "estimate" or reply.data["requests"] == 660, reply.plain


@pytest.mark.parametrize(
    ("question", "input_tokens", "output_tokens"),
    [
        # the size of what is sent, then the output named with what it is
        ("合同审阅，一份合同大概 6 万 token，输出审阅意见 3000，用 2.5 pro，每天审 40 份，一个月多少钱", 60_000, 3_000),
        ("HireLoom: we screen CVs. CV + job description ≈ 3,500 tokens, output is a JSON score ~300 tokens. 25k CVs per month. 2.5 flash. cost/month?", 3_500, 300),
        ("我們 HR SaaS 每天解析大概 2w 份履歷，一份履歷平均 2,500 tokens，輸出 JSON 約 600，用 flash-lite 一個月多少？", 2_500, 600),
    ],
)
def test_a_size_sent_then_the_output_named(answerer: Answerer, question: str, input_tokens: int, output_tokens: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    requests = reply.data["requests"]
    assert [i["quantity"] for i in reply.data["items"][:2]] == [str(input_tokens * requests), str(output_tokens * requests)]
