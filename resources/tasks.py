"""Background tasks (django-tasks). They take plain values so they can be queued."""

import logging

from django.conf import settings
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def check_resource_link(url, timeout=5.0):
    from .services import check_link

    check = check_link(url=url, timeout=timeout)
    return check.status_code


@task()
def harvest_configured_portals():
    """Harvest every portal named in OGL_HARVEST_SOURCES; one failing portal does not stop the others.
    Safe to run twice: a harvest is idempotent by the source's identifiers."""
    from .harvest import HarvestError, harvest_ckan

    results = {}
    for source in getattr(settings, "OGL_HARVEST_SOURCES", []):
        key = f"{source['jurisdiction']} {source['url']}"
        try:
            report = harvest_ckan(
                url=source["url"],
                jurisdiction_code=source["jurisdiction"],
                fq=source.get("fq", ""),
                default_topic=source.get("topic"),
            )
        except HarvestError as exc:
            logger.warning("harvest failed", extra={"harvest_source": source["url"], "harvest_error": str(exc)})
            results[key] = {"error": str(exc)}
            continue
        results[key] = {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": len(report.rejected),
        }
    return results
