"""The query language: free English or Chinese text in, a typed `Query` (or a typed error) out.

Reading happens in passes over a token list, each linear in the text's length (no regular expression
here can backtrack): tokenize -> model names -> amounts -> roles (labels, durations, counts) ->
pairing amounts with labels -> intent.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from .engine import Notice, Usage
from .errors import InvalidQuery
from .model_names import match_models, reject_unknown_models
from .models import ModelCard, Period
from .numbers import ENGLISH_MULTIPLIERS, cjk_value, is_cjk_multiplier, parse_number
from .ratecard import PriceBook

__all__ = ["Query", "Intent", "parse_query", "MAX_QUERY_CHARS"]

Intent = Literal["estimate", "compare", "rates", "free_tier", "budget", "help"]

#: Slack caps a slash command's text well below this; longer input is cut, not refused.
MAX_QUERY_CHARS = 4000
#: Tokens per request above this are a typo (the largest context window is about 1M).
MAX_TOKENS = 10**12

# Traditional -> Simplified for the characters our keywords use, so `輸入100萬` reads as `输入100万`.
_TRADITIONAL = str.maketrans(
    "輸萬億兩緩聯網尋請個時預調費額幣開較對處幫價計數們貴問範圍額無啟體儲優",
    "输万亿两缓联网寻请个时预调费额币开较对处帮价计数们贵问范围额无启体储优",
)

_CJK_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
# Slack markup (<@U123>, <#C1|general>, <!channel>, <https://...|text>) and its escapes are not words.
_SLACK_MARKUP = re.compile(r"<[^<>\s]{0,300}>|&(?:lt|gt|amp);")
_TOKEN = re.compile(
    r"(?P<num>(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:e[+-]?\d{1,2}(?![a-z]))?)"
    r"|(?P<word>[a-z]+)"
    r"|(?P<cjk>[\u3400-\u9fff]+)"
    r"|(?P<sym>[$¥×*=/+\-?%<>@!#&])"
)


@dataclass(slots=True)
class _Tok:
    kind: str  # num, cjknum, word, cjk, sym; later: amount, model, role, used
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the previous one
    value: Decimal | None = None
    money: str | None = None  # "usd" or "cny" for money amounts
    role: str | None = None
    model: str | None = None


@dataclass(frozen=True)
class Query:
    """What a question asks. ``usage`` is None for questions that are not about an amount."""

    intent: Intent
    usage: Usage | None = None
    models: tuple[ModelCard, ...] = ()
    model_refs: tuple[str, ...] = ()  # the words the asker used for each model
    budget_usd: Decimal | None = None
    budget_cny: Decimal | None = None
    want_cny: bool = False
    public: bool = False
    notices: tuple[Notice, ...] = field(default_factory=tuple)

    @property
    def model(self) -> ModelCard | None:
        return self.models[0] if self.models else None


# --- keyword tables -------------------------------------------------------------------------------
# English single words -> role. Multi-word phrases are matched on the word sequence (_PHRASES).
_WORDS: dict[str, str] = {
    **dict.fromkeys(["in", "input", "inputs", "prompt", "prompts"], "label:input"),
    **dict.fromkeys(["out", "output", "outputs", "completion", "completions", "response", "responses"], "label:output"),
    **dict.fromkeys(["cached", "hits", "hit", "reads"], "label:cached"),
    "cache": "label:cache",
    "storage": "label:storage",
    **dict.fromkeys(["requests", "request", "calls", "call", "reqs", "req", "times", "runs"], "count"),
    **dict.fromkeys(["searches", "queries"], "searches"),
    **dict.fromkeys(["h", "hr", "hrs", "hour", "hours"], "dur:1"),
    **dict.fromkeys(["min", "mins", "minute", "minutes"], "dur:1/60"),
    **dict.fromkeys(["d", "day", "days"], "dur:24"),
    "daily": "period:day",
    "monthly": "period:month",
    **dict.fromkeys(["batch", "batched"], "batch"),
    **dict.fromkeys(["search", "grounding", "grounded", "google"], "search"),
    **dict.fromkeys(["cny", "rmb", "yuan"], "cny"),
    **dict.fromkeys(["usd", "dollars", "dollar", "bucks"], "usd"),
    **dict.fromkeys(["budget", "afford", "fit"], "budget"),
    **dict.fromkeys(["compare", "comparison", "vs", "versus", "cheapest", "cheaper", "all"], "compare"),
    **dict.fromkeys(["rates", "rate", "price", "prices", "pricing", "pricelist", "card"], "rates"),
    **dict.fromkeys(["free", "limits", "limit", "quota", "quotas", "rpm", "rpd", "tpm"], "free"),
    **dict.fromkeys(["help", "usage", "examples", "example", "howto"], "help"),
    "public": "public",
    "model": "model_kw",
    "x": "times_sign",
}
# Words that carry no meaning here, so are not reported as "not understood".
_FILLER = frozenset(
    "a an and are as at be by can cost costs do does estimate each every for from get how i if is it "
    "its me much my of on or per please plus s the this tier to token tokens tok using use what whats "
    "when which will with would you your many tell show give about total there was were".split()
)

# Chinese keywords, matched longest first inside each CJK run.
_CJK_WORDS: dict[str, str] = {
    **dict.fromkeys(["输入", "提示词", "提示"], "label:input"),
    **dict.fromkeys(["输出", "回复", "回答", "生成"], "label:output"),
    **dict.fromkeys(["缓存命中", "命中缓存", "命中", "缓存读取", "已缓存"], "label:cached"),
    "缓存": "label:cache",
    **dict.fromkeys(["缓存存储", "存储"], "label:storage"),
    **dict.fromkeys(["次请求", "个请求", "次调用", "请求", "调用", "次"], "count"),
    **dict.fromkeys(["次搜索", "个搜索"], "searches"),
    **dict.fromkeys(["小时", "个小时", "钟头"], "dur:1"),
    "分钟": "dur:1/60",
    "天": "dur:24",
    **dict.fromkeys(["每天", "每日", "一天", "日均", "每一天"], "period:day"),
    **dict.fromkeys(["每月", "每个月", "一个月", "月均", "每一个月"], "period:month"),
    **dict.fromkeys(["批量", "批处理", "批次"], "batch"),
    **dict.fromkeys(["联网搜索", "联网", "搜索", "搜寻", "谷歌搜索", "接地"], "search"),
    **dict.fromkeys(["人民币", "元", "块"], "cny"),
    **dict.fromkeys(["美元", "美金", "刀"], "usd"),
    **dict.fromkeys(["预算", "能调用多少次", "能用多少次", "多少次", "能调用", "够用"], "budget"),
    **dict.fromkeys(["比较", "对比", "比一比", "所有模型", "最便宜", "哪个便宜", "哪个最便宜"], "compare"),
    **dict.fromkeys(["价格", "价目", "价目表", "费率", "单价", "定价", "收费", "价钱"], "rates"),
    **dict.fromkeys(["免费额度", "免费层", "免费", "额度", "限额", "限制", "配额", "速率限制"], "free"),
    **dict.fromkeys(["帮助", "怎么用", "用法", "说明", "示例", "例子"], "help"),
    **dict.fromkeys(["公开"], "public"),
    **dict.fromkeys(["模型"], "model_kw"),
    # words with a numeral in them that are not amounts
    **dict.fromkeys(["一下", "一共", "一些", "一起", "一样", "一般", "一点", "万一", "统一", "一直"], "skip"),
}
_CJK_MAX = max(len(w) for w in _CJK_WORDS)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text[:MAX_QUERY_CHARS]).lower()
    text = text.translate(_TRADITIONAL)
    text = _SLACK_MARKUP.sub(" ", text)
    return text.replace("，", ",").replace("、", ",").replace("。", " ").replace("：", ":")


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        start, last_end_next = m.span()
        tok = _Tok(kind, m.group(), start, last_end_next, start == last_end)
        last_end = last_end_next
        if kind == "cjk":
            tokens.extend(_split_cjk(tok))
        else:
            tokens.append(tok)
    return tokens


def _split_cjk(tok: _Tok) -> list[_Tok]:
    """Split a run of Chinese characters into keywords (longest match) and numerals (`输入五万`)."""
    out: list[_Tok] = []
    text, i, pending, pending_kind = tok.text, 0, "", "cjk"

    def flush(end: int) -> None:
        nonlocal pending
        if pending:
            out.append(_Tok(pending_kind, pending, tok.start + end - len(pending), tok.start + end, True))
            pending = ""

    while i < len(text):
        for size in range(min(_CJK_MAX, len(text) - i), 0, -1):
            piece = text[i : i + size]
            if piece in _CJK_WORDS:
                flush(i)
                out.append(_Tok("cjk", piece, tok.start + i, tok.start + i + size, True, role=_CJK_WORDS[piece]))
                i += size
                break
        else:
            kind = "cjknum" if text[i] in _CJK_NUMERALS else "cjk"
            if kind != pending_kind:
                flush(i)
                pending_kind = kind
            pending += text[i]
            i += 1
    flush(len(text))
    if out:
        out[0].glued = tok.glued
    return out


def _is_keyword(word: str) -> bool:
    """A word of the query language (or filler): it ends a model name typed with spaces."""
    return word in _WORDS or word in _FILLER or word in ENGLISH_MULTIPLIERS


def _currency_after(tokens: list[_Tok], first: int, after: int) -> str | None:
    """`100美元`, `100 dollars`: the currency that makes the amount at ``first`` money, if any.

    Not for a labelled token amount: in `输出5万 人民币` the yuan ask for the answer's currency.
    """
    if after >= len(tokens):
        return None
    word = tokens[after]
    role = word.role or _WORDS.get(word.text) if word.kind in ("cjk", "word") else None
    if role not in ("usd", "cny") or (word.kind == "cjk" and not word.glued):
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and ((before.role or _WORDS.get(before.text) or "").startswith("label:")):
        return None
    return role


def _read_amounts(tokens: list[_Tok], text: str) -> list[_Tok]:
    """Fold numbers with their multipliers, signs and currency marks into amount tokens."""
    out: list[_Tok] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        # a units-only numeral (十万, 百万) glued to digits was folded in below; alone it is a value
        if tok.kind in ("num", "cjknum"):
            value = parse_number(tok.text) if tok.kind == "num" else Decimal(cjk_value(tok.text))
            if value is None:
                raise InvalidQuery("amount_too_large", amount=tok.text[:30])
            start, j = tok.start, i + 1
            if j < n and tokens[j].kind == "cjknum" and is_cjk_multiplier(tokens[j].text) and tokens[j].glued:
                value *= cjk_value(tokens[j].text)
                j += 1
            elif j < n and tokens[j].kind == "word" and tokens[j].text in ENGLISH_MULTIPLIERS:
                # `50k` glued, or `1 million` spaced; a spaced single letter is still a multiplier
                value *= ENGLISH_MULTIPLIERS[tokens[j].text]
                j += 1
            amount = _Tok("amount", "", start, tokens[j - 1].end, tok.glued, value=value)
            if out and out[-1].text == "-" and tok.glued and (not out[-1].glued or out[-2].kind in ("sym", "cjk")):
                raise InvalidQuery("negative_amount", amount="-" + tok.text + "".join(t.text for t in tokens[i + 1 : j]))
            if out and out[-1].kind == "sym" and out[-1].text in ("$", "¥"):
                amount.money = "usd" if out.pop().text == "$" else "cny"
            currency = _currency_after(tokens, i, j)
            if currency is not None:
                amount.money = currency
                j += 1
            amount.text = text[tok.start : tokens[j - 1].end]  # as typed (normalized), e.g. "1 million"
            out.append(amount)
            i = j
            continue
        out.append(tok)
        i += 1
    return out


@dataclass
class _Parts:
    input: Decimal | None = None
    cached: Decimal | None = None
    output: Decimal | None = None
    storage: Decimal | None = None
    hours: Decimal | None = None
    requests: Decimal | None = None
    searches: Decimal | None = None
    period: Period | None = None
    batch: bool = False
    search: bool = False
    cache: Decimal | None = None  # `cache 1M`: storage if a duration is given, else cache hits
    budget_usd: Decimal | None = None
    budget_cny: Decimal | None = None
    want_cny: bool = False
    public: bool = False
    intents: set[str] = field(default_factory=set)
    unknown_words: list[str] = field(default_factory=list)
    unknown_cjk: bool = False


_LINK_WORDS = frozenset(["tokens", "token", "tok", "of", "the", "个", "的", "个token", "=", ":"])
_PERIOD_WORDS = {"day": "day", "days": "day", "d": "day", "month": "month", "months": "month", "mo": "month"}


def _assign_roles(tokens: list[_Tok]) -> None:
    """Give each token its role from the keyword tables, reading two-word phrases first."""
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.role is not None or tok.kind in ("used", "model", "amount"):
            continue
        if tok.text in _LINK_WORDS:
            tok.role = "link"
        elif tok.kind == "sym":
            tok.role = {"×": "times_sign", "*": "times_sign", "?": "question", "-": "link"}.get(tok.text)
            if tok.text == "/" and nxt is not None and nxt.text in _PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + _PERIOD_WORDS[nxt.text]
        elif tok.kind == "word":
            tok.role = _WORDS.get(tok.text)
            if nxt is None or nxt.kind != "word":
                continue
            pair = (tok.text, nxt.text)
            if pair in (("cache", "storage"), ("cached", "storage")):
                tok.role, nxt.role = "label:storage", "link"
            elif tok.text == "cache" and nxt.text in ("hits", "hit", "reads", "read"):
                tok.role, nxt.role = "label:cached", "link"
            elif tok.text in ("per", "a", "each", "every") and nxt.text in _PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + _PERIOD_WORDS[nxt.text]
            elif pair in (("price", "list"), ("rate", "card")):
                tok.role, nxt.role = "rates", "skip"
            elif tok.text == "in" and _WORDS.get(nxt.text) in ("cny", "usd"):
                tok.role = "skip"
            elif pair == ("how", "many"):
                tok.role, nxt.role = "budget", "skip"
            elif pair == ("free", "tier"):
                tok.role, nxt.role = "free", "skip"


def _pair(tokens: list[_Tok], parts: _Parts) -> list[_Tok]:
    """Attach amounts to labels, durations and counts; returns the amounts left unlabeled.

    An amount takes the free label just before it (`输入100万`, `in 1M`), else the one just after it
    (`1M in`): reading left to right, `1M in 50k out` pairs as people mean it.
    """
    unlabeled: list[_Tok] = []
    taken: set[int] = set()
    n = len(tokens)

    def neighbour(k: int, step: int) -> int:
        # skip words that sit between an amount and its label: `1M tokens in`, `input = 1M`
        k += step
        while 0 <= k < n and tokens[k].role == "link":
            k += step
        return k

    def role(k: int) -> str:
        return (tokens[k].role or "") if 0 <= k < n and k not in taken else ""

    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None:
            continue
        prev, nxt = neighbour(i, -1), neighbour(i, 1)
        if role(i - 1) == "times_sign":  # x100, ×100, * 100
            _set_once(parts, "requests", tok.value, tok)
            taken.add(i - 1)
        elif role(i + 1) == "times_sign" and tokens[i + 1].glued:  # 100x
            _set_once(parts, "requests", tok.value, tok)
            taken.add(i + 1)
        elif role(nxt).startswith("dur:"):
            num, _, den = role(nxt)[4:].partition("/")
            _set_once(parts, "hours", tok.value * Decimal(num) / Decimal(den or 1), tok)
            taken.add(nxt)
        elif role(nxt) == "count":
            _set_once(parts, "requests", tok.value, tok)
            taken.add(nxt)
        elif role(nxt) == "searches":
            _set_once(parts, "searches", tok.value, tok)
            parts.search = True
            taken.add(nxt)
        elif role(prev).startswith("label:"):
            _set_once(parts, role(prev)[6:], tok.value, tok)
            taken.add(prev)
        elif role(nxt).startswith("label:"):
            _set_once(parts, role(nxt)[6:], tok.value, tok)
            taken.add(nxt)
        else:
            unlabeled.append(tok)
    return unlabeled


def _set_once(parts: _Parts, name: str, value: Decimal | None, amount: _Tok) -> None:
    if getattr(parts, name) is not None:
        raise InvalidQuery("duplicate_part", part=name, amount=amount.text)
    setattr(parts, name, value)


def _collect(tokens: list[_Tok], parts: _Parts) -> None:
    """Read the roles that are not about amounts: flags, periods, currencies, unknown words."""
    for tok in tokens:
        r = tok.role or ""
        if tok.kind == "amount" and tok.money is not None:
            name = "budget_usd" if tok.money == "usd" else "budget_cny"
            _set_once(parts, name, tok.value, tok)
        elif r.startswith("period:"):
            if parts.period is not None and parts.period != r[7:]:
                raise InvalidQuery("duplicate_part", part="period", amount=tok.text)
            parts.period = r[7:]  # type: ignore[assignment]
        elif r == "batch":
            parts.batch = True
        elif r == "search":
            parts.search = True
        elif r == "cny":
            parts.want_cny = True
        elif r == "public":
            parts.public = True
        elif r in ("compare", "rates", "free", "help", "budget", "question"):
            parts.intents.add(r)
        elif tok.kind == "word" and tok.role is None:
            if tok.text not in _FILLER and len(tok.text) > 1:
                parts.unknown_words.append(tok.text)
        elif tok.kind == "cjk" and tok.role is None:
            parts.unknown_cjk = True


def _as_tokens(value: Decimal | None, what: str) -> int:
    if value is None:
        return 0
    if value != value.to_integral_value():
        raise InvalidQuery("fractional_tokens", amount=_plain(value), part=what)
    if value > MAX_TOKENS:
        raise InvalidQuery("amount_too_large", amount=_plain(value))
    return int(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def _usage(parts: _Parts, notices: list[Notice]) -> Usage | None:
    if parts.cache is not None:
        if parts.hours is not None and parts.storage is None:
            parts.storage = parts.cache
        elif parts.cached is None:
            parts.cached = parts.cache
        else:
            raise InvalidQuery("duplicate_part", part="cached", amount=_plain(parts.cache))
    if parts.storage is not None and parts.hours is None:
        raise InvalidQuery("storage_needs_hours", amount=_plain(parts.storage))
    if parts.hours is not None and parts.storage is None:
        raise InvalidQuery("hours_need_storage", hours=_plain(parts.hours))
    has_tokens = any(v is not None for v in (parts.input, parts.cached, parts.output, parts.storage))
    if not has_tokens and not parts.search:
        return None
    cached = _as_tokens(parts.cached, "cached")
    input_tokens = _as_tokens(parts.input, "input")
    if parts.cached is not None and parts.input is None:
        # `800k cached` alone: a prompt made only of cached tokens
        input_tokens = cached
        notices.append(Notice("assumed_all_cached", {"cached": cached}))
    requests = _as_tokens(parts.requests, "requests") if parts.requests is not None else 1
    searches = _as_tokens(parts.searches, "searches") if parts.searches is not None else 1
    return Usage(
        input_tokens=input_tokens,
        cached_tokens=cached,
        output_tokens=_as_tokens(parts.output, "output"),
        storage_tokens=_as_tokens(parts.storage, "storage"),
        storage_hours=parts.hours or Decimal(0),
        requests=requests,
        period=parts.period,
        batch=parts.batch,
        grounded=parts.search,
        searches_per_request=searches,
    )


def _check_amounts(tokens: list[_Tok]) -> None:
    for tok in tokens:
        if tok.kind == "amount" and tok.money is None and tok.value is not None and tok.value < 0:
            raise InvalidQuery("negative_amount", amount=tok.text)


def parse_query(text: str, book: PriceBook) -> Query:
    """Read one question. Raises `InvalidQuery` or `UnknownModel`, never anything else on any text."""
    normalized = _normalize(text)
    tokens = _tokenize(normalized)
    found_models = match_models(tokens, book)
    reject_unknown_models(tokens, book, _is_keyword)
    tokens = _read_amounts([t for t in tokens if t.kind != "used"], normalized)
    _check_amounts(tokens)
    _assign_roles(tokens)
    parts = _Parts()
    unlabeled = _pair(tokens, parts)
    _collect(tokens, parts)
    notices: list[Notice] = []
    # Amounts with no label: one is the prompt, a second the output; more is a guess we won't make.
    if unlabeled:
        slots = [name for name in ("input", "output") if getattr(parts, name) is None]
        if len(unlabeled) > len(slots) or parts.input is not None and parts.output is not None:
            raise InvalidQuery("unlabeled_amount", amount=unlabeled[len(slots) if len(unlabeled) > len(slots) else 0].text)
        for name, amount in zip(slots, unlabeled):
            setattr(parts, name, amount.value)
            notices.append(Notice("assumed_" + name, {"amount": amount.text}))
    usage = _usage(parts, notices)
    models = tuple(book.get(model_id) for model_id, _ in found_models)
    refs = tuple(ref for _, ref in found_models)
    intent = _intent(parts, usage, models)
    if parts.unknown_words and intent != "help":
        notices.append(Notice("ignored_words", {"words": parts.unknown_words[:5]}))
    return Query(
        intent=intent,
        usage=usage,
        models=models,
        model_refs=refs,
        budget_usd=parts.budget_usd,
        budget_cny=parts.budget_cny,
        want_cny=parts.want_cny,
        public=parts.public,
        notices=tuple(notices),
    )


def _intent(parts: _Parts, usage: Usage | None, models: tuple[ModelCard, ...]) -> Intent:
    wants = parts.intents
    if parts.budget_usd is not None or parts.budget_cny is not None:
        if usage is None:
            raise InvalidQuery("budget_needs_usage")
        return "budget"
    if usage is not None:
        return "compare" if "compare" in wants or len(models) > 1 else "estimate"
    if "budget" in wants:
        raise InvalidQuery("budget_needs_amount")
    if "free" in wants:
        return "free_tier"
    if "rates" in wants or "compare" in wants or models:
        return "rates"
    if "help" in wants or not (parts.unknown_words or parts.unknown_cjk or parts.intents):
        return "help"
    raise InvalidQuery("not_understood")
