"""Language-neutral addresses of the open data: the vocabularies' IRIs and the CKAN-compatible
Action API. (The inventory's pages and exports are routes of ResourceIndexPage; admin views are
registered from wagtail_hooks.py.)"""

from django.urls import path

from . import ckan_api, views

urlpatterns = [
    path("vocabularies/<slug:scheme>/", views.vocabulary_document, name="vocabulary_scheme"),
    path("vocabularies/<slug:scheme>/<str:code>", views.vocabulary_document, name="vocabulary_concept"),
    # CKAN answers on both; ckanapi calls the second.
    path("api/3/action/<str:name>", ckan_api.action, name="ckan_action"),
    path("api/action/<str:name>", ckan_api.action),
]
