"""How people say each slot of an everyday pricing question, per language: the paraphrase matrix of
issue 19. Each row is (text, what it means); `questions()` combines the slots in several orders.

These tables are written from how people ask (forum, Q&A and chat phrasing), not from the parser's
word lists: a row the parser cannot read must make it ask back, never price something else.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from typing import Any

__all__ = ["LANGS", "cached_document_questions", "questions", "units_per_item_questions"]

LANGS = ("en", "zh_CN", "zh_TW")
Meaning = dict[str, Any]

MODELS: dict[str, list[tuple[str, Meaning]]] = {
    "en": [("2.5 flash", {"model": "gemini-2.5-flash"}), ("on gemini 2.5 pro", {"model": "gemini-2.5-pro"}),
           ("using 3 flash", {"model": "gemini-3-flash-preview"})],
    "zh_CN": [("2.5 flash", {"model": "gemini-2.5-flash"}), ("用 2.5 pro", {"model": "gemini-2.5-pro"}),
              ("模型用3 flash", {"model": "gemini-3-flash-preview"})],
    "zh_TW": [("2.5 flash", {"model": "gemini-2.5-flash"}), ("用 2.5 pro", {"model": "gemini-2.5-pro"}),
              ("使用 3 flash", {"model": "gemini-3-flash-preview"})],
}  # fmt: skip

#: One request's tokens: plain, per-request markers, cached share, thinking.
USAGE: dict[str, list[tuple[str, Meaning]]] = {
    "en": [
        ("3k in 500 out", {"input": 3000, "output": 500}),
        ("3k input and 500 output tokens per call", {"input": 3000, "output": 500}),
        ("input 3000, output 500 each", {"input": 3000, "output": 500}),
        ("each request is 3k in / 500 out", {"input": 3000, "output": 500}),
        ("50k in (40k cached) 1k out", {"input": 50000, "cached": 40000, "output": 1000}),
        ("50k input of which 40k cached, 1k output", {"input": 50000, "cached": 40000, "output": 1000}),
        ("20k in, 1k out plus 5k thinking", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("50k in, with 40k of it hitting the cache, 1k out", {"input": 50000, "cached": 40000, "output": 1000}),
        ("50k in (all but 10k cached), 1k out", {"input": 50000, "cached": 40000, "output": 1000}),
        ("w/ thinking: 20k in, 1k answer + 5k thinking", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("input: 3k  output: 500", {"input": 3000, "output": 500}),
    ],
    "zh_CN": [
        ("输入3千 输出5百", {"input": 3000, "output": 500}),
        ("每次输入3千 输出500", {"input": 3000, "output": 500}),
        ("单次请求输入3000token，输出500token", {"input": 3000, "output": 500}),
        ("每次调用输入三千 输出五百", {"input": 3000, "output": 500}),
        ("输入5万 其中4万走缓存 输出1千", {"input": 50000, "cached": 40000, "output": 1000}),
        ("输入5万（缓存命中4万）输出1千", {"input": 50000, "cached": 40000, "output": 1000}),
        ("输入2万 输出1千 思考5千", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("提示词3千token 生成500", {"input": 3000, "output": 500}),
        ("输入大概3千 产生500左右", {"input": 3000, "output": 500}),
        ("输入5万 有4万能命中缓存 输出1千", {"input": 50000, "cached": 40000, "output": 1000}),
        ("输入2万 输出6千，其中思考占5千", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("输入2万 回复1千左右 另外思考5千", {"input": 20000, "output": 6000, "thinking": 5000}),
    ],
    "zh_TW": [
        ("輸入3千 輸出5百", {"input": 3000, "output": 500}),
        ("每次輸入 3千 輸出 500", {"input": 3000, "output": 500}),
        ("每次呼叫輸入3000 token、輸出500 token", {"input": 3000, "output": 500}),
        ("輸入 5萬，其中 4萬 是快取，輸出 1千", {"input": 50000, "cached": 40000, "output": 1000}),
        ("輸入2萬 輸出1千 思考5千", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("輸入3千 產生500", {"input": 3000, "output": 500}),
        ("輸入 5萬，有 4萬 可以吃到快取，輸出 1千", {"input": 50000, "cached": 40000, "output": 1000}),
        ("輸入2萬 輸出6千（含思考5千）", {"input": 20000, "output": 6000, "thinking": 5000}),
        ("每則輸入 3k tokens 回覆約 500 token", {"input": 3000, "output": 500}),
    ],
}

_DAY = {"en": ["a day", "per day", "daily", "/day", "every day"],
        "zh_CN": ["每天", "一天", "日均", "每日"], "zh_TW": ["每天", "一天", "日均", "每日"]}  # fmt: skip
_MONTH = {"en": ["a month", "per month", "monthly", "/month", "every month"],
          "zh_CN": ["每月", "一个月", "每个月"], "zh_TW": ["每月", "一個月", "每個月"]}  # fmt: skip
#: A request count said with a verb or a measure word; {n} is the count, {p} its period word.
_COUNT_FORMS = {
    "en": ["{n} calls {p}", "{n} requests {p}", "we run {n} requests {p}", "we hit the api {n} times {p}",
           "we hit it {n} times {p}", "running {n} calls {p}", "{n} PR reviews {p}", "{n} episodes {p}",
           "send {n} requests {p}", "x{n} {p}", "{n} runs {p}", "roughly {n} req {p}", "at {n} reqs {p}"],
    "zh_CN": ["{p}调用{n}次", "{p}请求{n}次", "{p}跑{n}次", "{p}{n}次", "{p}{n}个请求", "{p}{n}次调用", "{p}大概调用{n}次",
              "{p}{n}请求", "{p}调用量{n}", "{p}调用次数{n}", "{p}{n}次左右", "{p}打{n}次", "{p}跑{n}个请求"],
    "zh_TW": ["{p}呼叫{n}次", "{p}請求{n}次", "{p}跑{n}次", "{p}{n}次", "{p}{n}個請求", "{p}呼叫 {n} 次", "{p}{n}則訊息", "{p}呼叫次數{n}", "{p}大約{n}次",
              "{p}打{n}次API", "{p}跑{n}筆"],
}  # fmt: skip
_NUMBERS = {"en": [("20k", 20000), ("20,000", 20000), ("2000", 2000)],
            "zh_CN": [("2万", 20000), ("两万", 20000), ("20000", 20000), ("3千", 3000)],
            "zh_TW": [("2萬", 20000), ("兩萬", 20000), ("20000", 20000), ("3千", 3000)]}  # fmt: skip
#: A count whose period is a prefix of its verb (`日调用2万次`, `月调用量2万`): (form, period).
_PREFIXED_FORMS = {
    "en": [],
    "zh_CN": [("日调用{n}次", "day"), ("日调用量{n}", "day"), ("月调用量{n}次", "month"), ("月请求{n}次", "month")],
    "zh_TW": [("日呼叫{n}次", "day"), ("月呼叫量{n}次", "month")],
}
#: No period: a count of requests in all (`调用1000次`, `一共请求1000次`).
_TOTAL_FORMS = {
    "en": ["{n} calls", "{n} requests", "x{n}", "run it {n} times", "{n} requests in all", "{n} jobs in all"],
    "zh_CN": ["调用{n}次", "请求{n}次", "一共调用{n}次", "{n}次", "总共请求{n}次"],
    "zh_TW": ["呼叫{n}次", "請求{n}次", "一共呼叫{n}次", "{n}次"],
}
#: Users times messages: (text, requests, period).
_PEOPLE = {
    "en": [("100 users x 20 messages a day", 2000, "day"), ("100 users, 20 requests each per day", 2000, "day"),
           ("100 users, ~20 msgs/user/day", 2000, "day"), ("100 daily active users, 20 queries each per day", 2000, "day"),
           ("20 steps per task, 100 tasks a day", 2000, "day"), ("100 signups/month, 20 generations each per month", 2000, "month")],
    "zh_CN": [("100个用户 每人每天20次", 2000, "day"), ("一共100个用户，每人每天调用20次", 2000, "day"),
              ("日活100，人均每天20次", 2000, "day"), ("100个会员，一人每天20次", 2000, "day")],
    "zh_TW": [("100 位使用者 每人每天 20 次", 2000, "day"), ("100個使用者，每人每天呼叫20次", 2000, "day"),
              ("日活 100 人，每人一天平均 20 則訊息", 2000, "day")],
}
#: The period the total is asked for (None: the count's own, or no question word at all).
ASKED: dict[str, list[tuple[str, str | None]]] = {
    "en": [("", None), ("how much per month?", "month"), ("monthly cost?", "month"), ("what's that a month", "month"),
           ("what's a month's bill", "month"),
           ("what's the monthly bill", "month"), ("how much per day?", "day"), ("daily cost?", "day")],
    "zh_CN": [("", None), ("每月多少钱", "month"), ("一个月多少钱", "month"), ("月费多少", "month"), ("每个月要花多少", "month"),
              ("每天多少钱", "day"), ("一天要多少钱", "day"), ("一个月账单大概多少", "month"), ("月费大概多少钱", "month"),
              ("一天多少刀", "day")],
    "zh_TW": [("", None), ("一個月要多少錢", "month"), ("每月多少錢", "month"), ("月費多少", "month"), ("每個月要花多少", "month"),
              ("每天多少錢", "day"), ("一天要多少錢", "day"), ("一個月帳單會多少", "month"), ("一天要花幾美金", "day")],
}  # fmt: skip
#: Budgets: (text, budget_usd) with the usage and model slots; asks how many requests.
BUDGETS: dict[str, list[tuple[str, int]]] = {
    "en": [("how many requests can I make for $100", 100), ("budget $100, how many calls", 100)],
    "zh_CN": [("预算100美元 能调用多少次", 100), ("100美元能调用多少次", 100), ("预算100美金，能跑多少次", 100),
              ("预算100刀 能打多少次", 100), ("手上只有100美金，总共能跑几次", 100)],
    "zh_TW": [("預算100美元 可以呼叫幾次", 100), ("100美金能呼叫幾次", 100), ("預算 100 鎂，可以打幾次", 100)],
}
#: A budget for a period, asked as requests a day: (text, budget_usd, budget period, asked period).
PERIOD_BUDGETS: dict[str, list[tuple[str, int, str, str | None]]] = {
    "en": [("budget of $500/month, how many requests per day", 500, "month", "day"),
           ("how many calls per day can I afford with $500 a month", 500, "month", "day"),
           ("we can spend $500 per month, how many requests is that", 500, "month", None),
           ("$20 a day budget, how many requests a month", 20, "day", "month"),
           ("with $500 a month, how many requests per month", 500, "month", None),
           ("if I cap spend at $500/month, how many reqs a day", 500, "month", "day"),
           ("budget's $20 a day, how many calls is that per day", 20, "day", None)],
    "zh_CN": [("每月预算500美元，每天能调用多少次", 500, "month", "day"), ("每月500美金预算，能跑多少次", 500, "month", None),
              ("预算每月500美元，一天能调用多少次", 500, "month", "day"), ("每天预算20美元，每月能调用多少次", 20, "day", "month")],
    "zh_TW": [("每月預算500美元，每天可以呼叫幾次", 500, "month", "day"), ("每月預算 500 美金，可以呼叫幾次", 500, "month", None),
              ("一天預算20美元，一個月可以呼叫幾次", 20, "day", "month")],
}  # fmt: skip
#: What the question opens with: nothing, or the thing being built, with `a`/一个/一個 as an article.
OPENINGS = {
    "en": ["", "we have a chatbot:", "for a support bot,", "hey all, trying to budget:", "sorry if dumb question but",
           "one-off backfill on"],
    "zh_CN": ["", "我们有一个应用：", "一个客服机器人，", "请教一下，", "老板让我算个账：", "不好意思想问一下，"],
    "zh_TW": ["", "我們有一個應用程式：", "一個客服機器人，", "請教一下，", "不好意思想問，"],
}
_SEP = {"en": ", ", "zh_CN": "，", "zh_TW": "，"}


def _counts(lang: str) -> Iterator[tuple[str, Meaning]]:
    for form, (num, n) in itertools.product(_COUNT_FORMS[lang], _NUMBERS[lang]):
        for period, words in (("day", _DAY[lang]), ("month", _MONTH[lang])):
            for word in words:
                yield form.format(n=num, p=word).strip(), {"requests": n, "period": period}
    for form, (num, n) in itertools.product(_TOTAL_FORMS[lang], _NUMBERS[lang]):
        yield form.format(n=num), {"requests": n, "period": None}
    for form, period in _PREFIXED_FORMS[lang]:
        for num, n in _NUMBERS[lang]:
            yield form.format(n=num), {"requests": n, "period": period}
    for text, n, period in _PEOPLE[lang]:
        yield text, {"requests": n, "period": period}


def _expect(model: Meaning, usage: Meaning, count: Meaning, asked: str | None) -> Meaning:
    want: Meaning = {"intent": "estimate", "input": 0, "cached": 0, "output": 0, "thinking": 0, "requests": 1,
                     "period": None, "asked": None, "budget_usd": None, "budget_period": None, **model, **usage, **count}  # fmt: skip
    if asked is not None and asked != want["period"]:
        want["asked"] = asked
    return want


def questions(lang: str, size: int) -> list[tuple[str, Meaning]]:
    """``size`` questions in ``lang`` (a fixed sample of every combination, the same on every run). The combinations
    are numbered in the order the tables combine them, and only the sample is written out: writing every one of the
    hundreds of thousands took seconds of the test's time."""
    sep = _SEP[lang]
    models, usages = MODELS[lang], USAGE[lang]
    # (`调用1000次 每月多少钱`: whether 1000 is a month's is for the asker to say, so a count with no period is not asked per period)
    counted = [(c, a) for c in _counts(lang) for a in ASKED[lang] if not (a[1] is not None and c[1]["period"] is None)]
    orders = 5
    first = len(models) * len(usages) * len(counted) * orders
    budgets = len(models) * len(usages) * len(BUDGETS[lang]) * 2
    period_budgets = len(models) * len(usages) * len(PERIOD_BUDGETS[lang])

    def write(i: int) -> tuple[str, Meaning]:
        if i < first:
            rest, k = divmod(i, orders)
            rest, n = divmod(rest, len(counted))
            m, u = divmod(rest, len(usages))
            (m_text, model), (u_text, usage), ((c_text, count), (a_text, asked)) = models[m], usages[u], counted[n]
            order = ([m_text, u_text, c_text, a_text], [c_text, u_text, m_text, a_text], [m_text, c_text, u_text, a_text],
                     [u_text, c_text, m_text, a_text], [a_text, m_text, u_text, c_text])[k]  # fmt: skip
            text = sep.join(p for p in order if p)
            opening = OPENINGS[lang][(i + k) % len(OPENINGS[lang])]  # (as the tables were first written out, one by one)
            return (opening + " " + text).strip(), _expect(model, usage, count, asked)
        i -= first
        if i < budgets:
            rest, k = divmod(i, 2)
            rest, b = divmod(rest, len(BUDGETS[lang]))
            m, u = divmod(rest, len(usages))
            (m_text, model), (u_text, usage), (b_text, budget) = models[m], usages[u], BUDGETS[lang][b]
            order = ((b_text, u_text, m_text), (m_text, u_text, b_text))[k]
            return sep.join(order), _expect(model, usage, {}, None) | {"intent": "budget", "budget_usd": budget}
        i -= budgets
        rest, b = divmod(i, len(PERIOD_BUDGETS[lang]))
        m, u = divmod(rest, len(usages))
        (m_text, model), (u_text, usage), (b_text, budget, period, asked) = models[m], usages[u], PERIOD_BUDGETS[lang][b]
        want = _expect(model, usage, {}, None) | {"intent": "budget", "budget_usd": budget, "budget_period": period, "asked": asked}
        return sep.join((b_text, u_text, m_text)), want

    total = first + budgets + period_budgets
    rng = random.Random(19)
    return [write(i) for i in rng.sample(range(total), min(size, total))]



#: A long document kept in the context cache, read by every request: how people say the cached document (with its size
#: `{d}`), the hours it is kept, the part each request adds and the answer. (text, hours) for the hours; every row of the
#: rest means the same: 200,000 tokens cached, 1,000 added, 800 out.
CACHED_DOCS = {
    "en": ["we keep a {d} token manual in cache", "the {d}-token manual is cached", "cache the {d} token manual",
           "{d} tokens of docs cached", "we cache a {d} token handbook", "a {d} token prompt prefix is cached"],
    "zh_CN": ["把{d}token的手册放缓存", "{d} token的产品手册做显式缓存", "手册{d}token走缓存", "知识库{d} token 放 context cache",
              "系统提示词{d}token 固定走缓存"],
    "zh_TW": ["把 {d} token 的手冊放快取", "手冊 {d} token 放 context cache", "知識庫 {d} token 走快取", "系統提示 {d} token 固定吃快取"],
}  # fmt: skip
_DOC_SIZE = {"en": "200k", "zh_CN": "20万", "zh_TW": "20萬"}
CACHE_HOURS: dict[str, list[tuple[str, int]]] = {
    "en": [("for 6 hours", 6), ("(TTL 6 hours)", 6), ("", 0)],
    "zh_CN": [("缓存存6小时", 6), ("放6个小时", 6), ("", 0)],
    "zh_TW": [("存 6 小時", 6), ("放 6 個小時", 6), ("", 0)],
}
NEW_PARTS = {
    "en": ["each adds 1k tokens", "each 1k in", "user message 1k", "plus 1k new tokens per query", "1k prompt each"],
    "zh_CN": ["每次另外输入1千", "用户问题再加1000", "每次再加1k token的问题", "每次新增输入1千"],
    "zh_TW": ["每次另外輸入1千", "使用者問題再加 1000", "每題另外 1k token"],
}
ANSWERS = {"en": ["800 out", "answers ~800 tokens"], "zh_CN": ["输出800", "回答800左右"], "zh_TW": ["輸出800", "回覆約 800"]}
CACHE_COUNTS: dict[str, list[tuple[str, int, str | None]]] = {
    "en": [("300 queries a day", 300, "day"), ("300 calls", 300, None)],
    "zh_CN": [("每天300次", 300, "day"), ("一共调用300次", 300, None)],
    "zh_TW": [("每天 300 次", 300, "day"), ("總共呼叫300次", 300, None)],
}


def cached_document_questions(lang: str, size: int) -> list[tuple[str, Meaning]]:
    """``size`` combinations of the cached-document tables in ``lang``, in two orders, with their meaning (a fixed
    sample, the same on every run)."""
    sep = _SEP[lang]
    out: list[tuple[str, Meaning]] = []
    for doc, (h_text, hours), new, answer, (c_text, requests, period) in itertools.product(
        CACHED_DOCS[lang], CACHE_HOURS[lang], NEW_PARTS[lang], ANSWERS[lang], CACHE_COUNTS[lang]
    ):
        head = (doc.format(d=_DOC_SIZE[lang]) + " " + h_text).strip()
        want = {"input": 201_000, "cached": 200_000, "output": 800, "requests": requests, "period": period,
                "storage": 200_000 if hours else 0, "hours": hours}  # fmt: skip
        out.append((sep.join((head, c_text, new, answer, "2.5 pro")), want))
        out.append((sep.join(("2.5 pro", head, new, answer, c_text)), want))
    return random.Random(19).sample(out, min(size, len(out)))


#: Items that each send a few pages or images, each image or page given in tokens (`每份简历平均4页，每页按258 token算`,
#: `4 photos per listing, 258 tokens per photo`): (how the units of one item are said, how one unit's tokens are said,
#: how the items are counted a day, `{r}` the count). Every row means 4 units of 258 tokens.
UNITS_PER_ITEM: dict[str, list[tuple[str, list[str], list[str]]]] = {
    "en": [("each claim has 4 scanned pages", ["258 tokens per page", "each page ~258 tokens", "258 tok/page"],
            ["{r} claims a day", "~{r} claims/day"]),
           ("4 photos per listing", ["258 tokens per photo", "each photo ~258 tokens", "~258 tokens each"],
            ["{r} listings a day", "{r} new listings daily"]),
           ("every invoice is 4 pages", ["258 tokens per page", "~258 tokens a page"], ["{r} invoices a day", "{r} invoices/day"])],
    "zh_CN": [("每份简历平均4页", ["每页按258 token算", "一页258 token", "每页258token"], ["每天{r}份", "一天{r}份"]),
              ("一套房平均4张图", ["每张按258 token算", "一张图258 token"], ["每天新上{r}套", "一天{r}套"]),
              ("每个案件传4张照片", ["每张258 token", "一张算258 token"], ["每天{r}件", "一天{r}个案件"])],
    "zh_TW": [("每份履歷平均 4 頁", ["每頁算 258 token", "一頁 258 token"], ["每天 {r} 份", "一天 {r} 份"]),
              ("每個物件 4 張照片", ["每張 258 token", "一張算258 token"], ["每天 {r} 件", "一天新增{r}個物件"]),
              ("一台車拍 4 張", ["每張 258 token", "一張圖 258 token"], ["每天 {r} 台", "一天進 {r} 台"])],
}  # fmt: skip
#: The text sent beside them, 500 tokens; the answer, 300 tokens.
ITEM_TEXT = {"en": ["plus a 500 token prompt", "+ 500 tok instructions", "prompt 500"],
             "zh_CN": ["再加指令500 token", "加上prompt 500", "提示词500"],
             "zh_TW": ["再加指令 500 token", "加上 prompt 500", "文字 500"]}  # fmt: skip
ITEM_ANSWER = {"en": ["300 out", "output ~300 tokens"], "zh_CN": ["输出300", "输出300 token左右"], "zh_TW": ["輸出 300", "輸出約 300 token"]}
_ITEM_COUNTS = {"en": "1,200", "zh_CN": "1200", "zh_TW": "1,200"}


def units_per_item_questions(lang: str, size: int) -> list[tuple[str, Meaning]]:
    """``size`` combinations of the units-per-item tables in ``lang``, in two orders, with their meaning (a fixed
    sample, the same on every run): 4 x 258 + 500 input, 300 output, 1,200 requests a day."""
    sep = _SEP[lang]
    want = {"input": 4 * 258 + 500, "output": 300, "requests": 1200, "period": "day"}
    out: list[tuple[str, Meaning]] = []
    for units, sizes, counts in UNITS_PER_ITEM[lang]:
        for each, text, answer, count in itertools.product(sizes, ITEM_TEXT[lang], ITEM_ANSWER[lang], counts):
            count = count.format(r=_ITEM_COUNTS[lang])
            out.append((sep.join((units, each, text, answer, count, "2.5 flash")), want))
            out.append((sep.join(("2.5 flash", units, each, text, answer, count)), want))
    return random.Random(19).sample(out, min(size, len(out)))
