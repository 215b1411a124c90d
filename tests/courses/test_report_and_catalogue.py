import csv
import io

import pytest

from courses import services
from courses.selectors import my_learning_section
from literacy.models import Topic
from tests.factories import PASSWORD, UserFactory, staff_user

from .helpers import make_course

pytestmark = pytest.mark.django_db


def test_coordinator_report_counts_the_learners_government_whoever_published_the_course(
    client, site_tree, django_capture_on_commit_callbacks
):
    """An Ontario coordinator sees Ontario public servants' completions of a federal course, and
    nothing of Quebec's learners, even in an Ontario course."""
    from literacy.models import Jurisdiction

    ontario, quebec = Jurisdiction.objects.get(code="ON"), Jurisdiction.objects.get(code="QC")
    federal_course, federal_lessons = make_course(
        site_tree, code="CA", title="Federal course", with_check=False, lessons=1
    )
    ontario_course, _lessons = make_course(site_tree, code="ON", title="Ontario course", with_check=False, lessons=1)
    ontarians = [UserFactory(jurisdiction=ontario, organization=org) for org in ("Treasury", "Treasury", "Health")]
    quebecer = UserFactory(jurisdiction=quebec, organization="Santé")
    for learner in ontarians:
        services.enrol(user=learner, course=federal_course)
    services.enrol(user=quebecer, course=federal_course)
    services.enrol(user=quebecer, course=ontario_course)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(user=ontarians[0], lesson=federal_lessons[0])
        services.complete_lesson(user=quebecer, lesson=federal_lessons[0])

    client.login(username=staff_user("ON", "Coordinators").username, password=PASSWORD)
    html = client.get("/admin/course-report/").content.decode()
    assert "Federal course" in html and "Ontario course" not in html  # only Quebec took the Ontario course
    rows = list(csv.reader(io.StringIO(client.get("/admin/course-report/?format=csv").content.decode())))
    assert rows[0] == ["Learners' government", "Course", "Published by", "Enrolments", "Completions"]
    assert rows[1:] == [["ON", "Federal course", "CA", "3", "1"]]
    assert "Treasury" in html and "Santé" not in html

    transcripts = client.get("/admin/course-report/transcripts.csv").content.decode()
    lines = list(csv.reader(io.StringIO(transcripts)))
    assert lines[0][:3] == ["Government", "Organization", "Learner"]
    assert sorted(line[3] for line in lines[1:]) == sorted(learner.email for learner in ontarians)
    assert quebecer.email not in transcripts
    finished = next(line for line in lines[1:] if line[3] == ontarians[0].email)
    assert finished[6] and finished[7]  # completed, with the certificate's verification code
    health = client.get("/admin/course-report/transcripts.csv?organization=health").content.decode()
    assert ontarians[2].email in health and ontarians[0].email not in health

    pdf = client.get("/admin/course-report/transcripts.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    client.login(username=staff_user("QC", "Coordinators").username, password=PASSWORD)
    quebec_rows = list(csv.reader(io.StringIO(client.get("/admin/course-report/?format=csv").content.decode())))
    assert sorted(row[1] for row in quebec_rows[1:]) == ["Federal course", "Ontario course"]


def test_report_is_refused_to_non_coordinators(client, site_tree):
    client.login(username=staff_user("ON", "Editors").username, password=PASSWORD)
    response = client.get("/admin/course-report/")
    assert response.status_code == 403
    assert response.status_code != 200


def test_catalogue_filters(client, site_tree):
    short, _ = make_course(site_tree, code="ON", title="Short Ontario course")
    short.estimated_duration = 20
    short.topics.set([Topic.objects.get(slug="open-data")])
    short.save_revision().publish()
    make_course(site_tree, code="BC", title="Long BC course")  # 45 minutes
    index = next(pages["en"] for cls, pages in site_tree["index_pages"].items() if cls.__name__ == "CourseIndexPage")

    def titles(query=""):
        html = client.get(index.url + query).content.decode()
        return {t for t in ("Short Ontario course", "Long BC course") if t in html}

    assert titles() == {"Short Ontario course", "Long BC course"}
    assert titles("?jurisdiction=ON") == {"Short Ontario course"}
    assert titles("?topic=open-data") == {"Short Ontario course"}
    assert titles("?duration=medium") == {"Long BC course"}
    assert titles("?language=fr") == set()
    assert client.get(index.url + "?duration=bogus").status_code == 200


def test_my_learning_lists_courses_in_progress_and_completed(client, site_tree, rf, django_capture_on_commit_callbacks):
    going, _ = make_course(site_tree, title="Still going")
    done, done_lessons = make_course(site_tree, title="All done", with_check=False, lessons=1)
    user = UserFactory()
    services.enrol(user=user, course=going)
    services.enrol(user=user, course=done)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(user=user, lesson=done_lessons[0])
    request = rf.get("/")
    request.user = user
    section = my_learning_section(request)
    assert [row["course"].title for row in section["context"]["in_progress"]] == ["Still going"]
    assert [row["course"].title for row in section["context"]["completed"]] == ["All done"]
    client.login(username=user.username, password=PASSWORD)
    html = client.get("/en/my-learning/").content.decode()
    assert "<progress" in html and section["context"]["completed"][0]["certificate"].code in html


def test_pages_show_times_on_the_signed_in_readers_own_clock(client, site_tree, django_capture_on_commit_callbacks):
    from datetime import UTC, datetime

    from courses.models import Enrolment

    done, done_lessons = make_course(site_tree, title="All done", with_check=False, lessons=1)
    user = UserFactory(time_zone="America/Vancouver")
    services.enrol(user=user, course=done)
    with django_capture_on_commit_callbacks(execute=True):
        services.complete_lesson(user=user, lesson=done_lessons[0])
    # 22:00 on 28 February in Vancouver is already 1 March in UTC and in Toronto, the site's zone.
    Enrolment.objects.filter(user=user).update(completed_at=datetime(2026, 3, 1, 6, 0, tzinfo=UTC))
    client.force_login(user)
    html = client.get("/en/my-learning/").content.decode()
    assert ">2026-02-28</time>" in html and "2026-03-01" not in html
    user.time_zone = "America/Halifax"
    user.save()
    assert ">2026-03-01</time>" in client.get("/en/my-learning/").content.decode()
