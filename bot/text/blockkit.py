"""Slack's size limits on a message and its Block Kit, and fitting any message inside them.

Slack refuses a whole message when one part is over its limit (a section text of 3,001 characters
is `invalid_blocks`), so the asker would get nothing. `fit_message` is applied where Block Kit leaves
the renderer: whatever user text was echoed, the message is shortened, never refused. Lengths are
counted in UTF-16 code units, as Slack's API does, so an emoji counts as two.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "ACTION_ID_LIMIT",
    "ACTIONS_ELEMENTS_LIMIT",
    "BLOCK_ID_LIMIT",
    "BUTTON_TEXT_LIMIT",
    "BUTTON_VALUE_LIMIT",
    "CONTEXT_ELEMENTS_LIMIT",
    "ELLIPSIS",
    "FIELD_TEXT_LIMIT",
    "FIELDS_LIMIT",
    "HEADER_TEXT_LIMIT",
    "MAX_BLOCKS",
    "MESSAGE_TEXT_LIMIT",
    "SECTION_TEXT_LIMIT",
    "TEXT_OBJECT_LIMIT",
    "fit_message",
    "shorten",
    "slack_length",
]

# From Slack's Block Kit reference (api.slack.com/reference/block-kit), as of 2026-12.
MAX_BLOCKS = 50
MESSAGE_TEXT_LIMIT = 40_000
SECTION_TEXT_LIMIT = 3_000
FIELDS_LIMIT = 10
FIELD_TEXT_LIMIT = 2_000
HEADER_TEXT_LIMIT = 150
CONTEXT_ELEMENTS_LIMIT = 10
TEXT_OBJECT_LIMIT = 3_000
ACTIONS_ELEMENTS_LIMIT = 25
BUTTON_TEXT_LIMIT = 75
BUTTON_VALUE_LIMIT = 2_000
ACTION_ID_LIMIT = 255
BLOCK_ID_LIMIT = 255

ELLIPSIS = "…"
#: Entities `slack_escape` writes; a cut must not leave half of one ("&am") behind.
_LONGEST_ENTITY = len("&amp;")


def slack_length(text: str) -> int:
    """Length as Slack counts it: UTF-16 code units (characters outside the BMP count twice)."""
    return len(text.encode("utf-16-le")) // 2


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit``, else its start and an ellipsis, never cutting an entity or a bold.

    A text wrapped in `*...*` (a bold title) stays wrapped, so the cut does not leave a stray star.
    """
    if slack_length(text) <= limit:
        return text
    if len(text) > 2 and text.startswith("*") and text.endswith("*") and limit > 4:
        return "*" + shorten(text[1:-1], limit - 2) + "*"
    room = limit - slack_length(ELLIPSIS)
    cut = text[: max(room, 0)]
    while slack_length(cut) > room:
        cut = cut[:-1]
    amp = cut.rfind("&", max(len(cut) - _LONGEST_ENTITY + 1, 0))
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + ELLIPSIS


def fit_message(
    text: str, blocks: list[dict[str, Any]], *, text_limit: int = MESSAGE_TEXT_LIMIT
) -> tuple[str, list[dict[str, Any]]]:
    """The fallback ``text`` and ``blocks`` shortened to Slack's limits.

    The blocks are fitted in place (callers hand over blocks they just built; a copy per answer
    would cost more than the check) and the list itself is cut to `MAX_BLOCKS`.
    """
    fitted = blocks[:MAX_BLOCKS]
    for block in fitted:
        _fit_block(block)
    return shorten(text, min(text_limit, MESSAGE_TEXT_LIMIT)), fitted


def _fit_block(block: dict[str, Any]) -> None:
    kind = block.get("type")
    if isinstance(block.get("block_id"), str):
        block["block_id"] = block["block_id"][:BLOCK_ID_LIMIT]
    if kind == "section":
        _fit_text(block.get("text"), SECTION_TEXT_LIMIT)
        if isinstance(block.get("fields"), list):
            block["fields"] = block["fields"][:FIELDS_LIMIT]
            for item in block["fields"]:
                _fit_text(item, FIELD_TEXT_LIMIT)
        if isinstance(block.get("accessory"), dict):
            _fit_element(block["accessory"])
    elif kind == "header":
        _fit_text(block.get("text"), HEADER_TEXT_LIMIT)
    elif kind == "context" and isinstance(block.get("elements"), list):
        block["elements"] = block["elements"][:CONTEXT_ELEMENTS_LIMIT]
        for element in block["elements"]:
            _fit_text(element, TEXT_OBJECT_LIMIT)
    elif kind == "actions" and isinstance(block.get("elements"), list):
        block["elements"] = block["elements"][:ACTIONS_ELEMENTS_LIMIT]
        for element in block["elements"]:
            _fit_element(element)


def _fit_element(element: Any) -> None:
    if not isinstance(element, dict):
        return
    _fit_text(element.get("text"), BUTTON_TEXT_LIMIT if element.get("type") == "button" else TEXT_OBJECT_LIMIT)
    for key, limit in (("value", BUTTON_VALUE_LIMIT), ("action_id", ACTION_ID_LIMIT)):
        if isinstance(element.get(key), str):
            # Ids and values are read back by code, not people: cut, never add an ellipsis.
            element[key] = element[key][:limit]


def _fit_text(text_object: Any, limit: int) -> None:
    if isinstance(text_object, dict) and isinstance(text_object.get("text"), str):
        text_object["text"] = shorten(text_object["text"], limit)
