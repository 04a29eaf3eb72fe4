"""A period said with `once`: one request in that period.

`每天跑一次`, `每天早上跑一次而已`, `一天一次`, `once a day`, `once per night`: a job run once a day or a month
(a nightly digest, a morning report) is one request a day or a month. The word for once becomes the count 1
of requests, beside its period; the usage said around it is that one request's. Beside a count of requests
(`每天凌晨跑一次batch，2000个请求`) once is how often that many run, and is left to the count. With the price of one run
asked (`一个月就跑一次 … 跑一次多少钱`), how often is context: one request, no period.
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["once_a_period"]

#: Chinese words for running once.
_ONCE_CJK = frozenset(["一次", "跑一次", "调一次", "调用一次", "执行一次", "运行一次", "跑一遍", "一遍"])
#: What may stand between the period and its `once` (`每天早上跑一次`: the time of day, a verb).
_BETWEEN = ("skip", "count_verb")


def once_a_period(tokens: list[Token]) -> list[Token]:
    """The tokens with a `once` said of a period as the count 1 (`每天跑一次` reads `每天 1 次`)."""
    if any(t.kind == "amount" and k + 1 < len(tokens) and (tokens[k + 1].role in ("count", "people", "images") or tokens[k + 1].text == "个")
           for k, t in enumerate(tokens)):
        return tokens  # `每天凌晨跑一次batch，2000个请求`, `80k docs once a month`: a run a day of so many requests
    one_run_asked = any(t.kind == "cjk" and t.text in _ONCE_CJK and k + 1 < len(tokens) and tokens[k + 1].role == "price_q"
                        for k, t in enumerate(tokens))
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        period = _period_of_once(tokens, i)
        if one_run_asked and period is not None:
            # `一个月就跑一次 … 跑一次多少钱`: how often it runs, said beside the price of one run asked: that one run
            tok.role = tokens[period].role = "skip"
            out.append(tok)
            continue
        if period is not None or _once_before_a_period(tokens, i) or _one_call_a_period(tokens, i):
            cjk = tok.kind == "cjk"
            runs = 1 + _once_more(tokens, i)  # (`每天早上跑一次、下午補單再一次`: twice a day)
            out.append(Token("amount", tok.text, tok.start, tok.end, tok.glued, value=Decimal(runs), after_break=tok.after_break))
            out.append(Token("cjk" if cjk else "word", "次" if cjk else "calls", tok.end, tok.end, True, role="count"))
            continue
        out.append(tok)
    return out


#: Words that make a later once another run (`再一次`, `又跑一次`, `once more`).
_AGAIN = frozenset(["再", "又", "另外", "还要", "还", "再跑", "再来"])


def _once_more(tokens: list[Token], i: int) -> int:
    """How many more runs are said after the once at ``i``, each `再一次` said of another time of the same day (`下午再一次`,
    `晚上再跑一次`; read here: no request of their own). Not a run that may or may not happen (`如果有问题再一次`, `出错后的重跑`),
    nor one on another day (`周末再一次`, `明天再一次`): those ask."""
    more = 0
    for k in range(i + 1, min(i + 12, len(tokens))):
        before = tokens[k - 1].text
        if tokens[k].kind == "cjk" and tokens[k].text in _ONCE_CJK and (before in _AGAIN or before.endswith(("再", "又"))):
            between = tokens[i + 1 : k]
            if any(word in t.text for t in between for word in _MAYBE_OR_ANOTHER_DAY):
                return 0
            if any(part in t.text for t in tokens[max(k - 4, i + 1) : k] for part in _TIMES_OF_DAY):  # (`下午再` may be one word)
                tokens[k].role = tokens[k - 1].role = "skip"
                more += 1
        elif tokens[k].kind == "amount" or (tokens[k].role or "").startswith("period:"):
            break  # (a count or another period: no more runs of this one)
    return more


#: Times of a day another run is said at (`下午再一次`).
_TIMES_OF_DAY = ("下午", "晚上", "中午", "傍晚", "夜里", "夜间", "午后", "睡前", "上午", "早上", "凌晨")
#: Words that make another run conditional or on another day (`如果有问题再一次`, `周末再一次`): asked.
_MAYBE_OR_ANOTHER_DAY = ("如果", "的话", "要是", "重试", "重跑", "出错", "失败", "有问题", "周末", "明天", "下次", "隔天", "周", "月")


def _period_of_once(tokens: list[Token], i: int) -> int | None:
    """`每天跑一次`, `一天一次`, `每天早上跑一次而已`: a period, then once, with nothing said of a request between. The
    index of the period word, or None."""
    if tokens[i].kind != "cjk" or tokens[i].text not in _ONCE_CJK:
        return None
    k = i - 1
    while k >= 0 and i - k <= 3 and (tokens[k].role in _BETWEEN or tokens[k].kind == "cjk" and tokens[k].role in (None, "total", "make")) and (
            not tokens[k + 1].after_break):
        k -= 1  # (`每天下班汇总一次`: what is done, once)
    return k if k >= 0 and not tokens[k + 1].after_break and tokens[k].role in ("period:day", "period:month") else None


#: A call or a run, said as one of them (`one giant call per night`, `one request a day`).
_ONE_RUN = frozenset(["call", "request", "run", "job", "pass", "prompt"])


def _one_call_a_period(tokens: list[Token], i: int) -> bool:
    """`one giant call per night`, `one request a day`: one call in that period (the words between are read here)."""
    if tokens[i].text != "one":
        return False
    k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].kind == "word" and tokens[i + 1].role is None)  # (`giant`)
    if not (k + 2 < len(tokens) and tokens[k].text in _ONE_RUN and tokens[k + 1].text in ("a", "per", "every", "each")
            and tokens[k + 2].role in ("period:day", "period:month")):
        return False
    for j in range(i + 1, k + 1):
        tokens[j].role = "skip"
    return True


def _once_before_a_period(tokens: list[Token], i: int) -> bool:
    """`once a day`, `once per month`: the English phrase (vocab.PHRASES3 reads its period)."""
    return (tokens[i].text == "once" and i + 2 < len(tokens) and tokens[i + 2].role in ("period:day", "period:month")
            and tokens[i + 1].text in ("a", "per", "every", "each"))
