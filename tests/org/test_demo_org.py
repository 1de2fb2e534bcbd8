"""The demo's organisation facts, checked on the one demo build of tests/test_demo.py: Kim Liên's
congress with its committees of 9 / 3 / 3 entered through the services, and an ended district's
page (what became of it, where its unions went, its last day's figures)."""

from __future__ import annotations

from datetime import date

from congdoan.accounts.scope import Scope
from congdoan.audit.models import AuditEntry
from congdoan.members.congresses import committees
from congdoan.members.counts import member_figures
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version, ending_of

EVERYTHING = Scope(everything=True)


def check_kim_lien_congress_elected_9_3_3():
    kim_lien = Unit.objects.get(code="CD-PHUONG-KIM-LIEN")
    term = kim_lien.terms.get()
    assert (term.name, term.congress_on) == ("Nhiệm kỳ 2025–2030", date(2025, 10, 10))
    found = committees(term)
    assert found.sizes == (9, 3, 3)
    assert [o.position.code for o in found.standing] == ["chair", "vice-chair", "vice-chair"]
    assert found.inspection[0].position.code == "inspection-chair"
    # Entered through the services: each post and the congress are on the trail.
    appointed = AuditEntry.objects.filter(unit=kim_lien, action="official.appoint").count()
    assert appointed == 12
    assert AuditEntry.objects.filter(unit=kim_lien, action="term.open").count() == 1


def check_dong_da_ended_and_its_unions_went_to_the_wards():
    dong_da = Unit.objects.get(code="LDLD-DONG-DA")
    ending = ending_of(dong_da, EVERYTHING, date(2026, 1, 1))
    assert ending.change.kind == "end" and ending.change.decision.number == "1900/QĐ-LĐLĐ"
    assert ending.last_day == date(2025, 6, 30)
    went = {d.then.unit.code for d in ending.destinations}
    assert "CD-PHUONG-KIM-LIEN" in went and len(ending.destinations) > 97
    last = display_version(dong_da, ending.last_day)
    assert member_figures(last, ending.last_day).members > 0
    assert member_figures(last, dong_da.ended_on).members == 0
