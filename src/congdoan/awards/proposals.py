"""Emulation proposals taken over: the units an emulation cluster put forward for a flag become
nominations of a unit campaign of the same year and organiser, without retyping."""

from __future__ import annotations

from datetime import date

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.awards.models import Campaign, Nomination, Recipient
from congdoan.awards.nominations import Dossier, nominate
from congdoan.awards.permissions import require_organiser

# The emulation module's award codes and the catalogue titles they ask for.
PROPOSAL_TITLES = {
    "federation_flag": "co-thi-dua-ldld",
    "confederation_flag": "co-thi-dua-tld",
}


def open_proposals(campaign: Campaign) -> list:
    """The clusters' proposals this campaign can take over and has not taken yet."""
    if not apps.is_installed("congdoan.emulation") or campaign.title.recipient != Recipient.UNIT:
        return []
    from congdoan.emulation.models import Proposal

    codes = [code for code, title in PROPOSAL_TITLES.items() if title == campaign.title.code]
    taken = Nomination.objects.filter(campaign=campaign).values("unit_id")
    return list(
        Proposal.objects.filter(
            award__in=codes, cluster__year=campaign.year, cluster__owner=campaign.organiser_id
        )
        .exclude(unit__in=taken)
        .select_related("cluster", "unit")
        .order_by("cluster__name", "rank")
    )


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
