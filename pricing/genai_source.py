"""The shipped rate card, built from the genai-prices database merged with our overlay.

genai-prices (pinned in pyproject.toml) carries every Google model's token prices, tiers, dated price
changes, batch prices and context windows. Our overlay (``pricing/rates.toml``) carries only what that
data lacks: grounding allowances and units, cache storage, free-tier facts, lifecycle (status, successor,
shutdown), tokens per generated image, context windows where missing, names people say, and sources.

The merge is strict, so a disagreement shows up in the tests rather than at answer time: an overlay
value for something the data also states must be equal, unless the overlay lists it under
``corrects`` with the reason the data is wrong; an overlay entry for a model the data does not have is
refused. The result is validated whole, exactly as an imported or stored card is.

Layering: this module sits below `pricing.ratecard` (which loads the shipped card through `build_card`)
and `pricing.model_names` (which reads the data's match rules through `google_models`); it validates with
`pricing.models.parse_card`, so it imports neither of them.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from pydantic import ValidationError

from .errors import RateCardError
from .models import FLAT_PRICE_FIELDS, DataProvider, RateCard, parse_card

if TYPE_CHECKING:
    from genai_prices.types import ModelInfo, ModelPrice, TieredPrices
    from genai_prices.types import Provider as DataProviderInfo

__all__ = [
    "OVERLAY_PATH",
    "DATA_SOURCE",
    "PROVIDER",
    "in_scope",
    "google_models",
    "data_providers",
    "shipped_data_providers",
    "build_data_providers",
    "read_overlay",
    "build_card_data",
    "build_card",
]

OVERLAY_PATH = Path(__file__).with_name("rates.toml")
#: Id of the card source that every figure taken from genai-prices names.
DATA_SOURCE = "genai-prices"
PROVIDER = "google"

#: Our card field -> genai-prices `ModelPrice` attribute.
PRICE_ATTRS: dict[str, str] = {
    "input": "input_mtok",
    "output": "output_mtok",
    "cached_input": "cache_read_mtok",
    "input_audio": "input_audio_mtok",
    "cached_audio": "cache_audio_read_mtok",
    "input_image": "input_image_mtok",
    "input_video": "input_video_mtok",
    "output_image": "output_image_mtok",
    "output_audio": "output_audio_mtok",
}

#: Overlay keys that only the overlay can give (the data has nothing to say about them).
OVERLAY_ONLY = {
    "name",
    "family",
    "successor",
    "shutdown",
    "storage",
    "grounding",
    "free_tier",
    "aliases",
    "output_image_tokens",
    "tiers",
}
#: Overlay keys the data may also state: equal, or listed under `corrects` with a reason.
OVERLAY_CHECKED = {"status", "context_window"}
#: genai-prices' price-variant conditions -> our service tier.
VARIANT_TIERS: dict[tuple[tuple[str, str], ...], str] = {
    (("processing", "batch"),): "batch",
    (("service_tier", "flex"),): "flex",
    (("service_tier", "priority"),): "priority",
}


def in_scope(model_id: str) -> bool:
    """Gemini API models. The google provider also lists Anthropic's models sold on Vertex AI and the
    open Gemma models, which are not what this bot prices."""
    return model_id.startswith("gemini-")


def google_models(snapshot: Any = None) -> list[ModelInfo]:
    """The in-scope models of provider "google" in ``snapshot`` (default: the current genai-prices data)."""
    if snapshot is None:
        from genai_prices.data_snapshot import get_snapshot

        snapshot = get_snapshot()
    provider = next((p for p in snapshot.providers if p.id == PROVIDER), None)
    if provider is None:
        raise RateCardError("genai-prices data has no google provider")
    return [m for m in provider.models if in_scope(m.id)]


def data_providers(snapshot: Any = None) -> list[DataProviderInfo]:
    """The data's other providers (OpenRouter, QuickSilver Pro, GitHub Copilot ...): every provider but
    Google that sells a Gemini model."""
    if snapshot is None:
        from genai_prices.data_snapshot import get_snapshot

        snapshot = get_snapshot()
    return [p for p in snapshot.providers if p.id != PROVIDER and any("gemini-" in m.id for m in p.models)]


def read_overlay(path: Path = OVERLAY_PATH) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh, parse_float=Decimal)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RateCardError(f"cannot read rate card overlay {path}: {exc}") from exc


def build_card(
    overlay: dict[str, Any] | None = None,
    models: Iterable[ModelInfo] | None = None,
    *,
    today: dt.date | None = None,
) -> RateCard:
    """The whole card, validated. ``today`` decides which of the data's dated prices are "current"
    (earlier ones are kept as `earlier`, later ones as `scheduled`, so answers do not depend on it)."""
    data = build_card_data(
        read_overlay() if overlay is None else overlay,
        google_models() if models is None else list(models),
        today=today or dt.date.today(),
    )
    return parse_card(data)


# --- the merge -------------------------------------------------------------------------------------


def build_card_data(overlay: dict[str, Any], models: list[ModelInfo], *, today: dt.date) -> dict[str, Any]:
    """Card data (the shape `parse_card` validates) from the data's models and the overlay."""
    overlay = dict(overlay)
    per_model: dict[str, dict[str, Any]] = dict(overlay.pop("models", {}))
    families: dict[str, dict[str, Any]] = overlay.pop("families", {})
    defaults: dict[str, Any] = overlay.pop("defaults", {})
    sources = dict(overlay.get("sources", {}))
    if DATA_SOURCE not in sources:
        raise RateCardError(f"the overlay must describe source {DATA_SOURCE!r} (the genai-prices data it was checked with)")
    data_as_of: dt.date = sources[DATA_SOURCE]["as_of"]
    known = {m.id for m in models}
    stray = sorted(set(per_model) - known)
    if stray:
        raise RateCardError(f"overlay entries for models genai-prices does not have: {stray}")
    grounding = dict(overlay.get("grounding", {}))
    cards = []
    for info in sorted(models, key=lambda m: m.id):
        extra = dict(per_model.get(info.id, {}))
        card = _model_data(info, extra, families, defaults, grounding, today=today, as_of=data_as_of)
        cards.append(card)
    return {**overlay, "sources": sources, "grounding": grounding, "models": cards}


# --- third-party providers in the data -------------------------------------------------------------
#
# Not part of the versioned card: they are the data's figures, not Google's rates, and admins do not
# edit them (their resellers are on the card). They come with the installed data, like the name rules,
# so a card stored by an earlier release prices `via openrouter` too; and the card that `admin export`
# shows in Slack stays the size of Google's rates.


@lru_cache(maxsize=1)
def shipped_data_providers() -> dict[str, DataProvider]:
    """Every provider in the installed data that sells Gemini models, by id, its models by our id."""
    as_of: dt.date = read_overlay()["sources"][DATA_SOURCE]["as_of"]
    return build_data_providers(google_models(), data_providers(), as_of=as_of)


def build_data_providers(
    models: list[ModelInfo], providers: list[DataProviderInfo], *, as_of: dt.date
) -> dict[str, DataProvider]:
    """The data's providers that sell any of ``models``, validated (a shape we cannot price fails here)."""
    known = {m.id for m in models}
    figure = {"source": DATA_SOURCE, "as_of": as_of}
    out: dict[str, DataProvider] = {}
    for info in providers:
        data = _data_provider(info, known, figure, {m.id: m for m in models})
        if data["models"]:
            try:
                out[info.id] = DataProvider.model_validate(data)
            except ValidationError as exc:
                raise RateCardError(f"provider {info.id}: {exc}") from exc
    return out

#: Price units a provider lists that our questions never bill: explicit cache writes (Gemini's
#: implicit caching has none; Google bills cache storage instead, which no provider in the data prices).
_NOT_BILLED = {"cache_write_mtok"}


def _data_provider(
    info: DataProviderInfo, known: set[str], figure: dict[str, Any], google: dict[str, ModelInfo]
) -> dict[str, Any]:
    """A provider's Gemini models, keyed by our model id: its id for the model exactly (with or without
    a ``google/`` prefix), else the model Google's own match rules take its id for; its ``...:batch``
    id is the batch offer of the same model. Free, experimental and alias ids (``:free``,
    ``:thinking``, ``~google/...``) are not the model as sold and are left out."""
    exact: dict[str, Any] = {}
    matched: dict[str, Any] = {}
    batch: dict[str, Any] = {}
    for model in info.models:
        ref = model.id
        if ref.startswith("~"):
            continue
        base, _, suffix = ref.removeprefix("google/").partition(":")
        if suffix and suffix != "batch":
            continue
        if base in known:
            target = batch if suffix else exact
            if base not in target or ref.startswith("google/"):
                target[base] = model
        elif not suffix:
            found = next((i for i, g in google.items() if i in known and g.is_match(base)), None)
            if found is not None and (found not in matched or ref.startswith("google/")):
                matched[found] = model
    models: dict[str, Any] = {}
    for model_id in sorted(set(exact) | set(matched)):
        model = exact.get(model_id) or matched[model_id]
        entry: dict[str, Any] = {"ref": model.id, "periods": _provider_periods(info.id, model, figure)}
        if model_id in batch:
            entry["batch"] = _provider_periods(info.id, batch[model_id], figure)
        models[model_id] = entry
    url = (info.pricing_urls or [""])[0]
    return {"name": info.name, "url": url, "source": DATA_SOURCE, "as_of": figure["as_of"], "models": models}


def _provider_periods(provider_id: str, model: ModelInfo, figure: dict[str, Any]) -> list[dict[str, Any]]:
    where = f"{provider_id} {model.id}"
    if getattr(model, "price_variants", None):
        raise RateCardError(f"{where}: price variants at a third-party provider are not supported")
    periods = []
    for start, prices in _periods(model):
        unknown = {k for k, v in prices.__dict__.items() if v is not None} - set(PRICE_ATTRS.values()) - _NOT_BILLED
        if unknown:
            raise RateCardError(f"{where}: prices {sorted(unknown)}, which the card cannot carry")
        threshold = _threshold(where, prices)
        period: dict[str, Any] = {"effective": start, "long_context_threshold": threshold}
        for field, attr in PRICE_ATTRS.items():
            price = getattr(prices, attr, None)
            if price is None:
                continue
            if field == "cached_audio":
                period[field] = {"usd": _usd(price), **figure}
            else:
                period[field] = _tiered(where, price, threshold) | figure
        periods.append(period)
    return periods


def _model_data(
    info: ModelInfo,
    extra: dict[str, Any],
    families: dict[str, dict[str, Any]],
    defaults: dict[str, Any],
    grounding: dict[str, Any],
    *,
    today: dt.date,
    as_of: dt.date,
) -> dict[str, Any]:
    model_id = info.id
    corrects: dict[str, str] = extra.pop("corrects", {})
    unknown = set(extra) - OVERLAY_ONLY - OVERLAY_CHECKED
    if unknown:
        raise RateCardError(f"{model_id}: the overlay may not set {sorted(unknown)} (genai-prices carries them)")
    periods = _periods(info)
    current_start, current = _current(periods, today)
    figure = {"source": DATA_SOURCE, "as_of": as_of}
    out: dict[str, Any] = {"id": model_id}
    threshold = _threshold(model_id, current)
    if threshold is not None:
        out["long_context_threshold"] = threshold
    for field, attr in PRICE_ATTRS.items():
        price = getattr(current, attr, None)
        if price is None:
            continue
        if field == "cached_audio":
            if _is_tiered(price):
                raise RateCardError(f"{model_id}: tiered cached audio prices are not supported")
            out[field] = {"usd": _usd(price), **figure}
        else:
            out[field] = _tiered(model_id, price, threshold) | figure
    if "input" not in out:
        raise RateCardError(f"{model_id}: genai-prices has no input price")
    earlier, scheduled = _dated(model_id, periods, current_start, current)
    if earlier:
        out["earlier"] = earlier
    if scheduled:
        out["scheduled"] = scheduled

    family = extra.get("family") or _family(model_id)
    family_facts = families.get(family, {})
    stated: dict[str, Any] = {
        # The data states only "deprecated"; preview / GA is read from the id when the overlay is silent.
        "status": "deprecated" if getattr(info, "deprecated", None) else None,
        "context_window": info.context_window,
    }
    for key in OVERLAY_CHECKED:
        theirs = stated[key]
        ours = extra.get(key)
        if key == "status" and ours == "shut_down" and theirs == "deprecated":
            theirs = ours  # shut down is where deprecated models end: no conflict
        if ours is not None and theirs is not None and ours != theirs and key not in corrects:
            raise RateCardError(
                f"{model_id}: overlay {key} = {ours} but genai-prices says {theirs}; "
                "make them agree or list the key under `corrects` with the reason"
            )
        value = ours if ours is not None else theirs
        if key == "status" and value is None:
            value = _status(model_id)
        if value is not None:
            out[key] = value
    for key in corrects:
        if key not in OVERLAY_CHECKED:
            raise RateCardError(f"{model_id}: `corrects` names {key!r}, which is not checked against the data")

    variants = _variants(info, threshold, figure)
    variants += _overlay_tiers(model_id, extra.get("tiers", {}), {v["tier"] for v in variants})
    if variants:
        out["variants"] = variants

    out["name"] = extra.get("name") or _name(info)
    out["family"] = family
    for key in ("successor", "shutdown", "storage", "aliases", "output_image_tokens"):
        if key in extra:
            out[key] = extra[key]
    out["free_tier"] = extra.get("free_tier") or defaults.get("free_tier")
    if out["free_tier"] is None:
        raise RateCardError(f"{model_id}: no free-tier facts and no default in the overlay")
    theirs_search = getattr(current, "web_searches_kcount", None)
    # A family's plan applies to the members that can search at all (the data prices their searches).
    plan_id = extra.get("grounding") or (family_facts.get("grounding") if theirs_search is not None else None)
    plan = _grounding(model_id, current, plan_id, grounding, out["name"], as_of)
    if plan is not None:
        out["grounding"] = plan
    return out


def _periods(info: ModelInfo) -> list[tuple[dt.date | None, ModelPrice]]:
    """(start date or None, prices) in the order genai-prices lists them."""
    from genai_prices.types import ModelPrice, StartDateConstraint

    if isinstance(info.prices, ModelPrice):
        return [(None, info.prices)]
    periods: list[tuple[dt.date | None, ModelPrice]] = []
    for conditional in info.prices:
        constraint = conditional.constraint
        if constraint is None:
            periods.append((None, conditional.prices))
        elif isinstance(constraint, StartDateConstraint):
            periods.append((constraint.start_date, conditional.prices))
        else:  # e.g. time-of-day windows: none at Google today, so refuse rather than guess
            raise RateCardError(f"{info.id}: unsupported price constraint {type(constraint).__name__}")
    starts = [s for s, _ in periods if s is not None]
    if starts != sorted(starts) or (len(periods) > 1 and periods[0][0] is not None and None in [s for s, _ in periods]):
        raise RateCardError(f"{info.id}: dated prices out of order")
    return periods


def _current(periods: list[tuple[dt.date | None, ModelPrice]], today: dt.date) -> tuple[dt.date | None, ModelPrice]:
    """genai-prices' rule by date: the last period started by ``today``; none started -> the first."""
    for start, prices in reversed(periods):
        if start is None or start <= today:
            return start, prices
    return periods[0]


def _price_fields(prices: ModelPrice) -> dict[str, Any]:
    return {field: getattr(prices, attr, None) for field, attr in PRICE_ATTRS.items()}


def _changes(model_id: str, before: ModelPrice, after: ModelPrice) -> dict[str, Decimal]:
    """Flat fields whose price differs between two periods (the values of ``after``)."""
    changed: dict[str, Decimal] = {}
    old, new = _price_fields(before), _price_fields(after)
    for field in FLAT_PRICE_FIELDS:
        if old[field] == new[field]:
            continue
        if old[field] is None or new[field] is None:
            raise RateCardError(f"{model_id}: {field} priced in one dated period and not in another")
        if _is_tiered(old[field]) or _is_tiered(new[field]):
            raise RateCardError(f"{model_id}: dated changes of tiered {field} prices are not supported")
        changed[field] = _usd(new[field])
    return changed


def _dated(
    model_id: str, periods: list[tuple[dt.date | None, ModelPrice]], current_start: dt.date | None, current: ModelPrice
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    earlier: list[dict[str, Any]] = []
    scheduled: list[dict[str, Any]] = []
    index = next(i for i, (s, p) in enumerate(periods) if s == current_start and p is current)
    for i, (_start, prices) in enumerate(periods[:index]):
        until = periods[i + 1][0]
        assert until is not None
        changed = _changes(model_id, current, prices)
        if changed:
            earlier.append({"until": until - dt.timedelta(days=1), **changed, "source": DATA_SOURCE})
    previous = current
    for start, prices in periods[index + 1 :]:
        assert start is not None
        changed = _changes(model_id, previous, prices)
        if changed:
            scheduled.append({"effective": start, **changed, "source": DATA_SOURCE})
        previous = prices
    return earlier, scheduled


_CENT = Decimal("0.01")


def _usd(value: Decimal) -> Decimal:
    """A price as Google's page writes it: at least two decimals (2 -> 2.00, 0.3 -> 0.30, 0.075 kept).
    Same value; keeps the stored card, audit diffs and exports reading like the page."""
    return value.quantize(_CENT) if value.as_tuple().exponent > -2 else value  # type: ignore[operator]


def _is_tiered(price: object) -> TypeGuard[TieredPrices]:
    from genai_prices.types import TieredPrices

    return isinstance(price, TieredPrices)


def _threshold(model_id: str, prices: ModelPrice) -> int | None:
    starts = set()
    for field in PRICE_ATTRS.values():
        price = getattr(prices, field, None)
        if _is_tiered(price):
            if len(price.tiers) != 1:
                raise RateCardError(f"{model_id}: more than one long-context tier is not supported")
            starts.add(price.tiers[0].start)
    if len(starts) > 1:
        raise RateCardError(f"{model_id}: tiers start at different prompt sizes {sorted(starts)}")
    return starts.pop() if starts else None


def _tiered(model_id: str, price: Any, threshold: int | None) -> dict[str, Any]:
    """A data price as our TieredPrice. Their `Tier(start=N)` means "prompt over N", as our threshold
    does; a flat price on a tiered model applies at any size, so it is also the long-context rate."""
    if _is_tiered(price):
        return {"standard": _usd(price.base), "long_context": _usd(price.tiers[0].price)}
    if threshold is not None:
        return {"standard": _usd(price), "long_context": _usd(price)}
    return {"standard": _usd(price)}


_VERSION = re.compile(r"^gemini-(?:live-|flash-|pro-)?(\d+)(?:\.(\d+))?")


def _family(model_id: str) -> str:
    """Gemini 3 and later group by major version (3, 3.1 ... 3.8 are one family, as Google's pages
    group them); earlier generations by major.minor; embeddings apart."""
    if "embedding" in model_id:
        return "embedding"
    found = _VERSION.match(model_id)
    if found is None:
        return "gemini-other"
    major, minor = int(found.group(1)), found.group(2)
    if major >= 3 or minor is None:
        return f"gemini-{major}"
    return f"gemini-{major}.{minor}"


def _status(model_id: str) -> str:
    return "preview" if "preview" in model_id else "ga"


def _name(info: ModelInfo) -> str:
    if info.name and info.name != info.name.lower():
        return info.name
    words = info.id.split("-")
    return " ".join(w.capitalize() if w.isalpha() else w for w in words)


def _variants(info: ModelInfo, threshold: int | None, figure: dict[str, Any]) -> list[dict[str, Any]]:
    """The data's price variants (Batch, Flex, Priority), in the data's order, each with its start date.

    Kept whole, dated, rather than reduced to one share of the standard rates: the data's batch cache
    rate is not halved on several models, and Argon's batch rates change on their own date.
    """
    from genai_prices.types import StartDateConstraint

    out: list[dict[str, Any]] = []
    for variant in getattr(info, "price_variants", None) or []:
        tier = VARIANT_TIERS.get(tuple(sorted(variant.when.items())))
        if tier is None:
            raise RateCardError(f"{info.id}: unsupported price variant {variant.when}")
        constraint = variant.constraint
        if constraint is not None and not isinstance(constraint, StartDateConstraint):
            raise RateCardError(f"{info.id}: unsupported price variant constraint {type(constraint).__name__}")
        data: dict[str, Any] = {"tier": tier, "source": DATA_SOURCE, "as_of": figure["as_of"]}
        if constraint is not None:
            data["effective"] = constraint.start_date
        for field, attr in PRICE_ATTRS.items():
            price = getattr(variant.prices, attr, None)
            if price is None:
                continue
            if field == "cached_audio":
                data[field] = {"usd": _usd(price), **figure}
            else:
                data[field] = _tiered(info.id, price, threshold) | figure
        unknown = {k for k, v in variant.prices.__dict__.items() if v is not None} - set(PRICE_ATTRS.values())
        if unknown:
            raise RateCardError(f"{info.id}: a {tier} variant prices {sorted(unknown)}, which the card cannot carry")
        out.append(data)
    return out


def _overlay_tiers(model_id: str, tiers: dict[str, Any], from_data: set[str]) -> list[dict[str, Any]]:
    """Blanket factors of the standard token rates the overlay gives, each with its source; only for a
    tier the data prices nowhere for this model (the data's own figures always win)."""
    out: list[dict[str, Any]] = []
    for tier, facts in tiers.items():
        if tier in from_data:
            raise RateCardError(f"{model_id}: the overlay gives a {tier} factor but genai-prices prices {tier} itself")
        out.append({"tier": tier, **facts})
    return out


def _grounding(
    model_id: str,
    current: ModelPrice,
    plan_id: str | None,
    plans: dict[str, Any],
    name: str,
    as_of: dt.date,
) -> str | None:
    """The model's grounding plan: the overlay's (its price checked against the data's), or, where the
    data prices searches and the overlay names no plan, one of the data's with no free allowance known."""
    theirs = getattr(current, "web_searches_kcount", None)
    if plan_id is not None:
        if plan_id not in plans:
            raise RateCardError(f"{model_id}: grounding plan {plan_id!r} is not in the overlay")
        ours = plans[plan_id]["price_per_1000"]
        if theirs is not None and ours != theirs:
            raise RateCardError(f"{model_id}: grounding plan {plan_id!r} costs {ours} per 1,000 but genai-prices says {theirs}")
        return plan_id
    if theirs is None:
        return None
    own = f"{model_id}-search"
    plans[own] = {
        "name": name,
        "allowance": 0,
        "period": "month",
        "price_per_1000": theirs,
        "unit": "query",
        "shared": False,
        "source": DATA_SOURCE,
        "as_of": as_of,
    }
    return own
