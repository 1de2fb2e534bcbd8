"""The emulation pages render what the records say, and their query counts are pinned."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from congdoan.emulation.models import Round
from congdoan.emulation.selectors import card_of
from congdoan.emulation.services.clusters import cluster_add_member, cluster_set_leads, covenant_set
from congdoan.emulation.services.rounds import sheet_submit
from tests.emulation.helpers import cluster_of_dd_and_tt, marks, quality_card
from tests.emulation.test_quality import rated
from tests.factories import make_unit


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _self_scored(world, cluster, unit, share):
    sheet_submit(
        actor=world.bob,
        cluster=cluster,
        round_=Round.YEAREND,
        subject=unit,
        scorer=unit,
        cross=False,
        points=marks(card_of(cluster.scorecard), Decimal(share)),
        evidence={},
    )


@pytest.fixture
def cluster(world):
    cluster = cluster_of_dd_and_tt(world)
    cluster_set_leads(actor=world.bob, cluster=cluster, lead=world.dd, deputy=None)
    covenant_set(actor=world.bob, cluster=cluster, theme="Chủ đề 2020", signed_on=date(2020, 2, 28))
    _self_scored(world, cluster, world.dd, "0.9")
    _self_scored(world, cluster, world.tt, "0.8")
    return cluster


def test_the_ranking_page_shows_the_live_order_and_the_tie_rule(world, cluster):
    page = _client(world.frank).get(reverse("emulation:ranking", args=[cluster.pk, "yearend"]))
    text = page.content.decode()
    assert text.index("Liên đoàn Lao động quận Đống Đa") < text.index("Thanh Trì")
    assert "phiếu suy tôn" in text


def test_the_ranking_page_query_count_does_not_grow_with_the_cluster(
    world, cluster, django_assert_num_queries
):
    client = _client(world.charlie)
    url = reverse("emulation:ranking", args=[cluster.pk, "yearend"])
    client.get(url)
    with django_assert_num_queries(RANKING_QUERIES):
        client.get(url)
    for i in range(4):
        unit = make_unit(f"Q{i}", f"Liên đoàn Lao động quận Mới {i}", "district", world.hn)
        cluster_add_member(actor=world.bob, cluster=cluster, unit=unit, joined_on=date(2020, 3, 1))
        _self_scored(world, cluster, unit, "0.5")
    with django_assert_num_queries(RANKING_QUERIES):
        client.get(url)


RANKING_QUERIES = 18


def test_the_quality_page_counts_classes_with_a_pinned_query_count(
    world, django_assert_num_queries
):
    rated(world, world.g1, Decimal("0.95"))
    client = _client(world.bob)
    url = reverse("emulation:quality", args=[world.hn.pk]) + "?year=2020"
    client.get(url)
    with django_assert_num_queries(QUALITY_QUERIES):
        text = client.get(url).content.decode()
    assert "Hoàn thành xuất sắc nhiệm vụ" in text
    rated(world, world.g2, Decimal("0.75"))
    rated(world, world.g3, Decimal("0.55"))
    with django_assert_num_queries(QUALITY_QUERIES):
        client.get(url)


QUALITY_QUERIES = 13


def test_a_published_rating_is_shown_to_every_reader_of_the_union(world):
    quality_card(world)
    rated(world, world.g1, Decimal("0.8"))
    page = _client(world.frank).get(reverse("emulation:rating", args=[world.g1.pk, 2020]))
    assert "Hoàn thành tốt nhiệm vụ" in page.content.decode()


def test_a_score_above_the_maximum_is_refused_on_the_page(world, cluster):
    url = reverse("emulation:score", args=[cluster.pk, "yearend"])
    card = card_of(cluster.scorecard)
    data = {f"p{leaf.key}": "1" for leaf in card.leaves}
    data[f"p{card.leaves[0].key}"] = "99"
    page = _client(world.charlie).post(url, data)
    assert page.status_code == 200
    assert "tối đa 15" in page.content.decode()


def test_a_union_not_yet_ratable_is_told_so_before_any_form(world, client):
    young = make_unit("G5", "Công đoàn Công ty Mới", "grassroots", world.dd, on=date(2020, 3, 1))
    client.force_login(world.charlie)
    page = client.get(reverse("emulation:rating", args=[young.pk, 2020])).content.decode()
    assert "chưa đủ thời gian" in page
    assert reverse("emulation:rating_self", args=[young.pk, 2020]) not in page
    form = client.get(reverse("emulation:rating_self", args=[young.pk, 2020]), follow=True)
    assert form.status_code == 200 and "chưa đủ thời gian" in form.content.decode()


def test_a_year_after_the_last_card_can_be_rated_on_the_card_in_force(world, client):
    quality_card(world, 2020)
    client.force_login(world.charlie)
    form = client.get(reverse("emulation:rating_self", args=[world.g1.pk, 2025]))
    assert form.status_code == 200 and "Tự chấm điểm" in form.content.decode()
