"""Two officers submit the last slot of an allocation at the same moment: exactly one succeeds,
the other is told the allocation is used up. Row locks need PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from congdoan.awards.models import Nomination
from congdoan.awards.services.nominations import nominate
from tests.awards.helpers import SUBMIT_ON, direct_union, dossier, official, seed_campaign, titles
from tests.conftest import build_world

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_last_slot_of_an_allocation_goes_to_exactly_one_officer():
    if connection.vendor != "postgresql":
        pytest.skip("row locks: run with scripts/with-postgres.sh")
    titles()
    world = build_world()
    union = direct_union(world)
    people = [official(union, given=g) for g in ("An", "Bình")]
    campaign = seed_campaign(world, [(union, 1)])
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def submit(person):
        try:
            barrier.wait()
            nominate(
                actor=world.bob,
                campaign=campaign,
                from_unit=union,
                person=person,
                dossier=dossier(campaign),
                on=SUBMIT_ON,
            )
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.messages[0])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "Đã hết chỉ tiêu của đơn vị (1/1)."]
    assert Nomination.objects.filter(campaign=campaign).count() == 1
