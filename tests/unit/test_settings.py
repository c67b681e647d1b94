import pytest

from campaign import ConfigError, create_app
from campaign.settings import load_settings

PRODUCTION = {
    "APP_ENV": "production",
    "SECRET_KEY": "x" * 40,
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
