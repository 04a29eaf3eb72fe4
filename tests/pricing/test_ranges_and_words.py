"""Ranges (`200-300 a day`, `两三千条`), and English words written on purpose (issue 19, round 6).

- A range is asked about, with its middle and its top offered whole; a figure said after it settles it.
- A common English word is no slip of a price word (`audit` is not `audio`); a hyphenated word is one word
  (`co-op`, `voice-over`); a word before a sum of money is what is done with it (`approved $2,500`).
"""

from __future__ import annotations

import pytest
from corpus_reading import read_or_asked

from bot.answers.answerer import Answerer
from pricing import Ambiguous, PriceBook, parse_query
from pricing.query.read import read_question


@pytest.mark.parametrize(
    ("question", "field", "middle", "top"),
    [
        ("2.5 flash, 3k in 500 out, we get like 200-300 reports a day. monthly?", "requests", 250, 300),
        ("每天各平台进来差不多两三千条 每条输入八百 输出一百 2.5 flash-lite 一个月多少钱", "requests", 2500, 3000),
        ("每天3~5万次 输入1千 输出200 flash", "requests", 40_000, 50_000),
        ("國際新聞摘要 每天1千到1千2則 in 1.8k out 700 用3.6 flash 一個月多少", "requests", 1100, 1200),
        ("cost per call on 3.1 flash-lite for a 2-3k token prompt and a 500 token reply?", "input_tokens", 2500, 3000),
    ],
)
def test_a_range_is_asked_with_its_middle_and_its_top(book: PriceBook, question: str, field: str, middle: int, top: int) -> None:
    with pytest.raises(Ambiguous) as caught:
        parse_query(question, book)
    assert caught.value.reason == "range"
    offered = [getattr(parse_query(r, book).usage, field) for r in caught.value.readings]
    assert offered == [middle, top]


def test_the_range_question_names_the_range_in_the_askers_language(answerer: Answerer) -> None:
    reply = answerer.answer("3.1 flash-lite 输入八百输出一百五 每天四五百次 一个月", "zh_CN")
    assert reply.intent == "clarify"
    assert "“四五百”是个范围" in reply.plain and "450" in reply.plain and "500" in reply.plain


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("会员问答机器人 3.1 flash-lite 输入八百输出一百五 每天四五百次 按五百算 一个月", 500),
        ("宠物医院问诊预分诊 每天咨询三四百 按四百算 pro 输入两千五 输出六百 月费", 400),
        ("门店30个经纪人 每人每天发十几条朋友圈文案 就按15条算 每条输入五百 输出三百 lite 一个月多少钱", 450),
        ("每天各平台进来差不多两三千条 往多了算按三千 每条输入八百 输出一百 用2.5 flash-lite 一个月多少钱", 3000),
        ("2.5 flash, 3k in 500 out, 200-300 reports a day, call it 250. monthly?", 250),
    ],
)
def test_a_figure_said_after_a_range_settles_it(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


@pytest.mark.parametrize(
    "question",
    [
        "@gemini-cost - model: 3 flash - in: 15k - out: 1.5k - 2k req/day",  # bullets, not 1.5k to 2k
        "2.5 flash 10k in 1k out, 300 a day, growing from 300 to 400 next year",  # a change, not a range
    ],
)
def test_no_range_where_the_dash_or_to_is_something_else(book: PriceBook, question: str) -> None:
    try:
        parse_query(question, book)
    except Ambiguous as err:
        assert err.reason != "range"


def test_a_range_whose_middle_is_no_whole_number_is_not_read_as_one(book: PriceBook) -> None:
    with pytest.raises(Ambiguous) as caught:
        parse_query("2.5 flash 3-4 turns per chat, 1k in 100 out", book)
    assert caught.value.reason != "range"


@pytest.mark.parametrize(
    ("question", "intent", "budget"),
    [
        ("co-op board gave us $150 a month for AI. using flash lite, avg 1k in 250 out. how many farmer questions per day can we afford?",
         "budget", 150),
        ("audit approved $2,500/month. 2.5 pro, 40k in 4k out per contract. how many contracts/month?", "budget", 2500),
    ],
)
def test_english_words_written_on_purpose_are_filler(answerer: Answerer, question: str, intent: str, budget: int) -> None:
    reply = answerer.answer(question, "en")
    assert reply.intent == intent, reply.plain
    assert f"${budget:,}.00" in reply.plain


def test_audio_out_of_a_tts_model_is_its_output_not_an_audio_prompt(book: PriceBook) -> None:
    # was read as 350 audio tokens in (the next clause's `audio` taken for the input's modality)
    usage = parse_query("2.5 flash tts for voice-over: script 350 tokens in, audio out ~2,000 tokens per clip, 300 clips/day. whats monthly",
                        book).usage
    assert usage is not None
    assert (usage.input_tokens, usage.audio_input_tokens, usage.output_tokens, usage.requests) == (350, 0, 2000, 300)


def test_a_phrase_never_spans_a_comma(book: PriceBook) -> None:
    # `audio, output 1k`: the audio's length, then the output; not `audio output`
    usage = parse_query("10 分钟 audio, output 1k, 2.5 flash", book).usage
    assert usage is not None and (usage.audio_input_tokens, usage.output_tokens) == (19200, 1000)


@pytest.mark.parametrize(
    ("question", "budget", "asked"),
    [
        ("中介这边每天给AI的钱撑死50块人民币 2.5 flash-lite 输入一千五输出四百 一天能出多少条文案", ("cny", 50), "day"),
        ("老板说线索筛选每月预算顶多三百美金 用lite 每条输入1k输出100 每天最多能筛多少条", ("usd", 300), "day"),
        ("个人项目 每个月撑死花十美元 2.5 flash-lite 输入两千 输出五百 一个月能调多少次", ("usd", 10), None),
    ],
)
def test_a_hedge_on_a_budget_is_filler(book: PriceBook, question: str, budget: tuple[str, int], asked: str | None) -> None:
    # 撑死, 顶多 (at the very most) were asked about as words that might change the price
    query = parse_query(question, book)
    assert query.intent == "budget"
    assert (query.budget_cny if budget[0] == "cny" else query.budget_usd) == budget[1]
    assert query.asked_period in (asked, None)  # (none when it is the budget's own period)


def test_a_car_dealership_is_no_amount_of_four(book: PriceBook) -> None:
    # `4S店` (sales, service, spare parts, survey) was read as an amount 4 and asked about
    usage = parse_query("4S店线索筛选 每天三千条 每条输入八百 输出一百 用2.5 flash-lite 一个月多少钱", book).usage
    assert usage is not None and (usage.requests, usage.input_tokens) == (3000, 800)


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        ("neighbourhood guide pages — we regenerate about 1,500 a week on 3.1 flash-lite, 5k in 900 out. whats the monthly bill",
         6500, "month"),
        ("俱乐部公众号每周发六篇推文 每篇用pro写 输入三千 输出两千五 一个月多少钱", 26, "month"),
        ("2.5 flash 1k in 100 out, 1400 a week", 200, "day"),  # 7 divides it: a day's count
    ],
)
def test_a_weekly_count_is_a_month_of_52_weeks_in_12_months(book: PriceBook, question: str, requests: int, period: str) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, period)


def test_a_weekly_count_says_how_it_became_a_month(answerer: Answerer) -> None:
    reply = answerer.answer("俱乐部公众号每周发六篇推文 每篇用pro写 输入三千 输出两千五 一个月多少钱", "zh_CN")
    assert "每周 6 次请求" in reply.plain and "每月 26 次" in reply.plain


def test_a_weekly_count_with_no_whole_month_is_still_asked(book: PriceBook) -> None:
    with pytest.raises(Ambiguous):
        parse_query("2.5 flash 1k in 100 out, 1000 a week", book)  # 4,333.3 a month: no whole count


def test_source_and_translation_are_the_input_and_the_output(book: PriceBook) -> None:
    # 原文 (the source text) and 译文 (the translation) were asked about as unknown words
    usage = parse_query("合同翻译 每段原文2k 译文2.5k 用3.1 pro 一天翻600段 一天多少钱", book).usage
    assert usage is not None and (usage.input_tokens, usage.output_tokens, usage.requests) == (2000, 2500, 600)


@pytest.mark.parametrize(
    "question",
    [
        "Finance here. Need a number for the Q1 forecast: support bot, ~2,500 tickets/day, each ticket about 4k tokens in and 600 out, "
        "model is Gemini 3 Flash. Monthly cost please.",
        "Q3预算 3 flash 输入4千 输出600 每天2500次 一个月多少",
        "FY2026 forecast: 3 flash, 4k in 600 out, 2500 a day, monthly",
    ],
)
def test_a_quarter_or_a_version_is_a_name_not_an_amount(book: PriceBook, question: str) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.input_tokens, usage.output_tokens) == (2500, 4000, 600)


def test_verbs_of_motion_before_in_and_out(book: PriceBook) -> None:
    usage = parse_query("support assistant does around 45,000 conversations a month, each 'about 6k tokens going in and 1k coming out'", book).usage
    assert usage is not None and (usage.input_tokens, usage.output_tokens, usage.requests, usage.period) == (6000, 1000, 45000, "month")


def test_things_counted_then_the_tokens_of_each(book: PriceBook) -> None:
    # `40k pdfs (~18k tok each)`: the things are the requests and the tokens of each the input (was asked)
    usage = parse_query("summarize 40k pdfs (~18k tok each), 1k tok summary, 2.5 flash, batch", book).usage
    assert usage is not None and (usage.requests, usage.input_tokens, usage.output_tokens, usage.batch) == (40000, 18000, 1000, True)


@pytest.mark.parametrize(
    ("question", "input_tokens", "cached"),
    [
        # a cache said after its amount with a verb of putting (`做缓存`, `想缓存起来`), then the part each request
        # adds: the whole prompt is their sum, and the cached content's name (术语表, 数据库) is no unknown word
        ("术语表1.5万token做缓存，每段说明书2k token 翻译输出2.3k，flash，一个月要翻2万段，月费大概多少", 17_000, 15_000),
        ("研究所有个行业数据库50万token想缓存起来，分析师每天问300个问题，每个问题500 token，回答1.5k，3.1 pro，月成本？", 500_500, 500_000),
    ],
)
def test_a_cache_said_after_its_amount_and_the_part_on_top(book: PriceBook, question: str, input_tokens: int, cached: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.cached_tokens) == (input_tokens, cached)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("pro 有免費額度嗎？還是一定要綁卡", "free_tier"),  # 一定: surely, no amount of one
        ("賣家後台「一鍵生成文案」每天被按大約 2.5w 次，2.5 flash，in 800 out 500，一個月多少", "estimate"),  # 一鍵: one-click
    ],
)
def test_words_that_start_with_one_are_no_amount(answerer: Answerer, question: str, intent: str) -> None:
    assert answerer.answer(question, "zh_TW").intent == intent


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a numeral inside a word (零件, 零售) counts nothing
        ("汽车零件客服 每次输入1500 输出300 每天2000次 2.5 flash 一个月多少", 2_000),
        ("我们做零售的，输入2千 输出500，每天五千次，2.5 flash", 5_000),
        # a numeral after a name says which one (`科目二`, `方案三`, `套餐二`), not how many
        ("科目二教练问答 输入1k 输出200 每天800次 2.5 flash-lite", 800),
        ("方案三 每次输入3千 输出800 一天500次 2.5 flash", 500),
        ("套餐二 輸入2千 輸出300 一天600次 2.5 flash 一個月多少", 600),
    ],
)
def test_numerals_inside_words_and_names_are_no_count(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.requests, usage.period) == (requests, "day")


def test_a_yearly_count_that_twelve_divides_is_a_month_of_it(answerer: Answerer) -> None:
    reply = answerer.answer("一年大概 24 萬次呼叫，用 2.5 flash in 2k out 1k，平均每個月要多少", "zh_TW")
    assert reply.intent == "estimate" and reply.data["requests"] == 20_000
    assert "每年 24萬 次請求：以每月 2萬 次計算。" in reply.plain


def test_a_yearly_count_left_unread_offers_no_reading_without_it(answerer: Answerer) -> None:
    # was offered "100,000 requests a month": the year dropped
    reply = answerer.answer("about 100k calls a year, 2.5 flash 2k in 1k out, monthly", "en")
    assert reply.intent == "clarify" and "Did you mean" not in reply.plain and "pick the reading" not in reply.plain


@pytest.mark.parametrize(
    "question",
    [
        "2.5 flash 做客服問答，每次 input 大概 3500 token、output 600，一天大約 1.2 萬次，ㄧ個月要燒多少？",  # ㄧ: the Zhuyin letter for 一
        "新品活動想讓 bot 查天氣推薦飲料，每天 1500 次，3 flash，input 600 output 200，這樣依個月多少?",  # 依個月: a slip of 一個月; 天氣 is weather
    ],
)
def test_taiwan_keyboard_slips_for_a_month(book: PriceBook, question: str) -> None:
    query = parse_query(question, book)
    assert query.usage is not None and query.usage.period == "day" and query.asked_period == "month"


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("企劃要一次生8000條支線對話 每條in 2500 out 900 用2.5 pro走批次 總共大概多少美金", 8000),  # 生: 生成 in Taiwan chat
        ("2.5 flash image 生一張圖多少錢", 1),
    ],
)
def test_sheng_for_make(book: PriceBook, question: str, requests: int) -> None:
    query = parse_query(question, book)
    assert query.intent == "estimate" and query.usage is not None and query.usage.requests == requests


def test_sheng_inside_a_word_is_no_verb(book: PriceBook) -> None:
    # 学生3000个: students (no image made), each asking 3 times a day
    usage = parse_query("学生3000个 每人每天问3次 输入1千 输出500 flash", book).usage
    assert usage is not None and (usage.requests, usage.period, usage.output_images) == (9_000, "day", 0)


@pytest.mark.parametrize(
    "question",
    [
        "CEO here. we can spend $1,500/mo on AI. flash, 1.2k in 400 out per request. how many requests per day does that get us?",
        "PI says budget is $400 a month. 3 pro, each experiment call 50k in, 5k out. calls per day?",
    ],
)
def test_a_name_in_capitals_is_no_unit(book: PriceBook, question: str) -> None:
    assert parse_query(question, book).intent == "budget"  # `CEO`, `PI` were asked about as possible units


def test_a_known_word_in_capitals_keeps_its_role(book: PriceBook) -> None:
    query = parse_query("what's the RPM on the free tier for 2.5 flash", book)
    assert query.intent == "free_tier"


@pytest.mark.parametrize("question", ["budget 9000 NTD a month, 2.5 flash 1k in 200 out, how many a day", "2.5 flash 1k in 200 out, 300 QPM"])
def test_capitals_that_may_measure_a_price_are_still_asked(book: PriceBook, question: str) -> None:
    with pytest.raises(Ambiguous):
        parse_query(question, book)


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        ("discharge notes ~6.5k tokens in, 700 token summary, 3.1 pro, 420/day - what's the daily cost?", 420),  # no charge
        ("running a triage bot on our repo: each new issue + label list ≈ 2,200 tokens in, ~150 out, we get ~60 issues/day. "
         "gemini 2.5 flash. monthly cost?", 60),  # the words before an amount of tokens name what they are
    ],
)
def test_english_content_words_are_no_price_words(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.requests == requests


def test_a_fortnight_is_a_period_left_unread(book: PriceBook) -> None:
    # `fortnight` holds `night` but is no night: it was priced as 700 a month once common words lost their inner stems
    with pytest.raises(Ambiguous) as caught:
        parse_query("about 7 hundred listings a fortnight, 2.5 flash, 1.2k in, 400 out. cost per month?", book)
    assert caught.value.readings == ()


def test_a_sentence_ends_a_clause(book: PriceBook) -> None:
    # `open tabs. ~4k tokens`: the word before the full stop is not beside the amount after it
    usage = parse_query("my chrome ext summarizes your open tabs. ~4k tokens per summarize, ~200 out, 4,800 a day on flash-lite. $/month?",
                        book).usage
    assert usage is not None and (usage.input_tokens, usage.requests) == (4000, 4800)


def test_this_week_is_one_weeks_total(book: PriceBook) -> None:
    # was priced as 65 runs a month (15 x 52 / 12): `this week` is no weekly rate
    query = read_or_asked("we do due diligence on data rooms. ~900k tokens per run, 10k output, 2.5 pro, 15 runs total this week. "
                          "what's the damage", book)
    assert query is None or query.usage is not None and (query.usage.requests, query.usage.period) == (15, None)


def test_job_description_in_capitals_is_a_name(book: PriceBook) -> None:
    usage = parse_query("JD rewriter on pro, 800 tokens in, 1200 out, about 300 a day. per day?", book).usage
    assert usage is not None and usage.requests == 300


def test_live_as_a_verb_names_no_model(answerer: Answerer) -> None:
    # `just live on the free tier` was read as Gemini 3.8 Live
    reply = answerer.answer("could our triage bot just live on the free tier? it's ~60 issues a day on 2.5 flash-lite", "en")
    assert reply.intent == "free_tier" and "gemini-2.5-flash-lite" in reply.plain and "live" not in reply.plain.split("\n")[1]



@pytest.mark.parametrize(
    ("question", "model"),
    [("live show recaps on 2.5 pro, 20k in 2k out, 30 a day", "gemini-2.5-pro"),
     ("live class Q&A bot, 2.5 flash, 3k in 500 out, 400 a day", "gemini-2.5-flash")],
)
def test_live_before_an_everyday_noun_names_no_model(book: PriceBook, question: str, model: str) -> None:
    # `a 3 hour live show recording … with 2.5 pro` named two models, Gemini Live among them
    assert [m.id for m in parse_query(question, book).models] == [model]


def test_in_then_out_label_themselves_after_a_word_for_the_request(book: PriceBook) -> None:
    # `each reply 800 in 60 out`: reply names the request; was read as 800 out and 60 in; a stream's hours make one
    # stream's total
    usage = parse_query("live stream chat bot: peak ~50 msgs/sec for a 2hr stream, each reply 800 in 60 out on flash lite. cost per stream?",
                        book).usage
    assert usage is not None and (usage.input_tokens, usage.output_tokens, usage.requests, usage.period) == (800, 60, 360_000, None)


@pytest.mark.parametrize(
    ("question", "input_tokens", "cached", "output_tokens"),
    [
        # `in the context cache`: put in the cache (no input label); `adds`: the part each request sends on top
        ("we put a 40k token curriculum doc in the context cache on flash. each student question adds ~300 tokens, answer about 350. "
         "8k questions/day. cost per day?", 40_300, 40_000, 350),
        # `thinking is maybe another 1500 on top`: hedges between a label and its amount
        ("For essay feedback we send the essay + rubric (~2.5k tokens), get ~900 tokens of feedback, and thinking is maybe another 1500 "
         "on top. 3.5 flash. 600 essays a day. monthly cost?", 2_500, 0, 2_400),
    ],
)
def test_a_cache_put_in_and_hedged_amounts(book: PriceBook, question: str, input_tokens: int, cached: int, output_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.cached_tokens, usage.output_tokens) == (input_tokens, cached, output_tokens)


@pytest.mark.parametrize(
    "question",
    [
        "tldr feature with thinking off on 2.5 flash: 3000 in 150 out, 40 calls per user per month, 2,500 users. monthly?",
        "2.5 flash no thinking, 3000 in 150 out, 100k calls a month",
    ],
)
def test_thinking_switched_off_in_english(book: PriceBook, question: str) -> None:
    # `with thinking off` was read as thinking on, and the thinking tokens were asked for
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.thinking_tokens, usage.output_tokens, usage.requests) == (0, 150, 100_000)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("開源專案沒什麼錢，每個月大概只有 5 鎂 sponsor 可以用，issue 分類用 2.5 flash-lite 每次 2k in 100 out，一個月能跑幾個 issue", "budget"),
        ("每月 800 美金，3 flash，每份履歷輸入 4k 輸出 600，thinking 另外 1k，一個月能篩幾份", "budget"),
    ],
)
def test_how_many_a_budget_buys_said_with_a_measure_word(book: PriceBook, question: str, intent: str) -> None:
    # 幾個 / 幾份 where money is given: how many the money buys; 5 鎂 sponsor: an everyday word after the money
    assert parse_query(question, book).intent == intent


@pytest.mark.parametrize("question", ["how many 10k in 1k out for $100 aud", "how many 10k in 1k out for nzd $100"])
def test_a_word_beside_money_that_may_be_a_currency_is_asked(book: PriceBook, question: str) -> None:
    with pytest.raises(Ambiguous):
        parse_query(question, book)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("免费层 2.5 flash 每分钟多少次请求 插件用户一多就报429", "free_tier"),  # 报429: the error, no amount
        ("3 flash 免费层每分钟能请求几次 老是429", "free_tier"),
        ("免費版 2.5 flash 的 TPM 是多少啊 我 bot 常常噴 429 QQ", "free_tier"),
        ("free tier rpd on 2.5 flash? i keep getting 429 after like 20 calls", "free_tier"),
        ("how many requests per day do I get free on 2.5 pro? keep hitting 429", "free_tier"),
        ("we get 429 requests a day, 2k in 300 out on flash, monthly?", "estimate"),  # a count, said as one
        ("我们是做K12在线辅导的 AI答疑一次输入大概1500 token 输出600 每天大概3w次提问 用2.5 flash 一个月要多少钱", "estimate"),  # K12
        ("来电意图识别 3.1 flash-lite 每次 in 600 out 30 日均6万次 一个月多少", "estimate"),  # 意图 holds 图 but is no picture
    ],
)
def test_names_and_errors_with_digits_in_chinese_chat(book: PriceBook, question: str, intent: str) -> None:
    assert parse_query(question, book).intent == intent


@pytest.mark.parametrize(
    ("question", "input_tokens"),
    [
        ("想算一下 每次 prompt 大概 500 字中文 算 750 token 好了 回答 1500 token 一天 400 次 3.5 flash 每天多少", 750),
        ("新聞稿自動摘要，每篇大概2000字中文約3000 token，摘要300 token，每天發450篇，用2.5 flash，一個月大概多少", 3000),
        ("校對用 3 pro，一章 2 萬字大約 3 萬 token input，校對意見輸出 5k，整本 25 章，一本書多少？", 30_000),
        ("章节摘要，每章大概3000字，算下来4500 token左右，摘要输出300，每天更新大概两万章，用 lite 月成本多少", 4500),
    ],
)
def test_characters_restated_in_tokens_are_the_tokens(book: PriceBook, question: str, input_tokens: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.input_tokens == input_tokens


def test_characters_alone_are_no_tokens(book: PriceBook) -> None:
    # a size in characters, with no tokens said for it: how many tokens they are is not guessed
    with pytest.raises(Ambiguous):
        parse_query("每篇 2000 字，摘要输出 300 token，每天 450 篇，2.5 flash", book)


def test_a_label_reaches_its_amount_over_the_contents_name(book: PriceBook) -> None:
    # `输出评分和理由300 token`: was read as 3,500 out and 300 customers (6,000,000 requests), asked only for the unknown word
    usage = parse_query("简历筛选 每份简历加JD大概3500 token 输出评分和理由300 token 客户每天上传2万份 2.5 flash-lite 一个月多少", book).usage
    assert usage is not None and (usage.input_tokens, usage.output_tokens, usage.requests) == (3500, 300, 20_000)


def test_a_bill_to_check_is_no_budget_and_is_a_months(book: PriceBook) -> None:
    # `花了1800美元` on the bill was read as a budget of $1,800: it is what was charged, and a bill is a month's
    query = parse_query("账单上gemini 2.5 pro花了1800美元 我们每天大概2000次调用 in 5k out 1k 对得上吗", book)
    assert (query.intent, query.budget_usd, query.asked_period) == ("estimate", None, "month")


@pytest.mark.parametrize(
    "question",
    [
        "need listings for 4,500 SKUs in EN, DE and FR — one call per language per SKU, ~800 tokens in, ~600 out each. 2.5 flash. total cost?",
        "每个listing要翻成几种语言 每种语言单独一次请求 输入1500输出1000 每天上新300个产品 lite 一个月多少",
    ],
)
def test_a_count_per_language_is_asked_with_no_reading_that_drops_it(book: PriceBook, question: str) -> None:
    # was priced as 4,500 calls, one language
    with pytest.raises(Ambiguous) as caught:
        parse_query(question, book)
    assert caught.value.readings == ()


def test_an_everyday_word_after_gemini_is_no_model_name(answerer: Answerer) -> None:
    # `our Gemini invoice` was refused as an unknown model "Gemini invoice Last month"
    reply = answerer.answer("I'm reconciling our Gemini invoice. Last month was ~2.1M requests on 2.5 flash, avg 1,100 input tokens and "
                            "180 output. what should last month's bill be?", "en")
    assert reply.intent != "error", reply.plain
    assert answerer.answer("gemini ultra 10k in 1k out", "en").intent == "error"  # a tier word still names a model


def test_an_everyday_word_before_a_colon_heads_what_follows(book: PriceBook) -> None:
    usage = parse_query("headline A/B scoring: 200 tokens in, 10 out, 1M calls a month on lite. cost?", book).usage
    assert usage is not None and (usage.input_tokens, usage.requests) == (200, 1_000_000)


@pytest.mark.parametrize("question", ["你这个bot怎么用 要给哪些信息才能帮我算价格", "这个机器人支持哪些模型 问的时候要按什么格式"])
def test_how_to_ask_is_help_even_beside_an_information_word(book: PriceBook, question: str) -> None:
    assert parse_query(question, book).intent == "help"  # was model_info (信息, 支持)


def test_a_budget_in_nt_dollars_converted_to_dollars_with_huansuan(book: PriceBook) -> None:
    query = parse_query("預算一個月 6 萬台幣，換算大概 2,000 美金，用 flash 做案件摘要 in 3k out 300，一個月能處理幾通", book)
    assert (query.intent, query.budget_usd, query.budget_period) == ("budget", 2000, "month")


def test_will_it_pass_a_sum_is_an_estimate(book: PriceBook) -> None:
    # `月費會不會超過 50 鎂`: whether the cost passes $50, no budget
    query = parse_query("DAU 大概 300 人，每人一天聊 8 則，每則 input 1.5k output 400，flash，月費會不會超過 50 鎂", book)
    assert query.intent == "estimate" and query.budget_usd is None


def test_a_malformed_second_end_is_no_range_and_no_crash(answerer: Answerer) -> None:
    reply = answerer.answer("1.2-1.2.3k in 100 out", "en")
    assert not reply.internal_error and reply.intent == "clarify"


@pytest.mark.parametrize(
    ("question", "input_tokens", "requests"),
    [
        # a Chinese numeral with a decimal point before its unit (was read as 一 and 五万: 50,000)
        ("每次输入一点五万 token 输出1千 每天100次 2.5 flash", 15_000, 100),
        ("每次输入零点五万 token 输出1千 每天100次 2.5 flash", 5_000, 100),
        ("每次輸入一點五萬 token 輸出兩千 總共三點二萬次 2.5 flash", 15_000, 32_000),
        # the minutes of a time of day count nothing (`9点50` had been 50 requests)
        ("每天九点五十跑一次 输入1万 输出1千 2.5 flash", 10_000, 1),
        ("每天9点30分跑一次 输入1万 输出1千 2.5 flash", 10_000, 1),
    ],
)
def test_decimal_numerals_and_times_of_day(book: PriceBook, question: str, input_tokens: int, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and (usage.input_tokens, usage.requests) == (input_tokens, requests)


@pytest.mark.parametrize(
    "question",
    [
        # audio denied, or named only in what a product or a document is: no audio sent
        "call notes (typed, no audio), 3k in 400 out, 2.5 flash, 800 a day",
        "家用语音助手 每次 in 800 out 120 2.5 flash-lite 每天50万次 一个月多少",
        "每天預算 50 美金，語音助理用 2.5 flash-lite，每句 in 1k out 150，一天可以處理幾句",
        "social posts: prompt ~1.2k tokens (brand voice doc + brief), output ~180, 2.5 flash-lite, 900 a day",
    ],
)
def test_audio_named_but_not_sent_is_no_audio(book: PriceBook, question: str) -> None:
    query = read_or_asked(question, book)
    assert query is not None and (query.usage is None or query.usage.audio_input_tokens == 0)


def test_a_word_built_from_an_english_word_is_no_slip_of_a_keyword(book: PriceBook) -> None:
    # `teacher` (teach + er) was read as the people word `teachers`; `reworded` (reword + ed) as `recorded`
    texts = [t.text for t in read_question("sms reworded by a teacher, 3k a day, 200 in 60 out, 2.5 flash-lite", book).tokens]
    assert "reworded" in texts and "teacher" in texts


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # a hotline's number before what it names is its name, not a count (a count of 1999 requests still is one)
        ("12345项目工单分类，每单 in 800 out 100，2.5 flash-lite，日均八千", 8_000),
        ("1999 分類專案，每件 in 900 out 50，每天 3000 件，2.5 flash-lite", 3_000),
        ("每天1999次 输入1k 输出200 2.5 flash", 1_999),
    ],
)
def test_a_hotline_number_is_a_name(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.requests == requests


@pytest.mark.parametrize(
    ("question", "requests", "period"),
    [
        # an everyday word with a price stem qualifying the noun after it names the thing (`tax memo`, `lesson plan`)
        ("tax memo summaries on 2.5 flash, 8k in 1k out, 50 a day", 50, "day"),
        ("lesson plan drafts on 2.5 pro, 2k in 3k out, 40 a day", 40, "day"),
        # a British spelling is an English word (`summarising`)
        ("summarising 2k-token emails, 300 out, 2.5 flash, 500 a day", 500, "day"),
        # a month named once, with the total asked: that month's total; named again in the question, a month's price
        ("about 300 reports over march, 5k in 1k out, 2.5 flash. total?", 300, None),
        ("900 reports in march, 5k in 1k out, 2.5 flash. total for march?", 900, "month"),
    ],
)
def test_words_that_name_a_thing_and_a_named_month(book: PriceBook, question: str, requests: int, period: str | None) -> None:
    query = read_or_asked(question, book)
    assert query is not None and query.usage is not None and (query.usage.requests, query.usage.period) == (requests, period)


@pytest.mark.parametrize(
    "question",
    [
        "price incl tax? 2.5 flash 1k in 200 out, 100 a day",  # tax itself: asked
        "year projection: 500 req/day, 2k in 300 out, 2.5 flash",  # a time word qualifying a noun may be the period asked
    ],
)
def test_price_words_said_alone_or_of_time_are_still_asked(book: PriceBook, question: str) -> None:
    assert read_or_asked(question, book) is None


@pytest.mark.parametrize(
    ("question", "requests"),
    [
        # everyday nouns holding a price character (有限: 限; 推播: 推; 日报: 日) name what is done, no price word
        ("预算有限，客服邮件回复用 2.5 flash-lite，每封输入900输出350，每天300封", 300),
        ("會員推播文案 每則 input 600 output 200 2.5 flash 一天 5000 則", 5_000),
        ("每天出一份舆情日报，输入20万token，输出5k，2.5 pro，每天1次", 1),
        ("每件诉求 1200 in 60 out，2.5 flash，每天 3000 件", 3_000),
    ],
)
def test_everyday_nouns_with_a_price_character(book: PriceBook, question: str, requests: int) -> None:
    usage = parse_query(question, book).usage
    assert usage is not None and usage.requests == requests
