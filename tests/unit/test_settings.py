import pytest

from campaign import ConfigError, create_app
from campaign.settings import load_settings

PRODUCTION = {
    "APP_ENV": "production",
    "SECRET_KEY": "9f2c4e6a8b0d1f3e5a7c9b2d4f6e8a0c",  # as secrets.token_hex(16) makes
    "DATABASE_URL": "postgresql://campaign:pw@db.internal/campaign",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "MAIL_BACKEND": "sendgrid",
    "SENDGRID_API_KEY": "SG.test",
    "BASE_URL": "https://campaign.example.org",
}


def test_development_needs_nothing_set_and_keeps_its_secret_key(tmp_path):
    first = load_settings(tmp_path, {})
    second = load_settings(tmp_path, {})
    assert first["APP_ENV"] == "development"
    assert first["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'campaign.db'}"
    assert first["MAIL_BACKEND"] == "outbox"
    assert len(first["SECRET_KEY"]) == 64
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_setting(tmp_path, missing):
    environ = {k: v for k, v in PRODUCTION.items() if k != missing}
    with pytest.raises(ConfigError) as raised:
        create_app(environ={**environ, "INSTANCE_PATH": str(tmp_path)})
    message = str(raised.value)
    assert missing in message
    assert "\n" not in message  # one clear line


def test_production_refuses_a_malformed_setting(tmp_path):
    with pytest.raises(ConfigError, match="DATABASE_URL must be a PostgreSQL or SQLite URL"):
        load_settings(tmp_path, {**PRODUCTION, "DATABASE_URL": "mysql://x/y"})
    with pytest.raises(ConfigError, match="SENDGRID_TIMEOUT must be a whole number"):
        load_settings(tmp_path, {**PRODUCTION, "SENDGRID_TIMEOUT": "soon"})
    with pytest.raises(ConfigError, match="MAIL_BACKEND=outbox is for development only"):
        load_settings(tmp_path, {**PRODUCTION, "MAIL_BACKEND": "outbox"})


def test_production_app_is_hardened(tmp_path):
    app = create_app(environ={**PRODUCTION, "INSTANCE_PATH": str(tmp_path)})
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert "dev" not in app.blueprints  # the outbox is never reachable in production
    assert not app.debug


def test_testing_app_has_dev_tools_and_csrf(app):
    assert app.config["APP_ENV"] == "testing"
    assert "dev" in app.blueprints
    assert app.config.get("WTF_CSRF_ENABLED", True) is True


def test_donation_settings_are_checked_at_start_up(tmp_path):
    with pytest.raises(ConfigError, match="STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set"):
        load_settings(tmp_path, {**PRODUCTION, "STRIPE_SECRET_KEY": "sk_live_x"})
    with pytest.raises(ConfigError, match="DONATION_MIN_PENCE and DONATION_MAX_PENCE"):
        load_settings(tmp_path, {**PRODUCTION, "DONATION_MIN_PENCE": "10"})
    with pytest.raises(ConfigError, match="DONATION_MIN_PENCE and DONATION_MAX_PENCE"):
        load_settings(tmp_path, {**PRODUCTION, "DONATION_MIN_PENCE": "5000", "DONATION_MAX_PENCE": "1000"})
    with pytest.raises(ConfigError, match="DONATION_SUGGESTED must be amounts in pounds"):
        load_settings(tmp_path, {**PRODUCTION, "DONATION_SUGGESTED": "5,lots"})
    settings = load_settings(tmp_path, {**PRODUCTION, "DONATION_SUGGESTED": "3, 7.50, 20000"})
    assert settings["DONATION_SUGGESTED_PENCE"] == [300, 750]  # £20,000 is over the maximum, so not offered


def test_argon2_cost_is_strong_by_default_and_a_weak_one_is_refused_in_production(tmp_path):
    default = load_settings(tmp_path, PRODUCTION)
    assert (default["ARGON2_TIME_COST"], default["ARGON2_MEMORY_KIB"]) == (3, 65536)
    weak = {**PRODUCTION, "ARGON2_TIME_COST": "1", "ARGON2_MEMORY_KIB": "8", "ARGON2_PARALLELISM": "1"}
    with pytest.raises(ConfigError, match="below OWASP's minimum"):
        load_settings(tmp_path, weak)
    assert load_settings(tmp_path, {**weak, "APP_ENV": "testing"})["ARGON2_MEMORY_KIB"] == 8
    assert load_settings(tmp_path, {**PRODUCTION, "ARGON2_TIME_COST": "2", "ARGON2_MEMORY_KIB": "19456"})
    with pytest.raises(ConfigError, match="8 KiB of memory per lane"):
        load_settings(tmp_path, {**weak, "APP_ENV": "testing", "ARGON2_PARALLELISM": "4"})


def test_passwords_are_hashed_at_the_configured_cost_and_rehashed_when_it_changes(app, make_app):
    from argon2 import PasswordHasher, extract_parameters

    from campaign.extensions import db
    from campaign.models import User
    from campaign.services.accounts.users import authenticate, hash_password
    from tests.factories import make_user

    with app.app_context():
        cheap = extract_parameters(hash_password("a perfectly good password"))
    assert (cheap.time_cost, cheap.memory_cost, cheap.parallelism) == (1, 8, 1)
    stronger = make_app(ARGON2_TIME_COST="2", ARGON2_MEMORY_KIB="1024")
    with stronger.app_context():
        user = make_user(password="another good password 1")
        assert extract_parameters(user.password_hash).memory_cost == 1024
        user.password_hash = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(
            "another good password 1"
        )
        db.session.commit()
        authenticate(user.email, "another good password 1")
        db.session.expire_all()
        rehashed = extract_parameters(db.session.get(User, user.id).password_hash)
    assert (rehashed.time_cost, rehashed.memory_cost) == (2, 1024)


@pytest.mark.parametrize(
    "key, says",
    [
        ("x" * 40, "SECRET_KEY has only 1 different characters"),
        ("abababababababababababababababababab", "SECRET_KEY has only 2 different characters"),
        ("0123456789abcdef", "SECRET_KEY must be at least 32 characters"),
        (
            "change-me-please-this-is-not-a-real-key-123",
            "SECRET_KEY looks like a placeholder (it contains 'changeme')",
        ),
        (
            "your-secret-key-goes-here-0123456789",
            "SECRET_KEY looks like a placeholder (it contains 'yoursecret')",
        ),
        (
            "django-insecure-4f8a9b2c7d1e6f3a5b8c0d2e",
            "SECRET_KEY looks like a placeholder (it contains 'insecure')",
        ),
    ],
)
def test_production_refuses_a_weak_secret_key(tmp_path, key, says):
    with pytest.raises(ConfigError) as raised:
        create_app(environ={**PRODUCTION, "SECRET_KEY": key, "INSTANCE_PATH": str(tmp_path)})
    assert says in str(raised.value) and "\n" not in str(raised.value)
    assert key not in str(raised.value)  # never echo a secret into a log


@pytest.mark.parametrize(
    "base_url, says",
    [
        (None, "BASE_URL is required when APP_ENV=production"),
        ("", "BASE_URL is required when APP_ENV=production"),
        ("http://campaign.example.org", "BASE_URL must be an https:// origin"),
        ("http://127.0.0.1:5000", "BASE_URL must be an https:// origin"),
        ("https://127.0.0.1:5000", "BASE_URL must be the site's public origin"),
        ("https://localhost", "BASE_URL must be the site's public origin"),
    ],
)
def test_production_refuses_a_missing_or_plain_http_base_url(tmp_path, base_url, says):
    environ = {**PRODUCTION, "INSTANCE_PATH": str(tmp_path)}
    if base_url is None:
        del environ["BASE_URL"]
    else:
        environ["BASE_URL"] = base_url
    with pytest.raises(ConfigError) as raised:
        create_app(environ=environ)
    assert says in str(raised.value) and "\n" not in str(raised.value)


def test_production_refuses_sqlite(tmp_path):
    with pytest.raises(ConfigError, match="DATABASE_URL is SQLite"):
        create_app(
            environ={**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/c.db", "INSTANCE_PATH": str(tmp_path)}
        )


def test_development_still_starts_with_what_production_refuses(tmp_path):
    relaxed = {**PRODUCTION, "APP_ENV": "development", "SECRET_KEY": "x", "BASE_URL": "http://127.0.0.1:5000"}
    settings = load_settings(tmp_path, {**relaxed, "DATABASE_URL": "sqlite:////tmp/c.db", "MAIL_BACKEND": ""})
    assert settings["SESSION_COOKIE_SECURE"] is False


def test_a_strong_generated_key_is_accepted(tmp_path):
    import secrets

    for key in (secrets.token_hex(32), secrets.token_urlsafe(32)):
        assert load_settings(tmp_path, {**PRODUCTION, "SECRET_KEY": key})["SECRET_KEY"] == key


def test_production_refuses_the_development_stripe_stand_in(tmp_path):
    from campaign.dev.stripe_standin.process import SECRET_KEY as STAND_IN_KEY

    stand_in = {**PRODUCTION, "STRIPE_SECRET_KEY": STAND_IN_KEY, "STRIPE_WEBHOOK_SECRET": "whsec_x"}
    with pytest.raises(ConfigError, match="STRIPE_SECRET_KEY is the development stand-in's key"):
        load_settings(tmp_path, stand_in)
    assert (
        load_settings(tmp_path, {**stand_in, "APP_ENV": "development"})["STRIPE_SECRET_KEY"] == STAND_IN_KEY
    )


def test_a_read_replica_is_a_bind_of_its_own_and_must_be_postgresql(tmp_path):
    assert load_settings(tmp_path, PRODUCTION)["SQLALCHEMY_BINDS"] == {}
    settings = load_settings(
        tmp_path, {**PRODUCTION, "DATABASE_REPLICA_URL": "postgres://ro@replica.internal/c"}
    )
    assert settings["DATABASE_REPLICA_URL"] == "postgresql+psycopg://ro@replica.internal/c"
    assert settings["SQLALCHEMY_BINDS"]["replica"]["url"] == settings["DATABASE_REPLICA_URL"]
    with pytest.raises(ConfigError, match="DATABASE_REPLICA_URL is for a PostgreSQL replica"):
        load_settings(tmp_path, {**PRODUCTION, "DATABASE_REPLICA_URL": "sqlite:///replica.db"})
    with pytest.raises(ConfigError, match="DATABASE_REPLICA_URL must be a PostgreSQL or SQLite URL"):
        load_settings(tmp_path, {**PRODUCTION, "DATABASE_REPLICA_URL": "mysql://x/y"})


def test_behind_pgbouncer_in_transaction_mode_psycopg_prepares_nothing(tmp_path):
    assert "connect_args" not in load_settings(tmp_path, PRODUCTION)["SQLALCHEMY_ENGINE_OPTIONS"]
    assert (
        "connect_args"
        not in load_settings(tmp_path, {**PRODUCTION, "DATABASE_POOLER": "session"})[
            "SQLALCHEMY_ENGINE_OPTIONS"
        ]
    )
    settings = load_settings(
        tmp_path,
        {**PRODUCTION, "DATABASE_POOLER": "transaction", "DATABASE_REPLICA_URL": "postgresql://ro@r/c"},
    )
    assert settings["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"] == {"prepare_threshold": None}
    assert settings["SQLALCHEMY_BINDS"]["replica"]["connect_args"]["prepare_threshold"] is None
    with pytest.raises(ConfigError, match="DATABASE_POOLER must be session or transaction"):
        load_settings(tmp_path, {**PRODUCTION, "DATABASE_POOLER": "statement"})
