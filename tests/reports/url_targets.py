"""The report URLs for the URL walk (tests/test_url_scope.py)."""

from tests.scope_walk import MEMBER_KEEPERS, Target

PERIOD = "?from=2024-01-01&to=2024-12-31"


def _blank_pdf() -> bytes:
    """A real one-page PDF: the walks that read what a page shows open it."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _issued(unit) -> int:
    """A report the unit issued (unsigned: the unit has no certificate), made directly."""
    from datetime import date

    from django.utils import timezone

    from congdoan.reports.models import IssuedReport
    from congdoan.signing.models import PaperKind, SignedPaper

    number = f"{IssuedReport.objects.filter(unit=unit).count() + 1}/BC-CĐ"
    issued = IssuedReport.objects.create(
        unit=unit, number=number, dated=date(2024, 12, 31),
        starts_on=date(2024, 1, 1), ends_on=date(2024, 12, 31),
    )  # fmt: skip
    issued.paper = SignedPaper.objects.create(
        kind=PaperKind.REPORT, reference=str(issued.pk), unit=unit, data=_blank_pdf(),
        sha256="0" * 64, signed=False, issued_at=timezone.now(),
    )  # fmt: skip
    issued.save(update_fields=["paper"])
    return issued.pk


def targets(world) -> dict[str, list[Target]]:
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    return {
        "reports:report": [Target(unit, other, query=PERIOD)],
        "reports:json": [Target(unit, other, query=PERIOD)],
        "reports:download": [
            Target({**unit, "kind": kind}, {**other, "kind": kind}, query=PERIOD)
            for kind in ("docx", "xlsx", "pdf")
        ],
        "reports:issue": [
            Target(
                unit,
                other,
                allowed=MEMBER_KEEPERS,
                methods=("post",),
                post_status=302,
            )
        ],  # fmt: skip
        "reports:issued": [Target({"pk": _issued(world.g1)}, {"pk": _issued(world.g4)})],
        "reports:units": [
            Target(unit, other, query=f"{PERIOD}&kind={kind}")
            for kind in ("total", "established", "ended")
        ],
        "reports:referrals": [  # the Party referrals: for the registry's keepers only
            Target(unit, other, query=f"{PERIOD}&kind={kind}", allowed=MEMBER_KEEPERS)
            for kind in ("introduced", "admitted")
        ],
        "reports:dashboard": [Target()],
    }
