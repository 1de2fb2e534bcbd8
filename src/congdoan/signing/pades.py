"""PAdES with pyHanko, without the database: read a PKCS#12, sign a PDF with a visible box over
the place the layout drew, and check a PDF's signatures against trust roots."""

from __future__ import annotations

import asyncio
import hashlib
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _


class Status:
    """What a check found; the values are stored (signing.PdfCheck.status)."""

    UNSIGNED = "unsigned"
    INTACT = "intact"
    ALTERED = "altered"
    UNREADABLE = "unreadable"


def outside_a_running_loop(call, *args):
    """pyHanko's plain calls start an event loop of their own (asyncio.run), which cannot
    start in a thread whose loop is running (an async server, a browser test's thread): there
    the call runs in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call(*args)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call, *args).result()


@dataclass(frozen=True)
class KeyMaterial:
    """A PKCS#12's key and certificate, checked: the key matches, the certificate is in force."""

    key: object
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]

    @property
    def subject(self) -> str:
        return common_name(self.certificate.subject)

    @property
    def issuer(self) -> str:
        return common_name(self.certificate.issuer)

    @property
    def fingerprint(self) -> str:
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    def plain_pkcs12(self) -> bytes:
        """The same key and certificates as a PKCS#12 without a password (sealed by the vault)."""
        return pkcs12.serialize_key_and_certificates(
            b"congdoan",
            self.key,
            self.certificate,
            list(self.chain) or None,
            serialization.NoEncryption(),
        )


def common_name(name: x509.Name) -> str:
    names = name.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return str(names[0].value) if names else name.rfc4514_string()


def read_pkcs12(data: bytes, password: str, *, now: datetime | None = None) -> KeyMaterial:
    """The key material of an uploaded PKCS#12, or a refusal saying what is wrong with it."""
    now = now or timezone.now()
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(
            data, password.encode() if password else None
        )
    except ValueError as error:
        if _is_pkcs12(data):
            raise ValidationError(
                {"password": _("Mật khẩu của tệp chứng thư số không đúng.")}
            ) from error
        raise ValidationError(
            {"file": _("Tệp này không phải chứng thư số PKCS#12 (.p12, .pfx).")}
        ) from error
    if key is not None and certificate is None and chain:
        raise ValidationError({"file": _("Khóa bí mật trong tệp không khớp với chứng thư số.")})
    if key is None or certificate is None:
        raise ValidationError(
            {"file": _("Tệp chứng thư số phải có cả khóa bí mật và chứng thư của người ký.")}
        )
    if not _key_matches(key, certificate):
        raise ValidationError({"file": _("Khóa bí mật trong tệp không khớp với chứng thư số.")})
    if certificate.not_valid_after_utc <= now:
        raise ValidationError({"file": _("Chứng thư số đã hết hạn.")})
    if certificate.not_valid_before_utc > now:
        raise ValidationError({"file": _("Chứng thư số chưa đến ngày có hiệu lực.")})
    return KeyMaterial(key=key, certificate=certificate, chain=tuple(chain))


def _is_pkcs12(data: bytes) -> bool:
    """A DER SEQUENCE whose first element is INTEGER 3 (PFX version): a PKCS#12 of some kind."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data)
        return pfx["version"].native == "v3"
    except Exception:  # noqa: BLE001 - any parse failure means "not a PKCS#12"
        return False


def _key_matches(key, certificate: x509.Certificate) -> bool:
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    der = serialization.Encoding.DER
    return key.public_key().public_bytes(der, public) == certificate.public_key().public_bytes(
        der, public
    )


def is_pdf(name: str, content_type: str, data: bytes = b"") -> bool:
    """A file to check: named or typed as PDF, or starting like one."""
    return (
        name.lower().endswith(".pdf") or content_type == "application/pdf" or data[:5] == b"%PDF-"
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Box:
    """Where the visible signature goes: a page (0 = first, -1 = last) and PDF points from the
    page's lower left corner."""

    page: int
    x1: float
    y1: float
    x2: float
    y2: float


FIELD_NAME = "ChuKySo"


def sign_bytes(
    pdf: bytes,
    plain_pkcs12: bytes,
    *,
    box: Box | None,
    name: str,
    reason: str,
    location: str,
    tsa_url: str = "",
) -> bytes:
    """The PDF signed as PAdES (B-B, or B-T with a timestamp authority); the visible box is the
    one the layout drew (signer, title, unit, time), the field laid over it."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps
    from pyhanko.stamp import TextStampStyle

    signer = signers.SimpleSigner.load_pkcs12_data(plain_pkcs12, other_certs=[], passphrase=None)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        name=name,
        reason=reason,
        location=location,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
    )
    spec = fields.SigFieldSpec(
        FIELD_NAME,
        on_page=box.page if box else 0,
        box=(int(box.x1), int(box.y1), int(box.x2), int(box.y2)) if box else None,
    )
    pdf_signer = signers.PdfSigner(
        meta,
        signer,
        timestamper=timestamps.HTTPTimeStamper(tsa_url) if tsa_url else None,
        new_field_spec=spec,
        # The layout drew the box with its Vietnamese text; the field's own face stays clear.
        stamp_style=TextStampStyle(stamp_text=" ", border_width=0),
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    return outside_a_running_loop(pdf_signer.sign_pdf, writer).getvalue()


@dataclass(frozen=True)
class Finding:
    """One PDF checked: its status, and for a signed one who signed, when, and whether the
    certificate chains to a trust root and was in force at signing time."""

    status: str
    signer: str = ""
    issuer: str = ""
    signed_at: datetime | None = None
    trusted: bool = False
    valid_at_signing: bool = False
    timestamped: bool = False
    signatures: int = 0
    detail: str = ""


def check_bytes(data: bytes, trust_roots: list[bytes]) -> Finding:
    """Check every signature of a PDF; `trust_roots` are DER certificates. Garbage or a
    truncated file is unreadable; a signature that no longer covers what it signed is altered."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        reader.root  # noqa: B018 - a file without a readable catalogue is unreadable
    except Exception as error:  # noqa: BLE001 - any failure to parse means unreadable
        return Finding(status=Status.UNREADABLE, detail=str(error)[:200])
    if not embedded:
        return Finding(status=Status.UNSIGNED)
    try:
        return _check_signatures(embedded, trust_roots)
    except Exception as error:  # noqa: BLE001 - a signature pyHanko cannot read is not trusted
        return Finding(status=Status.ALTERED, signatures=len(embedded), detail=str(error)[:200])


def _check_signatures(embedded, trust_roots: list[bytes]) -> Finding:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    roots = [asn1_x509.Certificate.load(der) for der in trust_roots]
    altered, last = False, None
    for index, signature in enumerate(embedded):
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            status = outside_a_running_loop(validate_pdf_signature, signature, context)
        except SignatureValidationError:
            altered = True
            continue
        whole = index == len(embedded) - 1
        if not (status.intact and status.valid) or not _covers(status, whole):
            altered = True
        last = status
    if last is None:
        return Finding(status=Status.ALTERED, signatures=len(embedded))
    certificate = last.signing_cert
    signed_at = _signing_time(last)
    in_force = signed_at is not None and (
        certificate.not_valid_before <= signed_at <= certificate.not_valid_after
    )
    return Finding(
        status=Status.ALTERED if altered else Status.INTACT,
        signer=certificate.subject.native.get("common_name", "")
        or certificate.subject.human_friendly,
        issuer=certificate.issuer.native.get("common_name", "")
        or certificate.issuer.human_friendly,
        signed_at=signed_at,
        trusted=bool(last.trusted) and not altered,
        valid_at_signing=in_force and not altered,
        timestamped=last.timestamp_validity is not None,
        signatures=len(embedded),
    )


def _covers(status, whole: bool) -> bool:
    """The last signature covers the whole file; an earlier one allows only later signing."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if whole:
        return False
    level = status.modification_level
    return level is not None and level <= ModificationLevel.FORM_FILLING


def _signing_time(status) -> datetime | None:
    if status.timestamp_validity is not None:
        return status.timestamp_validity.timestamp
    return status.signer_reported_dt
