"""Cross-check against the `genai-prices` package: the card is built from its data, and our totals equal
`genai_prices.calc_price` on every Google model and every token kind the data prices.

How genai-prices counts (read from genai_prices/types.py, decompose.py and data_units.py, version 0.2.3):

- `Usage.input_tokens` is the WHOLE prompt, cache reads included: `cache_read_tokens` is a more specific
  unit of `input_tokens`, and audio, image and video tokens are more specific units again; each part is
  billed at its own rate where the model has one and at its parent's rate otherwise. That is our
  `Usage` exactly (modalities are parts of the fresh input, cached audio part of the cached tokens,
  image and audio output parts of the output).
- Tiers: `Tier(start=200000)` means "prompt over 200,000", cache reads included, and the tier rate
  applies to the whole request. That is our rule; the boundary tests below pin it on both sides.
- Prices carry start dates (`StartDateConstraint`): every call here passes a fixed timestamp.

Scope: every model of provider "google" whose id starts with `gemini-`. The provider also lists
Anthropic's Claude models sold on Vertex AI and the open Gemma models: not the Gemini API, not ours.

Differences that remain (KNOWN_DIFFERENCES, asserted to be exactly what is observed):
- `storage`: genai-prices has no cache-storage (per token-hour) unit at all; ours bills it per DESIGN.
- `grounding_allowance`: genai-prices prices every web search at the per-1,000 figure (which agrees)
  with no free allowance; ours applies the family's allowance (REFERENCE.md).
- `grounding_unit`: Gemini 2.x bills per grounded prompt (REFERENCE.md), genai-prices per search query.
- `context_window` on 2.5 Flash-Lite and 2.0 Flash: REFERENCE.md's 1,048,576 over the data's 1,000,000.
- `output_video`: the Omni models price video output; our card has no video output (we refuse it).

Batch, Flex and Priority (issue 18): the card carries the data's `price_variants` whole and dated, so
every variant the data has is priced exactly as `calc_price` with that `price_context` prices it
(tested below on every model, question by question); a tier the data has no variant for is priced
only from a sourced overlay factor, else refused (`TierNotPublished`), never at the standard price.

Behaviour (not rate data) that differs, tested below: where a model has no price for something, ours
refuses (UnsupportedFeature) while genai-prices prices it silently: output tokens on
gemini-embedding-001 cost $0 there, and cache reads on gemini-2.0-flash-lite are billed as plain input.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal as D
from typing import Any

import genai_prices
import pytest
from genai_prices.data_snapshot import get_snapshot
from genai_prices.types import TieredPrices

from pricing import InvalidQuery, PriceBook, TierNotPublished, UnsupportedFeature, Usage, estimate, load_card, parse_query
from pricing.genai_source import PRICE_ATTRS, in_scope
from pricing.models import DataProvider
from pricing.providers import find_provider, priced_through

TS = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
TODAY = TS.date()


def _google() -> dict[str, Any]:
    provider = next(p for p in get_snapshot().providers if p.id == "google")
    return {m.id: m for m in provider.models}


ALL_GOOGLE = _google()
THEIRS = {i: m for i, m in ALL_GOOGLE.items() if in_scope(i)}

_WITH_STORAGE = (
    "gemini-3.1-pro-preview",
    "gemini-3-pro-preview",
    "gemini-3-flash-preview",
    "gemini-2.5-pro",
    "gemini-2.5-flash",
    "gemini-2.5-flash-lite",
    "gemini-2.0-flash",
)
_PER_PROMPT = ("gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-flash-preview", "gemini-2.0-flash")


def _with_allowance(book: PriceBook) -> list[str]:
    return [m.id for m in book.card.models if m.grounding and book.card.grounding[m.grounding].allowance > 0]


def known_differences(book: PriceBook) -> dict[tuple[str, str], str]:
    return {
        **{(m, "storage"): "genai-prices has no cache-storage (per token-hour) price" for m in _WITH_STORAGE},
        **{
            (m, "grounding_allowance"): "genai-prices bills every search; ours applies the family's free allowance"
            for m in _with_allowance(book)
        },
        **{
            (m, "grounding_unit"): "Gemini 2.x bills per grounded prompt; genai-prices counts search queries"
            for m in _PER_PROMPT
        },
        **{
            (m, "context_window"): "REFERENCE.md (G1) gives 1,048,576; the data rounds to 1,000,000"
            for m in ("gemini-2.5-flash-lite", "gemini-2.0-flash")
        },
        **{
            (m, "output_video"): "video output is not on our card (refused, never $0)"
            for m in ("gemini-omni-1.1-flash", "gemini-omni-flash-preview")
        },
    }


def test_scope_is_every_gemini_model_and_nothing_else_is_google_s_gemini_api() -> None:
    out_of_scope = {i for i in ALL_GOOGLE if not in_scope(i)}
    assert all(i.startswith(("claude-", "gemma-")) for i in out_of_scope), sorted(out_of_scope)
    assert len(THEIRS) >= 43


def test_every_gemini_model_in_the_data_is_on_the_card(book: PriceBook) -> None:
    # fails when a genai-prices release adds a model the card cannot carry
    assert sorted(m.id for m in book.card.models) == sorted(THEIRS)


# --- rate data, side by side ---------------------------------------------------------------------


def _their_price(price: Any) -> tuple[D, ...] | None:
    if price is None:
        return None
    if isinstance(price, TieredPrices):
        assert len(price.tiers) == 1
        return (price.base, price.tiers[0].price)
    return (price,)


def _our_price(price: Any, tiered_model: bool) -> tuple[D, ...] | None:
    if price is None:
        return None
    if hasattr(price, "usd"):
        return (price.usd,)
    if price.long_context is None:
        return (price.standard,)
    if price.long_context == price.standard and tiered_model:
        return (price.standard,) if not tiered_model else (price.standard, price.long_context)
    return (price.standard, price.long_context)


def rate_differences(book: PriceBook) -> dict[tuple[str, str], tuple[object, object]]:
    """Every (model, field) where our card and genai-prices' data say different things on TODAY."""
    diffs: dict[tuple[str, str], tuple[object, object]] = {}
    for card_model in book.card.models:
        model = card_model.on(TODAY)
        info = THEIRS[model.id]
        mp = info.get_prices(TS)
        pairs: dict[str, tuple[object, object]] = {}
        for field, attr in PRICE_ATTRS.items():
            theirs = _their_price(getattr(mp, attr, None))
            ours = _our_price(getattr(model, field), model.has_tiers)
            if theirs is not None and len(theirs) == 1 and ours is not None and len(ours) == 2 and ours[0] == ours[1]:
                ours = ours[:1]  # a flat price on a tiered model is both tiers
            pairs[field] = (ours, theirs)
        pairs["storage"] = ((model.storage.usd,) if model.storage else None, None)
        pairs["output_video"] = (None, getattr(mp, "output_video_mtok", None))
        pairs["context_window"] = (model.context_window, info.context_window or model.context_window)
        plan = book.card.grounding[model.grounding] if model.grounding else None
        their_search = mp.web_searches_kcount
        pairs["grounding_price"] = (plan.price_per_1000 if plan else None, their_search)
        if plan is not None:
            pairs["grounding_allowance"] = (plan.allowance, 0 if their_search is not None else None)
            pairs["grounding_unit"] = (plan.unit, "query" if their_search is not None else None)
        for name, (ours, theirs) in pairs.items():
            if ours != theirs:
                diffs[(model.id, name)] = (ours, theirs)
    return diffs


def test_remaining_differences_are_exactly_the_known_ones(book: PriceBook) -> None:
    observed = rate_differences(book)
    known = known_differences(book)
    assert set(observed) == set(known), {k: observed.get(k) for k in set(observed) ^ set(known)}


def test_token_rates_agree_for_every_model(book: PriceBook) -> None:
    observed = rate_differences(book)
    token_fields = {*PRICE_ATTRS, "grounding_price"}
    assert {k: v for k, v in observed.items() if k[1] in token_fields} == {}


# --- totals --------------------------------------------------------------------------------------


def their_total(model_id: str, prompt: int, cached: int, output: int) -> D:
    result = genai_prices.calc_price(
        genai_prices.Usage(input_tokens=prompt, cache_read_tokens=cached, output_tokens=output),
        model_id,
        provider_id="google",
        genai_request_timestamp=TS,
    )
    assert result.model.id == model_id  # matched the same model, not a look-alike
    return result.total_price


def _random_usages(book: PriceBook, count: int, seed: int) -> list[tuple[str, int, int, int]]:
    rng = random.Random(seed)
    models = list(book.card.models)
    out: list[tuple[str, int, int, int]] = []
    for i in range(count):
        model = models[i % len(models)]
        window = model.context_window or 1_048_576
        kind = rng.random()
        if window <= 200_010:
            prompt = rng.randint(1, window)
        elif kind < 0.4:
            prompt = rng.randint(1, 200_000)
        elif kind < 0.6:
            prompt = rng.randint(199_990, 200_010)  # around the tier boundary
        else:
            prompt = rng.randint(200_001, window)  # long context
        cached = 0
        if model.cached_input is not None and rng.random() < 0.6:
            cached = rng.choice([rng.randint(0, prompt), prompt, prompt // 2])
        output = rng.randint(0, 120_000) if model.output is not None and rng.random() < 0.9 else 0
        out.append((model.id, prompt, cached, output))
    return out


@pytest.fixture(scope="module")
def random_usages(book: PriceBook) -> list[tuple[str, int, int, int]]:
    usages = _random_usages(book, 600, seed=20261128)
    assert len({u[0] for u in usages}) == len(book.card.models)
    assert sum(1 for _, prompt, _, _ in usages if prompt > 200_000) >= 100
    return usages


def test_totals_equal_on_random_usages(book: PriceBook, random_usages: list[tuple[str, int, int, int]]) -> None:
    mismatches = []
    for model_id, prompt, cached, output in random_usages:
        ours = estimate(
            book,
            Usage(input_tokens=prompt, cached_tokens=cached, output_tokens=output),
            book.get(model_id),
            today=TODAY,
        ).total
        theirs = their_total(model_id, prompt, cached, output)
        if ours != theirs:
            mismatches.append((model_id, prompt, cached, output, ours, theirs))
    assert mismatches == []


def test_request_counts_are_whole_requests_in_theirs_too(book: PriceBook) -> None:
    # ours: 7 x the whole request; theirs priced once and multiplied (tier stays per request)
    for model_id in ("gemini-3.1-pro-preview", "gemini-2.5-pro", "gemini-2.5-flash"):
        ours = estimate(
            book,
            Usage(input_tokens=300_000, cached_tokens=100_000, output_tokens=5_000, requests=7),
            book.get(model_id),
        ).total
        assert ours == 7 * their_total(model_id, 300_000, 100_000, 5_000)


@pytest.mark.parametrize(
    ("model_id", "prompt", "cached", "output", "total"),
    [
        # 200,000 is standard on both sides: 200k x $2.00 + 10k x $12.00
        ("gemini-3.1-pro-preview", 200_000, 0, 10_000, D("0.52")),
        # 200,001 is long context on both sides: 200,001 x $4.00 + 10k x $18.00
        ("gemini-3.1-pro-preview", 200_001, 0, 10_000, D("0.980004")),
        # cache reads count toward the threshold on both sides: 150k x $4.00 + 60k x $0.40
        ("gemini-3.1-pro-preview", 210_000, 60_000, 0, D("0.624")),
        # 2.5 Pro: 200k x $1.25 = $0.25; 200,001 x $2.50 = $0.5000025
        ("gemini-2.5-pro", 200_000, 0, 0, D("0.25")),
        ("gemini-2.5-pro", 200_001, 0, 0, D("0.5000025")),
    ],
)
def test_tier_boundary_semantics_agree(
    book: PriceBook, model_id: str, prompt: int, cached: int, output: int, total: D
) -> None:
    ours = estimate(
        book, Usage(input_tokens=prompt, cached_tokens=cached, output_tokens=output), book.get(model_id)
    ).total
    assert ours == their_total(model_id, prompt, cached, output) == total


def test_their_tier_starts_are_200000_meaning_over_200000() -> None:
    tiers = THEIRS["gemini-3.1-pro-preview"].get_prices(TS).input_mtok.tiers
    assert [t.start for t in tiers] == [200_000]


# --- every token kind the data prices, on every model, on dates either side of price changes --------

#: card field -> (our Usage fields, genai-prices Usage fields) for a prompt P and an output O.
KIND_USAGES = {
    "input": (lambda p, o: {"input_tokens": p}, lambda p, o: {"input_tokens": p}),
    "output": (lambda p, o: {"input_tokens": p, "output_tokens": o}, lambda p, o: {"input_tokens": p, "output_tokens": o}),
    "cached_input": (
        lambda p, o: {"input_tokens": p, "cached_tokens": p // 2},
        lambda p, o: {"input_tokens": p, "cache_read_tokens": p // 2},
    ),
    "input_audio": (
        lambda p, o: {"input_tokens": p, "audio_input_tokens": p // 3},
        lambda p, o: {"input_tokens": p, "input_audio_tokens": p // 3},
    ),
    "cached_audio": (
        lambda p, o: {"input_tokens": p, "cached_tokens": p // 2, "cached_audio_tokens": p // 4},
        # genai-prices wants the audio total stated: cached audio is part of the audio (and of the cache)
        lambda p, o: {"input_tokens": p, "cache_read_tokens": p // 2, "input_audio_tokens": p // 4, "cache_audio_read_tokens": p // 4},
    ),
    "input_image": (
        lambda p, o: {"input_tokens": p, "image_input_tokens": p // 3},
        lambda p, o: {"input_tokens": p, "input_image_tokens": p // 3},
    ),
    "input_video": (
        lambda p, o: {"input_tokens": p, "video_input_tokens": p // 3},
        lambda p, o: {"input_tokens": p, "input_video_tokens": p // 3},
    ),
    "output_image": (
        lambda p, o: {"input_tokens": p, "output_tokens": o, "image_output_tokens": o // 2},
        lambda p, o: {"input_tokens": p, "output_tokens": o, "output_image_tokens": o // 2},
    ),
    "output_audio": (
        lambda p, o: {"input_tokens": p, "output_tokens": o, "audio_output_tokens": o // 2},
        lambda p, o: {"input_tokens": p, "output_tokens": o, "output_audio_tokens": o // 2},
    ),
}
DATES = (dt.date(2026, 11, 15), TODAY, dt.date(2027, 1, 2))


def test_kind_table_covers_every_price_the_card_takes_from_the_data() -> None:
    assert set(KIND_USAGES) == set(PRICE_ATTRS)


def test_every_priced_token_kind_equals_calc_price_on_every_model(book: PriceBook) -> None:
    checked, mismatches = 0, []
    for model in book.card.models:
        info = THEIRS[model.id]
        window = model.context_window or 1_048_576
        prompts = [min(6_000, window)]
        if model.has_tiers and window > 300_000:
            prompts.append(300_000)  # long context
        for day in DATES:
            when = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
            their_prices = info.get_prices(when)
            for field, attr in PRICE_ATTRS.items():
                if getattr(their_prices, attr, None) is None:
                    continue
                ours_of, theirs_of = KIND_USAGES[field]
                for prompt in prompts:
                    ours = estimate(book, Usage(**ours_of(prompt, 4_000)), model, today=day).total
                    result = genai_prices.calc_price(
                        genai_prices.Usage(**theirs_of(prompt, 4_000)), model.id, provider_id="google", genai_request_timestamp=when
                    )
                    assert result.model.id == model.id
                    checked += 1
                    if ours != result.total_price:
                        mismatches.append((model.id, field, day, prompt, ours, result.total_price))
    assert mismatches == []
    assert checked > 400


def test_argon_price_change_applies_on_its_day(book: PriceBook) -> None:
    argon = book.get("gemini-4-argon")
    usage = Usage(input_tokens=500_000, output_tokens=20_000)
    # 500k x $4 + 20k x $20 from 2026-12-01; 500k x $2 + 20k x $10 before
    assert estimate(book, usage, argon, today=TODAY).total == D("2.40")
    assert estimate(book, usage, argon, today=dt.date(2026, 11, 15)).total == D("1.20")
    assert estimate(book, usage, argon, today=dt.date(2026, 11, 30)).total == D("1.20")
    assert estimate(book, usage, argon, today=dt.date(2026, 12, 1)).total == D("2.40")


def test_rates_as_of_is_never_older_than_the_change_in_force(book: PriceBook) -> None:
    """"Rates as of Oct 7" under Argon's Dec 1 price would read as the rates from before the change."""
    argon = book.get("gemini-4-argon")
    usage = Usage(input_tokens=500_000, output_tokens=20_000)
    assert book.card.as_of < dt.date(2026, 12, 1)
    assert estimate(book, usage, argon, today=TODAY).rates_as_of == dt.date(2026, 12, 1)
    assert estimate(book, usage, argon, today=dt.date(2026, 11, 15)).rates_as_of == book.card.as_of
    assert estimate(book, usage, book.get("gemini-2.5-flash"), today=TODAY).rates_as_of == book.card.as_of


# --- behaviour that differs where a price is missing ---------------------------------------------


def test_output_on_embeddings_is_refused_here_and_free_there(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature):
        estimate(book, Usage(input_tokens=1_000_000, output_tokens=1_000), book.get("gemini-embedding-001"))
    # theirs: 1M x $0.15 + 1k output x $0 (no output price)
    assert their_total("gemini-embedding-001", 1_000_000, 0, 1_000) == D("0.15")


def test_cache_on_2_0_flash_lite_is_refused_here_and_billed_as_input_there(book: PriceBook) -> None:
    with pytest.raises(UnsupportedFeature):
        estimate(book, Usage(input_tokens=1_000_000, cached_tokens=800_000), book.get("gemini-2.0-flash-lite"))
    # theirs: no cache price, so all 1M at $0.075
    assert their_total("gemini-2.0-flash-lite", 1_000_000, 800_000, 0) == D("0.075")


def test_more_cached_than_input_is_an_error_on_both_sides() -> None:
    with pytest.raises(InvalidQuery):
        Usage(input_tokens=100, cached_tokens=200)
    with pytest.raises(ValueError):
        their_total("gemini-3.1-pro-preview", 100, 200, 0)


# --- the questions people ask, on every model and every tier the data prices (issue 18) -------------

#: Our tier word -> genai-prices' price context for it.
TIER_CONTEXT = {"batch": {"processing": "batch"}, "flex": {"service_tier": "flex"}, "priority": {"service_tier": "priority"}}
#: The questions, with the genai-prices usage each one is.
QUESTIONS = {
    "5k in 1k out on {id}": {"input_tokens": 5_000, "output_tokens": 1_000},
    "300k in, 200k cached, 2k out on {id}": {"input_tokens": 300_000, "cache_read_tokens": 200_000, "output_tokens": 2_000},
}


def _asks(model: Any, question: str) -> bool:
    """Whether the question is one the model can be asked (it prices what the question uses)."""
    if "cached" in question:
        return model.cached_input is not None and (model.context_window or 1_048_576) >= 300_000
    return model.output is not None


def _answer(book: PriceBook, text: str, day: dt.date = TODAY) -> D:
    query = parse_query(text, book)
    assert query.intent == "estimate" and query.usage is not None, text
    return estimate(book, query.usage, query.model, today=day).total


def _theirs(model_id: str, usage: dict[str, int], day: dt.date, context: dict[str, str] | None = None) -> D:
    result = genai_prices.calc_price(
        genai_prices.Usage(**usage), model_id, provider_id="google",
        genai_request_timestamp=dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC), price_context=context,
    )  # fmt: skip
    assert result.model.id == model_id
    return result.total_price


def test_every_model_s_questions_equal_calc_price(book: PriceBook) -> None:
    checked, mismatches = 0, []
    for model in book.card.models:
        for question, usage in QUESTIONS.items():
            if not _asks(model, question):
                continue
            text = question.format(id=model.id)
            ours, theirs = _answer(book, text), _theirs(model.id, usage, TODAY)
            checked += 1
            if ours != theirs:
                mismatches.append((text, ours, theirs))
    assert mismatches == []
    assert checked >= 50


def _data_tiers(model_id: str, day: dt.date) -> set[str]:
    """The tiers genai-prices has a price variant in effect for on ``day``."""
    tiers = set()
    for variant in THEIRS[model_id].price_variants or []:
        if variant.constraint is None or variant.constraint.start_date <= day:
            tiers |= {t for t, context in TIER_CONTEXT.items() if variant.when == context}
    return tiers


@pytest.mark.parametrize("day", [TODAY, dt.date(2026, 11, 15), dt.date(2027, 1, 2)])
def test_every_data_variant_asked_with_its_tier_word_equals_calc_price(book: PriceBook, day: dt.date) -> None:
    checked, mismatches = 0, []
    for model in book.card.models:
        for tier in sorted(_data_tiers(model.id, day)):
            for question, usage in QUESTIONS.items():
                if not _asks(model, question):
                    continue
                text = f"{question.format(id=model.id)} {tier}"
                ours, theirs = _answer(book, text, day), _theirs(model.id, usage, day, TIER_CONTEXT[tier])
                checked += 1
                if ours != theirs:
                    mismatches.append((text, day, ours, theirs))
    assert mismatches == []
    assert checked >= 25


def test_the_issue_s_batch_figure_is_the_data_s() -> None:
    # 2.5 Pro batch, long context: 100k x $1.25 + 200k cached x $0.25 (not halved) + 2k x $7.50 = $0.19
    # (the old blanket 50% answered $0.165)
    book = PriceBook(load_card())
    assert _answer(book, "300k in, 200k cached, 2k out on gemini-2.5-pro batch") == D("0.19")
    assert _theirs("gemini-2.5-pro", QUESTIONS["300k in, 200k cached, 2k out on {id}"], TODAY, TIER_CONTEXT["batch"]) == D("0.19")


def test_a_tier_neither_the_data_nor_a_sourced_factor_prices_is_refused(book: PriceBook) -> None:
    refused = 0
    for model in book.card.models:
        if not _asks(model, "5k in 1k out"):
            continue
        for tier in TIER_CONTEXT:
            if tier in model.tiers_priced(TODAY):
                continue
            with pytest.raises(TierNotPublished) as exc:
                _answer(book, f"5k in 1k out on {model.id} {tier}")
            assert exc.value.params["tier"] == tier
            refused += 1
    assert refused > 20
    # and every tier we price without the data's figures has a sourced factor on the card
    for model in book.card.models:
        for variant in model.variants:
            if variant.multiplier is not None:
                assert variant.source in book.card.sources and variant.tier not in _data_tiers(model.id, dt.date.max)


def test_argon_batch_is_priced_on_its_own_dates(book: PriceBook) -> None:
    # the data's Argon batch prices: $1 in / $5 out from 2026-10-14, $2 / $10 from 2026-12-01
    text = "5k in 1k out on gemini-4-argon batch"
    # 5k x $1 + 1k x $5 = $0.01 on 2026-11-15; 5k x $2 + 1k x $10 = $0.02 today
    assert _answer(book, text, dt.date(2026, 11, 15)) == D("0.01") == _theirs(
        "gemini-4-argon", QUESTIONS["5k in 1k out on {id}"], dt.date(2026, 11, 15), TIER_CONTEXT["batch"])
    assert _answer(book, text, TODAY) == D("0.02") == _theirs(
        "gemini-4-argon", QUESTIONS["5k in 1k out on {id}"], TODAY, TIER_CONTEXT["batch"])
    argon = book.get("gemini-4-argon")
    usage = Usage(input_tokens=5_000, output_tokens=1_000, batch=True)
    assert estimate(book, usage, argon, today=dt.date(2026, 11, 15)).rates_as_of == dt.date(2026, 10, 14)
    assert estimate(book, usage, argon, today=TODAY).rates_as_of == dt.date(2026, 12, 1)
    # before the first batch figure the data holds, batch is not published (its history is not modelled)
    with pytest.raises(TierNotPublished):
        estimate(book, usage, argon, today=dt.date(2026, 10, 1))


# --- third-party providers from the data (issue 18) -----------------------------------------------


def _through(book: PriceBook, text: str, day: dt.date = TODAY) -> D:
    query = parse_query(text, book)
    assert query.usage is not None and query.model is not None and query.provider is not None
    key, provider = find_provider(book, query.provider)
    assert isinstance(provider, DataProvider)
    return estimate(book, query.usage, priced_through(query.model, key, provider, day), today=day).total


@pytest.mark.parametrize(
    ("text", "provider", "ref", "total"),
    [
        # 5k x $1.70 + 1k x $10.20 (15% under Google's $0.022)
        ("5k in 1k out on gemini-3.1-pro-preview via quicksilverpro", "quicksilverpro", "gemini-3.1-pro-preview", D("0.0187")),
        # 5k x $1.25 + 1k x $10.00, OpenRouter passing Google's rates through
        ("5k in 1k out on gemini-2.5-pro via openrouter", "openrouter", "google/gemini-2.5-pro", D("0.01625")),
    ],
)
def test_the_issue_s_provider_figures_equal_calc_price(book: PriceBook, text: str, provider: str, ref: str, total: D) -> None:
    theirs = genai_prices.calc_price(
        genai_prices.Usage(input_tokens=5_000, output_tokens=1_000), ref, provider_id=provider, genai_request_timestamp=TS
    ).total_price
    assert _through(book, text) == theirs == total


def test_every_model_every_data_provider_sells_equals_calc_price(book: PriceBook) -> None:
    checked, mismatches = 0, []
    for key, provider in book.data_providers.items():
        for model_id, sold in provider.models.items():
            model = book.get(model_id)
            for day in (dt.date(2026, 10, 1), TODAY):
                when = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
                for question, usage in QUESTIONS.items():
                    priced = priced_through(model, key, provider, day)
                    if not _asks(priced, question):
                        continue
                    ours = _through(book, f"{question.format(id=model_id)} via {key}", day)
                    theirs = genai_prices.calc_price(
                        genai_prices.Usage(**usage), sold.ref, provider_id=key, genai_request_timestamp=when
                    ).total_price
                    checked += 1
                    if ours != theirs:
                        mismatches.append((key, model_id, day, question, ours, theirs))
    assert mismatches == []
    assert checked > 60
