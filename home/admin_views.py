"""The national working group's view: every government's aggregates, as charts with their tables."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from literacy.roles import WORKING_GROUP, role_required
from sessions.charts import bar_chart

from .selectors import national_aggregates


@role_required(WORKING_GROUP)
def national_report(request):
    rows = national_aggregates()

    def chart(title, description, key):
        bars = [{"label": row["jurisdiction"].name, "value": row[key], "text": str(row[key])} for row in rows]
        return bar_chart(title=title, description=description, bars=bars)

    charts = [
        chart(
            _("Session registrations by government"),
            _("Registrations for each government's sessions, cancelled ones left out."),
            "registrations",
        ),
        chart(
            _("Course completions by government"),
            _("Courses completed by each government's public servants, whoever published the course."),
            "completions",
        ),
        chart(
            _("Coverage gaps by government"),
            _("Topics for which a government has published no resource yet."),
            "gaps",
        ),
    ]
    return TemplateResponse(request, "home/admin/national_report.html", {"rows": rows, "charts": charts})
