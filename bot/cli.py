"""The `gemini-cost` command: one question answered on the terminal with the same engine and catalogs."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence

from bot.answers.answerer import Answerer
from bot.settings import ConfigError, load_settings
from bot.text.i18n import parse_lang_choice
from pricing import PriceBook, RateCardError, load_card
from pricing.usage_paste import MAX_PASTE_CHARS

__all__ = ["main"]

EXIT_ANSWERED, EXIT_FAULT, EXIT_UNANSWERABLE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gemini-cost",
        description="Answer a Gemini API pricing question, e.g. gemini-cost 1M in 50k out",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    parser.add_argument("--lang", default=None, help="answer language: en, zh (Simplified) or zh_TW")
    parser.add_argument("query", nargs="*", help="the question, in English or Chinese; - reads it from standard input "
                        "(e.g. a pasted API response: gemini-cost - < response.json)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()  # the bot's settings: USD_CNY, DEFAULT_MODEL, DEFAULT_LANG apply here too
    except ConfigError as exc:
        print(f"gemini-cost: {exc}", file=sys.stderr)
        return EXIT_FAULT
    lang = parse_lang_choice(args.lang or settings.default_lang)
    if lang is None or lang == "auto":
        print(f"gemini-cost: --lang takes en, zh or zh_TW, not {args.lang!r}", file=sys.stderr)
        return EXIT_UNANSWERABLE
    try:
        book = PriceBook(load_card())
    except RateCardError as exc:
        print(f"gemini-cost: {exc}", file=sys.stderr)
        return EXIT_FAULT
    if settings.default_model is not None and settings.default_model not in {m.id for m in book.card.models}:
        print(f"gemini-cost: DEFAULT_MODEL {settings.default_model!r} is not on the rate card", file=sys.stderr)
        return EXIT_FAULT
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    answerer = Answerer(book, fx=settings.usd_cny, default_model=settings.default_model)
    reply = answerer.answer(_question(args.query), lang)
    try:
        if args.json:
            json.dump(reply.data, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            print(reply.plain)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (`gemini-cost ... | head -3`): what it took is what it wanted. Point
        # stdout at /dev/null so the interpreter's own flush at exit does not print a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if reply.internal_error:
        return EXIT_FAULT
    return EXIT_ANSWERED if reply.ok else EXIT_UNANSWERABLE


def _question(words: list[str]) -> str:
    """The question: the words given, or with `-` standard input (read up to one byte past the
    paste limit, so an endless pipe is refused rather than read forever)."""
    if words == ["-"]:
        return sys.stdin.read(MAX_PASTE_CHARS + 1)
    return " ".join(words)


if __name__ == "__main__":
    sys.exit(main())
