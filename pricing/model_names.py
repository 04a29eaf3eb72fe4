"""Model names in a question: find the names people type for models on the card, and refuse a
model-like name that is not on it (never a silent default).

Works on the query parser's token list (`pricing.query`): each token has ``kind``, ``text``,
``glued`` (no space before it) and, once matched, ``model``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from .errors import UnknownModel
from .ratecard import PriceBook

if TYPE_CHECKING:
    from .query import _Tok as Tok

__all__ = ["match_models", "reject_unknown_models"]

_MODELISH = re.compile(r"^(gemini|gemma|gpt|claude|llama|mistral|deepseek|qwen|grok|palm|bard|o\d)")


def match_models(tokens: list[Tok], book: PriceBook) -> list[tuple[str, str]]:
    """Find model names (longest first) and mark their tokens; returns (model id, words typed)."""
    found: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        after_times = i > 0 and tok.glued and tokens[i - 1].text in ("x", "×", "*")
        if tok.kind in ("word", "num") and tok.text in book.first_words and not after_times:
            # gather up to max_name_words name parts joined by spaces or hyphens
            parts: list[int] = []
            j = i
            while j < len(tokens) and len(parts) < book.max_name_words:
                t = tokens[j]
                if t.kind in ("word", "num"):
                    parts.append(j)
                elif not (t.text == "-" and t.glued):
                    break
                j += 1
            for size in range(len(parts), 0, -1):
                words = tuple(tokens[k].text for k in parts[:size])
                model_id = book.names.get(words)
                if model_id is not None:
                    last = parts[size - 1]
                    for k in range(i, last + 1):
                        tokens[k].kind = "used"
                    tok.kind, tok.model = "model", model_id
                    found.append((model_id, " ".join(words)))
                    i = last + 1
                    break
            else:
                i += 1
            continue
        i += 1
    return found


def _unknown_model_ref(tokens: list[Tok], i: int, is_keyword: Callable[[str], bool]) -> str:
    """The whole hyphen/dot-joined name starting at token ``i`` (`gemini-9-ultra`)."""
    parts = [tokens[i].text]
    j = i + 1
    while j < len(tokens) and tokens[j].glued and tokens[j].kind in ("word", "num", "sym") and tokens[j].text not in "?*×=/":
        parts.append(tokens[j].text)
        j += 1
    # `gemini 9 ultra` typed with spaces: take the name-like words that follow, not the amounts
    while j < len(tokens) and len(parts) < 6:
        t = tokens[j]
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if t.kind == "word" and not is_keyword(t.text):
            parts.append(" " + t.text)
        elif t.kind == "num" and not (nxt is not None and nxt.glued and nxt.kind in ("word", "cjknum", "cjk")):
            parts.append(" " + t.text)
        else:
            break
        j += 1
    return "".join(parts)[:60]


def reject_unknown_models(tokens: list[Tok], book: PriceBook, is_keyword: Callable[[str], bool]) -> None:
    """A name that looks like a model but is not on the card is an error, never a silent default."""
    for i, tok in enumerate(tokens):
        if tok.kind != "word":
            continue
        if tok.text == "model":
            nxt = i + 1
            while nxt < len(tokens) and tokens[nxt].text in ("=", ":"):
                nxt += 1
            if nxt < len(tokens) and tokens[nxt].kind in ("word", "num") and not is_keyword(tokens[nxt].text):
                ref = _unknown_model_ref(tokens, nxt, is_keyword)
                raise UnknownModel(ref, book.suggest(ref))
        elif _MODELISH.match(tok.text):
            ref = _unknown_model_ref(tokens, i, is_keyword)
            if ref == "gemini":
                continue  # "the cheapest gemini", "a chatbot on gemini": the product, not a model
            raise UnknownModel(ref, book.suggest(ref))
