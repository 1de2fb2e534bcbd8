"""Adding, removing and moving a scorecard's criteria: editors only, not on a card in use,
the maxima still adding up, codes and order following the tree, audited; one page flow."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.audit.models import AuditEntry
from congdoan.emulation.models import Criterion, CriterionKind
from congdoan.emulation.scoring import card_maximum
from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.criteria import criterion_add, criterion_move, criterion_remove
from tests.emulation.helpers import marks, quality_card
from tests.emulation.test_quality import rated, self_score


def _codes(scorecard) -> list[str]:
    return list(scorecard.criteria.order_by("order").values_list("code", flat=True))


def _get(scorecard, code: str) -> Criterion:
    return scorecard.criteria.get(code=code)


def _add(world, scorecard, points, parent=None, kind=CriterionKind.NORMAL, actor=None):
    return criterion_add(
        actor=actor or world.bob,
        scorecard=scorecard,
        parent=parent,
        title="  Xây dựng   mô hình mới ",
        max_points=Decimal(points),
        kind=kind,
        evidence="Báo cáo",
    )


def test_a_criterion_and_its_sub_criteria_are_added_at_the_end_and_audited(world):
    scorecard = quality_card(world).scorecard
    top = _add(world, scorecard, 10)
    assert (top.code, top.title, top.parent_id) == ("5", "Xây dựng mô hình mới", None)
    child = _add(world, scorecard, 6, parent=top)
    assert child.code == "5.1"
    assert _codes(scorecard)[-2:] == ["5", "5.1"]
    card = card_of(scorecard)
    assert card_maximum(card.groups) == 110
    assert [leaf.code for leaf in card.leaves][-1] == "5.1"
    actions = AuditEntry.objects.filter(action="emulation.criterion_add").count()
    assert actions == 2


def test_a_sub_criterion_beyond_its_parents_maximum_is_refused_and_nothing_saved(world):
    scorecard = quality_card(world).scorecard
    before = _codes(scorecard)
    with pytest.raises(ValidationError, match="Mục 3 tối đa 15 điểm.*còn tối đa 0 điểm"):
        _add(world, scorecard, 1, parent=_get(scorecard, "3"))
    with pytest.raises(ValidationError, match="cùng loại"):
        _add(world, scorecard, 1, parent=_get(scorecard, "4"), kind=CriterionKind.NORMAL)
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        _add(world, scorecard, 0)
    assert _codes(scorecard) == before


def test_only_the_card_owner_edits_the_criteria(world):
    scorecard = quality_card(world).scorecard
    with pytest.raises(PermissionDenied):
        _add(world, scorecard, 5, actor=world.charlie)
    with pytest.raises(PermissionDenied):
        criterion_remove(actor=world.charlie, criterion=_get(scorecard, "3.2"))
    with pytest.raises(PermissionDenied):
        criterion_move(actor=world.charlie, criterion=_get(scorecard, "3.2"), direction="up")


def test_a_card_in_use_is_locked_for_every_criteria_change(world):
    card = quality_card(world)
    rated(world, world.g1, Decimal("0.8"))
    scorecard = card.scorecard
    for change in (
        lambda: _add(world, scorecard, 5),
        lambda: criterion_remove(actor=world.bob, criterion=_get(scorecard, "4")),
        lambda: criterion_move(actor=world.bob, criterion=_get(scorecard, "2"), direction="up"),
    ):
        with pytest.raises(ValidationError, match="đã dùng cho kết quả chính thức"):
            change()
    assert len(_codes(scorecard)) == len(card.criteria)


def test_a_removed_criterion_takes_its_sub_criteria_and_the_codes_close_up(world):
    scorecard = quality_card(world).scorecard
    title = _get(scorecard, "1.3").title
    criterion_remove(actor=world.bob, criterion=_get(scorecard, "1.2"))
    assert _get(scorecard, "1.2").title == title
    assert "1.4" not in _codes(scorecard)
    criterion_remove(actor=world.bob, criterion=_get(scorecard, "4"))
    assert "4.1" not in _codes(scorecard)
    assert card_maximum(card_of(scorecard).groups) == 100 - 5
    assert AuditEntry.objects.filter(action="emulation.criterion_remove").count() == 2


def test_a_scored_criterion_or_one_the_thresholds_need_is_not_removed(world):
    card = quality_card(world)
    scorecard = card.scorecard
    before = _codes(scorecard)
    with pytest.raises(ValidationError, match="tối đa 85 điểm, thấp hơn ngưỡng xuất sắc 90"):
        criterion_remove(actor=world.bob, criterion=_get(scorecard, "3"))
    self_score(world, world.g1, marks(card))
    with pytest.raises(ValidationError, match="Mục 1 đã có điểm chấm"):
        criterion_remove(actor=world.bob, criterion=_get(scorecard, "1"))
    with pytest.raises(ValidationError, match="Mục 2.1 đã có điểm chấm, không thêm"):
        _add(world, scorecard, 1, parent=_get(scorecard, "2.1"))
    assert _codes(scorecard) == before


def test_moving_swaps_siblings_and_the_scoring_order_follows(world):
    scorecard = quality_card(world).scorecard
    moved = _get(scorecard, "1.2")
    assert criterion_move(actor=world.bob, criterion=moved, direction="up").code == "1.1"
    assert [leaf.code for leaf in card_of(scorecard).leaves][:2] == ["1.1", "1.2"]
    assert card_of(scorecard).leaves[0].key == moved.pk
    group = criterion_move(actor=world.bob, criterion=_get(scorecard, "3"), direction="down")
    assert group.code == "4"
    assert _codes(scorecard)[-3:] == ["4", "4.1", "4.2"]
    with pytest.raises(ValidationError, match="Mục 1 đã ở đầu"):
        criterion_move(actor=world.bob, criterion=_get(scorecard, "1"), direction="up")
    with pytest.raises(ValidationError, match="Mục 4.2 đã ở cuối"):
        criterion_move(actor=world.bob, criterion=_get(scorecard, "4.2"), direction="down")


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.integers(min_value=1, max_value=120), min_size=1, max_size=5))
def test_sub_criteria_never_add_up_beyond_their_parent(world, tenths):
    scorecard = quality_card(world).scorecard
    parent = scorecard.criteria.filter(parent=None, code="5").first() or _add(world, scorecard, 10)
    for value in tenths:
        taken = sum(c.max_points for c in parent.children.all())
        points = Decimal(value) / 10
        if taken + points > parent.max_points:
            with pytest.raises(ValidationError, match="còn tối đa"):
                _add(world, scorecard, points, parent=parent)
        else:
            _add(world, scorecard, points, parent=parent)
        assert sum(c.max_points for c in parent.children.all()) <= parent.max_points


def test_a_federation_officer_adds_moves_and_removes_a_criterion_on_the_page(world):
    scorecard = quality_card(world).scorecard
    client = Client()
    client.force_login(world.bob)
    page = client.get(reverse("emulation:scorecard", args=[scorecard.pk]))
    assert "Thêm tiêu chí" in page.content.decode()
    data = {"title": "Mô hình mới", "max_points": "3", "kind": "bonus", "evidence": ""}
    url = reverse("emulation:criterion_add_child", args=[_get(scorecard, "4").pk])
    refused = client.post(url, data)
    assert "Mục 4 tối đa 5 điểm" in refused.content.decode()
    response = client.post(reverse("emulation:criterion_add", args=[scorecard.pk]), data)
    assert response.status_code == 302
    added = _get(scorecard, "5")
    client.post(reverse("emulation:criterion_move", args=[added.pk, "up"]))
    assert Criterion.objects.get(pk=added.pk).code == "4"
    remove = reverse("emulation:criterion_remove", args=[added.pk])
    assert "Hãy đánh dấu xác nhận xóa." in client.post(remove, {}).content.decode()
    page = client.post(remove, {"confirm": "on"}, follow=True)
    assert "Đã xóa mục 4." in page.content.decode()
    assert not Criterion.objects.filter(pk=added.pk).exists()
    assert _get(scorecard, "4").kind == CriterionKind.BONUS
