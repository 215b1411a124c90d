"""Workflows of the site shell: reporting a problem on a page."""

import logging

from django.db import transaction
from django.utils.translation import gettext as _

from .models import ProblemReport

logger = logging.getLogger(__name__)
MAX_DETAILS = 2000


class HomeError(Exception):
    pass


def page_for_path(path):
    """The live page a site path shows (the page itself, or the one whose route it is), or None."""
    from wagtail.models import Page

    from resources.exports import PageAddresses

    language, _slash, rest = path.lstrip("/").partition("/")
    roots = [(root_path, lang) for root_path, lang in PageAddresses().roots if lang == language]
    segments = [segment for segment in rest.split("/") if segment]
    while True:
        for root_path, _lang in roots:
            url_path = root_path + "".join(f"{segment}/" for segment in segments)
            page = Page.objects.live().filter(url_path=url_path).first()
            if page is not None:
                return page
        if not segments:
            return None
        segments.pop()  # a route of the page above (…/export/csv/, …/register/)


def report_problem(*, page_path, kind, details="", language="en"):
    """Store a report about a page of this site and queue the email to its moderators."""
    from literacy.jurisdiction_tree import jurisdiction_id_above

    from .tasks import send_problem_report

    page_path = (page_path or "").strip()
    if not page_path.startswith("/") or page_path.startswith("//") or len(page_path) > 500:
        raise HomeError(_("Report a problem from the page it is on."))
    if kind not in ProblemReport.Kind.values:
        raise HomeError(_("Choose what is wrong."))
    details = (details or "").strip()
    if len(details) > MAX_DETAILS:
        raise HomeError(_("Keep the details under %(count)s characters.") % {"count": MAX_DETAILS})
    from literacy.models import Jurisdiction

    page = page_for_path(page_path.split("?", 1)[0])
    jurisdiction_id = jurisdiction_id_above(page.path) if page is not None else None
    if jurisdiction_id is None:  # national pages are the federal moderators' to look after
        jurisdiction_id = Jurisdiction.objects.filter(code="CA").values_list("pk", flat=True).first()
    with transaction.atomic():
        report = ProblemReport.objects.create(
            page_path=page_path,
            kind=kind,
            details=details,
            language="fr" if language == "fr" else "en",
            jurisdiction_id=jurisdiction_id,
        )
        transaction.on_commit(lambda: send_problem_report.enqueue(report.pk))
    logger.info("problem reported", extra={"problem_report": report.pk, "page_path": page_path, "kind": kind})
    return report
