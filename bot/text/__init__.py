"""Text for Slack, used by every layer above: the catalogs and locale formats (`i18n`), mrkdwn escaping and
mentions (`mrkdwn`), Block Kit limits (`blockkit`). Imports nothing else of the bot."""
