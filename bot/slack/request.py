"""Turning a raw HTTP request into an `AsyncBoltRequest`: signature first, then a parse that cannot 500."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl

from slack_bolt.context.async_context import AsyncBoltContext
from slack_bolt.request.async_internals import build_async_context
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.signature import SignatureVerifier

__all__ = ["BadRequest", "build_bolt_request"]


class BadRequest(Exception):
    """The body is not what Slack sends (not JSON, not a form, a payload that is not an object)."""


def build_bolt_request(body: str, query: str, headers: Mapping[str, Sequence[str]]) -> AsyncBoltRequest:
    """An `AsyncBoltRequest` for ``body``, or `BadRequest` instead of the parser's exceptions."""
    try:
        request = AsyncBoltRequest(body=body, query=query, headers=dict(headers))
    # json.loads and friends; RecursionError for JSON nested deeper than Python's stack (a signed
    # body is still untrusted input: a leaked signing secret must not buy a 500 and a traceback).
    except (ValueError, TypeError, AttributeError, KeyError, RecursionError) as error:
        raise BadRequest(type(error).__name__) from None
    if not isinstance(request.body, dict):
        raise BadRequest("body is not an object")
    if not request.body and body and request.content_type == "application/x-www-form-urlencoded":
        # slack_bolt 1.30 reads any form body containing the text "payload" (a user typing it, a
        # channel named #payload-team) as an interaction and drops it; read such a form ourselves.
        fields = dict(parse_qsl(body, keep_blank_values=True))
        if "payload" not in fields:
            request.body = fields
            request.context = build_async_context(AsyncBoltContext({}), fields)
    return request


def is_signed(verifier: SignatureVerifier, body: str, headers: Mapping[str, Sequence[str]]) -> bool:
    """Slack's v0 signature and a fresh timestamp: checked before the body is parsed at all."""
    flat = {key.lower(): values[0] if values else "" for key, values in headers.items()}
    return verifier.is_valid_request(body, flat)
