"""Every Slack surface the bot listens on, registered on a Bolt app by `register(app)`."""

from __future__ import annotations

from slack_bolt.app.async_app import AsyncApp

from bot.slack.listeners import admin_actions, clarify, commands, home, mentions, messages

__all__ = ["register"]


def register(app: AsyncApp) -> None:
    """Attach every listener; mentions before messages, so the generic message ack is last."""
    commands.register(app)
    mentions.register(app)
    messages.register(app)
    home.register(app)
    admin_actions.register(app)
    clarify.register(app)
