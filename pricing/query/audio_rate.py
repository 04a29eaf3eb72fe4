"""Audio tokens worked out in the question: `15 秒，按 32 token/秒 就是 480 token`, `1分鐘算1920 token所以約76,800
audio token`, `音频 token 按每秒 32 算 = 5760`; or a recording's length and its tokens side by side (`录音一段 1 分钟
大约 1,920 token`, `~9.6k audio tokens (5 min call)`).

People who price audio often show their sum: the length, Google's rate (32 tokens a second, 1,920 a
minute, 115,200 an hour) and the tokens it makes. The rate is no amount of the usage and the length is
the audio's: the tokens they arrive at are the audio input of a request. Only Google's rate is read so
(another rate is the asker's own assumption, and asked about).
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token
from .neighbours import duration_in_hours
from .usage import AUDIO_TOKENS_PER_SECOND
from .vocab import TOKEN_WORDS

__all__ = ["audio_length_in_tokens", "audio_worked_out"]

#: Tokens of audio per unit of time, by the words for the unit.
_RATES = {
    **dict.fromkeys(("秒", "秒钟", "s", "sec", "second"), Decimal(AUDIO_TOKENS_PER_SECOND)),
    **dict.fromkeys(("分钟", "min", "minute"), Decimal(AUDIO_TOKENS_PER_SECOND * 60)),
    **dict.fromkeys(("小时", "hour", "hr"), Decimal(AUDIO_TOKENS_PER_SECOND * 3600)),
}
_PER = ("每", "/", "per", "a", "每个")
_ONE = ("1", "一")


def audio_worked_out(tokens: list[Token]) -> tuple[Decimal, Decimal] | None:
    """(audio tokens a request, the audio's length in hours) when the question works them out, else None;
    the rate, the length and the tokens are marked used."""
    if not any(t.role == "label:audio" for t in tokens):
        return None  # Google's audio rate, said of audio only
    rate_at = _rate_statement(tokens)
    if rate_at is None:
        return None
    start, end = rate_at
    result = next((k for k in range(end, min(end + 5, len(tokens))) if tokens[k].kind == "amount"), None)
    if result is None or tokens[result].money is not None:
        return None
    audio = tokens[result].value
    if audio is None or audio % AUDIO_TOKENS_PER_SECOND:
        return None  # the sum checks itself: whole seconds of audio at 32 tokens each
    length = next((k for k in range(start - 1, max(start - 8, -1), -1) if tokens[k].kind == "amount"), None)
    hours = None
    if length is not None and length + 1 < len(tokens) and (tokens[length + 1].role or "").startswith("dur:"):
        hours = duration_in_hours(tokens, length, length + 1)
        if (hours * 3600).to_integral_value() * AUDIO_TOKENS_PER_SECOND != audio:
            return None  # a length that does not make those tokens: not the sum it seems
        tokens[length].used = True
        tokens[length + 1].role = "skip"
    for k in range(start, end):
        tokens[k].as_filler()
    tokens[result].used = True
    for tok in tokens:
        if tok.role == "label:audio":
            tok.used = True  # the audio is this one
    return audio, hours or Decimal(0)


def _rate_statement(tokens: list[Token]) -> tuple[int, int] | None:
    """The tokens [start, end) that state Google's rate: `32 token/秒`, `每秒 32`, `1秒32 token`, `1分鐘算1920 token`."""
    for k, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.value is None:
            continue
        # the rate after its unit: `每秒 32`, `1秒32 token`, `1分鐘算1920 token`, `按32/秒`
        j = k - 1
        while j >= 0 and tokens[j].text in ("算", "按", "约", "大约"):
            j -= 1
        unit = _unit(tokens, j)
        if unit is not None and tok.value == _RATES[unit[1]]:
            first = unit[0]
            if first > 0 and tokens[first - 1].kind == "amount" and tokens[first - 1].text.strip() in _ONE:
                first -= 1  # `1秒`, `一分钟`
            return first, _after_tokens_word(tokens, k + 1)
        # the rate before its unit: `32 token/秒`, `32/秒`, `32 tokens per second`
        m = _after_tokens_word(tokens, k + 1)
        if m < len(tokens) and tokens[m].text in _PER and m + 1 < len(tokens):
            name = _unit_name(tokens[m + 1])
            if name is not None and tok.value == _RATES[name]:
                return k, m + 2
    return None


def _after_tokens_word(tokens: list[Token], k: int) -> int:
    return k + 1 if k < len(tokens) and tokens[k].text in ("token", "tokens", "tok", "个") else k


def _unit(tokens: list[Token], j: int) -> tuple[int, str] | None:
    if j < 0:
        return None
    text = tokens[j].text
    for per in ("每", "每个", "一", "1"):
        if text.startswith(per) and text[len(per) :] in _RATES:
            return j, text[len(per) :]  # `每秒`, `一分钟` as one word
    name = _unit_name(tokens[j])
    if name is not None and j > 0 and (tokens[j - 1].text in _PER or tokens[j - 1].text.strip() in _ONE):
        return j - 1 if tokens[j - 1].text in _PER else j, name
    return None


def _unit_name(tok: Token) -> str | None:
    return tok.text if tok.text in _RATES else None


#: Words between a length and the tokens it makes (`1 分钟大约 1,920 token`, `60s clip = 1,920 audio tokens`).
_SAID_AS = frozenset(["=", "≈", "~", "约", "大约", "大概", "差不多", "就是", "算", "是", "about", "is", "roughly", "around", "(", "（"])


def audio_length_in_tokens(tokens: list[Token]) -> tuple[Decimal, Decimal] | None:
    """(audio tokens a request, the length in hours) when a recording's length and its tokens are said side by
    side, in either order (`每条音频大概 1分钟 = 1920 token`, `~9.6k audio tokens (5 min call)`), and agree with
    Google's rate within 5%: the tokens are the audio, the length tells what it is. Both are marked used."""
    if not any(t.role == "label:audio" for t in tokens):
        return None
    for k, tok in enumerate(tokens[:-1]):
        if tok.kind != "amount" or tok.value is None or tok.used or not (tokens[k + 1].role or "").startswith("dur:"):
            continue
        hours = duration_in_hours(tokens, k, k + 1)
        made = hours * 3600 * AUDIO_TOKENS_PER_SECOND
        for said in (_tokens_after(tokens, k + 2), _tokens_before(tokens, k)):
            if said is None:
                continue
            value = tokens[said].value
            if value is not None and made and abs(value - made) <= made / 20:
                tokens[k].used = True
                tokens[k + 1].role = "skip"
                tokens[said].used = True
                for word in tokens:
                    if word.role == "label:audio":
                        word.used = True  # the audio is this one
                return value, hours
    return None


def _tokens_after(tokens: list[Token], k: int) -> int | None:
    while k < len(tokens) and tokens[k].text in _SAID_AS and not tokens[k].after_break:
        k += 1
    return k if k < len(tokens) and _in_tokens(tokens, k) else None


def _tokens_before(tokens: list[Token], k: int) -> int | None:
    """`~9.6k audio tokens (5 min call)`: the tokens just before the length, the length in brackets."""
    j = k - 1
    if j < 0 or tokens[j].text not in ("(", "（"):
        return None
    j -= 1
    while j >= 0 and (tokens[j].text in TOKEN_WORDS or tokens[j].role == "label:audio"):
        j -= 1
    return j if j >= 0 and tokens[j].kind == "amount" and tokens[j].money is None and not tokens[j].used else None


def _in_tokens(tokens: list[Token], k: int) -> bool:
    if tokens[k].kind != "amount" or tokens[k].money is not None or tokens[k].used:
        return False
    after = k + 1
    while after < len(tokens) and tokens[after].role == "label:audio":
        after += 1  # `1,920 audio tokens`
    return after < len(tokens) and tokens[after].text in TOKEN_WORDS
