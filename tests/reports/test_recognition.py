"""Emulation results and awards in the report, checked by hand: published ratings of the years
ending inside the period, awards not revoked, by the units of the subtree in its structure."""

from datetime import date
from decimal import Decimal

from congdoan.awards.catalogue import load_titles
from congdoan.awards.models import Award, AwardDecision, Campaign, Nomination, Status, Title
from congdoan.emulation.models import (
    Klass,
    Purpose,
    QualityRating,
    RatingStatus,
    Scorecard,
    UnitKind,
)
from congdoan.emulation.services.scorecards import ensure_shipped_scorecards
from congdoan.org.models import Decision
from congdoan.reports.figures import build_report
from congdoan.reports.summary import report_summary
from tests.factories import PersonFactory

YEAR = (date(2020, 1, 1), date(2020, 12, 31))


def _rate(world, unit, klass: str, status: str = RatingStatus.PUBLISHED) -> None:
    card = Scorecard.objects.get(
        owner=world.hn, purpose=Purpose.QUALITY, unit_kind=UnitKind.ENTERPRISE, year=2020
    )
    QualityRating.objects.create(
        unit=unit,
        year=2020,
        scorecard=card,
        status=status,
        self_total=Decimal(90),
        total=Decimal(90),
        klass=klass,
    )


def _award(world, unit, title: Title, on: date, *, revoked: bool = False) -> None:
    campaign = Campaign.objects.get_or_create(
        name=f"Khen thưởng {title.name}",
        defaults={
            "title": title,
            "organiser": world.hn,
            "year": on.year,
            "reference_on": on,
            "quota": 100,
        },
    )[0]
    person = PersonFactory()
    nomination = Nomination.objects.create(
        campaign=campaign,
        person=person,
        nominating_unit=unit,
        status=Status.AWARDED,
        achievement="Hoàn thành xuất sắc nhiệm vụ",
    )
    decision = AwardDecision.objects.create(
        decision=Decision.objects.create(
            number=f"{nomination.pk}/QĐ-LĐLĐ", signed_on=on, signer="Chủ tịch"
        ),
        issuer=world.hn,
        campaign=campaign,
        kind="award",
        sequence=nomination.pk,
        year=on.year,
    )
    Award.objects.create(
        nomination=nomination,
        campaign=campaign,
        title=title,
        person=person,
        nominating_unit=unit,
        decision=decision,
        awarded_on=on,
        revocation=decision if revoked else None,
    )


def test_ratings_and_awards_are_counted_for_the_subtree(world):
    ensure_shipped_scorecards(world.hn, 2020)
    load_titles(Title)
    _rate(world, world.g1, Klass.EXCELLENT)
    _rate(world, world.g2, Klass.GOOD)
    _rate(world, world.g3, Klass.EXCELLENT, RatingStatus.CHECKED)  # not published
    _rate(world, world.g4, Klass.EXCELLENT)  # Đà Nẵng
    first, second = Title.objects.order_by("pk")[:2]
    _award(world, world.g1, first, date(2020, 5, 19))
    _award(world, world.g2, first, date(2020, 5, 19))
    _award(world, world.g1, second, date(2020, 9, 2), revoked=True)
    _award(world, world.g1, second, date(2019, 9, 2))  # before the period
    report = build_report(world.hn, *YEAR)
    assert {code: n for code, _name, n in report.ratings} == {
        Klass.EXCELLENT: 1,
        Klass.GOOD: 1,
        Klass.COMPLETED: 0,
        Klass.NOT_COMPLETED: 0,
    }
    assert report.awards == [(first.name, 2)]
    summary = report_summary(report)
    assert summary["emulation"]["rating_years"] == [2020]
    assert summary["awards"] == [{"title": first.name, "count": 2}]
    assert f"Được khen thưởng: 2 {first.name}." in summary["narrative"]


def test_a_half_year_has_no_rating_year(world):
    report = build_report(world.hn, date(2020, 1, 1), date(2020, 6, 30))
    assert report.rating_years == [] and report.ratings == []
