"""Folding numbers into amount tokens (multipliers, Chinese units, signs, currencies) and reading durations said in words.

Also here: what only looks like an amount (`一个` before one, a 30-day month) dropped, `in cache` read by whether
a duration is given, and the bounds an amount is checked against.
"""

from __future__ import annotations

from decimal import Decimal

from ..engine import MAX_BUDGET_USD
from ..errors import Ambiguous, InvalidQuery
from ..tokens import Token
from .numbers import ENGLISH_MULTIPLIERS, cjk_value, is_cjk_multiplier, parse_number
from .vocab import CJK_WORDS, COUNTING_MEASURES, PERIOD_WORDS, TOKEN_WORDS, WORDS

__all__ = [
    "WORDS_BESIDE_NUMBERS",
    "read_amounts",
    "drop_article_one",
    "spoken_durations",
    "kept_in_cache",
    "thirty_day_month",
    "characters_restated_in_tokens",
    "check_amounts",
    "plain_amount",
]


#: Yuan as a unit of money (not the currency's name, which may ask for the answer in yuan).
_YUAN_UNITS = frozenset(["元", "块", "块钱"])


def _duration_after(tokens: list[Token], k: int) -> bool:
    """`这 24 小时内`: these 24 hours, the duration said again (kept: the same amount twice is one)."""
    return k < len(tokens) and (tokens[k].role or WORDS.get(tokens[k].text) or "").startswith("dur:")


def _budget_before(tokens: list[Token], first: int) -> bool:
    return any(t.role == "budget" for t in tokens[max(0, first - 4) : first])


def _currency_after(tokens: list[Token], first: int, after: int) -> str | None:
    """`100美元`, `100 dollars`: the currency that makes the amount at ``first`` money, if any.

    Not for a labelled token amount: in `输出5万 人民币` the yuan ask for the answer's currency.
    """
    if after >= len(tokens):
        return None
    word = tokens[after]
    role = word.role or WORDS.get(word.text) if word.kind in ("cjk", "word") else None
    # `50 美金` is dollars however it is spaced; a spaced 人民币 (`输出5万 人民币`) asks for the answer in yuan
    # (元, 块 are units that only ever follow money: `50 块钱` is money however it is spaced)
    if role is not None and role.startswith("fx:"):
        pass  # `5000 台币`, `300 euros`, `£200` (normalize: `200 gbp`): money in another currency, spaced or not (asked about)
    elif role == "cny" and word.kind == "cjk" and (_budget_before(tokens, first) or after + 1 < len(tokens) and tokens[after + 1].text == "预算"
                                                   or any(t.role == "budget" for t in tokens[after + 1 :])):
        pass  # `预算是每月 2000 人民币`, `每月 5000 人民币预算`, `每個月給 3000 人民幣 … 能用幾次`: the budget's currency, however spaced
    elif role not in ("usd", "cny") or (word.kind == "cjk" and not word.glued and role != "usd" and word.text not in _YUAN_UNITS):
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and ((before.role or WORDS.get(before.text) or "").startswith("label:")):
        return None
    return role


#: Currency codes that make the number after them money wherever they stand (`USD 900`, `RMB 3000`).
_CODES_BEFORE = frozenset(["usd", "rmb", "cny"])


def _currency_before(word: Token, tokens: list[Token], first: int, after: int) -> str | None:
    """`budget USD 900`, `一個月給人民幣 3000 的預算`: a currency said right before the number. A code always makes it
    money; a currency's name only beside a budget word (`人民币 输出5万` asks for the answer in yuan)."""
    if word.kind not in ("word", "cjk") or first == 0 or tokens[first - 1] is not word:
        return None
    role = word.role or WORDS.get(word.text)
    if role not in ("usd", "cny"):
        return None
    if word.kind == "word" and word.text in _CODES_BEFORE:
        return role
    near = tokens[max(0, first - 5) : min(len(tokens), after + 3)]
    # (a Chinese word has its role from the splitter already; an English one is looked up: roles come later)
    return role if any(t.role == "budget" or WORDS.get(t.text) == "budget" for t in near) else None


def read_amounts(tokens: list[Token], text: str, *, traditional: bool = False) -> list[Token]:
    """Fold numbers with their multipliers, signs and currency marks into amount tokens.

    ``traditional``: the question was written in Traditional characters, where 塊 and 元 after a number are
    New Taiwan dollars (the zh_TW reader is in Taiwan), not yuan.
    """
    out: list[Token] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind in ("num", "cjknum"):
            value = parse_number(tok.text) if tok.kind == "num" else Decimal(cjk_value(tok.text))
            other: Decimal | None = None
            if value is None:
                raise InvalidQuery("amount_too_large", amount=tok.text[:30])
            start, j = tok.start, i + 1
            # `1.2 万`: a space before the unit is still the same number
            spaced_unit = j < n and not tokens[j].glued and text[tok.end : tokens[j].start].strip() == ""
            if j < n and tokens[j].kind == "cjknum" and is_cjk_multiplier(tokens[j].text) and (tokens[j].glued or spaced_unit):
                unit = cjk_value(tokens[j].text)
                value, j, other = _cjk_compound(tokens, j + 1, value * unit, unit, lead=tok.text if tok.kind == "num" else "",
                                                spaced=not tokens[j].glued)
            elif j < n and tokens[j].kind == "cjknum" and tokens[j].glued and _unit_then_zero(tokens[j].text):
                # `20万零1`: the zero says the digits after it are ones, not the next unit down
                value *= cjk_value(tokens[j].text.rstrip("零"))
                j += 1
                if j < n and tokens[j].kind == "num" and tokens[j].glued and tokens[j].text.isdigit():
                    value += Decimal(tokens[j].text)
                    j += 1
            elif j < n and tokens[j].kind == "word" and tokens[j].text in ENGLISH_MULTIPLIERS:
                # `50k` glued, or `1 million` spaced; a spaced single letter is still a multiplier
                if tokens[j].text == "mil":
                    other = value * 1000  # `30 mil`: a million in English slang, a thousand (mil) to a Portuguese writer
                value *= ENGLISH_MULTIPLIERS[tokens[j].text]
                j += 1
            amount = Token("amount", "", start, tokens[j - 1].end, tok.glued, value=value, other_value=other)
            amount.after_break, amount.after_colon = tok.after_break, tok.after_colon  # `in, 2k out`: the comma before the number is kept
            if out and out[-1].text == "-" and tok.glued and (not out[-1].glued or out[-2].kind in ("sym", "cjk")):
                raise InvalidQuery("negative_amount", amount="-" + tok.text + "".join(t.text for t in tokens[i + 1 : j]))
            if out and out[-1].kind == "sym" and out[-1].text in ("$", "¥"):
                amount.money = "usd" if out.pop().text == "$" else "cny"
            elif out and out[-1].kind == "cjk" and (out[-1].role or "").startswith("fx:"):
                amount.money = out[-1].role  # `预算台币 5000`: money in a currency named before it
            elif out and _currency_after(tokens, i, j) is None and (named := _currency_before(out[-1], tokens, i, j)) is not None:
                amount.money = named  # `budget USD 900`, `人民幣 3000 的預算`
                out[-1].role = "skip"
            elif j < n and tokens[j].text == "$" and tokens[j].glued:
                amount.money = "usd"  # `300$/month`: the sign after the number, as many write it
                j += 1
            currency = _currency_after(tokens, i, j)
            named_yuan = (out and out[-1].role == "cny") or (j + 1 < n and tokens[j + 1].role == "cny")  # `人民幣 3000 元`
            if currency == "cny" and traditional and tokens[j].text in _YUAN_UNITS and not named_yuan:
                currency = "fx:TWD"  # `一天預算 300 塊`: NT$300
            if currency is not None:
                amount.money = currency
                j += 1
            elif j + 2 < n and tokens[j].text == "/" and tokens[j + 1].text in PERIOD_WORDS and _currency_after(tokens, i, j + 2) == "usd":
                amount.money = "usd"  # `800/month USD`: the currency after the budget's period is the budget's
                tokens[j + 2].role = "skip"
            amount.text = text[tok.start : tokens[j - 1].end]  # as typed (normalized), e.g. "1 million"
            out.append(amount)
            i = j
            continue
        out.append(tok)
        i += 1
    return out


def _unit_then_zero(text: str) -> bool:
    """`万零`, `千零`: units then 零, as in `20万零1`."""
    return text.endswith("零") and is_cjk_multiplier(text.rstrip("零"))


def _cjk_compound(tokens: list[Token], j: int, value: Decimal, unit: int, *, lead: str, spaced: bool = False) -> tuple[Decimal, int, Decimal | None]:
    """Digits and smaller units glued after `1万`: `1万5千` is 15,000, `3万2千5百` 32,500, as people write them.

    A last digit with no unit means the next unit down, as in speech (`1万5` 15,000, `2千5` 2,500).
    After more than one leading digit readers differ: `10万5` is 105,000 to one (10万5千) and 100,005
    to another (the digits as written), so it is one amount with both values, asked about. Returns the
    value, the next token and the other reader's value (None when there is one reading).
    ``spaced``: the number is written with a space before each unit (`1 萬 2 千` is 12,000), so the
    next digits and unit may be spaced too.
    """
    n = len(tokens)
    while j < n and tokens[j].kind == "num" and (tokens[j].glued or spaced and not tokens[j].after_break) and tokens[j].text.isdigit():
        digits = Decimal(tokens[j].text)
        nxt = tokens[j + 1] if j + 1 < n else None
        if nxt is not None and (nxt.glued or spaced) and nxt.kind == "cjknum" and is_cjk_multiplier(nxt.text):
            smaller = cjk_value(nxt.text)
            if smaller >= unit:
                break  # `1万5万`: not one number
            value, unit, j = value + digits * smaller, smaller, j + 2
            continue
        short = len(tokens[j].text) == 1 and unit >= 100 and lead.isdigit()
        if short and not (nxt is not None and nxt.glued and nxt.kind in ("word", "num", "cjknum")):
            other = value + digits if len(lead) > 1 else None
            return value + digits * unit // 10, j + 1, other
        break
    return value, j, None


def drop_article_one(tokens: list[Token]) -> list[Token]:
    """Numbers that are no amount of the question's:

    - `把一个20万token的文档`: 一个 before an amount is "a", not one more amount to ask about;
    - `三个比一下`, `两个模型对比`: how many things are compared;
    - `超过20万是不是更贵`, `above the 200k tier`: a threshold asked about, not a part of the usage.
    """
    drop: set[int] = set()
    for i in range(len(tokens) - 2):
        if tokens[i].kind == "amount" and tokens[i].text == "一" and tokens[i + 1].text == "个" and tokens[i + 2].kind == "amount":
            drop.update((i, i + 1))
    models_before = 0
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        models_before += i > 0 and tokens[i - 1].kind == "model"
        if tok.kind == "amount" and nxt.text in ("个", "种", "款") and tok.money is None and models_before >= 2 and tok.value == models_before:
            drop.update((i, i + 1))  # `2.5 flash、3 flash、3.5 flash 三個`: the models named, counted
        elif (tok.kind == "amount" and nxt.text in ("个", "种") and tok.money is None and i + 2 < len(tokens)
              and tokens[i + 2].text in ("方案", "选项", "模型", "版本", "选择")):
            drop.update((i, i + 1))  # `兩個方案選：pro vs flash`: how many choices, no amount
        elif tok.kind == "amount" and nxt.text == "个" and tok.money is None:
            after = i + 2 + (i + 2 < len(tokens) and tokens[i + 2].role == "model_kw")
            compared_before = tok.value is not None and tok.value <= 9 and any(t.role in ("compare", "alt") for t in tokens[:i])
            compare_soon = any(t.role == "compare" for t in tokens[after : after + 3])  # `两个一个月差多少`
            label_next = after < len(tokens) and (tokens[after].role or "").startswith("label:")
            if compare_soon or compared_before and (after >= len(tokens) or tokens[after].after_break or label_next):
                drop.update((i, i + 1))  # `比较一下 A、B、C 三个，…`
        elif (tok.kind == "amount" and tok.money is None and tok.value is not None and 2 <= tok.value <= 5
              and (nxt.kind == "cjk" and nxt.text[:1] in "个個种種" and nxt.text[1:3] in _OPTIONS_CJK or nxt.text in ("options", "choices", "models"))):
            drop.update((i, i + 1))  # `兩個方案選`, `two options`: the models compared, no amount
        elif tok.kind == "amount" and nxt.text[:1] == "点" and nxt.kind == "cjk" and tok.value is not None and tok.value <= 24 and tok.value == int(tok.value):
            drop.update((i, i + 1))  # `早上 9 点到晚上 9 点`: a time of day
            minutes = tokens[i + 2] if i + 2 < len(tokens) and nxt.text == "点" else None
            ranged = any(t.text in ("到", "至", "-", "~", "～", "to") for t in tokens[max(i - 2, 0) : i] + tokens[i + 3 : i + 5])
            if minutes is not None and minutes.kind == "amount" and minutes.glued and minutes.money is None and (minutes.value or 0) < 60 and not ranged:
                drop.add(i + 2)  # `9点50`, `九点五十跑一次`: its minutes, no count (in a range, `9点30 到 11点30`, kept: asked)
                if i + 3 < len(tokens) and tokens[i + 3].text == "分" and tokens[i + 3].glued:
                    drop.add(i + 3)
        elif tok.text == "双" and nxt.kind == "amount" and nxt.value in (11, 12) and nxt.glued:
            drop.update((i, i + 1))  # `雙11`: the shopping festival, no amount
        elif tok.kind == "amount" and tok.money is None and tok.value in _HOTLINES and tok.other_value is None and nxt.kind == "cjk" and (
                nxt.role is None or nxt.text in ("项目", "热线", "专线", "平台", "系统", "那边", "那里", "这边")
                or nxt.text[:1] not in COUNTING_MEASURES | {"名", "位", "人", "次"} and nxt.role not in ("count", "people", "count_verb")):
            drop.add(i)  # `12345项目`, `1999 陳情案件`, `1999 分類專案`: a hotline's number is its name (`1999 名学生` counts)
        elif tok.kind == "amount" and tok.money is None and tok.value in _HOTLINES and nxt.text in ("request", "line", "hotline", "center", "centre", "call", "service"):
            drop.add(i)  # `311 request classifier`: the city's service line, named by its number (a count would be plural)
        elif tok.kind == "amount" and tok.value == 618 and tok.money is None and nxt.text in ("活动", "大促", "期间", "当天", "购物节"):
            drop.add(i)  # `618 活动`: the June 18 shopping festival, no amount
        elif tok.kind == "cjk" and nxt.kind == "amount" and (tok.text in _THRESHOLD_WORDS or tok.text in _PASSING_WORDS
                                                             or tok.text in ("这", "那") and nxt.money is None and not _duration_after(tokens, i + 2)):  # `算在这2k里`: one given
            drop.update((i, i + 1))
        elif tok.kind == "amount" and tok.money is None and nxt.kind == "word" and nxt.text in _TIER_WORDS:
            drop.update((i, i + 1))  # `the 200k tier`, `the 200k threshold`
        elif (tok.kind == "word" and tok.text in _ABOVE_WORDS and nxt.kind == "amount" and nxt.money is None and i + 2 < len(tokens)
              and tokens[i + 2].text in ("context", "ctx")):
            drop.update((i, i + 1))  # `per 1M input tokens once you're above 200k context`: the long-context tier
    drop.update(_where_a_total_is_spread(tokens))
    for k in _one_of_those_counted(tokens):
        tokens[k].kind, tokens[k].role, tokens[k].value = "cjk", "one_of", None  # kept as a word: `一节课` names the unit
    # `一学期大概出 60 份`, `一個賽季`: one term or season is the span the count is said in, no amount
    drop.update(k for k in range(len(tokens) - 1) if tokens[k].kind == "amount" and tokens[k].text == "一" and tokens[k + 1].role == "span")
    drop.update(k for k in range(len(tokens) - 1) if tokens[k].kind == "amount" and tokens[k].text == "一" and _a_whole_thing(tokens, k + 1))
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


#: What the models compared are called, after a measure word (`兩個方案`, `两种选项`, `三个模型`).
_OPTIONS_CJK = frozenset(["方案", "选项", "選項", "模型", "选择", "選擇"])


#: Places and groups a count is spread over (`across our 14 branches`), never requests, languages or passes.
_PLACES = frozenset(["branches", "locations", "sites", "stores", "shops", "clinics", "hospitals", "offices", "schools", "campuses",
                     "regions", "teams", "departments", "countries", "cities", "outlets", "restaurants", "warehouses", "franchises",
                     "properties", "hotels", "libraries", "servers", "channels"])


#: What `each` may be said of without making the places factors (`each convo turn is 1.2k in … across 14 locations`).
_SAID_OF_A_REQUEST = frozenset(["turn", "convo", "conversation", "question", "call", "request", "message", "msg", "chat", "query", "reply", "prompt"])


def _where_a_total_is_spread(tokens: list[Token]) -> set[int]:
    """`3,000 questions a day across our 14 branches`, `across 3 hospitals, 45 pharmacists`: the places a count is
    spread over, no factor of it (unless anything is said of each, but a request: `each branch does 30 a day`,
    `200 a day at each`)."""
    out: set[int] = set()
    for k in range(1, len(tokens) - 1):
        if tokens[k].kind != "amount" or tokens[k].money is not None or tokens[k + 1].kind != "word" or not tokens[k + 1].text.endswith("s"):
            continue
        j = k - 1
        while j > 0 and k - j <= 3 and tokens[j].text in ("our", "all", "the", "of", "all of"):
            j -= 1
        if tokens[j].text != "across":
            continue
        if tokens[k + 1].text not in _PLACES or any(t.text in ("each", "every", "per") and (j + 1 == len(tokens) or tokens[j + 1].text not in _SAID_OF_A_REQUEST)
                                                     for j, t in enumerate(tokens)):
            continue  # (`split across 4 requests`, `across 5 languages`: counts; `each branch does 30 a day … across 22 branches`)
        out.add(k)
    return out


#: Measure words of things a question counts (`一集 … 每天 300 集`, `一題 … 120 題`).
_ITEM_MEASURES = frozenset("集期页頁题題件份篇张張台套场場章本段则則条條单單节節间間")


def _a_whole_thing(tokens: list[Token], k: int) -> bool:
    """`一整份合同`, `一整期节目`: 一 before 整 is "a whole", no amount; `一整天` is a day's length, read as one."""
    if tokens[k].kind != "cjk" or not tokens[k].text.startswith("整"):
        return False
    after = tokens[k].text[1:2] or (tokens[k + 1].text[:1] if k + 1 < len(tokens) else "")
    return bool(after) and after not in "天日月年晚夜周週季小"


def _one_of_those_counted(tokens: list[Token]) -> set[int]:
    """`一集平均 45 分鐘 … 每天上架 300 集`, `一題 input 800 … 一學期問 120 題`: 一 before a measure word that another
    amount counts by is "one of them", an article: the thing whose usage follows, not a count of one."""
    counted = {tokens[k + 1].text[:1] for k in range(len(tokens) - 1)
               if tokens[k].kind == "amount" and tokens[k].money is None and tokens[k].value not in (None, 1) and tokens[k + 1].kind == "cjk"}
    return {k for k in range(len(tokens) - 1)
            if tokens[k].kind == "amount" and tokens[k].text == "一" and tokens[k + 1].kind == "cjk"
            and tokens[k + 1].text[:1] in _ITEM_MEASURES and tokens[k + 1].text[:1] in counted
            and not _one_asked(tokens, k) and not _size_of_one(tokens, k + 1) and not _units_of_one(tokens, k + 1)}


def _units_of_one(tokens: list[Token], k: int) -> bool:
    """`一台車拍 4 張`: one item and the pages or images it sends (images_in.py reads the item by its 一)."""
    return k + 2 < len(tokens) and tokens[k + 1].kind == "amount" and tokens[k + 2].text[:1] in "张張页頁图圖"


def _one_asked(tokens: list[Token], k: int) -> bool:
    """`先算一集多少就好`: the price of one asked, a count of one."""
    before = tokens[k - 1].text if k > 0 else ""
    after = tokens[k + 2].text if k + 2 < len(tokens) else ""
    return before.endswith("算") or after.startswith(("多少", "要多少", "的价格", "的費用", "的费用"))


def _size_of_one(tokens: list[Token], k: int) -> bool:
    """`一頁算258 token`, `一张 1290 tokens`: the tokens of one page or image (images_in.py reads them with their 一)."""
    j = k + 1
    while j < len(tokens) and tokens[j].text in ("算", "约", "大约", "大概", "按"):
        j += 1
    return j + 1 < len(tokens) and tokens[j].kind == "amount" and tokens[j + 1].text in TOKEN_WORDS


#: Government hotlines named by their number (Taipei's 1999, the mainland's 12345, North America's 311 and 911): before the case they name,
#: the number is a name.
_HOTLINES = frozenset([Decimal(311), Decimal(911), Decimal(1999), Decimal(12345)])


#: Words before a number that make it a threshold (`超过20万`: the >200k tier), not an amount.
_THRESHOLD_WORDS = frozenset(["超过", "超出", "超过了", "大于", "高于"])
#: ...and before money too: `会破 500 镁吗`, `会不会超过 5 美金` ask whether the cost passes it (an estimate, not a budget).
_PASSING_WORDS = frozenset(["破", "会破", "会不会破", "突破"])
#: Words after a number that make it a price tier's boundary (`the 200k tier`), not an amount.
_TIER_WORDS = frozenset(["tier", "threshold", "boundary", "breakpoint", "cutoff"])
#: English words before an amount of context that make it the long-context tier's boundary, as 超过 does.
_ABOVE_WORDS = frozenset(["above", "over", "past", "beyond", "exceeding", "exceed", "exceeds"])
#: The English words this pass reads beside a number (the unknown-word tests take them for known words).
WORDS_BESIDE_NUMBERS = _TIER_WORDS | _ABOVE_WORDS


_HOUR_WORDS = frozenset({"hour", "hours", "hr", "hrs"})
_STORAGE_CUES = ("cache", "缓存", "存", "保留", "store", "keep")


def spoken_durations(tokens: list[Token], text: str) -> list[Token]:
    """Durations said without digits, as amounts: `for an hour`, `for one hour`, `half an hour`,
    `for a (whole) day`, `for half a day`, `半小时`, `一整天`, and `一小时` where the question is about
    keeping a cache.

    Only where the words can mean nothing else: `1000 requests an hour` is a rate, asked about, and
    so is `一小时` with no cache in sight.
    """
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        before = out[-1].text if out else ""
        if tok.text == "half" and nxt is not None and nxt.text in ("a", "an") and after is not None and after.text in _HOUR_WORDS:
            out.append(Token("amount", "half an", tok.start, nxt.end, tok.glued, value=Decimal("0.5")))
            i += 2
            continue
        if tok.text == "half" and nxt is not None and nxt.text == "a" and after is not None and after.text == "day" and before == "for":
            out.append(Token("amount", "half a", tok.start, nxt.end, tok.glued, value=Decimal("0.5")))
            out.append(Token("word", "day", after.start, after.end, True, role="dur:24"))
            i += 3
            continue
        if tok.text in ("a", "an", "one") and before == "for" and nxt is not None and nxt.text in _HOUR_WORDS:
            out.append(Token("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal(1)))
            i += 1
            continue
        if tok.text in ("a", "one") and before == "for" and nxt is not None:
            # `for a whole day`, `for one full day`: 24 hours of storage
            whole = nxt.text in ("whole", "full", "entire")
            day = after if whole else nxt
            if day is not None and day.text == "day":
                out.append(Token("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal(1)))
                out.append(Token("word", "day", day.start, day.end, True, role="dur:24"))
                i += 3 if whole else 2
                continue
        if tok.text in ("整", "整整") and out and out[-1].kind == "amount" and nxt is not None and (nxt.role or "").startswith("dur:"):
            i += 1  # `缓存一整天`: a whole day is a day
            continue
        if (tok.kind == "amount" and tok.money is None and nxt is not None and nxt.text == "分" and after is not None
                and after.kind == "amount" and after.value is not None and after.value < 60 and i + 3 < len(tokens)
                and tokens[i + 3].text.startswith(("秒", "秒钟", "秒鐘")) and tok.value is not None):
            # `每通平均1分20秒`, `3 分 20 秒`: minutes and seconds, one length in seconds
            out.append(Token("amount", f"{tok.text}分{after.text}", tok.start, after.end, tok.glued, value=tok.value * 60 + after.value))
            i += 3
            continue
        if tok.kind == "amount" and tok.money is None and tok.value is not None and nxt is not None and nxt.text in ("分半", "分半钟", "分半鐘"):
            # `每通平均2分半`, `两分半`: two and a half minutes
            out.append(Token("amount", f"{tok.text}分半", tok.start, nxt.end, tok.glued, value=tok.value + Decimal("0.5")))
            out.append(Token("cjk", "分钟", nxt.end, nxt.end, True, role="dur:1/60"))
            i += 2
            continue
        if tok.kind == "cjk" and tok.text == "半" and nxt is not None and nxt.text in ("小时", "个小时"):
            out.append(Token("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal("0.5")))
            i += 1
            continue
        if tok.kind == "cjk" and tok.text in ("一小时", "一个小时") and any(cue in text for cue in _STORAGE_CUES):
            out.append(Token("amount", "一", tok.start, tok.start + 1, tok.glued, value=Decimal(1)))
            out.append(Token("cjk", tok.text[1:], tok.start + 1, tok.end, True, role=CJK_WORDS["小时"]))
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def kept_in_cache(tokens: list[Token], text: str) -> list[Token]:
    """`keep 250k tokens in (the context) cache for 2 days`: where tokens are kept for a time, so
    storage; with no duration, `150k in cache` is the part of the prompt read from the cache.
    (`1M in cache 1M for 2 hours`: there `cache` takes the amount after it, and `in` is the prompt.)"""
    kept_for = any(t.text == "for" for t in tokens) and any(t.text in (*_HOUR_WORDS, "day", "days") for t in tokens)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text == "in" and i + 1 < len(tokens) and out and (out[-1].kind == "amount" or out[-1].text in ("tokens", "token")):
            k = i + 1
            while k < len(tokens) and tokens[k].text in ("the", "context", "a"):
                k += 1
            after_cache = tokens[k + 1] if k + 1 < len(tokens) else None
            cache_end = tokens[k].end if k < len(tokens) else 0
            takes_amount = after_cache is not None and (
                after_cache.text == "storage" or after_cache.kind == "amount" and not text[cache_end : after_cache.start].strip(" ")
            )
            if k < len(tokens) and tokens[k].text == "cache" and not takes_amount:
                role = "label:storage" if kept_for else "label:cached"
                out.append(Token("word", "cache", tokens[k].start, tokens[k].end, tokens[k].glued, role=role))
                i = k + 1
                continue
        out.append(tok)
        i += 1
    return out


def thirty_day_month(tokens: list[Token]) -> list[Token]:
    """`a 30-day month`, `按30天算一个月`: the month the bot already counts as 30 days, not a duration."""
    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.value != 30:
            continue
        k = i + 1 + (1 if i + 1 < len(tokens) and tokens[i + 1].text == "-" else 0)
        if k < len(tokens) and tokens[k].text in ("day", "days", "天") and any(
            t.text in ("month", "months", "月", "一个月", "个月", "每月") for t in tokens[k + 1 : k + 4]
        ):
            return tokens[:i] + tokens[k + 1 :]
    return tokens


#: Words that say what an amount of characters comes to in tokens (`算`, `约`, `抓`, `大概`).
_COMES_TO = frozenset(["算", "约", "約", "抓", "大约", "大約", "大概", "差不多", "换算", "換算", "折合", "也就是", "≈", "=", "~"])


def characters_restated_in_tokens(tokens: list[Token]) -> None:
    """`500 字中文 算 750 token`, `2000字中文約3000 token`, `一章 2 萬字大約 3 萬 token`: a size in Chinese characters
    restated in tokens is the tokens; the characters' amount is left out of the figures."""
    for k in range(len(tokens) - 2):
        chars = tokens[k + 1]
        if tokens[k].kind != "amount" or tokens[k].money is not None or chars.kind != "cjk" or chars.after_break:
            continue
        if not (chars.text.startswith("字") and len(chars.text) <= 4 or chars.text in ("个字", "個字", "中文字", "汉字", "漢字")):
            continue
        j = k + 2
        while j < len(tokens) and j - k <= 4 and tokens[j].kind != "amount" and (tokens[j].text in _COMES_TO or tokens[j].role == "skip"):
            j += 1
        if j < len(tokens) and tokens[j].kind == "amount" and tokens[j].money is None and j + 1 < len(tokens) and tokens[j + 1].text in TOKEN_WORDS:
            tokens[k].as_filler()
            chars.role = "skip"


#: More amounts than any one usage has: refused before pairing, whose work grows with their number.
MAX_AMOUNTS = 40


def check_amounts(tokens: list[Token]) -> None:
    if sum(tok.kind == "amount" for tok in tokens) > MAX_AMOUNTS:
        raise Ambiguous("too_many_amounts", limit=MAX_AMOUNTS)
    for tok in tokens:
        if tok.kind == "amount" and tok.value is not None and tok.value < 0:
            raise InvalidQuery("negative_amount", amount=tok.text)
        if tok.kind == "amount" and tok.money is not None and tok.value is not None and tok.value > MAX_BUDGET_USD:
            raise InvalidQuery("budget_too_large", amount=plain_amount(tok.value), limit=int(MAX_BUDGET_USD))


def plain_amount(value: Decimal) -> str:
    """An amount as plain text (`1200`, `0.5`); a huge one short (`1e+32`), never thousands of digits."""
    if value.is_finite() and abs(value.adjusted()) > 15:
        return f"{value.normalize():.3g}"
    return format(value.normalize(), "f")
