"""Schema migrations on SQLite and PostgreSQL: empty -> head, a create_all database adopted with its rows,
several instances at once, the operator CLI, and the models kept in step with the revisions."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fake_slack import FakeSlack
from pg import private_database, sqlalchemy_url
from slack_harness import REPO, bot_env, start_bot
from sqlalchemy import Column, Engine, Integer, MetaData, String, Table, func, inspect, select, text

import bot.store.schema  # noqa: F401  # every module that maps a table, as bot/store/migrations/env.py imports them
from bot.store import migrate
from bot.store.card_versions import RateStore
from bot.store.conversations import Conversations
from bot.store.database import Base, Store
from pricing import load_card
from pricing.edits import card_to_json, set_price

SEED = load_card()
FLASH = "gemini-2.5-flash"  # input $0.30 on the shipped card
STORE_TABLES = ("user_languages", "handled_events", "thread_replies")  # the first release's tables
WHEN = dt.datetime(2026, 11, 30, 12, 0, 0)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    with private_database("gc_migrate") as (user, dbname):
        yield sqlalchemy_url(user, dbname)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    store = Store.from_url(db_url)
    yield store.engine
    store.dispose()


def baseline() -> MetaData:
    """The schema the release before migrations made with create_all (frozen in revision 0001)."""
    return migrate._baseline()


def make_release_database(engine: Engine, tables: tuple[str, ...] | None = None) -> dict[str, list[tuple]]:
    """What a release before migrations left behind: its create_all tables, with rows in every one."""
    schema = baseline()
    chosen = [t for t in schema.sorted_tables if tables is None or t.name in tables]
    schema.create_all(engine, tables=chosen)
    edited = set_price(SEED, FLASH, "input", Decimal("0.35"), long_context=False, today=WHEN.date())
    rows = {
        "user_languages": [{"user_id": "U0ZH", "lang": "zh_CN", "updated_at": WHEN}],
        "handled_events": [{"event_key": "Ev0OLD", "handled_at": WHEN}, {"event_key": "message:C1:1.0", "handled_at": WHEN}],
        "thread_replies": [{"channel": "C0CHAN", "thread_ts": "1700000000.000100", "replied_at": WHEN}],
        "rate_card_versions": [
            {"version": 1, "card_json": card_to_json(SEED), "created_at": WHEN, "created_by": "system", "action": "seed", "undoes": None},
            {"version": 2, "card_json": card_to_json(edited), "created_at": WHEN, "created_by": "U0ADMIN", "action": "set flash input 0.35", "undoes": None},
        ],
        "rate_card_audit": [
            {"version": 1, "at": WHEN, "user_id": "system", "channel_id": None, "action": "seed", "changes_json": "[]"},
            {"version": 2, "at": WHEN, "user_id": "U0ADMIN", "channel_id": "C0ADMIN", "action": "set flash input 0.35", "changes_json": "[{\"path\": \"x\"}]"},
        ],
        "conversation_readings": [{"conversation": "D0DM", "reading": "1M in 50k out", "updated_at": WHEN}],
    }  # fmt: skip
    with engine.begin() as conn:
        for table in chosen:
            conn.execute(table.insert(), rows[table.name])
    return dump(engine, tuple(t.name for t in chosen))


def dump(engine: Engine, tables: tuple[str, ...]) -> dict[str, list[tuple]]:
    schema = baseline()
    with engine.connect() as conn:
        return {
            name: sorted(tuple(row) for row in conn.execute(select(schema.tables[name])))  # type: ignore[misc]
            for name in tables
        }


def model_differences(engine: Engine) -> list:
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)


def version_rows(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())


def db_cli(url: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": os.environ.get("HOME", "/tmp"), "PYTHONPATH": str(REPO),
           "DATABASE_URL": url}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "bot", "db", *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=120
    )


# -- empty -> head ----------------------------------------------------------------------------------


def test_an_empty_database_is_brought_to_head(engine: Engine) -> None:
    result = migrate.upgrade_to_head(engine)

    assert (result.before, result.after, result.adopted) == (None, migrate.head_revision(), False)
    assert version_rows(engine) == [migrate.head_revision()]
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    # A second start finds it done.
    assert not migrate.upgrade_to_head(engine).changed
    assert version_rows(engine) == [migrate.head_revision()]


def test_the_models_and_the_revisions_describe_the_same_schema(engine: Engine) -> None:
    """Fails when a mapped class or column is added without a revision file (README "Database schema")."""
    migrate.upgrade_to_head(engine)
    assert model_differences(engine) == []


def test_the_bot_works_on_a_migrated_database(engine: Engine) -> None:
    Store(engine).create_schema()
    rates = RateStore(engine, SEED)
    rates.ensure_seed()
    assert rates.current().version == 1
    Store(engine).set_lang("U1", "zh_TW")
    assert Store(engine).get_lang("U1") == "zh_TW"


# -- adopting a create_all database ------------------------------------------------------------------


def test_a_create_all_database_with_rows_is_adopted_and_every_row_kept(engine: Engine) -> None:
    before = make_release_database(engine)
    assert migrate.current_revision(engine) is None

    result = migrate.upgrade_to_head(engine)

    assert result.adopted and result.after == migrate.head_revision()
    assert version_rows(engine) == [migrate.head_revision()]
    assert dump(engine, tuple(before)) == before
    assert model_differences(engine) == []
    # The bot reads them as before: the admin's change is still the current card, the choice still there.
    rates = RateStore(engine, SEED)
    rates.ensure_seed()  # what a start does: nothing to seed, version 2 stays current
    current = rates.current()
    assert current.version == 2 and current.card.model(FLASH).input.standard == Decimal("0.35")
    assert [entry.action for entry in rates.history(5)] == ["set flash input 0.35", "seed"]
    assert Store(engine).get_lang("U0ZH") == "zh_CN"
    assert not Store(engine).claim_event("Ev0OLD")  # still known as handled
    assert Conversations(Store(engine, clock=lambda: WHEN)).last("D0DM") == "1M in 50k out"


def test_a_database_from_before_the_rate_tables_gets_them_and_keeps_its_rows(engine: Engine) -> None:
    before = make_release_database(engine, STORE_TABLES)

    result = migrate.upgrade_to_head(engine)

    assert result.adopted
    assert dump(engine, STORE_TABLES) == before
    assert model_differences(engine) == []
    rates = RateStore(engine, SEED)
    rates.ensure_seed()
    assert rates.current().version == 1


def test_tables_that_do_not_match_are_refused_and_nothing_changes(engine: Engine, db_url: str, tmp_path: Path) -> None:
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE user_languages (user_id VARCHAR(32) PRIMARY KEY, lang VARCHAR(16) NOT NULL)"))
        conn.execute(text("INSERT INTO user_languages VALUES ('U1', 'en')"))

    with pytest.raises(migrate.SchemaMismatch) as raised:
        migrate.upgrade_to_head(engine)
    assert "add column user_languages.updated_at" in raised.value.differences

    assert set(inspect(engine).get_table_names()) == {"user_languages"}  # no version table, nothing created
    cli = db_cli(db_url, "upgrade", cwd=tmp_path)
    assert cli.returncode == 2
    assert "user_languages.updated_at" in cli.stderr and "Traceback" not in cli.stderr
    with engine.connect() as conn:
        assert conn.execute(text("SELECT user_id, lang FROM user_languages")).all() == [("U1", "en")]


def test_the_web_process_refuses_to_start_on_tables_it_does_not_know(fake_slack: FakeSlack, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'odd.db'}"
    engine = Store.from_url(url).engine
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE rate_card_versions (version INTEGER PRIMARY KEY, card TEXT)"))
    engine.dispose()
    env = bot_env(fake_slack, url)
    result = subprocess.run([sys.executable, "-m", "bot", "http"], env=env, cwd=tmp_path, capture_output=True,
                            text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("gemini-cost: DATABASE_URL: ") and result.stderr.count("\n") == 1
    assert "rate_card_versions" in result.stderr


# -- several instances at once ---------------------------------------------------------------------


@pytest.mark.parametrize("start", ["empty", "create_all"])
def test_instances_upgrading_at_once_migrate_exactly_once(engine: Engine, db_url: str, tmp_path: Path, start: str) -> None:
    before = make_release_database(engine) if start == "create_all" else {}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "db", "upgrade"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), "DATABASE_URL": db_url},
        )
        for _ in range(4)
    ]  # fmt: skip
    outputs = [p.communicate(timeout=120) for p in processes]

    assert [p.returncode for p in processes] == [0] * 4, outputs
    said = sorted(out.split(" ")[0] for out, _ in outputs)
    assert said == ["already", "already", "already", "upgraded"], outputs
    assert version_rows(engine) == [migrate.head_revision()]
    assert model_differences(engine) == []
    if before:
        assert dump(engine, tuple(before)) == before


def test_a_second_instance_waits_for_the_one_migrating(engine: Engine, db_url: str, tmp_path: Path) -> None:
    with migrate.migration_lock(engine):
        waiting = subprocess.Popen(
            [sys.executable, "-m", "bot", "db", "upgrade"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(REPO), "DATABASE_URL": db_url},
        )  # fmt: skip
        time.sleep(2.0)  # ample for a start-up and an upgrade that was not held back
        assert waiting.poll() is None, waiting.communicate()
        assert migrate.current_revision(engine) is None
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert out.startswith("upgraded")


def test_two_web_processes_starting_together_on_an_empty_database(
    db_url: str, engine: Engine, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    servers = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            servers.append(start_bot(fake_slack, db_url, tmp_path))
        except BaseException as error:  # noqa: BLE001  # reported below
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        for server in servers:
            assert "$4.90" in server.command("1M in 50k out").text
            import httpx

            assert httpx.get(f"{server.url}/readyz").json()["card_version"] == 1
        assert version_rows(engine) == [migrate.head_revision()]
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(baseline().tables["rate_card_versions"])).scalar() == 1
    finally:
        for server in servers:
            server.stop()


# -- the operator CLI ------------------------------------------------------------------------------


def test_cli_current_upgrade_history(db_url: str, engine: Engine, tmp_path: Path) -> None:
    head = migrate.head_revision()
    assert db_cli(db_url, "current", cwd=tmp_path).stdout.startswith("none: an empty database")
    make_release_database(engine, STORE_TABLES)
    assert db_cli(db_url, "current", cwd=tmp_path).stdout.startswith("none: tables made by create_all")

    upgraded = db_cli(db_url, "upgrade", cwd=tmp_path)
    assert upgraded.returncode == 0
    assert upgraded.stdout == f"upgraded an unversioned database -> {head} (head); adopted the tables made by create_all\n"
    assert db_cli(db_url, "upgrade", cwd=tmp_path).stdout == f"already at {head} (head)\n"
    assert db_cli(db_url, "current", cwd=tmp_path).stdout == f"{head} (head)\n"

    history = db_cli(db_url, "history", cwd=tmp_path).stdout.splitlines()
    assert history[0].startswith(f"{head} (head)")
    assert history[-1].startswith("0001") and "Baseline" in history[-1]


def test_cli_says_when_the_database_cannot_be_reached(tmp_path: Path) -> None:
    result = db_cli("postgresql://nobody@127.0.0.1:1/none", "upgrade", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("gemini-cost: the database could not be reached") and "Traceback" not in result.stderr


# -- the revision files ----------------------------------------------------------------------------


def test_revisions_form_one_line_with_one_head() -> None:
    """Two branches that each added a revision after the same parent leave two heads: re-point one."""
    script = migrate._script()
    assert len(script.get_heads()) == 1, f"several heads {script.get_heads()}: set one's down_revision to the other"
    files = sorted(p.name for p in (migrate.MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
    revisions = list(reversed([r for r, _ in migrate.revisions()]))
    assert [name.split("_")[0] for name in files] == revisions, "one file per revision, named by its number"
    assert revisions[0] == migrate.BASELINE_REVISION


def test_the_head_read_without_alembic_is_alembics() -> None:
    """A start on a database at head checks that with the files' own `revision =` lines and one query,
    never loading Alembic: those lines must name the head Alembic would."""
    assert migrate._shipped_head() == migrate.head_revision()


def test_a_new_table_needs_only_one_generated_revision_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a later branch does: add the mapped table, run `python -m bot db revision -m ...`, commit the file."""
    copy = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    migrate._script.cache_clear()
    probe = Table("followup_probe", Base.metadata, Column("id", Integer, primary_key=True), Column("note", String(40)))
    try:
        path = migrate.new_revision("add followup probe")
        source = path.read_text()
        assert path.name.startswith(f"{int(migrate.BASELINE_REVISION) + 1:04d}_add_followup_probe")
        assert migrate._shipped_head() == migrate.head_revision() == path.name[:4]
        assert "op.create_table('followup_probe'" in source or 'op.create_table("followup_probe"' in source
        store = Store.from_url(f"sqlite:///{tmp_path / 'next.db'}")
        make_release_database(store.engine)
        assert migrate.upgrade_to_head(store.engine).after == path.name[:4]
        assert "followup_probe" in inspect(store.engine).get_table_names()
        assert model_differences(store.engine) == []
        store.dispose()
    finally:
        Base.metadata.remove(probe)
        migrate._script.cache_clear()


def test_procfile_release_line_migrates(db_url: str, engine: Engine, tmp_path: Path) -> None:
    """Heroku (and Dokku) run `release:` once per deploy, before the new processes start."""
    from slack_harness import procfile_command

    env = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONPATH": str(REPO),
           "DATABASE_URL": db_url}  # fmt: skip
    result = subprocess.run(["bash", "-c", "exec " + procfile_command("release")], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert version_rows(engine) == [migrate.head_revision()]


def test_waiting_for_the_migration_lock_is_logged_and_bounded(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    """Issue 17 item 11: an instance that never gets the lock says so, and gives up with a clear error."""
    import logging
    import threading

    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        with migrate.migration_lock(engine):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=hold, daemon=True)
    holder.start()
    assert holding.wait(30)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.store.migrate"), pytest.raises(migrate.MigrationLockTimeout):
            with migrate.migration_lock(engine, timeout=1.0):
                pass
    finally:
        release.set()
        holder.join(30)
    assert "waiting for another instance's schema migration" in caplog.text
