"""Search index writes for bulk saves (demo loads, imports, harvests): written synchronously when
the work is done, instead of one queued task per saved object (a demo load queued 434, and the
demo was not searchable until a worker had run them)."""

from contextlib import contextmanager

from django.db.models.signals import post_save


@contextmanager
def indexed_synchronously():
    """Within the block, saving an indexed object queues no index task; when the block finishes
    without an error, every object saved in it is written to the search index, in this process."""
    from modelsearch import index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = {}

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[(sender, instance.pk)] = None

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"index-later-{model._meta.label}")
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(sender=model, dispatch_uid=f"index-later-{model._meta.label}")
            post_save.connect(post_save_signal_handler, sender=model)
    by_model = {}
    for model, pk in saved:
        by_model.setdefault(model, []).append(pk)
    for model, pks in by_model.items():
        for instance in model.objects.filter(pk__in=pks):
            index.insert_or_update_object(instance)
