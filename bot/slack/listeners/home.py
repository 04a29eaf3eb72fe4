"""App Home: the current rate card and example questions, in the user's language."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.slack.context import Services
from bot.slack.listeners.delivery import after_ack
from bot.slack.web_api import TRANSPORT_ERRORS

__all__ = ["publish_home", "register"]


def register(app: AsyncApp) -> None:
    app.event("app_home_opened")(after_ack(publish_home))


async def publish_home(event: dict[str, Any], client: AsyncWebClient, services: Services, logger: logging.Logger) -> None:
    """Publish the Home tab each time it is opened, so it shows the card as it is now."""
    if not isinstance(event, dict) or event.get("tab", "home") != "home" or not event.get("user"):
        return
    try:
        lang = await services.languages.lang_for(event["user"])
        view = {"type": "home", "blocks": services.answerer.home_blocks(lang)}
        await client.views_publish(user_id=event["user"], view=view)
    except SlackApiError as error:
        logger.warning("views.publish failed: %s", error.response.get("error"))
    except TRANSPORT_ERRORS as error:
        logger.warning("views.publish failed: %s", type(error).__name__)
    except Exception:
        logger.exception("building the App Home failed")
