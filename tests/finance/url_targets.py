"""The money pages for the URL walk: G1's (inside every scope) and G4's (outside); the forms
are the keepers' of the union they name. The roll-up of a level: tests/finance/test_pages.py."""

from tests.scope_walk import MEMBER_KEEPERS, Target


def targets(world) -> dict[str, list[Target]]:
    own, other = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    forms = {"allowed": MEMBER_KEEPERS, "methods": ("get", "post")}
    pages = [Target(own, other, query="?year=2025")]
    return {
        "finance:money": pages,
        "finance:money_xlsx": pages,
        "finance:money_pdf": pages,
        **{
            f"finance:{name}": [Target(own, other, **forms)]
            for name in ("employer", "dues_record", "levy_record", "remit", "close")
        },
    }
