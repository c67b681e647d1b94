"""The web toolkit: everything request-shaped that is not a feature, one module per job. The features'
views use it; it never imports them (``campaign.blueprints`` is what registers every blueprint).

``create_app`` calls one step from each module:

    login.register_login(app)                        Flask-Login: the sign-in page and loading the signed-in user
    templating.register_template_helpers(app)        filters (date, money, number, markdown, plain_text), globals
    security.register_security_headers(app)          CSP, framing, caching and the other headers on every response
    errors.register_error_handlers(app)              error pages, JSON errors on machine paths, refusals to HTTP

Views use ``security.permission_required`` and ``security.allow_framing``, ``loaders.found_or_404`` and
``loaders.load_or_404``, and the shared form pieces in ``forms``.
"""
