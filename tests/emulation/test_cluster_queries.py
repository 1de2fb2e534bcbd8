"""The cluster page's query count does not grow with its member units or their targets."""

from datetime import date

from django.test import Client
from django.urls import reverse

from congdoan.emulation.models import Indicator
from congdoan.emulation.services.clusters import (
    cluster_add_member,
    covenant_set,
    covenant_set_targets,
)
from tests.emulation.helpers import cluster_of_dd_and_tt
from tests.factories import make_unit

CLUSTER_QUERIES = 27  # with the check that the kept monthly figures were built; the signed covenant


def _targets(world, covenant, unit) -> None:
    values = {value: 3 for value, _label in Indicator.choices}
    covenant_set_targets(actor=world.bob, covenant=covenant, unit=unit, values=values)


def _cluster(world, extra: int):
    cluster = cluster_of_dd_and_tt(world)
    covenant = covenant_set(
        actor=world.bob, cluster=cluster, theme="Chủ đề 2020", signed_on=date(2020, 2, 28)
    )
    units = [world.dd, world.tt]
    for i in range(extra):
        unit = make_unit(f"Q{i}", f"Liên đoàn Lao động quận Mới {i}", "district", world.hn)
        cluster_add_member(actor=world.bob, cluster=cluster, unit=unit, joined_on=date(2020, 3, 1))
        units.append(unit)
    for unit in units:
        _targets(world, covenant, unit)
    return cluster


def _page_queries(world, cluster, django_assert_max_num_queries) -> str:
    client = Client()
    client.force_login(world.charlie)
    url = reverse("emulation:cluster", args=[cluster.pk])
    client.get(url)
    with django_assert_max_num_queries(CLUSTER_QUERIES):
        page = client.get(url)
    assert page.status_code == 200
    return page.content.decode()


def test_the_cluster_page_of_two_units_stays_within_the_pinned_count(
    world, django_assert_max_num_queries
):
    text = _page_queries(world, _cluster(world, 0), django_assert_max_num_queries)
    assert text.count("/ 3") == 2 * len(Indicator.choices)


def test_the_cluster_page_of_six_units_stays_within_the_same_count(
    world, django_assert_max_num_queries
):
    text = _page_queries(world, _cluster(world, 4), django_assert_max_num_queries)
    assert text.count("/ 3") == 6 * len(Indicator.choices)
    assert "Liên đoàn Lao động quận Mới 3" in text
