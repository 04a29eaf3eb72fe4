"""gemini-cost's pricing engine: the Gemini rate card as data, a pure engine and the query language."""

from .engine import (
    Budget,
    CompareRow,
    Comparison,
    Estimate,
    FxRate,
    GroundingDetail,
    LineItem,
    Notice,
    Usage,
    budget,
    compare,
    estimate,
)
from .errors import Ambiguous, ContextWindowExceeded, InvalidQuery, PricingError, RateCardError, TierNotPublished, UnknownModel, UnsupportedFeature
from .genai_source import OVERLAY_PATH
from .models import ModelCard, RateCard
from .query import Query, apply_followup, canonical, parse_query
from .ratecard import PriceBook, load_card, parse_card

__all__ = [
    "Ambiguous",
    "Budget",
    "CompareRow",
    "Comparison",
    "ContextWindowExceeded",
    "OVERLAY_PATH",
    "Estimate",
    "FxRate",
    "GroundingDetail",
    "InvalidQuery",
    "LineItem",
    "ModelCard",
    "Notice",
    "PriceBook",
    "PricingError",
    "Query",
    "RateCard",
    "RateCardError",
    "TierNotPublished",
    "UnknownModel",
    "UnsupportedFeature",
    "Usage",
    "budget",
    "compare",
    "estimate",
    "load_card",
    "parse_card",
    "parse_query",
    "canonical",
    "apply_followup",
]
