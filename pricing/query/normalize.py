"""Text clean-up before tokenizing: case, width and Traditional characters folded, Slack decoration dropped, a date taken out."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..errors import InvalidQuery
from .english import is_common_word
from .numbers import cjk_value, spelled_numbers
from .script import simplified_chars
from .vocab import CURRENCY_SYMBOLS, IME_SLIPS, MODEL_WORDS, TRADITIONAL_WORDS, one_edit

#: Taiwan words, keyed as they read once their characters are folded (`音訊` -> `音讯`).
TAIWAN_WORDS = dict(sorted(({simplified_chars(word): simple for word, simple in TRADITIONAL_WORDS.items()} | IME_SLIPS).items(),
                          key=lambda item: -len(item[0])))

__all__ = ["MAX_QUERY_CHARS", "TAIWAN_WORDS", "normalize"]

#: Slack caps a slash command's text well below this; longer input is cut, not refused.
MAX_QUERY_CHARS = 4000

# Slack markup (<@U123>, <#C1|general>, <!channel>, <https://...|text>) and its escapes are not words.
_SLACK_MARKUP = re.compile(r"<[^<>\s]{0,300}>|&(?:lt|gt|amp);")
_EMOJI = re.compile(r":[a-z0-9_+'-]{1,40}:")
_BOLD = re.compile(r"(?<![\w*])\*([^*\s](?:[^*]*[^*\s])?)\*(?![\w*])")
#: What people paste before a question: the slash command, the bot's own name.
_OWN_NAME = re.compile(r"/?@?gemini[-_ ]?cost\b:?|@bot\b")
#: `1024x1024`, `1920×1080`: a picture's size, which only image pricing can use.
_RESOLUTION = re.compile(r"\b(\d{3,4}) ?[x×*] ?(\d{3,4})\b")
#: Up to this many pixels a side, Google's image models bill one standard (1K/2K) image.
_STANDARD_IMAGE_SIDE = 2048
_IMAGE_CUE = re.compile(r"image|picture|photo|pic\b|pics\b|px\b|pixel|resolution|图|圖|照片|像素|分辨率|解析度")
#: `10 4K images`, `生成10张4K图片`: an image size label, not an amount (1K and 2K bill as one standard image).
_SIZE_LABEL = re.compile(r"(?<![\d.])([124])k(?= ?(?:images?|pictures?|photos?|pics?|resolution|图|张|照片|分辨率|解析度))")
#: 生 for 生成 (Taiwan chat: `生一張圖`, `一次生8000條`), after a word that opens a verb and before a number;
#: never inside a word (`学生3000个`).
_MAKE_SHORT = re.compile(r"(?<=[要次来來再先会會能可就都也想天帮幫 ])生(?=\s*[\d一二两三四五六七八九十几幾])|^生(?=\s*[\d一二两三四五六七八九十])")
#: Names written with a digit, no amount: `4S店` is a car dealership (sales, service, spare parts, survey).
_NAMES_WITH_DIGITS = re.compile(r"(?<![\d.])4s店")
#: Periods and versions named with a letter glued to a number: `Q1 forecast`, `H2`, `FY2026`, `v2 prompt`, `P0 bug`.
_LETTERED_NAMES = re.compile(r"(?<![a-z0-9.])(?:q[1-4]|h[12]|fy ?\d{2,4}|cy\d{2,4}|v\d{1,2}(?:\.\d{1,2})?|p[0-4]|k-?12)(?![a-z0-9.])")
#: An HTTP error said in Chinese chat (`报429`, `一直429`, `429了`): the error, not an amount.
_CJK_HTTP_ERROR = re.compile(r"(?:(?<=报)|(?<=報)|(?<=吃)|(?<=一直)|(?<=出现)|(?<=出現))\s*[45]\d\d(?![\d万千kw.])"
                             # (`老是429`, `常常噴 429`: only the rate-limit code, and nothing counted after it: `總是 450 則`)
                             r"|(?:(?<=老是)|(?<=总是)|(?<=總是)|(?<=噴)|(?<=喷))\s*429(?!\s*[\d万千萬kw.則则份条條通次多个個左右人位张張篇封])"
                             r"|(?<![\d.])[45]\d\d(?=\s*(?:了|错误|錯誤|报错|報錯))")
#: `doc in the context cache`, `80k tokens in the explicit cache`: put in the cache, said with a preposition that is no
#: input label (after an amount, `1M in cache 1M`, the in is the input's label).
_IN_THE_CACHE = re.compile(r"(?<![\dkm万千] )(?<![\dkm万千])\b(?:in|into)\s+(?:the\s+|our\s+|a\s+)?(?:(?:context|explicit)\s+)?cache\b")
_IN_OUT = re.compile(r"\bi/o\b")
#: `~4,000 questions on a typical day`: a count of an ordinary day is one a day (not a busy or a slow one: every day of a
#: month priced as that one would be wrong).
_A_KIND_OF_DAY = re.compile(r"\bon an? (?:typical|normal|average|regular|usual) (day)\b")
#: `month cost?`, `…, month projection`: the month's total asked, as `monthly cost` says it (not `previous month cost`,
#: `launch month cost`, `peak month cost`: a word before it makes it some other month).
_MONTH_ASKED = re.compile(r"(?:^|(?<=[,.;:?!(] )|(?<=[,.;:?!(])|(?<=\bper )|(?<=\bthe )|(?<=\bone )|(?<=\ba ))month (?=(?:cost|costs|projection|bill|estimate)\b)")
#: `1.5 万预算（人民币）`: the budget's currency said after it in brackets, written where a currency follows its amount.
_BUDGET_THEN_YUAN = re.compile(r"(?<=[\d万千])(\s*)预算\s*[(（]\s*(人民币|rmb|元)\s*[)）]")
#: A Chinese numeral with a decimal point before its unit (`一点五万` 1.5万, `零点五万`, `两点三亿`): written in digits, as
#: `1.5万` is. Only before 万 / 亿 / 千: `九点五十` is a time of day, `一点五个小时` a length; and not after a word of the time
#: of day (`早上八点三万条`: eight o'clock, then 30,000) or of degree (`差一点五万次`: a little short of 50,000).
_CJK_DECIMAL = re.compile(r"(?<![早晚午晨夜天上差快多少大有了好点])([零〇一二两三四五六七八九十]+)点([零〇一二三四五六七八九]+)(?=[万亿千])")
_CJK_DIGIT = {c: str(i) for i, c in enumerate("零一二三四五六七八九")} | {"〇": "0"}
#: `per M tokens`, `per million`, `/Mtok`: Google's unit, one million tokens (a bare `m` elsewhere may be a month).
_PER_MILLION = re.compile(r"(?:\bper|/)\s?(?:million\b|(?:m|mil)\s?(?=tok)|mtoks?\b)")
#: `w/ thinking`, `w/o batch`: chat shorthand for with and without.
_WITH = re.compile(r"\bw/(o\b)?")
#: `a per-month number`, `per-day volume`: a hyphen after per joins nothing the period does not
#: `getting 429s`, `503s`: HTTP errors, never an amount
#: Digit grouping other than 1,234,567: Indian lakhs (`2,40,000`, `1,00,000`), European thousands (`12.500`,
#: `3.000`: three digits after a dot are a group, since a fraction of a token or a request is no reading) and a
#: European decimal comma before a multiplier (`1,5k`, `0,8k`).
_INDIAN_GROUPS = re.compile(r"(?<![\d.,])(\d{1,2})((?:,\d{2})+),(\d{3})(?![\d,.])")
_DOT_GROUPS = re.compile(r"(?<![\d.,])([1-9]\d{0,2})((?:\.\d{3})+)(?![\d.,]|\s*(?:k|m|b|w)\b|[kmbw]\b)")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])(\d+),(\d{1,2})(?=\s?(?:k|m|mn|b|w)\b)")
_HTTP_ERRORS = re.compile(r"\b[45]\d\d(?:s|ing|ed|'d)\b")  # `before it starts 429ing`
#: `keep hitting 429`, `i keep getting 429 after like 20 calls`: the error hit, not an amount of anything
#: (only the rate-limit code, with nothing counted after it: `getting 503 users onboarded` counts users)
_HTTP_ERROR_HIT = re.compile(r"\b(hitting|getting|get|got|hit|throws|throwing|returns|returning)\s+429\b"
                             r"(?=\s*(?:$|[.,;:!?)]|(?:after|on|when|while|errors?|again|too|from|every|all|lol|now|rn|with|because|so|and)\b))")
#: `2.5 pro's knowledge cutoff`: the possessive of a model word is the model
#: `~300 word answers (~400 tokens)`, `1 sentence back (~40 tokens)`: a size in words restated in tokens in
#: brackets is the tokens (the amount in words is dropped, the words between kept); `32k tokens (about 17 min
#: of audio)`: a size in tokens restated in words or time in brackets keeps the tokens
_SIZE_UNITS = r"(?:words?|sentences?|lines?|paragraphs?|pages?|min|mins|minutes?|hours?|hrs?|seconds?|secs?|chars?|characters?)"
_AMOUNT = r"(?:~\s*+)?(?<![\d.,])\d[\d.,]*+\s*+[km]?"  # one try per number, never backtracking into it (test_hostile_input)
_RESTATED_AS_TOKENS = re.compile(rf"(?:(?:about|around|roughly)\s+)?{_AMOUNT}[\s-]*{_SIZE_UNITS}\b([^()\d]{{0,30}}?)\s*\(\s*(?:about|around|roughly|approx\.?|~)?\s*({_AMOUNT})\s*(tokens?|toks?)\s*\)", re.I)
_RESTATED_IN_WORDS = re.compile(rf"(\b(?:tokens?|toks?)\b[^()\d]{{0,20}}?)\s*\(\s*(?:about|around|roughly|approx\.?|~)?\s*{_AMOUNT}\s*{_SIZE_UNITS}\b[^()\d]{{0,20}}\)", re.I)
_MODEL_POSSESSIVE = re.compile(r"\b(pro|flash|lite|preview|embedding|live|tts)'s\b")
_PER_HYPHEN = re.compile(r"\b(per|a)-(?=(?:day|month|week|year|hour|minute)\b)")
#: `gemini_2.5_flash`: an id typed with underscores is the id, typed as one word like `gemini-2.5-flash`
#: (`gemini pro` with a space is the product's name and then the model's: model_names.match_models).
_UNDERSCORED_ID = re.compile(r"\b(?:models/)?gemini(?:_[a-z0-9.]+)+")
#: `£200`, `NT$15,000`, `€1.5k`: money in a currency other than USD or yuan (`$` alone is USD, `¥` yuan).
_SYMBOL_MONEY = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True)) + r")\s?"
    r"(\d+(?:,\d{3})*(?:\.\d+)?(?:\s?[kmb](?![a-z]))?)?"
)
_DATE = re.compile(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b|(20\d\d)年(\d{1,2})月(\d{1,2})[日号]?")
#: A bare amount after a verb of spending (`we can spend 4k a month on AI`, `can afford 500 a day`): money, in dollars as
#: an English question's money is; only when a period, a purpose or the clause's end follows it (not `spend 4k tokens`,
#: `afford 20 images a day`, `spend 30% of output`).
_SPENT = re.compile(r"\b(spend|afford)\s+(?:about\s+|around\s+|~\s?)?(\d[\d,]*(?:\.\d+)?\s?[km]?)\b"
                    r"(?=\s*(?:a\s+(?:month|day|week|year)\b|per\b|/|each\b|every\b|on\b|for\b|total\b|in\s+total\b|monthly\b|daily\b|[,.?!)]|$))")


_MONEY_AFTER = tuple({code.lower() for code, _ in CURRENCY_SYMBOLS.values()} | {"usd", "dollar", "buck", "rmb", "cny", "yuan", "元", "美元", "块"})


def _thousands_unless_money(match: re.Match[str]) -> str:
    """`12.500 SKUs` is 12,500; `$1.250` (by now `1.250 usd`) stays the money it says."""
    after = match.string[match.end() : match.end() + 12].lstrip()
    if after.startswith(_MONEY_AFTER) or match.string[max(match.start() - 2, 0) : match.start()].strip() in (
            "$", "¥", "€", "£"):
        return match.group(0)
    return match.group(0).replace(".", "")


def normalize(text: str) -> tuple[str, dt.date | None]:
    """The text to tokenize (the first `MAX_QUERY_CHARS` characters, cleaned) and the date it names, if any."""
    # A full-width comma or 、 separates clauses, never thousands: `输出 500，100个用户` is 500 and 100, so
    # it gets a space before NFKC would fold it into a digit-grouping comma
    text = text[:MAX_QUERY_CHARS].replace("，", ", ").replace("、", ", ")
    text = text.replace("ㄧ", "一")  # the Zhuyin letter yi, typed for 一 on Taiwan keyboards (`ㄧ個月`)
    text = unicodedata.normalize("NFKC", text).lower()
    text = simplified_chars(text)
    text = _BUDGET_THEN_YUAN.sub(r"\2预算", text)
    text = _CJK_DECIMAL.sub(lambda m: f"{cjk_value(m.group(1))}.{''.join(_CJK_DIGIT[c] for c in m.group(2))}", text)
    for word, simple in TAIWAN_WORDS.items():  # longest first: `語音訊息` is 语音 + 消息, never 语 + 音讯 + 息
        text = text.replace(word, simple)
    text = _SLACK_MARKUP.sub(" ", text)
    text = _EMOJI.sub(" ", text)  # `:moneybag:` is how Slack sends an emoji: decoration
    text = _BOLD.sub(r" \1 ", text)  # `*50k in*` is bold, not a multiplication
    text = _OWN_NAME.sub(" ", text)
    text = _NAMES_WITH_DIGITS.sub(" 车行 ", text)
    text = _MAKE_SHORT.sub("生成", text)
    text = _LETTERED_NAMES.sub(" ", text)
    text = _CJK_HTTP_ERROR.sub(" 限流 ", text)
    text = _IN_THE_CACHE.sub(" cached ", text)
    if _IMAGE_CUE.search(text):
        # only where images are the subject: `5k in 500 x100` is 100 requests, not a picture size
        text = _RESOLUTION.sub(_resolution, text)
        text = _SIZE_LABEL.sub(lambda m: "" if m.group(1) in "12" else " resolution ", text)
    # the amount first, then the currency's code, as `200 euros` is written: the parser knows the code
    # (CURRENCY_WORDS) or asks about it, and never reads the amount without its currency
    text = _SPENT.sub(r"\1 $\2", text)
    text = _SYMBOL_MONEY.sub(lambda m: f" {m.group(2) or ''} {CURRENCY_SYMBOLS[m.group(1)][0].lower()} ", text)
    text = _UNDERSCORED_ID.sub(lambda m: m.group(0).replace("_", "-"), text)
    text = _IN_OUT.sub("in/out", text)
    text = _A_KIND_OF_DAY.sub(r" a \1 ", text)
    text = _MONTH_ASKED.sub("monthly ", text)
    text = _PER_MILLION.sub(" per 1m ", text)
    text = _WITH.sub(lambda m: " without " if m.group(1) else " with ", text)
    text = _PER_HYPHEN.sub(r"\1 ", text)
    text = _HTTP_ERRORS.sub(" errors ", text)
    text = _HTTP_ERROR_HIT.sub(r"\1 errors ", text)
    text = _INDIAN_GROUPS.sub(lambda m: m.group(0).replace(",", ""), text)
    text = _DOT_GROUPS.sub(_thousands_unless_money, text)
    text = _COMMA_DECIMAL.sub(r"\1.\2", text)
    on_date = None
    match = _DATE.search(text)
    if match is not None:
        y, m, d = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
        try:
            on_date = dt.date(y, m, d)
        except ValueError:
            raise InvalidQuery("bad_date", date=match.group(0)) from None
        text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    text = spelled_numbers(text.replace("`", " ").replace("’", "'"))
    text = _MODEL_POSSESSIVE.sub(r"\1", text)
    text = _CJK_VERSION.sub(_cjk_version, text)
    text = _VERSION_THEN_WORD.sub(_model_word_mistyped, text)
    text = _RESTATED_AS_TOKENS.sub(r" \1 \2 \3 ", text)
    text = _RESTATED_IN_WORDS.sub(r"\1 ", text)
    return text.replace("，", ",").replace("、", ",").replace("。", " ").replace("：", ":").replace("；", ";"), on_date


#: A version number and the word after it (`2.5 falsh`, `3.6flsah`): the word may be a model word mistyped.
_VERSION_THEN_WORD = re.compile(r"(?<![\d.,])(\d(?:\.\d)?)(\s*)([a-z]{3,7})\b")
#: Model words long enough that one slip still names only them (`pro` is one letter from too many words).
_SLIPPABLE_MODEL_WORDS = tuple(w for w in MODEL_WORDS if len(w) >= 4)
#: `二点五flash`: a version said in Chinese numerals, right before a model word.
_CJK_VERSION = re.compile(r"([一二两兩三四五六七八九])[点點]([〇零一二两兩三四五六七八九])\s*(?=[a-z]{3,7}\b)")
_CJK_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "两": "2", "兩": "2"}


def _cjk_version(match: re.Match[str]) -> str:
    """`二点五flash`, `两点五 pro`: a version in Chinese numerals before a model word (or one slip from one) is the version."""
    word = re.match(r"\s*([a-z]+)", match.string[match.end() :])
    if word is None or not (word.group(1) in MODEL_WORDS or any(one_edit(word.group(1), w) for w in _SLIPPABLE_MODEL_WORDS)):
        return match.group(0)
    return f"{_CJK_DIGITS[match.group(1)]}.{_CJK_DIGITS[match.group(2)]} "


def _model_word_mistyped(match: re.Match[str]) -> str:
    """`2.5 falsh` is 2.5 flash: right after a version number, a word one slip from exactly one model word (and no
    English word of its own: `2 lift`) is that word, so the model is named (and "Read as" shows which)."""
    version, space, word = match.groups()
    if word in MODEL_WORDS or is_common_word(word):
        return match.group(0)
    near = [w for w in _SLIPPABLE_MODEL_WORDS if one_edit(word, w)]
    return f"{version}{space}{near[0]}" if len(near) == 1 else match.group(0)


def _resolution(match: re.Match[str]) -> str:
    """`1024x1024` says nothing about the price of a standard image; `4096x4096` does (a 4K image)."""
    standard = all(int(side) <= _STANDARD_IMAGE_SIDE for side in match.groups())
    return " " * len(match.group(0)) if standard else " resolution "  # a word the parser asks about
