import threading
import time
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from resources.models import LinkCheck
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/no-head":
            self.send_response(405)
        else:
            self.send_response({"/ok": 200, "/gone": 404, "/slow": 200}.get(self.path, 500))
        self.end_headers()

    def do_GET(self):
        self.send_response(200 if self.path == "/no-head" else 404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def http_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_check_resource_links_records_status_and_time(make_resource, http_server):
    for path in ("ok", "gone", "slow", "no-head"):
        make_resource(title=f"Link {path}", link_url=f"{http_server}/{path}")
    make_resource(title="Refused", link_url="http://127.0.0.1:9/nothing-listens-here")
    before = timezone.now()
    call_command("check_resource_links", "--timeout", "0.5")
    checks = {check.url.rsplit("/", 1)[-1]: check for check in LinkCheck.objects.all()}
    assert checks["ok"].status_code == 200 and not checks["ok"].is_broken
    assert checks["gone"].status_code == 404 and checks["gone"].is_broken
    assert checks["no-head"].status_code == 200
    assert checks["slow"].status_code is None and "Timeout" in checks["slow"].error
    assert checks["nothing-listens-here"].status_code is None and checks["nothing-listens-here"].error
    assert all(check.checked_at >= before for check in checks.values())
    # Checking again updates the same rows.
    call_command("check_resource_links", "--timeout", "0.5")
    assert LinkCheck.objects.count() == 5


def test_needs_review_report_and_dashboard_panel(client, make_resource):
    today = timezone.localdate()
    make_resource(code="ON", title="Overdue Ontario", review_date=today - timedelta(days=1))
    make_resource(code="ON", title="Fresh Ontario", review_date=today + timedelta(days=30))
    make_resource(code="BC", title="Overdue BC", review_date=date(2020, 1, 1))
    client.force_login(staff_user("ON", "Editors"))
    response = client.get("/admin/resources/needs-review/")
    assert response.status_code == 200
    assert b"Overdue Ontario" in response.content
    assert b"Fresh Ontario" not in response.content and b"Overdue BC" not in response.content
    dashboard = client.get("/admin/")
    assert dashboard.status_code == 200
    assert b'resources-needs-review-count">1<' in dashboard.content


def test_broken_links_report_and_dashboard_count_per_jurisdiction(client, make_resource):
    now = timezone.now()
    make_resource(code="ON", title="Dead Ontario link", link_url="https://example.org/gone")
    make_resource(code="ON", title="Silent Ontario link", link_url="https://example.org/timeout")
    make_resource(code="ON", title="Working Ontario link", link_url="https://example.org/fine")
    make_resource(code="BC", title="Dead BC link", link_url="https://example.org/bc-gone")
    LinkCheck.objects.create(url="https://example.org/gone", status_code=404, checked_at=now)
    LinkCheck.objects.create(url="https://example.org/timeout", status_code=None, error="timed out", checked_at=now)
    LinkCheck.objects.create(url="https://example.org/fine", status_code=200, checked_at=now)
    LinkCheck.objects.create(url="https://example.org/bc-gone", status_code=410, checked_at=now)
    client.force_login(staff_user("ON", "Editors"))
    html = client.get("/admin/resources/broken-links/").content.decode()
    assert "Dead Ontario link" in html and "HTTP 404" in html and "Silent Ontario link" in html and "timed out" in html
    assert "Working Ontario link" not in html and "Dead BC link" not in html
    assert 'resources-broken-links-count">2<' in client.get("/admin/").content.decode()
