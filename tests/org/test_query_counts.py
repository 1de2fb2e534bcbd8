"""Query counts of the tree pages are pinned and do not grow with the number of units shown."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import make_unit

PAGES = {
    "home": lambda w: reverse("home"),
    "tree": lambda w: reverse("org:tree") + "?as_of=2024-01-01",
    "children": lambda w: reverse("org:children", args=[w.dd.pk]) + "?as_of=2024-01-01",
    "detail": lambda w: reverse("org:detail", args=[w.dd.pk]) + "?as_of=2024-01-01",
    "history": lambda w: reverse("org:history", args=[w.dd.pk]),
    "search": lambda w: reverse("org:search") + "?q=cong+doan",
}


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_tree(world, page, django_assert_num_queries):
    client = Client()
    client.force_login(world.bob)
    url = PAGES[page](world)
    client.get(url)  # warm the session
    with django_assert_num_queries(EXPECTED[page]):
        client.get(url)
    for i in range(15):
        make_unit(f"EXTRA-{i}", f"Công đoàn Công ty Mới {i}", "grassroots", world.dd)
    with django_assert_num_queries(EXPECTED[page]):
        client.get(url)


# Each page pays 5 queries of its own before any content: the session, the user, the user's
# roles and their paths (the scope), and the session's sliding expiry (save). The history pays
# for its page count, the names of the units its entries name by code, and the Roles tab.
# Home and the unit's page read the members from the kept rows (`figures.sources`): whether
# they are built, whether the tree moved this month, the unit's row and the one below it, and
# the memberships and Party admissions since the month began.
EXPECTED = {"home": 15, "tree": 8, "children": 10, "detail": 28, "history": 14, "search": 10}
