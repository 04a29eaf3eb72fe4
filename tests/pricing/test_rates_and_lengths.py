"""Rates with their hours, audio given as a length, and counts each person makes: what people say,
as the daily counts and tokens they mean, with the reading said in the answer.

2.5 Flash bills $0.30 per 1M text input, $1.00 per 1M audio input and $2.50 per 1M output tokens.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import PriceBook, parse_query
from pricing.errors import Ambiguous, PricingError


@pytest.mark.parametrize(
    ("question", "lang", "per_day", "said"),
    [
        ("2.5 flash, 1k in 300 out, 500 requests an hour around the clock, per day?", "en", 12_000, "500 requests an hour for 24 hours a day"),
        ("2.5 flash 1k in 300 out, ~300 req/min for about 10h a day", "en", 180_000, "300 requests a minute for 10 hours a day"),
        ("2.5 flash 1k in 300 out, 500 requests per hour, 24/7", "en", 12_000, "read as 12,000 requests a day"),
        ("2.5 flash 每小时 3000 条，全天 24 小时，每条 in 1k out 300", "zh_CN", 72_000, "每小时 3,000 次、每天 24 小时"),
        ("2.5 flash 每分鐘大約 40 個 request，24 小時不間斷，in 1k out 300", "zh_TW", 57_600, "每分鐘 40 次、每天 24 小時"),
    ],
)
def test_a_rate_with_its_hours_is_a_daily_count(answerer: Answerer, question: str, lang: str, per_day: int, said: str) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "estimate", reply.text
    # (1,000 x $0.30 + 300 x $2.50) / 1M = $0.00105 a request
    assert Decimal(reply.data["total"]) == per_day * Decimal("0.00105")
    assert reply.data["period"] == "day"
    assert said in reply.text


@pytest.mark.parametrize(
    "question",
    [
        "2.5 flash 1k in 300 out, 60 requests per minute",  # a rate with no hours: a limit, or a volume?
        "2.5 flash 缓存 20万 存 24 小时，每小时 100 次，每次另外输入 500 输出 300",  # the hours are the cache's
    ],
)
def test_a_rate_without_one_day_of_hours_is_not_a_daily_count(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is None or query.usage.requests not in (1440 * 60, 2400)


@pytest.mark.parametrize(
    ("question", "lang", "audio", "said"),
    [
        # 4 minutes x 60 x 32 = 7,680 audio tokens; the prompt's 800 is text (it was read as the audio)
        ("2.5 flash 每通 4 分钟音频，提示词 800 token，输出 300", "zh_CN", 7_680, "7,680"),
        ("2.5 flash voice notes ~45 sec each, prompt 200 tok, output 300", "en", 1_440, "1,440 audio tokens, at 32 tokens a second"),
        ("2.5 flash 每段錄音 10 分鐘，輸出 300", "zh_TW", 19_200, "每秒 32 個 token"),
    ],
)
def test_audio_given_as_a_length_is_priced_at_32_tokens_a_second(answerer: Answerer, question: str, lang: str, audio: int, said: str) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "estimate", reply.text
    query = parse_query(question, answerer.book)
    assert query.usage is not None and query.usage.audio_input_tokens == audio
    assert said in reply.text


def test_audio_tokens_given_beside_the_length_win(book: PriceBook) -> None:
    query = parse_query("2.5 flash 音频输入每次 5分钟 约 9600 token, 输出 500 token, 每天 1000 条", book)
    assert query.usage is not None and query.usage.audio_input_tokens == 9600 and query.usage.input_tokens == 9600


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("2.5 flash 300 users, 20 requests each a day, 2k in 500 out", 6000),
        ("2.5 flash 30 teachers, each makes about 20 quizzes a month, 1k in 1.5k out", 600),
        ("2.5 flash 2k个使用者每天各問15次，每次輸入1200 輸出600", 30000),
    ],
)
def test_a_count_said_of_each_person_is_multiplied(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and query.usage.requests == requests


def test_each_said_of_the_tokens_is_no_count_per_person(book: PriceBook) -> None:
    # read as 300 x 5,000 = 1.5M requests a day before 2026-12-07: the `each` is the tokens'
    with pytest.raises(Ambiguous):
        parse_query("300 users, 5000 requests a day, each 2k in 500 out, flash", book)


def test_a_common_word_is_not_a_typo_of_a_keyword(book: PriceBook) -> None:
    # `leads` is one letter from `reads` (a cache word): 40 was priced as cached tokens
    query = read_or_asked("real estate client, 2.5 pro, 40 leads/day, 6k in 500 out", book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is not None and query.usage.cached_tokens == 0


@pytest.mark.parametrize(
    ("question", "cached", "whole"),
    [
        ("2.5 flash 系统提示词 4000 token 固定不变（隐式缓存能命中），用户输入平均 600，输出 350", 4000, 4600),
        ("2.5 flash support agent: 25k tok sys prompt cached, user q ~500, answer ~600", 25_000, 25_500),
        ("2.5 flash sys prompt 8k cached + ~1k fresh, 350 out", 8000, 9000),
        ("2.5 flash 衛教問答 system prompt 固定 4000 token 有快取，病人問題平均150，回答400", 4000, 4150),
        # the piece said in tokens a few clauses before the cache word said of it; the thing cached named, then its size;
        # the new part said as the thing itself (本身, itself) (eleventh session)
        ("rubric is 5k tokens and identical for every essay so we cache it. essay itself ~1.2k. output 500. 3.5 flash. 25k essays", 5000, 6200),
        ("我们有份品牌话术规范，大概1.2万token，每次回复点评都要带上，想走context cache。点评本身平均500 token，输出200，2.5 flash，每天8000条",
         12_000, 12_500),
        ("we cache the formulary (about 80k tokens) and each query adds ~600 tokens, answer ~400. 3 flash. 1200 queries/day", 80_000, 80_600),
        # an explicit cache *of* the piece; the new part opened by 再加 before a count noun (`再加1k的问题`: no count)
        ("concierge w/ an explicit cache of our 40k-token hotel knowledge base on 3 flash. each msg = the 40k cached + 300 new, 280 out, 3,500 msgs/day",
         40_000, 40_300),
        ("我有个长文档20万token想做显式缓存，缓存放6个小时，这期间问100次，每次除了缓存再加1k的问题，输出1.5k，用2.5 pro 总共多少钱", 200_000, 201_000),
    ],
)
def test_a_cached_piece_and_the_new_part_make_the_prompt(book: PriceBook, question: str, cached: int, whole: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.cached_tokens, query.usage.input_tokens) == (cached, whole)


@pytest.mark.parametrize(
    ("question", "cached", "whole", "requests", "hours"),
    [
        # the cache's hours and the count of requests said between the cached piece (after the cache verb) and the new one
        ("cache 150k tokens of docs for 4 hours, 90 calls in that window, each call adds 2k and returns 1k, 2.5 pro. total?",
         150_000, 152_000, 90, 4),
        # the part sent on top, read through the cache's storage (usage.py), is a figure of the reading (self-check)
        ("explicit cache: 200k tokens, TTL 3 hours, 500 requests in that time, 1k new input each, 400 output, 3 flash",
         200_000, 201_000, 500, 3),
        ("we'd cache the 60k-token handbook for 24 hours, 1,500 calls a day each adding 300 tokens, 200 out, 2.5 flash",
         60_000, 60_300, 1500, 24),
    ],
)
def test_a_cached_piece_with_its_hours_and_count_before_the_new_part(
    book: PriceBook, question: str, cached: int, whole: int, requests: int, hours: int
) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.cached_tokens, usage.input_tokens, usage.requests, usage.storage_tokens, usage.storage_hours) == (
        cached, whole, requests, cached, hours)


@pytest.mark.parametrize(
    "question",
    [
        # the count of requests said between the cached piece and the new one; a hyphenated size (`200k-token`)
        "the 300k-token manual is cached, 120 calls a day, each question 1k in, 2k out, 2.5 pro",
        "we cache a 300k token handbook, 120 questions a day, each adds 1k tokens, 2k out, on 2.5 pro",
        # the amount cached right after the cache verb; the new piece's own label after it, in English order
        "we cache a 300k token manual; each question 1k in, 2k out, 120 a day, 2.5 pro",
        "300k token manual cached, each question 1k in 2k out, 120 questions a day on 2.5 pro",
    ],
)
def test_a_new_piece_with_its_own_label_after_it(book: PriceBook, question: str) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.cached_tokens, usage.input_tokens, usage.output_tokens, usage.requests) == (300_000, 301_000, 2000, 120)


def test_a_cached_amount_larger_than_the_whole_input_said_after_it_is_refused(book: PriceBook) -> None:
    with pytest.raises(PricingError):
        parse_query("合同模板缓存5万token，每次请求输入总共3万，输出1k，2.5 flash 怎么算", book)


def test_in_the_cache_is_where_the_piece_is_not_an_input_label(book: PriceBook) -> None:
    # `in cache` after the pack's name says where it is kept; `1M in cached 800k` keeps `in` the input's label
    usage = parse_query("we keep a 500k token policy pack in cache, each question adds ~1k tokens and gets 2k back. 2.5 pro, "
                        "200 questions/day, daily cost?", book).usage
    assert usage is not None and (usage.cached_tokens, usage.input_tokens, usage.requests) == (500_000, 501_000, 200)


def test_days_of_a_cache_with_a_daily_count_and_a_total_are_the_days_total(book: PriceBook) -> None:
    # three days of 100 a day is 300 requests (asked about until the sixth session; never read as 100 a day, a third of it)
    query = read_or_asked("合約40萬token 放cache 3天 每天問100次 每次另外2k out 3k 用3 pro 總共多少", book)
    assert query is not None and query.usage is not None
    assert (query.usage.requests, query.usage.period, query.usage.storage_hours) == (300, None, 72)


@pytest.mark.parametrize(
    "question",
    [
        "输出 2k token，想用缓存，输入 1k，flash，每天 100 次",  # the amount before the cache word is the output's
        # found by the eleventh session's sixth review: the amount is the whole input or a share of it cached; another
        # thing is cached; the output is; a cache only asked about; the whole request "itself"; two things cached
        "each request is around 8k tokens, most of which is the fixed system prompt, and that fixed part we cache. user question itself ~300. 500 out. 2k/day",
        "每次请求大概8000 token，大部分是固定的系统提示词，这部分我们打算走缓存。用户问题本身200 token，输出 300，每天 2000 次",
        "we send 7k tokens per request, the system prompt is cached. user question itself 100 tokens. 400 out. 3000/day",
        "the support article is ~3k tokens, but the system prompt is what we'd cache. user question itself 80 tokens, 200 out, 1000/day",
        "chat history grows to ~20k tokens, we cache the persona prompt. new msg itself ~150, 200 out, 100/day",
        "每份简历大约1500 token，职位描述是固定的所以我们缓存职位描述。简历本身1500，输出300，每天100份",
        "the transcript is 30k tokens and the summary we generate gets cached for follow-ups. question itself 100, 300 out, 100/day",
        "rubric is 5k tokens, maybe cache it? essay itself ~1.2k. output 500. 25k essays",
        "should we cache the formulary (about 80k tokens)? each query adds ~600 tokens, answer ~400, 1200/day",
        "系统提示词4000 token走缓存，每次请求本身4500 token，输出300，每天1000次",
        "the spec doc is 20k tokens and the style guide too, both of which we cache. question itself 100, 200 out, 100/day",
    ],
)
def test_an_amount_of_another_part_before_a_cache_word_is_no_cached_piece(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


def test_a_cached_share_of_a_whole_input_is_no_second_piece(book: PriceBook) -> None:
    query = parse_query("2.5 flash 输入5万 其中4万走缓存 输出1千", book)
    assert query.usage is not None and (query.usage.cached_tokens, query.usage.input_tokens) == (40_000, 50_000)


@pytest.mark.parametrize(
    ("question", "lang", "thinking", "output", "said"),
    [
        ("2.5 flash, prompt 1.5k, answer ~300, thinking budget 2048", "en", 2048, 2348, "full budget of 2,048 tokens"),
        ("2.5 flash thinking budget 设的 2048，正文输出大概 500，输入 3000，按思考打满算", "zh_CN", 2048, 2548, "预算上限"),
        ("2.5 flash 思考预算开到8千 实际每次思考大概6千 输出1千 输入2千", "zh_CN", 6000, 7000, ""),  # the thinking said, not the cap
        ("2.5 flash 把 thinking 關掉（budget 0），in 2000 out 300", "zh_TW", 0, 300, ""),
        # the budget said again as used in full, and the thinking used in fact said with a verb of using
        ("2.5 flash with thinking budget 8k. in 2k, out 500 not counting thinking, assume it burns the full 8k. 100 calls/day",
         "en", 8000, 8500, "full budget of 8,000 tokens"),
        ("2.5 pro 分析跌倒風險，每份輸入 8千，輸出 1千，thinking 預算設 4千（假設都用滿），一天 30 份", "zh_TW", 4000, 5000, ""),
        ("翻译用2.5 flash开思考 thinking budget设的24k 实际平均用掉六千 译文输出两千 输入三千 每天一千段", "zh_CN", 6000, 8000, ""),
    ],
)
def test_a_thinking_budget_is_priced_in_full_unless_the_thinking_is_said(
    answerer: Answerer, question: str, lang: str, thinking: int, output: int, said: str
) -> None:
    reply = answerer.answer(question, lang)
    assert reply.intent == "estimate", reply.text
    query = parse_query(question, answerer.book)
    assert query.usage is not None and (query.usage.thinking_tokens, query.usage.output_tokens) == (thinking, output)
    assert said in reply.text


@pytest.mark.parametrize(
    ("question", "model", "requests", "whole", "said"),
    [
        ("2.5 flash image understanding, 4 imgs per req @ 258 tok each + 400 tok text, out 300, 25k req/day",
         "gemini-2.5-flash", 25_000, 4 * 258 + 400, "4 image(s) of 258 tokens a request, plus 400 tokens of text"),
        ("2.5 flash 图片审核，每张图 258 token，每天 20 万张，输出 5 个 token", "gemini-2.5-flash", 200_000, 258, "1 image(s) of 258 tokens"),
        ("2.5 flash 每篇2張照片、每張大概1,300 token，再加指令500，輸出900，一天120篇", "gemini-2.5-flash", 120, 3100, "2 image(s)"),
        # the text named right before its amount (no plus word); an output label that opens the next amount
        ("买家发宠物照片问尺码 每次一张图1100token左右 文字三百 回复一百五 lite 每天两千单 一天多少钱", "gemini-3.5-flash-lite", 2000, 1400,
         "plus 300 tokens of text"),
        ("农户拍照片来问 每次两张图 每张按1100 token算 再加文字三百 回答五百 用flash 每天大概八百次", "gemini-3.8-flash", 800, 2500, "2 image(s)"),
        # `一張圖 … 258 tokens` after the count of images: one image's size, not a second count
        ("理賠照片每件 3 張，我查過一張圖大概算 258 tokens，再加文字指令 400，輸出 200，用 3 flash，一天 900 件", "gemini-3-flash-preview", 900,
         3 * 258 + 400, "3 image(s) of 258 tokens"),
    ],
)
def test_images_given_in_tokens_are_input(book: PriceBook, answerer: Answerer, question: str, model: str, requests: int, whole: int, said: str) -> None:
    query = parse_query(question, book)
    assert [m.id for m in query.models] == [model]
    assert query.usage is not None and (query.usage.requests, query.usage.input_tokens) == (requests, whole)
    assert said in answerer.answer(question, "en").text


def test_images_with_no_tokens_are_still_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous):
        parse_query("2.5 flash describe 3 images per request, 500 out, 1000 requests", book)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("twenty thousand requests a day, three thousand tokens in, five hundred out, two point five flash", 20_000),
        ("synthetic data gen: 200k samples on 2.5 flash w batch, 300 in 700 out", 200_000),  # things counted, tokens each given
        ("2.5 flash 给3万篇论文摘要打标签 每篇输入1500 输出50", 30_000),  # the noun counted, each said again with 每篇
    ],
)
def test_counts_said_in_words_or_of_things(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and query.usage.requests == requests


def test_which_one_stays_a_word(book: PriceBook) -> None:
    query = parse_query("2.5 flash vs 3 flash, which one is cheaper for 10k in 1k out", book)
    assert query.intent == "compare" and query.usage is not None and query.usage.requests == 1


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        ("2.5 flash, 60 convos a day x 5 turns, 3k/200", 300, "day"),
        ("3.1 pro agent: 300 tasks/day x ~12 steps, each step 15k in 700 out", 3600, "day"),
        ("2.5 flash: 5k chats/day, each chat ~4 calls, 2k in 350 out", 20_000, "day"),
        ("3 flash 實驗要跑 12 組 prompt × 500 題 = 6000 次，每題輸入 700、輸出 300", 6000, None),
    ],
)
def test_a_count_of_units_times_a_count_in_each(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("3.5 flash-lite 和 2.5 flash-lite 哪个便宜，in 1k out 100，日均 50 万", 500_000),  # a bare amount 日均 opens
        ("3.1 pro 代码审查 每个PR输入4万token 输出3千 每天六十个PR 一个月得花多少", 60),
    ],
)
def test_a_bare_amount_a_period_word_opens_is_that_periods_count(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, "day")


def test_a_budget_beside_a_period_is_no_count(book: PriceBook) -> None:
    query = parse_query("每月 5000 人民币预算，3.1 pro 每次 in 1k out 1.5k，一天能跑几次", book)
    assert query.intent == "budget" and query.budget_cny == 5000


@pytest.mark.parametrize(
    ("question", "requests", "period", "said"),
    [
        ("2.5 flash-lite 618 活动一共 7 天，每天大概 12 万次调用，每次 in 1k out 200，这 7 天加起来总共多少钱", 840_000, None, "840,000 requests in all"),
        ("2.5 flash 每个工作日大概 1000 次调用，一个月按 22 个工作日算，每次 in 5k out 1k", 22_000, "month", "22 days a month"),
        ("2.5 flash-lite, ~1.2k tickets per workday, 22 workdays/mo, 1.5k in 80 out", 26_400, "month", "26,400 requests a month"),
        ("3 flash 一天 3 万次，每次 1k 进 200 出，按 30 天算", 30_000, "day", ""),  # the month the answers use
        # a market's working days
        ("投顧研究報告摘要，一份報告 PDF 大概 4 萬 tokens，摘要 1000 tokens，一天 150 份，用 2.5 pro，一個月 22 個交易日，總共多少", 3_300, "month",
         "22 days a month"),
        # working days said with an adjective (`working days`, `school days`), per one of them, or as 上班日 / 營業日
        ("1500 resumes per working day, 22 working days a month, 2k in 400 out, 2.5 flash, monthly?", 33_000, "month", "22 days a month"),
        ("2300 transcripts per business day, 21 business days a month, 5k in 600 out, 3.1 pro", 48_300, "month", "21 days a month"),
        ("1500 essays every school day (about 20 school days a month), 2k in 400 out, 2.5 flash, monthly?", 30_000, "month", ""),
        ("每个上班日800份 一个月22个上班日 每份输入1k输出300 2.5 flash", 17_600, "month", ""),
        ("每個營業日300則 一個月26個營業日 每則輸入800輸出200 2.5 flash", 7_800, "month", ""),
        ("1200 chats a day, 26 open days a month, 2.5 flash 1k in 200 out, monthly?", 31_200, "month", "26 days a month"),
    ],
)
def test_a_daily_count_over_so_many_days(answerer: Answerer, question: str, requests: int, period: str | None, said: str) -> None:
    query = parse_query(question, answerer.book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)
    assert said in answerer.answer(question, "en").text


def test_days_of_time_are_no_units_of_a_count_each(book: PriceBook) -> None:
    # `22 working days` was once read as 22 units that `1500 … per working day` is said of: 33,000 requests a day.
    # Here the days' total (12 x 40 x 22, in all) is right; a day's count of it never is
    query = read_or_asked("12 agents, 40 tickets per working day each, 22 working days, 2k in 300 out, 2.5 flash", book)
    assert query is None or query.usage is not None and query.usage.period != "day"


def test_days_a_cache_is_kept_are_no_days_of_requests(book: PriceBook) -> None:
    query = read_or_asked("2.5 flash 缓存 20万 token 存 3 天，每天 100 次，每次另外输入 500 输出 300", book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is not None and query.usage.requests == 100


def test_cheng_after_a_small_amount_is_tenths(book: PriceBook) -> None:
    query = parse_query("flash-lite prompt 大概 1 萬 token，快取命中大概 6 成，輸出 200", book)
    assert query.usage is not None and (query.usage.input_tokens, query.usage.cached_tokens) == (10_000, 6000)


@pytest.mark.parametrize(
    ("question", "audio", "whole"),
    [
        ("2.5 flash 用户每条语音大概 15 秒，按 32 token/秒 就是 480 token，再加文本提示 300，输出 200", 480, 780),
        ("2.5 flash 訪談錄音平均40分鐘，1分鐘算1920 token所以約76,800 audio token，prompt再加200，輸出1萬token", 76_800, 77_000),
        ("2.5 flash 語音訊息平均20秒，查到1秒32 token所以大概640個audio token，再加文字prompt 400，回200", 640, 1040),
    ],
)
def test_audio_tokens_worked_out_in_the_question(book: PriceBook, question: str, audio: int, whole: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.audio_input_tokens, query.usage.input_tokens) == (audio, whole)


def test_a_sum_that_does_not_check_is_not_read_as_audio(book: PriceBook) -> None:
    # 20 s at 32 a second is 640 tokens, not 900: the question's own sum is off, so it is not taken as given
    query = read_or_asked("2.5 flash 语音平均20秒，1秒32 token所以大概900个audio token，再加文字prompt 400，回200", book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is None or query.usage.audio_input_tokens != 900 or query.usage.input_tokens != 1300


@pytest.mark.parametrize(
    ("question", "whole", "output"),
    [
        ("2.5 flash: essay ~3k tokens + rubric 1k, feedback ~700 tokens", 4000, 700),
        ("2.5 flash: report ~1.6k tokens, plain-language version ~900 tokens, 350 reports per day", 1600, 900),
        ("2.5 flash: 1,500 users x ~8 msgs/day, 1.8k in (w history) 220 out", 1800, 220),  # labelled amounts keep their labels
        # a size joined by a plus to the prompt's is the other piece of the input (eleventh session)
        ("newswire: 9k stories/day, avg ~1.1k tokens + 500 token prompt, summary 120 tokens, flash lite. monthly", 1600, 120),
        ("archive tagging, 3.2 million articles, ~700 tokens each + 200 prompt, out 30, 3.1 flash-lite batch", 900, 30),
        # a product's name after a bare amount, plural, counts things (`12,000 labels`: it had been the output given twice)
        ("each label is like 800 tokens in and 600 out, we have 12,000 labels total (one time job), flash-lite", 800, 600),
    ],
)
def test_amounts_named_by_what_they_are(book: PriceBook, question: str, whole: int, output: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.input_tokens, query.usage.output_tokens) == (whole, output)


@pytest.mark.parametrize(
    "question",
    [
        "voicemail summary: each ~1 min audio = 1,920 tokens + 300 prompt, output 150 on 2.5 flash, 1000 a day",  # audio's tokens
        "1M tokens a day + 500 token prompt, 200 out, flash",  # a day's tokens
        # found by the eleventh session's fourth review: a batch's or a corpus's size, a prompt sent once or per
        # conversation, another piece joined unsized, a size that holds the prompt already, a size of each item with
        # no count of them
        "the whole batch is ~1.1M tokens + 500 token prompt per request, 200 out, 9k requests",
        "~1.1k tokens per message + 500 token prompt per conversation, 200 out, 9k a day, flash",
        "~1.1k tokens + one-time 500 token prompt, 200 out, 9k a day",
        "~1.1k tokens + 500 token prompt + RAG context, 200 out, 9k a day, flash",
        "~1.1k tokens avg (already counting the prompt) + 500 token prompt, 200 out, 9k a day",
        "product descriptions ~150 tokens each + 300 token prompt, 100 out, flash",
        "a 30 second audio clip ~800 tokens + 500 token prompt, 200 out, 1000 a day, flash",
    ],
)
def test_a_size_added_to_the_prompt_that_is_no_text_of_one_request_is_not_summed(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        ("2.5 flash 50个坐席 每个坐席每天处理120通电话 每通输入8千token 输出600", 6000, "day"),
        ("flash、flash-lite、pro 三個比一下：每次 in 5k out 1k，月 10 萬次", 100_000, "month"),
        ("2.5 flash 客服工單自動分類 一天3k張 每張in 500 out 20", 3000, "day"),
    ],
)
def test_chinese_units_and_measures(book: PriceBook, question: str, requests: int, period: str) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)


@pytest.mark.parametrize("question", ["3 flash 的音訊輸入一百萬 token 多少", "3.1 pro 快取命中的 token 每百萬怎麼算"])
def test_the_price_of_a_million_audio_or_cached_tokens_is_the_rate(book: PriceBook, question: str) -> None:
    assert parse_query(question, book).intent == "rates"


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("2.0 flash, 900 in 60 out, peak is 50 rps but avg is ~4 rps. monthly $?", 4 * 86_400),
        ("尖峰QPS大概5，但整天平均下來算QPS 2好了，flash in 1k out 250，月費？", 2 * 86_400),
    ],
)
def test_an_average_rate_beside_a_peak_runs_all_day(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "thinking", "output"),
    [
        ("2.5 pro 每次 in 1000，out 500，但是 thinking 大概要吃掉 3000 token，跑 1 万次", 3000, 3500),  # on top of the answer
        ("2.5 flash 每篇 in 2.5k out 1k（思考 1k 已含在 out 里）", 1000, 1000),  # said to be inside: 已 is no 含
        ("flash RAG 检索之后每次 input 12k，输出 700，thinking 关了，日均 4.5 万", 0, 700),
    ],
)
def test_thinking_said_in_chinese(book: PriceBook, question: str, thinking: int, output: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.thinking_tokens, query.usage.output_tokens) == (thinking, output)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("product copy for 2 lakh SKUs, 250 tokens in (attributes), 400 out, flash lite, batch. total?", 200_000),
        ("legacy endpoint still on 2.0 flash: 3mn requests/month, 400 in 150 out", 3_000_000),
        ("研报 summarization 走batch：每晚跑1500篇，每篇input 40k output 1.2k，3 pro，每月多少钱", 1500),
        ("一次把 3000 張商品圖（每張 258 tokens）+ 100 tokens 指令丟 2.5 flash 產 alt text，每張輸出 80 tokens", 3000),
    ],
)
def test_counts_in_every_english_and_chinese_habit(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and query.usage.requests == requests


@pytest.mark.parametrize(
    "question",
    [
        "need copy for 30 mil SKUs with flash lite, 250 in 400 out, how much?",  # 30 million, or 30 thousand (mil)?
        "12345项目每天预算300元，工单分类 2.5 flash-lite，输入500 输出150，每天能处理多少工单",  # the hotline is no count
    ],
)
def test_no_count_read_from_a_name_or_a_doubtful_unit(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is None or query.usage.requests not in (12_345, 30_000_000)


@pytest.mark.parametrize(
    ("question", "requests", "whole"),
    [
        ("hotline gets 2,40,000 tickets a month, 2.0 flash-lite, 400 in 40 out", 240_000, 400),
        ("we have 12.500 SKUs to rewrite, 300 in, 500 out, flash, batch pls", 12_500, 300),
        ("input 1,5k tokens, output 0,8k, 3.000 products per day, flash", 3000, 1500),
        ("we run ~900 scans per hour round the clock. per scan 1.5k in 300 out on flash", 21_600, 1500),
        ("insurance FAQ bot on 2.5 flash-lite: 1,20,000 chats per month, each ~5 turns, 900 in 150 out per turn", 600_000, 900),
        ("tutor chat: 800 active students, ~25 msgs each per day, 1.5k in 200 out, 2.5 flash-lite", 20_000, 1500),
    ],
)
def test_numbers_and_counts_as_the_world_writes_them(book: PriceBook, question: str, requests: int, whole: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.input_tokens) == (requests, whole)


@pytest.mark.parametrize(
    ("question", "per_day", "said"),
    [
        ("每周大概42万单需要做异常件分类，输入600 输出50，flash，一个月大概多少钱", 60_000, "420,000 requests a week"),
        ("~56k tickets/week, 3.1 flash-lite 500 in 40 out. monthly estimate?", 8000, "read as 8,000 a day"),
    ],
)
def test_a_weekly_count_is_a_seventh_of_it_a_day(answerer: Answerer, question: str, per_day: int, said: str) -> None:
    query = parse_query(question, answerer.book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (per_day, "day")
    assert said in answerer.answer(question, "en").text


def test_a_platform_is_a_business_unless_asked_which(book: PriceBook) -> None:
    query = parse_query("外卖平台商家评价自动回复，用2.5 flash，每条评价输入600 token，回复150，一天2w条评价", book)
    assert query.intent == "estimate"


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # the three confident wrong answers of the round-2 held-out sets, read once they were scored (README)
        ("3 flash 开high thinking，input一千五 output两千五（thinking占两千），十万次多少钱", lambda q: q.usage.output_tokens == 2500),
        ("flash vs 3.5 flash，客服场景 input 3k output 400，DAU 1w 每人4轮，一个月各多少",
         lambda q: (q.usage.requests, q.usage.period, q.asked_period) == (40_000, "day", "month")),
        ("Google 評論自動回覆，每天大概 1,500 則，每則 input 350 output 150，用 2.0 flash", lambda q: not q.usage.grounded),
        ("10k in 1k out x 1000 using google search", lambda q: q.usage.grounded),
    ],
)
def test_the_round_two_held_out_mistakes(book: PriceBook, question: str, check: object) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and check(query)  # type: ignore[operator]


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # the six confident wrong answers of the round-3 held-out sets, read once they were scored (README)
        ("investor deck question: two thousand requests a day on pro, each 8K in and 2K out, how much per mnth",
         lambda q: q.asked_period == "month"),
        ("每小时40份合同比对，每天干10小时，每份 in 7w out 2k，2.5 pro，一天多少钱", lambda q: q.intent == "estimate"),
        ("合約審閱：一份合約大約 4 萬 token，審閱意見輸出 3000 token，用 2.5 pro，一個月大概 600 份",
         lambda q: q.usage is None or q.usage.output_tokens != 40_000),
        ("會員 APP 用藥提醒訊息生成，每月 45 萬則，每則輸入 200 輸出 80，用最便宜的 lite 就好", lambda q: q.intent == "estimate"),
    ],
)
def test_the_round_three_held_out_mistakes(book: PriceBook, question: str, check: object) -> None:
    _no_wrong_price(book, question, check)


def _no_wrong_price(book: PriceBook, question: str, check: object) -> None:
    query = read_or_asked(question, book)
    if query is None:
        return  # asked back: no wrong price
    assert check(query)  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    [
        "信用卡中心通话录音质检，每通平均6分钟，一天2万通，2.5 flash，录音直接喂音频，质检结果输出500 token，prompt 800，一个月多少钱",
        "LINE 客人很常丟語音，平均一段 20 秒，用 2.5 flash 聽完直接回覆，文字 prompt 400 token，回覆 200 token，一天大約 600 段語音",
    ],
)
def test_a_text_prompt_is_never_the_audio(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is not None and query.usage.audio_input_tokens not in (400, 800)


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # the eight confident wrong answers of the round-4 held-out sets, read once they were scored (README)
        ("2.5 flash vs 2.5 flash-lite for transcription: 30 min audio ≈ 57.6k tokens, 6k out, 1000 eps/month",
         lambda q: q.usage.input_tokens == 57_600),
        ("side project: 200 DAU, each maybe 15 requests, 1k in 300 out, flash. what's that per month",
         lambda q: (q.usage.requests, q.usage.period) == (3000, "day")),
        ("I have 100 bucks of credit left, how long will it last if I do 500 req/day on 2.5 flash (1k in, 500 out)?",
         lambda q: q.budget_usd is None),
        ("能不能把一天的 3000 张图一起塞进一个请求里？每张 1290 token，用 2.5 flash，一次多少钱", lambda q: q.usage.requests != 3000),
        ("平均每分钟 300 条弹幕要回，一场直播 3 小时，用 2.5 flash lite，输入 1k 输出 60，一场下来多少钱",
         lambda q: (q.usage.requests, q.usage.period) == (54_000, None)),
        ("用flsh 每次输入1.5k输出2k 一天800次 一个月多少q", lambda q: q.models[0].id != "gemini-3.1-pro-preview"),
        ("出數學題會開 thinking，3 flash 每份思考大概 6000 token，題目輸出 3000，input 1000，一天出 20 份，月費?",
         lambda q: (q.usage.requests, q.usage.period) == (20, "day")),
    ],
)
def test_the_round_four_held_out_mistakes(book: PriceBook, question: str, check: object) -> None:
    _no_wrong_price(book, question, check)


@pytest.mark.parametrize(
    "question",
    [
        # found by reading the change once more (each was answered wrong, or crashed, before its fix)
        "one and two thousand requests, 2k in 500 out, flash",  # never 3,000 requests
        "100s of users, 2k in 500 out flash",  # `100s` is no duration
        "200项目 每个项目 输入2k 输出500 flash",  # 200 projects is no hotline
    ],
)
def test_odd_input_is_read_or_asked_never_misread(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    if query is None:
        return  # asked back: no wrong price
    assert query.usage is None or query.usage.requests not in (1, 3000)


def test_a_huge_media_length_is_no_crash(book: PriceBook) -> None:
    try:
        parse_query("2.5 flash a 99999999999999999999 billion min call is 57.6k audio tokens, 500 out", book)
    except PricingError:
        pass  # a typed answer; the self-check once raised decimal.InvalidOperation here


def test_pieces_in_either_order_make_the_prompt(book: PriceBook) -> None:
    query = parse_query("2.5 flash prompt 200 + essay 1k, feedback 700 tokens", book)
    assert query.usage is not None and (query.usage.input_tokens, query.usage.output_tokens) == (1200, 700)


@pytest.mark.parametrize(
    ("question", "input_tokens"),
    [
        # in Chinese, the content each request sends (每/一 + its measure word) beside the prompt's own instructions
        ("一份履歷大約 5k tokens, 指令 1k, 輸出 500, 每天 3000 份, 3.1 flash-lite, 一個月多少", 6_000),
        ("每篇论文大概3万token 加上提示词500 输出2000 每天100篇 flash", 30_500),
        ("每份合同8000 token，prompt 500，输出1000，每天200份，2.5 flash", 8_500),
        # a period, audio, or the output's own content is no piece of the prompt
        ("保养常见问题机器人，一个月12万次，lite，每次输入1500，其中1000是固定system prompt走缓存，输出200", 1_500),
    ],
)
def test_content_of_each_beside_the_instructions(book: PriceBook, question: str, input_tokens: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and query.usage.input_tokens == input_tokens


def test_dollars_with_a_dot_stay_dollars(book: PriceBook) -> None:
    query = parse_query("how many 2k in 500 out on 2.5 flash for $1.250", book)
    assert query.budget_usd == Decimal("1.25")


@pytest.mark.parametrize(
    ("question", "requests", "input_tokens"),
    [
        # each image is the unit the input is said per, and the count of images is the count of requests
        ("质检每张图输入 1400 输出 120，3 flash，每天 5000 张，一个月多少", 5000, 1400),
        ("历史缺陷图片复检，batch 跑 300 万张，每张输入 1100 输出 80，2.5 flash lite 一共多少钱", 3_000_000, 1100),
        ("can we use batch for the end-of-shift re-inspection? ~12k images/day, 1.3k tokens in each incl prompt, 100 out, 2.5 flash-lite. "
         "what's that per month", 12_000, 1300),
    ],
)
def test_each_image_is_a_request_when_its_input_is_given(answerer: Answerer, question: str, requests: int, input_tokens: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["items"][0]["kind"], reply.data["items"][0]["quantity"]) == (
        requests, "input", str(requests * input_tokens))
    assert "Each image is read as one request" in reply.plain


@pytest.mark.parametrize(
    "question",
    [
        "作文拍照上传 每篇2张图 再加1k prompt 输出1k 用flash 每天6000篇",  # two images a request, their tokens unknown
        "用flash看图片 提示词500 输出200 每天1000次",  # nothing says the 500 holds the image
    ],
)
def test_images_beside_a_prompt_alone_are_still_asked_about(book: PriceBook, question: str) -> None:
    with pytest.raises(Ambiguous):
        parse_query(question, book)


def test_this_part_is_no_yuan(book: PriceBook) -> None:
    # `质检这块` (this area of the work): 块 was read as yuan, and the dollar budget was answered `in yuan`
    query = parse_query("质检这块每天预算 50 美元，3 flash 每张图输入 1400 输出 120，一天能跑多少张", book)
    assert (query.intent, query.budget_usd, "cny" in query.flags) == ("budget", 50, False)


@pytest.mark.parametrize(
    "question",
    [
        # how an image model charges, and one image's price: its price list, whose per-image line answers both
        "2.5 flash image 生图怎么收费的，一张图大概多少钱",
        "請問用 2.5 flash image 生成物件示意圖是怎麼算錢的？一張多少",
    ],
)
def test_how_an_image_model_charges_is_its_price_list(book: PriceBook, question: str) -> None:
    query = parse_query(question, book)
    assert query.intent == "rates" and query.model is not None and query.model.id == "gemini-2.5-flash-image"


@pytest.mark.parametrize(
    ("question", "requests", "output"),
    [
        # images an image model makes each day: one a request; their tokens said as output are those images, once
        ("2.5 flash image 每天生成 300 张图 多少钱", 300, 0),
        ("小編每天要生 30 張貼文配圖，用 2.5 flash image，prompt 大概 150 token，一個月多少錢", 30, 0),
        ("nano banana（2.5 flash image）生成商品主图，每张输出1290 token，提示词200 token，每天500张，一个月多少", 500, 0),
    ],
)
def test_images_made_each_day_are_requests_of_one_image(book: PriceBook, question: str, requests: int, output: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period, usage.output_images, usage.output_tokens) == (requests, "day", 1, output)


@pytest.mark.parametrize(
    ("question", "output", "requests"),
    [
        # thinking said inside the output given, with no amount of its own: the output holds it
        ("3.1 pro, 30k in, 2.5k out incl. thinking, 400 a day, monthly?", 2500, 400),
        ("2.5 pro 8k in 2k out including thinking, 500 a day", 2000, 500),
        ("3 pro 每件输入2万 输出2千（含思考） 每天300件 一个月多少", 2000, 300),
        ("3.1 pro 每份 in 3萬 out 6千(thinking含在裡面) 每天 80 份", 6000, 80),
        # ... or before the output's amount (eleventh session; refused as "parts add up to more than the total" before)
        ("pro 每次輸入 500、輸出含思考 8k，一天 40 次", 8000, 40),
        ("pro 每次输入 500，输出包含思考大概 8k，一天 40 次", 8000, 40),
        ("3.1 pro, 500 in, output incl. thinking ~8k, 40 a day", 8000, 40),
    ],
)
def test_thinking_said_inside_the_output_needs_no_amount(book: PriceBook, question: str, output: int, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.output_tokens, usage.thinking_tokens, usage.requests) == (output, 0, requests)


@pytest.mark.parametrize(
    "question",
    [
        # found by the eleventh session's review: thinking said again (how much, a cap, a share, without it), a period's
        # total, whether it holds the thinking asked
        "pro 每次输入 500，输出含思考 8k，思考 6k，一天 40 次",
        "input 2k, output incl. thinking 8k (thinking ~6k), pro",
        "pro 输入2k 輸出含思考 8k，不含思考 2k",
        "pro 输入2k 输出含思考 8k，思考预算 16k",
        "pro 输入2k 输出含思考 8k 其中思考预算 16k",
        "pro 输入2k 输出含思考 8k，思考大概 70%",
        "pro input 2k, output incl. thinking 8M tokens/month, 1000 calls/day",
        "pro 输入2k 输出含思考 8k 还是不含？",
    ],
)
def test_an_output_said_with_its_thinking_and_more_said_of_it_is_asked(book: PriceBook, question: str) -> None:
    with pytest.raises(PricingError):
        parse_query(question, book)


def test_of_which_thinking_after_an_output_said_with_its_thinking_is_its_share(book: PriceBook) -> None:
    usage = parse_query("pro 每次输入 500，输出含思考 8k 其中思考 6k，一天 40 次", book).usage
    assert usage is not None and (usage.output_tokens, usage.thinking_tokens) == (8000, 6000)


@pytest.mark.parametrize(
    "question",
    [
        # a share of the output is no amount of thinking tokens (`思考占 30%` was 30 tokens, wrong at the start too)
        "输出 2k，思考占 30%，输入 1k，2.5 flash",
        "输出 2k，思考的部分占 30%，输入 1k，2.5 flash",
        # 的部分 names a part of what was given, never a sum on top (eleventh session's review)
        "输入 10k，音频的部分 8k，输出 500，2.5 flash",
        # half, a multiple: no 1 or 2 tokens (`其中一半走缓存` had been 1 cached token, wrong at the start too)
        "输入 1万，其中一半走缓存，输出 500，flash，一天 100 次",
        "输入 3000，输出 8k 含思考，其中思考大概一半，flash",
        "其中思考 2 倍于回答，输入 3000，输出含思考 8k，flash",
    ],
)
def test_a_share_or_a_part_of_a_label_is_asked(book: PriceBook, question: str) -> None:
    with pytest.raises(PricingError):
        parse_query(question, book)


@pytest.mark.parametrize("question", ["2.5 flash 1k in 500 out with thinking, 1000 a day", "2.5 flash 输入1000 开思考 输出500 每天1000次"])
def test_thinking_on_top_of_the_output_with_no_amount_is_still_asked_about(book: PriceBook, question: str) -> None:
    with pytest.raises(Ambiguous):
        parse_query(question, book)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a count said of a number of days, with no period word: those days' total (every day would be 每天)
        ("暑假 30 天 总共大概 2 万份作业 每份输入1k输出500 2.5 flash 总共多少", 20_000),
        ("over 5 days we'll run 80k requests, 2k in 300 out on 2.5 flash", 80_000),
        ("活动3天一共12万条评论，每条输入500输出100，2.5 flash-lite", 120_000),
    ],
)
def test_a_count_of_a_span_of_days_is_their_total(answerer: Answerer, question: str, requests: int) -> None:
    query = parse_query(question, answerer.book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, None)


def test_the_answer_says_a_span_of_days_is_priced_as_its_total(answerer: Answerer) -> None:
    assert "3 天共 12万 次请求：按总数计价。" in answerer.answer("活动3天一共12万条评论，每条输入500输出100，2.5 flash-lite", "zh_CN").plain


def test_a_span_of_days_beside_a_daily_period_or_a_cache_is_no_total(book: PriceBook) -> None:
    assert read_or_asked("5 天 2000 次 每次输入1k 输出200 2.5 flash 每天多少", book) is None
    query = read_or_asked("cache 100k for 3 days, 2.5 flash, 5000 queries, 1k new in 200 out", book)
    assert query is None or query.usage is not None and query.usage.storage_hours == 72


@pytest.mark.parametrize(
    ("question", "model_named"),
    [
        # no preference said: the default model (eleventh session)
        ("fatigue report triage, ~700/month, 3k in, 800 out, no particular model. cost per month?", False),
        ("no model picked yet, just use whatever default: 3k in 1k out 1000/day, monthly", False),
        # found by the third review: `no` of a feature after the model word, or a model or feature ruled out beside it
        ("no model batching, 5k in 1k out 10k/day on flash", None),
        ("no model search grounding, 2k in 500 out 1000/day", None),
        ("no specific model, anything except pro, 2k in 500 out 1000/day", None),
        ("no model picked, but definitely not pro, 2k in 500 out 1000/day", None),
    ],
)
def test_no_model_preferred_is_the_default_model_unless_more_is_ruled_out(book: PriceBook, question: str, model_named: bool | None) -> None:
    query = read_or_asked(question, book)
    if model_named is None:
        assert query is None
    else:
        assert query is not None and query.usage is not None and not query.models
