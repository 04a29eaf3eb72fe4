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
    PricingError,
    TierNotPublished,
    UnknownModel,
    UnsupportedFeature,
)
from pricing.models import Provider
from pricing.providers import cny_through
from pricing.ratecard import derived_names, model_words

__all__ = ["Doc", "render_estimate", "render_compare", "render_budget",
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
    if code == "storage_of_cached":
        return t.gettext("Cache storage priced for the cached {tokens} tokens, kept {hours} hours.").format(
            tokens=t.count(p["tokens"]), hours=t.number(p["hours"]))  # type: ignore[arg-type]
    if code == "days_split":
        weekdays, weekend = p["segments"]  # type: ignore[misc]
        return t.gettext("{weekday} requests a day on {weekdays} weekdays and {weekend} a day on {weekend_days} weekend days: "
                         "read as {total} requests a month.").format(
            weekday=t.count(weekdays[0]), weekdays=t.number(weekdays[1]), weekend=t.count(weekend[0]),
            weekend_days=t.number(weekend[1]), total=t.count(p["total"]))  # type: ignore[arg-type]
    if code == "rates_summed":
        segments = [_rate_segment(t, rate, unit, hours) for rate, unit, hours in p["segments"]]  # type: ignore[attr-defined]
        return t.gettext("{segments}: read as {daily} requests a day.").format(segments=t.list(segments), daily=t.count(p["daily"]))  # type: ignore[arg-type]
    if code.startswith("rate_per_"):
        figures = {"rate": t.count(p["rate"]), "hours": t.number(p["hours"]), "daily": t.count(p["daily"])}  # type: ignore[arg-type]
        if code == "rate_per_hour_total":
            return t.gettext("{rate} requests an hour for {hours} hours: read as {daily} requests in all.").format(**figures)
        if code == "rate_per_minute_total":
            return t.gettext("{rate} requests a minute for {hours} hours: read as {daily} requests in all.").format(**figures)
        if code == "rate_per_second_total":
            return t.gettext("{rate} requests a second for {hours} hours: read as {daily} requests in all.").format(**figures)
        if code == "rate_per_hour":
            return t.gettext("{rate} requests an hour for {hours} hours a day: read as {daily} requests a day.").format(**figures)
        if code == "rate_per_minute":
            return t.gettext("{rate} requests a minute for {hours} hours a day: read as {daily} requests a day.").format(**figures)
        return t.gettext("{rate} requests a second for {hours} hours a day: read as {daily} requests a day.").format(**figures)
    if code == "images_as_requests":
        return t.gettext("Each image is read as one request, with the tokens given for it.")
    if code == "every_interval":
        figures = {"every": t.number(p["every"]), "hours": t.number(p["hours"]), "daily": t.count(p["daily"])}  # type: ignore[arg-type]
        if p["unit"] == "minute":
            return t.gettext("Once every {every} minutes for {hours} hours a day: read as {daily} requests a day.").format(**figures)
        if p["unit"] == "second":
            return t.gettext("Once every {every} seconds for {hours} hours a day: read as {daily} requests a day.").format(**figures)
        return t.gettext("Once every {every} hours for {hours} hours a day: read as {daily} requests a day.").format(**figures)
    if code == "token_totals":
        return t.gettext("Read as token totals across many requests: more input than one prompt can hold, priced as it stands.")
    if code == "languages":
        return t.gettext("One call per language: {items} × {languages} languages, read as {requests} requests.").format(
            items=t.count(p["items"]), languages=t.number(p["languages"]), requests=t.count(p["requests"]))  # type: ignore[arg-type]
    if code == "requests_multiplied":
        factors = " × ".join(t.count(factor) for factor in p["factors"])  # type: ignore[attr-defined]
        return t.gettext("Request count worked out as {factors} = {requests}.").format(factors=factors, requests=t.count(p["requests"]))  # type: ignore[arg-type]
    if code == "requests_packed":
        return t.gettext("{things} items, {size} to a request: read as {requests} requests.").format(
            things=t.count(p["things"]), size=t.number(p["size"]), requests=t.count(p["requests"]))  # type: ignore[arg-type]
    if code == "images_in_input":
        return t.gettext("The images are taken to be part of the input you gave, their tokens counted there.")
    if code == "yearly_monthly":
        return t.gettext("{yearly} requests a year: read as {monthly} a month.").format(
            yearly=t.count(p["yearly"]), monthly=t.count(p["monthly"]))  # type: ignore[arg-type]
    if code == "weekly_monthly":
        return t.gettext("{weekly} requests a week: read as {monthly} a month (52 weeks in 12 months).").format(
            weekly=t.count(p["weekly"]), monthly=t.count(p["monthly"]))  # type: ignore[arg-type]
    if code == "weekly_monthly_said":
        return t.gettext("{weekly} requests a week: read as {monthly} a month ({weeks} weeks a month, as you said).").format(
            weekly=t.count(p["weekly"]), monthly=t.count(p["monthly"]), weeks=t.number(p["weeks"]))  # type: ignore[arg-type]
    if code == "weekly_daily":
        return t.gettext("{weekly} requests a week: read as {daily} a day.").format(
            weekly=t.count(p["weekly"]), daily=t.count(p["daily"]))  # type: ignore[arg-type]
    if code in ("days_total", "days_month"):
        figures = {"daily": t.count(p["daily"]), "days": t.number(p["days"]), "total": t.count(p["total"])}  # type: ignore[arg-type]
        if code == "days_month":
            return t.gettext("{daily} requests a day for {days} days a month: read as {total} requests a month.").format(**figures)
        return t.gettext("{daily} requests a day for {days} days: read as {total} requests in all.").format(**figures)
    if code == "year_total":
        return t.gettext("{requests} requests in a year: priced as the year's total.").format(requests=t.count(p["requests"]))  # type: ignore[arg-type]
    if code == "week_total":
        return t.gettext("{requests} requests in a week: priced as the week's total.").format(requests=t.count(p["requests"]))  # type: ignore[arg-type]
    if code == "days_span":
        return t.gettext("{total} requests over {days} days: priced as their total.").format(
            total=t.count(p["total"]), days=t.number(p["days"]))  # type: ignore[arg-type]
    if code == "job_shared":
        return t.gettext("The tokens given are the whole job's, cut into {requests} requests: input {input} and output {output} tokens each.").format(
            requests=t.count(p["requests"]), input=t.count(p["input"]), output=t.count(p["output"]))  # type: ignore[arg-type]
    if code == "images_as_input":
        figures = {"images": t.number(p["images"]), "each": t.count(p["each"]), "text": t.count(p["text"])}  # type: ignore[arg-type]
        if p.get("pages") and p["text"]:
            return t.gettext("Pages read as input tokens: {images} page(s) of {each} tokens a request, plus {text} tokens of text.").format(**figures)
        if p.get("pages"):
            return t.gettext("Pages read as input tokens: {images} page(s) of {each} tokens a request.").format(**figures)
        if p["text"]:
            return t.gettext("Images read as input tokens: {images} image(s) of {each} tokens a request, plus {text} tokens of text.").format(**figures)
        return t.gettext("Images read as input tokens: {images} image(s) of {each} tokens a request.").format(**figures)
    if code == "thinking_at_budget":
        return t.gettext("Thinking priced at its full budget of {tokens} tokens a request: the most it can cost.").format(
            tokens=t.count(p["tokens"]))  # type: ignore[arg-type]
    if code == "audio_from_length":
        return t.gettext("Audio given as a length: {tokens} audio tokens, at {per_second} tokens a second of audio (Google's audio docs).").format(
            tokens=t.count(p["tokens"]), per_second=p["per_second"])  # type: ignore[arg-type]
    if code == "read_past":
        return t.gettext("Read as naming what is priced, and left out of the figures: {words}.").format(
            words=t.words(list(p["words"])))  # type: ignore[arg-type]
    return code


def _rate_segment(t: Translator, rate: Decimal, unit: str, hours: Decimal) -> str:
    """One of the day's rates with its hours, as a list item of the `rates_summed` note."""
    figures = {"rate": t.count(rate), "hours": t.number(hours)}
    if unit == "minute":
        return t.gettext("{rate} a minute for {hours} hours").format(**figures)
    if unit == "second":
        return t.gettext("{rate} a second for {hours} hours").format(**figures)
    return t.gettext("{rate} an hour for {hours} hours").format(**figures)


def render_estimate(
    t: Translator, e: Estimate, *, ref: str | None, is_default: bool, fx: FxRate | None = None, extra: tuple[Notice, ...] = ()
) -> Doc:
    u = e.usage
    title = total_title(t, e.total, u.period)
    lines = [
        model_line(t, e.model, ref, is_default),
        t.gettext("Requests: not given (token totals)") if u.totals else requests_line(t, u.requests, u.period),
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
