"""Real-shaped API responses for the usage-paste tests, in the forms people paste them.

Shapes follow what the Gemini API returns (REST `generateContent`: camelCase, zero counts omitted,
`modelVersion` and `responseId` after `usageMetadata`), what the google-genai Python SDK prints
(`GenerateContentResponseUsageMetadata(...)` with every field, None where unset, modalities as
`<MediaModality.TEXT: 'TEXT'>`) and what OpenAI-compatible endpoints return (`usage` beside `model`).
"""

from __future__ import annotations

import json
from typing import Any


def rest_response(model: str | None, usage: dict[str, Any], *, text: str = "Hello! How can I help?",
                  grounded: bool = False) -> dict[str, Any]:  # fmt: skip
    """A whole `generateContent` response as the REST API returns it."""
    candidate: dict[str, Any] = {
        "content": {"parts": [{"text": text}], "role": "model"},
        "finishReason": "STOP",
        "index": 0,
    }
    if grounded:
        candidate["groundingMetadata"] = {
            "webSearchQueries": ["euro 2024 winner", "who won euro 2024"],
            "searchEntryPoint": {"renderedContent": "<style>.container {}</style><div class=\"container\">...</div>"},
            "groundingChunks": [{"web": {"uri": "https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC",
                                         "title": "uefa.com"}}],
            "groundingSupports": [{"segment": {"startIndex": 0, "endIndex": 85, "text": "Spain won Euro 2024."},
                                   "groundingChunkIndices": [0], "confidenceScores": [0.97]}],
        }
    response: dict[str, Any] = {"candidates": [candidate], "usageMetadata": usage}
    if model is not None:
        response["modelVersion"] = model
    response["responseId"] = "mB9Oa9_HEpGK7dcP2pyLqAg"
    return response


def details(**modalities: int) -> list[dict[str, Any]]:
    return [{"modality": name, "tokenCount": count} for name, count in modalities.items()]


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2)


def sdk_repr(*, prompt: int, candidates: int | None, total: int, cached: int | None = None,
             thoughts: int | None = None, tool_use: int | None = None,
             prompt_details: dict[str, int] | None = None, cache_details: dict[str, int] | None = None,
             candidates_details: dict[str, int] | None = None) -> str:  # fmt: skip
    """`print(response.usage_metadata)` with google-genai: every field, alphabetical, None where unset."""

    def mods(found: dict[str, int] | None) -> str:
        if found is None:
            return "None"
        items = ", ".join(f"ModalityTokenCount(modality=<MediaModality.{m}: '{m}'>, token_count={n})" for m, n in found.items())
        return f"[{items}]"

    return (
        "GenerateContentResponseUsageMetadata("
        f"cache_tokens_details={mods(cache_details)}, cached_content_token_count={cached}, "
        f"candidates_token_count={candidates}, candidates_tokens_details={mods(candidates_details)}, "
        f"prompt_token_count={prompt}, prompt_tokens_details={mods(prompt_details)}, "
        f"thoughts_token_count={thoughts}, tool_use_prompt_token_count={tool_use}, "
        f"tool_use_prompt_tokens_details=None, total_token_count={total}, traffic_type=None)"
    )


def openai_response(model: str, usage: dict[str, Any]) -> dict[str, Any]:
    """A chat completion from the OpenAI-compatible endpoint (or a reseller)."""
    return {
        "id": "chatcmpl-9ZbQ1",
        "object": "chat.completion",
        "created": 1764650000,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi there"}, "finish_reason": "stop"}],
        "usage": usage,
    }
