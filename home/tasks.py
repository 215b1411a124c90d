"""Background tasks of the site shell."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django_tasks import task


@task()
def send_problem_report(report_id):
    """Email a problem report to the moderators of its jurisdiction."""
    from literacy.links import absolute_url
    from literacy.models import Jurisdiction

    from .models import ProblemReport

    report = ProblemReport.objects.select_related("jurisdiction").filter(pk=report_id).first()
    if report is None:
        return 0
    jurisdiction = report.jurisdiction or Jurisdiction.objects.filter(code="CA").first()  # a deleted one
    group = jurisdiction.moderators_group if jurisdiction else None
    recipients = (
        sorted(
            set(
                get_user_model()
                .objects.filter(groups=group, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
        )
        if group
        else []
    )
    if not recipients:
        return 0
    body = (
        f"{report.get_kind_display()}\n\n"
        f"Page: {absolute_url(report.page_path)}\n"
        f"Language: {report.language}\n\n"
        f"{report.details or '(no details)'}\n\n"
        f"Reports: {absolute_url('/admin/snippets/home/problemreport/')}\n"
    )
    for recipient in recipients:  # one message each: moderators do not see each other's addresses
        send_mail(f"[OGL] Problem reported: {report.page_path}", body, settings.DEFAULT_FROM_EMAIL, [recipient])
    return len(recipients)
