"""Isolation of every record that belongs to a jurisdiction and is not a page, in one place.

A Wagtail viewset of such a model mixes in `JurisdictionScopedViewSetMixin`: every view it builds
(listing, add, edit, delete, copy, history, usage, inspect, revisions, and the chooser) sees only
the rows of the jurisdictions where the person holds a role; another government's row answers
404 whatever the view, and a form offers (and accepts) only the person's own jurisdictions, so a
row can never be moved into or out of a jurisdiction the person does not work in. Pages are
isolated by Wagtail's page permissions and workflows instead (see provisioning)."""

from django import forms
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from .selectors import jurisdictions_for_staff


def scope_to_jurisdictions(queryset, *, user, field="jurisdiction"):
    """The rows of `queryset` that belong to a jurisdiction where `user` holds a role."""
    return queryset.filter(**{f"{field}__in": jurisdictions_for_staff(user=user)})


class _ScopedViewMixin:
    jurisdiction_field = "jurisdiction"

    def get_base_queryset(self, *args, **kwargs):
        queryset = super().get_base_queryset(*args, **kwargs)
        return scope_to_jurisdictions(queryset, user=self.request.user, field=self.jurisdiction_field)

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj is None:  # a create view has no object yet
            return obj
        allowed = scope_to_jurisdictions(
            type(obj)._default_manager.filter(pk=obj.pk), user=self.request.user, field=self.jurisdiction_field
        )
        if not allowed.exists():
            raise Http404
        return obj


def scoped_form_class(form_class, *, field="jurisdiction"):
    """The viewset's form with the jurisdiction field limited to the person's jurisdictions."""

    class ScopedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            user = kwargs.get("for_user") or getattr(self, "for_user", None)
            if field in self.fields:
                self.fields[field].widget = forms.Select(choices=self.fields[field].widget.choices)
                self.fields[field].queryset = jurisdictions_for_staff(user=user).order_by("sort_order")

    ScopedForm.__name__ = form_class.__name__
    return ScopedForm


class _ScopedChooserViewMixin:
    jurisdiction_field = "jurisdiction"

    def _scoped(self, queryset):
        return scope_to_jurisdictions(queryset, user=self.request.user, field=self.jurisdiction_field)

    def get_object_list(self, *args, **kwargs):
        return self._scoped(super().get_object_list(*args, **kwargs))

    def get_object(self, pk):
        obj = super().get_object(pk)
        if not self._scoped(type(obj)._default_manager.filter(pk=obj.pk)).exists():
            raise ObjectDoesNotExist
        return obj

    def get_objects(self, pks):
        return self._scoped(super().get_objects(pks))


class ScopedSnippetChooserViewSet(SnippetChooserViewSet):
    jurisdiction_field = "jurisdiction"

    def construct_view(self, view_class, **kwargs):
        scoped = type(
            view_class.__name__, (_ScopedChooserViewMixin, view_class), {"jurisdiction_field": self.jurisdiction_field}
        )
        return super().construct_view(scoped, **kwargs)


class JurisdictionScopedViewSetMixin:
    jurisdiction_field = "jurisdiction"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if queryset is None:
            queryset = self.model._default_manager.all()
        return scope_to_jurisdictions(queryset, user=request.user, field=self.jurisdiction_field)

    def construct_view(self, view_class, **kwargs):
        scoped = type(
            view_class.__name__, (_ScopedViewMixin, view_class), {"jurisdiction_field": self.jurisdiction_field}
        )
        return super().construct_view(scoped, **kwargs)

    def get_form_class(self, for_update=False):
        return scoped_form_class(super().get_form_class(for_update=for_update), field=self.jurisdiction_field)

    chooser_viewset_class = ScopedSnippetChooserViewSet


def collection_scoped_admin_api(viewset_class, model):
    """Wagtail's admin API endpoint for documents or images, limited to the collections in which
    the person may choose or change items (the editor's own jurisdiction's collection)."""
    from wagtail.permission_policies.collections import CollectionPermissionPolicy

    policy = CollectionPermissionPolicy(model)

    class Scoped(viewset_class):
        def get_queryset(self):
            allowed = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "change"])
            return super().get_queryset().filter(pk__in=allowed.values("pk"))

    Scoped.__name__ = viewset_class.__name__
    return Scoped


def scoped_localize_snippets_api():
    """wagtail-localize's snippet API (ids and titles of any snippet model, to any admin user),
    limited to translatable models and, for a jurisdiction's records, to the person's own."""
    from wagtail.models import TranslatableMixin
    from wagtail_localize.views.snippets_api import SnippetViewSet

    class ScopedSnippetsAPI(SnippetViewSet):
        def get_queryset(self):
            model = self.get_model()
            if not issubclass(model, TranslatableMixin):
                return model._default_manager.none()
            queryset = super().get_queryset()
            if any(field.name == "jurisdiction" for field in model._meta.fields):
                queryset = scope_to_jurisdictions(queryset, user=self.request.user)
            return queryset

    return ScopedSnippetsAPI
