"""Admin menu items shown only to the people the view behind them lets in."""

from wagtail.admin.menu import MenuItem

from .roles import holds


class RoleMenuItem(MenuItem):
    """Shown to those who hold `role` (a `literacy.roles.Role`) in some government, or any role
    when `role` is None: the same test as `literacy.roles.role_required` on the view behind it."""

    def __init__(self, *args, role=None, **kwargs):
        self.role = role
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return holds(request.user, self.role)
