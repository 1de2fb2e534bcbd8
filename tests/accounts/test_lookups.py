"""The scoped lookups every form calls (congdoan.accounts.lookups): what lies outside the scope
reads exactly as what does not exist; `under` keeps a unit inside a subtree; the services refuse
allocations and cluster members outside the organiser's subtree even from the administrator."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from congdoan.accounts.lookups import council_candidates, unit_in_scope, user_in_scope
from congdoan.accounts.models import RoleKind
from congdoan.accounts.scope import scope_for
from congdoan.awards.models import Step, Title
from congdoan.awards.services.campaigns import CampaignInput, campaign_create
from congdoan.emulation.services.clusters import cluster_create
from congdoan.members.lookups import citizen_id_taken, member_in_scope
from tests.awards.helpers import titles
from tests.factories import user_with_role
from tests.members.registry import admit, person


def _message(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return " ".join(caught.value.messages)


def test_a_member_outside_the_scope_reads_as_a_code_that_does_not_exist(world):
    foreign = admit(world.alice, world.g4, person("Phan Văn Ngoài")).person
    own = admit(world.alice, world.g1, person("Trần Văn Trong")).person
    dana = scope_for(world.dana)
    assert member_in_scope(own.code.lower(), dana) == own
    outside = _message(lambda: member_in_scope(foreign.code, dana))
    missing = _message(lambda: member_in_scope("DV999999", dana))
    assert outside == f"Không tìm thấy đoàn viên mã {foreign.code}."
    assert missing == "Không tìm thấy đoàn viên mã DV999999."
    assert member_in_scope(foreign.code, scope_for(world.alice)) == foreign


def test_a_unit_outside_the_scope_or_the_subtree_is_refused(world):
    bob = scope_for(world.bob)
    assert unit_in_scope(" g1 ", bob, under=world.dd) == world.g1
    assert _message(lambda: unit_in_scope("G4", bob)) == "Không tìm thấy đơn vị mã G4."
    assert "G3 không thuộc" in _message(lambda: unit_in_scope("G3", bob, under=world.dd))
    alice = scope_for(world.alice)
    assert "G4 không thuộc" in _message(lambda: unit_in_scope("G4", alice, under=world.hn))


def test_a_user_whose_roles_all_lie_elsewhere_is_not_found(world):
    gina = user_with_role("gina", RoleKind.GRASSROOTS, world.g4)
    fresh = user_with_role("moi", RoleKind.VIEWER, world.g2)
    fresh.roles.all().delete()  # an account with no role yet may be given one
    bob = scope_for(world.bob)
    assert user_in_scope("dana", bob) == world.dana
    assert user_in_scope("moi", bob) == fresh
    assert _message(lambda: user_in_scope("gina", bob)) == "Không có người dùng này."
    assert user_in_scope("gina", scope_for(world.alice)) == gina


def test_council_members_come_from_the_organisers_line_of_the_tree(world):
    danang = user_with_role("hd_dn", RoleKind.COUNCIL, world.dn)
    district = user_with_role("hd_dd", RoleKind.COUNCIL, world.dd)
    assert set(council_candidates(world.dd)) == {world.erin, district}
    assert set(council_candidates(world.hn)) == {world.erin, district}
    assert set(council_candidates(world.dn)) == {danang}


def test_a_cccd_names_its_holder_only_to_whom_reads_them(world):
    holder = admit(world.alice, world.g4, person("Phan Văn Ngoài")).person
    number = holder.citizen_id
    inside = citizen_id_taken(number, holder, scope_for(world.alice)).messages[0]
    outside = citizen_id_taken(number, holder, scope_for(world.dana)).messages[0]
    unknown = citizen_id_taken(number, holder, None).messages[0]
    assert holder.full_name in inside
    assert (
        outside
        == unknown
        == (
            f"Số CCCD {number} đã là đoàn viên ở đơn vị khác — đề nghị chuyển sinh hoạt qua công "
            "đoàn cấp trên."
        )
    )


def test_the_services_refuse_allocations_and_cluster_members_outside_the_subtree(world):
    titles()
    data = CampaignInput(
        name="Đợt",
        title=Title.objects.get(code="doan-vien-xuat-sac"),
        year=2021,
        reference_on=date(2021, 1, 15),
        quota=2,
        deadlines={Step.NOMINATE: date(2099, 1, 1)},
        allocations=[(world.g1, 1), (world.g3, 1)],
    )
    refused = _message(lambda: campaign_create(actor=world.alice, organiser=world.dd, data=data))
    assert "G3 không thuộc" in refused
    refused = _message(
        lambda: cluster_create(
            actor=world.alice, owner=world.dd, year=2021, name="Cụm", units=[world.g1, world.g4]
        )
    )
    assert "G4 không thuộc" in refused
