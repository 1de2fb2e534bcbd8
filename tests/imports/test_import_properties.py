"""Whatever the rows hold, every one is accounted for and the preview writes nothing."""

import csv
import io
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from congdoan.imports.models import ImportRow
from congdoan.imports.services import import_upload, run_import
from congdoan.members.models import Person
from tests.imports.workbooks import member_workbook

cells = st.one_of(
    st.none(),
    st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=30),
    st.sampled_from(["Nguyễn Văn An", "TRẦN THỊ BÌNH", "NguyÔn V¨n Hïng", "Tổng cộng", "=1+1"]),
    st.sampled_from(["01/02/1990", "1/2/85", "1985", "05/1985", "31/02/1990", "x", "có"]),
    st.integers(min_value=-10, max_value=100_000),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 1, 1)),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
)
rows = st.lists(st.lists(cells, min_size=7, max_size=7), max_size=25)
noise = st.text(st.sampled_from("\x00\x01\x1f\u200b\t"), max_size=3)  # control characters
CSV_HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đảng viên", "Ghi chú"]
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def as_csv(rows: list[list], noise: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows([[noise + str(cell) if cell else cell for cell in row] for row in rows])
    writer.writerows([["", "Tổng cộng"], ["", "Người lập biểu"]])
    return out.getvalue().encode()


@FUZZ
@given(rows=rows, in_csv=st.booleans(), noise=noise)
@example(  # tabs typed inside the cells outnumber the commas: still comma separated
    rows=[[None] * 7, [None] * 4 + ["0"] * 3, [None] + ["0"] * 6, ["0"] * 7],
    in_csv=True,
    noise="\t\t",
)
def test_every_row_is_accounted_for_and_the_counts_add_up(world, rows, in_csv, noise):
    data = as_csv(rows, noise) if in_csv else member_workbook(rows)
    job = import_upload(
        actor=world.dana, unit=world.g1, filename="f", data=data, joined_on=date(2020, 1, 2)
    )
    job = run_import(job, write=False)
    counts = job.counts
    assert job.message == ""
    outcomes = sum(value for key, value in counts.items() if key != "read")
    assert outcomes == counts["read"] == ImportRow.objects.filter(job=job).count()
    assert counts["read"] >= len(rows) + 2  # the footer too; a blank run may end it early
    assert Person.objects.count() == 0
    rejected = ImportRow.objects.filter(job=job, outcome="rejected")
    assert all(row.reason for row in rejected)
