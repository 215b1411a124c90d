import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from sessions import services
from sessions.models import Registration
from tests.factories import UserFactory, staff_user

from .helpers import make_session

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def on_coordinator(client):
    user = staff_user("ON", "Coordinators")
    client.force_login(user)
    return user


def url(name, *args):
    return reverse(f"learning_sessions_admin:{name}", args=args)


def test_coordinator_of_on_cannot_see_or_export_bc(client, on_coordinator):
    bc = make_session("BC")
    services.register(session=bc, user=UserFactory(display_name="Bea Columbia"))
    for name in ("registrations", "roster_csv", "roster_pdf", "cancel_session", "session_report"):
        response = client.get(url(name, bc.pk))
        assert response.status_code == 403, name
        assert b"Bea Columbia" not in response.content
    assert client.get(url("jurisdiction_report", "BC")).status_code == 403
    assert client.post(url("registrations", bc.pk), {"action": "cancel"}).status_code == 403
    assert bc.title not in client.get(url("dashboard")).content.decode()


def test_learner_without_role_gets_403(client):
    client.force_login(UserFactory())
    response = client.get(url("dashboard"))
    assert response.status_code in (302, 403)


def test_registrations_roster_and_exports(client, on_coordinator):
    session = make_session("ON", capacity=1, venue="Queen's Park")
    first = UserFactory(display_name="Olive Ontario", organization="Treasury Board")
    second = UserFactory(display_name="Wade Waiting")
    services.register(
        session=session,
        user=first,
        accessibility_needs="Captions",
        self_identification={"gender": "woman", "indigenous": "yes"},
    )
    services.register(session=session, user=second)
    page = client.get(url("registrations", session.pk)).content.decode()
    assert "Olive Ontario" in page and "Captions" in page and "Wade Waiting" in page

    export = client.get(url("roster_csv", session.pk))
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[1][:4] == ["Olive Ontario", first.email, "Treasury Board", "Booked"]
    assert rows[2][3:5] == ["Waitlisted", "1"]
    flat = " ".join(" ".join(r) for r in rows).lower()
    assert "woman" not in flat and "indigenous" not in flat  # self-identification never in the roster

    pdf = client.get(url("roster_pdf", session.pk))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_bulk_actions_promote_cancel_and_attendance(client, on_coordinator):
    now = timezone.now()
    session = make_session("ON", capacity=1, start=now + timedelta(days=2))
    a, b = UserFactory.create_batch(2)
    ra = services.register(session=session, user=a)
    rb = services.register(session=session, user=b)
    response = client.post(
        url("registrations", session.pk), {"action": "promote", "registrations": [rb.pk]}, follow=True
    )
    assert "full" in response.content.decode()
    client.post(url("registrations", session.pk), {"action": "cancel", "registrations": [ra.pk]})
    ra.refresh_from_db()
    rb.refresh_from_db()
    assert (ra.status, rb.status) == (Status.CANCELLED, Status.OFFERED)
    assert ra.history.last().actor == on_coordinator
    # The coordinator need not wait for the answer to the seat offer.
    client.post(url("registrations", session.pk), {"action": "promote", "registrations": [rb.pk]})
    rb.refresh_from_db()
    assert rb.status == Status.BOOKED

    Registration.objects.filter(pk=rb.pk).update()  # attendance needs a started session
    session.start, session.end = now - timedelta(hours=2), now - timedelta(hours=1)
    session.save_revision().publish()
    client.post(url("registrations", session.pk), {"action": "attended", "registrations": [rb.pk]})
    rb.refresh_from_db()
    assert rb.status == Status.ATTENDED and session.is_completed_by(b)


def test_cancel_session_from_admin(client, on_coordinator):
    session = make_session("ON", capacity=3)
    registration = services.register(session=session, user=UserFactory())
    response = client.post(url("cancel_session", session.pk), {"message": "Snow day"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert registration.history.last().message == "Snow day"


def test_dashboard_charts_are_accessible(client, on_coordinator):
    session = make_session("ON", capacity=4, title="Data stewardship")
    services.register(session=session, user=UserFactory())
    html = client.get(url("dashboard")).content.decode()
    assert 'role="img"' in html and "<title id=" in html and "<desc id=" in html
    assert "Data stewardship" in html and "25 %" in html
    assert "<caption>" in html


def test_self_identification_report_suppresses_small_cells(client, on_coordinator):
    from sessions.selectors import report_period

    session = make_session("ON", capacity=60)
    answers = ["yes"] * 3 + ["no"] * 25 + ["prefer_not_to_say"] * 12
    last_week = report_period() - timedelta(days=2)
    for answer in answers:
        services.register(
            session=session, user=UserFactory(), self_identification={"indigenous": answer}, now=last_week
        )
    html = client.get(url("jurisdiction_report", "ON")).content.decode()
    assert "&lt;10" in html
    assert ">12<" not in html  # the complementary cell is suppressed too
    assert ">25<" in html and ">40<" in html  # multiples of 5 are shown as they are
    session_page = client.get(url("session_report", session.pk)).content.decode()
    assert ">25<" not in session_page and "never for one session" in session_page


def test_coordinator_pages_give_a_session_time_on_the_sessions_own_clock(client, on_coordinator, tmp_path):
    import subprocess
    from datetime import UTC, datetime

    on_coordinator.time_zone = "America/Vancouver"  # neither the coordinator's clock nor the site's may leak in
    on_coordinator.save()
    start = datetime(timezone.now().year + 1, 1, 15, 15, 0, tzinfo=UTC)  # 11:30 in St. John's in January
    session = make_session("ON", start=start, title="Winter session", time_zone="America/St_Johns")
    assert f"{start.year}-01-15 11:30 America/St_Johns" in client.get(url("dashboard")).content.decode()
    response = client.get(url("roster_pdf", session.pk))
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"".join(response.streaming_content) if response.streaming else response.content)
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert f"{start.year}-01-15 11:30–13:30 (America/St_Johns)" in text


def test_sign_in_sheet_names_the_place_the_facilitators_and_leaves_rows_for_walk_ins(client, on_coordinator, tmp_path):
    import subprocess

    session = make_session(
        "ON",
        capacity=8,
        title="Clinic",
        venue="Room 204",
        address="1 Main St\nToronto",
        facilitators="Ada Tremblay, Sam Chen",
    )
    services.register(session=session, user=UserFactory(display_name="Booked Person"))
    response = client.get(url("roster_pdf", session.pk))
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "Venue: Room 204" in text and "1 Main St" in text and "Facilitators: Ada Tremblay, Sam Chen" in text
    assert "Booked Person" in text and "Walk-ins" in text
    numbers = [line.split()[0] for line in text.split("Walk-ins", 1)[1].splitlines() if line.strip()[:1].isdigit()]
    assert numbers == [str(n) for n in range(1, 8)]  # a numbered blank line for each of the 7 free seats
