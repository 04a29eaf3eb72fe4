"""All answer text: engine values and typed errors in, a localized `Doc` out (one place for every phrase).

A `Doc` is plain text in parts; `to_plain` serves the CLI and shell, `to_slack` makes Block Kit,
escaping everything once at that boundary so no user text can become a Slack mention or link.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from bot.text.blockkit import fit_message
from bot.text.i18n import Translator
from bot.text.mrkdwn import escape_mrkdwn, visible
from pricing import (
    Budget,
    Comparison,
    ContextWindowExceeded,
    Estimate,
    FxRate,
    ModelCard,
    Notice,
    PriceBook,
    PricingError,
    TierNotPublished,
    UnknownModel,
    UnsupportedFeature,
    Usage,
)
from pricing.engine import rates_as_of, still_sold
from pricing.models import DataProvider, Provider
from pricing.providers import ProviderRow, cny_through, priced_through
from pricing.ratecard import derived_names, model_words

__all__ = ["Doc", "render_estimate", "render_compare", "render_budget", "render_rates", "render_free_tier",
           "render_help", "render_error", "render_internal_error", "to_plain", "to_slack", "slack_escape",
           "examples", "total_title", "requests_line", "without_batch_line", "fx_line"]  # fmt: skip

#: Slack Block Kit limits: 3,000 characters per section text, 50 blocks per message.
SECTION_LIMIT = 2900
MAX_BLOCKS = 45
FALLBACK_LIMIT = 3000



@dataclass
class Doc:
    """A rendered answer: a headline, body lines, and notes (assumptions and warnings)."""

    title: str
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def slack_escape(text: str) -> str:
    """Escape the three characters Slack gives meaning to, so `<!channel>` stays text; drop control
    and bidirectional-control characters a user's text may have brought (`escape_mrkdwn` does both)."""
    return escape_mrkdwn(text)


def to_plain(doc: Doc) -> str:
    """The answer for terminals and --json: no control characters either (an echoed ESC would drive the terminal)."""
    parts = [doc.title, *doc.lines]
    if doc.notes:
        parts.append("")
        parts.extend(f"- {note}" for note in doc.notes)
    return visible("\n".join(parts))


def to_slack(doc: Doc) -> tuple[str, list[dict[str, object]]]:
    """The notification/fallback text and Block Kit blocks for ``doc``, escaped once here."""
    title = slack_escape(doc.title)
    blocks: list[dict[str, object]] = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*{title}*"}}]
    body = "\n".join(slack_escape(line) for line in doc.lines)
    for chunk in _chunks(body, SECTION_LIMIT):
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": chunk}})
    for note in doc.notes[:10]:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": slack_escape(note)[:SECTION_LIMIT]}]})
    # The one place Block Kit leaves the renderer: every part within Slack's limits, however long the echo.
    # The fallback is what notifications show: a screenful is plenty (Slack itself takes 40,000).
    return fit_message(slack_escape(to_plain(doc)), blocks[:MAX_BLOCKS], text_limit=FALLBACK_LIMIT)


def _chunks(text: str, size: int) -> list[str]:
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        line = line[:size]
        if current and len(current) + 1 + len(line) > size:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current.strip():
        chunks.append(current)
    return chunks


# --- estimates -------------------------------------------------------------------------------------


def _tokens(t: Translator, n: Decimal | int) -> str:
    """Token counts as the reader counts them (100万 in Chinese answers)."""
    return t.count(n)


def total_title(t: Translator, total: Decimal, period: str | None) -> str:
    """The headline, one whole sentence per period: the translator places the period, not the code."""
    if period == "day":
        return t.gettext("Estimated cost: {total} per day").format(total=t.money(total))
    if period == "month":
        return t.gettext("Estimated cost: {total} per month").format(total=t.money(total))
    return t.gettext("Estimated cost: {total}").format(total=t.money(total))


def requests_phrase(t: Translator, requests: int, period: str | None) -> str:
    """`1,000 requests a day`, for titles and the "Read as" list."""
    n = t.count(requests)
    if period == "day":
        return t.ngettext("{n} request a day", "{n} requests a day", requests).format(n=n)
    if period == "month":
        return t.ngettext("{n} request a month", "{n} requests a month", requests).format(n=n)
    return t.ngettext("{n} request", "{n} requests", requests).format(n=n)


def requests_line(t: Translator, requests: int, period: str | None) -> str:
    """The "Requests" line of an estimate: the count and its period, as one sentence."""
    n = t.count(requests)
    if period == "day":
        return t.gettext("Requests: {n} a day").format(n=n)
    if period == "month":
        return t.gettext("Requests: {n} a month").format(n=n)
    return t.gettext("Requests: {n}").format(n=n)


def model_line(t: Translator, model: ModelCard, ref: str | None, is_default: bool) -> str:
    if is_default:
        return t.gettext("Model: {name} ({id}), the default; name another, e.g. \"on 2.5 flash\"").format(
            name=model.name, id=model.id)
    if ref is not None and model_words(ref) not in {model_words(n) for n in derived_names(model.id)}:
        return t.gettext("Model: {name} ({id}), which is what \"{ref}\" means").format(name=model.name, id=model.id, ref=ref)
    return t.gettext("Model: {name} ({id})").format(name=model.name, id=model.id)


def tier_line(t: Translator, e: Estimate) -> str:
    threshold = e.model.long_context_threshold
    if threshold is None:
        return t.gettext("Tier: single rate (this model has no long-context tier)")
    if e.tier == "long_context":
        return t.gettext(
            "Tier: long context: the {prompt}-token prompt is over {threshold}, so the whole request "
            "(input, cached input and output) is billed at the higher rates"
        ).format(prompt=_tokens(t, e.usage.input_tokens), threshold=_tokens(t, threshold))
    return t.gettext("Tier: standard (prompt at most {threshold} tokens)").format(threshold=_tokens(t, threshold))


def item_line(t: Translator, e: Estimate, kind: str, tokens: Decimal, unit_price: Decimal, cost: Decimal) -> str:
    values = {"tokens": _tokens(t, tokens), "price": t.money(unit_price), "cost": t.money(cost)}
    if kind == "input":
        return t.gettext("Input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "cached_input":
        return t.gettext("Cached input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "output":
        if e.usage.thinking_tokens:
            return t.gettext("Output: {tokens} tokens x {price}/1M = {cost}").format(**values)
        return t.gettext("Output (thinking included): {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "thinking":
        return t.gettext("Thinking (billed as output): {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "audio_input":
        return t.gettext("Audio input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "image_input":
        return t.gettext("Image input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "video_input":
        return t.gettext("Video input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "cached_audio_input":
        return t.gettext("Cached audio input: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "image_output":
        return t.gettext("Image output: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "audio_output":
        return t.gettext("Audio output: {tokens} tokens x {price}/1M = {cost}").format(**values)
    if kind == "cache_storage":
        return t.gettext("Cache storage: {tokens} token-hours x {price}/1M per hour = {cost}").format(**values)
    g = e.grounding
    assert g is not None
    values = {"billable": t.count(g.billable), "price": t.money(unit_price), "cost": t.money(cost), "free": t.count(g.free),
              "used": t.count(g.used), "allowance": t.count(g.plan.allowance)}
    if g.plan.unit == "query" and g.plan.period == "day":
        return t.gettext("Search grounding: {billable} billable search queries x {price}/1,000 = {cost} ({free} of {used} free; {allowance} free a day)").format(**values)
    if g.plan.unit == "query":
        return t.gettext("Search grounding: {billable} billable search queries x {price}/1,000 = {cost} ({free} of {used} free; {allowance} free a month)").format(**values)
    if g.plan.period == "day":
        return t.gettext("Search grounding: {billable} billable grounded prompts x {price}/1,000 = {cost} ({free} of {used} free; {allowance} free a day)").format(**values)
    return t.gettext("Search grounding: {billable} billable grounded prompts x {price}/1,000 = {cost} ({free} of {used} free; {allowance} free a month)").format(**values)


def notice_text(t: Translator, notice: Notice) -> str:
    p = notice.params
    code = notice.code
    if code == "retired_model":
        return t.gettext("{model} was shut down on {date}; its successor is {successor}. Priced at its last published rates.").format(
            model=p["model"], date=t.date(p["date"]), successor=p["successor"] or "-"  # type: ignore[arg-type]
        )
    if code == "deprecated_model":
        return t.gettext("{model} is deprecated: Google has announced its retirement.").format(model=p["model"])
    if code == "preview_model":
        return t.gettext("{model} is a preview model: its prices may change.").format(model=p["model"])
    if code == "price_change":
        return t.gettext("{model}'s rates change on {date}: input {input}, output {output} per 1M tokens.").format(
            model=p["model"], date=t.date(p["date"]),  # type: ignore[arg-type]
            input=t.money(p["input"]) if p["input"] is not None else "-",  # type: ignore[arg-type]
            output=t.money(p["output"]) if p["output"] is not None else "-",  # type: ignore[arg-type]
        )
    if code == "grounding_one_period":
        if p["period"] == "day":
            return t.gettext("No period given: the requests are taken as one day's, against one day's free search allowance.")
        return t.gettext("No period given: the requests are taken as one month's, against one month's free search allowance.")
    if code == "grounding_shared":
        return t.gettext("The free search allowance is shared by all {plan} models: other usage reduces it.").format(plan=p["plan"])
    if code == "grounding_one_search":
        return t.gettext("Assumed one search query per grounded prompt (say e.g. \"3 searches\" if a prompt runs more).")
    if code == "budget_grounding_no_allowance":
        return t.gettext("Search is priced without its free allowance, which other usage may already have spent.")
    if code == "assumed_input":
        return t.gettext("Read {amount} as input (prompt) tokens.").format(amount=p["amount"])
    if code == "assumed_output":
        return t.gettext("Read {amount} as output tokens.").format(amount=p["amount"])
    if code == "assumed_all_cached":
        return t.gettext("No input given: the prompt is taken to be the cached tokens only.")
    if code == "ignored_words":
        return t.gettext("Ignored: {words}").format(words=t.words(list(p["words"])))  # type: ignore[arg-type]
    return code


def render_estimate(
    t: Translator, e: Estimate, *, ref: str | None, is_default: bool, fx: FxRate | None = None, extra: tuple[Notice, ...] = ()
) -> Doc:
    u = e.usage
    title = total_title(t, e.total, u.period)
    lines = [
        model_line(t, e.model, ref, is_default),
        requests_line(t, u.requests, u.period),
        tier_line(t, e),
    ]
    if u.tier is not None:
        lines.append(service_tier_line(t, e))
    lines.extend(item_line(t, e, i.kind, i.tokens, i.unit_price, i.cost) for i in e.items)
    if e.split_total is not None and e.model.long_context_threshold is not None:
        lines.append(
            t.gettext("The same tokens in prompts of at most {threshold} tokens would cost {split}.").format(
                threshold=_tokens(t, e.model.long_context_threshold), split=t.money(e.split_total)
            )
        )
    if e.monthly_total is not None:
        lines.append(t.gettext("About {monthly} per month (30 days).").format(monthly=t.money(e.monthly_total)))
    if fx is not None:
        lines.append(fx_line(t, e.total, fx))
    lines.append(as_of_line(t, e.rates_as_of, u.tier))
    notes = [notice_text(t, n) for n in (*e.notices, *extra)]
    return Doc(title, lines, notes)


def tier_name(t: Translator, tier: str) -> str:
    """Google's names for the ways of buying tokens, as each language's readers know them."""
    return {"batch": t.gettext("Batch"), "flex": t.gettext("Flex"), "priority": t.gettext("Priority")}.get(tier, tier)


def service_tier_line(t: Translator, e: Estimate) -> str:
    """Which rates a Batch, Flex or Priority estimate used: the published ones, or a sourced share."""
    tier = tier_name(t, e.usage.tier or "")
    if e.tier_factor is not None:
        return t.gettext("{tier}: {pct}% of the standard token rates (as Google's pricing page gives it); storage and search grounding are not discounted.").format(
            tier=tier, pct=t.number(e.tier_factor * 100))
    return t.gettext("{tier}: the rates published for this model (a rate it gives no {tier} figure for stays standard); storage and search grounding are not discounted.").format(tier=tier)


def fx_line(t: Translator, usd: Decimal, fx: FxRate) -> str:
    """``usd`` in the asked currency, beside the USD answer, with the rate and its date."""
    if fx.currency == "CNY":
        return cny_line(t, usd, fx)
    values = {"amount": t.money(fx.from_usd(usd), fx.currency), "currency": t.currency_name(fx.currency),
              "rate": t.number(fx.rate), "code": fx.currency}
    if fx.as_of is None:
        return t.gettext("In {currency}: {amount} (at {rate} {code} per USD, set by the admin)").format(**values)
    return t.gettext("In {currency}: {amount} (at {rate} {code} per USD, rate of {date})").format(date=t.date(fx.as_of), **values)


def without_batch_line(t: Translator, total: Decimal, period: str | None) -> str:
    """What the same usage costs without batch, in the usage's own period (never read as monthly)."""
    if period == "day":
        return t.gettext("Without batch: {total} per day").format(total=t.money(total))
    if period == "month":
        return t.gettext("Without batch: {total} per month").format(total=t.money(total))
    return t.gettext("Without batch: {total}").format(total=t.money(total))


def at_standard_line(t: Translator, total: Decimal, period: str | None) -> str:
    """What a Flex or Priority usage costs at the standard rates, in the usage's own period."""
    if period == "day":
        return t.gettext("At the standard rates: {total} per day").format(total=t.money(total))
    if period == "month":
        return t.gettext("At the standard rates: {total} per month").format(total=t.money(total))
    return t.gettext("At the standard rates: {total}").format(total=t.money(total))


def with_batch_line(t: Translator, total: Decimal, period: str | None) -> str:
    """What the same usage costs through batch instead, in the usage's own period."""
    if period == "day":
        return t.gettext("With batch instead: {total} per day").format(total=t.money(total))
    if period == "month":
        return t.gettext("With batch instead: {total} per month").format(total=t.money(total))
    return t.gettext("With batch instead: {total}").format(total=t.money(total))


def cny_line(t: Translator, usd: Decimal, fx: FxRate) -> str:
    if fx.as_of is None:
        return t.gettext("In yuan: {cny} (at {rate} CNY per USD, set by the admin)").format(
            cny=t.money(fx.to_cny(usd), "CNY"), rate=t.number(fx.rate))
    return t.gettext("In yuan: {cny} (at {rate} CNY per USD, rate of {date})").format(
        cny=t.money(fx.to_cny(usd), "CNY"), rate=t.number(fx.rate), date=t.date(fx.as_of))


def as_of_line(t: Translator, as_of: dt.date, tier: str | None = None) -> str:
    if tier is not None:  # a Batch, Flex or Priority answer must not say "Standard processing"
        return t.gettext("Rates as of {date}: paid tier, {tier} rates, USD.").format(date=t.date(as_of), tier=tier_name(t, tier))
    return t.gettext("Rates as of {date}: paid tier, Standard processing, USD.").format(date=t.date(as_of))


def provider_lines(t: Translator, providers: dict[str, Provider], usd: Decimal) -> list[str]:
    """What ``usd`` of Google's prices costs through each provider, labelled as the admin's figures."""
    return [
        t.gettext("Via {display} ({name}): {cny} (credit at {rate} CNY per USD of Google's prices: the admin's figure of {date})").format(
            display=p.name, name=key, cny=t.money(cny_through(p, usd), "CNY"), rate=t.number(p.cny_per_usd), date=t.date(p.as_of))
        for key, p in sorted(providers.items())
    ]


def through_line(t: Translator, provider: DataProvider, google: Decimal | None) -> str:
    """An estimate priced through a provider from the price data, with Google's own price beside it."""
    if google is None:
        return t.gettext("Priced through {provider} at its own prices, as the genai-prices data gives them (checked {date}); Google has no price for the same.").format(
            provider=provider.name, date=t.date(provider.as_of))
    return t.gettext("Priced through {provider} at its own prices, as the genai-prices data gives them (checked {date}); at Google the same costs {google}.").format(
        provider=provider.name, date=t.date(provider.as_of), google=t.money(google))


def through_note(t: Translator, provider: DataProvider) -> str:
    return t.gettext("Prices through {provider}, as the genai-prices data gives them (checked {date}).").format(
        provider=provider.name, date=t.date(provider.as_of))


def render_provider_compare(t: Translator, book: PriceBook, model: ModelCard, rows: list[ProviderRow], usage: Usage) -> Doc:
    """One model's usage at Google and at each provider in the price data that sells it, cheapest first."""
    title = t.gettext("{model} at Google and each provider that sells it, cheapest first ({requests})").format(
        model=model.id, requests=requests_phrase(t, usage.requests, usage.period))
    lines = []
    priced = [r for r in rows if r.total is not None]
    for rank, row in enumerate(priced, start=1):
        lines.append(t.gettext("{rank}. {model}: {total}").format(rank=rank, model=_seller(t, row), total=t.money(row.total or Decimal(0))))
    lines.append(as_of_line(t, book.card.as_of))
    notes = [_sellers_note(t, book, model)]
    unpriced = [_seller(t, r) for r in rows if r.total is None]
    if unpriced:
        notes.append(t.gettext("Not priced (no rate for part of this usage): {models}").format(models=t.words(unpriced)))
    return Doc(title, lines, notes)


def render_provider_rates(t: Translator, book: PriceBook, model: ModelCard, day: dt.date) -> Doc:
    """One model's token rates at Google and at each provider in the price data that sells it."""
    sellers = [(t.gettext("Google (list price)"), model.on(day))]
    sellers += [(p.name, priced_through(model, key, p, day)) for key, p in sorted(book.data_providers.items()) if model.id in p.models]
    lines = []
    for name, m in sellers:
        lines.append(t.gettext("{provider}: input {input} / output {output} per 1M tokens; cached input {cached}").format(
            provider=name,
            input=tiered_price(t, m.input.standard, m.input.long_context, m.long_context_threshold),
            output=tiered_price(t, m.output.standard, m.output.long_context, m.long_context_threshold) if m.output else "-",
            cached=tiered_price(t, m.cached_input.standard, m.cached_input.long_context, m.long_context_threshold) if m.cached_input else "-"))
    lines.append(as_of_line(t, book.card.as_of))
    title = t.gettext("{model} at Google and each provider that sells it (per 1M tokens)").format(model=model.id)
    return Doc(title, lines, [_sellers_note(t, book, model)])


def _seller(t: Translator, row: ProviderRow) -> str:
    return row.name if row.key is not None else t.gettext("Google (list price)")


def _sellers_note(t: Translator, book: PriceBook, model: ModelCard) -> str:
    sellers = sorted(p.name for p in book.data_providers.values() if model.id in p.models)
    if not sellers:
        return t.gettext("No provider in the price data sells {model}: Google's price only.").format(model=model.id)
    as_of = max(p.as_of for p in book.data_providers.values())
    return t.gettext("Providers' prices as the genai-prices data gives them (checked {date}); an admin's resellers are not in this list.").format(
        date=t.date(as_of))


def render_compare(t: Translator, c: Comparison, fx: FxRate | None = None, providers: dict[str, Provider] | None = None) -> Doc:
    u = c.usage
    if c.named:
        count = len(c.rows) + len(c.skipped)
        title = t.ngettext("Same usage on {n} model, cheapest first ({requests})", "Same usage on {n} models, cheapest first ({requests})",
                           count).format(n=t.number(count), requests=requests_phrase(t, u.requests, u.period))  # fmt: skip
    else:
        title = t.gettext("Same usage on every current model, cheapest first ({requests})").format(
            requests=requests_phrase(t, u.requests, u.period))
    lines = []
    for rank, row in enumerate(c.rows, start=1):
        # The amounts side by side ("$4.90 / CN¥34.79 / via cheapai CN¥9.80"): a slash, in every language.
        amounts = [t.money(row.total)]
        if fx is not None:
            amounts.append(t.money(fx.from_usd(row.total), fx.currency))
        amounts += [t.gettext("via {name} {cny}").format(name=key, cny=t.money(cny_through(p, row.total), "CNY"))
                    for key, p in sorted((providers or {}).items())]
        total = " / ".join(amounts)
        if row.tier == "long_context":
            lines.append(t.gettext("{rank}. {model}: {total} (long-context rates)").format(rank=rank, model=row.model.id, total=total))
        else:
            lines.append(t.gettext("{rank}. {model}: {total}").format(rank=rank, model=row.model.id, total=total))
    lines.append(as_of_line(t, c.rates_as_of))
    notes = []
    for key, p in sorted((providers or {}).items()):
        notes.append(t.gettext("{name} ({display}): credit at {rate} CNY per USD of Google's prices, the admin's figure of {date}.").format(
            name=key, display=p.name, rate=t.number(p.cny_per_usd), date=t.date(p.as_of)))
    if c.skipped:
        notes.append(t.gettext("Not priced (no rate for part of this usage): {models}").format(models=t.words(list(c.skipped))))
    return Doc(title, lines, notes)


def render_budget(t: Translator, b: Budget, *, ref: str | None, is_default: bool, fx: FxRate | None = None, extra: tuple[Notice, ...] = (),
                  per: tuple[str, str, Decimal] | None = None) -> Doc:
    """``per``: a budget given per period (its period, the period asked, the budget as given): ``b`` is
    then priced for the period asked."""
    if per is None:
        title = t.ngettext("{budget} pays for {n} such request", "{budget} pays for {n} such requests", b.requests).format(
            budget=t.money(b.budget_usd), n=t.count(b.requests))
    else:
        title = _budget_per_period_title(t, per, b.requests)
    e = b.per_request
    lines = [
        model_line(t, b.model, ref, is_default),
        t.gettext("Each request: {cost}").format(cost=t.money(e.total)),
        tier_line(t, e),
        *(item_line(t, e, i.kind, i.tokens, i.unit_price, i.cost) for i in e.items if i.kind != "grounding"),
    ]
    for item in e.items:
        if item.kind == "grounding":
            lines.append(t.gettext("Search grounding: {cost} per request").format(cost=t.money(item.cost)))
    if fx is not None:
        lines.append(fx_line(t, b.budget_usd, fx))
    lines.append(as_of_line(t, e.rates_as_of))
    notes = [notice_text(t, n) for n in (*b.notices, *extra)]
    if per is not None and per[0] != per[1]:
        notes.insert(0, t.gettext("A monthly budget asked per day: the budget / 30 days.") if per[0] == "month"
                     else t.gettext("A daily budget asked per month: the budget x 30 days."))
    return Doc(title, lines, notes)


def _budget_per_period_title(t: Translator, per: tuple[str, str, Decimal], n: int) -> str:
    budget_period, asked, amount = per
    if (budget_period, asked) == ("month", "day"):
        text = t.ngettext("{budget} a month pays for {n} such request a day", "{budget} a month pays for {n} such requests a day", n)
    elif (budget_period, asked) == ("day", "month"):
        text = t.ngettext("{budget} a day pays for {n} such request a month", "{budget} a day pays for {n} such requests a month", n)
    elif budget_period == "month":
        text = t.ngettext("{budget} a month pays for {n} such request a month", "{budget} a month pays for {n} such requests a month", n)
    else:
        text = t.ngettext("{budget} a day pays for {n} such request a day", "{budget} a day pays for {n} such requests a day", n)
    return text.format(budget=t.money(amount), n=t.number(n))


# --- rates and free tier ---------------------------------------------------------------------------


def status_text(t: Translator, m: ModelCard) -> str:
    if m.status == "shut_down":
        return t.gettext("shut down on {date}, successor {successor}").format(date=t.date(m.shutdown), successor=m.successor or "-")  # type: ignore[arg-type]
    return {
        "preview": t.gettext("preview"),
        "ga": t.gettext("generally available"),
        "deprecated": t.gettext("deprecated (retirement announced)"),
    }[m.status]


def tiered_price(t: Translator, standard: Decimal, long_context: Decimal | None, threshold: int | None = 200_000) -> str:
    if long_context is None or long_context == standard:
        return t.money(standard)
    return t.gettext("{standard} (prompts over {threshold} tokens: {long})").format(
        standard=t.money(standard), long=t.money(long_context), threshold=t.count(threshold or 200_000))


def _family_label(t: Translator, family: str) -> str:
    if family == "embedding":
        return t.gettext("Embeddings")
    if family == "gemini-other":
        return t.gettext("Other Gemini models")
    return family.replace("gemini-", "Gemini ")


def _family_order(family: str) -> tuple[int, float, str]:
    """Newest generation first; embeddings and the rest after the numbered families."""
    number = family.removeprefix("gemini-")
    try:
        return (0, -float(number), family)
    except ValueError:
        return (1, 0.0, family)


def _listing_line(t: Translator, m: ModelCard) -> str:
    out = t.money(m.output.standard) if m.output else "-"
    remarks = []
    if m.has_tiers:
        remarks.append(t.gettext("higher for prompts over {threshold} tokens").format(threshold=t.count(m.long_context_threshold)))  # type: ignore[arg-type]
    if m.status == "shut_down":
        remarks.append(t.gettext("shut down"))
    elif m.status == "deprecated":
        remarks.append(t.gettext("deprecated"))
    if remarks:  # one bracket with a list, never two brackets side by side
        return t.gettext("{id}: {input} / {output} ({remarks})").format(id=m.id, input=t.money(m.input.standard), output=out,
                                                                        remarks=t.words(remarks))
    return t.gettext("{id}: {input} / {output}").format(id=m.id, input=t.money(m.input.standard), output=out)


def _price_change_note(t: Translator, m: ModelCard, change: object) -> str:
    return notice_text(t, Notice("price_change", {"model": m.id, "date": change.effective,  # type: ignore[attr-defined]
                                                  "input": change.input, "output": change.output}))  # type: ignore[attr-defined]


def render_rates(
    t: Translator, book: PriceBook, model: ModelCard | None, today: dt.date | None = None, *, asked_day: bool = False
) -> Doc:
    """One model's rates, or the list: current models grouped by family (newest first), retiring and
    retired ones after. ``today`` picks the dated prices in effect (default: the card's current ones);
    ``asked_day``: the question named that day, so the answer says it."""
    if model is None:
        title = t.gettext("Gemini API rates per 1M tokens (input / output)")
        models = [m.on(today) if today else m for m in listed_models(book)]
        sold = [m for m in models if still_sold(book, m)]
        older = [m for m in models if not still_sold(book, m)]
        lines: list[str] = []
        for family in sorted({m.family for m in sold}, key=_family_order):
            lines.append(f"*{_family_label(t, family)}*")
            lines.extend(_listing_line(t, m) for m in sold if m.family == family)
        if older:
            # retired ones on one short line: still priced when asked for, by name
            ids = t.words([m.id for m in sorted(older, key=lambda m: (_family_order(m.family), m.id))])
            lines.append(t.gettext("Retired (priced when asked for): {models}").format(models=ids))
        lines.append(as_of_line(t, book.card.as_of))
        notes = [t.gettext("Ask about one model for all its rates, e.g. \"2.5 flash price\".")]
        coming = [(m, c) for m in models for c in m.scheduled]
        notes += [_price_change_note(t, m, c) for m, c in sorted(coming, key=lambda mc: (mc[1].effective, mc[0].id))][:5]
        return Doc(title, lines, notes)
    m = model.on(today) if today else model
    lines = [t.gettext("Status: {status}").format(status=status_text(t, m))]
    lines.append(t.gettext("Input: {price} per 1M tokens").format(price=tiered_price(t, m.input.standard, m.input.long_context, m.long_context_threshold)))
    if m.input_audio is not None:
        lines.append(t.gettext("Audio input: {price} per 1M tokens").format(price=tiered_price(t, m.input_audio.standard, m.input_audio.long_context, m.long_context_threshold)))
    if m.input_image is not None:
        lines.append(t.gettext("Image input: {price} per 1M tokens").format(price=tiered_price(t, m.input_image.standard, m.input_image.long_context, m.long_context_threshold)))
    if m.input_video is not None:
        lines.append(t.gettext("Video input: {price} per 1M tokens").format(price=tiered_price(t, m.input_video.standard, m.input_video.long_context, m.long_context_threshold)))
    if m.output is not None:
        lines.append(t.gettext("Output (thinking included): {price} per 1M tokens").format(price=tiered_price(t, m.output.standard, m.output.long_context, m.long_context_threshold)))
    if m.output_image is not None:
        lines.append(t.gettext("Image output: {price} per 1M tokens").format(price=tiered_price(t, m.output_image.standard, m.output_image.long_context, m.long_context_threshold)))
        if m.output_image_tokens is not None:
            per_image = m.output_image.standard * m.output_image_tokens.tokens / 1_000_000
            lines.append(t.gettext("One {size} image: {tokens} tokens, {price}").format(
                size=m.output_image_tokens.size, tokens=t.number(m.output_image_tokens.tokens), price=t.money(per_image)))
    if m.output_audio is not None:
        lines.append(t.gettext("Audio output: {price} per 1M tokens").format(price=tiered_price(t, m.output_audio.standard, m.output_audio.long_context, m.long_context_threshold)))
    if m.cached_input is not None:
        lines.append(t.gettext("Cached input: {price} per 1M tokens").format(price=tiered_price(t, m.cached_input.standard, m.cached_input.long_context, m.long_context_threshold)))
    if m.storage is not None:
        lines.append(t.gettext("Cache storage: {price} per 1M tokens per hour").format(price=t.money(m.storage.usd)))
    day = today or dt.date.today()
    for tier in m.tiers_priced(day):
        priced = m.in_tier(tier, day)
        lines.append(t.gettext("{tier}: input {input} / output {output} per 1M tokens; cached input {cached}").format(
            tier=tier_name(t, tier),
            input=tiered_price(t, priced.input.standard, priced.input.long_context, m.long_context_threshold),
            output=tiered_price(t, priced.output.standard, priced.output.long_context, m.long_context_threshold) if priced.output else "-",
            cached=tiered_price(t, priced.cached_input.standard, priced.cached_input.long_context, m.long_context_threshold) if priced.cached_input else "-"))
    if m.grounding is not None:
        plan = book.card.grounding[m.grounding]
        unit = t.gettext("search queries") if plan.unit == "query" else t.gettext("grounded prompts")
        period = t.gettext("a day") if plan.period == "day" else t.gettext("a month")
        if plan.allowance:
            lines.append(t.gettext("Search grounding: {allowance} {unit} free {period}, then {price} per 1,000").format(
                allowance=t.count(plan.allowance), unit=unit, period=period, price=t.money(plan.price_per_1000)))
        else:
            lines.append(t.gettext("Search grounding: {price} per 1,000 {unit} (no free allowance known)").format(
                unit=unit, price=t.money(plan.price_per_1000)))
    if m.context_window is not None:
        lines.append(t.gettext("Context window: {tokens} input tokens").format(tokens=t.count(m.context_window)))
    if today is not None and asked_day:
        lines.append(t.gettext("Rates on {date}.").format(date=t.date(today)))
    lines.append(as_of_line(t, rates_as_of(book, model, today)))
    sources = sorted({m.input.source} | ({m.output.source} if m.output else set()))
    # A source's title is an English document's name: cited in quotes, so a Chinese sentence keeps its own punctuation.
    cited = [t.gettext("\"{title}\" ({date})").format(title=book.card.sources[s].title, date=t.date(book.card.sources[s].as_of))
             for s in sources if s in book.card.sources]
    notes = [t.gettext("Sources: {sources}").format(sources=t.words(cited))]
    notes += [_price_change_note(t, m, c) for c in m.scheduled]
    return Doc(t.gettext("{name} ({id}) rates").format(name=m.name, id=m.id), lines, notes)


def listed_models(book: PriceBook) -> list[ModelCard]:
    """Every model once: an id that is another's words in another order with the same input and output
    rates (the data's `gemini-pro-1.5` beside `gemini-1.5-pro`) is a second name of one model, not a
    second model; the id in Google's own order (version before tier) is the one listed. Both stay
    priced when asked for by name."""
    seen: dict[tuple[object, ...], ModelCard] = {}
    for m in sorted(book.card.models, key=lambda m: (not _google_order(m.id), m.id)):
        key = (tuple(sorted(model_words(m.id))), m.input, m.output, m.status)
        seen.setdefault(key, m)
    kept = {m.id for m in seen.values()}
    return [m for m in book.card.models if m.id in kept]


def _google_order(model_id: str) -> bool:
    words = model_id.split("-")
    return len(words) > 1 and words[1][:1].isdigit()


def free_tier_models(book: PriceBook, model: ModelCard | None) -> list[ModelCard]:
    """The model asked about, or the models still sold: first those whose free-tier facts are known,
    then the rest, each grouped by family, newest first."""
    if model is not None:
        return [model]
    sold = sorted((m for m in listed_models(book) if still_sold(book, m)), key=lambda m: (_family_order(m.family), m.id))
    return [m for m in sold if m.free_tier.available is not None] + [m for m in sold if m.free_tier.available is None]


def render_free_tier(t: Translator, book: PriceBook, model: ModelCard | None, *, limit: str | None = None) -> Doc:
    models = free_tier_models(book, model)
    lines = []
    unknown = [m.id for m in models if m.free_tier.available is None] if model is None else []
    if unknown:
        # one line for the models Google publishes nothing about, after the ones we know
        models = [m for m in models if m.free_tier.available is not None]
    for m in models:
        ft = m.free_tier
        if ft.available is True:
            state = t.gettext("input and output tokens free of charge on the free tier")
        elif ft.available is False:
            state = t.gettext("no free tier")
        else:
            state = t.gettext("free tier not published")
        asked = {"rpm": ft.rpm, "rpd": ft.rpd, "tpm": ft.tpm}.get(limit or "")
        limits = None
        if limit is not None and asked is not None:
            template = {
                "rpm": t.gettext("last published limit {value} requests a minute ({date})"),
                "rpd": t.gettext("last published limit {value} requests a day ({date})"),
                "tpm": t.gettext("last published limit {value} tokens a minute ({date})"),
            }[limit]
            limits = template.format(value=t.count(asked), date=t.date(ft.limits_as_of or ft.as_of))
        elif ft.rpm is not None:
            limits = t.gettext("last published limits {rpm} RPM / {tpm} TPM / {rpd} RPD ({date})").format(
                rpm=t.count(ft.rpm), tpm=t.count(ft.tpm or 0), rpd=t.count(ft.rpd or 0), date=t.date(ft.limits_as_of or ft.as_of))
        if limits is None:
            lines.append(t.gettext("{id}: {state}").format(id=m.id, state=state))
        else:  # the translator's punctuation between the two halves (a full-width semicolon in Chinese)
            lines.append(t.gettext("{id}: {state}; {limits}").format(id=m.id, state=state, limits=limits))
    if unknown:
        lines.append(t.ngettext("Not published for {n} other model: {models}", "Not published for {n} other models: {models}",
                                len(unknown)).format(n=t.count(len(unknown)), models=t.list(unknown)))  # fmt: skip
    notes = [
        t.gettext("Google no longer publishes per-model free-tier limits: see your live limits in AI Studio (aistudio.google.com)."),
        t.gettext("After the cuts of 7 December 2025, developers reported Flash models at 5 requests a minute and 20 a day."),
        t.gettext("On the free tier, Google may use your prompts and responses to improve its products."),
    ]
    return Doc(t.gettext("Gemini API free tier"), lines, notes)


def examples(t: Translator) -> list[str]:
    """The help's example questions, in the asker's language (each one a question the bot answers)."""
    return [
        t.gettext("1M in 50k out"),
        t.gettext("10k in 2k out x1000 per day on 2.5 flash"),
        t.gettext("compare 200k in 10k out"),
        t.gettext("how many 10k in 1k out for $100"),
        t.gettext("free tier"),
        t.gettext("10k in 1k out x2000 per day in CNY"),
    ]


def render_help(t: Translator) -> Doc:
    lines = [
        t.gettext("Ask in English or Chinese; amounts are for one request:"),
        *(f"  /gemini-cost {example}" for example in examples(t)),  # a command to copy, under the sentence above
        t.gettext("Parts: in/out/cached amounts (1.2k, 0.5m, 5万, 一百万), x100 or 100次, per day/每天, batch/批量, with search/联网搜索, a model (2.5 flash), in CNY/人民币, public/公开."),
        t.gettext("Also: \"rates\", \"compare ...\", \"free tier\", \"/gemini-cost lang zh|zh_TW|en|auto\"."),
        t.gettext("Or paste an API response (or its usageMetadata / usage block) to price that call, e.g. followed by \"x2000 per day\"."),
    ]
    return Doc(t.gettext("gemini-cost: Gemini API prices, in your language"), lines, [])


# --- errors ----------------------------------------------------------------------------------------

def _feature_name(t: Translator, feature: str) -> str:
    return {
        "batch": t.gettext("batch"),
        "caching": t.gettext("context caching"),
        "output": t.gettext("output tokens"),
        "storage": t.gettext("cache storage"),
        "grounding": t.gettext("search grounding"),
        "input": t.gettext("input tokens"),
        "audio_input": t.gettext("audio input"),
        "image_input": t.gettext("image input"),
        "video_input": t.gettext("video input"),
        "image_output": t.gettext("image output"),
        "audio_output": t.gettext("audio output"),
        "images_by_count": t.gettext("images by count (Google publishes no tokens-per-image figure for it; give image output tokens instead)"),
    }.get(feature, feature)


def _part_name(t: Translator, part: str) -> str:
    return {
        "input": t.gettext("input"),
        "output": t.gettext("output"),
        "cached": t.gettext("cached input"),
        "storage": t.gettext("cache storage"),
        "hours": t.gettext("duration"),
        "requests": t.gettext("request count"),
        "searches": t.gettext("searches per request"),
        "period": t.gettext("period"),
        "budget_usd": t.gettext("budget"),
        "budget_cny": t.gettext("budget"),
        "cache": t.gettext("cache"),
    }.get(part, part)


def error_message(t: Translator, err: PricingError) -> str:
    """What was wrong, in the asker's language."""
    p = err.params
    if isinstance(err, UnknownModel):
        return t.gettext("Unknown model: \"{ref}\". Did you mean {suggestions}?").format(
            ref=p["ref"], suggestions=t.list(list(err.suggestions), style="or"))
    if isinstance(err, ContextWindowExceeded):
        return t.gettext(
            "A {prompt}-token prompt is over {model}'s context window of {window} tokens. Split it into about {requests} requests."
        ).format(prompt=t.count(p["prompt_tokens"]), model=p["model"], window=t.count(p["window"]), requests=t.count(p["requests"]))
    if isinstance(err, TierNotPublished):
        return t.gettext("{model} has no published {tier} price: neither Google's pricing page as we have it nor the price data gives one, so it is not estimated. Ask without it for the standard price.").format(
            model=p["model"], tier=tier_name(t, str(p["tier"])))
    if isinstance(err, UnsupportedFeature):
        return t.gettext("{model} has no price for {feature}.").format(model=p["model"], feature=_feature_name(t, str(p["feature"])))
    messages = {
        "negative_amount": t.gettext("Amounts can't be negative: \"{amount}\"."),
        "not_understood": t.gettext("I couldn't find a pricing question in that."),
        "answer_too_slow": t.gettext("That took too long to work out: please ask a shorter question."),
        "cached_exceeds_input": t.gettext("Cached tokens ({cached}) can't be more than the whole prompt ({input}): cached tokens are part of the input."),
        "duplicate_part": t.gettext("The {part} is given twice (\"{amount}\")."),
        "fractional_tokens": t.gettext("Token counts are whole numbers: \"{amount}\"."),
        "amount_too_large": t.gettext("\"{amount}\" is too large to be a token count."),
        "duration_too_long": t.gettext("\"{amount}\" hours is too long a duration: at most {limit} hours."),
        "budget_too_large": t.gettext("A budget of {amount} USD is too large: at most {limit} USD."),
        "storage_needs_hours": t.gettext("Cache storage needs a duration, e.g. \"cache 1M for 2h\"."),
        "hours_need_storage": t.gettext("A duration needs a cache size, e.g. \"cache 1M for 2h\"."),
        "unlabeled_amount": t.gettext("Which part is \"{amount}\"? Label each amount, e.g. \"1M in 50k out\"."),
        "nothing_to_price": t.gettext("Nothing to price: give some tokens, e.g. \"1M in 50k out\"."),
        "parts_exceed_total": t.gettext("The parts of the {part} add up to more than its total ({total})."),
        "bad_request_count": t.gettext("The request count must be at least 1 (got \"{count}\")."),
        "bad_budget": t.gettext("A budget must be more than zero (got \"{amount}\")."),
        "budget_needs_usage": t.gettext("A budget question needs a request to price, e.g. \"how many 10k in 1k out for $100\"."),
        "budget_needs_amount": t.gettext("Say the budget, e.g. \"how many 10k in 1k out for $100\"."),
        "two_tiers": t.gettext("Batch and the {tier} tier are different ways of calling the API: ask about one at a time."),
        "provider_lacks_model": t.gettext("{provider} does not sell {model} (in the price data). It sells: {models}."),
        "unknown_provider": t.gettext("There is no provider called \"{name}\". Providers: {known}.") if p.get("known")
        else t.gettext("There is no provider called \"{name}\": no provider is defined yet."),
        "no_fx_rate": t.gettext("No USD to CNY rate is set, so a budget in yuan can't be converted: an admin sets one with `/gemini-cost admin fx 7.10`."),
    }
    template = messages.get(err.code, t.gettext("I couldn't find a pricing question in that."))
    values = {k: (_part_name(t, str(v)) if k == "part" else (t.count(v) if isinstance(v, int) else v)) for k, v in p.items()}
    if isinstance(values.get("known"), str):  # the providers, listed with the reader's separator
        values["known"] = t.words(values["known"].split(", "))
    return template.format(**values)


def render_error(t: Translator, err: PricingError) -> Doc:
    example = t.gettext("1M in 50k out")  # the catalogs give the same example in Chinese
    lines = [t.gettext("For example: /gemini-cost {example}").format(example=example),
             t.gettext("Type /gemini-cost help for more.")]
    return Doc(error_message(t, err), lines, [])


def render_internal_error(t: Translator) -> Doc:
    return Doc(t.gettext("Sorry, something went wrong on my side. It has been logged; please try again."), [], [])
