from django.urls import path  # noqa: F401

app_name = "resources"

# The public pages are routes of ResourceIndexPage (RoutablePageMixin); admin views are
# registered from wagtail_hooks.py.
urlpatterns: list = []
