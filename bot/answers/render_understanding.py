"""How the bot shows what it understood: the "Read as" line, the questions it asks back, and the
focused answers to topic and model questions. Text only, localized; Slack escaping happens in render.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.answers.render import Doc, as_of_line, requests_phrase, status_text, tiered_price
from bot.text.i18n import Translator
from pricing import Ambiguous, ModelCard, PriceBook, PricingError, Query, parse_query

__all__ = ["read_as", "render_clarify", "clarify_message", "render_topic", "render_model_info", "reading_label"]

_SEP = " · "


def read_as(t: Translator, query: Query, model: ModelCard | None) -> str:
    """The question restated in the asker's language: model, requests and period, amounts, options."""
    return t.gettext("Read as: {reading}").format(reading=_reading(t, query, model))


def reading_label(t: Translator, text: str, book: PriceBook, default: ModelCard) -> str:
    """A reading offered by a clarification, restated in the asker's language (for its button)."""
    try:
        query = parse_query(text, book)
    except PricingError:
        return text
    return _reading(t, query, query.model or (None if query.intent == "compare" else default))


def _reading(t: Translator, query: Query, model: ModelCard | None) -> str:
    parts: list[str] = []
    if query.intent == "compare":
        if len(query.models) > 1:
            parts.append(t.gettext("compare {models}").format(models=t.list([m.id for m in query.models])))
        elif "providers" in query.flags and model is not None:
            parts.append(t.gettext("{model} at Google and each provider that sells it").format(model=model.id))
        else:
            parts.append(t.gettext("compare every current model"))
    elif model is not None:
        parts.append(model.id)
    u = query.usage
    if u is not None and u.totals:
        parts.append({"day": t.gettext("token totals a day"), "month": t.gettext("token totals a month")}.get(u.period or "", t.gettext("token totals")))
    elif u is not None and query.intent != "budget":  # a budget asks how many requests
        parts.append(requests_phrase(t, u.requests, u.period))
        if query.asked_period == "month":
            parts.append(t.gettext("total per month"))
        elif query.asked_period == "day":
            parts.append(t.gettext("total per day"))
    if u is not None:
        if u.input_tokens:
            extras = []
            if u.cached_tokens:
                extras.append(t.gettext("{tokens} cached").format(tokens=t.count(u.cached_tokens)))
            if u.audio_input_tokens:
                extras.append(t.gettext("{tokens} audio").format(tokens=t.count(u.audio_input_tokens)))
            if u.video_input_tokens:
                extras.append(t.gettext("{tokens} video").format(tokens=t.count(u.video_input_tokens)))
            if extras and u.totals:
                parts.append(t.gettext("input {tokens} tokens in all ({parts})").format(tokens=t.count(u.input_tokens), parts=t.list(extras)))
            elif extras:  # one sentence with the parts as a list: the translator's brackets and separators
                parts.append(t.gettext("input {tokens} tokens each ({parts})").format(tokens=t.count(u.input_tokens), parts=t.list(extras)))
            elif u.totals:
                parts.append(t.gettext("input {tokens} tokens in all").format(tokens=t.count(u.input_tokens)))
            else:
                parts.append(t.gettext("input {tokens} tokens each").format(tokens=t.count(u.input_tokens)))
        if u.output_tokens and u.totals:
            if u.thinking_tokens:
                parts.append(t.gettext("output {tokens} tokens in all ({thinking} of them thinking)").format(
                    tokens=t.count(u.output_tokens), thinking=t.count(u.thinking_tokens)))
            else:
                parts.append(t.gettext("output {tokens} tokens in all").format(tokens=t.count(u.output_tokens)))
        elif u.output_tokens:
            if u.thinking_tokens:
                parts.append(t.gettext("output {tokens} tokens each ({thinking} of them thinking)").format(
                    tokens=t.count(u.output_tokens), thinking=t.count(u.thinking_tokens)))
            else:
                parts.append(t.gettext("output {tokens} tokens each").format(tokens=t.count(u.output_tokens)))
        if u.output_images:
            parts.append(t.ngettext("{n} image generated each", "{n} images generated each", u.output_images).format(n=t.count(u.output_images)))
        if u.storage_tokens:
            parts.append(t.gettext("cache storage {tokens} tokens for {hours} h").format(
                tokens=t.count(u.storage_tokens), hours=t.number(u.storage_hours)))
        if u.batch:
            parts.append(t.gettext("batch"))
        if u.service_tier == "flex":
            parts.append(t.gettext("Flex tier"))
        elif u.service_tier == "priority":
            parts.append(t.gettext("Priority tier"))
        if u.grounded:
            if u.searches_per_request != 1:
                parts.append(t.gettext("Search grounding, {n} searches each").format(n=t.count(u.searches_per_request)))
            else:
                parts.append(t.gettext("Search grounding"))
    budget = t.money(query.budget_usd) if query.budget_usd is not None else None
    if budget is None and query.budget_cny is not None:
        budget = t.money(query.budget_cny, "CNY")
    if budget is not None and query.budget_period == "month":
        parts.append(t.gettext("budget {amount} a month").format(amount=budget))
    elif budget is not None and query.budget_period == "day":
        parts.append(t.gettext("budget {amount} a day").format(amount=budget))
    elif budget is not None:
        parts.append(t.gettext("budget {amount}").format(amount=budget))
    if budget is not None and query.budget_period is not None and query.asked_period == "day":
        parts.append(t.gettext("how many a day"))
    elif budget is not None and query.budget_period is not None and query.asked_period == "month":
        parts.append(t.gettext("how many a month"))
    if query.want_cny:
        parts.append(t.gettext("in yuan"))
    if query.currency is not None:
        parts.append(t.gettext("in {currency}").format(currency=t.currency_name(query.currency)))
    if query.on_date is not None:
        parts.append(t.gettext("prices on {date}").format(date=t.date(query.on_date)))
    if query.provider:
        parts.append(t.gettext("via {provider}").format(provider=query.provider))
    return _SEP.join(parts)


# --- asking back ---------------------------------------------------------------------------------


def clarify_message(t: Translator, err: Ambiguous) -> str:
    """What is unclear, in one sentence, and what would make it clear."""
    reason = err.reason
    if reason == "unlabeled_amount":
        return t.gettext("Which part is {amount}? Label each amount, e.g. \"8k in 1k out\".").format(amount=err.params.get("amount", ""))
    if reason == "too_many_amounts":
        return t.gettext("That has more than {limit} amounts: ask about one request at a time, each amount labelled, e.g. \"8k in 1k out\".").format(
            limit=err.params.get("limit", ""))
    if reason == "images":
        return t.gettext("Images: say which image model and how many images, e.g. \"generate 50 images on gemini-3.1-flash-image-preview\", or give the image tokens as input.")
    if reason == "video":
        return t.gettext("Video: give the video's tokens as input, e.g. \"300k video in 2k out\" (about 300 tokens per second of video).")
    if reason == "audio":
        return t.gettext("Audio: give the audio tokens as input, e.g. \"500k audio in 10k out\" (about 32 tokens per second of audio).")
    if reason == "total":
        return t.gettext("Is that total across all requests, or per request? Amounts are per request: e.g. \"8k in 1k out x5000\".")
    if reason == "unknown_words" and not err.readings:
        return t.gettext("I'm not sure what \"{words}\" changes about the price. Rephrase with amounts, e.g. \"8k in 1k out x5000 per day on 2.5 flash\".").format(
            words=t.words(str(err.params.get("words", "")).split(", ")))
    if reason == "unknown_words":
        return t.gettext("I'm not sure what \"{words}\" changes about the price. Rephrase with amounts, e.g. \"8k in 1k out x5000 per day on 2.5 flash\", or pick the reading below.").format(
            words=t.words(str(err.params.get("words", "")).split(", ")))  # the parser's list, in the reader's separator
    if reason == "unplaced_label":
        labels = str(err.params.get("words", "")).split(", ")
        if labels == ["thinking"]:  # its own example: a thinking question answered with a caching one reads as a mistake
            return t.gettext("How many thinking tokens? Give an amount, e.g. \"2k out plus 3k thinking\".")
        return t.gettext("How many tokens are {words}? Give an amount, e.g. \"100k in, 80k cached, 2k out\" or \"2k out plus 3k thinking\".").format(
            words=t.list([_label_name(t, label) for label in labels]))
    if reason == "period_without_count":
        return t.gettext("How many requests in that period? E.g. \"10k in 1k out x2000 per day\".")
    if reason == "count_without_tokens":
        return t.gettext("How many tokens does each request use? E.g. \"8k in 1k out x300 per day\".")
    if reason == "budget_needs_usage":
        return t.gettext("A budget question needs a request to price, e.g. \"how many 10k in 1k out for $100\".")
    if reason == "two_models":
        return t.gettext("Two models named: compare them, or name one? E.g. \"2.5 flash vs 3 flash 10k in 1k out\".")
    if reason == "per_minute":
        return t.gettext("A rate per minute is a limit, not a volume: how many requests a day or a month? E.g. \"1k in 200 out x20000 per day\".")
    if reason == "cache_what":
        return t.gettext("Caching {amount} tokens: read from the cache as part of a prompt, or kept stored (billed per hour)? Pick one below, or say for how long, e.g. \"cache {amount} for 2 hours\".").format(
            amount=t.count(Decimal(str(err.params.get("amount", "0")))))
    if reason == "people":
        return t.gettext("How many requests does each user send, and per day or per month? E.g. \"300 users, 20 requests each per day, 10k in 1k out\".")
    if reason == "model_generation":
        return t.gettext("\"{generation}\" covers several models: which one? Pick one below, or name it, e.g. \"{model}\".").format(
            generation=err.params.get("generation", ""), model=err.params.get("model", ""))
    if reason == "unknown_unit":
        return t.gettext("I'm not sure what \"{words}\" after a number means. Write the number in full, e.g. \"20000\" or \"20k\".").format(
            words=err.params.get("words", ""))
    if reason == "which_number":
        return t.gettext("Is \"{amount}\" {first} or {second}? Pick one below, or write the number in full.").format(
            amount=err.params.get("amount", ""), first=t.number(Decimal(str(err.params.get("first", "0")))),
            second=t.number(Decimal(str(err.params.get("second", "0")))))
    if reason == "range":
        return t.gettext("\"{amount}\" is a range: price its middle, {first}, or its top, {second}? Pick one below, or give one figure.").format(
            amount=err.params.get("amount", ""), first=t.number(Decimal(str(err.params.get("first", "0")))),
            second=t.number(Decimal(str(err.params.get("second", "0")))))
    if reason == "self_check":
        return t.gettext("I can read that in more than one way and can't be sure which you mean. Please say what each amount is, and the request count with its period, e.g. \"8k in 1k out, 5000 requests a day, per month\".")
    if reason == "budget_currency":
        return t.gettext("I read budgets in US dollars or yuan, not in {currency}: give it in either, e.g. \"how many 10k in 1k out for $100\".").format(
            currency=t.currency_name(str(err.params.get("currency", ""))))
    if reason == "money_without_question":
        return t.gettext("What should the amount of money answer? E.g. \"how many 10k in 1k out for $30\".")
    return t.gettext("I couldn't find a pricing question in that.")


def _label_name(t: Translator, label: str) -> str:
    """The parser's label (an internal word) named in the asker's language."""
    return {
        "cached": t.gettext("cached input"),
        "cache": t.gettext("cache"),
        "thinking": t.gettext("thinking"),
        "storage": t.gettext("cache storage"),
        "out": t.gettext("output"),
        "input": t.gettext("input"),
    }.get(label, label)


def render_clarify(t: Translator, err: Ambiguous, book: PriceBook, default: ModelCard) -> tuple[Doc, list[tuple[str, str]]]:
    """The question asked back, and (label, reading) pairs for its buttons."""
    choices = [(reading_label(t, r, book, default), r) for r in err.readings]
    lines = [t.gettext("Did you mean:")] if choices else []
    lines += [f"{i}. {label}" for i, (label, _) in enumerate(choices, start=1)]
    return Doc(clarify_message(t, err), lines, []), choices


# --- topics and model facts ----------------------------------------------------------------------


def render_topic(t: Translator, book: PriceBook, topic: str, model: ModelCard, today: dt.date | None = None) -> Doc:
    """The rule and this model's figures for grounding, caching, batch or thinking."""
    lines: list[str] = []
    if topic == "grounding":
        title = t.gettext("Search grounding on {model}").format(model=model.id)
        if model.grounding is None:
            lines.append(t.gettext("{model} has no price for search grounding.").format(model=model.id))
        else:
            plan = book.card.grounding[model.grounding]
            unit = t.gettext("search queries") if plan.unit == "query" else t.gettext("grounded prompts")
            period = t.gettext("a day") if plan.period == "day" else t.gettext("a month")
            lines.append(t.gettext("Free: {allowance} {unit} {period}; then {price} per 1,000 {unit}.").format(
                allowance=t.count(plan.allowance), unit=unit, period=period, price=t.money(plan.price_per_1000)))
            if plan.shared:
                lines.append(t.gettext("The free search allowance is shared by all {plan} models: other usage reduces it.").format(plan=plan.name))
            lines.append(t.gettext("Grounding is billed on top of the tokens; batch does not discount it."))
            lines.append(t.gettext("Try: \"10k in 1k out x2000 per day on {model} with search\".").format(model=model.id))
    elif topic == "caching":
        title = t.gettext("Context caching on {model}").format(model=model.id)
        if model.cached_input is None:
            lines.append(t.gettext("{model} has no price for context caching.").format(model=model.id))
        else:
            lines.append(t.gettext("Cached tokens are part of the prompt and billed once, at the cache rate: {price} per 1M tokens; the input rate is {input}.").format(
                price=tiered_price(t, model.cached_input.standard, model.cached_input.long_context),
                input=tiered_price(t, model.input.standard, model.input.long_context)))
            if model.storage is not None:
                lines.append(t.gettext("Keeping tokens in the cache costs {price} per 1M tokens per hour, billed for the hours they are stored, not per request.").format(price=t.money(model.storage.usd)))
            lines.append(t.gettext("Try: \"1M in, 800k cached, 5k out x100\" or \"cache 1M for 2h\"."))
    elif topic == "batch":
        title = t.gettext("Batch on {model}").format(model=model.id)
        day = today or dt.date.today()
        if "batch" not in model.tiers_priced(day):
            lines.append(t.gettext("{model} has no price for batch.").format(model=model.id))
        else:
            batch = model.on(day).in_tier("batch", day)
            lines.append(t.gettext("Batch requests are billed at {model}'s batch rates: input {input}, output {output} per 1M tokens; storage and search grounding are not discounted.").format(
                model=model.id, input=tiered_price(t, batch.input.standard, batch.input.long_context),
                output=tiered_price(t, batch.output.standard, batch.output.long_context) if batch.output else "-"))
            lines.append(t.gettext("Try: \"10k in 2k out x1000 batch on {model}\".").format(model=model.id))
    else:
        title = t.gettext("Thinking tokens on {model}").format(model=model.id)
        if model.output is None:
            lines.append(t.gettext("{model} has no price for output tokens.").format(model=model.id))
        else:
            lines.append(t.gettext("Thinking tokens are billed as output, at {price} per 1M tokens; they count toward the output you are charged for.").format(
                price=tiered_price(t, model.output.standard, model.output.long_context)))
            lines.append(t.gettext("Try: \"2k in 500 out plus 3k thinking on {model}\".").format(model=model.id))
    lines.append(as_of_line(t, book.card.as_of))
    return Doc(title, lines, [])


def render_model_info(t: Translator, book: PriceBook, model: ModelCard, today: dt.date | None = None) -> Doc:
    """What a model is: status, successor and shut-down date, context window, what it prices."""
    lines = [t.gettext("Status: {status}").format(status=status_text(t, model))]
    if model.successor and model.status != "shut_down":
        lines.append(t.gettext("Successor: {model}").format(model=model.successor))
    if model.shutdown is not None and model.status != "shut_down":
        lines.append(t.gettext("Shut-down date: {date}").format(date=t.date(model.shutdown)))
    if model.context_window is not None:
        lines.append(t.gettext("Context window: {tokens} input tokens").format(tokens=t.count(model.context_window)))
    if model.long_context_threshold is not None:
        lines.append(t.gettext("Long-context rates for prompts over {tokens} tokens").format(tokens=t.count(model.long_context_threshold)))
    priced = [t.gettext("text input")]
    if model.input_audio is not None:
        priced.append(t.gettext("audio input"))
    if model.output is not None:
        priced.append(t.gettext("output"))
    if model.cached_input is not None:
        priced.append(t.gettext("context caching"))
    if model.grounding is not None:
        priced.append(t.gettext("search grounding"))
    if "batch" in model.tiers_priced(today or dt.date.today()):
        priced.append(t.gettext("batch"))
    lines.append(t.gettext("Priced: {kinds}").format(kinds=t.list(priced)))
    lines.append(t.gettext("Input {input} / output {output} per 1M tokens").format(
        input=tiered_price(t, model.input.standard, model.input.long_context),
        output=tiered_price(t, model.output.standard, model.output.long_context) if model.output else "-"))
    lines.append(as_of_line(t, book.card.as_of))
    return Doc(t.gettext("{name} ({id})").format(name=model.name, id=model.id), lines, [])


def monthly_factor(asked: str | None, volume: str | None) -> Decimal | None:
    """How a total in the volume's period becomes one in the asked period (a month is 30 days)."""
    if asked == "month" and volume == "day":
        return Decimal(30)
    if asked == "day" and volume == "month":
        return Decimal(1) / Decimal(30)
    return None


def asked_period_title(t: Translator, total: Decimal, asked: str | None) -> str:
    if asked == "month":
        return t.gettext("Estimated cost: {total} per month").format(total=t.money(total))
    return t.gettext("Estimated cost: {total} per day").format(total=t.money(total))


def asked_period_note(t: Translator, asked: str | None) -> str:
    if asked == "month":
        return t.gettext("A daily volume asked per month: the daily total x 30 days.")
    return t.gettext("A monthly volume asked per day: the monthly total / 30 days.")
