"""The coordinator report: enrolments and completions by course and jurisdiction."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from literacy.csv_safety import csv_writer
from literacy.roles import Role, role_required

from .selectors import coordinator_report


@role_required(Role.COORDINATORS)
def course_report(request):
    report = coordinator_report(user=request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="course-report.csv"'
        writer = csv_writer(response)
        writer.writerow([_("Jurisdiction"), _("Course"), _("Language"), _("Enrolments"), _("Completions")])
        for row in report["rows"]:
            title = row["course"].title
            if title[:1] in ("=", "+", "-", "@"):  # keep spreadsheets from running formulas
                title = "'" + title
            writer.writerow([row["jurisdiction"].code, title, row["language"], row["enrolments"], row["completions"]])
        return response
    return TemplateResponse(request, "courses/admin/course_report.html", report)
