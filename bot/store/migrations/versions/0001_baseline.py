"""Baseline: the schema `Base.metadata.create_all` made before migrations existed.

Revision ID: 0001
Revises:
Create Date: 2026-12-02

That is the last release without migrations (the follow-ups' `conversation_readings` included); older
releases made a subset of these tables. They are written out here, not imported from the models,
because this revision must keep describing *that* schema when the models move on. `bot.store.migrate` also compares an unversioned database
with `BASELINE` before stamping it, so a database from an earlier release is adopted with its rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BASELINE = sa.MetaData()

sa.Table(
    "user_languages",
    BASELINE,
    sa.Column("user_id", sa.String(32), primary_key=True),
    sa.Column("lang", sa.String(16), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False),
)
sa.Table(
    "handled_events",
    BASELINE,
    sa.Column("event_key", sa.String(128), primary_key=True),
    sa.Column("handled_at", sa.DateTime(), nullable=False, index=True),
)
sa.Table(
    "thread_replies",
    BASELINE,
    sa.Column("channel", sa.String(32), primary_key=True),
    sa.Column("thread_ts", sa.String(32), primary_key=True),
    sa.Column("replied_at", sa.DateTime(), nullable=False),
)
sa.Table(
    "rate_card_versions",
    BASELINE,
    sa.Column("version", sa.Integer(), primary_key=True, autoincrement=False),
    sa.Column("card_json", sa.Text(), nullable=False),
    sa.Column("created_at", sa.DateTime(), nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("action", sa.Text(), nullable=False),
    sa.Column("undoes", sa.Integer(), nullable=True),
)
sa.Table(
    "rate_card_audit",
    BASELINE,
    sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
    sa.Column("version", sa.Integer(), sa.ForeignKey("rate_card_versions.version"), nullable=False, unique=True),
    sa.Column("at", sa.DateTime(), nullable=False),
    sa.Column("user_id", sa.String(64), nullable=False),
    sa.Column("channel_id", sa.String(64), nullable=True),
    sa.Column("action", sa.Text(), nullable=False),
    sa.Column("changes_json", sa.Text(), nullable=False),
)

sa.Table(
    "conversation_readings",
    BASELINE,
    sa.Column("conversation", sa.String(96), primary_key=True),
    sa.Column("reading", sa.String(2000), nullable=False),
    sa.Column("updated_at", sa.DateTime(), nullable=False, index=True),
)


def upgrade() -> None:
    BASELINE.create_all(op.get_bind(), checkfirst=False)


def downgrade() -> None:
    BASELINE.drop_all(op.get_bind(), checkfirst=False)
