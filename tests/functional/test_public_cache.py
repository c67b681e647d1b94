"""The public cache: a petition's page, sign form and JSON are served from Redis to signed-out visitors, and
whatever they show that changes is on them at once (campaign/services/public_cache.py)."""

import time
from datetime import timedelta

from sqlalchemy import select, text, update

from campaign.extensions import db
from campaign.models import Petition, Role, Signature, User, utcnow
from campaign.services import public_cache
from campaign.services.petitions import counting, lifecycle
from tests.conftest import FormClient, form_values
from tests.factories import make_petition, make_user

SIGNER = {"name": "Ann Example", "email": "ann@example.org", "location": "uk", "postcode": "SW1A 1AA"}


def _open_petition(app, **fields) -> str:
    with app.app_context():
        return make_petition(slug="cached-petition", title="Keep families together", **fields).slug


def _cached(app, kind, slug) -> bytes | None:
    with app.test_request_context():
        found = public_cache.lookup(kind, slug)
        return found.body if found else None


def _edit(app, slug, **values):
    with app.app_context():
        petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
        for name, value in values.items():
            setattr(petition, name, value)
        db.session.commit()


def test_a_signed_out_visitors_page_is_cached_and_an_edit_shows_at_once(app, client):
    slug = _open_petition(app)
    first = client.get(f"/petitions/{slug}")
    assert first.status_code == 200 and "Keep families together" in first.text
    assert _cached(app, "petition", slug) == first.data
    again = client.get(f"/petitions/{slug}")
    assert again.data == first.data
    assert (
        again.headers["Cache-Control"]
        == first.headers["Cache-Control"]
        == f"public, max-age={app.config['COUNT_ROLLUP_INTERVAL']}"
    )
    assert again.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "X-Frame-Options" in again.headers and "Content-Security-Policy" in again.headers

    _edit(app, slug, title="Keep children with their mothers")
    assert _cached(app, "petition", slug) is None
    assert "Keep children with their mothers" in client.get(f"/petitions/{slug}").text


def test_updates_closing_and_new_counts_show_at_once(app, client):
    slug = _open_petition(app)
    client.get(f"/petitions/{slug}")
    client.get(f"/petitions/{slug}.json")
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
        lifecycle.post_update(organiser, petition, "We met the minister", "She **listened**.")
    assert "We met the minister" in client.get(f"/petitions/{slug}").text

    with app.app_context():
        petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
        db.session.add(
            Signature(
                petition_id=petition.id,
                name="S",
                email="s@example.org",
                email_key="s@example.org",
                email_domain="example.org",
                state="validated",
                validated_at=utcnow(),
            )
        )
        db.session.commit()
        counting.roll_up_counts()
    assert "<strong>1</strong> signature of" in client.get(f"/petitions/{slug}").text
    assert client.get(f"/petitions/{slug}.json").json["data"]["signature_count"] == 1

    with app.app_context():
        petition = db.session.scalar(select(Petition).where(Petition.slug == slug))
        lifecycle.close_petition(None, petition)
    assert client.get(f"/petitions/{slug}/sign").status_code == 410
    assert "This petition closed on" in client.get(f"/petitions/{slug}").text


def test_a_change_nothing_noticed_shows_within_the_cache_time(make_app):
    app = make_app(PUBLIC_CACHE_SECONDS="1")
    client = app.test_client()
    slug = _open_petition(app)
    assert client.get(f"/petitions/{slug}.json").json["data"]["signature_count"] == 0
    # Written behind the application's back (as another program might): no session noticed it.
    with app.app_context():
        db.session.connection().execute(
            text("UPDATE petitions SET signature_count = 7 WHERE slug = :s"), {"s": slug}
        )
        db.session.commit()
    assert client.get(f"/petitions/{slug}.json").json["data"]["signature_count"] == 0
    time.sleep(1.1)
    assert client.get(f"/petitions/{slug}.json").json["data"]["signature_count"] == 7


def test_signed_in_people_get_their_own_page_and_never_the_cached_one(app, client, signed_in):
    slug = _open_petition(app)
    client.get(f"/petitions/{slug}")
    organiser = signed_in(Role.ORGANISER)
    page = organiser.get(f"/petitions/{slug}")
    assert "For organisers" in page.text and "Sign out" in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert "For organisers" not in client.get(f"/petitions/{slug}").text


def test_the_cached_sign_form_gives_each_visitor_their_own_working_token(app, run_jobs, outbox):
    slug = _open_petition(app)
    first, second = FormClient(app.test_client()), FormClient(app.test_client())
    page = first.get(f"/petitions/{slug}/sign")
    assert _cached(app, "sign", slug) is not None
    assert b"csrf" in _cached(app, "sign", slug) and form_values(page.text, "csrf_token")
    other = second.get(f"/petitions/{slug}/sign")
    tokens = [form_values(p.text, "csrf_token")["csrf_token"] for p in (page, other)]
    assert tokens[0] != tokens[1]
    assert page.text.replace(tokens[0], "") == other.text.replace(tokens[1], "")
    assert "Set-Cookie" in other.headers
    for client, token, email in zip((first, second), tokens, ("a@example.org", "b@example.org"), strict=True):
        response = client.post(
            f"/petitions/{slug}/sign", data={**SIGNER, "email": email, "csrf_token": token}
        )
        assert response.status_code == 302
    run_jobs()
    assert outbox(to="a@example.org") and outbox(to="b@example.org")


def test_the_sign_form_is_not_served_from_the_cache_past_the_deadline(app, client):
    slug = _open_petition(app, deadline=utcnow() + timedelta(seconds=1))
    assert client.get(f"/petitions/{slug}/sign").status_code == 200
    time.sleep(1.1)
    after = client.get(f"/petitions/{slug}/sign")
    assert after.status_code != 200 and "This petition has closed" in after.text


def test_a_page_read_before_a_change_is_not_stored_after_it(app):
    with app.test_request_context():
        found = public_cache.lookup("petition", "some-slug")
        public_cache.forget_all()  # a change committed while the page was being rendered
        public_cache.store(found, b"rendered from the rows as they were")
        assert public_cache.lookup("petition", "some-slug").body is None
        fresh = public_cache.lookup("petition", "some-slug")
        public_cache.store(fresh, b"rendered after the change")
        assert public_cache.lookup("petition", "some-slug").body == b"rendered after the change"


def test_bulk_updates_of_a_petition_drop_the_cache(app, client):
    slug = _open_petition(app)
    client.get(f"/petitions/{slug}")
    with app.app_context():
        db.session.execute(update(Petition).where(Petition.slug == slug).values(title="Renamed in bulk"))
        db.session.commit()
    assert "Renamed in bulk" in client.get(f"/petitions/{slug}").text


def test_without_redis_pages_are_rendered_as_before(make_app):
    app = make_app(REDIS_URL="redis://127.0.0.1:1/0")
    slug = _open_petition(app)
    client = app.test_client()
    assert "Keep families together" in client.get(f"/petitions/{slug}").text
    assert client.get(f"/petitions/{slug}/sign").status_code == 200
    assert client.get(f"/petitions/{slug}.json").status_code == 200


def test_the_starters_new_name_shows_at_once_and_sign_ins_leave_the_cache_alone(app, client):
    with app.app_context():
        starter = make_user(name="Ann Starter")
        slug = make_petition(slug="cached-petition", created_by_id=starter.id).slug
        starter_id = starter.id
    assert "Petition started by Ann Starter" in client.get(f"/petitions/{slug}").text
    with app.app_context():
        db.session.get(User, starter_id).last_login_at = utcnow()
        db.session.commit()
    assert _cached(app, "petition", slug) is not None
    with app.app_context():
        db.session.get(User, starter_id).name = "Ann Renamed"
        db.session.commit()
    assert "Petition started by Ann Renamed" in client.get(f"/petitions/{slug}").text


def test_an_expired_entry_is_made_again_by_one_request_while_the_others_still_get_it(make_app):
    app = make_app(PUBLIC_CACHE_SECONDS="1")
    with app.test_request_context():
        public_cache.store(public_cache.lookup("petition", "x"), b"first")
        time.sleep(1.1)
        assert public_cache.lookup("petition", "x").body is None  # this request makes it again
        assert public_cache.lookup("petition", "x").body == b"first"  # the others meanwhile
        public_cache.store(public_cache.lookup("petition", "x"), b"second")  # (the stale one, again)
        assert public_cache.lookup("petition", "x").body == b"second"
        time.sleep(1.1)
        assert public_cache.lookup("petition", "x").body is None  # the next expiry is claimed afresh
        public_cache.forget_all()
        assert public_cache.lookup("petition", "x").body is None  # a change is never served stale
