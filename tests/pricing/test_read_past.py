"""Words read past (pricing/query/read_past.py): an unknown word that cannot change the figures is priced past and
named in the answer; one that may change them (a time, a unit, a noun counted into one prompt, a slip of a model
word) is still asked about.
"""

from __future__ import annotations

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import PriceBook, parse_query


@pytest.mark.parametrize(
    ("question", "requests", "period", "asked", "words"),
    [
        # a noun after a count of calls (次) names what the calls are
        ("請問如果每天一萬次行程問答 in 1.8k out 350，2.5 flash-lite 月費？", 10_000, "day", "month", ["行程"]),
        # the word echoed as typed, in its own script (門診, not 门诊)
        ("每天一萬次門診諮詢 in 1.8k out 350 用 flash-lite", 10_000, "day", None, ["門診"]),
        ("書狀初稿用 pro，每份輸入 1.5萬（案情+範本）輸出 5千，一天 15 份，這樣一天多少ㄚ", 15, "day", None, ["案情"]),
        # an English word of the language, if not an everyday one, before its count
        ("fraud team wants summaries of suspicious txn narratives: 400/day, 12k tokens in, 1.5k out, on 2.5 pro. per month?",
         400, "day", "month", ["narratives"]),
        # things counted by a measure word that are the requests themselves (a period or a total, nothing put into one prompt)
        ("新闻稿改写成短视频口播稿，3 flash，输入5k tokens 输出1.5k，每天60条稿子，月成本大概多少？", 60, "day", "month", ["稿子"]),
        ("每天三千份门诊病历做摘要 用 3.5 flash 输入6k输出700", 3_000, "day", None, ["门诊"]),
        # a price character in an everyday word of another sense: real time (即時), grading (能批)
        ("新聞台做即時事實查核，每則都要 grounding，3 flash，輸入 1500 輸出 500，一天 4 千則", 4_000, "day", None, ["即時事實查核"]),
        # ... inventory (库存: stock, no cache storage), a birthday, a game's Japanese server (eleventh session)
        ("库存老剧1.2万集 用batch翻成西语 每集入2.4k出2.6k 2.5 flash-lite", 12_000, None, None, ["库存老剧"]),
        ("會員生日訊息 一個月大概發 4萬則 每則輸入500 輸出150 用 flash-lite", 40_000, "month", None, ["生日"]),
        ("日服文案润色 3.1 pro，每次输入5k输出3k，每天800次", 800, "day", None, ["日服"]),
        # a report named by its period, the count with its own period; a picture word beside images read with their tokens
        ("2.5 pro 分析质检月报 in 5万 out 4k 每月30次", 30, "month", None, ["月报"]),
        ("海报本地化，先让模型看图把文字抠出来，每张图1290 token+prompt 200，输出300，一天800张，2.5 flash", 800, "day", None, ["看"]),
        # a short price stem opening another word (`plan` in `planner`, `back` in `backlog`), not an inflection of it
        ("want to batch the overnight review backlog: 7,500 reviews, 1,000 in / 200 out on 2.5 flash via the batch api. total?",
         7_500, None, None, ["backlog"]),
    ],
)
def test_a_word_that_names_what_is_priced_is_read_past(
    book: PriceBook, question: str, requests: int, period: str, asked: str | None, words: list[str]
) -> None:
    query = parse_query(question, book)
    assert query.usage is not None
    assert (query.usage.requests, query.usage.period, query.asked_period) == (requests, period, asked)
    assert [n.params["words"] for n in query.notices if n.code == "read_past"] == [words]


@pytest.mark.parametrize(
    "question",
    [
        # reviews counted by 則 and put into one prompt: not 10,000 requests
        "評論摘要：一次把 1 萬則評論丟進去大概 40 萬 token，輸出 3000，用 3.1 pro 跑一次多少",
        "早报每天自动生成一次 把前一天三百篇稿子全塞进去 差不多五十万token pro 输出五千 一个月多少钱",
        # a time: the month's bill asked (月底), a night shift (夜班)
        "客服邮件自动回复 日均3500封 in 1800 out 450 3.5 flash 月底账单大概多少",
        "药剂科夜班 12 小时，每小时大概 40 次用药咨询，输入 1200 输出 500，2.5 flash，一晚上多少钱",
        "month projection for pro: 700 req/day, each ~45k in (40k of it is the cached sys prompt) + 1.2k out",
        # a unit after an amount (a minute and a half of audio; sentences, not tokens)
        "旅客打电话的语音 平均一分半 直接喂给模型 用flash 提示五百token 回答两百 每天三万通 一个月多少钱",
        "300 sentences in, 50 out on flash, 1000 a day",
        # an inflection of a short stem still asks (`taxes`, `planned`), and time words whatever their ending (`weekends`)
        "flash 2k in 300 out, 500 a day, plus taxes",
        "flash 2k in 300 out, 300 calls a day, monthly payment?",  # a money stem opens its words whatever follows
        "flash 2k in 300 out, 500 requests a day on weekends",
        # a slip of a model word, a price character alone, an abbreviation that may name media
        "用flsh 每次输入1.5k输出2k 一天800次 一个月多少",
        "gemini 2.5 flash image生一張圖多少錢",
        "side project: summarise my yt watch history lol, 500 videos, ~4k tokens of transcript each, 300 out, flash",
        # each of what?
        "醫材說明書含圖，每本 30 張圖 每張 560 tokens，加文字 2 萬 tokens，翻成中文輸出 2.2 萬，2.5 flash，單本多少錢？",
        # found by the eleventh session's second review: a picture word with no image tokens given, images made, more
        # pictures than those read, a map; a report named by its period beside a period asked (30 monthly reports is
        # no 30 a day)
        "输入 2000 token 输出 500，每天 100 次，要识图，flash 一个月",
        "以图生图，每张图 258 token 输入，prompt 100 token，每天 500 张，2.5 flash image",
        "每张图 258 token，参考图另算，看图写文案，输出 200，一天 500 次，flash",
        "每张图 258 token，每天 1000 张，看图打标签，拼图算 4 张，输出 50，flash",
        "每张图 258 token 输入，看图，还有地图，输出 200，一天 500 张，flash",
        "月报 30 份，每份 2万 in 3000 out，2.5 flash 一天多少钱",
        "年报 200 份，每份 2万 in 3000 out，2.5 flash 一个月多少钱",
        "歷年判決 20 萬份，每份 in 2k out 300，flash 每天多少",
    ],
)
def test_a_word_that_may_change_the_figures_is_still_asked_about(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or not any(n.code == "read_past" for n in query.notices), query


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Read as naming what is priced, and left out of the figures: 門診."),
        ("zh_CN", "以下词语视为所计费内容的名称，未计入数字：門診。"),
        ("zh_TW", "以下字詞當作計價內容的名稱，不影響計算：門診。"),
    ],
)
def test_the_answer_names_the_words_read_past(answerer: Answerer, lang: str, line: str) -> None:
    reply = answerer.answer("每天一萬次門診諮詢 in 1.8k out 350 用 flash-lite", lang)
    assert reply.intent == "estimate"
    assert line in reply.plain



def test_a_common_word_opening_with_a_short_price_stem_is_no_price_word(book: PriceBook) -> None:
    # `planner` is no `plan` (a common word, so it passes silently); before, the question was asked back
    query = parse_query("hey quick q — itinerary planner runs on 2.5 flash, each req is ~6k tokens in and ~1.5k out. "
                        "we do like 3,000 itineraries/day. whats that monthly?", book)
    assert query.usage is not None
    assert (query.usage.requests, query.usage.period, query.asked_period) == (3_000, "day", "month")
