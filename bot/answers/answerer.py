"""One question in, one answer out: parse -> engine -> render, shared by Slack, the shell and the CLI."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from bot.answers import render
from bot.answers import render_understanding as understanding
from bot.answers.data import budget_data as _budget_data
from bot.answers.data import estimate_data
from bot.answers.data import exact as _dec
from bot.answers.data import free_tier_data as _free_tier_data
from bot.answers.data import fx_data as _fx_data
from bot.answers.data import rates_data as _rates_data
from bot.answers.reply import PricingContext, Reply, make_reply
from bot.answers.usage import answer_usage_paste
from bot.text.i18n import translator
from pricing import (
    Ambiguous,
    FxRate,
    InvalidQuery,
    PriceBook,
    PricingError,
    Query,
    budget,
    canonical,
    compare,
    estimate,
    parse_query,
)
from pricing.query import reads_as_followup

__all__ = ["Reply", "Answerer", "CLARIFY_ACTION"]

#: Action id prefix of the buttons under a clarifying question (one per reading).
CLARIFY_ACTION = "clarify_pick"
#: Slack caps a button's value at 2,000 characters and its label at 75.
_BUTTON_VALUE_LIMIT = 2000
_BUTTON_LABEL_LIMIT = 75

log = logging.getLogger(__name__)


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Answerer(PricingContext):
    """Answers questions against the current rate card (``book`` may be a callable for live updates)."""

    def help(self, lang: str) -> Reply:
        return make_reply(render.render_help(translator(lang)), "help", lang, {})

    def error(self, err: PricingError, lang: str) -> Reply:
        doc = render.render_error(translator(lang), err)
        data = {"error": {"code": err.code, "message": render.error_message(translator(lang), err)}}
        return make_reply(doc, "error", lang, data, ok=False)

    def internal_error(self, lang: str) -> Reply:
        doc = render.render_internal_error(translator(lang))
        reply = make_reply(doc, "error", lang, {"error": {"code": "internal", "message": doc.title}}, ok=False)
        return replace(reply, internal_error=True)

    def answer(self, text: str, lang: str, *, previous: str | None = None) -> Reply:
        """Answer ``text`` in ``lang``. Expected failures become localized errors; nothing raises.

        ``previous`` is the reading of the question this one follows up (same thread or DM): a short
        change such as "what about 2.5 flash?" re-prices it.
        """
        try:
            return self._answer(text, lang, previous)
        except Ambiguous as err:
            return self.clarify(err, lang)
        except PricingError as err:
            return self.error(err, lang)
        except Exception:  # a bug: log it with its traceback, apologise to the asker
            log.exception("internal error answering a query of %d characters", len(text))
            return self.internal_error(lang)

    def clarify(self, err: Ambiguous, lang: str) -> Reply:
        """A question back: what is unclear, and a button per likely reading (Slack); CLI: an error."""
        t = translator(lang)
        book = self.book
        doc, choices = understanding.render_clarify(t, err, book, self.default_model_of(book))
        text, blocks = render.to_slack(doc)
        if choices:
            buttons = [
                {
                    "type": "button",
                    "action_id": f"{CLARIFY_ACTION}_{i}",
                    "text": {"type": "plain_text", "text": _cut(label, _BUTTON_LABEL_LIMIT)},
                    "value": reading[:_BUTTON_VALUE_LIMIT],
                }
                for i, (label, reading) in enumerate(choices[:5])
            ]
            blocks.append({"type": "actions", "elements": buttons})
        message = understanding.clarify_message(t, err)
        data = {"intent": "error", "lang": lang, "text": render.to_plain(doc),
                "error": {"code": "ambiguous", "message": message, "readings": [r for _, r in choices]}}
        return Reply(False, "clarify", text, blocks, data, False, render.to_plain(doc))

    def is_follow_up(self, text: str) -> bool:
        """Short text that changes the previous question rather than asking a new one."""
        return reads_as_followup(text, self.book)

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

    def _answer(self, text: str, lang: str, previous: str | None) -> Reply:
        # A pasted API response's usage is a question of its own (issue 12), read before the query language.
        pasted = answer_usage_paste(self, text, lang)
        if pasted is not None:
            return pasted
        book = self.book
        query = parse_query(text, book, previous=previous)
        t = translator(lang)
        default = self.default_model_of(book)
        if query.intent == "help":
            return self.help(lang)
        if query.intent == "rates":
            model = query.model
            doc = render.render_rates(t, book, model, query.on_date or self.today(), asked_day=query.on_date is not None)
            return make_reply(doc, "rates", lang, _rates_data(book, model), public=query.public)
        if query.intent == "free_tier":
            doc = render.render_free_tier(t, book, query.model, limit=query.limit)
            data = _free_tier_data(book, query) | {"limit": query.limit}
            return make_reply(doc, "free_tier", lang, data, public=query.public)
        if query.intent == "topic":
            model = query.model or default
            doc = understanding.render_topic(t, book, query.topic or "caching", model)
            return make_reply(doc, "topic", lang, {"topic": query.topic, "model": model.id}, public=query.public)
        if query.intent == "model_info":
            model = query.model or default
            doc = understanding.render_model_info(t, book, model)
            data = {"model": model.id} | _rates_data(book, model)
            return make_reply(doc, "model_info", lang, data, public=query.public)
        fx, fx_missing = self.fx_for(query, book)
        today = query.on_date or self.today()
        reading = canonical(query)
        assert query.usage is not None
        if query.intent == "compare":
            usage = query.usage
            named = tuple(query.models) if len(query.models) > 1 else None
            comparison = compare(book, usage, today=today, models=named)
            shown = self._providers_shown(book, query, fx)
            doc = render.render_compare(t, comparison, fx, shown)
            self._understood(doc, t, query, None, fx_missing)
            data = {"rows": [{"model": r.model.id, "total": _dec(r.total)} for r in comparison.rows], "read_as": doc.lines[0]}
            return replace(make_reply(doc, "compare", lang, data, public=query.public), reading=reading)
        model = query.model or default
        is_default = query.model is None
        ref = query.model_refs[0] if query.model_refs else None
        if query.intent == "budget":
            usd = query.budget_usd
            via = self._providers_shown(book, query, None) if query.provider else {}
            if usd is None and via:
                # Yuan through a provider buy its credit at the admin's rate, not dollars at the bank's.
                (provider,) = via.values()
                usd = query.budget_cny / provider.cny_per_usd  # type: ignore[operator]
            elif usd is None:
                usd = self.fx_of(book).to_usd(query.budget_cny)  # type: ignore[arg-type]
            result = budget(book, query.usage, usd, model, today=today)
            doc = render.render_budget(t, result, ref=ref, is_default=is_default, fx=None if via else fx, extra=query.notices)
            doc.lines[-1:-1] = render.provider_lines(t, via, result.per_request.total)
            if via and query.budget_usd is None:
                (provider,) = via.values()
                doc.lines.insert(-1, t.gettext("{cny} buys {usd} of {display} credit.").format(
                    cny=t.money(query.budget_cny, "CNY"), usd=t.money(usd), display=provider.name))
            self._understood(doc, t, query, model, fx_missing)
            data = _budget_data(result) | {"read_as": doc.lines[0]}
            return replace(make_reply(doc, "budget", lang, data, public=query.public), reading=reading)
        result_e = estimate(book, query.usage, model, today=today)
        doc = render.render_estimate(t, result_e, ref=ref, is_default=is_default, fx=fx, extra=query.notices)
        shown = self._providers_shown(book, query, fx)
        doc.lines[-1:-1] = render.provider_lines(t, shown, result_e.total)
        # With batch, what it saves: "is batch cheaper?" is the question behind most batch estimates.
        unbatched = estimate(book, replace(query.usage, batch=False), model, today=today).total if query.usage.batch else None
        if unbatched is not None:
            doc.lines.insert(-1, render.without_batch_line(t, unbatched, query.usage.period))
        factor = understanding.monthly_factor(query.asked_period, query.usage.period)
        if factor is not None:
            doc.title = understanding.asked_period_title(t, result_e.total * factor, query.asked_period)
            doc.notes.insert(0, understanding.asked_period_note(t, query.asked_period))
        self._understood(doc, t, query, model, fx_missing)
        warnings = [{"code": n.code, "message": render.notice_text(t, n)} for n in (*result_e.notices, *query.notices)]
        data = estimate_data(result_e, warnings) | {"read_as": doc.lines[0]}
        if unbatched is not None:
            data["total_without_batch"] = _dec(unbatched)
        if factor is not None:
            data["asked_period"] = query.asked_period
            data["asked_period_total"] = _dec(result_e.total * factor)
        if fx is not None:
            data |= _fx_data(fx, result_e.total)
        if shown:
            data["providers"] = [
                {"name": key, "display": p.name, "cny_per_usd": _dec(p.cny_per_usd), "as_of": p.as_of.isoformat(),
                 "total_cny": _dec(p.cny_per_usd * result_e.total)}
                for key, p in sorted(shown.items())
            ]
        return replace(make_reply(doc, "estimate", lang, data, public=query.public), reading=reading)

    @staticmethod
    def _providers_shown(book: PriceBook, query: Query, fx: FxRate | None) -> dict[str, Any]:
        """The provider a question names (`via NAME`), or every provider when yuan were asked."""
        providers = book.card.providers
        if query.provider:
            name = query.provider.lower()
            if name not in providers:
                raise InvalidQuery("unknown_provider", name=query.provider[:40], known=", ".join(sorted(providers)))
            return {name: providers[name]}
        return dict(providers) if fx is not None else {}

    @staticmethod
    def _understood(doc: render.Doc, t: Any, query: Query, model: Any, fx_missing: bool) -> None:
        """Every priced answer starts with how the question was read; a yuan answer with no rate says why."""
        doc.lines.insert(0, understanding.read_as(t, query, model))
        if fx_missing and query.currency is not None:
            doc.notes.append(t.gettext("No exchange rate for {currency} ({code}) is set, so the answer is in USD: an admin sets one with "
                                       "`/gemini-cost admin fx {code} RATE`.").format(currency=t.currency_name(query.currency), code=query.currency))
        elif fx_missing:
            doc.notes.append(t.gettext("No USD to CNY rate is set, so the answer is in USD: an admin sets one with `/gemini-cost admin fx 7.10`."))
