"""The coordinator's course report, counted by the learners' government, and the transcripts of
that government's learners (CSV and PDF)."""

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from literacy.csv_safety import csv_writer
from literacy.pdf import html_to_pdf
from literacy.roles import Role, role_required

from .selectors import coordinator_report, learner_transcripts


@role_required(Role.COORDINATORS)
def course_report(request):
    report = coordinator_report(user=request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="course-report.csv"'
        writer = csv_writer(response)
        writer.writerow([_("Learners' government"), _("Course"), _("Published by"), _("Enrolments"), _("Completions")])
        for row in report["rows"]:
            writer.writerow(
                [row["jurisdiction"].code, row["course"].title, row["publisher"], row["enrolments"], row["completions"]]
            )
        return response
    return TemplateResponse(request, "courses/admin/course_report.html", report)


def _transcript_rows(rows):
    for row in rows:
        learner = row["learner"]
        yield [
            row["jurisdiction"].code,
            learner.organization,
            learner.display_name or learner.get_full_name(),
            learner.email,
            row["course"].title,
            row["enrolled_at"].date().isoformat(),
            row["completed_at"].date().isoformat() if row["completed_at"] else "",
            row["certificate"].code if row["certificate"] else "",
        ]


TRANSCRIPT_COLUMNS = [
    gettext_lazy("Government"),
    gettext_lazy("Organization"),
    gettext_lazy("Learner"),
    gettext_lazy("Email"),
    gettext_lazy("Course"),
    gettext_lazy("Enrolled"),
    gettext_lazy("Completed"),
    gettext_lazy("Certificate verification code"),
]


@role_required(Role.COORDINATORS)
def transcripts(request, format):
    """Every course each learner of the coordinator's governments took, with its dates and
    certificate; `?organization=` narrows it to one organization."""
    organization = request.GET.get("organization", "").strip()
    rows = learner_transcripts(user=request.user, organization=organization)
    if format == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="learner-transcripts.csv"'
        writer = csv_writer(response)
        writer.writerow([str(column) for column in TRANSCRIPT_COLUMNS])
        writer.writerows(_transcript_rows(rows))
        return response
    html = render_to_string(
        "courses/admin/transcripts_pdf.html",
        {
            "columns": [str(column) for column in TRANSCRIPT_COLUMNS],
            "rows": list(_transcript_rows(rows)),
            "organization": organization,
            "generated": timezone.localtime(),
        },
        request=request,
    )
    response = HttpResponse(html_to_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="learner-transcripts.pdf"'
    return response
