"""The capped paginator counts no further than its cap, and says when rows lie past it."""

import pytest
from django.contrib.auth.models import Group

from congdoan.core.paging import CappedPaginator


class _Three(CappedPaginator):
    cap = 3


@pytest.mark.parametrize("rows", [0, 2, 3, 4, 7])
def test_the_count_stops_at_the_cap_and_the_exact_count_is_there_when_asked(db, rows):
    Group.objects.bulk_create(Group(name=f"g{i}") for i in range(rows))
    paginator = _Three(Group.objects.order_by("name"), 2)
    assert paginator.count == min(rows, 3)
    assert paginator.more == (rows > 3)
    assert paginator.num_pages == max(1, -(-min(rows, 3) // 2))
    assert paginator.counted == min(rows, 4)  # past the cap: the cap and one more
    assert paginator.get_page(99).number == paginator.num_pages  # as far as the cap goes
