"""The public verification page a card's QR opens, and a union's card printing page: the cards
approved and waiting to be printed, the printed ones as a PDF, and handing them over."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from congdoan.cards.printing import cards_pdf
from congdoan.cards.verification import FORGED, verify_card
from congdoan.core.form_service import REFUSALS
from congdoan.core.http import file_response
from congdoan.members import cards as workflow
from congdoan.members.models import CardStatus
from congdoan.org.access import members_keeper_unit
from congdoan.org.selectors import display_version


def verify(request, token: str):
    """Public, no sign-in: what the card stands for now, with name, union and number only."""
    verdict = verify_card(token, timezone.localdate())
    status = 404 if verdict.state == FORGED else 200
    return render(request, "cards/verify.html", {"verdict": verdict}, status=status)


def _union_cards(unit):
    return workflow.union_cards(unit).select_related("person")


@login_required
def union_cards(request, pk: int):
    unit = members_keeper_unit(request, pk)
    cards = list(_union_cards(unit).filter(status__in=[CardStatus.APPROVED, CardStatus.PRINTED]))
    return render(
        request,
        "cards/union.html",
        {
            "unit": unit,
            "version": display_version(unit, timezone.localdate()),
            "approved": [c for c in cards if c.status == CardStatus.APPROVED],
            "printed": [c for c in cards if c.status == CardStatus.PRINTED],
        },
    )


def _step(request, pk: int, act, done: str):
    unit = members_keeper_unit(request, pk)
    try:
        changed = act(actor=request.user, unit=unit, on=timezone.localdate())
        messages.success(request, done % {"n": len(changed)})
    except REFUSALS as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    return redirect("cards:union", pk=unit.pk)


@login_required
@require_POST
def print_approved(request, pk: int):
    return _step(request, pk, workflow.cards_print, _("Đã in %(n)s thẻ."))


@login_required
@require_POST
def hand_over(request, pk: int):
    return _step(request, pk, workflow.cards_issue, _("Đã ghi nhận trao %(n)s thẻ."))


@login_required
def printed_pdf(request, pk: int):
    """The printed cards not yet handed over, on A4 sheets with cut marks."""
    unit = members_keeper_unit(request, pk)
    today = timezone.localdate()
    cards = list(_union_cards(unit).filter(status=CardStatus.PRINTED).order_by("person__sort_key"))
    federation = workflow.federation_of(unit, today)
    body = cards_pdf(
        cards,
        unit_id=unit.pk,
        federation=display_version(federation, today).name,
        base=request.build_absolute_uri("/"),
        today=today,
    )
    return file_response(body, "application/pdf", f"the-doan-vien-{unit.code}.pdf")
