"""Forgot-password timing: does the response time tell an attacker which addresses have accounts?

    python -m bench.forgot_password_timing [--requests N]      (also part of `make bench`)

Posts the forgot-password form N times for an address with an account and N times for one without,
interleaved so drift (caches, autovacuum) hits both alike, through the Flask test client, and prints the
median and 90th percentile of each in ms and the ratio known/unknown. Close to 1.00 means the timing says
nothing; issue 15 measured 5.8 ms against 2.2 ms (2.6x) before the request did the same work for both.
"""

from __future__ import annotations

import argparse
import statistics
import time


def _p90(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=10)[-1]


def run(app, requests: int = 200) -> dict[str, float]:
    from campaign.extensions import db
    from campaign.queue import get_redis
    from campaign.services.accounts.users import create_user, find_user_by_email
    from tests.conftest import form_values

    known, unknown = "bench-reset-known@example.org", "bench-reset-nobody@example.org"
    with app.app_context():
        if find_user_by_email(known) is None:
            create_user(known, "Bench Reset", "correct horse battery staple")
            db.session.commit()
    client = app.test_client()
    token = form_values(client.get("/forgot-password").text, "csrf_token")["csrf_token"]
    times: dict[str, list[float]] = {known: [], unknown: []}

    def post(email: str, i: int) -> float:
        # A new address per request keeps the per-address rate limit out of the way.
        environ = {"REMOTE_ADDR": f"10.{i // 62500 % 250}.{i // 250 % 250}.{i % 250 + 1}"}
        start = time.perf_counter()
        response = client.post(
            "/forgot-password", data={"csrf_token": token, "email": email}, environ_base=environ
        )
        elapsed = time.perf_counter() - start
        assert response.status_code == 200, response.status_code
        return elapsed

    for i in range(10):  # warm-up: first connections, template compilation
        post(known if i % 2 else unknown, 100_000 + i)
    for i in range(requests):
        for n, email in enumerate((known, unknown) if i % 2 else (unknown, known)):
            times[email].append(post(email, 2 * i + n))
    get_redis(app).flushdb()  # the reset emails and jobs queued above are not for anyone

    result = {
        "known_median_ms": statistics.median(times[known]) * 1000,
        "known_p90_ms": _p90(times[known]) * 1000,
        "unknown_median_ms": statistics.median(times[unknown]) * 1000,
        "unknown_p90_ms": _p90(times[unknown]) * 1000,
    }
    result["ratio_median"] = result["known_median_ms"] / result["unknown_median_ms"]
    result["ratio_p90"] = result["known_p90_ms"] / result["unknown_p90_ms"]
    print(f"{'forgot-password, ' + str(requests) + ' requests each':<44} {'median ms':>10} {'p90 ms':>8}")
    print(
        f"{'address with an account':<44} {result['known_median_ms']:>10.2f} {result['known_p90_ms']:>8.2f}"
    )
    print(
        f"{'address without one':<44} {result['unknown_median_ms']:>10.2f} {result['unknown_p90_ms']:>8.2f}"
    )
    print(f"{'ratio known/unknown':<44} {result['ratio_median']:>10.2f} {result['ratio_p90']:>8.2f}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    from bench.__main__ import bench_app

    with bench_app() as app:
        from flask_migrate import upgrade

        with app.app_context():
            upgrade()
        run(app, args.requests)


if __name__ == "__main__":
    main()
