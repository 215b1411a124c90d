def my_learning_section(request):
    return None
