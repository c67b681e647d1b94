"""The app as tests/cluster/ serves it behind nginx: ``campaign.wsgi``'s app, plus two headers a test needs
and production never sends.

- ``X-Instance``: which gunicorn instance answered (CLUSTER_INSTANCE), so a test sees both receive traffic
  and tells a copy from nginx's cache from a fresh answer.
- ``X-Client-Address``: the client's address as the app took it (after ProxyFix, PROXY_HOPS), so a test
  sees what nginx passed on.
- a ``Set-Cookie`` on any answer to a request whose query string holds ``set_cookie``: a public page that
  sets a cookie, which nginx must pass on and never store.
"""

import os

from campaign import create_app

app = create_app()
INSTANCE = os.environ.get("CLUSTER_INSTANCE", "")
_proxy_fix = app.wsgi_app  # werkzeug's ProxyFix (PROXY_HOPS=1) around the app
_inner = _proxy_fix.app  # type: ignore[attr-defined]


def _seen_address(environ, start_response):
    """Inside ProxyFix: REMOTE_ADDR is the client's address as the app will use it."""
    address = environ.get("REMOTE_ADDR", "")

    def starting(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Client-Address", address)], exc_info)

    return _inner(environ, starting)


_proxy_fix.app = _seen_address  # type: ignore[attr-defined]


def _with_test_headers(environ, start_response):
    set_cookie = "set_cookie" in environ.get("QUERY_STRING", "")

    def starting(status, headers, exc_info=None):
        headers = [*headers, ("X-Instance", INSTANCE)]
        if set_cookie:
            headers.append(("Set-Cookie", "probe=yours; Path=/; HttpOnly"))
        return start_response(status, headers, exc_info)

    return _proxy_fix(environ, starting)


app.wsgi_app = _with_test_headers  # type: ignore[method-assign]
