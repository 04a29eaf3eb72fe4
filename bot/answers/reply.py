"""What an answer is in every form a surface needs (`Reply`), and the pricing context every answer reads."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bot.answers import render
from pricing import FxRate, InvalidQuery, ModelCard, PriceBook, Query

__all__ = ["PricingContext", "Reply", "make_reply"]


@dataclass(frozen=True)
class Reply:
    """An answer in every form a surface needs."""

    ok: bool  # False when the question could not be answered as asked
    intent: str  # estimate, compare, rates, free_tier, budget, help, or error
    text: str  # Slack fallback text: mrkdwn-escaped
    blocks: list[dict[str, Any]]  # Block Kit, escaped
    data: dict[str, Any]  # the CLI's --json object (DESIGN section 2)
    public: bool = False  # the asker wrote "public" / "公开"
    plain: str = ""  # unescaped text for terminals
    internal_error: bool = field(default=False, repr=False)
    #: The question as understood, in the query language: what a follow-up in the thread changes.
    reading: str | None = None


def make_reply(doc: render.Doc, intent: str, lang: str, data: dict[str, Any], *, ok: bool = True, public: bool = False) -> Reply:
    """``doc`` as Slack text and blocks, plain text, and the JSON object headed by intent, lang and text."""
    text, blocks = render.to_slack(doc)
    plain = render.to_plain(doc)
    payload = {"intent": intent, "lang": lang, "text": plain, **data}
    return Reply(ok, intent, text, blocks, payload, public, plain)


class PricingContext:
    """What answering needs beside the question: the current card, the yuan rate, the default model, today.

    ``book`` may be a callable, so answers follow the card an admin just changed.
    """

    def __init__(
        self,
        book: PriceBook | Callable[[], PriceBook],
        *,
        fx: FxRate | None = None,
        default_model: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._book = book if callable(book) else (lambda: book)
        self.fx = fx
        self.default_model = default_model
        self.today = today

    @property
    def book(self) -> PriceBook:
        return self._book()

    def default_model_of(self, book: PriceBook) -> ModelCard:
        """DEFAULT_MODEL when ``book`` has it (an edited card may have lost it), else the card's default."""
        if self.default_model and self.default_model in {m.id for m in book.card.models}:
            return book.get(self.default_model)
        return book.default

    def fx_for(self, query: Query, book: PriceBook) -> tuple[FxRate | None, bool]:
        """The rate for an answer in yuan (or another asked currency), and whether it was asked with no rate
        set (then the answer is in USD and says how an admin sets one)."""
        if query.currency is not None and query.budget_cny is None:
            figure = book.card.fx.get(query.currency)
            if figure is None:
                return None, True
            return FxRate(figure.rate, figure.as_of, query.currency), False
        if not query.want_cny and query.budget_cny is None:
            return None, False
        if query.budget_cny is None and book.card.usd_cny is None and self.fx is None:
            return None, True
        return self.fx_of(book), False

    def fx_of(self, book: PriceBook) -> FxRate:
        """USD -> CNY: the rate an admin set on the card (`admin fx`), else the USD_CNY setting."""
        figure = book.card.usd_cny
        if figure is not None:
            return FxRate(figure.rate, figure.as_of)
        if self.fx is None:
            raise InvalidQuery("no_fx_rate")
        return self.fx
