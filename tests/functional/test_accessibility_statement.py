"""The accessibility statement: linked from every page's footer, naming the axe-core release the browser
checks really run (package.json) and the contact address the settings give."""

import json
from pathlib import Path

from campaign.public.views import AXE_CORE_VERSION

ROOT = Path(__file__).resolve().parents[2]


def test_the_statement_names_the_configured_contact_and_is_linked_from_the_footer(make_app):
    app = make_app(PRIVACY_CONTACT_EMAIL="access@families.example")
    client = app.test_client()
    page = client.get("/accessibility")
    assert page.status_code == 200
    assert '<a href="mailto:access@families.example">access@families.example</a>' in page.text
    for heading in ("How we test", "What we know is not right yet", "Tell us about a problem"):
        assert heading in page.text
    assert f"axe-core {AXE_CORE_VERSION}" in page.text
    assert '<a href="/accessibility">Accessibility</a>' in client.get("/coalition").text


def test_the_statement_names_the_axe_core_release_the_tests_install():
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert package["devDependencies"]["axe-core"] == AXE_CORE_VERSION
    assert lock["packages"]["node_modules/axe-core"]["version"] == AXE_CORE_VERSION
