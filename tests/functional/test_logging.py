"""Logging is set up by the factory for every process: a request id on web lines, a job id on job lines."""

from __future__ import annotations

import logging

import pytest
from flask_migrate import upgrade

from campaign.queue import get_queue


@pytest.fixture(autouse=True)
def _quiet_afterwards():
    yield
    logging.getLogger().setLevel(logging.WARNING)  # as the testing default, for whatever runs next


def test_a_request_gets_an_id_that_its_log_lines_carry(make_app, capsys):
    app = make_app(LOG_LEVEL="INFO", LOG_REQUESTS="true")
    client = app.test_client()
    response = client.get("/healthz", headers={"X-Request-ID": "proxy-id-1234"})
    assert response.headers["X-Request-ID"] == "proxy-id-1234"
    assert "INFO campaign.requests [req=proxy-id-1234] GET /healthz 200" in capsys.readouterr().err

    forged = client.get("/healthz", headers={"X-Request-ID": "spaces; and {braces} are not an id"})
    request_id = forged.headers["X-Request-ID"]
    assert request_id != "spaces; and {braces} are not an id" and len(request_id) == 16
    assert f"[req={request_id}] GET /healthz 200" in capsys.readouterr().err


def test_service_lines_reach_the_log_at_the_configured_level(make_app, capsys):
    make_app(LOG_LEVEL="INFO")
    logging.getLogger("campaign.services.example").info("a service said something")
    assert "INFO campaign.services.example [-] a service said something" in capsys.readouterr().err
    make_app(LOG_LEVEL="WARNING")  # a second app replaces the handler rather than adding one
    logging.getLogger("campaign.services.example").info("too quiet to show")
    logging.getLogger("campaign.services.example").warning("loud enough")
    err = capsys.readouterr().err
    assert "too quiet to show" not in err and err.count("loud enough") == 1


def test_a_job_logs_with_its_job_id(make_app, run_jobs, capsys):
    app = make_app(LOG_LEVEL="INFO")
    get_queue(app).enqueue("logging.warning", "hello from a job", job_id="logging-test-job")
    run_jobs(app)
    assert "WARNING root [job=logging-test-job] hello from a job" in capsys.readouterr().err


def test_running_migrations_in_process_keeps_the_apps_logging(make_app, capsys):
    app = make_app(LOG_LEVEL="INFO")
    with app.app_context():
        upgrade()  # already at head: only env.py runs, as `flask db upgrade` would
    logging.getLogger("campaign.services.example").info("still heard after migrating")
    assert "INFO campaign.services.example [-] still heard after migrating" in capsys.readouterr().err
    assert [h.get_name() for h in logging.getLogger().handlers].count("campaign") == 1


def test_a_services_info_line_during_a_request_is_emitted_with_the_request_id(make_app, capsys):
    app = make_app(LOG_LEVEL="INFO")

    @app.get("/_test/service-says")
    def service_says():
        logging.getLogger("campaign.services.example").info("decided something")
        return "ok"

    response = app.test_client().get("/_test/service-says", headers={"X-Request-ID": "svc-req-0001"})
    assert response.headers["X-Request-ID"] == "svc-req-0001"
    assert "INFO campaign.services.example [req=svc-req-0001] decided something" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        ("/stories/yours/{t}", "/stories/yours/<token>"),
        ("/stories/share/draft/{t}", "/stories/share/draft/<token>"),
        ("/unsubscribe/{t}", "/unsubscribe/<token>"),
        ("/email-preferences/{t}", "/email-preferences/<token>"),
        ("/confirm/{t}", "/confirm/<token>"),
        ("/reset-password/{t}", "/reset-password/<token>"),
        ("/no-such-page/{t}", "/no-such-page/<token>"),
    ],
)
def test_tokens_never_reach_the_access_line(make_app, capsys, path, logged):
    app = make_app(LOG_LEVEL="INFO", LOG_REQUESTS="true")
    secret = "Zq8sEcReTtOkEn-abcdef0123456789"
    app.test_client().get(path.format(t=secret) + f"?token={secret}&x=1")
    err = capsys.readouterr().err
    access = [line for line in err.splitlines() if "campaign.requests" in line]
    assert len(access) == 1 and f"GET {logged} " in access[0]
    assert secret not in err and "?" not in access[0]


def test_per_logger_levels_override_the_root_level(make_app, capsys):
    make_app(LOG_LEVEL="WARNING", LOG_LEVELS="campaign.services.chatty=DEBUG, rq.worker=ERROR")
    logging.getLogger("campaign.services.chatty").debug("every detail")
    logging.getLogger("campaign.services.other").info("not this")
    logging.getLogger("rq.worker").warning("nor this")
    err = capsys.readouterr().err
    assert "DEBUG campaign.services.chatty [-] every detail" in err
    assert "not this" not in err and "nor this" not in err
    make_app(LOG_LEVEL="WARNING")  # the next app's levels are its own
    logging.getLogger("campaign.services.chatty").debug("quiet again")
    assert "quiet again" not in capsys.readouterr().err
