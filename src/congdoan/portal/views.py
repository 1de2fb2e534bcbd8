"""The member's own pages under /me/."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from congdoan.portal.access import own_person


@login_required
def me(request):
    person = own_person(request)
    return render(request, "portal/me.html", {"person": person})
