"""The WSGI entry point: gunicorn 'campaign.wsgi:app'."""

from . import create_app

app = create_app()
