"""Invitation slips: one per member, several to an A4 page with cut lines, as PDF — the link
(and its QR code), the activation code, its expiry, and what to bring (CCCD, birth date)."""

from __future__ import annotations

import segno
from django.template.loader import render_to_string
from django.utils import timezone

from congdoan.org.models import Unit
from congdoan.org.selectors import display_version
from congdoan.portal.invitations import IssuedInvitation


def slip_rows(issued: list[IssuedInvitation], site: str) -> list[dict]:
    rows = []
    for item in issued:
        url = f"{site}{item.path}"
        rows.append(
            {
                "name": item.person.full_name,
                "code": item.person.code,
                "url": url,
                "activation_code": item.code_shown,
                "expires_on": item.invitation.expires_on,
                "qr": segno.make(url, error="m").png_data_uri(scale=4, border=1),
            }
        )
    return rows


def slips_pdf(issued: list[IssuedInvitation], *, unit: Unit, site: str) -> bytes:
    from weasyprint import HTML  # imported on use: it loads Pango

    union = display_version(unit, timezone.localdate()).name
    html = render_to_string(
        "portal/slips_pdf.html", {"slips": slip_rows(issued, site), "union": union}
    )
    return HTML(string=html).write_pdf()
