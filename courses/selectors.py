def my_learning_section(request):
    """This app's part of "My learning": a dict with `template` and `context`, or None when it has nothing."""
    return None
