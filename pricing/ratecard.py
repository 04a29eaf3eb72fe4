"""Loading the rate card (the shipped one or a TOML file) and finding models by the names people use.

Layering: above the card model (`pricing.models`, with `parse_card`), the card builder
(`pricing.genai_source`) and the name index (`pricing.model_names`); none of those imports this module,
so `PriceBook` can build its `NameIndex` and `load_card` can call the builder without an import cycle.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

from .errors import RateCardError, UnknownModel
from .genai_source import build_card, shipped_data_providers
from .model_names import NameIndex, derived_names
from .models import DataProvider, ModelCard, RateCard, model_words, parse_card

__all__ = ["PriceBook", "derived_names", "load_card", "parse_card", "model_words", "MAX_ALIAS_WORDS"]

#: Longest alias, in words ("gemini 2.5 flash lite preview"): bounds the parser's look-ahead.
MAX_ALIAS_WORDS = 6


def load_card(path: Path | None = None) -> RateCard:
    """The shipped card (genai-prices data merged with our overlay), or a whole card read from ``path``.

    Either way validated whole: a broken card fails here, loudly, never at answer time.
    """
    if path is None:
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

    def __init__(self, card: RateCard, data_providers: dict[str, DataProvider] | None = None) -> None:
        self.card = card
        self._by_id = {m.id: m for m in card.models}
        #: Third-party providers from the installed price data (default), selling models of this card;
        #: an admin's reseller of the same name is the one `via NAME` means.
        sellers = shipped_data_providers() if data_providers is None else data_providers
        self.data_providers: dict[str, DataProvider] = {}
        for key, provider in sellers.items():
            sold = {i: m for i, m in provider.models.items() if i in self._by_id}
            if sold and key not in card.providers:
                self.data_providers[key] = provider.model_copy(update={"models": sold})
        #: Every name of every model, by rank (ids, aliases, derived names, genai-prices' rules).
        self.name_index = NameIndex(card)
        self.names: dict[tuple[str, ...], str] = self.name_index.exact
        self.max_name_words = self.name_index.max_words
        #: Words of every name: lets the parser skip most tokens without building candidates.
        self.first_words = self.name_index.first_words

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
        return self.name_index.suggest(ref, limit)
