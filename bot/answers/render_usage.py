"""The answer to a pasted usage block: what one call cost, exactly, its line items, and at scale."""

from __future__ import annotations

from dataclasses import dataclass

from bot.answers import render
from bot.answers.render import Doc
from bot.text.i18n import Translator
from pricing import Estimate, FxRate, Notice
from pricing.usage_paste import PastedUsage, UsagePasteError

__all__ = ["UsageAnswer", "paste_error_message", "read_line", "render_paste_error", "render_usage", "usage_notice_text"]

#: "What 1,000 and 1M such calls cost": the scales people budget in.
SCALES = (1_000, 1_000_000)


@dataclass(frozen=True)
class UsageAnswer:
    """The priced paste: one call, the same call at each of `SCALES`, and the asked projection."""

    paste: PastedUsage
    call: Estimate
    at_scale: tuple[Estimate, ...]
    projected: Estimate | None  # "x2000 per day" after the paste
    ref: str | None  # the model as the paste (or the words beside it) named it
    is_default: bool
    notices: tuple[Notice, ...]  # from reading the paste and the words beside it


def render_usage(t: Translator, a: UsageAnswer, fx: FxRate | None = None) -> Doc:
    call = a.call
    if a.projected is not None:
        title = render.total_title(t, a.projected.total, a.projected.usage.period)
    else:
        title = t.gettext("This call cost {cost}").format(cost=t.exact_money(call.total))
    lines = [
        read_line(t, a.paste),
        render.model_line(t, call.model, a.ref, a.is_default),
        render.tier_line(t, call),
    ]
    if call.usage.tier is not None:
        lines.append(render.service_tier_line(t, call))
    lines.extend(render.item_line(t, call, i.kind, i.tokens, i.unit_price, i.cost) for i in call.items)
    if a.projected is not None:
        lines.append(t.gettext("This call: {cost}").format(cost=t.exact_money(call.total)))
        p = a.projected
        lines.append(render.requests_line(t, p.usage.requests, p.usage.period))
        if p.monthly_total is not None:
            lines.append(t.gettext("About {monthly} per month (30 days).").format(monthly=t.money(p.monthly_total)))
    thousand, million = a.at_scale
    lines.append(t.gettext("1,000 such calls: {thousand}; 1,000,000 such calls: {million}").format(
        thousand=t.money(thousand.total), million=t.money(million.total)))  # fmt: skip
    if fx is not None:
        lines.append(render.fx_line(t, (a.projected or call).total, fx))
    lines.append(render.as_of_line(t, call.rates_as_of, call.usage.tier))
    notes = [t.gettext(
        "How a response's usage is billed: the prompt count includes the cached tokens (billed once, at the "
        "cache rate); thoughts are billed as output; tool-use prompt tokens are input; the prompt decides "
        "the long-context tier."
    )]
    for notice in (*a.notices, *(a.projected or call).notices):
        text = usage_notice_text(t, notice)
        if text not in notes:
            notes.append(text)
    return Doc(title, lines, notes)


def read_line(t: Translator, paste: PastedUsage) -> str:
    """What was read from the paste, in its own spelling, so a misreading shows at once."""
    return t.gettext("Read from the pasted usage: {counts}").format(
        counts=t.words([f"{key} {t.number(value)}" for key, value in paste.reported.items()]))


def usage_notice_text(t: Translator, notice: Notice) -> str:
    p = notice.params
    code = notice.code
    if code == "usage_total_mismatch":
        return t.gettext("The counts add up to {counted} tokens, but the response's total says {total}: "
                         "priced from the counts.").format(counted=t.count(p["counted"]), total=t.count(p["total"]))  # type: ignore[arg-type]
    if code == "usage_no_total":
        return t.gettext("The paste has no {key}, so its counts could not be checked against the response's total.").format(key=p["key"])
    if code == "usage_cut_off_but_complete":
        return t.gettext("The paste is cut off, but its counts add up to its total of {total} tokens: nothing billed is missing.").format(
            total=t.count(p["total"]))  # type: ignore[arg-type]
    if code == "usage_tool_use_input" and p.get("searched"):
        return t.gettext("The {tokens} tool-use prompt tokens (e.g. search results given to the model) are billed as input.").format(
            tokens=t.count(p["tokens"]))  # type: ignore[arg-type]
    if code == "usage_tool_use_input":
        return t.gettext("The {tokens} tool-use prompt tokens (e.g. search results given to the model) are billed as input. "
                         "Search queries are billed apart: add \"with search\" to include them.").format(tokens=t.count(p["tokens"]))  # type: ignore[arg-type]
    if code == "usage_search_queries":
        n = int(p["queries"])  # type: ignore[call-overload]
        return t.ngettext(
            "The response ran {n} search query, billed apart from tokens: add \"with search\" to include it.",
            "The response ran {n} search queries, billed apart from tokens: add \"with search\" to include them.",
            n,
        ).format(n=t.number(n))
    if code == "usage_no_fx_rate" and p.get("currency"):
        return t.gettext("No exchange rate for {currency} ({code}) is set, so the answer is in USD: an admin sets one with "
                         "`/gemini-cost admin fx {code} RATE`.").format(currency=t.currency_name(str(p["currency"])), code=p["currency"])
    if code == "usage_no_fx_rate":
        return t.gettext("No USD to CNY rate is set, so the answer is in USD: an admin sets one with `/gemini-cost admin fx 7.10`.")
    if code == "usage_words_skipped":
        return t.gettext("Not read (unclear): \"{words}\".").format(words=p["words"])
    if code == "usage_reasoning_apart":
        return t.gettext("The {tokens} reasoning tokens are reported apart from completion_tokens (the total says so): "
                         "they are added to the output.").format(tokens=t.count(p["tokens"]))  # type: ignore[arg-type]
    if code == "model_version_reduced":
        return t.gettext("The rate card has no separate entry for {version}: priced as {model}.").format(
            version=p["version"], model=p["model"])
    if code == "usage_default_model":
        return t.gettext("The paste names no model: priced on the default model, {model}.").format(model=p["model"])
    if code == "usage_model_asked":
        return t.gettext("Priced on {asked} as asked; the response came from {pasted}.").format(asked=p["asked"], pasted=p["pasted"])
    return render.notice_text(t, notice)


def paste_error_message(t: Translator, err: UsagePasteError) -> str:
    """What is wrong with a paste, naming what is missing, in the asker's language."""
    p = err.params
    messages = {
        "usage_cut_off": t.gettext("The pasted usage is cut off, missing {missing}. Paste the whole usage block "
                                   "(usageMetadata, usage_metadata or usage)."),
        "usage_cut_off_short": t.gettext("The pasted usage is cut off: its counts add up to {counted} of the {total} "
                                         "tokens in its total, so a count is missing (e.g. thoughtsTokenCount). "
                                         "Paste the whole usage block."),
        "usage_missing": t.gettext("The pasted usage has no {missing}, so it can't be priced. Paste the whole usage block."),
        "usage_not_found": t.gettext("That looks like an API response, but it has no usage block (usageMetadata or "
                                     "usage): it may be cut off before it. Paste the whole response or its usage block."),
        "usage_several": t.gettext("The paste holds {count} different usages: paste one call's (for a stream, "
                                   "the last chunk's)."),
        "usage_mixed": t.gettext("The paste mixes Gemini (usageMetadata) and OpenAI-style (usage) counts: paste one response's."),
        "usage_too_large": t.gettext("That paste is too large to read (over {limit} characters): paste only the usage block."),
        "usage_extra_amounts": t.gettext("Token amounts beside a pasted usage block are ambiguous: paste the block "
                                         "alone, and add how many such calls and when, e.g. \"x2000 per day\"."),
        "usage_words_unclear": t.gettext("I'm not sure what \"{words}\" asks about the pasted call. After a pasted usage "
                                         "block, write how many such calls and when (e.g. \"x2000 per day\"), a model "
                                         "(\"on 2.5 flash\"), batch or \"with search\"."),
        "usage_other_intent": t.gettext("After a pasted usage block, add only how many such calls and when "
                                        "(e.g. \"x2000 per day\"), a model (\"on 2.5 flash\"), batch or \"with search\"."),
    }
    template = messages.get(err.code, messages["usage_not_found"])
    values = {k: (t.count(v) if isinstance(v, int) else v) for k, v in p.items()}
    return template.format(**values)


def render_paste_error(t: Translator, err: UsagePasteError) -> Doc:
    return Doc(paste_error_message(t, err), [t.gettext("Type /gemini-cost help for more.")], [])
