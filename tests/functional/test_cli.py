from sqlalchemy import func, select

from campaign.extensions import db
from campaign.models import Petition, Role, User


def test_seed_demo_command_loads_the_coalition_and_is_repeatable(app):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "organiser@example.org" in first.output
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Petition)) == 1
        petition = db.session.scalars(select(Petition)).one()
        assert petition.title == "Changes to Children Act 1989"
        assert petition.target == 10_000
        assert db.session.scalar(select(func.count()).select_from(User)) == 3


def test_seeded_organiser_can_sign_in_with_the_readme_password(app, client):
    app.test_cli_runner().invoke(args=["seed-demo"])
    assert client.sign_in("organiser@example.org", "care-not-separation-1").status_code == 302
    assert client.get("/account/").status_code == 200


def test_create_admin_creates_the_first_admin(app, client):
    runner = app.test_cli_runner()
    result = runner.invoke(
        args=["create-admin", "First@Example.org", "--name", "Ada"],
        input="an admin passphrase\nan admin passphrase\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created admin first@example.org" in result.output
    with app.app_context():
        user = db.session.scalars(select(User).where(User.email == "first@example.org")).one()
        assert user.role == Role.ADMIN and user.name == "Ada"
    client.sign_in("first@example.org", "an admin passphrase")
    assert client.get("/admin/users").status_code == 200


def test_create_admin_refuses_a_weak_password_with_a_clear_message(app):
    result = app.test_cli_runner().invoke(args=["create-admin", "a@example.org"], input="short\nshort\n")
    assert result.exit_code != 0
    assert "Use at least 10 characters." in result.output


def test_seed_demo_is_refused_in_production(make_app):
    app = make_app({"APP_ENV": "production"})
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0 and "not in production" in result.output
