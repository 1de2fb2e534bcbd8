"""A campaign's papers issued signed: the decision at the moment it is made, each certificate
when first printed (in the name of the decision's signer), both stored unchanged with their hash.
An issuer with no signing certificate issues them unsigned, rendered on demand and marked so."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.awards.models import Award, AwardDecision
from congdoan.awards.papers import certificate_placed, decision_document
from congdoan.core.documents import as_placed_pdf
from congdoan.signing.models import PaperKind, SignedPaper
from congdoan.signing.selectors import open_certificate, paper
from congdoan.signing.services import paper_issue


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
