"""The member's own card at /me/card/: the card with its QR, kept for offline use by a service
worker (served from /me/card/sw.js so that its scope is the card page) and a web app manifest."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from congdoan.cards.printing import qr_data_uri, verify_url
from congdoan.cards.verification import verify_card
from congdoan.members.models import CARD_ENDED
from congdoan.org.selectors import display_version
from congdoan.portal.access import own_person

WORKER = Path(settings.BASE_DIR) / "static" / "congdoan" / "card-sw.js"


def _current_card(person):
    """The member's newest printed card that is not revoked or replaced."""
    printed = person.cards.exclude(token="").exclude(status__in=CARD_ENDED)
    return printed.order_by("-printed_on", "-pk").first()


@login_required
def my_card(request):
    person = own_person(request)
    card = _current_card(person)
    context = {"person": person, "card": card}
    if card is not None:
        today = timezone.localdate()
        url = verify_url(card.token, request.build_absolute_uri("/"))
        membership = person.memberships.filter(ended_on__isnull=True).first()
        context.update(
            verdict=verify_card(card.token, today),
            qr=qr_data_uri(url),
            verify_url=url,
            union=display_version(membership.unit, today).name if membership else "",
        )
    return render(request, "cards/me_card.html", context)


@login_required
def service_worker(request):
    """The worker script, from this path so that it may keep /me/card/ (its scope)."""
    own_person(request)
    response = HttpResponse(WORKER.read_text(encoding="utf-8"), content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/me/card/"
    return response
