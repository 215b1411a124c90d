"""Background tasks (django-tasks). They take plain values so they can be queued."""

from django_tasks import task


@task()
def check_resource_link(url, timeout=5.0):
    from .services import check_link

    check = check_link(url=url, timeout=timeout)
    return check.status_code


@task()
def harvest_configured_portals():
    """Harvest every portal named in OGL_HARVEST_SOURCES (resources.harvest.harvest_configured_portals)."""
    from .harvest import harvest_configured_portals as harvest

    return harvest()
