from django import template

register = template.Library()


@register.simple_tag
def route_url(page, name, *args):
    """`{% route_url page "coverage" %}`: a routable page's sub-view URL, in the page's language."""
    return page.route_url(name, *args)
