"""The congress and term pages for the URL walk (tests/test_url_scope.py); the other org pages are
walked in tests/test_url_scope.py itself."""

from __future__ import annotations

from datetime import date

from congdoan.members.models import Official
from congdoan.org.models import Position, Term
from tests.factories import PersonFactory
from tests.scope_walk import MEMBER_KEEPERS, Target


def targets(world) -> dict[str, list[Target]]:
    own, foreign = (
        Term.objects.create(
            unit=unit, name="Nhiệm kỳ 2023–2028", starts_on=date(2023, 5, 1),
            congress_on=date(2023, 5, 1),
        )
        for unit in (world.g1, world.g4)
    )  # fmt: skip
    # A post with no term: the officers' removal is refused (nothing written), others' 403/404.
    posts = [
        Official.objects.create(
            unit=unit,
            person=PersonFactory(),
            position=Position.objects.get(code="executive-member"),
            starts_on=date(2023, 5, 1),
        )
        for unit in (world.g1, world.g4)
    ]
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    term, other_term = {"pk": own.pk}, {"pk": foreign.pk}
    keep = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    return {
        "org:terms": [Target(unit, other)],
        "org:term_new": [Target(unit, other, **keep)],
        "org:term": [Target(term, other_term)],
        "org:term_edit": [Target(term, other_term, **keep)],
        "org:term_elect": [
            Target(term, other_term, **keep),
            Target(term, other_term, query="?q=nguyen", allowed=MEMBER_KEEPERS),
        ],
        "org:term_unelect": [
            Target(
                {"pk": posts[0].pk},
                {"pk": posts[1].pk},
                allowed=MEMBER_KEEPERS,
                methods=("post",),
                post_status=302,
            )
        ],
    }
