"""`congdoan demo` builds the Hà Nội of the seed articles, and running it again changes nothing."""

from datetime import date

import pytest
from django.core.management import call_command
from django.utils import timezone

from congdoan.accounts.scope import Scope
from congdoan.joining.models import Application
from congdoan.org.models import Level, Unit, UnitVersion
from congdoan.org.selectors import children_on, display_version, subtree_counts
from tests.awards import test_demo_awards as demo_awards
from tests.emulation import test_demo_emulation as demo_emulation
from tests.finance import test_demo_finance as demo_finance
from tests.members import test_demo_members as demo_members
from tests.org import test_demo_org as demo_org
from tests.reports import test_demo_reports as demo_reports
from tests.signing import test_demo_signing as demo_signing

EVERYTHING = Scope(everything=True)


@pytest.fixture
def demo(db):
    call_command("demo")


def _children(code: str, day: date) -> list[UnitVersion]:
    return list(children_on(Unit.objects.get(code=code), day, EVERYTHING))


def check_the_2020_tree_still_shows_the_district_federations():
    names = [v.name for v in _children("LDLD-HN", date(2020, 6, 1))]
    assert "Liên đoàn Lao động quận Đống Đa" in names
    assert sum(name.startswith("Liên đoàn Lao động") for name in names) == 17
    after = [v.name for v in _children("LDLD-HN", date(2025, 7, 1))]
    assert not any(name.startswith("Liên đoàn Lao động") for name in after)
    assert "Công đoàn phường Kim Liên" in after


def check_kim_lien_takes_97_grassroots_unions_by_decision_1940():
    kim_lien = Unit.objects.get(code="CD-PHUONG-KIM-LIEN")
    version = display_version(kim_lien, date(2025, 7, 1))
    assert subtree_counts(version, date(2025, 7, 1)) == {Level.GRASSROOTS: 97}
    assert version.change.decision.number == "1940/QĐ-LĐLĐ"
    assert kim_lien.officials.filter(position__code="executive-member").count() == 6


def check_my_duc_founded_15_grassroots_unions_in_2020_up_to_30_september():
    my_duc = display_version(Unit.objects.get(code="LDLD-MY-DUC"), date(2020, 9, 30))
    founded = (
        UnitVersion.objects.valid_on(date(2020, 9, 30))
        .under(my_duc.path)
        .filter(unit__established_on__range=(date(2020, 1, 1), date(2020, 9, 30)))
    )
    assert founded.count() == 15


def check_applications_carry_the_year_they_were_submitted_in():
    applications = list(Application.objects.all())
    assert applications
    for application in applications:
        submitted = timezone.localtime(application.created_at).date()
        assert application.reference.startswith(f"DK-{submitted.year}-"), application.reference


def test_the_demo_reproduces_the_seed_facts_and_is_idempotent(demo, capsys):
    """One build of the demo (a minute), every fact checked on it: the tree's here, the
    registry's, emulation's, awards' and reports' in their apps' demo modules."""
    check_the_2020_tree_still_shows_the_district_federations()
    check_kim_lien_takes_97_grassroots_unions_by_decision_1940()
    check_my_duc_founded_15_grassroots_unions_in_2020_up_to_30_september()
    demo_org.check_kim_lien_congress_elected_9_3_3()
    demo_org.check_dong_da_ended_and_its_unions_went_to_the_wards()
    check_applications_carry_the_year_they_were_submitted_in()
    for module in (
        demo_members,
        demo_emulation,
        demo_awards,
        demo_reports,
        demo_signing,
        demo_finance,
    ):
        module.check_all()
    counts = (Unit.objects.count(), UnitVersion.objects.count())
    call_command("demo")
    assert (Unit.objects.count(), UnitVersion.objects.count()) == counts
    assert "quantri" in capsys.readouterr().out
