"""`python -m bot db upgrade|current|history|revision`: the schema, for operators (and developers).

Uses DATABASE_URL like the bot. `upgrade` does what every process does at start (lock, adopt a
create_all database, upgrade to head), so a release can be migrated before its processes start.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import DBAPIError

from bot.settings import load_settings
from bot.store import migrate
from bot.store.database import Store

__all__ = ["main"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot db", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("upgrade", help="bring the database to the newest revision (what every process does at start)")
    commands.add_parser("current", help="the database's revision, and whether it is the newest")
    commands.add_parser("history", help="every revision this release ships, newest first")
    revision = commands.add_parser(
        "revision", help="developers: write the next revision file from the models (review it before committing)"
    )
    revision.add_argument("-m", "--message", required=True, help="what the revision changes, e.g. 'add followups'")
    args = parser.parse_args(argv)

    if args.command == "history":
        return _history()
    if args.command == "revision":
        print(migrate.new_revision(args.message))
        return 0

    store = Store.from_url(load_settings().database_url)
    try:
        if args.command == "upgrade":
            return _upgrade(store)
        return _current(store)
    except DBAPIError as error:
        print(f"gemini-cost: the database could not be reached ({type(error.orig).__name__})", file=sys.stderr)
        return 1
    except (migrate.SchemaMismatch, migrate.SchemaAhead) as error:
        print(f"gemini-cost: {error}", file=sys.stderr)
        return 2
    finally:
        store.dispose()


def _upgrade(store: Store) -> int:
    result = migrate.upgrade_to_head(store.engine)
    if not result.changed:
        print(f"already at {result.after} (head)")
        return 0
    adopted = "; adopted the tables made by create_all" if result.adopted else ""
    print(f"upgraded {result.before or 'an unversioned database'} -> {result.after} (head){adopted}")
    return 0


def _current(store: Store) -> int:
    head = migrate.head_revision()
    current = migrate.current_revision(store.engine)
    if current == head:
        print(f"{current} (head)")
    elif current is not None:
        known = {revision for revision, _ in migrate.revisions()}
        if current not in known:
            print(f"{current}: newer than this release (head {head})")
        else:
            print(f"{current} (head is {head}: `python -m bot db upgrade`, or any process start, upgrades it)")
    else:
        if migrate.baseline_tables_in(store.engine):
            print(f"none: tables made by create_all, not yet adopted (`python -m bot db upgrade` stamps and upgrades to {head})")
        else:
            print(f"none: an empty database (`python -m bot db upgrade` creates {head})")
    return 0


def _history() -> int:
    head = migrate.head_revision()
    for revision, title in migrate.revisions():
        mark = " (head)" if revision == head else ""
        print(f"{revision}{mark}  {title}")
    return 0
