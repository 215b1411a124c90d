"""Wagtail admin: which live pages of a person's jurisdictions still lack their other language."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from .selectors import jurisdictions_for_staff, untranslated_pages


def missing_translations(request):
    if not jurisdictions_for_staff(user=request.user).exists():
        raise PermissionDenied
    report = untranslated_pages(user=request.user)
    return TemplateResponse(
        request,
        "literacy/admin/missing_translations.html",
        {
            "report": report.items(),
            "total": sum(len(rows) for rows in report.values()),
        },
    )
