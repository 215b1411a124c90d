"""Wagtail admin: which live pages of a person's jurisdictions still lack their other language."""

from django.template.response import TemplateResponse

from .roles import role_required
from .selectors import untranslated_pages


@role_required()
def missing_translations(request):
    report = untranslated_pages(user=request.user)
    return TemplateResponse(
        request,
        "literacy/admin/missing_translations.html",
        {
            "report": report.items(),
            "total": sum(len(rows) for rows in report.values()),
        },
    )
