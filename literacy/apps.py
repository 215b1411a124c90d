from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiteracyConfig(AppConfig):
    name = "literacy"
    label = "literacy"
    verbose_name = _("Literacy vocabulary")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published, post_page_move

        from .jurisdiction_tree import keep_jurisdiction_after_move
        from .receivers import keep_translations_in_step

        page_published.connect(keep_translations_in_step, dispatch_uid="literacy-sync-facts")
        post_page_move.connect(keep_jurisdiction_after_move, dispatch_uid="literacy-jurisdiction-after-move")
