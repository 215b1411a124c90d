"""Learning records travel: a learner's journey becomes xAPI statements in a real Learning Record
Store (Ralph, started by the test), once each, even when delivery runs twice or the store is down
for a while and comes back."""

import json
import os
import socket
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from courses import services as course_services
from literacy import xapi
from literacy.models import Jurisdiction, LearningStatement
from sessions import services as session_services
from sessions.models import Registration, SessionPage
from tests.courses.helpers import QUESTION_ID, make_course
from tests.factories import UserFactory
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.django_db
HEADERS = {"X-Experience-API-Version": "1.0.3"}
AUTH = ("ogl", "lrs-test-password")


def _ralph_binary():
    path = os.environ.get("OGL_RALPH") or str(Path(django_settings.BASE_DIR) / ".ralph-venv" / "bin" / "ralph")
    if not Path(path).exists():
        pytest.fail("Ralph (the LRS) is not installed: `make test` installs it in .ralph-venv")
    return path


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Ralph:
    def __init__(self, tmp_path, port):
        self.dir, self.port = tmp_path, port
        self.url = f"http://127.0.0.1:{port}"
        self.process = None
        self.env = {
            **os.environ,
            "RALPH_AUTH_FILE": str(tmp_path / "auth.json"),
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(tmp_path / "data"),
        }
        (tmp_path / "data").mkdir(exist_ok=True)
        subprocess.run(
            [_ralph_binary(), "auth", "-u", AUTH[0], "-p", AUTH[1], "-s", "all", "-M", "mailto:lrs@example.org", "-w"],
            env=self.env,
            check=True,
            capture_output=True,
        )

    def start(self):
        python = str(Path(_ralph_binary()).parent / "python")
        launcher = str(Path(django_settings.BASE_DIR) / "tests" / "support" / "ralph_server.py")
        self.process = subprocess.Popen(
            [python, launcher, str(self.port)],
            cwd=self.dir,
            env=self.env,
            stdout=open(self.dir / "ralph.log", "a"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{self.url}/__heartbeat__", timeout=1).ok:
                    return self
            except requests.ConnectionError:
                time.sleep(0.2)
        raise AssertionError("Ralph did not start: " + (self.dir / "ralph.log").read_text())

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def statements(self, **params):
        found, url = [], f"{self.url}/xAPI/statements/"
        params = {"limit": 500, **params}
        while url:
            body = requests.get(url, params=params, auth=AUTH, headers=HEADERS, timeout=10).json()
            found += body["statements"]
            more = body.get("more")
            url, params = (self.url + more, {}) if more else (None, {})
        return found


@pytest.fixture
def lrs(tmp_path, settings):
    server = Ralph(tmp_path, _free_port())
    settings.OGL_XAPI_STORES = [
        {"name": "ralph", "endpoint": f"{server.url}/xAPI", "username": AUTH[0], "password": AUTH[1]}
    ]
    yield server
    server.stop()


def test_a_learners_journey_reaches_the_lrs_once_each(site_tree, lrs, django_capture_on_commit_callbacks):
    lrs.start()
    Jurisdiction.objects.filter(code="ON").update(xapi_actor="mbox")
    learner = UserFactory(jurisdiction=Jurisdiction.objects.get(code="ON"), email="ada@example.org")
    course, (lesson1, lesson2) = make_course(site_tree, title="Open data basics")
    session = make_session("ON", capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(user=learner, course=course)
        course_services.complete_lesson(user=learner, lesson=lesson1)
        course_services.submit_knowledge_check(user=learner, lesson=lesson2, answers={QUESTION_ID: ["1"]})
        course_services.submit_knowledge_check(user=learner, lesson=lesson2, answers={QUESTION_ID: ["0"]})
        registration = session_services.register(session=session, user=learner)
    started = timezone.now() - timedelta(hours=1)
    SessionPage.objects.filter(pk=session.pk).update(start=started, end=started + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        session_services.mark_attendance(
            registrations=[Registration.objects.get(pk=registration.pk)],
            status=Registration.Status.ATTENDED,
            actor=None,
        )

    rows = list(LearningStatement.objects.all())
    assert rows and all(row.status == LearningStatement.Status.DELIVERED for row in rows)
    for row in rows:  # delivery running twice changes nothing in the store
        xapi.deliver(statement_pk=row.pk)
        row.status = LearningStatement.Status.PENDING
        row.save()
        xapi.deliver(statement_pk=row.pk)

    stored = lrs.statements(agent=json.dumps({"mbox": "mailto:ada@example.org"}))
    verbs = sorted(statement["verb"]["id"].rsplit("/", 1)[-1] for statement in stored)
    assert verbs == sorted(
        [
            "registered",
            "completed",
            "failed",
            "passed",
            "completed",
            "completed",
            "earned",
            "registered",
            "attended",
            "earned",
        ]
    )
    assert len({statement["id"] for statement in stored}) == len(stored) == len(rows)
    passed = next(s for s in stored if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"]["scaled"] == 1.0 and passed["result"]["success"] is True
    assert passed["object"]["id"] == lesson2.full_url
    assert set(passed["object"]["definition"]["name"]) == {"en-CA"}
    course_statement = next(s for s in stored if s["object"]["id"] == course.full_url)
    assert course_statement["verb"]["display"] == {"en-CA": "registered", "fr-CA": "s’est inscrit·e"}


def test_an_lrs_that_is_down_gets_the_statement_once_it_is_back(site_tree, lrs, django_capture_on_commit_callbacks):
    learner = UserFactory(jurisdiction=Jurisdiction.objects.get(code="BC"))  # BC names learners by opaque account
    course, _lessons = make_course(site_tree, code="BC", title="BC course")
    with django_capture_on_commit_callbacks(execute=True):
        course_services.enrol(user=learner, course=course)
    (row,) = LearningStatement.objects.all()
    assert row.status == LearningStatement.Status.FAILED and row.attempts == 1 and "Connection" in row.last_error

    lrs.start()
    call_command("send_learning_statements")
    call_command("send_learning_statements")
    row.refresh_from_db()
    assert row.status == LearningStatement.Status.DELIVERED and row.attempts == 2
    (stored,) = [s for s in lrs.statements() if s["id"] == str(row.statement_id)]
    assert "mbox" not in stored["actor"] and stored["actor"]["account"]["name"]
    assert learner.email not in json.dumps(stored)


def test_the_admin_lists_statements_with_their_delivery_state_for_superusers_only(client, site_tree, settings):
    from tests.factories import staff_user

    settings.OGL_XAPI_STORES = [{"name": "nowhere", "endpoint": "http://127.0.0.1:9/xAPI"}]
    learner = UserFactory()
    course, _lessons = make_course(site_tree, title="Listed course")
    course_services.enrol(user=learner, course=course)
    row = LearningStatement.objects.get()
    xapi.deliver(statement_pk=row.pk)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get("/admin/learning_statements/").content.decode()
    assert row.event in html and "Failed" in html
    client.force_login(staff_user("ON", "Moderators"))
    assert client.get("/admin/learning_statements/").status_code in (302, 403)
