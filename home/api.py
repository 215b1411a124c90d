"""The public read API: live pages only. Documents and images are not listed: the endpoints of
Wagtail's API would list every upload of every collection, published or not, to anyone; the
files that live pages use are linked from those pages."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
