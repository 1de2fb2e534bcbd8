"""The covenant issued as a signed paper once every member unit has signed it: signed (PAdES)
with the lead unit's certificate by one of the lead's named signers, through the same path as a
decision (signing.services.paper_issue), and stored unchanged; its PDF is then that file."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from congdoan.core.documents import as_placed_pdf
from congdoan.emulation.covenant_doc import covenant_document
from congdoan.emulation.models import Covenant
from congdoan.emulation.selectors import member_units
from congdoan.signing.models import PaperKind, SignedPaper
from congdoan.signing.selectors import open_certificate, paper, signer_for
from congdoan.signing.services import paper_issue


def covenant_paper(covenant: Covenant) -> SignedPaper | None:
    return paper(PaperKind.COVENANT, covenant.pk)


def units_not_signed(covenant: Covenant) -> list:
    signed = set(covenant.signings.values_list("unit_id", flat=True))
    return [u for u in member_units(covenant.cluster, covenant.signed_on) if u.pk not in signed]


def may_issue(actor, covenant: Covenant, *, issued: SignedPaper | None = None) -> bool:
    """The lead's named signers issue the covenant, once everyone has signed and not before
    (`issued`: the covenant's paper when the caller has read it)."""
    lead_id = covenant.cluster.lead_id
    return (
        lead_id is not None
        and issued is None
        and signer_for(covenant.cluster.lead, actor) is not None
        and covenant_paper(covenant) is None
        and not units_not_signed(covenant)
    )


@transaction.atomic
def covenant_issue(*, actor, covenant: Covenant, number: str, dated: date) -> SignedPaper:
    """Issue the covenant with the number and date given, signed with the lead's certificate."""
    lead = covenant.cluster.lead
    if lead is None or signer_for(lead, actor) is None:
        raise PermissionDenied(
            _("Chỉ người được giao ký của đơn vị cụm trưởng ban hành bản giao ước có ký số.")
        )
    if covenant_paper(covenant) is not None:
        raise ValidationError(_("Bản giao ước đã được ban hành."))
    missing = units_not_signed(covenant)
    if missing:
        raise ValidationError(
            _("Còn %(n)s đơn vị chưa ký giao ước: chưa ban hành được.") % {"n": len(missing)}
        )
    if open_certificate(lead) is None:
        raise ValidationError(
            _("Đơn vị cụm trưởng chưa có chứng thư số: chưa ban hành được bản có ký số.")
        )
    return paper_issue(
        actor=actor,
        kind=PaperKind.COVENANT,
        reference=str(covenant.pk),
        unit=lead,
        render=lambda mark: as_placed_pdf(
            covenant_document(covenant, number=number, dated=dated), mark
        ),
        reason=_("Ban hành bản giao ước thi đua %(cluster)s") % {"cluster": covenant.cluster.name},
    )
