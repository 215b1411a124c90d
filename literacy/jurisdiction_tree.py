"""A page under a jurisdiction page belongs to that jurisdiction: one rule, kept true on every save
(drafts included: Wagtail validates a draft with `minimal_clean()`, which never calls `clean()`)
and on every move (a move saves a plain Page, so the specific model's own save never runs)."""


def jurisdiction_id_above(path, steplen=4):
    """The jurisdiction of the nearest jurisdiction page above (or at) `path`, or None."""
    from .models import JurisdictionPage

    ancestors = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    row = JurisdictionPage.objects.filter(path__in=ancestors).order_by("-depth").values("jurisdiction_id").first()
    return row["jurisdiction_id"] if row else None


class JurisdictionFromTreeMixin:
    """For page models with a `jurisdiction` foreign key that lives under a jurisdiction page."""

    def save(self, *args, **kwargs):
        if self.path:
            found = jurisdiction_id_above(self.path, self.steplen)
            if found is not None and found != self.jurisdiction_id:
                self.jurisdiction_id = found
                update_fields = kwargs.get("update_fields")
                if update_fields is not None:
                    kwargs["update_fields"] = list(update_fields) + ["jurisdiction"]
        return super().save(*args, **kwargs)


def keep_jurisdiction_after_move(sender, instance, **kwargs):
    """`post_page_move` receiver: re-derive the jurisdiction of the moved page and everything below it."""
    from wagtail.models import Page

    for page in Page.objects.descendant_of(instance, inclusive=True).specific().iterator():
        if isinstance(page, JurisdictionFromTreeMixin):
            found = jurisdiction_id_above(page.path, page.steplen)
            if found is not None and found != page.jurisdiction_id:
                type(page).objects.filter(pk=page.pk).update(jurisdiction_id=found)
