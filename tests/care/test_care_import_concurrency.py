"""Two unions import lists naming the same people at the same moment, each through the
spreadsheet importer: every person is supported once in the programme, the other union's rows
for them are refused with the reason, and nothing else is lost. Row locks need PostgreSQL."""

import threading
from datetime import date

import pytest
from django.db import connection

from congdoan.care.models import Beneficiary, Support
from congdoan.imports.models import ImportKind, Outcome
from congdoan.imports.services import import_upload, run_import
from tests.care.helpers import tet
from tests.care.test_import import care_list
from tests.conftest import build_world

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
PEOPLE = 25


def _list(first: int) -> bytes:
    """PEOPLE rows from `first` on: the two lists share the people from 10 to PEOPLE - 1."""
    return care_list([
        [n, f"Người lao động {n}", "1990", f"0010900{n:05d}", "Thu nhập thấp", "Quà",
         "500.000", "Doanh nghiệp", "20/01/2025", ""]
        for n in range(first, first + PEOPLE)
    ])  # fmt: skip


def test_two_unions_importing_the_same_people_at_once_support_each_once():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    world = build_world()
    programme = tet(world)
    jobs = [
        import_upload(
            actor=world.bob,
            unit=unit,
            filename=f"{unit.code}.xlsx",
            data=_list(first),
            kind=ImportKind.CARE,
            joined_on=date(2025, 1, 22),
            care_programme=programme,
        )  # fmt: skip
        for unit, first in ((world.g1, 0), (world.g2, 10))
    ]
    start, errors = threading.Barrier(2), []

    def run(job):
        from django.db import connection as own

        try:
            start.wait()
            run_import(job, write=True)
        except Exception as error:  # noqa: BLE001 - the test reports what went wrong
            errors.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    shared = {f"0010900{n:05d}" for n in range(10, PEOPLE)}
    supported = list(Beneficiary.objects.filter(programme=programme).values_list("citizen_id"))
    assert len(supported) == len({cccd for (cccd,) in supported}) == PEOPLE + 10
    assert Support.objects.filter(beneficiary__programme=programme).count() == PEOPLE + 10
    refused = [
        reason
        for job in jobs
        for reason in job.rows.filter(outcome=Outcome.REJECTED).values_list("reason", flat=True)
    ]
    assert len(refused) == len(shared)
    assert all(reason for reason in refused)
