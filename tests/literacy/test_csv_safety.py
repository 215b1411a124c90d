"""No CSV the site writes opens a cell as a spreadsheet formula, and every CSV goes through the
one helper that ensures it."""

import csv
import io
import pathlib
import re
from datetime import date

import pytest

from literacy.csv_safety import safe_cell
from literacy.models import Jurisdiction, Topic
from resources.models import PlannedResource
from resources.services import save_resource_page
from sessions import services as session_services
from tests.factories import UserFactory, staff_user
from tests.sessions.helpers import make_session

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1"]


def _cells(content):
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _assert_inert(cells):
    dangerous = [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    assert dangerous == []


def test_safe_cell_escapes_formulas_and_keeps_numbers():
    assert [safe_cell(value) for value in HOSTILE] == ["'" + value for value in HOSTILE]
    assert safe_cell(-3) == -3 and safe_cell("Ordinary title") == "Ordinary title" and safe_cell("") == ""


def test_roster_csv_escapes_learner_controlled_cells(client, site_tree):
    session = make_session("ON", capacity=5)
    for value in HOSTILE:
        learner = UserFactory(display_name=value, organization=value)
        session_services.register(session=session, user=learner, accessibility_needs=value, language_needs=value)
    client.force_login(staff_user("ON", "Coordinators"))
    response = client.get(f"/admin/sessions-admin/{session.pk}/roster.csv")
    assert response.status_code == 200
    cells = _cells(response.content)
    _assert_inert(cells)
    assert "'" + HOSTILE[0] in cells  # kept, made inert


def test_resources_and_gaps_csv_escape_titles(client, site_tree):
    parent = site_tree["jurisdictions"]["ON"]["pages"]["en"]
    for number, value in enumerate(value for value in HOSTILE if value[0] not in "\t\r"):  # titles are one line
        save_resource_page(
            parent=parent,
            title=f"{value} {number}",
            topics=[Topic.objects.first()],
            audiences=[],
            summary=value,
            resource_type="guide",
            format="html",
            languages=["en"],
            licence="ogl-ontario-1.0",
            publisher=value,
            date_published=date(2024, 1, 1),
            link_url="https://example.org/r",
        )
    _assert_inert(_cells(b"".join(client.get("/en/resources/export/csv/").streaming_content)))
    PlannedResource.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="ON"),
        topic=Topic.objects.last(),
        title=HOSTILE[0],
        contact="on@example.org",
    )
    client.force_login(staff_user("ON", "Coordinators"))
    gaps = client.get("/admin/resources/gaps.csv")
    assert gaps.status_code == 200
    _assert_inert(_cells(gaps.content))


def test_every_csv_writer_is_the_safe_one():
    root = pathlib.Path(__file__).resolve().parents[2]
    offenders = []
    for path in root.glob("*/**/*.py"):
        inside = path.relative_to(root).parts
        # bench/ measures the raw csv.writer as the export's anchor; it writes nothing anyone opens.
        if (
            any(part.startswith(".") for part in inside)
            or inside[0] in ("tests", "bench")
            or path.name == "csv_safety.py"
        ):
            continue
        if re.search(r"csv\.(writer|DictWriter)\(", path.read_text(encoding="utf-8")):
            offenders.append(str(path.relative_to(root)))
    assert offenders == []
