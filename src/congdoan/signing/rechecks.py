"""Checking the stored PDFs again when the trust roots change. A check keeps only what it found
under the file's hash; the bytes are kept by the apps that took the upload (a nomination's
dossier), each registering a store with `@pdf_store`: a function from hashes to the bytes it
keeps under them. `recheck_pdfs` runs on the task worker: a root added can only turn a signed
file's "not trusted" into "trusted" (and a root removed the other way), so only those are read."""

from __future__ import annotations

from collections.abc import Callable

from django_tasks import task

from congdoan.signing.models import CheckStatus, PdfCheck

Store = Callable[[list[str]], dict[str, bytes]]
STORES: list[Store] = []
BATCH = 50  # files read at once


def pdf_store(function: Store) -> Store:
    """Register where uploaded PDFs are kept (see the module's docstring)."""
    STORES.append(function)
    return function


def _bytes_of(hashes: list[str]) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for store in STORES:
        missing = [sha for sha in hashes if sha not in found]
        if missing:
            found.update(store(missing))
    return found


def recheck_stored(*, trusted: bool) -> int:
    """Check again every signed file whose check said `trusted`; the number checked. A file no
    store keeps any more is left as it was checked."""
    from congdoan.signing.services import pdf_check

    signed = PdfCheck.objects.filter(
        status__in=[CheckStatus.INTACT, CheckStatus.ALTERED], trusted=trusted
    )
    hashes = list(signed.order_by("pk").values_list("sha256", flat=True))
    done = 0
    for start in range(0, len(hashes), BATCH):
        for data in _bytes_of(hashes[start : start + BATCH]).values():
            pdf_check(data=data)
            done += 1
    return done


@task()
def recheck_pdfs(trusted: bool) -> None:
    recheck_stored(trusted=trusted)
