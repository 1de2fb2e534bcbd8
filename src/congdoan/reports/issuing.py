"""A report issued by its unit (Ban hành báo cáo): numbered and dated, its figures frozen as they
stand at that moment, signed (PAdES) with the unit's certificate by one of its named signers
through signing.services.paper_issue, and stored unchanged with its hash. Records changed later
never change an issued report: its download is the stored file."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from congdoan.accounts.scope import scope_for
from congdoan.audit.services import audit_record
from congdoan.core.documents import as_placed_pdf, paper_number
from congdoan.core.text import format_date, normalize_text
from congdoan.org.models import Unit
from congdoan.reports.documents import KIND_CODE, report_document
from congdoan.reports.figures import build_report
from congdoan.reports.models import IssuedReport
from congdoan.signing.models import PaperKind
from congdoan.signing.selectors import signer_for
from congdoan.signing.services import paper_issue


def may_issue_report(actor, unit: Unit) -> bool:
    """Whoever keeps the unit's registry, or signs for it, issues its reports."""
    return scope_for(actor).can_edit_members(unit) or signer_for(unit, actor) is not None


def issued_reports(unit: Unit) -> QuerySet[IssuedReport]:
    """The unit's issued reports, newest first, with their papers (not the PDF bytes)."""
    return (
        IssuedReport.objects.filter(unit=unit)
        .select_related("paper", "paper__issued_by")
        .defer("paper__data")
    )


@transaction.atomic
def report_issue(
    *, actor, unit: Unit, start: date, end: date, number: str, dated: date
) -> IssuedReport:
    """Issue the unit's report for the period with the number typed ("12" prints "12/BC-…")."""
    if not may_issue_report(actor, unit):
        raise PermissionDenied(_("Bạn không có quyền ban hành báo cáo của đơn vị này."))
    typed = normalize_text(number or "")
    if not typed:
        raise ValidationError({"number": _("Ghi số báo cáo trước khi ban hành.")})
    Unit.objects.select_for_update().filter(pk=unit.pk).exists()  # one number at a time
    report = build_report(unit, start, end)
    full = paper_number(typed, KIND_CODE, report.name)
    if len(full) > 80:
        raise ValidationError({"number": _("Số báo cáo ban hành quá dài.")})
    taken = IssuedReport.objects.filter(unit=unit, number=full).first()
    if taken is not None:
        raise ValidationError(
            {
                "number": _(
                    "Số %(number)s đã dùng cho báo cáo ban hành ngày %(day)s của đơn vị: "
                    "chọn số khác."
                )
                % {"number": full, "day": format_date(taken.dated)}
            }
        )
    issued = IssuedReport.objects.create(
        unit=unit, number=full, dated=dated, starts_on=start, ends_on=end
    )
    document = report_document(report, dated=dated, number=full)
    issued.paper = paper_issue(
        actor=actor,
        kind=PaperKind.REPORT,
        reference=str(issued.pk),
        unit=unit,
        render=lambda mark: as_placed_pdf(document, mark),
        reason=_("Ban hành Báo cáo số %(number)s") % {"number": full},
    )
    issued.save(update_fields=["paper"])
    audit_record(
        actor=actor,
        action="reports.issue",
        unit=unit,
        target=full,
        after={
            "dated": dated.isoformat(),
            "from": start.isoformat(),
            "to": end.isoformat(),
            "sha256": issued.paper.sha256,
            "signed": issued.paper.signed,
        },
    )
    return issued
