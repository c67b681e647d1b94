"""Everything request-shaped that is not a feature, one module per job. ``create_app`` calls each step:

    blueprints.register_blueprints(app)              every feature's blueprint; the dev tools outside production
    login.register_login(app)                        Flask-Login: the sign-in page and loading the signed-in user
    templating.register_template_helpers(app)        filters (date, money, number, markdown, plain_text), globals
    security.register_security_headers(app)          CSP, framing, caching and the other headers on every response
    errors.register_error_handlers(app)              error pages, JSON errors on machine paths, refusals to HTTP

Views use ``security.permission_required`` / ``security.allow_framing`` and ``lookups.found_or_404`` /
``lookups.load_or_404``.

This file imports nothing: feature views import ``campaign.web.security`` while the blueprints are being
imported by ``campaign.web.blueprints``, so the package itself must not pull the blueprints in.
"""
