"""The query language: free English or Chinese text in, a typed `Query` (or a typed error) out.

Reading happens in passes over a token list, each linear in the text's length (no regular expression
here can backtrack): tokenize -> model names -> amounts -> roles (labels, durations, counts) ->
pairing amounts with labels -> intent. The words live in `pricing.vocab`.

Precision first: a price is read only when every amount has a role and no word that would change the
price is left unexplained; otherwise `Ambiguous` names what is unclear and the likely readings.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Literal

from .engine import MAX_BUDGET_USD, MAX_STORAGE_HOURS, Notice, Usage
from .errors import Ambiguous, InvalidQuery, PricingError, UnknownModel
from .model_names import generation_models, match_models, reject_unknown_models
from .models import ModelCard, Period
from .numbers import ENGLISH_MULTIPLIERS, cjk_value, is_cjk_multiplier, parse_number
from .ratecard import PriceBook
from .vocab import CJK_FILLER, CJK_WORDS, FILLER, LINK_WORDS, PERIOD_WORDS, PHRASES, TRADITIONAL, TRADITIONAL_WORDS, WORDS, correct_typo

__all__ = ["Query", "Intent", "parse_query", "reads_as_followup", "canonical", "apply_followup", "MAX_QUERY_CHARS"]

Intent = Literal["estimate", "compare", "rates", "model_info", "topic", "free_tier", "budget", "help"]
Topic = Literal["grounding", "caching", "batch", "thinking"]

#: Slack caps a slash command's text well below this; longer input is cut, not refused.
MAX_QUERY_CHARS = 4000
#: Tokens per request above this are a typo (the largest context window is about 1M).
MAX_TOKENS = 10**12

_CJK_TABLE: dict[str, str] = {**dict.fromkeys(CJK_FILLER, "skip"), **CJK_WORDS}
_CJK_MAX = max(len(w) for w in _CJK_TABLE)
_CJK_NUMERALS = frozenset("零〇一二两三四五六七八九十百千万亿")
# Slack markup (<@U123>, <#C1|general>, <!channel>, <https://...|text>) and its escapes are not words.
_SLACK_MARKUP = re.compile(r"<[^<>\s]{0,300}>|&(?:lt|gt|amp);")
#: What people paste before a question: the slash command, the bot's own name.
_EMOJI = re.compile(r":[a-z0-9_+'-]{1,40}:")
_BOLD = re.compile(r"(?<![\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])")
_OWN_NAME = re.compile(r"/?@?gemini[-_ ]?cost\b:?|@bot\b")
#: `1024x1024`, `1920×1080`: a picture's size, which only image pricing can use.
_RESOLUTION = re.compile(r"\b(\d{3,4}) ?[x×*] ?(\d{3,4})\b")
#: Up to this many pixels a side, Google's image models bill one standard (1K/2K) image.
_STANDARD_IMAGE_SIDE = 2048
_IMAGE_CUE = re.compile(r"image|picture|photo|pic\b|pics\b|px\b|pixel|resolution|图|圖|照片|像素|分辨率|解析度")
_IN_OUT = re.compile(r"\bi/o\b")
_DATE = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b|(20\d\d)年(\d{1,2})月(\d{1,2})[日号]?")
_TOKEN = re.compile(
    r"(?P<num>(?:\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)(?:e[+-]?\d{1,2}(?![a-z]))?)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)?)"
    r"|(?P<cjk>[\u3400-\u9fff]+)"
    r"|(?P<sym>[$¥×*=/+\-?%<>@!#&])"
)
_PRICED: frozenset[str] = frozenset(["estimate", "compare", "budget"])
#: Words that may stand between an amount and its label without changing what it is.
_COPULA = frozenset(["is", "are", "was", "were", "be", "being", "about", "around", "roughly", "approximately", "approx",
                     "avg", "average", "averaging", "part", "portion"])  # fmt: skip
_PRONOUNS = frozenset(["them", "it", "those", "these", "which", "that"])


@dataclass(slots=True)
class _Tok:
    kind: str  # num, cjknum, word, cjk, sym; later: amount, model, used
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the previous one
    value: Decimal | None = None
    money: str | None = None  # "usd" or "cny" for money amounts
    role: str | None = None
    model: str | None = None
    volume: bool = False  # a period that belongs to a request count (`5k calls a day`)
    used: bool = False  # consumed by pairing


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
    topic: Topic | None = None
    limit: Literal["rpm", "rpd", "tpm"] | None = None  # the free-tier limit asked about
    asked_period: Period | None = None  # the total is wanted per this period (usage.period is the volume's)
    on_date: dt.date | None = None  # price as on this day
    provider: str | None = None  # `via NAME`: priced through a reseller
    followup: bool = False  # reads as a change to a previous question ("what about 2.5 flash?")
    flags: frozenset[str] = frozenset()  # options named, with or without amounts: batch, search, cny
    count: int | None = None  # a request count named, with or without amounts (`x1000 a day?`)
    count_period: Period | None = None

    @property
    def model(self) -> ModelCard | None:
        return self.models[0] if self.models else None


# --- reading the text -----------------------------------------------------------------------------


def _normalize(text: str) -> tuple[str, dt.date | None]:
    text = unicodedata.normalize("NFKC", text[:MAX_QUERY_CHARS]).lower()
    for word, simple in TRADITIONAL_WORDS.items():
        text = text.replace(word, simple)
    text = text.translate(TRADITIONAL)
    text = _SLACK_MARKUP.sub(" ", text)
    text = _EMOJI.sub(" ", text)  # `:moneybag:` is how Slack sends an emoji: decoration
    text = _BOLD.sub(r" \1 ", text)  # `*50k in*` is bold, not a multiplication
    text = _OWN_NAME.sub(" ", text)
    if _IMAGE_CUE.search(text):
        # only where images are the subject: `5k in 500 x100` is 100 requests, not a picture size
        text = _RESOLUTION.sub(_resolution, text)
    text = _IN_OUT.sub("in/out", text)
    on_date = None
    match = _DATE.search(text)
    if match is not None:
        y, m, d = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
        try:
            on_date = dt.date(y, m, d)
        except ValueError:
            raise InvalidQuery("bad_date", date=match.group(0)) from None
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    text = text.replace("`", " ").replace("’", "'")
    return text.replace("，", ",").replace("、", ",").replace("。", " ").replace("：", ":").replace("；", ";"), on_date


def _resolution(match: re.Match[str]) -> str:
    """`1024x1024` says nothing about the price of a standard image; `4096x4096` does (a 4K image)."""
    standard = all(int(side) <= _STANDARD_IMAGE_SIDE for side in match.groups())
    return " " * len(match.group(0)) if standard else " resolution "  # a word the parser asks about


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    last_end = -1
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        start, end = m.span()
        tok = _Tok(kind, m.group(), start, end, start == last_end)
        last_end = end
        if kind == "cjk":
            tokens.extend(_split_cjk(tok))
        else:
            tokens.append(tok)
    return tokens


def _split_cjk(tok: _Tok) -> list[_Tok]:
    """Split a run of Chinese characters into keywords and filler (longest match) and numerals (`输入五万`)."""
    out: list[_Tok] = []
    text, i, pending, pending_kind = tok.text, 0, "", "cjk"

    def flush(end: int) -> None:
        nonlocal pending
        if pending:
            out.append(_Tok(pending_kind, pending, tok.start + end - len(pending), tok.start + end, True))
            pending = ""

    while i < len(text):
        # a numeral run wins over keywords that start with a numeral character (`一万` is not `一` + ...)
        if text[i] in _CJK_NUMERALS and (pending_kind == "cjknum" and pending or not any(
            text.startswith(w, i) for w in ("一下", "一些", "一起", "一样", "一般", "一点", "一直", "一款", "一种", "一句", "一天", "一个月", "一月", "一日", "一周", "一年", "一小时", "一分钟", "一次", "一共")
        )):
            if pending_kind != "cjknum":
                flush(i)
                pending_kind = "cjknum"
            pending += text[i]
            i += 1
            continue
        for size in range(min(_CJK_MAX, len(text) - i), 0, -1):
            piece = text[i : i + size]
            if piece in _CJK_TABLE:
                flush(i)
                out.append(_Tok("cjk", piece, tok.start + i, tok.start + i + size, True, role=_CJK_TABLE[piece]))
                i += size
                break
        else:
            if pending_kind != "cjk":
                flush(i)
                pending_kind = "cjk"
            pending += text[i]
            i += 1
    flush(len(text))
    if out:
        out[0].glued = tok.glued
    return out


def _is_keyword(word: str) -> bool:
    """A word of the query language (or filler): it ends a model name typed with spaces."""
    return word in WORDS or word in FILLER or word in ENGLISH_MULTIPLIERS or correct_typo(word) is not None


def _currency_after(tokens: list[_Tok], first: int, after: int) -> str | None:
    """`100美元`, `100 dollars`: the currency that makes the amount at ``first`` money, if any.

    Not for a labelled token amount: in `输出5万 人民币` the yuan ask for the answer's currency.
    """
    if after >= len(tokens):
        return None
    word = tokens[after]
    role = word.role or WORDS.get(word.text) if word.kind in ("cjk", "word") else None
    if role not in ("usd", "cny") or (word.kind == "cjk" and not word.glued):
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and ((before.role or WORDS.get(before.text) or "").startswith("label:")):
        return None
    return role


def _read_amounts(tokens: list[_Tok], text: str) -> list[_Tok]:
    """Fold numbers with their multipliers, signs and currency marks into amount tokens."""
    out: list[_Tok] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.kind in ("num", "cjknum"):
            value = parse_number(tok.text) if tok.kind == "num" else Decimal(cjk_value(tok.text))
            if value is None:
                raise InvalidQuery("amount_too_large", amount=tok.text[:30])
            start, j = tok.start, i + 1
            # `1.2 万`: a space before the unit is still the same number
            spaced_unit = j < n and not tokens[j].glued and text[tok.end : tokens[j].start].strip() == ""
            if j < n and tokens[j].kind == "cjknum" and is_cjk_multiplier(tokens[j].text) and (tokens[j].glued or spaced_unit):
                unit = cjk_value(tokens[j].text)
                value, j = _cjk_compound(tokens, j + 1, value * unit, unit, lead=tok.text if tok.kind == "num" else "")
            elif j < n and tokens[j].kind == "cjknum" and tokens[j].glued and _unit_then_zero(tokens[j].text):
                # `20万零1`: the zero says the digits after it are ones, not the next unit down
                value *= cjk_value(tokens[j].text.rstrip("零"))
                j += 1
                if j < n and tokens[j].kind == "num" and tokens[j].glued and tokens[j].text.isdigit():
                    value += Decimal(tokens[j].text)
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


def _unit_then_zero(text: str) -> bool:
    """`万零`, `千零`: units then 零, as in `20万零1`."""
    return text.endswith("零") and is_cjk_multiplier(text.rstrip("零"))


def _cjk_compound(tokens: list[_Tok], j: int, value: Decimal, unit: int, *, lead: str) -> tuple[Decimal, int]:
    """Digits and smaller units glued after `1万`: `1万5千` is 15,000, `3万2千5百` 32,500, as people write them.

    A last digit with no unit means the next unit down, as in speech (`1万5` 15,000, `2千5` 2,500),
    but only after a single leading digit: whether `10万5` is 105,000 or 150,000 depends on the
    reader, so that one stays two amounts and is asked about. Returns the value and the next token.
    """
    n = len(tokens)
    while j < n and tokens[j].kind == "num" and tokens[j].glued and tokens[j].text.isdigit():
        digits = Decimal(tokens[j].text)
        nxt = tokens[j + 1] if j + 1 < n else None
        if nxt is not None and nxt.glued and nxt.kind == "cjknum" and is_cjk_multiplier(nxt.text):
            smaller = cjk_value(nxt.text)
            if smaller >= unit:
                break  # `1万5万`: not one number
            value, unit, j = value + digits * smaller, smaller, j + 2
            continue
        spoken_short = len(tokens[j].text) == 1 and unit >= 100 and len(lead) == 1 and lead.isdigit()
        if spoken_short and not (nxt is not None and nxt.glued and nxt.kind in ("word", "num", "cjknum")):
            value, j = value + digits * unit // 10, j + 1
        break
    return value, j


def _drop_article_one(tokens: list[_Tok]) -> list[_Tok]:
    """`把一个20万token的文档`: 一个 before an amount is "a", not one more amount to ask about."""
    drop: set[int] = set()
    for i in range(len(tokens) - 2):
        if tokens[i].kind == "amount" and tokens[i].text == "一" and tokens[i + 1].text == "个" and tokens[i + 2].kind == "amount":
            drop.update((i, i + 1))
    return [t for k, t in enumerate(tokens) if k not in drop] if drop else tokens


_HOUR_WORDS = frozenset({"hour", "hours", "hr", "hrs"})
_STORAGE_CUES = ("cache", "缓存", "存", "保留", "store", "keep")


def _spoken_durations(tokens: list[_Tok], text: str) -> list[_Tok]:
    """Durations said without digits, as amounts: `for an hour`, `for one hour`, `half an hour`,
    `for a (whole) day`, `for half a day`, `半小时`, `一整天`, and `一小时` where the question is about
    keeping a cache.

    Only where the words can mean nothing else: `1000 requests an hour` is a rate, asked about, and
    so is `一小时` with no cache in sight.
    """
    out: list[_Tok] = []
    i = 0
    while i < len(tokens):
        tok, nxt = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        before = out[-1].text if out else ""
        if tok.text == "half" and nxt is not None and nxt.text in ("a", "an") and after is not None and after.text in _HOUR_WORDS:
            out.append(_Tok("amount", "half an", tok.start, nxt.end, tok.glued, value=Decimal("0.5")))
            i += 2
            continue
        if tok.text == "half" and nxt is not None and nxt.text == "a" and after is not None and after.text == "day" and before == "for":
            out.append(_Tok("amount", "half a", tok.start, nxt.end, tok.glued, value=Decimal("0.5")))
            out.append(_Tok("word", "day", after.start, after.end, True, role="dur:24"))
            i += 3
            continue
        if tok.text in ("a", "an", "one") and before == "for" and nxt is not None and nxt.text in _HOUR_WORDS:
            out.append(_Tok("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal(1)))
            i += 1
            continue
        if tok.text in ("a", "one") and before == "for" and nxt is not None:
            # `for a whole day`, `for one full day`: 24 hours of storage
            whole = nxt.text in ("whole", "full", "entire")
            day = after if whole else nxt
            if day is not None and day.text == "day":
                out.append(_Tok("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal(1)))
                out.append(_Tok("word", "day", day.start, day.end, True, role="dur:24"))
                i += 3 if whole else 2
                continue
        if tok.text in ("整", "整整") and out and out[-1].kind == "amount" and nxt is not None and (nxt.role or "").startswith("dur:"):
            i += 1  # `缓存一整天`: a whole day is a day
            continue
        if tok.kind == "cjk" and tok.text == "半" and nxt is not None and nxt.text in ("小时", "个小时"):
            out.append(_Tok("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal("0.5")))
            i += 1
            continue
        if tok.kind == "cjk" and tok.text == "一小时" and any(cue in text for cue in _STORAGE_CUES):
            out.append(_Tok("amount", "一", tok.start, tok.start + 1, tok.glued, value=Decimal(1)))
            out.append(_Tok("cjk", "小时", tok.start + 1, tok.end, True, role=_CJK_TABLE["小时"]))
            i += 1
            continue
        out.append(tok)
        i += 1
    return out


def _kept_in_cache(tokens: list[_Tok], text: str) -> list[_Tok]:
    """`keep 250k tokens in (the context) cache for 2 days`: where tokens are kept for a time, so
    storage; with no duration, `150k in cache` is the part of the prompt read from the cache.
    (`1M in cache 1M for 2 hours`: there `cache` takes the amount after it, and `in` is the prompt.)"""
    kept_for = any(t.text == "for" for t in tokens) and any(t.text in (*_HOUR_WORDS, "day", "days") for t in tokens)
    out: list[_Tok] = []
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
                out.append(_Tok("word", "cache", tokens[k].start, tokens[k].end, tokens[k].glued, role=role))
                i = k + 1
                continue
        out.append(tok)
        i += 1
    return out


def _thirty_day_month(tokens: list[_Tok]) -> list[_Tok]:
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


def _assign_roles(tokens: list[_Tok]) -> None:
    """Give each token its role from the word tables, reading two-word phrases first; a keyword
    typed with one letter wrong (5+ letters) is read as the keyword."""
    for tok in tokens:
        if tok.kind == "word" and tok.role is None:
            fixed = correct_typo(tok.text) if tok.text not in WORDS and tok.text not in FILLER else None
            if fixed is not None:
                tok.text = fixed
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.role is not None or tok.kind in ("used", "model", "amount"):
            continue
        if tok.kind == "word" and nxt is not None and nxt.kind == "word" and nxt.role is None and (tok.text, nxt.text) in PHRASES:
            tok.role, nxt.role = PHRASES[(tok.text, nxt.text)]
            continue
        if tok.text in LINK_WORDS:
            tok.role = "link"
        elif tok.kind == "sym":
            tok.role = {"×": "times_sign", "*": "times_sign", "?": "question", "-": "link", "+": "skip", "%": "percent"}.get(tok.text)
            if tok.text == "/" and nxt is not None and nxt.text in PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + PERIOD_WORDS[nxt.text]
            elif tok.text == "/" and nxt is not None and nxt.text in ("min", "minute"):
                tok.role, nxt.role = "skip", "period:minute"
        elif tok.kind == "word":
            tok.role = WORDS.get(tok.text)
            if nxt is None or nxt.kind != "word" or nxt.role is not None:
                continue
            pair = (tok.text, nxt.text)
            if pair in PHRASES:
                tok.role, nxt.role = PHRASES[pair]
            elif tok.text in ("per", "a", "each", "every", "an") and nxt.text in PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + PERIOD_WORDS[nxt.text]
            elif pair == ("how", "many"):
                tok.role, nxt.role = "budget", "skip"
        elif tok.kind == "cjk" and tok.text in ("月",) and i > 0 and tokens[i - 1].role == "each":
            tok.role = "period:month"


# --- pairing amounts with what they are ---------------------------------------------------------


@dataclass
class _Parts:
    input: Decimal | None = None
    cached: Decimal | None = None
    output: Decimal | None = None
    thinking: Decimal | None = None
    audio: Decimal | None = None
    video: Decimal | None = None
    storage: Decimal | None = None
    hours: Decimal | None = None
    requests: Decimal | None = None
    searches: Decimal | None = None
    people: Decimal | None = None  # `300 users`: multiplied into the requests only with a count per person
    per_person: bool = False
    cache_for_how_long: bool = False  # `cache 300k tokens` with no prompt and no duration: read or stored?
    images: Decimal | None = None
    period: Period | None = None
    asked_period: Period | None = None
    batch: bool = False
    search: bool = False
    cache: Decimal | None = None  # `cache 1M`: storage if a duration is given, else cache hits
    cached_pct: Decimal | None = None  # `40% cached`
    budget_usd: Decimal | None = None
    budget_cny: Decimal | None = None
    want_cny: bool = False
    public: bool = False
    embed: bool = False
    make: bool = False
    provider: str | None = None
    limit: str | None = None
    intents: set[str] = field(default_factory=set)
    labels_seen: set[str] = field(default_factory=set)
    topics: list[str] = field(default_factory=list)  # topic words in the order written
    unknown_words: list[str] = field(default_factory=list)
    unknown_cjk: list[str] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)  # words that would change the price


def _pair(tokens: list[_Tok], parts: _Parts) -> list[_Tok]:
    """Attach amounts to labels, durations and counts; returns the amounts left unlabeled.

    An amount takes the free label just before it (`输入100万`, `in 1M`), else the one just after it
    (`1M in`): reading left to right, `1M in 50k out` pairs as people mean it.
    """
    unlabeled: list[_Tok] = []
    taken: set[int] = set()
    n = len(tokens)
    _pair_slashed(tokens, parts, taken)

    def neighbour(k: int, step: int) -> int:
        # skip words that sit between an amount and its label: `1M tokens in`, `input = 1M`
        k += step
        while 0 <= k < n and (tokens[k].role in ("link", "pronoun_link", "total") or tokens[k].role is None and tokens[k].text in _COPULA):
            k += step
        return k

    def role(k: int) -> str:
        return (tokens[k].role or "") if 0 <= k < n and k not in taken and not tokens[k].used else ""

    def _take_twin_label(label: int) -> None:
        # `300k prompt in total`: a second label of the same part right after the first is the same label
        after = neighbour(label, 1)
        if 0 <= after < n and tokens[after].role == tokens[label].role:
            taken.add(after)

    def mark_volume(k: int) -> bool:
        while 0 <= k < n and tokens[k].role == "skip":  # `5,000 runs a day`
            k += 1 if k > i else -1
        if role(k).startswith("period:"):
            tokens[k].volume = True
            return True
        return False

    def explain_total(k: int) -> None:
        # `一共 1000 次`, `1000 calls in total`: a total of requests, not of tokens
        if 0 <= k < n and tokens[k].role == "total":
            tokens[k].used = True

    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None or tok.used:
            continue
        prev, nxt = neighbour(i, -1), neighbour(i, 1)
        if 0 < prev < n and tokens[prev].kind == "cjk" and tokens[prev].role == "skip" and role(prev - 1).startswith("label:"):
            prev -= 1  # `输入正好20万`, `思考大概8千`: an adverb between the label and its amount
        if role(i + 1) == "percent" and role(neighbour(i + 1, 1)) in ("label:cached", "label:cache"):
            _set_once(parts, "cached_pct", tok.value, tok)  # `40% cached`: a share of the prompt
            taken.update((i + 1, neighbour(i + 1, 1)))
            tok.used = True
            continue
        noun = _described_noun(tokens, i, nxt)  # `a 1M-token manual cached for 2 hours`
        if noun is not None:
            tokens[noun].role = "skip"
            nxt = neighbour(noun, 1)
        if role(i - 1) == "times_sign":  # x100, ×100, * 100
            _set_once(parts, "requests", tok.value, tok)
            taken.add(i - 1)
            mark_volume(neighbour(i, 1))
        elif role(i + 1) == "times_sign" and tokens[i + 1].glued:  # 100x
            _set_once(parts, "requests", tok.value, tok)
            taken.add(i + 1)
            mark_volume(neighbour(i + 1, 1))
        elif role(nxt).startswith("dur:"):
            num, _, den = role(nxt)[4:].partition("/")
            _set_once(parts, "hours", tok.value * Decimal(num) / Decimal(den or 1), tok)
            taken.add(nxt)
        elif (counted := _counted_prompts(tokens, i)) is not None:
            _set_once(parts, "requests", tok.value, tok)  # `300 prompts of 12k tokens`, `500个prompt`
            taken.add(counted)
            explain_total(i - 1)  # `一共500个prompt`: a total of requests
            mark_volume(neighbour(counted, 1))
        elif tokens[i - 1].text in ("查", "搜", "搜索") and role(nxt) == "count" if i > 0 else False:
            _set_once(parts, "searches", tok.value, tok)  # `每次查3次`: searches per request
            parts.search = True
            taken.update((i - 1, nxt))
        elif role(nxt) == "count" and tokens[nxt].text in ("queries", "query", "searches") and _per_request_after(tokens, nxt):
            _set_once(parts, "searches", tok.value, tok)  # `4 queries per prompt`: searches in each request
            parts.search = True
            taken.add(nxt)
        elif role(nxt) == "people":
            _set_once(parts, "people", tok.value, tok)  # `300 users`, `500个用户`
            taken.add(nxt)
            explain_total(i - 1)  # `一共500个用户`: a total of people, not of tokens
            if role(neighbour(nxt, 1)) == "times_sign":
                parts.per_person = True  # `100 users x 20 messages a day`
        elif _adjective_before_count(tokens, nxt):
            _set_once(parts, "requests", tok.value, tok)  # `60k product descriptions`: a count of a kind of thing
            tokens[nxt].role = "skip"
            taken.add(nxt + 1)
            mark_volume(neighbour(nxt + 1, 1))
        elif role(nxt) == "count" or (role(prev) == "count" and tokens[prev].text == "times") or _plural_count(tokens, nxt):
            _set_once(parts, "requests", tok.value, tok)  # `5k calls`, `times 60`
            count_at = nxt if role(nxt) == "count" else prev
            taken.add(count_at)
            # `每天5000次` names its period before the count, `5k calls a day` after it
            if not mark_volume(i - 1 if role(i - 1).startswith("period:") else -1):
                mark_volume(neighbour(count_at, 1) if count_at > i else neighbour(i, 1))
            explain_total(i - 1)
            explain_total(count_at + 1)
        elif role(nxt) == "searches":
            _set_once(parts, "searches", tok.value, tok)
            parts.search = True
            taken.add(nxt)
        elif role(nxt) == "images" or (role(nxt) == "make" and role(neighbour(nxt, 1)) == "images"):
            _set_once(parts, "images", tok.value, tok)
            taken.add(nxt)
        elif role(prev).startswith("label:"):
            _set_label(parts, role(prev)[6:], tok, tokens, prev)
            taken.add(prev)
            _take_twin_label(prev)
        elif role(nxt).startswith("label:") and not _label_owns_the_next_amount(tokens, nxt, neighbour, role):
            _set_label(parts, role(nxt)[6:], tok, tokens, nxt)
            taken.add(nxt)
            _take_twin_label(nxt)
        elif _period_follows(tokens, i) is not None:
            _set_once(parts, "requests", tok.value, tok)  # `1000/day`, `10000 per day`
            tokens[_period_follows(tokens, i)].volume = True  # type: ignore[index]
        elif role(prev) == "count_label" or role(prev) == "count" and any(t.text in (":", "=") for t in tokens[prev + 1 : i]):
            _set_once(parts, "requests", tok.value, tok)  # `请求数1000`, `requests: 800/day`
            taken.add(prev)
            mark_volume(neighbour(i, 1))
        else:
            unlabeled.append(tok)
            continue
        tok.used = True
    for k in taken:
        tokens[k].used = True
    return unlabeled


def _pair_slashed(tokens: list[_Tok], parts: _Parts, taken: set[int]) -> None:
    """`10k/2k in/out`, `in/out 10k/2k`: two amounts and two labels, each joined by a slash, pair in order."""
    n = len(tokens)
    for i in range(n - 2):
        if not (tokens[i].kind == "amount" and tokens[i + 1].text == "/" and tokens[i + 2].kind == "amount"):
            continue
        for first in (i + 3, i - 3):
            if 0 <= first and first + 2 < n and tokens[first + 1].text == "/":
                labels = ((tokens[first].role or ""), (tokens[first + 2].role or ""))
                if all(label.startswith("label:") for label in labels) and labels[0] != labels[1]:
                    for amount, label in ((tokens[i], labels[0]), (tokens[i + 2], labels[1])):
                        _set_once(parts, label[6:], amount.value, amount)
                        amount.used = True
                    taken.update((first, first + 2))
                    tokens[i + 1].role = tokens[first + 1].role = "skip"
                    return


def _label_owns_the_next_amount(
    tokens: list[_Tok], label: int, neighbour: Callable[[int, int], int], role: Callable[[int], str]
) -> bool:
    """`问题5千token，回答800token`: a Chinese label between two amounts names the one after it when
    that one has no label of its own (`5万输入 3千输出` still pairs each amount with the label after it)."""
    if tokens[label].kind != "cjk":
        return False
    after = neighbour(label, 1)
    if not (0 <= after < len(tokens)) or tokens[after].kind != "amount" or tokens[after].used:
        return False
    # only a bare amount (`回答800token`); `缓存12小时` is a duration, `30万字` something else
    return role(neighbour(after, 1)) == ""


def _adjective_before_count(tokens: list[_Tok], k: int) -> bool:
    """`60k product descriptions`, `2000 customer emails`: one filler word, then a plural count noun."""
    if not (0 <= k < len(tokens) - 1):
        return False
    word, noun = tokens[k], tokens[k + 1]
    # only a word the tables know as harmless: an unknown one is still asked about
    return (word.kind == "word" and word.role is None and word.text in FILLER and len(word.text) > 2
            and noun.role == "count" and noun.text.endswith("s") and noun.text not in ("times",) and not noun.used)


def _plural_count(tokens: list[_Tok], k: int) -> bool:
    """`150 prompts a day`: a plural prompt word followed by a period counts requests."""
    if not (0 <= k < len(tokens)) or tokens[k].text not in ("prompts", "requests"):
        return False
    after = k + 1
    while after < len(tokens) and tokens[after].role == "skip":
        after += 1
    return after < len(tokens) and (tokens[after].role or "").startswith("period:")


def _period_follows(tokens: list[_Tok], i: int) -> int | None:
    """Index of a period word right after amount ``i`` (`1000/day`, `10k per day`, `300 a day`)."""
    k = i + 1
    while k < len(tokens) and tokens[k].role == "skip" and k - i <= 2:
        k += 1
    if k < len(tokens) and (tokens[k].role or "").startswith("period:") and tokens[k].role != "period:minute" and k > i + 1:
        return k
    return None


def _per_request_after(tokens: list[_Tok], k: int) -> bool:
    """`queries per prompt`, `queries each`: the count is per request."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    per_request = ("prompt", "request", "call", "query", "message", "turn")
    return nxt is not None and (
        nxt.role == "each" or nxt.text == "each" or nxt.text == "per" and after is not None and (after.role == "each" or after.text in per_request)
    )


def _counted_prompts(tokens: list[_Tok], i: int) -> int | None:
    """`300 prompts of 12k tokens`, `150 prompts a day`, `500个prompt`: a whole number of prompts is
    a count of requests (`12k prompt tokens`, singular or followed by tokens, stays a size).
    The index of the prompt word."""
    tok = tokens[i]
    if tok.value is None or tok.value != tok.value.to_integral_value() or tok.text[-1:].isalpha() and not tok.text[-1:].isdigit() and tok.text[-1:] not in "个":
        return None
    k = i + 1
    chinese = k < len(tokens) and tokens[k].text == "个"
    if chinese:
        k += 1
    elif k < len(tokens) and tokens[k].text in ("grounded", "search", "grounding"):
        k += 1  # `2,000 grounded prompts`
    if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].text not in (("prompt", "prompts") if chinese else ("prompts",)):
        return None
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return None if after in ("token", "tokens", "tok", "toks") else k


def _described_noun(tokens: list[_Tok], i: int, nxt: int) -> int | None:
    """`1M-token manual`, `50k token system_prompt`, `50万token的文档`: an amount of tokens naming a
    thing, whose role the words after it give (a label right after the noun). The noun's index."""
    if 0 <= nxt < len(tokens) and tokens[nxt].text == "的":
        nxt += 1  # `20万token的文档`: 的 joins the amount to the noun
    if not (0 <= nxt < len(tokens)):
        return None
    noun = tokens[nxt]
    if not (noun.kind == "word" and noun.role is None and noun.text not in FILLER or noun.kind == "cjk" and noun.role in ("count", None)):
        return None
    if not any(t.text in ("token", "tokens", "tok", "个token") for t in tokens[i + 1 : nxt]):
        return None
    after = nxt + 1
    while after < len(tokens) and tokens[after].role in ("link", "skip"):
        after += 1
    return nxt if after < len(tokens) and (tokens[after].role or "").startswith("label:") else None


def _set_label(parts: _Parts, name: str, amount: _Tok, tokens: list[_Tok], label_at: int) -> None:
    # `audio input 500k` / `500k of audio input`: the modality word sits beside the input label
    if name == "input":
        for k in (label_at - 1, label_at + 1):
            if 0 <= k < len(tokens) and tokens[k].role in ("label:audio", "label:video") and not tokens[k].used:
                name = tokens[k].role[6:]  # type: ignore[index]
                tokens[k].used = True
                break
    if name in ("audio", "video"):
        neighbour = label_at + 1
        if neighbour < len(tokens) and tokens[neighbour].role == "label:input":
            tokens[neighbour].used = True
    _set_once(parts, name, amount.value, amount)


def _set_once(parts: _Parts, name: str, value: Decimal | None, amount: _Tok) -> None:
    if getattr(parts, name) is not None:
        raise InvalidQuery("duplicate_part", part=name, amount=amount.text)
    setattr(parts, name, value)


def _collect(tokens: list[_Tok], parts: _Parts) -> None:
    """Read the roles that are not about amounts: flags, periods, currencies, unknown words."""
    standalone: list[_Tok] = []
    last_amount = max((i for i, t in enumerate(tokens) if t.kind == "amount"), default=-1)
    for i, tok in enumerate(tokens):
        r = tok.role or ""
        if tok.kind == "amount" and tok.money is not None:
            name = "budget_usd" if tok.money == "usd" else "budget_cny"
            _set_once(parts, name, tok.value, tok)
        elif r.startswith("period:"):
            if r == "period:minute":
                parts.limit = parts.limit or "rpm"
            elif tok.volume:
                if parts.period is not None and parts.period != r[7:]:
                    raise InvalidQuery("duplicate_part", part="period", amount=tok.text)
                parts.period = r[7:]  # type: ignore[assignment]
            else:
                standalone.append(tok)
        elif r.startswith("label:") and not tok.used:
            parts.labels_seen.add(r[6:])
            topic = {"cache": "caching", "cached": "caching", "storage": "caching", "thinking": "thinking"}.get(r[6:])
            if topic:
                parts.topics.append(topic)
        elif r.startswith("limit:"):
            parts.limit = r[6:]
            parts.intents.add("free")
        elif r == "batch":
            parts.batch = True
            parts.topics.append("batch")
        elif r == "search":
            parts.search = True
            parts.topics.append("grounding")
        elif r == "cny":
            parts.want_cny = True
        elif r == "per_person":
            parts.per_person = True
        elif r == "public":
            parts.public = True
        elif r == "embed":
            parts.embed = True
        elif r == "make":
            parts.make = True
        elif r == "images" and not tok.used:
            parts.labels_seen.add("images")
        elif r == "via":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.kind in ("word", "cjk"):
                parts.provider = nxt.text
                nxt.role = "skip"
        elif r == "total" and tok.used:
            pass  # a total of requests, explained where it was paired
        elif r == "total" and i > last_amount:
            pass  # `..., total?`, `monthly total`: after every amount it asks for the total cost
        elif r in ("compare", "rates", "free", "help", "budget", "question", "info", "followup", "total", "each", "part", "alt", "tier", "price_q"):
            parts.intents.add(r)
        elif r == "matter" or (r.startswith("dur:") and not tok.used):
            # a duration with no amount (`10k in 1k out, hour`) would change a storage price: ask
            parts.unexplained.append(tok.text)
        elif r == "pronoun":
            parts.unknown_words.append(tok.text)
        elif r == "pronoun_link":
            parts.intents.add("part")  # `2k out, 500 of it thinking`: a part of what was given
        elif tok.kind == "word" and tok.role is None:
            if tok.text not in FILLER and len(tok.text) > 1:
                parts.unknown_words.append(tok.text)
        elif tok.kind == "cjk" and tok.role is None:
            parts.unknown_cjk.append(tok.text)
    volume_period = parts.period is not None
    for tok in standalone:
        period = tok.role[7:]  # type: ignore[index]
        if parts.period is None:
            parts.period = period  # type: ignore[assignment]
        elif volume_period and period != parts.period and parts.asked_period in (None, period):
            parts.asked_period = period  # type: ignore[assignment]  # `5k runs a day ... per month?`
        elif parts.period != period:
            raise InvalidQuery("duplicate_part", part="period", amount=tok.text)


def _relative_clauses(tokens: list[_Tok]) -> None:
    """`100k of them cached`, `50k of which are cached`: the pronoun refers to the prompt just given."""
    for i, tok in enumerate(tokens):
        if tok.text in ("input", "prompt") and i > 1 and tokens[i - 1].text == "the" and tokens[i - 2].text == "of":
            # `3k of the input is cached`: the prompt just given, as a pronoun would be
            if any(t.role in ("label:cached", "label:cache") for t in tokens[i + 1 : i + 4]):
                tok.role = "pronoun_link"
            continue
        if tok.text not in _PRONOUNS or i == 0 or tokens[i - 1].text != "of":
            continue
        # `of them cached`, `of it from cache`, `of which 200k is cached`: a cached/thinking label soon after
        for k in range(i + 1, min(i + 5, len(tokens))):
            if tokens[k].role in ("label:cached", "label:cache", "label:thinking", "label:audio"):
                tok.role = "pronoun_link"
                break
        else:
            period_after = any((t.role or "").startswith("period:") for t in tokens[i + 1 : i + 4])
            if i > 1 and tokens[i - 2].kind == "amount" and tok.text in ("those", "these", "them") and period_after:
                tok.role = "count"  # `700 of those per day`: that many of the request just described


# --- building the reading -------------------------------------------------------------------------


def _as_tokens(value: Decimal | None, what: str) -> int:
    if value is None:
        return 0
    if value != value.to_integral_value():
        raise InvalidQuery("fractional_tokens", amount=_plain(value), part=what)
    if value > MAX_TOKENS:
        raise InvalidQuery("amount_too_large", amount=_plain(value))
    return int(value)


def _plain(value: Decimal) -> str:
    """An amount as plain text (`1200`, `0.5`); a huge one short (`1e+32`), never thousands of digits."""
    if value.is_finite() and abs(value.adjusted()) > 15:
        return f"{value.normalize():.3g}"
    return format(value.normalize(), "f")


def _usage(parts: _Parts, notices: list[Notice]) -> Usage | None:
    if parts.cache is not None:
        if parts.hours is not None and parts.storage is None:
            parts.storage = parts.cache
        elif parts.cached is None:
            parts.cached = parts.cache
            parts.cache_for_how_long = parts.input is None and parts.hours is None
        else:
            raise InvalidQuery("duplicate_part", part="cached", amount=_plain(parts.cache))
    if parts.hours is not None and parts.storage is None and parts.cached is not None and parts.input is None:
        # `keep a 1M-token manual cached for 2 hours`: a duration makes a cached amount storage
        parts.storage, parts.cached = parts.cached, None
    if parts.cached_pct is not None:
        if parts.input is None or parts.cached is not None or not 0 <= parts.cached_pct <= 100:
            raise Ambiguous("unplaced_label", words="%")
        parts.cached = parts.input * parts.cached_pct / 100
    if parts.storage is not None and parts.hours is None:
        raise InvalidQuery("storage_needs_hours", amount=_plain(parts.storage))
    if parts.hours is not None and parts.storage is None:
        for media in ("audio", "video"):
            if media in parts.labels_seen or getattr(parts, media) is not None:
                raise Ambiguous(media)  # `3 hours of audio`: tokens per second are the model's
        raise InvalidQuery("hours_need_storage", hours=_plain(parts.hours))
    if parts.hours is not None and parts.hours > MAX_STORAGE_HOURS:
        raise InvalidQuery("duration_too_long", amount=_plain(parts.hours), limit=int(MAX_STORAGE_HOURS))
    amounts = (parts.input, parts.cached, parts.output, parts.storage, parts.thinking, parts.audio, parts.video, parts.images)
    has_tokens = any(v is not None for v in amounts)
    if not has_tokens and not (parts.search and (parts.requests is not None or parts.searches is not None)):
        return None
    cached = _as_tokens(parts.cached, "cached")
    audio = _as_tokens(parts.audio, "input")
    video = _as_tokens(parts.video, "input")
    input_tokens = _as_tokens(parts.input, "input")
    if parts.input is None:
        input_tokens = cached + audio + video
        if cached and not (audio or video):
            # `800k cached` alone: a prompt made only of cached tokens
            notices.append(Notice("assumed_all_cached", {"cached": cached}))
    thinking = _as_tokens(parts.thinking, "output")
    output = _as_tokens(parts.output, "output")
    if thinking and not ({"part"} & parts.intents):
        output += thinking  # `500 out plus 3k thinking`: thinking comes on top of the answer
    requests = _as_tokens(parts.requests, "requests") if parts.requests is not None else 1
    if parts.requests is not None and parts.limit == "rpm" and parts.period is None:
        raise Ambiguous("per_minute")  # `60 requests per minute`: a rate, not how many in a day or a month
    if parts.people is not None:
        # `20 requests each`, `每人每天20次`, `users x 20`: a count per person; otherwise ask how often
        if parts.requests is None or not (parts.per_person or "each" in parts.intents):
            raise Ambiguous("people")
        requests = _as_tokens(parts.requests * parts.people, "requests")
    searches = _as_tokens(parts.searches, "searches") if parts.searches is not None else 1
    return Usage(
        input_tokens=input_tokens,
        cached_tokens=cached,
        output_tokens=output,
        thinking_tokens=thinking,
        audio_input_tokens=audio,
        video_input_tokens=video,
        output_images=_as_tokens(parts.images, "requests") if parts.images is not None and parts.make else 0,
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
        if tok.kind == "amount" and tok.value is not None and tok.value < 0:
            raise InvalidQuery("negative_amount", amount=tok.text)
        if tok.kind == "amount" and tok.money is not None and tok.value is not None and tok.value > MAX_BUDGET_USD:
            raise InvalidQuery("budget_too_large", amount=_plain(tok.value), limit=int(MAX_BUDGET_USD))


def _model_prices_output(model: ModelCard | None) -> bool:
    return model is None or model.output is not None


@dataclass
class _Reading:
    """What the passes found, before an intent is chosen."""

    parts: _Parts
    tokens: list[_Tok]
    models: tuple[ModelCard, ...]
    refs: tuple[str, ...]
    unlabeled: list[_Tok]
    on_date: dt.date | None


def _read(text: str, book: PriceBook) -> _Reading:
    normalized, on_date = _normalize(text)
    tokens = _tokenize(normalized)
    found_models = match_models(tokens, book)
    reject_unknown_models(tokens, book, _is_keyword)
    tokens = _read_amounts([t for t in tokens if t.kind != "used"], normalized)
    tokens = _spoken_durations(_drop_article_one(tokens), normalized)
    tokens = _thirty_day_month(_kept_in_cache(tokens, normalized))
    _check_amounts(tokens)
    _assign_roles(tokens)
    _relative_clauses(tokens)
    parts = _Parts()
    unlabeled = _pair(tokens, parts)
    _collect(tokens, parts)
    models = tuple(book.get(model_id) for model_id, _ in found_models)
    refs = tuple(ref for _, ref in found_models)
    if parts.embed and not models:
        embedding = _embedding_model(book)
        if embedding is not None:
            models, refs = (embedding,), ()
    return _Reading(parts, tokens, models, refs, unlabeled, on_date)


def reads_as_followup(text: str, book: PriceBook) -> bool:
    """Short text that changes a previous question (a model, an option, a count) and asks nothing new."""
    try:
        r = _read(text, book)
    except PricingError:
        return False
    return not r.unlabeled and _is_followup(r.parts, r.models, r.tokens)


def parse_query(text: str, book: PriceBook, *, previous: str | None = None) -> Query:
    """Read one question. Raises `InvalidQuery`, `Ambiguous` or `UnknownModel`, never anything else.

    ``previous`` is the question this one may follow up (same thread): a follow-up ("what about 2.5
    flash?", "x1000 a day?") is read as that question with the change.
    """
    try:
        return _parse(text, book, previous)
    except UnknownModel as error:
        models = generation_models(error.ref, book)
        if models is None:
            raise
        return _read_generation(text, book, previous, error, models)


def _read_generation(text: str, book: PriceBook, previous: str | None, error: UnknownModel, models: list[str]) -> Query:
    """"gemini 2.5" names a generation, not a model: its one model, or the question which one.

    Each candidate is the question with the generation replaced by a model id, read as usual; the
    ones that read (and price) are the readings offered.
    """
    typed = re.compile(r"[\s\-_]*".join(map(re.escape, error.ref.lower().replace("-", " ").split())), re.IGNORECASE)
    if typed.search(text) is None:
        raise error
    readings: list[Query] = []
    for model_id in models:
        try:
            readings.append(_parse(typed.sub(model_id, text, count=1), book, previous))
        except PricingError:
            continue  # a reading that cannot be priced is no reading to offer
    if not readings:
        raise error
    if len(models) == 1:
        return readings[0]  # the generation has one model: "Read as" names it
    if all(q.intent == "topic" for q in readings):
        # How grounding or caching is billed is one rule for the generation; the answer names the
        # model its figures are for (the newest top tier), so there is nothing to ask.
        return readings[0]
    example = readings[0].models[0].id if readings[0].models else models[0]
    raise Ambiguous("model_generation", tuple(canonical(q) for q in readings), generation=error.ref[:40], model=example)


def _parse(text: str, book: PriceBook, previous: str | None) -> Query:
    r = _read(text, book)
    parts, tokens, models, refs, unlabeled = r.parts, r.tokens, r.models, r.refs, r.unlabeled
    on_date = r.on_date
    if previous is not None and not unlabeled and _is_followup(parts, models, tokens):
        change = Query(
            intent="rates", models=models, model_refs=refs, on_date=on_date, provider=parts.provider,
            flags=frozenset(n for n, on in (("batch", parts.batch), ("search", parts.search), ("cny", parts.want_cny)) if on),
            count=_as_tokens(parts.requests, "requests") if parts.requests is not None else None, count_period=parts.period,
        )  # fmt: skip
        return apply_followup(parse_query(previous, book), change)
    asks_rates = _per_million_question(unlabeled, parts)
    if not asks_rates and _price_of_a_million(parts, tokens):
        asks_rates, parts.input, parts.output = True, None, None
    if _per_thousand_searches(parts, tokens):
        asks_rates, unlabeled, parts.searches, parts.requests = True, [], None, None
    if asks_rates:
        unlabeled = []
    notices: list[Notice] = []
    if parts.images is not None and models and models[0].kind == "image":
        parts.make = True  # `50 images with 3.1 flash image`: an image model's images are the ones it makes
    if "images" in parts.labels_seen or parts.images is not None and not parts.make:
        raise Ambiguous("images")  # images to read, or images with no count: their tokens are unknown
    if unlabeled:
        choices = _place_unlabeled(unlabeled, parts, models[0] if models else None, notices)
        if choices:
            readings = []
            for choice in choices:
                try:
                    readings.append(canonical(_finish(replace(parts, **choice), models, refs, [], tokens, on_date, False)))
                except PricingError:
                    continue  # a reading that cannot be priced is no reading to offer
            raise Ambiguous("unlabeled_amount", tuple(readings), amount=" / ".join(a.text.strip() for a in unlabeled)[:60])
    query = _finish(parts, models, refs, notices, tokens, on_date, asks_rates)
    if query.intent in _PRICED:
        _refuse_unexplained(parts, query, book)
    return query


def _finish(
    parts: _Parts,
    models: tuple[ModelCard, ...],
    refs: tuple[str, ...],
    notices: list[Notice],
    tokens: list[_Tok],
    on_date: dt.date | None,
    asks_rates: bool,
) -> Query:
    usage = _usage(parts, notices)
    intent = _intent(parts, usage, models, asks_rates)
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
        topic=_topic(parts) if intent == "topic" else None,
        limit=_free_limit(parts, tokens) if intent == "free_tier" else None,  # type: ignore[arg-type]
        asked_period=parts.asked_period if usage is not None and usage.period is not None else None,
        on_date=on_date,
        provider=parts.provider,
        followup=_is_followup(parts, models, tokens),
        flags=frozenset(name for name, on in (("batch", parts.batch), ("search", parts.search), ("cny", parts.want_cny)) if on),
        count=_as_tokens(parts.requests, "requests") if parts.requests is not None else None,
        count_period=parts.period,
    )


def _embedding_model(book: PriceBook) -> ModelCard | None:
    model_id = book.names.get(("embedding",))
    return book.get(model_id) if model_id else None


def _per_million_question(unlabeled: list[_Tok], parts: _Parts) -> bool:
    """`2.5 pro 一百万token多少钱`, `how much per 1M tokens`: the price list, not a 1M-token prompt;
    likewise 1,000 where searches are named (grounding's unit)."""
    if len(unlabeled) != 1 or parts.labels_seen - {"images", "input", "output"} or parts.requests is not None or parts.unexplained:
        return False
    if any(v is not None for v in (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio)):
        return False
    return unlabeled[0].value == 1_000_000


def _price_of_a_million(parts: _Parts, tokens: list[_Tok]) -> bool:
    """`argon price per 1M output tokens?`, `2.5 flash 一百万输入token多少钱`, `每百萬輸出多少錢`: the
    rate per 1M tokens, asked with the label; not a one-request estimate of a 1M-token prompt."""
    at = _the_only_amount(tokens)
    if at is None or tokens[at].value != 1_000_000 or parts.unexplained:
        return False  # (`1M tokens a week`: the week is asked about, not dropped)
    if parts.input is not None and parts.output is not None:
        return False
    others = (parts.cached, parts.storage, parts.thinking, parts.audio, parts.requests, parts.budget_usd, parts.budget_cny)
    if any(v is not None for v in others) or parts.batch or parts.search or parts.period is not None:
        return False
    return _per_before(tokens, at) or "price_q" in parts.intents or "rates" in parts.intents


def _per_thousand_searches(parts: _Parts, tokens: list[_Tok]) -> bool:
    """`search grounding price per 1000?`, `每1000次搜索多少钱`: Google's grounding rate (per 1,000
    queries), not the cost of 1,000 searches. Only when 1,000 is the one amount and "per" comes right
    before it; `1000 grounded prompts` stays a count."""
    at = _the_only_amount(tokens)
    if not parts.search or at is None or tokens[at].value != 1_000:
        return False
    named = (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio, parts.budget_usd, parts.budget_cny)
    return all(v is None for v in named) and _per_before(tokens, at)


def _the_only_amount(tokens: list[_Tok]) -> int | None:
    """The index of the question's one amount; None when it has none or several."""
    amounts = [i for i, t in enumerate(tokens) if t.kind == "amount"]
    return amounts[0] if len(amounts) == 1 else None


def _per_before(tokens: list[_Tok], at: int) -> bool:
    """`per 1M`, `每百万`, `/1000`: the amount is the unit a rate is given in."""
    return at > 0 and tokens[at - 1].text in ("per", "每", "/")


def _place_unlabeled(
    unlabeled: list[_Tok], parts: _Parts, model: ModelCard | None, notices: list[Notice]
) -> list[dict[str, Decimal | None]]:
    """Amounts with no label: placed where there is one reading; otherwise the readings to offer."""
    if not _model_prices_output(model) and parts.input is None and len(unlabeled) == 1:
        parts.input = unlabeled[0].value  # an embedding model has input only
        return []
    slots = [name for name in ("input", "output") if getattr(parts, name) is None]
    labelled = any(getattr(parts, name) is not None for name in ("input", "output", "cached", "thinking", "audio"))
    values = [a.value for a in unlabeled]
    if len(unlabeled) == 1 and len(slots) == 1 and labelled and parts.requests is not None and unlabeled[0].value >= 100:
        # `300 prompts of 12k tokens each, with 1k-token replies`: the count is known, so the size left
        # is the part left
        setattr(parts, slots[0], values[0])
        return []
    if len(unlabeled) == 1 and len(slots) == 1 and labelled:
        # `5k in 500`: the part left is the likely reading, but 500 could be a request count too
        return [{slots[0]: values[0]}, {"requests": values[0]}]
    if len(values) == 1 and len(slots) == 2:
        return [{"input": values[0]}, {"output": values[0]}]
    if len(values) == 2 and len(slots) == 2:
        return [{"input": values[0], "output": values[1]}, {"input": values[1], "output": values[0]}]
    return [{}]


def _refuse_unexplained(parts: _Parts, query: Query, book: PriceBook) -> None:
    """A priced answer must not ignore a word that would change the price: ask instead."""
    usage = query.usage
    if usage is not None and usage.output_images and (not query.models or query.models[0].kind != "image"):
        # `generate 50 images (with flash)`: which image model? Offer the current ones that price images
        image_models = [m for m in book.card.models if m.current and m.kind == "image" and m.output_image_tokens][:4]
        raise Ambiguous("images", tuple(canonical(replace(query, models=(m,))) for m in image_models))
    if "video" in parts.labels_seen:
        raise Ambiguous("video")
    if "audio" in parts.labels_seen and usage is not None and not usage.audio_input_tokens:
        raise Ambiguous("audio")
    if "total" in parts.intents and usage is not None and usage.requests > 1 and not usage.cached_tokens:
        raise Ambiguous("total")
    if usage is not None and parts.cache_for_how_long and not usage.storage_tokens:
        # `how much to cache 300k tokens`: reading them from the cache in a prompt, or keeping them stored?
        stored = replace(usage, input_tokens=0, cached_tokens=0, storage_tokens=usage.cached_tokens, storage_hours=Decimal(1))
        raise Ambiguous("cache_what", (canonical(query), canonical(replace(query, usage=stored))), amount=str(usage.cached_tokens))
    unplaced = parts.labels_seen & {"cached", "cache", "thinking", "storage"}
    if unplaced:
        raise Ambiguous("unplaced_label", (canonical(query),), words=", ".join(sorted(unplaced)))
    if usage is not None and "output" in parts.labels_seen and not usage.output_tokens and usage.input_tokens:
        # `40k tokens in and out`: one amount, two labels; 40k each way is the likely reading
        both = replace(usage, output_tokens=usage.input_tokens)
        raise Ambiguous("unplaced_label", (canonical(replace(query, usage=both)),), words="out")
    if usage is not None and usage.period is not None and parts.requests is None:
        raise Ambiguous("period_without_count")
    if query.intent == "budget" and "budget" not in parts.intents:
        raise Ambiguous("money_without_question", (canonical(query),))
    words = [*parts.unexplained, *parts.unknown_words, *parts.unknown_cjk]
    if words:
        raise Ambiguous("unknown_words", (canonical(query),), words=", ".join(words[:5])[:80])


def _free_limit(parts: _Parts, tokens: list[_Tok]) -> str | None:
    """The free-tier limit asked about: `rpm`, `rpd` or `tpm` (`tokens per minute`, `requests a day`)."""
    limit = parts.limit
    if limit is None and parts.period == "day":
        limit = "rpd"
    if limit == "rpm" and any(t.text in ("tokens", "token") for t in tokens) and not any(t.role == "count" for t in tokens):
        limit = "tpm"
    return limit


def _compare_of(parts: _Parts, models: tuple[ModelCard, ...]) -> Query:
    return Query(intent="compare", usage=_usage(replace(parts), []), models=models, want_cny=parts.want_cny)


def _topic(parts: _Parts) -> Topic:
    if parts.topics:
        return parts.topics[0]  # type: ignore[return-value]  # the one asked about first
    if parts.search:
        return "grounding"
    if parts.batch:
        return "batch"
    if "thinking" in parts.labels_seen:
        return "thinking"
    return "caching"


def _is_followup(parts: _Parts, models: tuple[ModelCard, ...], tokens: list[_Tok]) -> bool:
    """Short text that changes something (a model, an option, a count) and asks nothing new."""
    changes = bool(models) or parts.batch or parts.search or parts.want_cny or parts.requests is not None
    new_question = parts.intents & {"rates", "free", "help", "info", "budget"}
    amounts = any(v is not None for v in (parts.input, parts.output, parts.cached, parts.storage, parts.thinking, parts.audio))
    return changes and not new_question and not amounts and len(tokens) <= 12


def _intent(parts: _Parts, usage: Usage | None, models: tuple[ModelCard, ...], asks_rates: bool) -> Intent:
    wants = parts.intents
    if parts.budget_usd is not None or parts.budget_cny is not None:
        if usage is None:
            raise Ambiguous("budget_needs_usage")
        return "budget"
    topical = parts.search or bool(parts.labels_seen & {"cache", "cached"})
    if "free" in wants and not (topical and "tier" not in wants and parts.limit is None):
        return "free_tier"
    if usage is not None:
        if len(models) > 1 and not wants & {"compare", "alt"}:
            raise Ambiguous("two_models", (canonical(_compare_of(parts, models)),))
        if parts.batch and len(models) == 1 and "alt" not in wants:
            # `is batch cheaper for 3.8 flash?`: batch against standard on that model (the estimate
            # says both); with no model named, `lowest price ..., batch` still ranks the models
            return "estimate"
        return "compare" if "compare" in wants or len(models) > 1 else "estimate"
    if asks_rates:
        return "topic" if parts.search else "rates"  # grounding's rate is explained with its allowance
    if "info" in wants:
        return "model_info"
    if parts.search or parts.batch or parts.labels_seen & {"cache", "cached", "storage", "thinking"}:
        return "topic"
    if "help" in wants and not models:
        return "help"
    if parts.requests is not None and not parts.intents & {"rates", "compare"}:
        raise Ambiguous("count_without_tokens")
    if "price_q" in wants and not models and not wants & {"rates", "compare", "free", "help", "info"}:
        raise Ambiguous("count_without_tokens")  # `how much is a chatbot?`: nothing to price yet
    if "budget" in wants:
        raise InvalidQuery("budget_needs_amount")
    if "rates" in wants or "compare" in wants or models:
        return "rates"
    if "help" in wants or not (parts.unknown_words or parts.unknown_cjk or parts.intents - {"question"} or parts.labels_seen):
        return "help"
    raise InvalidQuery("not_understood")


# --- writing a reading back as a question ---------------------------------------------------------


def canonical(query: Query) -> str:
    """The question as the query language writes it: parsing this text gives the same reading.

    Used for the readings a clarification offers and for re-pricing a follow-up.
    """
    parts: list[str] = []
    if query.intent == "topic" and query.topic is not None:
        parts.append(query.topic)
    elif query.intent == "free_tier":
        parts.append("free tier" + (f" {query.limit}" if query.limit else ""))
    u = query.usage
    if u is not None:
        if u.input_tokens:
            parts.append(f"{u.input_tokens} in")  # the whole prompt; the parts below are inside it
        if u.audio_input_tokens:
            parts.append(f"{u.audio_input_tokens} audio")
        if u.video_input_tokens:
            parts.append(f"{u.video_input_tokens} video")
        if u.cached_tokens:
            parts.append(f"{u.cached_tokens} cached")
        text_out = u.output_tokens - u.thinking_tokens
        if text_out:
            parts.append(f"{text_out} out")
        if u.thinking_tokens:
            parts.append(f"{u.thinking_tokens} thinking")
        if u.output_images:
            parts.append(f"generate {u.output_images} images")
        if u.storage_tokens:
            parts.append(f"cache {u.storage_tokens} for {_plain(u.storage_hours)} hours")
        if u.requests != 1 or u.period is not None:
            parts.append(f"x{u.requests}")
        if u.period is not None:
            parts.append(f"per {u.period}")
        if query.asked_period is not None:
            parts.append("monthly" if query.asked_period == "month" else "daily")
        if u.batch:
            parts.append("batch")
        if u.grounded:
            parts.append("with search")
            if u.searches_per_request != 1:
                parts.append(f"{u.searches_per_request} searches")
    if query.intent == "compare" and len(query.models) <= 1:
        parts.insert(0, "compare")
    if query.intent == "compare" and len(query.models) > 1:
        parts.append("compare " + " vs ".join(m.id for m in query.models))
    elif query.models:
        parts.append("on " + query.models[0].id)
    if query.budget_usd is not None:
        parts.append(f"how many for ${_plain(query.budget_usd)}")
    elif query.budget_cny is not None:
        parts.append(f"how many for {_plain(query.budget_cny)} yuan")
    if query.want_cny:
        parts.append("in CNY")
    if query.on_date is not None:
        parts.append(query.on_date.isoformat())
    if query.provider:
        parts.append(f"via {query.provider}")
    if query.public:
        parts.append("public")
    return " ".join(parts)


def apply_followup(previous: Query, change: Query) -> Query:
    """``previous`` with what the follow-up ``change`` says: another model, batch, search, yuan, a count."""
    models, refs = previous.models, previous.model_refs
    intent = previous.intent
    if change.models:
        models, refs = change.models, change.model_refs
        if intent == "compare" and len(change.models) == 1:
            intent = "estimate"
        elif len(change.models) > 1:
            intent = "compare"
    usage = previous.usage
    if usage is not None:
        usage = replace(usage, batch=usage.batch or "batch" in change.flags, grounded=usage.grounded or "search" in change.flags)
        if change.count is not None:
            usage = replace(usage, requests=change.count, period=change.count_period or usage.period)
    return replace(
        previous,
        intent=intent,
        usage=usage,
        models=models,
        model_refs=refs,
        want_cny=previous.want_cny or "cny" in change.flags,
        notices=(),
        followup=False,
        on_date=change.on_date or previous.on_date,
        provider=change.provider or previous.provider,
    )
