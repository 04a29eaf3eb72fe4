"""The check a reading passes before it is priced: written back and read again, it means the same,
and every number and period word of the question is accounted for the way the reading says.

A second look, independent of how pairing reached its reading: a period word tied to the request count
must be the count's period, a period word asked for must be the answer's period, and every amount must
be one of the reading's figures. Any mismatch means the parser is unsure of what it read, so the
question is asked back (with no reading offered: the one it has is the doubtful one).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from ..errors import Ambiguous
from ..tokens import Token
from .canonical import canonical
from .pairing import Parts
from .question import Query

__all__ = ["check_reading", "uses_every_amount"]

#: The figures of `Parts` an amount of the question can become.
_FIGURES = ("input", "cached", "output", "thinking", "audio", "video", "storage", "hours", "requests", "searches",
            "people", "images", "cache", "cached_pct", "budget_usd", "budget_cny", "thinking_budget")  # fmt: skip


def check_reading(query: Query, parts: Parts, tokens: list[Token], reparse: Callable[[str], Query]) -> None:
    """Raise `Ambiguous("self_check")` unless the priced ``query`` accounts for the question's tokens
    and survives its own restatement. ``reparse`` reads a text without this check (no recursion)."""
    if not (_periods_agree(query, tokens) and uses_every_amount(parts, tokens) and _restates(query, reparse)):
        raise Ambiguous("self_check")


def _periods_agree(query: Query, tokens: list[Token]) -> bool:
    usage = query.usage
    volume = usage.period if usage is not None else None
    for tok in tokens:
        role = tok.role or ""
        if role.startswith("budget_period:"):
            if role[14:] != query.budget_period:
                return False  # `$500/month` must stay the budget's month
            continue
        if role not in ("period:day", "period:month"):
            continue
        period = role[7:]
        if tok.volume and period != volume:
            return False  # `每天调用2万次` read as a monthly count
        if not tok.volume and period not in (volume, query.asked_period, query.budget_period):
            return False  # `每月多少钱` must be the headline's period (`一天预算20美金…一天能跑多少次`: the budget's)
    return True


def uses_every_amount(parts: Parts, tokens: list[Token]) -> bool:
    """Every amount of the question is one of the reading's figures, as written (a reading offered
    under a question must not drop a number or split one the text does not split)."""
    figures: set[Decimal] = {v for v in (getattr(parts, name) for name in _FIGURES) if v is not None}
    if (parts.cached_is_rest or parts.new_piece) and parts.input is not None and parts.cached is not None:
        # `in 100k (all but 2k cached)`, `系统提示词 4000 走缓存，用户问题 500`: the part not cached is given
        figures.add(parts.input - parts.cached)
    figures |= set(parts.count_factors) | set(parts.pieces) | set(parts.split_totals)
    figures |= {v for v in (parts.weekly, parts.yearly, parts.billed) if v is not None}
    if parts.days_read is not None:
        figures |= {parts.days_read.daily, parts.days_read.days}
    if parts.pack is not None:
        figures |= set(parts.pack.figures)  # `每50条打包一次`: how many one request carries
    if parts.images_read is not None:
        figures |= {parts.images_read.images, parts.images_read.tokens_each, parts.images_read.text}
    for hours in (parts.hours, parts.media_hours, parts.open_hours_ignored):
        if hours is not None:  # a duration is kept in hours: `90 minutes`, `3 days`
            # (`8 min` is kept as 8/60 of an hour: compared to the millionth)
            figures |= {_to_the_millionth(hours * k) for k in (1, 60, 3600, Decimal(1) / 24)}
    return all(tok.value in figures for tok in tokens if tok.kind == "amount" and tok.value is not None)


def _to_the_millionth(value: Decimal) -> Decimal:
    try:
        return value.quantize(Decimal("0.000001"))
    except InvalidOperation:  # too large to hold six decimals: compared as it is
        return value


def _restates(query: Query, reparse: Callable[[str], Query]) -> bool:
    try:
        again = reparse(canonical(query))
    except Exception:  # noqa: BLE001  # any failure to read its own restatement is a doubt, not a crash
        return False
    return (again.intent, again.usage, again.asked_period, again.budget_usd, again.budget_cny, again.budget_period,
            [m.id for m in again.models]) == (query.intent, query.usage, query.asked_period, query.budget_usd, query.budget_cny,
                                              query.budget_period, [m.id for m in query.models])  # fmt: skip
