import csv
import io

import pytest
from django.core.management import CommandError, call_command

from resources.models import ResourcePage
from resources.services import IMPORT_COLUMNS, ResourceError, import_resources
from tests.factories import staff_user

pytestmark = pytest.mark.django_db


def _row(n, **overrides):
    row = {
        "external_id": f"on-{n:03d}",
        "title_en": f"Resource {n}, with a comma",
        "title_fr": f"Ressource {n} – été",
        "summary_en": f"Summary {n}",
        "summary_fr": f"Résumé {n}, accentué",
        "topics": "basics;governance",
        "audiences": "managers",
        "resource_type": "guide",
        "format": "pdf",
        "languages": "en;fr",
        "licence": "ogl-ontario-1.0",
        "url": f"https://www.ontario.ca/r/{n}",
        "publisher": "Ontario",
        "contact_email": "opendata@ontario.ca",
        "date_published": "2024-01-15",
        "date_modified": "2024-06-01",
        "review_date": "2026-01-15",
    }
    row.update(overrides)
    return row


def _csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=IMPORT_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_good_file_creates_paired_pages(site_tree):
    report = import_resources(
        data=_csv([_row(1), _row(2, title_fr="", summary_fr="", languages="en")]), jurisdiction_code="ON"
    )
    assert report.created == 3
    en = ResourcePage.objects.get(external_id="on-001", locale__language_code="en")
    fr = ResourcePage.objects.get(external_id="on-001", locale__language_code="fr")
    assert en.translation_key == fr.translation_key
    assert fr.title == "Ressource 1 – été" and fr.live
    assert en.jurisdiction.code == "ON" and sorted(en.topic_slugs) == ["basics", "governance"]
    assert not ResourcePage.objects.filter(external_id="on-002", locale__language_code="fr").exists()


def test_reimporting_the_same_file_updates_instead_of_duplicating(site_tree):
    data = _csv([_row(n) for n in range(1, 6)])
    import_resources(data=data, jurisdiction_code="ON")
    first = dict(ResourcePage.objects.values_list("pk", "title"))
    report = import_resources(data=data, jurisdiction_code="ON")
    assert report.created == 0 and report.updated == 10
    assert dict(ResourcePage.objects.values_list("pk", "title")) == first
    changed = _csv([_row(1, title_en="Renamed")])
    import_resources(data=changed, jurisdiction_code="ON")
    assert ResourcePage.objects.get(external_id="on-001", locale__language_code="en").title == "Renamed"
    assert ResourcePage.objects.count() == 10


def test_one_bad_row_among_100_imports_nothing_and_is_reported(site_tree):
    rows = [_row(n) for n in range(1, 101)]
    rows[41] = _row(42, topics="basics;no-such-topic", date_published="2024-13-45")
    with pytest.raises(ResourceError) as excinfo:
        import_resources(data=_csv(rows), jurisdiction_code="ON")
    assert ResourcePage.objects.count() == 0
    assert len(excinfo.value.errors) == 1
    line, reason = excinfo.value.errors[0]
    assert line == 43  # header is line 1
    assert "no-such-topic" in reason and "date_published" in reason


def test_every_bad_row_is_reported(site_tree):
    rows = [_row(1, licence="cc0"), _row(2), _row(3, url="not a url", contact_email="nope"), _row(1)]
    with pytest.raises(ResourceError) as excinfo:
        import_resources(data=_csv(rows), jurisdiction_code="ON")
    lines = [line for line, _reason in excinfo.value.errors]
    assert lines == [2, 4, 5]
    assert "repeats line 2" in excinfo.value.errors[2][1]


def test_a_file_that_is_not_csv_gets_a_clear_error(site_tree):
    with pytest.raises(ResourceError, match="not a CSV text file"):
        import_resources(data=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", jurisdiction_code="ON")
    with pytest.raises(ResourceError, match="not a resource CSV"):
        import_resources(data="Hello,\nthis is a letter".encode(), jurisdiction_code="ON")


def test_dry_run_validates_only(site_tree):
    report = import_resources(data=_csv([_row(1)]), jurisdiction_code="ON", dry_run=True)
    assert report.rows == 1 and ResourcePage.objects.count() == 0


def test_command(tmp_path, site_tree, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(_csv([_row(1)]))
    call_command("import_resources", str(good), "--jurisdiction", "ON", "--dry-run")
    assert ResourcePage.objects.count() == 0
    call_command("import_resources", str(good), "--jurisdiction", "ON")
    assert ResourcePage.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_bytes(_csv([_row(2, resource_type="podcast")]))
    with pytest.raises(CommandError):
        call_command("import_resources", str(bad), "--jurisdiction", "ON")
    assert "line 2: unknown resource_type" in capsys.readouterr().err


def test_admin_import_view_for_moderators(client, site_tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff_user("ON", "Moderators"))
    response = client.post(
        "/admin/resources/import/",
        {
            "jurisdiction": "ON",
            "file": SimpleUploadedFile("r.csv", _csv([_row(1), _row(2, languages="xx")]), "text/csv"),
        },
    )
    assert response.status_code == 200
    assert b"line" in response.content.lower() and ResourcePage.objects.count() == 0
    response = client.post(
        "/admin/resources/import/",
        {
            "jurisdiction": "ON",
            "file": SimpleUploadedFile("r.csv", _csv([_row(1)]), "text/csv"),
        },
    )
    assert response.status_code == 302
    assert ResourcePage.objects.count() == 2
    # Moderators of Ontario cannot import into British Columbia.
    response = client.post(
        "/admin/resources/import/",
        {
            "jurisdiction": "BC",
            "file": SimpleUploadedFile("r.csv", _csv([_row(9)]), "text/csv"),
        },
    )
    assert response.status_code == 200 and ResourcePage.objects.count() == 2


def test_a_hostile_file_reports_every_row_with_its_line_and_the_dry_run_agrees_with_the_real_run(site_tree):
    rows = [
        _row(1),
        _row(2, external_id="x" * 101),  # longer than the model allows
        _row(3, publisher="P" * 201),
        _row(4, url="https://example.org/" + "a" * 500),
        _row(5, title_en="Two\nlines"),  # a title is one line
        _row(6, date_published="2024-13-40"),
        _row(7, licence="=cmd|' /C calc'!A0"),
        _row(8, topics="basics;nope"),
        _row(9, external_id="on-001"),  # repeats line 2
        _row(10, contact_email="not-an-email"),
    ]
    data = "\ufeff".encode() + _csv(rows)
    for dry_run in (True, False):
        with pytest.raises(ResourceError) as raised:
            import_resources(data=data, jurisdiction_code="ON", dry_run=dry_run)
        lines = [line for line, _reason in raised.value.errors]
        # Row 5's quoted title spans lines 6 and 7 of the file; each row is named by its first line.
        assert lines == [3, 4, 5, 6, 8, 9, 10, 11, 12], raised.value.errors
        reasons = dict(raised.value.errors)
        assert "external_id" in reasons[3] and "100" in reasons[3]
        assert "publisher" in reasons[4] and "url" in reasons[5] and "title_en" in reasons[6]
    assert not ResourcePage.objects.filter(external_id__startswith="on-").exists()


def test_a_file_in_another_encoding_is_refused_clearly(site_tree):
    with pytest.raises(ResourceError) as raised:
        import_resources(data=_csv([_row(1, title_fr="Été")]).decode().encode("latin-1"), jurisdiction_code="ON")
    assert "UTF-8" in str(raised.value)
