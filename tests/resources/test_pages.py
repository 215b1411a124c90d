import json
import re

import pytest

pytestmark = pytest.mark.django_db


def test_detail_page_shows_metadata_related_and_json_ld(client, make_resource):
    page = make_resource(
        code="NS",
        title="Open data </script><script>alert(1)</script> basics",
        topics=("basics", "standards"),
        resource_type="toolkit",
        licence="ogl-nova-scotia-1.0",
    )
    related = make_resource(code="ON", title="Standards primer", topics=("standards",))
    make_resource(code="ON", title="Unrelated", topics=("fogo",))
    response = client.get(page.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Open Government Licence – Nova Scotia" in body
    assert "Related resources" in body and related.title in body and "Unrelated" not in body
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert match, "JSON-LD missing"
    data = json.loads(match.group(1))
    assert data["@type"] == "LearningResource"
    assert data["name"] == page.title  # round-trips although it contains </script>
    assert data["license"] == "https://novascotia.ca/opendata/licence.asp"
    assert "<script>alert(1)</script>" not in body


def test_jurisdiction_page_lists_its_resources(client, make_resource, site_tree):
    make_resource(code="YT", title="Yukon open data guide")
    make_resource(code="NU", title="Nunavut guide")
    response = client.get(site_tree["jurisdictions"]["YT"]["pages"]["en"].url)
    assert b"Yukon open data guide" in response.content
    assert b"Nunavut guide" not in response.content
