"""Reads the site shell shares: the working group's national view, across the product apps."""

from django.db.models import Count, Q


def national_aggregates():
    """One row per government, counts only (no person appears): session registrations and
    attendance in its sessions, course completions by its public servants, live resources,
    coverage gaps and planned resources."""
    from courses.models import Enrolment
    from literacy.models import Jurisdiction
    from resources.models import PlannedResource
    from resources.selectors import coverage_matrix
    from sessions.models import Registration

    Status = Registration.Status
    sessions = {
        row["session__jurisdiction"]: row
        for row in Registration.objects.exclude(status=Status.CANCELLED)
        .values("session__jurisdiction")
        .annotate(registrations=Count("pk"), attended=Count("pk", filter=Q(status=Status.ATTENDED)))
        .order_by()
    }
    completions = dict(
        Enrolment.objects.filter(completed_at__isnull=False)
        .values("user__jurisdiction")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("user__jurisdiction", "n")
    )
    planned = dict(
        PlannedResource.objects.values("jurisdiction")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("jurisdiction", "n")
    )
    coverage = {
        row["jurisdiction"].pk: row for row in coverage_matrix(jurisdictions=Jurisdiction.objects.all())["rows"]
    }
    rows = []
    for jurisdiction in Jurisdiction.objects.order_by("sort_order"):
        matrix = coverage[jurisdiction.pk]
        rows.append(
            {
                "jurisdiction": jurisdiction,
                "registrations": sessions.get(jurisdiction.pk, {}).get("registrations", 0),
                "attended": sessions.get(jurisdiction.pk, {}).get("attended", 0),
                "completions": completions.get(jurisdiction.pk, 0),
                "topics_covered": sum(1 for cell in matrix["cells"] if not cell["gap"]),
                "gaps": matrix["gaps"],
                "planned": planned.get(jurisdiction.pk, 0),
            }
        )
    return rows
