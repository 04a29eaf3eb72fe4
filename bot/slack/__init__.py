"""Slack transport: the Bolt app and its listeners, HTTP and Socket Mode serving, Web API clients, users.info,
per-user language and admin checks, and the task pools work runs in after an ack. Top layer under the composition root."""
