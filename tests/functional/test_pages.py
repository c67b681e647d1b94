from campaign.demo.seed import seed_demo
from campaign.extensions import db


def test_seeded_coalition_petition_and_story_pages_are_served(app, client):
    with app.app_context():
        seed_demo()
    home = client.get("/")
    assert home.status_code == 200
    assert "Changes to Children Act 1989" in home.text
    petition = client.get("/petitions/changes-to-children-act-1989")
    assert petition.status_code == 200
    assert "10,000" in petition.text
    assert "Sections 20 &amp; 31 of Children Act are currently unworkable" in petition.text
    story = client.get("/stories/we-asked-for-help-and-were-treated-as-the-problem")
    assert story.status_code == 200
    assert story.headers["X-Robots-Tag"] == "noarchive"
    assert "Section 20 Voluntary Care Order" in story.text
    coalition = client.get("/coalition")
    assert "Women Against Rape" in coalition.text
    assert "Scottish Kinship Care Alliance" in coalition.text
    assert "A more humane ethical family centred approach" in petition.text
    assert not any(0xE000 <= ord(ch) <= 0xF8FF for ch in petition.text)  # no symbol-font bullets leak through
    news = client.get("/news/post-separation-support")
    assert news.status_code == 200
    assert "00:01:27" not in news.text


def test_missing_page_says_what_happened_in_the_site_layout(client):
    response = client.get("/petitions/no-such-petition")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="#main"' in response.text  # the normal layout, skip link included


def test_healthz_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json["database"] == {"reachable": True, "backend": "postgresql"}
    assert response.json["redis"]["reachable"] is True
    assert response.json["status"] == "ok"


def test_seeding_twice_does_not_duplicate(app):
    from sqlalchemy import func, select

    from campaign.models import Organisation, Page, Petition, Story, User

    with app.app_context():
        seed_demo()
        first = {
            m: db.session.scalar(select(func.count()).select_from(m))
            for m in (Organisation, Page, Petition, Story, User)
        }
        seed_demo()
        second = {
            m: db.session.scalar(select(func.count()).select_from(m))
            for m in (Organisation, Page, Petition, Story, User)
        }
    assert first == second
    assert first[Petition] == 1 and first[Story] == 1 and first[User] == 3
    assert first[Organisation] == 15
