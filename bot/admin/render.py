"""Every phrase of the admin commands: changes, history, sync differences, refusals and errors."""

from __future__ import annotations

from typing import Any

from bot.answers.render import SECTION_LIMIT, Doc, slack_escape
from bot.text.i18n import Translator
from pricing import PricingError

__all__ = [
    "admin_error",
    "admin_help",
    "change_done",
    "code_chunks",
    "export",
    "export_title",
    "history",
    "import_hint",
    "refusal",
    "store_error",
    "sync_buttons",
    "sync_diff",
    "unknown_subcommand",
    "version_line",
]

#: Escaped characters of JSON per export block: a Slack section, less the code fences around it.
EXPORT_CHUNK = SECTION_LIMIT - len("``````")
#: How many changed figures one change lists before "and N more".
MAX_CHANGES_SHOWN = 12


def _when(t: Translator, at: Any) -> str:
    return t.date(at.date()) + " " + at.strftime("%H:%M") + " UTC"


def version_line(t: Translator, current: Any) -> str:
    return t.gettext("Rate card version {version}, saved {when} by {who} ({action}).").format(
        version=current.version, when=_when(t, current.created_at), who=current.created_by, action=current.action)


def _is_bookkeeping(path: str) -> bool:
    """Where a figure came from and when: recorded in the audit row, too noisy to list in chat."""
    return path.startswith("sources.") or path.endswith((".source", ".as_of"))


def _change_lines(t: Translator, changes: list[dict[str, Any]]) -> list[str]:
    changes = [c for c in changes if not _is_bookkeeping(c["path"])] or changes
    lines = [
        t.gettext("{path}: {before} → {after}").format(
            path=c["path"], before=c.get("before") if c.get("before") is not None else "-",
            after=c.get("after") if c.get("after") is not None else "-")
        for c in changes[:MAX_CHANGES_SHOWN]
    ]
    if len(changes) > MAX_CHANGES_SHOWN:
        lines.append(t.gettext("... and {n} more").format(n=len(changes) - MAX_CHANGES_SHOWN))
    return lines


def change_done(t: Translator, change: Any, user_id: str) -> Doc:
    title = t.gettext("Rate card version {version} saved: {action}").format(version=change.version, action=change.action)
    lines = _change_lines(t, change.changes)
    notes = [t.gettext("By {user}. Every instance uses it within 2 seconds; `/gemini-cost admin undo` reverts it.").format(user=user_id)]
    return Doc(title, lines, notes)


def history(t: Translator, entries: list[Any]) -> Doc:
    lines = []
    for e in entries:
        lines.append(t.gettext("v{version} {when} {user}: {action}").format(
            version=e.version, when=_when(t, e.at), user=e.user_id, action=e.action))
        lines.extend("    " + line for line in _change_lines(t, e.changes)[:4])
    return Doc(t.gettext("Rate card history, newest first"), lines)


def export_title(t: Translator, current: Any) -> str:
    return t.gettext("Rate card version {version} as JSON:").format(version=current.version)


def export(t: Translator, current: Any, json_text: str) -> Doc:
    """The export as code blocks people can copy: split at line ends so each fits one Slack section.

    Copying the message joins the blocks with line breaks, which JSON reads as white space.
    """
    chunks = code_chunks(json_text, EXPORT_CHUNK)
    return Doc(export_title(t, current), [f"```{chunk}```" for chunk in chunks], [import_hint(t)])


def code_chunks(text: str, limit: int) -> list[str]:
    """``text`` cut at line ends into pieces whose Slack-escaped length is at most ``limit``."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for part in _cut(line, limit):
            cost = len(slack_escape(part)) + 1  # and its line break
            if current and size + cost > limit:
                pieces.append("\n".join(current))
                current, size = [], 0
            current.append(part)
            size += cost
    if current:
        pieces.append("\n".join(current))
    return pieces


def _cut(line: str, limit: int) -> list[str]:
    """A line longer than a block (only an absurdly long name could make one) in pieces that fit."""
    parts: list[str] = []
    while len(slack_escape(line)) >= limit:
        end = limit // len("&amp;")  # every character escapes to at most five
        while len(slack_escape(line[: end + 1])) < limit and end < len(line):
            end += 1
        parts.append(line[:end])
        line = line[end:]
    return [*parts, line]


def import_hint(t: Translator) -> str:
    return t.gettext("Edit it and send it back with `/gemini-cost admin import <JSON>`: it is validated whole before it is saved.")


def sync_diff(t: Translator, diffs: list[Any]) -> Doc:
    if not diffs:
        return Doc(t.gettext("The card agrees with the genai-prices data on every token price both know."))
    lines = []
    for d in diffs:
        tier = t.gettext(" (>200k)") if d.long_context else ""
        lines.append(t.gettext("{model} {field}{tier}: ours {ours}, genai-prices {theirs}").format(
            model=d.model, field=d.field, tier=tier,
            ours=t.money(d.ours) if d.ours is not None else "-", theirs=t.money(d.theirs)))
    title = t.ngettext("{n} price differs from the genai-prices data", "{n} prices differ from the genai-prices data", len(diffs)).format(n=len(diffs))
    return Doc(title, lines, [t.gettext("Nothing changes until an admin presses Apply.")])


def sync_buttons(t: Translator, proposal: str, apply_id: str, cancel_id: str) -> dict[str, Any]:
    """Apply carries the proposal itself (what it will save); Cancel only needs to exist."""
    return {
        "type": "actions",
        "elements": [
            {"type": "button", "style": "primary", "action_id": apply_id, "value": proposal,
             "text": {"type": "plain_text", "text": t.gettext("Apply")}},
            {"type": "button", "action_id": cancel_id, "value": "cancel",
             "text": {"type": "plain_text", "text": t.gettext("Cancel")}},
        ],
    }  # fmt: skip


def refusal(t: Translator) -> Doc:
    return Doc(t.gettext("Sorry, only the bot's admins can change or inspect the rate card. Prices can be asked by anyone: try /gemini-cost help."))


def unknown_subcommand(t: Translator, name: str, names: list[str]) -> Doc:
    return Doc(t.gettext("Unknown admin command \"{name}\". Admin commands: {names}.").format(name=name[:40], names=t.words(list(names))))


def admin_help(t: Translator) -> Doc:
    lines = [
        "admin set MODEL FIELD PRICE [>200k]   (FIELD: input, output, cached, storage, grounding)",
        "admin show [MODEL] | admin history [N] | admin undo | admin rollback VERSION",
        "admin add-model NEW_ID like MODEL [name NAME] | admin alias NAME MODEL",
        "admin free-tier MODEL yes|no|unknown [rpm N] [tpm N] [rpd N] | admin fx [CURRENCY] RATE [DATE] | admin fx [CURRENCY] off",
        "admin export | admin import [force] JSON | admin sync",
        'admin provider add NAME "Display name" credit 2 CNY per USD | admin provider remove NAME',
        t.gettext("Prices are USD per 1M tokens; storage per 1M tokens per hour; grounding per 1,000 as the model bills."),
    ]
    return Doc(t.gettext("Admin commands (admins only)"), lines, [t.gettext("Every change is validated, versioned, audited and undoable.")])


def admin_error(t: Translator, err: PricingError) -> Doc:
    p = err.params
    messages = {
        "usage": t.gettext("Usage: {usage}"),
        "not_a_price": t.gettext("\"{value}\" is not a price: give USD, e.g. 2.50."),
        "negative_price": t.gettext("A price can't be negative: \"{value}\"."),
        "absurd_price": t.gettext("\"{value}\" is over {limit} USD per 1M tokens: surely a typo."),
        "unknown_field": t.gettext("Unknown field \"{field}\". Fields: {fields}."),
        "no_long_context": t.gettext("{model} has no >200k tier for {field}."),
        "no_such_price": t.gettext("{model} has no {field} price to change."),
        "model_exists": t.gettext("A model called {model} is already on the card."),
        "empty_alias": t.gettext("The alias is empty."),
        "alias_is_model": t.gettext("\"{alias}\" is a model's id and can't be an alias."),
        "invalid_card": t.gettext("That would make an invalid rate card, so nothing was saved: {reason}"),
        "bad_json": t.gettext("That is not the JSON admin export gives: {reason}"),
        "card_changed_since": t.gettext("The card changed after this sync was shown (version {version}): run admin sync again."),
        "proposal_unreadable": t.gettext("This button does not carry a proposal this version of the bot can read, so nothing was applied: run admin sync again."),
        "proposal_not_here": t.gettext("The price data on this instance differs from the proposal shown (card version {version}), so nothing was applied: run admin sync again."),
        "proposal_refused": t.gettext("Some of the changes shown can no longer be made ({changes}), so nothing was applied: run admin sync again."),
        "too_precise_price": t.gettext("\"{value}\" is too fine a price: a non-zero price is at least {smallest} USD, with at most {places} decimal places."),
        "alias_too_long": t.gettext("The alias \"{alias}\" is too long: at most {words} words and {chars} characters."),
        "alias_not_printable": t.gettext("The alias \"{alias}\" contains characters that can't be typed (such as control characters)."),
        "bad_name": t.gettext("\"{name}\" can't be a model's id or name: at most {chars} characters, none of them control characters."),
        "default_model_removed": t.gettext("{model} is the default model (DEFAULT_MODEL) of a running instance, so it can't be removed from the card. Change DEFAULT_MODEL first."),
        "import_needs_base": t.gettext("This JSON doesn't say which version it was exported from (\"{key}\"), so it could undo changes made since. Export again, or write admin import force ... to replace the card anyway."),
    }
    message = messages.get(err.code, t.gettext("That admin command could not be applied."))
    values = {k: t.words(v.split(", ")) if k == "fields" and isinstance(v, str) else v for k, v in p.items()}  # 、 in Chinese
    return Doc(message.format(**values), [], [t.gettext("Nothing was changed.")])


def commit_unconfirmed(t: Translator) -> Doc:
    """A change whose commit had begun when the database stopped answering: it may have been saved."""
    return Doc(t.gettext("The database was too slow to confirm this change, so it may or may not have been saved. "
                         "Check admin history before you try again."))


def store_error(t: Translator, err: Exception) -> Doc:
    name = type(err).__name__
    if name == "DatabaseUnavailable":
        return Doc(t.gettext("The database can't be reached, so no change can be saved now. Prices are still answered from the last card; try again in a minute."))
    if name == "NothingChanged":
        return Doc(t.gettext("That is already so: nothing to change."))
    if name == "NothingToUndo":
        return Doc(t.gettext("There is no change left to undo."))
    if name == "TooManyConflicts":
        return Doc(t.gettext("Too many admins changed the card at the same moment; nothing was saved from this command. Please try again."))
    if name == "SyncUnavailable":
        return Doc(t.gettext("The genai-prices data can't be read here, so there is nothing to compare with."))
    if name == "CardMovedOn":
        return Doc(t.gettext("The card has changed since version {base} was exported (it is now version {latest}), so importing it would undo those changes. Nothing was saved: export again, or write admin import force ... to replace the card anyway.").format(
            base=err.params.get("base"), latest=err.params.get("latest")))  # type: ignore[attr-defined]
    if name == "UndoOvertaken":
        return Doc(t.gettext("Another change was saved while undoing version {target} (the card is now version {latest}), so nothing was undone. See admin history, then undo again if still needed.").format(
            target=err.params.get("target"), latest=err.params.get("latest")))  # type: ignore[attr-defined]
    if name == "UnknownVersion":
        return Doc(t.gettext("There is no rate card version {version}.").format(version=getattr(err, "version", "?")))
    return Doc(t.gettext("That admin command could not be applied."))
