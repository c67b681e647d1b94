"""Every schema change is a migration: building from nothing gives exactly the models' schema."""

import psycopg
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, make_url

from campaign import create_app
from campaign.extensions import db
from tests.conftest import _environ, _recreate_database


def _fresh_app(postgres_admin_url, tmp_path, name):
    _recreate_database(postgres_admin_url, name)
    url = make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)
    return create_app(environ=_environ(url, "redis://127.0.0.1:1/0", tmp_path)), url


def _drop(postgres_admin_url, name):
    conninfo = make_url(postgres_admin_url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_migrations_build_the_schema_from_empty_on_postgresql(postgres_admin_url, tmp_path):
    app, url = _fresh_app(postgres_admin_url, tmp_path, "campaign_migrations")
    try:
        with app.app_context():
            upgrade()
            with db.engine.connect() as connection:
                diff = compare_metadata(
                    MigrationContext.configure(connection, opts={"compare_type": True}), db.metadata
                )
                tables = set(inspect(connection).get_table_names())
            assert diff == [], f"models and migrations disagree: {diff}"
            assert {"users", "petitions", "stories", "emails", "organisations", "pages"} <= tables
            downgrade(revision="base")
            with db.engine.connect() as connection:
                assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
            db.engine.dispose()
    finally:
        _drop(postgres_admin_url, "campaign_migrations")


def test_migrations_build_the_schema_on_sqlite(tmp_path):
    url = f"sqlite:///{tmp_path / 'try.db'}"
    app = create_app(environ=_environ(url, "redis://127.0.0.1:1/0", tmp_path))
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == []
        db.engine.dispose()
    assert "users" in inspect(create_engine(url)).get_table_names()


def test_signatures_already_stored_take_the_region_of_their_postcode_district(tmp_path):
    """0014: signatures made when regions went by postcode area (SY23 Aberystwyth counted as the West
    Midlands, TD15 Berwick as Scotland) are moved to their district's region, and back on downgrade."""
    from sqlalchemy import select

    from campaign.models import Signature
    from tests.factories import make_petition

    url = f"sqlite:///{tmp_path / 'regions.db'}"
    app = create_app(environ=_environ(url, "redis://127.0.0.1:1/0", tmp_path))
    with app.app_context():
        upgrade()
        petition = make_petition()
        for n, (postcode, region) in enumerate(
            [
                ("SY23 1AB", "west-midlands"),
                ("TD15 1AA", "scotland"),
                ("KT22 7AA", "london"),
                ("LS6 2AB", "yorkshire"),
            ]
        ):
            db.session.add(
                Signature(
                    petition=petition,
                    name=f"Signer {n}",
                    email=f"s{n}@example.org",
                    email_key=f"s{n}@example.org",
                    email_domain="example.org",
                    postcode=postcode,
                    region=region,
                )
            )
        db.session.commit()
        downgrade(revision="0013")
        upgrade()
        regions = dict(db.session.execute(select(Signature.postcode, Signature.region)).all())
        assert regions == {
            "SY23 1AB": "wales",
            "TD15 1AA": "north-east",
            "KT22 7AA": "south-east",
            "LS6 2AB": "yorkshire",
        }
        downgrade(revision="0013")
        db.session.expire_all()
        regions = dict(db.session.execute(select(Signature.postcode, Signature.region)).all())
        assert regions["SY23 1AB"] == "west-midlands" and regions["TD15 1AA"] == "scotland"
        db.engine.dispose()
