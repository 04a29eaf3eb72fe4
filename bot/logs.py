"""Logging for the entry points: one format, and Slack tokens masked in anything logged."""

from __future__ import annotations

import logging
import re

__all__ = ["RedactTokens", "configure_logging"]

_TOKEN = re.compile(r"\b(xox[abpres]|xapp)-[A-Za-z0-9-]+")


class RedactTokens(logging.Filter):
    """Masks anything shaped like a Slack token, wherever a message or its arguments carry one."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if _TOKEN.search(message):
            record.msg = _TOKEN.sub(r"\1-***", message)
            record.args = None
        return True


def configure_logging(level: int = logging.INFO) -> None:
    """Log to stderr (where Procfile platforms collect it) with tokens masked."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactTokens())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Alembic narrates its set-up at INFO; bot.store.migrate logs one line saying what changed instead.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
