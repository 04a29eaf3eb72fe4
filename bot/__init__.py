"""gemini-cost's Slack bot: settings, store, Bolt app and listeners (Slack imports stay in submodules)."""
