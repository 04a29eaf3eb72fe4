"""The reading passes in order, text to `Reading`: normalize, tokenize, model names, amounts, roles, pairing.

What the question asks (its intent) is decided above this, in `pricing.query.parse`; follow-ups
(`pricing.query.followups`) use the reading alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..model_names import NAME_WORDS, match_models, reject_unknown_models
from ..models import ModelCard
from ..ratecard import PriceBook
from ..tokens import Token
from .amounts import characters_restated_in_tokens, check_amounts, drop_article_one, kept_in_cache, read_amounts, spoken_durations, thirty_day_month
from .audio_rate import audio_length_in_tokens, audio_worked_out
from .days import (
    daily_count_over_days,
    days_span_total,
    in_a_month_after_an_amount,
    one_period_of,
    read_span_total,
    split_days,
    that_days_total,
    week_or_year_asked,
    weekly_as_daily,
    yearly_as_monthly,
)
from .english import is_common_word
from .hourly import daily_from_rates, every_interval
from .images_in import images_as_input, images_as_requests, images_in_the_input, images_joined_with_text
from .languages import languages_in_one_call, languages_per_item
from .normalize import normalize
from .numbers import ENGLISH_MULTIPLIERS
from .once import once_a_period
from .opening_hours import opening_hours
from .packs import packed_per_request
from .pairing import Parts, collect, pair
from .pieces import cached_piece_and_new_part, denied_caches
from .ranges import read_ranges
from .roles import assign_roles, chinese_context, described_sizes, named_pieces, relative_clauses
from .script import simplified_chars
from .thinking_budget import thinking_budget
from .thinking_inside import output_holds_its_thinking
from .tokenize import tokenize
from .variants import variants_per_item, versions_in_one_call
from .vocab import FILLER, WORDS, correct_typo

__all__ = ["Reading", "read_question"]


@dataclass
class Reading:
    """What the passes found, before an intent is chosen."""

    parts: Parts
    tokens: list[Token]
    models: tuple[ModelCard, ...]
    refs: tuple[str, ...]
    unlabeled: list[Token]
    on_date: dt.date | None


def read_question(text: str, book: PriceBook) -> Reading:
    normalized, on_date = normalize(text)
    tokens = tokenize(normalized)
    found_models = match_models(tokens, book.name_index)
    reject_unknown_models(tokens, book.name_index, _ends_a_name)
    traditional = simplified_chars(text) != text  # written in Traditional characters (Taiwan)
    tokens = read_amounts([t for t in tokens if t.kind != "used"], normalized, traditional=traditional)
    tokens = spoken_durations(drop_article_one(read_ranges(opening_hours(tokens), normalized)), normalized)
    tokens = thirty_day_month(kept_in_cache(tokens, normalized))
    check_amounts(tokens)
    assign_roles(tokens)
    in_a_month_after_an_amount(tokens)
    denied_caches(tokens)
    characters_restated_in_tokens(tokens)
    one_period_of(tokens)
    described_sizes(tokens)
    chinese_context(tokens)
    tokens = once_a_period(tokens)
    relative_clauses(tokens)
    named_pieces(tokens)
    worked = audio_worked_out(tokens) or audio_length_in_tokens(tokens)
    images_requests = images_as_requests(tokens)
    interval = every_interval(tokens)
    rates_read = daily_from_rates(tokens) if interval is None else []
    split = split_days(tokens)
    days_read = week_or_year_asked(tokens) or daily_count_over_days(tokens)
    weekly = weekly_as_daily(tokens)
    yearly = yearly_as_monthly(tokens)
    span_period = read_span_total(tokens)
    that_days_total(tokens)
    span = days_span_total(tokens)
    pack = packed_per_request(tokens)
    parts = Parts(pack=pack, rates_read=rates_read, interval_read=interval, days_read=days_read, split_days=split, weekly=weekly[0] if weekly else None,
                  weekly_per=weekly[1] if weekly else None, weeks_a_month=weekly[2] if weekly else None, thinking_budget=thinking_budget(tokens), images_requests=images_requests,
                  yearly=yearly, span_read=span, span_period=span_period)
    if worked is not None:
        parts.audio, parts.media_hours = worked[0], worked[1] or None  # `15 秒，按 32 token/秒 就是 480 token`
    parts.thinking_included = output_holds_its_thinking(tokens)  # (`輸出含思考 8k`: before pairing, which the label then leads)
    parts.week_word = next((t.text for t in tokens if t.role == "period:week"), parts.week_word)
    parts.images_read = images_as_input(tokens)
    if parts.images_read is not None:
        parts.input = parts.images_read.input
    elif not images_requests:
        parts.images_in_input = images_in_the_input(tokens) or images_joined_with_text(tokens)
    pieces = cached_piece_and_new_part(tokens) if parts.images_read is None else None  # (one reading of the prompt)
    if pieces is not None:
        (parts.cached, parts.input), parts.new_piece = pieces, True
    parts.languages = None if languages_in_one_call(tokens) else languages_per_item(tokens)
    parts.variants = variants_per_item(tokens)
    if parts.variants is None:
        versions_in_one_call(tokens)
    parts.acronyms = frozenset(word.lower() for word in _ACRONYM.findall(text) if _a_name(word))
    unlabeled = pair(tokens, parts)
    collect(tokens, parts)
    models = tuple(book.get(model_id) for model_id, _ in found_models)
    if parts.images_read is not None and len(models) == 1 and models[0].kind == "image" and _understands(normalized):
        # `2.5 flash image understanding, 4 imgs per req @ 258 tok`: reading images with 2.5 Flash, not its image model
        base = models[0].id.removesuffix("-image-preview").removesuffix("-image")
        if any(m.id == base for m in book.card.models):
            models = (book.get(base),)
    refs = tuple(ref for _, ref in found_models)
    if parts.embed and not models:
        embedding = _embedding_model(book)
        if embedding is not None:
            models, refs = (embedding,), ()
    return Reading(parts, tokens, models, refs, unlabeled, on_date)


#: A word typed in capitals, two to five letters (`CTO`, `PI`, `TM`): a name. Known ones (`RPM`, `USD`) keep their role.
_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")
#: Capitals that may measure a price, never taken for names: rates (`QPM`, `TPD`), sizes (`GB`), and besides the
#: currencies' codes, the names people give them (`NTD`, `RMB`).
_MEASURES = frozenset("QPM QPS QPD QPH RPM RPS RPD RPH TPM TPS TPD TPH KB MB GB TB NTD NT RMB".split())


@cache
def _currency_codes() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _a_name(word: str) -> bool:
    """`CTO`, `PI`, `TM`: a role or a team; not `QPM`, `GB`, `NTD` or any currency's code."""
    return word not in _currency_codes() and word not in _MEASURES


def _ends_a_name(word: str) -> bool:
    """A word that ends a model name typed with spaces: a word of the query language, or an everyday word that no
    model name is made of (`our Gemini invoice`: the product, then what is said of it; `gemini ultra` stays one)."""
    return _is_keyword(word) or is_common_word(word) and word not in NAME_WORDS


def _is_keyword(word: str) -> bool:
    """A word of the query language (or filler): it ends a model name typed with spaces."""
    return word in WORDS or word in FILLER or word in ENGLISH_MULTIPLIERS or correct_typo(word) is not None


def _embedding_model(book: PriceBook) -> ModelCard | None:
    model_id = book.names.get(("embedding",))
    return book.get(model_id) if model_id else None


def _understands(text: str) -> bool:
    """The question reads images (`image understanding`, `图片理解`): the model named is the one that reads."""
    return any(word in text for word in ("understanding", "image input", "recognition", "理解", "识别", "辨识", "识图"))
