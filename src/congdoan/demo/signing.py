"""Signing in the demo: a demo certificate authority made on the spot (signing/authority.py),
trusted as a root; the city federation and every unit that issues the demo's decisions get a
signing certificate under it and a named signer (the demo administrator, who issues them), so
every decision from 1/QĐ-LĐLĐ on is issued signed. Names are made up, as the demo's people."""

from __future__ import annotations

import secrets

from congdoan.demo.facts import SECTOR_UNIONS
from congdoan.demo.users import demo_admin
from congdoan.org.models import Unit
from congdoan.org.selectors import last_version
from congdoan.signing.authority import issue_pkcs12, make_authority
from congdoan.signing.selectors import signer_for
from congdoan.signing.services import certificate_upload, signer_name, trust_root_add

AUTHORITY_NAME = "CA thử nghiệm congdoan (dữ liệu mẫu)"
# The issuing units of the demo's decisions, each with who signs for it (made-up people).
SIGNERS = [
    ("LDLD-HN", "Trần Quốc Hưng", "Chủ tịch"),
    ("LDLD-CAU-GIAY", "Nguyễn Thị Thu Hà", "Chủ tịch"),
    *[
        (code, name, "Chủ tịch")
        for (code, _n, _s), name in zip(
            SECTOR_UNIONS,
            ["Lê Minh Tuấn", "Phạm Văn Dũng", "Đỗ Thị Lan", "Vũ Thị Hồng Nhung", "Hoàng Văn Nam"],
            strict=True,
        )
    ],
]


def build_signing() -> dict[str, str]:
    """Certificates, signers and the trust root; answers each issuing unit's signer's name."""
    actor = demo_admin()
    authority = make_authority(AUTHORITY_NAME)
    trust_root_add(actor=actor, data=authority.der)
    names = {}
    for code, name, title in SIGNERS:
        unit = Unit.objects.get(code=code)
        password = secrets.token_urlsafe(12)  # the demo's PKCS#12 is opened once, at upload
        organisation = last_version(unit).name
        data = issue_pkcs12(authority, name, organisation, password)
        certificate_upload(actor=actor, unit=unit, data=data, password=password)
        signer_name(actor=actor, unit=unit, user=actor, name=name, title=title)
        names[code] = name
    return names


def signer_name_of(unit: Unit, actor, default: str) -> str:
    """The name the decision prints under its signature: the signer the unit named, if any."""
    signer = signer_for(unit, actor)
    return signer.name if signer else default
