"""Reactions to publishing, connected to Wagtail's `page_published` signal, which every publish
path sends (editor, workflow approval, scheduled publishing, translation sync, code)."""

from .translation import sync_facts


def keep_translations_in_step(sender, instance, **kwargs):
    sync_facts(page=instance)
