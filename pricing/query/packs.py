"""Things packed into one request: `每50条打包一次`, `把评论 100 条打包成一个请求`, `每一百条打一包请求`, `bundle 20
reviews per call`. The amount is how many things one request carries, never a count of requests.

The pack size is taken out of pairing (it would be a second request count). Once the requests are read
(`parse._unpacked`): a count of the same things (`每天2000条`) is divided by the pack size, as the asker means
(2000 messages a day, 50 to a request: 40 requests); a count of requests said as such (`每天 3000 个请求`) stands.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..tokens import Token
from .vocab import COUNTING_MEASURES, TOKEN_WORDS

__all__ = ["Pack", "packed_per_request"]

#: Measure words of things packed (`条`, `篇`, and `行` lines of text).
_PACKED_MEASURES = COUNTING_MEASURES | {"行"}
#: Words that say the things before them go into one request together.
_PACK_WORDS = frozenset(["打包", "打一包", "一包", "打包成", "打成一包", "合并成", "合成", "拼成", "拼在一起", "合在一起"])
#: English: `20 reviews per call`, `50 strings per request`, `bundle 30 comments into one request`.
_PER_REQUEST = frozenset(["request", "call", "prompt"])
#: English verbs of packing things into one request (`bundle 20 reviews per call`, `we batch ~50 strings per request`).
_PACK_VERBS = frozenset(["bundle", "bundled", "bundling", "batch", "batched", "batching", "pack", "packed", "group", "grouped", "combine",
                         "combined", "chunk", "chunked", "put", "send", "stuff", "stuffed"])
#: Searches said per request are grounding's (`4 queries per prompt`), never things packed.
_SEARCH_WORDS = frozenset(["queries", "searches", "lookups"])


@dataclass(frozen=True)
class Pack:
    size: Decimal  # things in one request
    measure: str  # what counts them (`条`, `reviews`): a count of the same is of things, not of requests
    things: Decimal | None = None  # the things counted, when the requests are counted too (`50万行 … 一共1万个请求`)

    @property
    def figures(self) -> tuple[Decimal, ...]:
        return (self.size,) if self.things is None else (self.size, self.things)


def packed_per_request(tokens: list[Token]) -> Pack | None:
    """The pack size said in the question (its amount marked used), or None."""
    for k, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None or tok.value is None or k + 2 >= len(tokens):
            continue
        if tok.value < 2 or tok.value != tok.value.to_integral_value():
            continue  # (`bundle 0 reviews`, `2.5 reviews per call`: no pack of whole things)
        measure = tokens[k + 1]
        if measure.after_break:
            continue
        if measure.kind == "cjk" and measure.text[:1] in _PACKED_MEASURES and _pack_word_after(tokens, k + 2):
            _read(tokens, k)
            return Pack(tok.value, measure.text[:1], _things_beside_requests(tokens, k, measure.text[:1]))
        if (measure.kind == "word" and measure.role in (None, "count") and measure.text.endswith("s") and measure.text not in TOKEN_WORDS | _SEARCH_WORDS
                and _per_request_after(tokens, k + 2) and any(t.text in _PACK_VERBS for t in tokens[max(k - 2, 0) : k])):
            # (`4k tokens per prompt` is a size, `2 searches per request` grounding, `3 retries per call` calls)
            _read(tokens, k)
            return Pack(tok.value, measure.text, _things_beside_requests(tokens, k, measure.text))
    return None


#: What a count of requests is said in (`1万个请求`, `4,400 requests`).
_REQUEST_COUNT_NOUNS = frozenset(["请求", "个请求", "次请求", "次调用", "requests", "calls"])


def _things_beside_requests(tokens: list[Token], pack: int, measure: str) -> Decimal | None:
    """`50万行文本，每50行打包成一个请求，一共1万个请求`: with the requests counted as such, the things counted by the
    pack's measure are read (no second count of requests); their number, or None."""
    if not any(t.kind == "amount" and k + 1 < len(tokens) and tokens[k + 1].text in _REQUEST_COUNT_NOUNS for k, t in enumerate(tokens)):
        return None
    for k, tok in enumerate(tokens[:-1]):
        if k != pack and tok.kind == "amount" and not tok.used and tokens[k + 1].text[: len(measure)] == measure:
            tok.used = True
            tokens[k + 1].role = "skip"
            return tok.value
    return None


def _read(tokens: list[Token], k: int) -> None:
    """The pack size and the words saying it are read: `打一包请求`'s 一 is no amount, its 包 and 请求 no count; `we batch
    20 reviews per call` packs, and is no Batch API."""
    tokens[k].used = True
    for tok in tokens[max(k - 2, 0) : k]:
        if tok.text in _PACK_VERBS and tok.role == "batch":
            tok.role = "skip"
    tokens[k + 1].role = "skip"
    for tok in tokens[k + 2 : k + 7]:
        if tok.after_break or tok.kind == "amount" and tok.value != 1:
            break
        if tok.kind == "amount":
            tok.as_filler()
        elif tok.role in ("count", "count_verb", "each", None):
            tok.role = "skip"


def _pack_word_after(tokens: list[Token], j: int) -> bool:
    """`打包`, `打一包请求`, `打包成一个请求` within two words after the measure, in the clause."""
    texts = "".join(t.text for t in tokens[j : j + 3] if not t.after_break)
    return any(texts.startswith(w) for w in _PACK_WORDS) or any(tokens[k].text in _PACK_WORDS for k in range(j, min(j + 2, len(tokens))) if not tokens[k].after_break)


def _per_request_after(tokens: list[Token], j: int) -> bool:
    """`per call`, `per request`, `into one request`, `in one call` right after the things counted."""
    texts = [t.text for t in tokens[j : j + 3]]
    return (texts[:1] == ["per"] and len(texts) > 1 and texts[1] in _PER_REQUEST
            or texts[:2] in (["into", "one"], ["in", "one"]) and len(texts) > 2 and texts[2] in _PER_REQUEST)
