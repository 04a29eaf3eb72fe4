#!/usr/bin/env python3
"""Blind generator of everyday gemini-cost *estimate* questions (en, zh_CN, zh_TW).

Written from /work/sets/SCHEMA.md only (no bot code read or run).  Tables of ways to say each
slot per language are combined by a seeded generator; every question carries its exact expected
reading.  The script self-checks its output (amounts re-derived from the rendered text, each
rendered amount present exactly once, no stray numbers, schema invariants) and prints counts.

usage: python3 generate_everyday.py [--outdir /work/sets] [--n 150]
stdlib + PyYAML only.
"""
import argparse
import collections
import random
import re
import sys

import yaml

DATE = "2026-12-07"

MODEL_IDS = set("""gemini-2.0-flash gemini-2.0-flash-lite gemini-2.5-flash gemini-2.5-flash-lite
gemini-2.5-pro gemini-3-flash-preview gemini-3-pro-preview gemini-3.1-flash-lite gemini-3.1-pro-preview
gemini-3.5-flash gemini-3.5-flash-lite gemini-3.6-flash gemini-3.7-flash gemini-3.8-flash
gemini-embedding-001 gemini-embedding-2""".split())
DEFAULT_MODEL = "gemini-3.1-pro-preview"

# ----------------------------------------------------------------------------------------------
# Model surface forms (shared by all languages; people type model names in Latin letters).
# ----------------------------------------------------------------------------------------------
MODELS = {
    "gemini-2.5-flash": ["2.5 flash", "Gemini 2.5 Flash", "gemini-2.5-flash", "gemini 2.5 flash",
                         "2.5flash", "flash 2.5", "2.5 Flash"],
    "gemini-2.5-pro": ["2.5 pro", "Gemini 2.5 Pro", "gemini-2.5-pro", "2.5pro", "pro 2.5"],
    "gemini-2.5-flash-lite": ["2.5 flash-lite", "flash-lite 2.5", "gemini-2.5-flash-lite",
                              "2.5 lite", "Gemini 2.5 Flash-Lite", "2.5 flash lite"],
    "gemini-3-flash-preview": ["3 flash", "gemini-3-flash-preview", "Gemini 3 Flash", "gemini 3 flash",
                               "3 flash preview"],
    "gemini-3-pro-preview": ["3 pro", "gemini-3-pro-preview", "Gemini 3 Pro", "3 pro preview"],
    "gemini-3.1-pro-preview": ["3.1 pro", "gemini-3.1-pro-preview", "Gemini 3.1 Pro", "pro", "gemini pro"],
    "gemini-3.8-flash": ["flash", "gemini flash", "Flash"],
    "gemini-3.5-flash-lite": ["flash-lite", "flash lite", "lite"],
    "gemini-3.5-flash": ["3.5 flash", "gemini-3.5-flash", "Gemini 3.5 Flash"],
    "gemini-3.1-flash-lite": ["3.1 flash-lite", "gemini-3.1-flash-lite", "3.1 flash lite"],
    "gemini-2.0-flash": ["2.0 flash", "gemini-2.0-flash", "Gemini 2.0 Flash"],
}
# weights: the most asked-about models come up more often
MODEL_WEIGHTS = {"gemini-2.5-flash": 5, "gemini-2.5-pro": 3, "gemini-2.5-flash-lite": 2,
                 "gemini-3-flash-preview": 3, "gemini-3-pro-preview": 2, "gemini-3.1-pro-preview": 2,
                 "gemini-3.8-flash": 2, "gemini-3.5-flash-lite": 1, "gemini-3.5-flash": 2,
                 "gemini-3.1-flash-lite": 1, "gemini-2.0-flash": 1}

# ----------------------------------------------------------------------------------------------
# Per-language tables.  {m}=model, {n}=amount, {c}=cached, {o}=output incl. thinking, {t}=thinking,
# {u}=users, {k}=per-user count.
# ----------------------------------------------------------------------------------------------
T = {}
T["en"] = {
    "numfmt": ["plain", "comma", "k", "K", "kdec", "M"],
    "opener": ["", "", "hey, ", "hi! ", "quick q: ", "quick question - ", "we have a chatbot: ",
               "trying to budget: ", "for our support bot, ", "our app does this: ", "hello, ", "@gemini-cost "],
    "model_lead": ["{m}", "on {m}", "using {m}", "{m}:", "model {m}", "with {m}"],
    "model_tail": ["on {m}", "with {m}", "({m})", "using {m}", "model is {m}"],
    "marker_pre": ["each request: ", "per request: ", "every call uses ", "each call is ", "per call "],
    "marker_post": [" per request", " each", " per call", " every call", " per message"],
    "input": ["{n} input tokens", "{n} in", "input {n}", "{n} tokens in", "{n} prompt tokens",
              "prompt of ~{n} tokens", "input ~{n} tokens", "{n} tokens input"],
    "cached": ["of which {c} cached", "({c} of it cached)", "{c} of that cached", "with {c} of it hitting the cache",
               "{c} of which is cached", "incl. {c} cached"],
    "output": ["{n} out", "{n} output tokens", "output {n}", "~{n} tokens back", "{n} tokens out",
               "output ~{n}", "{n} output"],
    "thinking": ["plus {t} thinking", "+ {t} thinking tokens", "and {t} of thinking", "plus {t} thinking tokens",
                 "+{t} thinking"],
    "out_incl": ["{o} output incl. {t} thinking", "{o} out (incl {t} thinking)", "{o} output tokens, {t} of them thinking",
                 "output {o} including {t} thinking"],
    "req_day": ["{n} requests a day", "{n} calls/day", "{n} calls per day", "~{n} requests daily",
                "we hit it {n} times a day", "we send {n} requests per day", "running {n} calls a day",
                "make {n} calls daily", "x {n}/day", "{n} req/day", "about {n} requests per day"],
    "req_month": ["{n} requests a month", "{n} calls per month", "{n} requests monthly", "about {n} calls/month",
                  "we run {n} calls a month", "x {n}/month", "{n} req per month"],
    "req_total": ["{n} requests total", "{n} calls in total", "for {n} requests", "{n} requests in all"],
    "req_user_day": ["{u} users x {k} messages a day", "{u} users, each sending {k} requests per day",
                     "{u} DAU doing {k} calls each per day", "{u} users * {k} requests/day each",
                     "{u} users, {k} chats a day each"],
    "req_user_month": ["{u} users, {k} requests each per month", "{u} users x {k} calls a month",
                       "{u} users each doing {k} requests monthly"],
    "ask_month": ["how much per month", "what's the monthly bill", "monthly cost", "how much a month",
                  "what would that run us per month", "cost per month", "what's that per month",
                  "estimated monthly spend"],
    "ask_day": ["cost per day", "how much per day", "what's the daily cost", "daily spend", "how much a day"],
    "ask_none": ["how much", "what would that cost", "cost", "can you estimate", "what's the cost",
                 "how much would that be"],
    "ask_single": ["how much per request", "what does one call cost", "cost per call"],
    "ask_month_front": ["how much per month for ", "what's the monthly bill for ", "monthly cost for "],
    "ask_day_front": ["daily cost for ", "how much per day for "],
    "ask_none_front": ["what would this cost: ", "estimate please: ", "cost for "],
    "sep_major": [", ", "; ", ", ", ". ", " - "],
    "sep_minor": [", ", " ", " / ", ", "],
    "end": ["?", "", "?", "??"],
}
T["zh_CN"] = {
    "numfmt": ["plain", "comma", "k", "w", "qian", "wan", "wandec", "cn"],
    "opener": ["", "", "你好，", "请问", "我们有一个应用，", "一个客服机器人，", "想估算一下：", "帮忙算下：",
               "老板让我算个账：", "hi，", "咨询一下，", "我们的小程序，"],
    "model_lead": ["{m}", "用{m}", "模型用{m}", "{m}模型", "我们用的是{m}", "{m}的话"],
    "model_tail": ["用{m}", "模型是{m}", "（{m}）", "用{m}的话", "模型选{m}"],
    "marker_pre": ["每次", "单次", "每个请求", "每次调用", "一次请求", "每条请求"],
    "input": ["输入{n}", "输入{n} token", "输入 {n}", "输入大概{n}", "prompt {n} token", "提示词{n}token",
              "input {n}", "输入{n}个token"],
    "cached": ["其中{c}命中缓存", "其中{c}走缓存", "有{c}能命中缓存", "缓存命中{c}", "其中{c}是缓存"],
    "output": ["输出{n}", "输出 {n} token", "回复{n}左右", "生成{n}", "output {n}", "输出大约{n}"],
    "thinking": ["思考{t}", "另外思考{t}", "thinking {t}", "思考token {t}", "外加思考{t}"],
    "out_incl": ["输出{o}（含思考{t}）", "输出{o}，其中思考占{t}", "输出{o}(包含思考{t})"],
    "req_day": ["每天调用{n}次", "一天请求{n}次", "日均{n}次调用", "每日跑{n}次", "每天打{n}次", "一天大概调{n}次",
                "一日调用量{n}次", "每天{n}个请求", "每天{n}次请求", "日调用{n}次"],
    "req_month": ["每月调用{n}次", "一个月请求{n}次", "每个月跑{n}次", "月调用量{n}次", "一个月大概{n}个请求",
                  "每月{n}次", "月均调用{n}次"],
    "req_total": ["总共调用{n}次", "一共跑{n}次", "总共{n}个请求", "一共请求{n}次"],
    "req_user_day": ["{u}个用户 每人每天{k}次", "有{u}个用户，每个用户一天问{k}次", "日活{u}，人均每天{k}次",
                     "{u}人，每人每天调用{k}次", "{u}个用户每人每天发{k}条"],
    "req_user_month": ["{u}个用户，每人每月{k}次", "{u}个用户 每个人一个月调用{k}次", "{u}个用户每人每月请求{k}次"],
    "ask_month": ["一个月多少钱", "每月费用多少", "一个月大概要花多少", "月费大概多少", "一个月账单大概多少",
                  "每个月得花多少钱", "一个月要多少美元", "一个月大概多少刀", "算下每月成本"],
    "ask_day": ["每天多少钱", "一天要花多少", "每日成本多少", "一天的费用大概多少", "一天多少刀"],
    "ask_none": ["多少钱", "费用多少", "大概要多少钱", "怎么算", "帮忙算一下", "成本多少"],
    "ask_single": ["一次多少钱", "单次调用多少钱", "每次请求多少钱"],
    "ask_month_front": ["算一下一个月多少钱：", "每月费用多少？", "问下一个月要花多少："],
    "ask_day_front": ["算下每天多少钱：", "一天要花多少？"],
    "ask_none_front": ["帮忙算下费用：", "估个价："],
    "sep_major": ["，", ",", " ", "；", "， ", "，"],
    "sep_minor": ["，", " ", "", "、", ","],
    "end": ["？", "?", "", "呢？", "呢", "？"],
}
T["zh_TW"] = {
    "numfmt": ["plain", "comma", "k", "qian", "wan", "wandec", "cn"],
    "opener": ["", "", "你好，請問", "想請問一下，", "我們有個客服機器人，", "一個聊天機器人，", "嗨，",
               "幫我算一下：", "我們公司的App，", "請教一下，", "不好意思想問，"],
    "model_lead": ["{m}", "用{m}", "模型用{m}", "{m}模型", "我們用的是{m}", "如果用{m}"],
    "model_tail": ["用{m}", "模型是{m}", "（{m}）", "用{m}的話", "模型選{m}"],
    "marker_pre": ["每次", "每則", "每個請求", "每次呼叫", "單次", "一次請求"],
    "input": ["輸入{n}", "輸入 {n} tokens", "prompt 約{n} token", "輸入大約{n}", "input {n}", "輸入{n} token"],
    "cached": ["其中{c}命中快取", "快取命中{c}", "其中{c}走快取", "有{c}可以吃到快取", "其中{c}是快取"],
    "output": ["輸出{n}", "回覆約{n} token", "輸出大概{n}", "產生{n}", "output {n}", "輸出 {n} tokens"],
    "thinking": ["思考{t}", "另外還有思考{t}", "thinking {t}", "思考 token {t}", "加上思考{t}"],
    "out_incl": ["輸出{o}（含思考{t}）", "輸出{o}，其中思考佔{t}", "輸出{o}(包含思考{t})"],
    "req_day": ["每天呼叫{n}次", "一天大約請求{n}次", "每日{n}次呼叫", "一天打{n}次API", "每天跑{n}次",
                "每天{n}個請求", "一天大概{n}則訊息", "日均{n}次", "每天大概呼叫{n}次"],
    "req_month": ["每個月呼叫{n}次", "一個月大約{n}次請求", "每月{n}個請求", "一個月跑{n}次", "每個月大概{n}次呼叫",
                  "月均{n}次"],
    "req_total": ["總共呼叫{n}次", "一共{n}次請求", "總共跑{n}次"],
    "req_user_day": ["{u}位使用者，每人每天{k}次", "{u}個用戶 每人一天問{k}則", "日活{u}人，平均每人每天{k}次",
                     "{u}位會員每人每天呼叫{k}次", "{u}個使用者每天各問{k}次"],
    "req_user_month": ["{u}位使用者，每人每月{k}次", "{u}個用戶 每個人一個月{k}次", "{u}位會員每人每個月呼叫{k}次"],
    "ask_month": ["一個月要多少錢", "每個月大概多少", "月費大概多少", "一個月帳單會多少", "每月要花多少美金",
                  "一個月大概要花多少", "每個月的費用大約多少", "一個月帳單大概幾美金"],
    "ask_day": ["一天要多少錢", "每天大概多少", "一天的費用多少", "每天要花多少美金"],
    "ask_none": ["要多少錢", "費用大概多少", "幫我算一下", "大概多少錢", "成本多少"],
    "ask_single": ["一次要多少錢", "每次呼叫多少錢", "單次請求費用多少"],
    "ask_month_front": ["想算一下一個月要多少錢：", "每個月帳單大概多少？", "請問月費大概多少："],
    "ask_day_front": ["想知道一天要多少錢：", "每天大概多少？"],
    "ask_none_front": ["幫我估一下費用：", "請問費用："],
    "sep_major": ["，", ",", " ", "；", "， ", "，"],
    "sep_minor": ["，", " ", "", "、", ","],
    "end": ["？", "?", "", "呢？", "嗎？", "？"],
}
# zh_TW "嗎？" only fits some asks; replaced below when the ask is a wh-question.

ORDERS = ["MURA", "MURA", "URMA", "RUMA", "MRUA", "URAM", "RMUA", "AMUR", "UMRA"]

INPUTS = [300, 500, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000, 10000, 12000,
          15000, 20000, 25000, 30000, 40000, 50000, 60000, 80000, 100000, 120000, 150000, 200000]
OUTPUTS = [100, 150, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 3000, 4000, 5000]
CACHED = [200, 500, 1000, 1500, 2000, 3000, 4000, 5000, 8000, 10000, 15000, 20000, 30000, 40000,
          50000, 60000, 80000, 100000, 150000]
THINKING = [500, 1000, 1500, 2000, 3000, 4000, 5000, 8000, 10000]
REQ_DAY = [50, 100, 200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 20000, 30000, 50000, 100000]
REQ_MONTH = [1000, 5000, 10000, 20000, 30000, 50000, 100000, 150000, 200000, 300000, 500000, 1000000]
REQ_TOTAL = [100, 500, 1000, 5000, 10000, 20000, 50000, 100000]
USERS = [50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000, 10000]
PER_USER_DAY = [3, 4, 5, 6, 8, 10, 12, 15, 20, 30]
PER_USER_MONTH = [10, 20, 30, 40, 50, 100]

# ----------------------------------------------------------------------------------------------
# Number rendering and (independent) parsing
# ----------------------------------------------------------------------------------------------
CN_D = "零一二三四五六七八九"


def cn_numeral(v, trad):
    wan = "萬" if trad else "万"
    two = "兩" if trad else "两"
    for unit, name in ((10 ** 6, "百" + wan), (10 ** 5, "十" + wan), (10 ** 4, wan), (1000, "千"), (100, "百")):
        if v % unit == 0 and 1 <= v // unit <= 9:
            d = v // unit
            if unit == 10 ** 5:
                return ("十" if d == 1 else CN_D[d] + "十") + wan
            return (two if d == 2 else CN_D[d]) + name
    return None


def _dec(x):
    s = ("%.1f" % x)
    return s[:-2] if s.endswith(".0") else s


def render_num(v, fmt, lang):
    """Render v in format fmt, or None if fmt cannot express v exactly and naturally."""
    trad = lang == "zh_TW"
    if fmt == "plain":
        return str(v)
    if fmt == "comma":
        return "{:,}".format(v) if v >= 1000 else None
    if fmt in ("k", "K"):
        if v >= 1000 and v % 1000 == 0 and v < 10 ** 6:
            return "%d%s" % (v // 1000, fmt)
        return None
    if fmt == "kdec":
        if 1000 < v < 100000 and v % 100 == 0 and v % 1000 != 0:
            return _dec(v / 1000) + "k"
        return None
    if fmt == "M":
        if v >= 10 ** 6 and v % 100000 == 0:
            return _dec(v / 10 ** 6) + "M"
        return None
    if fmt == "w":
        if v >= 10000 and v % 1000 == 0:
            return _dec(v / 10000) + "w"
        return None
    if fmt == "qian":
        if 1000 <= v < 10000 and v % 1000 == 0:
            return "%d千" % (v // 1000)
        return None
    if fmt == "wan":
        if v >= 10000 and v % 10000 == 0:
            return "%d%s" % (v // 10000, "萬" if trad else "万")
        return None
    if fmt == "wandec":
        if v > 10000 and v % 1000 == 0 and v % 10000 != 0:
            return _dec(v / 10000) + ("萬" if trad else "万")
        return None
    if fmt == "cn":
        return cn_numeral(v, trad)
    raise ValueError(fmt)


CN_VAL = {c: i for i, c in enumerate(CN_D)}
CN_VAL.update({"两": 2, "兩": 2})
CN_UNIT = {"十": 10, "百": 100, "千": 1000}
MULT = {"k": 1000, "K": 1000, "w": 10000, "W": 10000, "千": 1000, "万": 10000, "萬": 10000, "M": 10 ** 6}


def parse_amount(s):
    """Independent re-derivation of the integer a rendered amount stands for."""
    m = re.fullmatch(r"([0-9][0-9,]*(?:\.[0-9]+)?)(k|K|w|W|千|万|萬|M)?", s)
    if m:
        num = float(m.group(1).replace(",", ""))
        val = num * MULT.get(m.group(2), 1)
        assert abs(val - round(val)) < 1e-6, s
        return int(round(val))
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in CN_VAL:
            digit = CN_VAL[ch]
        elif ch in CN_UNIT:
            section += (digit or 1) * CN_UNIT[ch]
            digit = 0
        elif ch in "万萬":
            total += (section + digit) * 10000
            section, digit = 0, 0
        else:
            raise ValueError("cannot parse amount %r" % s)
    return total + section + digit


NUM_CHARS = "0-9０-９一二两兩三四五六七八九十百千万萬"


def count_token(q, tok):
    pat = (r"(?<![%s])(?<![0-9][.,])" % NUM_CHARS) + re.escape(tok) + \
          r"(?![0-9０-９kKwWmM千万萬百十])(?![.,][0-9])"
    return len(re.findall(pat, q))


# ----------------------------------------------------------------------------------------------
# Generator
# ----------------------------------------------------------------------------------------------
class Reject(Exception):
    pass


class Q:
    def __init__(self, lang, rng):
        self.lang, self.rng, self.tab = lang, rng, T[lang]
        self.amounts = []      # (role, value, token)
        self.variants = []     # slot:variant strings
        self.model_text = None

    def pick(self, slot, weights=None):
        lst = self.tab[slot]
        i = self.rng.choices(range(len(lst)), weights=weights)[0] if weights else self.rng.randrange(len(lst))
        self.variants.append("%s#%d" % (slot, i))
        return lst[i]

    def num(self, role, v):
        fmts = [f for f in self.tab["numfmt"] if render_num(v, f, self.lang) is not None]
        # slang/numerals are everyday but not the majority
        f = self.rng.choice(fmts)
        tok = render_num(v, f, self.lang)
        self.amounts.append((role, v, tok))
        self.variants.append("numfmt:%s" % f)
        return tok


def _glue(sep, parts):
    """join; an empty separator never glues Latin/digits onto Latin/digits ("tokensoutput")"""
    out = parts[0]
    for p in parts[1:]:
        s = sep
        if not s.strip() and s != " " and re.search(r"[A-Za-z0-9)]$", out) and re.match(r"[A-Za-z0-9(]", p):
            s = " "
        out += s + p
    return out


def _join(sep, nxt, zh):
    """separator before a cached/thinking clause; never glue Latin text onto an amount"""
    if not zh and nxt.startswith("("):
        return " "
    if sep == "" and re.match(r"[A-Za-z0-9(]", nxt):
        return " "
    return sep


def gen_one(lang, rng):
    q = Q(lang, rng)
    tab = q.tab
    zh = lang != "en"
    exp = {"intent": "estimate"}
    note = []

    # --- model
    model = None
    if rng.random() < 0.8:
        ids = list(MODEL_WEIGHTS)
        model = rng.choices(ids, weights=[MODEL_WEIGHTS[i] for i in ids])[0]
        forms = MODELS[model]
        fi = rng.randrange(len(forms))
        q.model_text = forms[fi]
        q.variants.append("model:%s" % model)
        q.variants.append("modelform:%s" % forms[fi])
    else:
        q.variants.append("model:(default)")

    # --- usage per request
    inp = rng.choice(INPUTS)
    cached = 0
    if rng.random() < 0.25:
        opts = [c for c in CACHED if c < inp and c * 10 >= inp * 3]
        if opts:
            cached = rng.choice(opts)
    think_mode = rng.choices(["none", "plus", "incl"], weights=[70, 20, 10])[0]
    if model == "gemini-2.0-flash":
        think_mode = "none"   # 2.0 flash has no thinking; don't ask a question an expert would query
    if think_mode == "none":
        out_vis, thinking, output = rng.choice(OUTPUTS), 0, None
        output = out_vis
    elif think_mode == "plus":
        out_vis, thinking = rng.choice(OUTPUTS), rng.choice(THINKING)
        output = out_vis + thinking
    else:
        thinking = rng.choice(THINKING)
        opts = [o for o in OUTPUTS + [6000, 8000, 10000, 12000] if o > thinking]
        output = rng.choice(opts)
        out_vis = None
    q.variants.append("think_mode:%s" % think_mode)
    q.variants.append("has_cached:%s" % ("yes" if cached else "no"))

    order = rng.choice(ORDERS)
    in_part = q.pick("input").format(n=q.num("input", inp))
    sep_minor = q.pick("sep_minor")
    if cached:
        c_txt = q.pick("cached").format(c=q.num("cached", cached))
        in_part = in_part + _join(sep_minor, c_txt, zh) + c_txt
    if think_mode == "none":
        out_part = q.pick("output").format(n=q.num("output", out_vis))
    elif think_mode == "plus":
        out_part = q.pick("output").format(n=q.num("output", out_vis))
        th = q.pick("thinking").format(t=q.num("thinking", thinking))
        out_part = out_part + (" " if not zh else _join(sep_minor, th, zh)) + th
        note.append("output %d + thinking %d" % (out_vis, thinking))
    else:
        out_part = q.pick("out_incl").format(o=q.num("output", output), t=q.num("thinking", thinking))
        note.append("output %d already includes thinking %d" % (output, thinking))
    if rng.random() < 0.15:
        parts = [out_part, in_part]
        q.variants.append("usage_order:out_first")
    else:
        parts = [in_part, out_part]
        q.variants.append("usage_order:in_first")
    if (sep_minor == "" or (not zh and sep_minor == " ")) and (cached or thinking):
        usage = " ".join(parts)   # long usage with no separator at all is unreadable
    else:
        usage = _glue(sep_minor, parts) if sep_minor.strip() or zh else ", ".join(parts)
    if not zh and sep_minor == " ":
        usage = " ".join(parts)
    mk = rng.random()
    en_front = (not zh) and order.startswith("A") and order.lstrip("AM").startswith("U") and \
        (order[1] == "U" or q.model_text is None)
    if mk < 0.55 and not en_front:
        usage = q.pick("marker_pre") + usage
    elif not zh and mk < 0.8:
        usage = usage + q.pick("marker_post")
    else:
        q.variants.append("marker_none:-")

    # --- request count and period
    rk = rng.choices(["day", "month", "user_day", "user_month", "total", "single"],
                     weights=[45, 20, 15, 5, 7, 8])[0]
    q.variants.append("reqkind:%s" % rk)
    period = None
    requests = 1
    if rk == "day":
        requests = rng.choice(REQ_DAY)
        req = q.pick("req_day").format(n=q.num("requests", requests))
        period = "day"
    elif rk == "month":
        requests = rng.choice(REQ_MONTH)
        req = q.pick("req_month").format(n=q.num("requests", requests))
        period = "month"
    elif rk == "total":
        requests = rng.choice(REQ_TOTAL)
        req = q.pick("req_total").format(n=q.num("requests", requests))
    elif rk in ("user_day", "user_month"):
        users = rng.choice(USERS)
        k = rng.choice(PER_USER_DAY if rk == "user_day" else PER_USER_MONTH)
        tpl = q.pick("req_" + rk)
        req = tpl.format(u=q.num("users", users), k=str(k))
        q.amounts.append(("per_user", k, str(k)))
        requests = users * k
        period = "day" if rk == "user_day" else "month"
        note.append("%d users x %d per %s = %d requests/%s" % (users, k, period, requests, period))
    else:
        req = None

    # --- asked period
    if rk == "single":
        asked, akey = None, "ask_single"
    elif rk == "total":
        asked, akey = None, "ask_none"
    else:
        asked = rng.choices(["month", "day", None], weights=[60, 20, 20])[0]
        if period == "month" and asked == "day" and rng.random() < 0.7:
            asked = "month"
        akey = {"month": "ask_month", "day": "ask_day", None: "ask_none"}[asked]
    q.variants.append("asked:%s" % asked)

    # --- assemble
    if rk == "single":
        order = order.replace("R", "")
    if q.model_text is None:
        order = order.replace("M", "")
    q.variants.append("order:%s" % (order or "-"))
    sep = q.pick("sep_major")
    front_ask = order.startswith("A")
    pieces = []
    for i, slot in enumerate(order):
        if slot == "M":
            tpl = q.pick("model_lead") if i < order.index("U") else q.pick("model_tail")
            pieces.append(tpl.format(m=q.model_text) + ("\x00" if tpl.endswith(":") else ""))
        elif slot == "U":
            pieces.append(usage)
        elif slot == "R":
            pieces.append(req)
        elif slot == "A":
            if front_ask:
                continue
            pieces.append(q.pick(akey))
    body = _glue(sep, pieces)
    body = re.sub("\x00" + re.escape(sep), " ", body)  # "gemini-2.5-flash: 2k in ..." keeps its colon
    if front_ask:
        fk = {"ask_month": "ask_month_front", "ask_day": "ask_day_front"}.get(akey, "ask_none_front")
        body = q.pick(fk) + body
        end = ""
    else:
        end = q.pick("end")
        if end == "嗎？":
            end = "？"
    opener = q.pick("opener")
    if front_ask and opener.endswith(("：", ": ")):
        opener = ""
    text = opener + body + end
    text = re.sub(r"\s+", " ", text).strip()

    # --- expectation
    if model:
        exp["model"] = model
    exp["input"] = inp
    if cached:
        exp["cached"] = cached
    exp["output"] = output
    if thinking:
        exp["thinking"] = thinking
    if requests != 1:
        exp["requests"] = requests
    if period:
        exp["period"] = period
    if asked:
        exp["asked"] = asked
    sig = (order, tuple(v for v in q.variants if v.split("#")[0] in
                        ("input", "output", "req_day", "req_month", "req_user_day", "req_user_month",
                         "req_total", "ask_month", "ask_day", "ask_none", "ask_single")))
    slots = dict(model=model, inp=inp, cached=cached, out_vis=out_vis, thinking=thinking, output=output,
                 think_mode=think_mode, requests=requests, period=period, asked=asked, rk=rk)
    return text, exp, "; ".join(note), sig, q, slots


# ----------------------------------------------------------------------------------------------
# Self-check
# ----------------------------------------------------------------------------------------------
ALLOWED = ["intent", "model", "input", "cached", "output", "thinking", "requests", "period", "asked"]
STRAY = re.compile(r"[0-9０-９]|[两兩二三四五六七八九十百千万萬]")


def mark_amounts(text, q):
    t = text.replace(q.model_text, " M ") if q.model_text else text
    for _, _, tok in sorted(q.amounts, key=lambda a: -len(a[2])):
        t = re.sub((r"(?<![%s])" % NUM_CHARS) + re.escape(tok) + r"(?![0-9kKwWmM千万萬百十])", "\x01", t, count=1)
    return t


def check(text, exp, q, slots):
    """Raise Reject for a collision the generator should resample; AssertionError for a real bug."""
    # every rendered amount re-derives to its slot value and occurs exactly once
    vals = {}
    for role, v, tok in q.amounts:
        assert parse_amount(tok) == v, (tok, v)
        n = count_token(text, tok)
        if n != 1:
            raise Reject("amount %r occurs %d times" % (tok, n))
        vals.setdefault(role, []).append(v)
    # nothing numeric left once model name and amounts are removed (no unexplained numbers)
    rest = text
    if q.model_text:
        if rest.count(q.model_text) != 1:
            raise Reject("model text not unique")
        rest = rest.replace(q.model_text, " ")
    for _, _, tok in sorted(q.amounts, key=lambda a: -len(a[2])):
        rest = re.sub((r"(?<![%s])" % NUM_CHARS) + re.escape(tok) + r"(?![0-9kKwWmM千万萬百十])", " ", rest, count=1)
    if re.search(r"\x01[\s,，;；、/()（）:：.\-]*\x01", mark_amounts(text, q)):
        raise Reject("two amounts side by side")
    if STRAY.search(rest):
        raise Reject("stray number-like text in %r" % rest)
    # re-derive the expectation from the text-level amounts
    assert vals["input"] == [slots["inp"]]
    assert exp["input"] == parse_amount([t for r, _, t in q.amounts if r == "input"][0])
    if slots["cached"]:
        assert exp["cached"] == vals["cached"][0] and exp["cached"] <= exp["input"]
    else:
        assert "cached" not in exp
    if slots["think_mode"] == "plus":
        assert exp["output"] == vals["output"][0] + vals["thinking"][0]
        assert exp["thinking"] == vals["thinking"][0]
    elif slots["think_mode"] == "incl":
        assert exp["output"] == vals["output"][0] and exp["thinking"] == vals["thinking"][0]
    else:
        assert exp["output"] == vals["output"][0] and "thinking" not in exp
    assert exp["output"] >= exp.get("thinking", 0)
    rk = slots["rk"]
    if rk in ("user_day", "user_month"):
        assert exp["requests"] == vals["users"][0] * vals["per_user"][0]
    elif rk == "single":
        assert "requests" not in exp and "period" not in exp
    else:
        assert exp.get("requests", 1) == vals["requests"][0]
    # schema shape
    assert list(exp) == [k for k in ALLOWED if k in exp], list(exp)
    assert exp.get("model", DEFAULT_MODEL) in MODEL_IDS
    assert exp.get("period") in (None, "day", "month") and exp.get("asked") in (None, "day", "month")
    for k in ("input", "cached", "output", "thinking", "requests"):
        if k in exp:
            assert isinstance(exp[k], int) and exp[k] > 0, (k, exp[k])
    if "requests" in exp:
        assert exp["requests"] != 1
    if "period" not in exp and rk != "total":
        assert rk == "single"
    assert "\n" not in text and len(text) < 300


def build(lang, seed, n, avoid_sigs=frozenset(), avoid_texts=frozenset()):
    rng = random.Random("%s-%d" % (lang, seed))
    out, sigs, texts = [], set(), set()
    stats = collections.Counter()
    rejects = collections.Counter()
    tries = 0
    while len(out) < n:
        tries += 1
        assert tries < n * 200, "generator stuck"
        text, exp, note, sig, q, slots = gen_one(lang, rng)
        try:
            check(text, exp, q, slots)
        except Reject as e:
            rejects[str(e).split(" in ")[0][:30]] += 1
            continue
        if text in texts or text in avoid_texts or sig in sigs or sig in avoid_sigs:
            rejects["duplicate/combination"] += 1
            continue
        texts.add(text)
        sigs.add(sig)
        item = {"q": text}
        if note:
            item["note"] = note
        item["expect"] = exp
        out.append(item)
        for v in q.variants:
            stats[v] += 1
    return out, sigs, texts, stats, rejects


def table_sizes(lang):
    return {k: len(v) for k, v in T[lang].items()}


def write(path, items, lang, seed, kind):
    head = ("# Generated by /work/sets/generate_everyday.py, seed %d, lang %s, date %s.\n"
            "# BLIND: written from /work/sets/SCHEMA.md only; the bot's code was not read or run.\n"
            "# Purpose: %s. %d everyday estimate questions (model/usage/count/period/asked slots).\n"
            % (seed, lang, DATE,
               "TUNING set (may be looked at while improving the parser)" if kind == "tune"
               else "HELD-OUT set (do not look at while tuning; measure only)", len(items)))
    body = yaml.safe_dump(items, allow_unicode=True, sort_keys=False, default_flow_style=None, width=10000)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + body)
    # reload and re-check the file round-trips
    back = yaml.safe_load(open(path, encoding="utf-8"))
    assert back == items, path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--outdir", default="/work/sets")
    ap.add_argument("--n", type=int, default=150)
    a = ap.parse_args()
    for lang in ("en", "zh_CN", "zh_TW"):
        print("=" * 70)
        print("%s table sizes: %s" % (lang, table_sizes(lang)))
        print("%s models: %d ids, %d surface forms" % (lang, len(MODELS), sum(map(len, MODELS.values()))))
        tune, sigs, texts, st1, rj1 = build(lang, 1, a.n)
        held, _, _, st2, rj2 = build(lang, 2, a.n, avoid_sigs=sigs, avoid_texts=texts)
        write("%s/generated-%s-tune.yaml" % (a.outdir, lang), tune, lang, 1, "tune")
        write("%s/generated-%s-heldout.yaml" % (a.outdir, lang), held, lang, 2, "heldout")
        for kind, items, st, rj in (("tune", tune, st1, rj1), ("heldout", held, st2, rj2)):
            print("-- %s %s: %d questions; resampled: %s" % (lang, kind, len(items), dict(rj)))
            groups = collections.defaultdict(collections.Counter)
            for v, c in st.items():
                if "#" in v and ":" not in v.split("#")[0]:
                    g, _, i = v.partition("#")
                    name = "%s|%s" % (i, T[lang][g][int(i)].strip() or "(empty)")
                else:
                    g, _, name = v.partition(":")
                groups[g][name] += c
            for g in sorted(groups):
                print("   %-14s %s" % (g, dict(sorted(groups[g].items(), key=lambda x: -x[1]))))
    print("all self-checks passed")


if __name__ == "__main__":
    main()
