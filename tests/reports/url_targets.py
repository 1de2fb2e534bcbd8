"""The report URLs for the URL walk (tests/test_url_scope.py)."""

from tests.scope_walk import MEMBER_KEEPERS, Target

PERIOD = "?from=2024-01-01&to=2024-12-31"


def targets(world) -> dict[str, list[Target]]:
    unit, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    return {
        "reports:report": [Target(unit, other, query=PERIOD)],
        "reports:json": [Target(unit, other, query=PERIOD)],
        "reports:download": [
            Target({**unit, "kind": kind}, {**other, "kind": kind}, query=PERIOD)
            for kind in ("docx", "xlsx", "pdf")
        ],
        "reports:units": [
            Target(unit, other, query=f"{PERIOD}&kind={kind}")
            for kind in ("total", "established", "ended")
        ],
        "reports:referrals": [  # the Party referrals: for the registry's keepers only
            Target(unit, other, query=f"{PERIOD}&kind={kind}", allowed=MEMBER_KEEPERS)
            for kind in ("introduced", "admitted")
        ],
        "reports:dashboard": [Target()],
    }
