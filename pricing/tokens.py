"""The token a question is read as: shared by model-name matching (`pricing.model_names`) and the parser's passes.

Its own module, below both, so that finding model names in a token list does not import the parser
(the parser imports the name matching). Only the type lives here; splitting text into tokens needs the
parser's word tables and stays in `pricing.query.tokenize`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Token"]


@dataclass(slots=True)
class Token:
    """One piece of a question; later passes fold and relabel tokens in place."""

    kind: str  # num, cjknum, word, cjk, sym; later: amount, model, used
    text: str
    start: int
    end: int
    glued: bool  # no space between this token and the previous one
    value: Decimal | None = None
    money: str | None = None  # "usd", "cny" or "fx:<code>" (another currency) for money amounts
    role: str | None = None
    model: str | None = None
    volume: bool = False  # a period that belongs to a request count (`5k calls a day`)
    used: bool = False  # consumed by pairing
    after_break: bool = False  # a comma or semicolon stands before this token: a new clause
    after_colon: bool = False  # a colon stands before it: `per month: 12 chats/day` (what follows is not the period's)
    other_value: Decimal | None = None  # `10万5`: what another reader takes the same digits for (asked about)
    range_low: Decimal | None = None  # `200-300`: a range; its value is the middle, its other value the top (ranges.py)

    def as_filler(self) -> None:
        """Read and left out of the figures: a word with no role and no amount (`8 hours a day` once a rate's hours
        are read into its daily count, `a 40-page report` once its tokens are given)."""
        self.kind, self.role, self.value = "word", "skip", None
