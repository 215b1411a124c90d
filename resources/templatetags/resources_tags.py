import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

from ..selectors import jurisdiction_resources

register = template.Library()


@register.simple_tag
def json_ld(data):
    """A <script type="application/ld+json"> block, escaped like Django's json_script so no value
    can close the script element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.inclusion_tag("resources/includes/jurisdiction_resources.html", takes_context=True)
def jurisdiction_resource_list(context, jurisdiction_page, limit=None):
    """For the jurisdiction page template: `{% load resources_tags %}{% jurisdiction_resource_list page %}`."""
    return {"resources": jurisdiction_resource_list_items(jurisdiction_page, limit), "request": context.get("request")}


def jurisdiction_resource_list_items(jurisdiction_page, limit=None):
    return jurisdiction_resources(jurisdiction_page=jurisdiction_page, limit=limit)
