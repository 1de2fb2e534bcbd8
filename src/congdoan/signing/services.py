"""Signing writes: an administrator gives a unit its certificate (PKCS#12) and names who signs;
a paper is signed as it is issued and stored unchanged with its hash; an uploaded PDF is checked.
One transaction each, audited; nothing is issued unsigned silently."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record, snapshot
from congdoan.core.documents import Placement, SignatureMark
from congdoan.core.text import normalize_text
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version
from congdoan.signing import pades, vault
from congdoan.signing.models import PdfCheck, SignedPaper, Signer, SigningCertificate, TrustRoot
from congdoan.signing.rechecks import recheck_pdfs
from congdoan.signing.selectors import open_certificate, signer_for, trust_root_ders

MAX_PKCS12 = 100_000
Render = Callable[[SignatureMark | None], tuple[bytes, Placement | None]]


def require_certificate_keeper(actor, unit: Unit) -> None:
    """A unit's certificate and signers are kept by whoever may grant roles on the unit."""
    if not scope_for(actor).can_grant_roles(unit):
        raise PermissionDenied(
            _("Bạn không có quyền quản lý chữ ký số của đơn vị %(code)s.") % {"code": unit.code}
        )


@transaction.atomic
def certificate_upload(*, actor, unit: Unit, data: bytes, password: str) -> SigningCertificate:
    """Give the unit a signing certificate: the PKCS#12 is opened with its password, its key
    checked against its certificate and its dates against today, then sealed; the certificate it
    replaces is retired (it still names what it signed)."""
    require_certificate_keeper(actor, unit)
    if not data:
        raise ValidationError({"file": _("Chọn tệp chứng thư số (.p12, .pfx).")})
    if len(data) > MAX_PKCS12:
        raise ValidationError({"file": _("Tệp chứng thư số quá lớn.")})
    material = pades.read_pkcs12(data, password)
    certificate = material.certificate
    Unit.objects.select_for_update().filter(pk=unit.pk).exists()  # one upload at a time
    now = timezone.now()
    SigningCertificate.objects.filter(unit=unit, retired_at__isnull=True).update(retired_at=now)
    made = SigningCertificate.objects.create(
        unit=unit,
        sealed=vault.seal(material.plain_pkcs12()),
        subject=material.subject[:300],
        issuer=material.issuer[:300],
        serial=format(certificate.serial_number, "x")[:80],
        fingerprint=material.fingerprint,
        not_before=certificate.not_valid_before_utc,
        not_after=certificate.not_valid_after_utc,
        uploaded_by=actor,
    )
    audit_record(
        actor=actor,
        action="signing.certificate",
        unit=unit,
        target=made.subject,
        after={"fingerprint": made.fingerprint, "not_after": made.not_after.date().isoformat()},
    )
    return made


@transaction.atomic
def signer_name(*, actor, unit: Unit, user, name: str, title: str) -> Signer:
    """Name a user who may sign the unit's papers, with the name and title the box prints."""
    require_certificate_keeper(actor, unit)
    if user is None or not user.is_active or not scope_for(user).can_read(unit):
        # Only someone whose scope holds the unit signs for it; anyone else is not found.
        raise ValidationError({"user": _("Không có người dùng này.")})
    name, title = normalize_text(name or ""), normalize_text(title or "")
    if not name or not title:
        raise ValidationError(_("Ghi họ tên và chức vụ của người ký."))
    if Signer.objects.filter(unit=unit, user=user).exists():
        raise ValidationError({"user": _("Tài khoản này đã có tên người ký của đơn vị.")})
    signer = Signer.objects.create(unit=unit, user=user, name=name, title=title)
    audit_record(
        actor=actor,
        action="signing.signer_name",
        unit=unit,
        target=f"{name} – {title}",
        after={"user": user.username, "name": name, "title": title},
    )
    return signer


@transaction.atomic
def signer_remove(*, actor, signer: Signer) -> None:
    require_certificate_keeper(actor, signer.unit)
    before = snapshot(signer)
    target, unit = str(signer), signer.unit
    signer.delete()
    audit_record(
        actor=actor, action="signing.signer_remove", unit=unit, target=target, before=before
    )


def _load_certificate(data: bytes) -> x509.Certificate:
    try:
        if data.lstrip().startswith(b"-----BEGIN"):
            return x509.load_pem_x509_certificate(data)
        return x509.load_der_x509_certificate(data)
    except ValueError as error:
        raise ValidationError(
            {"file": _("Tệp này không phải chứng thư số (PEM, DER, .cer, .crt).")}
        ) from error


@transaction.atomic
def trust_root_add(*, actor, data: bytes) -> TrustRoot:
    """Trust a root certificate authority (the national root CA, or another): system
    administrators only."""
    if not scope_for(actor).everything:
        raise PermissionDenied(_("Chỉ quản trị hệ thống được thêm chứng thư gốc tin cậy."))
    certificate = _load_certificate(data)
    fingerprint = certificate.fingerprint(hashes.SHA256()).hex()
    if TrustRoot.objects.filter(fingerprint=fingerprint).exists():
        raise ValidationError({"file": _("Chứng thư gốc này đã có trong danh sách tin cậy.")})
    root = TrustRoot.objects.create(
        name=pades.common_name(certificate.subject)[:300],
        der=certificate.public_bytes(serialization.Encoding.DER),
        fingerprint=fingerprint,
        not_after=certificate.not_valid_after_utc,
    )
    audit_record(
        actor=actor,
        action="signing.trust_root",
        target=root.name,
        after={"fingerprint": fingerprint},
    )
    # The files checked before the root was trusted, checked again off the request (the task
    # is queued with the root: kept with it, seen by the worker once both are).
    recheck_pdfs.enqueue(trusted=False)
    return root


def _mark(signer: Signer, unit: Unit, at: datetime) -> SignatureMark:
    unit_name = display_version(unit, timezone.localdate(at)).name
    return SignatureMark(
        lines=(
            _("Đã ký số"),
            _("Người ký: %(name)s") % {"name": signer.name},
            _("Chức vụ: %(title)s") % {"title": signer.title},
            _("Đơn vị: %(unit)s") % {"unit": unit_name},
            _("Thời gian: %(time)s")
            % {"time": timezone.localtime(at).strftime("%d/%m/%Y %H:%M:%S")},
        )
    )


def _require_signable(
    unit: Unit, actor, signer: Signer | None = None
) -> tuple[SigningCertificate | None, Signer | None]:
    """The unit's certificate and the signer post (the actor's, unless the paper follows one
    already signed); (None, None) when the unit has no certificate at all."""
    certificate = open_certificate(unit)
    if certificate is None:
        return None, None
    if certificate.not_after <= timezone.now():
        raise ValidationError(
            _(
                "Chứng thư số của đơn vị đã hết hạn ngày %(day)s: nạp chứng thư mới trước khi "
                "ban hành."
            )
            % {"day": timezone.localtime(certificate.not_after).strftime("%d/%m/%Y")}
        )
    signer = signer if signer is not None and signer.unit_id == unit.pk else signer_for(unit, actor)
    if signer is None:
        raise ValidationError(
            _("Bạn không có tên trong danh sách người ký của đơn vị nên không ban hành được.")
        )
    return certificate, signer


@transaction.atomic
def paper_issue(
    *,
    actor,
    kind: str,
    reference: str,
    unit: Unit,
    render: Render,
    reason: str,
    signer: Signer | None = None,
) -> SignedPaper:
    """Issue a paper once: rendered with the signature box of the actor (a signer named for the
    unit), signed with the unit's certificate (and timestamped when a timestamp authority is set),
    stored unchanged with its SHA-256. A unit with no certificate issues it marked unsigned; a
    unit with one refuses an actor not named, or an expired certificate. `signer` signs a
    paper that follows one already signed (a decision's certificates, in its signer's name)."""
    issued = SignedPaper.objects.filter(kind=kind, reference=str(reference)).first()
    if issued is not None:
        return issued
    certificate, signer = _require_signable(unit, actor, signer)
    now = timezone.now()
    tsa = settings.CONGDOAN_TSA_URL if certificate else ""
    if certificate is None:
        data, _placement = render(None)
    else:
        data, placement = render(_mark(signer, unit, now))
        box = pades.Box(*placement) if placement else None
        data = pades.sign_bytes(
            data,
            vault.unseal(certificate.sealed),
            box=box,
            name=signer.name,
            reason=reason,
            location=display_version(unit, timezone.localdate(now)).name,
            tsa_url=tsa,
        )
    made = SignedPaper.objects.create(
        kind=kind,
        reference=str(reference),
        unit=unit,
        data=data,
        sha256=pades.sha256(data),
        signed=certificate is not None,
        certificate=certificate,
        signer=signer,
        signer_name=signer.name if signer else "",
        signer_title=signer.title if signer else "",
        issued_by=actor if getattr(actor, "pk", None) else None,
        issued_at=now,
        timestamp_authority=tsa,
    )
    audit_record(
        actor=actor,
        action="signing.issue",
        unit=unit,
        target=str(made),
        after={"sha256": made.sha256, "signed": made.signed},
    )
    return made


@transaction.atomic
def pdf_check(*, data: bytes) -> PdfCheck:
    """Check an uploaded PDF against the trust roots and keep the result under its hash."""
    finding = pades.check_bytes(data, trust_root_ders())
    check, _made = PdfCheck.objects.update_or_create(
        sha256=pades.sha256(data),
        defaults={
            "status": finding.status,
            "signer": finding.signer[:300],
            "issuer": finding.issuer[:300],
            "signed_at": finding.signed_at,
            "trusted": finding.trusted,
            "valid_at_signing": finding.valid_at_signing,
            "timestamped": finding.timestamped,
            "checked_at": timezone.now(),
        },
    )
    return check


def check_upload(*, name: str, content_type: str, data: bytes) -> PdfCheck | None:
    """The check of an uploaded file when it is a PDF (None otherwise)."""
    if not pades.is_pdf(name, content_type, data):
        return None
    return pdf_check(data=data)
