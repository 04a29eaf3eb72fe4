"""A prompt given in two pieces: a cached one and the part sent on top of it.

`系统提示词 4000 token 固定走缓存，用户问题再加 500`, `25k tok sys prompt cached, user q ~500`,
`sys prompt 8k cached + ~1k fresh`: people describe the prompt by its pieces, the long fixed one that is
cached and the new one each request adds. The whole input is their sum, of which the first is cached.

The pass reads the two amounts itself (cached, and cached + new as the input) and marks them and their
words used, so pairing leaves them alone.
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token
from .neighbours import cached_after, clause_around, plain_word, said_in_tokens, said_of_a_cache
from .vocab import TOKEN_WORDS

__all__ = ["cached_piece_and_new_part", "denied_caches"]

#: Words that name the new piece of a prompt, before its amount.
_NEW_PIECE = frozenset(["再加", "另外", "额外", "加上", "再输入", "用户", "问题", "用户问题", "消息", "讯息", "玩家", "提问", "还有", "user", "q", "question",
                        "query", "plus", "+", "另加", "再多", "多", "adds", "add", "adding", "本身", "itself"])  # fmt: skip
#: Words that name it after its amount (`~1k fresh`).
_NEW_AFTER = frozenset(["fresh", "new", "uncached", "dynamic"])
_CACHE = ("label:cached", "label:cache")
#: Words between the cache verb and the amount cached (`cache a 300k token manual`, `cache our 120k style guide`).
_DETERMINERS = frozenset(["a", "an", "the", "our", "my", "your", "this", "that", "its", "their"])


def cached_piece_and_new_part(tokens: list[Token]) -> tuple[Decimal, Decimal] | None:
    """`<prompt> A cached …, <new piece> B`: (cached, input) = (A, A + B), or None."""
    caches = [k for k, t in enumerate(tokens) if t.role in _CACHE and not t.used]
    if not caches:
        return None
    # the first cache word and those right after it (`context cache`); one said later, after an amount, is
    # the storage's (`cache每天開9小時`)
    first_amount = next((k for k in range(caches[0], len(tokens)) if tokens[k].kind == "amount"), len(tokens))
    caches = [k for k in caches if k < first_amount]
    cache = caches[0]
    if _cache_denied(tokens, cache):
        return None  # (`prompt 3000 tokens（沒有 cached）`, `(not cached)`, `(cache miss every time)`: nothing cached)
    if _only_hoped(tokens, _clause_of(tokens, cache)):
        return None  # (`rubric is 5k tokens, maybe cache it?`, `要不要开缓存`: a cache asked about, none said)
    if any(t.role == "label:input" and t.text in ("输入", "input", "in") and not _before_the_cache(tokens, k, cache) for k, t in enumerate(tokens[:cache])):
        return None  # (`输入5万 其中4万走缓存`: the whole input is given first; that is a share, not a piece)
    first = _amount_before(tokens, cache)
    # (`客服知識庫 8 萬 token 每次都帶，全部走快取`: content said in tokens, then cached, is the cached piece)
    if first is not None and not (_prompt_word_near(tokens, first) or said_in_tokens(tokens, first)):
        return None
    if first is None:
        first = _amount_cached_after(tokens, cache)  # `we cache a 300k token manual`, `cache our 120k style guide`
    if first is None or _another_thing_cached(tokens, first, cache):
        return None
    reversed_pieces = _new_piece_before(tokens, first, cache)
    if reversed_pieces is not None:
        return reversed_pieces
    # the new piece: the first amount after the cache that is not the count of requests, read by pairing
    # (`cache the 200k token manual, 300 calls, each adds 1k tokens`)
    # (past the cache's own hours: `放6个小时，一共调用300次，每次新增输入1千`)
    again = [k for k in range(first + 1, len(tokens)) if tokens[k].kind == "amount" and tokens[k].value == tokens[first].value
             and cached_after(tokens, k)]  # `each query is the 420k cached + ~500 new`: the cached piece said again
    second = next((k for k in range(max(caches[-1], first) + 1, len(tokens))
                   if tokens[k].kind == "amount" and k not in again and not _a_count(tokens, k) and not _hours_of_the_cache(tokens, k)), None)
    if second is None or tokens[second].money is not None:
        return None
    if any(t.role == "part" or t.text in ("其中", "which") for t in tokens[second + 1 : second + 4]):
        return None  # `每则问题 input 9萬5百、其中 9萬 cached`: the whole input, its cached share said after it
    k = second + 1
    while k < len(tokens) and tokens[k].role == "link":
        k += 1
    after = tokens[k] if k < len(tokens) else None
    smaller = (tokens[second].value or 0) < (tokens[first].value or 0)  # (`~60.5k in total (60k cached)`: the whole prompt)
    own_label = k if after is not None and after.role == "label:input" and after.text in ("in", "input") and not after.after_break and smaller else None
    if own_label is not None:
        after = None  # `each 1k in, 800 out`, `每次新增 2k input`: the new piece's own label, after it in English order
    counted = (after.role or "").startswith(("count", "people")) if after is not None else False
    if after is not None and (after.role or "").startswith("label:") and _owns_an_amount(tokens, k):
        after = None  # `每則旅客訊息400 token 回300`: the label after it opens the next amount
    if after is not None and not after.after_break and (after.role or "").startswith(("label:", "count", "people", "dur:", "period:")):
        if after.text not in _NEW_AFTER and not (counted and said_in_tokens(tokens, second)):  # (`八百token对话`: tokens of it)
            return None  # `…, 500 out`: the amount after the cache is another part's
    new_label = _new_piece_label(tokens, second, tokens[first].value)
    if new_label is None:
        return None
    for k in [*range(max(first - 5, 0), first), *range(first + 1, min(first + 6, len(tokens)))]:
        if tokens[k].role == "label:input":
            tokens[k].used = True  # `系统提示词 4000`, `25k tok sys prompt cached`: the prompt word names the cached piece
    for k in (*caches, new_label, first, second, *([own_label] if own_label is not None else [])):
        tokens[k].used = True
    for k in again:
        tokens[k].used = True
        if k + 1 < len(tokens) and tokens[k + 1].role in _CACHE:
            tokens[k + 1].used = True
    k = first - 1
    while k >= 0 and first - k <= 2 and _names_the_piece(tokens[k]) and not tokens[k + 1].after_break:
        tokens[k].role = "skip" if tokens[k].role is None else tokens[k].role  # `全店商品知识 一万二token`: its name
        tokens[k].used = True
        k -= 1
    cached, new = tokens[first].value, tokens[second].value
    assert cached is not None and new is not None
    return cached, cached + new


#: Words that deny a cache word beside them (`not cached`, `cache miss`, `cache expired`, `cached? not yet`).
_DENIALS = frozenset(["not", "no", "non", "without", "never", "miss", "misses", "expired", "yet", "uncached", "disabled", "off"])
_DENIAL_CHARS = frozenset("不没沒未非无無")
_DENIAL_WORDS_CJK = frozenset(["不", "没", "沒", "没有", "沒有", "未", "非", "无", "無", "不走", "没走", "沒走", "不用", "没用", "沒用", "不做", "没做", "沒做"])


def denied_caches(tokens: list[Token]) -> None:
    """`（沒有 cached）`, `not cached`, `no cache`: a cache word denied beside it names nothing cached; it is read here
    (no label left to ask how much is cached), wherever it is said."""
    for k, tok in enumerate(tokens):
        if tok.role in ("label:cache", "label:cached") and _cache_denied(tokens, k):
            tok.role = "skip"
            before = _denial_before(tokens, k)
            if before is not None:
                before.role = "skip"


def _denial_before(tokens: list[Token], cache: int) -> Token | None:
    """The word right before the cache word at ``cache``, in its clause, when it denies it (`not cached`, `沒有 cached`)."""
    before = tokens[cache - 1] if cache > 0 and not tokens[cache].after_break else None
    if before is not None and (before.text in _DENIALS or before.kind == "cjk" and before.text in _DENIAL_WORDS_CJK):
        return before
    return None


def _cache_denied(tokens: list[Token], cache: int) -> bool:
    """The cache word at ``cache`` is denied: `not cached`, `（沒有 cached）`, `未缓存`, `cache miss`, `cache expired` (not
    `固定不变走缓存`: the denial must be said of the cache word itself)."""
    word = tokens[cache]
    if word.kind == "cjk" and any(c in _DENIAL_CHARS for c in word.text[:2]):
        return True  # `未缓存`, `没缓存`, `不走缓存`
    if _denial_before(tokens, cache) is not None:
        return True
    after = []
    for t in tokens[cache + 1 : cache + 4]:
        if t.after_break:
            break  # (`8k cached, rest not cached`: the denial in the next clause is of another cache word)
        after.append(t)
    return any(t.text in _DENIALS for t in after)


def _new_piece_before(tokens: list[Token], cached: int, cache: int) -> tuple[Decimal, Decimal] | None:
    """`每篇作文800 token，批改标准system prompt 4k（缓存）`, `每件文字 600 tokens + 分類說明 prompt 3000 tokens(cached)`: what each
    request adds said first, in tokens, then the prompt that is cached (a prompt word before it, the cache word right after):
    (cached, input) = (B, A + B), or None."""
    if cache - cached > 3 or not any(t.role == "label:input" and t.text in _PROMPT_WORDS for t in tokens[max(cached - 3, 0) : cached]):
        return None
    new = cached - 1
    while new >= 0 and tokens[new].kind != "amount":
        new -= 1
    if new < 0 or cached - new > 10 or tokens[new].used or tokens[new].money is not None or not said_in_tokens(tokens, new):
        return None
    if any((tokens[i].role or "").startswith(("label:output", "label:thinking", "label:cache")) for i in range(max(new - 3, 0), min(new + 4, cached))):
        return None  # (`输出 800 token，system prompt 4k 缓存`, `800 token 的评语输出`: the 800 is another part's)
    if any(t.role in ("part", "total") for t in tokens[new + 1 : cached]):
        return None  # (`800 token 其中 …`: a share, not a piece)
    labelled = any(t.role == "label:input" and t.text in ("输入", "輸入", "input", "in") for t in tokens[max(new - 3, 0) : new])
    if labelled and (tokens[new].value or 0) >= (tokens[cached].value or 0):
        return None  # (`每次输入 5000，system prompt 4k 缓存`: the whole input, perhaps, with the prompt in it: asked)
    for k in (new, cached, cache):
        tokens[k].used = True
    for k in range(max(cached - 3, 0), cached):
        if tokens[k].role == "label:input":
            tokens[k].used = True
    piece, whole = tokens[cached].value, tokens[new].value
    assert piece is not None and whole is not None
    return piece, piece + whole


#: Words that name the prompt sent every time (`system prompt 4k`, `分類說明 prompt 3000`).
_PROMPT_WORDS = frozenset(["prompt", "提示词", "提示詞", "system", "系统提示", "系統提示", "系统提示词", "系統提示詞"])


def _hours_of_the_cache(tokens: list[Token], k: int) -> bool:
    """`缓存存6小时`, `(TTL 6 hours)`, `kept for 24h`: the hours the cached piece is stored (pairing reads them)."""
    return k + 1 < len(tokens) and (tokens[k + 1].role or "").startswith("dur:") and said_of_a_cache(tokens, k, k + 1)


def _before_the_cache(tokens: list[Token], k: int, cache: int) -> bool:
    """`a 600k token pack in cache`, `in the context cache`: `in` before the cache word is where, not the input."""
    if tokens[k].text != "in" or k > 0 and tokens[k - 1].kind == "amount":
        return False  # (`1M in cached 800k`: the input's label, after its amount)
    return all(t.role in ("skip", "link") or t.role in _CACHE for t in tokens[k + 1 : cache + 1])


def _a_count(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` counts requests (`300 calls`, `4000次提问`): the first word with a role after it, past
    plain words, is a count. An amount said in tokens never is, nor one a word of a new piece opens (`每次除了缓存再加1k的问题`)."""
    if said_in_tokens(tokens, k):
        return False
    if any(t.text in ("再加", "另加", "加上", "plus", "adds", "add", "+") for t in tokens[max(k - 2, 0) : k]):
        return False
    for t in tokens[k + 1 : k + 4]:
        if t.after_break:
            return False
        if t.role in (None, "skip", "link") and (t.role is not None or plain_word(t)):
            continue
        return (t.role or "").startswith("count")
    return False


def _owns_an_amount(tokens: list[Token], label: int) -> bool:
    k = label + 1
    while k < len(tokens) and tokens[k].role in ("skip", "link") and k - label <= 3:
        k += 1
    return k < len(tokens) and tokens[k].kind == "amount" and not tokens[k].after_break


def _amount_before(tokens: list[Token], cache: int) -> int | None:
    k = cache - 1  # (across a comma: `大约 8000 token，固定不变走缓存`)
    while k >= 0 and cache - k <= 6 and tokens[k].kind != "amount":
        k -= 1
    if k >= 0 and tokens[k].kind == "amount" and tokens[k].money is None:
        return k
    return _piece_said_before_its_cache_word(tokens, cache)


#: How far back a piece said in tokens may stand before the cache word said of it in a later clause.
_PIECE_BEFORE_ITS_CACHE_WORD = 16


def _piece_said_before_its_cache_word(tokens: list[Token], cache: int) -> int | None:
    """`rubric is 5k tokens and identical for every essay so we cache it`, `品牌话术规范，大概1.2万token，每次回复点评都要带上，
    想走context cache`: the one amount before the cache word, said in tokens, a few clauses back: the piece cached. Not an
    amount another label names (`输出 2k token，想用缓存`), nor when another amount stands before it."""
    amounts = [k for k in range(cache) if tokens[k].kind == "amount"]
    if len(amounts) != 1 or cache - amounts[0] > _PIECE_BEFORE_ITS_CACHE_WORD:
        return None
    k = amounts[0]
    if tokens[k].money is not None or not said_in_tokens(tokens, k):
        return None
    beside = [t for t in tokens[max(k - 2, 0) : k + 3] if t is not tokens[k]]
    if any((t.role or "").startswith(("label:output", "label:thinking", "label:audio", "label:video", "images")) for t in beside):
        return None
    said = [t.text for t in tokens[k + 1 : cache + 3]]
    per_request = any(a in ("per", "a", "each") and b in ("request", "call") for a, b in zip(said, said[1:], strict=False))
    cjk_said = "".join(t.text for t in tokens[k + 1 : cache + 3] if t.kind == "cjk")
    if per_request or any(w in _A_SHARE_OR_THE_WHOLE for w in said) or any(w in cjk_said for w in _A_SHARE_OR_THE_WHOLE_CJK):
        return None  # (`8k tokens per request, most of which … we cache`: the whole input, a share of it cached)
    clause = _clause_of(tokens, cache)
    if any((t.role or "").startswith("label:output") or t.role == "make" or t.text in _MADE for t in clause):
        return None  # (`the answers it generates we'd cache`: no cached piece of the prompt said)
    if any(t.kind == "word" and plain_word(t) and t.text not in _POINTING for t in clause) or any(
            t.kind == "cjk" and t.role is None and len(t.text) >= 2 for t in clause):
        return None  # (`we cache the guidelines`, `缓存职位描述`: the cache word names its own thing, not the size said)
    return k


def _another_thing_cached(tokens: list[Token], first: int, cache: int) -> bool:
    """The cache word's clause names the prompt while the size said is of something else (`the support article is ~3k
    tokens, but the system prompt is what we'd cache`, `chat history grows to ~20k tokens, we cache the persona prompt`),
    or two things are cached (`both of which we cache`)."""
    clause = _clause_of(tokens, cache)
    if any(t.text in ("both", "两份", "兩份", "两个", "兩個") for t in tokens[first + 1 : cache + 1]):
        return True

    def names_the_prompt(part: list[Token]) -> bool:
        return any(t.role == "label:input" and t.text in _PROMPT_WORDS for t in part)

    return names_the_prompt(clause) and not names_the_prompt(_clause_of(tokens, first)) and not any(t is tokens[first] for t in clause)


#: Words that make the amount before the cache word the whole input or a share of it, not the piece cached.
_A_SHARE_OR_THE_WHOLE = frozenset(["most", "mostly", "part", "partly", "partially", "total", "totals", "usage", "window", "hit", "hits", "implicit",
                                   "implicitly", "some", "half"])
_A_SHARE_OR_THE_WHOLE_CJK = ("大部分", "大多", "部分", "请求", "總共", "总共", "命中", "隐式", "一半")
#: Words of a thing made (`the answers it generates`, `生成的摘要`).
_MADE = frozenset(["generate", "generates", "generated", "generating", "生成"])
#: Words that point back to the piece said before (`so we cache it`, `这块走缓存`): no thing of their own.
_POINTING = frozenset(["it", "this", "that", "those", "these", "them", "we", "we'd", "i", "so", "and", "then", "just", "also", "all", "the", "a"])
#: Words that only hope for or ask about a cache (`should we cache it?`, `考虑要不要开快取`).
_HOPED = frozenset(["should", "could", "would", "maybe", "worth", "consider", "considering", "whether", "hopefully", "might", "can", "?",
                    "考虑", "考慮", "要不要", "是否", "能不能", "可不可以", "可以吗", "吗", "嗎", "值得"])


#: Words that open the part of a sentence a cache word is said in (`… so we cache it`, `…所以我们缓存职位描述`).
_OPENERS = frozenset(["so", "and", "but", "then", "which", "that's", "所以", "但是", "但", "然后", "并且", "而且"])


def _clause_of(tokens: list[Token], k: int) -> list[Token]:
    """The clause the token at ``k`` stands in (neighbours.clause_around), from the last word in it that opens a part of
    the sentence, or an amount (`so we cache it`), to three tokens past ``k`` at most."""
    start, end = clause_around(tokens, k)
    opened = [j for j in range(start + 1, k + 1) if tokens[j - 1].text in _OPENERS or tokens[j - 1].kind == "amount"]
    return tokens[opened[-1] if opened else start : min(end, k + 4)]


def _only_hoped(tokens: list[Token], clause: list[Token]) -> bool:
    return any(t.text in _HOPED or t.role == "question" or t.kind == "cjk" and any(w in t.text for w in _HOPED if len(w) > 1) for t in clause)


def _amount_cached_after(tokens: list[Token], cache: int) -> int | None:
    """`cache a 300k token manual`: the English cache word as a verb, the amount said in tokens right after it (past an
    article). (`缓存5万token，每次请求输入总共3万`: in Chinese a cached amount after the word may be more than the input
    said after it, which is asked about: cached_exceeds_input.)"""
    if tokens[cache].kind != "word":
        return None
    k = cache + 1
    while k < len(tokens) and k - cache <= 3 and tokens[k].kind != "amount" and (tokens[k].text in _DETERMINERS or tokens[k].text == "of" and k == cache + 1):
        k += 1  # (`an explicit cache of our 40k-token knowledge base`)
    if k > cache + 1 and k + 1 < len(tokens) and plain_word(tokens[k]) and not tokens[k + 1].after_break:
        # `we cache the formulary (about 80k tokens)`: the thing named, then its size in tokens
        j = k + 1
        while j < len(tokens) and j - k <= 2 and tokens[j].text in ("about", "around", "roughly", "approx", "~", "is", "of"):
            j += 1
        if j < len(tokens) and tokens[j].kind == "amount" and said_in_tokens(tokens, j) and tokens[j].money is None and not _only_hoped(
                tokens, _clause_of(tokens, cache)):
            return j  # (`should we cache the formulary (about 80k tokens)?`: only asked about)
    if k >= len(tokens) or tokens[k].kind != "amount" or tokens[k].money is not None or tokens[k].after_break:
        return None
    # said in tokens, or sizing the noun after it (`cache our 120k style guide`)
    sized = k + 1 < len(tokens) and plain_word(tokens[k + 1]) and not tokens[k + 1].after_break
    return k if said_in_tokens(tokens, k) or sized else None


def _prompt_word_near(tokens: list[Token], amount: int) -> bool:
    """The amount is the prompt's: an input word right before it, or after it before the cache word."""
    before = [tokens[k] for k in range(max(amount - 5, 0), amount)]
    after = [tokens[k] for k in range(amount + 1, min(amount + 5, len(tokens)))]
    return any(t.role == "label:input" for t in before + after)


def _new_piece_label(tokens: list[Token], second: int, cached: Decimal | None) -> int | None:
    """The word naming the new piece: an input label or a new-piece word just before the amount (same
    clause), or `fresh` right after it."""
    in_tokens = said_in_tokens(tokens, second)  # (`每則旅客訊息400 token`: a count word there names the piece)
    new = tokens[second].value
    # (`系统提示 4000 缓存，每次请求 4500`: a larger amount each time may be the whole prompt, so it is asked)
    smaller = cached is not None and new is not None and new < cached
    for k in range(second - 1, max(second - 4, -1), -1):
        if tokens[k].kind == "amount" or tokens[k + 1].after_break and k < second - 1:
            break
        if tokens[k].text in ("本身", "itself") and not (smaller and k > 0 and tokens[k - 1].text not in _WHOLE_REQUEST):
            return None  # (`每次请求本身4500 token`, `each request itself totals 4.5k`: the whole request, perhaps)
        if tokens[k].text in _NEW_PIECE or tokens[k].role == "label:input" and smaller:
            return k  # (`每次输入一万七` beside a cached 一万五: the whole prompt, perhaps; asked)
        if smaller and tokens[k].role == "each" and all(_names_the_piece(t) or in_tokens and t.role == "count" for t in tokens[k + 1 : second]):
            # `每段合约原文2k`, `每則旅客訊息400 token`, `每轮还有八百token对话`: what each request adds
            for t in tokens[k + 1 : second]:
                t.role = "skip" if t.role is None else t.role  # the piece's name is explained
                t.used = True
            return k
    if second + 1 < len(tokens) and tokens[second + 1].text in _NEW_AFTER:
        return second + 1
    k = second + 1 + (second + 1 < len(tokens) and tokens[second + 1].text in TOKEN_WORDS)
    if k + 1 < len(tokens) and (tokens[k].text, tokens[k + 1].text) == ("on", "top") and not tokens[k].after_break and smaller:
        return k  # `review text is ~250 tokens on top`: what each request adds to the cached piece
    return None


#: Words naming a whole request before 本身/itself (`每次请求本身 4500`): no new piece of it.
_WHOLE_REQUEST = frozenset(["请求", "每次请求", "次请求", "request", "requests", "call", "调用", "每次", "prompt"])


def _names_the_piece(tok: Token) -> bool:
    """A word between `each` and the new piece's amount: filler, or a plain noun naming it (no price character)."""
    return tok.role in ("skip", "link") or tok.text in _NEW_PIECE or plain_word(tok)
