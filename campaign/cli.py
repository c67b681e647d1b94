"""Flask CLI commands: seed-demo, create-admin, sweep (plus `flask db ...` from Flask-Migrate)."""

from __future__ import annotations

import click
from flask import Flask, current_app

from .demo.seed import seed_demo
from .extensions import db
from .jobs import sweep_pending
from .models import Role
from .services.accounts import users as accounts
from .services.errors import ServiceError


def register_cli(app: Flask) -> None:
    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Load the coalition's demo content and demo accounts. Safe to run again."""
        if current_app.config["APP_ENV"] == "production":
            raise click.ClickException(
                "seed-demo creates accounts with published passwords; not in production."
            )
        for email, password, role in seed_demo():
            click.echo(f"  {role:<10} {email}  password: {password}")
        click.echo("Demo content loaded.")

    @app.cli.command("create-admin")
    @click.argument("email")
    @click.option("--name", default="Administrator", show_default=True)
    @click.password_option(help="Prompted for (twice) when not given.")
    def create_admin_command(email: str, name: str, password: str):
        """Create the first admin, or make an existing account an admin with this password."""
        user = accounts.find_user_by_email(email)
        try:
            if user is None:
                user = accounts.create_user(email, name, password, Role.ADMIN)
                db.session.commit()
                click.echo(f"Created admin {user.email}.")
            else:
                accounts.change_password(user, None, password)
                user.role = Role.ADMIN.value
                db.session.commit()
                click.echo(f"{user.email} is now an admin, with the new password.")
        except ServiceError as problem:
            raise click.ClickException(str(problem)) from None

    @app.cli.command("sweep")
    def sweep_command():
        """Re-enqueue work still pending in the database (what the periodic sweeper does)."""
        click.echo(sweep_pending())
