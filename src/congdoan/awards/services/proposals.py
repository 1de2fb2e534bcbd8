"""Nominating in bulk from the emulation rounds' proposals. One transaction, audited."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.awards.models import Campaign, Nomination
from congdoan.awards.permissions import require_organiser
from congdoan.awards.selectors import open_proposals
from congdoan.awards.services.nominations import Dossier, nominate


@transaction.atomic
def nominate_from_proposals(*, actor, campaign: Campaign, on: date) -> list[Nomination]:
    """Each proposed unit is nominated (by itself, within the campaign's allocations); any refusal
    names the unit and takes nothing over."""
    require_organiser(actor, campaign)
    proposals = open_proposals(campaign)
    if not proposals:
        raise ValidationError(_("Không có đề nghị nào của cụm, khối thi đua để nhận."))
    made = []
    for proposal in proposals:
        text = _("%(cluster)s suy tôn, xếp thứ %(rank)s.") % {
            "cluster": proposal.cluster.name,
            "rank": proposal.rank,
        }
        try:
            made.append(
                nominate(
                    actor=actor,
                    campaign=campaign,
                    from_unit=proposal.unit,
                    unit=proposal.unit,
                    dossier=Dossier(text),
                    on=on,
                )
            )
        except ValidationError as error:
            raise ValidationError(f"{proposal.unit.code}: {' '.join(error.messages)}") from None
    return made
