"""Model version strings as responses report them (`models/gemini-2.5-flash-001`,
`gemini-2.5-flash-preview-09-2025`) -> the card entry they mean."""

from __future__ import annotations

import re

from .engine import Notice
from .errors import UnknownModel
from .models import ModelCard, model_words
from .ratecard import PriceBook

__all__ = ["resolve_model_version"]


def resolve_model_version(book: PriceBook, ref: str) -> tuple[ModelCard, Notice | None]:
    """The card entry a response's model string means: `models/` and dated or numbered version
    suffixes are dropped until a name matches. A reduced match comes with a notice saying so.

    Only version suffixes go: `gemini-2.5-flash-image` never becomes `gemini-2.5-flash`.
    """
    name = ref.strip().lower()
    for prefix in ("projects/", "publishers/google/", "models/"):
        if prefix == "projects/" and name.startswith(prefix):
            name = name.rsplit("/models/", 1)[-1]
        name = name.removeprefix(prefix)
    candidates = [name]
    reduced = name
    for suffix in _VERSION_SUFFIXES:
        shorter = suffix.sub("", reduced)
        if shorter != reduced:
            reduced = shorter
            candidates.append(reduced)
    for i, candidate in enumerate(candidates):
        try:
            model = book.resolve(candidate)
        except UnknownModel:
            continue
        if i == 0 and model_words(model.id) == model_words(name):
            return model, None  # the very id (genai-prices' match rules may map other names: said below)
        return model, Notice("model_version_reduced", {"version": ref, "model": model.id})
    raise UnknownModel(ref, book.suggest(reduced))


# Applied in order, each at most once: `-001`, `-preview-09-2025`, `-preview-05-20`, `-exp-0827`,
# `-latest`, then a bare `-preview` (which the card's ids may carry themselves: tried before it).
_VERSION_SUFFIXES = (
    re.compile(r"-(?:latest|\d{3})$"),
    re.compile(r"-(?:preview|exp)-\d{2}-\d{2,4}$|-exp-\d{4}$"),
    re.compile(r"-preview$"),
)
