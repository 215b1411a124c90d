"""Anonymous readers' public pages are cached whole, and every change they show makes the next
request render afresh; nobody signed in is served from, or stored in, the cache."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from wagtail.actions.move_page import MovePageAction

from home import page_cache
from literacy.models import Topic
from resources.models import ResourcePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.OGL_PAGE_CACHE_SECONDS = 300


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, response.content.decode()


def test_a_page_is_served_from_the_cache_the_second_time_in_each_language(client, make_resource):
    make_resource(title="Cached guide")
    first, body = _get(client, "/en/resources/")
    assert first["X-Page-Cache"] == "miss" and "Cached guide" in body
    assert "s-maxage=300" in first["Cache-Control"] and "public" in first["Cache-Control"]
    second, again = _get(client, "/en/resources/")
    assert second["X-Page-Cache"] == "hit" and again == body
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    french, _ = _get(client, "/fr/ressources/")
    assert french["X-Page-Cache"] == "miss"
    filtered, _ = _get(client, "/en/resources/?topic=basics")
    assert filtered["X-Page-Cache"] == "miss"


def test_publish_unpublish_move_delete_and_vocabulary_changes_show_on_the_next_request(
    client, make_resource, site_tree
):
    page = make_resource(title="First title")
    url = page.url
    _get(client, url)
    assert _get(client, url)[0]["X-Page-Cache"] == "hit"

    page.title = "Second title"
    page.save_revision().publish()
    response, body = _get(client, url)
    assert response["X-Page-Cache"] == "miss" and "Second title" in body

    _get(client, "/en/resources/")
    topic = Topic.objects.get(slug="basics")
    topic.name_en = "Renamed basics"
    topic.save()
    response, body = _get(client, "/en/resources/")
    assert response["X-Page-Cache"] == "miss" and "Renamed basics" in body

    page.unpublish()
    assert "Second title" not in _get(client, "/en/resources/")[1]

    other = make_resource(title="Mover")
    _get(client, "/en/resources/?jurisdiction=BC")
    MovePageAction(
        ResourcePage.objects.get(pk=other.pk), site_tree["jurisdictions"]["BC"]["pages"]["en"], pos="last-child"
    ).execute()
    assert "Mover" in _get(client, "/en/resources/?jurisdiction=BC")[1]

    ResourcePage.objects.get(pk=other.pk).delete()
    assert "Mover" not in _get(client, "/en/resources/?jurisdiction=BC")[1]


def test_signed_in_readers_are_never_served_or_stored(client, make_resource, django_user_model):
    make_resource(title="Shared page")
    _get(client, "/en/resources/")
    user = django_user_model.objects.create_user(
        username="reader", email="reader@example.org", password="a-long-password-1", display_name="Reader Name"
    )
    client.force_login(user)
    response, body = _get(client, "/en/resources/")
    assert "X-Page-Cache" not in response
    assert "Sign out" in body and "csrfmiddlewaretoken" in body
    client.logout()
    client.cookies.clear()
    response, body = _get(client, "/en/resources/")
    assert response["X-Page-Cache"] == "hit"
    assert "Sign out" not in body and "Sign in" in body and "csrfmiddlewaretoken" not in body


def test_a_response_that_used_a_csrf_token_or_set_a_cookie_is_not_stored():
    factory = RequestFactory()
    request = factory.get("/en/resources/")
    get_token(request)
    assert not page_cache._storable(request, HttpResponse("<p>form</p>", content_type="text/html"))
    request = factory.get("/en/resources/")
    response = HttpResponse("<p>hello</p>", content_type="text/html")
    assert page_cache._storable(request, response)
    response.set_cookie("anything", "1")
    assert not page_cache._storable(request, response)
    assert not page_cache._eligible(factory.get("/en/resources/", HTTP_COOKIE="sessionid=abc"))
    assert not page_cache._eligible(factory.post("/en/resources/"))
    assert not page_cache._eligible(factory.get("/admin/"))


def test_session_pages_expire_with_registrations(client, site_tree):
    from sessions.services import register
    from tests.sessions.helpers import make_session

    session = make_session(capacity=5)
    url = session.url
    _, before = _get(client, url)
    assert _get(client, url)[0]["X-Page-Cache"] == "hit"
    register(session=session, user=_user("seat-1"))
    response, after = _get(client, url)
    assert response["X-Page-Cache"] == "miss" and after != before


def _user(name):
    from literacy.models import User

    return User.objects.create_user(username=name, email=f"{name}@example.org", password="a-long-password-1")


class _PurgeRecorder(BaseHTTPRequestHandler):
    purged: list = []

    def do_PURGE(self):
        type(self).purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_cdn_in_front_is_told_to_purge_the_page_and_the_listings(make_resource, settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        settings.WAGTAILFRONTENDCACHE = {
            "local": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
            }
        }
        _PurgeRecorder.purged.clear()
        page = make_resource(title="Purged guide")
        purged = set(_PurgeRecorder.purged)
        assert page.url in purged
        assert {"/en/resources/", "/fr/ressources/", "/en/", "/fr/"} <= purged
    finally:
        server.shutdown()
