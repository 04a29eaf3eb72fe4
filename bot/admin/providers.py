"""`admin provider add NAME "Display name" credit 2 CNY per USD` and `admin provider remove NAME`.

A provider is part of the card, so adding or removing one goes through the same path as every admin
change: validated whole, a new version with an audit row, announced, undoable. Declared in
`bot.admin.commands.COMMANDS` under "provider".
"""

from __future__ import annotations

from bot.admin.context import AdminContext, AdminReply, as_reply, save_change
from bot.answers.render import Doc
from bot.text.i18n import Translator
from pricing import RateCard
from pricing.providers import ProviderCommandError, add_provider, parse_provider_command, remove_provider

__all__ = ["provider_command"]


def provider_command(ctx: AdminContext, t: Translator, rest: str) -> AdminReply:
    try:
        action, key, display, rate = parse_provider_command(rest)
        if action == "remove":
            ctx.store.current().card.providers[key]  # noqa: B018 - refuse an unknown name before writing
    except ProviderCommandError as err:
        return as_reply(_error(t, err))
    except KeyError:
        return as_reply(_error(t, ProviderCommandError("unknown_provider", name=key)))

    def edit(card: RateCard) -> RateCard:
        if action == "add":
            assert display is not None and rate is not None
            return add_provider(card, key, display, rate, today=ctx.today)
        return remove_provider(card, key)

    try:
        return save_change(ctx, t, f"provider {action} {key}", edit)
    except ProviderCommandError as err:
        return as_reply(_error(t, err))


def _error(t: Translator, err: ProviderCommandError) -> Doc:
    p = err.params
    if err.code == "unknown_provider":
        message = t.gettext("There is no provider called \"{name}\".").format(name=str(p["name"])[:40])
    elif err.code == "bad_credit_rate":
        message = t.gettext("\"{rate}\" CNY per USD of credit is not plausible: give a figure above 0 and at most 50.").format(rate=p["rate"])
    elif err.code == "invalid_card":
        message = t.gettext("That would make an invalid rate card, so nothing was saved: {reason}").format(reason=p["reason"])
    else:
        message = t.gettext("Usage: {usage}").format(usage=p.get("usage", ""))
    return Doc(message, [], [t.gettext("Nothing was changed.")])
