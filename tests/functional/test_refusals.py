"""Refusals are not form errors: a service's PermissionDenied or NotFound raised in a view is answered in one
place (campaign.web.errors) with the site's 403 or 404 page, or JSON on a machine path."""

import pytest

from campaign.models import Role
from campaign.services.errors import NotFound, PermissionDenied, Refusal, ServiceError
from tests.conftest import FormClient
from tests.factories import PASSWORD, make_petition, make_user


def _signed_in(app, role: Role) -> FormClient:
    with app.app_context():
        email = make_user(role=role).email
    client = FormClient(app.test_client())
    client.sign_in(email, PASSWORD)
    return client


def test_refusals_are_not_service_errors():
    for refusal in (PermissionDenied, NotFound):
        assert issubclass(refusal, Refusal) and not issubclass(refusal, ServiceError)
    assert not issubclass(ServiceError, Refusal)


@pytest.fixture
def refusing_app(make_app):
    app = make_app()

    def refuse(kind: str):
        if kind == "permission":
            raise PermissionDenied("Only the petition's owners can do that.")
        raise NotFound("No such petition.")

    app.add_url_rule("/refuses/<kind>", "refuses", refuse)
    app.add_url_rule("/api/refuses/<kind>", "api_refuses", refuse)
    app.add_url_rule("/refuses/<kind>/data.json", "json_refuses", refuse)
    return app


@pytest.mark.parametrize("kind,status,text", [("permission", 403, "do not have permission"),
                                              ("missing", 404, "Page not found")])
def test_a_service_refusal_in_a_view_gets_the_error_page(refusing_app, kind, status, text):
    response = refusing_app.test_client().get(f"/refuses/{kind}")
    assert response.status_code == status
    assert text in response.text and "Skip to main content" in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/api/refuses/{kind}", "/refuses/{kind}/data.json"])
@pytest.mark.parametrize("kind,status,name", [("permission", 403, "Forbidden"), ("missing", 404, "Not Found")])
def test_a_service_refusal_on_a_machine_path_gets_json(refusing_app, path, kind, status, name):
    response = refusing_app.test_client().get(path.format(kind=kind))
    assert response.status_code == status
    assert response.json == {"error": name, "status": status}


def test_a_refusal_from_a_real_service_is_the_403_page(app):
    """signature_sources refuses anyone but organisers and the petition's owners; the view just calls it."""
    with app.app_context():
        slug = make_petition().slug
    member = _signed_in(app, Role.MEMBER)
    for path in (f"/petitions/{slug}/sources", f"/petitions/{slug}/sources.csv"):
        response = member.get(path)
        assert response.status_code == 403 and "do not have permission" in response.text
    assert _signed_in(app, Role.ORGANISER).get(f"/petitions/{slug}/sources").status_code == 200


def test_a_missing_petition_is_the_404_page_and_json_on_the_api(client):
    page = client.get("/petitions/no-such-petition")
    assert page.status_code == 404 and "Page not found" in page.text
    machine = client.get("/petitions/no-such-petition.json")
    assert machine.status_code == 404 and machine.json == {"error": "Not Found", "status": 404}
