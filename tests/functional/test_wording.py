"""What pages say (issue 16): counts with the right noun, drafts and closed petitions explained, the close
reason shown, embed code only where a widget makes sense, and the seeded coalition page as written."""

import re

from campaign.demo.seed import seed_demo
from campaign.extensions import db
from campaign.models import Organisation, Role
from campaign.services.petitions import lifecycle
from tests.factories import make_petition, make_user


def _text(page) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page.text))


def test_one_signature_is_one_signature_everywhere_a_count_is_shown(app, client):
    with app.app_context():
        organisation = Organisation(name="Mothers Together", slug="mothers-together", listed=True)
        petition = make_petition(title="Keep families together", signature_count=1, target=100)
        organisation.petitions.append(petition)
        db.session.add(organisation)
        db.session.commit()
        slug = petition.slug
    pages = {
        "petition": client.get(f"/petitions/{slug}"),
        "list": client.get("/petitions/"),
        "widget": client.get(f"/petitions/{slug}/embed"),
        "member": client.get("/coalition/members/mothers-together"),
    }
    for name, page in pages.items():
        assert page.status_code == 200, name
        assert "1 signature" in _text(page), name
        assert "1 signatures" not in _text(page), name


def test_template_filters_pluralise(app):
    with app.app_context():
        render = app.jinja_env.from_string(
            "{{ 1|count_noun('signature') }}; {{ 2345|count_noun('signature') }}; "
            "{{ 0|plural('story', 'stories') }}; {{ 1|plural('person', 'people') }}"
        ).render
        assert render() == "1 signature; 2,345 signatures; stories; person"


def test_a_draft_says_what_a_draft_is(app, signed_in):
    author = signed_in(Role.MEMBER)
    with app.app_context():
        slug = make_petition(state="draft", created_by_id=author.user_id).slug
    page = _text(author.get(f"/petitions/{slug}"))
    assert "This petition is a draft: only its authors and organisers can see it" in page
    assert "This petition is draft." not in page


def test_a_closed_petition_gives_its_reason_and_asks_for_nothing_more(app, client):
    with app.app_context():
        organiser = make_user(role=Role.ORGANISER)
        petition = make_petition(title="Old campaign", signature_count=40, target=100)
        lifecycle.close_petition(organiser, petition, "The council changed its policy: we won.")
        slug = petition.slug
    page = _text(client.get(f"/petitions/{slug}"))
    assert "closed on" in page and "with 40 signatures" in page
    assert "Why it closed: The council changed its policy: we won." in page
    assert "needed" not in page


def test_embed_code_is_offered_for_open_and_closed_petitions_but_not_drafts(app, signed_in):
    organiser = signed_in(Role.ORGANISER)
    with app.app_context():
        draft = make_petition(state="draft").slug
        open_one = make_petition().slug
        closed = make_petition(state="closed").slug
    assert "Embed this petition" not in organiser.get(f"/petitions/{draft}").text
    assert organiser.get(f"/petitions/{draft}/embed-code").status_code == 403
    assert "Embed this petition" in organiser.get(f"/petitions/{open_one}").text
    assert organiser.get(f"/petitions/{open_one}/embed-code").status_code == 200
    closed_code = organiser.get(f"/petitions/{closed}/embed-code")
    assert closed_code.status_code == 200 and "This petition is closed" in closed_code.text


def test_the_seeded_coalition_page_has_no_typo_and_keeps_its_footnote(app, client):
    with app.app_context():
        seed_demo()
    page = _text(client.get("/coalition"))
    assert "Support primary carers." in page and "rimary carers" not in page.replace("primary carers", "")
    assert "co-ordinated by Legal Action for Women. [1]" in page
    assert "[1] Suffer the Little Children and their Mothers" in page
