"""Writing the audit trail; every service that changes data calls audit_record."""

from typing import Any

from congdoan.audit.models import AuditEntry


def audit_record(
    *, actor: Any, action: str, target: str, unit: Any = None, before: Any = None, after: Any = None
) -> AuditEntry:
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        target=target,
        unit=unit,
        before=before,
        after=after,
    )
