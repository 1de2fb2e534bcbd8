"""The inbox page: what waits on the signed-in user."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congdoan.notifications.registry import waiting


@login_required
def inbox(request):
    return render(request, "notifications/inbox.html", {"entries": waiting(request.user)})
