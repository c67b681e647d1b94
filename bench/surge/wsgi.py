"""The surge benchmark's WSGI app: ``campaign.wsgi``'s app, built the same way from the environment,
plus one trivial route, the baseline every figure is a ratio against.

    gunicorn bench.surge.wsgi:app

GET /bench/trivial answers a short text through the same app, middleware (ProxyFix, sessions, security
headers, request logging) and server, and touches neither the database nor Redis."""

from campaign import create_app

app = create_app()


@app.get("/bench/trivial")
def trivial() -> str:
    return "ok"
