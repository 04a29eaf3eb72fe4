"""A pasted API response's usage block, read into one call's `Usage`. Pure: text in, values out.

Forms read: the Gemini API's REST ``usageMetadata`` (camelCase), the Python SDK's ``usage_metadata``
(snake_case, as JSON, as a dict and as its printed repr, also the old SDK's protobuf text), a whole
``generateContent`` response (its usage and ``modelVersion``; the rest is ignored), and
OpenAI-compatible ``usage`` objects with ``model``; bare, or inside Slack code fences.

Reading is a linear scan for the known keys rather than a strict parse, because people paste what
their terminal or log shows: Python reprs, dicts with single quotes, a block cut out of a response.
A strict check runs beside it: brackets left open mean the paste was cut off, and then it is priced
only when what is left adds up to the response's own total.

Billing meaning, pinned (issue 12): the prompt count includes the cached tokens (billed once, at the
cache rate); thoughts are billed as output; tool-use prompt tokens (e.g. Search grounding results fed
back to the model) are input; per-modality details go to the modality parts of `Usage`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from itertools import islice
from typing import Literal

from .engine import Notice, Usage
from .errors import InvalidQuery

__all__ = [
    "MAX_PASTE_CHARS",
    "PastedUsage",
    "UsagePasteError",
    "looks_like_usage_paste",
    "read_usage_paste",
]

#: Larger pastes are refused before any scan. A whole response with an inline generated image is
#: about 2 MB; Slack messages are capped at 40,000 characters, so only the CLI gets near this.
MAX_PASTE_CHARS = 4_000_000
#: Token counts above this are a typo or garbage, not one call's usage.
MAX_TOKENS = 10**12

Form = Literal["gemini_rest", "gemini_sdk", "openai"]

# Our name for each count -> how each form spells it.
_GEMINI_REST = {
    "prompt": "promptTokenCount",
    "cached": "cachedContentTokenCount",
    "candidates": "candidatesTokenCount",
    "thoughts": "thoughtsTokenCount",
    "tool_use": "toolUsePromptTokenCount",
    "total": "totalTokenCount",
    "prompt_details": "promptTokensDetails",
    "cache_details": "cacheTokensDetails",
    "candidates_details": "candidatesTokensDetails",
    "tool_use_details": "toolUsePromptTokensDetails",
    "model": "modelVersion",
}
_GEMINI_SDK = {
    "prompt": "prompt_token_count",
    "cached": "cached_content_token_count",
    "candidates": "candidates_token_count",
    "thoughts": "thoughts_token_count",
    "tool_use": "tool_use_prompt_token_count",
    "total": "total_token_count",
    "prompt_details": "prompt_tokens_details",
    "cache_details": "cache_tokens_details",
    "candidates_details": "candidates_tokens_details",
    "tool_use_details": "tool_use_prompt_tokens_details",
    "model": "model_version",
}
_OPENAI = {
    "prompt": "prompt_tokens",
    "completion": "completion_tokens",
    "total": "total_tokens",
    "cached": "prompt_tokens_details.cached_tokens",
    "reasoning": "completion_tokens_details.reasoning_tokens",
    "prompt_audio": "prompt_tokens_details.audio_tokens",
    "completion_audio": "completion_tokens_details.audio_tokens",
    "model": "model",
}
_SPELLINGS: dict[Form, dict[str, str]] = {"gemini_rest": _GEMINI_REST, "gemini_sdk": _GEMINI_SDK, "openai": _OPENAI}
#: The Live API says "response" where generateContent says "candidates".
_ALIASES: dict[Form, dict[str, str]] = {
    "gemini_rest": {"responseTokenCount": "candidates", "responseTokensDetails": "candidates_details"},
    "gemini_sdk": {"response_token_count": "candidates", "response_tokens_details": "candidates_details"},
    "openai": {},
}
#: Each form's keys as they appear in a paste -> our names (OpenAI's nested ones are read apart).
_NAMES: dict[Form, dict[str, str]] = {
    form: {key: name for name, key in _SPELLINGS[form].items() if "." not in key} | _ALIASES[form] for form in _SPELLINGS
}
_NAMES["openai"] |= {"cached_tokens": "cached", "reasoning_tokens": "reasoning", "audio_tokens": "audio",
                     "prompt_tokens_details": "prompt_details", "completion_tokens_details": "completion_details"}  # fmt: skip
#: What a complete block of each form always has (Gemini omits zero counts, but never these).
_EXPECTED: dict[Form, tuple[str, ...]] = {
    "gemini_rest": ("prompt", "candidates", "total"),
    "gemini_sdk": ("prompt", "candidates", "total"),
    "openai": ("prompt", "completion", "total"),
}
_DETAILS = ("prompt_details", "cache_details", "candidates_details", "tool_use_details")

# Every key we read, in any form: a key in quotes or bare, then `:` or `=` (protobuf text format
# puts no separator before a nested block, so details keys may be followed by `{` directly).
_ALL_KEYS = sorted({key for names in _NAMES.values() for key in names}, key=len, reverse=True)
_KEY = re.compile(r"""["']?\b(""" + "|".join(_ALL_KEYS) + r""")\b["']?[ \t]*(?:[:=][ \t\r\n]*|(?=\{))""")
#: Keys that make a text a usage paste (a model key alone does not: `model=2.5-pro` is a query).
_COUNT_KEYS = frozenset(_ALL_KEYS) - {"model", "modelVersion", "model_version"}
#: Search grounding's queries in a whole response (billed apart from tokens, per query on Gemini 3).
_SEARCH_QUERIES = re.compile(r"""["']?\b(?:webSearchQueries|web_search_queries)\b["']?\s*[:=]\s*\[([^\[\]]{0,20000})\]""")
_QUOTED = re.compile(r""""(?:[^"\\\n]|\\.){0,2000}"|'(?:[^'\\\n]|\\.){0,2000}'""")
#: A response that lost its usage block still shows these.
_RESPONSE_MARK = re.compile(r"""["']?\b(candidates|choices|usageMetadata|usage_metadata)\b["']?[ \t]*[:=]""")
_FENCE = re.compile(r"```")
_SLACK_LINK = re.compile(r"<((?:https?|mailto):[^<>|\s]{0,2000})(?:\|[^<>]{0,2000})?>")
_MODALITY = re.compile(r"modality\W{1,40}?(?:MediaModality\.)?(TEXT|AUDIO|IMAGE|VIDEO|DOCUMENT|MODALITY_UNSPECIFIED)\b")
_ITEM_COUNT = re.compile(r"""token_?[cC]ount["']?\s*[:=]\s*["']?(\d{1,15})""")
_ITEM = re.compile(r"\{[^{}]*\}|\([^()]*\)")
_SMART_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})
_OPEN, _CLOSE = "{[(", "}])"


class UsagePasteError(InvalidQuery):
    """A usage paste that cannot be priced as pasted. Codes and params:

    ``usage_cut_off`` (``missing``: the keys it lacks), ``usage_cut_off_short`` (``counted``,
    ``total``: what is left adds up to less than the total), ``usage_missing`` (``missing``),
    ``usage_not_found`` (a response without its usage block), ``usage_several`` (``count``: more than
    one call's usage), ``usage_mixed`` (Gemini and OpenAI keys together), ``usage_too_large``
    (``limit``), ``usage_extra_amounts`` (token amounts typed beside the paste), ``usage_words_unclear``
    (``words``: words after the paste the query language cannot place), ``usage_other_intent``.
    """


@dataclass(frozen=True)
class PastedUsage:
    """One call's usage as pasted, read for billing, and the words written around the paste."""

    usage: Usage
    form: Form
    model_ref: str | None  # the model the paste names (modelVersion / model), as written
    #: The counts as the paste spelled them, for the answer to show what it read.
    reported: dict[str, int]
    notices: tuple[Notice, ...] = ()
    question: str = ""  # text outside the paste: "what did this cost?", "x2000 per day", "on 2.5 flash"
    after: str = ""  # the part of ``question`` written after the paste
    cut_off: bool = False
    #: Search queries the response ran (`webSearchQueries` of a whole grounded response), 0 if none shown.
    search_queries: int = 0


def looks_like_usage_paste(text: str) -> bool:
    """True when ``text`` holds a usage block (or a response that should have one). Cheap."""
    clean = _unslack(text[:MAX_PASTE_CHARS])
    if _has_key_hint(clean) and any(m.group(1) in _COUNT_KEYS for m in _KEY.finditer(clean)):
        return True
    return _looks_like_response(clean)


def _has_key_hint(text: str) -> bool:
    """Every count key contains one of these: a substring test turns ordinary questions away at C speed."""
    return any(hint in text for hint in ("TokenCount", "TokensDetails", "token_count", "tokens_details", "_tokens"))


def _looks_like_response(text: str) -> bool:
    return _RESPONSE_MARK.search(text) is not None and ("{" in text or "(" in text)


def read_usage_paste(text: str) -> PastedUsage | None:
    """The usage block in ``text``, or None when there is none. `UsagePasteError` when it is broken."""
    if len(text) > MAX_PASTE_CHARS:
        raise UsagePasteError("usage_too_large", limit=MAX_PASTE_CHARS)
    clean = _unslack(text)
    if not _has_key_hint(clean) and not _looks_like_response(clean):
        return None
    paste, before, after = _split_paste(clean)
    question = " ".join(f"{before} {after}".split())
    found = _scan(paste)
    if not any(f.key in _COUNT_KEYS for f in found) and not _looks_like_response(clean):
        return None  # a word like max_tokens in a question, not a paste
    form = _form(found)
    if form is None:
        raise UsagePasteError("usage_not_found")
    _, open_brackets = _brackets(paste, whole=True)
    spelling = _SPELLINGS[form]
    counts, details, model_ref = _values(found, form)
    # What was read, in the paste's own spelling (the Live API's responseTokenCount stays so).
    as_pasted = {_NAMES[form].get(f.key): f.key for f in reversed(found)} if form != "openai" else {}
    reported = {as_pasted.get(name) or spelling[name]: value for name, value in counts.items()}
    missing = [spelling[name] for name in _EXPECTED[form] if name not in counts]
    if open_brackets:
        _check_cut_off(form, counts, missing)
    elif "prompt" not in counts or (form == "openai" and "completion" not in counts):
        raise UsagePasteError("usage_missing", missing=", ".join(missing))
    usage, notices = (_openai_usage if form == "openai" else _gemini_usage)(counts, details)
    if open_brackets:
        notices.append(Notice("usage_cut_off_but_complete", {"total": counts["total"]}))
    elif "total" not in counts:
        notices.append(Notice("usage_no_total", {"key": spelling["total"]}))
    queries = sum(len(_QUOTED.findall(m.group(1))) for m in _SEARCH_QUERIES.finditer(paste))
    return PastedUsage(usage, form, model_ref, reported, tuple(notices), question, after, bool(open_brackets), queries)


# --- finding the paste in a message ------------------------------------------------------------


def _unslack(text: str) -> str:
    """Undo what Slack does to a message: `<https://...|x>` links, `&lt;` escapes, curly quotes."""
    if "<" in text:
        text = _SLACK_LINK.sub(r"\1", text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text.translate(_SMART_QUOTES)


def _split_paste(text: str) -> tuple[str, str, str]:
    """(the paste, the words before it, the words after it). Code fences mark the paste when present;
    otherwise it runs from the first bracket or key to the last closing bracket or key, and on to the
    end when what follows has quotes or brackets (the rest of a block cut off mid-key)."""
    fences = [m.start() for m in _FENCE.finditer(text)]
    if fences:
        inside: list[str] = []
        outside: list[str] = []
        pos, is_code = 0, False
        for start in [*fences, len(text)]:
            (inside if is_code else outside).append(text[pos:start])
            pos, is_code = start + 3, not is_code
        code = [i for i, part in enumerate(inside) if _KEY.search(part) or _RESPONSE_MARK.search(part)]
        if code:
            # Text between and after the code blocks follows the paste; text before the first one precedes it.
            before = outside[0]
            after = [*outside[1:], *(p for i, p in enumerate(inside) if i not in code)]
            return "\n".join(inside[i] for i in code), _words(before), _words(" ".join(after))
    keys = list(_KEY.finditer(text))
    marks = [m.start() for m in (*keys, *_RESPONSE_MARK.finditer(text))]
    first_key = min(marks) if marks else 0
    start = first_key
    # Take in the outermost object, list or repr that opens before the first key and holds it.
    # islice: the matches past the bound are never searched for (a list of them all was built before).
    openers = (m.start() for m in islice(_OPENER.finditer(text, 0, first_key), _MAX_OPENERS))
    for at in openers:
        closed, _ = _brackets(text, at)
        if closed is None or closed > first_key:
            start = at
            break
    closed, _ = _brackets(text, start)
    end = len(text) if closed is None else closed  # cut off: the paste runs to the end
    if keys:
        end = max(end, keys[-1].end() + len(_value_text(text, keys[-1].end())))
    if re.search(r"[\"'{}\[\]]", text[end:]):
        end = len(text)
    return text[start:end], _words(text[:start]), _words(text[end:])


def _words(text: str) -> str:
    return " ".join(text.replace("`", " ").split())


#: Openers tried before the first key: the outermost is nearly always the first; a bound keeps junk linear.
_MAX_OPENERS = 8
#: The longest repr class name (module path included) read as an opener.
_MAX_NAME_CHARS = 120
#: Where a pasted structure can open: a brace or bracket, or a repr's class name and parenthesis.
#: A name starts only where no name character or dot precedes it, so a run like `a.a.a.…` is one
#: candidate, not one per word (each rescanning the run: quadratic); a class name, module path
#: included, is far shorter than the bound, which caps the look-ahead from any start.
_OPENER = re.compile(rf"[{{\[]|(?<![\w.])[A-Za-z_][\w.]{{0,{_MAX_NAME_CHARS}}}\(")


def _brackets(text: str, start: int = 0, *, whole: bool = False, limit: int | None = None) -> tuple[int | None, int]:
    """(where the structure opening at ``start`` closes, or None; brackets still open at the end).

    With ``whole``, reads to the end and only counts what is left open (a cut-off paste has some).
    Strings are skipped (a quote never spans lines in these forms; an apostrophe inside a word is
    not a quote). Regexes jump from one character that matters to the next, so a 2 MB response
    (an inline image's base64) is crossed at C speed.
    """
    if not whole and (start >= len(text) or (text[start] not in _OPEN and not _OPENER.match(text, start))):
        return start, 0
    depth, i, quote = 0, start, ""
    n = len(text) if limit is None else min(len(text), start + limit)
    while True:
        if quote:
            m = (_IN_DOUBLE if quote == '"' else _IN_SINGLE).search(text, i, n)
            if m is None:
                return None, depth + 1
            i = m.start() + (2 if m.group() == "\\" else 1)
            if m.group() != "\\":
                quote = ""
            continue
        m = _MATTERS.search(text, i, n)
        if m is None:
            return None, depth
        i, ch = m.start(), m.group()
        if ch == '"' or (ch == "'" and not text[i - 1 : i].isalnum()):
            quote = ch
        elif ch[0] in _OPEN:
            # Openers up to the next closer or quote at once: `{{{{…` or `a(a(…` is one step, not one per bracket.
            depth += ch.count("{") + ch.count("[") + ch.count("(")
        elif depth > 0:
            if not whole and depth <= len(ch):
                return i + depth, 0  # the closer that brings the depth to 0 ends the structure
            depth = max(0, depth - len(ch))
        i += len(ch)


_MATTERS = re.compile(r"""["']|(?:[{\[(][^"'{}\[\]()]*)+|[}\])]+""")
_IN_DOUBLE = re.compile(r'["\\\n]')
_IN_SINGLE = re.compile(r"['\\\n]")


# --- reading values ----------------------------------------------------------------------------


@dataclass
class _Found:
    key: str
    value: str  # the raw value text: a number, a quoted string, None/null, or a bracketed block


def _scan(paste: str) -> list[_Found]:
    """Every key with its value, except keys inside quoted text (a model's answer quoting a usage)."""
    spans = [(m.start(), m.end()) for m in _STRING.finditer(paste)]
    starts = [start for start, _ in spans]
    found = []
    for m in _KEY.finditer(paste):
        i = bisect_right(starts, m.start(1)) - 1
        if i >= 0 and spans[i][0] < m.start(1) < spans[i][1] - 1 and paste[spans[i][0] + 1 : spans[i][1] - 1] != m.group(1):
            continue  # inside a string that is more than this key's own quoted name
        found.append(_Found(m.group(1), _value_text(paste, m.end())))
    return found


#: A quoted string on one line: double quotes, or single quotes opened where no letter or digit
#: precedes (an apostrophe in a word opens nothing). The alternatives are disjoint: linear.
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|(?<![^\W_])'(?:[^'\\\n]|\\.)*'""")


def _value_text(text: str, at: int) -> str:
    """The value starting at ``at``: a bracketed block (details lists and objects never nest
    brackets of their own kind), else one token. Bounded regexes: C speed, however hostile the paste."""
    m = _VALUE.match(text, at)
    return m.group(0) if m else ""


_VALUE = re.compile(
    r"""\[[^\[\]]{0,4000}\]?|\{[^{}]{0,4000}\}?"""
    r"""|-?\d[\d_]{0,30}(?:\.\d{1,30})?(?:[eE][+-]?\d{1,3})?|"[^"\n]{0,200}"?|'[^'\n]{0,200}'?|None|null"""
)


def _form(found: list[_Found]) -> Form | None:
    """Which form the keys are in: any count key of one form decides; keys of two forms are an error."""
    keys = {f.key for f in found} - {"prompt_tokens_details"}  # both the SDK and OpenAI have it
    forms = [form for form, names in _NAMES.items() if keys & (set(names) - {_SPELLINGS[form]["model"]})]
    if len(forms) > 1:
        raise UsagePasteError("usage_mixed")
    return forms[0] if forms else None


def _values(found: list[_Found], form: Form) -> tuple[dict[str, int], dict[str, dict[str, int]], str | None]:
    """Counts by our names, modality details, and the model, each given once (else `usage_several`)."""
    counts, details, model, seen = (_openai_values if form == "openai" else _gemini_values)(found, form)
    several = [len(set(values)) for values in seen.values() if len(set(values)) > 1]
    if several:
        raise UsagePasteError("usage_several", count=max(several))
    return counts, details, model


_Values = tuple[dict[str, int], dict[str, dict[str, int]], str | None, dict[str, list[str]]]


def _gemini_values(found: list[_Found], form: Form) -> _Values:
    names = _NAMES[form]
    counts: dict[str, int] = {}
    details: dict[str, dict[str, int]] = {}
    model: str | None = None
    seen: dict[str, list[str]] = {}
    for f in found:
        name = names.get(f.key)
        if name is None:
            continue
        if name in _DETAILS and f.value.startswith("{"):
            # protobuf text: one `key { modality: X token_count: N }` block per modality
            for modality, count in _modality_counts(f.value).items():
                details.setdefault(name, {})[modality] = details.get(name, {}).get(modality, 0) + count
            continue
        seen.setdefault(name, []).append(f.value)
        if name in _DETAILS:
            if f.value.startswith("["):
                details[name] = _modality_counts(f.value)
        elif name == "model":
            model = _model_text(f.value, f.key) or model
        else:
            value = _count(f.value, f.key)
            if value is not None:
                counts[name] = value
    return counts, details, model, seen


def _openai_values(found: list[_Found], form: Form) -> _Values:
    """OpenAI's details are objects: cached tokens count only under prompt_tokens_details, reasoning
    only under completion_tokens_details."""
    counts: dict[str, int] = {}
    model: str | None = None
    seen: dict[str, list[str]] = {}
    top = {"prompt_tokens": "prompt", "completion_tokens": "completion", "total_tokens": "total"}
    for f in found:
        if f.key in top:
            seen.setdefault(top[f.key], []).append(f.value)
            value = _count(f.value, f.key)
            if value is not None:
                counts[top[f.key]] = value
        elif f.key == "model":
            seen.setdefault("model", []).append(f.value)
            model = _model_text(f.value, f.key) or model
        elif f.key in ("prompt_tokens_details", "completion_tokens_details") and f.value.startswith("{"):
            side = "prompt" if f.key.startswith("prompt") else "completion"
            seen.setdefault(f.key, []).append(f.value)
            for inner in _KEY.finditer(f.value):
                key = inner.group(1)
                value = _count(_value_text(f.value, inner.end()), key)
                if value is None:
                    continue
                if key == "cached_tokens" and side == "prompt":
                    counts["cached"] = value
                elif key == "reasoning_tokens" and side == "completion":
                    counts["reasoning"] = value
                elif key == "audio_tokens":
                    counts[f"{side}_audio"] = value
    return counts, {}, model, seen


def _modality_counts(block: str) -> dict[str, int]:
    """`[{"modality": "TEXT", "tokenCount": 8}, ...]` in any form -> {"TEXT": 8, ...}."""
    found: dict[str, int] = {}
    items = [m.group(0) for m in _ITEM.finditer(block[1:])] or [block]
    for item in items:
        modality = _MODALITY.search(item)
        if modality is None:
            continue
        count = _ITEM_COUNT.search(item)
        found[modality.group(1)] = found.get(modality.group(1), 0) + (int(count.group(1)) if count else 0)
    return found


def _count(raw: str, key: str) -> int | None:
    text = raw.strip("\"'").replace("_", "")
    if text in ("", "None", "null"):
        return None
    if text.startswith("-"):
        raise InvalidQuery("negative_amount", amount=f"{key} {text[:30]}")
    try:
        value = Decimal(text)  # never a float: 1e3100 is too large, not infinity
    except ArithmeticError:
        return None
    if not value.is_finite() or value > MAX_TOKENS:
        raise InvalidQuery("amount_too_large", amount=f"{key} {text[:30]}")
    if value != value.to_integral_value():
        raise InvalidQuery("fractional_tokens", amount=f"{key} {text[:30]}")
    return int(value)


def _model_text(raw: str, key: str) -> str | None:
    """The model string of a quoted value; a quote never closed means the paste was cut inside it."""
    if raw[:1] not in "\"'":
        return None
    if len(raw) < 2 or raw[-1] != raw[0]:
        raise UsagePasteError("usage_cut_off", missing=key)
    # Whatever it says is looked up (an odd string becomes an unknown-model answer, never a guess).
    return raw[1:-1].strip()[:100] or None


# --- billing meaning ---------------------------------------------------------------------------


def _check_cut_off(form: Form, counts: dict[str, int], missing: list[str]) -> None:
    """A cut-off paste is priced only when what is left adds up to its own total."""
    if missing:
        raise UsagePasteError("usage_cut_off", missing=", ".join(missing))
    counted = _gemini_parts(counts) if form != "openai" else counts["prompt"] + counts["completion"]
    if counted != counts["total"]:
        raise UsagePasteError("usage_cut_off_short", counted=counted, total=counts["total"])


def _gemini_parts(counts: dict[str, int]) -> int:
    return sum(counts.get(name, 0) for name in ("prompt", "candidates", "thoughts", "tool_use"))


def _gemini_usage(counts: dict[str, int], details: dict[str, dict[str, int]]) -> tuple[Usage, list[Notice]]:
    """promptTokenCount includes the cached tokens; thoughts are output; tool-use prompts are input."""
    notices: list[Notice] = []
    prompt = counts.get("prompt", 0)
    tool_use = counts.get("tool_use", 0)
    thoughts = counts.get("thoughts", 0)
    output = counts.get("candidates", 0) + thoughts
    total = counts.get("total")
    if total is not None and total != _gemini_parts(counts):
        notices.append(Notice("usage_total_mismatch", {"total": total, "counted": _gemini_parts(counts)}))
    if tool_use:
        notices.append(Notice("usage_tool_use_input", {"tokens": tool_use}))
    prompt_d, cache_d = details.get("prompt_details", {}), details.get("cache_details", {})
    tool_d, out_d = details.get("tool_use_details", {}), details.get("candidates_details", {})

    def fresh(*modalities: str) -> int:
        # Prompt details count the whole prompt, cache details its cached part: fresh is the difference.
        return sum(max(prompt_d.get(m, 0) - cache_d.get(m, 0), 0) + tool_d.get(m, 0) for m in modalities)

    usage = Usage(
        input_tokens=prompt + tool_use,
        cached_tokens=counts.get("cached", 0),
        output_tokens=output,
        audio_input_tokens=fresh("AUDIO"),
        # PDF pages (DOCUMENT) are billed as images, as genai-prices reads them too.
        image_input_tokens=fresh("IMAGE", "DOCUMENT"),
        video_input_tokens=fresh("VIDEO"),
        cached_audio_tokens=cache_d.get("AUDIO", 0),
        thinking_tokens=thoughts,
        image_output_tokens=out_d.get("IMAGE", 0),
        audio_output_tokens=out_d.get("AUDIO", 0),
    )
    return usage, notices


def _openai_usage(counts: dict[str, int], details: dict[str, dict[str, int]]) -> tuple[Usage, list[Notice]]:
    """OpenAI's completion_tokens include reasoning; some Gemini gateways report them apart. The
    total says which: prompt + completion + reasoning == total means apart."""
    notices: list[Notice] = []
    prompt, completion = counts["prompt"], counts["completion"]
    reasoning = counts.get("reasoning", 0)
    total = counts.get("total")
    apart = reasoning > 0 and total is not None and prompt + completion + reasoning == total
    output = completion + reasoning if apart else completion
    if reasoning > output:  # completion_tokens cannot include more reasoning than it has
        output += reasoning
        apart = True
    if apart:
        notices.append(Notice("usage_reasoning_apart", {"tokens": reasoning}))
    elif total is not None and prompt + completion != total:
        notices.append(Notice("usage_total_mismatch", {"total": total, "counted": prompt + completion}))
    usage = Usage(
        input_tokens=prompt,
        cached_tokens=counts.get("cached", 0),
        output_tokens=output,
        audio_input_tokens=min(counts.get("prompt_audio", 0), prompt - counts.get("cached", 0)),
        thinking_tokens=reasoning,
        audio_output_tokens=counts.get("completion_audio", 0),
    )
    return usage, notices


#: A response's service tier as OpenAI-compatible APIs (`service_tier`) and Gemini's REST
#: (`serviceTier`) write it; `default`, `auto` and `standard` are the standard rates.
_SERVICE_TIER = re.compile(r"""["'“”]?(?:service_tier|serviceTier)["'“”]?\s*[:=]\s*["'“”](?P<tier>[A-Za-z_]+)["'“”]""")


def pasted_service_tier(text: str) -> Literal["flex", "priority"] | None:
    """The service tier a pasted response names (it was billed at that tier), if flex or priority."""
    found = _SERVICE_TIER.search(text)
    tier = found.group("tier").lower() if found else None
    return tier if tier in ("flex", "priority") else None  # type: ignore[return-value]

