"""PostgreSQL for tests: find the local server, make and drop a private database, and a TCP proxy to cut."""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import threading
import uuid
from collections.abc import Iterator

import psycopg
import pytest

__all__ = [
    "PG_HOST",
    "PG_PORT",
    "TcpProxy",
    "admin_conninfo",
    "empty_database",
    "private_database",
    "require_postgres",
    "sqlalchemy_url",
]

PG_HOST = "127.0.0.1"
PG_PORT = 5432
_MAINTENANCE_DBS = ("postgres", "test")


def _candidates() -> list[tuple[str, str]]:
    users = [getpass.getuser(), "postgres"]
    return [(user, db) for user in dict.fromkeys(users) for db in _MAINTENANCE_DBS]


@contextlib.contextmanager
def _connect(user: str, dbname: str) -> Iterator[psycopg.Connection]:
    with psycopg.connect(host=PG_HOST, port=PG_PORT, user=user, dbname=dbname, connect_timeout=3, autocommit=True) as conn:
        yield conn


_found: list[tuple[str, str] | None] = []


def admin_conninfo() -> tuple[str, str] | None:
    """(user, maintenance database) that can create databases here, or None when there is no server."""
    if not _found:
        _found.append(_probe())
    return _found[0]


def _probe() -> tuple[str, str] | None:
    for user, db in _candidates():
        try:
            with _connect(user, db) as conn:
                row = conn.execute("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
                if row and row[0]:
                    return user, db
        except psycopg.Error:
            continue
    return None


def require_postgres() -> tuple[str, str]:
    """The admin connection, or skip locally; under CI=true fail instead, since `.ci/run` starts the
    server and a broken CI database must never pass as green."""
    found = admin_conninfo()
    if found is None:
        message = f"PostgreSQL not reachable at {PG_HOST}:{PG_PORT} with trust auth"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " (CI=true: it must be)")
        pytest.skip(message)
    return found


def sqlalchemy_url(user: str, dbname: str, port: int = PG_PORT) -> str:
    return f"postgresql+psycopg://{user}@{PG_HOST}:{port}/{dbname}"


@contextlib.contextmanager
def private_database(prefix: str) -> Iterator[tuple[str, str]]:
    """A fresh, uniquely named database for one test module: yields (user, dbname), dropped afterwards."""
    user, maintenance = require_postgres()
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with _connect(user, maintenance) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield user, name
    finally:
        with _connect(user, maintenance) as conn:
            # FORCE ends connections a test left open (e.g. a pool still holding one).
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def empty_database(url: str) -> None:
    """Drop every table of a database a module shares between tests (the schema version with them)."""
    from sqlalchemy import MetaData, create_engine

    engine = create_engine(url)
    try:
        tables = MetaData()
        tables.reflect(engine)
        tables.drop_all(engine)
    finally:
        engine.dispose()


class TcpProxy:
    """A loopback TCP forwarder that can be cut (as if the database went away) and restored.

    Cut closes every open connection and closes new ones at once, so clients fail fast instead of
    hanging; the port stays the same throughout. Freeze is the other outage (a host that crashed, a
    partition: no RST): connections stay open and new ones are accepted, but nothing is forwarded
    until thaw, which delivers what waited. Threads are daemons and connections are capped.
    """

    def __init__(self, target_port: int, target_host: str = PG_HOST, *, max_connections: int = 64) -> None:
        self._target = (target_host, target_port)
        self._max = max_connections
        self._lock = threading.Lock()
        self._pairs: list[tuple[socket.socket, socket.socket]] = []
        self._cut = False
        self._closed = False
        self._flowing = threading.Event()
        self._flowing.set()
        self._listener = socket.create_server((PG_HOST, 0))
        self._listener.settimeout(0.2)  # lets the accept loop notice close()
        self.port: int = self._listener.getsockname()[1]
        self._acceptor = threading.Thread(target=self._accept_loop, name="pg-proxy-accept", daemon=True)
        self._acceptor.start()

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            pairs, self._pairs = self._pairs, []
        for pair in pairs:
            _close_pair(pair)

    def freeze(self) -> None:
        """Stop forwarding in both directions without closing anything."""
        self._flowing.clear()

    def thaw(self) -> None:
        self._flowing.set()

    def restore(self) -> None:
        with self._lock:
            self._cut = False

    def close(self) -> None:
        self._closed = True
        self._flowing.set()
        self.cut()
        self._acceptor.join(2)
        self._listener.close()

    def _accept_loop(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self._open(client)

    def _open(self, client: socket.socket) -> None:
        with self._lock:
            refuse = self._cut or len(self._pairs) >= self._max
        if refuse:
            client.close()
            return
        try:
            upstream = socket.create_connection(self._target, timeout=3)
        except OSError:
            client.close()
            return
        for s in (client, upstream):
            s.settimeout(None)
        pair = (client, upstream)
        with self._lock:
            if self._cut:  # cut while we were connecting
                _close_pair(pair)
                return
            self._pairs.append(pair)
        for source, sink in ((client, upstream), (upstream, client)):
            threading.Thread(target=self._pump, args=(pair, source, sink), name="pg-proxy-pump", daemon=True).start()

    def _pump(self, pair: tuple[socket.socket, socket.socket], source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self._flowing.wait()  # frozen: hold the bytes (and the sender) until thaw
                if self._closed:
                    break
                sink.sendall(data)
        except OSError:
            pass
        with self._lock:
            if pair in self._pairs:
                self._pairs.remove(pair)
        _close_pair(pair)


def _close_pair(pair: tuple[socket.socket, socket.socket]) -> None:
    for s in pair:
        with contextlib.suppress(OSError):
            s.shutdown(socket.SHUT_RDWR)  # wakes the pump blocked in recv on this socket
        with contextlib.suppress(OSError):
            s.close()
