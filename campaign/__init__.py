"""The campaign platform: create_app() builds the Flask application (the steps are in campaign/app.py)."""

from __future__ import annotations

from flask import Flask

from .settings import ConfigError

__all__ = ["ConfigError", "create_app"]


def create_app(config: dict | None = None, environ: dict | None = None) -> Flask:
    """Build the app. ``config`` overrides settings after they are read from ``environ`` (os.environ)."""
    # Imported here, the one import inside a function: this file runs whenever any campaign module is
    # imported (a job, a model, the scanner), and those must not load every blueprint, view and form.
    from .app import build_app

    return build_app(config, environ)
