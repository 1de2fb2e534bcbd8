"""The import and export URLs for the walk in tests/test_url_scope.py."""

from congdoan.imports.models import ImportJob, ImportKind, ImportStatus
from tests.scope_walk import MEMBER_KEEPERS, Target


def _job(world, unit) -> ImportJob:
    return ImportJob.objects.create(
        kind=ImportKind.MEMBERS,
        unit=unit,
        created_by=world.alice,
        filename="ds.xlsx",
        data=b"",
        labels=["STT", "Họ và tên"],
        mapping={"full_name": 1},
        status=ImportStatus.UPLOADED,
    )


def targets(world) -> dict[str, list[Target]]:
    own, foreign = {"pk": _job(world, world.g1).pk}, {"pk": _job(world, world.g4).pk}
    keep = {"allowed": MEMBER_KEEPERS}
    return {
        # an empty upload shows the form again with the reason
        "imports:upload": [
            Target({"pk": world.g1.pk}, {"pk": world.g4.pk}, methods=("get", "post"), **keep)
        ],
        "imports:job": [Target(own, foreign, **keep)],
        "imports:progress": [Target(own, foreign, **keep)],
        "imports:errors": [Target(own, foreign, **keep)],
        # an empty mapping is refused on the page: the name column is required
        "imports:mapping": [Target(own, foreign, methods=("post",), **keep)],
        # a list not yet checked is not written: back to its page
        "imports:commit": [Target(own, foreign, methods=("post",), post_status=302, **keep)],
        # a job that has not failed is not run again: back to its page
        "imports:retry": [Target(own, foreign, methods=("post",), post_status=302, **keep)],
        "imports:member_export": [  # the form asking why, then the files
            Target(query="?status=all"),
            Target(query="?status=all&purpose=B%C3%A1o+c%C3%A1o+qu%C3%BD"),
            Target(query="?status=all&format=csv&purpose=B%C3%A1o+c%C3%A1o+qu%C3%BD"),
        ],
        "imports:unit_export": [Target({"pk": world.g1.pk}, {"pk": world.g4.pk})],
        "imports:template": [Target({"kind": kind}) for kind in ("members", "units")],
    }
