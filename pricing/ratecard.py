"""Loading the rate card from its TOML file and finding models by the names people use."""

from __future__ import annotations

import difflib
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import RateCardError, UnknownModel
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


def derived_names(model_id: str) -> list[str]:
    """Names an id implies: itself, without `gemini-`, and both without `-preview`."""
    names = [model_id]
    short = model_id.removeprefix("gemini-")
    names.append(short)
    for name in (model_id, short):
        if name.endswith("-preview"):
            names.append(name.removesuffix("-preview"))
    return names


class PriceBook:
    """A validated card with its look-up indexes, built once per card version.

    Ids win over everything; explicit aliases (from the card, editable by admins) win over names
    derived from ids; a derived name that two models share is dropped rather than guessed.
    """

    def __init__(self, card: RateCard) -> None:
        self.card = card
        self._by_id = {m.id: m for m in card.models}
        explicit: dict[tuple[str, ...], str] = {}
        for m in card.models:
            for alias in m.aliases:
                explicit[model_words(alias)] = m.id
        # Derived names by rank: an id without `gemini-` outranks a name without `-preview`, so
        # "2.5 flash" is gemini-2.5-flash even though gemini-2.5-flash-preview also shortens to it.
        derived: dict[tuple[str, ...], str | None] = {}
        for rank in (0, 1):
            this_rank: dict[tuple[str, ...], str | None] = {}
            for m in card.models:
                for name in derived_names(m.id)[:2] if rank == 0 else derived_names(m.id)[2:]:
                    words = model_words(name)
                    if words in derived:
                        continue
                    if words in this_rank and this_rank[words] != m.id:
                        this_rank[words] = None  # ambiguous within its rank
                    else:
                        this_rank[words] = m.id
            derived.update(this_rank)
        self.names: dict[tuple[str, ...], str] = {w: i for w, i in derived.items() if i is not None}
        self.names.update(explicit)
        # Ids always win: no alias or derived name can take another model's id (the card refuses such
        # aliases; this keeps look-up right even for a card validated by older code).
        self.names.update({model_words(m.id): m.id for m in card.models})
        self.max_name_words = max(len(w) for w in self.names)
        #: First words of every name: lets the parser skip most tokens without building candidates.
        self.first_words = frozenset(w[0] for w in self.names)
        self._spellings = sorted({" ".join(w) for w in self.names} | set(self._by_id))

    @property
    def default(self) -> ModelCard:
        return self._by_id[self.card.default_model]

    def get(self, model_id: str) -> ModelCard:
        return self._by_id[model_id]

    def resolve(self, ref: str) -> ModelCard:
        """The model that ``ref`` (an id or a name people say) means, or `UnknownModel`."""
        model_id = self.names.get(model_words(ref))
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
