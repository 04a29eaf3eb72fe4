"""App Home: the current rate card and example questions, in the user's language."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.services import Services

__all__ = ["publish_home", "register"]


def register(app: App) -> None:
    app.event("app_home_opened")(ack=acknowledge, lazy=[publish_home])


def acknowledge(ack: Ack) -> None:
    ack()


def publish_home(event: dict[str, Any], client: WebClient, services: Services, logger: logging.Logger) -> None:
    """Publish the Home tab each time it is opened, so it shows the card as it is now."""
    if event.get("tab", "home") != "home" or not event.get("user"):
        return
    try:
        lang = services.languages.lang_for(event["user"])
        view = {"type": "home", "blocks": services.answerer.home_blocks(lang)}
        client.views_publish(user_id=event["user"], view=view)
    except SlackApiError as error:
        logger.warning("views.publish failed: %s", error.response.get("error"))
    except (SlackClientError, OSError) as error:
        logger.warning("views.publish failed: %s", type(error).__name__)
    except Exception:
        logger.exception("building the App Home failed")
