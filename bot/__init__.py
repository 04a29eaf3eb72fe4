"""gemini-cost's Slack bot, in layers (README "Architecture"): entry points and the composition root at this level;
`slack/` > `admin/` > `answers/` > `store/` | `text/` below, each importing only the layers under it."""
