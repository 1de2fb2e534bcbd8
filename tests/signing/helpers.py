"""A test certificate authority and PKCS#12 files made in the tests (the `cryptography` package),
and a hand-built PKCS#12 whose key does not match its certificate."""

from __future__ import annotations

from functools import lru_cache

from asn1crypto import cms, keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from congdoan.core.documents import Paragraph, Signature, UnionDocument, as_placed_pdf
from congdoan.signing.authority import Authority, issue_pkcs12, make_authority

PASSWORD = "mat-khau-12"


@lru_cache(maxsize=1)
def authority() -> Authority:
    return make_authority("CA thử nghiệm của bộ kiểm thử")


def pkcs12_for(name: str = "Nguyễn Văn Ký", **kwargs) -> bytes:
    return issue_pkcs12(authority(), name, "LĐLĐ thành phố Hà Nội", PASSWORD, **kwargs)


def mismatched_pkcs12() -> bytes:
    """A certificate of the authority packed with a key that is not its own (no MAC, no password):
    what a careless export produces."""
    key = ec.generate_private_key(ec.SECP256R1())
    key_der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    leaf = issue_pkcs12(authority(), "Người khác", "LĐLĐ", "")
    from cryptography.hazmat.primitives.serialization import pkcs12

    _key, certificate, _chain = pkcs12.load_key_and_certificates(leaf, None)
    cert_der = certificate.public_bytes(serialization.Encoding.DER)
    local_id = [{"type": "local_key_id", "values": [b"1"]}]
    safe = asn1_pkcs12.SafeContents(
        [
            asn1_pkcs12.SafeBag(
                {
                    "bag_id": "key_bag",
                    "bag_value": keys.PrivateKeyInfo.load(key_der),
                    "bag_attributes": local_id,
                }
            ),
            asn1_pkcs12.SafeBag(
                {
                    "bag_id": "cert_bag",
                    "bag_value": asn1_pkcs12.CertBag(
                        {"cert_id": "x509", "cert_value": asn1_x509.Certificate.load(cert_der)}
                    ),
                    "bag_attributes": local_id,
                }
            ),
        ]
    )
    auth = asn1_pkcs12.AuthenticatedSafe(
        [cms.ContentInfo({"content_type": "data", "content": safe.dump()})]
    )
    return asn1_pkcs12.Pfx(
        {
            "version": "v3",
            "auth_safe": cms.ContentInfo({"content_type": "data", "content": auth.dump()}),
        }
    ).dump()


def paper(number: str = "1/QĐ-LĐLĐ") -> UnionDocument:
    from datetime import date

    return UnionDocument(
        parent_body="TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
        issuer="LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
        kind="QUYẾT ĐỊNH",
        subject="Về việc thử chữ ký số",
        dated=date(2026, 12, 3),
        number=number,
        blocks=[Paragraph("Điều 1. Thử ký số một quyết định.")],
        signature=Signature("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Nguyễn Văn Ký"),
    )


def renderer(document: UnionDocument | None = None):
    document = document or paper()
    return lambda mark: as_placed_pdf(document, mark)
