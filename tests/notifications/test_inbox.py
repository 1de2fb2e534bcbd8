"""The inbox along the nomination chain: each step shows for the user who does it, only in
their scope, and goes away once done."""

from datetime import date

import pytest
from django.urls import reverse

from congdoan.accounts.models import RoleKind
from congdoan.awards.services.nominations import nominate, party_confirm, upper_approve
from congdoan.notifications import sources  # noqa: F401
from congdoan.notifications.registry import SOURCES, Entry, source, waiting
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign, titles
from tests.factories import user_with_role


@pytest.fixture
def chain(world):
    titles()
    union = direct_union(world)
    person = official(union)
    keeper = user_with_role("hoa", RoleKind.GRASSROOTS, union)
    other_union = direct_union(world)
    other_keeper = user_with_role("lan", RoleKind.GRASSROOTS, other_union)
    campaign = seed_campaign(world, [(union, 3), (other_union, 1)])
    nomination = nominate(
        actor=keeper,
        campaign=campaign,
        from_unit=union,
        person=person,
        dossier=dossier(campaign),
        on=SUBMIT_ON,
    )
    return keeper, other_keeper, nomination


def titles_of(user) -> list[str]:
    return [entry.title for entry in waiting(user)]


def test_each_step_waits_on_the_user_who_does_it_and_goes_away_when_done(world, chain):
    keeper, other_keeper, nomination = chain
    name = nomination.person.full_name
    assert titles_of(keeper) == [f"Chờ cấp ủy xác nhận: {name}"]
    assert titles_of(other_keeper) == []  # another union's keeper: not in scope
    assert not any("cấp trên" in t for t in titles_of(world.bob))

    party_confirm(
        actor=keeper, nomination=nomination, committee="Chi bộ", document="1-XN", on=SUBMIT_ON
    )
    assert titles_of(keeper) == []
    assert f"Chờ công đoàn cấp trên xét duyệt: {name}" in titles_of(world.bob)
    assert titles_of(other_keeper) == []
    assert not any("cấp trên" in t for t in titles_of(world.frank))

    upper_approve(actor=world.bob, nomination=nomination, on=date(2020, 2, 16))
    assert not any("cấp trên" in t for t in titles_of(world.bob))
    assert f"Chờ chấm điểm hội đồng: {name}" in titles_of(world.erin)
    assert titles_of(keeper) == [] and titles_of(other_keeper) == []


def test_the_council_entry_goes_away_once_the_member_scored(world, chain):
    from congdoan.awards.models import CouncilMember, Score

    keeper, _other, nomination = chain
    party_confirm(
        actor=keeper, nomination=nomination, committee="Chi bộ", document="1-XN", on=SUBMIT_ON
    )
    upper_approve(actor=world.bob, nomination=nomination, on=date(2020, 2, 16))
    seat = CouncilMember.objects.get(campaign=nomination.campaign, user=world.erin)
    Score.objects.create(nomination=nomination, member=seat, points=90)
    assert not any("hội đồng" in t for t in titles_of(world.erin))


def test_the_page_lists_the_entries_with_unit_and_link(client, world, chain):
    keeper, _other, nomination = chain
    client.force_login(keeper)
    page = client.get(reverse("notifications:inbox")).content.decode()
    assert nomination.person.full_name in page
    assert reverse("awards:nomination", args=[nomination.pk]) in page
    assert nomination.nominating_unit.latest_name in page


def test_the_page_asks_to_sign_in(client):
    answer = client.get(reverse("notifications:inbox"))
    assert answer.status_code == 302 and reverse("login") in answer["Location"]


def test_a_new_source_is_one_registered_function(world):
    def extra(user, scope):
        return [Entry(title="Chờ tiếp nhận", unit_name="X", link="/", since=date(2020, 1, 1))]

    source(extra)
    try:
        assert [e.title for e in waiting(world.bob)][0] == "Chờ tiếp nhận"
    finally:
        SOURCES.remove(extra)


def test_another_federation_sees_nothing_of_it(world, chain):
    keeper, _other, nomination = chain
    party_confirm(
        actor=keeper, nomination=nomination, committee="Chi bộ", document="1-XN", on=SUBMIT_ON
    )
    danang = user_with_role("tuan", RoleKind.FEDERATION, world.dn)
    assert waiting(danang) == []
    upper_approve(actor=world.bob, nomination=nomination, on=date(2020, 2, 16))
    assert waiting(danang) == []


def test_the_page_reads_a_bounded_number_of_queries(
    client, world, chain, django_assert_max_num_queries
):
    """More nominations waiting do not cost more queries (pinned; raise it only with a reason)."""
    keeper, _other, nomination = chain
    client.force_login(keeper)
    client.get(reverse("notifications:inbox"))  # warm the session and scope
    with django_assert_max_num_queries(30) as first:
        client.get(reverse("notifications:inbox"))
    for given in ["Bình", "Cường"]:
        union = nomination.nominating_unit
        nominate(
            actor=keeper,
            campaign=nomination.campaign,
            from_unit=union,
            person=official(union, given=given),
            dossier=dossier(nomination.campaign),
            on=SUBMIT_ON,
        )
    with django_assert_max_num_queries(len(first.captured_queries)):
        page = client.get(reverse("notifications:inbox")).content.decode()
    assert page.count("Chờ cấp ủy xác nhận") == 3
