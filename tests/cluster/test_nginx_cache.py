"""Debian's nginx in front of two gunicorn instances, with the site config `make cluster` and production
use (deploy/nginx/campaign.conf.template, rendered by campaign/cluster.py): public pages come from its
cache, a signed-in person never gets a cached copy nor leaves one, an answer that sets a cookie is never
stored, a POST always reaches the app, both instances take requests, and the app (PROXY_HOPS=1) sees the
address that connected to nginx, whatever X-Forwarded-For a client sends. The production site, rendered
with TLS and a trusted load balancer, is one nginx accepts.

nginx is installed by scripts/ensure-nginx when missing (as `make test` does); nothing here is skipped.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import requests

from campaign import create_app
from campaign.cluster import NginxMissing, Site, check_nginx_config, local_nginx_config, nginx_command
from campaign.embedded import EmbeddedRedis, free_port, port_open
from campaign.extensions import db
from campaign.models import Role
from tests.conftest import _environ, form_values, migrated_database
from tests.factories import PASSWORD, make_petition, make_user
from tests.support.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]


def _ensure_nginx() -> None:
    try:
        nginx_command(Path("/nonexistent"))
    except NginxMissing:
        subprocess.run([str(ROOT / "scripts" / "ensure-nginx")], check=True)


@pytest.fixture(scope="module")
def cluster(postgres_admin_url, tmp_path_factory):
    """nginx on a port of its own in front of two gunicorn instances (``a`` and ``b``) on a committed
    database with an open petition and a member; yields (nginx's origin, the petition's path, the
    member's email). The pages say a count stays fresh for 300 s (COUNT_ROLLUP_INTERVAL), so nothing
    here depends on how fast the machine is."""
    _ensure_nginx()
    base = tmp_path_factory.mktemp("cluster")
    database = migrated_database(postgres_admin_url, "campaign_test_cluster", base / "migrate")
    redis = EmbeddedRedis(base / "redis").start()
    environ = _environ(
        database,
        redis.url,
        base / "instance",
        PROXY_HOPS="1",
        COUNT_ROLLUP_INTERVAL="300",
        PUBLIC_CACHE_SECONDS="0",  # every request nginx passes on is rendered by the app
    )
    app = create_app(environ=environ)
    with app.app_context():
        petition = make_petition("open", title="Keep families together")
        email = make_user(role=Role.MEMBER).email
        path = f"/petitions/{petition.slug}"
        db.engine.dispose()
    ports = {"a": free_port(), "b": free_port()}
    processes = []
    try:
        for name, port in ports.items():
            processes.append(
                subprocess.Popen(
                    [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "--workers", "1",
                     "--threads", "4", "--bind", f"127.0.0.1:{port}", "tests.cluster.wsgi:app"],
                    env={**os.environ, **environ, "CLUSTER_INSTANCE": name},
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    start_new_session=True,
                )
            )  # fmt: skip
        port = free_port()
        site = Site(
            upstreams=[f"127.0.0.1:{p}" for p in ports.values()],
            listen=[f"127.0.0.1:{port}"],
            cache_path=base / "nginx" / "cache",
            cache_seconds=300,
            access_log=str(base / "nginx" / "access.log"),
        )
        config = local_nginx_config(base / "nginx", site)
        check_nginx_config(config)
        processes.append(subprocess.Popen(nginx_command(config), start_new_session=True))
        for p in [*ports.values(), port]:
            wait_for(
                lambda p=p: port_open(p) or any(x.poll() is not None for x in processes), 60, f"port {p}"
            )
        assert all(x.poll() is None for x in processes), "gunicorn or nginx exited at start-up"
        origin = f"http://127.0.0.1:{port}"
        for p in ports.values():  # each instance has loaded the app and answers
            wait_for(lambda p=p: _answers(f"http://127.0.0.1:{p}/healthz"), 60, f"gunicorn on {p}")
        yield origin, path, email
    finally:
        for process in processes:
            try:
                os.killpg(process.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)
        redis.stop()


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def _fresh(path: str) -> str:
    """The same page at an address of its own (another cache entry), so tests never share one."""
    return f"{path}?t={secrets.token_hex(4)}"


def _visitor(url: str) -> requests.Response:
    """A signed-out visitor with no cookies at all."""
    return requests.get(url, timeout=30)


def _signed_in(origin: str, email: str) -> requests.Session:
    browser = requests.Session()
    form = browser.get(f"{origin}/sign-in", timeout=30)
    token = form_values(form.text, "csrf_token", where="the sign-in page")["csrf_token"]
    signed = browser.post(
        f"{origin}/sign-in",
        data={"csrf_token": token, "email": email, "password": PASSWORD},
        allow_redirects=False,
        timeout=30,
    )
    assert signed.status_code == 302, f"sign-in through nginx answered {signed.status_code}"
    return browser


def test_a_public_petition_page_is_served_from_the_cache_the_second_time(cluster):
    origin, path, _ = cluster
    url = origin + _fresh(path)

    first, second = _visitor(url), _visitor(url)

    assert (first.status_code, first.headers["X-Cache-Status"]) == (200, "MISS")
    assert (second.status_code, second.headers["X-Cache-Status"]) == (200, "HIT")
    assert second.text == first.text and "Keep families together" in second.text


def test_the_public_json_is_served_from_the_cache_the_second_time(cluster):
    origin, path, _ = cluster
    url = origin + _fresh(f"{path}.json")

    assert _visitor(url).headers["X-Cache-Status"] == "MISS"
    again = _visitor(url)

    assert (
        again.headers["X-Cache-Status"] == "HIT" and again.json()["data"]["title"] == "Keep families together"
    )


def test_a_signed_in_person_never_gets_the_cached_copy(cluster):
    origin, path, email = cluster
    url = origin + _fresh(path)
    _visitor(url)
    assert _visitor(url).headers["X-Cache-Status"] == "HIT"  # a copy for visitors is there
    browser = _signed_in(origin, email)

    theirs = browser.get(url, timeout=30)

    assert theirs.headers["X-Cache-Status"] == "BYPASS"
    assert "Sign out" in theirs.text and "Your area" in theirs.text
    assert theirs.headers["Cache-Control"] == "no-store"


def test_a_signed_in_persons_page_is_never_stored_for_the_next_visitor(cluster):
    origin, path, email = cluster
    url = origin + _fresh(path)
    browser = _signed_in(origin, email)
    assert "Sign out" in browser.get(url, timeout=30).text  # first to ask for this address

    after = [_visitor(url), _visitor(url)]

    assert [r.headers["X-Cache-Status"] for r in after] == ["MISS", "HIT"]
    assert all("Sign out" not in r.text and "Sign in" in r.text for r in after)


def test_an_answer_that_sets_a_cookie_is_never_stored(cluster):
    origin, path, _ = cluster
    url = origin + _fresh(path) + "&set_cookie=1"

    answers = [_visitor(url) for _ in range(3)]

    assert [r.headers["X-Cache-Status"] for r in answers] == ["MISS", "MISS", "MISS"]
    assert all(r.headers["Set-Cookie"].startswith("probe=yours") for r in answers)


def test_a_post_to_a_cached_address_reaches_the_app(cluster):
    origin, path, _ = cluster
    url = origin + _fresh(path)
    _visitor(url)
    assert _visitor(url).headers["X-Cache-Status"] == "HIT"

    posted = requests.post(url, data={"name": "x"}, timeout=30)

    # The app's own answer (no such form here), not the page kept for GET.
    assert posted.status_code in (400, 405), posted.status_code
    assert posted.headers.get("X-Cache-Status", "") != "HIT"
    assert posted.headers["X-Instance"] in ("a", "b")


def test_both_instances_take_requests(cluster):
    origin, _, _ = cluster

    served = {requests.get(f"{origin}/healthz", timeout=30).headers["X-Instance"] for _ in range(8)}

    assert served == {"a", "b"}


def test_the_app_sees_the_address_that_reached_nginx_not_one_the_client_made_up(cluster):
    origin, _, _ = cluster

    plain = requests.get(f"{origin}/healthz", timeout=30)
    forged = requests.get(f"{origin}/healthz", headers={"X-Forwarded-For": "203.0.113.9"}, timeout=30)

    assert plain.headers["X-Client-Address"] == "127.0.0.1"
    assert forged.headers["X-Client-Address"] == "127.0.0.1"


def test_the_production_site_with_tls_and_a_load_balancer_is_valid_nginx(tmp_path):
    _ensure_nginx()
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "petition.example.org")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + timedelta(days=1)).sign(key, hashes.SHA256())
    )  # fmt: skip
    (tmp_path / "fullchain.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp_path / "privkey.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    rendered = subprocess.run(
        [sys.executable, "-m", "campaign.cluster", "nginx-config", "--server-name", "petition.example.org",
         "--tls", str(tmp_path), "--upstream", "10.0.0.11:8000", "--upstream", "10.0.0.12:8000",
         "--trusted-proxy", "10.0.0.0/8", "--cache-path", str(tmp_path / "cache")],
        capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip
    site = tmp_path / "site.conf"
    site.write_text(rendered.replace("/var/log/nginx/", f"{tmp_path}/"))
    main = tmp_path / "nginx.conf"
    main.write_text(f"pid {tmp_path}/nginx.pid;\nevents {{}}\nhttp {{ include {site}; }}\n")

    checked = subprocess.run(nginx_command(main) + ["-t"], capture_output=True, text=True, cwd=tmp_path)

    assert checked.returncode == 0, checked.stderr
    assert "listen 443 ssl http2;" in rendered and "return 301 https://$host$request_uri;" in rendered
    assert "set_real_ip_from 10.0.0.0/8;" in rendered
    assert rendered.count("max_fails=3 fail_timeout=10s;") == 2
