"""The inbox page: what waits on the signed-in user and their notices; the e-mail choice."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.notices.counts import forget_count
from congdoan.notices.selectors import email_choice, notices_of
from congdoan.notices.services import email_choose, notices_mark_read
from congdoan.notifications.forms import EmailChoiceForm
from congdoan.notifications.registry import waiting


@login_required
def inbox(request):
    forget_count(request.user.pk)  # the header counts afresh once the user has looked
    notices = notices_of(request.user)
    return render(
        request,
        "notifications/inbox.html",
        {
            "entries": waiting(request.user),
            "notices": notices,
            "unread": sum(1 for n in notices if n.read_at is None),
        },
    )


@login_required
@require_POST
def mark_read(request):
    notices_mark_read(actor=request.user)
    return redirect("notifications:inbox")


@login_required
def email_settings(request):
    form = EmailChoiceForm(request.POST or None, initial={"email": email_choice(request.user)})
    if request.method == "POST" and form.is_valid():
        email_choose(actor=request.user, choice=form.cleaned_data["email"])
        messages.success(request, _("Đã lưu cách nhận thư."))
        return redirect("notifications:inbox")
    return render(request, "notifications/settings.html", {"form": form})
