"""Reads of signing: a unit's certificate in force and signers, the units a user may give
certificates to, the papers issued, the trust roots, and an uploaded file's check."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from congdoan.org.models import Unit
from congdoan.signing.models import (
    PaperKind,
    PdfCheck,
    SignedPaper,
    Signer,
    SigningCertificate,
    TrustRoot,
)
from congdoan.signing.pades import is_pdf


def open_certificate(unit: Unit) -> SigningCertificate | None:
    """The unit's newest certificate not retired (it may have expired: the caller says so)."""
    return SigningCertificate.objects.filter(unit=unit, retired_at__isnull=True).first()


def signer_for(unit: Unit, user) -> Signer | None:
    if user is None or not getattr(user, "pk", None):
        return None
    return Signer.objects.filter(unit=unit, user=user).first()


def unit_signers(unit: Unit) -> QuerySet[Signer]:
    return Signer.objects.filter(unit=unit).select_related("user")


def unit_certificates(unit: Unit) -> QuerySet[SigningCertificate]:
    return SigningCertificate.objects.filter(unit=unit).defer("sealed")


class CertificateState:
    """Where a unit's certificate stands today (the administration page's status column)."""

    IN_USE = "in_use"
    EXPIRED = "expired"
    NOT_YET = "not_yet"
    RETIRED = "retired"


def certificate_state(certificate: SigningCertificate, now=None) -> str:
    now = now or timezone.now()
    if certificate.retired_at is not None:
        return CertificateState.RETIRED
    if certificate.not_after <= now:
        return CertificateState.EXPIRED
    if certificate.not_before > now:
        return CertificateState.NOT_YET
    return CertificateState.IN_USE


def certificate_rows(unit: Unit) -> list[tuple[SigningCertificate, str]]:
    """The unit's certificates, newest first, each with its state today."""
    now = timezone.now()
    return [(c, certificate_state(c, now)) for c in unit_certificates(unit)]


def kept_signer(scope, pk: int) -> Signer | None:
    """A signer post the scope reads (None outside it, exactly as one that does not exist)."""
    signer = Signer.objects.select_related("unit", "user").filter(pk=pk).first()
    if signer is None or not scope.can_read(signer.unit):
        return None
    return signer


def managed_units(scope) -> QuerySet[Unit]:
    """Units whose certificate and signers the user keeps: those they may grant roles on."""
    from congdoan.org.models import UnitVersion

    versions = UnitVersion.objects.open()
    if not scope.everything:
        if not scope.role_grant_paths:
            return Unit.objects.none()
        from django.db.models import Q

        match = Q()
        for path in scope.role_grant_paths:
            match |= Q(path__startswith=path)
        versions = versions.filter(match)
    return Unit.objects.filter(pk__in=versions.values("unit_id"))


def paper(kind: PaperKind | str, reference: str) -> SignedPaper | None:
    return SignedPaper.objects.filter(kind=kind, reference=str(reference)).first()


def trust_roots() -> QuerySet[TrustRoot]:
    return TrustRoot.objects.all()


def trust_root_ders() -> list[bytes]:
    now = timezone.now()
    return [
        bytes(der)
        for der in TrustRoot.objects.filter(not_after__gt=now).values_list("der", flat=True)
    ]


def checks_by_hash(hashes: list[str]) -> dict[str, PdfCheck]:
    return {c.sha256: c for c in PdfCheck.objects.filter(sha256__in=hashes)}


@dataclass(frozen=True)
class CheckedFile:
    """An uploaded file beside its signature check: `check` is None for a file not checked
    (not a PDF, or a PDF stored before checks began: `pdf` says which)."""

    file: object
    check: PdfCheck | None
    pdf: bool


def checked_files(files) -> list[CheckedFile]:
    """Files with `name`, `content_type` and `sha256` (a dossier's), each with its check."""
    files = list(files)
    found = checks_by_hash([f.sha256 for f in files if f.sha256])
    return [
        CheckedFile(f, found.get(f.sha256), f.sha256 in found or is_pdf(f.name, f.content_type))
        for f in files
    ]


def paper_finding(issued: SignedPaper | None):
    """A stored paper checked again as it is now (its bytes against today's trust roots)."""
    from congdoan.signing.pades import check_bytes

    if issued is None or not issued.signed:
        return None
    return check_bytes(bytes(issued.data), trust_root_ders())
