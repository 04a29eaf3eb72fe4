"""The rates list (every model still sold, by family, newest first), one model's rates, and the free tier."""

from __future__ import annotations

import datetime as dt

from bot.answers.render import Doc, as_of_line, notice_text, status_text, tier_name, tiered_price
from bot.text.i18n import Translator
from pricing import (
    ModelCard,
    Notice,
    PriceBook,
)
from pricing.engine import rates_as_of, still_sold
from pricing.ratecard import model_words

__all__ = ["free_tier_models", "listed_models", "render_free_tier", "render_rates"]


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
