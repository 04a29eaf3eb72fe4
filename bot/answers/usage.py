"""A pasted API response's usage, answered: paste -> `Usage` -> engine -> `render_usage`.

The words beside the paste are read with the ordinary query language ("x2000 per day", "on 2.5
flash", "batch", "in CNY", "public"), so a paste is projected like any question.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from bot.answers import render, render_usage
from bot.answers import render_understanding as understanding
from bot.answers.data import budget_data as _budget_data
from bot.answers.data import estimate_data
from bot.answers.data import exact as _dec
from bot.answers.data import fx_data as _fx_data
from bot.answers.render_usage import SCALES, UsageAnswer
from bot.answers.reply import PricingContext, Reply, make_reply
from bot.text.i18n import translator
from pricing import (
    Ambiguous,
    FxRate,
    ModelCard,
    Notice,
    PriceBook,
    Query,
    Usage,
    budget,
    canonical,
    compare,
    estimate,
    parse_query,
)
from pricing.model_versions import resolve_model_version
from pricing.usage_paste import (
    PastedUsage,
    UsagePasteError,
    pasted_service_tier,
    read_usage_paste,
)

__all__ = ["answer_usage_paste"]

#: Stands in for the paste's tokens while the words beside it are read as a question: `input=1` binds
#: its amount explicitly, so no amount the asker wrote ("100美元") can be paired with it; the parser
#: then reads the rest (counts, period, model, options, compare, budget) as usual.
_STAND_IN = "input=1 "
#: The most words before a paste read as the asking (`what did this call cost on 2.5 flash?`): longer, they are text
#: pasted with it (a log, a transcript), skipped and said, so the reading costs what the paste's own reading does.
_ASKING_MOST = 2_000


def answer_usage_paste(answerer: PricingContext, text: str, lang: str) -> Reply | None:
    """The reply to a usage paste in ``text``, or None when ``text`` holds none.

    A broken paste is answered with what is missing; other expected failures (an unknown model, a
    rate the card lacks) raise as for any question.
    """
    t = translator(lang)
    try:
        paste = read_usage_paste(text)
        if paste is None:
            return None
        book = answerer.book
        words = _words_beside(paste.question, paste.after, book)
    except UsagePasteError as err:
        message = render_usage.paste_error_message(t, err)
        doc = render_usage.render_paste_error(t, err)
        return make_reply(doc, "error", lang, {"error": {"code": err.code, "message": message}}, ok=False)
    notices = list(paste.notices)
    asked = words.usage if words is not None else None
    one = paste.usage
    if asked is not None:
        # "with search" beside a grounded response bills the queries it shows, unless a count was said.
        searches = asked.searches_per_request
        if asked.grounded and searches == 1 and paste.search_queries:
            searches = paste.search_queries
        one = replace(one, batch=asked.batch, service_tier=asked.service_tier, grounded=asked.grounded, searches_per_request=searches)
    # A response that names its service tier was billed at it, unless the words beside it ask another.
    pasted_tier = pasted_service_tier(text)
    if pasted_tier is not None and one.tier is None:
        one = replace(one, service_tier=pasted_tier)
    if paste.search_queries and not one.grounded:
        notices.append(Notice("usage_search_queries", {"queries": paste.search_queries}))
    if one.grounded:  # searches are priced: the hint to add them goes
        notices = [replace(n, params={**n.params, "searched": True}) if n.code == "usage_tool_use_input" else n for n in notices]
    fx, fx_missing = answerer.fx_for(words, book) if words is not None else (None, False)
    if fx_missing:  # yuan asked with no rate set: answered in USD, saying how an admin sets one
        notices.append(Notice("usage_no_fx_rate", {"currency": words.currency} if words is not None and words.currency else {}))
    if words is not None and words.intent == "compare":
        projected_usage = replace(one, requests=asked.requests, period=asked.period)  # type: ignore[union-attr]
        return _compare(answerer, paste, projected_usage, words, notices, fx, lang)
    model, ref, is_default = _model(answerer, book, paste.model_ref, words, notices)
    today = (words.on_date if words is not None else None) or answerer.today()  # "on 2027-02-01": rates of that day
    if words is not None and words.intent == "budget":
        return _budget(answerer, paste, one, model, ref, is_default, words, notices, fx, lang)
    call = estimate(book, one, model, today=today)
    at_scale = tuple(estimate(book, replace(one, requests=n), model, today=today) for n in SCALES)
    projected = None
    if asked is not None and (asked.requests > 1 or asked.period is not None):
        projected = estimate(book, replace(one, requests=asked.requests, period=asked.period), model, today=today)
    if words is not None:
        notices.extend(words.notices)
    result = UsageAnswer(paste, call, at_scale, projected, ref, is_default, tuple(notices))
    doc = render_usage.render_usage(t, result, fx)
    data = _data(result, t)
    # "1000 calls a day, how much a month?": the total in the period asked, as ordinary questions do.
    factor = understanding.monthly_factor(words.asked_period, projected.usage.period) if words and projected else None
    if factor is not None:
        asked_total = projected.total * factor  # type: ignore[union-attr]
        doc.title = understanding.asked_period_title(t, asked_total, words.asked_period)  # type: ignore[union-attr]
        doc.notes.insert(0, understanding.asked_period_note(t, words.asked_period))  # type: ignore[union-attr]
        data |= {"asked_period": words.asked_period, "asked_period_total": _dec(asked_total)}  # type: ignore[union-attr]
    if fx is not None:
        data |= _fx_data(fx, (projected or call).total)
    reply = make_reply(doc, "estimate", lang, data, public=words.public if words is not None else False)
    return replace(reply, reading=_reading((projected or call).usage, model, words))


def _reading(usage: Usage, model: ModelCard, words: Query | None) -> str | None:
    """The call as the query language writes it, so a follow-up ("what about 2.5 flash?") re-prices it.

    None where the query language cannot say it at the same price: cached audio, image or audio output.
    Image input is billed at the text input rate, so it may be said as input.
    """
    if usage.cached_audio_tokens or usage.image_output_tokens or usage.audio_output_tokens:
        return None
    said = Query("estimate", usage, models=(model,), want_cny=bool(words and words.want_cny), currency=words.currency if words else None)
    return canonical(said)


def _words_beside(question: str, after: str, book: PriceBook) -> Query | None:
    """The words around the paste as a question about it; None when there are none.

    Words before the paste are mostly the asking ("what did this call cost?"); words after it project
    or change it ("x2000 per day", "on 2.5 flash"), and there an unclear word ("x2000 per dya") is asked
    about, never guessed.
    """
    if not question.strip():
        return None
    skipped: list[Notice] = []
    try:
        if len(question) - len(after) > _ASKING_MOST:
            raise Ambiguous("unlabeled_amount")  # (pages of words before a paste are no asking: read past, as unclear ones)
        query = parse_query(_STAND_IN + question, book)
    except Ambiguous:
        # Words before the paste are mostly the asking: when only they are unclear, the words after it
        # (or none) are read, and the skipped words are said. Unclear words after the paste are asked
        # about in plain words (the parser's readings would be questions without the paste).
        before = question[: len(question) - len(after)].strip() if after and question.endswith(after) else question
        try:
            query = parse_query(_STAND_IN + after, book)
        except Ambiguous:
            raise UsagePasteError("usage_words_unclear", words=_clip(after)) from None
        skipped.append(Notice("usage_words_skipped", {"words": _clip(before)}))
    if skipped:
        query = replace(query, notices=(*skipped, *query.notices))
    usage = query.usage
    if query.intent not in ("estimate", "compare", "budget") or usage is None:
        raise UsagePasteError("usage_other_intent")
    if (usage.input_tokens, usage.cached_tokens, usage.output_tokens, usage.storage_tokens) != (1, 0, 0, 0):
        raise UsagePasteError("usage_extra_amounts")
    return query


def _compare(
    answerer: PricingContext, paste: PastedUsage, usage: Usage, words: Query, notices: list[Notice], fx: FxRate | None, lang: str
) -> Reply:
    """`compare` beside a paste: the same call on every current model, cheapest first."""
    t = translator(lang)
    comparison = compare(answerer.book, usage, today=answerer.today())
    doc = render.render_compare(t, comparison, fx)
    doc.lines.insert(0, render_usage.read_line(t, paste))
    doc.notes.extend(render_usage.usage_notice_text(t, n) for n in (*notices, *words.notices))
    data = {"rows": [{"model": r.model.id, "total": _dec(r.total)} for r in comparison.rows], **_paste_data(paste, t)}
    return make_reply(doc, "compare", lang, data, public=words.public)


def _budget(
    answerer: PricingContext, paste: PastedUsage, usage: Usage, model: ModelCard, ref: str | None, is_default: bool,
    words: Query, notices: list[Notice], fx: FxRate | None, lang: str,
) -> Reply:
    """`how many for $100` beside a paste: how many such calls the budget pays for."""
    t = translator(lang)
    usd = words.budget_usd if words.budget_usd is not None else fx.to_usd(words.budget_cny)  # type: ignore[union-attr,arg-type]
    result = budget(answerer.book, usage, usd, model, today=answerer.today())
    doc = render.render_budget(t, result, ref=ref, is_default=is_default, fx=fx)
    doc.lines.insert(0, render_usage.read_line(t, paste))
    doc.notes.extend(render_usage.usage_notice_text(t, n) for n in (*notices, *words.notices))
    return make_reply(doc, "budget", lang, {**_budget_data(result), **_paste_data(paste, t)}, public=words.public)


def _paste_data(paste: PastedUsage, t: Any) -> dict[str, Any]:
    """What every answer to a paste adds: where the usage came from, and what was read (`read_as`)."""
    return {"source": "usage", "read_as": render_usage.read_line(t, paste), "usage_form": paste.form,
            "usage": dict(paste.reported)}  # fmt: skip


def _clip(words: str, limit: int = 80) -> str:
    return words if len(words) <= limit else words[: limit - 1] + "…"


def _model(
    answerer: PricingContext, book: PriceBook, pasted: str | None, words: Query | None, notices: list[Notice]
) -> tuple[ModelCard, str | None, bool]:
    """(model, the name used for it, whether it is the default): words beside the paste win over it."""
    if words is not None and words.model is not None:
        asked = words.model
        if pasted is not None:
            pasted_model, _ = resolve_model_version(book, pasted)
            if pasted_model.id != asked.id:
                notices.append(Notice("usage_model_asked", {"asked": asked.id, "pasted": pasted}))
        return asked, words.model_refs[0] if words.model_refs else None, False
    if pasted is not None:
        model, reduced = resolve_model_version(book, pasted)
        if reduced is not None:
            notices.append(reduced)
        return model, None, False
    default = book.get(answerer.default_model) if answerer.default_model else book.default
    notices.append(Notice("usage_default_model", {"model": default.id}))
    return default, None, True


def _data(a: UsageAnswer, t: Any) -> dict[str, Any]:
    """The estimate's usual JSON keys (DESIGN section 2) for the projection or the call, plus the paste's."""
    main = a.projected or a.call
    notices = [*a.notices, *main.notices]
    warnings = [{"code": n.code, "message": render_usage.usage_notice_text(t, n)} for n in notices]
    return {
        "source": "usage",
        **estimate_data(main, warnings),
        "call_total": _dec(a.call.total),
        "per_1000_calls": _dec(a.at_scale[0].total),
        "per_million_calls": _dec(a.at_scale[1].total),
        **_paste_data(a.paste, t),
    }
