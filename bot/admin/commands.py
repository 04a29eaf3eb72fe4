"""`/gemini-cost admin ...`: reading an admin command, applying it to the stored card, and saying what happened.

Every subcommand is declared once in `COMMANDS` (name, handler); the permission check runs in one place,
`run_admin`, before any handler. Changes go through `RateStore.change`, so each is validated whole,
versioned, audited and undoable; a handler never writes anything itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from decimal import Decimal

from babel.numbers import is_currency

from bot.admin import render as render_admin
from bot.admin.context import AdminContext, AdminReply, announce_change, as_reply, save_change
from bot.admin.providers import provider_command
from bot.admin.sync import Proposal, SyncUnavailable, apply_diffs, genai_prices_diff
from bot.answers.render import render_error, to_slack
from bot.answers.render_rates import render_rates
from bot.store.card_versions import RateStoreError
from bot.text.i18n import Translator, translator
from pricing import FxRate, PriceBook, PricingError, RateCard, edits

__all__ = ["AdminContext", "AdminReply", "is_admin_command", "run_admin", "COMMANDS", "SYNC_APPLY_ACTION", "SYNC_CANCEL_ACTION"]

log = logging.getLogger(__name__)

ADMIN_WORDS = frozenset({"admin", "管理"})
LONG_CONTEXT_WORDS = frozenset({">200k", ">200000", "long", "long-context", "长上下文", "長上下文"})
SYNC_APPLY_ACTION = "admin_sync_apply"
SYNC_CANCEL_ACTION = "admin_sync_cancel"
#: Largest `admin history N` (Slack caps a message's blocks; the newest entries matter most).
MAX_HISTORY = 30
#: Digits an admin-typed count may have: free-tier limits and version numbers fit in 32 bits.
MAX_COUNT_DIGITS = 9
#: The word before an import's JSON that overrides the check that the card has not moved on.
FORCE_WORDS = frozenset({"force", "强制", "強制"})


def is_admin_command(text: str) -> bool:
    words = text.split(maxsplit=1)
    return bool(words) and words[0].lower() in ADMIN_WORDS


def _count(text: str, *, version: bool = False) -> int | None:
    """A count typed by an admin (`30`; a ``version`` may be `v12`): ASCII digits only, at most
    `MAX_COUNT_DIGITS`; else None.

    Not `str.isdigit`: it accepts superscripts and other digits `int` refuses, and long digit
    strings would reach the database as numbers it cannot store.
    """
    digits = text.lower().removeprefix("v") if version else text
    if not digits or len(digits) > MAX_COUNT_DIGITS or not (digits.isascii() and digits.isdecimal()):
        return None
    return int(digits)


# --- the subcommands ---------------------------------------------------------------------------


def _set(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    long_context = bool(args) and args[-1].lower() in LONG_CONTEXT_WORDS
    if long_context:
        args = args[:-1]
    if len(args) < 3:
        raise edits.AdminInputError("usage", usage="admin set MODEL FIELD PRICE [>200k]")
    *model_words, field_name, price_text = args
    price = edits.parse_price(price_text)
    model = " ".join(model_words)
    action = f"set {model} {field_name.lower()} {price}" + (" >200k" if long_context else "")
    return save_change(ctx, t, action, lambda card: edits.set_price(
        card, model, field_name.lower(), price, long_context=long_context, today=ctx.today))


def _add_model(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    lowered = [a.lower() for a in args]
    if len(args) < 3 or "like" not in lowered[1:]:
        raise edits.AdminInputError("usage", usage="admin add-model NEW_ID like MODEL [name DISPLAY NAME]")
    new_id = lowered[0]
    tail = args[lowered.index("like", 1) + 1 :]
    name = None
    tail_lowered = [a.lower() for a in tail]
    if "name" in tail_lowered:
        at = tail_lowered.index("name")
        tail, name = tail[:at], " ".join(tail[at + 1 :]) or None
    like = " ".join(tail)
    if not like:
        raise edits.AdminInputError("usage", usage="admin add-model NEW_ID like MODEL [name DISPLAY NAME]")
    return save_change(ctx, t, f"add-model {new_id} like {like}", lambda card: edits.add_model(
        card, new_id, like, name=name, today=ctx.today))


def _alias(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    text = " ".join(args)
    if "=" in text:
        alias, _, model = (part.strip() for part in text.partition("="))
    elif len(args) >= 2:
        alias, model = args[0], " ".join(args[1:])
    else:
        raise edits.AdminInputError("usage", usage="admin alias NAME MODEL  (or: admin alias long name = MODEL)")
    return save_change(ctx, t, f"alias {alias} = {model}", lambda card: edits.set_alias(card, alias, model))


_YES = {"yes": True, "true": True, "on": True, "有": True, "是": True,
        "no": False, "false": False, "off": False, "无": False, "否": False,
        "unknown": None, "未知": None}  # fmt: skip


def _free_tier(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    usage = "admin free-tier MODEL yes|no|unknown [rpm N] [tpm N] [rpd N]"
    lowered = [a.lower() for a in args]
    state_at = next((i for i, a in enumerate(lowered) if a in _YES), None)
    if state_at is None or state_at == 0:
        raise edits.AdminInputError("usage", usage=usage)
    model = " ".join(args[:state_at])
    limits: dict[str, int | None] = {"rpm": None, "tpm": None, "rpd": None}
    rest = lowered[state_at + 1 :]
    if len(rest) % 2:
        raise edits.AdminInputError("usage", usage=usage)
    for key, value in zip(rest[::2], rest[1::2], strict=True):
        count = _count(value)
        if key not in limits or count is None:
            raise edits.AdminInputError("usage", usage=usage)
        limits[key] = count
    available = _YES[lowered[state_at]]
    return save_change(ctx, t, f"free-tier {model} {lowered[state_at]}", lambda card: edits.set_free_tier(
        card, model, available=available, today=ctx.today, **limits))


def _fx(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    """`admin fx RATE [DATE]` sets yuan per dollar (as always); `admin fx TWD 32.1 [DATE]` any ISO currency."""
    args = rest.split()
    usage = "admin fx [CURRENCY] RATE [YYYY-MM-DD] | admin fx [CURRENCY] off"
    currency = "CNY"
    if args and args[0].isalpha() and args[0].lower() != "off":
        currency = args.pop(0).upper()
        if len(currency) != 3 or not is_currency(currency):
            raise edits.AdminInputError("usage", usage=usage)
    label = "fx" if currency == "CNY" else f"fx {currency}"
    if len(args) == 1 and args[0].lower() == "off":
        return save_change(ctx, t, f"{label} off", lambda card: edits.set_fx(card, None, as_of=ctx.today, currency=currency))
    if not 1 <= len(args) <= 2 or currency == "USD":
        raise edits.AdminInputError("usage", usage=usage)
    try:
        fx = FxRate.parse("@".join(args)) if currency == "CNY" else _other_rate(args)
    except ValueError:
        raise edits.AdminInputError("usage", usage=usage) from None
    as_of = fx.as_of or ctx.today
    return save_change(ctx, t, f"{label} {fx.rate} {as_of.isoformat()}",
                       lambda card: edits.set_fx(card, fx.rate, as_of=as_of, currency=currency))


def _other_rate(args: list[str]) -> FxRate:
    """RATE [DATE] for a currency other than yuan: any positive figure (¥150, ₩1,400 per dollar are real)."""
    try:
        rate = Decimal(args[0])
        day = dt.date.fromisoformat(args[1]) if len(args) > 1 else None
    except (ArithmeticError, ValueError):
        raise ValueError(args) from None
    if not rate.is_finite() or not 0 < rate <= 1_000_000:
        raise ValueError(args)
    return FxRate(rate, day)


def _show(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    current = ctx.store.current()
    book = PriceBook(current.card)
    model = book.resolve(" ".join(args)) if args else None
    doc = render_rates(t, book, model)
    doc.notes.insert(0, render_admin.version_line(t, current))
    return as_reply(doc)


def _history(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    limit = 10
    if args:
        count = _count(args[0]) if len(args) == 1 else None
        if count is None or not 1 <= count <= MAX_HISTORY:
            raise edits.AdminInputError("usage", usage=f"admin history [N]  (N from 1 to {MAX_HISTORY})")
        limit = count
    return as_reply(render_admin.history(t, ctx.store.history(limit)))


def _undo(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    return announce_change(ctx, t, ctx.store.undo(user_id=ctx.user_id, channel_id=ctx.channel_id))


def _rollback(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    args = rest.split()
    version = _count(args[0], version=True) if len(args) == 1 else None
    if version is None or version < 1:
        raise edits.AdminInputError("usage", usage="admin rollback VERSION")
    return announce_change(ctx, t, ctx.store.rollback(version, user_id=ctx.user_id, channel_id=ctx.channel_id))


def _export(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    """The card as JSON in code blocks (shown on every surface, unlike a message's fallback text),
    headed by the version it was taken from, which `admin import` checks."""
    current = ctx.store.current()
    json_text = edits.export_json(current.card, current.version)
    text, blocks = to_slack(render_admin.export(t, current, json_text))
    return AdminReply(text, blocks, json_text=json_text)


_IMPORT_USAGE = "admin import [force] {...the JSON that admin export gives...}"


def _import(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    """Replace the card with the JSON given, unless the card changed since that JSON was exported.

    The export names its version (`base_version`); importing an old export would silently revert
    every change made since, so that needs `force`, as does JSON that names no version.
    """
    words = rest.split(maxsplit=1)
    force = bool(words) and words[0].lower() in FORCE_WORDS
    json_text = (words[1] if force and len(words) > 1 else "" if force else rest).strip().strip("`").strip()
    if not json_text:
        raise edits.AdminInputError("usage", usage=_IMPORT_USAGE)
    card, base_version = edits.import_json(json_text)
    if base_version is None and not force:
        raise edits.AdminInputError("import_needs_base", key=edits.BASE_VERSION_KEY)
    action = "import" + (" (force)" if force else f" (from version {base_version})")
    change = ctx.store.change(lambda _current: card, user_id=ctx.user_id, channel_id=ctx.channel_id, action=action,
                              base_version=None if force else base_version)  # fmt: skip
    return announce_change(ctx, t, change)


def _sync(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    current = ctx.store.current()
    diffs = genai_prices_diff(current.card, on=ctx.today)
    doc = render_admin.sync_diff(t, diffs)
    text, blocks = to_slack(doc)
    if diffs:
        proposal = Proposal(current.version, tuple(diffs))
        blocks.append(render_admin.sync_buttons(t, proposal.encode(), SYNC_APPLY_ACTION, SYNC_CANCEL_ACTION))
    return AdminReply(text, blocks)


def apply_sync(ctx: AdminContext, value: str) -> AdminReply:
    """The admin pressed Apply under a sync proposal: save exactly the differences it showed
    (`Proposal`, carried by the button), on the card version it was shown on, or refuse and say why."""
    t = translator(ctx.lang)
    if not ctx.is_admin:
        return _refuse(ctx, t)
    try:
        version, shown, digest = Proposal.decode(value)
    except (ValueError, ArithmeticError):
        return as_reply(render_admin.admin_error(t, edits.AdminInputError("proposal_unreadable")))

    def edit(card: RateCard) -> RateCard:
        if ctx.store.latest_version() != version:
            raise edits.AdminInputError("card_changed_since", version=version)
        diffs = shown
        if diffs is None:  # too long for the button: this instance's differences, if they are the ones shown
            diffs = tuple(genai_prices_diff(card, on=ctx.today))
            if not diffs or Proposal(version, diffs).digest() != digest:
                raise edits.AdminInputError("proposal_not_here", version=version)
        updated, skipped = apply_diffs(card, list(diffs), today=ctx.today)
        if skipped:  # all or nothing: a partial Apply would save a card nobody was shown
            names = ", ".join(f"{s.diff.model} {s.diff.field}" for s in skipped[:5])
            raise edits.AdminInputError("proposal_refused", changes=names)
        return updated

    try:
        return save_change(ctx, t, "sync genai-prices", edit)
    except Exception as err:  # typed failures become answers, like any admin command
        return _failure(ctx, t, err)


def _help(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    return as_reply(render_admin.admin_help(t))


#: A subcommand gets the text after its name, unsplit (`admin import` needs it raw).
Handler = Callable[[AdminContext, Translator, str], AdminReply]
COMMANDS: dict[str, Handler] = {
    "help": _help,
    "set": _set,
    "show": _show,
    "history": _history,
    "undo": _undo,
    "rollback": _rollback,
    "add-model": _add_model,
    "alias": _alias,
    "free-tier": _free_tier,
    "fx": _fx,
    "export": _export,
    "import": _import,
    "sync": _sync,
    "provider": provider_command,
}


# --- shared steps ------------------------------------------------------------------------------


def _refuse(ctx: AdminContext, t: Translator) -> AdminReply:
    log.warning("refused an admin command from non-admin user %s", ctx.user_id)
    return as_reply(render_admin.refusal(t))


def _failure(ctx: AdminContext, t: Translator, err: Exception) -> AdminReply:
    if isinstance(err, PricingError):
        return as_reply(render_admin.admin_error(t, err) if isinstance(err, edits.AdminInputError) else render_error(t, err))
    if isinstance(err, (RateStoreError, SyncUnavailable)):
        return as_reply(render_admin.store_error(t, err))
    raise err


def run_admin(text: str, ctx: AdminContext) -> AdminReply:
    """Run ``admin ...`` for ``ctx.user_id``: refused politely unless they are an admin; never raises on input."""
    t = translator(ctx.lang)
    if not ctx.is_admin:
        return _refuse(ctx, t)
    parts = text.split(maxsplit=2)  # "admin", subcommand, the rest
    name = parts[1].lower() if len(parts) > 1 else "help"
    rest = parts[2] if len(parts) > 2 else ""
    handler = COMMANDS.get(name)
    if handler is None:
        return as_reply(render_admin.unknown_subcommand(t, name, list(COMMANDS)))
    try:
        return handler(ctx, t, rest)
    except Exception as err:
        return _failure(ctx, t, err)

