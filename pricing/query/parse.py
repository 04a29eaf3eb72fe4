"""The entry point, `parse_query`: a reading's intent chosen, unlabeled amounts placed or asked about, unexplained words refused."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace
from decimal import ROUND_CEILING, Decimal

from ..engine import Notice
from ..errors import Ambiguous, ContextWindowExceeded, PricingError, UnknownModel
from ..model_names import generation_models
from ..models import ModelCard
from ..ratecard import PriceBook
from ..tokens import Token
from .canonical import canonical
from .days import UNPRICED_PERIODS, DaysRead
from .echo import typed, with_typed_words
from .english import is_common_word
from .followups import apply_followup, is_followup
from .images_in import said_as_text
from .intent import asked_topic, choose_intent, free_limit, per_million_question, per_thousand_searches, price_of_a_million
from .neighbours import asks_the_price, cached_after, counts_the_unit_of, period_before, plain_word, said_in_tokens
from .pairing import Parts
from .question import Query
from .read import read_question
from .read_past import PERIOD_NAMED, words_read_past
from .selfcheck import check_reading, uses_every_amount
from .usage import as_tokens, build_usage
from .vocab import CJK_WORDS, CONTENT_UNITS, COUNTING_MEASURES, FILLER, LINK_WORDS, NEGATION_CHARS, NOT_WORK_ITEMS, PER_LANGUAGE, TOKEN_WORDS

__all__ = ["parse_query"]

_PRICED: frozenset[str] = frozenset(["estimate", "compare", "budget"])


def parse_query(text: str, book: PriceBook, *, previous: str | None = None, check: bool = True) -> Query:
    """Read one question. Raises `InvalidQuery`, `Ambiguous` or `UnknownModel`, never anything else.

    ``previous`` is the question this one may follow up (same thread): a follow-up ("what about 2.5
    flash?", "x1000 a day?") is read as that question with the change. ``check`` runs the self-check
    before a priced reading (`selfcheck`); off only where the restatement itself is read. An error
    quotes the asker's words as typed (their script and width), not as normalised for reading.
    """
    try:
        return _parse_or_generation(text, book, previous, check=check)
    except PricingError as error:
        raise with_typed_words(error, text) from None


def _parse_or_generation(text: str, book: PriceBook, previous: str | None, *, check: bool) -> Query:
    try:
        return _parse(text, book, previous, check=check)
    except UnknownModel as error:
        models = generation_models(error.ref, book.card)
        if models is None:
            raise
        return _read_generation(text, book, previous, error, models)


def _read_generation(text: str, book: PriceBook, previous: str | None, error: UnknownModel, models: list[str]) -> Query:
    """"gemini 2.5" names a generation, not a model: its one model, or the question which one.

    Each candidate is the question with the generation replaced by a model id, read as usual; the
    ones that read (and price) are the readings offered.
    """
    typed = re.compile(r"[\s\-_]*".join(map(re.escape, error.ref.lower().replace("-", " ").split())), re.IGNORECASE)
    found = typed.search(text)
    if found is None:
        raise error
    # a tier said after the generation (`gemini 4 pro`) names a model of it: one whose id does not hold that tier is none
    tier = re.match(r"[\s\-_]*(pro|flash|lite|ultra|nano)\b", text[found.end() :], re.IGNORECASE)
    several = len(models) > 1  # (a tier said may leave one of several: still asked, with that one offered)
    if tier is not None:
        models = [m for m in models if tier.group(1).lower() in m.split("-")]
        if not models:
            raise UnknownModel(f"{error.ref} {tier.group(1).lower()}", error.suggestions)
    readings: list[Query] = []
    for model_id in models:
        try:
            readings.append(_parse(typed.sub(model_id, text, count=1), book, previous))
        except PricingError:
            continue  # a reading that cannot be priced is no reading to offer
    if not readings:
        raise error
    if len(models) == 1 and not several:
        return readings[0]  # the generation has one model: "Read as" names it
    if all(q.intent == "topic" for q in readings):
        # How grounding or caching is billed is one rule for the generation; the answer names the
        # model its figures are for (the newest top tier), so there is nothing to ask.
        return readings[0]
    example = readings[0].models[0].id if readings[0].models else models[0]
    raise Ambiguous("model_generation", tuple(canonical(q) for q in readings), generation=error.ref[:40], model=example)


def _parse(text: str, book: PriceBook, previous: str | None, *, check: bool = False) -> Query:
    r = read_question(text, book)
    parts, tokens, models, refs, unlabeled = r.parts, r.tokens, r.models, r.refs, r.unlabeled
    if parts.search and models and all(m.kind == "embedding" for m in models):
        parts.search, parts.searches = False, None  # `笔记搜索用 gemini embedding 2`: what the embeddings are for, no grounding
    on_date = r.on_date
    for k, tok in enumerate(tokens):
        if tok.kind == "amount" and said_in_tokens(tokens, k) and k >= 2 and tokens[k - 2].role == "each" and tokens[k - 1].kind == "cjk":
            _explain(parts, _named_content(tokens, tok))  # `每份流水2万token`: what each one is, its size in tokens
        if not (tok.kind == "amount" and tok.used and said_in_tokens(tokens, k)):
            continue
        after = tokens[k + 2] if k + 2 < len(tokens) else None
        if after is not None and after.kind == "cjk" and after.text[:1] == "的" and len(after.text) > 1 and after.role is None and not after.after_break:
            _explain(parts, [after])  # `輸出只要 50 tokens 的類別代碼`: what those tokens are
        if cached_after(tokens, k):
            _explain(parts, _named_content(tokens, tok))  # `术语表1.5万token做缓存`: the glossary is what is cached
        elif _english_before(tokens, k):
            _explain(parts, _everyday_words(_named_content(tokens, tok)))  # `label list ≈ 2,200 tokens in`
    if previous is not None and not unlabeled and is_followup(parts, models, tokens):
        change = Query(
            intent="rates", models=models, model_refs=refs, on_date=on_date, provider=parts.provider,
            flags=frozenset(n for n, on in (("batch", parts.batch), ("search", parts.search), ("cny", parts.want_cny)) if on) | set(parts.tiers) | (parts.intents & {"providers"}),
            count=as_tokens(parts.requests, "requests") if parts.requests is not None else None, count_period=parts.period,
        )  # fmt: skip
        return apply_followup(parse_query(previous, book), change)
    _unpacked(parts, tokens)
    if parts.new_piece and parts.output is None and parts.input is not None and parts.cached is not None and not unlabeled and (
            _model_prices_output(models[0] if models else None)):
        # `契約 30 萬 token 快取起來 問 200 次 每次 500`: with no output said, the 500 each time may be the question or
        # the answer; asked, as any unlabeled amount is
        raise Ambiguous("unlabeled_amount", amount=str(parts.input - parts.cached))
    _ask_which_number(parts, models, refs, tokens, on_date)
    _days_of_a_kept_cache(parts, tokens)
    split = _job_shared(parts, tokens)
    parts.totals = _token_totals(parts, tokens, models, book)
    asks_rates = per_million_question(unlabeled, parts)
    if not asks_rates and price_of_a_million(parts, tokens):
        asks_rates, parts.input, parts.output, parts.audio, parts.cached = True, None, None, None, None
        parts.storage, parts.hours = None, None  # (`存储一小时又是多少`: storage's rate, per hour, is on the card)
    if per_thousand_searches(parts, tokens):
        asks_rates, unlabeled, parts.searches, parts.requests = True, [], None, None
    if asks_rates:
        unlabeled = []
    notices: list[Notice] = []
    if split is not None:
        notices.append(split)
    if parts.images is not None and models and models[0].kind == "image":
        parts.make = True  # `50 images with 3.1 flash image`: an image model's images are the ones it makes
    if "images" in parts.labels_seen and not (parts.make and parts.images is not None) or parts.images is not None and not parts.make:
        # images to read, or images with no count: their tokens are unknown (`生 30 張貼文配圖`: the word names the
        # images an image model makes, counted)
        raise Ambiguous("images")
    if unlabeled and models:
        _refuse_what_no_prompt_holds(unlabeled, tokens, models[0])
    if unlabeled:
        choices = _place_unlabeled(unlabeled, parts, models[0] if models else None, notices, tokens)
        if choices:
            readings = []
            for choice in choices:
                reading = parts.with_amounts(choice)
                try:
                    query = _finish(reading, models, refs, [], tokens, on_date, False)
                    if query.intent in _PRICED:
                        _refuse_unexplained(reading, query, book)  # complete: pressing it prices, not asks again
                except PricingError:
                    continue  # a reading that cannot be priced is no reading to offer
                if uses_every_amount(reading, tokens):  # the numbers as written, none dropped
                    readings.append(canonical(query))
            raise Ambiguous("unlabeled_amount", tuple(readings), amount=" / ".join(a.text.strip() for a in unlabeled)[:60])
    query = _finish(parts, models, refs, notices, tokens, on_date, asks_rates)
    query = _image_tokens_said_as_output(query, models)
    if query.intent in _PRICED:
        passed = words_read_past(parts, tokens)
        if passed:  # `每天一萬次行程問答 in 1.8k out 350`: named in the answer, left out of the price (read_past.py)
            _explain(parts, [t for t in tokens if t.text in passed])
            query = replace(query, notices=(*query.notices, Notice("read_past", {"words": [typed(text, w) for w in passed]})))
        _refuse_unexplained(parts, query, book)
        if check:  # the restatement itself is read without the check: it is what is checked against
            check_reading(query, parts, tokens, lambda again: _parse(again, book, None))
    return query


def _finish(
    parts: Parts,
    models: tuple[ModelCard, ...],
    refs: tuple[str, ...],
    notices: list[Notice],
    tokens: list[Token],
    on_date: dt.date | None,
    asks_rates: bool,
) -> Query:
    usage = build_usage(parts, notices)
    intent = choose_intent(parts, usage, models, asks_rates)
    return Query(
        intent=intent,
        usage=usage,
        models=models,
        model_refs=refs,
        budget_usd=parts.budget_usd,
        budget_cny=parts.budget_cny,
        want_cny=parts.want_cny,
        currency=parts.currency,
        public=parts.public,
        notices=tuple(notices),
        topic=asked_topic(parts) if intent == "topic" else None,
        limit=free_limit(parts, tokens) if intent == "free_tier" else None,  # type: ignore[arg-type]
        asked_period=parts.asked_period if usage is not None and (usage.period is not None or parts.budget_period is not None) else None,
        budget_period=parts.budget_period if parts.budget_usd is not None or parts.budget_cny is not None else None,
        on_date=on_date,
        provider=parts.provider,
        followup=is_followup(parts, models, tokens),
        flags=frozenset(name for name, on in (("batch", parts.batch), ("search", parts.search), ("cny", parts.want_cny)) if on)
        | set(parts.tiers) | (parts.intents & {"providers"}),
        count=as_tokens(parts.requests, "requests") if parts.requests is not None else None,
        count_period=parts.period,
    )


#: The figures of `Parts` a number read two ways can be.
_NUMBER_FIELDS = ("input", "cached", "output", "thinking", "audio", "video", "storage", "requests", "people", "images", "cache")


def _ask_which_number(
    parts: Parts, models: tuple[ModelCard, ...], refs: tuple[str, ...], tokens: list[Token], on_date: dt.date | None
) -> None:
    """`10万5`: readers differ on the number itself; offer the question with each value, never a guess."""
    for tok in tokens:
        if tok.kind != "amount" or tok.other_value is None or tok.value is None:
            continue
        name = next((n for n in _NUMBER_FIELDS if getattr(parts, n) == tok.value), None)
        readings: list[str] = []
        for value in (tok.value, tok.other_value):
            if name is None:
                break  # an amount with no role yet: nothing whole to offer, the question is asked plainly
            try:
                readings.append(canonical(_finish(parts.with_amounts({name: value}), models, refs, [], tokens, on_date, False)))
            except PricingError:
                continue  # a reading that cannot be priced is no reading to offer
        if tok.range_low is not None:
            raise Ambiguous("range", tuple(readings), amount=tok.text, first=tok.value, second=tok.other_value)
        raise Ambiguous("which_number", tuple(readings), amount=tok.text, first=tok.value, second=tok.other_value)


#: Stems of words that scale a figure (`double`, `twice`, `half`, `triple`, `extra`) and Chinese characters that do (倍 半 翻 双).
_QUANTITY_STEMS = ("double", "twice", "half", "triple", "quadruple", "extra", "addition", "another", "percent", "times")
_QUANTITY_CJK = frozenset("倍半翻双")


def _quantity_word(word: str) -> bool:
    return any(stem in word for stem in _QUANTITY_STEMS) if word.isascii() else any(c in _QUANTITY_CJK for c in word)


#: English negations that may switch an option off.
_NEGATIONS = frozenset(["no", "not", "without", "don't", "dont", "never", "non", "nope"])
#: Counts said per a unit the question does not number (`one call per language`): no reading may drop them.
_UNREAD_COUNTS = PER_LANGUAGE | {"market"}
#: Words beside which the reading left would price what they may change: a retraction (`一週 ~ 算了就當一天 6 次`: the
#: count may be the taken-back one), a span of past years (its total may be asked), a count a minute (no day's hours):
#: asked with no reading offered (issue 19, item 3: a reading offered is one the question supports).
_NO_READING_BESIDE = frozenset([*(w for w, role in CJK_WORDS.items() if role == "past_years"), "算了", "算了就当", "算了算了", "不对", "不对不对",
                                "minute", "每分钟", "一分钟"])


def _set_the_part_left(parts: Parts, slot: str, value: Decimal | None) -> None:
    setattr(parts, slot, value)
    if slot == "input" and parts.cache is not None and parts.cached is None and parts.hours is None:
        parts.cached, parts.cache = parts.cache, None  # (a cache beside a prompt, no hours: what the prompt reads)
    if slot == "input" and parts.cached is not None and value is not None and parts.cached > value:
        # `数据库50万token想缓存起来 … 每个问题500 token`: more is cached than this prompt holds, so this is the part
        # sent on top of the cached one (pieces.py reads the same when the new part is named)
        parts.input, parts.new_piece = parts.cached + value, True


def _place_unlabeled(
    unlabeled: list[Token], parts: Parts, model: ModelCard | None, notices: list[Notice], tokens: list[Token]
) -> list[dict[str, Decimal | None]]:
    """Amounts with no label: placed where there is one reading; otherwise the readings to offer."""
    if (len(unlabeled) == 1 and parts.cached is not None and unlabeled[0].value == parts.cached and said_in_tokens(tokens, tokens.index(unlabeled[0]))
            and "cache" in parts.labels_seen and not parts.pieces):  # (pieces summed may already hold it: asked)
        # `景點資料庫 9 萬 token 放 context cache，每則 input 9萬5百、其中 9萬 cached`, `把 20 萬 token 的手冊放快取 10 小時 … 快取的
        # 20 萬 + 問題 500`: the cached piece, named with its cache word, then said again in each prompt; kept for the hours said
        if parts.hours is not None and parts.storage is None and parts.hours_of_cache:
            parts.storage = parts.cached
        parts.labels_seen.discard("cache")
        _explain(parts, _named_content(tokens, unlabeled[0]))
        return []
    at = tokens.index(unlabeled[0]) if len(unlabeled) == 1 else -1
    if (at >= 0 and parts.cached is not None and parts.input is None and at + 1 < len(tokens) and tokens[at + 1].text in _NEW_TOKENS
            and any(t.text in ("+", "plus") for t in tokens[at + 1 : at + 4])):
        # `180k fresh + 30k cached input`: the new part and the cached part of one input, summed
        parts.input = unlabeled[0].value + parts.cached  # type: ignore[operator]
        parts.new_piece = True  # (the new part is a figure of the reading: selfcheck.uses_every_amount)
        parts.labels_seen.discard("input")
        return []
    if (len(unlabeled) == 1 and parts.labels_seen & {"cache", "storage"} and parts.hours is not None and _in_tokens(tokens, unlabeled[0])
            and all(v is None for v in (parts.cache, parts.cached, parts.storage, parts.input, parts.output, parts.requests))
            and not parts.recorded and not parts.labels_seen & {"audio", "video"}
            and not any(t.text in _READ_FROM_THE_CACHE or t.kind == "cjk" and t.text[:1] == "读" for t in tokens)):
        # `把一本80万token的产品手册缓存在2.5 pro里，放12个小时，存储费多少`, `500k tokens kept for 24 hours … cache storage`:
        # the one size in tokens is what the cache keeps, for the hours said; nothing is asked of it
        parts.cache = unlabeled[0].value
        parts.labels_seen -= {"cache", "storage"}
        _explain(parts, _named_content(tokens, unlabeled[0]))
        return []
    if (len(unlabeled) == 1 and parts.requests is None and parts.input is not None and parts.output is not None
            and unlabeled[0].value == unlabeled[0].value.to_integral_value()  # type: ignore[union-attr]
            and (noun := _things_counted(tokens, unlabeled[0])) is not None):
        # `200k samples on lite w batch, 300 in 700 out`, `…, 5,000 segments. total?`, `做800个ASIN`: with the
        # tokens of each given, a number of things is how many requests (one each); `500 PDFs of 50 pages each`
        # gives no tokens and is still asked about, and `300 lines` is a size
        parts.requests = unlabeled[0].value
        _explain(parts, noun)  # the things counted: `samples`, `short summaries`, `ASIN`
        at = tokens.index(unlabeled[0])
        if at > 0 and tokens[at - 1].role == "total":
            parts.intents.discard("total")  # `总共1200个品项`: a total of things, so of requests
        return []
    if len(unlabeled) == 2 and parts.requests is None and parts.input is None and (parts.output is not None or not _model_prices_output(model)):
        # `summarize 40k pdfs (~18k tok each), 1k tok summary`: things counted before the usage, then the tokens of
        # each (said in tokens: no count), with the output given (or none to give, and the tokens said of each:
        # `embedding 1.2M CVs, avg 900 tokens each`): the things are the requests, the tokens the input
        things, size = unlabeled
        noun = _things_counted(tokens, things) if things.value == things.value.to_integral_value() else None  # type: ignore[union-attr]
        each = any(t.text == "each" for t in tokens[tokens.index(size) + 1 : tokens.index(size) + 4])
        if noun is not None and _in_tokens(tokens, size) and not _counts_a_thing(tokens, size) and (parts.output is not None or each):
            parts.requests, parts.input = things.value, size.value
            _explain(parts, noun)
            return []
    if len(unlabeled) == 1 and parts.people is not None and (share := _share_of_the_people(tokens, unlabeled[0])) is not None:
        # `好友 1.2 萬人，每天 5% 的人會來問`, `注册用户1万，日活按20%算`, `每天门诊1500人，估计一半人会用`: the share of
        # the people who ask, so many of them (when that is a whole number of people)
        fraction, said = share
        if parts.people * fraction == (parts.people * fraction).to_integral_value():
            parts.count_factors += (parts.people, unlabeled[0].value)  # type: ignore[operator]  # (still the question's figures)
            parts.people *= fraction
            _explain(parts, said)
            return []
    seen = parts.images_read
    if (len(unlabeled) == 1 and seen is not None and not seen.text and parts.input == seen.input and _in_tokens(tokens, unlabeled[0])
            and said_as_text(tokens, tokens.index(unlabeled[0])) and not ("output" in parts.labels_seen and parts.output is None)):
        # `12 photos, ~1,100 tokens per photo, plus ~500 tokens of text`, `文字部分300 token`: the text sent beside the
        # images (an amount in tokens, the images' size and count read)
        parts.images_read = replace(seen, text=unlabeled[0].value)  # type: ignore[arg-type]
        parts.input = parts.images_read.input
        _explain(parts, _named_content(tokens, unlabeled[0]))
        return []
    if len(unlabeled) == 1 and (units := _units_each_counted(tokens, unlabeled[0], parts)) is not None:
        # `800個好友，平均每人每天傳6則`, `120 customer accounts, each runs ~40 generations a day`, `120 个便民窗口，每个窗口
        # 每天问 60 次`: the units the count per unit is said of, whatever they are called
        parts.people = unlabeled[0].value
        _explain(parts, units)
        return []
    if (len(unlabeled) == 1 and parts.requests is None and parts.input is not None and parts.output is not None
            and (counted := _things_of_a_period(tokens, unlabeled[0], parts.period)) is not None):
        # `1.2k in, 900 out, 250 ads a month`, `輸入 1k 輸出 700，一天 25 台`: with the tokens of each given, things
        # counted with their own period are that period's requests (one each), as `300 requests a month` are
        parts.requests = unlabeled[0].value
        tokens[counted[0]].volume = True
        _explain(parts, [tokens[k] for k in counted[1:]])
        return []
    if (len(unlabeled) == 2 and parts.input is None and parts.output is None and _in_tokens(tokens, unlabeled[0])
            and _output_named_before(tokens, unlabeled[1]) and not _output_named_before(tokens, unlabeled[0])):
        # `一份合同大概 6 万 token，输出审阅意见 3000`, `CV + JD ≈ 3,500 tokens, output is a JSON score ~300 tokens`: the
        # size of what is sent, then the output named with what it is: the first is the input
        parts.input, parts.output = unlabeled[0].value, unlabeled[1].value
        _explain(parts, _named_content(tokens, unlabeled[0]))
        return []
    if (len(unlabeled) == 1 and parts.input is not None and not parts.cached and parts.images_read is None and not parts.recorded
            and parts.audio is None and parts.audio_hours is None and not parts.labels_seen & {"audio", "video"}
            and _added_to_the_prompt(tokens, unlabeled[0], parts)):
        # `avg ~1.1k tokens + 500 token prompt`, `~90 tokens per tweet + 400 token instruction`: a size in tokens joined by
        # a plus to the prompt's is the other piece of the input, summed
        parts.pieces = (*(parts.pieces or (parts.input,)), unlabeled[0].value)  # type: ignore[arg-type]
        parts.input += unlabeled[0].value  # type: ignore[operator]
        parts.new_piece = True  # (a figure of the reading: selfcheck.uses_every_amount)
        _explain(parts, _everyday_words(_named_content(tokens, unlabeled[0])))
        return []
    if any(_counts_a_thing(tokens, a) for a in unlabeled):
        # `500 PDFs`: an amount of things the tables do not know is no amount of tokens; nothing to offer
        return [{}]
    first = unlabeled[0].value
    assert first is not None  # every amount has a value (amounts.py)
    if not _model_prices_output(model) and parts.input is None and len(unlabeled) == 1:
        parts.input = unlabeled[0].value  # an embedding model has input only
        _explain(parts, _everyday_words(_named_content(tokens, unlabeled[0])))  # `embed every new issue (~600 tokens)`
        return []
    slots = [name for name in ("input", "output") if getattr(parts, name) is None]
    labelled = any(getattr(parts, name) is not None for name in ("input", "output", "cached", "thinking", "audio"))
    values = [a.value for a in unlabeled]
    if len(unlabeled) == 1 and len(slots) == 1 and labelled and parts.requests is not None and first >= 100:
        # `300 prompts of 12k tokens each, with 1k-token replies`: the count is known, so the size left
        # is the part left
        _set_the_part_left(parts, slots[0], values[0])
        return []
    if len(unlabeled) == 1 and len(slots) == 1 and labelled and _in_tokens(tokens, unlabeled[0]):
        # `这份资料 60 万 token 丢进 3 pro，输出 2 万 token`: an amount said in tokens is no count, so it is the part
        # left; the plain noun just before it names what those tokens are (`资料`, `data room`)
        _set_the_part_left(parts, slots[0], values[0])
        _explain(parts, _named_content(tokens, unlabeled[0]))
        return []
    if len(unlabeled) == 1 and len(slots) == 1 and labelled:
        # `5k in 500`: the part left is the likely reading, but 500 could be a request count too
        return [{slots[0]: values[0]}, {"requests": values[0]}]
    if len(values) == 1 and len(slots) == 2:
        return [{"input": values[0]}, {"output": values[0]}]
    if len(values) == 2 and len(slots) == 2 and _slashed(tokens, unlabeled):
        parts.input, parts.output = values  # `每筆 1k/200`, `20000/2000`: in/out, in that order, as people write it
        return []
    if len(values) == 2 and len(slots) == 2:
        return [{"input": values[0], "output": values[1]}, {"input": values[1], "output": values[0]}]
    if len(values) == 1 and not slots and parts.requests is None and first >= 1 and first == first.to_integral_value():
        at = next(k for k, t in enumerate(tokens) if t is unlabeled[0])
        opened = period_before(tokens, at)
        money = at + 1 < len(tokens) and (tokens[at + 1].role or "").startswith(("cny", "usd", "fx:", "budget"))
        if opened >= 0 and parts.period == (tokens[opened].role or "")[7:] and not money and "budget" not in parts.intents:
            # `in 12k，输出 700，日均 4.5 万`: every token amount has its label; a bare amount its period word opens
            # is that period's count, as `每天2000个` is
            parts.requests = first
            tokens[opened].volume = True
            return []
        return [{"requests": first}]  # `输入1千 输出1千 每天2000个`: the amount left is the count
    return [{}]


#: Labels of the prompt a size may be added to (`+ 500 token prompt`, `+ 400 token instruction`).
_PROMPT_PIECE_LABELS = ("label:input", "label:piece")


#: Words that make a size no text of one request (a corpus, a whole batch), the prompt no part of every request (sent
#: once, per conversation or session), or the size one that already holds the prompt.
_NOT_ONE_PROMPTS_PIECE = frozenset(["total", "whole", "all", "corpus", "entire", "overall", "altogether", "combined", "once", "one-time", "onetime",
                                    "session", "conversation", "convo", "first", "start", "counting", "including", "incl", "included", "already",
                                    "总共", "一共", "全部", "整个", "首次", "第一次", "开头", "已含", "含"])
#: Words that join one more piece (`+ RAG context`, `plus the chat history`): the input would miss its unsaid size.
_ANOTHER_PIECE = frozenset(["+", "plus", "加上", "再加", "外加", "另加", "and"])


def _added_to_the_prompt(tokens: list[Token], amount: Token, parts: Parts) -> bool:
    """The amount, said in tokens with no period in its clause, is joined by a plus (`+`, `plus`, `加上`) to the next
    amount in its clause, which the prompt's label names right after its tokens (`1.1k tokens + 500 token prompt`).
    Not when anything says the size is a corpus's or a batch's, the prompt is sent once or per something else, or
    another piece is joined after it; a size said of each item (`~90 tokens per tweet`) only when the items are counted
    as the requests."""
    at = tokens.index(amount)
    if not said_in_tokens(tokens, at) or period_before(tokens, at) >= 0 or amount.value is None or amount.value > 1_000_000:
        return False
    texts = [t.text for t in tokens]
    if any(w in _NOT_ONE_PROMPTS_PIECE for w in texts) or any(texts[k] == "one" and "time" in texts[k + 1 : k + 3] for k in range(len(texts))):
        return False  # (`one-time 500 token prompt`)
    if parts.requests is None and any(t.text in ("each", "per", "every") or t.role == "each" for t in tokens[at + 1 : at + 5]):
        return False  # (`descriptions ~150 tokens each + 300 token prompt`: how many to a request?)
    k = at + 1
    plus = False
    while k < len(tokens) and tokens[k].kind != "amount":
        if tokens[k].after_break or (tokens[k].role or "").startswith("period:") or tokens[k].text in ("each", "per") and plus:
            return False
        plus = plus or tokens[k].text in ("+", "plus", "加上", "再加", "外加")
        k += 1
    if not plus or k >= len(tokens) or not tokens[k].used:
        return False
    after = [t for t in tokens[k + 1 : k + 4] if t.role != "link"]
    if not (after and after[0].role in _PROMPT_PIECE_LABELS and not after[0].after_break):
        return False
    label_at = tokens.index(after[0])
    rest = tokens[label_at + 1 :]
    if rest and not rest[0].after_break and rest[0].text in ("per", "each", "every", "a", "/"):
        return False  # (`+ 500 token prompt per conversation`)
    joined = sum(1 for t in tokens if t.text in _ANOTHER_PIECE)
    return joined == 1  # (`+ 500 token prompt + RAG context`, `…, plus the json schema`: another piece unsized)


def _output_named_before(tokens: list[Token], amount: Token) -> bool:
    """An output word a few words before the amount, in its clause, with only what the output is between (`输出审阅
    意见 3000`, `output is a JSON score ~300`)."""
    at = tokens.index(amount)
    k = at - 1
    while k >= 0 and at - k <= 6 and tokens[k].kind != "amount" and not tokens[k + 1].after_break:
        if tokens[k].role == "label:output":
            return True
        role = tokens[k].role
        if role is not None and role not in ("skip", "link") and not role.startswith("label:"):
            return False
        k -= 1
    return False


def _everyday_words(words: list[Token]) -> list[Token]:
    """The English words of ``words`` people write on purpose (english.py): a content's name, never a unit's."""
    return [w for w in words if w.kind == "word" and is_common_word(w.text)]


def _english_before(tokens: list[Token], k: int) -> bool:
    """`each new issue + label list ≈ 2,200 tokens in`: English words right before an amount of tokens name it."""
    return k > 0 and tokens[k - 1].kind == "word"


def _explain(parts: Parts, words: list[Token]) -> None:
    """``words`` are accounted for: no longer asked about as words the tables do not know."""
    for word in words:
        parts.explain(word.text)


def _named_content(tokens: list[Token], amount: Token) -> list[Token]:
    """`这份资料 60 万 token`, `data room 大概 90 萬 token`: the plain nouns (no price character) just before an
    amount of tokens, in its clause, name the content those tokens are."""
    k = tokens.index(amount) - 1
    while k >= 0 and tokens[k].role == "skip" and not tokens[k + 1].after_break:
        k -= 1  # `大概`
    named: list[Token] = []
    while k >= 0 and len(named) < 2 and tokens[k].role is None and tokens[k].kind in ("word", "cjk"):
        if not plain_word(tokens[k]):
            return []
        named.append(tokens[k])
        if tokens[k].after_break:
            break
        k -= 1
    return named


#: Words that make an amount of tokens a limit of the model, not a part of the request (`context window 1M tokens`).
_LIMIT_WORDS = frozenset(["max", "maximum", "limit", "window", "context", "cap", "上限", "最大", "窗口", "最多", "上下文"])


def _in_tokens(tokens: list[Token], amount: Token) -> bool:
    """An amount said in tokens, and not a limit (`8k tokens max output`)."""
    k = next(i for i, t in enumerate(tokens) if t is amount)
    return said_in_tokens(tokens, k) and not any(t.text in _LIMIT_WORDS or t.role == "info" for t in tokens[max(k - 3, 0) : k + 4])


def _slashed(tokens: list[Token], amounts: list[Token]) -> bool:
    """`1k/200`: two amounts with only a slash between them (and no period after: `1000/day` is a count)."""
    k = next((i for i, t in enumerate(tokens) if t is amounts[0]), -1)
    return 0 <= k < len(tokens) - 2 and tokens[k + 1].text == "/" and tokens[k + 2] is amounts[1]


def _counts_a_thing(tokens: list[Token], amount: Token) -> bool:
    """`500 PDFs`, `300 张发票`: the word right after the amount is one the tables do not know."""
    k = next((i for i, t in enumerate(tokens) if t is amount), -1) + 1
    return 0 < k < len(tokens) and tokens[k].role is None and tokens[k].kind in ("word", "cjk") and tokens[k].text not in FILLER


#: Characters that open a length of time after a measure word (`三个月`, `两个星期`): no things counted.
_TIME_CHARS = frozenset("月天日年周星时钟分秒礼")


def _things_counted(tokens: list[Token], amount: Token) -> list[Token] | None:
    """The noun an amount counts, when it counts things the tables do not know: `200k samples`, `14,042 q's`,
    `50k short summaries` (an English plural, two words may stand before it, said before the tokens of each:
    `10k in 1k out, 20 tools` are things inside one request), `一次8万个SKU`, `做800个ASIN`, `總共1200個品項` (a
    Chinese measure word and the noun, after a word that makes them a batch: `8个并发` is no count of
    requests). None for a size (`300 lines`) or a known word."""
    k = next((i for i, t in enumerate(tokens) if t is amount), -1) + 1
    if not 0 < k < len(tokens) or tokens[k].after_break:
        return None
    first = tokens[k]
    if first.kind == "cjk" and (first.text in COUNTING_MEASURES or first.text[:1] in COUNTING_MEASURES and len(first.text) > 1):
        if not (_batch_word_before(tokens, k - 1) or _each_of_them_after(tokens, k)):
            return None
        if first.text in COUNTING_MEASURES and first.role in (None, "skip", "count") and (
                k + 1 == len(tokens) or tokens[k + 1].after_break or tokens[k + 1].role is not None or tokens[k + 1].kind not in ("word", "cjk")):
            return []  # `共 120 本，总共多少`, `總共 1200 支 用 2.5 flash`: the measure word alone counts the things of the batch
        if first.text in COUNTING_MEASURES and first.role in (None, "skip") and k + 1 < len(tokens):
            noun = tokens[k + 1]
            unknown = (noun.role is None and noun.kind in ("word", "cjk") and noun.text not in FILLER and not noun.after_break
                       and noun.text[:1] not in _TIME_CHARS)
            return [noun] if unknown and noun.text not in _RUNNERS else None
        if first.role is None and len(first.text) > 1 and first.text[1] not in _TIME_CHARS and first.text[1:] not in _RUNNERS:
            return [first]  # `1200家商家`: the measure word and its noun as one word (`三個月` is a length of time)
        return None
    if not _counts_a_thing(tokens, amount) or not (_before_the_usage(tokens, k - 1) or _a_batch_of_them(tokens, amount)):
        return None
    for word in tokens[k : k + 3]:  # (`200k old candidate profiles`: two words may stand before the plural)
        if word.text in CONTENT_UNITS or word.kind != "word" or word.after_break:
            return None
        if not word.text.endswith("s") and not (len(word.text) > 2 and plain_word(word)):
            return None  # (`5,000 IFU segments`, `200k old candidate profiles`; a word of two letters may be a unit, asked)
        if len(word.text) > 2 and word.text.endswith("s"):
            return tokens[k : tokens.index(word) + 1]
    return None


#: Words that say the people of a share (`5% 的人`, `一半人会用`, `20% of them`), or the verb of those who ask (`5% 會來問`).
_SHARED_PEOPLE = frozenset(["人", "的人", "them", "users", "people", "customers", "students", "members"])


#: Verbs that make a share of the people those who use the bot (`5% 的人會來問`, `一半人会用`, `20% of them ask`):
#: `20% of users are inactive` is no such share.
_USING = ("会用", "会来问", "会问", "会来", "来问", "会使用", "ask", "asks", "chat", "chats", "message", "talk")


def _using(tokens: list[Token], people: int) -> bool:
    after = "".join(t.text for t in tokens[people + 1 : people + 3] if not t.after_break)
    return after.startswith(_USING) or tokens[people].text.startswith(("人会用", "人会来"))


def _share_of_the_people(tokens: list[Token], amount: Token) -> tuple[Decimal, list[Token]] | None:
    """A share of the people counted: `5% 的人`, `一半人`, `日活按20%算`, `20% of them`. The fraction and the words
    that said it (to be accounted for), or None."""
    k = tokens.index(amount)
    if amount.value is None or k + 1 >= len(tokens):
        return None
    if tokens[k + 1].role == "percent" and 0 < amount.value < 100:
        fraction, said = amount.value / 100, []
    elif amount.text == "一" and tokens[k + 1].kind == "cjk" and tokens[k + 1].text[:1] == "半":
        fraction, said = Decimal("0.5"), [tokens[k + 1]]
    else:
        return None
    j = k + 2
    while j < len(tokens) and tokens[j].role in ("skip", "link") and tokens[j].text in ("的", "of", "算") and not tokens[j].after_break:
        j += 1
    after = tokens[j] if j < len(tokens) and not tokens[j].after_break else None
    if said and after is None and len(tokens[k + 1].text) > 1:
        after = tokens[k + 1]  # `一半人` read as one word
    if after is not None and (after.role == "people_label" or "".join(t.text for t in tokens[j : j + 2]).startswith(_USING)
                              or (after.role == "people" or after.text in _SHARED_PEOPLE or after.text.startswith("人")) and _using(tokens, j)):
        return fraction, [*said, after]
    if k >= 2 and tokens[k - 1].text == "按" and tokens[k - 2].role == "people_label":
        return fraction, said  # `日活按20%算`: the daily actives, as a share of those counted
    return None


#: Words that say an amount is the part of the input not read from the cache (`180k fresh + 30k cached`).
_NEW_TOKENS = frozenset(["fresh", "new", "uncached", "non-cached", "noncached"])


#: Verbs of reading from a cache (`缓存 6 小时读了 120 万 token`, `our cache served 900k tokens`): cached tokens read, no storage.
_READ_FROM_THE_CACHE = frozenset(["read", "reads", "served", "serves", "hit", "hits", "命中", "读了"])


def _units_each_counted(tokens: list[Token], amount: Token, parts: Parts) -> list[Token] | None:
    """The amount counts the units a count per unit is said of: a request count said of each (`每人`, `每家`, `每个窗口`,
    `each`) follows it, and the amount counts a noun (`800個好友`, `120 customer accounts`, `~90 active clients, ~8 msgs
    each`); or the count is said of one unit, before or after, that the amount counts by the same noun or measure word
    (`每个群每天30个问题 … 120个班级群`, `180 間門市 … 一間店一天平均 6 則`). The nouns, or None."""
    if not (parts.people is None and parts.requests is not None):
        return None
    if amount.value is None or amount.value < 2 or amount.value != amount.value.to_integral_value():
        return None
    at = tokens.index(amount)
    first = at + 1
    while first < len(tokens) and tokens[first].text in LINK_WORDS and not tokens[first].after_break:
        first += 1  # `~90 active clients`: who they are, then what
    nouns = [t for t in tokens[first : first + 3] if t.role in (None, "people", "info") and t.kind in ("word", "cjk") and not t.after_break]
    if not nouns or nouns[0] is not tokens[first] or said_in_tokens(tokens, at) or tokens[first].text in CONTENT_UNITS:
        return None
    if nouns[0].kind == "cjk" and nouns[0].text[:1] in _TIME_CHARS or any((t.role or "").startswith(("dur:", "period:")) for t in tokens[first : first + 2]):
        return None  # (`3个月`, `22 working days`: a length of time)
    count_at = next((k for k, t in enumerate(tokens) if t.kind == "amount" and t.used and t.value == parts.requests), None)
    if count_at is not None and counts_the_unit_of(tokens, count_at, at):
        # `每个群每天30个问题，我们有120个班级群`, `180 間門市 … 一間店一天平均 6 則`: the count is said of one of
        # the units the amount counts
        parts.per_person = True
        return [t for t in nouns if t.role is None]
    if not parts.per_person:
        return None
    each = next((k for k in range(at + 1, min(at + 8, len(tokens))) if tokens[k].role in ("each", "per_person")), None)
    if each is not None and any(t.kind == "amount" for t in tokens[at + 1 : each]):
        # `~90 active clients, ~8 msgs each per day`: the count itself said of each, right after the units
        each = None if count_at is None or not (at < count_at < each <= count_at + 3) else count_at - 1
    if each is None:
        return None
    counted = next((k for k in range(each + 1, min(each + 8, len(tokens))) if tokens[k].kind == "amount"), None)
    if counted is None or tokens[counted].value != parts.requests:
        return None  # (the count said of each unit is the request count read)
    return [t for t in nouns if t.role is None]


#: Measure words that count what is not a request: images in one (`张`), people (`位`, `名`), businesses (`家`).
_NOT_REQUEST_MEASURES = frozenset("张張幅位名人家")


def _things_of_a_period(tokens: list[Token], amount: Token, period: str | None) -> list[int] | None:
    """Things counted with their own period, the count's period: `250 ads a month`, `1,600 open-ends/day`, `一天 25
    台`, `一個月上架 80 台`. The index of the period word, then those of the nouns (words the tables do not know, in the
    amount's clause); None when the amount is no such count (`300 lines a day` is a size, `每天 20 张` images)."""
    at = tokens.index(amount)
    if period is None or amount.value is None or amount.value < 1 or amount.value != amount.value.to_integral_value():
        return None
    nouns: list[int] = []
    k = at + 1
    while k < len(tokens) and len(nouns) < 3 and not tokens[k].after_break and (
            plain_word(tokens[k]) or tokens[k].role == "link" and tokens[k].text == "-" and nouns):
        if tokens[k].text in CONTENT_UNITS or tokens[k].text in TOKEN_WORDS:
            return None
        nouns.append(k)
        k += 1
    if not nouns or tokens[nouns[-1]].role == "link":
        return None
    first = tokens[nouns[0]]
    if first.kind == "cjk" and first.text[:1] in _NOT_REQUEST_MEASURES | _TIME_CHARS | {"个", "個"}:
        return None  # (`22 個工作天`, `6 个门店`, `8 个群`: a bare 个 counts anything, so names no work item)
    if any(tokens[k].text in NOT_WORK_ITEMS for k in nouns):
        return None
    if first.kind == "cjk":
        opens = period_before(tokens, at)  # `一天 25 台`: Chinese says the period first
    else:
        while k < len(tokens) and tokens[k].role == "skip" and not tokens[k].after_break and k - nouns[-1] <= 2:
            k += 1  # `a`, `per`, `/`
        opens = k if k < len(tokens) and not tokens[k].after_break else -1
    if opens < 0 or tokens[opens].role != f"period:{period}" or asks_the_price(tokens, opens):
        return None
    return [opens, *nouns]


#: Words that make the things counted after them a batch of requests (`一次8万个SKU`, `总共1200个品项`, `做800个ASIN`).
_BATCH_WORDS = frozenset(["总共", "一共", "共", "做", "跑", "处理", "翻", "生成", "写", "批量", "全部", "要做"])
#: Things that run requests, never a number of them (`8个并发`, `3个线程`).
_RUNNERS = frozenset(["并发", "线程", "进程", "实例", "账号", "机器", "worker", "workers", "key", "keys"])


def _batch_word_before(tokens: list[Token], at: int) -> bool:
    return any(t.text in _BATCH_WORDS or t.role == "total" for t in tokens[max(at - 2, 0) : at])


def _each_of_them_after(tokens: list[Token], k: int) -> bool:
    """`一万两千个SKU 每个输入八百`, `两万套老房源 … 每套输入一千二`: the same measure word with 每 opens the input or
    output of one of them, so each is a request."""
    each = "每" + tokens[k].text[:1]
    for j in range(max(k - 12, 0), min(k + 12, len(tokens) - 1)):  # (`每个SKU输入300 … 8万个SKU`: before or after)
        if tokens[j].text == each or tokens[j].text.startswith(each) and tokens[j].role == "each":
            return any((t.role or "").startswith(("label:input", "label:output")) for t in tokens[j + 1 : j + 3])
    return False


#: Words that make a count said after the usage a batch of requests (`…, 250k survey responses (one-off)`).
_ONE_OFF = frozenset(["one-off", "oneoff", "backlog", "altogether"])


def _a_batch_of_them(tokens: list[Token], amount: Token) -> bool:
    """Things counted after the tokens of each (`600 tokens in, 40 out, 250k survey responses`): a batch of requests
    when there are thousands of them or the question says it is one (`one-off`, `total`); a few are things inside
    one request (`10k in 1k out, 20 tools`)."""
    value = amount.value or Decimal(0)
    k = tokens.index(amount)
    said_total = any(t.text in ("total", "overall") for t in tokens[k + 2 : k + 4])
    texts = [t.text for t in tokens[k + 1 : k + 7]]
    one_pass = any(texts[j : j + 2] == ["one", "pass"] for j in range(len(texts) - 1))  # `12k SKUs, one pass`
    # (`~600 papers total`; a few things and `total?` ask for the sum of one request: `20 tools, total?`)
    return value >= 1000 or any(t.text in _ONE_OFF for t in tokens) or (said_total or one_pass) and value >= 100


def _before_the_usage(tokens: list[Token], at: int) -> bool:
    """No amount is said before the one at ``at``: the things are counted before the tokens of each."""
    return not any(t.kind == "amount" for t in tokens[:at])


def _image_tokens_said_as_output(query: Query, models: tuple[ModelCard, ...]) -> Query:
    """`生成商品主图，每张输出1290 token`: output tokens that are exactly the made images' own tokens (the model's
    tokens per image) are those images, said in tokens: priced once, as image output, not again as text."""
    usage = query.usage
    per_image = models[0].output_image_tokens.tokens if len(models) == 1 and models[0].output_image_tokens is not None else None
    if usage is None or not usage.output_images or not per_image or usage.output_tokens != usage.output_images * per_image:
        return query
    return replace(query, usage=replace(usage, output_tokens=0))


def _token_totals(parts: Parts, tokens: list[Token], models: tuple[ModelCard, ...], book: PriceBook) -> bool:
    """`上个月 2.5 flash 一共输入3.2亿token 输出4000万`, `we used 450M input tokens last month`: with no request count,
    more input than any model's prompt holds (the card's largest context window), said as a period's, a total or
    a usage, is the total of many requests, priced as it stands. `一次输入300万` (one prompt) is still a prompt
    too long for its model, and so is one said with no such word (`3000000 in 1000 out`). Only on models with
    one rate: where a prompt's length sets its rate (a long-context tier), totals cannot be priced, so asked."""
    if parts.requests is not None or parts.input is None or "each" in parts.intents:
        return False
    if not models or any(m.long_context_threshold is not None for m in models):
        return False
    largest = max((m.context_window or 0 for m in book.card.models), default=0)
    if not largest or parts.input <= largest:
        return False
    periods = {t.role for t in tokens if t.role in ("period:day", "period:month")}
    if len(periods) > 1:
        return False  # (`这个月的量 每天输入总共5000万`: which period the totals are is asked)
    return bool(periods) or any(t.role == "total" or t.text in _USAGE_WORDS for t in tokens)


#: Words that make token amounts a usage already run (a bill's), not one prompt.
_USAGE_WORDS = frozenset(["用量", "使用量", "消耗", "账单", "usage", "used", "consumed", "bill", "invoice", "billed"])


def _model_prices_output(model: ModelCard | None) -> bool:
    return model is None or model.output is not None


def _refuse_unexplained(parts: Parts, query: Query, book: PriceBook) -> None:
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
    # an unread word of quantity (`double that`, `half of them`, `翻倍`) would change the figures the reading keeps:
    # no reading is offered with it (issue 19, item 3: a reading offered uses the numbers as said)
    scaled = any(_quantity_word(w) for w in (*parts.unexplained, *parts.unknown_words, *parts.unknown_cjk))
    unplaced = parts.labels_seen & {"cached", "cache", "thinking", "storage"}
    if usage is not None and (usage.cached_tokens or usage.storage_tokens):
        unplaced -= {"cached", "cache", "storage"}  # `cache 的钱：缓存15万存24小时…`: the word names what has its amount
    if usage is not None and (usage.thinking_tokens or parts.thinking_included and usage.output_tokens):
        unplaced.discard("thinking")  # `开思考，…思考大概4000`; `2k out (含思考)`: the output given holds it, whatever its share
    if unplaced:
        raise Ambiguous("unplaced_label", () if scaled else (canonical(query),), words=", ".join(sorted(unplaced)))
    if usage is not None and "input" in parts.labels_seen and not usage.input_tokens and usage.output_tokens:
        raise Ambiguous("unplaced_label", words="input")  # `输入输出加起来 3000 token`: how much of it is input?
    if usage is not None and "output" in parts.labels_seen and not usage.output_tokens and usage.input_tokens:
        # `40k tokens in and out`: one amount, two labels; 40k each way is the likely reading
        both = replace(usage, output_tokens=usage.input_tokens)
        raise Ambiguous("unplaced_label", (canonical(replace(query, usage=both)),), words="out")
    if usage is not None and usage.period is not None and parts.requests is None and not usage.totals:
        raise Ambiguous("period_without_count")
    if query.intent == "budget" and "budget" not in parts.intents:
        raise Ambiguous("money_without_question", (canonical(query),))
    words = list(dict.fromkeys([*parts.unexplained, *parts.unknown_words, *parts.unknown_cjk]))  # (each word named once)
    if words:
        if parts.unknown_unit:  # `2w`: the word may change a number, so the reading without it is no reading
            raise Ambiguous("unknown_unit", words=", ".join(words[:5])[:80])
        unread_period = any(w in UNPRICED_PERIODS or w in _UNREAD_COUNTS or w in _NO_READING_BESIDE for w in parts.unexplained)  # (item 3)
        # (`月报 30 份 … 一天多少钱`: a thing named by a period beside a period asked; 30 a day is no reading to offer)
        unread_period = unread_period or any(named in w for w in parts.unknown_cjk for named in PERIOD_NAMED)
        # a negation left unread may switch off what the reading keeps on (`batch 不要了`): no reading is offered
        negated = any(w in _NEGATIONS or any(c in NEGATION_CHARS for c in w) for w in words)
        raise Ambiguous("unknown_words", () if unread_period or negated or scaled else (canonical(query),), words=", ".join(words[:5])[:80])


#: Words that put everything into one prompt (`dump … into one 2.5 flash prompt`, `一次丟進`, `全塞给`).
_ONE_GO = (("one", "prompt"), ("one", "go"), ("one", "call"), ("one", "request"), ("single", "prompt"), ("at", "once"), ("one", "shot"))
_ONE_GO_CJK = ("全塞", "塞进", "丢进", "塞给", "丢给", "扔给", "喂给", "一口气", "一次丢", "一次塞", "一次全", "一次扔", "一次喂")


def _refuse_what_no_prompt_holds(unlabeled: list[Token], tokens: list[Token], model: ModelCard) -> None:
    """`can i dump ~2.6M tokens into one 2.5 flash prompt?`, `一本技术手册三百万token 能不能一次全塞给2.5 pro`: an amount of
    tokens said to go into one prompt that is larger than the model's context window can be no input and no output of
    one request, whatever its label: the answer is that it does not fit (and how many requests would hold it)."""
    window = model.context_window
    if window is None:
        return
    texts = [t.text for t in tokens if t.kind != "model" and t.model is None]  # (`into one 2.5 flash prompt`)
    said = "".join(t.text for t in tokens if t.kind in ("cjk", "amount"))  # (`一次全塞给`: however the words were split)
    one_go = any(tuple(texts[k : k + 2]) in _ONE_GO for k in range(len(texts) - 1)) or any(w in said for w in _ONE_GO_CJK)
    if any(t.role in ("period:day", "period:month") for t in tokens):
        return  # (`每月 5000万 token，一次请求 3k`: a month's tokens are no one prompt)
    for amount in unlabeled:
        if one_go and _in_tokens(tokens, amount) and amount.value is not None and amount.value > window:
            raise ContextWindowExceeded(model.id, amount.value, window, math.ceil(amount.value / window))


def _size_of_each_packed(tokens: list[Token], measure: str) -> bool:
    """A size said of each of the things packed (`每条大概 200 token`, `each review ~150 tokens`, `每則約 150 token`)."""
    singular = measure.removesuffix("s")
    for k, tok in enumerate(tokens[:-1]):
        each_cjk = tok.kind == "cjk" and tok.text.startswith("每" + measure)
        each_en = tok.text in ("each", "every", "per") and tokens[k + 1].text in (singular, measure)
        if (each_cjk or each_en) and any(t.kind == "amount" and (u.text in TOKEN_WORDS) for t, u in zip(tokens[k + 1 : k + 6], tokens[k + 2 : k + 7], strict=False)):
            return True
    return False


def _unpacked(parts: Parts, tokens: list[Token]) -> None:
    """`每天2000条 … 每50条打包一次`: the requests counted in the things packed are those things over the pack size
    (40 a day; an uneven last pack is one more request); a count of requests said as such (`每天 3000 个请求`) stands."""
    pack = parts.pack
    if pack is None or parts.requests is None:
        return
    if _size_of_each_packed(tokens, pack.measure):
        raise Ambiguous("total")  # `每条大概 200 token，每 50 条打包`: each thing's size, or the request's? (a request holds 50)
    counted = next((k for k, t in enumerate(tokens) if t.kind == "amount" and t.used and t.value == parts.requests and k + 1 < len(tokens)), None)
    if counted is None or tokens[counted + 1].text[: len(pack.measure)] != pack.measure:
        return
    parts.count_factors += (parts.requests, pack.size)
    parts.unpacked = (parts.requests, pack.size)
    parts.requests = (parts.requests / pack.size).to_integral_value(rounding=ROUND_CEILING)  # (the last pack, part full, is a request too)


def _days_of_a_kept_cache(parts: Parts, tokens: list[Token]) -> None:
    """`放cache 3天 每天問120次 … 總共多少`: a cache kept for whole days, a daily count and no period asked: the count
    is those days' total (`DaysRead`, noted as `days_total`), as the storage is those days' too."""
    hours, daily = parts.hours, parts.requests
    kept = parts.storage is not None or parts.hours_of_cache and parts.cached is not None  # (the cached piece, stored those hours)
    if (not kept or hours is None or daily is None or hours <= 24 or hours % 24 or parts.period != "day"
            or parts.days_read is not None or parts.asked_period is not None or parts.people is not None or parts.count_factors):
        return
    days = hours / 24
    for tok in tokens:
        if tok.role == "period:day" and tok.volume:
            tok.volume, tok.role = False, "skip"  # `每天`: the day of the count, read into the days' total
    parts.days_read = DaysRead(daily, days, daily * days, month=False)
    parts.requests, parts.period = daily * days, None


#: Verbs that cut a whole into requests (`切成 400 次 request`, `split into 40 chunks`).
_SPLIT_WORDS = frozenset(["切成", "分成", "拆成", "切", "拆", "分"])
_SPLIT_EN = frozenset(["split", "chunk", "chunked", "divided", "broken", "break", "cut"])


def _job_shared(parts: Parts, tokens: list[Token]) -> Notice | None:
    """`原文全部大概 80 萬 token，輸出估 100 萬 token，會切成 400 次 request`: the tokens given are the whole job's and
    the count is of the pieces it is cut into, so each request has its share (`Notice("job_shared")`). Only with no
    per-request word in the question, the input and the output given (and no other part), each dividing evenly;
    otherwise it is asked whether the amounts are totals."""
    if parts.requests is None or parts.people is not None or parts.count_factors:
        return None
    at = next((k for k, t in enumerate(tokens) if t.kind == "amount" and t.used and t.value == parts.requests), None)
    if at is None or not _cut_before(tokens, at):
        return None
    if any(t.role in ("each", "per_person") or t.kind == "cjk" and t.text.startswith("每") and not (t.role or "").startswith("period:")
           or t.text in ("each", "per", "every") for t in tokens):
        # `a 400k token contract split across 4 requests, 2k output each`: a whole said before it is cut, beside a part
        # said of each piece; which amounts are the whole's is asked (it had been priced as 400k in every request).
        # (`拆成400段，每段输入3000`: every amount said after the cut, of each piece)
        whole_before = any(t.kind == "amount" and t.used and _in_tokens(tokens, t) for t in tokens[:at])
        if whole_before and not any(t.role in ("each", "per_person") or t.text.startswith("每") for t in tokens[:at]):
            raise Ambiguous("total")
        return None
    n = parts.requests
    whole_in, whole_out = parts.input, parts.output
    if whole_in is None or whole_out is None or any(getattr(parts, name) is not None for name in ("cached", "thinking", "audio")) or (
            whole_in % n or whole_out % n):
        raise Ambiguous("total")  # (a share that does not divide, or parts the note would not name: asked, as a total is)
    parts.split_totals = (whole_in, whole_out)  # the amounts as said, figures of the question (selfcheck)
    parts.input, parts.output = whole_in / n, whole_out / n
    return Notice("job_shared", {"requests": n, "input": parts.input, "output": parts.output})


def _cut_before(tokens: list[Token], at: int) -> bool:
    before = [t.text for t in tokens[max(at - 3, 0) : at]]
    return bool(set(before) & _SPLIT_WORDS) or ("into" in before or "across" in before) and bool(set(t.text for t in tokens[max(at - 4, 0) : at]) & _SPLIT_EN)
