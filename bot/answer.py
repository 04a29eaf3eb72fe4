"""One question in, one answer out: parse -> engine -> render, shared by Slack, the shell and the CLI."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from pricing import (
    Budget,
    Comparison,
    Estimate,
    FxRate,
    InvalidQuery,
    PriceBook,
    PricingError,
    Query,
    budget,
    compare,
    estimate,
    parse_query,
)

from . import render
from .i18n import translator
from .usage_answer import answer_usage_paste

__all__ = ["Reply", "Answerer"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Reply:
    """An answer in every form a surface needs."""

    ok: bool  # False when the question could not be answered as asked
    intent: str  # estimate, compare, rates, free_tier, budget, help, or error
    text: str  # Slack fallback text: mrkdwn-escaped
    blocks: list[dict[str, Any]]  # Block Kit, escaped
    data: dict[str, Any]  # the CLI's --json object (DESIGN section 2)
    public: bool = False  # the asker wrote "public" / "公开"
    plain: str = ""  # unescaped text for terminals
    internal_error: bool = field(default=False, repr=False)


def _dec(value: Decimal) -> str:
    """An exact decimal string (no exponent, no float): 4.9000 -> "4.9"."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


class Answerer:
    """Answers questions against the current rate card (``book`` may be a callable for live updates)."""

    def __init__(
        self,
        book: PriceBook | Callable[[], PriceBook],
        *,
        fx: FxRate | None = None,
        default_model: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._book = book if callable(book) else (lambda: book)
        self.fx = fx
        self.default_model = default_model
        self.today = today

    @property
    def book(self) -> PriceBook:
        return self._book()

    def _reply(self, doc: render.Doc, intent: str, lang: str, data: dict[str, Any], *, ok: bool = True, public: bool = False) -> Reply:
        text, blocks = render.to_slack(doc)
        plain = render.to_plain(doc)
        payload = {"intent": intent, "lang": lang, "text": plain, **data}
        return Reply(ok, intent, text, blocks, payload, public, plain)

    def help(self, lang: str) -> Reply:
        return self._reply(render.render_help(translator(lang)), "help", lang, {})

    def error(self, err: PricingError, lang: str) -> Reply:
        doc = render.render_error(translator(lang), err)
        data = {"error": {"code": err.code, "message": render.error_message(translator(lang), err)}}
        return self._reply(doc, "error", lang, data, ok=False)

    def internal_error(self, lang: str) -> Reply:
        doc = render.render_internal_error(translator(lang))
        reply = self._reply(doc, "error", lang, {"error": {"code": "internal", "message": doc.title}}, ok=False)
        return replace(reply, internal_error=True)

    def answer(self, text: str, lang: str) -> Reply:
        """Answer ``text`` in ``lang``. Expected failures become localized errors; nothing raises."""
        try:
            return self._answer(text, lang)
        except PricingError as err:
            return self.error(err, lang)
        except Exception:  # a bug: log it with its traceback, apologise to the asker
            log.exception("internal error answering a query of %d characters", len(text))
            return self.internal_error(lang)

    def looks_like_pricing_question(self, text: str) -> bool:
        """For unprompted channel messages: only a clear pricing question (amounts or intent words)."""
        try:
            query = parse_query(text, self.book)
        except PricingError:
            return False
        if query.intent in ("estimate", "compare", "budget"):
            return not any(n.code.startswith("assumed_") for n in query.notices)
        return query.intent in ("rates", "free_tier") and ("?" in text or "？" in text)

    def home_blocks(self, lang: str) -> list[dict[str, Any]]:
        t = translator(lang)
        _, rates = render.to_slack(render.render_rates(t, self.book, None))
        _, usage = render.to_slack(render.render_help(t))
        return [*rates, {"type": "divider"}, *usage]

    # --- the work ---------------------------------------------------------------------------------

    def _answer(self, text: str, lang: str) -> Reply:
        # A pasted API response's usage is a question of its own (issue 12), read before the query language.
        pasted = answer_usage_paste(self, text, lang)
        if pasted is not None:
            return pasted
        book = self.book
        query = parse_query(text, book)
        t = translator(lang)
        if query.intent == "help":
            return self.help(lang)
        if query.intent == "rates":
            model = query.model
            doc = render.render_rates(t, book, model)
            return self._reply(doc, "rates", lang, _rates_data(book, model), public=query.public)
        if query.intent == "free_tier":
            doc = render.render_free_tier(t, book, query.model)
            return self._reply(doc, "free_tier", lang, _free_tier_data(book, query), public=query.public)
        fx = self._fx_for(query, book)
        assert query.usage is not None
        if query.intent == "compare":
            usage = query.usage
            comparison = compare(book, usage, today=self.today())
            if len(query.models) > 1:
                wanted = {m.id for m in query.models}
                comparison = Comparison(usage, tuple(r for r in comparison.rows if r.model.id in wanted),
                                        comparison.skipped, comparison.rates_as_of)
            doc = render.render_compare(t, comparison, fx)
            data = {"rows": [{"model": r.model.id, "total": _dec(r.total)} for r in comparison.rows]}
            return self._reply(doc, "compare", lang, data, public=query.public)
        model = query.model or (book.get(self.default_model) if self.default_model else book.default)
        is_default = query.model is None
        ref = query.model_refs[0] if query.model_refs else None
        if query.intent == "budget":
            usd = query.budget_usd
            if usd is None:
                usd = self._fx(book).to_usd(query.budget_cny)  # type: ignore[arg-type]
            result = budget(book, query.usage, usd, model, today=self.today())
            doc = render.render_budget(t, result, ref=ref, is_default=is_default, fx=fx, extra=query.notices)
            return self._reply(doc, "budget", lang, _budget_data(result), public=query.public)
        result_e = estimate(book, query.usage, model, today=self.today())
        doc = render.render_estimate(t, result_e, ref=ref, is_default=is_default, fx=fx, extra=query.notices)
        data = _estimate_data(result_e, query, t)
        if fx is not None:
            data |= _fx_data(fx, result_e.total)
        return self._reply(doc, "estimate", lang, data, public=query.public)

    def _fx_for(self, query: Query, book: PriceBook) -> FxRate | None:
        if not query.want_cny and query.budget_cny is None:
            return None
        return self._fx(book)

    def _fx(self, book: PriceBook) -> FxRate:
        """USD -> CNY: the rate an admin set on the card (`admin fx`), else the USD_CNY setting."""
        figure = book.card.usd_cny
        if figure is not None:
            return FxRate(figure.rate, figure.as_of)
        if self.fx is None:
            raise InvalidQuery("no_fx_rate")
        return self.fx


def _estimate_data(e: Estimate, query: Query, t: Any) -> dict[str, Any]:
    return {
        "model": e.model.id,
        "total": _dec(e.total),
        "currency": "USD",
        "requests": e.usage.requests,
        "period": e.usage.period,
        "tier": e.tier,
        "items": [
            {"kind": i.kind, "quantity": _dec(i.tokens), "unit_price": _dec(i.unit_price), "cost": _dec(i.cost)}
            for i in e.items
        ],
        "rates_as_of": e.rates_as_of.isoformat(),
        "warnings": [{"code": n.code, "message": render.notice_text(t, n)} for n in (*e.notices, *query.notices)],
        "split_total": _dec(e.split_total) if e.split_total is not None else None,
    }


def _fx_data(fx: FxRate, usd: Decimal) -> dict[str, Any]:
    return {
        "usd_cny": _dec(fx.rate),
        "usd_cny_as_of": fx.as_of.isoformat() if fx.as_of else None,
        "total_cny": _dec(fx.to_cny(usd)),
    }


def _budget_data(b: Budget) -> dict[str, Any]:
    return {
        "model": b.model.id,
        "budget": _dec(b.budget_usd),
        "requests": b.requests,
        "per_request": _dec(b.per_request.total),
    }


def _rates_data(book: PriceBook, model: Any) -> dict[str, Any]:
    models = [model] if model is not None else list(book.card.models)
    figures = [m.model_dump(mode="json", exclude={"aliases"}) for m in models]
    data: dict[str, Any] = {"rates_as_of": book.card.as_of.isoformat(), "models": figures}
    if model is not None:
        data["model"] = model.id
        data["grounding"] = book.card.grounding[model.grounding].model_dump(mode="json") if model.grounding else None
    return data


def _free_tier_data(book: PriceBook, query: Query) -> dict[str, Any]:
    models = [query.model] if query.model is not None else [m for m in book.card.models if m.status != "shut_down"]
    data: dict[str, Any] = {"free_tier": {m.id: m.free_tier.model_dump(mode="json") for m in models}}
    if query.model is not None:
        data["model"] = query.model.id
    return data
