"""`__any_of` answers what `__in` answers, on plain fields and on relations, on either database."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from congdoan.org.models import Unit, UnitVersion

pytestmark = pytest.mark.django_db


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(picks=st.lists(st.integers(min_value=-3, max_value=40), max_size=30))
def test_any_of_is_in(world, picks):
    pks = sorted(Unit.objects.values_list("pk", flat=True))
    ids = [pks[i % len(pks)] if i >= 0 else -i * 10_000 for i in picks]  # some missing ids
    assert set(Unit.objects.filter(pk__any_of=ids)) == set(Unit.objects.filter(pk__in=ids))
    assert set(UnitVersion.objects.filter(unit__any_of=ids)) == set(
        UnitVersion.objects.filter(unit__in=ids)
    )
    assert set(UnitVersion.objects.filter(unit_id__any_of=ids)) == set(
        UnitVersion.objects.filter(unit_id__in=ids)
    )


def test_any_of_an_empty_list_matches_nothing(world):
    assert not Unit.objects.filter(pk__any_of=[]).exists()
    assert Unit.objects.exclude(pk__any_of=[]).count() == Unit.objects.count()


def test_ten_thousand_ids_go_as_one_parameter_on_postgresql(world):
    from django.db import connection

    ids = list(range(1, 10_001))
    chosen = Unit.objects.filter(pk__any_of=ids)
    assert chosen.count() == Unit.objects.filter(pk__lte=10_000).count()
    _sql, params = chosen.query.get_compiler(using="default").as_sql()
    assert len(params) == (1 if connection.vendor == "postgresql" else 10_000)
