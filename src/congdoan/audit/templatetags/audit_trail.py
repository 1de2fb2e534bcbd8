"""Whether the menu shows the trail to the signed-in user."""

from django import template

from congdoan.accounts.scope import scope_for
from congdoan.audit.selectors import may_read_trail

register = template.Library()


@register.filter
def reads_trail(user) -> bool:
    return bool(user.is_authenticated) and may_read_trail(scope_for(user))
