"""Scale-out as production runs it: two gunicorn app servers and two background workers over one
database (and one Redis), with signed-in people racing for the same seats through both servers.
Nobody is overbooked, everybody has exactly one registration, and each registration's email is
sent exactly once."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.test import Client

from sessions.models import Registration
from tests.factories import UserFactory
from tests.literacy.test_durable_jobs import _database_url, _sent, _start_worker
from tests.sessions.helpers import make_session

ROOT = Path(settings.BASE_DIR)
CAPACITY = 6
PEOPLE = 18


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _server_environment(tmp_path):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/14"),
        "OGL_TEST_TASKS": "db",
        "OGL_TEST_EMAIL_BACKEND": "tests.support.mail.SlowFileEmailBackend",
        "OGL_TEST_MAIL_FILE": str(tmp_path / "mail.txt"),
        "OGL_TEST_MAIL_DELAY": "0",
    }


def _start_app_server(tmp_path, name):
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2"],
        cwd=ROOT,
        env=_server_environment(tmp_path),
        stdout=open(tmp_path / f"{name}.log", "w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/healthz", timeout=10).status_code == 200:
                return process, base
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.2)
    _stop(process)
    raise AssertionError((tmp_path / f"{name}.log").read_text())


def _signed_in(user, base, path):
    """A browser session of `user` on one server: its cookie, and the CSRF token of the page."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value)
    page = browser.get(base + path, timeout=30)
    assert page.status_code == 200, page.text[:500]
    return browser, browser.cookies["csrftoken"]


def _stop(process):
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_and_two_workers_never_overbook_and_send_each_email_once(site_tree, tmp_path):
    session = make_session("ON", capacity=CAPACITY)
    path = session.url
    people = [UserFactory(email=f"racer{n}@example.org") for n in range(PEOPLE)]
    servers, workers = [], []
    try:
        servers += [_start_app_server(tmp_path, "app-a"), _start_app_server(tmp_path, "app-b")]
        browsers = [_signed_in(person, servers[n % 2][1], path) for n, person in enumerate(people)]
        start_together = threading.Barrier(PEOPLE)
        answers = [None] * PEOPLE

        def register(n):
            browser, token = browsers[n]
            base = servers[n % 2][1]
            start_together.wait()
            answers[n] = browser.post(
                f"{base}{path}register/",
                data={"csrfmiddlewaretoken": token},
                headers={"Referer": base + path},
                allow_redirects=False,
                timeout=60,
            ).status_code

        threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert answers == [302] * PEOPLE, [(tmp_path / f"app-{x}.log").read_text()[-2000:] for x in "ab"]

        registrations = Registration.objects.filter(session=session)
        assert registrations.count() == PEOPLE
        assert sorted(registrations.values_list("user_id", flat=True)) == sorted(p.pk for p in people)
        assert registrations.filter(status=Registration.Status.BOOKED).count() == CAPACITY

        workers = [_start_worker(tmp_path, "worker-a"), _start_worker(tmp_path, "worker-b")]
        deadline = time.monotonic() + 120
        while len(_sent(tmp_path)) < PEOPLE and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1.5)  # long enough for a duplicate, were there one, to show
        recipients = sorted(line.split("\t")[0] for line in _sent(tmp_path))
        assert recipients == sorted(person.email for person in people)
    finally:
        for process, *_ in servers:
            _stop(process)
        for worker in workers:
            _stop(worker)
