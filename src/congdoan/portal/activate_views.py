"""The public activation page: /me/activate/<token>/ (the invitation's link)."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from congdoan.core.form_service import put_refusal
from congdoan.portal.activation import WrongAnswer, account_activate
from congdoan.portal.forms import ActivationForm
from congdoan.portal.invitations import invitation_by_token, is_open


def throttle_name(invitation) -> str:
    """The name django-axes counts an invitation's wrong answers under."""
    return f"activation:{invitation.pk}"


@sensitive_post_parameters("code", "citizen_id", "birth_date", "password1", "password2")
@csrf_protect
@never_cache
def activate(request, token: str):
    invitation = invitation_by_token(token)
    if invitation is None:
        raise Http404
    if not is_open(invitation, timezone.localdate()):
        return render(request, "portal/activate.html", {"closed": True}, status=410)
    credentials = {"username": throttle_name(invitation)}
    if not AxesProxyHandler.is_allowed(request, credentials):
        return get_lockout_response(request, None, credentials)
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = account_activate(
                invitation=invitation,
                code=data["code"],
                citizen_id=data["citizen_id"],
                birth_date=data["birth_date"],
                password=data["password1"],
            )
        except WrongAnswer as error:
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            put_refusal(form, error, by_field=str)
        except ValidationError as error:
            put_refusal(form, error, by_field=str)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Đã kích hoạt tài khoản. Lần sau, đăng nhập bằng mã đoàn viên %(code)s hoặc số "
                  "CCCD và mật khẩu vừa đặt.") % {"code": invitation.person.code},
            )  # fmt: skip
            return redirect("portal:me")
    return render(request, "portal/activate.html", {"form": form, "closed": False})
