"""What the preview says of a row: a rejected row keeps its name and every reason, and a birth
given as a year alone is kept as a year ("1997"), not as 01/01/1997."""

from datetime import date

from django.urls import reverse

from congdoan.imports.models import ImportRow, Outcome
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Person
from tests.imports.workbooks import member_workbook
from tests.members.registry import citizen_id


def _import(world, rows, write=False):
    job = import_upload(
        actor=world.dana, unit=world.g1, filename="ds.xlsx", data=member_workbook(rows),
        joined_on=date(2020, 3, 2),
    )  # fmt: skip
    return run_import(job, write=write)


def test_a_row_with_two_problems_is_named_with_both_reasons(world, client):
    job = _import(world, [[1, "Hoàng Văn Bình", "31/02/1990", None, "12345", None, None]])
    row = ImportRow.objects.get(job=job, outcome=Outcome.REJECTED)
    assert row.name == "Hoàng Văn Bình"
    assert "31/02/1990" in row.reason and "CCCD" in row.reason
    client.force_login(world.dana)
    page = client.get(reverse("imports:job", args=[job.pk])).content.decode()
    assert "Hoàng Văn Bình" in page and "31/02/1990" in page


def test_a_birth_year_alone_is_kept_and_shown_as_the_year(world, client):
    cccd = citizen_id("F", date(1997, 1, 1))
    _import(world, [[1, "Lê Thị Thu", None, "1997", cccd, None, None]], write=True)
    person = Person.objects.get(citizen_id=cccd)
    assert (person.birth_date, person.birth_year_only, person.birth_shown) == (
        date(1997, 1, 1),
        True,
        "1997",
    )
    client.force_login(world.dana)
    page = client.get(reverse("members:detail", args=[person.pk])).content.decode()
    assert "1997" in page and "01/01/1997" not in page
    listing = client.get(reverse("members:list") + "?q=le+thi+thu").content.decode()
    assert "01/01/1997" not in listing
