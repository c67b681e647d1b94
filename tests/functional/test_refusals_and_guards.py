"""Refusals are not form errors: a service's PermissionDenied or NotFound raised in a view is answered in one
place (campaign.web.errors) with the site's 403 or 404 page, or JSON on a machine path. Views declare who may
reach them with permission_required (campaign.web.security)."""

import pytest
from werkzeug.exceptions import HTTPException

from campaign.models import Role, User
from campaign.services.errors import NotFound, PermissionDenied, Refusal, ServiceError
from campaign.web.loaders import found_or_404, load_or_404
from campaign.web.security import permission_required
from tests.factories import make_petition, make_user


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


@pytest.mark.parametrize(
    "kind,status,text", [("permission", 403, "do not have permission"), ("missing", 404, "Page not found")]
)
def test_a_service_refusal_in_a_view_gets_the_error_page(refusing_app, kind, status, text):
    response = refusing_app.test_client().get(f"/refuses/{kind}")
    assert response.status_code == status
    assert text in response.text and "Skip to main content" in response.text
    assert "Traceback" not in response.text


@pytest.mark.parametrize("path", ["/api/refuses/{kind}", "/refuses/{kind}/data.json"])
@pytest.mark.parametrize(
    "kind,status,name", [("permission", 403, "Forbidden"), ("missing", 404, "Not Found")]
)
def test_a_service_refusal_on_a_machine_path_gets_json(refusing_app, path, kind, status, name):
    response = refusing_app.test_client().get(path.format(kind=kind))
    assert response.status_code == status
    assert response.json == {"error": name, "status": status}


def test_a_refusal_from_a_real_service_is_the_403_page(app, signed_in):
    """signature_sources refuses anyone but organisers and the petition's owners; the view just calls it."""
    with app.app_context():
        slug = make_petition().slug
    member = signed_in(Role.MEMBER)
    for path in (f"/petitions/{slug}/sources", f"/petitions/{slug}/sources.csv"):
        response = member.get(path)
        assert response.status_code == 403 and "do not have permission" in response.text
    assert signed_in(Role.ORGANISER).get(f"/petitions/{slug}/sources").status_code == 200


def test_a_missing_petition_is_the_404_page_and_json_on_the_api(client):
    page = client.get("/petitions/no-such-petition")
    assert page.status_code == 404 and "Page not found" in page.text
    machine = client.get("/petitions/no-such-petition.json")
    assert machine.status_code == 404 and machine.json == {"error": "Not Found", "status": 404}


@pytest.fixture
def guarded_app(make_app):
    app = make_app()

    @app.get("/guarded")
    @permission_required("moderate_stories")
    def guarded():
        return "the moderators' page"

    return app


def test_permission_required_sends_the_signed_out_to_sign_in(guarded_app):
    response = guarded_app.test_client().get("/guarded")
    assert response.status_code == 302
    assert response.location.startswith("/sign-in") and "next=%2Fguarded" in response.location


@pytest.mark.parametrize(
    "role,status", [(Role.MEMBER, 403), (Role.MODERATOR, 200), (Role.ORGANISER, 200), (Role.ADMIN, 200)]
)
def test_permission_required_lets_in_only_the_roles_the_action_names(guarded_app, signed_in, role, status):
    response = signed_in(role, app=guarded_app).get("/guarded")
    assert response.status_code == status
    if status == 403:
        assert "do not have permission" in response.text and "the moderators' page" not in response.text
    else:
        assert response.text == "the moderators' page"


def test_a_guarded_machine_path_refuses_in_json(signed_in):
    """The outreach progress feed is for organisers: a member gets a JSON 403, not the campaign's figures."""
    response = signed_in(Role.MEMBER).get("/outreach/no-such-campaign/progress.json")
    assert response.status_code == 403 and response.json == {"error": "Forbidden", "status": 403}
    missing = signed_in(Role.ORGANISER).get("/outreach/no-such-campaign/progress.json")
    assert missing.status_code == 404 and missing.json == {"error": "Not Found", "status": 404}


def test_permission_required_names_an_action_in_the_permissions_table():
    with pytest.raises(ValueError, match="moderate_everything"):
        permission_required("moderate_everything")


def test_the_lookups_give_the_object_or_the_404_page(app):
    with app.test_request_context():
        assert found_or_404("a page") == "a page"
        with pytest.raises(HTTPException) as missing:
            found_or_404(None)
        assert missing.value.code == 404
        user = make_user(email="found@example.org")
        assert load_or_404(User, email="found@example.org") is user
        with pytest.raises(HTTPException):
            load_or_404(User, email="nobody@example.org")
