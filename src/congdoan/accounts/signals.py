"""Every sign-in (the login pages, the back office, tests' force_login) notes its time and
whether the second factor is required and enrolled."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from congdoan.accounts.security import remember_sign_in


@receiver(user_logged_in, dispatch_uid="congdoan.accounts.remember_sign_in")
def _remember_sign_in(sender, request, user, **kwargs) -> None:
    if request is not None and hasattr(request, "session"):
        remember_sign_in(request, user)
