"""Model names: every name people type for a model on the card, found in a question, and a
model-like name that is not on the card refused with the whole name as typed (never a silent default).

A model answers to, in this order (the first that matches wins):
1. its id, in any case, with `-`, `_` or spaces, with or without the API's `models/` prefix;
2. the aliases on the card (admins edit them);
3. names derived from the id: without `gemini-`, without `-preview`, and the codename left when the
   version is dropped ("argon") where only one model has it;
4. genai-prices' own match rules for the id typed as one word (`gemini-2.5-flash-preview-09-2025`,
   `gemini-pro-latest`, dated suffixes such as `gemini-3.5-flash-20261001`);
5. the same words in another order ("pro 3.1", "Flash-Lite 2.5").
A name two models share at the same rank is dropped rather than guessed.

Works on the question's token list (`pricing.tokens.Token`): each token has ``kind``, ``text``,
``glued`` (no space before it) and, once matched, ``model``. The matching functions take a `NameIndex`
(or the card), not a `PriceBook`: the price book builds its index here, and the parser calls the
matching, so this module sits below both `pricing.ratecard` and `pricing.query` and imports neither.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

import re2  # type: ignore[import-untyped]

from .errors import RateCardError, UnknownModel
from .genai_source import google_models
from .models import ModelCard, RateCard, model_words
from .tokens import Token

__all__ = [
    "MAX_GENERATION_READINGS",
    "MAX_NAME_WORDS",
    "NameIndex",
    "derived_names",
    "generation_models",
    "match_models",
    "reject_unknown_models",
    "NAME_WORDS",
]

#: The parser's look-ahead for a model name, in words: the longest id (`gemini 2.5 flash lite preview
#: 09 2025`) fits; an alias over `MAX_ALIAS_WORDS` can no longer be saved, and this bounds old ones.
MAX_NAME_WORDS = 10

Words = tuple[str, ...]
_VERSION_WORD = re.compile(r"^\d+(\.\d+)?$")


def derived_names(model_id: str) -> list[str]:
    """Names an id implies: itself, without `gemini-`, and both without `-preview`."""
    names = [model_id]
    short = model_id.removeprefix("gemini-")
    names.append(short)
    for name in (model_id, short):
        if name.endswith("-preview"):
            names.append(name.removesuffix("-preview"))
    return names


def _codename(model_id: str) -> Words:
    """The id's words without `gemini`, version numbers and `preview`: `gemini-4-argon` -> (argon,)."""
    return tuple(w for w in model_words(model_id) if w not in ("gemini", "preview") and not _VERSION_WORD.match(w))


def _loose(words: Words) -> Words:
    """Order-free key: the words sorted, `gemini` dropped ("Gemini 3 Flash" = "flash 3")."""
    return tuple(sorted(w for w in words if w != "gemini"))


class NameIndex:
    """Every name of every model on one card, by rank (see the module docstring)."""

    def __init__(self, card: RateCard) -> None:
        blank = [m.id for m in card.models if any(not model_words(a) for a in m.aliases)]
        if blank:  # no name at all: refused when loading, so it is never saved (and a stored one is reported)
            raise RateCardError(f"{blank[0]}: an empty alias")
        ids = {model_words(m.id): m.id for m in card.models}
        aliases = {model_words(a): m.id for m in card.models for a in m.aliases}
        short = _unique((model_words(n), m.id) for m in card.models for n in derived_names(m.id)[1:2])
        unpreviewed = _unique((model_words(n), m.id) for m in card.models for n in derived_names(m.id)[2:])
        codenames = _unique((_codename(m.id), m.id) for m in card.models if _codename(m.id))
        # `2.5 lite`: Flash-Lite said by its last word, where only one model of that version has it
        lite = _unique((tuple(w for w in words if w != "flash"), i) for r in (short, unpreviewed) for words, i in r.items()
                       if "lite" in words and "flash" in words)
        #: Exact names (word order as typed): the first rank that has a name keeps it.
        self.exact: dict[Words, str] = {}
        for rank in (ids, aliases, short, unpreviewed, codenames, lite):
            for words, model_id in rank.items():
                if len(words) <= MAX_NAME_WORDS:  # a longer one (a card stored before aliases were bounded) is unusable
                    self.exact.setdefault(words, model_id)
        loose = _unique((_loose(w), i) for w, i in self.exact.items())
        self.loose: dict[Words, str] = {w: i for w, i in loose.items() if w}
        self._match_rules = _data_match_rules(card)
        self.max_words = max(len(w) for w in self.exact)
        self.first_words = frozenset(w for words in self.exact for w in words)
        self._card = card
        self._spellings = sorted({" ".join(w) for w in self.exact} | {m.id for m in card.models})

    def lookup(self, words: Words) -> str | None:
        """The model these words name (as typed, then in any order), or None."""
        found = self.exact.get(words)
        if found is None and len(words) > 1:
            found = self.loose.get(_loose(words))
        return found

    def by_data_rules(self, name: str) -> str | None:
        """genai-prices' match rules for one typed name (`gemini-pro-latest`), in the data's order."""
        name = name.lower().removeprefix("models/")
        for model_id, rule in self._match_rules:
            if rule(name):
                return model_id
        return None

    def resolve(self, ref: str) -> str | None:
        """The model ``ref`` names, by any rule, or None."""
        words = model_words(ref)
        found = self.exact.get(words)
        if found is None and len(words) == len(ref.split()) == 1 or found is None and "-" in ref and " " not in ref.strip():
            found = self.by_data_rules(ref.strip())
        return found or self.lookup(words)

    def suggest(self, ref: str, limit: int = 3) -> list[str]:
        """The closest model ids to a name that matched nothing (for 'did you mean')."""
        probe = " ".join(model_words(ref))[:80]
        spellings = [s.replace("-", " ") for s in self._spellings]
        close = difflib.get_close_matches(probe, spellings, n=limit * 3, cutoff=0.55)
        found: list[str] = []
        for spelling in close:
            model_id = self.exact.get(tuple(spelling.split()))
            if model_id and model_id not in found:
                found.append(model_id)
        if not found:
            card = self._card
            current = [m.id for m in card.models if m.status in ("ga", "preview")]
            found = [card.default_model] + [i for i in current if i != card.default_model]
        return found[:limit]


def _unique(pairs: Iterable[tuple[Words, str]]) -> dict[Words, str]:
    """Names to models, dropping any name two models share."""
    found: dict[Words, str | None] = {}
    for words, model_id in pairs:
        if words in found and found[words] != model_id:
            found[words] = None
        else:
            found[words] = model_id
    return {w: i for w, i in found.items() if i is not None}


def _data_match_rules(card: RateCard) -> list[tuple[str, Callable[[str], bool]]]:
    """genai-prices' match clauses of the card's models (none when the data cannot be read).

    From the data bundled with the pinned package, never a snapshot fetched since (PRICE_UPDATES):
    fetched data is a proposal until an admin applies it, so it must not move a name from one model
    to another on one instance and not on the next. Every rule runs in linear time (`_linear`).
    """
    try:
        from genai_prices.data import providers

        infos = google_models(_Bundled(providers))
    except Exception:  # noqa: BLE001 - the card still answers by id and name without the data
        return []
    on_card = {m.id for m in card.models}
    rules = []
    for info in infos:
        rule = _linear(info.match) if info.id in on_card else None
        if rule is not None:
            rules.append((info.id, rule))
    return rules


_NEGATIVE_LOOKAHEAD = re.compile(r"\^\(\?!(.*)\)")


class _Bundled:
    """The shape `google_models` reads (``.providers``), over the package's bundled data."""

    def __init__(self, providers: object) -> None:
        self.providers = providers


def _linear(clause: Any) -> Callable[[str], bool] | None:
    """One match clause as a test on a lower-cased name that runs in linear time, or None (refused).

    String clauses are linear already; a regular expression from the data runs on RE2, which does
    not backtrack (`(a+)+` on a long name took seconds with `re`). One RE2 cannot compile (a
    look-ahead) is refused, and so is any clause kind this code does not know.
    """
    from genai_prices import types as t

    if isinstance(clause, t.ClauseRegex):
        # The data's "not a TTS model" rule is a whole-pattern negative look-ahead, `^(?!X)`, which
        # RE2 lacks: it means "X does not match at the start", which RE2 can test.
        negated = _NEGATIVE_LOOKAHEAD.fullmatch(clause.regex)
        try:
            pattern = re2.compile(negated.group(1) if negated else clause.regex)
        except Exception:  # noqa: BLE001 - a pattern RE2 cannot run in linear time: no rule
            return None
        if negated:
            return lambda name: pattern.match(name) is None
        return lambda name: pattern.search(name) is not None
    if isinstance(clause, (t.ClauseEquals, t.ClauseStartsWith, t.ClauseEndsWith, t.ClauseContains)):
        return clause.is_match
    if isinstance(clause, t.ClauseOr):
        # A refused alternative matches nothing: the name is then unknown (and asked about), never
        # another model's. The others still match.
        alternatives = [test for test in map(_linear, clause.or_) if test is not None]
        return (lambda name: any(test(name) for test in alternatives)) if alternatives else None
    if isinstance(clause, t.ClauseAnd):
        conditions = [_linear(c) for c in clause.and_]
        if any(test is None for test in conditions):
            return None  # a condition that cannot run cannot be taken as true
        return lambda name: all(test(name) for test in conditions if test is not None)
    return None


#: The most tokens one typed id spans (`models/gemini-2.5-flash-preview-09-2025` is 14).
_MAX_GLUED_TOKENS = 32


def _glued_run(tokens: list[Token], i: int) -> int:
    """Index after the name typed as one word from token ``i`` (`models/gemini-2.5-flash-preview-09-2025`)."""
    j = i + 1
    # Bounded: an id is a few tokens, and an unbounded run retried from each of its words
    # (`models/models/…`) would be quadratic.
    stop = min(len(tokens), i + _MAX_GLUED_TOKENS)
    while j < stop and tokens[j].glued and (
        tokens[j].kind in ("word", "num")
        or (tokens[j].kind == "sym" and tokens[j].text == "-")
        or (tokens[j].text == "/" and tokens[j - 1].text == "models")
    ):
        j += 1
    while j > i + 1 and tokens[j - 1].kind == "sym":
        j -= 1  # a trailing hyphen is punctuation
    return j


_MODELISH = re.compile(r"^(gemini|gemma|gpt|claude|llama|mistral|deepseek|qwen|grok|palm|bard|ernie|kimi|doubao|hunyuan|glm-|o\d|medgemini)")
#: Words that, right before `gemini`, name a research model of the family that the API does not sell (`Med Gemini`).
_RESEARCH_PREFIXES = frozenset(["med"])
#: Other makers' models named in Chinese (`文心一言`, `通义千问`, `豆包`): no model on the card, asked about as an unknown one.
_OTHER_MODELS_CJK = ("文心", "通义", "千问", "豆包", "混元", "智谱", "讯飞星火", "星火大模型", "元宝")


def match_models(tokens: list[Token], index: NameIndex) -> list[tuple[str, str]]:
    """Find model names (longest first) and mark their tokens; returns (model id, words typed)."""
    found: list[tuple[str, str]] = []
    i = 0
    tried_until = 0  # the end of the last id tried whole: its later words are not tried again (quadratic)
    while i < len(tokens):
        tok = tokens[i]
        after_times = i > 0 and tok.glued and tokens[i - 1].text in ("x", "×", "*")
        if tok.kind == "word" and tok.text in ("gemini", "models") and i >= tried_until:
            # One word with hyphens: an id, or a name genai-prices' rules know (dated suffixes).
            end = tried_until = _glued_run(tokens, i)
            typed = "".join(t.text for t in tokens[i:end])
            model_id = index.lookup(model_words(typed)) if end - i > 1 else None
            if model_id is None and end - i > 1:
                model_id = index.by_data_rules(typed)
            if model_id is not None:
                _mark(tokens, i, end - 1, model_id)
                found.append((model_id, typed))
                i = end
                continue
            if end - i > 2 and (tok.text == "gemini" or tokens[i + 2].text == "gemini"):
                # `gemini-3.1-flash-lite-ultra`: one name, not on the card. Refuse it whole rather
                # than price the known part and trip over the rest.
                raise UnknownModel(typed, index.suggest(typed))
        if tok.kind in ("word", "num") and tok.text in index.first_words and not after_times:
            # gather up to max_words name parts joined by spaces or hyphens; `8` `b` typed as
            # `8b` is one name word
            parts: list[tuple[str, int]] = []
            j = i
            while j < len(tokens) and len(parts) < index.max_words:
                t = tokens[j]
                if j > i and t.after_break:
                    break  # `flash-lite、2.5 flash`: a name never runs over a comma into the next item
                if t.kind in ("word", "num"):
                    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
                    joined = t.text + nxt.text if nxt is not None and nxt.glued and nxt.kind in ("word", "num") else None
                    if joined is not None and joined in index.first_words:
                        parts.append((joined, j + 1))
                        j += 1
                    elif t.kind == "num" and joined is not None and j > i:
                        break  # `3k`, `2m`: an amount with its unit, not part of a name
                    else:
                        parts.append((t.text, j))
                elif not (t.text == "-" and t.glued):
                    break
                j += 1
            for size in range(len(parts), 0, -1):
                words = tuple(word for word, _ in parts[:size])
                after = tokens[parts[size - 1][1] + 1] if parts[size - 1][1] + 1 < len(tokens) else None
                # "flash 3 requests" is three requests of flash, not Gemini 3 Flash: a reordered
                # name may not end in a whole number that counts the next word
                counts_next = words[-1].isdigit() and after is not None and after.kind in ("word", "cjk", "cjknum")
                model_id = index.exact.get(words) if counts_next else index.lookup(words)
                if size > 1 and words[0] == "gemini" and not tokens[parts[0][1] + 1].glued:
                    # `gemini pro` typed with a space: the product's name, then the model's as people
                    # say it alone ("pro" is the current Pro); `gemini-pro` typed as one word is the id
                    bare = index.exact.get(words[1:]) if counts_next else index.lookup(words[1:])
                    model_id = bare or model_id
                if model_id is not None and size == 1 and _everyday_verb(tokens, i):
                    model_id = None  # `could our bot just live on the free tier`: the verb, not Gemini Live
                if model_id is not None:
                    last = parts[size - 1][1]
                    _mark(tokens, i, last, model_id)
                    found.append((model_id, " ".join(words)))
                    i = last + 1
                    break
            else:
                i += 1
            continue
        i += 1
    found = _corrected(tokens, found)
    # `embedding ... with gemini-embedding-001`: one model named twice is one model
    return list({model_id: (model_id, typed) for model_id, typed in reversed(found)}.values())[::-1]


#: One-word names that are everyday verbs, and the words that make them one (`just live on`, `go live`, `live chat`).
_VERB_NAMES = frozenset(["live"])
_VERB_BEFORE = frozenset(["to", "just", "can", "could", "will", "would", "go", "goes", "going", "went", "we", "it", "they", "should",
                          "must", "may", "might", "not", "still"])
_VERB_AFTER = frozenset(["on", "in", "with", "chat", "chats", "agent", "agents", "support", "stream", "streaming", "event", "events",
                         "traffic", "data", "demo", "users", "blog", "blogs", "commentary", "coverage", "score", "scores", "updates",
                         "feed", "broadcast", "session", "sessions", "captions", "customer", "customers", "show", "shows", "class",
                         "classes", "game", "games", "match", "matches", "call", "calls", "translation", "transcription", "audience",
                         "viewers", "q&a", "auction", "auctions"])  # (`live blog helper`, `one 3 hour live show recording`)


def _everyday_verb(tokens: list[Token], i: int) -> bool:
    if tokens[i].text not in _VERB_NAMES:
        return False
    before = tokens[i - 1].text if i > 0 else ""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return before in _VERB_BEFORE or after in _VERB_AFTER


#: Words that take back the model just named (`3.5 flash-lite? no sorry 3.5 flash`, `pro, I mean flash`).
_CORRECTION = frozenset(["sorry", "mean", "meant", "actually", "oops", "correction", "rather", "scratch"])
_CORRECTION_GLUE = frozenset(["no", "i", "that", "make", "it", "wait", "er", "uh", "um", "not", "?", ",", ".", "-", "...", "!"])


def _corrected(tokens: list[Token], found: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A model taken back by the words right after it (`model: 3.5 flash-lite? no sorry 3.5 flash`) is not named:
    the one after the correction is. Only words of correcting stand between the two names."""
    at = [k for k, t in enumerate(tokens) if t.kind == "model"]
    if len(at) != len(found):
        return found
    dropped: set[int] = set()
    for n in range(len(at) - 1):
        between = [t for t in tokens[at[n] + 1 : at[n + 1]] if t.kind != "used"]
        if any(t.text in _CORRECTION for t in between) and all(t.text in _CORRECTION | _CORRECTION_GLUE for t in between):
            dropped.add(n)
            for t in [tokens[at[n]], *between]:
                t.kind = "used"
    return [f for n, f in enumerate(found) if n not in dropped]


def _mark(tokens: list[Token], first: int, last: int, model_id: str) -> None:
    for k in range(first, last + 1):
        tokens[k].kind = "used"
    tokens[first].kind, tokens[first].model = "model", model_id


#: Words a model's name is made of, everyday words though they are (`gemini ultra`, `gemini 9 pro max`).
NAME_WORDS = frozenset(["ultra", "nano", "pro", "flash", "lite", "max", "mini", "turbo", "preview", "exp", "experimental", "vision",
                         "omni", "plus", "large", "small", "medium", "advanced"])


def _unknown_model_ref(tokens: list[Token], i: int, is_keyword: Callable[[str], bool]) -> str:
    """The whole name starting at token ``i`` as typed: the hyphen/dot/slash-joined word
    (`gemini-9-ultra-preview-09-2025`), then name-like words typed with spaces (`gemini 9 ultra`)."""
    end = _glued_run(tokens, i)
    parts = ["".join(t.text for t in tokens[i:end])]
    j = end
    # `gemini 9 ultra` typed with spaces: take the name-like words that follow, not the amounts (``is_keyword``
    # ends the name: the caller's words, and everyday words such as `invoice` in `our Gemini invoice`)
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
    return "".join(parts)[:120]


def reject_unknown_models(tokens: list[Token], index: NameIndex, is_keyword: Callable[[str], bool]) -> None:
    """A name that looks like a model but is not on the card is an error, never a silent default."""
    for i, tok in enumerate(tokens):
        # the name whole, or with a version or 一言 / 大模型 after it (`文心4.0`, `文心一言`; not `文心雕龙`, a book)
        name = tok.text if tok.role == "other_model" else next(
            (n for n in _OTHER_MODELS_CJK if tok.text == n or tok.text.startswith(n) and tok.text[len(n) :] in ("一言", "大模型", "和", "跟", "与")),
            None) if tok.kind == "cjk" else None
        if name is not None:
            version = tokens[i + 1].text if i + 1 < len(tokens) and tokens[i + 1].kind == "num" and tokens[i + 1].glued else ""
            word = tok.text if tok.role == "other_model" else name
            raise UnknownModel(word + version, index.suggest(word))  # `文心4.0和2.5 flash比一下`, `通义千问 输入1万`
        if tok.kind != "word":
            continue
        if tok.text == "model":
            nxt = i + 1
            while nxt < len(tokens) and tokens[nxt].text in ("=", ":"):
                nxt += 1
            if nxt < len(tokens) and tokens[nxt].kind in ("word", "num") and not is_keyword(tokens[nxt].text):
                ref = _unknown_model_ref(tokens, nxt, is_keyword)
                raise UnknownModel(ref, index.suggest(ref))
        elif _MODELISH.match(tok.text):
            ref = _unknown_model_ref(tokens, i, is_keyword)
            if ref == "gemini" and i >= 2 and tokens[i - 1].text == "-" and tok.glued and tokens[i - 1].glued and tokens[i - 2].kind == "word":
                ref = tokens[i - 2].text + "-gemini"  # `Med-Gemini`: a research model, no model of the API
            elif ref == "gemini" and i >= 1 and tokens[i - 1].text in _RESEARCH_PREFIXES:
                ref = tokens[i - 1].text + " gemini"  # `Med Gemini`, spaced (it had been priced on the default model)
            elif ref == "gemini":
                continue  # "the cheapest gemini", "a chatbot on gemini": the product, not a model
            raise UnknownModel(ref, index.suggest(ref))


# --- a generation named without a model ("gemini 2.5", "gemini 3") ----------------------------------

_GENERATION = re.compile(r"^gemini[\s\-_]*(\d+(?:\.\d+)?)$")
_VERSIONED_ID = re.compile(r"^gemini-(\d+(?:\.\d+)?)-([a-z0-9.\-]+)$")
#: Models for one kind of output, not the text models people mean by "Gemini 2.5".
_SPECIALIZED = ("tts", "image", "live", "audio", "embedding", "robotics")
#: The order tiers are offered in; others (a codename) after these.
_TIER_ORDER = ("pro", "flash", "flash-lite")
MAX_GENERATION_READINGS = 5


def generation_models(ref: str, card: RateCard) -> list[str] | None:
    """The models a generation name may mean: the newest text model of each tier, pro first.

    None when ``ref`` is not a generation name. "gemini 3" takes in 3.1 ... 3.8 (Google calls them
    all Gemini 3); "gemini 3.1" only 3.1. A shut-down model is offered only when its tier has no
    other (the generation asked for may be an old one on purpose).
    """
    asked = _GENERATION.match(" ".join(ref.lower().split()))
    if asked is None:
        return None
    version = asked.group(1)
    best: dict[str, tuple[tuple[int, ...], ModelCard]] = {}
    for model in card.models:
        found = _VERSIONED_ID.match(model.id)
        if found is None or any(word in found.group(2) for word in _SPECIALIZED):
            continue
        own = found.group(1)
        if own != version and not ("." not in version and own.split(".")[0] == version):
            continue
        tier = re.sub(r"-preview.*$", "", found.group(2))
        rank = (0 if model.status == "shut_down" else 1, *(int(p) for p in own.split(".")), 1 if model.status == "ga" else 0)
        if tier not in best or rank > best[tier][0]:
            best[tier] = (rank, model)
    tiers = sorted(best, key=lambda t: (_TIER_ORDER.index(t) if t in _TIER_ORDER else len(_TIER_ORDER), t))
    return [best[t][1].id for t in tiers][:MAX_GENERATION_READINGS] or None
