"""The demo's emulation facts (SCENARIO.md): cluster 1's covenant of 28/02/2020 with its theme
and six districts, a full year-end for cluster 1, cluster 6's covenant and mid-year review, and
the quality ratings of 2020–2025 rolled up to the city in each year's tree, all from records."""

from datetime import date

from congdoan.accounts.scope import Scope
from congdoan.core.documents import as_pdf, pdf_text
from congdoan.emulation.covenant_doc import covenant_document
from congdoan.emulation.models import Cluster, QualityRating, RatingStatus, Round
from congdoan.emulation.progress import covenant_progress
from congdoan.emulation.rollup import quality_rollup
from congdoan.emulation.selectors import is_closed, standings
from congdoan.org.models import Unit
from congdoan.org.selectors import display_version

DISTRICTS = ["Hoàn Kiếm", "Ba Đình", "Đống Đa", "Long Biên", "Hai Bà Trưng", "Hoàng Mai"]


def check_cluster_1_signed_its_2020_covenant_on_28_february():
    cluster = Cluster.objects.get(name="Cụm thi đua số 1", year=2020)
    covenant = cluster.covenant
    assert covenant.signed_on == date(2020, 2, 28)
    assert covenant.theme == "Nâng cao chất lượng hoạt động công đoàn cơ sở"
    assert covenant.signings.count() == 6
    text = " ".join(pdf_text(as_pdf(covenant_document(covenant))).split())
    assert all(f"Liên đoàn Lao động quận {name}" in text for name in DISTRICTS)
    assert "ngày 28 tháng 02 năm 2020" in text


def check_cluster_1_progress_is_counted_from_the_registry():
    covenant = Cluster.objects.get(name="Cụm thi đua số 1", year=2020).covenant
    rows = covenant_progress(covenant, date(2020, 12, 31))
    assert len(rows) == 6
    assert all(row.cells[0].actual is not None and row.cells[0].target for row in rows)


def check_cluster_1_has_a_full_year_end_with_ranks_and_proposals():
    cluster = Cluster.objects.get(name="Cụm thi đua số 1", year=2020)
    assert is_closed(cluster, Round.YEAREND)
    ranks = [s.rank for s in standings(cluster, Round.YEAREND)]
    assert len(ranks) == 6 and ranks[0] == 1
    assert cluster.sheets.filter(round=Round.YEAREND).count() == 6 * 6  # self + 5 cross each
    assert cluster.proposals.count() == cluster.flag_quota + cluster.merit_quota


def check_cluster_6_of_the_sector_unions_signed_and_held_its_mid_year_review():
    cluster = Cluster.objects.get(name="Cụm thi đua số 6", year=2020)
    assert cluster.covenant.signings.count() == 5
    assert is_closed(cluster, Round.MIDYEAR) and not is_closed(cluster, Round.YEAREND)


def check_the_quality_classes_of_every_year_roll_up_to_the_city():
    for year in range(2020, 2026):
        published = QualityRating.objects.filter(year=year, status=RatingStatus.PUBLISHED)
        assert published.count() > 300
        city = display_version(Unit.objects.get(code="LDLD-HN"), date(year, 12, 31))
        rows = quality_rollup(city, year, Scope(everything=True))
        assert rows[-1].rated == published.count()
        assert sum(row.rated for row in rows[:-1]) == published.count()
        children = {row.version.unit.code for row in rows[:-1]}
        assert ("LDLD-MY-DUC" in children) == (year < 2025)  # the wards' unions in 2025
        assert ("CD-PHUONG-KIM-LIEN" in children) == (year == 2025)
    founded_2020 = QualityRating.objects.filter(unit__code__startswith="CDCS-MY-DUC-2020-")
    assert not founded_2020.filter(year=2020).exists()  # not yet twelve months
    assert founded_2020.filter(year=2021).count() == 15
    asti = QualityRating.objects.filter(unit__code="CDCS-ASTI")
    assert sorted(asti.values_list("year", flat=True)) == [2020, 2021, 2022, 2023, 2024]


def check_all():
    """Run by tests/test_demo.py on its one build of the demo."""
    check_cluster_1_signed_its_2020_covenant_on_28_february()
    check_cluster_1_progress_is_counted_from_the_registry()
    check_cluster_1_has_a_full_year_end_with_ranks_and_proposals()
    check_cluster_6_of_the_sector_unions_signed_and_held_its_mid_year_review()
    check_the_quality_classes_of_every_year_roll_up_to_the_city()
