"""A campaign's papers issued signed: the council's minutes when the round closes (or when a signer
of the organiser signs them afterwards), the decision at the moment it is made, each certificate
when first printed (in the name of the decision's signer), all stored unchanged with their hash.
An issuer with no signing certificate issues them unsigned, rendered on demand and marked so."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.awards.models import Award, AwardDecision, Campaign
from congdoan.awards.papers import certificate_placed, decision_document, minutes_document
from congdoan.awards.permissions import may_organise
from congdoan.awards.selectors import ranked
from congdoan.core.documents import as_placed_pdf
from congdoan.signing.models import PaperKind, SignedPaper
from congdoan.signing.selectors import open_certificate, paper, signer_for
from congdoan.signing.services import paper_issue


def minutes_paper(campaign: Campaign) -> SignedPaper | None:
    return paper(PaperKind.MINUTES, campaign.pk)


def minutes_to_sign(campaign: Campaign) -> bool:
    """The round is closed, the organiser signs its papers and the minutes are not signed yet:
    until they are, their PDF is a draft."""
    return (
        campaign.council_closed_on is not None
        and open_certificate(campaign.organiser) is not None
        and minutes_paper(campaign) is None
    )


def may_sign_minutes(actor, campaign: Campaign) -> bool:
    """A named signer of the organiser, in the organiser's office, signs the minutes once."""
    return (
        minutes_to_sign(campaign)
        and may_organise(actor, campaign)
        and signer_for(campaign.organiser, actor) is not None
    )


def _issue_minutes(actor, campaign: Campaign) -> SignedPaper:
    return paper_issue(
        actor=actor,
        kind=PaperKind.MINUTES,
        reference=str(campaign.pk),
        unit=campaign.organiser,
        render=lambda mark: as_placed_pdf(minutes_document(campaign, ranked(campaign)), mark),
        reason=_("Biên bản họp Hội đồng thi đua – khen thưởng xét %(name)s")
        % {"name": campaign.name},
    )


def issue_minutes_at_close(*, actor, campaign: Campaign) -> SignedPaper | None:
    """The minutes signed as the round closes, when whoever closes it may sign them (a named
    signer of the organiser, its certificate in force); otherwise they wait for a signer."""
    certificate = open_certificate(campaign.organiser)
    if (
        certificate is None
        or certificate.not_after <= timezone.now()
        or not may_organise(actor, campaign)
        or signer_for(campaign.organiser, actor) is None
    ):
        return None
    return _issue_minutes(actor, campaign)


@transaction.atomic
def minutes_issue(*, actor, campaign: Campaign) -> SignedPaper:
    """Sign the council's minutes after the round closed (Ký biên bản họp hội đồng)."""
    if not may_organise(actor, campaign):
        raise PermissionDenied(_("Chỉ đơn vị tổ chức đợt khen thưởng được ký biên bản."))
    campaign = Campaign.objects.select_for_update().select_related("organiser").get(pk=campaign.pk)
    if campaign.council_closed_on is None:
        raise ValidationError(_("Hội đồng chưa kết thúc vòng xét: chưa có biên bản để ký."))
    if minutes_paper(campaign) is not None:
        raise ValidationError(_("Biên bản họp hội đồng đã được ký."))
    if open_certificate(campaign.organiser) is None:
        raise ValidationError(_("Đơn vị tổ chức chưa có chứng thư số: chưa ký số được biên bản."))
    return _issue_minutes(actor, campaign)


def issue_decision(*, actor, made: AwardDecision) -> SignedPaper | None:
    """Sign the decision now (inside the transaction that numbers it: a refusal undoes both)."""
    if open_certificate(made.issuer) is None:
        return None
    return paper_issue(
        actor=actor,
        kind=PaperKind.DECISION,
        reference=str(made.pk),
        unit=made.issuer,
        render=lambda mark: as_placed_pdf(decision_document(made), mark),
        reason=_("Ban hành Quyết định số %(number)s") % {"number": made.decision.number},
    )


def decision_paper(made: AwardDecision) -> SignedPaper | None:
    return paper(PaperKind.DECISION, made.pk)


def issue_certificate(*, actor, award: Award, verify_url: str) -> SignedPaper | None:
    """The award's certificate, signed once with the issuer's certificate in the name of whoever
    signed its decision; None when the decision went out unsigned."""
    issued = paper(PaperKind.CERTIFICATE, award.pk)
    if issued is not None:
        return issued
    signed_decision = decision_paper(award.decision)
    if signed_decision is None or not signed_decision.signed:
        return None
    return paper_issue(
        actor=actor,
        kind=PaperKind.CERTIFICATE,
        reference=str(award.pk),
        unit=award.decision.issuer,
        render=lambda mark: certificate_placed(award, verify_url, mark),
        reason=_("Cấp giấy chứng nhận theo Quyết định số %(number)s")
        % {"number": award.decision.decision.number},
        signer=signed_decision.signer,
    )
