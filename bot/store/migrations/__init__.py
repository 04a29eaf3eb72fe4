"""Alembic's script directory for the bot's database: `env.py`, the revision template and `versions/`.

Run through `bot.store.migrate` (at start, and `python -m bot db ...`), never with a bare `alembic` command:
`bot.store.migrate` takes the cross-instance lock and adopts databases made before migrations existed.
"""
