"""Counts per unit, opening hours, spoken numbers and budgets said in two currencies (issue 19, round 5).

Each case is one mechanism, read through `parse_query` as the answer's "Read as" line shows it.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import PriceBook, canonical, parse_query
from pricing.errors import Ambiguous
from pricing.query.numbers import spelled_numbers
from pricing.query.read import read_question


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # a count said per unit of what another count counts: the two multiply, in either order
        ("agentic hypothesis generator on 2.5 pro: 6 steps per run, each ~12k in, 1.5k visible out, 25 runs a day. per month?", 150, "day"),
        ("boss戰的NPC 3 flash 思考2千token 回覆300 input 1500 每天4萬場 每場call 3次 這樣要多少", 120_000, "day"),
        ("3 flash 每场20轮对话 每轮 input 2k output 300，一天500场，日成本？", 10_000, "day"),
        # steps of an agent; the unit named with 个 and a noun the tables count (`每个工单` … `800个工单`)
        ("异常工单 agent：每天800个工单，每个工单平均跑6步，每步输入5k 输出400，3 flash，一天多少钱", 4_800, "day"),
        ("agent 产品 每个任务平均12步 每步输入8k 输出500，日均3000个任务 用3 flash 一个月大概多少", 36_000, "day"),
        # three counts: people or places, the units each handles, the calls per unit
        ("12 teachers each grade 30 essays a day, 2 passes per essay, 3k in 500 out on 2.5 flash, monthly?", 720, "day"),
        ("we have 40 reps, each handles 25 tickets a day, 2 calls per ticket, 1500 in 200 out, 2.5 flash per month", 2_000, "day"),
        ("500 users, 4 sessions a day each, 10 messages per session, 2k in 200 out on flash", 20_000, "day"),
        ("18家店，每家每天200条评论，每条跑3步，每步输入1000 输出200，2.5 flash 一个月多少钱", 10_800, "day"),
        ("30个老师 每人每天批改40份作业 每份作业调用2次 输入1500 输出300 2.5 flash 一个月", 2_400, "day"),
        ("8間分店，每間每天150則訊息，每則呼叫2次，每次輸入800 輸出150，flash 一個月多少", 2_400, "day"),
        # the calls of one unit said first (no period of their own), then the period's count of those units
        ("派車工具每張單要呼叫 2 次模型（解析地址、排路線建議），每次輸入 1800 輸出 350，一天 2500 張單，flash-lite 一天大概多少錢", 5_000, "day"),
        ("一个工单要跑三次模型 先识别缺陷 再判等级 再写处理建议 每次平均in 1500 out 300 一天600个工单 3 flash 一个月多少", 1_800, "day"),
        ("每個訂位流程 agent 大概會 call 模型 5 次，每次 input 2500（含對話歷史）output 200，一天 1200 筆訂位，3.5 flash 一天多少", 6_000, "day"),
        ("shipment exceptions go thru an agent with 5 steps, each step ~4k in 300 out. about 1,200 exceptions per day on 3.6 flash", 6_000, "day"),
        # the unit said with 每 and counted elsewhere by a noun the tables do not know (`每栋楼` … `42栋楼`, `每班` … `18 個班`)
        ("每栋楼每天平均报修15单，我们管42栋楼，每单分类+派单建议 in 900 out 150，2.5 flash 每月多少", 630, "day"),
        ("家長群組的 LINE 訊息每天晚上整理成摘要給導師，每班一天一次，輸入大概 8k 輸出 600，flash，我們有 18 個班，一個月多少錢", 18, "day"),
        ("婚禮流程企劃書想丟給 pro 整理，一份大概 2萬 token 進去、出來 4k，我們一個月接 30 場，每場平均要改 5 次，這樣一個月大概噴多少", 150, "month"),
        # versions made of one thing (`生 8 版`), messages of each event: a call each
        ("婚禮流程企劃初稿用 3.5 flash 生，輸入 5k 輸出 3k，一場婚禮大概要生 8 版，今年預計 45 場，全部加起來多少錢", 360, None),
        ("flash 一次輸入 3.2k 輸出 250，這個月五場婚禮、每場大概 300 則訊息，總共多少", 1_500, "month"),
        # the turns of a conversation, said in a clause that names one, and conversations counted by another word
        ("chat widget: avg conversation is 6 turns, each turn sends ~3k tokens and gets back 200. ~700 chats a day. flash-lite, per month?", 4_200, "day"),
        ("support bot on flash: a session is about 5 rounds, 2k in 300 out per round, 1,200 conversations a day", 6_000, "day"),
        ("信用卡账单分期问答bot，每天1w次会话，每次会话平均4轮，每轮输入2500输出200，用 lite 一个月多少钱", 40_000, "day"),
        ("AI代码讲解 一个session平均6轮对话，每轮输入（带上下文）平均4000 token 输出500，每天300个session，用3.5 flash，月费", 1_800, "day"),
        ("客服 bot 每天 800 段對話，每段對話大概 5 輪，每輪 input 1500 output 200，flash 一個月多少", 4_000, "day"),
        # the unit said with `一个` (read past as an article elsewhere) and an English noun; `每次配對` (each match, not
        # each call) counted as `220次配對`; a unit of two words closing its clause (`per pax case`); a hyphened word
        ("3.1 pro 跑 agent，每個 step input 30k output 3k，一個 task 平均 15 step，一天 40 個 task，一個月燒多少", 600, "day"),
        ("實驗室agent跑文獻回顧 一個query拆12步 每步in 6k out 700 一天跑40個query 用3.5 flash 一個月", 480, "day"),
        ("agent 一个 job 大概 call 8 次 model，每次 in 5k out 1k，一天 300 个 job，3.5 flash", 2_400, "day"),
        ("房仲agent幫客戶配對物件 每次配對要call 5次 每次in 7k out 500 一天220次配對 用2.5 flash 一天要多少", 1_100, "day"),
        ("每次会诊要跑 4 次模型，每次输入 3k 输出 600，一天 150 次会诊，3 flash 一天多少", 600, "day"),
        ("disruption agent has 4 tool-using steps per pax case, avg 8k in 600 out per step, 3.1 pro. ~2,000 cases a day", 8_000, "day"),
        ("3 passes per insurance claim, 2k in 300 out per pass, 900 claims a day on flash", 2_700, "day"),
    ],
)
def test_a_count_per_unit_times_the_units(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, period)


@pytest.mark.parametrize(
    "question",
    [
        # images per listing are input, not requests; `每次` is a request, not a unit of things
        "avg 8 photos per listing, each photo ~1,100 tokens, plus a 300 token prompt, output 200. 2.5k listings/day on 3 flash. daily cost",
        "2.5 flash：20萬 token 的手冊放快取存 24 小時，這段時間內呼叫 1000 次，每次就是那 20 萬快取再加 2 千的問題，輸出 500，總共多少",
        # turns with their own period, or in a clause that names no conversation, are no turns of each one
        "flash 2k in 300 out, 6 turns a day, 700 chats a day",
        "flash 2k in 300 out, 6 turns, 700 chats a day",
        # units of another noun than the one the count is said of; `each` said of the tokens
        "2.5 flash 每家店每天 50 则，我们 3 个老板，每则输入 800 输出 200，一个月多少",
        "flash 2k in 300 out, 90 active clients, 8k tokens each, 100 msgs a day",
        # an input said first that may hold the cached prompt: asked, never summed
        "每次输入 5000 token，system prompt 4k 缓存，输出 300，每天 1000 次 flash",
        # a unit and a counted noun that differ; a unit of two words that does not close its clause (`each shift handles`)
        "一个 task 平均 15 step，一天 1000 个 ticket，每步 in 2k out 300",
        "4 steps per support case, in 2k out 300, 1000 tickets a day",
        "每次配对要 5 分钟，每次 in 7k out 500，一天 1000 次配对",
    ],
)
def test_counts_that_do_not_multiply(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.usage is None or query.usage.requests in (1000, 2500)  # asked back, or not multiplied


@pytest.mark.parametrize(
    ("question", "per_day"),
    [
        ("房仲LINE客服 每天9點到21點 平均每小時70則 in 1.3k out 200 用2.5 flash-lite 一個月多少", 840),
        ("早上8点到晚上10点 每小时500次 输入1k 输出200 flash 一天多少钱", 7_000),
        ("晚上10点到早上6点 每小时50次 输入1k 输出200 flash 一天多少钱", 400),  # across midnight: 8 hours
        ("9点到5点 每小时50次 输入1k 输出200 flash 一天多少钱", 400),  # 5 in the afternoon
        ("support desk open 9am to 6pm, about 120 chats per hour, 2k in 300 out, flash, monthly?", 1_080),
        # a verb between the rate's unit and its amount; two words naming what is counted; a month asked after a comma
        ("包裝線每分鐘拍 5 張，一天跑 8 小時，每張 1.3k token 輸出 60，用 2.5 flash-lite，一天多少錢", 2_400),
        ("產線每分鐘拍 40 張，一天開 20 小時，每張 input 1000 output 80，2.5 flash lite，一個月多少", 48_000),
        ("in peak season we get ~700 itinerary requests an hour for about 10 hours a day. 5k in 1k out on 3.5 flash", 7_000),
        ("相机每秒拍一张 24小时不停 每张图258 token 加prompt 100 输出20 token 2.5 flash-lite 一个月多少钱", 86_400),
    ],
)
def test_opening_hours_are_the_hours_a_rate_runs(book: PriceBook, question: str, per_day: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (per_day, "day")


def test_opening_hours_of_a_cache_are_its_storage_time(book: PriceBook) -> None:
    usage = parse_query("缓存 20万 token 从早上9点到晚上9点 2.5 flash 存储多少钱", book).usage
    assert usage is not None and (usage.storage_tokens, usage.storage_hours) == (200_000, 12)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("two fifty out", "250 out"),  # the hundreds left unsaid
        ("twelve fifty", "1250"),
        ("two hundred fifty", "250"),
        ("twenty five", "25"),
        ("a dozen test calls", "12 test calls"),
        ("half a dozen", "6"),
        ("two dozen runs", "24 runs"),
        ("nine hundred tokens in and a hundred out", "900 tokens in and 100 out"),  # a scale with an article
        ("a thousand requests", "1000 requests"),
        ("half a million tokens", "500000 tokens"),
    ],
)
def test_spoken_numbers(text: str, said: str) -> None:
    assert spelled_numbers(text) == said


def test_fifteen_hundred_chats_two_fifty_out(book: PriceBook) -> None:
    question = "about fifteen hundred chats a day, each maybe two thousand tokens in and two fifty out, 3.1 flash lite — monthly cost?"
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.input_tokens, usage.output_tokens) == (1500, 2000, 250)


@pytest.mark.parametrize(
    ("question", "budget_usd"),
    [
        ("how many segments per day — budget is approx 2 lakh rupees which is ~$2,400 a month, 2.5 pro, 1.4k in 1.4k out per segment", 2400),
    ],
)
def test_a_budget_also_given_in_dollars_is_the_dollars(book: PriceBook, question: str, budget_usd: int) -> None:
    query = parse_query(question, book)
    assert query.intent == "budget" and query.budget_usd == Decimal(budget_usd)


def test_a_budget_in_rupees_alone_is_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as raised:
        parse_query("budget 50000 rupees a month, 2.5 flash 2k in 500 out, how many requests a day", book)
    assert raised.value.params["reason"] == "budget_currency"


def test_a_chinese_label_owns_the_amount_after_it_when_the_next_label_has_its_own(book: PriceBook) -> None:
    # `輸出1200 thinking另外大約4千`: 1200 is the output, 4千 the thinking, 8千 the input
    usage = parse_query("法遵每天掃描新法規公告 每天60則 每則8千token 輸出1200 thinking另外大約4千 用3 pro 一個月", book).usage
    assert usage is not None
    assert (usage.input_tokens, usage.output_tokens, usage.thinking_tokens) == (8000, 5200, 4000)


def test_a_match_is_no_comparison(book: PriceBook) -> None:
    roles = {t.text: t.role for t in read_question("赛后战报要联网查比分 每场比赛一篇 3 flash", book).tokens}
    assert "compare" not in roles.values()


@pytest.mark.parametrize(
    ("question", "per_day"),
    [
        # rates that each run for their own hours, summed into the day (the rest of the day where no hours are said)
        ("traffic is 1.2k req/h for 8 peak hours and 200 req/h the other 16 hrs. flash-lite, 1k in 200 out. daily?", 12_800),
        ("颱風天客服bot那天尖峰6小時每小時1萬5千則 其他18小時每小時2千則 每則in 2.2k out 250 flash 那一天要多少", 126_000),
        ("3.8 flash 每条输入一千输出五百 早高峰每小时六百条持续3小时 其余18小时每小时一百条 一天多少钱", 3_600),
        ("预约客服 上午9点到12点高峰 每分钟四十次 其余时间每分钟十次 每次输入一千二 输出一百 用lite 一天多少钱", 7_200 + 12_600),
        # (moved from test_rates_and_lengths, where it was asked before rates were summed: 4 + 20 hours are one day)
        ("2.5 flash 1k in 300 out, 6000 requests an hour for 4 hours, 800 an hour for 20 hours", 6_000 * 4 + 800 * 20),
    ],
)
def test_rates_for_their_own_hours_are_summed(book: PriceBook, question: str, per_day: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (per_day, "day")


def test_rates_whose_hours_pass_a_day_are_not_summed(book: PriceBook) -> None:
    query = read_or_asked("peak 1k req/h for 20 hours, off-peak 100 req/h for 10 hours, flash 1k in 200 out, daily?", book)
    assert query is None or query.usage is None or query.usage.requests != 21_000


@pytest.mark.parametrize(
    ("question", "per_month"),
    [
        ("球迷留言自动回复 工作日每天三百条 周末每天一千条 一个月按22个工作日8天周末算 lite 输入四百输出一百 一个月多少", 300 * 22 + 1000 * 8),
        ("weekdays we get ~2k chats a day, weekends ~500 a day. 22 weekdays + 8 weekend days a month. 1k in 200 out on flash. monthly?",
         2000 * 22 + 500 * 8),
        ("客服 3 flash 输入1k 输出200 假日一天6000次 平日2000次 一個月(8個假日22個平日)多少", 6000 * 8 + 2000 * 22),
    ],
)
def test_a_month_of_weekdays_and_weekend_days(book: PriceBook, question: str, per_month: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (per_month, "month")


@pytest.mark.parametrize(
    ("question", "input_tokens", "cached_tokens", "storage"),
    [
        # the cached piece named with its cache word, then said again in each prompt: one piece, stored for the hours said
        ("景點資料庫 9 萬 token 放 context cache，每則問題 input 9萬5百、其中 9萬 cached，output 300，2.5 flash 一天 2500 則，一個月多少",
         90_500, 90_000, 0),
        ("把 20 萬 token 的產品手冊放快取 10 小時，2.5 flash，這段時間每次問答 = 快取的 20 萬 + 使用者問題 500 token，輸出 500，共 1500 次，總共多少錢",
         200_500, 200_000, 200_000),
        ("For our volunteer FAQ bot the handbook is ~60k tokens and we'd cache it. each question is ~60.5k in total (60k cached), "
         "answer ~250 tokens. ~150 questions a day on flash", 60_500, 60_000, 0),
    ],
)
def test_the_cached_piece_said_again_in_the_prompt(book: PriceBook, question: str, input_tokens: int, cached_tokens: int, storage: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.cached_tokens, usage.storage_tokens) == (input_tokens, cached_tokens, storage)


@pytest.mark.parametrize(
    ("question", "input_tokens", "cached_tokens"),
    [
        # a cached piece, then what each request adds, named by what it is (or only by `each`)
        ("航班異動規定+退改票條款 2萬5 token放context cache 每則旅客訊息400 token 回300 用3.5 flash 平常一天3萬則 一個月多少", 25_400, 25_000),
        ("客服prompt里放了全店商品知识 一万二token 全部走缓存 每轮还有八百token对话 输出一百 用2.5 flash 每天四万轮 一个月", 12_800, 12_000),
        # what each request adds said first, in tokens, then the prompt that is cached
        ("作文批改 每篇作文800 token，批改标准system prompt 4k（缓存），输出1.2k，pro，每月15万篇，月费多少", 4_800, 4_000),
        ("市府陳情案件自動分類，一天大概 4500 件，每件文字平均 600 tokens + 分類說明 prompt 3000 tokens(cached)，輸出只要 50 tokens 的類別代碼，lite，一個月？",
         3_600, 3_000),
        ("essay 800 tokens, system prompt 4k cached, 300 out, 100/day on flash", 4_800, 4_000),
        # what each request adds said after the cached piece, as on top of it
        ("our system prompt w/ brand tone guide is 8k tokens and we cache it, review text is ~250 tokens on top, reply 150, "
         "3 flash, 120k replies per month", 8_250, 8_000),
    ],
)
def test_a_cached_piece_and_what_each_request_adds(book: PriceBook, question: str, input_tokens: int, cached_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.cached_tokens) == (input_tokens, cached_tokens)


@pytest.mark.parametrize(
    ("question", "audio_tokens"),
    [
        # audio said in the question and one length: each request's audio, at 32 tokens a second
        ("饮食记录 用户语音说今天吃了啥 平均15秒 lite 提示三百 输出两百 日活三万 每人每天三次 一天多少钱", 480),
        ("销售电话录音质检 平均每通五分钟 一天四百五十通 2.5 flash 提示词五百 输出三百 一天多少钱", 9_600),
        ("voice barks: we send a two second clip of the player's voice plus a prompt of 300 tokens to 2.5 flash, reply 50 tokens. 20k a day", 64),
    ],
)
def test_a_length_beside_audio_is_each_requests_audio(book: PriceBook, question: str, audio_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.audio_input_tokens == audio_tokens


@pytest.mark.parametrize(
    ("question", "audio_tokens", "input_tokens"),
    [
        # a recording named (voicemails, 录音, podcast, a phone call) or its transcribing: a length of each is its audio
        ("voicemails avg 45 sec, we transcribe+classify with 2.5 flash-lite, prompt 400, out 120, 4k voicemails/day", 1_440, 1_840),
        ("transcribe voice-over, 90 seconds per clip, 2.5 flash, output ~400 tokens, 2,000 clips per month. cost?", 2_880, 2_880),
        ("會議錄音 1 小時 丟 3 flash 做逐字稿+摘要，輸出大概 1.2 萬 token，這樣一次多少", 115_200, 115_200),
        ("播客访谈 20 分钟一段，3.5 flash 转写+总结，输出 6000，每天 150 段，一天要多少", 38_400, 38_400),
        ("平台每天新上架播客400集 平均35分钟 用flash lite出shownotes 输出800 一天多少钱", 67_200, 67_200),
        ("our support calls average 6 min, we send the recording to 2.5 flash, 500 out, 2000 calls a day, monthly?", 11_520, 11_520),
        ("客服电话录音 每通平均 5 分钟 2.5 flash 输出 300 每天 800 通 一个月多少", 9_600, 9_600),
        # minutes and seconds (`1分20秒`), and a half minute (`2分半`, `一分半`)
        ("1999 市民來電錄音轉文字+分類，每通平均 3 分 20 秒，一天 2800 通，3.1 flash-lite，輸出 200 tokens，月費多少", 200 * 32, 200 * 32),
        ("電話預約想改用語音 每通平均2分半 整段丟2.5 flash轉成預約資料 output 250 token 每天400通 一個月要多少錢", 150 * 32, 150 * 32),
        ("旅客打电话的语音 平均一分半 直接喂给模型 用flash 提示五百token 回答两百 每天三万通 一个月多少钱", 90 * 32, 90 * 32 + 500),
        # (an English label in a Chinese question names the amount after it: `1k token out 220` is 1k in, 220 out)
        ("機場櫃台語音客服 每通平均1分20秒 再加航班資料1k token out 220 3.5 flash 一天7000通", 80 * 32, 80 * 32 + 1000),
        # recordings counted with their period are the requests, not audio tokens
        ("customers send voice-note complaints, avg 40 seconds. 2.5 flash transcribes + categorizes, ~300 out, 1,500 voice notes a day. per month?",
         1_280, 1_280),
    ],
)
def test_a_length_of_a_recording_is_its_audio(book: PriceBook, question: str, audio_tokens: int, input_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.audio_input_tokens, usage.input_tokens) == (audio_tokens, input_tokens)


def test_recordings_counted_a_day_are_requests(book: PriceBook) -> None:
    query = read_or_asked("kids record about 1 min of audio, we send it plus a 500 token prompt to 2.5 flash, ~250 out. 4,000 recordings a day", book)
    assert query is not None and query.usage is not None
    assert (query.usage.requests, query.usage.period, query.usage.audio_input_tokens) == (4_000, "day", 1_920)


@pytest.mark.parametrize(
    "question",
    [
        # a call's time is no audio unless it is the call's length: the time a call takes, or calls counted over hours
        "each call takes about 5 seconds, 2k in 300 out, 1000 calls a day on flash",
        "we run 600 calls over 8 hours, 2k in 300 out on flash",
    ],
)
def test_the_time_calls_take_is_no_audio(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.usage is None or query.usage.audio_input_tokens == 0


def test_a_length_past_what_one_prompt_holds_is_asked_about(book: PriceBook) -> None:
    # 120 hours of audio is no one request's (a prompt holds at most 9.5 hours): never priced as one
    query = read_or_asked("transcribe 120 hours of lecture audio with flash-lite, out ~9k tokens. total?", book)
    assert query is None or query.usage is None or query.usage.audio_input_tokens != 120 * 3600 * 32


@pytest.mark.parametrize(
    ("question", "storage", "hours"),
    [
        # storage alone: the hours a day said of a cache with no request counted are one day's storage
        ("条款库12万token做显式缓存 每天挂10小时，光存储费要多少", 120_000, 10),
        ("那個 4 萬 token 的目錄 cache 在 2.5 flash 上，一天開 12 小時，光 storage 費要多少", 40_000, 12),
        ("how much just to keep a 14k-token prompt cached for 24 hours on 3 flash? storage only", 14_000, 24),
    ],
)
def test_storage_alone(book: PriceBook, question: str, storage: int, hours: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.storage_tokens, usage.storage_hours, usage.input_tokens, usage.period) == (storage, hours, 0, None)


@pytest.mark.parametrize(
    ("question", "storage", "hours"),
    [
        # hours said of the cache, with a cached piece read by the requests: that piece is what is kept
        ("延误客服系统提示一万五千token 走缓存 每次另外加两千 输出两百五 flash 每天十万次 缓存24小时常驻 一天总共多少钱", 15_000, 24),
        ("监管文件库四十万token放缓存 每次审查再带一份两万token合同 输出两千 2.5 pro 每天两百次 缓存每天挂十小时 一天的钱算一下", 400_000, 10),
        # `the cache` is a phrase, and still the cache the hours are said of; `alive` says nothing of the price
        ("flash 2.5: system prompt 60k tokens cached, user msg ~1k, response 700. 8k requests/day and we keep the cache alive 24h. daily cost?",
         60_000, 24),
    ],
)
def test_hours_of_the_cache_keep_the_cached_piece(book: PriceBook, question: str, storage: int, hours: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.storage_tokens, usage.storage_hours) == (storage, hours)
    assert usage.cached_tokens == storage


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a number of people or branches, then `每家` / `每人` with a count each: who makes the requests
        ("牙醫診所12家分店 LINE預約客服 每家每天大概180則訊息 每則in 1.8k out 200 用lite 一個月多少", 12 * 180),
        ("门店30个经纪人 每人每天发15条朋友圈文案 每条输入五百 输出三百 lite 一个月多少", 30 * 15),
        ("NPC director agent on 3.1 pro: 12 designers each send ~70 prompts a day, 15k in, 2k out. daily cost?", 12 * 70),
        # `each` said after the count itself, past who they are (`active`)
        ("whatsapp assistant for clients, ~90 active clients, ~8 msgs each per day, 2.5k in 250 out, flash lite. monthly pls", 90 * 8),
        # the count said of one unit (`每个群`, `一間店`), and elsewhere how many units, by the same noun or measure word
        ("家长群答疑机器人，每个群每天30个问题，我们有120个班级群，每次问答输入1500（含课程FAQ）输出200，用 flash-lite 一个月多少", 120 * 30),
        ("我們要用 2.5 flash 幫全台 180 間門市回 google 評論，一則評論加 prompt 大概 800 token、回覆 200 左右，一間店一天平均 6 則，一個月多少", 180 * 6),
        ("2.5 flash 每家店每天 50 则，一共 3 家店，每则输入 800 输出 200，一个月多少", 3 * 50),
        # a period said after the count each, then a comma and a label: the count's period, not the tokens' (opens_a_label)
        ("350 teachers x 3 lesson drafts per day, prompt ~1.5k tokens, output around 2.5k, 2.5 flash. how much per month?", 350 * 3),
        # people named by their job (vocab: the people words)
        ("code review bot: 12 developers, ~50 completions each per day, 4k in 100 out, 3.5 flash-lite", 12 * 50),
        ("30 engineers, 15 requests each a day, 2.5 pro 10k in 1k out", 30 * 15),
    ],
)
def test_people_and_a_count_each(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a Chinese count after its period, of items by their measure word or of a plain noun: one request each
        ("做题解析app 每道题输入800 输出1500 思考预算4000 flash 每天1万道", 10_000),
        ("旅行社做行程規劃 用 pro，輸入 5k、回覆 3k，每天 800 個行程，這樣一天多少", 800),
        ("家教平台的 AI 家教用 pro，每個對話回合輸入大概 6k 輸出 500，學生一天總共大概 1 萬回合，一天多少鎂？", 10_000),
        ("客服机器人 flash 每条输入1000 输出200 每天三百句", 300),
    ],
)
def test_a_count_of_things_after_its_period(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "requests", "input_tokens"),
    [
        # images named beside a request's whole input, or counted with their period: the input given holds them
        ("品檢主管問：2.5 flash 判讀瑕疵照片，每次 in 1.6k out 100，一天 1.5 萬次，一個月多少", 15_000, 1_600),
        ("缺陷识别要开思考，pro，图+prompt 输入 2000，输出 300 思考 2000，每天 5000 张", 5_000, 2_000),
    ],
)
def test_images_in_the_input_given(book: PriceBook, question: str, requests: int, input_tokens: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.input_tokens) == (requests, input_tokens)
    assert {n.code for n in query.notices} & {"images_in_input", "images_as_requests"}


@pytest.mark.parametrize(
    "question",
    [
        # images on top of the input, or beside the prompt alone: their tokens are not known, so asked
        "10k in 1k out x 200 on flash, plus images",
        "输入1万 输出1千 外加图片 3 flash",
        "每天 5000 张图，prompt 200 token，输出 100，flash",
        "describe 50 photos on flash, prompt 200, out 300",
    ],
)
def test_images_beside_the_prompt_alone_are_asked_about(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a week's or a year's total asked: a daily count over its 7 or 365 days, a count per that period as said
        ("PM here. itinerary gen: two thousand requests daily, ~4k in, 1k out, on 3.7 flash. what's the weekly cost?", 14_000),
        ("flash, 3k in 500 out, 400 a day, cost per week?", 2_800),
        ("2.5 flash 每天 1000 次 输入 2k 输出 500 一年多少钱", 365_000),
        ("剧情任务线生成，每条 in 5k out 8k（思考 3k 已经算在 out 里），策划一周要生成 200 条，用 pro，一周多少钱", 200),
        ("縣府要編明年預算，市民熱線 AI 摘要一年大概 90 萬通，每通 2.5k 輸入 350 輸出，2.5 flash-lite，全年總共多少？", 900_000),
    ],
)
def test_a_week_or_a_year_asked_is_its_total(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, None)


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # each one's weekly count times the people: the week's total, a seventh a day, else 52/12 of it a month
        ("agronomy chatbot w/ 3.1 flash-lite — 2,100 farmers x 4 questions a week, 1.2k in, 350 out. monthly estimate", 1_200, "day"),
        ("家教平台：每位學生每週交 2 篇作文，學生 3500 人，一篇 in 2.5k out 1k，3.5 flash，一個月多少", 1_000, "day"),
        ("合规培训问答 全行六千员工 每人每周问五次 每次输入一千五 输出三百 lite 一个月多少", 130_000, "month"),
    ],
)
def test_people_with_a_weekly_count_each(book: PriceBook, question: str, requests: int, period: str) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, period)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # once every so many minutes: around the clock unless the hours a day are said
        ("日志异常分析 每5分钟跑一次 每次输如 2万 token 输出 1k 用 2.5 flash 一个月多少", 288),
        ("伺服器log異常偵測每5分鐘打一次API，24小時都在跑，每次input 5萬token output 500，flash-lite，一個月多少", 288),
        ("live blog summariser refreshes every 2 min for 16 hours a day on flash, 8k in 300 out. daily cost", 480),
        ("cron job every 10 minutes, 3k in 500 out on flash, monthly?", 144),
    ],
)
def test_once_every_interval_is_the_days_count(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, "day")
    assert "every_interval" in {n.code for n in query.notices}


def test_a_budget_restated_in_dollars_keeps_its_period(book: PriceBook) -> None:
    # `每月要控制在台幣3萬以內（抓1000鎂好了）`: the month is the dollars' too, past the sum in Taiwan dollars
    query = parse_query("老闆說AI成本每月要控制在台幣3萬以內（抓1000鎂好了），3.5 flash每次in 2k out 500，一個月可以撐幾次請求？", book)
    assert (query.intent, query.budget_usd, query.budget_period) == ("budget", Decimal(1000), "month")


@pytest.mark.parametrize(
    "question",
    [
        # batch said switched off is the standard price (it was offered as a batch reading, the opposite)
        "SEO 描述 每月 15 萬筆 用 3.1 flash-lite input 600 output 250 不走 batch 月費多少",
        "SEO 描述 每月 15 萬筆 用 3.1 flash-lite input 600 output 250 不用批量 月費多少",
        "10k in 1k out x100 on flash, no batch",
    ],
)
def test_batch_switched_off_is_the_standard_price(book: PriceBook, question: str) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and not query.usage.batch


@pytest.mark.parametrize("question", ["10k in 1k out x100 on flash, double that", "10k in 1k out x100 on flash, half of them cached"])
def test_an_unread_word_of_quantity_offers_no_reading(book: PriceBook, question: str) -> None:
    # the reading without `double` or `half` would price other figures than the ones said
    with pytest.raises(Ambiguous) as asked:
        parse_query(question, book)
    assert asked.value.readings == ()


def test_an_unread_negation_offers_no_reading(book: PriceBook) -> None:
    # `batch 不要了`: the reading without the negation would price batch, the opposite of what was said
    with pytest.raises(Ambiguous) as asked:
        parse_query("input 600 output 250 flash 每天1000次 batch 不要了", book)
    assert asked.value.readings == ()


def test_a_size_said_of_one_thing_is_no_count(book: PriceBook) -> None:
    # `a 40-page broker report ≈ 35k tokens`: the pages describe the report, its tokens are given
    usage = parse_query("research desk: a 40-page broker report ≈ 35k tokens, summary 1.2k. 2.5 pro. 150 reports a day. daily cost?", book).usage
    assert usage is not None and (usage.requests, usage.input_tokens, usage.output_tokens) == (150, 35_000, 1_200)
    assert read_or_asked("summarize a 50-page pdf on flash", book) is None  # no tokens given: asked


def test_working_days_are_whole_words(book: PriceBook) -> None:
    # `22 個工作天` never splits at 天 (a day's hours): the month's working days
    usage = parse_query("客服只有上班日，每天 1,500 通對話，一個月算 22 個工作天，flash lite 2.5，in 1k out 300，月費抓多少", book).usage
    assert usage is not None and (usage.requests, usage.period) == (33_000, "month")


def test_a_weekly_count_neither_divides_is_asked_about(book: PriceBook) -> None:
    assert read_or_asked("3 flash 每周 5 次 输入 1k 输出 200", book) is None


def test_a_monthly_count_asked_for_a_year_is_asked_about(book: PriceBook) -> None:
    # the answers price days and months: a month's count is not turned into a year's without asking
    assert read_or_asked("2.5 flash 每月 3万次 输入 2k 输出 500 一年多少钱", book) is None


@pytest.mark.parametrize(
    "question",
    [
        # found by the eleventh session's fourth review: a bare rate at a peak or a cap, per someone, in thousands (tokens
        # more likely), or money
        "5k in, 1k out, ~20 per hour at peak round the clock",
        "5k in, 1k out, ~60 per hour max round the clock",
        "5k in, 1k out, 20 per hour per user round the clock",
        "5k in, 1k out, ~20 per hour each, round the clock",
        "5k in, 1k out, ~20k per hour round the clock",
        "we make about 60 an hour off this bot 24/7, 1k in 200 out flash",
        "~150 clip-title requests an hour at peak, round the clock, 1.2k in 60 out, flash lite",
        # a rate a minute with no hours a day is no month's count (`500 requests per minute … monthly?` had been 500 a
        # month, wrong at the start too)
        "500 requests per minute, 1k in 200 out, 2.5 flash, monthly?",
        "We see 500 requests per minute at peak, 1k in 200 out, 2.5 flash, monthly?",
    ],
)
def test_a_bare_rate_that_may_be_no_days_average_is_asked(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "requests", "input_tokens", "output_tokens"),
    [
        # a count noun before its amount; people before theirs; two plain words before a plural count; a content's
        # English name between an output label and its amount
        ("内容审核：每章输入5k，输出就一个json大概100 token，每天新增章节3.5万，用 2.5 flash-lite 一天多少钱", 35_000, 5_000, 100),
        ("答疑机器人，活跃学生3000个，平均每人每天问4个问题，每次带教材片段大概4k token，回答500，用 3 flash 一个月多少钱", 12_000, 4_000, 500),
        ("whats the cost if we do 1.5k ad copy generations a day w/ 3.5 flash, 900 tokens prompt, 400 tokens output. per month?", 1_500, 900, 400),
        ("想請問一下，我們補習班要用 2.5 flash 批改作文，一篇作文加題目大概 1500 token，批改回饋約 800 token，一天大概 300 篇", 300, 1_500, 800),
        ("Our dispatch chatbot uses 2.5 pro with thinking, it's ~2k tokens in, answer 200 tokens but thinking averages 2,500. "
         "we get 1,500 dispatch questions a day. monthly?", 1_500, 2_000, 2_700),
        ("drivers send messages to our bot, we get ~120 an hour around the clock. 700 in, 90 out. flash lite. daily?", 2_880, 700, 90),
        # a bare rate in a clause of its own after the usage, or after a verb and a hedge, counted in times (eleventh session)
        ("3.6 flash: 5k in, 1k out, ~20 per hour round the clock", 480, 5_000, 1_000),
        ("the inventory sync bot hits flash-lite like 200x an hour 24/7, 1.5k in, 100 out. per day cost?", 4_800, 1_500, 100),
        ("we push ~150 clip-title requests an hour, round the clock, 1.2k in 60 out, on flash lite. month cost?", 3_600, 1_200, 60),
        ("银行流水对账 每份流水2万token 输出1500 2.5 pro 每天100份", 100, 20_000, 1_500),
        ("售后客服文字版，200个车主每天各问10次，每次输入3k 输出400，3 flash 大概多少钱", 2_000, 3_000, 400),
        # the output label reaches its amount over filler and the content's name; the amount before it is the input
        ("玩家回報分類 用 flash-lite，每則回報 300 token 輸出就一個分類標籤大概 20 token，一天 5 萬則", 50_000, 300, 20),
        ("每天半夜要把當天 3,000 張處方做用藥評估，走 batch，2.5 flash，每張處方 input 2.2k output 700，一個月多少", 3_000, 2_200, 700),
        # how the work goes (来回, 上新, 切成) changes no price; 正文 is the output's body
        ("做电商客服，大促一天差不多3万个咨询，平均一个咨询来回3轮，每轮输入2500输出200，用flash，一天多少钱", 90_000, 2_500, 200),
        ("直播间商品讲解脚本生成，每个商品输入 2500 输出 1800，3.6 flash，每天上新 400 个商品 一个月多少", 400, 2_500, 1_800),
        ("waybill photo is ~1,290 tokens per image + 400 token extraction prompt, JSON out ~350 tokens. 2.5 flash-lite, 60k waybills a day",
         60_000, 1_690, 350),
    ],
)
def test_counts_and_labels_in_other_orders(book: PriceBook, question: str, requests: int, input_tokens: int, output_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period, usage.input_tokens, usage.output_tokens) == (requests, "day", input_tokens, output_tokens)


@pytest.mark.parametrize(
    ("question", "requests", "period", "model"),
    [
        # one day of something asked; each of the people counted; `live` as an adjective names no model
        ("what would 1 day of traffic cost — 35k requests, avg prompt 1.1k tok, avg response 380 tok, gemini 2.5 flash lite", 35_000, "day",
         "gemini-2.5-flash-lite"),
        ("each of our 12 designers fires off ~70 prompts a day at 3.7 flash, 9k in, 1.2k out. what's the monthly?", 840, "day", "gemini-3.7-flash"),
        ("live blog helper on 3.1 pro with search grounding on every call, 5k in 800 out, ~200 updates a day. monthly cost?", 200, "day",
         "gemini-3.1-pro-preview"),
    ],
)
def test_everyday_english_around_the_count(book: PriceBook, question: str, requests: int, period: str, model: str) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)
    assert [m.id for m in query.models] == [model]


def test_things_counted_before_the_usage_of_each(book: PriceBook) -> None:
    usage = parse_query("one off job: summarise 40,000 old support tickets with 3.1 flash-lite, 1,500 in / 200 out. total?", book).usage
    assert usage is not None and (usage.requests, usage.period, usage.input_tokens) == (40_000, None, 1_500)


def test_things_that_are_not_people_are_not_multiplied_by_each_person(book: PriceBook) -> None:
    # 30 documents are no people: `每人` there is someone else's count
    query = read_or_asked("30个文件 每人每天问5次 输入2k 输出500 flash 一天多少钱", book)
    assert query is None or query.usage is None or query.usage.requests != 150


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # found by reading the change once more: each was priced wrong before its fix; now read right or asked
        ("输入2000 输出500 下午1点到5点 每小时100条 flash", lambda u: u.requests == 400),
        ("早上6点到晚上12点 每小时100条 输入2000 输出500 flash", lambda u: u.requests == 1800),
        ("2k in 500 out, open 12am to 8am, 100 requests an hour, flash", lambda u: u.requests == 800),
        ("语音客服 每天9点到21点 每天3000通 每通输入2000 输出500", lambda u: u.audio_input_tokens == 0),
        ("voice assistant, runs 8 hours a day, 5000 requests a day, 2k in 500 out", lambda u: u.audio_input_tokens == 0),
        ("we transcribe 8 hours of call audio a day, about 1000 calls, 500 tokens out each", lambda u: u.audio_input_tokens < 921_600),
        ("输入2000 输出500 工作日每天300条 周末每天1000条，5个工作日2天周末 flash", lambda u: u.requests != 3500),
        ("平时每小时2千则，尖峰6小时每小时1万5千则，平时18小时，输入2000 输出500 flash 一天多少", lambda u: u.requests == 126_000),
        ("每天营业12小时，高峰2小时每分钟500条，其余时间每分钟50条 输入1k 输出100 flash 一天多少", lambda u: u.requests == 90_000),
        ("10k in 1k out, 6 months, how much", lambda u: u.requests != 6),
        ("系统提示 4000 token 缓存，每次请求 4500 token，输出 300, flash", lambda u: u.input_tokens == 4500),
        ("每月预算3万台币，其中100美元给服务器，flash 输入2k 输出500 能跑多少次", lambda u: False),  # never a $100 budget
        ("每天 500 个 ticket，每个 agent 每天处理 50 个 ticket，输入2000 输出500 flash", lambda u: u.requests == 500),
        ("2k tokens out, context window 1M tokens, flash", lambda u: u.input_tokens != 1_000_000),
        ("缓存 200k token，保留 24 小时，每小时 100 次，每次输入 20万5千，输出 300 2.5 flash", lambda u: u.storage_tokens == 200_000),
    ],
)
def test_read_right_or_asked(book: PriceBook, question: str, check: object) -> None:
    query = read_or_asked(question, book)
    if query is None or query.usage is None:
        return  # asked back: no wrong price
    assert check(query.usage), (question, query.usage)  # type: ignore[operator]


@pytest.mark.parametrize(
    "question",
    ["avg 每小时 300", "输入2000 输出500 尖峰6小时每小时15000 其他时间每小时2000", "输入2000 输出500 全天24小时 每小时3000"],
)
def test_a_rate_last_in_the_question_is_no_crash(book: PriceBook, question: str) -> None:
    read_or_asked(question, book)  # a PricingError is an answer; anything else fails here


def test_hyphenated_tens_belong_to_their_noun() -> None:
    assert spelled_numbers("two thirty-second clips") == "2 30-second clips"


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # the confident wrong answers of the round-5 held-out sets and of their tuning sets, read once scored
        ("npc对话2.5 flash 每次输入一千八 输出一百 thinking关掉 每天二十万次 一个玥", lambda q: q.asked_period == "month"),
        ("合作社直播带货 每场开播前生成话术 每天十五场 用pro 输入两千 输出三千 三十天下来多少",
         lambda q: (q.usage.requests, q.usage.period, q.asked_period) == (15, "day", "month")),
        ("業務查車款比較 每次都要上網找最新規格 用2.5 flash search grounding in 400 out 700 一天250次", lambda q: q.intent == "estimate"),
        ("pro的缓存读取多少钱一百万 存储一小时又是多少", lambda q: q.intent == "rates"),
        ("concept art thumbs with 2.5 flash image — 300 images, prompt ~150 tokens each. how much",
         lambda q: (q.usage.requests, q.usage.output_images, q.usage.input_tokens) == (300, 1, 150)),
        ("2.5 flash 跟 3.5 flash 排行程哪個比較便宜？每次 5k 進 1k 出，一天 600 次", lambda q: q.intent == "compare"),
    ],
)
def test_the_round_five_mistakes(book: PriceBook, question: str, check: object) -> None:
    assert check(parse_query(question, book))  # type: ignore[operator]


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # found by a second review of the day's change: each was priced wrong before its fix
        ("2.5 flash 早上9点到5点 每小时100次 每次输入1000 输出300 一个月多少", lambda u: u.requests == 800),
        ("2.5 flash 晚上8点到2点 每小时300次 输入500 输出100 一个月多少", lambda u: u.requests == 1800),
        ("2.5 flash 早上7点到11点 晚上6点到10点 每小时100次 输入500输出200 一个月", lambda u: u.requests == 800),
        ("2.5 flash 每个月高峰10小时每小时1000次，其他时间每小时50次，输入500输出200，一个月多少", lambda u: u.period != "day"),
        ("延误客服系统提示一万五千token 走缓存 每次输入一万七 输出两百五 flash 每天十万次 缓存24小时常驻 一天总共多少钱",
         lambda u: u.input_tokens == 17_000),
        ("2.5 flash 我们有8个并发 每次输入1000 输出200", lambda u: u.requests != 8),
        ("2.5 flash voice notes, shift is 8 hours, 400 notes a day, 100 output tokens", lambda u: u.audio_input_tokens < 921_600),
        ("2.5 flash 每次8千token 输出1200 思考4千 每天100次",
         lambda u: (u.input_tokens, u.output_tokens, u.thinking_tokens) == (8000, 5200, 4000)),
        ("gemini 2.5 flash image 每个prompt 200 token 生成4张图", lambda u: (u.requests, u.output_images) == (1, 4)),
        ("5万输入 3千输出 100次/天 2.5 flash", lambda u: (u.input_tokens, u.output_tokens, u.requests) == (50_000, 3000, 100)),
    ],
)
def test_read_right_or_asked_second_review(book: PriceBook, question: str, check: object) -> None:
    query = read_or_asked(question, book)
    if query is None or query.usage is None:
        return  # asked back: no wrong price
    assert check(query.usage), (question, query.usage)  # type: ignore[operator]


def test_two_models_compared_on_a_quality_are_compared(book: PriceBook) -> None:
    assert parse_query("2.5 flash 和 2.5 pro 效果比较 每天1000次 输入500 输出200", book).intent == "compare"


@pytest.mark.parametrize(
    ("question", "check"),
    [
        # found by a third review of the day's change: each was priced wrong before its fix
        ("高峰3小时每小时500单 其余时间每小时100单 每天营业12小时 输入1k 输出200 flash 一天多少", lambda u: u.requests == 2400),
        ("每天10点到22点营业，高峰3小时每小时500单，其余时间每小时100单 输入1k 输出200 flash", lambda u: u.requests == 2400),
        ("系统提示一万五千token 走缓存 每次用户输入两千 输出500 每月6万次 缓存24小时常驻 flash 一个月多少",
         lambda u: u.storage_hours in (0, 720)),
        ("每天1万单 每单平均3件商品 每单调用一次 输入2k输出300 flash", lambda u: u.requests == 10_000),
        ("每天4万场比赛 每场10个玩家 每场赛后生成一次战报 输入2k 输出500 flash", lambda u: u.requests == 40_000),
        ("一次500个SKU 每次输入3万token 输出5000 flash 多少钱", lambda u: u.requests == 1),
        # found by the eighth session's review of its rules: each was priced wrong before its fix
        # turns kept as context, capped, or one call for the whole conversation are no calls each
        ("we keep the last 6 turns of the conversation as context, 700 chats a day, each request ~8k tokens in and 400 out on 2.5 flash",
         lambda u: u.requests == 700),
        ("700 chats a day, avg conversation is 6 turns, but we only call gemini once at the end of each chat to summarize it: 10k in, "
         "500 out, 2.5 flash", lambda u: u.requests == 700),
        ("我们把整段对话（平均 6 轮）一次性丢给模型做质检，每天 3000 段对话，输入 5k 输出 400，flash", lambda u: u.requests == 3000),
        ("每次会话保留最近4轮作为上下文，每天1w次会话，每次调用输入6k 输出300 flash", lambda u: u.requests == 10_000),
        # a noun that goes on past the unit's name counts something else; offices are no shops
        ("每个门店每天 30 单，我们有 120 个门店员工，每单输入 1k 输出 300，flash", lambda u: False),
        ("8 間辦公室，一間店一天平均 30 則，每則輸入 1k 輸出 300，flash", lambda u: False),
        # a number after 總是 / 噴 / getting that counts something is no HTTP error
        ("客服每天總是 450 則左右，每則輸入 1500 token 輸出 300，2.5 flash 一個月多少", lambda u: u.requests == 450),
        ("每天噴 502 則推播文案，每則輸入 800 token 輸出 200，flash", lambda u: u.requests == 502),
        ("getting 503 users onboarded per day, each generates 4 requests of 2k in 300 out, flash", lambda u: u.requests == 2012),
        # the body sent after 输入 is input (`正文` alone may name the output)
        ("每篇生成一个 50 字 ~ 100 token 的标题，输入正文 3000 token，每天 2000 篇，flash", lambda u: (u.input_tokens, u.output_tokens) == (3000, 100)),
        # the rest is what is cached, not the part said after 其中
        ("每次輸入 8k token，其中2k是新問題其他都是已經做cache的政策說明，輸出 500，每天 1 萬次，2.5 flash", lambda u: u.cached_tokens == 6000),
        # four weeks that are no month, and a month of four weeks with no weekly count
        ("一周出200份，4周后每月量翻倍，每份输入1k输出300，flash，现在一个月多少", lambda u: False),
        ("每天 300 次，按 4 周一个月算，输入1k输出300，flash，一个月多少", lambda u: False),
        # found by the eighth session's second review: each was priced wrong before its fix
        # the budget said again only as the clause's last figure after `full`; a count or an answer of that size is no budget
        ("thinking budget 1000, whole batch is 1000 requests, 2k in 500 out, gemini 2.5 flash", lambda u: u.requests == 1000),
        ("thinking budget 8k, full answer 8k, 2k in, 1000/day, 2.5 flash", lambda u: u.output_tokens == 16_000),
        # what is used in fact is the thinking only when no output word is said of it; a share of the budget is no count
        ("thinking budget 8k，实际平均用掉 3000 输出 token，一天 1000 次，输入 2k，2.5 flash", lambda u: u.output_tokens == 11_000),
        ("thinking budget 24k，實際用 1500 token 回答，輸入 2k，每天 1000 次，2.5 flash", lambda u: u.output_tokens == 25_500),
        ("thinking 預算設 4千，實際用掉 4 成，輸入 2k 輸出 500，每天 100 次，2.5 flash", lambda u: u.thinking_tokens == 1600),
        ("thinking budget 8k，一般用不满，输入 2k 输出 500，每天 100 次，2.5 flash", lambda u: False),  # not in full: asked
        ("开 thinking，预算 500，一天 1000 次，输入 2k 输出 1k，gemini 2.5 flash，够吗", lambda u: u.thinking_tokens != 500),
        # a cache word denied caches nothing; an output said of the first amount is no new piece
        ("每件文字 600 tokens + 分類說明 prompt 3000 tokens（沒有 cached），每天 2 萬件，輸出 50 tokens", lambda u: u.cached_tokens == 0),
        ("每篇作文 800 token 的评语输出，system prompt 4k（缓存），一天3000篇，作文 1k", lambda u: u.output_tokens == 800),
        # videos counted and sized in tokens are sent: never priced as text
        ("gemini embedding 2, 200 videos/day, 20k tokens per video, monthly cost", lambda u: u.video_input_tokens == 20_000),
        ("用 gemini-embedding-2 给 4500条视频 做向量，每条大约 2 万 token", lambda u: u.video_input_tokens == 20_000),
        # more than one thing for each person
        ("20位業務各產一份中文一份英文報告，每份輸入 3k 輸出 1k，2.5 flash", lambda u: u.requests == 40),
        ("2000 个样本，每个样本调用一次 judge 和一次 generator，输入2k 输出500 flash", lambda u: u.requests == 4000),
        ("每个样本调用一次，一次 3 个模型投票，共 2000 个样本，输入2k 输出500 flash", lambda u: u.requests == 6000),
        # a month's sum said without restating the year's is another sum
        ("annual budget is $6,000 and $500/month goes to hosting, 2.5 flash 2k in 500 out, how many calls a day can we afford",
         lambda u: False),
        # found by the ninth session's review, each priced wrong by that session's rules before their fix
        # a numeral after a name with a measure word after it counts (`模式三轮`: three turns)
        ("对话模式三轮，每天 2000 个会话，2.5 flash，每轮输入 1k 输出 200，一个月多少钱", lambda u: u.requests == 6000),
        ("每套餐两次调用，每天 3000 单，2.5 flash 输入 500 输出 100，每月多少", lambda u: u.requests == 6000),
        ("选项三个，每个单独调用，每天 200 题，2.5 flash 输入 500 输出 100，每天多少", lambda u: u.requests == 600),
        ("每个版本两次请求，每天 500 篇，2.5 flash 输入 1k 输出 200，每天多少", lambda u: u.requests >= 1000),
        ("每十分钟调用一次，输入1k输出200，2.5 flash，一个月多少钱", lambda u: u.requests == 144),  # 十分 in 十分钟 is ten
        # a day the cache may be kept all of is no day of the count
        ("cache 100k tokens with a 1 hour TTL but we refresh it all day, 3k calls/day, 2.5 flash 200 in 100 out, daily cost incl storage?",
         lambda u: u.storage_hours != 1),
        ("cache 50k for 2 hours every morning and keep it the rest of the day too, 2k calls/day, 2.5 flash 300 in 100 out",
         lambda u: u.storage_hours != 2),
        # days of a deadline are no days of requests; a count per working day with no working days a month is not 30 of them
        ("SLA is 2 business days; 5k docs per day, 2.5 flash, 2k in 300 out. monthly?", lambda u: (u.requests, u.period) == (5000, "day")),
        ("turnaround 5 working days, 8k claims a day, 2.5 flash, 3k in 400 out, monthly?", lambda u: (u.requests, u.period) == (8000, "day")),
        ("3个上班日内完成就行，每天 2万 条，2.5 flash batch，输入 2k 输出 300，每月多少", lambda u: (u.requests, u.period) == (20_000, "day")),
        ("3000 calls per working day, 2.5 flash, 1k in 200 out. monthly?", lambda u: False),
        ("每个工作日 3000 次 输入1k 输出200 2.5 flash 每月多少", lambda u: False),
        # versions of a count of calls already, or kept apart with no call each, multiply nothing
        ("3 variants per story (separate calls), 42k calls a day total, 700 in 60 out, 2.0 flash lite. daily?", lambda u: u.requests == 42_000),
        ("每个商品 4 个版本，各一次请求，一共每天 8000 次请求，2.5 flash 输入500 输出100，每天多少", lambda u: u.requests == 8000),
        ("3 variants per story = 3 calls, 14k stories/day, each story 3 calls, 700 in 60 out, flash lite. daily?", lambda u: u.requests == 42_000),
        ("we keep 2 versions of the prompt in separate repos, 8k calls/day, 2.5 flash 1k in 200 out. monthly?", lambda u: u.requests == 8000),
        ("2 個版本各自部署，每天 1萬 次請求，2.5 flash 輸入 1k 輸出 300，每月多少", lambda u: u.requests == 10_000),
        # wrong at the start too: versions made in one call are no calls; a count per workday is no month's count
        ("每篇生成 3 个版本，各自 300 token 输出，一次调用搞定，每天 2000 篇，2.5 flash 输入1k", lambda u: u.requests == 2000 and u.output_tokens == 900),
        ("~1.2k tickets per workday, 2.5 flash, 1k in 200 out, monthly", lambda u: False),
        # found by the ninth session's second review
        # a time of day before a count, or 一点 as `a little`, is no decimal point
        ("每天早上八点三万条推送，每条 in 500 out 200，flash 一个月多少", lambda u: u.requests == 30_000),
        ("每天晚上十点一万条日志分析，每条 in 2k out 100，flash 每月", lambda u: u.requests == 10_000),
        ("每天下午兩點五千封信，每封 in 500 out 200，flash", lambda u: u.requests == 5_000),
        ("差一点五万次，每次 in 500 out 200，flash", lambda u: u.requests != 15_000),
        # the minutes of a range's times are no count
        ("每天 9点30 到 11点30 每分钟 20 次请求，in 1k out 200，flash 一天多少", lambda u: u.requests == 2_400),
        # tokens said of each request, month or thing, not of each person
        ("三万会员，每人每次输入一千 输出五百 flash", lambda u: False),
        ("300 位客户，每位每次 in 2k out 600，一个月多少", lambda u: False),
        ("1,200 employees ask questions in Slack, 1.5k tokens in each, 300 out, flash monthly", lambda u: False),
        ("38,000 students, 2k tokens in each chat turn, 400 out, flash monthly", lambda u: False),
        ("50 位律师，每人每月输入 30 万 token，输出 2 万，2.5 pro 每月多少", lambda u: u.input_tokens != 300_000),
        # days something is kept are no span of requests; tokens read from a cache are no storage
        ("200k tokens retained 7 days, 500 queries, 300 out, 2.5 pro", lambda u: u.storage_tokens == 200_000),
        ("保存 7 天的 20 萬 token 上下文，500 次查詢，out 300，2.5 pro", lambda u: u.storage_tokens == 200_000),
        ("2.5 pro 缓存 6 小时读了 120 万 token", lambda u: u.storage_tokens == 0),
        ("our cache served 900k tokens over 3 hours, 2.5 flash", lambda u: u.storage_tokens == 0),
        ("120k tokens in the implicit cache for 2 hours, 2.5 flash", lambda u: u.storage_tokens == 0),  # no storage fee
        ("a 90 minute podcast is ~150k tokens, cache it 4 hours on 2.5 flash", lambda u: u.audio_input_tokens in (0, 150_000)),
        ("每个工作日 3000次 in 1k out 200 2.5 flash 一天多少", lambda u: (u.requests, u.period) == (3000, "day")),  # a day asked: no month
        # found by the ninth session's third review
        # a hotline's number before a measure word or people counts them
        ("1999 名学生 每人每天 5 次 in 1k out 300 2.5 flash 月费", lambda u: u.requests == 9_995),
        ("12345 条工单，每条 in 800 out 100，2.5 flash-lite，总共多少钱", lambda u: u.requests == 12_345),
        # a size after images and their text may be the text's alone
        ("2.5 flash, each call is 1 photo + prompt, prompt is ~1,300 tokens in, 250 out, 500/day", lambda u: False),
        ("each request = 1 photo + prompt 200 tokens, output 100, 10k/day, 2.5 flash", lambda u: False),
        ("图片+说明 2000 token，不算图片，输出300，2.5 flash，每天100次", lambda u: False),
        # input pieces beside scenarios or a sum said again; a cached piece beside them
        ("option A: input 2k + prompt 500; option B: input 3k; out 300, 2.5 flash, 1k/day", lambda u: False),
        ("input 2k + prompt 500 = input 2.5k, out 300, 2.5 flash", lambda u: u.input_tokens == 2_500),
        ("每件文字 600 tokens + 分類說明 prompt 3000 tokens（有 cached），每天 2 萬件，輸出 50 tokens，2.5 flash", lambda u: u.cached_tokens == 3_000),
        # a denial in the next clause is of another cache word
        ("input 10k of which 8k cached, rest not cached, out 500, 2.5 flash", lambda u: u.cached_tokens == 8_000),
        # a budget's currency before its amount; a book is no model; a prefixed slip is still a slip
        ("預算（人民幣）5000 每月，2.5 flash 每次輸入 2k 輸出 500，每天能調用幾次", lambda u: True),
        ("用 2.5 flash 总结《文心雕龙》，输入5万 输出2千", lambda u: u.input_tokens == 50_000),
        ("reguests: 5k/day, 1k in 200 out, 2.5 flash", lambda u: u.requests == 5_000),
        # found by the ninth session's fourth review
        # media, search and recording words qualifying a noun are no mere names of the thing
        ("we caption photographed products: 1,000 per day, 100 tokens out, 2.5 flash", lambda u: u.input_tokens > 0),
        ("recorded calls: 3,000 per day, 4k in, 300 out, 2.5 flash", lambda u: u.audio_input_tokens > 0),
        ("searching news sites for each answer, 3k questions a day, 1k in, 400 out on flash", lambda u: u.grounded),
        # a run again only if something fails, or on another day, is no second run a day
        ("每天凌晨跑一次，如果有问题再一次，输入1万 输出1千 2.5 flash 一个月多少", lambda u: u.requests == 1),
        ("每天早上跑一次、中午再一次、晚上再一次，输入1万 输出1千 2.5 flash", lambda u: u.requests == 3),
        # a share or images after spend/afford are no money
        ("we spend 30% of output on thinking, 1k in 2k out, 5k requests a day, 2.5 flash", lambda u: True),
        ("afford 20 images a day? 1290 tokens each on 2.5 flash image", lambda u: u.requests == 20),
    ],
)
def test_read_right_or_asked_found_by_reviews(book: PriceBook, question: str, check: object) -> None:
    query = read_or_asked(question, book)
    if query is None or query.usage is None:
        return  # asked back: no wrong price
    assert check(query.usage), (question, query.usage)  # type: ignore[operator]
    if question.startswith("we spend 30%"):
        assert query.budget_usd is None  # (a share of the output is no budget)


def test_opening_hours_beside_a_daily_count_change_nothing(book: PriceBook) -> None:
    usage = parse_query("每天9点到21点 每天3000条 每条输入800输出200 flash 一个月多少", book).usage
    assert usage is not None and (usage.requests, usage.period, usage.storage_tokens) == (3000, "day", 0)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("support bot: 5k conversations/day, ~6 turns each, each turn sends ~3k tokens (history) and gets ~200 back. flash. monthly?", 30_000),
        ("300 users, 20 requests each, 10k in 1k out per day", 6_000),
    ],
)
def test_a_count_each_closing_its_clause_is_said_of_the_things_just_counted(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


@pytest.mark.parametrize(
    ("question", "per_day"),
    [
        # the day's hours, then the month asked: `24h a day. monthly` are no hours a month
        ("webhook enrichment on lite: 2k in 150 out, ~300 req/hr 24h a day. monthly pls", 7_200),
        # a rate opened by 一分钟 / 一小时 as by 每分钟 / 每小时
        ("一分鐘大概 20 次 request，24h 不停，3 flash in 600 out 150，一天多少", 28_800),
    ],
)
def test_a_rate_with_its_hours_a_day(book: PriceBook, question: str, per_day: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (per_day, "day")


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("理專晨報摘要，每天早上跑一次而已，輸入十二萬 token（各家研報），輸出四千，用 pro，一個月多少錢", "day"),
        ("2.5 flash 输入1万 输出1千 每天跑一次 一个月多少", "day"),
        ("2.5 flash 10k in 1k out once a day, monthly", "day"),
        ("2.5 flash 10k in 1k out once per month", "month"),
    ],
)
def test_once_a_period_is_one_request_that_period(book: PriceBook, question: str, period: str) -> None:
    query = parse_query(question, book)
    assert query.intent == "estimate"  # (`各家研报` is each firm's reports, no comparison of providers)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (1, period)


def test_once_beside_a_count_is_how_often_that_many_run(book: PriceBook) -> None:
    usage = parse_query("周报总结：每天凌晨跑一次batch，2000个请求，每个输入1万 输出800，用 gemini-2.5-pro，一个月大概多少", book).usage
    assert usage is not None and (usage.requests, usage.period, usage.batch) == (2000, "day", True)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("HR SaaS 客戶端一天平均 1,800 份履歷，每份要跑 3 個步驟（解析、比對 JD、寫摘要），每步輸入約 3.5k 輸出 500，用 flash，平均一天多少錢？", 5400),
        ("bot 用 batch 每晚一次處理當天的 issue，平均一晚 45 個，每個 in 2k out 200，2.5 flash，一個月？", 45),  # once a night, 45 of them
        ("1999 那邊還想加 Google 搜尋 grounding 查最新的市政公告，每次輸入 2k 輸出 400，3 flash，每天 800 次都會搜尋，一個月大概多少？", 800),
        ("市民陳情信件分類，每封信 1.5k tokens，輸出分類 JSON 100 tokens，一個月大約 4 萬 5 千封，用 2.5 flash-lite 跑 batch，每個月多少？", 45_000),
    ],
)
def test_taiwan_workloads_of_steps_nights_hotlines_and_letters(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.requests == requests


def test_a_rate_its_hours_a_day_and_the_working_days_of_a_month(book: PriceBook) -> None:
    # `8 hours a day`'s day was left as a second daily period, and the 22 days read as a cache's duration
    usage = parse_query("ops says the summarizer runs 300 times an hour, 8 hours a day, weekdays only (~22 days/mo). 2.5 flash-lite, "
                        "2.5k in / 200 out. monthly cost?", book).usage
    assert usage is not None and (usage.requests, usage.period) == (52_800, "month")


@pytest.mark.parametrize("question", ["我們一個禮拜大概處理 3500 件理賠申請，每件輸入 6k 輸出 400，用 3.7 flash，一個月大概多少",
                                      "每个星期 3500 次 输入6千 输出400 3.7 flash 一个月多少"])
def test_a_week_said_as_libai_or_xingqi(book: PriceBook, question: str) -> None:
    # `一個禮拜` was no week word: 3,500 was read as a month's count
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (500, "day")


@pytest.mark.parametrize(
    ("question", "output", "thinking"),
    [
        # the thinking said as a part of the output given before it, through `of that` (round 10's confident wrong answer)
        ("spec review on 2.5 pro: 80k in, 4k out incl thinking (thinking is ~2.5k of that), 20 runs a month", 4_000, 2_500),
        ("2.5 flash, 3k in, 2k out including thinking, thinking is about 1.2k of it, 500 a day", 2_000, 1_200),
    ],
)
def test_thinking_said_as_a_part_of_the_output_given_before_it(book: PriceBook, question: str, output: int, thinking: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.output_tokens, usage.thinking_tokens) == (output, thinking)


@pytest.mark.parametrize(
    ("question", "requests", "period", "asked"),
    [
        # `a month of` a count with its own period: the month is asked, the day stays the count's (round 10)
        ("on 3 flash what's a month of 12k stories/day at 400 in / 900 out", 12_000, "day", "month"),
        ("so what is a month of 9k tickets per day, 800 in 150 out, 2.5 flash", 9_000, "day", "month"),
    ],
)
def test_a_period_of_a_count_with_its_own_period_is_the_period_asked(
    book: PriceBook, question: str, requests: int, period: str, asked: str
) -> None:
    query = parse_query(question, book)
    assert query.usage is not None
    assert (query.usage.requests, query.usage.period, query.asked_period) == (requests, period, asked)


@pytest.mark.parametrize(
    ("question", "audio", "requests"),
    [
        # a length said of one recording, `的` and a measure word between it and the audio word
        ("30 分钟的一段音频转文字用 2.5 flash lite 大概多少钱，输出按 8k token 算", 57_600, 1),
        ("45分钟的一段音频 2.5 flash 转写 输出1万 每天20段 一个月多少", 86_400, 20),
    ],
)
def test_a_length_of_one_recording_is_its_audio(book: PriceBook, question: str, audio: int, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.audio_input_tokens, usage.input_tokens, usage.requests) == (audio, audio, requests)


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # a count of languages with one call per language: each item's calls
        ("translate product copy into 7 languages. 9k SKUs, one call per language, 500 in / 650 out. batch, flash. total cost?", 63_000, None),
        ("我们做跨境电商的，要把商品标题翻成5种语言，3万个商品，每种语言单独调一次，输入200输出80，2.5 flash-lite，总共多少钱", 150_000, None),
        ("shopee多站点 每个listing要翻成6种语言 每种语言单独一次请求 输入1500输出1000 每天上新300个产品 lite 一个月多少", 1_800, "day"),
        # one language a call, said with its count; `in 3 languages` is where, not the input
        ("活动文案每天300条，每条要翻12种语言，一次请求只出一种语言，in 400 out 450，2.5 flash，一个月多少", 3_600, "day"),
        ("need listings for 4,500 SKUs in 3 languages, one call per language per SKU, ~800 tokens in, ~600 out each. 2.5 flash. total cost?",
         13_500, None),
    ],
)
def test_languages_with_one_call_each_multiply_the_items(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)
    assert any(n.code == "languages" for n in query.notices)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # every language written in one call: the languages are no factor
        ("多语言产品描述，一个产品要出英西法德俄5个语种，一次请求全出，输入1k输出3k，一共2000个SKU，2.5 flash", 2000),
        ("外國客人要用英日韓回覆，每則 input 600 output 400（三種語言一起產），一個月 300 則，flash 一個月要花多少", 300),
    ],
)
def test_languages_written_in_one_call(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.requests == requests


def test_languages_with_no_call_per_language_are_still_asked_about(book: PriceBook) -> None:
    # one call may write all five: how many calls is for the asker to say
    assert read_or_asked("translate into 5 languages, 2k in 2k out, 100 docs", book) is None


def test_the_answer_says_the_languages_multiply(answerer: Answerer) -> None:
    reply = answerer.answer("translate product copy into 7 languages. 9k SKUs, one call per language, 500 in / 650 out, flash", "zh_CN")
    assert "每种语言各调用一次：9,000 × 7 种语言，按 6.3万 次请求计算。" in reply.plain


@pytest.mark.parametrize(
    ("question", "lang", "line"),
    [
        ("2.5 flash 100 users x 20 messages a day, 2k in 500 out each", "en", "Request count worked out as 100 × 20 = 2,000."),
        ("2.5 flash 每天1万次会话，每次会话平均4轮，每轮输入2千输出3百，一个月多少钱", "zh_CN", "请求次数按 1万 × 4 = 4万 次计算。"),
        ("2.5 flash 180 間門市，一間店一天平均 6 則，每則輸入 800 輸出 200", "zh_TW", "請求次數以 180 × 6 = 1,080 次計算。"),
        ("2.5 flash, 30 PRs/day x 400 cases, 2k in 300 out each", "en", "Request count worked out as 30 × 400 = 12,000."),
        ("2.5 flash 每天2000則訊息，每50則打包一次，每次輸入1萬輸出2千", "zh_TW", "共 2,000 筆，每 50 筆打包成一次請求：以 40 次請求計算。"),
    ],
)
def test_the_answer_says_how_a_request_count_was_worked_out(answerer: Answerer, question: str, lang: str, line: str) -> None:
    # the request line shows only the product: the note says which of the question's figures made it
    assert line in answerer.answer(question, lang).plain


def test_a_request_count_said_as_such_gets_no_working(answerer: Answerer) -> None:
    plain = answerer.answer("2.5 flash 每天2000次，每次输入2千输出500", "zh_CN").plain
    assert "请求次数：每天 2,000 次" in plain and "请求次数按" not in plain
    # one each multiplies nothing worth a note (not `1,200 × 1`)
    assert "请求次数按" not in answerer.answer("全校 1200 名学生，每人作文输入 2k 输出 500，2.5 flash，一次跑完多少钱", "zh_CN").plain


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("课程讲义生成，system prompt 固定8000 token 走隐式缓存，每次再加1000的知识点描述，输出讲义3000，用 3 flash，一周出200份，一个月按4周算，月费用多少", 800),
        ("教研组 15 个老师，每人每周出题大概 20 次，每次输入 2k 输出 3k，flash lite，一个月多少钱（按4周算）", 15 * 20 * 4),
        ("全校 12 個數學老師，每人每週出 3 份練習卷，每份 input 2k output 3.5k，3 flash，一個月多少（一個月算 4 週）", 12 * 3 * 4),
        ("newsletter drafts: 300 a week on flash, 2k in 200 out, call it 4 weeks a month. monthly?", 1_200),
        # a weekly count that 7 divides is still a month of the weeks said, not 30 days of a seventh
        ("每周 70 次，输入 1k 输出 200，flash，一个月按4周算多少钱", 280),
    ],
)
def test_a_month_of_the_weeks_said(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "month")


def test_the_answer_says_the_weeks_of_a_month(answerer: Answerer) -> None:
    reply = answerer.answer("每周 70 次，输入 1k 输出 200，flash，一个月按4周算多少钱", "zh_CN")
    assert "每周 70 次请求：按你说的一个月 4 周，折合每月 280 次计算。" in reply.plain


@pytest.mark.parametrize(
    "question",
    [
        "每周 70 次，输入 1k 输出 200，flash，4 周多少钱",  # four weeks asked, no month said of them
        "flash 2k in 200 out, 300 a week, 4 weeks",
    ],
)
def test_weeks_with_no_month_are_no_month(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.usage is None or query.usage.period != "month"


def test_a_week_left_unread_is_quoted_as_typed(answerer: Answerer) -> None:
    # 160 a week is neither whole days nor a whole month's share: asked about, in the asker's word (was `week`)
    reply = answerer.answer("遊戲公告要翻成 8 種語言，每種語言一次請求，原文 2000 token 譯文 2000，每週 20 篇，用 flash 一個月多少", "zh_TW")
    assert "「每週」" in reply.plain and "week" not in reply.plain


@pytest.mark.parametrize(
    ("question", "input_tokens", "requests"),
    [
        # pages of each item given in tokens, the item counted elsewhere (the request): scanned or text pages
        ("扫描件PDF合同，每页按258 token算，平均一份40页，加上审阅指令1k，输出2.5k，每天25份，3 pro 月费多少", 40 * 258 + 1000, 25),
        ("履歷有時候是掃描 PDF，一份 2 頁，每頁算 258 tokens，加上 JD 跟指令 1.5k，輸出 500，2.5 flash，每天 1,000 份", 2 * 258 + 1500, 1000),
        ("claim OCR: each claim ~12 scanned pages, 258 tokens per page image, plus 1k prompt. output 1.5k. 3 flash, 700 claims a day", 12 * 258 + 1000, 700),
        ("invoice extraction, 1.5k invoices/day, each 3 page imgs ~1k tok per page + 500 prompt, 800 out, 3 flash", 3 * 1000 + 500, 1500),
        # images of each item, the item's measure word counting the requests (`一套房 … 一天200套`)
        ("房源照片直接丢给模型写描述，一套房平均8张图，每张按258 token算，再加300 token的文字要求，输出700左右，2.5 flash，一天200套", 8 * 258 + 300, 200),
        ("每個物件有8張照片要讓模型看完寫文案 一張算258 token 再加物件資料500 輸出800 用2.0 flash 一天新增120個物件", 8 * 258 + 500, 120),
        ("一台車拍 4 張，每張 258 token，再加指令 500 token，輸出 300，一天進 1,200 台，2.5 flash", 4 * 258 + 500, 1200),
        ("we want gemini to tag rooms. avg 8 photos per listing, each photo ~1,100 tokens, plus a 300 token prompt, output 200. 2.5k listings/day on 3 flash", 8 * 1100 + 300, 2500),
        # every unit its own request: counted all at once, or in all
        ("一次把 3000 張商品圖（每張 258 tokens）+ 100 tokens 指令丟 2.5 flash 產 alt text，每張輸出 80 tokens，總共多少", 358, 3000),
        ("美術素材要用AI檢查，每張圖～1,120 tokens，prompt 300，回覆150，3.5 flash，這批一共2.5萬張，用batch要多少", 1420, 25000),
        ("scraping job summary: 500k pages, avg 1.8k tokens each, want 1 sentence back (~40 tokens), lite 2.5, batch", 1800, 500_000),
    ],
)
def test_pages_and_images_of_each_item(book: PriceBook, question: str, input_tokens: int, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.input_tokens, usage.requests) == (input_tokens, requests)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [("en", "Pages read as input tokens: 40 page(s) of 258 tokens a request, plus 1,000 tokens of text."),
     ("zh_CN", "页面按输入 token 计：每次 40 页、每页 258 token，另加 1,000 token 文字。"),
     ("zh_TW", "頁面以輸入 token 計：每次 40 頁、每頁 258 token，另加 1,000 token 文字。")],
)  # fmt: skip
def test_pages_read_as_input_say_so(answerer: Answerer, lang: str, sentence: str) -> None:
    reply = answerer.answer("扫描件PDF合同，每页按258 token算，平均一份40页，加上审阅指令1k，输出2.5k，每天25份，3 pro", lang)
    assert sentence in reply.plain


@pytest.mark.parametrize(
    ("question", "audio", "input_tokens", "requests"),
    [
        # a recording's length and its tokens side by side, either order: the tokens are the audio, the text on top
        ("口說作業批改，學生錄音一段 1 分鐘大約 1,920 token，加 prompt 500，回饋 400，2.5 flash，一天 100 段，一個月多少", 1920, 2420, 100),
        ("gemini 3 flash 处理音频，每条音频大概 1分钟 = 1920 token，加上指令 100 token，输出 300，一共 1 万条", 1920, 2020, 10_000),
        ("門診錄音轉病歷草稿，每次看診大概8分鐘語音（約15,360 audio tokens），加system prompt 1000，輸出800，2.5 flash，全院一天3000診次", 15_360, 16_360, 3000),
        # a verb of sending before `N audio tokens`: the audio's tokens; the input is audio and rubric together
        ("call center QA: we send ~9.6k audio tokens (5 min call) + 1.5k of rubric per call and get 500 tokens back, 6k calls/day, 2.5 flash-lite", 9600, 11_100, 6000),
    ],
)
def test_a_recordings_length_beside_its_tokens(book: PriceBook, question: str, audio: int, input_tokens: int, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.audio_input_tokens, usage.input_tokens, usage.requests) == (audio, input_tokens, requests)


def test_a_length_that_does_not_make_the_tokens_is_asked_about(book: PriceBook) -> None:
    # 1 minute is 1,920 tokens at Google's rate: 5,000 beside it is not its audio, and is asked about
    assert read_or_asked("录音一段 1 分钟，大约 5000 token，加 prompt 500，输出 400，2.5 flash，一天 100 段", book) is None


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # one thing for each person, by its measure word (`每人一篇`, `各生成一份`), a period said between
        ("老師想用 AI 幫忙改作文，全班 35 個學生，每人一篇大概 1500 token，評語 500 token，用 pro 改一次全班要多少錢", 35, None),
        ("期末给全校3000个学生各生成一份个性化学习报告 每份in 6k out 2k 开thinking 思考大概3k 用2.5 pro 一共多少钱", 3_000, None),
        ("健身App每個用戶每天生一份菜單 in 2k out 1.5k 用3 flash 用戶8千人 一個月多少", 8_000, "day"),
        ("延误的时候给受影响旅客推送个性化通知 平均每天四万人 每人一条 输入八百 输出一百五 lite走batch 一天多少钱", 40_000, "day"),
        # 各 glued to its verb (`各產一份`), and once each (`每人一次`, `每个样本调用一次`)
        ("模擬考後要幫 3,500 個學生各產一份學習診斷報告，每份輸入 5k 輸出 2k，3.1 pro，總共多少錢", 3_500, None),
        ("3500个学生 每人一次 输入5k 输出2k pro 总共多少", 3_500, None),
        ("跑实验 每个样本调用一次3 pro，一共2400个样本，输入6000 输出1000 思考2000", 2_400, None),
        # visits counted (`人次`) are requests; said of each person (`每人一份`), they are the people
        ("醫師問診紀錄 SOAP 自動整理，門診一天 2k 人次，每次 in 3k out 800，thinking 另外大概 1k，3.5 flash 月費？", 2_000, "day"),
        ("每月门诊量大约4.5万人次，每人生成一份就诊摘要给患者，输入2千输出400，flash lite 一个月多少钱", 45_000, "month"),
    ],
)
def test_one_thing_for_each_person(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.requests, usage.period) == (requests, period)


def test_each_person_does_a_count_of_a_kind_of_call(book: PriceBook) -> None:
    # `each does ~4 AI calls`: an adjective before the count noun; each of the 3k daily actives
    usage = parse_query("my app has 3k DAU, each does ~4 AI calls, 2.5 flash-lite, 600 tokens in 250 out. monthly bill?", book).usage
    assert usage is not None
    assert (usage.requests, usage.period) == (12_000, "day")


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # 一 before a measure word another amount counts by: one of those things, an article, not a count of one
        ("Podcast 平台要幫節目做逐字稿，一集平均 45 分鐘音檔，用 2.5 flash 轉，輸出逐字稿大概 1.2 萬 token，每天上架 300 集，一個月多少？", 300, "day"),
        ("改數學題用 3 pro，因為要推理所以有開 thinking，一題大概 input 800、thinking 3000、最後輸出 500，一天 150 題", 150, "day"),
        ("報表 OCR 後整理，一個月大概十五萬頁，一頁 input 1300 output 400，2.0 flash 一個月多少錢", 150_000, "month"),
    ],
)
def test_one_of_the_things_counted_is_an_article(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.requests, usage.period) == (requests, period)


def test_the_price_of_one_asked_is_not_the_weeks_count(book: PriceBook) -> None:
    # `先告訴我一集多少就好`: one episode asked; never priced as the three a week (nor as 13 a month)
    query = read_or_asked("每集摘要 in 1.5萬 out 2k，我一週三集，用 3.5 flash，先告訴我一集多少就好", book)
    assert query is None or query.usage is not None and query.usage.requests == 1


@pytest.mark.parametrize(
    ("question", "requests", "period", "hours"),
    [
        # the new piece found past the cache's own hours and the count between (`放6个小时，一共调用300次，每次新增输入1千`)
        ("知识库20万 token 放 context cache 放6个小时，一共调用300次，每次新增输入1千，输出800，2.5 pro", 300, None, 6),
        ("手冊 20萬 token 放 context cache 存 6 小時，總共呼叫300次，每次另外輸入1千，回覆約 800，2.5 pro", 300, None, 6),
        # the cached piece said again in each request (`each query is the 420k cached + ~500 new`)
        ("if we keep the full spec (~420k tokens) cached on 2.5 pro for a 10 hour workday, plus each query is the 420k cached + "
         "~500 new tokens in and 800 out, and we run 60 queries in that window — total incl storage?", 60, None, 10),
        # a cache kept for days, a daily count, no period asked: those days' total (`放cache 3天 每天問120次 … 總共`)
        ("客戶丟了一份50萬token的主合約 後面附約都要參照它 放cache 3天 每天問120次 每次附約3k out 4k 用3 pro 總共多少", 360, None, 72),
    ],
)
def test_a_cached_document_past_its_hours(book: PriceBook, question: str, requests: int, period: str | None, hours: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None
    assert (usage.requests, usage.period, usage.storage_hours) == (requests, period, hours)


def test_totals_cut_into_requests_are_shared(answerer: Answerer) -> None:
    # the whole job's tokens and the pieces it is cut into: each request has its share, and the answer says so
    reply = answerer.answer("遊戲劇本要翻成日文，原文全部大概 80 萬 token，輸出估 100 萬 token，會切成 400 次 request 丟，用 3 pro 總共多少", "zh_TW")
    assert reply.data["requests"] == 400
    assert "所給的 token 是整個工作的總量，切成 400 次請求：每次輸入 2,000 token、輸出 2,500 token。" in reply.plain


def test_totals_that_do_not_share_evenly_are_asked_about(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as asked:
        parse_query("原文全部大概 80 萬 token，輸出估 100 萬 token，會切成 300 次 request 丟，用 3 pro 總共多少", book)
    assert asked.value.reason == "total"  # whether the amounts are totals, not which part 300 is


def test_audio_named_with_its_measure_word_and_no_tokens_is_asked_about(book: PriceBook) -> None:
    # `那段音訊＋聊天室紀錄 2k token`: the audio's own tokens are not given (priced as 2k of text before)
    assert read_or_asked("每天直播 4 小時，想每 5 分鐘把那段音訊＋聊天室紀錄 2k token 丟給 flash 做即時摘要，輸出 300，一個月多少", book) is None


def test_images_made_a_day_on_an_image_model_are_the_requests(book: PriceBook) -> None:
    # `每天出400张` after a verb of making, on an image model: 400 images made a day, one a request, priced once
    query = parse_query("封面图用 2.5 flash image 生成，每张图输出按1290 token算，提示词200 token，每天出400张，一个月多少钱", book)
    assert query.usage is not None
    assert (query.usage.requests, query.usage.period, query.usage.output_images, query.asked_period) == (400, "day", 1, "month")


@pytest.mark.parametrize(
    ("question", "input_tokens", "requests"),
    [
        # the text beside the images said apart from them (its own label), and a few images counted after their size
        ("客人常傳車子照片問估價，一張照片算 1100 token，一次平均傳 4 張，加文字 200，回覆 350，用 flash，一天大概 60 組客人，一個月多少", 4_600, 60),
        ("顧客上傳寵物照推薦衣服尺寸 每張258 token 兩張+問題150 out 200 用2.0 flash 一天900次 一個月", 666, 900),
        ("多页pdf发票 每页按258 token 平均2页 加prompt 800 输出500 2.5 flash 每月5万份", 1_316, 50_000),
        ("each shipment has 3 images (258 tok each) and 200 prompt tokens, output 250. 3.1 flash-lite, 1.8mn shipments a month", 974, 1_800_000),
        ("inspection station takes 2 photos per part, docs say ~258 tokens per image on 2.5 flash, plus a 300 token prompt; output is an 80 token pass/fail JSON. 9,000 parts a day", 816, 9_000),
    ],
)
def test_images_and_the_text_beside_them_said_apart(answerer: Answerer, question: str, input_tokens: int, requests: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] == requests
    assert reply.data["items"][0]["quantity"] == str(input_tokens * requests)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # things that come in at a rate, for the hours said: `come in` is no input label; a hotline's number is its name
        ("ACE entry summaries come in ~75/hr during our 8 hr shift, each check is 2.4k in 250 out on 3.1 flash-lite. daily?", 600),
        ("calls come in ~500/hr for 12 hours daily, each ticket 600 tokens in, 50 out, flash lite. monthly?", 6_000),
        ("311 request classifier. tiny prompts, 400 tokens in 20 out. about 250 requests an hour around the clock. flash. whats the daily bill", 6_000),
    ],
)
def test_things_coming_in_at_a_rate(answerer: Answerer, question: str, requests: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert (reply.data["requests"], reply.data["period"]) == (requests, "day")


def test_a_hotlines_number_counted_is_still_a_count(answerer: Answerer) -> None:
    reply = answerer.answer("每天 311 次 输入1k 输出200 flash", "en")
    assert reply.data["requests"] == 311


@pytest.mark.parametrize(
    ("question", "input_tokens"),
    [
        # the text beside the images, added or named as text, with no label of its own
        ("带图评价的话 每条2张图 每张按258 token算，文字部分300 token，输出150，2.5 flash 每天8千条，月成本？", 816),
        ("daily site diary: foreman uploads ~15 photos (approx 260 tok each) + 1k tokens of notes, summary 500. 2.5 flash-lite, 70 sites, every day. monthly?", 4_900),
    ],
)
def test_the_text_beside_the_images_with_no_label(answerer: Answerer, question: str, input_tokens: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["items"][0]["quantity"] == str(input_tokens * reply.data["requests"])


def test_what_is_written_after_the_images_is_no_text_of_theirs(book: PriceBook) -> None:
    # `再寫介紹 500 token`: the introduction written back, the output (was priced as 500 more tokens of input)
    query = read_or_asked("新品菜單照片丟給 flash 看（一張約 1,120 tokens，一次 3 張）再寫介紹 500 token，一個月 200 次", book)
    assert query is None or query.usage is not None and query.usage.output_tokens == 500


def test_a_recordings_length_with_a_word_before_its_audio_label(answerer: Answerer) -> None:
    # `4 min student audio`: 4 minutes of audio at Google's 32 tokens a second, beside the 1.2k-token rubric
    reply = answerer.answer("speaking test = 4 min student audio, rubric prompt 1.2k tokens, feedback 600 tokens. 2.5 flash. ~3k tests per day. monthly bill?", "en")
    assert reply.intent == "estimate", reply.plain
    assert reply.data["requests"] == 3_000
    assert sum(int(i["quantity"]) for i in reply.data["items"] if i["kind"] in ("input", "audio_input")) == (4 * 60 * 32 + 1_200) * 3_000


@pytest.mark.parametrize(
    "question",
    [
        "thinking of an overnight batch to re-score the whole talent pool — 120k CVs, ~3k tokens each, 100 tokens out, 2.5 flash-lite in batch. total?",
        "we're thinking about grounding each ETA answer with google search. 1,000 queries/day, 1k tokens in, 300 out, 2.5 flash, every one grounded",
    ],
)
def test_thinking_of_doing_something_is_no_thinking(book: PriceBook, question: str) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.thinking_tokens == 0




@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # a duration word that names a thing, no length: no storage time to ask about
        ("store opening hours bot, 2.5 flash, 1k in 200 out, 3k chats a day, monthly?", 3_000, "day"),
        ("after-hours support bot: 500 chats a night, 2k in 300 out, 2.5 flash, per month", 500, "day"),
        ("summarize board minutes: 40k in 1.5k out on 3.1 pro, 12 meetings a month", 12, "month"),
        # a day word with no amount beside a day's count or total is that day
        ("flash 2k in 300 out, 900 requests that day, cost for the day", 900, "day"),
        ("launch day spike: 6k chats that day, 1k in 150 out, 2.5 flash-lite, what's the damage for the day", 6_000, "day"),
        ("活动那天大概8000条消息，每条输入1k输出200，2.5 flash，那一天多少钱", 8_000, "day"),
    ],
)
def test_duration_words_of_no_length(book: PriceBook, question: str, requests: int, period: str) -> None:
    query = read_or_asked(question, book)
    assert query is not None and query.usage is not None
    assert (query.usage.requests, query.usage.period, query.usage.storage_tokens) == (requests, period, 0)


@pytest.mark.parametrize(
    "question",
    [
        "flash 2k in 300 out, 900 requests, hours?",  # a duration alone: storage time, or what?
        "flash 2k in 300 out, a few minutes of audio each, 900 a day",  # a length with no figure
        "keep 100k cached all day on flash, 2k new in 300 out, 800 queries a day",  # the day may be how long it is kept
    ],
)
def test_duration_words_that_may_be_a_length_are_still_asked(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "storage", "hours"),
    [
        # one size in tokens, a cache word with no amount of its own, and the hours: what the cache keeps, for those hours
        ("keep a 300k-token contract pack cached on 2.5 pro for 6 hours, storage cost?", 300_000, 6),
        ("what does it cost to keep 80k tokens in the explicit cache for 3 days on 3 flash?", 80_000, 72),
        ("把一份40万token的资料缓存在2.5 flash上，放8个小时，存储要多少钱", 400_000, 8),
    ],
)
def test_a_size_kept_in_the_cache_for_hours_is_storage(book: PriceBook, question: str, storage: int, hours: int) -> None:
    query = read_or_asked(question, book)
    assert query is not None and query.usage is not None
    assert (query.usage.storage_tokens, query.usage.storage_hours, query.usage.input_tokens) == (storage, hours, 0)


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # the tokens of one request said of each person, no count each: one request a person
        ("全校 1200 名学生，每人作文输入 2k 输出 500，2.5 flash，一次跑完多少钱", 1_200, None),
        ("约两百位会员，每位聊天记录 in 5千 out 600，用 2.5 flash，每月跑一次", 200, "month"),
        ("4,500 patients, ~3k in 500 out each, 2.5 flash batch, one pass. total?", 4_500, None),
        # one thing made for each, with who makes it between (`让AI生成一段`)
        ("我们店每天大概回访120个客户，每个客户让AI生成一段回访话术，prompt差不多1500 token，输出400左右，用2.5 flash，一个月多少钱？", 120, "day"),
        # a count each still multiplies
        ("4,500 patients, 3 notes each, ~3k in 500 out each, 2.5 flash", 13_500, None),
    ],
)
def test_the_usage_of_each_person_is_one_request_each(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    query = read_or_asked(question, book)
    assert query is not None and query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)


@pytest.mark.parametrize(
    ("question", "input_tokens", "cached"),
    [
        # two amounts labelled as input, joined by a plus: pieces of one prompt, summed (had been the input said twice)
        ("input 2k + prompt 500, out 300, 2.5 flash, 100 a day", 2_500, 0),
        # a cache word denied beside it caches nothing and asks nothing (had asked how much was cached)
        ("每件文字 600 tokens + 分類說明 prompt 3000 tokens（沒有 cached），每天 2 萬件，輸出 50 tokens，2.5 flash", 3_600, 0),
        ("10k in, not cached, 1k out, 2.5 flash, 100 a day", 10_000, 0),
        ("10k in (8k cached), 1k out, 2.5 flash", 10_000, 8_000),
        # the new part and the cached part of one input, joined by a plus (`2k new + 10k cached input`): summed
        ("2k new + 10k cached input, 300 out, 2.5 flash, 500 a day", 12_000, 10_000),
    ],
)
def test_pieces_joined_and_caches_denied(book: PriceBook, question: str, input_tokens: int, cached: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.cached_tokens) == (input_tokens, cached)


def test_things_counted_by_whose_they_are_are_the_requests(book: PriceBook) -> None:
    """`20个客户邮件`: the customers' emails, counted with a period, are the requests (had asked how many each sends)."""
    usage = parse_query("我就小卖家 每天也就20个客户邮件 用flash-lite 每封800进300出 一个月能花几毛钱？", book).usage
    assert usage is not None and (usage.requests, usage.period) == (20, "day")


@pytest.mark.parametrize(
    "question",
    [
        # people seen once (`一天看診 80 人`) were read as one request each for a while; three reviews found visits with
        # several requests each (a note and a summary, rounds, follow-ups, per doctor): asked, as at the start
        "想問一下，我們診所想用 2.5 flash 做病歷摘要，每次丟進去大概 3000 token，吐出來 500 左右，一天看診大概 80 人，這樣一個月要多少錢？",
        "80 patients seen a day, a note for intake and one for discharge, 2000 in 500 out, 2.5 flash",
        "每个医生一天看诊 80 人，每次输入 3000 token 输出 500，flash，一个月多少钱？",
        # users of a tool, a chat, things sent again and again, people with no period: still asked how often each asks
        "每天 500 个用户，每次输入 1k 输出 200，2.5 flash",
        "每天 300 个访客用我们的 chatbot，每次输入 1k 输出 200",
        "每天 80 人在用，每次输入 1k 输出 200",
        "40 patients a day send messages, 2k in 500 out",
        "一共 80 人，每次输入 1k 输出 200",
        # found by a review: people with no visit, who may be users of a tool; a visit with more than one request each;
        # people beside a budget
        "每天 80 人，每次 3000 token 输出 500，2.5 flash",
        "每天 8 個人用 AI 問答，每次輸入 3000 輸出 500",
        "展場一天 3000 位訪客，每次 1500 token 回 200",
        "網站每天 300 个访客，每条消息 1k in 200 out",
        "40 patients a day, each request 2k in 500 out",
        "每天看诊 80 位客人，每次 3000 token，一般会来回好几轮",
        "40 patients seen a day, 2k in 500 out, the doctor usually asks a couple of follow-ups per patient",
        "我們診所一天看診大概 80 人，每次 3000 token 輸出 500，一個月預算 50 美金夠嗎",
        # people beside a product of units and calls (`100 個人在用`), a second count of steps: not multiplied in
        "每次配對要call 5次，每次1500 token進 300出，一天220次配對，大概 100 個人在用，flash一個月多少",
        "一個 task 平均 15 step，每步 in 2k out 300，一天 40 個 task，每個 task 最後再加 3 個 step 做總結",
        "一个 user 平均 15 次 call，每次 in 2k out 300，一天 40 个 user session",
        # the units counted per something else whose count is unsaid (one user's tasks); the price of one unit asked
        "每個 user 一天 40 個 task，一個 task 平均 15 step，每步 in 2k out 300",
        "每間店一天220次配對，每次配對要call 5次，每次 in 1k out 200",
        "一個 task 平均 15 step，每步 in 2k out 300，一天 40 個 task，一個 task 多少錢",
        # found by a second review: a visit word outside the people's clause (`never seen`), visits with rounds or an
        # assistant each, the price of one visit, unit or match asked; a count per user with no users counted
        "80 users a day, 3k in 500 out, 2.5 flash monthly? never seen pricing this confusing",
        "门诊部每天 300 人，每次 3k in 500 out",
        "每天门诊 200 人，AI 预问诊，每轮 3000 in 500 out",
        "300 people a day visit the docs page and ask the assistant, 3k in 500 out",
        "80 patients seen a day, 3k in 500 out, 2.5 flash, cost per visit?",
        "每次配對要call 5次，每次 in 1k out 200，一天220次配對，2.5 flash，每次配對多少錢",
        "一個 task 平均 15 step，每步 in 2k out 300，一天 40 個 task，2.5 flash，一個 task 的成本是多少",
        "每次配对要call 5次，每次3000 in 500 out，每个用户一天220次配对，2.5 flash 一个月多少",
        "一個 task 平均 15 step，一天 40 個 task，每個 step 輸入 2000 輸出 500，flash，一個 task 的費用？",
        "一个 task 平均 15 step，一个 agent 一天 40 个 task，每步 in 2k out 300，一个月多少钱？",
        # a year's count beside a quarter, the total of one asked, or one unit's count (their number unsaid)
        "一年2400次，每次2000 in 500 out，2.5 flash，一个季度总共多少",
        "40 reports a year, 2k in 500 out each, 2.5 flash, total per report?",
        "一年写40份，每份输入3万，输出6千，2.5 flash，每份报告总共要多少钱",
        "each customer files about 40 claims a year, 2k in 500 out each, 2.5 flash, total?",
        "every agent handles 2400 tickets a year, 2k in 500 out, total?",
        "2400 calls a year, 2k in 500 out, 2.5 flash, what's the total per call?",
    ],
)
def test_people_who_may_ask_many_times_are_still_asked(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "input_tokens", "output", "thinking"),
    [
        # `1.5k in / 700 out` labels itself across the slash; the word before it (`回复`) names the product
        ("询盘自动回复 1.5k in / 700 out，每天300封，lite 一天多少", 1_500, 700, 0),
        # `多出` (extra) holds no output label: `多出1千思考token` is thinking
        ("导诊问答要是开了thinking，每次多出1千思考token，回答200，输入600，一天1千次，2.5 flash 一个月多少钱", 600, 1_200, 1_000),
        # the output said before thinking that is `另外算` stays the output (unchanged)
        ("想算下 3 pro 每次输入9千 输出1千5 思考token另外算大概4千 一个月请求量6万 多少钱一个月", 9_000, 5_500, 4_000),
    ],
)
def test_labels_said_after_the_amount(book: PriceBook, question: str, input_tokens: int, output: int, thinking: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.output_tokens, usage.thinking_tokens) == (input_tokens, output, thinking)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a yearly count 12 divides, with no total asked, or a month asked, is a month's twelfth (unchanged)
        ("每份输入3万，输出6千，一年写120份左右，用pro", 10),
        ("每份输入3万，输出6千，一年写120份左右，用pro，每月多少", 10),
    ],
)
def test_a_yearly_count_is_a_months_twelfth(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "month")


@pytest.mark.parametrize(
    "question",
    [
        # a total asked of a yearly count: of the year, a quarter, the pilot, one request? (a review found each of these
        # read as the year's total when it was tried): asked; no twelfth a month either (that had been wrong at the start)
        "每份输入3万，输出6千，一年写120份左右，用pro总共要多少钱",
        "一年写120份报告，每份输入3万，输出6千，2.5 flash，總共多少錢",
        "2000 calls a year, 2k in 500 out, flash, Q1 total?",
        "一年2400次，每次2000 in 500 out，2.5 flash，一个季度总共多少",
        "every agent handles 2400 tickets a year, 2k in 500 out, total?",
        "2400 calls a year, 2k in 500 out, 2.5 flash, what's the total per call?",
    ],
)
def test_a_total_asked_of_a_yearly_count_is_asked_about(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "reading"),
    [
        # a count on a kind of day is a day's; `month cost?` asks the month, as `monthly cost?` does
        ("museum guide bot, 2.5 flash, 3k tokens in, answer 180 tokens. ~4,000 questions on a typical day",
         "3000 in 180 out x4000 per day on gemini-2.5-flash"),
        ("2.5 flash 1k in 200 out 500 a day, month cost?", "1000 in 200 out x500 per day monthly on gemini-2.5-flash"),
        ("month projection for pro: 700 req/day, each ~45k in + 1.2k out", "45000 in 1200 out x700 per day monthly on gemini-3.1-pro-preview"),
        # `prob` (probably) is filler; `Qs` are questions counted (`rn`, right now, was filler for a while: `RN` may be a
        # nurse, and taking the word out of the text broke the unknown-words property test, so it is asked again)
        ("2.5 flash, 1k in 200 out, prob 1.2k uploads/day", "1000 in 200 out x1200 per day on gemini-2.5-flash"),
    ],
)
def test_kinds_of_day_month_asked_and_chat_words(book: PriceBook, question: str, reading: str) -> None:
    assert canonical(parse_query(question, book)) == reading


@pytest.mark.parametrize("question", ["18k msgs/month total on 3.5 flash, 1.4k in 180 out, cost per month?",
                                      "last month cost us $1,200 on 2.5 flash with 1k in 200 out, how many requests was that",
                                      # found by a review: some other month, an unusual day, a nurse (RN)
                                      "2000 requests a day, 2k in 500 out, flash, previous month cost?",
                                      "on a slow day 200 questions, 2k in 500 out, flash, monthly cost?",
                                      "per RN 30 notes a day, 2k in 500 out, flash, monthly cost?"])
def test_a_months_total_and_last_months_bill_are_not_asked_months(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.usage is None or query.usage.requests == 18_000


@pytest.mark.parametrize(
    "question",
    ["化验单识别 每次输入 400 输出300 用2.0 flash 一天3500次 一个约多少钱", "每次输入 400 输出300 用2.0 flash 一天3500次 一個約多少錢",
     "2.5 flash 每天处理 500 份简历，每份输入3000输出500，平均一个约多少钱",
     "每次输入 400 输出300 用2.0 flash 一天3500次 一个大约多少钱", "每次输入 400 输出300 用2.0 flash 一天3500次 一个约需多少钱"],
)
def test_one_about_how_much_is_asked_about(book: PriceBook, question: str) -> None:
    """`一个约多少钱`: one, about how much, or 约 typed for 月 (a month's)? It had been answered with the day's total (a
    confident wrong answer in a held-out set scored once); read as 一个月 for a while, a review found 约 meaning `about`
    and `an appointment`: asked."""
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "batch"),
    [
        # 批量 before a verb of making: made in bulk, no Batch API said (it had been priced at batch rates: a confident
        # wrong answer in a held-out set scored once)
        ("商家后台菜品描述要批量生成 总共1.2w个菜 每个输入300输出200 用flash lite跑一遍要多少", False),
        ("2.5 flash 批量做摘要 共1万份 每份输入2k 输出300", False),
        # batch said some other way too, or 批量 as the way it runs: batch
        ("题库解析要批量生成，10万道题，每道题输入600输出1200，不着急，用batch跑 3.5 flash", True),
        # found by a review: batch said in other words, or 用批量
        ("批量生成5000条商品描述，每条 in 300 out 200，2.5 flash，离线跑就行", True),
        ("我想用批量生成5000条，每条 in 300 out 200，2.5 flash", True),
        ("用2.5 flash批量生成商品描述，每条 in 300 out 200，5000条，需要实时返回", False),
        ("批量生成5000條，每條 in 300 out 200，2.5 flash，不趕時間，可以隔天拿", True),
        ("2.5 flash 批量跑 共1万份 每份输入2k 输出300", True),
        ("输入10万 输出1万 2.5 flash ×100 批量处理", True),
    ],
)
def test_in_bulk_is_no_batch_api_unless_said(book: PriceBook, question: str, batch: bool) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.batch is batch


def test_a_total_said_before_a_verb_and_its_count_is_the_requests_total(book: PriceBook) -> None:
    """`總共大概產 500 篇`: 總共 is the count's, past the verb between (it had asked whether 總共 was of the tokens)."""
    usage = parse_query("年底想做毛孩寫真活動的文案，用 pro 總共大概產 500 篇，每篇輸入 2k 輸出 1k，總共多少錢", book).usage
    assert usage is not None and (usage.requests, usage.period, usage.input_tokens) == (500, None, 2_000)
    # found by a review: last year's or this year's total is a year's, not a month's (asked, as at the start)
    assert read_or_asked("去年一共结了 18,500 件案子，2.5 flash 每件输入2000输出500，平均一个月多少钱", book) is None


@pytest.mark.parametrize(
    "question",
    [
        # two models named with words asking each one's price (各自, 都帮我算, 选一个, 哪个省, compare…) were a comparison
        # for a while; five reviews found them said of models used together or in turn, of one left for another, of a
        # past comparison, of batch against standard, of a province: still asked, as at the start
        "2.5 flash 每天2000次，失败的再用 2.5 pro 重试，输入1000输出300，分别算一下",
        "每个问题用2.5 flash生成，2.5 pro选一个最优答案，输入1000输出300，每天500次",
        "after comparing 2.5 pro and 2.5 flash we chose flash. 2k in 500 out, 300 requests per day. monthly cost?",
        "2.5 flash 做路由，2.5 pro 做回答，两个都要调用，每次 in 1k out 200，一个月多少钱",
        "之前用 2.0 flash，现在换成 2.5 flash，每次 in 1k out 200 一天 1000 次，批量和实时哪个省",
        "每个请求先过 2.5 flash-lite 分类再给 2.5 pro 回答，三个都帮我算，每次 in 1k out 200，一个月合计",
    ],
)
def test_models_used_together_or_left_are_no_comparison(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is None or query.intent != "compare"


def test_each_person_with_one_model_is_no_comparison(book: PriceBook) -> None:
    query = read_or_asked("2.5 flash 三十五位客户，各自每天问 4 次，每次 in 1k out 200", book)
    assert query is None or query.intent == "estimate"  # (asked at the start too: never a comparison of one model)
