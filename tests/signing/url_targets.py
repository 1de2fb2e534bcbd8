"""The signing administration's URLs for the URL walk: a unit's certificates and signers are
kept by whoever grants roles on it (G1 inside, G4 outside); the trust roots are the system
administrator's."""

from congdoan.accounts.models import RoleKind
from congdoan.signing.services import signer_name
from tests.factories import user_with_role
from tests.scope_walk import ROLE_GRANTERS, Target


def targets(world) -> dict[str, list[Target]]:
    own = signer_name(actor=world.alice, unit=world.g1, user=world.dana, name="Dana", title="CT")
    reader = user_with_role("ky_danang", RoleKind.VIEWER, world.g4)
    other = signer_name(actor=world.alice, unit=world.g4, user=reader, name="Ký", title="CT")
    unit, foreign = {"pk": world.g1.pk}, {"pk": world.g4.pk}
    keep = {"allowed": ROLE_GRANTERS, "methods": ("get", "post")}
    return {
        "signing:unit": [Target(unit, foreign, **keep)],
        "signing:signer_new": [Target(unit, foreign, **keep)],
        "signing:signer_remove": [
            Target(
                {"pk": own.pk},
                {"pk": other.pk},
                allowed=ROLE_GRANTERS,
                methods=("post",),
                post_status=302,
            )
        ],
        "signing:trust_roots": [Target(allowed={"alice"}, methods=("get", "post"))],
    }
