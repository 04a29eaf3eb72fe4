"""Loading the rate card from its TOML file and finding models by the names people use."""

from __future__ import annotations

import difflib
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import RateCardError, UnknownModel
from .model_names import derived_names
from .models import ModelCard, RateCard, model_words

__all__ = ["PriceBook", "derived_names", "load_card", "parse_card", "model_words"]

#: Longest alias, in words ("gemini 2.5 flash lite preview"): bounds the parser's look-ahead.
MAX_ALIAS_WORDS = 6


def parse_card(data: dict[str, Any]) -> RateCard:
    """Validate raw card data (from TOML, JSON or the store) as one whole card."""
    try:
        return RateCard.model_validate(data)
    except ValidationError as exc:
        raise RateCardError(f"invalid rate card: {exc}") from exc


def load_card(path: Path | None = None) -> RateCard:
    """The shipped card (genai-prices data merged with our overlay), or a whole card read from ``path``.

    Either way validated whole: a broken card fails here, loudly, never at answer time.
    """
    if path is None:
        from .genai_source import build_card

        return build_card()
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh, parse_float=Decimal)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RateCardError(f"cannot read rate card {path}: {exc}") from exc
    return parse_card(data)


class PriceBook:
    """A validated card with its look-up indexes, built once per card version.

    Ids win over everything; explicit aliases (from the card, editable by admins) win over names
    derived from ids; a derived name that two models share is dropped rather than guessed.
    """

    def __init__(self, card: RateCard) -> None:
        self.card = card
        self._by_id = {m.id: m for m in card.models}
        from .model_names import NameIndex  # the parser's module; imports ours only for types

        #: Every name of every model, by rank (ids, aliases, derived names, genai-prices' rules).
        self.name_index = NameIndex(card)
        self.names: dict[tuple[str, ...], str] = self.name_index.exact
        self.max_name_words = self.name_index.max_words
        #: Words of every name: lets the parser skip most tokens without building candidates.
        self.first_words = self.name_index.first_words
        self._spellings = sorted({" ".join(w) for w in self.names} | set(self._by_id))

    @property
    def default(self) -> ModelCard:
        return self._by_id[self.card.default_model]

    def get(self, model_id: str) -> ModelCard:
        return self._by_id[model_id]

    def resolve(self, ref: str) -> ModelCard:
        """The model that ``ref`` (an id or a name people say) means, or `UnknownModel`."""
        model_id = self.name_index.resolve(ref)
        if model_id is None:
            raise UnknownModel(ref, self.suggest(ref))
        return self._by_id[model_id]

    def suggest(self, ref: str, limit: int = 3) -> list[str]:
        """The closest model ids to a name that matched nothing (for 'did you mean')."""
        probe = " ".join(model_words(ref))[:80]
        spellings = [s.replace("-", " ") for s in self._spellings]
        close = difflib.get_close_matches(probe, spellings, n=limit * 3, cutoff=0.55)
        found: list[str] = []
        for spelling in close:
            model_id = self.names.get(tuple(spelling.split()))
            if model_id and model_id not in found:
                found.append(model_id)
        if not found:
            current = [m.id for m in self.card.models if m.status in ("ga", "preview")]
            found = [self.card.default_model] + [i for i in current if i != self.card.default_model]
        return found[:limit]
