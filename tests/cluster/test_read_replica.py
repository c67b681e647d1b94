"""DATABASE_REPLICA_URL against a real streaming replica: the public pages a signed-out visitor reads come
from the replica, everything that writes or must read its own writes from the primary, and a replica that
stops answering costs nobody a page.

To tell the two apart the test pauses the replica's replay (pg_wal_replay_pause): what is committed on the
primary after that is on the primary only until replay resumes."""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import func, select

from campaign import create_app
from campaign.extensions import db, reading_replica
from campaign.models import Petition
from tests.conftest import PASSWORD, FormClient, _environ, migrated_database
from tests.factories import make_petition, make_user
from tests.support.waiting import wait_for

from .pg_pair import PrimaryAndReplica

LIST_PAGES = ("/", "/coalition", "/news", "/petitions/", "/petitions.json", "/stories/")
SIGNER = {"name": "Mary Example", "email": "mary@example.org", "location": "uk", "postcode": "sw1a1aa"}


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    servers = PrimaryAndReplica().start()
    try:
        wait_for(servers.streaming, 60, "the replica to stream from the primary")
        migrated_database(servers.url(servers.primary_port), "campaign", tmp_path_factory.mktemp("migrate"))
        yield servers
    finally:
        servers.stop()


@pytest.fixture
def replica_app(pair, redis_server, tmp_path):
    environ = _environ(
        pair.url(pair.primary_port, "campaign"),
        redis_server,
        tmp_path,
        DATABASE_REPLICA_URL=pair.url(pair.replica_port, "campaign"),
        PUBLIC_CACHE_SECONDS="0",  # every page read from a database, not from Redis
    )
    app = create_app(environ=environ)
    yield app
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()


def _on(pair, port: int, sql: str, *args):
    with pair.connect(port, "campaign") as conn:
        cursor = conn.execute(sql, args)
        return cursor.fetchone() if cursor.description else None


def _replayed(pair, slug: str) -> bool:
    return _on(pair, pair.replica_port, "SELECT 1 FROM petitions WHERE slug = %s", slug) is not None


def test_public_pages_read_the_replica_and_everything_else_the_primary(pair, replica_app, caplog):
    with replica_app.app_context():
        slug = make_petition(slug="together-replica", title="Keep mothers and babies together").slug
        db.session.remove()
    started = time.monotonic()
    wait_for(lambda: _replayed(pair, slug), 30, "the replica to replay the new petition")
    print(
        f"\n[replica] a committed petition was readable on the replica after {time.monotonic() - started:.3f} s"
    )

    _on(pair, pair.replica_port, "SELECT pg_wal_replay_pause()")
    try:
        _on(
            pair,
            pair.primary_port,
            "UPDATE petitions SET title = 'Support, not separation' WHERE slug = %s",
            slug,
        )
        visitor = FormClient(replica_app.test_client())
        # Signed out: the page and its JSON show the replica's (older) title.
        page = visitor.get(f"/petitions/{slug}")
        assert page.status_code == 200
        assert "Keep mothers and babies together" in page.text and "Support, not separation" not in page.text
        assert (
            visitor.get(f"/petitions/{slug}.json").json["data"]["title"] == "Keep mothers and babies together"
        )
        assert any(p["slug"] == slug for p in visitor.get("/petitions.json").json["data"])
        for path in LIST_PAGES:
            assert visitor.get(path).status_code == 200, path

        # Signing writes to the primary, and the "check your email" page after it reads it back.
        signed = visitor.submit(f"/petitions/{slug}/sign", SIGNER, follow_redirects=True)
        assert signed.status_code == 200 and "Check your email" in signed.text
        count = "SELECT count(*) FROM signatures JOIN petitions ON petitions.id = petition_id WHERE slug = %s"
        assert _on(pair, pair.primary_port, count, slug)[0] == 1
        assert _on(pair, pair.replica_port, count, slug)[0] == 0

        # A person made after the pause exists on the primary only: signing in works, so it read the
        # primary, and once signed in the same page shows the primary's title.
        with replica_app.app_context():
            email = make_user(email="organiser@example.org").email
            db.session.remove()
        member = FormClient(replica_app.test_client())
        assert member.sign_in(email, PASSWORD).status_code == 302
        page = member.get(f"/petitions/{slug}")
        assert page.status_code == 200 and "Support, not separation" in page.text

        health = visitor.get("/healthz").json
        assert health["replica"]["reachable"] is True and health["status"] == "ok"
        assert health["replica"]["lag_seconds"] >= 0  # replay is paused: how long since it last replayed
    finally:
        _on(pair, pair.replica_port, "SELECT pg_wal_replay_resume()")

    wait_for(
        lambda: "Support, not separation" in visitor.get(f"/petitions/{slug}").text,
        30,
        "the public page to show the title once the replica replays it",
    )

    # The replica stops: the public page is read from the primary, with a warning, and never a 500.
    caplog.set_level(logging.WARNING, logger="campaign.web.replica")
    pair.stop_server(pair.replica_dir)
    try:
        for path in (f"/petitions/{slug}", f"/petitions/{slug}.json", *LIST_PAGES):
            response = visitor.get(path)
            assert response.status_code == 200, path
        assert "Support, not separation" in visitor.get(f"/petitions/{slug}").text
        [warning] = [r.getMessage() for r in caplog.records if r.name == "campaign.web.replica"]
        assert "answered from the primary" in warning
        health = visitor.get("/healthz").json
        assert health["replica"]["reachable"] is False and health["status"] == "degraded"
    finally:
        pair.start_server(pair.replica_dir)


def test_without_a_replica_setting_nothing_changes(pair, redis_server, tmp_path):
    app = create_app(environ=_environ(pair.url(pair.primary_port, "campaign"), redis_server, tmp_path))
    assert app.config["SQLALCHEMY_BINDS"] == {}
    with app.app_context():
        assert list(db.engines) == [None]
        slug = make_petition(title="Read from the primary alone").slug
        assert db.session.scalar(select(Petition.title).where(Petition.slug == slug))
        db.session.remove()
    response = app.test_client().get(f"/petitions/{slug}")
    assert response.status_code == 200 and "Read from the primary alone" in response.text
    assert "replica" not in app.test_client().get("/healthz").json
    with app.app_context():
        db.engine.dispose()


def test_a_session_that_wrote_reads_its_own_writes_from_the_primary(replica_app):
    on_replica = select(func.pg_is_in_recovery())  # true only on the standby
    with replica_app.app_context():
        token = reading_replica.set(True)
        try:
            assert db.session.scalar(on_replica) is True
            assert db.session.scalar(on_replica.with_for_update()) is False  # a lock is a write
            assert db.session.scalar(on_replica) is False  # and the session stays on the primary
            db.session.remove()  # the next request's session
            assert db.session.scalar(on_replica) is True
            make_petition(title="Written, then read back")  # a flush and a commit
            assert db.session.scalar(on_replica) is False  # from here on, the primary
        finally:
            reading_replica.reset(token)
            db.session.remove()
        assert db.session.scalar(on_replica) is False  # outside a public page: the primary
        db.session.remove()


def test_with_a_transaction_pooler_no_connection_prepares_statements(pair, redis_server, tmp_path):
    environ = _environ(
        pair.url(pair.primary_port, "campaign"),
        redis_server,
        tmp_path,
        DATABASE_POOLER="transaction",
        DATABASE_REPLICA_URL=pair.url(pair.replica_port, "campaign"),
    )
    app = create_app(environ=environ)
    with app.app_context():
        for engine in db.engines.values():
            with engine.connect() as connection:
                for _ in range(10):  # psycopg prepares a statement on its sixth run unless told not to
                    connection.execute(select(Petition.id).limit(1))
                raw = connection.connection.driver_connection
                assert raw.prepare_threshold is None
                prepared = connection.exec_driver_sql("SELECT count(*) FROM pg_prepared_statements").scalar()
                assert prepared == 0, f"{engine.url.port}: {prepared} statements prepared"
            engine.dispose()
