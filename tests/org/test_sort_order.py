"""Units are listed in Vietnamese dictionary order everywhere ("Đ" after "D", "Ứ" after "U"),
by the one key of core.text, whichever way their versions were written."""

from datetime import date

from django.urls import reverse

from congdoan.accounts.scope import scope_for
from congdoan.core.text import vi_sort_key
from congdoan.emulation.selectors import named_units
from congdoan.org.models import Level, UnitVersion
from congdoan.org.selectors import children_on, open_units, search_units
from tests.factories import make_unit

NAMES = [
    "Công đoàn Ứng Hòa",
    "Công đoàn Tây Hồ",
    "Công đoàn Đông Anh",
    "Công đoàn Dịch Vọng",
    "Công đoàn Uy Nỗ",
    "Công đoàn Ân Thi",
    "Công đoàn Ba Vì",
    "Công đoàn Em Bé",
]
DICTIONARY = sorted(NAMES, key=vi_sort_key)


def _unions(world):
    return [
        make_unit(f"S{number}", name, "grassroots", world.dd) for number, name in enumerate(NAMES)
    ]


def test_the_dictionary_order_is_the_vietnamese_one():
    assert DICTIONARY == [
        "Công đoàn Ân Thi",
        "Công đoàn Ba Vì",
        "Công đoàn Dịch Vọng",
        "Công đoàn Đông Anh",
        "Công đoàn Em Bé",
        "Công đoàn Tây Hồ",
        "Công đoàn Uy Nỗ",
        "Công đoàn Ứng Hòa",
    ]


def test_children_choices_search_and_named_lists_follow_the_dictionary(world):
    units = _unions(world)
    scope = scope_for(world.bob)
    day = date(2024, 1, 1)
    ours = set(NAMES)

    def only_ours(names):
        return [name for name in names if name in ours]

    assert only_ours(v.name for v in children_on(world.dd, day, scope)) == DICTIONARY
    within = UnitVersion.objects.filter(unit__in=units)
    assert [u.current_name for u in open_units(levels=[Level.GRASSROOTS], within=within)] == (
        DICTIONARY
    )
    assert [u.display_name for u in named_units([u.pk for u in units], day)] == DICTIONARY
    assert only_ours(v.name for v in search_units(scope, "cong doan")) == DICTIONARY


def test_the_unit_page_lists_its_children_in_dictionary_order(world, client):
    _unions(world)
    client.force_login(world.bob)
    page = client.get(reverse("org:detail", args=[world.dd.pk])).content.decode()
    positions = [page.index(name) for name in DICTIONARY]
    assert positions == sorted(positions)


def test_versions_written_in_bulk_get_their_key(world):
    version = UnitVersion.objects.filter(unit=world.g1).get()
    UnitVersion.objects.filter(pk=version.pk).update(sort_key="")
    version.pk, version.valid_from = None, date(2030, 1, 1)
    UnitVersion.objects.filter(unit=world.g1).update(valid_to=date(2030, 1, 1))
    (written,) = UnitVersion.objects.bulk_create([version])
    assert UnitVersion.objects.get(pk=written.pk).sort_key == vi_sort_key(version.name)
