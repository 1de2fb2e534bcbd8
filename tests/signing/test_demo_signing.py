"""`congdoan demo` issues its decisions signed: a demo certificate authority trusted as a root,
a certificate and a named signer for each issuing unit, every decision from 1/QĐ-LĐLĐ on
signed, intact, chaining to the root, in the signer's name."""

from congdoan.awards.models import AwardDecision
from congdoan.signing import pades
from congdoan.signing.models import PaperKind, SignedPaper, Signer, TrustRoot
from congdoan.signing.selectors import open_certificate, trust_root_ders


def check_every_decision_is_issued_signed():
    assert TrustRoot.objects.get().name == "CA thử nghiệm congdoan (dữ liệu mẫu)"
    decisions = list(AwardDecision.objects.select_related("decision", "issuer"))
    assert decisions and "1/QĐ-LĐLĐ" in {d.decision.number for d in decisions}
    roots = trust_root_ders()
    for made in decisions:
        paper = SignedPaper.objects.get(kind=PaperKind.DECISION, reference=str(made.pk))
        signer = Signer.objects.get(unit=made.issuer)
        assert paper.signed and paper.certificate == open_certificate(made.issuer)
        assert paper.signer_name == signer.name == made.decision.signer
        finding = pades.check_bytes(bytes(paper.data), roots)
        assert (finding.status, finding.trusted) == (pades.Status.INTACT, True), made


def check_the_closed_councils_minutes_are_signed():
    from congdoan.awards.models import Campaign

    closed = list(Campaign.objects.filter(council_closed_on__isnull=False))
    assert closed
    roots = trust_root_ders()
    for campaign in closed:
        paper = SignedPaper.objects.get(kind=PaperKind.MINUTES, reference=str(campaign.pk))
        assert (
            paper.signed and paper.signer_name == Signer.objects.get(unit=campaign.organiser).name
        )
        finding = pades.check_bytes(bytes(paper.data), roots)
        assert (finding.status, finding.trusted) == (pades.Status.INTACT, True), campaign


def check_all():
    """Run by tests/test_demo.py on its one build of the demo."""
    check_every_decision_is_issued_signed()
    check_the_closed_councils_minutes_are_signed()
