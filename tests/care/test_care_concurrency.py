"""Two imports of the same support list at the same moment support each person once: the
programme's row lock orders them. Row locks need PostgreSQL."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from congdoan.care.models import Support
from congdoan.care.services import supports_record
from tests.care.helpers import row, tet
from tests.conftest import build_world

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_imports_at_once_support_each_person_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    world = build_world()
    programme = tet(world)
    rows = [row(f"Người {i}", f"0013010{i:05d}") for i in range(30)]
    start, outcomes = threading.Barrier(2), []

    def run():
        from django.db import connection as own

        try:
            start.wait()
            supports_record(actor=world.bob, programme=programme, unit=world.g1, rows=rows)
            outcomes.append("kept")
        except ValidationError:
            outcomes.append("refused")
        finally:
            own.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["kept", "refused"]
    assert Support.objects.count() == 30
