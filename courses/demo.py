"""Demo content for this app, loaded by `manage.py load_demo` after the site tree exists."""


def load_demo(*, tree, stdout=None):
    """Create this app's demo content, idempotently. `tree` is what `home.site_tree.build_site_tree` returns."""
