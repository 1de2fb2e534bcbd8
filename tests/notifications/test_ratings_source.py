"""A grassroots union's quality rating waits on the keepers of the union right above it: once
self-scored for the check, once checked for publication, one line per unit, year and step, gone
once published; the union's keepers are told when it is checked and when it is published."""

from datetime import date

from django.urls import reverse

from congdoan.accounts.models import RoleKind
from congdoan.emulation.services.quality import rating_check, rating_publish
from congdoan.notices.models import Notice
from congdoan.notifications import sources  # noqa: F401
from congdoan.notifications.registry import waiting
from tests.emulation.helpers import marks, quality_card
from tests.emulation.test_quality import self_score
from tests.factories import user_with_role


def lines(user) -> list[tuple[str, str, str]]:
    return [(e.title, e.unit_name, e.link) for e in waiting(user) if "Xếp loại" in e.title]


def told(user) -> list[str]:
    return list(Notice.objects.filter(user=user).order_by("pk").values_list("title", flat=True))


def test_a_self_scored_rating_waits_on_the_upper_level_until_published(world):
    card = quality_card(world)
    first = self_score(world, world.g1, marks(card), actor=world.dana)
    self_score(world, world.g2, marks(card), actor=world.bob)
    link = reverse("emulation:quality", args=[world.dd.pk]) + "?year=2020"
    waiting_check = [("Xếp loại chất lượng năm 2020 chờ thẩm định: 2", world.dd.latest_name, link)]
    assert lines(world.charlie) == waiting_check
    assert lines(world.bob) == waiting_check  # the federation keeps the district's registry too
    assert lines(world.dana) == []  # the union itself waits on no one
    assert lines(world.erin) == []  # a council member reads, keeps nothing
    assert lines(user_with_role("tuan", RoleKind.FEDERATION, world.dn)) == []
    checked = rating_check(actor=world.charlie, rating=first, points=marks(card), reasons={})
    assert [title for title, _unit, _link in lines(world.charlie)] == [
        "Xếp loại chất lượng năm 2020 chờ thẩm định: 1",
        "Xếp loại chất lượng năm 2020 đã thẩm định, chờ công bố: 1",
    ]
    rating_publish(actor=world.charlie, rating=checked, on=date(2021, 1, 15))
    assert [title for title, _unit, _link in lines(world.charlie)] == [
        "Xếp loại chất lượng năm 2020 chờ thẩm định: 1"
    ]


def test_the_union_is_told_when_its_rating_is_checked_and_published(world):
    card = quality_card(world)
    rating = self_score(world, world.g1, marks(card), actor=world.dana)
    rating = rating_check(actor=world.charlie, rating=rating, points=marks(card), reasons={})
    rating_publish(actor=world.charlie, rating=rating, on=date(2021, 1, 15))
    said = f"năm 2020 của {world.g1.latest_name}: Hoàn thành xuất sắc nhiệm vụ"
    assert told(world.dana) == [
        f"Cấp trên đã thẩm định xếp loại chất lượng {said}",
        f"Đã công bố xếp loại chất lượng {said}",
    ]
    assert {n.link for n in Notice.objects.filter(user=world.dana)} == {
        reverse("emulation:rating", args=[world.g1.pk, 2020])
    }
    assert told(world.charlie) == [] and told(world.bob) == []  # the checker is not told


def test_a_rating_waits_under_the_union_above_it_on_31_12_of_its_year(world):
    """G1 moves under Thanh Trì in 2021: its 2020 rating still waits on Đống Đa."""
    from congdoan.org.services import DecisionInput, unit_move

    card = quality_card(world)
    self_score(world, world.g1, marks(card), actor=world.dana)
    unit_move(
        actor=world.alice, unit=world.g1, new_parent=world.tt, effective=date(2021, 3, 1),
        decision=DecisionInput("9/QĐ", date(2021, 2, 20), "Chủ tịch"),
    )  # fmt: skip
    assert [unit for _title, unit, _link in lines(world.charlie)] == [world.dd.latest_name]
    assert lines(user_with_role("thao", RoleKind.UPPER, world.tt)) == []
