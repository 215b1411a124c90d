"""Sub-page routes that read in the page's language. A RoutablePageMixin page lists in
`french_segments` the English path segments of its readers' routes (views people see in the
address bar and share) and their French form; on a French page those routes are reversed in
French, French paths resolve, and an English path is redirected to the French one. Form actions
(POST) keep one path: nobody reads them and a redirect would lose the form."""

from django.http import HttpResponsePermanentRedirect
from wagtail.url_routing import RouteResult


def _convert(path, mapping):
    return "/".join(mapping.get(segment, segment) for segment in path.split("/"))


class TranslatedRoutesMixin:
    french_segments: dict = {}

    @property
    def _routes_in_french(self):
        return bool(self.french_segments) and self.locale.language_code == "fr"

    def reverse_subpage(self, name, args=None, kwargs=None):
        path = super().reverse_subpage(name, args=args, kwargs=kwargs)
        return _convert(path, self.french_segments) if self._routes_in_french else path

    def resolve_subpage(self, path):
        if self._routes_in_french:
            path = _convert(path, {french: english for english, french in self.french_segments.items()})
        return super().resolve_subpage(path)

    def route(self, request, path_components):
        if self.live and self._routes_in_french and any(part in self.french_segments for part in path_components):
            target = self.url + "/".join(self.french_segments.get(part, part) for part in path_components) + "/"
            if request.META.get("QUERY_STRING"):
                target += "?" + request.META["QUERY_STRING"]

            def redirect(request, *args, **kwargs):
                return HttpResponsePermanentRedirect(target)

            return RouteResult(self, args=(redirect, [], {}))
        return super().route(request, path_components)

    def route_url(self, name, *args, **kwargs):
        """The page's URL for one of its routes, in the page's language."""
        return self.url + self.reverse_subpage(name, args=args, kwargs=kwargs)


def english_path_redirect(route, name):
    """A URL pattern for the English form of a translated path (`path(_("search/"), …)`): under
    /en/ the translated pattern, listed first, answers; under /fr/ this one sends the reader to
    the French path, with the same arguments and query string."""
    from django.urls import path, reverse

    def redirect(request, **kwargs):
        target = reverse(name, kwargs=kwargs)
        if request.META.get("QUERY_STRING"):
            target += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(target)

    return path(route, redirect)
