"""Admin edits of the rate card: pure functions from a card to a new, wholly re-validated card.

Each edit raises `AdminInputError` (a `PricingError`, so it renders like any other answer) when the
request is wrong; a card that would not validate is never returned, so nothing bad can be stored.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import PricingError, RateCardError
from .models import MAX_PRICE_DECIMALS, MAX_TOKEN_PRICE, MIN_NONZERO_PRICE, RateCard, model_words, parse_card
from .ratecard import MAX_ALIAS_WORDS, PriceBook

__all__ = [
    "AdminInputError",
    "PRICE_FIELDS",
    "parse_price",
    "set_price",
    "add_model",
    "set_alias",
    "set_free_tier",
    "set_fx",
    "card_to_json",
    "card_from_json",
    "export_json",
    "import_json",
    "check_aliases",
    "BASE_VERSION_KEY",
    "MAX_ALIAS_CHARS",
    "MAX_NAME_CHARS",
    "MAX_VERSION",
]

#: The export's note of the version it was taken from; an import is refused once the card moved on.
BASE_VERSION_KEY = "base_version"
#: Versions are stored as 32-bit integers (SQLite and PostgreSQL alike).
MAX_VERSION = 2**31 - 1
#: Longest alias in characters (a word count alone would let one 10,000-letter "word" through).
MAX_ALIAS_CHARS = 60
#: Longest model id or display name an admin may give (shown in every answer about the model).
MAX_NAME_CHARS = 80

#: `admin set` fields and the card attribute each edits.
PRICE_FIELDS = {
    "input": "input",
    "output": "output",
    "cached": "cached_input",
    "storage": "storage",
    "grounding": "grounding",
}


class AdminInputError(PricingError):
    """An admin command that cannot be applied; ``code`` says why, ``params`` the details."""

    code = "admin_input"


def parse_price(text: str) -> Decimal:
    """`2`, `2.50`, `$2.50`: a non-negative, not absurd USD figure."""
    try:
        value = Decimal(text.strip().removeprefix("$").replace(",", ""))
    except InvalidOperation:
        raise AdminInputError("not_a_price", value=text[:40]) from None
    if not value.is_finite():
        raise AdminInputError("not_a_price", value=text[:40])
    if value < 0:
        raise AdminInputError("negative_price", value=text[:40])
    if value > MAX_TOKEN_PRICE:
        raise AdminInputError("absurd_price", value=text[:40], limit=str(MAX_TOKEN_PRICE))
    if 0 < value < MIN_NONZERO_PRICE or -value.as_tuple().exponent > MAX_PRICE_DECIMALS:  # type: ignore[operator]
        raise AdminInputError("too_precise_price", value=text[:40], smallest=str(MIN_NONZERO_PRICE),
                              places=MAX_PRICE_DECIMALS)  # fmt: skip
    return value


def _dump(card: RateCard) -> dict[str, Any]:
    return card.model_dump(mode="python")


def _validated(data: dict[str, Any]) -> RateCard:
    try:
        return parse_card(data)
    except RateCardError as exc:
        raise AdminInputError("invalid_card", reason=_first_error(exc)) from None


def _rebuild(data: dict[str, Any]) -> RateCard:
    """A card an admin edit made: valid as a card, and every alias usable by the parser."""
    card = _validated(data)
    check_aliases(card)
    return card


def _first_error(exc: RateCardError) -> str:
    """The first failing field and why, from pydantic's report (its first line only counts errors)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return " ".join(lines[1:3] or lines[:1])[:300]


def check_aliases(card: RateCard) -> None:
    """Every alias the parser can use: some words, at most `MAX_ALIAS_WORDS` of them, printable, short.

    Checked on every admin path (alias, import, any edit), since the card model alone admits "" (which
    then cannot be indexed) and aliases long enough to make every question slow to parse.
    """
    for model in card.models:
        for alias in model.aliases:
            _check_alias(alias)


def _check_alias(alias: str) -> None:
    shown = alias[:40]
    if not model_words(alias):
        raise AdminInputError("empty_alias")
    if not alias.isprintable():
        raise AdminInputError("alias_not_printable", alias=shown.encode("unicode_escape").decode("ascii"))
    if len(model_words(alias)) > MAX_ALIAS_WORDS or len(alias) > MAX_ALIAS_CHARS:
        raise AdminInputError("alias_too_long", alias=shown, words=MAX_ALIAS_WORDS, chars=MAX_ALIAS_CHARS)


def _model_index(data: dict[str, Any], book: PriceBook, ref: str) -> int:
    model_id = book.resolve(ref).id  # UnknownModel with suggestions when it is not on the card
    return next(i for i, m in enumerate(data["models"]) if m["id"] == model_id)


def set_price(card: RateCard, ref: str, field: str, price: Decimal, *, long_context: bool, today: dt.date) -> RateCard:
    """`admin set MODEL FIELD PRICE [>200k]`: one figure, dated today, sourced to the admin."""
    if field not in PRICE_FIELDS:
        raise AdminInputError("unknown_field", field=field[:40], fields=", ".join(PRICE_FIELDS))
    book = PriceBook(card)
    data = _dump(card)
    model = data["models"][_model_index(data, book, ref)]
    attr = PRICE_FIELDS[field]
    if attr == "grounding":
        if long_context:
            raise AdminInputError("no_long_context", model=model["id"], field=field)
        plan_id = model["grounding"]
        if plan_id is None:
            raise AdminInputError("no_such_price", model=model["id"], field=field)
        data["grounding"][plan_id].update(price_per_1000=price, source="admin", as_of=today)
    elif attr == "storage":
        if long_context:
            raise AdminInputError("no_long_context", model=model["id"], field=field)
        model["storage"] = {"usd": price, "source": "admin", "as_of": today}
    else:
        current = model[attr]
        if long_context and model["long_context_threshold"] is None:
            raise AdminInputError("no_long_context", model=model["id"], field=field)
        if current is None:
            if long_context or model["long_context_threshold"] is not None:
                # a tiered model needs both rates at once: refuse rather than invent the other one
                raise AdminInputError("no_such_price", model=model["id"], field=field)
            current = {"standard": price, "long_context": None}
        key = "long_context" if long_context else "standard"
        model[attr] = {**current, key: price, "source": "admin", "as_of": today}
    _ensure_admin_source(data, today)
    return _rebuild(data)


def _ensure_admin_source(data: dict[str, Any], today: dt.date) -> None:
    data["sources"]["admin"] = {"title": "Set by an admin from Slack (see the audit history)", "url": "", "as_of": today}


def add_model(card: RateCard, new_id: str, like: str, *, name: str | None, today: dt.date) -> RateCard:
    """`admin add-model NEW_ID like EXISTING [name ...]`: a new model starting from another's rates."""
    for given in (new_id, name or ""):
        if len(given) > MAX_NAME_CHARS or not given.isprintable():
            raise AdminInputError("bad_name", name=given[:40].encode("unicode_escape").decode("ascii"), chars=MAX_NAME_CHARS)
    book = PriceBook(card)
    data = _dump(card)
    if any(m["id"] == new_id for m in data["models"]) or model_words(new_id) in book.names:
        raise AdminInputError("model_exists", model=new_id[:60])
    template = dict(data["models"][_model_index(data, book, like)])
    template.update(
        id=new_id,
        name=name or new_id,
        status="preview",
        successor=None,
        shutdown=None,
        aliases=(),
        scheduled=(),
    )
    data["models"] = [*data["models"], template]
    _ensure_admin_source(data, today)
    return _rebuild(data)


def set_alias(card: RateCard, alias: str, ref: str) -> RateCard:
    """`admin alias NAME MODEL`: make NAME mean MODEL (moving it from another model if needed)."""
    book = PriceBook(card)
    data = _dump(card)
    target = data["models"][_model_index(data, book, ref)]
    _check_alias(alias)
    words = model_words(alias)
    if any(model_words(m["id"]) == words for m in data["models"]):
        raise AdminInputError("alias_is_model", alias=alias[:60])
    for m in data["models"]:
        m["aliases"] = tuple(a for a in m["aliases"] if model_words(a) != words)
    target["aliases"] = (*target["aliases"], alias.strip().lower())
    return _rebuild(data)


def set_free_tier(
    card: RateCard, ref: str, *, available: bool | None, rpm: int | None, tpm: int | None, rpd: int | None, today: dt.date
) -> RateCard:
    """`admin free-tier MODEL yes|no|unknown [rpm N] [tpm N] [rpd N]`."""
    book = PriceBook(card)
    data = _dump(card)
    model = data["models"][_model_index(data, book, ref)]
    has_limits = any(v is not None for v in (rpm, tpm, rpd))
    model["free_tier"] = {
        "available": available,
        "rpm": rpm,
        "tpm": tpm,
        "rpd": rpd,
        "limits_as_of": today if has_limits else None,
        "source": "admin",
        "as_of": today,
    }
    _ensure_admin_source(data, today)
    return _rebuild(data)


def set_fx(card: RateCard, rate: Decimal | None, *, as_of: dt.date, currency: str = "CNY") -> RateCard:
    """`admin fx [CODE] RATE [DATE]` (or `admin fx [CODE] off`): the USD -> CODE rate answers use (CNY by default).

    Yuan keep their own key (`usd_cny`, which exports and scripts rely on); other currencies sit in `fx`.
    """
    data = _dump(card)
    figure = None if rate is None else {"rate": rate, "as_of": as_of}
    if currency == "CNY":
        data["usd_cny"] = figure
    elif figure is None:
        data.setdefault("fx", {}).pop(currency, None)
    else:
        data.setdefault("fx", {})[currency] = figure
    return _rebuild(data)


def card_to_json(card: RateCard) -> str:
    """The card as JSON (`admin export`): exact decimal strings, ISO dates, stable key order."""
    return card.model_dump_json(indent=1)


def card_from_json(text: str) -> RateCard:
    """A stored card's JSON (as `card_to_json` wrote it), validated whole; `AdminInputError` when it is not.

    Not `check_aliases`: a version saved before those checks existed must still load.
    """
    return _validated(_json_object(text))


def export_json(card: RateCard, version: int) -> str:
    """`admin export`: the card's JSON with the version it is taken from first, for `import_json` to check."""
    data = json.loads(card_to_json(card))
    return json.dumps({BASE_VERSION_KEY: version, **data}, indent=1, ensure_ascii=False)


def import_json(text: str) -> tuple[RateCard, int | None]:
    """`admin import`: the card, validated whole, and the version it was exported from (None if unsaid)."""
    data = _json_object(text)
    base = data.pop(BASE_VERSION_KEY, None)
    if base is not None and (type(base) is not int or not 1 <= base <= MAX_VERSION):
        raise AdminInputError("bad_json", reason=f"{BASE_VERSION_KEY} must be a version number")
    return _rebuild(data), base


def _json_object(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError) as exc:  # ValueError covers the int-digits limit too
        raise AdminInputError("bad_json", reason=str(exc)[:200]) from None
    if not isinstance(data, dict):
        raise AdminInputError("bad_json", reason="expected a JSON object")
    return data
