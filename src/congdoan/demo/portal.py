"""Members as users in the demo: ASTI's members. Two of them have activated accounts (the demo
password, printed with the demo logins); every other current member has an open invitation,
and their slips are printed to a PDF in the data folder, as the union's officer would hand
them out. Two correction requests wait in ASTI's queue for `asti` to answer."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from congdoan.demo.users import DEMO_PASSWORD, demo_admin
from congdoan.members.models import Person
from congdoan.org.models import Unit
from congdoan.portal.activation import account_create_activated
from congdoan.portal.corrections import correction_request
from congdoan.portal.invitations import invitations_for_union
from congdoan.portal.slips import slips_pdf

UNION = "CDCS-ASTI"
ACTIVATED = 2  # the first members in name order, printed as demo logins
CORRECTIONS = [("job", "Kỹ sư điện tử"), ("hometown", "Thừa Thiên Huế")]


def slips_path() -> Path:
    return Path(settings.DATA_DIR) / "demo" / f"phieu-moi-{UNION}.pdf"


def build_portal() -> dict[str, int]:
    actor = demo_admin()
    unit = Unit.objects.get(code=UNION)
    people = list(
        Person.objects.filter(
            memberships__unit=unit,
            memberships__ended_on__isnull=True,
            citizen_id__isnull=False,
            birth_year_only=False,
        ).order_by("sort_key", "pk")[:ACTIVATED]
    )
    for person, (field, value) in zip(people, CORRECTIONS, strict=False):
        user = account_create_activated(actor=actor, person=person, password=DEMO_PASSWORD)
        correction_request(actor=user, person=person, field=field, value=value)
    issued, _left_out = invitations_for_union(actor=actor, unit=unit)
    path = slips_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(slips_pdf(issued, unit=unit, site=settings.CONGDOAN_SITE_URL))
    return {"accounts": len(people), "invitations": len(issued)}


def member_logins() -> list[tuple[str, str]]:
    """The demo's member logins: (member code, name)."""
    people = Person.objects.filter(
        member_account__isnull=False, memberships__unit__code=UNION
    ).order_by("sort_key", "pk")
    return [(p.code, p.full_name) for p in people.distinct()[:ACTIVATED]]
