from django.db.models import Q

from .completion import is_completed
from .models import Jurisdiction
from .roles import GROUP_FIELDS, Role


def jurisdictions_for_role(*, user, role):
    """Jurisdictions in which `user` holds `role` (a `Role`); a superuser holds every role everywhere."""
    if user is None or not user.is_authenticated:
        return Jurisdiction.objects.none()
    if user.is_superuser:
        return Jurisdiction.objects.all()
    return Jurisdiction.objects.filter(**{f"{GROUP_FIELDS[Role(role)]}__user": user}).distinct()


def jurisdictions_for_staff(*, user):
    """Jurisdictions in which `user` holds any role."""
    if user is None or not user.is_authenticated:
        return Jurisdiction.objects.none()
    if user.is_superuser:
        return Jurisdiction.objects.all()
    holds_any = Q()
    for field in GROUP_FIELDS.values():
        holds_any |= Q(**{f"{field}__user": user})
    return Jurisdiction.objects.filter(holds_any).distinct()


def can_manage_certificate(*, user, certificate):
    """The learner, a superuser, or a moderator of the certificate's jurisdiction."""
    if not user.is_authenticated:
        return False
    if user.pk == certificate.user_id or user.is_superuser:
        return True
    return (
        bool(certificate.jurisdiction_id)
        and jurisdictions_for_role(user=user, role=Role.MODERATORS).filter(pk=certificate.jurisdiction_id).exists()
    )


def certificates_for_moderator(*, user):
    """Certificates a moderator may see and revoke: those of their jurisdictions (all for a superuser)."""
    from .models.certificates import Certificate

    certificates = Certificate.objects.select_related("jurisdiction", "user__jurisdiction").order_by("-issued_at")
    if user.is_superuser:
        return certificates
    return certificates.filter(jurisdiction__in=jurisdictions_for_role(user=user, role=Role.MODERATORS))


def plan_progress(*, plan, user):
    """Each step with its completion for `user`, and the counts for a progress bar. A step with a
    linked page asks that page (the completion protocol); a step without one is a practice
    activity, done when the learner has submitted a reflection on it."""
    from .models.plans import PlanEnrolment, PlanStepCompletion

    steps = list(plan.steps.select_related("linked_page").order_by("sort_order"))
    authenticated = user is not None and user.is_authenticated
    reflections = {}
    if authenticated:
        reflections = dict(
            PlanStepCompletion.objects.filter(
                user=user, step__translation_key__in=[step.translation_key for step in steps]
            ).values_list("step__translation_key", "reflection")
        )
    from .translation import in_reader_language

    # A synchronised translation links the English page; readers follow the page in the plan's language.
    linked = in_reader_language([step.linked_page for step in steps], locale=plan.locale)
    rows = []
    for step in steps:
        if step.linked_page_id:
            done = bool(authenticated and is_completed(step.linked_page, user))
        else:
            done = step.translation_key in reflections
        rows.append(
            {
                "step": step,
                "page": linked.get(step.linked_page_id),
                "done": done,
                "self_checked": not step.linked_page_id,
                "reflection": reflections.get(step.translation_key, ""),
            }
        )
    done = sum(1 for row in rows if row["done"])
    total = len(rows)
    enrolment = (
        PlanEnrolment.objects.filter(user=user, plan__translation_key=plan.translation_key).first()
        if authenticated
        else None
    )
    return {
        "steps": rows,
        "done": done,
        "total": total,
        "percent": round(100 * done / total) if total else 0,
        "enrolment": enrolment,
        "is_complete": total > 0 and done == total,
    }


def my_learning_section(request):
    """Learning plans the user has started, with progress, and their certificates."""
    from .models.certificates import Certificate
    from .models.plans import PlanEnrolment
    from .translation import in_reader_language

    user = request.user
    enrolments = list(PlanEnrolment.objects.filter(user=user).select_related("plan").order_by("-started_at"))
    shown = in_reader_language([enrolment.plan for enrolment in enrolments])
    plans = [
        {"plan": shown[enrolment.plan_id], "progress": plan_progress(plan=shown[enrolment.plan_id], user=user)}
        for enrolment in enrolments
    ]
    certificates = list(Certificate.objects.filter(user=user).exclude(kind="course"))
    if not plans and not certificates:
        return None
    return {"template": "literacy/my_learning_section.html", "context": {"plans": plans, "certificates": certificates}}


def untranslated_pages(*, user):
    """For each jurisdiction where `user` holds a role: its live pages (in either language tree)
    that have no live page in the other language yet. Two queries for any number of pages."""
    from wagtail.models import Page

    from .models import JurisdictionPage

    roots = list(
        JurisdictionPage.objects.filter(jurisdiction__in=jurisdictions_for_staff(user=user)).select_related(
            "jurisdiction", "locale"
        )
    )
    within = Q(pk__in=[])
    for root in roots:
        within |= Q(path__startswith=root.path, depth__gt=root.depth)
    pages = list(Page.objects.live().filter(within).select_related("locale", "content_type").order_by("path"))
    live_languages = {}
    for key, language in (
        Page.objects.live()
        .filter(translation_key__in={p.translation_key for p in pages})
        .values_list("translation_key", "locale__language_code")
    ):
        live_languages.setdefault(key, set()).add(language)
    report = {}
    for root in sorted(roots, key=lambda r: (r.jurisdiction.sort_order, r.jurisdiction.code)):
        report.setdefault(root.jurisdiction, [])
    for page in pages:
        missing = {"en", "fr"} - live_languages.get(page.translation_key, set())
        if missing:
            root = next(r for r in roots if page.path.startswith(r.path))
            report[root.jurisdiction].append({"page": page, "missing": sorted(missing)})
    return report
