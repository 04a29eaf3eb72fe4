"""Persistence: the database engine and sessions, rate-card versions with their audit, the in-memory card cache,
conversations kept for follow-ups, and schema migrations. Every table the bot maps lives here."""
