"""Wagtail admin views for the inventory: coverage gaps (coordinators), CSV import (moderators),
resources needing review (editors) and the dashboard panel. Thin: they call selectors/services."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.components import Component

from literacy.csv_safety import csv_writer
from literacy.models import Jurisdiction
from literacy.roles import Role, role_required
from literacy.selectors import jurisdictions_for_role, jurisdictions_for_staff

from . import selectors, services


def _coordinator_jurisdictions(request):
    return jurisdictions_for_role(user=request.user, role=Role.COORDINATORS).order_by("sort_order")


@role_required(Role.COORDINATORS)
def gaps(request):
    jurisdictions = _coordinator_jurisdictions(request)
    grouped = {}
    for jurisdiction, topic, planned in selectors.gaps_for(jurisdictions=jurisdictions):
        grouped.setdefault(jurisdiction, []).append({"topic": topic, "planned": planned})
    return TemplateResponse(request, "resources/admin/gaps.html", {"grouped": list(grouped.items())})


@role_required(Role.COORDINATORS)
def gaps_csv(request):
    jurisdictions = _coordinator_jurisdictions(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ogl-coverage-gaps.csv"'
    writer = csv_writer(response)
    writer.writerow(
        ["jurisdiction", "topic", "topic_name_en", "topic_name_fr", "planned_titles", "planned_target_dates"]
    )
    for jurisdiction, topic, planned in selectors.gaps_for(jurisdictions=jurisdictions):
        writer.writerow(
            [
                jurisdiction.code,
                topic.slug,
                topic.name_en,
                topic.name_fr,
                "; ".join(p.title for p in planned),
                "; ".join(p.target_date.isoformat() for p in planned if p.target_date),
            ]
        )
    return response


class ImportForm(forms.Form):
    jurisdiction = forms.ModelChoiceField(
        queryset=Jurisdiction.objects.none(), label=gettext_lazy("Jurisdiction"), to_field_name="code"
    )
    file = forms.FileField(label=gettext_lazy("CSV file"), help_text=gettext_lazy("UTF-8 CSV, at most 10 MB."))
    dry_run = forms.BooleanField(label=gettext_lazy("Validate only (dry run)"), required=False)

    def __init__(self, *args, jurisdictions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jurisdiction"].queryset = jurisdictions


@role_required(Role.MODERATORS)
def import_view(request):
    """Moderators import a CSV for one of their jurisdictions; imported pages are published,
    since moderators hold the publish permission on the jurisdiction's pages."""
    jurisdictions = jurisdictions_for_role(user=request.user, role=Role.MODERATORS).order_by("sort_order")
    errors, error_message = [], ""
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, jurisdictions=jurisdictions)
        if form.is_valid():
            try:
                report = services.import_resources(
                    data=form.cleaned_data["file"].read(),
                    jurisdiction_code=form.cleaned_data["jurisdiction"].code,
                    user=request.user,
                    dry_run=form.cleaned_data["dry_run"],
                )
            except services.ResourceError as exc:
                error_message, errors = str(exc), exc.errors
            else:
                if report.dry_run:
                    messages.success(
                        request,
                        _("All %(rows)s rows are valid; nothing was imported (dry run).") % {"rows": report.rows},
                    )
                else:
                    messages.success(
                        request,
                        _("Imported %(rows)s rows: %(created)s pages created, %(updated)s updated.")
                        % {"rows": report.rows, "created": report.created, "updated": report.updated},
                    )
                return redirect("resources_import")
    else:
        form = ImportForm(jurisdictions=jurisdictions)
    return TemplateResponse(
        request,
        "resources/admin/import.html",
        {
            "form": form,
            "errors": errors,
            "error_message": error_message,
            "columns": services.IMPORT_COLUMNS,
        },
    )


@role_required()
def needs_review(request):
    jurisdictions = jurisdictions_for_staff(user=request.user)
    pages = selectors.resources_needing_review(jurisdictions=jurisdictions)
    return TemplateResponse(request, "resources/admin/needs_review.html", {"pages": pages[:500]})


@role_required()
def broken_links(request):
    jurisdictions = jurisdictions_for_staff(user=request.user)
    return TemplateResponse(
        request, "resources/admin/broken_links.html", {"pages": selectors.broken_links(jurisdictions=jurisdictions)}
    )


class NeedsReviewPanel(Component):
    name = "resources_needs_review"
    order = 160
    template_name = "resources/admin/needs_review_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        jurisdictions = jurisdictions_for_staff(user=self.request.user)
        return {
            "count": selectors.resources_needing_review(jurisdictions=jurisdictions).count(),
            "broken": len(selectors.broken_links(jurisdictions=jurisdictions)),
        }
