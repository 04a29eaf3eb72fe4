"""One question in, one answer out: parse -> engine -> render, shared by Slack, the shell and the CLI."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace
from decimal import Decimal
from typing import Any

from bot.answers import render, render_providers, render_rates
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
from bot.text.mrkdwn import visible
from pricing import (
    Ambiguous,
    FxRate,
    PriceBook,
    PricingError,
    Query,
    UnsupportedFeature,
    budget,
    canonical,
    compare,
    estimate,
    parse_query,
)
from pricing.models import DataProvider, Provider
from pricing.providers import across_providers, find_provider, priced_through
from pricing.query import reads_as_followup

__all__ = ["Reply", "Answerer", "CLARIFY_ACTION"]

#: Action id prefix of the buttons under a clarifying question (one per reading).
CLARIFY_ACTION = "clarify_pick"
#: Slack caps a button's value at 2,000 characters and its label at 75.
_BUTTON_VALUE_LIMIT = 1900  # room for who asked (`own_buttons`), under Slack's 2,000
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
        data = {"error": {"code": err.code, "message": visible(render.error_message(translator(lang), err))}}
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
        message = visible(understanding.clarify_message(t, err))
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
        _, rates = render.to_slack(render_rates.render_rates(t, self.book, None))
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
        if query.intent == "rates" and "providers" in query.flags:
            model = query.model or default
            day = query.on_date or self.today()
            doc = render_providers.render_provider_rates(t, book, model, day)
            return make_reply(doc, "rates", lang, _rates_data(book, model), public=query.public)
        if query.intent == "rates":
            model = query.model
            doc = render_rates.render_rates(t, book, model, query.on_date or self.today(), asked_day=query.on_date is not None)
            return make_reply(doc, "rates", lang, _rates_data(book, model), public=query.public)
        if query.intent == "free_tier":
            doc = render_rates.render_free_tier(t, book, query.model, limit=query.limit)
            data = _free_tier_data(book, query) | {"limit": query.limit}
            return make_reply(doc, "free_tier", lang, data, public=query.public)
        if query.intent == "topic":
            model = query.model or default
            doc = understanding.render_topic(t, book, query.topic or "caching", model, query.on_date or self.today())
            return make_reply(doc, "topic", lang, {"topic": query.topic, "model": model.id}, public=query.public)
        if query.intent == "model_info":
            model = query.model or default
            doc = understanding.render_model_info(t, book, model, query.on_date or self.today())
            data = {"model": model.id} | _rates_data(book, model)
            return make_reply(doc, "model_info", lang, data, public=query.public)
        fx, fx_missing = self.fx_for(query, book)
        today = query.on_date or self.today()
        reading = canonical(query)
        assert query.usage is not None
        seller = self._data_provider(book, query)
        if query.intent == "compare" and "providers" in query.flags:
            model = query.model or default
            rows = across_providers(book, query.usage, model, today)
            doc = render_providers.render_provider_compare(t, book, model, rows, query.usage)
            self._understood(doc, t, query, model, fx_missing)
            data = {"model": model.id, "read_as": doc.lines[0], "rows": [
                {"provider": r.key or "google", "display": r.name, "total": _dec(r.total) if r.total is not None else None}
                for r in rows]}  # fmt: skip
            return replace(make_reply(doc, "compare", lang, data, public=query.public), reading=reading)
        if query.intent == "compare":
            usage = query.usage
            named = tuple(query.models) if len(query.models) > 1 else None
            if seller is not None:
                # through a provider: the models it sells (those named, or all it sells still offered)
                key, sold = seller
                wanted = named or tuple(book.get(i) for i in sold.models if book.get(i).status != "shut_down")
                named = tuple(priced_through(m, key, sold, today) for m in wanted if m.id in sold.models)
            comparison = compare(book, usage, today=today, models=named)
            shown = self._providers_shown(book, query, fx)
            doc = render.render_compare(t, comparison, fx, shown)
            if seller is not None:
                doc.notes.insert(0, render_providers.through_note(t, seller[1]))
            self._understood(doc, t, query, None, fx_missing)
            data = {"rows": [{"model": r.model.id, "total": _dec(r.total)} for r in comparison.rows], "read_as": doc.lines[0]}
            return replace(make_reply(doc, "compare", lang, data, public=query.public), reading=reading)
        model = query.model or default
        is_default = query.model is None
        ref = query.model_refs[0] if query.model_refs else None
        at_google = model
        if seller is not None:
            model = priced_through(model, seller[0], seller[1], today)
        if query.intent == "budget":
            usd = query.budget_usd
            via = self._providers_shown(book, query, None) if query.provider else {}
            if usd is None and via:
                # Yuan through a provider buy its credit at the admin's rate, not dollars at the bank's.
                (provider,) = via.values()
                usd = query.budget_cny / provider.cny_per_usd  # type: ignore[operator]
            elif usd is None:
                usd = self.fx_of(book).to_usd(query.budget_cny)  # type: ignore[arg-type]
            per = None
            if query.budget_period is not None:
                # `$500 a month, how many a day?`: the budget for the period asked (a month is 30 days)
                asked = query.asked_period or query.budget_period
                per = (query.budget_period, asked, usd)
                usd = usd * (understanding.monthly_factor(asked, query.budget_period) or Decimal(1))
            result = budget(book, query.usage, usd, model, today=today)
            doc = render.render_budget(t, result, ref=ref, is_default=is_default, fx=None if via else fx, extra=query.notices, per=per)
            if seller is not None:
                doc.notes.insert(0, render_providers.through_note(t, seller[1]))
            doc.lines[-1:-1] = render_providers.provider_lines(t, via, result.per_request.total)
            if via and query.budget_usd is None:
                (provider,) = via.values()
                doc.lines.insert(-1, t.gettext("{cny} buys {usd} of {display} credit.").format(
                    cny=t.money(query.budget_cny, "CNY"), usd=t.money(usd), display=provider.name))
            self._understood(doc, t, query, model, fx_missing)
            data = _budget_data(result) | {"read_as": doc.lines[0]}
            if per is not None:
                data |= {"budget": _dec(per[2]), "budget_period": per[0], "requests_period": per[1]}
            return replace(make_reply(doc, "budget", lang, data, public=query.public), reading=reading)
        result_e = estimate(book, query.usage, model, today=today)
        doc = render.render_estimate(t, result_e, ref=ref, is_default=is_default, fx=fx, extra=query.notices)
        shown = self._providers_shown(book, query, fx)
        doc.lines[-1:-1] = render_providers.provider_lines(t, shown, result_e.total)
        at_google_total = None
        if seller is not None:
            at_google_total = self._total_or_none(book, query.usage, at_google, today)
            doc.lines.insert(-1, render_providers.through_line(t, seller[1], at_google_total))
        # With a tier, what it saves or costs: "is batch cheaper?" is the question behind most batch
        # estimates; "is flex cheaper than batch?" names both, and gets both.
        standard = replace(query.usage, batch=False, service_tier=None)
        unbatched = estimate(book, standard, model, today=today).total if query.usage.batch else None
        if unbatched is not None:
            doc.lines.insert(-1, render.without_batch_line(t, unbatched, query.usage.period))
        at_standard = estimate(book, standard, model, today=today).total if query.usage.service_tier else None
        if at_standard is not None:
            doc.lines.insert(-1, render.at_standard_line(t, at_standard, query.usage.period))
        with_batch = self._batch_beside(book, query, model, today)
        if isinstance(with_batch, Decimal):
            doc.lines.insert(-1, render.with_batch_line(t, with_batch, query.usage.period))
        elif with_batch is not None:
            doc.lines.insert(-1, render.error_message(t, with_batch))
        factor = understanding.monthly_factor(query.asked_period, query.usage.period)
        if factor is not None:
            doc.title = understanding.asked_period_title(t, result_e.total * factor, query.asked_period)
            doc.notes.insert(0, understanding.asked_period_note(t, query.asked_period))
        self._understood(doc, t, query, model, fx_missing)
        warnings = [{"code": n.code, "message": render.notice_text(t, n)} for n in (*result_e.notices, *query.notices)]
        data = estimate_data(result_e, warnings) | {"read_as": doc.lines[0]}
        if unbatched is not None:
            data["total_without_batch"] = _dec(unbatched)
        if at_standard is not None:
            data["total_standard"] = _dec(at_standard)
        if seller is not None:
            data["via_provider"] = {
                "name": seller[0], "display": seller[1].name, "source": seller[1].source,
                "as_of": seller[1].as_of.isoformat(), "model_ref": seller[1].models[model.id].ref,
                "google_total": _dec(at_google_total) if at_google_total is not None else None,
            }  # fmt: skip
        if isinstance(with_batch, Decimal):
            data["total_batch"] = _dec(with_batch)
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
    def _batch_beside(book: PriceBook, query: Query, model: Any, today: dt.date) -> Decimal | UnsupportedFeature | None:
        """`is flex cheaper than batch?`: the batch total beside the service tier's, or why there is none."""
        usage = query.usage
        if usage is None or usage.service_tier is None or "batch" not in query.flags:
            return None
        try:
            return estimate(book, replace(usage, batch=True, service_tier=None), model, today=today).total
        except UnsupportedFeature as exc:
            return exc

    @staticmethod
    def _data_provider(book: PriceBook, query: Query) -> tuple[str, DataProvider] | None:
        """The provider from the price data a question names (`via openrouter`), if it names one."""
        if not query.provider:
            return None
        key, provider = find_provider(book, query.provider)
        return (key, provider) if isinstance(provider, DataProvider) else None

    @staticmethod
    def _total_or_none(book: PriceBook, usage: Any, model: Any, today: dt.date) -> Decimal | None:
        """Google's own price beside a provider's; None where Google has none for it (e.g. a tier)."""
        try:
            return estimate(book, usage, model, today=today).total
        except UnsupportedFeature:
            return None

    @staticmethod
    def _providers_shown(book: PriceBook, query: Query, fx: FxRate | None) -> dict[str, Any]:
        """The admin's reseller a question names (`via NAME`), or every one of them when yuan were asked.
        A provider from the price data is priced through instead (`_data_provider`)."""
        providers = book.card.providers
        if query.provider:
            key, provider = find_provider(book, query.provider)
            return {key: provider} if isinstance(provider, Provider) else {}
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
